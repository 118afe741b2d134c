//! Reading a readout file (or standard input) and loading it, and reading
//! the user's config file, with every failure turned into a diagnostic
//! that names the file.

use std::fs::File;
use std::io::{self, Read};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use crate::config::{ConfigFile, PATH_VARIABLE};
use crate::document::diagnostic::Diagnostic;
use crate::document::load::{Loaded, load};
use crate::document::normalize::make_visible;

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

/// The largest readout file read, in bytes. Showing a file takes about
/// four times its size in memory (measured: 192 MB at the peak for a 50 MB
/// file), so the peak stays near 1 GiB instead of ending in an abort when
/// memory runs out. Real readouts are a few kilobytes.
pub const LARGEST_FILE: u64 = 256 * 1024 * 1024;

/// Reads the bytes of a file argument; `-` is standard input. Neither is
/// read past [`LARGEST_FILE`].
pub fn read(path: &Path) -> Result<Vec<u8>, Diagnostic> {
    // The name goes into the message as well as the location line.
    let name = make_visible(&display_name(path));
    let failed = |error: io::Error| cannot_read(&name, &error);
    let bytes = if is_stdin(path) {
        read_at_most(io::stdin().lock()).map_err(failed)?
    } else {
        let file = open_regular(path, &name, "a readout file")?;
        // The file may grow between the look at its size and the read.
        read_at_most(file).map_err(failed)?
    };
    match u64::try_from(bytes.len()) {
        Ok(size) if size <= LARGEST_FILE => Ok(bytes),
        _ => Err(too_large(&name, None)),
    }
}

/// Opens a regular file of at most [`LARGEST_FILE`] bytes; `what` names
/// what it should be, for the message when it is something else.
fn open_regular(path: &Path, name: &str, what: &str) -> Result<File, Diagnostic> {
    let failed = |error: io::Error| cannot_read(name, &error);
    // Opened without blocking, so that a FIFO put in the file's place
    // cannot hang the reader; then anything but a regular file is refused
    // by what the open file is.
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(failed)?;
    let metadata = file.metadata().map_err(failed)?;
    if !metadata.is_file() {
        let kind = if metadata.is_dir() {
            "a directory"
        } else {
            "a FIFO, a device or a socket"
        };
        return Err(Diagnostic::error(
            name,
            format!("cannot read `{name}`: it is {kind}, not {what}"),
        ));
    }
    let size = metadata.len();
    if size > LARGEST_FILE {
        return Err(too_large(name, Some(size)));
    }
    Ok(file)
}

/// The bytes of the user's config file; none when there is nothing at
/// the usual place. A file the user named must be there.
pub fn read_config(file: &ConfigFile) -> Result<Option<Vec<u8>>, Diagnostic> {
    let missing = std::fs::symlink_metadata(&file.path)
        .is_err_and(|error| error.kind() == io::ErrorKind::NotFound);
    if missing && !file.named {
        return Ok(None);
    }
    let name = make_visible(&file.path.display().to_string());
    let read = open_regular(&file.path, &name, "a config file")
        .and_then(|opened| read_at_most(opened).map_err(|error| cannot_read(&name, &error)));
    match read {
        Ok(bytes) => Ok(Some(bytes)),
        Err(diagnostic) if file.named => Err(diagnostic.with_help(format!(
            "{PATH_VARIABLE} names this config file; unset it to use the one in the usual place"
        ))),
        Err(diagnostic) => Err(diagnostic),
    }
}

/// Everything `source` gives, up to one byte more than [`LARGEST_FILE`].
fn read_at_most(source: impl Read) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    source.take(LARGEST_FILE + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// `size` is `None` when only the read found out: the file grew, or it is
/// standard input.
fn too_large(name: &str, size: Option<u64>) -> Diagnostic {
    const MIB: u64 = 1024 * 1024;
    let largest = LARGEST_FILE / MIB;
    let message = match size {
        Some(size) => format!(
            "cannot read `{name}`: it is {} MiB, and readouts opens files of up to {largest} MiB",
            size.div_ceil(MIB)
        ),
        None => {
            format!("cannot read `{name}`: it is more than {largest} MiB, the most readouts opens")
        }
    };
    Diagnostic::error(name, message).with_help(
        "showing a file takes about four times its size in memory; split it into smaller readout files",
    )
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
