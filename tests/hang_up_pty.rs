//! A terminal closed under a viewer that gets no SIGHUP for it (the
//! terminal is not its session's controlling terminal): the viewer sees the
//! hang-up and ends, as it would on a SIGHUP, instead of reading the dead
//! terminal at full speed.

use std::fs::File;
use std::io::Read;
use std::os::fd::AsRawFd;
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use nix::fcntl::{FcntlArg, FdFlag, OFlag, fcntl};
use nix::pty::{Winsize, openpty};

#[test]
fn a_terminal_closed_without_a_sighup_ends_the_viewer() {
    let size = Winsize {
        ws_row: 30,
        ws_col: 100,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    let pty = openpty(Some(&size), None).expect("a pseudo-terminal");
    // Else the viewer would inherit the master side and hold it open.
    fcntl(
        pty.master.as_raw_fd(),
        FcntlArg::F_SETFD(FdFlag::FD_CLOEXEC),
    )
    .expect("close on exec");
    let slave = File::from(pty.slave);
    let mut child = Command::new(env!("CARGO_BIN_EXE_readouts"))
        .stdin(Stdio::from(slave.try_clone().expect("a copy")))
        .stdout(Stdio::from(slave.try_clone().expect("a copy")))
        .stderr(Stdio::from(slave))
        .env("TERM", "xterm-256color")
        .env("NO_COLOR", "1")
        .env_remove("READOUTS_CONFIG")
        .env(
            "XDG_CONFIG_HOME",
            concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/config/none"),
        )
        // Its own process group in this session: the terminal is not its
        // controlling terminal, so closing it sends no SIGHUP.
        .process_group(0)
        .spawn()
        .expect("the viewer starts");
    // Read here, without waiting, so that this is the master side's only
    // descriptor: closing it hangs the terminal up.
    let mut master = File::from(pty.master);
    fcntl(master.as_raw_fd(), FcntlArg::F_SETFL(OFlag::O_NONBLOCK)).expect("non-blocking");
    let mut output = Vec::new();
    let started = Instant::now();
    while !String::from_utf8_lossy(&output).contains(" aligned ") {
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "no first frame"
        );
        let mut buffer = [0u8; 8192];
        match master.read(&mut buffer) {
            Ok(count) => output.extend_from_slice(&buffer[..count]),
            Err(_) => std::thread::sleep(Duration::from_millis(20)),
        }
    }
    drop(master);
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().expect("a status") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the viewer kept running on a terminal that hung up");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(129), "it ends as on a SIGHUP");
}
