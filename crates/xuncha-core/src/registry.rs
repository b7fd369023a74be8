//! The one list of record kinds. Everything that differs by kind is derived from
//! it: `Kind`, `AnyRecord`, the `Records` of a file, store names, labels and the
//! `Body` of each model. Adding a kind is one line here; a kind whose model lacks
//! `Model`, whose store has no key or whose label is missing does not compile.

use crate::i18n::{Label, T};
use crate::meta::Meta;
use crate::record::{Body, KindVisitor, Record};
use crate::schema::keys;
use serde::{Deserialize, Serialize};

/// Calls `$m!` with the list of kinds, in the order files, stores and screens
/// list them: `Variant => body type, list field, store key, label key;`. A macro
/// that needs to write something for every kind takes it from here.
#[macro_export]
macro_rules! for_each_kind {
    ($m:ident) => {
        $m! {
            Term => $crate::register::term::Term, terms, TERMS, KindTerm;
            Target => $crate::register::target::Target, targets, TARGETS, KindTarget;
            Round => $crate::register::round::Round, rounds, ROUNDS, KindRound;
            Group => $crate::register::group::Group, groups, GROUPS, KindGroup;
            Inspection => $crate::register::inspection::Inspection, inspections, INSPECTIONS, KindInspection;
            Problem => $crate::ledger::problem::Problem, problems, PROBLEMS, KindProblem;
            Rectification => $crate::ledger::rectification::Rectification, rectifications, RECTIFICATIONS, KindRectification;
            Clue => $crate::ledger::clue::Clue, clues, CLUES, KindClue;
            Recommendation => $crate::ledger::recommendation::Recommendation, recommendations, RECOMMENDATIONS, KindRecommendation;
            Questionnaire => $crate::survey::questionnaire::Questionnaire, questionnaires, QUESTIONNAIRES, KindQuestionnaire;
            Response => $crate::survey::response::Response, responses, RESPONSES, KindResponse;
            PaperBatch => $crate::survey::response::PaperBatch, paper_batches, PAPER_BATCHES, KindPaperBatch;
            Plan => $crate::register::plan::Plan, plans, PLANS, KindPlan;
            Person => $crate::register::person::Person, persons, PERSONS, KindPerson;
            Outcome => $crate::ledger::outcome::Outcome, outcomes, OUTCOMES, KindOutcome;
        }
    };
}

macro_rules! count {
    () => { 0 };
    ($head:ident $($tail:ident)*) => { 1 + count!($($tail)*) };
}

