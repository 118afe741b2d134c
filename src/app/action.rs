use crate::document::Document;
use crate::layout::pane::PaneLayout;

/// Everything a user (or the file on disk) can do to the viewer. The
/// keymap turns keys into actions; [`super::update`] applies them.
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
    NextTopic,
    PreviousTopic,
    CycleSync,
    /// Show only the selected topic's passages, or everything again.
    ToggleFilter,
    /// Source order ↔ by topic.
    ToggleOrder,
    ToggleHelp,
    ToggleInfo,
    /// Close an overlay, or clear a search.
    Close,
    /// Open the search prompt.
    StartSearch,
    /// Typed into the search prompt.
    SearchInput(char),
    SearchBackspace,
    /// Enter in the search prompt.
    SearchConfirm,
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
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// Lay out the passages that an opening screen left out (see
    /// [`App::opening`](super::App::opening)).
    CompleteLayout,
    /// The readouts laid out whole, off the input path, for an opening
    /// screen (see [`App::layout_job`](super::App::layout_job)).
    LaidOut(Box<[PaneLayout; 2]>),
    /// The file changed on disk and loaded again.
    Reloaded(Box<Document>),
    /// The file changed on disk but is not valid now: the problem.
    ReloadFailed(String),
}
