//! Suggested topics: what both readouts talk about. No model and no
//! network; the same texts always give the same topics.
//!
//! 1. Passages are compared sentence by sentence, so that a passage about
//!    two subjects can meet both. Each sentence is read into its words
//!    ([`super::words`]) and what it holds of the vocabulary of diplomacy
//!    ([`super::vocabulary`]): subjects, and the other forms of names.
//! 2. Each side's first sentence, when it only says that the call took
//!    place (who called whom, when), is the opening formula: both sides'
//!    make a topic of their own, and take no part in anything else.
//! 3. Words for the sides (president, leader) and of the opening formula
//!    (telephone, conversation), the names after a title ("President
//!    Vladimir Putin"), the names the opening formulas use, and names that
//!    many passages of both sides use are weak evidence: they weigh
//!    [`WEAK`] of other words.
//! 4. A subject of the vocabulary that both sides speak of is a topic: the
//!    sentences that speak of it, in whatever words, are linked.
//! 5. Every other pair of sentences, one from each side, is scored by the
//!    cosine of their TF-IDF vectors, unless a subject links them already.
//!    Two sentences are linked when each is the other's best match among
//!    the sentences it shares a term with that is not weak, and they score
//!    at least [`THRESHOLD`]. A sentence left without a link, whose best
//!    match is a linked sentence scoring at least [`ALSO_THRESHOLD`] with
//!    it, is linked to it too.
//! 6. Links of one subject make one topic; so do links that share a
//!    sentence and a word, and links of the same two passages. A topic carries the passages of its sentences;
//!    a passage that begins in lower case, the rest of the sentence before
//!    it, carries the topics of that one when it has none of its own.
//! 7. A topic is named by its subject; else by a phrase both sides use,
//!    else by its weightiest shared word or name; never by the sides' names,
//!    which are weak.

use std::collections::BTreeMap;

use super::split::sentences;
use super::vocabulary::{Found, VOCABULARY};
use super::words::{Word, WordFinder, span};
use crate::document::load::slug;

/// The lowest cosine score that links two sentences that are each other's
/// best match: about one distinctive word in common between two sentences
/// of a dozen words.
pub const THRESHOLD: f64 = 0.06;

/// The lowest cosine score that links a sentence left without a link to its
/// best match, a sentence linked already: more than one distinctive word.
pub const ALSO_THRESHOLD: f64 = 0.1;

/// What a weak word weighs, against 1 for any other.
pub const WEAK: f64 = 0.3;

/// A name that both sides use, in at least this share of all passages and
/// at least [`COMMON_NAME_PASSAGES`] of them, is common to the whole call,
/// and so weak evidence.
const COMMON_NAME_SHARE: f64 = 0.25;
const COMMON_NAME_PASSAGES: usize = 3;

/// The label of the topic made of the opening formulas.
const OPENING_LABEL: &str = "Who called whom";

/// How many shared words a suggestion reports for review.
const REPORTED_WORDS: usize = 5;

/// A suggested topic.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub id: String,
    pub label: String,
    /// The passages that carry it, by index, on each side, in order.
    pub left: Vec<usize>,
    pub right: Vec<usize>,
    /// Why its passages go together.
    pub evidence: Evidence,
}

/// Why a suggestion's passages go together.
#[derive(Debug, Clone, PartialEq)]
pub enum Evidence {
    /// They are the two sides' opening formulas.
    Opening,
    /// They speak of one subject: the words each side names it by, as
    /// written, first use first.
    Subject {
        left: Vec<String>,
        right: Vec<String>,
    },
    /// They share words: the most distinctive first, as written, and the
    /// highest score among the links.
    Words { shared: Vec<String>, score: f64 },
}

/// Suggests the topics shared by two readouts, given their passages; in the
/// order they first come up on the left.
pub fn suggest(left: &[String], right: &[String]) -> Vec<Suggestion> {
    let corpus = Corpus::new(left, right);
    let mut suggestions: Vec<Suggestion> = corpus.opening().into_iter().collect();
    let links = corpus.links();
    suggestions.extend(
        group(&links)
            .iter()
            .map(|members| corpus.suggestion(members)),
    );
    carry_continuations(&mut suggestions, left, right);
    suggestions.sort_by_key(|s| (s.left.first().copied(), s.right.first().copied()));
    let mut used: Vec<String> = Vec::new();
    for suggestion in &mut suggestions {
        suggestion.id = unused_id(&suggestion.id, &used);
        used.push(suggestion.id.clone());
    }
    suggestions
}

