//! The storage contract every backend honours, and the in-memory backend used by
//! native tests. The IndexedDB backend lives in the app crate and passes the same
//! contract suite (`contract`).

use crate::date::Day;
use crate::exchange::format::Records;
use crate::i18n::T;
use crate::id::Id;
use crate::meta::VersionVector;
use crate::record::{AnyRecord, Body, Kind, Record};
use crate::schema;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// The record changed since the form was opened (another tab, or an import).
    #[error("{kind:?} {id} was changed elsewhere")]
    Stale { kind: Kind, id: Id },
    /// A record meant to be new already exists.
    #[error("{kind:?} {id} exists already")]
    Exists { kind: Kind, id: Id },
    /// A stored value could not be read back into the model.
    #[error("stored data could not be read: {0}")]
    Corrupt(String),
    /// What an undo was for is no longer the last of its kind (another tab
    /// imported a file since).
    #[error("setting {0} names something else now")]
    Superseded(String),
    /// The disk, or the browser's share of it, is full; nothing was written.
    #[error("storage is full")]
    Full,
    /// The database was written by a newer version of the app, which an older
    /// one cannot read; it is left as it is.
    #[error("the database is of a newer version")]
    Newer,
    /// The browser refused (quota, blocked, closed connection…).
    #[error("storage failed: {0}")]
    Backend(String),
}

impl StoreError {
    /// The catalogue message for users.
    pub fn message(&self) -> T {
        match self {
            StoreError::Stale { .. } => T::ErrStale,
            StoreError::Exists { .. } => T::ErrExists,
            StoreError::Corrupt(_) => T::ErrCorrupt,
            StoreError::Superseded(_) => T::ErrUndoSuperseded,
            StoreError::Full => T::ErrStorageFull,
            StoreError::Newer => T::ErrDbNewer,
            StoreError::Backend(_) => T::ErrBackend,
        }
    }
}

/// What a write expects to find, so that a lost update is refused, not silent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expect {
    /// The record must not exist yet.
    Absent,
    /// The stored record must still be at this version.
    Version(VersionVector),
}

/// One record to write, checked against what the writer last saw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub record: AnyRecord,
    pub expect: Expect,
}

/// A version of a record that lost a conflict, kept so a person can look at it
/// and bring it back later.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArchivedVersion {
    pub id: Id,
    pub kind: Kind,
    pub record_id: Id,
    pub archived_at: crate::meta::Timestamp,
    /// The office the archived version came from; empty when it was this one's own.
    pub from: String,
    /// The whole record as it was.
    pub record: serde_json::Value,
    /// The fields (paths) this version lost in a merge; empty for a version that
    /// lost as a whole (a deletion, or an entry from before field merges). A restore
    /// brings back these fields only, or the whole version.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
    /// When it was restored. A restored entry stays in the archive, marked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restored_at: Option<crate::meta::Timestamp>,
    /// The whole record as the restore found it, so a restore loses nothing either.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaced: Option<serde_json::Value>,
}

/// Everything one transaction writes: records, archive entries and settings. An
/// import's undo record travels with the import this way, so no crash can leave
/// the one without the other.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Commit {
    pub changes: Vec<Change>,
    pub archive: Vec<ArchivedVersion>,
    pub settings: Vec<SettingWrite>,
}

/// A setting written within a commit: its key and its value as JSON text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingWrite {
    pub key: String,
    pub json: String,
}

impl SettingWrite {
    pub fn new<V: Serialize>(key: &str, value: &V) -> Result<SettingWrite, StoreError> {
        Ok(SettingWrite { key: key.to_owned(), json: serde_json::to_string(value).map_err(corrupt)? })
    }
}

/// Puts records back as they were before an import, in one transaction: restores
/// (checked like any change), removals of records the import created (checked
/// against the version it wrote), and removal of the archive entries it made.
/// Removal is only ever used by undo: everything else deletes by tombstone.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Revert {
    pub restore: Vec<Change>,
    pub remove: Vec<(Kind, Id, VersionVector)>,
    pub unarchive: Vec<Id>,
    /// The setting that names what is undone and the id it must hold: checked in
    /// the revert's own transaction (another tab may have imported since) and
    /// cleared with it.
    pub guard: Option<(String, Id)>,
}

