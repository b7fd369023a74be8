//! The rules a file must keep beyond each field's form and beyond its references
//! existing: each broken one refuses the file, naming the record, the field and the
//! rule, whether the other record is in the file or already in the database.

use pollster::block_on;
use xuncha_core::exchange::consistency::Local;
use xuncha_core::exchange::format::ParseError;
use xuncha_core::exchange::import::{plan, ImportError};
use xuncha_core::exchange::ExchangeFile;
use xuncha_core::i18n::{Lang, T};
use xuncha_core::record::{Body, Kind};
use xuncha_core::store::{Change, Expect, MemoryStore, Store};
use xuncha_core::target::TargetKind;

fn county() -> ExchangeFile {
    let day = xuncha_core::date::Day::from_ymd(2026, 11, 22).unwrap_or_else(|| panic!("a day"));
    xuncha_core::generate::generate(0.002, 9, day)
}

fn broken(file: &ExchangeFile) -> Option<(Kind, &'static str, T)> {
    match file.check_consistency(&Local::default()) {
        Err(ParseError::Inconsistent { kind, field, why, .. }) => Some((kind, field, why)),
        Err(other) => panic!("another refusal: {other:?}"),
        Ok(()) => None,
    }
}

#[test]
fn a_generated_county_keeps_every_rule() {
    assert_eq!(broken(&county()), None);
}

#[test]
fn a_term_ends_after_it_starts() {
    let mut file = county();
    file.records.terms[0].data.end_year = file.records.terms[0].data.start_year - 1;
    assert_eq!(broken(&file), Some((Kind::Term, "end_year", T::ErrTermEndBeforeStart)));
    let said = file.check_consistency(&Local::default()).err().map(|e| e.message(Lang::Zh)).unwrap_or_default();
    assert!(said.contains("届次记录") && said.contains("结束年份") && said.contains("本机数据未做任何改动"), "{said}");
}

#[test]
fn a_village_belongs_to_a_township_and_only_villages_belong_to_one() {
    let mut file = county();
    let unit = file.records.targets.iter().find(|t| !t.data.kind.needs_township()).map(|t| t.meta.id);
    let unit_index = file.records.targets.iter().position(|t| t.data.kind == TargetKind::CountyGovDept);
    let village = file.records.targets.iter().position(|t| t.data.kind == TargetKind::Village);
    let (Some(v), Some(u)) = (village, unit_index) else { panic!("the county has villages and units") };
    let township = file.records.targets[v].data.township;
    file.records.targets[v].data.township = file.records.targets[u].meta.id.into();
    assert_eq!(broken(&file), Some((Kind::Target, "township", T::ErrTownshipMissing)), "a unit is no township");
    file.records.targets[v].data.township = None;
    assert_eq!(broken(&file), Some((Kind::Target, "township", T::ErrVillageNeedsTownship)));
    file.records.targets[v].data.township = township;
    file.records.targets[u].data.township = township.or(unit);
    assert_eq!(broken(&file), Some((Kind::Target, "township", T::ErrOnlyVillagesHaveTownship)));
}

#[test]
fn a_response_answers_its_questionnaires_questions_with_its_options_and_keeps_only_its_day() {
    let mut file = county();
    let r = 0;
    let question = file.records.responses[r].data.answers[0].question;
    file.records.responses[r].data.answers[0].question = file.records.responses[r].meta.id;
    assert_eq!(broken(&file), Some((Kind::Response, "answers", T::ErrUnknownQuestion)));
    file.records.responses[r].data.answers[0].question = question;
    let answer = file.records.responses[r].data.answers.iter().position(|a| !a.choices.is_empty());
    let Some(a) = answer else { panic!("an answer with a choice") };
    file.records.responses[r].data.answers[a].choices = vec![99];
    assert_eq!(broken(&file), Some((Kind::Response, "answers", T::ErrChoiceBeyondOptions)));

    let mut file = county();
    file.records.responses[0].meta.created_at = xuncha_core::meta::Timestamp::from_unix_millis(1_795_000_123_000.0);
    assert_eq!(broken(&file), Some((Kind::Response, "day", T::ErrResponseTimeFiner)));

    let mut file = county();
    file.records.paper_batches[0].data.counts[0].option = 50;
    assert_eq!(broken(&file), Some((Kind::PaperBatch, "counts", T::ErrChoiceBeyondOptions)));
}

