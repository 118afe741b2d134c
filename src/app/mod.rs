//! The viewer's state and everything that changes it, pure: an [`App`], the
//! [`Action`]s a user can take, and one [`update`] that applies an action.
//! Drawing (`crate::ui`) is a function of this state; the terminal
//! (`crate::terminal`) turns events into actions.

pub mod copy;
pub mod editing;
mod folded;
pub mod info;
pub mod key;
pub mod keymap;
mod layout_job;
pub mod lenses;
mod message;
mod navigation;
pub mod overlay;
pub mod presentation;
mod reload;
pub mod search;
mod update;
pub mod view;

pub use layout_job::LayoutJob;
pub use message::{Action, EditCommand, Message};
pub use update::{WHEEL_ROWS, update};
pub use view::View;

use std::sync::Arc;

use ratatui::layout::Rect;

pub use crate::document::Side;
use crate::document::{Document, Pair, Readout};
use crate::layout::screen::{inner, overlay_area};
use crate::layout::sync::{Anchor, candidates_of, non_crossing};
use crate::layout::wrap::display_width;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Sidebar,
    Pane(Side),
}

/// How the panes move together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncMode {
    /// Through the anchors of shared topics.
    Aligned,
    /// The same offset on both sides.
    Lockstep,
    /// Each pane on its own.
    Independent,
}

impl SyncMode {
    pub fn next(self) -> SyncMode {
        match self {
            SyncMode::Aligned => SyncMode::Lockstep,
            SyncMode::Lockstep => SyncMode::Independent,
            SyncMode::Independent => SyncMode::Aligned,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            SyncMode::Aligned => "aligned",
            SyncMode::Lockstep => "lockstep",
            SyncMode::Independent => "independent",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Info,
    /// The selected topic's teaching note, whole.
    Note,
    /// Every readout of the file as a column, topic by topic: the
    /// synopsis `print --by-topic --all` prints, over the whole screen.
    Synopsis,
}

/// The order passages are shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Each readout as published.
    Source,
    /// A synopsis: topic by topic, both sides' passages on each.
    ByTopic,
}

/// What keys mean at the moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputMode {
    Normal,
    /// Typing into the status line: a search, or an answer to a prompt.
    Prompt,
    Presentation,
}

/// What a partial layout holds while the rest is laid out off the input
/// path (see [`App::opening`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Partial {
    /// The first screen of a document, from its top.
    Opening,
    /// The screen of a large document after a resize: on each side, from
    /// the passage at the top.
    Window([PaneTop; 2]),
}

/// The passage at the top of a pane, and how many of its rows are above
/// the top.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct PaneTop {
    pub passage: usize,
    pub within: usize,
}

