//! The kinds and the history added to the made-up county after its first
//! version: plans, recommendation letters, paper batches, outcomes, a 回头看 round with
//! its checks, and edits made by other
//! offices and deletions, so that every kind of record and every shape of
//! envelope is in the files the benchmarks and tests feed on. Each part draws from
//! the random stream after everything before it, so the earlier records stay the
//! same for the same seed.

use super::Rng;
use crate::date::Day;
use crate::id::Id;
use crate::meta::{Meta, Timestamp};
use crate::record::Record;
use crate::registry::Records;
use crate::round::Round;

/// Each year's annual plan, whose planned rounds are the rounds that year held.
pub(super) fn plans(rng: &mut Rng, office: Id, now: Timestamp, r: &mut Records) {
    use crate::plan::{Plan, PlanSpan, PlannedRound, PlannedTarget};
    let mut made = Vec::new();
    for term in &r.terms {
        for year in term.data.start_year..=term.data.end_year {
            let mut rounds: Vec<&Record<Round>> = r
                .rounds
                .iter()
                .filter(|x| x.data.term == term.meta.id && x.data.start.is_some_and(|s| s.year() == year))
                .collect();
            if rounds.is_empty() {
                continue;
            }
            rounds.sort_by_key(|x| x.data.ordinal);
            let mut plan = Plan::new(term.meta.id, PlanSpan::Year, Some(year));
            for round in rounds {
                let groups: Vec<Id> =
                    r.groups.iter().filter(|g| g.data.round == round.meta.id).map(|g| g.meta.id).collect();
                let targets = r
                    .inspections
                    .iter()
                    .filter(|i| i.data.round == round.meta.id)
                    .map(|i| PlannedTarget {
                        target: i.data.target,
                        group: groups.iter().position(|g| *g == i.data.group).map_or(1, |n| n as u32 + 1),
                    })
                    .collect();
                plan.rounds.push(PlannedRound {
                    kind: round.data.kind,
                    topic: round.data.topic.clone(),
                    start: round.data.start,
                    end: round.data.end,
                    groups: groups.len() as u32,
                    targets,
                    round: Some(round.meta.id),
                });
            }
            plan.notes = "坚持板块轮动、突出重点、统筹兼顾".into();
            made.push(Record { meta: Meta::new(rng.id(), office, now), data: plan });
        }
    }
    r.plans.extend(made);
}

/// A letter per round with problems: to the sector's department, listing two of them.
pub(super) fn letters(rng: &mut Rng, office: Id, now: Timestamp, today: Day, r: &mut Records) {
    use crate::recommendation::Recommendation;
    let mut made = Vec::new();
    for (n, round) in r.rounds.iter().enumerate() {
        let problems: Vec<Id> =
            r.problems.iter().filter(|p| p.data.round == round.meta.id).take(2).map(|p| p.meta.id).collect();
        if problems.len() < 2 {
            continue;
        }
        let mut letter = Recommendation::new(round.meta.id);
        letter.addressee = (*rng.pick(&["县财政局", "县教育局", "县自然资源局", "县住建局"])).to_owned();
        letter.sector = "专项资金管理".into();
        letter.problems = problems;
        letter.sent_on = round.data.end.and_then(|d| d.add_months(2)).filter(|d| *d <= today);
        if n % 2 == 0 && letter.sent_on.is_some() {
            letter.response = "已制定整改方案，完善资金拨付审核制度".into();
            letter.responded_on = letter.sent_on.and_then(|d| d.add_months(1)).filter(|d| *d <= today);
        }
        made.push(Record { meta: Meta::new(rng.id(), office, now), data: letter });
    }
    r.recommendations.extend(made);
}

/// A batch of paper forms for every questionnaire, counted on its first choice question.
pub(super) fn paper_batches(rng: &mut Rng, office: Id, now: Timestamp, r: &mut Records) {
    use crate::questionnaire::QuestionType;
    use crate::response::{OptionCount, PaperBatch};
    let mut made = Vec::new();
    for q in &r.questionnaires {
        let Some(question) =
            q.data.questions.iter().find(|x| matches!(x.kind, QuestionType::Single | QuestionType::Rating))
        else {
            continue;
        };
        let day = q.data.round.and_then(|id| r.rounds.iter().find(|x| x.meta.id == id)).and_then(|x| x.data.start);
        let Some(day) = day else { continue };
        let first = 5 + rng.below(10) as u32;
        let second = 5 + rng.below(10) as u32;
        let counts = vec![
            OptionCount { question: question.id, option: 0, count: first },
            OptionCount { question: question.id, option: 1, count: second },
        ];
        let batch = PaperBatch { questionnaire: q.meta.id, target: q.data.target, day, forms: first + second, counts };
        made.push(Record { meta: Meta::new(rng.id(), office, now), data: batch });
    }
    r.paper_batches.extend(made);
}

