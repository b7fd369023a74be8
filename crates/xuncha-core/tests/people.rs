//! The talent pool in the core's use cases: a group staffed from the pool, the
//! 回避 rule on saving a group and on assigning targets, names added to the pool,
//! and the persons in files and merges.

use pollster::block_on;
use xuncha_core::date::Day;
use xuncha_core::group::{Group, Recusal, Role, Seat};
use xuncha_core::i18n::T;
use xuncha_core::id::{Id, IdSource, SequentialIds};
use xuncha_core::meta::Timestamp;
use xuncha_core::ops::{self, Ctx, OpError};
use xuncha_core::person::{FormerUnit, Person, PoolKind};
use xuncha_core::record::Record;
use xuncha_core::round::Round;
use xuncha_core::store::{MemoryStore, Store};
use xuncha_core::target::{Target, TargetKind};
use xuncha_core::term::Term;

fn ok<V, E: std::fmt::Debug>(r: Result<V, E>) -> V {
    r.unwrap_or_else(|e| panic!("{e:?}"))
}

struct County {
    store: MemoryStore,
    ids: SequentialIds,
    office: Id,
    round: Id,
    finance: Id,
    water: Id,
    zhang: Record<Person>,
}

impl County {
    fn today(&self) -> Day {
        Day::from_date(self.ctx().now.local_date())
    }

    fn ctx(&self) -> Ctx<'_> {
        Ctx { office: self.office, now: Timestamp::from_unix_millis(1_795_000_000_000.0), ids: &self.ids }
    }
}

/// A round of 2026, two county units, and 张伟 of the finance bureau, who left the
/// water bureau in 2024.
fn county() -> County {
    let store = MemoryStore::new();
    let ids = SequentialIds::default();
    let office = ids.next_id();
    let ctx = Ctx { office, now: Timestamp::from_unix_millis(1_795_000_000_000.0), ids: &ids };
    let (round, finance, water, zhang) = block_on(async {
        let term = Term { name: "十五届".into(), start_year: 2021, end_year: 2026 };
        let term = ok(ops::save_term(&store, &ctx, None, term).await);
        let mut round = Round::new(term.meta.id, 3);
        round.start = "2026-03-01".parse::<Day>().ok();
        let round = ok(ops::save_round(&store, &ctx, None, round).await);
        let finance = Target::new("县财政局", TargetKind::CountyGovDept, None);
        let finance = ok(ops::save_target(&store, &ctx, None, finance).await);
        let water = Target::new("县水利局", TargetKind::CountyGovDept, None);
        let water = ok(ops::save_target(&store, &ctx, None, water).await);
        let mut p = Person::new("张伟");
        p.pools = vec![PoolKind::Leaders];
        p.unit = Some(finance.meta.id);
        p.former_units = vec![FormerUnit {
            unit: Some(water.meta.id),
            unit_name: String::new(),
            from_year: None,
            until_year: Some(2024),
        }];
        let zhang = ok(ops::save_person(&store, &ctx, None, p).await);
        (round.meta.id, finance.meta.id, water.meta.id, zhang)
    });
    County { store, ids, office, round, finance, water, zhang }
}

fn group_led_by(c: &County, leader: &str) -> Group {
    Group { leader: leader.into(), ..Group::new(c.round, "第一巡察组".into()) }
}

#[test]
fn a_group_chosen_from_the_pool_seats_its_persons_and_keeps_free_names() {
    let c = county();
    let mut g = group_led_by(&c, "张伟");
    g.members = vec!["王五".into()];
    let saved = ok(block_on(ops::save_group(&c.store, &c.ctx(), None, g)));
    assert_eq!(saved.data.seats, vec![Seat { person: c.zhang.meta.id, role: Role::Leader }]);
    assert_eq!(saved.data.members, vec!["王五".to_owned()]);
}

#[test]
fn assigning_the_own_unit_needs_a_reason_and_keeps_it_with_the_group() {
    let c = county();
    let g = ok(block_on(ops::save_group(&c.store, &c.ctx(), None, group_led_by(&c, "张伟"))));
    let refused = block_on(ops::assign_targets(&c.store, &c.ctx(), c.round, g.meta.id, &[c.finance], &[]));
    assert!(matches!(refused, Err(OpError::Refused(T::ErrRecusalUnconfirmed))), "{refused:?}");
    // Nothing was written: the unit is still free.
    let inspections = ok(block_on(c.store.all::<xuncha_core::inspection::Inspection>()));
    assert!(inspections.is_empty());
    let reason =
        Recusal { person: c.zhang.meta.id, target: c.finance, reason: "唯一熟悉财政业务的组长".into() };
    ok(block_on(ops::assign_targets(
        &c.store,
        &c.ctx(),
        c.round,
        g.meta.id,
        &[c.finance],
        std::slice::from_ref(&reason),
    )));
    let stored = ok(block_on(c.store.get::<Group>(g.meta.id))).map(|g| g.data.recusals);
    assert_eq!(stored, Some(vec![reason]));
    // Saving the group again keeps the reason; without the person it goes.
    let again = ok(block_on(c.store.get::<Group>(g.meta.id))).unwrap_or_else(|| panic!("stored"));
    let kept = ok(block_on(ops::save_group(&c.store, &c.ctx(), Some(&again.meta), again.data.clone())));
    assert_eq!(kept.data.recusals.len(), 1);
    let other = Group { leader: "李四".into(), ..kept.data.clone() };
    let dropped = ok(block_on(ops::save_group(&c.store, &c.ctx(), Some(&kept.meta), other)));
    assert!(dropped.data.recusals.is_empty() && dropped.data.seats.is_empty());
}

