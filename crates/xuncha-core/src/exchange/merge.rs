//! How the records of a file meet the local database. Each record's version
//! vector decides: a version that has seen the other wins; two versions that
//! have not seen each other merge field by field (`fields.rs`), and only fields
//! both sides set to different values go to a person, the side not chosen to the
//! conflict archive. Wall clocks play no part.

use super::fields::{FieldMerge, Side};
use super::format::{ExchangeFile, Records};
use crate::id::Id;
use crate::meta::{Causality, Timestamp, VersionVector};
use crate::record::{AnyRecord, Body, Kind, KindVisitor, Record};
use crate::store::{ArchivedVersion, Change, Expect, Store, StoreError};

use std::collections::{BTreeMap, HashMap};

/// What importing one record would do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// Not in this database yet.
    New,
    /// The file's version has seen the local one: it replaces it.
    Updated,
    /// The same version is here already.
    Unchanged,
    /// The local version has seen the file's: the file's is ignored.
    Older,
    /// Edited on both sides independently, in different fields (or steps): the
    /// two merge by themselves.
    Merged,
    /// A field set on both sides to different values, or deleted on one side and
    /// edited on the other: a person decides.
    Conflict,
}

impl Outcome {
    pub const ALL: [Outcome; 6] =
        [Outcome::New, Outcome::Updated, Outcome::Unchanged, Outcome::Older, Outcome::Merged, Outcome::Conflict];
}

impl crate::i18n::Label for Outcome {
    fn label(self) -> crate::i18n::T {
        use crate::i18n::T;
        match self {
            Outcome::New => T::OutcomeNew,
            Outcome::Updated => T::OutcomeUpdated,
            Outcome::Unchanged => T::OutcomeUnchanged,
            Outcome::Older => T::OutcomeOlder,
            Outcome::Merged => T::OutcomeMerged,
            Outcome::Conflict => T::OutcomeConflict,
        }
    }
}

/// Which side of a conflicting field to keep.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Resolution {
    KeepLocal,
    TakeIncoming,
}

impl Resolution {
    fn side(self) -> Side {
        match self {
            Resolution::KeepLocal => Side::Local,
            Resolution::TakeIncoming => Side::Incoming,
        }
    }
}

/// Compares a file's record with the local one.
pub fn classify(incoming: &VersionVector, local: Option<&VersionVector>, same_content: bool) -> Outcome {
    let Some(local) = local else {
        return Outcome::New;
    };
    match incoming.compare(local) {
        Causality::Newer => Outcome::Updated,
        Causality::Older => Outcome::Older,
        // The same version with different content can only come from a damaged
        // or hand-edited copy; a person must look at it.
        Causality::Same if same_content => Outcome::Unchanged,
        Causality::Same | Causality::Concurrent => Outcome::Conflict,
    }
}

/// The versions of one record that survive a merge: those no other version has
/// seen. One survivor is a clean merge; several are a conflict.
pub fn surviving<B: Body>(versions: &[Record<B>]) -> Vec<Record<B>> {
    let mut out: Vec<Record<B>> = Vec::new();
    for v in versions {
        let seen = versions.iter().any(|w| w.meta.version.compare(&v.meta.version) == Causality::Newer);
        let listed = out.iter().any(|o| o.meta.version == v.meta.version && o.data == v.data);
        if !seen && !listed {
            out.push(v.clone());
        }
    }
    out
}

/// The merged versions of one kind, and the conflicts found: (kept, others' files).
#[derive(Debug)]
pub struct Merged<B> {
    pub records: Vec<Record<B>>,
    pub conflicts: Vec<(Record<B>, usize, Vec<usize>)>,
}

