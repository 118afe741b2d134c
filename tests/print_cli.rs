//! `readouts print` and `readouts [FILE]` with standard output not a
//! terminal: snapshots of the output, widths and their fallbacks, colour,
//! standard input and exit codes.

mod support;

use insta::assert_snapshot;
use readouts::layout::wrap::display_width;
use support::{readouts, readouts_with_env, readouts_with_stdin, text};

fn printed(args: &[&str]) -> String {
    let output = readouts(args);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    text(&output.stdout)
}

fn widest(output: &str) -> usize {
    output.lines().map(display_width).max().unwrap_or(0)
}

#[test]
fn the_built_in_readout_at_three_widths() {
    for width in ["40", "80", "120"] {
        let output = printed(&["print", "--width", width]);
        assert!(widest(&output) <= width.parse().expect("a number"));
        assert_snapshot!(format!("builtin_{width}"), output);
    }
}

#[test]
fn one_topic_and_by_topic() {
    assert_snapshot!(
        "builtin_topic_calendar",
        printed(&["print", "--width", "100", "--topic", "negotiation-calendar"])
    );
    assert_snapshot!(
        "builtin_topic_one_sided",
        printed(&["print", "--width", "80", "--topic", "nuclear-war"])
    );
    assert_snapshot!(
        "builtin_by_topic",
        printed(&["print", "--width", "100", "--by-topic"])
    );
}

#[test]
fn a_fixture_with_one_sided_and_crossing_topics() {
    let file = "tests/fixtures/valid/crossing.toml";
    assert_snapshot!("crossing_80", printed(&["print", file, "--width", "80"]));
    assert_snapshot!(
        "crossing_by_topic",
        printed(&["print", file, "--width", "80", "--by-topic"])
    );
}

#[test]
fn shared_topics_start_on_the_same_line() {
    let output = printed(&["print", "--width", "100"]);
    let line_of = |needle: &str| {
        output
            .lines()
            .position(|line| line.contains(needle))
            .unwrap_or_else(|| panic!("{needle} is printed"))
    };
    // Response to a further invasion, then the negotiation calendar.
    assert_eq!(
        line_of("In addition, the American"),
        line_of("According to her, Biden")
    );
    assert_eq!(
        line_of("The leaders of the two states"),
        line_of("President Biden also expressed")
    );
}

#[test]
fn width_falls_back_to_columns_then_80() {
    let at_80 = text(&readouts(&["print"]).stdout);
    assert_eq!(widest(&at_80), 80, "the header rule spans the width");
    let at_50 = text(&readouts_with_env(&["print"], &[("COLUMNS", "50")]).stdout);
    assert_eq!(widest(&at_50), 50);
    let asked = text(&readouts_with_env(&["print", "--width", "60"], &[("COLUMNS", "50")]).stdout);
    assert_eq!(widest(&asked), 60, "--width wins over COLUMNS");
    let junk = text(&readouts_with_env(&["print"], &[("COLUMNS", "wide")]).stdout);
    assert_eq!(widest(&junk), 80);
}

