//! The rectification a 整改台账 row carries: its measures, unit, deadline and status,
//! with the status reached by the same steps a person would take, each marked in the
//! history as brought in from the old ledger.

use super::refusal::{RowProblem, Why};
use super::rows::{derived_id, Converter};
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

/// What a row says of a rectification's progress: its status, the day it was struck
/// off and the evidence, read alike for a new rectification and for an update.
pub(super) struct Progress {
    pub(super) status: RectStatus,
    pub(super) closed: Option<Day>,
    pub(super) evidence: Option<String>,
}

/// The status the row's words give: the status column, else struck off when a day
/// of striking off is given, else not started.
pub(super) fn progress(conv: &Converter<'_>, row: usize, errors: &mut Vec<RowProblem>) -> Progress {
    let closed = conv.day(row, Col::ClosedOn, errors);
    let words = conv.text(row, Col::Status);
    let status = if words.is_empty() {
        if closed.is_some() {
            RectStatus::Closed
        } else {
            RectStatus::NotStarted
        }
    } else {
        values::status(&words).unwrap_or_else(|| {
            errors.push(conv.problem(row, Col::Status, Why::UnknownStatus(words.clone())));
            RectStatus::NotStarted
        })
    };
    if closed.is_some() && status != RectStatus::Closed {
        errors.push(conv.problem(row, Col::ClosedOn, Why::ClosedButOpen));
    }
    // An 整改情况 that tells what was done is the evidence the ledger has; a bare "已完成" is none.
    let evidence = Some(conv.text(row, Col::Evidence))
        .filter(|e| !e.is_empty())
        .or_else(|| Some(words).filter(|s| s.chars().count() > 6));
    Progress { status, closed, evidence }
}

/// Takes `steps` as the ledger's, each marked as brought in: a start on `from`, a
/// submission and a striking off on the ledger's day struck off, else on a day
/// assumed and said in the striking off's note.
/// False, with the refusals, when a step breaks a rule.
#[allow(clippy::too_many_arguments)]
pub(super) fn take_steps(
    conv: &Converter<'_>,
    row: usize,
    rect: &mut Rectification,
    steps: &[Step],
    from: Day,
    progress: &Progress,
    note: &str,
    errors: &mut Vec<RowProblem>,
) -> bool {
    let lang = conv.defaults().lang;
    let not_recorded = T::IntakeNotRecorded.text(lang);
    let today = conv.defaults().now.local_date_day();
    // A day struck off that the ledger did not keep: its deadline, or today if that is
    // still ahead, said in the step's note so no one takes it for the ledger's own.
    let close_on = progress.closed.unwrap_or_else(|| rect.deadline.min(today).max(from));
    let close_note = match progress.closed {
        Some(_) => note.to_owned(),
        None => crate::i18n::fill(T::IntakeCloseDayAssumed.text(lang), &[("day", &close_on)]),
    };
    for step in steps {
        let on = if matches!(step, Step::Start | Step::LongTerm) { from } else { close_on };
        let mut input = StepInput::new(*step, on);
        input.note = note.to_owned();
        if *step == Step::Close {
            input.note = close_note.clone();
            input.verifier = Some(conv.text(row, Col::Verifier))
                .filter(|v| !v.is_empty())
                .or_else(|| Some(rect.verifier.clone()).filter(|v| !v.is_empty()))
                .unwrap_or_else(|| not_recorded.to_owned());
            input.evidence = progress.evidence.clone().unwrap_or_else(|| not_recorded.to_owned());
        }
        if let Err(invalid) = rect.apply(input) {
            errors.extend(invalid.into_iter().map(|i| conv.refusal_of(row, i)));
            return false;
        }
    }
    if rect.status != RectStatus::Closed {
        if let Some(e) = &progress.evidence {
            rect.evidence = e.clone();
        }
    }
    true
}

/// The steps from one status to a later one, as a person would take them; none
/// when `to` is not further along than `from`.
pub(super) fn steps_between(from: RectStatus, to: RectStatus) -> &'static [Step] {
    use RectStatus::*;
    match (from, to) {
        (NotStarted, InProgress) => &[Step::Start],
        (NotStarted | InProgress, LongTerm) => &[Step::LongTerm],
        (NotStarted, AwaitingVerification) => &[Step::Start, Step::Submit],
        (InProgress | LongTerm, AwaitingVerification) => &[Step::Submit],
        (NotStarted, Closed) => &[Step::Start, Step::Submit, Step::Close],
        (InProgress | LongTerm, Closed) => &[Step::Submit, Step::Close],
        (AwaitingVerification, Closed) => &[Step::Close],
        _ => &[],
    }
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
    if conv.cell(row, Col::Deadline).is_none_or(|c| c.is_blank()) {
        errors.push(conv.problem(row, Col::Deadline, Why::Missing(Col::Deadline)));
    }
    let progress = progress(conv, row, errors);
    if progress.closed.is_some_and(|c| c < fed_back) {
        errors.push(conv.problem(row, Col::ClosedOn, Why::ClosedBeforeFeedback));
        return None;
    }
    let deadline = deadline?;
    let mut rect = Rectification::new(problem.meta.id, deadline);
    rect.measures = conv.text(row, Col::Measures);
    rect.unit = unit_of(conv, row, problem);
    rect.person = conv.text(row, Col::Person);
    let steps = steps_between(RectStatus::NotStarted, progress.status);
    let note = T::IntakeStepNote.text(conv.defaults().lang);
    if !take_steps(conv, row, &mut rect, steps, fed_back, &progress, note, errors) {
        return None;
    }
    let id = derived_id(&["rectification", &problem.meta.id.to_string()]);
    // Checked against its own problem: a new problem has no rectification kept yet.
    if let Err(invalid) = rect.validate(id, std::slice::from_ref(problem), &[]) {
        errors.extend(invalid.into_iter().map(|i| conv.refusal_of(row, i)));
    }
    Some(conv.envelope(id, rect))
}

/// The 责任单位: the row's, else the inspected unit itself by its registered name.
fn unit_of(conv: &Converter<'_>, row: usize, problem: &Record<Problem>) -> String {
    let registered =
        conv.stored().targets.iter().find(|t| t.meta.id == problem.data.target).map(|t| t.data.name.clone());
    Some(conv.text(row, Col::Unit))
        .filter(|u| !u.is_empty())
        .or(registered)
        .unwrap_or_else(|| conv.text(row, Col::Target))
}
