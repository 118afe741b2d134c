//! `readouts import --left A.txt --right B.txt`: reads the two plain-text
//! readouts, makes the readout file ([`crate::import`]) and writes it to
//! standard output, or atomically to `-o OUT`.

use std::path::{Path, PathBuf};

use super::Failure;
use crate::document::diagnostic::Diagnostic;
use crate::document::diagnostic::Severity;
use crate::document::load::{decode_utf8, invalid_id_help, is_valid_id};
use crate::document::normalize::normalize_line;
use crate::import::render::render;
use crate::import::split::Split;
use crate::import::{
    Draft, ImportedReadout, default_title, finer_split, label_from_file_stem, passages, readout_ids,
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
    /// The left pane's title [default: the file name without its extension]
    #[arg(long, value_name = "LABEL", value_parser = not_blank)]
    pub left_label: Option<String>,
    /// The right pane's title [default: the file name without its extension]
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
    let labels = [
        label(args.left_label.as_deref(), &args.left, "Left"),
        label(args.right_label.as_deref(), &args.right, "Right"),
    ];
    let given_ids = [args.left_id.as_deref(), args.right_id.as_deref()];
    let [left_id, right_id] = readout_ids(given_ids, [&labels[0], &labels[1]])
        .map_err(|message| usage_error(&message))?;
    let how = Split::from(args.split);
    let ((left_passages, left_split), (right_passages, right_split)) = match (
        read_passages(&args.left, how),
        read_passages(&args.right, how),
    ) {
        (Ok(left), Ok(right)) => (left, right),
        (left, right) => {
            let errors = [left.err(), right.err()].into_iter().flatten().collect();
            return Err(Failure::Failed(errors));
        }
    };
    let [left_label, right_label] = labels;
    let title = match &args.title {
        Some(title) => normalize_line(title),
        None => default_title(&left_label, &right_label),
    };
    let draft = Draft::new(
        title,
        ImportedReadout {
            id: left_id,
            label: left_label,
            file_name: file_name(&args.left),
            split: left_split,
            passages: left_passages,
        },
        ImportedReadout {
            id: right_id,
            label: right_label,
            file_name: file_name(&args.right),
            split: right_split,
            passages: right_passages,
        },
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

/// The passages of a plain-text readout and how it was cut; an error names
/// the file when it cannot be read, is not UTF-8, or holds no text. A text
/// that makes a single passage, when another way of cutting it would make
/// more, is reported with a warning that names that way.
fn read_passages(path: &Path, how: Split) -> Result<(Vec<String>, Split), Diagnostic> {
    let name = display_name(path);
    let bytes = read(path)?;
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
    let text = decode_utf8(&name, bytes)?;
    let (found, used) = passages(text, how);
    if found.is_empty() {
        return Err(Diagnostic::error(&name, format!("`{name}` has no text"))
            .with_help("a readout to import is plain text: paragraphs, lines or sentences"));
    }
    if found.len() == 1
        && let Some(finer) = finer_split(text)
    {
        let mut warning = Diagnostic::error(
            &name,
            format!("`{name}` is a single passage, cut by {}", used.name()),
        )
        .with_help(format!(
            "pass --split {} to make a passage of each {}",
            finer.name(),
            finer.name()
        ));
        warning.severity = Severity::Warning;
        report(&[warning]);
    }
    Ok((found, used))
}

fn label(given: Option<&str>, path: &Path, fallback: &str) -> String {
    match given {
        Some(label) => normalize_line(label),
        None if !is_stdin(path) => {
            let stem = path.file_stem().unwrap_or_default().to_string_lossy();
            label_from_file_stem(&stem, fallback)
        }
        None => fallback.to_string(),
    }
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
