//! `readouts export`: the handout, as Markdown or one HTML page, to standard
//! output or atomically to a file.

use std::path::Path;
use std::process::ExitCode;

use clap::ValueEnum;

use super::compared::{Failure, load_pair};
use super::output::{Existing, write_atomically, write_stdout};
use crate::export::{Comparison, html, markdown};

/// The handout's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// CommonMark, with a pipe table as GitHub and GitLab draw it.
    Markdown,
    /// One self-contained page: inline CSS, no scripts.
    Html,
}

pub fn run(
    file: Option<&Path>,
    format: Format,
    out: Option<&Path>,
    left: Option<&str>,
    right: Option<&str>,
) -> ExitCode {
    match export(file, format, out, left, right) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}

fn export(
    file: Option<&Path>,
    format: Format,
    out: Option<&Path>,
    left: Option<&str>,
    right: Option<&str>,
) -> Result<(), Failure> {
    let (document, pair) = load_pair(file, left, right)?;
    let comparison = Comparison::new(&document, pair);
    let text = match format {
        Format::Markdown => markdown::render(&comparison),
        Format::Html => html::render(&comparison),
    };
    match out {
        Some(path) => write_atomically(path, text.as_bytes(), Existing::Replace)?,
        None => write_stdout(text.as_bytes())?,
    }
    Ok(())
}
