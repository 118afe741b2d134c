//! A [`Draft`] written out as a readout file: format 1 TOML for a person to
//! read and edit, with `#` comments where a person should review it. Strings
//! are encoded by `toml_writer`; a long passage is wrapped over several lines
//! of a multi-line string, which the loader joins back into one paragraph.

use std::fmt::Write;

use toml_writer::{ToTomlValue, TomlStringBuilder};
use unicode_width::UnicodeWidthStr;

use super::suggest::{Evidence, Suggestion};
use super::{Draft, ImportedReadout, LabelOrigin};
use crate::document::normalize::normalize_line;

/// The widest a line is made, where words allow.
const WIDTH: usize = 78;

/// The topic every passage carries when none is suggested: a readout file
/// needs at least one.
pub const PLACEHOLDER_ID: &str = "whole-text";
const PLACEHOLDER_LABEL: &str = "Whole text (placeholder)";

/// The readout file's text. The same draft always gives the same bytes.
pub fn render(draft: &Draft) -> String {
    let mut out = String::new();
    comment(
        &mut out,
        &format!(
            "Made by `readouts import` from {} and {}. Review the title, the \
             labels and the topics, then validate the file with `readouts check`.",
            draft.left.file_name, draft.right.file_name
        ),
    );
    out.push_str("\nformat = 1\n");
    key_value(&mut out, "title", &draft.title);
    if let Some(date) = &draft.date {
        if let Some(file) = &date.from_file {
            comment(
                &mut out,
                &format!("The date is from the date line of {file}."),
            );
        }
        let _ = writeln!(out, "date = {}", date.date);
    }
    let tags = match draft.suggestions.as_deref() {
        Some(suggestions) if !suggestions.is_empty() => {
            suggested_topics(&mut out, draft, suggestions);
            Tags::Suggested(suggestions)
        }
        asked => {
            placeholder_topic(&mut out, asked.is_some());
            Tags::Placeholder
        }
    };
    readout(&mut out, &draft.left, "--left-label", |passage| {
        tags.of(Position::Left(passage))
    });
    readout(&mut out, &draft.right, "--right-label", |passage| {
        tags.of(Position::Right(passage))
    });
    out
}

/// Which topics the passages carry.
enum Tags<'s> {
    Placeholder,
    Suggested(&'s [Suggestion]),
}

enum Position {
    Left(usize),
    Right(usize),
}

impl Tags<'_> {
    fn of(&self, position: Position) -> Vec<&str> {
        match self {
            Tags::Placeholder => vec![PLACEHOLDER_ID],
            Tags::Suggested(suggestions) => suggestions
                .iter()
                .filter(|s| match position {
                    Position::Left(at) => s.left.contains(&at),
                    Position::Right(at) => s.right.contains(&at),
                })
                .map(|s| s.id.as_str())
                .collect(),
        }
    }
}

fn suggested_topics(out: &mut String, draft: &Draft, suggestions: &[Suggestion]) {
    out.push('\n');
    comment(
        out,
        "Topics suggested by `readouts import --suggest-topics` from the words \
         both sides use and the vocabulary of diplomacy it knows. Rename, merge \
         or delete them; a passage with no counterpart on the other side \
         carries none.",
    );
    for suggestion in suggestions {
        out.push('\n');
        let left = format!("{} {}", draft.left.id, numbers(&suggestion.left));
        let right = format!("{} {}", draft.right.id, numbers(&suggestion.right));
        let why = match &suggestion.evidence {
            Evidence::Opening => format!(
                "Suggested: {left} and {right} are the opening formulas, who called \
                 whom and when; they link nothing else."
            ),
            Evidence::Subject {
                left: left_words,
                right: right_words,
            } => format!(
                "Suggested: {left} and {right} speak of one subject, in the words {} on \
                 the left and {} on the right.",
                quoted(left_words),
                quoted(right_words)
            ),
            Evidence::Words { shared, score } => format!(
                "Suggested: {left} and {right} share {} (score {score:.2}).",
                quoted(shared)
            ),
        };
        comment(out, &why);
        topic(out, &suggestion.id, &suggestion.label);
    }
}

/// Words in quotation marks: "a", "b".
fn quoted(words: &[String]) -> String {
    let quoted: Vec<String> = words.iter().map(|word| format!("\"{word}\"")).collect();
    quoted.join(", ")
}