/// Merges every version of every record of one kind across the files (in order):
/// the survivors of `surviving`; where two survive, the first file's is kept and the
/// conflict is reported.
pub fn merge_kind<B: Body>(per_file: Vec<&[Record<B>]>) -> Merged<B> {
    let mut versions: BTreeMap<Id, Vec<(usize, Record<B>)>> = BTreeMap::new();
    for (i, records) in per_file.into_iter().enumerate() {
        for r in records {
            versions.entry(r.meta.id).or_default().push((i, r.clone()));
        }
    }
    let mut out = Merged { records: Vec::new(), conflicts: Vec::new() };
    for (_, list) in versions {
        let all: Vec<Record<B>> = list.iter().map(|(_, r)| r.clone()).collect();
        let survivors = surviving(&all);
        let from = |r: &Record<B>| {
            list.iter()
                .find(|(_, x)| x.meta.version == r.meta.version && x.data == r.data)
                .map(|(i, _)| *i)
                .unwrap_or(0)
        };
        let mut survivors = survivors;
        survivors.sort_by_key(|r| from(r));
        let mut survivors = survivors.into_iter();
        let Some(first) = survivors.next() else {
            continue;
        };
        let first_file = from(&first);
        // Versions edited apart merge field by field; what still clashes is kept as
        // the first file has it and reported.
        let mut kept = first;
        let mut others = Vec::new();
        for other in survivors {
            let merged = super::fields::merge(&kept, &other);
            let settled = merged
                .is_clean()
                .then(|| {
                    super::fields::settle(
                        &kept,
                        &other,
                        &merged,
                        &|_| Side::Local,
                        kept.meta.origin_office,
                        kept.meta.updated_at,
                    )
                    .ok()
                })
                .flatten();
            match settled {
                Some(record) => kept = record,
                None => others.push(from(&other)),
            }
        }
        if !others.is_empty() {
            out.conflicts.push((kept.clone(), first_file, others));
        }
        out.records.push(kept);
    }
    out
}

/// A record the files disagree on (edited apart in two of them): the version kept
/// (the first file's), the file it came from, and the files with other versions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileConflict {
    pub kept: AnyRecord,
    pub file: usize,
    pub others: Vec<usize>,
}

/// The records of several files as one, by the same rule as `merge_kind`, and the
/// records the files disagree on. Shared by `xuncha merge` and the import page.
pub fn merge_records(files: &[&Records]) -> (Records, Vec<FileConflict>) {
    struct MergeKind<'a> {
        files: &'a [&'a Records],
        out: &'a mut Records,
        conflicts: &'a mut Vec<FileConflict>,
    }
    impl KindVisitor for MergeKind<'_> {
        type Out = ();
        fn visit<B: Body>(self) {
            let merged = merge_kind(self.files.iter().map(|f| B::list(f).as_slice()).collect());
            self.conflicts.extend(merged.conflicts.into_iter().map(|(kept, file, others)| FileConflict {
                kept: B::into_any(kept),
                file,
                others,
            }));
            *B::list_of(self.out) = merged.records;
        }
    }
    let mut records = Records::default();
    let mut conflicts = Vec::new();
    for kind in Kind::ALL {
        kind.visit(MergeKind { files, out: &mut records, conflicts: &mut conflicts });
    }
    (records, conflicts)
}

/// One record of the file and what importing it does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanItem {
    pub kind: Kind,
    pub id: Id,
    pub outcome: Outcome,
    pub incoming: AnyRecord,
    pub local: Option<AnyRecord>,
    /// For versions edited apart: the field-by-field merge and what it asks.
    pub merge: Option<FieldMerge>,
}

/// The whole preview of an import: every record of the file, classified.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportPlan {
    pub items: Vec<PlanItem>,
}

async fn plan_kind<B: Body, S: Store>(
    store: &S,
    incoming: &[Record<B>],
    items: &mut Vec<PlanItem>,
) -> Result<(), StoreError> {
    if !incoming.is_empty() {
        plan_against(store.all::<B>().await?, incoming, items);
    }
    Ok(())
}

/// Classifies the records of one kind of a file against that kind's records here.
pub(super) fn plan_against<B: Body>(local: Vec<Record<B>>, incoming: &[Record<B>], items: &mut Vec<PlanItem>) {
    let local: HashMap<Id, Record<B>> = local.into_iter().map(|r| (r.meta.id, r)).collect();
    for r in incoming {
        let here = local.get(&r.meta.id);
        let same = here.is_some_and(|l| l.data == r.data && l.meta.deleted == r.meta.deleted);
        let mut outcome = classify(&r.meta.version, here.map(|l| &l.meta.version), same);
        let mut merge = None;
        if let (Outcome::Conflict, Some(l)) = (outcome, here) {
            let m = super::fields::merge(l, r);
            if m.is_clean() {
                outcome = Outcome::Merged;
            }
            merge = Some(m);
        }
        items.push(PlanItem {
            kind: B::KIND,
            id: r.meta.id,
            outcome,
            incoming: B::into_any(r.clone()),
            local: here.cloned().map(B::into_any),
            merge,
        });
    }
}

