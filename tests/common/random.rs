//! Random documents for property tests: a few topics, two readouts of
//! passages of random length, each carrying up to two topics; variants with
//! no shared topic, with every shared topic crossing, and with strange
//! text in every field the viewer shows.

use proptest::prelude::*;
use readouts::document::{Date, Document, MetaValue, Passage, Readout, Topic};

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

/// Text as the loader leaves it (no control characters, no tabs), in every
/// shape that is hard to draw: wide, joined, combining, right-to-left,
/// invisible, visible stand-ins of controls, and unbroken and long.
const STRANGE: &[&str] = &[
    "Tone",
    "Переговоры в Женеве",
    "会谈结束了",
    "日本語 한국어",
    "السلام عليكم",
    "שלום",
    "Z\u{36b}\u{33f}\u{344}\u{306}a\u{300}\u{301}\u{302}\u{303}lgo",
    "👨\u{200d}👩\u{200d}👧\u{200d}👦 👍🏽 🇺🇦 ❤\u{fe0f} 1\u{fe0f}\u{20e3}",
    "Ｆｕｌｌｗｉｄｔｈ",
    "zero\u{200b}width\u{2060}join\u{feff}",
    "␛[2J ␇ \\u{9b} \\u{202e}",
    "https://example.org/an/unbroken/address/that/is/longer/than/any/narrow/column/at/all",
    "x",
];

type PassageShape = (Vec<usize>, Vec<usize>, bool);

fn readout(id: &str, passages: Vec<PassageShape>) -> Readout {
    let passages = passages
        .into_iter()
        .map(|(words, mut topics, quote)| {
            topics.sort_unstable();
            topics.dedup();
            let text: Vec<&str> = words.iter().map(|&w| VOCABULARY[w]).collect();
            Passage {
                quote,
                ..Passage::new(&text.join(" "), topics)
            }
        })
        .collect();
    Readout::new(id, &id.to_uppercase(), passages)
}

fn passage_words() -> impl Strategy<Value = Vec<usize>> {
    proptest::collection::vec(0..VOCABULARY.len(), 1..60)
}

fn side(topic_count: usize) -> impl Strategy<Value = Vec<PassageShape>> {
    proptest::collection::vec(
        (
            passage_words(),
            proptest::collection::vec(0..topic_count, 0..3),
            any::<bool>(),
        ),
        1..14,
    )
}

fn topics(count: usize) -> Vec<Topic> {
    (0..count)
        .map(|t| Topic::new(&format!("t{t}"), &format!("Topic {t}")))
        .collect()
}

fn two_sided(topic_count: usize, left: Vec<PassageShape>, right: Vec<PassageShape>) -> Document {
    let readouts = vec![readout("left", left), readout("right", right)];
    Document::new("Random", topics(topic_count), readouts)
}

pub fn document() -> impl Strategy<Value = Document> {
    (1usize..8).prop_flat_map(|topic_count| {
        (side(topic_count), side(topic_count))
            .prop_map(move |(left, right)| two_sided(topic_count, left, right))
    })
}

/// Two readouts that share no topic: the left carries only even topics,
/// the right only odd ones.
pub fn disjoint_document() -> impl Strategy<Value = Document> {
    (2usize..8).prop_flat_map(|topic_count| {
        let only = |parity: usize| {
            side(topic_count).prop_map(move |passages| {
                passages
                    .into_iter()
                    .map(|(words, topics, quote)| {
                        let topics = topics.into_iter().filter(|t| t % 2 == parity).collect();
                        (words, topics, quote)
                    })
                    .collect::<Vec<_>>()
            })
        };
        (only(0), only(1)).prop_map(move |(left, right)| two_sided(topic_count, left, right))
    })
}

