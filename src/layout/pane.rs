//! The rows of one pane: passages of a readout wrapped to the pane's width,
//! with the exact row where each passage starts; and the other rows a pane
//! can hold (topic headings, "does not mention" notices, padding).

use std::ops::Range;

use super::wrap::{wrap, wrap_paragraph};
use crate::document::Readout;

/// Columns left of the text: the topic bar and a space.
pub const MARGIN: usize = 2;
/// The extra indent of a verbatim quote: a quote bar and a space.
pub const QUOTE_INDENT: usize = 2;
/// A blank column between the text and the right border.
pub const RIGHT_PADDING: usize = 1;

/// One row of a pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// Text of a passage: a byte range of its text.
    Text { passage: u32, start: u32, end: u32 },
    /// The blank row between two paragraphs of one passage.
    ParagraphGap { passage: u32 },
    /// The blank row between two passages.
    Gap,
    /// Padding, so that something starts on the same row as its counterpart
    /// in the other pane.
    Blank,
    /// A line of the heading of a topic's block (the by-topic layout).
    Heading { topic: u32, line: u16 },
    /// The heading of the block of passages that carry no topic.
    OtherHeading,
    /// A line of "this readout does not mention the topic".
    Notice { topic: u32, line: u16 },
}

impl Row {
    /// The passage this row belongs to, if any.
    pub fn passage(&self) -> Option<usize> {
        match *self {
            Row::Text { passage, .. } | Row::ParagraphGap { passage } => Some(passage as usize),
            _ => None,
        }
    }

    pub fn text_range(&self) -> Option<Range<usize>> {
        match *self {
            Row::Text { start, end, .. } => Some(start as usize..end as usize),
            _ => None,
        }
    }
}

/// A readout laid out at one width: all its passages, or a selection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaneLayout {
    /// The width the layout was made for: the pane's inner width.
    width: usize,
    rows: Vec<Row>,
    /// The passages laid out, in row order, with their first rows.
    entries: Vec<Entry>,
    /// Indices into `entries` ordered by passage, then row; needed only
    /// when a passage appears more than once or out of order (the by-topic
    /// layout), otherwise `entries` itself is in that order.
    by_passage: Option<Vec<usize>>,
    /// Passages before the laid-out ones, not laid out (see
    /// [`Self::partial`]).
    skipped: usize,
    /// Passages that follow the laid-out ones but are not laid out yet (see
    /// [`Self::partial`]).
    not_laid_out: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    passage: usize,
    first_row: usize,
}

impl PaneLayout {
    /// Lays out every passage of a readout for a pane whose inner width
    /// (inside its borders) is `width`.
    pub fn new(readout: &Readout, width: usize) -> Self {
        Self::of_passages(readout, 0..readout.passages.len(), width)
    }

    /// Lays out the given passages (in reading order) of a readout.
    pub fn of_passages(
        readout: &Readout,
        passages: impl IntoIterator<Item = usize>,
        width: usize,
    ) -> Self {
        let mut layout = PaneLayout::empty(width);
        layout.push_passages(readout, passages);
        layout.finish();
        layout
    }

    /// A layout with no rows yet, to be built with the `push_` methods and
    /// then [`Self::finish`]ed.
    pub fn empty(width: usize) -> Self {
        PaneLayout {
            width,
            rows: Vec::new(),
            entries: Vec::new(),
            by_passage: None,
            skipped: 0,
            not_laid_out: 0,
        }
    }

    /// Lays out only part of a readout: passages `from` through `through`,
    /// then as many as fill `rows` rows from the first row of `through`;
    /// the passages before and after count in positions but are not laid
    /// out. From passage 0 it is the opening screen of a large document,
    /// drawn before the rest is laid out, and its rows are the first rows of
    /// the full layout; from a later passage, the screen of a resized one.
    pub fn partial(
        readout: &Readout,
        width: usize,
        rows: usize,
        from: usize,
        through: usize,
    ) -> Self {
        let mut layout = PaneLayout::empty(width);
        let total = readout.passages.len();
        let from = from.min(total);
        let mut next = from;
        let mut wanted_rows = rows;
        while next < total && (next <= through || layout.rows.len() <= wanted_rows) {
            if next > from {
                layout.rows.push(Row::Gap);
            }
            if next == through {
                wanted_rows = layout.rows.len() + rows;
            }
            layout.push_passage(readout, next);
            next += 1;
        }
        layout.skipped = from;
        layout.not_laid_out = total - next;
        layout.finish();
        layout
    }

