//! The rows of one pane: every passage of a readout wrapped to the pane's
//! width, with the exact row where each passage starts.

use std::ops::Range;

use super::wrap::wrap_paragraph;
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
}

impl Row {
    /// The passage this row belongs to, if any.
    pub fn passage(&self) -> Option<usize> {
        match *self {
            Row::Text { passage, .. } | Row::ParagraphGap { passage } => Some(passage as usize),
            Row::Gap => None,
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
    /// The passages laid out, in reading order, with their first rows.
    entries: Vec<Entry>,
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
        let mut layout = PaneLayout {
            width,
            rows: Vec::new(),
            entries: Vec::new(),
        };
        for passage in passages {
            if !layout.rows.is_empty() {
                layout.rows.push(Row::Gap);
            }
            layout.push_passage(readout, passage);
        }
        layout
    }

    /// Appends a passage's rows.
    fn push_passage(&mut self, readout: &Readout, index: usize) {
        let Some(passage) = readout.passages.get(index) else {
            return;
        };
        let text_width = self.width.saturating_sub(MARGIN + RIGHT_PADDING).max(1);
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

    /// The first row of a passage, if it is laid out.
    pub fn first_row(&self, passage: usize) -> Option<usize> {
        let entry = self
            .entries
            .binary_search_by_key(&passage, |e| e.passage)
            .ok()?;
        Some(self.entries[entry].first_row)
    }

    /// How many rows a passage takes (0 if it is not laid out).
    pub fn passage_rows(&self, passage: usize) -> usize {
        let Ok(entry) = self.entries.binary_search_by_key(&passage, |e| e.passage) else {
            return 0;
        };
        let end = self
            .entries
            .get(entry + 1)
            .map_or(self.rows.len(), |next| next.first_row - 1);
        end - self.entries[entry].first_row
    }

    /// The position (0-based, among the passages laid out) of the passage
    /// shown at a row: the one it belongs to, or for a gap the one before.
    pub fn ordinal_at(&self, row: usize) -> Option<usize> {
        self.entries
            .partition_point(|entry| entry.first_row <= row)
            .checked_sub(1)
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
        Readout {
            id: "r".into(),
            label: "R".into(),
            source: None,
            url: None,
            published: None,
            language: None,
            note: None,
            passages: texts
                .iter()
                .map(|&(text, quote)| Passage {
                    text: text.into(),
                    topics: Vec::new(),
                    quote,
                })
                .collect(),
        }
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
