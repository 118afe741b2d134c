//! The side-by-side view as plain text (`readouts print`): a header with
//! the labels, then the readouts in columns split by dividers — two, or
//! with `--by-topic --all` every readout of the file. It is drawn from the
//! viewer's own layouts and row pieces, so the two never disagree; colour,
//! when asked for, is SGR codes per tone.

use std::io::{self, Write};

use crate::document::{Document, Pair, Readout};
use crate::layout::arrange::{self, Column};
use crate::layout::on_both_sides;
use crate::layout::padding::{self, Padding};
use crate::layout::pane::{MARGIN, PaneLayout, QUOTE_INDENT, RIGHT_PADDING};
use crate::layout::pieces::{Piece, Tone, pieces};
use crate::layout::screen::MIN_TEXT_WIDTH;
use crate::layout::sync::{candidates_of, non_crossing};
use crate::layout::wrap::{display_width, truncate};

/// What stands between the two columns, and its width in columns.
pub const DIVIDER: &str = " │ ";
const DIVIDER_WIDTH: usize = 3;

/// The narrowest output that keeps both columns readable.
pub const MIN_WIDTH: usize = min_width(2);

/// The narrowest output that keeps `columns` columns readable.
pub const fn min_width(columns: usize) -> usize {
    columns * (MIN_TEXT_WIDTH as usize + MARGIN + QUOTE_INDENT + RIGHT_PADDING)
        + columns.saturating_sub(1) * DIVIDER_WIDTH
}

/// `width` display columns shared among `columns` columns with a divider
/// between each two; the last columns take what does not divide evenly.
fn column_widths(width: usize, columns: usize) -> Vec<usize> {
    let columns = columns.max(1);
    let usable = width.max(min_width(columns)) - (columns - 1) * DIVIDER_WIDTH;
    (0..columns)
        .map(|column| usable / columns + usize::from(column >= columns - usable % columns))
        .collect()
}

/// Which passages, in which order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrangement {
    /// Each readout in its own order, shared topics aligned.
    SourceOrder,
    /// Only this topic's passages.
    Topic(usize),
    /// The synopsis: topic by topic.
    ByTopic,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlainOptions {
    /// Display columns per line, at least [`MIN_WIDTH`].
    pub width: usize,
    pub color: bool,
    pub arrangement: Arrangement,
}

/// Writes the side-by-side view of a document's pair of readouts.
pub fn write_side_by_side(
    out: &mut impl Write,
    document: &Document,
    pair: Pair,
    options: PlainOptions,
) -> io::Result<()> {
    let [left, right] = column_widths(options.width, 2)[..] else {
        unreachable!("two widths for two columns")
    };
    let widths = [left, right];
    let readouts = [
        &document.readouts[pair.left],
        &document.readouts[pair.right],
    ];
    let topic_count = document.topics.len();
    let by_topic = readouts.map(|readout| readout.passages_by_topic(topic_count));
    // Every passage is printed, in an order with padding between: both
    // readouts are wrapped first, one on each core, and their rows copied.
    let wrap_both = || {
        on_both_sides(
            || PaneLayout::new(readouts[0], widths[0]),
            || PaneLayout::new(readouts[1], widths[1]),
        )
    };
    let (panes, paddings) = match options.arrangement {
        // The viewer's aligned row space: each readout's own rows, padded
        // before the anchors the viewer keeps when it opens.
        Arrangement::SourceOrder => {
            let panes = wrap_both();
            let anchors = non_crossing(&candidates_of([&by_topic[0], &by_topic[1]]));
            let paddings = padding::aligned([&panes[0], &panes[1]], &anchors);
            (panes, paddings)
        }
        Arrangement::Topic(topic) => {
            let panes = arrange::topic_only(
                document,
                columns_of(readouts, &by_topic, widths, None),
                topic,
            );
            let paddings = padding::unpadded([&panes[0], &panes[1]]);
            (panes, paddings)
        }
        Arrangement::ByTopic => {
            let wrapped = wrap_both();
            let panes = arrange::synopsis(
                document,
                columns_of(readouts, &by_topic, widths, Some(&wrapped)),
            )
            .panes;
            let paddings = padding::unpadded([&panes[0], &panes[1]]);
            (panes, paddings)
        }
    };
    write_columns(
        out,
        document,
        &readouts,
        &panes,
        &paddings,
        &widths,
        Paint {
            color: options.color,
        },
    )
}

