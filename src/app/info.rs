//! The info view's content: the event's facts and the readouts' sources.

use super::{App, Side};
use crate::lens::{Found, findings};

/// One line of the info view, for the renderer to style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InfoLine {
    Title(String),
    Heading(String),
    Field(String, String),
    Text(String),
    Blank,
}

/// The info view of the app's document and the two shown readouts.
pub fn lines(app: &App) -> Vec<InfoLine> {
    let document = app.document();
    let mut lines = vec![InfoLine::Title(document.title.clone())];
    if let Some(date) = document.date {
        lines.push(InfoLine::Field("date".into(), date.long_form()));
    }
    if let Some(summary) = &document.summary {
        lines.push(InfoLine::Blank);
        lines.extend(summary.split('\n').map(|p| InfoLine::Text(p.to_string())));
    }
    if !document.meta.is_empty() {
        lines.push(InfoLine::Blank);
        lines.push(InfoLine::Heading("The event".into()));
        for (key, value) in &document.meta {
            lines.push(InfoLine::Field(key.replace('_', " "), value.to_string()));
        }
    }
    let shown = [app.pair.left, app.pair.right];
    let facts = document.facts_table(&shown);
    if !facts.is_empty() {
        lines.push(InfoLine::Blank);
        lines.push(InfoLine::Heading("What each side states".into()));
        for row in facts {
            let key = row.key.replace('_', " ");
            for (side, value) in Side::BOTH.into_iter().zip(&row.values) {
                let key = match side {
                    Side::Left => key.clone(),
                    Side::Right => " ".repeat(key.chars().count()),
                };
                let value = value.map_or_else(|| "—".to_string(), ToString::to_string);
                lines.push(InfoLine::Field(
                    key,
                    format!("{}: {value}", app.readout(side).label),
                ));
            }
        }
    }
    let readouts = Side::BOTH.map(|side| app.readout(side));
    for found in findings(document, readouts) {
        if found.found.iter().all(Vec::is_empty) {
            continue;
        }
        lines.push(InfoLine::Blank);
        lines.push(InfoLine::Heading(format!("{} words", found.lens)));
        for side in Side::BOTH {
            let words: Vec<String> = found.found[side.index()]
                .iter()
                .map(Found::counted)
                .collect();
            let words = if words.is_empty() {
                "—".to_string()
            } else {
                words.join(", ")
            };
            lines.push(InfoLine::Field(app.readout(side).label.clone(), words));
        }
    }
    for side in Side::BOTH {
        let readout = app.readout(side);
        lines.push(InfoLine::Blank);
        lines.push(InfoLine::Heading(readout.label.clone()));
        let fields = [
            ("source", readout.source.clone()),
            ("url", readout.url.clone()),
            ("published", readout.published.clone()),
            ("language", readout.language.clone()),
            ("note", readout.note.clone()),
        ];
        for (key, value) in fields {
            if let Some(value) = value {
                lines.push(InfoLine::Field(key.into(), value));
            }
        }
        lines.push(InfoLine::Field(
            "length".into(),
            format!(
                "{} passages, {} words",
                readout.passages.len(),
                app.word_counts
                    .map_or_else(|| readout.word_count(), |counts| counts[side.index()])
            ),
        ));
    }
    lines
}
