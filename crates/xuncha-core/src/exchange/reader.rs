//! Reading an exchange file in steps, so that a page can show progress and stay
//! responsive between them while a file of tens of MB is checked.
//!
//! The whole text is scanned once for its structure (no records are built), then
//! each step turns a batch of records into the model and feeds their canonical
//! form to the checksum. Nothing is kept twice: the records are borrowed slices
//! of the file text until they are read. `ExchangeFile::parse` runs one reader to
//! the end, so there is one way of reading a file.

use super::crypto;
use super::format::{
    header_field, parse_version, push_canonical_key, schema_error, write_canonical, ExchangeFile, FileKind, ParseError,
    Records, Source, FORMAT_ID, MAX_FILE_BYTES,
};
use super::problems::{Problems, LISTED};
use crate::meta::Timestamp;
use crate::record::{Body, Kind, KindVisitor, Record};
use crate::registry::ListVisitor;
use serde_json::value::RawValue;
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::layout::{Layout, Part, Top};

/// The plain bytes of a file: decrypted with `passphrase` when it is sealed,
/// borrowed as they are when it is not.
pub fn unseal<'a>(bytes: &'a [u8], passphrase: Option<&str>) -> Result<Cow<'a, [u8]>, ParseError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ParseError::TooLarge { bytes: bytes.len() });
    }
    if crypto::is_encrypted(bytes) {
        return Ok(Cow::Owned(crypto::decrypt(bytes, passphrase.unwrap_or_default())?));
    }
    Ok(Cow::Borrowed(bytes))
}

