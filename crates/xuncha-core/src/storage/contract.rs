//! The store contract: one suite of cases that every backend must pass. Native
//! tests run it on `MemoryStore`; the app runs it in a browser on IndexedDB.

use crate::group::Group;
use crate::id::{Id, IdSource, SequentialIds};
use crate::inspection::Inspection;
use crate::meta::{Meta, Timestamp};
use crate::ops::{self, Ctx, OpError};
use crate::record::{Body, Record};
use crate::round::{Round, RoundKind, RoundStatus};
use crate::schema::keys;
use crate::store::{live, Change, Expect, Store, StoreError};
use crate::target::{Target, TargetKind};
use crate::term::Term;

mod bulk;
pub use bulk::*;

/// Expands `$m! { case, case, … }` with every contract case, so each backend's
/// test file declares one test per case without listing them again.
#[macro_export]
macro_rules! for_each_contract_case {
    ($m:ident) => {
        $m! {
            a_put_record_reads_back_unchanged,
            an_unknown_id_reads_as_none,
            all_lists_every_record_including_tombstones,
            a_tombstone_drops_out_of_the_live_list,
            an_edit_based_on_the_stored_version_is_written,
            an_edit_based_on_a_stale_version_is_refused,
            creating_a_record_twice_is_refused,
            a_failed_commit_leaves_nothing_behind,
            a_long_commit_reports_its_progress_and_still_lands_all_or_nothing,
            an_index_finds_records_by_their_parent,
            settings_read_back_what_was_written,
            deleting_a_round_removes_its_groups_and_assignments_together,
            a_refused_bulk_entry_writes_no_target,
            archived_versions_land_with_their_commit_or_not_at_all,
            an_archive_entry_written_again_replaces_the_one_before,
            settings_land_with_their_commit_or_not_at_all,
            a_revert_restores_removes_and_unarchives_together_or_not_at_all,
            a_revert_undoes_only_what_its_guard_setting_still_names,
            paging_reads_every_record_once_in_id_order_tombstones_included,
            the_first_counts_leave_out_tombstones_and_rectifications_closed_or_not_yet_due,
            loading_in_steps_equals_loading_at_once_and_keeps_what_was_written_meanwhile,
            live_counts_follow_deletions_and_reverts,
            all_records_holds_each_kind_as_reading_it_alone_does,
            thousands_of_records_written_in_turns_read_edit_page_and_revert_as_a_few_do,
        }
    };
}

fn meta(id: Id, office: Id) -> Meta {
    Meta::new(id, office, Timestamp::from_unix_millis(1_790_000_000_000.0))
}

fn term(ids: &SequentialIds, office: Id) -> Record<Term> {
    Record {
        meta: meta(ids.next_id(), office), data: Term { name: "十五届".into(), start_year: 2021, end_year: 2026 }
    }
}

fn target(ids: &SequentialIds, office: Id, name: &str) -> Record<Target> {
    Record { meta: meta(ids.next_id(), office), data: Target::new(name, TargetKind::Township, None) }
}

fn create<B: Body>(r: &Record<B>) -> Change {
    Change { record: B::into_any(r.clone()), expect: Expect::Absent }
}

fn edit<B: Body>(r: &Record<B>, seen: &Record<B>) -> Change {
    Change { record: B::into_any(r.clone()), expect: Expect::Version(seen.meta.version.clone()) }
}

async fn must<V, E: std::fmt::Debug>(f: impl std::future::Future<Output = Result<V, E>>) -> V {
    match f.await {
        Ok(v) => v,
        Err(e) => panic!("store call failed: {e:?}"),
    }
}

pub async fn a_put_record_reads_back_unchanged(s: &impl Store) {
    let ids = SequentialIds::default();
    let office = ids.next_id();
    let mut t = target(&ids, office, "城关镇<script>alert(1)</script>");
    t.data.notes = "并村后保留 \"引号\" 与 emoji 🏛".into();
    must(s.commit(vec![create(&t)])).await;
    assert_eq!(must(s.get::<Target>(t.meta.id)).await, Some(t));
}

