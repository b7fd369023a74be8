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
use SchemaOp::{CreateIndex, CreateStore, DeleteIndex, WriteIndexFields};

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

/// Appends the JSON text of `record` as IndexedDB stores it: the record's own
/// fields and, when there are any, its `IndexFields` under `idx` (which reading
/// a record ignores). A record is a JSON object, so `idx` goes in before its
/// closing brace; written once per record on every import, hence no tree.
pub fn write_stored(record: &AnyRecord, out: &mut Vec<u8>) -> serde_json::Result<()> {
    let start = out.len();
    record.write_json(out)?;
    let idx = IndexFields::of(record);
    if idx.is_empty() {
        return Ok(());
    }
    if out.len() <= start || out.pop() != Some(b'}') {
        return Err(serde::ser::Error::custom("a record is not a JSON object"));
    }
    out.extend_from_slice(b",\"");
    out.extend_from_slice(keys::INDEX_FIELDS.as_bytes());
    out.extend_from_slice(b"\":");
    serde_json::to_writer(&mut *out, &idx)?;
    out.push(b'}');
    Ok(())
}

/// `write_stored` for a list of records: one JSON array, parsed by the browser in one go.
pub fn stored_list(records: &[&AnyRecord]) -> serde_json::Result<String> {
    let mut out = Vec::with_capacity(records.len() * 800);
    out.push(b'[');
    for (i, record) in records.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_stored(record, &mut out)?;
    }
    out.push(b']');
    String::from_utf8(out).map_err(serde::ser::Error::custom)
}

/// Reads a JSON array of stored records of `kind` (as `getAll` gives them) into
/// `into`. Not generic, so that this decoding is built with the core, for speed.
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
];

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
                WriteIndexFields { .. } => {}
            }
        }
    }
    stores
}

