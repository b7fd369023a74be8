//! Applies the core's schema steps inside IndexedDB's upgrade event, one step at a time.

use indexed_db_futures::database::Database;
use indexed_db_futures::error::{DomException, OpenDbError};
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::prelude::*;
use indexed_db_futures::KeyPath;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use xuncha_core::pages::{page_key, Page};
use xuncha_core::record::{AnyRecord, Kind};
use xuncha_core::schema::{keys, steps_after, IndexFields, SchemaOp};
use xuncha_core::store::StoreError;

type IdbResult<T> = indexed_db_futures::Result<T>;

/// A store made and dropped within one upgrade, only to reach the upgrade's
/// transaction when a step creates no store of its own.
const SCRATCH: &str = "_upgrade";

/// Opens `name` at `version`, running every step between the stored version and it.
/// Tests open older versions to build fixtures of the schema before a step.
pub async fn open_at(name: &str, version: u32) -> Result<Database, StoreError> {
    UPGRADE_FAILURE.with(|f| f.borrow_mut().take());
    Database::open(name)
        .with_version(version)
        .with_on_blocked(|_| Ok(()))
        .with_on_upgrade_needed(move |event, db| {
            let old = event.old_version() as u32;
            let steps: Vec<_> = steps_after(old).filter(|s| s.version <= version).collect();
            // Index fields written into a store that this same upgrade moves to
            // pages would be dropped with it.
            let paged: Vec<&str> = steps
                .iter()
                .flat_map(|s| s.ops)
                .filter_map(|op| match op {
                    SchemaOp::MoveToPages { store } => Some(*store),
                    _ => None,
                })
                .collect();
            // A store made earlier in this same upgrade is empty: it is dropped at once.
            let made: Vec<&str> = steps
                .iter()
                .flat_map(|s| s.ops)
                .filter_map(|op| match op {
                    SchemaOp::CreateStore { store, .. } => Some(*store),
                    _ => None,
                })
                .collect();
            for step in steps {
                if let Err(e) = apply(&db, step.ops, &paged, &made) {
                    failed_because(format!("step {}: {e}", step.version));
                    return Err(e);
                }
            }
            Ok(())
        })
        .await
        .map_err(|e| match &e {
            OpenDbError::Base(indexed_db_futures::error::Error::DomException(DomException::Other(x)))
                if x.name() == "VersionError" =>
            {
                StoreError::Newer
            }
            // An upgrade step that aborted says why, rather than only that it aborted.
            _ => match UPGRADE_FAILURE.with(|f| f.borrow_mut().take()) {
                Some(why) => StoreError::Backend(format!("{e} ({why})")),
                None => StoreError::Backend(e.to_string()),
            },
        })
}

