//! The padded row space of aligned mode: each pane's rows with blank filler
//! rows put in before anchored passages, so that every kept anchor starts on
//! the same row on both sides and both sides end on the same row (as
//! vimdiff's filler lines do). `print` and the viewer read their rows
//! through it, so the viewer's aligned screen is a window of `print`.
//!
//! The fillers are a list of insertions, not copies of the rows: choosing
//! other anchors (a jump to a crossing topic) costs one pass over the
//! anchors, whatever the length of the text.

use super::pane::{PaneLayout, Row};
use super::sync::Anchor;

/// Blank rows put in before a row of the pane's own layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Filler {
    /// The row of the layout the blanks come before.
    before: usize,
    /// The padded row where the blanks start.
    at: usize,
    rows: usize,
}

/// One pane's padding: where its fillers go, and how many rows the padded
/// space has (blank rows at the end included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Padding {
    fillers: Vec<Filler>,
    /// Rows of the pane's own layout.
    laid_out: usize,
    /// Rows of the padded space.
    rows: usize,
}

impl Padding {
    /// No filler: the padded space is the layout's own rows.
    pub fn none(pane: &PaneLayout) -> Self {
        Padding {
            fillers: Vec::new(),
            laid_out: pane.row_count(),
            rows: pane.row_count(),
        }
    }

    /// Rows of the padded space.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// The padded row where a row of the layout shows.
    pub fn padded_row(&self, row: usize) -> usize {
        let index = self.fillers.partition_point(|f| f.before <= row);
        match index.checked_sub(1).map(|i| self.fillers[i]) {
            None => row,
            Some(filler) => filler.at + filler.rows + (row - filler.before),
        }
    }

    /// The row of the layout a padded row shows; `None` for a filler row or
    /// a blank row past the end.
    pub fn layout_row(&self, padded: usize) -> Option<usize> {
        match self.filler_at(padded) {
            None => Some(padded),
            Some(filler) if padded < filler.at + filler.rows => None,
            Some(filler) => Some(filler.before + (padded - filler.at - filler.rows)),
        }
        .filter(|&row| row < self.laid_out)
    }

    /// The row of the layout a padded row shows, or for a filler the row
    /// it comes before; past the end, the layout's last row.
    pub fn layout_row_from(&self, padded: usize) -> usize {
        let row = match self.filler_at(padded) {
            None => padded,
            Some(filler) => filler.before + padded.saturating_sub(filler.at + filler.rows),
        };
        row.min(self.laid_out.saturating_sub(1))
    }

    /// The last filler that starts at or before a padded row.
    fn filler_at(&self, padded: usize) -> Option<Filler> {
        let index = self.fillers.partition_point(|f| f.at <= padded);
        index.checked_sub(1).map(|i| self.fillers[i])
    }

    /// What a padded row shows: the layout's row, or blank.
    pub fn row(&self, pane: &PaneLayout, padded: usize) -> Option<Row> {
        if padded >= self.rows {
            return None;
        }
        Some(
            self.layout_row(padded)
                .and_then(|row| pane.row(row))
                .unwrap_or(Row::Blank),
        )
    }
}

/// The padding of both panes for a set of anchors (non-crossing, in
/// reading order): before each anchor's passage, the side that reaches it
/// sooner gets the blank rows that make both start on the same row; the
/// shorter side ends with blank rows. An anchor whose passage is not laid
/// out (an opening screen) ends the alignment there: it and those after it
/// are further down than the laid-out rows.
pub fn aligned(panes: [&PaneLayout; 2], anchors: &[Anchor]) -> [Padding; 2] {
    let mut paddings = panes.map(Padding::none);
    let mut added = [0usize; 2];
    for anchor in anchors {
        let (Some(left), Some(right)) = (
            panes[0].first_row(anchor.left),
            panes[1].first_row(anchor.right),
        ) else {
            break;
        };
        let before = [left, right];
        let at = [left + added[0], right + added[1]];
        let target = at[0].max(at[1]);
        for side in 0..2 {
            let rows = target - at[side];
            if rows > 0 {
                paddings[side].fillers.push(Filler {
                    before: before[side],
                    at: at[side],
                    rows,
                });
                added[side] += rows;
            }
        }
    }
    let rows = (0..2)
        .map(|side| panes[side].row_count() + added[side])
        .max()
        .unwrap_or(0);
    for padding in &mut paddings {
        padding.rows = rows;
    }
    paddings
}

