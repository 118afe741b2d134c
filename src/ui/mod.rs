//! Drawing: a function of the app's state onto a ratatui buffer. Nothing
//! here changes state or touches the terminal.

mod overlay;
mod pane;
mod presentation;
mod sidebar;
mod status;
pub mod theme;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::app::{App, Side};
use crate::layout::screen::{MIN_HEIGHT, MIN_WIDTH};
use crate::layout::wrap::{display_width, truncate};
use theme::Theme;

/// Draws the app into a frame.
pub fn view(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    draw(app, theme, area, frame.buffer_mut());
}

/// Draws the app into `area` of a buffer.
pub fn draw(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    // The layout was made for the app's size; a buffer of another size (a
    // resize not yet applied) gets the short message rather than a layout
    // that does not fit it.
    let screen = app
        .view()
        .and_then(|view| view.screen)
        .filter(|_| (area.width, area.height) == app.size() && area.x == 0 && area.y == 0);
    let Some(screen) = screen else {
        too_small(area, buf, theme);
        return;
    };
    if app.presentation().is_some() {
        presentation::draw(app, theme, area, buf);
        if app.overlay().is_some() {
            overlay::draw(app, theme, buf);
        }
        return;
    }
    if let Some(sidebar) = screen.sidebar {
        sidebar::draw(app, theme, sidebar, screen.compact_sidebar, buf);
    }
    for side in Side::BOTH {
        let area = match side {
            Side::Left => screen.left,
            Side::Right => screen.right,
        };
        pane::draw(app, theme, side, area, buf);
    }
    status::draw(app, theme, screen.status, buf);
    if app.overlay().is_some() {
        overlay::draw(app, theme, buf);
    }
}

fn too_small(area: Rect, buf: &mut Buffer, theme: &Theme) {
    let lines = [
        "Terminal too small".to_string(),
        format!(
            "{}×{}: need {MIN_WIDTH}×{MIN_HEIGHT}",
            area.width, area.height
        ),
    ];
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    for (index, line) in lines.iter().enumerate() {
        let y = top + index as u16;
        if y >= area.bottom() {
            break;
        }
        let text = truncate(line, usize::from(area.width));
        let x = area.x + (area.width.saturating_sub(display_width(&text) as u16)) / 2;
        let style = if index == 0 {
            theme.strong()
        } else {
            theme.text()
        };
        buf.set_stringn(x, y, &text, usize::from(area.width), style);
    }
}

/// Writes text at (x, y), clipped to `width` columns.
pub(crate) fn put(buf: &mut Buffer, x: u16, y: u16, text: &str, width: usize, style: Style) {
    if width > 0 {
        buf.set_stringn(x, y, text, width, style);
    }
}
