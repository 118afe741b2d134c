//! The handout as one self-contained HTML page: inline CSS, no scripts and
//! nothing fetched from elsewhere. Every piece of file text goes through
//! [`escape`], in text and in attributes alike.

use super::{
    COVERAGE_LEGEND, Comparison, MENTIONS, Mentioned, NO_SOURCE, NO_TOPIC, PUBLISHED_HEADING,
    SILENT, SourceDetail, fact_name, is_web_link, paragraphs, source_details,
};
use crate::document::Passage;
use crate::document::Side;

/// Escapes text for HTML content and for quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            _ => escaped.push(c),
        }
    }
    escaped
}

const STYLE: &str = include_str!("handout.css");

/// Which side a column shows; its class picks the side's colour.
const SIDE_CLASSES: [&str; 2] = ["side left", "side right"];

/// Normalised text as `<p>` elements.
fn block(text: &str) -> String {
    paragraphs(text)
        .map(|paragraph| format!("<p>{}</p>", escape(paragraph)))
        .collect()
}

/// Normalised text where a block cannot stand (a description list's
/// value): paragraphs as lines.
fn lines(text: &str) -> String {
    paragraphs(text)
        .map(escape)
        .collect::<Vec<_>>()
        .join("<br>")
}

/// A passage whose first paragraph begins with `lead` (its citation): a
/// quote as a block quote, a paraphrase as plain paragraphs.
fn passage(lead: &str, passage: &Passage) -> String {
    let paragraphs: String = paragraphs(&passage.text)
        .enumerate()
        .map(|(at, paragraph)| {
            let lead = if at == 0 { lead } else { "" };
            format!("<p>{lead}{}</p>", escape(paragraph))
        })
        .collect();
    if passage.quote {
        format!("<blockquote>{paragraphs}</blockquote>")
    } else {
        paragraphs
    }
}

/// The anchor of a side's passage in the accounts as published.
fn passage_anchor(side: Side, number: usize) -> String {
    format!("{}-{number}", ["left", "right"][side.index()])
}

/// A passage in a section by topic, led by a link to it as published.
fn cited(comparison: &Comparison<'_>, side: Side, number: usize, text: &Passage) -> String {
    let lead = format!(
        "<a class=\"cite\" href=\"#{}\">{}</a> ",
        passage_anchor(side, number),
        escape(&comparison.citation(side, number))
    );
    passage(&lead, text)
}

/// Both marks of a topic, each titled with what it says of its side.
fn marks(comparison: &Comparison<'_>, mentioned: Mentioned) -> String {
    let marks: String = Side::BOTH
        .into_iter()
        .zip(mentioned.marks())
        .map(|(side, mark)| {
            let (class, says) = if mark == MENTIONS {
                ("on", "mentions")
            } else {
                ("off", "silent")
            };
            format!(
                "<span class=\"{class}\" title=\"{}: {says}\">{mark}</span>",
                escape(&comparison.sides[side.index()].label)
            )
        })
        .collect();
    format!("<span class=\"marks\">{marks}</span>")
}

/// The `lang` attribute for a readout's language, when it looks like a
/// language tag (`en`, `ru`, `zh-Hans`); free text such as "English" is
/// shown in the sources but not claimed as a tag.
fn lang_attribute(language: Option<&str>) -> String {
    match language {
        Some(tag)
            if !tag.is_empty()
                && tag.len() <= 35
                && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') =>
        {
            format!(" lang=\"{}\"", escape(tag))
        }
        _ => String::new(),
    }
}

/// The anchor of the accounts as published.
const PUBLISHED_ANCHOR: &str = "as-published";

/// The anchor of a topic's section. Topic ids are lowercase ascii, digits
/// and hyphens, so they make valid fragment names as they are.
fn topic_anchor(id: &str) -> String {
    format!("topic-{}", escape(id))
}