impl ImportPlan {
    /// Classifies every record of `records` against the store.
    pub async fn build<S: Store>(store: &S, records: &Records) -> Result<ImportPlan, StoreError> {
        let mut items = Vec::with_capacity(records.len());
        macro_rules! plan_every_kind {
            ($($kind:ident => $ty:ty, $list:ident, $store:ident, $label:ident;)*) => {
                $(plan_kind(store, &records.$list, &mut items).await?;)*
            };
        }
        crate::for_each_kind!(plan_every_kind);
        Ok(ImportPlan { items })
    }

    pub fn count(&self, kind: Kind, outcome: Outcome) -> usize {
        self.items.iter().filter(|i| i.kind == kind && i.outcome == outcome).count()
    }

    pub fn conflicts(&self) -> impl Iterator<Item = &PlanItem> {
        self.items.iter().filter(|i| i.outcome == Outcome::Conflict)
    }

    /// The fields a person must answer: (record, field path) for every conflict.
    pub fn questions(&self) -> impl Iterator<Item = (&PlanItem, &str)> {
        self.conflicts().flat_map(|item| {
            let paths: Vec<&str> = match &item.merge {
                Some(m) if m.deletion => vec!["deleted"],
                Some(m) => m.conflicts.iter().map(|c| c.path.as_str()).collect(),
                None => Vec::new(),
            };
            paths.into_iter().map(move |p| (item, p))
        })
    }

    /// True when applying would write nothing (a re-import).
    pub fn is_noop(&self) -> bool {
        self.items.iter().all(|i| matches!(i.outcome, Outcome::Unchanged | Outcome::Older))
    }

