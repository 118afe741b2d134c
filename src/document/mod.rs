//! The readout document: its model, the loader that builds it from a file
//! (format 1), the diagnostics the loader gives, and the built-in readout.
//! Pure code: no terminal, no file system.

pub mod builtin;
pub mod coverage;
pub mod diagnostic;
pub mod edit;
pub mod lexicon;
pub mod load;
pub mod normalize;
pub mod save;

use std::fmt;

/// A validated readout file. Every piece of text in it is normalised
/// (see [`normalize`]): no control characters, paragraphs split by `\n`.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub title: String,
    pub date: Option<Date>,
    pub summary: Option<String>,
    /// Facts about the event, in file order.
    pub meta: Vec<(String, MetaValue)>,
    pub topics: Vec<Topic>,
    pub readouts: Vec<Readout>,
    /// The file's own word lists (`[lexicon]`), in file order.
    pub lexicon: Vec<lexicon::WordList>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topic {
    pub id: String,
    pub label: String,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Readout {
    pub id: String,
    pub label: String,
    pub source: Option<String>,
    pub url: Option<String>,
    /// A TOML date or free text, kept as it is shown.
    pub published: Option<String>,
    pub language: Option<String>,
    pub note: Option<String>,
    /// What this readout states about the event (who asked for the call,
    /// the words it used for the tone), in file order.
    pub facts: Vec<(String, MetaValue)>,
    pub passages: Vec<Passage>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    pub text: String,
    /// Indices into [`Document::topics`], in the order the file gives them.
    pub topics: Vec<usize>,
    /// A verbatim quote of the readout rather than a paraphrase.
    pub quote: bool,
    /// A comment on the passage, e.g. for a class: not part of the readout.
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MetaValue {
    Text(String),
    Integer(i64),
    Date(Date),
    Boolean(bool),
}

/// A calendar date as TOML writes it (`2021-12-30`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Date {
    /// The date written out for people, e.g. "Thursday 30 December 2021".
    pub fn long_form(&self) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let month = MONTHS
            .get(usize::from(self.month).saturating_sub(1))
            .copied()
            .unwrap_or("?");
        format!("{} {} {} {}", self.weekday(), self.day, month, self.year)
    }

    /// Day of the week by Zeller's congruence (Gregorian calendar).
    fn weekday(&self) -> &'static str {
        const DAYS: [&str; 7] = [
            "Saturday",
            "Sunday",
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
        ];
        let (mut year, mut month) = (i64::from(self.year), i64::from(self.month));
        if month < 3 {
            month += 12;
            year -= 1;
        }
        let (century, year_of_century) = (year.div_euclid(100), year.rem_euclid(100));
        let day = i64::from(self.day);
        let h = (day + 13 * (month + 1) / 5 + year_of_century + year_of_century / 4 + century / 4
            - 2 * century)
            .rem_euclid(7);
        DAYS[h as usize]
    }
}

impl fmt::Display for MetaValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MetaValue::Text(text) => f.write_str(text),
            MetaValue::Integer(n) => write!(f, "{n}"),
            MetaValue::Date(date) => write!(f, "{date}"),
            MetaValue::Boolean(true) => f.write_str("yes"),
            MetaValue::Boolean(false) => f.write_str("no"),
        }
    }
}

impl Document {
    /// A document with only a title, topics and readouts; the optional
    /// parts empty.
    pub fn new(title: &str, topics: Vec<Topic>, readouts: Vec<Readout>) -> Document {
        Document {
            title: title.to_string(),
            date: None,
            summary: None,
            meta: Vec::new(),
            topics,
            readouts,
            lexicon: Vec::new(),
        }
    }

    pub fn passage_count(&self) -> usize {
        self.readouts.iter().map(|r| r.passages.len()).sum()
    }

    pub fn topic_index(&self, id: &str) -> Option<usize> {
        self.topics.iter().position(|t| t.id == id)
    }

    pub fn readout_index(&self, id: &str) -> Option<usize> {
        self.readouts.iter().position(|r| r.id == id)
    }

