//! The rules of 回头看: which rectifications a look-back lists, what a check needs,
//! how two offices' checks merge, and the seeds' sentence.

use super::*;
use crate::inspection::Inspection;
use crate::record::Model;
use crate::testing::{day, rec};

/// An earlier regular round and a look-back in 2026, a unit inspected in both, another
/// only in the first: each with a rectification from the first round.
fn county() -> (Records, Id, [Id; 2]) {
    let mut r = Records::default();
    let term = Id::from_random_bytes([1; 16]);
    let mut first = Round::new(term, 1);
    first.start = Some(day("2025-03-01"));
    let mut look = Round::new(term, 2);
    look.kind = RoundKind::LookBack;
    look.start = Some(day("2026-03-01"));
    let (first, look) = (rec(2, first), rec(3, look));
    let (a, b) = (Id::from_random_bytes([4; 16]), Id::from_random_bytes([5; 16]));
    let group = Id::from_random_bytes([6; 16]);
    r.inspections = vec![
        rec(7, Inspection::new(first.meta.id, group, a)),
        rec(8, Inspection::new(first.meta.id, group, b)),
        rec(9, Inspection::new(look.meta.id, group, a)),
    ];
    for (n, unit) in [(10, a), (12, b)] {
        let mut p = Problem::new(first.meta.id, unit, day("2025-03-20"));
        p.fed_back_on = Some(day("2025-05-10"));
        let p = rec(n, p);
        r.rectifications.push(rec(n + 1, Rectification::new(p.meta.id, day("2025-08-31"))));
        r.problems.push(p);
    }
    let ids = [first.meta.id, look.meta.id];
    r.rounds = vec![first, look];
    (r, ids[1], ids)
}

#[test]
fn a_look_back_lists_the_earlier_rectifications_of_the_units_it_visits() {
    let (r, look, _) = county();
    let listed: Vec<Id> = items(&r, look).iter().map(|(_, rect)| rect.meta.id).collect();
    assert_eq!(listed, [r.rectifications[0].meta.id], "only the unit it visits");
}

#[test]
fn a_check_is_made_by_a_look_back_round_after_feedback_and_a_finding_says_what_was_seen() {
    let (r, look, [first, _]) = county();
    let problem = &r.problems[0].data;
    let round = |id: Id| r.rounds.iter().find(|x| x.meta.id == id);
    let mut check = Check { round: look, verdict: Verdict::Sham, on: day("2026-04-01"), note: String::new() };
    let fields = |c: &Check, id: Id| -> Vec<&str> {
        c.validate(round(id), Some(problem), day("2026-12-01"))
            .err()
            .unwrap_or_default()
            .iter()
            .map(|i| i.field)
            .collect()
    };
    assert_eq!(fields(&check, look), ["note"]);
    check.note = "整改报告与实际不符，台账系补记".into();
    assert_eq!(fields(&check, look), Vec::<&str>::new());
    let by_first = Check { round: first, ..check.clone() };
    assert_eq!(fields(&by_first, first), ["round", "round"], "not a look-back, and the problem's own round");
    let early = Check { on: day("2025-05-01"), ..check.clone() };
    assert_eq!(fields(&early, look), ["on", "on"], "before the look-back began, and before feedback");
    let before_round = Check { on: day("2026-02-01"), ..check.clone() };
    assert_eq!(fields(&before_round, look), ["on"]);
    let ahead = Check { on: day("2026-12-02"), ..check.clone() };
    assert_eq!(fields(&ahead, look), ["on"], "not after today");
    let rect = with_check(&r.rectifications[0].data, check.clone());
    let again = with_check(&rect, Check { verdict: Verdict::Done, note: String::new(), ..check });
    assert_eq!(again.checks.len(), 1, "one check per round, the latest");
    assert_eq!(check_of(&again, look).map(|c| c.verdict), Some(Verdict::Done));
}

#[test]
fn two_offices_checks_of_one_rectification_merge_by_round_and_differ_only_as_a_conflict() {
    let a = Id::from_random_bytes([1; 16]);
    let b = Id::from_random_bytes([2; 16]);
    let check = |round: Id, verdict: Verdict| Check { round, verdict, on: day("2026-04-01"), note: "见台账".into() };
    let json = |c: &[Check]| serde_json::to_value(c).unwrap_or_default();
    let merged = Rectification::union("checks", &json(&[check(a, Verdict::Done)]), &json(&[check(b, Verdict::Sham)]));
    let merged: Vec<Check> =
        merged.and_then(Result::ok).and_then(|v| serde_json::from_value(v).ok()).unwrap_or_default();
    assert_eq!(merged.len(), 2);
    let clash = Rectification::union("checks", &json(&[check(a, Verdict::Done)]), &json(&[check(a, Verdict::Sham)]));
    assert_eq!(clash, Some(Err(())));
}

#[test]
fn the_figures_count_each_rounds_checks_and_word_them_as_the_seeds_do() {
    let (mut r, look, _) = county();
    // The look-back visits the second unit too.
    let mut also = r.inspections[2].clone();
    also.meta.id = Id::from_random_bytes([20; 16]);
    also.data.target = r.problems[1].data.target;
    r.inspections.push(also);
    let verdicts = [Verdict::Done, Verdict::Perfunctory];
    for (rect, verdict) in r.rectifications.iter_mut().zip(verdicts) {
        rect.data =
            with_check(&rect.data, Check { round: look, verdict, on: day("2026-04-01"), note: "见台账".into() });
    }
    let f = LookBackFigures::of(&r, &[look]);
    assert_eq!((f.checked, f.done, f.perfunctory, f.sham), (2, 1, 1, 0));
    assert_eq!(
        f.sentence(Lang::Zh).as_deref(),
        Some("“回头看”共检查整改事项2个，其中已整改1个、正在整改0个；发现敷衍整改问题1个、虚假整改问题0个。")
    );
    let clean = LookBackFigures { checked: 3, done: 2, ongoing: 1, ..LookBackFigures::default() };
    assert_eq!(
        clean.sentence(Lang::Zh).as_deref(),
        Some("“回头看”共检查整改事项3个，其中已整改2个、正在整改1个，未发现敷衍整改、虚假整改的问题。")
    );
    assert_eq!(LookBackFigures::of(&r, &[]).sentence(Lang::Zh), None, "no look-back, no sentence");
    // A unit taken out of the look-back takes its finding out of the count.
    r.inspections.pop();
    assert_eq!(LookBackFigures::of(&r, &[look]).checked, 1);
}
