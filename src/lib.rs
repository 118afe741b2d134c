//! `readouts`: two official readouts of one event, side by side, aligned by
//! topic.
//!
//! The pure core has no terminal in it: [`document`] (the model, loading,
//! validation and topic coverage), [`layout`] (wrapping, the rows of every
//! passage, the scroll-sync map), [`app`] (the viewer's state and its one
//! `update`), [`ui`] (drawing as a function of state), [`export`] (the
//! handouts and tables as Markdown, HTML, text and JSON) and [`import`]
//! (readout files from plain text, with suggested topics). The shell sits at
//! the edge: [`terminal`] (the real terminal, signals, the event loop),
//! [`commands`] (files, standard input and output) and [`cli`] (the command
//! line).

pub mod app;
pub mod cli;
pub mod commands;
pub mod document;
pub mod export;
pub mod import;
pub mod io;
pub mod layout;
pub mod terminal;
pub mod ui;
