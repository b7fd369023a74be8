//! The 巡察建议书 a letters ledger row carries: the department it went to, the sector,
//! when it was sent and what came back. The problems a letter lists are not in such a
//! ledger; they are linked in the app afterwards.

use super::refusal::{RowProblem, Why};
use super::rows::{derived_id, Converter};
use super::values::squeeze;
use crate::ledger::table::Col;
use crate::recommendation::Recommendation;
use crate::record::Record;

pub(super) fn build(conv: &Converter<'_>, row: usize, errors: &mut Vec<RowProblem>) -> Option<Record<Recommendation>> {
    let addressee = conv.text(row, Col::Addressee);
    if addressee.is_empty() {
        errors.push(conv.problem(row, Col::Addressee, Why::Missing(Col::Addressee)));
    }
    let sent = conv.day(row, Col::SentOn, errors);
    let responded = conv.day(row, Col::RespondedOn, errors);
    let round = conv.round_of(row, sent, errors)?;
    if addressee.is_empty() {
        return None;
    }
    let mut letter = Recommendation::new(round);
    letter.addressee = addressee;
    letter.sector = conv.text(row, Col::Sector);
    letter.sent_on = sent;
    letter.response = conv.text(row, Col::Response);
    letter.responded_on = responded;
    let rounds: Vec<_> = conv.stored().rounds.iter().filter(|r| r.meta.id == round).cloned().collect();
    if let Err(invalid) = letter.validate(&rounds, &[]) {
        errors.extend(invalid.into_iter().map(|i| conv.refusal_of(row, i)));
    }
    let office = conv.defaults().office.to_string();
    let id =
        derived_id(&["letter", &office, &round.to_string(), &squeeze(&letter.addressee), &squeeze(&letter.sector)]);
    Some(conv.envelope(id, letter))
}
