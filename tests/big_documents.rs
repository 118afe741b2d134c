//! Documents far beyond any real readout open and are usable from end to
//! end: 200,000 passages (more rows than a u16 can count), 50,000 topics,
//! and a passage many screens long.

mod common;

use std::fmt::Write;

use common::{press, screen};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use readouts::app::{App, Focus, Message, Side, update};
use readouts::document::load::load_str;
use readouts::document::{Document, Pair};
use readouts::terminal::{EventSource, run_loop};
use readouts::ui::theme::{Palette, Theme};

/// A readout file with `topics` topics and `passages` passages a side; each
/// passage names its number and side, and carries one topic in turn.
fn file_with(topics: usize, passages: usize) -> String {
    let mut file = String::from("format = 1\ntitle = \"Big\"\n");
    for topic in 0..topics {
        writeln!(
            file,
            "[[topics]]\nid = \"t{topic}\"\nlabel = \"Topic {topic}\""
        )
        .expect("written");
    }
    for side in ["left", "right"] {
        writeln!(file, "[[readouts]]\nid = \"{side}\"\nlabel = \"{side}\"").expect("written");
        for passage in 0..passages {
            writeln!(
                file,
                "[[readouts.passages]]\ntext = \"Passage {passage} of {side}.\"\ntopics = [\"t{}\"]",
                passage % topics
            )
            .expect("written");
        }
    }
    file
}

fn open(file: &str, width: u16, height: u16) -> App {
    let document = load_str("big.toml", file).expect("valid").document;
    App::new(document, Pair { left: 0, right: 1 }, width, height)
}

#[test]
fn two_hundred_thousand_passages_scroll_to_their_very_end() {
    let mut app = open(&file_with(50, 100_000), 100, 30);
    assert_eq!(app.focus(), Focus::Sidebar);
    press(&mut app, "<Tab><End>");
    assert_eq!(app.focus(), Focus::Pane(Side::Left));
    let end = app.max_offset(Side::Left);
    assert!(
        end > usize::from(u16::MAX),
        "{end} rows: more than a u16 holds"
    );
    assert_eq!(app.offset(Side::Left), end);
    assert!(screen(&app).contains("Passage 99999 of left."));
    press(&mut app, "<Up>");
    assert_eq!(app.offset(Side::Left), end - 1);
    press(&mut app, "<Home>");
    assert_eq!(app.offset(Side::Left), 0);
    assert!(screen(&app).contains("Passage 0 of left."));
}

#[test]
fn fifty_thousand_topics_open_and_the_last_is_a_jump_away() {
    let mut app = open(&file_with(50_000, 50_000), 120, 40);
    press(&mut app, "<End>");
    assert_eq!(app.selected(), 49_999);
    assert_eq!(app.current_topic(), Some(49_999));
    let shown = screen(&app);
    assert!(shown.contains("Topic 49999"), "{shown}");
    assert!(shown.contains("Passage 49999 of left."), "{shown}");
    assert!(shown.contains("Passage 49999 of right."), "{shown}");
}

#[test]
fn a_passage_many_screens_long_scrolls_through_row_by_row() {
    let words: Vec<String> = (0..3000).map(|n| format!("w{n}")).collect();
    let file = format!(
        "format = 1\ntitle = \"Long\"\n[[topics]]\nid = \"t\"\nlabel = \"T\"\n\
         [[readouts]]\nid = \"left\"\nlabel = \"L\"\n[[readouts.passages]]\ntext = \"{}\"\ntopics = [\"t\"]\n\
         [[readouts]]\nid = \"right\"\nlabel = \"R\"\n[[readouts.passages]]\ntext = \"short\"\ntopics = [\"t\"]\n",
        words.join(" ")
    );
    let mut app = open(&file, 80, 20);
    press(&mut app, "<Tab>");
    let mut seen = vec![false; words.len()];
    loop {
        for token in screen(&app).split(|c: char| !c.is_alphanumeric()) {
            if let Some(n) = token
                .strip_prefix('w')
                .and_then(|n| n.parse::<usize>().ok())
            {
                seen[n] = true;
            }
        }
        let before = app.offset(Side::Left);
        press(&mut app, "<Down>");
        if app.offset(Side::Left) == before {
            break;
        }
        assert_eq!(app.offset(Side::Left), before + 1);
    }
    let missing: Vec<usize> = (0..words.len()).filter(|&n| !seen[n]).collect();
    assert!(missing.is_empty(), "never on screen: {missing:?}");
}

