//! Every write through pages, inside the caller's transaction: the pages the edits
//! fall in are read, each edit is checked against the version its page holds (so a
//! stale edit from another tab is refused as before), page by page, and each page is
//! written back once its edits are in,
//! split when grown past their limit, and the figures kept beside them (live counts,
//! open deadlines, stamps) move with them. Nothing here commits: a returned error
//! drops the transaction, which rolls back everything it wrote.

use super::paged::{ask_keys, ask_page, read_page, strings, text};
use super::{corrupt, js_error, settled, StoreError};
use std::collections::{BTreeMap, HashMap};
use wasm_bindgen::prelude::*;
use web_sys::{IdbObjectStore, IdbRequest};
use xuncha_core::id::Id;
use xuncha_core::meta::VersionVector;
use xuncha_core::pages::{kind_of_key, page_key, page_of, Entry, OpenDeadlines, Page, Stamps, Tally};
use xuncha_core::record::Kind;
use xuncha_core::schema::keys;
use xuncha_core::store::{check_expectation, Change};

/// One record's change in a write.
pub(super) enum Edit<'a> {
    Put(&'a Change),
    /// A record removed outright (an undone import's new records), if still at `version`.
    Remove {
        kind: Kind,
        id: Id,
        version: &'a VersionVector,
    },
}

impl Edit<'_> {
    fn kind(&self) -> Kind {
        match self {
            Edit::Put(c) => c.record.kind(),
            Edit::Remove { kind, .. } => *kind,
        }
    }

    fn id(&self) -> Id {
        match self {
            Edit::Put(c) => c.record.meta().id,
            Edit::Remove { id, .. } => *id,
        }
    }
}

/// Pages written per progress report.
const PAGES_PER_REPORT: usize = 16;

/// Edits checked and placed between two breaths of the page.
const EDITS_PER_BREATH: usize = 2_500;

/// Checks `edit` against the version `page` holds and applies it, counting it in `tally`.
fn apply(page: &mut Page, edit: &Edit<'_>, tally: &mut Tally) -> Result<(), StoreError> {
    let id = edit.id();
    let stored = page.entries.get(&id);
    match edit {
        Edit::Put(change) => {
            check_expectation(change, stored.map(|e| &e.version))?;
            tally.change(change.record.kind(), stored, Some(&change.record)).map_err(corrupt)?;
            page.entries.insert(id, Entry::of(&change.record).map_err(corrupt)?);
        }
        Edit::Remove { kind, version, .. } => {
            if stored.map(|e| &e.version) != Some(*version) {
                return Err(StoreError::Stale { kind: *kind, id });
            }
            tally.change(*kind, stored, None).map_err(corrupt)?;
            page.entries.remove(&id);
        }
    }
    Ok(())
}

/// The stamps before and after a write, for the lookups to follow it.
pub(super) struct Moved {
    pub(super) before: Stamps,
    pub(super) after: Stamps,
}

fn setting(settings: &IdbObjectStore, key: &str) -> Result<IdbRequest, StoreError> {
    settings.get(&JsValue::from_str(key)).map_err(js_error)
}

async fn setting_text(request: IdbRequest) -> Result<Option<String>, StoreError> {
    Ok(settled(request).await?.as_string())
}

fn put(store: &IdbObjectStore, key: &str, value: &str) -> Result<IdbRequest, StoreError> {
    store.put_with_key(&JsValue::from_str(value), &JsValue::from_str(key)).map_err(js_error)
}

