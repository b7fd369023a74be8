//! The IndexedDB backend of the core's `Store` contract: one object store per
//! record kind, versioned migrations, and every write in one explicit transaction.

mod migrate;

use indexed_db_futures::database::Database;
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{Transaction, TransactionMode};
use indexed_db_futures::KeyRange;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use wasm_bindgen::prelude::*;
use xuncha_core::date::Day;
use xuncha_core::id::Id;
use xuncha_core::meta::VersionVector;
use xuncha_core::record::{AnyRecord, Body, Kind, Record};
use xuncha_core::schema::{keys, IndexFields, CURRENT_VERSION};
use xuncha_core::store::{check_expectation, ArchivedVersion, Change, Expect, Revert, Store, StoreError};

pub use migrate::open_at;

fn backend(e: impl std::fmt::Display) -> StoreError {
    StoreError::Backend(e.to_string())
}

fn corrupt(e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(e.to_string())
}

/// An open connection to one database.
#[derive(Debug)]
pub struct IdbStore {
    db: Database,
    /// Records of the commits since the last `take_written`, so the page can
    /// update its in-memory lists without reading every store again.
    written: std::cell::RefCell<Vec<AnyRecord>>,
}

/// Changes checked and written per round trip in a long commit.
const COMMIT_BATCH: usize = 1000;

/// Only the version of a stored record, read before overwriting it.
#[derive(Deserialize)]
struct StoredVersion {
    meta: StoredMeta,
}

#[derive(Deserialize)]
struct StoredMeta {
    version: VersionVector,
}

impl IdbStore {
    /// Opens `name`, upgrading it to the current schema.
    pub async fn open(name: &str) -> Result<IdbStore, StoreError> {
        Ok(IdbStore::from_database(open_at(name, CURRENT_VERSION).await?))
    }

    pub fn from_database(db: Database) -> IdbStore {
        IdbStore { db, written: Default::default() }
    }

    /// The records committed since the last call, oldest first.
    pub fn take_written(&self) -> Vec<AnyRecord> {
        self.written.take()
    }

    pub fn version(&self) -> f64 {
        self.db.version()
    }

    pub fn store_names(&self) -> Vec<String> {
        self.db.object_store_names().collect()
    }

    /// When another tab opens a newer schema, this connection closes itself so
    /// the upgrade is not blocked, then `on_change` tells the user to reload.
    pub fn on_version_change(&self, on_change: impl Fn() + 'static) {
        let sys = self.db.as_sys().clone();
        let closing = sys.clone();
        let handler = Closure::<dyn FnMut(web_sys::IdbVersionChangeEvent)>::new(move |_| {
            closing.close();
            on_change();
        });
        sys.set_onversionchange(Some(handler.as_ref().unchecked_ref()));
        // The handler lives as long as the page.
        handler.forget();
    }

    /// A read-only transaction on one store.
    fn reader(&self, name: &str) -> Result<Transaction<'_>, StoreError> {
        self.db.transaction(name).build().map_err(backend)
    }

    pub fn close(self) {
        self.db.close();
    }

    fn serialize<V: Serialize>(value: &V) -> Result<JsValue, StoreError> {
        value.serialize(&serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true)).map_err(corrupt)
    }
}

use wasm_bindgen::JsCast;

fn any_to_js(record: &AnyRecord) -> Result<JsValue, StoreError> {
    /// A record as stored: its own fields, and beside them what the indexes count.
    #[derive(Serialize)]
    struct Stored<'r, R> {
        #[serde(flatten)]
        record: &'r R,
        idx: IndexFields,
    }
    fn text<R: Serialize>(record: &R, idx: IndexFields) -> serde_json::Result<String> {
        serde_json::to_string(&Stored { record, idx })
    }
    let idx = IndexFields::of(record);
    // serde_json text through the browser's JSON.parse: measured faster than building
    // the object field by field across the wasm boundary.
    let text = match record {
        AnyRecord::Term(r) => text(r, idx),
        AnyRecord::Target(r) => text(r, idx),
        AnyRecord::Round(r) => text(r, idx),
        AnyRecord::Group(r) => text(r, idx),
        AnyRecord::Inspection(r) => text(r, idx),
        AnyRecord::Problem(r) => text(r, idx),
        AnyRecord::Rectification(r) => text(r, idx),
        AnyRecord::Clue(r) => text(r, idx),
        AnyRecord::Recommendation(r) => text(r, idx),
        AnyRecord::Questionnaire(r) => text(r, idx),
        AnyRecord::Response(r) => text(r, idx),
        AnyRecord::PaperBatch(r) => text(r, idx),
    }
    .map_err(corrupt)?;
    js_sys::JSON::parse(&text).map_err(|e| corrupt(format!("{e:?}")))
}

/// The version of the record `id` in `store`, if it is there.
async fn stored_version(
    store: &indexed_db_futures::object_store::ObjectStore<'_>,
    id: Id,
) -> Result<Option<VersionVector>, StoreError> {
    let stored: Option<JsValue> = store.get(id.to_string()).primitive().map_err(backend)?.await.map_err(backend)?;
    Ok(stored.map(from_js::<StoredVersion>).transpose()?.map(|s| s.meta.version))
}

