//! `readouts export` and `readouts topics` as a user runs them: snapshots of
//! every format for the built-in readout and the crossing fixture, a hostile
//! fixture whose text must never become live markup, and the exit codes.

mod support;

use std::path::Path;

use support::{readouts, readouts_in, readouts_with_stdin, text};
use unicode_width::UnicodeWidthStr;

const CROSSING: &str = "tests/fixtures/valid/crossing.toml";
const HOSTILE: &str = "tests/fixtures/hostile/markup.toml";

/// Standard output of a run that must succeed without a word on stderr.
fn succeeds(args: &[&str]) -> String {
    let output = readouts(args);
    assert_eq!(text(&output.stderr), "", "{args:?}");
    assert_eq!(output.status.code(), Some(0), "{args:?}");
    text(&output.stdout)
}

#[test]
fn snapshots_of_every_format() {
    for (name, file) in [("builtin", None), ("crossing", Some(CROSSING))] {
        let with_file = |args: &[&'static str]| {
            let mut args = args.to_vec();
            args.extend(file);
            succeeds(&args)
        };
        insta::assert_snapshot!(
            format!("{name}-markdown"),
            with_file(&["export", "--format", "markdown"])
        );
        insta::assert_snapshot!(
            format!("{name}-html"),
            with_file(&["export", "--format", "html"])
        );
        insta::assert_snapshot!(format!("{name}-topics"), with_file(&["topics"]));
        insta::assert_snapshot!(
            format!("{name}-topics-json"),
            with_file(&["topics", "--json"])
        );
    }
}

#[test]
fn left_and_right_pick_the_readouts() {
    let table = succeeds(&["topics", CROSSING, "--left", "east", "--right", "north"]);
    insta::assert_snapshot!("crossing-topics-east-north", table);
    let markdown = succeeds(&[
        "export", CROSSING, "--format", "markdown", "--right", "east",
    ]);
    assert!(markdown.contains("| # | Topic | North Harbour Board | East observer |"));
    assert!(markdown.contains("*Not mentioned by East observer.*"));
    assert!(!markdown.contains("### South"), "South is not shown");
}

#[test]
fn topics_rows_line_up_in_display_columns_and_carry_no_escapes() {
    let table = succeeds(&["topics", CROSSING]);
    assert!(!table.contains('\u{1b}'), "no escape sequences when piped");
    assert!(table.lines().all(|line| line == line.trim_end()), "{table}");
    let rows: Vec<&str> = table.lines().skip(2).take(5).collect();
    assert!(rows[3].contains("渡轮时刻表"), "{table}");
    let widths: Vec<usize> = rows.iter().map(|row| row.width()).collect();
    assert!(
        widths.iter().all(|&w| w == widths[0]),
        "{widths:?}\n{table}"
    );
    let widest = table.lines().map(UnicodeWidthStr::width).max();
    let widest_row_or_total = table
        .lines()
        .filter(|line| !line.starts_with(' ') && !line.starts_with('#'))
        .map(UnicodeWidthStr::width)
        .max();
    assert_eq!(
        widest, widest_row_or_total,
        "headings never widen the table"
    );
}

#[test]
fn the_readme_shows_real_topics_output() {
    let readme = include_str!("../README.md");
    let start =
        readme.find("$ readouts topics\n").expect("an example") + "$ readouts topics\n".len();
    let length = readme[start..].find("```").expect("the example ends");
    let table = succeeds(&["topics"]);
    for line in readme[start..start + length]
        .lines()
        .filter(|line| *line != "…")
    {
        assert!(
            table.lines().any(|real| real == line),
            "not in the output: {line}"
        );
    }
}

#[test]
fn topics_json_is_the_same_data_as_the_table() {
    let json: serde_json::Value =
        serde_json::from_str(&succeeds(&["topics", CROSSING, "--json"])).expect("valid JSON");
    let topics = json["topics"].as_array().expect("topics");
    assert_eq!(topics.len(), 5);
    let ferry = &topics[3];
    assert_eq!(ferry["id"], "ferry");
    assert_eq!(ferry["coverage"][0]["readout"], "north");
    assert_eq!(ferry["coverage"][0]["mentions"], false);
    assert_eq!(ferry["coverage"][0]["rank"], serde_json::Value::Null);
    assert_eq!(ferry["coverage"][1]["rank"], 2);
    assert_eq!(json["readouts"][0]["tagged_passages"], 3);
    assert_eq!(json["readouts"][0]["tagged_share"], 0.75);
}

