//! `readouts import` as a user runs it: the readout file it writes (insta
//! snapshots), that file passing `readouts check`, the errors and exit codes,
//! `-o` never destroying a file without `--force`; labels from a
//! government's heading on the first line, else from the file names, the
//! date from a date line or `--date`, the sources, and the review comments
//! that say where each came from.

mod support;

use std::path::Path;

use support::{readouts, readouts_with_stdin, text};

const NORTH: &str = "tests/fixtures/import/north.txt";
const SOUTH: &str = "tests/fixtures/import/south.txt";
const KREMLIN: &str = "tests/fixtures/import/biden-putin-kremlin.txt";
const WHITE_HOUSE: &str = "tests/fixtures/import/biden-putin-white-house.txt";
const KREMLIN_2021_07_09: &str = "tests/fixtures/import/2021-07-09-biden-putin/kremlin.txt";
const WHITE_HOUSE_2021_07_09: &str = "tests/fixtures/import/2021-07-09-biden-putin/white-house.txt";

/// Runs an import that must succeed; its standard output.
fn import(args: &[&str]) -> String {
    let output = readouts(&[&["import"], args].concat());
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(text(&output.stderr), "");
    text(&output.stdout)
}

/// Runs an import that must fail with `code`; its standard error.
fn import_error(args: &[&str], code: i32) -> String {
    let output = readouts(&[&["import"], args].concat());
    assert_eq!(output.status.code(), Some(code), "{}", text(&output.stderr));
    assert_eq!(text(&output.stdout), "");
    text(&output.stderr)
}

fn check_ok(path: &Path) -> String {
    let output = readouts(&["check", path.to_str().expect("a UTF-8 path")]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(text(&output.stderr), "", "no warnings");
    text(&output.stdout)
}

#[test]
fn the_fixture_imports_with_suggested_topics() {
    let toml = import(&["--left", NORTH, "--right", SOUTH, "--suggest-topics"]);
    insta::assert_snapshot!("north-south-suggested", toml);
    assert_eq!(
        import(&["--left", NORTH, "--right", SOUTH, "--suggest-topics"]),
        toml,
        "the same input gives the same bytes"
    );
}

#[test]
fn without_suggestions_the_file_has_a_placeholder_topic() {
    let toml = import(&[
        "--left",
        NORTH,
        "--right",
        SOUTH,
        "--left-label",
        "North Harbour",
        "--right-id",
        "port-office",
        "--title",
        "Harbour talks",
    ]);
    insta::assert_snapshot!("north-south-placeholder", toml);
}

#[test]
fn the_written_file_passes_check() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("talks.toml");
    let out_arg = out.to_str().expect("a UTF-8 path");
    for suggest in [true, false] {
        let mut args = vec!["--left", KREMLIN, "--right", WHITE_HOUSE, "-o", out_arg];
        args.extend(if suggest {
            vec!["--suggest-topics", "--force"]
        } else {
            vec!["--force"]
        });
        assert_eq!(import(&args), "", "nothing on standard output with -o");
        let topics = if suggest { 5 } else { 1 };
        assert_eq!(
            check_ok(&out),
            format!("{out_arg}: ok (2 readouts, 19 passages, {topics} topics)\n")
        );
    }
}

#[test]
fn the_builtin_readouts_sides_import_to_these_suggestions() {
    let toml = import(&[
        "--left",
        KREMLIN,
        "--right",
        WHITE_HOUSE,
        "--left-label",
        "Kremlin",
        "--right-label",
        "White House",
        "--title",
        "Biden–Putin phone call",
        "--suggest-topics",
    ]);
    let document = readouts::document::load::load_str("import", &toml)
        .expect("the import loads")
        .document;
    // One line per topic: what it is and the passages that carry it.
    let mut summary = String::new();
    for (index, topic) in document.topics.iter().enumerate() {
        summary.push_str(&format!("{} ({})\n", topic.label, topic.id));
        for readout in &document.readouts {
            for (at, passage) in readout.passages.iter().enumerate() {
                if passage.topics.contains(&index) {
                    let mut opening: String = passage.text.chars().take(60).collect();
                    if opening.len() < passage.text.len() {
                        opening.push('…');
                    }
                    summary.push_str(&format!("  {} {}: {opening}\n", readout.id, at + 1));
                }
            }
        }
    }
    insta::assert_snapshot!("biden-putin-suggestions", summary);
}

