//! The commands, at the edge: they read files and standard input, call the
//! pure core and write to standard output and error.

pub mod check;
pub mod compared;
pub mod export;
pub mod import;
pub mod output;
pub mod print;
pub mod source;
pub mod topics;
pub mod view;
