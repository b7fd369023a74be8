//! Applies the core's schema steps inside IndexedDB's upgrade event, one step at a time.

use indexed_db_futures::database::Database;
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::prelude::*;
use indexed_db_futures::KeyPath;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
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
    Database::open(name)
        .with_version(version)
        .with_on_blocked(|_| Ok(()))
        .with_on_upgrade_needed(move |event, db| {
            let old = event.old_version() as u32;
            for step in steps_after(old).filter(|s| s.version <= version) {
                apply(&db, step.ops)?;
            }
            Ok(())
        })
        .await
        .map_err(|e| StoreError::Backend(e.to_string()))
}

fn failure(text: &str) -> indexed_db_futures::error::Error {
    indexed_db_futures::error::Error::from(JsValue::from_str(text))
}

fn apply(db: &Database, ops: &[SchemaOp]) -> IdbResult<()> {
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
            SchemaOp::WriteIndexFields { store } => {
                let kind = Kind::ALL
                    .into_iter()
                    .find(|k| k.store_name() == store)
                    .ok_or_else(|| failure("index fields on a store of no record kind"))?;
                write_index_fields(tx.object_store(store)?.as_sys(), kind)?;
            }
        }
    }
    if scratch.is_some() {
        db.delete_object_store(SCRATCH)?;
    }
    Ok(())
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
        if written.is_err() {
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
