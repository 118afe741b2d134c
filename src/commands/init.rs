//! `readouts init [PATH]`: a readout file to start from, the built-in one,
//! written through the safe writer.

use std::path::PathBuf;

use clap::Args;

use super::Failure;
use crate::document::builtin;
use crate::io::write::{Existing, note, write_output};

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to write it; `-` is standard output.
    #[arg(value_name = "PATH", default_value = "readout.toml")]
    pub path: PathBuf,
    /// Replace PATH if it exists.
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: &InitArgs) -> Result<(), Failure> {
    write_output(
        &args.path,
        builtin::TEXT.as_bytes(),
        Existing::forced(args.force),
        &[],
    )?;
    if args.path.as_os_str() != "-" {
        let path = args.path.display();
        note(&format!(
            "wrote {path}, the built-in readout: edit it, and open it with `readouts {path}` (it reloads as you save)"
        ));
    }
    Ok(())
}
