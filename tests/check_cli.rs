//! `readouts check` as a user runs it: exit codes, the ok line, and the full
//! text of every diagnostic (insta snapshots, one per bad fixture).

mod support;

use std::path::Path;

use support::{readouts, readouts_with_stdin, text};

#[test]
fn the_builtin_asset_checks_ok() {
    let output = readouts(&["check", "assets/2021-12-30-biden-putin.toml"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        text(&output.stdout),
        "assets/2021-12-30-biden-putin.toml: ok (2 readouts, 19 passages, 9 topics)\n"
    );
    assert_eq!(text(&output.stderr), "");
}

#[test]
fn every_invalid_fixture_gives_exit_1_and_its_diagnostic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("fixtures exist")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    assert!(names.len() >= 25, "fixtures: {names:?}");
    for name in names {
        let path = format!("tests/fixtures/invalid/{name}");
        let output = readouts(&["check", &path]);
        assert_eq!(output.status.code(), Some(1), "{name}");
        assert_eq!(text(&output.stdout), "", "{name}");
        let stderr = text(&output.stderr);
        assert!(stderr.starts_with("error: "), "{name}: {stderr}");
        assert!(
            stderr.contains(&format!("--> {path}")),
            "{name} names the file: {stderr}"
        );
        insta::assert_snapshot!(name, stderr);
    }
}

#[test]
fn diagnostics_with_a_place_name_line_and_column() {
    for name in [
        "unknown-key-passage.toml",
        "undeclared-topic.toml",
        "blank-passage.toml",
    ] {
        let path = format!("tests/fixtures/invalid/{name}");
        let stderr = text(&readouts(&["check", &path]).stderr);
        let arrow = stderr.lines().nth(1).expect("an arrow line");
        let place = arrow.rsplit(&path).next().expect("the path");
        let parts: Vec<&str> = place.trim_start_matches(':').split(':').collect();
        assert_eq!(parts.len(), 2, "{arrow}");
        assert!(parts.iter().all(|p| p.parse::<usize>().is_ok()), "{arrow}");
        assert!(stderr.contains('^'), "a caret: {stderr}");
    }
}

#[test]
fn check_goes_on_after_a_failure_and_fails_overall() {
    let output = readouts(&[
        "check",
        "tests/fixtures/invalid/missing-title.toml",
        "tests/fixtures/valid/harbour.toml",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        text(&output.stdout),
        "tests/fixtures/valid/harbour.toml: ok (2 readouts, 2 passages, 1 topics)\n"
    );
    assert!(text(&output.stderr).contains("the file has no `title`"));
}

#[test]
fn dash_reads_standard_input() {
    let valid = std::fs::read("tests/fixtures/valid/harbour.toml").expect("fixture");
    let output = readouts_with_stdin(&["check", "-"], &valid);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        text(&output.stdout),
        "<stdin>: ok (2 readouts, 2 passages, 1 topics)\n"
    );
    let output = readouts_with_stdin(&["check", "-"], b"title = 1\n");
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("--> <stdin>:1:9"));
}

#[test]
fn unreadable_paths_are_named() {
    let output = readouts(&["check", "no/such/file.toml"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        text(&output.stderr).lines().next(),
        Some("error: cannot read `no/such/file.toml`: no such file")
    );
    let output = readouts(&["check", "tests"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        text(&output.stderr).lines().next(),
        Some("error: cannot read `tests`: it is a directory, not a readout file")
    );
}

/// A file of `size` bytes that takes no room on disk: all zeros, which is
/// not a readout, so only the size check can refuse it without reading it.
fn sparse_file(dir: &Path, size: u64) -> std::path::PathBuf {
    let path = dir.join("huge.toml");
    let file = std::fs::File::create(&path).expect("created");
    file.set_len(size).expect("sized");
    path
}

#[test]
fn a_file_too_large_to_show_is_refused_by_its_size() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = sparse_file(dir.path(), 300 * 1024 * 1024);
    let output = readouts(&["check", path.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.starts_with(&format!(
            "error: cannot read `{}`: it is 300 MiB, and readouts opens files of up to 256 MiB\n",
            path.display()
        )),
        "{stderr}"
    );
    assert!(stderr.contains("help: showing a file takes about four times its size in memory"));
}

#[test]
fn standard_input_is_read_no_further_than_the_largest_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = sparse_file(dir.path(), 1024 * 1024 * 1024);
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_readouts"))
        .args(["check", "-"])
        .stdin(std::fs::File::open(&path).expect("opened"))
        .output()
        .expect("the binary runs");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        text(&output.stderr).lines().next(),
        Some("error: cannot read `<stdin>`: it is more than 256 MiB, the most readouts opens")
    );
}

