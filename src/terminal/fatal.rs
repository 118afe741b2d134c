//! Signals that end the process where no thread can wait for them: a
//! crash (SIGSEGV, SIGBUS, SIGILL, SIGFPE) or an abort (SIGABRT, as an
//! allocation that fails ends in). Their handler does only what is safe
//! inside a signal handler — the terminal modes saved before raw mode are
//! put back and the fixed bytes that undo the viewer's modes are written —
//! and then the signal ends the process as it would have.

use std::sync::OnceLock;

/// The terminal's modes before the viewer changed them.
static SAVED_MODES: OnceLock<libc::termios> = OnceLock::new();

/// Mouse reporting off (every mode the viewer turns on), the cursor
/// shown, the alternate screen left.
const RESTORE: &[u8] =
    b"\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l\x1b[?25h\x1b[?1049l";

const FATAL: [libc::c_int; 5] = [
    libc::SIGSEGV,
    libc::SIGBUS,
    libc::SIGILL,
    libc::SIGFPE,
    libc::SIGABRT,
];

/// Saves the terminal's modes and installs the handler; before raw mode.
pub fn install() {
    // SAFETY: tcgetattr writes a termios into the memory given; it is read
    // only when the call succeeds.
    unsafe {
        let mut modes = std::mem::MaybeUninit::<libc::termios>::uninit();
        if libc::isatty(0) == 1 && libc::tcgetattr(0, modes.as_mut_ptr()) == 0 {
            let _ = SAVED_MODES.set(modes.assume_init());
        }
    }
    for signal in FATAL {
        // SAFETY: a zeroed sigaction is a valid "no flags, empty mask"
        // one; the handler only calls async-signal-safe functions.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = on_fatal_signal as *const () as libc::sighandler_t;
            // Back to the default action on entry, so that raising the
            // signal again ends the process as it would have.
            action.sa_flags = libc::SA_RESETHAND;
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(signal, &action, std::ptr::null_mut());
        }
    }
}

extern "C" fn on_fatal_signal(signal: libc::c_int) {
    // SAFETY: tcsetattr, write and raise are async-signal-safe; the saved
    // modes are only read.
    unsafe {
        if let Some(modes) = SAVED_MODES.get() {
            libc::tcsetattr(0, libc::TCSANOW, modes);
        }
        libc::write(1, RESTORE.as_ptr().cast(), RESTORE.len());
        libc::raise(signal);
    }
}
