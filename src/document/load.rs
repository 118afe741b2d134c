//! The loader: bytes of a readout file (format 1) to a validated
//! [`Document`], or diagnostics that say exactly what is wrong and where.
//!
//! The TOML is parsed into a tree that keeps the span of every key and value
//! (`toml::de::DeTable`), then walked here by hand, so that every rule can
//! point at the place it is about and suggest the name that was meant.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};
use toml::value::Datetime;

use super::diagnostic::{Diagnostic, SourceMap, closest, tidy_foreign_message};
use super::lexicon::{self, WordList, match_key};
use super::normalize::{normalize_line, normalize_text};
use super::{Date, Document, MetaValue, Passage, Readout, Topic};

/// The only format this version reads.
pub const FORMAT: i64 = 1;

const TOP_KEYS: &[&str] = &[
    "format", "title", "date", "summary", "meta", "lexicon", "topics", "readouts",
];
const TOPIC_KEYS: &[&str] = &["id", "label", "note"];
const READOUT_KEYS: &[&str] = &[
    "id",
    "label",
    "source",
    "url",
    "published",
    "language",
    "note",
    "facts",
    "passages",
];
const PASSAGE_KEYS: &[&str] = &["text", "topics", "quote", "note"];

/// A document that loaded, with the warnings that did not stop it.
#[derive(Debug)]
pub struct Loaded {
    pub document: Document,
    pub warnings: Vec<Diagnostic>,
}

/// Loads a readout file. `origin` names it in diagnostics (a path, or
/// `<stdin>`).
pub fn load(origin: &str, bytes: &[u8]) -> Result<Loaded, Vec<Diagnostic>> {
    let text = decode(origin, bytes).map_err(|d| vec![d])?;
    load_str(origin, text)
}

/// Loads a readout file that is already text.
pub fn load_str(origin: &str, text: &str) -> Result<Loaded, Vec<Diagnostic>> {
    if text.trim().is_empty() {
        return Err(vec![
            Diagnostic::error(origin, "the file is empty").with_help(
                "a readout file needs a `title`, at least one [[topics]] and two [[readouts]]",
            ),
        ]);
    }
    let map = SourceMap::new(origin, text);
    let root = DeTable::parse(text).map_err(|error| vec![syntax_error(&map, text, &error)])?;
    let mut checker = Checker {
        map,
        errors: Vec::new(),
        warnings: Vec::new(),
        topic_ids: HashMap::new(),
    };
    let document = checker.document(root.get_ref());
    match document {
        Some(document) if checker.errors.is_empty() => Ok(Loaded {
            document,
            warnings: checker.warnings,
        }),
        _ => Err(checker.errors),
    }
}

/// A TOML syntax error, located; a duplicate key and too deep a nesting in
/// words of their own.
pub fn syntax_error(map: &SourceMap<'_>, text: &str, error: &toml::de::Error) -> Diagnostic {
    let span = error.span().unwrap_or(0..0);
    let found = text.get(span.clone()).unwrap_or_default();
    if error.message() == "duplicate key" && found.len() <= 80 {
        return map
            .error(format!("duplicate key `{}`", normalize_line(found)), span)
            .with_help("a key may appear only once in a table");
    }
    if error.message().contains("recurs") {
        return map
            .error("invalid TOML: values are nested too deeply", span)
            .with_help(
                "a readout file never needs arrays or tables nested more than a few levels",
            );
    }
    let message = format!("invalid TOML: {}", tidy_foreign_message(error.message()));
    map.error(message, span)
}

/// Checks that the bytes are text, naming the place where they are not.
fn decode<'b>(origin: &str, bytes: &'b [u8]) -> Result<&'b str, Diagnostic> {
    if is_utf16(bytes) {
        return Err(
            Diagnostic::error(origin, "this is UTF-16 text; readouts reads UTF-8").with_help(
                "save it as UTF-8 (`iconv -f UTF-16 -t UTF-8`, or your editor's encoding menu)",
            ),
        );
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        let (line, column) = line_and_column(bytes, nul);
        return Err(Diagnostic::error(
            origin,
            format!(
                "this is a binary file, not a readout: it holds a NUL byte at line {line}, column {column}"
            ),
        )
        .with_help("a readout file is UTF-8 text in TOML; see docs/format.md"));
    }
    decode_utf8(origin, bytes)
}

/// Whether the bytes look like UTF-16: its byte order mark, or ASCII with
/// a NUL after (or before) every character.
fn is_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        return true;
    }
    let pairs: Vec<&[u8]> = bytes.chunks_exact(2).take(64).collect();
    pairs.len() >= 4
        && (pairs.iter().all(|pair| pair[1] == 0 && pair[0] != 0)
            || pairs.iter().all(|pair| pair[0] == 0 && pair[1] != 0))
}

/// The bytes as UTF-8 text, or an error located at the first byte that is
/// not UTF-8.
pub fn decode_utf8<'b>(origin: &str, bytes: &'b [u8]) -> Result<&'b str, Diagnostic> {
    std::str::from_utf8(bytes).map_err(|error| {
        // Up to the bad byte the lossy text has the same bytes as the file.
        let lossy = String::from_utf8_lossy(bytes);
        let at = error.valid_up_to();
        SourceMap::new(origin, &lossy)
            .error("the file is not valid UTF-8", at..at + 1)
            .with_help("save the file as UTF-8 text")
    })
}

/// The 1-based line and column (in characters) of a byte offset.
fn line_and_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = String::from_utf8_lossy(&bytes[..offset]);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

type Value<'i> = Spanned<DeValue<'i>>;

struct Checker<'a> {
    map: SourceMap<'a>,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
    /// The index of each topic checked so far, by id: passages look their
    /// topics up here, once per tag, in files of thousands of passages.
    topic_ids: HashMap<String, usize>,
}

