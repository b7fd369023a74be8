//! The exchange file: `{format, format_version, source, kind, records, checksum}`.
//! Serialising and parsing are pure; reading and writing files is the caller's job.
//! See docs/exchange-format.md.

use crate::clue::Clue;
use crate::group::Group;
use crate::i18n::{fill, Lang, T};
use crate::id::Id;
use crate::inspection::Inspection;
use crate::meta::Timestamp;
use crate::problem::Problem;
use crate::questionnaire::Questionnaire;
use crate::recommendation::Recommendation;
use crate::record::{Body, Kind, Record};
use crate::rectification::Rectification;
use crate::response::{PaperBatch, Response};
use crate::round::Round;
use crate::target::Target;
use crate::term::Term;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};

pub const FORMAT_ID: &str = "xuncha-exchange";
/// major.minor: readers accept any minor of their major and refuse a newer major.
pub const FORMAT_MAJOR: u32 = 1;
/// 1.1 added problems, rectifications, clues and recommendation letters;
/// 1.2 questionnaires, responses and paper batches.
pub const FORMAT_MINOR: u32 = 2;
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

/// The records of a file, by kind.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Records {
    #[serde(default)]
    pub terms: Vec<Record<Term>>,
    #[serde(default)]
    pub targets: Vec<Record<Target>>,
    #[serde(default)]
    pub rounds: Vec<Record<Round>>,
    #[serde(default)]
    pub groups: Vec<Record<Group>>,
    #[serde(default)]
    pub inspections: Vec<Record<Inspection>>,
    #[serde(default)]
    pub problems: Vec<Record<Problem>>,
    #[serde(default)]
    pub rectifications: Vec<Record<Rectification>>,
    #[serde(default)]
    pub clues: Vec<Record<Clue>>,
    #[serde(default)]
    pub recommendations: Vec<Record<Recommendation>>,
    #[serde(default)]
    pub questionnaires: Vec<Record<Questionnaire>>,
    #[serde(default)]
    pub responses: Vec<Record<Response>>,
    #[serde(default)]
    pub paper_batches: Vec<Record<PaperBatch>>,
}

