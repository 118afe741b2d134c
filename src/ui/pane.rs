//! A readout pane: its border and title, the "does not mention" notice, and
//! the visible rows of its layout, drawn from the pieces each row shows.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Widget};

use super::put;
use super::theme::Theme;
use crate::app::lenses::LensKind;
use crate::app::{App, Focus, Side};
use crate::layout::pane::Row;
use crate::layout::pieces::{Tone, pieces};
use crate::layout::screen::inner;
use crate::layout::wrap::{display_width, truncate};

pub fn draw(app: &App, theme: &Theme, side: Side, area: Rect, buf: &mut Buffer) {
    let focused = app.focus() == Focus::Pane(side);
    let readout = app.readout(side);
    let title_room = usize::from(area.width.saturating_sub(4));
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
        .title_bottom(Line::styled(position(app, side, area.width), theme.dim()).right_aligned());
    block.render(area, buf);

    let text_area = inner(area);
    let Some(view) = app.view() else {
        return;
    };
    let mut top = text_area.y;
    if let Some(band) = &view.band {
        let width = usize::from(text_area.width);
        let style = if band.speaks[side.index()] {
            theme.heading()
        } else {
            theme.notice()
        };
        for line in &band.lines[side.index()] {
            put(buf, text_area.x, top, &" ".repeat(width), width, style);
            put(
                buf,
                text_area.x + 1,
                top,
                line,
                width.saturating_sub(1),
                style,
            );
            top += 1;
        }
    }
    let offset = app.offset(side);
    for index in 0..view.text_height {
        let y = top.saturating_add(u16::try_from(index).unwrap_or(u16::MAX));
        if y >= text_area.bottom() {
            break;
        }
        let Some(row) = view.row(side, offset + index) else {
            break;
        };
        let line = Rect::new(text_area.x, y, text_area.width, 1);
        draw_row(app, theme, side, row, line, buf);
        // A passage with a note has a mark at the end of its first row.
        if let (Some(passage), Some(0)) = (row.passage(), row.text_range().map(|r| r.start))
            && readout.passages[passage].note.is_some()
        {
            let right = text_area.right().saturating_sub(1);
            put(buf, right, y, "✎", 1, theme.dim());
        }
        if row.passage().is_some() && row.passage() == app.cursor(side) {
            let first = index == 0
                || view.row(side, offset + index - 1).and_then(|r| r.passage()) != row.passage();
            let mark = if first { "▶" } else { "┃" };
            put(buf, text_area.x, y, mark, 1, theme.cursor());
        }
    }
}

/// " 242 words · 4/12 " at the bottom of the pane: the readout's length,
/// when there is room, and which passage is at the top.
fn position(app: &App, side: Side, width: u16) -> String {
    let Some(view) = app.view() else {
        return String::new();
    };
    let pane = &view.panes[side.index()];
    let at = match pane.position_at(view.layout_row(side, app.offset(side))) {
        Some(ordinal) => format!(" {}/{} ", ordinal + 1, pane.passage_total()),
        None => String::new(),
    };
    let words = app
        .word_counts()
        .map(|counts| format!(" {} words ·", counts[side.index()]));
    match words {
        Some(words) if display_width(&words) + display_width(&at) + 4 <= usize::from(width) => {
            format!("{words}{at}")
        }
        _ => at,
    }
}

/// Draws one row of a pane's layout into `line`, a row of the screen.
fn draw_row(app: &App, theme: &Theme, side: Side, row: Row, line: Rect, buf: &mut Buffer) {
    let (x, y) = (line.x, line.y);
    let width = usize::from(line.width);
    let layout_width = app
        .view()
        .map_or(width, |view| view.panes[side.index()].width());
    let readout = app.readout(side);
    let wording = app
        .lens()
        .is_some_and(|lens| matches!(lens.kind, LensKind::Wording(_)));
    let mut text_column = None;
    for piece in pieces(
        row,
        readout,
        app.document(),
        app.current_topic(),
        layout_width,
    ) {
        let room = width.saturating_sub(piece.column);
        let text = truncate(&piece.text, room);
        let column = u16::try_from(piece.column).unwrap_or(u16::MAX);
        // Under the wording lens the words carry the marks: the topic's
        // passages are not made bold as well.
        let tone = match (wording, piece.tone) {
            (true, Tone::MarkedText) => Tone::Text,
            (true, Tone::MarkedQuoteText) => Tone::QuoteText,
            (_, tone) => tone,
        };
        let style = tone_style(theme, tone);
        put(buf, x.saturating_add(column), y, &text, room, style);
        text_column = Some(x.saturating_add(column));
    }
    if let (Some(lens), Some(text_x), Some(range), Some(passage)) =
        (app.lens(), text_column, row.text_range(), row.passage())
    {
        let text = &readout.passages[passage].text;
        for (marked, how) in lens.marks(side, passage) {
            let (start, end) = (marked.start.max(range.start), marked.end.min(range.end));
            if start >= end {
                continue;
            }
            let mark_x = text_x + display_width(&text[range.start..start]) as u16;
            let mark_width = display_width(&text[start..end]) as u16;
            let right = x.saturating_add(line.width);
            let shown = mark_width.min(right.saturating_sub(mark_x));
            buf.set_style(Rect::new(mark_x, y, shown, 1), theme.lens_mark(*how));
        }
    }
    if let (Some(search), Some(text_x), Some(range), Some(passage)) =
        (app.search(), text_column, row.text_range(), row.passage())
    {
        let text = &readout.passages[passage].text;
        let current = search.current();
        for found in search.matches_in(side, passage) {
            let (start, end) = (
                found.range.start.max(range.start),
                found.range.end.min(range.end),
            );
            if start >= end {
                continue;
            }
            let match_x = text_x + display_width(&text[range.start..start]) as u16;
            let style = if current == Some(found) {
                theme.current_match()
            } else {
                theme.search_match()
            };
            let room = usize::from((x + width as u16).saturating_sub(match_x));
            put(buf, match_x, y, &text[start..end], room, style);
        }
    }
}

/// The style a tone takes on screen.
pub fn tone_style(theme: &Theme, tone: Tone) -> Style {
    match tone {
        Tone::TopicBar => theme.topic_bar(),
        Tone::QuoteBar => theme.quote_bar(),
        Tone::Text => theme.text(),
        Tone::MarkedText => theme.marked_text(),
        Tone::QuoteText => theme.quote_text(),
        Tone::MarkedQuoteText => theme.marked_text().patch(theme.quote_text()),
        Tone::Heading => theme.heading(),
        Tone::Notice => theme.notice(),
    }
}
