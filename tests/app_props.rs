//! The whole viewer under random use: random documents, terminal sizes from
//! 0×0 to 500×200, and random sequences of keys (through the keymap, in
//! whatever mode the app is in), resizes, mouse wheel and clicks, and
//! reloads with another document or a failure. After every step the app
//! draws to a TestBackend of its size without panicking, and its state
//! stays within bounds.

mod common;

use common::random::{document, strange_document};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::Rect;
use readouts::app::{Action, App, Message, Side, update};
use readouts::document::{Document, Pair};
use readouts::ui::{
    self,
    theme::{Palette, Theme},
};

#[derive(Debug, Clone)]
enum Step {
    /// A key, read as the app's mode reads it.
    Key(KeyEvent),
    /// A resize, the mouse, a failed reload: a message as it is.
    Act(Message),
    /// The file changed on disk: the other document.
    Reload,
}

/// Characters the keymap binds, search text, and any character at all.
fn character() -> impl Strategy<Value = char> {
    prop_oneof![
        8 => proptest::sample::select(
            "jkgGnNsftpir?/[]1234567890 qwéЖ会👍\u{1b}\u{7}\u{9b}\u{202e}".chars().collect::<Vec<_>>()
        ),
        1 => any::<char>(),
    ]
}

fn key() -> impl Strategy<Value = KeyEvent> {
    let code = prop_oneof![
        6 => character().prop_map(KeyCode::Char),
        1 => proptest::sample::select(vec![
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::Backspace,
        ]),
    ];
    let modifiers = prop_oneof![
        6 => Just(KeyModifiers::NONE),
        1 => Just(KeyModifiers::CONTROL),
        1 => Just(KeyModifiers::SHIFT),
        1 => Just(KeyModifiers::ALT),
    ];
    let kind = prop_oneof![
        8 => Just(KeyEventKind::Press),
        1 => Just(KeyEventKind::Release),
    ];
    (code, modifiers, kind).prop_map(|(code, modifiers, kind)| {
        let mut key = KeyEvent::new(code, modifiers);
        key.kind = kind;
        key
    })
}

fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        1 => (0u16..=500, 0u16..=200),
        2 => (30u16..=200, 5u16..=60),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        12 => key().prop_map(Step::Key),
        2 => size().prop_map(|(width, height)| Step::Act(Message::Resize(width, height))),
        2 => (0u16..520, 0u16..210, -20isize..20)
            .prop_map(|(column, row, rows)| Step::Act(Action::Scroll { column, row, rows }.into())),
        2 => (0u16..520, 0u16..210)
            .prop_map(|(column, row)| Step::Act(Action::Click { column, row }.into())),
        1 => Just(Step::Reload),
        1 => "\\PC{0,40}".prop_map(|problem| Step::Act(Message::ReloadFailed(problem))),
    ]
}

fn apply(app: &mut App, step: Step, other: &mut Document) {
    let action = match step {
        Step::Key(key) => readouts::terminal::action_for(&key, app.input_mode()).map(Message::from),
        Step::Act(message) => Some(message),
        Step::Reload => {
            let next = std::mem::replace(other, app.document().clone());
            Some(Message::Reloaded(Box::new(next), String::new()))
        }
    };
    if let Some(action) = action {
        update(app, action);
    }
}

/// Draws the app into a test terminal of its size and checks the frame and
/// the state.
fn draw_and_check(app: &App, theme: &Theme) -> Result<(), TestCaseError> {
    let (width, height) = app.size();
    let mut terminal =
        Terminal::new(TestBackend::new(width, height)).map_err(|e| fail(e.to_string()))?;
    terminal
        .draw(|frame| ui::view(frame, app, theme))
        .map_err(|e| fail(e.to_string()))?;
    prop_assert_eq!(
        terminal.backend().buffer().area,
        Rect::new(0, 0, width, height)
    );
    prop_assert!(app.selected() < app.document().topics.len());
    if let Some(topic) = app.current_topic() {
        prop_assert!(topic < app.document().topics.len());
    }
    if let Some(view) = app.view().filter(|view| view.screen.is_some()) {
        for side in Side::BOTH {
            // Past the last row at the bottom only as far as a jump puts
            // a passage on the top row.
            prop_assert!(app.offset(side) < view.rows(side).max(1), "{:?}", side);
        }
    }
    let page = usize::from(app.overlay_geometry().1.height).max(1);
    prop_assert!(app.overlay_scroll() <= app.overlay_rows().len().saturating_sub(page));
    Ok(())
}

fn fail(message: String) -> TestCaseError {
    TestCaseError::fail(message)
}

fn run(
    first: Document,
    mut other: Document,
    (width, height): (u16, u16),
    steps: Vec<Step>,
    color: bool,
) -> Result<(), TestCaseError> {
    let theme = if color {
        Theme::colored(Palette::Dark)
    } else {
        Theme::monochrome()
    };
    let mut app = App::new(first, Pair { left: 0, right: 1 }, width, height);
    draw_and_check(&app, &theme)?;
    for step in steps {
        apply(&mut app, step, &mut other);
        draw_and_check(&app, &theme)?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn random_use_of_strange_documents_never_breaks_the_screen(
        first in strange_document(),
        other in strange_document(),
        size in size(),
        steps in proptest::collection::vec(step(), 0..40),
        color in any::<bool>(),
    ) {
        run(first, other, size, steps, color)?;
    }

    #[test]
    fn random_use_of_long_documents_never_breaks_the_screen(
        first in document(),
        other in document(),
        size in size(),
        steps in proptest::collection::vec(step(), 0..60),
    ) {
        run(first, other, size, steps, true)?;
    }

    #[test]
    fn an_opening_screen_is_the_first_screen_of_the_full_layout(
        document in document(),
        (width, height) in size(),
    ) {
        let pair = Pair { left: 0, right: 1 };
        let full = App::new(document.clone(), pair, width, height);
        let mut opening = App::opening(document, pair, width, height);
        prop_assert_eq!(common::screen(&opening), common::screen(&full));
        update(&mut opening, Message::CompleteLayout);
        prop_assert_eq!(opening.view().map(|v| &v.panes), full.view().map(|v| &v.panes));
        prop_assert_eq!(common::screen(&opening), common::screen(&full));
    }
}
