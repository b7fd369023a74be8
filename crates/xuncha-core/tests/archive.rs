//! The conflict archive: what a version lost in a merge, brought back by a restore
//! that leaves its entry in place, marked restored.

use pollster::block_on;
use xuncha_core::exchange::merge::{ImportPlan, Resolution};
use xuncha_core::id::{IdSource, SequentialIds};
use xuncha_core::ops::{self, Ctx};
use xuncha_core::record::Kind;
use xuncha_core::store::{MemoryStore, Store};
use xuncha_core::term::Term;

mod common;
use common::{backup, county, now, receive};

#[test]
fn an_archived_version_that_lost_as_a_whole_is_restored_whole_and_its_entry_is_marked() {
    let ids = SequentialIds::default();
    let (store, office) = county(&ids);
    let ctx = Ctx { office, now: now(), ids: &ids };
    let term: xuncha_core::Record<Term> = block_on(store.all()).unwrap_or_default().remove(0);
    let mut old = term.clone();
    old.data.name = "十五届（旧）".into();
    let entry = xuncha_core::store::ArchivedVersion {
        id: ids.next_id(),
        kind: Kind::Term,
        record_id: term.meta.id,
        archived_at: now(),
        from: "城关镇".into(),
        record: serde_json::to_value(&old).unwrap_or_default(),
        fields: Vec::new(),
        restored_at: None,
        replaced: None,
    };
    block_on(store.commit_all(Vec::new(), vec![entry.clone()])).unwrap_or_else(|e| panic!("{e}"));
    block_on(ops::restore_archived(&store, &ctx, &entry)).unwrap_or_else(|e| panic!("{e}"));
    let restored: Option<xuncha_core::Record<Term>> = block_on(store.get(term.meta.id)).unwrap_or_default();
    let restored = restored.unwrap_or_else(|| panic!("the term is gone"));
    assert_eq!(restored.data.name, "十五届（旧）");
    assert_eq!(restored.meta.version.compare(&term.meta.version), xuncha_core::meta::Causality::Newer);
    let archive = block_on(store.archived()).unwrap_or_default();
    assert_eq!(archive.len(), 1, "a restore leaves one entry");
    assert_eq!(archive[0].restored_at, Some(now()));
}

#[test]
fn restoring_the_loser_of_a_field_conflict_brings_back_that_field_and_keeps_the_merged_rest() {
    let ids = SequentialIds::default();
    let (county_store, county_office) = county(&ids);
    let base = backup(&county_store, county_office);
    let term: xuncha_core::Record<Term> = base.records.terms[0].clone();
    let county_ctx = Ctx { office: county_office, now: now(), ids: &ids };
    let mut county_edit = term.data.clone();
    county_edit.end_year = 2027;
    county_edit.name = "十五届（县）".into();
    block_on(ops::save_term(&county_store, &county_ctx, Some(&term.meta), county_edit))
        .unwrap_or_else(|e| panic!("{e}"));
    let file = backup(&county_store, county_office);

    let township = MemoryStore::new();
    let office = ids.next_id();
    let ctx = Ctx { office, now: now(), ids: &ids };
    receive(&township, &term);
    let mut edited = term.data.clone();
    edited.end_year = 2028;
    edited.start_year = 2022;
    block_on(ops::save_term(&township, &ctx, Some(&term.meta), edited)).unwrap_or_else(|e| panic!("{e}"));

    let plan = block_on(ImportPlan::build(&township, &file.records)).unwrap_or_default();
    let asked: Vec<&str> = plan.questions().map(|(_, p)| p).collect();
    assert_eq!(asked, vec!["end_year"], "the name and the start year merged by themselves");
    let (changes, archive) = plan
        .changes(&|_, _| Resolution::TakeIncoming, office, now(), &file, &|| ids.next_id())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(archive.len(), 1, "only this PC's version lost a field");
    assert_eq!(archive[0].fields, vec!["end_year".to_owned()]);
    block_on(township.commit_all(changes, archive)).unwrap_or_else(|e| panic!("{e}"));
    let merged: Option<xuncha_core::Record<Term>> = block_on(township.get(term.meta.id)).unwrap_or_default();
    let merged = merged.unwrap_or_else(|| panic!("the term is gone"));
    assert_eq!((merged.data.name.as_str(), merged.data.start_year, merged.data.end_year), ("十五届（县）", 2022, 2027));

    let entry = block_on(township.archived()).unwrap_or_default().remove(0);
    block_on(ops::restore_archived(&township, &ctx, &entry)).unwrap_or_else(|e| panic!("{e}"));
    let back: Option<xuncha_core::Record<Term>> = block_on(township.get(term.meta.id)).unwrap_or_default();
    let back = back.unwrap_or_else(|| panic!("the term is gone"));
    assert_eq!((back.data.name.as_str(), back.data.start_year, back.data.end_year), ("十五届（县）", 2022, 2028));
    let archive = block_on(township.archived()).unwrap_or_default();
    assert_eq!(archive.len(), 1);
    assert!(archive[0].restored_at.is_some());
}
