//! Layout, pure: wrapping text, the rows of every passage in a pane, the
//! scroll-sync map between two panes, and the screen's geometry.

pub mod pane;
pub mod screen;
pub mod sync;
pub mod wrap;
