//! `readouts print`: the aligned side-by-side view as plain text on
//! standard output — also what `readouts [FILE]` prints when standard
//! output is not a terminal.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::ValueEnum;

use super::compared::{Failure, load_pair, origin_name};
use crate::document::diagnostic::Diagnostic;
use crate::export::plain::{Arrangement, MIN_WIDTH, PlainOptions, write_side_by_side};

/// When to colour plain output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorChoice {
    /// Only on a terminal, and never when NO_COLOR is set.
    #[default]
    Auto,
    Always,
    Never,
}

/// What the user asked `print` for.
pub struct PrintRequest<'a> {
    pub file: Option<&'a Path>,
    pub left: Option<&'a str>,
    pub right: Option<&'a str>,
    pub width: Option<usize>,
    pub topic: Option<&'a str>,
    pub by_topic: bool,
    pub color: ColorChoice,
}

pub fn run(request: &PrintRequest<'_>) -> ExitCode {
    match print(request) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}

fn print(request: &PrintRequest<'_>) -> Result<(), Failure> {
    let (document, pair) = load_pair(request.file, request.left, request.right)?;
    let origin = origin_name(request.file);
    let width = resolve_width(request.width);
    if width < MIN_WIDTH {
        return Err(Failure::Usage(Diagnostic::error(
            &origin,
            format!("a width of {width} columns is too narrow; print needs at least {MIN_WIDTH}"),
        )));
    }
    let arrangement = match (request.topic, request.by_topic) {
        (Some(id), _) => Arrangement::Topic(
            document
                .find_topic(id)
                .map_err(|message| Failure::Usage(Diagnostic::error(&origin, message)))?,
        ),
        (None, true) => Arrangement::ByTopic,
        (None, false) => Arrangement::SourceOrder,
    };
    let stdout_is_terminal = io::stdout().is_terminal();
    let no_color = std::env::var("NO_COLOR").is_ok_and(|value| !value.is_empty());
    let color = match request.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => stdout_is_terminal && !no_color,
    };
    let options = PlainOptions {
        width,
        color,
        arrangement,
    };
    let mut out = BufWriter::new(io::stdout().lock());
    let written = write_side_by_side(&mut out, &document, pair, options).and_then(|()| out.flush());
    match written {
        Ok(()) => Ok(()),
        // A reader that stops early (`| head`) is not an error.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(error) => Err(Failure::from(Diagnostic::error(
            "<stdout>",
            format!("cannot write to standard output: {error}"),
        ))),
    }
}

/// `--width`, else the terminal's width when standard output is one, else
/// `$COLUMNS`, else 80.
fn resolve_width(asked: Option<usize>) -> usize {
    if let Some(width) = asked {
        return width;
    }
    if io::stdout().is_terminal()
        && let Ok((columns, _)) = ratatui::crossterm::terminal::size()
        && columns > 0
    {
        return usize::from(columns);
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|columns| columns.trim().parse().ok())
        .filter(|&columns: &usize| columns > 0)
        .unwrap_or(80)
}
