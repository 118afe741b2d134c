//! The handout as CommonMark (with a GitHub/GitLab pipe table for the
//! coverage). Every piece of file text is escaped, so that nothing in a
//! readout file can become markup, a link or HTML.

use super::{
    COVERAGE_LEGEND, Comparison, SourceDetail, fact_name, is_web_link, paragraphs, source_details,
};
use crate::document::Passage;
use crate::document::Side;

/// Characters that can open or close markup anywhere in a line: CommonMark's,
/// GFM's table pipe and strikethrough, and the forges' `$` math.
const SIGNIFICANT: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '&', '#', '|', '~', '$', '!',
];

/// Escapes text that stands inside a line. Besides markup characters, the
/// `:` of `://` and the `.` of `www.` are escaped, which stops the forges'
/// automatic links on bare addresses (they cannot be stopped on e-mail
/// addresses, which GFM links whatever the escapes).
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        let starts_link = match c {
            ':' => text[at..].starts_with("://"),
            '.' => at
                .checked_sub(3)
                .and_then(|start| text.get(start..at))
                .is_some_and(|before| before.eq_ignore_ascii_case("www")),
            _ => false,
        };
        if starts_link || SIGNIFICANT.contains(&c) {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// Escapes text that starts a line, where `-`, `+`, `=` or `1.` would
/// begin a list item or underline a heading.
pub fn escape_line_start(text: &str) -> String {
    let escaped = escape(text);
    if escaped.starts_with(['-', '+', '=']) {
        return format!("\\{escaped}");
    }
    let digits = escaped.len()
        - escaped
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    if digits > 0 && escaped[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &escaped[..digits], &escaped[digits..]);
    }
    escaped
}

