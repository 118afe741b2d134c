//! The first lines of a pasted readout that are not its text: a heading in
//! a government's style ("Readout of President Joseph R. Biden, Jr. Call
//! with …", "Telephone conversation with US President Joseph Biden"),
//! which says whose readout it is, and the date line under it ("July 9,
//! 2021", with the time on a line of its own after it, as kremlin.ru has).
//! The styles are data: `headings.toml`.

use std::sync::LazyLock;

use toml::value::Datetime;

use super::split::sentences;
use crate::document::Date;
use crate::document::normalize::normalize_line;

/// A heading found on a text's first line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// The line, normalised.
    pub line: String,
    /// The label its style gives the readout ("Kremlin").
    pub label: String,
    /// Who heads readouts so ("the Kremlin"), for the review comments.
    pub who: String,
    /// Whether it stood on a line of its own and was taken off the text;
    /// else it begins the text's first sentence (a text published, or
    /// pasted, as one paragraph) and stays there.
    pub taken_off: bool,
}

/// The lines before a text's body, and where the body starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Front {
    pub heading: Option<Heading>,
    /// The date line (and a time line after it), normalised, and its date.
    pub date: Option<(Vec<String>, Date)>,
    /// The byte offset in the text where the body starts.
    pub body: usize,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Styles {
    headings: Vec<Style>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Style {
    starts: String,
    label: String,
    who: String,
}

static STYLES: LazyLock<Vec<Style>> = LazyLock::new(|| {
    toml::from_str::<Styles>(include_str!("headings.toml"))
        .expect("headings.toml is valid: a unit test reads it")
        .headings
});

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The heading and date lines at the start of `text`. Each is taken off
/// only when it stands on a line of its own and words follow it, so a text
/// published as one paragraph keeps its first sentence whole (a heading
/// that begins it still says whose readout it is).
pub fn front(text: &str) -> Front {
    let mut lines = Lines { text, at: 0 };
    let mut front = Front {
        heading: None,
        date: None,
        body: 0,
    };
    if let Some((line, end)) = lines.next_words()
        && let Some(mut heading) = heading(&line)
    {
        heading.taken_off = !line.ends_with('.') && has_words(&text[end..]);
        if heading.taken_off {
            front.body = end;
        }
        front.heading = Some(heading);
    }
    if let Some(heading) = front.heading.as_mut().filter(|h| !h.taken_off) {
        if let Some((line, date, body)) = date_within_heading(text) {
            heading.line = line;
            heading.taken_off = true;
            front.date = Some((vec![date.0], date.1));
            front.body = body;
        }
        return front;
    }
    lines.at = front.body;
    if let Some((line, end)) = lines.next_words()
        && let Some(date) = date(&line)
        && has_words(&text[end..])
    {
        let mut date_lines = vec![line];
        let mut body = end;
        if let Some((time, after)) = lines.next_words()
            && is_time(&time)
            && has_words(&text[after..])
        {
            date_lines.push(time);
            body = after;
        }
        front.date = Some((date_lines, date));
        front.body = body;
    }
    front
}

/// How many words a heading has at most before its date, when the two are
/// run into the text of one paragraph.
const HEADING_WORDS: usize = 16;

/// A heading run into the text with its date, as a page copied without its
/// line breaks has it ("Telephone conversation with US President Joseph
/// Biden July 9, 2021 Vladimir Putin had …"): the heading, the date (as
/// written, and read), and where the body starts. `None` unless a date
/// comes within the first [`HEADING_WORDS`] words, after a heading that is
/// no sentence, and words follow it.
fn date_within_heading(text: &str) -> Option<(String, (String, Date), usize)> {
    let words = spaced_words(text, HEADING_WORDS + 3);
    for start in 1..words.len().min(HEADING_WORDS + 1) {
        for length in [3, 1] {
            let Some(window) = words.get(start..start + length) else {
                continue;
            };
            let end = window[length - 1].0 + window[length - 1].1.len();
            let written = normalize_line(&text[window[0].0..end]);
            let heading = normalize_line(&text[..window[0].0]);
            // The heading is no sentence, nor holds the end of one.
            let one_piece = sentences(&heading).len() == 1 && !heading.ends_with('.');
            if let Some(date) = date(&written)
                && one_piece
                && has_words(&text[end..])
            {
                return Some((heading, (written, date), end));
            }
        }
    }
    None
}

/// The first `count` runs of characters between white space, with their
/// byte offsets.
fn spaced_words(text: &str, count: usize) -> Vec<(usize, &str)> {
    let mut words = Vec::new();
    let mut start = None;
    for (at, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (start, c.is_whitespace()) {
            (None, false) => start = Some(at),
            (Some(from), true) => {
                words.push((from, &text[from..at]));
                start = None;
                if words.len() == count {
                    break;
                }
            }
            _ => {}
        }
    }
    words
}

/// The heading style of a line, if it starts as a style says.
fn heading(line: &str) -> Option<Heading> {
    let lowercase = line.to_lowercase();
    STYLES
        .iter()
        .find(|style| lowercase.starts_with(&style.starts.to_lowercase()))
        .map(|style| Heading {
            line: line.to_string(),
            label: style.label.clone(),
            who: style.who.clone(),
            taken_off: false,
        })
}

/// A line that is only a date: "July 9, 2021", "JULY 09, 2021",
/// "Jan. 9, 2021", "9 July 2021" or "2021-07-09".
fn date(line: &str) -> Option<Date> {
    let words: Vec<&str> = line
        .split([' ', ','])
        .filter(|word| !word.is_empty())
        .collect();
    let (year, month, day) = match words[..] {
        [iso] => {
            let mut parts = iso.split('-');
            let year = parts.next()?;
            let month = parts.next()?;
            let day = parts.next()?;
            (year, month.parse().ok()?, day)
        }
        [month, day, year] if month_number(month).is_some() => (year, month_number(month)?, day),
        [day, month, year] => (year, month_number(month)?, day),
        _ => return None,
    };
    let all_digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !(year.len() == 4 && all_digits(year) && (1..=2).contains(&day.len()) && all_digits(day)) {
        return None;
    }
    let day: u8 = day.parse().ok()?;
    // The TOML date parser knows the length of every month.
    let parsed: Datetime = format!("{year}-{month:02}-{day:02}").parse().ok()?;
    let date = parsed.date?;
    Some(Date {
        year: date.year,
        month: date.month,
        day: date.day,
    })
}

/// 1 for "January", "Jan", "Jan." or "JANUARY".
fn month_number(word: &str) -> Option<u8> {
    let word = word.strip_suffix('.').unwrap_or(word).to_lowercase();
    if word.chars().count() < 3 {
        return None;
    }
    let at = MONTHS.iter().position(|month| month.starts_with(&word))?;
    u8::try_from(at + 1).ok()
}

/// "18:45".
fn is_time(line: &str) -> bool {
    match line.split_once(':') {
        Some((hours, minutes)) => {
            (1..=2).contains(&hours.len())
                && minutes.len() == 2
                && hours
                    .chars()
                    .chain(minutes.chars())
                    .all(|c| c.is_ascii_digit())
        }
        None => false,
    }
}

fn has_words(text: &str) -> bool {
    !normalize_line(text).is_empty()
}

/// The lines of a text from a byte offset on, as the loader counts line
/// ends (LF, CRLF, the paragraph separator).
struct Lines<'t> {
    text: &'t str,
    at: usize,
}

