//! The things a user does, as functions over any `Store`: load what the rules
//! need, validate, stamp the envelope, and commit every affected record at once.

use crate::clue::Clue;
use crate::date::Day;
use crate::group::Group;
use crate::i18n::{Lang, T};
use crate::id::{Id, IdSource};
use crate::inspection::{Inspection, InspectionContext};
use crate::meta::{Meta, Timestamp};
use crate::office::{Office, OfficeRole};
use crate::plan::Plan;
use crate::problem::Problem;
use crate::questionnaire::Questionnaire;
use crate::recommendation::Recommendation;
use crate::record::{AnyRecord, Body, KindVisitor, Record};
use crate::rectification::{RectStatus, Rectification, StepInput};
use crate::response::{PaperBatch, Response};
use crate::round::Round;
use crate::schema::keys;
use crate::store::{live, Change, Expect, Store, StoreError};
use crate::target::{OrgForm, Target, TargetKind};
use crate::term::Term;
use crate::validation::Invalid;

/// Who is writing and when.
pub struct Ctx<'a> {
    pub office: Id,
    pub now: Timestamp,
    pub ids: &'a dyn IdSource,
}

impl std::fmt::Debug for Ctx<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ctx").field("office", &self.office).field("now", &self.now).finish()
    }
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum OpError {
    #[error("the form has errors: {0:?}")]
    Invalid(Vec<Invalid>),
    #[error("refused: {0:?}")]
    Refused(T),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl OpError {
    /// Every sentence to show the user.
    pub fn messages(&self, lang: Lang) -> Vec<&'static str> {
        match self {
            OpError::Invalid(errors) => crate::validation::messages(errors, lang),
            OpError::Refused(msg) => vec![msg.text(lang)],
            OpError::Store(e) => vec![e.message().text(lang)],
        }
    }

    /// The invalid form fields, for marking inputs.
    pub fn fields(&self) -> Vec<&'static str> {
        match self {
            OpError::Invalid(errors) => errors.iter().map(|e| e.field).collect(),
            _ => Vec::new(),
        }
    }
}

/// The id the record will have: its own when editing, a fresh one when new.
fn id_for(ctx: &Ctx<'_>, base: Option<&Meta>) -> Id {
    base.map(|m| m.id).unwrap_or_else(|| ctx.ids.next_id())
}

/// Wraps `data` in a new envelope, or the edited one with one more version step
/// that dots the fields that differ from `before` (the content it was edited from).
fn stamp<B: Body>(ctx: &Ctx<'_>, id: Id, base: Option<&Meta>, before: Option<&B>, data: B) -> (Record<B>, Change) {
    let (meta, expect) = match base {
        Some(m) => {
            let mut meta = m.clone();
            let old = before.and_then(|b| serde_json::to_value(b).ok()).unwrap_or(serde_json::Value::Null);
            let new = serde_json::to_value(&data).unwrap_or(serde_json::Value::Null);
            meta.touch_fields(ctx.office, ctx.now, crate::exchange::fields::changed_paths(&old, &new));
            (meta, Expect::Version(m.version.clone()))
        }
        None => (Meta::new(id, ctx.office, ctx.now), Expect::Absent),
    };
    let record = Record { meta, data };
    let change = Change { record: B::into_any(record.clone()), expect };
    (record, change)
}

/// A tombstone of `record`: same content, marked deleted, one version on.
fn tombstone<B: Body>(ctx: &Ctx<'_>, record: &Record<B>) -> Change {
    let mut meta = record.meta.clone();
    meta.deleted = true;
    meta.touch(ctx.office, ctx.now);
    Change {
        record: B::into_any(Record { meta, data: record.data.clone() }),
        expect: Expect::Version(record.meta.version.clone()),
    }
}

async fn save_checked<B: Body, S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    id: Id,
    base: Option<&Meta>,
    data: B,
    checked: Result<(), Vec<Invalid>>,
) -> Result<Record<B>, OpError> {
    checked.map_err(OpError::Invalid)?;
    // The stored content the form was opened on, to dot the fields this edit sets.
    let before = match base {
        Some(m) => store.get::<B>(id).await?.filter(|r| r.meta.version == m.version),
        None => None,
    };
    let (record, change) = stamp(ctx, id, base, before.as_ref().map(|r| &r.data), data);
    store.commit(vec![change]).await?;
    Ok(record)
}

mod ecology;
mod ledger;
mod outcomes;
pub mod overview;
mod people;
mod plan;
mod register;
mod snapshot;
mod survey;

pub use ecology::*;
pub use ledger::*;
pub use outcomes::*;
pub use people::*;
pub use plan::*;
pub use register::*;
pub use snapshot::*;
pub use survey::*;

/// Deletes a record that nothing else refers to (a clue, a letter, a rectification).
pub async fn delete_record<S: Store, B: Body>(store: &S, ctx: &Ctx<'_>, record: &Record<B>) -> Result<(), OpError> {
    store.commit(vec![tombstone(ctx, record)]).await?;
    Ok(())
}

/// Brings back what an archived version lost, as a new local edit that has seen the
/// current one: the fields it lost in a merge, or the whole version when it lost as a
/// whole. The entry stays in the archive, marked restored, in the same transaction.
pub async fn restore_archived<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    entry: &crate::store::ArchivedVersion,
) -> Result<(), OpError> {
    use crate::exchange::fields::{changed_paths, get_path, set_path};
    use crate::record::AnyRecord;
    let corrupt = |e: serde_json::Error| OpError::Store(StoreError::Corrupt(e.to_string()));
    let archived = AnyRecord::from_json(entry.kind, entry.record.clone()).map_err(corrupt)?;
    let current = store.get_any(entry.kind, entry.record_id).await?;
    if current.as_ref().is_some_and(|c| c.meta().deleted) && !entry.fields.is_empty() {
        return Err(OpError::Refused(T::ErrRestoreDeleted));
    }
    let change = match &current {
        Some(c) => {
            let old = archived.data_json();
            let data = if entry.fields.is_empty() {
                old
            } else {
                let mut data = c.data_json();
                for path in &entry.fields {
                    set_path(&mut data, path, get_path(&old, path).cloned());
                }
                data
            };
            let mut meta = c.meta().clone();
            meta.version = meta.version.join(&archived.meta().version);
            meta.touch_fields(ctx.office, ctx.now, changed_paths(&c.data_json(), &data));
            if entry.fields.is_empty() {
                meta.deleted = archived.meta().deleted;
            }
            let mut record =
                AnyRecord::from_json(entry.kind, serde_json::json!({ "meta": meta, "data": data })).map_err(corrupt)?;
            // A restored step log brings its status and deadline with it.
            record.settle();
            Change { record, expect: Expect::Version(c.meta().version.clone()) }
        }
        None => Change { record: archived, expect: Expect::Absent },
    };
    let replaced = current.map(|c| c.to_json()).transpose().map_err(corrupt)?;
    let marked = crate::store::ArchivedVersion { restored_at: Some(ctx.now), replaced, ..entry.clone() };
    store.commit_all(vec![change], vec![marked]).await?;
    Ok(())
}
