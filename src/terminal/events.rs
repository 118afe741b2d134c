//! The event loop, with the event source injectable so that tests can drive
//! the real loop with scripted events.

use std::fs::File;
use std::io::{self, IsTerminal};
use std::os::fd::{AsFd, OwnedFd};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{self, Event, MouseButton, MouseEvent, MouseEventKind};
use rustix::event::{PollFd, PollFlags, Timespec, poll};

use super::Clipboard;
use super::keys::action_for;
use super::watch::Watch;
use crate::app::{Action, App, Message, WHEEL_ROWS, update};
use crate::layout::screen::capped;
use crate::ui::{self, theme::Theme};
use ratatui::layout::Rect;

/// How long the loop waits for an event when nothing else is due: it
/// sleeps until a key, a resize, a signal, or a look at the file.
const IDLE: Duration = Duration::from_secs(3600);
/// How long to wait for a key while a layout is being made off the input
/// path, before looking whether it is done.
const LAYOUT_TICK: Duration = Duration::from_millis(5);
/// How long the next digit of a topic's number may take to come.
pub const NUMBER_TIMEOUT: Duration = Duration::from_millis(1000);

/// Where events come from.
pub trait EventSource {
    /// The next event, waiting at most `timeout`; `None` if none came.
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>>;
}

/// How long crossterm waits for an event at a time. Between two waits the
/// loop looks whether the terminal has hung up: crossterm reads a terminal
/// that has hung up again and again, at full speed, until its timeout (a
/// terminal closed without a SIGHUP, which a process that is not its
/// session's leader never gets). Idle, the loop wakes this often.
const HANG_UP_CHECK: Duration = Duration::from_secs(1);

/// The terminal's own events, read by crossterm.
pub struct CrosstermEvents {
    /// The terminal crossterm reads: standard input, or `/dev/tty` when
    /// standard input is not the terminal.
    terminal: OwnedFd,
}

impl CrosstermEvents {
    pub fn new() -> io::Result<CrosstermEvents> {
        let terminal = if io::stdin().is_terminal() {
            io::stdin().as_fd().try_clone_to_owned()?
        } else {
            OwnedFd::from(File::open("/dev/tty")?)
        };
        Ok(CrosstermEvents { terminal })
    }

    fn hung_up(&self) -> bool {
        let mut fds = [PollFd::new(&self.terminal, PollFlags::IN)];
        let now = Timespec::default();
        poll(&mut fds, Some(&now)).is_ok()
            && fds[0]
                .revents()
                .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL)
    }
}

impl EventSource for CrosstermEvents {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        if event::poll(timeout.min(HANG_UP_CHECK))? {
            return event::read().map(Some);
        }
        if self.hung_up() {
            return Err(io::Error::new(
                io::ErrorKind::BrokenPipe,
                "the terminal hung up",
            ));
        }
        Ok(None)
    }
}

