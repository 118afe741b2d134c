//! The loader on raw bytes: a document or diagnostics, never a panic, and
//! every diagnostic printable without a control character.
#![no_main]

use libfuzzer_sys::fuzz_target;
use readouts::document::load::load;

fuzz_target!(|bytes: &[u8]| {
    let diagnostics = match load("fuzz.toml", bytes) {
        Ok(loaded) => loaded.warnings,
        Err(errors) => {
            assert!(!errors.is_empty(), "a refusal carries an error");
            errors
        }
    };
    for diagnostic in diagnostics {
        let shown = diagnostic.to_string();
        assert!(
            !shown.chars().any(|c| c.is_control() && c != '\n'),
            "{shown:?}"
        );
    }
});
