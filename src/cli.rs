//! The command line: its grammar (clap) and the dispatch to each command.
//! Exit codes: 0 success, 1 invalid input or runtime failure, 2 bad usage.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::commands;

#[derive(Debug, Parser)]
#[command(
    name = "readouts",
    version,
    about = "Read two official readouts of the same event side by side, aligned by topic.",
    arg_required_else_help = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate readout files; prints `FILE: ok (…)` for each valid one.
    Check {
        /// Readout files (TOML, format 1); `-` reads standard input.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Make a readout file from two plain-text readouts, a passage per paragraph.
    Import(commands::import::ImportArgs),
}

/// Parses the command line and runs the command; the process's exit code.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { files } => commands::check::run(&files),
        Command::Import(args) => commands::import::run(&args),
    }
}