impl Checker<'_> {
    fn error(&mut self, message: impl Into<String>, span: Range<usize>) {
        let diagnostic = self.map.error(message, span);
        self.errors.push(diagnostic);
    }

    fn error_with_help(&mut self, message: impl Into<String>, span: Range<usize>, help: String) {
        let diagnostic = self.map.error(message, span).with_help(help);
        self.errors.push(diagnostic);
    }

    /// Reports a missing key, at `place` when it has one; unless a key of the
    /// table is a misspelling of it, which is reported already.
    fn missing(
        &mut self,
        table: &DeTable<'_>,
        allowed: &[&str],
        key: &str,
        message: impl Into<String>,
        place: Option<Range<usize>>,
        help: impl Into<String>,
    ) {
        let misspelt = table.keys().any(|k| {
            let name: &str = k.get_ref();
            !allowed.contains(&name) && closest(name, allowed.iter().copied()) == Some(key)
        });
        if misspelt {
            return;
        }
        let diagnostic = match place {
            Some(span) => self.map.error(message, span),
            None => Diagnostic::error(self.map.origin(), message),
        };
        self.errors.push(diagnostic.with_help(help));
    }

    fn document(&mut self, root: &DeTable<'_>) -> Option<Document> {
        self.reject_unknown_keys(root, TOP_KEYS, "at the top level");
        if let Some(format) = root.get("format") {
            self.format(format);
        }
        let title = self.required_line(root, TOP_KEYS, "title", None, "the file has no `title`");
        let date = root.get("date").and_then(|v| self.date(v, "date"));
        let summary = self.optional_text(root, "summary");
        let meta = root.get("meta").map(|v| self.meta(v)).unwrap_or_default();
        let word_lists = root.get("lexicon").map(|v| self.lexicon(v));
        let topics = self.topics(root);
        let readouts = self.readouts(root, &topics);
        if let (Some(title), Some(topics), Some(readouts)) = (title, topics, readouts) {
            self.warn_unused_topics(&topics, &readouts);
            self.warn_misspelt_fact_keys(&readouts);
            let topics: Vec<Topic> = topics.into_iter().map(|t| t.topic).collect();
            Some(Document {
                title,
                date,
                summary,
                meta,
                topics,
                readouts: readouts.into_iter().map(|r| r.readout).collect(),
                lexicon: word_lists.unwrap_or_default(),
            })
        } else {
            None
        }
    }

    fn format(&mut self, value: &Value<'_>) {
        match value.get_ref() {
            DeValue::Integer(n) if parse_integer(n.as_str(), n.radix()) == Some(FORMAT) => {}
            DeValue::Integer(n) => self.error_with_help(
                format!("format {n} is not supported"),
                value.span(),
                format!("this version of readouts reads format {FORMAT}; write `format = {FORMAT}` or leave the key out"),
            ),
            other => self.error_with_help(
                format!("`format` must be an integer, found {}", describe(other)),
                value.span(),
                format!("write `format = {FORMAT}`"),
            ),
        }
    }

    /// Reports every key of `table` that is not in `allowed`, suggesting the
    /// closest allowed key.
    fn reject_unknown_keys(&mut self, table: &DeTable<'_>, allowed: &[&str], place: &str) {
        let unknown = unknown_keys(&self.map, table, allowed, place);
        self.errors.extend(unknown);
    }

    /// A required one-line string: normalised, and not empty.
    fn required_line(
        &mut self,
        table: &DeTable<'_>,
        allowed: &[&str],
        key: &str,
        place: Option<Range<usize>>,
        message: &str,
    ) -> Option<String> {
        let Some(value) = table.get(key) else {
            self.missing(
                table,
                allowed,
                key,
                message,
                place,
                format!("add `{key} = \"…\"`"),
            );
            return None;
        };
        let line = normalize_line(self.string(value, key)?);
        if line.is_empty() {
            self.error(format!("`{key}` is empty"), value.span());
            return None;
        }
        Some(line)
    }

    fn optional_line(&mut self, table: &DeTable<'_>, key: &str) -> Option<String> {
        let value = table.get(key)?;
        Some(normalize_line(self.string(value, key)?)).filter(|l| !l.is_empty())
    }

    fn optional_text(&mut self, table: &DeTable<'_>, key: &str) -> Option<String> {
        let value = table.get(key)?;
        Some(normalize_text(self.string(value, key)?)).filter(|t| !t.is_empty())
    }

    fn string<'v>(&mut self, value: &'v Value<'_>, key: &str) -> Option<&'v str> {
        match value.get_ref() {
            DeValue::String(text) => Some(text),
            // `key` is a key's name, or a place such as "each entry of `topics`".
            other if key.contains(' ') => {
                let message = format!("{key} must be a string, found {}", describe(other));
                self.error(message, value.span());
                None
            }
            other => {
                let message = format!("`{key}` must be a string, found {}", describe(other));
                let help = format!("write it in quotes: {key} = \"…\"");
                self.error_with_help(message, value.span(), help);
                None
            }
        }
    }

    fn table<'v, 'i>(&mut self, value: &'v Value<'i>, what: &str) -> Option<&'v DeTable<'i>> {
        match value.get_ref() {
            DeValue::Table(table) => Some(table),
            other => {
                let message = format!("{what} must be a table, found {}", describe(other));
                self.error(message, value.span());
                None
            }
        }
    }

    fn array_of_tables<'v, 'i>(
        &mut self,
        value: &'v Value<'i>,
        key: &str,
    ) -> Option<&'v DeArray<'i>> {
        match value.get_ref() {
            DeValue::Array(array) => Some(array),
            other => {
                self.error_with_help(
                    format!(
                        "`{key}` must be an array of tables, found {}",
                        describe(other)
                    ),
                    value.span(),
                    format!("declare each entry under its own `[[{key}]]` header"),
                );
                None
            }
        }
    }

    /// Checks every entry of an array, going on after one fails so that
    /// every error is reported; all of them, or none if any failed. `check`
    /// sees the entries checked before it.
    fn each_entry<T>(
        &mut self,
        entries: &DeArray<'_>,
        mut check: impl FnMut(&mut Self, &Value<'_>, &[T]) -> Option<T>,
    ) -> Option<Vec<T>> {
        let mut checked = Vec::with_capacity(entries.len());
        let mut complete = true;
        for entry in entries.iter() {
            match check(self, entry, &checked) {
                Some(value) => checked.push(value),
                None => complete = false,
            }
        }
        complete.then_some(checked)
    }

    fn date(&mut self, value: &Value<'_>, key: &str) -> Option<Date> {
        match value.get_ref() {
            DeValue::Datetime(datetime) => match plain_date(datetime) {
                Some(date) => Some(date),
                None => {
                    self.error_with_help(
                        format!("`{key}` must be a date, found a date-time or time"),
                        value.span(),
                        "write the day alone, e.g. 2021-12-30".to_string(),
                    );
                    None
                }
            },
            other => {
                self.error_with_help(
                    format!("`{key}` must be a date, found {}", describe(other)),
                    value.span(),
                    "write a TOML date without quotes, e.g. 2021-12-30".to_string(),
                );
                None
            }
        }
    }

    fn meta(&mut self, value: &Value<'_>) -> Vec<(String, MetaValue)> {
        self.facts(value, "[meta]", "meta value")
            .into_iter()
            .map(|(fact, _)| fact)
            .collect()
    }

    /// A table of facts, as `[meta]` and `[readouts.facts]` hold them: any
    /// keys, each value a string, an integer, a date or a boolean. Each
    /// fact comes with the span of its key.
    fn facts(
        &mut self,
        value: &Value<'_>,
        header: &str,
        what: &str,
    ) -> Vec<((String, MetaValue), Range<usize>)> {
        let DeValue::Table(table) = value.get_ref() else {
            let key = header
                .trim_matches(['[', ']'])
                .rsplit('.')
                .next()
                .unwrap_or(header);
            self.error_with_help(
                format!(
                    "`{key}` must be a table, found {}",
                    describe(value.get_ref())
                ),
                value.span(),
                format!("write the facts under a `{header}` header, one `key = value` a line"),
            );
            return Vec::new();
        };
        let mut facts = Vec::new();
        for (key, value) in table.iter() {
            let name = normalize_line(key.get_ref());
            if name.is_empty() {
                self.error_with_help(
                    format!("a {what} has no name"),
                    key.span(),
                    "name it in the key, e.g. requested_by = \"…\"".to_string(),
                );
                continue;
            }
            let fact = match value.get_ref() {
                DeValue::String(text) => Some(MetaValue::Text(normalize_line(text))),
                DeValue::Integer(n) => match parse_integer(n.as_str(), n.radix()) {
                    Some(n) => Some(MetaValue::Integer(n)),
                    None => {
                        self.error("this integer is too large", value.span());
                        None
                    }
                },
                DeValue::Datetime(datetime) => match plain_date(datetime) {
                    Some(date) => Some(MetaValue::Date(date)),
                    None => Some(MetaValue::Text(datetime.to_string())),
                },
                DeValue::Boolean(flag) => Some(MetaValue::Boolean(*flag)),
                other => {
                    let help = match other {
                        DeValue::Array(_) => {
                            format!("write the items in one string: {name} = \"…, …\"")
                        }
                        _ => "quote it to keep it as text".to_string(),
                    };
                    self.error_with_help(
                        format!(
                            "{what} `{name}` must be a string, an integer, a date or a boolean, found {}",
                            describe(other)
                        ),
                        value.span(),
                        help,
                    );
                    None
                }
            };
            if let Some(fact) = fact {
                facts.push(((name, fact), key.span()));
            }
        }
        facts
    }

    /// The file's word lists: a table of named arrays of words and
    /// phrases. A list with an error is left out, the others kept; the
    /// errors stop the file from loading all the same.
    fn lexicon(&mut self, value: &Value<'_>) -> Vec<WordList> {
        let DeValue::Table(table) = value.get_ref() else {
            self.error_with_help(
                format!(
                    "`lexicon` must be a table, found {}",
                    describe(value.get_ref())
                ),
                value.span(),
                "write the lists under a `[lexicon]` header: tone = [\"…\"]".to_string(),
            );
            return Vec::new();
        };
        table
            .iter()
            .filter_map(|(key, list)| self.word_list(key, list))
            .collect()
    }

    fn word_list(&mut self, key: &Spanned<Cow<'_, str>>, list: &Value<'_>) -> Option<WordList> {
        let name: &str = key.get_ref();
        if !self.valid_id(name, "list name", key.span()) {
            return None;
        }
        let DeValue::Array(items) = list.get_ref() else {
            let help = match list.get_ref() {
                DeValue::String(word) => {
                    format!("write a list: {name} = [\"{}\"]", normalize_line(word))
                }
                _ => format!("write a list of words or phrases: {name} = [\"…\"]"),
            };
            self.error_with_help(
                format!(
                    "`lexicon.{name}` must be an array of words or phrases, found {}",
                    describe(list.get_ref())
                ),
                list.span(),
                help,
            );
            return None;
        };
        if name != lexicon::TONE && is_likely_misspelling(name, lexicon::TONE) {
            let warning = self
                .map
                .warning(
                    format!("the list `{name}` is a lens of its own"),
                    key.span(),
                )
                .with_help("did you mean `tone`? that list adds to the built-in tone words");
            self.warnings.push(warning);
        }
        if items.is_empty() {
            let warning = self
                .map
                .warning(format!("the list `{name}` is empty"), list.span())
                .with_help("add words or phrases to it, or remove it");
            self.warnings.push(warning);
        }
        let mut entries: Vec<(String, String, Range<usize>)> = Vec::with_capacity(items.len());
        let mut complete = true;
        for item in items.iter() {
            let Some(entry) = self.string(item, &format!("each entry of `lexicon.{name}`")) else {
                complete = false;
                continue;
            };
            let entry = normalize_line(entry);
            let key = match_key(&entry);
            if key.is_empty() {
                let message = if entry.is_empty() {
                    format!("an entry of `lexicon.{name}` is empty")
                } else {
                    format!(
                        "the entry `{entry}` of `lexicon.{name}` has no letters or digits to match"
                    )
                };
                self.error_with_help(
                    message,
                    item.span(),
                    "write a word or a phrase, or remove the entry".to_string(),
                );
                complete = false;
                continue;
            }
            if let Some((first, _, span)) = entries.iter().find(|(_, k, _)| *k == key) {
                let line = self.map.line_of(span.start);
                let help = if *first == entry {
                    format!("it is already in the list at line {line}; remove one of them")
                } else {
                    format!(
                        "`{first}` at line {line} matches the same words: entries match with or without hyphens, spaces and capitals; remove one of them"
                    )
                };
                self.error_with_help(
                    format!("duplicate entry `{entry}` in `lexicon.{name}`"),
                    item.span(),
                    help,
                );
                complete = false;
                continue;
            }
            entries.push((entry, key, item.span()));
        }
        complete.then(|| WordList {
            name: name.to_string(),
            entries: entries.into_iter().map(|(entry, ..)| entry).collect(),
        })
    }

    fn topics(&mut self, root: &DeTable<'_>) -> Option<Vec<CheckedTopic>> {
        let message = "the file declares no topics";
        let help = "declare at least one under a `[[topics]]` header, with `id` and `label`";
        let Some(value) = root.get("topics") else {
            self.missing(root, TOP_KEYS, "topics", message, None, help);
            return None;
        };
        let entries = self.array_of_tables(value, "topics")?;
        if entries.is_empty() {
            self.error_with_help(message, value.span(), help.to_string());
            return None;
        }
        self.each_entry(entries, |checker, entry, earlier| {
            let topic = checker.topic(entry, earlier)?;
            checker
                .topic_ids
                .insert(topic.topic.id.clone(), earlier.len());
            Some(topic)
        })
    }

    fn topic(&mut self, entry: &Value<'_>, earlier: &[CheckedTopic]) -> Option<CheckedTopic> {
        let table = self.table(entry, "each `[[topics]]` entry")?;
        self.reject_unknown_keys(table, TOPIC_KEYS, "in a topic");
        let (id, id_span) = self.id(table, TOPIC_KEYS, entry.span(), "topic")?;
        let first = self
            .topic_ids
            .get(&id)
            .and_then(|&index| earlier.get(index));
        if let Some(first_start) = first.map(|t| t.id_span.start) {
            let line = self.map.line_of(first_start);
            self.error_with_help(
                format!("duplicate topic id `{id}`"),
                id_span,
                format!("the first topic with this id is at line {line}; topic ids must be unique"),
            );
            return None;
        }
        let label = self.required_line(
            table,
            TOPIC_KEYS,
            "label",
            Some(entry.span()),
            "this topic has no `label`",
        )?;
        let note = self.optional_text(table, "note");
        Some(CheckedTopic {
            topic: Topic { id, label, note },
            id_span,
        })
    }

    /// A required id: lowercase ascii letters, digits and '-', starting with
    /// a letter or digit.
    fn id(
        &mut self,
        table: &DeTable<'_>,
        allowed: &[&str],
        entry_span: Range<usize>,
        what: &str,
    ) -> Option<(String, Range<usize>)> {
        let Some(value) = table.get("id") else {
            self.missing(
                table,
                allowed,
                "id",
                format!("this {what} has no `id`"),
                Some(entry_span),
                "add `id = \"…\"` (lowercase letters, digits and '-')",
            );
            return None;
        };
        let id = self.string(value, "id")?;
        if !self.valid_id(id, &format!("{what} id"), value.span()) {
            return None;
        }
        Some((id.to_string(), value.span()))
    }

    /// Whether `id` follows the rules of ids; if not, says so at `span`.
    fn valid_id(&mut self, id: &str, what: &str, span: Range<usize>) -> bool {
        let valid = is_valid_id(id);
        if !valid {
            self.error_with_help(
                format!("invalid {what} `{}`", normalize_line(id)),
                span,
                invalid_id_help(id),
            );
        }
        valid
    }

    fn readouts(
        &mut self,
        root: &DeTable<'_>,
        topics: &Option<Vec<CheckedTopic>>,
    ) -> Option<Vec<CheckedReadout>> {
        let help = "declare each side under its own `[[readouts]]` header, with `id`, `label` and `[[readouts.passages]]`";
        let Some(value) = root.get("readouts") else {
            let message = "the file has no readouts; it needs at least two";
            self.missing(root, TOP_KEYS, "readouts", message, None, help);
            return None;
        };
        let entries = self.array_of_tables(value, "readouts")?;
        if entries.len() < 2 {
            self.error_with_help(
                format!(
                    "the file has {} readout{}; it needs at least two",
                    entries.len(),
                    if entries.len() == 1 { "" } else { "s" }
                ),
                value.span(),
                help.to_string(),
            );
        }
        let readouts = self.each_entry(entries, |checker, entry, earlier| {
            checker.readout(entry, topics, earlier)
        });
        readouts.filter(|_| entries.len() >= 2)
    }

    fn readout(
        &mut self,
        entry: &Value<'_>,
        topics: &Option<Vec<CheckedTopic>>,
        earlier: &[CheckedReadout],
    ) -> Option<CheckedReadout> {
        let table = self.table(entry, "each `[[readouts]]` entry")?;
        self.reject_unknown_keys(table, READOUT_KEYS, "in a readout");
        let id = self.id(table, READOUT_KEYS, entry.span(), "readout");
        if let Some((id, span)) = &id
            && let Some(first) = earlier.iter().find(|r| &r.readout.id == id)
        {
            let line = self.map.line_of(first.id_span.start);
            self.error_with_help(
                format!("duplicate readout id `{id}`"),
                span.clone(),
                format!(
                    "the first readout with this id is at line {line}; readout ids must be unique"
                ),
            );
        }
        let label = self.required_line(
            table,
            READOUT_KEYS,
            "label",
            Some(entry.span()),
            "this readout has no `label`",
        );
        let source = self.optional_line(table, "source");
        let url = self.optional_line(table, "url");
        let published = table.get("published").and_then(|v| self.published(v));
        let language = self.optional_line(table, "language");
        let note = self.optional_text(table, "note");
        let facts = table
            .get("facts")
            .map(|v| self.facts(v, "[readouts.facts]", "fact"))
            .unwrap_or_default();
        let passages = self.passages(table, entry.span(), topics);
        let (id, id_span) = id?;
        let (facts, fact_spans) = facts.into_iter().unzip();
        Some(CheckedReadout {
            readout: Readout {
                id,
                label: label?,
                source,
                url,
                published,
                language,
                note,
                facts,
                passages: passages?,
            },
            id_span,
            fact_spans,
        })
    }

    fn published(&mut self, value: &Value<'_>) -> Option<String> {
        match value.get_ref() {
            DeValue::String(text) => Some(normalize_line(text)).filter(|t| !t.is_empty()),
            DeValue::Datetime(datetime) => Some(datetime.to_string()),
            other => {
                self.error(
                    format!(
                        "`published` must be a date or a string, found {}",
                        describe(other)
                    ),
                    value.span(),
                );
                None
            }
        }
    }

    fn passages(
        &mut self,
        readout: &DeTable<'_>,
        readout_span: Range<usize>,
        topics: &Option<Vec<CheckedTopic>>,
    ) -> Option<Vec<Passage>> {
        let help = "add its text under a `[[readouts.passages]]` header: text = \"\"\"…\"\"\"";
        let Some(value) = readout.get("passages") else {
            let message = "this readout has no passages";
            self.missing(
                readout,
                READOUT_KEYS,
                "passages",
                message,
                Some(readout_span),
                help,
            );
            return None;
        };
        let entries = self.array_of_tables(value, "readouts.passages")?;
        if entries.is_empty() {
            self.error_with_help(
                "this readout has no passages",
                value.span(),
                help.to_string(),
            );
            return None;
        }
        self.each_entry(entries, |checker, entry, _| checker.passage(entry, topics))
    }

    fn passage(
        &mut self,
        entry: &Value<'_>,
        topics: &Option<Vec<CheckedTopic>>,
    ) -> Option<Passage> {
        let table = self.table(entry, "each `[[readouts.passages]]` entry")?;
        self.reject_unknown_keys(table, PASSAGE_KEYS, "in a passage");
        let text = match table.get("text") {
            None => {
                self.missing(
                    table,
                    PASSAGE_KEYS,
                    "text",
                    "this passage has no `text`",
                    Some(entry.span()),
                    "add text = \"\"\"…\"\"\"",
                );
                None
            }
            Some(value) => {
                let text = self.string(value, "text").map(normalize_text);
                match text {
                    Some(text) if text.is_empty() => {
                        self.error_with_help(
                            "passage text is blank",
                            value.span(),
                            "write the passage, or remove the `[[readouts.passages]]` entry"
                                .to_string(),
                        );
                        None
                    }
                    other => other,
                }
            }
        };
        let passage_topics = match table.get("topics") {
            None => Some(Vec::new()),
            Some(value) => self.passage_topics(value, topics),
        };
        let quote = match table.get("quote") {
            None => Some(false),
            Some(value) => match value.get_ref() {
                DeValue::Boolean(quote) => Some(*quote),
                other => {
                    self.error_with_help(
                        format!("`quote` must be a boolean, found {}", describe(other)),
                        value.span(),
                        "write `quote = true` or `quote = false`".to_string(),
                    );
                    None
                }
            },
        };
        let note = self.optional_text(table, "note");
        Some(Passage {
            text: text?,
            topics: passage_topics?,
            quote: quote?,
            note,
        })
    }

    fn passage_topics(
        &mut self,
        value: &Value<'_>,
        topics: &Option<Vec<CheckedTopic>>,
    ) -> Option<Vec<usize>> {
        let DeValue::Array(entries) = value.get_ref() else {
            let found = describe(value.get_ref());
            let help = match value.get_ref() {
                DeValue::String(id) => {
                    format!("write a list: topics = [\"{}\"]", normalize_line(id))
                }
                _ => "write a list of topic ids: topics = [\"…\"]".to_string(),
            };
            self.error_with_help(
                format!("`topics` must be an array of topic ids, found {found}"),
                value.span(),
                help,
            );
            return None;
        };
        let mut indices = Vec::with_capacity(entries.len());
        let mut complete = true;
        for entry in entries.iter() {
            let Some(id) = self.string(entry, "each entry of `topics`") else {
                complete = false;
                continue;
            };
            // Without a valid topic list there is nothing to check against;
            // that list's own errors are already reported.
            let Some(declared) = topics else {
                complete = false;
                continue;
            };
            match self.topic_ids.get(id).copied() {
                Some(index) if indices.contains(&index) => {}
                Some(index) => indices.push(index),
                None => {
                    let ids = declared.iter().map(|t| t.topic.id.as_str());
                    let help = match closest(id, ids.clone()) {
                        Some(meant) => format!("did you mean `{meant}`?"),
                        None => format!("the declared topics are: {}", quoted_list(ids)),
                    };
                    self.error_with_help(
                        format!("unknown topic `{}`", normalize_line(id)),
                        entry.span(),
                        help,
                    );
                    complete = false;
                }
            }
        }
        complete.then_some(indices)
    }

    fn warn_unused_topics(&mut self, topics: &[CheckedTopic], readouts: &[CheckedReadout]) {
        let mut carried = vec![false; topics.len()];
        let passages = readouts.iter().flat_map(|r| &r.readout.passages);
        for topic in passages.flat_map(|p| &p.topics) {
            if let Some(carried) = carried.get_mut(*topic) {
                *carried = true;
            }
        }
        for (checked, carried) in topics.iter().zip(carried) {
            if !carried {
                let warning = self
                    .map
                    .warning(
                        format!(
                            "topic `{}` is declared but no passage carries it",
                            checked.topic.id
                        ),
                        checked.id_span.clone(),
                    )
                    .with_help("tag a passage with it, or remove the topic");
                self.warnings.push(warning);
            }
        }
    }
}

