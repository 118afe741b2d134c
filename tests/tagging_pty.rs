//! Tagging as a user does it: the real binary in a pseudo-terminal on a
//! copy of a file with comments; topics tagged and made, saved, opened
//! again; and a save refused when the file changed on disk meanwhile.

mod pty;

use pty::Session;

/// A readout file in a fresh folder, with comments of the user's own.
fn file_in(dir: &std::path::Path) -> std::path::PathBuf {
    let text = format!(
        "# My notes on the call: keep this comment.\n{}",
        readouts::document::builtin::TEXT
    );
    let path = dir.join("call.toml");
    std::fs::write(&path, text).expect("written");
    path
}

#[test]
fn tag_make_save_and_reopen_keeps_the_tags_and_the_comments() {
    let dir = tempfile::tempdir().expect("a folder");
    let path = file_in(dir.path());
    let before = std::fs::read_to_string(&path).expect("read");
    let name = path.to_str().expect("a path");
    let mut session = Session::start(&[name], 100, 30);
    session.wait_for_text("According to the Kremlin");
    // The second Kremlin passage gets a new topic, the third too; then the
    // White House's first gets "Nuclear war".
    session.send("\t}}+US forces in Ukraine\r");
    session.wait_for_text("new topic us-forces-in-ukraine, on Kremlin's passage 2");
    session.send("}x");
    session.wait_for_text("put on Kremlin's passage 3");
    session.send("7\tg}x");
    session.wait_for_text("“Nuclear war” put on White House's passage");
    session.wait_for_text("4 unsaved");
    session.send("w");
    session.wait_for_text("saved ");
    session.send("q");
    assert_eq!(session.wait_exit().exit_code(), 0);

    let after = std::fs::read_to_string(&path).expect("read");
    assert!(after.starts_with("# My notes on the call: keep this comment.\n"));
    let changed: Vec<&str> = after
        .lines()
        .filter(|line| !before.lines().any(|old| old == *line))
        .collect();
    assert_eq!(
        changed,
        [
            "id = \"us-forces-in-ukraine\"",
            "label = \"US forces in Ukraine\"",
            "topics = [\"offensive-weapons\", \"us-forces-in-ukraine\"]",
            "topics = [\"shared-responsibility\", \"offensive-weapons\", \"us-forces-in-ukraine\"]",
            "topics = [\"tone\", \"nuclear-war\"]",
        ],
        "only the edited lines change"
    );
    let check = std::process::Command::new(env!("CARGO_BIN_EXE_readouts"))
        .args(["check", name])
        .output()
        .expect("check runs");
    assert!(check.status.success(), "{check:?}");

    let mut again = Session::start(&[name], 100, 30);
    again.wait_for_text("10 ●· US forces in Ukraine");
    again.wait_for_text(" 7 ●● Nuclear war");
    again.send("q");
    assert_eq!(again.wait_exit().exit_code(), 0, "nothing unsaved: q quits");
}

#[test]
fn a_file_changed_on_disk_is_not_written_over_and_the_user_chooses() {
    let dir = tempfile::tempdir().expect("a folder");
    let path = file_in(dir.path());
    let name = path.to_str().expect("a path");
    let mut session = Session::start(&[name], 100, 30);
    session.wait_for_text("According to the Kremlin");
    session.send("\t}x");
    session.wait_for_text("1 unsaved");
    let outside = std::fs::read_to_string(&path).expect("read").replace(
        "label = \"Tone of the call\"",
        "label = \"Tone, edited outside\"",
    );
    std::fs::write(&path, &outside).expect("changed outside");
    session.send("w");
    session.wait_for_text("changed on disk");
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        outside,
        "the outside change is kept"
    );
    session.send("r");
    session.wait_for_text("Tone, edited outside");
    session.wait_for_text("reloaded: the edits are dropped");
    session.send("q");
    assert_eq!(session.wait_exit().exit_code(), 0);
}

#[test]
fn the_built_in_readout_is_written_to_a_new_file_never_over_one() {
    let dir = tempfile::tempdir().expect("a folder");
    let existing = dir.path().join("mine.toml");
    std::fs::write(&existing, "not to be lost\n").expect("written");
    let mut session = Session::start(&[], 100, 30);
    session.wait_for_text("According to the Kremlin");
    session.send("\t}xw");
    session.wait_for_text("write to a new file: readout.toml");
    // Backspace over the name offered, then a file that exists.
    session.send(&"\u{7f}".repeat("readout.toml".len()));
    session.send(&format!("{}\r", existing.display()));
    session.wait_for_text("exists: w, another name");
    assert_eq!(
        std::fs::read_to_string(&existing).expect("read"),
        "not to be lost\n"
    );
    let new = dir.path().join("tagged.toml");
    session.send("w");
    session.wait_for_text("write to a new file: readout.toml");
    session.send(&"\u{7f}".repeat("readout.toml".len()));
    session.send(&format!("{}\r", new.display()));
    session.wait_for_text("saved ");
    session.send("q");
    assert_eq!(session.wait_exit().exit_code(), 0, "nothing is unsaved now");
    let check = std::process::Command::new(env!("CARGO_BIN_EXE_readouts"))
        .arg("check")
        .arg(&new)
        .output()
        .expect("check runs");
    assert!(check.status.success(), "{check:?}");
}
