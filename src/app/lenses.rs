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
/// index), its marked byte ranges. A word list marks a passage the first
/// time it comes into view (see [`mark_what_is_shown`]), so that turning it
/// on costs the same on any length of text.
#[derive(Debug, Clone)]
pub struct LensView {
    pub kind: LensKind,
    marks: [Vec<Option<Marks>>; 2],
    /// The word list, for the passages not marked yet.
    list: Option<Lens>,
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
            .and_then(Option::as_ref)
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
        let mut passages = vec![Some(Vec::new()); app.readout(side).passages.len()];
        for passage in &found.sides[side.index()] {
            if let Some(slot) = passages.get_mut(passage.passage) {
                *slot = Some(
                    passage
                        .marks
                        .iter()
                        .map(|mark| {
                            let style = match mark.kind {
                                MarkKind::Shared => MarkStyle::Shared,
                                MarkKind::Own => MarkStyle::Own,
                            };
                            (mark.range.clone(), style)
                        })
                        .collect(),
                );
            }
        }
        passages
    });
    LensView {
        kind: LensKind::Wording(topic),
        marks,
        list: None,
    }
}

fn list_view(app: &App, lens: &Lens) -> LensView {
    let mut view = LensView {
        kind: LensKind::List(lens.name.clone()),
        marks: Side::BOTH.map(|side| vec![None; app.readout(side).passages.len()]),
        list: Some(lens.clone()),
    };
    mark_what_is_shown(app, &mut view);
    view
}

/// Marks the passages the panes show that a word list has not marked yet.
fn mark_what_is_shown(app: &App, lens: &mut LensView) {
    let (Some(list), Some(view)) = (&lens.list, &app.view) else {
        return;
    };
    for side in Side::BOTH {
        let offset = app.offsets[side.index()];
        let readout = app.readout(side);
        for row in offset..offset + app.text_height() {
            let Some(passage) = view.row(side, row).and_then(|row| row.passage()) else {
                continue;
            };
            if let Some(slot @ None) = lens.marks[side.index()].get_mut(passage) {
                let marks = list.marks(&readout.passages[passage].text);
                *slot = Some(
                    marks
                        .into_iter()
                        .map(|range| (range, MarkStyle::Listed))
                        .collect(),
                );
            }
        }
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
    if let Some(mut lens) = app.lens.take() {
        mark_what_is_shown(app, &mut lens);
        app.lens = Some(lens);
    }
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
