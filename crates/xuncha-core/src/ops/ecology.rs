//! Use cases of 政治生态评估: this PC's indicator set, and an inspection's
//! assessment made, changed or removed as one edit of the inspection.

use super::*;
use crate::ecology::{Assessment, Scheme, SCHEME_KEY};
use crate::validation::Checker;

/// The set this PC assesses by: the setting, else the built-in set.
pub async fn ecology_scheme<S: Store>(store: &S) -> Result<Scheme, StoreError> {
    Ok(store.setting::<Scheme>(SCHEME_KEY).await?.unwrap_or_default())
}

/// Keeps `scheme` as this PC's set once it passes the set's rules.
pub async fn set_ecology_scheme<S: Store>(store: &S, scheme: &Scheme) -> Result<(), OpError> {
    let mut c = Checker::default();
    scheme.check(&mut c);
    c.finish().map_err(OpError::Invalid)?;
    store.put_setting(SCHEME_KEY, scheme).await?;
    Ok(())
}

/// Sets (or with `None` removes) the assessment of `inspection`, checked with the
/// inspection's other rules, as one version step of it.
pub async fn assess<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    inspection: &Record<Inspection>,
    assessment: Option<Assessment>,
) -> Result<Record<Inspection>, OpError> {
    let data = Inspection { assessment, ..inspection.data.clone() };
    save_inspection(store, ctx, Some(&inspection.meta), data).await
}
