//! The conventions of the command line, as a user meets them: `--color`,
//! `NO_COLOR` and `CLICOLOR_FORCE` on the commands that colour; the
//! messages for a second FILE and for a directory as the target; shell
//! completions, the man page and the end of `--help`.

mod pty;
mod support;

use clap::CommandFactory;
use pty::{Session, sets_a_colour};
use readouts::app::keymap::help_rows;
use readouts::cli::Cli;
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
    let stderr = usage_error(&["--color", "sometimes"]);
    assert!(
        stderr.contains("[possible values: auto, always, never]"),
        "{stderr}"
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

/// The names of the commands, as clap knows them.
fn command_names() -> Vec<String> {
    let names: Vec<String> = Cli::command()
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    for expected in [
        "print",
        "check",
        "export",
        "topics",
        "import",
        "init",
        "completions",
        "man",
    ] {
        assert!(names.iter().any(|name| name == expected), "{expected}");
    }
    names
}

/// Whether `word` stands in `text` as a word of its own.
fn has_word(text: &str, word: &str) -> bool {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
        .any(|piece| piece == word)
}

#[test]
fn completions_for_each_shell_know_every_command_and_option() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = stdout_of(&["completions", shell], &[]);
        for name in command_names() {
            assert!(has_word(&script, &name), "{shell}: `{name}`");
        }
        // fish writes `-l by-topic`, the others `--by-topic`.
        for option in ["by-topic", "suggest-topics", "color", "theme"] {
            assert!(
                has_word(&script, option) || script.contains(&format!("--{option}")),
                "{shell}: `{option}`"
            );
        }
    }
    assert!(stdout_of(&["completions", "bash"], &[]).contains("complete -F _readouts"));
    assert!(stdout_of(&["completions", "zsh"], &[]).starts_with("#compdef readouts"));
}

#[test]
fn an_unknown_shell_is_a_usage_error_listing_the_shells() {
    let stderr = usage_error(&["completions", "tcsh"]);
    assert!(
        stderr.contains("[possible values: bash, elvish, fish, powershell, zsh]"),
        "{stderr}"
    );
}

#[test]
fn the_man_page_is_roff_with_the_commands_keys_environment_and_exit_status() {
    let page = stdout_of(&["man"], &[]);
    let roff_text = |text: &str| text.replace('-', "\\-").replace('\'', "\\*(Aq");
    assert!(page.contains(".TH readouts 1"), "a man page in section 1");
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH OPTIONS",
        ".SH COMMANDS",
        ".SH KEYS",
        ".SH FILES",
        ".SH ENVIRONMENT",
        ".SH \"EXIT STATUS\"",
    ] {
        assert_eq!(page.matches(section).count(), 1, "{section}");
    }
    let keys = &page[page.find(".SH KEYS").expect("keys")..];
    for (shown, what) in help_rows() {
        if shown.is_empty() {
            assert!(keys.contains(&format!(".SS \"{what}\"")), "heading {what}");
        } else {
            let row = format!(".TP\n\\fB{}\\fR\n{}\n", roff_text(&shown), roff_text(what));
            assert!(keys.contains(&row), "{row}");
        }
    }
    let commands =
        &page[page.find(".SH COMMANDS").expect("commands")..page.find(".SH KEYS").expect("keys")];
    for name in command_names().iter().filter(|name| *name != "help") {
        assert!(
            commands.contains(&format!(".SS\n\\fBreadouts {name}")),
            "{name}"
        );
    }
    assert!(
        commands.contains("\\fB\\-\\-by\\-topic\\fR"),
        "print's options"
    );
    let environment = &page[page.find(".SH ENVIRONMENT").expect("environment")..];
    for name in [
        "NO_COLOR",
        "CLICOLOR_FORCE",
        "COLUMNS",
        "READOUTS_CONFIG",
        "XDG_CONFIG_HOME",
    ] {
        assert!(
            environment.contains(&format!(".TP\n\\fB{name}\\fR\n")),
            "{name}"
        );
    }
    let exit = &page[page.find(".SH \"EXIT STATUS\"").expect("exit status")..];
    for code in 0..=2 {
        assert!(exit.contains(&format!(".TP\n\\fB{code}\\fR\n")), "{code}");
    }
}

#[test]
fn help_ends_with_keys_environment_config_file_and_exit_codes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let home = dir.path().to_str().expect("utf-8");
    for flag in ["--help", "-h"] {
        let help = stdout_of(&[flag], &[("XDG_CONFIG_HOME", home)]);
        let epilogue = &help[help.find("Keys in the viewer").expect("keys")..];
        assert!(epilogue.contains("\n  ? h F1  this help\n"), "{epilogue}");
        assert!(epilogue.contains("\n  q       quit"), "{epilogue}");
        for name in [
            "NO_COLOR",
            "CLICOLOR_FORCE",
            "COLUMNS",
            "READOUTS_CONFIG",
            "XDG_CONFIG_HOME",
        ] {
            assert!(epilogue.contains(&format!("\n  {name} ")), "{flag}: {name}");
        }
        assert!(
            epilogue.contains(&format!(
                "Config file: {home}/readouts/config.toml (not there)\n"
            )),
            "{epilogue}"
        );
        assert!(
            epilogue.contains("\nExit codes:\n  0  success\n  1  "),
            "{epilogue}"
        );
        assert!(
            epilogue
                .trim_end()
                .lines()
                .last()
                .is_some_and(|line| line.starts_with("  2  bad command-line usage")),
            "{flag}: the exit codes come last"
        );
        assert!(!epilogue.contains(ESCAPE), "no styles in a pipe");
    }
    let named = stdout_of(&["--help"], &[("READOUTS_CONFIG", "/etc/readouts.toml")]);
    assert!(named.contains("Config file: /etc/readouts.toml (not there)\n"));
}
