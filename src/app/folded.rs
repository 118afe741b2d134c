//! The two readouts' text prepared once for search: folded to lower case
//! with every byte where it was, one buffer a side. A keystroke in the
//! search prompt is then one vectorised scan (memchr's `memmem`) of each
//! buffer, instead of folding every passage again.

use std::ops::Range;

use memchr::memmem::Finder;

use super::Side;
use crate::document::Readout;

/// Where a query was found: a side, a passage, and bytes of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub side: Side,
    pub passage: usize,
    /// Bytes of the passage's text.
    pub range: Range<usize>,
}

/// Ends each passage in a side's buffer. Loaded text never holds it (the
/// loader shows control characters as symbols), so no match spans two
/// passages.
const END_OF_PASSAGE: char = '\0';

/// The most matches kept on a side: a screen's worth many times over, and
/// about 3 MB.
pub const MOST_MATCHES_A_SIDE: usize = 100_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoldedText {
    sides: [FoldedSide; 2],
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct FoldedSide {
    /// Every passage folded, each followed by [`END_OF_PASSAGE`].
    text: String,
    /// Where each passage starts in `text`.
    starts: Vec<usize>,
}

impl FoldedText {
    pub fn new(readouts: [&Readout; 2]) -> Self {
        FoldedText {
            sides: readouts.map(FoldedSide::new),
        }
    }

    /// Every match of `query` in the two readouts, left then right, in
    /// reading order; white space in the query counts as one space. Smart
    /// case: a query with a capital letter is matched exactly, in the
    /// passages themselves; any other, in the folded text.
    ///
    /// At most [`MOST_MATCHES_A_SIDE`] are kept on each side, so that a
    /// one-letter query on a large file stays small; the flag says whether
    /// there were more.
    pub fn find_all(&self, readouts: [&Readout; 2], query: &str) -> (Vec<Match>, bool) {
        let query = query.split_whitespace().collect::<Vec<_>>().join(" ");
        if query.is_empty() {
            return (Vec::new(), false);
        }
        let mut matches = Vec::new();
        let mut more = false;
        if query.chars().any(char::is_uppercase) {
            let finder = Finder::new(query.as_bytes());
            for (side, readout) in Side::BOTH.into_iter().zip(readouts) {
                let side_start = matches.len();
                'passages: for (passage, text) in
                    readout.passages.iter().map(|p| &p.text).enumerate()
                {
                    for start in finder.find_iter(text.as_bytes()) {
                        if matches.len() - side_start == MOST_MATCHES_A_SIDE {
                            more = true;
                            break 'passages;
                        }
                        matches.push(Match {
                            side,
                            passage,
                            range: start..start + query.len(),
                        });
                    }
                }
            }
            return (matches, more);
        }
        let query = fold(&query);
        let finder = Finder::new(query.as_bytes());
        for (side, folded) in Side::BOTH.into_iter().zip(&self.sides) {
            let mut passage = 0;
            let side_start = matches.len();
            for at in finder.find_iter(folded.text.as_bytes()) {
                if matches.len() - side_start == MOST_MATCHES_A_SIDE {
                    more = true;
                    break;
                }
                while folded
                    .starts
                    .get(passage + 1)
                    .is_some_and(|&next| next <= at)
                {
                    passage += 1;
                }
                let start = at - folded.starts[passage];
                matches.push(Match {
                    side,
                    passage,
                    range: start..start + query.len(),
                });
            }
        }
        (matches, more)
    }
}

impl FoldedSide {
    fn new(readout: &Readout) -> Self {
        let length = readout.passages.iter().map(|p| p.text.len() + 1).sum();
        let mut text = String::with_capacity(length);
        let mut starts = Vec::with_capacity(readout.passages.len());
        for passage in &readout.passages {
            let start = text.len();
            starts.push(start);
            if passage.text.is_ascii() {
                text.push_str(&passage.text);
                text[start..].make_ascii_lowercase();
            } else {
                text.extend(passage.text.chars().map(fold_char));
            }
            text.push(END_OF_PASSAGE);
        }
        FoldedSide { text, starts }
    }
}

fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// A character's first lower-case form, when that takes as many bytes; a
/// character whose lower case is longer or shorter in UTF-8 (the Kelvin
/// sign, dotted capital I) stays as it is, so that every byte of the folded
/// text is where it was in the passage.
fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    match c.to_lowercase().next() {
        Some(lower) if lower.len_utf8() == c.len_utf8() => lower,
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Passage;

    fn readout(texts: &[&str]) -> Readout {
        let passages = texts.iter().map(|t| Passage::new(t, Vec::new())).collect();
        Readout::new("r", "R", passages)
    }

    fn found(texts: &[&str], query: &str) -> Vec<(usize, String)> {
        let left = readout(texts);
        let right = readout(&[]);
        let folded = FoldedText::new([&left, &right]);
        folded
            .find_all([&left, &right], query)
            .0
            .into_iter()
            .map(|m| {
                (
                    m.passage,
                    left.passages[m.passage].text[m.range].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn one_side_keeps_at_most_so_many_matches_and_says_there_were_more() {
        let text = "a".repeat(MOST_MATCHES_A_SIDE + 10);
        let left = readout(&[&text]);
        let right = readout(&["a b a"]);
        let folded = FoldedText::new([&left, &right]);
        let (matches, more) = folded.find_all([&left, &right], "a");
        assert!(more);
        assert_eq!(
            matches.len(),
            MOST_MATCHES_A_SIDE + 2,
            "the right side's two kept"
        );
        let (matches, more) = folded.find_all([&left, &right], "b");
        assert_eq!((matches.len(), more), (1, false));
    }

    #[test]
    fn smart_case() {
        let texts = ["Biden and biden"];
        assert_eq!(found(&texts, "biden").len(), 2);
        assert_eq!(found(&texts, "Biden"), [(0, "Biden".to_string())]);
    }

    #[test]
    fn folding_keeps_byte_ranges_of_the_original() {
        assert_eq!(
            found(&["Переговоры в Женеве"], "женеве"),
            [(0, "Женеве".to_string())]
        );
        let texts = ["ÀB àb", "\u{212a}elvin İstanbul"];
        let matches: Vec<String> = found(&texts, "àb").into_iter().map(|m| m.1).collect();
        assert_eq!(matches, ["ÀB", "àb"]);
        assert_eq!(found(&texts, "stanbul"), [(1, "stanbul".to_string())]);
    }

    #[test]
    fn matches_do_not_overlap_nor_span_passages() {
        assert_eq!(found(&["aaaa"], "aa").len(), 2);
        assert!(found(&["end", "start"], "end start").is_empty());
        assert_eq!(
            found(&["one", "two", "three two"], "two"),
            [(1, "two".to_string()), (2, "two".to_string())]
        );
    }

    #[test]
    fn white_space_in_the_query_is_one_space() {
        assert_eq!(
            found(&["in Geneva"], "  in   geneva "),
            [(0, "in Geneva".to_string())]
        );
    }
}
