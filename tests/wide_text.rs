//! Wide and strange text (`tests/fixtures/wide/scripts.toml`): Cyrillic,
//! Chinese, Japanese, Korean, Arabic, Hebrew, stacked combining marks,
//! emoji sequences, fullwidth Latin and unbroken 300-character words and
//! addresses. At every pane width the panes' borders stay in their
//! columns, scrolled anywhere; CJK and Cyrillic text is on screen exactly
//! once, every character of it; and in a real terminal, which may draw an
//! emoji sequence wider than ratatui counts it, the borders still hold.

mod common;
mod pty;
mod support;

use std::path::Path;

use common::{draw, press};
use pty::Session;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use readouts::app::{App, Side};
use readouts::document::Document;
use readouts::document::load::load_str;
use readouts::layout::screen::{MIN_WIDTH, inner};
use readouts::ui::theme::{Palette, Theme};
use unicode_width::UnicodeWidthStr;

const FIXTURE: &str = "tests/fixtures/wide/scripts.toml";

fn document() -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
    let text = std::fs::read_to_string(&path).expect("fixture exists");
    load_str(FIXTURE, &text).expect("fixture is valid").document
}

fn app(left: &str, right: &str, width: u16, height: u16) -> App {
    let document = document();
    let pair = document.pair(Some(left), Some(right)).expect("readouts");
    App::new(document, pair, width, height)
}

/// The border cells of an area drawn with rounded corners.
fn assert_bordered(buffer: &Buffer, area: Rect, what: &str) {
    let (left, right) = (area.x, area.right() - 1);
    let (top, bottom) = (area.y, area.bottom() - 1);
    for (x, y, symbol) in [
        (left, top, "╭"),
        (right, top, "╮"),
        (left, bottom, "╰"),
        (right, bottom, "╯"),
    ] {
        assert_eq!(buffer[(x, y)].symbol(), symbol, "{what}: ({x}, {y})");
    }
    for y in top + 1..bottom {
        for x in [left, right] {
            assert_eq!(buffer[(x, y)].symbol(), "│", "{what}: ({x}, {y})");
        }
    }
}

fn assert_borders_in_place(app: &App, what: &str) {
    let buffer = draw(app, &Theme::colored(Palette::Dark));
    let screen = app.view().and_then(|view| view.screen).expect("laid out");
    if let Some(sidebar) = screen.sidebar {
        assert_bordered(&buffer, sidebar, &format!("{what}, sidebar"));
    }
    assert_bordered(&buffer, screen.left, &format!("{what}, left pane"));
    assert_bordered(&buffer, screen.right, &format!("{what}, right pane"));
}

#[test]
fn borders_stay_in_place_at_every_width_scrolled_anywhere() {
    for (left, right) in [("mixed-left", "mixed-right"), ("cjk", "cyrillic")] {
        for width in MIN_WIDTH..=220 {
            let height = 12 + width % 17;
            let mut app = app(left, right, width, height);
            let what = format!("{left}/{right} at {width}×{height}");
            assert_borders_in_place(&app, &what);
            press(&mut app, "<Tab>");
            while app.offset(Side::Left) < app.max_offset(Side::Left) {
                press(&mut app, "<PgDn>");
                assert_borders_in_place(&app, &what);
            }
            press(&mut app, "5");
            assert_borders_in_place(&app, &format!("{what}, topic 5"));
        }
    }
}

#[test]
fn borders_stay_in_place_in_every_mode() {
    for width in [MIN_WIDTH, 41, 57, 80, 99, 131, 200] {
        let mut app = app("mixed-left", "mixed-right", width, 30);
        for keys in ["t", "<End>", "t", "f", "<End>", "f", "/Ж", "<Enter>", "n"] {
            press(&mut app, keys);
            assert_borders_in_place(&app, &format!("{width} after {keys}"));
        }
    }
}

/// The text of one row of an area, each wide character once.
fn row_text(buffer: &Buffer, area: Rect, y: u16) -> String {
    let mut text = String::new();
    let mut x = area.x;
    while x < area.right() {
        let symbol = buffer[(x, y)].symbol();
        text.push_str(symbol);
        x += u16::try_from(symbol.width().max(1)).expect("a narrow symbol");
    }
    text
}

/// Scrolls a pane from top to bottom a row at a time and gathers each row
/// of text once, as it first comes into view.
fn text_scrolled_through(app: &mut App, side: Side) -> String {
    let area = inner(app.pane_area(side).expect("laid out"));
    let buffer = draw(app, &Theme::colored(Palette::Dark));
    let mut text: String = (area.y..area.bottom())
        .map(|y| row_text(&buffer, area, y))
        .collect();
    loop {
        let before = app.offset(side);
        press(app, "<Down>");
        if app.offset(side) == before {
            return text;
        }
        assert_eq!(app.offset(side), before + 1, "scrolls a row at a time");
        let buffer = draw(app, &Theme::colored(Palette::Dark));
        text.push_str(&row_text(&buffer, area, area.bottom() - 1));
    }
}

