//! The lenses: words of a readout marked for the reader. A word-list lens
//! marks the words and phrases of a list (the built-in tone words, with a
//! file's own additions, or a list the file names in `[lexicon]`); the
//! wording lens marks, on one topic, the words both sides use and the
//! words only one side uses ([`wording`]).
//!
//! Pure code over the document: byte ranges into passage texts, for the
//! viewer and the handouts to mark as they draw. Words are found as
//! [`crate::import::words`] finds them, so a word is the same word
//! wherever the program compares text.

pub mod matcher;
pub mod wording;

use std::ops::Range;

use crate::document::lexicon::TONE;
use crate::document::{Document, Readout};
use matcher::Phrases;

/// The built-in tone words, a word or phrase a line; `#` starts a comment.
const BUILTIN_TONE: &str = include_str!("../../assets/lexicon/tone.txt");

/// The entries of the built-in tone list, in the order the list gives them
/// (for as long as `'a`, so that a file's own entries can follow them).
pub fn builtin_tone_words<'a>() -> impl Iterator<Item = &'a str> {
    BUILTIN_TONE
        .lines()
        .map(|line| -> &'a str { line.split('#').next().unwrap_or_default().trim() })
        .filter(|entry| !entry.is_empty())
}

/// A word-list lens: a name and the phrases it marks.
#[derive(Debug, Clone)]
pub struct Lens {
    /// `tone`, or the name of a list in the file's `[lexicon]`.
    pub name: String,
    phrases: Phrases,
}

/// A word or phrase a lens found in a readout, and how often.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// As the readout first writes it, in lowercase ("business-like").
    pub term: String,
    pub count: usize,
}

/// The lenses of a document: the tone lens first (the built-in words and
/// the file's `tone` list), then one per other list of its `[lexicon]`, in
/// file order.
pub fn lenses(document: &Document) -> Vec<Lens> {
    let file_tone = document
        .lexicon
        .iter()
        .filter(|list| list.name == TONE)
        .flat_map(|list| list.entries.iter().map(String::as_str));
    let tone = Lens::new(TONE, builtin_tone_words().chain(file_tone));
    let others = document
        .lexicon
        .iter()
        .filter(|list| list.name != TONE)
        .map(|list| Lens::new(&list.name, list.entries.iter().map(String::as_str)));
    std::iter::once(tone).chain(others).collect()
}

/// What one lens finds in each of two readouts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Findings {
    /// The lens's name: `tone`, or a list's name.
    pub lens: String,
    /// Left, then right.
    pub found: [Vec<Found>; 2],
}

/// What every lens of the document finds in each of two readouts, lens by
/// lens in the order of [`lenses`].
pub fn findings(document: &Document, readouts: [&Readout; 2]) -> Vec<Findings> {
    lenses(document)
        .into_iter()
        .map(|lens| Findings {
            found: readouts.map(|readout| lens.found_in(readout)),
            lens: lens.name,
        })
        .collect()
}

impl Found {
    /// "frank ×1".
    pub fn counted(&self) -> String {
        format!("{} ×{}", self.term, self.count)
    }
}

