//! The Markdown handout as a CommonMark reader sees it (pulldown-cmark, with
//! the GFM tables and strikethrough the forges draw): every piece of file
//! text reads back exactly as it was written, with no stray backslash, and
//! none of it becomes a heading, list, quote, link, emphasis, code, HTML or
//! table of its own.

mod support;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use readouts::document::load::load_str;
use readouts::document::{Document, builtin};
use readouts::export::fact_name;
use support::{readouts, text};

const FIXTURES: &[&str] = &[
    "tests/fixtures/hostile/markdown.toml",
    "tests/fixtures/hostile/markup.toml",
    "tests/fixtures/valid/short-call.toml",
    "tests/fixtures/valid/crossing.toml",
];

/// What a reader shows of the Markdown: the text of each block (paragraph,
/// heading, table cell), what is set as emphasis or a link, and whatever
/// markup file text must never make.
#[derive(Debug, Default)]
struct Reading {
    blocks: Vec<String>,
    headings: Vec<String>,
    emphasised: Vec<String>,
    links: Vec<(String, String)>,
    list_items: usize,
    forbidden: Vec<String>,
}

fn read(markdown: &str) -> Reading {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut reading = Reading::default();
    let mut block = String::new();
    let mut emphasis: Vec<String> = Vec::new();
    let mut link: Option<(String, String)> = None;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Text(text) => {
                block.push_str(&text);
                emphasis.iter_mut().for_each(|open| open.push_str(&text));
                if let Some((_, link_text)) = &mut link {
                    link_text.push_str(&text);
                }
            }
            Event::SoftBreak | Event::HardBreak => block.push(' '),
            Event::Start(Tag::Emphasis | Tag::Strong) => emphasis.push(String::new()),
            Event::End(TagEnd::Emphasis | TagEnd::Strong) => {
                reading.emphasised.extend(emphasis.pop());
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                link = Some((dest_url.to_string(), String::new()));
            }
            Event::End(TagEnd::Link) => reading.links.extend(link.take()),
            Event::End(TagEnd::Item) => {
                reading.list_items += 1;
                // A tight list's items hold their text without a paragraph.
                if !block.is_empty() {
                    reading.blocks.push(std::mem::take(&mut block));
                }
            }
            Event::End(TagEnd::Heading(_)) => reading.headings.push(std::mem::take(&mut block)),
            Event::End(TagEnd::Paragraph | TagEnd::TableCell) => {
                reading.blocks.push(std::mem::take(&mut block));
            }
            Event::Start(
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::BlockQuote(_)
                | Tag::List(_)
                | Tag::Item
                | Tag::Table(_)
                | Tag::TableHead
                | Tag::TableRow
                | Tag::TableCell,
            )
            | Event::End(
                TagEnd::BlockQuote(_)
                | TagEnd::List(_)
                | TagEnd::Table
                | TagEnd::TableHead
                | TagEnd::TableRow,
            ) => {}
            other => reading.forbidden.push(format!("{other:?}")),
        }
    }
    reading
}

fn markdown_of(file: Option<&str>) -> String {
    let mut args = vec!["export", "--format", "markdown"];
    args.extend(file);
    let output = readouts(&args);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    text(&output.stdout)
}

fn document_of(file: Option<&str>) -> Document {
    let (origin, source) = match file {
        Some(path) => (path, std::fs::read_to_string(path).expect("fixture")),
        None => (builtin::NAME, builtin::TEXT.to_string()),
    };
    load_str(origin, &source).expect("valid").document
}

/// Every piece of text the file gives that the handout shows, as it
/// stands after loading, paragraph by paragraph.
fn file_texts(document: &Document) -> Vec<String> {
    let paragraphs = |text: &str| text.split('\n').map(str::to_string).collect::<Vec<_>>();
    let mut texts = vec![document.title.clone()];
    texts.extend(
        document
            .summary
            .iter()
            .flat_map(|summary| paragraphs(summary)),
    );
    for (key, value) in &document.meta {
        texts.push(format!("{}:", fact_name(key)));
        texts.push(value.to_string());
    }
    for topic in &document.topics {
        texts.push(topic.label.clone());
        texts.extend(topic.note.iter().flat_map(|note| paragraphs(note)));
    }
    for readout in &document.readouts {
        texts.push(readout.label.clone());
        for detail in [
            &readout.source,
            &readout.url,
            &readout.published,
            &readout.note,
        ]
        .into_iter()
        .flatten()
        {
            texts.extend(paragraphs(detail));
        }
        for passage in &readout.passages {
            texts.extend(paragraphs(&passage.text));
            texts.extend(passage.note.iter().flat_map(|note| paragraphs(note)));
        }
    }
    texts
}

/// The shapes of the renderer's own emphasis: citations, topic tags, fact
/// and total names, the date and its fixed phrases.
fn is_renderer_emphasis(emphasised: &str, document: &Document) -> bool {
    let citation = emphasised.len() > 1
        && emphasised.trim_end_matches(|c: char| c.is_ascii_digit()) != emphasised
        && emphasised
            .trim_end_matches(|c: char| c.is_ascii_digit())
            .chars()
            .all(char::is_uppercase);
    citation
        || (emphasised.starts_with('(') && emphasised.ends_with(')'))
        || emphasised.ends_with(':')
        || emphasised.starts_with("Not mentioned by ")
        || ["Teaching note.", "No source given."].contains(&emphasised)
        || document
            .date
            .is_some_and(|date| date.long_form() == emphasised)
}