pub async fn an_unknown_id_reads_as_none(s: &impl Store) {
    assert_eq!(must(s.get::<Term>(Id::from_random_bytes([9; 16]))).await, None);
}

pub async fn all_lists_every_record_including_tombstones(s: &impl Store) {
    let ids = SequentialIds::default();
    let office = ids.next_id();
    let a = term(&ids, office);
    let mut b = term(&ids, office);
    b.data.name = "十六届".into();
    b.meta.deleted = true;
    must(s.commit(vec![create(&a), create(&b)])).await;
    let mut names: Vec<String> = must(s.all::<Term>()).await.into_iter().map(|t| t.data.name).collect();
    names.sort();
    assert_eq!(names, vec!["十五届", "十六届"]);
    assert!(must(s.all::<Round>()).await.is_empty(), "other kinds stay empty");
}

pub async fn all_records_holds_each_kind_as_reading_it_alone_does(s: &impl Store) {
    use crate::rectification::RectStatus;
    let ids = SequentialIds::default();
    let office = ids.next_id();
    let mut gone = term(&ids, office);
    gone.meta.deleted = true;
    let mut changes = vec![create(&term(&ids, office)), create(&gone), create(&target(&ids, office, "城关镇"))];
    changes.extend((0..5).map(|_| create(&problem(&ids, office))));
    changes.push(create(&rectification(&ids, office, day(2026, 5, 31), RectStatus::InProgress)));
    must(s.commit(changes)).await;
    let mut all = must(s.all_records()).await;
    fn by_id<B: Body>(mut list: Vec<Record<B>>) -> Vec<Record<B>> {
        list.sort_by_key(|r| r.meta.id);
        list
    }
    assert_eq!(all.len(), 9, "every record, tombstones included");
    assert_eq!(by_id(std::mem::take(&mut all.terms)), by_id(must(s.all::<Term>()).await));
    assert_eq!(all.targets, must(s.all::<Target>()).await);
    assert_eq!(by_id(std::mem::take(&mut all.problems)), by_id(must(s.all::<crate::problem::Problem>()).await));
    assert_eq!(all.rectifications, must(s.all::<crate::rectification::Rectification>()).await);
    assert!(all.rounds.is_empty() && all.clues.is_empty() && all.responses.is_empty(), "other kinds stay empty");
}

pub async fn a_tombstone_drops_out_of_the_live_list(s: &impl Store) {
    let ids = SequentialIds::default();
    let ctx = Ctx { office: ids.next_id(), now: Timestamp::from_unix_millis(1.0e12), ids: &ids };
    let t = must(ops::save_target(s, &ctx, None, Target::new("城关镇", TargetKind::Township, None))).await;
    must(ops::delete_target(s, &ctx, &t)).await;
    assert!(must(live::<Target, _>(s)).await.is_empty());
    let stored = must(s.get::<Target>(t.meta.id)).await;
    let stored = stored.unwrap_or_else(|| panic!("the tombstone must stay stored"));
    assert!(stored.meta.deleted);
    assert_eq!(stored.data.name, "城关镇", "a tombstone keeps its content for exchange");
    assert!(stored.meta.version.get(ctx.office) > t.meta.version.get(ctx.office));
}

pub async fn an_edit_based_on_the_stored_version_is_written(s: &impl Store) {
    let ids = SequentialIds::default();
    let office = ids.next_id();
    let t = term(&ids, office);
    must(s.commit(vec![create(&t)])).await;
    let mut next = t.clone();
    next.data.end_year = 2027;
    next.meta.touch(office, Timestamp::from_unix_millis(1.8e12));
    must(s.commit(vec![edit(&next, &t)])).await;
    assert_eq!(must(s.get::<Term>(t.meta.id)).await, Some(next));
}

