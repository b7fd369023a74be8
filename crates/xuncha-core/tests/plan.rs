//! 巡察计划 counted by hand: a year's plan against what the year did, its figures
//! on the statistics page, its sentences for a report; the plan's rules; and a
//! planned round started as the real round, its groups and inspections at once.

use pollster::block_on;
use xuncha_core::i18n::{Lang, T};
use xuncha_core::id::{Id, IdSource, SequentialIds};
use xuncha_core::ledger::Ledger;
use xuncha_core::meta::Timestamp;
use xuncha_core::ops::{self, Ctx, OpError};
use xuncha_core::plan::{offered, Plan, PlanPart, PlanSpan, PlannedRound, PlannedTarget};
use xuncha_core::record::Record;
use xuncha_core::round::{Round, RoundKind, RoundStatus};
use xuncha_core::stats::plan::{check, text};
use xuncha_core::stats::{Period, Stats, StatsScope};
use xuncha_core::store::{MemoryStore, Store};
use xuncha_core::target::{Target, TargetKind, TargetStatus};
use xuncha_core::term::Term;
use xuncha_core::{group::Group, inspection::Inspection};

#[path = "common/county.rs"]
mod county;
use county::{day, County};

fn planned(kind: RoundKind, start: &str, groups: u32, targets: &[(Id, u32)]) -> PlannedRound {
    PlannedRound {
        kind,
        start: Some(day(start)),
        groups,
        targets: targets.iter().map(|(target, group)| PlannedTarget { target: *target, group: *group }).collect(),
        ..PlannedRound::new()
    }
}

/// Nine targets; 2026 held two rounds and planned two, one of them started.
fn county() -> (County, Id) {
    let mut c = County::empty();
    let term = c.term("十五届", 2021, 2026);
    let finance = c.target("县财政局", TargetKind::CountyGovDept, None);
    let publicity = c.target("县委宣传部", TargetKind::CountyPartyDept, None);
    let school = c.target("县委党校", TargetKind::Institution, None);
    let water = c.target("县供水公司", TargetKind::StateEnterprise, None);
    let town = c.target("城关镇", TargetKind::Township, None);
    let east = c.target("东关镇", TargetKind::Township, None);
    let a = c.target("甲村", TargetKind::Village, Some(town));
    let b = c.target("乙村", TargetKind::Village, Some(town));
    let d = c.target("丁社区", TargetKind::Community, Some(east));
    let r1 = c.round(term, 1, RoundKind::Regular, "2026-03-01");
    let r2 = c.round(term, 2, RoundKind::Special, "2026-09-01");
    c.inspect(r1, finance, &[]);
    c.inspect(r1, town, &[]);
    c.inspect(r1, a, &[]);
    c.inspect(r2, water, &[]);
    let mut plan = Plan::new(term, PlanSpan::Year, Some(2026));
    let mut first =
        planned(RoundKind::Regular, "2026-03-01", 2, &[(finance, 1), (publicity, 1), (town, 2), (a, 2), (b, 2)]);
    first.round = Some(r1);
    plan.rounds.push(first);
    plan.rounds.push(planned(RoundKind::Mobile, "2026-10-01", 1, &[(school, 1), (d, 1)]));
    let p = c.rec(plan);
    c.d.plans.push(p);
    (c, term)
}

fn today() -> xuncha_core::date::Day {
    day("2026-12-01")
}

#[test]
fn a_year_plan_is_held_against_what_the_year_did() {
    let (c, _) = county();
    let plan = &c.d.plans[0].data;
    let k = check(&c.d, plan, today());
    // Planned: 财政局, 宣传部, 党校 | 城关镇 | 甲村, 乙村, 丁社区.
    assert_eq!((k.planned.rounds, k.planned.targets()), (2, 7));
    assert_eq!(k.planned.part(PlanPart::CountyUnits), 3);
    assert_eq!(k.planned.part(PlanPart::Enterprises), 0);
    assert_eq!(k.planned.part(PlanPart::Townships), 1);
    assert_eq!(k.planned.part(PlanPart::Villages), 3);
    // Done: 财政局, 城关镇 and 甲村 in 2026, the unplanned 供水公司 too.
    assert_eq!((k.actual.rounds, k.actual.targets()), (2, 4));
    assert_eq!(k.actual.part(PlanPart::Enterprises), 1);
    assert_eq!((k.done.rounds, k.done.targets()), (1, 3), "one planned round started, three planned targets inspected");
    assert_eq!(k.done.part(PlanPart::Villages), 1);
    assert_eq!(k.rate().map(|r| (r * 10.0).round() / 10.0), Some(42.9));
}

