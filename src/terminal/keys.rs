//! crossterm's key events as the core's keys: the one place the viewer's
//! keys meet the terminal library.

use ratatui::crossterm::event::{self, KeyEvent, KeyEventKind, KeyModifiers};

use crate::app::key::{Key, KeyCode};
use crate::app::{Action, InputMode, keymap};

/// The key a press stands for; releases, repeats and keys the viewer has
/// no use for are none. Shift is part of a character (`G`, `?`).
pub fn key_of(event: &KeyEvent) -> Option<Key> {
    if event.kind != KeyEventKind::Press {
        return None;
    }
    let code = match event.code {
        event::KeyCode::Char(c) => KeyCode::Char(c),
        event::KeyCode::Enter => KeyCode::Enter,
        event::KeyCode::Esc => KeyCode::Esc,
        event::KeyCode::Tab => KeyCode::Tab,
        event::KeyCode::BackTab => KeyCode::BackTab,
        event::KeyCode::Backspace => KeyCode::Backspace,
        event::KeyCode::Up => KeyCode::Up,
        event::KeyCode::Down => KeyCode::Down,
        event::KeyCode::Left => KeyCode::Left,
        event::KeyCode::Right => KeyCode::Right,
        event::KeyCode::PageUp => KeyCode::PageUp,
        event::KeyCode::PageDown => KeyCode::PageDown,
        event::KeyCode::Home => KeyCode::Home,
        event::KeyCode::End => KeyCode::End,
        event::KeyCode::F(n) => KeyCode::F(n),
        _ => return None,
    };
    let shift_is_in_the_key = matches!(code, KeyCode::Char(_) | KeyCode::BackTab);
    let mut others = event.modifiers - KeyModifiers::CONTROL;
    if shift_is_in_the_key {
        others -= KeyModifiers::SHIFT;
    }
    Some(Key {
        code,
        ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
        alt: !others.is_empty(),
    })
}

/// The action a key event stands for in an input mode, if any.
pub fn action_for(event: &KeyEvent, mode: InputMode) -> Option<Action> {
    key_of(event).and_then(|key| keymap::action_for(key, mode))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shift_is_part_of_a_character_and_other_modifiers_are_kept() {
        let key = |code, modifiers| key_of(&KeyEvent::new(code, modifiers));
        assert_eq!(
            key(event::KeyCode::Char('G'), KeyModifiers::SHIFT),
            Some(Key::char('G'))
        );
        assert_eq!(
            key(event::KeyCode::BackTab, KeyModifiers::SHIFT),
            Some(Key::plain(KeyCode::BackTab))
        );
        assert_eq!(
            key(event::KeyCode::Char('d'), KeyModifiers::CONTROL),
            Some(Key::ctrl('d'))
        );
        assert!(key(event::KeyCode::Char('q'), KeyModifiers::ALT).is_some_and(|k| k.alt));
        assert!(key(event::KeyCode::Down, KeyModifiers::SHIFT).is_some_and(|k| k.alt));
        let mut release = KeyEvent::new(event::KeyCode::Char('q'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        assert_eq!(key_of(&release), None);
    }
}
