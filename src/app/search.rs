//! Search in both panes: smart case (case-insensitive unless the query has
//! a capital letter), on the loaded text, so a phrase that wraps over two
//! rows still matches. Matches are kept in reading order, left then right;
//! `n` and `N` go through them starting with the leading pane.

use super::folded::FoldedText;
pub use super::folded::Match;
use super::navigation::bring_into_view;
use super::view::{clamp_offsets, follow, leader};
use super::{App, Side};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    /// Whether the prompt is open (the query is being typed).
    pub editing: bool,
    /// Sorted by side (left first), passage, then position.
    matches: Vec<Match>,
    current: Option<usize>,
    /// The offsets before the search, to go back to on Esc.
    saved: [usize; 2],
    /// Whether there were more matches than were kept.
    more: bool,
}

impl Search {
    pub fn matches(&self) -> &[Match] {
        &self.matches
    }

    pub fn current(&self) -> Option<&Match> {
        self.current.and_then(|i| self.matches.get(i))
    }

    /// The matches in one passage of one side.
    pub fn matches_in(&self, side: Side, passage: usize) -> &[Match] {
        let key = (side.index(), passage);
        let start = self
            .matches
            .partition_point(|m| (m.side.index(), m.passage) < key);
        let end = self
            .matches
            .partition_point(|m| (m.side.index(), m.passage) <= key);
        &self.matches[start..end]
    }

    /// New matches for the same query (the text changed under it), and
    /// whether there were more than were kept.
    pub(super) fn refresh(&mut self, (matches, more): (Vec<Match>, bool)) {
        self.matches = matches;
        self.more = more;
        self.current = None;
    }

    /// What the status line says of the search.
    pub fn status(&self) -> String {
        match (self.matches.len(), self.current) {
            (0, _) => format!("no match for «{}»", self.query),
            (count, Some(current)) => format!("match {}/{count} «{}»", current + 1, self.query),
            (count, None) => format!("{count} matches «{}»", self.query),
        }
    }
}

pub(super) fn start(app: &mut App) {
    app.search = Some(Search {
        query: String::new(),
        editing: true,
        matches: Vec::new(),
        current: None,
        saved: app.offsets,
        more: false,
    });
}

/// The query changed: find its matches and show the first one from where
/// the reader was.
pub(super) fn edit(app: &mut App, change: impl FnOnce(&mut String)) {
    let Some(search) = &mut app.search else {
        return;
    };
    change(&mut search.query);
    let query = search.query.clone();
    let saved = search.saved;
    let matches = find_all(app, &query);
    if let Some(search) = &mut app.search {
        search.refresh(matches);
    }
    restore_offsets(app, saved);
    follow(app, leader(app));
    if let Some(first) = first_match_from_top(app) {
        go_to(app, first);
    }
}

pub(super) fn confirm(app: &mut App) {
    match &mut app.search {
        Some(search) if !search.query.trim().is_empty() => search.editing = false,
        _ => app.search = None,
    }
}

/// Esc while typing: the view goes back to where it was.
pub(super) fn cancel(app: &mut App) {
    if let Some(search) = app.search.take() {
        restore_offsets(app, search.saved);
    }
}

/// Puts the panes back where they were before the search, as far as the
/// layout lets them go now: the terminal may have been resized since.
fn restore_offsets(app: &mut App, saved: [usize; 2]) {
    app.offsets = saved;
    clamp_offsets(app);
}

/// `n` (forward) or `N`: the next match in reading order, leading pane
/// first, round from the last to the first.
pub(super) fn step(app: &mut App, forward: bool) {
    let Some(search) = &app.search else {
        app.message = Some("No search yet: press / to search both panes.".to_string());
        return;
    };
    let count = search.matches.len();
    if count == 0 {
        app.message = Some(search.status());
        return;
    }
    let next = match search.current {
        None => first_match_from_top(app).unwrap_or(0),
        Some(current) => {
            let order = ReadingOrder::new(search, leader(app));
            let position = order.position(current);
            let position = if forward {
                (position + 1) % count
            } else {
                (position + count - 1) % count
            };
            order.index(position)
        }
    };
    go_to(app, next);
}

/// The matches as the reader meets them: the leading side's first, then
/// the other side's.
struct ReadingOrder {
    count: usize,
    /// How many matches the left side has.
    left: usize,
    lead: Side,
}

impl ReadingOrder {
    fn new(search: &Search, lead: Side) -> Self {
        ReadingOrder {
            count: search.matches.len(),
            left: search.matches.partition_point(|m| m.side == Side::Left),
            lead,
        }
    }

    /// Position in reading order of the match at `index`.
    fn position(&self, index: usize) -> usize {
        match self.lead {
            Side::Left => index,
            Side::Right => (index + self.count - self.left) % self.count,
        }
    }

    /// Index of the match at reading-order `position`.
    fn index(&self, position: usize) -> usize {
        match self.lead {
            Side::Left => position,
            Side::Right => (position + self.left) % self.count,
        }
    }
}

/// Every match of `query` in the two readouts shown; their text is folded
/// for search the first time.
pub(super) fn find_all(app: &mut App, query: &str) -> (Vec<Match>, bool) {
    let readouts = [app.pair.left, app.pair.right].map(|index| &app.document.readouts[index]);
    app.folded
        .get_or_insert_with(|| FoldedText::new(readouts))
        .find_all(readouts, query)
}

/// The first match, in reading order, at or after the passage at the top
/// of the leading pane.
fn first_match_from_top(app: &App) -> Option<usize> {
    let search = app.search.as_ref()?;
    if search.matches.is_empty() {
        return None;
    }
    let lead = leader(app);
    let top = app
        .view
        .as_ref()
        .and_then(|view| view.passage_at(lead, app.offsets[lead.index()]))
        .unwrap_or(0);
    let order = ReadingOrder::new(search, lead);
    (0..search.matches.len())
        .map(|position| order.index(position))
        .find(|&i| search.matches[i].side == lead && search.matches[i].passage >= top)
        .or(Some(order.index(0)))
}

/// Makes a match current and brings it into view, with two rows above it
/// when the pane has to move; the other pane follows.
fn go_to(app: &mut App, index: usize) {
    let Some(search) = &mut app.search else {
        return;
    };
    search.current = Some(index);
    let Some(found) = search.matches.get(index).cloned() else {
        return;
    };
    let Some(row) = match_row(app, &found) else {
        return;
    };
    bring_into_view(app, found.side, row);
}

/// The row where a match starts, in the row space its pane scrolls
/// through.
fn match_row(app: &App, found: &Match) -> Option<usize> {
    let view = app.view.as_ref()?;
    let pane = &view.panes[found.side.index()];
    let first = pane.first_row(found.passage)?;
    let rows = pane.passage_rows(found.passage);
    let row = (first..first + rows)
        .find(|&row| {
            pane.row(row)
                .and_then(|r| r.text_range())
                .is_some_and(|range| found.range.start < range.end)
        })
        .unwrap_or(first);
    Some(view.padded_row(found.side, row))
}
