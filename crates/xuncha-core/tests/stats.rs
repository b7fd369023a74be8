//! The statistics of a small county whose every figure was counted by hand: a
//! year, a term and a township; every ledger figure equals the rows its link
//! shows, every list adds up to its figure; the summary's text word for word.

use xuncha_core::clue::{Clue, Recipient};
use xuncha_core::date::Day;
use xuncha_core::i18n::Lang;
use xuncha_core::id::{Id, IdSource};
use xuncha_core::inspection::Activity;
use xuncha_core::ledger::Ledger;
use xuncha_core::meta::Timestamp;
use xuncha_core::problem::{Focus, Problem, Scope};
use xuncha_core::questionnaire::{Purpose, Questionnaire};
use xuncha_core::recommendation::Recommendation;
use xuncha_core::rectification::{Event, RectStatus, Rectification, Step};
use xuncha_core::response::{Channel, PaperBatch, Response};
use xuncha_core::round::RoundKind;
use xuncha_core::stats::{picked_targets, text, Link, Period, Pick, Stats, StatsScope};
use xuncha_core::target::TargetKind;

#[path = "common/county.rs"]
mod county;
use county::{day, County};

impl County {
    fn problem(&mut self, round: Id, target: Id, focus: Focus, scope: Scope, on_spot: bool) -> Id {
        let mut p = Problem::new(round, target, day("2026-04-01"));
        p.focus = focus;
        p.scope = scope;
        p.rectified_on_spot = on_spot.then(|| day("2026-04-02"));
        let r = self.rec(p);
        let id = r.meta.id;
        self.d.problems.push(r);
        id
    }

    fn rectify(&mut self, problem: Id, status: RectStatus, deadline: &str, inadequate: bool) {
        let mut r = Rectification::new(problem, day(deadline));
        r.status = status;
        if inadequate {
            r.history.push(Event {
                on: day("2026-08-01"),
                step: Step::Inadequate,
                from: RectStatus::AwaitingVerification,
                to: RectStatus::InProgress,
                note: "整改不彻底".into(),
                old_deadline: None,
                new_deadline: None,
                approver: String::new(),
                evidence: String::new(),
            });
        }
        let r = self.rec(r);
        self.d.rectifications.push(r);
    }

    fn clue(&mut self, round: Id, target: Id, cadres: u32, others: u32, to: Option<Recipient>) {
        let mut c = Clue::new(round, target);
        c.summary = "线索".into();
        c.cadres = cadres;
        c.others = others;
        if let Some(to) = to {
            c.recipient = to;
            c.transferred_on = Some(day("2026-05-01"));
        }
        let r = self.rec(c);
        self.d.clues.push(r);
    }

