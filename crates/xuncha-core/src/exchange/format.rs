//! The exchange file: `{format, format_version, source, kind, records, checksum}`.
//! Serialising and parsing are pure; reading and writing files is the caller's job.
//! See docs/exchange-format.md.

use super::problems::Problems;
use super::words::header_words;
pub use super::words::{path_words, schema_words};
use crate::i18n::{fill, Label, Lang, T};
use crate::id::Id;
use crate::meta::Timestamp;
use crate::record::{Body, Kind, Record};
use crate::registry::ListVisitor;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};

pub use crate::registry::Records;

pub const FORMAT_ID: &str = "xuncha-exchange";
/// major.minor: readers accept any minor of their major and refuse a newer major.
pub const FORMAT_MAJOR: u32 = 1;
/// 1.1 added problems, rectifications, clues and recommendation letters;
/// 1.2 questionnaires, responses and paper batches; 1.3 field dots (`meta.dots`),
/// which older readers ignore (they then merge whole records, as before); 1.4
/// plans (`plans`), which older readers skip as a list they do not know; 1.5 a
/// problem's `facts` and `basis`, which older readers ignore; 1.6 the talent
/// pool (`persons`), outcomes (`outcomes`) and a group's `seats` and `recusals`, which older readers skip
/// and ignore; 1.7 a rectification's 回头看 `checks`, which older readers ignore;
/// 1.8 the round kind `upper` (上级巡视巡察反馈), which a 1.7 reader refuses, and an
/// inspection's `assessment` (政治生态评估), which a 1.7 reader ignores.
pub const FORMAT_MINOR: u32 = 8;
/// Files larger than this are refused before parsing, so a tab never runs out of
/// memory. Measured: importing a file takes about 3.5 times its size in wasm memory
/// (a ×4 county, 361 MiB, peaked at 1.25 GiB), within reach of wasm32's 4 GiB.
pub const MAX_FILE_BYTES: usize = 400 * 1024 * 1024;

/// Who made the file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub office_id: Id,
    pub office_name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum FileKind {
    /// Everything in the exporting database, tombstones included.
    Backup,
    /// A selection; `scope` says which, in words.
    Package { scope: String },
}

/// A whole exchange file as read or about to be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExchangeFile {
    pub format_version: (u32, u32),
    pub app_version: String,
    pub exported_at: Timestamp,
    pub source: Source,
    pub kind: FileKind,
    pub records: Records,
}

impl ExchangeFile {
    /// A file in the format this app writes, made by this app version.
    pub fn new(source: Source, exported_at: Timestamp, kind: FileKind, records: Records) -> ExchangeFile {
        ExchangeFile {
            format_version: (FORMAT_MAJOR, FORMAT_MINOR),
            app_version: super::export::APP_VERSION.to_owned(),
            exported_at,
            source,
            kind,
            records,
        }
    }
}

