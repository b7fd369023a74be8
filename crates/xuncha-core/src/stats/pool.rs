//! The talent pool's figures on the statistics page: the pool as it stood at the
//! end of the period (or today, for a period not yet over), in the summaries'
//! words. The pool is the county's, so a view narrowed to a township or a kind of
//! unit leaves them out.

use super::figures::{Figure, Group, Link};
use super::{Period, StatsScope};
use crate::date::Day;
use crate::i18n::T;
use crate::ops::Snapshot;
use crate::person::PoolKind;
use crate::pool::{PersonFilter, PoolFigures};

/// The last day of the period, when it has one.
fn period_end(d: &Snapshot, scope: &StatsScope) -> Option<Day> {
    match scope.period {
        Period::Year(y) => Day::from_ymd(y, 12, 31),
        Period::Term(t) => d.term(t).and_then(|t| Day::from_ymd(t.data.end_year, 12, 31)),
        Period::Round(r) => d.round(r).and_then(|r| r.data.end),
        Period::Range(_, b) => Some(b),
    }
}

/// The day the pool is counted on.
pub fn pool_day(d: &Snapshot, scope: &StatsScope, today: Day) -> Day {
    period_end(d, scope).map_or(today, |end| end.min(today))
}

pub(super) fn group(d: &Snapshot, scope: &StatsScope, today: Day) -> Option<Group> {
    if scope.township.is_some() || scope.kind.is_some() || d.persons.iter().all(|p| !p.is_live()) {
        return None;
    }
    let day = pool_day(d, scope, today);
    let f = PoolFigures::count(&d.persons, day);
    // Counted on the period's last day, so the list shows the pool of that day.
    let on = (day != today).then_some(day);
    let fig = |key: &str, label: T, value: usize, pool: Option<PoolKind>| Figure {
        key: key.to_owned(),
        label,
        value: value as u64,
        percent: None,
        link: Some(Link::People(PersonFilter { on, ..PersonFilter::pool(pool) })),
    };
    Some(Group {
        title: T::StatsGroupPool,
        figures: vec![
            fig("pool.total", T::FigPoolTotal, f.total, None),
            fig("pool.leaders", T::FigPoolLeaders, f.leaders, Some(PoolKind::Leaders)),
            Figure {
                link: Some(Link::People(PersonFilter {
                    full_time: true,
                    on,
                    ..PersonFilter::pool(Some(PoolKind::Leaders))
                })),
                ..fig("pool.leaders.full_time", T::FigPoolFullTime, f.full_time_leaders, None)
            },
            fig("pool.specialists", T::FigPoolSpecialists, f.specialists, Some(PoolKind::Specialists)),
            fig("pool.staff", T::FigPoolStaff, f.staff, Some(PoolKind::Staff)),
            Figure {
                link: Some(Link::People(PersonFilter { cadres: true, on, ..PersonFilter::default() })),
                ..fig("pool.cadres", T::FigPoolCadres, f.leading_cadres, None)
            },
        ],
    })
}