fn without_spaces(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn cjk_and_cyrillic_text_is_on_screen_exactly_once() {
    for width in [MIN_WIDTH, 35, 41, 58, 77, 100, 143, 200] {
        let mut app = app("cjk", "cyrillic", width, 14);
        for (side, focus) in [(Side::Left, "<Tab>"), (Side::Right, "<Tab>")] {
            press(&mut app, focus);
            press(&mut app, "g");
            let shown = text_scrolled_through(&mut app, side);
            let wanted: String = app
                .readout(side)
                .passages
                .iter()
                .map(|passage| passage.text.as_str())
                .collect();
            assert_eq!(
                without_spaces(&shown),
                without_spaces(&wanted),
                "{side:?} at width {width}"
            );
        }
    }
}

#[test]
fn in_a_terminal_an_emoji_drawn_wider_keeps_the_borders() {
    let (cols, rows) = (120, 40);
    let mut session = Session::start(
        &[FIXTURE, "--left", "mixed-left", "--right", "mixed-right"],
        cols,
        rows,
    );
    let app = app("mixed-left", "mixed-right", cols, rows);
    let screen = app.view().and_then(|view| view.screen).expect("laid out");
    let borders: Vec<u16> = [screen.left, screen.right]
        .iter()
        .flat_map(|area| [area.x, area.right() - 1])
        .collect();
    // Topic 5: the emoji passages at the top of both panes.
    session.send("5");
    session.wait_for_screen("the emoji passages", |screen| {
        screen.contents().contains("Scientist")
    });
    session.wait_for_screen("every border cell in its column", |screen| {
        (1..rows - 2).all(|row| {
            borders.iter().all(|&col| {
                screen
                    .cell(row, col)
                    .is_some_and(|cell| cell.contents() == "│")
            })
        })
    });
    session.send("q");
    assert_eq!(session.wait_exit().exit_code(), 0);
}

/// The text of every passage of `readout`, without white space: how it
/// must come out of any output, however wrapped.
fn passages_without_spaces(document: &Document, readout: &str) -> Vec<String> {
    let readout = document
        .readouts
        .iter()
        .find(|r| r.id == readout)
        .expect("the readout");
    readout
        .passages
        .iter()
        .map(|passage| without_spaces(&passage.text))
        .collect()
}

#[test]
fn print_keeps_its_columns_and_every_passage_whole_at_every_width() {
    let document = document();
    for width in [40usize, 57, 80, 121, 200] {
        let output = support::readouts(&[
            "print",
            FIXTURE,
            "--width",
            &width.to_string(),
            "--left",
            "cyrillic",
            "--right",
            "cjk",
        ]);
        assert_eq!(output.status.code(), Some(0));
        let printed = support::text(&output.stdout);
        let mut columns = [String::new(), String::new()];
        let mut separator_at = None;
        for line in printed.lines() {
            assert!(line.width() <= width, "{width}: {line:?}");
            let (left, right) = line
                .split_once(['│', '┼'])
                .unwrap_or_else(|| panic!("{width}: no separator in {line:?}"));
            let at = left.width();
            assert_eq!(*separator_at.get_or_insert(at), at, "{width}: {line:?}");
            columns[0].push_str(left);
            columns[1].push_str(right);
        }
        for (column, readout) in columns.iter().zip(["cyrillic", "cjk"]) {
            let column = without_spaces(column);
            for passage in passages_without_spaces(&document, readout) {
                assert_eq!(
                    column.matches(&passage).count(),
                    1,
                    "{width}: {passage} in the {readout} column"
                );
            }
        }
    }
}

/// Markdown as a reader sees it: a backslash before ASCII punctuation is
/// an escape (the export escapes `https:` so that no link is made).
fn unescaped(markdown: &str) -> String {
    let mut text = String::new();
    let mut chars = markdown.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(next) if c == '\\' && next.is_ascii_punctuation() => {}
            _ => text.push(c),
        }
    }
    text
}

#[test]
fn every_export_carries_every_passage_unchanged() {
    let document = document();
    for (left, right) in [("mixed-left", "mixed-right"), ("cyrillic", "cjk")] {
        for format in ["markdown", "html"] {
            let args = [
                "export", FIXTURE, "--format", format, "--left", left, "--right", right,
            ];
            let output = support::readouts(&args);
            assert_eq!(output.status.code(), Some(0), "{args:?}");
            let mut exported = support::text(&output.stdout);
            if format == "markdown" {
                exported = unescaped(&exported);
            }
            for readout in [left, right] {
                let readout = document.readouts.iter().find(|r| r.id == readout);
                for passage in &readout.expect("the readout").passages {
                    assert!(
                        exported.contains(&passage.text),
                        "{format}: {}",
                        passage.text
                    );
                }
            }
        }
    }
}
