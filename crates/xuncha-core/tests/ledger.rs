//! The ledgers end to end in the core: record a problem, feed it back, move its
//! rectification through to 销号, then filter, count and export the lists.

use pollster::block_on;
use xuncha_core::clue::Clue;
use xuncha_core::collate::CodePoints;
use xuncha_core::date::Day;
use xuncha_core::exchange::export::{package, Scope};
use xuncha_core::exchange::format::{ExchangeFile, ParseError, Source};
use xuncha_core::group::Group;
use xuncha_core::i18n::Lang;
use xuncha_core::i18n::T;
use xuncha_core::id::{Id, IdSource, SequentialIds};
use xuncha_core::inspection::Inspection;
use xuncha_core::ledger::{Ledger, LedgerFilter, LedgerKind, Totals};
use xuncha_core::meta::Timestamp;
use xuncha_core::ops::{self, Ctx, OpError, Snapshot};
use xuncha_core::problem::{Focus, Problem};
use xuncha_core::recommendation::Recommendation;
use xuncha_core::record::{Kind, Record};
use xuncha_core::rectification::{RectStatus, Rectification, Step, StepInput};
use xuncha_core::round::Round;
use xuncha_core::sheet::Sheet;
use xuncha_core::store::{MemoryStore, Store};
use xuncha_core::target::{Target, TargetKind};
use xuncha_core::term::Term;

fn day(s: &str) -> Day {
    s.parse().unwrap_or_else(|e| panic!("{e:?}"))
}

fn ok<V, E: std::fmt::Debug>(r: Result<V, E>) -> V {
    r.unwrap_or_else(|e| panic!("{e:?}"))
}

struct World {
    store: MemoryStore,
    ids: SequentialIds,
    office: Id,
    round: Id,
    town: Id,
    village: Id,
    bureau: Id,
}

impl World {
    fn ctx(&self) -> Ctx<'_> {
        Ctx { office: self.office, now: Timestamp::from_unix_millis(1_795_000_000_000.0), ids: &self.ids }
    }

    fn problem(&self, target: Id, focus: Focus, text: &str) -> Record<Problem> {
        let mut p = Problem::new(self.round, target, day("2026-04-10"));
        p.focus = focus;
        p.description = text.into();
        ok(block_on(ops::save_problem(&self.store, &self.ctx(), None, p)))
    }

    fn feed_back(&self, p: &Record<Problem>, deadline: &str) -> Record<Rectification> {
        let mut draft = Rectification::new(Id::nil(), day(deadline));
        draft.measures = "制定整改方案".into();
        draft.unit = "责任单位".into();
        ok(block_on(ops::feed_back(&self.store, &self.ctx(), p, day("2026-07-01"), draft)))
    }

    fn step(&self, r: &Record<Rectification>, step: Step, on: &str) -> Record<Rectification> {
        let mut input = StepInput::new(step, day(on));
        input.verifier = "县委巡察办 王五".into();
        input.evidence = "整改台账及照片".into();
        input.note = "说明".into();
        ok(block_on(ops::step_rectification(&self.store, &self.ctx(), r, input)))
    }

    fn snapshot(&self) -> Snapshot {
        ok(block_on(Snapshot::load(&self.store)))
    }
}

/// A term, a round, a group, a township with a village, and a county bureau, all inspected.
fn world() -> World {
    let store = MemoryStore::new();
    let ids = SequentialIds::default();
    let office = ids.next_id();
    let w = {
        let ctx = Ctx { office, now: Timestamp::from_unix_millis(1_795_000_000_000.0), ids: &ids };
        block_on(async {
            let term = ok(ops::save_term(
                &store,
                &ctx,
                None,
                Term { name: "十五届".into(), start_year: 2021, end_year: 2026 },
            )
            .await);
            let mut round = Round::new(term.meta.id, 3);
            round.start = Some(day("2026-03-01"));
            let round = ok(ops::save_round(&store, &ctx, None, round).await);
            let group = Group::new(round.meta.id, "第一巡察组".into());
            let group = ok(ops::save_group(&store, &ctx, None, group).await);
            let town =
                ok(ops::save_target(&store, &ctx, None, Target::new("城关镇", TargetKind::Township, None)).await);
            let village =
                ok(ops::save_target(&store, &ctx, None, Target::new("新村", TargetKind::Village, Some(town.meta.id)))
                    .await);
            let bureau =
                ok(ops::save_target(&store, &ctx, None, Target::new("县财政局", TargetKind::CountyGovDept, None))
                    .await);
            let targets = [town.meta.id, village.meta.id, bureau.meta.id];
            ok(ops::assign_targets(&store, &ctx, round.meta.id, group.meta.id, &targets, &[]).await);
            (round.meta.id, town.meta.id, village.meta.id, bureau.meta.id)
        })
    };
    World { store, ids, office, round: w.0, town: w.1, village: w.2, bureau: w.3 }
}

