//! Wrapping text to a width, measured exactly as ratatui draws it.
//!
//! Text is cut into grapheme clusters (unicode-segmentation), each measured
//! with ratatui's own cell width, so a wrapped row never disagrees with what
//! is drawn. Rows break where UAX #14 allows (unicode-linebreak); a word
//! wider than the row is split between whole graphemes, and a single
//! grapheme wider than the row sits on a row of its own.

use std::borrow::Cow;
use std::ops::Range;

use ratatui::buffer::CellWidth;
use unicode_linebreak::{BreakOpportunity, linebreaks};
use unicode_segmentation::UnicodeSegmentation;

/// The display width of text as ratatui draws it: the sum of its grapheme
/// clusters' cell widths.
pub fn display_width(text: &str) -> usize {
    if text.is_ascii() {
        return text.len();
    }
    stretches(text)
        .map(|stretch| match stretch {
            Stretch::Ascii(run) => run.len(),
            Stretch::Clusters(around) => around
                .graphemes(true)
                .map(|grapheme| usize::from(grapheme.cell_width()))
                .sum(),
        })
        .sum()
}

/// A piece of text as [`stretches`] cuts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stretch<'a> {
    /// ASCII characters, each a grapheme cluster of its own.
    Ascii(&'a str),
    /// Text around other characters, to be cut into clusters; it starts and
    /// ends on a cluster boundary.
    Clusters(&'a str),
}

/// Cuts text into runs of ASCII characters and the stretches around other
/// characters, so that only the stretches need grapheme segmentation.
///
/// An ASCII character followed by another is a cluster of its own: no rule
/// joins two of them (loaded text has no CR). A stretch runs from the
/// ASCII character before other characters (a keycap or a combining mark
/// may build on it) through the ASCII character after them (a prepended
/// mark may join it), so it starts and ends on a cluster boundary and is
/// segmented as the whole text would be.
pub fn stretches(text: &str) -> impl Iterator<Item = Stretch<'_>> {
    let bytes = text.as_bytes();
    let alone = move |at: usize| bytes[at].is_ascii() && bytes.get(at + 1).is_none_or(u8::is_ascii);
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let mut end = start;
        if alone(start) {
            while end < bytes.len() && alone(end) {
                end += 1;
            }
            let run = &text[start..end];
            start = end;
            return Some(Stretch::Ascii(run));
        }
        loop {
            end += 1;
            while end < bytes.len() && !bytes[end].is_ascii() {
                end += 1;
            }
            if bytes.get(end + 1).is_none_or(u8::is_ascii) {
                end = (end + 1).min(bytes.len());
                break;
            }
        }
        let around = &text[start..end];
        start = end;
        Some(Stretch::Clusters(around))
    })
}

/// Cuts text to `width` columns, ending in "…" when it was cut; text that
/// fits is not copied.
pub fn truncate(text: &str, width: usize) -> Cow<'_, str> {
    if display_width(text) <= width {
        return Cow::Borrowed(text);
    }
    let mut kept = String::new();
    let mut used = 0;
    for grapheme in text.graphemes(true) {
        let grapheme_width = usize::from(grapheme.cell_width());
        if used + grapheme_width + 1 > width {
            break;
        }
        kept.push_str(grapheme);
        used += grapheme_width;
    }
    if width > 0 {
        kept.push('…');
    }
    Cow::Owned(kept)
}

/// Wraps one paragraph (text without line breaks) to `width` columns and
/// calls `emit` with the byte range of each row, trailing spaces left out.
/// An empty paragraph gives no rows. A width of 0 is taken as 1.
pub fn wrap_paragraph(paragraph: &str, width: usize, mut emit: impl FnMut(Range<usize>)) {
    let width = width.max(1);
    let mut row = RowBuilder::default();
    let mut segment_start = 0;
    for (end, opportunity) in linebreaks(paragraph) {
        let segment = &paragraph[segment_start..end];
        let content_end = segment_start + segment.trim_end().len();
        let content = &paragraph[segment_start..content_end];
        let content_width = display_width(content);
        let trailing_width = display_width(&paragraph[content_end..end]);
        if !row.is_empty() && row.width + content_width > width {
            emit(row.finish());
        }
        if row.is_empty() {
            row.open_at(segment_start);
            if content_width > width {
                split_long_word(content, segment_start, width, &mut row, &mut emit);
            } else {
                row.end = content_end;
                row.width = content_width;
            }
        } else {
            row.end = content_end;
            row.width += content_width;
        }
        row.width += trailing_width;
        if opportunity == BreakOpportunity::Mandatory && end < paragraph.len() {
            emit(row.finish());
        }
        segment_start = end;
    }
    if !row.is_empty() {
        emit(row.finish());
    }
}

/// Wraps text whose paragraphs are separated by `\n`: the rows of each
/// paragraph, `None` for the blank row between two paragraphs.
pub fn wrap(text: &str, width: usize) -> Vec<Option<Range<usize>>> {
    let mut rows = Vec::new();
    let mut offset = 0;
    for (index, paragraph) in text.split('\n').enumerate() {
        if index > 0 {
            rows.push(None);
        }
        wrap_paragraph(paragraph, width, |range| {
            rows.push(Some(offset + range.start..offset + range.end));
        });
        offset += paragraph.len() + 1;
    }
    rows
}