    /// Three rounds: a regular one in 2025, a regular and an extended one in 2026.
    fn new() -> (County, Id, Id) {
        let mut c = County::empty();
        let term_id = c.term("十五届", 2021, 2026);
        let finance = c.target("县财政局", TargetKind::CountyGovDept, None);
        let publicity = c.target("县委宣传部", TargetKind::CountyPartyDept, None);
        let chengguan = c.target("城关镇", TargetKind::Township, None);
        let dazhuang = c.target("大庄镇", TargetKind::Township, None);
        let east = c.target("东村", TargetKind::Village, Some(dazhuang));
        let west = c.target("西村", TargetKind::Village, Some(dazhuang));
        let south = c.target("南社区", TargetKind::Community, Some(chengguan));
        c.target("县供水公司", TargetKind::StateEnterprise, None);
        let r0 = c.round(term_id, 1, RoundKind::Regular, "2025-09-01");
        let r1 = c.round(term_id, 2, RoundKind::Regular, "2026-03-01");
        let r2 = c.round(term_id, 3, RoundKind::Extended, "2026-09-01");
        use Activity::*;
        c.inspect(r0, dazhuang, &[(Talks, 99)]);
        c.inspect(r0, finance, &[(Talks, 1)]);
        c.inspect(r1, finance, &[(Talks, 20), (Documents, 100)]);
        c.inspect(r1, publicity, &[(Talks, 15)]);
        c.inspect(r1, chengguan, &[(Talks, 30), (CallsAndVisits, 5), (Questionnaires, 50)]);
        c.inspect(r2, east, &[(Talks, 8), (FieldVisits, 3)]);
        c.inspect(r2, west, &[]);
        c.inspect(r2, south, &[]);
        c.problem(r1, finance, Focus::Policy, Scope::Common, true);
        let p2 = c.problem(r1, finance, Focus::Corruption, Scope::Individual, false);
        let p3 = c.problem(r1, chengguan, Focus::Organisation, Scope::Common, false);
        let p4 = c.problem(r2, east, Focus::Corruption, Scope::Individual, false);
        let p5 = c.problem(r0, dazhuang, Focus::Policy, Scope::Individual, false);
        c.rectify(p2, RectStatus::Closed, "2026-06-30", false);
        c.rectify(p3, RectStatus::InProgress, "2026-12-31", true);
        c.rectify(p4, RectStatus::NotStarted, "2026-10-01", false);
        c.rectify(p5, RectStatus::LongTerm, "2027-12-31", false);
        c.clue(r1, finance, 2, 1, Some(Recipient::DisciplineCommission));
        c.clue(r2, east, 1, 0, Some(Recipient::Organisation));
        c.clue(r2, west, 0, 0, None);
        c.clue(r0, dazhuang, 5, 0, Some(Recipient::DisciplineCommission));
        let mut sent = Recommendation::new(r1);
        sent.sent_on = Some(day("2026-06-01"));
        let sent = c.rec(sent);
        let draft = c.rec(Recommendation::new(r1));
        c.d.recommendations.extend([sent, draft]);
        let mut q = Questionnaire::new(c.ids.next_id(), Purpose::Survey, "满意度调查");
        q.round = Some(r1);
        q.set_handed_out(None, 40);
        let q = c.rec(q);
        let qid = q.meta.id;
        c.d.questionnaires.push(q);
        for _ in 0..2 {
            let answer = Response {
                questionnaire: qid,
                target: None,
                day: day("2026-04-01"),
                channel: Channel::Kiosk,
                answers: vec![],
            };
            let r = c.rec(answer);
            c.d.responses.push(r);
        }
        let batch = PaperBatch { questionnaire: qid, target: None, day: day("2026-04-02"), forms: 10, counts: vec![] };
        let batch = c.rec(batch);
        c.d.paper_batches.push(batch);
        // The pool: two leaders (one full time), a specialist also on the staff
        // list, and one who left in the summer.
        use xuncha_core::person::{Person, PoolKind, Rank};
        let person = |pools: Vec<PoolKind>, full_time, rank, left: Option<&str>| Person {
            pools,
            full_time,
            rank,
            left: left.map(day),
            ..Person::new("某")
        };
        for p in [
            person(vec![PoolKind::Leaders], true, Rank::SectionChief, None),
            person(vec![PoolKind::Leaders], false, Rank::SectionDeputy, None),
            person(vec![PoolKind::Specialists, PoolKind::Staff], false, Rank::BelowSection, None),
            person(vec![PoolKind::Staff], false, Rank::SectionDeputy, Some("2026-07-01")),
        ] {
            let p = c.rec(p);
            c.d.persons.push(p);
        }
        // What the rounds achieved: two rules in 2026, one in 2025, money recovered.
        use xuncha_core::outcome::{Outcome, OutcomeKind};
        for (round, kind, count, amount) in [
            (r1, OutcomeKind::Rule, 2, None),
            (r0, OutcomeKind::Rule, 1, None),
            (r2, OutcomeKind::Talk, 3, None),
            (r1, OutcomeKind::Recovery, 1, Some(52_000)),
        ] {
            let o = Outcome { title: "某事项".into(), count, amount, ..Outcome::new(round, kind) };
            let o = c.rec(o);
            c.d.outcomes.push(o);
        }
        (c, term_id, dazhuang)
    }
}

