//! What the comparison shows in the viewer: the lenses' marks, passage
//! notes, the facts side by side, each side's length, and files with more
//! than two readouts read in any pairing.

mod common;

use common::{builtin_app, press};
use readouts::app::lenses::{LensKind, MarkStyle};
use readouts::app::{Action, App, Overlay, Side, update};
use readouts::document::load::load_str;

/// The words a lens marks on a side, as written, in reading order.
fn marked(app: &App, side: Side, style: MarkStyle) -> Vec<String> {
    let lens = app.lens().expect("a lens on");
    app.readout(side)
        .passages
        .iter()
        .enumerate()
        .flat_map(|(index, passage)| {
            lens.marks(side, index)
                .iter()
                .filter(move |(_, how)| *how == style)
                .map(move |(range, _)| passage.text[range.clone()].to_string())
        })
        .collect()
}

#[test]
fn the_tone_lens_marks_the_words_that_characterise_the_talks() {
    let mut app = builtin_app(120, 35);
    press(&mut app, "T");
    assert_eq!(app.message(), Some("lens: tone words"));
    let white_house = marked(&app, Side::Right, MarkStyle::Listed);
    // A passage is marked when it comes into view: the Kremlin's tone
    // passage is its last.
    assert!(marked(&app, Side::Left, MarkStyle::Listed).is_empty());
    press(&mut app, "<Tab>G");
    let kremlin = marked(&app, Side::Left, MarkStyle::Listed);
    for word in ["frank", "business-like"] {
        assert!(kremlin.iter().any(|w| w == word), "{word} in {kremlin:?}");
    }
    for word in ["serious", "substantive"] {
        assert!(
            white_house.iter().any(|w| w == word),
            "{word} in {white_house:?}"
        );
    }
    press(&mut app, "T");
    assert!(
        app.lens().is_none(),
        "the built-in file has no lists of its own"
    );
}

#[test]
fn the_wording_lens_follows_the_selected_topic() {
    let mut app = builtin_app(120, 35);
    press(&mut app, "4W");
    let invasion = app
        .document()
        .topic_index("response-to-invasion")
        .expect("topic");
    assert_eq!(
        app.lens().map(|l| l.kind.clone()),
        Some(LensKind::Wording(invasion))
    );
    for side in Side::BOTH {
        let shared = marked(&app, side, MarkStyle::Shared);
        assert!(
            shared.iter().any(|w| w == "Ukraine"),
            "{side:?}: {shared:?}"
        );
        assert!(
            shared.iter().any(|w| w.starts_with("Russia")),
            "{side:?}: {shared:?}"
        );
    }
    assert!(
        marked(&app, Side::Left, MarkStyle::Own)
            .iter()
            .any(|w| w == "sanctions")
    );
    assert!(
        marked(&app, Side::Right, MarkStyle::Own)
            .iter()
            .any(|w| w == "decisively")
    );
    press(&mut app, "1");
    let tone = app.document().topic_index("tone").expect("topic");
    assert_eq!(
        app.lens().map(|l| l.kind.clone()),
        Some(LensKind::Wording(tone))
    );
    press(&mut app, "W");
    assert!(app.lens().is_none());
}

#[test]
fn the_note_of_the_passage_being_read_is_found() {
    let mut app = builtin_app(120, 35);
    let with_note = app
        .readout(Side::Left)
        .passages
        .iter()
        .position(|p| p.note.is_some())
        .expect("the built-in readout has passage notes");
    press(&mut app, "<Tab>}");
    for _ in 0..with_note {
        press(&mut app, "}");
    }
    let (side, passage, note) = app.passage_note().expect("a note");
    assert_eq!((side, passage), (Side::Left, with_note));
    assert_eq!(
        Some(note),
        app.readout(Side::Left).passages[with_note].note.as_deref()
    );
}

const THREE: &str = r#"
format = 1
title = "Three accounts"

[[topics]]
id = "tone"
label = "Tone"

[[topics]]
id = "trade"
label = "Trade"

[[readouts]]
id = "north"
label = "North"
[[readouts.passages]]
text = "Frank talks."
topics = ["tone"]

[[readouts]]
id = "south"
label = "South"
[[readouts.passages]]
text = "Trade first."
topics = ["trade"]

[[readouts]]
id = "east"
label = "East"
[[readouts.passages]]
text = "Cordial talks on trade."
topics = ["tone", "trade"]
"#;

