//! The examples in the documentation are real: they load.

use readouts::document::load::load_str;

#[test]
fn the_complete_example_in_the_format_reference_is_valid() {
    let reference = include_str!("../docs/format.md");
    let start = reference.find("```toml\n").expect("a toml block") + "```toml\n".len();
    let length = reference[start..].find("```").expect("the block ends");
    let example = &reference[start..start + length];
    let loaded = load_str("docs/format.md", example).expect("the example is valid");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let document = loaded.document;
    assert_eq!(document.readouts.len(), 2);
    assert_eq!(document.topics.len(), 3);
    assert_eq!(document.meta.len(), 4);
}
