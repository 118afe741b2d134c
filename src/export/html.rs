//! The handout as one self-contained HTML page: inline CSS, no scripts and
//! nothing fetched from elsewhere. Every piece of file text goes through
//! [`escape`], in text and in attributes alike. Each readout compared is a
//! column; the sections by topic mark the wording lens and the tone words.

use std::ops::Range;

use super::{
    COVERAGE_LEGEND, Comparison, MENTIONS, Mentioned, NO_FACT, NO_SOURCE, NO_TOPIC,
    PUBLISHED_HEADING, SILENT, SourceDetail, fact_name, found_line, is_web_link, paragraphs,
    source_details,
};
use crate::document::Passage;
use crate::document::normalize::PARAGRAPH_BREAK;
use crate::lens::wording::{Mark, MarkKind};

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

/// The class of a column, which picks its colour: the first is `left`, the
/// last `right`, any between `middle`.
fn column_class(column: usize, count: usize) -> &'static str {
    if column == 0 {
        "left"
    } else if column + 1 == count {
        "right"
    } else {
        "middle"
    }
}

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

/// What a section by topic marks in a passage's text: the wording lens's
/// words and the tone words, as byte ranges of the text.
#[derive(Clone, Copy, Default)]
struct Marks<'m> {
    wording: &'m [Mark],
    tone: &'m [Range<usize>],
}

