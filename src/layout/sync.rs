//! Synchronised scrolling: which shared topics anchor the two panes.
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

/// The candidates of two readouts from their passages by topic (see
/// [`crate::document::Readout::passages_by_topic`]).
pub fn candidates_of(by_topic: [&[Vec<usize>]; 2]) -> Vec<Anchor> {
    let first = |side: usize| -> Vec<Option<usize>> {
        by_topic[side]
            .iter()
            .map(|passages| passages.first().copied())
            .collect()
    };
    candidate_anchors(&first(0), &first(1))
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

/// The largest set of anchors that do not cross and contain `through`: the
/// largest set before it on both sides, it, and the largest set after it.
/// A jump to a topic makes its anchor one of those kept, even a crossing
/// one. Anchors at the same place as `through` are left out: their
/// passages line up with it anyway.
pub fn non_crossing_through(candidates: &[Anchor], through: Anchor) -> Vec<Anchor> {
    let side_of = |wanted: std::cmp::Ordering| -> Vec<Anchor> {
        candidates
            .iter()
            .filter(|a| {
                a.left.cmp(&through.left) == wanted && a.right.cmp(&through.right) == wanted
            })
            .copied()
            .collect()
    };
    let mut kept = non_crossing(&side_of(std::cmp::Ordering::Less));
    kept.push(through);
    kept.extend(non_crossing(&side_of(std::cmp::Ordering::Greater)));
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
    fn the_anchor_jumped_to_is_kept_with_the_most_others_that_do_not_cross_it() {
        // Topic 0 crosses both others; through it, only it can be kept.
        let candidates = [anchor(0, 10, 0), anchor(1, 3, 4), anchor(2, 6, 5)];
        assert_eq!(
            non_crossing_through(&candidates, candidates[0]),
            [anchor(0, 10, 0)]
        );
        let middle = [
            anchor(0, 0, 0),
            anchor(1, 2, 9),
            anchor(2, 4, 4),
            anchor(3, 6, 6),
        ];
        assert_eq!(
            non_crossing_through(&middle, middle[1]),
            [anchor(0, 0, 0), anchor(1, 2, 9)]
        );
        assert_eq!(
            non_crossing_through(&middle, middle[2]),
            [anchor(0, 0, 0), anchor(2, 4, 4), anchor(3, 6, 6)]
        );
    }

    #[test]
    fn identical_anchors_count_once() {
        let candidates = [anchor(0, 1, 1), anchor(1, 1, 1)];
        assert_eq!(non_crossing(&candidates), [anchor(0, 1, 1)]);
        assert_eq!(non_crossing(&[]), []);
    }
}
