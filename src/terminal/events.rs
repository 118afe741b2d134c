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
    draw(terminal, app, theme)?;
    // An app made with `App::opening` has laid out only the first screen;
    // the rest is laid out now that it is drawn, before any key is read.
    update(app, Action::CompleteLayout);
    draw(terminal, app, theme)?;
    loop {
        if let Some(action) = watch.as_mut().and_then(|watch| watch.poll()) {
            update(app, action);
            draw(terminal, app, theme)?;
        }
        let Some(first) = events.next(TICK)? else {
            continue;
        };
        apply(app, first);
        while !app.should_quit() {
            match events.next(Duration::ZERO)? {
                Some(event) => apply(app, event),
                None => break,
            }
        }
        if app.should_quit() {
            return Ok(());
        }
        draw(terminal, app, theme)?;
    }
}

fn apply(app: &mut App, event: Event) {
    let action = match event {
        Event::Key(key) => keymap::action_for(key, app.input_mode()),
        Event::Resize(width, height) => Some(Action::Resize(width, height)),
        Event::Mouse(mouse) => mouse_action(mouse),
        _ => None,
    };
    if let Some(action) = action {
        update(app, action);
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

fn draw<B: Backend>(terminal: &mut Terminal<B>, app: &mut App, theme: &Theme) -> io::Result<()> {
    let size = terminal.size().map_err(backend_error)?;
    if (size.width, size.height) != app.size() {
        update(app, Action::Resize(size.width, size.height));
    }
    terminal
        .draw(|frame| ui::view(frame, app, theme))
        .map_err(backend_error)?;
    Ok(())
}

fn backend_error(error: impl std::error::Error) -> io::Error {
    io::Error::other(error.to_string())
}
