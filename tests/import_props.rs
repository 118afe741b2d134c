//! Any two texts with words in them, cut in any way, import to a readout
//! file that loads without an error or a warning, and loads back to exactly
//! the passages imported, tagged with exactly the suggested topics. Every
//! way of cutting a text keeps all its words, in order.

use proptest::prelude::*;
use readouts::document::load::load_str;
use readouts::import::render::render;
use readouts::import::split::Split;
use readouts::import::{Draft, EventDate, ImportedReadout, choose_label, passages, read_text};

/// A side as the command makes it: its label from its heading, or the
/// file's name.
fn side(id: &str, text: &str, how: Split) -> ImportedReadout {
    let read = read_text(text, how);
    let (label, label_origin) = choose_label(None, read.heading.as_ref(), Some(id), id);
    ImportedReadout {
        id: id.to_string(),
        label,
        label_origin,
        file_name: format!("{id}.txt"),
        source: Some(format!("{id} \"press\" service")),
        heading: read.heading,
        date_lines: read.date.map(|(lines, _)| lines).unwrap_or_default(),
        split: read.split,
        passages: read.passages,
    }
}

fn any_split() -> impl Strategy<Value = Split> {
    prop_oneof![
        Just(Split::Auto),
        Just(Split::Paragraph),
        Just(Split::Line),
        Just(Split::Sentence),
    ]
}

/// Imports two texts and checks the file against what was imported.
fn assert_round_trip(left_text: &str, right: &str, how: Split, suggest_topics: bool) {
    let left = side("left", left_text, how);
    let date = read_text(left_text, how).date.map(|(_, date)| EventDate {
        date,
        from_file: Some(left.file_name.clone()),
    });
    let draft = Draft::new(
        "Property".to_string(),
        date,
        left,
        side("right", right, how),
        suggest_topics,
    );
    let toml = render(&draft);
    let loaded =
        load_str("import.toml", &toml).unwrap_or_else(|errors| panic!("{errors:#?}\n{toml}"));
    assert!(loaded.warnings.is_empty(), "{:?}\n{toml}", loaded.warnings);
    let document = loaded.document;
    assert_eq!(document.readouts.len(), 2);
    assert_eq!(document.date, draft.date.as_ref().map(|d| d.date));
    assert_eq!(document.readouts[0].label, draft.left.label);
    for (readout, imported) in document.readouts.iter().zip([&draft.left, &draft.right]) {
        let texts: Vec<&str> = readout.passages.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, imported.passages, "{toml}");
    }
    if let Some(suggestions) = draft.suggestions.as_ref().filter(|s| !s.is_empty()) {
        let ids: Vec<&str> = document.topics.iter().map(|t| t.id.as_str()).collect();
        let suggested: Vec<&str> = suggestions.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, suggested);
        for (at, passage) in document.readouts[0].passages.iter().enumerate() {
            let expected: Vec<usize> = (0..suggestions.len())
                .filter(|&t| suggestions[t].left.contains(&at))
                .collect();
            assert_eq!(passage.topics, expected);
        }
    }
}

/// Text made of awkward pieces: TOML's quotes and escapes, comment and
/// header look-alikes, control characters, wide characters, every kind of
/// line end and blank line, headings, dates, abbreviations and sentence
/// ends.
fn awkward_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Z]{1,12}",
        "\\PC{1,6}",
        Just("\"".to_string()),
        Just("\"\"\"".to_string()),
        Just("'''".to_string()),
        Just("\\".to_string()),
        Just("\\n".to_string()),
        Just("#".to_string()),
        Just("[[topics]]".to_string()),
        Just("会谈 👩\u{200d}🔬".to_string()),
        "[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}\\u{202a}-\\u{202e}\\u{2066}-\\u{2069}]",
        Just("\u{a0}\u{2028}\u{2029}\u{feff}".to_string()),
        Just(" ".to_string()),
        Just("\t".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n \t\r\n".to_string()),
        Just("Telephone conversation with US President \u{1b}".to_string()),
        Just("Readout of President Biden's Call\n".to_string()),
        Just("\nJuly 9, 2021\n18:45\n".to_string()),
        Just(" Mr. U.S. No. 5. ".to_string()),
        Just(". ".to_string()),
        Just("?é! “Quoted.” ".to_string()),
    ];
    (any::<bool>(), proptest::collection::vec(piece, 1..40)).prop_map(|(bom, pieces)| {
        let text = pieces.concat();
        if bom { format!("\u{feff}{text}") } else { text }
    })
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![awkward_text(), any::<String>()].prop_filter("a text with words", |text| {
        !read_text(text, Split::Auto).passages.is_empty()
    })
}

