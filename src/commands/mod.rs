//! The commands, at the edge: each is `run(&XArgs) -> Result<(), Failure>`
//! with its own arguments (clap's `Args`); it reads through [`crate::io`],
//! calls the pure core, and writes through [`crate::io`]. Only
//! [`crate::cli`] turns a [`Failure`] into an exit code.

pub mod check;
pub mod color;
pub mod compared;
pub mod defaults;
pub mod export;
pub mod import;
pub mod init;
pub mod print;
pub mod topics;
pub mod view;

use crate::document::diagnostic::Diagnostic;

/// Why a command stopped, and so its exit code.
#[derive(Debug)]
pub enum Failure {
    /// Invalid input or a failed write: exit 1. The diagnostics are still
    /// to be reported (none: the command reported them as it went).
    Failed(Vec<Diagnostic>),
    /// A command-line value that names nothing in the file: exit 2.
    Usage(Diagnostic),
    /// Options that do not go together, told as clap tells a usage error
    /// with the usage line of the subcommand: exit 2.
    CommandLine {
        subcommand: &'static str,
        message: String,
    },
}

impl From<Diagnostic> for Failure {
    fn from(diagnostic: Diagnostic) -> Self {
        Failure::Failed(vec![diagnostic])
    }
}
