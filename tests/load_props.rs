//! The loader never panics: arbitrary bytes and arbitrary TOML-shaped text
//! give a document or diagnostics, and every diagnostic is printable, has
//! a message, and points at a real place in the file — unless it is about
//! the whole file (empty, binary, a top-level key missing).

use proptest::prelude::*;
use readouts::document::diagnostic::Diagnostic;
use readouts::document::load::{Loaded, load, load_str};

const VALID: &str = include_str!("fixtures/valid/harbour.toml");

/// Errors about the whole file rather than a place in it.
const WHOLE_FILE: &[&str] = &[
    "the file is empty",
    "the file has no `title`",
    "the file declares no topics",
    "the file has no readouts; it needs at least two",
    "this is UTF-16 text; readouts reads UTF-8",
];

/// The file's text as the loader sees it: without a byte-order mark, and
/// with each byte that is not UTF-8 as one replacement character.
fn text_of(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    String::from_utf8_lossy(bytes).into_owned()
}

fn assert_sound(text: &str, result: Result<Loaded, Vec<Diagnostic>>) {
    let (errors, warnings) = match result {
        Ok(loaded) => (Vec::new(), loaded.warnings),
        Err(errors) => {
            assert!(!errors.is_empty(), "a refusal carries at least one error");
            (errors, Vec::new())
        }
    };
    let lines: Vec<&str> = text.split('\n').collect();
    for diagnostic in errors.iter().chain(&warnings) {
        assert!(!diagnostic.message.trim().is_empty(), "{diagnostic:?}");
        let shown = diagnostic.to_string();
        assert!(
            !shown.chars().any(|c| c.is_control() && c != '\n'),
            "{shown:?}"
        );
        match &diagnostic.location {
            Some(at) => {
                let line = lines.get(at.line.wrapping_sub(1)).unwrap_or_else(|| {
                    panic!("line {} of {}: {diagnostic:?}", at.line, lines.len())
                });
                assert!(
                    (1..=line.chars().count() + 1).contains(&at.column),
                    "column {} of {line:?}: {diagnostic:?}",
                    at.column
                );
                assert!(at.caret_width >= 1, "{diagnostic:?}");
            }
            None if diagnostic.message.starts_with("this is a binary file") => {
                let nul = text.find('\0').expect("a NUL byte");
                let line = text[..nul].matches('\n').count() + 1;
                let column = text[..nul]
                    .rsplit('\n')
                    .next()
                    .map_or(0, |l| l.chars().count())
                    + 1;
                assert!(
                    diagnostic
                        .message
                        .ends_with(&format!("at line {line}, column {column}")),
                    "{diagnostic:?}"
                );
            }
            None => assert!(
                WHOLE_FILE.contains(&diagnostic.message.as_str()),
                "an error with no place: {diagnostic:?}"
            ),
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
        assert_sound(&text_of(&bytes), load("fuzz.toml", &bytes));
    }

    #[test]
    fn toml_like_text_never_panics(text in toml_like()) {
        assert_sound(&text, load_str("fuzz.toml", &text));
    }

    #[test]
    fn toml_like_bytes_never_panic(
        text in toml_like(),
        bom in any::<bool>(),
        junk in proptest::collection::vec(any::<u8>(), 0..4),
        at in any::<proptest::sample::Index>(),
    ) {
        let mut bytes = if bom { b"\xef\xbb\xbf".to_vec() } else { Vec::new() };
        bytes.extend_from_slice(text.as_bytes());
        let position = at.index(bytes.len() + 1);
        bytes.splice(position..position, junk);
        assert_sound(&text_of(&bytes), load("fuzz.toml", &bytes));
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
        assert_sound(&text, load_str("fuzz.toml", &text));
    }
}
