//! 巡察"回头看": a look-back round checks, item by item, how the units it visits put
//! right what earlier rounds found, and says whether any rectification was 敷衍整改
//! (perfunctory) or 虚假整改 (sham). A check is kept on the rectification it judges,
//! one per look-back round, so it travels and merges with it.

use crate::date::Day;
use crate::i18n::{fill, Lang, T};
use crate::id::Id;
use crate::problem::Problem;
use crate::record::{Record, Records};
use crate::rectification::Rectification;
use crate::round::{Round, RoundKind};
use crate::validation::{blank, Checker, Invalid};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

crate::labelled_enum! {
    /// What a look-back found of one rectification.
    pub enum Verdict {
        /// 已整改
        Done => LbDone,
        /// 正在整改
        Ongoing => LbOngoing,
        /// 敷衍整改
        Perfunctory => LbPerfunctory,
        /// 虚假整改
        Sham => LbSham,
    }
}

impl Verdict {
    /// 敷衍整改 and 虚假整改 are findings that must say what was seen.
    pub fn is_finding(self) -> bool {
        matches!(self, Verdict::Perfunctory | Verdict::Sham)
    }
}

/// One look-back round's judgement of a rectification.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    /// The look-back round that checked.
    pub round: Id,
    pub verdict: Verdict,
    pub on: Day,
    /// What was seen; required for 敷衍整改 and 虚假整改.
    #[serde(default)]
    pub note: String,
}

impl Check {
    /// Checks a judgement by the look-back `round` of the rectification of `problem`,
    /// made on or before `today`.
    pub fn validate(
        &self,
        round: Option<&Record<Round>>,
        problem: Option<&Problem>,
        today: Day,
    ) -> Result<(), Vec<Invalid>> {
        let mut c = Checker::default();
        let round = round.filter(|r| r.is_live() && r.meta.id == self.round);
        c.check(round.is_some_and(|r| r.data.kind == RoundKind::LookBack), "round", T::ErrLookBackRound);
        if let Some(start) = round.and_then(|r| r.data.start) {
            c.check(self.on >= start, "on", T::ErrLookBackBeforeRound);
        }
        c.check(self.on <= today, "on", T::ErrLookBackFuture);
        if let Some(p) = problem {
            c.check(p.round != self.round, "round", T::ErrLookBackOwnRound);
            c.check(p.fed_back_on.is_none_or(|f| self.on >= f), "on", T::ErrLookBackBeforeFeedback);
        }
        if self.verdict.is_finding() {
            c.required(!blank(&self.note), "note", T::ErrLookBackNote);
        }
        c.within_limit(&self.note, "note", T::ErrNoteTooLong);
        c.finish()
    }
}

/// The check `round` made of `rect`, if any.
pub fn check_of(rect: &Rectification, round: Id) -> Option<&Check> {
    rect.checks.iter().find(|c| c.round == round)
}

/// `rect` with `check` as its round's judgement, replacing an earlier one of the same round.
pub fn with_check(rect: &Rectification, check: Check) -> Rectification {
    let mut out = rect.clone();
    out.checks.retain(|c| c.round != check.round);
    out.checks.push(check);
    out.checks.sort_by_key(|c| (c.on, c.round));
    out
}

/// The rectifications a look-back round lists: those of problems earlier rounds found
/// at the units it inspects, in the order of their rounds' starts and the problems' days.
/// One pass over each list, so a county of 50,000 problems costs no more than reading them.
pub fn items(records: &Records, round: Id) -> Vec<(&Record<Problem>, &Record<Rectification>)> {
    let Some(this) = records.rounds.iter().find(|r| r.is_live() && r.meta.id == round) else { return Vec::new() };
    let units: HashSet<Id> =
        records.inspections.iter().filter(|i| i.is_live() && i.data.round == round).map(|i| i.data.target).collect();
    if units.is_empty() {
        return Vec::new();
    }
    let starts: HashMap<Id, Option<Day>> = records.rounds.iter().map(|r| (r.meta.id, r.data.start)).collect();
    let start_of = |id: Id| starts.get(&id).copied().flatten();
    let earlier = |p: &Problem| {
        p.round != round
            && match (start_of(p.round), this.data.start) {
                (Some(a), Some(b)) => a < b,
                _ => true,
            }
    };
    let problems: HashMap<Id, &Record<Problem>> = records
        .problems
        .iter()
        .filter(|p| p.is_live() && units.contains(&p.data.target) && earlier(&p.data))
        .map(|p| (p.meta.id, p))
        .collect();
    let mut out: Vec<(&Record<Problem>, &Record<Rectification>)> = records
        .rectifications
        .iter()
        .filter(|r| r.is_live())
        .filter_map(|r| problems.get(&r.data.problem).map(|p| (*p, r)))
        .collect();
    out.sort_by_key(|(p, _)| (start_of(p.data.round), p.data.target, p.data.found_on));
    out
}

