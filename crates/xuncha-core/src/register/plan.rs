//! 巡察计划: the annual plan (年度巡察工作计划) and the term's five-year plan
//! (巡察工作五年规划). A plan lists the rounds an office means to hold, each with
//! its kind, its time, its groups and the targets it will inspect. A planned round,
//! once started, becomes a real round with its groups and inspections, and the
//! plan keeps a pointer to it: the round's own records hold what happens next.

use crate::date::Day;
use crate::group::default_group_name;
use crate::i18n::{Lang, T};
use crate::id::Id;
use crate::record::Record;
use crate::round::{Round, RoundKind, RoundStatus};
use crate::target::{Target, TargetKind, TargetStatus};
use crate::term::Term;
use crate::validation::{blank, Checker, Invalid, MAX_TEXT_CHARS};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

crate::labelled_enum! {
    pub enum PlanSpan {
        /// 年度巡察工作计划
        Year => PlanSpanYear,
        /// 巡察工作五年规划: the whole term
        Term => PlanSpanTerm,
    }
}

crate::labelled_enum! {
    /// The parts a plan names its targets by, in the seeds' words: "对XX家县直单位、
    /// X家县属企业和XX个村（社区）进行巡察监督".
    pub enum PlanPart {
        /// 县直单位: party and government departments and institutions
        CountyUnits => PlanPartCountyUnits,
        /// 县属企业
        Enterprises => PlanPartEnterprises,
        /// 乡镇（街道）
        Townships => PlanPartTownships,
        /// 村（社区）
        Villages => PlanPartVillages,
    }
}

impl PlanPart {
    pub fn of(kind: TargetKind) -> PlanPart {
        match kind {
            TargetKind::CountyPartyDept | TargetKind::CountyGovDept | TargetKind::Institution => PlanPart::CountyUnits,
            TargetKind::StateEnterprise => PlanPart::Enterprises,
            TargetKind::Township => PlanPart::Townships,
            TargetKind::Village | TargetKind::Community => PlanPart::Villages,
        }
    }
}

/// The most groups one round is planned with.
pub const MAX_PLANNED_GROUPS: u32 = 20;

/// One target a planned round will inspect, and which of its groups will go.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedTarget {
    pub target: Id,
    /// 1 for 第一巡察组, and so on; at most the round's `groups`.
    pub group: u32,
}

/// A round as the plan sets it out (the 轮次安排).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedRound {
    pub kind: RoundKind,
    /// The subject of a 专项巡察.
    #[serde(default)]
    pub topic: String,
    /// 计划时间; needed before the round can start.
    #[serde(default)]
    pub start: Option<Day>,
    #[serde(default)]
    pub end: Option<Day>,
    /// How many groups go out.
    pub groups: u32,
    #[serde(default, deserialize_with = "crate::validation::objects")]
    pub targets: Vec<PlannedTarget>,
    /// The round started from this plan, once it is started.
    #[serde(default)]
    pub round: Option<Id>,
}

impl PlannedRound {
    /// A regular round with one group and nothing chosen yet.
    pub fn new() -> PlannedRound {
        PlannedRound {
            kind: RoundKind::Regular,
            topic: String::new(),
            start: None,
            end: None,
            groups: 1,
            targets: Vec::new(),
            round: None,
        }
    }

