//! A readout pane: its border and title, the "does not mention" notice, and
//! the visible rows of its layout, with the current topic's passages marked
//! and verbatim quotes told apart.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Widget};

use super::theme::Theme;
use super::{put, truncate};
use crate::app::{App, Focus, Side};
use crate::layout::pane::{MARGIN, QUOTE_INDENT, Row};
use crate::layout::screen::inner;

pub fn draw(app: &App, theme: &Theme, side: Side, area: Rect, buf: &mut Buffer) {
    let focused = app.focus() == Focus::Pane(side);
    let readout = app.readout(side);
    let title_room = usize::from(area.width.saturating_sub(4));
    let position = position(app, side);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border(focused))
        .title(Line::styled(
            format!(
                " {} ",
                truncate(&readout.title(), title_room.saturating_sub(2))
            ),
            theme.title(focused),
        ))
        .title_bottom(Line::styled(position, theme.dim()).right_aligned());
    block.render(area, buf);

    let text_area = inner(area);
    let mut top = text_area.y;
    if let Some(topic) = app.silent_topic(side) {
        let label = &app.document().topics[topic].label;
        let notice = format!(" {} does not mention {label} ", readout.label);
        let width = usize::from(text_area.width);
        let notice = truncate(&notice, width);
        put(
            buf,
            text_area.x,
            top,
            &" ".repeat(width),
            width,
            theme.notice(),
        );
        put(buf, text_area.x, top, &notice, width, theme.notice());
        top += 1;
    }
    let Some(view) = app.view() else {
        return;
    };
    let layout = &view.panes[side.index()];
    let rows = layout.rows(app.offset(side), app.text_height(side));
    for (index, row) in rows.iter().enumerate() {
        let y = top + index as u16;
        if y >= text_area.bottom() {
            break;
        }
        draw_row(app, theme, side, *row, text_area.x, y, text_area.width, buf);
    }
}

/// " 4/12 " at the bottom of the pane: which passage is at the top.
fn position(app: &App, side: Side) -> String {
    let Some(view) = app.view() else {
        return String::new();
    };
    let pane = &view.panes[side.index()];
    match pane.ordinal_at(app.offset(side)) {
        Some(ordinal) => format!(" {}/{} ", ordinal + 1, pane.passage_count()),
        None => String::new(),
    }
}

#[allow(clippy::too_many_arguments)]
fn draw_row(
    app: &App,
    theme: &Theme,
    side: Side,
    row: Row,
    x: u16,
    y: u16,
    width: u16,
    buf: &mut Buffer,
) {
    let Some(index) = row.passage() else {
        return;
    };
    let readout = app.readout(side);
    let Some(passage) = readout.passages.get(index) else {
        return;
    };
    let width = usize::from(width);
    let marked = app
        .current_topic()
        .is_some_and(|topic| passage.topics.contains(&topic));
    if marked {
        put(buf, x, y, "▌", width, theme.topic_bar());
    }
    let mut text_x = x + MARGIN as u16;
    let mut text_width = width.saturating_sub(MARGIN);
    let mut style = if marked {
        theme.marked_text()
    } else {
        theme.text()
    };
    if passage.quote {
        put(buf, text_x, y, "│", text_width, theme.quote_bar());
        text_x += QUOTE_INDENT as u16;
        text_width = text_width.saturating_sub(QUOTE_INDENT);
        style = style.patch(theme.quote_text());
    }
    if let Some(range) = row.text_range() {
        put(buf, text_x, y, &passage.text[range], text_width, style);
    }
}