#[test]
fn a_problem_goes_from_recorded_to_struck_off() {
    let w = world();
    let p = w.problem(w.village, Focus::Corruption, "村务公开不及时");
    let r = w.feed_back(&p, "2026-09-30");
    assert_eq!(r.data.status, RectStatus::NotStarted);
    let fed = ok(block_on(w.store.get::<Problem>(p.meta.id))).map(|p| p.data.fed_back_on);
    assert_eq!(fed, Some(Some(day("2026-07-01"))), "feeding back records the day on the problem");
    let r = w.step(&r, Step::Start, "2026-07-02");
    let r = w.step(&r, Step::Submit, "2026-09-01");
    let r = w.step(&r, Step::Close, "2026-09-10");
    let stored = ok(block_on(w.store.get::<Rectification>(r.meta.id))).map(|r| r.data);
    assert_eq!(stored.as_ref().map(|r| r.status), Some(RectStatus::Closed));
    assert_eq!(stored.map(|r| r.history.len()), Some(3));
}

#[test]
fn an_illegal_step_or_a_second_rectification_is_refused_and_nothing_is_written() {
    let w = world();
    let p = w.problem(w.village, Focus::Policy, "学习制度落实不到位");
    let r = w.feed_back(&p, "2026-09-30");
    let before = w.snapshot();
    let refused =
        block_on(ops::step_rectification(&w.store, &w.ctx(), &r, StepInput::new(Step::Close, day("2026-08-01"))));
    assert!(matches!(refused, Err(OpError::Invalid(ref e)) if e[0].msg == T::ErrStepNotAllowed));
    let mut draft = Rectification::new(Id::nil(), day("2026-10-30"));
    draft.measures = "x".into();
    draft.unit = "y".into();
    let again = block_on(ops::feed_back(&w.store, &w.ctx(), &p, day("2026-07-01"), draft));
    assert!(matches!(again, Err(OpError::Invalid(ref e)) if e.iter().any(|e| e.msg == T::ErrProblemHasRectification)));
    assert_eq!(w.snapshot(), before);
}

#[test]
fn editing_a_rectification_cannot_change_its_status_or_deadline() {
    let w = world();
    let p = w.problem(w.village, Focus::Policy, "制度不健全");
    let r = w.feed_back(&p, "2026-09-30");
    let mut edit = r.data.clone();
    edit.measures = "修订制度".into();
    edit.status = RectStatus::Closed;
    edit.deadline = day("2030-01-01");
    let saved = ok(block_on(ops::save_rectification(&w.store, &w.ctx(), &r, edit)));
    assert_eq!(saved.data.measures, "修订制度");
    assert_eq!(saved.data.status, RectStatus::NotStarted);
    assert_eq!(saved.data.deadline, day("2026-09-30"));
}

#[test]
fn targets_with_ledger_records_cannot_leave_the_round() {
    let w = world();
    w.problem(w.bureau, Focus::Policy, "预算执行不严");
    let snapshot = w.snapshot();
    let inspection: Vec<&Record<Inspection>> =
        snapshot.inspections.iter().filter(|i| i.data.target == w.bureau).collect();
    let refused = block_on(ops::unassign(&w.store, &w.ctx(), inspection[0]));
    assert_eq!(refused, Err(OpError::Refused(T::ErrInspectionHasLedger)));
    let round = snapshot.rounds[0].clone();
    assert_eq!(block_on(ops::delete_round(&w.store, &w.ctx(), &round)), Err(OpError::Refused(T::ErrRoundHasLedger)));
}

