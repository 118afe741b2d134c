//! The user's config file: the defaults wanted every time, for the viewer
//! (`theme`, `mouse`, `sync`) and for `print` (`[print] width`). Finding
//! it from the environment's values and parsing its text are pure; the
//! shell reads the variables and the file ([`crate::io`]).
//!
//! The choices are clap's value enums, so a value reads the same on the
//! command line and in the file, and the command line wins over the file.
//! The file is checked as a readout file is: an unknown key, a value of
//! the wrong type or out of range is an error at its line and column,
//! with the name that was meant.

use std::ffi::OsString;
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use clap::builder::PossibleValue;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::document::diagnostic::{Diagnostic, SourceMap, closest};
use crate::document::load::{
    decode_utf8, describe, parse_integer, quoted_list, syntax_error, unknown_keys,
};
use crate::document::normalize::normalize_line;

/// The variable that names the config file, over the usual place.
pub const PATH_VARIABLE: &str = "READOUTS_CONFIG";

/// The usual place, under `$XDG_CONFIG_HOME` (else `~/.config`).
pub const USUAL_PLACE: &str = "readouts/config.toml";

const TOP_KEYS: &[&str] = &["theme", "mouse", "sync", "print"];
const PRINT_KEYS: &[&str] = &["width"];

/// The palette asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeChoice {
    Auto,
    Dark,
    Light,
}

/// How the panes move together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SyncChoice {
    /// Through the passages of the shared topics.
    Aligned,
    /// The same row on both sides.
    Lockstep,
    /// Each pane on its own.
    Independent,
}

/// What the config file sets; `None`: the built-in default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    pub theme: Option<ThemeChoice>,
    pub mouse: Option<bool>,
    pub sync: Option<SyncChoice>,
    pub print_width: Option<usize>,
}

/// Where the config file is, and whether the user named it: a file named
/// by [`PATH_VARIABLE`] must be there; the usual one may be missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigFile {
    pub path: PathBuf,
    pub named: bool,
}

/// The config file, from the values of `READOUTS_CONFIG`,
/// `XDG_CONFIG_HOME` and `HOME`. An empty value counts as unset, and so
/// does a relative `XDG_CONFIG_HOME`, as the XDG base directory rules
/// say. No home and no XDG folder: no config file.
pub fn locate(
    named: Option<OsString>,
    xdg_config_home: Option<OsString>,
    home: Option<OsString>,
) -> Option<ConfigFile> {
    if let Some(path) = named.filter(|path| !path.is_empty()) {
        return Some(ConfigFile {
            path: PathBuf::from(path),
            named: true,
        });
    }
    let folder = xdg_config_home
        .map(PathBuf::from)
        .filter(|folder| folder.is_absolute())
        .or_else(|| {
            home.filter(|home| !home.is_empty())
                .map(|home| Path::new(&home).join(".config"))
        })?;
    Some(ConfigFile {
        path: folder.join(USUAL_PLACE),
        named: false,
    })
}

/// Parses a config file named `origin`. `print_widths` are the widths
/// `print` can make.
pub fn parse(
    origin: &str,
    bytes: &[u8],
    print_widths: RangeInclusive<usize>,
) -> Result<Config, Vec<Diagnostic>> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let text = decode_utf8(origin, bytes).map_err(|d| vec![d])?;
    let map = SourceMap::new(origin, text);
    let root = DeTable::parse(text).map_err(|error| vec![syntax_error(&map, text, &error)])?;
    let root = root.get_ref();
    let mut checker = Checker {
        map,
        errors: Vec::new(),
    };
    checker.top_level_keys(root);
    let config = Config {
        theme: root.get("theme").and_then(|v| checker.choice(v, "theme")),
        mouse: root.get("mouse").and_then(|v| checker.boolean(v, "mouse")),
        sync: root.get("sync").and_then(|v| checker.choice(v, "sync")),
        print_width: root
            .get("print")
            .and_then(|v| checker.print_width(v, print_widths)),
    };
    if checker.errors.is_empty() {
        Ok(config)
    } else {
        let mut errors = checker.errors;
        errors.sort_by_key(|error| error.location.as_ref().map(|at| (at.line, at.column)));
        Err(errors)
    }
}

type Value<'i> = Spanned<DeValue<'i>>;

