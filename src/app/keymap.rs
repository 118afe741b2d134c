//! Keys to actions, as data: one table gives both the bindings and the help
//! overlay, so the help can never disagree with the keys.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::{Action, InputMode};

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
        shown: "/",
        keys: &[(KeyCode::Char('/'), NONE)],
        action: Action::StartSearch,
        what: "search both panes (smart case); Enter keeps, Esc cancels",
    },
    Binding {
        shown: "n",
        keys: &[(KeyCode::Char('n'), NONE)],
        action: Action::NextMatch,
        what: "next match",
    },
    Binding {
        shown: "N",
        keys: &[(KeyCode::Char('N'), NONE)],
        action: Action::PreviousMatch,
        what: "previous match",
    },
    Binding {
        shown: "s",
        keys: &[(KeyCode::Char('s'), NONE)],
        action: Action::CycleSync,
        what: "sync: aligned → lockstep → independent",
    },
    Binding {
        shown: "f",
        keys: &[(KeyCode::Char('f'), NONE)],
        action: Action::ToggleFilter,
        what: "show only the selected topic's passages, or all",
    },
    Binding {
        shown: "t",
        keys: &[(KeyCode::Char('t'), NONE)],
        action: Action::ToggleOrder,
        what: "order: as published ↔ by topic",
    },
    Binding {
        shown: "p",
        keys: &[(KeyCode::Char('p'), NONE)],
        action: Action::TogglePresentation,
        what: "presentation mode, for a projector",
    },
    Binding {
        shown: "i",
        keys: &[(KeyCode::Char('i'), NONE)],
        action: Action::ToggleInfo,
        what: "the event's facts and the readouts' sources",
    },
    Binding {
        shown: "o",
        keys: &[(KeyCode::Char('o'), NONE)],
        action: Action::ToggleNote,
        what: "the selected topic's teaching note, in full",
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
        what: "close an overlay, clear a search",
    },
    Binding {
        shown: "Ctrl-l",
        keys: &[(KeyCode::Char('l'), CTRL)],
        action: Action::Repaint,
        what: "draw the whole screen again",
    },
];

/// Keys in presentation mode.
const PRESENTATION: &[Binding] = &[
    Binding {
        shown: "Space → PgDn",
        keys: &[
            (KeyCode::Char(' '), NONE),
            (KeyCode::Right, NONE),
            (KeyCode::PageDown, NONE),
        ],
        action: Action::NextTopic,
        what: "next topic",
    },
    Binding {
        shown: "← Backspace PgUp",
        keys: &[
            (KeyCode::Left, NONE),
            (KeyCode::Backspace, NONE),
            (KeyCode::PageUp, NONE),
        ],
        action: Action::PreviousTopic,
        what: "previous topic",
    },
    Binding {
        shown: "r",
        keys: &[(KeyCode::Char('r'), NONE)],
        action: Action::ToggleReveal,
        what: "hide or reveal the right-hand side",
    },
    Binding {
        shown: "j ↓ k ↑",
        keys: &[(KeyCode::Char('j'), NONE), (KeyCode::Down, NONE)],
        action: Action::Down,
        what: "scroll a long topic",
    },
    Binding {
        shown: "",
        keys: &[(KeyCode::Char('k'), NONE), (KeyCode::Up, NONE)],
        action: Action::Up,
        what: "",
    },
    Binding {
        shown: "p Esc",
        keys: &[(KeyCode::Char('p'), NONE), (KeyCode::Esc, NONE)],
        action: Action::TogglePresentation,
        what: "back to the panes, at the same topic",
    },
    Binding {
        shown: "q",
        keys: &[(KeyCode::Char('q'), NONE)],
        action: Action::Quit,
        what: "quit",
    },
    Binding {
        shown: "",
        keys: &[(KeyCode::Char('c'), CTRL)],
        action: Action::Interrupt,
        what: "",
    },
    Binding {
        shown: "",
        keys: &[(KeyCode::Char('?'), NONE)],
        action: Action::ToggleHelp,
        what: "",
    },
    Binding {
        shown: "",
        keys: &[(KeyCode::Char('i'), NONE)],
        action: Action::ToggleInfo,
        what: "",
    },
    Binding {
        shown: "",
        keys: &[(KeyCode::Char('l'), CTRL)],
        action: Action::Repaint,
        what: "",
    },
];

