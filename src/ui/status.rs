//! The status line: the sync mode, the current topic (or a message), and
//! the keys that matter most.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::put;
use super::theme::Theme;
use crate::app::App;
use crate::layout::wrap::display_width;
use crate::layout::wrap::truncate;

const HINTS: &str = "Tab focus  s sync  i info  ? help  q quit ";

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
    let mode = format!(" {} ", app.sync_mode().name());
    put(buf, area.x, area.y, &mode, width, theme.status_key());
    let x = area.x + display_width(&mode) as u16;
    let topics = &app.document().topics;
    let about = match app.message() {
        Some(message) => message.to_string(),
        None => {
            let topic = app.current_topic().unwrap_or(app.selected());
            format!(" {}/{} {}", topic + 1, topics.len(), topics[topic].label)
        }
    };
    let hints_width = display_width(HINTS);
    let room = width.saturating_sub(usize::from(x - area.x));
    let about_room = if room >= display_width(&about) + hints_width + 2 {
        put(
            buf,
            area.right() - hints_width as u16,
            area.y,
            HINTS,
            hints_width,
            theme.status(),
        );
        room - hints_width
    } else {
        room
    };
    let style = if app.message().is_some() {
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
