//! The edge of the viewer: the real terminal (raw mode, alternate screen),
//! signals, the panic hook, and the event loop that feeds key presses and
//! resizes to `app::update` and draws after each batch.
//!
//! The terminal is restored on every way out: quit, error, panic, and
//! SIGTERM, SIGHUP and SIGINT.

mod events;
mod fatal;
mod frame;
mod keys;
mod saving;
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
use std::sync::atomic::{AtomicBool, Ordering};

use signal_hook::consts::{
    SIGALRM, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1, SIGUSR2, SIGWINCH,
};
use signal_hook::iterator::Signals;

use crate::app::editing::Source;
use crate::app::{Action, App, SyncMode, update};
use crate::document::{Document, Pair};
use crate::ui::theme::{Palette, Theme};

/// What the viewer opens on, and how.
pub struct Launch {
    pub document: Document,
    pub pair: Pair,
    pub topic: Option<usize>,
    pub theme: ThemeSource,
    /// Start in presentation mode.
    pub present: bool,
    /// Report the mouse (wheel, clicks); off leaves the terminal's own
    /// text selection alone.
    pub mouse: bool,
    /// The file to reload when it changes on disk.
    pub watch: Option<PathBuf>,
    /// How the panes move together at the start.
    pub sync: SyncMode,
    /// The text the document came from, and its file, to save edits to.
    pub source: Source,
}

/// Where the viewer's colours come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeSource {
    /// Chosen on the command line (or no colour at all).
    Fixed(Theme),
    /// The palette that reads best on the terminal's background.
    Background,
}

impl ThemeSource {
    /// Asks the terminal once it is raw (ours), so that a signal during
    /// the question restores it as at any other time.
    fn theme(self) -> Theme {
        match self {
            ThemeSource::Fixed(theme) => theme,
            ThemeSource::Background => Theme::colored(
                background()
                    .map(Palette::for_background)
                    .unwrap_or(Palette::Dark),
            ),
        }
    }
}

/// A terminal that can be asked to put text on the system clipboard.
pub trait Clipboard {
    /// Sends the request with the next frame.
    fn set_clipboard(&mut self, text: &str) -> io::Result<()>;
}

/// A test's terminal has no clipboard: the text is dropped.
impl Clipboard for ratatui::backend::TestBackend {
    fn set_clipboard(&mut self, _text: &str) -> io::Result<()> {
        Ok(())
    }
}

/// OSC 52: "set the clipboard (`c`) to this base64". Terminals that do not
/// take it ignore it; tmux passes it on with `set-clipboard on`.
fn osc52(text: &str) -> String {
    use base64::Engine;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    format!("\x1b]52;c;{encoded}\x07")
}

/// The terminal's background colour, when it answers the question (OSC 11)
/// quickly.
fn background() -> Option<[u8; 3]> {
    let options = {
        let mut options = terminal_colorsaurus::QueryOptions::default();
        // Terminals that cannot answer say so at once (they answer the
        // device-attributes query sent after it); this bounds a slow link.
        options.timeout = std::time::Duration::from_millis(200);
        options
    };
    let color = terminal_colorsaurus::background_color(options).ok()?;
    let (r, g, b) = color.scale_to_8bit();
    Some([r, g, b])
}

/// Runs the viewer in the real terminal until the user quits (or a signal
/// ends the process).
pub fn run(launch: Launch) -> io::Result<()> {
    // crossterm's own NO_COLOR handling resets every style on each colour
    // change (erasing bold and reverse); the theme honours NO_COLOR instead.
    style::force_color_output(true);
    fatal::install();
    watch_signals();
    install_panic_hook();
    let result = session(launch);
    restore();
    result
}

/// Whether the viewer reports the mouse: set on entering, read when the
/// terminal is taken over again after a suspend.
static MOUSE: AtomicBool = AtomicBool::new(false);
/// Set when the viewer comes back from a suspend: the screen it had is
/// gone, and the next frame is drawn whole.
static RESUMED: AtomicBool = AtomicBool::new(false);

/// Whether the viewer came back from a suspend since the last look.
pub(crate) fn take_resumed() -> bool {
    RESUMED.swap(false, Ordering::SeqCst)
}

