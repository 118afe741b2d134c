//! The config file, as a user meets it: its defaults taken by `print` and
//! the viewer, the command line winning over it, and every way it can be
//! wrong told with its name, line and column (exit 1).

mod pty;
mod support;

use std::path::Path;

use pty::Session;
use support::{readouts_in_env, text};

/// Runs `readouts` in `dir` with the config file `dir/config.toml`
/// holding `config`.
fn with_config(dir: &Path, config: &str, args: &[&str]) -> std::process::Output {
    std::fs::write(dir.join("config.toml"), config).expect("config written");
    readouts_in_env(dir, args, b"", &[("READOUTS_CONFIG", "config.toml")])
}

fn widest_line(printed: &str) -> usize {
    printed
        .lines()
        .map(|line| line.chars().count())
        .max()
        .unwrap_or(0)
}

#[test]
fn print_takes_its_width_from_the_config_and_the_command_line_wins() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = "# my defaults\n[print]\nwidth = 50\n";
    let output = with_config(dir.path(), config, &["print"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(widest_line(&text(&output.stdout)), 50);
    let output = with_config(dir.path(), config, &["print", "--width", "70"]);
    assert_eq!(widest_line(&text(&output.stdout)), 70);
    // The viewer prints when its output is not a terminal: the same width.
    let output = with_config(dir.path(), config, &[]);
    assert_eq!(widest_line(&text(&output.stdout)), 50);
}

#[test]
fn the_usual_place_is_under_xdg_config_home() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("readouts")).expect("folder");
    std::fs::write(
        dir.path().join("readouts/config.toml"),
        "[print]\nwidth = 44\n",
    )
    .expect("config written");
    let home = dir.path().to_str().expect("utf-8");
    let output = readouts_in_env(dir.path(), &["print"], b"", &[("XDG_CONFIG_HOME", home)]);
    assert_eq!(widest_line(&text(&output.stdout)), 44);
}

#[test]
fn no_config_file_in_the_usual_place_is_no_config() {
    let dir = tempfile::tempdir().expect("temp dir");
    let home = dir.path().to_str().expect("utf-8");
    let output = readouts_in_env(
        dir.path(),
        &["print", "--width", "60"],
        b"",
        &[("XDG_CONFIG_HOME", home)],
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(output.stderr.is_empty());
}

/// The standard error of a run that fails with exit 1.
fn failure(dir: &Path, config: &str, args: &[&str]) -> String {
    let output = with_config(dir, config, args);
    assert_eq!(output.status.code(), Some(1), "{args:?}");
    assert!(output.stdout.is_empty(), "{args:?}");
    text(&output.stderr)
}

#[test]
fn an_unknown_key_is_told_with_its_place_and_the_key_meant() {
    let dir = tempfile::tempdir().expect("temp dir");
    let stderr = failure(dir.path(), "theme = \"dark\"\nmose = false\n", &["print"]);
    assert_eq!(
        stderr,
        "error: unknown key `mose` in the config file\n \
         --> config.toml:2:1\n  \
         |\n\
         2 | mose = false\n  \
         | ^^^^\n  \
         |\n  \
         = help: did you mean `mouse`?\n\n"
    );
}

#[test]
fn broken_toml_is_an_error_naming_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let stderr = failure(dir.path(), "theme = \"dark\n", &["print"]);
    assert!(stderr.starts_with("error: invalid TOML: "), "{stderr}");
    assert!(stderr.contains(" --> config.toml:1:"), "{stderr}");
}

#[test]
fn a_value_of_the_wrong_type_or_name_is_told() {
    let dir = tempfile::tempdir().expect("temp dir");
    let stderr = failure(dir.path(), "mouse = \"no\"\n", &["print"]);
    assert!(
        stderr.starts_with(
            "error: `mouse` must be `true` or `false`, found a string\n --> config.toml:1:9\n"
        ),
        "{stderr}"
    );
    let stderr = failure(dir.path(), "[print]\nwidth = 12\n", &["print"]);
    assert!(
        stderr.starts_with("error: `width` is out of range\n --> config.toml:2:9\n"),
        "{stderr}"
    );
    assert!(stderr.contains("help: print makes lines of 33 to 10000 columns"));
    let stderr = failure(dir.path(), "sync = \"lockstop\"\n", &["print"]);
    assert!(
        stderr.contains("help: did you mean `lockstep`?"),
        "{stderr}"
    );
}

#[test]
fn a_broken_config_stops_the_viewer_too_before_it_takes_the_screen() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("config.toml"), "thme = \"light\"\n").expect("written");
    let config = dir.path().join("config.toml");
    let mut session = Session::start_with_env(
        &[],
        100,
        30,
        &[("READOUTS_CONFIG", config.to_str().expect("utf-8"))],
    );
    session.wait_for_text("did you mean `theme`?");
    assert_eq!(session.wait_exit().exit_code(), 1);
    session.with_screen(|screen| assert!(!screen.alternate_screen()));
}

#[test]
fn a_named_config_file_that_is_not_there_is_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = readouts_in_env(
        dir.path(),
        &["print"],
        b"",
        &[("READOUTS_CONFIG", "missing.toml")],
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        text(&output.stderr),
        "error: cannot read `missing.toml`: no such file\n --> missing.toml\n  \
         = help: READOUTS_CONFIG names this config file; unset it to use the one in the usual place\n\n"
    );
}

#[test]
fn commands_without_settings_do_not_read_the_config() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/valid/crossing.toml"
    );
    let output = with_config(dir.path(), "not toml at all", &["check", fixture]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
}

/// Everything the viewer drew until its first screen, with `config` as
/// the config file.
fn viewer_output(config: &str, args: &[&str], wait_for: &str) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("config.toml");
    std::fs::write(&path, config).expect("written");
    let mut session = Session::start_with_env(
        args,
        100,
        30,
        &[("READOUTS_CONFIG", path.to_str().expect("utf-8"))],
    );
    session.wait_for_text(wait_for);
    let output = String::from_utf8_lossy(&session.output()).into_owned();
    session.send("q");
    assert_eq!(session.wait_exit().exit_code(), 0);
    output
}

/// The status line's background in each palette.
const LIGHT_STATUS: &str = "48;5;252";
const DARK_STATUS: &str = "48;5;238";
const MOUSE_ON: &str = "\u{1b}[?1000h";

#[test]
fn the_viewer_takes_theme_sync_and_mouse_from_the_config() {
    let config = "theme = \"light\"\nsync = \"lockstep\"\nmouse = false\n";
    let output = viewer_output(config, &[], "lockstep");
    assert!(output.contains(LIGHT_STATUS), "the light palette");
    assert!(!output.contains(MOUSE_ON), "the mouse left alone");
}

#[test]
fn the_command_line_wins_over_the_config_in_the_viewer() {
    let config = "theme = \"light\"\nsync = \"lockstep\"\nmouse = false\n";
    let args = ["--theme", "dark", "--sync", "independent", "--mouse"];
    let output = viewer_output(config, &args, "independent");
    assert!(output.contains(DARK_STATUS) && !output.contains(LIGHT_STATUS));
    assert!(output.contains(MOUSE_ON), "the mouse taken");
}
