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
    #[command(flatten)]
    pub compared: Compared,
    /// Open at this topic (its id).
    #[arg(long, value_name = "ID")]
    pub topic: Option<String>,
    /// Start in presentation mode (for a projector).
    #[arg(long)]
    pub present: bool,
    /// Leave the mouse to the terminal (its own text selection).
    #[arg(long)]
    pub no_mouse: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate readout files; prints `FILE: ok (…)` for each valid one.
    Check {
        /// Readout files (TOML, format 1); `-` reads standard input.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Write a handout organised by topic: Markdown, or one self-contained
    /// HTML page.
    Export {
        /// Readout file (TOML, format 1); `-` reads standard input; without
        /// it, the built-in readout.
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        /// The handout's format.
        #[arg(long, value_enum)]
        format: commands::export::Format,
        /// Write the handout to OUT (atomically) instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        out: Option<PathBuf>,
        #[command(flatten)]
        compared: Compared,
    },
    /// Print the coverage table: for each topic, which readouts mention it,
    /// where each first brings it up, and each one's share of words on it.
    Topics {
        /// Readout file (TOML, format 1); `-` reads standard input; without
        /// it, the built-in readout.
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        /// Print JSON for scripts instead of the table.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        compared: Compared,
    },
    /// Print the aligned side-by-side view as plain text.
    Print {
        /// Readout file (TOML, format 1); `-` reads standard input; without
        /// it, the built-in readout.
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        /// Columns per line; by default the terminal's width, else
        /// $COLUMNS, else 80.
        #[arg(long, value_name = "N")]
        width: Option<usize>,
        /// Only the passages of this topic (its id).
        #[arg(long, value_name = "ID", conflicts_with = "by_topic")]
        topic: Option<String>,
        /// Topic by topic, both sides' passages on each (a synopsis).
        #[arg(long)]
        by_topic: bool,
        /// When to use colour.
        #[arg(long, value_enum, value_name = "WHEN", default_value_t)]
        color: commands::print::ColorChoice,
        #[command(flatten)]
        compared: Compared,
    },
    /// Make a readout file from two plain-text readouts, a passage per paragraph.
    Import(commands::import::ImportArgs),
}

/// The two readouts to compare, by id; the file's first two by default.
#[derive(Debug, Args)]
pub struct Compared {
    /// The readout on the left.
    #[arg(long, value_name = "ID")]
    pub left: Option<String>,
    /// The readout on the right.
    #[arg(long, value_name = "ID")]
    pub right: Option<String>,
}

/// Parses the command line and runs the command; the process's exit code.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { files }) => commands::check::run(&files),
        Some(Command::Export {
            file,
            format,
            out,
            compared,
        }) => commands::export::run(
            file.as_deref(),
            format,
            out.as_deref(),
            compared.left.as_deref(),
            compared.right.as_deref(),
        ),
        Some(Command::Topics {
            file,
            json,
            compared,
        }) => commands::topics::run(
            file.as_deref(),
            json,
            compared.left.as_deref(),
            compared.right.as_deref(),
        ),
        Some(Command::Print {
            file,
            width,
            topic,
            by_topic,
            color,
            compared,
        }) => commands::print::run(&commands::print::PrintRequest {
            file: file.as_deref(),
            left: compared.left.as_deref(),
            right: compared.right.as_deref(),
            width,
            topic: topic.as_deref(),
            by_topic,
            color,
        }),
        Some(Command::Import(args)) => commands::import::run(&args),
        None => commands::view::run(&cli.view),
    }
}
