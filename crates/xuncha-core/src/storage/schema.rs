//! The IndexedDB layout as data: store names, indexes and the ordered list of
//! one-step migrations. The app interprets the steps; tests check the list.

/// Every object-store and index name, in one place.
pub mod keys {
    pub const DB_NAME: &str = "xuncha";
    pub const SETTINGS: &str = "settings";
    pub const TERMS: &str = "terms";
    pub const TARGETS: &str = "targets";
    pub const ROUNDS: &str = "rounds";
    pub const GROUPS: &str = "groups";
    pub const INSPECTIONS: &str = "inspections";
    pub const ARCHIVE: &str = "conflict_archive";
    pub const PROBLEMS: &str = "problems";
    pub const RECTIFICATIONS: &str = "rectifications";
    pub const CLUES: &str = "clues";
    pub const RECOMMENDATIONS: &str = "recommendations";
    pub const QUESTIONNAIRES: &str = "questionnaires";
    pub const RESPONSES: &str = "responses";
    pub const PAPER_BATCHES: &str = "paper_batches";
    pub const PLANS: &str = "plans";
    /// 人才库: a kind made after records moved to pages, so never a store of its own.
    pub const PERSONS: &str = "persons";
    /// 成果运用, likewise only ever in pages.
    pub const OUTCOMES: &str = "outcomes";
    /// Every kind's records, in pages (`storage::pages`), from step 8 on.
    pub const PAGES: &str = "pages";

    pub const BY_TOWNSHIP: &str = "by_township";
    pub const BY_TERM: &str = "by_term";
    pub const BY_ROUND: &str = "by_round";
    pub const BY_TARGET: &str = "by_target";
    pub const BY_GROUP: &str = "by_group";
    pub const BY_RECORD: &str = "by_record";
    pub const BY_PROBLEM: &str = "by_problem";
    pub const BY_QUESTIONNAIRE: &str = "by_questionnaire";
    /// Tombstones only: live records carry no `idx.gone`, so adding them costs this
    /// index nothing, and live = all − gone.
    pub const GONE: &str = "gone";
    /// Rectifications not yet closed, by deadline.
    pub const OPEN_DEADLINE: &str = "open_deadline";

    /// The settings entry where the IndexedDB backend keeps how many live records
    /// each store holds, updated in the transaction of every write: IndexedDB's own
    /// `count()` walks every record (0.3 s for a county's 126,000 at opening).
    pub const LIVE_COUNTS: &str = "live_counts";
    /// Setting: open rectifications per deadline, kept with every write.
    pub const OPEN_DEADLINES: &str = "open_deadlines";
    /// Setting: a counter per kind that every write of the kind moves on.
    pub const PAGE_STAMPS: &str = "page_stamps";

    /// Where the IndexedDB backend keeps `IndexFields` beside a record.
    pub const INDEX_FIELDS: &str = "idx";

    /// Records are keyed by their id inside the envelope.
    pub const RECORD_KEY_PATH: &str = "meta.id";
}

/// One schema change. Data rewrites get their own op when needed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SchemaOp {
    /// A store keyed by `key_path`, or by explicit keys when `None`.
    CreateStore {
        store: &'static str,
        key_path: Option<&'static str>,
    },
    CreateIndex {
        store: &'static str,
        index: &'static str,
        key_path: &'static str,
    },
    /// Writes `IndexFields` into every record already in `store`, for indexes
    /// created on them in the same step.
    WriteIndexFields {
        store: &'static str,
    },
    /// Drops an index that no lookup needs any more: every index is one more
    /// write per record on every import.
    DeleteIndex {
        store: &'static str,
        index: &'static str,
    },
    /// Moves every record of `store` into pages of the `PAGES` store and drops
    /// `store` with its indexes.
    MoveToPages {
        store: &'static str,
    },
}

/// Everything that moves the database from `version - 1` to `version`.
#[derive(Clone, Copy, Debug)]
pub struct Step {
    pub version: u32,
    pub ops: &'static [SchemaOp],
}

