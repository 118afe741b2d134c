//! Inputs that broke the viewer once, found by the property tests
//! (`tests/app_props.rs`) and cut down by hand to what matters.

mod common;

use common::{builtin_app, press, resize, screen};
use readouts::app::{Action, App, Message, Side, update};

/// A pane may be past its last row at the bottom only as far as a jump
/// puts a passage on its top row: never past its last row.
fn assert_in_bounds(app: &App) {
    let view = app.view().expect("laid out");
    for side in Side::BOTH {
        assert!(
            app.offset(side) < view.rows(side),
            "{side:?}: offset {} past the last row {}",
            app.offset(side),
            view.rows(side)
        );
    }
}

#[test]
fn a_search_typed_after_a_resize_keeps_the_panes_in_bounds() {
    let mut app = builtin_app(100, 20);
    press(&mut app, "7/");
    assert!(app.offset(Side::Left) > 0);
    resize(&mut app, 100, 90);
    press(&mut app, "zzz");
    assert_in_bounds(&app);
    press(&mut app, "<Esc>");
    assert_in_bounds(&app);
    screen(&app);
}

#[test]
fn control_characters_typed_into_a_search_are_searched_for_as_their_stand_ins() {
    let mut app = builtin_app(100, 30);
    press(&mut app, "/");
    for c in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}'] {
        update(&mut app, Action::TypeChar(c));
    }
    let query = &app.search().expect("a search").query;
    assert_eq!(query, "␛␇\\u{9b}\\u{202e}");
    assert!(screen(&app).contains("/␛␇\\u{9b}\\u{202e}▏"));
}

#[test]
fn presentation_mode_in_a_terminal_too_narrow_for_a_quote() {
    for width in 0..10 {
        let mut app = builtin_app(100, 30);
        press(&mut app, "p");
        resize(&mut app, width, 20);
        screen(&app);
        let document = app.document().clone();
        update(
            &mut app,
            Message::Reloaded(Box::new(document), String::new()),
        );
        resize(&mut app, 100, 30);
        assert!(screen(&app).contains("1 / 9"));
    }
}