#[test]
fn seating_a_person_in_a_group_that_inspects_a_unit_left_lately_is_refused_without_a_reason() {
    let c = county();
    let g = ok(block_on(ops::save_group(&c.store, &c.ctx(), None, group_led_by(&c, "李四"))));
    ok(block_on(ops::assign_targets(&c.store, &c.ctx(), c.round, g.meta.id, &[c.water], &[])));
    let g = ok(block_on(c.store.get::<Group>(g.meta.id))).unwrap_or_else(|| panic!("stored"));
    let with_zhang = Group { deputy: "张伟".into(), ..g.data.clone() };
    let refused = block_on(ops::save_group(&c.store, &c.ctx(), Some(&g.meta), with_zhang.clone()));
    assert!(matches!(refused, Err(OpError::Refused(T::ErrRecusalUnconfirmed))), "{refused:?}");
    // A span of one year: 2024 is two years before the round, so no warning.
    ok(block_on(ops::set_recusal_years(&c.store, 1)));
    ok(block_on(ops::save_group(&c.store, &c.ctx(), Some(&g.meta), with_zhang)));
    assert!(block_on(ops::set_recusal_years(&c.store, 31)).is_err());
    assert_eq!(ok(block_on(ops::recusal_years(&c.store))), 1);
}

#[test]
fn free_names_join_the_pool_once_in_the_pool_of_their_place() {
    let c = county();
    let names = [("王五".to_owned(), PoolKind::Leaders), ("张伟".to_owned(), PoolKind::Staff)];
    let added = ok(block_on(ops::add_to_pool(&c.store, &c.ctx(), &names)));
    assert_eq!(added.len(), 1);
    assert_eq!((added[0].data.name.as_str(), added[0].data.pools.clone()), ("王五", vec![PoolKind::Leaders]));
    assert!(ok(block_on(ops::add_to_pool(&c.store, &c.ctx(), &names))).is_empty());
}

#[test]
fn a_person_with_a_unit_that_is_not_registered_is_refused_with_the_field_named() {
    let c = county();
    let p = Person { unit: Some(Id::nil()), ..Person::new("赵六") };
    let refused = block_on(ops::save_person(&c.store, &c.ctx(), None, p));
    match refused {
        Err(OpError::Invalid(errors)) => assert_eq!(errors[0].field, "unit"),
        other => panic!("{other:?}"),
    }
}

/// Moves every record of `from` into `to` through a file, as an office importing
/// another's backup; returns how many questions the import asked.
fn exchange(from: &County, to: &County) -> usize {
    use xuncha_core::exchange::export::full_backup;
    use xuncha_core::exchange::format::{ExchangeFile, Source};
    use xuncha_core::exchange::import::{apply, plan, Apply};
    use xuncha_core::exchange::merge::Resolution;
    let source = Source { office_id: from.office, office_name: "县委巡察办".into() };
    let file = ok(block_on(full_backup(&from.store, source, from.ctx().now)));
    let file = ok(ExchangeFile::parse(ok(file.to_json()).as_bytes()));
    let planned = ok(block_on(plan(&to.store, &file)));
    let questions = planned.questions().count();
    let how = Apply {
        name: "backup",
        office: to.office,
        now: to.ctx().now,
        resolve: &|_, _| Resolution::KeepLocal,
        new_id: &|| to.ids.next_id(),
    };
    ok(block_on(apply(&to.store, &file, &planned, how, &|_, _| ())));
    questions
}

