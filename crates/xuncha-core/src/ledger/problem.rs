//! 问题: a problem found at one target in one round, the first column of every 台账.

use crate::date::Day;
use crate::i18n::T;
use crate::id::Id;
use crate::inspection::Inspection;
use crate::labelled_enum;
use crate::record::Record;
use crate::round::Round;
use crate::validation::{blank, Checker, Invalid};
use serde::{Deserialize, Serialize};

labelled_enum! {
    /// 三个聚焦: the three areas every problem is filed under.
    pub enum Focus {
        /// 贯彻落实党的路线方针政策和党中央决策部署
        Policy => FocusPolicy,
        /// 群众身边腐败问题和不正之风
        Corruption => FocusCorruption,
        /// 基层党组织软弱涣散、组织力欠缺
        Organisation => FocusOrganisation,
    }
}

labelled_enum! {
    /// How the group came to know of the problem.
    pub enum ProblemSource {
        /// 个别谈话
        Talk => SrcTalk,
        /// 来信来访
        Letter => SrcLetter,
        /// 调阅资料
        Documents => SrcDocuments,
        /// 走访调研
        FieldVisit => SrcFieldVisit,
        /// 问卷
        Questionnaire => SrcQuestionnaire,
        /// 审计
        Audit => SrcAudit,
        /// 其他
        Other => SrcOther,
    }
}

labelled_enum! {
    /// 个性问题 belong to one unit; 共性问题 recur across many.
    pub enum Scope {
        Individual => ScopeIndividual,
        Common => ScopeCommon,
    }
}

/// Longest description accepted; a ledger cell, not a report.
pub const MAX_DESCRIPTION_CHARS: usize = crate::validation::MAX_TEXT_CHARS;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub round: Id,
    /// The target; with `round` it names the inspection record.
    pub target: Id,
    pub focus: Focus,
    /// A free sub-category under the focus, as offices word it.
    #[serde(default)]
    pub sub_category: String,
    pub description: String,
    /// 事实依据: the facts and figures behind the problem, for its 底稿.
    #[serde(default)]
    pub facts: String,
    /// 定性依据: the rules the problem breaks, for its 底稿.
    #[serde(default)]
    pub basis: String,
    pub source: ProblemSource,
    pub found_on: Day,
    pub scope: Scope,
    /// 立行立改: put right during the round, on this day.
    #[serde(default)]
    pub rectified_on_spot: Option<Day>,
    /// 反馈: the day the problem was fed back to the target, which opens its rectification.
    #[serde(default)]
    pub fed_back_on: Option<Day>,
}

impl Problem {
    pub fn new(round: Id, target: Id, found_on: Day) -> Problem {
        Problem {
            round,
            target,
            focus: Focus::Policy,
            sub_category: String::new(),
            description: String::new(),
            facts: String::new(),
            basis: String::new(),
            source: ProblemSource::Talk,
            found_on,
            scope: Scope::Individual,
            rectified_on_spot: None,
            fed_back_on: None,
        }
    }

    /// `inspections` are those of the problem's round.
    pub fn validate(&self, rounds: &[Record<Round>], inspections: &[Record<Inspection>]) -> Result<(), Vec<Invalid>> {
        let mut c = Checker::default();
        crate::inspection::check_place(&mut c, self.round, self.target, rounds, inspections);
        c.required(!blank(&self.description), "description", T::ErrDescriptionRequired);
        c.check(self.description.chars().count() <= MAX_DESCRIPTION_CHARS, "description", T::ErrDescriptionTooLong);
        c.check(self.facts.chars().count() <= MAX_DESCRIPTION_CHARS, "facts", T::ErrFactsTooLong);
        c.check(self.basis.chars().count() <= MAX_DESCRIPTION_CHARS, "basis", T::ErrBasisTooLong);
        c.check(
            self.rectified_on_spot.is_none_or(|d| d >= self.found_on),
            "rectified_on_spot",
            T::ErrOnSpotBeforeFound,
        );
        c.check(self.fed_back_on.is_none_or(|d| d >= self.found_on), "fed_back_on", T::ErrFedBackBeforeFound);
        c.finish()
    }
}

impl crate::record::Model for Problem {
    /// The description's start and the target, as a clerk recognises a problem.
    fn title(&self, _lang: crate::i18n::Lang, name_of: &dyn Fn(crate::Kind, Id) -> Option<String>) -> Option<String> {
        let mut text: String = self.description.chars().take(30).collect();
        if self.description.chars().count() > 30 {
            text.push('…');
        }
        Some(match name_of(crate::Kind::Target, self.target) {
            Some(target) => format!("{text}（{target}）"),
            None => text,
        })
    }

