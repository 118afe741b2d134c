//! The rest of an opening screen's layout, made off the input path: a
//! plain function of the document (shared, not copied) and the panes'
//! widths, which the shell runs on a thread of its own and hands back to
//! `update` as [`Message::LaidOut`].

use std::sync::Arc;

use super::{App, Message};
use crate::document::{Document, Pair};
use crate::layout::pane::PaneLayout;

pub struct LayoutJob {
    document: Arc<Document>,
    pair: Pair,
    widths: [usize; 2],
}

impl LayoutJob {
    /// Lays the two readouts out whole, one after the other: the job runs
    /// beside the event loop, and the other core is left to it and to the
    /// terminal.
    pub fn run(self) -> Message {
        let readouts = &self.document.readouts;
        let panes = [
            PaneLayout::new(&readouts[self.pair.left], self.widths[0]),
            PaneLayout::new(&readouts[self.pair.right], self.widths[1]),
        ];
        Message::LaidOut(Box::new(panes))
    }
}

impl App {
    /// What is left to lay out while only the screen is, if anything: the
    /// shown readouts at the panes' widths.
    pub fn layout_job(&self) -> Option<LayoutJob> {
        let view = self.view.as_ref().filter(|_| self.partial.is_some())?;
        Some(LayoutJob {
            document: Arc::clone(&self.document),
            pair: self.pair,
            widths: view.panes.each_ref().map(PaneLayout::width),
        })
    }
}