/// Decodes what a `get_all` returned: the browser writes the whole list as JSON
/// text in one call and serde_json reads it, which is several times faster than
/// visiting every field of every record across the wasm boundary.
fn decode_all<B: Body, E: std::fmt::Display>(
    values: impl Iterator<Item = Result<JsValue, E>>,
) -> Result<Vec<Record<B>>, StoreError> {
    let list = js_sys::Array::new();
    for value in values {
        list.push(&value.map_err(backend)?);
    }
    let text = js_sys::JSON::stringify(&list).map_err(|e| corrupt(format!("{e:?}")))?;
    serde_json::from_str(&String::from(text)).map_err(corrupt)
}

fn from_js<V: DeserializeOwned>(value: JsValue) -> Result<V, StoreError> {
    serde_wasm_bindgen::from_value(value).map_err(corrupt)
}

impl Store for IdbStore {
    async fn get<B: Body>(&self, id: Id) -> Result<Option<Record<B>>, StoreError> {
        let name = B::KIND.store_name();
        let tx = self.reader(name)?;
        let store = tx.object_store(name).map_err(backend)?;
        let value: Option<JsValue> = store.get(id.to_string()).primitive().map_err(backend)?.await.map_err(backend)?;
        value.map(from_js).transpose()
    }

    async fn all<B: Body>(&self) -> Result<Vec<Record<B>>, StoreError> {
        let name = B::KIND.store_name();
        let tx = self.reader(name)?;
        let store = tx.object_store(name).map_err(backend)?;
        decode_all(store.get_all().primitive().map_err(backend)?.await.map_err(backend)?)
    }

    async fn by_index<B: Body>(&self, index: &'static str, key: Id) -> Result<Vec<Record<B>>, StoreError> {
        let name = B::KIND.store_name();
        let tx = self.reader(name)?;
        let store = tx.object_store(name).map_err(backend)?;
        let index = store.index(index).map_err(backend)?;
        let query = index.get_all().with_query(key.to_string());
        decode_all(query.primitive().map_err(backend)?.await.map_err(backend)?)
    }

    async fn page<B: Body>(&self, after: Option<Id>, limit: usize) -> Result<Vec<Record<B>>, StoreError> {
        let name = B::KIND.store_name();
        let tx = self.reader(name)?;
        let store = tx.object_store(name).map_err(backend)?;
        let limit = u32::try_from(limit).unwrap_or(u32::MAX);
        let values = match after {
            Some(id) => {
                let range = KeyRange::LowerBound(id.to_string(), true);
                store.get_all().with_query::<String, _>(range).with_limit(limit).primitive().map_err(backend)?.await
            }
            None => store.get_all().with_limit(limit).primitive().map_err(backend)?.await,
        };
        decode_all(values.map_err(backend)?)
    }

    async fn count_live(&self, kind: Kind) -> Result<usize, StoreError> {
        let name = kind.store_name();
        let tx = self.reader(name)?;
        let store = tx.object_store(name).map_err(backend)?;
        let index = store.index(keys::LIVE).map_err(backend)?;
        Ok(index.count().primitive().map_err(backend)?.await.map_err(backend)? as usize)
    }

    async fn count_overdue(&self, today: Day) -> Result<usize, StoreError> {
        let tx = self.reader(keys::RECTIFICATIONS)?;
        let store = tx.object_store(keys::RECTIFICATIONS).map_err(backend)?;
        let index = store.index(keys::OPEN_DEADLINE).map_err(backend)?;
        let before_today = KeyRange::UpperBound(today.to_string(), true);
        Ok(index.count().with_query::<String, _>(before_today).primitive().map_err(backend)?.await.map_err(backend)?
            as usize)
    }

    async fn commit_all(&self, changes: Vec<Change>, archive: Vec<ArchivedVersion>) -> Result<(), StoreError> {
        self.commit_all_reporting(changes, archive, &|_, _| {}).await
    }

