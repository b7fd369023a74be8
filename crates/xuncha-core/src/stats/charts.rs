//! The figures people would rather look at than read, as bars for a chart:
//! problems by 三个聚焦 and how far each round's rectification has come.

use super::{code, Stats, StatsScope};
use crate::date::Day;
use crate::i18n::{Label, Lang};
use crate::id::Id;
use crate::ops::Snapshot;
use crate::problem::Focus;
use crate::rectification::RectStatus;
use std::collections::HashMap;

/// One bar of a chart: its label and one value per series, stacked in that order.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub values: Vec<u64>,
}

/// The order rectification statuses are stacked in: struck off first, then what is left.
pub const PROGRESS_ORDER: [RectStatus; 5] = [
    RectStatus::Closed,
    RectStatus::AwaitingVerification,
    RectStatus::InProgress,
    RectStatus::LongTerm,
    RectStatus::NotStarted,
];

/// Each round of the scope with its rectifications by status (`PROGRESS_ORDER`),
/// oldest round first; narrowed to a township or kind, only the problems there.
pub fn rectification_by_round(d: &Snapshot, scope: &StatsScope, lang: Lang, today: Day) -> Vec<Bar> {
    let mut rounds = scope.rounds(d, today);
    rounds.sort_by_key(|r| (r.data.start, r.data.ordinal));
    let within = scope.targets_within(d);
    let problem_round: HashMap<Id, Id> = d
        .problems
        .iter()
        .filter(|p| within.as_ref().is_none_or(|w| w.contains(&p.data.target)))
        .map(|p| (p.meta.id, p.data.round))
        .collect();
    let mut counts: HashMap<Id, Vec<u64>> = HashMap::new();
    for rect in &d.rectifications {
        let (Some(round), Some(i)) =
            (problem_round.get(&rect.data.problem), PROGRESS_ORDER.iter().position(|s| *s == rect.data.status))
        else {
            continue;
        };
        counts.entry(*round).or_insert_with(|| vec![0; PROGRESS_ORDER.len()])[i] += 1;
    }
    rounds
        .into_iter()
        .map(|r| Bar {
            label: d.round_title(r, lang),
            values: counts.remove(&r.meta.id).unwrap_or_else(|| vec![0; PROGRESS_ORDER.len()]),
        })
        .collect()
}

/// The statistics' problems by 三个聚焦, a bar each.
pub fn problems_by_focus(stats: &Stats, lang: Lang) -> Vec<Bar> {
    Focus::ALL
        .iter()
        .map(|f| Bar {
            label: f.label().text(lang).to_owned(),
            values: vec![stats.value(&format!("problems.focus.{}", code(*f)))],
        })
        .collect()
}
