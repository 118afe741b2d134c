//! The real binary in a pseudo-terminal: it starts and shows both panes,
//! keys jump, q quits cleanly, signals restore the terminal (at start-up,
//! while running, in a storm of resizes), closing the terminal ends it, a
//! resize re-lays the screen, and a bad file never enters the alternate
//! screen.

mod common;
mod pty;

use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use pty::{Session, sets_a_colour};

fn started(cols: u16, rows: u16) -> Session {
    let session = Session::start(&[], cols, rows);
    session.wait_for_text("According to the Kremlin");
    session
}

fn assert_restored(session: &Session) {
    session.wait_for_screen("the alternate screen left and the cursor shown", |screen| {
        !screen.alternate_screen() && !screen.hide_cursor()
    });
    assert!(session.terminal_is_cooked(), "raw mode is off");
}

#[test]
fn it_starts_and_shows_both_panes_and_the_sidebar() {
    let mut session = started(120, 35);
    let screen = session.contents();
    assert!(
        screen.contains("Kremlin — Kremlin press service"),
        "{screen}"
    );
    assert!(screen.contains("White House"), "{screen}");
    assert!(
        screen.contains("According to the White House version"),
        "{screen}"
    );
    assert!(screen.contains("1 ●● Tone of the call"), "{screen}");
    assert!(session.with_screen(|s| s.alternate_screen()));
    assert!(!session.terminal_is_cooked(), "raw mode while running");
    session.send("q");
    assert_eq!(session.wait_exit().exit_code(), 0);
}

#[test]
fn a_digit_jumps_both_panes() {
    let mut session = started(120, 35);
    session.send("7");
    session.wait_for_text("White House does not mention Nuclear");
    session.wait_for_text("7/9 Nuclear war");
    session.send("4");
    session.wait_for("the topic's passages marked on both sides", |screen| {
        // The right pane starts at column 78 of 120.
        let bar_columns: Vec<usize> = screen
            .lines()
            .flat_map(|line| {
                line.chars()
                    .enumerate()
                    .filter(|&(_, c)| c == '▌')
                    .map(|(i, _)| i)
            })
            .collect();
        screen.contains("4/9 Response to a further invasion")
            && bar_columns.iter().any(|&column| column < 78)
            && bar_columns.iter().any(|&column| column >= 78)
    });
    session.send("q");
    assert_eq!(session.wait_exit().exit_code(), 0);
}

/// The screen row where a text starts in the columns from `from` on.
fn row_in_columns(screen: &str, text: &str, from: usize) -> Option<usize> {
    screen.lines().position(|line| {
        let right: String = line.chars().skip(from).collect();
        right.contains(text)
    })
}

#[test]
fn a_jump_puts_both_passages_side_by_side_and_a_scroll_keeps_them_there() {
    let mut session = started(140, 40);
    // 4: the response to a further invasion, near the end of both texts.
    session.send("4");
    let kremlin = "In addition, the American president";
    let white_house = "According to her, Biden made";
    session.wait_for("both passages on the top row", |screen| {
        row_in_columns(screen, kremlin, 35) == Some(1)
            && row_in_columns(screen, white_house, 87) == Some(1)
    });
    session.send("\tkk");
    session.wait_for("both two rows down, side by side", |screen| {
        row_in_columns(screen, kremlin, 35) == Some(3)
            && row_in_columns(screen, white_house, 87) == Some(3)
    });
    session.send("q");
    assert_eq!(session.wait_exit().exit_code(), 0);
}

#[test]
fn a_terminal_larger_than_the_largest_screen_shows_it_in_its_corner() {
    let mut session = Session::start(&[], 1500, 700);
    session.wait_for_text("According to the Kremlin");
    session.wait_for_screen("the status line on row 500", |screen| {
        screen
            .contents_between(499, 0, 499, 1000)
            .contains("aligned")
    });
    let beyond = session.with_screen(|screen| {
        (0..700).all(|row| {
            screen
                .contents_between(row, 1000, row, 1500)
                .trim()
                .is_empty()
        }) && (500..700).all(|row| screen.contents_between(row, 0, row, 1500).trim().is_empty())
    });
    assert!(beyond, "nothing drawn past 1000×500");
    session.send("q");
    assert_eq!(session.wait_exit().exit_code(), 0);
}