/// `text[span]` escaped, its marked words in elements that read without
/// colour: a word the other side uses too underlined (`<u>`), a word only
/// this side uses bold (`<strong>`), a tone word in a box around them.
fn marked(text: &str, span: Range<usize>, marks: Marks<'_>) -> String {
    let inside = |at: usize| span.start < at && at < span.end;
    let mut cuts = vec![span.start, span.end];
    for range in marks
        .wording
        .iter()
        .map(|mark| &mark.range)
        .chain(marks.tone)
    {
        cuts.extend(
            [range.start, range.end]
                .into_iter()
                .filter(|&at| inside(at)),
        );
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut html = String::with_capacity(span.len() + 32);
    let mut open_tone: Option<usize> = None;
    for piece in cuts.windows(2) {
        let (from, to) = (piece[0], piece[1]);
        let covers = |range: &Range<usize>| range.start <= from && to <= range.end;
        let tone = marks.tone.iter().position(covers);
        if tone != open_tone {
            if open_tone.is_some() {
                html.push_str("</span>");
            }
            if tone.is_some() {
                html.push_str("<span class=\"tone\">");
            }
            open_tone = tone;
        }
        let words = escape(text.get(from..to).unwrap_or_default());
        match marks
            .wording
            .iter()
            .find(|mark| covers(&mark.range))
            .map(|mark| mark.kind)
        {
            Some(MarkKind::Shared) => html.push_str(&format!("<u class=\"shared\">{words}</u>")),
            Some(MarkKind::Own) => {
                html.push_str(&format!("<strong class=\"own\">{words}</strong>"));
            }
            None => html.push_str(&words),
        }
    }
    if open_tone.is_some() {
        html.push_str("</span>");
    }
    html
}

/// A passage whose first paragraph begins with `lead` (its citation): a
/// quote as a block quote, a paraphrase as plain paragraphs; its note, if
/// it has one, under it.
fn passage(lead: &str, passage: &Passage, marks: Marks<'_>) -> String {
    let mut start = 0;
    let paragraphs: String = paragraphs(&passage.text)
        .enumerate()
        .map(|(at, paragraph)| {
            let lead = if at == 0 { lead } else { "" };
            let span = start..start + paragraph.len();
            start = span.end + PARAGRAPH_BREAK.len_utf8();
            format!("<p>{lead}{}</p>", marked(&passage.text, span, marks))
        })
        .collect();
    let text = if passage.quote {
        format!("<blockquote>{paragraphs}</blockquote>")
    } else {
        paragraphs
    };
    match &passage.note {
        Some(note) => format!(
            "{text}<p class=\"passage-note\"><span class=\"note-label\">Note:</span> {}</p>",
            lines(note)
        ),
        None => text,
    }
}

/// The anchor of a column's passage in the accounts as published: `left-3`
/// and `right-3` for a pair, `column-2-3` for more.
fn passage_anchor(comparison: &Comparison<'_>, column: usize, number: usize) -> String {
    match comparison.readouts.len() {
        2 => format!("{}-{number}", column_class(column, 2)),
        _ => format!("column-{}-{number}", column + 1),
    }
}

/// A passage in a section by topic, led by a link to it as published.
fn cited(
    comparison: &Comparison<'_>,
    column: usize,
    number: usize,
    text: &Passage,
    marks: Marks<'_>,
) -> String {
    let lead = format!(
        "<a class=\"cite\" href=\"#{}\">{}</a> ",
        passage_anchor(comparison, column, number),
        escape(&comparison.citation(column, number))
    );
    passage(&lead, text, marks)
}

/// Every column's mark of a topic, each titled with what it says of its
/// column.
fn marks(comparison: &Comparison<'_>, mentioned: &Mentioned) -> String {
    let marks: String = comparison
        .readouts
        .iter()
        .zip(mentioned.marks())
        .map(|(readout, mark)| {
            let (class, says) = if mark == MENTIONS {
                ("on", "mentions")
            } else {
                ("off", "silent")
            };
            format!(
                "<span class=\"{class}\" title=\"{}: {says}\">{mark}</span>",
                escape(&readout.label)
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
    page.push_str(&facts(comparison));
    page.push_str(&sources(comparison));
    page.push_str(&index(comparison));
    page.push_str("<main>\n");
    page.push_str(&as_published(comparison));
    page.push_str(&lens_key(comparison));
    let labels = labels(comparison);
    let tone = comparison.tone_marks();
    for (number, topic) in document.topics.iter().enumerate() {
        let mentioned = comparison.mentioned(number);
        page.push_str(&format!(
            "<section class=\"topic\" id=\"{}\">\n<h2><span class=\"number\">{}</span> {}</h2>\n\
             <p class=\"mentioned\">{} Mentioned by {}.</p>\n{}",
            topic_anchor(&topic.id),
            number + 1,
            escape(&topic.label),
            marks(comparison, &mentioned),
            mentioned.words(&labels),
            columns_start(comparison)
        ));
        // On a topic only one account mentions, every word would be its
        // own: the wording lens marks only where there is another to compare.
        let compared = mentioned.by.iter().filter(|&&mentions| mentions).count() > 1;
        let wording = if compared {
            comparison.wording(number)
        } else {
            vec![Vec::new(); comparison.readouts.len()]
        };
        for (column, marked) in comparison.columns().zip(&wording) {
            let passages: String = comparison
                .passages_on(column, number)
                .enumerate()
                .map(|(on_topic, (at, text))| {
                    let marks = Marks {
                        wording: marked
                            .get(on_topic)
                            .map_or(&[][..], |passage| &passage.marks),
                        tone: &tone[column][at - 1],
                    };
                    cited(comparison, column, at, text, marks)
                })
                .collect();
            let body = if passages.is_empty() {
                format!(
                    "<p class=\"silent\">Not mentioned by {}.</p>",
                    labels[column]
                )
            } else {
                passages
            };
            page.push_str(&column_block(comparison, column, &body));
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
        page.push_str(&format!(
            "<section class=\"topic\" id=\"other-passages\">\n<h2>Other passages</h2>\n{}",
            columns_start(comparison)
        ));
        for column in comparison.columns() {
            let passages: String = comparison
                .untagged(column)
                .map(|(at, text)| cited(comparison, column, at, text, Marks::default()))
                .collect();
            let body = if passages.is_empty() {
                "<p class=\"silent\">None.</p>".to_string()
            } else {
                passages
            };
            page.push_str(&column_block(comparison, column, &body));
        }
        page.push_str("</div>\n</section>\n");
    }
    page.push_str(&coverage(comparison));
    page.push_str("</main>\n</body>\n</html>\n");
    page
}

/// The columns' labels, escaped.
fn labels(comparison: &Comparison<'_>) -> Vec<String> {
    comparison
        .readouts
        .iter()
        .map(|readout| escape(&readout.label))
        .collect()
}

/// The start of a block with a column per readout; `</div>` ends it.
fn columns_start(comparison: &Comparison<'_>) -> String {
    match comparison.readouts.len() {
        2 => "<div class=\"pair\">\n".to_string(),
        _ => "<div class=\"pair many\">\n".to_string(),
    }
}

/// The event's facts (`[meta]`), then what each readout states of it, a
/// row per fact and a column per readout; none of it when the file gives
/// neither.
fn facts(comparison: &Comparison<'_>) -> String {
    let document = comparison.document;
    let stated = comparison.facts_table();
    if document.meta.is_empty() && stated.is_empty() {
        return String::new();
    }
    let mut section = String::from("<section class=\"facts\">\n<h2>The event</h2>\n");
    if !document.meta.is_empty() {
        section.push_str("<dl>\n");
        for (key, value) in &document.meta {
            section.push_str(&format!(
                "<div><dt>{}</dt><dd>{}</dd></div>\n",
                escape(&fact_name(key)),
                escape(&value.to_string())
            ));
        }
        section.push_str("</dl>\n");
    }
    if !stated.is_empty() {
        section.push_str(
            "<h3>What each account states</h3>\n<table class=\"stated\">\n<thead><tr><th scope=\"col\">Fact</th>",
        );
        for label in labels(comparison) {
            section.push_str(&format!("<th scope=\"col\">{label}</th>"));
        }
        section.push_str("</tr></thead>\n<tbody>\n");
        for row in stated {
            section.push_str(&format!(
                "<tr><th scope=\"row\">{}</th>",
                escape(&fact_name(row.key))
            ));
            for value in row.values {
                match value {
                    Some(value) => {
                        section.push_str(&format!("<td>{}</td>", escape(&value.to_string())));
                    }
                    None => section.push_str(&format!(
                        "<td class=\"silent\" title=\"states nothing\">{NO_FACT}</td>"
                    )),
                }
            }
            section.push_str("</tr>\n");
        }
        section.push_str("</tbody>\n</table>\n");
    }
    section.push_str("</section>\n");
    section
}

/// What the marks of the sections by topic mean, once before them.
fn lens_key(comparison: &Comparison<'_>) -> String {
    let other = if comparison.readouts.len() == 2 {
        "the other account"
    } else {
        "another account"
    };
    format!(
        "<p class=\"legend lens-key\">In the sections by topic, <u class=\"shared\">underlined</u> \
         words are used on the topic by {other} too, <strong class=\"own\">bold</strong> words by this account \
         only (words compared by their stems, common words such as “the” left out, and only on \
         topics more than one account mentions); \
         <span class=\"tone\">boxed</span> words are tone words, which characterise the talks.</p>\n"
    )
}

/// Every readout in its own order, side by side: each passage with its
/// number (the sections by topic link here), its note and its topics,
/// which link to their sections.
fn as_published(comparison: &Comparison<'_>) -> String {
    let labels = labels(comparison);
    let topics = &comparison.document.topics;
    let mut section = format!(
        "<section class=\"published\" id=\"{PUBLISHED_ANCHOR}\">\n<h2>{PUBLISHED_HEADING}</h2>\n\
         <p class=\"legend\">{}</p>\n{}",
        comparison.numbering_legend(&labels),
        columns_start(comparison)
    );
    for column in comparison.columns() {
        let mut list = String::from("<ol class=\"passages\">\n");
        for (number, text) in comparison.passages(column) {
            let lead = format!(
                "<span class=\"cite\">{}</span> ",
                escape(&comparison.citation(column, number))
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
                passage_anchor(comparison, column, number),
                passage(&lead, text, Marks::default())
            ));
        }
        list.push_str("</ol>");
        section.push_str(&column_block(comparison, column, &list));
    }
    section.push_str("</div>\n</section>\n");
    section
}

/// One readout's column in a block of columns, headed by its label.
fn column_block(comparison: &Comparison<'_>, column: usize, body: &str) -> String {
    let readout = comparison.readouts[column];
    format!(
        "<div class=\"side {}\"{}>\n<h3>{}</h3>\n{body}\n</div>\n",
        column_class(column, comparison.readouts.len()),
        lang_attribute(readout.language.as_deref()),
        escape(&readout.label)
    )
}

/// Where each readout comes from; none of it when none says.
fn sources(comparison: &Comparison<'_>) -> String {
    if !comparison.has_sources() {
        return String::new();
    }
    let mut section = format!(
        "<section class=\"sources\">\n<h2>Sources</h2>\n{}",
        columns_start(comparison)
    );
    for (column, readout) in comparison.readouts.iter().enumerate() {
        let details = source_details(readout);
        if details.is_empty() {
            section.push_str(&column_block(
                comparison,
                column,
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
        section.push_str(&column_block(comparison, column, &list));
    }
    section.push_str("</div>\n</section>\n");
    section
}

/// The topic index: a link to each topic's section, with every column's
/// marks and the same in words.
fn index(comparison: &Comparison<'_>) -> String {
    let labels = labels(comparison);
    let order = match labels.split_first() {
        Some((first, rest)) => std::iter::once(format!("{first} first"))
            .chain(rest.iter().map(|label| format!("then {label}")))
            .collect::<Vec<_>>()
            .join(", "),
        None => String::new(),
    };
    // More marks than two do not fit the hanging indent made for two.
    let class = if labels.len() == 2 {
        "index"
    } else {
        "index many"
    };
    let mut nav = format!(
        "<nav class=\"{class}\">\n<h2>Topics</h2>\n<p class=\"legend\">\
         <span class=\"marks\"><span class=\"on\">{MENTIONS}</span></span> mentions, \
         <span class=\"marks\"><span class=\"off\">{SILENT}</span></span> silent: \
         {order}.</p>\n<ol>\n"
    );
    for (number, topic) in comparison.document.topics.iter().enumerate() {
        let mentioned = comparison.mentioned(number);
        nav.push_str(&format!(
            "<li>{} <a href=\"#{}\">{}</a> <span class=\"mentioned\">— {}</span></li>\n",
            marks(comparison, &mentioned),
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

/// The coverage table, its legend, each readout's totals and what each
/// lens finds in each readout.
fn coverage(comparison: &Comparison<'_>) -> String {
    let labels = labels(comparison);
    let mut section = String::from(
        "<section class=\"coverage\" id=\"coverage\">\n<h2>Coverage</h2>\n<table>\n\
         <thead><tr><th scope=\"col\">#</th><th scope=\"col\">Topic</th>",
    );
    for label in &labels {
        section.push_str(&format!("<th scope=\"col\">{label}</th>"));
    }
    section.push_str("</tr></thead>\n<tbody>\n");
    for (number, topic) in comparison.document.topics.iter().enumerate() {
        section.push_str(&format!(
            "<tr><td class=\"number\">{}</td><th scope=\"row\"><a href=\"#{}\">{}</a></th>",
            number + 1,
            topic_anchor(&topic.id),
            escape(&topic.label),
        ));
        for column in comparison.columns() {
            section.push_str(&format!(
                "<td>{}</td>",
                comparison.coverage_cell(column, number)
            ));
        }
        section.push_str("</tr>\n");
    }
    section.push_str(&format!(
        "</tbody>\n</table>\n<p class=\"legend\">{COVERAGE_LEGEND}</p>\n<ul class=\"totals\">\n"
    ));
    for (column, label) in labels.iter().enumerate() {
        section.push_str(&format!(
            "<li><strong>{label}:</strong> {}</li>\n",
            comparison.side_totals(column)
        ));
    }
    section.push_str("</ul>\n");
    for findings in comparison.findings() {
        section.push_str(&format!(
            "<h3>{}</h3>\n<ul class=\"totals\">\n",
            escape(&findings.heading())
        ));
        for (label, found) in labels.iter().zip(&findings.found) {
            section.push_str(&format!(
                "<li><strong>{label}:</strong> {}</li>\n",
                escape(&found_line(found))
            ));
        }
        section.push_str("</ul>\n");
    }
    section.push_str("</section>\n");
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
            passage("K1 ", &quoted, Marks::default()),
            "<blockquote><p>K1 One.</p><p>Two &lt;b&gt;.</p></blockquote>"
        );
    }

    #[test]
    fn marks_nest_inside_a_tone_phrase_and_text_stays_escaped() {
        let text = "A frank, business-like <talk>.";
        let wording = [
            Mark {
                range: 2..7,
                kind: MarkKind::Own,
            },
            Mark {
                range: 9..17,
                kind: MarkKind::Shared,
            },
        ];
        let tone = [2..7, 9..22];
        let marks = Marks {
            wording: &wording,
            tone: &tone,
        };
        assert_eq!(
            marked(text, 0..text.len(), marks),
            "A <span class=\"tone\"><strong class=\"own\">frank</strong></span>, \
             <span class=\"tone\"><u class=\"shared\">business</u>-like</span> &lt;talk&gt;."
        );
        assert_eq!(marked(text, 9..17, Marks::default()), "business");
    }
}
