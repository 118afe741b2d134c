//! Making a comparison in the viewer: a passage cursor, topics put on and
//! taken off passages, topics made, renamed and deleted, undo and redo,
//! and the prompts they ask through. The file is written at the edge; here
//! is what to write and when.

use std::path::PathBuf;

use super::copy::top_passage;
use super::navigation::bring_into_view;
use super::view::leader;
use super::{App, EditCommand, Side, reload};
use crate::document::Document;
use crate::document::edit::{Edit, id_from_label};
use crate::document::normalize::visible_stand_in;
use crate::layout::pane::Row;

/// The file a document came from, as the viewer will write it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The text it was loaded from (or last saved as).
    pub text: String,
    /// Where it is written: none for the built-in readout and standard
    /// input, which get a new file.
    pub file: Option<PathBuf>,
}

/// A question in the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub kind: PromptKind,
    /// What the user typed (for the kinds that take text).
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptKind {
    /// The label of a new topic.
    NewTopic,
    /// A new label for this topic.
    Rename(usize),
    /// y to delete this topic.
    Delete(usize),
    /// The note of this passage (readout index, passage): empty takes it off.
    Note(usize, usize),
    /// The path of a new file to write.
    SaveAs,
    /// Quitting with unsaved edits: w saves first, q quits anyway.
    Quit,
    /// The file changed on disk since it was loaded: r takes that version
    /// (dropping the edits), a writes the edits to a new file.
    ChangedOnDisk,
}

impl Prompt {
    fn new(kind: PromptKind, text: impl Into<String>) -> Prompt {
        Prompt {
            kind,
            text: text.into(),
        }
    }

    /// The question, before what is typed.
    pub fn question(&self, app: &App) -> String {
        let label = |topic: usize| {
            app.document
                .topics
                .get(topic)
                .map_or(String::new(), |t| t.label.clone())
        };
        match &self.kind {
            PromptKind::NewTopic => "new topic: ".to_string(),
            // The label itself is the text to edit, so it is not repeated.
            PromptKind::Rename(_) => "rename the topic: ".to_string(),
            PromptKind::Delete(topic) => {
                let carried = app
                    .document
                    .readouts
                    .iter()
                    .flat_map(|r| &r.passages)
                    .filter(|p| p.topics.contains(topic))
                    .count();
                // The keys first: a long label is cut at the end.
                let tags = match carried {
                    1 => "1 tag".to_string(),
                    n => format!("{n} tags"),
                };
                format!("y delete · n keep: “{}” and its {tags}", label(*topic))
            }
            PromptKind::Note(readout, passage) => format!(
                "note on {} {}: ",
                app.document
                    .readouts
                    .get(*readout)
                    .map_or("", |r| r.label.as_str()),
                passage + 1
            ),
            PromptKind::SaveAs => "write to a new file: ".to_string(),
            PromptKind::Quit => format!(
                "w save and quit · q quit without saving · Esc stay ({} unsaved)",
                edits_phrase(app.unsaved_edits())
            ),
            PromptKind::ChangedOnDisk => format!(
                "r reload (drops {}) · a save as a new file · Esc keep editing: the file changed on disk",
                edits_phrase(app.unsaved_edits())
            ),
        }
    }

    /// Whether it takes text (else single keys answer it).
    pub fn takes_text(&self) -> bool {
        matches!(
            self.kind,
            PromptKind::NewTopic
                | PromptKind::Rename(_)
                | PromptKind::Note(..)
                | PromptKind::SaveAs
        )
    }
}

fn edits_phrase(count: usize) -> String {
    match count {
        1 => "1 edit".to_string(),
        n => format!("{n} edits"),
    }
}

/// What the edge is asked to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveRequest {
    /// The file, or a new one.
    pub to: PathBuf,
    /// Whether it is a new file (never written over) or the open one.
    pub new_file: bool,
    /// Quit once written.
    pub then_quit: bool,
}

/// The edits of the session, for undo, redo and saving.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    done: Vec<Edit>,
    undone: Vec<Edit>,
    /// How many edits were done when the file was last written or loaded;
    /// none once that state cannot come back by undo or redo.
    saved: Option<usize>,
}

impl History {
    pub(super) fn fresh() -> History {
        History {
            saved: Some(0),
            ..History::default()
        }
    }

    fn unsaved(&self) -> usize {
        match self.saved {
            Some(saved) => self.done.len().abs_diff(saved),
            None => self.done.len().max(1),
        }
    }
}

