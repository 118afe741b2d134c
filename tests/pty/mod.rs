//! Running the real binary in a pseudo-terminal: keys in, the screen read
//! back through a vt100 parser that also records what a terminal would do
//! besides drawing (window title, clipboard, bell). Output is read on a
//! thread; every wait polls with a deadline, never a fixed sleep.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

const DEADLINE: Duration = Duration::from_secs(15);

/// What the program asked the terminal for, besides drawing.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Requests {
    pub window_titles: Vec<Vec<u8>>,
    pub icon_names: Vec<Vec<u8>>,
    pub clipboard_writes: Vec<Vec<u8>>,
    pub clipboard_reads: usize,
    pub bells: usize,
    pub resizes: Vec<(u16, u16)>,
}

impl vt100::Callbacks for Requests {
    fn audible_bell(&mut self, _: &mut vt100::Screen) {
        self.bells += 1;
    }

    fn visual_bell(&mut self, _: &mut vt100::Screen) {
        self.bells += 1;
    }

    fn resize(&mut self, _: &mut vt100::Screen, request: (u16, u16)) {
        self.resizes.push(request);
    }

    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, icon_name: &[u8]) {
        self.icon_names.push(icon_name.to_vec());
    }

    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.window_titles.push(title.to_vec());
    }

    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _ty: &[u8], data: &[u8]) {
        self.clipboard_writes.push(data.to_vec());
    }

    fn paste_from_clipboard(&mut self, _: &mut vt100::Screen, _ty: &[u8]) {
        self.clipboard_reads += 1;
    }
}

type Parser = vt100::Parser<Requests>;

pub struct Session {
    child: Box<dyn Child + Send + Sync>,
    /// `None` once the terminal has hung up.
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    parser: Arc<Mutex<Parser>>,
    output: Arc<Mutex<Vec<u8>>>,
    /// Tells the reader thread to let go of its end of the terminal.
    stop_reading: Arc<AtomicBool>,
    reader_done: Arc<AtomicBool>,
}

impl Drop for Session {
    /// A test that fails half-way must not leave the program running.
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

impl Session {
    /// Starts `readouts` with `args` in a terminal of `cols` × `rows`.
    pub fn start(args: &[&str], cols: u16, rows: u16) -> Session {
        Session::start_with_env(args, cols, rows, &[])
    }

    pub fn start_with_env(args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Session {
        Session::start_program(env!("CARGO_BIN_EXE_readouts"), args, cols, rows, env)
    }

    /// Starts any program in a terminal of `cols` × `rows`.
    pub fn start_program(
        program: &str,
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Session {
        let pty = native_pty_system()
            .openpty(size(cols, rows))
            .expect("a pseudo-terminal");
        let mut command = CommandBuilder::new(program);
        command.args(args);
        command.cwd(env!("CARGO_MANIFEST_DIR"));
        command.env("TERM", "xterm-256color");
        command.env_remove("NO_COLOR");
        // Never the user's own config file.
        command.env_remove("READOUTS_CONFIG");
        command.env(
            "XDG_CONFIG_HOME",
            concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/config/none"),
        );
        for (key, value) in env {
            command.env(key, value);
        }
        let child = pty.slave.spawn_command(command).expect("the binary starts");
        drop(pty.slave);
        let rows_nz = NonZeroU16::new(rows).expect("rows");
        let cols_nz = NonZeroU16::new(cols).expect("cols");
        let parser = Arc::new(Mutex::new(vt100::Parser::new_with_callbacks(
            rows_nz,
            cols_nz,
            0,
            Requests::default(),
        )));
        let output = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pty.master.try_clone_reader().expect("a reader");
        let (thread_parser, thread_output) = (Arc::clone(&parser), Arc::clone(&output));
        let stop_reading = Arc::new(AtomicBool::new(false));
        let reader_done = Arc::new(AtomicBool::new(false));
        let (thread_stop, thread_done) = (Arc::clone(&stop_reading), Arc::clone(&reader_done));
        std::thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            while let Ok(count) = reader.read(&mut buffer) {
                if count == 0 || thread_stop.load(Ordering::SeqCst) {
                    break;
                }
                thread_parser
                    .lock()
                    .expect("parser")
                    .process(&buffer[..count]);
                thread_output
                    .lock()
                    .expect("output")
                    .extend_from_slice(&buffer[..count]);
            }
            drop(reader);
            thread_done.store(true, Ordering::SeqCst);
        });
        let writer = pty.master.take_writer().expect("a writer");
        Session {
            child,
            master: Some(pty.master),
            writer: Some(writer),
            parser,
            output,
            stop_reading,
            reader_done,
        }
    }

