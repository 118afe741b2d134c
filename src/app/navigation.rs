//! Moving through the readouts: focus, jumps to topics (which choose the
//! anchors the panes align on), scrolling, and how the other pane follows.
//! Offsets are rows of the row space each pane scrolls through (see
//! [`super::view`]).

use super::view::{self, View, clamp_offsets, follow, leader};
use super::{App, Focus, Side, SyncMode};
use crate::layout::sync::{Anchor, non_crossing, non_crossing_through};

pub(super) fn set_focus(app: &mut App, focus: Focus) {
    app.focus = focus;
    if let Focus::Pane(side) = focus {
        app.reading = side;
    }
}

pub(super) fn select_and_jump(app: &mut App, topic: usize) {
    let last = app.document.topics.len().saturating_sub(1);
    jump(app, topic.min(last));
}

/// Puts each pane's first passage of the topic on its top row and marks
/// the topic's passages. A topic both sides mention becomes an anchor, so
/// that the two passages stay side by side while the reader scrolls; over
/// a topic one side leaves out, both panes show a band that says so. With
/// a filter on, the filter moves to the topic.
pub(super) fn jump(app: &mut App, topic: usize) {
    app.selected = topic;
    app.current_topic = Some(topic);
    app.topic_cursor = [0, 0];
    if app.filter.is_some() && app.filter != Some(topic) {
        app.filter = Some(topic);
        view::relayout(app);
    }
    if app.panes_joined() {
        let row = block_start(app, topic);
        place(app, leader(app), row);
        follow(app, leader(app));
        return;
    }
    show_topic(app, topic, 0);
}

/// Shows the `step`-th passage of a topic on each side that mentions it
/// (each side's last, when it has fewer): side by side on the top row when
/// both do.
fn show_topic(app: &mut App, topic: usize, step: usize) {
    let passages = Side::BOTH.map(|side| {
        let passages = app.passages_of(side, topic);
        let cursor = step.min(passages.len().saturating_sub(1));
        passages.get(cursor).map(|&passage| (cursor, passage))
    });
    app.topic_cursor = passages.map(|found| found.map_or(0, |(cursor, _)| cursor));
    let passages = passages.map(|found| found.map(|(_, passage)| passage));
    match passages {
        [Some(left), Some(right)] => {
            app.band = None;
            anchor_on(app, Anchor { topic, left, right });
            for side in Side::BOTH {
                place_passage(app, side, passages[side.index()]);
            }
        }
        [None, None] => {
            app.band = None;
            view::refresh(app);
            clamp_offsets(app);
            app.message = Some(format!(
                "Neither readout mentions {}.",
                app.document.topics[topic].label
            ));
        }
        _ => {
            app.band = Some(topic);
            view::refresh(app);
            let speaking = if passages[0].is_some() {
                Side::Left
            } else {
                Side::Right
            };
            place_passage(app, speaking, passages[speaking.index()]);
            follow(app, speaking);
            clamp_offsets(app);
        }
    }
}

/// Keeps the largest set of anchors that do not cross and contain
/// `anchor`, and says so when it changes which topics line up.
fn anchor_on(app: &mut App, anchor: Anchor) {
    let before = aligned_topics(app);
    app.anchors = non_crossing_through(&app.candidates, anchor);
    view::refresh(app);
    let after = aligned_topics(app);
    if after != before && app.sync == SyncMode::Aligned {
        app.message = Some(format!(
            "aligned on {} of {} shared topics",
            after.len(),
            app.candidates.len()
        ));
    }
}

/// The anchors for a document just taken in: through the current topic
/// when both sides mention it, else the largest set that does not cross.
pub(super) fn choose_anchors(app: &mut App) {
    let current = app
        .current_topic
        .and_then(|topic| app.candidates.iter().find(|c| c.topic == topic).copied());
    app.anchors = match current {
        Some(anchor) => non_crossing_through(&app.candidates, anchor),
        None => non_crossing(&app.candidates),
    };
}

/// The shared topics whose first passages start on one row: those at a
/// kept anchor's place on both sides.
fn aligned_topics(app: &App) -> Vec<usize> {
    app.candidates
        .iter()
        .filter(|candidate| {
            app.anchors.iter().any(|kept| {
                kept.topic == candidate.topic
                    || (kept.left == candidate.left && kept.right == candidate.right)
            })
        })
        .map(|candidate| candidate.topic)
        .collect()
}

/// Where a topic's passages begin in the joined layouts: its block in the
/// by-topic order, the top when filtered to it.
fn block_start(app: &App, topic: usize) -> usize {
    app.view
        .as_ref()
        .and_then(|view| view.topic_rows.as_ref())
        .and_then(|rows| rows.get(topic).copied())
        .unwrap_or(0)
}

/// Enter on the current topic: each side moves on to its next passage of
/// the topic (a side with fewer stays on its last), round to the first
/// after the last. With the panes joined, the leading side moves and the
/// other keeps the same row.
pub(super) fn next_passage_of_topic(app: &mut App) {
    let topic = app.selected;
    if app.panes_joined() {
        next_passage_in_block(app, topic);
        return;
    }
    let counts = Side::BOTH.map(|side| app.passages_of(side, topic).len());
    let most = counts[0].max(counts[1]);
    if most == 0 {
        return;
    }
    let step = (app.topic_cursor[0].max(app.topic_cursor[1]) + 1) % most;
    show_topic(app, topic, step);
    let shown = Side::BOTH.map(|side| match counts[side.index()] {
        0 => "—".to_string(),
        count => format!("{}/{count}", app.topic_cursor[side.index()] + 1),
    });
    app.message = Some(format!("passage {} · {}", shown[0], shown[1]));
}