#[test]
fn the_opening_screen_is_the_full_layouts_first_screen() {
    let file = file_with(50, 20_000);
    let document = load_str("big.toml", &file).expect("valid").document;
    let pair = Pair { left: 0, right: 1 };
    let full = App::new(document.clone(), pair, 160, 45);
    let mut opening = App::opening(document, pair, 160, 45);
    let laid_out = |app: &App| app.view().expect("laid out").panes[0].passage_count();
    assert!(
        laid_out(&opening) < 100,
        "only the first screen is laid out"
    );
    assert_eq!(screen(&opening), screen(&full));
    assert!(
        screen(&opening).contains(" 1/20000 "),
        "{}",
        screen(&opening)
    );
    update(&mut opening, Message::CompleteLayout);
    assert_eq!(laid_out(&opening), 20_000);
    assert_eq!(
        opening.view().expect("laid out").panes,
        full.view().expect("laid out").panes
    );
    assert_eq!(screen(&opening), screen(&full));
    press(&mut opening, "<Tab><End>");
    assert!(screen(&opening).contains("Passage 19999 of left."));
}

#[test]
fn an_opening_screen_anchored_far_down_the_other_side_is_the_same_too() {
    let mut file = String::from(
        "format = 1\ntitle = \"Far\"\n[[topics]]\nid = \"far\"\nlabel = \"Far\"\n\
         [[readouts]]\nid = \"left\"\nlabel = \"L\"\n\
         [[readouts.passages]]\ntext = \"Left, first.\"\ntopics = [\"far\"]\n\
         [[readouts.passages]]\ntext = \"Left, second.\"\n\
         [[readouts]]\nid = \"right\"\nlabel = \"R\"\n",
    );
    for passage in 0..5_000 {
        let topics = if passage == 4_000 { "[\"far\"]" } else { "[]" };
        writeln!(
            file,
            "[[readouts.passages]]\ntext = \"Right {passage}.\"\ntopics = {topics}"
        )
        .expect("written");
    }
    let document = load_str("far.toml", &file).expect("valid").document;
    let pair = Pair { left: 0, right: 1 };
    let full = App::new(document.clone(), pair, 120, 30);
    let mut opening = App::opening(document, pair, 120, 30);
    assert_eq!(opening.offset(Side::Right), full.offset(Side::Right));
    assert_eq!(screen(&opening), screen(&full));
    // The left side waits in blank rows for the right to reach the
    // anchor, as `print` lays it out.
    assert!(screen(&opening).contains("Right 0."));
    assert!(!screen(&opening).contains("Left, first."));
    update(&mut opening, Message::CompleteLayout);
    press(&mut opening, "1");
    let shown = screen(&opening);
    let row_of = |text: &str| shown.lines().position(|line| line.contains(text));
    assert_eq!(
        row_of("Left, first."),
        row_of("Right 4000."),
        "side by side"
    );
}

/// Events from a script; when it runs out, none come (and the loop keeps
/// looking for its layout).
struct Script(std::collections::VecDeque<Event>);

impl EventSource for Script {
    fn next(&mut self, _timeout: std::time::Duration) -> std::io::Result<Option<Event>> {
        Ok(self.0.pop_front())
    }
}