    /// The two readouts to show side by side: the first two, unless ids
    /// pick others. An unknown id is an error naming the valid ones.
    pub fn pair(&self, left: Option<&str>, right: Option<&str>) -> Result<Pair, String> {
        let pick = |id: Option<&str>, default: usize| match id {
            None => Ok(default),
            Some(id) => self.readout_index(id).ok_or_else(|| {
                let ids: Vec<String> = self
                    .readouts
                    .iter()
                    .map(|r| format!("`{}`", r.id))
                    .collect();
                format!(
                    "no readout has the id `{}`; the readouts are {}",
                    normalize::normalize_line(id),
                    ids.join(", ")
                )
            }),
        };
        Ok(Pair {
            left: pick(left, 0)?,
            right: pick(right, 1)?,
        })
    }

    /// The facts of the readouts at `readouts` (indices into
    /// [`Document::readouts`]) side by side: a row per key, keys in the
    /// order they are first met going through the readouts in turn, and a
    /// value per readout. Empty when none of them states a fact.
    pub fn facts_table(&self, readouts: &[usize]) -> Vec<FactRow<'_>> {
        let shown: Vec<&Readout> = readouts
            .iter()
            .filter_map(|&index| self.readouts.get(index))
            .collect();
        let mut keys: Vec<&str> = Vec::new();
        for (key, _) in shown.iter().flat_map(|readout| &readout.facts) {
            if !keys.contains(&key.as_str()) {
                keys.push(key);
            }
        }
        keys.into_iter()
            .map(|key| FactRow {
                key,
                values: shown.iter().map(|readout| readout.fact(key)).collect(),
            })
            .collect()
    }

    /// The index of a topic id, or an error naming the valid ids.
    pub fn find_topic(&self, id: &str) -> Result<usize, String> {
        self.topic_index(id).ok_or_else(|| {
            let ids: Vec<&str> = self.topics.iter().map(|t| t.id.as_str()).collect();
            let help = match diagnostic::closest(id, ids.iter().copied()) {
                Some(meant) => format!("did you mean `{meant}`?"),
                None => format!("the topics are {}", ids.join(", ")),
            };
            format!(
                "no topic has the id `{}`; {help}",
                normalize::normalize_line(id)
            )
        })
    }
}

/// One row of the facts table: a key, and what each readout states for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactRow<'d> {
    pub key: &'d str,
    /// One value per readout asked for, in that order; `None` where the
    /// readout states nothing for the key.
    pub values: Vec<Option<&'d MetaValue>>,
}

/// The two readouts shown side by side, as indices into
/// [`Document::readouts`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    pub left: usize,
    pub right: usize,
}

impl Pair {
    /// The index of the readout on a side.
    pub fn of(self, side: Side) -> usize {
        match side {
            Side::Left => self.left,
            Side::Right => self.right,
        }
    }
}

/// One of the two readouts compared: the one on the left (a pane, a
/// column) or the one on the right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

impl Side {
    pub const BOTH: [Side; 2] = [Side::Left, Side::Right];

    pub fn index(self) -> usize {
        match self {
            Side::Left => 0,
            Side::Right => 1,
        }
    }

    pub fn other(self) -> Side {
        match self {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        }
    }
}

impl Topic {
    pub fn new(id: &str, label: &str) -> Topic {
        Topic {
            id: id.to_string(),
            label: label.to_string(),
            note: None,
        }
    }
}

impl Readout {
    /// A readout with only an id, a label and passages; the optional parts
    /// empty.
    pub fn new(id: &str, label: &str, passages: Vec<Passage>) -> Readout {
        Readout {
            id: id.to_string(),
            label: label.to_string(),
            source: None,
            url: None,
            published: None,
            language: None,
            note: None,
            facts: Vec::new(),
            passages,
        }
    }

    /// What this readout states for a fact's key, if anything.
    pub fn fact(&self, key: &str) -> Option<&MetaValue> {
        self.facts
            .iter()
            .find_map(|(name, value)| (name == key).then_some(value))
    }

    /// Whether any passage of this readout carries the topic.
    pub fn mentions(&self, topic: usize) -> bool {
        self.passages.iter().any(|p| p.topics.contains(&topic))
    }

    pub fn word_count(&self) -> usize {
        self.passages.iter().map(Passage::word_count).sum()
    }

    /// For each of `topic_count` topics, the passages that carry it, in
    /// reading order.
    pub fn passages_by_topic(&self, topic_count: usize) -> Vec<Vec<usize>> {
        let mut by_topic = vec![Vec::new(); topic_count];
        for (index, passage) in self.passages.iter().enumerate() {
            for &topic in &passage.topics {
                if let Some(passages) = by_topic.get_mut(topic) {
                    passages.push(index);
                }
            }
        }
        by_topic
    }

