//! Making a comparison in the viewer, through `update` as the keys send it:
//! the passage cursor, tags put on and taken off, topics made, renamed and
//! deleted, undo and redo, the prompts, and what is asked of the edge when
//! saving.

mod common;

use std::path::PathBuf;

use common::{builtin_app, builtin_document, press};
use readouts::app::editing::{PromptKind, Source};
use readouts::app::{Action, App, EditCommand, Message, Side, update};
use readouts::document::builtin;

fn editing_app() -> App {
    builtin_app(100, 30).with_source(Source {
        text: builtin::TEXT.to_string(),
        file: Some(PathBuf::from("call.toml")),
    })
}

fn topics_of(app: &App, side: Side, passage: usize) -> Vec<String> {
    app.readout(side).passages[passage]
        .topics
        .iter()
        .map(|&t| app.document().topics[t].id.clone())
        .collect()
}

#[test]
fn the_cursor_appears_on_the_first_move_and_goes_passage_by_passage() {
    let mut app = editing_app();
    press(&mut app, "<Tab>");
    assert_eq!(app.cursor(Side::Left), None, "no cursor until asked for");
    press(&mut app, "}");
    assert_eq!(app.cursor(Side::Left), Some(0));
    press(&mut app, "}}");
    assert_eq!(app.cursor(Side::Left), Some(2));
    press(&mut app, "{");
    assert_eq!(app.cursor(Side::Left), Some(1));
    press(&mut app, "<Tab>}");
    assert_eq!(app.cursor(Side::Right), Some(0), "each pane has its own");
    assert_eq!(app.cursor(Side::Left), Some(1));
}

#[test]
fn the_cursor_brings_its_passage_into_view() {
    let mut app = builtin_app(90, 14);
    press(&mut app, "<Tab>");
    for _ in 0..9 {
        press(&mut app, "}");
    }
    let passage = app.cursor(Side::Left).expect("a cursor");
    let view = app.view().expect("laid out");
    let row = view.passage_row(Side::Left, passage).expect("shown");
    let offset = app.offset(Side::Left);
    assert!(
        row >= offset && row < offset + app.text_height(),
        "row {row} at {offset}"
    );
}

#[test]
fn x_puts_the_selected_topic_on_and_takes_it_off_and_the_marks_follow() {
    let mut app = editing_app();
    let de_escalation = app.document().topic_index("de-escalation").expect("topic");
    assert!(
        !app.mentions(Side::Left, de_escalation),
        "the White House's alone"
    );
    press(&mut app, "6<Tab>}");
    assert_eq!(app.selected(), de_escalation);
    let passage = app.cursor(Side::Left).expect("a cursor");
    press(&mut app, "x");
    assert!(topics_of(&app, Side::Left, passage).contains(&"de-escalation".to_string()));
    assert!(
        app.mentions(Side::Left, de_escalation),
        "the sidebar's marks follow"
    );
    assert!(
        app.anchors().iter().any(|a| a.topic == de_escalation),
        "and the alignment: the topic is shared now"
    );
    assert_eq!(app.unsaved_edits(), 1);
    press(&mut app, "x");
    assert!(!app.mentions(Side::Left, de_escalation));
    assert_eq!(app.unsaved_edits(), 2);
}

#[test]
fn a_new_topic_is_asked_for_made_and_put_on_the_cursor_s_passage() {
    let mut app = editing_app();
    press(&mut app, "<Tab>}}+");
    assert_eq!(
        app.prompt().map(|p| p.kind.clone()),
        Some(PromptKind::NewTopic)
    );
    press(&mut app, "US forces<Enter>");
    assert_eq!(app.prompt(), None);
    let topic = app.document().topic_index("us-forces").expect("made");
    assert_eq!(app.document().topics[topic].label, "US forces");
    assert_eq!(app.selected(), topic);
    assert!(topics_of(&app, Side::Left, 1).contains(&"us-forces".to_string()));
    assert!(app.message().is_some_and(|m| m.contains("us-forces")));
}

