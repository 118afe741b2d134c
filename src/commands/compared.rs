//! What `export` and `topics` start from: a document (a file, standard input
//! or the built-in readout) and the two readouts to compare in it.

use std::path::Path;
use std::process::ExitCode;

use super::source::{display_name, read_and_load, report};
use crate::document::diagnostic::Diagnostic;
use crate::document::load::load_str;
use crate::document::{Document, Pair, builtin};

/// Why a command stopped, and so its exit code.
#[derive(Debug)]
pub enum Failure {
    /// Invalid input or a failed write: exit 1.
    Failed(Vec<Diagnostic>),
    /// A command-line value that names nothing: exit 2.
    Usage(Diagnostic),
}

impl Failure {
    /// Writes the diagnostics to standard error; the exit code.
    pub fn report(self) -> ExitCode {
        match self {
            Failure::Failed(diagnostics) => {
                report(&diagnostics);
                ExitCode::FAILURE
            }
            Failure::Usage(diagnostic) => {
                report(&[diagnostic]);
                ExitCode::from(2)
            }
        }
    }
}

impl From<Diagnostic> for Failure {
    fn from(diagnostic: Diagnostic) -> Self {
        Failure::Failed(vec![diagnostic])
    }
}

/// How messages name the file argument (none: the built-in readout).
pub fn origin_name(file: Option<&Path>) -> String {
    file.map_or_else(|| builtin::NAME.to_string(), display_name)
}

/// Loads the file argument (`-`: standard input; none: the built-in
/// readout) and picks the readouts named by `--left`/`--right`. Loader
/// warnings go to standard error.
pub fn load_pair(
    file: Option<&Path>,
    left: Option<&str>,
    right: Option<&str>,
) -> Result<(Document, Pair), Failure> {
    let origin = origin_name(file);
    let loaded = match file {
        Some(path) => read_and_load(path),
        None => load_str(builtin::NAME, builtin::TEXT),
    };
    let loaded = loaded.map_err(Failure::Failed)?;
    report(&loaded.warnings);
    let document = loaded.document;
    let pair = document
        .pair(left, right)
        .map_err(|message| Failure::Usage(Diagnostic::error(&origin, message)))?;
    Ok((document, pair))
}
