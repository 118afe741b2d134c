//! Scripted key sequences against the viewer's state: focus, offsets,
//! selection, mode, overlays — what a user does, checked where it lands.

mod common;

use common::{builtin_app, press, resize};
use readouts::app::{Focus, Overlay, Side, SyncMode};
use readouts::layout::pane::Row;

/// A small screen, so the built-in readout needs scrolling.
fn small() -> readouts::app::App {
    builtin_app(90, 14)
}

fn topic(app: &readouts::app::App, id: &str) -> usize {
    app.document().topic_index(id).expect(id)
}

#[test]
fn tab_cycles_focus_both_ways() {
    let mut app = small();
    assert_eq!(app.focus(), Focus::Sidebar);
    press(&mut app, "<Tab>");
    assert_eq!(app.focus(), Focus::Pane(Side::Left));
    press(&mut app, "<Tab>");
    assert_eq!(app.focus(), Focus::Pane(Side::Right));
    press(&mut app, "<Tab>");
    assert_eq!(app.focus(), Focus::Sidebar);
    press(&mut app, "<BackTab>");
    assert_eq!(app.focus(), Focus::Pane(Side::Right));
}

#[test]
fn moving_in_the_sidebar_selects_and_jumps() {
    let mut app = small();
    press(&mut app, "jjj");
    let invasion = topic(&app, "response-to-invasion");
    assert_eq!(app.selected(), invasion);
    assert_eq!(app.current_topic(), Some(invasion));
    let view = app.view().expect("laid out");
    let kremlin_first = app.passages_of(Side::Left, invasion)[0];
    let white_house_first = app.passages_of(Side::Right, invasion)[0];
    assert_eq!(
        app.offset(Side::Left),
        view.passage_row(Side::Left, kremlin_first)
            .expect("laid out")
    );
    assert_eq!(
        app.offset(Side::Right),
        view.passage_row(Side::Right, white_house_first)
            .expect("laid out")
    );
    press(&mut app, "k");
    assert_eq!(app.selected(), invasion - 1);
}

#[test]
fn a_one_sided_topic_puts_the_speaking_side_at_its_passage_and_the_other_follows() {
    let mut app = small();
    press(&mut app, "7");
    let nuclear = topic(&app, "nuclear-war");
    assert_eq!(app.current_topic(), Some(nuclear));
    assert!(!app.mentions(Side::Right, nuclear));
    assert_eq!(app.silent_topic(Side::Right), Some(nuclear));
    assert_eq!(app.silent_topic(Side::Left), None);
    let view = app.view().expect("laid out");
    let passage = app.passages_of(Side::Left, nuclear)[0];
    assert_eq!(
        app.offset(Side::Left),
        view.passage_row(Side::Left, passage).expect("laid out")
    );
    assert_eq!(
        app.offset(Side::Right),
        app.offset(Side::Left),
        "the silent side stays where the row space puts it"
    );
}

#[test]
fn enter_again_moves_to_the_next_passage_of_the_topic_and_wraps() {
    let mut app = small();
    let calendar = topic(&app, "negotiation-calendar");
    press(&mut app, &(calendar + 1).to_string());
    let first = app.offset(Side::Left);
    let passages = app.passages_of(Side::Left, calendar).to_vec();
    assert_eq!(passages.len(), 4);
    press(&mut app, "<Enter>");
    let view = app.view().expect("laid out");
    assert_eq!(
        app.offset(Side::Left),
        view.passage_row(Side::Left, passages[1]).expect("laid out")
    );
    press(&mut app, "<Enter><Enter><Enter>");
    assert_eq!(app.offset(Side::Left), first, "round to the first");
}

#[test]
fn enter_on_a_new_selection_jumps_there() {
    let mut app = small();
    press(&mut app, "<Enter>");
    assert_eq!(app.current_topic(), Some(0));
}

#[test]
fn brackets_step_through_topics_and_stop_at_the_ends() {
    let mut app = small();
    press(&mut app, "]]");
    assert_eq!(app.current_topic(), Some(2));
    press(&mut app, "[[[[");
    assert_eq!(app.current_topic(), Some(0));
    assert_eq!(app.message(), Some("This is the first topic."));
    press(&mut app, "9]");
    assert_eq!(app.message(), Some("This is the last topic."));
}

