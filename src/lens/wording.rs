//! The wording lens: on one topic, the words both sides' passages use and
//! the words only one side uses. Words are compared by stem with stop
//! words left out, as [`crate::import::words`] finds them, so that
//! "negotiations" on one side and "negotiating" on the other are shared.

use std::collections::HashSet;
use std::ops::Range;

use crate::document::{Document, Pair, Side};
use crate::import::words::{Word, WordFinder};

/// How the lens marks a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKind {
    /// The other side's passages on the topic use the word too.
    Shared,
    /// Only this side uses the word on the topic.
    Own,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// Bytes of the passage's text.
    pub range: Range<usize>,
    pub kind: MarkKind,
}

/// The marks of one passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PassageMarks {
    /// The passage's index in its readout.
    pub passage: usize,
    /// In reading order, none overlapping.
    pub marks: Vec<Mark>,
}

/// The wording lens on one topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wording {
    /// Left, then right: each passage of the side that carries the topic,
    /// in reading order, with its marks. Empty for a side that is silent
    /// on the topic.
    pub sides: [Vec<PassageMarks>; 2],
    /// The words both sides use, each once, as the left side first writes
    /// it, in the left side's reading order.
    pub shared: Vec<String>,
    /// Left, then right: the words only that side uses, each once, as it
    /// first writes it, in reading order.
    pub own: [Vec<String>; 2],
}

