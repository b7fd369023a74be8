//! Questionnaires end to end in the core: design from a template, collect anonymous
//! responses, freeze the questions, make a new version, tally, and exchange by file
//! without counting a response twice.

use pollster::block_on;
use xuncha_core::date::Day;
use xuncha_core::exchange::export::{package, Scope};
use xuncha_core::exchange::format::{ExchangeFile, Source};
use xuncha_core::exchange::merge::{ImportPlan, Outcome, Resolution};
use xuncha_core::i18n::{Lang, T};
use xuncha_core::id::{Id, IdSource, SequentialIds};
use xuncha_core::meta::Timestamp;
use xuncha_core::ops::{self, Ctx, OpError};
use xuncha_core::questionnaire::{template, Purpose, Questionnaire};
use xuncha_core::record::{Kind, Record};
use xuncha_core::response::{Answer, Channel, Response};
use xuncha_core::store::{MemoryStore, Store};
use xuncha_core::tally::tally;
use xuncha_core::target::{Target, TargetKind};

fn ok<V, E: std::fmt::Debug>(r: Result<V, E>) -> V {
    r.unwrap_or_else(|e| panic!("{e:?}"))
}

fn today() -> Day {
    Day::from_ymd(2026, 11, 22).unwrap_or_else(|| panic!("a valid day"))
}

struct Office {
    store: MemoryStore,
    ids: SequentialIds,
    id: Id,
}

impl Office {
    fn new(seed: u8) -> Office {
        let ids = SequentialIds::starting_at(seed as u64 * 1_000_000);
        let id = ids.next_id();
        Office { store: MemoryStore::new(), ids, id }
    }

    fn ctx(&self) -> Ctx<'_> {
        Ctx { office: self.id, now: Timestamp::from_unix_millis(1_795_000_000_000.0), ids: &self.ids }
    }

    fn conduct_review(&self) -> Record<Questionnaire> {
        let mut q = template(Purpose::ConductReview, &self.ids);
        q.set_handed_out(None, 5);
        ok(block_on(ops::save_questionnaire(&self.store, &self.ctx(), None, q)))
    }

    /// Answers the 后评估's first scale with `level` and its 官僚主义 question with 没有.
    fn answer(&self, q: &Record<Questionnaire>, level: u32) -> Record<Response> {
        let answers = q
            .data
            .questions
            .iter()
            .filter(|x| x.required)
            .enumerate()
            .map(|(i, x)| Answer { choices: vec![if i == 0 { level } else { 0 }], ..Answer::to(x.id) })
            .collect();
        let data = Response { questionnaire: q.meta.id, target: None, day: today(), channel: Channel::Kiosk, answers };
        ok(block_on(ops::save_response(&self.store, &self.ctx(), data)))
    }
}

#[test]
fn answered_questions_freeze_and_a_new_version_is_tallied_apart() {
    let county = Office::new(1);
    let q = county.conduct_review();
    // Before any answer, questions can change.
    let mut draft = q.data.clone();
    draft.questions[0].text = "巡察组成员执行纪律情况".into();
    let q = ok(block_on(ops::save_questionnaire(&county.store, &county.ctx(), Some(&q), draft)));

    county.answer(&q, 0);
    county.answer(&q, 1);
    let mut changed = q.data.clone();
    changed.questions[0].levels[0].weight = 90;
    let refused = block_on(ops::save_questionnaire(&county.store, &county.ctx(), Some(&q), changed));
    assert_eq!(refused.err(), Some(OpError::Refused(T::ErrQuestionsFrozen)));
    let mut renamed = q.data.clone();
    renamed.title = "第三轮巡察组纪律作风后评估".into();
    renamed.set_handed_out(None, 6);
    let q = ok(block_on(ops::save_questionnaire(&county.store, &county.ctx(), Some(&q), renamed)));
    assert_eq!(q.data.handed_out_for(None), 6, "what is not a question may still change");

    let v2 = ok(block_on(ops::new_questionnaire_version(&county.store, &county.ctx(), &q)));
    assert_eq!((v2.data.series, v2.data.version), (q.data.series, 2));
    let mut changed = v2.data.clone();
    changed.questions[0].levels[0].weight = 90;
    let v2 = ok(block_on(ops::save_questionnaire(&county.store, &county.ctx(), Some(&v2), changed)));
    county.answer(&v2, 0);

    let responses = ok(block_on(county.store.all::<Response>()));
    let first = tally(&q, &responses, &[], None);
    let second = tally(&v2, &responses, &[], None);
    assert_eq!((first.returned, second.returned), (2, 1), "tallies never mix versions");
    assert_eq!(first.questions[0].score, Some((100.0 + 80.0) / 2.0));
    assert_eq!(second.questions[0].score, Some(90.0));
    assert_eq!(first.return_rate.map(|r| (r * 10.0).round() / 10.0), Some(33.3));

    let refused = block_on(ops::delete_questionnaire(&county.store, &county.ctx(), &q));
    assert_eq!(refused.err(), Some(OpError::Refused(T::ErrQuestionnaireHasResponses)));
}