/// Two readouts that both mention every topic, in opposite orders, so that
/// every two anchors cross; untagged passages in between.
pub fn crossing_document() -> impl Strategy<Value = Document> {
    (2usize..8).prop_flat_map(|topic_count| {
        let tagged = || proptest::collection::vec((passage_words(), 0usize..3), topic_count);
        (tagged(), tagged()).prop_map(move |(left, right)| {
            let lay_out = |entries: Vec<(Vec<usize>, usize)>, order: Vec<usize>| {
                let mut passages = Vec::new();
                for ((words, untagged_after), topic) in entries.into_iter().zip(order) {
                    passages.push((words.clone(), vec![topic], false));
                    for _ in 0..untagged_after {
                        passages.push((words.clone(), Vec::new(), true));
                    }
                }
                passages
            };
            let forward: Vec<usize> = (0..topic_count).collect();
            let backward: Vec<usize> = forward.iter().rev().copied().collect();
            two_sided(
                topic_count,
                lay_out(left, forward),
                lay_out(right, backward),
            )
        })
    })
}

fn strange() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => proptest::sample::select(STRANGE).prop_map(str::to_string),
        1 => (proptest::sample::select(STRANGE), 2usize..40)
            .prop_map(|(text, times)| vec![text; times].join(" ")),
        1 => (proptest::sample::select(STRANGE), 100usize..400)
            .prop_map(|(text, length)| text.chars().filter(|c| *c != ' ').cycle().take(length).collect()),
    ]
}

/// Passage text: strange pieces, sometimes split into paragraphs.
fn strange_text() -> impl Strategy<Value = String> {
    proptest::collection::vec((strange(), proptest::bool::weighted(0.1)), 1..30).prop_map(
        |pieces| {
            let mut text = String::new();
            for (index, (piece, new_paragraph)) in pieces.into_iter().enumerate() {
                if index > 0 {
                    text.push(if new_paragraph { '\n' } else { ' ' });
                }
                text.push_str(&piece);
            }
            text
        },
    )
}

fn strange_side(topic_count: usize) -> impl Strategy<Value = Vec<Passage>> {
    proptest::collection::vec(
        (
            strange_text(),
            proptest::collection::vec(0..topic_count, 0..3),
            any::<bool>(),
        ),
        1..12,
    )
    .prop_map(|passages| {
        passages
            .into_iter()
            .map(|(text, mut topics, quote)| {
                topics.sort_unstable();
                topics.dedup();
                Passage {
                    text,
                    topics,
                    quote,
                    note: None,
                }
            })
            .collect()
    })
}

fn strange_readout(id: &'static str, topic_count: usize) -> impl Strategy<Value = Readout> {
    (
        strange(),
        proptest::option::of(strange()),
        proptest::option::of(strange()),
        proptest::option::of(strange_text()),
        strange_side(topic_count),
    )
        .prop_map(move |(label, source, published, note, passages)| Readout {
            id: id.into(),
            label,
            source,
            url: Some("https://example.org/readout".into()),
            published,
            language: Some("en".into()),
            note,
            facts: Vec::new(),
            passages,
        })
}

/// A document with strange text in every field the viewer shows (labels,
/// notes, sources, the summary, facts) and up to 40 topics, so that the
/// sidebar has to scroll.
pub fn strange_document() -> impl Strategy<Value = Document> {
    (1usize..40).prop_flat_map(|topic_count| {
        (
            strange(),
            proptest::option::of(strange_text()),
            proptest::collection::vec((strange(), strange(), any::<i64>()), 0..5),
            proptest::collection::vec(
                (strange(), proptest::option::of(strange_text())),
                topic_count,
            ),
            strange_readout("left", topic_count),
            strange_readout("right", topic_count),
        )
            .prop_map(|(title, summary, meta, topics, left, right)| Document {
                title,
                date: Some(Date {
                    year: 2021,
                    month: 12,
                    day: 30,
                }),
                summary,
                meta: meta
                    .into_iter()
                    .enumerate()
                    .map(|(index, (key, text, number))| {
                        let value = if index % 2 == 0 {
                            MetaValue::Text(text)
                        } else {
                            MetaValue::Integer(number)
                        };
                        (key, value)
                    })
                    .collect(),
                topics: topics
                    .into_iter()
                    .enumerate()
                    .map(|(index, (label, note))| Topic {
                        id: format!("t{index}"),
                        label,
                        note,
                    })
                    .collect(),
                readouts: vec![left, right],
                lexicon: Vec::new(),
            })
    })
}
