//! Use cases of 成果运用: an outcome saved against its round, unit, problem or clue.

use super::*;
use crate::outcome::Outcome;

/// Creates or edits an outcome.
pub async fn save_outcome<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    base: Option<&Meta>,
    mut data: Outcome,
) -> Result<Record<Outcome>, OpError> {
    data.title = data.title.trim().to_owned();
    let id = id_for(ctx, base);
    let rounds = store.all::<Round>().await?;
    let targets = store.all::<Target>().await?;
    let problems = store.by_index::<Problem>(keys::BY_ROUND, data.round).await?;
    let clues = store.by_index::<Clue>(keys::BY_ROUND, data.round).await?;
    let checked = data.validate(&rounds, &targets, &problems, &clues);
    save_checked(store, ctx, id, base, data, checked).await
}

pub async fn delete_outcome<S: Store>(store: &S, ctx: &Ctx<'_>, outcome: &Record<Outcome>) -> Result<(), OpError> {
    store.commit(vec![tombstone(ctx, outcome)]).await?;
    Ok(())
}

/// Whether a live outcome names `id` as its round, unit, problem or clue: such a
/// record is not deleted from under it.
pub(super) async fn outcome_names<S: Store>(store: &S, id: Id) -> Result<bool, StoreError> {
    let named = |o: &Outcome| o.round == id || [o.target, o.problem, o.clue].contains(&Some(id));
    Ok(store.all::<Outcome>().await?.iter().any(|o| o.is_live() && named(&o.data)))
}
