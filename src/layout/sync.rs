//! Synchronised scrolling: which shared topics anchor the two panes, and the
//! monotonic piecewise-linear map between their scroll offsets.
//!
//! An anchor is a topic both readouts mention, at the first passage that
//! carries it on each side. Anchors can cross (one side talks about tone
//! first, the other last); the largest set that does not cross is kept, so
//! that scrolling never runs one pane backwards.

/// A topic both sides mention, at its first passage on each side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    pub topic: usize,
    pub left: usize,
    pub right: usize,
}

/// The candidates: for each topic, in topic order, that both sides mention,
/// the first passage carrying it on each side. `first_left[t]` and
/// `first_right[t]` are those passages, `None` where a side is silent.
pub fn candidate_anchors(
    first_left: &[Option<usize>],
    first_right: &[Option<usize>],
) -> Vec<Anchor> {
    first_left
        .iter()
        .zip(first_right)
        .enumerate()
        .filter_map(|(topic, pair)| match pair {
            (Some(left), Some(right)) => Some(Anchor {
                topic,
                left: *left,
                right: *right,
            }),
            _ => None,
        })
        .collect()
}

/// The largest set of anchors that do not cross: a longest chain strictly
/// increasing on both sides, in reading order. Among chains of that length,
/// each step takes the anchor of the earliest topic that still allows a
/// longest chain. Anchors at the same place on both sides count once (the
/// earliest topic).
pub fn non_crossing(candidates: &[Anchor]) -> Vec<Anchor> {
    let mut anchors: Vec<Anchor> = Vec::with_capacity(candidates.len());
    let mut sorted: Vec<Anchor> = candidates.to_vec();
    sorted.sort_by_key(|a| (a.left, a.right, a.topic));
    for anchor in sorted {
        match anchors.last() {
            Some(last) if last.left == anchor.left && last.right == anchor.right => {}
            _ => anchors.push(anchor),
        }
    }
    if anchors.is_empty() {
        return anchors;
    }

    // chain_from[i]: the length of the longest chain starting at anchor i.
    // Anchors are visited by descending left passage, a group of equal left
    // passages at a time, so that no two of one group chain together.
    let mut right_values: Vec<usize> = anchors.iter().map(|a| a.right).collect();
    right_values.sort_unstable();
    right_values.dedup();
    let mut longest_above = SuffixMax::new(right_values.len());
    let mut chain_from = vec![0usize; anchors.len()];
    let mut group_end = anchors.len();
    while group_end > 0 {
        let left = anchors[group_end - 1].left;
        let group_start = anchors[..group_end].partition_point(|a| a.left < left);
        for i in group_start..group_end {
            let rank = rank_of(&right_values, anchors[i].right);
            chain_from[i] = 1 + longest_above.max_above(rank);
        }
        for i in group_start..group_end {
            longest_above.raise(rank_of(&right_values, anchors[i].right), chain_from[i]);
        }
        group_end = group_start;
    }

    let longest = chain_from.iter().copied().max().unwrap_or(0);
    let mut by_length: Vec<Vec<usize>> = vec![Vec::new(); longest + 1];
    for (i, &length) in chain_from.iter().enumerate() {
        by_length[length].push(i);
    }
    let mut kept: Vec<Anchor> = Vec::with_capacity(longest);
    for length in (1..=longest).rev() {
        let next = by_length[length]
            .iter()
            .map(|&i| anchors[i])
            .filter(|a| {
                kept.last()
                    .is_none_or(|p| a.left > p.left && a.right > p.right)
            })
            .min_by_key(|a| a.topic);
        match next {
            Some(anchor) => kept.push(anchor),
            None => break,
        }
    }
    kept
}

fn rank_of(sorted: &[usize], value: usize) -> usize {
    sorted.partition_point(|&v| v < value)
}

/// A Fenwick tree answering "the largest value stored at a rank above r".
struct SuffixMax {
    tree: Vec<usize>,
}

impl SuffixMax {
    fn new(size: usize) -> Self {
        SuffixMax {
            tree: vec![0; size + 1],
        }
    }

    /// Ranks are mirrored so that a suffix becomes a prefix.
    fn mirrored(&self, rank: usize) -> usize {
        self.tree.len() - 1 - rank
    }

    fn raise(&mut self, rank: usize, value: usize) {
        let mut i = self.mirrored(rank);
        while i < self.tree.len() {
            self.tree[i] = self.tree[i].max(value);
            i += i & i.wrapping_neg();
        }
    }

    fn max_above(&self, rank: usize) -> usize {
        // Ranks above `rank` are mirrored ranks 1 ..= mirrored(rank) - 1.
        let mut i = self.mirrored(rank) - 1;
        let mut best = 0;
        while i > 0 {
            best = best.max(self.tree[i]);
            i -= i & i.wrapping_neg();
        }
        best
    }
}

/// A point through which the map passes: a left offset and a right offset.
type Point = (usize, usize);

/// The monotonic piecewise-linear map between the two panes' offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncMap {
    points: Vec<Point>,
}

