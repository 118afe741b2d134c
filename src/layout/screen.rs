//! Where things go on the screen, as a function of its size: the sidebar,
//! the two panes, the status line — or nothing, when the terminal is too
//! small to draw them.

use ratatui::layout::Rect;

use super::pane::{MARGIN, QUOTE_INDENT, RIGHT_PADDING};

/// The narrowest text column a pane may have.
pub const MIN_TEXT_WIDTH: u16 = 10;
/// The narrowest pane, borders included.
pub const MIN_PANE_WIDTH: u16 = MIN_TEXT_WIDTH + (MARGIN + QUOTE_INDENT + RIGHT_PADDING) as u16 + 2;
/// The fewest rows of text a pane may show.
pub const MIN_PANE_ROWS: u16 = 3;
/// The smallest screen the viewer draws: two panes and the status line.
pub const MIN_WIDTH: u16 = 2 * MIN_PANE_WIDTH;
pub const MIN_HEIGHT: u16 = MIN_PANE_ROWS + 2 + 1;

/// The largest screen the viewer draws; a larger terminal shows it in its
/// top left corner. Four screens of cells are kept (ratatui's two, the
/// backend's two): at this size some 100 MB, where a 10000×10000 terminal
/// would want 20 GB.
pub const MAX_SCREEN: (u16, u16) = (1000, 500);

/// A terminal's size as the viewer uses it: at most [`MAX_SCREEN`].
pub fn capped(width: u16, height: u16) -> (u16, u16) {
    (width.min(MAX_SCREEN.0), height.min(MAX_SCREEN.1))
}

/// The widest the sidebar gets.
const SIDEBAR_MAX: u16 = 36;
/// The sidebar when room is short: numbers and coverage marks only.
pub const SIDEBAR_COMPACT: u16 = 9;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    pub sidebar: Option<Rect>,
    /// Whether the sidebar shows numbers and marks only.
    pub compact_sidebar: bool,
    pub left: Rect,
    pub right: Rect,
    pub status: Rect,
}

impl Screen {
    /// Splits `area`; `sidebar_wanted` is the width the topic labels would
    /// like. `None` when the area is below the minimum.
    pub fn split(area: Rect, sidebar_wanted: u16) -> Option<Screen> {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return None;
        }
        let body_height = area.height - 1;
        // The panes are the reading; the sidebar takes at most 30 % of it.
        let sidebar_most = (area.width * 3 / 10).clamp(SIDEBAR_COMPACT + 1, SIDEBAR_MAX);
        let full_sidebar = sidebar_wanted.clamp(SIDEBAR_COMPACT + 1, sidebar_most);
        let (sidebar_width, compact) = if area.width >= full_sidebar + 2 * MIN_PANE_WIDTH + 20 {
            (full_sidebar, false)
        } else if area.width >= SIDEBAR_COMPACT + 2 * MIN_PANE_WIDTH {
            (SIDEBAR_COMPACT, true)
        } else {
            (0, true)
        };
        let panes_width = area.width - sidebar_width;
        let left_width = panes_width / 2;
        let x = area.x + sidebar_width;
        Some(Screen {
            sidebar: (sidebar_width > 0)
                .then(|| Rect::new(area.x, area.y, sidebar_width, body_height)),
            compact_sidebar: compact,
            left: Rect::new(x, area.y, left_width, body_height),
            right: Rect::new(
                x + left_width,
                area.y,
                panes_width - left_width,
                body_height,
            ),
            status: Rect::new(area.x, area.y + body_height, area.width, 1),
        })
    }
}

/// The widest an overlay (help, info) gets.
pub const OVERLAY_MAX_WIDTH: u16 = 78;

/// Where an overlay goes: centred, with a margin round it when there is
/// room for one, and no taller than its `content_rows` need (unknown: as
/// tall as there is room).
pub fn overlay_area(area: Rect, content_rows: Option<usize>) -> Rect {
    let width = area
        .width
        .saturating_sub(4)
        .clamp(area.width.min(20), OVERLAY_MAX_WIDTH);
    let room = area.height.saturating_sub(2).max(area.height.min(5));
    let wanted = content_rows.map_or(room, |rows| u16::try_from(rows + 2).unwrap_or(u16::MAX));
    let height = room.min(wanted);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

/// The area inside a bordered block.
pub fn inner(area: Rect) -> Rect {
    Rect::new(
        area.x.saturating_add(1),
        area.y.saturating_add(1),
        area.width.saturating_sub(2),
        area.height.saturating_sub(2),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wide_screen_has_a_full_sidebar_and_two_equal_panes() {
        let screen = Screen::split(Rect::new(0, 0, 120, 35), 30).expect("fits");
        assert_eq!(screen.sidebar, Some(Rect::new(0, 0, 30, 34)));
        assert!(!screen.compact_sidebar);
        assert_eq!(screen.left, Rect::new(30, 0, 45, 34));
        assert_eq!(screen.right, Rect::new(75, 0, 45, 34));
        assert_eq!(screen.status, Rect::new(0, 34, 120, 1));
    }

    #[test]
    fn a_narrow_screen_compacts_then_drops_the_sidebar() {
        let compact = Screen::split(
            Rect::new(0, 0, 2 * MIN_PANE_WIDTH + SIDEBAR_COMPACT, 20),
            30,
        )
        .expect("fits");
        assert!(compact.compact_sidebar);
        assert_eq!(compact.sidebar.map(|s| s.width), Some(SIDEBAR_COMPACT));
        let bare = Screen::split(Rect::new(0, 0, MIN_WIDTH, MIN_HEIGHT), 30).expect("fits");
        assert_eq!(bare.sidebar, None);
        assert_eq!(bare.left.width, MIN_PANE_WIDTH);
    }

    #[test]
    fn overlays_are_centred_and_fit_any_area() {
        assert_eq!(
            overlay_area(Rect::new(0, 0, 120, 40), None),
            Rect::new(21, 1, 78, 38)
        );
        assert_eq!(
            overlay_area(Rect::new(0, 0, 120, 40), Some(10)),
            Rect::new(21, 14, 78, 12)
        );
        assert_eq!(
            overlay_area(Rect::new(0, 0, 30, 10), Some(50)),
            Rect::new(2, 1, 26, 8)
        );
        for (w, h) in [(0, 0), (1, 1), (3, 2), (21, 4)] {
            let area = Rect::new(0, 0, w, h);
            let overlay = overlay_area(area, Some(3));
            assert_eq!(area.union(overlay), area, "{area:?} holds {overlay:?}");
        }
    }

    #[test]
    fn below_the_minimum_there_is_no_layout() {
        assert_eq!(Screen::split(Rect::new(0, 0, MIN_WIDTH - 1, 40), 30), None);
        assert_eq!(
            Screen::split(Rect::new(0, 0, 200, MIN_HEIGHT - 1), 30),
            None
        );
        assert_eq!(Screen::split(Rect::new(0, 0, 0, 0), 30), None);
    }
}