/// Why a file was refused. Each names what is wrong in words a user can act on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("file too large: {bytes} bytes")]
    TooLarge { bytes: usize },
    #[error("not UTF-8 text (byte {offset})")]
    NotUtf8 { offset: usize },
    #[error("the file ends too early")]
    Truncated,
    #[error("not JSON: line {line}, column {column}")]
    NotJson { line: usize, column: usize },
    #[error("not an exchange file")]
    NotExchangeFile,
    /// A file of another kind, known by its first bytes: said as what it is.
    #[error("another kind of file: {0:?}")]
    OtherFile(OtherFile),
    #[error("format version {found} is newer than this app reads")]
    NewerVersion { found: String },
    #[error("unreadable format version {found}")]
    BadVersion { found: String },
    #[error("checksum missing")]
    ChecksumMissing,
    /// JSON nested deeper than the reader follows (128 levels): no real file is.
    #[error("nested too deep")]
    TooDeep,
    /// The checksum the file claims and the one its content gives (both `sha256:…`),
    /// for the technical details: a clerk is told only that the file was changed.
    #[error("checksum mismatch: the file says {claimed}, its content gives {computed}")]
    ChecksumMismatch { claimed: String, computed: String },
    /// A number beyond every field's range (past 2^53−1): said as such, before the
    /// checksum, whose canonical form cannot hold it.
    #[error("{kind:?} record {index} ({id}): field {path}: number too large")]
    NumberTooLarge { kind: Kind, index: usize, id: String, path: String },
    /// More than one problem: the first `LISTED` in the order of the kinds, and how
    /// many more were found.
    #[error("{} problems", listed.len() + more)]
    Several { listed: Vec<ParseError>, more: usize },
    #[error("{kind:?} record {index} ({id}): field {path}: {detail}")]
    Schema { kind: Option<Kind>, index: usize, id: String, path: String, detail: String },
    #[error("{kind:?} {id} appears twice")]
    DuplicateId { kind: Kind, id: Id },
    #[error("{kind:?} {id}: {field} points to {missing}, which is in neither the file nor this database")]
    DanglingReference { kind: Kind, id: Id, field: &'static str, missing: Id },
    /// A text longer than the forms allow: the same rule holds for every way in.
    #[error("{kind:?} {id}: {field} is longer than {max} characters")]
    TooLong { kind: Kind, id: Id, field: &'static str, max: usize },
    /// A rule the forms keep that ties fields or records together (`check_consistency`).
    #[error("{kind:?} {id}: {field} breaks a rule: {why:?}")]
    Inconsistent { kind: Kind, id: Id, field: &'static str, why: T },
    #[error("the file is encrypted and needs a passphrase")]
    NeedsPassphrase,
    #[error("wrong passphrase, or the encrypted file was changed")]
    WrongPassphrase,
    #[error("unsupported or damaged encryption: {0}")]
    Encryption(String),
}

/// Files people pick by mistake instead of an exchange file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OtherFile {
    Empty,
    Excel,
    Word,
    /// .xls or .doc (the Office format before 2007).
    OldOffice,
    Zip,
    Pdf,
}

impl OtherFile {
    /// What `bytes` are, when their start tells it and they are not JSON.
    pub fn sniff(bytes: &[u8]) -> Option<OtherFile> {
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Some(OtherFile::Empty);
        }
        if bytes.starts_with(b"PK\x03\x04") {
            // An Office file is a zip whose part names say which program wrote it.
            let head = &bytes[..bytes.len().min(64 * 1024)];
            let has = |name: &[u8]| head.windows(name.len()).any(|w| w == name);
            return Some(if has(b"xl/") {
                OtherFile::Excel
            } else if has(b"word/") {
                OtherFile::Word
            } else {
                OtherFile::Zip
            });
        }
        if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return Some(OtherFile::OldOffice);
        }
        bytes.starts_with(b"%PDF").then_some(OtherFile::Pdf)
    }

    fn message(self) -> T {
        match self {
            OtherFile::Empty => T::ErrFileEmpty,
            OtherFile::Excel => T::ErrFileIsExcel,
            OtherFile::Word => T::ErrFileIsWord,
            OtherFile::OldOffice => T::ErrFileIsOldOffice,
            OtherFile::Zip => T::ErrFileIsZip,
            OtherFile::Pdf => T::ErrFileIsPdf,
        }
    }
}

impl From<super::crypto::CryptoError> for ParseError {
    fn from(e: super::crypto::CryptoError) -> Self {
        use super::crypto::CryptoError;
        match e {
            CryptoError::NeedsPassphrase => ParseError::NeedsPassphrase,
            CryptoError::WrongPassphraseOrTampered => ParseError::WrongPassphrase,
            CryptoError::Unsupported(what) | CryptoError::Damaged(what) => ParseError::Encryption(what),
            CryptoError::Newer(found) => ParseError::NewerVersion { found },
        }
    }
}

impl ParseError {
    /// The sentences for the user: one for a single problem; for several, a line
    /// saying how many, one per listed problem and one for those not listed.
    pub fn messages(&self, lang: Lang) -> Vec<String> {
        let ParseError::Several { listed, more } = self else { return vec![self.message(lang)] };
        let mut lines = vec![fill(T::ErrSeveral.text(lang), &[("n", &(listed.len() + more))])];
        lines.extend(listed.iter().map(|e| e.message(lang)));
        if *more > 0 {
            lines.push(fill(T::ErrSeveralMore.text(lang), &[("n", more)]));
        }
        lines
    }