/// What a term stands for.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    /// A content word, by stem.
    Word(String),
    /// A subject of the vocabulary.
    Subject(usize),
    /// A group of names of the vocabulary.
    Names(usize),
}

/// A term of the corpus.
struct Term {
    key: Key,
    /// Inverse document frequency over the sentences: high for a term few
    /// sentences use.
    idf: f64,
    /// The way the text writes the word or name (see [`written_form`]);
    /// empty for a subject.
    written: String,
    /// A name: a group of names, or a word the text always capitalises.
    is_name: bool,
    /// Weak evidence (step 3).
    weak: bool,
}

/// One sentence of a passage.
struct Sentence {
    passage: usize,
    text: String,
    words: Vec<Word>,
    found: Found,
    /// Its terms, each once, sorted.
    terms: Vec<usize>,
    /// The term of each content word and name, in reading order, with the
    /// place of its (first) word in `words`.
    sequence: Vec<(usize, usize)>,
    /// A unit vector of (term, weight), sorted by term.
    vector: Vec<(usize, f64)>,
    /// Whether it is its side's opening formula.
    opening: bool,
}

impl Sentence {
    /// The place after the words of the term whose first word is at `at`:
    /// a name can be several words ("United Nations").
    fn end_of_term_at(&self, at: usize) -> usize {
        self.found
            .name_words
            .iter()
            .find(|(_, places)| places.start == at)
            .map_or(at + 1, |(_, places)| places.end)
    }

    fn weight(&self, term: usize) -> f64 {
        self.vector
            .binary_search_by_key(&term, |(t, _)| *t)
            .map_or(0.0, |at| self.vector[at].1)
    }

    /// Pairs of different terms that follow each other, stop words aside
    /// ("harbour treaty"), neither of them weak, with the places of their
    /// words.
    fn phrases(&self, terms: &[Term]) -> Vec<((usize, usize), (usize, usize))> {
        self.sequence
            .windows(2)
            .map(|pair| ((pair[0].0, pair[1].0), (pair[0].1, pair[1].1)))
            .filter(|&((a, b), _)| a != b && !terms[a].weak && !terms[b].weak)
            .collect()
    }
}

/// Two sentences, one on each side, that go together.
struct Link {
    left: usize,
    right: usize,
    /// Their passages.
    passages: (usize, usize),
    /// The subject that links them, if a subject does.
    subject: Option<usize>,
    score: f64,
    /// The terms both sentences use that are evidence: not weak.
    shared: Vec<usize>,
}

struct Corpus {
    terms: Vec<Term>,
    left: Vec<Sentence>,
    right: Vec<Sentence>,
}

impl Corpus {
    fn new(left: &[String], right: &[String]) -> Self {
        let finder = WordFinder::new();
        let read_side = |passages: &[String]| -> Vec<(usize, String, Vec<Word>)> {
            passages
                .iter()
                .enumerate()
                .flat_map(|(at, passage)| {
                    sentences(passage)
                        .into_iter()
                        .map(move |sentence| (at, sentence))
                })
                .map(|(at, sentence)| {
                    let words = finder.words(&sentence);
                    (at, sentence, words)
                })
                .collect()
        };
        let mut builder = Builder::default();
        let mut sides = [read_side(left), read_side(right)].map(|side| {
            side.into_iter()
                .map(|(passage, text, words)| builder.sentence(passage, text, words))
                .collect::<Vec<Sentence>>()
        });
        for side in &mut sides {
            if let Some(first) = side.first_mut() {
                first.opening = is_opening(first);
            }
        }
        let [left_sentences, right_sentences] = sides;
        let mut corpus = Corpus {
            terms: builder.terms(),
            left: left_sentences,
            right: right_sentences,
        };
        corpus.mark_weak([left.len(), right.len()]);
        corpus.weigh();
        corpus
    }

