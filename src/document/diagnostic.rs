//! Diagnostics in the style of rustc and cargo: what is wrong, where (file,
//! line, column), the offending line with a caret under the place, and help.
//!
//! A diagnostic is itself printed to a terminal, so everything in it that
//! comes from the file or its path is made visible (no control characters),
//! and a long source line is shown only around the place.

use std::fmt;
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::normalize::make_visible;

/// How many display columns of the offending line are shown at most.
const SNIPPET_WIDTH: usize = 100;
/// How long a message taken from elsewhere (the TOML parser) may be.
const MESSAGE_LIMIT: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// A place in a file, with the part of its line to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters as editors count them.
    pub column: usize,
    /// The visible text of the line (possibly a window of it).
    pub snippet: String,
    /// Display columns in `snippet` before the caret.
    pub caret_offset: usize,
    /// Display columns the caret underlines (at least 1).
    pub caret_width: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file as the user named it (already made visible).
    pub origin: String,
    pub message: String,
    pub location: Option<Box<Location>>,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(origin: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            origin: make_visible(origin),
            message: message.into(),
            location: None,
            help: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_location(mut self, location: Location) -> Self {
        self.location = Some(Box::new(location));
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The first line of the diagnostic, for a status line.
    pub fn headline(&self) -> String {
        match &self.location {
            Some(at) => format!(
                "{}:{}:{}: {}",
                self.origin, at.line, at.column, self.message
            ),
            None => format!("{}: {}", self.origin, self.message),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        writeln!(f, "{kind}: {}", self.message)?;
        match &self.location {
            Some(at) => {
                let number = at.line.to_string();
                let gutter = " ".repeat(number.len());
                writeln!(f, "{gutter}--> {}:{}:{}", self.origin, at.line, at.column)?;
                writeln!(f, "{gutter} |")?;
                writeln!(f, "{number} | {}", at.snippet)?;
                write!(
                    f,
                    "{gutter} | {}{}",
                    " ".repeat(at.caret_offset),
                    "^".repeat(at.caret_width)
                )?;
                if let Some(help) = &self.help {
                    write!(f, "\n{gutter} |\n{gutter} = help: {help}")?;
                }
            }
            None => {
                write!(f, " --> {}", self.origin)?;
                if let Some(help) = &self.help {
                    write!(f, "\n  = help: {help}")?;
                }
            }
        }
        Ok(())
    }
}

/// Turns byte spans of one source text into diagnostics.
pub struct SourceMap<'a> {
    origin: &'a str,
    text: &'a str,
}

impl<'a> SourceMap<'a> {
    pub fn new(origin: &'a str, text: &'a str) -> Self {
        SourceMap { origin, text }
    }

    pub fn origin(&self) -> &str {
        self.origin
    }

    pub fn error(&self, message: impl Into<String>, span: Range<usize>) -> Diagnostic {
        Diagnostic::error(self.origin, message).with_location(self.locate(span))
    }

    pub fn warning(&self, message: impl Into<String>, span: Range<usize>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..self.error(message, span)
        }
    }

    /// The line number (1-based) of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = floor_char_boundary(self.text, offset);
        self.text[..offset].matches('\n').count() + 1
    }

    /// The location of a byte span: its line, column and a caret under it.
    pub fn locate(&self, span: Range<usize>) -> Location {
        let start = floor_char_boundary(self.text, span.start);
        let line_start = self.text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |i| start + i);
        let line_text = self.text[line_start..line_end].trim_end_matches('\r');
        let in_line = (start - line_start).min(line_text.len());
        let end = floor_char_boundary(line_text, span.end.saturating_sub(line_start)).max(in_line);
        let column = line_text[..in_line].chars().count() + 1;
        let (snippet, caret_offset, caret_width) = snippet_around(
            &line_text[..in_line],
            &line_text[in_line..end],
            &line_text[end..],
        );
        Location {
            line: self.line_of(start),
            column,
            snippet,
            caret_offset,
            caret_width,
        }
    }
}

