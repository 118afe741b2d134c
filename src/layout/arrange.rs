//! Arrangements of the two panes in which both scroll as one: rows are
//! padded so that what belongs together starts on the same row. (The
//! source order's padding is [`super::padding`]: fillers, not copies.)
//!
//! - [`synopsis`]: by topic, each topic a block with both sides' passages
//!   on it, "does not mention" where a side is silent (`t`, `--by-topic`);
//!   [`synopsis_of_columns`] the same with any number of columns, as a
//!   gospel synopsis sets its accounts (`print --by-topic --all`);
//! - [`topic_only`]: only one topic's passages (`--topic`).

use super::pane::{PaneLayout, Row};
use super::pieces::{heading_text, notice_text};
use crate::document::{Document, Readout};

/// One readout as a column of an arrangement: the readout, its passages
/// by topic, its width.
#[derive(Clone, Copy)]
pub struct Column<'a> {
    pub readout: &'a Readout,
    pub by_topic: &'a [Vec<usize>],
    pub width: usize,
    /// The readout already laid out at this width, if at hand: passages
    /// are copied from it rather than wrapped again.
    pub wrapped: Option<&'a PaneLayout>,
}

impl Column<'_> {
    fn push_passages(&self, pane: &mut PaneLayout, passages: impl IntoIterator<Item = usize>) {
        pane.push_passages_from(self.readout, passages, self.wrapped);
    }
}

/// The by-topic layout, and where each block starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Synopsis {
    pub panes: [PaneLayout; 2],
    /// The heading row of each topic's block.
    pub topic_rows: Vec<usize>,
    /// The heading row of the block of passages with no topic, if any.
    pub other_row: Option<usize>,
}

/// The by-topic layout of any number of columns, and where each block
/// starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    /// One per column, in the order given.
    pub panes: Vec<PaneLayout>,
    /// The heading row of each topic's block.
    pub topic_rows: Vec<usize>,
    /// The heading row of the block of passages with no topic, if any.
    pub other_row: Option<usize>,
}

