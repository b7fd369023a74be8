//! A later version of a 整改台账: a row whose problem and rectification are kept here
//! and that is further along (a later status, or a later deadline) moves the kept
//! rectification on by the steps a person would take, each marked as brought in, and
//! brings its measures, unit and person with it, as one more edit of this office, so
//! the exchange carries it like any edit. A row no further along changes nothing: an
//! older ledger, or the same one again, never undoes what was recorded here since;
//! a row behind this PC, or one that only words its measures otherwise, is said.

use super::rect::{progress, steps_between, take_steps};
use super::refusal::RowProblem;
use super::rows::Converter;
use crate::i18n::T;
use crate::ledger::table::Col;
use crate::problem::Problem;
use crate::record::Record;
use crate::rectification::{RectStatus, Rectification, Step, StepInput};

/// Why a row leaves its kept rectification as it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Left {
    /// The row says what is kept.
    Same,
    /// The sheet's status is behind this PC's: this PC's stands.
    Behind { kept: RectStatus, sheet: RectStatus },
    /// No further along, and its measures, unit or person read otherwise: not taken.
    Differs,
    /// The row breaks a rule; `errors` says which.
    Refused,
}

/// The kept rectification as the row moves it on, or why it stays as it is.
pub(super) fn rectification(
    conv: &Converter<'_>,
    row: usize,
    kept: &Record<Rectification>,
    problem: &Record<Problem>,
    errors: &mut Vec<RowProblem>,
) -> Result<Record<Rectification>, Left> {
    let deadline = conv.day(row, Col::Deadline, errors);
    let progress = progress(conv, row, errors);
    if !errors.is_empty() {
        return Err(Left::Refused);
    }
    let mut rect = kept.data.clone();
    let steps = steps_between(rect.status, progress.status);
    let later = deadline.filter(|d| *d > rect.deadline && rect.allows(Step::Extend));
    let texts = [Col::Measures, Col::Unit, Col::Person].map(|c| conv.text(row, c));
    if steps.is_empty() && later.is_none() {
        let own = [&rect.measures, &rect.unit, &rect.person];
        return Err(if progress.status != rect.status {
            Left::Behind { kept: rect.status, sheet: progress.status }
        } else if texts.iter().zip(own).any(|(t, o)| !t.is_empty() && t != o) {
            Left::Differs
        } else {
            Left::Same
        });
    }
    // The sheet gives no day for a step but the day struck off: a start or an extension
    // is dated the day of the import (when the office learns of it), unless the item
    // was also submitted or struck off, whose day it must come before; never before the
    // last step kept.
    let fed_back = problem.data.fed_back_on.unwrap_or(rect.deadline);
    let last = rect.last_step_on().map_or(fed_back, |d| d.max(fed_back));
    let closing = steps.iter().any(|s| matches!(s, Step::Submit | Step::Close));
    let from = if closing { last } else { conv.defaults().now.local_date_day().max(last) };
    let note = T::IntakeUpdateNote.text(conv.defaults().lang);
    if let Some(new_deadline) = later {
        let mut input = StepInput::new(Step::Extend, from);
        input.note = note.to_owned();
        input.new_deadline = Some(new_deadline);
        if let Err(invalid) = rect.apply(input) {
            errors.extend(invalid.into_iter().map(|i| conv.refusal_of(row, i)));
            return Err(Left::Refused);
        }
    }
    if !take_steps(conv, row, &mut rect, steps, from, &progress, note, errors) {
        return Err(Left::Refused);
    }
    let [measures, unit, person] = texts;
    for (words, field) in [(measures, &mut rect.measures), (unit, &mut rect.unit), (person, &mut rect.person)] {
        if !words.is_empty() {
            *field = words;
        }
    }
    if let Err(invalid) = rect.validate(kept.meta.id, std::slice::from_ref(problem), &[]) {
        errors.extend(invalid.into_iter().map(|i| conv.refusal_of(row, i)));
        return Err(Left::Refused);
    }
    let mut meta = kept.meta.clone();
    let old = serde_json::to_value(&kept.data).unwrap_or_default();
    let new = serde_json::to_value(&rect).unwrap_or_default();
    let defaults = conv.defaults();
    meta.touch_fields(defaults.office, defaults.now, crate::exchange::fields::changed_paths(&old, &new));
    Ok(Record { meta, data: rect })
}
