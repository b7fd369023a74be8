//! Applies the core's schema steps inside IndexedDB's upgrade event, one step at a time.

use indexed_db_futures::database::Database;
use indexed_db_futures::object_store::ObjectStore;
use indexed_db_futures::prelude::*;
use indexed_db_futures::KeyPath;
use xuncha_core::schema::{steps_after, SchemaOp};
use xuncha_core::store::StoreError;

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

fn apply(db: &Database, ops: &[SchemaOp]) -> indexed_db_futures::Result<()> {
    let mut created: Vec<(&str, ObjectStore<'_>)> = Vec::new();
    for op in ops {
        match *op {
            SchemaOp::CreateStore { store, key_path: Some(path) } => {
                created.push((store, db.create_object_store(store).with_key_path(KeyPath::from(path)).build()?));
            }
            SchemaOp::CreateStore { store, key_path: None } => {
                created.push((store, db.create_object_store(store).build()?));
            }
            SchemaOp::CreateIndex { store, index, key_path } => {
                // Indexes are created on a store made earlier in the same upgrade; the
                // upgrade transaction is reached through it.
                let Some((_, object_store)) = created.iter().find(|(n, _)| *n == store) else {
                    let tx = created.first().map(|(_, s)| s.transaction());
                    let existing = match tx {
                        Some(tx) => tx.object_store(store)?,
                        None => {
                            return Err(indexed_db_futures::error::Error::from(wasm_bindgen::JsValue::from_str(
                                "an index on an existing store needs a store created in the same step",
                            )))
                        }
                    };
                    existing.create_index(index, KeyPath::from(key_path)).build()?;
                    continue;
                };
                object_store.create_index(index, KeyPath::from(key_path)).build()?;
            }
        }
    }
    Ok(())
}