    /// What only IT staff need, never in the sentence itself: the two digests of a
    /// checksum mismatch.
    pub fn technical(&self, lang: Lang) -> Option<String> {
        match self {
            ParseError::ChecksumMismatch { claimed, computed } => {
                Some(fill(T::ChecksumDigests.text(lang), &[("claimed", claimed), ("computed", computed)]))
            }
            _ => None,
        }
    }

    /// One sentence for the user, with the details filled in (several problems: one
    /// line each).
    pub fn message(&self, lang: Lang) -> String {
        let kind = |k: &Option<Kind>| k.map(|k| k.label().text(lang)).unwrap_or_default();
        match self {
            ParseError::TooLarge { bytes } => fill(T::ErrFileTooLarge.text(lang), &[("mb", &(bytes / (1024 * 1024)))]),
            ParseError::NotUtf8 { .. } => T::ErrNotUtf8.text(lang).to_owned(),
            ParseError::Truncated => T::ErrTruncated.text(lang).to_owned(),
            ParseError::NotJson { line, column } => {
                fill(T::ErrNotJson.text(lang), &[("line", line), ("column", column)])
            }
            ParseError::NotExchangeFile => T::ErrNotExchangeFile.text(lang).to_owned(),
            ParseError::OtherFile(other) => other.message().text(lang).to_owned(),
            ParseError::NewerVersion { found } => fill(T::ErrNewerVersion.text(lang), &[("found", found)]),
            ParseError::BadVersion { found } => {
                let found = if found.is_empty() { "—" } else { found.as_str() };
                fill(T::ErrBadVersion.text(lang), &[("found", &found)])
            }
            ParseError::ChecksumMissing => T::ErrChecksumMissing.text(lang).to_owned(),
            ParseError::ChecksumMismatch { .. } => T::ErrChecksumMismatch.text(lang).to_owned(),
            ParseError::NumberTooLarge { kind: k, index, id, path } => fill(
                T::ErrSchema.text(lang),
                &[
                    ("kind", &k.label().text(lang)),
                    ("n", &(index + 1)),
                    ("id", id),
                    ("path", &path_words(Some(*k), path, lang)),
                    ("detail", &T::SchemaTooLarge.text(lang)),
                ],
            ),
            ParseError::Several { .. } => self.messages(lang).join("\n"),
            // A header field (no record kind): said as the file's header, not as a record.
            ParseError::Schema { kind: None, path, detail, .. } => fill(
                T::ErrHeaderField.text(lang),
                &[("path", &header_words(path, lang)), ("detail", &schema_words(detail, lang))],
            ),
            ParseError::TooDeep => T::ErrTooDeep.text(lang).to_owned(),
            ParseError::Schema { kind: k, index, id, path, detail } => fill(
                T::ErrSchema.text(lang),
                &[
                    ("kind", &kind(k)),
                    ("n", &(index + 1)),
                    ("id", id),
                    ("path", &path_words(*k, path, lang)),
                    ("detail", &schema_words(detail, lang)),
                ],
            ),
            ParseError::DuplicateId { kind: k, id } => {
                fill(T::ErrDuplicateId.text(lang), &[("kind", &kind(&Some(*k))), ("id", id)])
            }
            ParseError::NeedsPassphrase => T::ErrNeedsPassphrase.text(lang).to_owned(),
            ParseError::WrongPassphrase => T::ErrWrongPassphrase.text(lang).to_owned(),
            // What the decryption library said stays out of the sentence.
            ParseError::Encryption(_) => T::ErrEncryption.text(lang).to_owned(),
            ParseError::DanglingReference { kind: k, id, field, missing } => {
                let label = super::conflict::field_of(*k, field).map(|f| f.label.text(lang)).unwrap_or(field);
                fill(
                    T::ErrDanglingReference.text(lang),
                    &[("kind", &kind(&Some(*k))), ("id", id), ("field", &label), ("missing", missing)],
                )
            }
            ParseError::Inconsistent { kind: k, id, field, why } => {
                let label = super::conflict::field_of(*k, field).map(|f| f.label.text(lang)).unwrap_or(field);
                fill(
                    T::ErrInconsistent.text(lang),
                    &[("kind", &kind(&Some(*k))), ("id", id), ("field", &label), ("why", &why.text(lang))],
                )
            }
            ParseError::TooLong { kind: k, id, field, max } => {
                let label = super::conflict::field_of(*k, field).map(|f| f.label.text(lang)).unwrap_or(field);
                fill(
                    T::ErrFieldTooLong.text(lang),
                    &[("kind", &kind(&Some(*k))), ("id", id), ("field", &label), ("max", max)],
                )
            }
        }
    }
}

