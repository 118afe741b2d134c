//! Writes a large, deterministic readout file for benchmarks, and the same
//! passages as two plain-text files (a paragraph per passage) for baselines:
//!
//! ```sh
//! cargo run --release --example generate -- --megabytes 10 --seed 1 \
//!     --out /tmp/big.toml --left-text /tmp/left.txt --right-text /tmp/right.txt
//! ```

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

/// Generate a readout file of made-up passages.
#[derive(Debug, Parser)]
struct Args {
    /// The size of the readout file, in millions of bytes.
    #[arg(long, default_value_t = 10.0)]
    megabytes: f64,
    /// The same seed gives the same bytes.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// How many topics to declare.
    #[arg(long, default_value_t = 300)]
    topics: usize,
    /// Where to write the readout file.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Where to write the left readout's passages as plain text.
    #[arg(long, value_name = "FILE")]
    left_text: Option<PathBuf>,
    /// Where to write the right readout's passages as plain text.
    #[arg(long, value_name = "FILE")]
    right_text: Option<PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    if !(args.megabytes.is_finite() && args.megabytes > 0.0) || args.topics == 0 {
        eprintln!("error: --megabytes must be a positive number and --topics at least 1");
        return ExitCode::from(2);
    }
    let corpus = corpus::generate(&corpus::Spec::megabytes(
        args.megabytes,
        args.seed,
        args.topics,
    ));
    let mut outputs = vec![(args.out.clone(), corpus.to_toml())];
    for (side, path) in [args.left_text, args.right_text].into_iter().enumerate() {
        if let Some(path) = path {
            outputs.push((path, plain_text(corpus.passages(side))));
        }
    }
    for (path, text) in outputs {
        if let Err(error) = std::fs::write(&path, text) {
            eprintln!("error: cannot write {}: {error}", path.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

/// A paragraph per passage, separated by blank lines, as `readouts import`
/// reads them.
fn plain_text(passages: &[corpus::GeneratedPassage]) -> String {
    let paragraphs: Vec<&str> = passages.iter().map(|p| p.text.as_str()).collect();
    paragraphs.join("\n\n") + "\n"
}
