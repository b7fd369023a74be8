//! A ledger cell: the value one column shows for one row, typed so that sorting,
//! the screen, .xlsx and CSV agree on dates and counts.

use super::table::{Col, Item, Row};
use crate::clue::Clue;
use crate::date::Day;
use crate::i18n::{Label, Lang, T};
use crate::problem::Problem;
use crate::recommendation::Recommendation;
use crate::rectification::Rectification;
use std::cmp::Ordering;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    Day(Option<Day>),
    Count(u32),
    /// A score in tenths of a point, written as the number it is (84.5).
    Tenths(u32),
}

impl Cell {
    pub fn text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Day(d) => d.map(|d| d.to_string()).unwrap_or_default(),
            Cell::Count(n) => n.to_string(),
            Cell::Tenths(n) => crate::ecology::Points(*n).to_string(),
        }
    }

    /// Blanks sort last whichever way the list is sorted.
    pub(super) fn compare(&self, other: &Cell) -> Ordering {
        match (self, other) {
            (Cell::Day(a), Cell::Day(b)) => match (a, b) {
                (Some(a), Some(b)) => a.cmp(b),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            },
            (Cell::Count(a), Cell::Count(b)) | (Cell::Tenths(a), Cell::Tenths(b)) => a.cmp(b),
            (a, b) => a.text().cmp(&b.text()),
        }
    }

    pub(super) fn is_blank(&self) -> bool {
        match self {
            Cell::Text(s) => s.is_empty(),
            Cell::Day(d) => d.is_none(),
            Cell::Count(_) | Cell::Tenths(_) => false,
        }
    }
}

impl Row {
    /// The value of one column.
    pub fn cell(&self, col: Col, lang: Lang, today: Day) -> Cell {
        let text = |s: &str| Cell::Text(s.to_owned());
        let label = |t: T| Cell::Text(t.text(lang).to_owned());
        let flag = |on: bool, t: T| if on { label(t) } else { Cell::Text(String::new()) };
        match col {
            Col::Round => text(&self.round_title),
            Col::Group => text(&self.group_name),
            Col::Target => text(&self.target_name),
            Col::Township => text(&self.township_name),
            Col::Overdue => flag(self.is_overdue(today), T::OverdueMark),
            _ => match &self.item {
                Item::Problem(p, r) => problem_cell(&p.data, r.as_ref().map(|r| &r.data), col, lang),
                Item::Clue(c) => clue_cell(&c.data, col, lang),
                Item::Letter(l) => letter_cell(&l.data, col),
            },
        }
    }
}

fn problem_cell(p: &Problem, r: Option<&Rectification>, col: Col, lang: Lang) -> Cell {
    let text = |s: &str| Cell::Text(s.to_owned());
    let label = |t: T| Cell::Text(t.text(lang).to_owned());
    let blank = || Cell::Text(String::new());
    match col {
        Col::Focus => label(p.focus.label()),
        Col::SubCategory => text(&p.sub_category),
        Col::Description => text(&p.description),
        Col::Source => label(p.source.label()),
        Col::FoundOn => Cell::Day(Some(p.found_on)),
        Col::Scope => label(p.scope.label()),
        Col::OnSpot => Cell::Day(p.rectified_on_spot),
        Col::Status => label(problem_state(p, r)),
        Col::Deadline => Cell::Day(r.map(|r| r.deadline)),
        Col::Measures => r.map(|r| text(&r.measures)).unwrap_or_else(blank),
        Col::Unit => r.map(|r| text(&r.unit)).unwrap_or_else(blank),
        Col::Person => r.map(|r| text(&r.person)).unwrap_or_else(blank),
        Col::Verifier => r.map(|r| text(&r.verifier)).unwrap_or_else(blank),
        Col::Evidence => r.map(|r| text(&r.evidence)).unwrap_or_else(blank),
        Col::ClosedOn => Cell::Day(r.and_then(|r| r.closed_on)),
        Col::Inadequate => Cell::Count(r.map(|r| r.inadequate_count() as u32).unwrap_or(0)),
        _ => blank(),
    }
}

/// Where a problem stands: its rectification's status, or before that 立行立改 / 已反馈 / 未反馈.
pub fn problem_state(p: &Problem, r: Option<&Rectification>) -> T {
    match r {
        Some(r) => r.status.label(),
        None if p.rectified_on_spot.is_some() => T::StateOnSpot,
        None if p.fed_back_on.is_some() => T::StateFedBack,
        None => T::StateNotFedBack,
    }
}

fn clue_cell(c: &Clue, col: Col, lang: Lang) -> Cell {
    let text = |s: &str| Cell::Text(s.to_owned());
    match col {
        Col::Summary => text(&c.summary),
        Col::Cadres => Cell::Count(c.cadres),
        Col::Others => Cell::Count(c.others),
        Col::Names => text(&c.names),
        // Where a clue went says nothing until it has gone: the form's default
        // recipient is not a transfer.
        Col::Recipient if c.transferred_on.is_none() => Cell::Text(String::new()),
        Col::Recipient => match c.recipient {
            crate::clue::Recipient::Other => text(&c.recipient_other),
            r => text(r.label().text(lang)),
        },
        Col::TransferredOn => Cell::Day(c.transferred_on),
        Col::Disposal => text(c.disposal.map(|d| d.label().text(lang)).unwrap_or_default()),
        Col::FeedbackDue => Cell::Day(c.feedback_due()),
        Col::Result => text(&c.result),
        Col::ClosedOn => Cell::Day(c.closed_on),
        _ => Cell::Text(String::new()),
    }
}

fn letter_cell(l: &Recommendation, col: Col) -> Cell {
    let text = |s: &str| Cell::Text(s.to_owned());
    match col {
        Col::Addressee => text(&l.addressee),
        Col::Sector => text(&l.sector),
        Col::ProblemCount => Cell::Count(l.problems.len() as u32),
        Col::SentOn => Cell::Day(l.sent_on),
        Col::Response => text(&l.response),
        Col::RespondedOn => Cell::Day(l.responded_on),
        _ => Cell::Text(String::new()),
    }
}
