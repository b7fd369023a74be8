//! 全覆盖 of a small county counted by hand: by kind, county level against villages,
//! villages per township, the targets still to inspect, a merged village and a
//! target added mid-term, and the warning when coverage falls behind the time gone.

use xuncha_core::id::Id;
use xuncha_core::ops::Snapshot;
use xuncha_core::round::RoundKind;
use xuncha_core::stats::coverage::{behind, coverage, Goal, Share};
use xuncha_core::target::{TargetKind, TargetStatus};

#[path = "common/county.rs"]
mod county;
use county::{day, County};

/// Ten targets: four county units, two townships, four villages of which one merged.
fn county() -> (County, Id, Vec<Id>) {
    let mut c = County::empty();
    let term_id = c.term("十五届", 2021, 2026);
    let earlier_id = c.term("十四届", 2016, 2020);
    let finance = c.target("县财政局", TargetKind::CountyGovDept, None);
    let publicity = c.target("县委宣传部", TargetKind::CountyPartyDept, None);
    let school = c.target("县委党校", TargetKind::Institution, None);
    let water = c.target("县供水公司", TargetKind::StateEnterprise, None);
    let town = c.target("城关镇", TargetKind::Township, None);
    let east_town = c.target("东关镇", TargetKind::Township, None);
    let a = c.target("甲村", TargetKind::Village, Some(town));
    let b = c.target("乙村", TargetKind::Village, Some(town));
    let merged = c.target("丙村", TargetKind::Village, Some(town));
    let d = c.target("丁社区", TargetKind::Community, Some(east_town));
    if let Some(t) = c.d.targets.iter_mut().find(|t| t.meta.id == merged) {
        t.data.status = TargetStatus::Merged;
    }
    let r1_id = c.round(term_id, 1, RoundKind::Regular, "2022-03-01");
    let r2_id = c.round(term_id, 2, RoundKind::Regular, "2023-03-01");
    let old_id = c.round(earlier_id, 5, RoundKind::Regular, "2019-03-01");
    c.inspect(r1_id, finance, &[]);
    c.inspect(r1_id, town, &[]);
    c.inspect(r1_id, a, &[]);
    c.inspect(r2_id, a, &[]);
    c.inspect(r2_id, merged, &[]);
    // Inspected in the earlier term only: not covered in this one.
    c.inspect(old_id, publicity, &[]);
    c.inspect(old_id, d, &[]);
    (c, term_id, vec![finance, publicity, school, water, town, east_town, a, b, merged, d])
}

#[test]
fn coverage_counts_the_live_register_against_the_terms_inspections() {
    let (c, term, ids) = county();
    let cov = coverage(&c.d, term, day("2026-12-01"));
    // Nine live targets (丙村 merged); covered: 县财政局, 城关镇, 甲村.
    assert_eq!(cov.all, Share { total: 9, covered: 3 });
    assert_eq!(cov.county_level, Share { total: 6, covered: 2 });
    assert_eq!(cov.villages, Share { total: 3, covered: 1 });
    assert_eq!(cov.all.rate().map(|r| (r * 10.0).round() / 10.0), Some(33.3));
    let kind = |k: TargetKind| cov.by_kind.iter().find(|(x, _)| *x == k).map(|(_, s)| *s).unwrap_or_default();
    assert_eq!(kind(TargetKind::CountyGovDept), Share { total: 1, covered: 1 });
    assert_eq!(kind(TargetKind::CountyPartyDept), Share { total: 1, covered: 0 }, "inspected last term only");
    assert_eq!(kind(TargetKind::Township), Share { total: 2, covered: 1 });
    assert_eq!(kind(TargetKind::Village), Share { total: 2, covered: 1 }, "the merged village leaves the base");
    assert_eq!(kind(TargetKind::Community), Share { total: 1, covered: 0 });
    let town = cov.by_township.iter().find(|(w, _)| *w == ids[4]).map(|(_, s)| *s);
    assert_eq!(town, Some(Share { total: 2, covered: 1 }));
    let east = cov.by_township.iter().find(|(w, _)| *w == ids[5]).map(|(_, s)| *s);
    assert_eq!(east, Some(Share { total: 1, covered: 0 }));
    let mut remaining = cov.remaining.clone();
    remaining.sort();
    let mut expected = vec![ids[1], ids[2], ids[3], ids[5], ids[7], ids[9]];
    expected.sort();
    assert_eq!(remaining, expected);
}

#[test]
fn a_target_added_mid_term_joins_the_base_and_an_empty_register_has_no_rate() {
    let (mut c, term, _) = county();
    c.target("新设社区", TargetKind::Community, None);
    assert_eq!(coverage(&c.d, term, day("2026-12-01")).all, Share { total: 10, covered: 3 });
    assert_eq!(coverage(&Snapshot::default(), term, day("2026-12-01")).all.rate(), None);
}

#[test]
fn coverage_behind_the_time_gone_is_flagged_and_a_goal_of_its_own_moves_the_line() {
    let whole = Goal::whole_term(2026).unwrap_or_else(|| panic!("a goal"));
    // Half of 2021–2026 is gone by the end of 2023.
    let mid = day("2024-01-01");
    let expected = whole.expected(2021, mid).unwrap_or_default();
    assert!((expected - 50.0).abs() < 0.1, "{expected}");
    assert_eq!(behind(Some(60.0), &whole, 2021, mid), None);
    assert!(behind(Some(33.3), &whole, 2021, mid).is_some());
    assert_eq!(behind(None, &whole, 2021, day("2021-01-01")), None, "nothing is expected on the first day");
    // "力争年底覆盖率达到50%以上", said at the start of 2021.
    let speech = Goal { percent: 50, by: day("2021-12-31") };
    assert_eq!(behind(Some(50.0), &speech, 2021, day("2022-06-01")), None);
    assert_eq!(behind(Some(40.0), &speech, 2021, day("2022-06-01")), Some(50.0), "past the day, the whole goal");
}
