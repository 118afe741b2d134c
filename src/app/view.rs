//! The view derived from the document and the reader's state: the screen's
//! geometry, each pane's layout, the row space the panes scroll through
//! (padded in aligned mode), the band a one-sided topic puts across both
//! panes, and the rows of text left below it. It is made again when the
//! size, the layout, the anchors, the sync mode or the band change, never
//! while drawing. With it, the rules that keep the panes' offsets within
//! their row spaces and with each other.

use ratatui::layout::Rect;

use super::{App, Focus, Order, PaneTop, Partial, Side, SyncMode};
use crate::layout::arrange::{self, Column};
use crate::layout::on_both_sides;
use crate::layout::padding::{self, Padding};
use crate::layout::pane::{PaneLayout, Row};
use crate::layout::pieces::{heading_text, notice_text};
use crate::layout::screen::{Screen, capped, inner};
use crate::layout::wrap::{truncate, wrap};

/// The most rows the band of a one-sided topic takes.
pub const BAND_MOST_ROWS: usize = 2;

/// The two panes as they are shown at the current size.
#[derive(Debug, Clone)]
pub struct View {
    /// `None` when the terminal is too small to draw the viewer.
    pub screen: Option<Screen>,
    pub panes: [PaneLayout; 2],
    /// The rows each pane scrolls through: its layout's, with blank filler
    /// rows before the anchors in aligned mode.
    pub padding: [Padding; 2],
    /// Across the top of both panes after a jump to a topic one side leaves
    /// out: the topic's label over the side that speaks, "does not mention"
    /// over the other; the same rows on both sides.
    pub band: Option<Band>,
    /// Rows of text each pane shows, below the band.
    pub text_height: usize,
    /// In the by-topic order: the heading row of each topic's block.
    pub topic_rows: Option<Vec<usize>>,
    /// The topic the panes show alone, if they are filtered.
    pub filter: Option<usize>,
}

/// The band of a one-sided topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Band {
    pub topic: usize,
    /// Each side's lines, as many on both sides.
    pub lines: [Vec<String>; 2],
    /// Whether each side mentions the topic.
    pub speaks: [bool; 2],
}

impl Band {
    pub fn rows(&self) -> usize {
        self.lines[0].len()
    }
}

impl View {
    /// The row of the padded space where a row of a pane's layout shows.
    pub fn padded_row(&self, side: Side, row: usize) -> usize {
        self.padding[side.index()].padded_row(row)
    }

    /// The padded row just past a pane's own last row: where its text
    /// ends, whatever padding the other side's longer text adds after it.
    pub fn end_of_text(&self, side: Side) -> usize {
        match self.panes[side.index()].row_count() {
            0 => 0,
            rows => self.padded_row(side, rows - 1) + 1,
        }
    }

    /// The padded row where a passage starts.
    pub fn passage_row(&self, side: Side, passage: usize) -> Option<usize> {
        let row = self.panes[side.index()].first_row(passage)?;
        Some(self.padded_row(side, row))
    }

    /// The padded row where a passage starts, at or after a padded row.
    pub fn passage_row_from(&self, side: Side, passage: usize, from: usize) -> Option<usize> {
        let padding = &self.padding[side.index()];
        let from = padding.layout_row_from(from);
        let row = self.panes[side.index()].first_row_from(passage, from)?;
        Some(padding.padded_row(row))
    }

    /// The row of a pane's layout at a padded row, or for a filler the
    /// row it comes before.
    pub fn layout_row(&self, side: Side, padded: usize) -> usize {
        self.padding[side.index()].layout_row_from(padded)
    }

    /// What a pane shows at a padded row.
    pub fn row(&self, side: Side, padded: usize) -> Option<Row> {
        self.padding[side.index()].row(&self.panes[side.index()], padded)
    }

    /// The passage shown at a padded row (a filler: the one it leads to).
    pub fn passage_at(&self, side: Side, padded: usize) -> Option<usize> {
        self.panes[side.index()].passage_at(self.layout_row(side, padded))
    }

    /// Rows of the padded space.
    pub fn rows(&self, side: Side) -> usize {
        self.padding[side.index()].rows()
    }
}

impl App {
    /// Whether both panes scroll as one row space: padded by topic or by
    /// filter, or aligned through the anchors. A resized large document
    /// waits for its whole layout before it aligns again.
    pub fn scrolls_as_one(&self) -> bool {
        self.panes_joined()
            || (self.sync == SyncMode::Aligned && !matches!(self.partial, Some(Partial::Window(_))))
    }
}

