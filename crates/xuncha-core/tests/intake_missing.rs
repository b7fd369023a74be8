//! 补建: the units, rounds and inspections a ledger names and the office has not
//! entered are made from what the ledger says, as documented in `intake::missing`, and
//! said where they cannot be; once made, the ledger's rows come in.

use xuncha_core::i18n::Lang;
use xuncha_core::id::Id;
use xuncha_core::intake::{self, header, missing, Defaults, RowOutcome};
use xuncha_core::meta::Timestamp;
use xuncha_core::problem::Focus;
use xuncha_core::record::Records;
use xuncha_core::round::{RoundKind, RoundStatus};
use xuncha_core::target::TargetKind;

// Rounds and inspections are what these tests leave for 补建 to make.
#[allow(dead_code)]
#[path = "common/county.rs"]
mod county;
use county::{day, County};

fn defaults() -> Defaults {
    Defaults {
        round: None,
        year: None,
        focus: Some(Focus::Policy),
        office: Id::from_random_bytes([7; 16]),
        now: Timestamp::from_unix_millis(1_796_083_200_000.0), // 2026-12-01
        lang: Lang::Zh,
    }
}

/// Checks `csv` against `stored`, plans 补建 for what it lacks, and checks again with it.
fn make(csv: &str, stored: &Records) -> (missing::Made, intake::Conversion) {
    let book = intake::read(csv.as_bytes()).expect("the file reads");
    let grid = &book.sheets[0];
    let head = header::find(grid).expect("a header");
    let mapping = header::guess_for(&head);
    let first = intake::convert(grid, &head, &mapping, stored, defaults());
    let made = missing::plan(
        (grid, &head, &mapping),
        stored,
        &defaults(),
        &first.problems,
        TargetKind::CountyGovDept,
        "旧台账.csv",
    );
    let mut with = stored.clone();
    for r in made.records.clone().into_any() {
        with.push(r);
    }
    (made, intake::convert(grid, &head, &mapping, &with, defaults()))
}

#[test]
fn a_round_a_unit_and_their_inspections_are_made_from_the_ledger_and_its_rows_then_come_in() {
    let mut c = County::empty();
    c.term("十四届", 2016, 2020);
    c.term("十五届", 2021, 2026);
    let finance = c.target("县财政局", TargetKind::CountyGovDept, None);
    let csv = "巡察轮次,被巡察单位,存在问题,发现时间,整改措施,整改时限,整改情况\n\
               第二轮“回头看”,县财政局党组,预算执行进度慢,2022.4.20,建立月调度机制,2022.9.30,已销号\n\
               第二轮“回头看”,县财政局,专项资金闲置,2022.4.12,清理盘活存量资金,2022.8.31,整改中\n\
               第二轮“回头看”,大山镇,党委会议记录不全,2022.4.25,规范会议记录,2022.7.31,未整改\n\
               十四届第三轮,县财政局,三公经费超支,,压减开支,2019.12.31,整改中\n";
    let (made, after) = make(csv, &c.d);
    assert_eq!(made.cannot, Vec::<String>::new());
    let units: Vec<(&str, TargetKind)> =
        made.records.targets.iter().map(|t| (t.data.name.as_str(), t.data.kind)).collect();
    assert_eq!(units, [("大山镇", TargetKind::Township)], "the kind from the name");
    let mut rounds: Vec<_> =
        made.records.rounds.iter().map(|r| (r.data.ordinal, r.data.kind, r.data.start, r.data.status)).collect();
    rounds.sort_by_key(|r| r.0);
    assert_eq!(
        rounds,
        [
            (2, RoundKind::LookBack, Some(day("2022-04-12")), RoundStatus::Finished),
            (3, RoundKind::Regular, Some(day("2019-12-31")), RoundStatus::Finished),
        ]
    );
    let terms: Vec<&str> = made
        .records
        .rounds
        .iter()
        .filter_map(|r| c.d.terms.iter().find(|t| t.meta.id == r.data.term).map(|t| t.data.name.as_str()))
        .collect();
    assert!(
        terms.contains(&"十五届") && terms.contains(&"十四届"),
        "the term named, else the one holding the day: {terms:?}"
    );
    let second = made.records.rounds.iter().find(|r| r.data.ordinal == 2).expect("the second round");
    let of_finance = made
        .records
        .inspections
        .iter()
        .find(|i| i.data.round == second.meta.id && i.data.target == finance)
        .expect("县财政局's inspection");
    assert_eq!(of_finance.data.milestones.entry, Some(day("2022-04-12")));
    assert_eq!(of_finance.data.milestones.feedback, Some(day("2022-04-20")), "the latest day a row was found");
    assert!(of_finance.data.notes.contains("据原台账《旧台账.csv》补建"));
    assert_eq!(made.records.inspections.len(), 3);
    assert_eq!(
        made.records.groups.iter().map(|g| g.data.name.as_str()).collect::<Vec<_>>(),
        ["原台账导入组", "原台账导入组"]
    );
    assert_eq!(after.problems, vec![], "{:?}", after.problems.iter().map(|p| p.message(Lang::Zh)).collect::<Vec<_>>());
    assert_eq!(after.count(RowOutcome::Added), 4);
}

#[test]
fn a_round_whose_term_is_not_entered_is_not_made_and_says_why() {
    let mut c = County::empty();
    c.term("十五届", 2021, 2026);
    c.target("县财政局", TargetKind::CountyGovDept, None);
    let csv = "巡察轮次,被巡察单位,存在问题,整改时限\n第一轮,县财政局,预算执行进度慢,2012.9.30\n第五轮,县财政局,专项资金闲置,\n";
    let (made, after) = make(csv, &c.d);
    assert!(made.is_empty());
    assert_eq!(
        made.cannot,
        [
            "无法补建“第一轮”：没有包含 2012 年的届次，请先在“届次”页登记届次。",
            "无法补建“第五轮”：表中这一轮的行都没有日期，定不出开始日期，请先在“巡察轮次”页登记这一轮。",
        ]
    );
    assert_eq!(after.count(RowOutcome::Refused), 2, "the rows stay refused");
}