/// The whole state of the viewer.
#[derive(Debug, Clone)]
pub struct App {
    /// Shared with the layout job that runs off the input path.
    pub(crate) document: Arc<Document>,
    pub(crate) pair: Pair,
    /// For each side, for each topic: the passages carrying it, in order.
    pub(crate) topic_passages: [Vec<Vec<usize>>; 2],
    /// Every topic both sides mention, at its first passage on each side.
    pub(crate) candidates: Vec<Anchor>,
    /// The anchors kept for aligning, as passages (independent of width):
    /// the largest set that does not cross and holds the topic jumped to.
    pub(crate) anchors: Vec<Anchor>,
    pub(crate) focus: Focus,
    /// The pane that leads when the sidebar has the focus.
    pub(crate) reading: Side,
    /// The topic highlighted in the sidebar.
    pub(crate) selected: usize,
    /// The topic jumped to, whose passages are marked.
    pub(crate) current_topic: Option<usize>,
    /// For each side, which passage of the current topic it was sent to.
    pub(crate) topic_cursor: [usize; 2],
    /// The topic one side leaves out whose band the panes show, from a
    /// jump to it until its passage scrolls out of view.
    pub(crate) band: Option<usize>,
    /// The topic number being typed, while more digits can follow.
    pub(crate) typed_number: Option<usize>,
    /// The row at the top of each pane, in the row space it scrolls
    /// through (see [`View`]).
    pub(crate) offsets: [usize; 2],
    pub(crate) sync: SyncMode,
    pub(crate) overlay: Option<Overlay>,
    /// The open overlay's rows, wrapped to its width.
    pub(crate) overlay_rows: Vec<overlay::OverlayRow>,
    pub(crate) overlay_scroll: usize,
    pub(crate) order: Order,
    /// Show only this topic's passages.
    pub(crate) filter: Option<usize>,
    pub(crate) search: Option<search::Search>,
    /// Layouts of the orders not shown, to come back to.
    pub(crate) kept: view::KeptLayouts,
    /// The words of each shown readout, counted when the info view first
    /// opens.
    pub(crate) word_counts: Option<[usize; 2]>,
    /// The readouts' text folded for search, made on the first search.
    pub(crate) folded: Option<folded::FoldedText>,
    pub(crate) presentation: Option<presentation::Presentation>,
    pub(crate) size: (u16, u16),
    pub(crate) view: Option<View>,
    /// Lay out only what the screen shows, until [`Message::CompleteLayout`]
    /// or [`Message::LaidOut`].
    pub(crate) partial: Option<Partial>,
    /// A message for the status line, until the next action.
    pub(crate) message: Option<String>,
    /// What went wrong reloading the file, until a reload succeeds.
    pub(crate) reload_problem: Option<String>,
    /// A new version of the file is settling before it is loaded.
    pub(crate) reloading: bool,
    pub(crate) quit: bool,
    /// How many times the whole screen was asked to be drawn again.
    pub(crate) repaints: u64,
    /// How many times the user asked to suspend to the shell (Ctrl-z).
    pub(crate) suspensions: u64,
    /// The text last copied, for the edge to put on the clipboard.
    pub(crate) copied: Option<String>,
    /// How many copies were asked for.
    pub(crate) copies: u64,
    /// The passage cursor of each side, and whether it is shown (from the
    /// first `{` or `}`: readers who do not edit never see it).
    pub(crate) cursor: [Option<usize>; 2],
    pub(crate) cursor_shown: bool,
    /// The session's edits.
    pub(crate) history: editing::History,
    pub(crate) prompt: Option<editing::Prompt>,
    /// A write for the edge to do.
    pub(crate) save_request: Option<editing::SaveRequest>,
    /// The file the document came from, to write edits back to.
    pub(crate) source: Option<editing::Source>,
    /// A version of the file from disk, kept aside while edits are unsaved.
    pub(crate) on_disk: Option<(Box<Document>, String)>,
    /// The lens on the panes, with its marks.
    pub(crate) lens: Option<lenses::LensView>,
    /// Which document and pair the lens's marks were made for.
    pub(crate) lens_made_for: (u64, Pair),
    /// Counts the documents the viewer has shown (edits and reloads).
    pub(crate) document_generation: u64,
}

/// The words of each shown readout, for the panes' titles, counted at once
/// when the text is small enough not to hold up the first screen (else
/// when the info view first opens).
pub(crate) fn count_words_of_small(app: &mut App) {
    const SMALL: usize = 1 << 20;
    let bytes: usize = Side::BOTH
        .iter()
        .flat_map(|&side| &app.readout(side).passages)
        .map(|passage| passage.text.len())
        .sum();
    if bytes <= SMALL {
        app.word_counts = Some(Side::BOTH.map(|side| app.readout(side).word_count()));
    }
}

impl App {
    /// A viewer on `document`, showing the readouts of `pair`, for a
    /// terminal of `width` × `height` cells.
    pub fn new(document: Document, pair: Pair, width: u16, height: u16) -> App {
        App::laid_out(document, pair, width, height, None)
    }

    /// Like [`App::new`], but only the passages the first screen shows are
    /// laid out, so that it can be drawn at once. The rest is laid out by
    /// [`App::layout_job`] off the input path and taken in with
    /// [`Message::LaidOut`] (or laid out here by [`Message::CompleteLayout`]);
    /// input should wait for it (the event loop holds keys back). The
    /// screen is the same as [`App::new`]'s, and so is every screen after
    /// the rest is laid out.
    pub fn opening(document: Document, pair: Pair, width: u16, height: u16) -> App {
        App::laid_out(document, pair, width, height, Some(Partial::Opening))
    }

