//! The pool's rules: choosing people by name, 回避, service and the figures.

use super::*;
use crate::person::{FormerUnit, Rank};
use crate::target::TargetKind;
use crate::testing::{day, rec};

fn targets() -> Vec<Record<Target>> {
    vec![
        rec(201, Target::new("县财政局", TargetKind::CountyGovDept, None)),
        rec(202, Target::new("县水利局", TargetKind::CountyGovDept, None)),
        rec(203, Target::new("县审计局", TargetKind::CountyGovDept, None)),
    ]
}

fn person(n: u8, name: &str, unit: Option<Id>, unit_name: &str) -> Record<Person> {
    rec(n, Person { unit, unit_name: unit_name.into(), ..Person::new(name) })
}

#[test]
fn a_name_shared_by_two_persons_is_told_apart_by_the_unit() {
    let t = targets();
    let persons = [
        person(1, "张伟", Some(t[0].meta.id), ""),
        person(2, "张伟", None, "县纪委监委"),
        person(3, "李娜", None, "县纪委监委"),
    ];
    let pool = Pool { persons: &persons, targets: &t };
    assert_eq!(pool.label(&persons[0]), "张伟（县财政局）");
    assert_eq!(pool.label(&persons[1]), "张伟（县纪委监委）");
    assert_eq!(pool.label(&persons[2]), "李娜");
    assert_eq!(pool.find("张伟（县纪委监委）").map(|p| p.meta.id), Some(persons[1].meta.id));
    assert_eq!(pool.find(" 李娜 ").map(|p| p.meta.id), Some(persons[2].meta.id));
    // A shared name alone stands for nobody in particular.
    assert!(pool.find("张伟").is_none());
    assert!(pool.find("王五").is_none());
}

#[test]
fn seating_a_group_keeps_the_names_and_returns_the_free_ones() {
    let t = targets();
    let persons =
        [person(1, "张伟", Some(t[0].meta.id), ""), person(2, "张伟", None, "县纪委监委"), person(3, "李娜", None, "")];
    let pool = Pool { persons: &persons, targets: &t };
    let mut g = Group::new(Id::nil(), "第一巡察组".into());
    g.leader = "张伟（县纪委监委）".into();
    g.deputy = "王五".into();
    g.members = vec!["李娜".into(), "赵六".into()];
    let left = seat(&mut g, pool);
    assert_eq!(left.free, vec!["王五".to_owned(), "赵六".to_owned()]);
    assert_eq!(g.leader, "张伟");
    assert_eq!(
        g.seats,
        vec![
            Seat { person: persons[1].meta.id, role: Role::Leader },
            Seat { person: persons[2].meta.id, role: Role::Member }
        ]
    );
    // The form shows the seated leader by the label that finds him again.
    assert_eq!(pool.shown(&g, Role::Leader, &g.leader), "张伟（县纪委监委）");
    assert_eq!(pool.shown(&g, Role::Deputy, "王五"), "王五");
    // Seating again changes nothing, shown as the form shows it or as stored: the
    // stored name 张伟 keeps meaning the one chosen although two have it.
    let before = g.clone();
    g.leader = pool.shown(&before, Role::Leader, &before.leader);
    seat(&mut g, pool);
    assert_eq!(g, before);
    assert_eq!(seat(&mut g, pool), Unseated { free: vec!["王五".into(), "赵六".into()], shared: vec![] });
    assert_eq!(g, before);
    // A shared name typed anew, with no seat to keep, is to be chosen from the list.
    let mut fresh = Group { deputy: "张伟".into(), ..Group::new(Id::nil(), "第二巡察组".into()) };
    assert_eq!(seat(&mut fresh, pool).shared, vec!["张伟".to_owned()]);
    assert!(fresh.seats.is_empty());
}

#[test]
fn a_person_sharing_a_name_is_still_warned_of_after_the_group_is_stored() {
    let t = targets();
    let persons = [person(1, "张伟", Some(t[0].meta.id), ""), person(2, "张伟", None, "县纪委监委")];
    let pool = Pool { persons: &persons, targets: &t };
    let mut g = Group { leader: "张伟（县财政局）".into(), ..Group::new(Id::nil(), "第一巡察组".into()) };
    seat(&mut g, pool);
    assert_eq!(g.leader, "张伟");
    // What the rule reads later seats the stored group again.
    let mut again = g.clone();
    seat(&mut again, pool);
    assert_eq!(conflicts(&again, &[t[0].meta.id], 2026, 3, pool).len(), 1);
}

