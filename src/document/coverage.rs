//! Topic coverage of a readout: which topics it mentions, at which rank it
//! first brings each up, and how much of its text it spends on each. Pure
//! arithmetic over the document, shared by `topics` and `export`.
//!
//! Shares are honest: a passage's words are divided equally among its
//! topics, and the words of passages with no topic are counted as untagged,
//! so a side's topic shares and its untagged share add up to the whole.

use std::fmt;

use super::{Document, Pair, Readout};

/// The mark of a readout that mentions a topic, in the sidebar, the
/// coverage table and the handouts; it reads without colour.
pub const MENTIONS: &str = "●";
/// The mark of a readout that is silent on a topic.
pub const SILENT: &str = "·";

/// How one readout covers the document's topics.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadoutCoverage {
    pub passages: usize,
    pub words: usize,
    /// Passages that carry at least one topic.
    pub tagged_passages: usize,
    /// Words of the passages that carry no topic.
    pub untagged_words: usize,
    /// `untagged_words` as a whole percentage of `words`, rounded together
    /// with the topics' percentages (see [`TopicCoverage::percent`]).
    pub untagged_percent: u32,
    /// One entry per topic of the document, in file order.
    pub topics: Vec<TopicCoverage>,
}

/// How one readout covers one topic.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct TopicCoverage {
    /// One more than the number of topics the readout brought up before
    /// this one: 1 for its first topic; `None` when the readout is silent
    /// on the topic. Topics first brought up in the same passage share a
    /// rank, and the next one comes after all of them (1, 2, 2, 4).
    pub rank: Option<usize>,
    /// Whether another topic shares the rank.
    pub tied: bool,
    pub passages: usize,
    /// Words of the passages that carry the topic, each passage in full.
    pub words: usize,
    /// The topic's part of the readout's words: each passage's words are
    /// divided equally among its topics, so a passage of 10 words on two
    /// topics gives 5 to each.
    pub counted_words: f64,
    /// `counted_words` as a whole percentage of the readout's words. A
    /// side's percentages and its untagged percentage are rounded together
    /// by largest remainder, so that they add up to exactly 100.
    pub percent: u32,
}

impl TopicCoverage {
    pub fn mentioned(&self) -> bool {
        self.rank.is_some()
    }

    /// The rank as the coverage table prints it: `3`, or `3=` when shared;
    /// `None` when the readout is silent.
    pub fn rank_label(&self) -> Option<String> {
        self.rank
            .map(|rank| format!("{rank}{}", if self.tied { "=" } else { "" }))
    }
}

/// A part of a whole, e.g. words on a topic out of a readout's words, with
/// the whole percentage that stands for it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Share {
    pub part: f64,
    pub whole: f64,
    pub percent: u32,
}

impl Share {
    /// A share on its own, rounded to the nearest whole percentage.
    pub fn of(part: usize, whole: usize) -> Share {
        let (part, whole) = (part as f64, whole as f64);
        let share = Share {
            part,
            whole,
            percent: 0,
        };
        Share {
            percent: (share.fraction() * 100.0).round() as u32,
            ..share
        }
    }

    /// The share as a fraction from 0 to 1; 0 for an empty whole.
    pub fn fraction(&self) -> f64 {
        if self.whole <= 0.0 {
            0.0
        } else {
            self.part / self.whole
        }
    }
}

/// The whole percentage, except that a part rounded to nothing shows as
/// `<1%` and a part rounded to the whole as `>99%`.
impl fmt::Display for Share {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.part > 0.0 && self.percent == 0 {
            f.write_str("<1%")
        } else if self.part < self.whole && self.percent >= 100 {
            f.write_str(">99%")
        } else {
            write!(f, "{}%", self.percent)
        }
    }
}

