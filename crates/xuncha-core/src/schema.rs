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

    pub const BY_TOWNSHIP: &str = "by_township";
    pub const BY_TERM: &str = "by_term";
    pub const BY_ROUND: &str = "by_round";
    pub const BY_TARGET: &str = "by_target";
    pub const BY_GROUP: &str = "by_group";
    pub const BY_RECORD: &str = "by_record";
    pub const BY_PROBLEM: &str = "by_problem";
    pub const BY_QUESTIONNAIRE: &str = "by_questionnaire";

    /// Records are keyed by their id inside the envelope.
    pub const RECORD_KEY_PATH: &str = "meta.id";
}

/// One schema change. Steps only ever add; data rewrites get their own op when needed.
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
}

/// Everything that moves the database from `version - 1` to `version`.
#[derive(Clone, Copy, Debug)]
pub struct Step {
    pub version: u32,
    pub ops: &'static [SchemaOp],
}

use keys::*;
use SchemaOp::{CreateIndex, CreateStore};

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
    use crate::record::Kind;
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
    fn every_index_is_created_on_a_store_that_already_exists() {
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
    fn upgrading_from_nothing_runs_every_step_and_from_current_runs_none() {
        assert_eq!(steps_after(0).count(), STEPS.len());
        assert_eq!(steps_after(CURRENT_VERSION).count(), 0);
    }

    #[test]
    fn the_lists_find_their_indexes() {
        assert_eq!(index_key_path(keys::INSPECTIONS, keys::BY_ROUND), Some("data.round"));
        assert_eq!(index_key_path(keys::TARGETS, keys::BY_TOWNSHIP), Some("data.township"));
        assert_eq!(index_key_path(keys::TARGETS, "nope"), None);
    }
}
