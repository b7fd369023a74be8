//! The storage layer in a real browser: the core's store contract on IndexedDB,
//! schema migrations from fixtures, and multi-tab version changes.
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen_test::*;
use xuncha::store::{open_at, IdbStore};
use xuncha_core::id::IdSource;
use xuncha_core::schema::{layout_at, CURRENT_VERSION};

wasm_bindgen_test_configure!(run_in_browser);

/// A database name no other test uses, so tests never see each other's data.
fn fresh_name() -> String {
    format!("xuncha-test-{}-{}", js_sys::Date::now(), (js_sys::Math::random() * 1e9) as u64)
}

async fn fresh_store() -> IdbStore {
    match IdbStore::open(&fresh_name()).await {
        Ok(s) => s,
        Err(e) => panic!("open failed: {e}"),
    }
}

macro_rules! on_indexed_db {
    ($($case:ident),* $(,)?) => {
        $(
            #[wasm_bindgen_test]
            async fn $case() {
                let store = fresh_store().await;
                xuncha_core::contract::$case(&store).await;
                store.close();
            }
        )*
    };
}

xuncha_core::for_each_contract_case!(on_indexed_db);

/// The first version that keeps records in pages.
const PAGED: u32 = 8;

/// Builds a database at `version - 1` with a record in every store that exists
/// then, upgrades it to `version`, and checks layout and data.
async fn check_step(version: u32) {
    let name = fresh_name();
    let before = version - 1;
    let mut fixture_ids = Vec::new();
    if before > 0 {
        let db = open_at(&name, before).await.unwrap_or_else(|e| panic!("fixture v{before}: {e}"));
        let ids = xuncha_core::id::SequentialIds::default();
        let office = ids.next_id();
        if before < PAGED {
            // A term as the versions before pages stored it: a value of its own.
            let meta = xuncha_core::meta::Meta::new(ids.next_id(), office, xuncha::platform::now());
            let data = xuncha_core::term::Term { name: "十五届".into(), start_year: 2021, end_year: 2026 };
            let record = xuncha_core::record::Record { meta, data };
            let json = serde_json::to_value(&record).unwrap_or_else(|e| panic!("{e}"));
            put_as_before(&db, "terms", &[json]).await;
            fixture_ids.push(record.meta.id);
            db.close();
        } else {
            let store = IdbStore::from_database(db);
            let ctx = xuncha_core::ops::Ctx { office, now: xuncha::platform::now(), ids: &ids };
            let term = xuncha_core::term::Term { name: "十五届".into(), start_year: 2021, end_year: 2026 };
            let saved = xuncha_core::ops::save_term(&store, &ctx, None, term).await.unwrap_or_else(|e| panic!("{e}"));
            fixture_ids.push(saved.meta.id);
            store.close();
        }
    }
    let db = open_at(&name, version).await.unwrap_or_else(|e| panic!("upgrade to v{version}: {e}"));
    let store = IdbStore::from_database(db);
    assert_eq!(store.version() as u32, version);
    let mut expected: Vec<String> = layout_at(version).into_iter().map(|s| s.0.to_owned()).collect();
    expected.sort();
    let mut actual = store.store_names();
    actual.sort();
    assert_eq!(actual, expected, "stores after step {version}");
    for (name, _, indexes) in layout_at(version) {
        let mut expected: Vec<&str> = indexes.iter().map(|i| i.0).collect();
        expected.sort();
        let mut actual = store.index_names(name).unwrap_or_else(|e| panic!("{name}: {e}"));
        actual.sort();
        assert_eq!(actual, expected, "indexes of {name} after step {version}");
    }
    for id in fixture_ids {
        if version < PAGED {
            store.close();
            let db = open_at(&name, version).await.unwrap_or_else(|e| panic!("{e}"));
            assert!(stored_before_pages(&db, "terms", id).await, "fixture record lost in step {version}");
            db.close();
            return;
        }
        let kept = xuncha_core::store::Store::get::<xuncha_core::term::Term>(&store, id).await;
        assert!(matches!(kept, Ok(Some(_))), "fixture record lost in step {version}: {kept:?}");
    }
    store.close();
}

/// Whether `store` of a database before pages holds the record `id`.
async fn stored_before_pages(db: &indexed_db_futures::database::Database, store: &str, id: xuncha_core::Id) -> bool {
    use indexed_db_futures::prelude::*;
    let tx = db.transaction(store).build().unwrap_or_else(|e| panic!("{e}"));
    let object_store = tx.object_store(store).unwrap_or_else(|e| panic!("{e}"));
    let value: Option<serde_json::Value> = object_store
        .get(id.to_string())
        .serde()
        .unwrap_or_else(|e| panic!("{e}"))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    value.is_some()
}

