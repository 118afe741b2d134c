//! Frames reach the terminal whole: everything a frame writes is kept
//! until the backend flushes, then sent in one `write`, wrapped in the
//! synchronized-update mode (`CSI ? 2026 h` … `l`) so that a terminal that
//! knows it paints the frame at once; others ignore the mode. Standard
//! output's own line buffer would hand a 10 KB frame over in 1 KiB pieces,
//! and a terminal may paint between them.

use std::fs::File;
use std::io::{self, Write};
use std::os::fd::AsFd;
use std::sync::{Mutex, MutexGuard, TryLockError};

/// Whether the viewer has the screen (raw mode, the alternate screen).
/// Every frame is written holding it, and so is the restore: once the
/// terminal is given back, frames are dropped instead of written.
static SCREEN: Mutex<bool> = Mutex::new(false);

/// The screen's lock; a panic while holding it does not keep others out.
pub(super) fn screen_lock() -> MutexGuard<'static, bool> {
    SCREEN
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The screen's lock if nobody holds it.
pub(super) fn try_screen_lock() -> Option<MutexGuard<'static, bool>> {
    match SCREEN.try_lock() {
        Ok(guard) => Some(guard),
        Err(TryLockError::Poisoned(poisoned)) => Some(poisoned.into_inner()),
        Err(TryLockError::WouldBlock) => None,
    }
}

const BEGIN_SYNCHRONIZED_UPDATE: &[u8] = b"\x1b[?2026h";
const END_SYNCHRONIZED_UPDATE: &[u8] = b"\x1b[?2026l";

pub struct FrameWriter<W: Write> {
    out: W,
    frame: Vec<u8>,
    /// Frames reach `out` only while the viewer has the screen (the real
    /// terminal; not a test's writer).
    only_while_owned: bool,
}

impl FrameWriter<File> {
    /// A writer to standard output's file itself, past its line buffer.
    pub fn stdout() -> io::Result<Self> {
        let fd = io::stdout().as_fd().try_clone_to_owned()?;
        Ok(FrameWriter {
            only_while_owned: true,
            ..FrameWriter::new(File::from(fd))
        })
    }
}

impl<W: Write> FrameWriter<W> {
    pub fn new(out: W) -> Self {
        FrameWriter {
            out,
            frame: Vec::with_capacity(1 << 16),
            only_while_owned: false,
        }
    }
}

impl<W: Write> Write for FrameWriter<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.frame.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.frame.is_empty() {
            return Ok(());
        }
        let mut whole = Vec::with_capacity(
            self.frame.len() + BEGIN_SYNCHRONIZED_UPDATE.len() + END_SYNCHRONIZED_UPDATE.len(),
        );
        whole.extend_from_slice(BEGIN_SYNCHRONIZED_UPDATE);
        whole.extend_from_slice(&self.frame);
        whole.extend_from_slice(END_SYNCHRONIZED_UPDATE);
        self.frame.clear();
        let owned = screen_lock();
        if !*owned && self.only_while_owned {
            return Ok(());
        }
        self.out.write_all(&whole)?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts the writes that reach it.
    #[derive(Default)]
    struct Counted {
        writes: usize,
        bytes: Vec<u8>,
    }

    impl Write for Counted {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            self.writes += 1;
            self.bytes.extend_from_slice(bytes);
            Ok(bytes.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_frame_is_one_write_in_a_synchronized_update() {
        let mut writer = FrameWriter::new(Counted::default());
        for _ in 0..100 {
            writer.write_all(&[b'x'; 1000]).expect("kept");
        }
        assert_eq!(writer.out.writes, 0, "nothing before the flush");
        writer.flush().expect("sent");
        assert_eq!(writer.out.writes, 1);
        assert!(writer.out.bytes.starts_with(BEGIN_SYNCHRONIZED_UPDATE));
        assert!(writer.out.bytes.ends_with(END_SYNCHRONIZED_UPDATE));
        assert_eq!(writer.out.bytes.len(), 100_000 + 16);
        writer.flush().expect("nothing to send");
        assert_eq!(writer.out.writes, 1, "an empty flush writes nothing");
    }
}
