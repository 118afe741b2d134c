//! Keeping file text plain in CommonMark: a backslash goes only before a
//! character that could start markup where it stands, so that real text
//! (`https://…`, `$5`, `snake_case`, `5 * 3`, `AT&T`) reads as it was
//! written, while `*emphasis*`, `[a](b)`, `<b>`, `# heading` or `1. item`
//! stay text. GFM's pipe tables and strikethrough count as markup too,
//! since the forges that draw the handout's table draw them.
//!
//! Text here has been normalised on loading: a single space between words,
//! no space at either end, no controls, and no line break inside a
//! paragraph.

/// Where a piece of text stands in the Markdown, which decides what in it
/// could become markup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    /// A whole paragraph starting its own line: its start could begin a
    /// block (a heading, a list, a quote, a fence).
    Paragraph,
    /// The rest of a line after the renderer's own markup and a space (a
    /// passage's citation, a list item's name): it cannot begin a block.
    Continuation,
    /// The text of an ATX heading, after the `#`s and a space.
    Heading,
    /// A cell of a pipe table.
    TableCell,
    /// Inside a line, next to the renderer's own markup: what stands at its
    /// ends is not known, so delimiters there are always escaped.
    Inline,
    /// The text of an inline link, inside its brackets.
    LinkText,
}

impl Position {
    /// Whether the text's ends meet a line end or a space, as a whole
    /// paragraph, the rest of a line, a heading and a table cell do.
    fn spaced(self) -> bool {
        !matches!(self, Position::Inline | Position::LinkText)
    }
}

/// What stands next to a character: a known character, or the end of the
/// text (a space or line end when the position is spaced, else unknown).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Neighbour {
    Char(char),
    Space,
    Unknown,
}

impl Neighbour {
    fn is_space(self) -> bool {
        matches!(self, Neighbour::Space | Neighbour::Char(' '))
    }

    fn is_alphanumeric(self) -> bool {
        matches!(self, Neighbour::Char(c) if c.is_alphanumeric())
    }
}

/// Escapes `text` for where it stands.
pub fn escape(text: &str, position: Position) -> String {
    let chars: Vec<char> = text.chars().collect();
    let edge = if position.spaced() {
        Neighbour::Space
    } else {
        Neighbour::Unknown
    };
    let neighbour = |at: Option<usize>| match at.and_then(|at| chars.get(at)) {
        Some(&c) => Neighbour::Char(c),
        None => edge,
    };
    let mut forced = Vec::with_capacity(2);
    if position == Position::Paragraph {
        forced.extend(block_start(&chars));
    }
    if position == Position::Heading {
        forced.extend(closing_sequence(&chars));
    }
    let mut escaped = String::with_capacity(text.len() + 8);
    let mut at = 0;
    while at < chars.len() {
        let c = chars[at];
        if matches!(c, '*' | '_' | '~') {
            let end = chars[at..]
                .iter()
                .position(|&other| other != c)
                .map_or(chars.len(), |length| at + length);
            let before = neighbour(at.checked_sub(1));
            let after = neighbour(Some(end));
            let escape_run =
                may_delimit(c, before, after) || forced.iter().any(|&f| (at..end).contains(&f));
            for _ in at..end {
                if escape_run {
                    escaped.push('\\');
                }
                escaped.push(c);
            }
            at = end;
            continue;
        }
        let after = neighbour(Some(at + 1));
        let significant = match c {
            // A backslash escapes only the ASCII punctuation after it.
            '\\' => match after {
                Neighbour::Char(next) => next.is_ascii_punctuation(),
                Neighbour::Space => false,
                Neighbour::Unknown => true,
            },
            '`' => true,
            // A tag, a comment, an autolink or an e-mail autolink all have
            // something other than a space right after the `<`.
            '<' => !after.is_space(),
            '&' => starts_entity(&chars[at + 1..]),
            // Only `](` ends the text of an inline link; without a link
            // reference definition, `[sic]` and `[a][b]` are text.
            ']' => position == Position::LinkText || after == Neighbour::Char('('),
            '[' => position == Position::LinkText,
            '|' => position == Position::TableCell,
            _ => false,
        };
        if significant || forced.contains(&at) {
            escaped.push('\\');
        }
        escaped.push(c);
        at += 1;
    }
    escaped
}

