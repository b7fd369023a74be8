//! The filters of a ledger page, and the same filters in words for the title of
//! an export or a print.

use super::table::*;
use crate::date::Day;
use crate::i18n::{Label, Lang, T};
use crate::id::Id;
use crate::ops::Snapshot;
use crate::problem::Focus;
use crate::rectification::RectStatus;

/// Every filter a ledger offers; `None` means any.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LedgerFilter {
    pub term: Option<Id>,
    pub round: Option<Id>,
    pub group: Option<Id>,
    pub target: Option<Id>,
    pub township: Option<Id>,
    pub focus: Option<Focus>,
    pub status: Option<RectStatus>,
    pub overdue_only: bool,
    pub from: Option<Day>,
    pub to: Option<Day>,
    pub text: String,
}

impl LedgerFilter {
    /// `needle` is the search text, trimmed and lower-cased once per keystroke.
    pub(super) fn matches(&self, kind: LedgerKind, row: &Row, needle: &str, today: Day) -> bool {
        if kind == LedgerKind::Rectifications && row.rectification().is_none() {
            return false;
        }
        let same = |want: Option<Id>, have: Option<Id>| want.is_none() || want == have;
        if !(same(self.term, row.term)
            && same(self.round, Some(row.round))
            && same(self.group, row.group)
            && same(self.target, row.target)
            && same(self.township, row.township))
        {
            return false;
        }
        if let Some(focus) = self.focus {
            if row.problem().is_none_or(|p| p.data.focus != focus) {
                return false;
            }
        }
        if let Some(status) = self.status {
            if row.rectification().is_none_or(|r| r.data.status != status) {
                return false;
            }
        }
        if self.overdue_only && !row.is_overdue(today) {
            return false;
        }
        if self.from.is_some() || self.to.is_some() {
            let Some(day) = row.date(kind) else { return false };
            if self.from.is_some_and(|f| day < f) || self.to.is_some_and(|t| day > t) {
                return false;
            }
        }
        needle.is_empty() || row.haystack.contains(needle)
    }

    /// The filter in words for the title of an export or a print: "轮次：…；仅逾期；关键词：…".
    pub fn describe(&self, d: &Snapshot, lang: Lang) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut add = |label: T, value: String| parts.push(format!("{}{}{}", label.text(lang), sep(lang), value));
        if let Some(t) = self.term.and_then(|id| d.term(id)) {
            add(T::ColTerm, t.data.name.clone());
        }
        if let Some(r) = self.round.and_then(|id| d.round(id)) {
            add(T::ColRound, d.round_title(r, lang));
        }
        if let Some(g) = self.group.and_then(|id| d.group(id)) {
            add(T::ColGroup, g.data.name.clone());
        }
        if let Some(t) = self.township.and_then(|id| d.target(id)) {
            add(T::ColTownship, t.data.name.clone());
        }
        if let Some(t) = self.target.and_then(|id| d.target(id)) {
            add(T::ColTarget, t.data.name.clone());
        }
        if let Some(f) = self.focus {
            add(T::ColFocus, f.label().text(lang).to_owned());
        }
        if let Some(s) = self.status {
            add(T::ColStatus, s.label().text(lang).to_owned());
        }
        match (self.from, self.to) {
            (None, None) => {}
            (from, to) => add(T::FilterDates, format!("{} – {}", day_or_blank(from), day_or_blank(to))),
        }
        if !self.text.trim().is_empty() {
            add(T::FilterText, format!("“{}”", self.text.trim()));
        }
        if self.overdue_only {
            parts.push(T::FilterOverdueOnly.text(lang).to_owned());
        }
        if parts.is_empty() {
            T::FilterNone.text(lang).to_owned()
        } else {
            parts.join(if lang == Lang::Zh { "；" } else { "; " })
        }
    }
}

fn sep(lang: Lang) -> &'static str {
    if lang == Lang::Zh {
        "："
    } else {
        ": "
    }
}

fn day_or_blank(d: Option<Day>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}