pub async fn an_edit_based_on_a_stale_version_is_refused(s: &impl Store) {
    let ids = SequentialIds::default();
    let office = ids.next_id();
    let t = term(&ids, office);
    must(s.commit(vec![create(&t)])).await;
    let mut first = t.clone();
    first.data.name = "第一次修改".into();
    first.meta.touch(office, Timestamp::from_unix_millis(1.8e12));
    must(s.commit(vec![edit(&first, &t)])).await;
    let mut second = t.clone();
    second.data.name = "基于旧版本的修改".into();
    second.meta.touch(office, Timestamp::from_unix_millis(1.8e12));
    let result = s.commit(vec![edit(&second, &t)]).await;
    assert_eq!(result, Err(StoreError::Stale { kind: crate::Kind::Term, id: t.meta.id }));
    assert_eq!(must(s.get::<Term>(t.meta.id)).await, Some(first));
}

pub async fn creating_a_record_twice_is_refused(s: &impl Store) {
    let ids = SequentialIds::default();
    let t = term(&ids, ids.next_id());
    must(s.commit(vec![create(&t)])).await;
    let result = s.commit(vec![create(&t)]).await;
    assert_eq!(result, Err(StoreError::Exists { kind: crate::Kind::Term, id: t.meta.id }));
}

pub async fn a_failed_commit_leaves_nothing_behind(s: &impl Store) {
    let ids = SequentialIds::default();
    let office = ids.next_id();
    let existing = term(&ids, office);
    must(s.commit(vec![create(&existing)])).await;
    let fresh = target(&ids, office, "城关镇");
    let mut stale = existing.clone();
    stale.data.name = "不该写入".into();
    let mut wrong_base = existing.clone();
    wrong_base.meta.touch(office, Timestamp::from_unix_millis(1.8e12));
    // The first change is fine, the second is refused: neither may land.
    let result = s.commit(vec![create(&fresh), edit(&stale, &wrong_base)]).await;
    assert!(matches!(result, Err(StoreError::Stale { .. })), "{result:?}");
    assert_eq!(must(s.get::<Target>(fresh.meta.id)).await, None);
    assert_eq!(must(s.get::<Term>(existing.meta.id)).await, Some(existing));
}

pub async fn a_long_commit_reports_its_progress_and_still_lands_all_or_nothing(s: &impl Store) {
    let ids = SequentialIds::default();
    let office = ids.next_id();
    let targets: Vec<Record<Target>> = (0..2500).map(|i| target(&ids, office, &format!("第{i}村"))).collect();
    let seen = std::cell::RefCell::new(Vec::new());
    let report = |done: usize, total: usize| seen.borrow_mut().push((done, total));
    must(s.commit_all_reporting(targets.iter().map(create).collect(), Vec::new(), &report)).await;
    let seen = seen.take();
    assert_eq!(seen.last(), Some(&(2500, 2500)), "the last report is the whole commit");
    assert!(seen.windows(2).all(|w| w[0].0 <= w[1].0), "progress never goes back: {seen:?}");
    assert_eq!(must(live::<Target, _>(s)).await.len(), 2500);

    // A refused record at the very end takes back everything reported before it.
    let more: Vec<Record<Target>> = (0..2500).map(|i| target(&ids, office, &format!("第{i}社区"))).collect();
    let mut changes: Vec<Change> = more.iter().map(create).collect();
    changes.push(create(&targets[0]));
    let result = s.commit_all_reporting(changes, Vec::new(), &|_, _| {}).await;
    let existing = StoreError::Exists { kind: crate::Kind::Target, id: targets[0].meta.id };
    assert_eq!(result, Err(existing.clone()), "the refusal names the record");
    assert_eq!(must(live::<Target, _>(s)).await.len(), 2500, "nothing of the refused commit landed");

    // So does one in the middle, and a new record given twice in one commit.
    let mut changes: Vec<Change> = more.iter().map(create).collect();
    changes.insert(1200, create(&targets[0]));
    assert_eq!(s.commit_all_reporting(changes, Vec::new(), &|_, _| {}).await, Err(existing));
    let mut changes: Vec<Change> = more.iter().map(create).collect();
    changes.insert(2000, create(&more[7]));
    let twice = StoreError::Exists { kind: crate::Kind::Target, id: more[7].meta.id };
    assert_eq!(s.commit_all_reporting(changes, Vec::new(), &|_, _| {}).await, Err(twice));
    assert_eq!(must(live::<Target, _>(s)).await.len(), 2500, "nothing of the refused commits landed");
}

