/// Everything a user can do in the viewer. The keymap turns keys into
/// actions; [`super::update`] applies them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    ToggleHelp,
    ToggleInfo,
    /// Close an overlay.
    Close,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
}
