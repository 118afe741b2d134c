//! `readouts`: two official readouts of one event, side by side, aligned by
//! topic.
//!
//! The modules form layers; each uses only those below it (held by
//! `tests/architecture.rs`):
//!
//! 1. [`document`]: the model, loading and validation, topic coverage.
//! 2. [`layout`] (wrapping, the rows of every passage, the anchors and the
//!    padded row space of aligned mode, the screen's geometry), [`import`]
//!    (readout files from plain text, with suggested topics), [`lens`] (the
//!    words the tone, word-list and wording lenses mark) and [`io`]
//!    (reading files and standard input, writing to standard output or
//!    atomically to a file, reporting diagnostics) and [`config`] (the
//!    user's config file: where it is, and its settings checked). `lens`
//!    reads words with `import`'s word finder, the one tokenizer and
//!    stemmer of the program: modules of one layer may use each other,
//!    never round a circle.
//! 3. [`app`] (the viewer's state, its messages, the one `update`, and the
//!    view derived from them: The Elm Architecture) and [`export`] (the
//!    handouts and tables as Markdown, HTML, text and JSON).
//! 4. [`ui`]: drawing as a function of the app's state.
//! 5. [`terminal`]: the real terminal, keys as the core's keys, signals,
//!    the event loop.
//! 6. [`commands`]: each command as `run(&Args) -> Result<(), Failure>`.
//! 7. [`cli`]: the command line, and exit codes.
//!
//! `document`, `layout`, `import`, `config`, `lens`, `export` and `app` are the pure core: no
//! terminal in them. The core does use ratatui's plain geometry types
//! (`Rect`, `Position`): they are data with no terminal behind them, the
//! same ones the drawing code takes, and a copy of our own would only be
//! converted back and forth at every draw.

pub mod app;
pub mod cli;
pub mod commands;
pub mod config;
pub mod document;
pub mod export;
pub mod import;
pub mod io;
pub mod layout;
pub mod lens;
pub mod terminal;
pub mod ui;