    /// The passages that carry no topic.
    pub fn untagged_passages(&self) -> Vec<usize> {
        (0..self.passages.len())
            .filter(|&i| self.passages[i].topics.is_empty())
            .collect()
    }

    /// The pane title: the label, and the source when there is one.
    pub fn title(&self) -> String {
        match &self.source {
            Some(source) => format!("{} — {}", self.label, source),
            None => self.label.clone(),
        }
    }
}

impl Passage {
    /// A paraphrase (not a quote) carrying `topics`.
    pub fn new(text: &str, topics: Vec<usize>) -> Passage {
        Passage {
            text: text.to_string(),
            topics,
            quote: false,
            note: None,
        }
    }

    pub fn word_count(&self) -> usize {
        self.text.split_whitespace().count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_form_names_the_weekday() {
        let date = Date {
            year: 2021,
            month: 12,
            day: 30,
        };
        assert_eq!(date.long_form(), "Thursday 30 December 2021");
        let leap = Date {
            year: 2024,
            month: 2,
            day: 29,
        };
        assert_eq!(leap.long_form(), "Thursday 29 February 2024");
        let january = Date {
            year: 2000,
            month: 1,
            day: 1,
        };
        assert_eq!(january.long_form(), "Saturday 1 January 2000");
    }

    fn builtin() -> Document {
        load::load_str(builtin::NAME, builtin::TEXT)
            .expect("the built-in readout loads")
            .document
    }

    #[test]
    fn pair_defaults_to_the_first_two_and_names_valid_ids() {
        let document = builtin();
        assert_eq!(document.pair(None, None), Ok(Pair { left: 0, right: 1 }));
        assert_eq!(
            document.pair(Some("white-house"), Some("kremlin")),
            Ok(Pair { left: 1, right: 0 })
        );
        assert_eq!(
            document.pair(Some("tass"), None),
            Err(
                "no readout has the id `tass`; the readouts are `kremlin`, `white-house`"
                    .to_string()
            )
        );
    }

    #[test]
    fn find_topic_suggests_the_closest_id() {
        let document = builtin();
        assert_eq!(document.find_topic("tone"), Ok(0));
        assert_eq!(
            document.find_topic("tones"),
            Err("no topic has the id `tones`; did you mean `tone`?".to_string())
        );
    }

    #[test]
    fn the_facts_table_has_a_row_per_key_in_first_seen_order() {
        let text = |s: &str| MetaValue::Text(s.to_string());
        let mut left = Readout::new("left", "Left", vec![Passage::new("a", vec![0])]);
        left.facts = vec![
            ("tone".to_string(), text("frank")),
            ("requested_by".to_string(), text("us")),
        ];
        let mut right = Readout::new("right", "Right", vec![Passage::new("b", vec![0])]);
        right.facts = vec![
            ("minutes".to_string(), MetaValue::Integer(50)),
            ("tone".to_string(), text("serious")),
            ("initiated".to_string(), MetaValue::Boolean(false)),
        ];
        let silent = Readout::new("third", "Third", vec![Passage::new("c", vec![0])]);
        let document = Document::new("t", vec![Topic::new("x", "X")], vec![left, right, silent]);
        let table = document.facts_table(&[0, 1, 2]);
        let rows: Vec<String> = table
            .iter()
            .map(|row| {
                let values: Vec<String> = row
                    .values
                    .iter()
                    .map(|value| value.map_or("—".to_string(), ToString::to_string))
                    .collect();
                format!("{}: {}", row.key, values.join(" | "))
            })
            .collect();
        assert_eq!(
            rows,
            [
                "tone: frank | serious | —",
                "requested_by: us | — | —",
                "minutes: — | 50 | —",
                "initiated: — | no | —",
            ]
        );
        let swapped = document.facts_table(&[1, 0]);
        assert_eq!(swapped[0].key, "minutes");
        assert_eq!(
            swapped[1].values,
            [Some(&text("serious")), Some(&text("frank"))]
        );
        assert!(document.facts_table(&[2]).is_empty());
        assert!(document.facts_table(&[7]).is_empty(), "no such readout");
    }

    #[test]
    fn dates_display_as_toml_writes_them() {
        let date = Date {
            year: 987,
            month: 3,
            day: 4,
        };
        assert_eq!(date.to_string(), "0987-03-04");
    }
}
