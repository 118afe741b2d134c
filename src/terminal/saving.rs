//! Writing the viewer's edits: the file is read again first, and written
//! only if it is still the text the edits were made on; the new text goes
//! through the safe writer. What happened comes back as messages.

use crate::app::editing::SaveRequest;
use crate::app::{App, Message};
use crate::document::load::load;
use crate::document::normalize::make_visible;
use crate::document::save::patched;
use crate::io::read;
use crate::io::write::{Existing, write_atomically};

pub fn save(app: &App, request: &SaveRequest) -> Vec<Message> {
    let name = make_visible(&request.to.display().to_string());
    let Some(source) = app.source() else {
        return vec![Message::SaveFailed(
            "there is no text to write the edits into".to_string(),
        )];
    };
    if !request.new_file {
        let bytes = match read::read(&request.to) {
            Ok(bytes) => bytes,
            Err(problem) => return vec![Message::SaveFailed(problem.headline())],
        };
        if bytes != source.text.as_bytes() {
            let problem = format!("{name} changed on disk since it was loaded; not written");
            return match load(&name, &bytes) {
                Ok(loaded) => vec![
                    Message::Reloaded(
                        Box::new(loaded.document),
                        String::from_utf8_lossy(&bytes).into_owned(),
                    ),
                    Message::SaveFailed(problem),
                ],
                Err(_) => vec![Message::SaveFailed(format!(
                    "{problem} (and it is not valid now)"
                ))],
            };
        }
    }
    let text = match patched(&source.text, app.document()) {
        Ok(text) => text,
        Err(problem) => return vec![Message::SaveFailed(format!("{name}: {problem}"))],
    };
    // The open file is replaced, as the user asked; a new file never
    // writes over one that exists.
    let existing = if request.new_file {
        Existing::Refuse
    } else {
        Existing::Replace
    };
    if request.new_file && request.to.exists() {
        return vec![Message::SaveFailed(format!(
            "{name} exists: w, another name"
        ))];
    }
    match write_atomically(&request.to, text.as_bytes(), existing, &[]) {
        Ok(()) => vec![Message::Saved(text, request.to.clone())],
        // The message names the file already; the status line is short.
        Err(problem) => vec![Message::SaveFailed(problem.message)],
    }
}
