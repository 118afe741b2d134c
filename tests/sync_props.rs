//! Properties of aligned scrolling over random documents, pane sizes and
//! jumps — including readouts that share no topic and readouts whose every
//! shared topic crosses — : the kept anchors never cross, hold the topic
//! jumped to and are as many as any such set; in the padded row space
//! every kept anchor starts on one row on both sides and both sides end
//! together; a jump puts both first passages on the top row, and scrolling
//! keeps them side by side.

use proptest::prelude::*;
use readouts::app::{Action, App, Side, update};
mod common;

use common::random::{crossing_document, disjoint_document, document};
use readouts::document::Pair;
use readouts::layout::sync::{Anchor, non_crossing, non_crossing_through};

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

/// The longest chain that holds `through`, by the same plain method.
fn longest_chain_through(anchors: &[Anchor], through: Anchor) -> usize {
    let before: Vec<Anchor> = anchors
        .iter()
        .filter(|a| a.left < through.left && a.right < through.right)
        .copied()
        .collect();
    let after: Vec<Anchor> = anchors
        .iter()
        .filter(|a| a.left > through.left && a.right > through.right)
        .copied()
        .collect();
    longest_chain(&before) + 1 + longest_chain(&after)
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
    fn the_anchor_jumped_to_is_kept_with_as_many_others_as_can_be(
        candidates in candidates(),
        pick in any::<proptest::sample::Index>(),
    ) {
        prop_assume!(!candidates.is_empty());
        let through = candidates[pick.index(candidates.len())];
        let kept = non_crossing_through(&candidates, through);
        prop_assert!(kept.contains(&through));
        for pair in kept.windows(2) {
            prop_assert!(pair[0].left < pair[1].left && pair[0].right < pair[1].right);
        }
        prop_assert_eq!(kept.len(), longest_chain_through(&candidates, through));
    }

    #[test]
    fn a_jump_puts_both_passages_on_the_top_row_and_scrolling_keeps_them_there(
        document in document(),
        width in 34u16..220,
        height in 6u16..60,
        pick in any::<proptest::sample::Index>(),
        keys in proptest::collection::vec(0usize..8, 0..12),
    ) {
        let topics = document.topics.len();
        let mut app = App::new(document, Pair { left: 0, right: 1 }, width, height);
        check_row_space(&app)?;
        let topic = pick.index(topics);
        update(&mut app, Action::JumpToTopic(topic));
        check_row_space(&app)?;
        let shared = app.mentions(Side::Left, topic) && app.mentions(Side::Right, topic);
        let first = |app: &App, side: Side| {
            let passage = app.passages_of(side, topic)[0];
            app.view().and_then(|view| view.passage_row(side, passage))
        };
        if shared && app.view().is_some_and(|view| view.screen.is_some()) {
            prop_assert!(app.anchors().iter().any(|a| a.topic == topic), "the topic is kept");
            prop_assert_eq!(first(&app, Side::Left), Some(app.offset(Side::Left)), "on the top row");
            prop_assert_eq!(first(&app, Side::Right), Some(app.offset(Side::Right)));
        }
        update(&mut app, Action::FocusNext);
        for key in keys {
            let action = match key {
                0 => Action::Down,
                1 => Action::Up,
                2 => Action::PageDown,
                3 => Action::PageUp,
                4 => Action::HalfPageDown,
                5 => Action::HalfPageUp,
                6 => Action::FocusNext,
                _ => Action::Scroll { column: width - 3, row: 2, rows: 3 },
            };
            update(&mut app, action);
            prop_assert_eq!(app.offset(Side::Left), app.offset(Side::Right), "one row space");
            check_row_space(&app)?;
        }
    }

    #[test]
    fn without_a_shared_topic_nothing_is_padded_but_the_end(
        document in disjoint_document(),
        width in 34u16..200,
        height in 6u16..60,
    ) {
        let app = App::new(document, Pair { left: 0, right: 1 }, width, height);
        prop_assert!(app.anchors().is_empty());
        check_row_space(&app)?;
        let view = app.view().expect("laid out");
        for side in Side::BOTH {
            let pane = &view.panes[side.index()];
            for row in 0..pane.row_count() {
                prop_assert_eq!(view.padded_row(side, row), row);
            }
        }
    }

    #[test]
    fn when_every_topic_crosses_one_anchor_is_kept(
        document in crossing_document(),
        width in 34u16..200,
        height in 6u16..60,
    ) {
        let mut app = App::new(document, Pair { left: 0, right: 1 }, width, height);
        let topics: Vec<usize> = app.anchors().iter().map(|a| a.topic).collect();
        prop_assert_eq!(topics, vec![0], "the earliest topic wins the tie");
        check_row_space(&app)?;
        let last = app.document().topics.len() - 1;
        update(&mut app, Action::JumpToTopic(last));
        let topics: Vec<usize> = app.anchors().iter().map(|a| a.topic).collect();
        prop_assert_eq!(topics, vec![last], "the topic jumped to is kept");
        check_row_space(&app)?;
    }
}

/// In the padded row space: every kept anchor starts on one row on both
/// sides, each layout row shows once and in order, and both sides end on
/// the same row.
fn check_row_space(app: &App) -> Result<(), TestCaseError> {
    let view = app.view().expect("laid out");
    prop_assert_eq!(
        view.rows(Side::Left),
        view.rows(Side::Right),
        "the ends coincide"
    );
    for anchor in app.anchors() {
        prop_assert_eq!(
            view.passage_row(Side::Left, anchor.left),
            view.passage_row(Side::Right, anchor.right),
            "anchor of topic {}",
            anchor.topic
        );
    }
    for side in Side::BOTH {
        let pane = &view.panes[side.index()];
        let mut previous = None;
        for row in 0..pane.row_count() {
            let padded = view.padded_row(side, row);
            prop_assert!(
                previous.is_none_or(|p| p < padded),
                "in order, filler never negative"
            );
            prop_assert_eq!(view.row(side, padded), pane.row(row));
            previous = Some(padded);
        }
        prop_assert!(view.rows(side) >= pane.row_count());
        prop_assert!(app.offset(side) < view.rows(side).max(1));
    }
    Ok(())
}