impl Checker<'_> {
    /// Warns of a fact key that no other readout states when an earlier
    /// readout states a key close to it: most likely the same fact
    /// misspelt, which would split one row of the facts table in two.
    fn warn_misspelt_fact_keys(&mut self, readouts: &[CheckedReadout]) {
        for (index, checked) in readouts.iter().enumerate() {
            let readout = &checked.readout;
            for ((key, _), span) in readout.facts.iter().zip(&checked.fact_spans) {
                let stated_elsewhere = readouts
                    .iter()
                    .enumerate()
                    .any(|(other, r)| other != index && r.readout.fact(key).is_some());
                if stated_elsewhere {
                    continue;
                }
                let earlier = readouts[..index].iter().map(|r| &r.readout);
                let meant = earlier
                    .clone()
                    .flat_map(|r| &r.facts)
                    .map(|(name, _)| name.as_str())
                    .filter(|name| readout.fact(name).is_none())
                    .find(|name| is_likely_misspelling(key, name));
                let Some(meant) = meant else {
                    continue;
                };
                let stating = earlier
                    .clone()
                    .find(|r| r.fact(meant).is_some())
                    .map_or("", |r| r.id.as_str());
                let warning = self
                    .map
                    .warning(
                        format!("fact `{key}` looks like a misspelling of `{meant}`"),
                        span.clone(),
                    )
                    .with_help(format!(
                        "did you mean `{meant}`? readout `{stating}` states it; one key makes one row of the facts table"
                    ));
                self.warnings.push(warning);
            }
        }
    }
}

