//! Properties of wrapping over random text in many scripts and widths
//! 1–300: no row is wider than the width, except a single grapheme wider
//! than the width alone on its row; rows start and end between graphemes;
//! the rows, joined, give back the text but for the white space at the
//! breaks; and a wider width never takes more rows.

use std::ops::Range;

use proptest::prelude::*;
use readouts::layout::wrap::{display_width, wrap, wrap_paragraph};
use unicode_segmentation::UnicodeSegmentation;

/// Pieces of words: ASCII, Cyrillic, Chinese, Japanese, Korean, Arabic,
/// Hebrew, combining marks (stacked too), emoji sequences (ZWJ, skin
/// tones, flags, keycaps, variation selectors), fullwidth Latin, and
/// punctuation that UAX #14 breaks around.
const PIECES: &[&str] = &[
    "word",
    "a",
    "Talks",
    "continue",
    "Переговоры",
    "продолжатся",
    "会谈",
    "结束了",
    "日本語のテキスト",
    "カタカナ",
    "한국어",
    "대화",
    "السلام",
    "عليكم",
    "שלום",
    "e\u{301}",
    "Z\u{36b}\u{33f}\u{344}\u{306}\u{30a}\u{35b}",
    "a\u{300}\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}",
    "👩\u{200d}🔬",
    "👨\u{200d}👩\u{200d}👧\u{200d}👦",
    "👍🏽",
    "🇺🇦",
    "🇯🇵",
    "❤\u{fe0f}",
    "1\u{fe0f}\u{20e3}",
    "🌞",
    "Ｆｕｌｌｗｉｄｔｈ",
    "-",
    "/",
    ",",
    "(",
    ")",
    "«",
    "»",
    "—",
    "https://example.org/path?q=1&r=2",
];

/// A word: a few pieces run together, or one piece repeated into an
/// unbroken word of up to 300 characters.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => proptest::collection::vec(proptest::sample::select(PIECES), 1..4)
            .prop_map(|pieces| pieces.concat()),
        1 => (proptest::sample::select(PIECES), 1usize..300).prop_map(|(piece, length)| {
            piece.chars().cycle().take(length.max(piece.chars().count())).collect()
        }),
    ]
}

/// A paragraph: words joined by one space, or nothing (a break after
/// punctuation, CJK, or none at all).
fn paragraph() -> impl Strategy<Value = String> {
    proptest::collection::vec((word(), prop_oneof![4 => Just(" "), 1 => Just("")]), 1..40).prop_map(
        |words| {
            let mut text = String::new();
            for (index, (word, separator)) in words.iter().enumerate() {
                if index > 0 {
                    text.push_str(separator);
                }
                text.push_str(word);
            }
            text
        },
    )
}

/// Text as the loader leaves it: paragraphs split by `\n`.
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(paragraph(), 1..4).prop_map(|paragraphs| paragraphs.join("\n"))
}

fn paragraph_rows(paragraph: &str, width: usize) -> Vec<Range<usize>> {
    let mut rows = Vec::new();
    wrap_paragraph(paragraph, width, |row| rows.push(row));
    rows
}

/// Checks the rows of one paragraph: each fits (or is one grapheme alone),
/// is not empty, starts and ends between graphemes, and only white space
/// lies between two rows and around them.
fn check_paragraph(paragraph: &str, rows: &[Range<usize>], width: usize) -> Result<(), String> {
    let boundaries: Vec<usize> = paragraph
        .grapheme_indices(true)
        .map(|(at, _)| at)
        .chain([paragraph.len()])
        .collect();
    let mut covered = 0;
    for row in rows {
        let shown = paragraph
            .get(row.clone())
            .ok_or_else(|| format!("row {row:?} is not on char boundaries"))?;
        if shown.is_empty() {
            return Err(format!("an empty row at {row:?}"));
        }
        let row_width = display_width(shown);
        if row_width > width && shown.graphemes(true).count() != 1 {
            return Err(format!("{shown:?} is {row_width} wide, more than {width}"));
        }
        if !boundaries.contains(&row.start) || !boundaries.contains(&row.end) {
            return Err(format!("{shown:?} cuts a grapheme"));
        }
        if row.start < covered {
            return Err(format!("{shown:?} overlaps the row before"));
        }
        let gap = &paragraph[covered..row.start];
        if !gap.chars().all(char::is_whitespace) {
            return Err(format!("{gap:?} is left out before {shown:?}"));
        }
        covered = row.end;
    }
    let tail = &paragraph[covered..];
    if !tail.chars().all(char::is_whitespace) {
        return Err(format!("{tail:?} is left out at the end"));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn rows_fit_keep_graphemes_whole_and_lose_nothing(
        paragraph in paragraph(),
        width in 1usize..=300,
    ) {
        let rows = paragraph_rows(&paragraph, width);
        prop_assert!(!rows.is_empty());
        if let Err(problem) = check_paragraph(&paragraph, &rows, width) {
            return Err(TestCaseError::fail(format!("width {width}: {problem}")));
        }
    }

    #[test]
    fn paragraphs_are_wrapped_apart_with_a_blank_row_between(
        text in text(),
        width in 1usize..=300,
    ) {
        let rows = wrap(&text, width);
        let gaps = rows.iter().filter(|row| row.is_none()).count();
        prop_assert_eq!(gaps, text.matches('\n').count());
        let mut start = 0;
        let mut rows = rows.into_iter();
        for paragraph in text.split('\n') {
            let mine: Vec<Range<usize>> = rows
                .by_ref()
                .map_while(|row| row)
                .map(|row| row.start - start..row.end - start)
                .collect();
            prop_assert_eq!(&mine, &paragraph_rows(paragraph, width));
            start += paragraph.len() + 1;
        }
    }

    #[test]
    fn a_wider_width_never_takes_more_rows(paragraph in paragraph(), width in 1usize..300) {
        let mut previous = paragraph_rows(&paragraph, width).len();
        for wider in width + 1..=(width + 40).min(300) {
            let rows = paragraph_rows(&paragraph, wider).len();
            prop_assert!(
                rows <= previous,
                "{} rows at width {}, {} at {}", previous, wider - 1, rows, wider
            );
            previous = rows;
        }
    }
}

#[test]
fn a_grapheme_wider_than_the_row_stands_alone_at_width_one() {
    for wide in ["会", "👩\u{200d}🔬", "🇺🇦", "Ｆ", "❤\u{fe0f}"] {
        let paragraph = format!("a{wide}b{wide}{wide}");
        let rows = paragraph_rows(&paragraph, 1);
        let shown: Vec<&str> = rows.iter().map(|r| &paragraph[r.clone()]).collect();
        assert_eq!(shown, ["a", wide, "b", wide, wide], "{wide}");
    }
}