pub async fn an_index_finds_records_by_their_parent(s: &impl Store) {
    let ids = SequentialIds::default();
    let office = ids.next_id();
    let town = target(&ids, office, "城关镇");
    let other = target(&ids, office, "东关镇");
    let village = |name: &str, parent: &Record<Target>| Record {
        meta: meta(ids.next_id(), office),
        data: Target::new(name, TargetKind::Village, Some(parent.meta.id)),
    };
    let v1 = village("新村", &town);
    let v2 = village("老村", &town);
    let v3 = village("河村", &other);
    must(s.commit(vec![create(&town), create(&other), create(&v1), create(&v2), create(&v3)])).await;
    let mut found: Vec<String> =
        must(s.by_index::<Target>(keys::BY_TOWNSHIP, town.meta.id)).await.into_iter().map(|t| t.data.name).collect();
    found.sort();
    assert_eq!(found, vec!["新村", "老村"]);
    assert!(must(s.by_index::<Target>(keys::BY_TOWNSHIP, v1.meta.id)).await.is_empty());
}

pub async fn settings_read_back_what_was_written(s: &impl Store) {
    assert_eq!(must(s.setting::<String>("lang")).await, None);
    must(s.put_setting("lang", &"en".to_owned())).await;
    must(s.put_setting("lang", &"zh".to_owned())).await;
    assert_eq!(must(s.setting::<String>("lang")).await, Some("zh".to_owned()));
}

pub async fn deleting_a_round_removes_its_groups_and_assignments_together(s: &impl Store) {
    let ids = SequentialIds::default();
    let ctx = Ctx { office: ids.next_id(), now: Timestamp::from_unix_millis(1.79e12), ids: &ids };
    let term =
        must(ops::save_term(s, &ctx, None, Term { name: "十五届".into(), start_year: 2021, end_year: 2026 })).await;
    let round = Round {
        term: term.meta.id,
        ordinal: 1,
        kind: RoundKind::Regular,
        topic: String::new(),
        start: "2026-03-01".parse().ok(),
        end: None,
        status: RoundStatus::Ongoing,
        notes: String::new(),
    };
    let round = must(ops::save_round(s, &ctx, None, round)).await;
    let group = Group::new(round.meta.id, "第一巡察组".into());
    let group = must(ops::save_group(s, &ctx, None, group)).await;
    let town = must(ops::save_target(s, &ctx, None, Target::new("城关镇", TargetKind::Township, None))).await;
    must(ops::assign_targets(s, &ctx, round.meta.id, group.meta.id, &[town.meta.id], &[])).await;
    assert_eq!(
        ops::delete_term(s, &ctx, &term).await,
        Err(OpError::Refused(crate::i18n::T::ErrTermHasRounds)),
        "a term with rounds stays"
    );
    must(ops::delete_round(s, &ctx, &round)).await;
    assert!(must(live::<Round, _>(s)).await.is_empty());
    assert!(must(live::<Group, _>(s)).await.is_empty());
    assert!(must(live::<Inspection, _>(s)).await.is_empty());
    assert_eq!(must(s.all::<Inspection>()).await.len(), 1, "the assignment stays as a tombstone");
    must(ops::delete_target(s, &ctx, &town)).await;
}