/// Signals, from a thread of their own. SIGTERM, SIGHUP, SIGINT, SIGQUIT,
/// SIGUSR1, SIGUSR2 and SIGALRM end the viewer: the terminal is restored
/// and the exit code is 128 + the signal's number (crashes and aborts:
/// [`fatal`]). The event loop cannot be relied on to notice: when the
/// terminal hangs up, crossterm's read spins on the dead device and never
/// returns. SIGTSTP (`kill -TSTP`, and Ctrl-z, which the loop turns into
/// one) suspends it as a shell's job: the terminal is restored, the
/// process stops, and when it is continued the terminal is taken over
/// again and the whole screen drawn anew.
fn watch_signals() {
    // Without the thread, the signals keep their default action, which
    // still ends (or stops) the process.
    let Ok(mut signals) = Signals::new([
        SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGTSTP,
    ]) else {
        return;
    };
    std::thread::spawn(move || {
        for number in signals.forever() {
            if number == SIGTSTP {
                suspend();
                continue;
            }
            restore();
            std::process::exit(128 + number);
        }
    });
}

/// Stops the process as SIGTSTP's default action does, with the terminal
/// as the shell left it; takes it over again when continued.
fn suspend() {
    restore();
    let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
    // Continued (`fg`, SIGCONT).
    if enter(MOUSE.load(Ordering::SeqCst)).is_ok() {
        RESUMED.store(true, Ordering::SeqCst);
        // A resize event wakes the loop, which then draws everything.
        let _ = signal_hook::low_level::raise(SIGWINCH);
    }
}

/// Ctrl-z: suspends the viewer the way `kill -TSTP` would.
pub(crate) fn request_suspend() {
    let _ = signal_hook::low_level::raise(SIGTSTP);
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
        sync,
        source,
    } = launch;
    enter(mouse)?;
    let theme = theme.theme();
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
    let app = if topic.is_some() || present {
        App::new(document, pair, size.width, size.height)
    } else {
        App::opening(document, pair, size.width, size.height)
    };
    let mut app = app.with_source(source);
    if sync != app.sync {
        update(&mut app, Action::SetSync(sync));
    }
    if let Some(topic) = topic {
        update(&mut app, Action::JumpToTopic(topic));
    }
    if present {
        update(&mut app, Action::TogglePresentation);
    }
    let mut watch = watch.map(Watch::new);
    let ended = run_loop(
        &mut terminal,
        &mut app,
        &theme,
        &mut CrosstermEvents::new()?,
        watch.as_mut(),
    );
    if matches!(&ended, Err(error) if error.kind() == io::ErrorKind::BrokenPipe) {
        // The terminal is gone, as after a SIGHUP, and ends the same way:
        // there is nothing left to draw on or report to (ratatui would try
        // both when its terminal is dropped).
        std::mem::forget(terminal);
        restore();
        std::process::exit(128 + SIGHUP);
    }
    ended
}

/// Takes the terminal over: raw mode, the alternate screen, no cursor, and
/// mouse reporting when `mouse` is on. [`restore`] undoes it all.
pub fn enter(mouse: bool) -> io::Result<()> {
    MOUSE.store(mouse, Ordering::SeqCst);
    let mut owned = frame::screen_lock();
    *owned = true;
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
/// once. It waits for a frame being written to end, and no frame is
/// written after it: a signal that comes mid-frame never leaves frame
/// bytes on the shell's screen.
fn restore() {
    // A frame stuck on a terminal that does not read (flow control)
    // must not keep the viewer from ending: after a while, restore anyway.
    let deadline = std::time::Instant::now() + std::time::Duration::from_millis(500);
    loop {
        if let Some(mut owned) = frame::try_screen_lock() {
            *owned = false;
            give_back();
            return;
        }
        if std::time::Instant::now() >= deadline {
            give_back();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
}

/// The bytes and modes that give the terminal back.
fn give_back() {
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
        // The thread that panicked may hold the screen itself (mid-frame):
        // then nothing else writes, and waiting would never end.
        match frame::try_screen_lock() {
            Some(mut owned) => {
                *owned = false;
                give_back();
            }
            None => give_back(),
        }
        previous(info);
    }));
}