#[test]
fn a_problem_listed_in_a_letter_stays_and_one_deleted_takes_its_rectification_along() {
    let w = world();
    let listed = w.problem(w.bureau, Focus::Policy, "预算执行不严");
    let mut letter = Recommendation::new(w.round);
    letter.addressee = "县财政局".into();
    letter.problems = vec![listed.meta.id];
    ok(block_on(ops::save_recommendation(&w.store, &w.ctx(), None, letter)));
    assert_eq!(
        block_on(ops::delete_problem(&w.store, &w.ctx(), &listed)),
        Err(OpError::Refused(T::ErrProblemHasLedger))
    );
    let other = w.problem(w.village, Focus::Policy, "账目不清");
    let r = w.feed_back(&other, "2026-09-30");
    let other = ok(block_on(w.store.get::<Problem>(other.meta.id))).unwrap_or(other);
    ok(block_on(ops::delete_problem(&w.store, &w.ctx(), &other)));
    let gone = ok(block_on(w.store.get::<Rectification>(r.meta.id)));
    assert_eq!(gone.map(|r| r.meta.deleted), Some(true), "the rectification travels as a tombstone");
}

#[test]
fn filters_counts_and_percentages_follow_the_rows() {
    let w = world();
    let a = w.problem(w.village, Focus::Corruption, "优亲厚友 低保");
    let b = w.problem(w.town, Focus::Organisation, "三会一课不规范");
    let c = w.problem(w.bureau, Focus::Policy, "预算执行不严");
    let mut spot = Problem::new(w.round, w.bureau, day("2026-04-11"));
    spot.description = "公车私用".into();
    spot.rectified_on_spot = Some(day("2026-04-12"));
    ok(block_on(ops::save_problem(&w.store, &w.ctx(), None, spot)));
    let ra = w.feed_back(&a, "2026-09-30");
    let ra = w.step(&ra, Step::Start, "2026-07-02");
    let ra = w.step(&ra, Step::Submit, "2026-08-01");
    w.step(&ra, Step::Close, "2026-08-05");
    w.feed_back(&b, "2026-08-31");
    let rc = w.feed_back(&c, "2026-12-31");
    let rc = w.step(&rc, Step::Start, "2026-07-02");
    let rc = w.step(&rc, Step::Submit, "2026-08-01");
    w.step(&rc, Step::Inadequate, "2026-08-02");

    let today = day("2026-10-01");
    let ledger = Ledger::build(&w.snapshot(), Lang::Zh);
    let all = |kind| ledger.sorted(kind, kind.default_sort(), false, Lang::Zh, today, &CodePoints);
    let shown = |kind, f: &LedgerFilter| ledger.filter(kind, &all(kind), f, today);
    let everything = shown(LedgerKind::Problems, &LedgerFilter::default());
    let totals = Totals::of(&ledger, LedgerKind::Problems, &everything, today);
    assert_eq!((totals.rows, totals.on_spot, totals.closed, totals.overdue, totals.inadequate), (4, 1, 1, 1, 1));
    assert_eq!(
        totals.sentence(LedgerKind::Problems, Lang::Zh),
        "问题 4 个，其中立行立改 1 个，已销号 1 个（25%），逾期 1 个，整改不到位 1 个（占问题总数的 25%）。"
    );
    assert_eq!(shown(LedgerKind::Rectifications, &LedgerFilter::default()).len(), 3, "only fed-back problems");

    let township = LedgerFilter { township: Some(w.town), ..LedgerFilter::default() };
    assert_eq!(shown(LedgerKind::Problems, &township).len(), 2, "the township itself and its village");
    let overdue = LedgerFilter { overdue_only: true, ..LedgerFilter::default() };
    let late = shown(LedgerKind::Rectifications, &overdue);
    assert_eq!(late.len(), 1);
    assert_eq!(ledger.problems[late[0]].problem().map(|p| p.meta.id), Some(b.meta.id));
    let text = LedgerFilter { text: "低保".into(), ..LedgerFilter::default() };
    assert_eq!(shown(LedgerKind::Problems, &text).len(), 1, "substring search in Chinese");
    let by_unit = LedgerFilter { text: "城关".into(), ..LedgerFilter::default() };
    assert_eq!(shown(LedgerKind::Problems, &by_unit).len(), 2, "search covers place names too");
    let focus =
        LedgerFilter { focus: Some(Focus::Policy), status: Some(RectStatus::InProgress), ..LedgerFilter::default() };
    assert_eq!(shown(LedgerKind::Problems, &focus).len(), 1);
    let dates = LedgerFilter { from: Some(day("2026-09-01")), to: Some(day("2026-09-30")), ..LedgerFilter::default() };
    assert_eq!(shown(LedgerKind::Rectifications, &dates).len(), 1, "rectifications filter on their deadline");
    assert_eq!(shown(LedgerKind::Problems, &dates).len(), 0, "problems filter on the day found");
    let d = w.snapshot();
    assert_eq!(township.describe(&d, Lang::Zh), "乡镇（街道）：城关镇");
    assert_eq!(LedgerFilter::default().describe(&d, Lang::Zh), "全部记录");
    let both = LedgerFilter { overdue_only: true, text: "低保".into(), ..township };
    assert_eq!(both.describe(&d, Lang::Zh), "乡镇（街道）：城关镇；关键词：“低保”；仅逾期");
}