/// Writes the synopsis with every readout of the document as a column, in
/// file order: `print --by-topic --all`.
pub fn write_synopsis_of_every_readout(
    out: &mut impl Write,
    document: &Document,
    width: usize,
    color: bool,
) -> io::Result<()> {
    let readouts: Vec<&Readout> = document.readouts.iter().collect();
    let widths = column_widths(width, readouts.len());
    let topic_count = document.topics.len();
    let by_topic: Vec<Vec<Vec<usize>>> = readouts
        .iter()
        .map(|readout| readout.passages_by_topic(topic_count))
        .collect();
    let columns: Vec<Column<'_>> = readouts
        .iter()
        .zip(&by_topic)
        .zip(&widths)
        .map(|((readout, by_topic), &width)| Column {
            readout,
            by_topic,
            width,
            wrapped: None,
        })
        .collect();
    let panes = arrange::synopsis_of_columns(document, &columns).panes;
    let paddings: Vec<Padding> = panes.iter().map(Padding::none).collect();
    write_columns(
        out,
        document,
        &readouts,
        &panes,
        &paddings,
        &widths,
        Paint { color },
    )
}

/// Writes laid-out readouts as columns: a header of their titles, a rule,
/// then the padded rows side by side, each line's end trimmed.
fn write_columns(
    out: &mut impl Write,
    document: &Document,
    readouts: &[&Readout],
    panes: &[PaneLayout],
    paddings: &[Padding],
    widths: &[usize],
    paint: Paint,
) -> io::Result<()> {
    let titles: Vec<String> = readouts
        .iter()
        .zip(widths)
        .map(|(readout, &width)| truncate(&readout.title(), width).into_owned())
        .collect();
    let header: Vec<String> = titles
        .iter()
        .zip(widths)
        .enumerate()
        .map(|(column, (title, &width))| {
            let painted = paint.sgr(title, "1");
            if column + 1 == titles.len() {
                painted
            } else {
                paint.pad(&painted, title, width)
            }
        })
        .collect();
    writeln!(out, "{}", header.join(&paint.sgr(DIVIDER, "2")))?;
    let rule: Vec<String> = widths.iter().map(|&width| "─".repeat(width)).collect();
    writeln!(out, "{}", paint.sgr(&rule.join("─┼─"), "2"))?;
    let rows = paddings.iter().map(Padding::rows).max().unwrap_or(0);
    for index in 0..rows {
        let mut cells: Vec<String> = (0..readouts.len())
            .map(|column| {
                let row = paddings[column].row(&panes[column], index);
                let pieces = row.map_or_else(Vec::new, |row| {
                    pieces(row, readouts[column], document, None, widths[column])
                });
                paint.compose(&pieces, widths[column])
            })
            .collect();
        let last = cells.pop().unwrap_or_default();
        let mut line = cells.join(&paint.sgr(DIVIDER, "2"));
        let last = last.trim_end();
        if last.is_empty() {
            line.push_str(&paint.sgr(DIVIDER.trim_end(), "2"));
        } else {
            line.push_str(&paint.sgr(DIVIDER, "2"));
            line.push_str(last);
        }
        writeln!(out, "{line}")?;
    }
    Ok(())
}

fn columns_of<'a>(
    readouts: [&'a Readout; 2],
    by_topic: &'a [Vec<Vec<usize>>; 2],
    widths: [usize; 2],
    wrapped: Option<&'a [PaneLayout; 2]>,
) -> [Column<'a>; 2] {
    [0, 1].map(|i| Column {
        readout: readouts[i],
        by_topic: &by_topic[i],
        width: widths[i],
        wrapped: wrapped.map(|panes| &panes[i]),
    })
}

