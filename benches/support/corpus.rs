//! A deterministic stress corpus: two made-up readouts of one event, with a
//! few hundred topics, written out as a readout file (format 1).
//!
//! The same size, seed and topic count always give the same bytes. Passages
//! are 20–160 words of English-like prose, each carrying 0–2 topics that
//! mostly follow the reading order, so that anchors are many but some cross.
//!
//! Shared through `#[path]` by `examples/generate.rs`, the benches and
//! `tests/generate.rs`: it is test tooling, kept out of the library and the
//! command line.

use std::fmt::Write;

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    /// The size of the readout file to reach, in bytes (it ends with the
    /// first passage that reaches it).
    pub bytes: usize,
    pub seed: u64,
    pub topics: usize,
}

/// One passage, as the readout file and the plain-text files give it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedPassage {
    /// One paragraph, no line breaks.
    pub text: String,
    /// Indices of topics, distinct.
    pub topics: Vec<usize>,
    pub quote: bool,
}

/// Two readouts of generated passages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Corpus {
    seed: u64,
    topics: usize,
    readouts: [Vec<GeneratedPassage>; 2],
}

const READOUTS: [(&str, &str, &str); 2] = [
    ("north", "North", "North press office"),
    ("south", "South", "South foreign ministry"),
];

/// The share of the passages' bytes that go to the left readout, in percent:
/// the two sides differ in length, as real readouts do.
const LEFT_SHARE: usize = 55;

const MIN_WORDS: usize = 20;
const MAX_WORDS: usize = 160;

/// Short words that make up about half of running text.
const FUNCTION_WORDS: &[&str] = &[
    "the", "of", "and", "to", "a", "in", "that", "on", "for", "with", "as", "by", "at", "from",
    "it", "was", "were", "is", "be", "their", "its", "this", "which", "both", "also", "would",
    "an", "not", "but", "had",
];

/// Content words; a few carry non-ASCII letters and punctuation as real
/// readouts do, so that wrapping takes its Unicode path too.
const CONTENT_WORDS: &[&str] = &[
    "president",
    "leaders",
    "telephone",
    "conversation",
    "security",
    "guarantees",
    "sanctions",
    "negotiations",
    "delegation",
    "ministers",
    "agreement",
    "treaty",
    "harbour",
    "border",
    "troops",
    "exercises",
    "de-escalation",
    "dialogue",
    "partners",
    "allies",
    "consultations",
    "economic",
    "cooperation",
    "energy",
    "supplies",
    "pipeline",
    "grain",
    "exports",
    "tariffs",
    "nuclear",
    "arms",
    "control",
    "verification",
    "inspections",
    "summit",
    "calendar",
    "January",
    "Geneva",
    "Vienna",
    "ceasefire",
    "humanitarian",
    "corridors",
    "prisoners",
    "exchange",
    "statement",
    "concern",
    "readiness",
    "principles",
    "sovereignty",
    "territorial",
    "integrity",
    "stability",
    "region",
    "measures",
    "response",
    "consequences",
    "diplomacy",
    "channels",
    "contacts",
    "working",
    "groups",
    "experts",
    "proposals",
    "draft",
    "documents",
    "frank",
    "business-like",
    "substantive",
    "constructive",
    "serious",
    "detailed",
    "mutual",
    "understanding",
    "interests",
    "positions",
    "reaffirmed",
    "stressed",
    "noted",
    "agreed",
    "discussed",
    "emphasised",
    "warned",
    "welcomed",
    "expressed",
    "continued",
    "strategic",
    "bilateral",
    "multilateral",
    "international",
    "obligations",
    "commitments",
    "transparency",
    "Kyiv’s",
    "Zürich",
    "naïve",
    "résumé",
    "co-operation—",
    "“frank”",
    "façade",
    "Moscow’s",
];

/// An unbreakable word wider than a narrow pane, as URLs in readouts are.
const LONG_WORD: &str = "https://example.org/readouts/2021/12/30/statement-on-the-telephone-call";

