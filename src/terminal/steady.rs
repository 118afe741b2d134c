//! Keeps every column where ratatui put it, on terminals that draw an emoji
//! sequence at another width than ratatui counts.
//!
//! ratatui measures a grapheme as a whole: 👩‍🔬 takes two columns, ❤️ two.
//! Many terminals add up the characters instead (👩‍🔬 in four columns) or
//! draw a VS16 emoji in one. The crossterm backend writes a row's cells one
//! after another without moving the cursor, so every cell after such a
//! grapheme would land shifted, the panes' borders included. This backend
//! moves the cursor explicitly after each such grapheme, and when one
//! changes it sends its whole row again, so that whatever the terminal drew
//! over the neighbouring cells is drawn over in turn.
//!
//! It also scrolls: when the new frame is the screen moved up or down a few
//! rows between the pane borders (both panes scroll as one), it asks the
//! terminal to move those rows (a scroll region, VT100's `DECSTBM` with
//! line feeds or reverse index, which every terminal since has) and sends
//! only the cells that still differ, such as the sidebar's. Which cells to
//! send is ratatui's own diff of what is on the screen and the new frame.

use std::io::{self, Write};
use std::ops::Range;

use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::{Buffer, Cell, CellWidth};
use ratatui::layout::{Position, Rect, Size};
use unicode_width::UnicodeWidthChar;

pub struct SteadyColumns<W: Write> {
    inner: CrosstermBackend<W>,
    /// What is on the screen: every cell sent so far, moved as scrolled.
    sent: Buffer,
    /// The frame being sent: kept between frames so that its cells are
    /// not allocated again for every one.
    next: Buffer,
    /// Where the cursor was last put, for the clears that start there.
    cursor: Position,
}

/// A scroll of the rows `rows` by `by` rows: up (the text moves up, new
/// rows come in at the bottom) when positive.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Scroll {
    rows: Range<u16>,
    by: i16,
}

/// The shifts tried, most likely first: a row (j, k), a wheel notch.
const SHIFTS: [i16; 6] = [1, -1, 3, -3, 2, -2];

impl<W: Write> SteadyColumns<W> {
    /// Wraps a backend whose screen is blank (or is cleared before the
    /// first draw).
    pub fn new(inner: CrosstermBackend<W>) -> Self {
        SteadyColumns {
            inner,
            // Grows with the first cells drawn.
            sent: Buffer::empty(Rect::ZERO),
            next: Buffer::empty(Rect::ZERO),
            cursor: Position::ORIGIN,
        }
    }

    /// A scroll that leaves far fewer cells to send between `next` and
    /// what is on the screen, if there is one: of the rows inside the
    /// panes' top and bottom borders. `changed` is how many of those rows'
    /// cells ratatui found changed.
    fn worth_scrolling(&self, next: &Buffer, changed: usize) -> Option<Scroll> {
        let area = self.sent.area;
        // A row's worth of changes is not worth a scroll.
        if area.height < 6 || changed <= usize::from(area.width) {
            return None;
        }
        let rows = 1..area.height - 2;
        // At most this many cells may be left to send: 60 % of them.
        let most = changed * 6 / 10;
        let width = usize::from(area.width);
        let fits = |by: i16| -> bool {
            let mut left = most;
            for y in rows.clone() {
                let from = u16::try_from(i32::from(y) + i32::from(by))
                    .ok()
                    .filter(|from| rows.contains(from));
                let start = usize::from(y) * width;
                let new = &next.content[start..start + width];
                let differing = match from {
                    Some(from) => {
                        let from = usize::from(from) * width;
                        let old = &self.sent.content[from..from + width];
                        new.iter().zip(old).filter(|(new, old)| new != old).count()
                    }
                    None => new.iter().filter(|cell| **cell != Cell::EMPTY).count(),
                };
                match left.checked_sub(differing) {
                    Some(rest) => left = rest,
                    None => return false,
                }
            }
            true
        };
        SHIFTS.into_iter().find(|&by| fits(by)).map(|by| Scroll {
            rows: rows.clone(),
            by,
        })
    }