    /// Step 3: the weak terms.
    fn mark_weak(&mut self, passage_counts: [usize; 2]) {
        let mut weak = vec![false; self.terms.len()];
        for sentence in self.left.iter().chain(&self.right) {
            let mut after_title = false;
            for &(term, at) in &sentence.sequence {
                let word = &sentence.words[at];
                let capitalised = word.written.starts_with(char::is_uppercase);
                // "President Vladimir Putin": the names after a title are a side's.
                weak[term] |= sentence.found.formula[at] || (after_title && capitalised);
                after_title = capitalised && (sentence.found.party[at] || after_title);
            }
            if sentence.opening {
                for &term in &sentence.terms {
                    weak[term] |= self.terms[term].is_name;
                }
            }
        }
        // Names common to the whole call.
        let mut passages_using: Vec<[Vec<usize>; 2]> =
            vec![[Vec::new(), Vec::new()]; self.terms.len()];
        for (side, sentences) in [&self.left, &self.right].into_iter().enumerate() {
            for sentence in sentences {
                for &term in &sentence.terms {
                    let passages = &mut passages_using[term][side];
                    if passages.last() != Some(&sentence.passage) {
                        passages.push(sentence.passage);
                    }
                }
            }
        }
        let all_passages = (passage_counts[0] + passage_counts[1]) as f64;
        for (term, using) in passages_using.iter().enumerate() {
            let count = using[0].len() + using[1].len();
            let common = !using[0].is_empty()
                && !using[1].is_empty()
                && count >= COMMON_NAME_PASSAGES
                && count as f64 >= COMMON_NAME_SHARE * all_passages;
            if common && self.terms[term].is_name {
                weak[term] = true;
            }
        }
        for (term, is_weak) in self.terms.iter_mut().zip(weak) {
            term.weak = is_weak;
        }
    }

    /// Each sentence's unit vector of TF-IDF weights, weak terms weighing
    /// [`WEAK`] of the rest. Opening formulas count in no frequency.
    fn weigh(&mut self) {
        let mut document_frequency = vec![0usize; self.terms.len()];
        let counted = self.left.iter().chain(&self.right).filter(|s| !s.opening);
        let mut sentence_count = 0usize;
        for sentence in counted {
            sentence_count += 1;
            for &term in &sentence.terms {
                document_frequency[term] += 1;
            }
        }
        for (term, &df) in self.terms.iter_mut().zip(&document_frequency) {
            term.idf = ((1.0 + sentence_count as f64) / (1.0 + df as f64)).ln() + 1.0;
        }
        let terms = &self.terms;
        for sentence in self.left.iter_mut().chain(&mut self.right) {
            let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
            for &(term, _) in &sentence.sequence {
                *counts.entry(term).or_insert(0) += 1;
            }
            for &term in &sentence.terms {
                counts.entry(term).or_insert(1);
            }
            let mut vector: Vec<(usize, f64)> = counts
                .into_iter()
                .map(|(term, n)| {
                    let factor = if terms[term].weak { WEAK } else { 1.0 };
                    (term, (1.0 + (n as f64).ln()) * terms[term].idf * factor)
                })
                .collect();
            let length = vector.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
            if length > 0.0 {
                for (_, weight) in &mut vector {
                    *weight /= length;
                }
            }
            sentence.vector = vector;
        }
    }

    /// Step 2: the topic of the two opening formulas, when both sides open
    /// with one.
    fn opening(&self) -> Option<Suggestion> {
        let left = self.left.first().filter(|s| s.opening)?;
        let right = self.right.first().filter(|s| s.opening)?;
        Some(Suggestion {
            id: slug(OPENING_LABEL),
            label: OPENING_LABEL.to_string(),
            left: vec![left.passage],
            right: vec![right.passage],
            evidence: Evidence::Opening,
        })
    }

    /// The cosine score of a pair of sentences.
    fn score(&self, left: usize, right: usize) -> f64 {
        dot(&self.left[left].vector, &self.right[right].vector)
    }

    /// The terms two sentences share that are evidence that they go
    /// together: not weak.
    fn evidence(&self, left: usize, right: usize) -> Vec<usize> {
        let (a, b) = (&self.left[left].terms, &self.right[right].terms);
        a.iter()
            .copied()
            .filter(|term| b.binary_search(term).is_ok() && !self.terms[*term].weak)
            .collect()
    }

    /// Steps 4 and 5.
    fn links(&self) -> Vec<Link> {
        let mut links: Vec<Link> = Vec::new();
        for (l, left) in self.left.iter().enumerate().filter(|(_, s)| !s.opening) {
            for (r, right) in self.right.iter().enumerate().filter(|(_, s)| !s.opening) {
                for &subject in &left.found.subjects {
                    if right.found.subjects.contains(&subject) {
                        links.push(self.link(l, r, Some(subject)));
                    }
                }
            }
        }
        let (best_right, best_left) = self.best_matches();
        let above = |best: &Option<Match>, threshold: f64| {
            best.filter(|m| m.score >= threshold).map(|m| m.sentence)
        };
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for (l, best) in best_right.iter().enumerate() {
            if let Some(r) = above(best, THRESHOLD)
                && best_left[r].map(|m| m.sentence) == Some(l)
            {
                pairs.push((l, r));
            }
        }
        let mut left_linked = vec![false; self.left.len()];
        let mut right_linked = vec![false; self.right.len()];
        let subject_pairs = links.iter().map(|link| (link.left, link.right));
        for (l, r) in pairs.iter().copied().chain(subject_pairs) {
            left_linked[l] = true;
            right_linked[r] = true;
        }
        for (l, best) in best_right.iter().enumerate() {
            if let Some(r) = above(best, ALSO_THRESHOLD)
                && !left_linked[l]
                && right_linked[r]
            {
                pairs.push((l, r));
            }
        }
        for (r, best) in best_left.iter().enumerate() {
            if let Some(l) = above(best, ALSO_THRESHOLD)
                && !right_linked[r]
                && left_linked[l]
            {
                pairs.push((l, r));
            }
        }
        links.extend(pairs.into_iter().map(|(l, r)| self.link(l, r, None)));
        links
    }

