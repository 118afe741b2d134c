//! The one place the viewer's state changes: [`update`] applies a
//! message — what the system reports, or a user's command as the open
//! overlay, presentation mode or the panes read it, each in a handler of
//! its own that names every command.

use super::editing::{self, PromptKey, PromptKind, Reload};
use super::navigation::{
    jump, next_passage_of_topic, scroll_by, scroll_pages, scroll_to, scroll_to_end,
    select_and_jump, set_focus, set_sync,
};
use super::presentation::{self, Presentation};
use super::view::{complete_layout, leader, relayout, resize};
use super::{
    Action, App, Focus, Message, Order, Overlay, Side, copy, lenses, overlay, reload, search,
};
use crate::document::normalize::visible_stand_in;
use crate::export::plain::min_width;

/// Rows the mouse wheel scrolls per notch.
pub const WHEEL_ROWS: isize = 3;

/// Applies one message to the state: it only routes. What the system
/// reports is taken in here; a command goes to the handler of what has
/// the keys now (an overlay, presentation mode, or the panes).
pub fn update(app: &mut App, message: impl Into<Message>) {
    app.message = None;
    match message.into() {
        Message::Command(action) => command(app, action),
        Message::Resize(width, height) => {
            resize(app, width, height);
            refresh_overlay(app);
            clamp_presentation(app);
        }
        Message::CompleteLayout => complete_layout(app, None),
        Message::LaidOut(panes) => complete_layout(app, Some(*panes)),
        Message::EndNumber => app.typed_number = None,
        Message::Reloaded(document, text) => {
            app.reloading = false;
            match editing::on_reload(app, &text) {
                Reload::Take => {
                    // Whatever is being laid out off the input path is of
                    // the old text: the new one is laid out whole here,
                    // and that layout, when it comes, is dropped.
                    app.partial = None;
                    editing::reloaded(app, *document, text);
                    refresh_overlay(app);
                    clamp_presentation(app);
                }
                Reload::KeepAside => editing::keep_aside(app, document, text),
                Reload::Ours => {}
            }
        }
        Message::Saved(text, file) => editing::saved(app, text, file),
        Message::SaveFailed(problem) => editing::save_failed(app, problem),
        Message::Reloading => app.reloading = true,
        Message::ReloadFailed(problem) => {
            app.reloading = false;
            app.reload_problem = Some(problem);
        }
    }
    lenses::follow(app);
}

fn command(app: &mut App, action: Action) {
    if !matches!(action, Action::Digit(_)) {
        app.typed_number = None;
    }
    if app.prompt.is_some() {
        prompt_command(app, action);
    } else if app.overlay.is_some() {
        overlay_command(app, action);
    } else if app.presentation.is_some() {
        presentation_command(app, action);
    } else {
        panes_command(app, action);
    }
}

/// Keys while a prompt waits for its answer; Ctrl-c twice quits, as the
/// quit prompt comes first when edits are unsaved.
fn prompt_command(app: &mut App, action: Action) {
    let key = match action {
        Action::TypeChar(c) => PromptKey::Char(c),
        Action::EraseChar => PromptKey::Erase,
        Action::ConfirmInput => PromptKey::Confirm,
        Action::Interrupt
            if app
                .prompt
                .as_ref()
                .is_some_and(|p| p.kind == PromptKind::Quit) =>
        {
            app.quit = true;
            return;
        }
        Action::Interrupt => {
            app.prompt = None;
            editing::quit(app);
            return;
        }
        Action::Repaint | Action::Suspend => return everywhere(app, &action),
        _ => PromptKey::Cancel,
    };
    editing::prompt_key(app, key);
}

/// The commands that mean the same in every view.
fn everywhere(app: &mut App, action: &Action) {
    match action {
        Action::Interrupt => editing::quit(app),
        Action::Repaint => app.repaints = app.repaints.wrapping_add(1),
        Action::Suspend => app.suspensions = app.suspensions.wrapping_add(1),
        _ => {}
    }
}