/// The pane the other follows: the focused one, or the one last read.
pub(super) fn leader(app: &App) -> Side {
    match app.focus {
        Focus::Pane(side) => side,
        Focus::Sidebar => app.reading,
    }
}

/// Moves the other pane after `leader` moved: row for row when both
/// scroll as one or in lockstep, not at all when they are independent.
pub(super) fn follow(app: &mut App, leader: Side) {
    if !app.scrolls_as_one() && app.sync != SyncMode::Lockstep {
        return;
    }
    let other = leader.other();
    let offset = app.offsets[leader.index()];
    app.offsets[other.index()] = if app.scrolls_as_one() {
        // One row space: the same row, as far past the end as the leader.
        offset
    } else {
        let current = app.offsets[other.index()];
        offset.min(app.max_offset(other).max(current))
    };
    clamp_offsets(app);
}

/// Keeps each offset within its pane's rows.
pub(super) fn clamp_offsets(app: &mut App) {
    let Some(view) = &app.view else {
        return;
    };
    for side in Side::BOTH {
        let last = view.rows(side).saturating_sub(1);
        let offset = &mut app.offsets[side.index()];
        *offset = (*offset).min(last);
    }
}

/// Makes the row space, the band and the text height again for the layout
/// at hand. Offsets are the caller's to put right.
pub(super) fn refresh(app: &mut App) {
    let aligned = app.sync == SyncMode::Aligned && app.scrolls_as_one() && !app.panes_joined();
    let band_topic = app.band.filter(|_| !app.panes_joined());
    let screen = app.view.as_ref().and_then(|view| view.screen);
    let band = match (band_topic, screen) {
        (Some(topic), Some(screen)) => Some(band(app, topic, &screen)),
        _ => None,
    };
    let Some(view) = &mut app.view else {
        return;
    };
    let panes = [&view.panes[0], &view.panes[1]];
    view.padding = if aligned {
        padding::aligned(panes, &app.anchors)
    } else {
        padding::unpadded(panes)
    };
    view.band = band;
    let inner_height = view
        .screen
        .map_or(0, |screen| usize::from(inner(screen.left).height));
    let band_rows = view.band.as_ref().map_or(0, Band::rows);
    view.text_height = inner_height.saturating_sub(band_rows).max(1);
}

/// The band of a one-sided topic, wrapped to the panes.
fn band(app: &App, topic: usize, screen: &Screen) -> Band {
    let speaks = Side::BOTH.map(|side| app.mentions(side, topic));
    let mut lines = Side::BOTH.map(|side| {
        let area = match side {
            Side::Left => screen.left,
            Side::Right => screen.right,
        };
        let text = if speaks[side.index()] {
            heading_text(&app.document, topic)
        } else {
            notice_text(app.readout(side), &app.document, topic)
        };
        // A column of margin each side of the band.
        let width = usize::from(inner(area).width).saturating_sub(2);
        let mut lines: Vec<String> = wrap(&text, width)
            .into_iter()
            .flatten()
            .map(|range| text[range].to_string())
            .collect();
        if lines.len() > BAND_MOST_ROWS {
            let rest = lines.split_off(BAND_MOST_ROWS - 1).join(" ");
            lines.push(truncate(&rest, width).into_owned());
        }
        lines
    });
    let rows = lines.iter().map(Vec::len).max().unwrap_or(0).max(1);
    for side in &mut lines {
        side.resize(rows, String::new());
    }
    Band {
        topic,
        lines,
        speaks,
    }
}

