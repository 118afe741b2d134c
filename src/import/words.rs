//! The content words of a passage, for comparing passages by the words they
//! share: words found by Unicode word boundaries (UAX #29), stop words
//! dropped, the rest reduced to their stems (Snowball's English stemmer), so
//! that "negotiations" and "negotiating" count as one word.
//!
//! The lenses (`crate::lens`) read words here too, so that a word is the
//! same word wherever the program compares text.

use std::ops::Range;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

/// A content word: its stem, which passages are compared by, and the word
/// as the text writes it, which topics are named by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub stem: String,
    pub written: String,
}

/// English function words, and the words a readout uses to report rather
/// than to say something ("said", "according"). Sorted, for binary search.
/// Words of one or two letters need no entry: they are never content words.
const STOP_WORDS: &[&str] = &[
    "about",
    "above",
    "according",
    "across",
    "after",
    "again",
    "against",
    "all",
    "also",
    "although",
    "among",
    "and",
    "any",
    "are",
    "aren't",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "can",
    "can't",
    "cannot",
    "could",
    "couldn't",
    "did",
    "didn't",
    "does",
    "doesn't",
    "doing",
    "don't",
    "down",
    "during",
    "each",
    "either",
    "few",
    "for",
    "from",
    "further",
    "had",
    "hadn't",
    "has",
    "hasn't",
    "have",
    "haven't",
    "having",
    "he'd",
    "he'll",
    "he's",
    "her",
    "here",
    "here's",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i'd",
    "i'll",
    "i'm",
    "i've",
    "into",
    "isn't",
    "it's",
    "its",
    "itself",
    "just",
    "let's",
    "may",
    "might",
    "more",
    "most",
    "must",
    "mustn't",
    "myself",
    "nor",
    "not",
    "now",
    "off",
    "once",
    "one",
    "only",
    "onto",
    "other",
    "ought",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "per",
    "said",
    "same",
    "say",
    "says",
    "shall",
    "she",
    "she'd",
    "she'll",
    "she's",
    "should",
    "shouldn't",
    "since",
    "some",
    "such",
    "than",
    "that",
    "that's",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "there's",
    "these",
    "they",
    "they'd",
    "they'll",
    "they're",
    "they've",
    "this",
    "those",
    "though",
    "through",
    "too",
    "toward",
    "towards",
    "two",
    "under",
    "unless",
    "until",
    "upon",
    "very",
    "via",
    "was",
    "wasn't",
    "we'd",
    "we'll",
    "we're",
    "we've",
    "were",
    "weren't",
    "what",
    "what's",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "who's",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "won't",
    "would",
    "wouldn't",
    "yet",
    "you",
    "you'd",
    "you'll",
    "you're",
    "you've",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// Finds the content words of texts; holds the stemmer, which is built once.
pub struct WordFinder {
    stemmer: Stemmer,
}

impl WordFinder {
    pub fn new() -> Self {
        WordFinder {
            stemmer: Stemmer::create(Algorithm::English),
        }
    }

    /// The content words of `text`, in reading order.
    pub fn content_words(&self, text: &str) -> Vec<Word> {
        text.unicode_words()
            .filter_map(|word| self.content_word(word))
            .collect()
    }

    /// The content words of `text` with the bytes each takes in it, in
    /// reading order.
    pub fn located_content_words(&self, text: &str) -> Vec<(Range<usize>, Word)> {
        words_at(text)
            .filter_map(|(at, word)| Some((at..at + word.len(), self.content_word(word)?)))
            .collect()
    }

    fn content_word(&self, word: &str) -> Option<Word> {
        // Typographic apostrophes ("they’ve") are written as the list writes them.
        let word = word.replace('\u{2019}', "'");
        let written = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("'S"))
            .unwrap_or(&word);
        let letters = written.chars().filter(|c| c.is_alphabetic()).count();
        let lowercase = written.to_lowercase();
        // "US", "EU", "UN": capitals make a short word a name, not a function word.
        let is_acronym = letters >= 2 && written.chars().all(|c| c.is_uppercase());
        let is_content =
            is_acronym || (letters >= 3 && STOP_WORDS.binary_search(&lowercase.as_str()).is_err());
        is_content.then(|| Word {
            stem: self.stemmer.stem(&lowercase).into_owned(),
            written: written.to_string(),
        })
    }
}

impl Default for WordFinder {
    fn default() -> Self {
        WordFinder::new()
    }
}

/// Every word of `text` (content words and function words alike) with the
/// byte offset it starts at, found as [`WordFinder::content_words`] finds
/// them: by Unicode word boundaries, so "business-like" is two words.
pub fn words_at(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.unicode_word_indices()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(text: &str) -> Vec<String> {
        WordFinder::new()
            .content_words(text)
            .into_iter()
            .map(|w| w.stem)
            .collect()
    }

    #[test]
    fn the_stop_list_is_sorted_lowercase_and_has_no_short_words() {
        assert!(STOP_WORDS.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(
            STOP_WORDS
                .iter()
                .all(|w| w.chars().count() >= 3 && w.to_lowercase() == *w)
        );
    }

    #[test]
    fn function_words_short_words_and_numbers_are_dropped() {
        assert_eq!(
            stems("They said that the talks in Geneva on 9–10 January would go on."),
            ["talk", "geneva", "januari"]
        );
    }

    #[test]
    fn inflections_share_a_stem() {
        assert_eq!(
            stems("negotiations negotiating negotiated"),
            ["negoti", "negoti", "negoti"]
        );
        assert_eq!(stems("de-escalation escalate"), ["escal", "escal"]);
    }

    #[test]
    fn acronyms_are_kept_and_possessives_dropped() {
        let words = WordFinder::new().content_words("the US and Russia’s NATO us");
        let written: Vec<&str> = words.iter().map(|w| w.written.as_str()).collect();
        assert_eq!(written, ["US", "Russia", "NATO"]);
        assert_eq!(words[0].stem, "us");
    }

    #[test]
    fn located_words_are_the_content_words_at_their_bytes() {
        let text = "Talks in Genève’s old town, on 9 January.";
        let finder = WordFinder::new();
        let located = finder.located_content_words(text);
        let found: Vec<(&str, &str)> = located
            .iter()
            .map(|(range, word)| (&text[range.clone()], word.written.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("Talks", "Talks"),
                ("Genève’s", "Genève"),
                ("old", "old"),
                ("town", "town"),
                ("January", "January")
            ]
        );
        let words: Vec<Word> = located.into_iter().map(|(_, word)| word).collect();
        assert_eq!(words, finder.content_words(text));
        let all: Vec<&str> = words_at("a business-like talk").map(|(_, w)| w).collect();
        assert_eq!(all, ["a", "business", "like", "talk"]);
    }

    #[test]
    fn words_in_other_scripts_are_kept_whole() {
        let words = WordFinder::new().content_words("Переговоры в Женеве");
        let written: Vec<&str> = words.iter().map(|w| w.written.as_str()).collect();
        assert_eq!(written, ["Переговоры", "Женеве"]);
    }
}