/// Commands in the normal view: the sidebar, the panes, the search.
fn panes_command(app: &mut App, action: Action) {
    match action {
        Action::Quit => editing::quit(app),
        Action::Interrupt | Action::Repaint | Action::Suspend => everywhere(app, &action),
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
        Action::RowDown => scroll_by(app, leader(app), 1),
        Action::RowUp => scroll_by(app, leader(app), -1),
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
            Focus::Pane(side) => scroll_to_end(app, side),
        },
        Action::Activate => {
            if app.current_topic == Some(app.selected) {
                next_passage_of_topic(app);
            } else {
                jump(app, app.selected);
            }
        }
        Action::JumpToTopic(topic) => jump_to_number(app, topic),
        Action::Digit(digit) => {
            if let Some(topic) = typed_topic(app, digit) {
                jump_to_number(app, topic);
            }
        }
        Action::NextTopic => step_topic(app, true),
        Action::PreviousTopic => step_topic(app, false),
        Action::CycleSync => set_sync(app, app.sync.next()),
        Action::SetSync(mode) => set_sync(app, mode),
        Action::ToggleFilter => {
            app.band = None;
            app.filter = match app.filter {
                Some(_) => None,
                None => Some(app.selected),
            };
            if app.filter.is_some() {
                app.current_topic = Some(app.selected);
                app.topic_cursor = [0, 0];
            }
            relayout(app);
            if app.filter.is_some() {
                app.offsets = [0, 0];
            }
        }
        Action::ToggleOrder => {
            app.band = None;
            app.order = match app.order {
                Order::Source => Order::ByTopic,
                Order::ByTopic => Order::Source,
            };
            relayout(app);
        }
        Action::ToggleHelp => open_overlay(app, Overlay::Help),
        Action::ToggleInfo => open_overlay(app, Overlay::Info),
        Action::ToggleNote => open_overlay(app, Overlay::Note),
        Action::ToggleSynopsis => open_synopsis(app),
        Action::CopyTopic => copy::copy_topic(app),
        Action::CopyPassage => copy::copy_passage(app),
        Action::Edit(command) => editing::command(app, command),
        Action::ToggleWording => lenses::toggle_wording(app),
        Action::CycleWordLists => lenses::cycle_lists(app),
        Action::NextReadout(side) => reload::next_readout(app, side),
        Action::Close => {
            if app.search.as_ref().is_some_and(|s| s.editing) {
                search::cancel(app);
            } else {
                app.search = None;
            }
        }
        Action::StartSearch => search::start(app),
        Action::TypeChar(c) => search::edit(app, |query| {
            // A control character, typed or pasted, is searched for and
            // shown as the stand-in the loader puts in the text.
            match visible_stand_in(c) {
                Some(stand_in) => query.push_str(&stand_in),
                None => query.push(c),
            }
        }),
        Action::EraseChar => search::edit(app, |query| {
            query.pop();
        }),
        Action::ConfirmInput => search::confirm(app),
        Action::NextMatch => search::step(app, true),
        Action::PreviousMatch => search::step(app, false),
        Action::TogglePresentation => {
            app.search = None;
            app.presentation = Some(Presentation::default());
        }
        Action::ToggleReveal => {}
        Action::Scroll { column, row, rows } => wheel(app, column, row, rows),
        Action::Click { column, row } => click(app, column, row),
    }
}

/// The topic a digit makes, 0-based: with the digits typed just before it,
/// while they still make a topic's number; else on its own. While a
/// further digit could make a larger number, the number is kept.
fn typed_topic(app: &mut App, digit: u8) -> Option<usize> {
    let count = app.document.topics.len();
    let digit = usize::from(digit);
    let number = match app.typed_number {
        Some(before) if before * 10 + digit <= count => before * 10 + digit,
        _ => digit,
    };
    app.typed_number = (number > 0 && number * 10 <= count).then_some(number);
    match number.checked_sub(1) {
        Some(topic) => Some(topic),
        None => {
            app.message = Some(format!("There is no topic 0: topics are 1 to {count}."));
            None
        }
    }
}

