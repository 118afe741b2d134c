//! `readouts check FILE...`: validate every file, even after a failure.

use std::path::PathBuf;
use std::process::ExitCode;

use super::source::{display_name, read_and_load, report};
use crate::document::normalize::make_visible;

pub fn run(files: &[PathBuf]) -> ExitCode {
    let mut all_valid = true;
    for path in files {
        match read_and_load(path) {
            Ok(loaded) => {
                report(&loaded.warnings);
                let document = &loaded.document;
                println!(
                    "{}: ok ({} readouts, {} passages, {} topics)",
                    make_visible(&display_name(path)),
                    document.readouts.len(),
                    document.passage_count(),
                    document.topics.len()
                );
            }
            Err(diagnostics) => {
                report(&diagnostics);
                all_valid = false;
            }
        }
    }
    if all_valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