impl App {
    /// The file the document came from, for writing edits back.
    pub fn with_source(mut self, source: Source) -> App {
        self.source = Some(source);
        self.history = History::fresh();
        self
    }

    /// How many edits are not in the file.
    pub fn unsaved_edits(&self) -> usize {
        self.history.unsaved()
    }

    /// The passage under the cursor on a side, once the cursor is shown.
    pub fn cursor(&self, side: Side) -> Option<usize> {
        self.cursor_shown
            .then_some(self.cursor[side.index()])
            .flatten()
    }

    pub fn prompt(&self) -> Option<&Prompt> {
        self.prompt.as_ref()
    }

    /// A write the edge has to do, if one was asked for.
    pub fn save_request(&self) -> Option<&SaveRequest> {
        self.save_request.as_ref()
    }

    pub fn source(&self) -> Option<&Source> {
        self.source.as_ref()
    }
}

/// A command that edits the comparison, in the panes.
pub(super) fn command(app: &mut App, command: EditCommand) {
    match command {
        EditCommand::NextPassage => move_cursor(app, true),
        EditCommand::PreviousPassage => move_cursor(app, false),
        EditCommand::ToggleTag => toggle_tag(app),
        EditCommand::NewTopic => ask(app, PromptKind::NewTopic),
        EditCommand::RenameTopic => ask(app, PromptKind::Rename(app.selected)),
        EditCommand::DeleteTopic => ask(app, PromptKind::Delete(app.selected)),
        EditCommand::EditNote => edit_note(app),
        EditCommand::Save => save(app, false),
        EditCommand::Undo => undo(app),
        EditCommand::Redo => redo(app),
    }
}

/// `}` / `{`: the next or previous passage of the pane, as it shows them.
fn move_cursor(app: &mut App, forward: bool) {
    let side = leader(app);
    let current = app.cursor(side);
    app.cursor_shown = true;
    let Some(current) = current else {
        app.cursor[side.index()] = top_passage(app, side);
        return;
    };
    let Some(view) = &app.view else {
        return;
    };
    let Some(start) = view.passage_row(side, current) else {
        return;
    };
    let passage_of = |row: usize| match view.row(side, row) {
        Some(Row::Text { passage, .. }) => usize::try_from(passage).ok(),
        _ => None,
    };
    let rows = view.rows(side);
    let found = if forward {
        (start..rows).find_map(|row| passage_of(row).filter(|&p| p != current))
    } else {
        (0..start)
            .rev()
            .find_map(|row| passage_of(row).filter(|&p| p != current))
    };
    if let Some(passage) = found {
        app.cursor[side.index()] = Some(passage);
        show_cursor(app, side);
    }
}

fn show_cursor(app: &mut App, side: Side) {
    let row = app
        .cursor(side)
        .and_then(|passage| app.view.as_ref()?.passage_row(side, passage));
    if let Some(row) = row {
        bring_into_view(app, side, row);
    }
}

/// The passage an edit of tags works on: the cursor's, else the one at the
/// top of the pane (which then gets the cursor).
fn target_passage(app: &mut App) -> Option<(Side, usize)> {
    let side = leader(app);
    let passage = app.cursor(side).or_else(|| top_passage(app, side))?;
    app.cursor[side.index()] = Some(passage);
    app.cursor_shown = true;
    Some((side, passage))
}

/// `x`: the selected topic on the cursor's passage, or off it.
fn toggle_tag(app: &mut App) {
    let Some((side, passage)) = target_passage(app) else {
        app.message = Some("no passage to tag: move the cursor with } first".to_string());
        return;
    };
    let topic = app.selected;
    let readout = app.pair.of(side);
    let on = !app.document.readouts[readout].passages[passage]
        .topics
        .contains(&topic);
    let label = app.document.topics[topic].label.clone();
    let name = app.document.readouts[readout].label.clone();
    apply(
        app,
        Edit::Tag {
            readout,
            passage,
            topic,
            on,
        },
    );
    app.message = Some(match on {
        true => format!("“{label}” put on {name}'s passage {}", passage + 1),
        false => format!("“{label}” taken off {name}'s passage {}", passage + 1),
    });
    show_cursor(app, side);
}

/// Makes the change, remembers it for undo, and lays the document out
/// again: marks, anchors and alignment follow at once.
fn apply(app: &mut App, edit: Edit) {
    take(app, |document| edit.apply(document));
    let history = &mut app.history;
    if history
        .saved
        .is_some_and(|saved| saved > history.done.len())
    {
        history.saved = None;
    }
    history.done.push(edit);
    history.undone.clear();
}