/// No filler on either side: the arrangements that are padded in their
/// rows already (by topic, one topic) and the modes that do not align.
pub fn unpadded(panes: [&PaneLayout; 2]) -> [Padding; 2] {
    panes.map(Padding::none)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Passage, Readout};

    fn pane(passages: &[&str]) -> PaneLayout {
        let passages = passages
            .iter()
            .map(|text| Passage::new(text, Vec::new()))
            .collect();
        // Text width 7: "a b c d e f" takes two rows.
        PaneLayout::new(&Readout::new("r", "R", passages), 10)
    }

    fn anchor(left: usize, right: usize) -> Anchor {
        Anchor {
            topic: 0,
            left,
            right,
        }
    }

    #[test]
    fn the_side_that_gets_there_sooner_waits_with_blank_rows() {
        // Left rows: p0, gap, p1 a, p1 b, gap, p2. Right rows: q0, gap, q1.
        let left = pane(&["x", "a b c d e f", "y"]);
        let right = pane(&["u", "v"]);
        let [l, r] = aligned([&left, &right], &[anchor(2, 1)]);
        assert_eq!(l.padded_row(5), 5);
        assert_eq!(r.padded_row(2), 5, "three blank rows before q1");
        assert_eq!(r.row(&right, 2), Some(Row::Blank));
        assert_eq!(r.row(&right, 4), Some(Row::Blank));
        assert_eq!(r.row(&right, 5), right.row(2));
        assert_eq!(r.layout_row(3), None);
        assert_eq!(r.layout_row_from(3), 2, "a filler leads to its passage");
        assert_eq!((l.rows(), r.rows()), (6, 6), "both end together");
        assert_eq!(l.row(&left, 6), None);
    }

    #[test]
    fn blank_rows_at_the_end_pad_the_shorter_side() {
        let left = pane(&["x"]);
        let right = pane(&["u", "v", "w"]);
        let [l, r] = aligned([&left, &right], &[anchor(0, 0)]);
        assert_eq!((l.rows(), r.rows()), (5, 5));
        assert_eq!(l.row(&left, 1), Some(Row::Blank));
        assert_eq!(l.layout_row(1), None);
        assert_eq!(l.layout_row_from(4), 0, "past the end: the last row");
    }

    #[test]
    fn fillers_add_up_over_several_anchors() {
        let left = pane(&["a b c d e f", "x", "y"]);
        let right = pane(&["u", "a b c d e f", "w"]);
        // Left: p0 rows 0-1, p1 row 3, p2 row 5. Right: q0 0, q1 2-3, q2 5.
        let [l, r] = aligned([&left, &right], &[anchor(1, 1), anchor(2, 2)]);
        assert_eq!(l.padded_row(3), 3);
        assert_eq!(r.padded_row(2), 3);
        // After the first anchor the right side is a row behind.
        assert_eq!(l.padded_row(5), 6);
        assert_eq!(r.padded_row(5), 6);
        for padded in 0..l.rows() {
            let layout = l.layout_row(padded);
            assert!(layout.is_none_or(|row| l.padded_row(row) == padded));
        }
    }

    #[test]
    fn no_anchor_no_filler() {
        let left = pane(&["x", "y"]);
        let right = pane(&["u"]);
        let [l, r] = aligned([&left, &right], &[]);
        assert_eq!(l.padded_row(2), 2);
        assert_eq!((l.rows(), r.rows()), (3, 3));
        let [l, _] = unpadded([&left, &right]);
        assert_eq!(l.rows(), 3);
    }
}
