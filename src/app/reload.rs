//! A new version of the open file: the viewer takes it in and keeps the
//! reader's place — the same two readouts, the same topic, the same passage
//! at the top of each pane.

use std::sync::Arc;

use super::navigation::choose_anchors;
use super::search::find_all;
use super::view::{
    KeptLayouts, Reuse, clamp_offsets, follow, leader, reading_positions, rebuild, refresh,
};
use super::{App, Order, Side, topic_index};
use crate::document::Document;

pub(super) fn replace_document(app: &mut App, document: Document) {
    let positions = reading_positions(app);
    let ids = Side::BOTH.map(|side| app.readout(side).id.clone());
    let pair = document
        .pair(Some(&ids[0]), Some(&ids[1]))
        .or_else(|_| document.pair(None, None));
    let Ok(pair) = pair else {
        // The loader guarantees two readouts; a document without them is
        // not taken.
        return;
    };
    let topic_id = |topic: usize| app.document.topics.get(topic).map(|t| t.id.clone());
    let selected = topic_id(app.selected);
    let current = app.current_topic.and_then(topic_id);
    let filter = app.filter.and_then(topic_id);
    let find = |id: Option<String>| id.and_then(|id| document.topic_index(&id));
    app.selected = find(selected).unwrap_or(0);
    app.current_topic = find(current);
    app.filter = filter.and_then(|id| document.topic_index(&id));
    let (topic_passages, candidates) = topic_index(&document, pair);
    app.document = Arc::new(document);
    app.document_generation = app.document_generation.wrapping_add(1);
    app.pair = pair;
    app.topic_passages = topic_passages;
    app.candidates = candidates;
    choose_anchors(app);
    app.topic_cursor = [0, 0];
    app.band = app.band.and(app.current_topic);
    app.reload_problem = None;
    app.folded = None;
    app.word_counts = None;
    super::count_words_of_small(app);
    if let Some(query) = app.search.as_ref().map(|search| search.query.clone()) {
        let matches = find_all(app, &query);
        if let Some(search) = &mut app.search {
            search.refresh(matches);
        }
    }
    rebuild(app, positions, Reuse::Never);
}

/// The document with its topics, tags or notes edited by `change`: in the order as published, unfiltered and laid
/// out whole, the wrapped rows stay and only the topic index, the anchors
/// and the padding are worked out again (a full layout of a large document
/// would take longer than a frame). Else it is taken in as a new version.
pub(super) fn retag(app: &mut App, change: impl FnOnce(&mut Document)) {
    let rows_stay = app.order == Order::Source
        && app.filter.is_none()
        && app.partial.is_none()
        && app.view.is_some();
    if !rows_stay {
        let mut document = (*app.document).clone();
        change(&mut document);
        replace_document(app, document);
        return;
    }
    let rows = app
        .view
        .as_ref()
        .map(|view| Side::BOTH.map(|side| view.layout_row(side, app.offsets[side.index()])));
    // Edited in place: nothing else holds the document once it is laid
    // out whole, so no copy is made.
    change(Arc::make_mut(&mut app.document));
    let (topic_passages, candidates) = topic_index(&app.document, app.pair);
    app.document_generation = app.document_generation.wrapping_add(1);
    app.topic_passages = topic_passages;
    app.candidates = candidates;
    // The by-topic layout is of the old topics.
    app.kept = KeptLayouts::default();
    if app
        .current_topic
        .is_some_and(|topic| topic >= app.document.topics.len())
    {
        app.current_topic = None;
    }
    app.band = None;
    choose_anchors(app);
    refresh(app);
    if let (Some(rows), Some(view)) = (rows, &app.view) {
        app.offsets = Side::BOTH.map(|side| view.padded_row(side, rows[side.index()]));
    }
    follow(app, leader(app));
    clamp_offsets(app);
}

/// `<` / `>` with three readouts or more: the next readout in the pane on
/// that side (never the one the other pane shows). The sidebar's marks,
/// the anchors and the alignment are those of the new pair.
pub(super) fn next_readout(app: &mut App, side: Side) {
    let count = app.document.readouts.len();
    if count < 3 {
        app.message = Some("the file holds only these two readouts".to_string());
        return;
    }
    let (mine, other) = match side {
        Side::Left => (app.pair.left, app.pair.right),
        Side::Right => (app.pair.right, app.pair.left),
    };
    let Some(next) = (1..count)
        .map(|step| (mine + step) % count)
        .find(|&index| index != other)
    else {
        return;
    };
    match side {
        Side::Left => app.pair.left = next,
        Side::Right => app.pair.right = next,
    }
    app.partial = None;
    app.cursor = [None, None];
    app.band = None;
    let document = (*app.document).clone();
    replace_document(app, document);
    app.message = Some(format!(
        "{} | {}",
        app.readout(Side::Left).label,
        app.readout(Side::Right).label
    ));
}