/// The viewer run as a job of an interactive shell in the terminal, as a
/// user runs it.
fn started_from_a_shell() -> Session {
    let session = Session::start_program(
        "bash",
        &["--norc", "--noprofile", "-i"],
        100,
        30,
        &[("PS1", "shell$ ")],
    );
    session.wait_for_text("shell$");
    session
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_brings_the_whole_screen_back() {
    let mut session = started_from_a_shell();
    session.send(&format!("{}\r", env!("CARGO_BIN_EXE_readouts")));
    session.wait_for_text("According to the Kremlin");
    session.send("4");
    session.wait_for_text("4/9 Response to a further invasion");
    session.send("\u{1a}");
    session.wait_for_screen("the shell back, on the normal screen", |screen| {
        !screen.alternate_screen() && !screen.hide_cursor() && screen.contents().contains("Stopped")
    });
    // (The shell's line editor sets the terminal's modes itself now.)
    session.send("fg\r");
    session.wait_for_screen("the viewer drawn whole again", |screen| {
        screen.alternate_screen()
            && screen
                .contents()
                .contains("4/9 Response to a further invasion")
            && screen.contents().contains("Topics")
    });
    session.send("j");
    session.wait_for_text("5/9 Negotiation calendar");
    session.send("q");
    session.wait_for_screen("the shell after quitting", |screen| {
        !screen.alternate_screen()
    });
    session.send("exit\r");
    session.wait_exit();
}

#[test]
fn an_outside_sigtstp_suspends_and_sigcont_resumes() {
    let mut session = started_from_a_shell();
    session.send(&format!("{}\r", env!("CARGO_BIN_EXE_readouts")));
    session.wait_for_text("According to the Kremlin");
    let viewer = std::fs::read_dir("/proc")
        .expect("proc")
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse::<i32>().ok())
        .find(|pid| {
            std::fs::read_to_string(format!("/proc/{pid}/cmdline"))
                .is_ok_and(|cmd| cmd.starts_with(env!("CARGO_BIN_EXE_readouts")))
                && std::fs::read_to_string(format!("/proc/{pid}/stat"))
                    .is_ok_and(|stat| stat.contains(&format!(" {} ", session.pid())))
        })
        .expect("the viewer's process");
    kill(Pid::from_raw(viewer), Signal::SIGTSTP).expect("signalled");
    session.wait_for_screen("the terminal restored", |screen| {
        !screen.alternate_screen() && !screen.hide_cursor()
    });
    session.wait_for_text("Stopped");
    session.send("fg\r");
    session.wait_for_screen("the viewer back", |screen| {
        screen.alternate_screen() && screen.contents().contains("According to the Kremlin")
    });
    session.send("q");
    session.wait_for_screen("the shell", |screen| !screen.alternate_screen());
    session.send("exit\r");
    session.wait_exit();
}

#[test]
fn q_exits_0_and_restores_the_terminal() {
    let mut session = started(100, 30);
    session.send("?");
    session.wait_for_text("Keys");
    session.send("q");
    session.wait_for("the help to close", |screen| !screen.contains("this help"));
    session.send("q");
    assert_eq!(session.wait_exit().exit_code(), 0);
    assert_restored(&session);
}

#[test]
fn ctrl_c_quits() {
    let mut session = started(100, 30);
    session.send("\u{3}");
    assert_eq!(session.wait_exit().exit_code(), 0);
    assert_restored(&session);
}

/// The signals that end the viewer, and its exit code for each.
const SIGNALS: [(Signal, u32); 3] = [
    (Signal::SIGTERM, 143),
    (Signal::SIGHUP, 129),
    (Signal::SIGINT, 130),
];

#[test]
fn sigterm_sighup_and_sigint_restore_the_terminal() {
    for (signal, code) in SIGNALS {
        let mut session = started(100, 30);
        kill(Pid::from_raw(session.pid()), signal).expect("signal sent");
        assert_eq!(session.wait_exit().exit_code(), code, "{signal}");
        assert_restored(&session);
    }
}

#[test]
fn a_signal_at_start_up_leaves_the_terminal_restored() {
    for (signal, _) in SIGNALS {
        let mut session = Session::start(&[], 100, 30);
        kill(Pid::from_raw(session.pid()), signal).expect("signal sent");
        session.wait_exit();
        assert_restored(&session);
    }
}

