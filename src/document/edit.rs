//! Edits a reader makes to the topics of a document in the viewer, each
//! with what undoes it. Readouts are named by their index in the document
//! (not by pane), so an edit means the same whichever readouts are shown.

use super::{Document, Topic};

/// One change to the document's topics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Put a topic on a passage (at the end of its list) or take it off.
    Tag {
        readout: usize,
        passage: usize,
        topic: usize,
        on: bool,
    },
    /// A new topic, at the end of the list.
    NewTopic { id: String, label: String },
    /// A topic's label, from one to another.
    Rename {
        topic: usize,
        from: String,
        to: String,
    },
    /// A passage's note, from one to another (none: no note).
    Note {
        readout: usize,
        passage: usize,
        from: Option<String>,
        to: Option<String>,
    },
    /// A topic taken out, with the passages that carried it: readout,
    /// passage, and where in the passage's list it stood.
    Delete {
        topic: usize,
        removed: Topic,
        carried: Vec<(usize, usize, usize)>,
    },
}

impl Edit {
    /// Deleting `topic`, with everything needed to put it back.
    pub fn delete(document: &Document, topic: usize) -> Option<Edit> {
        let removed = document.topics.get(topic)?.clone();
        let carried = document
            .readouts
            .iter()
            .enumerate()
            .flat_map(|(r, readout)| {
                readout
                    .passages
                    .iter()
                    .enumerate()
                    .filter_map(move |(p, passage)| {
                        let at = passage.topics.iter().position(|&t| t == topic)?;
                        Some((r, p, at))
                    })
            })
            .collect();
        Some(Edit::Delete {
            topic,
            removed,
            carried,
        })
    }

    /// Makes the change.
    pub fn apply(&self, document: &mut Document) {
        match self {
            Edit::Tag {
                readout,
                passage,
                topic,
                on,
            } => {
                let Some(topics) = passage_topics(document, *readout, *passage) else {
                    return;
                };
                topics.retain(|t| t != topic);
                if *on {
                    topics.push(*topic);
                }
            }
            Edit::NewTopic { id, label } => document.topics.push(Topic {
                id: id.clone(),
                label: label.clone(),
                note: None,
            }),
            Edit::Rename { topic, to, .. } => {
                if let Some(topic) = document.topics.get_mut(*topic) {
                    topic.label = to.clone();
                }
            }
            Edit::Note {
                readout,
                passage,
                to,
                ..
            } => set_note(document, *readout, *passage, to.clone()),
            Edit::Delete { topic, .. } => {
                if *topic >= document.topics.len() {
                    return;
                }
                document.topics.remove(*topic);
                for passage in document.readouts.iter_mut().flat_map(|r| &mut r.passages) {
                    passage.topics.retain(|t| t != topic);
                    for t in &mut passage.topics {
                        if *t > *topic {
                            *t -= 1;
                        }
                    }
                }
            }
        }
    }

    /// Undoes the change: the document is as it was before [`Edit::apply`].
    pub fn revert(&self, document: &mut Document) {
        match self {
            Edit::Tag {
                readout,
                passage,
                topic,
                on,
            } => Edit::Tag {
                readout: *readout,
                passage: *passage,
                topic: *topic,
                on: !on,
            }
            .apply(document),
            Edit::NewTopic { .. } => {
                document.topics.pop();
            }
            Edit::Rename { topic, from, .. } => {
                if let Some(topic) = document.topics.get_mut(*topic) {
                    topic.label = from.clone();
                }
            }
            Edit::Note {
                readout,
                passage,
                from,
                ..
            } => set_note(document, *readout, *passage, from.clone()),
            Edit::Delete {
                topic,
                removed,
                carried,
            } => {
                for passage in document.readouts.iter_mut().flat_map(|r| &mut r.passages) {
                    for t in &mut passage.topics {
                        if *t >= *topic {
                            *t += 1;
                        }
                    }
                }
                let at = (*topic).min(document.topics.len());
                document.topics.insert(at, removed.clone());
                for &(r, p, position) in carried {
                    if let Some(topics) = passage_topics(document, r, p) {
                        topics.insert(position.min(topics.len()), *topic);
                    }
                }
            }
        }
    }
}