#[test]
fn a_file_without_read_permission_is_named() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("locked.toml");
    std::fs::write(&path, "title = 1").expect("written");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&path).is_ok() {
        // Running as root: permissions do not stop a read, so there is
        // nothing to observe here.
        return;
    }
    let output = readouts(&["check", path.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("permission denied"));
}

#[test]
fn huge_nesting_is_refused_cleanly() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, body) in [
        (
            "arrays.toml",
            format!("title = {}{}", "[".repeat(100_000), "]".repeat(100_000)),
        ),
        (
            "tables.toml",
            format!("title = {}1{}", "{a=".repeat(100_000), "}".repeat(100_000)),
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, body).expect("written");
        let output = readouts(&["check", path.to_str().expect("utf-8 path")]);
        assert_eq!(output.status.code(), Some(1));
        let stderr = text(&output.stderr);
        assert!(stderr.starts_with("error: invalid TOML: values are nested too deeply"));
        assert!(
            stderr.len() < 2_000,
            "the input is not dumped: {} bytes",
            stderr.len()
        );
    }
}

#[test]
fn diagnostics_never_carry_control_characters_from_the_file_or_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("evil\u{1b}]0;pwned\u{7}.toml");
    std::fs::write(&path, "title = \"x\u{1b}[2J\" \u{1b}[31mjunk\n").expect("written");
    let output = readouts(&["check", path.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        !stderr.chars().any(|c| c.is_control() && c != '\n'),
        "{stderr:?}"
    );
    assert!(stderr.contains("␛"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(readouts(&["check"]).status.code(), Some(2));
    assert_eq!(readouts(&["check", "--bogus", "x"]).status.code(), Some(2));
    assert_eq!(readouts(&["--bogus"]).status.code(), Some(2));
    assert_eq!(readouts(&["a.toml", "b.toml"]).status.code(), Some(2));
    assert_eq!(readouts(&["--left", "tass"]).status.code(), Some(2));
}

#[test]
fn notes_and_facts_check_ok_and_a_misspelt_fact_key_is_a_warning() {
    let file = std::fs::read_to_string("tests/fixtures/valid/harbour.toml").expect("fixture");
    let file = file
        .replace(
            "label = \"North\"\n",
            "label = \"North\"\n[readouts.facts]\nrequested_by = \"North\"\nminutes = 40\n",
        )
        .replace(
            "label = \"South\"\n",
            "label = \"South\"\n[readouts.facts]\nrequestd_by = \"North\"\nagreed = false\n",
        )
        .replace(
            "text = \"We discussed the harbour.\"\n",
            "text = \"We discussed the harbour.\"\nnote = \"South says less.\"\n",
        );
    let output = readouts_with_stdin(&["check", "-"], file.as_bytes());
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        text(&output.stdout),
        "<stdin>: ok (2 readouts, 2 passages, 1 topics)\n"
    );
    let stderr = text(&output.stderr);
    assert!(
        stderr.starts_with("warning: fact `requestd_by` looks like a misspelling of `requested_by`\n  --> <stdin>:23:1\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains("= help: did you mean `requested_by`?"),
        "{stderr}"
    );
}