#[test]
fn sorting_puts_blanks_last_and_can_be_reversed() {
    let w = world();
    let a = w.problem(w.village, Focus::Corruption, "甲");
    let b = w.problem(w.town, Focus::Organisation, "乙");
    w.problem(w.bureau, Focus::Policy, "丙");
    w.feed_back(&a, "2026-09-30");
    w.feed_back(&b, "2026-08-31");
    let ledger = Ledger::build(&w.snapshot(), Lang::Zh);
    let today = day("2026-10-01");
    let ids = |order: Vec<usize>| -> Vec<String> {
        order.iter().filter_map(|i| ledger.problems[*i].problem()).map(|p| p.data.description.clone()).collect()
    };
    let col = xuncha_core::ledger::Col::Deadline;
    assert_eq!(ids(ledger.sorted(LedgerKind::Problems, col, false, Lang::Zh, today, &CodePoints)), ["乙", "甲", "丙"]);
    assert_eq!(ids(ledger.sorted(LedgerKind::Problems, col, true, Lang::Zh, today, &CodePoints)), ["甲", "乙", "丙"]);
}

#[test]
fn clues_count_persons_and_flag_late_feedback() {
    let w = world();
    let mut c = Clue::new(w.round, w.village);
    c.summary = "反映村干部侵占集体资金".into();
    c.cadres = 2;
    c.others = 1;
    c.transferred_on = Some(day("2026-06-30"));
    ok(block_on(ops::save_clue(&w.store, &w.ctx(), None, c)));
    let ledger = Ledger::build(&w.snapshot(), Lang::Zh);
    let today = day("2026-10-01");
    let order = ledger.sorted(LedgerKind::Clues, LedgerKind::Clues.default_sort(), false, Lang::Zh, today, &CodePoints);
    let t = Totals::of(&ledger, LedgerKind::Clues, &order, today);
    assert_eq!((t.rows, t.cadres, t.others, t.transferred, t.overdue), (1, 2, 1, 1, 1));
    assert!(!ledger.clues[0].is_overdue(day("2026-09-30")), "due on 30 September, the day itself is in time");
    let recipient = |ledger: &Ledger| ledger.clues[0].cell(xuncha_core::ledger::Col::Recipient, Lang::Zh, today).text();
    assert_eq!(recipient(&ledger), "县纪委监委");
    // Before it is transferred, the form's default recipient is no transfer.
    let mut kept = w.snapshot();
    kept.clues[0].data.transferred_on = None;
    assert_eq!(recipient(&Ledger::build(&kept, Lang::Zh)), "");
}

