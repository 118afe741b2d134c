//! Drawing: a function of the app's state onto a ratatui buffer. Nothing
//! here changes state or touches the terminal.

mod overlay;
mod pane;
mod presentation;
mod sidebar;
mod status;
pub mod theme;

use ratatui::Frame;
use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::app::{App, Side};
use crate::layout::screen::{MIN_HEIGHT, MIN_WIDTH};
use crate::layout::wrap::{Stretch, display_width, stretches, truncate};
use theme::Theme;
use unicode_segmentation::UnicodeSegmentation;

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

/// Writes text at (x, y), clipped to `width` columns, exactly as
/// `Buffer::set_stringn` writes it. Runs of printable ASCII go straight
/// into the cells, a byte a cell: segmenting them into graphemes was the
/// larger part of drawing a screen full of text.
pub(crate) fn put(buf: &mut Buffer, x: u16, y: u16, text: &str, width: usize, style: Style) {
    let mut column = x;
    let mut room = usize::from(buf.area.right().saturating_sub(x)).min(width);
    let mut stretches = stretches(text).peekable();
    while let Some(stretch) = stretches.next() {
        if room == 0 {
            return;
        }
        match stretch {
            Stretch::Ascii(run) if run.bytes().all(|b| b.is_ascii_graphic() || b == b' ') => {
                for byte in run.bytes().take(room) {
                    if let Some(cell) = buf.cell_mut((column, y)) {
                        cell.set_char(char::from(byte)).set_style(style);
                    }
                    column = column.saturating_add(1);
                }
                if run.len() > room {
                    return;
                }
                room -= run.len();
            }
            Stretch::Ascii(text) | Stretch::Clusters(text) => {
                let (after, _) = buf.set_stringn(column, y, text, room, style);
                // `set_stringn` stops at the first cluster that does not
                // fit; so does the rest, when there is any. (A line of
                // Cyrillic or CJK is one stretch: it is not measured again.)
                if stretches.peek().is_none() || drawn_width(text) > room {
                    return;
                }
                room -= usize::from(after - column);
                column = after;
            }
        }
    }
}

/// The columns `set_stringn` gives text: control characters take none.
fn drawn_width(text: &str) -> usize {
    text.graphemes(true)
        .filter(|grapheme| !grapheme.contains(char::is_control))
        .map(|grapheme| usize::from(grapheme.cell_width()))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::style::{Color, Modifier};

    const PIECES: &[&str] = &[
        "a", "Z", " ", "1", "#", "-", "“", "’", "é", "e\u{301}", "\u{301}", "\u{fe0f}", "\u{20e3}",
        "\u{200d}", "👩", "🔬", "🏽", "🇺", "🇦", "問", "Ж", "\u{600}", "ｆ", "\u{200b}", "\u{7}",
        "\u{1b}", "\t",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn put_writes_what_set_stringn_writes(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..30),
            x in 0u16..32,
            width in 0usize..40,
        ) {
            let text: String = pieces.concat();
            let style = Style::default().fg(Color::Red).add_modifier(Modifier::BOLD);
            let mut expected = Buffer::filled(Rect::new(0, 0, 30, 1), ratatui::buffer::Cell::new("z"));
            let mut written = expected.clone();
            expected.set_stringn(x, 0, &text, width, style);
            put(&mut written, x, 0, &text, width, style);
            prop_assert_eq!(written, expected, "{:?} at {} in {}", text, x, width);
        }
    }
}
