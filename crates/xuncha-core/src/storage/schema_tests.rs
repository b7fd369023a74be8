//! The schema steps and the lookups: what every migration step may do, and what
//! each index finds.

use super::*;
use std::collections::HashSet;

#[test]
fn steps_are_numbered_one_by_one_from_one() {
    for (i, step) in STEPS.iter().enumerate() {
        assert_eq!(step.version as usize, i + 1);
        assert!(!step.ops.is_empty(), "step {} does nothing", step.version);
    }
    assert_eq!(CURRENT_VERSION as usize, STEPS.len());
}

#[test]
fn every_index_is_created_on_a_store_that_already_exists_and_deleted_only_after_it_was_made() {
    let mut stores = HashSet::new();
    let mut indexes = HashSet::new();
    for step in STEPS {
        for op in step.ops {
            match *op {
                CreateStore { store, .. } => {
                    assert!(stores.insert(store), "store {store} created twice")
                }
                CreateIndex { store, index, key_path } => {
                    assert!(stores.contains(store), "index {index} before store {store}");
                    assert!(indexes.insert((store, index)), "index {store}.{index} created twice");
                    assert!(!key_path.is_empty() && !key_path.ends_with('.'));
                }
                WriteIndexFields { store } => assert!(stores.contains(store), "index fields on no store {store}"),
                DeleteIndex { store, index } => {
                    assert!(indexes.remove(&(store, index)), "index {store}.{index} deleted before it was made")
                }
                MoveToPages { store } => {
                    assert!(stores.remove(store), "no store {store} to move to pages");
                    assert!(stores.contains(keys::PAGES), "{store} moved to pages before there were pages");
                    indexes.retain(|(s, _)| *s != store);
                }
            }
        }
    }
}

/// The kinds made after step 8 never had a store: they were in pages from the start.
const BORN_IN_PAGES: &[Kind] = &[Kind::Person, Kind::Outcome];

fn kinds_before_pages() -> impl Iterator<Item = Kind> {
    Kind::ALL.into_iter().filter(|k| !BORN_IN_PAGES.contains(k))
}

#[test]
fn a_kind_made_after_pages_never_had_a_store_of_its_own() {
    for version in 0..=CURRENT_VERSION {
        for kind in BORN_IN_PAGES {
            assert!(layout_at(version).iter().all(|s| s.0 != kind.store_name()), "{kind:?} at {version}");
        }
    }
}

#[test]
fn every_record_kind_lives_in_pages_after_having_had_a_store_keyed_by_record_id() {
    let before = layout_at(7);
    for kind in kinds_before_pages() {
        let store = before.iter().find(|s| s.0 == kind.store_name());
        assert_eq!(store.map(|s| s.1), Some(Some(keys::RECORD_KEY_PATH)), "{kind:?}");
        assert!(STEPS[7].ops.contains(&MoveToPages { store: kind.store_name() }), "{kind:?} is not moved");
    }
    let layout = layout_at(CURRENT_VERSION);
    let names: HashSet<&str> = layout.iter().map(|s| s.0).collect();
    assert_eq!(names, HashSet::from([keys::SETTINGS, keys::ARCHIVE, keys::PAGES]));
    assert!(layout.iter().any(|s| s.0 == keys::PAGES && s.1.is_none() && s.2.is_empty()));
}

#[test]
fn a_deleted_index_leaves_the_layout_from_its_step_on() {
    let has = |version: u32, store: &str, index: &str| {
        layout_at(version).iter().any(|s| s.0 == store && s.2.iter().any(|i| i.0 == index))
    };
    assert!(has(5, keys::PROBLEMS, keys::BY_TARGET) && has(5, keys::CLUES, keys::BY_TARGET));
    assert!(!has(6, keys::PROBLEMS, keys::BY_TARGET) && !has(6, keys::CLUES, keys::BY_TARGET));
    assert!(has(6, keys::PROBLEMS, keys::BY_ROUND) && has(6, keys::INSPECTIONS, keys::BY_TARGET));
    assert_eq!(index_key_path(keys::PROBLEMS, keys::BY_TARGET), None);
}

#[test]
fn upgrading_from_nothing_runs_every_step_and_from_current_runs_none() {
    assert_eq!(steps_after(0).count(), STEPS.len());
    assert_eq!(steps_after(CURRENT_VERSION).count(), 0);
}

#[test]
fn an_index_on_index_fields_of_an_older_store_comes_with_their_rewrite_in_the_same_step() {
    let mut before: HashSet<&str> = HashSet::new();
    for step in STEPS {
        for op in step.ops {
            if let CreateIndex { store, key_path, .. } = *op {
                if key_path.starts_with(keys::INDEX_FIELDS) && before.contains(store) {
                    assert!(
                        step.ops.contains(&WriteIndexFields { store }),
                        "step {} indexes idx on {store} without writing it",
                        step.version
                    );
                }
            }
        }
        for op in step.ops {
            if let CreateStore { store, .. } = *op {
                before.insert(store);
            }
        }
    }
}