    fn master(&self) -> &(dyn MasterPty + Send) {
        self.master.as_deref().expect("the terminal is still there")
    }

    pub fn send(&mut self, bytes: &str) {
        self.send_bytes(bytes.as_bytes());
    }

    pub fn send_bytes(&mut self, bytes: &[u8]) {
        let writer = self.writer.as_mut().expect("the terminal is still there");
        writer.write_all(bytes).expect("keys are sent");
        writer.flush().expect("keys are flushed");
    }

    /// Closes the terminal, as when its window is closed or an ssh
    /// connection drops: every descriptor of the master side goes. `poke`
    /// makes the program write once more, so that the reader thread wakes
    /// up and lets go of its descriptor.
    pub fn hang_up(&mut self, poke: &str) {
        self.stop_reading.store(true, Ordering::SeqCst);
        self.send(poke);
        let start = Instant::now();
        while !self.reader_done.load(Ordering::SeqCst) {
            assert!(start.elapsed() < DEADLINE, "the reader never let go");
            std::thread::sleep(Duration::from_millis(20));
        }
        self.writer = None;
        self.master = None;
    }

    /// The screen's text now.
    pub fn contents(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    pub fn with_screen<T>(&self, look: impl FnOnce(&vt100::Screen) -> T) -> T {
        look(self.parser.lock().expect("parser").screen())
    }

    /// Writes on the screen as another program sharing the terminal would
    /// (a `wall` message, a background job): straight to the screen, not
    /// through the program.
    pub fn scribble(&self, bytes: &[u8]) {
        self.parser.lock().expect("parser").process(bytes);
    }

    /// What the program asked the terminal for so far, besides drawing.
    pub fn requests(&self) -> Requests {
        self.parser.lock().expect("parser").callbacks().clone()
    }

    /// Everything the program wrote so far.
    pub fn output(&self) -> Vec<u8> {
        self.output.lock().expect("output").clone()
    }

    /// Waits until the screen's text satisfies `test`; panics with the
    /// screen if the deadline passes.
    pub fn wait_for(&self, what: &str, test: impl Fn(&str) -> bool) {
        self.wait_for_screen(what, |screen| test(&screen.contents()));
    }

    /// Waits until the screen (text, modes, cursor) satisfies `test`.
    pub fn wait_for_screen(&self, what: &str, test: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        loop {
            if self.with_screen(&test) {
                return;
            }
            if start.elapsed() > DEADLINE {
                panic!(
                    "timed out waiting for {what}; the screen:\n{}",
                    self.contents()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn wait_for_text(&self, text: &str) {
        self.wait_for(text, |screen| screen.contains(text));
    }

    /// Resizes the terminal. The parser takes the new size first: whatever
    /// the program drew for the old size is then overdrawn by its redraw
    /// for the new one, which can only come after the resize.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        let (rows_nz, cols_nz) = (
            NonZeroU16::new(rows).expect("rows"),
            NonZeroU16::new(cols).expect("cols"),
        );
        self.parser
            .lock()
            .expect("parser")
            .set_size(rows_nz, cols_nz);
        self.master().resize(size(cols, rows)).expect("resized");
    }

    pub fn pid(&self) -> i32 {
        let pid = self.child.process_id().expect("a pid");
        i32::try_from(pid).expect("pid fits")
    }

    /// Waits for the program to exit, and for everything it wrote to be
    /// read; its status.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("status") {
                while !self.reader_done.load(Ordering::SeqCst) {
                    assert!(start.elapsed() < DEADLINE, "the output never ended");
                    std::thread::sleep(Duration::from_millis(20));
                }
                return status;
            }
            if start.elapsed() > DEADLINE {
                let _ = self.child.kill();
                panic!("the program did not exit; the screen:\n{}", self.contents());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Whether the terminal is back in its normal (cooked) mode: canonical
    /// input and echo on.
    pub fn terminal_is_cooked(&self) -> bool {
        use nix::sys::termios::LocalFlags;
        let termios = self.master().get_termios().expect("termios");
        termios
            .local_flags
            .contains(LocalFlags::ICANON | LocalFlags::ECHO)
    }
}

/// Whether output holds an SGR sequence that sets a colour (foreground,
/// background, or underline colour); resets to the default do not count.
pub fn sets_a_colour(output: &str) -> bool {
    output.split("\u{1b}[").skip(1).any(|sequence| {
        let Some(end) = sequence.find(|c: char| c.is_ascii_alphabetic()) else {
            return false;
        };
        if !sequence[end..].starts_with('m') {
            return false;
        }
        sequence[..end].split(';').any(|parameter| {
            matches!(
                parameter.parse::<u16>(),
                Ok(30..=38 | 40..=48 | 58 | 90..=97 | 100..=107)
            )
        })
    })
}
