//! The lenses on the panes: the wording lens (on the selected topic, the
//! words both sides use and the words only one side uses) and the word
//! lists (the tone words, and the file's own lists). Marks are worked out
//! once, when a lens is turned on or the topic changes, never per frame.

use std::ops::Range;

use super::{App, Side};
use crate::lens::wording::{MarkKind, wording};
use crate::lens::{Lens, lenses};

/// How a mark is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkStyle {
    /// A word both sides use on the topic.
    Shared,
    /// A word only this side uses on the topic.
    Own,
    /// A word of the list shown (tone words, or the file's own list).
    Listed,
}

/// The marks of one passage: byte ranges of its text, and how each shows.
pub type Marks = Vec<(Range<usize>, MarkStyle)>;

/// A lens turned on, with its marks: for each side, for each passage (by
/// index), its marked byte ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LensView {
    pub kind: LensKind,
    pub marks: [Vec<Marks>; 2],
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LensKind {
    /// The wording lens, on this topic.
    Wording(usize),
    /// The list lens with this name (`tone` first).
    List(String),
}

impl LensView {
    /// The marks of a passage on a side.
    pub fn marks(&self, side: Side, passage: usize) -> &[(Range<usize>, MarkStyle)] {
        self.marks[side.index()]
            .get(passage)
            .map_or(&[], Vec::as_slice)
    }

    /// What the status line calls it.
    pub fn name(&self, app: &App) -> String {
        match &self.kind {
            LensKind::Wording(topic) => format!(
                "wording: {}",
                app.document
                    .topics
                    .get(*topic)
                    .map_or("", |t| t.label.as_str())
            ),
            LensKind::List(name) => format!("{name} words"),
        }
    }
}

fn wording_view(app: &App, topic: usize) -> LensView {
    let found = wording(&app.document, app.pair, topic);
    let marks = Side::BOTH.map(|side| {
        let mut passages = vec![Vec::new(); app.readout(side).passages.len()];
        for passage in &found.sides[side.index()] {
            if let Some(slot) = passages.get_mut(passage.passage) {
                *slot = passage
                    .marks
                    .iter()
                    .map(|mark| {
                        let style = match mark.kind {
                            MarkKind::Shared => MarkStyle::Shared,
                            MarkKind::Own => MarkStyle::Own,
                        };
                        (mark.range.clone(), style)
                    })
                    .collect();
            }
        }
        passages
    });
    LensView {
        kind: LensKind::Wording(topic),
        marks,
    }
}

fn list_view(app: &App, lens: &Lens) -> LensView {
    let marks = Side::BOTH.map(|side| {
        lens.readout_marks(app.readout(side))
            .into_iter()
            .map(|ranges| {
                ranges
                    .into_iter()
                    .map(|range| (range, MarkStyle::Listed))
                    .collect()
            })
            .collect()
    });
    LensView {
        kind: LensKind::List(lens.name.clone()),
        marks,
    }
}

/// `W`: the wording lens on the selected topic, or off.
pub(super) fn toggle_wording(app: &mut App) {
    app.lens = match &app.lens {
        Some(LensView {
            kind: LensKind::Wording(_),
            ..
        }) => None,
        _ => Some(wording_view(app, app.selected)),
    };
    app.lens_made_for = (app.document_generation, app.pair);
    say(app);
}

/// `T`: the tone words, then each of the file's own lists, then off.
pub(super) fn cycle_lists(app: &mut App) {
    let all = lenses(&app.document);
    let next = match &app.lens {
        Some(LensView {
            kind: LensKind::List(name),
            ..
        }) => all
            .iter()
            .position(|lens| &lens.name == name)
            .and_then(|at| all.get(at + 1)),
        _ => all.first(),
    };
    app.lens = next.map(|lens| list_view(app, lens));
    app.lens_made_for = (app.document_generation, app.pair);
    say(app);
}

fn say(app: &mut App) {
    app.message = Some(match &app.lens {
        Some(lens) => format!("lens: {}", lens.name(app)),
        None => "lens off".to_string(),
    });
}

/// After any change: the wording lens follows the selected topic, and
/// every lens follows an edited or reloaded document.
pub(super) fn follow(app: &mut App) {
    let Some(lens) = &app.lens else {
        return;
    };
    let current = match &lens.kind {
        LensKind::Wording(topic) => *topic == app.selected,
        LensKind::List(_) => true,
    };
    let generation = (app.document_generation, app.pair);
    if current && app.lens_made_for == generation {
        return;
    }
    app.lens_made_for = generation;
    app.lens = match lens.kind.clone() {
        LensKind::Wording(_) => Some(wording_view(app, app.selected)),
        LensKind::List(name) => lenses(&app.document)
            .iter()
            .find(|lens| lens.name == name)
            .map(|lens| list_view(app, lens)),
    };
}
