//! Renderings of a document for outside the terminal: the handout (Markdown
//! or one HTML page) and the coverage table (text or JSON). Pure functions
//! from a loaded document to text; the commands write the text out.

pub mod commonmark;
pub mod html;
pub mod json;
pub mod markdown;
pub mod plain;
pub mod table;

use crate::document::coverage::{self, ReadoutCoverage, Share, TopicCoverage};
use crate::document::normalize::PARAGRAPH_BREAK;
use crate::document::{Document, Pair, Passage, Readout, Side};

pub use crate::document::coverage::{MENTIONS, SILENT};

/// A document with the two readouts it compares side by side and their
/// coverage, worked out once for every rendering.
pub struct Comparison<'d> {
    pub document: &'d Document,
    /// Left, then right.
    pub sides: [&'d Readout; 2],
    pub coverage: [ReadoutCoverage; 2],
    /// The letters before each side's passage numbers (see
    /// [`passage_prefixes`]).
    pub prefixes: [String; 2],
}

impl<'d> Comparison<'d> {
    pub fn new(document: &'d Document, pair: Pair) -> Self {
        Comparison {
            document,
            sides: [
                &document.readouts[pair.left],
                &document.readouts[pair.right],
            ],
            coverage: coverage::of_pair(document, pair),
            prefixes: passage_prefixes([
                &document.readouts[pair.left].label,
                &document.readouts[pair.right].label,
            ]),
        }
    }

    /// A side's passages, numbered from 1 in reading order.
    pub fn passages(&self, side: Side) -> impl Iterator<Item = (usize, &'d Passage)> {
        (1..).zip(&self.sides[side.index()].passages)
    }

    /// A side's passages that carry the topic, with their numbers.
    pub fn passages_on(
        &self,
        side: Side,
        topic: usize,
    ) -> impl Iterator<Item = (usize, &'d Passage)> {
        self.passages(side)
            .filter(move |(_, passage)| passage.topics.contains(&topic))
    }

    /// A side's passages that carry no topic, with their numbers.
    pub fn untagged(&self, side: Side) -> impl Iterator<Item = (usize, &'d Passage)> {
        self.passages(side)
            .filter(|(_, passage)| passage.topics.is_empty())
    }

    /// How the handout cites a side's passage: "K3".
    pub fn citation(&self, side: Side, number: usize) -> String {
        format!("{}{number}", self.prefixes[side.index()])
    }

    /// How the accounts as published number their passages, with the
    /// sides' labels as the format writes them.
    pub fn numbering_legend(&self, labels: &[String; 2]) -> String {
        let [left, right] = Side::BOTH.map(|side| {
            let prefix = &self.prefixes[side.index()];
            format!("{prefix}1, {prefix}2… ({})", labels[side.index()])
        });
        format!(
            "Each account in the order it was published, its passages numbered \
             {left} and {right}; the sections by topic cite these numbers."
        )
    }

    /// Which of the two sides mention a topic.
    pub fn mentioned(&self, topic: usize) -> Mentioned {
        let [left, right] = self
            .coverage
            .each_ref()
            .map(|coverage| coverage.topics[topic].mentioned());
        match (left, right) {
            (true, true) => Mentioned::Both,
            (true, false) => Mentioned::Only(Side::Left),
            (false, true) => Mentioned::Only(Side::Right),
            (false, false) => Mentioned::Neither,
        }
    }

    /// Whether either side says where it comes from.
    pub fn has_sources(&self) -> bool {
        self.sides
            .iter()
            .any(|readout| !source_details(readout).is_empty())
    }

    pub fn has_untagged(&self) -> bool {
        Side::BOTH
            .into_iter()
            .any(|side| self.untagged(side).next().is_some())
    }

    /// What the coverage table says of one side on one topic.
    pub fn coverage_cell(&self, side: Side, topic: usize) -> String {
        let coverage = &self.coverage[side.index()];
        describe_coverage(&coverage.topics[topic], coverage.word_share(topic))
    }

    /// The closing line for a side: its passages, words and how many are
    /// tagged.
    pub fn side_totals(&self, side: Side) -> String {
        let coverage = &self.coverage[side.index()];
        format!(
            "{}, {}; {} of passages tagged ({} of {}).",
            counted(coverage.passages, "passage"),
            counted(coverage.words, "word"),
            coverage.tagged_share(),
            coverage.tagged_passages,
            coverage.passages
        )
    }
}

/// Which of the two shown readouts mention a topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mentioned {
    Both,
    Only(Side),
    Neither,
}

impl Mentioned {
    /// The sidebar's marks, left then right: `●·` for the left side only.
    pub fn marks(self) -> [&'static str; 2] {
        Side::BOTH.map(|side| match self {
            Mentioned::Both => MENTIONS,
            Mentioned::Only(only) if only == side => MENTIONS,
            _ => SILENT,
        })
    }

    /// The same in words, which survive printing in black and white:
    /// "both", "Kremlin only", "neither". `labels` are the sides' labels as
    /// the format writes them.
    pub fn words(self, labels: &[String; 2]) -> String {
        match self {
            Mentioned::Both => "both".to_string(),
            Mentioned::Only(side) => format!("{} only", labels[side.index()]),
            Mentioned::Neither => "neither".to_string(),
        }
    }
}

/// The letters that number each side's passages (K1, K2… and W1, W2…),
/// so that a citation says which account it is from. Each side takes the
/// first letter of its label, upper-cased; when both labels begin with
/// the same letter, the initials of their words ("North Harbour Board" →
/// NHB); when those are the same too, or a label has no letter at all, L
/// and R, for left and right. The letters never run into the number, so a
/// citation reads one way only.
pub fn passage_prefixes(labels: [&str; 2]) -> [String; 2] {
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
        if let [Some(left), Some(right)] = labels.map(pick)
            && left != right
        {
            return [left, right];
        }
    }
    ["L".to_string(), "R".to_string()]
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
        let prefixes = |left, right| passage_prefixes([left, right]);
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
        for (mentioned, marks, words) in [
            (Mentioned::Both, ["●", "●"], "both"),
            (Mentioned::Only(Side::Left), ["●", "·"], "Kremlin only"),
            (Mentioned::Only(Side::Right), ["·", "●"], "White House only"),
            (Mentioned::Neither, ["·", "·"], "neither"),
        ] {
            assert_eq!(mentioned.marks(), marks);
            assert_eq!(mentioned.words(&labels), words);
        }
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