    /// Moves the rows on the terminal and in `sent`: the rows that come in
    /// are blank.
    fn scroll(&mut self, scroll: &Scroll) -> io::Result<()> {
        let (top, bottom) = (scroll.rows.start, scroll.rows.end - 1);
        let count = usize::from(scroll.by.unsigned_abs());
        // A plain style, so the rows that come in are blank; the margins
        // 1-based; a line feed at the bottom margin moves the rows up, a
        // reverse index at the top one moves them down.
        let mut bytes = format!("\x1b[0m\x1b[{};{}r", top + 1, bottom + 1);
        if scroll.by > 0 {
            bytes.push_str(&format!("\x1b[{};1H", bottom + 1));
            bytes.push_str(&"\n".repeat(count));
        } else {
            bytes.push_str(&format!("\x1b[{};1H", top + 1));
            bytes.push_str(&"\x1bM".repeat(count));
        }
        bytes.push_str("\x1b[r");
        Write::write_all(&mut self.inner, bytes.as_bytes())?;
        // The rows move in place: the region's cells are one stretch.
        let width = usize::from(self.sent.area.width);
        let region = &mut self.sent.content
            [usize::from(scroll.rows.start) * width..usize::from(scroll.rows.end) * width];
        let moved = (count * width).min(region.len());
        if scroll.by > 0 {
            region.rotate_left(moved);
            let end = region.len();
            region[end - moved..].fill(Cell::EMPTY);
        } else {
            region.rotate_right(moved);
            region[..moved].fill(Cell::EMPTY);
        }
        Ok(())
    }

    /// Sends `cells` (positions in `sent`), starting a fresh run at each
    /// uneven grapheme: blanks over the columns ratatui gives it (for a
    /// terminal that draws it narrower), the grapheme, then a cursor move.
    fn send(&mut self, cells: &[Position]) -> io::Result<()> {
        let mut run: Vec<(u16, u16, &Cell)> = Vec::new();
        for &position in cells {
            let cell = &self.sent[position];
            if !is_uneven(cell.symbol()) {
                run.push((position.x, position.y, cell));
                continue;
            }
            self.inner.draw(run.drain(..))?;
            let mut blank = cell.clone();
            blank.set_symbol(" ");
            let width = cell.symbol().cell_width();
            let blanks: Vec<(u16, u16, &Cell)> = (0..width)
                .map(|offset| (position.x.saturating_add(offset), position.y, &blank))
                .collect();
            self.inner.draw(blanks.into_iter())?;
            self.inner
                .draw(std::iter::once((position.x, position.y, cell)))?;
        }
        self.inner.draw(run.into_iter())
    }

    /// Every cell of row `y` that the terminal draws, left to right: the
    /// columns hidden behind a wide grapheme are left out, as ratatui does.
    fn row(&self, y: u16) -> Vec<Position> {
        let mut cells = Vec::new();
        let mut x = self.sent.area.left();
        while x < self.sent.area.right() {
            let position = Position::new(x, y);
            cells.push(position);
            x = x.saturating_add(self.sent[position].symbol().cell_width().max(1));
        }
        cells
    }
}

fn blank(size: Size) -> Buffer {
    Buffer::empty(Rect::new(0, 0, size.width, size.height))
}

/// Whether a terminal that adds up the widths of a grapheme's characters
/// would draw it at another width than ratatui does.
fn is_uneven(symbol: &str) -> bool {
    let mut chars = symbol.chars();
    if chars.next().is_none() || chars.next().is_none() {
        return false;
    }
    let summed: usize = symbol.chars().map(|c| c.width().unwrap_or(0)).sum();
    summed != usize::from(symbol.cell_width())
}

impl<W: Write> super::Clipboard for SteadyColumns<W> {
    fn set_clipboard(&mut self, text: &str) -> io::Result<()> {
        Write::write_all(&mut self.inner, super::osc52(text).as_bytes())
    }
}

