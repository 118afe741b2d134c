//! The command line: its grammar (clap), the dispatch to each command, and
//! the one place a command's failure becomes an exit code.
//! Exit codes: 0 success, 1 invalid input or runtime failure, 2 bad usage.

mod manual;

use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{Args, CommandFactory, Parser, Subcommand};
use clap_complete::Shell;

use crate::commands::check::CheckArgs;
use crate::commands::export::ExportArgs;
use crate::commands::import::ImportArgs;
use crate::commands::init::InitArgs;
use crate::commands::print::PrintArgs;
use crate::commands::topics::TopicsArgs;
use crate::commands::view::ViewArgs;
use crate::commands::{self, Failure};
use crate::document::diagnostic::Diagnostic;
use crate::document::normalize::make_visible;
use crate::io::read::display_name;
use crate::io::write::{report, write_stdout};

#[derive(Debug, Parser)]
#[command(
    name = "readouts",
    version,
    about = "Read two official readouts of the same event side by side, aligned by topic.",
    long_about = "Read two official readouts of the same event side by side, aligned by topic.\n\n\
        Without a command, opens the viewer on FILE (or on the built-in readout of the \
        30 December 2021 Biden–Putin call). FILE may be `-` for standard input.",
    args_conflicts_with_subcommands = true,
    subcommand_value_name = "COMMAND",
    after_help = manual::epilogue()
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub view: ViewArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate readout files; prints `FILE: ok (…)` for each valid one.
    Check(CheckArgs),
    /// Write a handout organised by topic: Markdown, or one self-contained
    /// HTML page.
    Export(ExportArgs),
    /// Print the coverage table: for each topic, which readouts mention it,
    /// where each first brings it up, and each one's share of words on it.
    Topics(TopicsArgs),
    /// Print the aligned side-by-side view as plain text.
    Print(PrintArgs),
    /// Make a readout file from two plain-text readouts, a passage per paragraph.
    Import(ImportArgs),
    /// Write a readout file to start from (the built-in one), to edit.
    Init(InitArgs),
    /// Print a script that completes readouts' commands and options in a
    /// shell.
    Completions(CompletionsArgs),
    /// Print the manual page (roff): `readouts man | man -l -`.
    Man,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Parses the command line and runs the command; the process's exit code.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    if let Some(failure) = second_file(&cli).or_else(|| mistyped_subcommand(&cli)) {
        return exit_code(failure);
    }
    let result = match &cli.command {
        Some(Command::Check(args)) => commands::check::run(args),
        Some(Command::Export(args)) => commands::export::run(args),
        Some(Command::Topics(args)) => commands::topics::run(args),
        Some(Command::Print(args)) => commands::print::run(args),
        Some(Command::Import(args)) => commands::import::run(args),
        Some(Command::Init(args)) => commands::init::run(args),
        Some(Command::Completions(args)) => completions(args.shell),
        Some(Command::Man) => man(),
        None => commands::view::run(&cli.view),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => exit_code(failure),
    }
}

/// The completion script for `shell`, on standard output.
fn completions(shell: Shell) -> Result<(), Failure> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "readouts", &mut script);
    write_stdout(&script)?;
    Ok(())
}

/// The man page, on standard output.
fn man() -> Result<(), Failure> {
    let page = manual::man_page(Cli::command()).map_err(|error| {
        Diagnostic::error("<man>", format!("cannot make the man page: {error}"))
    })?;
    write_stdout(&page)?;
    Ok(())
}

/// `readouts talks.toml extra`: a second FILE where one is read, told as
/// a usage error; a command's name there was meant to come first.
fn second_file(cli: &Cli) -> Option<Failure> {
    let (subcommand, compared) = match &cli.command {
        None => ("", &cli.view.compared),
        Some(Command::Print(args)) => ("print", &args.compared),
        Some(Command::Export(args)) => ("export", &args.compared),
        Some(Command::Topics(args)) => ("topics", &args.compared),
        Some(
            Command::Check(_)
            | Command::Import(_)
            | Command::Init(_)
            | Command::Completions(_)
            | Command::Man,
        ) => return None,
    };
    let second = compared.more_files.first()?;
    let shown = make_visible(&second.to_string_lossy());
    let command = ["readouts", subcommand].join(" ");
    let command = command.trim_end();
    let mut message = format!("{command} reads one FILE, and `{shown}` is a second one");
    let first = compared
        .file
        .as_deref()
        .map(display_name)
        .unwrap_or_default();
    if subcommand.is_empty() && Cli::command().find_subcommand(&shown).is_some() {
        message.push_str(&format!(
            "\n\n  tip: a command comes first: `readouts {shown} {}`",
            make_visible(&first)
        ));
    } else {
        message.push_str(
            "\n\n  tip: two readouts to compare go in one file, as two [[readouts]]; pick them with --left and --right",
        );
    }
    Some(Failure::CommandLine {
        subcommand,
        message,
    })
}

/// `readouts prnt`: a FILE that does not exist and is a subcommand's name
/// but for a letter or two was meant as the subcommand.
fn mistyped_subcommand(cli: &Cli) -> Option<Failure> {
    if cli.command.is_some() {
        return None;
    }
    let file = cli.view.compared.file.as_deref()?;
    let name = file.to_str()?;
    if file.exists() || name.contains(['/', '.']) {
        return None;
    }
    let command = Cli::command();
    let closest = command
        .get_subcommands()
        .map(|sub| sub.get_name())
        .filter(|&sub| sub != "help")
        .map(|sub| (strsim::damerau_levenshtein(name, sub), sub))
        .min()?;
    (closest.0 <= 2).then(|| {
        Failure::Usage(
            Diagnostic::error(name, format!("`{name}` is neither a file nor a command"))
                .with_help(format!("did you mean `readouts {}`?", closest.1)),
        )
    })
}

/// Reports a failure on standard error; the exit code it means.
fn exit_code(failure: Failure) -> ExitCode {
    match failure {
        Failure::Failed(diagnostics) => {
            report(&diagnostics);
            ExitCode::FAILURE
        }
        Failure::Usage(diagnostic) => {
            report(&[diagnostic]);
            ExitCode::from(2)
        }
        Failure::CommandLine {
            subcommand,
            message,
        } => {
            let mut command = Cli::command();
            // Building sets the subcommand's full name ("readouts import")
            // for the usage line.
            command.build();
            let error = match command.find_subcommand_mut(subcommand) {
                Some(sub) => sub.error(ErrorKind::ArgumentConflict, message),
                None => command.error(ErrorKind::ArgumentConflict, message),
            };
            error.exit()
        }
    }
}