#[test]
fn recusal_warns_of_the_own_unit_and_of_a_unit_left_within_the_span() {
    let t = targets();
    let (finance, water, audit) = (t[0].meta.id, t[1].meta.id, t[2].meta.id);
    let mut p = person(1, "张伟", Some(finance), "").data;
    p.former_units = vec![
        FormerUnit { unit: Some(water), unit_name: String::new(), from_year: Some(2015), until_year: Some(2023) },
        FormerUnit { unit: None, unit_name: "县审计局".into(), from_year: None, until_year: Some(2010) },
    ];
    let persons = [rec(1, p)];
    let pool = Pool { persons: &persons, targets: &t };
    let mut g = Group::new(Id::nil(), "第一巡察组".into());
    g.members = vec!["张伟".into()];
    seat(&mut g, pool);
    let found = conflicts(&g, &[finance, water, audit], 2026, 3, pool);
    let person = persons[0].meta.id;
    assert_eq!(
        found,
        vec![
            Conflict { person, target: finance, tie: Tie::Own },
            Conflict { person, target: water, tie: Tie::Former(Some(2023)) },
        ]
    );
    // Left three years and one before the round: outside a span of two.
    assert_eq!(conflicts(&g, &[water], 2026, 2, pool), vec![]);
    // A typed unit name that is a target's name counts as that target.
    assert_eq!(conflicts(&g, &[audit], 2026, 16, pool).len(), 1);
    assert_eq!(conflict_text(&found[1], pool, Lang::Zh), "张伟 于 2023 年离开 县水利局",);
    // A reason confirms a warning; a blank one does not.
    let blank = Recusal { person, target: finance, reason: " ".into() };
    assert_eq!(unconfirmed(&found, std::slice::from_ref(&blank)).len(), 2);
    let given = Recusal { person, target: finance, reason: "熟悉财务业务，组长同意".into() };
    assert_eq!(unconfirmed(&found, &[given]), vec![found[1]]);
}

#[test]
fn a_person_of_unknown_leaving_year_is_warned_of() {
    let t = targets();
    let mut p = person(1, "李娜", None, "").data;
    p.former_units = vec![FormerUnit {
        unit: Some(t[1].meta.id),
        unit_name: String::new(),
        from_year: Some(1999),
        until_year: None,
    }];
    let persons = [rec(1, p)];
    let pool = Pool { persons: &persons, targets: &t };
    let mut g = Group::new(Id::nil(), "第二巡察组".into());
    g.leader = "李娜".into();
    seat(&mut g, pool);
    let found = conflicts(&g, &[t[1].meta.id], 2026, 3, pool);
    assert_eq!(found, vec![Conflict { person: persons[0].meta.id, target: t[1].meta.id, tie: Tie::Former(None) }]);
    assert_eq!(conflict_text(&found[0], pool, Lang::Zh), "李娜 曾在 县水利局 工作（离开年份不详）");
}

#[test]
fn service_lists_each_group_with_its_role_and_targets() {
    use crate::inspection::Inspection;
    let t = targets();
    let person = person(1, "张伟", None, "");
    let mut g1 = Group::new(Id::from_random_bytes([50; 16]), "第一巡察组".into());
    g1.seats = vec![Seat { person: person.meta.id, role: Role::Deputy }];
    let g1 = rec(11, g1);
    let g2 = rec(12, Group::new(Id::nil(), "第二巡察组".into()));
    let inspections = [
        rec(21, Inspection::new(g1.data.round, g1.meta.id, t[0].meta.id)),
        rec(22, Inspection::new(g1.data.round, g1.meta.id, t[1].meta.id)),
        rec(23, Inspection::new(g2.data.round, g2.meta.id, t[2].meta.id)),
    ];
    let served = service(person.meta.id, &[g1.clone(), g2], &inspections);
    assert_eq!(
        served,
        vec![Served {
            round: g1.data.round,
            group: g1.meta.id,
            role: Role::Deputy,
            targets: vec![t[0].meta.id, t[1].meta.id]
        }]
    );
}

