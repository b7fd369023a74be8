//! Use cases of the talent pool and of staffing groups from it: persons, a group
//! and its people with the 回避 rule, and assigning targets to a group (which
//! meets the same rule from the other side).

use super::*;
use crate::group::Recusal;
use crate::person::{Person, PoolKind};
use crate::pool::{conflicts, seat, unconfirmed, Conflict, Pool, RECUSAL_YEARS};

/// The per-PC setting that holds the 回避 span in years.
pub const RECUSAL_YEARS_KEY: &str = "recusal_years";

/// The 回避 span this PC uses: the setting, else `RECUSAL_YEARS`.
pub async fn recusal_years<S: Store>(store: &S) -> Result<u32, StoreError> {
    Ok(store.setting::<u32>(RECUSAL_YEARS_KEY).await?.unwrap_or(RECUSAL_YEARS))
}

/// The longest 回避 span an office may set.
pub const MAX_RECUSAL_YEARS: u32 = 30;

pub async fn set_recusal_years<S: Store>(store: &S, years: u32) -> Result<(), OpError> {
    if years > MAX_RECUSAL_YEARS {
        return Err(OpError::Invalid(vec![Invalid::missing("recusal_years", T::ErrRecusalYears)]));
    }
    store.put_setting(RECUSAL_YEARS_KEY, &years).await?;
    Ok(())
}

/// What staffing a group is checked against: the lists at hand (the store's, or
/// the page's snapshot), the span and today.
#[derive(Debug)]
pub struct Staffing<'a> {
    pub pool: Pool<'a>,
    pub rounds: &'a [Record<Round>],
    pub inspections: &'a [Record<Inspection>],
    pub years: u32,
    pub today: Day,
}

impl Staffing<'_> {
    /// The 回避 warnings no reason covers yet, for `group` (seated from its names)
    /// with the targets it inspects as group `id` and `more` about to be assigned.
    pub fn open_conflicts(&self, group: &Group, id: Option<Id>, more: &[Id]) -> Vec<Conflict> {
        let mut seated = group.clone();
        seat(&mut seated, self.pool);
        let mut targets: Vec<Id> = self
            .inspections
            .iter()
            .filter(|i| i.is_live() && Some(i.data.group) == id)
            .map(|i| i.data.target)
            .collect();
        targets.extend_from_slice(more);
        let start = self.rounds.iter().find(|r| r.meta.id == group.round).and_then(|r| r.data.start);
        let year = start.unwrap_or(self.today).year();
        unconfirmed(&conflicts(&seated, &targets, year, self.years, self.pool), &group.recusals)
    }
}

/// Saves a group: its names are seated from the pool (`pool::seat`), confirmations
/// that no longer apply are dropped, and a 回避 warning without a reason refuses
/// the save.
pub async fn save_group<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    base: Option<&Meta>,
    mut data: Group,
) -> Result<Record<Group>, OpError> {
    data.name = data.name.trim().to_owned();
    let id = id_for(ctx, base);
    let rounds = store.all::<Round>().await?;
    let groups = store.by_index::<Group>(keys::BY_ROUND, data.round).await?;
    let persons = store.all::<Person>().await?;
    let targets = store.all::<Target>().await?;
    let inspections = match base {
        Some(_) => store.by_index::<Inspection>(keys::BY_GROUP, id).await?,
        None => Vec::new(),
    };
    let pool = Pool { persons: &persons, targets: &targets };
    if !seat(&mut data, pool).shared.is_empty() {
        return Err(OpError::Refused(T::ErrSharedName));
    }
    let years = recusal_years(store).await?;
    let staffing = Staffing { pool, rounds: &rounds, inspections: &inspections, years, today: today(ctx) };
    keep_confirmations_that_apply(&mut data, &staffing, Some(id));
    if !staffing.open_conflicts(&data, Some(id), &[]).is_empty() {
        return Err(OpError::Refused(T::ErrRecusalUnconfirmed));
    }
    let checked = data.validate(id, &rounds, &groups);
    save_checked(store, ctx, id, base, data, checked).await
}

fn today(ctx: &Ctx<'_>) -> Day {
    Day::from_date(ctx.now.local_date())
}

/// Drops the reasons given for warnings the group no longer meets (a person who
/// left it, a target taken off).
fn keep_confirmations_that_apply(group: &mut Group, staffing: &Staffing<'_>, id: Option<Id>) {
    let bare = Group { recusals: Vec::new(), ..group.clone() };
    let all = staffing.open_conflicts(&bare, id, &[]);
    group.recusals.retain(|r| all.iter().any(|c| c.person == r.person && c.target == r.target));
}