/// Applies `edits` in order to `pages` and `settings` (both stores of one readwrite
/// transaction). `progress` hears (edits written, all edits).
pub(super) async fn write_edits(
    pages: &IdbObjectStore,
    settings: &IdbObjectStore,
    edits: &[Edit<'_>],
    progress: &dyn Fn(usize, usize),
) -> Result<Moved, StoreError> {
    let counts = setting(settings, keys::LIVE_COUNTS)?;
    let open = setting(settings, keys::OPEN_DEADLINES)?;
    let stamps = setting(settings, keys::PAGE_STAMPS)?;
    let mut kinds: Vec<Kind> = edits.iter().map(Edit::kind).collect();
    kinds.sort();
    kinds.dedup();
    let mut asked = Vec::new();
    for kind in &kinds {
        asked.push((*kind, ask_keys(pages, *kind)?));
    }
    let mut keys_of: HashMap<Kind, Vec<String>> = HashMap::new();
    for (kind, request) in asked {
        keys_of.insert(kind, strings(request).await?);
    }

    // Each edit's page: the stored page its id falls in, or the kind's first page.
    // Edits stay in the commit's order within their page.
    let mut by_page: BTreeMap<String, (bool, Vec<&Edit<'_>>)> = BTreeMap::new();
    for edit in edits {
        let kind = edit.kind();
        let keys = keys_of.get(&kind).map(Vec::as_slice).unwrap_or_default();
        let (key, stored) = match page_of(keys, kind, edit.id()) {
            Some(i) => (keys[i].clone(), true),
            // No page starts at or before the id: the kind's first page is not there.
            None => (page_key(kind, ""), false),
        };
        by_page.entry(key).or_insert((stored, Vec::new())).1.push(edit);
    }
    let mut asked = Vec::new();
    for (key, (stored, _)) in &by_page {
        if *stored {
            asked.push((key.clone(), ask_page(pages, key)?));
        }
    }
    let mut read: HashMap<String, Page> = HashMap::new();
    for (key, request) in asked {
        if let Some(t) = text(request).await? {
            read.insert(key, read_page(&t)?);
        }
    }

    let total = edits.len();
    let mut done = 0;
    let mut tally = Tally::default();
    let mut pages_since_report = 0;
    let mut last: Option<IdbRequest> = None;
    for (key, (stored, page_edits)) in by_page {
        let kind = kind_of_key(&key).ok_or_else(|| corrupt("a page of no kind"))?;
        let mut page = read.remove(&key).unwrap_or_default();
        for edit in page_edits {
            apply(&mut page, edit, &mut tally)?;
            done += 1;
            if done % EDITS_PER_BREATH == 0 {
                // The page gets the thread back while the transaction has a request
                // pending, so it stays open.
                settled(setting(settings, keys::PAGE_STAMPS)?).await?;
                progress(done, total);
            }
        }
        let written = page.write(kind, &key);
        if written.is_empty() && stored {
            pages.delete(&JsValue::from_str(&key)).map_err(js_error)?;
        }
        for (k, t) in written {
            last = Some(put(pages, &k, &t)?);
            pages_since_report += 1;
            if pages_since_report == PAGES_PER_REPORT {
                pages_since_report = 0;
                // IndexedDB works through a transaction's requests in order: when this
                // one is done, so is every page before it.
                if let Some(request) = last.take() {
                    settled(request).await?;
                }
                progress(done, total);
            }
        }
    }
    if let Some(request) = last {
        settled(request).await?;
    }
    progress(total, total);

    // The figures move with the pages. Counts never made stay unmade: reading them
    // makes them from the pages.
    if let Some(t) = setting_text(counts).await? {
        let mut counts: BTreeMap<String, i64> = serde_json::from_str(&t).map_err(corrupt)?;
        tally.apply_live(&mut counts);
        put(settings, keys::LIVE_COUNTS, &serde_json::to_string(&counts).map_err(corrupt)?)?;
    }
    if let Some(t) = setting_text(open).await? {
        let mut open: OpenDeadlines = serde_json::from_str(&t).map_err(corrupt)?;
        tally.apply_open(&mut open);
        put(settings, keys::OPEN_DEADLINES, &serde_json::to_string(&open).map_err(corrupt)?)?;
    }
    let before: Stamps = match setting_text(stamps).await? {
        Some(t) => serde_json::from_str(&t).map_err(corrupt)?,
        None => Stamps::new(),
    };
    let mut after = before.clone();
    tally.apply_stamps(&mut after);
    put(settings, keys::PAGE_STAMPS, &serde_json::to_string(&after).map_err(corrupt)?)?;
    Ok(Moved { before, after })
}
