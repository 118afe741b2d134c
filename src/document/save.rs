//! Writing the viewer's edits back into the text of the file they came
//! from. Only what changed is touched — a passage's `topics`, a topic's
//! `label`, a `[[topics]]` table added or taken out — and toml_edit keeps
//! every comment, blank line, key order and string style of the rest.

use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, Value, value};

use super::Document;
use super::normalize::{normalize_line, normalize_text};

/// The text of `original` with `document`'s topics and tags. `original`
/// must be the file `document` was loaded from, before the edits.
pub fn patched(original: &str, document: &Document) -> Result<String, String> {
    let mut file: DocumentMut = original
        .parse()
        .map_err(|error| format!("the file no longer parses: {error}"))?;
    patch_topics(&mut file, document)?;
    patch_passages(&mut file, document)?;
    Ok(file.to_string())
}

fn id_of(table: &Table) -> Option<&str> {
    table.get("id").and_then(Item::as_str)
}

fn patch_topics(file: &mut DocumentMut, document: &Document) -> Result<(), String> {
    let topics = file
        .get_mut("topics")
        .and_then(Item::as_array_of_tables_mut)
        .ok_or("the file has no [[topics]]")?;
    topics.retain(|table| id_of(table).is_some_and(|id| document.topic_index(id).is_some()));
    let mut kept: Vec<String> = Vec::new();
    for table in topics.iter_mut() {
        let Some(id) = id_of(table).map(str::to_string) else {
            continue;
        };
        if let Some(topic) = document.topic_index(&id).map(|i| &document.topics[i]) {
            let label = table
                .get("label")
                .and_then(Item::as_str)
                .map(normalize_line);
            if label.as_deref() != Some(topic.label.as_str()) {
                replace_value(table, "label", Value::from(topic.label.as_str()));
            }
        }
        kept.push(id);
    }
    let last = topics.iter().filter_map(Table::position).max();
    let new: Vec<Table> = document
        .topics
        .iter()
        .filter(|topic| !kept.contains(&topic.id))
        .map(|topic| {
            let mut table = Table::new();
            table["id"] = value(topic.id.as_str());
            table["label"] = value(topic.label.as_str());
            table
        })
        .collect();
    if new.is_empty() {
        return Ok(());
    }
    // New topics go right after the last one, not after the readouts:
    // every table placed after it moves down to make room.
    if let Some(last) = last {
        let room = isize::try_from(new.len()).unwrap_or(isize::MAX);
        shift_after(file.as_table_mut(), last, room);
    }
    let topics = file
        .get_mut("topics")
        .and_then(Item::as_array_of_tables_mut)
        .ok_or("the file has no [[topics]]")?;
    for (offset, mut table) in (1..).zip(new) {
        table.set_position(last.map(|last| last + offset));
        topics.push(table);
    }
    Ok(())
}

/// Moves every table placed after `after` down by `by` places.
fn shift_after(table: &mut Table, after: isize, by: isize) {
    for (_, item) in table.iter_mut() {
        match item {
            Item::Table(table) => {
                shift(table, after, by);
                shift_after(table, after, by);
            }
            Item::ArrayOfTables(tables) => shift_array(tables, after, by),
            _ => {}
        }
    }
}

fn shift_array(tables: &mut ArrayOfTables, after: isize, by: isize) {
    for table in tables.iter_mut() {
        shift(table, after, by);
        shift_after(table, after, by);
    }
}

fn shift(table: &mut Table, after: isize, by: isize) {
    if let Some(position) = table.position()
        && position > after
    {
        table.set_position(Some(position + by));
    }
}

fn patch_passages(file: &mut DocumentMut, document: &Document) -> Result<(), String> {
    let readouts = file
        .get_mut("readouts")
        .and_then(Item::as_array_of_tables_mut)
        .ok_or("the file has no [[readouts]]")?;
    for (readout, table) in document.readouts.iter().zip(readouts.iter_mut()) {
        let passages = table
            .get_mut("passages")
            .and_then(Item::as_array_of_tables_mut)
            .ok_or_else(|| format!("readout `{}` has no passages", readout.id))?;
        for (passage, table) in readout.passages.iter().zip(passages.iter_mut()) {
            let note = table.get("note").and_then(Item::as_str).map(normalize_text);
            if note != passage.note {
                match &passage.note {
                    Some(note) => replace_value(table, "note", Value::from(note.as_str())),
                    None => {
                        table.remove("note");
                    }
                }
            }
            let wanted: Vec<&str> = passage
                .topics
                .iter()
                .map(|&topic| document.topics[topic].id.as_str())
                .collect();
            let written: Option<Vec<&str>> = table
                .get("topics")
                .and_then(Item::as_array)
                .map(|array| array.iter().filter_map(|v| v.as_str()).collect());
            if written.as_deref().unwrap_or(&[]) == wanted.as_slice() {
                continue;
            }
            if wanted.is_empty() {
                table.remove("topics");
            } else {
                replace_value(
                    table,
                    "topics",
                    Value::from(wanted.into_iter().collect::<Array>()),
                );
            }
        }
    }
    Ok(())
}

