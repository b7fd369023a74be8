//! 计划执行: a plan against what was done in its span (its year, or its term),
//! counted the way the plans write them ("计划开展X轮巡察，对XX家县直单位……XX个
//! 村（社区）进行巡察监督"). "Actual" is what the statistics count for the same
//! period, so the plan page and the statistics page agree.

use super::figures::{Figure, Group, Link};
use super::{code, Period, StatsScope};
use crate::date::Day;
use crate::i18n::{fill, Label, Lang, T};
use crate::id::Id;
use crate::ops::Snapshot;
use crate::plan::{Plan, PlanPart, PlanSpan};
use crate::record::Record;
use std::collections::HashSet;

/// Rounds, and distinct targets by part.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub rounds: u64,
    /// One entry per `PlanPart`, in `PlanPart::ALL` order.
    pub parts: Vec<(PlanPart, u64)>,
}

impl Tally {
    fn of_targets(d: &Snapshot, rounds: u64, targets: impl IntoIterator<Item = Id>) -> Tally {
        let mut parts: Vec<(PlanPart, u64)> = PlanPart::ALL.iter().map(|p| (*p, 0)).collect();
        let mut seen = HashSet::new();
        for id in targets {
            let Some(t) = d.target(id) else { continue };
            if !seen.insert(id) {
                continue;
            }
            if let Some((_, n)) = parts.iter_mut().find(|(p, _)| *p == PlanPart::of(t.data.kind)) {
                *n += 1;
            }
        }
        Tally { rounds, parts }
    }

    pub fn targets(&self) -> u64 {
        self.parts.iter().map(|(_, n)| n).sum()
    }

    pub fn part(&self, part: PlanPart) -> u64 {
        self.parts.iter().find(|(p, _)| *p == part).map(|(_, n)| *n).unwrap_or(0)
    }
}

/// A plan against its span.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanCheck {
    pub planned: Tally,
    /// What the statistics count for the plan's year or term.
    pub actual: Tally,
    /// The planned targets inspected in the span, by part; `rounds` is the planned
    /// rounds started.
    pub done: Tally,
}

impl PlanCheck {
    /// The planned targets inspected, as a share of those planned, 0–100.
    pub fn rate(&self) -> Option<f64> {
        let planned = self.planned.targets();
        (planned > 0).then(|| self.done.targets() as f64 * 100.0 / planned as f64)
    }
}

/// The statistics period a plan is held against.
pub fn period_of(plan: &Plan) -> Period {
    match (plan.span, plan.year) {
        (PlanSpan::Year, Some(y)) => Period::Year(y),
        _ => Period::Term(plan.term),
    }
}

/// The plan for exactly this period, if there is one.
pub fn plan_for(d: &Snapshot, period: Period) -> Option<&Record<Plan>> {
    let want = if matches!(period, Period::Term(_)) { PlanSpan::Term } else { PlanSpan::Year };
    d.plans.iter().find(|p| p.data.span == want && period_of(&p.data) == period)
}

pub fn check(d: &Snapshot, plan: &Plan, today: Day) -> PlanCheck {
    let scope = StatsScope::of(period_of(plan));
    let planned = Tally::of_targets(d, plan.rounds.len() as u64, plan.targets());
    let inspections = scope.inspections(d, today);
    let actual = Tally::of_targets(d, scope.rounds(d, today).len() as u64, inspections.iter().map(|i| i.data.target));
    let inspected: HashSet<Id> = inspections.iter().map(|i| i.data.target).collect();
    let started = plan.rounds.iter().filter(|r| r.started(&d.rounds).is_some()).count() as u64;
    let done = Tally::of_targets(d, started, plan.targets().into_iter().filter(|t| inspected.contains(t)));
    PlanCheck { planned, actual, done }
}

/// "12家县直单位、3家县属企业和20个村（社区）": the non-zero parts.
fn parts_text(tally: &Tally, lang: Lang) -> String {
    let items: Vec<String> = tally
        .parts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(p, n)| {
            let counted = if matches!(p, PlanPart::CountyUnits | PlanPart::Enterprises) {
                T::PlanTextPartJia
            } else {
                T::PlanTextPartGe
            };
            fill(counted.text(lang), &[("n", n), ("name", &p.label().text(lang))])
        })
        .collect();
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => {
            let joiner = if lang == Lang::Zh { "、" } else { ", " };
            format!("{}{}{last}", rest.join(joiner), T::PlanTextAnd.text(lang))
        }
    }
}

fn targets_clause(tally: &Tally, lang: Lang) -> String {
    match parts_text(tally, lang) {
        list if list.is_empty() => list,
        list => fill(T::PlanTextTargets.text(lang), &[("list", &list)]),
    }
}

/// The plan and its execution as two sentences for a report; `term_name` names
/// the term of a five-year plan.
pub fn text(plan: &Plan, check: &PlanCheck, term_name: &str, lang: Lang) -> String {
    let scope = match (plan.span, plan.year) {
        (PlanSpan::Year, Some(y)) => fill(T::PlanYearScope.text(lang), &[("year", &y)]),
        _ => fill(T::PlanTermScope.text(lang), &[("term", &term_name)]),
    };
    let planned = fill(
        T::PlanTextPlanned.text(lang),
        &[("scope", &scope), ("rounds", &check.planned.rounds), ("targets", &targets_clause(&check.planned, lang))],
    );
    let template = if check.planned.targets() == 0 { T::PlanTextActualOnly } else { T::PlanTextActual };
    let actual = fill(
        template.text(lang),
        &[
            ("rounds", &check.actual.rounds),
            ("targets", &targets_clause(&check.actual, lang)),
            ("planned", &check.planned.targets()),
            ("done", &check.done.targets()),
            ("rate", &format!("{:.1}", check.rate().unwrap_or(0.0))),
        ],
    );
    format!("{planned}\n{actual}")
}

/// The plan's figures for the statistics page, when the period is a year or a term
/// with a plan of its own and nothing is narrowed (a plan is not made per township).
pub(super) fn group(d: &Snapshot, scope: &StatsScope, today: Day) -> Option<Group> {
    if scope.township.is_some() || scope.kind.is_some() {
        return None;
    }
    let plan = plan_for(d, scope.period)?;
    let c = check(d, &plan.data, today);
    let link = || Some(Link::Plan(plan.meta.id));
    let fig = |key: String, label: T, value: u64| Figure { key, label, value, percent: None, link: link() };
    let mut figures = vec![
        fig("plan.rounds".into(), T::StatsPlanRounds, c.planned.rounds),
        fig("plan.rounds_started".into(), T::ColStartedRounds, c.done.rounds),
        fig("plan.targets".into(), T::StatsPlanTargets, c.planned.targets()),
    ];
    for part in PlanPart::ALL {
        figures.push(fig(format!("plan.targets.{}", code(part)), part.label(), c.planned.part(part)));
    }
    let mut done = fig("plan.done".into(), T::StatsPlanDone, c.done.targets());
    done.percent = c.rate();
    figures.push(done);
    Some(Group { title: T::StatsGroupPlan, figures })
}
