//! The safe writer, as `export -o` and `import -o` use it: nothing a user
//! owns is lost, redirected or left half-written.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output};

mod support;
use support::isolated;

const CROSSING: &str = "tests/fixtures/valid/crossing.toml";

fn readouts_in(dir: &Path, args: &[&str]) -> Output {
    isolated(&mut Command::new(env!("CARGO_BIN_EXE_readouts")))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

fn fixture() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(CROSSING)
        .to_string_lossy()
        .into_owned()
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn a_symlink_planted_at_the_old_temporary_name_redirects_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "mine").expect("a victim");
    // The old writer's name was `.OUT.PID.tmp`: every name it could take
    // for the next few hundred processes.
    let next_pid = std::process::id();
    for pid in next_pid..next_pid + 400 {
        let planted = dir.path().join(format!(".out.html.{pid}.tmp"));
        std::os::unix::fs::symlink(&victim, planted).expect("planted");
    }
    let fixture = fixture();
    let output = readouts_in(
        dir.path(),
        &["export", &fixture, "--format", "html", "-o", "out.html"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(std::fs::read_to_string(&victim).expect("read"), "mine");
    assert!(
        std::fs::read_to_string(dir.path().join("out.html"))
            .expect("written")
            .contains("<html")
    );
}

#[test]
fn a_commands_own_input_is_never_its_output_even_with_force() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("t.toml");
    std::fs::copy(fixture(), &file).expect("copied");
    let before = std::fs::read(&file).expect("read");
    for args in [
        [
            "export", "t.toml", "--format", "markdown", "-o", "t.toml", "--force",
        ]
        .as_slice(),
        [
            "export", "t.toml", "--format", "markdown", "-o", "./t.toml", "--force",
        ]
        .as_slice(),
    ] {
        let output = readouts_in(dir.path(), args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&output).contains("it is this command's own input"),
            "{}",
            stderr(&output)
        );
    }
    // A hard link is the same file under another name.
    std::fs::hard_link(&file, dir.path().join("same.toml")).expect("linked");
    let output = readouts_in(
        dir.path(),
        &[
            "export",
            "t.toml",
            "--format",
            "markdown",
            "-o",
            "same.toml",
            "--force",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    std::fs::write(dir.path().join("left.txt"), "Left text.\n").expect("left");
    std::fs::write(dir.path().join("right.txt"), "Right text.\n").expect("right");
    let output = readouts_in(
        dir.path(),
        &[
            "import",
            "--left",
            "left.txt",
            "--right",
            "right.txt",
            "-o",
            "left.txt",
            "--force",
        ],
    );
    assert_eq!(
        output.status.code(),
        Some(1),
        "import refuses its own input too"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("left.txt")).expect("kept"),
        "Left text.\n"
    );
    assert_eq!(
        std::fs::read(&file).expect("read"),
        before,
        "the readout file is intact"
    );
}

#[test]
fn a_replaced_file_keeps_its_permissions_and_a_new_one_follows_the_umask() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("private.md");
    std::fs::write(&out, "old").expect("old");
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o600)).expect("0600");
    let fixture = fixture();
    let output = readouts_in(
        dir.path(),
        &[
            "export",
            &fixture,
            "--format",
            "markdown",
            "-o",
            "private.md",
            "--force",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let mode = std::fs::metadata(&out).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "not widened");
    let output = readouts_in(
        dir.path(),
        &["export", &fixture, "--format", "markdown", "-o", "new.md"],
    );
    assert_eq!(output.status.code(), Some(0));
    let mode = std::fs::metadata(dir.path().join("new.md"))
        .expect("meta")
        .permissions()
        .mode()
        & 0o777;
    assert_ne!(
        mode, 0o600,
        "a new file is not private unless the umask says so"
    );
}

#[test]
fn special_targets_are_refused_and_dash_is_standard_output() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fixture = fixture();
    let fifo = dir.path().join("pipe");
    nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::from_bits_truncate(0o600)).expect("a fifo");
    std::fs::create_dir(dir.path().join("folder")).expect("a folder");
    for (target, says) in [
        ("/dev/null", "it is a device, not a regular file"),
        ("pipe", "it is a FIFO, not a regular file"),
        ("folder", "it is a directory"),
        ("folder/", "it is a directory"),
        (
            "nowhere/",
            "it ends in `/`, so it names a directory, not a file",
        ),
    ] {
        let output = readouts_in(
            dir.path(),
            &[
                "export", &fixture, "--format", "markdown", "-o", target, "--force",
            ],
        );
        assert_eq!(output.status.code(), Some(1), "{target}");
        assert!(
            stderr(&output).contains(says),
            "{target}: {}",
            stderr(&output)
        );
    }
    use std::os::unix::fs::FileTypeExt;
    let null = std::fs::symlink_metadata("/dev/null").expect("meta");
    assert!(
        null.file_type().is_char_device(),
        "the device is still a device"
    );
    let output = readouts_in(
        dir.path(),
        &["export", &fixture, "--format", "markdown", "-o", "-"],
    );
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("# "));
    assert!(!dir.path().join("-").exists(), "not a file named -");
}

