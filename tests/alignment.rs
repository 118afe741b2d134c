//! Aligned mode as a reader sees it, on short readouts that nearly fit on
//! the screen (the built-in one and two short fixtures with crossing and
//! one-sided topics and passages under several topics), at 80×24, 120×35
//! and 200×50: every jump to a shared topic puts both first passages on
//! the top row, scrolling either pane keeps them side by side, the other
//! sync modes still work, a resize keeps the passage at the top, and the
//! screen is a window of what `print` lays out.

mod common;

use common::{builtin_document, draw, load_fixture, press, resize};
use ratatui::buffer::Buffer;
use readouts::app::{Action, App, Side, SyncMode, update};
use readouts::document::Document;
use readouts::export::plain::{Arrangement, PlainOptions, write_side_by_side};
use readouts::ui::theme::Theme;

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 35), (200, 50)];

fn documents() -> Vec<(&'static str, Document)> {
    vec![
        ("built-in", builtin_document()),
        ("short-call", load_fixture("short-call.toml")),
        ("twelve-topics", load_fixture("twelve-topics.toml")),
    ]
}

fn app(document: &Document, width: u16, height: u16) -> App {
    let pair = document.pair(None, None).expect("two readouts");
    App::new(document.clone(), pair, width, height)
}

/// The text of a pane's rows on screen, inside its border, from the top.
fn pane_rows(app: &App, buffer: &Buffer, side: Side) -> Vec<String> {
    let area = app.pane_area(side).expect("drawn");
    (area.y + 1..area.bottom() - 1)
        .map(|y| {
            (area.x + 1..area.right() - 1)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect()
}

/// The screen row (from the pane's top) where a passage's first line is
/// drawn, if it is on screen.
fn row_of_passage(app: &App, buffer: &Buffer, side: Side, passage: usize) -> Option<usize> {
    let view = app.view().expect("laid out");
    let start = view.passage_row(side, passage)?;
    let band = view.band.as_ref().map_or(0, |band| band.rows());
    let row = start.checked_sub(app.offset(side))?;
    (row < view.text_height).then_some(())?;
    // The passage's first line really is there on screen.
    let first_words: String = app.readout(side).passages[passage]
        .text
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_string();
    let drawn = &pane_rows(app, buffer, side)[band + row];
    assert!(
        drawn.contains(&first_words),
        "{side:?} passage {passage} at row {row}: {drawn:?}"
    );
    Some(band + row)
}

/// Both first passages of a topic drawn on one screen row, or both off
/// screen.
fn assert_side_by_side(app: &App, topic: usize, context: &str) {
    let buffer = draw(app, &Theme::monochrome());
    let rows = Side::BOTH.map(|side| {
        let passage = app.passages_of(side, topic)[0];
        row_of_passage(app, &buffer, side, passage)
    });
    assert_eq!(rows[0], rows[1], "{context}: topic {topic} side by side");
}

/// Both first passages of a topic drawn on the pane's top row.
fn assert_on_the_top_row(app: &App, topic: usize, context: &str) {
    let buffer = draw(app, &Theme::monochrome());
    for side in Side::BOTH {
        let passage = app.passages_of(side, topic)[0];
        assert_eq!(
            row_of_passage(app, &buffer, side, passage),
            Some(0),
            "{context}: {side:?} on the top row"
        );
    }
}

fn shared(app: &App, topic: usize) -> bool {
    Side::BOTH.into_iter().all(|side| app.mentions(side, topic))
}

#[test]
fn every_jump_to_a_shared_topic_puts_both_passages_on_the_top_row() {
    for (name, document) in documents() {
        for (width, height) in SIZES {
            let mut app = app(&document, width, height);
            for topic in 0..document.topics.len() {
                update(&mut app, Action::JumpToTopic(topic));
                if !shared(&app, topic) {
                    continue;
                }
                let context = format!("{name} at {width}×{height}, jump to {}", topic + 1);
                assert_on_the_top_row(&app, topic, &context);
                assert!(
                    app.anchors().iter().any(|a| a.topic == topic),
                    "{context}: the topic is an anchor"
                );
            }
        }
    }
}

#[test]
fn scrolling_either_pane_keeps_them_side_by_side() {
    let keys = [
        "j",
        "j",
        "k",
        "<PgDn>",
        "<PgUp>",
        "<C-d>",
        "<C-u>",
        "G",
        "g",
        "<Tab>",
        "j",
        "<PgDn>",
        "k",
        "<C-d>",
        "<Tab><Tab>",
    ];
    for (name, document) in documents() {
        for (width, height) in SIZES {
            let topics = document.topics.len();
            for topic in (0..topics).filter(|&t| shared(&app(&document, width, height), t)) {
                let mut app = app(&document, width, height);
                update(&mut app, Action::JumpToTopic(topic));
                press(&mut app, "<Tab>");
                for key in keys {
                    press(&mut app, key);
                    let context = format!("{name} at {width}×{height}, {} then {key}", topic + 1);
                    assert_eq!(app.offset(Side::Left), app.offset(Side::Right), "{context}");
                    assert_side_by_side(&app, topic, &context);
                }
                let screen = app.view().and_then(|v| v.screen).expect("drawn");
                for area in [screen.left, screen.right] {
                    for rows in [3, -3, 3] {
                        update(
                            &mut app,
                            Action::Scroll {
                                column: area.x + 2,
                                row: area.y + 2,
                                rows,
                            },
                        );
                        assert_side_by_side(&app, topic, &format!("{name}: the wheel"));
                    }
                }
            }
        }
    }
}

#[test]
fn a_crossing_topic_lands_side_by_side_and_stays_there() {
    let document = load_fixture("short-call.toml");
    let climate = document.topic_index("climate").expect("climate");
    for (width, height) in SIZES {
        let mut app = app(&document, width, height);
        assert!(
            !app.anchors().iter().any(|a| a.topic == climate),
            "climate crosses the tone: not kept at first"
        );
        press(&mut app, &(climate + 1).to_string());
        assert!(app.anchors().iter().any(|a| a.topic == climate));
        assert_eq!(app.message(), Some("aligned on 2 of 4 shared topics"));
        assert_side_by_side(&app, climate, "after the jump");
        press(&mut app, "<Tab>j");
        assert_side_by_side(&app, climate, "after Tab j");
        press(&mut app, "k");
        assert_side_by_side(&app, climate, "after k");
    }
}

#[test]
fn a_one_sided_topic_shows_its_band_on_both_panes_without_shifting_them() {
    let document = load_fixture("short-call.toml");
    let visit = document.topic_index("visit").expect("visit");
    let trade = document.topic_index("trade").expect("trade");
    let mut app = app(&document, 80, 24);
    press(&mut app, &(visit + 1).to_string());
    let buffer = draw(&app, &Theme::monochrome());
    let left = pane_rows(&app, &buffer, Side::Left);
    let right = pane_rows(&app, &buffer, Side::Right);
    assert!(left[0].contains("■ A visit in the"), "{left:?}");
    assert!(right[0].contains("Beloria does not"), "{right:?}");
    assert_eq!(app.silent_topic(Side::Right), Some(visit));
    assert_eq!(app.offset(Side::Left), app.offset(Side::Right));
    // The speaking side's passage sits right under the band.
    let passage = app.passages_of(Side::Left, visit)[0];
    let band = app.view().and_then(|v| v.band.as_ref()).expect("a band");
    assert_eq!(
        row_of_passage(&app, &buffer, Side::Left, passage),
        Some(band.rows())
    );
    // Near the end of a short text, the jump left the pane past its last
    // row: it goes no further down.
    let offset = app.offset(Side::Left);
    press(&mut app, "<Tab>j");
    assert_eq!(app.offset(Side::Left), offset);
    assert_eq!(app.silent_topic(Side::Right), Some(visit), "still in view");
    // Scrolled away, the band goes.
    press(&mut app, "g");
    assert_eq!(app.silent_topic(Side::Right), None);
    assert_eq!(app.offset(Side::Left), 0);
    assert_eq!(app.offset(Side::Left), app.offset(Side::Right));
    // Another topic after it lines up again with no band in between.
    press(&mut app, &(trade + 1).to_string());
    assert_side_by_side(&app, trade, "trade after the visit");
    assert!(app.view().is_some_and(|v| v.band.is_none()));
}

#[test]
fn enter_again_aligns_the_next_passage_on_each_side() {
    let document = load_fixture("short-call.toml");
    let trade = document.topic_index("trade").expect("trade");
    let mut app = app(&document, 120, 35);
    press(&mut app, &(trade + 1).to_string());
    press(&mut app, "<Enter>");
    assert_eq!(app.message(), Some("passage 2/2 · 1/1"));
    let buffer = draw(&app, &Theme::monochrome());
    let second = app.passages_of(Side::Left, trade)[1];
    let only = app.passages_of(Side::Right, trade)[0];
    assert_eq!(row_of_passage(&app, &buffer, Side::Left, second), Some(0));
    assert_eq!(row_of_passage(&app, &buffer, Side::Right, only), Some(0));
    press(&mut app, "<Enter>");
    assert_eq!(
        app.message(),
        Some("passage 1/2 · 1/1"),
        "round to the first"
    );
}

#[test]
fn lockstep_and_independent_still_work_after_a_jump() {
    let document = builtin_document();
    let mut app = app(&document, 80, 24);
    press(&mut app, "4s");
    assert_eq!(app.sync_mode(), SyncMode::Lockstep);
    press(&mut app, "<Tab>gjj");
    assert_eq!(app.offset(Side::Left), 2);
    assert_eq!(app.offset(Side::Right), 2, "lockstep: the same offset");
    press(&mut app, "s");
    assert_eq!(app.sync_mode(), SyncMode::Independent);
    press(&mut app, "jj");
    assert_eq!(app.offset(Side::Left), 4);
    assert_eq!(app.offset(Side::Right), 2, "independent: the other stays");
    press(&mut app, "s4");
    assert_eq!(app.sync_mode(), SyncMode::Aligned);
    assert_side_by_side(&app, 3, "aligned again");
}

#[test]
fn a_resize_keeps_the_passage_at_the_top() {
    for (name, document) in documents() {
        let mut app = app(&document, 120, 35);
        let topic = (0..document.topics.len())
            .rev()
            .find(|&t| shared(&app, t))
            .expect("a shared topic");
        update(&mut app, Action::JumpToTopic(topic));
        for (width, height) in [(80, 24), (200, 50), (120, 35)] {
            resize(&mut app, width, height);
            assert_on_the_top_row(&app, topic, &format!("{name} resized to {width}×{height}"));
        }
    }
}

#[test]
fn two_digits_typed_quickly_make_one_topic_number() {
    let document = load_fixture("twelve-topics.toml");
    let mut app = app(&document, 120, 35);
    press(&mut app, "1");
    assert_eq!(app.current_topic(), Some(0), "topic 1 at once");
    assert_eq!(app.typed_number(), Some(1), "a second digit may follow");
    press(&mut app, "2");
    assert_eq!(app.current_topic(), Some(11), "topic 12");
    assert_eq!(app.typed_number(), None, "no topic 120");
    press(&mut app, "1");
    update(&mut app, readouts::app::Message::EndNumber);
    press(&mut app, "1");
    assert_eq!(app.current_topic(), Some(0), "after the pause, 1 again");
    press(&mut app, "3");
    assert_eq!(app.current_topic(), Some(2), "no topic 13: 3 on its own");
    press(&mut app, "0");
    assert_eq!(app.current_topic(), Some(2));
    assert!(app.message().is_some_and(|m| m.contains("no topic 0")));
    let screen = common::screen(&app);
    assert!(screen.contains("12 "), "the sidebar numbers every topic");
}

#[test]
fn the_note_of_a_topic_can_be_read_whole_at_80_by_24() {
    let document = load_fixture("short-call.toml");
    let tone = document.topic_index("tone").expect("tone");
    let mut app = app(&document, 80, 24);
    press(&mut app, &(tone + 1).to_string());
    press(&mut app, "o");
    let screen = common::screen(&app);
    let note = document.topics[tone].note.clone().expect("a note");
    let shown: String = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    for word in note.split_whitespace() {
        assert!(shown.contains(word), "{word} of the note is on screen");
    }
    assert!(screen.contains("Teaching note"));
    press(&mut app, "<Esc>");
    assert!(!common::screen(&app).contains("Teaching note"));
}

#[test]
fn by_topic_the_last_topic_can_be_brought_to_the_top() {
    let document = builtin_document();
    let mut app = app(&document, 200, 50);
    press(&mut app, "tG");
    let last = document.topics.len() - 1;
    let row = app
        .view()
        .and_then(|view| view.topic_rows.as_ref())
        .map(|rows| rows[last])
        .expect("blocks");
    assert_eq!(app.offset(Side::Left), row, "the last block at the top");
    assert_eq!(app.offset(Side::Right), row);
}

#[test]
fn the_aligned_screen_is_a_window_of_print() {
    for (name, document) in documents() {
        for (width, height) in SIZES {
            let mut app = app(&document, width, height);
            let widths =
                Side::BOTH.map(|side| usize::from(app.pane_area(side).expect("drawn").width) - 2);
            let mut printed = Vec::new();
            let pair = document.pair(None, None).expect("two readouts");
            write_side_by_side(
                &mut printed,
                &document,
                pair,
                PlainOptions {
                    width: widths[0] + widths[1] + 3,
                    color: false,
                    arrangement: Arrangement::SourceOrder,
                },
            )
            .expect("printed");
            let printed = String::from_utf8(printed).expect("utf-8");
            let lines: Vec<&str> = printed.lines().skip(2).collect();
            press(&mut app, "<Tab>");
            loop {
                let buffer = draw(&app, &Theme::monochrome());
                let offset = app.offset(Side::Left);
                for side in Side::BOTH {
                    for (row, drawn) in pane_rows(&app, &buffer, side).iter().enumerate() {
                        let Some(line) = lines.get(offset + row) else {
                            assert_eq!(drawn.trim(), "", "{name}: past the end");
                            continue;
                        };
                        let column: String = match side {
                            Side::Left => line.chars().take(widths[0]).collect(),
                            Side::Right => line.chars().skip(widths[0] + 3).collect(),
                        };
                        // The pane marks a passage's note in its last
                        // column; print has no such column.
                        let drawn = drawn.trim_end().trim_end_matches('✎');
                        assert_eq!(
                            drawn.trim_end(),
                            column.trim_end(),
                            "{name} at {width}×{height}, offset {offset}, row {row}"
                        );
                    }
                }
                if offset >= app.max_offset(Side::Left) {
                    break;
                }
                press(&mut app, "j");
            }
        }
    }
}
