//! Keys to actions, as data: the tables give both the bindings and the
//! help overlay, whose labels are the keys themselves, so the help can
//! never disagree with the keys. A key is looked up in its mode's table,
//! then in the global one.

use super::key::{Key, KeyCode};
use super::{Action, EditCommand, InputMode, Side};

/// The keys of a binding.
enum Keys {
    /// Any of these keys, for this action.
    These(&'static [Key], Action),
    /// A digit, for that digit of a topic's number.
    Digits,
}

struct Binding {
    keys: Keys,
    what: &'static str,
}

impl Binding {
    fn action_for(&self, key: Key) -> Option<Action> {
        match &self.keys {
            Keys::These(keys, action) => keys.contains(&key).then(|| action.clone()),
            Keys::Digits => key.digit().map(Action::Digit),
        }
    }

    /// The keys as the help shows them.
    fn shown(&self) -> String {
        match &self.keys {
            Keys::These(keys, _) => keys
                .iter()
                .map(Key::to_string)
                .collect::<Vec<_>>()
                .join(" "),
            Keys::Digits => "0–9".to_string(),
        }
    }
}

/// Keys in the normal view: the sidebar, the panes, the search.
const PANES: &[Binding] = &[
    Binding {
        keys: Keys::These(&[Key::plain(KeyCode::Tab)], Action::FocusNext),
        what: "focus: sidebar → left pane → right pane",
    },
    Binding {
        keys: Keys::These(&[Key::plain(KeyCode::BackTab)], Action::FocusPrevious),
        what: "focus the other way round",
    },
    Binding {
        keys: Keys::These(&[Key::char('j'), Key::plain(KeyCode::Down)], Action::Down),
        what: "sidebar: next topic; pane: one row down",
    },
    Binding {
        keys: Keys::These(&[Key::char('k'), Key::plain(KeyCode::Up)], Action::Up),
        what: "sidebar: previous topic; pane: one row up",
    },
    Binding {
        keys: Keys::These(&[Key::char('e'), Key::ctrl('e')], Action::RowDown),
        what: "the pane read: one row down (as in less)",
    },
    Binding {
        keys: Keys::These(&[Key::char('y'), Key::ctrl('y')], Action::RowUp),
        what: "the pane read: one row up",
    },
    Binding {
        keys: Keys::These(
            &[
                Key::plain(KeyCode::PageDown),
                Key::char(' '),
                Key::ctrl('f'),
            ],
            Action::PageDown,
        ),
        what: "one page down",
    },
    Binding {
        keys: Keys::These(
            &[Key::plain(KeyCode::PageUp), Key::char('b'), Key::ctrl('b')],
            Action::PageUp,
        ),
        what: "one page up",
    },
    Binding {
        keys: Keys::These(&[Key::ctrl('d'), Key::char('d')], Action::HalfPageDown),
        what: "half a page down",
    },
    Binding {
        keys: Keys::These(&[Key::ctrl('u'), Key::char('u')], Action::HalfPageUp),
        what: "half a page up",
    },
    Binding {
        keys: Keys::These(&[Key::char('g'), Key::plain(KeyCode::Home)], Action::Top),
        what: "top (sidebar: first topic)",
    },
    Binding {
        keys: Keys::These(&[Key::char('G'), Key::plain(KeyCode::End)], Action::Bottom),
        what: "bottom (sidebar: last topic)",
    },
    Binding {
        keys: Keys::These(&[Key::plain(KeyCode::Enter)], Action::Activate),
        what: "jump to the selected topic; again: its next passage",
    },
    Binding {
        keys: Keys::These(&[Key::char(']')], Action::NextTopic),
        what: "next topic",
    },
    Binding {
        keys: Keys::These(&[Key::char('[')], Action::PreviousTopic),
        what: "previous topic",
    },
    Binding {
        keys: Keys::These(&[Key::char('/')], Action::StartSearch),
        what: "search both panes (smart case); Enter keeps, Esc cancels",
    },
    Binding {
        keys: Keys::These(&[Key::char('n')], Action::NextMatch),
        what: "next match",
    },
    Binding {
        keys: Keys::These(&[Key::char('N')], Action::PreviousMatch),
        what: "previous match",
    },
    Binding {
        keys: Keys::These(&[Key::char('s')], Action::CycleSync),
        what: "sync: aligned → lockstep → independent",
    },
    Binding {
        keys: Keys::These(&[Key::char('f')], Action::ToggleFilter),
        what: "show only the selected topic's passages, or all",
    },
    Binding {
        keys: Keys::These(&[Key::char('t')], Action::ToggleOrder),
        what: "order: as published ↔ by topic",
    },
    Binding {
        keys: Keys::These(&[Key::char('C')], Action::CopyPassage),
        what: "copy the passage at the top of the focused pane",
    },
    Binding {
        keys: Keys::These(&[Key::char('}')], Action::Edit(EditCommand::NextPassage)),
        what: "the passage cursor: to the next passage of the pane",
    },
    Binding {
        keys: Keys::These(
            &[Key::char('{')],
            Action::Edit(EditCommand::PreviousPassage),
        ),
        what: "the passage cursor: to the previous passage",
    },
    Binding {
        keys: Keys::These(&[Key::char('x')], Action::Edit(EditCommand::ToggleTag)),
        what: "put the selected topic on the cursor's passage, or take it off",
    },
    Binding {
        keys: Keys::These(&[Key::char('+')], Action::Edit(EditCommand::NewTopic)),
        what: "a new topic (on the cursor's passage, if there is one)",
    },
    Binding {
        keys: Keys::These(&[Key::char('R')], Action::Edit(EditCommand::RenameTopic)),
        what: "rename the selected topic",
    },
    Binding {
        keys: Keys::These(&[Key::char('D')], Action::Edit(EditCommand::DeleteTopic)),
        what: "delete the selected topic and its tags (asks first)",
    },
    Binding {
        keys: Keys::These(&[Key::char('E')], Action::Edit(EditCommand::EditNote)),
        what: "write the note of the cursor's passage (empty: none)",
    },
    Binding {
        keys: Keys::These(&[Key::char('U')], Action::Edit(EditCommand::Undo)),
        what: "undo an edit",
    },
    Binding {
        keys: Keys::These(&[Key::ctrl('r')], Action::Edit(EditCommand::Redo)),
        what: "redo it",
    },
    Binding {
        keys: Keys::These(&[Key::char('<')], Action::NextReadout(Side::Left)),
        what: "another readout in the left pane (files with three or more)",
    },
    Binding {
        keys: Keys::These(&[Key::char('>')], Action::NextReadout(Side::Right)),
        what: "another readout in the right pane",
    },
    Binding {
        keys: Keys::These(&[Key::char('W')], Action::ToggleWording),
        what: "wording lens on the topic: shared words underlined, a side's own bold",
    },
    Binding {
        keys: Keys::These(&[Key::char('T')], Action::CycleWordLists),
        what: "word lists: the tone words, then the file's own lists, then off",
    },
    Binding {
        keys: Keys::These(&[Key::char('w')], Action::Edit(EditCommand::Save)),
        what: "save the edits to the file (keeps its comments and layout)",
    },
    Binding {
        keys: Keys::These(&[Key::char('p')], Action::TogglePresentation),
        what: "presentation mode, for a projector",
    },
    Binding {
        keys: Keys::These(&[Key::plain(KeyCode::Esc)], Action::Close),
        what: "close an overlay, clear a search",
    },
];

/// Keys in every view but the search prompt: presentation mode too.
const GLOBAL: &[Binding] = &[
    Binding {
        keys: Keys::Digits,
        what: "jump to topic N; digits typed quickly make 12, 23…",
    },
    Binding {
        keys: Keys::These(&[Key::char('q')], Action::Quit),
        what: "quit (closes an overlay first)",
    },
    Binding {
        keys: Keys::These(&[Key::ctrl('c')], Action::Interrupt),
        what: "quit",
    },
    Binding {
        keys: Keys::These(&[Key::char('i')], Action::ToggleInfo),
        what: "the event's facts and the readouts' sources",
    },
    Binding {
        keys: Keys::These(&[Key::char('o')], Action::ToggleNote),
        what: "the selected topic's teaching note, in full",
    },
    Binding {
        keys: Keys::These(&[Key::char('A')], Action::ToggleSynopsis),
        what: "every readout as a column, topic by topic (a synopsis)",
    },
    Binding {
        keys: Keys::These(&[Key::char('c')], Action::CopyTopic),
        what: "copy the topic's passages, both sides (OSC 52)",
    },
    Binding {
        keys: Keys::These(
            &[Key::char('?'), Key::char('h'), Key::plain(KeyCode::F(1))],
            Action::ToggleHelp,
        ),
        what: "this help",
    },
    Binding {
        keys: Keys::These(&[Key::ctrl('z')], Action::Suspend),
        what: "suspend to the shell (fg comes back)",
    },
    Binding {
        keys: Keys::These(&[Key::ctrl('l')], Action::Repaint),
        what: "draw the whole screen again",
    },
];

/// Keys in presentation mode, before the global ones.
const PRESENTATION: &[Binding] = &[
    Binding {
        keys: Keys::These(
            &[
                Key::char(' '),
                Key::plain(KeyCode::Right),
                Key::plain(KeyCode::PageDown),
            ],
            Action::NextTopic,
        ),
        what: "next topic",
    },
    Binding {
        keys: Keys::These(
            &[
                Key::plain(KeyCode::Left),
                Key::plain(KeyCode::Backspace),
                Key::plain(KeyCode::PageUp),
            ],
            Action::PreviousTopic,
        ),
        what: "previous topic",
    },
    Binding {
        keys: Keys::These(&[Key::char('r')], Action::ToggleReveal),
        what: "hide or reveal the right-hand side",
    },
    Binding {
        keys: Keys::These(&[Key::char('j'), Key::plain(KeyCode::Down)], Action::Down),
        what: "scroll a long topic",
    },
    Binding {
        keys: Keys::These(&[Key::char('k'), Key::plain(KeyCode::Up)], Action::Up),
        what: "scroll back up",
    },
    Binding {
        keys: Keys::These(
            &[Key::char('p'), Key::plain(KeyCode::Esc)],
            Action::TogglePresentation,
        ),
        what: "back to the panes, at the same topic",
    },
];

/// The action a key stands for in the current input mode, if any.
pub fn action_for(key: Key, mode: InputMode) -> Option<Action> {
    let table = match mode {
        // Typing takes every plain key; the global Ctrl keys (Ctrl-z to
        // suspend, Ctrl-l to draw again) still work.
        InputMode::Prompt => {
            return search_prompt_action(key).or_else(|| {
                key.ctrl
                    .then(|| GLOBAL.iter().find_map(|binding| binding.action_for(key)))
                    .flatten()
            });
        }
        InputMode::Presentation => PRESENTATION,
        InputMode::Normal => PANES,
    };
    table
        .iter()
        .chain(GLOBAL)
        .find_map(|binding| binding.action_for(key))
}

/// Keys while typing a search: characters go into the query.
fn search_prompt_action(key: Key) -> Option<Action> {
    match key.code {
        KeyCode::Char('c') if key.ctrl => Some(Action::Interrupt),
        KeyCode::Char(c) if !key.ctrl => Some(Action::TypeChar(c)),
        KeyCode::Backspace => Some(Action::EraseChar),
        KeyCode::Enter => Some(Action::ConfirmInput),
        KeyCode::Esc => Some(Action::Close),
        _ => None,
    }
}

/// The rows of the help overlay: keys, and what they do; a row with no
/// keys is a heading.
pub fn help_rows() -> Vec<(String, &'static str)> {
    let rows = |table: &'static [Binding]| table.iter().map(|b| (b.shown(), b.what));
    let mut help: Vec<(String, &str)> = rows(PANES).collect();
    help.push((
        "mouse".to_string(),
        "wheel scrolls the pane under it; click a topic or a pane",
    ));
    help.push((
        "Shift-drag".to_string(),
        "select text the terminal's way (or start with --no-mouse); c and C copy a topic or a passage whole",
    ));
    help.push((String::new(), "In every view"));
    help.extend(rows(GLOBAL));
    help.push((String::new(), "Presentation mode"));
    help.extend(rows(PRESENTATION));
    help
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(key: Key) -> Option<Action> {
        action_for(key, InputMode::Normal)
    }

    #[test]
    fn keys_map_to_their_actions() {
        assert_eq!(press(Key::char('q')), Some(Action::Quit));
        assert_eq!(press(Key::ctrl('c')), Some(Action::Interrupt));
        assert_eq!(press(Key::char('c')), Some(Action::CopyTopic));
        assert_eq!(press(Key::char('X')), None);
        assert_eq!(press(Key::char('G')), Some(Action::Bottom));
        assert_eq!(press(Key::char('?')), Some(Action::ToggleHelp));
        assert_eq!(
            press(Key::plain(KeyCode::BackTab)),
            Some(Action::FocusPrevious)
        );
        assert_eq!(press(Key::ctrl('d')), Some(Action::HalfPageDown));
        // The paging keys of less.
        assert_eq!(press(Key::char('b')), Some(Action::PageUp));
        assert_eq!(press(Key::ctrl('b')), Some(Action::PageUp));
        assert_eq!(press(Key::ctrl('f')), Some(Action::PageDown));
        assert_eq!(press(Key::char('d')), Some(Action::HalfPageDown));
        assert_eq!(press(Key::char('u')), Some(Action::HalfPageUp));
        assert_eq!(press(Key::char('e')), Some(Action::RowDown));
        assert_eq!(press(Key::char('y')), Some(Action::RowUp));
        assert_eq!(press(Key::char('h')), Some(Action::ToggleHelp));
        assert_eq!(press(Key::plain(KeyCode::F(1))), Some(Action::ToggleHelp));
        assert_eq!(press(Key::char('3')), Some(Action::Digit(3)));
        assert_eq!(press(Key::char('0')), Some(Action::Digit(0)));
        assert_eq!(press(Key::ctrl('3')), None);
        assert_eq!(press(Key::plain(KeyCode::Down)), Some(Action::Down));
        let alt_q = Key {
            alt: true,
            ..Key::char('q')
        };
        assert_eq!(press(alt_q), None);
    }

    #[test]
    fn the_search_prompt_takes_characters() {
        let key = |key| action_for(key, InputMode::Prompt);
        assert_eq!(key(Key::char('q')), Some(Action::TypeChar('q')));
        assert_eq!(key(Key::plain(KeyCode::Enter)), Some(Action::ConfirmInput));
        assert_eq!(
            key(Key::ctrl('z')),
            Some(Action::Suspend),
            "Ctrl-z while typing"
        );
        assert_eq!(key(Key::ctrl('l')), Some(Action::Repaint));
        assert_eq!(key(Key::plain(KeyCode::Esc)), Some(Action::Close));
        assert_eq!(key(Key::ctrl('c')), Some(Action::Interrupt));
    }

    #[test]
    fn presentation_keys_step_topics_and_the_global_ones_work_too() {
        let key = |key| action_for(key, InputMode::Presentation);
        assert_eq!(key(Key::char(' ')), Some(Action::NextTopic));
        assert_eq!(key(Key::plain(KeyCode::Right)), Some(Action::NextTopic));
        assert_eq!(
            key(Key::plain(KeyCode::Backspace)),
            Some(Action::PreviousTopic)
        );
        assert_eq!(key(Key::char('r')), Some(Action::ToggleReveal));
        assert_eq!(
            key(Key::plain(KeyCode::Esc)),
            Some(Action::TogglePresentation)
        );
        assert_eq!(key(Key::char('4')), Some(Action::Digit(4)));
        assert_eq!(key(Key::char('q')), Some(Action::Quit));
        assert_eq!(key(Key::ctrl('l')), Some(Action::Repaint));
        assert_eq!(key(Key::char('f')), None, "no filter on a slide");
    }

    #[test]
    fn help_lists_every_binding_by_its_keys() {
        let rows = help_rows();
        for binding in PANES.iter().chain(GLOBAL).chain(PRESENTATION) {
            assert!(
                rows.contains(&(binding.shown(), binding.what)),
                "{}",
                binding.shown()
            );
        }
        assert!(rows.iter().any(|(keys, _)| keys == "0–9"));
        assert!(rows.iter().any(|(keys, _)| keys == "PgDn Space Ctrl-f"));
    }
}