#[wasm_bindgen_test]
async fn every_migration_step_upgrades_a_fixture_of_the_version_before() {
    for version in 1..=CURRENT_VERSION {
        check_step(version).await;
    }
}

#[wasm_bindgen_test]
async fn reopening_a_current_database_keeps_its_data() {
    let name = fresh_name();
    let store = IdbStore::open(&name).await.unwrap_or_else(|e| panic!("{e}"));
    let office = xuncha_core::office::Office {
        id: xuncha_core::id::Id::from_random_bytes([1; 16]),
        name: "某县委巡察办".into(),
        role: xuncha_core::office::OfficeRole::County,
    };
    xuncha_core::store::Store::put_setting(&store, "office", &office).await.unwrap_or_else(|e| panic!("{e}"));
    store.close();
    let again = IdbStore::open(&name).await.unwrap_or_else(|e| panic!("{e}"));
    let read: Option<xuncha_core::office::Office> =
        xuncha_core::store::Store::setting(&again, "office").await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(read, Some(office));
}

#[wasm_bindgen_test]
async fn a_newer_schema_in_another_tab_closes_this_connection_and_tells_the_user() {
    let name = fresh_name();
    let store = IdbStore::open(&name).await.unwrap_or_else(|e| panic!("{e}"));
    let told = Rc::new(Cell::new(false));
    let flag = told.clone();
    store.on_version_change(move || flag.set(true));
    // Another tab with a newer app opens the same database at a higher version;
    // it must not be blocked by this connection.
    let newer = open_at(&name, CURRENT_VERSION + 1).await.unwrap_or_else(|e| panic!("blocked: {e}"));
    assert!(told.get(), "the old connection was not told");
    assert_eq!(newer.version() as u32, CURRENT_VERSION + 1);
}

/// Puts records into `store` of `db` as the versions before pages wrote them (before
/// 5, without `idx`).
async fn put_as_before(db: &indexed_db_futures::database::Database, store: &str, records: &[serde_json::Value]) {
    use indexed_db_futures::prelude::*;
    use indexed_db_futures::transaction::TransactionMode;
    let tx = db.transaction(store).with_mode(TransactionMode::Readwrite).build().unwrap_or_else(|e| panic!("{e}"));
    let object_store = tx.object_store(store).unwrap_or_else(|e| panic!("{e}"));
    for record in records {
        let value = js_sys::JSON::parse(&record.to_string()).unwrap_or_else(|e| panic!("{e:?}"));
        object_store.put(value).primitive().unwrap_or_else(|e| panic!("{e}"));
    }
    tx.commit().await.unwrap_or_else(|e| panic!("{e}"));
}

#[wasm_bindgen_test]
async fn records_written_before_step_5_are_counted_after_the_upgrade() {
    use xuncha_core::date::Day;
    use xuncha_core::meta::{Meta, Timestamp};
    use xuncha_core::record::{Kind, Record};
    use xuncha_core::rectification::{RectStatus, Rectification};
    use xuncha_core::store::Store;
    let name = fresh_name();
    let ids = xuncha_core::id::SequentialIds::default();
    let office = ids.next_id();
    let meta = || Meta::new(ids.next_id(), office, Timestamp::from_unix_millis(1.79e12));
    let day = |s: &str| s.parse::<Day>().unwrap_or_else(|e| panic!("{e}"));
    let problem = |deleted: bool| {
        let mut m = meta();
        m.deleted = deleted;
        let p = xuncha_core::problem::Problem::new(ids.next_id(), ids.next_id(), day("2025-05-06"));
        serde_json::to_value(Record { meta: m, data: p }).unwrap_or_else(|e| panic!("{e}"))
    };
    let rect = |deadline: &str, status: RectStatus| {
        let mut r = Rectification::new(ids.next_id(), day(deadline));
        r.status = status;
        serde_json::to_value(Record { meta: meta(), data: r }).unwrap_or_else(|e| panic!("{e}"))
    };
    let db = open_at(&name, 4).await.unwrap_or_else(|e| panic!("fixture v4: {e}"));
    put_as_before(&db, "problems", &[problem(false), problem(true), problem(false)]).await;
    let rects = [
        rect("2026-01-31", RectStatus::InProgress),
        rect("2026-01-31", RectStatus::Closed),
        rect("2026-12-31", RectStatus::NotStarted),
    ];
    put_as_before(&db, "rectifications", &rects).await;
    db.close();

    let store = IdbStore::open(&name).await.unwrap_or_else(|e| panic!("upgrade: {e}"));
    let today = day("2026-06-01");
    assert_eq!(store.count_live(Kind::Problem).await, Ok(2));
    assert_eq!(store.count_live(Kind::Rectification).await, Ok(3));
    assert_eq!(store.count_overdue(today).await, Ok(1));
    let loaded = xuncha_core::ops::Snapshot::load(&store).await.unwrap_or_else(|e| panic!("{e}"));
    let counted = xuncha_core::ops::FirstCounts::read(&store, today).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(counted, xuncha_core::ops::FirstCounts::of(&loaded, today));
    assert!(!store.store_names().iter().any(|n| n.starts_with('_')), "no scratch store is left behind");
    store.close();
}