#[test]
fn crlf_line_ends_and_a_byte_order_mark_change_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let north = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(NORTH))
        .expect("fixture");
    let windows = dir.path().join("north.txt");
    std::fs::write(&windows, format!("\u{feff}{}", north.replace('\n', "\r\n"))).expect("write");
    let windows = windows.to_str().expect("a UTF-8 path");
    assert_eq!(
        import(&["--left", windows, "--right", SOUTH, "--suggest-topics"]),
        import(&["--left", NORTH, "--right", SOUTH, "--suggest-topics"])
    );
}

#[test]
fn one_side_can_come_from_standard_input() {
    let north = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(NORTH)).expect("fixture");
    let output = readouts_with_stdin(&["import", "--left", "-", "--right", SOUTH], &north);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let toml = text(&output.stdout);
    assert!(toml.starts_with("# Made by `readouts import` from <stdin> and south.txt"));
    assert!(toml.contains("id = \"left\"\nlabel = \"Left\"\n"), "{toml}");
    let output = readouts_with_stdin(&["import", "--left", "-", "--right", "-"], &north);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("cannot both read standard input"));
}

#[test]
fn a_missing_file_or_a_folder_is_named() {
    let stderr = import_error(&["--left", "no-such.txt", "--right", SOUTH], 1);
    assert_eq!(
        stderr,
        "error: cannot read `no-such.txt`: no such file\n --> no-such.txt\n\n"
    );
    let stderr = import_error(&["--left", NORTH, "--right", "tests"], 1);
    assert!(
        stderr.starts_with("error: cannot read `tests`: it is a directory"),
        "{stderr}"
    );
    let stderr = import_error(&["--left", "a.txt", "--right", "b.txt"], 1);
    assert!(
        stderr.contains("--> a.txt") && stderr.contains("--> b.txt"),
        "both files are named: {stderr}"
    );
}

#[test]
fn a_file_that_is_not_utf8_is_named_with_the_place() {
    let dir = tempfile::tempdir().expect("temp dir");
    let latin1 = dir.path().join("latin1.txt");
    std::fs::write(&latin1, b"First paragraph.\n\nThe caf\xe9 talks.\n").expect("write");
    let latin1 = latin1.to_str().expect("a UTF-8 path");
    let stderr = import_error(&["--left", latin1, "--right", SOUTH], 1);
    assert!(
        stderr.starts_with(&format!(
            "error: the file is not valid UTF-8\n --> {latin1}:3:8\n"
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains("= help: save the file as UTF-8 text"),
        "{stderr}"
    );
}

#[test]
fn a_file_with_no_text_is_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, content) in [("empty.txt", ""), ("blank.txt", "\u{feff}\r\n  \n\t\n")] {
        let path = dir.path().join(name);
        std::fs::write(&path, content).expect("write");
        let path = path.to_str().expect("a UTF-8 path");
        let stderr = import_error(&["--left", NORTH, "--right", path], 1);
        assert!(
            stderr.starts_with(&format!("error: `{path}` has no text\n --> {path}\n")),
            "{stderr}"
        );
    }
}

