//! Presentation mode, for a projector: one topic at a time, its label as a
//! large title, each side's passages on it below, the right-hand side
//! hidden until the class has been asked. The slide is worked out here, as
//! data; `ui::presentation` draws it.

use super::{App, Side};
use crate::layout::pane::QUOTE_INDENT;
use crate::layout::pieces::{Piece, Tone, notice_text};
use crate::layout::wrap::{display_width, wrap};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Presentation {
    /// Whether the teacher hides the right-hand side until asked: it then
    /// starts hidden on every topic.
    pub hiding: bool,
    /// Whether the hidden side has been revealed on this topic.
    pub revealed: bool,
    /// Rows of the slide's body scrolled past.
    pub scroll: usize,
}

impl Presentation {
    /// Whether the right-hand side is on screen.
    pub fn right_shown(&self) -> bool {
        !self.hiding || self.revealed
    }

    /// `r`: hide the right-hand side (from now on, on every topic), or
    /// reveal it on this one.
    pub fn toggle_reveal(&mut self) {
        if self.right_shown() {
            self.hiding = true;
            self.revealed = false;
        } else {
            self.revealed = true;
        }
    }

    /// On to another topic: the scroll starts at the top, and a hidden side
    /// is hidden again.
    pub fn new_topic(&mut self) {
        self.revealed = false;
        self.scroll = 0;
    }
}

/// The widest a column of text gets, for reading from the back of a room.
const COLUMN_MAX: usize = 60;
/// Columns between the two sides.
const GUTTER: usize = 6;
/// Columns kept free at each edge of the screen.
const EDGE: usize = 3;
/// Rows of a large title (quadrant pixels of an 8×8 font).
pub const BIG_TITLE_ROWS: u16 = 4;
/// Columns per character of a large title.
const BIG_TITLE_COLUMNS: usize = 4;

/// Where the slide's parts go on a screen of `width` × `height`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SlideGeometry {
    /// Whether the title is drawn large.
    pub big_title: bool,
    pub title_rows: u16,
    /// The first row of the body, and how many rows it has.
    pub body_top: u16,
    pub body_rows: u16,
}

pub fn geometry(app: &App, width: u16, height: u16) -> SlideGeometry {
    let label = &app.document.topics[app.selected].label;
    let room = usize::from(width).saturating_sub(2 * EDGE);
    let big_title = label.is_ascii()
        && label.chars().count() * BIG_TITLE_COLUMNS <= room
        && height >= BIG_TITLE_ROWS + 12;
    let title_rows = if big_title { BIG_TITLE_ROWS } else { 1 };
    // A row for the counter, the title, then a blank row.
    let body_top = 1 + title_rows + 1;
    SlideGeometry {
        big_title,
        title_rows,
        body_top,
        body_rows: height.saturating_sub(body_top),
    }
}

/// One row of the slide's body: pieces placed at columns from the screen's
/// left edge.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SlideRow(pub Vec<Piece<'static>>);

/// The body of the slide for the selected topic at a screen width: the two
/// sides side by side when there is room, one above the other when not.
pub fn body(app: &App, width: u16) -> Vec<SlideRow> {
    let width = usize::from(width);
    let room = width.saturating_sub(2 * EDGE);
    let side_by_side = room >= 2 * 30 + GUTTER;
    let column = if side_by_side {
        ((room - GUTTER) / 2).min(COLUMN_MAX)
    } else {
        room.min(COLUMN_MAX + 10)
    };
    let columns = Side::BOTH.map(|side| column_rows(app, side, column));
    if side_by_side {
        let total = 2 * column + GUTTER;
        let left_x = (width - total) / 2;
        let right_x = left_x + column + GUTTER;
        let rows = columns[0].len().max(columns[1].len());
        (0..rows)
            .map(|i| {
                let mut pieces = Vec::new();
                for (x, column) in [(left_x, &columns[0]), (right_x, &columns[1])] {
                    if let Some(row) = column.get(i) {
                        pieces.extend(placed(row, x));
                    }
                }
                SlideRow(pieces)
            })
            .collect()
    } else {
        let x = (width - column) / 2;
        let [left, right] = columns;
        left.iter()
            .chain(std::iter::once(&Vec::new()))
            .chain(right.iter())
            .map(|row| SlideRow(placed(row, x)))
            .collect()
    }
}

fn placed(row: &[Piece<'static>], x: usize) -> Vec<Piece<'static>> {
    row.iter()
        .map(|piece| Piece {
            column: piece.column + x,
            ..piece.clone()
        })
        .collect()
}

/// One side's column: its label, then its passages on the topic with a
/// blank row between them — or why there are none to show.
fn column_rows(app: &App, side: Side, width: usize) -> Vec<Vec<Piece<'static>>> {
    let readout = app.readout(side);
    let topic = app.selected;
    let mut rows = vec![
        vec![piece(0, readout.label.clone(), Tone::Heading)],
        Vec::new(),
    ];
    let hidden = side == Side::Right && app.presentation.is_some_and(|p| !p.right_shown());
    if hidden {
        let text = format!("{} — press r to reveal", readout.label);
        push_wrapped(&mut rows, &text, width, 0, Tone::Notice);
        return rows;
    }
    let passages = app.passages_of(side, topic);
    if passages.is_empty() {
        let text = notice_text(readout, &app.document, topic);
        push_wrapped(&mut rows, &text, width, 0, Tone::Notice);
        return rows;
    }
    for (number, &index) in passages.iter().enumerate() {
        if number > 0 {
            rows.push(Vec::new());
        }
        let passage = &readout.passages[index];
        if passage.quote {
            let start = rows.len();
            push_wrapped(
                &mut rows,
                &passage.text,
                width.saturating_sub(QUOTE_INDENT),
                QUOTE_INDENT,
                Tone::QuoteText,
            );
            for row in &mut rows[start..] {
                row.insert(0, piece(0, "│".to_string(), Tone::QuoteBar));
            }
        } else {
            push_wrapped(&mut rows, &passage.text, width, 0, Tone::Text);
        }
    }
    rows
}

fn push_wrapped(
    rows: &mut Vec<Vec<Piece<'static>>>,
    text: &str,
    width: usize,
    x: usize,
    tone: Tone,
) {
    for row in wrap(text, width.max(1)) {
        rows.push(match row {
            Some(range) => vec![piece(x, text[range].to_string(), tone)],
            None => Vec::new(),
        });
    }
}

fn piece(column: usize, text: String, tone: Tone) -> Piece<'static> {
    Piece {
        column,
        text: text.into(),
        tone,
    }
}

/// "3 / 9": the topic's place among all.
pub fn counter(app: &App) -> String {
    format!("{} / {}", app.selected + 1, app.document.topics.len())
}

/// How far the body can scroll on a screen of this size.
pub fn max_scroll(app: &App, width: u16, height: u16) -> usize {
    let rows = body(app, width).len();
    rows.saturating_sub(usize::from(geometry(app, width, height).body_rows))
}

/// The title's width as it will be drawn.
pub fn title_width(app: &App, big: bool) -> usize {
    let label = &app.document.topics[app.selected].label;
    if big {
        label.chars().count() * BIG_TITLE_COLUMNS
    } else {
        display_width(label)
    }
}