/// Printable words separated by spaces, tabs, line ends and blank lines,
/// with the paragraphs' words as a reader counts them.
fn plain_text() -> impl Strategy<Value = (String, Vec<Vec<String>>)> {
    let separator = prop_oneof![
        Just(" "),
        Just("\t"),
        Just("  \t"),
        Just("\n"),
        Just("\r\n"),
        Just("\n\n"),
        Just("\r\n\r\n"),
        Just("\n \t \n\n")
    ];
    proptest::collection::vec(("[!-~é会]{1,8}", separator), 1..30).prop_map(|words| {
        let text: String = words.iter().map(|(w, s)| format!("{w}{s}")).collect();
        let unified = text.replace("\r\n", "\n");
        let paragraphs = unified
            .split('\n')
            .collect::<Vec<_>>()
            .split(|line| line.trim().is_empty())
            .map(|lines| {
                lines
                    .iter()
                    .flat_map(|l| l.split_whitespace())
                    .map(String::from)
                    .collect()
            })
            .filter(|words: &Vec<String>| !words.is_empty())
            .collect();
        (text, paragraphs)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_two_texts_import_to_a_valid_file_that_round_trips(
        left in any_text(),
        right in any_text(),
        how in any_split(),
        suggest_topics in any::<bool>(),
    ) {
        assert_round_trip(&left, &right, how, suggest_topics);
    }

    #[test]
    fn similar_texts_with_suggestions_round_trip(
        shared in proptest::collection::vec("[a-z]{3,9}", 1..12),
        left_order in proptest::collection::vec(0usize..12, 1..12),
        right_order in proptest::collection::vec(0usize..12, 1..12),
    ) {
        // Paragraphs built from one vocabulary, so that many pairs link.
        let paragraph = |order: &[usize]| -> String {
            order
                .chunks(3)
                .map(|chunk| {
                    chunk.iter().map(|&i| shared[i % shared.len()].as_str()).collect::<Vec<_>>().join(" ")
                })
                .collect::<Vec<_>>()
                .join("\n\n")
        };
        assert_round_trip(&paragraph(&left_order), &paragraph(&right_order), Split::Auto, true);
    }

    #[test]
    fn passages_keep_every_word_of_their_paragraph((text, paragraphs) in plain_text()) {
        let found: Vec<Vec<String>> = passages(&text, Split::Paragraph)
            .0
            .iter()
            .map(|p| p.split(' ').map(String::from).collect())
            .collect();
        prop_assert_eq!(found, paragraphs);
    }

    #[test]
    fn every_split_keeps_every_word_in_order(
        (text, paragraphs) in plain_text(),
        how in any_split(),
    ) {
        let (found, used) = passages(&text, how);
        prop_assert_ne!(used, Split::Auto);
        let words: Vec<String> = found
            .iter()
            .flat_map(|p| p.split(' ').map(String::from))
            .collect();
        prop_assert_eq!(words, paragraphs.concat());
        prop_assert!(found.iter().all(|p| !p.is_empty() && p.trim() == p));
    }

    #[test]
    fn headings_and_date_lines_are_taken_off_whole(
        heading in prop_oneof![
            Just(""),
            Just("Readout of President Biden's Call with President Putin\n"),
            Just("Telephone conversation with US President Joseph Biden\r\n\r\n"),
        ],
        date in prop_oneof![Just(""), Just("July 9, 2021\n"), Just("9 July 2021\n18:45\n\n")],
        (body, paragraphs) in plain_text(),
        how in any_split(),
    ) {
        let text = format!("{heading}{date}{body}");
        let read = read_text(&text, how);
        prop_assert_eq!(read.heading.is_some(), !heading.is_empty());
        let mut words: Vec<String> = Vec::new();
        let front = read.heading.iter().map(|h| h.line.clone());
        let dates = read.date.iter().flat_map(|(lines, _)| lines.clone());
        for piece in front.chain(dates).chain(read.passages) {
            words.extend(piece.split(' ').map(String::from));
        }
        let expected: Vec<String> = format!("{heading}{date}")
            .split_whitespace()
            .map(String::from)
            .chain(paragraphs.concat())
            .collect();
        prop_assert_eq!(words, expected);
    }
}
