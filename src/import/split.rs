//! Cutting a plain text into passages: a passage per paragraph, per line or
//! per sentence, each exactly as the loader reads it back (white space
//! collapsed, control characters made visible).
//!
//! Sentences are found by Unicode's sentence boundaries (UAX #29), which
//! already keep "1.5", "2.3 billion" and "the U.S. and" whole and end a
//! quotation after its closing mark (“…said.” / "…said."). What they
//! cannot know is an abbreviation before a capital or a number: they break
//! "Mr. | Smith", "the U.S. | President" and "Jan. | 9". Those breaks are
//! mended here with a short list of the abbreviations readouts use.

use unicode_segmentation::UnicodeSegmentation;

use crate::document::normalize::{PARAGRAPH_BREAK, normalize_line, normalize_text};

/// How a text is cut into passages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    /// Paragraphs when the text has blank lines, else lines, else
    /// sentences ([`resolve`]).
    Auto,
    /// Blank lines separate passages; lines of a paragraph are joined.
    Paragraph,
    /// Every line that is not blank is a passage.
    Line,
    /// Every sentence is a passage; sentences never cross a blank line.
    Sentence,
}

impl Split {
    /// "paragraph", as the option writes it.
    pub fn name(self) -> &'static str {
        match self {
            Split::Auto => "auto",
            Split::Paragraph => "paragraph",
            Split::Line => "line",
            Split::Sentence => "sentence",
        }
    }
}

/// Abbreviations that come with a name and never end a sentence: "Mr.
/// Smith", "St. Petersburg"; "Jr." and "Sr." follow the name, and end a
/// sentence in a readout less often than the White House's headings run on
/// past them ("Biden, Jr. Call with …").
const WITH_NAMES: &[&str] = &[
    "Adm", "Amb", "Capt", "Col", "Dr", "Gen", "Gov", "Hon", "Jr", "Lt", "Maj", "Messrs", "Mr",
    "Mrs", "Ms", "Mt", "Prof", "Rep", "Rev", "Sen", "Sgt", "Sr", "St",
];

/// Abbreviations that come before a number: "No. 5", "Jan. 9". Before
/// anything else they may end a sentence ("Is it? No.").
const BEFORE_NUMBERS: &[&str] = &[
    "Apr", "Art", "Aug", "Dec", "Feb", "Jan", "Jul", "Jun", "Mar", "No", "Nos", "Nov", "Oct",
    "Sep", "Sept", "Vol",
];

/// What `auto` makes of a text: paragraphs when it has blank lines; else
/// lines, unless they are one paragraph wrapped over lines (more than half
/// of them, the last aside, end in the middle of a sentence); else
/// sentences.
pub fn resolve(text: &str, split: Split) -> Split {
    if split != Split::Auto {
        return split;
    }
    if paragraphs(text).len() >= 2 {
        return Split::Paragraph;
    }
    let lines = lines(text);
    let wrapped = lines[..lines.len().saturating_sub(1)]
        .iter()
        .filter(|line| !ends_a_sentence(line))
        .count();
    if lines.len() >= 2 && 2 * wrapped < lines.len() {
        Split::Line
    } else {
        Split::Sentence
    }
}

/// The passages of `text` cut as `split` says (`auto` resolved first).
pub fn split(text: &str, split: Split) -> Vec<String> {
    match resolve(text, split) {
        Split::Paragraph | Split::Auto => paragraphs(text),
        Split::Line => lines(text),
        Split::Sentence => paragraphs(text)
            .iter()
            .flat_map(|paragraph| sentences(paragraph))
            .collect(),
    }
}

fn paragraphs(text: &str) -> Vec<String> {
    normalize_text(text)
        .split(PARAGRAPH_BREAK)
        .filter(|paragraph| !paragraph.is_empty())
        .map(str::to_string)
        .collect()
}

/// The lines that are not blank, each normalised; line ends as the loader
/// counts them (LF, CRLF and the paragraph separator).
fn lines(text: &str) -> Vec<String> {
    text.split(['\n', '\u{2029}'])
        .map(|line| normalize_line(line.strip_suffix('\r').unwrap_or(line)))
        .filter(|line| !line.is_empty())
        .collect()
}

/// Whether a line ends as a sentence does, rather than in the middle of a
/// wrapped one.
fn ends_a_sentence(line: &str) -> bool {
    let last = line
        .trim_end_matches(['"', '\'', '”', '’', '»', ')'])
        .chars()
        .last();
    matches!(last, Some('.' | '!' | '?' | ':' | ';' | '…'))
}

/// The sentences of one normalised paragraph.
pub(super) fn sentences(paragraph: &str) -> Vec<String> {
    let mut sentences: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut bounds = paragraph.split_sentence_bounds().peekable();
    while let Some(piece) = bounds.next() {
        current.push_str(piece);
        let next = bounds.peek().copied().unwrap_or_default();
        if next.is_empty() || !continues(&current, next) {
            let sentence = current.trim_matches(' ');
            if !sentence.is_empty() {
                sentences.push(sentence.to_string());
            }
            current.clear();
        }
    }
    sentences
}