fn today() -> Day {
    day("2026-12-01")
}

fn stats(c: &County, scope: StatsScope) -> (Stats, Ledger) {
    let ledger = Ledger::build(&c.d, Lang::Zh);
    (Stats::of(&c.d, &ledger, &scope, today()), ledger)
}

fn assert_figures(stats: &Stats, expected: &[(&str, u64)]) {
    for (key, value) in expected {
        assert!(stats.figure(key).is_some(), "no figure {key}");
        assert_eq!(stats.value(key), *value, "{key}");
    }
}

#[test]
fn a_year_counts_the_rounds_that_start_in_it_and_everything_found_in_them() {
    let (c, _, _) = County::new();
    let (s, _) = stats(&c, StatsScope::of(Period::Year(2026)));
    assert_figures(
        &s,
        &[
            ("rounds.total", 2),
            ("rounds.kind.regular", 1),
            ("rounds.kind.extended", 1),
            ("rounds.kind.special", 0),
            ("targets.total", 6),
            ("targets.kind.county_party_dept", 1),
            ("targets.kind.county_gov_dept", 1),
            ("targets.kind.township", 1),
            ("targets.kind.village", 2),
            ("targets.kind.community", 1),
            ("targets.kind.state_enterprise", 0),
            ("targets.extended_villages", 3),
            ("activities.talks", 73),
            ("activities.calls_and_visits", 5),
            ("activities.documents", 100),
            ("activities.questionnaires", 50),
            ("activities.field_visits", 3),
            ("activities.briefings", 0),
            ("activities.vouchers", 0),
            ("problems.total", 4),
            ("problems.focus.policy", 1),
            ("problems.focus.corruption", 2),
            ("problems.focus.organisation", 1),
            ("problems.common", 2),
            ("problems.individual", 2),
            ("problems.on_spot", 1),
            ("rectification.total", 3),
            ("rectification.status.closed", 1),
            ("rectification.status.in_progress", 1),
            ("rectification.status.not_started", 1),
            ("rectification.status.long_term", 0),
            ("rectification.overdue", 1),
            ("rectification.inadequate", 1),
            ("clues.total", 3),
            ("clues.cadres", 3),
            ("clues.others", 1),
            ("clues.to_discipline", 1),
            ("clues.to_organisation", 1),
            ("letters.sent", 1),
            ("questionnaires.count", 1),
            ("questionnaires.handed_out", 40),
            ("questionnaires.returned", 12),
        ],
    );
    assert_eq!(s.figure("rectification.inadequate").and_then(|f| f.percent), Some(25.0), "1 of 4 problems");
    assert_eq!(s.figure("questionnaires.returned").and_then(|f| f.percent), Some(30.0));
}

#[test]
fn a_term_counts_a_target_inspected_twice_once() {
    let (c, term, _) = County::new();
    let (s, _) = stats(&c, StatsScope::of(Period::Term(term)));
    assert_figures(
        &s,
        &[
            ("rounds.total", 3),
            ("rounds.kind.regular", 2),
            ("targets.total", 7),
            ("targets.kind.county_gov_dept", 1),
            ("targets.kind.township", 2),
            ("activities.talks", 173),
            ("problems.total", 5),
            ("rectification.status.long_term", 1),
            ("clues.total", 4),
            ("clues.cadres", 8),
            ("clues.to_discipline", 2),
        ],
    );
}

#[test]
fn a_township_narrows_to_itself_and_its_villages() {
    let (c, _, dazhuang) = County::new();
    let scope = StatsScope { period: Period::Year(2026), township: Some(dazhuang), kind: None };
    let (s, _) = stats(&c, scope);
    assert_figures(
        &s,
        &[
            ("rounds.total", 1),
            ("rounds.kind.extended", 1),
            ("targets.total", 2),
            ("activities.talks", 8),
            ("problems.total", 1),
            ("clues.total", 2),
            ("clues.cadres", 1),
            ("letters.sent", 0),
            ("questionnaires.count", 0),
        ],
    );
    let villages = StatsScope { period: Period::Year(2026), township: None, kind: Some(TargetKind::Village) };
    let (s, _) = stats(&c, villages);
    assert_figures(&s, &[("targets.total", 2), ("problems.total", 1), ("clues.total", 2), ("activities.talks", 8)]);
}

