//! Text crafted to attack a terminal (`tests/fixtures/hostile/`) never
//! reaches one as control sequences: in the viewer, everything the program
//! writes goes through a vt100 parser, and the screen must show exactly
//! what the same state draws in a test backend, with the text's controls as
//! visible symbols, the window title and clipboard untouched, no bell, and
//! the modes the viewer set (alternate screen, mouse) unchanged until it
//! quits. `print`, `export`, `topics` and `check` are checked byte by byte.

mod common;
mod pty;
mod support;

use std::path::Path;

use common::{buffer_text, draw, press};
use pty::{Requests, Session};
use readouts::app::App;
use readouts::document::Document;
use readouts::document::load::load_str;
use readouts::ui::theme::{Palette, Theme};
use support::{readouts, text};

const FIXTURES: [&str; 4] = [
    "tests/fixtures/hostile/escapes.toml",
    "tests/fixtures/hostile/controls.toml",
    "tests/fixtures/hostile/bidi.toml",
    "tests/fixtures/hostile/markup.toml",
];

fn load(fixture: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(fixture);
    let text = std::fs::read_to_string(&path).expect("fixture exists");
    load_str(fixture, &text).expect("fixture is valid").document
}

/// Bidirectional embeddings, overrides and isolates.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Output for a terminal or a file: UTF-8 with no control character but
/// the line feed (no ESC, no C0, no DEL, no C1) and no bidi control.
fn assert_clean(bytes: &[u8], what: &str) {
    let output = std::str::from_utf8(bytes).unwrap_or_else(|_| panic!("{what}: not UTF-8"));
    for (line_number, line) in output.lines().enumerate() {
        for c in line.chars() {
            assert!(
                !(c.is_control() || is_bidi_control(c)),
                "{what}: U+{:04X} on line {}: {line:?}",
                c as u32,
                line_number + 1
            );
        }
    }
    assert!(!output.contains('\r'), "{what}: a carriage return");
}

/// Removes the SGR sequences (`ESC [ digits ; m`) that coloured output
/// is allowed to hold.
fn without_sgr(output: &str) -> String {
    let mut plain = String::new();
    let mut rest = output;
    while let Some(at) = rest.find("\u{1b}[") {
        plain.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let parameters = after
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .unwrap_or(after.len());
        if after[parameters..].starts_with('m') {
            rest = &after[parameters + 1..];
        } else {
            plain.push_str("\u{1b}[");
            rest = after;
        }
    }
    plain.push_str(rest);
    plain
}

#[test]
fn every_output_is_clean_byte_by_byte() {
    for fixture in FIXTURES {
        let document = load(fixture);
        let topic = document.topics[0].id.clone();
        let runs: Vec<Vec<&str>> = vec![
            vec!["print", fixture, "--width", "100"],
            vec!["print", fixture, "--width", "57", "--by-topic"],
            vec!["print", fixture, "--topic", &topic],
            vec![fixture],
            vec!["export", fixture, "--format", "markdown"],
            vec!["export", fixture, "--format", "html"],
            vec!["topics", fixture],
            vec!["topics", fixture, "--json"],
            vec!["check", fixture],
        ];
        for args in runs {
            let output = readouts(&args);
            assert_eq!(output.status.code(), Some(0), "{args:?}");
            assert_clean(&output.stdout, &format!("stdout of {args:?}"));
            assert_clean(&output.stderr, &format!("stderr of {args:?}"));
        }
        let coloured = readouts(&["print", fixture, "--color", "always"]);
        let plain = without_sgr(&text(&coloured.stdout));
        assert_clean(plain.as_bytes(), &format!("coloured print of {fixture}"));
    }
}

#[test]
fn controls_show_as_visible_symbols_in_print() {
    let escapes = text(&readouts(&["print", FIXTURES[0], "--width", "200"]).stdout);
    assert!(escapes.contains("␛[2J␛[H the screen cleared"), "{escapes}");
    assert!(escapes.contains("␛]0;PWNED-PASSAGE␇"), "{escapes}");
    let controls = text(&readouts(&["print", FIXTURES[1], "--width", "200"]).stdout);
    assert!(controls.contains("Bell ␇␇␇ backspaces ␈␈␈␈"), "{controls}");
    assert!(controls.contains("\\u{9b}2J"), "{controls}");
    assert!(
        controls.contains("Tabs between words and at the end"),
        "tabs become single spaces: {controls}"
    );
    let bidi = text(&readouts(&["print", FIXTURES[2], "--width", "200"]).stdout);
    assert!(bidi.contains("if (admin) {\\u{202e} }"), "{bidi}");
}

/// The screen of `app` as rows of text, trailing blanks left out.
fn expected_rows(app: &App) -> Vec<String> {
    buffer_text(&draw(app, &Theme::colored(Palette::Dark)))
        .lines()
        .map(|line| line.trim_end().to_string())
        .collect()
}

fn shown_rows(screen: &vt100::Screen) -> Vec<String> {
    let (_, cols) = screen.size();
    screen
        .rows(0, cols.get())
        .map(|row| row.trim_end().to_string())
        .collect()
}

