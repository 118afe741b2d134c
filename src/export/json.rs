//! The coverage table as JSON for scripts (`readouts topics --json`). Keys
//! come in the order the structs declare them, so the output is stable;
//! the shape is documented in the README.

use serde::Serialize;

use super::Comparison;
use crate::document::coverage::Share;

#[derive(Serialize)]
struct CoverageJson<'d> {
    title: &'d str,
    /// The two readouts compared, left then right.
    readouts: Vec<ReadoutJson<'d>>,
    topics: Vec<TopicJson<'d>>,
    /// What each lens finds in each compared readout: the tone lens first.
    lenses: Vec<LensJson<'d>>,
}

#[derive(Serialize)]
struct LensJson<'d> {
    name: String,
    /// One entry per compared readout, in the order of `readouts`.
    found: Vec<LensSideJson<'d>>,
}

#[derive(Serialize)]
struct LensSideJson<'d> {
    readout: &'d str,
    /// Each word or phrase once, in the order the readout first uses it.
    words: Vec<FoundJson>,
}

#[derive(Serialize)]
struct FoundJson {
    term: String,
    count: usize,
}

#[derive(Serialize)]
struct ReadoutJson<'d> {
    id: &'d str,
    label: &'d str,
    passages: usize,
    words: usize,
    tagged_passages: usize,
    tagged_share: f64,
    /// Words of passages with no topic, their share of the readout's
    /// words, and that share as the whole percentage the table prints.
    untagged_words: usize,
    untagged_share: f64,
    untagged_percent: u32,
}

#[derive(Serialize)]
struct TopicJson<'d> {
    number: usize,
    id: &'d str,
    label: &'d str,
    /// One entry per compared readout, in the order of `readouts`.
    coverage: Vec<TopicSideJson<'d>>,
}

#[derive(Serialize)]
struct TopicSideJson<'d> {
    readout: &'d str,
    mentions: bool,
    rank: Option<usize>,
    passages: usize,
    words: usize,
    word_share: f64,
    /// Whether another topic shares the rank (the table's `3=`).
    rank_tied: bool,
    /// The words counted toward the topic: each passage's words divided
    /// equally among its topics. `word_share` is these over the readout's
    /// words; `percent` the whole percentage the table prints.
    counted_words: f64,
    percent: u32,
}

/// A share as a fraction rounded to four decimals, enough for a percentage
/// with two and short enough to read.
fn rounded(share: Share) -> f64 {
    four_decimals(share.fraction())
}

fn four_decimals(number: f64) -> f64 {
    (number * 10_000.0).round() / 10_000.0
}

/// Renders the coverage as pretty-printed JSON, ending in a newline.
pub fn render(comparison: &Comparison<'_>) -> Result<String, serde_json::Error> {
    let readouts = comparison
        .readouts
        .iter()
        .zip(&comparison.coverage)
        .map(|(readout, coverage)| ReadoutJson {
            id: &readout.id,
            label: &readout.label,
            passages: coverage.passages,
            words: coverage.words,
            tagged_passages: coverage.tagged_passages,
            tagged_share: rounded(coverage.tagged_share()),
            untagged_words: coverage.untagged_words,
            untagged_share: rounded(coverage.untagged_share()),
            untagged_percent: coverage.untagged_percent,
        })
        .collect();
    let topics = comparison
        .document
        .topics
        .iter()
        .enumerate()
        .map(|(index, topic)| TopicJson {
            number: index + 1,
            id: &topic.id,
            label: &topic.label,
            coverage: comparison
                .readouts
                .iter()
                .zip(&comparison.coverage)
                .map(|(readout, coverage)| {
                    let covered = &coverage.topics[index];
                    TopicSideJson {
                        readout: &readout.id,
                        mentions: covered.mentioned(),
                        rank: covered.rank,
                        passages: covered.passages,
                        words: covered.words,
                        word_share: rounded(coverage.word_share(index)),
                        rank_tied: covered.tied,
                        counted_words: four_decimals(covered.counted_words),
                        percent: covered.percent,
                    }
                })
                .collect(),
        })
        .collect();
    let lenses = comparison
        .findings()
        .into_iter()
        .map(|findings| LensJson {
            name: findings.lens,
            found: comparison
                .readouts
                .iter()
                .zip(findings.found)
                .map(|(readout, found)| LensSideJson {
                    readout: &readout.id,
                    words: found
                        .into_iter()
                        .map(|found| FoundJson {
                            term: found.term,
                            count: found.count,
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    let json = CoverageJson {
        title: &comparison.document.title,
        readouts,
        topics,
        lenses,
    };
    let mut text = serde_json::to_string_pretty(&json)?;
    text.push('\n');
    Ok(text)
}
