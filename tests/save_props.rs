//! Writing edits back, on random sequences of edits to the built-in
//! readout: the file written loads as the edited document, and keeps its
//! comments.

use proptest::prelude::*;
use readouts::document::builtin;
use readouts::document::edit::Edit;
use readouts::document::load::load_str;
use readouts::document::save::patched;

/// An edit of the built-in readout, from numbers: tags on and off, new
/// topics, renames, notes and deletions.
fn edit_from(document: &readouts::document::Document, kind: u8, a: usize, b: usize) -> Edit {
    let topics = document.topics.len();
    let readout = a % document.readouts.len();
    let passage = b % document.readouts[readout].passages.len();
    match kind % 6 {
        0 | 1 => Edit::Tag {
            readout,
            passage,
            topic: b % topics,
            on: kind.is_multiple_of(2),
        },
        2 => Edit::NewTopic {
            id: format!("new-topic-{a}-{b}-{topics}"),
            label: format!("New topic {a}"),
        },
        3 => Edit::Rename {
            topic: a % topics,
            from: document.topics[a % topics].label.clone(),
            to: format!("Renamed {b}"),
        },
        4 => Edit::Note {
            readout,
            passage,
            from: document.readouts[readout].passages[passage].note.clone(),
            to: (!a.is_multiple_of(3)).then(|| format!("A note, {b}.")),
        },
        _ if topics > 1 => Edit::delete(document, a % topics).expect("a topic"),
        _ => Edit::NewTopic {
            id: format!("kept-{a}"),
            label: "Kept".to_string(),
        },
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn what_is_written_loads_as_the_edited_document(
        edits in prop::collection::vec((any::<u8>(), any::<usize>(), any::<usize>()), 1..12)
    ) {
        let original = load_str(builtin::NAME, builtin::TEXT).expect("valid").document;
        let mut document = original.clone();
        for (kind, a, b) in edits {
            let edit = edit_from(&document, kind, a, b);
            edit.apply(&mut document);
        }
        let text = patched(builtin::TEXT, &document).expect("patched");
        let reloaded = load_str("saved.toml", &text).expect("the saved file is valid").document;
        prop_assert_eq!(&reloaded.topics, &document.topics);
        for (saved, edited) in reloaded.readouts.iter().zip(&document.readouts) {
            prop_assert_eq!(&saved.passages, &edited.passages);
        }
        // Byte for byte, the unit tests of `save` check each kind of edit;
        // here, whatever the edits, the file's comments all stay.
        let comments = builtin::TEXT.lines().filter(|l| l.trim_start().starts_with('#'));
        for comment in comments {
            prop_assert!(text.contains(comment), "a comment is lost: {}", comment);
        }
    }
}
