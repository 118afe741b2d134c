//! Renderings of a document for outside the terminal: the handout (Markdown
//! or one HTML page) and the coverage table (text or JSON). Pure functions
//! from a loaded document to text; the commands write the text out.

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
        }
    }

    /// A side's passages that carry the topic, in reading order.
    pub fn passages_on(&self, side: Side, topic: usize) -> impl Iterator<Item = &'d Passage> {
        self.sides[side.index()]
            .passages
            .iter()
            .filter(move |passage| passage.topics.contains(&topic))
    }

    /// A side's passages that carry no topic, in reading order.
    pub fn untagged(&self, side: Side) -> impl Iterator<Item = &'d Passage> {
        self.sides[side.index()]
            .passages
            .iter()
            .filter(|passage| passage.topics.is_empty())
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