/// Whole percentages of `whole` for `parts` that add up to exactly 100
/// when the parts add up to the whole (largest remainder: each part gets
/// its percentage rounded down, and the points still missing go to the
/// parts that lost most in rounding, the earlier part first on a tie). A
/// part of nothing stays at 0; an empty whole gives 0 everywhere.
pub fn whole_percentages(parts: &[f64], whole: f64) -> Vec<u32> {
    // Sums of thirds and sevenths are not exact in binary: without the
    // tolerance, a part of exactly 50 % could round down to 49.
    const TOLERANCE: f64 = 1e-9;
    if whole <= 0.0 {
        return vec![0; parts.len()];
    }
    let quotas: Vec<f64> = parts.iter().map(|part| part * 100.0 / whole).collect();
    let mut percents: Vec<u32> = quotas
        .iter()
        .map(|quota| (quota + TOLERANCE).floor().max(0.0) as u32)
        .collect();
    let given: u32 = percents.iter().sum();
    let remainder = |index: usize| quotas[index] - f64::from(percents[index]);
    let mut order: Vec<usize> = (0..parts.len()).filter(|&i| parts[i] > 0.0).collect();
    order.sort_by(|&a, &b| remainder(b).total_cmp(&remainder(a)).then(a.cmp(&b)));
    let missing = 100u32.saturating_sub(given) as usize;
    for &index in order.iter().take(missing) {
        percents[index] += 1;
    }
    percents
}

impl ReadoutCoverage {
    /// Coverage of `readout` over a document with `topic_count` topics.
    pub fn of(readout: &Readout, topic_count: usize) -> Self {
        let mut topics = vec![TopicCoverage::default(); topic_count];
        let mut brought_up = 0;
        let mut tagged_passages = 0;
        let mut untagged_words = 0;
        for passage in &readout.passages {
            let words = passage.word_count();
            let mut carried: Vec<usize> = Vec::with_capacity(passage.topics.len());
            for &topic in &passage.topics {
                if topic < topic_count && !carried.contains(&topic) {
                    carried.push(topic);
                }
            }
            if carried.is_empty() {
                untagged_words += words;
                continue;
            }
            tagged_passages += 1;
            let new: Vec<usize> = carried
                .iter()
                .copied()
                .filter(|&topic| topics[topic].rank.is_none())
                .collect();
            for &topic in &new {
                topics[topic].rank = Some(brought_up + 1);
                topics[topic].tied = new.len() > 1;
            }
            brought_up += new.len();
            let each = words as f64 / carried.len() as f64;
            for &topic in &carried {
                let entry = &mut topics[topic];
                entry.passages += 1;
                entry.words += words;
                entry.counted_words += each;
            }
        }
        let words = readout.word_count();
        let mut parts: Vec<f64> = topics.iter().map(|t| t.counted_words).collect();
        parts.push(untagged_words as f64);
        let mut percents = whole_percentages(&parts, words as f64);
        let untagged_percent = percents.pop().unwrap_or(0);
        for (topic, percent) in topics.iter_mut().zip(percents) {
            topic.percent = percent;
        }
        ReadoutCoverage {
            passages: readout.passages.len(),
            words,
            tagged_passages,
            untagged_words,
            untagged_percent,
            topics,
        }
    }

    /// The share of the readout's words counted toward a topic.
    pub fn word_share(&self, topic: usize) -> Share {
        let covered = self.topics.get(topic).copied().unwrap_or_default();
        Share {
            part: covered.counted_words,
            whole: self.words as f64,
            percent: covered.percent,
        }
    }

    /// The share of the readout's words in passages with no topic.
    pub fn untagged_share(&self) -> Share {
        Share {
            part: self.untagged_words as f64,
            whole: self.words as f64,
            percent: self.untagged_percent,
        }
    }

    /// The share of the readout's passages that carry a topic.
    pub fn tagged_share(&self) -> Share {
        Share::of(self.tagged_passages, self.passages)
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
        Passage::new(text, topics.to_vec())
    }

    fn readout(passages: Vec<Passage>) -> Readout {
        Readout::new("side", "Side", passages)
    }