#[test]
fn a_response_is_checked_against_the_questionnaire_already_in_the_database() {
    let county = county();
    let store = MemoryStore::new();
    let q = county.records.questionnaires[0].clone();
    let change =
        Change { record: xuncha_core::questionnaire::Questionnaire::into_any(q.clone()), expect: Expect::Absent };
    block_on(store.commit(vec![change])).unwrap_or_else(|e| panic!("{e}"));
    let mut response = county.records.responses.iter().find(|r| r.data.questionnaire == q.meta.id).cloned();
    let Some(response) = response.as_mut() else { panic!("a response to the first questionnaire") };
    response.data.target = None;
    let mut only = ExchangeFile { records: Default::default(), ..county.clone() };
    only.records.responses.push(response.clone());
    assert!(block_on(plan(&store, &only)).is_ok(), "the questionnaire is in the database");
    if let Some(a) = only.records.responses[0].data.answers.iter_mut().find(|a| !a.choices.is_empty()) {
        a.choices = vec![77];
    }
    let refused = block_on(plan(&store, &only)).err();
    assert!(
        matches!(refused, Some(ImportError::File(ParseError::Inconsistent { why: T::ErrChoiceBeyondOptions, .. }))),
        "{refused:?}"
    );
}

#[test]
fn every_broken_rule_of_a_file_is_listed_at_once_with_text_limits_and_missing_references() {
    let mut file = county();
    file.records.terms[0].data.end_year = file.records.terms[0].data.start_year - 1;
    let village = file.records.targets.iter().position(|t| t.data.kind == TargetKind::Village);
    let Some(v) = village else { panic!("the county has villages") };
    file.records.targets[v].data.township = Some(xuncha_core::id::Id::from_random_bytes([9; 16]));
    file.records.problems[0].data.description = "问".repeat(xuncha_core::validation::MAX_TEXT_CHARS + 1);
    match file.check_rules(&|_, _| false, &Local::default()) {
        Err(ParseError::Several { listed, more: 0 }) => {
            let kinds: Vec<&str> = listed
                .iter()
                .map(|e| match e {
                    ParseError::TooLong { .. } => "too long",
                    ParseError::DanglingReference { .. } => "dangling",
                    ParseError::Inconsistent { .. } => "rule",
                    _ => "other",
                })
                .collect();
            assert_eq!(kinds, ["too long", "dangling", "rule"], "{listed:?}");
            let said = ParseError::Several { listed, more: 0 }.messages(Lang::Zh);
            assert_eq!(said.len(), 4, "{said:?}");
            assert!(said[0].starts_with("文件中有 3 处问题"), "{said:?}");
        }
        other => panic!("expected three problems, got {other:?}"),
    }
}

#[test]
fn a_rectifications_status_deadline_and_day_struck_off_are_those_its_steps_lead_to() {
    use xuncha_core::rectification::RectStatus;
    let mut file = county();
    let closed = file.records.rectifications.iter().position(|x| x.data.status == RectStatus::Closed);
    let Some(i) = closed else { panic!("the county has a closed rectification") };
    file.records.rectifications[i].data.status = RectStatus::NotStarted;
    assert_eq!(broken(&file), Some((Kind::Rectification, "status", T::ErrRectNotFromSteps)));
    file.records.rectifications[i].data.status = RectStatus::Closed;
    file.records.rectifications[i].data.closed_on = None;
    assert_eq!(broken(&file), Some((Kind::Rectification, "closed_on", T::ErrRectNotFromSteps)));
    let mut fresh = county();
    let new = fresh.records.rectifications.iter().position(|x| x.data.history.is_empty());
    let Some(n) = new else { panic!("the county has a rectification not started") };
    fresh.records.rectifications[n].data.status = RectStatus::InProgress;
    assert_eq!(broken(&fresh), Some((Kind::Rectification, "status", T::ErrRectNotFromSteps)));
    let said = fresh.check_consistency(&Local::default()).err().map(|e| e.message(Lang::Zh)).unwrap_or_default();
    assert!(said.contains("整改记录") && said.contains("与办理记录不符"), "{said}");
}

#[test]
fn the_text_limits_of_the_ledger_forms_hold_for_files_too() {
    let limit = xuncha_core::validation::MAX_TEXT_CHARS;
    let mut file = county();
    file.records.rectifications[0].data.measures = "措".repeat(limit + 1);
    file.records.clues[0].data.result = "果".repeat(limit + 1);
    let live_letter = file.records.recommendations.iter().position(|l| l.is_live());
    let Some(l) = live_letter else { panic!("the county has a letter") };
    file.records.recommendations[l].data.response = "复".repeat(limit + 1);
    match file.check_limits() {
        Err(ParseError::Several { listed, more: 0 }) => {
            let fields: Vec<&str> = listed
                .iter()
                .map(|e| match e {
                    ParseError::TooLong { field, .. } => *field,
                    _ => "other",
                })
                .collect();
            assert_eq!(fields, ["measures", "result", "response"], "{listed:?}");
        }
        other => panic!("expected three texts over the limit, got {other:?}"),
    }
}