    fn laid_out(
        document: Document,
        pair: Pair,
        width: u16,
        height: u16,
        partial: Option<Partial>,
    ) -> App {
        let (topic_passages, candidates) = topic_index(&document, pair);
        let mut app = App {
            document: Arc::new(document),
            pair,
            topic_passages,
            anchors: non_crossing(&candidates),
            candidates,
            focus: Focus::Sidebar,
            reading: Side::Left,
            selected: 0,
            current_topic: None,
            topic_cursor: [0, 0],
            band: None,
            typed_number: None,
            offsets: [0, 0],
            sync: SyncMode::Aligned,
            overlay: None,
            overlay_rows: Vec::new(),
            overlay_scroll: 0,
            order: Order::Source,
            filter: None,
            search: None,
            kept: view::KeptLayouts::default(),
            word_counts: None,
            folded: None,
            presentation: None,
            size: (0, 0),
            view: None,
            partial,
            message: None,
            reload_problem: None,
            reloading: false,
            quit: false,
            repaints: 0,
            suspensions: 0,
            copied: None,
            copies: 0,
            cursor: [None, None],
            cursor_shown: false,
            history: editing::History::fresh(),
            prompt: None,
            save_request: None,
            source: None,
            on_disk: None,
            lens: None,
            lens_made_for: (0, pair),
            document_generation: 0,
        };
        count_words_of_small(&mut app);
        update(&mut app, Message::Resize(width, height));
        app
    }

    pub fn document(&self) -> &Document {
        &self.document
    }

    pub fn readout(&self, side: Side) -> &Readout {
        &self.document.readouts[self.pair.of(side)]
    }

    pub fn focus(&self) -> Focus {
        self.focus
    }

    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn current_topic(&self) -> Option<usize> {
        self.current_topic
    }

    pub fn offset(&self, side: Side) -> usize {
        self.offsets[side.index()]
    }

    pub fn sync_mode(&self) -> SyncMode {
        self.sync
    }

    pub fn overlay(&self) -> Option<Overlay> {
        self.overlay
    }

    pub fn overlay_scroll(&self) -> usize {
        self.overlay_scroll
    }

    pub fn overlay_rows(&self) -> &[overlay::OverlayRow] {
        &self.overlay_rows
    }

    /// Where the overlay goes, and its text area (inside the border, with a
    /// column of padding on each side), for its rows as wrapped.
    pub fn overlay_geometry(&self) -> (Rect, Rect) {
        self.overlay_geometry_for(Some(self.overlay_rows.len()))
    }

    pub(crate) fn overlay_geometry_for(&self, rows: Option<usize>) -> (Rect, Rect) {
        let screen = Rect::new(0, 0, self.size.0, self.size.1);
        let area = match self.overlay {
            // The synopsis needs every column it can have.
            Some(Overlay::Synopsis) => screen,
            _ => overlay_area(screen, rows),
        };
        let text = inner(area);
        let padded = Rect::new(
            text.x.saturating_add(1),
            text.y,
            text.width.saturating_sub(2),
            text.height,
        );
        (area, padded)
    }

    pub fn view(&self) -> Option<&View> {
        self.view.as_ref()
    }

    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Grows by one each time the whole screen is to be drawn again
    /// (`Ctrl-l`); the terminal repaints when it changes.
    pub fn repaints(&self) -> u64 {
        self.repaints
    }

    /// Grows by one each time the user asks to suspend (`Ctrl-z`); the
    /// terminal suspends when it changes.
    pub fn suspensions(&self) -> u64 {
        self.suspensions
    }

    /// How many copies were asked for, and the last one's text: the edge
    /// sends it when the count changes.
    pub fn copies(&self) -> (u64, Option<&str>) {
        (self.copies, self.copied.as_deref())
    }

    /// The note of the passage being read, if it has one: the cursor's
    /// passage, else the first one at the top of the focused (or leading)
    /// pane.
    pub fn passage_note(&self) -> Option<(Side, usize, &str)> {
        let side = match self.focus {
            Focus::Pane(side) => side,
            Focus::Sidebar => self.reading,
        };
        let passage = self
            .cursor(side)
            .or_else(|| copy::top_passage(self, side))?;
        let note = self.readout(side).passages.get(passage)?.note.as_deref()?;
        Some((side, passage, note))
    }

    /// The words of each shown readout, once counted.
    pub fn word_counts(&self) -> Option<[usize; 2]> {
        self.word_counts
    }

