//! The status line: how the panes move, what is filtered or searched, the
//! current topic (or a message), and the keys that matter most. While a
//! search is typed, it is the search prompt.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::put;
use super::theme::Theme;
use crate::app::{App, Order};
use unicode_segmentation::UnicodeSegmentation;

use crate::layout::wrap::{display_width, truncate};

const HINTS: &str = "Tab focus  / search  f filter  t order  ? help  q quit ";
/// The hints when there is less room: the way to the others.
const SHORT_HINTS: &str = "? help  q quit ";
/// The columns of the topic's label kept before the hints give way.
const ABOUT_AT_LEAST: usize = 16;
const PROMPT_HINTS: &str = "Enter keep  Esc cancel ";

pub fn draw(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width);
    put(
        buf,
        area.x,
        area.y,
        &" ".repeat(width),
        width,
        theme.status(),
    );
    if let Some(prompt) = app.prompt() {
        let question = format!(" {}", prompt.question(app));
        let hints = if prompt.takes_text() {
            PROMPT_HINTS
        } else {
            ""
        };
        let typed = if prompt.takes_text() {
            // The end of what is typed stays in view, as in a shell.
            let room = width
                .saturating_sub(display_width(&question) + display_width(hints) + 3)
                .max(8);
            format!("{}▏", tail(&prompt.text, room))
        } else {
            String::new()
        };
        prompt_line(buf, area, &format!("{question}{typed}"), hints, theme);
        return;
    }
    if let Some(search) = app.search().filter(|s| s.editing) {
        let prompt = format!(" /{}▏", search.query);
        let found = if search.query.is_empty() {
            String::new()
        } else {
            format!("  {}", search.status())
        };
        prompt_line(buf, area, &format!("{prompt}{found}"), PROMPT_HINTS, theme);
        return;
    }

    let mode = if app.filter().is_some() {
        " filtered ".to_string()
    } else if app.order() == Order::ByTopic {
        " by topic ".to_string()
    } else {
        format!(" {} ", app.sync_mode().name())
    };
    let mode = match app.unsaved_edits() {
        0 => mode,
        edits => format!("{mode}· {edits} unsaved "),
    };
    put(buf, area.x, area.y, &mode, width, theme.status_key());
    let x = area.x + display_width(&mode) as u16;

    let (about, urgent) = match (app.reload_problem(), app.message()) {
        _ if app.reloading() => (" reloading…".to_string(), true),
        (Some(problem), _) => (format!(" {problem}"), true),
        (None, Some(message)) => (format!(" {message}"), true),
        (None, None) => {
            let topics = &app.document().topics;
            let topic = app.current_topic().unwrap_or(app.selected());
            // While a longer number can still be typed, an ellipsis says so.
            let typing = if app.typed_number().is_some() {
                "…"
            } else {
                ""
            };
            let mut about = format!(
                " {}{typing}/{} {}",
                topic + 1,
                topics.len(),
                topics[topic].label
            );
            if let Some(search) = app.search() {
                about = format!(" {} ·{about}", search.status());
            }
            (about, false)
        }
    };
    let room = width.saturating_sub(usize::from(x - area.x));
    // The full hints when they fit beside the topic; else the short ones,
    // the label cut to make room, so that `? help` is always there.
    let about_width = display_width(&about);
    let hints = if about_width + display_width(HINTS) + 2 <= room {
        Some(HINTS)
    } else {
        Some(SHORT_HINTS)
            .filter(|hints| about_width.min(ABOUT_AT_LEAST) + display_width(hints) + 2 <= room)
    };
    let about_room = match hints {
        Some(hints) => {
            let used = right_hints(buf, area, hints, 0, theme);
            room.saturating_sub(used + 2)
        }
        None => room,
    };
    let style = if urgent {
        theme.status_key()
    } else {
        theme.status()
    };
    put(
        buf,
        x,
        area.y,
        &truncate(&about, about_room),
        about_room,
        style,
    );
}

/// A prompt across the status line, its hints at the right when they fit.
fn prompt_line(buf: &mut Buffer, area: Rect, line: &str, hints: &str, theme: &Theme) {
    let width = usize::from(area.width);
    right_hints(buf, area, hints, display_width(line), theme);
    put(
        buf,
        area.x,
        area.y,
        &truncate(line, width),
        width,
        theme.status_key(),
    );
}

/// The end of `text` in at most `room` columns, with "…" where it was cut.
fn tail(text: &str, room: usize) -> String {
    if display_width(text) <= room {
        return text.to_string();
    }
    let mut kept: Vec<&str> = Vec::new();
    let mut used = 1;
    for grapheme in text.graphemes(true).rev() {
        used += display_width(grapheme);
        if used > room {
            break;
        }
        kept.push(grapheme);
    }
    kept.reverse();
    format!("…{}", kept.concat())
}

/// Draws the hints at the right end when there is room beside `used`
/// columns; how many columns they took.
fn right_hints(buf: &mut Buffer, area: Rect, hints: &str, used: usize, theme: &Theme) -> usize {
    let hints_width = display_width(hints);
    if usize::from(area.width) < used + hints_width + 2 {
        return 0;
    }
    let x = area.right() - hints_width as u16;
    put(buf, x, area.y, hints, hints_width, theme.status());
    hints_width
}
