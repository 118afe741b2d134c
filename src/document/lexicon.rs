//! The word lists a readout file adds in `[lexicon]`: each list is a lens
//! that marks its words and phrases in the text. The list named `tone`
//! extends the built-in tone words; any other name is a lens of its own.

/// The list that adds to the built-in tone words.
pub const TONE: &str = "tone";

/// A named list of words and phrases, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordList {
    pub name: String,
    /// Each a word or phrase as the file writes it (normalised to one line).
    pub entries: Vec<String>,
}

/// What an entry or a run of words is matched by: its letters and digits,
/// lowercase, with everything between them left out, so that
/// "business-like", "businesslike" and "Business like" are one entry.
pub fn match_key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphens_spaces_and_case_make_no_difference() {
        for variant in [
            "business-like",
            "businesslike",
            "Business like",
            "BUSINESS–LIKE",
        ] {
            assert_eq!(match_key(variant), "businesslike", "{variant}");
        }
        assert_eq!(match_key("in-depth"), match_key("indepth"));
        assert_ne!(
            match_key("candor"),
            match_key("candour"),
            "spellings are entries of their own"
        );
        assert_eq!(match_key("Переговоры"), "переговоры");
        assert_eq!(match_key(" — "), "");
    }
}