    fn link(&self, left: usize, right: usize, subject: Option<usize>) -> Link {
        Link {
            left,
            right,
            passages: (self.left[left].passage, self.right[right].passage),
            subject,
            score: self.score(left, right),
            shared: self.evidence(left, right),
        }
    }

    /// Each sentence's best match on the other side among the sentences it
    /// shares evidence with and no subject: the highest positive score,
    /// the first on a tie. Opening formulas match nothing; two sentences
    /// that a subject links need no other link, so that a sentence about
    /// two subjects can meet its counterpart for the other one.
    fn best_matches(&self) -> (Vec<Option<Match>>, Vec<Option<Match>>) {
        let mut best_right: Vec<Option<Match>> = vec![None; self.left.len()];
        let mut best_left: Vec<Option<Match>> = vec![None; self.right.len()];
        for (l, best_for_left) in best_right.iter_mut().enumerate() {
            let left = &self.left[l];
            if left.opening {
                continue;
            }
            for (r, best_for_right) in best_left.iter_mut().enumerate() {
                let right = &self.right[r];
                let share_subject = left
                    .found
                    .subjects
                    .iter()
                    .any(|s| right.found.subjects.contains(s));
                if right.opening || share_subject || self.evidence(l, r).is_empty() {
                    continue;
                }
                let score = self.score(l, r);
                keep_better(best_for_left, r, score);
                keep_better(best_for_right, l, score);
            }
        }
        (best_right, best_left)
    }

    /// The suggestion made of some links, named after what its sentences
    /// share.
    fn suggestion(&self, links: &[&Link]) -> Suggestion {
        let mut left: Vec<usize> = links.iter().map(|l| self.left[l.left].passage).collect();
        let mut right: Vec<usize> = links.iter().map(|l| self.right[l.right].passage).collect();
        left.sort_unstable();
        left.dedup();
        right.sort_unstable();
        right.dedup();
        if let Some(subject) = main_subject(links) {
            let label = VOCABULARY.subjects[subject].label.clone();
            let words_of = |sentences: Vec<&Sentence>| -> Vec<String> {
                let mut words: Vec<String> = Vec::new();
                for sentence in sentences {
                    for (found, places) in &sentence.found.subject_words {
                        let written = span(&sentence.text, &sentence.words[places.clone()]);
                        let known = words
                            .iter()
                            .any(|w| w.to_lowercase() == written.to_lowercase());
                        if *found == subject && !known {
                            words.push(written.to_string());
                        }
                    }
                }
                words
            };
            let mut left_sentences: Vec<usize> = links.iter().map(|l| l.left).collect();
            let mut right_sentences: Vec<usize> = links.iter().map(|l| l.right).collect();
            left_sentences.sort_unstable();
            left_sentences.dedup();
            right_sentences.sort_unstable();
            right_sentences.dedup();
            return Suggestion {
                id: slug(&label),
                label,
                left,
                right,
                evidence: Evidence::Subject {
                    left: words_of(left_sentences.iter().map(|&s| &self.left[s]).collect()),
                    right: words_of(right_sentences.iter().map(|&s| &self.right[s]).collect()),
                },
            };
        }
        let mut shared: Vec<usize> = links.iter().flat_map(|link| link.shared.clone()).collect();
        shared.sort_unstable();
        shared.dedup();
        shared.retain(|&term| !matches!(self.terms[term].key, Key::Subject(_)));
        let topic = Topic {
            left: links.iter().map(|l| &self.left[l.left]).collect(),
            right: links.iter().map(|l| &self.right[l.right]).collect(),
        };
        // Most distinctive first; reading order breaks ties, for stability.
        shared.sort_by(|&a, &b| {
            topic
                .weight(b)
                .total_cmp(&topic.weight(a))
                .then_with(|| topic.first_use(a).cmp(&topic.first_use(b)))
        });
        let name = topic.name(&shared, &self.terms);
        let label = capitalise(&name.join(" "));
        // Only ascii letters make an id: a word with others would be cut.
        let ascii: Vec<&str> = name
            .iter()
            .flat_map(|words| words.split(' '))
            .filter(|w| w.is_ascii())
            .collect();
        Suggestion {
            id: slug(&ascii.join(" ")),
            label,
            left,
            right,
            evidence: Evidence::Words {
                shared: shared
                    .iter()
                    .take(REPORTED_WORDS)
                    .map(|&term| self.terms[term].written.clone())
                    .collect(),
                score: links.iter().map(|link| link.score).fold(0.0, f64::max),
            },
        }
    }
}