#[wasm_bindgen_test]
async fn records_stored_one_by_one_move_into_pages_whole_and_read_back_the_same() {
    use xuncha_core::meta::{Meta, Timestamp};
    use xuncha_core::problem::Problem;
    use xuncha_core::record::{Kind, Record};
    use xuncha_core::schema::keys;
    use xuncha_core::store::Store;
    let name = fresh_name();
    let ids = xuncha_core::id::SequentialIds::default();
    let office = ids.next_id();
    let round = ids.next_id();
    let day = "2025-05-06".parse().unwrap_or_else(|e| panic!("{e}"));
    // More than a page holds, some deleted, written as version 7 did (with `idx`).
    let problems: Vec<Record<Problem>> = (0..1234)
        .map(|i| {
            let mut meta = Meta::new(ids.next_id(), office, Timestamp::from_unix_millis(1.79e12));
            meta.deleted = i % 100 == 0;
            let target = ids.next_id();
            Record { meta, data: Problem::new(if i % 2 == 0 { round } else { ids.next_id() }, target, day) }
        })
        .collect();
    let stored: Vec<serde_json::Value> = problems
        .iter()
        .map(|p| {
            let mut v = serde_json::to_value(p).unwrap_or_else(|e| panic!("{e}"));
            if p.meta.deleted {
                v["idx"] = serde_json::json!({ "gone": 1 });
            }
            v
        })
        .collect();
    let db = open_at(&name, PAGED - 1).await.unwrap_or_else(|e| panic!("fixture: {e}"));
    put_as_before(&db, keys::PROBLEMS, &stored).await;
    db.close();

    let store = IdbStore::open(&name).await.unwrap_or_else(|e| panic!("upgrade: {e}"));
    assert!(!store.store_names().iter().any(|n| n == keys::PROBLEMS), "the old store is gone");
    let mut expected = problems.clone();
    expected.sort_by_key(|p| p.meta.id);
    assert_eq!(store.all::<Problem>().await, Ok(expected.clone()));
    assert_eq!(store.count_live(Kind::Problem).await, Ok(1234 - 13));
    let in_round = store.by_index::<Problem>(keys::BY_ROUND, round).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(in_round.len(), 617);
    let middle = &problems[700];
    assert_eq!(store.get::<Problem>(middle.meta.id).await, Ok(Some(middle.clone())));
    store.close();
}

/// Two connections to one fresh database, as two tabs have.
async fn two_tabs() -> (IdbStore, IdbStore) {
    let name = fresh_name();
    let here = IdbStore::open(&name).await.unwrap_or_else(|e| panic!("{e}"));
    let there = IdbStore::open(&name).await.unwrap_or_else(|e| panic!("{e}"));
    (here, there)
}

/// A new rectification of `problem`, due 2026-06-30, and the change that creates it.
fn new_rectification(
    ids: &xuncha_core::id::SequentialIds,
    office: xuncha_core::Id,
    problem: xuncha_core::Id,
) -> (xuncha_core::record::Record<xuncha_core::rectification::Rectification>, xuncha_core::store::Change) {
    use xuncha_core::meta::{Meta, Timestamp};
    let deadline = "2026-06-30".parse().unwrap_or_else(|e| panic!("{e}"));
    let record = xuncha_core::record::Record {
        meta: Meta::new(ids.next_id(), office, Timestamp::from_unix_millis(1.79e12)),
        data: xuncha_core::rectification::Rectification::new(problem, deadline),
    };
    let change = xuncha_core::store::Change {
        record: xuncha_core::record::AnyRecord::Rectification(record.clone()),
        expect: xuncha_core::store::Expect::Absent,
    };
    (record, change)
}

