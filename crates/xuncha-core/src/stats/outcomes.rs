//! 成果运用 on the statistics page: the outcomes of the period's rounds, added up
//! by kind as the summaries count them, each opening the outcomes it adds up. The
//! outcomes are the county's, so a view narrowed to a township or kind leaves them out.

use super::figures::{Figure, Group, Link};
use super::{code, StatsScope};
use crate::date::Day;
use crate::i18n::{Label, T};
use crate::ops::Snapshot;
use crate::outcome::{OutcomeFigures, OutcomeFilter, OutcomeKind};

pub(super) fn group(d: &Snapshot, scope: &StatsScope, today: Day) -> Option<Group> {
    if scope.township.is_some() || scope.kind.is_some() || d.outcomes.iter().all(|o| !o.is_live()) {
        return None;
    }
    let rounds: Vec<_> = scope.rounds(d, today).iter().map(|r| r.meta.id).collect();
    let filter = OutcomeFilter { rounds: Some(rounds), ..OutcomeFilter::default() };
    let f = OutcomeFigures::count(d.outcomes.iter().filter(|o| filter.matches(o)));
    let link = |kind: Option<OutcomeKind>| Some(Link::Outcomes(OutcomeFilter { kind, ..filter.clone() }));
    let mut figures: Vec<Figure> = OutcomeKind::ALL
        .iter()
        .map(|k| Figure {
            key: format!("outcomes.{}", code(*k)),
            label: k.label(),
            value: f.of(*k),
            percent: None,
            link: link(Some(*k)),
        })
        .collect();
    figures.push(Figure {
        key: "outcomes.amount".into(),
        label: T::FigOutcomeAmount,
        value: f.amount,
        percent: None,
        link: link(Some(OutcomeKind::Recovery)),
    });
    Some(Group { title: T::StatsGroupOutcomes, figures })
}
