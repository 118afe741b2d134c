//! What a row shows, as pieces of text with a tone: shared by the viewer,
//! which turns tones into ratatui styles, and by plain output, which turns
//! them into nothing or into SGR codes. One description of how a row looks.

use std::borrow::Cow;

use super::pane::{MARGIN, QUOTE_INDENT, Row, text_width};
use super::wrap::wrap;
use crate::document::{Document, Readout};

/// How a piece of a row is meant to look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// The bar beside the current topic's passages.
    TopicBar,
    /// The bar beside a verbatim quote.
    QuoteBar,
    Text,
    /// Text of a passage of the current topic.
    MarkedText,
    QuoteText,
    MarkedQuoteText,
    Heading,
    Notice,
}

/// A piece of a row: where it starts (columns from the pane's left edge),
/// its text, and its tone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece<'a> {
    pub column: usize,
    pub text: Cow<'a, str>,
    pub tone: Tone,
}

/// "<label> does not mention <topic>".
pub fn notice_text(readout: &Readout, document: &Document, topic: usize) -> String {
    let topic = document.topics.get(topic).map_or("", |t| t.label.as_str());
    format!("{} does not mention {topic}", readout.label)
}

/// The heading of a topic's block.
pub fn heading_text(document: &Document, topic: usize) -> String {
    let label = document.topics.get(topic).map_or("", |t| t.label.as_str());
    format!("■ {label}")
}

/// Line `line` of a text wrapped to the layout's text width.
fn wrapped_line(text: &str, width: usize, line: u16) -> String {
    wrap(text, text_width(width))
        .into_iter()
        .flatten()
        .nth(usize::from(line))
        .map_or_else(String::new, |range| text[range].to_string())
}

/// What the row shows, in a pane of inner width `width` showing `readout`
/// from `document`; the passages of `current_topic` are marked.
pub fn pieces<'a>(
    row: Row,
    readout: &'a Readout,
    document: &'a Document,
    current_topic: Option<usize>,
    width: usize,
) -> Vec<Piece<'a>> {
    let piece = |column, text: Cow<'a, str>, tone| Piece { column, text, tone };
    match row {
        Row::Gap | Row::Blank => Vec::new(),
        Row::Heading { topic, line } => {
            let text = heading_text(document, topic as usize);
            vec![piece(
                0,
                Cow::Owned(wrapped_line(&text, width, line)),
                Tone::Heading,
            )]
        }
        Row::OtherHeading => vec![piece(0, Cow::Borrowed("■ Other passages"), Tone::Heading)],
        Row::Notice { topic, line } => {
            let text = notice_text(readout, document, topic as usize);
            vec![piece(
                1,
                Cow::Owned(wrapped_line(&text, width, line)),
                Tone::Notice,
            )]
        }
        Row::Text { .. } | Row::ParagraphGap { .. } => {
            let Some(passage) = row.passage().and_then(|p| readout.passages.get(p)) else {
                return Vec::new();
            };
            let marked = current_topic.is_some_and(|topic| passage.topics.contains(&topic));
            let mut pieces = Vec::with_capacity(3);
            if marked {
                pieces.push(piece(0, Cow::Borrowed("▌"), Tone::TopicBar));
            }
            let mut column = MARGIN;
            if passage.quote {
                pieces.push(piece(column, Cow::Borrowed("│"), Tone::QuoteBar));
                column += QUOTE_INDENT;
            }
            if let Some(range) = row.text_range() {
                let tone = match (passage.quote, marked) {
                    (false, false) => Tone::Text,
                    (false, true) => Tone::MarkedText,
                    (true, false) => Tone::QuoteText,
                    (true, true) => Tone::MarkedQuoteText,
                };
                pieces.push(piece(column, Cow::Borrowed(&passage.text[range]), tone));
            }
            pieces
        }
    }
}
