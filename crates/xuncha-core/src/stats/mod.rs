//! 统计: every figure a year-end work summary quotes, added up from the records
//! for a year, a term, a round or a date range, optionally one township or one
//! kind of target. Each figure carries the records behind it as a link: ledger
//! figures are counted with the ledger's own filter, so the ledger opened from a
//! figure shows exactly that many rows.

pub mod charts;
pub mod coverage;
mod ecology;
mod figures;
mod lookback;
pub mod outcomes;
pub mod plan;
pub mod pool;
pub mod text;

pub use figures::*;

use crate::date::Day;
use crate::i18n::{Label, Lang, T};
use crate::id::Id;
use crate::inspection::Inspection;
use crate::ledger::LedgerFilter;
use crate::ops::Snapshot;
use crate::record::Record;
use crate::round::Round;
use crate::target::TargetKind;

/// The serialised name of an enum value ("village"), the name files already use:
/// the figures' keys are made of it.
pub fn code<E: serde::Serialize>(e: E) -> String {
    serde_json::to_value(e).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

/// The stretch of work counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    /// The rounds that start in this year, as an annual summary counts them.
    Year(i32),
    /// The rounds of one term of the county committee.
    Term(Id),
    Round(Id),
    /// The rounds that start between these days, both included.
    Range(Day, Day),
}

/// What the statistics count: a period, narrowed to a township or a kind of target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatsScope {
    pub period: Period,
    /// The township and the villages and communities under it.
    pub township: Option<Id>,
    pub kind: Option<TargetKind>,
}

impl StatsScope {
    pub fn of(period: Period) -> StatsScope {
        StatsScope { period, township: None, kind: None }
    }

    /// The ledger filter that picks this scope's rows; a figure's link narrows it further.
    pub fn ledger_filter(&self) -> LedgerFilter {
        let mut f = LedgerFilter { township: self.township, target_kind: self.kind, ..LedgerFilter::default() };
        match self.period {
            Period::Year(y) => f.rounds_starting = Day::from_ymd(y, 1, 1).zip(Day::from_ymd(y, 12, 31)),
            Period::Term(t) => f.term = Some(t),
            Period::Round(r) => f.round = Some(r),
            Period::Range(a, b) => f.rounds_starting = Some((a, b)),
        }
        f.county_only = !matches!(self.period, Period::Round(_));
        f
    }

    /// Whether a round belongs to the period. A round fed back from above is
    /// counted only when it is the period itself: it is none of the county's work.
    pub fn has_round(&self, r: &Round, id: Id) -> bool {
        match self.period {
            Period::Round(want) => id == want,
            _ if !r.kind.is_county() => false,
            Period::Year(y) => r.start.is_some_and(|s| s.year() == y),
            Period::Term(t) => r.term == t,
            Period::Range(a, b) => r.start.is_some_and(|s| a <= s && s <= b),
        }
    }

    /// Whether a target is within the township and kind chosen.
    pub fn has_target(&self, d: &Snapshot, target: Id) -> bool {
        let Some(t) = d.target(target) else { return self.township.is_none() && self.kind.is_none() };
        self.kind.is_none_or(|k| t.data.kind == k)
            && self.township.is_none_or(|w| target == w || t.data.township == Some(w))
    }

    /// `has_target` for many records: the targets within the narrowing looked up
    /// once, or `None` when nothing is narrowed and every target is within.
    pub fn targets_within(&self, d: &Snapshot) -> Option<std::collections::HashSet<Id>> {
        if self.township.is_none() && self.kind.is_none() {
            return None;
        }
        Some(d.targets.iter().map(|t| t.meta.id).filter(|id| self.has_target(d, *id)).collect())
    }

    /// The inspections of the period's rounds, begun by `today`, at targets within the narrowing.
    pub fn inspections<'a>(&self, d: &'a Snapshot, today: Day) -> Vec<&'a Record<Inspection>> {
        let rounds: std::collections::HashSet<Id> = d
            .rounds
            .iter()
            .filter(|r| self.has_round(&r.data, r.meta.id) && !r.data.not_begun(today))
            .map(|r| r.meta.id)
            .collect();
        let within = self.targets_within(d);
        d.inspections
            .iter()
            .filter(|i| rounds.contains(&i.data.round) && within.as_ref().is_none_or(|w| w.contains(&i.data.target)))
            .collect()
    }

    /// The period's rounds begun by `today`; narrowed to a township or kind, only
    /// those that inspected a target within it.
    pub fn rounds<'a>(&self, d: &'a Snapshot, today: Day) -> Vec<&'a Record<Round>> {
        let narrowed = self.township.is_some() || self.kind.is_some();
        let inspected: std::collections::HashSet<Id> =
            self.inspections(d, today).iter().map(|i| i.data.round).collect();
        d.rounds
            .iter()
            .filter(|r| self.has_round(&r.data, r.meta.id) && !r.data.not_begun(today))
            .filter(|r| !narrowed || inspected.contains(&r.meta.id))
            .collect()
    }

    /// The scope as the summary's paragraphs open: "2026年", "十五届以来（城关镇）".
    pub fn phrase(&self, d: &Snapshot, lang: Lang) -> String {
        use crate::i18n::fill;
        let period = match self.period {
            Period::Year(y) => fill(T::StatsTextYear.text(lang), &[("year", &y)]),
            Period::Term(t) => {
                let name = d.term(t).map(|t| t.data.name.clone()).unwrap_or_default();
                fill(T::StatsTextTerm.text(lang), &[("term", &name)])
            }
            Period::Round(r) => {
                let title = d.round(r).map(|r| d.round_title(r, lang)).unwrap_or_default();
                fill(T::StatsTextRound.text(lang), &[("round", &title)])
            }
            Period::Range(a, b) => fill(T::StatsTextRange.text(lang), &[("from", &a), ("to", &b)]),
        };
        let mut within = Vec::new();
        if let Some(t) = self.township.and_then(|w| d.target(w)) {
            within.push(t.data.name.clone());
        }
        if let Some(k) = self.kind {
            within.push(k.label().text(lang).to_owned());
        }
        if within.is_empty() {
            period
        } else {
            let within = within.join(if lang == Lang::Zh { "、" } else { ", " });
            fill(T::StatsTextWithin.text(lang), &[("scope", &period), ("within", &within)])
        }
    }

    /// The scope in words, for titles: "2026年度；城关镇；村".
    pub fn describe(&self, d: &Snapshot, lang: Lang) -> String {
        let mut parts = vec![match self.period {
            Period::Year(y) => crate::i18n::fill(T::StatsYearIs.text(lang), &[("year", &y)]),
            Period::Term(t) => d.term(t).map(|t| t.data.name.clone()).unwrap_or_default(),
            Period::Round(r) => d.round(r).map(|r| d.round_title(r, lang)).unwrap_or_default(),
            Period::Range(a, b) => format!("{a} – {b}"),
        }];
        if let Some(t) = self.township.and_then(|w| d.target(w)) {
            parts.push(t.data.name.clone());
        }
        if let Some(k) = self.kind {
            parts.push(k.label().text(lang).to_owned());
        }
        parts.join(if lang == Lang::Zh { "；" } else { "; " })
    }
}
