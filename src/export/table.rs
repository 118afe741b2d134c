//! The coverage table as plain text for `readouts topics`, with a row for
//! the words of passages with no topic, the legend, each side's length and
//! what each lens finds on each side: columns as wide
//! as their widest cell in display columns (CJK and emoji count as drawn),
//! no trailing spaces, no escape sequences.

use unicode_width::UnicodeWidthStr;

use super::{COVERAGE_LEGEND, Comparison, LensFindings, MENTIONS, SILENT};
use crate::layout::wrap::wrap_paragraph;

const GAP: &str = "  ";
const GROUP_GAP: &str = "   ";
const RANK_HEADING: &str = "rank";
const SHARE_HEADING: &str = "words";
const NOT_RANKED: &str = "—";
/// The row of the words in passages with no topic, below the topics.
const UNTAGGED: &str = "(no topic)";
/// The legend under the table is wrapped to a common terminal's width.
const LEGEND_WIDTH: usize = 78;
/// Where a side's words go on when they take more than a line.
const LENS_INDENT: &str = "  ";

fn pad_right(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}

fn pad_left(text: &str, width: usize) -> String {
    format!("{}{text}", " ".repeat(width.saturating_sub(text.width())))
}

/// What one side's column group says of one topic.
struct Cell {
    mark: &'static str,
    rank: String,
    share: String,
}

/// One side's column group: its label above a mark, rank and share column.
struct SideColumns {
    label: String,
    cells: Vec<Cell>,
    rank_width: usize,
    share_width: usize,
}

/// A mark and the space after it.
const MARK_WIDTH: usize = 2;

impl SideColumns {
    fn new(comparison: &Comparison<'_>, column: usize) -> Self {
        let coverage = &comparison.coverage[column];
        // With a shared rank in the column, the others get a space where
        // its `=` is, so that the digits stay in line.
        let any_tied = coverage.topics.iter().any(|covered| covered.tied);
        let in_line = |rank: String, tied: bool| {
            if any_tied && !tied {
                format!("{rank} ")
            } else {
                rank
            }
        };
        let mut cells: Vec<Cell> = coverage
            .topics
            .iter()
            .enumerate()
            .map(|(topic, covered)| match covered.rank_label() {
                Some(rank) => Cell {
                    mark: MENTIONS,
                    rank: in_line(rank, covered.tied),
                    share: coverage.word_share(topic).to_string(),
                },
                None => Cell {
                    mark: SILENT,
                    rank: in_line(NOT_RANKED.to_string(), false),
                    share: NOT_RANKED.to_string(),
                },
            })
            .collect();
        cells.push(Cell {
            mark: " ",
            rank: String::new(),
            share: coverage.untagged_share().to_string(),
        });
        let widest = |heading: &str, pick: fn(&Cell) -> &str| {
            cells
                .iter()
                .map(|cell| pick(cell).width())
                .fold(heading.width(), usize::max)
        };
        let rank_width = widest(RANK_HEADING, |cell| &cell.rank);
        let share_width = widest(SHARE_HEADING, |cell| &cell.share);
        let label = comparison.readouts[column].label.clone();
        // A label wider than the columns widens the share column, so that
        // the group's right edge stays under the label's end.
        let columns = MARK_WIDTH + rank_width + GAP.len() + share_width;
        let share_width = share_width + label.width().saturating_sub(columns);
        SideColumns {
            label,
            cells,
            rank_width,
            share_width,
        }
    }

    fn width(&self) -> usize {
        MARK_WIDTH + self.rank_width + GAP.len() + self.share_width
    }

    fn heading(&self) -> String {
        pad_right(&self.label, self.width())
    }

    fn subheading(&self) -> String {
        format!(
            "{}{}{GAP}{}",
            " ".repeat(MARK_WIDTH),
            pad_left(RANK_HEADING, self.rank_width),
            pad_left(SHARE_HEADING, self.share_width)
        )
    }

    fn row(&self, topic: usize) -> String {
        let cell = &self.cells[topic];
        format!(
            "{} {}{GAP}{}",
            cell.mark,
            pad_left(&cell.rank, self.rank_width),
            pad_left(&cell.share, self.share_width)
        )
    }
}

