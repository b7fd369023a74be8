//! The import use case: a file is planned against the database reading each store
//! it touches once, and lands together with its undo record or not at all.

use pollster::block_on;
use std::cell::RefCell;
use xuncha_core::date::Day;
use xuncha_core::exchange::import::{apply, plan, Apply, ImportError};
use xuncha_core::exchange::merge::Resolution;
use xuncha_core::exchange::undo::{ImportUndo, LAST_IMPORT_KEY};
use xuncha_core::exchange::ExchangeFile;
use xuncha_core::id::{Id, IdSource, SequentialIds};
use xuncha_core::meta::Timestamp;
use xuncha_core::record::{AnyRecord, Body, Kind, Record, Records};
use xuncha_core::store::{ArchivedVersion, Commit, MemoryStore, Revert, Store, StoreError};

fn county() -> ExchangeFile {
    xuncha_core::generate::generate(0.01, 3, Day::from_ymd(2026, 11, 22).unwrap_or_else(|| panic!("a day")))
}

fn ok<T, E: std::fmt::Debug>(r: Result<T, E>) -> T {
    r.unwrap_or_else(|e| panic!("{e:?}"))
}

fn how<'a>(name: &'a str, new_id: &'a dyn Fn() -> Id) -> Apply<'a> {
    Apply {
        name,
        office: Id::nil(),
        now: Timestamp::from_unix_millis(1_795_000_000_000.0),
        resolve: &|_, _| Resolution::KeepLocal,
        new_id,
    }
}

fn last_import(store: &impl Store) -> Option<ImportUndo> {
    ok(block_on(store.setting::<Option<ImportUndo>>(LAST_IMPORT_KEY))).flatten()
}

#[test]
fn an_import_lands_with_its_undo_record() {
    let store = MemoryStore::new();
    let file = county();
    let ids = SequentialIds::default();
    let new_id = || ids.next_id();
    let planned = ok(block_on(plan(&store, &file)));
    let undo = ok(block_on(apply(&store, &file, &planned, how("x01.json", &new_id), &|_, _| {})));
    assert_eq!(undo.entries.len(), file.records.len(), "every record the import wrote can be put back");
    assert_eq!(last_import(&store), Some(undo), "the undo record was written with the import");
    assert_eq!(ok(block_on(store.all_records())).len(), file.records.len());
}

#[test]
fn a_refused_import_leaves_the_records_and_the_last_undo_record_as_they_were() {
    let store = MemoryStore::new();
    let ids = SequentialIds::default();
    let new_id = || ids.next_id();
    let first = county();
    let planned = ok(block_on(plan(&store, &first)));
    let kept = ok(block_on(apply(&store, &first, &planned, how("first.json", &new_id), &|_, _| {})));
    // A second county planned, then one of its records written by someone else
    // before it is applied: the import is refused whole.
    let second =
        xuncha_core::generate::generate(0.01, 4, Day::from_ymd(2026, 11, 22).unwrap_or_else(|| panic!("a day")));
    let planned = ok(block_on(plan(&store, &second)));
    let taken = second.records.terms[0].clone();
    ok(block_on(store.commit(vec![xuncha_core::store::Change {
        record: AnyRecord::Term(taken),
        expect: xuncha_core::store::Expect::Absent,
    }])));
    let before = ok(block_on(store.all_records()));
    let refused = block_on(apply(&store, &second, &planned, how("second.json", &new_id), &|_, _| {}));
    assert!(matches!(refused, Err(StoreError::Exists { .. })), "{refused:?}");
    assert_eq!(ok(block_on(store.all_records())), before, "no record of the refused import landed");
    assert_eq!(last_import(&store), Some(kept), "undo still names the import that landed");
}

#[test]
fn a_file_pointing_nowhere_is_refused_before_anything_is_written() {
    let store = MemoryStore::new();
    let mut file = county();
    file.records.terms.clear();
    let refused = block_on(plan(&store, &file));
    assert!(matches!(refused, Err(ImportError::File(_))), "{refused:?}");
    assert!(ok(block_on(store.all_records())).is_empty());
}

