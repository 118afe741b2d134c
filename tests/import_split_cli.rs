//! `readouts import --split` as a user runs it on pasted text: single
//! newlines between paragraphs, a readout published as one paragraph, and
//! the abbreviations, quotations and numbers that sentences must survive;
//! and the warning when a side still makes a single passage.

mod support;

use support::{readouts, text};

const SINGLE_NEWLINES: &str = "tests/fixtures/import/split/single-newlines.txt";
const ONE_PARAGRAPH: &str = "tests/fixtures/import/split/one-paragraph.txt";
const ABBREVIATIONS: &str = "tests/fixtures/import/split/abbreviations.txt";
const PARAGRAPHS: &str = "tests/fixtures/import/north.txt";
const KREMLIN: &str = "tests/fixtures/import/2021-07-09-biden-putin/kremlin.txt";

/// Imports `left` against the paragraphs of north.txt with the options
/// given; the left side's passages, and standard error.
fn left_passages(left: &str, options: &[&str]) -> (Vec<String>, String) {
    let output = readouts(&[&["import", "--left", left, "--right", PARAGRAPHS], options].concat());
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    let toml = text(&output.stdout);
    let document = readouts::document::load::load_str("import", &toml)
        .unwrap_or_else(|errors| panic!("{errors:#?}\n{toml}"))
        .document;
    let passages = document.readouts[0]
        .passages
        .iter()
        .map(|p| p.text.clone())
        .collect();
    (passages, stderr)
}

#[test]
fn single_newlines_make_a_passage_per_line() {
    let (passages, stderr) = left_passages(SINGLE_NEWLINES, &[]);
    assert_eq!(stderr, "");
    let openings: Vec<String> = passages
        .iter()
        .map(|p| p.chars().take(32).collect())
        .collect();
    assert_eq!(
        openings,
        [
            "President Biden spoke today with",
            "President Biden also spoke with ",
            "President Biden underscored the ",
            "President Biden reiterated that ",
        ]
    );
    assert_eq!(
        left_passages(SINGLE_NEWLINES, &["--split", "line"]).0,
        passages
    );
}

#[test]
fn one_paragraph_makes_a_passage_per_sentence() {
    let (passages, stderr) = left_passages(ONE_PARAGRAPH, &[]);
    assert_eq!(stderr, "");
    assert_eq!(passages.len(), 9, "{passages:#?}");
    assert_eq!(
        passages[0],
        "Vladimir Putin had a telephone conversation with President of the United States Joseph Biden."
    );
    assert_eq!(
        passages[8],
        "Vladimir Putin expressed his sincere condolences over the tragic consequences of the \
         building collapse in Surfside, Florida, which caused numerous casualties."
    );
}

#[test]
fn sentences_survive_abbreviations_quotations_and_numbers() {
    let (passages, stderr) = left_passages(ABBREVIATIONS, &["--split", "sentence"]);
    assert_eq!(stderr, "");
    assert_eq!(
        passages,
        [
            "The U.S. President spoke with Mr. Putin, who was in St. Petersburg, for 50 minutes.",
            "“We are ready to talk,” Dr. Ryabkov said.",
            "“The decision is theirs.”",
            "Talks are set for 9–10 January in Geneva, and for Jan. 12 at the Russia–NATO \
             Council; trade fell 1.5 percent, to 2.3 billion dollars.",
            "Item No. 4 of the agenda, the U.N. Security Council, came last.",
            "\"Nothing was agreed.\"",
            "That was all.",
        ]
    );
}

#[test]
fn paragraphs_are_kept_when_asked_for_and_sentences_never_cross_them() {
    let (passages, _) = left_passages(KREMLIN, &["--split", "paragraph"]);
    assert_eq!(passages.len(), 6);
    let (sentences, _) = left_passages(KREMLIN, &["--split", "sentence"]);
    assert_eq!(sentences.len(), 9);
    assert_eq!(sentences.join(" "), passages.join(" "));
}

#[test]
fn a_single_passage_is_warned_about_with_the_option_to_use() {
    let (passages, stderr) = left_passages(SINGLE_NEWLINES, &["--split", "paragraph"]);
    assert_eq!(passages.len(), 1);
    assert_eq!(
        stderr,
        format!(
            "warning: `{SINGLE_NEWLINES}` is a single passage, cut by paragraph\n --> \
             {SINGLE_NEWLINES}\n  = help: pass --split line to make a passage of each line\n\n"
        )
    );
    let (passages, stderr) = left_passages(ONE_PARAGRAPH, &["--split", "line"]);
    assert_eq!(passages.len(), 1);
    assert!(
        stderr.contains("= help: pass --split sentence to make a passage of each sentence"),
        "{stderr}"
    );
}

#[test]
fn the_warning_shows_control_characters_in_a_file_name_as_symbols() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("pasted\u{1b}[2J.txt");
    std::fs::write(&path, "One line.\nAnother line.\n").expect("write");
    let (_, stderr) = left_passages(
        path.to_str().expect("a UTF-8 path"),
        &["--split", "paragraph"],
    );
    assert!(stderr.starts_with("warning: `"), "{stderr}");
    assert!(
        !stderr.contains('\u{1b}') && stderr.contains("pasted␛[2J.txt"),
        "{stderr:?}"
    );
}

#[test]
fn a_one_sentence_readout_is_no_reason_to_warn() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("short.txt");
    std::fs::write(&path, "The presidents spoke by telephone.\n").expect("write");
    let (passages, stderr) = left_passages(path.to_str().expect("a UTF-8 path"), &[]);
    assert_eq!(passages.len(), 1);
    assert_eq!(stderr, "");
}

#[test]
fn an_unknown_split_is_a_usage_error() {
    let output = readouts(&[
        "import", "--left", PARAGRAPHS, "--right", PARAGRAPHS, "--split", "word",
    ]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("[possible values: auto, paragraph, line, sentence]"),
        "{stderr}"
    );
}