#[test]
fn before_pages_every_record_kind_could_count_its_tombstones_by_index_fields() {
    let layout = layout_at(7);
    let full = IndexFields { gone: Some(1), open_deadline: Some(Day::from_ymd(2026, 1, 1).expect("a day")) };
    let fields = serde_json::to_value(full).expect("serialises");
    for kind in kinds_before_pages() {
        let (_, _, indexes) = layout.iter().find(|s| s.0 == kind.store_name()).expect("a store");
        assert!(indexes.contains(&(keys::GONE, "idx.gone")), "{kind:?}");
        for (index, path) in indexes {
            if let Some(field) = path.strip_prefix("idx.") {
                assert!(fields.get(field).is_some(), "{kind:?}.{index} indexes a field IndexFields lacks");
            }
        }
    }
}

#[test]
fn the_lookups_are_the_indexes_on_record_fields_the_stores_had() {
    let mut had: Vec<(&str, &str, &str)> = layout_at(7)
        .into_iter()
        .flat_map(|(store, _, indexes)| indexes.into_iter().map(move |(i, p)| (store, i, p)))
        .filter(|(_, _, path)| path.starts_with("data."))
        .collect();
    had.sort();
    let mut now = RECORD_INDEXES.to_vec();
    now.sort();
    assert_eq!(now, had);
}

#[test]
fn a_record_is_found_under_the_same_keys_as_its_fields_hold() {
    let file = crate::generate::generate(0.02, 4, Day::from_ymd(2026, 11, 22).expect("a day"));
    let records: Vec<AnyRecord> = file.records.into_any().collect();
    let mut found = 0;
    for record in &records {
        let json = record.to_json().expect("serialises");
        let mut expected: Vec<(&str, crate::id::Id)> = RECORD_INDEXES
            .iter()
            .filter(|(s, _, _)| *s == record.kind().store_name())
            .filter_map(|(_, index, path)| {
                let at = path.split('.').try_fold(&json, |v, part| v.get(part))?;
                Some((*index, at.as_str()?.parse().ok()?))
            })
            .collect();
        expected.sort();
        let mut keys = index_keys(record);
        keys.sort();
        assert_eq!(keys, expected, "{:?}", record.kind());
        found += keys.len();
    }
    assert!(found > records.len() / 2, "most records are found under some key");
}

#[test]
fn a_stored_list_reads_into_the_records_of_its_kind() {
    let file = crate::generate::generate(0.01, 4, Day::from_ymd(2026, 11, 22).expect("a day"));
    let rects: Vec<AnyRecord> = file.records.rectifications.iter().cloned().map(AnyRecord::Rectification).collect();
    let page = crate::storage::pages::Page {
        entries: rects
            .iter()
            .map(|r| Ok((r.meta().id, crate::storage::pages::Entry::of(r)?)))
            .collect::<serde_json::Result<_>>()
            .expect("writes"),
    };
    let text = page.text();
    let mut read = Records::default();
    read_stored_list(Kind::Rectification, &text, &mut read).expect("reads");
    read_stored_list(Kind::Problem, "[]", &mut read).expect("an empty list reads");
    let mut expected = file.records.rectifications.clone();
    expected.sort_by_key(|r| r.meta.id);
    assert_eq!(read.rectifications, expected);
    assert_eq!(read.len(), rects.len(), "nothing lands in another kind");
    assert!(read_stored_list(Kind::Problem, &text, &mut read).is_err(), "a list of another kind is refused");
}

#[test]
fn index_fields_leave_tombstones_and_closed_rectifications_out() {
    use crate::id::{IdSource, SequentialIds};
    use crate::meta::{Meta, Timestamp};
    use crate::record::Record;
    use crate::rectification::{RectStatus, Rectification};
    let ids = SequentialIds::default();
    let meta = Meta::new(ids.next_id(), ids.next_id(), Timestamp::from_unix_millis(1_790_000_000_000.0));
    let deadline = Day::from_ymd(2026, 3, 31).expect("a day");
    let mut data = Rectification::new(ids.next_id(), deadline);
    let open = AnyRecord::Rectification(Record { meta: meta.clone(), data: data.clone() });
    assert_eq!(IndexFields::of(&open), IndexFields { gone: None, open_deadline: Some(deadline) });
    data.status = RectStatus::Closed;
    let closed = AnyRecord::Rectification(Record { meta: meta.clone(), data: data.clone() });
    assert_eq!(IndexFields::of(&closed), IndexFields::default());
    data.status = RectStatus::NotStarted;
    let mut gone = meta;
    gone.deleted = true;
    let tombstone = AnyRecord::Rectification(Record { meta: gone, data });
    assert_eq!(IndexFields::of(&tombstone), IndexFields { gone: Some(1), open_deadline: None });
    assert_eq!(serde_json::to_string(&IndexFields::default()).expect("serialises"), "{}");
}

#[test]
fn the_lists_find_their_indexes() {
    assert_eq!(index_key_path(keys::INSPECTIONS, keys::BY_ROUND), Some("data.round"));
    assert_eq!(index_key_path(keys::TARGETS, keys::BY_TOWNSHIP), Some("data.township"));
    assert_eq!(index_key_path(keys::TARGETS, "nope"), None);
}