#[test]
fn the_plan_reads_in_the_seeds_phrasing() {
    let (c, _) = county();
    let plan = &c.d.plans[0].data;
    let k = check(&c.d, plan, today());
    assert_eq!(
        text(plan, &k, "十五届", Lang::Zh),
        "2026年计划开展2轮巡察，对3家县直单位、1个乡镇（街道）和3个村（社区）进行巡察监督。\n\
         实际开展2轮巡察，对1家县直单位、1家县属企业、1个乡镇（街道）和1个村（社区）进行巡察监督；\
         计划内的7个巡察对象已巡察3个，完成计划的42.9%。"
    );
    let en = text(plan, &k, "十五届", Lang::En);
    assert!(
        en.starts_with("In 2026, the plan is to hold 2 rounds inspecting 3 county units, 1 townships and 3 villages"),
        "{en}"
    );
    let mut term_plan = plan.clone();
    term_plan.span = PlanSpan::Term;
    term_plan.year = None;
    assert!(text(&term_plan, &k, "十五届", Lang::Zh).starts_with("本届县委（十五届）计划开展2轮巡察"));
}

#[test]
fn the_statistics_of_the_plans_year_show_its_figures_and_other_scopes_do_not() {
    let (c, term) = county();
    let ledger = Ledger::build(&c.d, Lang::Zh);
    let s = Stats::of(&c.d, &ledger, &StatsScope::of(Period::Year(2026)), today());
    for (key, value) in [
        ("plan.rounds", 2),
        ("plan.rounds_started", 1),
        ("plan.targets", 7),
        ("plan.targets.county_units", 3),
        ("plan.targets.enterprises", 0),
        ("plan.targets.townships", 1),
        ("plan.targets.villages", 3),
        ("plan.done", 3),
        ("rounds.total", 2),
    ] {
        assert_eq!(s.figure(key).map(|f| f.value), Some(value), "{key}");
    }
    let share = s.figure("plan.done").and_then(|f| f.percent).map(|p| (p * 10.0).round() / 10.0);
    assert_eq!(share, Some(42.9));
    let plan_id = c.d.plans[0].meta.id;
    assert_eq!(s.figure("plan.rounds").and_then(|f| f.link.clone()), Some(xuncha_core::stats::Link::Plan(plan_id)));
    for scope in [
        StatsScope::of(Period::Year(2025)),
        StatsScope::of(Period::Term(term)),
        StatsScope { period: Period::Year(2026), township: None, kind: Some(TargetKind::Village) },
    ] {
        let s = Stats::of(&c.d, &ledger, &scope, today());
        assert!(s.figure("plan.rounds").is_none(), "{scope:?} has no plan of its own");
    }
}

#[test]
fn targets_are_offered_until_covered_or_planned_in_another_round() {
    let (c, term) = county();
    let remaining: std::collections::HashSet<Id> =
        xuncha_core::stats::coverage::coverage(&c.d, term, today()).remaining.into_iter().collect();
    let covered: std::collections::HashSet<Id> =
        c.d.targets.iter().map(|t| t.meta.id).filter(|t| !remaining.contains(t)).collect();
    let elsewhere: std::collections::HashSet<Id> =
        c.d.plans[0].data.rounds[1].targets.iter().map(|t| t.target).collect();
    let names: Vec<&str> =
        c.d.targets.iter().filter(|t| offered(t, &covered, &elsewhere)).map(|t| t.data.name.as_str()).collect();
    assert_eq!(names, ["县委宣传部", "东关镇", "乙村"]);
}

fn plan_rules(plan: &Plan, county: &County) -> Vec<(&'static str, T)> {
    match plan.validate(Id::nil(), &county.d.terms, &county.d.plans, &county.d.targets) {
        Ok(()) => Vec::new(),
        Err(errors) => errors.into_iter().map(|e| (e.field, e.msg)).collect(),
    }
}

