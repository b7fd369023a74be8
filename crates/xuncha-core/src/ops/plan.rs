//! Use cases of 巡察计划: saving a plan and starting one of its rounds, which
//! turns the planned round into the real round, its groups and its inspections
//! in one transaction, so nothing planned is entered twice.

use super::*;
use crate::group::Group;
use crate::plan::{Plan, PlanSpan};
use crate::target::TargetStatus;

pub async fn save_plan<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    base: Option<&Meta>,
    mut data: Plan,
) -> Result<Record<Plan>, OpError> {
    if data.span == PlanSpan::Term {
        data.year = None;
    }
    for r in &mut data.rounds {
        r.topic = r.topic.trim().to_owned();
    }
    let id = id_for(ctx, base);
    let terms = store.all::<Term>().await?;
    let plans = store.all::<Plan>().await?;
    let targets = store.all::<Target>().await?;
    let checked = data.validate(id, &terms, &plans, &targets);
    save_checked(store, ctx, id, base, data, checked).await
}

/// Starts the plan's round at `index`: a new round numbered after the term's
/// others, one group per group number the plan uses (named 第一巡察组 …), each
/// planned target's inspection under its group, and the plan pointing at the
/// round. Refused, with nothing written, when the round has no planned start,
/// was started already, or names a target no longer in the register.
pub async fn start_planned_round<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    plan: &Record<Plan>,
    index: usize,
    lang: Lang,
    today: Day,
) -> Result<Record<Round>, OpError> {
    let planned = plan.data.rounds.get(index).ok_or(OpError::Refused(T::ErrPlannedRoundMissing))?;
    let rounds = store.by_index::<Round>(keys::BY_TERM, plan.data.term).await?;
    if planned.started(&rounds).is_some() {
        return Err(OpError::Refused(T::ErrPlannedRoundStarted));
    }
    if planned.start.is_none() {
        return Err(OpError::Refused(T::ErrPlanStartNeeded));
    }
    let targets = store.all::<Target>().await?;
    let in_register =
        |id: Id| targets.iter().any(|t| t.is_live() && t.meta.id == id && t.data.status == TargetStatus::Active);
    if !planned.targets.iter().all(|t| in_register(t.target)) {
        return Err(OpError::Refused(T::ErrPlannedTargetGone));
    }
    let terms = store.all::<Term>().await?;
    let round = planned.to_round(plan.data.term, Round::next_ordinal(plan.data.term, planned.kind, &rounds), today);
    let round_id = ctx.ids.next_id();
    round.validate(round_id, &terms, &rounds).map_err(OpError::Invalid)?;
    let (round, change) = stamp(ctx, round_id, None, None, round);
    let mut changes = vec![change];
    let mut groups: Vec<(u32, Record<Group>)> = Vec::new();
    for (n, name) in planned.group_names(lang) {
        let data = Group::new(round_id, name);
        let (record, change) = stamp(ctx, ctx.ids.next_id(), None, None, data);
        groups.push((n, record));
        changes.push(change);
    }
    for t in &planned.targets {
        let group = groups.iter().find(|(n, _)| *n == t.group).map(|(_, g)| g.meta.id);
        let group = group.ok_or(OpError::Refused(T::ErrPlannedTargetGroup))?;
        let (_, change) = stamp(ctx, ctx.ids.next_id(), None, None, Inspection::new(round_id, group, t.target));
        changes.push(change);
    }
    let mut data = plan.data.clone();
    if let Some(r) = data.rounds.get_mut(index) {
        r.round = Some(round_id);
    }
    let (_, change) = stamp(ctx, plan.meta.id, Some(&plan.meta), Some(&plan.data), data);
    changes.push(change);
    store.commit(changes).await?;
    Ok(round)
}
