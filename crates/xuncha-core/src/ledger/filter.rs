//! The filters of a ledger page, and the same filters in words for the title of
//! an export or a print.

use super::table::*;
use crate::clue::Recipient;
use crate::date::Day;
use crate::i18n::{Label, Lang, T};
use crate::id::Id;
use crate::ops::Snapshot;
use crate::problem::Focus;
use crate::problem::Scope as ProblemScope;
use crate::rectification::RectStatus;
use crate::target::TargetKind;

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
    /// Rows of rounds that start between these days: a year of the statistics.
    pub rounds_starting: Option<(Day, Day)>,
    pub target_kind: Option<TargetKind>,
    /// Rows of the county's own rounds only, as the statistics of a period count them.
    pub county_only: bool,
    /// A part that only a statistic asks for.
    pub subset: Option<Subset>,
}

/// A part of a ledger that a figure of the statistics counts and no other filter picks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subset {
    /// 共性问题
    Common,
    /// 个性问题
    Individual,
    /// 立行立改
    OnSpot,
    /// Found 整改不到位 at least once.
    Inadequate,
    /// Clues transferred to this recipient.
    TransferredTo(Recipient),
    /// Letters sent.
    Sent,
    /// Rectifications 回头看 rounds found so (`lookback::findings`, ids sorted), with
    /// the finding they count, if one.
    LookedBack { rects: Vec<Id>, verdict: Option<super::lookback::Verdict> },
}

impl Subset {
    fn holds(&self, row: &Row) -> bool {
        match self {
            Subset::Common => row.problem().is_some_and(|p| p.data.scope == ProblemScope::Common),
            Subset::Individual => row.problem().is_some_and(|p| p.data.scope == ProblemScope::Individual),
            Subset::OnSpot => row.problem().is_some_and(|p| p.data.rectified_on_spot.is_some()),
            Subset::Inadequate => row.rectification().is_some_and(|r| r.data.inadequate_count() > 0),
            Subset::TransferredTo(to) => {
                row.clue().is_some_and(|c| c.data.transferred_on.is_some() && c.data.recipient == *to)
            }
            Subset::Sent => row.letter().is_some_and(|l| l.data.sent_on.is_some()),
            Subset::LookedBack { rects, .. } => {
                row.rectification().is_some_and(|r| rects.binary_search(&r.meta.id).is_ok())
            }
        }
    }

    /// The part in words, for the filter's description.
    pub fn words(&self, lang: Lang) -> String {
        match self {
            Subset::Common => T::ScopeCommon.text(lang).to_owned(),
            Subset::Individual => T::ScopeIndividual.text(lang).to_owned(),
            Subset::OnSpot => T::StatsOnSpot.text(lang).to_owned(),
            Subset::Inadequate => T::StatsInadequate.text(lang).to_owned(),
            Subset::TransferredTo(to) => format!("{}{}", T::ColRecipient.text(lang), to.label().text(lang)),
            Subset::Sent => T::StatsLettersSent.text(lang).to_owned(),
            Subset::LookedBack { verdict, .. } => {
                let title = T::LookBackTitle.text(lang);
                match verdict {
                    Some(v) => format!("{title}{}{}", if lang == Lang::Zh { "：" } else { ": " }, v.label().text(lang)),
                    None => title.to_owned(),
                }
            }
        }
    }
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
        if let Some((a, b)) = self.rounds_starting {
            if row.round_start.is_none_or(|s| s < a || s > b) {
                return false;
            }
        }
        if (self.target_kind.is_some() && row.target_kind != self.target_kind) || (self.county_only && !row.county) {
            return false;
        }
        if !self.matches_parts(row, today) {
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

    /// The checks of focus, status, overdue and subset alone. A row that passed a
    /// filter passes one that differs from it only in these exactly when it passes
    /// them: the statistics count each figure's part of a base set this way.
    pub fn matches_parts(&self, row: &Row, today: Day) -> bool {
        if self.subset.as_ref().is_some_and(|s| !s.holds(row)) {
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
        !self.overdue_only || row.is_overdue(today)
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
        if let Some((a, b)) = self.rounds_starting {
            add(T::FilterRoundsStarting, format!("{a} – {b}"));
        }
        if let Some(k) = self.target_kind {
            add(T::FieldKind, k.label().text(lang).to_owned());
        }
        if !self.text.trim().is_empty() {
            add(T::FilterText, format!("“{}”", self.text.trim()));
        }
        if let Some(s) = &self.subset {
            parts.push(s.words(lang));
        }
        if self.county_only && d.rounds.iter().any(|r| !r.data.kind.is_county()) {
            parts.push(T::FilterCountyOnly.text(lang).to_owned());
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
