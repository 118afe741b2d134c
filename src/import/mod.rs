//! `readouts import`: a readout file (format 1) made from two plain-text
//! readouts, cut into passages by paragraph, line or sentence ([`split`]),
//! their headings and date lines taken off ([`heading`]), with shared
//! topics suggested on request ([`suggest`]) and written out as TOML
//! ([`render`]).
//!
//! Pure code: [`crate::commands::import`] reads the files and writes the
//! result.

pub mod heading;
pub mod render;
pub mod split;
pub mod suggest;
mod vocabulary;
pub mod words;

use crate::document::Date;
use crate::document::load::slug;
use crate::document::normalize::normalize_line;
use heading::Heading;
use split::Split;
use suggest::Suggestion;

/// One readout to import.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedReadout {
    pub id: String,
    pub label: String,
    /// Where the label came from, for the review comments.
    pub label_origin: LabelOrigin,
    /// The name of the file it came from, for the review comments.
    pub file_name: String,
    /// Who published it (`--left-source`).
    pub source: Option<String>,
    /// The heading taken off the text's first line, if it had one.
    pub heading: Option<Heading>,
    /// The date line (and time line) taken off the text's start, if any.
    pub date_lines: Vec<String>,
    /// How the text was cut into passages (never `auto`).
    pub split: Split,
    pub passages: Vec<String>,
}

/// Where a readout's label came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelOrigin {
    /// `--left-label` or `--right-label`.
    Given,
    /// The style of the heading on the text's first line.
    Heading,
    /// The file's name.
    FileName,
    /// Nothing: standard input, or a file name with nothing to show.
    Placeholder,
}

/// The day of the event, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventDate {
    pub date: Date,
    /// `None` when given with `--date`; else the file whose date line it
    /// is.
    pub from_file: Option<String>,
}

/// A readout file to write out.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub title: String,
    pub date: Option<EventDate>,
    pub left: ImportedReadout,
    pub right: ImportedReadout,
    /// The suggested topics; `None` when they were not asked for.
    pub suggestions: Option<Vec<Suggestion>>,
}

impl Draft {
    pub fn new(
        title: String,
        date: Option<EventDate>,
        left: ImportedReadout,
        right: ImportedReadout,
        suggest_topics: bool,
    ) -> Self {
        let suggestions = suggest_topics.then(|| suggest::suggest(&left.passages, &right.passages));
        Draft {
            title,
            date,
            left,
            right,
            suggestions,
        }
    }
}

/// A plain-text readout read for import: the heading and date lines taken
/// off its start ([`heading::front`]), and the passages of the rest.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadText {
    pub heading: Option<Heading>,
    /// The date line (and time line) under the heading, and its date.
    pub date: Option<(Vec<String>, Date)>,
    pub passages: Vec<String>,
    /// How the body was cut (never `auto`).
    pub split: Split,
    /// When the body made a single passage, a way of cutting it that would
    /// make more.
    pub finer_split: Option<Split>,
}

/// Reads a plain-text readout: its heading and date lines, then its body
/// cut into passages as `how` says.
pub fn read_text(text: &str, how: Split) -> ReadText {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let front = heading::front(text);
    let body = &text[front.body..];
    let (passages, split) = passages(body, how);
    let finer_split = if passages.len() == 1 {
        finer_split(body)
    } else {
        None
    };
    ReadText {
        heading: front.heading,
        date: front.date,
        passages,
        split,
        finer_split,
    }
}

/// The passages of a plain text cut as `how` says, each exactly as the
/// loader reads it back: white space collapsed, control characters made
/// visible; and how it was cut (`auto` resolved). No passages when the text
/// has no words.
pub fn passages(text: &str, how: Split) -> (Vec<String>, Split) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let how = split::resolve(text, how);
    (split::split(text, how), how)
}

/// When a text made a single passage, the way of cutting it that would make
/// more: lines, else sentences. `None` when none would.
pub fn finer_split(text: &str) -> Option<Split> {
    [Split::Line, Split::Sentence]
        .into_iter()
        .find(|&how| passages(text, how).0.len() >= 2)
}

/// A readout's label: the one given; else the one its heading's style
/// gives; else its file's name without the extension; else `placeholder`.
pub fn choose_label(
    given: Option<&str>,
    heading: Option<&Heading>,
    file_stem: Option<&str>,
    placeholder: &str,
) -> (String, LabelOrigin) {
    if let Some(label) = given.map(normalize_line).filter(|l| !l.is_empty()) {
        return (label, LabelOrigin::Given);
    }
    if let Some(heading) = heading {
        return (heading.label.clone(), LabelOrigin::Heading);
    }
    match file_stem.map(normalize_line).filter(|l| !l.is_empty()) {
        Some(label) => (label, LabelOrigin::FileName),
        None => (placeholder.to_string(), LabelOrigin::Placeholder),
    }
}

/// The title made from the two labels, until someone names the event.
pub fn default_title(left_label: &str, right_label: &str) -> String {
    format!("{left_label} and {right_label} readouts")
}