impl<W: Write> Backend for SteadyColumns<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        // The new frame: the screen with ratatui's changes. The screen as
        // known grows with the cells drawn; what lies beyond is blank.
        let updates: Vec<(u16, u16, &Cell)> = content.collect();
        let reach = updates.iter().fold(self.sent.area, |area, &(x, y, _)| {
            area.union(Rect::new(x, y, 1, 1))
        });
        let reach = Rect::new(0, 0, reach.right(), reach.bottom());
        if self.sent.area != reach {
            self.sent.resize(reach);
        }
        let mut next = std::mem::take(&mut self.next);
        next.area = self.sent.area;
        next.content.clone_from(&self.sent.content);
        let mut changed_within_borders = 0;
        for (x, y, cell) in updates {
            next[(x, y)] = cell.clone();
            // The terminal blanks what a wide grapheme covers, and ratatui
            // sends nothing for those columns: without this, a cell there
            // that the next frame brings back would count as still shown.
            let covered = (x + 1..x.saturating_add(cell.symbol().cell_width()))
                .take_while(|&x| x < reach.width);
            for x in covered {
                next[(x, y)] = Cell::EMPTY;
            }
            if y > 0 && y + 2 < reach.height {
                changed_within_borders += 1;
            }
        }
        if let Some(scroll) = self.worth_scrolling(&next, changed_within_borders) {
            self.scroll(&scroll)?;
        }
        let mut changed = Vec::new();
        let mut uneven_rows: Vec<u16> = Vec::new();
        for (x, y, cell) in self.sent.diff(&next) {
            changed.push(Position::new(x, y));
            // A flag is two characters that a terminal may draw apart, and
            // a blank over the first leaves the second: the columns a wider
            // grapheme covered are sent again, whatever ratatui thinks.
            let was = self.sent[(x, y)].symbol().cell_width();
            let is = cell.symbol().cell_width().max(1);
            changed.extend(
                (x.saturating_add(is)..x.saturating_add(was))
                    .take_while(|&x| x < reach.width)
                    .map(|x| Position::new(x, y)),
            );
            if is_uneven(cell.symbol()) && !uneven_rows.contains(&y) {
                uneven_rows.push(y);
            }
        }
        changed.sort_unstable_by_key(|position| (position.y, position.x));
        changed.dedup();
        self.next = std::mem::replace(&mut self.sent, next);
        changed.retain(|position| !uneven_rows.contains(&position.y));
        for &y in &uneven_rows {
            changed.extend(self.row(y));
        }
        self.send(&changed)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        let position = position.into();
        self.cursor = position;
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)?;
        if clear_type == ClearType::All {
            self.sent = blank(self.inner.size()?);
            return Ok(());
        }
        // What the terminal blanks, as cell indices of `sent`: ratatui
        // clears a fixed viewport after the cursor or line by line.
        let area = self.sent.area;
        let width = usize::from(area.width);
        let cursor = self.cursor;
        let at = usize::from(cursor.y) * width + usize::from(cursor.x.min(area.width));
        let row = usize::from(cursor.y) * width;
        let cells = self.sent.content.len();
        let blanked = match clear_type {
            ClearType::AfterCursor => at.min(cells)..cells,
            ClearType::BeforeCursor => 0..at.min(cells),
            ClearType::CurrentLine => row.min(cells)..(row + width).min(cells),
            ClearType::UntilNewLine => at.min(cells)..(row + width).min(cells),
            ClearType::All => 0..cells,
        };
        self.sent.content[blanked].fill(Cell::EMPTY);
        Ok(())
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        Backend::flush(&mut self.inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::backend::CrosstermBackend;
    use ratatui::text::Line;
    use ratatui::{TerminalOptions, Viewport};
    use std::cell::Cell;
    use std::rc::Rc;

    use crate::app::{Action, App, update};
    use crate::document::load::load_str;
    use crate::document::{Pair, builtin};
    use crate::ui::{
        self,
        theme::{Palette, Theme},
    };

    #[test]
    fn a_grapheme_is_uneven_when_its_characters_add_up_to_another_width() {
        assert!(is_uneven("👩\u{200d}🔬"));
        assert!(is_uneven("❤\u{fe0f}"));
        assert!(is_uneven("👍🏽"));
        assert!(!is_uneven("a"));
        assert!(!is_uneven("問"));
        assert!(!is_uneven("a\u{301}"), "a combining mark adds nothing");
        assert!(!is_uneven(""));
    }

    /// A terminal of `width` × `height` behind a SteadyColumns backend,
    /// its bytes read by a vt100 parser.
    struct Screen {
        terminal: Terminal<SteadyColumns<Shared>>,
        bytes: Rc<std::cell::RefCell<Vec<u8>>>,
        parser: vt100::Parser,
    }

    /// A writer whose bytes the test reads.
    struct Shared(Rc<std::cell::RefCell<Vec<u8>>>);

    impl std::io::Write for Shared {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(bytes);
            Ok(bytes.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Screen {
        fn new(width: u16, height: u16) -> Self {
            let bytes = Rc::new(std::cell::RefCell::new(Vec::new()));
            let backend = SteadyColumns::new(CrosstermBackend::new(Shared(Rc::clone(&bytes))));
            let viewport = Viewport::Fixed(Rect::new(0, 0, width, height));
            let terminal =
                Terminal::with_options(backend, TerminalOptions { viewport }).expect("a terminal");
            Screen {
                terminal,
                bytes,
                parser: vt100::Parser::new(
                    std::num::NonZeroU16::new(height).expect("rows"),
                    std::num::NonZeroU16::new(width).expect("columns"),
                    0,
                ),
            }
        }

        /// Draws a frame; the bytes it took.
        fn draw(&mut self, render: impl FnOnce(&mut ratatui::Frame)) -> usize {
            self.terminal.draw(render).expect("drawn");
            let bytes = std::mem::take(&mut *self.bytes.borrow_mut());
            self.parser.process(&bytes);
            bytes.len()
        }

        /// The screen's text, a line a row, each without its trailing
        /// blanks.
        fn text(&self) -> String {
            let contents = self.parser.screen().contents();
            let rows: Vec<&str> = contents.lines().map(str::trim_end).collect();
            rows.join("\n").trim_end().to_string()
        }
    }

    /// The text of a buffer, as vt100 gives a screen's.
    fn buffer_text(buffer: &Buffer) -> String {
        let area = buffer.area;
        let rows: Vec<String> = (0..area.height)
            .map(|y| {
                let mut row = String::new();
                let mut x = 0;
                while x < area.width {
                    let symbol = buffer[(x, y)].symbol();
                    row.push_str(symbol);
                    x += symbol.cell_width().max(1);
                }
                row.trim_end().to_string()
            })
            .collect();
        rows.join("\n").trim_end().to_string()
    }

    #[test]
    fn the_screen_comes_out_as_ratatui_drew_it() {
        let mut screen = Screen::new(20, 3);
        for text in ["a 問題 b", "問題 x", "plain"] {
            screen.draw(|frame| frame.render_widget(Line::from(text), frame.area()));
            let mut expected = Buffer::empty(Rect::new(0, 0, 20, 3));
            expected.set_string(0, 0, text, ratatui::style::Style::default());
            assert_eq!(screen.text(), buffer_text(&expected));
        }
    }

    #[test]
    fn scrolled_frames_come_out_as_ratatui_drew_them_and_cost_less() {
        let document = load_str(builtin::NAME, builtin::TEXT)
            .expect("the built-in readout loads")
            .document;
        for (width, height) in [(100, 20), (200, 30), (80, 12)] {
            let mut app = App::new(document.clone(), Pair { left: 0, right: 1 }, width, height);
            let mut screen = Screen::new(width, height);
            let theme = Theme::colored(Palette::Dark);
            let first = screen.draw(|frame| ui::view(frame, &app, &theme));
            let mut scrolled = Vec::new();
            let steps = [
                Action::FocusNext,
                Action::Down,
                Action::Down,
                Action::Up,
                Action::Scroll {
                    column: width - 5,
                    row: 3,
                    rows: 3,
                },
                Action::Scroll {
                    column: width - 5,
                    row: 3,
                    rows: -3,
                },
                Action::PageDown,
                Action::Digit(4),
                Action::Down,
                Action::Digit(7),
                Action::Bottom,
                Action::Up,
                Action::Top,
                Action::Down,
            ];
            for action in steps {
                let scrolls = matches!(action, Action::Down | Action::Up);
                update(&mut app, action);
                let bytes = screen.draw(|frame| ui::view(frame, &app, &theme));
                if scrolls {
                    scrolled.push(bytes);
                }
                let mut expected = Buffer::empty(Rect::new(0, 0, width, height));
                ui::draw(&app, &theme, expected.area, &mut expected);
                assert_eq!(screen.text(), buffer_text(&expected), "{width}×{height}");
            }
            let most = scrolled.iter().max().copied().unwrap_or(0);
            assert!(
                most * 3 < first,
                "{width}×{height}: a row's scroll took {most} of {first} bytes"
            );
        }
    }

    #[test]
    fn leaving_presentation_leaves_nothing_of_its_wide_graphemes() {
        let document = load_str(
            "scripts.toml",
            include_str!("../../tests/fixtures/wide/scripts.toml"),
        )
        .expect("the fixture loads")
        .document;
        let (width, height) = (100, 30);
        let mut app = App::new(document, Pair { left: 0, right: 1 }, width, height);
        let mut screen = Screen::new(width, height);
        let theme = Theme::colored(Palette::Dark);
        screen.draw(|frame| ui::view(frame, &app, &theme));
        for action in [
            Action::TogglePresentation,
            Action::TogglePresentation,
            Action::Digit(5),
            Action::TogglePresentation,
            Action::TogglePresentation,
        ] {
            let step = format!("{action:?}");
            update(&mut app, action);
            screen.draw(|frame| ui::view(frame, &app, &theme));
            let mut expected = Buffer::empty(Rect::new(0, 0, width, height));
            ui::draw(&app, &theme, expected.area, &mut expected);
            // Cell by cell, by each grapheme's first character: vt100 keeps
            // only a few combining marks and no skin-tone modifiers, and draws
            // the halves of a flag apart.
            for y in 0..height {
                let mut x = 0;
                while x < width {
                    let covers = expected[(x, y)].symbol().cell_width().max(1);
                    let shown = screen
                        .parser
                        .screen()
                        .cell(y, x)
                        .map(|cell| cell.contents());
                    let shown = shown.and_then(|text| text.chars().next()).unwrap_or(' ');
                    let drawn = expected[(x, y)].symbol().chars().next().unwrap_or(' ');
                    assert_eq!(shown, drawn, "({x}, {y}) after {step}");
                    x += covers;
                }
            }
        }
    }

    /// Counts the bytes written through it.
    struct Counted(Rc<Cell<usize>>);

    impl std::io::Write for Counted {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.set(self.0.get() + bytes.len());
            Ok(bytes.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_redraw_that_changes_nothing_writes_almost_nothing() {
        let document = load_str(builtin::NAME, builtin::TEXT)
            .expect("the built-in readout loads")
            .document;
        let app = App::new(document, Pair { left: 0, right: 1 }, 200, 50);
        let count = Rc::new(Cell::new(0));
        let backend = SteadyColumns::new(CrosstermBackend::new(Counted(Rc::clone(&count))));
        let viewport = Viewport::Fixed(Rect::new(0, 0, 200, 50));
        let mut terminal =
            Terminal::with_options(backend, TerminalOptions { viewport }).expect("a terminal");
        let mut written = Vec::new();
        for _ in 0..3 {
            terminal
                .draw(|frame| ui::view(frame, &app, &Theme::colored(Palette::Dark)))
                .expect("drawn");
            written.push(count.get());
        }
        assert!(written[0] > 1000, "the first frame draws everything");
        for pair in written.windows(2) {
            let bytes = pair[1] - pair[0];
            assert!(bytes <= 64, "an unchanged frame wrote {bytes} bytes");
        }
    }
}
