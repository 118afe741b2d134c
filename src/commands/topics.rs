//! `readouts topics`: the coverage table, as text or JSON, on standard
//! output.

use std::path::Path;
use std::process::ExitCode;

use super::compared::{Failure, load_pair};
use super::output::write_stdout;
use crate::document::diagnostic::Diagnostic;
use crate::export::{Comparison, json, table};

pub fn run(
    file: Option<&Path>,
    as_json: bool,
    left: Option<&str>,
    right: Option<&str>,
) -> ExitCode {
    match topics(file, as_json, left, right) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}

fn topics(
    file: Option<&Path>,
    as_json: bool,
    left: Option<&str>,
    right: Option<&str>,
) -> Result<(), Failure> {
    let (document, pair) = load_pair(file, left, right)?;
    let comparison = Comparison::new(&document, pair);
    let text = if as_json {
        json::render(&comparison).map_err(|error| {
            Diagnostic::error("<stdout>", format!("cannot write the JSON: {error}"))
        })?
    } else {
        table::render(&comparison)
    };
    write_stdout(text.as_bytes())?;
    Ok(())
}
