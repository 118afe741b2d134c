//! Renderings of a document for outside the terminal: the handout (Markdown
//! or one HTML page) and the coverage table (text or JSON). Pure functions
//! from a loaded document to text; the commands write the text out.

pub mod commonmark;
pub mod html;
pub mod json;
pub mod markdown;
pub mod plain;
pub mod table;

use crate::document::coverage::{ReadoutCoverage, Share, TopicCoverage};
use crate::document::lexicon::TONE;
use crate::document::normalize::PARAGRAPH_BREAK;
use std::ops::Range;

use crate::document::{Document, FactRow, Pair, Passage, Readout};
use crate::lens::wording::{self, MarkKind, PassageMarks};
use crate::lens::{self, Found};

pub use crate::document::coverage::{MENTIONS, SILENT};

/// A document with the readouts it compares, each a column, and their
/// coverage, worked out once for every rendering. Columns are numbered
/// from 0, left to right.
pub struct Comparison<'d> {
    pub document: &'d Document,
    /// The readouts compared, in column order: the two of a pair, or
    /// every readout of the file.
    pub readouts: Vec<&'d Readout>,
    /// Their places in [`Document::readouts`].
    pub indices: Vec<usize>,
    pub coverage: Vec<ReadoutCoverage>,
    /// The letters before each column's passage numbers (see
    /// [`passage_prefixes`]).
    pub prefixes: Vec<String>,
}

impl<'d> Comparison<'d> {
    /// The two readouts of a pair, left then right.
    pub fn new(document: &'d Document, pair: Pair) -> Self {
        Self::of(document, &[pair.left, pair.right])
    }

    /// Every readout of the file, in file order.
    pub fn every_readout(document: &'d Document) -> Self {
        let all: Vec<usize> = (0..document.readouts.len()).collect();
        Self::of(document, &all)
    }

    fn of(document: &'d Document, indices: &[usize]) -> Self {
        let indices: Vec<usize> = indices
            .iter()
            .copied()
            .filter(|&index| index < document.readouts.len())
            .collect();
        let readouts: Vec<&Readout> = indices
            .iter()
            .map(|&index| &document.readouts[index])
            .collect();
        let labels: Vec<&str> = readouts
            .iter()
            .map(|readout| readout.label.as_str())
            .collect();
        Comparison {
            document,
            coverage: readouts
                .iter()
                .map(|readout| ReadoutCoverage::of(readout, document.topics.len()))
                .collect(),
            prefixes: passage_prefixes(&labels),
            readouts,
            indices,
        }
    }

    /// The column numbers, left to right.
    pub fn columns(&self) -> std::ops::Range<usize> {
        0..self.readouts.len()
    }

    /// A column's passages, numbered from 1 in reading order.
    pub fn passages(&self, column: usize) -> impl Iterator<Item = (usize, &'d Passage)> {
        (1..).zip(&self.readouts[column].passages)
    }

    /// A column's passages that carry the topic, with their numbers.
    pub fn passages_on(
        &self,
        column: usize,
        topic: usize,
    ) -> impl Iterator<Item = (usize, &'d Passage)> {
        self.passages(column)
            .filter(move |(_, passage)| passage.topics.contains(&topic))
    }

    /// A column's passages that carry no topic, with their numbers.
    pub fn untagged(&self, column: usize) -> impl Iterator<Item = (usize, &'d Passage)> {
        self.passages(column)
            .filter(|(_, passage)| passage.topics.is_empty())
    }

    /// How the handout cites a column's passage: "K3".
    pub fn citation(&self, column: usize, number: usize) -> String {
        format!("{}{number}", self.prefixes[column])
    }

    /// How the accounts as published number their passages, with the
    /// readouts' labels as the format writes them.
    pub fn numbering_legend(&self, labels: &[String]) -> String {
        let numbered: Vec<String> = self
            .prefixes
            .iter()
            .zip(labels)
            .map(|(prefix, label)| format!("{prefix}1, {prefix}2… ({label})"))
            .collect();
        format!(
            "Each account in the order it was published, its passages numbered \
             {}; the sections by topic cite these numbers.",
            listed(&numbered)
        )
    }

    /// Which columns mention a topic.
    pub fn mentioned(&self, topic: usize) -> Mentioned {
        Mentioned {
            by: self
                .coverage
                .iter()
                .map(|coverage| coverage.topics[topic].mentioned())
                .collect(),
        }
    }

    /// Whether any readout says where it comes from.
    pub fn has_sources(&self) -> bool {
        self.readouts
            .iter()
            .any(|readout| !source_details(readout).is_empty())
    }

