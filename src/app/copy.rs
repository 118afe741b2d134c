//! What the copy keys put on the clipboard: plain text, labelled, so that
//! it reads on its own when pasted into notes or an article. The terminal
//! is asked to set the clipboard (OSC 52) at the edge.

use super::view::leader;
use super::{App, Side};
use crate::layout::pane::Row;

/// The most a copy sends: terminals drop longer OSC 52 requests (xterm
/// takes about 100 000 bytes of base64, tmux less), and a partial copy
/// would pass for a whole one.
pub const MOST_BYTES: usize = 70_000;

/// `c`: the selected topic, as each side words it.
pub(super) fn copy_topic(app: &mut App) {
    let Some(topic) = app.document.topics.get(app.selected) else {
        app.message = Some("no topic to copy".to_string());
        return;
    };
    let label = topic.label.clone();
    let mut text = format!("{label}\n");
    let mut passages = 0;
    for side in Side::BOTH {
        let readout = app.readout(side);
        text.push_str(&format!("\n{}:\n", readout.label));
        let on_topic = app.passages_of(side, app.selected);
        if on_topic.is_empty() {
            text.push_str(&format!("({} does not mention it.)\n", readout.label));
        }
        let words: Vec<&str> = on_topic
            .iter()
            .map(|&passage| readout.passages[passage].text.as_str())
            .collect();
        if !words.is_empty() {
            text.push_str(&words.join("\n\n"));
            text.push('\n');
        }
        passages += on_topic.len();
    }
    let what = match passages {
        1 => format!("“{label}”, 1 passage"),
        n => format!("“{label}”, {n} passages"),
    };
    offer(app, text, what);
}

/// `C`: the passage at the top of the focused pane (of the leading one
/// when the sidebar has the focus).
pub(super) fn copy_passage(app: &mut App) {
    let side = leader(app);
    let Some(passage) = top_passage(app, side) else {
        app.message = Some("no passage in view to copy".to_string());
        return;
    };
    let readout = app.readout(side);
    let text = format!(
        "{}, passage {}:\n{}\n",
        readout.label,
        passage + 1,
        readout.passages[passage].text
    );
    let what = format!("{}'s passage {}", readout.label, passage + 1);
    offer(app, text, what);
}

/// The first passage with a row in view, from the top of the pane.
pub(super) fn top_passage(app: &App, side: Side) -> Option<usize> {
    let view = app.view.as_ref()?;
    let offset = app.offsets[side.index()];
    (offset..offset + app.text_height().max(1)).find_map(|row| match view.row(side, row)? {
        Row::Text { passage, .. } => usize::try_from(passage).ok(),
        _ => None,
    })
}

fn offer(app: &mut App, text: String, what: String) {
    if text.len() > MOST_BYTES {
        app.message = Some(format!(
            "{what} is too long to copy through the terminal ({} KB; at most {} KB)",
            text.len() / 1000,
            MOST_BYTES / 1000
        ));
        return;
    }
    app.message = Some(format!("copied {what} to the clipboard"));
    app.copied = Some(text);
    app.copies = app.copies.wrapping_add(1);
}