#[test]
fn a_plan_names_its_year_within_its_term_once_and_each_round_sensibly() {
    let (c, term) = county();
    let target = c.d.targets[0].meta.id;
    assert_eq!(plan_rules(&Plan::new(term, PlanSpan::Year, None), &c), [("year", T::ErrPlanYearRequired)]);
    assert_eq!(plan_rules(&Plan::new(term, PlanSpan::Year, Some(2030)), &c), [("year", T::ErrPlanYearOutsideTerm)]);
    assert_eq!(plan_rules(&Plan::new(term, PlanSpan::Year, Some(2026)), &c), [("year", T::ErrPlanTaken)]);
    assert_eq!(plan_rules(&Plan::new(term, PlanSpan::Term, None), &c), []);
    let mut p = Plan::new(term, PlanSpan::Year, Some(2025));
    p.rounds.push(planned(RoundKind::Special, "2026-01-05", 1, &[(target, 2), (target, 1)]));
    assert_eq!(plan_rules(&p, &c), [("topic", T::ErrTopicRequired)], "what is missing is named first");
    p.rounds[0].topic = "惠民资金".into();
    let errors = plan_rules(&p, &c);
    for expected in [
        ("start", T::ErrPlannedStartOutside),
        ("targets", T::ErrPlannedTargetGroup),
        ("targets", T::ErrPlannedTargetTwice),
    ] {
        assert!(errors.contains(&expected), "{expected:?} in {errors:?}");
    }
    let mut p = Plan::new(term, PlanSpan::Year, Some(2025));
    p.rounds.push(planned(RoundKind::Regular, "2025-03-01", 0, &[]));
    assert_eq!(plan_rules(&p, &c), [("groups", T::ErrPlannedGroups)]);
    p.rounds[0].groups = 1;
    p.rounds[0].kind = RoundKind::Upper;
    assert_eq!(plan_rules(&p, &c), [("kind", T::ErrPlanUpperRound)], "feedback from above is not planned");
    p.notes = "备".repeat(4001);
    p.rounds.clear();
    assert_eq!(plan_rules(&p, &c), [("notes", T::ErrNotesTooLong)]);
}

struct Office {
    store: MemoryStore,
    ids: SequentialIds,
    office: Id,
}

impl Office {
    fn ctx(&self) -> Ctx<'_> {
        Ctx { office: self.office, now: Timestamp::from_unix_millis(1_795_000_000_000.0), ids: &self.ids }
    }

    fn new() -> (Office, Id, Vec<Id>) {
        let ids = SequentialIds::default();
        let office = ids.next_id();
        let o = Office { store: MemoryStore::new(), ids, office };
        let ctx = o.ctx();
        let (term, targets) = block_on(async {
            let term =
                ops::save_term(&o.store, &ctx, None, Term { name: "十五届".into(), start_year: 2021, end_year: 2026 })
                    .await
                    .map(|t| t.meta.id)
                    .unwrap_or_else(|e| panic!("{e}"));
            let mut targets = Vec::new();
            for (name, kind) in [
                ("县财政局", TargetKind::CountyGovDept),
                ("城关镇", TargetKind::Township),
                ("县审计局", TargetKind::CountyGovDept),
            ] {
                let t = ops::save_target(&o.store, &ctx, None, Target::new(name, kind, None)).await;
                targets.push(t.map(|t| t.meta.id).unwrap_or_else(|e| panic!("{e}")));
            }
            (term, targets)
        });
        (o, term, targets)
    }

    fn count(&self) -> usize {
        block_on(self.store.all_records()).map(|r| r.len()).unwrap_or(0)
    }
}

