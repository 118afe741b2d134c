//! The messages [`super::update`] takes: what the user commands (keys and
//! the mouse, as the keymap reads them) and what the system reports (a new
//! size, a layout made off the input path, the file on disk).

use std::path::PathBuf;

use super::{Side, SyncMode};
use crate::document::Document;
use crate::layout::pane::PaneLayout;

/// What a user can tell the viewer to do. The keymap turns keys into
/// actions.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Quit; with an overlay open, close it.
    Quit,
    /// Quit at once (Ctrl-c).
    Interrupt,
    FocusNext,
    FocusPrevious,
    /// Sidebar: the previous topic; pane: one row up.
    Up,
    /// Sidebar: the next topic; pane: one row down.
    Down,
    /// The pane read (focused, or last read): one row down, whatever has
    /// the focus.
    RowDown,
    /// The pane read: one row up.
    RowUp,
    PageUp,
    PageDown,
    HalfPageUp,
    HalfPageDown,
    Top,
    Bottom,
    /// Jump to the selected topic; again: its next passage on each side.
    Activate,
    /// Jump to topic N (0-based).
    JumpToTopic(usize),
    /// A digit of a topic's number: the topic so far is jumped to at once,
    /// and the next digit, if it comes soon, makes a two-digit number.
    Digit(u8),
    NextTopic,
    PreviousTopic,
    CycleSync,
    /// How the panes move together, as the command line or config chose.
    SetSync(SyncMode),
    /// Show only the selected topic's passages, or everything again.
    ToggleFilter,
    /// Source order ↔ by topic.
    ToggleOrder,
    ToggleHelp,
    ToggleInfo,
    /// The selected topic's teaching note, in full.
    ToggleNote,
    /// Every readout as a column, topic by topic (when the screen is wide
    /// enough for them all).
    ToggleSynopsis,
    /// The selected topic's passages, both sides, to the clipboard.
    CopyTopic,
    /// The passage at the top of the focused pane, to the clipboard.
    CopyPassage,
    /// Close an overlay, or clear a search.
    Close,
    /// Open the search prompt.
    StartSearch,
    /// Typed into the search prompt or another prompt.
    TypeChar(char),
    EraseChar,
    /// Enter in a prompt.
    ConfirmInput,
    /// Making the comparison: the passage cursor, tags, topics, notes,
    /// saving, undo.
    Edit(EditCommand),
    /// Another readout in the left or the right pane (three or more).
    NextReadout(Side),
    /// The wording lens on the selected topic, or off.
    ToggleWording,
    /// The tone words, then the file's own word lists, then no lens.
    CycleWordLists,
    NextMatch,
    PreviousMatch,
    /// Into presentation mode, or back out of it.
    TogglePresentation,
    /// Presentation: hide or reveal the right-hand side.
    ToggleReveal,
    /// The mouse wheel over a cell: rows to scroll (negative: up).
    Scroll {
        column: u16,
        row: u16,
        rows: isize,
    },
    /// A click on a cell.
    Click {
        column: u16,
        row: u16,
    },
    /// Draw the whole screen again, as if nothing were on it: whatever
    /// else wrote to the terminal is drawn over.
    Repaint,
    /// Ctrl-z: hand the terminal back to the shell and stop, until `fg`.
    Suspend,
}

/// The commands that edit the comparison (see [`super::editing`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditCommand {
    /// The passage cursor to the next or previous passage of the focused
    /// pane (shown from the first move).
    NextPassage,
    PreviousPassage,
    /// Put the selected topic on the cursor's passage, or take it off.
    ToggleTag,
    /// Ask for a label and make a topic of it (on the cursor's passage).
    NewTopic,
    /// Ask for the selected topic's new label.
    RenameTopic,
    /// Delete the selected topic, once confirmed.
    DeleteTopic,
    /// Write the note of the cursor's passage.
    EditNote,
    /// Write the edits to the file (or, for the built-in readout and
    /// standard input, to a new one).
    Save,
    Undo,
    Redo,
}

/// Everything [`super::update`] applies: a user's command, or what the
/// terminal, a background job or the file on disk reports.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    Command(Action),
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// Lay out the passages that an opening screen left out (see
    /// [`App::opening`](super::App::opening)).
    CompleteLayout,
    /// The readouts laid out whole, off the input path, for an opening
    /// screen (see [`App::layout_job`](super::App::layout_job)).
    LaidOut(Box<[PaneLayout; 2]>),
    /// No more digits of a topic's number came in time.
    EndNumber,
    /// The file changed on disk; the new version is settling.
    Reloading,
    /// The file changed on disk and loaded again: the document and the
    /// text it was loaded from.
    Reloaded(Box<Document>, String),
    /// The edits were written: the text now in the file, and where.
    Saved(String, PathBuf),
    /// The edits could not be written: why.
    SaveFailed(String),
    /// The file changed on disk but is not valid now: the problem.
    ReloadFailed(String),
}

impl From<Action> for Message {
    fn from(action: Action) -> Self {
        Message::Command(action)
    }
}