    /// The writes that carry out this plan, and the archive entries for the
    /// versions that lost a field. `resolve` answers each conflicting field (the
    /// record and the field's path; `deleted` for a deletion). A merge without
    /// questions is the same on every PC; an answered one is a new local edit that
    /// has seen both sides, so neither side comes back as newer later.
    pub fn changes(
        &self,
        resolve: &dyn Fn(&PlanItem, &str) -> Resolution,
        office: Id,
        now: Timestamp,
        file: &ExchangeFile,
        archive_ids: &dyn Fn() -> Id,
    ) -> Result<(Vec<Change>, Vec<ArchivedVersion>), StoreError> {
        let mut changes = Vec::new();
        let mut archive = Vec::new();
        for item in &self.items {
            let expect = match &item.local {
                Some(l) => Expect::Version(l.meta().version.clone()),
                None => Expect::Absent,
            };
            match (item.outcome, &item.local, &item.merge) {
                (Outcome::New | Outcome::Updated, _, _) => {
                    changes.push(Change { record: item.incoming.clone(), expect })
                }
                (Outcome::Merged | Outcome::Conflict, Some(local), Some(merge)) => {
                    let choose = |path: &str| resolve(item, path).side();
                    let settled = local
                        .settle_fields(&item.incoming, merge, &choose, office, now)
                        .unwrap_or_else(|| Err(serde::de::Error::custom("kinds differ")))
                        .map_err(|e| StoreError::Corrupt(e.to_string()))?;
                    changes.push(Change { record: settled, expect });
                    if item.outcome == Outcome::Conflict {
                        let paths: Vec<&str> = if merge.deletion {
                            vec!["deleted"]
                        } else {
                            merge.conflicts.iter().map(|c| c.path.as_str()).collect()
                        };
                        for (lost, side, from) in [
                            (&item.incoming, Side::Incoming, file.source.office_name.clone()),
                            (local, Side::Local, String::new()),
                        ] {
                            let lost_fields: Vec<String> =
                                paths.iter().filter(|p| choose(p) != side).map(|p| (*p).to_owned()).collect();
                            if !lost_fields.is_empty() {
                                archive.push(ArchivedVersion {
                                    id: archive_ids(),
                                    kind: item.kind,
                                    record_id: item.id,
                                    archived_at: now,
                                    from,
                                    record: lost.to_json().map_err(|e| StoreError::Corrupt(e.to_string()))?,
                                    // A deletion lost as a whole.
                                    fields: if merge.deletion { Vec::new() } else { lost_fields },
                                    restored_at: None,
                                    replaced: None,
                                });
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        Ok((changes, archive))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{office, term_with};

    use crate::term::Term;
    use proptest::prelude::*;

    #[test]
    fn a_record_not_here_is_new() {
        let v = term_with(&[(1, 1)], "a").meta.version;
        assert_eq!(classify(&v, None, false), Outcome::New);
    }

    #[test]
    fn the_version_that_has_seen_the_other_wins_whatever_the_clocks_say() {
        let old = term_with(&[(1, 1)], "old");
        let mut new = term_with(&[(1, 2)], "new");
        // The newer edit was made on a PC whose clock is years behind.
        new.meta.updated_at = Timestamp::from_unix_millis(-1.0e12);
        assert_eq!(classify(&new.meta.version, Some(&old.meta.version), false), Outcome::Updated);
        assert_eq!(classify(&old.meta.version, Some(&new.meta.version), false), Outcome::Older);
        assert_eq!(classify(&old.meta.version, Some(&old.meta.version), true), Outcome::Unchanged);
    }

    #[test]
    fn independent_edits_are_a_conflict_and_so_is_one_version_with_two_contents() {
        let a = term_with(&[(1, 1), (2, 1)], "a");
        let b = term_with(&[(1, 2)], "b");
        assert_eq!(classify(&a.meta.version, Some(&b.meta.version), false), Outcome::Conflict);
        assert_eq!(classify(&a.meta.version, Some(&a.meta.version), false), Outcome::Conflict);
    }

    fn arb_version() -> impl Strategy<Value = Record<Term>> {
        (prop::collection::vec((1u8..4, 0u64..3), 1..4), 0u8..3).prop_map(|(counters, content)| {
            let mut r = term_with(&counters, &format!("v{content}"));
            if r.meta.version.is_empty() {
                r.meta.version.bump(office(1));
            }
            r
        })
    }

    fn as_set(mut v: Vec<Record<Term>>) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> =
            v.drain(..).map(|r| (serde_json::to_string(&r.meta.version).unwrap_or_default(), r.data.name)).collect();
        out.sort();
        out
    }

    fn merge(a: &[Record<Term>], b: &[Record<Term>]) -> Vec<Record<Term>> {
        let all: Vec<Record<Term>> = a.iter().chain(b.iter()).cloned().collect();
        surviving(&all)
    }

    proptest! {
        #[test]
        fn merging_is_commutative(a in prop::collection::vec(arb_version(), 0..4), b in prop::collection::vec(arb_version(), 0..4)) {
            prop_assert_eq!(as_set(merge(&a, &b)), as_set(merge(&b, &a)));
        }

        #[test]
        fn merging_is_associative(
            a in prop::collection::vec(arb_version(), 0..3),
            b in prop::collection::vec(arb_version(), 0..3),
            c in prop::collection::vec(arb_version(), 0..3),
        ) {
            prop_assert_eq!(as_set(merge(&merge(&a, &b), &c)), as_set(merge(&a, &merge(&b, &c))));
        }

        #[test]
        fn merging_is_idempotent(a in prop::collection::vec(arb_version(), 0..4)) {
            let once = merge(&a, &[]);
            prop_assert_eq!(as_set(merge(&once, &once)), as_set(once.clone()));
            prop_assert_eq!(as_set(merge(&once, &a)), as_set(once));
        }

        #[test]
        fn no_version_is_dropped_unless_a_survivor_has_seen_it(a in prop::collection::vec(arb_version(), 0..5)) {
            let kept = surviving(&a);
            for v in &a {
                let survives = kept.iter().any(|k| k.meta.version == v.meta.version && k.data == v.data);
                let seen = kept.iter().any(|k| k.meta.version.compare(&v.meta.version) == Causality::Newer);
                prop_assert!(survives || seen, "a version was lost: {:?}", v.meta.version);
            }
        }

        #[test]
        fn classifying_a_pair_agrees_with_the_survivors(local in arb_version(), incoming in arb_version()) {
            let kept = surviving(&[local.clone(), incoming.clone()]);
            let same = local.data == incoming.data;
            match classify(&incoming.meta.version, Some(&local.meta.version), same) {
                Outcome::Updated => prop_assert_eq!(as_set(kept), as_set(vec![incoming])),
                Outcome::Older | Outcome::Unchanged => prop_assert_eq!(as_set(kept), as_set(vec![local])),
                Outcome::Conflict => prop_assert_eq!(kept.len(), 2),
                Outcome::New | Outcome::Merged => prop_assert!(false, "classify says new or conflict, the plan says merged"),
            }
        }
    }
}