impl Records {
    pub fn len(&self) -> usize {
        Kind::ALL.iter().map(|k| self.count(*k)).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many records of `kind`.
    pub fn count(&self, kind: Kind) -> usize {
        match kind {
            Kind::Term => self.terms.len(),
            Kind::Target => self.targets.len(),
            Kind::Round => self.rounds.len(),
            Kind::Group => self.groups.len(),
            Kind::Inspection => self.inspections.len(),
            Kind::Problem => self.problems.len(),
            Kind::Rectification => self.rectifications.len(),
            Kind::Clue => self.clues.len(),
            Kind::Recommendation => self.recommendations.len(),
            Kind::Questionnaire => self.questionnaires.len(),
            Kind::Response => self.responses.len(),
            Kind::PaperBatch => self.paper_batches.len(),
        }
    }
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
    #[error("format version {found} is newer than this app reads")]
    NewerVersion { found: String },
    #[error("unreadable format version {found}")]
    BadVersion { found: String },
    #[error("checksum missing")]
    ChecksumMissing,
    #[error("checksum mismatch")]
    ChecksumMismatch,
    #[error("{kind:?} record {index} ({id}): field {path}: {detail}")]
    Schema { kind: Option<Kind>, index: usize, id: String, path: String, detail: String },
    #[error("{kind:?} {id} appears twice")]
    DuplicateId { kind: Kind, id: Id },
    #[error("{kind:?} {id}: {field} points to {missing}, which is in neither the file nor this database")]
    DanglingReference { kind: Kind, id: Id, field: &'static str, missing: Id },
    #[error("the file is encrypted and needs a passphrase")]
    NeedsPassphrase,
    #[error("wrong passphrase, or the encrypted file was changed")]
    WrongPassphrase,
    #[error("unsupported or damaged encryption: {0}")]
    Encryption(String),
}

impl From<super::crypto::CryptoError> for ParseError {
    fn from(e: super::crypto::CryptoError) -> Self {
        use super::crypto::CryptoError;
        match e {
            CryptoError::NeedsPassphrase => ParseError::NeedsPassphrase,
            CryptoError::WrongPassphraseOrTampered => ParseError::WrongPassphrase,
            CryptoError::Unsupported(what) | CryptoError::Damaged(what) => ParseError::Encryption(what),
        }
    }
}

/// The catalogue word for each kind, used in messages.
pub fn kind_label(kind: Kind) -> T {
    match kind {
        Kind::Term => T::KindTerm,
        Kind::Target => T::KindTarget,
        Kind::Round => T::KindRound,
        Kind::Group => T::KindGroup,
        Kind::Inspection => T::KindInspection,
        Kind::Problem => T::KindProblem,
        Kind::Rectification => T::KindRectification,
        Kind::Clue => T::KindClue,
        Kind::Recommendation => T::KindRecommendation,
        Kind::Questionnaire => T::KindQuestionnaire,
        Kind::Response => T::KindResponse,
        Kind::PaperBatch => T::KindPaperBatch,
    }
}

impl ParseError {
    /// One sentence for the user, with the details filled in.
    pub fn message(&self, lang: Lang) -> String {
        let kind = |k: &Option<Kind>| k.map(|k| kind_label(k).text(lang)).unwrap_or_default();
        match self {
            ParseError::TooLarge { bytes } => fill(T::ErrFileTooLarge.text(lang), &[("mb", &(bytes / (1024 * 1024)))]),
            ParseError::NotUtf8 { offset } => fill(T::ErrNotUtf8.text(lang), &[("offset", offset)]),
            ParseError::Truncated => T::ErrTruncated.text(lang).to_owned(),
            ParseError::NotJson { line, column } => {
                fill(T::ErrNotJson.text(lang), &[("line", line), ("column", column)])
            }
            ParseError::NotExchangeFile => T::ErrNotExchangeFile.text(lang).to_owned(),
            ParseError::NewerVersion { found } => fill(T::ErrNewerVersion.text(lang), &[("found", found)]),
            ParseError::BadVersion { found } => fill(T::ErrBadVersion.text(lang), &[("found", found)]),
            ParseError::ChecksumMissing => T::ErrChecksumMissing.text(lang).to_owned(),
            ParseError::ChecksumMismatch => T::ErrChecksumMismatch.text(lang).to_owned(),
            ParseError::Schema { kind: k, index, id, path, detail } => fill(
                T::ErrSchema.text(lang),
                &[("kind", &kind(k)), ("n", &(index + 1)), ("id", id), ("path", path), ("detail", detail)],
            ),
            ParseError::DuplicateId { kind: k, id } => {
                fill(T::ErrDuplicateId.text(lang), &[("kind", &kind(&Some(*k))), ("id", id)])
            }
            ParseError::NeedsPassphrase => T::ErrNeedsPassphrase.text(lang).to_owned(),
            ParseError::WrongPassphrase => T::ErrWrongPassphrase.text(lang).to_owned(),
            ParseError::Encryption(what) => fill(T::ErrEncryption.text(lang), &[("what", what)]),
            ParseError::DanglingReference { kind: k, id, field, missing } => fill(
                T::ErrDanglingReference.text(lang),
                &[("kind", &kind(&Some(*k))), ("id", id), ("field", field), ("missing", missing)],
            ),
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
    pub(super) fn check_duplicates(&self) -> Result<(), ParseError> {
        fn dup<B: Body>(records: &[Record<B>]) -> Result<(), ParseError> {
            let mut seen = HashSet::with_capacity(records.len());
            for r in records {
                if !seen.insert(r.meta.id) {
                    return Err(ParseError::DuplicateId { kind: B::KIND, id: r.meta.id });
                }
            }
            Ok(())
        }
        dup(&self.records.terms)?;
        dup(&self.records.targets)?;
        dup(&self.records.rounds)?;
        dup(&self.records.groups)?;
        dup(&self.records.inspections)?;
        dup(&self.records.problems)?;
        dup(&self.records.rectifications)?;
        dup(&self.records.clues)?;
        dup(&self.records.recommendations)?;
        dup(&self.records.questionnaires)?;
        dup(&self.records.responses)?;
        dup(&self.records.paper_batches)
    }

    /// Every reference of a live record must point to a record in the file or in
    /// `local` (the ids the database holds, by kind).
    pub fn check_references(&self, local: &dyn Fn(Kind, Id) -> bool) -> Result<(), ParseError> {
        let r = &self.records;
        let ids = |kind: Kind| -> HashSet<Id> {
            match kind {
                Kind::Term => r.terms.iter().map(|x| x.meta.id).collect(),
                Kind::Target => r.targets.iter().map(|x| x.meta.id).collect(),
                Kind::Round => r.rounds.iter().map(|x| x.meta.id).collect(),
                Kind::Group => r.groups.iter().map(|x| x.meta.id).collect(),
                Kind::Inspection => r.inspections.iter().map(|x| x.meta.id).collect(),
                Kind::Problem => r.problems.iter().map(|x| x.meta.id).collect(),
                Kind::Rectification => r.rectifications.iter().map(|x| x.meta.id).collect(),
                Kind::Clue => r.clues.iter().map(|x| x.meta.id).collect(),
                Kind::Recommendation => r.recommendations.iter().map(|x| x.meta.id).collect(),
                Kind::Questionnaire => r.questionnaires.iter().map(|x| x.meta.id).collect(),
                Kind::Response => r.responses.iter().map(|x| x.meta.id).collect(),
                Kind::PaperBatch => r.paper_batches.iter().map(|x| x.meta.id).collect(),
            }
        };
        let (terms, targets, rounds, groups) = (ids(Kind::Term), ids(Kind::Target), ids(Kind::Round), ids(Kind::Group));
        let known = |set: &HashSet<Id>, kind: Kind, id: Id| set.contains(&id) || local(kind, id);
        let dangling = |kind, id, field, missing| Err(ParseError::DanglingReference { kind, id, field, missing });
        for t in r.targets.iter().filter(|t| t.is_live()) {
            if let Some(w) = t.data.township {
                if !known(&targets, Kind::Target, w) {
                    return dangling(Kind::Target, t.meta.id, "township", w);
                }
            }
        }
        for x in r.rounds.iter().filter(|x| x.is_live()) {
            if !known(&terms, Kind::Term, x.data.term) {
                return dangling(Kind::Round, x.meta.id, "term", x.data.term);
            }
        }
        for g in r.groups.iter().filter(|g| g.is_live()) {
            if !known(&rounds, Kind::Round, g.data.round) {
                return dangling(Kind::Group, g.meta.id, "round", g.data.round);
            }
        }
        for i in r.inspections.iter().filter(|i| i.is_live()) {
            for (field, kind, set, id) in [
                ("round", Kind::Round, &rounds, i.data.round),
                ("group", Kind::Group, &groups, i.data.group),
                ("target", Kind::Target, &targets, i.data.target),
            ] {
                if !known(set, kind, id) {
                    return dangling(Kind::Inspection, i.meta.id, field, id);
                }
            }
        }
        let problems = ids(Kind::Problem);
        for p in r.problems.iter().filter(|p| p.is_live()) {
            for (field, kind, set, id) in
                [("round", Kind::Round, &rounds, p.data.round), ("target", Kind::Target, &targets, p.data.target)]
            {
                if !known(set, kind, id) {
                    return dangling(Kind::Problem, p.meta.id, field, id);
                }
            }
        }
        for x in r.rectifications.iter().filter(|x| x.is_live()) {
            if !known(&problems, Kind::Problem, x.data.problem) {
                return dangling(Kind::Rectification, x.meta.id, "problem", x.data.problem);
            }
        }
        for c in r.clues.iter().filter(|c| c.is_live()) {
            for (field, kind, set, id) in
                [("round", Kind::Round, &rounds, c.data.round), ("target", Kind::Target, &targets, c.data.target)]
            {
                if !known(set, kind, id) {
                    return dangling(Kind::Clue, c.meta.id, field, id);
                }
            }
        }
        for l in r.recommendations.iter().filter(|l| l.is_live()) {
            if !known(&rounds, Kind::Round, l.data.round) {
                return dangling(Kind::Recommendation, l.meta.id, "round", l.data.round);
            }
            if let Some(p) = l.data.problems.iter().find(|p| !known(&problems, Kind::Problem, **p)) {
                return dangling(Kind::Recommendation, l.meta.id, "problems", *p);
            }
        }
        for q in r.questionnaires.iter().filter(|q| q.is_live()) {
            if let Some(round) = q.data.round.filter(|x| !known(&rounds, Kind::Round, *x)) {
                return dangling(Kind::Questionnaire, q.meta.id, "round", round);
            }
            let mut targets_of = q.data.target.into_iter().chain(q.data.handed_out.iter().filter_map(|h| h.target));
            if let Some(t) = targets_of.find(|t| !known(&targets, Kind::Target, *t)) {
                return dangling(Kind::Questionnaire, q.meta.id, "target", t);
            }
        }
        let questionnaires = ids(Kind::Questionnaire);
        let answered = r
            .responses
            .iter()
            .filter(|x| x.is_live())
            .map(|x| (Kind::Response, x.meta.id, x.data.questionnaire, x.data.target))
            .chain(
                r.paper_batches
                    .iter()
                    .filter(|x| x.is_live())
                    .map(|x| (Kind::PaperBatch, x.meta.id, x.data.questionnaire, x.data.target)),
            );
        for (kind, id, questionnaire, target) in answered {
            if !known(&questionnaires, Kind::Questionnaire, questionnaire) {
                return dangling(kind, id, "questionnaire", questionnaire);
            }
            if let Some(t) = target.filter(|t| !known(&targets, Kind::Target, *t)) {
                return dangling(kind, id, "target", t);
            }
        }
        Ok(())
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
