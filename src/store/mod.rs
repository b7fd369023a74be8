//! The IndexedDB backend of the core's `Store` contract: one object store per
//! record kind, versioned migrations, and every write in one explicit transaction.

mod errors;
mod migrate;

use errors::RequestErrors;
use indexed_db_futures::database::Database;
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{Transaction, TransactionMode};
use indexed_db_futures::KeyRange;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use wasm_bindgen::prelude::*;
use xuncha_core::date::Day;
use xuncha_core::exchange::format::Records;
use xuncha_core::id::Id;
use xuncha_core::meta::VersionVector;
use xuncha_core::record::{AnyRecord, Body, Kind, Record};
use xuncha_core::schema::{self, keys, CURRENT_VERSION};
use xuncha_core::store::{
    check_expectation, guard_id, ArchivedVersion, Change, Commit, Expect, Revert, SettingWrite, Store, StoreError,
};

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
    /// Takes the error events of a bulk write's requests (see `quiet_errors`).
    request_errors: RequestErrors,
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
    #[serde(default)]
    deleted: bool,
}

/// How a write changes the number of live records of each store.
type CountDelta = std::collections::HashMap<&'static str, i64>;

fn count_change(delta: &mut CountDelta, record: &AnyRecord, was_live: bool) {
    let now_live = !record.meta().deleted;
    *delta.entry(record.kind().store_name()).or_default() += i64::from(now_live) - i64::from(was_live);
}

/// Applies `delta` to the live counts inside the write's transaction (which must
/// include the settings store). When the counts have never been made, they stay
/// unmade: `count_live` then makes them from the stores in one transaction.
async fn update_counts(tx: &Transaction<'_>, delta: &CountDelta) -> Result<(), StoreError> {
    if delta.values().all(|d| *d == 0) {
        return Ok(());
    }
    let settings = tx.object_store(keys::SETTINGS).map_err(backend)?;
    let text: Option<String> = settings.get(keys::LIVE_COUNTS).primitive().map_err(backend)?.await.map_err(backend)?;
    let Some(text) = text else { return Ok(()) };
    let mut counts: BTreeMap<String, i64> = serde_json::from_str(&text).map_err(corrupt)?;
    for (store, d) in delta {
        let n = counts.entry((*store).to_owned()).or_default();
        *n = (*n + d).max(0);
    }
    let text = serde_json::to_string(&counts).map_err(corrupt)?;
    settings.put(text).with_key(keys::LIVE_COUNTS).primitive().map_err(backend)?;
    Ok(())
}

impl IdbStore {
    /// Opens `name`, upgrading it to the current schema.
    pub async fn open(name: &str) -> Result<IdbStore, StoreError> {
        Ok(IdbStore::from_database(open_at(name, CURRENT_VERSION).await?))
    }

