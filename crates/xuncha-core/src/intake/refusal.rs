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
    /// "长期坚持" as a deadline: long-term items are a status, with a stage's deadline.
    LongTermDeadline(String),
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
            Why::Missing(Col::Focus) => t(T::IntakeMissingFocus).to_owned(),
            Why::Missing(col) => fill(t(T::IntakeMissing), &[("field", &col.label().text(lang))]),
            Why::NotADate(v) => fill(t(T::IntakeNotADate), &[("value", v)]),
            Why::LongTermDeadline(v) => fill(t(T::IntakeLongTermDeadline), &[("value", v)]),
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

/// The refusals as a page lists them: one line per reason at one column, naming every
/// row it holds for ("第5、6、9行 C列“问题类别”：…"), in the order first met, so a
/// mistake made down a whole column is said once.
pub fn grouped(problems: &[RowProblem], lang: Lang) -> Vec<String> {
    let mut order: Vec<(Option<usize>, String, String, Vec<usize>)> = Vec::new();
    let mut at: std::collections::HashMap<(Option<usize>, String, String), usize> = std::collections::HashMap::new();
    for p in problems {
        let key = (p.col, p.heading.clone(), p.why.message(lang));
        match at.get(&key) {
            Some(i) => order[*i].3.push(p.row),
            None => {
                at.insert(key.clone(), order.len());
                order.push((key.0, key.1, key.2, vec![p.row]));
            }
        }
    }
    order
        .into_iter()
        .map(|(col, heading, why, rows)| {
            const SHOWN: usize = 10;
            let sep = if lang == Lang::Zh { "、" } else { ", " };
            let first: Vec<String> = rows.iter().take(SHOWN).map(usize::to_string).collect();
            let mut listed = first.join(sep);
            if rows.len() > SHOWN {
                listed = fill(T::IntakeRowsList.text(lang), &[("first", &listed), ("n", &rows.len())]);
            }
            let many = rows.len() > 1;
            let place = match col {
                Some(c) => fill(
                    if many { T::IntakeAtCells } else { T::IntakeAtCell }.text(lang),
                    &[("row", &listed), ("col", &super::grid::column_letters(c)), ("heading", &heading)],
                ),
                None => fill(if many { T::IntakeAtRows } else { T::IntakeAtRow }.text(lang), &[("row", &listed)]),
            };
            format!("{place}{why}")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(row: usize, why: Why) -> RowProblem {
        RowProblem { row, col: Some(2), heading: "问题类别".into(), field: Col::Focus, why }
    }

    #[test]
    fn a_mistake_down_a_column_is_said_once_with_its_rows() {
        let same = || Why::UnknownFocus("第四个聚焦".into());
        let list: Vec<RowProblem> = (5..20).map(|r| at(r, same())).chain([at(7, Why::Missing(Col::Focus))]).collect();
        let said = grouped(&list, Lang::Zh);
        assert_eq!(
            said,
            [
                "第5、6、7、8、9、10、11、12、13、14 等 15 行 C列“问题类别”：“第四个聚焦”不属于三个聚焦中的任何一个",
                "第7行 C列“问题类别”：缺少问题类别（三个聚焦）：可在表中补写，或在导入时指定未写类别的问题归入哪一类",
            ]
        );
        assert!(
            grouped(&list[..2], Lang::En)[0].starts_with("Rows 5, 6, column C"),
            "{:?}",
            grouped(&list[..2], Lang::En)
        );
    }
}
