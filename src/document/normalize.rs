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
    collapse(raw, true)
}

/// Normalises a one-line value (titles, labels, ids shown to the user):
/// every line break becomes a space.
pub fn normalize_line(raw: &str) -> String {
    collapse(raw, false)
}

/// Whether an ASCII byte is copied as it is: printable and not a space.
fn is_plain(byte: u8) -> bool {
    matches!(byte, b'!'..=b'~')
}

/// One pass over `raw`: words (runs of characters that are neither blank
/// nor a line end, with controls made visible) joined by one space, or by
/// [`PARAGRAPH_BREAK`] when `paragraphs` is set and a blank line (two line
/// ends with only blanks between) separates them. CRLF is one line end.
///
/// Loading runs this over every passage, so runs of plain ASCII are copied
/// a slice at a time.
fn collapse(raw: &str, paragraphs: bool) -> String {
    let bytes = raw.as_bytes();
    let mut words = Words {
        out: String::with_capacity(raw.len()),
        paragraphs,
        in_word: false,
        line_ends: 0,
    };
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == b' ' {
            words.in_word = false;
            at += 1;
            continue;
        }
        if is_plain(bytes[at]) {
            let run_end = bytes[at..]
                .iter()
                .position(|&b| !is_plain(b))
                .map_or(bytes.len(), |length| at + length);
            words.push_str(&raw[at..run_end]);
            at = run_end;
            continue;
        }
        let Some(c) = raw[at..].chars().next() else {
            break;
        };
        at += c.len_utf8();
        if c == '\r' && bytes.get(at) == Some(&b'\n') {
            at += 1;
            words.line_end();
        } else if is_line_end(c) {
            words.line_end();
        } else if is_blank_space(c) {
            words.in_word = false;
        } else {
            match visible_stand_in(c) {
                Some(stand_in) => words.push_str(&stand_in),
                None => words.push(c),
            }
        }
    }
    words.out
}

/// The output of [`collapse`] and where it stands.
struct Words {
    out: String,
    paragraphs: bool,
    /// Whether the last character seen belongs to a word.
    in_word: bool,
    /// Line ends seen since the last word ended.
    line_ends: usize,
}

impl Words {
    fn line_end(&mut self) {
        self.line_ends += 1;
        self.in_word = false;
    }

    /// Starts a word, after the separator it needs, unless one is open.
    fn open_word(&mut self) {
        if self.in_word {
            return;
        }
        // Every word leaves text behind, so text means a word before.
        if !self.out.is_empty() {
            let separator = if self.paragraphs && self.line_ends >= 2 {
                PARAGRAPH_BREAK
            } else {
                ' '
            };
            self.out.push(separator);
        }
        self.in_word = true;
        self.line_ends = 0;
    }

    fn push_str(&mut self, text: &str) {
        self.open_word();
        self.out.push_str(text);
    }

    fn push(&mut self, c: char) {
        self.open_word();
        self.out.push(c);
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
    fn line_ends_of_every_kind_count_once() {
        assert_eq!(normalize_text("a\r\n\r\nb"), "a\nb");
        assert_eq!(normalize_text("a\r\r\nb"), "a␍ b");
        assert_eq!(normalize_text("a\u{2029}\u{2029}b\u{2029}c"), "a\nb c");
        assert_eq!(normalize_text("a\u{2028}\u{2028}b"), "a b");
        assert_eq!(normalize_text("a\n \t\u{3000}\n\n\nb"), "a\nb");
        assert_eq!(normalize_text("a\u{85}b\x0bc"), "a\\u{85}b␋c");
        assert_eq!(normalize_line("a\r\n\r\nb\u{2029}c"), "a b c");
    }

    /// The rules as first written, a line at a time: the single pass that
    /// loading uses must give the same text for any input.
    fn by_lines(raw: &str, paragraphs: bool) -> String {
        let unified = raw.replace("\r\n", "\n");
        let mut done: Vec<String> = Vec::new();
        let mut current: Vec<String> = Vec::new();
        for line in unified.split(is_line_end) {
            let words = line.split(is_blank_space).filter(|w| !w.is_empty());
            let words: Vec<String> = words.map(make_visible).collect();
            if words.is_empty() && paragraphs && !current.is_empty() {
                done.push(std::mem::take(&mut current).join(" "));
            }
            current.extend(words);
        }
        if !current.is_empty() {
            done.push(current.join(" "));
        }
        done.join("\n")
    }

    proptest::proptest! {
        #[test]
        fn the_single_pass_follows_the_rules_line_by_line(
            raw in proptest::string::string_regex(
                "([a-z!~]|[ \t\r\n]|\u{2028}|\u{2029}|\u{3000}|\u{85}|\u{1b}|\u{7f}|\u{202e}|é|会){0,40}"
            ).expect("a valid pattern")
        ) {
            proptest::prop_assert_eq!(normalize_text(&raw), by_lines(&raw, true));
            proptest::prop_assert_eq!(normalize_line(&raw), by_lines(&raw, false));
        }
    }

    #[test]
    fn make_visible_keeps_columns_for_tabs() {
        assert_eq!(make_visible("a\tb\u{1b}"), "a b␛");
    }
}