#[test]
fn exports_carry_the_same_rows_as_the_list() {
    let w = world();
    let p = w.problem(w.village, Focus::Corruption, "村务公开不及时");
    w.feed_back(&p, "2026-09-30");
    let today = day("2026-10-01");
    let ledger = Ledger::build(&w.snapshot(), Lang::Zh);
    let order = ledger.sorted(
        LedgerKind::Rectifications,
        xuncha_core::ledger::Col::Deadline,
        false,
        Lang::Zh,
        today,
        &CodePoints,
    );
    let shown = ledger.filter(LedgerKind::Rectifications, &order, &LedgerFilter::default(), today);
    let sheet =
        Sheet::of_ledger(&ledger, LedgerKind::Rectifications, &shown, "县委巡察办", "全部记录", false, Lang::Zh, today);
    assert_eq!(sheet.title, "县委巡察办 整改台账");
    assert_eq!(sheet.rows.len(), 1);
    let csv = sheet.to_csv();
    assert!(csv.contains("轮次,巡察对象,乡镇（街道）,问题描述,整改措施"), "{csv}");
    assert!(csv.contains("新村,城关镇,村务公开不及时,制定整改方案,责任单位,,2026-09-30,未整改,逾期"), "{csv}");
    let xlsx = ok(sheet.to_xlsx(Timestamp::from_unix_millis(1_795_000_000_000.0)));
    assert!(xlsx.starts_with(b"PK"));
}

#[test]
fn a_round_package_carries_its_ledgers_and_dangling_ledger_references_are_refused() {
    let w = world();
    let p = w.problem(w.village, Focus::Corruption, "村务公开不及时");
    w.feed_back(&p, "2026-09-30");
    let source = Source { office_id: w.office, office_name: "县委巡察办".into() };
    let now = Timestamp::from_unix_millis(1_795_000_000_000.0);
    let file = ok(block_on(package(&w.store, Scope::Round(w.round), source, now, Lang::Zh)));
    let Some((file, _)) = file else { panic!("the round exists") };
    assert_eq!(file.records.count(Kind::Problem), 1);
    assert_eq!(file.records.count(Kind::Rectification), 1);
    assert_eq!(file.check_references(&|_, _| false), Ok(()), "the package is self-contained");
    let mut broken = file.clone();
    broken.records.problems.clear();
    let json = ok(broken.to_json());
    let parsed = ok(ExchangeFile::parse(json.as_bytes()));
    assert!(matches!(
        parsed.check_references(&|_, _| false),
        Err(ParseError::DanglingReference { kind: Kind::Rectification, field: "problem", .. })
    ));
}

#[test]
fn the_snapshot_follows_writes_without_reading_everything_again() {
    let w = world();
    let mut snapshot = w.snapshot();
    let p = w.problem(w.village, Focus::Corruption, "甲");
    let r = w.feed_back(&p, "2026-09-30");
    let fed = ok(block_on(w.store.get::<Problem>(p.meta.id))).unwrap_or_else(|| panic!("saved"));
    snapshot.apply(vec![Problem::into_any(p.clone()), Problem::into_any(fed), Rectification::into_any(r.clone())]);
    assert_eq!(snapshot, w.snapshot());
    ok(block_on(ops::delete_problem(
        &w.store,
        &w.ctx(),
        &ok(block_on(w.store.get::<Problem>(p.meta.id))).unwrap_or(p),
    )));
    let tombstones = vec![
        ok(block_on(w.store.get::<Problem>(p_id(&snapshot)))).map(Problem::into_any),
        ok(block_on(w.store.get::<Rectification>(r.meta.id))).map(Rectification::into_any),
    ];
    snapshot.apply(tombstones.into_iter().flatten().collect());
    assert_eq!(snapshot, w.snapshot());
    assert!(snapshot.problems.is_empty() && snapshot.rectifications.is_empty());
}

fn p_id(s: &Snapshot) -> Id {
    s.problems.first().map(|p| p.meta.id).unwrap_or(Id::nil())
}

use xuncha_core::record::Body;