/// One key of `records`: a kind this version knows, or anything else (a newer
/// minor version's kind), which only counts towards the checksum.
#[derive(Debug)]
enum Section<'a> {
    Known { kind: Kind, items: Vec<&'a RawValue> },
    Other { raw: &'a RawValue },
    Null,
}

/// A file being read. `new` checks what can be checked at once; `step` reads a
/// batch of records; `finish` compares the checksum and hands over the file.
#[derive(Debug)]
pub struct Reader<'a> {
    format_version: (u32, u32),
    claimed: String,
    header: BTreeMap<String, &'a RawValue>,
    records_missing: bool,
    sections: Vec<(String, Section<'a>)>,
    /// Canonical text after the last record section: the rest of the top level.
    tail: String,
    section: usize,
    item: usize,
    /// True once the current section's opening text went to the hasher.
    opened: bool,
    hasher: Sha256,
    records: Records,
    /// The first `LISTED` refused records in the order of `Kind::ALL`, then of
    /// the file (anything else of the file after them), and how many more there are.
    refused: BTreeMap<(usize, usize), ParseError>,
    refused_more: usize,
    /// Some record is nested deeper than the reader follows.
    too_deep: bool,
    /// Records with a number too large for any field (the first `LISTED`, the rest counted).
    huge: Problems,
    done: usize,
    total: usize,
    scratch: String,
}

fn json_error(e: serde_json::Error) -> ParseError {
    if too_deep(&e) {
        return ParseError::TooDeep;
    }
    match e.classify() {
        serde_json::error::Category::Eof => ParseError::Truncated,
        serde_json::error::Category::Data => ParseError::NotExchangeFile,
        _ => ParseError::NotJson { line: e.line(), column: e.column() },
    }
}

/// serde_json stops at 128 levels of nesting and says so only in its message.
fn too_deep(e: &serde_json::Error) -> bool {
    e.to_string().starts_with("recursion limit exceeded")
}

pub(super) fn kind_of_key(key: &str) -> Option<Kind> {
    Kind::ALL.iter().copied().find(|k| k.store_name() == key)
}

fn canonical_of(raw: &RawValue, out: &mut String) -> Result<(), ParseError> {
    let value: Value = serde_json::from_str(raw.get()).map_err(json_error)?;
    write_canonical(&value, out);
    Ok(())
}

impl<'a> Reader<'a> {
    /// Checks size, text, JSON syntax, format id, version and that a checksum is
    /// there; lays out the records without reading them.
    pub fn new(bytes: &'a [u8]) -> Result<Reader<'a>, ParseError> {
        if bytes.len() > MAX_FILE_BYTES {
            return Err(ParseError::TooLarge { bytes: bytes.len() });
        }
        if let Some(other) = super::format::OtherFile::sniff(bytes) {
            return Err(ParseError::OtherFile(other));
        }
        let text = std::str::from_utf8(bytes).map_err(|e| ParseError::NotUtf8 { offset: e.valid_up_to() })?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let Layout { top } = serde_json::from_str(text).map_err(json_error)?;
        let raw_of = |key: &str| match top.get(key) {
            Some(Top::Raw(raw)) => Some(*raw),
            _ => None,
        };
        let value_of = |key: &str| -> Result<Option<Value>, ParseError> {
            raw_of(key).map(|r| serde_json::from_str(r.get())).transpose().map_err(json_error)
        };
        if value_of("format")?.as_ref().and_then(Value::as_str) != Some(FORMAT_ID) {
            return Err(ParseError::NotExchangeFile);
        }
        let format_version = parse_version(value_of("format_version")?.as_ref())?;
        let claimed = match value_of("checksum")? {
            Some(Value::String(s)) => s,
            _ => return Err(ParseError::ChecksumMissing),
        };
        let mut hasher = Sha256::new();
        let mut head = String::from("{");
        let mut tail = String::new();
        let mut sections = Vec::new();
        let mut header = BTreeMap::new();
        let mut records_missing = true;
        let mut first = true;
        for (key, value) in top {
            if key == "checksum" {
                continue;
            }
            let out = if records_missing { &mut head } else { &mut tail };
            if !first {
                out.push(',');
            }
            first = false;
            push_canonical_key(&key, out);
            out.push(':');
            match value {
                Top::Raw(raw) => {
                    canonical_of(raw, out)?;
                    header.insert(key, raw);
                }
                Top::BadRecords => return Err(schema_error(None, 0, "", "records", "not an object")),
                Top::Records(parts) => {
                    records_missing = false;
                    head.push('{');
                    tail.push('}');
                    for (key, part) in parts {
                        let section = match (kind_of_key(&key), part) {
                            (Some(kind), Part::List(items)) => Section::Known { kind, items },
                            (Some(_), Part::Null) => Section::Null,
                            (Some(kind), _) => return Err(schema_error(Some(kind), 0, "", "records", "not a list")),
                            (None, Part::Raw(raw)) => Section::Other { raw },
                            (None, _) => return Err(ParseError::NotExchangeFile),
                        };
                        sections.push((key, section));
                    }
                }
            }
        }
        tail.push('}');
        if records_missing {
            // Nothing to read in steps: the whole top level is in `head`.
            head.push_str(&tail);
            tail.clear();
        }
        hasher.update(head.as_bytes());
        let total =
            sections.iter().map(|(_, s)| if let Section::Known { items, .. } = s { items.len() } else { 0 }).sum();
        Ok(Reader {
            format_version,
            claimed,
            header,
            records_missing,
            sections,
            tail,
            section: 0,
            item: 0,
            opened: false,
            hasher,
            records: Records::default(),
            refused: BTreeMap::new(),
            refused_more: 0,
            too_deep: false,
            huge: Problems::default(),
            done: 0,
            total,
            scratch: String::new(),
        })
    }

    /// How many records the file holds.
    pub fn total(&self) -> usize {
        self.total
    }

    /// How many records have been read so far.
    pub fn done(&self) -> usize {
        self.done
    }

    /// Reads up to `budget` records (at least one section boundary moves on
    /// even when it holds none); true when every record has been read.
    pub fn step(&mut self, budget: usize) -> bool {
        let mut left = budget.max(1);
        while self.section < self.sections.len() && left > 0 {
            if !self.opened {
                self.scratch.clear();
                if self.section > 0 {
                    self.scratch.push(',');
                }
                let (key, section) = &self.sections[self.section];
                push_canonical_key(key, &mut self.scratch);
                self.scratch.push(':');
                match section {
                    Section::Known { .. } => self.scratch.push('['),
                    Section::Null => self.scratch.push_str("null"),
                    Section::Other { raw } => {
                        let raw: &'a RawValue = raw;
                        if let Err(e) = canonical_of(raw, &mut self.scratch) {
                            self.refuse_at((usize::MAX, self.section), e);
                        }
                    }
                }
                self.hasher.update(self.scratch.as_bytes());
                self.opened = true;
            }
            let (kind, count) = match &self.sections[self.section].1 {
                Section::Known { kind, items } => (*kind, items.len()),
                _ => (Kind::Term, 0),
            };
            while self.item < count && left > 0 {
                self.read_item(kind);
                self.item += 1;
                self.done += 1;
                left -= 1;
            }
            if self.item >= count {
                if matches!(self.sections[self.section].1, Section::Known { .. }) {
                    self.hasher.update(b"]");
                }
                self.section += 1;
                self.item = 0;
                self.opened = false;
            }
        }
        self.section >= self.sections.len()
    }

    /// Hashes one record's canonical text and reads it into the model. A record
    /// whose text is canonical already (every record of a file this app wrote) is
    /// hashed as it stands and read straight from the text; any other goes through
    /// a `Value`, which is also the way every refusal is worded.
    fn read_item(&mut self, kind: Kind) {
        let Section::Known { items, .. } = &self.sections[self.section].1 else { return };
        let raw: &'a RawValue = items[self.item];
        let index = self.item;
        let text = raw.get();
        if index > 0 {
            self.hasher.update(b",");
        }
        // A record is an object; serde would also read a list of its parts in order.
        if !text.starts_with('{') {
            if let Ok(value) = serde_json::from_str::<Value>(text) {
                self.scratch.clear();
                write_canonical(&value, &mut self.scratch);
                self.hasher.update(self.scratch.as_bytes());
                return self.refuse(kind, index, schema_error(Some(kind), index, "?", "", "not an object"));
            }
        }
        let canonical = super::canonical::is_canonical(text);
        let value = if canonical {
            self.hasher.update(text.as_bytes());
            None
        } else {
            match serde_json::from_str::<Value>(text) {
                Ok(v) => {
                    self.scratch.clear();
                    write_canonical(&v, &mut self.scratch);
                    self.hasher.update(self.scratch.as_bytes());
                    Some(v)
                }
                Err(e) if too_deep(&e) => return self.refuse(kind, index, ParseError::TooDeep),
                Err(e) if e.to_string().starts_with("number out of range") => {
                    let id = String::from("?");
                    return self.refuse(
                        kind,
                        index,
                        ParseError::NumberTooLarge { kind, index, id, path: String::new() },
                    );
                }
                Err(e) => {
                    let detail = e.to_string();
                    return self.refuse(kind, index, schema_error(Some(kind), index, "?", "", &detail));
                }
            }
        };
        if let Some(path) = value.as_ref().and_then(huge_number) {
            let id =
                value.as_ref().and_then(|v| v.pointer("/meta/id")).and_then(Value::as_str).unwrap_or("?").to_owned();
            return self.refuse(kind, index, ParseError::NumberTooLarge { kind, index, id, path });
        }
        if canonical && kind.visit(TakeText { text, into: &mut self.records }) {
            return;
        }
        let value = match value.map(Ok).unwrap_or_else(|| serde_json::from_str::<Value>(text)) {
            Ok(v) => v,
            Err(e) => return self.refuse(kind, index, schema_error(Some(kind), index, "?", "", &e.to_string())),
        };
        let result = kind.visit(Take { value, index, into: &mut self.records });
        if let Err(e) = result {
            self.refuse(kind, index, e);
        }
    }

    fn refuse(&mut self, kind: Kind, index: usize, error: ParseError) {
        self.refuse_at((kind_position(kind), index), error);
    }

    fn refuse_at(&mut self, at: (usize, usize), error: ParseError) {
        // What is said before the checksum is kept whatever else was refused, so
        // that it is never told as a changed file.
        match error {
            ParseError::TooDeep => {
                self.too_deep = true;
                return;
            }
            ParseError::NumberTooLarge { .. } => {
                self.huge.push(error);
                return;
            }
            _ => {}
        }
        self.refused.insert(at, error);
        if self.refused.len() > LISTED {
            self.refused.pop_last();
            self.refused_more += 1;
        }
    }

    /// Compares the checksum, then reports every refused header field and record
    /// (up to `LISTED`), then duplicate ids; hands over the file when all is well.
    pub fn finish(mut self) -> Result<ExchangeFile, ParseError> {
        while !self.step(usize::MAX) {}
        // Text too deep to read has no canonical form to compare: it is said as what it is.
        if self.too_deep {
            return Err(ParseError::TooDeep);
        }
        // Nor has a number too large for any field: those are said before the checksum.
        if let Some(huge) = self.huge.into_error() {
            return Err(huge);
        }
        self.hasher.update(self.tail.as_bytes());
        let digest = self.hasher.finalize();
        let mut hex = String::with_capacity(71);
        hex.push_str("sha256:");
        for b in digest {
            let _ = write!(hex, "{b:02x}");
        }
        if hex != self.claimed {
            return Err(ParseError::ChecksumMismatch { claimed: self.claimed, computed: hex });
        }
        let mut problems = Problems::default();
        let mut field = |name: &str| -> Value {
            self.header.remove(name).and_then(|r| serde_json::from_str(r.get()).ok()).unwrap_or(Value::Null)
        };
        let app_version = problems.take(header_field::<String>(field("app_version"), "app_version"));
        let exported_at = problems.take(header_field::<Timestamp>(field("exported_at"), "exported_at"));
        let source = match field("source") {
            // A struct read from a list of its parts in order is not what the format says.
            Value::Array(_) => problems.take(Err(schema_error(None, 0, "", "source", "not an object"))),
            value => problems.take(header_field::<Source>(value, "source")),
        };
        let kind = match field("kind") {
            Value::Array(_) => problems.take(Err(schema_error(None, 0, "", "kind", "not an object"))),
            value => problems.take(header_field::<FileKind>(value, "kind")),
        };
        if self.records_missing {
            problems.push(schema_error(None, 0, "", "records", "missing"));
        }
        self.refused.into_values().for_each(|e| problems.push(e));
        problems.count_unlisted(self.refused_more);
        self.records.each(&mut Duplicates(&mut problems));
        if let Some(e) = problems.into_error() {
            return Err(e);
        }
        match (app_version, exported_at, source, kind) {
            (Some(app_version), Some(exported_at), Some(source), Some(kind)) => Ok(ExchangeFile {
                format_version: self.format_version,
                app_version,
                exported_at,
                source,
                kind,
                records: self.records,
            }),
            // A header field that did not read was pushed as a problem above.
            _ => Err(ParseError::NotExchangeFile),
        }
    }
}

/// Every id that appears twice in its kind.
struct Duplicates<'a>(&'a mut Problems);

impl ListVisitor for Duplicates<'_> {
    fn list<B: Body>(&mut self, records: &[Record<B>]) {
        let mut seen = std::collections::HashSet::with_capacity(records.len());
        for r in records.iter().filter(|r| !seen.insert(r.meta.id)) {
            self.0.push(ParseError::DuplicateId { kind: B::KIND, id: r.meta.id });
        }
    }
}

