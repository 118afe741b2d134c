//! What the grammar does not say by itself: the viewer's keys (from the
//! keymap, the same rows its help shows), the environment read, the
//! config file and the exit codes. `--help` ends with them, shortly, and
//! the man page holds them whole, around what clap_mangen makes of the
//! grammar.

use std::fmt::Write as _;

use clap::builder::styling::Styles;
use clap_mangen::Man;
use roff::{Roff, bold, italic, roman};

use crate::app::keymap::help_rows;
use crate::config::{PATH_VARIABLE, USUAL_PLACE};
use crate::io::config_file;

/// The exit codes and what each means.
pub const EXIT_CODES: &[(u8, &str)] = &[
    (0, "success"),
    (
        1,
        "invalid input (a readout file, the text to import, the config file) or a runtime failure, such as a write that failed",
    ),
    (
        2,
        "bad command-line usage: an unknown option, a value that names nothing in the file, one FILE too many",
    ),
];

/// The environment variables read, and what for.
pub const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "NO_COLOR",
        "set and not empty: no colour (an explicit --color wins over it)",
    ),
    (
        "CLICOLOR_FORCE",
        "set, not empty and not 0: colour even when the output is not a terminal (NO_COLOR wins over it)",
    ),
    (
        "COLUMNS",
        "print's width when standard output is not a terminal and neither --width nor the config file says",
    ),
    (
        "TERM",
        "unset or dumb: the viewer prints the side-by-side view instead of drawing",
    ),
    (
        PATH_VARIABLE,
        "the config file to read instead of the usual one; it must exist",
    ),
    (
        "XDG_CONFIG_HOME",
        "the usual config file is $XDG_CONFIG_HOME/readouts/config.toml, else ~/.config/readouts/config.toml",
    ),
];

/// The keys the short summary in `--help` shows, by the first key of
/// their row in the viewer's help.
const SUMMARY_KEYS: &[&str] = &["Tab", "j", "Enter", "0–9", "/", "s", "t", "p", "?", "q"];

/// The rows of the viewer's help that `--help` sums the keys up with.
fn summary_rows() -> Vec<(String, &'static str)> {
    let rows = help_rows();
    SUMMARY_KEYS
        .iter()
        .filter_map(|first| {
            rows.iter()
                .find(|(keys, _)| keys.split(' ').next() == Some(first))
                .cloned()
        })
        .collect()
}

/// The config file this run reads, for `--help`.
fn config_file_line() -> String {
    match config_file() {
        None => format!("none: neither {PATH_VARIABLE}, XDG_CONFIG_HOME nor HOME is set"),
        Some(file) => {
            let there = if file.path.is_file() {
                ""
            } else {
                " (not there)"
            };
            format!("{}{there}", file.path.display())
        }
    }
}

/// The end of `--help`: a short list of keys, the environment, the config
/// file and the exit codes.
pub fn epilogue() -> String {
    let header = *Styles::default().get_header();
    let heading = |title: &str| format!("{header}{title}{header:#}");
    let mut text = heading("Keys in the viewer");
    text.push_str(" (all of them: `?` in the viewer, or `readouts man`):\n");
    let rows = summary_rows();
    let width = rows
        .iter()
        .map(|(keys, _)| keys.chars().count())
        .max()
        .unwrap_or(0);
    for (keys, what) in &rows {
        let _ = writeln!(text, "  {keys:<width$}  {what}");
    }
    let _ = write!(text, "\n{}\n", heading("Environment:"));
    let width = ENVIRONMENT
        .iter()
        .map(|(name, _)| name.len())
        .max()
        .unwrap_or(0);
    for (name, what) in ENVIRONMENT {
        let _ = writeln!(text, "  {name:<width$}  {what}");
    }
    let _ = write!(
        text,
        "\n{} {}\n",
        heading("Config file:"),
        config_file_line()
    );
    let _ = write!(text, "\n{}", heading("Exit codes:"));
    for (code, what) in EXIT_CODES {
        let _ = write!(text, "\n  {code}  {what}");
    }
    text
}

