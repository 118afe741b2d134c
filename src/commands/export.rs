//! `readouts export`: the handout, as Markdown or one HTML page, to standard
//! output or atomically to a file. Every readout of the file is a column,
//! unless `--left` or `--right` picks two.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::Failure;
use super::compared::Compared;
use crate::export::{Comparison, html, markdown};
use crate::io::write::{Existing, write_output, write_stdout};

/// The handout's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// CommonMark, with a pipe table as GitHub and GitLab draw it.
    Markdown,
    /// One self-contained page: inline CSS, no scripts.
    Html,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub compared: Compared,
    /// The handout's format.
    #[arg(long, value_enum)]
    pub format: Format,
    /// Write the handout to OUT (atomically) instead of standard output;
    /// `-` is standard output. An existing OUT is kept unless --force is
    /// given.
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    pub out: Option<PathBuf>,
    /// Replace OUT if it exists (never the readout file itself).
    #[arg(long, requires = "out")]
    pub force: bool,
}

pub fn run(args: &ExportArgs) -> Result<(), Failure> {
    let (document, pair) = args.compared.load()?;
    // Every readout is a column, unless --left or --right picks a pair.
    let comparison = if args.compared.left.is_none() && args.compared.right.is_none() {
        Comparison::every_readout(&document)
    } else {
        Comparison::new(&document, pair)
    };
    let text = match args.format {
        Format::Markdown => markdown::render(&comparison),
        Format::Html => html::render(&comparison),
    };
    match &args.out {
        Some(path) => {
            let inputs: Vec<&Path> = args.compared.file.as_deref().into_iter().collect();
            write_output(path, text.as_bytes(), Existing::forced(args.force), &inputs)?;
        }
        None => write_stdout(text.as_bytes())?,
    }
    Ok(())
}