#[test]
fn every_figure_equals_the_records_its_link_shows() {
    let (c, term, dazhuang) = County::new();
    for scope in [
        StatsScope::of(Period::Year(2026)),
        StatsScope::of(Period::Term(term)),
        StatsScope::of(Period::Range(day("2026-01-01"), day("2026-06-30"))),
        StatsScope { period: Period::Year(2026), township: Some(dazhuang), kind: None },
    ] {
        let (s, ledger) = stats(&c, scope);
        for f in s.groups.iter().flat_map(|g| &g.figures) {
            let shown = match &f.link {
                Some(Link::Ledger(kind, filter))
                    if f.key.starts_with("clues.cadres") || f.key.starts_with("clues.others") =>
                {
                    let all: Vec<usize> = (0..ledger.rows(*kind).len()).collect();
                    let rows = ledger.filter(*kind, &all, filter, today());
                    let persons = |row: &xuncha_core::ledger::Row| {
                        let clue =
                            row.clue().map(|c| if f.key.ends_with("cadres") { c.data.cadres } else { c.data.others });
                        u64::from(clue.unwrap_or(0))
                    };
                    rows.iter().filter_map(|i| ledger.rows(*kind).get(*i)).map(persons).sum()
                }
                Some(Link::Ledger(kind, filter)) => {
                    let all: Vec<usize> = (0..ledger.rows(*kind).len()).collect();
                    ledger.filter(*kind, &all, filter, today()).len() as u64
                }
                Some(Link::Targets(Pick::Activity(a))) => picked_targets(&c.d, &scope, Pick::Activity(*a), today())
                    .iter()
                    .flat_map(|(_, list)| list.iter().map(|i| u64::from(i.data.activities.get(*a))))
                    .sum(),
                Some(Link::Targets(pick)) => picked_targets(&c.d, &scope, *pick, today()).len() as u64,
                Some(Link::Rounds(kind)) => {
                    scope.rounds(&c.d, today()).iter().filter(|r| kind.is_none_or(|k| r.data.kind == k)).count() as u64
                }
                Some(Link::Outcomes(filter)) => {
                    let shown = c.d.outcomes.iter().filter(|o| filter.matches(o));
                    if f.key == "outcomes.amount" {
                        shown.map(|o| u64::from(o.data.amount.unwrap_or(0))).sum()
                    } else {
                        shown.map(|o| u64::from(o.data.count)).sum()
                    }
                }
                Some(Link::People(filter)) => {
                    c.d.persons.iter().filter(|p| filter.matches(p, &c.d.targets, today())).count() as u64
                }
                Some(Link::Assessments(filter)) => c.d.inspections.iter().filter(|i| filter.matches(i)).count() as u64,
                Some(Link::Questionnaires) | Some(Link::Plan(_)) | None => continue,
            };
            assert_eq!(shown, f.value, "{} in {scope:?}", f.key);
        }
    }
}

#[test]
fn the_pool_is_counted_as_it_stood_at_the_end_of_the_period_and_only_for_the_whole_county() {
    let (c, _, dazhuang) = County::new();
    let (s, _) = stats(&c, StatsScope::of(Period::Year(2026)));
    let now = [("pool.total", 3), ("pool.leaders", 2), ("pool.leaders.full_time", 1), ("pool.specialists", 1)];
    assert_figures(&s, &now);
    assert_figures(&s, &[("pool.staff", 1), ("pool.cadres", 2)]);
    // At the end of the first half year the one who left in July was still there.
    let (s, _) = stats(&c, StatsScope::of(Period::Range(day("2026-01-01"), day("2026-06-30"))));
    assert_figures(&s, &[("pool.total", 4), ("pool.staff", 2), ("pool.cadres", 3)]);
    let township = StatsScope { period: Period::Year(2026), township: Some(dazhuang), kind: None };
    assert!(stats(&c, township).0.figure("pool.total").is_none());
}