/// The key path of `index` on `store` in the current layout.
pub fn index_key_path(store: &str, index: &str) -> Option<&'static str> {
    layout_at(CURRENT_VERSION).into_iter().find(|s| s.0 == store)?.2.into_iter().find(|i| i.0 == index).map(|i| i.1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn steps_are_numbered_one_by_one_from_one() {
        for (i, step) in STEPS.iter().enumerate() {
            assert_eq!(step.version as usize, i + 1);
            assert!(!step.ops.is_empty(), "step {} does nothing", step.version);
        }
        assert_eq!(CURRENT_VERSION as usize, STEPS.len());
    }

    #[test]
    fn every_index_is_created_on_a_store_that_already_exists_and_deleted_only_after_it_was_made() {
        let mut stores = HashSet::new();
        let mut indexes = HashSet::new();
        for step in STEPS {
            for op in step.ops {
                match *op {
                    CreateStore { store, .. } => {
                        assert!(stores.insert(store), "store {store} created twice")
                    }
                    CreateIndex { store, index, key_path } => {
                        assert!(stores.contains(store), "index {index} before store {store}");
                        assert!(indexes.insert((store, index)), "index {store}.{index} created twice");
                        assert!(!key_path.is_empty() && !key_path.ends_with('.'));
                    }
                    WriteIndexFields { store } => assert!(stores.contains(store), "index fields on no store {store}"),
                    DeleteIndex { store, index } => {
                        assert!(indexes.remove(&(store, index)), "index {store}.{index} deleted before it was made")
                    }
                }
            }
        }
    }

    #[test]
    fn every_record_kind_has_a_store_keyed_by_record_id() {
        let layout = layout_at(CURRENT_VERSION);
        for kind in Kind::ALL {
            let store = layout.iter().find(|s| s.0 == kind.store_name());
            assert_eq!(store.map(|s| s.1), Some(Some(keys::RECORD_KEY_PATH)), "{kind:?}");
        }
        assert!(layout.iter().any(|s| s.0 == keys::SETTINGS && s.1.is_none()));
    }

    #[test]
    fn a_deleted_index_leaves_the_layout_from_its_step_on() {
        let has = |version: u32, store: &str, index: &str| {
            layout_at(version).iter().any(|s| s.0 == store && s.2.iter().any(|i| i.0 == index))
        };
        assert!(has(5, keys::PROBLEMS, keys::BY_TARGET) && has(5, keys::CLUES, keys::BY_TARGET));
        assert!(!has(6, keys::PROBLEMS, keys::BY_TARGET) && !has(6, keys::CLUES, keys::BY_TARGET));
        assert!(has(6, keys::PROBLEMS, keys::BY_ROUND) && has(6, keys::INSPECTIONS, keys::BY_TARGET));
        assert_eq!(index_key_path(keys::PROBLEMS, keys::BY_TARGET), None);
    }

    #[test]
    fn upgrading_from_nothing_runs_every_step_and_from_current_runs_none() {
        assert_eq!(steps_after(0).count(), STEPS.len());
        assert_eq!(steps_after(CURRENT_VERSION).count(), 0);
    }

    #[test]
    fn an_index_on_index_fields_of_an_older_store_comes_with_their_rewrite_in_the_same_step() {
        let mut before: HashSet<&str> = HashSet::new();
        for step in STEPS {
            for op in step.ops {
                if let CreateIndex { store, key_path, .. } = *op {
                    if key_path.starts_with(keys::INDEX_FIELDS) && before.contains(store) {
                        assert!(
                            step.ops.contains(&WriteIndexFields { store }),
                            "step {} indexes idx on {store} without writing it",
                            step.version
                        );
                    }
                }
            }
            for op in step.ops {
                if let CreateStore { store, .. } = *op {
                    before.insert(store);
                }
            }
        }
    }

    #[test]
    fn every_record_kind_can_count_its_tombstones_and_index_paths_name_real_fields() {
        let layout = layout_at(CURRENT_VERSION);
        let full = IndexFields { gone: Some(1), open_deadline: Some(Day::from_ymd(2026, 1, 1).expect("a day")) };
        let fields = serde_json::to_value(full).expect("serialises");
        for (store, _, indexes) in &layout {
            for (index, path) in indexes {
                if let Some(field) = path.strip_prefix("idx.") {
                    assert!(fields.get(field).is_some(), "{store}.{index} indexes a field IndexFields lacks");
                }
            }
        }
        for kind in Kind::ALL {
            assert_eq!(index_key_path(kind.store_name(), keys::GONE), Some("idx.gone"), "{kind:?}");
        }
        assert_eq!(index_key_path(keys::RECTIFICATIONS, keys::OPEN_DEADLINE), Some("idx.open_deadline"));
    }

    #[test]
    fn a_stored_record_reads_back_as_itself_with_its_index_fields_beside_it() {
        let file = crate::generate::generate(0.01, 4, Day::from_ymd(2026, 11, 22).expect("a day"));
        let mut records: Vec<AnyRecord> =
            file.records.rectifications.iter().cloned().map(AnyRecord::Rectification).collect();
        records.extend(file.records.terms.iter().cloned().map(AnyRecord::Term));
        let mut gone = file.records.problems[0].clone();
        gone.meta.deleted = true;
        records.push(AnyRecord::Problem(gone));
        let list: Vec<&AnyRecord> = records.iter().collect();
        let text = stored_list(&list).expect("writes");

        let stored: Vec<serde_json::Value> = serde_json::from_str(&text).expect("one JSON array");
        assert_eq!(stored.len(), records.len());
        let mut with_idx = 0;
        for (record, value) in records.iter().zip(&stored) {
            let idx = IndexFields::of(record);
            let written = value.get(keys::INDEX_FIELDS);
            assert_eq!(written.is_some(), !idx.is_empty(), "idx only when there is something to index");
            if let Some(w) = written {
                assert_eq!(*w, serde_json::to_value(&idx).expect("serialises"));
                with_idx += 1;
            }
            let back = AnyRecord::from_json(record.kind(), value.clone()).expect("reads back");
            assert_eq!(&back, record);
        }
        assert!(with_idx > 0 && with_idx < records.len(), "both kinds of record were written");
    }

    #[test]
    fn a_stored_list_reads_into_the_records_of_its_kind() {
        let file = crate::generate::generate(0.01, 4, Day::from_ymd(2026, 11, 22).expect("a day"));
        let rects: Vec<AnyRecord> = file.records.rectifications.iter().cloned().map(AnyRecord::Rectification).collect();
        let text = stored_list(&rects.iter().collect::<Vec<_>>()).expect("writes");
        let mut read = Records::default();
        read_stored_list(Kind::Rectification, &text, &mut read).expect("reads");
        read_stored_list(Kind::Problem, "[]", &mut read).expect("an empty list reads");
        assert_eq!(read.rectifications, file.records.rectifications);
        assert_eq!(read.len(), rects.len(), "nothing lands in another kind");
        assert!(read_stored_list(Kind::Problem, &text, &mut read).is_err(), "a list of another kind is refused");
    }

    #[test]
    fn index_fields_leave_tombstones_and_closed_rectifications_out() {
        use crate::id::{IdSource, SequentialIds};
        use crate::meta::{Meta, Timestamp};
        use crate::record::Record;
        use crate::rectification::{RectStatus, Rectification};
        let ids = SequentialIds::default();
        let meta = Meta::new(ids.next_id(), ids.next_id(), Timestamp::from_unix_millis(1_790_000_000_000.0));
        let deadline = Day::from_ymd(2026, 3, 31).expect("a day");
        let mut data = Rectification::new(ids.next_id(), deadline);
        let open = AnyRecord::Rectification(Record { meta: meta.clone(), data: data.clone() });
        assert_eq!(IndexFields::of(&open), IndexFields { gone: None, open_deadline: Some(deadline) });
        data.status = RectStatus::Closed;
        let closed = AnyRecord::Rectification(Record { meta: meta.clone(), data: data.clone() });
        assert_eq!(IndexFields::of(&closed), IndexFields::default());
        data.status = RectStatus::NotStarted;
        let mut gone = meta;
        gone.deleted = true;
        let tombstone = AnyRecord::Rectification(Record { meta: gone, data });
        assert_eq!(IndexFields::of(&tombstone), IndexFields { gone: Some(1), open_deadline: None });
        assert_eq!(serde_json::to_string(&IndexFields::default()).expect("serialises"), "{}");
    }

    #[test]
    fn the_lists_find_their_indexes() {
        assert_eq!(index_key_path(keys::INSPECTIONS, keys::BY_ROUND), Some("data.round"));
        assert_eq!(index_key_path(keys::TARGETS, keys::BY_TOWNSHIP), Some("data.township"));
        assert_eq!(index_key_path(keys::TARGETS, "nope"), None);
    }
}
