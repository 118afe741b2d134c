//! The viewer's screens, drawn to a TestBackend and compared with insta
//! snapshots: the built-in readout at 100×30 and 160×45.

mod common;

use common::{builtin_app, draw, press, resize, screen};
use insta::assert_snapshot;
use ratatui::style::Modifier;
use readouts::ui::theme::Theme;

const SIZES: [(u16, u16); 2] = [(100, 30), (160, 45)];

fn snapshot_at_both_sizes(name: &str, keys: &str) {
    for (width, height) in SIZES {
        let mut app = builtin_app(width, height);
        press(&mut app, keys);
        assert_snapshot!(format!("{name}_{width}x{height}"), screen(&app));
    }
}

#[test]
fn at_start() {
    snapshot_at_both_sizes("start", "");
}

#[test]
fn after_jumping_to_a_topic_near_the_end_of_both_texts() {
    // 4: the response to a further invasion: both passages on the top row
    // though both texts nearly fit on the screen.
    snapshot_at_both_sizes("invasion_topic", "4");
}

#[test]
fn after_jumping_to_a_topic_both_sides_mention() {
    // 5: the negotiation calendar.
    snapshot_at_both_sizes("shared_topic", "5");
}

#[test]
fn after_jumping_to_a_one_sided_topic() {
    // 7: nuclear war, which only the Kremlin mentions.
    snapshot_at_both_sizes("one_sided_topic", "7");
}

#[test]
fn help_overlay() {
    snapshot_at_both_sizes("help", "?");
}

#[test]
fn info_view() {
    snapshot_at_both_sizes("info", "i");
}

#[test]
fn too_small() {
    let mut app = builtin_app(100, 30);
    resize(&mut app, 40, 5);
    assert_snapshot!("too_small_40x5", screen(&app));
    for (width, height) in [(0, 0), (1, 1), (2, 1), (1, 3), (55, 6)] {
        resize(&mut app, width, height);
        let text = screen(&app);
        assert_eq!(text.lines().count(), usize::from(height));
    }
}

#[test]
fn the_marked_passages_have_a_bar_and_bold_text_without_colour() {
    let mut app = builtin_app(100, 30);
    press(&mut app, "5");
    let buffer = draw(&app, &Theme::monochrome());
    let text = common::buffer_text(&buffer);
    let row = text
        .lines()
        .position(|line| line.contains("The leaders of the two"))
        .expect("the calendar passage is on screen");
    let line = text.lines().nth(row).expect("row");
    let bar = line.find('▌').expect("a bar in the margin");
    let x = line[..bar].chars().count() as u16;
    let bar_cell = &buffer[(x, row as u16)];
    assert!(bar_cell.modifier.contains(Modifier::BOLD));
    assert_eq!(bar_cell.fg, ratatui::style::Color::Reset);
    let text_cell = &buffer[(x + 2, row as u16)];
    assert!(text_cell.modifier.contains(Modifier::BOLD));
    for cell in buffer.content.iter() {
        assert_eq!(
            (cell.fg, cell.bg),
            (ratatui::style::Color::Reset, ratatui::style::Color::Reset),
            "NO_COLOR: no colour anywhere"
        );
    }
}

#[test]
fn a_quote_is_set_apart_by_a_bar_and_italics() {
    let app = builtin_app(100, 30);
    let buffer = draw(&app, &Theme::monochrome());
    let text = common::buffer_text(&buffer);
    let row = text
        .lines()
        .position(|line| line.contains("Joseph Biden emphasized"))
        .expect("the quote is on screen");
    let line = text.lines().nth(row).expect("row");
    assert!(line.contains("│ Joseph Biden emphasized"), "{line}");
    let start = line.find("Joseph").expect("quote text");
    let x = line[..start].chars().count() as u16;
    assert!(buffer[(x, row as u16)].modifier.contains(Modifier::ITALIC));
}

#[test]
fn the_selected_topic_is_reversed_in_the_sidebar() {
    let mut app = builtin_app(100, 30);
    press(&mut app, "3");
    let buffer = draw(&app, &Theme::monochrome());
    let text = common::buffer_text(&buffer);
    let row = text
        .lines()
        .position(|line| line.contains("3 ●· Offensive"))
        .expect("topic 3 in the sidebar");
    assert!(
        buffer[(2, row as u16)]
            .modifier
            .contains(Modifier::REVERSED)
    );
}

#[test]
fn the_search_prompt_with_highlights() {
    let mut app = builtin_app(100, 30);
    press(&mut app, "/biden");
    assert_snapshot!("search_prompt_100x30", screen(&app));
    let buffer = draw(&app, &Theme::monochrome());
    let text = common::buffer_text(&buffer);
    let (row, line) = text
        .lines()
        .enumerate()
        .find(|(_, line)| line.contains("Biden"))
        .expect("a match on screen");
    let x = line[..line.find("Biden").expect("found")].chars().count() as u16;
    let cell = &buffer[(x, row as u16)];
    assert!(
        cell.modifier.contains(Modifier::REVERSED) || cell.modifier.contains(Modifier::UNDERLINED),
        "a match is marked without colour"
    );
}

#[test]
fn the_topic_filter() {
    let mut app = builtin_app(100, 30);
    press(&mut app, "4f");
    assert_snapshot!("filter_100x30", screen(&app));
}

#[test]
fn the_by_topic_order() {
    for (width, height) in SIZES {
        let mut app = builtin_app(width, height);
        press(&mut app, "t");
        assert_snapshot!(format!("by_topic_{width}x{height}"), screen(&app));
    }
}

#[test]
fn presentation_mode_revealed_and_hidden() {
    let mut app = builtin_app(120, 32);
    press(&mut app, "1p");
    assert_snapshot!("presentation_revealed_120x32", screen(&app));
    press(&mut app, "r");
    assert_snapshot!("presentation_hidden_120x32", screen(&app));
    press(&mut app, "r");
    let mut narrow = builtin_app(60, 30);
    press(&mut narrow, "9p");
    assert_snapshot!("presentation_narrow_60x30", screen(&narrow));
}

#[test]
fn a_reload_error_in_the_status_line() {
    let mut app = builtin_app(100, 30);
    readouts::app::update(
        &mut app,
        readouts::app::Message::ReloadFailed(
            "talks.toml:12:1: unknown key `titel` at the top level".to_string(),
        ),
    );
    let text = screen(&app);
    assert!(
        text.lines()
            .last()
            .is_some_and(|l| l.contains("unknown key `titel`"))
    );
    assert_snapshot!("reload_error_100x30", text);
}

#[test]
fn the_status_line_at_80_by_24_always_shows_the_way_to_the_help() {
    for keys in ["", "4", "9", "3"] {
        let mut app = builtin_app(80, 24);
        press(&mut app, keys);
        let shown = screen(&app);
        let status = shown.lines().last().expect("a status line");
        assert!(
            status.contains("? help  q quit"),
            "after {keys:?}: {status}"
        );
        if keys == "4" {
            insta::assert_snapshot!("status_80x24_long_label", status);
        }
    }
}