/// Assigns several targets to a group at once; nothing is written if any is
/// refused. A 回避 warning the assignment raises needs its reason in `recusals`,
/// which are kept with the group in the same commit.
pub async fn assign_targets<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    round: Id,
    group: Id,
    targets: &[Id],
    recusals: &[Recusal],
) -> Result<Vec<Record<Inspection>>, OpError> {
    let rounds = store.all::<Round>().await?;
    let groups = store.by_index::<Group>(keys::BY_ROUND, round).await?;
    let all_targets = store.all::<Target>().await?;
    let mut inspections = store.by_index::<Inspection>(keys::BY_ROUND, round).await?;
    let mut changes = Vec::new();
    let mut added = Vec::new();
    for target in targets {
        let data = Inspection::new(round, group, *target);
        if !data.round_is_live(&rounds) {
            return Err(OpError::Invalid(vec![Invalid { field: "round", msg: T::ErrRoundMissing, missing: false }]));
        }
        let id = ctx.ids.next_id();
        let cx = InspectionContext { groups: &groups, targets: &all_targets, inspections: &inspections };
        data.validate(id, cx).map_err(OpError::Invalid)?;
        let (record, change) = stamp(ctx, id, None, None, data);
        inspections.push(record.clone());
        added.push(record);
        changes.push(change);
    }
    if let Some(g) = groups.iter().find(|g| g.meta.id == group && g.is_live()) {
        let persons = store.all::<Person>().await?;
        let pool = Pool { persons: &persons, targets: &all_targets };
        let years = recusal_years(store).await?;
        let staffing = Staffing { pool, rounds: &rounds, inspections: &inspections, years, today: today(ctx) };
        let open = staffing.open_conflicts(&g.data, Some(group), &[]);
        let given: Vec<Recusal> = recusals
            .iter()
            .filter(|r| open.iter().any(|c| c.person == r.person && c.target == r.target))
            .cloned()
            .collect();
        if !unconfirmed(&open, &given).is_empty() {
            return Err(OpError::Refused(T::ErrRecusalUnconfirmed));
        }
        if !given.is_empty() {
            let mut data = g.data.clone();
            data.recusals.extend(given);
            data.validate(group, &rounds, &groups).map_err(OpError::Invalid)?;
            let (_, change) = stamp(ctx, group, Some(&g.meta), Some(&g.data), data);
            changes.push(change);
        }
    }
    if !changes.is_empty() {
        store.commit(changes).await?;
    }
    Ok(added)
}

/// Creates or edits a person of the pool.
pub async fn save_person<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    base: Option<&Meta>,
    mut data: Person,
) -> Result<Record<Person>, OpError> {
    data.tidy();
    let id = id_for(ctx, base);
    let targets = store.all::<Target>().await?;
    let persons = store.all::<Person>().await?;
    let checked = data.validate(id, &targets, &persons);
    save_checked(store, ctx, id, base, data, checked).await
}

/// Deletes a person; the groups keep the names they print, and their seats.
pub async fn delete_person<S: Store>(store: &S, ctx: &Ctx<'_>, person: &Record<Person>) -> Result<(), OpError> {
    store.commit(vec![tombstone(ctx, person)]).await?;
    Ok(())
}

/// Adds the names typed freely in a group's form to the pool, each in `pool`
/// (组长库 for a leader): one commit; a name the pool already has is left alone.
pub async fn add_to_pool<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    names: &[(String, PoolKind)],
) -> Result<Vec<Record<Person>>, OpError> {
    let targets = store.all::<Target>().await?;
    let mut persons = store.all::<Person>().await?;
    let mut changes = Vec::new();
    let mut added = Vec::new();
    for (name, pool) in names {
        let mut data = Person::new(name);
        data.pools = vec![*pool];
        if persons.iter().any(|p| p.is_live() && p.data.name == data.name) {
            continue;
        }
        let id = ctx.ids.next_id();
        data.validate(id, &targets, &persons).map_err(OpError::Invalid)?;
        let (record, change) = stamp(ctx, id, None, None, data);
        persons.push(record.clone());
        added.push(record);
        changes.push(change);
    }
    if !changes.is_empty() {
        store.commit(changes).await?;
    }
    Ok(added)
}

/// The 回避 warnings without a reason that saving `group` (as record `id`, with
/// `more` targets about to be assigned) would meet, for the form to ask about.
pub async fn open_conflicts<S: Store>(
    store: &S,
    group: &Group,
    id: Option<Id>,
    more: &[Id],
    today: Day,
) -> Result<Vec<Conflict>, OpError> {
    let rounds = store.all::<Round>().await?;
    let persons = store.all::<Person>().await?;
    let targets = store.all::<Target>().await?;
    let inspections = match id {
        Some(id) => store.by_index::<Inspection>(keys::BY_GROUP, id).await?,
        None => Vec::new(),
    };
    let pool = Pool { persons: &persons, targets: &targets };
    let years = recusal_years(store).await?;
    let staffing = Staffing { pool, rounds: &rounds, inspections: &inspections, years, today };
    Ok(staffing.open_conflicts(group, id, more))
}
