//! The vocabulary of diplomacy (`vocabulary.toml`): the words of an
//! opening formula, the words for the sides of a call, subjects that two
//! governments name in different words ("cybercrime" and "ransomware"), and
//! the ways a country or an organisation is named. Its phrases are found in
//! a passage's words ([`super::words`]) by their stems, in sequence.

use std::ops::Range;
use std::sync::LazyLock;

#[cfg(test)]
use super::words::span;
use super::words::{Word, WordFinder};

/// A phrase as the stems of its words, lowercase.
type Phrase = Vec<String>;

/// A subject of diplomacy.
pub struct Subject {
    pub label: String,
    words: Vec<Phrase>,
    only_with: Vec<Phrase>,
}

pub struct Vocabulary {
    call: Vec<Phrase>,
    formula: Vec<Phrase>,
    time: Vec<Phrase>,
    parties: Vec<Phrase>,
    pub subjects: Vec<Subject>,
    names: Vec<Vec<Phrase>>,
}

/// What a sentence holds of the vocabulary.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Found {
    /// The subjects it speaks of, by index, in order.
    pub subjects: Vec<usize>,
    /// The words that name each subject: (subject, the words' places), in
    /// reading order.
    pub subject_words: Vec<(usize, Range<usize>)>,
    /// The groups of names it uses, by index, in order.
    pub names: Vec<usize>,
    /// The names found: (group, the words' places), in reading order.
    pub name_words: Vec<(usize, Range<usize>)>,
    /// Per word: whether it is part of a name found (then the group stands
    /// for it).
    pub named: Vec<bool>,
    /// Whether it has a word that reports the call itself.
    pub has_call: bool,
    /// Per word: whether it is a word of the opening formula (`call`,
    /// `formula`, `time`) or of the sides (`parties`).
    pub formula: Vec<bool>,
    /// Per word: whether it is a word for the sides of a call.
    pub party: Vec<bool>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    opening: Opening,
    parties: Vec<String>,
    subjects: Vec<SubjectEntry>,
    names: Vec<NamesEntry>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Opening {
    call: Vec<String>,
    formula: Vec<String>,
    time: Vec<String>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SubjectEntry {
    label: String,
    words: Vec<String>,
    #[serde(default)]
    only_with: Vec<String>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct NamesEntry {
    words: Vec<String>,
}

/// The vocabulary, read once.
pub static VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(|| {
    let file: File = toml::from_str(include_str!("vocabulary.toml"))
        .expect("vocabulary.toml is valid: a unit test reads it");
    let finder = WordFinder::new();
    let phrases = |entries: &[String]| -> Vec<Phrase> {
        entries
            .iter()
            .map(|entry| {
                finder
                    .words(entry)
                    .into_iter()
                    .map(|word| word.stem)
                    .collect()
            })
            .collect()
    };
    Vocabulary {
        call: phrases(&file.opening.call),
        formula: phrases(&file.opening.formula),
        time: phrases(&file.opening.time),
        parties: phrases(&file.parties),
        subjects: file
            .subjects
            .iter()
            .map(|subject| Subject {
                label: subject.label.clone(),
                words: phrases(&subject.words),
                only_with: phrases(&subject.only_with),
            })
            .collect(),
        names: file
            .names
            .iter()
            .map(|names| phrases(&names.words))
            .collect(),
    }
});

impl Vocabulary {
    /// What the words of one sentence hold of the vocabulary.
    pub fn find(&self, words: &[Word]) -> Found {
        let stems: Vec<&str> = words.iter().map(|word| word.stem.as_str()).collect();
        let mut formula = vec![false; words.len()];
        let mut party = vec![false; words.len()];
        let has_call = mark(&self.call, &stems, &mut formula);
        mark(&self.formula, &stems, &mut formula);
        mark(&self.time, &stems, &mut formula);
        mark(&self.parties, &stems, &mut party);
        for (in_formula, is_party) in formula.iter_mut().zip(&party) {
            *in_formula |= *is_party;
        }
        let mut subject_words: Vec<(usize, Range<usize>)> = Vec::new();
        for (index, subject) in self.subjects.iter().enumerate() {
            if !subject.only_with.is_empty() && !has_any(&subject.only_with, &stems) {
                continue;
            }
            for phrase in &subject.words {
                for at in starts(phrase, &stems) {
                    subject_words.push((index, at..at + phrase.len()));
                }
            }
        }
        let subjects = in_reading_order(&mut subject_words);
        // The longest names first: "the Organization for Security and
        // Cooperation in Europe" is the OSCE, not Europe.
        let mut name_phrases: Vec<(usize, &Phrase)> = self
            .names
            .iter()
            .enumerate()
            .flat_map(|(group, phrases)| phrases.iter().map(move |phrase| (group, phrase)))
            .collect();
        name_phrases.sort_by_key(|(_, phrase)| std::cmp::Reverse(phrase.len()));
        let mut named = vec![false; words.len()];
        let mut name_words: Vec<(usize, Range<usize>)> = Vec::new();
        for (group, phrase) in name_phrases {
            for at in starts(phrase, &stems) {
                let span = at..at + phrase.len();
                if named[span.clone()].iter().any(|&taken| taken) {
                    continue;
                }
                named[span.clone()].fill(true);
                name_words.push((group, span));
            }
        }
        let names = in_reading_order(&mut name_words);
        Found {
            subjects,
            subject_words,
            names,
            name_words,
            named,
            has_call,
            formula,
            party,
        }
    }
}

/// Sorts (entry, places) found in reading order; the entries found, each
/// once, by index.
fn in_reading_order(found: &mut [(usize, Range<usize>)]) -> Vec<usize> {
    found.sort_by_key(|(entry, places)| (places.start, *entry));
    let mut entries: Vec<usize> = found.iter().map(|(entry, _)| *entry).collect();
    entries.sort_unstable();
    entries.dedup();
    entries
}

/// Where `phrase` starts in `stems`.
fn starts<'p>(phrase: &'p Phrase, stems: &'p [&str]) -> impl Iterator<Item = usize> + 'p {
    let length = phrase.len();
    (0..(stems.len() + 1).saturating_sub(length))
        .filter(move |&at| length > 0 && stems[at..at + length] == phrase[..])
}

fn has_any(phrases: &[Phrase], stems: &[&str]) -> bool {
    phrases
        .iter()
        .any(|phrase| starts(phrase, stems).next().is_some())
}

/// Marks the words of every occurrence of `phrases`; whether there was one.
fn mark(phrases: &[Phrase], stems: &[&str], marks: &mut [bool]) -> bool {
    let mut found = false;
    for phrase in phrases {
        for at in starts(phrase, stems) {
            marks[at..at + phrase.len()].fill(true);
            found = true;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Found {
        VOCABULARY.find(&WordFinder::new().words(text))
    }

    fn subjects(text: &str) -> Vec<&'static str> {
        found(text)
            .subjects
            .iter()
            .map(|&at| VOCABULARY.subjects[at].label.as_str())
            .collect()
    }

    #[test]
    fn the_vocabulary_is_read_and_no_entry_is_empty() {
        let vocabulary = &*VOCABULARY;
        assert!(vocabulary.subjects.len() >= 10);
        let all = vocabulary
            .subjects
            .iter()
            .flat_map(|s| s.words.iter().chain(&s.only_with))
            .chain(vocabulary.names.iter().flatten())
            .chain(&vocabulary.call)
            .chain(&vocabulary.formula)
            .chain(&vocabulary.time)
            .chain(&vocabulary.parties);
        for phrase in all {
            assert!(!phrase.is_empty());
        }
    }

    #[test]
    fn subjects_are_found_by_stems_in_any_inflection() {
        assert_eq!(
            subjects("They discussed ransomware attacks and cybercrimes."),
            ["Cyber threats"]
        );
        assert_eq!(
            subjects("The US will respond decisively with new sanctions."),
            ["Sanctions and other responses"]
        );
        assert_eq!(
            subjects("Biden urged Russia to de-escalate; escalation is no option."),
            ["De-escalation"]
        );
        assert!(subjects("The escalation continued.").is_empty());
        assert!(subjects("The Minsk Package of Measures.").is_empty());
    }

    #[test]
    fn the_words_that_name_a_subject_are_found_in_place() {
        let text = "Ransomware groups and cyber-attacks.";
        let words = WordFinder::new().words(text);
        let named: Vec<&str> = VOCABULARY
            .find(&words)
            .subject_words
            .into_iter()
            .map(|(_, places)| span(text, &words[places]))
            .collect();
        assert_eq!(named, ["Ransomware", "cyber", "cyber-attacks"]);
    }

    #[test]
    fn tone_words_count_only_about_the_conversation() {
        assert_eq!(
            subjects("The conversation was frank and business-like."),
            ["Tone of the conversation"]
        );
        assert!(subjects("They agreed on constructive cooperation.").is_empty());
    }

    #[test]
    fn names_meet_their_other_forms() {
        let short = found("Talks at the OSCE on January 13.");
        let long = found("the Organization for Security and Cooperation in Europe");
        assert_eq!(short.names.len(), 1);
        assert_eq!(short.names, long.names, "the longest name wins");
        assert_eq!(
            long.named,
            [false, true, true, true, true, true, true, true]
        );
        assert_eq!(found("the G-7").names, found("a G7 summit").names);
        assert_eq!(
            found("Ukrainian crisis").names,
            found("Ukraine's borders").names
        );
        assert_eq!(
            found("the U.S. and").names,
            found("the United States").names
        );
    }

    #[test]
    fn the_words_of_the_formula_and_of_the_sides_are_marked() {
        let found = found("President Biden spoke today with President Putin.");
        assert!(found.has_call);
        assert_eq!(found.formula, [true, false, true, true, false, true, false]);
        assert_eq!(found.party, [true, false, false, false, false, true, false]);
        assert!(!self::found("The leaders discussed trade.").has_call);
        assert!(!self::found("The next meeting will be held in June.").has_call);
    }
}
