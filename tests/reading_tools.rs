//! The reading tools in state: search, the topic filter, the by-topic
//! order, presentation mode, the mouse and reloading the file.

mod common;

use common::{builtin_app, builtin_document, load_fixture, press};
use readouts::app::{Action, App, Focus, InputMode, Message, Order, Side, update};
use readouts::document::Pair;

fn small() -> App {
    builtin_app(90, 14)
}

fn topic(app: &App, id: &str) -> usize {
    app.document().topic_index(id).expect(id)
}

#[test]
fn typing_a_search_highlights_and_moves_to_the_first_match() {
    let mut app = small();
    press(&mut app, "/");
    assert_eq!(app.input_mode(), InputMode::Prompt);
    press(&mut app, "nuclear");
    let search = app.search().expect("a search");
    assert_eq!(search.query, "nuclear");
    assert_eq!(search.matches().len(), 1);
    let found = search.current().expect("a current match").clone();
    assert_eq!(found.side, Side::Left);
    let passage = topic_passage(&app, Side::Left, "nuclear-war");
    assert_eq!(found.passage, passage);
    let view = app.view().expect("laid out");
    let row = view.passage_row(Side::Left, passage).expect("laid out");
    let offset = app.offset(Side::Left);
    assert!(offset <= row && row < offset + app.text_height(), "in view");
    press(&mut app, "<Enter>");
    assert_eq!(app.input_mode(), InputMode::Normal);
    assert_eq!(
        app.search().map(|s| s.status()),
        Some("match 1/1 «nuclear»".to_string())
    );
}

fn topic_passage(app: &App, side: Side, id: &str) -> usize {
    app.passages_of(side, topic(app, id))[0]
}

#[test]
fn search_is_smart_case_and_spans_wrapped_rows() {
    let mut app = builtin_app(60, 14);
    press(&mut app, "/biden<Enter>");
    let lower = app.search().expect("search").matches().len();
    press(&mut app, "<Esc>/Biden<Enter>");
    let capital = app.search().expect("search").matches().len();
    assert!(lower >= capital && capital > 0);
    press(&mut app, "<Esc>/BIDEN<Enter>");
    assert_eq!(app.search().expect("search").matches().len(), 0);
    assert_eq!(
        app.search().map(|s| s.status()),
        Some("no match for «BIDEN»".to_string())
    );
    // "strike offensive weapons" wraps at this width, and still matches.
    press(&mut app, "<Esc>/deploy strike offensive weapons<Enter>");
    assert_eq!(app.search().expect("search").matches().len(), 1);
}

#[test]
fn n_and_shift_n_go_through_the_matches_and_wrap_round() {
    let mut app = small();
    press(&mut app, "/the<Enter>");
    let count = app.search().expect("search").matches().len();
    assert!(count > 3);
    let first = app
        .search()
        .and_then(|s| s.current().cloned())
        .expect("current");
    for _ in 0..count {
        press(&mut app, "n");
    }
    let after_a_round = app
        .search()
        .and_then(|s| s.current().cloned())
        .expect("current");
    assert_eq!(first, after_a_round);
    press(&mut app, "nN");
    assert_eq!(app.search().and_then(|s| s.current().cloned()), Some(first));
}

#[test]
fn n_starts_with_the_focused_pane() {
    let mut app = small();
    press(&mut app, "<Tab><Tab>");
    assert_eq!(app.focus(), Focus::Pane(Side::Right));
    press(&mut app, "/president<Enter>");
    let current = app
        .search()
        .and_then(|s| s.current().cloned())
        .expect("current");
    assert_eq!(current.side, Side::Right);
}

#[test]
fn esc_cancels_a_search_and_restores_the_view() {
    let mut app = small();
    press(&mut app, "<Tab>jjj");
    let before = (app.offset(Side::Left), app.offset(Side::Right));
    press(&mut app, "/escalation");
    assert_ne!((app.offset(Side::Left), app.offset(Side::Right)), before);
    press(&mut app, "<Esc>");
    assert!(app.search().is_none());
    assert_eq!((app.offset(Side::Left), app.offset(Side::Right)), before);
}

#[test]
fn n_without_a_search_says_how_to_search() {
    let mut app = small();
    press(&mut app, "n");
    assert_eq!(
        app.message(),
        Some("No search yet: press / to search both panes.")
    );
}

