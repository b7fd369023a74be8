//! The envelope around every kind of record, and what each kind tells about itself
//! (the records it refers to, how its fields read), so that code written once for
//! all kinds needs no list of them. The list itself is `registry.rs`.

use crate::i18n::{Label, Lang, T};
use crate::id::Id;
use crate::meta::Meta;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt::Debug;

pub use crate::registry::{AnyRecord, Kind, Records};

/// A stored record: the envelope (`meta`) and the content (`data`) kept apart, so
/// merge and storage code can treat every kind alike.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(deserialize = "T: Deserialize<'de>"))]
pub struct Record<T> {
    #[serde(deserialize_with = "crate::validation::object")]
    pub meta: Meta,
    #[serde(deserialize_with = "crate::validation::object")]
    pub data: T,
}

impl<T> Record<T> {
    pub fn is_live(&self) -> bool {
        !self.meta.deleted
    }
}

/// The content of one kind of record. Implemented for every kind by the registry,
/// which is why a kind's model module only implements `Model`.
pub trait Body: Model + Serialize + DeserializeOwned + Clone + PartialEq + Debug + 'static {
    const KIND: Kind;
    fn into_any(record: Record<Self>) -> AnyRecord;
    /// This kind's list in a set of records of every kind.
    fn list(records: &Records) -> &Vec<Record<Self>>;
    fn list_of(records: &mut Records) -> &mut Vec<Record<Self>>;
}

/// What a kind's model says about itself. A kind in the registry without it does
/// not compile.
pub trait Model {
    /// The records this one refers to, in the order a check names them.
    fn references(&self) -> Vec<Reference>;
    /// How the field at `path` (a key, or `milestones.entry` inside an object) is
    /// named and read; `None` for a path the kind does not have.
    fn field(path: &str) -> Option<Field>;
    /// The record's name in words when it has no name of its own (a round, an
    /// inspection, a response), from the names of the records it refers to.
    fn title(&self, _lang: Lang, _name_of: &dyn Fn(Kind, Id) -> Option<String>) -> Option<String> {
        None
    }
    /// The first field longer than its limit, and the limit: the forms' rule,
    /// checked on imports as well.
    fn too_long(&self) -> Option<(&'static str, usize)> {
        None
    }
    /// For a field that both offices may add entries to (a step log): the union of
    /// both sides' entries, or `Err` when they cannot all stand. `None` for every
    /// other field, which merges by its dots.
    fn union(_path: &str, _local: &Value, _incoming: &Value) -> Option<Result<Value, ()>> {
        None
    }
    /// A field that follows from others (a rectification's status from its steps):
    /// never asked about in a merge, recomputed by `settle`.
    fn derived(_path: &str) -> bool {
        false
    }
    /// Recomputes the derived fields after a merge.
    fn settle(&mut self) {}
}

/// The leaves of a record's content with their paths: objects are opened into
/// `a.b` paths, lists and values stay whole. Field dots and the conflict table
/// name fields by these paths.
pub fn leaves(value: &Value) -> Vec<(String, Value)> {
    fn walk(prefix: &str, value: &Value, out: &mut Vec<(String, Value)>) {
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    let path = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                    walk(&path, v, out);
                }
            }
            other => out.push((prefix.to_owned(), other.clone())),
        }
    }
    let mut out = Vec::new();
    walk("", value, &mut out);
    out
}

/// `Some((field, max))` when `text` is longer than `max` characters.
pub fn over(field: &'static str, text: &str, max: usize) -> Option<(&'static str, usize)> {
    (text.chars().count() > max).then_some((field, max))
}

/// One reference from a record to another: the field that holds it, the kind it
/// points to and the id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reference {
    pub field: &'static str,
    pub kind: Kind,
    pub id: Id,
}

impl Reference {
    pub fn to(field: &'static str, kind: Kind, id: Id) -> Reference {
        Reference { field, kind, id }
    }