impl Lines<'_> {
    /// The next line with words, normalised, and the offset after it.
    fn next_words(&mut self) -> Option<(String, usize)> {
        while self.at < self.text.len() {
            let rest = &self.text[self.at..];
            let (line, length) = match rest.find(['\n', '\u{2029}']) {
                Some(end) => {
                    let separator = rest[end..].chars().next().map_or(1, char::len_utf8);
                    (&rest[..end], end + separator)
                }
                None => (rest, rest.len()),
            };
            self.at += length;
            let line = normalize_line(line.strip_suffix('\r').unwrap_or(line));
            if !line.is_empty() {
                return Some((line, self.at));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date_of(line: &str) -> Option<String> {
        date(line).map(|d| d.to_string())
    }

    #[test]
    fn the_styles_are_read() {
        assert!(STYLES.len() >= 2);
        assert!(STYLES.iter().all(|s| !s.starts.trim().is_empty()));
    }

    #[test]
    fn a_kremlin_heading_and_its_date_lines_are_taken_off() {
        let text = "Telephone conversation with US President Donald Trump\r\n\r\n\
                    June 1, 2020\n18:45\n\nVladimir Putin had a telephone conversation.";
        let found = front(text);
        let heading = found.heading.expect("a heading");
        assert_eq!(heading.label, "Kremlin");
        assert!(heading.taken_off);
        assert_eq!(
            heading.line,
            "Telephone conversation with US President Donald Trump"
        );
        let (lines, date) = found.date.expect("a date");
        assert_eq!(lines, ["June 1, 2020", "18:45"]);
        assert_eq!(date.to_string(), "2020-06-01");
        assert_eq!(
            &text[found.body..],
            "\nVladimir Putin had a telephone conversation."
        );
    }

    #[test]
    fn a_white_house_heading_is_taken_off() {
        let text = "READOUT OF PRESIDENT JOSEPH R. BIDEN, JR. CALL WITH PRESIDENT XI\nThe two \
                    leaders spoke.";
        let found = front(text);
        assert_eq!(found.heading.map(|h| h.label), Some("White House".into()));
        assert_eq!(&text[found.body..], "The two leaders spoke.");
        assert_eq!(found.date, None);
    }

    #[test]
    fn a_heading_run_into_the_text_with_its_date_is_taken_off() {
        let text = "Telephone conversation with US President Joseph Biden July 9, 2021 Vladimir \
                    Putin had a telephone conversation with President of the United States.";
        let found = front(text);
        let heading = found.heading.expect("a heading");
        assert!(heading.taken_off);
        assert_eq!(
            heading.line,
            "Telephone conversation with US President Joseph Biden"
        );
        let (lines, date) = found.date.expect("a date");
        assert_eq!(
            (lines, date.to_string()),
            (vec!["July 9, 2021".to_string()], "2021-07-09".to_string())
        );
        assert!(text[found.body..].starts_with(" Vladimir Putin had"));
    }

    #[test]
    fn nothing_is_taken_off_that_is_the_text_itself() {
        for text in [
            "Telephone conversation with US President Joseph Biden. On July 9, 2021 Vladimir \
             Putin had a telephone conversation with President of the United States.",
            "Telephone conversation with US President Joseph Biden Vladimir Putin had a \
             telephone conversation with the President of the United States on July 9, 2021.",
            "Telephone conversation with US President Joseph Biden\n\n  \n",
            "Readout of President Biden's call with President Xi was short.\nJuly 9, 2021\nMore.",
        ] {
            let found = front(text);
            let heading = found.heading.expect("a heading style");
            assert!(!heading.taken_off, "{text}");
            assert_eq!((found.body, found.date), (0, None), "{text}");
        }
        for text in ["The presidents spoke.\nJuly 9, 2021\nMore.", "July 9, 2021"] {
            assert_eq!(front(text).body, 0, "{text}");
        }
        assert_eq!(front("July 9, 2021\nThe presidents spoke.").body, 13);
    }

    #[test]
    fn dates_are_read_in_the_forms_readouts_use() {
        assert_eq!(date_of("July 9, 2021"), Some("2021-07-09".into()));
        assert_eq!(date_of("JULY 09, 2021"), Some("2021-07-09".into()));
        assert_eq!(date_of("Jan. 9, 2021"), Some("2021-01-09".into()));
        assert_eq!(date_of("30 December 2021"), Some("2021-12-30".into()));
        assert_eq!(date_of("2021-12-30"), Some("2021-12-30".into()));
        assert_eq!(date_of("February 29, 2024"), Some("2024-02-29".into()));
        for not_a_date in [
            "February 30, 2021",
            "Ju 9, 2021",
            "July 9",
            "July 9, 21",
            "9 9 2021",
            "On July 9, 2021",
            "2021-13-01",
            "",
        ] {
            assert_eq!(date_of(not_a_date), None, "{not_a_date}");
        }
        assert!(is_time("18:45") && is_time("9:05"));
        assert!(!is_time("18:4") && !is_time("ab:cd") && !is_time("1845"));
    }
}