fn set_note(document: &mut Document, readout: usize, passage: usize, note: Option<String>) {
    if let Some(passage) = document
        .readouts
        .get_mut(readout)
        .and_then(|r| r.passages.get_mut(passage))
    {
        passage.note = note;
    }
}

fn passage_topics(
    document: &mut Document,
    readout: usize,
    passage: usize,
) -> Option<&mut Vec<usize>> {
    Some(
        &mut document
            .readouts
            .get_mut(readout)?
            .passages
            .get_mut(passage)?
            .topics,
    )
}

/// An id for a new topic from its label: lowercase ASCII letters and
/// digits joined by `-`, as the format wants, made unique with `-2`, `-3`…
/// A label with no such letters gets `topic`.
pub fn id_from_label(label: &str, taken: &[&str]) -> String {
    let mut base = String::new();
    for c in label.chars() {
        if c.is_ascii_alphanumeric() {
            base.push(c.to_ascii_lowercase());
        } else if !base.is_empty() && !base.ends_with('-') {
            base.push('-');
        }
    }
    let base = base.trim_end_matches('-');
    let base = if base.is_empty() { "topic" } else { base };
    let mut id = base.to_string();
    let mut n = 2;
    while taken.contains(&id.as_str()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::builtin;
    use crate::document::load::load_str;

    fn builtin_document() -> Document {
        load_str(builtin::NAME, builtin::TEXT)
            .expect("the built-in readout loads")
            .document
    }

    #[test]
    fn every_edit_undone_gives_the_document_back() {
        let original = builtin_document();
        let tone = original.topic_index("tone").expect("tone");
        let edits = [
            Edit::Tag {
                readout: 0,
                passage: 0,
                topic: tone,
                on: true,
            },
            Edit::Tag {
                readout: 1,
                passage: 0,
                topic: tone,
                on: false,
            },
            Edit::NewTopic {
                id: "sanctions".to_string(),
                label: "Sanctions".to_string(),
            },
            Edit::Rename {
                topic: tone,
                from: original.topics[tone].label.clone(),
                to: "Tone".to_string(),
            },
            Edit::Note {
                readout: 1,
                passage: 0,
                from: original.readouts[1].passages[0].note.clone(),
                to: Some("Opens with the tone.".to_string()),
            },
            Edit::delete(&original, tone).expect("a topic"),
            Edit::delete(&original, original.topics.len() - 1).expect("a topic"),
        ];
        for edit in edits {
            let mut document = original.clone();
            edit.apply(&mut document);
            assert_ne!(document, original, "{edit:?} changes something");
            edit.revert(&mut document);
            assert_eq!(document, original, "{edit:?} undone");
        }
    }

    #[test]
    fn deleting_a_topic_takes_its_references_and_renumbers_the_rest() {
        let mut document = builtin_document();
        let tone = document.topic_index("tone").expect("tone");
        let calendar = document
            .topic_index("negotiation-calendar")
            .expect("calendar");
        Edit::delete(&document, tone)
            .expect("a topic")
            .apply(&mut document);
        assert_eq!(document.topic_index("tone"), None);
        let calendar_now = document
            .topic_index("negotiation-calendar")
            .expect("still there");
        assert_eq!(calendar_now, calendar - usize::from(calendar > tone));
        for passage in document.readouts.iter().flat_map(|r| &r.passages) {
            assert!(passage.topics.iter().all(|&t| t < document.topics.len()));
        }
    }

    #[test]
    fn ids_are_made_from_labels_and_kept_unique() {
        assert_eq!(
            id_from_label("Sanctions & measures", &[]),
            "sanctions-measures"
        );
        assert_eq!(id_from_label("  Cyber  ", &[]), "cyber");
        assert_eq!(id_from_label("Кибер", &[]), "topic");
        assert_eq!(id_from_label("Tone", &["tone", "tone-2"]), "tone-3");
    }
}