pub async fn a_refused_bulk_entry_writes_no_target(s: &impl Store) {
    let ids = SequentialIds::default();
    let ctx = Ctx { office: ids.next_id(), now: Timestamp::from_unix_millis(1.79e12), ids: &ids };
    let names = vec!["新村".to_owned(), "老村".to_owned()];
    let result =
        ops::bulk_add_targets(s, &ctx, &names, TargetKind::Village, TargetKind::Village.usual_org_form(), None).await;
    assert!(matches!(result, Err(OpError::Invalid(_))), "{result:?}");
    assert!(must(s.all::<Target>()).await.is_empty());
}

/// A term's name, lost to another office's in a merge.
fn archive_entry(id: Id, record_id: Id) -> crate::store::ArchivedVersion {
    crate::store::ArchivedVersion {
        id,
        kind: crate::Kind::Term,
        record_id,
        archived_at: Timestamp::from_unix_millis(1.8e12),
        from: "某乡镇".into(),
        record: serde_json::json!({"data": {"name": "旧名称"}}),
        fields: vec!["name".into()],
        restored_at: None,
        replaced: None,
    }
}

pub async fn archived_versions_land_with_their_commit_or_not_at_all(s: &impl Store) {
    let ids = SequentialIds::default();
    let office = ids.next_id();
    let t = term(&ids, office);
    let entry = |record_id: Id| archive_entry(ids.next_id(), record_id);
    must(s.commit_all(vec![create(&t)], vec![entry(t.meta.id)])).await;
    let archived = must(s.archived()).await;
    assert_eq!(archived.len(), 1);
    assert_eq!(archived[0].record_id, t.meta.id);
    assert_eq!(archived[0].record["data"]["name"], "旧名称");
    // A commit that is refused archives nothing either.
    let refused = s.commit_all(vec![create(&t)], vec![entry(t.meta.id)]).await;
    assert!(refused.is_err());
    assert_eq!(must(s.archived()).await.len(), 1);
}

pub async fn an_archive_entry_written_again_replaces_the_one_before(s: &impl Store) {
    let ids = SequentialIds::default();
    let office = ids.next_id();
    let t = term(&ids, office);
    let entry = archive_entry(ids.next_id(), t.meta.id);
    must(s.commit_all(vec![create(&t)], vec![entry.clone()])).await;
    let marked = crate::store::ArchivedVersion { restored_at: Some(Timestamp::from_unix_millis(1.9e12)), ..entry };
    must(s.commit_all(Vec::new(), vec![marked.clone()])).await;
    assert_eq!(must(s.archived()).await, vec![marked], "one entry, marked restored");
}

pub async fn settings_land_with_their_commit_or_not_at_all(s: &impl Store) {
    use crate::store::{Commit, SettingWrite};
    let ids = SequentialIds::default();
    let office = ids.next_id();
    let first = term(&ids, office);
    let undo = |n: u32| must_write(SettingWrite::new("last_import", &n));
    let commit = |changes: Vec<Change>, n: u32| Commit { changes, archive: Vec::new(), settings: vec![undo(n)] };
    must(s.commit_with(commit(vec![create(&first)], 1), &|_, _| {})).await;
    assert_eq!(must(s.setting::<u32>("last_import")).await, Some(1), "the setting landed with the records");
    // A refused commit, here by its last record, leaves the setting as it was.
    let second = term(&ids, office);
    let refused = s.commit_with(commit(vec![create(&second), create(&first)], 2), &|_, _| {}).await;
    assert!(refused.is_err());
    assert_eq!(must(s.setting::<u32>("last_import")).await, Some(1), "a refused commit writes no setting");
    assert_eq!(must(s.get::<Term>(second.meta.id)).await, None, "nor any record");
    must(s.commit_with(commit(vec![create(&second)], 2), &|_, _| {})).await;
    assert_eq!(must(s.setting::<u32>("last_import")).await, Some(2));
}

