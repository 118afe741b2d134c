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

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell, CellWidth};
use ratatui::layout::{Position, Rect, Size};
use unicode_width::UnicodeWidthChar;

pub struct SteadyColumns<B: Backend> {
    inner: B,
    /// What ratatui believes is on the screen: every cell sent so far.
    sent: Buffer,
}

impl<B: Backend> SteadyColumns<B> {
    /// Wraps a backend whose screen is blank (or is cleared before the
    /// first draw).
    pub fn new(inner: B) -> Self {
        SteadyColumns {
            inner,
            // Grows with the first cells drawn.
            sent: Buffer::empty(Rect::ZERO),
        }
    }

    #[cfg(test)]
    fn inner(&self) -> &B {
        &self.inner
    }

    fn remember(&mut self, x: u16, y: u16, cell: &Cell) {
        let position = Position::new(x, y);
        if !self.sent.area.contains(position) {
            let area = self.sent.area.union(Rect::new(x, y, 1, 1));
            self.sent
                .resize(Rect::new(0, 0, area.right(), area.bottom()));
        }
        self.sent[position] = cell.clone();
    }

    /// Sends `cells` (positions in `sent`), starting a fresh run at each
    /// uneven grapheme: blanks over the columns ratatui gives it (for a
    /// terminal that draws it narrower), the grapheme, then a cursor move.
    fn send(&mut self, cells: &[Position]) -> Result<(), B::Error> {
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

impl<B: Backend> Backend for SteadyColumns<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut changed = Vec::new();
        let mut uneven_rows: Vec<u16> = Vec::new();
        for (x, y, cell) in content {
            self.remember(x, y, cell);
            changed.push(Position::new(x, y));
            if is_uneven(cell.symbol()) && !uneven_rows.contains(&y) {
                uneven_rows.push(y);
            }
        }
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
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)?;
        // ratatui forgets its own copy of the screen only on a full clear,
        // the only one a full-screen viewer makes.
        if clear_type == ClearType::All {
            self.sent = blank(self.inner.size()?);
        }
        Ok(())
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::backend::{CrosstermBackend, TestBackend};
    use ratatui::text::Line;
    use ratatui::{TerminalOptions, Viewport};
    use std::cell::Cell;
    use std::rc::Rc;

    use crate::app::App;
    use crate::document::load::load_str;
    use crate::document::{Pair, builtin};
    use crate::ui::{self, theme::Theme};

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

    #[test]
    fn the_screen_comes_out_the_same_as_without_it() {
        let mut terminal =
            Terminal::new(SteadyColumns::new(TestBackend::new(20, 3))).expect("a terminal");
        for text in ["a 👩\u{200d}🔬 b ❤\u{fe0f} c", "問題 👍🏽 x", "plain"] {
            terminal
                .draw(|frame| frame.render_widget(Line::from(text), frame.area()))
                .expect("drawn");
            let mut expected = Buffer::empty(Rect::new(0, 0, 20, 3));
            expected.set_string(0, 0, text, ratatui::style::Style::default());
            terminal.backend().inner().assert_buffer(&expected);
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
                .draw(|frame| ui::view(frame, &app, &Theme::colored()))
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
