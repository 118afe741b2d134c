//! `readouts import`: a readout file (format 1) made from two plain-text
//! readouts, a passage per paragraph, with shared topics suggested on
//! request ([`suggest`]) and written out as TOML ([`render`]).
//!
//! Pure code: [`crate::commands::import`] reads the files and writes the
//! result.

pub mod render;
pub mod suggest;
pub mod words;

use crate::document::load::slug;
use crate::document::normalize::{PARAGRAPH_BREAK, normalize_line, normalize_text};
use suggest::Suggestion;

/// One readout to import.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedReadout {
    pub id: String,
    pub label: String,
    /// The name of the file it came from, for the header comment.
    pub file_name: String,
    pub passages: Vec<String>,
}

/// A readout file to write out.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub title: String,
    pub left: ImportedReadout,
    pub right: ImportedReadout,
    /// The suggested topics; `None` when they were not asked for.
    pub suggestions: Option<Vec<Suggestion>>,
}

impl Draft {
    pub fn new(
        title: String,
        left: ImportedReadout,
        right: ImportedReadout,
        suggest_topics: bool,
    ) -> Self {
        let suggestions = suggest_topics.then(|| suggest::suggest(&left.passages, &right.passages));
        Draft {
            title,
            left,
            right,
            suggestions,
        }
    }
}

/// The passages of a plain text, a passage per paragraph (blank lines
/// separate paragraphs), each exactly as the loader reads it back: lines
/// joined by single spaces, white space collapsed, control characters made
/// visible. Empty when the text has no words.
pub fn passages(text: &str) -> Vec<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    normalize_text(text)
        .split(PARAGRAPH_BREAK)
        .filter(|paragraph| !paragraph.is_empty())
        .map(str::to_string)
        .collect()
}

/// A readout's label made from its file's name without the extension, or
/// `fallback` when that leaves nothing to show.
pub fn label_from_file_stem(file_stem: &str, fallback: &str) -> String {
    let label = normalize_line(file_stem);
    if label.is_empty() {
        fallback.to_string()
    } else {
        label
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
            passages(text),
            ["First line same paragraph.", "Second one."]
        );
    }

    #[test]
    fn a_text_with_no_words_has_no_passages() {
        assert!(passages("").is_empty());
        assert!(passages("\u{feff} \r\n\t\n").is_empty());
    }

    #[test]
    fn control_characters_are_made_visible_as_the_loader_does() {
        assert_eq!(passages("bell\u{7} and \u{1b}[2J"), ["bell␇ and ␛[2J"]);
    }

    #[test]
    fn labels_come_from_file_names_or_a_fallback() {
        assert_eq!(label_from_file_stem("White House", "Right"), "White House");
        assert_eq!(label_from_file_stem("a\nb", "Right"), "a b");
        assert_eq!(label_from_file_stem(" ", "Right"), "Right");
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