#[derive(Default)]
struct RowBuilder {
    start: usize,
    end: usize,
    width: usize,
    open: bool,
}

impl RowBuilder {
    fn is_empty(&self) -> bool {
        !self.open
    }

    fn finish(&mut self) -> Range<usize> {
        let range = self.start..self.end;
        *self = RowBuilder::default();
        range
    }

    fn open_at(&mut self, start: usize) {
        self.start = start;
        self.end = start;
        self.width = 0;
        self.open = true;
    }
}

/// Splits a word wider than the row between graphemes; the last piece stays
/// open in `row` so that the next word may follow it.
fn split_long_word(
    word: &str,
    word_start: usize,
    width: usize,
    row: &mut RowBuilder,
    emit: &mut impl FnMut(Range<usize>),
) {
    row.open_at(word_start);
    for (offset, grapheme) in word.grapheme_indices(true) {
        let grapheme_width = usize::from(grapheme.cell_width());
        if row.width > 0 && row.width + grapheme_width > width {
            emit(row.finish());
            row.open_at(word_start + offset);
        }
        row.end = word_start + offset + grapheme.len();
        row.width += grapheme_width;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn display_width_is_the_sum_of_the_clusters_widths(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "a", "1", "#", " ", "-", "“", "”", "’", "é", "e\u{301}", "\u{301}", "\u{fe0f}",
                "\u{20e3}", "\u{200d}", "👩", "🔬", "🏽", "🇺", "🇦", "❤", "問", "Ж", "ا",
                "\u{600}", "\u{93f}", "क", "ᄀ", "ᅡ", "ᆨ", "\u{200b}", "ｆ",
            ][..]), 0..24),
        ) {
            let text: String = pieces.concat();
            let clusters: usize = text
                .graphemes(true)
                .map(|grapheme| usize::from(grapheme.cell_width()))
                .sum();
            prop_assert_eq!(display_width(&text), clusters, "{:?}", text);
        }
    }

    fn rows(text: &str, width: usize) -> Vec<String> {
        wrap(text, width)
            .into_iter()
            .map(|row| row.map_or(String::new(), |r| text[r].to_string()))
            .collect()
    }

    #[test]
    fn words_fill_rows_greedily() {
        assert_eq!(
            rows("The leaders agreed to continue regular contacts.", 16),
            ["The leaders", "agreed to", "continue regular", "contacts."]
        );
    }

    #[test]
    fn a_word_that_fits_exactly_stays() {
        assert_eq!(rows("abcd efgh", 4), ["abcd", "efgh"]);
        assert_eq!(rows("ab cd", 5), ["ab cd"]);
    }

    #[test]
    fn over_long_words_split_between_graphemes() {
        assert_eq!(rows("abcdefghij xy", 4), ["abcd", "efgh", "ij", "xy"]);
        assert_eq!(
            rows("https://example.org/a", 8),
            ["https://", "example.", "org/a"]
        );
    }

    #[test]
    fn the_tail_of_a_split_word_is_followed_on_its_row() {
        assert_eq!(rows("abcdef g", 4), ["abcd", "ef g"]);
    }

    #[test]
    fn wide_characters_count_two_columns() {
        // CJK breaks between any two ideographs.
        assert_eq!(rows("会谈结束了", 4), ["会谈", "结束", "了"]);
        assert_eq!(rows("会谈结束了", 5), ["会谈", "结束", "了"]);
    }

    #[test]
    fn emoji_sequences_are_one_grapheme_of_width_two() {
        let scientist = "👩\u{200d}🔬";
        assert_eq!(display_width(scientist), 2);
        assert_eq!(display_width("❤\u{fe0f}"), 2);
        assert_eq!(
            rows(&format!("{scientist}{scientist}{scientist}"), 4).len(),
            2
        );
    }

    #[test]
    fn a_grapheme_wider_than_the_row_sits_alone() {
        assert_eq!(rows("a会b", 1), ["a", "会", "b"]);
        assert_eq!(rows("a🌞b", 2), ["a", "🌞", "b"]);
    }

    #[test]
    fn paragraphs_are_separated_by_a_blank_row() {
        assert_eq!(rows("one two\nthree", 4), ["one", "two", "", "thre", "e"]);
    }

    #[test]
    fn combining_marks_stay_with_their_letter() {
        let text = "e\u{301}e\u{301}e\u{301}";
        assert_eq!(rows(text, 2), ["e\u{301}e\u{301}", "e\u{301}"]);
    }

    #[test]
    fn truncate_keeps_what_fits_and_marks_the_cut() {
        assert_eq!(truncate("Security guarantees", 30), "Security guarantees");
        assert_eq!(truncate("Security guarantees", 9), "Security…");
        assert_eq!(truncate("会谈结束", 5), "会谈…");
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn width_zero_is_treated_as_one() {
        assert_eq!(rows("ab", 0), ["a", "b"]);
    }
}
