//! Suggested topics: what both readouts talk about, found from the words
//! they share. No model and no network; the same texts always give the same
//! topics.
//!
//! 1. Each passage becomes a vector of its content words ([`super::words`]),
//!    weighted by TF-IDF over the passages of both sides, so that a word many
//!    passages use counts for little.
//! 2. Every pair of passages, one from each side, is scored by the cosine of
//!    their vectors: 0 when they share no word, 1 for the same words.
//! 3. Two passages are linked when each is the other's best match and their
//!    score reaches [`THRESHOLD`].
//! 4. A passage left without a link, whose best match is a linked passage
//!    scoring at least [`THRESHOLD`] with it, is linked to that passage too:
//!    a third passage on the same subject, or the other half of a passage
//!    about two subjects.
//! 5. Links that share a passage and a word make one topic. A passage in
//!    links of two topics carries both; a passage with no link, none.
//! 6. A topic is named from its most distinctive shared words: a two-word
//!    phrase both sides use, else its two weightiest shared words.

use std::collections::BTreeMap;

use super::words::{Word, WordFinder};
use crate::document::load::slug;

/// The lowest cosine score that links two passages. Two sentences that
/// share one word that many passages use (a name both sides repeat, such as
/// "Biden") score under 0.1; two that share a word or two that few passages
/// use score 0.15 and more.
pub const THRESHOLD: f64 = 0.15;

/// How many shared words a topic's name is made of.
const NAME_WORDS: usize = 2;
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
    /// The words its passages share, most distinctive first, as written.
    pub shared_words: Vec<String>,
    /// The highest score among the links that make it.
    pub score: f64,
}

/// Suggests the topics shared by two readouts, given their passages; in the
/// order they first come up on the left.
pub fn suggest(left: &[String], right: &[String]) -> Vec<Suggestion> {
    let corpus = Corpus::new(left, right);
    let links = corpus.links();
    let mut suggestions: Vec<Suggestion> = group(&links)
        .iter()
        .map(|members| corpus.suggestion(members))
        .collect();
    suggestions.sort_by_key(|s| (s.left.first().copied(), s.right.first().copied()));
    let mut used: Vec<String> = Vec::new();
    for suggestion in &mut suggestions {
        suggestion.id = unused_id(&suggestion.id, &used);
        used.push(suggestion.id.clone());
    }
    suggestions
}

/// A word of the corpus, by stem.
struct Term {
    /// Inverse document frequency: high for a word few passages use.
    idf: f64,
    /// The way the text writes the word (see [`Corpus::written`]).
    written: String,
}

/// A passage's terms: a unit vector of (term, weight) sorted by term, and
/// every content word in reading order, as a term and as written.
struct PassageTerms {
    vector: Vec<(usize, f64)>,
    sequence: Vec<usize>,
    written: Vec<String>,
}

impl PassageTerms {
    fn weight(&self, term: usize) -> f64 {
        self.vector
            .binary_search_by_key(&term, |(t, _)| *t)
            .map_or(0.0, |at| self.vector[at].1)
    }

    /// Pairs of different terms that follow each other, stop words aside
    /// ("harbour treaty"), with where each pair starts.
    fn phrases(&self) -> impl Iterator<Item = (usize, (usize, usize))> + '_ {
        self.sequence
            .windows(2)
            .map(|pair| (pair[0], pair[1]))
            .enumerate()
            .filter(|(_, (a, b))| a != b)
    }
}

/// Two passages, one on each side, that go together.
struct Link {
    left: usize,
    right: usize,
    score: f64,
    /// The terms both passages use, sorted.
    shared: Vec<usize>,
}

struct Corpus {
    terms: Vec<Term>,
    left: Vec<PassageTerms>,
    right: Vec<PassageTerms>,
}

impl Corpus {
    fn new(left: &[String], right: &[String]) -> Self {
        let finder = WordFinder::new();
        let words: Vec<Vec<Word>> = left
            .iter()
            .chain(right)
            .map(|text| finder.content_words(text))
            .collect();
        let mut index: BTreeMap<&str, usize> = BTreeMap::new();
        let mut forms: Vec<Vec<(&str, usize)>> = Vec::new();
        let mut document_frequency: Vec<usize> = Vec::new();
        let mut counts: Vec<BTreeMap<usize, usize>> = Vec::new();
        for passage in &words {
            let mut count: BTreeMap<usize, usize> = BTreeMap::new();
            for word in passage {
                let term = *index.entry(&word.stem).or_insert_with(|| {
                    forms.push(Vec::new());
                    document_frequency.push(0);
                    forms.len() - 1
                });
                let seen = &mut forms[term];
                match seen.iter_mut().find(|(form, _)| *form == word.written) {
                    Some((_, n)) => *n += 1,
                    None => seen.push((&word.written, 1)),
                }
                *count.entry(term).or_insert(0) += 1;
            }
            for term in count.keys() {
                document_frequency[*term] += 1;
            }
            counts.push(count);
        }
        let passage_count = words.len() as f64;
        let terms: Vec<Term> = forms
            .iter()
            .zip(&document_frequency)
            .map(|(forms, &df)| Term {
                idf: ((1.0 + passage_count) / (1.0 + df as f64)).ln() + 1.0,
                written: Self::written(forms),
            })
            .collect();
        let mut passages = words.iter().zip(&counts).map(|(words, count)| {
            let mut vector: Vec<(usize, f64)> = count
                .iter()
                .map(|(&term, &n)| (term, (1.0 + (n as f64).ln()) * terms[term].idf))
                .collect();
            let length = vector.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
            for (_, weight) in &mut vector {
                *weight /= length;
            }
            PassageTerms {
                vector,
                sequence: words.iter().map(|word| index[word.stem.as_str()]).collect(),
                written: words.iter().map(|word| word.written.clone()).collect(),
            }
        });
        let left_terms = passages.by_ref().take(left.len()).collect();
        let right_terms = passages.collect();
        Corpus {
            terms,
            left: left_terms,
            right: right_terms,
        }
    }

