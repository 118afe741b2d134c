//! `readouts [FILE]`: the viewer; or, when standard output is not a
//! terminal, exactly what `readouts print [FILE]` prints.

use std::io::IsTerminal;

use clap::{Args, ValueEnum};

use super::Failure;
use super::compared::Compared;
use super::print::{self, ColorChoice, PrintArgs};
use crate::app::SyncMode;
use crate::app::editing::Source;
use crate::document::diagnostic::Diagnostic;
use crate::io::read::is_stdin;
use crate::io::write::note;
use crate::io::{no_color, term_can_draw};
use crate::terminal::{self, Launch, ThemeSource};
use crate::ui::theme::{Palette, Theme};

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
    /// Colours for a dark or a light background; `auto` asks the terminal
    /// for its background (dark when it does not say).
    #[arg(long, value_enum, value_name = "THEME", default_value_t = ThemeChoice::Auto)]
    pub theme: ThemeChoice,
    /// How the panes move together at the start (`s` changes it).
    #[arg(long, value_enum, value_name = "MODE", default_value_t = SyncChoice::Aligned)]
    pub sync: SyncChoice,
}

/// The palette asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeChoice {
    Auto,
    Dark,
    Light,
}

/// How the panes move together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SyncChoice {
    /// Through the passages of the shared topics.
    Aligned,
    /// The same row on both sides.
    Lockstep,
    /// Each pane on its own.
    Independent,
}

impl From<SyncChoice> for SyncMode {
    fn from(choice: SyncChoice) -> SyncMode {
        match choice {
            SyncChoice::Aligned => SyncMode::Aligned,
            SyncChoice::Lockstep => SyncMode::Lockstep,
            SyncChoice::Independent => SyncMode::Independent,
        }
    }
}

/// The theme: none of the colours with `NO_COLOR`; else the palette chosen,
/// or the one that reads best on the background the terminal reports.
fn theme(choice: ThemeChoice) -> ThemeSource {
    if no_color() {
        return ThemeSource::Fixed(Theme::monochrome());
    }
    match choice {
        ThemeChoice::Dark => ThemeSource::Fixed(Theme::colored(Palette::Dark)),
        ThemeChoice::Light => ThemeSource::Fixed(Theme::colored(Palette::Light)),
        ThemeChoice::Auto => ThemeSource::Background,
    }
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
    let (document, pair, text) = args.compared.load_with_text()?;
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
        theme: theme(args.theme),
        present: args.present,
        mouse: !args.no_mouse,
        sync: args.sync.into(),
        source: Source {
            text,
            file: watch.clone(),
        },
        watch,
    })
}
