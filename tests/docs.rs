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