const TOPIC_WORDS: &[&str] = &[
    "harbour",
    "grain",
    "energy",
    "borders",
    "sanctions",
    "prisoners",
    "arms",
    "talks",
    "trade",
    "fisheries",
    "airspace",
    "pipelines",
    "elections",
    "refugees",
    "tariffs",
    "inspections",
];

impl Spec {
    /// A spec for a file of `megabytes` million bytes.
    pub fn megabytes(megabytes: f64, seed: u64, topics: usize) -> Spec {
        Spec {
            bytes: (megabytes * 1e6) as usize,
            seed,
            topics,
        }
    }
}

/// Generates the corpus of a spec. At least one passage per readout; every
/// topic is carried by some passage when there are passages enough.
pub fn generate(spec: &Spec) -> Corpus {
    let topics = spec.topics.max(1);
    let mut random = SplitMix64::new(spec.seed);
    let mut corpus = Corpus {
        seed: spec.seed,
        topics,
        readouts: [Vec::new(), Vec::new()],
    };
    let readout_headers: usize = (0..READOUTS.len()).map(|s| readout_header(s).len()).sum();
    let mut total = corpus.header().len() + readout_headers;
    // Each side's expected share of the passages' bytes, and what it has.
    let passage_bytes = spec.bytes.saturating_sub(total).max(1);
    let expected = [LEFT_SHARE, 100 - LEFT_SHARE].map(|share| passage_bytes * share / 100 + 1);
    let mut sizes = [0usize; 2];
    let mut scratch = String::new();
    while total < spec.bytes || corpus.readouts.iter().any(Vec::is_empty) {
        let side = usize::from(sizes[0] * expected[1] > sizes[1] * expected[0]);
        let place = (sizes[side] * topics / expected[side]).min(topics - 1);
        let passage = GeneratedPassage {
            text: paragraph(&mut random),
            topics: topics_near(place, topics, &mut random),
            quote: random.chance(8),
        };
        scratch.clear();
        push_passage_toml(&mut scratch, &passage);
        sizes[side] += scratch.len();
        total += scratch.len();
        corpus.readouts[side].push(passage);
    }
    carry_every_topic(&mut corpus.readouts[0], topics);
    corpus
}

impl Corpus {
    /// The passages of readout 0 (left) or 1 (right).
    pub fn passages(&self, side: usize) -> &[GeneratedPassage] {
        &self.readouts[side]
    }

    /// The readout file.
    pub fn to_toml(&self) -> String {
        let mut out = self.header();
        for side in 0..READOUTS.len() {
            out.push_str(&readout_header(side));
            for passage in self.passages(side) {
                push_passage_toml(&mut out, passage);
            }
        }
        out
    }

    /// Everything before the readouts: title, meta and topics.
    fn header(&self) -> String {
        let mut out = format!(
            "# Generated by `cargo run --release --example generate` with seed {seed}.\n\
             format = 1\n\
             title = \"Generated readouts, seed {seed}\"\n\
             date = 2021-12-30\n\
             summary = \"Stress input for the benches: made-up passages, not a real event.\"\n\
             \n[meta]\nseed = \"{seed}\"\n",
            seed = self.seed
        );
        for topic in 0..self.topics {
            // Two different words; the number keeps repeated pairs apart.
            let count = TOPIC_WORDS.len();
            let first = topic % count;
            let second = (first + 1 + (topic / count) % (count - 1)) % count;
            let words = [TOPIC_WORDS[first], TOPIC_WORDS[second]];
            let _ = write!(
                out,
                "\n[[topics]]\nid = \"{}\"\nlabel = \"{} {} ({})\"\n",
                topic_id(topic),
                capitalised(words[0]),
                words[1],
                topic + 1
            );
        }
        out
    }
}

/// A readout's table up to its passages.
fn readout_header(side: usize) -> String {
    let (id, label, source) = READOUTS[side];
    format!("\n[[readouts]]\nid = \"{id}\"\nlabel = \"{label}\"\nsource = \"{source}\"\n")
}

