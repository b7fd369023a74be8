//! "Undo last import": what an import changed, kept so it can be put back exactly.
//! Undo refuses, changing nothing, when any of those records was edited since.

use super::merge::ImportPlan;
use crate::id::Id;
use crate::meta::{Timestamp, VersionVector};
use crate::record::{AnyRecord, Kind};
use crate::store::{ArchivedVersion, Change, Expect, Revert};
use serde::{Deserialize, Serialize};

/// Settings key of the last import's undo record.
pub const LAST_IMPORT_KEY: &str = "last_import";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UndoEntry {
    pub kind: Kind,
    pub id: Id,
    /// The record before the import; `None` when the import created it.
    pub before: Option<serde_json::Value>,
    /// The version the import wrote.
    pub after: VersionVector,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportUndo {
    /// Names this import, so an undo acts on it alone (`Revert::guard`); nil in
    /// records kept before imports had ids.
    #[serde(default = "Id::nil")]
    pub id: Id,
    pub file: String,
    pub applied_at: Timestamp,
    pub entries: Vec<UndoEntry>,
    /// Archive entries the import made.
    pub archived: Vec<Id>,
}

impl ImportUndo {
    /// What applying `changes` (made from `plan`) will change.
    pub fn of(
        file: &str,
        now: Timestamp,
        plan: &ImportPlan,
        changes: &[Change],
        archive: &[ArchivedVersion],
    ) -> ImportUndo {
        // Looked up by key: an import of 100,000 records must not compare every pair.
        let local: std::collections::HashMap<(crate::record::Kind, crate::id::Id), &crate::record::AnyRecord> =
            plan.items.iter().filter_map(|i| i.local.as_ref().map(|l| ((i.kind, i.id), l))).collect();
        let entries = changes
            .iter()
            .map(|c| {
                let meta = c.record.meta();
                let before = local.get(&(c.record.kind(), meta.id)).and_then(|l| l.to_json().ok());
                UndoEntry { kind: c.record.kind(), id: meta.id, before, after: meta.version.clone() }
            })
            .collect();
        ImportUndo {
            id: Id::nil(),
            file: file.to_owned(),
            applied_at: now,
            entries,
            archived: archive.iter().map(|a| a.id).collect(),
        }
    }

    /// The writes that put everything back, each checked against the version the import wrote.
    pub fn revert(&self) -> Result<Revert, serde_json::Error> {
        let mut revert = Revert {
            unarchive: self.archived.clone(),
            guard: Some((LAST_IMPORT_KEY.to_owned(), self.id)),
            ..Revert::default()
        };
        for e in &self.entries {
            match &e.before {
                Some(before) => revert.restore.push(Change {
                    record: AnyRecord::from_json(e.kind, before.clone())?,
                    expect: Expect::Version(e.after.clone()),
                }),
                None => revert.remove.push((e.kind, e.id, e.after.clone())),
            }
        }
        Ok(revert)
    }
}
