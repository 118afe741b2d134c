//! Writing a command's result: to standard output, or atomically to a file
//! (a temporary file in the same folder, then a rename), so that a reader of
//! the file never sees half of it and a failed write leaves the old one.

use std::io::{self, Write};
use std::path::Path;

use crate::document::diagnostic::Diagnostic;

/// Whether an existing file may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    Replace,
    Refuse,
}

/// Writes `bytes` to `path` atomically.
pub fn write_atomically(path: &Path, bytes: &[u8], existing: Existing) -> Result<(), Diagnostic> {
    let name = path.display().to_string();
    let fail =
        |reason: String| Diagnostic::error(&name, format!("cannot write `{name}`: {reason}"));
    if existing == Existing::Refuse && path.exists() {
        return Err(fail("it already exists".to_string()).with_help("pass --force to replace it"));
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let file_name = path
        .file_name()
        .ok_or_else(|| fail("it names a folder, not a file".to_string()))?;
    let temporary = folder.join(format!(
        ".{}.{}.tmp",
        file_name.to_string_lossy(),
        std::process::id()
    ));
    let written = std::fs::File::create(&temporary).and_then(|mut file| {
        file.write_all(bytes)?;
        file.sync_all()
    });
    if let Err(error) = written {
        let _ = std::fs::remove_file(&temporary);
        return Err(fail(describe(&error)));
    }
    if existing == Existing::Refuse && path.exists() {
        let _ = std::fs::remove_file(&temporary);
        return Err(fail("it already exists".to_string()).with_help("pass --force to replace it"));
    }
    std::fs::rename(&temporary, path).map_err(|error| {
        let _ = std::fs::remove_file(&temporary);
        fail(describe(&error))
    })
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
pub fn report(diagnostics: &[Diagnostic]) {
    for diagnostic in diagnostics {
        eprintln!("{diagnostic}\n");
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
        write_atomically(&path, b"one", Existing::Refuse).expect("first write");
        assert_eq!(std::fs::read(&path).expect("read"), b"one");
        let refused = write_atomically(&path, b"two", Existing::Refuse).expect_err("refused");
        assert!(refused.message.ends_with("it already exists"));
        assert_eq!(std::fs::read(&path).expect("read"), b"one");
        write_atomically(&path, b"two", Existing::Replace).expect("replaced");
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
        )
        .expect_err("refused");
        assert_eq!(
            error.message,
            "cannot write `/no/such/folder/out.txt`: its folder does not exist"
        );
    }
}