/// Where in `value` a number lies beyond every field's range (2^53−1), as a
/// path like `data.answers`; `None` when there is no such number.
fn huge_number(value: &Value) -> Option<String> {
    const MAX: f64 = 9_007_199_254_740_991.0;
    match value {
        Value::Number(n) => (n.is_f64() && n.as_f64().is_some_and(|f| f.abs() > MAX)).then(String::new),
        Value::Array(items) => items.iter().find_map(huge_number),
        Value::Object(map) => map.iter().find_map(|(k, v)| {
            huge_number(v).map(|rest| if rest.is_empty() { k.clone() } else { format!("{k}.{rest}") })
        }),
        _ => None,
    }
}

fn kind_position(kind: Kind) -> usize {
    Kind::ALL.iter().position(|k| *k == kind).unwrap_or(usize::MAX)
}

/// Reads one record of its kind straight from canonical text; false when the
/// model refuses it, which the `Value` way then words.
struct TakeText<'a> {
    text: &'a str,
    into: &'a mut Records,
}

impl KindVisitor for TakeText<'_> {
    type Out = bool;
    fn visit<B: Body>(self) -> bool {
        serde_json::from_str(self.text).map(|r| B::list_of(self.into).push(r)).is_ok()
    }
}

/// Reads one record of its kind from a `Value`, naming the field the model refuses.
struct Take<'a> {
    value: Value,
    index: usize,
    into: &'a mut Records,
}