fn placeholder_topic(out: &mut String, suggestions_asked: bool) {
    out.push('\n');
    let none_found = if suggestions_asked {
        "--suggest-topics found no passages on the two sides that share enough words. "
    } else {
        ""
    };
    comment(
        out,
        &format!(
            "{none_found}A placeholder: a readout file needs at least one topic, and every \
             passage carries this one, so the file is valid as it is. Replace it with \
             the topics the readouts are about, and tag each passage with its own."
        ),
    );
    topic(out, PLACEHOLDER_ID, PLACEHOLDER_LABEL);
}

fn topic(out: &mut String, id: &str, label: &str) {
    out.push_str("[[topics]]\n");
    key_value(out, "id", id);
    key_value(out, "label", label);
}

fn readout<'t>(
    out: &mut String,
    side: &ImportedReadout,
    option: &str,
    topics_of: impl Fn(usize) -> Vec<&'t str>,
) {
    out.push_str("\n[[readouts]]\n");
    key_value(out, "id", &side.id);
    key_value(out, "label", &side.label);
    if let Some(source) = &side.source {
        key_value(out, "source", source);
    }
    comment(out, &review(side, option));
    for (at, text) in side.passages.iter().enumerate() {
        let _ = writeln!(out, "\n[[readouts.passages]] # {} {}", side.id, at + 1);
        passage_text(out, text);
        let topics = topics_of(at);
        if !topics.is_empty() {
            let ids: Vec<String> = topics.iter().map(|id| encode(id)).collect();
            let _ = writeln!(out, "topics = [{}]", ids.join(", "));
        }
    }
}

/// What to review in a readout: where it came from, how it was cut, where
/// its label came from, the lines taken off its start, what is missing.
/// `option` names the side's label option.
fn review(side: &ImportedReadout, option: &str) -> String {
    let mut review = format!(
        "From {}, a passage per {}.",
        side.file_name,
        side.split.name()
    );
    let heading = side.heading.as_ref();
    match (side.label_origin, heading) {
        (LabelOrigin::Heading, Some(heading)) if heading.taken_off => {
            let _ = write!(
                review,
                " The label is from its heading, “{}”, which is how {} heads its \
                 readouts; the heading is not a passage.",
                heading.line, heading.who
            );
        }
        (LabelOrigin::Heading, Some(heading)) => {
            let opening: Vec<&str> = heading.line.split(' ').take(6).collect();
            let _ = write!(
                review,
                " The label is from how its text begins, “{} …”, which is how {} \
                 heads its readouts; with no line of its own, that heading stays in the \
                 first passage.",
                opening.join(" "),
                heading.who
            );
        }
        (LabelOrigin::FileName, _) => review.push_str(
            " The label is the file's name: its first line is no heading that says \
             whose readout it is (“Readout of President …”, “Telephone \
             conversation with …”).",
        ),
        (LabelOrigin::Placeholder, _) => {
            let _ = write!(
                review,
                " The label is a placeholder: give one with {option}."
            );
        }
        (LabelOrigin::Given | LabelOrigin::Heading, _) => {}
    }
    if let Some(heading) = heading
        && heading.taken_off
        && side.label_origin != LabelOrigin::Heading
    {
        let _ = write!(
            review,
            " Its heading, “{}”, is not a passage.",
            heading.line
        );
    }
    if !side.date_lines.is_empty() {
        let quoted: Vec<String> = side.date_lines.iter().map(|l| format!("“{l}”")).collect();
        let _ = write!(
            review,
            " Its date line, {}, is not a passage.",
            quoted.join(" ")
        );
    }
    let mut missing = vec!["url", "published", "language"];
    if side.source.is_none() {
        missing.insert(0, "source");
    }
    let _ = write!(review, " Add {} when they are known.", and_list(&missing));
    review
}