#[test]
fn starting_a_planned_round_makes_the_round_its_groups_and_inspections_at_once() {
    let (o, term, t) = Office::new();
    let ctx = o.ctx();
    block_on(async {
        let mut plan = Plan::new(term, PlanSpan::Year, Some(2026));
        let mut round = planned(RoundKind::Regular, "2026-12-10", 2, &[(t[0], 1), (t[1], 2)]);
        round.end = Some(day("2026-12-31"));
        plan.rounds.push(round);
        plan.rounds.push(PlannedRound::new());
        let plan = ops::save_plan(&o.store, &ctx, None, plan).await.unwrap_or_else(|e| panic!("{e}"));
        let started = ops::start_planned_round(&o.store, &ctx, &plan, 0, Lang::Zh, today())
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((started.data.ordinal, started.data.kind), (1, RoundKind::Regular));
        assert_eq!(started.data.status, RoundStatus::Planned, "its start is still ahead");
        assert_eq!((started.data.start, started.data.end), (Some(day("2026-12-10")), Some(day("2026-12-31"))));
        let groups = o.store.all::<Group>().await.unwrap_or_default();
        let mut names: Vec<&str> = groups.iter().map(|g| g.data.name.as_str()).collect();
        names.sort();
        assert_eq!(names, ["第一巡察组", "第二巡察组"]);
        let group_of = |target: Id, inspections: &[Record<Inspection>]| {
            let i = inspections.iter().find(|i| i.data.target == target).map(|i| i.data.group);
            groups.iter().find(|g| Some(g.meta.id) == i).map(|g| g.data.name.clone()).unwrap_or_default()
        };
        let inspections = o.store.all::<Inspection>().await.unwrap_or_default();
        assert_eq!(inspections.len(), 2);
        assert!(inspections.iter().all(|i| i.data.round == started.meta.id));
        assert_eq!(group_of(t[0], &inspections), "第一巡察组");
        assert_eq!(group_of(t[1], &inspections), "第二巡察组");
        let stored = o.store.get::<Plan>(plan.meta.id).await.ok().flatten().unwrap_or_else(|| panic!("plan kept"));
        assert_eq!(stored.data.rounds[0].round, Some(started.meta.id));

        let before = o.count();
        let again = ops::start_planned_round(&o.store, &ctx, &stored, 0, Lang::Zh, today()).await;
        assert_eq!(again.err(), Some(OpError::Refused(T::ErrPlannedRoundStarted)));
        let undated = ops::start_planned_round(&o.store, &ctx, &stored, 1, Lang::Zh, today()).await;
        assert_eq!(undated.err(), Some(OpError::Refused(T::ErrPlanStartNeeded)));
        let missing = ops::start_planned_round(&o.store, &ctx, &stored, 5, Lang::Zh, today()).await;
        assert_eq!(missing.err(), Some(OpError::Refused(T::ErrPlannedRoundMissing)));
        assert_eq!(o.count(), before, "nothing written by a refusal");
    });
}

#[test]
fn a_round_naming_a_merged_target_does_not_start_and_a_planned_target_is_not_deleted() {
    let (o, term, t) = Office::new();
    let ctx = o.ctx();
    block_on(async {
        let mut plan = Plan::new(term, PlanSpan::Term, Some(2026));
        plan.rounds.push(planned(RoundKind::Regular, "2025-03-01", 1, &[(t[0], 1), (t[2], 1)]));
        let plan = ops::save_plan(&o.store, &ctx, None, plan).await.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(plan.data.year, None, "a five-year plan has no year");
        let audit = o.store.get::<Target>(t[2]).await.ok().flatten().unwrap_or_else(|| panic!("target"));
        let refused = ops::delete_target(&o.store, &ctx, &audit).await;
        assert_eq!(refused.err(), Some(OpError::Refused(T::ErrTargetPlanned)));
        let term_record = o.store.get::<Term>(term).await.ok().flatten().unwrap_or_else(|| panic!("term"));
        assert_eq!(
            ops::delete_term(&o.store, &ctx, &term_record).await.err(),
            Some(OpError::Refused(T::ErrTermHasPlans))
        );
        let mut merged = audit.data.clone();
        merged.status = TargetStatus::Merged;
        ops::save_target(&o.store, &ctx, Some(&audit.meta), merged).await.unwrap_or_else(|e| panic!("{e}"));
        let before = o.count();
        let started = ops::start_planned_round(&o.store, &ctx, &plan, 0, Lang::Zh, today()).await;
        assert_eq!(started.err(), Some(OpError::Refused(T::ErrPlannedTargetGone)));
        assert_eq!(o.count(), before);
        assert!(o.store.all::<Round>().await.unwrap_or_default().is_empty());
    });
}
