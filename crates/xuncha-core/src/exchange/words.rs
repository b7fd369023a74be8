//! The reader's refusals in the user's words: a field's path as the forms name it,
//! and what is wrong with it, never serde's own English.

use crate::i18n::{fill, Lang, T};
use crate::record::Kind;

/// A header field's path (`source.office_id`) in words.
pub(super) fn header_words(path: &str, lang: Lang) -> String {
    let key = match path.split('.').next().unwrap_or_default() {
        "app_version" => T::HeaderAppVersion,
        "exported_at" => T::HeaderExportedAt,
        "source" => T::HeaderSource,
        "kind" => T::HeaderKind,
        "records" => T::HeaderRecords,
        _ => return path.to_owned(),
    };
    key.text(lang).to_owned()
}

/// A field's path in a record (`data.start_year`) as the forms name it (开始年份).
pub fn path_words(kind: Option<Kind>, path: &str, lang: Lang) -> String {
    let own = kind.zip(path.strip_prefix("data.")).and_then(|(k, field)| super::conflict::field_of(k, field));
    let envelope = match path {
        "meta" => Some(T::MetaWhole),
        "data" | "" => Some(T::DataWhole),
        "meta.id" => Some(T::MetaId),
        "meta.created_at" => Some(T::MetaCreatedAt),
        "meta.updated_at" => Some(T::MetaUpdatedAt),
        "meta.origin_office" => Some(T::MetaOrigin),
        "meta.version" => Some(T::MetaVersion),
        "meta.deleted" => Some(T::FieldDeleted),
        _ => None,
    };
    match own.map(|f| f.label).or(envelope) {
        Some(label) => label.text(lang).to_owned(),
        None => path.to_owned(),
    }
}

/// What is wrong with a field, in the catalogue's words: the reader's own wording
/// (serde's, in English) never reaches a user. A value the file gave is quoted.
pub fn schema_words(detail: &str, lang: Lang) -> String {
    let quoted = detail.split('`').nth(1).unwrap_or_default();
    // The reader's words only: a value the file gave ("3 days") must not decide them.
    let bare = without_quoted(detail);
    let has = |words: &str| bare.contains(words);
    let (key, value) = if detail.starts_with("missing field") || detail == "missing" {
        (T::SchemaMissing, "")
    } else if detail.starts_with("unknown variant") || detail.starts_with("unknown field") {
        (T::SchemaUnknown, quoted)
    } else if has("uuid") {
        (T::SchemaNotId, "")
    } else if has("day") {
        (T::SchemaNotDay, "")
    } else if has("time") {
        (T::SchemaNotTime, "")
    } else if has("out of range") || (detail.starts_with("invalid value: integer") && expects_integer(detail)) {
        (T::SchemaOutOfRange, "")
    } else if detail.starts_with("invalid type") || detail.starts_with("not a") {
        (expected_type(detail), "")
    } else if detail.starts_with("invalid length") {
        (T::SchemaWrongLength, "")
    } else {
        (T::SchemaBadValue, "")
    };
    fill(key.text(lang), &[("value", &value)])
}

/// `detail` without what it quotes between backticks or double quotes.
fn without_quoted(detail: &str) -> String {
    let mut out = String::with_capacity(detail.len());
    let mut inside: Option<char> = None;
    for c in detail.chars() {
        match inside {
            Some(q) if c == q => inside = None,
            Some(_) => {}
            None if c == '`' || c == '"' => inside = Some(c),
            None => out.push(c),
        }
    }
    out
}

/// The part of a serde message after "expected" (`u32`, `a string`, `struct Source`).
fn expected_part(detail: &str) -> &str {
    detail
        .rsplit_once("expected ")
        .map(|(_, x)| x.trim_end_matches(|c: char| !c.is_ascii_alphanumeric()))
        .unwrap_or_default()
}

fn expects_integer(detail: &str) -> bool {
    let x = expected_part(detail);
    matches!(x, "u8" | "u16" | "u32" | "u64" | "i8" | "i16" | "i32" | "i64" | "usize" | "isize")
        || x.contains("integer")
}

/// What a field should have held, in words ("应为整数"), from what the reader expected.
fn expected_type(detail: &str) -> T {
    let x = expected_part(detail);
    if detail.starts_with("not a list") || x.contains("sequence") || x.contains("list") {
        T::SchemaExpectedList
    } else if detail.starts_with("not an object")
        || x.starts_with("struct")
        || x.contains("map")
        || x.contains("object")
    {
        T::SchemaExpectedObject
    } else if expects_integer(detail) || x.contains("number") {
        T::SchemaExpectedInteger
    } else if x.contains("string") || x.contains("str") {
        T::SchemaExpectedText
    } else if x.contains("bool") {
        T::SchemaExpectedBool
    } else {
        T::SchemaWrongType
    }
}
