//! The 台账 as tables: rows joined once from a `Snapshot`, then filtered, sorted and
//! counted in memory, so a keystroke in the search box never touches the database.

use super::cell::Cell;
use super::filter::LedgerFilter;
use crate::clue::Clue;
use crate::date::Day;
use crate::i18n::{Lang, T};
use crate::id::Id;
use crate::problem::Problem;
use crate::recommendation::Recommendation;
use crate::record::Record;
use crate::rectification::Rectification;
use crate::target::TargetKind;
use std::cmp::Ordering;

/// The four ledgers, each a tab and a route.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LedgerKind {
    Problems,
    Rectifications,
    Clues,
    Letters,
}

impl LedgerKind {
    pub const ALL: [LedgerKind; 4] =
        [LedgerKind::Problems, LedgerKind::Rectifications, LedgerKind::Clues, LedgerKind::Letters];

    /// The word in the URL hash.
    pub fn slug(self) -> &'static str {
        match self {
            LedgerKind::Problems => "problems",
            LedgerKind::Rectifications => "rectifications",
            LedgerKind::Clues => "clues",
            LedgerKind::Letters => "letters",
        }
    }

    pub fn from_slug(slug: &str) -> Option<LedgerKind> {
        LedgerKind::ALL.into_iter().find(|k| k.slug() == slug)
    }

    pub fn title(self) -> T {
        match self {
            LedgerKind::Problems => T::LedgerProblems,
            LedgerKind::Rectifications => T::LedgerRectifications,
            LedgerKind::Clues => T::LedgerClues,
            LedgerKind::Letters => T::LedgerLetters,
        }
    }

    /// The columns shown, exported and printed, in order. Names of persons in
    /// clues are sensitive and appear only when asked for.
    pub fn columns(self, show_names: bool) -> Vec<Col> {
        use Col::*;
        match self {
            LedgerKind::Problems => vec![
                Round,
                Group,
                Target,
                Township,
                Focus,
                SubCategory,
                Description,
                Source,
                FoundOn,
                Scope,
                OnSpot,
                Status,
                Deadline,
                Overdue,
            ],
            LedgerKind::Rectifications => vec![
                Round,
                Target,
                Township,
                Description,
                Measures,
                Unit,
                Person,
                Deadline,
                Status,
                Overdue,
                Verifier,
                Evidence,
                ClosedOn,
                Inadequate,
            ],
            LedgerKind::Clues => {
                let mut cols = vec![Round, Group, Target, Township, Summary, Cadres, Others];
                if show_names {
                    cols.push(Names);
                }
                cols.extend([Recipient, TransferredOn, Disposal, FeedbackDue, Overdue, Result, ClosedOn]);
                cols
            }
            LedgerKind::Letters => vec![Round, Addressee, Sector, ProblemCount, SentOn, Response, RespondedOn],
        }
    }

    /// The column a fresh list is sorted by.
    pub fn default_sort(self) -> Col {
        match self {
            LedgerKind::Problems => Col::FoundOn,
            LedgerKind::Rectifications => Col::Deadline,
            LedgerKind::Clues => Col::TransferredOn,
            LedgerKind::Letters => Col::SentOn,
        }
    }
}

/// Every column of every ledger; in a saved sheet mapping by its snake_case name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Col {
    Round,
    Group,
    Target,
    Township,
    Focus,
    SubCategory,
    Description,
    Source,
    FoundOn,
    Scope,
    OnSpot,
    Status,
    Measures,
    Unit,
    Person,
    Deadline,
    Overdue,
    Verifier,
    Evidence,
    ClosedOn,
    Inadequate,
    Summary,
    Cadres,
    Others,
    Names,
    Recipient,
    TransferredOn,
    Disposal,
    FeedbackDue,
    Result,
    Addressee,
    Sector,
    ProblemCount,
    SentOn,
    Response,
    RespondedOn,
    /// A target's kind and party organisation: read from a register sheet, shown in no ledger.
    TargetKind,
    OrgForm,
    /// A talent-pool list's columns: read from a sheet, shown in no ledger. The
    /// person's unit is read from the `Target` column (工作单位).
    PersonName,
    Post,
    Rank,
    Pools,
    FullTime,
    Specialty,
    Joined,
}