/// "a, b and c".
fn and_list(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [only] => (*only).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// `text = …`: on one line when it fits, else wrapped in a multi-line string.
fn passage_text(out: &mut String, text: &str) {
    let one_line = format!("text = {}", encode(text));
    if one_line.width() <= WIDTH {
        out.push_str(&one_line);
    } else {
        out.push_str("text = ");
        out.push_str(&encode(&wrap(text, WIDTH).join("\n")));
    }
    out.push('\n');
}

fn key_value(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(out, "{key} = {}", encode(value));
}

/// Comment lines, wrapped; normalised first, so that nothing in a file name
/// (a line break, a control character) can end the comment early.
fn comment(out: &mut String, text: &str) {
    for line in wrap(&normalize_line(text), WIDTH - 2) {
        let _ = writeln!(out, "# {line}");
    }
}

/// A TOML string, in the plainest form that holds the text.
fn encode(text: &str) -> String {
    TomlStringBuilder::new(text).as_default().to_toml_value()
}

/// The words of `text` (single spaces between them) in lines of at most
/// `width` columns; a longer word has a line of its own.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        if !line.is_empty() && line.width() + 1 + word.width() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Passage numbers as a person counts them: "1, 3".
fn numbers(indices: &[usize]) -> String {
    let numbers: Vec<String> = indices.iter().map(|i| (i + 1).to_string()).collect();
    numbers.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::load::load_str;
    use crate::import::split::Split;

    fn side(id: &str, passages: &[&str]) -> ImportedReadout {
        ImportedReadout {
            id: id.to_string(),
            label: id.to_uppercase(),
            label_origin: LabelOrigin::Given,
            file_name: format!("{id}.txt"),
            source: None,
            heading: None,
            date_lines: Vec::new(),
            split: Split::Paragraph,
            passages: passages.iter().map(|p| p.to_string()).collect(),
        }
    }

    fn draft(left: &[&str], right: &[&str], suggest_topics: bool) -> Draft {
        Draft::new(
            "Talks".to_string(),
            None,
            side("north", left),
            side("south", right),
            suggest_topics,
        )
    }

    fn loaded_texts(text: &str) -> Vec<Vec<String>> {
        let document = load_str("import.toml", text)
            .unwrap_or_else(|errors| panic!("{errors:#?}\n{text}"))
            .document;
        document
            .readouts
            .iter()
            .map(|r| r.passages.iter().map(|p| p.text.clone()).collect())
            .collect()
    }

    #[test]
    fn without_suggestions_every_passage_carries_the_placeholder() {
        let text = render(&draft(&["One."], &["Two.", "Three."], false));
        let loaded = load_str("import.toml", &text).expect("valid");
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        let document = loaded.document;
        assert_eq!(document.topics.len(), 1);
        assert_eq!(document.topics[0].id, PLACEHOLDER_ID);
        assert!(
            document
                .readouts
                .iter()
                .flat_map(|r| &r.passages)
                .all(|p| p.topics == [0])
        );
        assert!(!text.contains("--suggest-topics found no"));
    }

    #[test]
    fn suggestions_asked_but_none_found_say_so() {
        let text = render(&draft(&["Apples."], &["Oranges."], true));
        assert!(
            text.contains("# --suggest-topics found no passages"),
            "{text}"
        );
        assert!(text.contains(&format!("id = \"{PLACEHOLDER_ID}\"")));
    }

    #[test]
    fn awkward_text_round_trips() {
        let backslashes = "a backslash at a wrapped line's end \\ ".repeat(6);
        let awkward = [
            "He said \"\"\" and ''' and \\ and \\n, then \"quoted\"",
            "ends with a quote\"",
            "ends with an apostrophe'",
            backslashes.trim_end(),
            "visible ␛[2J and \\u{9b} stand-ins; wide 会谈 👩\u{200d}🔬",
            "# not a comment [[topics]] = \"x\"",
        ];
        let text = render(&draft(&awkward, &["x"], false));
        let expected: Vec<String> = awkward.iter().map(|a| a.to_string()).collect();
        assert_eq!(loaded_texts(&text)[0], expected);
    }

    #[test]
    fn long_passages_are_wrapped_and_short_ones_kept_on_a_line() {
        let long = "word ".repeat(40);
        let text = render(&draft(&[long.trim_end()], &["Short."], false));
        assert!(text.contains("text = \"Short.\"\n"));
        assert!(text.contains("text = \"\"\"\nword word"));
        assert!(text.lines().all(|line| line.width() <= WIDTH), "{text}");
        assert_eq!(loaded_texts(&text)[0], [long.trim_end()]);
    }

    #[test]
    fn wrap_keeps_over_long_words_whole() {
        assert_eq!(wrap("a bb ccccc d", 4), ["a bb", "ccccc", "d"]);
        assert_eq!(wrap("", 4), Vec::<String>::new());
    }
}
