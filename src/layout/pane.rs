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

/// A readout laid out at one width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaneLayout {
    /// The width the layout was made for: the pane's inner width.
    width: usize,
    rows: Vec<Row>,
    /// The first row of each passage, in reading order.
    first_rows: Vec<usize>,
}

impl PaneLayout {
    /// Lays out a readout for a pane whose inner width (inside its borders)
    /// is `width`.
    pub fn new(readout: &Readout, width: usize) -> Self {
        let text_width = width.saturating_sub(MARGIN + RIGHT_PADDING).max(1);
        let quote_width = text_width.saturating_sub(QUOTE_INDENT).max(1);
        let mut rows = Vec::new();
        let mut first_rows = Vec::with_capacity(readout.passages.len());
        for (index, passage) in readout.passages.iter().enumerate() {
            if index > 0 {
                rows.push(Row::Gap);
            }
            first_rows.push(rows.len());
            let passage_index = to_u32(index);
            let wrap_width = if passage.quote {
                quote_width
            } else {
                text_width
            };
            let mut offset = 0;
            for (number, paragraph) in passage.text.split('\n').enumerate() {
                if number > 0 {
                    rows.push(Row::ParagraphGap {
                        passage: passage_index,
                    });
                }
                wrap_paragraph(paragraph, wrap_width, |range| {
                    rows.push(Row::Text {
                        passage: passage_index,
                        start: to_u32(offset + range.start),
                        end: to_u32(offset + range.end),
                    });
                });
                offset += paragraph.len() + 1;
            }
        }
        PaneLayout {
            width,
            rows,
            first_rows,
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

    pub fn first_row(&self, passage: usize) -> usize {
        self.first_rows.get(passage).copied().unwrap_or(0)
    }

    /// How many rows a passage takes.
    pub fn passage_rows(&self, passage: usize) -> usize {
        let next = self
            .first_rows
            .get(passage + 1)
            .map_or(self.rows.len(), |&first| first - 1);
        next.saturating_sub(self.first_row(passage))
    }

    /// The passage shown at a row: the one it belongs to, or for a gap the
    /// one before it.
    pub fn passage_at(&self, row: usize) -> usize {
        self.first_rows
            .partition_point(|&first| first <= row)
            .saturating_sub(1)
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
        assert_eq!(layout.first_row(0), 0);
        assert_eq!(layout.first_row(1), 3);
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
        let passages: Vec<usize> = (0..layout.row_count())
            .map(|r| layout.passage_at(r))
            .collect();
        assert_eq!(passages, [0, 0, 0, 1, 1, 2]);
        assert_eq!(layout.passage_at(100), 2);
    }

    #[test]
    fn max_offset_fills_the_pane() {
        let layout = PaneLayout::new(&readout(&[("a b c d e", false)]), 4);
        assert_eq!(layout.row_count(), 5);
        assert_eq!(layout.max_offset(3), 2);
        assert_eq!(layout.max_offset(10), 0);
    }
}
