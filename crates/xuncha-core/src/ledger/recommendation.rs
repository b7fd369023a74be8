//! 巡察建议书: a letter to a sector's supervising department listing the common
//! problems of that sector, and the department's response.

use crate::date::Day;
use crate::i18n::T;
use crate::id::Id;
use crate::problem::Problem;
use crate::record::Record;
use crate::round::Round;
use crate::validation::{blank, Checker, Invalid};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recommendation {
    pub round: Id,
    /// The department the letter goes to (主管部门).
    pub addressee: String,
    /// The sector (行业、系统) whose problems it covers.
    #[serde(default)]
    pub sector: String,
    /// The problems it lists, all of the same round.
    #[serde(default)]
    pub problems: Vec<Id>,
    #[serde(default)]
    pub sent_on: Option<Day>,
    #[serde(default)]
    pub response: String,
    #[serde(default)]
    pub responded_on: Option<Day>,
}

impl Recommendation {
    pub fn new(round: Id) -> Recommendation {
        Recommendation {
            round,
            addressee: String::new(),
            sector: String::new(),
            problems: Vec::new(),
            sent_on: None,
            response: String::new(),
            responded_on: None,
        }
    }

    pub fn validate(&self, rounds: &[Record<Round>], problems: &[Record<Problem>]) -> Result<(), Vec<Invalid>> {
        let mut c = Checker::default();
        c.required(!self.round.is_nil(), "round", T::ErrRoundRequired);
        c.check(
            self.round.is_nil() || rounds.iter().any(|r| r.is_live() && r.meta.id == self.round),
            "round",
            T::ErrRoundMissing,
        );
        c.required(!blank(&self.addressee), "addressee", T::ErrAddresseeRequired);
        let all_known = self
            .problems
            .iter()
            .all(|id| problems.iter().any(|p| p.is_live() && p.meta.id == *id && p.data.round == self.round));
        c.check(all_known, "problems", T::ErrLetterProblemMissing);
        let mut seen = std::collections::HashSet::new();
        c.check(self.problems.iter().all(|id| seen.insert(*id)), "problems", T::ErrLetterProblemMissing);
        c.within_limit(&self.response, "response", T::ErrResponseTooLong);
        c.check(self.responded_on.is_none() || self.sent_on.is_some(), "sent_on", T::ErrResponseBeforeSent);
        let order = match (self.sent_on, self.responded_on) {
            (Some(s), Some(r)) => r >= s,
            _ => true,
        };
        c.check(order, "responded_on", T::ErrResponseBeforeSent);
        c.finish()
    }
}

impl crate::record::Model for Recommendation {
    /// The limit the form sets, kept by every way in.
    fn too_long(&self) -> Option<(&'static str, usize)> {
        crate::record::over("response", &self.response, crate::validation::MAX_TEXT_CHARS)
    }

    fn references(&self) -> Vec<crate::record::Reference> {
        use crate::record::Reference;
        use crate::Kind;
        let mut out = vec![Reference::to("round", Kind::Round, self.round)];
        out.extend(self.problems.iter().map(|p| Reference::to("problems", Kind::Problem, *p)));
        out
    }

    fn field(path: &str) -> Option<crate::record::Field> {
        use crate::i18n::T;
        use crate::record::Field;
        use crate::Kind;
        Some(match path {
            "round" => Field::reference(T::ColRound, Kind::Round),
            "addressee" => Field::plain(T::ColAddressee),
            "sector" => Field::plain(T::ColSector),
            "problems" => Field::references(T::LetterProblems, Kind::Problem),
            "sent_on" => Field::plain(T::ColSentOn),
            "response" => Field::plain(T::ColResponse),
            "responded_on" => Field::plain(T::ColRespondedOn),
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{day, rec};

    #[test]
    fn a_letter_lists_only_live_problems_of_its_own_round() {
        let rounds = vec![rec(1, Round::new(Id::nil(), 1)), rec(2, Round::new(Id::nil(), 2))];
        let mine = rec(3, Problem::new(rounds[0].meta.id, Id::nil(), day("2026-01-01")));
        let other = rec(4, Problem::new(rounds[1].meta.id, Id::nil(), day("2026-01-01")));
        let problems = vec![mine.clone(), other.clone()];
        let mut letter = Recommendation::new(rounds[0].meta.id);
        letter.addressee = "县教育局".into();
        letter.problems = vec![mine.meta.id];
        assert_eq!(letter.validate(&rounds, &problems), Ok(()));
        letter.problems.push(other.meta.id);
        let errors = letter.validate(&rounds, &problems).err().unwrap_or_default();
        assert_eq!(errors.iter().map(|e| e.msg).collect::<Vec<_>>(), vec![T::ErrLetterProblemMissing]);
        letter.problems = vec![mine.meta.id, mine.meta.id];
        assert!(letter.validate(&rounds, &problems).is_err(), "a problem listed twice");
    }

    #[test]
    fn a_response_needs_a_sent_letter_and_cannot_come_before_it() {
        let rounds = vec![rec(1, Round::new(Id::nil(), 1))];
        let mut letter = Recommendation::new(rounds[0].meta.id);
        letter.addressee = "县卫健局".into();
        letter.responded_on = Some(day("2026-05-01"));
        assert!(letter.validate(&rounds, &[]).is_err());
        letter.sent_on = Some(day("2026-05-02"));
        assert!(letter.validate(&rounds, &[]).is_err());
        letter.sent_on = Some(day("2026-04-01"));
        assert_eq!(letter.validate(&rounds, &[]), Ok(()));
        letter.addressee = " ".into();
        let errors = letter.validate(&rounds, &[]).err().unwrap_or_default();
        assert_eq!(errors.iter().map(|e| e.field).collect::<Vec<_>>(), vec!["addressee"]);
    }

    #[test]
    fn a_response_longer_than_the_limit_is_refused_naming_the_field() {
        let rounds = vec![rec(1, Round::new(Id::nil(), 1))];
        let mut letter = Recommendation::new(rounds[0].meta.id);
        letter.addressee = "县卫健局".into();
        letter.response = "复".repeat(crate::validation::MAX_TEXT_CHARS + 1);
        let errors = letter.validate(&rounds, &[]).err().unwrap_or_default();
        assert_eq!(
            errors.iter().map(|e| (e.field, e.msg)).collect::<Vec<_>>(),
            vec![("response", T::ErrResponseTooLong)]
        );
    }
}
