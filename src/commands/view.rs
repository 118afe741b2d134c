//! `readouts [FILE]`: the viewer; or, when standard output is not a
//! terminal, exactly what `readouts print [FILE]` prints.

use std::io::IsTerminal;

use clap::{Args, ValueEnum};

use super::Failure;
use super::color::{ColorChoice, ColorEnvironment, use_color};
use super::compared::Compared;
use super::print::{self, PrintArgs};
use crate::app::SyncMode;
use crate::document::diagnostic::Diagnostic;
use crate::io::read::is_stdin;
use crate::io::term_can_draw;
use crate::io::write::note;
use crate::terminal::{self, Launch};
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
    /// When to colour: `never` draws the viewer in bold, reverse and
    /// underline only, as NO_COLOR does; `always` colours even with
    /// NO_COLOR set.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t)]
    pub color: ColorChoice,
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

/// The theme: none of the colours with `--color never` or `NO_COLOR`;
/// else the palette chosen, or the one that reads best on the background
/// the terminal reports.
fn theme(choice: ThemeChoice, color: ColorChoice) -> Theme {
    if !use_color(color, ColorEnvironment::with_terminal(true)) {
        return Theme::monochrome();
    }
    let palette = match choice {
        ThemeChoice::Dark => Palette::Dark,
        ThemeChoice::Light => Palette::Light,
        ThemeChoice::Auto => terminal::background()
            .map(Palette::for_background)
            .unwrap_or(Palette::Dark),
    };
    Theme::colored(palette)
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
            color: args.color,
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
        theme: theme(args.theme, args.color),
        present: args.present,
        mouse: !args.no_mouse,
        sync: args.sync.into(),
        watch,
    })
}