    pub fn has_untagged(&self) -> bool {
        self.columns()
            .any(|column| self.untagged(column).next().is_some())
    }

    /// What the coverage table says of one column on one topic.
    pub fn coverage_cell(&self, column: usize, topic: usize) -> String {
        let coverage = &self.coverage[column];
        describe_coverage(&coverage.topics[topic], coverage.word_share(topic))
    }

    /// The closing line for a column: its passages, words and how many
    /// are tagged.
    pub fn side_totals(&self, column: usize) -> String {
        let coverage = &self.coverage[column];
        format!(
            "{}, {}; {} of passages tagged ({} of {}).",
            counted(coverage.passages, "passage"),
            counted(coverage.words, "word"),
            coverage.tagged_share(),
            coverage.tagged_passages,
            coverage.passages
        )
    }

    /// What each readout states of the event: a row per fact, a value per
    /// column.
    pub fn facts_table(&self) -> Vec<FactRow<'d>> {
        self.document.facts_table(&self.indices)
    }

    /// The wording lens on a topic, a list per column: each of the
    /// column's passages on the topic, in reading order, with its words
    /// marked. A word is shared when any other column's passages on the
    /// topic use it, its own when none does; for a pair, just as
    /// [`wording::wording`] marks it.
    pub fn wording(&self, topic: usize) -> Vec<Vec<PassageMarks>> {
        let mut columns: Vec<Option<Vec<PassageMarks>>> = vec![None; self.indices.len()];
        for (first, &left) in self.indices.iter().enumerate() {
            for (second, &right) in self.indices.iter().enumerate().skip(first + 1) {
                let [on_left, on_right] =
                    wording::wording(self.document, Pair { left, right }, topic).sides;
                merge_wording(&mut columns[first], on_left);
                merge_wording(&mut columns[second], on_right);
            }
        }
        columns.into_iter().map(Option::unwrap_or_default).collect()
    }

    /// The tone lens's marks: per column, per passage, the byte ranges of
    /// its tone words.
    pub fn tone_marks(&self) -> Vec<Vec<Vec<Range<usize>>>> {
        let tone = lens::lenses(self.document).into_iter().next();
        self.readouts
            .iter()
            .map(|readout| match &tone {
                Some(tone) => tone.readout_marks(readout),
                None => vec![Vec::new(); readout.passages.len()],
            })
            .collect()
    }

    /// What every lens of the document finds in each column, lens by lens
    /// in the order of [`lens::lenses`].
    pub fn findings(&self) -> Vec<LensFindings> {
        lens::lenses(self.document)
            .into_iter()
            .map(|lens| LensFindings {
                found: self
                    .readouts
                    .iter()
                    .map(|readout| lens.found_in(readout))
                    .collect(),
                lens: lens.name,
            })
            .collect()
    }
}

/// Adds what one more pairing says of a column's words: a word another
/// column shares is shared, whichever column it is.
fn merge_wording(column: &mut Option<Vec<PassageMarks>>, pairing: Vec<PassageMarks>) {
    match column {
        None => *column = Some(pairing),
        Some(passages) => {
            for (passage, other) in passages.iter_mut().zip(pairing) {
                for (mark, seen) in passage.marks.iter_mut().zip(other.marks) {
                    if seen.kind == MarkKind::Shared {
                        mark.kind = MarkKind::Shared;
                    }
                }
            }
        }
    }
}

/// What one lens finds in each column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LensFindings {
    /// The lens's name: `tone`, or a list's name.
    pub lens: String,
    /// One list per column.
    pub found: Vec<Vec<Found>>,
}

impl LensFindings {
    /// How a handout heads the lens: "Tone words", "Words of the list `threat`".
    pub fn heading(&self) -> String {
        if self.lens == TONE {
            "Tone words".to_string()
        } else {
            format!("Words of the list `{}`", self.lens)
        }
    }
}