/// Draws, then applies events and redraws until the app quits. Events
/// that arrive together are all applied before one draw.
pub fn run_loop<B: Backend + Clipboard>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    theme: &Theme,
    events: &mut impl EventSource,
    mut watch: Option<&mut Watch>,
) -> io::Result<()> {
    let mut painter = Painter::new(app);
    painter.draw(terminal, app, theme)?;
    let mut layout = Background::default();
    let mut number = NumberClock::default();
    loop {
        if number.expired(app) {
            update(app, Message::EndNumber);
            painter.draw(terminal, app, theme)?;
        }
        if let Some(action) = layout.poll(app) {
            update(app, action);
            // The keys that came meanwhile, in order, now that every row
            // is known.
            let mut batch = Batch::default();
            for event in std::mem::take(&mut layout.held) {
                batch.apply(app, event);
            }
            batch.finish(app);
            if app.should_quit() {
                return Ok(());
            }
            painter.draw(terminal, app, theme)?;
        }
        if let Some(action) = watch.as_mut().and_then(|watch| watch.poll()) {
            update(app, action);
            painter.draw(terminal, app, theme)?;
        }
        let now = Instant::now();
        let tick = [
            layout.is_running().then_some(LAYOUT_TICK),
            watch
                .as_ref()
                .map(|watch| watch.next_look().saturating_duration_since(now)),
            number
                .deadline()
                .map(|at| at.saturating_duration_since(now)),
        ]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(IDLE);
        let Some(first) = events.next(tick)? else {
            continue;
        };
        let mut batch = Batch::default();
        if let Some(event) = layout.hold(app, first) {
            batch.apply(app, event);
        }
        while !app.should_quit() {
            match events.next(Duration::ZERO)? {
                Some(event) => {
                    if let Some(event) = layout.hold(app, event) {
                        batch.apply(app, event);
                    }
                }
                None => break,
            }
        }
        batch.finish(app);
        if app.should_quit() {
            return Ok(());
        }
        number.watch(app);
        if app.suspensions() != painter.suspensions {
            painter.suspensions = app.suspensions();
            super::request_suspend();
        }
        if let Some(request) = app.save_request().cloned() {
            for message in super::saving::save(app, &request) {
                if let (Message::Saved(_, file), Some(watch)) = (&message, watch.as_deref_mut()) {
                    watch.written(file);
                }
                update(app, message);
            }
            if app.should_quit() {
                return Ok(());
            }
        }
        if let (copies, Some(text)) = app.copies()
            && copies != painter.copies
        {
            painter.copies = copies;
            terminal.backend_mut().set_clipboard(text)?;
        }
        painter.draw(terminal, app, theme)?;
    }
}

/// When the topic number being typed last changed: the core keeps the
/// digits, the loop keeps the time.
#[derive(Default)]
struct NumberClock {
    typed: Option<(usize, Instant)>,
}

impl NumberClock {
    fn watch(&mut self, app: &App) {
        self.typed = match (app.typed_number(), self.typed) {
            (None, _) => None,
            (Some(number), Some((seen, since))) if number == seen => Some((seen, since)),
            (Some(number), _) => Some((number, Instant::now())),
        };
    }

    /// When the number being typed is complete, if one is.
    fn deadline(&self) -> Option<Instant> {
        self.typed.map(|(_, since)| since + NUMBER_TIMEOUT)
    }

    fn expired(&mut self, app: &App) -> bool {
        self.watch(app);
        let expired = self
            .typed
            .is_some_and(|(_, since)| since.elapsed() >= NUMBER_TIMEOUT);
        if expired {
            self.typed = None;
        }
        expired
    }
}

/// The rest of an opening screen's layout, made on a thread of its own so
/// that the loop goes on reading events: it quits at once on `q`, follows
/// resizes, and keeps other keys and clicks until the layout is there.
#[derive(Default)]
struct Background {
    result: Option<Receiver<Message>>,
    /// Keys and clicks that came while the layout was being made.
    held: Vec<Event>,
}

impl Background {
    fn is_running(&self) -> bool {
        self.result.is_some()
    }

    /// The event, unless it is a key or a click that must wait for the
    /// layout; a key that quits goes through when nothing waits before it.
    fn hold(&mut self, app: &App, event: Event) -> Option<Event> {
        let input = matches!(event, Event::Key(_) | Event::Mouse(_));
        if !self.is_running() || !input || (self.held.is_empty() && quits(app, &event)) {
            return Some(event);
        }
        self.held.push(event);
        None
    }

    /// Starts the app's layout job when it has one and none is running;
    /// the finished layout, as an action, once it is there.
    fn poll(&mut self, app: &App) -> Option<Message> {
        let Some(result) = &self.result else {
            let job = app.layout_job()?;
            let (sender, receiver) = mpsc::channel();
            std::thread::spawn(move || sender.send(job.run()));
            self.result = Some(receiver);
            return None;
        };
        match result.try_recv() {
            Ok(action) => {
                self.result = None;
                Some(action)
            }
            Err(TryRecvError::Empty) => None,
            // The thread is gone without a layout: make it here.
            Err(TryRecvError::Disconnected) => {
                self.result = None;
                Some(Message::CompleteLayout)
            }
        }
    }
}

/// Events that arrived together. Of a run of resizes only the last is
/// applied: each one lays the document out again, and a terminal being
/// dragged to a new size sends dozens a second.
#[derive(Default)]
struct Batch {
    resize: Option<(u16, u16)>,
}

