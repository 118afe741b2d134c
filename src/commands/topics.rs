//! `readouts topics`: the coverage table, as text or JSON, on standard
//! output.

use clap::Args;

use super::Failure;
use super::compared::Compared;
use crate::document::diagnostic::Diagnostic;
use crate::export::{Comparison, json, table};
use crate::io::write::write_stdout;

#[derive(Debug, Args)]
pub struct TopicsArgs {
    #[command(flatten)]
    pub compared: Compared,
    /// Print JSON for scripts instead of the table.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &TopicsArgs) -> Result<(), Failure> {
    let (document, pair) = args.compared.load()?;
    let comparison = Comparison::new(&document, pair);
    let text = if args.json {
        json::render(&comparison).map_err(|error| {
            Diagnostic::error("<stdout>", format!("cannot write the JSON: {error}"))
        })?
    } else {
        table::render(&comparison)
    };
    write_stdout(text.as_bytes())?;
    Ok(())
}
