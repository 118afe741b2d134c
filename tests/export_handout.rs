//! The handout's sections as a class reads them: both accounts as
//! published, in their own order and numbered; the sections by topic citing
//! those numbers; coverage said in words next to every mark. Snapshots of
//! the sections for the built-in readout and the short call, in Markdown and
//! in HTML.

mod support;

use support::{readouts, readouts_with_stdin, text};

const SHORT_CALL: &str = "tests/fixtures/valid/short-call.toml";

fn export(file: Option<&str>, format: &str) -> String {
    let mut args = vec!["export", "--format", format];
    args.extend(file);
    let output = readouts(&args);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(text(&output.stderr), "");
    text(&output.stdout)
}

/// The part of `text` from `start` up to (not including) the first `end`
/// after it.
fn between<'t>(text: &'t str, start: &str, end: &str) -> &'t str {
    let from = text.find(start).unwrap_or_else(|| panic!("no {start:?}"));
    let length = text[from + start.len()..]
        .find(end)
        .map_or(text.len() - from, |at| at + start.len());
    &text[from..from + length]
}

/// An element of the page, from its start tag to the `end` tag that
/// closes it.
fn element<'t>(html: &'t str, start: &str, end: &str) -> &'t str {
    let from = html.find(start).unwrap_or_else(|| panic!("no {start:?}"));
    let to = html[from..]
        .find(end)
        .unwrap_or_else(|| panic!("no {end:?}"))
        + from
        + end.len();
    &html[from..to]
}

/// A Markdown section: its `## ` heading up to the next one.
fn markdown_section<'t>(markdown: &'t str, heading: &str) -> &'t str {
    between(markdown, &format!("\n## {heading}"), "\n## ").trim()
}

#[test]
fn snapshots_of_the_sections() {
    for (name, file) in [("builtin", None), ("short-call", Some(SHORT_CALL))] {
        let markdown = export(file, "markdown");
        let sections = [
            markdown_section(&markdown, "The accounts as published"),
            markdown_section(&markdown, "1. "),
        ];
        insta::assert_snapshot!(format!("{name}-sections-markdown"), sections.join("\n\n"));
        let html = export(file, "html");
        let sections = [
            element(&html, "<nav class=\"index\">", "</nav>"),
            element(&html, "<section class=\"published\"", "</section>"),
            element(&html, "<section class=\"topic\"", "</section>"),
        ];
        insta::assert_snapshot!(format!("{name}-sections-html"), sections.join("\n"));
    }
}

/// The citations of a Markdown section, in order: `**K3**` → "K3".
fn citations(section: &str) -> Vec<&str> {
    section
        .split("**")
        .skip(1)
        .step_by(2)
        .filter(|bold| {
            bold.len() > 1 && bold.ends_with(|c: char| c.is_ascii_digit()) && !bold.contains(' ')
        })
        .collect()
}

#[test]
fn each_account_is_shown_as_published_in_its_own_order() {
    let markdown = export(None, "markdown");
    let published = markdown_section(&markdown, "The accounts as published");
    assert!(published.contains(
        "its passages numbered K1, K2… (Kremlin) and W1, W2… (White House); \
         the sections by topic cite these numbers."
    ));
    let kremlin = between(published, "### Kremlin", "### White House");
    let white_house = between(published, "### White House", "\n## ");
    let numbered = |prefix: &str, count: usize| -> Vec<String> {
        (1..=count).map(|n| format!("{prefix}{n}")).collect()
    };
    assert_eq!(citations(kremlin), numbered("K", 12));
    assert_eq!(citations(white_house), numbered("W", 7));
    // The order is half the lesson: the tone closes one account and opens
    // the other.
    assert!(kremlin.contains(
        "> **K11** *(1. Tone of the call)* Overall, the conversation took place in a frank"
    ));
    assert!(white_house.starts_with(
        "### White House\n\n**W1** *(1. Tone of the call)* According to the White House version"
    ));
    assert!(kremlin.contains(
        "> **K3** *(9. Shared responsibility for stability; 3. Offensive weapons in Ukraine)* Joseph Biden"
    ));
    assert!(white_house.contains("**W4** *(no topic)* This was stated during a briefing"));

    let html = export(None, "html");
    let published = between(&html, "<section class=\"published\"", "</section>\n");
    let columns = published.matches("<div class=\"side ").count();
    assert_eq!(columns, 2, "side by side");
    assert!(
        published
            .contains("<li id=\"left-11\"><blockquote><p><span class=\"cite\">K11</span> Overall,")
    );
    assert!(published.contains(
        "<ul class=\"tags\"><li><a href=\"#topic-tone\"><span class=\"number\">1</span> Tone of the call</a></li></ul>"
    ));
    assert_eq!(published.matches("<li id=\"left-").count(), 12);
    assert_eq!(published.matches("<li id=\"right-").count(), 7);
}