impl Lens {
    pub fn new<'e>(name: &str, entries: impl IntoIterator<Item = &'e str>) -> Lens {
        Lens {
            name: name.to_string(),
            phrases: Phrases::new(entries),
        }
    }

    /// The bytes of `text` the lens marks, in order, none overlapping.
    pub fn marks(&self, text: &str) -> Vec<Range<usize>> {
        self.phrases.find(text)
    }

    /// The marks of each passage of a readout: one list per passage.
    pub fn readout_marks(&self, readout: &Readout) -> Vec<Vec<Range<usize>>> {
        readout
            .passages
            .iter()
            .map(|passage| self.marks(&passage.text))
            .collect()
    }

    /// What the lens finds in a readout: each word or phrase once, in the
    /// order the readout first uses it, with how many times it does. Two
    /// ways of writing one entry ("business-like", "businesslike") count
    /// as one, named as the readout first writes it.
    pub fn found_in(&self, readout: &Readout) -> Vec<Found> {
        let mut found: Vec<(String, Found)> = Vec::new();
        for passage in &readout.passages {
            for range in self.marks(&passage.text) {
                let written = &passage.text[range];
                let key = crate::document::lexicon::match_key(written);
                match found.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, entry)) => entry.count += 1,
                    None => found.push((
                        key,
                        Found {
                            term: written
                                .split_whitespace()
                                .collect::<Vec<_>>()
                                .join(" ")
                                .to_lowercase(),
                            count: 1,
                        },
                    )),
                }
            }
        }
        found.into_iter().map(|(_, entry)| entry).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::lexicon::match_key;
    use crate::document::{builtin, load};

    fn builtin_document() -> Document {
        load::load_str(builtin::NAME, builtin::TEXT)
            .expect("the built-in readout loads")
            .document
    }

    fn terms(found: &[Found]) -> Vec<String> {
        found.iter().map(Found::counted).collect()
    }

    #[test]
    fn the_builtin_tone_list_is_clean() {
        let entries: Vec<&str> = builtin_tone_words().collect();
        assert!(entries.len() > 60, "{}", entries.len());
        let mut keys: Vec<String> = entries.iter().map(|e| match_key(e)).collect();
        assert!(keys.iter().all(|k| !k.is_empty()));
        assert!(entries.iter().all(|e| e.to_lowercase() == *e), "lowercase");
        keys.sort();
        let before = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), before, "no entry twice, however written");
        for word in [
            "frank",
            "candid",
            "business-like",
            "constructive",
            "serious",
            "substantive",
            "productive",
            "useful",
            "pragmatic",
            "in-depth",
            "open exchange",
            "direct",
            "respectful",
            "cordial",
            "warm",
            "difficult",
            "tense",
            "candour",
            "candor",
            "thorough",
        ] {
            assert!(entries.contains(&word), "{word}");
        }
    }

    #[test]
    fn the_tone_lens_marks_the_builtin_readouts_tone_words() {
        let document = builtin_document();
        let tone = &lenses(&document)[0];
        assert_eq!(tone.name, "tone");
        let [kremlin, white_house] = [0, 1].map(|i| tone.found_in(&document.readouts[i]));
        assert_eq!(
            terms(&kremlin),
            ["frank ×1", "business-like ×1", "benefit ×1"]
        );
        assert_eq!(terms(&white_house), ["serious ×1", "substantive ×2"]);
        let passage = &document.readouts[0].passages[10].text;
        let marked: Vec<&str> = tone
            .marks(passage)
            .into_iter()
            .map(|range| &passage[range])
            .collect();
        assert_eq!(marked, ["frank", "business-like", "benefit"]);
        let marks = tone.readout_marks(&document.readouts[0]);
        assert_eq!(marks.len(), 12);
        assert!(marks[3].is_empty(), "an open invasion is not an open tone");
    }

    #[test]
    fn a_files_lists_extend_the_tone_lens_or_make_lenses_of_their_own() {
        let text = builtin::TEXT.replacen(
            "\n[meta]",
            "\n[lexicon]\ntone = [\"exhaustive\"]\nthreat = [\"sanctions\", \"respond decisively\", \"grave error\"]\n\n[meta]",
            1,
        );
        let document = load::load_str("t", &text).expect("valid").document;
        let lenses = lenses(&document);
        let names: Vec<&str> = lenses.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["tone", "threat"]);
        let kremlin_tone = lenses[0].found_in(&document.readouts[0]);
        assert_eq!(
            terms(&kremlin_tone),
            [
                "exhaustive ×1",
                "frank ×1",
                "business-like ×1",
                "benefit ×1"
            ]
        );
        let threat = [0, 1].map(|i| terms(&lenses[1].found_in(&document.readouts[i])));
        let sides = [&document.readouts[1], &document.readouts[0]];
        let all = findings(&document, sides);
        assert_eq!(all.len(), 2);
        assert_eq!(all[1].lens, "threat");
        assert_eq!(
            terms(&all[1].found[0]),
            threat[1],
            "left is the White House"
        );
        assert_eq!(
            threat,
            [
                vec!["sanctions ×1", "grave error ×1"],
                vec!["respond decisively ×1"]
            ]
        );
    }

    #[test]
    fn two_ways_of_writing_an_entry_count_as_one() {
        let lens = Lens::new("tone", ["business-like"]);
        let readout = Readout::new(
            "r",
            "R",
            vec![crate::document::Passage::new(
                "A Business like tone; businesslike, and business-like.",
                vec![],
            )],
        );
        assert_eq!(terms(&lens.found_in(&readout)), ["business like ×3"]);
    }
}