/// The two readouts' ids: the ones given, else made from the labels. When
/// the two would be the same, an id made from a label gets a number; two
/// equal ids given are an error.
pub fn readout_ids(given: [Option<&str>; 2], labels: [&str; 2]) -> Result<[String; 2], String> {
    let fallbacks = ["left", "right"];
    let mut ids = [0, 1].map(|side| match given[side] {
        Some(id) => id.to_string(),
        None => {
            let id = slug(labels[side]);
            if id.is_empty() {
                fallbacks[side].to_string()
            } else {
                id
            }
        }
    });
    if ids[0] == ids[1] {
        match given {
            [_, None] => ids[1].push_str("-2"),
            [None, Some(_)] => ids[0].push_str("-2"),
            [Some(id), Some(_)] => {
                return Err(format!(
                    "--left-id and --right-id are both `{id}`; the two readouts need different ids"
                ));
            }
        }
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_passage_per_paragraph_with_lines_joined() {
        let text = "\u{feff}First line\r\nsame paragraph.\r\n\r\n\r\n  Second\tone.  \n \n";
        assert_eq!(
            passages(text, Split::Auto),
            (
                vec![
                    "First line same paragraph.".to_string(),
                    "Second one.".to_string()
                ],
                Split::Paragraph
            )
        );
    }

    #[test]
    fn a_text_with_no_words_has_no_passages() {
        assert!(passages("", Split::Auto).0.is_empty());
        assert!(passages("\u{feff} \r\n\t\n", Split::Sentence).0.is_empty());
    }

    #[test]
    fn control_characters_are_made_visible_as_the_loader_does() {
        assert_eq!(
            passages("bell\u{7} and \u{1b}[2J", Split::Auto).0,
            ["bell␇ and ␛[2J"]
        );
    }

    #[test]
    fn the_heading_and_date_lines_are_no_passages() {
        let text = "\u{feff}Readout of President Biden's Call with President Putin\n\
                    July 9, 2021\n\
                    President Biden spoke today with President Putin. They talked.";
        let read = read_text(text, Split::Auto);
        assert_eq!(
            read.heading.map(|h| h.label),
            Some("White House".to_string())
        );
        assert_eq!(
            read.date.map(|(_, d)| d.to_string()),
            Some("2021-07-09".to_string())
        );
        assert_eq!(
            read.passages,
            [
                "President Biden spoke today with President Putin.",
                "They talked."
            ]
        );
        assert_eq!((read.split, read.finer_split), (Split::Sentence, None));
        let single = read_text("Heading\nOne. Two.", Split::Paragraph);
        assert_eq!(single.finer_split, Some(Split::Line));
    }

    #[test]
    fn a_single_passage_names_the_split_that_would_make_more() {
        assert_eq!(finer_split("One.\nTwo."), Some(Split::Line));
        assert_eq!(finer_split("One. Two."), Some(Split::Sentence));
        assert_eq!(finer_split("Only one sentence."), None);
    }

    #[test]
    fn labels_come_from_the_option_the_heading_the_file_name_or_a_placeholder() {
        let kremlin =
            heading::front("Telephone conversation with US President Joseph Biden\nText.").heading;
        let label =
            |given, heading: Option<&Heading>, stem| choose_label(given, heading, stem, "Right");
        assert_eq!(
            label(Some(" Moscow "), kremlin.as_ref(), Some("a")),
            ("Moscow".to_string(), LabelOrigin::Given)
        );
        assert_eq!(
            label(None, kremlin.as_ref(), Some("a")),
            ("Kremlin".to_string(), LabelOrigin::Heading)
        );
        assert_eq!(
            label(None, None, Some("White House")),
            ("White House".to_string(), LabelOrigin::FileName)
        );
        assert_eq!(
            label(None, None, Some("a\nb")),
            ("a b".to_string(), LabelOrigin::FileName)
        );
        assert_eq!(
            label(None, None, Some(" ")),
            ("Right".to_string(), LabelOrigin::Placeholder)
        );
        assert_eq!(
            label(None, None, None),
            ("Right".to_string(), LabelOrigin::Placeholder)
        );
        assert_eq!(
            default_title("Kremlin", "White House"),
            "Kremlin and White House readouts"
        );
    }

    #[test]
    fn ids_are_made_from_labels_and_kept_apart() {
        let ids = |given, labels| readout_ids(given, labels);
        assert_eq!(
            ids([None, None], ["Kremlin", "White House"]),
            Ok(["kremlin".to_string(), "white-house".to_string()])
        );
        assert_eq!(
            ids([None, None], ["readout", "Readout"]),
            Ok(["readout".to_string(), "readout-2".to_string()])
        );
        assert_eq!(
            ids([None, Some("kremlin")], ["Kremlin", "x"]),
            Ok(["kremlin-2".to_string(), "kremlin".to_string()])
        );
        assert_eq!(
            ids([None, None], ["Кремль", "Белый дом"]),
            Ok(["left".to_string(), "right".to_string()])
        );
        assert_eq!(
            ids([Some("a"), Some("a")], ["x", "y"]),
            Err(
                "--left-id and --right-id are both `a`; the two readouts need different ids"
                    .to_string()
            )
        );
    }
}
