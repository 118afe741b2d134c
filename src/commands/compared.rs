//! What `export`, `topics`, `print` and the viewer start from: a document
//! (a file, standard input or the built-in readout) and the two readouts to
//! compare in it.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use clap::Args;

use super::Failure;
use crate::document::diagnostic::Diagnostic;
use crate::document::load::{load, load_str};
use crate::document::{Document, Pair, builtin};
use crate::io::read::{display_name, read};
use crate::io::write::report;

/// The readout file and the two readouts to compare in it, by id; the
/// file's first two by default.
#[derive(Debug, Clone, Args)]
pub struct Compared {
    /// Readout file (TOML, format 1); `-` reads standard input; without
    /// it, the built-in readout.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// The readout on the left.
    #[arg(long, value_name = "ID")]
    pub left: Option<String>,
    /// The readout on the right.
    #[arg(long, value_name = "ID")]
    pub right: Option<String>,
    /// Any FILE after the first: taken only to say that one is read.
    #[arg(hide = true)]
    pub more_files: Vec<OsString>,
}

impl Compared {
    /// How messages name the file (none: the built-in readout).
    pub fn origin(&self) -> String {
        origin_name(self.file.as_deref())
    }

    /// Loads the file (`-`: standard input; none: the built-in readout)
    /// and picks the readouts named by `--left`/`--right`. Loader warnings
    /// go to standard error.
    pub fn load(&self) -> Result<(Document, Pair), Failure> {
        self.load_with_text()
            .map(|(document, pair, _)| (document, pair))
    }

    /// Like [`Compared::load`], with the text the document was loaded
    /// from, for the viewer to write edits back into.
    pub fn load_with_text(&self) -> Result<(Document, Pair, String), Failure> {
        let (loaded, text) = match &self.file {
            Some(path) => {
                let bytes = read(path).map_err(|d| Failure::Failed(vec![d]))?;
                let text = String::from_utf8_lossy(&bytes).into_owned();
                (load(&display_name(path), &bytes), text)
            }
            None => (
                load_str(builtin::NAME, builtin::TEXT),
                builtin::TEXT.to_string(),
            ),
        };
        let loaded = loaded.map_err(Failure::Failed)?;
        report(&loaded.warnings);
        let document = loaded.document;
        let pair = document
            .pair(self.left.as_deref(), self.right.as_deref())
            .map_err(|message| self.usage(message))?;
        Ok((document, pair, text))
    }

    /// A value of the command line that names nothing in the file.
    pub fn usage(&self, message: String) -> Failure {
        Failure::Usage(Diagnostic::error(&self.origin(), message))
    }
}

fn origin_name(file: Option<&Path>) -> String {
    file.map_or_else(|| builtin::NAME.to_string(), display_name)
}