#[test]
fn rename_starts_from_the_label_and_escape_changes_nothing() {
    let mut app = editing_app();
    press(&mut app, "R");
    assert_eq!(
        app.prompt().map(|p| p.text.as_str()),
        Some("Tone of the call")
    );
    press(&mut app, "<Esc>");
    assert_eq!(app.prompt(), None);
    assert_eq!(app.unsaved_edits(), 0);
    press(&mut app, "R");
    for _ in 0.."of the call".len() {
        update(&mut app, Action::EraseChar);
    }
    press(&mut app, "and words<Enter>");
    assert_eq!(app.document().topics[0].label, "Tone and words");
}

#[test]
fn delete_asks_and_takes_the_references_and_undo_and_redo_go_back_and_forth() {
    let mut app = editing_app();
    let before = app.document().clone();
    press(&mut app, "D");
    assert!(
        app.prompt().is_some_and(|p| p
            .question(&app)
            .contains("y delete · n keep: “Tone of the call” and its 3 tags")),
        "{:?}",
        app.prompt().map(|p| p.question(&app))
    );
    press(&mut app, "n");
    assert_eq!(app.document(), &before, "n keeps it");
    press(&mut app, "Dy");
    assert_eq!(app.document().topic_index("tone"), None);
    assert_eq!(app.document().topics.len(), before.topics.len() - 1);
    press(&mut app, "U");
    assert_eq!(app.document(), &before, "undone");
    assert_eq!(app.unsaved_edits(), 0);
    update(&mut app, Action::Edit(EditCommand::Redo));
    assert_eq!(app.document().topic_index("tone"), None, "redone");
    assert_eq!(app.unsaved_edits(), 1);
}

#[test]
fn saving_asks_the_edge_and_a_saved_file_has_nothing_unsaved() {
    let mut app = editing_app();
    press(&mut app, "<Tab>}x");
    press(&mut app, "w");
    let request = app.save_request().expect("a write asked for").clone();
    assert_eq!(request.to, PathBuf::from("call.toml"));
    assert!(!request.new_file && !request.then_quit);
    update(
        &mut app,
        Message::Saved("saved text".to_string(), request.to.clone()),
    );
    assert_eq!(app.unsaved_edits(), 0);
    assert_eq!(app.save_request(), None);
    assert_eq!(app.source().map(|s| s.text.as_str()), Some("saved text"));
    // The watcher's look at the file just written changes nothing.
    let tagged = app.document().clone();
    update(
        &mut app,
        Message::Reloaded(Box::new(builtin_document()), "saved text".to_string()),
    );
    assert_eq!(app.document(), &tagged);
}

#[test]
fn quitting_with_unsaved_edits_asks_first() {
    let mut app = editing_app();
    press(&mut app, "<Tab>}xq");
    assert!(!app.should_quit());
    assert_eq!(app.prompt().map(|p| p.kind.clone()), Some(PromptKind::Quit));
    press(&mut app, "<Esc>");
    assert!(!app.should_quit(), "Esc stays");
    press(&mut app, "qw");
    assert!(
        app.save_request().is_some_and(|r| r.then_quit),
        "w saves, then quits"
    );
    let to = app.save_request().expect("asked").to.clone();
    update(&mut app, Message::Saved(String::new(), to));
    assert!(app.should_quit());
    let mut app = editing_app();
    press(&mut app, "<Tab>}x<C-c>");
    assert!(!app.should_quit(), "Ctrl-c asks too");
    press(&mut app, "<C-c>");
    assert!(app.should_quit(), "and a second one quits");
}