/// A new terminal size: the panes are laid out again, each keeping the
/// passage at its top.
pub(super) fn resize(app: &mut App, width: u16, height: u16) {
    app.size = capped(width, height);
    if lays_out_off_the_input_path(app) {
        // The screen at the reading positions now, the rest by the app's
        // layout job.
        let positions = reading_positions(app);
        let tops = positions.map(|position| {
            position.map_or_else(PaneTop::default, |position| PaneTop {
                passage: position.passage,
                within: position.within,
            })
        });
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
    let positions = reading_positions(app);
    app.partial = None;
    rebuild(app, positions, Reuse::Allowed);
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

/// Where a pane is: the passage at its top, how many of its rows are above
/// the top, and how many rows it has; or, at filler rows, how many of them
/// are between the top and the passage they come before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct ReadingPosition {
    pub passage: usize,
    pub within: usize,
    pub rows: usize,
    pub filler_above: usize,
}

pub(super) type ReadingPositions = [Option<ReadingPosition>; 2];

pub(super) fn reading_positions(app: &App) -> ReadingPositions {
    Side::BOTH.map(|side| reading_position(app, side))
}

fn reading_position(app: &App, side: Side) -> Option<ReadingPosition> {
    let view = app.view.as_ref()?;
    let pane = &view.panes[side.index()];
    let offset = app.offsets[side.index()];
    let row = view.layout_row(side, offset);
    let (passage, first_row) = pane.passage_start_at(row)?;
    Some(ReadingPosition {
        passage,
        within: row.saturating_sub(first_row),
        rows: pane.passage_rows(passage).max(1),
        filler_above: view.padded_row(side, row).saturating_sub(offset),
    })
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
    // A short document's first screen is all of it: nothing is left to
    // lay out off the input path.
    if app.partial.is_some() && panes.iter().all(PaneLayout::is_complete) {
        app.partial = None;
    }
    app.view = Some(View {
        screen: Some(screen),
        padding: padding::unpadded([&panes[0], &panes[1]]),
        panes,
        band: None,
        text_height: 1,
        topic_rows,
        filter: app.filter,
    });
    refresh(app);
    for side in Side::BOTH {
        app.offsets[side.index()] = match positions[side.index()] {
            Some(position) => restored_offset(app, side, position),
            None => 0,
        };
    }
    // A window's panes start at different passages: each stays at its
    // reading position until the whole layout syncs them again.
    if !matches!(app.partial, Some(Partial::Window(_))) {
        follow(app, leader(app));
    }
    clamp_offsets(app);
}

/// The padded row that puts a reading position back at the top: the same
/// share of the passage above the top as before.
fn restored_offset(app: &App, side: Side, position: ReadingPosition) -> usize {
    let Some(view) = &app.view else {
        return 0;
    };
    let pane = &view.panes[side.index()];
    let Some(first_row) = pane.first_row(position.passage) else {
        return 0;
    };
    let new_rows = pane.passage_rows(position.passage);
    let within = position.within * new_rows / position.rows;
    let row = view.padded_row(side, first_row + within.min(new_rows.saturating_sub(1)));
    // As many filler rows above as before, if the new padding has them.
    let after_the_row_before = first_row
        .checked_sub(1)
        .map_or(0, |before| view.padded_row(side, before) + 1);
    row.saturating_sub(position.filler_above)
        .max(after_the_row_before)
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
    let columns = Side::BOTH.map(|side| Column {
        readout: app.readout(side),
        by_topic: &app.topic_passages[side.index()],
        width: widths[side.index()],
        wrapped: app.kept.source.as_ref().map(|panes| &panes[side.index()]),
    });
    if let Some(topic) = app.filter {
        return (arrange::topic_only(&app.document, columns, topic), None);
    }
    match app.order {
        Order::ByTopic => {
            let synopsis = arrange::synopsis(&app.document, columns);
            (synopsis.panes, Some(synopsis.topic_rows))
        }
        Order::Source => match app.partial {
            Some(partial) => (partial_layouts(app, widths, partial), None),
            None => {
                let [kept_left, kept_right] =
                    kept_source.map_or([None, None], |panes| panes.map(Some));
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
        },
    }
}

/// The layouts of what a screen shows while the rest is laid out off the
/// input path.
fn partial_layouts(app: &App, widths: [usize; 2], partial: Partial) -> [PaneLayout; 2] {
    let rows = usize::from(app.size.1);
    match partial {
        // Both panes from their tops, each through the passages of every
        // anchor that can pad the first screen: one whose passage on
        // either side can start on it (a passage starts at least a row
        // below the one before). Its filler goes on the side that gets
        // there sooner, so both of its passages must be laid out.
        Partial::Opening => {
            let through = app
                .anchors
                .iter()
                .take_while(|anchor| anchor.left.min(anchor.right) < rows)
                .fold([0, 0], |through, anchor| {
                    [through[0].max(anchor.left), through[1].max(anchor.right)]
                });
            Side::BOTH.map(|side| {
                let width = widths[side.index()];
                PaneLayout::partial(app.readout(side), width, rows, 0, through[side.index()])
            })
        }
        Partial::Window(tops) => Side::BOTH.map(|side| {
            let top = tops[side.index()];
            let width = widths[side.index()];
            PaneLayout::partial(
                app.readout(side),
                width,
                rows + top.within,
                top.passage,
                top.passage,
            )
        }),
    }
}
