//! The readout built into the binary: the 30 December 2021 Biden–Putin call.

/// The file's name, as diagnostics and the info view name it.
pub const NAME: &str = "assets/2021-12-30-biden-putin.toml";

/// The file's text, compiled in.
pub const TEXT: &str = include_str!("../../assets/2021-12-30-biden-putin.toml");
