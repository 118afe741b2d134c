//! The event loop, with the event source injectable so that tests can drive
//! the real loop with scripted events.

use std::io;
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{self, Event, MouseButton, MouseEvent, MouseEventKind};

use super::watch::Watch;
use crate::app::{Action, App, WHEEL_ROWS, keymap, update};
use crate::ui::{self, theme::Theme};

/// How long the loop waits for an event before it looks at the file.
const TICK: Duration = Duration::from_millis(100);

/// Where events come from.
pub trait EventSource {
    /// The next event, waiting at most `timeout`; `None` if none came.
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>>;
}

/// The terminal's own events.
pub struct CrosstermEvents;

impl EventSource for CrosstermEvents {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        if event::poll(timeout)? {
            event::read().map(Some)
        } else {
            Ok(None)
        }
    }
}

/// Draws, then applies events and redraws until the app quits. Events
/// that arrive together are all applied before one draw.
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    theme: &Theme,
    events: &mut impl EventSource,
    mut watch: Option<&mut Watch>,
) -> io::Result<()> {
    let mut painter = Painter::new(app);
    painter.draw(terminal, app, theme)?;
    // An app made with `App::opening` has laid out only the first screen;
    // the rest is laid out now that it is drawn, before any key is read.
    update(app, Action::CompleteLayout);
    painter.draw(terminal, app, theme)?;
    loop {
        if let Some(action) = watch.as_mut().and_then(|watch| watch.poll()) {
            update(app, action);
            painter.draw(terminal, app, theme)?;
        }
        let Some(first) = events.next(TICK)? else {
            continue;
        };
        let mut batch = Batch::default();
        batch.apply(app, first);
        while !app.should_quit() {
            match events.next(Duration::ZERO)? {
                Some(event) => batch.apply(app, event),
                None => break,
            }
        }
        batch.finish(app);
        if app.should_quit() {
            return Ok(());
        }
        painter.draw(terminal, app, theme)?;
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
            Event::Key(key) => keymap::action_for(key, app.input_mode()),
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
            update(app, Action::Resize(width, height));
        }
    }
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
}

impl Painter {
    fn new(app: &App) -> Self {
        Painter {
            repaints: app.repaints(),
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
        if (size.width, size.height) != app.size() {
            update(app, Action::Resize(size.width, size.height));
        }
        if app.repaints() != self.repaints {
            self.repaints = app.repaints();
            // Clears the screen and forgets what was drawn, without the
            // cursor query that `Terminal::clear` makes.
            terminal.resize(size.into()).map_err(backend_error)?;
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
