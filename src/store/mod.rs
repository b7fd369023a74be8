//! The IndexedDB backend of the core's `Store` contract: every kind's records in
//! pages (`xuncha_core::pages`) of one object store, settings and the conflict
//! archive beside them, versioned migrations, and every write in one explicit
//! transaction.

mod errors;
mod lookup;
mod migrate;
mod paged;
mod write;

use errors::RequestErrors;
use indexed_db_futures::database::Database;
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{Transaction, TransactionMode};
use paged::{ask_all, ask_keys, ask_page, decode, decode_into, read_page, strings, text};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use wasm_bindgen::prelude::*;
use write::{write_edits, Edit, Moved};
use xuncha_core::date::Day;
use xuncha_core::exchange::format::Records;
use xuncha_core::id::Id;
use xuncha_core::pages::{open_deadlines, overdue, page_of, stamp_of, OpenDeadlines, Stamps, PAGE_RECORDS};
use xuncha_core::record::{AnyRecord, Body, Kind, Record};
use xuncha_core::schema::{index_keys_of, keys, CURRENT_VERSION};
use xuncha_core::store::{guard_id, ArchivedVersion, Change, Commit, Revert, SettingWrite, Store, StoreError};

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
    /// Takes the error events of a bulk write's requests (see `errors`).
    request_errors: RequestErrors,
    lookups: lookup::Lookups,
}

impl IdbStore {
    /// Opens `name`, upgrading it to the current schema.
    pub async fn open(name: &str) -> Result<IdbStore, StoreError> {
        Ok(IdbStore::from_database(open_at(name, CURRENT_VERSION).await?))
    }

    pub fn from_database(db: Database) -> IdbStore {
        IdbStore { db, written: Default::default(), request_errors: RequestErrors::new(), lookups: Default::default() }
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
        let tx = self.reader(&[store])?;
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

    /// A read-only transaction on `names`.
    fn reader(&self, names: &[&str]) -> Result<Transaction<'_>, StoreError> {
        self.db.transaction(names.to_vec()).build().map_err(backend)
    }

    /// A read-write transaction on `names`, its request errors watched.
    fn writer(&self, names: &[&str]) -> Result<Transaction<'_>, StoreError> {
        let tx = self.db.transaction(names.to_vec()).with_mode(TransactionMode::Readwrite).build().map_err(backend)?;
        self.request_errors.watch(tx.as_sys());
        Ok(tx)
    }

    fn sys(tx: &Transaction<'_>, name: &str) -> Result<web_sys::IdbObjectStore, StoreError> {
        Ok(tx.object_store(name).map_err(backend)?.as_sys().clone())
    }

    pub fn close(self) {
        self.db.close();
    }

    fn serialize<V: Serialize>(value: &V) -> Result<JsValue, StoreError> {
        value.serialize(&serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true)).map_err(corrupt)
    }

    /// A write's outcome as the contract names it: a full disk is `Full`.
    fn outcome<T>(&self, result: Result<T, StoreError>) -> Result<T, StoreError> {
        match result {
            Err(_) if self.request_errors.first().as_deref() == Some("QuotaExceededError") => Err(StoreError::Full),
            other => other,
        }
    }

    /// Lets the lookups follow a write of this connection.
    fn follow(&self, moved: &Moved, records: &[(Kind, Id, Option<&AnyRecord>)]) {
        let kinds: BTreeSet<Kind> = records.iter().map(|(k, _, _)| *k).collect();
        for kind in kinds {
            let of_kind: Vec<(Id, Option<&AnyRecord>)> =
                records.iter().filter(|(k, _, _)| *k == kind).map(|(_, id, r)| (*id, *r)).collect();
            self.lookups.written(kind, stamp_of(&moved.before, kind), stamp_of(&moved.after, kind), &of_kind);
        }
    }

    /// Counts the live records of every kind from the pages and keeps the counts, in
    /// one transaction so no write falls between. Runs once for a database;
    /// afterwards every write updates them.
    async fn make_live_counts(&self) -> Result<BTreeMap<String, u64>, StoreError> {
        let tx = self.writer(&[keys::PAGES, keys::SETTINGS])?;
        let settings = Self::sys(&tx, keys::SETTINGS)?;
        let made = settled(settings.get(&JsValue::from_str(keys::LIVE_COUNTS)).map_err(js_error)?).await?;
        if let Some(text) = made.as_string() {
            // Another tab made them first.
            return serde_json::from_str(&text).map_err(corrupt);
        }
        let pages = Self::sys(&tx, keys::PAGES)?;
        let mut asked = Vec::new();
        for kind in Kind::ALL {
            asked.push((kind, ask_all(&pages, kind)?));
        }
        let mut counts = BTreeMap::new();
        for (kind, request) in asked {
            let mut live = 0;
            for t in strings(request).await? {
                live += read_page(&t)?.entries.values().filter(|e| !e.deleted).count() as u64;
            }
            counts.insert(kind.store_name().to_owned(), live);
        }
        let text = serde_json::to_string(&counts).map_err(corrupt)?;
        settings.put_with_key(&JsValue::from_str(&text), &JsValue::from_str(keys::LIVE_COUNTS)).map_err(js_error)?;
        tx.commit().await.map_err(backend)?;
        Ok(counts)
    }

    /// Counts the open rectifications by deadline from the pages and keeps them.
    async fn make_open_deadlines(&self) -> Result<OpenDeadlines, StoreError> {
        let tx = self.writer(&[keys::PAGES, keys::SETTINGS])?;
        let settings = Self::sys(&tx, keys::SETTINGS)?;
        let made = settled(settings.get(&JsValue::from_str(keys::OPEN_DEADLINES)).map_err(js_error)?).await?;
        if let Some(text) = made.as_string() {
            return serde_json::from_str(&text).map_err(corrupt);
        }
        let pages = Self::sys(&tx, keys::PAGES)?;
        let texts = strings(ask_all(&pages, Kind::Rectification)?).await?;
        let rects = decode::<xuncha_core::rectification::Rectification>(&texts)?;
        let records: Vec<AnyRecord> = rects.into_iter().map(AnyRecord::Rectification).collect();
        let open = open_deadlines(records.iter());
        let text = serde_json::to_string(&open).map_err(corrupt)?;
        settings.put_with_key(&JsValue::from_str(&text), &JsValue::from_str(keys::OPEN_DEADLINES)).map_err(js_error)?;
        tx.commit().await.map_err(backend)?;
        Ok(open)
    }

    /// The stamp of `kind` as a transaction that includes the settings sees it.
    async fn stamp(tx: &Transaction<'_>, kind: Kind) -> Result<u64, StoreError> {
        let settings = Self::sys(tx, keys::SETTINGS)?;
        let value = settled(settings.get(&JsValue::from_str(keys::PAGE_STAMPS)).map_err(js_error)?).await?;
        let stamps: Stamps = match value.as_string() {
            Some(t) => serde_json::from_str(&t).map_err(corrupt)?,
            None => Stamps::new(),
        };
        Ok(stamp_of(&stamps, kind))
    }
}