#[test]
fn the_pool_travels_in_a_backup_and_edits_made_apart_merge_field_by_field() {
    let county_office = county();
    let g = ok(block_on(ops::save_group(
        &county_office.store,
        &county_office.ctx(),
        None,
        group_led_by(&county_office, "张伟"),
    )));
    // A second PC of the office, with its own office id, starts from the backup.
    let other = County {
        store: MemoryStore::new(),
        ids: SequentialIds::starting_at(1_000),
        office: Id::from_random_bytes([7; 16]),
        zhang: county_office.zhang.clone(),
        ..county_office
    };
    assert_eq!(exchange(&county_office, &other), 0);
    let zhang = ok(block_on(other.store.get::<Person>(county_office.zhang.meta.id)))
        .unwrap_or_else(|| panic!("the person came"));
    let seated = ok(block_on(other.store.get::<Group>(g.meta.id))).map(|g| g.data.seats);
    assert_eq!(seated, Some(vec![Seat { person: zhang.meta.id, role: Role::Leader }]));
    // One PC sets the post, the other the specialty: both stand after the exchange.
    let mut a = county_office.zhang.data.clone();
    a.post = "副局长".into();
    ok(block_on(ops::save_person(&county_office.store, &county_office.ctx(), Some(&county_office.zhang.meta), a)));
    let mut b = zhang.data.clone();
    b.specialty = Some(xuncha_core::person::Specialty::Finance);
    ok(block_on(ops::save_person(&other.store, &other.ctx(), Some(&zhang.meta), b)));
    assert_eq!(exchange(&county_office, &other), 0, "no question for fields set on one side each");
    let merged = ok(block_on(other.store.get::<Person>(zhang.meta.id))).unwrap_or_else(|| panic!("kept"));
    assert_eq!(
        (merged.data.post.as_str(), merged.data.specialty),
        ("副局长", Some(xuncha_core::person::Specialty::Finance))
    );
}

#[test]
fn packages_carry_no_persons_and_a_backup_can_leave_them_out() {
    use xuncha_core::exchange::export::{full_backup, leave_out_persons, package, Scope};
    use xuncha_core::exchange::format::{FileKind, Source};
    use xuncha_core::i18n::Lang;
    let c = county();
    let g = ok(block_on(ops::save_group(&c.store, &c.ctx(), None, group_led_by(&c, "李四"))));
    ok(block_on(ops::assign_targets(&c.store, &c.ctx(), c.round, g.meta.id, &[c.water], &[])));
    let source = Source { office_id: c.office, office_name: "县委巡察办".into() };
    let found = ok(block_on(package(&c.store, Scope::Round(c.round), source.clone(), c.ctx().now, Lang::Zh)));
    let (file, _) = found.unwrap_or_else(|| panic!("the round has records"));
    assert!(file.records.persons.is_empty() && !file.records.groups.is_empty());
    let mut backup = ok(block_on(full_backup(&c.store, source, c.ctx().now)));
    assert_eq!(backup.records.persons.len(), 1);
    leave_out_persons(&mut backup, Lang::Zh);
    assert!(backup.records.persons.is_empty());
    assert_eq!(backup.kind, FileKind::Package { scope: "全部记录（不含人才库人员）".into() });
}

#[test]
fn the_form_is_told_which_warnings_a_save_would_meet_before_it_saves() {
    let c = county();
    let g = ok(block_on(ops::save_group(&c.store, &c.ctx(), None, group_led_by(&c, "李四"))));
    ok(block_on(ops::assign_targets(&c.store, &c.ctx(), c.round, g.meta.id, &[c.water], &[])));
    let with_zhang = Group { members: vec!["张伟".into()], ..g.data.clone() };
    let open = ok(block_on(ops::open_conflicts(&c.store, &with_zhang, Some(g.meta.id), &[c.finance], c.today())));
    let pairs: Vec<(Id, Id)> = open.iter().map(|x| (x.person, x.target)).collect();
    assert_eq!(pairs, vec![(c.zhang.meta.id, c.water), (c.zhang.meta.id, c.finance)]);
}

#[test]
fn a_name_two_persons_share_is_refused_until_one_is_chosen() {
    let c = county();
    let mut other = Person::new("张伟");
    other.unit_name = "县纪委监委".into();
    ok(block_on(ops::save_person(&c.store, &c.ctx(), None, other)));
    let refused = block_on(ops::save_group(&c.store, &c.ctx(), None, group_led_by(&c, "张伟")));
    assert!(matches!(refused, Err(OpError::Refused(T::ErrSharedName))), "{refused:?}");
    let chosen = ok(block_on(ops::save_group(&c.store, &c.ctx(), None, group_led_by(&c, "张伟（县财政局）"))));
    assert_eq!(chosen.data.seats, vec![Seat { person: c.zhang.meta.id, role: Role::Leader }]);
    // Assigning his own unit is still warned of, though the stored name is shared.
    let refused = block_on(ops::assign_targets(&c.store, &c.ctx(), c.round, chosen.meta.id, &[c.finance], &[]));
    assert!(matches!(refused, Err(OpError::Refused(T::ErrRecusalUnconfirmed))), "{refused:?}");
}