#[test]
fn a_digit_past_the_last_topic_says_so() {
    let document = common::builtin_document();
    let mut app = readouts::app::App::new(
        readouts::document::Document {
            topics: document.topics[..3].to_vec(),
            readouts: document
                .readouts
                .iter()
                .map(|r| readouts::document::Readout {
                    passages: r
                        .passages
                        .iter()
                        .map(|p| readouts::document::Passage {
                            topics: p.topics.iter().copied().filter(|&t| t < 3).collect(),
                            ..p.clone()
                        })
                        .collect(),
                    ..r.clone()
                })
                .collect(),
            ..document
        },
        readouts::document::Pair { left: 0, right: 1 },
        90,
        14,
    );
    press(&mut app, "5");
    assert_eq!(app.current_topic(), None);
    assert_eq!(
        app.message(),
        Some("There is no topic 5: this readout has 3.")
    );
}

#[test]
fn scrolling_a_pane_moves_the_other_row_for_row() {
    let mut app = small();
    press(&mut app, "<Tab>");
    for _ in 0..40 {
        press(&mut app, "j");
        assert_eq!(app.offset(Side::Right), app.offset(Side::Left));
    }
    press(&mut app, "G");
    assert_eq!(app.offset(Side::Left), app.max_offset(Side::Left));
    assert_eq!(
        app.offset(Side::Right),
        app.max_offset(Side::Right),
        "ends together"
    );
    press(&mut app, "g");
    assert_eq!((app.offset(Side::Left), app.offset(Side::Right)), (0, 0));
}

#[test]
fn an_anchor_at_the_top_of_one_pane_has_its_counterpart_at_the_top_of_the_other() {
    let mut app = small();
    press(&mut app, "<Tab>");
    let invasion = topic(&app, "response-to-invasion");
    let view = app.view().expect("laid out");
    let left_row = view
        .passage_row(Side::Left, app.passages_of(Side::Left, invasion)[0])
        .expect("laid out");
    let right_row = view
        .passage_row(Side::Right, app.passages_of(Side::Right, invasion)[0])
        .expect("laid out");
    assert_eq!(left_row, right_row, "padded onto one row");
    for _ in 0..left_row {
        press(&mut app, "j");
    }
    assert_eq!(app.offset(Side::Left), left_row);
    assert_eq!(app.offset(Side::Right), right_row);
}

#[test]
fn s_cycles_the_sync_modes() {
    let mut app = small();
    assert_eq!(app.sync_mode(), SyncMode::Aligned);
    press(&mut app, "s");
    assert_eq!(app.sync_mode(), SyncMode::Lockstep);
    press(&mut app, "<Tab>jjjjj");
    assert_eq!(app.offset(Side::Left), 5);
    assert_eq!(app.offset(Side::Right), 5);
    press(&mut app, "s");
    assert_eq!(app.sync_mode(), SyncMode::Independent);
    press(&mut app, "jjj");
    assert_eq!((app.offset(Side::Left), app.offset(Side::Right)), (8, 5));
    press(&mut app, "s");
    assert_eq!(app.sync_mode(), SyncMode::Aligned);
    assert_eq!(
        app.offset(Side::Right),
        app.offset(Side::Left),
        "back in aligned mode, the other pane is put back in line"
    );
}

#[test]
fn pages_and_half_pages_scroll_by_the_pane_height() {
    let mut app = small();
    press(&mut app, "<Tab>");
    let height = app.text_height();
    press(&mut app, "<PgDn>");
    assert_eq!(app.offset(Side::Left), height - 2);
    press(&mut app, "<PgUp>");
    assert_eq!(app.offset(Side::Left), 0);
    press(&mut app, "<C-d>");
    assert_eq!(app.offset(Side::Left), height / 2);
    press(&mut app, "<C-u>");
    assert_eq!(app.offset(Side::Left), 0);
}

#[test]
fn paging_with_the_sidebar_focused_scrolls_the_last_pane_read() {
    let mut app = small();
    press(&mut app, "<Tab><Tab><BackTab><BackTab>");
    assert_eq!(app.focus(), Focus::Sidebar);
    press(&mut app, "<PgDn>");
    assert!(app.offset(Side::Left) > 0);
}

#[test]
fn overlays_open_scroll_and_close() {
    let mut app = builtin_app(90, 12);
    press(&mut app, "?");
    assert_eq!(app.overlay(), Some(Overlay::Help));
    press(&mut app, "jj");
    assert_eq!(app.overlay_scroll(), 2);
    assert_eq!(app.offset(Side::Left), 0, "keys go to the overlay");
    press(&mut app, "G");
    let (_, text) = app.overlay_geometry();
    assert_eq!(
        app.overlay_scroll() + usize::from(text.height),
        app.overlay_rows().len(),
        "the last row is at the bottom"
    );
    press(&mut app, "i");
    assert_eq!(app.overlay(), Some(Overlay::Info));
    press(&mut app, "<Esc>");
    assert_eq!(app.overlay(), None);
    press(&mut app, "iq");
    assert_eq!(app.overlay(), None);
    assert!(!app.should_quit(), "q closes the overlay first");
    press(&mut app, "q");
    assert!(app.should_quit());
}

