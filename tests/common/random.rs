//! Random documents for property tests: a few topics, two readouts of
//! passages of random length, each carrying up to two topics.

use proptest::prelude::*;
use readouts::document::{Document, Passage, Readout, Topic};

/// Words of every width: ASCII, Cyrillic, CJK, an emoji sequence, and one
/// longer than a narrow column.
const VOCABULARY: &[&str] = &[
    "word",
    "talks",
    "a",
    "Переговоры",
    "会谈",
    "👩\u{200d}🔬",
    "e\u{301}",
    "https://example.org/a-very-long-address-without-any-break",
];

type PassageShape = (Vec<usize>, Vec<usize>, bool);

fn readout(id: &str, passages: Vec<PassageShape>) -> Readout {
    let passages = passages
        .into_iter()
        .map(|(words, topics, quote)| {
            let text: Vec<&str> = words.iter().map(|&w| VOCABULARY[w]).collect();
            Passage {
                quote,
                ..Passage::new(&text.join(" "), topics)
            }
        })
        .collect();
    Readout::new(id, &id.to_uppercase(), passages)
}

fn side(topic_count: usize) -> impl Strategy<Value = Vec<PassageShape>> {
    proptest::collection::vec(
        (
            proptest::collection::vec(0..VOCABULARY.len(), 1..60),
            proptest::collection::vec(0..topic_count, 0..3),
            any::<bool>(),
        ),
        1..14,
    )
}

pub fn document() -> impl Strategy<Value = Document> {
    (1usize..8).prop_flat_map(|topic_count| {
        (side(topic_count), side(topic_count)).prop_map(move |(left, right)| {
            let dedup = |passages: Vec<PassageShape>| {
                passages
                    .into_iter()
                    .map(|(words, mut topics, quote)| {
                        topics.sort_unstable();
                        topics.dedup();
                        (words, topics, quote)
                    })
                    .collect()
            };
            let topics = (0..topic_count)
                .map(|t| Topic::new(&format!("t{t}"), &format!("Topic {t}")))
                .collect();
            let readouts = vec![readout("left", dedup(left)), readout("right", dedup(right))];
            Document::new("Random", topics, readouts)
        })
    })
}