/// Builds the shown line: the text before the place, the place, and after,
/// made visible, cut to [`SNIPPET_WIDTH`] columns around the place.
fn snippet_around(before: &str, marked: &str, after: &str) -> (String, usize, usize) {
    let before = make_visible(before);
    let marked = make_visible(marked);
    let after = make_visible(after);
    let marked = keep_leading_columns(&marked, SNIPPET_WIDTH / 2);
    let caret_width = marked.width().max(1);
    let room_before = SNIPPET_WIDTH.saturating_sub(caret_width) / 2;
    let mut snippet = String::new();
    if before.width() > room_before {
        snippet.push('…');
        snippet.push_str(&keep_trailing_columns(
            &before,
            room_before.saturating_sub(1),
        ));
    } else {
        snippet.push_str(&before);
    }
    let caret_offset = snippet.width();
    snippet.push_str(&marked);
    let room_after = SNIPPET_WIDTH.saturating_sub(snippet.width());
    if after.width() > room_after {
        snippet.push_str(&keep_leading_columns(&after, room_after.saturating_sub(1)));
        snippet.push('…');
    } else {
        snippet.push_str(&after);
    }
    (snippet.trim_end().to_string(), caret_offset, caret_width)
}

fn keep_leading_columns(text: &str, columns: usize) -> String {
    let mut kept = String::new();
    let mut width = 0;
    for grapheme in text.graphemes(true) {
        width += grapheme.width();
        if width > columns {
            break;
        }
        kept.push_str(grapheme);
    }
    kept
}

fn keep_trailing_columns(text: &str, columns: usize) -> String {
    let mut kept: Vec<&str> = Vec::new();
    let mut width = 0;
    for grapheme in text.graphemes(true).rev() {
        width += grapheme.width();
        if width > columns {
            break;
        }
        kept.push(grapheme);
    }
    kept.into_iter().rev().collect()
}

fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Cuts a message taken from another library to a sane length and makes it
/// visible: such messages can quote the input.
pub fn tidy_foreign_message(message: &str) -> String {
    let visible = make_visible(message.lines().next().unwrap_or_default());
    if visible.chars().count() > MESSAGE_LIMIT {
        let cut: String = visible.chars().take(MESSAGE_LIMIT).collect();
        format!("{cut}…")
    } else {
        visible
    }
}

/// The closest name to `wrong` among `candidates`, when one is close enough
/// to be a likely misspelling.
pub fn closest<'c>(wrong: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let limit = (wrong.chars().count() / 3).max(2);
    candidates
        .into_iter()
        .map(|candidate| (strsim::damerau_levenshtein(wrong, candidate), candidate))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_line_and_column_in_characters() {
        let text = "title = \"x\"\nдата = 1\n  bad = 2\n";
        let map = SourceMap::new("f.toml", text);
        let at = map.locate(text.find("bad").unwrap()..text.find("bad").unwrap() + 3);
        assert_eq!((at.line, at.column), (3, 3));
        assert_eq!(at.snippet, "  bad = 2");
        assert_eq!((at.caret_offset, at.caret_width), (2, 3));
        let start = text.find("= 1").unwrap();
        let at = map.locate(start..start + 1);
        assert_eq!((at.line, at.column), (2, 6));
    }

    #[test]
    fn caret_sits_under_wide_characters_correctly() {
        let text = "会谈 = x";
        let map = SourceMap::new("f.toml", text);
        let start = text.find('x').unwrap();
        let at = map.locate(start..start + 1);
        assert_eq!(at.column, 6);
        assert_eq!(at.caret_offset, 7);
    }

    #[test]
    fn long_lines_are_shown_around_the_place() {
        let text = format!("title = {}x{}", "[".repeat(5000), "]".repeat(5000));
        let map = SourceMap::new("f.toml", &text);
        let start = text.find('x').unwrap();
        let at = map.locate(start..start + 1);
        assert!(at.snippet.width() <= SNIPPET_WIDTH + 2, "{}", at.snippet);
        assert!(at.snippet.starts_with('…') && at.snippet.ends_with('…'));
        assert_eq!(at.snippet.chars().nth(at.caret_offset), Some('x'));
    }

    #[test]
    fn rendered_diagnostic_has_arrow_snippet_caret_and_help() {
        let text = "titel = \"x\"\n";
        let diagnostic = SourceMap::new("a\u{1b}.toml", text)
            .error("unknown key `titel`", 0..5)
            .with_help("did you mean `title`?");
        assert_eq!(
            diagnostic.to_string(),
            "error: unknown key `titel`\n --> a␛.toml:1:1\n  |\n1 | titel = \"x\"\n  | ^^^^^\n  |\n  = help: did you mean `title`?"
        );
    }

    #[test]
    fn closest_suggests_only_near_names() {
        let keys = ["title", "topics", "readouts"];
        assert_eq!(closest("titel", keys), Some("title"));
        assert_eq!(closest("topic", keys), Some("topics"));
        assert_eq!(closest("zebra", keys), None);
    }
}