/// Integers written with a zero fraction (`3.0`, `1e3`) read as the integers they
/// are: a JSON Schema validator cannot tell them apart, so neither does the program.
/// The checksum is taken over the text as written, before this.
fn integral(value: &mut Value) {
    match value {
        Value::Number(n) => {
            if let Some(f) = n.as_f64().filter(|f| n.is_f64() && f.fract() == 0.0 && f.abs() <= 9_007_199_254_740_991.0)
            {
                *n = if f < 0.0 { serde_json::Number::from(f as i64) } else { serde_json::Number::from(f as u64) };
            }
        }
        Value::Array(items) => items.iter_mut().for_each(integral),
        Value::Object(map) => map.values_mut().for_each(integral),
        _ => {}
    }
}

impl KindVisitor for Take<'_> {
    type Out = Result<(), ParseError>;
    fn visit<B: Body>(mut self) -> Result<(), ParseError> {
        let id = self.value.pointer("/meta/id").and_then(Value::as_str).unwrap_or("?").to_owned();
        let index = self.index;
        integral(&mut self.value);
        let record = serde_path_to_error::deserialize(self.value).map_err(|e| {
            let path = e.path().to_string();
            schema_error(Some(B::KIND), index, &id, &path, &e.into_inner().to_string())
        })?;
        B::list_of(self.into).push(record);
        Ok(())
    }
}

#[cfg(test)]
#[path = "reader_tests.rs"]
mod tests;
