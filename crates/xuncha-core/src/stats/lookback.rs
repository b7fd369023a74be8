//! 回头看 on the statistics page: what the period's look-back rounds found of the
//! rectifications they checked, by finding, each opening the rectifications it counts.

use super::figures::{Figure, Group, Link};
use super::{code, StatsScope};
use crate::date::Day;
use crate::i18n::{Label, T};
use crate::ledger::lookback::{findings, Verdict};
use crate::ledger::{Ledger, LedgerFilter, LedgerKind, Subset};
use crate::ops::Snapshot;
use crate::round::RoundKind;

pub(super) fn group(d: &Snapshot, ledger: &Ledger, scope: &StatsScope, today: Day) -> Option<Group> {
    let rounds: Vec<_> =
        scope.rounds(d, today).iter().filter(|r| r.data.kind == RoundKind::LookBack).map(|r| r.meta.id).collect();
    if rounds.is_empty() {
        return None;
    }
    let found = findings(d, &rounds);
    // The rows are the earlier rounds' rectifications: only the unit's township or kind narrows them.
    let filter = |verdict: Option<Verdict>| {
        let mut rects: Vec<_> =
            found.iter().filter(|(_, v)| verdict.is_none_or(|want| *v == want)).map(|(id, _)| *id).collect();
        rects.sort_unstable();
        rects.dedup();
        LedgerFilter {
            township: scope.township,
            target_kind: scope.kind,
            subset: Some(Subset::LookedBack { rects, verdict }),
            ..LedgerFilter::default()
        }
    };
    let rows = ledger.rows(LedgerKind::Rectifications);
    let all: Vec<usize> = (0..rows.len()).collect();
    // One pass over the ledger for the rows checked at all; each finding is a part of them.
    let checked = ledger.filter(LedgerKind::Rectifications, &all, &filter(None), today);
    let count = |f: &LedgerFilter| {
        checked.iter().filter_map(|i| rows.get(*i)).filter(|r| f.matches_parts(r, today)).count() as u64
    };
    let figure = |key: String, label: T, verdict: Option<Verdict>| {
        let f = filter(verdict);
        Figure { key, label, value: count(&f), percent: None, link: Some(Link::Ledger(LedgerKind::Rectifications, f)) }
    };
    let mut figures = vec![figure("lookback.checked".into(), T::StatsLookBackChecked, None)];
    for v in Verdict::ALL {
        figures.push(figure(format!("lookback.{}", code(v)), v.label(), Some(v)));
    }
    Some(Group { title: T::LookBackTitle, figures })
}
