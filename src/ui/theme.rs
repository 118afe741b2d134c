//! Colours and emphasis. With `NO_COLOR` set there is no colour at all, and
//! everything that matters still reads: bold, reverse, underline, italic and
//! symbols carry it.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    color: bool,
}

impl Theme {
    pub fn colored() -> Theme {
        Theme { color: true }
    }

    pub fn monochrome() -> Theme {
        Theme { color: false }
    }

    /// The theme the environment asks for: monochrome when `NO_COLOR` is set
    /// to anything but the empty string (no-color.org).
    /// The monochrome theme when the user asked for no colour.
    pub fn new(no_color: bool) -> Theme {
        if no_color {
            Theme::monochrome()
        } else {
            Theme::colored()
        }
    }

    fn pick(&self, colored: Style, plain: Style) -> Style {
        if self.color { colored } else { plain }
    }

    pub fn border(&self, focused: bool) -> Style {
        match focused {
            true => self.pick(
                Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
                Style::new().add_modifier(Modifier::BOLD),
            ),
            false => self.pick(Style::new().fg(Color::DarkGray), Style::new()),
        }
    }

    pub fn title(&self, focused: bool) -> Style {
        let style = Style::new().add_modifier(Modifier::BOLD);
        match focused {
            true => self.pick(
                style.fg(Color::Cyan),
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
            Style::new().fg(Color::Yellow),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    /// The bar beside a verbatim quote.
    pub fn quote_bar(&self) -> Style {
        self.pick(Style::new().fg(Color::Magenta), Style::new())
    }

    pub fn quote_text(&self) -> Style {
        Style::new().add_modifier(Modifier::ITALIC)
    }

    /// "<label> does not mention <topic>".
    pub fn notice(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Black).bg(Color::Yellow),
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
        self.pick(Style::new().fg(Color::Green), Style::new())
    }

    pub fn dim(&self) -> Style {
        self.pick(Style::new().fg(Color::DarkGray), Style::new())
    }

    pub fn status(&self) -> Style {
        self.pick(
            Style::new().fg(Color::White).bg(Color::DarkGray),
            Style::new().add_modifier(Modifier::REVERSED),
        )
    }

    pub fn status_key(&self) -> Style {
        self.status().add_modifier(Modifier::BOLD)
    }

    /// A search match.
    pub fn search_match(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Black).bg(Color::LightYellow),
            Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
        )
    }

    /// The search match `n` last went to.
    pub fn current_match(&self) -> Style {
        self.pick(
            Style::new()
                .fg(Color::Black)
                .bg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        )
    }

    pub fn strong(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn heading(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_means_no_colour_anywhere() {
        let theme = Theme::new(true);
        for style in [
            theme.border(true),
            theme.topic_bar(),
            theme.notice(),
            theme.status(),
            theme.mentioned(),
            theme.heading(),
            theme.selected_topic(false),
            theme.search_match(),
            theme.current_match(),
        ] {
            assert_eq!((style.fg, style.bg), (None, None), "{style:?}");
        }
        assert_eq!(Theme::new(false), Theme::colored());
    }
}
