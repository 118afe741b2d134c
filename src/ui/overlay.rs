//! The overlays (help, info, a topic's note): a bordered box over the middle of the
//! screen, showing the rows the app wrapped for it.

use ratatui::buffer::Buffer;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use super::put;
use super::theme::Theme;
use crate::app::overlay::Emphasis;
use crate::app::{App, Overlay};
use crate::layout::wrap::display_width;

pub fn draw(app: &App, theme: &Theme, buf: &mut Buffer) {
    let (area, text) = app.overlay_geometry();
    let area = area.intersection(buf.area);
    let title = match app.overlay() {
        Some(Overlay::Help) => " Keys ",
        Some(Overlay::Info) => " About this readout ",
        Some(Overlay::Note) => " Teaching note ",
        Some(Overlay::Synopsis) => " Every readout, topic by topic ",
        None => return,
    };
    Clear.render(area, buf);
    let rows = app.overlay_rows();
    let height = usize::from(text.height);
    let more = rows.len() > app.overlay_scroll() + height;
    let footer = if more {
        " j/k scroll · Esc close "
    } else {
        " Esc close "
    };
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border(true))
        .title(Line::styled(title, theme.title(true)))
        .title_bottom(Line::styled(footer, theme.dim()).right_aligned())
        .render(area, buf);
    let width = usize::from(text.width);
    for (index, row) in rows
        .iter()
        .skip(app.overlay_scroll())
        .take(height)
        .enumerate()
    {
        let y = text.y + index as u16;
        let mut x = text.x;
        for (piece, emphasis) in &row.0 {
            let style = match emphasis {
                Emphasis::Plain => theme.text(),
                Emphasis::Strong => theme.strong(),
                Emphasis::Title => theme.heading(),
                Emphasis::Dim => theme.dim(),
            };
            let used = usize::from(x - text.x);
            put(buf, x, y, piece, width.saturating_sub(used), style);
            x += display_width(piece) as u16;
        }
    }
}