    /// The round started from it, while that round still exists.
    pub fn started<'a>(&self, rounds: &'a [Record<Round>]) -> Option<&'a Record<Round>> {
        let id = self.round?;
        rounds.iter().find(|r| r.is_live() && r.meta.id == id)
    }

    /// Checks one planned round as its form sets it, within `plan`'s span.
    pub fn check(&self, c: &mut Checker, plan: &Plan, term: Option<&Term>, targets: &[Record<Target>]) {
        c.required(self.kind != RoundKind::Special || !blank(&self.topic), "topic", T::ErrTopicRequired);
        c.check(self.kind.is_county(), "kind", T::ErrPlanUpperRound);
        if let (Some(start), Some(end)) = (self.start, self.end) {
            c.check(end >= start, "end", T::ErrRoundEndBeforeStart);
        }
        if let Some(start) = self.start {
            let inside = match (plan.span, plan.year, term) {
                (PlanSpan::Year, Some(y), _) => start.year() == y,
                (PlanSpan::Term, _, Some(t)) => t.contains_year(start.year()),
                _ => true,
            };
            c.check(inside, "start", T::ErrPlannedStartOutside);
        }
        c.check((1..=MAX_PLANNED_GROUPS).contains(&self.groups), "groups", T::ErrPlannedGroups);
        let mut seen = HashSet::new();
        for t in &self.targets {
            c.check(t.group >= 1 && t.group <= self.groups, "targets", T::ErrPlannedTargetGroup);
            c.check(seen.insert(t.target), "targets", T::ErrPlannedTargetTwice);
            let known = targets.iter().any(|r| r.is_live() && r.meta.id == t.target);
            c.check(known, "targets", T::ErrTargetMissing);
        }
    }

    /// What starting it creates: the round (numbered after the term's others), one
    /// group per number used, and each target's inspection under its group. The
    /// round is 进行中 once its planned start has come.
    pub fn to_round(&self, term: Id, ordinal: u32, today: Day) -> Round {
        let mut round = Round::new(term, ordinal);
        round.kind = self.kind;
        round.topic = self.topic.trim().to_owned();
        round.start = self.start;
        round.end = self.end;
        round.status = if self.start.is_some_and(|s| s <= today) { RoundStatus::Ongoing } else { RoundStatus::Planned };
        round
    }

    /// The group numbers used, in order, with their conventional names.
    pub fn group_names(&self, lang: Lang) -> Vec<(u32, String)> {
        let mut used: Vec<u32> = self.targets.iter().map(|t| t.group).collect();
        used.sort_unstable();
        used.dedup();
        if used.is_empty() {
            used = (1..=self.groups.max(1)).collect();
        }
        used.into_iter().map(|n| (n, default_group_name(n, lang))).collect()
    }
}

impl Default for PlannedRound {
    fn default() -> Self {
        PlannedRound::new()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub term: Id,
    pub span: PlanSpan,
    /// The year of an annual plan; none for a five-year plan.
    #[serde(default)]
    pub year: Option<i32>,
    #[serde(default)]
    pub notes: String,
    #[serde(default, deserialize_with = "crate::validation::objects")]
    pub rounds: Vec<PlannedRound>,
}

impl Plan {
    pub fn new(term: Id, span: PlanSpan, year: Option<i32>) -> Plan {
        Plan {
            term,
            span,
            year: if span == PlanSpan::Year { year } else { None },
            notes: String::new(),
            rounds: Vec::new(),
        }
    }

    /// "2027年度巡察工作计划" or "十五届县委巡察工作五年规划".
    pub fn title(&self, term_name: &str, lang: Lang) -> String {
        match (self.span, lang) {
            (PlanSpan::Year, Lang::Zh) => format!("{}年度巡察工作计划", self.year.unwrap_or_default()),
            (PlanSpan::Year, Lang::En) => format!("Inspection plan {}", self.year.unwrap_or_default()),
            (PlanSpan::Term, Lang::Zh) => format!("{}县委巡察工作五年规划", term_name.trim()),
            (PlanSpan::Term, Lang::En) => format!("Five-year inspection plan, {}", term_name.trim()),
        }
    }

    /// Every target the plan names, once each.
    pub fn targets(&self) -> Vec<Id> {
        let mut seen = HashSet::new();
        self.rounds.iter().flat_map(|r| &r.targets).map(|t| t.target).filter(|t| seen.insert(*t)).collect()
    }