/// The document changed by `change`, the reader kept where they were.
fn take(app: &mut App, change: impl FnOnce(&mut Document)) {
    let selected = app.selected;
    let cursor = app.cursor;
    reload::retag(app, change);
    app.selected = selected.min(app.document.topics.len().saturating_sub(1));
    app.cursor = cursor;
}

fn undo(app: &mut App) {
    let Some(edit) = app.history.done.pop() else {
        app.message = Some("nothing to undo".to_string());
        return;
    };
    take(app, |document| edit.revert(document));
    app.history.undone.push(edit);
    app.message = Some(format!("undone · {} unsaved", app.unsaved_edits()));
}

fn redo(app: &mut App) {
    let Some(edit) = app.history.undone.pop() else {
        app.message = Some("nothing to redo".to_string());
        return;
    };
    take(app, |document| edit.apply(document));
    app.history.done.push(edit);
    app.message = Some(format!("redone · {} unsaved", app.unsaved_edits()));
}

fn ask(app: &mut App, kind: PromptKind) {
    let text = match &kind {
        PromptKind::Rename(topic) => app.document.topics[*topic].label.clone(),
        PromptKind::Note(readout, passage) => app.document.readouts[*readout].passages[*passage]
            .note
            .clone()
            .unwrap_or_default(),
        PromptKind::SaveAs => "readout.toml".to_string(),
        _ => String::new(),
    };
    app.prompt = Some(Prompt::new(kind, text));
}

/// `w`: the open file, unless there is none to write back to.
fn save(app: &mut App, then_quit: bool) {
    match app.source.as_ref().and_then(|source| source.file.clone()) {
        Some(file) => {
            app.save_request = Some(SaveRequest {
                to: file,
                new_file: false,
                then_quit,
            });
        }
        None => {
            ask(app, PromptKind::SaveAs);
            app.message = Some(match app.source {
                Some(_) => "the built-in readout and standard input are not files to write back to"
                    .to_string(),
                None => "this document has no file".to_string(),
            });
        }
    }
}

/// `q` (and Ctrl-c) with unsaved edits asks first.
pub(super) fn quit(app: &mut App) {
    if app.unsaved_edits() > 0 && app.prompt.is_none() {
        ask(app, PromptKind::Quit);
    } else {
        app.quit = true;
    }
}

/// A key while a prompt is open.
pub(super) fn prompt_key(app: &mut App, key: PromptKey) {
    let Some(prompt) = app.prompt.as_mut() else {
        return;
    };
    match key {
        PromptKey::Cancel => app.prompt = None,
        // A label or a file name has no use for control characters (and
        // the status line must not draw them).
        PromptKey::Char(c) if visible_stand_in(c).is_some() => {}
        PromptKey::Char(c) if prompt.takes_text() => prompt.text.push(c),
        PromptKey::Erase if prompt.takes_text() => {
            prompt.text.pop();
        }
        PromptKey::Erase => {}
        PromptKey::Confirm if prompt.takes_text() => {
            let prompt = app.prompt.take();
            if let Some(prompt) = prompt {
                answer(app, prompt);
            }
        }
        PromptKey::Confirm => {}
        PromptKey::Char(c) => {
            let kind = prompt.kind.clone();
            choose(app, kind, c);
        }
    }
}

/// What a prompt takes: keys, named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PromptKey {
    Char(char),
    Erase,
    Confirm,
    Cancel,
}

/// `E`: the note of the cursor's passage (or the one at the top).
fn edit_note(app: &mut App) {
    let Some((side, passage)) = target_passage(app) else {
        app.message = Some("no passage to write a note on".to_string());
        return;
    };
    let readout = app.pair.of(side);
    ask(app, PromptKind::Note(readout, passage));
}

/// Enter on a prompt that takes text.
fn answer(app: &mut App, prompt: Prompt) {
    let text = prompt.text.trim().to_string();
    match prompt.kind {
        PromptKind::Note(readout, passage) => {
            let from = app.document.readouts[readout].passages[passage]
                .note
                .clone();
            let to = (!text.is_empty()).then_some(text);
            if from != to {
                app.message = Some(match to {
                    Some(_) => format!("note written on passage {}", passage + 1),
                    None => format!("note taken off passage {}", passage + 1),
                });
                let message = app.message.take();
                apply(
                    app,
                    Edit::Note {
                        readout,
                        passage,
                        from,
                        to,
                    },
                );
                app.message = message;
            }
        }
        PromptKind::NewTopic if !text.is_empty() => new_topic(app, text),
        PromptKind::Rename(topic) if !text.is_empty() => {
            let from = app.document.topics[topic].label.clone();
            if from != text {
                apply(
                    app,
                    Edit::Rename {
                        topic,
                        from,
                        to: text.clone(),
                    },
                );
                app.message = Some(format!("renamed “{text}”"));
            }
        }
        PromptKind::SaveAs if !text.is_empty() => {
            app.save_request = Some(SaveRequest {
                to: PathBuf::from(text),
                new_file: true,
                then_quit: false,
            });
        }
        _ => app.message = Some("nothing typed: nothing done".to_string()),
    }
}