impl SyncMap {
    /// Builds the map through the anchors' rows (left row, right row) that
    /// both panes can scroll to, the start (0, 0) and the ends
    /// (`left_max`, `right_max`). An anchor at a start or an end takes the
    /// place of that corner, so that the map passes through it exactly; and
    /// when one pane cannot scroll at all, its start is its end, and the
    /// start wins.
    pub fn new(anchor_rows: &[Point], left_max: usize, right_max: usize) -> Self {
        let reachable: Vec<Point> = anchor_rows
            .iter()
            .copied()
            .filter(|&(left, right)| left <= left_max && right <= right_max)
            .collect();
        let mut points = Vec::with_capacity(reachable.len() + 2);
        if reachable
            .first()
            .is_none_or(|&(left, right)| left > 0 && right > 0)
        {
            points.push((0, 0));
        }
        points.extend(&reachable);
        let both_scroll = left_max > 0 && right_max > 0;
        if both_scroll
            && reachable
                .last()
                .is_none_or(|&(left, right)| left < left_max && right < right_max)
        {
            points.push((left_max, right_max));
        }
        SyncMap { points }
    }

    /// The right offset that goes with a left offset.
    pub fn left_to_right(&self, left: usize) -> usize {
        interpolate(&self.points, left, |p| p.0, |p| p.1)
    }

    /// The left offset that goes with a right offset.
    pub fn right_to_left(&self, right: usize) -> usize {
        interpolate(&self.points, right, |p| p.1, |p| p.0)
    }

    pub fn points(&self) -> &[Point] {
        &self.points
    }
}

/// Follows the segment of `points` (sorted, non-decreasing on both axes)
/// that holds `x`: the last point at or before `x`, towards the next one.
fn interpolate(
    points: &[Point],
    x: usize,
    from: fn(&Point) -> usize,
    to: fn(&Point) -> usize,
) -> usize {
    let after = points.partition_point(|p| from(p) <= x);
    let Some(start) = after.checked_sub(1).and_then(|i| points.get(i)) else {
        return points.first().map_or(0, to);
    };
    let Some(end) = points.get(after) else {
        return to(start);
    };
    let (x0, x1, y0, y1) = (
        from(start) as u128,
        from(end) as u128,
        to(start) as u128,
        to(end) as u128,
    );
    let (x, span) = (x as u128 - x0, x1 - x0);
    // Rounded to the nearest row; u128 keeps the product exact.
    let y = y0 + (x * (y1 - y0) + span / 2) / span;
    usize::try_from(y).unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchor(topic: usize, left: usize, right: usize) -> Anchor {
        Anchor { topic, left, right }
    }

    #[test]
    fn candidates_are_the_topics_both_sides_mention() {
        let left = [Some(3), None, Some(0), Some(5)];
        let right = [Some(0), Some(1), None, Some(2)];
        assert_eq!(
            candidate_anchors(&left, &right),
            [anchor(0, 3, 0), anchor(3, 5, 2)]
        );
    }

    #[test]
    fn a_crossing_anchor_is_dropped() {
        // Tone: last on the left, first on the right; two topics in order.
        let candidates = [anchor(0, 10, 0), anchor(1, 3, 4), anchor(2, 6, 5)];
        assert_eq!(
            non_crossing(&candidates),
            [anchor(1, 3, 4), anchor(2, 6, 5)]
        );
    }

    #[test]
    fn ties_go_to_the_earlier_topic() {
        // Two chains of length one: topic 0 and topic 1 cross.
        let candidates = [anchor(1, 0, 5), anchor(0, 5, 0)];
        assert_eq!(non_crossing(&candidates), [anchor(0, 5, 0)]);
    }

    #[test]
    fn anchors_sharing_a_passage_on_one_side_cannot_both_be_kept() {
        let candidates = [anchor(0, 2, 1), anchor(1, 2, 4), anchor(2, 5, 6)];
        assert_eq!(
            non_crossing(&candidates),
            [anchor(0, 2, 1), anchor(2, 5, 6)]
        );
    }

    #[test]
    fn identical_anchors_count_once() {
        let candidates = [anchor(0, 1, 1), anchor(1, 1, 1)];
        assert_eq!(non_crossing(&candidates), [anchor(0, 1, 1)]);
        assert_eq!(non_crossing(&[]), []);
    }

    #[test]
    fn the_map_passes_through_anchors_and_ends() {
        let map = SyncMap::new(&[(10, 20), (30, 25)], 50, 100);
        assert_eq!(map.left_to_right(0), 0);
        assert_eq!(map.left_to_right(5), 10);
        assert_eq!(map.left_to_right(10), 20);
        assert_eq!(map.left_to_right(30), 25);
        assert_eq!(map.left_to_right(40), 63);
        assert_eq!(map.left_to_right(50), 100);
        assert_eq!(map.left_to_right(80), 100);
        assert_eq!(map.right_to_left(20), 10);
        assert_eq!(map.right_to_left(25), 30);
        assert_eq!(map.right_to_left(100), 50);
    }

    #[test]
    fn unreachable_anchors_are_left_out() {
        let map = SyncMap::new(&[(10, 20), (60, 90)], 50, 100);
        assert_eq!(map.points(), [(0, 0), (10, 20), (50, 100)]);
    }

    #[test]
    fn an_anchor_at_the_top_replaces_the_start() {
        let map = SyncMap::new(&[(0, 12)], 40, 40);
        assert_eq!(map.left_to_right(0), 12);
        assert_eq!(map.right_to_left(5), 0);
        assert_eq!(map.right_to_left(12), 0);
    }

    #[test]
    fn without_anchors_the_map_is_proportional() {
        let map = SyncMap::new(&[], 10, 30);
        assert_eq!(map.left_to_right(5), 15);
        assert_eq!(map.right_to_left(15), 5);
        let empty = SyncMap::new(&[], 0, 0);
        assert_eq!(empty.left_to_right(3), 0);
        let fixed_left = SyncMap::new(&[], 0, 69);
        assert_eq!(fixed_left.left_to_right(0), 0);
        assert_eq!(fixed_left.right_to_left(50), 0);
    }
}
