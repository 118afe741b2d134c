//! `readouts [FILE]`: the viewer, or — when standard output is not a
//! terminal — a clear message instead of a garbled screen.

use std::io::IsTerminal;
use std::process::ExitCode;

use super::source::{load_or_builtin, report};
use crate::cli::ViewArgs;
use crate::terminal::{self, Launch};
use crate::ui::theme::Theme;

/// Exit code for bad command-line usage.
const USAGE: u8 = 2;

pub fn run(args: &ViewArgs) -> ExitCode {
    let loaded = match load_or_builtin(args.file.as_deref()) {
        Ok(loaded) => loaded,
        Err(diagnostics) => {
            report(&diagnostics);
            return ExitCode::FAILURE;
        }
    };
    report(&loaded.warnings);
    let document = loaded.document;
    let pair = match document.pair(
        args.compared.left.as_deref(),
        args.compared.right.as_deref(),
    ) {
        Ok(pair) => pair,
        Err(message) => return usage_error(&message),
    };
    let topic = match args.topic.as_deref().map(|id| document.find_topic(id)) {
        None => None,
        Some(Ok(topic)) => Some(topic),
        Some(Err(message)) => return usage_error(&message),
    };
    if !std::io::stdout().is_terminal() {
        eprintln!(
            "error: standard output is not a terminal, so the viewer cannot open\n  = help: run `readouts` in a terminal, or `readouts check FILE` to validate a file"
        );
        return ExitCode::FAILURE;
    }
    let no_color = std::env::var("NO_COLOR").ok();
    terminal::run(Launch {
        document,
        pair,
        topic,
        theme: Theme::from_no_color(no_color.as_deref()),
    })
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(USAGE)
}
