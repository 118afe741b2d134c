//! Layout, pure: wrapping text, the rows of every passage in a pane, the
//! arrangements in which both panes scroll as one, what each row shows, the
//! scroll-sync map between two panes, and the screen's geometry.

pub mod arrange;
pub mod pane;
pub mod pieces;
pub mod screen;
pub mod sync;
pub mod wrap;
