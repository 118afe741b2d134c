//! The rest of an opening screen's layout, made off the input path: a
//! plain function of copies of the two readouts, which the shell runs on a
//! thread of its own and hands back to `update` as [`Action::LaidOut`].

use super::{Action, App, Side};
use crate::document::Readout;
use crate::layout::pane::PaneLayout;

pub struct LayoutJob {
    readouts: [Readout; 2],
    widths: [usize; 2],
}

impl LayoutJob {
    /// Lays the two readouts out whole, one after the other: the job runs
    /// beside the event loop, and the other core is left to it and to the
    /// terminal.
    pub fn run(self) -> Action {
        let [left, right] = &self.readouts;
        let panes = [
            PaneLayout::new(left, self.widths[0]),
            PaneLayout::new(right, self.widths[1]),
        ];
        Action::LaidOut(Box::new(panes))
    }
}

impl App {
    /// What is left to lay out while only the screen is, if anything: the
    /// shown readouts at the panes' widths.
    pub fn layout_job(&self) -> Option<LayoutJob> {
        let view = self.view.as_ref().filter(|_| self.partial.is_some())?;
        Some(LayoutJob {
            readouts: Side::BOTH.map(|side| self.readout(side).clone()),
            widths: Side::BOTH.map(|side| view.panes[side.index()].width()),
        })
    }
}