    /// Four topics over four passages: topic 2 first, then 0 (in a passage
    /// with 2 again); topics 1 and 3 never; one passage untagged.
    fn sample() -> ReadoutCoverage {
        let side = readout(vec![
            passage("one two", &[2]),
            passage("three four", &[0, 2]),
            passage("five six seven", &[]),
            passage("eight", &[0]),
        ]);
        ReadoutCoverage::of(&side, 4)
    }

    fn total_percent(coverage: &ReadoutCoverage) -> u32 {
        coverage.topics.iter().map(|t| t.percent).sum::<u32>() + coverage.untagged_percent
    }

    #[test]
    fn ranks_follow_the_order_topics_first_appear() {
        let coverage = sample();
        let ranks: Vec<Option<usize>> = coverage.topics.iter().map(|t| t.rank).collect();
        assert_eq!(ranks, [Some(2), None, Some(1), None]);
        assert!(coverage.topics.iter().all(|t| !t.tied));
        assert!(coverage.topics[0].mentioned());
        assert!(!coverage.topics[1].mentioned());
        assert_eq!(coverage.topics[0].rank_label().as_deref(), Some("2"));
        assert_eq!(coverage.topics[1].rank_label(), None);
    }

    #[test]
    fn topics_first_met_in_one_passage_share_a_rank_and_the_next_comes_after_them() {
        let side = readout(vec![
            passage("a", &[3]),
            passage("b", &[1, 0, 3]),
            passage("c", &[2]),
        ]);
        let coverage = ReadoutCoverage::of(&side, 5);
        let ranks: Vec<Option<String>> = coverage.topics.iter().map(|t| t.rank_label()).collect();
        assert_eq!(
            ranks,
            [
                Some("2=".to_string()),
                Some("2=".to_string()),
                Some("4".to_string()),
                Some("1".to_string()),
                None
            ]
        );
        assert!(coverage.topics[0].tied && coverage.topics[1].tied);
        assert!(!coverage.topics[3].tied, "met earlier, alone");
    }

    #[test]
    fn a_passage_divides_its_words_among_its_topics() {
        let coverage = sample();
        assert_eq!(coverage.words, 8);
        assert_eq!(coverage.passages, 4);
        assert_eq!(coverage.tagged_passages, 3);
        assert_eq!(coverage.untagged_words, 3);
        let zero = coverage.topics[0];
        assert_eq!((zero.passages, zero.words), (2, 3), "whole passages");
        assert_eq!(zero.counted_words, 2.0, "half of two words, and one");
        assert_eq!(
            coverage.topics[2].counted_words, 3.0,
            "two, and half of two"
        );
        let counted: f64 = coverage.topics.iter().map(|t| t.counted_words).sum();
        assert_eq!(counted + coverage.untagged_words as f64, 8.0);
        // 2/8, 0, 3/8, 0 and 3/8 untagged: 25, 0, 37.5, 0, 37.5; the half
        // point goes to the earlier of the two tied remainders.
        let percents: Vec<u32> = coverage.topics.iter().map(|t| t.percent).collect();
        assert_eq!(percents, [25, 0, 38, 0]);
        assert_eq!(coverage.untagged_percent, 37);
        assert_eq!(total_percent(&coverage), 100);
        assert_eq!(coverage.word_share(2).to_string(), "38%");
        assert_eq!(coverage.word_share(1).to_string(), "0%");
        assert_eq!(coverage.untagged_share().to_string(), "37%");
        assert_eq!(coverage.tagged_share().to_string(), "75%");
    }

    #[test]
    fn thirds_round_to_a_hundred() {
        let side = readout(vec![passage("one two three", &[0, 1, 2])]);
        let coverage = ReadoutCoverage::of(&side, 3);
        let percents: Vec<u32> = coverage.topics.iter().map(|t| t.percent).collect();
        assert_eq!(percents, [34, 33, 33]);
        assert_eq!(coverage.untagged_percent, 0);
        assert_eq!(coverage.untagged_share().to_string(), "0%");
    }