/// Key presses, as `common::press` reads them, that visit every screen a
/// hostile text can reach: each topic (its note in the sidebar), the info
/// view (title, summary, facts, sources), the by-topic order (headings),
/// the filter, a search, presentation mode, and help.
fn tour(topics: usize) -> Vec<String> {
    let mut keys: Vec<String> = (1..=topics.min(9)).map(|n| n.to_string()).collect();
    keys.extend(
        [
            "i", "<End>", "i", "t", "<Enter>", "t", "f", "f", "/", "␛", "<Enter>", "n", "p", " ",
            "r", "p", "<Tab>", "<End>", "?",
        ]
        .map(String::from),
    );
    keys
}

/// What a terminal would send for the keys `common::press` reads.
fn key_bytes(keys: &str) -> String {
    match keys {
        "<Enter>" => "\r".to_string(),
        "<Tab>" => "\t".to_string(),
        "<End>" => "\u{1b}[F".to_string(),
        other => other.to_string(),
    }
}

#[test]
fn the_viewer_shows_hostile_text_as_symbols_and_the_terminal_stays_as_set() {
    for fixture in FIXTURES {
        let (cols, rows) = (120, 40);
        let document = load(fixture);
        let topics = document.topics.len();
        let pair = document.pair(None, None).expect("two readouts");
        let mut app = App::new(document, pair, cols, rows);
        let mut session = Session::start(&[fixture], cols, rows);
        let mut expected = expected_rows(&app);
        session.wait_for_screen(&format!("{fixture} at start"), |screen| {
            shown_rows(screen) == expected
        });
        let modes = session.with_screen(|screen| {
            (
                screen.mouse_protocol_mode(),
                screen.mouse_protocol_encoding(),
            )
        });
        assert_eq!(
            modes,
            (
                vt100::MouseProtocolMode::AnyMotion,
                vt100::MouseProtocolEncoding::Sgr
            ),
            "the viewer's own mouse modes"
        );
        for keys in tour(topics) {
            press(&mut app, &keys);
            expected = expected_rows(&app);
            session.send(&key_bytes(&keys));
            session.wait_for_screen(&format!("{fixture} after {keys}"), |screen| {
                shown_rows(screen) == expected
            });
            session.with_screen(|screen| {
                assert!(screen.alternate_screen(), "{fixture} after {keys}");
                assert!(screen.hide_cursor(), "{fixture} after {keys}");
                assert!(!screen.bracketed_paste(), "{fixture} after {keys}");
                let now = (
                    screen.mouse_protocol_mode(),
                    screen.mouse_protocol_encoding(),
                );
                assert_eq!(now, modes, "{fixture} after {keys}");
            });
        }
        assert_eq!(session.requests(), Requests::default(), "{fixture}");
        session.send("q");
        session.send("q");
        assert_eq!(session.wait_exit().exit_code(), 0, "{fixture}");
        assert_raw_output_is_the_viewers_own(&session.output(), fixture);
    }
}

/// Everything the viewer wrote: no OSC but its background query, no DCS,
/// bell, C1 or bidi control; the alternate screen entered once and left
/// once, at the end; mouse reporting turned on once.
fn assert_raw_output_is_the_viewers_own(bytes: &[u8], fixture: &str) {
    let output = String::from_utf8_lossy(bytes);
    // The viewer's one question: the background colour, for its theme
    // (not asked without colour).
    let background_query = "\u{1b}]11;?\u{7}";
    assert!(output.matches(background_query).count() <= 1, "{fixture}");
    let output = output.replacen(background_query, "", 1);
    for forbidden in ["\u{1b}]", "\u{1b}P", "\u{1b}c", "\u{7}"] {
        assert!(!output.contains(forbidden), "{fixture}: {forbidden:?}");
    }
    assert!(
        !output
            .chars()
            .any(|c| matches!(c, '\u{80}'..='\u{9f}') || is_bidi_control(c)),
        "{fixture}: a C1 or bidi control"
    );
    assert_eq!(output.matches("\u{1b}[?1049h").count(), 1, "{fixture}");
    assert_eq!(output.matches("\u{1b}[?1049l").count(), 1, "{fixture}");
    assert!(
        output.trim_end().ends_with("\u{1b}[?1049l"),
        "{fixture}: the alternate screen is left last"
    );
    assert_eq!(output.matches("\u{1b}[?1000h").count(), 1, "{fixture}");
}

#[test]
fn hostile_text_is_on_screen_as_symbols() {
    let document = load(FIXTURES[0]);
    let pair = document.pair(None, None).expect("two readouts");
    let mut app = App::new(document, pair, 160, 45);
    let screen = common::screen(&app);
    assert!(screen.contains("␛[2J␛[H the screen cleared"), "{screen}");
    assert!(screen.contains("Left ␛[2J side"), "{screen}");
    press(&mut app, "i");
    let info = common::screen(&app);
    assert!(info.contains("␛]0;PWNED-TITLE␇"), "{info}");
    assert!(info.contains("key␛[31m red"), "{info}");
    let controls = load(FIXTURES[1]);
    let pair = controls.pair(None, None).expect("two readouts");
    let screen = common::screen(&App::new(controls, pair, 160, 45));
    assert!(screen.contains("\\u{9b}2J one-byte") || screen.contains("C1: \\u{80}"));
    assert!(screen.contains("Bell ␇␇␇"), "{screen}");
}