/// A link destination as the address it stands for.
fn percent_decoded(destination: &str) -> String {
    let bytes = destination.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let escape = bytes.get(at + 1..at + 3).filter(|_| bytes[at] == b'%');
        match escape.and_then(|hex| u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()) {
            Some(byte) => {
                decoded.push(byte);
                at += 3;
            }
            None => {
                decoded.push(bytes[at]);
                at += 1;
            }
        }
    }
    String::from_utf8(decoded).expect("UTF-8 address")
}

#[test]
fn file_text_reads_back_exactly_and_makes_no_markup() {
    for file in std::iter::once(None).chain(FIXTURES.iter().copied().map(Some)) {
        let name = file.unwrap_or("the built-in readout");
        let document = document_of(file);
        let reading = read(&markdown_of(file));
        assert_eq!(reading.forbidden, Vec::<String>::new(), "{name}");

        let shown = |text: &str| {
            reading.blocks.iter().chain(&reading.headings).any(|block| {
                block == text
                    || block.ends_with(&format!(" {text}"))
                    || block.starts_with(&format!("{text} "))
            })
        };
        for text in file_texts(&document) {
            assert!(shown(&text), "{name}: not read back as it is: {text:?}");
        }

        let has_backslash = file_texts(&document).iter().any(|text| text.contains('\\'));
        for block in reading.blocks.iter().chain(&reading.headings) {
            assert!(
                has_backslash || !block.contains('\\'),
                "{name}: a stray backslash in {block:?}"
            );
        }

        let labels: Vec<&str> = document
            .readouts
            .iter()
            .map(|readout| readout.label.as_str())
            .collect();
        for heading in &reading.headings {
            let topic = document
                .topics
                .iter()
                .enumerate()
                .any(|(at, topic)| *heading == format!("{}. {}", at + 1, topic.label));
            assert!(
                topic
                    || labels.contains(&heading.as_str())
                    || *heading == document.title
                    || [
                        "The event",
                        "Sources",
                        "The accounts as published",
                        "Other passages",
                        "Coverage",
                        "What each account states",
                        "Tone words"
                    ]
                    .contains(&heading.as_str())
                    || heading.starts_with("Words of the list `"),
                "{name}: a heading from file text: {heading:?}"
            );
        }

        for emphasised in &reading.emphasised {
            assert!(
                is_renderer_emphasis(emphasised, &document),
                "{name}: emphasis from file text: {emphasised:?}"
            );
        }

        let urls: Vec<&str> = document
            .readouts
            .iter()
            .filter_map(|readout| readout.url.as_deref())
            .filter(|url| url.starts_with("https://"))
            .collect();
        for (destination, link_text) in &reading.links {
            assert!(urls.contains(&link_text.as_str()), "{name}: {link_text}");
            assert_eq!(&percent_decoded(destination), link_text, "{name}");
        }
        assert_eq!(reading.links.len(), urls.len(), "{name}: a link per source");

        let facts = document.meta.len();
        let details: usize = document
            .readouts
            .iter()
            .map(|readout| {
                [
                    &readout.source,
                    &readout.url,
                    &readout.published,
                    &readout.language,
                    &readout.note,
                ]
                .into_iter()
                .flatten()
                .count()
            })
            .sum();
        // The totals, and a line per readout for each lens.
        let totals = document.readouts.len() * (1 + readouts::lens::lenses(&document).len());
        assert_eq!(
            reading.list_items,
            facts + details + totals,
            "{name}: list items are the facts, the sources, the totals and the lenses' words"
        );
    }
}

#[test]
fn real_text_keeps_its_look() {
    let markdown = markdown_of(Some(FIXTURES[0]));
    for raw in [
        "See https://www.kremlin.ru/events/president/news/67487 and www.whitehouse.gov for the readouts.",
        "Prices rose from $5 to $7.50 (about 50%).",
        "- **Requested by:** the_other_side",
        "5 * 3 = 15, a_b_c, AT&T, 1 < 2 > 0, 100% sure.",
        "[sic]",
        "Price list: $5, $10 and $15; see https://example.org/a_b_c and",
        "| a | b | and a | b — not a table.",
        "C# 12 and F# #",
    ] {
        assert!(markdown.contains(raw), "escaped needlessly: {raw}");
    }
    for file in [None, Some("tests/fixtures/valid/short-call.toml")] {
        let markdown = markdown_of(file);
        assert!(!markdown.contains('\\'), "nothing here needs a backslash");
    }
}

#[test]
fn a_readout_without_a_source_leaves_no_empty_heading() {
    let markdown = markdown_of(Some(FIXTURES[0]));
    assert!(markdown.contains(
        "## Sources\n\n### North #1\n\n*No source given.*\n\n### South | East\n\n- Link: "
    ));
}