/// Sets `key` to `new`, keeping the spaces and the comment around the old
/// value.
fn replace_value(table: &mut Table, key: &str, mut new: Value) {
    if let Some(old) = table.get(key).and_then(Item::as_value) {
        *new.decor_mut() = old.decor().clone();
    }
    table[key] = Item::Value(new);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::edit::Edit;
    use crate::document::load::load_str;

    const FILE: &str = r#"# Talks, tagged by hand.
format = 1
title = "Harbour talks"

[[topics]]
id = "tone"   # how it went
label = 'Tone'

[[topics]]
id = "treaty"
label = "Treaty"

[[readouts]]
id = "north"
label = "North"

[[readouts.passages]]
text = "Frank talks."
topics = ["tone"]

[[readouts.passages]]
text = """
The treaty."""

[[readouts]]
id = "south"
label = "South"

[[readouts.passages]]
text = "Difficult talks; the treaty."
topics = [ "tone",  "treaty" ]   # both
"#;

    fn edited(edits: &[Edit]) -> (String, Document) {
        let mut document = load_str("talks.toml", FILE).expect("valid").document;
        for edit in edits {
            edit.apply(&mut document);
        }
        let text = patched(FILE, &document).expect("patched");
        let reloaded = load_str("talks.toml", &text)
            .expect("the saved file is valid")
            .document;
        (text, reloaded)
    }

    #[test]
    fn no_edit_changes_no_byte() {
        assert_eq!(edited(&[]).0, FILE);
    }

    #[test]
    fn a_tag_changes_only_that_passage_s_topics_line() {
        let (text, reloaded) = edited(&[Edit::Tag {
            readout: 0,
            passage: 1,
            topic: 1,
            on: true,
        }]);
        assert_eq!(reloaded.readouts[0].passages[1].topics, vec![1]);
        let changed: Vec<&str> = text
            .lines()
            .filter(|l| !FILE.lines().any(|o| o == *l))
            .collect();
        assert_eq!(changed, ["topics = [\"treaty\"]"]);
        assert_eq!(text.replace("topics = [\"treaty\"]\n", ""), FILE);
    }

    #[test]
    fn untagging_the_last_topic_removes_the_key_and_nothing_else() {
        let (text, reloaded) = edited(&[Edit::Tag {
            readout: 0,
            passage: 0,
            topic: 0,
            on: false,
        }]);
        assert!(reloaded.readouts[0].passages[0].topics.is_empty());
        assert_eq!(
            format!("{text}"),
            FILE.replacen("topics = [\"tone\"]\n", "", 1)
        );
    }

    #[test]
    fn a_rename_keeps_the_comments_and_the_other_topics() {
        let (text, reloaded) = edited(&[Edit::Rename {
            topic: 0,
            from: "Tone".to_string(),
            to: "Tone of the talks".to_string(),
        }]);
        assert_eq!(reloaded.topics[0].label, "Tone of the talks");
        assert!(text.contains("id = \"tone\"   # how it went\n"), "{text}");
        assert_eq!(
            text.lines()
                .filter(|l| !FILE.lines().any(|o| o == *l))
                .count(),
            1,
            "{text}"
        );
    }

    #[test]
    fn a_new_topic_goes_after_the_last_one() {
        let (text, reloaded) = edited(&[
            Edit::NewTopic {
                id: "sanctions".to_string(),
                label: "Sanctions".to_string(),
            },
            Edit::Tag {
                readout: 1,
                passage: 0,
                topic: 2,
                on: true,
            },
        ]);
        assert_eq!(reloaded.topics[2].id, "sanctions");
        assert_eq!(reloaded.readouts[1].passages[0].topics, vec![0, 1, 2]);
        let new_topic = text.find("id = \"sanctions\"").expect("written");
        let readouts = text.find("[[readouts]]").expect("kept");
        assert!(new_topic < readouts, "{text}");
        assert!(text.starts_with("# Talks, tagged by hand.\n"));
    }

    #[test]
    fn a_note_is_written_on_its_passage_and_taken_off_again() {
        let (text, reloaded) = edited(&[Edit::Note {
            readout: 1,
            passage: 0,
            from: None,
            to: Some("Both at once.".to_string()),
        }]);
        assert_eq!(
            reloaded.readouts[1].passages[0].note.as_deref(),
            Some("Both at once.")
        );
        assert_eq!(
            text.lines()
                .filter(|l| !FILE.lines().any(|o| o == *l))
                .collect::<Vec<_>>(),
            ["note = \"Both at once.\""]
        );
        let mut document = reloaded;
        Edit::Note {
            readout: 1,
            passage: 0,
            from: Some("Both at once.".to_string()),
            to: None,
        }
        .apply(&mut document);
        assert_eq!(patched(&text, &document).expect("patched"), FILE);
    }

    #[test]
    fn a_deleted_topic_goes_with_its_references() {
        let document = load_str("talks.toml", FILE).expect("valid").document;
        let (text, reloaded) = edited(&[Edit::delete(&document, 0).expect("a topic")]);
        assert_eq!(reloaded.topics.len(), 1);
        assert!(!text.contains("\"tone\""), "{text}");
        assert!(
            text.contains("# both"),
            "the comment after the array stays: {text}"
        );
    }
}