    /// Appends passages, a gap row between each two.
    pub fn push_passages(&mut self, readout: &Readout, passages: impl IntoIterator<Item = usize>) {
        self.push_passages_from(readout, passages, None);
    }

    /// Appends passages, a gap row between each two, copying their rows from
    /// `wrapped` where it has them (see [`Self::push_passage_from`]).
    pub fn push_passages_from(
        &mut self,
        readout: &Readout,
        passages: impl IntoIterator<Item = usize>,
        wrapped: Option<&PaneLayout>,
    ) {
        for (number, passage) in passages.into_iter().enumerate() {
            if number > 0 {
                self.rows.push(Row::Gap);
            }
            self.push_passage_from(readout, passage, wrapped);
        }
    }

    /// Appends a row that is not a passage's.
    pub fn push_row(&mut self, row: Row) {
        self.rows.push(row);
    }

    /// Appends the rows of a text of its own (a heading, a notice): as many
    /// as it takes wrapped to the text width, each made by `row(line)`.
    pub fn push_lines(&mut self, text: &str, row: impl Fn(u16) -> Row) {
        let lines = wrap(text, self.text_width()).len().max(1);
        for line in 0..lines {
            self.rows.push(row(u16::try_from(line).unwrap_or(u16::MAX)));
        }
    }

    /// The columns a line of text may take in this layout.
    pub fn text_width(&self) -> usize {
        text_width(self.width)
    }

    /// Appends blank rows until the layout has `rows` rows.
    pub fn pad_to(&mut self, rows: usize) {
        while self.rows.len() < rows {
            self.rows.push(Row::Blank);
        }
    }

    /// Completes a layout built with the `push_` methods.
    pub fn finish(&mut self) {
        let in_order = self.entries.windows(2).all(|w| w[0].passage < w[1].passage);
        self.by_passage = (!in_order).then(|| {
            let mut order: Vec<usize> = (0..self.entries.len()).collect();
            order.sort_by_key(|&i| (self.entries[i].passage, self.entries[i].first_row));
            order
        });
    }

    /// Appends a passage's rows, copied from `wrapped` (the readout laid
    /// out at the same width) when it has them, else wrapped anew.
    pub fn push_passage_from(
        &mut self,
        readout: &Readout,
        index: usize,
        wrapped: Option<&PaneLayout>,
    ) {
        let copied = wrapped
            .filter(|wrapped| wrapped.width == self.width)
            .and_then(|wrapped| {
                let first = wrapped.first_row(index)?;
                Some(&wrapped.rows[first..first + wrapped.passage_rows(index)])
            });
        match copied {
            Some(rows) => {
                self.entries.push(Entry {
                    passage: index,
                    first_row: self.rows.len(),
                });
                self.rows.extend_from_slice(rows);
            }
            None => self.push_passage(readout, index),
        }
    }

    /// Appends a passage's rows.
    pub fn push_passage(&mut self, readout: &Readout, index: usize) {
        let Some(passage) = readout.passages.get(index) else {
            return;
        };
        let text_width = self.text_width();
        let wrap_width = if passage.quote {
            text_width.saturating_sub(QUOTE_INDENT).max(1)
        } else {
            text_width
        };
        self.entries.push(Entry {
            passage: index,
            first_row: self.rows.len(),
        });
        let passage_index = to_u32(index);
        let mut offset = 0;
        for (number, paragraph) in passage.text.split('\n').enumerate() {
            if number > 0 {
                self.rows.push(Row::ParagraphGap {
                    passage: passage_index,
                });
            }
            wrap_paragraph(paragraph, wrap_width, |range| {
                self.rows.push(Row::Text {
                    passage: passage_index,
                    start: to_u32(offset + range.start),
                    end: to_u32(offset + range.end),
                });
            });
            offset += paragraph.len() + 1;
        }
    }

    pub fn width(&self) -> usize {
        self.width
    }

    pub fn row_count(&self) -> usize {
        self.rows.len()
    }

    pub fn row(&self, index: usize) -> Option<Row> {
        self.rows.get(index).copied()
    }