#[test]
fn outcomes_count_for_the_rounds_of_the_period_and_read_as_the_summaries_write_them() {
    let (c, _, dazhuang) = County::new();
    let (s, _) = stats(&c, StatsScope::of(Period::Year(2026)));
    assert_figures(
        &s,
        &[("outcomes.rule", 2), ("outcomes.talk", 3), ("outcomes.recovery", 1), ("outcomes.amount", 52_000)],
    );
    let (s, _) = stats(&c, StatsScope::of(Period::Year(2025)));
    assert_figures(&s, &[("outcomes.rule", 1), ("outcomes.talk", 0)]);
    let township = StatsScope { period: Period::Year(2026), township: Some(dazhuang), kind: None };
    assert!(stats(&c, township).0.figure("outcomes.rule").is_none());
}

#[test]
fn a_range_counts_the_rounds_that_start_within_it() {
    let (c, _, _) = County::new();
    let (s, _) = stats(&c, StatsScope::of(Period::Range(day("2026-01-01"), day("2026-06-30"))));
    assert_figures(&s, &[("rounds.total", 1), ("targets.total", 3), ("problems.total", 3), ("clues.total", 1)]);
}

#[test]
fn the_summary_reads_as_the_work_summary_with_the_numbers_filled_in() {
    let (c, _, _) = County::new();
    let (s, _) = stats(&c, StatsScope::of(Period::Year(2026)));
    let got = text::summary(&s, &StatsScope::of(Period::Year(2026)).phrase(&c.d, Lang::Zh), Lang::Zh);
    let golden = include_str!("golden/stats-2026.txt");
    assert_eq!(got, golden.trim_end(), "\n{got}");
    let english = text::summary(&s, &StatsScope::of(Period::Year(2026)).phrase(&c.d, Lang::En), Lang::En);
    assert!(english.starts_with("In 2026: 2 rounds (1 Regular"), "{english}");
}

#[test]
fn the_workbook_lists_every_figure_under_its_group_with_its_share() {
    let (c, _, _) = County::new();
    let (s, _) = stats(&c, StatsScope::of(Period::Year(2026)));
    let sheet = xuncha_core::sheet::Sheet::of_stats("某某县委巡察办", "2026年度", &s, Lang::Zh, today());
    assert_eq!(sheet.title, "某某县委巡察办 巡察工作统计");
    assert_eq!(sheet.headers, vec!["类别", "项目", "数量", "占比"]);
    let figures: usize = s.groups.iter().map(|g| g.figures.len()).sum();
    assert_eq!(sheet.rows.len(), figures);
    use xuncha_core::ledger::Cell;
    assert_eq!(
        sheet.rows[0][..3],
        [Cell::Text("巡察轮次".into()), Cell::Text("开展巡察（轮）".into()), Cell::Count(2)]
    );
    let inadequate = sheet.rows.iter().find(|r| r[1] == Cell::Text("整改不到位".into())).cloned().unwrap_or_default();
    assert_eq!(inadequate[2..], [Cell::Count(1), Cell::Text("25.0%".into())]);
    assert!(sheet.to_xlsx(Timestamp::from_unix_millis(1_795_000_000_000.0)).is_ok_and(|b| b.starts_with(b"PK")));
}