/// The action a key press stands for in the current input mode, if any.
pub fn action_for(key: KeyEvent, mode: InputMode) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    if mode == InputMode::Search {
        return search_prompt_action(key);
    }
    // Shift is part of the character itself ('G', '?'); other modifiers
    // must match exactly.
    let modifiers = match key.code {
        KeyCode::Char(_) | KeyCode::BackTab => key.modifiers - KeyModifiers::SHIFT,
        _ => key.modifiers,
    };
    if let KeyCode::Char(digit @ '0'..='9') = key.code
        && modifiers.is_empty()
    {
        return Some(Action::Digit(digit as u8 - b'0'));
    }
    let table = match mode {
        InputMode::Presentation => PRESENTATION,
        _ => BINDINGS,
    };
    table
        .iter()
        .find(|binding| binding.keys.contains(&(key.code, modifiers)))
        .map(|binding| binding.action.clone())
}

/// Keys while typing a search: characters go into the query.
fn search_prompt_action(key: KeyEvent) -> Option<Action> {
    let control = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('c') if control => Some(Action::Interrupt),
        KeyCode::Char(c) if !control => Some(Action::SearchInput(c)),
        KeyCode::Backspace => Some(Action::SearchBackspace),
        KeyCode::Enter => Some(Action::SearchConfirm),
        KeyCode::Esc => Some(Action::Close),
        _ => None,
    }
}

/// The rows of the help overlay: keys, and what they do; a row with no
/// keys is a heading.
pub fn help_rows() -> Vec<(&'static str, &'static str)> {
    let shown = |table: &'static [Binding]| {
        table
            .iter()
            .filter(|b| !b.shown.is_empty())
            .map(|b| (b.shown, b.what))
    };
    let mut rows: Vec<(&str, &str)> = shown(BINDINGS).collect();
    let jump = rows
        .iter()
        .position(|&(shown, _)| shown == "Enter")
        .map_or(rows.len(), |i| i + 1);
    rows.insert(
        jump,
        ("0–9", "jump to topic N; digits typed quickly make 12, 23…"),
    );
    rows.push((
        "mouse",
        "wheel scrolls the pane under it; click a topic or a pane",
    ));
    rows.push(("", "Presentation mode"));
    rows.extend(shown(PRESENTATION));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
        action_for(KeyEvent::new(code, modifiers), InputMode::Normal)
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
        assert_eq!(press(KeyCode::Char('3'), NONE), Some(Action::Digit(3)));
        assert_eq!(press(KeyCode::Char('0'), NONE), Some(Action::Digit(0)));
        assert_eq!(press(KeyCode::Char('3'), CTRL), None);
        assert_eq!(press(KeyCode::Down, NONE), Some(Action::Down));
    }

    #[test]
    fn releases_and_repeats_are_not_presses() {
        let mut key = KeyEvent::new(KeyCode::Char('q'), NONE);
        key.kind = KeyEventKind::Release;
        assert_eq!(action_for(key, InputMode::Normal), None);
    }

    #[test]
    fn the_search_prompt_takes_characters() {
        let key = |code| KeyEvent::new(code, NONE);
        assert_eq!(
            action_for(key(KeyCode::Char('q')), InputMode::Search),
            Some(Action::SearchInput('q'))
        );
        assert_eq!(
            action_for(key(KeyCode::Enter), InputMode::Search),
            Some(Action::SearchConfirm)
        );
        assert_eq!(
            action_for(key(KeyCode::Esc), InputMode::Search),
            Some(Action::Close)
        );
        assert_eq!(
            action_for(KeyEvent::new(KeyCode::Char('c'), CTRL), InputMode::Search),
            Some(Action::Interrupt)
        );
    }

    #[test]
    fn presentation_keys_step_topics() {
        let key = |code| action_for(KeyEvent::new(code, NONE), InputMode::Presentation);
        assert_eq!(key(KeyCode::Char(' ')), Some(Action::NextTopic));
        assert_eq!(key(KeyCode::Right), Some(Action::NextTopic));
        assert_eq!(key(KeyCode::Backspace), Some(Action::PreviousTopic));
        assert_eq!(key(KeyCode::Char('r')), Some(Action::ToggleReveal));
        assert_eq!(key(KeyCode::Esc), Some(Action::TogglePresentation));
        assert_eq!(key(KeyCode::Char('4')), Some(Action::Digit(4)));
    }

    #[test]
    fn help_lists_every_binding_and_the_digits() {
        let rows = help_rows();
        for binding in BINDINGS
            .iter()
            .chain(PRESENTATION)
            .filter(|b| !b.shown.is_empty())
        {
            assert!(
                rows.contains(&(binding.shown, binding.what)),
                "{}",
                binding.shown
            );
        }
        assert!(rows.iter().any(|&(keys, _)| keys == "0–9"));
    }
}
