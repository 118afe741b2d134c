//! Load, lay out and draw: the first four bytes are the terminal's size
//! (up to 500 × 200), the next a count of keys and the keys themselves,
//! the rest the file. Every frame fits the terminal and nothing panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use readouts::app::{App, Message, update};
use readouts::document::Pair;
use readouts::document::load::load;
use readouts::ui::{self, theme::Theme};

/// Keys that move through the document, jump, change modes and search.
const KEYS: &[KeyCode] = &[
    KeyCode::Down,
    KeyCode::Up,
    KeyCode::PageDown,
    KeyCode::End,
    KeyCode::Home,
    KeyCode::Tab,
    KeyCode::Enter,
    KeyCode::Esc,
    KeyCode::Char('j'),
    KeyCode::Char(']'),
    KeyCode::Char('['),
    KeyCode::Char('1'),
    KeyCode::Char('9'),
    KeyCode::Char('s'),
    KeyCode::Char('f'),
    KeyCode::Char('t'),
    KeyCode::Char('p'),
    KeyCode::Char('i'),
    KeyCode::Char('?'),
    KeyCode::Char('/'),
    KeyCode::Char('e'),
    KeyCode::Char('n'),
];

fn draw(app: &App, theme: &Theme) {
    let (width, height) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| ui::view(frame, app, theme))
        .expect("drawn");
    assert_eq!(terminal.backend().buffer().area.width, width);
    assert_eq!(terminal.backend().buffer().area.height, height);
}

fuzz_target!(|bytes: &[u8]| {
    let Some((&[w1, w2, h1, h2, key_count], rest)) = bytes.split_first_chunk::<5>() else {
        return;
    };
    let width = u16::from_be_bytes([w1, w2]) % 501;
    let height = u16::from_be_bytes([h1, h2]) % 201;
    let key_count = usize::from(key_count % 16).min(rest.len());
    let (keys, file) = rest.split_at(key_count);
    let Ok(loaded) = load("fuzz.toml", file) else {
        return;
    };
    let theme = Theme::colored();
    // Opened as the viewer opens a file: the first screen, then the rest
    // laid out by its job.
    let mut app = App::opening(loaded.document, Pair { left: 0, right: 1 }, width, height);
    draw(&app, &theme);
    let rest = app
        .layout_job()
        .map_or(Message::CompleteLayout, |job| job.run());
    update(&mut app, rest);
    draw(&app, &theme);
    for &key in keys {
        let code = KEYS[usize::from(key) % KEYS.len()];
        let event = KeyEvent::new(code, KeyModifiers::NONE);
        if let Some(action) = readouts::terminal::action_for(&event, app.input_mode()) {
            update(&mut app, action);
        }
        draw(&app, &theme);
    }
});