/// Whether a run of `*`, `_` or `~` could open or close emphasis (or GFM
/// strikethrough). A run with spaces on both sides is neither left- nor
/// right-flanking; any other run is one or the other. A `_` between two
/// letters or digits cannot open or close either.
fn may_delimit(c: char, before: Neighbour, after: Neighbour) -> bool {
    if before.is_space() && after.is_space() {
        return false;
    }
    !(c == '_' && before.is_alphanumeric() && after.is_alphanumeric())
}

/// Whether `&` followed by `rest` could be read as an entity or a numeric
/// character reference (`&amp;`, `&#60;`), rather than `AT&T`.
fn starts_entity(rest: &[char]) -> bool {
    if rest.first() == Some(&'#') {
        return true;
    }
    let name = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    name > 0 && rest.get(name) == Some(&';')
}

/// The character to escape so that a paragraph's first line cannot begin
/// another block: an ATX heading, a block quote, a bullet or ordered list
/// item, a thematic break, a code fence, or a link reference or footnote
/// definition. (A `<` that could begin HTML is escaped anywhere.)
fn block_start(chars: &[char]) -> Option<usize> {
    let first = *chars.first()?;
    let next = chars.get(1).copied();
    let ends_marker = |c: Option<char>| c.is_none_or(|c| c == ' ');
    match first {
        '#' => {
            let hashes = chars.iter().take_while(|&&c| c == '#').count();
            (hashes <= 6 && ends_marker(chars.get(hashes).copied())).then_some(0)
        }
        '>' => Some(0),
        // A definition's label ends in `]:`.
        '[' if chars.windows(2).any(|pair| pair == [']', ':']) => Some(0),
        '-' | '+' | '*' if ends_marker(next) => Some(0),
        '-' | '*' | '_' if is_thematic_break(chars) => Some(0),
        '~' if chars.iter().take_while(|&&c| c == '~').count() >= 3 => Some(0),
        '0'..='9' => {
            let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
            let marker = chars.get(digits).copied();
            (digits <= 9
                && matches!(marker, Some('.' | ')'))
                && ends_marker(chars.get(digits + 1).copied()))
            .then_some(digits)
        }
        _ => None,
    }
}

/// Three or more of one of `-`, `*`, `_`, with only spaces between.
fn is_thematic_break(chars: &[char]) -> bool {
    let first = chars[0];
    chars.iter().all(|&c| c == first || c == ' ')
        && chars.iter().filter(|&&c| c == first).count() >= 3
}

/// The `#` to escape when a heading's text ends in what would be read as
/// its optional closing sequence (a run of `#` after a space, or alone).
fn closing_sequence(chars: &[char]) -> Option<usize> {
    let hashes = chars.iter().rev().take_while(|&&c| c == '#').count();
    let start = chars.len() - hashes;
    (hashes > 0 && (start == 0 || chars[start - 1] == ' ')).then_some(start)
}

