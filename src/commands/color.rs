//! Whether to colour: `--color`, then `NO_COLOR` (<https://no-color.org>),
//! then `CLICOLOR_FORCE` (<https://bixense.com/clicolors/>), then whether
//! the output is a terminal that can show colour. The commands that colour
//! are the viewer and `print`; the others write plain text (diagnostics
//! included), so they take no `--color`.

use std::io::IsTerminal;

use clap::ValueEnum;

use crate::io::{clicolor_force, no_color, term_can_draw};

/// When to colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set; also off a terminal when
    /// CLICOLOR_FORCE is set.
    #[default]
    Auto,
    /// Always, whatever the environment says.
    Always,
    /// Never, whatever the environment says.
    Never,
}

/// What the environment says about colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColorEnvironment {
    /// The output is a terminal that can show colour (`TERM` set and not
    /// `dumb`).
    pub terminal: bool,
    /// `NO_COLOR` is set and not empty.
    pub no_color: bool,
    /// `CLICOLOR_FORCE` is set, not empty and not `0`.
    pub clicolor_force: bool,
}

impl ColorEnvironment {
    /// The environment of standard output.
    pub fn of_stdout() -> ColorEnvironment {
        ColorEnvironment::with_terminal(std::io::stdout().is_terminal() && term_can_draw())
    }

    /// The environment of an output whose terminal is known.
    pub fn with_terminal(terminal: bool) -> ColorEnvironment {
        ColorEnvironment {
            terminal,
            no_color: no_color(),
            clicolor_force: clicolor_force(),
        }
    }
}

/// The one decision: an explicit `--color always|never` wins; else
/// `NO_COLOR` means none, `CLICOLOR_FORCE` means colour even off a
/// terminal, and otherwise colour goes to a terminal only.
pub fn use_color(choice: ColorChoice, environment: ColorEnvironment) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if environment.no_color => false,
        ColorChoice::Auto => environment.clicolor_force || environment.terminal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn environment(terminal: bool, no_color: bool, clicolor_force: bool) -> ColorEnvironment {
        ColorEnvironment {
            terminal,
            no_color,
            clicolor_force,
        }
    }

    #[test]
    fn an_explicit_choice_wins_over_the_environment() {
        for terminal in [false, true] {
            for no_color in [false, true] {
                for force in [false, true] {
                    let env = environment(terminal, no_color, force);
                    assert!(use_color(ColorChoice::Always, env), "{env:?}");
                    assert!(!use_color(ColorChoice::Never, env), "{env:?}");
                }
            }
        }
    }

    #[test]
    fn auto_colours_a_terminal_only() {
        assert!(use_color(
            ColorChoice::Auto,
            environment(true, false, false)
        ));
        assert!(!use_color(
            ColorChoice::Auto,
            environment(false, false, false)
        ));
    }

    #[test]
    fn clicolor_force_colours_a_pipe_and_no_color_wins_over_it() {
        assert!(use_color(
            ColorChoice::Auto,
            environment(false, false, true)
        ));
        assert!(!use_color(
            ColorChoice::Auto,
            environment(false, true, true)
        ));
        assert!(!use_color(
            ColorChoice::Auto,
            environment(true, true, false)
        ));
        assert!(!use_color(ColorChoice::Auto, environment(true, true, true)));
    }
}