#[test]
fn pool_figures_count_each_pool_and_read_as_the_summaries_write_them() {
    let mk = |n, pools: Vec<PoolKind>, full_time, rank, left: Option<&str>| {
        rec(n, Person { pools, full_time, rank, left: left.map(day), ..Person::new("某") })
    };
    let persons = [
        mk(1, vec![PoolKind::Leaders], true, Rank::SectionChief, None),
        mk(2, vec![PoolKind::Leaders], false, Rank::SectionDeputy, None),
        mk(3, vec![PoolKind::Specialists, PoolKind::Staff], false, Rank::BelowSection, None),
        mk(4, vec![PoolKind::Staff], false, Rank::BelowSection, None),
        mk(5, vec![PoolKind::Leaders], true, Rank::SectionChief, Some("2026-01-01")),
    ];
    let f = PoolFigures::count(&persons, day("2026-06-01"));
    assert_eq!(
        f,
        PoolFigures { total: 4, leaders: 2, full_time_leaders: 1, specialists: 1, staff: 2, leading_cadres: 2 }
    );
    assert_eq!(
        f.sentence(Lang::Zh),
        "“一长两员”库共有人员4人，其中组长库2人，其中专职组长1人、专业人员库1人、工作人员库2人；其中副科级以上领导干部2人。"
    );
    assert_eq!(PoolFigures::count(&persons, day("2025-06-01")).total, 5);
}

#[test]
fn the_pool_list_is_a_sheet_with_every_column_and_the_groups_served() {
    let t = targets();
    let mut p = person(1, "张伟", Some(t[0].meta.id), "").data;
    p.pools = vec![PoolKind::Leaders, PoolKind::Specialists];
    p.full_time = true;
    p.former_units = vec![FormerUnit {
        unit: Some(t[1].meta.id),
        unit_name: String::new(),
        from_year: Some(2015),
        until_year: Some(2020),
    }];
    let persons = [rec(1, p)];
    let pool = Pool { persons: &persons, targets: &t };
    let mut g = Group::new(Id::nil(), "第一巡察组".into());
    g.seats = vec![Seat { person: persons[0].meta.id, role: Role::Leader }];
    let groups = [rec(30, g.clone()), rec(31, g)];
    let refs: Vec<&Record<Person>> = persons.iter().collect();
    let sheet = person_sheet("某县委巡察办", "全部", &refs, pool, &groups, Lang::Zh, day("2026-12-01"));
    assert_eq!(sheet.title, "某县委巡察办 巡察人才库人员名单");
    assert_eq!(sheet.headers.len(), sheet.rows[0].len());
    let cells: Vec<String> = sheet.rows[0].iter().map(|c| c.text()).collect();
    assert_eq!(cells[..7], ["张伟", "县财政局", "", "科级以下", "组长库、专业人员库", "是", ""]);
    assert_eq!(cells[9..11], ["2", "县水利局 2015-2020"]);
    assert!(sheet
        .to_xlsx(crate::meta::Timestamp::from_unix_millis(1_795_000_000_000.0))
        .is_ok_and(|b| b.starts_with(b"PK")));
}

#[test]
fn the_filter_finds_by_name_unit_or_post_within_the_pool_of_the_day() {
    let t = targets();
    let mut a = person(1, "张伟", Some(t[0].meta.id), "").data;
    a.post = "副局长".into();
    let mut b = person(2, "李娜", None, "县纪委监委").data;
    b.left = Some(day("2026-01-01"));
    let persons = [rec(1, a), rec(2, b)];
    let today = day("2026-12-01");
    let shown = |f: &PersonFilter| persons.iter().filter(|p| f.matches(p, &t, today)).count();
    assert_eq!(shown(&PersonFilter::default()), 1);
    assert_eq!(shown(&PersonFilter { all: true, ..PersonFilter::default() }), 2);
    assert_eq!(shown(&PersonFilter { on: Some(day("2025-12-31")), ..PersonFilter::default() }), 2);
    assert_eq!(shown(&PersonFilter { text: "财政".into(), ..PersonFilter::default() }), 1);
    assert_eq!(shown(&PersonFilter { text: "副局".into(), ..PersonFilter::default() }), 1);
    assert_eq!(shown(&PersonFilter { text: "纪委".into(), all: true, ..PersonFilter::default() }), 1);
    assert_eq!(shown(&PersonFilter { full_time: true, ..PersonFilter::default() }), 0);
}
