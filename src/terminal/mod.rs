//! The edge of the viewer: the real terminal (raw mode, alternate screen),
//! signals, the panic hook, and the event loop that feeds key presses and
//! resizes to `app::update` and draws after each batch.
//!
//! The terminal is restored on every way out: quit, error, panic, and
//! SIGTERM, SIGHUP and SIGINT.

mod events;
mod frame;
mod keys;
mod steady;
mod watch;

pub use events::{CrosstermEvents, EventSource, run_loop};
use frame::FrameWriter;
pub use keys::{action_for, key_of};
use steady::SteadyColumns;
pub use watch::Watch;

use std::io::{self, Write};
use std::path::PathBuf;

use ratatui::backend::Backend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

use crate::layout::screen::capped;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{execute, style};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::app::{Action, App, update};
use crate::document::{Document, Pair};
use crate::ui::theme::Theme;

/// What the viewer opens on, and how.
pub struct Launch {
    pub document: Document,
    pub pair: Pair,
    pub topic: Option<usize>,
    pub theme: Theme,
    /// Start in presentation mode.
    pub present: bool,
    /// Report the mouse (wheel, clicks); off leaves the terminal's own
    /// text selection alone.
    pub mouse: bool,
    /// The file to reload when it changes on disk.
    pub watch: Option<PathBuf>,
}

/// Runs the viewer in the real terminal until the user quits (or a signal
/// ends the process).
pub fn run(launch: Launch) -> io::Result<()> {
    // crossterm's own NO_COLOR handling resets every style on each colour
    // change (erasing bold and reverse); the theme honours NO_COLOR instead.
    style::force_color_output(true);
    watch_signals();
    install_panic_hook();
    let result = session(launch);
    restore();
    result
}

/// SIGTERM, SIGHUP and SIGINT end the viewer from a thread of their own,
/// which restores the terminal and exits with 128 + the signal's number.
/// The event loop cannot be relied on to notice: when the terminal hangs
/// up, crossterm's read spins on the dead device and never returns.
fn watch_signals() {
    // Without the thread, the signals keep their default action, which
    // still ends the process.
    let Ok(mut signals) = Signals::new([SIGTERM, SIGHUP, SIGINT]) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(number) = signals.forever().next() {
            restore();
            std::process::exit(128 + number);
        }
    });
}

fn session(launch: Launch) -> io::Result<()> {
    let Launch {
        document,
        pair,
        topic,
        theme,
        present,
        mouse,
        watch,
    } = launch;
    enter(mouse)?;
    let backend = SteadyColumns::new(CrosstermBackend::new(FrameWriter::stdout()?));
    let size = backend.size()?;
    let (width, height) = capped(size.width, size.height);
    // A fixed viewport, which the loop resizes: ratatui would otherwise
    // keep buffers as large as any terminal.
    let viewport = Viewport::Fixed(Rect::new(0, 0, width, height));
    let mut terminal = Terminal::with_options(backend, TerminalOptions { viewport })?;
    // crossterm installs its SIGWINCH handler on the first event read; an
    // early poll keeps a resize before the first key from being lost.
    event::poll(std::time::Duration::ZERO)?;
    let size = ratatui::layout::Size::new(width, height);
    // A jump or presentation at start needs every passage laid out; else
    // the first screen is drawn before the rest of a large document is.
    let mut app = if topic.is_some() || present {
        App::new(document, pair, size.width, size.height)
    } else {
        App::opening(document, pair, size.width, size.height)
    };
    if let Some(topic) = topic {
        update(&mut app, Action::JumpToTopic(topic));
    }
    if present {
        update(&mut app, Action::TogglePresentation);
    }
    let mut watch = watch.map(Watch::new);
    run_loop(
        &mut terminal,
        &mut app,
        &theme,
        &mut CrosstermEvents,
        watch.as_mut(),
    )
}

/// Takes the terminal over: raw mode, the alternate screen, no cursor, and
/// mouse reporting when `mouse` is on. [`restore`] undoes it all.
pub fn enter(mouse: bool) -> io::Result<()> {
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        Hide,
        Clear(ClearType::All)
    )?;
    if mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    Ok(())
}

/// Puts the terminal back as the shell left it. Safe to call more than
/// once, and from the panic hook.
fn restore() {
    let _ = disable_raw_mode();
    let mut stdout = io::stdout();
    let _ = execute!(stdout, DisableMouseCapture, Show, LeaveAlternateScreen);
    let _ = stdout.flush();
}

/// Restores the terminal before the panic message is printed, so that it
/// lands on the normal screen.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}
