//! The command line at its edges: closed and full output streams, control
//! characters in paths, a dumb terminal, UTF-16 files, a mistyped command,
//! and widths too large to hold.

mod pty;
mod support;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use support::{isolated, readouts_in};

const VALID: &str = "tests/fixtures/valid/crossing.toml";

fn bin() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_readouts"));
    isolated(&mut command).current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_closed_pipe_ends_check_quietly() {
    let files = vec![VALID; 3000];
    let mut child = bin()
        .arg("check")
        .args(&files)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("started");
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("piped"))
        .read_line(&mut first)
        .expect("a line");
    // The reader is gone: the rest of check's output has nowhere to go.
    let output = child.wait_with_output().expect("ended");
    assert!(first.contains(": ok ("), "{first}");
    assert_ne!(output.status.code(), Some(101), "no panic");
    assert!(
        !text(&output.stderr).contains("panicked"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn a_full_output_is_one_line_and_exit_1() {
    for args in [
        ["check", VALID].as_slice(),
        ["print", VALID].as_slice(),
        ["topics", VALID].as_slice(),
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let output = bin().args(args).stdout(full).output().expect("ran");
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let stderr = text(&output.stderr);
        assert!(
            stderr.starts_with("error: cannot write to standard output"),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("panicked"));
    }
}

#[test]
fn a_closed_standard_error_loses_the_message_but_keeps_the_exit_code() {
    let script = format!(
        "exec {} check /no/such/file.toml 2>&-",
        env!("CARGO_BIN_EXE_readouts")
    );
    let output = Command::new("bash")
        .args(["-c", &script])
        .output()
        .expect("ran");
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn control_characters_in_paths_never_reach_standard_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let valid = Path::new(env!("CARGO_MANIFEST_DIR")).join(VALID);
    let valid = valid.to_str().expect("utf-8");
    let hostile = "/nonexistent\u{1b}]0;X\u{7}/o.html";
    std::fs::write(dir.path().join("b.txt"), "Some text.\n").expect("written");
    std::fs::write(dir.path().join("taken\u{1b}[2J.md"), "old").expect("written");
    for args in [
        vec!["export", valid, "--format", "html", "-o", hostile],
        vec![
            "import",
            "--left",
            "e\u{1b}]0;X\u{7}.txt",
            "--right",
            "b.txt",
        ],
        vec![
            "export",
            valid,
            "--format",
            "markdown",
            "-o",
            "taken\u{1b}[2J.md",
        ],
    ] {
        let output = readouts_in(dir.path(), &args, b"");
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let stderr = text(&output.stderr);
        assert!(
            !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
            "{args:?}: {stderr:?}"
        );
        assert!(stderr.contains('␛'), "shown as a visible symbol: {stderr}");
    }
}

#[test]
fn a_utf16_file_is_named_as_such() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text16: Vec<u8> = std::iter::once(0xfeff_u16)
        .chain("title = \"x\"\n".encode_utf16())
        .flat_map(u16::to_le_bytes)
        .collect();
    std::fs::write(dir.path().join("u.toml"), text16).expect("written");
    let output = readouts_in(dir.path(), &["check", "u.toml"], b"");
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("this is UTF-16 text; readouts reads UTF-8"),
        "{stderr}"
    );
    assert!(stderr.contains("save it as UTF-8"), "{stderr}");
}

#[test]
fn a_mistyped_command_is_suggested_not_read_as_a_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (typed, meant) in [
        ("prnt", "print"),
        ("chek", "check"),
        ("exprot", "export"),
        ("topic", "topics"),
    ] {
        let output = readouts_in(dir.path(), &[typed], b"");
        assert_eq!(output.status.code(), Some(2), "{typed}");
        let stderr = text(&output.stderr);
        assert!(
            stderr.contains(&format!("did you mean `readouts {meant}`?")),
            "{typed}: {stderr}"
        );
    }
    // A real file of that name is opened as usual (here: printed).
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(VALID),
        dir.path().join("prnt"),
    )
    .expect("copied");
    let output = readouts_in(dir.path(), &["prnt"], b"");
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
}

#[test]
fn widths_too_large_to_hold_are_refused_or_capped() {
    let output = bin()
        .args(["print", "--width", "4294967296"])
        .output()
        .expect("ran");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("at most 10000"),
        "{}",
        text(&output.stderr)
    );
    let output = bin()
        .arg("print")
        .env("COLUMNS", "99999999999")
        .output()
        .expect("ran");
    assert_eq!(output.status.code(), Some(0));
    let widest = text(&output.stdout)
        .lines()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0);
    assert!(widest <= 10_000, "{widest}");
}

#[test]
fn a_dumb_terminal_gets_the_plain_view() {
    let mut session = pty::Session::start_with_env(&[], 100, 30, &[("TERM", "dumb")]);
    assert_eq!(session.wait_exit().exit_code(), 0);
    assert!(!session.with_screen(|screen| screen.alternate_screen()));
    let output = String::from_utf8_lossy(&session.output()).into_owned();
    assert!(output.contains("cannot draw the viewer"), "{output}");
    assert!(output.contains("According to the Kremlin"));
    assert!(
        !output.contains("\u{1b}[?1049h"),
        "never the alternate screen"
    );
    assert!(!output.contains("\u{1b}[1m"), "no colour under TERM=dumb");
}

#[test]
fn a_fifo_given_as_a_file_is_refused_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("pipe.toml");
    nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::from_bits_truncate(0o600)).expect("a fifo");
    let output = readouts_in(dir.path(), &["check", "pipe.toml"], b"");
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("it is a FIFO, a device or a socket"),
        "{}",
        text(&output.stderr)
    );
}
