//! Moving through the readouts: focus, scrolling and how the other pane
//! follows, jumps to topics, and laying the panes out again after a resize
//! or a change of order or filter, keeping the reader's place.

use ratatui::layout::Rect;

use super::{App, Focus, Order, Partial, Side, SyncMode, View};
use crate::layout::arrange::{self, Side as ArrangedSide};
use crate::layout::on_both_sides;
use crate::layout::pane::PaneLayout;
use crate::layout::screen::{Screen, inner};
use crate::layout::sync::SyncMap;

pub(super) fn set_focus(app: &mut App, focus: Focus) {
    app.focus = focus;
    if let Focus::Pane(side) = focus {
        app.reading = side;
    }
}

/// The pane the other follows: the focused one, or the one last read.
pub(super) fn leader(app: &App) -> Side {
    match app.focus {
        Focus::Pane(side) => side,
        Focus::Sidebar => app.reading,
    }
}

pub(super) fn select_and_jump(app: &mut App, topic: usize) {
    let last = app.document.topics.len().saturating_sub(1);
    jump(app, topic.min(last));
}

/// Puts each pane's first passage of the topic at its top and marks the
/// topic's passages; a silent side follows the sync mode. With a filter on,
/// the filter moves to the topic.
pub(super) fn jump(app: &mut App, topic: usize) {
    app.selected = topic;
    app.current_topic = Some(topic);
    app.topic_cursor = [0, 0];
    if app.filter.is_some() && app.filter != Some(topic) {
        app.filter = Some(topic);
        relayout(app);
    }
    refresh_map(app);
    let speaking: Vec<Side> = Side::BOTH
        .into_iter()
        .filter(|&side| app.mentions(side, topic))
        .collect();
    if speaking.is_empty() {
        app.message = Some(format!(
            "Neither readout mentions {}.",
            app.document.topics[topic].label
        ));
    }
    if app.panes_joined() {
        let row = block_start(app, topic);
        scroll_to(app, leader(app), row);
        return;
    }
    for &side in &speaking {
        show_passage_of_topic(app, side, topic, 0);
    }
    if let [only] = speaking.as_slice() {
        follow(app, *only);
    }
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
/// the topic, round to the first after the last. With the panes joined,
/// the leading side moves and the other keeps the same row.
pub(super) fn next_passage_of_topic(app: &mut App) {
    let topic = app.selected;
    if app.panes_joined() {
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
            .and_then(|view| view.panes[side.index()].first_row_from(passage, start));
        if let Some(row) = row {
            scroll_to(app, side, row);
        }
        return;
    }
    let mut speaking = Vec::new();
    for side in Side::BOTH {
        let count = app.passages_of(side, topic).len();
        if count > 0 {
            let cursor = (app.topic_cursor[side.index()] + 1) % count;
            show_passage_of_topic(app, side, topic, cursor);
            speaking.push(side);
        }
    }
    if let [only] = speaking.as_slice() {
        follow(app, *only);
    }
}

fn show_passage_of_topic(app: &mut App, side: Side, topic: usize, cursor: usize) {
    app.topic_cursor[side.index()] = cursor;
    let Some(&passage) = app.passages_of(side, topic).get(cursor) else {
        return;
    };
    let Some(view) = &app.view else {
        return;
    };
    let Some(row) = view.panes[side.index()].first_row(passage) else {
        return;
    };
    app.offsets[side.index()] = row.min(app.max_offset(side));
}

pub(super) fn scroll_pages(app: &mut App, direction: isize, divisor: usize) {
    let side = leader(app);
    let height = app.text_height(side);
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

pub(super) fn scroll_to(app: &mut App, side: Side, offset: usize) {
    app.offsets[side.index()] = offset.min(app.max_offset(side));
    follow(app, side);
}

/// Moves the other pane after `leader` moved: row for row when the panes
/// are joined, otherwise as the sync mode says.
pub(super) fn follow(app: &mut App, leader: Side) {
    let Some(view) = &app.view else {
        return;
    };
    let other = leader.other();
    let offset = app.offsets[leader.index()];
    let followed = if app.panes_joined() {
        offset
    } else {
        match app.sync {
            SyncMode::Aligned => match leader {
                Side::Left => view.map.left_to_right(offset),
                Side::Right => view.map.right_to_left(offset),
            },
            SyncMode::Lockstep => offset,
            SyncMode::Independent => return,
        }
    };
    app.offsets[other.index()] = followed.min(app.max_offset(other));
}

/// A new terminal size: the panes are laid out again, each keeping the
/// passage at its top.
pub(super) fn resize(app: &mut App, width: u16, height: u16) {
    app.size = (width, height);
    if lays_out_off_the_input_path(app) {
        // The screen at the reading positions now, the rest by the app's
        // layout job.
        let positions = reading_positions(app);
        let tops = positions
            .map(|position| position.map_or((0, 0), |(passage, within, _)| (passage, within)));
        app.partial = Some(Partial::Window(tops));
        rebuild(app, positions, Reuse::Allowed);
        return;
    }
    relayout(app);
}

/// Rows of a pane past which a resize lays the document out off the input
/// path: some 1 MB of text, 10 ms to lay out.
const ROWS_LAID_OUT_AT_ONCE: usize = 20_000;

/// Whether a resize should lay out the screen first and the rest off the
/// input path: the source order of a large document, at new pane widths.
fn lays_out_off_the_input_path(app: &App) -> bool {
    let Some(view) = &app.view else {
        return false;
    };
    let large = app.partial.is_some()
        || view
            .panes
            .iter()
            .any(|pane| pane.row_count() > ROWS_LAID_OUT_AT_ONCE);
    let widths = pane_widths(app).map(|(_, widths)| widths);
    large
        && app.order == Order::Source
        && app.filter.is_none()
        && widths.is_some_and(|widths| widths != widths_of(&view.panes))
}

fn widths_of(panes: &[PaneLayout; 2]) -> [usize; 2] {
    panes.each_ref().map(PaneLayout::width)
}

/// The screen's geometry at the app's size, and the panes' text widths;
/// `None` when the terminal is too small to draw the viewer.
fn pane_widths(app: &App) -> Option<(Screen, [usize; 2])> {
    let (width, height) = app.size;
    let screen = Screen::split(Rect::new(0, 0, width, height), app.sidebar_wanted_width())?;
    let widths = [inner(screen.left).width, inner(screen.right).width].map(usize::from);
    Some((screen, widths))
}

/// Lays out what an opening screen left out: here, or by taking
/// `laid_out`, the readouts laid out whole off the input path. A layout
/// made for other widths than the panes' (the terminal was resized
/// meanwhile) is dropped, and the app's layout job is then for the new
/// ones; so is one that comes after the rest was laid out.
pub(super) fn complete_layout(app: &mut App, laid_out: Option<[PaneLayout; 2]>) {
    if app.partial.is_none() {
        return;
    }
    if let Some(panes) = laid_out {
        if app.view.as_ref().map(|view| widths_of(&view.panes)) != Some(widths_of(&panes)) {
            return;
        }
        app.kept.source = Some(panes);
    }
    app.partial = None;
    relayout(app);
}

/// Lays the panes out for the current size, order and filter, keeping the
/// passage at the top of each pane at its top.
pub(super) fn relayout(app: &mut App) {
    let positions = reading_positions(app);
    rebuild(app, positions, Reuse::Allowed);
}

/// Whether layouts of the same width may be kept (not after the document
/// changed under them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reuse {
    Allowed,
    Never,
}

/// Where each pane is: see [`reading_position`].
pub(super) type ReadingPositions = [Option<(usize, usize, usize)>; 2];

pub(super) fn reading_positions(app: &App) -> ReadingPositions {
    Side::BOTH.map(|side| reading_position(app, side))
}

/// Lays the panes out and puts each back at its reading position.
pub(super) fn rebuild(app: &mut App, positions: ReadingPositions, reuse: Reuse) {
    if reuse == Reuse::Never {
        app.view = None;
        app.kept = KeptLayouts::default();
    }
    let Some((screen, widths)) = pane_widths(app) else {
        // Too small to draw: keep the layout, so the reading position
        // survives until the terminal grows again.
        if let Some(view) = &mut app.view {
            view.screen = None;
        }
        return;
    };
    keep_layouts(app);
    let (panes, topic_rows) = lay_out(app, widths);
    app.view = Some(View {
        screen: Some(screen),
        panes,
        map: SyncMap::new(&[], 0, 0),
        topic_rows,
        filter: app.filter,
    });
    refresh_map(app);
    for side in Side::BOTH {
        if let Some((passage, within, rows)) = positions[side.index()] {
            restore_reading_position(app, side, passage, within, rows);
        }
    }
    // A window's panes start at different passages: each stays at its
    // reading position until the whole layout syncs them again.
    if !matches!(app.partial, Some(Partial::Window(_))) {
        follow(app, leader(app));
    }
}

/// The layouts of the orders not shown: whole-document layouts take long
/// enough to lay out (45 ms for 10 MB) that going back to the source order,
/// or again to the by-topic one, should not lay them out again.
#[derive(Debug, Clone, Default)]
pub struct KeptLayouts {
    source: Option<[PaneLayout; 2]>,
    by_topic: Option<([PaneLayout; 2], Vec<usize>)>,
}

/// Moves the current layouts into [`KeptLayouts`], by the order they were
/// made for; a filtered layout is quick to make again and is not kept.
fn keep_layouts(app: &mut App) {
    let Some(view) = app.view.take() else {
        return;
    };
    match (view.filter, view.topic_rows) {
        (Some(_), _) => {}
        (None, Some(topic_rows)) => app.kept.by_topic = Some((view.panes, topic_rows)),
        // An opening screen's layouts cover only its first passages.
        (None, None) if view.panes.iter().all(PaneLayout::is_complete) => {
            app.kept.source = Some(view.panes);
        }
        (None, None) => {}
    }
}

/// The panes' layouts at these widths, reusing kept ones where nothing
/// that shapes them has changed.
fn lay_out(app: &mut App, widths: [usize; 2]) -> ([PaneLayout; 2], Option<Vec<usize>>) {
    let mut kept_source = None;
    if app.filter.is_none() {
        match app.order {
            Order::ByTopic => match app.kept.by_topic.take() {
                Some((panes, topic_rows)) if widths_of(&panes) == widths => {
                    return (panes, Some(topic_rows));
                }
                _ => {}
            },
            Order::Source => kept_source = app.kept.source.take(),
        }
    }
    lay_out_anew(app, widths, kept_source)
}

/// Lays the panes out; in the source order, a side whose kept layout has
/// the width is not laid out again.
fn lay_out_anew(
    app: &App,
    widths: [usize; 2],
    kept_source: Option<[PaneLayout; 2]>,
) -> ([PaneLayout; 2], Option<Vec<usize>>) {
    // The filtered and by-topic layouts copy the rows of passages from
    // the source order's, when it is kept at these widths.
    let sides = [Side::Left, Side::Right].map(|side| ArrangedSide {
        readout: app.readout(side),
        by_topic: &app.topic_passages[side.index()],
        width: widths[side.index()],
        wrapped: app.kept.source.as_ref().map(|panes| &panes[side.index()]),
    });
    if let Some(topic) = app.filter {
        return (arrange::topic_only(&app.document, sides, topic), None);
    }
    match app.order {
        Order::ByTopic => {
            let synopsis = arrange::synopsis(&app.document, sides);
            (synopsis.panes, Some(synopsis.topic_rows))
        }
        Order::Source => {
            let rows = usize::from(app.size.1);
            match app.partial {
                Some(Partial::Opening) => {
                    // The left pane leads from its top; an anchor on its
                    // first passage puts the right pane's top at the
                    // anchored passage.
                    let right_top = (app.anchors.iter())
                        .filter(|anchor| anchor.left == 0)
                        .map(|anchor| anchor.right)
                        .max()
                        .unwrap_or(0);
                    let opening = |side: Side, through: usize| {
                        let width = widths[side.index()];
                        PaneLayout::partial(app.readout(side), width, rows, 0, through)
                    };
                    return (
                        [opening(Side::Left, 0), opening(Side::Right, right_top)],
                        None,
                    );
                }
                Some(Partial::Window(tops)) => {
                    let window = |side: Side| {
                        let (passage, within) = tops[side.index()];
                        let width = widths[side.index()];
                        PaneLayout::partial(
                            app.readout(side),
                            width,
                            rows + within,
                            passage,
                            passage,
                        )
                    };
                    return ([window(Side::Left), window(Side::Right)], None);
                }
                None => {}
            }
            let [kept_left, kept_right] = kept_source.map_or([None, None], |panes| panes.map(Some));
            let lay_out_side = |side: Side, kept: Option<PaneLayout>| {
                let width = widths[side.index()];
                match kept {
                    // Only whole layouts are kept (see `keep_layouts`).
                    Some(pane) if pane.width() == width => pane,
                    _ => PaneLayout::new(app.readout(side), width),
                }
            };
            let panes = on_both_sides(
                || lay_out_side(Side::Left, kept_left),
                || lay_out_side(Side::Right, kept_right),
            );
            (panes, None)
        }
    }
}

/// The passage at the top of a pane, how many of its rows are above the
/// top, and how many rows it has.
fn reading_position(app: &App, side: Side) -> Option<(usize, usize, usize)> {
    let pane = &app.view.as_ref()?.panes[side.index()];
    let offset = app.offsets[side.index()];
    let (passage, first_row) = pane.passage_start_at(offset)?;
    let within = offset.saturating_sub(first_row);
    Some((passage, within, pane.passage_rows(passage).max(1)))
}

fn restore_reading_position(app: &mut App, side: Side, passage: usize, within: usize, rows: usize) {
    let Some(view) = &app.view else {
        return;
    };
    let pane = &view.panes[side.index()];
    let Some(first_row) = pane.first_row(passage) else {
        return;
    };
    let new_rows = pane.passage_rows(passage);
    // The same share of the passage stays above the top.
    let within = within * new_rows / rows;
    let offset = first_row + within.min(new_rows.saturating_sub(1));
    app.offsets[side.index()] = offset.min(app.max_offset(side));
}

/// Rebuilds the sync map: after a relayout, or when a notice row changes a
/// pane's height.
pub(super) fn refresh_map(app: &mut App) {
    let maxima = [app.max_offset(Side::Left), app.max_offset(Side::Right)];
    let Some(view) = &mut app.view else {
        return;
    };
    let rows: Vec<(usize, usize)> = app
        .anchors
        .iter()
        .filter_map(|a| {
            Some((
                view.panes[0].first_row(a.left)?,
                view.panes[1].first_row(a.right)?,
            ))
        })
        .collect();
    view.map = SyncMap::new(&rows, maxima[0], maxima[1]);
    for side in Side::BOTH {
        let i = side.index();
        app.offsets[i] = app.offsets[i].min(maxima[i]);
    }
}