/// A backend. All changes passed to one `commit` land together or not at all.
#[allow(async_fn_in_trait)]
pub trait Store {
    async fn get<B: Body>(&self, id: Id) -> Result<Option<Record<B>>, StoreError>;
    /// One record of a kind known only at run time.
    async fn get_any(&self, kind: Kind, id: Id) -> Result<Option<AnyRecord>, StoreError> {
        macro_rules! get_kind {
            ($($kind:ident => $ty:ty, $list:ident, $store:ident, $label:ident;)*) => {
                match kind { $(Kind::$kind => Ok(self.get::<$ty>(id).await?.map(AnyRecord::$kind)),)* }
            };
        }
        crate::for_each_kind!(get_kind)
    }
    /// Every record of a kind, tombstones included.
    async fn all<B: Body>(&self) -> Result<Vec<Record<B>>, StoreError>;
    /// The records whose `index` (see `schema::keys`) equals `key`, tombstones included.
    async fn by_index<B: Body>(&self, index: &'static str, key: Id) -> Result<Vec<Record<B>>, StoreError>;
    /// Up to `limit` records of a kind in id order, after `after` (from the first when
    /// `None`), tombstones included: a long list is read in steps, and between the
    /// steps the page stays responsive.
    async fn page<B: Body>(&self, after: Option<Id>, limit: usize) -> Result<Vec<Record<B>>, StoreError>;
    /// Every record of every kind, tombstones included, as of one moment: what a
    /// full backup holds. A backend that can read its stores side by side does so.
    async fn all_records(&self) -> Result<Records, StoreError> {
        macro_rules! read_every_kind {
            ($($kind:ident => $ty:ty, $list:ident, $store:ident, $label:ident;)*) => {
                Ok(Records { $($list: self.all().await?),* })
            };
        }
        crate::for_each_kind!(read_every_kind)
    }
    /// How many live records of a kind there are, counted without reading them.
    async fn count_live(&self, kind: Kind) -> Result<usize, StoreError>;
    /// How many live rectifications are still open past their deadline on `today`
    /// (`Rectification::is_overdue`), counted without reading them.
    async fn count_overdue(&self, today: Day) -> Result<usize, StoreError>;
    async fn commit(&self, changes: Vec<Change>) -> Result<(), StoreError> {
        self.commit_all(changes, Vec::new()).await
    }
    /// Writes records and archive entries in one transaction.
    async fn commit_all(&self, changes: Vec<Change>, archive: Vec<ArchivedVersion>) -> Result<(), StoreError> {
        self.commit_with(Commit { changes, archive, settings: Vec::new() }, &|_, _| {}).await
    }
    /// `commit_all`, telling `progress(written, total)` as the changes go in, so a
    /// long import can show how far it is. Still one transaction: all or nothing.
    async fn commit_all_reporting(
        &self,
        changes: Vec<Change>,
        archive: Vec<ArchivedVersion>,
        progress: &dyn Fn(usize, usize),
    ) -> Result<(), StoreError> {
        self.commit_with(Commit { changes, archive, settings: Vec::new() }, progress).await
    }
    /// Writes a whole `Commit` in one transaction, reporting progress as above.
    async fn commit_with(&self, commit: Commit, progress: &dyn Fn(usize, usize)) -> Result<(), StoreError>;
    /// Applies an undo, all or nothing.
    async fn revert(&self, revert: Revert) -> Result<(), StoreError> {
        self.revert_reporting(revert, &|_, _| {}).await
    }
    /// `revert`, telling `progress(done, total)` as the records are put back: an
    /// undo of a county's import is long. Still one transaction.
    async fn revert_reporting(&self, revert: Revert, progress: &dyn Fn(usize, usize)) -> Result<(), StoreError>;
    /// The conflict archive, oldest first.
    async fn archived(&self) -> Result<Vec<ArchivedVersion>, StoreError>;
    async fn setting<V: DeserializeOwned>(&self, key: &str) -> Result<Option<V>, StoreError>;
    async fn put_setting<V: Serialize>(&self, key: &str, value: &V) -> Result<(), StoreError>;
}

/// The live (not deleted) records of a kind.
pub async fn live<B: Body, S: Store>(store: &S) -> Result<Vec<Record<B>>, StoreError> {
    Ok(store.all::<B>().await?.into_iter().filter(Record::is_live).collect())
}

/// Checks one change against the stored version; shared by every backend.
pub fn check_expectation(change: &Change, stored: Option<&VersionVector>) -> Result<(), StoreError> {
    let meta = change.record.meta();
    match (&change.expect, stored) {
        (Expect::Absent, None) => Ok(()),
        (Expect::Absent, Some(_)) => Err(StoreError::Exists { kind: change.record.kind(), id: meta.id }),
        (Expect::Version(v), Some(s)) if v == s => Ok(()),
        (Expect::Version(_), _) => Err(StoreError::Stale { kind: change.record.kind(), id: meta.id }),
    }
}

/// The `id` a guarded setting holds (`None` for an empty setting), read without
/// building the rest of the value; a value from before ids were kept reads as nil.
pub fn guard_id(json: &str) -> Result<Option<Id>, StoreError> {
    #[derive(Deserialize)]
    struct Named {
        #[serde(default = "Id::nil")]
        id: Id,
    }
    Ok(serde_json::from_str::<Option<Named>>(json).map_err(corrupt)?.map(|n| n.id))
}

fn corrupt(e: serde_json::Error) -> StoreError {
    StoreError::Corrupt(e.to_string())
}

/// Reads the value at a dotted key path, as IndexedDB does for indexes.
fn at_path<'v>(value: &'v serde_json::Value, path: &str) -> Option<&'v serde_json::Value> {
    path.split('.').try_fold(value, |v, part| v.get(part))
}

