//! The conventions of the command line, as a user meets them: `--color`,
//! `NO_COLOR` and `CLICOLOR_FORCE` on the commands that colour.

mod pty;
mod support;

use pty::{Session, sets_a_colour};
use support::{readouts_with_env, text};

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