/// A size for step `step` of a storm: from 1×1 up to 200×60.
fn storm_size(step: u16) -> (u16, u16) {
    (1 + (step * 37) % 200, 1 + (step * 13) % 60)
}

#[test]
fn a_signal_in_a_storm_of_resizes_restores_the_terminal() {
    for (signal, code) in SIGNALS {
        let mut session = started(100, 30);
        for step in 0..60 {
            let (cols, rows) = storm_size(step);
            session.resize(cols, rows);
            if step == 30 {
                kill(Pid::from_raw(session.pid()), signal).expect("signal sent");
            }
        }
        assert_eq!(session.wait_exit().exit_code(), code, "{signal}");
        assert_restored(&session);
    }
}

#[test]
fn no_frame_byte_comes_after_the_terminal_is_given_back() {
    // A large document: every scroll redraws a full screen of text.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("large.toml");
    let mut file = String::from("title = \"Large\"\n[[topics]]\nid = \"t\"\nlabel = \"T\"\n");
    for side in ["left", "right"] {
        file.push_str(&format!(
            "[[readouts]]\nid = \"{side}\"\nlabel = \"{side}\"\n"
        ));
        for n in 0..5_000 {
            file.push_str(&format!(
                "[[readouts.passages]]\ntext = \"Passage {n} of the {side} readout, long enough to wrap over more than one row of a pane.\"\ntopics = [\"t\"]\n"
            ));
        }
    }
    std::fs::write(&path, file).expect("written");
    let path = path.to_str().expect("utf-8");
    for (signal, code) in SIGNALS {
        for trial in 0..10 {
            let mut session = Session::start(&[path], 160, 45);
            session.wait_for_text("Passage 0 of the left readout");
            session.send("\t");
            for step in 0..40 {
                session.send(if step % 2 == 0 { "jjjj" } else { "kk" });
                let (cols, rows) = storm_size(step);
                session.resize(cols, rows);
                if step == 20 + trial {
                    kill(Pid::from_raw(session.pid()), signal).expect("signal sent");
                }
            }
            assert_eq!(session.wait_exit().exit_code(), code, "{signal}");
            let output = session.output();
            let leave = b"\x1b[?1049l";
            let last = output
                .windows(leave.len())
                .rposition(|window| window == leave)
                .expect("the alternate screen is left");
            // Keys typed after the exit are echoed by the terminal itself;
            // nothing else may follow.
            let after = &output[last + leave.len()..];
            assert!(
                after
                    .iter()
                    .all(|&byte| matches!(byte, b'j' | b'k' | b'\t')),
                "{signal}, trial {trial}: {:?} after the restore",
                String::from_utf8_lossy(after)
            );
            assert_restored(&session);
        }
    }
}

#[test]
fn every_signal_that_ends_the_viewer_restores_the_terminal_first() {
    let ending = [
        (Signal::SIGQUIT, Some(131)),
        (Signal::SIGUSR1, Some(138)),
        (Signal::SIGUSR2, Some(140)),
        (Signal::SIGALRM, Some(142)),
        // Crashes and aborts end the process by the signal itself.
        (Signal::SIGSEGV, None),
        (Signal::SIGBUS, None),
        (Signal::SIGABRT, None),
    ];
    for (signal, code) in ending {
        let mut session = started(100, 30);
        session.send("4");
        session.wait_for_text("4/9 Response");
        kill(Pid::from_raw(session.pid()), signal).expect("signal sent");
        let status = session.wait_exit();
        if let Some(code) = code {
            assert_eq!(status.exit_code(), code, "{signal}");
        } else {
            assert!(!status.success(), "{signal}");
        }
        assert_restored(&session);
        let output = String::from_utf8_lossy(&session.output()).into_owned();
        assert!(
            output.ends_with("\u{1b}[?1049l"),
            "{signal}: mouse off, cursor shown, screen left"
        );
        assert!(
            output.contains("\u{1b}[?1000l"),
            "{signal}: mouse reporting off"
        );
    }
}

#[test]
fn a_storm_of_resizes_ends_in_the_screen_of_the_last_size() {
    let mut session = started(100, 30);
    for step in 0..100 {
        let (cols, rows) = storm_size(step);
        session.resize(cols, rows);
    }
    session.resize(117, 37);
    let expected = common::screen(&common::builtin_app(117, 37));
    session.wait_for_screen("a clean screen at 117×37", |screen| {
        same_text(screen, &expected)
    });
    session.send("q");
    assert_eq!(session.wait_exit().exit_code(), 0);
}