/// Runs the real event loop on `app`, in a test terminal of its size, with
/// these events and then none.
fn run_scripted(app: &mut App, events: Vec<Event>) {
    let (width, height) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a terminal");
    let mut script = Script(events.into());
    run_loop(
        &mut terminal,
        app,
        &Theme::colored(Palette::Dark),
        &mut script,
        None,
    )
    .expect("runs");
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

#[test]
fn keys_pressed_while_the_rest_is_laid_out_wait_for_it_and_mean_the_same() {
    let file = file_with(50, 20_000);
    let document = load_str("big.toml", &file).expect("valid").document;
    let pair = Pair { left: 0, right: 1 };
    let (width, height) = (120, 30);
    // The same keys given to a viewer laid out whole from the start.
    let mut expected = App::new(document.clone(), pair, width, height);
    press(&mut expected, "<Tab><End>/passage 19998<Enter>");

    let mut app = App::opening(document, pair, width, height);
    let mut keys: Vec<Event> = vec![
        key(KeyCode::Tab),
        key(KeyCode::End),
        key(KeyCode::Char('/')),
    ];
    keys.extend("passage 19998".chars().map(|c| key(KeyCode::Char(c))));
    keys.push(key(KeyCode::Enter));
    // `q` after other keys waits its turn too: it must not quit before them.
    keys.push(key(KeyCode::Char('q')));
    run_scripted(&mut app, keys);

    assert!(app.should_quit());
    assert_eq!(app.offset(Side::Left), expected.offset(Side::Left));
    assert_eq!(
        app.search().map(|s| s.query.clone()),
        Some("passage 19998".to_string()),
        "typed into the search prompt, not taken as commands"
    );
    assert_eq!(screen(&app), screen(&expected));
}

#[test]
fn q_quits_at_once_without_waiting_for_the_rest_of_the_layout() {
    let file = file_with(50, 20_000);
    let document = load_str("big.toml", &file).expect("valid").document;
    let mut app = App::opening(document, Pair { left: 0, right: 1 }, 120, 30);
    run_scripted(&mut app, vec![key(KeyCode::Char('q'))]);
    assert!(app.should_quit());
    let left = &app.view().expect("laid out").panes[0];
    assert!(!left.is_complete(), "quit before the rest was laid out");
}

#[test]
fn a_layout_made_for_an_old_size_or_an_old_text_is_not_shown() {
    let pair = Pair { left: 0, right: 1 };
    let load = |passages| {
        load_str("big.toml", &file_with(50, passages))
            .expect("valid")
            .document
    };
    let panes = |app: &App| app.view().expect("laid out").panes.clone();

    // Resized while the rest was laid out at the old width: that layout is
    // dropped, and the job is then for the new width.
    let mut app = App::opening(load(3_000), pair, 120, 30);
    let job = app.layout_job().expect("the rest to lay out");
    update(&mut app, Message::Resize(90, 30));
    update(&mut app, job.run());
    assert!(
        !panes(&app)[0].is_complete(),
        "the old width's layout is not taken"
    );
    let job = app.layout_job().expect("the rest, at the new width");
    update(&mut app, job.run());
    assert_eq!(panes(&app), panes(&App::new(load(3_000), pair, 90, 30)));

    // The file changed while the rest of the old one was laid out.
    let mut app = App::opening(load(3_000), pair, 120, 30);
    let job = app.layout_job().expect("the rest to lay out");
    update(
        &mut app,
        Message::Reloaded(Box::new(load(2_000)), String::new()),
    );
    update(&mut app, job.run());
    assert_eq!(panes(&app), panes(&App::new(load(2_000), pair, 120, 30)));
    assert!(app.layout_job().is_none(), "nothing left to lay out");
}

/// A document of `passages` passages a side, open at 120×30 with the left
/// pane `pages` pages down.
fn read_into(passages: usize, pages: usize) -> (Document, App) {
    let document = load_str("big.toml", &file_with(50, passages))
        .expect("valid")
        .document;
    let mut app = App::new(document.clone(), Pair { left: 0, right: 1 }, 120, 30);
    press(&mut app, "<Tab>");
    for _ in 0..pages {
        press(&mut app, "<PgDn>");
    }
    (document, app)
}

#[test]
fn a_resized_large_document_shows_its_screen_at_once_and_the_rest_from_its_job() {
    let (document, mut app) = read_into(20_000, 500);
    let pair = Pair { left: 0, right: 1 };
    press(&mut app, "<Down><Down>");
    let top = |app: &App| {
        let offset = app.offset(Side::Left);
        let pane = &app.view().expect("laid out").panes[0];
        (
            pane.passage_start_at(offset).expect("a passage").0,
            offset - pane.passage_start_at(offset).expect("a passage").1,
        )
    };
    let (passage, within) = top(&app);
    assert!(passage > 5_000, "read well into the document");

    update(&mut app, Message::Resize(90, 30));
    let panes = |app: &App| app.view().expect("laid out").panes.clone();
    assert!(!panes(&app)[0].is_complete(), "only the screen is laid out");
    assert_eq!(top(&app).0, passage, "the same passage at the top");
    assert!(screen(&app).contains(&format!("Passage {passage} of left.")));
    assert!(
        screen(&app).contains(&format!(" {}/20000 ", passage + 1)),
        "{}",
        screen(&app)
    );

    let job = app.layout_job().expect("the rest to lay out");
    update(&mut app, job.run());
    assert_eq!(panes(&app), panes(&App::new(document, pair, 90, 30)));
    assert_eq!(top(&app), (passage, within));
    assert!(app.layout_job().is_none());
}

#[test]
fn resizes_of_a_large_document_in_any_order_end_in_its_layout_at_the_last_size() {
    let (document, mut app) = read_into(12_000, 200);
    let pair = Pair { left: 0, right: 1 };
    // Jobs made at one size and delivered after others, a size too small
    // to draw, and one the same width as before.
    let mut jobs = Vec::new();
    for (width, height) in [
        (90, 30),
        (150, 40),
        (20, 5),
        (150, 40),
        (150, 20),
        (100, 35),
    ] {
        update(&mut app, Message::Resize(width, height));
        screen(&app);
        jobs.extend(app.layout_job());
        if jobs.len() == 2 {
            update(&mut app, jobs.remove(0).run());
            screen(&app);
        }
    }
    for job in jobs {
        update(&mut app, job.run());
    }
    while let Some(job) = app.layout_job() {
        update(&mut app, job.run());
    }
    let panes = |app: &App| app.view().expect("laid out").panes.clone();
    assert_eq!(panes(&app), panes(&App::new(document, pair, 100, 35)));
    for side in [Side::Left, Side::Right] {
        assert!(app.offset(side) <= app.max_offset(side));
    }
    assert!(
        app.offset(Side::Left) > 1_000,
        "still well into the document"
    );
}