type Table = BTreeMap<Id, serde_json::Value>;

/// A store held in memory as JSON values, keyed like the IndexedDB stores.
#[derive(Debug, Default)]
pub struct MemoryStore {
    tables: RefCell<BTreeMap<&'static str, Table>>,
    archive: RefCell<Vec<ArchivedVersion>>,
    settings: RefCell<BTreeMap<String, serde_json::Value>>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }
}

impl Store for MemoryStore {
    async fn get<B: Body>(&self, id: Id) -> Result<Option<Record<B>>, StoreError> {
        let tables = self.tables.borrow();
        let value = tables.get(B::KIND.store_name()).and_then(|t| t.get(&id));
        value.map(|v| serde_json::from_value(v.clone()).map_err(corrupt)).transpose()
    }

    async fn all<B: Body>(&self) -> Result<Vec<Record<B>>, StoreError> {
        let tables = self.tables.borrow();
        let Some(table) = tables.get(B::KIND.store_name()) else {
            return Ok(Vec::new());
        };
        table.values().map(|v| serde_json::from_value(v.clone()).map_err(corrupt)).collect()
    }

    async fn by_index<B: Body>(&self, index: &'static str, key: Id) -> Result<Vec<Record<B>>, StoreError> {
        let store = B::KIND.store_name();
        let path = schema::index_key_path(store, index)
            .ok_or_else(|| StoreError::Backend(format!("no index {index} on {store}")))?;
        let key = serde_json::Value::String(key.to_string());
        let tables = self.tables.borrow();
        let Some(table) = tables.get(store) else {
            return Ok(Vec::new());
        };
        table
            .values()
            .filter(|v| at_path(v, path) == Some(&key))
            .map(|v| serde_json::from_value(v.clone()).map_err(corrupt))
            .collect()
    }

    async fn page<B: Body>(&self, after: Option<Id>, limit: usize) -> Result<Vec<Record<B>>, StoreError> {
        use std::ops::Bound::{Excluded, Unbounded};
        let tables = self.tables.borrow();
        let Some(table) = tables.get(B::KIND.store_name()) else {
            return Ok(Vec::new());
        };
        let from = after.map_or(Unbounded, Excluded);
        table
            .range((from, Unbounded))
            .take(limit)
            .map(|(_, v)| serde_json::from_value(v.clone()).map_err(corrupt))
            .collect()
    }

    async fn count_live(&self, kind: Kind) -> Result<usize, StoreError> {
        let tables = self.tables.borrow();
        let deleted = |v: &serde_json::Value| at_path(v, "meta.deleted").and_then(serde_json::Value::as_bool);
        Ok(tables.get(kind.store_name()).map_or(0, |t| t.values().filter(|v| deleted(v) == Some(false)).count()))
    }