/// Whether the terminal shows exactly `expected`, row by row.
fn same_text(screen: &vt100::Screen, expected: &str) -> bool {
    let (_, cols) = screen.size();
    let shown: Vec<String> = screen
        .rows(0, cols.get())
        .map(|row| row.trim_end().to_string())
        .collect();
    let wanted: Vec<&str> = expected.lines().map(str::trim_end).collect();
    shown == wanted
}

#[test]
fn closing_the_terminal_ends_the_viewer() {
    let mut session = started(100, 30);
    session.hang_up("j");
    let status = session.wait_exit();
    assert!(!status.success(), "{status:?}");
}

#[test]
fn a_resize_re_lays_the_screen() {
    let mut session = started(100, 30);
    session.resize(150, 40);
    session.wait_for("the status line on the new last row", |screen| {
        screen.lines().count() >= 40
            && screen
                .lines()
                .nth(39)
                .is_some_and(|l| l.contains("aligned"))
    });
    session.resize(30, 8);
    session.wait_for_text("Terminal too small");
    session.resize(90, 24);
    session.wait_for("the viewer again", |screen| {
        screen.contains("Kremlin") && !screen.contains("too small")
    });
    session.send("q");
    assert_eq!(session.wait_exit().exit_code(), 0);
}

#[test]
fn an_invalid_file_prints_its_diagnostic_and_never_enters_the_alternate_screen() {
    let mut session = Session::start(&["tests/fixtures/invalid/undeclared-topic.toml"], 100, 30);
    assert_eq!(session.wait_exit().exit_code(), 1);
    session.wait_for_text("unknown topic `harbor`");
    let output = String::from_utf8_lossy(&session.output()).into_owned();
    assert!(
        !output.contains("\u{1b}[?1049h"),
        "no alternate screen: {output:?}"
    );
    assert!(session.terminal_is_cooked());
}

#[test]
fn the_detector_sees_colours() {
    assert!(sets_a_colour("x\u{1b}[1;31mred"));
    assert!(sets_a_colour("\u{1b}[48;5;200m"));
    assert!(!sets_a_colour(
        "\u{1b}[1m\u{1b}[3m\u{1b}[39m\u{1b}[49m\u{1b}[59m\u{1b}[0m"
    ));
}

#[test]
fn colour_is_on_by_default() {
    let mut session = started(100, 30);
    let output = String::from_utf8_lossy(&session.output()).into_owned();
    assert!(sets_a_colour(&output));
    session.send("q");
    assert_eq!(session.wait_exit().exit_code(), 0);
}

#[test]
fn no_color_draws_without_colour() {
    let mut session = Session::start_with_env(&[], 100, 30, &[("NO_COLOR", "1")]);
    session.wait_for_text("According to the Kremlin");
    session.send("5");
    session.wait_for_text("5/9 Negotiation calendar");
    let output = String::from_utf8_lossy(&session.output()).into_owned();
    assert!(!sets_a_colour(&output), "a colour in {output:?}");
    assert!(output.contains("\u{1b}[1m"), "bold carries the emphasis");
    assert!(
        output.contains("\u{1b}[7m"),
        "reverse carries the selection"
    );
    session.send("q");
    assert_eq!(session.wait_exit().exit_code(), 0);
}

#[test]
fn slash_enter_and_n_search_both_panes() {
    let mut session = started(100, 30);
    session.send("/");
    session.wait_for_text("/▏");
    session.send("the");
    session.wait_for_text("«the»");
    session.send("\r");
    session.wait_for("the search kept", |screen| {
        screen
            .lines()
            .last()
            .is_some_and(|l| l.contains("match 1/") && !l.contains("▏"))
    });
    session.send("n");
    session.wait_for_text("match 2/");
    session.send("N");
    session.wait_for_text("match 1/");
    session.send("q");
    assert_eq!(session.wait_exit().exit_code(), 0);
}

#[test]
fn p_and_space_step_through_topics_in_presentation_mode() {
    let mut session = started(120, 32);
    session.send("p");
    session.wait_for_text("1 / 9");
    session.send(" ");
    session.wait_for_text("2 / 9");
    session.wait_for_text("White House does not mention Security guarantees");
    session.send("r");
    session.wait_for_text("White House hidden · r reveals");
    session.send("\u{1b}");
    session.wait_for_text("2/9 Security guarantees");
    session.send("q");
    assert_eq!(session.wait_exit().exit_code(), 0);
}

