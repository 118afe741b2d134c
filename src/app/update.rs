//! The one place the viewer's state changes.

use ratatui::layout::Rect;

use super::{Action, App, Focus, Overlay, Side, SyncMode, View, overlay};
use crate::layout::pane::PaneLayout;
use crate::layout::screen::{Screen, inner};
use crate::layout::sync::SyncMap;

/// Applies one action to the state.
pub fn update(app: &mut App, action: Action) {
    app.message = None;
    if app.overlay.is_some() && update_overlay(app, action) {
        return;
    }
    match action {
        Action::Quit | Action::Interrupt => app.quit = true,
        Action::FocusNext => set_focus(
            app,
            match app.focus {
                Focus::Sidebar => Focus::Pane(Side::Left),
                Focus::Pane(Side::Left) => Focus::Pane(Side::Right),
                Focus::Pane(Side::Right) => Focus::Sidebar,
            },
        ),
        Action::FocusPrevious => set_focus(
            app,
            match app.focus {
                Focus::Sidebar => Focus::Pane(Side::Right),
                Focus::Pane(Side::Right) => Focus::Pane(Side::Left),
                Focus::Pane(Side::Left) => Focus::Sidebar,
            },
        ),
        Action::Up => match app.focus {
            Focus::Sidebar => select_and_jump(app, app.selected.saturating_sub(1)),
            Focus::Pane(side) => scroll_by(app, side, -1),
        },
        Action::Down => match app.focus {
            Focus::Sidebar => select_and_jump(app, app.selected + 1),
            Focus::Pane(side) => scroll_by(app, side, 1),
        },
        Action::PageUp => scroll_pages(app, -1, 1),
        Action::PageDown => scroll_pages(app, 1, 1),
        Action::HalfPageUp => scroll_pages(app, -1, 2),
        Action::HalfPageDown => scroll_pages(app, 1, 2),
        Action::Top => match app.focus {
            Focus::Sidebar => select_and_jump(app, 0),
            Focus::Pane(side) => scroll_to(app, side, 0),
        },
        Action::Bottom => match app.focus {
            Focus::Sidebar => select_and_jump(app, app.document.topics.len().saturating_sub(1)),
            Focus::Pane(side) => scroll_to(app, side, usize::MAX),
        },
        Action::Activate => {
            if app.current_topic == Some(app.selected) {
                next_passage_of_topic(app);
            } else {
                jump(app, app.selected);
            }
        }
        Action::JumpToTopic(topic) => {
            if topic < app.document.topics.len() {
                jump(app, topic);
            } else {
                app.message = Some(format!(
                    "There is no topic {}: this readout has {}.",
                    topic + 1,
                    app.document.topics.len()
                ));
            }
        }
        Action::NextTopic => {
            if app.selected + 1 < app.document.topics.len() {
                jump(app, app.selected + 1);
            } else {
                app.message = Some("This is the last topic.".to_string());
            }
        }
        Action::PreviousTopic => {
            if app.selected > 0 {
                jump(app, app.selected - 1);
            } else {
                app.message = Some("This is the first topic.".to_string());
            }
        }
        Action::CycleSync => {
            app.sync = app.sync.next();
            follow(app, leader(app));
        }
        Action::ToggleHelp => open_overlay(app, Overlay::Help),
        Action::ToggleInfo => open_overlay(app, Overlay::Info),
        Action::Close => {}
        Action::Resize(width, height) => resize(app, width, height),
    }
}

/// Keys while an overlay is open: they scroll or close it. Returns whether
/// the action was used up.
fn update_overlay(app: &mut App, action: Action) -> bool {
    let page = usize::from(app.overlay_geometry().1.height).max(1);
    let last = app.overlay_rows.len().saturating_sub(page);
    let scroll = app.overlay_scroll;
    app.overlay_scroll = match action {
        Action::Up => scroll.saturating_sub(1),
        Action::Down => scroll + 1,
        Action::PageUp => scroll.saturating_sub(page),
        Action::PageDown => scroll + page,
        Action::HalfPageUp => scroll.saturating_sub(page / 2),
        Action::HalfPageDown => scroll + page / 2,
        Action::Top => 0,
        Action::Bottom => last,
        Action::Close | Action::Quit => {
            app.overlay = None;
            app.overlay_rows.clear();
            0
        }
        Action::ToggleHelp | Action::ToggleInfo | Action::Interrupt | Action::Resize(..) => {
            return false;
        }
        _ => return true,
    }
    .min(last);
    true
}

fn open_overlay(app: &mut App, overlay: Overlay) {
    app.overlay = if app.overlay == Some(overlay) {
        None
    } else {
        Some(overlay)
    };
    app.overlay_scroll = 0;
    refresh_overlay(app);
}