/// Renders the handout.
pub fn render(comparison: &Comparison<'_>) -> String {
    let document = comparison.document;
    let title = escape(&document.title);
    let mut page = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<header>\n<h1>{title}</h1>\n"
    );
    if let Some(date) = document.date {
        page.push_str(&format!(
            "<p class=\"date\"><time datetime=\"{date}\">{}</time></p>\n",
            escape(&date.long_form())
        ));
    }
    if let Some(summary) = &document.summary {
        page.push_str(&format!(
            "<div class=\"summary\">{}</div>\n",
            block(summary)
        ));
    }
    page.push_str("</header>\n");
    if !document.meta.is_empty() {
        page.push_str("<section class=\"facts\">\n<h2>The event</h2>\n<dl>\n");
        for (key, value) in &document.meta {
            page.push_str(&format!(
                "<div><dt>{}</dt><dd>{}</dd></div>\n",
                escape(&fact_name(key)),
                escape(&value.to_string())
            ));
        }
        page.push_str("</dl>\n</section>\n");
    }
    page.push_str(&sources(comparison));
    page.push_str(&index(comparison));
    page.push_str("<main>\n");
    page.push_str(&as_published(comparison));
    let labels = comparison.sides.map(|readout| escape(&readout.label));
    for (number, topic) in document.topics.iter().enumerate() {
        let mentioned = comparison.mentioned(number);
        page.push_str(&format!(
            "<section class=\"topic\" id=\"{}\">\n<h2><span class=\"number\">{}</span> {}</h2>\n\
             <p class=\"mentioned\">{} Mentioned by {}.</p>\n<div class=\"pair\">\n",
            topic_anchor(&topic.id),
            number + 1,
            escape(&topic.label),
            marks(comparison, mentioned),
            mentioned.words(&labels)
        ));
        for side in Side::BOTH {
            let passages: String = comparison
                .passages_on(side, number)
                .map(|(at, text)| cited(comparison, side, at, text))
                .collect();
            let body = if passages.is_empty() {
                format!(
                    "<p class=\"silent\">Not mentioned by {}.</p>",
                    labels[side.index()]
                )
            } else {
                passages
            };
            page.push_str(&side_column(comparison, side, &body));
        }
        page.push_str("</div>\n");
        if let Some(note) = &topic.note {
            page.push_str(&format!(
                "<aside class=\"note\"><h3>Teaching note</h3>{}</aside>\n",
                block(note)
            ));
        }
        page.push_str("</section>\n");
    }
    if comparison.has_untagged() {
        page.push_str(
            "<section class=\"topic\" id=\"other-passages\">\n<h2>Other passages</h2>\n<div class=\"pair\">\n",
        );
        for side in Side::BOTH {
            let passages: String = comparison
                .untagged(side)
                .map(|(at, text)| cited(comparison, side, at, text))
                .collect();
            let body = if passages.is_empty() {
                "<p class=\"silent\">None.</p>".to_string()
            } else {
                passages
            };
            page.push_str(&side_column(comparison, side, &body));
        }
        page.push_str("</div>\n</section>\n");
    }
    page.push_str(&coverage(comparison));
    page.push_str("</main>\n</body>\n</html>\n");
    page
}

/// Both readouts in their own order, side by side: each passage with its
/// number (the sections by topic link here) and its topics, which link to
/// their sections.
fn as_published(comparison: &Comparison<'_>) -> String {
    let labels = comparison.sides.map(|readout| escape(&readout.label));
    let topics = &comparison.document.topics;
    let mut section = format!(
        "<section class=\"published\" id=\"{PUBLISHED_ANCHOR}\">\n<h2>{PUBLISHED_HEADING}</h2>\n\
         <p class=\"legend\">{}</p>\n<div class=\"pair\">\n",
        comparison.numbering_legend(&labels)
    );
    for side in Side::BOTH {
        let mut list = String::from("<ol class=\"passages\">\n");
        for (number, text) in comparison.passages(side) {
            let lead = format!(
                "<span class=\"cite\">{}</span> ",
                escape(&comparison.citation(side, number))
            );
            let tags: String = if text.topics.is_empty() {
                format!("<li class=\"none\">{NO_TOPIC}</li>")
            } else {
                text.topics
                    .iter()
                    .map(|&topic| {
                        format!(
                            "<li><a href=\"#{}\"><span class=\"number\">{}</span> {}</a></li>",
                            topic_anchor(&topics[topic].id),
                            topic + 1,
                            escape(&topics[topic].label)
                        )
                    })
                    .collect()
            };
            list.push_str(&format!(
                "<li id=\"{}\">{}<ul class=\"tags\">{tags}</ul></li>\n",
                passage_anchor(side, number),
                passage(&lead, text)
            ));
        }
        list.push_str("</ol>");
        section.push_str(&side_column(comparison, side, &list));
    }
    section.push_str("</div>\n</section>\n");
    section
}

/// One side's column in a two-column block, headed by its label.
fn side_column(comparison: &Comparison<'_>, side: Side, body: &str) -> String {
    let readout = comparison.sides[side.index()];
    format!(
        "<div class=\"{}\"{}>\n<h3>{}</h3>\n{body}\n</div>\n",
        SIDE_CLASSES[side.index()],
        lang_attribute(readout.language.as_deref()),
        escape(&readout.label)
    )
}