#[test]
fn the_filter_shows_one_topic_and_follows_the_selection() {
    let mut app = small();
    let calendar = topic(&app, "negotiation-calendar");
    press(&mut app, &(calendar + 1).to_string());
    press(&mut app, "f");
    assert_eq!(app.filter(), Some(calendar));
    let view = app.view().expect("laid out");
    assert_eq!(
        view.panes[0].passage_count(),
        app.passages_of(Side::Left, calendar).len()
    );
    assert_eq!(
        view.panes[1].passage_count(),
        app.passages_of(Side::Right, calendar).len()
    );
    assert_eq!((app.offset(Side::Left), app.offset(Side::Right)), (0, 0));
    press(&mut app, "j");
    assert_eq!(app.filter(), Some(calendar + 1));
    let view = app.view().expect("laid out");
    // De-escalation: only the White House mentions it; the Kremlin's pane
    // says so in its layout.
    assert_eq!(view.panes[0].passage_count(), 0);
    assert!(matches!(
        view.panes[0].row(0),
        Some(readouts::layout::pane::Row::Notice { .. })
    ));
    press(&mut app, "f");
    assert_eq!(app.filter(), None);
    assert_eq!(
        app.view().expect("laid out").panes[0].passage_count(),
        app.readout(Side::Left).passages.len()
    );
}

#[test]
fn the_by_topic_order_aligns_blocks_and_jumps_to_them() {
    let mut app = small();
    press(&mut app, "t");
    assert_eq!(app.order(), Order::ByTopic);
    let view = app.view().expect("laid out");
    assert_eq!(view.panes[0].row_count(), view.panes[1].row_count());
    let rows = view.topic_rows.clone().expect("block rows");
    press(&mut app, "6");
    assert_eq!(
        app.offset(Side::Left),
        rows[5].min(app.max_offset(Side::Left))
    );
    assert_eq!(
        app.offset(Side::Left),
        app.offset(Side::Right),
        "one scroll"
    );
    press(&mut app, "<Tab>jjj");
    assert_eq!(app.offset(Side::Left), app.offset(Side::Right));
    press(&mut app, "t");
    assert_eq!(app.order(), Order::Source);
}

#[test]
fn a_passage_with_two_topics_appears_under_both_in_the_synopsis() {
    let mut app = small();
    press(&mut app, "t");
    let view = app.view().expect("laid out");
    let rows = view.topic_rows.clone().expect("block rows");
    let quote = topic_passage(&app, Side::Left, "shared-responsibility");
    let weapons = topic(&app, "offensive-weapons");
    let responsibility = topic(&app, "shared-responsibility");
    assert!(
        view.panes[0]
            .first_row_from(quote, rows[weapons])
            .is_some_and(|r| r < rows[weapons + 1])
    );
    assert!(
        view.panes[0]
            .first_row_from(quote, rows[responsibility])
            .is_some()
    );
}

