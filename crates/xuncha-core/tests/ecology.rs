//! 政治生态评估 in the statistics: a year's units by grade, each figure opening
//! exactly the assessments it counts, the summary's sentence, a township's view,
//! and an assessment travelling in a file and back.

use xuncha_core::ecology::{Assessment, Grade, Points, Scheme, Scored};
use xuncha_core::i18n::Lang;
use xuncha_core::id::Id;
use xuncha_core::ledger::Ledger;
use xuncha_core::round::RoundKind;
use xuncha_core::stats::{text, Link, Period, Stats, StatsScope};
use xuncha_core::target::TargetKind;

#[path = "common/county.rs"]
mod county;
use county::{day, County};

/// The built-in set with every indicator scored `mark` out of 10.
fn assessment(mark: u32, on: &str) -> Assessment {
    let s = Scheme::default();
    let items = s
        .indicators
        .iter()
        .map(|i| Scored { name: i.name.clone(), weight: i.weight, max: i.max, score: Points::whole(mark) })
        .collect();
    Assessment {
        on: day(on), assessor: "第一巡察组".into(), items, thresholds: s.thresholds, notes: String::new()
    }
}

/// 2025: 城关镇 graded 较好. 2026: 城关镇 良好, 县财政局 良好, 东村 较差, 县委宣传部 not assessed.
fn county() -> (County, Id) {
    let mut c = County::empty();
    let term = c.term("十五届", 2021, 2026);
    let town = c.target("城关镇", TargetKind::Township, None);
    let finance = c.target("县财政局", TargetKind::CountyGovDept, None);
    let village = c.target("东村", TargetKind::Village, Some(town));
    let publicity = c.target("县委宣传部", TargetKind::CountyPartyDept, None);
    let r0 = c.round(term, 1, RoundKind::Regular, "2025-03-01");
    let r1 = c.round(term, 2, RoundKind::Regular, "2026-03-01");
    for (round, unit, graded) in [
        (r0, town, Some((8, "2025-05-01"))),
        (r1, town, Some((9, "2026-05-01"))),
        (r1, finance, Some((10, "2026-05-02"))),
        (r1, village, Some((5, "2026-05-03"))),
        (r1, publicity, None),
    ] {
        c.inspect(round, unit, &[]);
        if let (Some(i), Some((mark, on))) = (c.d.inspections.last_mut(), graded) {
            i.data.assessment = Some(assessment(mark, on));
        }
    }
    (c, town)
}

fn today() -> xuncha_core::date::Day {
    day("2026-12-01")
}

#[test]
fn a_year_counts_its_units_by_grade_and_each_figure_opens_the_assessments_it_counts() {
    let (c, _) = county();
    let scope = StatsScope::of(Period::Year(2026));
    let s = Stats::of(&c.d, &Ledger::build(&c.d, Lang::Zh), &scope, today());
    let values: Vec<u64> = ["ecology.assessed", "ecology.good", "ecology.fair", "ecology.average", "ecology.poor"]
        .iter()
        .map(|k| s.value(k))
        .collect();
    assert_eq!(values, [3, 2, 0, 0, 1]);
    for key in ["ecology.assessed", "ecology.good", "ecology.poor"] {
        let Some(Link::Assessments(filter)) = s.figure(key).and_then(|f| f.link.clone()) else {
            panic!("{key} opens the assessments")
        };
        let shown = c.d.inspections.iter().filter(|i| filter.matches(i)).count() as u64;
        assert_eq!(shown, s.value(key), "{key}");
    }
    let summary = text::summary(&s, &scope.phrase(&c.d, Lang::Zh), Lang::Zh);
    assert!(
        summary.contains("对3个被巡察党组织进行了政治生态综合评估，根据得分情况，2个为良好等次，1个为较差等次。"),
        "{summary}"
    );
}

#[test]
fn a_unit_assessed_twice_in_a_term_counts_once_by_its_latest_grade() {
    let (c, town) = county();
    let term = c.d.terms[0].meta.id;
    let s = Stats::of(&c.d, &Ledger::build(&c.d, Lang::Zh), &StatsScope::of(Period::Term(term)), today());
    assert_eq!(
        (s.value("ecology.assessed"), s.value("ecology.good"), s.value("ecology.fair")),
        (3, 2, 0),
        "城关镇 once, 良好"
    );
    let Some(Link::Assessments(filter)) = s.figure("ecology.good").and_then(|f| f.link.clone()) else {
        panic!("the figure opens the assessments")
    };
    let shown: Vec<_> = c.d.inspections.iter().filter(|i| filter.matches(i)).map(|i| i.data.target).collect();
    assert!(shown.contains(&town) && shown.len() == 2, "{shown:?}");
}

#[test]
fn a_township_counts_itself_and_its_villages_and_a_year_without_assessments_has_no_group() {
    let (c, town) = county();
    let scope = StatsScope { township: Some(town), ..StatsScope::of(Period::Year(2026)) };
    let s = Stats::of(&c.d, &Ledger::build(&c.d, Lang::Zh), &scope, today());
    assert_eq!((s.value("ecology.assessed"), s.value("ecology.good"), s.value("ecology.poor")), (2, 1, 1));
    let s = Stats::of(&c.d, &Ledger::build(&c.d, Lang::Zh), &StatsScope::of(Period::Year(2024)), today());
    assert!(s.figure("ecology.assessed").is_none());
    let s = Stats::of(&c.d, &Ledger::build(&c.d, Lang::Zh), &StatsScope::of(Period::Year(2025)), today());
    let summary = text::summary(&s, "2025年", Lang::Zh);
    assert!(summary.contains("对1个被巡察党组织进行了政治生态综合评估，均评定为较好等次。"), "{summary}");
}

#[test]
fn the_same_units_grades_read_over_time_and_an_assessment_travels_in_a_file_unchanged() {
    let (c, town) = county();
    let latest =
        c.d.inspections
            .iter()
            .filter(|i| i.data.target == town)
            .max_by_key(|i| i.data.assessment.as_ref().map(|a| a.on));
    let Some(latest) = latest else { panic!("城关镇 assessed") };
    assert_eq!(xuncha_core::ecology::earlier(&c.d.inspections, latest, Lang::Zh), ["2025-05-01 较好（80）"]);
    assert_eq!(latest.data.assessment.as_ref().map(|a| a.grade()), Some(Grade::Good));
    let text = serde_json::to_string(&latest.data).unwrap_or_default();
    assert!(text.contains("\"assessment\":{\"on\":\"2026-05-01\""), "{text}");
    let back: xuncha_core::inspection::Inspection = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, latest.data);
    let plain = serde_json::to_string(&c.d.inspections[4].data).unwrap_or_default();
    assert!(!plain.contains("assessment"), "an inspection without one writes nothing new: {plain}");
}