/// What look-back rounds found, counted by verdict: each rectification once per round.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LookBackFigures {
    pub checked: usize,
    pub done: usize,
    pub ongoing: usize,
    pub perfunctory: usize,
    pub sham: usize,
}

/// The findings of `rounds` (look-back rounds) on the rectifications each still lists:
/// a unit taken out of the round, or a problem deleted, takes its finding out of the
/// count (the finding stays on the rectification and counts again if the unit comes back).
pub fn findings(records: &Records, rounds: &[Id]) -> Vec<(Id, Verdict)> {
    let mut out = Vec::new();
    for round in rounds {
        for (_, rect) in items(records, *round) {
            if let Some(c) = check_of(&rect.data, *round) {
                out.push((rect.meta.id, c.verdict));
            }
        }
    }
    out
}

impl LookBackFigures {
    /// The findings of `rounds` (look-back rounds) on the rectifications they list.
    pub fn of(records: &Records, rounds: &[Id]) -> LookBackFigures {
        LookBackFigures::count(findings(records, rounds).into_iter().map(|(_, v)| v))
    }

    /// The figures of findings already in hand (a round page's list).
    pub fn count(verdicts: impl IntoIterator<Item = Verdict>) -> LookBackFigures {
        let mut f = LookBackFigures::default();
        for verdict in verdicts {
            f.checked += 1;
            match verdict {
                Verdict::Done => f.done += 1,
                Verdict::Ongoing => f.ongoing += 1,
                Verdict::Perfunctory => f.perfunctory += 1,
                Verdict::Sham => f.sham += 1,
            }
        }
        f
    }

    /// The seeds' phrasing: "“回头看”共检查整改事项X个，……未发现敷衍整改、虚假整改的问题。"
    pub fn sentence(&self, lang: Lang) -> Option<String> {
        if self.checked == 0 {
            return None;
        }
        let key = if self.perfunctory + self.sham == 0 { T::LookBackSentenceClean } else { T::LookBackSentence };
        Some(fill(
            key.text(lang),
            &[
                ("checked", &self.checked),
                ("done", &self.done),
                ("ongoing", &self.ongoing),
                ("perfunctory", &self.perfunctory),
                ("sham", &self.sham),
            ],
        ))
    }
}

/// The checks in words, for the conflict table: "2026-09-01 十五届县委第五轮巡察：敷衍整改，……".
pub(super) fn check_words(
    value: &serde_json::Value,
    lang: Lang,
    name_of: &dyn Fn(crate::Kind, Id) -> Option<String>,
) -> String {
    use crate::i18n::Label;
    let Ok(checks) = serde_json::from_value::<Vec<Check>>(value.clone()) else {
        return crate::record::plain(value);
    };
    let lines: Vec<String> = checks
        .iter()
        .map(|c| {
            let round = name_of(crate::Kind::Round, c.round).unwrap_or_default();
            let mut line = format!("{} {round}：{}", c.on, c.verdict.label().text(lang));
            if !c.note.is_empty() {
                line.push_str(&format!("，{}", c.note));
            }
            line
        })
        .collect();
    lines.join("\n")
}

/// Two offices' checks of one rectification: each round's check as either side has it;
/// a round both judged differently is for a person to decide.
pub(super) fn union_checks(local: &serde_json::Value, incoming: &serde_json::Value) -> Result<serde_json::Value, ()> {
    let parse = |v: &serde_json::Value| serde_json::from_value::<Vec<Check>>(v.clone()).map_err(|_| ());
    let mut out = parse(local)?;
    for check in parse(incoming)? {
        match out.iter().find(|c| c.round == check.round) {
            Some(same) if *same == check => {}
            Some(_) => return Err(()),
            None => out.push(check),
        }
    }
    out.sort_by_key(|c| (c.on, c.round));
    serde_json::to_value(out).map_err(|_| ())
}

#[cfg(test)]
#[path = "lookback_tests.rs"]
mod tests;
