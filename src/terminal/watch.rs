//! Watching the open file: a cheap look at it twice a second, and a reload
//! once a new version has settled. A file that turns invalid or disappears
//! leaves the last good content on screen, with the problem in the status
//! line.
//!
//! - A change is told by the modification time, the size, the change time
//!   (which `utime` cannot set back, so `cp -p` and `rsync -t` are seen) and
//!   the inode (an editor's save by rename).
//! - A new version is loaded only once it has stayed the same for a short
//!   while and no process has the file open for writing: a script that
//!   writes half a file, pauses and writes the rest is never shown half.
//! - A special file in its place (a FIFO, a device, a folder) is reported,
//!   never opened.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::app::Message;
use crate::document::load::load;
use crate::document::normalize::make_visible;
use crate::io::read;

/// How often the file is looked at.
const INTERVAL: Duration = Duration::from_millis(500);
/// How often while a new version settles.
const SETTLING_INTERVAL: Duration = Duration::from_millis(100);
/// How long a new version must stay the same before it is loaded.
const SETTLE: Duration = Duration::from_millis(300);

/// What tells one version of the file from another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    modified: (i64, i64),
    changed: (i64, i64),
    size: u64,
    inode: (u64, u64),
    regular: bool,
}

pub struct Watch {
    path: PathBuf,
    seen: Option<Stamp>,
    /// A new version, and since when it has stayed the same.
    settling: Option<(Option<Stamp>, Instant)>,
    next_look: Instant,
}

impl Watch {
    pub fn new(path: PathBuf) -> Watch {
        let seen = stamp(&path);
        Watch {
            path,
            seen,
            settling: None,
            next_look: Instant::now() + INTERVAL,
        }
    }

    /// The viewer wrote the file itself: that version is the one seen.
    pub fn written(&mut self, path: &Path) {
        if path == self.path {
            self.seen = stamp(&self.path);
            self.settling = None;
        }
    }

    /// When the next look at the file is due.
    pub fn next_look(&self) -> Instant {
        self.next_look
    }

    /// When it is time to look and the file changed: what to do about it.
    pub fn poll(&mut self) -> Option<Message> {
        let now = Instant::now();
        if now < self.next_look {
            return None;
        }
        let current = stamp(&self.path);
        let settled = match self.settling {
            None if current == self.seen => {
                self.next_look = now + INTERVAL;
                return None;
            }
            Some((pending, since)) if pending == current => {
                now.duration_since(since) >= SETTLE && !open_for_writing(&self.path)
            }
            // A new version, or one that changed again while settling.
            _ => {
                self.settling = Some((current, now));
                self.next_look = now + SETTLING_INTERVAL;
                return Some(Message::Reloading);
            }
        };
        if !settled {
            self.next_look = now + SETTLING_INTERVAL;
            return None;
        }
        self.settling = None;
        self.seen = current;
        self.next_look = now + INTERVAL;
        Some(self.reload(current))
    }

    fn reload(&self, current: Option<Stamp>) -> Message {
        let name = make_visible(&self.path.display().to_string());
        match current {
            None => {
                return Message::ReloadFailed(format!("{name} is gone; showing its last content"));
            }
            Some(stamp) if !stamp.regular => {
                return Message::ReloadFailed(format!(
                    "{name} is not a regular file now; showing its last content"
                ));
            }
            Some(_) => {}
        }
        let bytes = match read::read(&self.path) {
            Ok(bytes) => bytes,
            Err(problem) => return Message::ReloadFailed(problem.headline()),
        };
        match load(&name, &bytes) {
            Ok(loaded) => Message::Reloaded(
                Box::new(loaded.document),
                String::from_utf8_lossy(&bytes).into_owned(),
            ),
            Err(diagnostics) => Message::ReloadFailed(
                diagnostics
                    .first()
                    .map_or_else(|| format!("{name} is not valid"), |d| d.headline()),
            ),
        }
    }
}

fn stamp(path: &Path) -> Option<Stamp> {
    let metadata = std::fs::metadata(path).ok()?;
    Some(Stamp {
        modified: (metadata.mtime(), metadata.mtime_nsec()),
        changed: (metadata.ctime(), metadata.ctime_nsec()),
        size: metadata.len(),
        inode: (metadata.dev(), metadata.ino()),
        regular: metadata.is_file(),
    })
}

/// Whether any process has the file open for writing, as `/proc` tells:
/// a descriptor that points at it, opened write-only or read-write.
fn open_for_writing(path: &Path) -> bool {
    let Ok(target) = std::fs::canonicalize(path) else {
        return false;
    };
    let Ok(processes) = std::fs::read_dir("/proc") else {
        return false;
    };
    processes
        .filter_map(Result::ok)
        .filter(|process| {
            process
                .file_name()
                .to_string_lossy()
                .bytes()
                .all(|b| b.is_ascii_digit())
        })
        .any(|process| {
            let Ok(descriptors) = std::fs::read_dir(process.path().join("fd")) else {
                return false;
            };
            descriptors.filter_map(Result::ok).any(|descriptor| {
                std::fs::read_link(descriptor.path()).is_ok_and(|link| link == target)
                    && writes(&process.path(), &descriptor.file_name().to_string_lossy())
            })
        })
}

/// Whether a process's descriptor was opened for writing (`flags` in its
/// `fdinfo`, octal: the low two bits are the access mode).
fn writes(process: &Path, descriptor: &str) -> bool {
    std::fs::read_to_string(process.join("fdinfo").join(descriptor)).is_ok_and(|info| {
        info.lines()
            .find_map(|line| line.strip_prefix("flags:"))
            .and_then(|flags| u32::from_str_radix(flags.trim(), 8).ok())
            .is_some_and(|flags| flags & 0o3 != 0)
    })
}
