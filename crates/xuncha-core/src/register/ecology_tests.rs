//! The rules of 政治生态评估: scoring, grading, the set's rules and the sentence.

use super::*;
use crate::testing::rec;

fn day(s: &str) -> Day {
    s.parse().unwrap_or_else(|_| panic!("a day: {s}"))
}

/// The built-in set scored with these marks out of 10.
fn assessed(marks: [&str; 6]) -> Assessment {
    let scheme = Scheme::default();
    let items = scheme
        .indicators
        .iter()
        .zip(marks)
        .map(|(i, m)| Scored {
            name: i.name.clone(),
            weight: i.weight,
            max: i.max,
            score: Points::parse(m).unwrap_or_else(|| panic!("{m}")),
        })
        .collect();
    Assessment {
        on: day("2026-05-20"),
        assessor: "第一巡察组".into(),
        items,
        thresholds: scheme.thresholds,
        notes: String::new(),
    }
}

fn broken(a: &Assessment, entry: Option<Day>) -> Vec<T> {
    let mut c = Checker::default();
    a.check(&mut c, entry);
    c.finish().err().unwrap_or_default().into_iter().map(|e| e.msg).collect()
}

#[test]
fn scores_are_read_to_one_decimal_in_either_width_and_nothing_else() {
    assert_eq!(Points::parse("8.5"), Some(Points(85)));
    assert_eq!(Points::parse(" ９．５ "), Some(Points(95)));
    assert_eq!(Points::parse("10"), Some(Points(100)));
    assert_eq!(Points::parse("7.50"), Some(Points(75)));
    for bad in ["", "-1", "8.25", "八", "1e2", ".5", "1001", "8,5"] {
        assert_eq!(Points::parse(bad), None, "{bad}");
    }
    assert_eq!((Points(85).to_string(), Points(90).to_string()), ("8.5".to_owned(), "9".to_owned()));
}

#[test]
fn a_score_travels_in_tenths_as_a_whole_number() {
    assert_eq!(serde_json::to_string(&[Points(85), Points(90)]).ok(), Some("[85,90]".to_owned()));
    let back: Result<Vec<Points>, _> = serde_json::from_str("[85, 90, 0]");
    assert_eq!(back.ok(), Some(vec![Points(85), Points(90), Points(0)]));
    for bad in ["[8.5]", "[-1]", "[\"8\"]"] {
        assert!(serde_json::from_str::<Vec<Points>>(bad).is_err(), "{bad}");
    }
}

#[test]
fn the_total_weighs_each_share_of_full_marks_and_the_lines_give_the_grade() {
    let a = assessed(["10", "10", "10", "10", "10", "10"]);
    assert_eq!((a.total(), a.grade()), (Points::whole(100), Grade::Good));
    // 9×2 + 8×1.5 + 9×2 + 8×1.5 + 8.5×2 + 7×1 = 18 + 12 + 18 + 12 + 17 + 7 = 84
    let a = assessed(["9", "8", "9", "8", "8.5", "7"]);
    assert_eq!((a.total(), a.grade()), (Points::whole(84), Grade::Fair));
    let a = assessed(["9", "9", "9", "9", "9", "9"]);
    assert_eq!((a.total(), a.grade()), (Points::whole(90), Grade::Good), "the line itself is in the grade");
    let a = assessed(["6", "6", "6", "6", "6", "5.9"]);
    assert_eq!((a.total().to_string(), a.grade()), ("59.9".to_owned(), Grade::Poor));
    let a = assessed(["7", "7", "7", "7", "7", "7"]);
    assert_eq!(a.grade(), Grade::Average);
}

#[test]
fn an_assessment_keeps_the_lines_it_was_graded_by() {
    let mut a = assessed(["9", "8", "9", "8", "8.5", "7"]);
    assert_eq!(a.grade(), Grade::Fair);
    a.thresholds = Thresholds { good: Points::whole(95), fair: Points::whole(85), average: Points::whole(70) };
    assert_eq!(a.grade(), Grade::Average, "84 under its own, stricter lines");
    assert_eq!(a.scheme().thresholds, a.thresholds);
}

