//! Layout, pure: wrapping text, the rows of every passage in a pane, the
//! arrangements in which both panes scroll as one, what each row shows, the
//! scroll-sync map between two panes, and the screen's geometry.

pub mod arrange;
pub mod padding;
pub mod pane;
pub mod pieces;
pub mod screen;
pub mod sync;
pub mod wrap;

/// Runs the work of the two sides at once, the right one on another core:
/// laying out a large readout takes tens of milliseconds, and the two
/// sides are independent.
pub fn on_both_sides<T: Send>(
    left: impl FnOnce() -> T + Send,
    right: impl FnOnce() -> T + Send,
) -> [T; 2] {
    std::thread::scope(|scope| {
        let right = scope.spawn(right);
        let left = left();
        let right = right
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        [left, right]
    })
}