use crate::date::Day;
use crate::exchange::format::Records;
use crate::record::{AnyRecord, Body, Kind, KindVisitor, Record};
use keys::*;
use serde::Serialize;
use SchemaOp::{CreateIndex, CreateStore, DeleteIndex, MoveToPages, WriteIndexFields};

/// What a stored record carries only so that an index can count it without the
/// record being read: a key that is absent leaves the record out of that index.
/// Derived from the record on every write; reading a record ignores it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct IndexFields {
    /// `1` on a tombstone (IndexedDB cannot index a boolean). Only the few
    /// tombstones carry it: an index entry per live record would make every
    /// import write one more entry per record.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gone: Option<u8>,
    /// The deadline of a live rectification that is not closed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub open_deadline: Option<Day>,
}

impl IndexFields {
    pub fn of(record: &AnyRecord) -> IndexFields {
        let live = !record.meta().deleted;
        let open_deadline = match record {
            AnyRecord::Rectification(r) if live && r.data.status != crate::rectification::RectStatus::Closed => {
                Some(r.data.deadline)
            }
            _ => None,
        };
        IndexFields { gone: (!live).then_some(1), open_deadline }
    }

    /// Nothing to index: most records, which then carry no `idx` at all.
    pub fn is_empty(&self) -> bool {
        *self == IndexFields::default()
    }
}

/// Reads a JSON array of stored records of `kind` (a page's text) into `into`. Not generic, so that this decoding is built with the core, for speed.
pub fn read_stored_list(kind: Kind, text: &str, into: &mut Records) -> serde_json::Result<()> {
    struct Read<'a> {
        text: &'a str,
        into: &'a mut Records,
    }
    impl KindVisitor for Read<'_> {
        type Out = serde_json::Result<()>;
        fn visit<B: Body>(self) -> serde_json::Result<()> {
            B::list_of(self.into).extend(serde_json::from_str::<Vec<Record<B>>>(self.text)?);
            Ok(())
        }
    }
    kind.visit(Read { text, into })
}