#[test]
fn the_charts_add_up_to_the_figures_they_draw() {
    use xuncha_core::stats::charts::{problems_by_focus, rectification_by_round, PROGRESS_ORDER};
    let (c, term, dazhuang) = County::new();
    for scope in [
        StatsScope::of(Period::Year(2026)),
        StatsScope::of(Period::Term(term)),
        StatsScope { period: Period::Term(term), township: Some(dazhuang), kind: None },
    ] {
        let (s, _) = stats(&c, scope);
        let bars = rectification_by_round(&c.d, &scope, Lang::Zh, today());
        assert_eq!(bars.len() as u64, s.value("rounds.total"), "a bar per round");
        for (i, status) in PROGRESS_ORDER.iter().enumerate() {
            let key = format!("rectification.status.{}", xuncha_core::stats::code(*status));
            assert_eq!(bars.iter().map(|b| b.values[i]).sum::<u64>(), s.value(&key), "{key} in {scope:?}");
        }
        let focus: Vec<u64> = problems_by_focus(&s, Lang::Zh).iter().map(|b| b.values[0]).collect();
        assert_eq!(focus.iter().sum::<u64>(), s.value("problems.total"));
    }
    let (s, _) = stats(&c, StatsScope::of(Period::Term(term)));
    let bars = rectification_by_round(&c.d, &StatsScope::of(Period::Term(term)), Lang::Zh, today());
    assert_eq!(bars[0].values, vec![0, 0, 0, 1, 0], "the 2025 round: one long-term item");
    assert_eq!(bars[1].values, vec![1, 0, 1, 0, 0], "the first 2026 round: one struck off, one in progress");
    assert_eq!(s.value("rounds.total"), 3);
}

#[test]
fn a_period_without_rounds_reads_without_empty_brackets() {
    let (c, _, _) = County::new();
    let (s, _) = stats(&c, StatsScope::of(Period::Year(2030)));
    let got = text::summary(&s, "2030年", Lang::Zh);
    let first = got.lines().next().unwrap_or_default();
    assert_eq!(first, "2030年共开展巡察0轮，对0个党组织开展了巡察。");
    let (c2, term, dazhuang) = County::new();
    let narrowed = StatsScope { period: Period::Term(term), township: Some(dazhuang), kind: Some(TargetKind::Village) };
    assert_eq!(narrowed.phrase(&c2.d, Lang::Zh), "十五届以来（大庄镇、村）");
}

#[test]
fn a_round_still_only_planned_counts_for_nothing_until_it_begins() {
    let (mut c, term, _) = County::new();
    let supply = c.d.targets.iter().find(|t| t.data.name == "县供水公司").map(|t| t.meta.id).unwrap_or(Id::nil());
    let planned = c.round(term, 4, RoundKind::Regular, "2026-12-20");
    c.inspect(planned, supply, &[(Activity::Talks, 5)]);
    let (s, _) = stats(&c, StatsScope::of(Period::Year(2026)));
    assert_eq!((s.value("rounds.total"), s.value("targets.total"), s.value("activities.talks")), (2, 6, 73));
    let cov = xuncha_core::stats::coverage::coverage(&c.d, term, today());
    assert!(cov.remaining.contains(&supply), "not covered by a round that has not begun");
    // Once it is under way (or its day has come) it counts.
    if let Some(r) = c.d.rounds.iter_mut().find(|r| r.meta.id == planned) {
        r.data.status = xuncha_core::round::RoundStatus::Ongoing;
    }
    let (s, _) = stats(&c, StatsScope::of(Period::Year(2026)));
    assert_eq!((s.value("rounds.total"), s.value("targets.total"), s.value("activities.talks")), (3, 7, 78));
    assert!(!xuncha_core::stats::coverage::coverage(&c.d, term, today()).remaining.contains(&supply));
}