fn new_topic(app: &mut App, label: String) {
    let taken: Vec<&str> = app.document.topics.iter().map(|t| t.id.as_str()).collect();
    let id = id_from_label(&label, &taken);
    apply(
        app,
        Edit::NewTopic {
            id: id.clone(),
            label: label.clone(),
        },
    );
    app.selected = app.document.topics.len() - 1;
    let side = leader(app);
    match app.cursor(side) {
        Some(passage) => {
            toggle_tag(app);
            let name = &app.readout(side).label;
            app.message = Some(format!(
                "new topic {id}, on {name}'s passage {}",
                passage + 1
            ));
        }
        None => {
            app.message = Some(format!(
                "new topic {id}: put it on passages with {{ }} and x"
            ));
        }
    }
}

/// A single key on a yes/no or choice prompt.
fn choose(app: &mut App, kind: PromptKind, key: char) {
    match (kind, key) {
        (PromptKind::Delete(topic), 'y') => {
            app.prompt = None;
            if let Some(edit) = Edit::delete(&app.document, topic) {
                let label = app.document.topics[topic].label.clone();
                apply(app, edit);
                app.message = Some(format!("deleted “{label}” (U undoes)"));
            }
        }
        (PromptKind::Delete(_), 'n') => app.prompt = None,
        (PromptKind::Quit, 'w') => {
            app.prompt = None;
            save(app, true);
        }
        (PromptKind::Quit, 'q') => app.quit = true,
        (PromptKind::ChangedOnDisk, 'r') => {
            app.prompt = None;
            if let Some((document, text)) = app.on_disk.take() {
                reloaded(app, *document, text);
                app.message = Some("reloaded: the edits are dropped".to_string());
            }
        }
        (PromptKind::ChangedOnDisk, 'a') => ask(app, PromptKind::SaveAs),
        _ => {}
    }
}

/// What to do with a new version of the file from disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reload {
    /// Nothing is unsaved: live reload, as without editing.
    Take,
    /// Edits are unsaved: kept aside, and the user asked on saving.
    KeepAside,
    /// The file as the viewer just wrote it.
    Ours,
}

pub fn on_reload(app: &App, text: &str) -> Reload {
    if app
        .source
        .as_ref()
        .is_some_and(|source| source.text == text)
    {
        Reload::Ours
    } else if app.unsaved_edits() == 0 {
        Reload::Take
    } else {
        Reload::KeepAside
    }
}

pub(super) fn keep_aside(app: &mut App, document: Box<Document>, text: String) {
    app.on_disk = Some((document, text));
    app.message = Some(format!(
        "changed on disk; {} kept, w to choose",
        edits_phrase(app.unsaved_edits())
    ));
}

/// Takes a version from disk: the edits of the session are gone with the
/// old text.
pub(super) fn reloaded(app: &mut App, document: Document, text: String) {
    if let Some(source) = &mut app.source {
        source.text = text;
    }
    app.history = History::fresh();
    app.on_disk = None;
    reload::replace_document(app, document);
}

/// The edge wrote the file.
pub(super) fn saved(app: &mut App, text: String, file: PathBuf) {
    let then_quit = app.save_request.take().is_some_and(|r| r.then_quit);
    app.message = Some(format!("saved {}", file.display()));
    match &mut app.source {
        Some(source) => {
            source.text = text;
            source.file = Some(file);
        }
        None => {
            app.source = Some(Source {
                text,
                file: Some(file),
            })
        }
    }
    app.history.saved = Some(app.history.done.len());
    app.on_disk = None;
    if then_quit {
        app.quit = true;
    }
}

/// The edge could not write the file. When the file changed on disk, the
/// new version is in `on_disk` and the user is asked what to do.
pub(super) fn save_failed(app: &mut App, problem: String) {
    app.save_request = None;
    if app.on_disk.is_some() {
        ask(app, PromptKind::ChangedOnDisk);
    }
    app.message = Some(problem);
}