/// All migrations, oldest first. Append new steps; never edit a released one.
pub const STEPS: &[Step] = &[
    Step {
        version: 1,
        ops: &[
            CreateStore { store: SETTINGS, key_path: None },
            CreateStore { store: TERMS, key_path: Some(RECORD_KEY_PATH) },
            CreateStore { store: TARGETS, key_path: Some(RECORD_KEY_PATH) },
            CreateIndex { store: TARGETS, index: BY_TOWNSHIP, key_path: "data.township" },
            CreateStore { store: ROUNDS, key_path: Some(RECORD_KEY_PATH) },
            CreateIndex { store: ROUNDS, index: BY_TERM, key_path: "data.term" },
            CreateStore { store: GROUPS, key_path: Some(RECORD_KEY_PATH) },
            CreateIndex { store: GROUPS, index: BY_ROUND, key_path: "data.round" },
            CreateStore { store: INSPECTIONS, key_path: Some(RECORD_KEY_PATH) },
            CreateIndex { store: INSPECTIONS, index: BY_ROUND, key_path: "data.round" },
            CreateIndex { store: INSPECTIONS, index: BY_TARGET, key_path: "data.target" },
            CreateIndex { store: INSPECTIONS, index: BY_GROUP, key_path: "data.group" },
        ],
    },
    // The conflict archive: versions that lost a conflict on import.
    Step {
        version: 2,
        ops: &[
            CreateStore { store: ARCHIVE, key_path: Some("id") },
            CreateIndex { store: ARCHIVE, index: BY_RECORD, key_path: "record_id" },
        ],
    },
    // The ledgers: problems, rectifications, clues and recommendation letters.
    Step {
        version: 3,
        ops: &[
            CreateStore { store: PROBLEMS, key_path: Some(RECORD_KEY_PATH) },
            CreateIndex { store: PROBLEMS, index: BY_ROUND, key_path: "data.round" },
            CreateIndex { store: PROBLEMS, index: BY_TARGET, key_path: "data.target" },
            CreateStore { store: RECTIFICATIONS, key_path: Some(RECORD_KEY_PATH) },
            CreateIndex { store: RECTIFICATIONS, index: BY_PROBLEM, key_path: "data.problem" },
            CreateStore { store: CLUES, key_path: Some(RECORD_KEY_PATH) },
            CreateIndex { store: CLUES, index: BY_ROUND, key_path: "data.round" },
            CreateIndex { store: CLUES, index: BY_TARGET, key_path: "data.target" },
            CreateStore { store: RECOMMENDATIONS, key_path: Some(RECORD_KEY_PATH) },
            CreateIndex { store: RECOMMENDATIONS, index: BY_ROUND, key_path: "data.round" },
        ],
    },
    Step {
        version: 4,
        ops: &[
            CreateStore { store: QUESTIONNAIRES, key_path: Some(RECORD_KEY_PATH) },
            CreateStore { store: RESPONSES, key_path: Some(RECORD_KEY_PATH) },
            CreateIndex { store: RESPONSES, index: BY_QUESTIONNAIRE, key_path: "data.questionnaire" },
            CreateStore { store: PAPER_BATCHES, key_path: Some(RECORD_KEY_PATH) },
            CreateIndex { store: PAPER_BATCHES, index: BY_QUESTIONNAIRE, key_path: "data.questionnaire" },
        ],
    },
    // Counting without reading, so the first page shows its figures before the long
    // lists are loaded: tombstones of every kind, open rectifications by deadline.
    Step {
        version: 5,
        ops: &[
            CreateIndex { store: TERMS, index: GONE, key_path: "idx.gone" },
            CreateIndex { store: TARGETS, index: GONE, key_path: "idx.gone" },
            CreateIndex { store: ROUNDS, index: GONE, key_path: "idx.gone" },
            CreateIndex { store: GROUPS, index: GONE, key_path: "idx.gone" },
            CreateIndex { store: INSPECTIONS, index: GONE, key_path: "idx.gone" },
            CreateIndex { store: PROBLEMS, index: GONE, key_path: "idx.gone" },
            CreateIndex { store: RECTIFICATIONS, index: GONE, key_path: "idx.gone" },
            CreateIndex { store: RECTIFICATIONS, index: OPEN_DEADLINE, key_path: "idx.open_deadline" },
            CreateIndex { store: CLUES, index: GONE, key_path: "idx.gone" },
            CreateIndex { store: RECOMMENDATIONS, index: GONE, key_path: "idx.gone" },
            CreateIndex { store: QUESTIONNAIRES, index: GONE, key_path: "idx.gone" },
            CreateIndex { store: RESPONSES, index: GONE, key_path: "idx.gone" },
            CreateIndex { store: PAPER_BATCHES, index: GONE, key_path: "idx.gone" },
            WriteIndexFields { store: TERMS },
            WriteIndexFields { store: TARGETS },
            WriteIndexFields { store: ROUNDS },
            WriteIndexFields { store: GROUPS },
            WriteIndexFields { store: INSPECTIONS },
            WriteIndexFields { store: PROBLEMS },
            WriteIndexFields { store: RECTIFICATIONS },
            WriteIndexFields { store: CLUES },
            WriteIndexFields { store: RECOMMENDATIONS },
            WriteIndexFields { store: QUESTIONNAIRES },
            WriteIndexFields { store: RESPONSES },
            WriteIndexFields { store: PAPER_BATCHES },
        ],
    },
    // Problems and clues are looked up by round (an inspection is a round and a
    // target), never by target alone, and an index over every record costs each
    // import of a county's ledgers about a tenth of its writing time.
    Step {
        version: 6,
        ops: &[DeleteIndex { store: PROBLEMS, index: BY_TARGET }, DeleteIndex { store: CLUES, index: BY_TARGET }],
    },
    // 巡察计划: a county's few plans, read whole; only tombstones are indexed.
    Step {
        version: 7,
        ops: &[
            CreateStore { store: PLANS, key_path: Some(RECORD_KEY_PATH) },
            CreateIndex { store: PLANS, index: GONE, key_path: "idx.gone" },
        ],
    },
    // Records in pages of a few hundred (`storage::pages`): IndexedDB's cost is per
    // request, so an import writes a few hundred values instead of a value a record.
    Step {
        version: 8,
        ops: &[
            CreateStore { store: PAGES, key_path: None },
            MoveToPages { store: TERMS },
            MoveToPages { store: TARGETS },
            MoveToPages { store: ROUNDS },
            MoveToPages { store: GROUPS },
            MoveToPages { store: INSPECTIONS },
            MoveToPages { store: PROBLEMS },
            MoveToPages { store: RECTIFICATIONS },
            MoveToPages { store: CLUES },
            MoveToPages { store: RECOMMENDATIONS },
            MoveToPages { store: QUESTIONNAIRES },
            MoveToPages { store: RESPONSES },
            MoveToPages { store: PAPER_BATCHES },
            MoveToPages { store: PLANS },
        ],
    },
];