    /// The rows from `start`, at most `count` of them.
    pub fn rows(&self, start: usize, count: usize) -> &[Row] {
        let start = start.min(self.rows.len());
        let end = start.saturating_add(count).min(self.rows.len());
        &self.rows[start..end]
    }

    /// How many passages are laid out.
    pub fn passage_count(&self) -> usize {
        self.entries.len()
    }

    /// How many passages the layout is for, laid out yet or not: what a
    /// pane's position counts.
    pub fn passage_total(&self) -> usize {
        self.skipped + self.entries.len() + self.not_laid_out
    }

    /// Whether every passage the layout is for is laid out.
    pub fn is_complete(&self) -> bool {
        self.skipped == 0 && self.not_laid_out == 0
    }

    /// The position (0-based) among all the passages the layout is for of
    /// the one shown at a row: what a pane's position shows.
    pub fn position_at(&self, row: usize) -> Option<usize> {
        self.ordinal_at(row).map(|ordinal| self.skipped + ordinal)
    }

    /// The first row of a passage, if it is laid out.
    pub fn first_row(&self, passage: usize) -> Option<usize> {
        self.first_row_from(passage, 0)
    }

    /// The first row at or after `from` where a passage starts.
    pub fn first_row_from(&self, passage: usize, from: usize) -> Option<usize> {
        self.entry_from(passage, from)
            .map(|entry| self.entries[entry].first_row)
    }

    /// The entry of a passage's first appearance at or after row `from`.
    fn entry_from(&self, passage: usize, from: usize) -> Option<usize> {
        let key = |entry: &Entry| (entry.passage, entry.first_row);
        let target = (passage, from);
        let entry = match &self.by_passage {
            None => self.entries.partition_point(|e| key(e) < target),
            Some(order) => {
                let position = order.partition_point(|&i| key(&self.entries[i]) < target);
                *order.get(position)?
            }
        };
        self.entries
            .get(entry)
            .filter(|e| e.passage == passage)
            .map(|_| entry)
    }

    /// How many rows a passage takes (0 if it is not laid out): its text
    /// and the gaps between its paragraphs.
    pub fn passage_rows(&self, passage: usize) -> usize {
        let Some(entry) = self.entry_from(passage, 0) else {
            return 0;
        };
        let start = self.entries[entry].first_row;
        let mut end = start;
        while matches!(self.rows.get(end).and_then(Row::passage), Some(p) if p == passage) {
            end += 1;
        }
        end - start
    }

    /// The position (0-based, among the passages laid out) of the passage
    /// shown at a row: the one it belongs to, or for a gap the one before.
    pub fn ordinal_at(&self, row: usize) -> Option<usize> {
        self.entries
            .partition_point(|entry| entry.first_row <= row)
            .checked_sub(1)
    }

    /// The passage shown at a row and the row where that appearance of it
    /// starts (see [`Self::ordinal_at`]).
    pub fn passage_start_at(&self, row: usize) -> Option<(usize, usize)> {
        self.ordinal_at(row).map(|ordinal| {
            let entry = self.entries[ordinal];
            (entry.passage, entry.first_row)
        })
    }

    /// The passage shown at a row (see [`Self::ordinal_at`]).
    pub fn passage_at(&self, row: usize) -> Option<usize> {
        self.ordinal_at(row)
            .map(|ordinal| self.entries[ordinal].passage)
    }

    /// The largest offset that still fills a pane of `height` rows.
    pub fn max_offset(&self, height: usize) -> usize {
        self.rows.len().saturating_sub(height)
    }
}

/// The columns a line of text may take in a pane of inner width `width`.
pub fn text_width(width: usize) -> usize {
    width.saturating_sub(MARGIN + RIGHT_PADDING).max(1)
}

