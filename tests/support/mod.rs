//! Running the `readouts` binary from the command-line tests.
#![allow(dead_code)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Runs `readouts` in `dir` with `stdin` as its standard input.
pub fn readouts_in(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    readouts_in_env(dir, args, stdin, &[])
}

/// A folder with no `readouts/config.toml` in it, for `XDG_CONFIG_HOME`.
pub const NO_CONFIG_HOME: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/config/none");

/// Takes away the variables that change `readouts`'s output (`COLUMNS`,
/// `NO_COLOR`, `CLICOLOR_FORCE`) and the user's own config file.
pub fn isolated(command: &mut Command) -> &mut Command {
    command
        .env_remove("COLUMNS")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("READOUTS_CONFIG")
        .env("XDG_CONFIG_HOME", NO_CONFIG_HOME)
}

/// Runs `readouts` with `env` set on top of an [`isolated`] environment.
pub fn readouts_in_env(dir: &Path, args: &[&str], stdin: &[u8], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_readouts"));
    isolated(&mut command);
    for (key, value) in env {
        command.env(key, value);
    }
    let mut child = command
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let written = child.stdin.take().expect("stdin is piped").write_all(stdin);
    // A run that stops before reading its input (a usage error) closes the
    // pipe under the write.
    if let Err(error) = written {
        assert_eq!(
            error.kind(),
            std::io::ErrorKind::BrokenPipe,
            "stdin: {error}"
        );
    }
    child.wait_with_output().expect("the binary finishes")
}

/// Runs `readouts` in the project's folder, so fixture paths are relative.
pub fn readouts_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    readouts_in(Path::new(env!("CARGO_MANIFEST_DIR")), args, stdin)
}

/// Runs `readouts` in the project's folder with `env` set.
pub fn readouts_with_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    readouts_in_env(Path::new(env!("CARGO_MANIFEST_DIR")), args, b"", env)
}

pub fn readouts(args: &[&str]) -> Output {
    readouts_with_stdin(args, b"")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("output is UTF-8")
}
