//! 政治生态评估 on the statistics page: the period's assessed units by grade, each
//! figure opening the list of exactly the assessments it counts. A unit assessed in
//! two rounds of the period counts once, by its latest grade, as the summary counts
//! the party organisations inspected.

use super::figures::{Figure, Group, Link};
use super::{code, StatsScope};
use crate::date::Day;
use crate::ecology::{AssessmentFilter, Grade};
use crate::i18n::{Label, T};
use crate::id::Id;
use crate::ops::Snapshot;

pub(super) fn group(d: &Snapshot, scope: &StatsScope, today: Day) -> Option<Group> {
    let mut latest: std::collections::HashMap<Id, (crate::date::Day, Id, Grade)> = Default::default();
    for i in scope.inspections(d, today).iter().filter(|i| i.is_live()) {
        let Some(a) = &i.data.assessment else { continue };
        let entry = (a.on, i.meta.id, a.grade());
        let kept = latest.entry(i.data.target).or_insert(entry);
        if entry.0 > kept.0 {
            *kept = entry;
        }
    }
    let assessed: Vec<(Id, Grade)> = latest.into_values().map(|(_, id, grade)| (id, grade)).collect();
    if assessed.is_empty() {
        return None;
    }
    let figure = |key: String, label: T, grade: Option<Grade>| {
        let mut ids: Vec<Id> =
            assessed.iter().filter(|(_, g)| grade.is_none_or(|want| *g == want)).map(|(id, _)| *id).collect();
        ids.sort_unstable();
        let value = ids.len() as u64;
        let filter = AssessmentFilter { grade, inspections: Some(ids), ..AssessmentFilter::default() };
        Figure { key, label, value, percent: None, link: Some(Link::Assessments(filter)) }
    };
    let mut figures = vec![figure("ecology.assessed".into(), T::FigEcologyAssessed, None)];
    for g in Grade::ALL {
        figures.push(figure(format!("ecology.{}", code(g)), g.label(), Some(g)));
    }
    Some(Group { title: T::StatsGroupEcology, figures })
}
