//! Properties of plain output over random documents and widths: no line is
//! wider than the width, and every kept anchor's passages start on the
//! same line in both columns.

mod common;

use common::random::document;
use proptest::prelude::*;
use readouts::document::Pair;
use readouts::export::plain::{Arrangement, MIN_WIDTH, PlainOptions, write_side_by_side};
use readouts::layout::arrange::{Column, synopsis, topic_only};
use readouts::layout::padding::aligned;
use readouts::layout::pane::PaneLayout;
use readouts::layout::sync::{candidate_anchors, non_crossing};
use readouts::layout::wrap::display_width;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn no_line_is_wider_than_the_width(
        document in document(),
        width in MIN_WIDTH..220,
        arrangement in prop_oneof![
            Just(Arrangement::SourceOrder),
            Just(Arrangement::ByTopic),
            Just(Arrangement::Topic(0)),
        ],
        color in any::<bool>(),
    ) {
        let mut out = Vec::new();
        let options = PlainOptions { width, color: false, arrangement };
        write_side_by_side(&mut out, &document, Pair { left: 0, right: 1 }, options)
            .expect("written");
        let text = String::from_utf8(out).expect("utf-8");
        for line in text.lines() {
            prop_assert!(display_width(line) <= width, "{} > {}: {:?}", display_width(line), width, line);
        }
        // Colour adds escape codes, never columns.
        let mut coloured = Vec::new();
        write_side_by_side(&mut coloured, &document, Pair { left: 0, right: 1 }, PlainOptions { color, ..options })
            .expect("written");
        let coloured = String::from_utf8(coloured).expect("utf-8");
        prop_assert_eq!(coloured.lines().count(), text.lines().count());
    }

    #[test]
    fn kept_anchors_start_on_one_line(document in document(), width in 15usize..100) {
        let topic_count = document.topics.len();
        let by_topic = [0, 1].map(|i| document.readouts[i].passages_by_topic(topic_count));
        let first = |i: usize| -> Vec<Option<usize>> {
            by_topic[i].iter().map(|p| p.first().copied()).collect()
        };
        let anchors = non_crossing(&candidate_anchors(&first(0), &first(1)));
        let panes = [0, 1].map(|i| PaneLayout::new(&document.readouts[i], width));
        let [left, right] = aligned([&panes[0], &panes[1]], &anchors);
        prop_assert_eq!(left.rows(), right.rows());
        prop_assert_eq!(panes[0].passage_count(), document.readouts[0].passages.len());
        for anchor in &anchors {
            let rows = [panes[0].first_row(anchor.left), panes[1].first_row(anchor.right)];
            prop_assert_eq!(
                rows[0].map(|row| left.padded_row(row)),
                rows[1].map(|row| right.padded_row(row))
            );
        }
    }

    #[test]
    fn rows_copied_from_a_wrapped_readout_are_the_rows_wrapped_anew(
        document in document(),
        width in 15usize..100,
        other_width in 15usize..100,
    ) {
        let topic_count = document.topics.len();
        let by_topic = [0, 1].map(|i| document.readouts[i].passages_by_topic(topic_count));
        // Wrapped at this width the rows are copied; at another, they must
        // not be.
        let wrapped = [width, other_width]
            .map(|w| [0, 1].map(|i| PaneLayout::new(&document.readouts[i], w)));
        let sides = |copy: Option<usize>| {
            [0, 1].map(|i| Column {
                readout: &document.readouts[i],
                by_topic: &by_topic[i],
                width,
                wrapped: copy.map(|c| &wrapped[c][i]),
            })
        };
        for copy in [Some(0), Some(1)] {
            prop_assert_eq!(synopsis(&document, sides(copy)), synopsis(&document, sides(None)));
            prop_assert_eq!(
                topic_only(&document, sides(copy), 0),
                topic_only(&document, sides(None), 0)
            );
        }
    }
}