/// What follows a citation up to the end of its line: the passage's text.
fn text_after<'t>(section: &'t str, citation: &str) -> &'t str {
    let lead = format!("**{citation}** ");
    let from = section
        .find(&lead)
        .unwrap_or_else(|| panic!("no {citation}"))
        + lead.len();
    section[from..].lines().next().expect("a line")
}

#[test]
fn sections_by_topic_cite_the_passages_as_published() {
    for file in [None, Some(SHORT_CALL)] {
        let markdown = export(file, "markdown");
        let published = markdown_section(&markdown, "The accounts as published");
        let by_topic = between(&markdown, "\n## 1. ", "\n## Coverage");
        let cited = citations(by_topic);
        assert!(!cited.is_empty());
        for citation in cited {
            let passage = text_after(by_topic, citation);
            let as_published = text_after(published, citation);
            assert!(
                as_published.ends_with(&format!(")* {passage}")),
                "{citation}: {passage:?} is not {as_published:?}"
            );
        }

        let html = export(file, "html");
        let mut links = 0;
        for link in html.split("<a class=\"cite\" href=\"#").skip(1) {
            let (anchor, rest) = link.split_once("\">").expect("a link");
            let (citation, passage) = rest.split_once("</a> ").expect("a citation");
            // The sections by topic mark words; the text is the same.
            let passage = plain(passage.split("</p>").next().expect("a paragraph"));
            let target = between(&html, &format!("<li id=\"{anchor}\">"), "</li>\n");
            assert!(
                plain(target).starts_with(&format!("{citation} {passage}")),
                "#{anchor} is not {citation}: {passage}"
            );
            links += 1;
        }
        assert_eq!(links, citations(by_topic).len(), "the same citations");
    }
}

/// Markup without its tags.
fn plain(markup: &str) -> String {
    let mut inside = false;
    markup
        .chars()
        .filter(|&c| {
            let keep = !inside && c != '<';
            inside = (inside || c == '<') && c != '>';
            keep
        })
        .collect()
}

#[test]
fn coverage_is_said_in_words_next_to_every_mark() {
    let markdown = export(None, "markdown");
    for (topic, line) in [
        ("1. Tone of the call", "●● Mentioned by both."),
        ("2. Security guarantees", "●· Mentioned by Kremlin only."),
        ("6. De-escalation", "·● Mentioned by White House only."),
    ] {
        assert!(
            markdown.contains(&format!("## {topic}\n\n{line}\n")),
            "{topic}"
        );
    }

    let html = export(None, "html");
    let index = between(&html, "<nav class=\"index\">", "</nav>");
    let rows: Vec<&str> = index
        .lines()
        .filter(|line| line.starts_with("<li>"))
        .collect();
    assert_eq!(rows.len(), 9);
    for row in rows.iter().chain(
        html.lines()
            .filter(|line| line.starts_with("<p class=\"mentioned\">"))
            .collect::<Vec<_>>()
            .iter(),
    ) {
        let marks = plain(between(row, "<span class=\"marks\">", "</span></span>"));
        let words = match marks.as_str() {
            "●●" => "both",
            "●·" => "Kremlin only",
            "·●" => "White House only",
            other => panic!("marks {other:?} in {row}"),
        };
        assert!(row.contains(&format!(" {words}")), "{row}");
    }

    let print = between(&html, "@media print {", "\n}\n");
    assert!(
        print.contains(".marks, .mentioned, .tags li { color: var(--ink); }"),
        "marks print in black, not grey: {print}"
    );
}

#[test]
fn labels_with_one_initial_number_by_their_words() {
    let file = r#"
title = "Two boards"
[[topics]]
id = "a"
label = "A"
[[readouts]]
id = "north"
label = "North Harbour Board"
[[readouts.passages]]
text = "One."
topics = ["a"]
[[readouts]]
id = "shore"
label = "North Shore"
[[readouts.passages]]
text = "Two."
topics = ["a"]
"#;
    let output = readouts_with_stdin(&["export", "-", "--format", "markdown"], file.as_bytes());
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let markdown = text(&output.stdout);
    assert!(markdown.contains("NHB1, NHB2… (North Harbour Board) and NS1, NS2… (North Shore)"));
    assert!(markdown.contains("**NHB1** *(1. A)* One."));
    assert!(markdown.contains("**NS1** Two."));
}

const THREE: &str = "tests/fixtures/valid/three-readouts.toml";

