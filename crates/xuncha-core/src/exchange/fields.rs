//! Two versions of one record that have not seen each other, merged field by field.
//! A field set on one side only takes that side; a field set on both sides to the
//! same value is no question; only a field set on both sides to different values is
//! asked about. A step log merges as the union of both sides' steps. Which side set
//! a field since the other last saw the record is told by the field dots
//! (`Meta::dots`). A version written before dots existed has none, so every field in
//! which two such versions differ is asked about, as whole records were before.

use super::conflict::FieldDiff;
use crate::id::Id;
use crate::meta::{Dot, Meta, Timestamp, VersionVector};
use crate::record::{leaves, Body, Record};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Which version a person keeps for one field of a conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    Local,
    Incoming,
}

/// The merge of two concurrent versions, before a person has answered anything.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldMerge {
    /// The merged content; where a field is in conflict it holds the local value.
    pub data: Value,
    /// The dots of the merged content.
    pub dots: BTreeMap<String, Dot>,
    /// The fields set on both sides to different values.
    pub conflicts: Vec<FieldDiff>,
    /// One side deleted the record and the other did not: the whole record is the
    /// question (the `deleted` row of the conflict table).
    pub deletion: bool,
}

impl FieldMerge {
    /// Nothing to ask: the merge stands by itself.
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty() && !self.deletion
    }
}

/// The paths of the content's leaves that differ between `old` and `new` (a field
/// missing on one side counts as empty): what an edit sets.
pub fn changed_paths(old: &Value, new: &Value) -> Vec<String> {
    let before: BTreeMap<String, Value> = leaves(old).into_iter().collect();
    let after: BTreeMap<String, Value> = leaves(new).into_iter().collect();
    let mut paths: Vec<String> = before.keys().chain(after.keys()).cloned().collect();
    paths.sort();
    paths.dedup();
    paths.retain(|p| before.get(p).unwrap_or(&Value::Null) != after.get(p).unwrap_or(&Value::Null));
    paths
}

/// Whether `path` is `prefix` or lies inside it.
fn within(path: &str, prefix: &str) -> bool {
    prefix.is_empty()
        || path == prefix
        || (path.starts_with(prefix) && path.as_bytes().get(prefix.len()) == Some(&b'.'))
}

struct Walk<'a, B> {
    local: &'a Meta,
    incoming: &'a Meta,
    /// A side with edits the other has not seen that carry no dots may have set any field.
    unsure_local: bool,
    unsure_incoming: bool,
    dots: BTreeMap<String, Dot>,
    conflicts: Vec<FieldDiff>,
    body: std::marker::PhantomData<B>,
}

impl<B: Body> Walk<'_, B> {
    /// Whether `side` set something at or inside `path` that `other` has not seen.
    fn set_since(side: &Meta, other: &VersionVector, path: &str) -> bool {
        side.dots.iter().any(|(p, d)| (within(p, path) || within(path, p)) && !d.seen_by(other))
    }

    /// Carries the dots at or inside `path` from one side, or from both (the later of two).
    fn keep_dots(&mut self, path: &str, from: Option<Side>) {
        let sides: &[&Meta] = match from {
            Some(Side::Local) => &[self.local],
            Some(Side::Incoming) => &[self.incoming],
            None => &[self.local, self.incoming],
        };
        for meta in sides {
            for (p, d) in meta.dots.iter().filter(|(p, _)| within(p, path)) {
                let slot = self.dots.entry(p.clone()).or_insert(*d);
                // The same value set on both sides: either dot will do, the same on every PC.
                if (d.counter, d.office) > (slot.counter, slot.office) {
                    *slot = *d;
                }
            }
        }
    }

    fn walk(&mut self, path: &str, l: Option<&Value>, r: Option<&Value>) -> Option<Value> {
        if l == r {
            self.keep_dots(path, None);
            return l.cloned();
        }
        if let (Some(Value::Object(a)), Some(Value::Object(b))) = (l, r) {
            let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
            keys.sort();
            keys.dedup();
            let mut out = Map::new();
            for k in keys {
                let child = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
                if let Some(v) = self.walk(&child, a.get(k), b.get(k)) {
                    out.insert(k.clone(), v);
                }
            }
            return Some(Value::Object(out));
        }
        if B::derived(path) {
            // Recomputed by `settle` from what it follows from.
            self.keep_dots(path, None);
            return l.cloned();
        }
        let (null_l, null_r) = (l.cloned().unwrap_or(Value::Null), r.cloned().unwrap_or(Value::Null));
        match B::union(path, &null_l, &null_r) {
            Some(Ok(v)) => {
                self.keep_dots(path, None);
                return Some(v);
            }
            Some(Err(())) => {
                self.conflicts.push(FieldDiff { path: path.to_owned(), local: null_l, incoming: null_r });
                self.keep_dots(path, Some(Side::Local));
                return l.cloned();
            }
            None => {}
        }
        let by_local = self.unsure_local || Self::set_since(self.local, &self.incoming.version, path);
        let by_incoming = self.unsure_incoming || Self::set_since(self.incoming, &self.local.version, path);
        match (by_local, by_incoming) {
            (true, false) => {
                self.keep_dots(path, Some(Side::Local));
                l.cloned()
            }
            (false, true) => {
                self.keep_dots(path, Some(Side::Incoming));
                r.cloned()
            }
            _ => {
                self.conflicts.push(FieldDiff { path: path.to_owned(), local: null_l, incoming: null_r });
                self.keep_dots(path, Some(Side::Local));
                l.cloned()
            }
        }
    }
}