impl Col {
    pub fn label(self) -> T {
        match self {
            Col::Round => T::ColRound,
            Col::Group => T::ColGroup,
            Col::Target => T::ColTarget,
            Col::Township => T::ColTownship,
            Col::Focus => T::ColFocus,
            Col::SubCategory => T::ColSubCategory,
            Col::Description => T::ColDescription,
            Col::Source => T::ColSource,
            Col::FoundOn => T::ColFoundOn,
            Col::Scope => T::ColScope,
            Col::OnSpot => T::ColOnSpot,
            Col::Status => T::ColStatus,
            Col::Measures => T::ColMeasures,
            Col::Unit => T::ColUnit,
            Col::Person => T::ColPerson,
            Col::Deadline => T::ColDeadline,
            Col::Overdue => T::ColOverdue,
            Col::Verifier => T::ColVerifier,
            Col::Evidence => T::ColEvidence,
            Col::ClosedOn => T::ColClosedOn,
            Col::Inadequate => T::ColInadequate,
            Col::Summary => T::ColSummary,
            Col::Cadres => T::ColCadres,
            Col::Others => T::ColOthers,
            Col::Names => T::ColNames,
            Col::Recipient => T::ColRecipient,
            Col::TransferredOn => T::ColTransferredOn,
            Col::Disposal => T::ColDisposal,
            Col::FeedbackDue => T::ColFeedbackDue,
            Col::Result => T::ColResult,
            Col::Addressee => T::ColAddressee,
            Col::Sector => T::ColSector,
            Col::ProblemCount => T::ColProblemCount,
            Col::SentOn => T::ColSentOn,
            Col::Response => T::ColResponse,
            Col::RespondedOn => T::ColRespondedOn,
            Col::TargetKind => T::FieldKind,
            Col::OrgForm => T::FieldOrgForm,
            Col::PersonName => T::FieldPersonName,
            Col::Post => T::FieldPost,
            Col::Rank => T::FieldRank,
            Col::Pools => T::FieldPools,
            Col::FullTime => T::FieldFullTime,
            Col::Specialty => T::FieldSpecialty,
            Col::Joined => T::FieldJoined,
        }
    }

    /// A spreadsheet column width, in characters: long texts wide, dates and counts narrow.
    pub fn width(self) -> f64 {
        match self {
            Col::Description | Col::Measures | Col::Summary | Col::Response | Col::Result => 40.0,
            Col::Round => 26.0,
            Col::Focus | Col::Evidence | Col::Addressee => 22.0,
            Col::Target | Col::Township | Col::Unit | Col::Sector | Col::Names | Col::Recipient => 16.0,
            Col::TargetKind | Col::OrgForm | Col::Post | Col::Pools => 14.0,
            Col::PersonName | Col::Rank | Col::FullTime | Col::Specialty | Col::Joined => 10.0,
            Col::Group | Col::SubCategory | Col::Source | Col::Status | Col::Disposal => 12.0,
            Col::FoundOn
            | Col::OnSpot
            | Col::Deadline
            | Col::ClosedOn
            | Col::TransferredOn
            | Col::FeedbackDue
            | Col::SentOn
            | Col::RespondedOn => 12.0,
            Col::Scope | Col::Person | Col::Verifier => 10.0,
            Col::Overdue | Col::Inadequate | Col::Cadres | Col::Others | Col::ProblemCount => 8.0,
        }
    }
}

/// One table cell, typed so that spreadsheets get real dates and numbers.
/// What one row is about.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Problem(Record<Problem>, Option<Box<Record<Rectification>>>),
    Clue(Record<Clue>),
    Letter(Record<Recommendation>),
}

/// A ledger row with the names it shows already joined in.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub item: Item,
    pub term: Option<Id>,
    pub round: Id,
    pub group: Option<Id>,
    pub target: Option<Id>,
    pub township: Option<Id>,
    /// The round's start, for counting by year.
    pub round_start: Option<Day>,
    /// Of one of the county's own rounds, not one fed back from above.
    pub county: bool,
    pub target_kind: Option<TargetKind>,
    pub round_title: String,
    pub group_name: String,
    pub target_name: String,
    pub township_name: String,
    /// Lower-cased text of the row, searched by substring.
    pub(super) haystack: String,
}

impl Row {
    pub fn id(&self) -> Id {
        match &self.item {
            Item::Problem(p, _) => p.meta.id,
            Item::Clue(c) => c.meta.id,
            Item::Letter(l) => l.meta.id,
        }
    }

    pub fn problem(&self) -> Option<&Record<Problem>> {
        match &self.item {
            Item::Problem(p, _) => Some(p),
            _ => None,
        }
    }

    pub fn rectification(&self) -> Option<&Record<Rectification>> {
        match &self.item {
            Item::Problem(_, r) => r.as_deref(),
            _ => None,
        }
    }

    pub fn clue(&self) -> Option<&Record<Clue>> {
        match &self.item {
            Item::Clue(c) => Some(c),
            _ => None,
        }
    }

    pub fn letter(&self) -> Option<&Record<Recommendation>> {
        match &self.item {
            Item::Letter(l) => Some(l),
            _ => None,
        }
    }

    /// Overdue by the rule of its kind: a rectification past its deadline, a clue past its feedback date.
    pub fn is_overdue(&self, today: Day) -> bool {
        match &self.item {
            Item::Problem(_, r) => r.as_ref().is_some_and(|r| r.data.is_overdue(today)),
            Item::Clue(c) => c.data.is_overdue(today),
            Item::Letter(_) => false,
        }
    }

    /// The date the date-range filter looks at in `kind`.
    pub(super) fn date(&self, kind: LedgerKind) -> Option<Day> {
        match (&self.item, kind) {
            (Item::Problem(_, r), LedgerKind::Rectifications) => r.as_ref().map(|r| r.data.deadline),
            (Item::Problem(p, _), _) => Some(p.data.found_on),
            (Item::Clue(c), _) => c.data.transferred_on,
            (Item::Letter(l), _) => l.data.sent_on,
        }
    }
}