struct Checker<'a> {
    map: SourceMap<'a>,
    errors: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn error(&mut self, message: String, value: &Value<'_>, help: String) {
        let diagnostic = self.map.error(message, value.span()).with_help(help);
        self.errors.push(diagnostic);
    }

    /// Unknown keys at the top level; `width` there is told where it goes.
    fn top_level_keys(&mut self, root: &DeTable<'_>) {
        let mut others = root.clone();
        for key in PRINT_KEYS {
            if let Some((name, _)) = root.get_key_value(*key) {
                others.remove(*key);
                let diagnostic = self
                    .map
                    .error(format!("`{key}` is a key of [print]"), name.span())
                    .with_help("move it under a `[print]` line, after the other keys");
                self.errors.push(diagnostic);
            }
        }
        let unknown = unknown_keys(&self.map, &others, TOP_KEYS, "in the config file");
        self.errors.extend(unknown);
    }

    /// One of a value enum's names, as the command line takes it.
    fn choice<T: ValueEnum>(&mut self, value: &Value<'_>, key: &str) -> Option<T> {
        let possible: Vec<PossibleValue> = T::value_variants()
            .iter()
            .filter_map(ValueEnum::to_possible_value)
            .collect();
        let names: Vec<&str> = possible.iter().map(PossibleValue::get_name).collect();
        let [first, others @ ..] = names.as_slice() else {
            return None;
        };
        let written = match value.get_ref() {
            DeValue::String(written) => written,
            other => {
                let message = format!("`{key}` must be a string, found {}", describe(other));
                let help = format!(
                    "write `{key} = \"{first}\"`, or another of {}",
                    quoted_list(others.iter().copied())
                );
                self.error(message, value, help);
                return None;
            }
        };
        if let Ok(choice) = T::from_str(written, false) {
            return Some(choice);
        }
        let message = format!(
            "`{key}` must be one of {}, found `{}`",
            quoted_list(names.iter().copied()),
            normalize_line(written)
        );
        let help = match closest(written, names.iter().copied()) {
            Some(meant) => format!("did you mean `{meant}`?"),
            None => format!("write `{key} = \"{first}\"`"),
        };
        self.error(message, value, help);
        None
    }

    fn boolean(&mut self, value: &Value<'_>, key: &str) -> Option<bool> {
        match value.get_ref() {
            DeValue::Boolean(yes) => Some(*yes),
            other => {
                let message = format!(
                    "`{key}` must be `true` or `false`, found {}",
                    describe(other)
                );
                let help = match other {
                    DeValue::String(text) if matches!(text.as_ref(), "true" | "false") => {
                        format!("write `{key} = {text}`, without quotes")
                    }
                    _ => format!("write `{key} = true` or `{key} = false`"),
                };
                self.error(message, value, help);
                None
            }
        }
    }

    fn print_width(&mut self, value: &Value<'_>, widths: RangeInclusive<usize>) -> Option<usize> {
        let DeValue::Table(table) = value.get_ref() else {
            let message = format!(
                "`print` must be a table, found {}",
                describe(value.get_ref())
            );
            self.error(
                message,
                value,
                "write `[print]` on a line, and `width = 100` below it".to_string(),
            );
            return None;
        };
        self.errors
            .extend(unknown_keys(&self.map, table, PRINT_KEYS, "in [print]"));
        let width = table.get("width")?;
        let range = format!("{} to {}", widths.start(), widths.end());
        let found = match width.get_ref() {
            DeValue::Integer(n) => parse_integer(n.as_str(), n.radix()),
            other => {
                let message = format!("`width` must be an integer, found {}", describe(other));
                self.error(
                    message,
                    width,
                    format!("write a number of columns, {range}: `width = 100`"),
                );
                return None;
            }
        };
        match found.and_then(|n| usize::try_from(n).ok()) {
            Some(columns) if widths.contains(&columns) => Some(columns),
            _ => {
                let message = "`width` is out of range".to_string();
                self.error(
                    message,
                    width,
                    format!("print makes lines of {range} columns"),
                );
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIDTHS: RangeInclusive<usize> = 33..=10_000;

    fn parsed(text: &str) -> Result<Config, Vec<Diagnostic>> {
        parse("config.toml", text.as_bytes(), WIDTHS)
    }

    /// The one error of a text: its message, line, column and help.
    fn only_error(text: &str) -> (String, usize, usize, String) {
        let errors = parsed(text).expect_err("an error");
        assert_eq!(errors.len(), 1, "{errors:#?}");
        let error = &errors[0];
        let at = error.location.as_ref().expect("a location");
        (
            error.message.clone(),
            at.line,
            at.column,
            error.help.clone().unwrap_or_default(),
        )
    }

    #[test]
    fn every_setting_is_read() {
        let config = parsed(
            "theme = \"light\"\nmouse = false\nsync = \"lockstep\"\n\n[print]\nwidth = 100\n",
        )
        .expect("valid");
        assert_eq!(
            config,
            Config {
                theme: Some(ThemeChoice::Light),
                mouse: Some(false),
                sync: Some(SyncChoice::Lockstep),
                print_width: Some(100),
            }
        );
    }

    #[test]
    fn an_empty_file_or_one_of_comments_sets_nothing() {
        assert_eq!(parsed(""), Ok(Config::default()));
        assert_eq!(parsed("# nothing yet\n\n"), Ok(Config::default()));
        assert_eq!(parsed("[print]\n"), Ok(Config::default()));
    }

    #[test]
    fn an_unknown_key_is_located_and_the_meant_one_suggested() {
        let (message, line, column, help) = only_error("theme = \"dark\"\nmose = true\n");
        assert_eq!(message, "unknown key `mose` in the config file");
        assert_eq!((line, column), (2, 1));
        assert_eq!(help, "did you mean `mouse`?");
        let (message, line, column, help) = only_error("[print]\nwidht = 90\n");
        assert_eq!(message, "unknown key `widht` in [print]");
        assert_eq!((line, column), (2, 1));
        assert_eq!(help, "did you mean `width`?");
        let (_, _, _, help) = only_error("colour = 1\n");
        assert_eq!(
            help,
            "the keys allowed here are: `theme`, `mouse`, `sync`, `print`"
        );
    }

    #[test]
    fn a_width_at_the_top_level_is_told_where_it_goes() {
        let (message, line, column, help) = only_error("theme = \"dark\"\nwidth = 100\n");
        assert_eq!(message, "`width` is a key of [print]");
        assert_eq!((line, column), (2, 1));
        assert_eq!(help, "move it under a `[print]` line, after the other keys");
    }

    #[test]
    fn a_choice_is_one_of_the_command_line_values() {
        let (message, line, column, help) = only_error("theme = \"drak\"\n");
        assert_eq!(
            message,
            "`theme` must be one of `auto`, `dark`, `light`, found `drak`"
        );
        assert_eq!((line, column), (1, 9));
        assert_eq!(help, "did you mean `dark`?");
        let (message, _, _, _) = only_error("sync = \"Aligned\"\n");
        assert_eq!(
            message,
            "`sync` must be one of `aligned`, `lockstep`, `independent`, found `Aligned`"
        );
    }

    #[test]
    fn values_of_the_wrong_type_name_both_types() {
        let (message, _, _, help) = only_error("mouse = \"false\"\n");
        assert_eq!(message, "`mouse` must be `true` or `false`, found a string");
        assert_eq!(help, "write `mouse = false`, without quotes");
        let (message, _, _, help) = only_error("theme = 1\n");
        assert_eq!(message, "`theme` must be a string, found an integer");
        assert_eq!(
            help,
            "write `theme = \"auto\"`, or another of `dark`, `light`"
        );
        let (message, _, _, _) = only_error("print = 100\n");
        assert_eq!(message, "`print` must be a table, found an integer");
        let (message, line, column, _) = only_error("[print]\nwidth = \"wide\"\n");
        assert_eq!(message, "`width` must be an integer, found a string");
        assert_eq!((line, column), (2, 9));
    }

    #[test]
    fn a_width_print_cannot_make_is_refused() {
        for width in ["5", "0", "-3", "10001", "99999999999999999999"] {
            let (message, _, _, help) = only_error(&format!("[print]\nwidth = {width}\n"));
            assert_eq!(message, "`width` is out of range", "{width}");
            assert_eq!(help, "print makes lines of 33 to 10000 columns");
        }
        assert_eq!(
            parsed("[print]\nwidth = 0x40\n").map(|c| c.print_width),
            Ok(Some(64))
        );
    }

    #[test]
    fn broken_toml_is_a_located_syntax_error() {
        let (message, line, _, _) = only_error("theme = \"dark\"\nmouse = \n");
        assert!(message.starts_with("invalid TOML"), "{message}");
        assert_eq!(line, 2);
        let (message, _, _, _) = only_error("theme = \"dark\"\ntheme = \"light\"\n");
        assert_eq!(message, "duplicate key `theme`");
    }

    #[test]
    fn every_error_is_told_at_once_in_the_files_order() {
        let errors =
            parsed("width = 5\nmose = 1\ntheme = 2\n[print]\nwidth = 1\n").expect_err("errors");
        let lines: Vec<usize> = errors
            .iter()
            .filter_map(|error| error.location.as_ref().map(|at| at.line))
            .collect();
        assert_eq!(lines, [1, 2, 3, 5], "in the file's order: {errors:#?}");
    }

    #[test]
    fn the_named_file_wins_then_xdg_then_home() {
        let os = |text: &str| Some(OsString::from(text));
        assert_eq!(
            locate(os("/etc/r.toml"), os("/x"), os("/home/u")),
            Some(ConfigFile {
                path: PathBuf::from("/etc/r.toml"),
                named: true
            })
        );
        let usual = |path: &str| {
            Some(ConfigFile {
                path: PathBuf::from(path),
                named: false,
            })
        };
        assert_eq!(
            locate(os(""), os("/x"), os("/home/u")),
            usual("/x/readouts/config.toml")
        );
        assert_eq!(
            locate(None, os("relative"), os("/home/u")),
            usual("/home/u/.config/readouts/config.toml")
        );
        assert_eq!(
            locate(None, os(""), os("/home/u")),
            usual("/home/u/.config/readouts/config.toml")
        );
        assert_eq!(locate(None, None, None), None);
        assert_eq!(locate(None, None, os("")), None);
    }
}
