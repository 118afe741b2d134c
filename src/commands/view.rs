//! `readouts [FILE]`: the viewer; or, when standard output is not a
//! terminal, exactly what `readouts print [FILE]` prints.

use std::io::IsTerminal;

use clap::Args;

use super::Failure;
use super::color::{ColorChoice, ColorEnvironment, use_color};
use super::compared::Compared;
use super::defaults::user_config;
use super::print::{self, PrintArgs};
use crate::app::SyncMode;
use crate::app::editing::Source;
use crate::config::{SyncChoice, ThemeChoice};
use crate::document::diagnostic::Diagnostic;
use crate::io::read::is_stdin;
use crate::io::term_can_draw;
use crate::io::write::note;
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
    #[arg(long, overrides_with = "mouse")]
    pub no_mouse: bool,
    /// Take the mouse (the default; over `mouse = false` in the config
    /// file).
    #[arg(long, overrides_with = "no_mouse")]
    pub mouse: bool,
    /// Colours for a dark or a light background; `auto` asks the terminal
    /// for its background (dark when it does not say) [default: `theme` in
    /// the config file, else auto]
    #[arg(long, value_enum, value_name = "THEME")]
    pub theme: Option<ThemeChoice>,
    /// How the panes move together at the start (`s` changes it)
    /// [default: `sync` in the config file, else aligned]
    #[arg(long, value_enum, value_name = "MODE")]
    pub sync: Option<SyncChoice>,
    /// When to colour: `never` draws the viewer in bold, reverse and
    /// underline only, as NO_COLOR does; `always` colours even with
    /// NO_COLOR set.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t)]
    pub color: ColorChoice,
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
fn theme(choice: ThemeChoice, color: ColorChoice) -> ThemeSource {
    if !use_color(color, ColorEnvironment::with_terminal(true)) {
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
            all: false,
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
    let config = user_config(print::WIDTHS)?;
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
        theme: theme(
            args.theme.or(config.theme).unwrap_or(ThemeChoice::Auto),
            args.color,
        ),
        present: args.present,
        mouse: match (args.mouse, args.no_mouse) {
            (true, _) => true,
            (_, true) => false,
            _ => config.mouse.unwrap_or(true),
        },
        sync: args
            .sync
            .or(config.sync)
            .unwrap_or(SyncChoice::Aligned)
            .into(),
        source: Source {
            text,
            file: watch.clone(),
        },
        watch,
    })
}