#[test]
fn the_built_in_set_passes_its_own_rules_and_a_broken_set_is_named() {
    let mut c = Checker::default();
    Scheme::default().check(&mut c);
    assert!(c.finish().is_ok());
    let mut s = Scheme::default();
    s.indicators[0].weight = 25;
    s.indicators[1].name = s.indicators[2].name.clone();
    s.indicators[3].max = Points(0);
    s.thresholds.fair = Points::whole(95);
    let mut c = Checker::default();
    s.check(&mut c);
    let msgs: Vec<T> = c.finish().err().unwrap_or_default().into_iter().map(|e| e.msg).collect();
    assert_eq!(msgs, [T::ErrEcologyIndicatorTwice, T::ErrEcologyWeights, T::ErrEcologyMax, T::ErrEcologyThresholds]);
    let mut c = Checker::default();
    Scheme { indicators: Vec::new(), thresholds: Thresholds::default() }.check(&mut c);
    let msgs: Vec<T> = c.finish().err().unwrap_or_default().into_iter().map(|e| e.msg).collect();
    assert_eq!(msgs, [T::ErrEcologyNoIndicators]);
}

#[test]
fn a_score_above_full_marks_or_a_day_before_the_entry_is_refused() {
    let mut a = assessed(["9", "8", "9", "8", "8.5", "7"]);
    assert!(broken(&a, Some(day("2026-03-01"))).is_empty());
    a.items[2].score = Points::whole(11);
    assert_eq!(broken(&a, Some(day("2026-06-01"))), [T::ErrEcologyScore, T::ErrEcologyBeforeEntry]);
}

#[test]
fn the_sentence_names_the_grades_given_as_the_summaries_write_it() {
    let good = assessed(["10", "10", "10", "9", "9", "9"]);
    let fair = assessed(["9", "8", "9", "8", "8.5", "7"]);
    let poor = assessed(["5", "5", "5", "5", "5", "5"]);
    let g = GradeCounts::count([&good, &good, &fair, &poor]);
    assert_eq!((g.assessed, g.of(Grade::Good), g.of(Grade::Average)), (4, 2, 0));
    assert_eq!(
        g.sentence(Lang::Zh).as_deref(),
        Some("对4个被巡察党组织进行了政治生态综合评估，根据得分情况，2个为良好等次，1个为较好等次，1个为较差等次。")
    );
    let all = GradeCounts::count([&good, &good]);
    assert_eq!(all.sentence(Lang::Zh).as_deref(), Some("对2个被巡察党组织进行了政治生态综合评估，均评定为良好等次。"));
    assert_eq!(GradeCounts::default().sentence(Lang::Zh), None);
    assert!(g.sentence(Lang::En).is_some_and(|s| s.contains("2 graded Good")));
}

#[test]
fn a_units_earlier_grades_are_listed_oldest_first_and_the_filter_picks_by_grade() {
    let (round, unit) = (Id::from_random_bytes([1; 16]), Id::from_random_bytes([2; 16]));
    let mut older = Inspection::new(Id::from_random_bytes([3; 16]), Id::nil(), unit);
    older.assessment = Some(Assessment { on: day("2023-04-01"), ..assessed(["9", "8", "9", "8", "8.5", "7"]) });
    let mut now = Inspection::new(round, Id::nil(), unit);
    now.assessment = Some(assessed(["10", "10", "10", "9", "9", "9"]));
    let other = Inspection::new(round, Id::nil(), Id::from_random_bytes([4; 16]));
    let list = vec![rec(1, older), rec(2, now), rec(3, other)];
    assert_eq!(earlier(&list, &list[1], Lang::Zh), ["2023-04-01 较好（84）"]);
    assert!(earlier(&list, &list[0], Lang::Zh).is_empty());
    let f = AssessmentFilter { grade: Some(Grade::Good), ..AssessmentFilter::default() };
    let picked: Vec<bool> = list.iter().map(|i| f.matches(i)).collect();
    assert_eq!(picked, [false, true, false], "the unassessed one never");
    let f = AssessmentFilter { round: Some(round), ..AssessmentFilter::default() };
    assert_eq!(list.iter().filter(|i| f.matches(i)).count(), 1);
}
