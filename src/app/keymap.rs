//! Keys to actions, as data: one table gives both the bindings and the help
//! overlay, so the help can never disagree with the keys.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::Action;

struct Binding {
    /// The keys as the help shows them.
    shown: &'static str,
    keys: &'static [(KeyCode, KeyModifiers)],
    action: Action,
    what: &'static str,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

const BINDINGS: &[Binding] = &[
    Binding {
        shown: "q",
        keys: &[(KeyCode::Char('q'), NONE)],
        action: Action::Quit,
        what: "quit (closes an overlay first)",
    },
    Binding {
        shown: "Ctrl-c",
        keys: &[(KeyCode::Char('c'), CTRL)],
        action: Action::Interrupt,
        what: "quit",
    },
    Binding {
        shown: "Tab",
        keys: &[(KeyCode::Tab, NONE)],
        action: Action::FocusNext,
        what: "focus: sidebar → left pane → right pane",
    },
    Binding {
        shown: "Shift-Tab",
        keys: &[(KeyCode::BackTab, NONE)],
        action: Action::FocusPrevious,
        what: "focus the other way round",
    },
    Binding {
        shown: "j ↓",
        keys: &[(KeyCode::Char('j'), NONE), (KeyCode::Down, NONE)],
        action: Action::Down,
        what: "sidebar: next topic; pane: one row down",
    },
    Binding {
        shown: "k ↑",
        keys: &[(KeyCode::Char('k'), NONE), (KeyCode::Up, NONE)],
        action: Action::Up,
        what: "sidebar: previous topic; pane: one row up",
    },
    Binding {
        shown: "PgDn Space",
        keys: &[(KeyCode::PageDown, NONE), (KeyCode::Char(' '), NONE)],
        action: Action::PageDown,
        what: "one page down",
    },
    Binding {
        shown: "PgUp",
        keys: &[(KeyCode::PageUp, NONE)],
        action: Action::PageUp,
        what: "one page up",
    },
    Binding {
        shown: "Ctrl-d",
        keys: &[(KeyCode::Char('d'), CTRL)],
        action: Action::HalfPageDown,
        what: "half a page down",
    },
    Binding {
        shown: "Ctrl-u",
        keys: &[(KeyCode::Char('u'), CTRL)],
        action: Action::HalfPageUp,
        what: "half a page up",
    },
    Binding {
        shown: "g Home",
        keys: &[(KeyCode::Char('g'), NONE), (KeyCode::Home, NONE)],
        action: Action::Top,
        what: "top (sidebar: first topic)",
    },
    Binding {
        shown: "G End",
        keys: &[(KeyCode::Char('G'), NONE), (KeyCode::End, NONE)],
        action: Action::Bottom,
        what: "bottom (sidebar: last topic)",
    },
    Binding {
        shown: "Enter",
        keys: &[(KeyCode::Enter, NONE)],
        action: Action::Activate,
        what: "jump to the selected topic; again: its next passage",
    },
    Binding {
        shown: "]",
        keys: &[(KeyCode::Char(']'), NONE)],
        action: Action::NextTopic,
        what: "next topic",
    },
    Binding {
        shown: "[",
        keys: &[(KeyCode::Char('['), NONE)],
        action: Action::PreviousTopic,
        what: "previous topic",
    },
    Binding {
        shown: "s",
        keys: &[(KeyCode::Char('s'), NONE)],
        action: Action::CycleSync,
        what: "sync: aligned → lockstep → independent",
    },
    Binding {
        shown: "i",
        keys: &[(KeyCode::Char('i'), NONE)],
        action: Action::ToggleInfo,
        what: "the event's facts and the readouts' sources",
    },
    Binding {
        shown: "?",
        keys: &[(KeyCode::Char('?'), NONE)],
        action: Action::ToggleHelp,
        what: "this help",
    },
    Binding {
        shown: "Esc",
        keys: &[(KeyCode::Esc, NONE)],
        action: Action::Close,
        what: "close an overlay",
    },
];

/// The action a key press stands for, if any.
pub fn action_for(key: KeyEvent) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    // Shift is part of the character itself ('G', '?'); other modifiers
    // must match exactly.
    let modifiers = match key.code {
        KeyCode::Char(_) | KeyCode::BackTab => key.modifiers - KeyModifiers::SHIFT,
        _ => key.modifiers,
    };
    if let KeyCode::Char(digit @ '1'..='9') = key.code
        && modifiers.is_empty()
    {
        let number = digit as usize - '1' as usize;
        return Some(Action::JumpToTopic(number));
    }
    BINDINGS
        .iter()
        .find(|binding| binding.keys.contains(&(key.code, modifiers)))
        .map(|binding| binding.action)
}

/// The rows of the help overlay: keys, and what they do.
pub fn help_rows() -> Vec<(&'static str, &'static str)> {
    let mut rows: Vec<(&str, &str)> = BINDINGS.iter().map(|b| (b.shown, b.what)).collect();
    let jump = rows
        .iter()
        .position(|&(shown, _)| shown == "Enter")
        .map_or(rows.len(), |i| i + 1);
    rows.insert(jump, ("1–9", "jump to topic N"));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
        action_for(KeyEvent::new(code, modifiers))
    }

    #[test]
    fn keys_map_to_their_actions() {
        assert_eq!(press(KeyCode::Char('q'), NONE), Some(Action::Quit));
        assert_eq!(press(KeyCode::Char('c'), CTRL), Some(Action::Interrupt));
        assert_eq!(press(KeyCode::Char('c'), NONE), None);
        assert_eq!(
            press(KeyCode::Char('G'), KeyModifiers::SHIFT),
            Some(Action::Bottom)
        );
        assert_eq!(
            press(KeyCode::Char('?'), KeyModifiers::SHIFT),
            Some(Action::ToggleHelp)
        );
        assert_eq!(
            press(KeyCode::BackTab, KeyModifiers::SHIFT),
            Some(Action::FocusPrevious)
        );
        assert_eq!(press(KeyCode::Char('d'), CTRL), Some(Action::HalfPageDown));
        assert_eq!(
            press(KeyCode::Char('3'), NONE),
            Some(Action::JumpToTopic(2))
        );
        assert_eq!(press(KeyCode::Char('0'), NONE), None);
        assert_eq!(press(KeyCode::Down, NONE), Some(Action::Down));
    }

    #[test]
    fn releases_and_repeats_are_not_presses() {
        let mut key = KeyEvent::new(KeyCode::Char('q'), NONE);
        key.kind = KeyEventKind::Release;
        assert_eq!(action_for(key), None);
    }

    #[test]
    fn help_lists_every_binding_and_the_digits() {
        let rows = help_rows();
        assert_eq!(rows.len(), BINDINGS.len() + 1);
        assert!(rows.contains(&("1–9", "jump to topic N")));
    }
}