/// All rows of every ledger, joined once per change of the data.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ledger {
    /// One row per problem, with its rectification if it has one.
    pub problems: Vec<Row>,
    pub clues: Vec<Row>,
    pub letters: Vec<Row>,
    /// The language its names were joined in.
    pub lang: Lang,
    /// Moved on by every `build` and `apply`.
    pub version: u64,
    /// What the last `apply` changed; `None` after `build`.
    pub changed: Option<super::join::Changed>,
}

impl Ledger {
    /// The rows a ledger draws from: rectifications are the problems that have one.
    pub fn rows(&self, kind: LedgerKind) -> &[Row] {
        match kind {
            LedgerKind::Problems | LedgerKind::Rectifications => &self.problems,
            LedgerKind::Clues => &self.clues,
            LedgerKind::Letters => &self.letters,
        }
    }

    /// Row positions in `rows(kind)` sorted by `col`; blanks last either way.
    pub fn sorted(
        &self,
        kind: LedgerKind,
        col: Col,
        descending: bool,
        lang: Lang,
        today: Day,
        collator: &dyn crate::collate::Collator,
    ) -> Vec<usize> {
        let rows = self.rows(kind);
        let keys: Vec<Cell> = rows.iter().map(|r| r.cell(col, lang, today)).collect();
        // Texts (names, descriptions) sort in the collator's order: pinyin in the browser.
        let texts: Vec<String> =
            keys.iter().map(|c| if matches!(c, Cell::Text(_)) { c.text() } else { String::new() }).collect();
        let ranks = if keys.iter().any(|c| matches!(c, Cell::Text(_))) {
            collator.ranks(&texts.iter().map(String::as_str).collect::<Vec<_>>())
        } else {
            Vec::new()
        };
        let mut order: Vec<usize> = (0..rows.len()).collect();
        order.sort_by(|a, b| {
            let (x, y) = (&keys[*a], &keys[*b]);
            let by_value = || match (x, y) {
                (Cell::Text(_), Cell::Text(_)) => ranks[*a].cmp(&ranks[*b]),
                _ => x.compare(y),
            };
            in_order(x, y, descending, by_value)
        });
        order
    }

    /// `prev`, the order `sorted` gave before the last `apply`, brought up to date by
    /// moving only the rows that `apply` joined again: the same order `sorted` gives
    /// now (ties stay in row order, as a stable sort leaves them). `None` when that
    /// cannot be done so: rows went, the changes are not the last `apply`'s, or a
    /// changed row sorts by text, which only the collator can place.
    #[allow(clippy::too_many_arguments)]
    pub fn resorted(
        &self,
        kind: LedgerKind,
        prev: &[usize],
        col: Col,
        descending: bool,
        lang: Lang,
        today: Day,
    ) -> Option<Vec<usize>> {
        let changed = self.changed.as_ref().filter(|c| c.kept_order)?;
        let moved = match kind {
            LedgerKind::Problems | LedgerKind::Rectifications => &changed.problems,
            LedgerKind::Clues => &changed.clues,
            LedgerKind::Letters => &changed.letters,
        };
        let rows = self.rows(kind);
        if prev.len() + moved.iter().filter(|i| **i >= prev.len()).count() != rows.len() {
            return None;
        }
        let cell = |i: usize| rows.get(i).map(|r| r.cell(col, lang, today));
        let moving: std::collections::HashSet<usize> = moved.iter().copied().collect();
        let mut order: Vec<usize> = prev.iter().copied().filter(|i| !moving.contains(i)).collect();
        for i in moved {
            let x = cell(*i)?;
            if matches!(x, Cell::Text(_)) {
                return None;
            }
            let at = order.partition_point(|j| {
                let y = cell(*j).unwrap_or(Cell::Day(None));
                let by = in_order(&y, &x, descending, || y.compare(&x));
                by == Ordering::Less || (by == Ordering::Equal && *j < *i)
            });
            order.insert(at, *i);
        }
        Some(order)
    }

    /// Keeps the positions of `order` whose rows pass `filter`, in the same order.
    pub fn filter(&self, kind: LedgerKind, order: &[usize], filter: &LedgerFilter, today: Day) -> Vec<usize> {
        let rows = self.rows(kind);
        let needle = filter.text.trim().to_lowercase();
        order
            .iter()
            .copied()
            .filter(|i| rows.get(*i).is_some_and(|r| filter.matches(kind, r, &needle, today)))
            .collect()
    }
}

/// `x` before `y`: blanks last either way, `by_value` otherwise, reversed when descending.
fn in_order(x: &Cell, y: &Cell, descending: bool, by_value: impl FnOnce() -> Ordering) -> Ordering {
    match (x.is_blank(), y.is_blank()) {
        (true, false) => Ordering::Greater,
        (false, true) => Ordering::Less,
        _ if descending => by_value().reverse(),
        _ => by_value(),
    }
}