#[test]
fn present_flag_starts_in_presentation_mode() {
    let mut session = Session::start(&["--present", "--topic", "nuclear-war"], 120, 32);
    session.wait_for_text("7 / 9");
    session.send("q");
    assert_eq!(session.wait_exit().exit_code(), 0);
}

/// The text of the right pane's first row (columns past the middle).
fn right_pane_top(screen: &str) -> String {
    screen
        .lines()
        .nth(1)
        .map(|line| line.chars().skip(60).collect())
        .unwrap_or_default()
}

#[test]
fn the_mouse_wheel_scrolls_and_a_click_picks_a_topic() {
    let mut session = started(100, 14);
    let output = String::from_utf8_lossy(&session.output()).into_owned();
    assert!(output.contains("\u{1b}[?1000h"), "mouse reporting is on");
    let before = right_pane_top(&session.contents());
    // SGR mouse report: wheel down (65) at column 80, row 5.
    session.send("\u{1b}[<65;80;5M");
    session.wait_for("the right pane to scroll", |screen| {
        right_pane_top(screen) != before
    });
    // A left click (0) on the sidebar's fourth topic: row 5 (1-based).
    session.send("\u{1b}[<0;4;5M\u{1b}[<0;4;5m");
    session.wait_for_text("4/9 Response to a further invasion");
    session.send("q");
    assert_eq!(session.wait_exit().exit_code(), 0);
    let output = String::from_utf8_lossy(&session.output()).into_owned();
    assert!(
        output.contains("\u{1b}[?1000l"),
        "mouse reporting is turned off"
    );
}

#[test]
fn no_mouse_leaves_the_mouse_alone() {
    let mut session = Session::start(&["--no-mouse"], 100, 30);
    session.wait_for_text("According to the Kremlin");
    let output = String::from_utf8_lossy(&session.output()).into_owned();
    assert!(!output.contains("\u{1b}[?1000h"));
    session.send("q");
    assert_eq!(session.wait_exit().exit_code(), 0);
}

#[test]
fn the_file_reloads_when_rewritten_and_a_broken_edit_keeps_the_last_good_content() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("talks.toml");
    let original = std::fs::read_to_string("tests/fixtures/valid/harbour.toml").expect("fixture");
    std::fs::write(&path, &original).expect("written");
    let path_text = path.to_str().expect("utf-8 path");
    let mut session = Session::start(&[path_text], 100, 30);
    session.wait_for_text("We discussed the harbour.");
    std::fs::write(
        &path,
        original.replace("We discussed the harbour.", "We rebuilt the pier."),
    )
    .expect("rewritten");
    session.wait_for_text("We rebuilt the pier.");
    std::fs::write(&path, original.replace("title =", "titel =")).expect("broken");
    session.wait_for_text("unknown key `titel`");
    assert!(
        session.contents().contains("We rebuilt the pier."),
        "the last good content stays"
    );
    std::fs::write(&path, &original).expect("fixed");
    session.wait_for("the fixed file", |screen| {
        screen.contains("We discussed the harbour.") && !screen.contains("titel")
    });
    std::fs::remove_file(&path).expect("deleted");
    session.wait_for_text("is gone; showing its last content");
    session.send("q");
    assert_eq!(session.wait_exit().exit_code(), 0);
}

#[test]
fn a_file_written_in_two_parts_is_never_shown_half() {
    use std::io::Write;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("talks.toml");
    let original = std::fs::read_to_string("tests/fixtures/valid/harbour.toml").expect("fixture");
    std::fs::write(&path, &original).expect("written");
    let mut session = Session::start(&[path.to_str().expect("utf-8")], 100, 30);
    session.wait_for_text("We discussed the harbour.");
    // The first part alone is a valid file: up to a passage boundary.
    let first = original.replace("We discussed the harbour.", "Half of a new version.");
    let rest = "\n[[readouts.passages]]\ntext = \"The rest of the new version.\"\n";
    let mut writer = std::fs::File::create(&path).expect("opened for writing");
    writer.write_all(first.as_bytes()).expect("first part");
    writer.flush().expect("flushed");
    session.wait_for_text("reloading…");
    std::thread::sleep(std::time::Duration::from_millis(1500));
    assert!(
        !session.contents().contains("Half of a new version."),
        "a half-written file is not shown"
    );
    writer.write_all(rest.as_bytes()).expect("the rest");
    drop(writer);
    session.wait_for("the whole new version", |screen| {
        screen.contains("Half of a new version.") && screen.contains("The rest of the new version.")
    });
    session.send("q");
    assert_eq!(session.wait_exit().exit_code(), 0);
}

