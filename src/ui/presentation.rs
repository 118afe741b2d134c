//! Presentation mode on screen: the topic counter, the topic's label as a
//! large title (plain bold when it will not fit), and the slide's body.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use tui_big_text::{BigText, PixelSize};

use super::pane::tone_style;
use super::put;
use super::theme::Theme;
use crate::app::presentation::{body, counter, geometry, title_width};
use crate::app::{App, Side};
use crate::layout::wrap::{display_width, truncate};

pub fn draw(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let Some(slide) = app.presentation() else {
        return;
    };
    let width = usize::from(area.width);
    let counter = counter(app);
    let counter_x = area
        .right()
        .saturating_sub(display_width(&counter) as u16 + 2);
    put(buf, counter_x, area.y, &counter, width, theme.dim());
    let right = &app.readout(Side::Right).label;
    let hint = if slide.right_shown() {
        format!("r hides {right}")
    } else {
        format!("{right} hidden · r reveals")
    };
    put(
        buf,
        area.x + 2,
        area.y,
        &hint,
        width.saturating_sub(2),
        theme.dim(),
    );

    let shape = geometry(app, area.width, area.height);
    let label = &app.document().topics[app.selected()].label;
    let title_top = area.y + 1;
    let title = truncate(label, width.saturating_sub(4));
    let title_x =
        area.x + (width.saturating_sub(title_width(app, shape.big_title).min(width)) / 2) as u16;
    if shape.big_title {
        let big = BigText::builder()
            .pixel_size(PixelSize::Quadrant)
            .style(theme.heading())
            .lines(vec![title.into()])
            .build();
        let title_area = Rect::new(title_x, title_top, area.right() - title_x, shape.title_rows)
            .intersection(area);
        big.render(title_area, buf);
    } else {
        put(buf, title_x, title_top, &title, width, theme.heading());
    }

    let rows = body(app, area.width);
    for (index, row) in rows
        .iter()
        .skip(slide.scroll)
        .take(usize::from(shape.body_rows))
        .enumerate()
    {
        let y = area.y + shape.body_top + index as u16;
        for piece in &row.0 {
            let x = area.x + piece.column as u16;
            let room = width.saturating_sub(piece.column);
            put(buf, x, y, &piece.text, room, tone_style(theme, piece.tone));
        }
    }
    if slide.scroll + usize::from(shape.body_rows) < rows.len() {
        let more = "more ↓";
        let x = area.right().saturating_sub(display_width(more) as u16 + 2);
        put(
            buf,
            x,
            area.bottom().saturating_sub(1),
            more,
            width,
            theme.dim(),
        );
    }
}
