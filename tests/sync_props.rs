//! Properties of synchronised scrolling over random documents and pane
//! sizes — including readouts that share no topic and readouts whose every
//! shared topic crosses — : the kept anchors never cross and are as many
//! as any non-crossing set; the map is monotonic, passes through every kept
//! anchor both panes can reach, and takes ends to ends.

use proptest::prelude::*;
use readouts::app::{App, Side};
mod common;

use common::random::{crossing_document, disjoint_document, document};
use readouts::document::Pair;
use readouts::layout::sync::{Anchor, non_crossing};

/// The length of a longest chain strictly increasing on both sides, by the
/// plain quadratic method, to check the fast one against.
fn longest_chain(anchors: &[Anchor]) -> usize {
    let mut sorted = anchors.to_vec();
    sorted.sort_by_key(|a| (a.left, a.right));
    let mut best = vec![1usize; sorted.len()];
    for i in 0..sorted.len() {
        for j in 0..i {
            if sorted[j].left < sorted[i].left && sorted[j].right < sorted[i].right {
                best[i] = best[i].max(best[j] + 1);
            }
        }
    }
    best.into_iter().max().unwrap_or(0)
}

fn candidates() -> impl Strategy<Value = Vec<Anchor>> {
    proptest::collection::vec((0usize..25, 0usize..25), 0..30).prop_map(|pairs| {
        pairs
            .into_iter()
            .enumerate()
            .map(|(topic, (left, right))| Anchor { topic, left, right })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn kept_anchors_never_cross_and_are_as_many_as_possible(candidates in candidates()) {
        let kept = non_crossing(&candidates);
        for pair in kept.windows(2) {
            prop_assert!(pair[0].left < pair[1].left && pair[0].right < pair[1].right);
        }
        for anchor in &kept {
            prop_assert!(candidates.contains(anchor));
        }
        prop_assert_eq!(kept.len(), longest_chain(&candidates));
    }

    #[test]
    fn the_map_is_monotonic_through_anchors_and_ends(
        document in document(),
        width in 34u16..200,
        height in 6u16..60,
    ) {
        check_map(&App::new(document, Pair { left: 0, right: 1 }, width, height))?;
    }

    #[test]
    fn without_a_shared_topic_the_map_runs_from_start_to_end(
        document in disjoint_document(),
        width in 34u16..200,
        height in 6u16..60,
    ) {
        let app = App::new(document, Pair { left: 0, right: 1 }, width, height);
        prop_assert!(app.anchors().is_empty());
        check_map(&app)?;
    }

    #[test]
    fn when_every_topic_crosses_one_anchor_is_kept(
        document in crossing_document(),
        width in 34u16..200,
        height in 6u16..60,
    ) {
        let app = App::new(document, Pair { left: 0, right: 1 }, width, height);
        let topics: Vec<usize> = app.anchors().iter().map(|a| a.topic).collect();
        prop_assert_eq!(topics, vec![0], "the earliest topic wins the tie");
        check_map(&app)?;
    }
}

fn check_map(app: &App) -> Result<(), TestCaseError> {
    let view = app.view().expect("laid out").clone();
    let (max_left, max_right) = (app.max_offset(Side::Left), app.max_offset(Side::Right));
    let mut previous = 0;
    for left in 0..=max_left {
        let right = view.map.left_to_right(left);
        prop_assert!(right >= previous, "monotonic left → right");
        prop_assert!(right <= max_right);
        previous = right;
    }
    let mut previous = 0;
    for right in 0..=max_right {
        let left = view.map.right_to_left(right);
        prop_assert!(left >= previous, "monotonic right → left");
        prop_assert!(left <= max_left);
        previous = left;
    }
    let rows: Vec<(usize, usize)> = app
        .anchors()
        .iter()
        .map(|a| {
            (
                view.panes[0].first_row(a.left).expect("laid out"),
                view.panes[1].first_row(a.right).expect("laid out"),
            )
        })
        .collect();
    for window in rows.windows(2) {
        prop_assert!(
            window[0].0 < window[1].0 && window[0].1 < window[1].1,
            "no crossing"
        );
    }
    let reachable: Vec<(usize, usize)> = rows
        .iter()
        .copied()
        .filter(|&(l, r)| l <= max_left && r <= max_right)
        .collect();
    for &(left, right) in &reachable {
        prop_assert_eq!(view.map.left_to_right(left), right);
        prop_assert_eq!(view.map.right_to_left(right), left);
    }
    let at_start = reachable.first().is_some_and(|&(l, r)| l == 0 || r == 0);
    let at_end = reachable
        .last()
        .is_some_and(|&(l, r)| l == max_left || r == max_right);
    if !at_start {
        prop_assert_eq!(view.map.left_to_right(0), 0);
        prop_assert_eq!(view.map.right_to_left(0), 0);
    }
    if !at_end && max_left > 0 && max_right > 0 {
        prop_assert_eq!(view.map.left_to_right(max_left), max_right);
        prop_assert_eq!(view.map.right_to_left(max_right), max_left);
    }
    Ok(())
}