    /// Checks the plan against the terms, the other plans and the register
    /// (`plans` may include itself).
    pub fn validate(
        &self,
        id: Id,
        terms: &[Record<Term>],
        plans: &[Record<Plan>],
        targets: &[Record<Target>],
    ) -> Result<(), Vec<Invalid>> {
        let mut c = Checker::default();
        let term = terms.iter().find(|t| t.is_live() && t.meta.id == self.term).map(|t| &t.data);
        c.check(term.is_some(), "term", T::ErrTermMissing);
        match (self.span, self.year) {
            (PlanSpan::Year, None) => {
                c.required(false, "year", T::ErrPlanYearRequired);
            }
            (PlanSpan::Year, Some(y)) => {
                c.check(term.is_none_or(|t| t.contains_year(y)), "year", T::ErrPlanYearOutsideTerm);
            }
            (PlanSpan::Term, _) => {}
        }
        let taken = plans.iter().any(|p| {
            p.is_live()
                && p.meta.id != id
                && p.data.term == self.term
                && p.data.span == self.span
                && p.data.year == self.year
        });
        c.check(!taken, "year", T::ErrPlanTaken);
        c.within_limit(&self.notes, "notes", T::ErrNotesTooLong);
        for round in &self.rounds {
            round.check(&mut c, self, term, targets);
        }
        c.finish()
    }
}

/// The targets a plan offers first: in the register, not merged away, not yet
/// inspected this term (`covered`) and not planned in another round (`planned`).
pub fn offered(t: &Record<Target>, covered: &HashSet<Id>, planned: &HashSet<Id>) -> bool {
    t.is_live()
        && t.data.status == TargetStatus::Active
        && !covered.contains(&t.meta.id)
        && !planned.contains(&t.meta.id)
}

impl crate::record::Model for Plan {
    fn references(&self) -> Vec<crate::record::Reference> {
        use crate::record::Reference;
        use crate::Kind;
        let mut out = vec![Reference::to("term", Kind::Term, self.term)];
        for r in &self.rounds {
            out.extend(r.targets.iter().map(|t| Reference::to("rounds", Kind::Target, t.target)));
            // The real round a planned round became.
            out.extend(Reference::maybe("rounds", Kind::Round, r.round));
        }
        out
    }

    fn field(path: &str) -> Option<crate::record::Field> {
        use crate::record::Field;
        use crate::Kind;
        Some(match path {
            "term" => Field::reference(T::FieldTerm, Kind::Term),
            "span" => Field::choice::<PlanSpan>(T::FieldPlanSpan),
            "year" => Field::plain(T::FieldPlanYear),
            "notes" => Field::plain(T::FieldNotes),
            "rounds" => Field::words(T::PlannedRoundsTitle, rounds_words),
            _ => return None,
        })
    }

    fn too_long(&self) -> Option<(&'static str, usize)> {
        (self.notes.chars().count() > MAX_TEXT_CHARS).then_some(("notes", MAX_TEXT_CHARS))
    }

    fn title(&self, lang: Lang, name_of: &dyn Fn(crate::Kind, Id) -> Option<String>) -> Option<String> {
        Some(self.title(&name_of(crate::Kind::Term, self.term).unwrap_or_default(), lang))
    }
}

/// The planned rounds in words: each one's kind, time and targets.
fn rounds_words(value: &serde_json::Value, lang: Lang, name_of: &dyn Fn(crate::Kind, Id) -> Option<String>) -> String {
    use crate::i18n::Label;
    match serde_json::from_value::<Vec<PlannedRound>>(value.clone()) {
        Ok(rounds) => rounds
            .iter()
            .enumerate()
            .map(|(n, r)| {
                let names: Vec<String> =
                    r.targets.iter().filter_map(|t| name_of(crate::Kind::Target, t.target)).collect();
                let when = r.start.map(|d| d.to_string()).unwrap_or_default();
                format!("{}. {} {} {}", n + 1, r.kind.label().text(lang), when, names.join("、"))
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect::<Vec<_>>()
            .join("；"),
        Err(_) => crate::record::plain(value),
    }
}
