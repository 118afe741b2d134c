//! The loader never panics: arbitrary bytes and arbitrary TOML-shaped text
//! give a document or diagnostics, and every diagnostic is printable.

use proptest::prelude::*;
use readouts::document::load::{load, load_str};

const VALID: &str = include_str!("fixtures/valid/harbour.toml");

fn assert_sound(
    result: Result<
        readouts::document::load::Loaded,
        Vec<readouts::document::diagnostic::Diagnostic>,
    >,
) {
    if let Err(errors) = result {
        assert!(!errors.is_empty(), "a refusal carries at least one error");
        for error in errors {
            assert!(!error.message.is_empty());
            let shown = error.to_string();
            assert!(
                !shown.chars().any(|c| c.is_control() && c != '\n'),
                "{shown:?}"
            );
        }
    }
}

/// Text built from TOML's own pieces, so the parser gets far.
fn toml_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("title = ".to_string()),
        Just("\"text\"".to_string()),
        Just("\"\"\"\nmulti\n\n\"\"\"".to_string()),
        Just("[[topics]]\n".to_string()),
        Just("[[readouts]]\n".to_string()),
        Just("[[readouts.passages]]\n".to_string()),
        Just("[meta]\n".to_string()),
        Just("id = ".to_string()),
        Just("label = ".to_string()),
        Just("text = ".to_string()),
        Just("topics = [".to_string()),
        Just("]".to_string()),
        Just("{".to_string()),
        Just("}".to_string()),
        Just("quote = true".to_string()),
        Just("2021-12-30".to_string()),
        Just("format = 1".to_string()),
        Just("\n".to_string()),
        Just(", ".to_string()),
        "[a-z\\-]{1,8}",
        "\\PC{0,6}",
        "[\\x00-\\x1f\\x7f]{1,3}",
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        assert_sound(load("fuzz.toml", &bytes));
    }

    #[test]
    fn toml_like_text_never_panics(text in toml_like()) {
        assert_sound(load_str("fuzz.toml", &text));
    }

    #[test]
    fn a_valid_file_with_one_edit_never_panics(
        position in 0..VALID.len(),
        cut in 0usize..20,
        insert in "\\PC{0,8}|[\\[\\]{}=\"\\n]{1,3}",
    ) {
        let mut start = position;
        while !VALID.is_char_boundary(start) { start -= 1; }
        let mut end = (start + cut).min(VALID.len());
        while !VALID.is_char_boundary(end) { end -= 1; }
        let text = format!("{}{}{}", &VALID[..start], insert, &VALID[end..]);
        assert_sound(load_str("fuzz.toml", &text));
    }
}
