//! The readout built into the binary: the 30 December 2021 Biden–Putin call.

/// How messages and the info view name it: not by the path it has in the
/// source tree, which the user does not have.
pub const NAME: &str = "the built-in readout";

/// The file's text, compiled in.
pub const TEXT: &str = include_str!("../../assets/2021-12-30-biden-putin.toml");