/// Whether two fact keys differ by so little that one is most likely the
/// other misspelt: one edit, or two in keys of eight characters or more.
/// Stricter than [`closest`], because the keys of facts are free and two
/// short ones (`at`, `day`) can be close and still different facts.
fn is_likely_misspelling(key: &str, other: &str) -> bool {
    let shorter = key.chars().count().min(other.chars().count());
    let allowed = if shorter >= 8 { 2 } else { 1 };
    shorter >= 4 && strsim::damerau_levenshtein(key, other) <= allowed
}

struct CheckedTopic {
    topic: Topic,
    id_span: Range<usize>,
}

struct CheckedReadout {
    readout: Readout,
    id_span: Range<usize>,
    /// Where each of the readout's facts is keyed, in the same order.
    fact_spans: Vec<Range<usize>>,
}

/// An error for every key of `table` that is not in `allowed` (`place`
/// says where, as "at the top level"), suggesting the closest allowed key.
pub fn unknown_keys(
    map: &SourceMap<'_>,
    table: &DeTable<'_>,
    allowed: &[&str],
    place: &str,
) -> Vec<Diagnostic> {
    table
        .keys()
        .filter(|key| !allowed.contains(&key.get_ref().as_ref()))
        .map(|key| {
            let name: &str = key.get_ref();
            let help = match closest(name, allowed.iter().copied()) {
                Some(meant) => format!("did you mean `{meant}`?"),
                None => format!(
                    "the keys allowed here are: {}",
                    quoted_list(allowed.iter().copied())
                ),
            };
            let message = format!("unknown key `{}` {place}", normalize_line(name));
            map.error(message, key.span()).with_help(help)
        })
        .collect()
}