struct Paint {
    color: bool,
}

impl Paint {
    /// Wraps text in an SGR sequence when colour is on.
    fn sgr(&self, text: &str, codes: &str) -> String {
        if self.color && !text.is_empty() {
            format!("\u{1b}[{codes}m{text}\u{1b}[0m")
        } else {
            text.to_string()
        }
    }

    /// Pads painted text to `width` columns, measuring the plain text.
    fn pad(&self, painted: &str, plain: &str, width: usize) -> String {
        format!(
            "{painted}{}",
            " ".repeat(width.saturating_sub(display_width(plain)))
        )
    }

    /// A row's pieces as one column exactly `width` columns wide.
    fn compose(&self, pieces: &[Piece<'_>], width: usize) -> String {
        let mut line = String::with_capacity(width + 16);
        let mut used = 0;
        for piece in pieces {
            if piece.column >= width {
                break;
            }
            push_spaces(&mut line, piece.column.saturating_sub(used));
            used = used.max(piece.column);
            let room = width - used;
            let piece_width = display_width(&piece.text);
            if piece_width <= room {
                used += piece_width;
                self.push_painted(&mut line, &piece.text, tone_codes(piece.tone));
            } else {
                let text = truncate(&piece.text, room);
                used += display_width(&text);
                self.push_painted(&mut line, &text, tone_codes(piece.tone));
            }
        }
        push_spaces(&mut line, width.saturating_sub(used));
        line
    }

    /// Appends text, in an SGR sequence when colour is on.
    fn push_painted(&self, line: &mut String, text: &str, codes: &str) {
        if self.color && !text.is_empty() {
            line.push_str("\u{1b}[");
            line.push_str(codes);
            line.push('m');
            line.push_str(text);
            line.push_str("\u{1b}[0m");
        } else {
            line.push_str(text);
        }
    }
}

fn push_spaces(line: &mut String, count: usize) {
    line.extend(std::iter::repeat_n(' ', count));
}

/// The SGR codes of a tone; bold, italic and reverse read without colour
/// too.
fn tone_codes(tone: Tone) -> &'static str {
    match tone {
        Tone::TopicBar => "33",
        Tone::QuoteBar => "35",
        Tone::Text => "0",
        Tone::MarkedText => "1",
        Tone::QuoteText => "3",
        Tone::MarkedQuoteText => "1;3",
        Tone::Heading => "1;36",
        Tone::Notice => "7",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::builtin;
    use crate::document::load::load_str;

    fn builtin_text(options: PlainOptions) -> String {
        let document = load_str(builtin::NAME, builtin::TEXT)
            .expect("loads")
            .document;
        let mut out = Vec::new();
        write_side_by_side(&mut out, &document, Pair { left: 0, right: 1 }, options)
            .expect("written");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn the_divider_is_as_wide_as_it_says() {
        assert_eq!(display_width(DIVIDER), DIVIDER_WIDTH);
    }

    #[test]
    fn no_line_is_wider_than_the_width() {
        for width in [MIN_WIDTH, 40, 57, 80, 121] {
            let text = builtin_text(PlainOptions {
                width,
                color: false,
                arrangement: Arrangement::SourceOrder,
            });
            for line in text.lines() {
                assert!(display_width(line) <= width, "{width}: {line:?}");
            }
        }
    }

    #[test]
    fn colour_only_when_asked() {
        let options = PlainOptions {
            width: 80,
            color: false,
            arrangement: Arrangement::ByTopic,
        };
        assert!(!builtin_text(options).contains('\u{1b}'));
        assert!(
            builtin_text(PlainOptions {
                color: true,
                ..options
            })
            .contains("\u{1b}[1m")
        );
    }
}