#[test]
fn a_response_keeps_no_identity_and_no_time_finer_than_the_day() {
    let county = Office::new(2);
    let q = county.conduct_review();
    let r = county.answer(&q, 2);
    let json = ok(serde_json::to_value(&r));
    let data_keys: Vec<&str> =
        json["data"].as_object().map(|o| o.keys().map(String::as_str).collect()).unwrap_or_default();
    assert_eq!(data_keys, vec!["answers", "channel", "day", "questionnaire", "target"]);
    for time in ["created_at", "updated_at"] {
        let text = json["meta"][time].as_str().unwrap_or_default();
        assert!(text.starts_with("2026-11-22T00:00:00"), "{time} is {text}");
    }
}

#[test]
fn a_response_that_misses_a_required_answer_is_refused_and_nothing_is_stored() {
    let county = Office::new(3);
    let q = county.conduct_review();
    let data =
        Response { questionnaire: q.meta.id, target: None, day: today(), channel: Channel::Kiosk, answers: vec![] };
    let refused = block_on(ops::save_response(&county.store, &county.ctx(), data.clone()));
    assert!(matches!(refused, Err(OpError::Invalid(_))));
    let missing = Response { questionnaire: county.ids.next_id(), ..data };
    assert!(matches!(block_on(ops::save_response(&county.store, &county.ctx(), missing)), Err(OpError::Invalid(_))));
    assert!(ok(block_on(county.store.all::<Response>())).is_empty());
}

#[test]
fn responses_travel_by_file_and_a_response_imported_twice_counts_once() {
    let county = Office::new(4);
    let town_store = Office::new(5);
    let q = county.conduct_review();
    let source = Source { office_id: county.id, office_name: "县委巡察办".into() };
    let now = Timestamp::from_unix_millis(1_795_000_000_000.0);

    // The blank questionnaire goes out without any response.
    county.answer(&q, 0);
    let blank = ok(block_on(package(&county.store, Scope::Questionnaire(q.meta.id), source.clone(), now, Lang::Zh)));
    let Some((blank, label)) = blank else { panic!("the questionnaire exists") };
    assert_eq!(label, q.data.title);
    assert_eq!((blank.records.count(Kind::Questionnaire), blank.records.count(Kind::Response)), (1, 0));

    // Another office imports the questionnaire with its responses, twice.
    let with = ok(block_on(package(&county.store, Scope::Responses(q.meta.id), source, now, Lang::Zh)));
    let Some((with, _)) = with else { panic!("the questionnaire exists") };
    let text = ok(with.to_json());
    for round in 0..2 {
        let file = ok(ExchangeFile::parse(text.as_bytes()));
        assert_eq!(file.check_references(&|_, _| false), Ok(()), "the package is self-contained");
        let plan = ok(block_on(ImportPlan::build(&town_store.store, &file.records)));
        if round == 1 {
            assert!(plan.is_noop(), "the second import changes nothing");
            assert_eq!(plan.count(Kind::Response, Outcome::Unchanged), 1);
        }
        let (changes, archive) = plan
            .changes(&|_, _| Resolution::KeepLocal, town_store.id, now, &file, &|| town_store.ids.next_id())
            .unwrap_or_else(|e| panic!("{e}"));
        ok(block_on(town_store.store.commit_all(changes, archive)));
    }
    let responses = ok(block_on(town_store.store.all::<Response>()));
    let local_q = ok(block_on(town_store.store.get::<Questionnaire>(q.meta.id)));
    let Some(local_q) = local_q else { panic!("imported") };
    assert_eq!(tally(&local_q, &responses, &[], None).returned, 1);
}

#[test]
fn a_response_to_a_questionnaire_held_nowhere_is_a_dangling_reference() {
    let county = Office::new(6);
    let q = county.conduct_review();
    let r = county.answer(&q, 0);
    let mut file = ExchangeFile::new(
        Source { office_id: county.id, office_name: "答卷人".into() },
        Timestamp::from_unix_millis(1_795_000_000_000.0),
        xuncha_core::exchange::format::FileKind::Package { scope: "答卷".into() },
        Default::default(),
    );
    file.records.responses.push(r);
    let parsed = ok(ExchangeFile::parse(ok(file.to_json()).as_bytes()));
    assert!(parsed.check_references(&|_, _| false).is_err());
    assert_eq!(parsed.check_references(&|kind, id| kind == Kind::Questionnaire && id == q.meta.id), Ok(()));
}

