//! The user's defaults, from the config file: read at the edge, checked by
//! the pure [`crate::config`]. A broken config file stops the command
//! (exit 1) with its diagnostics; a missing one in the usual place is no
//! config at all.

use std::ops::RangeInclusive;

use super::Failure;
use crate::config::{self, Config};
use crate::document::normalize::make_visible;
use crate::io::config_file;
use crate::io::read::read_config;

/// The settings of the config file, or none; `print_widths` are the
/// widths `print` makes.
pub fn user_config(print_widths: RangeInclusive<usize>) -> Result<Config, Failure> {
    let Some(file) = config_file() else {
        return Ok(Config::default());
    };
    let Some(bytes) = read_config(&file)? else {
        return Ok(Config::default());
    };
    let name = make_visible(&file.path.display().to_string());
    config::parse(&name, &bytes, print_widths).map_err(Failure::Failed)
}