    async fn count_overdue(&self, today: Day) -> Result<usize, StoreError> {
        let all = self.all::<crate::rectification::Rectification>().await?;
        Ok(all.iter().filter(|r| r.is_live() && r.data.is_overdue(today)).count())
    }

    async fn commit_with(&self, commit: Commit, progress: &dyn Fn(usize, usize)) -> Result<(), StoreError> {
        let Commit { changes, archive, settings } = commit;
        let settings = settings
            .into_iter()
            .map(|w| Ok((w.key, serde_json::from_str::<serde_json::Value>(&w.json).map_err(corrupt)?)))
            .collect::<Result<Vec<_>, StoreError>>()?;
        // Work on a copy and swap it in only when every change passed: all or nothing.
        let mut next = self.tables.borrow().clone();
        for change in &changes {
            let store = change.record.kind().store_name();
            let table = next.entry(store).or_default();
            let id = change.record.meta().id;
            let stored = table
                .get(&id)
                .map(|v| at_path(v, "meta.version").cloned().unwrap_or_default())
                .map(serde_json::from_value::<VersionVector>)
                .transpose()
                .map_err(corrupt)?;
            check_expectation(change, stored.as_ref())?;
            table.insert(id, change.record.to_json().map_err(corrupt)?);
        }
        *self.tables.borrow_mut() = next;
        // Written again under the same id (marked restored), an entry replaces the old.
        let mut kept = self.archive.borrow_mut();
        for entry in archive {
            match kept.iter_mut().find(|e| e.id == entry.id) {
                Some(old) => *old = entry,
                None => kept.push(entry),
            }
        }
        self.settings.borrow_mut().extend(settings);
        progress(changes.len(), changes.len());
        Ok(())
    }

    async fn revert_reporting(&self, revert: Revert, progress: &dyn Fn(usize, usize)) -> Result<(), StoreError> {
        let total = revert.restore.len() + revert.remove.len();
        let mut next = self.tables.borrow().clone();
        let stored_version = |table: &Table, id: &Id| -> Result<Option<VersionVector>, StoreError> {
            table
                .get(id)
                .map(|v| at_path(v, "meta.version").cloned().unwrap_or_default())
                .map(serde_json::from_value::<VersionVector>)
                .transpose()
                .map_err(corrupt)
        };
        for change in &revert.restore {
            let table = next.entry(change.record.kind().store_name()).or_default();
            let id = change.record.meta().id;
            check_expectation(change, stored_version(table, &id)?.as_ref())?;
            table.insert(id, change.record.to_json().map_err(corrupt)?);
        }
        for (kind, id, version) in &revert.remove {
            let table = next.entry(kind.store_name()).or_default();
            if stored_version(table, id)?.as_ref() != Some(version) {
                return Err(StoreError::Stale { kind: *kind, id: *id });
            }
            table.remove(id);
        }
        if let Some((key, id)) = &revert.guard {
            let mut settings = self.settings.borrow_mut();
            let named = settings.get(key).map(|v| guard_id(&v.to_string())).transpose()?.flatten();
            if named != Some(*id) {
                return Err(StoreError::Superseded(key.clone()));
            }
            settings.insert(key.clone(), serde_json::Value::Null);
        }
        *self.tables.borrow_mut() = next;
        self.archive.borrow_mut().retain(|a| !revert.unarchive.contains(&a.id));
        progress(total, total);
        Ok(())
    }

    async fn archived(&self) -> Result<Vec<ArchivedVersion>, StoreError> {
        let mut all = self.archive.borrow().clone();
        all.sort_by_key(|a| a.archived_at);
        Ok(all)
    }

    async fn setting<V: DeserializeOwned>(&self, key: &str) -> Result<Option<V>, StoreError> {
        let settings = self.settings.borrow();
        settings.get(key).map(|v| serde_json::from_value(v.clone()).map_err(corrupt)).transpose()
    }

    async fn put_setting<V: Serialize>(&self, key: &str, value: &V) -> Result<(), StoreError> {
        let value = serde_json::to_value(value).map_err(corrupt)?;
        self.settings.borrow_mut().insert(key.to_owned(), value);
        Ok(())
    }
}
