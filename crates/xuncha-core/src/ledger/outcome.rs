//! 成果运用: what an inspection achieved, as every summary counts it — rules set
//! up, 民生 problems solved, 约谈, accountability, money recovered, and the 巡审联动
//! figures — each tied to a round and, where it is known, a unit, problem or clue.

use crate::clue::Clue;
use crate::date::Day;
use crate::i18n::{fill, Lang, T};
use crate::id::Id;
use crate::problem::Problem;
use crate::record::{Field, Kind, Record, Reference};
use crate::round::Round;
use crate::target::Target;
use crate::validation::{blank, Checker, Invalid, MAX_TEXT_CHARS};
use serde::{Deserialize, Serialize};

crate::labelled_enum! {
    pub enum OutcomeKind {
        /// 建章立制: a rule or mechanism set up
        Rule => OutcomeRule,
        /// 解决民生问题
        Livelihood => OutcomeLivelihood,
        /// 约谈 of a unit's leaders
        Talk => OutcomeTalk,
        /// 问责、处分
        Accountability => OutcomeAccountability,
        /// 挽回（追缴）资金
        Recovery => OutcomeRecovery,
        /// 巡审联动: information exchanged with audit
        AuditInfo => OutcomeAuditInfo,
        /// 巡审联动: auditors seconded to a group
        Auditors => OutcomeAuditors,
    }
}

impl OutcomeKind {
    /// Whether `title` names the matter (the rule, the persons talked to …).
    pub fn needs_title(self) -> bool {
        matches!(self, OutcomeKind::Rule | OutcomeKind::Livelihood | OutcomeKind::Talk | OutcomeKind::Accountability)
    }
}

crate::labelled_enum! {
    /// How persons were held to account.
    pub enum Sanction {
        /// 问责
        Accountability => SanctionAccountability,
        /// 党纪处分
        PartyDiscipline => SanctionPartyDiscipline,
        /// 政务处分
        GovDiscipline => SanctionGovDiscipline,
        /// 组织处理
        Organisational => SanctionOrganisational,
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub round: Id,
    #[serde(default)]
    pub target: Option<Id>,
    #[serde(default)]
    pub problem: Option<Id>,
    #[serde(default)]
    pub clue: Option<Id>,
    pub kind: OutcomeKind,
    /// 事项: the rule's name, the persons talked to, the problem solved, those held to account.
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub day: Option<Day>,
    /// How many: rules, problems, persons (人次) or pieces of information; at least 1.
    #[serde(deserialize_with = "crate::validation::bounded::positive")]
    pub count: u32,
    #[serde(default)]
    pub sanction: Option<Sanction>,
    /// Money recovered, in yuan.
    #[serde(default)]
    pub amount: Option<u32>,
    #[serde(default)]
    pub notes: String,
}

/// Longest 事项.
pub const MAX_OUTCOME_TITLE: usize = 200;
/// Most a count may say: a county's figures are in the hundreds.
pub const MAX_OUTCOME_COUNT: u32 = 100_000;

impl Outcome {
    pub fn new(round: Id, kind: OutcomeKind) -> Outcome {
        Outcome {
            round,
            target: None,
            problem: None,
            clue: None,
            kind,
            title: String::new(),
            day: None,
            count: 1,
            sanction: None,
            amount: None,
            notes: String::new(),
        }
    }

    /// Checks the outcome against the records it names: a live round, a live unit,
    /// a problem or clue of that round (and unit, when one is given).
    pub fn validate(
        &self,
        rounds: &[Record<Round>],
        targets: &[Record<Target>],
        problems: &[Record<Problem>],
        clues: &[Record<Clue>],
    ) -> Result<(), Vec<Invalid>> {
        let mut c = Checker::default();
        c.required(!self.round.is_nil(), "round", T::ErrRoundRequired);
        let live_round = rounds.iter().any(|r| r.is_live() && r.meta.id == self.round);
        c.check(self.round.is_nil() || live_round, "round", T::ErrRoundMissing);
        let live = |t: Id| targets.iter().any(|r| r.is_live() && r.meta.id == t);
        c.check(self.target.is_none_or(live), "target", T::ErrTargetMissing);
        let fits = |round: Id, target: Id| round == self.round && self.target.is_none_or(|t| t == target);
        let problem_ok =
            |id: Id| problems.iter().any(|p| p.is_live() && p.meta.id == id && fits(p.data.round, p.data.target));
        c.check(self.problem.is_none_or(problem_ok), "problem", T::ErrOutcomeProblem);
        let clue_ok =
            |id: Id| clues.iter().any(|k| k.is_live() && k.meta.id == id && fits(k.data.round, k.data.target));
        c.check(self.clue.is_none_or(clue_ok), "clue", T::ErrOutcomeClue);
        c.required(!self.kind.needs_title() || !blank(&self.title), "title", T::ErrOutcomeTitle);
        c.check(self.title.chars().count() <= MAX_OUTCOME_TITLE, "title", T::ErrOutcomeTitleTooLong);
        c.check((1..=MAX_OUTCOME_COUNT).contains(&self.count), "count", T::ErrOutcomeCount);
        c.required(
            self.kind != OutcomeKind::Recovery || self.amount.is_some_and(|a| a > 0),
            "amount",
            T::ErrOutcomeAmount,
        );
        c.within_limit(&self.notes, "notes", T::ErrNotesTooLong);
        c.finish()
    }
}

/// Which outcomes the list shows: its filters, or what a statistics figure counted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OutcomeFilter {
    pub kind: Option<OutcomeKind>,
    pub round: Option<Id>,
    /// The rounds of a statistics period; `None`: every round.
    pub rounds: Option<Vec<Id>>,
    /// Part of the matter or the notes.
    pub text: String,
}