fn topic_id(topic: usize) -> String {
    format!("topic-{:03}", topic + 1)
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// A passage's entry: its text as a multi-line string of lines up to 76
/// columns, which the loader joins back into one paragraph.
fn push_passage_toml(out: &mut String, passage: &GeneratedPassage) {
    out.push_str("\n[[readouts.passages]]\ntext = \"\"\"\n");
    let mut line_length = 0;
    for word in passage.text.split(' ') {
        if line_length > 0 && line_length + 1 + word.len() > 76 {
            out.push('\n');
            line_length = 0;
        } else if line_length > 0 {
            out.push(' ');
            line_length += 1;
        }
        out.push_str(word);
        line_length += word.len();
    }
    out.push_str("\"\"\"\n");
    if !passage.topics.is_empty() {
        let ids: Vec<String> = passage
            .topics
            .iter()
            .map(|&topic| format!("\"{}\"", topic_id(topic)))
            .collect();
        let _ = writeln!(out, "topics = [{}]", ids.join(", "));
    }
    if passage.quote {
        out.push_str("quote = true\n");
    }
}

/// A paragraph of sentences of 6–24 words.
fn paragraph(random: &mut SplitMix64) -> String {
    let words = MIN_WORDS + random.below(MAX_WORDS - MIN_WORDS + 1);
    let mut text = String::new();
    let mut sentence_left = 0;
    for index in 0..words {
        let last = index + 1 == words;
        if sentence_left == 0 {
            sentence_left = 6 + random.below(19);
        }
        let word = if random.chance(50) {
            FUNCTION_WORDS[random.below(FUNCTION_WORDS.len())]
        } else if random.one_in(2000) {
            LONG_WORD
        } else {
            CONTENT_WORDS[random.below(CONTENT_WORDS.len())]
        };
        let starts_sentence = text.is_empty() || text.ends_with('.');
        if !text.is_empty() {
            text.push(' ');
        }
        if starts_sentence {
            text.push_str(&capitalised(word));
        } else {
            text.push_str(word);
        }
        sentence_left -= 1;
        if sentence_left == 0 || last {
            text.push('.');
        } else if random.chance(6) {
            text.push(',');
        }
    }
    text
}

/// 0–2 topics for a passage: near `place`, the topic at its point of the
/// reading order (so both sides bring topics up in about the same order),
/// now and then one from anywhere (an anchor that crosses).
fn topics_near(place: usize, topics: usize, random: &mut SplitMix64) -> Vec<usize> {
    let how_many = match random.below(100) {
        0..20 => 0,
        20..75 => 1,
        _ => 2,
    };
    let mut chosen = Vec::with_capacity(2);
    while chosen.len() < how_many.min(topics) {
        let topic = if random.chance(5) {
            random.below(topics)
        } else {
            (place + random.below(7)).saturating_sub(3).min(topics - 1)
        };
        if !chosen.contains(&topic) {
            chosen.push(topic);
        }
    }
    chosen
}

/// Gives every topic that no passage carries yet to the passage nearest its
/// place in the reading order that has room for one, so that the file loads
/// without warnings.
fn carry_every_topic(passages: &mut [GeneratedPassage], topics: usize) {
    let mut carried = vec![false; topics];
    for passage in passages.iter() {
        for &topic in &passage.topics {
            carried[topic] = true;
        }
    }
    let count = passages.len();
    for topic in (0..topics).filter(|&topic| !carried[topic]) {
        let place = topic * count / topics;
        let with_room = (0..count)
            .flat_map(|distance| [place + distance, place.wrapping_sub(distance)])
            .find(|&index| passages.get(index).is_some_and(|p| p.topics.len() < 2));
        if let Some(index) = with_room {
            passages[index].topics.push(topic);
        }
    }
}

/// SplitMix64 (Steele, Lea and Flood): tiny, fast and good enough to make
/// text; the benches need the same bytes for the same seed, not security.
struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    fn new(seed: u64) -> Self {
        SplitMix64 { state: seed }
    }

    fn next(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..bound` (`bound` > 0), by multiply-shift.
    fn below(&mut self, bound: usize) -> usize {
        ((u128::from(self.next()) * bound as u128) >> 64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn one_in(&mut self, odds: usize) -> bool {
        self.below(odds) == 0
    }
}
