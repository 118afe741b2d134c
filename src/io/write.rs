//! Writing a command's result: to standard output, or to a file through
//! the one safe writer. It writes a temporary file with an unpredictable
//! name, created exclusively in the target's folder, then renames it over
//! the target. A reader never sees half a file, a failed or interrupted
//! write leaves the old file and nothing else, an existing file is replaced
//! only when the user said so (keeping its permissions), and a command's
//! own input, a device, a FIFO, a socket or a directory is never the target.

use std::fs::{self, Permissions};
use std::io::{self, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once};

use crate::document::diagnostic::Diagnostic;
use crate::document::normalize::make_visible;

/// Whether an existing file may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    Replace,
    Refuse,
}

impl Existing {
    /// What `--force` says.
    pub fn forced(force: bool) -> Existing {
        if force {
            Existing::Replace
        } else {
            Existing::Refuse
        }
    }
}

/// Where a command's result goes: `-` is standard output.
pub fn write_output(
    path: &Path,
    bytes: &[u8],
    existing: Existing,
    inputs: &[&Path],
) -> Result<(), Diagnostic> {
    if path.as_os_str() == "-" {
        return write_stdout(bytes);
    }
    write_atomically(path, bytes, existing, inputs)
}

/// Writes `bytes` to the file `path` atomically. A symlink is written
/// through: the file it points to is replaced. `inputs` are the command's
/// own input files, which are never written over.
pub fn write_atomically(
    path: &Path,
    bytes: &[u8],
    existing: Existing,
    inputs: &[&Path],
) -> Result<(), Diagnostic> {
    let name = make_visible(&path.display().to_string());
    let fail =
        |reason: String| Diagnostic::error(&name, format!("cannot write `{name}`: {reason}"));
    if path.is_dir() {
        let inside = Path::new(&name).join("FILE");
        return Err(fail("it is a directory".to_string())
            .with_help(format!("name a file in it: `{}`", inside.display())));
    }
    if path.as_os_str().to_string_lossy().ends_with('/') {
        return Err(
            fail("it ends in `/`, so it names a directory, not a file".to_string())
                .with_help("name a file: without the `/`, or with a file name after it"),
        );
    }
    let target = resolved(path).map_err(&fail)?;
    let replaced = match fs::metadata(&target) {
        Ok(metadata) => Some(metadata),
        Err(error) if error.kind() == io::ErrorKind::NotFound => None,
        Err(error) => return Err(fail(describe(&error))),
    };
    if let Some(metadata) = &replaced {
        if !metadata.file_type().is_file() {
            return Err(fail(format!(
                "it is {}, not a regular file",
                kind_of(metadata.file_type())
            )));
        }
        if inputs.iter().any(|input| same_file(input, metadata)) {
            return Err(fail("it is this command's own input".to_string())
                .with_help("write the result to another file"));
        }
        if existing == Existing::Refuse {
            return Err(
                fail("it already exists".to_string()).with_help("pass --force to replace it")
            );
        }
    }
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let file_name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // A new file gets the usual mode less the umask; a replaced one keeps
    // its own.
    let mode = replaced
        .as_ref()
        .map_or(0o666, |m| m.permissions().mode() & 0o7777);
    let (mut temporary, _cleanup) = Pending::create(|| {
        tempfile::Builder::new()
            .prefix(&format!(".{file_name}."))
            .suffix(".tmp")
            .permissions(Permissions::from_mode(mode))
            .tempfile_in(&folder)
    })
    .map_err(|error| fail(describe(&error)))?;
    let written = (|| {
        if replaced.is_some() {
            fs::set_permissions(temporary.path(), Permissions::from_mode(mode))?;
        }
        temporary.write_all(bytes)?;
        temporary.as_file().sync_all()
    })();
    written.map_err(|error| fail(describe(&error)))?;
    let persisted = match existing {
        Existing::Replace => temporary.persist(&target).map(drop),
        Existing::Refuse => temporary.persist_noclobber(&target).map(drop),
    };
    persisted.map_err(|error| match error.error.kind() {
        io::ErrorKind::AlreadyExists => {
            fail("it already exists".to_string()).with_help("pass --force to replace it")
        }
        _ => fail(describe(&error.error)),
    })
}

