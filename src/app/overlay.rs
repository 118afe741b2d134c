//! The rows of the overlays (help, info, a topic's note), wrapped to the overlay's width
//! once, when it opens or the terminal is resized, so that scrolling knows
//! exactly how far it can go.

use super::info::{self, InfoLine};
use super::{App, Overlay, keymap};
use crate::export::plain::write_synopsis_of_every_readout;
use crate::layout::wrap::{display_width, wrap};

/// How a piece of an overlay row is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emphasis {
    Plain,
    Strong,
    Title,
    Dim,
}

/// One row of an overlay: pieces of text, each with its emphasis.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OverlayRow(pub Vec<(String, Emphasis)>);

/// The overlay's rows at a text width.
pub fn rows(app: &App, overlay: Overlay, width: usize) -> Vec<OverlayRow> {
    let mut rows = Vec::new();
    match overlay {
        Overlay::Help => {
            let keys_width = keymap::help_rows()
                .iter()
                .map(|(keys, _)| display_width(keys))
                .max()
                .unwrap_or(0)
                + 2;
            for (keys, what) in keymap::help_rows() {
                if keys.is_empty() {
                    rows.push(OverlayRow::default());
                    wrapped(&mut rows, what, Emphasis::Title, width);
                } else {
                    hanging(&mut rows, &keys, Emphasis::Strong, keys_width, what, width);
                }
            }
        }
        Overlay::Note => {
            let topic = &app.document.topics[app.selected];
            wrapped(&mut rows, &topic.label, Emphasis::Title, width);
            rows.push(OverlayRow::default());
            match &topic.note {
                Some(note) => {
                    for paragraph in note.split('\n') {
                        wrapped(&mut rows, paragraph, Emphasis::Plain, width);
                    }
                }
                None => wrapped(&mut rows, "This topic has no note.", Emphasis::Dim, width),
            }
        }
        Overlay::Synopsis => {
            let mut printed = Vec::new();
            if write_synopsis_of_every_readout(&mut printed, app.document(), width, false).is_ok() {
                // Lines already made to the width: taken as they are, their
                // spaces lining the columns up.
                for line in String::from_utf8_lossy(&printed).lines() {
                    rows.push(OverlayRow(vec![(line.to_string(), Emphasis::Plain)]));
                }
            }
        }
        Overlay::Info => {
            for line in info::lines(app) {
                match line {
                    InfoLine::Title(title) => wrapped(&mut rows, &title, Emphasis::Title, width),
                    InfoLine::Heading(heading) => {
                        wrapped(&mut rows, &heading, Emphasis::Strong, width);
                    }
                    InfoLine::Field(key, value) => {
                        // A key of blanks continues the row above.
                        let key = if key.trim().is_empty() {
                            format!("{key}  ")
                        } else {
                            format!("{key}: ")
                        };
                        let key_width = display_width(&key);
                        hanging(&mut rows, &key, Emphasis::Dim, key_width, &value, width);
                    }
                    InfoLine::Text(text) => wrapped(&mut rows, &text, Emphasis::Plain, width),
                    InfoLine::Blank => rows.push(OverlayRow::default()),
                }
            }
        }
    }
    rows
}

fn wrapped(rows: &mut Vec<OverlayRow>, text: &str, emphasis: Emphasis, width: usize) {
    for range in wrap(text, width).into_iter().flatten() {
        rows.push(OverlayRow(vec![(text[range].to_string(), emphasis)]));
    }
}

/// A label, then text wrapped beside it with a hanging indent; when the
/// overlay is too narrow for both, the text goes under the label.
fn hanging(
    rows: &mut Vec<OverlayRow>,
    label: &str,
    emphasis: Emphasis,
    label_width: usize,
    text: &str,
    width: usize,
) {
    if width < label_width + 12 {
        wrapped(rows, label, emphasis, width);
        wrapped(rows, text, Emphasis::Plain, width);
        return;
    }
    let padded = format!("{label}{}", " ".repeat(label_width - display_width(label)));
    for (index, range) in wrap(text, width - label_width)
        .into_iter()
        .flatten()
        .enumerate()
    {
        let lead = if index == 0 {
            (padded.clone(), emphasis)
        } else {
            (" ".repeat(label_width), Emphasis::Plain)
        };
        rows.push(OverlayRow(vec![
            lead,
            (text[range].to_string(), Emphasis::Plain),
        ]));
    }
}
