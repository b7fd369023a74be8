//! Use cases of the ledgers: problems, feedback, rectification steps, 回头看 checks,
//! clues and recommendation letters.

use super::*;

pub async fn save_problem<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    base: Option<&Meta>,
    mut data: Problem,
) -> Result<Record<Problem>, OpError> {
    data.description = data.description.trim().to_owned();
    data.sub_category = data.sub_category.trim().to_owned();
    let id = id_for(ctx, base);
    let rounds = store.all::<Round>().await?;
    let inspections = store.by_index::<Inspection>(keys::BY_ROUND, data.round).await?;
    let checked = data.validate(&rounds, &inspections);
    save_checked(store, ctx, id, base, data, checked).await
}

/// Deletes a problem and its rectification together; a problem listed in a letter stays.
pub async fn delete_problem<S: Store>(store: &S, ctx: &Ctx<'_>, problem: &Record<Problem>) -> Result<(), OpError> {
    let letters = store.by_index::<Recommendation>(keys::BY_ROUND, problem.data.round).await?;
    if letters.iter().any(|l| l.is_live() && l.data.problems.contains(&problem.meta.id)) {
        return Err(OpError::Refused(T::ErrProblemHasLedger));
    }
    if super::outcomes::outcome_names(store, problem.meta.id).await? {
        return Err(OpError::Refused(T::ErrNamedByOutcome));
    }
    let mut changes = vec![tombstone(ctx, problem)];
    for r in store.by_index::<Rectification>(keys::BY_PROBLEM, problem.meta.id).await?.iter().filter(|r| r.is_live()) {
        changes.push(tombstone(ctx, r));
    }
    store.commit(changes).await?;
    Ok(())
}

/// 反馈: records the feedback day on the problem and opens its rectification, in one transaction.
pub async fn feed_back<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    problem: &Record<Problem>,
    fed_back_on: Day,
    mut draft: Rectification,
) -> Result<Record<Rectification>, OpError> {
    let mut updated = problem.data.clone();
    updated.fed_back_on = Some(fed_back_on);
    let rounds = store.all::<Round>().await?;
    let inspections = store.by_index::<Inspection>(keys::BY_ROUND, updated.round).await?;
    let mut errors = updated.validate(&rounds, &inspections).err().unwrap_or_default();
    draft.problem = problem.meta.id;
    draft.status = RectStatus::NotStarted;
    draft.history.clear();
    draft.closed_on = None;
    trim_rectification(&mut draft);
    let (problem_record, problem_change) =
        stamp(ctx, problem.meta.id, Some(&problem.meta), Some(&problem.data), updated);
    let existing = store.by_index::<Rectification>(keys::BY_PROBLEM, problem.meta.id).await?;
    let id = ctx.ids.next_id();
    if let Err(e) = draft.validate(id, &[problem_record], &existing) {
        errors.extend(e);
    }
    if !errors.is_empty() {
        return Err(OpError::Invalid(errors));
    }
    let (record, change) = stamp(ctx, id, None, None, draft);
    store.commit(vec![problem_change, change]).await?;
    Ok(record)
}

fn trim_rectification(r: &mut Rectification) {
    for text in [&mut r.measures, &mut r.unit, &mut r.person, &mut r.evidence, &mut r.verifier] {
        *text = text.trim().to_owned();
    }
}

/// Edits measures, unit, person and evidence. Status, deadline and history change only by a step.
pub async fn save_rectification<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    base: &Record<Rectification>,
    mut data: Rectification,
) -> Result<Record<Rectification>, OpError> {
    data.problem = base.data.problem;
    data.status = base.data.status;
    data.deadline = base.data.deadline;
    data.history = base.data.history.clone();
    data.closed_on = base.data.closed_on;
    data.checks = base.data.checks.clone();
    trim_rectification(&mut data);
    let problems: Vec<Record<Problem>> = store.get::<Problem>(data.problem).await?.into_iter().collect();
    let existing = store.by_index::<Rectification>(keys::BY_PROBLEM, data.problem).await?;
    let checked = data.validate(base.meta.id, &problems, &existing);
    save_checked(store, ctx, base.meta.id, Some(&base.meta), data, checked).await
}

/// Takes one status step (开始整改, 销号, 申请延期 …) on a rectification.
pub async fn step_rectification<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    base: &Record<Rectification>,
    input: StepInput,
) -> Result<Record<Rectification>, OpError> {
    let mut data = base.data.clone();
    data.apply(input).map_err(OpError::Invalid)?;
    let (record, change) = stamp(ctx, base.meta.id, Some(&base.meta), Some(&base.data), data);
    store.commit(vec![change]).await?;
    Ok(record)
}

/// Records what a 回头看 round found of a rectification, replacing that round's earlier check.
pub async fn check_rectification<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    base: &Record<Rectification>,
    mut check: crate::ledger::lookback::Check,
) -> Result<Record<Rectification>, OpError> {
    check.note = check.note.trim().to_owned();
    let round = store.get::<Round>(check.round).await?;
    let problem = store.get::<Problem>(base.data.problem).await?;
    let today = ctx.now.local_date_day();
    check.validate(round.as_ref(), problem.as_ref().map(|p| &p.data), today).map_err(OpError::Invalid)?;
    let data = crate::ledger::lookback::with_check(&base.data, check);
    let (record, change) = stamp(ctx, base.meta.id, Some(&base.meta), Some(&base.data), data);
    store.commit(vec![change]).await?;
    Ok(record)
}

pub async fn save_clue<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    base: Option<&Meta>,
    mut data: Clue,
) -> Result<Record<Clue>, OpError> {
    for text in [&mut data.summary, &mut data.names, &mut data.recipient_other, &mut data.result] {
        *text = text.trim().to_owned();
    }
    let id = id_for(ctx, base);
    let rounds = store.all::<Round>().await?;
    let inspections = store.by_index::<Inspection>(keys::BY_ROUND, data.round).await?;
    let checked = data.validate(&rounds, &inspections);
    save_checked(store, ctx, id, base, data, checked).await
}

pub async fn save_recommendation<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    base: Option<&Meta>,
    mut data: Recommendation,
) -> Result<Record<Recommendation>, OpError> {
    for text in [&mut data.addressee, &mut data.sector, &mut data.response] {
        *text = text.trim().to_owned();
    }
    let id = id_for(ctx, base);
    let rounds = store.all::<Round>().await?;
    let problems = store.by_index::<Problem>(keys::BY_ROUND, data.round).await?;
    let checked = data.validate(&rounds, &problems);
    save_checked(store, ctx, id, base, data, checked).await
}