/// Whether a sentence boundary after `before` is no sentence's end: inside
/// a word ("?é", where no space follows), or after an abbreviation's full
/// stop: a title or an initial ("Mr.", "U.S.", "R."), a word that comes
/// before a number ("No.", "Jan."), or a list number ("1.").
fn continues(before: &str, next: &str) -> bool {
    if !before.ends_with(' ') {
        return true;
    }
    let Some(word) = before.trim_end_matches(' ').strip_suffix('.') else {
        return false;
    };
    let last = word.rsplit(' ').next().unwrap_or(word);
    let last = last.trim_start_matches(|c: char| !c.is_alphanumeric());
    let is_initials = !last.is_empty()
        && last.split('.').all(|part| {
            let mut letters = part.chars();
            letters.next().is_some_and(char::is_uppercase) && letters.next().is_none()
        });
    let before_number = next.starts_with(|c: char| c.is_ascii_digit());
    let is_list_number = word.trim_start().chars().all(|c| c.is_ascii_digit());
    is_initials
        || WITH_NAMES.contains(&last)
        || (before_number && BEFORE_NUMBERS.contains(&last))
        || (is_list_number && !word.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str, how: Split) -> Vec<String> {
        split(text, how)
    }

    #[test]
    fn the_lists_are_sorted() {
        for list in [WITH_NAMES, BEFORE_NUMBERS] {
            assert!(list.windows(2).all(|pair| pair[0] < pair[1]), "{list:?}");
        }
    }

    #[test]
    fn paragraphs_are_separated_by_blank_lines() {
        let text = "First line\r\nsame paragraph.\r\n\r\n \n  Second.\n";
        assert_eq!(
            cut(text, Split::Paragraph),
            ["First line same paragraph.", "Second."]
        );
        assert_eq!(cut(text, Split::Auto), cut(text, Split::Paragraph));
    }

    #[test]
    fn lines_are_passages_and_blank_ones_vanish() {
        let text = "One.\r\nTwo\u{2029}\n  \nThree\tfour.\n";
        assert_eq!(cut(text, Split::Line), ["One.", "Two", "Three four."]);
        assert_eq!(resolve(text, Split::Auto), Split::Paragraph);
        assert_eq!(resolve("One.\nTwo.\nThree.", Split::Auto), Split::Line);
    }

    #[test]
    fn one_paragraph_is_cut_into_sentences() {
        let text = "The presidents spoke. They agreed to meet! Will they? Yes.";
        assert_eq!(resolve(text, Split::Auto), Split::Sentence);
        assert_eq!(
            cut(text, Split::Auto),
            [
                "The presidents spoke.",
                "They agreed to meet!",
                "Will they?",
                "Yes."
            ]
        );
    }

    #[test]
    fn a_paragraph_wrapped_over_lines_is_cut_into_sentences() {
        let text = "The presidents discussed the situation around Ukraine and the\n\
                    security guarantees that Russia asked for in writing. They agreed\n\
                    to continue the dialogue after the New Year.";
        assert_eq!(resolve(text, Split::Auto), Split::Sentence);
        assert_eq!(cut(text, Split::Auto).len(), 2);
        let headed = "Readout of the call\nThe presidents spoke.\nThey agreed.";
        assert_eq!(resolve(headed, Split::Auto), Split::Line);
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_a_sentence() {
        let text = "The U.S. President met Mr. Lavrov and Dr. Ryabkov in St. Petersburg. \
                    President Joseph R. Biden, Jr. spoke with the U.N. Secretary-General. \
                    Talks follow on Jan. 9 in Geneva and on Feb. 10 President Biden said so. \
                    Item No. 5 was raised. Was it? No. It was not. Readout of President Joseph \
                    R. Biden, Jr. Call with President Putin.";
        assert_eq!(
            cut(text, Split::Sentence),
            [
                "The U.S. President met Mr. Lavrov and Dr. Ryabkov in St. Petersburg.",
                "President Joseph R. Biden, Jr. spoke with the U.N. Secretary-General.",
                "Talks follow on Jan. 9 in Geneva and on Feb. 10 President Biden said so.",
                "Item No. 5 was raised.",
                "Was it?",
                "No.",
                "It was not.",
                "Readout of President Joseph R. Biden, Jr. Call with President Putin.",
            ]
        );
    }

    #[test]
    fn quotations_end_after_their_closing_mark() {
        let text = "“We are ready to talk,” he said. “The decision is theirs.” \
                    The Kremlin disagreed. \"No escalation.\" Then \"fine.\" came last. \
                    ‘Quietly.’ Done.";
        assert_eq!(
            cut(text, Split::Sentence),
            [
                "“We are ready to talk,” he said.",
                "“The decision is theirs.”",
                "The Kremlin disagreed.",
                "\"No escalation.\"",
                "Then \"fine.\" came last.",
                "‘Quietly.’",
                "Done."
            ]
        );
    }

    #[test]
    fn numbers_keep_their_points_and_dashes() {
        let text = "Talks are set for 9–10 January. Growth was 1.5 percent, or 2.3 billion \
                    dollars. 1. The first point. 2. The second.";
        assert_eq!(
            cut(text, Split::Sentence),
            [
                "Talks are set for 9–10 January.",
                "Growth was 1.5 percent, or 2.3 billion dollars.",
                "1. The first point.",
                "2. The second."
            ]
        );
    }

    #[test]
    fn sentences_never_cross_a_paragraph() {
        assert_eq!(
            cut("One, Mr.\n\nSmith. Two.", Split::Sentence),
            ["One, Mr.", "Smith.", "Two."]
        );
    }

    #[test]
    fn every_mode_keeps_every_word_and_makes_controls_visible() {
        let text = "a\u{1b}b.  c\u{7}\n\nd";
        for how in [Split::Auto, Split::Paragraph, Split::Line, Split::Sentence] {
            let passages = cut(text, how);
            assert_eq!(passages.join(" "), "a␛b. c␇ d", "{how:?}");
            assert!(passages.iter().all(|p| normalize_text(p) == *p), "{how:?}");
        }
        assert!(cut(" \r\n\t", Split::Auto).is_empty());
    }
}
