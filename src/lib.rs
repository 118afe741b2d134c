//! `readouts`: two official readouts of one event, side by side, aligned by
//! topic.
//!
//! The pure core — [`document`] (model, loading, validation) — has no
//! terminal in it; the command line lives in [`cli`] and [`commands`].

pub mod cli;
pub mod commands;
pub mod document;
pub mod import;