/// An integer as TOML wrote it, in its radix.
pub fn parse_integer(digits: &str, radix: u32) -> Option<i64> {
    i64::from_str_radix(digits, radix).ok()
}

fn plain_date(datetime: &Datetime) -> Option<Date> {
    match (datetime.date, datetime.time, datetime.offset) {
        (Some(date), None, None) => Some(Date {
            year: date.year,
            month: date.month,
            day: date.day,
        }),
        _ => None,
    }
}

/// A TOML value's kind with its article, for "found …".
pub fn describe(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(datetime) => match (datetime.date, datetime.time) {
            (Some(_), None) => "a date",
            (None, Some(_)) => "a time",
            _ => "a date-time",
        },
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

/// Names in backticks, separated by commas.
pub fn quoted_list<'s>(names: impl IntoIterator<Item = &'s str>) -> String {
    names
        .into_iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The rule an invalid id breaks, and a valid id made from it when there
/// is one.
pub fn invalid_id_help(id: &str) -> String {
    let rule = "ids use lowercase ascii letters, digits and '-', starting with a letter or digit";
    let suggestion = slug(id);
    if is_valid_id(&suggestion) {
        format!("{rule}: try `{suggestion}`")
    } else {
        rule.to_string()
    }
}

/// The id a label would most likely have been meant as: lowercase ascii,
/// other characters turned into single hyphens.
pub fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const VALID: &str = include_str!("../../tests/fixtures/valid/harbour.toml");

    fn errors(text: &str) -> Vec<Diagnostic> {
        match load_str("test.toml", text) {
            Ok(_) => panic!("expected the file to be refused:\n{text}"),
            Err(errors) => errors,
        }
    }

    /// The one error a file gives: its message, line and column.
    fn only_error(text: &str) -> (String, usize, usize) {
        let errors = errors(text);
        assert_eq!(errors.len(), 1, "{errors:#?}");
        let (line, column) = errors[0]
            .location
            .as_ref()
            .map_or((0, 0), |at| (at.line, at.column));
        (errors[0].message.clone(), line, column)
    }

    #[test]
    fn loads_a_minimal_valid_file() {
        let loaded = load_str("test.toml", VALID).expect("valid");
        let document = loaded.document;
        assert_eq!(document.title, "Harbour talks");
        assert_eq!(document.topics.len(), 1);
        assert_eq!(document.readouts.len(), 2);
        assert_eq!(document.readouts[1].passages[0].topics, vec![0]);
        assert!(loaded.warnings.is_empty());
    }

    #[test]
    fn the_builtin_readout_loads_and_has_its_shape() {
        let loaded = load_str(super::super::builtin::NAME, super::super::builtin::TEXT)
            .expect("the built-in readout is valid");
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        let document = loaded.document;
        assert_eq!(document.title, "Biden–Putin phone call");
        assert_eq!(
            document.date.map(|d| d.long_form()),
            Some("Thursday 30 December 2021".to_string())
        );
        let ids: Vec<&str> = document.readouts.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["kremlin", "white-house"]);
        assert!(document.topics.len() >= 8);
        let meta: Vec<String> = document
            .meta
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        assert_eq!(
            meta,
            [
                "requested_by=the Russian side",
                "started=22:35 Kyiv time, 5 minutes later than planned",
                "ended=23:25 Kyiv time",
                "duration_minutes=50"
            ]
        );
        let kremlin = &document.readouts[0];
        let white_house = &document.readouts[1];
        assert!(kremlin.passages.iter().any(|p| p.quote));
        assert!(
            kremlin.passages[0]
                .text
                .starts_with("According to the Kremlin")
        );
        assert!(
            white_house.passages[0]
                .text
                .starts_with("According to the White House version")
        );
        let topic = |id: &str| document.topic_index(id).expect(id);
        let coverage = |id: &str| (kremlin.mentions(topic(id)), white_house.mentions(topic(id)));
        assert_eq!(coverage("tone"), (true, true));
        assert_eq!(coverage("response-to-invasion"), (true, true));
        assert_eq!(coverage("negotiation-calendar"), (true, true));
        assert_eq!(coverage("security-guarantees"), (true, false));
        assert_eq!(coverage("offensive-weapons"), (true, false));
        assert_eq!(coverage("nuclear-war"), (true, false));
        assert_eq!(coverage("highest-level-contacts"), (true, false));
        assert_eq!(coverage("de-escalation"), (false, true));
        let rows: Vec<String> = document
            .facts_table(&[0, 1])
            .iter()
            .map(|row| {
                let [kremlin, white_house] = [0, 1]
                    .map(|side| row.values[side].map_or("—".to_string(), ToString::to_string));
                format!("{}: {kremlin} | {white_house}", row.key)
            })
            .collect();
        assert_eq!(
            rows[..2],
            [
                "given_as: a message, quoted in the report | a briefing by Press Secretary Jen Psaki",
                "tone: frank and business-like | serious and substantive",
            ]
        );
        assert!(
            rows.iter()
                .any(|row| row.starts_with("negotiation_dates: Geneva") && row.ends_with("| —"))
        );
        let notes =
            |readout: &Readout| readout.passages.iter().filter(|p| p.note.is_some()).count();
        assert!(notes(kremlin) >= 3 && notes(white_house) >= 3);
    }

    #[test]
    fn text_is_normalised_at_load() {
        let text = VALID.replace(
            "We discussed the harbour.",
            "We discussed\\nthe \\u001b[2J harbour.\\n\\nSecond\\tparagraph.",
        );
        let document = load_str("test.toml", &text).expect("valid").document;
        assert_eq!(
            document.readouts[0].passages[0].text,
            "We discussed the ␛[2J harbour.\nSecond paragraph."
        );
    }

    #[test]
    fn format_must_be_one() {
        assert!(load_str("t", &format!("format = 1\n{VALID}")).is_ok());
        assert_eq!(
            only_error(&format!("format = 2\n{VALID}")),
            ("format 2 is not supported".to_string(), 1, 10)
        );
        assert_eq!(
            only_error(&format!("format = \"1\"\n{VALID}")).0,
            "`format` must be an integer, found a string"
        );
    }

    #[test]
    fn title_is_required_and_not_empty() {
        let (message, ..) = only_error(&VALID.replace("title = \"Harbour talks\"", ""));
        assert_eq!(message, "the file has no `title`");
        let (message, line, column) = only_error(&VALID.replace("\"Harbour talks\"", "\" \""));
        assert_eq!((message.as_str(), line, column), ("`title` is empty", 1, 9));
    }

    #[test]
    fn unknown_keys_are_refused_everywhere_with_a_suggestion() {
        let cases = [
            (
                VALID.replace("title =", "titel ="),
                "unknown key `titel` at the top level",
                "title",
            ),
            (
                VALID.replace("label = \"Harbour", "lable = \"Harbour"),
                "unknown key `lable` in a topic",
                "label",
            ),
            (
                VALID.replace("label = \"North\"", "label = \"North\"\nurl_ = \"x\""),
                "unknown key `url_` in a readout",
                "url",
            ),
            (
                VALID.replacen("topics = [", "topic = [", 1),
                "unknown key `topic` in a passage",
                "topics",
            ),
        ];
        for (text, message, meant) in cases {
            let errors = errors(&text);
            assert_eq!(errors.len(), 1, "{errors:#?}");
            assert_eq!(errors[0].message, message);
            assert_eq!(
                errors[0].help.as_deref(),
                Some(format!("did you mean `{meant}`?").as_str())
            );
        }
        let errors = errors(&VALID.replace("title =", "zzz = 1\ntitle ="));
        assert!(
            errors[0]
                .help
                .as_deref()
                .unwrap_or_default()
                .starts_with("the keys allowed here are: `format`")
        );
    }

    #[test]
    fn duplicate_ids_point_at_the_second() {
        let text = VALID.replace(
            "label = \"Harbour treaty\"",
            "label = \"Harbour treaty\"\n\n[[topics]]\nid = \"harbour\"\nlabel = \"Again\"",
        );
        assert_eq!(
            only_error(&text),
            ("duplicate topic id `harbour`".to_string(), 8, 6)
        );
        let text = VALID.replace("id = \"south\"", "id = \"north\"");
        assert_eq!(
            only_error(&text),
            ("duplicate readout id `north`".to_string(), 16, 6)
        );
    }

    #[test]
    fn undeclared_topics_are_named_with_the_closest_id() {
        let errors = errors(&VALID.replacen("[\"harbour\"]", "[\"harbor\"]", 1));
        assert_eq!(errors[0].message, "unknown topic `harbor`");
        assert_eq!(errors[0].help.as_deref(), Some("did you mean `harbour`?"));
        let at = errors[0].location.as_ref().expect("located");
        assert_eq!((at.line, at.column), (13, 11));
    }

    #[test]
    fn readouts_need_two_and_passages_need_text() {
        let one = &VALID[..VALID.rfind("[[readouts]]").expect("two readouts")];
        assert_eq!(
            only_error(one).0,
            "the file has 1 readout; it needs at least two"
        );
        let no_passages = VALID.replace(
            "label = \"South\"\n\n[[readouts.passages]]\ntext = \"The harbour was discussed.\"\ntopics = [\"harbour\"]\n",
            "label = \"South\"\n",
        );
        assert_eq!(only_error(&no_passages).0, "this readout has no passages");
        let blank = VALID.replace("\"The harbour was discussed.\"", "\" \\n \\t \"");
        assert_eq!(only_error(&blank).0, "passage text is blank");
        let no_text = VALID.replace("text = \"The harbour was discussed.\"\n", "");
        assert_eq!(only_error(&no_text).0, "this passage has no `text`");
    }

    #[test]
    fn values_of_the_wrong_type_name_both_types() {
        let cases = [
            (
                VALID.replacen("topics = [\"harbour\"]", "topics = \"harbour\"", 1),
                "`topics` must be an array of topic ids, found a string",
            ),
            (
                VALID.replacen("topics = [\"harbour\"]", "quote = 1", 1),
                "`quote` must be a boolean, found an integer",
            ),
            (
                VALID.replace("label = \"North\"", "label = 3"),
                "`label` must be a string, found an integer",
            ),
            (
                VALID.replace(
                    "title = \"Harbour talks\"",
                    "title = \"x\"\ndate = \"2021-12-30\"",
                ),
                "`date` must be a date, found a string",
            ),
            (
                VALID.replace("title = \"Harbour talks\"", "title = \"x\"\nmeta = 3"),
                "`meta` must be a table, found an integer",
            ),
        ];
        for (text, message) in cases {
            let errors = errors(&text);
            assert!(
                errors.iter().any(|e| e.message == message),
                "expected {message:?} in {errors:#?}"
            );
        }
    }

    #[test]
    fn topic_ids_must_be_lowercase_slugs() {
        let text = VALID.replace("id = \"harbour\"", "id = \"Harbour Treaty\"");
        let errors = errors(&text);
        assert_eq!(errors[0].message, "invalid topic id `Harbour Treaty`");
        assert!(
            errors[0]
                .help
                .as_deref()
                .unwrap_or_default()
                .ends_with("try `harbour-treaty`")
        );
        assert!(
            is_valid_id("a-1")
                && is_valid_id("9")
                && !is_valid_id("-a")
                && !is_valid_id("")
                && !is_valid_id("é")
        );
    }

    #[test]
    fn meta_keeps_file_order_and_types() {
        let text = VALID.replace(
            "title = \"Harbour talks\"\n",
            "title = \"Harbour talks\"\n[meta]\nzeta = \"first\"\nalpha = 2\nwhen = 2021-12-30\nok = true\n",
        );
        let document = load_str("t", &text).expect("valid").document;
        assert_eq!(
            facts(&document.meta),
            ["zeta=first", "alpha=2", "when=2021-12-30", "ok=yes"]
        );
        let bad = VALID.replace(
            "title = \"Harbour talks\"\n",
            "title = \"x\"\n[meta]\nhours = 0.8\n",
        );
        assert_eq!(
            only_error(&bad).0,
            "meta value `hours` must be a string, an integer, a date or a boolean, found a float"
        );
    }

    fn facts(facts: &[(String, MetaValue)]) -> Vec<String> {
        facts.iter().map(|(k, v)| format!("{k}={v}")).collect()
    }

    /// The valid file with `facts` added to the first readout (north) and
    /// `more` to the second (south).
    fn with_facts(north: &str, south: &str) -> String {
        VALID
            .replace(
                "label = \"North\"\n",
                &format!("label = \"North\"\n[readouts.facts]\n{north}\n"),
            )
            .replacen(
                "label = \"South\"\n",
                &format!("label = \"South\"\n[readouts.facts]\n{south}\n"),
                1,
            )
    }

    #[test]
    fn facts_per_readout_keep_file_order_and_types() {
        let text = with_facts(
            "tone = \"frank\"\nminutes = 50\nday = 2024-05-02\nrequested = true",
            "tone = \"difficult\"\nat = 2024-05-02T10:00:00",
        );
        let loaded = load_str("t", &text).expect("valid");
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        let [north, south] = [0, 1].map(|i| facts(&loaded.document.readouts[i].facts));
        assert_eq!(
            north,
            [
                "tone=frank",
                "minutes=50",
                "day=2024-05-02",
                "requested=yes"
            ]
        );
        assert_eq!(south, ["tone=difficult", "at=2024-05-02T10:00:00"]);
        let table = loaded.document.facts_table(&[0, 1]);
        assert_eq!(table.len(), 5);
        assert_eq!(table[4].key, "at");
        assert_eq!(table[4].values[0], None);
        // A readout's facts may also come after its passages.
        let after = VALID.replace(
            "text = \"We discussed the harbour.\"\ntopics = [\"harbour\"]\n",
            "text = \"We discussed the harbour.\"\ntopics = [\"harbour\"]\n\n[readouts.facts]\nlate = 1\n",
        );
        let document = load_str("t", &after).expect("valid").document;
        assert_eq!(facts(&document.readouts[0].facts), ["late=1"]);
        assert!(document.readouts[1].facts.is_empty());
    }

    #[test]
    fn facts_of_the_wrong_kind_are_refused_with_their_place() {
        let (message, line, column) = only_error(&with_facts("hours = 0.8", "x = 1"));
        assert_eq!(
            (message.as_str(), line, column),
            (
                "fact `hours` must be a string, an integer, a date or a boolean, found a float",
                11,
                9
            )
        );
        let array = errors(&with_facts("words = [\"frank\", \"open\"]", "x = 1"));
        assert_eq!(array.len(), 1, "{array:#?}");
        assert_eq!(
            array[0].help.as_deref(),
            Some("write the items in one string: words = \"…, …\"")
        );
        let (message, line, _) = only_error(&with_facts("\" \" = 1", "x = 1"));
        assert_eq!((message.as_str(), line), ("a fact has no name", 11));
        let not_a_table = VALID.replace(
            "label = \"North\"\n",
            "label = \"North\"\nfacts = \"frank\"\n",
        );
        assert_eq!(
            only_error(&not_a_table).0,
            "`facts` must be a table, found a string"
        );
        let misspelt = VALID.replace("label = \"North\"\n", "label = \"North\"\nfact = 1\n");
        let misspelt = errors(&misspelt);
        assert_eq!(misspelt[0].message, "unknown key `fact` in a readout");
        assert_eq!(misspelt[0].help.as_deref(), Some("did you mean `facts`?"));
    }

    #[test]
    fn a_fact_key_close_to_another_readouts_is_a_warning() {
        let loaded = load_str(
            "t",
            &with_facts(
                "requested_by = \"North\"\ntone = \"frank\"",
                "requestd_by = \"North\"\ntone = \"cold\"",
            ),
        )
        .expect("a warning only");
        assert_eq!(
            messages_and_help(&loaded.warnings),
            [(
                "fact `requestd_by` looks like a misspelling of `requested_by`",
                Some(
                    "did you mean `requested_by`? readout `north` states it; one key makes one row of the facts table"
                )
            )]
        );
        let both = with_facts(
            "tone = \"frank\"\nat = 5",
            "tone = \"cold\"\nday = 1\ntime = 5",
        );
        let loaded = load_str("t", &both).expect("valid");
        assert!(
            loaded.warnings.is_empty(),
            "a key both state is no misspelling"
        );
    }

    fn messages_and_help(diagnostics: &[Diagnostic]) -> Vec<(&str, Option<&str>)> {
        diagnostics
            .iter()
            .map(|d| (d.message.as_str(), d.help.as_deref()))
            .collect()
    }

    fn with_lexicon(lists: &str) -> String {
        VALID.replace(
            "title = \"Harbour talks\"\n",
            &format!("title = \"Harbour talks\"\n[lexicon]\n{lists}\n"),
        )
    }

    #[test]
    fn word_lists_load_in_file_order() {
        let text = with_lexicon(
            "tone = [\"warm-hearted\", \"cool  and\\ncalm\"]\nthreat = [\"sanctions\", \"consequences\"]",
        );
        let loaded = load_str("t", &text).expect("valid");
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        let lists: Vec<(&str, &[String])> = loaded
            .document
            .lexicon
            .iter()
            .map(|list| (list.name.as_str(), list.entries.as_slice()))
            .collect();
        assert_eq!(
            lists,
            [
                (
                    "tone",
                    ["warm-hearted".to_string(), "cool and calm".to_string()].as_slice()
                ),
                (
                    "threat",
                    ["sanctions".to_string(), "consequences".to_string()].as_slice()
                ),
            ]
        );
        assert!(
            load_str("t", VALID)
                .expect("valid")
                .document
                .lexicon
                .is_empty()
        );
    }

    #[test]
    fn word_lists_of_the_wrong_kind_are_refused_with_their_place() {
        let cases = [
            (
                "lexicon = 3",
                "`lexicon` must be a table, found an integer",
                2,
                11,
            ),
            (
                "tone = \"frank\"",
                "`lexicon.tone` must be an array of words or phrases, found a string",
                3,
                8,
            ),
            (
                "tone = [\"frank\", 2]",
                "each entry of `lexicon.tone` must be a string, found an integer",
                3,
                18,
            ),
            ("tone = [\"\"]", "an entry of `lexicon.tone` is empty", 3, 9),
            (
                "tone = [\" — \"]",
                "the entry `—` of `lexicon.tone` has no letters or digits to match",
                3,
                9,
            ),
            ("Threat = [\"x\"]", "invalid list name `Threat`", 3, 1),
        ];
        for (lists, message, line, column) in cases {
            let text = if lists.starts_with("lexicon") {
                VALID.replace(
                    "title = \"Harbour talks\"\n",
                    &format!("title = \"x\"\n{lists}\n"),
                )
            } else {
                with_lexicon(lists)
            };
            assert_eq!(
                only_error(&text),
                (message.to_string(), line, column),
                "{lists}"
            );
        }
        let errors = errors(&with_lexicon("tone = \"frank\""));
        assert_eq!(
            errors[0].help.as_deref(),
            Some("write a list: tone = [\"frank\"]")
        );
    }

    #[test]
    fn duplicate_entries_are_refused_even_when_written_differently() {
        let text = with_lexicon("threat = [\"sanctions\", \"force\",\n  \"sanctions\"]");
        let same = errors(&text);
        assert_eq!(same.len(), 1, "{same:#?}");
        assert_eq!(
            same[0].message,
            "duplicate entry `sanctions` in `lexicon.threat`"
        );
        assert_eq!(
            same[0].help.as_deref(),
            Some("it is already in the list at line 3; remove one of them")
        );
        let at = same[0].location.as_ref().expect("located");
        assert_eq!((at.line, at.column), (4, 3));
        let variant = errors(&with_lexicon(
            "tone = [\"business-like\", \"Businesslike\"]",
        ));
        assert_eq!(
            variant[0].message,
            "duplicate entry `Businesslike` in `lexicon.tone`"
        );
        assert!(
            variant[0]
                .help
                .as_deref()
                .unwrap_or_default()
                .starts_with("`business-like` at line 3 matches the same words"),
            "{variant:#?}"
        );
        // The same word in two lists is two lenses marking it.
        assert!(load_str("t", &with_lexicon("tone = [\"firm\"]\nthreat = [\"firm\"]")).is_ok());
    }

    #[test]
    fn an_empty_list_and_a_list_named_almost_tone_are_warnings() {
        let loaded =
            load_str("t", &with_lexicon("threat = []\ntones = [\"warm\"]")).expect("valid");
        assert_eq!(
            messages_and_help(&loaded.warnings),
            [
                (
                    "the list `threat` is empty",
                    Some("add words or phrases to it, or remove it")
                ),
                (
                    "the list `tones` is a lens of its own",
                    Some("did you mean `tone`? that list adds to the built-in tone words")
                ),
            ]
        );
        let misspelt =
            errors(&VALID.replace("title = \"Harbour talks\"\n", "title = \"x\"\n[lexikon]\n"));
        assert_eq!(
            misspelt[0].message,
            "unknown key `lexikon` at the top level"
        );
        assert_eq!(misspelt[0].help.as_deref(), Some("did you mean `lexicon`?"));
    }

    #[test]
    fn a_passage_may_carry_a_note() {
        let text = VALID.replace(
            "text = \"We discussed the harbour.\"\n",
            "text = \"We discussed the harbour.\"\nnote = \"\"\"\nNorth says \"discussed\";\nsouth says the same.\"\"\"\n",
        );
        let document = load_str("t", &text).expect("valid").document;
        assert_eq!(
            document.readouts[0].passages[0].note.as_deref(),
            Some("North says \"discussed\"; south says the same.")
        );
        assert_eq!(document.readouts[1].passages[0].note, None);
        let number = VALID.replace(
            "text = \"We discussed the harbour.\"\n",
            "text = \"We discussed the harbour.\"\nnote = 3\n",
        );
        assert_eq!(
            only_error(&number),
            (
                "`note` must be a string, found an integer".to_string(),
                13,
                8
            )
        );
        let misspelt = VALID.replace(
            "text = \"We discussed the harbour.\"\n",
            "text = \"We discussed the harbour.\"\nnotes = \"x\"\n",
        );
        let misspelt = errors(&misspelt);
        assert_eq!(misspelt[0].message, "unknown key `notes` in a passage");
        assert_eq!(misspelt[0].help.as_deref(), Some("did you mean `note`?"));
    }

    #[test]
    fn a_topic_one_readout_carries_is_used_and_later_ids_resolve() {
        let text = VALID
            .replace(
                "label = \"Harbour treaty\"",
                "label = \"Harbour treaty\"\n\n[[topics]]\nid = \"fish\"\nlabel = \"Fish\"\n\n[[topics]]\nid = \"oil\"\nlabel = \"Oil\"",
            )
            .replace(
                "text = \"The harbour was discussed.\"\ntopics = [\"harbour\"]",
                "text = \"The harbour was discussed.\"\ntopics = [\"oil\", \"harbour\", \"oil\"]",
            );
        let loaded = load_str("t", &text).expect("valid");
        let warnings: Vec<&str> = loaded.warnings.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(
            warnings,
            ["topic `fish` is declared but no passage carries it"]
        );
        assert_eq!(loaded.document.readouts[1].passages[0].topics, [2, 0]);
    }

    #[test]
    fn unused_topics_are_warnings_not_errors() {
        let text = VALID.replace(
            "label = \"Harbour treaty\"",
            "label = \"Harbour treaty\"\n\n[[topics]]\nid = \"fish\"\nlabel = \"Fish\"",
        );
        let loaded = load_str("t", &text).expect("valid");
        assert_eq!(loaded.warnings.len(), 1);
        assert_eq!(
            loaded.warnings[0].message,
            "topic `fish` is declared but no passage carries it"
        );
        assert!(!loaded.warnings[0].is_error());
    }

    #[test]
    fn empty_binary_and_non_utf8_input_are_named() {
        assert_eq!(load("t", b"").unwrap_err()[0].message, "the file is empty");
        assert_eq!(
            load("t", b" \n\t\n").unwrap_err()[0].message,
            "the file is empty"
        );
        let binary = load("t", b"title = 1\n\x00\x01\x02").unwrap_err();
        assert!(
            binary[0].message.starts_with("this is a binary file"),
            "{binary:?}"
        );
        assert!(binary[0].message.ends_with("line 2, column 1"));
        let latin1 = load("t", b"title = \"caf\xe9\"\n").unwrap_err();
        assert_eq!(latin1[0].message, "the file is not valid UTF-8");
        for utf16 in [
            b"\xff\xfet\0i\0t\0l\0e\0".as_slice(),
            b"t\0i\0t\0l\0e\0 \0=\0".as_slice(),
            b"\0t\0i\0t\0l\0e\0 \0=".as_slice(),
        ] {
            let errors = load("u.toml", utf16).expect_err("refused");
            assert_eq!(
                errors[0].message,
                "this is UTF-16 text; readouts reads UTF-8"
            );
        }
        let at = latin1[0].location.as_ref().expect("located");
        assert_eq!((at.line, at.column), (1, 13));
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let mut bytes = b"\xef\xbb\xbf".to_vec();
        bytes.extend_from_slice(VALID.as_bytes());
        assert!(load("t", &bytes).is_ok());
    }

    #[test]
    fn deep_nesting_is_a_clean_error() {
        let deep = format!("title = {}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(
            only_error(&deep).0,
            "invalid TOML: values are nested too deeply"
        );
        let deep = format!("title = {}1{}", "{a=".repeat(100_000), "}".repeat(100_000));
        assert_eq!(
            only_error(&deep).0,
            "invalid TOML: values are nested too deeply"
        );
    }

    #[test]
    fn syntax_errors_are_located() {
        let (message, line, column) = only_error("title = \"open\n");
        assert!(message.starts_with("invalid TOML"), "{message}");
        assert_eq!((line, column), (1, 14));
        let (message, line, _) =
            only_error(&VALID.replace("title = \"Harbour talks\"", "title = \"a\"\ntitle = \"b\""));
        assert_eq!((message.as_str(), line), ("duplicate key `title`", 2));
    }
}