thread_local! {
    /// Why the last upgrade step that ran in a callback aborted the upgrade.
    static UPGRADE_FAILURE: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

fn failed_because(why: String) {
    UPGRADE_FAILURE.with(|f| *f.borrow_mut() = Some(why));
}

/// The name and message of a thrown browser error, or its text.
fn describe(e: &JsValue) -> String {
    match e.dyn_ref::<js_sys::Error>() {
        Some(error) => format!("{}: {}", String::from(error.name()), String::from(error.message())),
        None => e.as_string().unwrap_or_else(|| format!("{e:?}")),
    }
}

fn failure(text: &str) -> indexed_db_futures::error::Error {
    indexed_db_futures::error::Error::from(JsValue::from_str(text))
}

fn apply(db: &Database, ops: &[SchemaOp], paged: &[&str], made: &[&str]) -> IdbResult<()> {
    let mut created: Vec<(&str, indexed_db_futures::object_store::ObjectStore<'_>)> = Vec::new();
    for op in ops {
        if let SchemaOp::CreateStore { store, key_path } = *op {
            let builder = db.create_object_store(store);
            let made = match key_path {
                Some(path) => builder.with_key_path(KeyPath::from(path)).build()?,
                None => builder.build()?,
            };
            created.push((store, made));
        }
    }
    let scratch = match created.first() {
        Some(_) => None,
        None if ops.is_empty() => return Ok(()),
        None => Some(db.create_object_store(SCRATCH).build()?),
    };
    let tx = match (created.first(), &scratch) {
        (Some((_, s)), _) | (None, Some(s)) => s.transaction(),
        (None, None) => return Err(failure("an upgrade step without a transaction")),
    };
    for op in ops {
        match *op {
            SchemaOp::CreateStore { .. } => {}
            SchemaOp::CreateIndex { store, index, key_path } => {
                tx.object_store(store)?.create_index(index, KeyPath::from(key_path)).build()?;
            }
            SchemaOp::DeleteIndex { store, index } => tx.object_store(store)?.delete_index(index)?,
            SchemaOp::WriteIndexFields { store } if paged.contains(&store) => {}
            SchemaOp::WriteIndexFields { store } => {
                write_index_fields(tx.object_store(store)?.as_sys(), kind_of(store)?)?;
            }
            SchemaOp::MoveToPages { store } if made.contains(&store) => db.delete_object_store(store)?,
            SchemaOp::MoveToPages { store } => move_to_pages(tx.as_sys(), store, kind_of(store)?)?,
        }
    }
    if scratch.is_some() {
        db.delete_object_store(SCRATCH)?;
    }
    Ok(())
}

fn kind_of(store: &str) -> IdbResult<Kind> {
    Kind::ALL.into_iter().find(|k| k.store_name() == store).ok_or_else(|| failure("a store of no record kind"))
}

/// Reads every record of `store` with a cursor and writes them as pages of the
/// `PAGES` store, then drops `store`, inside the upgrade transaction: the upgrade
/// completes only when this has, and a record whose id or version cannot be read
/// aborts it, leaving the database at the old version with nothing lost (the
/// emergency export still reads it). A cursor, because Chromium 80 fails a `getAll`
/// inside an upgrade ("UnknownError: Bad request").
fn move_to_pages(tx: &web_sys::IdbTransaction, store: &'static str, kind: Kind) -> IdbResult<()> {
    let request = tx.object_store(store)?.open_cursor()?;
    let walking = request.clone();
    let moving = tx.clone();
    let records = js_sys::Array::new();
    let on_record = gloo_events::EventListener::new(&request, "success", move |_| {
        let step = || -> Result<(), JsValue> {
            match walking.result()?.dyn_into::<web_sys::IdbCursorWithValue>() {
                Ok(cursor) => {
                    records.push(&cursor.value()?);
                    cursor.continue_()
                }
                // The walk is over.
                Err(_) => write_pages(&moving, &records, store, kind),
            }
        };
        if let Err(e) = step() {
            failed_because(format!("{store}: {}", describe(&e)));
            let _ = moving.abort();
        }
    });
    // The listener must outlive this call; it runs once per record of one upgrade.
    on_record.forget();
    Ok(())
}

fn write_pages(tx: &web_sys::IdbTransaction, records: &js_sys::Array, store: &str, kind: Kind) -> Result<(), JsValue> {
    let text: String = js_sys::JSON::stringify(records)?.into();
    let page = Page::read(&text).map_err(|e| JsValue::from_str(&e.to_string()))?;
    let pages = tx.object_store(keys::PAGES)?;
    for (key, text) in page.write(kind, &page_key(kind, "")) {
        pages.put_with_key(&JsValue::from_str(&text), &JsValue::from_str(&key))?;
    }
    tx.db().delete_object_store(store)
}

/// Walks every record of `store` with a cursor and writes its `IndexFields`, inside
/// the upgrade transaction: the upgrade completes only when the walk has, and a
/// failed write aborts it, leaving the database at the old version.
fn write_index_fields(store: &web_sys::IdbObjectStore, kind: Kind) -> IdbResult<()> {
    let request = store.open_cursor()?;
    let tx = store.transaction();
    let walking = request.clone();
    let on_record = gloo_events::EventListener::new(&request, "success", move |_| {
        let Ok(result) = walking.result() else { return tx.abort().unwrap_or(()) };
        let Some(cursor) = result.dyn_ref::<web_sys::IdbCursorWithValue>() else { return };
        let written = cursor.value().and_then(|value| {
            // A record the model cannot read is left as it is: loading reports it,
            // and the rest of the database stays usable.
            if let Ok(fields) = index_fields(kind, &value) {
                js_sys::Reflect::set(&value, &JsValue::from_str(keys::INDEX_FIELDS), &fields)?;
                cursor.update(&value)?;
            }
            cursor.continue_()
        });
        if let Err(e) = written {
            failed_because(describe(&e));
            let _ = tx.abort();
        }
    });
    // The listener must outlive this call; it runs once per record of one upgrade.
    on_record.forget();
    Ok(())
}

fn index_fields(kind: Kind, value: &JsValue) -> Result<JsValue, JsValue> {
    let text: String = js_sys::JSON::stringify(value)?.into();
    let json: serde_json::Value = serde_json::from_str(&text).map_err(|e| JsValue::from_str(&e.to_string()))?;
    let record = AnyRecord::from_json(kind, json).map_err(|e| JsValue::from_str(&e.to_string()))?;
    let fields = serde_json::to_string(&IndexFields::of(&record)).map_err(|e| JsValue::from_str(&e.to_string()))?;
    js_sys::JSON::parse(&fields)
}
