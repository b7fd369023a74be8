//! The rectification a 整改台账 row carries: its measures, unit, deadline and status,
//! with the status reached by the same steps a person would take, each marked in the
//! history as brought in from the old ledger.

use super::refusal::{RowProblem, Why};
use super::rows::{derived_id, field_col, Converter};
use super::values;
use crate::date::Day;
use crate::i18n::T;
use crate::ledger::table::Col;
use crate::problem::Problem;
use crate::record::Record;
use crate::rectification::{RectStatus, Rectification, Step, StepInput};

/// The columns only a rectification has.
const RECT_COLS: [Col; 8] =
    [Col::Measures, Col::Unit, Col::Person, Col::Deadline, Col::Status, Col::Verifier, Col::Evidence, Col::ClosedOn];

/// Whether the row says anything of a rectification.
pub(super) fn has_rectification(conv: &Converter<'_>, row: usize) -> bool {
    RECT_COLS.iter().any(|c| conv.cell(row, *c).is_some_and(|cell| !cell.is_blank()))
}

/// The status the row's words give: the status column, else struck off when a day
/// of striking off is given, else not started.
fn status_of(conv: &Converter<'_>, row: usize, closed: Option<Day>, errors: &mut Vec<RowProblem>) -> RectStatus {
    let words = conv.text(row, Col::Status);
    if words.is_empty() {
        return if closed.is_some() { RectStatus::Closed } else { RectStatus::NotStarted };
    }
    values::status(&words).unwrap_or_else(|| {
        errors.push(conv.problem(row, Col::Status, Why::UnknownStatus(words)));
        RectStatus::NotStarted
    })
}

pub(super) fn build(
    conv: &Converter<'_>,
    row: usize,
    problem: &Record<Problem>,
    errors: &mut Vec<RowProblem>,
) -> Option<Record<Rectification>> {
    let Some(fed_back) = problem.data.fed_back_on else {
        let target = conv.text(row, Col::Target);
        errors.push(conv.problem(row, Col::Target, Why::NoFeedback { target }));
        return None;
    };
    let deadline = conv.day(row, Col::Deadline, errors);
    let closed = conv.day(row, Col::ClosedOn, errors);
    if conv.cell(row, Col::Deadline).is_none_or(|c| c.is_blank()) {
        errors.push(conv.problem(row, Col::Deadline, Why::Missing(Col::Deadline)));
    }
    let status = status_of(conv, row, closed, errors);
    if closed.is_some() && status != RectStatus::Closed {
        errors.push(conv.problem(row, Col::ClosedOn, Why::ClosedButOpen));
    }
    if closed.is_some_and(|c| c < fed_back) {
        errors.push(conv.problem(row, Col::ClosedOn, Why::ClosedBeforeFeedback));
        return None;
    }
    let deadline = deadline?;
    let lang = conv.defaults().lang;
    let mut rect = Rectification::new(problem.meta.id, deadline);
    rect.measures = conv.text(row, Col::Measures);
    // A blank 责任单位 is the inspected unit itself, by its registered name.
    let registered =
        conv.stored().targets.iter().find(|t| t.meta.id == problem.data.target).map(|t| t.data.name.clone());
    rect.unit = Some(conv.text(row, Col::Unit))
        .filter(|u| !u.is_empty())
        .or(registered)
        .unwrap_or_else(|| conv.text(row, Col::Target));
    rect.person = conv.text(row, Col::Person);
    let status_words = conv.text(row, Col::Status);
    // An 整改情况 that tells what was done is the evidence the ledger has; a bare "已完成" is none.
    let evidence = Some(conv.text(row, Col::Evidence))
        .filter(|e| !e.is_empty())
        .or_else(|| Some(status_words.clone()).filter(|s| s.chars().count() > 6));
    let not_recorded = T::IntakeNotRecorded.text(lang);
    let note = T::IntakeStepNote.text(lang);
    let today = conv.defaults().now.local_date_day();
    // A day struck off that the ledger did not keep: its deadline, or today if that is
    // still ahead, said in the step's note so no one takes it for the ledger's own.
    let close_on = closed.unwrap_or_else(|| deadline.min(today).max(fed_back));
    let close_note = match closed {
        Some(_) => note.to_owned(),
        None => crate::i18n::fill(T::IntakeCloseDayAssumed.text(lang), &[("day", &close_on)]),
    };
    let steps: &[Step] = match status {
        RectStatus::NotStarted => &[],
        RectStatus::InProgress => &[Step::Start],
        RectStatus::LongTerm => &[Step::LongTerm],
        RectStatus::AwaitingVerification => &[Step::Start, Step::Submit],
        RectStatus::Closed => &[Step::Start, Step::Submit, Step::Close],
    };
    for step in steps {
        let mut input =
            StepInput::new(*step, if *step == Step::Start || *step == Step::LongTerm { fed_back } else { close_on });
        input.note = note.to_owned();
        if *step == Step::Close {
            input.note = close_note.clone();
            input.verifier = Some(conv.text(row, Col::Verifier))
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| not_recorded.to_owned());
            input.evidence = evidence.clone().unwrap_or_else(|| not_recorded.to_owned());
        }
        if let Err(invalid) = rect.apply(input) {
            errors.extend(invalid.into_iter().map(|i| conv.problem(row, field_col(i.field), Why::Rule(i.msg))));
            return None;
        }
    }
    if status != RectStatus::Closed {
        if let Some(e) = evidence {
            rect.evidence = e;
        }
    }
    let id = derived_id(&["rectification", &problem.meta.id.to_string()]);
    // Checked against its own problem: a new problem has no rectification kept yet.
    if let Err(invalid) = rect.validate(id, std::slice::from_ref(problem), &[]) {
        errors.extend(invalid.into_iter().map(|i| conv.problem(row, field_col(i.field), Why::Rule(i.msg))));
    }
    Some(conv.envelope(id, rect))
}