/// The file a path names, through any symlinks; a dangling symlink is an
/// error.
fn resolved(path: &Path) -> Result<PathBuf, String> {
    match fs::symlink_metadata(path) {
        Ok(metadata) if metadata.file_type().is_symlink() => fs::canonicalize(path).map_err(|_| {
            "it is a symlink that does not lead to a file; use -o - for standard output".to_string()
        }),
        _ => Ok(path.to_path_buf()),
    }
}

fn same_file(input: &Path, target: &fs::Metadata) -> bool {
    fs::metadata(input)
        .is_ok_and(|input| input.dev() == target.dev() && input.ino() == target.ino())
}

fn kind_of(file_type: fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if file_type.is_dir() {
        "a directory"
    } else if file_type.is_char_device() || file_type.is_block_device() {
        "a device"
    } else if file_type.is_fifo() {
        "a FIFO"
    } else if file_type.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

/// The temporary file being written, removed if a signal ends the process
/// before it is renamed: a temporary file is removed on drop, but a signal
/// ends the process without dropping anything.
static PENDING: Mutex<Option<PathBuf>> = Mutex::new(None);

struct Pending;

impl Pending {
    /// Makes the temporary file with `create` and registers it, under the
    /// lock the signal thread takes: a signal either comes before the file
    /// is there, or finds it registered.
    fn create(
        create: impl FnOnce() -> io::Result<tempfile::NamedTempFile>,
    ) -> io::Result<(tempfile::NamedTempFile, Pending)> {
        static WATCH: Once = Once::new();
        WATCH.call_once(|| {
            use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
            let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])
            else {
                return;
            };
            std::thread::spawn(move || {
                if let Some(number) = signals.forever().next() {
                    if let Ok(pending) = PENDING.lock()
                        && let Some(path) = pending.as_ref()
                    {
                        let _ = fs::remove_file(path);
                    }
                    std::process::exit(128 + number);
                }
            });
        });
        let mut pending = PENDING
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let temporary = create()?;
        *pending = Some(temporary.path().to_path_buf());
        Ok((temporary, Pending))
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if let Ok(mut pending) = PENDING.lock() {
            *pending = None;
        }
    }
}

/// Writes `bytes` to standard output.
pub fn write_stdout(bytes: &[u8]) -> Result<(), Diagnostic> {
    to_stdout(|out| out.write_all(bytes))
}

/// Lets `write` write to standard output through a buffer, then flushes
/// it. A closed pipe (`| head`) is not an error worth a message.
pub fn to_stdout(
    write: impl FnOnce(&mut io::BufWriter<io::StdoutLock<'static>>) -> io::Result<()>,
) -> Result<(), Diagnostic> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(error) => Err(Diagnostic::error(
            "<stdout>",
            format!("cannot write to standard output: {}", describe(&error)),
        )),
    }
}

/// Writes diagnostics to standard error, a blank line between them.
/// A line on standard error that is no error: `note: …`.
pub fn note(message: &str) {
    let _ = writeln!(io::stderr().lock(), "note: {}", make_visible(message));
}

/// A closed or full standard error loses the messages, but never panics.
pub fn report(diagnostics: &[Diagnostic]) {
    let mut stderr = io::stderr().lock();
    for diagnostic in diagnostics {
        let _ = writeln!(stderr, "{diagnostic}\n");
    }
}

fn describe(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "its folder does not exist".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_replaces_and_refuses() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("out.txt");
        write_atomically(&path, b"one", Existing::Refuse, &[]).expect("first write");
        assert_eq!(std::fs::read(&path).expect("read"), b"one");
        let refused = write_atomically(&path, b"two", Existing::Refuse, &[]).expect_err("refused");
        assert!(refused.message.ends_with("it already exists"));
        assert_eq!(std::fs::read(&path).expect("read"), b"one");
        write_atomically(&path, b"two", Existing::Replace, &[]).expect("replaced");
        assert_eq!(std::fs::read(&path).expect("read"), b"two");
        let leftovers = std::fs::read_dir(dir.path()).expect("list").count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
    }

    #[test]
    fn a_missing_folder_is_named() {
        let error = write_atomically(
            Path::new("/no/such/folder/out.txt"),
            b"x",
            Existing::Replace,
            &[],
        )
        .expect_err("refused");
        assert_eq!(
            error.message,
            "cannot write `/no/such/folder/out.txt`: its folder does not exist"
        );
    }
}