macro_rules! define_kinds {
    ($($kind:ident => $ty:ty, $list:ident, $store:ident, $label:ident;)*) => {
        /// Every kind of synchronised record. Settings are per-PC and not records.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Kind {
            $($kind),*
        }

        impl Kind {
            pub const ALL: [Kind; count!($($kind)*)] = [$(Kind::$kind),*];

            /// The object store that holds this kind.
            pub fn store_name(self) -> &'static str {
                match self { $(Kind::$kind => keys::$store),* }
            }

            /// Runs `visitor` with this kind's body type.
            pub fn visit<V: KindVisitor>(self, visitor: V) -> V::Out {
                match self { $(Kind::$kind => visitor.visit::<$ty>()),* }
            }
        }

        impl Label for Kind {
            fn label(self) -> T {
                match self { $(Kind::$kind => T::$label),* }
            }
        }

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

            fn own_title(
                &self,
                lang: crate::i18n::Lang,
                name_of: &dyn Fn(Kind, crate::id::Id) -> Option<String>,
            ) -> Option<String> {
                match self { $(AnyRecord::$kind(r) => crate::record::Model::title(&r.data, lang, name_of)),* }
            }

            /// The records this one refers to.
            pub fn references(&self) -> Vec<crate::record::Reference> {
                match self { $(AnyRecord::$kind(r) => crate::record::Model::references(&r.data)),* }
            }

            /// Recomputes what follows from other fields (`Model::settle`).
            pub fn settle(&mut self) {
                match self { $(AnyRecord::$kind(r) => crate::record::Model::settle(&mut r.data)),* }
            }

            /// This version and `incoming` (of the same record) merged field by field;
            /// `None` when they are of different kinds.
            pub fn merge_fields(&self, incoming: &AnyRecord) -> Option<crate::exchange::fields::FieldMerge> {
                match (self, incoming) {
                    $((AnyRecord::$kind(l), AnyRecord::$kind(r)) => Some(crate::exchange::fields::merge(l, r)),)*
                    _ => None,
                }
            }

            /// The merged record, `choose` answering each conflicting field (see
            /// `exchange::fields::settle`); `None` when the kinds differ.
            pub fn settle_fields(
                &self,
                incoming: &AnyRecord,
                merged: &crate::exchange::fields::FieldMerge,
                choose: &dyn Fn(&str) -> crate::exchange::fields::Side,
                office: crate::id::Id,
                now: crate::meta::Timestamp,
            ) -> Option<Result<AnyRecord, serde_json::Error>> {
                use crate::exchange::fields::settle;
                match (self, incoming) {
                    $((AnyRecord::$kind(l), AnyRecord::$kind(r)) => {
                        Some(settle(l, r, merged, choose, office, now).map(AnyRecord::$kind))
                    })*
                    _ => None,
                }
            }
        }

        /// Records of every kind, a list per kind: the records of a file, or the
        /// live records the screens show.
        #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
        pub struct Records {
            $(#[serde(default)] pub $list: Vec<Record<$ty>>,)*
        }

        impl Records {
            /// How many records of `kind`.
            pub fn count(&self, kind: Kind) -> usize {
                match kind { $(Kind::$kind => self.$list.len()),* }
            }

            /// Puts a record into its kind's list.
            pub fn push(&mut self, record: AnyRecord) {
                match record { $(AnyRecord::$kind(r) => self.$list.push(r)),* }
            }

            /// Every record, kind by kind in registry order.
            pub fn into_any(self) -> impl Iterator<Item = AnyRecord> {
                std::iter::empty()$(.chain(self.$list.into_iter().map(AnyRecord::$kind)))*
            }
        }

        /// Records of every kind collected once each, by id, in id order.
        #[derive(Clone, Debug, Default, PartialEq, Eq)]
        pub struct RecordsById {
            $(pub $list: std::collections::BTreeMap<crate::id::Id, Record<$ty>>,)*
        }

        impl RecordsById {
            pub fn into_records(self) -> Records {
                Records { $($list: self.$list.into_values().collect()),* }
            }
        }

        $(impl Body for $ty {
            const KIND: Kind = Kind::$kind;
            fn into_any(record: Record<Self>) -> AnyRecord {
                AnyRecord::$kind(record)
            }
            fn list(records: &Records) -> &Vec<Record<Self>> {
                &records.$list
            }
            fn list_of(records: &mut Records) -> &mut Vec<Record<Self>> {
                &mut records.$list
            }
        })*
    };
}

for_each_kind!(define_kinds);

impl AnyRecord {
    /// The record's name in words for lists of mixed records (conflicts, the
    /// archive): its own title when its kind makes one from the records it refers
    /// to (`name_of`), else its name or first words.
    pub fn title_in(&self, lang: crate::i18n::Lang, name_of: &dyn Fn(Kind, crate::id::Id) -> Option<String>) -> String {
        self.own_title(lang, name_of).unwrap_or_else(|| self.title())
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
}

impl Records {
    pub fn len(&self) -> usize {
        Kind::ALL.iter().map(|k| self.count(*k)).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Records of any kinds, each in its kind's list.
    pub fn from_any(records: impl IntoIterator<Item = AnyRecord>) -> Records {
        let mut out = Records::default();
        for r in records {
            out.push(r);
        }
        out
    }

    /// Runs `f` on every kind's list, as `KindVisitor`s do for one kind.
    pub fn each<V: ListVisitor>(&self, v: &mut V) {
        struct Each<'a, V>(&'a Records, &'a mut V);
        impl<V: ListVisitor> KindVisitor for Each<'_, V> {
            type Out = ();
            fn visit<B: Body>(self) {
                self.1.list(B::list(self.0));
            }
        }
        for kind in Kind::ALL {
            kind.visit(Each(self, v));
        }
    }
}

/// Work on every kind's list of a `Records` in turn (`records.each(&mut v)`).
pub trait ListVisitor {
    fn list<B: Body>(&mut self, records: &[Record<B>]);
}