/// A link destination: backslash escapes for the punctuation that could end
/// or alter it, percent escapes for what may not stand in it at all.
fn link_destination(url: &str) -> String {
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

/// Normalised text as Markdown paragraphs, a blank line between them.
fn block(text: &str) -> String {
    paragraphs(text)
        .map(escape_line_start)
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Normalised text inside a list item: later paragraphs are indented to
/// stay in the item.
fn list_item_text(text: &str) -> String {
    paragraphs(text)
        .map(escape_line_start)
        .collect::<Vec<_>>()
        .join("\n\n  ")
}

/// A passage: a quote as a block quote, a paraphrase as plain paragraphs.
fn passage(passage: &Passage) -> String {
    if !passage.quote {
        return block(&passage.text);
    }
    paragraphs(&passage.text)
        .map(|paragraph| format!("> {}", escape_line_start(paragraph)))
        .collect::<Vec<_>>()
        .join("\n>\n")
}

/// Renders the handout.
pub fn render(comparison: &Comparison<'_>) -> String {
    let document = comparison.document;
    let mut blocks = vec![format!("# {}", escape(&document.title))];
    if let Some(date) = document.date {
        blocks.push(format!("*{}*", escape(&date.long_form())));
    }
    if let Some(summary) = &document.summary {
        blocks.push(block(summary));
    }
    if !document.meta.is_empty() {
        blocks.push("## The event".to_string());
        let facts: Vec<String> = document
            .meta
            .iter()
            .map(|(key, value)| {
                format!(
                    "- **{}:** {}",
                    escape(&fact_name(key)),
                    escape(&value.to_string())
                )
            })
            .collect();
        blocks.push(facts.join("\n"));
    }
    sources(comparison, &mut blocks);
    for (index, topic) in document.topics.iter().enumerate() {
        blocks.push(format!("## {}. {}", index + 1, escape(&topic.label)));
        for (side, readout) in Side::BOTH.into_iter().zip(comparison.sides) {
            blocks.push(format!("### {}", escape(&readout.label)));
            let mut passages = comparison.passages_on(side, index).peekable();
            if passages.peek().is_none() {
                blocks.push(format!("*Not mentioned by {}.*", escape(&readout.label)));
            }
            blocks.extend(passages.map(passage));
        }
        if let Some(note) = &topic.note {
            blocks.push(format!("**Teaching note.** {}", block(note)));
        }
    }
    if comparison.has_untagged() {
        blocks.push("## Other passages".to_string());
        for (side, readout) in Side::BOTH.into_iter().zip(comparison.sides) {
            let mut passages = comparison.untagged(side).peekable();
            if passages.peek().is_some() {
                blocks.push(format!("### {}", escape(&readout.label)));
                blocks.extend(passages.map(passage));
            }
        }
    }
    coverage(comparison, &mut blocks);
    let mut markdown = blocks.join("\n\n");
    markdown.push('\n');
    markdown
}

fn sources(comparison: &Comparison<'_>, blocks: &mut Vec<String>) {
    blocks.push("## Sources".to_string());
    for readout in comparison.sides {
        blocks.push(format!("### {}", escape(&readout.label)));
        let details: Vec<String> = source_details(readout)
            .into_iter()
            .map(|detail| match detail {
                SourceDetail::Text { name, value } => {
                    format!("- {name}: {}", list_item_text(value))
                }
                SourceDetail::Url(url) if is_web_link(url) => {
                    format!("- Link: [{}]({})", escape(url), link_destination(url))
                }
                SourceDetail::Url(url) => format!("- Address: {}", escape(url)),
            })
            .collect();
        if !details.is_empty() {
            blocks.push(details.join("\n"));
        }
    }
}

fn coverage(comparison: &Comparison<'_>, blocks: &mut Vec<String>) {
    blocks.push("## Coverage".to_string());
    let [left, right] = comparison.sides.map(|readout| escape(&readout.label));
    let mut rows = vec![
        format!("| # | Topic | {left} | {right} |"),
        "| ---: | --- | --- | --- |".to_string(),
    ];
    for (index, topic) in comparison.document.topics.iter().enumerate() {
        rows.push(format!(
            "| {} | {} | {} | {} |",
            index + 1,
            escape(&topic.label),
            comparison.coverage_cell(Side::Left, index),
            comparison.coverage_cell(Side::Right, index)
        ));
    }
    blocks.push(rows.join("\n"));
    blocks.push(COVERAGE_LEGEND.to_string());
    let totals: Vec<String> = Side::BOTH
        .into_iter()
        .zip([left, right])
        .map(|(side, label)| format!("- **{label}:** {}", comparison.side_totals(side)))
        .collect();
    blocks.push(totals.join("\n"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            escape("<b>*x*</b> [a](b) `c` a_b #1 | ~~s~~ $x$ &amp; \\"),
            "\\<b\\>\\*x\\*\\</b\\> \\[a\\](b) \\`c\\` a\\_b \\#1 \\| \\~\\~s\\~\\~ \\$x\\$ \\&amp; \\\\"
        );
        assert_eq!(escape("plain text, 50 words."), "plain text, 50 words.");
        assert_eq!(
            escape("https://a.example, WWW.b.example at 22:35"),
            "https\\://a.example, WWW\\.b.example at 22:35"
        );
    }

    #[test]
    fn line_starts_cannot_open_lists_or_headings() {
        assert_eq!(escape_line_start("- item"), "\\- item");
        assert_eq!(escape_line_start("+ item"), "\\+ item");
        assert_eq!(escape_line_start("==="), "\\===");
        assert_eq!(escape_line_start("2021. A year"), "2021\\. A year");
        assert_eq!(escape_line_start("3) three"), "3\\) three");
        assert_eq!(escape_line_start("# head"), "\\# head");
        assert_eq!(escape_line_start("> quote"), "\\> quote");
        assert_eq!(escape_line_start("50 minutes."), "50 minutes.");
        assert_eq!(escape_line_start("a - b"), "a - b");
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

    #[test]
    fn quotes_keep_their_paragraphs_inside_the_quote() {
        let quoted = Passage {
            text: "First.\n- Second.".to_string(),
            topics: vec![],
            quote: true,
            note: None,
        };
        assert_eq!(passage(&quoted), "> First.\n>\n> \\- Second.");
        let plain = Passage {
            quote: false,
            ..quoted
        };
        assert_eq!(passage(&plain), "First.\n\n\\- Second.");
    }
}
