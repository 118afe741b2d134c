//! `readouts topics` as a user runs it: shares that add up, shared ranks,
//! each side's length, and the words of the lenses each side uses.

mod support;

use support::{readouts, readouts_with_stdin, text};

const CROSSING: &str = "tests/fixtures/valid/crossing.toml";
const TIES: &str = "tests/fixtures/valid/ties.toml";

fn topics(args: &[&str]) -> String {
    let mut all = vec!["topics"];
    all.extend(args);
    let output = readouts(&all);
    assert_eq!(text(&output.stderr), "", "{args:?}");
    assert_eq!(output.status.code(), Some(0), "{args:?}");
    text(&output.stdout)
}

/// The whole percentages a table prints for each side, left then right:
/// the topic rows (the last six cells are mark, rank and share for each
/// side) and the `(no topic)` row (its last two cells). `—` is nothing,
/// `<1%` stands for 0 and `>99%` for 100, as the legend says.
fn percentages(table: &str) -> [Vec<u32>; 2] {
    let figure = |cell: &str| match cell {
        "—" => 0,
        "<1%" => 0,
        ">99%" => 100,
        _ => cell
            .strip_suffix('%')
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("not a share: {cell}")),
    };
    let mut sides = [Vec::new(), Vec::new()];
    for row in table.lines().skip(2).take_while(|line| !line.is_empty()) {
        let cells: Vec<&str> = row.split_whitespace().collect();
        let shares = if row.contains("(no topic)") {
            [cells[cells.len() - 2], cells[cells.len() - 1]]
        } else {
            [cells[cells.len() - 4], cells[cells.len() - 1]]
        };
        for (side, share) in sides.iter_mut().zip(shares) {
            side.push(figure(share));
        }
    }
    sides
}

#[test]
fn each_sides_shares_and_its_untagged_words_add_up_to_a_hundred() {
    for args in [
        vec![],
        vec![CROSSING],
        vec![CROSSING, "--left", "east", "--right", "north"],
    ] {
        let table = topics(&args);
        assert!(table.contains("(no topic)"), "{table}");
        for side in percentages(&table) {
            assert_eq!(side.iter().sum::<u32>(), 100, "{args:?}\n{table}");
        }
        let mut json_args = args.clone();
        json_args.push("--json");
        let json: serde_json::Value = serde_json::from_str(&topics(&json_args)).expect("JSON");
        for side in 0..2 {
            let on_topics: u64 = json["topics"]
                .as_array()
                .expect("topics")
                .iter()
                .map(|topic| {
                    topic["coverage"][side]["percent"]
                        .as_u64()
                        .expect("a percent")
                })
                .sum();
            let untagged = json["readouts"][side]["untagged_percent"].as_u64();
            assert_eq!(Some(on_topics).zip(untagged).map(|(a, b)| a + b), Some(100));
        }
    }
}

#[test]
fn a_passage_on_two_topics_gives_each_half_its_words() {
    let table = topics(&[CROSSING]);
    // North's 49 words: 9 on the budget, 23 on dredging and fees together
    // (11.5 each), 6 on the tone, 11 in no topic.
    let row = |label: &str| {
        table
            .lines()
            .find(|line| line.contains(label))
            .unwrap_or_else(|| panic!("{label} in\n{table}"))
            .to_string()
    };
    assert!(row("Dredging").contains("2=          24%"), "{table}");
    assert!(row("Harbour fees").contains("2=          24%"), "{table}");
    assert!(row("(no topic)").contains("22%"), "{table}");
    assert!(
        table.contains("A passage's words\nare divided equally among its topics"),
        "the legend says how shares are counted:\n{table}"
    );
}

#[test]
fn topics_first_met_in_one_passage_share_a_rank() {
    let output = readouts(&["topics", TIES]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let table = text(&output.stdout);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(
        lines[2], "1  Alpha        ●   1=    25%   ·    —      —",
        "{table}"
    );
    assert_eq!(
        lines[3], "2  Beta         ●   1=    25%   ·    —      —",
        "{table}"
    );
    assert_eq!(
        lines[4], "3  Gamma        ●   3     50%   ●    1   100%",
        "{table}"
    );
    let json: serde_json::Value = serde_json::from_str(&topics(&[TIES, "--json"])).expect("JSON");
    let alpha = &json["topics"][0]["coverage"][0];
    assert_eq!(
        (alpha["rank"].as_u64(), alpha["rank_tied"].as_bool()),
        (Some(1), Some(true))
    );
    assert_eq!(alpha["counted_words"], 1.0);
    assert_eq!(alpha["words"], 2, "the passage's words in full, as before");
    let gamma = &json["topics"][2]["coverage"][0];
    assert_eq!(
        (gamma["rank"].as_u64(), gamma["rank_tied"].as_bool()),
        (Some(3), Some(false))
    );
}

#[test]
fn each_side_says_how_long_it_is() {
    let table = topics(&[]);
    assert!(
        table.contains("\nKremlin: 12 passages, 242 words;"),
        "{table}"
    );
    assert!(
        table.contains("\nWhite House: 7 passages, 133 words;"),
        "{table}"
    );
    let json = topics(&["--json"]);
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(json["readouts"][1]["words"], 133);
    assert_eq!(json["readouts"][1]["untagged_words"], 11);
    assert_eq!(json["readouts"][1]["untagged_percent"], 8);
}

#[test]
fn each_sides_tone_words_are_listed_with_counts() {
    let table = topics(&[]);
    assert!(
        table.ends_with(
            "\n\nTone words\nKremlin: frank ×1, business-like ×1, benefit ×1\nWhite House: serious ×1, substantive ×2\n"
        ),
        "{table}"
    );
    let json: serde_json::Value = serde_json::from_str(&topics(&["--json"])).expect("JSON");
    let tone = &json["lenses"][0];
    assert_eq!(tone["name"], "tone");
    assert_eq!(tone["found"][1]["readout"], "white-house");
    assert_eq!(tone["found"][1]["words"][1]["term"], "substantive");
    assert_eq!(tone["found"][1]["words"][1]["count"], 2);
}

#[test]
fn a_files_own_lists_are_listed_after_the_tone_words() {
    let file = std::fs::read_to_string(CROSSING)
        .expect("fixture")
        .replace(
            "[meta]",
            "[lexicon]\ntone = [\"still open\"]\nmoney = [\"budget\", \"cost\", \"fees\", \"pay\"]\nweather = [\"storm\"]\n\n[meta]",
        );
    let output = readouts_with_stdin(&["topics", "-"], file.as_bytes());
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let table = text(&output.stdout);
    let lenses = &table[table.find("\nTone words\n").expect("tone words")..];
    assert_eq!(
        lenses,
        "\nTone words\n\
         North Harbour Board: frank ×1, useful ×1\n\
         South: warm ×1, constructive ×1, still open ×1\n\
         \n\
         Words of the list `money`\n\
         North Harbour Board: budget ×1, cost ×1, fees ×1, pay ×1\n\
         South: budget ×1, fees ×1\n\
         \n\
         Words of the list `weather`\n\
         North Harbour Board: none\n\
         South: none\n"
    );
}
