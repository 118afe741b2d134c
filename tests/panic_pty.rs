//! A panic while the viewer holds the terminal restores it and prints the
//! panic message on the normal screen.
//!
//! This test runs without the libtest harness: run plainly, it starts
//! itself again in a pseudo-terminal with `--panic-in-the-viewer`; that
//! copy takes the terminal over exactly as the viewer does (the viewer's
//! own panic hook, then the viewer's own `enter`) and panics. The product
//! has no way to panic on purpose, so the panic comes from the test.

mod pty;

use pty::Session;

const CHILD_FLAG: &str = "--panic-in-the-viewer";
const MESSAGE: &str = "a test panic while the viewer holds the terminal";

fn main() {
    if std::env::args().any(|arg| arg == CHILD_FLAG) {
        readouts::terminal::install_panic_hook();
        readouts::terminal::enter(true).expect("the terminal is taken over");
        print!("drawn on the alternate screen");
        panic!("{MESSAGE}");
    }
    let program = std::env::current_exe().expect("this test's path");
    let program = program.to_str().expect("a UTF-8 path");
    let mut session = Session::start_program(program, &[CHILD_FLAG], 100, 30, &[]);
    let status = session.wait_exit();
    assert!(!status.success(), "the copy panicked: {status:?}");
    session.wait_for_screen("the panic message on the normal screen", |screen| {
        !screen.alternate_screen() && screen.contents().contains(MESSAGE)
    });
    session.with_screen(|screen| {
        assert!(!screen.hide_cursor(), "the cursor is shown");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse reporting is off"
        );
        assert!(
            !screen.contents().contains("drawn on the alternate screen"),
            "the alternate screen is gone"
        );
    });
    assert!(session.terminal_is_cooked(), "raw mode is off");
    println!("panic_pty: ok");
}
