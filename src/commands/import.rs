//! `readouts import --left A.txt --right B.txt`: reads the two plain-text
//! readouts, makes the readout file ([`crate::import`]) and writes it to
//! standard output, or atomically to `-o OUT`.

use std::path::{Path, PathBuf};

use super::Failure;
use toml::value::Datetime;

use crate::document::Date;
use crate::document::diagnostic::Diagnostic;
use crate::document::diagnostic::Severity;
use crate::document::load::{decode_utf8, invalid_id_help, is_valid_id};
use crate::document::normalize::{make_visible, normalize_line};
use crate::import::render::render;
use crate::import::split::Split;
use crate::import::{
    Draft, EventDate, ImportedReadout, LabelOrigin, ReadText, choose_label, default_title,
    read_text, readout_ids,
};
use crate::io::read::{display_name, is_stdin, read};
use crate::io::write::{Existing, report, write_output, write_stdout};

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The readout for the left pane: plain UTF-8 text, cut into passages
    /// as --split says; `-` reads standard input.
    #[arg(long, value_name = "FILE")]
    pub left: PathBuf,
    /// The readout for the right pane, as --left.
    #[arg(long, value_name = "FILE")]
    pub right: PathBuf,
    /// The left pane's title [default: from a heading on the text's first
    /// line, such as "Telephone conversation with …" (Kremlin), else the file
    /// name without its extension]
    #[arg(long, value_name = "LABEL", value_parser = not_blank)]
    pub left_label: Option<String>,
    /// The right pane's title [default: as for --left-label]
    #[arg(long, value_name = "LABEL", value_parser = not_blank)]
    pub right_label: Option<String>,
    /// The left readout's id [default: made from its label]
    #[arg(long, value_name = "ID", value_parser = readout_id)]
    pub left_id: Option<String>,
    /// The right readout's id [default: made from its label]
    #[arg(long, value_name = "ID", value_parser = readout_id)]
    pub right_id: Option<String>,
    /// The event [default: made from the labels]
    #[arg(long, value_parser = not_blank)]
    pub title: Option<String>,
    /// The day of the event, as YYYY-MM-DD [default: a date line under a
    /// text's heading, if there is one]
    #[arg(long, value_name = "DATE", value_parser = event_date)]
    pub date: Option<Date>,
    /// Who published the left readout, e.g. "Kremlin press service".
    #[arg(long, value_name = "SOURCE", value_parser = not_blank)]
    pub left_source: Option<String>,
    /// Who published the right readout.
    #[arg(long, value_name = "SOURCE", value_parser = not_blank)]
    pub right_source: Option<String>,
    /// Write the readout file to OUT instead of standard output (`-` is
    /// standard output); an existing OUT is kept unless --force is given.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Replace OUT if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
    /// Propose the topics both readouts talk about, from the words they share.
    #[arg(long)]
    pub suggest_topics: bool,
    /// How each text is cut into passages: `auto` takes paragraphs when the
    /// text has blank lines, else lines, else sentences.
    #[arg(long, value_enum, default_value_t = SplitArg::Auto, value_name = "HOW")]
    pub split: SplitArg,
}

/// `--split`, as the command line names the ways of cutting a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SplitArg {
    Auto,
    Paragraph,
    Line,
    Sentence,
}

impl From<SplitArg> for Split {
    fn from(arg: SplitArg) -> Self {
        match arg {
            SplitArg::Auto => Split::Auto,
            SplitArg::Paragraph => Split::Paragraph,
            SplitArg::Line => Split::Line,
            SplitArg::Sentence => Split::Sentence,
        }
    }
}