#[test]
fn presentation_steps_topics_hides_and_reveals_and_returns_at_the_topic() {
    let mut app = builtin_app(120, 32);
    press(&mut app, "3p");
    assert_eq!(app.input_mode(), InputMode::Presentation);
    assert_eq!(app.selected(), 2);
    press(&mut app, " ");
    assert_eq!(app.selected(), 3);
    update(&mut app, Action::NextTopic);
    assert_eq!(app.selected(), 4);
    press(&mut app, "<PgUp>");
    assert_eq!(app.selected(), 3);
    let shown = |app: &App| app.presentation().expect("presenting").right_shown();
    assert!(shown(&app));
    press(&mut app, "r");
    assert!(!shown(&app));
    press(&mut app, "r");
    assert!(shown(&app));
    press(&mut app, " ");
    assert!(!shown(&app), "the next topic starts hidden again");
    press(&mut app, "<Esc>");
    assert_eq!(app.input_mode(), InputMode::Normal);
    assert_eq!(app.current_topic(), Some(4));
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer() {
    let mut app = small();
    let screen = app.view().and_then(|v| v.screen).expect("drawn");
    let over_right = Action::Scroll {
        column: screen.right.x + 3,
        row: screen.right.y + 2,
        rows: 3,
    };
    update(&mut app, over_right);
    assert_eq!(app.offset(Side::Right), 3.min(app.max_offset(Side::Right)));
    assert_eq!(
        app.offset(Side::Left),
        app.offset(Side::Right),
        "aligned: one row space"
    );
}

#[test]
fn a_click_selects_a_topic_or_focuses_a_pane() {
    let mut app = small();
    let screen = app.view().and_then(|v| v.screen).expect("drawn");
    let sidebar = screen.sidebar.expect("a sidebar");
    update(
        &mut app,
        Action::Click {
            column: sidebar.x + 4,
            row: sidebar.y + 1 + 4,
        },
    );
    assert_eq!(app.current_topic(), Some(4));
    update(
        &mut app,
        Action::Click {
            column: screen.left.x + 5,
            row: screen.left.y + 3,
        },
    );
    assert_eq!(app.focus(), Focus::Pane(Side::Left));
}

#[test]
fn a_reload_keeps_the_topic_and_the_place() {
    let mut app = small();
    press(&mut app, "5<Tab>jj");
    let before = (app.selected(), app.offset(Side::Left));
    let mut document = builtin_document();
    document.readouts[1].passages[0]
        .text
        .push_str(" An added sentence.");
    update(
        &mut app,
        Message::Reloaded(Box::new(document), String::new()),
    );
    assert_eq!((app.selected(), app.offset(Side::Left)), before);
    assert!(app.reload_problem().is_none());
    assert!(
        app.readout(Side::Right).passages[0]
            .text
            .ends_with("An added sentence.")
    );
}

#[test]
fn a_failed_reload_keeps_the_content_and_says_why_until_fixed() {
    let mut app = small();
    let before = app.document().clone();
    update(
        &mut app,
        Message::ReloadFailed("talks.toml:3:1: unknown key `titel`".into()),
    );
    assert_eq!(
        app.reload_problem(),
        Some("talks.toml:3:1: unknown key `titel`")
    );
    press(&mut app, "jj");
    assert!(
        app.reload_problem().is_some(),
        "it stays while keys are pressed"
    );
    assert_eq!(app.document(), &before);
    update(
        &mut app,
        Message::Reloaded(Box::new(builtin_document()), String::new()),
    );
    assert!(app.reload_problem().is_none());
}

#[test]
fn a_reload_that_drops_the_current_topic_falls_back_cleanly() {
    let document = load_fixture("crossing.toml");
    let pair = Pair { left: 0, right: 1 };
    let mut app = App::new(document.clone(), pair, 100, 20);
    let last = document.topics.len();
    press(&mut app, &last.to_string());
    press(&mut app, "f");
    let mut smaller = document;
    smaller.topics.truncate(1);
    for readout in &mut smaller.readouts {
        for passage in &mut readout.passages {
            passage.topics.retain(|&t| t == 0);
        }
    }
    update(
        &mut app,
        Message::Reloaded(Box::new(smaller), String::new()),
    );
    assert_eq!(app.selected(), 0);
    assert_eq!(app.filter(), None);
}

#[test]
fn leaving_an_order_and_coming_back_gives_the_same_screen_at_any_size() {
    let mut app = builtin_app(120, 35);
    press(&mut app, "<Tab><Down><Down><Down>");
    let panes = |app: &App| app.view().expect("laid out").panes.clone();
    let source = (panes(&app), app.offset(Side::Left));
    press(&mut app, "t");
    let by_topic = panes(&app);
    press(&mut app, "t");
    assert_eq!((panes(&app), app.offset(Side::Left)), source);
    press(&mut app, "t");
    assert_eq!(panes(&app), by_topic);
    // A layout kept at another width is not taken for this one.
    update(&mut app, Message::Resize(90, 35));
    press(&mut app, "t");
    let fresh = App::new(builtin_document(), Pair { left: 0, right: 1 }, 90, 35);
    assert_eq!(panes(&app), panes(&fresh));
    press(&mut app, "f");
    press(&mut app, "f");
    assert_eq!(panes(&app), panes(&fresh));
}

#[test]
fn the_info_view_counts_words_again_after_a_reload() {
    let mut app = builtin_app(140, 60);
    press(&mut app, "i");
    let words = |app: &App| {
        common::screen(app)
            .lines()
            .filter_map(|line| line.split("passages, ").nth(1))
            .map(|rest| rest.split(' ').next().unwrap_or("").to_string())
            .collect::<Vec<_>>()
    };
    let before = words(&app);
    assert_eq!(before.len(), 2, "both readouts' lengths are shown");
    let mut document = builtin_document();
    document.readouts[0].passages[0]
        .text
        .push_str(" one two three");
    update(
        &mut app,
        Message::Reloaded(Box::new(document), String::new()),
    );
    press(&mut app, "ii");
    let after = words(&app);
    let count = |text: &str| text.parse::<usize>().expect("a number");
    assert_eq!(count(&after[0]), count(&before[0]) + 3);
    assert_eq!(after[1], before[1]);
}