#[test]
fn a_symlinked_target_is_written_through() {
    let dir = tempfile::tempdir().expect("temp dir");
    let real = dir.path().join("real.md");
    std::fs::write(&real, "old").expect("old");
    std::os::unix::fs::symlink("real.md", dir.path().join("link.md")).expect("link");
    let fixture = fixture();
    let output = readouts_in(
        dir.path(),
        &[
            "export", &fixture, "--format", "markdown", "-o", "link.md", "--force",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        std::fs::symlink_metadata(dir.path().join("link.md"))
            .expect("meta")
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&real)
            .expect("read")
            .starts_with("# ")
    );
}

#[test]
fn a_failed_write_keeps_the_old_file_and_leaves_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("out.html"), "old").expect("old");
    let fixture = fixture();
    // A file size limit of one block makes the write fail as a full disk
    // would (EFBIG, with SIGXFSZ ignored).
    let script = format!(
        "trap '' XFSZ; ulimit -f 1; exec {} export {fixture} --format html -o out.html --force",
        env!("CARGO_BIN_EXE_readouts")
    );
    let output = Command::new("bash")
        .args(["-c", &script])
        .current_dir(dir.path())
        .output()
        .expect("bash runs");
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out.html")).expect("kept"),
        "old"
    );
    assert_eq!(names_in(dir.path()), ["out.html"], "no temporary file");
}

#[test]
fn an_interrupted_write_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A document big enough that its handout takes a while to write.
    let mut big = String::from("title = \"Big\"\n[[topics]]\nid = \"t\"\nlabel = \"T\"\n");
    for side in ["a", "b"] {
        big.push_str(&format!(
            "[[readouts]]\nid = \"{side}\"\nlabel = \"{side}\"\n"
        ));
        for n in 0..30_000 {
            big.push_str(&format!(
                "[[readouts.passages]]\ntext = \"Passage {n} of {side}, with some words in it.\"\ntopics = [\"t\"]\n"
            ));
        }
    }
    std::fs::write(dir.path().join("big.toml"), big).expect("written");
    let has_temporary = |dir: &Path| names_in(dir).iter().any(|name| name.ends_with(".tmp"));
    let mut caught = 0;
    for _ in 0..8 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_readouts"))
            .args([
                "export", "big.toml", "--format", "html", "-o", "big.html", "--force",
            ])
            .current_dir(dir.path())
            .spawn()
            .expect("started");
        // Interrupted the moment its temporary file is there.
        while child.try_wait().expect("waited").is_none() {
            if has_temporary(dir.path()) {
                let pid = nix::unistd::Pid::from_raw(i32::try_from(child.id()).expect("pid"));
                let _ = nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGINT);
                caught += 1;
                break;
            }
        }
        let status = child.wait().expect("ended");
        assert!(
            !has_temporary(dir.path()),
            "a temporary file is left ({status})"
        );
        if caught == 3 {
            break;
        }
    }
    assert!(
        caught > 0,
        "the interrupt came while a temporary file was there"
    );
}

#[test]
fn init_writes_a_file_to_start_from_and_never_replaces_one_unasked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = readouts_in(dir.path(), &["init"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains("wrote readout.toml"));
    let check = readouts_in(dir.path(), &["check", "readout.toml"]);
    assert_eq!(check.status.code(), Some(0), "the file is valid");
    std::fs::write(dir.path().join("readout.toml"), "mine").expect("edited");
    let again = readouts_in(dir.path(), &["init"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("pass --force to replace it"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("readout.toml")).expect("kept"),
        "mine"
    );
    let forced = readouts_in(dir.path(), &["init", "readout.toml", "--force"]);
    assert_eq!(forced.status.code(), Some(0));
    assert_ne!(
        std::fs::read_to_string(dir.path().join("readout.toml")).expect("new"),
        "mine"
    );
}
