//! The words of a passage, for comparing passages by the words they share:
//! words found by Unicode word boundaries (UAX #29), reduced to their stems
//! (Snowball's English stemmer), so that "negotiations" and "negotiating"
//! count as one word. Content words are those left when stop words and
//! words of one or two letters are dropped; the phrases of the vocabulary
//! ([`super::vocabulary`]) are matched against all words.
//!
//! The lenses (`crate::lens`) read words here too, so that a word is the
//! same word wherever the program compares text.

use std::ops::Range;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

/// A word: its stem, which passages are compared by, the word as the text
/// writes it, which topics are named by, whether it is a content word, and
/// where it is in the text (byte offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub stem: String,
    pub written: String,
    pub content: bool,
    pub at: Range<usize>,
}

/// The text from the first to the last of `words` ("business-like", "the
/// Organization for Security and Cooperation in Europe"), as written.
pub fn span<'t>(text: &'t str, words: &[Word]) -> &'t str {
    match (words.first(), words.last()) {
        (Some(first), Some(last)) => text.get(first.at.start..last.at.end).unwrap_or_default(),
        _ => "",
    }
}

/// English function words, and the words a readout uses to report rather
/// than to say something ("said", "according", "stressed", "stated"). Sorted, for binary search.
/// Words of one or two letters need no entry: they are never content words.
const STOP_WORDS: &[&str] = &[
    "about",
    "above",
    "according",
    "across",
    "added",
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
    "confirmed",
    "could",
    "couldn't",
    "did",
    "didn't",
    "discussed",
    "does",
    "doesn't",
    "doing",
    "don't",
    "down",
    "during",
    "each",
    "either",
    "emphasised",
    "emphasized",
    "expressed",
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
    "noted",
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
    "reaffirmed",
    "reiterated",
    "remarked",
    "reported",
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
    "stated",
    "stressed",
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
    "told",
    "too",
    "toward",
    "towards",
    "two",
    "under",
    "underlined",
    "underscored",
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

    /// Every word of `text`, in reading order.
    pub fn words(&self, text: &str) -> Vec<Word> {
        text.unicode_word_indices()
            .map(|(at, word)| self.word(word, at..at + word.len()))
            .collect()
    }

    /// The content words of `text` with the bytes each takes in it, in
    /// reading order.
    pub fn located_content_words(&self, text: &str) -> Vec<(Range<usize>, Word)> {
        self.words(text)
            .into_iter()
            .filter(|word| word.content)
            .map(|word| (word.at.clone(), word))
            .collect()
    }

    fn word(&self, original: &str, at: Range<usize>) -> Word {
        // Typographic apostrophes ("they’ve") are written as the list writes them.
        let word = original.replace('\u{2019}', "'");
        let written = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("'S"))
            .unwrap_or(&word);
        // The word's place leaves its possessive out too: "Ukraine" of "Ukraine’s".
        let possessive = ["'s", "'S", "\u{2019}s", "\u{2019}S"]
            .into_iter()
            .find(|suffix| written.len() < word.len() && original.ends_with(suffix))
            .map_or(0, str::len);
        let at = at.start..at.end - possessive;
        let letters = written.chars().filter(|c| c.is_alphabetic()).count();
        let lowercase = written.to_lowercase();
        // "US", "EU", "UN": capitals make a short word a name, not a function word.
        let is_acronym = letters >= 2 && written.chars().all(|c| c.is_uppercase());
        let content =
            is_acronym || (letters >= 3 && STOP_WORDS.binary_search(&lowercase.as_str()).is_err());
        Word {
            stem: self.stemmer.stem(&lowercase).into_owned(),
            written: written.to_string(),
            content,
            at,
        }
    }
}

impl Default for WordFinder {
    fn default() -> Self {
        WordFinder::new()
    }
}

/// Every word of `text` (content words and function words alike) with the
/// byte offset it starts at, found as [`WordFinder::words`] finds them: by
/// Unicode word boundaries, so "business-like" is two words.
pub fn words_at(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.unicode_word_indices()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content_words(text: &str) -> Vec<Word> {
        let mut words = WordFinder::new().words(text);
        words.retain(|word| word.content);
        words
    }

    fn stems(text: &str) -> Vec<String> {
        content_words(text).into_iter().map(|w| w.stem).collect()
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
        let words = content_words("the US and Russia’s NATO us");
        let written: Vec<&str> = words.iter().map(|w| w.written.as_str()).collect();
        assert_eq!(written, ["US", "Russia", "NATO"]);
        assert_eq!(words[0].stem, "us");
    }

    #[test]
    fn a_span_of_words_is_cut_from_the_text() {
        let text = "a frank and business-like atmosphere";
        let words = WordFinder::new().words(text);
        assert_eq!(span(text, &words[1..5]), "frank and business-like");
        assert_eq!(span(text, &[]), "");
        let text = "Ukraine’s borders and Russia's";
        let words = WordFinder::new().words(text);
        assert_eq!(span(text, &words[..1]), "Ukraine");
        assert_eq!(span(text, &words[3..]), "Russia");
    }

    #[test]
    fn located_words_are_the_content_words_at_their_bytes() {
        let text = "Talks in Genève’s old town, on 9 January.";
        let located = WordFinder::new().located_content_words(text);
        let found: Vec<(&str, &str)> = located
            .iter()
            .map(|(range, word)| (&text[range.clone()], word.written.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("Talks", "Talks"),
                ("Genève", "Genève"),
                ("old", "old"),
                ("town", "town"),
                ("January", "January")
            ]
        );
        let all: Vec<&str> = words_at("a business-like talk").map(|(_, w)| w).collect();
        assert_eq!(all, ["a", "business", "like", "talk"]);
    }

    #[test]
    fn every_word_is_kept_for_phrases_and_marked() {
        let words = WordFinder::new().words("Talks in the G-7");
        let marked: Vec<(&str, bool)> =
            words.iter().map(|w| (w.stem.as_str(), w.content)).collect();
        assert_eq!(
            marked,
            [
                ("talk", true),
                ("in", false),
                ("the", false),
                ("g", false),
                ("7", false)
            ]
        );
    }

    #[test]
    fn words_in_other_scripts_are_kept_whole() {
        let words = content_words("Переговоры в Женеве");
        let written: Vec<&str> = words.iter().map(|w| w.written.as_str()).collect();
        assert_eq!(written, ["Переговоры", "Женеве"]);
    }
}