    fn too_long(&self) -> Option<(&'static str, usize)> {
        crate::record::over("description", &self.description, MAX_DESCRIPTION_CHARS)
            .or_else(|| crate::record::over("facts", &self.facts, MAX_DESCRIPTION_CHARS))
            .or_else(|| crate::record::over("basis", &self.basis, MAX_DESCRIPTION_CHARS))
    }

    fn references(&self) -> Vec<crate::record::Reference> {
        use crate::record::Reference;
        use crate::Kind;
        vec![Reference::to("round", Kind::Round, self.round), Reference::to("target", Kind::Target, self.target)]
    }

    fn field(path: &str) -> Option<crate::record::Field> {
        use crate::i18n::T;
        use crate::record::Field;
        use crate::Kind;
        Some(match path {
            "round" => Field::reference(T::ColRound, Kind::Round),
            "target" => Field::reference(T::ColTarget, Kind::Target),
            "focus" => Field::choice::<Focus>(T::ColFocus),
            "sub_category" => Field::plain(T::ColSubCategory),
            "description" => Field::plain(T::ColDescription),
            "facts" => Field::plain(T::ColFacts),
            "basis" => Field::plain(T::ColBasis),
            "source" => Field::choice::<ProblemSource>(T::ColSource),
            "found_on" => Field::plain(T::ColFoundOn),
            "scope" => Field::choice::<Scope>(T::ColScope),
            "rectified_on_spot" => Field::plain(T::ColOnSpot),
            "fed_back_on" => Field::plain(T::FieldFedBackOn),
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{day, rec};

    fn world() -> (Vec<Record<Round>>, Vec<Record<Inspection>>, Problem) {
        let round = rec(1, Round::new(Id::from_random_bytes([9; 16]), 3));
        let target = Id::from_random_bytes([2; 16]);
        let inspection = rec(3, Inspection::new(round.meta.id, Id::from_random_bytes([4; 16]), target));
        let mut p = Problem::new(round.meta.id, target, day("2026-04-01"));
        p.description = "村务公开不及时".into();
        (vec![round], vec![inspection], p)
    }

    fn errors(rounds: &[Record<Round>], inspections: &[Record<Inspection>], p: &Problem) -> Vec<(&'static str, T)> {
        p.validate(rounds, inspections).err().unwrap_or_default().into_iter().map(|e| (e.field, e.msg)).collect()
    }

    #[test]
    fn a_problem_with_a_description_at_an_inspected_target_is_valid() {
        let (rounds, inspections, p) = world();
        assert!(errors(&rounds, &inspections, &p).is_empty());
    }

    #[test]
    fn the_target_must_be_inspected_in_that_round() {
        let (rounds, mut inspections, p) = world();
        inspections[0].meta.deleted = true;
        assert_eq!(errors(&rounds, &inspections, &p), vec![("target", T::ErrTargetNotInRound)]);
        assert_eq!(errors(&[], &[], &p), vec![("round", T::ErrRoundMissing), ("target", T::ErrTargetNotInRound)]);
    }

    #[test]
    fn a_blank_or_overlong_description_is_refused() {
        let (rounds, inspections, mut p) = world();
        p.description = "  ".into();
        assert_eq!(errors(&rounds, &inspections, &p), vec![("description", T::ErrDescriptionRequired)]);
        p.description = "问".repeat(MAX_DESCRIPTION_CHARS + 1);
        assert_eq!(errors(&rounds, &inspections, &p), vec![("description", T::ErrDescriptionTooLong)]);
    }

    #[test]
    fn on_the_spot_and_feedback_dates_cannot_precede_the_finding() {
        let (rounds, inspections, mut p) = world();
        p.rectified_on_spot = Some(day("2026-04-01"));
        p.fed_back_on = Some(day("2026-06-30"));
        assert!(errors(&rounds, &inspections, &p).is_empty(), "the same day is fine");
        p.rectified_on_spot = Some(day("2026-03-31"));
        p.fed_back_on = Some(day("2026-03-01"));
        assert_eq!(
            errors(&rounds, &inspections, &p),
            vec![("rectified_on_spot", T::ErrOnSpotBeforeFound), ("fed_back_on", T::ErrFedBackBeforeFound)]
        );
    }

    #[test]
    fn enums_are_stored_as_snake_case_words() {
        assert_eq!(serde_json::to_string(&Focus::Corruption).ok().as_deref(), Some("\"corruption\""));
        assert_eq!(serde_json::to_string(&ProblemSource::FieldVisit).ok().as_deref(), Some("\"field_visit\""));
        assert_eq!(Focus::ALL.len(), 3);
        assert_eq!(ProblemSource::ALL.len(), 7);
    }
}
