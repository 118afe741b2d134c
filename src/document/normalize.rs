//! Text normalisation, applied once when a file is loaded so that nothing
//! later (layout, drawing, plain output, diagnostics) ever sees control text.
//!
//! - CRLF becomes LF; inside a paragraph every run of white space (spaces,
//!   tabs, single newlines) becomes one space; a blank line separates
//!   paragraphs, which are kept as a single `\n` between them.
//! - Every other C0/C1 control character, DEL and the bidirectional
//!   embedding/override/isolate characters become a visible stand-in.

/// Paragraph separator inside normalised text.
pub const PARAGRAPH_BREAK: char = '\n';

/// The visible stand-in for a character that must not reach a terminal, or
/// `None` when the character is harmless.
pub fn visible_stand_in(c: char) -> Option<String> {
    match c {
        // C0 controls map onto the Unicode Control Pictures block (␀ … ␟).
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).map(String::from),
        '\u{7f}' => Some("␡".to_string()),
        // C1 controls have no pictures; bidi controls reorder text around them.
        '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {
            Some(format!("\\u{{{:x}}}", c as u32))
        }
        _ => None,
    }
}

fn is_blank_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{2028}')
        || (c.is_whitespace() && !c.is_control() && !is_line_end(c))
}

fn is_line_end(c: char) -> bool {
    matches!(c, '\n' | '\u{2029}')
}

/// Normalises text that may hold paragraphs (passages, summaries, notes).
/// Paragraphs in the result are separated by [`PARAGRAPH_BREAK`].
pub fn normalize_text(raw: &str) -> String {
    let unified = raw.replace("\r\n", "\n");
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in unified.split(is_line_end) {
        if line.chars().all(is_blank_space) {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
            continue;
        }
        append_words(&mut current, line);
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs.join(&PARAGRAPH_BREAK.to_string())
}

/// Normalises a one-line value (titles, labels, ids shown to the user):
/// every line break becomes a space.
pub fn normalize_line(raw: &str) -> String {
    let mut line = String::new();
    append_words(
        &mut line,
        &raw.replace("\r\n", "\n").replace(is_line_end, " "),
    );
    line
}

/// Appends the words of `text` to `out`, one space between words, with
/// control characters made visible.
fn append_words(out: &mut String, text: &str) {
    for word in text.split(is_blank_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        push_visible(out, word);
    }
}

fn push_visible(out: &mut String, text: &str) {
    for c in text.chars() {
        match visible_stand_in(c) {
            Some(stand_in) => out.push_str(&stand_in),
            None => out.push(c),
        }
    }
}

/// Makes every control character in `text` visible, keeping its layout
/// otherwise untouched; for diagnostics that quote a source line.
pub fn make_visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\t' {
            out.push(' ');
        } else {
            match visible_stand_in(c) {
                Some(stand_in) => out.push_str(&stand_in),
                None => out.push(c),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_newlines_become_spaces_and_blank_lines_split_paragraphs() {
        let text = "First line\nsame paragraph.\r\n\r\n  Second\tparagraph.  \n \n\nThird.";
        assert_eq!(
            normalize_text(text),
            "First line same paragraph.\nSecond paragraph.\nThird."
        );
    }

    #[test]
    fn leading_and_trailing_blank_lines_vanish() {
        assert_eq!(normalize_text("\n\n  text \n\n"), "text");
        assert_eq!(normalize_text(" \n\t\n"), "");
    }

    #[test]
    fn control_characters_become_visible() {
        assert_eq!(normalize_line("a\u{1b}[2Jb"), "a␛[2Jb");
        assert_eq!(normalize_line("bell\u{7}"), "bell␇");
        assert_eq!(normalize_line("del\u{7f}"), "del␡");
        assert_eq!(normalize_line("csi\u{9b}"), "csi\\u{9b}");
        assert_eq!(normalize_line("lone\rreturn"), "lone␍return");
        assert_eq!(
            normalize_line("x\u{202e}y\u{2066}z"),
            "x\\u{202e}y\\u{2066}z"
        );
    }

    #[test]
    fn line_values_lose_their_line_breaks() {
        assert_eq!(
            normalize_line("two\nlines\r\n\r\nand more"),
            "two lines and more"
        );
    }

    #[test]
    fn wide_and_joined_characters_are_kept() {
        let text = "会谈 👩\u{200d}🔬 ❤\u{fe0f}";
        assert_eq!(normalize_text(text), text);
    }

    #[test]
    fn make_visible_keeps_columns_for_tabs() {
        assert_eq!(make_visible("a\tb\u{1b}"), "a b␛");
    }
}