fn to_u32(value: usize) -> u32 {
    // Passages and their texts are bounded by the size of a loadable file,
    // which is far below 4 GiB.
    u32::try_from(value).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Passage;

    fn readout(texts: &[(&str, bool)]) -> Readout {
        let passages = texts
            .iter()
            .map(|&(text, quote)| Passage {
                quote,
                ..Passage::new(text, Vec::new())
            })
            .collect();
        Readout::new("r", "R", passages)
    }

    #[test]
    fn passages_are_wrapped_and_separated_by_a_gap() {
        let layout = PaneLayout::new(&readout(&[("one two three", false), ("four", false)]), 10);
        // text width 7: "one two" / "three", gap, "four"
        assert_eq!(layout.row_count(), 4);
        assert_eq!(layout.first_row(0), Some(0));
        assert_eq!(layout.first_row(1), Some(3));
        assert_eq!(layout.row(2), Some(Row::Gap));
        assert_eq!(layout.passage_rows(0), 2);
        assert_eq!(layout.passage_rows(1), 1);
    }

    #[test]
    fn an_opening_layout_is_the_start_of_the_full_one() {
        let texts: Vec<(&str, bool)> = (0..50).map(|n| ("one two three", n % 3 == 0)).collect();
        let readout = readout(&texts);
        let full = PaneLayout::new(&readout, 10);
        let opening = PaneLayout::partial(&readout, 10, 12, 0, 0);
        assert!(opening.row_count() > 12, "fills the rows asked for");
        assert!(opening.passage_count() < full.passage_count());
        assert_eq!(
            opening.rows(0, opening.row_count()),
            full.rows(0, opening.row_count())
        );
        assert_eq!(opening.passage_total(), 50);
        assert!(!opening.is_complete());
        assert!(full.is_complete());
        let window = PaneLayout::partial(&readout, 10, 12, 30, 30);
        assert_eq!(
            window.row(0),
            full.row(full.first_row(30).expect("laid out"))
        );
        assert_eq!(window.position_at(0), Some(30));
        assert_eq!(window.passage_total(), 50);
        assert!(
            window.first_row(29).is_none(),
            "passages before it are not laid out"
        );
        assert!(!window.is_complete());
        let short = PaneLayout::partial(&readout, 10, 1000, 0, 0);
        let later = PaneLayout::partial(&readout, 10, 12, 0, 30);
        let thirtieth = later.first_row(30).expect("laid out through it");
        assert!(later.row_count() > thirtieth + 12, "and a screen after it");
        assert_eq!(short, full, "a short readout is laid out whole");
    }

    #[test]
    fn quotes_wrap_narrower() {
        let plain = PaneLayout::new(&readout(&[("aaa bbb ccc", false)]), 10);
        let quote = PaneLayout::new(&readout(&[("aaa bbb ccc", true)]), 10);
        assert_eq!(plain.row_count(), 2);
        assert_eq!(quote.row_count(), 3);
    }

    #[test]
    fn paragraph_gaps_belong_to_their_passage() {
        let layout = PaneLayout::new(&readout(&[("a\nb", false), ("c", false)]), 10);
        assert_eq!(layout.row(1), Some(Row::ParagraphGap { passage: 0 }));
        assert_eq!(layout.passage_rows(0), 3);
        assert_eq!(layout.row(2).and_then(|r| r.text_range()), Some(2..3));
    }

    #[test]
    fn passage_at_finds_the_passage_of_any_row() {
        let layout = PaneLayout::new(&readout(&[("a b", false), ("c", false), ("d", false)]), 4);
        // rows: a, b, gap, c, gap, d
        let passages: Vec<Option<usize>> = (0..layout.row_count())
            .map(|r| layout.passage_at(r))
            .collect();
        assert_eq!(passages, [0, 0, 0, 1, 1, 2].map(Some));
        assert_eq!(layout.passage_at(100), Some(2));
    }

    #[test]
    fn a_selection_lays_out_only_its_passages() {
        let all = readout(&[("a", false), ("b", false), ("c", false)]);
        let layout = PaneLayout::of_passages(&all, [0, 2], 4);
        assert_eq!(layout.row_count(), 3);
        assert_eq!(layout.first_row(2), Some(2));
        assert_eq!(layout.first_row(1), None);
        assert_eq!(layout.passage_rows(1), 0);
        assert_eq!(layout.passage_at(2), Some(2));
        assert_eq!(layout.ordinal_at(2), Some(1));
        assert_eq!(layout.passage_count(), 2);
        let empty = PaneLayout::of_passages(&all, [], 4);
        assert_eq!((empty.row_count(), empty.passage_at(0)), (0, None));
    }

    #[test]
    fn max_offset_fills_the_pane() {
        let layout = PaneLayout::new(&readout(&[("a b c d e", false)]), 4);
        assert_eq!(layout.row_count(), 5);
        assert_eq!(layout.max_offset(3), 2);
        assert_eq!(layout.max_offset(10), 0);
    }
}