#[test]
fn look_back_findings_count_for_the_look_back_rounds_of_the_period_and_open_the_rectifications_they_count() {
    use xuncha_core::ledger::lookback::{with_check, Check, Verdict};
    let (mut c, term, _) = County::new();
    let look = c.round(term, 4, RoundKind::LookBack, "2026-11-01");
    let (finance, chengguan) = (c.d.targets[0].meta.id, c.d.targets[2].meta.id);
    c.inspect(look, finance, &[]);
    c.inspect(look, chengguan, &[]);
    let problem_of = |c: &County, unit: Id| {
        c.d.problems.iter().filter(|p| p.data.target == unit).map(|p| p.meta.id).collect::<Vec<_>>()
    };
    let (of_finance, of_chengguan) = (problem_of(&c, finance), problem_of(&c, chengguan));
    for rect in &mut c.d.rectifications {
        let verdict = if of_finance.contains(&rect.data.problem) {
            Verdict::Done
        } else if of_chengguan.contains(&rect.data.problem) {
            Verdict::Sham
        } else {
            continue;
        };
        let check = Check { round: look, verdict, on: day("2026-11-10"), note: "材料与实际不符".into() };
        rect.data = with_check(&rect.data, check);
    }
    let (s, ledger) = stats(&c, StatsScope::of(Period::Year(2026)));
    assert_figures(
        &s,
        &[("lookback.checked", 2), ("lookback.done", 1), ("lookback.sham", 1), ("lookback.perfunctory", 0)],
    );
    for key in ["lookback.checked", "lookback.sham"] {
        let Some(Link::Ledger(kind, filter)) = s.figure(key).and_then(|f| f.link.clone()) else {
            panic!("{key} opens a ledger")
        };
        let all: Vec<usize> = (0..ledger.rows(kind).len()).collect();
        assert_eq!(ledger.filter(kind, &all, &filter, today()).len() as u64, s.value(key), "{key}");
    }
    let summary = text::summary(&s, &StatsScope::of(Period::Year(2026)).phrase(&c.d, Lang::Zh), Lang::Zh);
    assert!(
        summary
            .contains("“回头看”共检查整改事项2个，其中已整改1个、正在整改0个；发现敷衍整改问题0个、虚假整改问题1个。"),
        "{summary}"
    );
    let (s, _) = stats(&c, StatsScope::of(Period::Year(2025)));
    assert!(s.figure("lookback.checked").is_none(), "no look-back in 2025");
}

#[test]
fn problems_fed_back_from_above_count_for_none_of_the_countys_figures_but_for_their_own_round() {
    let (mut c, term, _) = County::new();
    let supply = c.d.targets.iter().find(|t| t.data.name == "县供水公司").map(|t| t.meta.id).unwrap_or(Id::nil());
    let above = c.round(term, 1, RoundKind::Upper, "2026-06-01");
    c.inspect(above, supply, &[(Activity::Talks, 40)]);
    let p = c.problem(above, supply, Focus::Policy, Scope::Individual, false);
    c.rectify(p, RectStatus::InProgress, "2026-09-30", false);
    let (s, ledger) = stats(&c, StatsScope::of(Period::Year(2026)));
    assert_eq!(
        (s.value("rounds.total"), s.value("targets.total"), s.value("activities.talks")),
        (2, 6, 73),
        "as without it"
    );
    assert_eq!(
        (s.value("problems.total"), s.value("rectification.total"), s.value("rectification.overdue")),
        (4, 3, 1)
    );
    assert!(s.figure("rounds.kind.upper").is_none(), "no kind of the county's rounds");
    for key in ["problems.total", "rectification.overdue", "rectification.total"] {
        let Some(Link::Ledger(kind, filter)) = s.figure(key).and_then(|f| f.link.clone()) else {
            panic!("{key} opens a ledger")
        };
        let all: Vec<usize> = (0..ledger.rows(kind).len()).collect();
        assert_eq!(ledger.filter(kind, &all, &filter, today()).len() as u64, s.value(key), "{key}");
        assert!(filter.describe(&c.d, Lang::Zh).contains("不含上级巡视巡察反馈"), "the title says so");
    }
    let (s, _) = stats(&c, StatsScope::of(Period::Term(term)));
    assert_eq!(s.value("problems.total"), 5, "the term's five, not six");
    assert!(xuncha_core::stats::coverage::coverage(&c.d, term, today()).remaining.contains(&supply));
    let (s, _) = stats(&c, StatsScope::of(Period::Round(above)));
    assert_eq!((s.value("problems.total"), s.value("rectification.overdue")), (1, 1), "chosen itself, it counts");
}