fn must_write<T>(r: Result<T, StoreError>) -> T {
    r.unwrap_or_else(|e| panic!("{e}"))
}

pub async fn a_revert_restores_removes_and_unarchives_together_or_not_at_all(s: &impl Store) {
    use crate::store::Revert;
    let ids = SequentialIds::default();
    let office = ids.next_id();
    let kept = term(&ids, office);
    let created = target(&ids, office, "城关镇");
    let entry = archive_entry(ids.next_id(), kept.meta.id);
    must(s.commit_all(vec![create(&kept), create(&created)], vec![entry.clone()])).await;
    let mut changed = kept.clone();
    changed.data.name = "导入后的名称".into();
    changed.meta.touch(office, Timestamp::from_unix_millis(1.8e12));
    must(s.commit(vec![edit(&changed, &kept)])).await;

    // A revert whose removal no longer matches is refused whole.
    let mut wrong = created.meta.version.clone();
    wrong.bump(office);
    let refused = Revert {
        restore: vec![edit(&kept, &changed)],
        remove: vec![(crate::Kind::Target, created.meta.id, wrong)],
        unarchive: vec![entry.id],
        ..Revert::default()
    };
    assert!(matches!(s.revert(refused).await, Err(StoreError::Stale { .. })));
    assert_eq!(must(s.get::<Term>(kept.meta.id)).await, Some(changed.clone()));
    assert!(must(s.get::<Target>(created.meta.id)).await.is_some());
    assert_eq!(must(s.archived()).await.len(), 1);

    let revert = Revert {
        restore: vec![edit(&kept, &changed)],
        remove: vec![(crate::Kind::Target, created.meta.id, created.meta.version.clone())],
        unarchive: vec![entry.id],
        ..Revert::default()
    };
    must(s.revert(revert)).await;
    assert_eq!(must(s.get::<Term>(kept.meta.id)).await, Some(kept));
    assert_eq!(must(s.get::<Target>(created.meta.id)).await, None);
    assert!(must(s.archived()).await.is_empty());
}

fn day(y: i32, m: u8, d: u8) -> crate::date::Day {
    crate::date::Day::from_ymd(y, m, d).unwrap_or_else(|| panic!("{y}-{m}-{d} is a day"))
}

fn problem(ids: &SequentialIds, office: Id) -> Record<crate::problem::Problem> {
    let p = crate::problem::Problem::new(ids.next_id(), ids.next_id(), day(2025, 5, 6));
    Record { meta: meta(ids.next_id(), office), data: p }
}

fn rectification(
    ids: &SequentialIds,
    office: Id,
    deadline: crate::date::Day,
    status: crate::rectification::RectStatus,
) -> Record<crate::rectification::Rectification> {
    let mut r = crate::rectification::Rectification::new(ids.next_id(), deadline);
    r.status = status;
    Record { meta: meta(ids.next_id(), office), data: r }
}

pub async fn a_revert_undoes_only_what_its_guard_setting_still_names(s: &impl Store) {
    use crate::store::Revert;
    let ids = SequentialIds::default();
    let office = ids.next_id();
    let (first, second) = (ids.next_id(), ids.next_id());
    let imported = term(&ids, office);
    must(s.commit(vec![create(&imported)])).await;
    let named = |id: Id| serde_json::json!({ "id": id, "file": "x01.json" });
    must(s.put_setting("last_import", &named(second))).await;
    let undo = |id: Id| Revert {
        remove: vec![(crate::Kind::Term, imported.meta.id, imported.meta.version.clone())],
        guard: Some(("last_import".into(), id)),
        ..Revert::default()
    };
    // An undo of an earlier import, from a page that has not seen the later one.
    assert_eq!(s.revert(undo(first)).await, Err(StoreError::Superseded("last_import".into())));
    assert!(must(s.get::<Term>(imported.meta.id)).await.is_some(), "nothing was undone");
    assert_eq!(must(s.setting::<serde_json::Value>("last_import")).await, Some(named(second)));
    let seen = std::cell::RefCell::new(Vec::new());
    must(s.revert_reporting(undo(second), &|done, total| seen.borrow_mut().push((done, total)))).await;
    assert_eq!(seen.take().last(), Some(&(1, 1)), "the undo reports how far it has come");
    assert_eq!(must(s.get::<Term>(imported.meta.id)).await, None);
    let cleared = must(s.setting::<serde_json::Value>("last_import")).await;
    assert_eq!(cleared, Some(serde_json::Value::Null), "the undone import is no longer offered");
}

