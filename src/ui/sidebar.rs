//! The topic sidebar: every topic, numbered, with a coverage mark for each
//! of the two shown readouts (● mentions, · silent), a legend, and the
//! selected topic's teaching note.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Widget};

use super::put;
use super::theme::Theme;
use crate::app::{App, Focus, Side};
use crate::document::coverage::{MENTIONS, SILENT};
use crate::layout::screen::inner;
use crate::layout::wrap::truncate;
use crate::layout::wrap::wrap;

pub fn draw(app: &App, theme: &Theme, area: Rect, compact: bool, buf: &mut Buffer) {
    let focused = app.focus() == Focus::Sidebar;
    let title = if compact { " # " } else { " Topics " };
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border(focused))
        .title(Line::styled(title, theme.title(focused)))
        .render(area, buf);
    let list = inner(area);
    let width = usize::from(list.width);
    let topics = &app.document().topics;
    let height = usize::from(list.height);
    let shown = topics.len().min(height);
    let first = app.sidebar_first_topic(height);
    let number_width = topics.len().to_string().len();
    for (row, topic) in (first..first + shown).enumerate() {
        let y = list.y + row as u16;
        let selected = topic == app.selected();
        let number = format!("{:>number_width$} ", topic + 1);
        let style = if selected {
            theme.selected_topic(focused)
        } else {
            theme.text()
        };
        if selected {
            put(buf, list.x, y, &" ".repeat(width), width, style);
        }
        let mut x = list.x;
        put(buf, x, y, &number, width, style);
        x += number.len() as u16;
        for side in Side::BOTH {
            let (mark, mark_style) = if app.mentions(side, topic) {
                (MENTIONS, style.patch(theme.mentioned()))
            } else {
                (SILENT, style.patch(theme.dim()))
            };
            put(
                buf,
                x,
                y,
                mark,
                width.saturating_sub(usize::from(x - list.x)),
                mark_style,
            );
            x += 1;
        }
        if !compact {
            let room = width.saturating_sub(usize::from(x - list.x) + 1);
            put(
                buf,
                x + 1,
                y,
                &truncate(&topics[topic].label, room),
                room,
                style,
            );
        }
    }
    if !compact {
        draw_legend_and_note(app, theme, list, shown, buf);
    }
}

/// Under the list, when there is room: what the marks mean, then the
/// selected topic's note.
fn draw_legend_and_note(app: &App, theme: &Theme, list: Rect, shown: usize, buf: &mut Buffer) {
    let width = usize::from(list.width);
    let mut y = list.y + shown as u16 + 1;
    let legend = [
        format!("{MENTIONS}{SILENT} only {}", app.readout(Side::Left).label),
        format!("{SILENT}{MENTIONS} only {}", app.readout(Side::Right).label),
    ];
    if y + legend.len() as u16 > list.bottom() {
        return;
    }
    for line in &legend {
        put(buf, list.x, y, &truncate(line, width), width, theme.dim());
        y += 1;
    }
    // The note of the passage being read comes before the topic's.
    let passage_note = app.passage_note();
    let (heading, note) = match (passage_note, &app.document().topics[app.selected()].note) {
        (Some((side, passage, note)), _) => (
            Some(format!(
                "{}, passage {}:",
                app.readout(side).label,
                passage + 1
            )),
            note,
        ),
        (None, Some(note)) => (None, note.as_str()),
        (None, None) => return,
    };
    y += 1;
    if y + 2 > list.bottom() {
        return;
    }
    put(buf, list.x, y, &"─".repeat(width), width, theme.dim());
    y += 1;
    if let Some(heading) = heading {
        put(
            buf,
            list.x,
            y,
            &truncate(&heading, width),
            width,
            theme.strong(),
        );
        y += 1;
    }
    let rows: Vec<_> = wrap(note, width).into_iter().collect();
    let room = usize::from(list.bottom() - y);
    for (index, row) in rows.iter().take(room).enumerate() {
        let text = row.clone().map_or("", |range| &note[range]);
        let cut = index + 1 == room && rows.len() > room;
        let text = if cut {
            truncate(&format!("{text} …"), width).into_owned()
        } else {
            text.to_string()
        };
        put(buf, list.x, y, &text, width, theme.quote_text());
        y += 1;
    }
}
