//! A later version of a 整改台账: a row whose problem and rectification are kept here
//! and that is further along (a later status, or a later deadline) moves the kept
//! rectification on by the steps a person would take, each marked as brought in, and
//! brings its measures, unit and person with it, as one more edit of this office, so
//! the exchange carries it like any edit. A row no further along changes nothing: an
//! older ledger, or the same one again, never undoes what was recorded here since.

use super::rect::{progress, steps_between, take_steps};
use super::refusal::RowProblem;
use super::rows::Converter;
use crate::ledger::table::Col;
use crate::problem::Problem;
use crate::record::Record;
use crate::rectification::{Rectification, Step, StepInput};

/// The kept rectification as the row moves it on; `None` when the row is no further
/// along, or when it breaks a rule (then `errors` says why).
pub(super) fn rectification(
    conv: &Converter<'_>,
    row: usize,
    kept: &Record<Rectification>,
    problem: &Record<Problem>,
    errors: &mut Vec<RowProblem>,
) -> Option<Record<Rectification>> {
    let deadline = conv.day(row, Col::Deadline, errors);
    let progress = progress(conv, row, errors);
    if !errors.is_empty() {
        return None;
    }
    let mut rect = kept.data.clone();
    let steps = steps_between(rect.status, progress.status);
    let later = deadline.filter(|d| *d > rect.deadline && rect.allows(Step::Extend));
    if steps.is_empty() && later.is_none() {
        return None;
    }
    // The day the ledger's new steps are dated from: none can come before the last one kept.
    let fed_back = problem.data.fed_back_on.unwrap_or(rect.deadline);
    let from = rect.last_step_on().map_or(fed_back, |d| d.max(fed_back));
    if let Some(new_deadline) = later {
        let mut input = StepInput::new(Step::Extend, from);
        input.note = crate::i18n::T::IntakeStepNote.text(conv.defaults().lang).to_owned();
        input.new_deadline = Some(new_deadline);
        if let Err(invalid) = rect.apply(input) {
            errors.extend(invalid.into_iter().map(|i| conv.refusal_of(row, i)));
            return None;
        }
    }
    if !take_steps(conv, row, &mut rect, steps, from, &progress, errors) {
        return None;
    }
    for (col, field) in
        [(Col::Measures, &mut rect.measures), (Col::Unit, &mut rect.unit), (Col::Person, &mut rect.person)]
    {
        let words = conv.text(row, col);
        if !words.is_empty() {
            *field = words;
        }
    }
    if let Err(invalid) = rect.validate(kept.meta.id, std::slice::from_ref(problem), &[]) {
        errors.extend(invalid.into_iter().map(|i| conv.refusal_of(row, i)));
        return None;
    }
    let mut meta = kept.meta.clone();
    let old = serde_json::to_value(&kept.data).unwrap_or_default();
    let new = serde_json::to_value(&rect).unwrap_or_default();
    let defaults = conv.defaults();
    meta.touch_fields(defaults.office, defaults.now, crate::exchange::fields::changed_paths(&old, &new));
    Some(Record { meta, data: rect })
}