/// Where each readout comes from; none of it when neither says.
fn sources(comparison: &Comparison<'_>) -> String {
    if !comparison.has_sources() {
        return String::new();
    }
    let mut section =
        String::from("<section class=\"sources\">\n<h2>Sources</h2>\n<div class=\"pair\">\n");
    for (side, readout) in Side::BOTH.into_iter().zip(comparison.sides) {
        let details = source_details(readout);
        if details.is_empty() {
            section.push_str(&side_column(
                comparison,
                side,
                &format!("<p class=\"silent\">{NO_SOURCE}</p>"),
            ));
            continue;
        }
        let mut list = String::from("<dl>\n");
        for detail in details {
            let (name, value) = match detail {
                SourceDetail::Text { name, value } => (name, lines(value)),
                SourceDetail::Url(url) if is_web_link(url) => {
                    let url = escape(url);
                    ("Link", format!("<a href=\"{url}\">{url}</a>"))
                }
                SourceDetail::Url(url) => ("Address", escape(url)),
            };
            list.push_str(&format!("<div><dt>{name}</dt><dd>{value}</dd></div>\n"));
        }
        list.push_str("</dl>");
        section.push_str(&side_column(comparison, side, &list));
    }
    section.push_str("</div>\n</section>\n");
    section
}

/// The topic index: a link to each topic's section, with both sides'
/// marks and the same in words.
fn index(comparison: &Comparison<'_>) -> String {
    let labels = comparison.sides.map(|readout| escape(&readout.label));
    let [left, right] = &labels;
    let mut nav = format!(
        "<nav class=\"index\">\n<h2>Topics</h2>\n<p class=\"legend\">\
         <span class=\"marks\"><span class=\"on\">{MENTIONS}</span></span> mentions, \
         <span class=\"marks\"><span class=\"off\">{SILENT}</span></span> silent: \
         {left} first, then {right}.</p>\n<ol>\n"
    );
    for (number, topic) in comparison.document.topics.iter().enumerate() {
        let mentioned = comparison.mentioned(number);
        nav.push_str(&format!(
            "<li>{} <a href=\"#{}\">{}</a> <span class=\"mentioned\">— {}</span></li>\n",
            marks(comparison, mentioned),
            topic_anchor(&topic.id),
            escape(&topic.label),
            mentioned.words(&labels)
        ));
    }
    nav.push_str(&format!(
        "</ol>\n<p class=\"legend\"><a href=\"#{PUBLISHED_ANCHOR}\">{PUBLISHED_HEADING}</a> · "
    ));
    if comparison.has_untagged() {
        nav.push_str("<a href=\"#other-passages\">Other passages</a> · ");
    }
    nav.push_str("<a href=\"#coverage\">Coverage</a></p>\n</nav>\n");
    nav
}

fn coverage(comparison: &Comparison<'_>) -> String {
    let [left, right] = comparison.sides.map(|readout| escape(&readout.label));
    let mut section = format!(
        "<section class=\"coverage\" id=\"coverage\">\n<h2>Coverage</h2>\n<table>\n\
         <thead><tr><th scope=\"col\">#</th><th scope=\"col\">Topic</th>\
         <th scope=\"col\">{left}</th><th scope=\"col\">{right}</th></tr></thead>\n<tbody>\n"
    );
    for (number, topic) in comparison.document.topics.iter().enumerate() {
        section.push_str(&format!(
            "<tr><td class=\"number\">{}</td><th scope=\"row\"><a href=\"#{}\">{}</a></th><td>{}</td><td>{}</td></tr>\n",
            number + 1,
            topic_anchor(&topic.id),
            escape(&topic.label),
            comparison.coverage_cell(Side::Left, number),
            comparison.coverage_cell(Side::Right, number)
        ));
    }
    section.push_str(&format!(
        "</tbody>\n</table>\n<p class=\"legend\">{COVERAGE_LEGEND}</p>\n<ul class=\"totals\">\n"
    ));
    for (side, label) in Side::BOTH.into_iter().zip([left, right]) {
        section.push_str(&format!(
            "<li><strong>{label}:</strong> {}</li>\n",
            comparison.side_totals(side)
        ));
    }
    section.push_str("</ul>\n</section>\n");
    section
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_attribute_breakers() {
        assert_eq!(
            escape("<img src=x onerror='a(1)'> \"&amp;\""),
            "&lt;img src=x onerror=&#39;a(1)&#39;&gt; &quot;&amp;amp;&quot;"
        );
        assert_eq!(escape("Kremlin — 会谈"), "Kremlin — 会谈");
    }

    #[test]
    fn only_tag_like_languages_become_lang_attributes() {
        assert_eq!(lang_attribute(Some("en")), " lang=\"en\"");
        assert_eq!(lang_attribute(Some("zh-Hans")), " lang=\"zh-Hans\"");
        assert_eq!(lang_attribute(Some("English (translated)")), "");
        assert_eq!(lang_attribute(Some("\" onload=\"x")), "");
        assert_eq!(lang_attribute(None), "");
    }

    #[test]
    fn quotes_become_block_quotes_with_their_paragraphs() {
        let quoted = Passage {
            text: "One.\nTwo <b>.".to_string(),
            topics: vec![],
            quote: true,
            note: None,
        };
        assert_eq!(
            passage("K1 ", &quoted),
            "<blockquote><p>K1 One.</p><p>Two &lt;b&gt;.</p></blockquote>"
        );
    }
}