/// A column's findings as a line: "frank ×1, business-like ×1", or "none".
pub fn found_line(found: &[Found]) -> String {
    if found.is_empty() {
        return "none".to_string();
    }
    found
        .iter()
        .map(Found::counted)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Items as a sentence lists them: "a", "a and b", "a, b and c".
pub fn listed(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Which of the readouts compared mention a topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mentioned {
    /// One per column.
    pub by: Vec<bool>,
}

impl Mentioned {
    /// The sidebar's marks, a column each: `●·` for the left side only.
    pub fn marks(&self) -> Vec<&'static str> {
        self.by
            .iter()
            .map(|&mentions| if mentions { MENTIONS } else { SILENT })
            .collect()
    }

    /// The same in words, which survive printing in black and white:
    /// "both", "Kremlin only", "neither" (for more than two: "all",
    /// "Kremlin and Élysée", "none"). `labels` are the columns' labels as
    /// the format writes them.
    pub fn words(&self, labels: &[String]) -> String {
        let by: Vec<String> = self
            .by
            .iter()
            .zip(labels)
            .filter(|(mentions, _)| **mentions)
            .map(|(_, label)| label.clone())
            .collect();
        let pair = self.by.len() == 2;
        match by.len() {
            0 if pair => "neither".to_string(),
            0 => "none".to_string(),
            all if all == self.by.len() && pair => "both".to_string(),
            all if all == self.by.len() => "all".to_string(),
            1 => format!("{} only", by[0]),
            _ => listed(&by),
        }
    }
}

/// The letters that number each column's passages (K1, K2… and W1, W2…),
/// so that a citation says which account it is from. Each takes the
/// first letter of its label, upper-cased; when two labels begin with
/// the same letter, the initials of their words ("North Harbour Board" →
/// NHB); when those are the same too, or a label has no letter at all, L
/// and R for a pair (left and right), A, B, C… for more. The letters never
/// run into the number, so a citation reads one way only.
pub fn passage_prefixes(labels: &[&str]) -> Vec<String> {
    fn first_letter(word: &str) -> Option<String> {
        word.chars()
            .find(|c| c.is_alphabetic())
            .map(|c| c.to_uppercase().collect())
    }
    fn initials(label: &str) -> Option<String> {
        let initials: String = label.split(' ').filter_map(first_letter).collect();
        (!initials.is_empty()).then_some(initials)
    }
    for pick in [first_letter, initials] {
        let picked: Option<Vec<String>> = labels.iter().map(|label| pick(label)).collect();
        if let Some(picked) = picked
            && picked
                .iter()
                .enumerate()
                .all(|(at, prefix)| !picked[..at].contains(prefix))
        {
            return picked;
        }
    }
    if labels.len() == 2 {
        return vec!["L".to_string(), "R".to_string()];
    }
    (0..labels.len()).map(column_letters).collect()
}

/// A, B… Z, AA, AB…: the letters of a column, as a spreadsheet names them.
fn column_letters(column: usize) -> String {
    let mut letters = Vec::new();
    let mut rest = column + 1;
    while rest > 0 {
        let digit = (rest - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(digit).unwrap_or(0)));
        rest = (rest - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// "1 passage", "2 passages".
fn counted(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

fn describe_coverage(topic: &TopicCoverage, share: Share) -> String {
    match topic.rank_label() {
        Some(rank) => format!("{MENTIONS} rank {rank}, {share} of words"),
        None => format!("{SILENT} silent"),
    }
}

/// The heading of the section with both accounts in their own order.
pub const PUBLISHED_HEADING: &str = "The accounts as published";

/// What the facts table says where a readout states nothing.
pub const NO_FACT: &str = "—";

/// What the sources say of a readout the file gives no origin for.
pub const NO_SOURCE: &str = "No source given.";

/// What the accounts as published say of a passage with no topic.
pub const NO_TOPIC: &str = "no topic";

/// Explains the coverage table's cells, under the table.
pub const COVERAGE_LEGEND: &str = "Rank: the order in which a side first brings the topic up \
     (1 = its first topic; 3= where topics first come up in the same passage and share the \
     rank). Share of words: how much of the side's text is on the topic. A passage's words \
     are divided equally among its topics, and the words of passages with no topic are \
     counted apart (no topic), so that a side's shares and its no-topic share add up to \
     100%; the whole percentages are rounded so that they add up to 100 too.";

/// The paragraphs of a normalised text.
pub fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.split(PARAGRAPH_BREAK)
}

/// A `[meta]` key as a handout names it: `requested_by` → "Requested by".
pub fn fact_name(key: &str) -> String {
    let spaced = key.replace('_', " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => spaced,
    }
}

/// One line about where a readout comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceDetail<'d> {
    Text {
        name: &'static str,
        value: &'d str,
    },
    /// The readout's address; a link only when [`is_web_link`].
    Url(&'d str),
}

/// What the handout says of a readout's origin, in a fixed order.
pub fn source_details(readout: &Readout) -> Vec<SourceDetail<'_>> {
    fn text<'d>(name: &'static str, value: &'d Option<String>) -> Option<SourceDetail<'d>> {
        value
            .as_deref()
            .map(|value| SourceDetail::Text { name, value })
    }
    [
        text("Source", &readout.source),
        readout.url.as_deref().map(SourceDetail::Url),
        text("Published", &readout.published),
        text("Language", &readout.language),
        text("Note", &readout.note),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Whether a URL from a file may become a link: only http and https, so
/// that a `javascript:` or `data:` address stays inert text.
pub fn is_web_link(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && !url.contains(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fact_names_read_as_words() {
        assert_eq!(fact_name("requested_by"), "Requested by");
        assert_eq!(fact_name("duration_minutes"), "Duration minutes");
        assert_eq!(fact_name("place"), "Place");
        assert_eq!(fact_name(""), "");
        assert_eq!(fact_name("été"), "Été");
    }

    #[test]
    fn only_http_and_https_are_links() {
        assert!(is_web_link("https://example.org/a?b=c&d"));
        assert!(is_web_link("HTTP://EXAMPLE.ORG"));
        assert!(!is_web_link("javascript:alert(1)"));
        assert!(!is_web_link("data:text/html,<script>"));
        assert!(!is_web_link("https://example.org/a b"));
        assert!(!is_web_link("//example.org"));
        assert!(!is_web_link("http"));
        assert!(!is_web_link("é"));
    }

    #[test]
    fn passages_are_numbered_by_a_letter_of_each_label() {
        let prefixes = |left, right| passage_prefixes(&[left, right]);
        assert_eq!(prefixes("Kremlin", "White House"), ["K", "W"]);
        assert_eq!(prefixes("kremlin", "élysée"), ["K", "É"]);
        assert_eq!(
            prefixes("North Harbour Board", "North Shore"),
            ["NHB", "NS"]
        );
        assert_eq!(prefixes("(North) board", "north"), ["NB", "N"]);
        assert_eq!(prefixes("Kremlin", "Kremlin"), ["L", "R"]);
        assert_eq!(prefixes("North", "North"), ["L", "R"]);
        assert_eq!(prefixes("123", "White House"), ["L", "R"]);
        assert_eq!(prefixes("北方港口", "South"), ["北", "S"]);
    }

    #[test]
    fn coverage_reads_in_marks_and_in_words() {
        let labels = ["Kremlin".to_string(), "White House".to_string()];
        for (by, marks, words) in [
            ([true, true], ["●", "●"], "both"),
            ([true, false], ["●", "·"], "Kremlin only"),
            ([false, true], ["·", "●"], "White House only"),
            ([false, false], ["·", "·"], "neither"),
        ] {
            let mentioned = Mentioned { by: by.to_vec() };
            assert_eq!(mentioned.marks(), marks);
            assert_eq!(mentioned.words(&labels), words);
        }
        let three = ["Kremlin", "Élysée", "Chancellery"].map(String::from);
        for (by, words) in [
            ([true, true, true], "all"),
            ([true, false, true], "Kremlin and Chancellery"),
            ([false, true, false], "Élysée only"),
            ([false, false, false], "none"),
        ] {
            let mentioned = Mentioned { by: by.to_vec() };
            assert_eq!(mentioned.words(&three), words);
        }
    }

    #[test]
    fn more_than_two_columns_get_letters_of_their_own() {
        assert_eq!(
            passage_prefixes(&["Kremlin", "White House", "Élysée"]),
            ["K", "W", "É"]
        );
        assert_eq!(
            passage_prefixes(&["Kyiv", "Kremlin", "White House"]),
            ["A", "B", "C"]
        );
        assert_eq!(
            passage_prefixes(&["North", "North", "South"]),
            ["A", "B", "C"]
        );
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(listed(&["a".to_string()]), "a");
        assert_eq!(listed(&["a", "b", "c"].map(String::from)), "a, b and c");
    }

    #[test]
    fn counts_agree_with_their_nouns() {
        assert_eq!(counted(1, "passage"), "1 passage");
        assert_eq!(counted(0, "word"), "0 words");
        assert_eq!(counted(12, "passage"), "12 passages");
    }

    #[test]
    fn coverage_cells_say_rank_and_share() {
        let mentioned = TopicCoverage {
            rank: Some(3),
            passages: 1,
            words: 5,
            counted_words: 5.0,
            percent: 25,
            ..TopicCoverage::default()
        };
        let share = Share::of(5, 20);
        assert_eq!(
            describe_coverage(&mentioned, share),
            "● rank 3, 25% of words"
        );
        let tied = TopicCoverage {
            tied: true,
            ..mentioned
        };
        assert_eq!(describe_coverage(&tied, share), "● rank 3=, 25% of words");
        let silent = TopicCoverage::default();
        assert_eq!(describe_coverage(&silent, Share::of(0, 20)), "· silent");
    }
}
