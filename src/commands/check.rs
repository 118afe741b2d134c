//! `readouts check FILE...`: validate every file, even after a failure.

use std::path::PathBuf;

use clap::Args;

use super::Failure;
use crate::document::normalize::make_visible;
use crate::io::read::{display_name, read_and_load};
use crate::io::write::{report, write_stdout};

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Readout files (TOML, format 1); `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

pub fn run(args: &CheckArgs) -> Result<(), Failure> {
    let mut all_valid = true;
    for path in &args.files {
        match read_and_load(path) {
            Ok(loaded) => {
                report(&loaded.warnings);
                let document = &loaded.document;
                let line = format!(
                    "{}: ok ({} readouts, {} passages, {} topics)\n",
                    make_visible(&display_name(path)),
                    document.readouts.len(),
                    document.passage_count(),
                    document.topics.len()
                );
                write_stdout(line.as_bytes())?;
            }
            Err(diagnostics) => {
                report(&diagnostics);
                all_valid = false;
            }
        }
    }
    if all_valid {
        Ok(())
    } else {
        // Each file's diagnostics are reported already.
        Err(Failure::Failed(Vec::new()))
    }
}