#[test]
fn an_edit_with_its_modification_time_set_back_is_seen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("talks.toml");
    let original = std::fs::read_to_string("tests/fixtures/valid/harbour.toml").expect("fixture");
    std::fs::write(&path, &original).expect("written");
    let modified = std::fs::metadata(&path)
        .expect("meta")
        .modified()
        .expect("mtime");
    let mut session = Session::start(&[path.to_str().expect("utf-8")], 100, 30);
    session.wait_for_text("We discussed the harbour.");
    // The same size, and the old modification time, as `cp -p` leaves it.
    let edited = original.replace("We discussed the harbour.", "We discussed the harbor!!");
    assert_eq!(edited.len(), original.len());
    std::fs::write(&path, &edited).expect("edited");
    let file = std::fs::File::options()
        .write(true)
        .open(&path)
        .expect("opened");
    file.set_modified(modified).expect("mtime set back");
    drop(file);
    session.wait_for_text("We discussed the harbor!!");
    session.send("q");
    assert_eq!(session.wait_exit().exit_code(), 0);
}

#[test]
fn a_fifo_in_the_files_place_is_reported_and_never_hangs_the_viewer() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("talks.toml");
    std::fs::copy("tests/fixtures/valid/harbour.toml", &path).expect("copied");
    let mut session = Session::start(&[path.to_str().expect("utf-8")], 100, 30);
    session.wait_for_text("We discussed the harbour.");
    std::fs::remove_file(&path).expect("removed");
    nix::unistd::mkfifo(&path, nix::sys::stat::Mode::from_bits_truncate(0o600)).expect("a fifo");
    session.wait_for_text("is not a regular file now");
    assert!(session.contents().contains("We discussed the harbour."));
    session.send("q");
    assert_eq!(session.wait_exit().exit_code(), 0);
}

#[test]
fn ctrl_l_draws_over_what_another_program_wrote() {
    let mut session = started(100, 30);
    let clean = session.contents();
    session.scribble(b"\x1b[5;5Hwritten by another program\x1b[20;60HXXXXXXXXXXXX");
    assert!(session.contents().contains("written by another program"));
    // A redraw draws only what changed, so the scribble stays.
    session.send("s");
    session.wait_for_text("lockstep");
    assert!(session.contents().contains("written by another program"));
    session.send("s");
    session.send("s");
    session.send("\x0c");
    session.wait_for_screen("the whole screen drawn again", |screen| {
        screen.contents() == clean
    });
    session.send("q");
    assert_eq!(session.wait_exit().exit_code(), 0);
}

/// The text of the last OSC 52 request ("set the clipboard") in `output`.
fn last_copy(output: &[u8]) -> Option<String> {
    use base64::Engine;
    let output = String::from_utf8_lossy(output);
    let start = output.rfind("\u{1b}]52;c;")? + "\u{1b}]52;c;".len();
    let end = start + output[start..].find('\u{7}')?;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(&output[start..end])
        .ok()?;
    String::from_utf8(bytes).ok()
}

#[test]
fn c_copies_the_topic_of_both_sides_and_shift_c_the_passage_in_view() {
    let mut session = started(100, 30);
    session.send("4c");
    session.wait_for_text("copied “Response to a further invasion”");
    let copied = last_copy(&session.output()).expect("an OSC 52 request");
    assert!(copied.starts_with("Response to a further invasion\n\nKremlin:\n"));
    assert!(copied.contains("new sanctions in case of an open military invasion"));
    assert!(copied.contains("\n\nWhite House:\nAccording to her, Biden made clear"));
    session.send("\tC");
    session.wait_for_text("copied Kremlin's passage");
    let passage = last_copy(&session.output()).expect("another OSC 52 request");
    assert!(passage.starts_with("Kremlin, passage "), "{passage}");
    assert!(passage.contains("new sanctions"), "{passage}");
    assert!(!passage.contains("White House:"), "{passage}");
    session.send("q");
    session.wait_exit();
}
