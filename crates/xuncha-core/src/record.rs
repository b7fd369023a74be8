//! The envelope around every kind of record, and the closed list of record kinds.

use crate::meta::Meta;
use crate::schema::keys;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::fmt::Debug;

/// A stored record: the envelope (`meta`) and the content (`data`) kept apart, so
/// merge and storage code can treat every kind alike.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record<T> {
    pub meta: Meta,
    pub data: T,
}

impl<T> Record<T> {
    pub fn is_live(&self) -> bool {
        !self.meta.deleted
    }
}

/// Every kind of synchronised record. Settings are per-PC and not records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Term,
    Target,
    Round,
    Group,
    Inspection,
    Problem,
    Rectification,
    Clue,
    Recommendation,
    Questionnaire,
    Response,
    PaperBatch,
}

impl Kind {
    pub const ALL: [Kind; 12] = [
        Kind::Term,
        Kind::Target,
        Kind::Round,
        Kind::Group,
        Kind::Inspection,
        Kind::Problem,
        Kind::Rectification,
        Kind::Clue,
        Kind::Recommendation,
        Kind::Questionnaire,
        Kind::Response,
        Kind::PaperBatch,
    ];

    /// The object store that holds this kind.
    pub fn store_name(self) -> &'static str {
        match self {
            Kind::Term => keys::TERMS,
            Kind::Target => keys::TARGETS,
            Kind::Round => keys::ROUNDS,
            Kind::Group => keys::GROUPS,
            Kind::Inspection => keys::INSPECTIONS,
            Kind::Problem => keys::PROBLEMS,
            Kind::Rectification => keys::RECTIFICATIONS,
            Kind::Clue => keys::CLUES,
            Kind::Recommendation => keys::RECOMMENDATIONS,
            Kind::Questionnaire => keys::QUESTIONNAIRES,
            Kind::Response => keys::RESPONSES,
            Kind::PaperBatch => keys::PAPER_BATCHES,
        }
    }
}

/// The content of one kind of record.
pub trait Body: Serialize + DeserializeOwned + Clone + PartialEq + Debug + 'static {
    const KIND: Kind;
    fn into_any(record: Record<Self>) -> AnyRecord;
    /// This kind's list in a set of records of every kind.
    fn list_of(records: &mut crate::exchange::format::Records) -> &mut Vec<Record<Self>>;
}

/// Work on one kind's records when the kind is known only at run time:
/// `kind.visit(v)` calls `v.visit::<B>()` with that kind's body type.
pub trait KindVisitor {
    type Out;
    fn visit<B: Body>(self) -> Self::Out;
}

macro_rules! any_record {
    ($($kind:ident => $ty:ty, $list:ident),* $(,)?) => {
        /// A record of any kind, for writes that span several stores in one transaction.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub enum AnyRecord {
            $($kind(Record<$ty>)),*
        }

        impl AnyRecord {
            pub fn kind(&self) -> Kind {
                match self { $(AnyRecord::$kind(_) => Kind::$kind),* }
            }

            pub fn meta(&self) -> &Meta {
                match self { $(AnyRecord::$kind(r) => &r.meta),* }
            }

            /// Reads a record of `kind` from JSON (an archived version, for instance).
            pub fn from_json(kind: Kind, value: serde_json::Value) -> Result<AnyRecord, serde_json::Error> {
                Ok(match kind { $(Kind::$kind => AnyRecord::$kind(serde_json::from_value(value)?)),* })
            }

            /// The record's name as people know it, for lists of mixed records.
            pub fn title(&self) -> String {
                let data = self.data_json();
                ["name", "description", "summary", "addressee", "measures", "title"]
                    .iter()
                    .find_map(|field| data.get(*field).and_then(|n| n.as_str()))
                    .map(|text| text.chars().take(40).collect())
                    .unwrap_or_else(|| self.meta().id.to_string())
            }

            /// The same record with another envelope.
            pub fn with_meta(self, meta: Meta) -> AnyRecord {
                match self { $(AnyRecord::$kind(r) => AnyRecord::$kind(Record { meta, data: r.data })),* }
            }

            /// The content alone as JSON, for showing two versions side by side.
            pub fn data_json(&self) -> serde_json::Value {
                match self { $(AnyRecord::$kind(r) => serde_json::to_value(&r.data).unwrap_or_default()),* }
            }

            /// The record as a JSON value, the form both stores understand.
            pub fn to_json(&self) -> Result<serde_json::Value, serde_json::Error> {
                match self { $(AnyRecord::$kind(r) => serde_json::to_value(r)),* }
            }

            /// Appends the record's compact JSON text to `out`.
            pub fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
                match self { $(AnyRecord::$kind(r) => serde_json::to_writer(&mut *out, r)),* }
            }
        }

        impl Kind {
            pub fn visit<V: KindVisitor>(self, visitor: V) -> V::Out {
                match self { $(Kind::$kind => visitor.visit::<$ty>()),* }
            }
        }

        $(impl Body for $ty {
            const KIND: Kind = Kind::$kind;
            fn into_any(record: Record<Self>) -> AnyRecord {
                AnyRecord::$kind(record)
            }
            fn list_of(records: &mut crate::exchange::format::Records) -> &mut Vec<Record<Self>> {
                &mut records.$list
            }
        })*
    };
}

any_record! {
    Term => crate::term::Term, terms,
    Target => crate::target::Target, targets,
    Round => crate::round::Round, rounds,
    Group => crate::group::Group, groups,
    Inspection => crate::inspection::Inspection, inspections,
    Problem => crate::problem::Problem, problems,
    Rectification => crate::rectification::Rectification, rectifications,
    Clue => crate::clue::Clue, clues,
    Recommendation => crate::recommendation::Recommendation, recommendations,
    Questionnaire => crate::questionnaire::Questionnaire, questionnaires,
    Response => crate::response::Response, responses,
    PaperBatch => crate::response::PaperBatch, paper_batches,
}
