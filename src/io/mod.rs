//! Files, standard streams and the environment, for the commands and the
//! terminal alike: reading a readout file or standard input (size-capped),
//! writing a result to standard output or atomically to a file, reporting
//! diagnostics on standard error; the environment's say on colour and on
//! where the config file is.

pub mod read;
pub mod write;

use crate::config::{self, ConfigFile, PATH_VARIABLE};

/// Where the user's config file is: `READOUTS_CONFIG`, else
/// `$XDG_CONFIG_HOME/readouts/config.toml`, else
/// `~/.config/readouts/config.toml`.
pub fn config_file() -> Option<ConfigFile> {
    config::locate(
        std::env::var_os(PATH_VARIABLE),
        std::env::var_os("XDG_CONFIG_HOME"),
        std::env::var_os("HOME"),
    )
}

/// Whether the user asked for no colour: `NO_COLOR` set and not empty
/// (<https://no-color.org>).
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty())
}

/// Whether the user asked for colour even where there is no terminal:
/// `CLICOLOR_FORCE` set, not empty and not `0`
/// (<https://bixense.com/clicolors/>).
pub fn clicolor_force() -> bool {
    std::env::var_os("CLICOLOR_FORCE").is_some_and(|value| !value.is_empty() && value != "0")
}

/// Whether the terminal named by `TERM` can draw the viewer: `TERM` is set
/// and is not `dumb`.
pub fn term_can_draw() -> bool {
    std::env::var_os("TERM").is_some_and(|term| !term.is_empty() && term != "dumb")
}
