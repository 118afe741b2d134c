//! The handout as CommonMark (with a GitHub/GitLab pipe table for the
//! coverage). Every piece of file text is escaped for where it stands
//! ([`commonmark`]), so that nothing in a readout file can become markup, a
//! link or HTML, and real text keeps its look.

use super::commonmark::{self, Position, link_destination};
use super::{
    COVERAGE_LEGEND, Comparison, NO_FACT, NO_SOURCE, NO_TOPIC, PUBLISHED_HEADING, SourceDetail,
    fact_name, found_line, is_web_link, paragraphs, source_details,
};
use crate::document::Passage;

/// File text inside a line, next to the renderer's own markup.
fn escape(text: &str) -> String {
    commonmark::escape(text, Position::Inline)
}

/// An ATX heading of file text.
fn heading(level: usize, text: &str) -> String {
    format!(
        "{} {}",
        "#".repeat(level),
        commonmark::escape(text, Position::Heading)
    )
}

/// Normalised text after the renderer's own lead on a line (`**K1** `,
/// `- Note: `): the first paragraph goes on, later ones stand alone,
/// joined by `separator`.
fn after_lead(text: &str, separator: &str) -> String {
    paragraphs(text)
        .enumerate()
        .map(|(at, paragraph)| {
            let position = if at == 0 {
                Position::Continuation
            } else {
                Position::Paragraph
            };
            commonmark::escape(paragraph, position)
        })
        .collect::<Vec<_>>()
        .join(separator)
}