/// JSON text with object keys sorted at every level and no spaces: the form
/// the checksum is taken over, whatever the key order in the file.
pub fn canonical_json(value: &Value) -> String {
    let mut out = String::new();
    write_canonical(value, &mut out);
    out
}

/// An object key as the canonical form writes it: a JSON string.
pub(super) fn push_canonical_key(key: &str, out: &mut String) {
    push_json_string(key, out);
}

/// A JSON string exactly as serde_json writes it. Most strings need no escape
/// (serde_json escapes only the quote, the backslash and control characters), and those are
/// copied as they are: this runs for every key and value of every record.
pub(super) fn push_json_string(s: &str, out: &mut String) {
    if s.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
        out.push('"');
        out.push_str(s);
        out.push('"');
    } else {
        out.push_str(&Value::String(s.to_owned()).to_string());
    }
}

pub(super) fn write_canonical(value: &Value, out: &mut String) {
    let entry = |i: usize, k: &String, v: &Value, out: &mut String| {
        if i > 0 {
            out.push(',');
        }
        push_canonical_key(k, out);
        out.push(':');
        write_canonical(v, out);
    };
    match value {
        // serde_json's map keeps its keys sorted unless a crate in the build turns on
        // its `preserve_order` feature; the order is checked, not assumed.
        Value::Object(map) if map.keys().is_sorted() => {
            out.push('{');
            for (i, (k, v)) in map.iter().enumerate() {
                entry(i, k, v, out);
            }
            out.push('}');
        }
        Value::Object(map) => {
            let sorted: BTreeMap<&String, &Value> = map.iter().collect();
            out.push('{');
            for (i, (k, v)) in sorted.into_iter().enumerate() {
                entry(i, k, v, out);
            }
            out.push('}');
        }
        Value::String(text) => push_json_string(text, out),
        Value::Array(items) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(v, out);
            }
            out.push(']');
        }
        other => {
            use std::fmt::Write;
            // Numbers, booleans and null as serde_json writes them; a String cannot fail.
            let _ = write!(out, "{other}");
        }
    }
}