/// Only the passages of one topic on each side; a silent side says so.
pub fn topic_only(document: &Document, sides: [Column<'_>; 2], topic: usize) -> [PaneLayout; 2] {
    let mut panes = sides.map(|side| {
        let mut pane = PaneLayout::empty(side.width);
        push_topic_block(&mut pane, document, side, topic);
        pane
    });
    finish_together(&mut panes);
    panes
}

fn push_topic_block(pane: &mut PaneLayout, document: &Document, side: Column<'_>, topic: usize) {
    match side.by_topic.get(topic) {
        Some(passages) if !passages.is_empty() => {
            side.push_passages(pane, passages.iter().copied());
        }
        _ => {
            let number = to_u32(topic);
            let text = notice_text(side.readout, document, topic);
            pane.push_lines(&text, |line| Row::Notice {
                topic: number,
                line,
            });
        }
    }
}

fn to_u32(topic: usize) -> u32 {
    u32::try_from(topic).unwrap_or(u32::MAX)
}

/// By topic: for each topic in order a heading and each side's passages on
/// it (a passage with two topics appears under both), then the passages
/// with no topic.
pub fn synopsis(document: &Document, sides: [Column<'_>; 2]) -> Synopsis {
    let Columns {
        panes,
        topic_rows,
        other_row,
    } = synopsis_of_columns(document, &sides);
    let [left, right]: [PaneLayout; 2] = panes
        .try_into()
        .unwrap_or_else(|_| unreachable!("two columns in, two panes out"));
    Synopsis {
        panes: [left, right],
        topic_rows,
        other_row,
    }
}

/// [`synopsis`] with a column per readout given: each topic's block starts
/// on the same row in every column, and a column silent on the topic says
/// so.
pub fn synopsis_of_columns(document: &Document, columns: &[Column<'_>]) -> Columns {
    let topic_count = document.topics.len();
    let mut panes: Vec<PaneLayout> = columns
        .iter()
        .map(|column| PaneLayout::empty(column.width))
        .collect();
    let mut topic_rows = Vec::with_capacity(topic_count);
    for topic in 0..topic_count {
        start_block(&mut panes);
        topic_rows.push(first_row_count(&panes));
        let heading = heading_text(document, topic);
        let number = to_u32(topic);
        for pane in panes.iter_mut() {
            pane.push_lines(&heading, |line| Row::Heading {
                topic: number,
                line,
            });
        }
        pad_together(&mut panes);
        for (pane, column) in panes.iter_mut().zip(columns) {
            push_topic_block(pane, document, *column, topic);
        }
        pad_together(&mut panes);
    }
    let untagged: Vec<Vec<usize>> = columns
        .iter()
        .map(|column| column.readout.untagged_passages())
        .collect();
    let other_row = if untagged.iter().any(|passages| !passages.is_empty()) {
        start_block(&mut panes);
        let row = first_row_count(&panes);
        for ((pane, column), passages) in panes.iter_mut().zip(columns).zip(untagged) {
            pane.push_row(Row::OtherHeading);
            column.push_passages(pane, passages);
        }
        Some(row)
    } else {
        None
    };
    finish_together(&mut panes);
    Columns {
        panes,
        topic_rows,
        other_row,
    }
}

/// The rows laid out so far (the same in every pane between blocks).
fn first_row_count(panes: &[PaneLayout]) -> usize {
    panes.first().map_or(0, PaneLayout::row_count)
}

fn start_block(panes: &mut [PaneLayout]) {
    if first_row_count(panes) > 0 {
        for pane in panes.iter_mut() {
            pane.push_row(Row::Gap);
        }
    }
}

fn pad_together(panes: &mut [PaneLayout]) {
    let rows = panes.iter().map(PaneLayout::row_count).max().unwrap_or(0);
    for pane in panes.iter_mut() {
        pane.pad_to(rows);
    }
}

fn finish_together(panes: &mut [PaneLayout]) {
    pad_together(panes);
    for pane in panes.iter_mut() {
        pane.finish();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Passage, Topic};

    fn document(topics: usize) -> Document {
        let topics = (0..topics)
            .map(|t| Topic::new(&format!("t{t}"), &format!("T{t}")))
            .collect();
        Document::new("t", topics, Vec::new())
    }

    fn readout(passages: &[(&str, &[usize])]) -> Readout {
        let passages = passages
            .iter()
            .map(|&(text, topics)| Passage::new(text, topics.to_vec()))
            .collect();
        Readout::new("r", "R", passages)
    }

    fn sides<'a>(
        readouts: [&'a Readout; 2],
        by_topic: &'a [Vec<Vec<usize>>; 2],
    ) -> [Column<'a>; 2] {
        [0, 1].map(|i| Column {
            readout: readouts[i],
            by_topic: &by_topic[i],
            width: 9,
            wrapped: None,
        })
    }

    #[test]
    fn synopsis_blocks_start_together_and_name_the_silent_side() {
        let left = readout(&[("one two three four five six", &[0]), ("both", &[0, 1])]);
        let right = readout(&[("r", &[1]), ("loose", &[])]);
        let by_topic = [left.passages_by_topic(2), right.passages_by_topic(2)];
        let synopsis = synopsis(&document(2), sides([&left, &right], &by_topic));
        let [l, r] = &synopsis.panes;
        assert_eq!(l.row_count(), r.row_count());
        assert_eq!(synopsis.topic_rows[0], 0);
        assert_eq!(r.row(1), Some(Row::Notice { topic: 0, line: 0 }));
        let second = synopsis.topic_rows[1];
        assert_eq!(l.row(second), Some(Row::Heading { topic: 1, line: 0 }));
        assert_eq!(r.row(second), Some(Row::Heading { topic: 1, line: 0 }));
        // The passage with two topics appears in both blocks.
        assert_eq!(l.first_row_from(1, second), Some(second + 1));
        assert!(l.first_row(1) < Some(second));
        let other = synopsis.other_row.expect("an untagged passage");
        assert_eq!(r.row(other), Some(Row::OtherHeading));
        assert_eq!(r.first_row(1), Some(other + 1));
    }

    #[test]
    fn a_synopsis_of_three_columns_starts_each_block_together() {
        let first = readout(&[("one two three four five six", &[0]), ("both", &[1])]);
        let second = readout(&[("r", &[1])]);
        let third = readout(&[("a b c d e f g h i j k l", &[0]), ("loose", &[])]);
        let readouts = [&first, &second, &third];
        let by_topic: Vec<Vec<Vec<usize>>> = readouts
            .iter()
            .map(|readout| readout.passages_by_topic(2))
            .collect();
        let columns: Vec<Column<'_>> = readouts
            .iter()
            .zip(&by_topic)
            .map(|(readout, by_topic)| Column {
                readout,
                by_topic,
                width: 9,
                wrapped: None,
            })
            .collect();
        let synopsis = synopsis_of_columns(&document(2), &columns);
        assert_eq!(synopsis.panes.len(), 3);
        let rows = synopsis.panes[0].row_count();
        assert!(synopsis.panes.iter().all(|pane| pane.row_count() == rows));
        let second_topic = synopsis.topic_rows[1];
        for pane in &synopsis.panes {
            assert_eq!(
                pane.row(second_topic),
                Some(Row::Heading { topic: 1, line: 0 })
            );
        }
        // The middle column is silent on the first topic and says so.
        assert_eq!(
            synopsis.panes[1].row(1),
            Some(Row::Notice { topic: 0, line: 0 })
        );
        let other = synopsis.other_row.expect("an untagged passage");
        assert_eq!(synopsis.panes[2].row(other), Some(Row::OtherHeading));
        // Two columns lay out just as the pair's synopsis does.
        let pair = synopsis_of_columns(&document(2), &columns[..2]);
        let sides = [columns[0], columns[1]];
        assert_eq!(
            pair.panes,
            super::synopsis(&document(2), sides).panes.to_vec()
        );
    }

    #[test]
    fn topic_only_keeps_one_topic() {
        let left = readout(&[("a", &[0]), ("b", &[]), ("c", &[0])]);
        let right = readout(&[("d", &[])]);
        let by_topic = [left.passages_by_topic(1), right.passages_by_topic(1)];
        let [l, r] = topic_only(&document(1), sides([&left, &right], &by_topic), 0);
        assert_eq!(l.passage_count(), 2);
        assert_eq!(l.first_row(2), Some(2));
        // "R does not mention T0" takes two rows at text width 6.
        assert_eq!(r.row(0), Some(Row::Notice { topic: 0, line: 0 }));
        assert_eq!(r.row(1), Some(Row::Notice { topic: 0, line: 1 }));
        assert_eq!(l.row_count(), r.row_count());
    }
}