/// The man page, roff: clap_mangen's name, synopsis, description and
/// options of the viewer; then each command with its options; then the
/// keys, the config file, the environment and the exit codes.
pub fn man_page(command: clap::Command) -> Result<Vec<u8>, std::io::Error> {
    let mut page = Vec::new();
    // The month this version's manual was written: without a date,
    // clap_mangen's title line puts the version in the date's place.
    let man = Man::new(command.clone()).date("December 2026");
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    commands_section(&command, &mut page)?;
    keys_section().to_writer(&mut page)?;
    other_sections().to_writer(&mut page)?;
    man.render_version_section(&mut page)?;
    Ok(page)
}

/// Each command: its usage, what it does, and its options.
fn commands_section(command: &clap::Command, page: &mut Vec<u8>) -> std::io::Result<()> {
    let mut command = command.clone();
    command.build();
    Roff::new().control("SH", ["COMMANDS"]).to_writer(page)?;
    let shown = command
        .get_subcommands()
        .filter(|sub| !sub.is_hide_set() && sub.get_name() != "help");
    for sub in shown {
        let mut sub = sub.clone();
        let usage = sub.render_usage().to_string();
        let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage).to_string();
        let mut roff = Roff::new();
        // The heading on the next line, where its dashes are escaped.
        roff.control("SS", []);
        roff.text([bold(usage)]);
        let about = sub.get_long_about().or_else(|| sub.get_about());
        for line in about.map(ToString::to_string).unwrap_or_default().lines() {
            if line.trim().is_empty() {
                roff.control("PP", []);
            } else {
                roff.text([roman(line)]);
            }
        }
        roff.to_writer(page)?;
        // clap_mangen writes a command's options as a section of their
        // own; here they go under the command's heading.
        let mut options = Vec::new();
        Man::new(sub).render_options_section(&mut options)?;
        let options = String::from_utf8_lossy(&options).replacen(".SH OPTIONS\n", "", 1);
        page.extend_from_slice(options.as_bytes());
    }
    Ok(())
}

/// The viewer's keys, as its help lists them.
fn keys_section() -> Roff {
    let mut roff = Roff::new();
    roff.control("SH", ["KEYS"]);
    roff.text([roman(
        "The viewer's keys, as its help (? h F1) lists them; a key works in the panes and the sidebar unless a heading says otherwise.",
    )]);
    for (keys, what) in help_rows() {
        if keys.is_empty() {
            roff.control("SS", [what]);
        } else {
            roff.control("TP", []);
            roff.text([bold(keys)]);
            roff.text([roman(what)]);
        }
    }
    roff
}

/// The config file, the environment and the exit status.
fn other_sections() -> Roff {
    let mut roff = Roff::new();
    roff.control("SH", ["FILES"]);
    roff.control("TP", []);
    roff.text([italic(format!("$XDG_CONFIG_HOME/{USUAL_PLACE}"))]);
    roff.text([roman(format!(
        "The config file (else ~/.config/{USUAL_PLACE}; ${PATH_VARIABLE} names another). \
         It may set theme = \"auto\"|\"dark\"|\"light\", mouse = true|false, \
         sync = \"aligned\"|\"lockstep\"|\"independent\", and under [print], width = N. \
         The command line wins over it. An unknown key or a wrong value is an error (exit 1) \
         with its line and column; a missing file in the usual place is no config."
    ))]);
    roff.control("SH", ["ENVIRONMENT"]);
    for (name, what) in ENVIRONMENT {
        roff.control("TP", []);
        roff.text([bold(*name)]);
        roff.text([roman(*what)]);
    }
    roff.control("SH", ["EXIT STATUS"]);
    for (code, what) in EXIT_CODES {
        roff.control("TP", []);
        roff.text([bold(code.to_string())]);
        roff.text([roman(*what)]);
    }
    roff
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_finds_every_key_it_names_in_the_keymap() {
        let rows = summary_rows();
        let firsts: Vec<&str> = rows
            .iter()
            .filter_map(|(keys, _)| keys.split(' ').next())
            .collect();
        assert_eq!(firsts, SUMMARY_KEYS);
    }
}
