//! Use cases of the register: the office, terms, targets, rounds, groups and
//! which group inspects which target.

use super::*;

/// First-run setup: names this PC's office and gives it a fresh id.
pub async fn set_up_office<S: Store>(
    store: &S,
    ids: &dyn IdSource,
    name: &str,
    role: OfficeRole,
) -> Result<Office, OpError> {
    let office = Office { id: ids.next_id(), name: name.trim().to_owned(), role };
    office.validate().map_err(OpError::Invalid)?;
    store.put_setting(Office::SETTINGS_KEY, &office).await?;
    Ok(office)
}

/// Renames the office or changes its role; the id never changes.
pub async fn update_office<S: Store>(store: &S, office: &Office) -> Result<(), OpError> {
    let mut office = office.clone();
    office.name = office.name.trim().to_owned();
    office.validate().map_err(OpError::Invalid)?;
    store.put_setting(Office::SETTINGS_KEY, &office).await?;
    Ok(())
}

pub async fn load_office<S: Store>(store: &S) -> Result<Option<Office>, StoreError> {
    store.setting(Office::SETTINGS_KEY).await
}

pub async fn save_term<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    base: Option<&Meta>,
    mut data: Term,
) -> Result<Record<Term>, OpError> {
    data.name = data.name.trim().to_owned();
    let id = id_for(ctx, base);
    let checked = data.validate(id, &store.all::<Term>().await?);
    save_checked(store, ctx, id, base, data, checked).await
}

pub async fn delete_term<S: Store>(store: &S, ctx: &Ctx<'_>, term: &Record<Term>) -> Result<(), OpError> {
    let rounds = store.by_index::<Round>(keys::BY_TERM, term.meta.id).await?;
    if rounds.iter().any(Record::is_live) {
        return Err(OpError::Refused(T::ErrTermHasRounds));
    }
    if store.all::<Plan>().await?.iter().any(|p| p.is_live() && p.data.term == term.meta.id) {
        return Err(OpError::Refused(T::ErrTermHasPlans));
    }
    store.commit(vec![tombstone(ctx, term)]).await?;
    Ok(())
}

pub async fn save_target<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    base: Option<&Meta>,
    mut data: Target,
) -> Result<Record<Target>, OpError> {
    data.name = data.name.trim().to_owned();
    if !data.kind.needs_township() {
        data.township = None;
    }
    let id = id_for(ctx, base);
    let all = store.all::<Target>().await?;
    let mut checked = data.validate(id, &all);
    if checked.is_ok() && base.is_some() && data.kind != TargetKind::Township {
        // A township that still has villages may not become another kind.
        if all.iter().any(|t| t.is_live() && t.data.township == Some(id)) {
            checked = Err(vec![Invalid { field: "kind", msg: T::ErrTownshipHasVillages, missing: false }]);
        }
    }
    save_checked(store, ctx, id, base, data, checked).await
}

/// What a bulk entry did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulkOutcome {
    pub added: Vec<Record<Target>>,
    /// Names already in the register, left alone.
    pub skipped: Vec<String>,
}

/// Adds many targets of one kind at once, all in one transaction; names that
/// already exist are reported, not duplicated.
pub async fn bulk_add_targets<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    names: &[String],
    kind: TargetKind,
    org_form: OrgForm,
    township: Option<Id>,
) -> Result<BulkOutcome, OpError> {
    let mut all = store.all::<Target>().await?;
    let mut outcome = BulkOutcome { added: Vec::new(), skipped: Vec::new() };
    let mut changes = Vec::new();
    for name in names {
        let mut data = Target::new(name, kind, township.filter(|_| kind.needs_township()));
        data.org_form = org_form;
        let id = ctx.ids.next_id();
        match data.validate(id, &all) {
            Ok(()) => {
                let (record, change) = stamp(ctx, id, None, None, data);
                all.push(record.clone());
                outcome.added.push(record);
                changes.push(change);
            }
            Err(errors) if errors.iter().all(|e| e.msg == T::ErrTargetNameTaken) => outcome.skipped.push(name.clone()),
            Err(errors) => return Err(OpError::Invalid(errors)),
        }
    }
    if !changes.is_empty() {
        store.commit(changes).await?;
    }
    Ok(outcome)
}

pub async fn delete_target<S: Store>(store: &S, ctx: &Ctx<'_>, target: &Record<Target>) -> Result<(), OpError> {
    let villages = store.by_index::<Target>(keys::BY_TOWNSHIP, target.meta.id).await?;
    if villages.iter().any(Record::is_live) {
        return Err(OpError::Refused(T::ErrTownshipHasVillages));
    }
    let inspections = store.by_index::<Inspection>(keys::BY_TARGET, target.meta.id).await?;
    if inspections.iter().any(Record::is_live) {
        return Err(OpError::Refused(T::ErrTargetInspected));
    }
    if store.all::<Plan>().await?.iter().any(|p| p.is_live() && p.data.targets().contains(&target.meta.id)) {
        return Err(OpError::Refused(T::ErrTargetPlanned));
    }
    if super::outcomes::outcome_names(store, target.meta.id).await? {
        return Err(OpError::Refused(T::ErrNamedByOutcome));
    }
    store.commit(vec![tombstone(ctx, target)]).await?;
    Ok(())
}