/// Reads sentences into terms, numbering terms as they first come.
#[derive(Default)]
struct Builder {
    keys: Vec<Key>,
    /// The ways each word term is written, with counts.
    forms: Vec<Vec<(String, usize)>>,
    index: BTreeMap<Key, usize>,
}

impl Builder {
    fn term(&mut self, key: Key) -> usize {
        if let Some(&term) = self.index.get(&key) {
            return term;
        }
        self.keys.push(key.clone());
        self.forms.push(Vec::new());
        self.index.insert(key, self.keys.len() - 1);
        self.keys.len() - 1
    }

    /// Counts one way a term is written.
    fn seen(&mut self, term: usize, written: &str) {
        let forms = &mut self.forms[term];
        match forms.iter_mut().find(|(form, _)| form == written) {
            Some((_, n)) => *n += 1,
            None => forms.push((written.to_string(), 1)),
        }
    }

    fn sentence(&mut self, passage: usize, text: String, words: Vec<Word>) -> Sentence {
        let found = VOCABULARY.find(&words);
        let mut sequence = Vec::new();
        // A word of a name found counts as the name's group, not itself.
        for (at, word) in words.iter().enumerate() {
            if word.content && !found.named[at] {
                let term = self.term(Key::Word(word.stem.clone()));
                self.seen(term, &word.written);
                sequence.push((term, at));
            }
        }
        for (group, places) in &found.name_words {
            let term = self.term(Key::Names(*group));
            self.seen(term, span(&text, &words[places.clone()]));
            sequence.push((term, places.start));
        }
        sequence.sort_by_key(|&(_, at)| at);
        let mut terms: Vec<usize> = sequence.iter().map(|&(term, _)| term).collect();
        terms.extend(found.subjects.iter().map(|&s| self.term(Key::Subject(s))));
        terms.sort_unstable();
        terms.dedup();
        Sentence {
            passage,
            text,
            words,
            found,
            terms,
            sequence,
            vector: Vec::new(),
            opening: false,
        }
    }

    fn terms(self) -> Vec<Term> {
        self.keys
            .into_iter()
            .zip(self.forms)
            .map(|(key, forms)| {
                let written = written_form(&forms);
                let is_name = match key {
                    Key::Names(_) => true,
                    Key::Subject(_) => false,
                    Key::Word(_) => written.chars().next().is_some_and(char::is_uppercase),
                };
                Term {
                    key,
                    idf: 1.0,
                    written,
                    is_name,
                    weak: false,
                }
            })
            .collect()
    }
}

/// Whether a side's first sentence is its opening formula: it reports the
/// call, and has at most two words besides the formula's and names.
fn is_opening(sentence: &Sentence) -> bool {
    let others = sentence
        .words
        .iter()
        .enumerate()
        .filter(|(at, word)| {
            word.content
                && !sentence.found.formula[*at]
                && !word.written.starts_with(char::is_uppercase)
        })
        .count();
    sentence.found.has_call && others <= 2
}

/// How a word is shown: in lower case when the text ever writes it so,
/// else as written ("NATO", "Geneva"); the most frequent way first, the
/// earliest on a tie.
fn written_form(forms: &[(String, usize)]) -> String {
    let is_lower = |form: &str| form.to_lowercase() == form;
    let mut best: Option<(&str, usize)> = None;
    for (form, count) in forms {
        let better = match best {
            None => true,
            Some((kept, kept_count)) => (is_lower(form), *count) > (is_lower(kept), kept_count),
        };
        if better {
            best = Some((form, *count));
        }
    }
    best.map(|(form, _)| form.to_string()).unwrap_or_default()
}

