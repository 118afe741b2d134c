//! Finding the words and phrases of a list in a text: whole words, in any
//! case, a phrase's words joined by a hyphen, spaces or nothing.

use std::collections::HashSet;
use std::ops::Range;

use crate::document::lexicon::match_key;
use crate::import::words::words_at;

/// A set of words and phrases, each kept as its match key (its letters and
/// digits in lowercase), which is how a run of words in a text is looked
/// up.
#[derive(Debug, Clone, Default)]
pub struct Phrases {
    keys: HashSet<String>,
    /// The longest key, in bytes: a run of words is never tried further.
    longest: usize,
}

/// Whether the text between two words may lie inside one phrase: spaces
/// and tabs and hyphens, but no newline (a paragraph break) and nothing
/// else, so that "frank. Business" never reads as one phrase.
fn joins_a_phrase(between: &str) -> bool {
    between
        .chars()
        .all(|c| matches!(c, ' ' | '\t' | '-' | '\u{2010}' | '\u{2011}' | '\u{ad}'))
}

impl Phrases {
    pub fn new<'e>(entries: impl IntoIterator<Item = &'e str>) -> Self {
        let keys: HashSet<String> = entries
            .into_iter()
            .map(match_key)
            .filter(|key| !key.is_empty())
            .collect();
        let longest = keys.iter().map(String::len).max().unwrap_or(0);
        Phrases { keys, longest }
    }

    /// The bytes of every run of whole words in `text` that is one of the
    /// phrases, in order. Where runs overlap, the one that starts first
    /// wins, and of those the longest.
    pub fn find(&self, text: &str) -> Vec<Range<usize>> {
        if self.keys.is_empty() {
            return Vec::new();
        }
        let words: Vec<(Range<usize>, String)> = words_at(text)
            .map(|(at, word)| (at..at + word.len(), match_key(word)))
            .filter(|(_, key)| !key.is_empty())
            .collect();
        let mut found = Vec::new();
        let mut start = 0;
        while start < words.len() {
            let mut run = String::new();
            let mut longest_match = None;
            for end in start..words.len() {
                if end > start && !joins_a_phrase(&text[words[end - 1].0.end..words[end].0.start]) {
                    break;
                }
                run.push_str(&words[end].1);
                if run.len() > self.longest {
                    break;
                }
                if self.keys.contains(&run) {
                    longest_match = Some(end);
                }
            }
            match longest_match {
                Some(end) => {
                    found.push(words[start].0.start..words[end].0.end);
                    start = end + 1;
                }
                None => start += 1,
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked<'t>(entries: &[&str], text: &'t str) -> Vec<&'t str> {
        Phrases::new(entries.iter().copied())
            .find(text)
            .into_iter()
            .map(|range| &text[range])
            .collect()
    }

    #[test]
    fn hyphen_space_and_solid_spellings_match_each_other() {
        let text = "A business-like, businesslike and Business like talk; an in-depth, indepth, in depth one.";
        assert_eq!(
            marked(&["business-like", "in-depth"], text),
            [
                "business-like",
                "businesslike",
                "Business like",
                "in-depth",
                "indepth",
                "in depth"
            ]
        );
        assert_eq!(
            marked(&["businesslike"], "business‑like and business  like"),
            ["business‑like", "business  like"],
            "a non-breaking hyphen, two spaces"
        );
    }

    #[test]
    fn only_whole_words_match_in_any_case() {
        assert_eq!(
            marked(
                &["warm", "frank"],
                "Warmth, warmly, WARM; Frankfurt, frankly, Frank."
            ),
            ["WARM", "Frank"]
        );
        assert_eq!(marked(&["open"], "reopen, opener"), Vec::<&str>::new());
    }

    #[test]
    fn phrases_need_their_words_together_in_one_paragraph() {
        let phrases = ["open exchange", "mutual respect"];
        assert_eq!(
            marked(
                &phrases,
                "an open exchange; an open military invasion; mutual\nrespect"
            ),
            ["open exchange"]
        );
        assert_eq!(marked(&phrases, "open. Exchange"), Vec::<&str>::new());
    }

    #[test]
    fn the_longest_run_from_the_first_word_wins() {
        let entries = [
            "confrontational",
            "non-confrontational",
            "beneficial",
            "mutually beneficial",
        ];
        assert_eq!(
            marked(
                &entries,
                "a non-confrontational, mutually beneficial and confrontational call"
            ),
            [
                "non-confrontational",
                "mutually beneficial",
                "confrontational"
            ]
        );
    }

    #[test]
    fn spellings_and_scripts_are_matched_as_written() {
        assert_eq!(
            marked(&["candour", "candor"], "candor and candour"),
            ["candor", "candour"]
        );
        assert_eq!(marked(&["переговоры"], "Переговоры прошли"), ["Переговоры"]);
        assert_eq!(
            marked(&["they’ve"], "as they've done"),
            ["they've"],
            "either apostrophe"
        );
        assert!(Phrases::new(["—", ""]).find("— anything").is_empty());
    }
}
