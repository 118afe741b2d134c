//! `readouts import`: a readout file (format 1) made from two plain-text
//! readouts, a passage per paragraph, with shared topics suggested on
//! request ([`suggest`]).
//!
//! Pure code: the command reads the files and writes the result.

pub mod suggest;
mod words;
