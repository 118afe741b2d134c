//! Watching the open file: a cheap look at its size and modification time
//! twice a second, and a reload when they change. A file that turns invalid
//! or disappears leaves the last good content on screen, with the problem
//! in the status line.

use std::path::PathBuf;
use std::time::{Duration, Instant, SystemTime};

use crate::app::Message;
use crate::document::load::load;
use crate::document::normalize::make_visible;
use crate::io::read;

/// How often the file is looked at.
const INTERVAL: Duration = Duration::from_millis(500);

pub struct Watch {
    path: PathBuf,
    seen: Option<(SystemTime, u64)>,
    next_look: Instant,
}

impl Watch {
    pub fn new(path: PathBuf) -> Watch {
        let seen = stamp(&path);
        Watch {
            path,
            seen,
            next_look: Instant::now() + INTERVAL,
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
        self.next_look = now + INTERVAL;
        let stamp = stamp(&self.path);
        if stamp == self.seen {
            return None;
        }
        self.seen = stamp;
        let name = make_visible(&self.path.display().to_string());
        if stamp.is_none() {
            return Some(Message::ReloadFailed(format!(
                "{name} is gone; showing its last content"
            )));
        }
        let bytes = match read::read(&self.path) {
            Ok(bytes) => bytes,
            Err(problem) => return Some(Message::ReloadFailed(problem.headline())),
        };
        Some(match load(&name, &bytes) {
            Ok(loaded) => Message::Reloaded(Box::new(loaded.document)),
            Err(diagnostics) => Message::ReloadFailed(
                diagnostics
                    .first()
                    .map_or_else(|| format!("{name} is not valid"), |d| d.headline()),
            ),
        })
    }
}

/// What tells a change: the modification time and the size.
fn stamp(path: &std::path::Path) -> Option<(SystemTime, u64)> {
    let metadata = std::fs::metadata(path).ok()?;
    Some((metadata.modified().ok()?, metadata.len()))
}