/// The subject most of the links are of, the first in the vocabulary on a
/// tie; `None` when no link is of a subject.
fn main_subject(links: &[&Link]) -> Option<usize> {
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for subject in links.iter().filter_map(|link| link.subject) {
        *counts.entry(subject).or_insert(0) += 1;
    }
    let most = counts.values().copied().max()?;
    counts
        .into_iter()
        .find(|&(_, count)| count == most)
        .map(|(subject, _)| subject)
}

/// The sentences of one suggested topic, on each side.
struct Topic<'c> {
    left: Vec<&'c Sentence>,
    right: Vec<&'c Sentence>,
}

impl Topic<'_> {
    fn sentences(&self) -> impl Iterator<Item = &Sentence> {
        self.left.iter().chain(&self.right).copied()
    }

    /// How much a term means to the topic's sentences, together.
    fn weight(&self, term: usize) -> f64 {
        self.sentences().map(|s| s.weight(term)).sum()
    }

    /// Where the topic's sentences first use a term: (sentence, word).
    fn first_use(&self, term: usize) -> (usize, usize) {
        self.sentences()
            .enumerate()
            .find_map(|(n, s)| {
                s.sequence
                    .iter()
                    .position(|&(t, _)| t == term)
                    .map(|at| (n, at))
            })
            .unwrap_or((usize::MAX, usize::MAX))
    }

    /// The words to name the topic by: the weightiest phrase that both
    /// sides use, as the left side writes it (with the little words inside
    /// it: "stable and predictable"); else the weightiest shared word that
    /// is no name and the next weightiest shared word or name, in reading
    /// order ("fishing quotas", "meeting Tromsø"); else the two weightiest
    /// names ("NATO Council", "OSCE").
    /// `shared` is sorted by weight. Weak words are never shared, so a topic
    /// is never named after the sides.
    fn name(&self, shared: &[usize], terms: &[Term]) -> Vec<String> {
        let right_phrases: Vec<(usize, usize)> = self
            .right
            .iter()
            .flat_map(|s| s.phrases(terms).into_iter().map(|(phrase, _)| phrase))
            .collect();
        let mut best_phrase: Option<(String, f64)> = None;
        for sentence in &self.left {
            for (phrase, (from, to)) in sentence.phrases(terms) {
                let evidence = shared.contains(&phrase.0) && shared.contains(&phrase.1);
                let weight = self.weight(phrase.0) + self.weight(phrase.1);
                if evidence
                    && right_phrases.contains(&phrase)
                    && best_phrase.as_ref().is_none_or(|(_, kept)| weight > *kept)
                {
                    let end = sentence.end_of_term_at(to);
                    let phrase = span(&sentence.text, &sentence.words[from..end]);
                    best_phrase = Some((phrase.to_string(), weight));
                }
            }
        }
        if let Some((phrase, _)) = best_phrase {
            return vec![phrase];
        }
        let mut name: Vec<usize> = match shared.iter().copied().find(|&t| !terms[t].is_name) {
            Some(word) => std::iter::once(word)
                .chain(shared.iter().copied().find(|&other| other != word))
                .collect(),
            None => shared.iter().copied().take(2).collect(),
        };
        name.sort_by_key(|&term| self.first_use(term));
        name.iter()
            .map(|&term| terms[term].written.clone())
            .collect()
    }
}