impl OutcomeFilter {
    pub fn matches(&self, o: &Record<Outcome>) -> bool {
        let d = &o.data;
        let text = self.text.trim();
        o.is_live()
            && self.kind.is_none_or(|k| d.kind == k)
            && self.round.is_none_or(|r| d.round == r)
            && self.rounds.as_ref().is_none_or(|rs| rs.contains(&d.round))
            && (text.is_empty() || d.title.contains(text) || d.notes.contains(text))
    }
}

/// The outcomes' figures as a summary gives them, over the outcomes given.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OutcomeFigures {
    /// Per kind: the counts added up (for `Recovery`, the records).
    pub counts: [u64; OutcomeKind::ALL.len()],
    /// Yuan recovered.
    pub amount: u64,
}

impl OutcomeFigures {
    pub fn count<'a>(outcomes: impl Iterator<Item = &'a Record<Outcome>>) -> OutcomeFigures {
        let mut f = OutcomeFigures::default();
        for o in outcomes.filter(|o| o.is_live()) {
            if let Some(i) = OutcomeKind::ALL.iter().position(|k| *k == o.data.kind) {
                f.counts[i] += u64::from(o.data.count);
            }
            f.amount += u64::from(o.data.amount.unwrap_or(0));
        }
        f
    }

    pub fn of(&self, kind: OutcomeKind) -> u64 {
        OutcomeKind::ALL.iter().position(|k| *k == kind).map_or(0, |i| self.counts[i])
    }

    /// "推动建立健全制度机制X项，解决群众急难愁盼问题X个，约谈X人次，问责处理X人，挽回
    /// 经济损失X元；巡审联动互相通报信息X条，抽调审计专业人员X人次。"
    pub fn sentence(&self, lang: Lang) -> String {
        use OutcomeKind::*;
        fill(
            T::OutcomeSentence.text(lang),
            &[
                ("rules", &self.of(Rule)),
                ("livelihood", &self.of(Livelihood)),
                ("talks", &self.of(Talk)),
                ("accountability", &self.of(Accountability)),
                ("amount", &self.amount),
                ("info", &self.of(AuditInfo)),
                ("auditors", &self.of(Auditors)),
            ],
        )
    }
}

/// The outcomes' list as the page, the print and the workbook show it, one row per
/// outcome in the order given; `name_of` names the round and the unit.
pub fn outcome_sheet(
    title: &str,
    filter: &str,
    outcomes: &[&Record<Outcome>],
    name_of: &dyn Fn(Kind, Id) -> Option<String>,
    lang: Lang,
    today: Day,
) -> crate::sheet::Sheet {
    use crate::i18n::Label;
    use crate::ledger::Cell;
    let text = |s: String| Cell::Text(s);
    let rows = outcomes
        .iter()
        .map(|o| {
            let d = &o.data;
            vec![
                text(name_of(Kind::Round, d.round).unwrap_or_default()),
                text(d.target.and_then(|t| name_of(Kind::Target, t)).unwrap_or_default()),
                text(d.kind.label().text(lang).to_owned()),
                text(d.title.clone()),
                Cell::Day(d.day),
                Cell::Count(d.count),
                text(d.sanction.map(|s| s.label().text(lang).to_owned()).unwrap_or_default()),
                text(d.amount.map(|a| a.to_string()).unwrap_or_default()),
                text(d.notes.clone()),
            ]
        })
        .collect();
    let headers = [
        T::ColRound,
        T::ColTarget,
        T::FieldOutcomeKind,
        T::FieldOutcomeTitle,
        T::FieldOutcomeDay,
        T::FieldOutcomeCount,
        T::FieldSanction,
        T::FieldAmount,
        T::FieldNotes,
    ];
    let name = T::OutcomesSheetTitle.text(lang).to_owned();
    crate::sheet::Sheet {
        title: format!("{title} {name}").trim().to_owned(),
        subtitle: fill(T::SheetSubtitle.text(lang), &[("filter", &filter), ("day", &today)]),
        name,
        widths: vec![26.0, 16.0, 16.0, 30.0, 12.0, 8.0, 10.0, 12.0, 20.0],
        headers: headers.iter().map(|t| t.text(lang).to_owned()).collect(),
        rows,
        lang,
    }
}