pub async fn paging_reads_every_record_once_in_id_order_tombstones_included(s: &impl Store) {
    let ids = SequentialIds::default();
    let office = ids.next_id();
    let mut problems: Vec<_> = (0..7).map(|_| problem(&ids, office)).collect();
    problems[3].meta.deleted = true;
    must(s.commit(problems.iter().map(create).collect())).await;
    let mut read = Vec::new();
    let mut after = None;
    loop {
        let page = must(s.page::<crate::problem::Problem>(after, 3)).await;
        assert!(page.len() <= 3, "a page holds at most its limit");
        after = page.last().map(|r| r.meta.id);
        let n = page.len();
        read.extend(page);
        if n < 3 {
            break;
        }
    }
    problems.sort_by_key(|p| p.meta.id.to_string());
    assert_eq!(read, problems, "every record once, in the order of their ids as text");
    assert!(must(s.page::<Term>(None, 3)).await.is_empty(), "an empty kind reads as one empty page");
}

pub async fn the_first_counts_leave_out_tombstones_and_rectifications_closed_or_not_yet_due(s: &impl Store) {
    use crate::rectification::RectStatus;
    let ids = SequentialIds::default();
    let office = ids.next_id();
    let today = day(2026, 6, 1);
    let mut gone = problem(&ids, office);
    gone.meta.deleted = true;
    let mut deleted_late = rectification(&ids, office, day(2026, 1, 31), RectStatus::InProgress);
    deleted_late.meta.deleted = true;
    let changes = vec![
        create(&problem(&ids, office)),
        create(&problem(&ids, office)),
        create(&gone),
        create(&rectification(&ids, office, day(2026, 1, 31), RectStatus::InProgress)),
        create(&rectification(&ids, office, day(2026, 5, 31), RectStatus::NotStarted)),
        create(&rectification(&ids, office, today, RectStatus::InProgress)),
        create(&rectification(&ids, office, day(2026, 12, 31), RectStatus::InProgress)),
        create(&rectification(&ids, office, day(2025, 12, 31), RectStatus::Closed)),
        create(&deleted_late),
    ];
    must(s.commit(changes)).await;
    let counted = must(ops::FirstCounts::read(s, today)).await;
    let expected = ops::FirstCounts { problems: 2, rectifications: 5, clues: 0, responses: 0, overdue: 2 };
    assert_eq!(counted, expected, "the deadline day itself is not overdue");
    let loaded = must(ops::Snapshot::load(s)).await;
    assert_eq!(ops::FirstCounts::of(&loaded, today), counted, "counting and loading agree");
    assert_eq!(counted.deferred(), 7);

    // An edit that closes a late rectification leaves the overdue count at once.
    let late = loaded.rectifications.iter().find(|r| r.data.deadline == day(2026, 1, 31));
    let late = late.unwrap_or_else(|| panic!("the late rectification is loaded"));
    let mut closed = late.clone();
    closed.data.status = RectStatus::Closed;
    closed.meta.touch(office, Timestamp::from_unix_millis(1.8e12));
    must(s.commit(vec![edit(&closed, late)])).await;
    assert_eq!(must(s.count_overdue(today)).await, 1);
}