/// What a county's file carries after a year of exchange: rectifications a township
/// updated (one more edit by another office) and letters withdrawn (deletions).
pub(super) fn edits_elsewhere(rng: &mut Rng, r: &mut Records) {
    let township = rng.id();
    let later = Timestamp::from_unix_millis(1_795_086_400_000.0);
    for rect in r.rectifications.iter_mut().step_by(10) {
        rect.meta.touch(township, later);
    }
    for letter in r.recommendations.iter_mut().skip(3).step_by(7) {
        letter.meta.deleted = true;
        letter.meta.touch(township, later);
    }
}

/// What each finished round achieved: a rule or two, a talk, audit cooperation,
/// and in some rounds accountability and money recovered, tied to a unit and a
/// problem found there. Drawn last, after the talent pool.
pub(super) fn outcomes(rng: &mut Rng, office: Id, now: Timestamp, r: &mut Records) {
    use crate::outcome::{Outcome, OutcomeKind, Sanction};
    let mut made = Vec::new();
    for round in &r.rounds {
        let found = r.problems.iter().find(|p| p.data.round == round.meta.id);
        let add = |kind: OutcomeKind, title: &str, count: u32| {
            let mut o = Outcome::new(round.meta.id, kind);
            o.title = title.to_owned();
            o.count = count;
            o.day = round.data.end.and_then(|d| d.add_months(2));
            if let Some(p) = found.filter(|_| kind != OutcomeKind::AuditInfo && kind != OutcomeKind::Auditors) {
                o.target = Some(p.data.target);
                o.problem = Some(p.meta.id);
            }
            o
        };
        let mut list = vec![
            add(OutcomeKind::Rule, "公务接待管理办法", 1 + rng.below(3) as u32),
            add(OutcomeKind::Talk, "党组书记、分管负责人", 2),
            add(OutcomeKind::AuditInfo, "", 3 + rng.below(8) as u32),
            add(OutcomeKind::Auditors, "", 1 + rng.below(3) as u32),
        ];
        if rng.chance(40) {
            let mut o = add(OutcomeKind::Accountability, "相关责任人", 1 + rng.below(2) as u32);
            o.sanction = Some(Sanction::PartyDiscipline);
            list.push(o);
            let mut money = add(OutcomeKind::Recovery, "追缴违规发放补贴", 1);
            money.amount = Some(10_000 + 1_000 * rng.below(90) as u32);
            list.push(money);
        }
        made.extend(list.into_iter().map(|o| Record { meta: Meta::new(rng.id(), office, now), data: o }));
    }
    r.outcomes.extend(made);
}

/// A 回头看 round begun two months before today on up to five units of the latest
/// finished round, with their own group, checking each of those units' earlier
/// rectifications: most put right, some under way, a few perfunctory or sham. Drawn
/// last, after the outcomes.
pub(super) fn look_back(rng: &mut Rng, office: Id, now: Timestamp, today: Day, r: &mut Records) {
    use crate::group::Group;
    use crate::inspection::Inspection;
    use crate::ledger::lookback::{items, with_check, Check, Verdict};
    use crate::round::{RoundKind, RoundStatus};
    let last = r
        .rounds
        .iter()
        .filter(|x| x.data.status == RoundStatus::Finished && x.data.start.is_some())
        .max_by_key(|x| x.data.start);
    let Some(last) = last else { return };
    let start = Day::from_date(today.date() - time::Duration::days(60));
    let Some(term) = r.terms.iter().find(|t| t.meta.id == last.data.term && t.data.contains_year(start.year())) else {
        return;
    };
    let mut round =
        Round::new(term.meta.id, Round::next_ordinal(term.meta.id, crate::round::RoundKind::LookBack, &r.rounds));
    round.kind = RoundKind::LookBack;
    round.start = Some(start);
    round.status = RoundStatus::Ongoing;
    let units: Vec<Id> = r
        .inspections
        .iter()
        .filter(|i| i.data.round == last.meta.id && i.data.milestones.feedback.is_some())
        .map(|i| i.data.target)
        .take(5)
        .collect();
    let round = Record { meta: Meta::new(rng.id(), office, now), data: round };
    let group =
        Record { meta: Meta::new(rng.id(), office, now), data: Group::new(round.meta.id, "回头看巡察组".into()) };
    for unit in units {
        let mut i = Inspection::new(round.meta.id, group.meta.id, unit);
        i.milestones.entry = Some(start);
        r.inspections.push(Record { meta: Meta::new(rng.id(), office, now), data: i });
    }
    let round_id = round.meta.id;
    r.rounds.push(round);
    r.groups.push(group);
    let checked = Day::from_date(today.date() - time::Duration::days(30));
    let listed: Vec<(Id, Option<Day>)> =
        items(r, round_id).iter().map(|(p, rect)| (rect.meta.id, p.data.fed_back_on)).collect();
    for (id, fed_back) in listed {
        let verdict = match rng.below(20) {
            0 => Verdict::Sham,
            1 | 2 => Verdict::Perfunctory,
            3..=6 => Verdict::Ongoing,
            _ => Verdict::Done,
        };
        let note = match verdict {
            Verdict::Sham => "整改报告所附材料与实际不符",
            Verdict::Perfunctory => "整改措施停留在发文层面，未落到实处",
            _ => "",
        };
        let on = fed_back.map_or(checked, |f| f.max(checked));
        let Some(rect) = r.rectifications.iter_mut().find(|x| x.meta.id == id) else { continue };
        rect.data = with_check(&rect.data, Check { round: round_id, verdict, on, note: note.into() });
        rect.meta.touch(office, now);
    }
}