    pub fn from_database(db: Database) -> IdbStore {
        IdbStore { db, written: Default::default(), request_errors: RequestErrors::new() }
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

    /// The indexes of `store`, as the schema steps left them.
    pub fn index_names(&self, store: &str) -> Result<Vec<String>, StoreError> {
        let tx = self.reader(store)?;
        Ok(tx.object_store(store).map_err(backend)?.index_names().collect())
    }

    /// When another tab opens a newer schema, this connection closes itself so
    /// the upgrade is not blocked, then `on_change` tells the user to reload.
    pub fn on_version_change(&self, on_change: impl Fn() + 'static) {
        let closing = self.db.as_sys().clone();
        let listener = gloo_events::EventListener::new(self.db.as_sys(), "versionchange", move |_| {
            closing.close();
            on_change();
        });
        // The listener lives as long as the page.
        listener.forget();
    }

    /// Writes a commit in one transaction, `COMMIT_BATCH` changes at a time. New
    /// records are added without a listener each: IndexedDB works through a
    /// transaction's requests in order, so when the last add of a batch succeeds
    /// every earlier one has, and a refused add aborts the transaction, which that
    /// last request then reports. The next batch is queued before the last one is
    /// awaited, so the database always has work while the page prepares more.
    async fn write(
        &self,
        changes: &[Change],
        archive: &[ArchivedVersion],
        settings: &[SettingWrite],
        progress: &dyn Fn(usize, usize),
    ) -> Result<(), StoreError> {
        let mut names: BTreeSet<&str> = changes.iter().map(|c| c.record.kind().store_name()).collect();
        if !archive.is_empty() {
            names.insert(keys::ARCHIVE);
        }
        if !changes.is_empty() || !settings.is_empty() {
            names.insert(keys::SETTINGS);
        }
        let names: Vec<&str> = names.into_iter().collect();
        let tx = self.db.transaction(names).with_mode(TransactionMode::Readwrite).build().map_err(backend)?;
        self.request_errors.watch(tx.as_sys());
        let total = changes.len();
        let mut delta = CountDelta::new();
        let mut queued: Option<(usize, indexed_db_futures::future::BasicRequest<JsValue>)> = None;
        let mut done = 0;
        for batch in changes.chunks(COMMIT_BATCH) {
            let added: Vec<&AnyRecord> =
                batch.iter().filter(|c| c.expect == Expect::Absent).map(|c| &c.record).collect();
            for record in &added {
                count_change(&mut delta, record, false);
            }
            let values = batch_to_js(&added)?;
            let mut last = None;
            for (i, record) in added.iter().enumerate() {
                let store = tx.object_store(record.kind().store_name()).map_err(backend)?;
                let value = values.get(i as u32);
                if i + 1 == added.len() {
                    last = Some(store.add(value).with_key_type::<JsValue>().primitive().map_err(backend)?);
                } else {
                    store.as_sys().add(&value).map_err(|e| backend(format!("{e:?}")))?;
                }
            }
            // An edit first asks for the stored version, which must be what the edit saw.
            let mut asked = Vec::new();
            for change in batch.iter().filter(|c| c.expect != Expect::Absent) {
                let store = tx.object_store(change.record.kind().store_name()).map_err(backend)?;
                let id = change.record.meta().id.to_string();
                asked.push((change, store.get(id).primitive().map_err(backend)?));
            }
            for (change, request) in asked {
                let stored: Option<JsValue> = request.await.map_err(backend)?;
                let stored = stored.map(from_js::<StoredVersion>).transpose()?.map(|s| s.meta);
                // Returning early drops the transaction, which rolls back every write so far.
                check_expectation(change, stored.as_ref().map(|m| &m.version))?;
                count_change(&mut delta, &change.record, stored.is_some_and(|m| !m.deleted));
                let store = tx.object_store(change.record.kind().store_name()).map_err(backend)?;
                store.put(any_to_js(&change.record)?).primitive().map_err(backend)?;
            }
            done += batch.len();
            if let Some((reached, request)) = queued.take() {
                let _key: JsValue = request.await.map_err(backend)?;
                progress(reached, total);
            }
            match last {
                Some(request) => queued = Some((done, request)),
                None => progress(done, total),
            }
        }
        if let Some((reached, request)) = queued {
            let _key: JsValue = request.await.map_err(backend)?;
            progress(reached, total);
        }
        update_counts(&tx, &delta).await?;
        if !archive.is_empty() {
            let store = tx.object_store(keys::ARCHIVE).map_err(backend)?;
            for entry in archive {
                store.put(IdbStore::serialize(entry)?).primitive().map_err(backend)?;
            }
        }
        // Settings written with the records, such as an import's undo record, go in
        // the same transaction: they land together or not at all.
        if !settings.is_empty() {
            let store = tx.object_store(keys::SETTINGS).map_err(backend)?;
            for setting in settings {
                store.put(setting.json.as_str()).with_key(setting.key.as_str()).primitive().map_err(backend)?;
            }
        }
        tx.commit().await.map_err(backend)
    }

    /// Counts the live records of every store (all minus tombstones) and keeps the
    /// counts, in one transaction over every store so no write falls between.
    /// Runs once for a database; afterwards every write updates the counts.
    async fn make_live_counts(&self) -> Result<BTreeMap<String, u64>, StoreError> {
        let mut names: Vec<&str> = Kind::ALL.iter().map(|k| k.store_name()).collect();
        names.push(keys::SETTINGS);
        let tx = self.db.transaction(names).with_mode(TransactionMode::Readwrite).build().map_err(backend)?;
        let settings = tx.object_store(keys::SETTINGS).map_err(backend)?;
        let made: Option<String> =
            settings.get(keys::LIVE_COUNTS).primitive().map_err(backend)?.await.map_err(backend)?;
        if let Some(text) = made {
            // Another tab made them first.
            return serde_json::from_str(&text).map_err(corrupt);
        }
        let mut counts = BTreeMap::new();
        for kind in Kind::ALL {
            let store = tx.object_store(kind.store_name()).map_err(backend)?;
            let all = store.count().primitive().map_err(backend)?.await.map_err(backend)?;
            let gone = store.index(keys::GONE).map_err(backend)?.count().primitive().map_err(backend)?;
            let gone = gone.await.map_err(backend)?;
            counts.insert(kind.store_name().to_owned(), u64::from(all.saturating_sub(gone)));
        }
        let text = serde_json::to_string(&counts).map_err(corrupt)?;
        settings.put(text).with_key(keys::LIVE_COUNTS).primitive().map_err(backend)?;
        tx.commit().await.map_err(backend)?;
        Ok(counts)
    }

    /// The first new record of `changes` whose id is stored already or came earlier
    /// in the same commit, as the refusal the memory store gives.
    async fn first_taken(&self, changes: &[Change]) -> Result<Option<StoreError>, StoreError> {
        let mut taken: std::collections::HashMap<&str, std::collections::HashSet<String>> = Default::default();
        for change in changes.iter().filter(|c| c.expect == Expect::Absent) {
            let name = change.record.kind().store_name();
            if !taken.contains_key(name) {
                let tx = self.reader(name)?;
                let store = tx.object_store(name).map_err(backend)?;
                let keys: Vec<JsValue> = store
                    .get_all_keys()
                    .primitive()
                    .map_err(backend)?
                    .await
                    .map_err(backend)?
                    .collect::<Result<_, _>>()
                    .map_err(backend)?;
                taken.insert(name, keys.into_iter().filter_map(|k| k.as_string()).collect());
            }
            let id = change.record.meta().id;
            if !taken.get_mut(name).is_some_and(|ids| ids.insert(id.to_string())) {
                return Ok(Some(StoreError::Exists { kind: change.record.kind(), id }));
            }
        }
        Ok(None)
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

/// serde_json text through the browser's JSON.parse: measured faster than building
/// the object field by field across the wasm boundary.
fn any_to_js(record: &AnyRecord) -> Result<JsValue, StoreError> {
    let mut text = Vec::new();
    schema::write_stored(record, &mut text).map_err(corrupt)?;
    js_sys::JSON::parse(std::str::from_utf8(&text).map_err(corrupt)?).map_err(|e| corrupt(format!("{e:?}")))
}

/// Records as stored (`schema::stored_list`), in one JSON text and one `JSON.parse`
/// for the whole batch.
fn batch_to_js(records: &[&AnyRecord]) -> Result<js_sys::Array, StoreError> {
    let text = schema::stored_list(records).map_err(corrupt)?;
    let parsed = js_sys::JSON::parse(&text).map_err(|e| corrupt(format!("{e:?}")))?;
    Ok(parsed.unchecked_into())
}

/// The version of the record `id` in `store` and whether it is a tombstone, if it is there.
async fn stored_meta(
    store: &indexed_db_futures::object_store::ObjectStore<'_>,
    id: Id,
) -> Result<Option<StoredMeta>, StoreError> {
    let stored: Option<JsValue> = store.get(id.to_string()).primitive().map_err(backend)?.await.map_err(backend)?;
    Ok(stored.map(from_js::<StoredVersion>).transpose()?.map(|s| s.meta))
}

/// Waits for a request made on the browser's own objects and gives its result.
/// The promise settles through the request's own handlers, so no closure is left
/// behind whichever way it ends. A request asked beside others may have finished
/// before it is waited for; its event has passed then, and its result is there.
async fn settled(request: web_sys::IdbRequest) -> Result<JsValue, StoreError> {
    if request.ready_state() == web_sys::IdbRequestReadyState::Done {
        return finished(&request);
    }
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    let outcome = wasm_bindgen_futures::JsFuture::from(promise).await;
    request.set_onsuccess(None);
    request.set_onerror(None);
    match outcome {
        Ok(_) => finished(&request),
        Err(_) => Err(failed(&request)),
    }
}

/// The result of a finished request, or why it failed.
fn finished(request: &web_sys::IdbRequest) -> Result<JsValue, StoreError> {
    request.result().map_err(|_| failed(request))
}

fn failed(request: &web_sys::IdbRequest) -> StoreError {
    backend(match request.error() {
        Ok(Some(e)) => format!("{}: {}", e.name(), e.message()),
        _ => "request failed".to_owned(),
    })
}

/// Decodes the list a `getAll` gave: the browser writes it as JSON text in one call
/// and serde_json reads that, several times faster than visiting every field of
/// every record across the wasm boundary.
/// The decoding itself is the core's `read_stored_list`, built for speed.
fn decode_list<B: Body>(list: &JsValue) -> Result<Vec<Record<B>>, StoreError> {
    let mut records = Records::default();
    decode_into(B::KIND, list, &mut records)?;
    Ok(std::mem::take(B::list_of(&mut records)))
}

fn decode_into(kind: Kind, list: &JsValue, into: &mut Records) -> Result<(), StoreError> {
    let text = js_sys::JSON::stringify(list).map_err(|e| corrupt(format!("{e:?}")))?;
    schema::read_stored_list(kind, &String::from(text), into).map_err(corrupt)
}

fn js_error(e: JsValue) -> StoreError {
    backend(format!("{e:?}"))
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
        decode_list(&settled(store.as_sys().get_all().map_err(js_error)?).await?)
    }

    /// One transaction over every store, with every store's `getAll` asked at once:
    /// the database reads the next stores while the page decodes the first.
    async fn all_records(&self) -> Result<Records, StoreError> {
        let names: Vec<&str> = Kind::ALL.iter().map(|k| k.store_name()).collect();
        let tx = self.db.transaction(names).build().map_err(backend)?;
        let mut asked = Vec::new();
        for kind in Kind::ALL {
            let store = tx.object_store(kind.store_name()).map_err(backend)?;
            asked.push((kind, store.as_sys().get_all().map_err(js_error)?));
        }
        let mut records = Records::default();
        for (kind, request) in asked {
            decode_into(kind, &settled(request).await?, &mut records)?;
        }
        Ok(records)
    }

    async fn by_index<B: Body>(&self, index: &'static str, key: Id) -> Result<Vec<Record<B>>, StoreError> {
        let name = B::KIND.store_name();
        let tx = self.reader(name)?;
        let store = tx.object_store(name).map_err(backend)?;
        let index = store.as_sys().index(index).map_err(js_error)?;
        let request = index.get_all_with_key(&JsValue::from_str(&key.to_string())).map_err(js_error)?;
        decode_list(&settled(request).await?)
    }

    async fn page<B: Body>(&self, after: Option<Id>, limit: usize) -> Result<Vec<Record<B>>, StoreError> {
        let name = B::KIND.store_name();
        let tx = self.reader(name)?;
        let store = tx.object_store(name).map_err(backend)?;
        let limit = u32::try_from(limit).unwrap_or(u32::MAX);
        let request = match after {
            Some(id) => {
                let range = web_sys::IdbKeyRange::lower_bound_with_open(&JsValue::from_str(&id.to_string()), true)
                    .map_err(js_error)?;
                store.as_sys().get_all_with_key_and_limit(&range, limit)
            }
            None => store.as_sys().get_all_with_key_and_limit(&JsValue::UNDEFINED, limit),
        };
        decode_list(&settled(request.map_err(js_error)?).await?)
    }

    async fn count_live(&self, kind: Kind) -> Result<usize, StoreError> {
        let counts = match self.setting::<BTreeMap<String, u64>>(keys::LIVE_COUNTS).await? {
            Some(counts) => counts,
            None => self.make_live_counts().await?,
        };
        Ok(counts.get(kind.store_name()).copied().unwrap_or(0) as usize)
    }

    async fn count_overdue(&self, today: Day) -> Result<usize, StoreError> {
        let tx = self.reader(keys::RECTIFICATIONS)?;
        let store = tx.object_store(keys::RECTIFICATIONS).map_err(backend)?;
        let index = store.index(keys::OPEN_DEADLINE).map_err(backend)?;
        let before_today = KeyRange::UpperBound(today.to_string(), true);
        Ok(index.count().with_query::<String, _>(before_today).primitive().map_err(backend)?.await.map_err(backend)?
            as usize)
    }

    async fn commit_with(&self, commit: Commit, progress: &dyn Fn(usize, usize)) -> Result<(), StoreError> {
        let Commit { changes, archive, settings } = commit;
        if changes.is_empty() && archive.is_empty() && settings.is_empty() {
            return Ok(());
        }
        match self.write(&changes, &archive, &settings, progress).await {
            Ok(()) => {
                self.written.borrow_mut().extend(changes.into_iter().map(|c| c.record));
                Ok(())
            }
            // The disk (or the browser's quota) is full: nothing of the commit landed.
            Err(_) if self.request_errors.first().as_deref() == Some("QuotaExceededError") => Err(StoreError::Full),
            // A new record whose id was taken aborted the transaction; which one it
            // was is looked up now that nothing of the commit is left.
            Err(StoreError::Backend(text)) if text.contains("Constraint") || text.contains("Abort") => {
                Err(self.first_taken(&changes).await?.unwrap_or(StoreError::Backend(text)))
            }
            Err(e) => Err(e),
        }
    }

    async fn revert_reporting(&self, revert: Revert, progress: &dyn Fn(usize, usize)) -> Result<(), StoreError> {
        let total = revert.restore.len() + revert.remove.len();
        let mut done = 0;
        let mut tell = |n: usize| {
            done += n;
            if done % COMMIT_BATCH == 0 || done == total {
                progress(done, total);
            }
        };
        let mut names: BTreeSet<&str> = revert.restore.iter().map(|c| c.record.kind().store_name()).collect();
        names.extend(revert.remove.iter().map(|(k, _, _)| k.store_name()));
        if !names.is_empty() {
            names.insert(keys::SETTINGS);
        }
        if !revert.unarchive.is_empty() {
            names.insert(keys::ARCHIVE);
        }
        if revert.guard.is_some() {
            names.insert(keys::SETTINGS);
        }
        if names.is_empty() {
            return Ok(());
        }
        let names: Vec<&str> = names.into_iter().collect();
        let tx = self.db.transaction(names).with_mode(TransactionMode::Readwrite).build().map_err(backend)?;
        // What the revert undoes must still be what the setting names: another tab
        // may have imported (or undone) since this page read it.
        if let Some((key, id)) = &revert.guard {
            let settings = tx.object_store(keys::SETTINGS).map_err(backend)?;
            let stored: Option<String> =
                settings.get(key.as_str()).primitive().map_err(backend)?.await.map_err(backend)?;
            if stored.as_deref().map(guard_id).transpose()?.flatten() != Some(*id) {
                return Err(StoreError::Superseded(key.clone()));
            }
            settings.put("null").with_key(key.as_str()).primitive().map_err(backend)?;
        }
        let mut delta = CountDelta::new();
        for change in &revert.restore {
            let store = tx.object_store(change.record.kind().store_name()).map_err(backend)?;
            let stored = stored_meta(&store, change.record.meta().id).await?;
            check_expectation(change, stored.as_ref().map(|m| &m.version))?;
            count_change(&mut delta, &change.record, stored.is_some_and(|m| !m.deleted));
            store.put(any_to_js(&change.record)?).primitive().map_err(backend)?;
            tell(1);
        }
        for (kind, id, version) in &revert.remove {
            let store = tx.object_store(kind.store_name()).map_err(backend)?;
            let stored = stored_meta(&store, *id).await?;
            if stored.as_ref().map(|m| &m.version) != Some(version) {
                // Dropping the transaction rolls back the restores above.
                return Err(StoreError::Stale { kind: *kind, id: *id });
            }
            if stored.is_some_and(|m| !m.deleted) {
                *delta.entry(kind.store_name()).or_default() -= 1;
            }
            store.delete(id.to_string()).primitive().map_err(backend)?;
            tell(1);
        }
        update_counts(&tx, &delta).await?;
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
