//! Topic coverage of a readout: which topics it mentions, at which rank it
//! first brings each up, and how much of its text it spends on each. Pure
//! arithmetic over the document, shared by `topics` and `export`.

use std::fmt;

use super::{Document, Pair, Readout};

/// The mark of a readout that mentions a topic, in the sidebar, the
/// coverage table and the handouts; it reads without colour.
pub const MENTIONS: &str = "●";
/// The mark of a readout that is silent on a topic.
pub const SILENT: &str = "·";

/// How one readout covers the document's topics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadoutCoverage {
    pub passages: usize,
    pub words: usize,
    /// Passages that carry at least one topic.
    pub tagged_passages: usize,
    /// One entry per topic of the document, in file order.
    pub topics: Vec<TopicCoverage>,
}

/// How one readout covers one topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TopicCoverage {
    /// 1 for the first topic the readout brings up, 2 for the next new one,
    /// and so on; `None` when the readout is silent on the topic.
    pub rank: Option<usize>,
    pub passages: usize,
    /// Words of the passages that carry the topic. A passage with several
    /// topics counts fully toward each, so these can add up to more than
    /// the readout's words.
    pub words: usize,
}

impl TopicCoverage {
    pub fn mentioned(&self) -> bool {
        self.rank.is_some()
    }
}

/// A part of a whole, e.g. words on a topic out of a readout's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Share {
    pub part: usize,
    pub whole: usize,
}

impl Share {
    /// The share as a fraction from 0 to 1; 0 for an empty whole.
    pub fn fraction(&self) -> f64 {
        if self.whole == 0 {
            0.0
        } else {
            self.part as f64 / self.whole as f64
        }
    }
}

/// A whole percentage that never rounds a little to nothing or nearly all
/// to all: `<1%` and `>99%` keep those cases honest.
impl fmt::Display for Share {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let percent = self.fraction() * 100.0;
        if self.part > 0 && percent < 0.5 {
            f.write_str("<1%")
        } else if self.part < self.whole && percent >= 99.5 {
            f.write_str(">99%")
        } else {
            write!(f, "{}%", percent.round())
        }
    }
}

impl ReadoutCoverage {
    /// Coverage of `readout` over a document with `topic_count` topics.
    pub fn of(readout: &Readout, topic_count: usize) -> Self {
        let mut topics = vec![TopicCoverage::default(); topic_count];
        let mut next_rank = 1;
        let mut tagged_passages = 0;
        for passage in &readout.passages {
            if !passage.topics.is_empty() {
                tagged_passages += 1;
            }
            let words = passage.word_count();
            for &topic in &passage.topics {
                let Some(entry) = topics.get_mut(topic) else {
                    continue;
                };
                if entry.rank.is_none() {
                    entry.rank = Some(next_rank);
                    next_rank += 1;
                }
                entry.passages += 1;
                entry.words += words;
            }
        }
        ReadoutCoverage {
            passages: readout.passages.len(),
            words: readout.word_count(),
            tagged_passages,
            topics,
        }
    }

    /// The share of the readout's words spent on a topic.
    pub fn word_share(&self, topic: usize) -> Share {
        Share {
            part: self.topics.get(topic).map_or(0, |t| t.words),
            whole: self.words,
        }
    }

    /// The share of the readout's passages that carry a topic.
    pub fn tagged_share(&self) -> Share {
        Share {
            part: self.tagged_passages,
            whole: self.passages,
        }
    }
}

/// Coverage of the two readouts shown side by side, left then right.
pub fn of_pair(document: &Document, pair: Pair) -> [ReadoutCoverage; 2] {
    [pair.left, pair.right]
        .map(|index| ReadoutCoverage::of(&document.readouts[index], document.topics.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Passage, builtin, load};

    fn passage(text: &str, topics: &[usize]) -> Passage {
        Passage {
            text: text.to_string(),
            topics: topics.to_vec(),
            quote: false,
        }
    }

    fn readout(passages: Vec<Passage>) -> Readout {
        Readout::new("side", "Side", passages)
    }

    /// Four topics over four passages: topic 2 first, then 0 (in a passage
    /// with 2 again); topics 1 and 3 never; one passage untagged.
    fn sample() -> ReadoutCoverage {
        let side = readout(vec![
            passage("one two", &[2]),
            passage("three", &[0, 2]),
            passage("four five six", &[]),
            passage("seven", &[0]),
        ]);
        ReadoutCoverage::of(&side, 4)
    }

    #[test]
    fn ranks_follow_the_order_topics_first_appear() {
        let coverage = sample();
        let ranks: Vec<Option<usize>> = coverage.topics.iter().map(|t| t.rank).collect();
        assert_eq!(ranks, [Some(2), None, Some(1), None]);
        assert!(coverage.topics[0].mentioned());
        assert!(!coverage.topics[1].mentioned());
    }

    #[test]
    fn a_passage_counts_fully_toward_each_of_its_topics() {
        let coverage = sample();
        assert_eq!(coverage.words, 7);
        assert_eq!(coverage.passages, 4);
        assert_eq!(coverage.tagged_passages, 3);
        assert_eq!(
            coverage.topics[0],
            TopicCoverage {
                rank: Some(2),
                passages: 2,
                words: 2
            }
        );
        assert_eq!(coverage.topics[2].words, 3);
        assert_eq!(coverage.word_share(2), Share { part: 3, whole: 7 });
        assert_eq!(coverage.word_share(1), Share { part: 0, whole: 7 });
        assert_eq!(coverage.tagged_share(), Share { part: 3, whole: 4 });
    }

    #[test]
    fn paragraph_breaks_separate_words() {
        let side = readout(vec![passage("one\ntwo three", &[0])]);
        assert_eq!(ReadoutCoverage::of(&side, 1).topics[0].words, 3);
    }

    #[test]
    fn shares_never_round_to_none_or_all() {
        let share = |part, whole| Share { part, whole }.to_string();
        assert_eq!(share(0, 10), "0%");
        assert_eq!(share(1, 1000), "<1%");
        assert_eq!(share(1, 3), "33%");
        assert_eq!(share(1, 2), "50%");
        assert_eq!(share(999, 1000), ">99%");
        assert_eq!(share(7, 7), "100%");
        assert_eq!(share(0, 0), "0%");
        assert_eq!(Share { part: 0, whole: 0 }.fraction(), 0.0);
    }

    #[test]
    fn the_builtin_pair_crosses_on_tone() {
        let document = load::load_str(builtin::NAME, builtin::TEXT)
            .expect("the built-in readout loads")
            .document;
        let pair = document.pair(None, None).expect("the first two");
        let [kremlin, white_house] = of_pair(&document, pair);
        let tone = document.topic_index("tone").expect("a tone topic");
        let guarantees = document
            .topic_index("security-guarantees")
            .expect("a guarantees topic");
        assert_eq!(kremlin.topics[guarantees].rank, Some(1));
        assert_eq!(white_house.topics[tone].rank, Some(1));
        assert!(
            kremlin.topics[tone].rank > Some(5),
            "the Kremlin ends on tone"
        );
        assert_eq!(white_house.topics[guarantees].rank, None);
        assert_eq!(kremlin.passages, 12);
        assert_eq!(white_house.tagged_passages, 6);
    }
}