fn jump_to_number(app: &mut App, topic: usize) {
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

fn step_topic(app: &mut App, forward: bool) {
    match (forward, app.selected) {
        (true, selected) if selected + 1 < app.document.topics.len() => jump(app, selected + 1),
        (true, _) => app.message = Some("This is the last topic.".to_string()),
        (false, 0) => app.message = Some("This is the first topic.".to_string()),
        (false, selected) => jump(app, selected - 1),
    }
}

/// Commands in presentation mode: topics forward and back, reveal,
/// scroll, and back to the normal view at the same topic.
fn presentation_command(app: &mut App, action: Action) {
    let last = app.document.topics.len().saturating_sub(1);
    let topic = match action {
        Action::NextTopic => Some((app.selected + 1).min(last)),
        Action::PreviousTopic => Some(app.selected.saturating_sub(1)),
        Action::JumpToTopic(topic) => Some(topic.min(last)),
        Action::Digit(digit) => typed_topic(app, digit).map(|topic| topic.min(last)),
        _ => None,
    };
    let Some(slide) = &mut app.presentation else {
        return;
    };
    match action {
        Action::Quit => editing::quit(app),
        Action::Interrupt | Action::Repaint | Action::Suspend => everywhere(app, &action),
        Action::TogglePresentation | Action::Close => {
            app.presentation = None;
            jump(app, app.selected);
        }
        Action::ToggleReveal => slide.toggle_reveal(),
        Action::NextTopic | Action::PreviousTopic | Action::JumpToTopic(_) | Action::Digit(_) => {
            if let Some(topic) = topic {
                app.selected = topic;
                slide.new_topic();
            }
        }
        Action::Up | Action::RowUp => slide.scroll = slide.scroll.saturating_sub(1),
        Action::Down | Action::RowDown => slide.scroll += 1,
        Action::Top => slide.scroll = 0,
        Action::Bottom => slide.scroll = usize::MAX,
        Action::ToggleHelp => open_overlay(app, Overlay::Help),
        Action::ToggleInfo => open_overlay(app, Overlay::Info),
        Action::ToggleNote => open_overlay(app, Overlay::Note),
        Action::ToggleSynopsis => open_synopsis(app),
        Action::CopyTopic => copy::copy_topic(app),
        Action::Scroll { rows, .. } => {
            slide.scroll = slide.scroll.saturating_add_signed(rows);
        }
        // The panes' commands have no meaning on a slide.
        Action::FocusNext
        | Action::CopyPassage
        | Action::Edit(_)
        | Action::ToggleWording
        | Action::CycleWordLists
        | Action::NextReadout(_)
        | Action::FocusPrevious
        | Action::PageUp
        | Action::PageDown
        | Action::HalfPageUp
        | Action::HalfPageDown
        | Action::Activate
        | Action::CycleSync
        | Action::SetSync(_)
        | Action::ToggleFilter
        | Action::ToggleOrder
        | Action::StartSearch
        | Action::TypeChar(_)
        | Action::EraseChar
        | Action::ConfirmInput
        | Action::NextMatch
        | Action::PreviousMatch
        | Action::Click { .. } => {}
    }
    clamp_presentation(app);
}

fn clamp_presentation(app: &mut App) {
    let (width, height) = app.size;
    let most = if app.presentation.is_some() {
        presentation::max_scroll(app, width, height)
    } else {
        0
    };
    if let Some(slide) = &mut app.presentation {
        slide.scroll = slide.scroll.min(most);
    }
}

/// The mouse wheel scrolls the pane under the pointer (the sidebar: the
/// topics), and the other pane follows.
fn wheel(app: &mut App, column: u16, row: u16, rows: isize) {
    let Some(screen) = app.view.as_ref().and_then(|view| view.screen) else {
        return;
    };
    let at = ratatui::layout::Position::new(column, row);
    for side in Side::BOTH {
        let area = match side {
            Side::Left => screen.left,
            Side::Right => screen.right,
        };
        if area.contains(at) {
            scroll_by(app, side, rows);
            return;
        }
    }
}

/// A click on a topic in the sidebar jumps to it; a click in a pane
/// focuses it.
fn click(app: &mut App, column: u16, row: u16) {
    let Some(screen) = app.view.as_ref().and_then(|view| view.screen) else {
        return;
    };
    let at = ratatui::layout::Position::new(column, row);
    if let Some(sidebar) = screen.sidebar
        && sidebar.contains(at)
    {
        set_focus(app, Focus::Sidebar);
        let list = crate::layout::screen::inner(sidebar);
        let rows = usize::from(list.height);
        if row >= list.y && usize::from(row - list.y) < rows.min(app.document.topics.len()) {
            let topic = app.sidebar_first_topic(rows) + usize::from(row - list.y);
            jump(app, topic);
        }
        return;
    }
    for side in Side::BOTH {
        let area = match side {
            Side::Left => screen.left,
            Side::Right => screen.right,
        };
        if area.contains(at) {
            set_focus(app, Focus::Pane(side));
        }
    }
}

/// Commands while an overlay is open: they scroll it, close it, or
/// change it for another; the rest wait until it is closed.
fn overlay_command(app: &mut App, action: Action) {
    let page = usize::from(app.overlay_geometry().1.height).max(1);
    let last = app.overlay_rows.len().saturating_sub(page);
    let scroll = app.overlay_scroll;
    app.overlay_scroll = match action {
        Action::Up | Action::RowUp => scroll.saturating_sub(1),
        Action::Down | Action::RowDown => scroll + 1,
        Action::PageUp => scroll.saturating_sub(page),
        Action::PageDown => scroll + page,
        Action::HalfPageUp => scroll.saturating_sub(page / 2),
        Action::HalfPageDown => scroll + page / 2,
        Action::Scroll { rows, .. } => scroll.saturating_add_signed(rows),
        Action::Top => 0,
        Action::Bottom => last,
        Action::Close | Action::Quit => {
            app.overlay = None;
            app.overlay_rows.clear();
            0
        }
        Action::ToggleHelp => return open_overlay(app, Overlay::Help),
        Action::ToggleInfo => return open_overlay(app, Overlay::Info),
        Action::ToggleNote => return open_overlay(app, Overlay::Note),
        Action::ToggleSynopsis => return open_synopsis(app),
        Action::Interrupt | Action::Repaint | Action::Suspend => {
            return everywhere(app, &action);
        }
        Action::FocusNext
        | Action::FocusPrevious
        | Action::Activate
        | Action::JumpToTopic(_)
        | Action::Digit(_)
        | Action::NextTopic
        | Action::PreviousTopic
        | Action::CycleSync
        | Action::SetSync(_)
        | Action::ToggleFilter
        | Action::ToggleOrder
        | Action::StartSearch
        | Action::TypeChar(_)
        | Action::EraseChar
        | Action::ConfirmInput
        | Action::NextMatch
        | Action::PreviousMatch
        | Action::TogglePresentation
        | Action::ToggleReveal
        | Action::CopyTopic
        | Action::CopyPassage
        | Action::Edit(_)
        | Action::ToggleWording
        | Action::CycleWordLists
        | Action::NextReadout(_)
        | Action::Click { .. } => scroll,
    }
    .min(last);
}

/// The synopsis of every readout, when the screen has room for them all;
/// else the two panes stay, and the status line says how wide it must be.
fn open_synopsis(app: &mut App) {
    let columns = app.document.readouts.len();
    let needed = min_width(columns) + 4;
    if app.overlay != Some(Overlay::Synopsis) && usize::from(app.size.0) < needed {
        app.message = Some(format!(
            "{columns} readouts side by side need {needed} columns; `t` shows two by topic"
        ));
        return;
    }
    open_overlay(app, Overlay::Synopsis);
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
    if app.overlay == Some(Overlay::Info) && app.word_counts.is_none() {
        app.word_counts = Some(Side::BOTH.map(|side| app.readout(side).word_count()));
    }
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