/// Renders the table, the legend and a line of totals per side.
pub fn render(comparison: &Comparison<'_>) -> String {
    let topics = &comparison.document.topics;
    let number_width = topics.len().to_string().len();
    let label_width = topics
        .iter()
        .map(|topic| topic.label.width())
        .fold("Topic".width().max(UNTAGGED.width()), usize::max);
    let sides: Vec<SideColumns> = comparison
        .columns()
        .map(|column| SideColumns::new(comparison, column))
        .collect();

    let mut lines = Vec::with_capacity(topics.len() + 6);
    let mut heading = format!(
        "{}{GAP}{}",
        pad_left("#", number_width),
        pad_right("Topic", label_width)
    );
    let mut subheading = " ".repeat(number_width + GAP.len() + label_width);
    for columns in &sides {
        heading.push_str(GROUP_GAP);
        heading.push_str(&columns.heading());
        subheading.push_str(GROUP_GAP);
        subheading.push_str(&columns.subheading());
    }
    lines.push(heading);
    lines.push(subheading);
    for (index, topic) in topics.iter().enumerate() {
        let mut line = format!(
            "{}{GAP}{}",
            pad_left(&(index + 1).to_string(), number_width),
            pad_right(&topic.label, label_width)
        );
        for columns in &sides {
            line.push_str(GROUP_GAP);
            line.push_str(&columns.row(index));
        }
        lines.push(line);
    }
    let mut untagged = format!(
        "{}{GAP}{}",
        " ".repeat(number_width),
        pad_right(UNTAGGED, label_width)
    );
    for columns in &sides {
        untagged.push_str(GROUP_GAP);
        untagged.push_str(&columns.row(topics.len()));
    }
    lines.push(untagged);
    lines.push(String::new());
    lines.push(format!("{MENTIONS} mentions  {SILENT} silent"));
    wrap_paragraph(COVERAGE_LEGEND, LEGEND_WIDTH, |range| {
        lines.push(COVERAGE_LEGEND[range].to_string());
    });
    lines.push(String::new());
    for (column, columns) in sides.iter().enumerate() {
        lines.push(format!(
            "{}: {}",
            columns.label,
            comparison.side_totals(column)
        ));
    }
    for findings in comparison.findings() {
        lines.push(String::new());
        lines.extend(lens_lines(comparison, &findings));
    }
    let mut text: String = lines
        .iter()
        .map(|line| line.trim_end())
        .collect::<Vec<_>>()
        .join("\n");
    text.push('\n');
    text
}

/// What a lens finds on each side: a heading, then a line per side with
/// its words and how often it uses each, wrapped, later lines indented.
fn lens_lines(comparison: &Comparison<'_>, findings: &LensFindings) -> Vec<String> {
    let mut lines = vec![findings.heading()];
    for (readout, found) in comparison.readouts.iter().zip(&findings.found) {
        let mut line = format!("{}:", readout.label);
        if found.is_empty() {
            line.push_str(" none");
        }
        // Whole items to a line, so that a word never leaves its count.
        for (index, item) in found.iter().enumerate() {
            let comma = if index + 1 < found.len() { "," } else { "" };
            let item = format!("{}{comma}", item.counted());
            if index > 0 && line.width() + 1 + item.width() > LEGEND_WIDTH {
                lines.push(std::mem::replace(&mut line, LENS_INDENT.to_string()));
            } else {
                line.push(' ');
            }
            line.push_str(&item);
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::load::load_str;

    /// Two topics, one short and one long label, and a readout label far
    /// wider than its columns.
    const WIDE: &str = r#"
title = "t"
[[topics]]
id = "a"
label = "短"
[[topics]]
id = "b"
label = "A longer topic"
[[readouts]]
id = "north"
label = "北方港口管理委员会新闻办公室"
[[readouts.passages]]
text = "one two three"
topics = ["a"]
[[readouts]]
id = "south"
label = "S"
[[readouts.passages]]
text = "four"
topics = ["b", "a"]
"#;

    fn table_of(text: &str) -> String {
        let document = load_str("t", text).expect("valid").document;
        let pair = document.pair(None, None).expect("the first two");
        render(&Comparison::new(&document, pair))
    }

    #[test]
    fn a_wide_label_widens_its_group_and_keeps_rows_and_shared_ranks_aligned() {
        let table = table_of(WIDE);
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(
            lines[0],
            "#  Topic            北方港口管理委员会新闻办公室   S"
        );
        assert_eq!(
            lines[1],
            "                      rank                 words     rank  words"
        );
        assert_eq!(
            lines[2],
            "1  短               ●    1                  100%   ●   1=    50%"
        );
        assert_eq!(
            lines[3],
            "2  A longer topic   ·    —                     —   ●   1=    50%"
        );
        assert_eq!(
            lines[4],
            "   (no topic)                                 0%              0%"
        );
    }

    #[test]
    fn a_long_list_of_tone_words_wraps_under_its_side() {
        let table = table_of(&WIDE.replace(
            "one two three",
            "Frank, candid, constructive, serious, substantive, productive, useful, pragmatic, in-depth, cordial, warm, difficult and tense.",
        ));
        let tone = &table[table.find("Tone words\n").expect("tone words")..];
        assert_eq!(
            tone,
            "Tone words\n\
             北方港口管理委员会新闻办公室: frank ×1, candid ×1, constructive ×1,\n\
             \x20 serious ×1, substantive ×1, productive ×1, useful ×1, pragmatic ×1,\n\
             \x20 in-depth ×1, cordial ×1, warm ×1, difficult ×1, tense ×1\n\
             S: none\n"
        );
        assert!(tone.lines().all(|line| line.width() <= LEGEND_WIDTH));
    }
}
