//! 全覆盖: how much of the register one term of the county committee has
//! inspected. The base is the register as it stands — every target not merged
//! away (并村): a village merged mid-term leaves the base, the village it joined
//! stays in it, and a target added mid-term joins it. A target counts as covered
//! once any round of the term inspected it.

use crate::date::Day;
use crate::id::Id;
use crate::ops::Snapshot;
use crate::record::Record;
use crate::target::{Target, TargetKind, TargetStatus};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// Targets in the base and how many of them were inspected.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Share {
    pub total: usize,
    pub covered: usize,
}

impl Share {
    /// covered / total, 0–100; none for an empty base.
    pub fn rate(&self) -> Option<f64> {
        (self.total > 0).then(|| self.covered as f64 * 100.0 / self.total as f64)
    }

    fn add(&mut self, covered: bool) {
        self.total += 1;
        self.covered += usize::from(covered);
    }
}

/// One term's coverage, cut the ways the summaries report it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Coverage {
    pub all: Share,
    /// 县直单位和乡镇（街道）: every target that is not a village or community.
    pub county_level: Share,
    /// 村（社区）.
    pub villages: Share,
    pub by_kind: Vec<(TargetKind, Share)>,
    /// Villages and communities under each township, townships in register order.
    pub by_township: Vec<(Id, Share)>,
    /// The targets of the base not yet inspected this term.
    pub remaining: Vec<Id>,
}

/// The term whose years hold `today`, else the latest: the one coverage is watched for.
pub fn current_term(d: &Snapshot, today: Day) -> Option<Id> {
    let y = today.year();
    d.terms
        .iter()
        .find(|t| t.data.start_year <= y && y <= t.data.end_year)
        .or_else(|| d.terms.iter().max_by_key(|t| t.data.start_year))
        .map(|t| t.meta.id)
}

/// Where the current term's coverage falls behind its goal on `today`: the rate and
/// the rate expected by now. `goals` are the office's own; a term without one means
/// to cover everything by its end.
pub fn current_lag(d: &Snapshot, goals: &std::collections::HashMap<Id, Goal>, today: Day) -> Option<(f64, f64)> {
    let term = d.term(current_term(d, today)?)?;
    let goal = goals.get(&term.meta.id).copied().or_else(|| Goal::whole_term(term.data.end_year))?;
    let rate = coverage(d, term.meta.id, today).all.rate();
    behind(rate, &goal, term.data.start_year, today).map(|expected| (rate.unwrap_or(0.0), expected))
}

/// The coverage of `term` on `today`: the inspections of its county rounds begun by
/// then against the live, unmerged register (a unit inspected from above is not
/// covered by the county).
pub fn coverage(d: &Snapshot, term: Id, today: Day) -> Coverage {
    let rounds: HashSet<Id> = d
        .rounds
        .iter()
        .filter(|r| r.data.term == term && r.data.kind.is_county() && !r.data.not_begun(today))
        .map(|r| r.meta.id)
        .collect();
    let inspected: HashSet<Id> =
        d.inspections.iter().filter(|i| rounds.contains(&i.data.round)).map(|i| i.data.target).collect();
    let base: Vec<&Record<Target>> = d.targets.iter().filter(|t| t.data.status == TargetStatus::Active).collect();
    let mut c =
        Coverage { by_kind: TargetKind::ALL.iter().map(|k| (*k, Share::default())).collect(), ..Coverage::default() };
    for t in &base {
        let covered = inspected.contains(&t.meta.id);
        c.all.add(covered);
        if t.data.kind.needs_township() {
            c.villages.add(covered);
        } else {
            c.county_level.add(covered);
        }
        if let Some((_, share)) = c.by_kind.iter_mut().find(|(k, _)| *k == t.data.kind) {
            share.add(covered);
        }
        if let Some(w) = t.data.township.filter(|_| t.data.kind.needs_township()) {
            match c.by_township.iter_mut().find(|(id, _)| *id == w) {
                Some((_, share)) => share.add(covered),
                None => {
                    let mut share = Share::default();
                    share.add(covered);
                    c.by_township.push((w, share));
                }
            }
        }
        if !covered {
            c.remaining.push(t.meta.id);
        }
    }
    c
}

/// The settings entry holding each term's goal, as `(term, goal)` pairs: an
/// office's own planning, not exchanged with other offices.
pub const COVERAGE_GOALS_KEY: &str = "coverage_goals";

/// The rate an office means to reach by a day ("力争年底本届县委巡察覆盖率达到50%以上").
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Goal {
    /// 0–100.
    pub percent: u8,
    pub by: Day,
}

impl Goal {
    /// Without a goal of its own, a term means to cover everything by its last day.
    pub fn whole_term(end_year: i32) -> Option<Goal> {
        Some(Goal { percent: 100, by: Day::from_ymd(end_year, 12, 31)? })
    }

    /// Where coverage should stand on `today` if it grows evenly from the term's
    /// first day to the goal: the goal's share of the time gone, 0–100.
    pub fn expected(&self, start_year: i32, today: Day) -> Option<f64> {
        let start = Day::from_ymd(start_year, 1, 1)?;
        let whole = self.by.days_since(start);
        if whole <= 0 {
            return Some(f64::from(self.percent));
        }
        let gone = today.days_since(start).clamp(0, whole);
        Some(f64::from(self.percent) * gone as f64 / whole as f64)
    }
}

/// The rate behind the expected one on `today`, with the expected rate; none when on track.
pub fn behind(rate: Option<f64>, goal: &Goal, start_year: i32, today: Day) -> Option<f64> {
    let expected = goal.expected(start_year, today)?;
    (rate.unwrap_or(0.0) + 1e-9 < expected).then_some(expected)
}