/// A link destination: backslash escapes for the punctuation that could end
/// or alter it, percent escapes for what may not stand in it at all.
pub fn link_destination(url: &str) -> String {
    let mut destination = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '\\' | '(' | ')' | '&' | '[' | ']' | '*' | '_' | '`' => {
                destination.push('\\');
                destination.push(c);
            }
            '<' | '>' | '"' | '\'' | '{' | '}' | '|' | '^' => {
                destination.push_str(&format!("%{:02X}", u32::from(c)));
            }
            c if c.is_ascii_graphic() => destination.push(c),
            other => {
                let mut bytes = [0; 4];
                for byte in other.encode_utf8(&mut bytes).bytes() {
                    destination.push_str(&format!("%{byte:02X}"));
                }
            }
        }
    }
    destination
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(text: &str) -> String {
        escape(text, Position::Paragraph)
    }

    #[test]
    fn real_text_is_left_alone() {
        for text in [
            "See https://www.kremlin.ru/events and www.whitehouse.gov.",
            "It cost $5, or $10 with tax: 50% off at 22:35.",
            "snake_case, 5 * 3 = 15, AT&T, a < b, 1 > 0, C:\\Users",
            "[sic] and [the President] said so! #1 priority - a dash + a plus",
            "-5 degrees, +1 vote, 2021 was a year, 3.5 per cent",
            "=== under nothing",
        ] {
            assert_eq!(paragraph(text), text);
        }
    }

    #[test]
    fn markup_in_a_line_is_escaped() {
        assert_eq!(paragraph("*x* and **y**"), "\\*x\\* and \\*\\*y\\*\\*");
        assert_eq!(
            paragraph("_it_ and __init__"),
            "\\_it\\_ and \\_\\_init\\_\\_"
        );
        assert_eq!(paragraph("~~gone~~"), "\\~\\~gone\\~\\~");
        assert_eq!(paragraph("`code`"), "\\`code\\`");
        assert_eq!(paragraph("see [a](b) ![c](d)"), "see [a\\](b) ![c\\](d)");
        assert_eq!(paragraph("<b> <!-- </i> <?x"), "\\<b> \\<!-- \\</i> \\<?x");
        assert_eq!(paragraph("&amp; &#60; &#x3C;"), "\\&amp; \\&#60; \\&#x3C;");
        assert_eq!(paragraph("a\\*b\\"), "a\\\\\\*b\\");
        assert_eq!(paragraph("a | b"), "a | b");
        assert_eq!(escape("a | b", Position::TableCell), "a \\| b");
    }

    #[test]
    fn line_starts_cannot_open_blocks() {
        assert_eq!(paragraph("- item"), "\\- item");
        assert_eq!(paragraph("+ item"), "\\+ item");
        assert_eq!(paragraph("* item"), "\\* item");
        assert_eq!(paragraph("-"), "\\-");
        assert_eq!(paragraph("---"), "\\---");
        assert_eq!(paragraph("_ _ _"), "\\_ _ _");
        assert_eq!(paragraph("2021. A year"), "2021\\. A year");
        assert_eq!(paragraph("3) three"), "3\\) three");
        assert_eq!(
            paragraph("1234567890. ten digits"),
            "1234567890. ten digits"
        );
        assert_eq!(paragraph("# head"), "\\# head");
        assert_eq!(paragraph("###### six"), "\\###### six");
        assert_eq!(paragraph("####### seven"), "####### seven");
        assert_eq!(paragraph("#hashtag"), "#hashtag");
        assert_eq!(paragraph("> quote"), "\\> quote");
        assert_eq!(
            paragraph("[a]: https://x.example"),
            "\\[a]: https://x.example"
        );
        assert_eq!(paragraph("~~~ fence"), "\\~\\~\\~ fence");
        assert_eq!(escape("- item", Position::Inline), "- item");
        assert_eq!(escape("# item", Position::Continuation), "# item");
    }

    #[test]
    fn ends_next_to_markup_are_escaped() {
        assert_eq!(paragraph("a*"), "a\\*");
        assert_eq!(paragraph("5 *"), "5 *");
        assert_eq!(escape("5 *", Position::Inline), "5 \\*");
        assert_eq!(escape("x\\", Position::Inline), "x\\\\");
        assert_eq!(paragraph("x\\"), "x\\");
    }

    #[test]
    fn a_heading_keeps_its_trailing_hashes() {
        assert_eq!(escape("Topic #", Position::Heading), "Topic \\#");
        assert_eq!(escape("##", Position::Heading), "\\##");
        assert_eq!(escape("C#", Position::Heading), "C#");
    }

    #[test]
    fn link_text_escapes_every_bracket() {
        assert_eq!(
            escape("https://a.example/[x]", Position::LinkText),
            "https://a.example/\\[x\\]"
        );
    }

    #[test]
    fn link_destinations_cannot_break_out() {
        assert_eq!(
            link_destination("https://a.example/x?q=1&r=(2)"),
            "https://a.example/x?q=1\\&r=\\(2\\)"
        );
        assert_eq!(
            link_destination("https://a.example/\"><script> é"),
            "https://a.example/%22%3E%3Cscript%3E%20%C3%A9"
        );
    }

    /// What a CommonMark reader (with GFM tables and strikethrough) makes
    /// of some Markdown: its events, with adjacent text merged.
    fn read(markdown: &str) -> Vec<String> {
        use pulldown_cmark::{Event, Options, Parser};
        let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
        let mut events: Vec<String> = Vec::new();
        let mut text_open = false;
        for event in Parser::new_ext(markdown, options) {
            match event {
                Event::Text(text) if text_open => {
                    events.last_mut().expect("open text").push_str(&text);
                }
                Event::Text(text) => {
                    events.push(format!("text {text}"));
                    text_open = true;
                }
                other => {
                    events.push(format!("{other:?}"));
                    text_open = false;
                }
            }
        }
        events
    }

    /// Markdown around the text in each position, `{}` standing for it.
    const SETTINGS: &[(Position, &str)] = &[
        (Position::Paragraph, "{}"),
        (Position::Paragraph, "> {}"),
        (Position::Paragraph, "- a\n\n  {}"),
        (Position::Continuation, "**K1** {}"),
        (Position::Continuation, "> **K1** *(a)* {}"),
        (Position::Continuation, "- **a:** {}"),
        (Position::Heading, "## {}"),
        (Position::Heading, "### 1. {}"),
        (Position::TableCell, "| a | b |\n| --- | --- |\n| {} | c |"),
        (Position::Inline, "**{}**"),
        (Position::Inline, "*{}.*"),
        (Position::Inline, "- **{}:** value"),
        (Position::Inline, "a{}b"),
        (Position::Inline, "(*{}*)"),
        (Position::LinkText, "- Link: [{}](https://a.example)"),
    ];

    /// Checks that the text, escaped and set in each position, reads back
    /// as exactly itself: the same events as a plain word there, with the
    /// word's text replaced by the text.
    fn reads_back(text: &str) -> Result<(), String> {
        const WORD: &str = "word";
        for &(position, setting) in SETTINGS {
            let expected: Vec<String> = read(&setting.replace("{}", WORD))
                .into_iter()
                .map(|event| event.replace(WORD, text))
                .collect();
            let markdown = setting.replace("{}", &escape(text, position));
            let found = read(&markdown);
            if found != expected {
                return Err(format!(
                    "{position:?} {markdown:?}\nfound    {found:?}\nexpected {expected:?}"
                ));
            }
        }
        Ok(())
    }

    #[test]
    fn hostile_and_real_text_reads_back_in_every_position() {
        for text in [
            "See https://www.kremlin.ru/events, $5 and snake_case.",
            "*star* **bold** _it_ __init__ ~~gone~~ ~one~ `code` ``two``",
            "# A heading? ## Topic # 1. an item - a dash + a plus > quoted",
            "[Click](javascript:alert(1)) ![pixel](p.png) [sic] [a][b] [^1]",
            "<script>alert(1)</script> <https://auto.example> <a@b.example> a < b",
            "&amp; &#60; &copy; AT&T a | b | c \\ back\\slash C:\\x \\*",
            "5 * 3 _ 2 ~ 1 ***",
            "1. one",
            "2021) year",
            "---",
            "* * *",
            "- [ ] task",
            "[a]: https://x.example",
            "[^a]: note",
            "~~~ fence",
            "``` fence",
            "<div>",
            "Topic #",
            "#",
            "=",
            "<",
            "\\",
        ] {
            reads_back(text).unwrap_or_else(|error| panic!("{error}"));
        }
    }

    proptest::proptest! {
        #[test]
        fn any_line_reads_back_in_every_position(
            raw in "[a-z0-9 *_~`#>+=.)(\\[\\]!<&;:/|\\\\$@%^{}'\"?,-é会🌞]{1,16}"
        ) {
            let text = crate::document::normalize::normalize_line(&raw);
            proptest::prop_assume!(!text.is_empty());
            if let Err(error) = reads_back(&text) {
                return Err(proptest::test_runner::TestCaseError::fail(error));
            }
        }
    }
}
