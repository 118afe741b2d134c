//! The command line: its grammar (clap) and the dispatch to each command.
//! Exit codes: 0 success, 1 invalid input or runtime failure, 2 bad usage.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::commands;

#[derive(Debug, Parser)]
#[command(
    name = "readouts",
    version,
    about = "Read two official readouts of the same event side by side, aligned by topic.",
    long_about = "Read two official readouts of the same event side by side, aligned by topic.\n\n\
        Without a command, opens the viewer on FILE (or on the built-in readout of the \
        30 December 2021 Biden–Putin call). FILE may be `-` for standard input.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub view: ViewArgs,
}

/// The viewer's arguments.
#[derive(Debug, Args)]
pub struct ViewArgs {
    /// A readout file (TOML, format 1); `-` reads standard input. Without
    /// it, the built-in readout.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// The readout shown on the left (its id); the first by default.
    #[arg(long, value_name = "ID")]
    pub left: Option<String>,
    /// The readout shown on the right (its id); the second by default.
    #[arg(long, value_name = "ID")]
    pub right: Option<String>,
    /// Open at this topic (its id).
    #[arg(long, value_name = "ID")]
    pub topic: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate readout files; prints `FILE: ok (…)` for each valid one.
    Check {
        /// Readout files (TOML, format 1); `-` reads standard input.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

/// Parses the command line and runs the command; the process's exit code.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { files }) => commands::check::run(&files),
        None => commands::view::run(&cli.view),
    }
}
