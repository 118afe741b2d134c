//! `readouts print`: the aligned side-by-side view as plain text on
//! standard output — also what `readouts [FILE]` prints when standard
//! output is not a terminal.

use std::io::{self, IsTerminal};
use std::ops::RangeInclusive;

use clap::Args;

use super::Failure;
use super::color::{ColorChoice, ColorEnvironment, use_color};
use super::compared::Compared;
use super::defaults::user_config;
use crate::export::plain::{
    Arrangement, MIN_WIDTH, PlainOptions, min_width, write_side_by_side,
    write_synopsis_of_every_readout,
};
use crate::io::write::to_stdout;

#[derive(Debug, Args)]
pub struct PrintArgs {
    #[command(flatten)]
    pub compared: Compared,
    /// Columns per line; by default `width` under [print] in the config
    /// file, else the terminal's width, else $COLUMNS, else 80.
    #[arg(long, value_name = "N")]
    pub width: Option<usize>,
    /// Only the passages of this topic (its id).
    #[arg(long, value_name = "ID", conflicts_with = "by_topic")]
    pub topic: Option<String>,
    /// Topic by topic, both sides' passages on each (a synopsis).
    #[arg(long)]
    pub by_topic: bool,
    /// With --by-topic: every readout of the file as its own column, in
    /// file order, instead of the two chosen ones.
    #[arg(long, requires = "by_topic", conflicts_with_all = ["left", "right", "topic"])]
    pub all: bool,
    /// When to colour: `auto` on a terminal (unless NO_COLOR is set),
    /// or anywhere when CLICOLOR_FORCE is set.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t)]
    pub color: ColorChoice,
}

/// The widest lines `print` makes: wider than any screen, and small
/// enough that a line of blanks is nothing to hold in memory.
pub const MAX_WIDTH: usize = 10_000;

/// The widths `print` makes.
pub const WIDTHS: RangeInclusive<usize> = MIN_WIDTH..=MAX_WIDTH;

pub fn run(args: &PrintArgs) -> Result<(), Failure> {
    let config = user_config(WIDTHS)?;
    let (document, pair) = args.compared.load()?;
    let width = resolve_width(args.width.or(config.print_width));
    if width > MAX_WIDTH {
        return Err(args.compared.usage(format!(
            "a width of {width} columns is too wide; print makes lines of at most {MAX_WIDTH}"
        )));
    }
    if width < MIN_WIDTH {
        return Err(args.compared.usage(format!(
            "a width of {width} columns is too narrow; print needs at least {MIN_WIDTH}"
        )));
    }
    let arrangement = match (&args.topic, args.by_topic) {
        (Some(id), _) => Arrangement::Topic(
            document
                .find_topic(id)
                .map_err(|message| args.compared.usage(message))?,
        ),
        (None, true) => Arrangement::ByTopic,
        (None, false) => Arrangement::SourceOrder,
    };
    let color = use_color(args.color, ColorEnvironment::of_stdout());
    if args.all {
        let columns = document.readouts.len();
        let needed = min_width(columns);
        if width < needed {
            return Err(args.compared.usage(format!(
                "a width of {width} columns is too narrow for {columns} readouts side by side; \
                 print --all needs at least {needed}"
            )));
        }
        to_stdout(|out| write_synopsis_of_every_readout(out, &document, width, color))?;
        return Ok(());
    }
    let options = PlainOptions {
        width,
        color,
        arrangement,
    };
    to_stdout(|out| write_side_by_side(out, &document, pair, options))?;
    Ok(())
}

/// `--width` (or the config's), else the terminal's width when standard output is one, else
/// `$COLUMNS` (at most [`MAX_WIDTH`]), else 80.
fn resolve_width(asked: Option<usize>) -> usize {
    if let Some(width) = asked {
        return width;
    }
    if io::stdout().is_terminal()
        && let Ok((columns, _)) = ratatui::crossterm::terminal::size()
        && columns > 0
    {
        return usize::from(columns).min(MAX_WIDTH);
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|columns| columns.trim().parse().ok())
        .filter(|&columns: &usize| columns > 0)
        .map_or(80, |columns| columns.min(MAX_WIDTH))
}
