//! The coverage table as plain text for `readouts topics`: columns as wide
//! as their widest cell in display columns (CJK and emoji count as drawn),
//! no trailing spaces, no escape sequences.

use unicode_width::UnicodeWidthStr;

use super::{Comparison, MENTIONS, SILENT};

const GAP: &str = "  ";
const GROUP_GAP: &str = "   ";
const RANK_HEADING: &str = "rank";
const SHARE_HEADING: &str = "words";
const NOT_RANKED: &str = "—";

fn pad_right(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}

fn pad_left(text: &str, width: usize) -> String {
    format!("{}{text}", " ".repeat(width.saturating_sub(text.width())))
}

/// The cells of one side's column group, row by row, before padding.
struct SideCells {
    label: String,
    /// (mark, rank, share) per topic.
    rows: Vec<(char, String, String)>,
}

/// The widths of a side's rank and share columns, wide enough for their
/// heading and cells and, together, for the side's label above them.
fn side_widths(cells: &SideCells) -> (usize, usize) {
    let widest = |pick: fn(&(char, String, String)) -> &String, heading: &str| {
        cells
            .rows
            .iter()
            .map(|row| pick(row).width())
            .fold(heading.width(), usize::max)
    };
    let rank = widest(|row| &row.1, RANK_HEADING);
    let share = widest(|row| &row.2, SHARE_HEADING);
    let group = 2 + rank + GAP.len() + share;
    (rank, share + cells.label.width().saturating_sub(group))
}

fn side_cells(comparison: &Comparison<'_>, side: usize) -> SideCells {
    let coverage = &comparison.coverage[side];
    let rows = coverage
        .topics
        .iter()
        .enumerate()
        .map(|(topic, covered)| match covered.rank {
            Some(rank) => (
                MENTIONS,
                rank.to_string(),
                coverage.word_share(topic).to_string(),
            ),
            None => (SILENT, NOT_RANKED.to_string(), NOT_RANKED.to_string()),
        })
        .collect();
    SideCells {
        label: comparison.sides[side].label.clone(),
        rows,
    }
}

/// Renders the table, the legend and a line of totals per side.
pub fn render(comparison: &Comparison<'_>) -> String {
    let topics = &comparison.document.topics;
    let number_width = topics.len().to_string().len();
    let label_width = topics
        .iter()
        .map(|topic| topic.label.width())
        .fold("Topic".width(), usize::max);
    let sides = [side_cells(comparison, 0), side_cells(comparison, 1)];
    let widths = sides.each_ref().map(side_widths);

    let mut lines = Vec::with_capacity(topics.len() + 6);
    let mut heading = format!(
        "{}{GAP}{}",
        pad_left("#", number_width),
        pad_right("Topic", label_width)
    );
    let mut subheading = format!(
        "{}{GAP}{}",
        " ".repeat(number_width),
        " ".repeat(label_width)
    );
    for (cells, (rank, share)) in sides.iter().zip(widths) {
        heading.push_str(GROUP_GAP);
        heading.push_str(&pad_right(&cells.label, 2 + rank + GAP.len() + share));
        subheading.push_str(&format!(
            "{GROUP_GAP}  {}{GAP}{}",
            pad_left(RANK_HEADING, rank),
            pad_left(SHARE_HEADING, share)
        ));
    }
    lines.push(heading);
    lines.push(subheading);
    for (index, topic) in topics.iter().enumerate() {
        let mut line = format!(
            "{}{GAP}{}",
            pad_left(&(index + 1).to_string(), number_width),
            pad_right(&topic.label, label_width)
        );
        for (cells, (rank, share)) in sides.iter().zip(widths) {
            let (mark, rank_cell, share_cell) = &cells.rows[index];
            line.push_str(&format!(
                "{GROUP_GAP}{mark} {}{GAP}{}",
                pad_left(rank_cell, rank),
                pad_left(share_cell, share)
            ));
        }
        lines.push(line);
    }
    lines.push(String::new());
    lines.push(format!("{MENTIONS} mentions  {SILENT} silent"));
    for (side, cells) in sides.iter().enumerate() {
        lines.push(format!("{}: {}", cells.label, comparison.side_totals(side)));
    }
    let mut text: String = lines
        .iter()
        .map(|line| line.trim_end())
        .collect::<Vec<_>>()
        .join("\n");
    text.push('\n');
    text
}
