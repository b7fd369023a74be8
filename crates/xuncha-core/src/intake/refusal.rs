//! What a refused row got wrong, named by its row number, its column's heading and
//! the reason in the user's language, as a clerk would say it.

use crate::i18n::{fill, Lang, T};
use crate::ledger::table::Col;

/// Why one cell (or one row) cannot be brought in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Why {
    /// A field every record of this kind needs is empty.
    Missing(Col),
    NotADate(String),
    /// Month and day with no year, and the sheet has no year given.
    NeedsYear(String),
    UnknownStatus(String),
    UnknownFocus(String),
    /// Words that are none of the choices of the field.
    UnknownChoice(String),
    NotACount(String),
    UnknownTarget(String),
    /// Several registered units have this name: the township tells them apart.
    AmbiguousTarget(String),
    UnknownRound(String),
    AmbiguousRound(String),
    /// No round column, no round in the title and none chosen for the sheet.
    NoRound,
    /// The unit was not inspected in that round.
    NotInspected {
        target: String,
        round: String,
    },
    /// A rectification for a unit whose feedback day is not recorded: rectification starts at feedback.
    NoFeedback {
        target: String,
    },
    /// A day struck off for a rectification whose status is not 已销号.
    ClosedButOpen,
    /// Struck off before the problem was fed back.
    ClosedBeforeFeedback,
    /// The same problem twice in the sheet.
    Repeated {
        first_row: usize,
    },
    /// A rule of the record, as the forms say it.
    Rule(T),
}

impl Why {
    pub fn message(&self, lang: Lang) -> String {
        let t = |key: T| key.text(lang);
        match self {
            Why::Missing(col) => fill(t(T::IntakeMissing), &[("field", &col.label().text(lang))]),
            Why::NotADate(v) => fill(t(T::IntakeNotADate), &[("value", v)]),
            Why::NeedsYear(v) => fill(t(T::IntakeNeedsYear), &[("value", v)]),
            Why::UnknownStatus(v) => fill(t(T::IntakeUnknownStatus), &[("value", v)]),
            Why::UnknownFocus(v) => fill(t(T::IntakeUnknownFocus), &[("value", v)]),
            Why::UnknownChoice(v) => fill(t(T::IntakeUnknownChoice), &[("value", v)]),
            Why::NotACount(v) => fill(t(T::IntakeNotACount), &[("value", v)]),
            Why::UnknownTarget(v) => fill(t(T::IntakeUnknownTarget), &[("value", v)]),
            Why::AmbiguousTarget(v) => fill(t(T::IntakeAmbiguousTarget), &[("value", v)]),
            Why::UnknownRound(v) => fill(t(T::IntakeUnknownRound), &[("value", v)]),
            Why::AmbiguousRound(v) => fill(t(T::IntakeAmbiguousRound), &[("value", v)]),
            Why::NoRound => t(T::IntakeNoRound).to_owned(),
            Why::NotInspected { target, round } => {
                fill(t(T::IntakeNotInspected), &[("target", target), ("round", round)])
            }
            Why::NoFeedback { target } => fill(t(T::IntakeNoFeedback), &[("target", target)]),
            Why::ClosedButOpen => t(T::IntakeClosedButOpen).to_owned(),
            Why::ClosedBeforeFeedback => t(T::IntakeClosedBeforeFeedback).to_owned(),
            Why::Repeated { first_row } => fill(t(T::IntakeRepeated), &[("row", first_row)]),
            Why::Rule(key) => t(*key).to_owned(),
        }
    }
}

/// One refusal: Excel's row number, the column's letters and heading, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    /// As Excel numbers rows, from 1.
    pub row: usize,
    /// 0-based; `None` when the row as a whole is at fault.
    pub col: Option<usize>,
    pub heading: String,
    /// The field the column is read as.
    pub field: Col,
    pub why: Why,
}

impl RowProblem {
    /// "第5行 E列“整改时限”：“下月底”不是日期".
    pub fn message(&self, lang: Lang) -> String {
        let place = match self.col {
            Some(c) => fill(
                T::IntakeAtCell.text(lang),
                &[("row", &self.row), ("col", &super::grid::column_letters(c)), ("heading", &self.heading)],
            ),
            None => fill(T::IntakeAtRow.text(lang), &[("row", &self.row)]),
        };
        format!("{place}{}", self.why.message(lang))
    }
}