/// Normalised text as Markdown paragraphs, a blank line between them.
fn block(text: &str) -> String {
    paragraphs(text)
        .map(|paragraph| commonmark::escape(paragraph, Position::Paragraph))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A passage led by `lead` (its citation, in bold): a quote as a block
/// quote, a paraphrase as plain paragraphs; its note, if it has one, a
/// paragraph of its own under it.
fn passage(lead: &str, passage: &Passage) -> String {
    let text = if passage.quote {
        format!("> {lead} {}", after_lead(&passage.text, "\n>\n> "))
    } else {
        format!("{lead} {}", after_lead(&passage.text, "\n\n"))
    };
    match &passage.note {
        Some(note) => format!("{text}\n\n*Note:* {}", after_lead(note, "\n\n")),
        None => text,
    }
}

/// A passage cited by its number, as the sections by topic show it.
fn cited(comparison: &Comparison<'_>, column: usize, number: usize, text: &Passage) -> String {
    passage(
        &format!("**{}**", comparison.citation(column, number)),
        text,
    )
}

/// Renders the handout.
pub fn render(comparison: &Comparison<'_>) -> String {
    let document = comparison.document;
    let labels: Vec<String> = comparison
        .readouts
        .iter()
        .map(|readout| escape(&readout.label))
        .collect();
    let mut blocks = vec![heading(1, &document.title)];
    if let Some(date) = document.date {
        blocks.push(format!("*{}*", date.long_form()));
    }
    if let Some(summary) = &document.summary {
        blocks.push(block(summary));
    }
    let stated = comparison.facts_table();
    if !document.meta.is_empty() || !stated.is_empty() {
        blocks.push("## The event".to_string());
    }
    if !document.meta.is_empty() {
        let facts: Vec<String> = document
            .meta
            .iter()
            .map(|(key, value)| {
                format!(
                    "- **{}:** {}",
                    escape(&fact_name(key)),
                    commonmark::escape(&value.to_string(), Position::Continuation)
                )
            })
            .collect();
        blocks.push(facts.join("\n"));
    }
    if !stated.is_empty() {
        blocks.push("### What each account states".to_string());
        let cell = |text: &str| commonmark::escape(text, Position::TableCell);
        let mut header = String::from("| Fact |");
        let mut rule = String::from("| --- |");
        for readout in &comparison.readouts {
            header.push_str(&format!(" {} |", cell(&readout.label)));
            rule.push_str(" --- |");
        }
        let mut rows = vec![header, rule];
        for row in stated {
            let values: String = row
                .values
                .iter()
                .map(|value| match value {
                    Some(value) => format!(" {} |", cell(&value.to_string())),
                    None => format!(" {NO_FACT} |"),
                })
                .collect();
            rows.push(format!("| {} |{values}", cell(&fact_name(row.key))));
        }
        blocks.push(rows.join("\n"));
    }
    sources(comparison, &mut blocks);
    as_published(comparison, &labels, &mut blocks);
    for (index, topic) in document.topics.iter().enumerate() {
        blocks.push(heading(2, &format!("{}. {}", index + 1, topic.label)));
        let mentioned = comparison.mentioned(index);
        blocks.push(format!(
            "{} Mentioned by {}.",
            mentioned.marks().concat(),
            mentioned.words(&labels)
        ));
        for (column, readout) in comparison.readouts.iter().enumerate() {
            blocks.push(heading(3, &readout.label));
            let mut passages = comparison.passages_on(column, index).peekable();
            if passages.peek().is_none() {
                blocks.push(format!("*Not mentioned by {}.*", labels[column]));
            }
            blocks.extend(passages.map(|(number, text)| cited(comparison, column, number, text)));
        }
        if let Some(note) = &topic.note {
            blocks.push(format!("**Teaching note.** {}", after_lead(note, "\n\n")));
        }
    }
    if comparison.has_untagged() {
        blocks.push("## Other passages".to_string());
        for (column, readout) in comparison.readouts.iter().enumerate() {
            let mut passages = comparison.untagged(column).peekable();
            if passages.peek().is_some() {
                blocks.push(heading(3, &readout.label));
                blocks
                    .extend(passages.map(|(number, text)| cited(comparison, column, number, text)));
            }
        }
    }
    coverage(comparison, &labels, &mut blocks);
    let mut markdown = blocks.join("\n\n");
    markdown.push('\n');
    markdown
}

/// Where each readout comes from; none of it when neither says.
fn sources(comparison: &Comparison<'_>, blocks: &mut Vec<String>) {
    if !comparison.has_sources() {
        return;
    }
    blocks.push("## Sources".to_string());
    for readout in &comparison.readouts {
        blocks.push(heading(3, &readout.label));
        let details: Vec<String> = source_details(readout)
            .into_iter()
            .map(|detail| match detail {
                SourceDetail::Text { name, value } => {
                    // Later paragraphs are indented to stay in the item.
                    format!("- {name}: {}", after_lead(value, "\n\n  "))
                }
                SourceDetail::Url(url) if is_web_link(url) => format!(
                    "- Link: [{}]({})",
                    commonmark::escape(url, Position::LinkText),
                    link_destination(url)
                ),
                SourceDetail::Url(url) => format!(
                    "- Address: {}",
                    commonmark::escape(url, Position::Continuation)
                ),
            })
            .collect();
        if details.is_empty() {
            blocks.push(format!("*{NO_SOURCE}*"));
        } else {
            blocks.push(details.join("\n"));
        }
    }
}

/// Every readout in its own order, one after the other, each passage led
/// by its number and its topics.
fn as_published(comparison: &Comparison<'_>, labels: &[String], blocks: &mut Vec<String>) {
    blocks.push(format!("## {PUBLISHED_HEADING}"));
    blocks.push(comparison.numbering_legend(labels));
    let topics = &comparison.document.topics;
    for (column, readout) in comparison.readouts.iter().enumerate() {
        blocks.push(heading(3, &readout.label));
        for (number, text) in comparison.passages(column) {
            let tags: Vec<String> = text
                .topics
                .iter()
                .map(|&topic| format!("{}. {}", topic + 1, escape(&topics[topic].label)))
                .collect();
            let tags = if tags.is_empty() {
                NO_TOPIC.to_string()
            } else {
                tags.join("; ")
            };
            let lead = format!("**{}** *({tags})*", comparison.citation(column, number));
            blocks.push(passage(&lead, text));
        }
    }
}

/// The coverage table, its legend, each readout's totals and what each
/// lens finds in each readout.
fn coverage(comparison: &Comparison<'_>, labels: &[String], blocks: &mut Vec<String>) {
    blocks.push("## Coverage".to_string());
    let cell = |text: &str| commonmark::escape(text, Position::TableCell);
    let mut header = String::from("| # | Topic |");
    let mut rule = String::from("| ---: | --- |");
    for readout in &comparison.readouts {
        header.push_str(&format!(" {} |", cell(&readout.label)));
        rule.push_str(" --- |");
    }
    let mut rows = vec![header, rule];
    for (index, topic) in comparison.document.topics.iter().enumerate() {
        let cells: String = comparison
            .columns()
            .map(|column| format!(" {} |", comparison.coverage_cell(column, index)))
            .collect();
        rows.push(format!("| {} | {} |{cells}", index + 1, cell(&topic.label)));
    }
    blocks.push(rows.join("\n"));
    blocks.push(COVERAGE_LEGEND.to_string());
    let totals: Vec<String> = labels
        .iter()
        .enumerate()
        .map(|(column, label)| format!("- **{label}:** {}", comparison.side_totals(column)))
        .collect();
    blocks.push(totals.join("\n"));
    for findings in comparison.findings() {
        blocks.push(format!("### {}", findings.heading()));
        let lines: Vec<String> = labels
            .iter()
            .zip(&findings.found)
            .map(|(label, found)| format!("- **{label}:** {}", escape(&found_line(found))))
            .collect();
        blocks.push(lines.join("\n"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_keep_their_paragraphs_and_lead_inside_the_quote() {
        let quoted = Passage {
            text: "First.\n- Second.".to_string(),
            topics: vec![],
            quote: true,
            note: None,
        };
        assert_eq!(
            passage("**K1**", &quoted),
            "> **K1** First.\n>\n> \\- Second."
        );
        let plain = Passage {
            quote: false,
            ..quoted
        };
        assert_eq!(passage("**K1**", &plain), "**K1** First.\n\n\\- Second.");
    }
}
