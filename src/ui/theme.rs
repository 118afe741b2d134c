//! Colours and emphasis. With `NO_COLOR` set there is no colour at all, and
//! everything that matters still reads: bold, reverse, underline, italic and
//! symbols carry it.
//!
//! Two palettes: the dark one uses the terminal's own ANSI colours (they
//! follow the user's colour scheme); the light one uses colours of the
//! 256-colour cube, whose values are fixed, chosen dark enough to read on
//! white. [`Palette::for_background`] picks the one that reads best on a
//! background the terminal reported.

use ratatui::style::{Color, Modifier, Style};

use crate::app::lenses::MarkStyle;

/// Which set of colours the accents come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Palette {
    /// For a dark background (and when the background is not known).
    Dark,
    /// For a light background.
    Light,
}

impl Palette {
    /// The palette whose weakest accent stands out most against
    /// `background` (red, green, blue).
    pub fn for_background(background: [u8; 3]) -> Palette {
        let weakest = |palette: Palette| {
            Theme::colored(palette)
                .accents()
                .iter()
                .map(|&(_, style)| style_contrast(style, background))
                .fold(f64::INFINITY, f64::min)
        };
        if weakest(Palette::Light) > weakest(Palette::Dark) {
            Palette::Light
        } else {
            Palette::Dark
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    color: bool,
    palette: Palette,
}

/// The accents of one palette.
struct Accents {
    focus: Color,
    topic_bar: Color,
    quote_bar: Color,
    mentioned: Color,
    dim: Color,
    /// The notice band's background (black text on it).
    notice: Color,
    /// The status line: its text and background.
    status: (Color, Color),
    search_match: Color,
    current_match: Color,
}

/// ANSI colours where they read on dark backgrounds; fixed colours of the
/// 256 where the ANSI ones (dark grey, magenta) fall short of 4.5:1.
const DARK: Accents = Accents {
    focus: Color::Cyan,
    topic_bar: Color::Yellow,
    quote_bar: Color::Indexed(213),
    mentioned: Color::Green,
    dim: Color::Indexed(247),
    notice: Color::Yellow,
    status: (Color::White, Color::Indexed(238)),
    search_match: Color::LightYellow,
    current_match: Color::LightRed,
};

/// Each at 4.5:1 or more against white and cream (see the tests).
const LIGHT: Accents = Accents {
    focus: Color::Indexed(25),
    topic_bar: Color::Indexed(94),
    quote_bar: Color::Indexed(90),
    mentioned: Color::Indexed(22),
    dim: Color::Indexed(241),
    notice: Color::Indexed(222),
    status: (Color::Indexed(16), Color::Indexed(252)),
    search_match: Color::Indexed(229),
    current_match: Color::Indexed(217),
};

impl Theme {
    pub fn colored(palette: Palette) -> Theme {
        Theme {
            color: true,
            palette,
        }
    }

    pub fn monochrome() -> Theme {
        Theme {
            color: false,
            palette: Palette::Dark,
        }
    }

    /// The monochrome theme when the user asked for no colour (`NO_COLOR`
    /// wins over any palette), else `palette`.
    pub fn new(no_color: bool, palette: Palette) -> Theme {
        if no_color {
            Theme::monochrome()
        } else {
            Theme::colored(palette)
        }
    }

    fn colors(&self) -> &'static Accents {
        match self.palette {
            Palette::Dark => &DARK,
            Palette::Light => &LIGHT,
        }
    }

    fn pick(&self, colored: Style, plain: Style) -> Style {
        if self.color { colored } else { plain }
    }

    pub fn border(&self, focused: bool) -> Style {
        match focused {
            true => self.pick(
                Style::new()
                    .fg(self.colors().focus)
                    .add_modifier(Modifier::BOLD),
                Style::new().add_modifier(Modifier::BOLD),
            ),
            false => self.pick(Style::new().fg(self.colors().dim), Style::new()),
        }
    }

    pub fn title(&self, focused: bool) -> Style {
        let style = Style::new().add_modifier(Modifier::BOLD);
        match focused {
            true => self.pick(
                style.fg(self.colors().focus),
                style.add_modifier(Modifier::UNDERLINED),
            ),
            false => style,
        }
    }

    pub fn text(&self) -> Style {
        Style::new()
    }

    /// Passages of the current topic.
    pub fn marked_text(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The bar in the margin beside the current topic's passages.
    pub fn topic_bar(&self) -> Style {
        self.pick(
            Style::new().fg(self.colors().topic_bar),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    /// A word a lens marks: underlined when both sides use it, bold when
    /// only this side does, in the list's colour and underlined when it is
    /// on a word list. Each reads without colour.
    pub fn lens_mark(&self, how: MarkStyle) -> Style {
        match how {
            MarkStyle::Shared => Style::new().add_modifier(Modifier::UNDERLINED),
            MarkStyle::Own => Style::new().add_modifier(Modifier::BOLD),
            MarkStyle::Listed => self.pick(
                Style::new()
                    .fg(self.colors().quote_bar)
                    .add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
                Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            ),
        }
    }

    /// The passage cursor, in the margin.
    pub fn cursor(&self) -> Style {
        self.pick(
            Style::new()
                .fg(self.colors().focus)
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    /// The bar beside a verbatim quote.
    pub fn quote_bar(&self) -> Style {
        self.pick(Style::new().fg(self.colors().quote_bar), Style::new())
    }

    pub fn quote_text(&self) -> Style {
        Style::new().add_modifier(Modifier::ITALIC)
    }

    /// "<label> does not mention <topic>".
    pub fn notice(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Black).bg(self.colors().notice),
            Style::new().add_modifier(Modifier::REVERSED),
        )
    }

    pub fn selected_topic(&self, focused: bool) -> Style {
        let style = Style::new().add_modifier(Modifier::REVERSED);
        match focused {
            true => style.add_modifier(Modifier::BOLD),
            false => style,
        }
    }

    pub fn mentioned(&self) -> Style {
        self.pick(Style::new().fg(self.colors().mentioned), Style::new())
    }

    pub fn dim(&self) -> Style {
        self.pick(Style::new().fg(self.colors().dim), Style::new())
    }

    pub fn status(&self) -> Style {
        self.pick(
            Style::new()
                .fg(self.colors().status.0)
                .bg(self.colors().status.1),
            Style::new().add_modifier(Modifier::REVERSED),
        )
    }

    pub fn status_key(&self) -> Style {
        self.status().add_modifier(Modifier::BOLD)
    }

    /// A search match.
    pub fn search_match(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Black).bg(self.colors().search_match),
            Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
        )
    }

    /// The search match `n` last went to.
    pub fn current_match(&self) -> Style {
        self.pick(
            Style::new()
                .fg(Color::Black)
                .bg(self.colors().current_match)
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        )
    }

    pub fn strong(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn heading(&self) -> Style {
        self.pick(
            Style::new()
                .fg(self.colors().focus)
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        )
    }

    /// Every coloured style, named, for checking contrast.
    fn accents(&self) -> [(&'static str, Style); 13] {
        [
            ("listed word", self.lens_mark(MarkStyle::Listed)),
            ("passage cursor", self.cursor()),
            ("focused border", self.border(true)),
            ("unfocused border", self.border(false)),
            ("topic bar", self.topic_bar()),
            ("quote bar", self.quote_bar()),
            ("notice", self.notice()),
            ("mentioned", self.mentioned()),
            ("dim", self.dim()),
            ("status", self.status()),
            ("search match", self.search_match()),
            ("current match", self.current_match()),
            ("heading", self.heading()),
        ]
    }
}

/// The red, green and blue a colour shows as: the 256-colour cube and grey
/// ramp exactly, the sixteen ANSI colours as xterm's defaults.
fn rgb(color: Color) -> Option<[u8; 3]> {
    const ANSI: [[u8; 3]; 16] = [
        [0, 0, 0],
        [205, 0, 0],
        [0, 205, 0],
        [205, 205, 0],
        [0, 0, 238],
        [205, 0, 205],
        [0, 205, 205],
        [229, 229, 229],
        [127, 127, 127],
        [255, 0, 0],
        [0, 255, 0],
        [255, 255, 0],
        [92, 92, 255],
        [255, 0, 255],
        [0, 255, 255],
        [255, 255, 255],
    ];
    let ansi = |index: usize| Some(ANSI[index]);
    match color {
        Color::Black => ansi(0),
        Color::Red => ansi(1),
        Color::Green => ansi(2),
        Color::Yellow => ansi(3),
        Color::Blue => ansi(4),
        Color::Magenta => ansi(5),
        Color::Cyan => ansi(6),
        Color::Gray => ansi(7),
        Color::DarkGray => ansi(8),
        Color::LightRed => ansi(9),
        Color::LightGreen => ansi(10),
        Color::LightYellow => ansi(11),
        Color::LightBlue => ansi(12),
        Color::LightMagenta => ansi(13),
        Color::LightCyan => ansi(14),
        Color::White => ansi(15),
        Color::Rgb(r, g, b) => Some([r, g, b]),
        Color::Indexed(index @ 0..=15) => ansi(usize::from(index)),
        Color::Indexed(index @ 16..=231) => {
            let level = |step: u8| if step == 0 { 0 } else { 55 + 40 * step };
            let cube = index - 16;
            Some([level(cube / 36), level(cube / 6 % 6), level(cube % 6)])
        }
        Color::Indexed(grey) => Some([8 + 10 * (grey - 232); 3]),
        Color::Reset => None,
    }
}

/// WCAG's relative luminance.
fn luminance([r, g, b]: [u8; 3]) -> f64 {
    let linear = |channel: u8| {
        let c = f64::from(channel) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/// WCAG's contrast ratio, from 1 to 21.
pub fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// How a style's text stands out: against its own background when it has
/// one, else against the terminal's.
fn style_contrast(style: Style, background: [u8; 3]) -> f64 {
    let back = style.bg.and_then(rgb).unwrap_or(background);
    match style.fg.and_then(rgb) {
        Some(fore) => contrast(fore, back),
        // Text in the terminal's own colour on a band of colour.
        None if style.bg.is_some() => contrast(back, background).max(1.0),
        None => f64::INFINITY,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_means_no_colour_anywhere() {
        for palette in [Palette::Dark, Palette::Light] {
            let theme = Theme::new(true, palette);
            for (name, style) in theme.accents() {
                assert_eq!((style.fg, style.bg), (None, None), "{name}");
            }
            assert_eq!(Theme::new(false, palette), Theme::colored(palette));
        }
    }

    /// Backgrounds of common colour schemes: xterm, VS Code and One Dark,
    /// Solarized, and plain white and light grey.
    const DARK_BACKGROUNDS: [[u8; 3]; 4] = [[0, 0, 0], [30, 30, 30], [40, 44, 52], [0, 43, 54]];
    const LIGHT_BACKGROUNDS: [[u8; 3]; 4] = [
        [255, 255, 255],
        [245, 245, 245],
        [253, 246, 227],
        [238, 232, 213],
    ];

    #[test]
    fn the_background_picks_the_palette() {
        for background in DARK_BACKGROUNDS {
            assert_eq!(Palette::for_background(background), Palette::Dark);
        }
        for background in LIGHT_BACKGROUNDS {
            assert_eq!(Palette::for_background(background), Palette::Light);
        }
    }

    #[test]
    fn every_accent_of_the_chosen_palette_reads_at_four_and_a_half_to_one() {
        for background in DARK_BACKGROUNDS.into_iter().chain(LIGHT_BACKGROUNDS) {
            let theme = Theme::colored(Palette::for_background(background));
            for (name, style) in theme.accents() {
                let ratio = style_contrast(style, background);
                assert!(ratio >= 4.5, "{name} on {background:?}: {ratio:.2}:1");
            }
        }
    }

    #[test]
    fn the_dark_accents_fail_on_white_as_the_issue_measured() {
        let ratio = style_contrast(Theme::colored(Palette::Dark).topic_bar(), [255; 3]);
        assert!(ratio < 2.5, "{ratio:.2}");
    }

    #[test]
    fn contrast_runs_from_one_to_twenty_one() {
        assert!((contrast([0; 3], [255; 3]) - 21.0).abs() < 1e-9);
        assert!((contrast([90; 3], [90; 3]) - 1.0).abs() < 1e-9);
        assert_eq!(rgb(Color::Indexed(196)), Some([255, 0, 0]));
        assert_eq!(rgb(Color::Indexed(244)), Some([128, 128, 128]));
    }
}
