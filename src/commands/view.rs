//! `readouts [FILE]`: the viewer; or, when standard output is not a
//! terminal, exactly what `readouts print [FILE]` prints.

use std::io::IsTerminal;
use std::process::ExitCode;

use super::compared::{Failure, load_pair, origin_name};
use super::print::{self, ColorChoice, PrintRequest};
use crate::cli::ViewArgs;
use crate::document::diagnostic::Diagnostic;
use crate::terminal::{self, Launch};
use crate::ui::theme::Theme;

pub fn run(args: &ViewArgs) -> ExitCode {
    if !std::io::stdout().is_terminal() {
        return print::run(&PrintRequest {
            file: args.file.as_deref(),
            left: args.compared.left.as_deref(),
            right: args.compared.right.as_deref(),
            width: None,
            topic: args.topic.as_deref(),
            by_topic: false,
            color: ColorChoice::Auto,
        });
    }
    match launch(args) {
        Ok(launch) => terminal::run(launch),
        Err(failure) => failure.report(),
    }
}

fn launch(args: &ViewArgs) -> Result<Launch, Failure> {
    let (document, pair) = load_pair(
        args.file.as_deref(),
        args.compared.left.as_deref(),
        args.compared.right.as_deref(),
    )?;
    let topic = match args.topic.as_deref() {
        None => None,
        Some(id) => Some(document.find_topic(id).map_err(|message| {
            Failure::Usage(Diagnostic::error(
                &origin_name(args.file.as_deref()),
                message,
            ))
        })?),
    };
    let no_color = std::env::var("NO_COLOR").ok();
    // The built-in readout and standard input have no file to watch.
    let watch = args.file.clone().filter(|path| path.as_os_str() != "-");
    Ok(Launch {
        document,
        pair,
        topic,
        theme: Theme::from_no_color(no_color.as_deref()),
        present: args.present,
        mouse: !args.no_mouse,
        watch,
    })
}