/// Every tag in the page is one the renderer writes, with only the
/// renderer's attributes, and every link goes to an anchor or to http(s).
fn assert_only_renderer_markup(html: &str) {
    const TAGS: &[&str] = &[
        "!DOCTYPE",
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "header",
        "h1",
        "h2",
        "h3",
        "p",
        "time",
        "div",
        "section",
        "dl",
        "dt",
        "dd",
        "nav",
        "ol",
        "ul",
        "li",
        "span",
        "a",
        "main",
        "blockquote",
        "aside",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "strong",
        "u",
        "br",
    ];
    const ATTRIBUTES: &[&str] = &[
        "lang", "charset", "name", "content", "class", "id", "datetime", "href", "title", "scope",
    ];
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let close = rest[open..].find('>').expect("every tag closes") + open;
        let tag = &rest[open + 1..close];
        rest = &rest[close + 1..];
        let tag = tag.strip_prefix('/').unwrap_or(tag);
        let (name, mut attributes) = tag.split_once(' ').unwrap_or((tag, ""));
        assert!(TAGS.contains(&name), "unexpected tag <{tag}>");
        if name == "!DOCTYPE" {
            continue;
        }
        while !attributes.is_empty() {
            let (attribute, after) = attributes.split_once("=\"").expect("a quoted value");
            let (value, after) = after.split_once('"').expect("the value closes");
            assert!(
                ATTRIBUTES.contains(&attribute),
                "attribute {attribute} in <{tag}>"
            );
            assert!(!value.contains(['<', '>']), "{value}");
            if attribute == "href" {
                assert!(
                    value.starts_with('#') || value.starts_with("https://"),
                    "href {value}"
                );
            }
            attributes = after.trim_start();
        }
    }
}

#[test]
fn hostile_text_never_becomes_html() {
    assert_only_renderer_markup(&succeeds(&["export", CROSSING, "--format", "html"]));
    let html = succeeds(&["export", HOSTILE, "--format", "html"]);
    assert_only_renderer_markup(&html);
    for live in [
        "<script",
        "<img",
        "<a href=\"javascript",
        "<i>",
        "<b ",
        "<!--",
        "<?php",
    ] {
        assert!(!html.contains(live), "{live} is live");
    }
    assert_eq!(
        html.matches("<style>").count(),
        1,
        "only the page's own style"
    );
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(
        html.contains("&amp;amp;lt;script&amp;amp;gt;"),
        "entities stay text"
    );
    assert!(html.contains("<dd>javascript:alert(4)</dd>"), "not a link");
    assert!(html.contains("<p class=\"silent\">Not mentioned by Right &amp; &lt;Left&gt;.</p>"));
    assert!(
        !html.contains(" lang=\"en\" onload"),
        "no lang from a non-tag"
    );
    assert!(html.contains(
        "<a href=\"https://right.example/a?b=1&amp;c=&quot;&gt;&lt;script&gt;alert(8)&lt;/script&gt;\">"
    ));
}

/// Occurrences of `c` not escaped by a backslash.
fn unescaped(markdown: &str, c: char) -> usize {
    let mut count = 0;
    let mut backslashes = 0;
    for found in markdown.chars() {
        if found == c && backslashes % 2 == 0 {
            count += 1;
        }
        backslashes = if found == '\\' { backslashes + 1 } else { 0 };
    }
    count
}

/// How the renderer's own list items begin: facts, totals, sources.
const RENDERER_ITEMS: &[&str] = &[
    "- **",
    "- Source: ",
    "- Address: ",
    "- Published: ",
    "- Language: ",
    "- Note: ",
    "- Link: ",
];

/// Hostile text stays text in the Markdown; `tests/export_markdown.rs`
/// reads it back with a CommonMark parser, this checks the bytes.
#[test]
fn hostile_text_never_becomes_markdown_or_html() {
    let markdown = succeeds(&["export", HOSTILE, "--format", "markdown"]);
    for c in ['<', '`'] {
        assert_eq!(unescaped(&markdown, c), 0, "an unescaped {c:?}");
    }
    assert_eq!(
        markdown.matches("](").count() - markdown.matches("\\](").count(),
        1,
        "only the source's https link"
    );
    assert!(markdown.contains("](https://right.example/a?b=1\\&c=%22%3E%3Cscript%3E"));
    assert!(
        markdown.contains("[Click\\](javascript:alert(1))"),
        "not a link"
    );
    assert!(
        markdown.contains("[link\\](https://evil.example)"),
        "not a link"
    );
    assert!(markdown.contains("\\*\\*bold\\*\\*"));
    assert!(
        markdown.contains("$x^2$ | a | b |"),
        "no table outside the table"
    );
    for line in markdown.lines() {
        let heading = line.starts_with("# ") || line.starts_with("## ") || line.starts_with("### ");
        assert!(
            heading || !line.starts_with('#'),
            "a heading from file text: {line}"
        );
        let list_item = line.starts_with("- ") || line.starts_with("1. ");
        assert!(
            !list_item || RENDERER_ITEMS.iter().any(|item| line.starts_with(item)),
            "a list item from file text: {line}"
        );
    }
    assert!(markdown.contains("\n\\# A heading?\n"));
    assert!(markdown.contains("\n\\- a list item?\n"));
    assert!(markdown.contains("\n1\\. an ordered item?\n"));
    assert!(
        markdown.contains("\n**S2** > quoted?\n"),
        "not at a line's start"
    );
    assert!(markdown.contains("\n\\> > nested?"));
    assert!(markdown.contains("\n  \\- \\<b>a list in a note?\\</b>\n"));
    insta::assert_snapshot!("hostile-markdown", markdown);
}