    /// The references of an optional field.
    pub fn maybe(field: &'static str, kind: Kind, id: Option<Id>) -> Option<Reference> {
        id.map(|id| Reference::to(field, kind, id))
    }
}

/// A field's catalogue name and how its value reads.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    pub label: T,
    pub show: Show,
}

/// Puts a structured value into words; the last argument names referenced records.
pub type Words = fn(&Value, Lang, &dyn Fn(Kind, Id) -> Option<String>) -> String;

/// How a field's JSON value is put into words.
#[derive(Clone, Copy, Debug)]
pub enum Show {
    /// Text, numbers and days as they are; a list joined by 、.
    Plain,
    /// true / false as 是 / 否.
    Flag,
    /// An enum code as its label.
    Choice(fn(&str) -> Option<T>),
    /// The id of a record of this kind, as the record's name.
    Ref(Kind),
    /// A list of ids of records of this kind, as their names.
    Refs(Kind),
    /// Structured content (a step log, questions, answers) in words.
    Words(Words),
}

impl Field {
    pub fn plain(label: T) -> Field {
        Field { label, show: Show::Plain }
    }

    pub fn flag(label: T) -> Field {
        Field { label, show: Show::Flag }
    }

    pub fn choice<E: DeserializeOwned + Label>(label: T) -> Field {
        Field { label, show: Show::Choice(enum_label::<E>) }
    }

    pub fn reference(label: T, kind: Kind) -> Field {
        Field { label, show: Show::Ref(kind) }
    }

    pub fn references(label: T, kind: Kind) -> Field {
        Field { label, show: Show::Refs(kind) }
    }

    pub fn words(label: T, show: Words) -> Field {
        Field { label, show: Show::Words(show) }
    }

    /// `value` in words; `name_of` gives the name of a referenced record.
    pub fn show(&self, value: &Value, lang: Lang, name_of: &dyn Fn(Kind, Id) -> Option<String>) -> String {
        let name = |kind: Kind, v: &Value| {
            let raw = plain(v);
            raw.parse::<Id>().ok().and_then(|id| name_of(kind, id)).unwrap_or(raw)
        };
        match self.show {
            Show::Plain => plain(value),
            Show::Flag => match value {
                Value::Bool(true) => T::Yes.text(lang).to_owned(),
                Value::Bool(false) => T::No.text(lang).to_owned(),
                other => plain(other),
            },
            Show::Choice(label) => match value {
                Value::Array(items) => join(items.iter().map(|v| choice_text(label, v, lang))),
                v => choice_text(label, v, lang),
            },
            Show::Ref(kind) => match value {
                Value::Null => String::new(),
                v => name(kind, v),
            },
            Show::Refs(kind) => match value {
                Value::Array(items) => join(items.iter().map(|v| name(kind, v))),
                v => name(kind, v),
            },
            Show::Words(words) => words(value, lang, name_of),
        }
    }
}

fn choice_text(label: fn(&str) -> Option<T>, value: &Value, lang: Lang) -> String {
    let raw = plain(value);
    label(&raw).map(|t| t.text(lang).to_owned()).unwrap_or(raw)
}

/// The label of an enum value given as its stored code.
pub fn enum_label<E: DeserializeOwned + Label>(raw: &str) -> Option<T> {
    serde_json::from_value::<E>(Value::String(raw.to_owned())).ok().map(Label::label)
}

/// A JSON value as plain text: strings without quotes, nothing for null, lists joined.
pub fn plain(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => join(items.iter().map(plain)),
        other => other.to_string(),
    }
}

/// Items joined the Chinese way.
pub fn join(items: impl Iterator<Item = String>) -> String {
    items.filter(|s| !s.is_empty()).collect::<Vec<_>>().join("、")
}

/// Work on one kind's records when the kind is known only at run time:
/// `kind.visit(v)` calls `v.visit::<B>()` with that kind's body type.
pub trait KindVisitor {
    type Out;
    fn visit<B: Body>(self) -> Self::Out;
}