impl ExchangeFile {
    /// The file as JSON text, with its checksum: canonical and compact (a county's
    /// years of records are a third smaller than indented; only programs read it).
    /// The same steps as a `Writer`, in one go.
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        super::writer::Writer::new(self)?.finish()
    }

    /// Opens a file that may be encrypted: decrypts it with `passphrase` first
    /// when it is, then reads it as `parse` does.
    pub fn open(bytes: &[u8], passphrase: Option<&str>) -> Result<ExchangeFile, ParseError> {
        Self::parse(&super::reader::unseal(bytes, passphrase)?)
    }

    /// Reads and checks a file: size, text, JSON, format, version, checksum, every
    /// record's fields, and duplicate ids. References are checked by `check_references`,
    /// which needs the local database. The same steps as a `Reader`, in one go.
    pub fn parse(bytes: &[u8]) -> Result<ExchangeFile, ParseError> {
        let mut reader = super::reader::Reader::new(bytes)?;
        while !reader.step(usize::MAX) {}
        reader.finish()
    }
    /// Every reference of a live record must point to a record in the file or in
    /// `local` (the ids the database holds, by kind). Every dangling one is listed.
    pub fn check_references(&self, local: &dyn Fn(Kind, Id) -> bool) -> Result<(), ParseError> {
        let mut problems = Problems::default();
        self.references_into(local, &mut problems);
        problems.into_result()
    }

    fn references_into(&self, local: &dyn Fn(Kind, Id) -> bool, problems: &mut Problems) {
        struct Check<'a> {
            ids: HashSet<(Kind, Id)>,
            local: &'a dyn Fn(Kind, Id) -> bool,
            problems: &'a mut Problems,
        }
        impl ListVisitor for Check<'_> {
            fn list<B: Body>(&mut self, records: &[Record<B>]) {
                for r in records.iter().filter(|r| r.is_live()) {
                    let refs = r.data.references();
                    let dangling =
                        refs.iter().filter(|x| !self.ids.contains(&(x.kind, x.id)) && !(self.local)(x.kind, x.id));
                    for x in dangling {
                        let (kind, id, field, missing) = (B::KIND, r.meta.id, x.field, x.id);
                        self.problems.push(ParseError::DanglingReference { kind, id, field, missing });
                    }
                }
            }
        }
        self.records.each(&mut Check { ids: self.ids(), local, problems });
    }

    /// The ids of every record, by kind.
    pub fn ids(&self) -> HashSet<(Kind, Id)> {
        let mut ids = Ids(HashSet::new());
        self.records.each(&mut ids);
        ids.0
    }

    /// Every text must keep within the limits the forms set (`Model::too_long`).
    pub fn check_limits(&self) -> Result<(), ParseError> {
        let mut problems = Problems::default();
        self.limits_into(&mut problems);
        problems.into_result()
    }

    fn limits_into(&self, problems: &mut Problems) {
        struct Limits<'a>(&'a mut Problems);
        impl ListVisitor for Limits<'_> {
            fn list<B: Body>(&mut self, records: &[Record<B>]) {
                for r in records {
                    if let Some((field, max)) = r.data.too_long() {
                        self.0.push(ParseError::TooLong { kind: B::KIND, id: r.meta.id, field, max });
                    }
                }
            }
        }
        self.records.each(&mut Limits(problems));
    }

    /// Every rule beyond each field's own form, all listed at once: text limits,
    /// references (to the file or to `local_ids`, the database's ids by kind) and
    /// the rules between records (`check_consistency`, with the database's records in `local`).
    pub fn check_rules(
        &self,
        local_ids: &dyn Fn(Kind, Id) -> bool,
        local: &super::consistency::Local<'_>,
    ) -> Result<(), ParseError> {
        let mut problems = Problems::default();
        self.limits_into(&mut problems);
        self.references_into(local_ids, &mut problems);
        self.consistency_into(local, &mut problems);
        problems.into_result()
    }
}

/// The ids of every record, by kind.
struct Ids(HashSet<(Kind, Id)>);

impl ListVisitor for Ids {
    fn list<B: Body>(&mut self, records: &[Record<B>]) {
        self.0.extend(records.iter().map(|r| (B::KIND, r.meta.id)));
    }
}

pub(super) fn parse_version(v: Option<&Value>) -> Result<(u32, u32), ParseError> {
    let found = v.and_then(Value::as_str).unwrap_or_default().to_owned();
    let mut parts = found.split('.');
    let parsed = match (parts.next(), parts.next(), parts.next()) {
        (Some(a), Some(b), None) => a.parse::<u32>().ok().zip(b.parse::<u32>().ok()),
        _ => None,
    };
    match parsed {
        None => Err(ParseError::BadVersion { found }),
        Some((major, _)) if major > FORMAT_MAJOR => Err(ParseError::NewerVersion { found }),
        Some((major, _)) if major < FORMAT_MAJOR => Err(ParseError::BadVersion { found }),
        Some(v) => Ok(v),
    }
}

pub(super) fn schema_error(kind: Option<Kind>, index: usize, id: &str, path: &str, detail: &str) -> ParseError {
    ParseError::Schema { kind, index, id: id.to_owned(), path: path.to_owned(), detail: detail.to_owned() }
}

pub(super) fn header_field<V: serde::de::DeserializeOwned>(value: Value, field: &str) -> Result<V, ParseError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let full = if path == "." { field.to_owned() } else { format!("{field}.{path}") };
        schema_error(None, 0, "", &full, &e.into_inner().to_string())
    })
}