impl Batch {
    fn apply(&mut self, app: &mut App, event: Event) {
        let action = match event {
            Event::Resize(width, height) => {
                self.resize = Some((width, height));
                return;
            }
            Event::Key(key) => action_for(&key, app.input_mode()),
            Event::Mouse(mouse) => mouse_action(mouse),
            _ => None,
        };
        if let Some(action) = action {
            // A key or a click after a resize acts on the new screen.
            self.finish(app);
            update(app, action);
        }
    }

    fn finish(&mut self, app: &mut App) {
        if let Some((width, height)) = self.resize.take() {
            update(app, Message::Resize(width, height));
        }
    }
}

fn quits(app: &App, event: &Event) -> bool {
    let Event::Key(key) = event else {
        return false;
    };
    matches!(
        action_for(key, app.input_mode()),
        Some(Action::Quit | Action::Interrupt)
    )
}

fn mouse_action(mouse: MouseEvent) -> Option<Action> {
    let (column, row) = (mouse.column, mouse.row);
    match mouse.kind {
        MouseEventKind::ScrollDown => Some(Action::Scroll {
            column,
            row,
            rows: WHEEL_ROWS,
        }),
        MouseEventKind::ScrollUp => Some(Action::Scroll {
            column,
            row,
            rows: -WHEEL_ROWS,
        }),
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
        _ => None,
    }
}

/// The terminal's screen as the loop last drew it.
struct Painter {
    /// The app's repaint count at the last draw.
    repaints: u64,
    /// The area the frames are drawn in.
    area: Rect,
    /// The app's suspend count when the loop last looked.
    suspensions: u64,
    /// The app's copy count when the loop last looked.
    copies: u64,
}

impl Painter {
    fn new(app: &App) -> Self {
        Painter {
            repaints: app.repaints(),
            area: Rect::ZERO,
            suspensions: app.suspensions(),
            copies: app.copies().0,
        }
    }

    /// Draws the app: whole when it asked for a repaint, else what changed.
    fn draw<B: Backend>(
        &mut self,
        terminal: &mut Terminal<B>,
        app: &mut App,
        theme: &Theme,
    ) -> io::Result<()> {
        let size = terminal.size().map_err(backend_error)?;
        let (width, height) = capped(size.width, size.height);
        if (width, height) != app.size() {
            update(app, Message::Resize(width, height));
        }
        let area = Rect::new(0, 0, width, height);
        if app.repaints() != self.repaints || area != self.area || super::take_resumed() {
            self.repaints = app.repaints();
            self.area = area;
            // Clears the screen and forgets what was drawn, without the
            // cursor query that `Terminal::clear` makes; the frame is at
            // most the largest screen the viewer draws.
            terminal.resize(area).map_err(backend_error)?;
        }
        terminal
            .draw(|frame| ui::view(frame, app, theme))
            .map_err(backend_error)?;
        Ok(())
    }
}

fn backend_error(error: impl std::error::Error) -> io::Error {
    io::Error::other(error.to_string())
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::*;
    use crate::document::load::load_str;
    use crate::document::{Pair, builtin};

    fn app() -> App {
        let document = load_str(builtin::NAME, builtin::TEXT)
            .expect("the built-in readout loads")
            .document;
        App::new(document, Pair { left: 0, right: 1 }, 100, 30)
    }

    #[test]
    fn of_a_run_of_resizes_only_the_last_is_applied_at_the_end() {
        let mut app = app();
        let mut batch = Batch::default();
        for width in 101..140 {
            batch.apply(&mut app, Event::Resize(width, 40));
            assert_eq!(app.size(), (100, 30), "not laid out for every size");
        }
        batch.finish(&mut app);
        assert_eq!(app.size(), (139, 40));
    }

    #[test]
    fn a_key_after_a_resize_acts_on_the_new_size() {
        let mut app = app();
        let mut batch = Batch::default();
        batch.apply(&mut app, Event::Resize(120, 40));
        let key = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
        batch.apply(&mut app, Event::Key(key));
        assert_eq!(app.size(), (120, 40));
        batch.finish(&mut app);
        assert_eq!(app.size(), (120, 40));
    }
}