#[test]
fn a_package_of_filtered_rows_carries_what_they_refer_to_and_nothing_else() {
    use xuncha_core::exchange::export::{ledger_package, LedgerRows};
    let w = world();
    let chosen = w.problem(w.village, Focus::Corruption, "村务公开不及时");
    w.feed_back(&chosen, "2026-09-30");
    w.problem(w.bureau, Focus::Policy, "预算执行不严");
    let source = Source { office_id: w.office, office_name: "县委巡察办".into() };
    let rows = LedgerRows { problems: vec![chosen.meta.id], ..LedgerRows::default() };
    let now = Timestamp::from_unix_millis(1_795_000_000_000.0);
    let file = ok(block_on(ledger_package(&w.store, &rows, "关键词：“村务”".into(), source, now)));
    assert_eq!(file.records.count(Kind::Problem), 1);
    assert_eq!(file.records.count(Kind::Rectification), 1);
    assert_eq!(file.records.count(Kind::Inspection), 1, "only the village's inspection");
    assert_eq!(file.records.count(Kind::Target), 2, "the village and its township");
    assert_eq!(file.records.count(Kind::Round), 1);
    assert_eq!(file.records.count(Kind::Term), 1);
    assert_eq!(file.records.count(Kind::Group), 1);
    assert_eq!(file.check_references(&|_, _| false), Ok(()), "self-contained");
    let json = ok(file.to_json());
    assert!(ExchangeFile::parse(json.as_bytes()).is_ok());
}

#[test]
fn a_file_whose_rectification_points_to_a_problem_held_here_passes_the_reference_check() {
    use xuncha_core::exchange::import::plan;
    let w = world();
    let p = w.problem(w.village, Focus::Corruption, "村务公开不及时");
    let r = w.feed_back(&p, "2026-09-30");
    let source = Source { office_id: w.office, office_name: "城关镇".into() };
    let now = Timestamp::from_unix_millis(1_795_000_000_000.0);
    let mut file = ok(block_on(xuncha_core::exchange::export::full_backup(&w.store, source, now)));
    file.records = Default::default();
    file.records.rectifications.push(r);
    assert!(block_on(plan(&w.store, &file)).is_ok(), "the problem held here resolves the reference");
    assert!(file.check_references(&|_, _| false).is_err(), "without the local problem it dangles");
}

#[test]
fn a_look_back_round_records_its_finding_on_an_earlier_rectification_and_a_sham_needs_what_was_seen() {
    use xuncha_core::ledger::lookback::{check_of, Check, Verdict};
    let w = world();
    let p = w.problem(w.village, Focus::Corruption, "村务公开不及时");
    let r = w.feed_back(&p, "2026-09-30");
    let ctx = w.ctx();
    let look = block_on(async {
        let round = ok(w.store.get::<Round>(w.round).await).expect("the round");
        let mut look = Round::new(round.data.term, 4);
        look.kind = xuncha_core::round::RoundKind::LookBack;
        look.start = Some(day("2026-10-08"));
        ok(ops::save_round(&w.store, &ctx, None, look).await)
    });
    let sham = Check { round: look.meta.id, verdict: Verdict::Sham, on: day("2026-10-20"), note: " ".into() };
    let refused = block_on(ops::check_rectification(&w.store, &ctx, &r, sham.clone()));
    assert!(matches!(&refused, Err(OpError::Invalid(e)) if e[0].msg == T::ErrLookBackNote), "{refused:?}");
    let noted = Check { note: "整改报告所附照片为整改前所拍".into(), ..sham };
    let kept = ok(block_on(ops::check_rectification(&w.store, &ctx, &r, noted)));
    let stored = ok(block_on(w.store.get::<Rectification>(r.meta.id))).expect("the rectification");
    assert_eq!(stored, kept);
    assert_eq!(check_of(&stored.data, look.meta.id).map(|c| c.verdict), Some(Verdict::Sham));
    assert_eq!(stored.data.history, r.data.history, "a check takes no step");
    let by_own_round = Check { round: w.round, verdict: Verdict::Done, on: day("2026-10-20"), note: String::new() };
    assert!(block_on(ops::check_rectification(&w.store, &ctx, &stored, by_own_round)).is_err());
}