#[test]
fn three_readouts_can_be_read_in_any_pairing_and_the_marks_follow() {
    let document = load_str("three.toml", THREE).expect("valid").document;
    let pair = document.pair(None, None).expect("two readouts");
    let mut app = App::new(document, pair, 100, 30);
    let labels = |app: &App| Side::BOTH.map(|side| app.readout(side).label.clone());
    assert_eq!(labels(&app), ["North", "South"]);
    assert!(!app.mentions(Side::Right, 0), "South leaves the tone out");
    press(&mut app, ">");
    assert_eq!(labels(&app), ["North", "East"]);
    assert!(
        app.mentions(Side::Right, 0),
        "East mentions it: the marks follow"
    );
    press(&mut app, ">");
    assert_eq!(
        labels(&app),
        ["North", "South"],
        "round, skipping the left one"
    );
    // `<` (the helper reads `<` as the start of a named key).
    update(&mut app, Action::NextReadout(Side::Left));
    assert_eq!(labels(&app), ["East", "South"]);
    assert_eq!(app.message(), Some("East | South"));
    let mut two = builtin_app(100, 30);
    update(&mut two, Action::NextReadout(Side::Left));
    assert_eq!(
        two.message(),
        Some("the file holds only these two readouts")
    );
}

#[test]
fn a_is_the_synopsis_of_every_readout_when_the_screen_is_wide_enough() {
    let document = load_str("three.toml", THREE).expect("valid").document;
    let pair = document.pair(None, None).expect("two readouts");
    let needed = readouts::export::plain::min_width(3) + 4;
    let mut narrow = App::new(document.clone(), pair, (needed - 1) as u16, 24);
    press(&mut narrow, "A");
    assert_eq!(narrow.overlay(), None);
    let said = format!("3 readouts side by side need {needed} columns; `t` shows two by topic");
    assert_eq!(narrow.message(), Some(said.as_str()));
    let mut wide = App::new(document, pair, 120, 30);
    press(&mut wide, "A");
    assert_eq!(wide.overlay(), Some(Overlay::Synopsis));
    let rows: Vec<String> = wide
        .overlay_rows()
        .iter()
        .map(|row| row.0.iter().map(|(text, _)| text.as_str()).collect())
        .collect();
    let header = &rows[0];
    for label in ["North", "South", "East"] {
        assert!(header.contains(label), "{header}");
    }
    let tone = rows
        .iter()
        .find(|row| row.contains("■ Tone"))
        .expect("a block");
    assert_eq!(tone.matches("■ Tone").count(), 3, "a column each: {tone}");
    assert!(
        rows.iter()
            .any(|row| row.contains("South does not mention Tone")),
        "{rows:#?}"
    );
    press(&mut wide, "<Esc>");
    assert_eq!(wide.overlay(), None);
}

/// The screen as text with the lens's marks spelled out, as they show with
/// no colour: `_word_` underlined, `*word*` bold, `_*word*_` both.
fn marked_screen(app: &App) -> String {
    use ratatui::style::Modifier;
    let buffer = common::draw(app, &readouts::ui::theme::Theme::monochrome());
    let area = buffer.area;
    let mut lines = Vec::new();
    for y in 0..area.height {
        let mut line = String::new();
        let mut open = Modifier::empty();
        let lens_marks = Modifier::UNDERLINED | Modifier::BOLD;
        let mut x = 0;
        while x < area.width {
            let cell = &buffer[(x, y)];
            // Only the panes' text is marked: not their margins (the bars),
            // the frame or the sidebar.
            let inside = app
                .pane_area(Side::Left)
                .into_iter()
                .chain(app.pane_area(Side::Right))
                .any(|pane| {
                    x >= pane.x + 3 && x + 1 < pane.right() && y > pane.y && y + 1 < pane.bottom()
                });
            let now = if inside && cell.symbol() != " " {
                cell.modifier & lens_marks
            } else {
                Modifier::empty()
            };
            if now != open {
                if open.contains(Modifier::BOLD) {
                    line.push('*');
                }
                if open.contains(Modifier::UNDERLINED) {
                    line.push('_');
                }
                if now.contains(Modifier::UNDERLINED) {
                    line.push('_');
                }
                if now.contains(Modifier::BOLD) {
                    line.push('*');
                }
                open = now;
            }
            line.push_str(cell.symbol());
            x += 1;
        }
        lines.push(line.trim_end().to_string());
    }
    lines.join("\n")
}

#[test]
fn the_lenses_read_without_colour() {
    let mut app = builtin_app(120, 35);
    press(&mut app, "T");
    insta::assert_snapshot!("tone_lens_120x35", marked_screen(&app));
    press(&mut app, "T4W");
    insta::assert_snapshot!("wording_lens_invasion_120x35", marked_screen(&app));
}