/// A store that counts how often each store is read whole.
struct Counting {
    inner: MemoryStore,
    reads: RefCell<Vec<Kind>>,
}

impl Store for Counting {
    async fn get<B: Body>(&self, id: Id) -> Result<Option<Record<B>>, StoreError> {
        self.inner.get(id).await
    }
    async fn all<B: Body>(&self) -> Result<Vec<Record<B>>, StoreError> {
        self.reads.borrow_mut().push(B::KIND);
        self.inner.all().await
    }
    async fn by_index<B: Body>(&self, index: &'static str, key: Id) -> Result<Vec<Record<B>>, StoreError> {
        self.inner.by_index(index, key).await
    }
    async fn page<B: Body>(&self, after: Option<Id>, limit: usize) -> Result<Vec<Record<B>>, StoreError> {
        self.inner.page(after, limit).await
    }
    async fn all_records(&self) -> Result<Records, StoreError> {
        self.inner.all_records().await
    }
    async fn count_live(&self, kind: Kind) -> Result<usize, StoreError> {
        self.inner.count_live(kind).await
    }
    async fn count_overdue(&self, today: Day) -> Result<usize, StoreError> {
        self.inner.count_overdue(today).await
    }
    async fn commit_with(&self, commit: Commit, progress: &dyn Fn(usize, usize)) -> Result<(), StoreError> {
        self.inner.commit_with(commit, progress).await
    }
    async fn revert_reporting(&self, revert: Revert, progress: &dyn Fn(usize, usize)) -> Result<(), StoreError> {
        self.inner.revert_reporting(revert, progress).await
    }
    async fn archived(&self) -> Result<Vec<ArchivedVersion>, StoreError> {
        self.inner.archived().await
    }
    async fn setting<V: serde::de::DeserializeOwned>(&self, key: &str) -> Result<Option<V>, StoreError> {
        self.inner.setting(key).await
    }
    async fn put_setting<V: serde::Serialize>(&self, key: &str, value: &V) -> Result<(), StoreError> {
        self.inner.put_setting(key, value).await
    }
}

#[test]
fn planning_reads_each_store_the_file_touches_once() {
    let store = Counting { inner: MemoryStore::new(), reads: RefCell::new(Vec::new()) };
    let file = county();
    ok(block_on(plan(&store, &file)));
    let reads = store.reads.take();
    let mut once = reads.clone();
    once.sort();
    once.dedup();
    assert_eq!(reads.len(), once.len(), "a store was read twice: {reads:?}");
    let held: Vec<Kind> = Kind::ALL.into_iter().filter(|k| file.records.count(*k) > 0).collect();
    assert!(held.iter().all(|k| reads.contains(k)), "every kind the file holds is compared: {reads:?}");
    // A file of rectifications alone reads rectifications and the problems they point to.
    let mut only = file.clone();
    only.records = Records { rectifications: file.records.rectifications.clone(), ..Records::default() };
    let _ = block_on(plan(&store, &only));
    assert_eq!(store.reads.take(), vec![Kind::Problem, Kind::Rectification]);
}

#[test]
fn a_text_longer_than_the_forms_allow_is_refused_on_import_naming_the_record_and_field() {
    let store = MemoryStore::new();
    let mut file = county();
    let problem = file.records.problems[3].meta.id;
    file.records.problems[3].data.description = "长".repeat(40_000);
    let refused = block_on(plan(&store, &file));
    let Err(ImportError::File(e)) = refused else { panic!("{refused:?}") };
    let said = e.message(xuncha_core::i18n::Lang::Zh);
    assert!(said.contains(&problem.to_string()) && said.contains("问题描述") && said.contains("4000"), "{said}");
    assert!(ok(block_on(store.all_records())).is_empty(), "nothing was written");

    let mut file = county();
    file.records.targets[0].data.name = "名".repeat(20_000);
    let text = ok(file.to_json());
    let said = xuncha_core::exchange::import::check_alone(text.as_bytes(), None)
        .map(|_| String::new())
        .unwrap_or_else(|e| e.message(xuncha_core::i18n::Lang::Zh));
    assert!(said.contains("名称") && said.contains("80"), "{said}");
}