impl IdbStore {
    /// Writes a commit in one transaction: its records through their pages, then
    /// its archived versions and settings (such as an import's undo record), so
    /// they land together or not at all. `None` when it had no records.
    async fn write(
        &self,
        changes: &[Change],
        archive: &[ArchivedVersion],
        settings: &[SettingWrite],
        progress: &dyn Fn(usize, usize),
    ) -> Result<Option<Moved>, StoreError> {
        let mut names = vec![keys::SETTINGS];
        if !changes.is_empty() {
            names.push(keys::PAGES);
        }
        if !archive.is_empty() {
            names.push(keys::ARCHIVE);
        }
        let tx = self.writer(&names)?;
        let settings_store = Self::sys(&tx, keys::SETTINGS)?;
        let moved = if changes.is_empty() {
            None
        } else {
            let edits: Vec<Edit<'_>> = changes.iter().map(Edit::Put).collect();
            Some(write_edits(&Self::sys(&tx, keys::PAGES)?, &settings_store, &edits, progress).await?)
        };
        if !archive.is_empty() {
            let store = tx.object_store(keys::ARCHIVE).map_err(backend)?;
            for entry in archive {
                store.put(IdbStore::serialize(entry)?).primitive().map_err(backend)?;
            }
        }
        for setting in settings {
            settings_store
                .put_with_key(&JsValue::from_str(&setting.json), &JsValue::from_str(&setting.key))
                .map_err(js_error)?;
        }
        tx.commit().await.map_err(backend)?;
        Ok(moved)
    }
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

/// Each record's id with the (index, key) pairs it is found under.
fn keyed<B: Body>(records: &[Record<B>]) -> Vec<(Id, Vec<(&'static str, Id)>)> {
    records.iter().map(|r| (r.meta.id, index_keys_of(B::KIND, &r.data.references()))).collect()
}

fn js_error(e: JsValue) -> StoreError {
    backend(format!("{e:?}"))
}

fn from_js<V: DeserializeOwned>(value: JsValue) -> Result<V, StoreError> {
    serde_wasm_bindgen::from_value(value).map_err(corrupt)
}

impl Store for IdbStore {
    async fn get<B: Body>(&self, id: Id) -> Result<Option<Record<B>>, StoreError> {
        let tx = self.reader(&[keys::PAGES])?;
        let pages = Self::sys(&tx, keys::PAGES)?;
        let keys = strings(ask_keys(&pages, B::KIND)?).await?;
        let Some(i) = page_of(&keys, B::KIND, id) else { return Ok(None) };
        let Some(t) = text(ask_page(&pages, &keys[i])?).await? else { return Ok(None) };
        let page = read_page(&t)?;
        // Decoded as a list by the core (see `paged::decode`): no decoder of its own here.
        let Some(entry) = page.entries.get(&id) else { return Ok(None) };
        Ok(decode::<B>(&[format!("[{}]", entry.text)])?.pop())
    }

    /// Every record of the kind; its lookup is made on the way.
    async fn all<B: Body>(&self) -> Result<Vec<Record<B>>, StoreError> {
        let tx = self.reader(&[keys::PAGES, keys::SETTINGS])?;
        let pages = Self::sys(&tx, keys::PAGES)?;
        let stamp = Self::stamp(&tx, B::KIND).await?;
        let all = decode::<B>(&strings(ask_all(&pages, B::KIND)?).await?)?;
        self.lookups.build(B::KIND, stamp, keyed(&all).into_iter());
        Ok(all)
    }

    /// One transaction, every kind's pages asked at once: the database reads the
    /// next kind while the page decodes the first.
    async fn all_records(&self) -> Result<Records, StoreError> {
        let tx = self.reader(&[keys::PAGES])?;
        let pages = Self::sys(&tx, keys::PAGES)?;
        let mut asked = Vec::new();
        for kind in Kind::ALL {
            asked.push((kind, ask_all(&pages, kind)?));
        }
        let mut records = Records::default();
        for (kind, request) in asked {
            decode_into(kind, &strings(request).await?, &mut records)?;
        }
        Ok(records)
    }

    /// From the kind's lookup when it is current: only the pages holding the ids
    /// found are read. Otherwise every page of the kind is read and the lookup built.
    async fn by_index<B: Body>(&self, index: &'static str, key: Id) -> Result<Vec<Record<B>>, StoreError> {
        let kind = B::KIND;
        let tx = self.reader(&[keys::PAGES, keys::SETTINGS])?;
        let pages = Self::sys(&tx, keys::PAGES)?;
        let stamp = Self::stamp(&tx, kind).await?;
        if let Some(ids) = self.lookups.ids(kind, stamp, index, key) {
            if ids.is_empty() {
                return Ok(Vec::new());
            }
            let keys = strings(ask_keys(&pages, kind)?).await?;
            let wanted: BTreeSet<usize> = ids.iter().filter_map(|id| page_of(&keys, kind, *id)).collect();
            let mut asked = Vec::new();
            for i in wanted {
                asked.push(ask_page(&pages, &keys[i])?);
            }
            let mut texts = Vec::new();
            for request in asked {
                texts.extend(text(request).await?);
            }
            let ids: BTreeSet<Id> = ids.into_iter().collect();
            return Ok(decode::<B>(&texts)?.into_iter().filter(|r| ids.contains(&r.meta.id)).collect());
        }
        let all = decode::<B>(&strings(ask_all(&pages, kind)?).await?)?;
        let keyed = keyed(&all);
        let found: BTreeSet<Id> =
            keyed.iter().filter(|(_, keys)| keys.contains(&(index, key))).map(|(id, _)| *id).collect();
        self.lookups.build(kind, stamp, keyed.into_iter());
        Ok(all.into_iter().filter(|r| found.contains(&r.meta.id)).collect())
    }

    /// The records after `after` in id order: from the page holding `after` on, the
    /// pages that hold about `limit` records asked at once, until `limit` are read.
    async fn page<B: Body>(&self, after: Option<Id>, limit: usize) -> Result<Vec<Record<B>>, StoreError> {
        let kind = B::KIND;
        let tx = self.reader(&[keys::PAGES, keys::SETTINGS])?;
        let pages = Self::sys(&tx, keys::PAGES)?;
        let stamp = Self::stamp(&tx, kind).await?;
        let keys = strings(ask_keys(&pages, kind)?).await?;
        let mut next = after.and_then(|id| page_of(&keys, kind, id)).unwrap_or(0);
        let mut out: Vec<Record<B>> = Vec::new();
        while next < keys.len() && out.len() < limit {
            // As many pages as the records still wanted fill when cut as new pages
            // are: a page or so is read beyond the limit, not a whole step.
            let wanted = (limit - out.len()).div_ceil(PAGE_RECORDS).max(1);
            let mut asked = Vec::new();
            for key in keys.iter().skip(next).take(wanted) {
                asked.push(ask_page(&pages, key)?);
            }
            next += asked.len();
            let mut texts = Vec::new();
            for request in asked {
                texts.extend(text(request).await?);
            }
            out.extend(decode::<B>(&texts)?.into_iter().filter(|r| after.is_none_or(|a| r.meta.id > a)));
        }
        out.truncate(limit);
        // The long lists are read this way at opening: their lookups come with them,
        // so the first save does not read a kind again.
        self.lookups.feed(kind, stamp, after.is_none(), keyed(&out).into_iter(), out.len() < limit);
        Ok(out)
    }

    async fn count_live(&self, kind: Kind) -> Result<usize, StoreError> {
        let counts = match self.setting::<BTreeMap<String, u64>>(keys::LIVE_COUNTS).await? {
            Some(counts) => counts,
            None => self.make_live_counts().await?,
        };
        Ok(counts.get(kind.store_name()).copied().unwrap_or(0) as usize)
    }

    async fn count_overdue(&self, today: Day) -> Result<usize, StoreError> {
        let open = match self.setting::<OpenDeadlines>(keys::OPEN_DEADLINES).await? {
            Some(open) => open,
            None => self.make_open_deadlines().await?,
        };
        Ok(overdue(&open, today))
    }

    async fn commit_with(&self, commit: Commit, progress: &dyn Fn(usize, usize)) -> Result<(), StoreError> {
        let Commit { changes, archive, settings } = commit;
        if changes.is_empty() && archive.is_empty() && settings.is_empty() {
            return Ok(());
        }
        let result = self.write(&changes, &archive, &settings, progress).await;
        let moved = self.outcome(result)?;
        if let Some(moved) = moved {
            let records: Vec<(Kind, Id, Option<&AnyRecord>)> =
                changes.iter().map(|c| (c.record.kind(), c.record.meta().id, Some(&c.record))).collect();
            self.follow(&moved, &records);
        }
        self.written.borrow_mut().extend(changes.into_iter().map(|c| c.record));
        Ok(())
    }

    async fn revert_reporting(&self, revert: Revert, progress: &dyn Fn(usize, usize)) -> Result<(), StoreError> {
        let mut edits: Vec<Edit<'_>> = revert.restore.iter().map(Edit::Put).collect();
        edits.extend(revert.remove.iter().map(|(kind, id, version)| Edit::Remove { kind: *kind, id: *id, version }));
        if edits.is_empty() && revert.unarchive.is_empty() && revert.guard.is_none() {
            return Ok(());
        }
        let mut names = vec![keys::PAGES, keys::SETTINGS];
        if !revert.unarchive.is_empty() {
            names.push(keys::ARCHIVE);
        }
        let tx = self.writer(&names)?;
        let settings = Self::sys(&tx, keys::SETTINGS)?;
        // What the revert undoes must still be what the setting names: another tab
        // may have imported (or undone) since this page read it.
        if let Some((key, id)) = &revert.guard {
            let stored = settled(settings.get(&JsValue::from_str(key)).map_err(js_error)?).await?.as_string();
            if stored.as_deref().map(guard_id).transpose()?.flatten() != Some(*id) {
                return Err(StoreError::Superseded(key.clone()));
            }
            settings.put_with_key(&JsValue::from_str("null"), &JsValue::from_str(key)).map_err(js_error)?;
        }
        let moved = if edits.is_empty() {
            None
        } else {
            let pages = Self::sys(&tx, keys::PAGES)?;
            Some(self.outcome(write_edits(&pages, &settings, &edits, progress).await)?)
        };
        if !revert.unarchive.is_empty() {
            let store = Self::sys(&tx, keys::ARCHIVE)?;
            for id in &revert.unarchive {
                store.delete(&JsValue::from_str(&id.to_string())).map_err(js_error)?;
            }
        }
        let committed = tx.commit().await.map_err(backend);
        self.outcome(committed)?;
        if let Some(moved) = moved {
            let mut records: Vec<(Kind, Id, Option<&AnyRecord>)> =
                revert.restore.iter().map(|c| (c.record.kind(), c.record.meta().id, Some(&c.record))).collect();
            records.extend(revert.remove.iter().map(|(kind, id, _)| (*kind, *id, None)));
            self.follow(&moved, &records);
        }
        Ok(())
    }

    async fn archived(&self) -> Result<Vec<ArchivedVersion>, StoreError> {
        let tx = self.reader(&[keys::ARCHIVE])?;
        let store = tx.object_store(keys::ARCHIVE).map_err(backend)?;
        let values = store.get_all().primitive().map_err(backend)?.await.map_err(backend)?;
        let mut all: Vec<ArchivedVersion> =
            values.map(|v| v.map_err(backend).and_then(from_js)).collect::<Result<_, _>>()?;
        all.sort_by_key(|a| a.archived_at);
        Ok(all)
    }

    async fn setting<V: DeserializeOwned>(&self, key: &str) -> Result<Option<V>, StoreError> {
        let tx = self.reader(&[keys::SETTINGS])?;
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