    /// How a word is shown: in lower case when the text ever writes it so,
    /// else as written ("NATO", "Geneva"); the most frequent way first, the
    /// earliest on a tie.
    fn written(forms: &[(&str, usize)]) -> String {
        let is_lower = |form: &str| form.to_lowercase() == form;
        let mut best: Option<(&str, usize)> = None;
        for &(form, count) in forms {
            let better = match best {
                None => true,
                Some((kept, kept_count)) => (is_lower(form), count) > (is_lower(kept), kept_count),
            };
            if better {
                best = Some((form, count));
            }
        }
        best.map(|(form, _)| form.to_string()).unwrap_or_default()
    }

    /// The cosine score of a pair of passages.
    fn score(&self, left: usize, right: usize) -> f64 {
        dot(&self.left[left].vector, &self.right[right].vector)
    }

    /// Each passage's best match on the other side and its score: the
    /// highest positive score, the first passage on a tie. Scores are not
    /// kept, so that long texts need no table of every pair.
    fn best_matches(&self) -> (Vec<Option<Match>>, Vec<Option<Match>>) {
        let mut best_right: Vec<Option<Match>> = vec![None; self.left.len()];
        let mut best_left: Vec<Option<Match>> = vec![None; self.right.len()];
        for (l, best_for_left) in best_right.iter_mut().enumerate() {
            for (r, best_for_right) in best_left.iter_mut().enumerate() {
                let score = self.score(l, r);
                keep_better(best_for_left, r, score);
                keep_better(best_for_right, l, score);
            }
        }
        (best_right, best_left)
    }

    /// Steps 3 and 4 of the module's description.
    fn links(&self) -> Vec<Link> {
        let (best_right, best_left) = self.best_matches();
        let strong =
            |best: &Option<Match>| best.filter(|m| m.score >= THRESHOLD).map(|m| m.passage);
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for (l, best) in best_right.iter().enumerate() {
            if let Some(r) = strong(best)
                && best_left[r].map(|m| m.passage) == Some(l)
            {
                pairs.push((l, r));
            }
        }
        let mut left_linked = vec![false; self.left.len()];
        let mut right_linked = vec![false; self.right.len()];
        for &(l, r) in &pairs {
            left_linked[l] = true;
            right_linked[r] = true;
        }
        for (l, best) in best_right.iter().enumerate() {
            if let Some(r) = strong(best)
                && !left_linked[l]
                && right_linked[r]
            {
                pairs.push((l, r));
            }
        }
        for (r, best) in best_left.iter().enumerate() {
            if let Some(l) = strong(best)
                && !right_linked[r]
                && left_linked[l]
            {
                pairs.push((l, r));
            }
        }
        pairs
            .into_iter()
            .map(|(left, right)| Link {
                left,
                right,
                score: self.score(left, right),
                shared: shared_terms(&self.left[left].vector, &self.right[right].vector),
            })
            .collect()
    }

    /// The suggestion made of some links, named after what its passages
    /// share.
    fn suggestion(&self, links: &[&Link]) -> Suggestion {
        let mut left: Vec<usize> = links.iter().map(|link| link.left).collect();
        let mut right: Vec<usize> = links.iter().map(|link| link.right).collect();
        left.sort_unstable();
        left.dedup();
        right.sort_unstable();
        right.dedup();
        let mut shared: Vec<usize> = links.iter().flat_map(|link| link.shared.clone()).collect();
        shared.sort_unstable();
        shared.dedup();
        let topic = Topic {
            left: left.iter().map(|&l| &self.left[l]).collect(),
            right: right.iter().map(|&r| &self.right[r]).collect(),
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
            .map(String::as_str)
            .filter(|w| w.is_ascii())
            .collect();
        Suggestion {
            id: slug(&ascii.join(" ")),
            label,
            left,
            right,
            shared_words: shared
                .iter()
                .take(REPORTED_WORDS)
                .map(|&term| self.terms[term].written.clone())
                .collect(),
            score: links.iter().map(|link| link.score).fold(0.0, f64::max),
        }
    }
}

/// The passages of one suggested topic, on each side.
struct Topic<'c> {
    left: Vec<&'c PassageTerms>,
    right: Vec<&'c PassageTerms>,
}