    #[test]
    fn every_side_adds_up_to_a_hundred() {
        let sides = [
            vec![passage("a b c d e f g", &[0, 1, 2]), passage("h", &[])],
            vec![
                passage("a b c", &[0, 1]),
                passage("d e f g h i j k l", &[1, 2, 3, 4, 5, 6]),
                passage("m n", &[6]),
                passage("o p q r s t u", &[]),
            ],
            vec![passage("word", &[])],
            (0..9).map(|n| passage("x y z", &[n % 7])).collect(),
        ];
        for passages in sides {
            let coverage = ReadoutCoverage::of(&readout(passages), 7);
            assert_eq!(total_percent(&coverage), 100, "{coverage:#?}");
        }
    }

    #[test]
    fn an_empty_side_has_no_shares() {
        for passages in [vec![], vec![passage("", &[0])]] {
            let coverage = ReadoutCoverage::of(&readout(passages), 2);
            assert_eq!(coverage.words, 0);
            assert!(coverage.topics.iter().all(|t| t.percent == 0));
            assert_eq!(coverage.untagged_percent, 0);
            assert_eq!(coverage.word_share(0).to_string(), "0%");
            assert_eq!(coverage.untagged_share().fraction(), 0.0);
        }
    }

    #[test]
    fn paragraph_breaks_separate_words() {
        let side = readout(vec![passage("one\ntwo three", &[0])]);
        assert_eq!(ReadoutCoverage::of(&side, 1).topics[0].words, 3);
    }

    #[test]
    fn largest_remainders_get_the_missing_points() {
        assert_eq!(whole_percentages(&[1.0, 1.0, 1.0], 3.0), [34, 33, 33]);
        assert_eq!(whole_percentages(&[1.0, 2.0], 3.0), [33, 67]);
        assert_eq!(whole_percentages(&[0.0, 1.0, 0.0], 1.0), [0, 100, 0]);
        assert_eq!(whole_percentages(&[1.0, 1.0], 0.0), [0, 0]);
        assert_eq!(whole_percentages(&[], 5.0), Vec::<u32>::new());
        // Seven sevenths of a word each, not exact in binary.
        let sevenths = vec![1.0 / 7.0; 7];
        let percents = whole_percentages(&sevenths, 1.0);
        assert_eq!(percents.iter().sum::<u32>(), 100);
        assert_eq!(percents, [15, 15, 14, 14, 14, 14, 14]);
        // One part of 1,000: rounded to nothing, so it shows as <1%.
        let percents = whole_percentages(&[1.0, 999.0], 1000.0);
        assert_eq!(percents, [0, 100]);
        let small = Share {
            part: 1.0,
            whole: 1000.0,
            percent: percents[0],
        };
        let large = Share {
            part: 999.0,
            whole: 1000.0,
            percent: percents[1],
        };
        assert_eq!(
            (small.to_string(), large.to_string()),
            ("<1%".into(), ">99%".into())
        );
    }

    #[test]
    fn shares_on_their_own_round_to_the_nearest() {
        let share = |part, whole| Share::of(part, whole).to_string();
        assert_eq!(share(0, 10), "0%");
        assert_eq!(share(1, 1000), "<1%");
        assert_eq!(share(1, 3), "33%");
        assert_eq!(share(1, 2), "50%");
        assert_eq!(share(999, 1000), ">99%");
        assert_eq!(share(7, 7), "100%");
        assert_eq!(share(0, 0), "0%");
        assert_eq!(Share::of(0, 0).fraction(), 0.0);
    }

    #[test]
    fn the_builtin_pair_crosses_on_tone_and_adds_up() {
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
        assert_eq!(total_percent(&kremlin), 100);
        assert_eq!(total_percent(&white_house), 100);
        assert_eq!(kremlin.untagged_percent, 0);
        assert!(white_house.untagged_percent > 0, "the briefing line");
    }
}