/// Wraps the open overlay's rows to its width.
fn refresh_overlay(app: &mut App) {
    app.overlay_rows = match app.overlay {
        Some(overlay) => {
            let width = usize::from(app.overlay_geometry_for(None).1.width);
            overlay::rows(app, overlay, width)
        }
        None => Vec::new(),
    };
    let page = usize::from(app.overlay_geometry().1.height).max(1);
    app.overlay_scroll = app
        .overlay_scroll
        .min(app.overlay_rows.len().saturating_sub(page));
}

fn set_focus(app: &mut App, focus: Focus) {
    app.focus = focus;
    if let Focus::Pane(side) = focus {
        app.reading = side;
    }
}

/// The pane the others follow: the focused one, or the one last read.
fn leader(app: &App) -> Side {
    match app.focus {
        Focus::Pane(side) => side,
        Focus::Sidebar => app.reading,
    }
}

fn select_and_jump(app: &mut App, topic: usize) {
    let last = app.document.topics.len().saturating_sub(1);
    jump(app, topic.min(last));
}

/// Puts each pane's first passage of the topic at its top and marks the
/// topic's passages; a silent side follows the sync mode.
fn jump(app: &mut App, topic: usize) {
    app.selected = topic;
    app.current_topic = Some(topic);
    app.topic_cursor = [0, 0];
    refresh_map(app);
    let speaking: Vec<Side> = Side::BOTH
        .into_iter()
        .filter(|&side| app.mentions(side, topic))
        .collect();
    for &side in &speaking {
        show_passage_of_topic(app, side, topic, 0);
    }
    match speaking.as_slice() {
        [] => {
            app.message = Some(format!(
                "Neither readout mentions {}.",
                app.document.topics[topic].label
            ));
        }
        [only] => follow(app, *only),
        _ => {}
    }
}

/// Enter on the current topic: each side moves on to its next passage of
/// the topic, round to the first after the last.
fn next_passage_of_topic(app: &mut App) {
    let topic = app.selected;
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

fn scroll_pages(app: &mut App, direction: isize, divisor: usize) {
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

fn scroll_by(app: &mut App, side: Side, delta: isize) {
    let offset = app.offsets[side.index()].saturating_add_signed(delta);
    scroll_to(app, side, offset);
}

fn scroll_to(app: &mut App, side: Side, offset: usize) {
    app.offsets[side.index()] = offset.min(app.max_offset(side));
    follow(app, side);
}

/// Moves the other pane after `leader` moved, as the sync mode says.
fn follow(app: &mut App, leader: Side) {
    let Some(view) = &app.view else {
        return;
    };
    let other = leader.other();
    let offset = app.offsets[leader.index()];
    let followed = match app.sync {
        SyncMode::Aligned => match leader {
            Side::Left => view.map.left_to_right(offset),
            Side::Right => view.map.right_to_left(offset),
        },
        SyncMode::Lockstep => offset,
        SyncMode::Independent => return,
    };
    app.offsets[other.index()] = followed.min(app.max_offset(other));
}

/// Lays the panes out for a new terminal size, keeping the passage at the
/// top of each pane at its top.
fn resize(app: &mut App, width: u16, height: u16) {
    let positions = Side::BOTH.map(|side| reading_position(app, side));
    app.size = (width, height);
    refresh_overlay(app);
    let screen = Screen::split(Rect::new(0, 0, width, height), app.sidebar_wanted_width());
    let Some(screen) = screen else {
        // Too small to draw: keep the layout, so the reading position
        // survives until the terminal grows again.
        if let Some(view) = &mut app.view {
            view.screen = None;
        }
        return;
    };
    let widths = [inner(screen.left).width, inner(screen.right).width].map(usize::from);
    let panes = Side::BOTH.map(|side| {
        let i = side.index();
        match &app.view {
            Some(view) if view.panes[i].width() == widths[i] => view.panes[i].clone(),
            _ => PaneLayout::new(app.readout(side), widths[i]),
        }
    });
    app.view = Some(View {
        screen: Some(screen),
        panes,
        map: SyncMap::new(&[], 0, 0),
    });
    refresh_map(app);
    for side in Side::BOTH {
        if let Some((passage, within, rows)) = positions[side.index()] {
            restore_reading_position(app, side, passage, within, rows);
        }
    }
    let leader = leader(app);
    follow(app, leader);
}

/// The passage at the top of a pane, how many of its rows are above the
/// top, and how many rows it has.
fn reading_position(app: &App, side: Side) -> Option<(usize, usize, usize)> {
    let pane = &app.view.as_ref()?.panes[side.index()];
    let offset = app.offsets[side.index()];
    let passage = pane.passage_at(offset)?;
    let within = offset.saturating_sub(pane.first_row(passage)?);
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

/// Rebuilds the sync map: after a resize, or when a notice row changes a
/// pane's height.
fn refresh_map(app: &mut App) {
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