#[test]
fn output_goes_to_a_file_atomically() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join(CROSSING);
    let fixture = fixture.to_str().expect("utf-8 path");
    std::fs::write(dir.path().join("handout.html"), "old").expect("an old handout");
    let args = ["export", fixture, "--format", "html", "-o", "handout.html"];
    let refused = readouts_in(dir.path(), &args, b"");
    assert_eq!(refused.status.code(), Some(1), "an existing file is kept");
    assert!(text(&refused.stderr).contains("pass --force to replace it"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("handout.html")).expect("kept"),
        "old"
    );
    let output = readouts_in(dir.path(), &[&args[..], &["--force"]].concat(), b"");
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(text(&output.stdout), "", "nothing on standard output");
    let written = std::fs::read_to_string(dir.path().join("handout.html")).expect("written");
    assert_eq!(written, succeeds(&["export", CROSSING, "--format", "html"]));
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|entry| entry.expect("entry").file_name())
        .collect();
    assert_eq!(names, ["handout.html"], "no temporary file is left");
}

#[test]
fn an_unwritable_output_exits_1_naming_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("taken")).expect("a folder");
    for out in ["missing/handout.md", "taken"] {
        let output = readouts_in(
            dir.path(),
            &["export", "--format", "markdown", "-o", out],
            b"",
        );
        assert_eq!(output.status.code(), Some(1), "{out}");
        assert_eq!(text(&output.stdout), "");
        let stderr = text(&output.stderr);
        assert!(
            stderr.starts_with(&format!("error: cannot write `{out}`: ")),
            "{stderr}"
        );
    }
    let left: Vec<_> = std::fs::read_dir(dir.path()).expect("list").collect();
    assert_eq!(left.len(), 1, "only the folder; no temporary file");
}

#[test]
fn dash_reads_standard_input() {
    let crossing = std::fs::read(CROSSING).expect("fixture");
    for args in [
        ["export", "-", "--format", "markdown"].as_slice(),
        ["topics", "-"].as_slice(),
        ["topics", "-", "--json"].as_slice(),
    ] {
        let output = readouts_with_stdin(args, &crossing);
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        let from_file: Vec<&str> = args
            .iter()
            .map(|&arg| if arg == "-" { CROSSING } else { arg })
            .collect();
        assert_eq!(text(&output.stdout), succeeds(&from_file), "{args:?}");
    }
    let output = readouts_with_stdin(&["topics", "-"], b"title = 1\n");
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("--> <stdin>:1:9"));
}

#[test]
fn usage_errors_exit_2() {
    let output = readouts(&["export", "--format", "pdf"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("invalid value 'pdf'"));
    assert_eq!(
        readouts(&["export"]).status.code(),
        Some(2),
        "a format is required"
    );
    for args in [
        ["export", "--format", "html", "--left", "tass"].as_slice(),
        ["topics", "--right", "tass"].as_slice(),
    ] {
        let output = readouts(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(text(&output.stdout), "");
        assert!(
            text(&output.stderr).starts_with(
                "error: no readout has the id `tass`; the readouts are `kremlin`, `white-house`"
            ),
            "{}",
            text(&output.stderr)
        );
    }
}

#[test]
fn an_invalid_file_exits_1() {
    for args in [
        [
            "export",
            "tests/fixtures/invalid/missing-title.toml",
            "--format",
            "html",
        ]
        .as_slice(),
        ["topics", "no/such/file.toml"].as_slice(),
    ] {
        let output = readouts(args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert_eq!(text(&output.stdout), "");
        assert!(text(&output.stderr).starts_with("error: "));
    }
}