/// The built-in readout's facts, a passage note and the marks of the
/// sections by topic, with the key and the lenses' words.
#[test]
fn snapshots_of_facts_notes_and_marks() {
    let html = export(None, "html");
    let sections = [
        element(&html, "<section class=\"facts\">", "</section>"),
        element(&html, "<li id=\"left-4\">", "</li>\n"),
        element(&html, "<p class=\"legend lens-key\">", "</p>"),
        element(
            &html,
            "<section class=\"topic\" id=\"topic-response-to-invasion\">",
            "</section>",
        ),
        element(&html, "<h3>Tone words</h3>", "</ul>"),
    ];
    insta::assert_snapshot!("builtin-facts-notes-marks-html", sections.join("\n"));
    let markdown = export(None, "markdown");
    let sections = [
        markdown_section(&markdown, "The event"),
        markdown_section(&markdown, "4. "),
        between(&markdown, "### Tone words", "\n\n##").trim(),
    ];
    insta::assert_snapshot!("builtin-facts-notes-markdown", sections.join("\n\n"));
}

#[test]
fn the_facts_table_says_who_requested_the_call_and_where_a_side_is_silent() {
    let markdown = export(None, "markdown");
    let event = markdown_section(&markdown, "The event");
    assert!(event.contains("- **Requested by:** the Russian side"));
    assert!(event.contains("| Fact | Kremlin | White House |"));
    assert!(event.contains("| Outcome | of benefit to both parties | — |"));
    let html = export(None, "html");
    let facts = element(&html, "<section class=\"facts\">", "</section>");
    assert!(facts.contains("<th scope=\"col\">Kremlin</th><th scope=\"col\">White House</th>"));
    assert!(facts.contains("<td class=\"silent\" title=\"states nothing\">—</td>"));
}

#[test]
fn the_wording_lens_marks_what_both_sides_say_on_a_topic() {
    let html = export(None, "html");
    let topic = element(
        &html,
        "<section class=\"topic\" id=\"topic-response-to-invasion\">",
        "</section>",
    );
    // Both sides' passages on the response name Russia and Ukraine.
    for shared in ["Russia", "Ukraine"] {
        assert!(
            topic.contains(&format!("<u class=\"shared\">{shared}</u>")),
            "{shared}"
        );
    }
    // Only the Kremlin names sanctions; only the White House a decisive response.
    assert!(topic.contains("<strong class=\"own\">sanctions</strong>"));
    assert!(topic.contains("<strong class=\"own\">decisively</strong>"));
    let tone = element(
        &html,
        "<section class=\"topic\" id=\"topic-tone\">",
        "</section>",
    );
    for word in ["frank", "serious", "substantive"] {
        assert!(
            tone.contains(&format!(
                "<span class=\"tone\"><strong class=\"own\">{word}</strong></span>"
            )),
            "{word}"
        );
    }
    // The accounts as published carry no marks.
    let published = element(&html, "<section class=\"published\"", "</section>");
    assert!(!published.contains("class=\"shared\"") && !published.contains("class=\"tone\""));
}

#[test]
fn every_readout_is_a_column_unless_two_are_chosen() {
    let html = export(Some(THREE), "html");
    let published = element(&html, "<section class=\"published\"", "</section>");
    assert_eq!(published.matches("<div class=\"side ").count(), 3);
    assert!(published.contains("<div class=\"pair many\">"));
    let sections = [
        element(&html, "<nav class=\"index many\">", "</nav>"),
        element(&html, "<section class=\"facts\">", "</section>"),
        element(
            &html,
            "<section class=\"topic\" id=\"topic-water-sharing\">",
            "</section>",
        ),
        element(&html, "<section class=\"coverage\"", "</section>"),
    ];
    insta::assert_snapshot!("three-readouts-html", sections.join("\n"));
    let markdown = export(Some(THREE), "markdown");
    let sections = [
        markdown_section(&markdown, "The event"),
        markdown_section(&markdown, "2. "),
        markdown_section(&markdown, "Coverage"),
    ];
    insta::assert_snapshot!("three-readouts-markdown", sections.join("\n\n"));

    let output = readouts(&["export", "--format", "html", "--right", "corvane", THREE]);
    assert_eq!(output.status.code(), Some(0));
    let pair = text(&output.stdout);
    let published = element(&pair, "<section class=\"published\"", "</section>");
    assert_eq!(published.matches("<div class=\"side ").count(), 2);
    assert!(published.contains("<h3>Arland</h3>") && published.contains("<h3>Corvane</h3>"));
    assert!(!published.contains("Beloria</h3>"));
}
