//! What a file must hold beyond each field's own form and beyond the existence of
//! what it refers to: the rules the forms keep, checked on every way in. A term
//! ends after it starts; a village belongs to a township and only a village or
//! community belongs to one; a response answers questions of its questionnaire with
//! options it has, and keeps no time finer than its day (its respondent stays
//! anonymous); a paper batch counts options that exist; a rectification's status,
//! deadline and day struck off are those its steps lead to. The other record may be in
//! the file or already in the database.

use super::format::{ExchangeFile, ParseError};
use super::problems::Problems;
use crate::i18n::T;
use crate::id::Id;
use crate::questionnaire::Questionnaire;
use crate::record::{Kind, Record};
use crate::target::{Target, TargetKind};
use std::collections::HashMap;

/// The database's targets and questionnaires, for records the file refers to.
#[derive(Debug, Default)]
pub struct Local<'a> {
    pub targets: &'a [Record<Target>],
    pub questionnaires: &'a [Record<Questionnaire>],
}

impl ExchangeFile {
    /// Every broken rule among the live records, in the order of the kinds.
    pub fn check_consistency(&self, local: &Local<'_>) -> Result<(), ParseError> {
        let mut problems = Problems::default();
        self.consistency_into(local, &mut problems);
        problems.into_result()
    }

    pub(super) fn consistency_into(&self, local: &Local<'_>, problems: &mut Problems) {
        let mut refuse = |kind, id, field, why| problems.push(ParseError::Inconsistent { kind, id, field, why });
        let r = &self.records;
        for t in r.terms.iter().filter(|t| t.is_live()) {
            let years = 1949..=2200;
            if !years.contains(&t.data.start_year) || !years.contains(&t.data.end_year) {
                refuse(Kind::Term, t.meta.id, "start_year", T::ErrYearOutOfRange);
            } else if t.data.end_year < t.data.start_year {
                refuse(Kind::Term, t.meta.id, "end_year", T::ErrTermEndBeforeStart);
            }
        }
        let kinds: HashMap<Id, TargetKind> =
            local.targets.iter().chain(&r.targets).map(|t| (t.meta.id, t.data.kind)).collect();
        for t in r.targets.iter().filter(|t| t.is_live()) {
            match (t.data.kind.needs_township(), t.data.township) {
                (true, None) => refuse(Kind::Target, t.meta.id, "township", T::ErrVillageNeedsTownship),
                (true, Some(w)) if kinds.get(&w).is_some_and(|k| *k != TargetKind::Township) => {
                    refuse(Kind::Target, t.meta.id, "township", T::ErrTownshipMissing)
                }
                (false, Some(_)) => refuse(Kind::Target, t.meta.id, "township", T::ErrOnlyVillagesHaveTownship),
                _ => {}
            }
        }
        // A rectification's status, deadline and day struck off follow from its steps.
        for x in r.rectifications.iter().filter(|x| x.is_live()) {
            let mut settled = x.data.clone();
            if settled.history.is_empty() {
                settled.status = crate::rectification::RectStatus::NotStarted;
                settled.closed_on = None;
            } else {
                crate::record::Model::settle(&mut settled);
            }
            let field = if settled.status != x.data.status {
                Some("status")
            } else if settled.closed_on != x.data.closed_on {
                Some("closed_on")
            } else if settled.deadline != x.data.deadline {
                Some("deadline")
            } else {
                None
            };
            if let Some(field) = field {
                refuse(Kind::Rectification, x.meta.id, field, T::ErrRectNotFromSteps);
            }
        }
        let questionnaires: HashMap<Id, &Questionnaire> =
            local.questionnaires.iter().chain(&r.questionnaires).map(|q| (q.meta.id, &q.data)).collect();
        let choices_of = |q: &Questionnaire, question: Id| {
            q.questions.iter().find(|x| x.id == question).map(|x| x.choices().len() as u32)
        };
        for resp in r.responses.iter().filter(|x| x.is_live()) {
            let midnight = crate::response::day_start(resp.data.day);
            if resp.meta.created_at != midnight {
                refuse(Kind::Response, resp.meta.id, "day", T::ErrResponseTimeFiner);
            }
            let Some(q) = questionnaires.get(&resp.data.questionnaire) else { continue };
            // One answer wrong is enough to name the response; the rest add nothing.
            let wrong = resp.data.answers.iter().find_map(|a| match choices_of(q, a.question) {
                None => Some(T::ErrUnknownQuestion),
                Some(n) if a.choices.iter().any(|c| *c >= n) => Some(T::ErrChoiceBeyondOptions),
                Some(_) => None,
            });
            if let Some(why) = wrong {
                refuse(Kind::Response, resp.meta.id, "answers", why);
            }
        }
        for b in r.paper_batches.iter().filter(|x| x.is_live()) {
            let Some(q) = questionnaires.get(&b.data.questionnaire) else { continue };
            let wrong = b.data.counts.iter().find_map(|c| match choices_of(q, c.question) {
                None => Some(T::ErrUnknownQuestion),
                Some(n) if c.option >= n => Some(T::ErrChoiceBeyondOptions),
                Some(_) => None,
            });
            if let Some(why) = wrong {
                refuse(Kind::PaperBatch, b.meta.id, "counts", why);
            }
        }
    }
}