impl Topic<'_> {
    fn passages(&self) -> impl Iterator<Item = &PassageTerms> {
        self.left.iter().chain(&self.right).copied()
    }

    /// How much a term means to the topic's passages, together.
    fn weight(&self, term: usize) -> f64 {
        self.passages().map(|p| p.weight(term)).sum()
    }

    /// Where the topic's passages first use a term: (passage, word).
    fn first_use(&self, term: usize) -> (usize, usize) {
        self.passages()
            .enumerate()
            .find_map(|(n, p)| p.sequence.iter().position(|&t| t == term).map(|at| (n, at)))
            .unwrap_or((usize::MAX, usize::MAX))
    }

    /// The words to name the topic by: the weightiest phrase that both
    /// sides use, as the left side writes it; else the weightiest shared
    /// terms (`shared` is sorted by weight) in reading order.
    fn name(&self, shared: &[usize], terms: &[Term]) -> Vec<String> {
        let right_phrases: Vec<(usize, usize)> = self
            .right
            .iter()
            .flat_map(|p| p.phrases().map(|(_, phrase)| phrase))
            .collect();
        let mut best_phrase: Option<(&[String], f64)> = None;
        for passage in &self.left {
            for (at, phrase) in passage.phrases() {
                let weight = self.weight(phrase.0) + self.weight(phrase.1);
                if right_phrases.contains(&phrase)
                    && best_phrase.is_none_or(|(_, kept)| weight > kept)
                {
                    best_phrase = Some((&passage.written[at..at + 2], weight));
                }
            }
        }
        if let Some((words, _)) = best_phrase {
            return words.to_vec();
        }
        let mut name: Vec<usize> = shared.iter().copied().take(NAME_WORDS).collect();
        name.sort_by_key(|&term| self.first_use(term));
        name.iter()
            .map(|&term| terms[term].written.clone())
            .collect()
    }
}

/// Step 5: the links that share a passage and a word, grouped, each group
/// in link order; groups in the order of their first link.
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
            let share_passage = first.left == second.left || first.right == second.right;
            if share_passage && first.shared.iter().any(|t| second.shared.contains(t)) {
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

/// A passage on the other side and how well it matches.
#[derive(Debug, Clone, Copy)]
struct Match {
    passage: usize,
    score: f64,
}

/// Keeps `candidate` as the best match when it scores higher than the one
/// kept (and above 0), so that the first of equal matches stays.
fn keep_better(best: &mut Option<Match>, candidate: usize, score: f64) {
    if score > best.map_or(0.0, |kept| kept.score) {
        *best = Some(Match {
            passage: candidate,
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

fn shared_terms(a: &[(usize, f64)], b: &[(usize, f64)]) -> Vec<usize> {
    a.iter()
        .map(|(term, _)| *term)
        .filter(|term| b.iter().any(|(other, _)| other == term))
        .collect()
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
                ("Harbour treaty".to_string(), vec![0], vec![2]),
                ("Fishing quotas".to_string(), vec![1], vec![0]),
            ]
        );
    }

    #[test]
    fn passages_with_no_word_in_common_are_not_linked() {
        assert!(topics(&["Frank and constructive."], &["Serious, substantive."]).is_empty());
        assert!(topics(&["Numbers: 1, 2, 3."], &["1 2 3"]).is_empty());
    }

    #[test]
    fn a_weak_best_match_is_not_a_link() {
        // One shared word among many that are not shared scores below the threshold.
        let left = ["Biden spoke about sanctions, energy, grain, prisoners and visas."];
        let right = ["Biden thanked allies, partners, donors, volunteers and doctors."];
        let score = Corpus::new(&texts(&left), &texts(&right)).score(0, 0);
        assert!(score > 0.0 && score < THRESHOLD, "{score}");
        assert!(topics(&left, &right).is_empty());
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
        let found = topics(&left, &right);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            (found[0].1.clone(), found[0].2.clone()),
            (vec![0, 1], vec![0])
        );
    }

    #[test]
    fn names_keep_how_the_text_writes_words_and_ids_stay_apart() {
        let left = [
            "The United States raised the harbour treaty.",
            "NATO and the Council met; the council agreed.",
        ];
        let right = [
            "Treaty talks with the United States go on.",
            "NATO asked the council to meet.",
        ];
        let found = suggest(&texts(&left), &texts(&right));
        let names: Vec<(&str, &str)> = found
            .iter()
            .map(|s| (s.id.as_str(), s.label.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("united-states", "United States"),
                ("nato-council", "NATO council")
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
        assert_eq!(found[0].label, "Переговоры Женеве");
    }

    #[test]
    fn the_same_texts_give_the_same_suggestions() {
        let left = texts(&["Treaty and quotas.", "Quotas again.", "The treaty."]);
        let right = texts(&["The quotas.", "A treaty.", "Treaty, quotas."]);
        assert_eq!(suggest(&left, &right), suggest(&left, &right));
    }
}