#[test]
fn a_questionnaire_about_a_unit_names_it_and_travels_with_it() {
    let county = Office::new(7);
    let town = ok(block_on(ops::save_target(
        &county.store,
        &county.ctx(),
        None,
        Target::new("城关镇", TargetKind::Township, None),
    )));
    let mut q = template(Purpose::DemocraticEvaluation, &county.ids);
    q.target = Some(town.meta.id);
    let q = ok(block_on(ops::save_questionnaire(&county.store, &county.ctx(), None, q)));
    let source = Source { office_id: county.id, office_name: "县委巡察办".into() };
    let now = Timestamp::from_unix_millis(1_795_000_000_000.0);
    let found = ok(block_on(package(&county.store, Scope::Questionnaire(q.meta.id), source, now, Lang::Zh)));
    let Some((file, _)) = found else { panic!("exists") };
    assert_eq!(file.records.count(Kind::Target), 1);
    assert_eq!(file.check_references(&|_, _| false), Ok(()));
}

#[test]
fn the_tally_sheet_lists_every_option_with_its_share_and_every_text_alone() {
    use xuncha_core::ledger::Cell;
    use xuncha_core::sheet::Sheet;
    let county = Office::new(8);
    let q = county.conduct_review();
    county.answer(&q, 0);
    county.answer(&q, 3);
    let responses = ok(block_on(county.store.all::<Response>()));
    let t = tally(&q, &responses, &[], None);
    let sheet = Sheet::of_tally(&q.data.title, "全部", &t, Lang::Zh, today());
    assert_eq!(sheet.headers, vec!["题目", "选项", "份数", "百分比", "加权得分"]);
    assert_eq!(sheet.rows[0][2], Cell::Count(2), "forms returned come first");
    assert_eq!(sheet.rows[0][3], Cell::Text("40.0%".into()), "2 of 5 handed out");
    let first = &sheet.rows[1];
    assert_eq!(first[0], Cell::Text(format!("1. {}", q.data.questions[0].text)));
    assert_eq!(
        (&first[1], &first[2], &first[3], &first[4]),
        (&Cell::Text("好".into()), &Cell::Count(1), &Cell::Text("50.0%".into()), &Cell::Text("50.0".into()))
    );
    assert!(sheet.to_xlsx(Timestamp::from_unix_millis(1_795_000_000_000.0)).is_ok());

    // 测评汇总 beside it: the first item had one 好 and one 差, the rest two 好.
    let summaries = xuncha_core::rating::summaries(&t);
    assert_eq!(summaries.len(), 1, "the conduct review rates every item on one scale");
    let rating = Sheet::of_rating(&q.data.title, "全部", &summaries[0], Lang::Zh, today());
    assert_eq!(rating.headers, vec!["序号", "测评项目", "好", "较好", "一般", "差", "有效票数", "好和较好率"]);
    assert_eq!(rating.rows[0][2], Cell::Count(1));
    assert_eq!(rating.rows[0][7], Cell::Text("50.0%".into()));
    let overall = rating.rows.last().cloned().unwrap_or_default();
    assert_eq!(overall[1], Cell::Text("总体".into()));
    let items = rating.rows.len() - 1;
    let votes = u32::try_from(2 * items).unwrap_or_default();
    assert_eq!(overall[6], Cell::Count(votes), "two votes on every item");
    let good = (2 * items - 1) as f64 * 100.0 / (2 * items) as f64;
    assert_eq!(overall[7], Cell::Text(format!("{good:.1}%")));
    let book = Sheet::workbook(&[sheet, rating], Timestamp::from_unix_millis(1_795_000_000_000.0));
    assert!(book.is_ok_and(|bytes| bytes.starts_with(b"PK")));
}

#[test]
fn many_response_files_merge_into_one_import_and_a_response_in_two_files_counts_once() {
    use xuncha_core::exchange::format::Records;
    use xuncha_core::exchange::merge::merge_records;
    let county = Office::new(9);
    let q = county.conduct_review();
    let (a, b) = (county.answer(&q, 0), county.answer(&q, 1));
    let one = Records { responses: vec![a.clone()], ..Default::default() };
    let two = Records { responses: vec![a.clone(), b.clone()], ..Default::default() };
    let (merged, conflicts) = merge_records(&[&one, &two]);
    assert!(conflicts.is_empty());
    let mut ids: Vec<Id> = merged.responses.iter().map(|r| r.meta.id).collect();
    ids.sort();
    let mut want = vec![a.meta.id, b.meta.id];
    want.sort();
    assert_eq!(ids, want);

    // The same questionnaire edited apart in two files is a disagreement to settle one file at a time.
    let mut left = q.clone();
    left.data.title = "甲".into();
    left.meta.version.bump(county.ids.next_id());
    let mut right = q.clone();
    right.data.title = "乙".into();
    right.meta.version.bump(county.ids.next_id());
    let x = Records { questionnaires: vec![left], ..Default::default() };
    let y = Records { questionnaires: vec![right], ..Default::default() };
    assert_eq!(merge_records(&[&x, &y]).1.len(), 1);
}
