//! The clue a 线索台账 row carries: its summary, persons, where it went and how it ended.

use super::refusal::{RowProblem, Why};
use super::rows::{derived_id, Converter};
use super::values::{self, squeeze};
use crate::clue::{Clue, Disposal, Recipient};
use crate::ledger::table::Col;
use crate::record::Record;

/// 移交单位 by its words: the catalogue's, or the body's usual short names.
fn recipient(words: &str) -> (Recipient, String) {
    if let Some(r) = values::by_label(&Recipient::ALL, words) {
        return (r, String::new());
    }
    let w = squeeze(words);
    // A township's 纪委 is not the county's: it is named as written.
    let local = ["乡", "镇", "街道"].iter().any(|l| w.contains(l));
    if (w.contains("纪委") || w.contains("监委")) && !local {
        (Recipient::DisciplineCommission, String::new())
    } else if w.contains("组织部") && !local {
        (Recipient::Organisation, String::new())
    } else {
        (Recipient::Other, words.trim().to_owned())
    }
}

/// A count of persons from a column, refused when it is no count.
fn count(conv: &Converter<'_>, row: usize, col: Col, errors: &mut Vec<RowProblem>) -> u32 {
    let Some(cell) = conv.cell(row, col) else { return 0 };
    values::count(cell).unwrap_or_else(|| {
        errors.push(conv.problem(row, col, Why::NotACount(cell.text())));
        0
    })
}

pub(super) fn build(conv: &Converter<'_>, row: usize, errors: &mut Vec<RowProblem>) -> Option<Record<Clue>> {
    let summary = conv.text(row, Col::Summary);
    if summary.is_empty() {
        errors.push(conv.problem(row, Col::Summary, Why::Missing(Col::Summary)));
    }
    let transferred = conv.day(row, Col::TransferredOn, errors);
    let closed = conv.day(row, Col::ClosedOn, errors);
    let (round, target, inspection) = conv.place(row, transferred, errors)?;
    if summary.is_empty() {
        return None;
    }
    let mut clue = Clue::new(round, target);
    clue.summary = summary;
    clue.cadres = count(conv, row, Col::Cadres, errors);
    clue.others = count(conv, row, Col::Others, errors);
    clue.names = conv.text(row, Col::Names);
    let to = conv.text(row, Col::Recipient);
    if !to.is_empty() {
        (clue.recipient, clue.recipient_other) = recipient(&to);
    }
    clue.transferred_on = transferred;
    clue.disposal = conv.choice::<Disposal>(row, Col::Disposal, &Disposal::ALL, errors);
    clue.result = conv.text(row, Col::Result);
    // An 办理情况 column that holds only a disposal's word ("初步核实") says how it was disposed of.
    if clue.disposal.is_none() {
        if let Some(d) = values::by_label(&Disposal::ALL, &clue.result) {
            clue.disposal = Some(d);
            clue.result.clear();
        }
    }
    clue.closed_on = closed;
    let rounds: Vec<_> = conv.stored().rounds.iter().filter(|r| r.meta.id == round).cloned().collect();
    if let Err(invalid) = clue.validate(&rounds, std::slice::from_ref(inspection)) {
        errors.extend(invalid.into_iter().map(|i| conv.refusal_of(row, i)));
    }
    let office = conv.defaults().office.to_string();
    let id = derived_id(&["clue", &office, &round.to_string(), &target.to_string(), &squeeze(&clue.summary)]);
    Some(conv.envelope(id, clue))
}