#[test]
fn too_narrow_is_a_usage_error_naming_the_minimum() {
    let output = readouts(&["print", "--width", "20"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("print needs at least 33"));
}

#[test]
fn piped_output_has_no_escape_sequences_unless_asked() {
    for args in [
        &["print"][..],
        &["print", "--color", "auto"],
        &["print", "--color", "never"],
    ] {
        assert!(!printed(args).contains('\u{1b}'), "{args:?}");
    }
    let coloured = printed(&["print", "--color", "always"]);
    assert!(coloured.contains("\u{1b}[1m"));
    let output = readouts_with_env(&["print", "--color", "always"], &[("NO_COLOR", "1")]);
    assert!(
        text(&output.stdout).contains('\u{1b}'),
        "always means always"
    );
}

#[test]
fn the_viewer_with_piped_output_prints_what_print_prints() {
    assert_eq!(printed(&[]), printed(&["print"]));
    let file = "tests/fixtures/valid/crossing.toml";
    assert_eq!(printed(&[file]), printed(&["print", file]));
    assert_eq!(
        printed(&["--topic", "tone"]),
        printed(&["print", "--topic", "tone"])
    );
}

#[test]
fn standard_input_is_read_for_dash() {
    let file = std::fs::read("tests/fixtures/valid/crossing.toml").expect("fixture");
    let from_stdin = readouts_with_stdin(&["print", "-"], &file);
    assert_eq!(from_stdin.status.code(), Some(0));
    assert_eq!(
        text(&from_stdin.stdout),
        printed(&["print", "tests/fixtures/valid/crossing.toml"])
    );
    let viewer = readouts_with_stdin(&["-"], &file);
    assert_eq!(text(&viewer.stdout), text(&from_stdin.stdout));
}

#[test]
fn exit_codes() {
    assert_eq!(
        readouts(&["print", "--topic", "nope"]).status.code(),
        Some(2)
    );
    assert_eq!(
        readouts(&["print", "--left", "nope"]).status.code(),
        Some(2)
    );
    assert_eq!(
        readouts(&["print", "--topic", "tone", "--by-topic"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        readouts(&["print", "--color", "sometimes"]).status.code(),
        Some(2)
    );
    assert_eq!(readouts(&["print", "no-such.toml"]).status.code(), Some(1));
    assert_eq!(
        readouts(&["print", "tests/fixtures/invalid/empty.toml"])
            .status
            .code(),
        Some(1)
    );
    let wrong_topic = readouts(&["print", "--topic", "tones"]);
    assert!(text(&wrong_topic.stderr).contains("did you mean `tone`?"));
}

const THREE: &str = "tests/fixtures/valid/three-readouts.toml";

#[test]
fn every_readout_as_a_column_of_the_synopsis() {
    for width in ["80", "120", "200"] {
        let output = printed(&["print", "--by-topic", "--all", "--width", width, THREE]);
        assert!(widest(&output) <= width.parse().expect("a number"));
        let header = output.lines().next().expect("a header");
        assert_eq!(header.matches(" │ ").count(), 2, "three columns: {header}");
        assert_snapshot!(format!("three_readouts_all_{width}"), output);
    }
    // Without --all, the two chosen ones, as for any file.
    let pair = printed(&["print", "--by-topic", "--width", "120", THREE]);
    let header = pair.lines().next().expect("a header");
    assert!(header.starts_with("Arland") && header.contains("│ Beloria"));
    assert!(!header.contains("Corvane"));
    let chosen = printed(&["print", "--by-topic", "--right", "corvane", THREE]);
    assert!(
        chosen
            .lines()
            .next()
            .expect("a header")
            .contains("│ Corvane")
    );
    // A file of two readouts: --all prints just what the pair prints.
    assert_eq!(
        printed(&["print", "--by-topic", "--all", "--width", "100"]),
        printed(&["print", "--by-topic", "--width", "100"])
    );
}

#[test]
fn all_is_for_the_synopsis_of_every_readout_only() {
    for args in [
        &["print", "--all", THREE][..],
        &["print", "--all", "--topic", "tone", THREE],
        &["print", "--by-topic", "--all", "--left", "beloria", THREE],
        &["print", "--by-topic", "--all", "--right", "arland", THREE],
    ] {
        let output = readouts(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(text(&output.stderr).contains("--all"), "{args:?}");
    }
    let narrow = readouts(&["print", "--by-topic", "--all", "--width", "40", THREE]);
    assert_eq!(narrow.status.code(), Some(2));
    assert_eq!(
        text(&narrow.stderr),
        "error: a width of 40 columns is too narrow for 3 readouts side by side; \
         print --all needs at least 51\n --> tests/fixtures/valid/three-readouts.toml\n\n"
    );
}