#[test]
fn an_outside_change_reloads_at_once_without_edits_and_waits_with_them() {
    let mut app = editing_app();
    let mut changed = builtin_document();
    changed.topics[0].label = "Changed outside".to_string();
    update(
        &mut app,
        Message::Reloaded(Box::new(changed.clone()), "outside".to_string()),
    );
    assert_eq!(app.document().topics[0].label, "Changed outside");
    press(&mut app, "<Tab>}x");
    let mut again = changed.clone();
    again.topics[0].label = "Changed again".to_string();
    update(
        &mut app,
        Message::Reloaded(Box::new(again), "outside again".to_string()),
    );
    assert_eq!(
        app.document().topics[0].label,
        "Changed outside",
        "the edits stay"
    );
    assert_eq!(app.unsaved_edits(), 1);
    // Saving then finds the file changed: the user chooses.
    press(&mut app, "w");
    update(&mut app, Message::SaveFailed("changed on disk".to_string()));
    assert_eq!(
        app.prompt().map(|p| p.kind.clone()),
        Some(PromptKind::ChangedOnDisk)
    );
    press(&mut app, "r");
    assert_eq!(app.document().topics[0].label, "Changed again");
    assert_eq!(app.unsaved_edits(), 0);
}

#[test]
fn the_built_in_readout_is_saved_to_a_new_file() {
    let mut app = builtin_app(100, 30).with_source(Source {
        text: builtin::TEXT.to_string(),
        file: None,
    });
    press(&mut app, "<Tab>}xw");
    assert_eq!(
        app.prompt().map(|p| p.kind.clone()),
        Some(PromptKind::SaveAs)
    );
    assert_eq!(app.prompt().map(|p| p.text.as_str()), Some("readout.toml"));
    press(&mut app, "<Enter>");
    let request = app.save_request().expect("asked");
    assert!(request.new_file);
    assert_eq!(request.to, PathBuf::from("readout.toml"));
}

#[test]
fn e_writes_the_note_of_the_cursor_s_passage_and_an_empty_one_takes_it_off() {
    let mut app = editing_app();
    press(&mut app, "<Tab>}}E");
    assert_eq!(
        app.prompt().map(|p| p.kind.clone()),
        Some(PromptKind::Note(0, 1))
    );
    let old = app.readout(Side::Left).passages[1]
        .note
        .clone()
        .unwrap_or_default();
    assert_eq!(app.prompt().map(|p| p.text.clone()), Some(old.clone()));
    for _ in old.chars() {
        update(&mut app, Action::EraseChar);
    }
    press(&mut app, "Only the Kremlin says so.<Enter>");
    assert_eq!(
        app.readout(Side::Left).passages[1].note.as_deref(),
        Some("Only the Kremlin says so.")
    );
    assert_eq!(app.unsaved_edits(), 1);
    press(&mut app, "E");
    assert_eq!(
        app.prompt().map(|p| p.text.as_str()),
        Some("Only the Kremlin says so."),
        "the prompt starts from the note"
    );
    for _ in 0.."Only the Kremlin says so.".len() {
        update(&mut app, Action::EraseChar);
    }
    press(&mut app, "<Enter>");
    assert_eq!(app.readout(Side::Left).passages[1].note, None);
    assert_eq!(app.message(), Some("note taken off passage 2"));
}

/// The status line (the last row of the screen), as text.
fn status_line(app: &App) -> String {
    common::screen(app)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn at_80_columns_a_prompt_keeps_its_keys_and_the_end_of_what_is_typed_in_view() {
    let mut app = builtin_app(80, 24).with_source(Source {
        text: builtin::TEXT.to_string(),
        file: Some(PathBuf::from("call.toml")),
    });
    press(&mut app, "4D");
    let line = status_line(&app);
    assert!(
        line.starts_with(" y delete · n keep: “Response to a further invasion”"),
        "{line}"
    );
    press(&mut app, "n<Tab>}E");
    let old = app.prompt().map(|p| p.text.chars().count()).unwrap_or(0);
    for _ in 0..old {
        update(&mut app, Action::EraseChar);
    }
    press(
        &mut app,
        "A long note that goes on well past the width of the status line, to its very end",
    );
    let line = status_line(&app);
    assert!(line.contains("…"), "{line}");
    assert!(line.contains("to its very end▏"), "{line}");
    assert!(
        line.trim_end().ends_with("Enter keep  Esc cancel"),
        "{line}"
    );
    assert_eq!(line.chars().count(), 80, "{line}");
}