/// The wording lens on `topic` for the two readouts of `pair`.
pub fn wording(document: &Document, pair: Pair, topic: usize) -> Wording {
    let finder = WordFinder::new();
    let located = [pair.left, pair.right].map(|index| {
        document
            .readouts
            .get(index)
            .map_or_else(Vec::new, |readout| {
                readout
                    .passages
                    .iter()
                    .enumerate()
                    .filter(|(_, passage)| passage.topics.contains(&topic))
                    .map(|(index, passage)| (index, finder.located_content_words(&passage.text)))
                    .collect::<Vec<_>>()
            })
    });
    let stems = located.each_ref().map(|passages| {
        passages
            .iter()
            .flat_map(|(_, words)| words.iter().map(|(_, word)| word.stem.as_str()))
            .collect::<HashSet<&str>>()
    });
    let kind = |side: Side, word: &Word| {
        if stems[side.other().index()].contains(word.stem.as_str()) {
            MarkKind::Shared
        } else {
            MarkKind::Own
        }
    };
    let sides = Side::BOTH.map(|side| {
        located[side.index()]
            .iter()
            .map(|(passage, words)| PassageMarks {
                passage: *passage,
                marks: words
                    .iter()
                    .map(|(range, word)| Mark {
                        range: range.clone(),
                        kind: kind(side, word),
                    })
                    .collect(),
            })
            .collect()
    });
    // Each word once, by stem, as first written.
    let words_of = |side: Side, wanted: MarkKind| {
        let mut seen = HashSet::new();
        located[side.index()]
            .iter()
            .flat_map(|(_, words)| words.iter().map(|(_, word)| word))
            .filter(|word| kind(side, word) == wanted && seen.insert(word.stem.as_str()))
            .map(|word| word.written.clone())
            .collect::<Vec<String>>()
    };
    Wording {
        sides,
        shared: words_of(Side::Left, MarkKind::Shared),
        own: Side::BOTH.map(|side| words_of(side, MarkKind::Own)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Passage, Readout, Topic, builtin, load};

    fn document(left: &[(&str, &[usize])], right: &[(&str, &[usize])]) -> Document {
        let readout = |id: &str, passages: &[(&str, &[usize])]| {
            Readout::new(
                id,
                id,
                passages
                    .iter()
                    .map(|(text, topics)| Passage::new(text, topics.to_vec()))
                    .collect(),
            )
        };
        Document::new(
            "t",
            vec![Topic::new("a", "A"), Topic::new("b", "B")],
            vec![readout("left", left), readout("right", right)],
        )
    }

    /// Each marked word of a side as `shared:word` or `own:word`.
    fn marked(document: &Document, lens: &Wording, side: Side) -> Vec<String> {
        let readout = &document.readouts[side.index()];
        lens.sides[side.index()]
            .iter()
            .flat_map(|marks| {
                let text = &readout.passages[marks.passage].text;
                marks.marks.iter().map(move |mark| {
                    let kind = match mark.kind {
                        MarkKind::Shared => "shared",
                        MarkKind::Own => "own",
                    };
                    format!("{kind}:{}", &text[mark.range.clone()])
                })
            })
            .collect()
    }

    #[test]
    fn words_are_compared_by_stem_with_stop_words_left_out() {
        let document = document(
            &[
                ("The negotiations will continue in Geneva.", &[0]),
                ("Sanctions were never mentioned.", &[1]),
            ],
            &[("They agreed on negotiating and on Geneva talks.", &[0])],
        );
        let lens = wording(&document, Pair { left: 0, right: 1 }, 0);
        assert_eq!(
            marked(&document, &lens, Side::Left),
            ["shared:negotiations", "own:continue", "shared:Geneva"]
        );
        assert_eq!(
            marked(&document, &lens, Side::Right),
            [
                "own:agreed",
                "shared:negotiating",
                "shared:Geneva",
                "own:talks"
            ]
        );
        assert_eq!(lens.shared, ["negotiations", "Geneva"]);
        assert_eq!(lens.own, [vec!["continue"], vec!["agreed", "talks"]]);
        assert_eq!(lens.sides[0].len(), 1, "only the passage on the topic");
    }

    #[test]
    fn a_side_silent_on_the_topic_shares_nothing() {
        let document = document(
            &[("Dredging the channel first.", &[1])],
            &[("Budget.", &[0])],
        );
        let lens = wording(&document, Pair { left: 0, right: 1 }, 1);
        assert!(lens.sides[1].is_empty());
        assert!(lens.shared.is_empty());
        assert_eq!(lens.own[0], ["Dredging", "channel", "first"]);
        assert_eq!(
            marked(&document, &lens, Side::Left),
            ["own:Dredging", "own:channel", "own:first"]
        );
    }

    #[test]
    fn words_repeated_on_one_side_are_listed_once_and_marked_each_time() {
        let document = document(
            &[
                ("Talks, talks and more talks.", &[0]),
                ("Talking twice.", &[0, 1]),
            ],
            &[("Talks.", &[0])],
        );
        let lens = wording(&document, Pair { left: 0, right: 1 }, 0);
        assert_eq!(lens.shared, ["Talks"]);
        assert_eq!(lens.own[0], ["twice"]);
        let kinds: Vec<MarkKind> = lens.sides[0]
            .iter()
            .flat_map(|p| p.marks.iter().map(|m| m.kind))
            .collect();
        assert_eq!(kinds.iter().filter(|k| **k == MarkKind::Shared).count(), 4);
    }

    #[test]
    fn the_builtin_response_to_invasion_shares_its_key_words() {
        let document = load::load_str(builtin::NAME, builtin::TEXT)
            .expect("the built-in readout loads")
            .document;
        let topic = document
            .topic_index("response-to-invasion")
            .expect("a topic");
        let lens = wording(&document, Pair { left: 0, right: 1 }, topic);
        assert_eq!(lens.shared, ["Ukraine", "Russia"]);
        // The stemmer keeps "invasion" and "invades", "response" and
        // "respond" apart: the lens compares stems and nothing looser.
        let own = |side: usize, word: &str| lens.own[side].iter().any(|w| w == word);
        for word in ["sanctions", "invasion", "response", "Russian"] {
            assert!(own(0, word), "{word}: {:?}", lens.own[0]);
        }
        for word in ["respond", "decisively", "invades", "allies"] {
            assert!(own(1, word), "{word}: {:?}", lens.own[1]);
        }
        assert_eq!(lens.sides.each_ref().map(Vec::len), [2, 1]);
    }
}