pub async fn loading_in_steps_equals_loading_at_once_and_keeps_what_was_written_meanwhile(s: &impl Store) {
    use crate::rectification::RectStatus;
    let ids = SequentialIds::default();
    let office = ids.next_id();
    let mut changes = vec![create(&term(&ids, office))];
    changes.extend((0..5).map(|_| create(&problem(&ids, office))));
    let rects: Vec<_> = (0..4).map(|_| rectification(&ids, office, day(2026, 3, 1), RectStatus::NotStarted)).collect();
    changes.extend(rects.iter().map(create));
    must(s.commit(changes)).await;
    let whole = must(ops::Snapshot::load(s)).await;
    assert_eq!((whole.terms.len(), whole.problems.len(), whole.rectifications.len()), (1, 5, 4));

    let mut first = must(ops::Snapshot::load_first(s)).await;
    assert_eq!(first.terms.len(), 1);
    assert!(first.problems.is_empty() && first.rectifications.is_empty(), "the long lists wait");
    let mut rest = ops::DeferredLoad::default();
    let mut steps = 1;
    while !must(rest.step(s, 2)).await {
        steps += 1;
        if steps == 2 {
            // A step was read; an edit lands before the rest is.
            let mut moved = rects[0].clone();
            moved.data.status = RectStatus::InProgress;
            moved.meta.touch(office, Timestamp::from_unix_millis(1.8e12));
            must(s.commit(vec![edit(&moved, &rects[0])])).await;
            first.apply(vec![crate::record::AnyRecord::Rectification(moved)]);
        }
    }
    assert!(steps >= 5, "two records a step take several steps, not {steps}");
    assert_eq!(rest.read(), 9);
    rest.finish(&mut first);
    let again = must(ops::Snapshot::load(s)).await;
    let edited = again.rectifications.iter().find(|r| r.meta.id == rects[0].meta.id).map(|r| r.data.status);
    assert_eq!(edited, Some(RectStatus::InProgress));
    let sorted = |mut snap: ops::Snapshot| {
        snap.rectifications.sort_by_key(|r| r.meta.id);
        snap.problems.sort_by_key(|r| r.meta.id);
        snap
    };
    assert_eq!(sorted(first), sorted(again), "the steps and the edit made meanwhile give what one load gives");
}

pub async fn live_counts_follow_deletions_and_reverts(s: &impl Store) {
    use crate::store::Revert;
    let ids = SequentialIds::default();
    let office = ids.next_id();
    let count = || async { must(s.count_live(crate::Kind::Problem)).await };
    assert_eq!(count().await, 0);
    let kept = problem(&ids, office);
    let gone = problem(&ids, office);
    must(s.commit(vec![create(&kept), create(&gone)])).await;
    assert_eq!(count().await, 2);

    // Deleting makes a tombstone: one fewer live record.
    let mut tombstone = gone.clone();
    tombstone.meta.deleted = true;
    tombstone.meta.touch(office, Timestamp::from_unix_millis(1.8e12));
    must(s.commit(vec![edit(&tombstone, &gone)])).await;
    assert_eq!(count().await, 1);

    // A refused commit counts nothing.
    let late = problem(&ids, office);
    assert!(s.commit(vec![create(&late), create(&kept)]).await.is_err());
    assert_eq!(count().await, 1);

    // An import brings one new and brings the deleted one back; its undo reverts both.
    let mut back = tombstone.clone();
    back.meta.deleted = false;
    back.meta.touch(office, Timestamp::from_unix_millis(1.9e12));
    must(s.commit(vec![create(&late), edit(&back, &tombstone)])).await;
    assert_eq!(count().await, 3);
    let undo = Revert {
        restore: vec![edit(&tombstone, &back)],
        remove: vec![(crate::Kind::Problem, late.meta.id, late.meta.version.clone())],
        unarchive: Vec::new(),
        ..Revert::default()
    };
    must(s.revert(undo)).await;
    assert_eq!(count().await, 1);
    assert_eq!(must(live::<crate::problem::Problem, _>(s)).await.len(), 1, "counting and reading agree");
}
