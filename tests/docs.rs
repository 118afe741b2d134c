//! The examples in the documentation are real: they load.

use readouts::config::{self, Config, SyncChoice, ThemeChoice};
use readouts::document::load::load_str;

/// The first TOML block of a document.
fn first_toml_block(document: &str) -> &str {
    let start = document.find("```toml\n").expect("a toml block") + "```toml\n".len();
    let length = document[start..].find("```").expect("the block ends");
    &document[start..start + length]
}

#[test]
fn the_complete_example_in_the_format_reference_is_valid() {
    let example = first_toml_block(include_str!("../docs/format.md"));
    let loaded = load_str("docs/format.md", example).expect("the example is valid");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let document = loaded.document;
    assert_eq!(document.readouts.len(), 2);
    assert_eq!(document.topics.len(), 3);
    assert_eq!(document.meta.len(), 4);
    let [north, south] = [&document.readouts[0], &document.readouts[1]];
    assert_eq!(north.facts.len(), 4);
    assert_eq!(south.facts.len(), 2);
    let keys: Vec<&str> = document
        .facts_table(&[0, 1])
        .iter()
        .map(|row| row.key)
        .collect();
    assert_eq!(
        keys,
        [
            "requested_by",
            "tone",
            "duration_minutes",
            "treaty_signed",
            "next_meeting"
        ]
    );
    assert!(north.passages[0].note.is_some(), "the example shows a note");
    assert_eq!(document.lexicon.len(), 1, "and a word list");
}

/// Every other TOML block of the reference is a part of a readout file:
/// with a title, a topic and two readouts around it, it loads.
#[test]
fn the_fragments_in_the_format_reference_are_valid() {
    let reference = include_str!("../docs/format.md");
    let fragments: Vec<&str> = reference
        .split("```toml\n")
        .skip(2)
        .map(|block| block.split("```").next().unwrap_or_default())
        .collect();
    assert!(fragments.len() >= 2, "{fragments:?}");
    for fragment in fragments {
        // A readout's table goes inside the first readout; the rest at
        // the top, where the topics and readouts follow it.
        let (top, in_readout) = if fragment.starts_with("[readouts.") {
            ("", fragment)
        } else {
            (fragment, "")
        };
        let file = format!(
            "title = \"t\"\n{top}\n[[topics]]\nid = \"a\"\nlabel = \"A\"\n\
             [[readouts]]\nid = \"x\"\nlabel = \"X\"\n{in_readout}\n\
             [[readouts.passages]]\ntext = \"x\"\ntopics = [\"a\"]\n\
             [[readouts]]\nid = \"y\"\nlabel = \"Y\"\n[[readouts.passages]]\ntext = \"y\"\n"
        );
        if let Err(errors) = load_str("docs/format.md", &file) {
            panic!("{fragment}\n{}", errors[0]);
        }
    }
}

#[test]
fn the_example_config_file_is_valid_and_sets_everything() {
    let example = first_toml_block(include_str!("../docs/config.md"));
    let parsed = config::parse("docs/config.md", example.as_bytes(), 33..=10_000);
    assert_eq!(
        parsed,
        Ok(Config {
            theme: Some(ThemeChoice::Light),
            mouse: Some(false),
            sync: Some(SyncChoice::Lockstep),
            print_width: Some(100),
        })
    );
}