impl crate::record::Model for Outcome {
    fn references(&self) -> Vec<Reference> {
        let mut out = vec![Reference::to("round", Kind::Round, self.round)];
        out.extend(Reference::maybe("target", Kind::Target, self.target));
        out.extend(Reference::maybe("problem", Kind::Problem, self.problem));
        out.extend(Reference::maybe("clue", Kind::Clue, self.clue));
        out
    }

    fn field(path: &str) -> Option<Field> {
        Some(match path {
            "round" => Field::reference(T::ColRound, Kind::Round),
            "target" => Field::reference(T::ColTarget, Kind::Target),
            "problem" => Field::reference(T::KindProblem, Kind::Problem),
            "clue" => Field::reference(T::KindClue, Kind::Clue),
            "kind" => Field::choice::<OutcomeKind>(T::FieldOutcomeKind),
            "title" => Field::plain(T::FieldOutcomeTitle),
            "day" => Field::plain(T::FieldOutcomeDay),
            "count" => Field::plain(T::FieldOutcomeCount),
            "sanction" => Field::choice::<Sanction>(T::FieldSanction),
            "amount" => Field::plain(T::FieldAmount),
            "notes" => Field::plain(T::FieldNotes),
            _ => return None,
        })
    }

    fn title(&self, lang: Lang, name_of: &dyn Fn(Kind, Id) -> Option<String>) -> Option<String> {
        use crate::i18n::Label;
        let unit = self.target.and_then(|t| name_of(Kind::Target, t)).unwrap_or_default();
        Some(format!("{} {unit} {}", self.kind.label().text(lang), self.title).trim().to_owned())
    }

    fn too_long(&self) -> Option<(&'static str, usize)> {
        crate::record::over("notes", &self.notes, MAX_TEXT_CHARS)
            .or_else(|| crate::record::over("title", &self.title, MAX_OUTCOME_TITLE))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::rec;

    #[test]
    fn each_kind_says_what_it_needs_and_names_the_field() {
        let round = rec(1, Round::new(Id::nil(), 1));
        let rounds = [round.clone()];
        let errors = |o: &Outcome| -> Vec<(&str, T)> {
            o.validate(&rounds, &[], &[], &[]).err().unwrap_or_default().into_iter().map(|e| (e.field, e.msg)).collect()
        };
        let rule = Outcome::new(round.meta.id, OutcomeKind::Rule);
        assert_eq!(errors(&rule), vec![("title", T::ErrOutcomeTitle)]);
        assert!(errors(&Outcome { title: "公务接待管理办法".into(), ..rule.clone() }).is_empty());
        let money = Outcome::new(round.meta.id, OutcomeKind::Recovery);
        assert_eq!(errors(&money), vec![("amount", T::ErrOutcomeAmount)]);
        assert!(errors(&Outcome { amount: Some(125_000), ..money }).is_empty());
        let info = Outcome { count: 0, ..Outcome::new(round.meta.id, OutcomeKind::AuditInfo) };
        assert_eq!(errors(&info), vec![("count", T::ErrOutcomeCount)]);
        let elsewhere = Outcome { problem: Some(Id::nil()), title: "x".into(), ..rule };
        assert_eq!(errors(&elsewhere), vec![("problem", T::ErrOutcomeProblem)]);
    }

    #[test]
    fn the_figures_add_the_counts_and_read_as_the_summaries_write_them() {
        let o = |n, kind, count, amount| rec(n, Outcome { count, amount, ..Outcome::new(Id::nil(), kind) });
        let list = [
            o(1, OutcomeKind::Rule, 3, None),
            o(2, OutcomeKind::Rule, 2, None),
            o(3, OutcomeKind::Talk, 4, None),
            o(4, OutcomeKind::Recovery, 1, Some(52_000)),
            o(5, OutcomeKind::AuditInfo, 12, None),
            o(6, OutcomeKind::Auditors, 3, None),
        ];
        let f = OutcomeFigures::count(list.iter());
        assert_eq!((f.of(OutcomeKind::Rule), f.of(OutcomeKind::Talk), f.amount), (5, 4, 52_000));
        assert_eq!(
            f.sentence(Lang::Zh),
            "推动建立健全制度机制5项，解决群众急难愁盼问题0个，约谈4人次，问责处理0人，挽回经济损失52000元；巡审联动互相通报信息12条，抽调审计专业人员3人次。"
        );
    }
}