    async fn commit_all_reporting(
        &self,
        changes: Vec<Change>,
        archive: Vec<ArchivedVersion>,
        progress: &dyn Fn(usize, usize),
    ) -> Result<(), StoreError> {
        if changes.is_empty() && archive.is_empty() {
            return Ok(());
        }
        let mut names: BTreeSet<&str> = changes.iter().map(|c| c.record.kind().store_name()).collect();
        if !archive.is_empty() {
            names.insert(keys::ARCHIVE);
        }
        let names: Vec<&str> = names.into_iter().collect();
        let tx = self.db.transaction(names).with_mode(TransactionMode::Readwrite).build().map_err(backend)?;
        let total = changes.len();
        for (n, batch) in changes.chunks(COMMIT_BATCH).enumerate() {
            // A new record is added, which the database itself refuses if the id exists;
            // an edit first asks for the stored version. Every request of the batch goes
            // out at once, then the answers are checked in order: one round trip per batch.
            let mut added = Vec::new();
            let mut asked = Vec::new();
            for change in batch {
                let store = tx.object_store(change.record.kind().store_name()).map_err(backend)?;
                match change.expect {
                    Expect::Absent => {
                        added.push((change, store.add(any_to_js(&change.record)?).primitive().map_err(backend)?))
                    }
                    Expect::Version(_) => {
                        let id = change.record.meta().id.to_string();
                        asked.push((change, store.get(id).primitive().map_err(backend)?));
                    }
                }
            }
            for (change, request) in asked {
                let stored: Option<JsValue> = request.await.map_err(backend)?;
                let stored = stored.map(from_js::<StoredVersion>).transpose()?.map(|s| s.meta.version);
                // Returning early drops the transaction, which rolls back every write so far.
                check_expectation(change, stored.as_ref())?;
                let store = tx.object_store(change.record.kind().store_name()).map_err(backend)?;
                store.put(any_to_js(&change.record)?).primitive().map_err(backend)?;
            }
            for (change, request) in added {
                request.await.map_err(|e| {
                    let text = e.to_string();
                    if text.contains("ConstraintError") || text.contains("Constraint") {
                        StoreError::Exists { kind: change.record.kind(), id: change.record.meta().id }
                    } else {
                        backend(text)
                    }
                })?;
            }
            progress((n * COMMIT_BATCH + batch.len()).min(total), total);
        }
        if !archive.is_empty() {
            let store = tx.object_store(keys::ARCHIVE).map_err(backend)?;
            for entry in &archive {
                store.put(IdbStore::serialize(entry)?).primitive().map_err(backend)?;
            }
        }
        tx.commit().await.map_err(backend)?;
        self.written.borrow_mut().extend(changes.into_iter().map(|c| c.record));
        Ok(())
    }

    async fn revert(&self, revert: Revert) -> Result<(), StoreError> {
        let mut names: BTreeSet<&str> = revert.restore.iter().map(|c| c.record.kind().store_name()).collect();
        names.extend(revert.remove.iter().map(|(k, _, _)| k.store_name()));
        if !revert.unarchive.is_empty() {
            names.insert(keys::ARCHIVE);
        }
        if names.is_empty() {
            return Ok(());
        }
        let names: Vec<&str> = names.into_iter().collect();
        let tx = self.db.transaction(names).with_mode(TransactionMode::Readwrite).build().map_err(backend)?;
        for change in &revert.restore {
            let store = tx.object_store(change.record.kind().store_name()).map_err(backend)?;
            let stored = stored_version(&store, change.record.meta().id).await?;
            check_expectation(change, stored.as_ref())?;
            store.put(any_to_js(&change.record)?).primitive().map_err(backend)?;
        }
        for (kind, id, version) in &revert.remove {
            let store = tx.object_store(kind.store_name()).map_err(backend)?;
            if stored_version(&store, *id).await?.as_ref() != Some(version) {
                // Dropping the transaction rolls back the restores above.
                return Err(StoreError::Stale { kind: *kind, id: *id });
            }
            store.delete(id.to_string()).primitive().map_err(backend)?;
        }
        if !revert.unarchive.is_empty() {
            let store = tx.object_store(keys::ARCHIVE).map_err(backend)?;
            for id in &revert.unarchive {
                store.delete(id.to_string()).primitive().map_err(backend)?;
            }
        }
        tx.commit().await.map_err(backend)
    }

    async fn archived(&self) -> Result<Vec<ArchivedVersion>, StoreError> {
        let tx = self.reader(keys::ARCHIVE)?;
        let store = tx.object_store(keys::ARCHIVE).map_err(backend)?;
        let values = store.get_all().primitive().map_err(backend)?.await.map_err(backend)?;
        let mut all: Vec<ArchivedVersion> =
            values.map(|v| v.map_err(backend).and_then(from_js)).collect::<Result<_, _>>()?;
        all.sort_by_key(|a| a.archived_at);
        Ok(all)
    }

    async fn setting<V: DeserializeOwned>(&self, key: &str) -> Result<Option<V>, StoreError> {
        let tx = self.reader(keys::SETTINGS)?;
        let store = tx.object_store(keys::SETTINGS).map_err(backend)?;
        let value: Option<String> = store.get(key).primitive().map_err(backend)?.await.map_err(backend)?;
        value.map(|v| serde_json::from_str(&v).map_err(corrupt)).transpose()
    }

    async fn put_setting<V: Serialize>(&self, key: &str, value: &V) -> Result<(), StoreError> {
        let text = serde_json::to_string(value).map_err(corrupt)?;
        let tx = self.db.transaction(keys::SETTINGS).with_mode(TransactionMode::Readwrite).build().map_err(backend)?;
        let store = tx.object_store(keys::SETTINGS).map_err(backend)?;
        store.put(text).with_key(key).primitive().map_err(backend)?;
        tx.commit().await.map_err(backend)
    }
}