/// Merges two versions of one record field by field.
pub fn merge<B: Body>(local: &Record<B>, incoming: &Record<B>) -> FieldMerge {
    let (l, r) = (to_value(&local.data), to_value(&incoming.data));
    let mut walk = Walk::<B> {
        local: &local.meta,
        incoming: &incoming.meta,
        unsure_local: local.meta.undotted_unseen_by(&incoming.meta.version),
        unsure_incoming: incoming.meta.undotted_unseen_by(&local.meta.version),
        dots: BTreeMap::new(),
        conflicts: Vec::new(),
        body: Default::default(),
    };
    let data = walk.walk("", Some(&l), Some(&r)).unwrap_or(Value::Null);
    let deletion = local.meta.deleted != incoming.meta.deleted;
    FieldMerge { data, dots: walk.dots, conflicts: walk.conflicts, deletion }
}

fn to_value<B: Body>(data: &B) -> Value {
    serde_json::to_value(data).unwrap_or(Value::Null)
}

/// Sets (or removes, for `None`) the value at a dotted path whose parents exist.
pub fn set_path(root: &mut Value, path: &str, value: Option<Value>) {
    let mut parts: Vec<&str> = path.split('.').collect();
    let Some(last) = parts.pop() else { return };
    let mut at = root;
    for p in parts {
        match at.get_mut(p) {
            Some(next) => at = next,
            None => return,
        }
    }
    if let Value::Object(map) = at {
        match value {
            Some(v) => {
                map.insert(last.to_owned(), v);
            }
            None => {
                map.remove(last);
            }
        }
    }
}

/// The value at a dotted path, if any.
pub fn get_path<'a>(root: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(root, |at, p| at.get(p))
}

/// The record after the merge, with `choose` answering each conflicting field (and,
/// for a deletion, the `deleted` row, which decides the whole record). Without
/// conflicts the result is the same on every PC: the joined version, unbumped. With
/// answers it is a new local edit by `office` that has seen both sides, the answered
/// fields dotted by it so the choice travels on as the newest.
pub fn settle<B: Body>(
    local: &Record<B>,
    incoming: &Record<B>,
    merged: &FieldMerge,
    choose: &dyn Fn(&str) -> Side,
    office: Id,
    now: Timestamp,
) -> Result<Record<B>, serde_json::Error> {
    let mut meta = local.meta.clone();
    meta.version = local.meta.version.join(&incoming.meta.version);
    meta.updated_at = local.meta.updated_at.max(incoming.meta.updated_at);
    meta.dots = merged.dots.clone();
    // The merged record may hold either side's undotted edits.
    let undotted = |m: &Meta| m.dots_from.clone().unwrap_or_else(|| m.version.clone());
    meta.dots_from = Some(undotted(&local.meta).join(&undotted(&incoming.meta)));
    if merged.deletion {
        let (kept, other) = match choose("deleted") {
            Side::Local => (local, incoming),
            Side::Incoming => (incoming, local),
        };
        meta.deleted = kept.meta.deleted;
        meta.dots = kept.meta.dots.clone();
        // The answer sets every field in which the kept side differs, as the newest edit.
        let set = changed_paths(&to_value(&other.data), &to_value(&kept.data));
        meta.touch_fields(office, now, set);
        return Ok(Record { meta, data: kept.data.clone() });
    }
    let mut data = merged.data.clone();
    if !merged.conflicts.is_empty() {
        let incoming_json = to_value(&incoming.data);
        let local_json = to_value(&local.data);
        let mut answered = Vec::new();
        for c in &merged.conflicts {
            let from = match choose(&c.path) {
                Side::Local => &local_json,
                Side::Incoming => &incoming_json,
            };
            set_path(&mut data, &c.path, get_path(from, &c.path).cloned());
            meta.dots.retain(|p, _| !within(p, &c.path));
            answered.push(c.path.clone());
        }
        meta.touch_fields(office, now, answered);
    }
    let mut body: B = serde_json::from_value(data)?;
    body.settle();
    Ok(Record { meta, data: body })
}