pub async fn save_round<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    base: Option<&Meta>,
    mut data: Round,
) -> Result<Record<Round>, OpError> {
    data.topic = data.topic.trim().to_owned();
    let id = id_for(ctx, base);
    let terms = store.all::<Term>().await?;
    let rounds = store.by_index::<Round>(keys::BY_TERM, data.term).await?;
    let checked = data.validate(id, &terms, &rounds);
    save_checked(store, ctx, id, base, data, checked).await
}

/// Deletes a round with its groups and their assignments, in one transaction.
/// A round whose ledgers hold records is kept: those records would lose their round.
pub async fn delete_round<S: Store>(store: &S, ctx: &Ctx<'_>, round: &Record<Round>) -> Result<(), OpError> {
    let id = round.meta.id;
    let used = store.by_index::<Problem>(keys::BY_ROUND, id).await?.iter().any(Record::is_live)
        || store.by_index::<Clue>(keys::BY_ROUND, id).await?.iter().any(Record::is_live)
        || store.by_index::<Recommendation>(keys::BY_ROUND, id).await?.iter().any(Record::is_live)
        || super::outcomes::outcome_names(store, id).await?;
    if used {
        return Err(OpError::Refused(T::ErrRoundHasLedger));
    }
    let mut changes = vec![tombstone(ctx, round)];
    for g in store.by_index::<Group>(keys::BY_ROUND, round.meta.id).await?.iter().filter(|g| g.is_live()) {
        changes.push(tombstone(ctx, g));
    }
    for i in store.by_index::<Inspection>(keys::BY_ROUND, round.meta.id).await?.iter().filter(|i| i.is_live()) {
        if i.data.assessment.is_some() {
            return Err(OpError::Refused(T::ErrInspectionHasAssessment));
        }
        changes.push(tombstone(ctx, i));
    }
    store.commit(changes).await?;
    Ok(())
}

/// Deletes a group and its assignments together.
pub async fn delete_group<S: Store>(store: &S, ctx: &Ctx<'_>, group: &Record<Group>) -> Result<(), OpError> {
    let mut changes = vec![tombstone(ctx, group)];
    for i in store.by_index::<Inspection>(keys::BY_GROUP, group.meta.id).await?.iter().filter(|i| i.is_live()) {
        refuse_if_ledgered(store, &i.data).await?;
        changes.push(tombstone(ctx, i));
    }
    store.commit(changes).await?;
    Ok(())
}

/// Creates or edits the inspection of one target; assigning a target to a group is saving a new one.
pub async fn save_inspection<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    base: Option<&Meta>,
    data: Inspection,
) -> Result<Record<Inspection>, OpError> {
    let id = id_for(ctx, base);
    let rounds = store.all::<Round>().await?;
    if !data.round_is_live(&rounds) {
        return Err(OpError::Invalid(vec![Invalid { field: "round", msg: T::ErrRoundMissing, missing: false }]));
    }
    let groups = store.by_index::<Group>(keys::BY_ROUND, data.round).await?;
    let targets = store.all::<Target>().await?;
    let inspections = store.by_index::<Inspection>(keys::BY_ROUND, data.round).await?;
    let cx = InspectionContext { groups: &groups, targets: &targets, inspections: &inspections };
    let checked = data.validate(id, cx);
    save_checked(store, ctx, id, base, data, checked).await
}

/// Takes a target off a round (tombstones its inspection record).
pub async fn unassign<S: Store>(store: &S, ctx: &Ctx<'_>, inspection: &Record<Inspection>) -> Result<(), OpError> {
    refuse_if_ledgered(store, &inspection.data).await?;
    store.commit(vec![tombstone(ctx, inspection)]).await?;
    Ok(())
}

/// An inspection whose target has problems or clues in the round must stay.
async fn refuse_if_ledgered<S: Store>(store: &S, i: &Inspection) -> Result<(), OpError> {
    let problems = store.by_index::<Problem>(keys::BY_ROUND, i.round).await?;
    let clues = store.by_index::<Clue>(keys::BY_ROUND, i.round).await?;
    if problems.iter().any(|p| p.is_live() && p.data.target == i.target)
        || clues.iter().any(|c| c.is_live() && c.data.target == i.target)
    {
        return Err(OpError::Refused(T::ErrInspectionHasLedger));
    }
    // An assessment is part of the inspection: removing the unit would lose it unseen.
    if i.assessment.is_some() {
        return Err(OpError::Refused(T::ErrInspectionHasAssessment));
    }
    Ok(())
}
