//! Reading a readout file (or standard input) and loading it, with every
//! failure turned into a diagnostic that names the file.

use std::io::{self, Read};
use std::path::Path;

use crate::document::diagnostic::Diagnostic;
use crate::document::load::{Loaded, load};

/// How standard input is named in messages.
pub const STDIN_NAME: &str = "<stdin>";

/// The name of a file argument as messages show it.
pub fn display_name(path: &Path) -> String {
    if is_stdin(path) {
        STDIN_NAME.to_string()
    } else {
        path.display().to_string()
    }
}

/// Whether a file argument names standard input (`-`).
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Reads the bytes of a file argument; `-` is standard input.
pub fn read(path: &Path) -> Result<Vec<u8>, Diagnostic> {
    let name = display_name(path);
    if is_stdin(path) {
        let mut bytes = Vec::new();
        io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|error| cannot_read(&name, &error))?;
        return Ok(bytes);
    }
    if path.is_dir() {
        return Err(Diagnostic::error(
            &name,
            format!("cannot read `{name}`: it is a directory, not a readout file"),
        ));
    }
    std::fs::read(path).map_err(|error| cannot_read(&name, &error))
}

fn cannot_read(name: &str, error: &io::Error) -> Diagnostic {
    let reason = match error.kind() {
        io::ErrorKind::NotFound => "no such file".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::InvalidData => "it is not valid UTF-8".to_string(),
        _ => error.to_string(),
    };
    Diagnostic::error(name, format!("cannot read `{name}`: {reason}"))
}

/// Reads and loads a file argument.
pub fn read_and_load(path: &Path) -> Result<Loaded, Vec<Diagnostic>> {
    let bytes = read(path).map_err(|d| vec![d])?;
    load(&display_name(path), &bytes)
}

/// Writes diagnostics to standard error, a blank line between them.
pub fn report(diagnostics: &[Diagnostic]) {
    for diagnostic in diagnostics {
        eprintln!("{diagnostic}\n");
    }
}