#[wasm_bindgen_test]
async fn a_write_through_another_connection_is_seen_by_the_next_lookup_here() {
    use xuncha_core::rectification::Rectification;
    use xuncha_core::schema::keys;
    use xuncha_core::store::{Change, Expect, Store};
    let (here, there) = two_tabs().await;
    let ids = xuncha_core::id::SequentialIds::default();
    let office = ids.next_id();
    let problem = ids.next_id();
    let (first, create) = new_rectification(&ids, office, problem);
    here.commit(vec![create]).await.unwrap_or_else(|e| panic!("{e}"));
    let found = here.by_index::<Rectification>(keys::BY_PROBLEM, problem).await;
    assert_eq!(found.map(|l| l.len()), Ok(1));
    there.commit(vec![new_rectification(&ids, office, problem).1]).await.unwrap_or_else(|e| panic!("{e}"));
    let found = here.by_index::<Rectification>(keys::BY_PROBLEM, problem).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(found.len(), 2, "the other connection's record is found");
    here.commit(vec![new_rectification(&ids, office, problem).1]).await.unwrap_or_else(|e| panic!("{e}"));
    let found = here.by_index::<Rectification>(keys::BY_PROBLEM, problem).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(found.len(), 3, "this connection's own record is found");
    // The other connection's stale edit is refused inside its transaction.
    let mut edited = first.clone();
    edited.meta.version.bump(office);
    let seen = Change {
        record: xuncha_core::record::AnyRecord::Rectification(edited.clone()),
        expect: Expect::Version(first.meta.version.clone()),
    };
    here.commit(vec![seen.clone()]).await.unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(there.commit(vec![seen]).await, Err(xuncha_core::store::StoreError::Stale { .. })));
    here.close();
    there.close();
}

#[wasm_bindgen_test]
async fn an_older_app_meeting_a_newer_database_refuses_it_and_changes_nothing() {
    let name = fresh_name();
    let newer = open_at(&name, CURRENT_VERSION + 1).await.unwrap_or_else(|e| panic!("{e}"));
    newer.close();
    let older = IdbStore::open(&name).await;
    assert!(matches!(older, Err(xuncha_core::store::StoreError::Newer)), "{older:?}");
    let again = open_at(&name, CURRENT_VERSION + 1).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again.version() as u32, CURRENT_VERSION + 1);
}

#[wasm_bindgen_test]
async fn a_lookup_made_while_reading_in_steps_misses_nothing_written_between_the_steps() {
    use xuncha_core::rectification::Rectification;
    use xuncha_core::schema::keys;
    use xuncha_core::store::Store;
    let (here, there) = two_tabs().await;
    let ids = xuncha_core::id::SequentialIds::default();
    let office = ids.next_id();
    let problem = ids.next_id();
    let first: Vec<_> = (0..1200)
        .map(|i| new_rectification(&ids, office, if i % 2 == 0 { problem } else { ids.next_id() }).1)
        .collect();
    here.commit(first).await.unwrap_or_else(|e| panic!("{e}"));

    // Read in steps as the page reads the long lists; another tab writes between steps.
    let step = here.page::<Rectification>(None, 500).await.unwrap_or_else(|e| panic!("{e}"));
    there.commit(vec![new_rectification(&ids, office, problem).1]).await.unwrap_or_else(|e| panic!("{e}"));
    let mut after = step.last().map(|r| r.meta.id);
    loop {
        let step = here.page::<Rectification>(after, 500).await.unwrap_or_else(|e| panic!("{e}"));
        after = step.last().map(|r| r.meta.id);
        if step.len() < 500 {
            break;
        }
    }
    let found = here.by_index::<Rectification>(keys::BY_PROBLEM, problem).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(found.len(), 601, "the other tab's record is found too");

    // Read in steps with nothing between them, the lookup answers at once and rightly.
    let mut after = None;
    loop {
        let step = here.page::<Rectification>(after, 500).await.unwrap_or_else(|e| panic!("{e}"));
        after = step.last().map(|r| r.meta.id);
        if step.len() < 500 {
            break;
        }
    }
    let found = here.by_index::<Rectification>(keys::BY_PROBLEM, problem).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(found.len(), 601);
    assert!(found.iter().all(|r| r.data.problem == problem));
    here.close();
    there.close();
}