#[test]
fn output_never_replaces_a_file_without_force() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("talks.toml");
    let out_arg = out.to_str().expect("a UTF-8 path");
    let args = ["--left", NORTH, "--right", SOUTH, "-o", out_arg];
    assert_eq!(import(&args), "");
    let written = std::fs::read_to_string(&out).expect("written");
    assert_eq!(written, import(&["--left", NORTH, "--right", SOUTH]));

    std::fs::write(&out, "my own edits").expect("write");
    let stderr = import_error(&args, 1);
    assert_eq!(
        stderr,
        format!(
            "error: cannot write `{out_arg}`: it already exists\n --> {out_arg}\n  = help: pass --force to replace it\n\n"
        )
    );
    assert_eq!(std::fs::read_to_string(&out).expect("kept"), "my own edits");

    assert_eq!(import(&[&args[..], &["--force"]].concat()), "");
    assert_eq!(std::fs::read_to_string(&out).expect("replaced"), written);
    let entries = std::fs::read_dir(dir.path()).expect("list").count();
    assert_eq!(entries, 1, "no temporary file is left behind");
}

#[test]
fn bad_usage_exits_2() {
    // Each case: the options after `--left NORTH --right SOUTH`, and what
    // the message says.
    let cases: [(&[&str], &str); 5] = [
        (&["--force"], "--output <OUT>"),
        (&["--left-id", "North Side"], "try `north-side`"),
        (&["--left-label", " "], "it is blank"),
        (&["--title", ""], "it is blank"),
        (
            &["--left-id", "a", "--right-id", "a"],
            "--left-id and --right-id are both `a`",
        ),
    ];
    for (options, says) in cases {
        let args = [&["--left", NORTH, "--right", SOUTH], options].concat();
        let stderr = import_error(&args, 2);
        assert!(stderr.starts_with("error: "), "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }
    let stderr = import_error(&["--left", NORTH], 2);
    assert!(stderr.contains("--right <FILE>"), "{stderr}");
}

/// The review comments, their lines joined as one text.
fn comments(toml: &str) -> String {
    let lines: Vec<&str> = toml.lines().filter_map(|l| l.strip_prefix("# ")).collect();
    lines.join(" ")
}

fn load(toml: &str) -> readouts::document::Document {
    readouts::document::load::load_str("import", toml)
        .unwrap_or_else(|errors| panic!("{errors:#?}\n{toml}"))
        .document
}

#[test]
fn headings_name_the_sides_and_a_date_line_dates_the_call() {
    let toml = import(&[
        "--left",
        KREMLIN_2021_07_09,
        "--right",
        WHITE_HOUSE_2021_07_09,
    ]);
    insta::assert_snapshot!("2021-07-09-headings", toml);
    let document = load(&toml);
    let labels: Vec<&str> = document.readouts.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels, ["Kremlin", "White House"]);
    assert_eq!(document.title, "Kremlin and White House readouts");
    assert_eq!(
        document.date.map(|d| d.to_string()),
        Some("2021-07-09".into())
    );
    let first = &document.readouts[0].passages[0].text;
    assert!(
        first.starts_with("Vladimir Putin had a telephone"),
        "{first}"
    );
}

#[test]
fn given_labels_dates_and_sources_win() {
    let toml = import(&[
        "--left",
        KREMLIN_2021_07_09,
        "--right",
        WHITE_HOUSE_2021_07_09,
        "--left-label",
        "Moscow",
        "--date",
        "2021-07-10",
        "--left-source",
        "Kremlin press service",
        "--right-source",
        "The White House",
    ]);
    let document = load(&toml);
    assert_eq!(document.readouts[0].label, "Moscow");
    assert_eq!(document.readouts[0].id, "moscow");
    assert_eq!(document.readouts[1].label, "White House");
    assert_eq!(
        document.readouts[0].source.as_deref(),
        Some("Kremlin press service")
    );
    assert_eq!(
        document.readouts[1].source.as_deref(),
        Some("The White House")
    );
    assert_eq!(
        document.date.map(|d| d.to_string()),
        Some("2021-07-10".into())
    );
    assert!(toml.contains("\ndate = 2021-07-10\n"), "{toml}");
    assert!(!toml.contains("The date is from"), "{toml}");
    assert!(
        comments(&toml).contains(
            "From kremlin.txt, a passage per paragraph. Its heading, “Telephone \
             conversation with US President Joseph Biden”, is not a passage. Its date \
             line, “July 9, 2021”, is not a passage. Add url, published and language \
             when they are known."
        ),
        "{toml}"
    );
}

#[test]
fn a_heading_run_into_one_paragraph_still_names_the_side() {
    let dir = tempfile::tempdir().expect("temp dir");
    let kremlin = std::fs::read_to_string(KREMLIN_2021_07_09).expect("fixture");
    let mut args: Vec<String> = Vec::new();
    // With its date (kremlin.ru's page copied without its line breaks), the
    // heading is taken off; without one, it stays in the first passage.
    for (name, text) in [
        ("pasted.txt", kremlin.replace('\n', " ")),
        (
            "undated.txt",
            kremlin.replace("July 9, 2021", "").replace('\n', " "),
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("write");
        args.push(path.to_str().expect("a UTF-8 path").to_string());
    }
    let toml = import(&["--left", &args[0], "--right", WHITE_HOUSE_2021_07_09]);
    let document = load(&toml);
    assert_eq!(document.readouts[0].label, "Kremlin");
    assert_eq!(
        document.date.map(|d| d.to_string()),
        Some("2021-07-09".into())
    );
    assert!(
        document.readouts[0].passages[0]
            .text
            .starts_with("Vladimir Putin had a telephone conversation"),
        "{toml}"
    );
    assert!(
        comments(&toml).contains(
            "From pasted.txt, a passage per sentence. The label is from its heading, \
             “Telephone conversation with US President Joseph Biden”, which is how the \
             Kremlin (kremlin.ru, the President of Russia's site) heads its readouts; \
             the heading is not a passage. Its date line, “July 9, 2021”, is not a passage."
        ),
        "{toml}"
    );
    let toml = import(&["--left", &args[1], "--right", WHITE_HOUSE_2021_07_09]);
    let document = load(&toml);
    assert_eq!(document.readouts[0].label, "Kremlin");
    assert_eq!(document.date, None);
    assert!(
        document.readouts[0].passages[0]
            .text
            .starts_with("Telephone conversation with US President Joseph Biden Vladimir Putin"),
        "the heading stays in the first passage"
    );
    assert!(
        comments(&toml).contains(
            "From undated.txt, a passage per sentence. The label is from how its text \
             begins, “Telephone conversation with US President Joseph …”, which is how \
             the Kremlin (kremlin.ru, the President of Russia's site) heads its \
             readouts; with no line of its own, that heading stays in the first passage."
        ),
        "{toml}"
    );
}

#[test]
fn without_a_heading_labels_come_from_the_file_names_or_a_placeholder() {
    let toml = import(&["--left", NORTH, "--right", WHITE_HOUSE_2021_07_09]);
    let document = load(&toml);
    assert_eq!(document.readouts[0].label, "north");
    assert!(
        toml.contains("# From north.txt, a passage per paragraph. The label is the file's name")
    );
    let north = std::fs::read(NORTH).expect("fixture");
    let output = readouts_with_stdin(
        &["import", "--left", "-", "--right", WHITE_HOUSE_2021_07_09],
        &north,
    );
    assert_eq!(output.status.code(), Some(0));
    let toml = text(&output.stdout);
    assert_eq!(load(&toml).readouts[0].label, "Left");
    assert!(
        comments(&toml).contains("The label is a placeholder: give one with --left-label."),
        "{toml}"
    );
}

#[test]
fn a_date_that_is_not_one_is_a_usage_error() {
    for (date, says) in [
        ("2021-02-30", "day between 01 and 28"),
        ("30.12.2021", "a date written YYYY-MM-DD"),
        ("2021-12-30T10:00:00", "it is not a date alone"),
    ] {
        let stderr = import_error(&["--left", NORTH, "--right", NORTH, "--date", date], 2);
        assert!(
            stderr.contains("invalid value") && stderr.contains(says),
            "{date}: {stderr}"
        );
    }
    let stderr = import_error(
        &["--left", NORTH, "--right", NORTH, "--left-source", " "],
        2,
    );
    assert!(stderr.contains("it is blank"), "{stderr}");
}
