//! The conventions of the command line, as a user meets them: `--color`,
//! `NO_COLOR` and `CLICOLOR_FORCE` on the commands that colour; the
//! messages for a second FILE and for a directory as the target.

mod pty;
mod support;

use pty::{Session, sets_a_colour};
use support::{readouts_in, readouts_with_env, text};

const ESCAPE: char = '\u{1b}';

/// Standard output of a run that must succeed.
fn stdout_of(args: &[&str], env: &[(&str, &str)]) -> String {
    let output = readouts_with_env(args, env);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{args:?} {env:?}: {}",
        text(&output.stderr)
    );
    text(&output.stdout)
}

/// `print`, and the viewer when its output is not a terminal (then it
/// prints), in a pipe: escape codes where `--color` and the environment
/// call for them, none elsewhere.
#[test]
fn color_flag_and_environment_decide_the_escape_codes_in_a_pipe() {
    for command in [&["print"][..], &[][..]] {
        let run = |color: Option<&str>, env: &[(&str, &str)]| {
            let mut args = command.to_vec();
            if let Some(when) = color {
                args.extend(["--color", when]);
            }
            stdout_of(&args, env).contains(ESCAPE)
        };
        let force = ("CLICOLOR_FORCE", "1");
        let no_color = ("NO_COLOR", "1");
        assert!(!run(None, &[]), "{command:?}: a pipe gets no colour");
        assert!(!run(Some("auto"), &[]), "{command:?}");
        assert!(run(Some("always"), &[]), "{command:?}");
        assert!(
            run(None, &[force]),
            "{command:?}: CLICOLOR_FORCE colours a pipe"
        );
        assert!(
            !run(None, &[("CLICOLOR_FORCE", "0")]),
            "{command:?}: 0 is off"
        );
        assert!(
            !run(None, &[("CLICOLOR_FORCE", "")]),
            "{command:?}: empty is off"
        );
        assert!(!run(None, &[force, no_color]), "{command:?}: NO_COLOR wins");
        assert!(!run(Some("never"), &[force]), "{command:?}: --color wins");
        assert!(
            run(Some("always"), &[no_color]),
            "{command:?}: --color wins"
        );
    }
}

#[test]
fn a_color_that_is_not_a_choice_is_a_usage_error() {
    let output = readouts_with_env(&["--color", "sometimes"], &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("[possible values: auto, always, never]"),
        "{}",
        text(&output.stderr)
    );
}

/// Everything the viewer drew until it showed the topic jumped to.
fn viewer_output(args: &[&str], env: &[(&str, &str)]) -> String {
    let mut session = Session::start_with_env(args, 100, 30, env);
    session.wait_for_text("According to the Kremlin");
    session.send("5");
    session.wait_for_text("5/9 Negotiation calendar");
    let output = String::from_utf8_lossy(&session.output()).into_owned();
    session.send("q");
    assert_eq!(session.wait_exit().exit_code(), 0);
    output
}

#[test]
fn the_viewer_draws_without_colour_with_color_never() {
    let output = viewer_output(&["--color", "never", "--theme", "dark"], &[]);
    assert!(!sets_a_colour(&output), "a colour in {output:?}");
    assert!(
        output.contains("\u{1b}[7m"),
        "reverse carries the selection"
    );
}

#[test]
fn the_viewer_colours_with_color_always_even_with_no_color() {
    let output = viewer_output(
        &["--color", "always", "--theme", "dark"],
        &[("NO_COLOR", "1")],
    );
    assert!(sets_a_colour(&output), "no colour in {output:?}");
}

/// The standard error of a run that must be a usage error.
fn usage_error(args: &[&str]) -> String {
    let output = readouts_with_env(args, &[]);
    assert_eq!(output.status.code(), Some(2), "{args:?}");
    assert!(output.stdout.is_empty(), "{args:?}");
    text(&output.stderr)
}

#[test]
fn a_second_file_is_told_to_be_one_too_many() {
    let stderr = usage_error(&["talks.toml", "extra"]);
    assert!(
        stderr.starts_with("error: readouts reads one FILE, and `extra` is a second one\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains("pick them with --left and --right"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Usage: readouts [OPTIONS] [FILE]"),
        "{stderr}"
    );

    let stderr = usage_error(&["talks.toml", "print"]);
    assert!(
        stderr.contains("tip: a command comes first: `readouts print talks.toml`"),
        "{stderr}"
    );

    for (command, options) in [
        ("print", None),
        ("export", Some("--format=html")),
        ("topics", None),
    ] {
        let mut args = vec![command, "a.toml", "b.toml"];
        args.extend(options);
        let stderr = usage_error(&args);
        assert!(
            stderr.starts_with(&format!(
                "error: readouts {command} reads one FILE, and `b.toml` is a second one\n"
            )),
            "{stderr}"
        );
        assert!(
            stderr.contains(&format!("Usage: readouts {command} ")),
            "{stderr}"
        );
    }
}

#[test]
fn a_directory_as_the_target_is_named_as_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("handouts")).expect("a directory");
    let left = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/import/north.txt"
    );
    let right = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/import/south.txt"
    );
    let writes: [&[&str]; 3] = [
        &["export", "--format", "html", "-o"],
        &["import", "--left", left, "--right", right, "-o"],
        &["init"],
    ];
    for write in writes {
        for (target, says, help) in [
            (
                "handouts",
                "it is a directory",
                "name a file in it: `handouts/FILE`",
            ),
            (
                "handouts/",
                "it is a directory",
                "name a file in it: `handouts/FILE`",
            ),
            (
                "missing/",
                "it ends in `/`, so it names a directory, not a file",
                "without the `/`, or with a file name after it",
            ),
        ] {
            let mut args = write.to_vec();
            args.push(target);
            let output = readouts_in(dir.path(), &args, b"");
            assert_eq!(output.status.code(), Some(1), "{args:?}");
            let stderr = text(&output.stderr);
            assert!(
                stderr.starts_with(&format!("error: cannot write `{target}`: {says}\n")),
                "{args:?}: {stderr}"
            );
            assert!(stderr.contains(help), "{args:?}: {stderr}");
        }
    }
}
