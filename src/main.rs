use std::process::ExitCode;

fn main() -> ExitCode {
    readouts::cli::run()
}