    /// The lens on the panes, if one is on.
    pub fn lens(&self) -> Option<&lenses::LensView> {
        self.lens.as_ref()
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    pub fn anchors(&self) -> &[Anchor] {
        &self.anchors
    }

    /// Whether a side mentions a topic.
    pub fn mentions(&self, side: Side, topic: usize) -> bool {
        self.topic_passages[side.index()]
            .get(topic)
            .is_some_and(|passages| !passages.is_empty())
    }

    /// The passages of a side that carry a topic.
    pub fn passages_of(&self, side: Side, topic: usize) -> &[usize] {
        self.topic_passages[side.index()]
            .get(topic)
            .map_or(&[], Vec::as_slice)
    }

    /// The topic whose silence a side's pane announces in the band across
    /// both panes. The by-topic order and the filter say so in the layout
    /// itself.
    pub fn silent_topic(&self, side: Side) -> Option<usize> {
        let band = self.view.as_ref()?.band.as_ref()?;
        (!band.speaks[side.index()]).then_some(band.topic)
    }

    /// The topic number being typed, while another digit can follow.
    pub fn typed_number(&self) -> Option<usize> {
        self.typed_number
    }

    pub fn order(&self) -> Order {
        self.order
    }

    pub fn filter(&self) -> Option<usize> {
        self.filter
    }

    pub fn search(&self) -> Option<&search::Search> {
        self.search.as_ref()
    }

    pub fn presentation(&self) -> Option<&presentation::Presentation> {
        self.presentation.as_ref()
    }

    /// Whether a new version of the file is about to be loaded.
    pub fn reloading(&self) -> bool {
        self.reloading
    }

    pub fn reload_problem(&self) -> Option<&str> {
        self.reload_problem.as_deref()
    }

    /// Whether both panes scroll as one: their rows are padded to match (by
    /// topic, or filtered to one topic).
    pub fn panes_joined(&self) -> bool {
        self.order == Order::ByTopic || self.filter.is_some()
    }

    /// What keys mean now.
    pub fn input_mode(&self) -> InputMode {
        if self.prompt.is_some() {
            InputMode::Prompt
        } else if self.presentation.is_some() {
            InputMode::Presentation
        } else if self.search.as_ref().is_some_and(|s| s.editing) {
            InputMode::Prompt
        } else {
            InputMode::Normal
        }
    }

    /// The first topic the sidebar lists, when it has fewer rows than there
    /// are topics: just enough scrolled to keep the selection in view.
    pub fn sidebar_first_topic(&self, rows: usize) -> usize {
        let shown = self.document.topics.len().min(rows);
        (self.selected + 1).saturating_sub(shown)
    }

    /// The pane's area on screen, borders included.
    pub fn pane_area(&self, side: Side) -> Option<Rect> {
        let screen = self.view.as_ref()?.screen?;
        Some(match side {
            Side::Left => screen.left,
            Side::Right => screen.right,
        })
    }

    /// How many rows of text a pane shows: its inner height, less the rows
    /// of the band of a one-sided topic.
    pub fn text_height(&self) -> usize {
        self.view.as_ref().map_or(0, |view| view.text_height)
    }

    /// The largest offset a pane scrolls to: its last row at the bottom.
    pub fn max_offset(&self, side: Side) -> usize {
        self.view
            .as_ref()
            .map_or(0, |view| view.rows(side).saturating_sub(view.text_height))
    }

    /// The width the sidebar would like: its longest label and its marks.
    pub fn sidebar_wanted_width(&self) -> u16 {
        let longest = self
            .document
            .topics
            .iter()
            .map(|t| display_width(&t.label))
            .max()
            .unwrap_or(0);
        let number = self.document.topics.len().to_string().len();
        u16::try_from(longest + number + 8).unwrap_or(u16::MAX)
    }
}

/// For each side, the passages of each topic; and the candidate anchors.
fn topic_index(document: &Document, pair: Pair) -> ([Vec<Vec<usize>>; 2], Vec<Anchor>) {
    let topic_count = document.topics.len();
    let topic_passages = [
        document.readouts[pair.left].passages_by_topic(topic_count),
        document.readouts[pair.right].passages_by_topic(topic_count),
    ];
    let candidates = candidates_of([&topic_passages[0], &topic_passages[1]]);
    (topic_passages, candidates)
}