fn next_passage_in_block(app: &mut App, topic: usize) {
    let side = [leader(app), leader(app).other()]
        .into_iter()
        .find(|&side| app.mentions(side, topic));
    let Some(side) = side else {
        return;
    };
    let count = app.passages_of(side, topic).len();
    let cursor = (app.topic_cursor[side.index()] + 1) % count;
    app.topic_cursor[side.index()] = cursor;
    let passage = app.passages_of(side, topic)[cursor];
    let start = block_start(app, topic);
    let row = app
        .view
        .as_ref()
        .and_then(|view| view.passage_row_from(side, passage, start));
    if let Some(row) = row {
        place(app, side, row);
        follow(app, side);
    }
}

/// Puts a passage on the top row of its pane.
fn place_passage(app: &mut App, side: Side, passage: Option<usize>) {
    let row = passage.and_then(|passage| app.view.as_ref()?.passage_row(side, passage));
    if let Some(row) = row {
        place(app, side, row);
    }
}

/// Puts a row at the top of a pane, even near the end of the text: a jump
/// may show blank rows below the last.
fn place(app: &mut App, side: Side, row: usize) {
    let last = app
        .view
        .as_ref()
        .map_or(0, |view| view.rows(side).saturating_sub(1));
    app.offsets[side.index()] = row.min(last);
}

pub(super) fn scroll_pages(app: &mut App, direction: isize, divisor: usize) {
    let side = leader(app);
    let height = app.text_height();
    let step = if divisor == 1 {
        // A page keeps two rows of the last one for context.
        height.saturating_sub(2).max(1)
    } else {
        (height / divisor).max(1)
    };
    scroll_by(
        app,
        side,
        direction * isize::try_from(step).unwrap_or(isize::MAX),
    );
}

pub(super) fn scroll_by(app: &mut App, side: Side, delta: isize) {
    let offset = app.offsets[side.index()].saturating_add_signed(delta);
    scroll_to(app, side, offset);
}

/// Scrolls a pane, and the other as the sync mode says: no further down
/// than the last row at the bottom, or than a jump left it.
pub(super) fn scroll_to(app: &mut App, side: Side, offset: usize) {
    let current = app.offsets[side.index()];
    app.offsets[side.index()] = offset.min(app.max_offset(side).max(current));
    follow(app, side);
    drop_band_out_of_view(app);
}

/// `G` in a pane: its own last row at the bottom. When the other side runs
/// longer, the rows padded after this side's end stay below.
pub(super) fn scroll_to_end(app: &mut App, side: Side) {
    let Some(view) = &app.view else {
        return;
    };
    let end = view.end_of_text(side);
    scroll_to(app, side, end.saturating_sub(app.text_height()));
}

/// Shows a row of a pane, with two rows above it when the pane has to
/// move; the other follows.
pub(super) fn bring_into_view(app: &mut App, side: Side, row: usize) {
    let offset = app.offsets[side.index()];
    if row < offset || row >= offset + app.text_height() {
        scroll_to(app, side, row.saturating_sub(2));
    } else {
        follow(app, side);
    }
}

/// The band of a one-sided topic goes once the speaking side's passage of
/// the topic has left its pane; the rows it took show the text above, so
/// nothing on screen moves.
fn drop_band_out_of_view(app: &mut App) {
    let Some(view) = &app.view else {
        return;
    };
    let Some(band) = &view.band else {
        return;
    };
    let in_view = Side::BOTH
        .into_iter()
        .filter(|side| band.speaks[side.index()])
        .any(|side| topic_passage_in_view(app, view, side, band.topic));
    if in_view {
        return;
    }
    let rows = band.rows();
    app.band = None;
    view::refresh(app);
    for offset in &mut app.offsets {
        *offset = offset.saturating_sub(rows);
    }
}

/// Whether the passage of the topic a side was sent to shows in its pane.
fn topic_passage_in_view(app: &App, view: &View, side: Side, topic: usize) -> bool {
    let cursor = app.topic_cursor[side.index()];
    let Some(&passage) = app.passages_of(side, topic).get(cursor) else {
        return false;
    };
    let Some(first) = view.passage_row(side, passage) else {
        return false;
    };
    let rows = view.panes[side.index()].passage_rows(passage).max(1);
    let top = app.offsets[side.index()];
    first < top + view.text_height && top < first + rows
}

/// `s`: the next sync mode, each pane keeping the text at its top.
pub(super) fn set_sync(app: &mut App, mode: SyncMode) {
    let rows = app
        .view
        .as_ref()
        .map(|view| Side::BOTH.map(|side| view.layout_row(side, app.offsets[side.index()])));
    app.sync = mode;
    view::refresh(app);
    if let (Some(rows), Some(view)) = (rows, &app.view) {
        app.offsets = Side::BOTH.map(|side| view.padded_row(side, rows[side.index()]));
    }
    follow(app, leader(app));
    clamp_offsets(app);
}