/// Step 6: the links of one subject, or that share a sentence and a word,
/// or link the same two passages, grouped; each group in link order, groups
/// in the order of their first link.
fn group(links: &[Link]) -> Vec<Vec<&Link>> {
    let mut root: Vec<usize> = (0..links.len()).collect();
    fn find(root: &mut [usize], mut at: usize) -> usize {
        while root[at] != at {
            root[at] = root[root[at]];
            at = root[at];
        }
        at
    }
    for (a, first) in links.iter().enumerate() {
        for (b, second) in links.iter().enumerate().skip(a + 1) {
            let same_pair = first.passages == second.passages;
            let same_subject = first.subject.is_some() && first.subject == second.subject;
            let share_sentence = first.left == second.left || first.right == second.right;
            let share_word = first.shared.iter().any(|t| second.shared.contains(t));
            if same_pair || same_subject || (share_sentence && share_word) {
                let (ra, rb) = (find(&mut root, a), find(&mut root, b));
                root[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<&Link>> = BTreeMap::new();
    for (at, link) in links.iter().enumerate() {
        let group_root = find(&mut root, at);
        groups.entry(group_root).or_default().push(link);
    }
    groups.into_values().collect()
}

/// Step 6's last rule: a passage that begins in lower case continues the
/// one before it ("… invasion of Ukraine," / "to which Putin gave …"), and
/// carries its topics when it has none of its own.
fn carry_continuations(suggestions: &mut [Suggestion], left: &[String], right: &[String]) {
    for (passages, side_of) in [
        (
            left,
            (|s: &mut Suggestion| &mut s.left) as fn(&mut Suggestion) -> &mut Vec<usize>,
        ),
        (right, |s: &mut Suggestion| &mut s.right),
    ] {
        for (at, passage) in passages.iter().enumerate().skip(1) {
            let continues = passage.chars().next().is_some_and(char::is_lowercase);
            let untagged = suggestions.iter_mut().all(|s| !side_of(s).contains(&at));
            if !continues || !untagged {
                continue;
            }
            for suggestion in suggestions.iter_mut() {
                let side = side_of(suggestion);
                if side.contains(&(at - 1)) {
                    side.push(at);
                    side.sort_unstable();
                }
            }
        }
    }
}

/// A sentence on the other side and how well it matches.
#[derive(Debug, Clone, Copy)]
struct Match {
    sentence: usize,
    score: f64,
}

/// Keeps `candidate` as the best match when it scores higher than the one
/// kept (and above 0), so that the first of equal matches stays.
fn keep_better(best: &mut Option<Match>, candidate: usize, score: f64) {
    if score > best.map_or(0.0, |kept| kept.score) {
        *best = Some(Match {
            sentence: candidate,
            score,
        });
    }
}

fn dot(a: &[(usize, f64)], b: &[(usize, f64)]) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `id`, or `topic` when the name has no ascii letter to make an id of,
/// with a number added when an earlier topic has it already.
fn unused_id(id: &str, used: &[String]) -> String {
    let base = if id.is_empty() { "topic" } else { id };
    let mut candidate = base.to_string();
    let mut number = 2;
    while used.contains(&candidate) {
        candidate = format!("{base}-{number}");
        number += 1;
    }
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(passages: &[&str]) -> Vec<String> {
        passages.iter().map(|p| p.to_string()).collect()
    }

    /// Each suggestion as (label, left passages, right passages).
    fn topics(left: &[&str], right: &[&str]) -> Vec<(String, Vec<usize>, Vec<usize>)> {
        suggest(&texts(left), &texts(right))
            .into_iter()
            .map(|s| (s.label, s.left, s.right))
            .collect()
    }

    fn topic(label: &str, left: &[usize], right: &[usize]) -> (String, Vec<usize>, Vec<usize>) {
        (label.to_string(), left.to_vec(), right.to_vec())
    }

    #[test]
    fn passages_that_are_each_others_best_match_are_linked() {
        let left = [
            "The harbour treaty will be signed in June.",
            "Fishing quotas were discussed.",
        ];
        let right = [
            "Quotas for fishing stay as they are.",
            "Weather permitting, ferries sail daily.",
            "South wants the harbour treaty signed later.",
        ];
        assert_eq!(
            topics(&left, &right),
            [
                topic("Harbour treaty", &[0], &[2]),
                topic("Fishing quotas", &[1], &[0]),
            ]
        );
    }

    #[test]
    fn passages_with_no_word_in_common_are_not_linked() {
        assert!(topics(&["Apples were sold."], &["Oranges, mostly."]).is_empty());
        assert!(topics(&["Numbers: 1, 2, 3."], &["1 2 3"]).is_empty());
    }

    #[test]
    fn the_sides_names_and_titles_link_nothing() {
        let left = [
            "President Biden said the United States would send grain.",
            "Biden and Putin agreed that the United States and Russia would talk.",
        ];
        let right = [
            "President Biden urged Russia and President Putin to free the fleet.",
            "Biden told Putin that the United States stands by Russia's neighbours.",
        ];
        assert!(
            topics(&left, &right).is_empty(),
            "{:?}",
            topics(&left, &right)
        );
    }

    #[test]
    fn a_passage_about_two_subjects_carries_two_topics() {
        let left = ["They discussed fishing quotas and the dredging of the channel."];
        let right = [
            "Fishing quotas must not be cut.",
            "South will pay for dredging the channel.",
        ];
        let found = topics(&left, &right);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!((found[0].1.clone(), found[0].2.clone()), (vec![0], vec![0]));
        assert_eq!((found[1].1.clone(), found[1].2.clone()), (vec![0], vec![1]));
    }

    #[test]
    fn a_third_passage_on_the_same_subject_joins_the_topic() {
        let left = [
            "The next meeting will be held in Tromsø.",
            "North will send the agenda for the September meeting.",
            "Ferries run daily.",
        ];
        let right = ["They agreed to meet again in Tromsø in September."];
        assert_eq!(
            topics(&left, &right),
            [topic("Meeting Tromsø", &[0, 1], &[0])]
        );
    }

    #[test]
    fn the_opening_formulas_are_a_topic_that_links_nothing_else() {
        let left = [
            "Vladimir Putin had a telephone conversation with Joseph Biden. They \
             discussed the harbour treaty.",
            "The presidents agreed to talk again.",
        ];
        let right = [
            "President Biden spoke today with President Putin.",
            "President Biden raised the harbour treaty.",
            "The two presidents will talk again by telephone.",
        ];
        let found = suggest(&texts(&left), &texts(&right));
        let summary: Vec<(&str, &[usize], &[usize])> = found
            .iter()
            .map(|s| (s.label.as_str(), &s.left[..], &s.right[..]))
            .collect();
        assert_eq!(
            summary,
            [
                ("Who called whom", &[0][..], &[0][..]),
                ("Harbour treaty", &[0][..], &[1][..]),
                ("Talk", &[1][..], &[2][..]),
            ]
        );
        assert_eq!(found[0].evidence, Evidence::Opening);
    }

    #[test]
    fn a_first_sentence_with_more_to_say_is_no_opening_formula() {
        let left = [
            "According to the Kremlin, the conversation focused on security guarantees \
                     and the harbour treaty.",
        ];
        let right = [
            "The tone of the conversation was serious and substantive, the harbour \
                      treaty aside.",
        ];
        let found = suggest(&texts(&left), &texts(&right));
        assert!(
            found.iter().all(|s| s.evidence != Evidence::Opening),
            "{found:?}"
        );
    }

    #[test]
    fn a_subject_links_passages_in_other_words() {
        let left = [
            "The presidents continued their dialogue on countering cybercrime.",
            "Both leaders positively assessed the weather.",
        ];
        let right = [
            "President Biden raised the ongoing ransomware attacks.",
            "The two leaders discussed grain.",
        ];
        let found = suggest(&texts(&left), &texts(&right));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].label, "Cyber threats");
        assert_eq!(
            (found[0].left.clone(), found[0].right.clone()),
            (vec![0], vec![0])
        );
        assert_eq!(
            found[0].evidence,
            Evidence::Subject {
                left: vec!["cybercrime".to_string()],
                right: vec!["ransomware".to_string()],
            }
        );
    }

    #[test]
    fn names_meet_their_other_forms_and_name_a_topic() {
        let left = ["Negotiations are also to be held at the OSCE on January 13."];
        let right = ["Talks follow at the Organization for Security and Cooperation in Europe."];
        let found = suggest(&texts(&left), &texts(&right));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            (found[0].id.as_str(), found[0].label.as_str()),
            ("osce", "OSCE")
        );
    }

    #[test]
    fn a_passage_that_continues_the_one_before_carries_its_topics() {
        let left = [
            "The American president warned of new sanctions in case of an invasion,",
            "to which Putin gave an exhaustive response.",
            "They spoke of grain.",
        ];
        let right = ["The United States will respond decisively."];
        assert_eq!(
            topics(&left, &right),
            [topic("Sanctions and other responses", &[0, 1], &[0])]
        );
    }

    #[test]
    fn labels_keep_how_the_text_writes_words_and_ids_stay_apart() {
        let left = [
            "NATO and the Council met; the council agreed.",
            "The harbour treaty was signed.",
        ];
        let right = [
            "NATO asked the council to meet.",
            "Harbour treaty talks go on.",
        ];
        let found = suggest(&texts(&left), &texts(&right));
        let names: Vec<(&str, &str)> = found
            .iter()
            .map(|s| (s.id.as_str(), s.label.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("nato-council", "NATO council"),
                ("harbour-treaty", "Harbour treaty")
            ]
        );
        assert_eq!(unused_id("talks", &["talks".to_string()]), "talks-2");
        assert_eq!(
            unused_id("", &["topic".to_string(), "topic-2".to_string()]),
            "topic-3"
        );
    }

    #[test]
    fn words_without_ascii_letters_leave_the_id_to_a_fallback() {
        let found = suggest(
            &texts(&["Переговоры в Женеве продолжатся."]),
            &texts(&["Переговоры в Женеве завершены."]),
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].id, "topic");
        assert_eq!(found[0].label, "Переговоры в Женеве");
    }

    #[test]
    fn the_same_texts_give_the_same_suggestions() {
        let left = texts(&["Treaty and quotas.", "Quotas again.", "The treaty."]);
        let right = texts(&["The quotas.", "A treaty.", "Treaty, quotas."]);
        assert_eq!(suggest(&left, &right), suggest(&left, &right));
    }
}