/// Problems a city inspection fed back on two units three months ago (a round of
/// kind 上级巡视巡察反馈), each with its rectification under way: kept by the county
/// and counted in none of its figures. Drawn after the 回头看.
pub(super) fn fed_back_from_above(rng: &mut Rng, office: Id, now: Timestamp, today: Day, r: &mut Records) {
    use crate::group::Group;
    use crate::inspection::Inspection;
    use crate::problem::{Focus, Problem};
    use crate::rectification::Rectification;
    use crate::round::{RoundKind, RoundStatus};
    let fed = Day::from_date(today.date() - time::Duration::days(90));
    let Some(term) = r.terms.iter().find(|t| t.data.contains_year(fed.year())) else { return };
    let mut round = Round::new(term.meta.id, Round::next_ordinal(term.meta.id, RoundKind::Upper, &r.rounds));
    round.kind = RoundKind::Upper;
    round.topic = "市委第二巡察组".into();
    round.start = Some(fed);
    round.status = RoundStatus::Finished;
    let round = Record { meta: Meta::new(rng.id(), office, now), data: round };
    let group = Record {
        meta: Meta::new(rng.id(), office, now),
        data: Group::new(round.meta.id, "市委第二巡察组".into()),
    };
    let units: Vec<(Id, String)> = r
        .targets
        .iter()
        .filter(|t| t.data.township.is_none())
        .take(2)
        .map(|t| (t.meta.id, t.data.name.clone()))
        .collect();
    for (unit, name) in units {
        let mut i = Inspection::new(round.meta.id, group.meta.id, unit);
        i.milestones.feedback = Some(fed);
        r.inspections.push(Record { meta: Meta::new(rng.id(), office, now), data: i });
        for (n, fault) in ["落实意识形态工作责任制不到位", "“三重一大”事项集体决策制度执行不严"].iter().enumerate()
        {
            let mut p = Problem::new(round.meta.id, unit, fed);
            p.focus = if n == 0 { Focus::Policy } else { Focus::Organisation };
            p.description = format!("{name}{fault}");
            p.fed_back_on = Some(fed);
            let problem = Record { meta: Meta::new(rng.id(), office, now), data: p };
            let mut rect = Rectification::new(problem.meta.id, fed.add_months(3).unwrap_or(fed));
            rect.measures = "制定整改方案，逐项明确责任人和完成时限".into();
            rect.unit = name.clone();
            r.rectifications.push(Record { meta: Meta::new(rng.id(), office, now), data: rect });
            r.problems.push(problem);
        }
    }
    r.rounds.push(round);
    r.groups.push(group);
}

/// A 政治生态评估 of most units of the finished rounds, on their feedback day, by
/// the built-in set: mostly 良好 or 较好, a few 一般 or 较差.
pub(super) fn assessments(rng: &mut Rng, r: &mut Records) {
    use crate::ecology::{Assessment, Points, Scheme, Scored};
    use crate::round::RoundStatus;
    let finished: std::collections::HashSet<Id> = r
        .rounds
        .iter()
        .filter(|x| x.data.status == RoundStatus::Finished && x.data.kind.is_county())
        .map(|x| x.meta.id)
        .collect();
    let scheme = Scheme::default();
    for i in r.inspections.iter_mut().filter(|i| finished.contains(&i.data.round)) {
        let Some(on) = i.data.milestones.feedback else { continue };
        if rng.chance(25) {
            continue;
        }
        // A unit's level, then each mark within a point of it, in tenths out of 10.
        let level = 60 + rng.below(41) as u32;
        let items = scheme
            .indicators
            .iter()
            .map(|x| {
                let mark = (level + rng.below(21) as u32).saturating_sub(10).min(100);
                Scored { name: x.name.clone(), weight: x.weight, max: x.max, score: Points(mark) }
            })
            .collect();
        let notes = String::new();
        i.data.assessment =
            Some(Assessment { on, assessor: "巡察组".into(), items, thresholds: scheme.thresholds, notes });
    }
}