pub fn run(args: &ImportArgs) -> Result<(), Failure> {
    if is_stdin(&args.left) && is_stdin(&args.right) {
        return Err(usage_error(
            "--left and --right cannot both read standard input (`-`)",
        ));
    }
    let how = Split::from(args.split);
    let (left, right) = match (
        read_readout(&args.left, how),
        read_readout(&args.right, how),
    ) {
        (Ok(left), Ok(right)) => (left, right),
        (left, right) => {
            let errors = [left.err(), right.err()].into_iter().flatten().collect();
            return Err(Failure::Failed(errors));
        }
    };
    let sides = [
        Side::new(&args.left, args.left_label.as_deref(), &left, "Left"),
        Side::new(&args.right, args.right_label.as_deref(), &right, "Right"),
    ];
    let given_ids = [args.left_id.as_deref(), args.right_id.as_deref()];
    let [left_id, right_id] = readout_ids(given_ids, [&sides[0].label.0, &sides[1].label.0])
        .map_err(|message| usage_error(&message))?;
    let title = match &args.title {
        Some(title) => normalize_line(title),
        None => default_title(&sides[0].label.0, &sides[1].label.0),
    };
    let date = match args.date {
        Some(date) => Some(EventDate {
            date,
            from_file: None,
        }),
        None => sides.iter().zip([&left, &right]).find_map(|(side, read)| {
            read.date.as_ref().map(|(_, date)| EventDate {
                date: *date,
                from_file: Some(side.file_name.clone()),
            })
        }),
    };
    let [left_side, right_side] = sides;
    let draft = Draft::new(
        title,
        date,
        left_side.imported(left_id, args.left_source.as_deref(), left),
        right_side.imported(right_id, args.right_source.as_deref(), right),
        args.suggest_topics,
    );
    let text = render(&draft);
    match &args.output {
        Some(path) => {
            let inputs = [args.left.as_path(), args.right.as_path()];
            write_output(path, text.as_bytes(), Existing::forced(args.force), &inputs)?;
        }
        None => write_stdout(text.as_bytes())?,
    }
    Ok(())
}

/// A side's file name and label, known once its text is read.
struct Side {
    file_name: String,
    label: (String, LabelOrigin),
}

impl Side {
    fn new(path: &Path, given: Option<&str>, read: &ReadText, placeholder: &str) -> Self {
        let stem = (!is_stdin(path)).then(|| {
            path.file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned()
        });
        Side {
            file_name: file_name(path),
            label: choose_label(given, read.heading.as_ref(), stem.as_deref(), placeholder),
        }
    }

    fn imported(self, id: String, source: Option<&str>, read: ReadText) -> ImportedReadout {
        ImportedReadout {
            id,
            label: self.label.0,
            label_origin: self.label.1,
            file_name: self.file_name,
            source: source.map(normalize_line),
            heading: read.heading,
            date_lines: read.date.map(|(lines, _)| lines).unwrap_or_default(),
            split: read.split,
            passages: read.passages,
        }
    }
}

/// A plain-text readout, read; an error names the file when it cannot be
/// read, is not UTF-8, or holds no text. A text that makes a single
/// passage, when another way of cutting it would make more, is reported
/// with a warning that names that way.
fn read_readout(path: &Path, how: Split) -> Result<ReadText, Diagnostic> {
    let name = make_visible(&display_name(path));
    let bytes = read(path)?;
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
    let read = read_text(decode_utf8(&name, bytes)?, how);
    if read.passages.is_empty() {
        return Err(Diagnostic::error(&name, format!("`{name}` has no text"))
            .with_help("a readout to import is plain text: paragraphs, lines or sentences"));
    }
    if let Some(finer) = read.finer_split {
        let mut warning = Diagnostic::error(
            &name,
            format!("`{name}` is a single passage, cut by {}", read.split.name()),
        )
        .with_help(format!(
            "pass --split {} to make a passage of each {}",
            finer.name(),
            finer.name()
        ));
        warning.severity = Severity::Warning;
        report(&[warning]);
    }
    Ok(read)
}

fn file_name(path: &Path) -> String {
    match path.file_name() {
        Some(name) if !is_stdin(path) => name.to_string_lossy().into_owned(),
        _ => display_name(path),
    }
}

/// Options of `readouts import` that do not go together.
fn usage_error(message: &str) -> Failure {
    Failure::CommandLine {
        subcommand: "import",
        message: message.to_string(),
    }
}

fn not_blank(value: &str) -> Result<String, String> {
    if normalize_line(value).is_empty() {
        Err("it is blank".to_string())
    } else {
        Ok(value.to_string())
    }
}

fn readout_id(value: &str) -> Result<String, String> {
    if is_valid_id(value) {
        Ok(value.to_string())
    } else {
        Err(invalid_id_help(value))
    }
}

/// `--date`: a TOML date, as the readout file writes it.
fn event_date(value: &str) -> Result<Date, String> {
    let expected = "a date written YYYY-MM-DD, e.g. 2021-12-30";
    match value.parse::<Datetime>() {
        Ok(Datetime {
            date: Some(date),
            time: None,
            offset: None,
        }) => Ok(Date {
            year: date.year,
            month: date.month,
            day: date.day,
        }),
        Ok(_) => Err(format!("it is not a date alone; {expected}")),
        Err(error) => Err(format!("{error}; {expected}")),
    }
}
