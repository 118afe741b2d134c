//! Helpers shared by the viewer's tests.
#![allow(dead_code)]

pub mod random;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use readouts::app::{App, Message, update};
use readouts::document::load::load_str;
use readouts::document::{Document, builtin};
use readouts::ui::{
    self,
    theme::{Palette, Theme},
};

pub fn builtin_document() -> Document {
    load_str(builtin::NAME, builtin::TEXT)
        .expect("the built-in readout loads")
        .document
}

pub fn load_fixture(name: &str) -> Document {
    let path = format!("{}/tests/fixtures/valid/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("fixture exists");
    load_str(&path, &text).expect("fixture is valid").document
}

/// The viewer on the built-in readout at a size.
pub fn builtin_app(width: u16, height: u16) -> App {
    let document = builtin_document();
    let pair = document.pair(None, None).expect("two readouts");
    App::new(document, pair, width, height)
}

/// Presses keys, given as text: each character is a key, except words in
/// angle brackets: <Tab>, <BackTab>, <Enter>, <Esc>, <Down>, <Up>, <PgDn>,
/// <PgUp>, <Home>, <End>, <C-d>, <C-u>, <C-c>.
pub fn press(app: &mut App, keys: &str) {
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        let (key, used) = if c == '<' {
            let end = rest.find('>').expect("closing >");
            (named_key(&rest[1..end]), end + 1)
        } else {
            (
                KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
                c.len_utf8(),
            )
        };
        if let Some(action) = readouts::terminal::action_for(&key, app.input_mode()) {
            update(app, action);
        }
        rest = &rest[used..];
    }
}

fn named_key(name: &str) -> KeyEvent {
    let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
    let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    match name {
        "Tab" => plain(KeyCode::Tab),
        "BackTab" => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
        "Enter" => plain(KeyCode::Enter),
        "Esc" => plain(KeyCode::Esc),
        "Down" => plain(KeyCode::Down),
        "Up" => plain(KeyCode::Up),
        "PgDn" => plain(KeyCode::PageDown),
        "PgUp" => plain(KeyCode::PageUp),
        "Home" => plain(KeyCode::Home),
        "End" => plain(KeyCode::End),
        "C-d" => ctrl('d'),
        "C-u" => ctrl('u'),
        "C-c" => ctrl('c'),
        other => panic!("unknown key name {other}"),
    }
}

pub fn resize(app: &mut App, width: u16, height: u16) {
    update(app, Message::Resize(width, height));
}

/// Draws the app into a test terminal of its size.
pub fn draw(app: &App, theme: &Theme) -> Buffer {
    let (width, height) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| ui::view(frame, app, theme))
        .expect("draws");
    terminal.backend().buffer().clone()
}

/// The screen as text: one line per row, wide characters once.
pub fn screen(app: &App) -> String {
    buffer_text(&draw(app, &Theme::colored(Palette::Dark)))
}

pub fn buffer_text(buffer: &Buffer) -> String {
    let width = usize::from(buffer.area.width);
    let mut text = String::new();
    for row in buffer.content.chunks(width.max(1)) {
        let mut skip = 0usize;
        for cell in row {
            if skip == 0 {
                text.push_str(cell.symbol());
                skip = unicode_width::UnicodeWidthStr::width(cell.symbol()).max(1);
            }
            skip -= 1;
        }
        text.push('\n');
    }
    text
}
