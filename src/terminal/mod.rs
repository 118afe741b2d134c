//! The edge of the viewer: the real terminal (raw mode, alternate screen),
//! signals, the panic hook, and the event loop that feeds key presses and
//! resizes to `app::update` and draws after each batch.
//!
//! The terminal is restored on every way out: quit, error, panic, and
//! SIGTERM, SIGHUP and SIGINT.

mod events;
mod watch;

pub use events::{CrosstermEvents, EventSource, run_loop};
pub use watch::Watch;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{execute, style};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

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

/// Runs the viewer in the real terminal until the user quits or a signal
/// arrives; the exit code.
pub fn run(launch: Launch) -> ExitCode {
    // crossterm's own NO_COLOR handling resets every style on each colour
    // change (erasing bold and reverse); the theme honours NO_COLOR instead.
    style::force_color_output(true);
    let signal = Arc::new(AtomicUsize::new(0));
    for number in [SIGTERM, SIGHUP, SIGINT] {
        // A failed registration leaves the default action, which still ends
        // the process; the terminal is then restored by the shell's reset.
        let _ = signal_hook::flag::register_usize(number, Arc::clone(&signal), number as usize);
    }
    install_panic_hook();
    let result = session(launch, &signal);
    restore();
    match result {
        Ok(()) => match signal.load(Ordering::SeqCst) {
            0 => ExitCode::SUCCESS,
            number => ExitCode::from(128u8.saturating_add(number as u8)),
        },
        Err(error) => {
            eprintln!("error: the terminal failed: {error}");
            ExitCode::FAILURE
        }
    }
}

fn session(launch: Launch, signal: &AtomicUsize) -> io::Result<()> {
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
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    // crossterm installs its SIGWINCH handler on the first event read; an
    // early poll keeps a resize before the first key from being lost.
    event::poll(std::time::Duration::ZERO)?;
    let size = terminal.size()?;
    let mut app = App::new(document, pair, size.width, size.height);
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
        signal,
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
