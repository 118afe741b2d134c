//! `readouts [FILE]`: the viewer; or, when standard output is not a
//! terminal, exactly what `readouts print [FILE]` prints.

use std::io::IsTerminal;

use clap::Args;

use super::Failure;
use super::compared::Compared;
use super::print::{self, ColorChoice, PrintArgs};
use crate::document::diagnostic::Diagnostic;
use crate::io::read::is_stdin;
use crate::io::write::note;
use crate::io::{no_color, term_can_draw};
use crate::terminal::{self, Launch};
use crate::ui::theme::Theme;

/// The viewer's arguments.
#[derive(Debug, Args)]
pub struct ViewArgs {
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

pub fn run(args: &ViewArgs) -> Result<(), Failure> {
    let terminal = std::io::stdout().is_terminal();
    if terminal && !term_can_draw() {
        note(
            "this terminal cannot draw the viewer (TERM is dumb or unset); printing the side-by-side view instead",
        );
    }
    if !terminal || !term_can_draw() {
        return print::run(&PrintArgs {
            compared: args.compared.clone(),
            width: None,
            topic: args.topic.clone(),
            by_topic: false,
            color: ColorChoice::Auto,
        });
    }
    terminal::run(launch(args)?).map_err(|error| {
        Failure::from(Diagnostic::error(
            "<terminal>",
            format!("the terminal failed: {error}"),
        ))
    })
}

fn launch(args: &ViewArgs) -> Result<Launch, Failure> {
    let (document, pair) = args.compared.load()?;
    let topic = match &args.topic {
        None => None,
        Some(id) => Some(
            document
                .find_topic(id)
                .map_err(|message| args.compared.usage(message))?,
        ),
    };
    // The built-in readout and standard input have no file to watch.
    let watch = args.compared.file.clone().filter(|path| !is_stdin(path));
    Ok(Launch {
        document,
        pair,
        topic,
        theme: Theme::new(no_color()),
        present: args.present,
        mouse: !args.no_mouse,
        watch,
    })
}