/// The lookups `Store::by_index` answers: (store, index, the field it looks at).
/// Each field is one of the record's references (`Model::references`).
pub const RECORD_INDEXES: &[(&str, &str, &str)] = &[
    (TARGETS, BY_TOWNSHIP, "data.township"),
    (ROUNDS, BY_TERM, "data.term"),
    (GROUPS, BY_ROUND, "data.round"),
    (INSPECTIONS, BY_ROUND, "data.round"),
    (INSPECTIONS, BY_TARGET, "data.target"),
    (INSPECTIONS, BY_GROUP, "data.group"),
    (PROBLEMS, BY_ROUND, "data.round"),
    (RECTIFICATIONS, BY_PROBLEM, "data.problem"),
    (CLUES, BY_ROUND, "data.round"),
    (RECOMMENDATIONS, BY_ROUND, "data.round"),
    (RESPONSES, BY_QUESTIONNAIRE, "data.questionnaire"),
    (PAPER_BATCHES, BY_QUESTIONNAIRE, "data.questionnaire"),
];

/// The (index, key) pairs `record` is found under.
pub fn index_keys(record: &AnyRecord) -> Vec<(&'static str, crate::id::Id)> {
    index_keys_of(record.kind(), &record.references())
}

/// The (index, key) pairs a record of `kind` with `references` is found under.
pub fn index_keys_of(kind: Kind, references: &[crate::record::Reference]) -> Vec<(&'static str, crate::id::Id)> {
    let store = kind.store_name();
    RECORD_INDEXES
        .iter()
        .filter(|(s, _, _)| *s == store)
        .filter_map(|(_, index, path)| {
            let field = path.strip_prefix("data.")?;
            references.iter().find(|r| r.field == field).map(|r| (*index, r.id))
        })
        .collect()
}

/// The version the code expects the database to be at.
pub const CURRENT_VERSION: u32 = STEPS.len() as u32;

/// The steps that upgrade a database at `old` to the current version.
pub fn steps_after(old: u32) -> impl Iterator<Item = &'static Step> {
    STEPS.iter().filter(move |s| s.version > old)
}

/// The layout reached by applying the steps up to `version`:
/// (store, key path, [(index, key path)]).
pub type StoreLayout = (&'static str, Option<&'static str>, Vec<(&'static str, &'static str)>);

pub fn layout_at(version: u32) -> Vec<StoreLayout> {
    let mut stores: Vec<StoreLayout> = Vec::new();
    for step in STEPS.iter().filter(|s| s.version <= version) {
        for op in step.ops {
            match *op {
                CreateStore { store, key_path } => stores.push((store, key_path, Vec::new())),
                CreateIndex { store, index, key_path } => {
                    if let Some(s) = stores.iter_mut().find(|s| s.0 == store) {
                        s.2.push((index, key_path));
                    }
                }
                DeleteIndex { store, index } => {
                    if let Some(s) = stores.iter_mut().find(|s| s.0 == store) {
                        s.2.retain(|i| i.0 != index);
                    }
                }
                MoveToPages { store } => stores.retain(|s| s.0 != store),
                WriteIndexFields { .. } => {}
            }
        }
    }
    stores
}

/// The field `index` on `store` looks at.
pub fn index_key_path(store: &str, index: &str) -> Option<&'static str> {
    RECORD_INDEXES.iter().find(|(s, i, _)| *s == store && *i == index).map(|(_, _, path)| *path)
}

#[cfg(test)]
#[path = "schema_tests.rs"]
mod tests;