#[test]
fn ctrl_c_quits_even_from_an_overlay() {
    let mut app = small();
    press(&mut app, "?<C-c>");
    assert!(app.should_quit());
}

#[test]
fn resizing_keeps_the_passage_at_the_top() {
    let mut app = small();
    press(&mut app, "<Tab>");
    press(&mut app, "jjjjjjjjjjjj");
    let view = app.view().expect("laid out");
    let passage = view.panes[0]
        .passage_at(app.offset(Side::Left))
        .expect("a passage");
    let at_start = view.panes[0].first_row(passage).expect("laid out") == app.offset(Side::Left);
    for (width, height) in [(70, 14), (140, 16), (60, 40), (90, 14)] {
        resize(&mut app, width, height);
        let view = app.view().expect("laid out");
        let pane = &view.panes[0];
        let offset = app.offset(Side::Left);
        if offset < app.max_offset(Side::Left) {
            assert_eq!(
                pane.passage_at(offset).expect("a passage"),
                passage,
                "at {width}×{height}"
            );
        }
        if at_start && offset < app.max_offset(Side::Left) {
            assert_eq!(offset, pane.first_row(passage).expect("laid out"));
        }
    }
}

#[test]
fn the_built_in_readout_keeps_the_non_crossing_anchors() {
    let app = small();
    let kept: Vec<&str> = app
        .anchors()
        .iter()
        .map(|a| app.document().topics[a.topic].id.as_str())
        .collect();
    // Tone comes last in the Kremlin's account and first in the White
    // House's: it crosses the other two and is left out.
    assert_eq!(kept, ["response-to-invasion", "negotiation-calendar"]);
}

#[test]
fn a_too_small_terminal_keeps_the_place_for_when_it_grows() {
    let mut app = small();
    press(&mut app, "<Tab>jjjj");
    let before = (app.offset(Side::Left), app.offset(Side::Right));
    resize(&mut app, 10, 3);
    assert!(app.view().and_then(|v| v.screen).is_none());
    resize(&mut app, 90, 14);
    assert_eq!((app.offset(Side::Left), app.offset(Side::Right)), before);
    resize(&mut app, 1, 1);
    press(&mut app, "jjkk5<PgDn>G?<Esc>]<Enter>");
    resize(&mut app, 90, 14);
    assert!(app.view().and_then(|v| v.screen).is_some());
}

#[test]
fn copying_a_topic_one_side_leaves_out_says_so_and_each_copy_counts() {
    let mut app = small();
    assert_eq!(app.copies(), (0, None));
    press(&mut app, "7c");
    let (copies, text) = app.copies();
    let text = text.expect("copied").to_string();
    assert_eq!(copies, 1);
    assert!(text.starts_with("Nuclear war\n\nKremlin:\n"), "{text}");
    assert!(
        text.contains("nuclear war cannot be started and won"),
        "{text}"
    );
    assert!(
        text.ends_with("White House:\n(White House does not mention it.)\n"),
        "{text}"
    );
    assert_eq!(
        app.message(),
        Some("copied “Nuclear war”, 1 passage to the clipboard")
    );
    press(&mut app, "c");
    assert_eq!(
        app.copies().0,
        2,
        "the same text copied again is sent again"
    );
}

#[test]
fn the_passage_copied_is_the_first_one_at_the_top_of_the_focused_pane() {
    let mut app = small();
    press(&mut app, "<Tab><Tab>C");
    let first = &app.readout(Side::Right).passages[0].text;
    assert_eq!(
        app.copies().1,
        Some(format!("White House, passage 1:\n{first}\n").as_str())
    );
    press(&mut app, "G");
    let view = app.view().expect("laid out");
    let offset = app.offset(Side::Right);
    let top = (offset..offset + app.text_height())
        .find_map(|row| match view.row(Side::Right, row)? {
            Row::Text { passage, .. } => Some(passage as usize),
            _ => None,
        })
        .expect("a passage in view");
    assert!(top > 0, "G scrolled past the first passage");
    press(&mut app, "C");
    let text = app.copies().1.expect("copied");
    assert!(
        text.starts_with(&format!("White House, passage {}:\n", top + 1)),
        "{text}"
    );
}
