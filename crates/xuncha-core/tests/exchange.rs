//! Exchange files end to end in the core: write, read back, refuse bad input with
//! a clear reason, and plan imports between two offices' databases.

use pollster::block_on;
use serde_json::Value;
use xuncha_core::exchange::format::{
    canonical_json, ExchangeFile, FileKind, ParseError, Records, Source, MAX_FILE_BYTES,
};
use xuncha_core::exchange::merge::{ImportPlan, Outcome, Resolution};
use xuncha_core::i18n::Lang;
use xuncha_core::id::{Id, IdSource, SequentialIds};
use xuncha_core::ops::{self, Ctx};
use xuncha_core::record::Kind;
use xuncha_core::store::{MemoryStore, Store};
use xuncha_core::target::{Target, TargetKind};
use xuncha_core::term::Term;

mod common;
use common::{backup, county, now, receive};

/// Keeps `undo` as the last import's undo record, as an import does with its commit.
fn keep_as_last_import(store: &MemoryStore, undo: &xuncha_core::exchange::undo::ImportUndo) {
    use xuncha_core::exchange::undo::LAST_IMPORT_KEY;
    block_on(store.put_setting(LAST_IMPORT_KEY, &Some(undo))).unwrap_or_else(|e| panic!("{e}"));
}

fn text(file: &ExchangeFile) -> String {
    file.to_json().unwrap_or_else(|e| panic!("{e}"))
}

fn refused(bytes: &[u8]) -> ParseError {
    match ExchangeFile::parse(bytes) {
        Ok(_) => panic!("the file should have been refused"),
        Err(e) => e,
    }
}

/// Edits the parsed JSON and re-seals it with a valid checksum, as a careless tool would.
fn resealed(json: &str, edit: impl FnOnce(&mut Value)) -> String {
    let mut value: Value = serde_json::from_str(json).unwrap_or_default();
    edit(&mut value);
    if let Value::Object(map) = &mut value {
        map.remove("checksum");
    }
    let digest = {
        use sha2::Digest;
        sha2::Sha256::digest(canonical_json(&value).as_bytes())
    };
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    if let Value::Object(map) = &mut value {
        map.insert("checksum".into(), Value::String(format!("sha256:{hex}")));
    }
    value.to_string()
}

#[test]
fn a_backup_reads_back_exactly_as_written() {
    let ids = SequentialIds::default();
    let (store, office) = county(&ids);
    let file = backup(&store, office);
    let json = text(&file);
    assert!(json.contains("\"format\":\"xuncha-exchange\""));
    assert!(json.contains("\"checksum\":\"sha256:"));
    assert!(!json.contains('\n'), "written compact: a third smaller than indented");
    assert_eq!(ExchangeFile::parse(json.as_bytes()), Ok(file));
}

#[test]
fn the_checksum_does_not_depend_on_key_order_or_spacing() {
    let ids = SequentialIds::default();
    let (store, office) = county(&ids);
    let json = text(&backup(&store, office));
    let compact = serde_json::to_string(&serde_json::from_str::<Value>(&json).unwrap_or_default()).unwrap_or_default();
    assert!(ExchangeFile::parse(compact.as_bytes()).is_ok());
    let bom = format!("\u{feff}{json}");
    assert!(ExchangeFile::parse(bom.as_bytes()).is_ok(), "a byte-order mark from Notepad is fine");
}

#[test]
fn each_kind_of_bad_input_is_refused_with_its_own_reason() {
    let ids = SequentialIds::default();
    let (store, office) = county(&ids);
    let json = text(&backup(&store, office));
    assert_eq!(refused(b"\xff\xfe\x00garbage"), ParseError::NotUtf8 { offset: 0 });
    assert_eq!(refused(&json.as_bytes()[..json.len() / 2]), ParseError::Truncated);
    assert!(matches!(refused(b"hello, world"), ParseError::NotJson { line: 1, .. }));
    assert_eq!(refused(b"{\"format\": \"tiddlywiki\"}"), ParseError::NotExchangeFile);
    assert_eq!(refused(b"[1, 2, 3]"), ParseError::NotExchangeFile);
    let newer = json.replacen("\"format_version\":\"1.0\"", "\"format_version\":\"2.0\"", 1);
    assert_eq!(refused(newer.as_bytes()), ParseError::NewerVersion { found: "2.0".into() });
    let nonsense = json.replacen("\"format_version\":\"1.0\"", "\"format_version\":\"one\"", 1);
    assert_eq!(refused(nonsense.as_bytes()), ParseError::BadVersion { found: "one".into() });
    let tampered = json.replacen("城关镇", "城关镇（改）", 1);
    assert!(matches!(refused(tampered.as_bytes()), ParseError::ChecksumMismatch { .. }));
    let unsealed = resealed(&json, |v| {
        if let Value::Object(m) = v {
            m.remove("checksum");
        }
    })
    .replacen("\"checksum\":", "\"checksum_gone\":", 1);
    assert_eq!(refused(unsealed.as_bytes()), ParseError::ChecksumMissing);
    let huge = vec![b' '; MAX_FILE_BYTES + 1];
    assert_eq!(refused(&huge), ParseError::TooLarge { bytes: MAX_FILE_BYTES + 1 });
}

#[test]
fn a_newer_minor_version_with_unknown_fields_is_read() {
    let ids = SequentialIds::default();
    let (store, office) = county(&ids);
    let json = resealed(&text(&backup(&store, office)), |v| {
        v["format_version"] = Value::String("1.7".into());
        v["records"]["targets"][0]["data"]["future_field"] = Value::Bool(true);
        v["future_section"] = Value::from(42);
    });
    let file = ExchangeFile::parse(json.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(file.format_version, (1, 7));
    assert_eq!(file.records.targets.len(), 2);
}

#[test]
fn a_schema_violation_names_the_record_and_the_field() {
    let ids = SequentialIds::default();
    let (store, office) = county(&ids);
    let json = text(&backup(&store, office));
    let negative =
        resealed(&json, |v| v["records"]["terms"][0]["data"]["start_year"] = Value::String("二〇二一".into()));
    let err = refused(negative.as_bytes());
    let ParseError::Schema { kind, index, path, .. } = &err else { panic!("{err:?}") };
    assert_eq!((*kind, *index, path.as_str()), (Some(Kind::Term), 0, "data.start_year"));
    let message = err.message(Lang::Zh);
    assert!(message.starts_with("第 1 条届次记录（"), "{message}");
    assert!(message.contains("的“起始年份”有误"), "{message}");
    let bad_date = resealed(&json, |v| {
        v["records"]["targets"][0]["meta"]["created_at"] = Value::String("2026-02-30T00:00:00Z".into())
    });
    assert!(matches!(refused(bad_date.as_bytes()), ParseError::Schema { path, .. } if path == "meta.created_at"));
}

#[test]
fn duplicate_ids_and_dangling_references_are_refused() {
    let ids = SequentialIds::default();
    let (store, office) = county(&ids);
    let json = text(&backup(&store, office));
    let twice = resealed(&json, |v| {
        let first = v["records"]["targets"][0].clone();
        if let Some(list) = v["records"]["targets"].as_array_mut() {
            list.push(first);
        }
    });
    assert!(matches!(refused(twice.as_bytes()), ParseError::DuplicateId { kind: Kind::Target, .. }));

    // A village whose township is neither in the file nor in the database.
    let orphan = resealed(&json, |v| {
        if let Some(list) = v["records"]["targets"].as_array_mut() {
            list.retain(|t| t["data"]["kind"] != "township");
        }
    });
    let file = ExchangeFile::parse(orphan.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let nothing_here = |_: Kind, _: Id| false;
    let err = file.check_references(&nothing_here).err();
    assert!(
        matches!(err, Some(ParseError::DanglingReference { kind: Kind::Target, field: "township", .. })),
        "{err:?}"
    );
    let everything_here = |_: Kind, _: Id| true;
    assert!(file.check_references(&everything_here).is_ok(), "the township may already be in the database");
}

#[test]
fn importing_into_an_empty_database_adds_everything_and_again_changes_nothing() {
    let ids = SequentialIds::default();
    let (county_store, county_office) = county(&ids);
    let file = backup(&county_store, county_office);
    let township = MemoryStore::new();
    let plan = block_on(ImportPlan::build(&township, &file.records)).unwrap_or_default();
    assert_eq!(plan.count(Kind::Target, Outcome::New), 2);
    assert_eq!(plan.count(Kind::Term, Outcome::New), 1);
    let (changes, archive) = plan
        .changes(&|_, _| Resolution::KeepLocal, ids.next_id(), now(), &file, &|| ids.next_id())
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(archive.is_empty());
    block_on(township.commit(changes)).unwrap_or_else(|e| panic!("{e}"));
    let again = block_on(ImportPlan::build(&township, &file.records)).unwrap_or_default();
    assert!(again.is_noop());
    assert_eq!(again.count(Kind::Target, Outcome::Unchanged), 2);
}

#[test]
fn concurrent_edits_conflict_and_the_losing_side_is_archived() {
    let ids = SequentialIds::default();
    let (county_store, county_office) = county(&ids);
    let first = backup(&county_store, county_office);
    let township = MemoryStore::new();
    let township_office = ids.next_id();
    let plan = block_on(ImportPlan::build(&township, &first.records)).unwrap_or_default();
    let (changes, _) = plan
        .changes(&|_, _| Resolution::KeepLocal, township_office, now(), &first, &|| ids.next_id())
        .unwrap_or_else(|e| panic!("{e}"));
    block_on(township.commit(changes)).unwrap_or_else(|e| panic!("{e}"));

    // Both offices rename the village independently.
    let rename = |store: &MemoryStore, office: Id, name: &str| {
        block_on(async {
            let all: Vec<xuncha_core::Record<Target>> = store.all().await.unwrap_or_default();
            let Some(village) = all.into_iter().find(|t| t.data.kind == TargetKind::Village) else {
                panic!("no village")
            };
            let mut data = village.data.clone();
            data.name = name.into();
            let ctx = Ctx { office, now: now(), ids: &ids };
            ops::save_target(store, &ctx, Some(&village.meta), data).await.unwrap_or_else(|e| panic!("{e}"));
        })
    };
    rename(&county_store, county_office, "新村（县里改）");
    rename(&township, township_office, "新村（乡镇改）");

    let second = backup(&county_store, county_office);
    let plan = block_on(ImportPlan::build(&township, &second.records)).unwrap_or_default();
    assert_eq!(plan.count(Kind::Target, Outcome::Conflict), 1);
    assert_eq!(plan.count(Kind::Target, Outcome::Unchanged), 1);
    let (changes, archive) = plan
        .changes(&|_, _| Resolution::TakeIncoming, township_office, now(), &second, &|| ids.next_id())
        .unwrap_or_else(|e| panic!("{e}"));
    block_on(township.commit_all(changes, archive)).unwrap_or_else(|e| panic!("{e}"));

    let names: Vec<String> =
        block_on(township.all::<Target>()).unwrap_or_default().into_iter().map(|t| t.data.name).collect();
    assert!(names.contains(&"新村（县里改）".to_owned()));
    let archived = block_on(township.archived()).unwrap_or_default();
    assert_eq!(archived.len(), 1);
    assert_eq!(archived[0].record["data"]["name"], "新村（乡镇改）");

    // The resolution has seen both sides: re-importing the county file changes nothing,
    // and the county takes the township's resolution as a plain update.
    assert!(block_on(ImportPlan::build(&township, &second.records)).unwrap_or_default().is_noop());
    let back = backup(&township, township_office);
    let plan = block_on(ImportPlan::build(&county_store, &back.records)).unwrap_or_default();
    assert_eq!(plan.count(Kind::Target, Outcome::Updated), 1);
    assert_eq!(plan.count(Kind::Target, Outcome::Conflict), 0);
}

#[test]
fn a_deletion_wins_only_over_the_version_it_has_seen() {
    let ids = SequentialIds::default();
    let (county_store, county_office) = county(&ids);
    let base = backup(&county_store, county_office);
    let township = MemoryStore::new();
    let township_office = ids.next_id();
    let plan = block_on(ImportPlan::build(&township, &base.records)).unwrap_or_default();
    let (changes, _) = plan
        .changes(&|_, _| Resolution::KeepLocal, township_office, now(), &base, &|| ids.next_id())
        .unwrap_or_else(|e| panic!("{e}"));
    block_on(township.commit(changes)).unwrap_or_else(|e| panic!("{e}"));

    // The county deletes the village it has; the township has not touched it: the deletion wins.
    let ctx = Ctx { office: county_office, now: now(), ids: &ids };
    let village = |s: &MemoryStore| {
        block_on(s.all::<Target>()).unwrap_or_default().into_iter().find(|t| t.data.kind == TargetKind::Village)
    };
    let Some(v) = village(&county_store) else { panic!("no village") };
    block_on(ops::delete_target(&county_store, &ctx, &v)).unwrap_or_else(|e| panic!("{e}"));
    let plan =
        block_on(ImportPlan::build(&township, &backup(&county_store, county_office).records)).unwrap_or_default();
    assert_eq!(plan.count(Kind::Target, Outcome::Updated), 1);

    // Had the township edited it meanwhile, the deletion would be a conflict instead.
    let Some(tv) = village(&township) else { panic!("no village") };
    let tctx = Ctx { office: township_office, now: now(), ids: &ids };
    let mut data = tv.data.clone();
    data.notes = "乡镇补充".into();
    block_on(ops::save_target(&township, &tctx, Some(&tv.meta), data)).unwrap_or_else(|e| panic!("{e}"));
    let plan =
        block_on(ImportPlan::build(&township, &backup(&county_store, county_office).records)).unwrap_or_default();
    assert_eq!(plan.count(Kind::Target, Outcome::Conflict), 1);
}

#[test]
fn an_encrypted_backup_opens_only_with_its_passphrase() {
    let ids = SequentialIds::default();
    let (store, office) = county(&ids);
    let file = backup(&store, office);
    let sealed = xuncha_core::exchange::crypto::encrypt(text(&file).as_bytes(), "城关镇2026", [3; 16], [4; 12])
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ExchangeFile::open(sealed.as_bytes(), Some("城关镇2026")), Ok(file.clone()));
    assert_eq!(ExchangeFile::open(sealed.as_bytes(), None), Err(ParseError::NeedsPassphrase));
    assert_eq!(ExchangeFile::open(sealed.as_bytes(), Some("wrong")), Err(ParseError::WrongPassphrase));
    assert_eq!(ExchangeFile::open(text(&file).as_bytes(), Some("ignored")), Ok(file), "a plain file opens as it is");
    assert_eq!(ParseError::WrongPassphrase.message(Lang::Zh), "口令错误，或加密文件已被改动，已拒绝导入。");
}

#[test]
fn undoing_an_import_puts_everything_back_and_the_file_can_be_imported_again() {
    use xuncha_core::exchange::undo::ImportUndo;
    let ids = SequentialIds::default();
    let (county_store, county_office) = county(&ids);
    let base = backup(&county_store, county_office);
    let township = MemoryStore::new();
    let office = ids.next_id();
    let ctx = Ctx { office, now: now(), ids: &ids };
    // Both offices set the same field of the same term apart: the import will conflict.
    let term: xuncha_core::Record<Term> = base.records.terms[0].clone();
    let county_ctx = Ctx { office: county_office, now: now(), ids: &ids };
    let mut county_edit = term.data.clone();
    county_edit.end_year = 2027;
    block_on(ops::save_term(&county_store, &county_ctx, Some(&term.meta), county_edit))
        .unwrap_or_else(|e| panic!("{e}"));
    let file = backup(&county_store, county_office);
    receive(&township, &term);
    let mut edited = term.data.clone();
    edited.end_year = 2028;
    block_on(ops::save_term(&township, &ctx, Some(&term.meta), edited)).unwrap_or_else(|e| panic!("{e}"));
    let before = backup(&township, office).records;

    let plan = block_on(ImportPlan::build(&township, &file.records)).unwrap_or_default();
    let (changes, archive) = plan
        .changes(&|_, _| Resolution::TakeIncoming, office, now(), &file, &|| ids.next_id())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(plan.count(Kind::Term, Outcome::Conflict), 1);
    let undo = ImportUndo::of("county.json", now(), &plan, &changes, &archive);
    assert!(undo.entries.iter().any(|e| e.before.is_some()), "the conflict's local side is kept for undo");
    block_on(township.commit_all(changes, archive)).unwrap_or_else(|e| panic!("{e}"));
    keep_as_last_import(&township, &undo);
    assert_ne!(backup(&township, office).records, before);
    assert_eq!(block_on(township.archived()).unwrap_or_default().len(), 1);

    let revert = undo.revert().unwrap_or_else(|e| panic!("{e}"));
    block_on(township.revert(revert)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(backup(&township, office).records, before);
    assert!(block_on(township.archived()).unwrap_or_default().is_empty());
    let again = block_on(ImportPlan::build(&township, &file.records)).unwrap_or_default();
    assert_eq!(again.count(Kind::Target, Outcome::New), 2, "the same file imports as the first time");
}

#[test]
fn undo_refuses_and_changes_nothing_when_an_imported_record_was_edited_since() {
    use xuncha_core::exchange::undo::ImportUndo;
    let ids = SequentialIds::default();
    let (county_store, county_office) = county(&ids);
    let file = backup(&county_store, county_office);
    let township = MemoryStore::new();
    let office = ids.next_id();
    let plan = block_on(ImportPlan::build(&township, &file.records)).unwrap_or_default();
    let (changes, archive) = plan
        .changes(&|_, _| Resolution::KeepLocal, office, now(), &file, &|| ids.next_id())
        .unwrap_or_else(|e| panic!("{e}"));
    let undo = ImportUndo::of("county.json", now(), &plan, &changes, &archive);
    block_on(township.commit_all(changes, archive)).unwrap_or_else(|e| panic!("{e}"));
    keep_as_last_import(&township, &undo);
    let village = block_on(township.all::<Target>())
        .unwrap_or_default()
        .into_iter()
        .find(|t| t.data.kind == TargetKind::Village)
        .unwrap_or_else(|| panic!("no village"));
    let mut data = village.data.clone();
    data.notes = "导入后补充".into();
    let ctx = Ctx { office, now: now(), ids: &ids };
    block_on(ops::save_target(&township, &ctx, Some(&village.meta), data)).unwrap_or_else(|e| panic!("{e}"));
    let before = backup(&township, office).records;
    let result = block_on(township.revert(undo.revert().unwrap_or_default()));
    assert!(matches!(result, Err(xuncha_core::store::StoreError::Stale { .. })), "{result:?}");
    assert_eq!(backup(&township, office).records, before);
}

/// A county with two townships, a round with two groups, and inspections in both.
fn county_with_round(ids: &SequentialIds) -> (MemoryStore, Id, Id, Id, Id) {
    use xuncha_core::group::Group;
    use xuncha_core::round::{Round, RoundKind, RoundStatus};
    let store = MemoryStore::new();
    let office = ids.next_id();
    let ctx = Ctx { office, now: now(), ids };
    block_on(async {
        let term = ops::save_term(&store, &ctx, None, Term { name: "十五届".into(), start_year: 2021, end_year: 2026 })
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let town = ops::save_target(&store, &ctx, None, Target::new("城关镇", TargetKind::Township, None))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let east = ops::save_target(&store, &ctx, None, Target::new("东关镇", TargetKind::Township, None))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let village =
            ops::save_target(&store, &ctx, None, Target::new("新村", TargetKind::Village, Some(town.meta.id)))
                .await
                .unwrap_or_else(|e| panic!("{e}"));
        let round = Round {
            term: term.meta.id,
            ordinal: 3,
            kind: RoundKind::Extended,
            topic: String::new(),
            start: "2026-03-01".parse().ok(),
            end: None,
            status: RoundStatus::Ongoing,
            notes: String::new(),
        };
        let round = ops::save_round(&store, &ctx, None, round).await.unwrap_or_else(|e| panic!("{e}"));
        let group = |name: &str| Group::new(round.meta.id, name.into());
        let g1 = ops::save_group(&store, &ctx, None, group("第一巡察组")).await.unwrap_or_else(|e| panic!("{e}"));
        let g2 = ops::save_group(&store, &ctx, None, group("第二巡察组")).await.unwrap_or_else(|e| panic!("{e}"));
        ops::assign_targets(&store, &ctx, round.meta.id, g1.meta.id, &[village.meta.id], &[])
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        ops::assign_targets(&store, &ctx, round.meta.id, g2.meta.id, &[east.meta.id], &[])
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        (store, office, round.meta.id, g1.meta.id, town.meta.id)
    })
}

fn names(records: &Records) -> Vec<String> {
    let mut out: Vec<String> = records.targets.iter().map(|t| t.data.name.clone()).collect();
    out.sort();
    out
}

#[test]
fn a_round_package_carries_the_round_and_everything_it_refers_to() {
    use xuncha_core::exchange::export::{package, package_file_name, Scope};
    let ids = SequentialIds::default();
    let (store, office, round, _, _) = county_with_round(&ids);
    let source = Source { office_id: office, office_name: "某某县委巡察办".into() };
    let (file, label) = block_on(package(&store, Scope::Round(round), source, now(), Lang::Zh))
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no round"));
    assert_eq!(file.kind, FileKind::Package { scope: "十五届县委第三轮巡察".into() });
    assert_eq!((file.records.terms.len(), file.records.rounds.len(), file.records.groups.len()), (1, 1, 2));
    assert_eq!(file.records.inspections.len(), 2);
    assert_eq!(names(&file.records), vec!["东关镇", "城关镇", "新村"], "the village brings its township");
    assert!(file.check_references(&|_, _| false).is_ok(), "the package stands on its own");
    let day = now().local_date_day();
    assert_eq!(package_file_name("县委巡察办", &label, day), format!("巡察-县委巡察办-十五届第三轮-{day}.json"));
    let empty = MemoryStore::new();
    let plan = block_on(ImportPlan::build(&empty, &file.records)).unwrap_or_default();
    assert_eq!(plan.count(Kind::Inspection, Outcome::New), 2);
}

#[test]
fn a_group_package_holds_only_that_groups_work() {
    use xuncha_core::exchange::export::{package, Scope};
    let ids = SequentialIds::default();
    let (store, office, _, group, _) = county_with_round(&ids);
    let source = Source { office_id: office, office_name: "某某县委巡察办".into() };
    let (file, label) = block_on(package(&store, Scope::Group(group), source, now(), Lang::Zh))
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no group"));
    assert_eq!(label, "十五届第三轮-第一巡察组");
    assert_eq!(file.records.groups.len(), 1);
    assert_eq!(file.records.inspections.len(), 1);
    assert_eq!(names(&file.records), vec!["城关镇", "新村"]);
    assert!(file.check_references(&|_, _| false).is_ok());
}

#[test]
fn a_township_package_holds_the_township_its_villages_and_their_inspections() {
    use xuncha_core::exchange::export::{package, Scope};
    let ids = SequentialIds::default();
    let (store, office, _, _, town) = county_with_round(&ids);
    let source = Source { office_id: office, office_name: "某某县委巡察办".into() };
    let (file, label) = block_on(package(&store, Scope::Township(town), source.clone(), now(), Lang::Zh))
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no township"));
    assert_eq!(label, "城关镇");
    assert_eq!(file.kind, FileKind::Package { scope: "城关镇及所辖村（社区）".into() });
    assert_eq!(names(&file.records), vec!["城关镇", "新村"]);
    assert_eq!((file.records.inspections.len(), file.records.groups.len(), file.records.rounds.len()), (1, 1, 1));
    assert!(file.check_references(&|_, _| false).is_ok());
    let missing = block_on(package(&store, Scope::Township(ids.next_id()), source, now(), Lang::Zh));
    assert_eq!(missing, Ok(None));
}

#[test]
fn the_canonical_form_writes_every_string_and_number_as_serde_json_does_with_keys_sorted() {
    let tricky = [
        "",
        "城关镇",
        "say \"hi\"",
        "C:\\巡察\\",
        "line\nbreak\ttab",
        "\u{1}\u{1f}",
        "\u{7f}",
        "emoji 🙂",
        "a/b",
        "<script>",
    ];
    for s in tricky {
        let expected = serde_json::to_string(s).expect("a string serialises");
        assert_eq!(canonical_json(&serde_json::Value::String(s.to_owned())), expected, "{s:?}");
    }
    let value = serde_json::json!({
        "z": [1, -2.5, 1e300, true, null], "a\"b": {"y": "\n", "b": 0}, "中": "文", "A": u64::MAX
    });
    let text = canonical_json(&value);
    assert_eq!(
        text,
        format!(r#"{{"A":{},"a\"b":{{"b":0,"y":"\n"}},"z":[1,-2.5,1e+300,true,null],"中":"文"}}"#, u64::MAX)
    );
    let back: serde_json::Value = serde_json::from_str(&text).expect("canonical text is JSON");
    assert_eq!(back, value);
}

#[test]
fn a_refused_field_is_described_in_the_users_words_never_the_readers() {
    let ids = SequentialIds::default();
    let (store, office) = county(&ids);
    let json = text(&backup(&store, office));
    type Change = fn(&mut Value);
    let cases: [(&str, Change); 8] = [
        ("应为整数", |v| v["records"]["terms"][0]["data"]["start_year"] = Value::String("二〇二一".into())),
        ("应为文字", |v| v["records"]["terms"][0]["data"]["name"] = Value::from(15)),
        ("缺少这一项", |v| {
            v["records"]["terms"][0]["data"].as_object_mut().map(|o| o.remove("name"));
        }),
        ("取值“township_x”无法识别", |v| {
            v["records"]["targets"][0]["data"]["kind"] = Value::String("township_x".into())
        }),
        ("应为时间", |v| {
            v["records"]["targets"][0]["meta"]["created_at"] = Value::String("2026-02-30T00:00:00Z".into())
        }),
        ("应为记录编号", |v| v["records"]["targets"][0]["meta"]["id"] = Value::String("7".into())),
        ("应为“是”或“否”", |v| v["records"]["targets"][0]["meta"]["deleted"] = Value::String("否".into())),
        ("应为一组字段", |v| v["records"]["targets"][0]["meta"]["version"] = Value::Array(Vec::new())),
    ];
    for (words, change) in cases {
        let message = refused(resealed(&json, change).as_bytes()).message(Lang::Zh);
        assert!(message.contains(words), "{message}");
        // No word of the reader's English (missing field, invalid type, expected …).
        // The file's own literals (true, false) and the name of an id's form may stand.
        let own = ["true", "false", "UUID"];
        let words = message.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() > 2 && !own.contains(w));
        let english = words.count();
        assert!(english <= 1, "{message}");
    }
}

#[test]
fn a_list_in_place_of_an_object_is_refused_at_every_level_as_the_schema_refuses_it() {
    let day = xuncha_core::date::Day::from_ymd(2026, 11, 22).unwrap_or_else(|| panic!("a day"));
    let json = text(&xuncha_core::generate::generate(0.002, 3, day));
    let as_list = |v: &mut Value| {
        let parts: Vec<Value> = v.as_object().map(|o| o.values().cloned().collect()).unwrap_or_default();
        *v = Value::Array(parts);
    };
    type Place = fn(&mut Value) -> &mut Value;
    let places: [(&str, Place); 7] = [
        ("a record", |v| &mut v["records"]["terms"][0]),
        ("its data", |v| &mut v["records"]["terms"][0]["data"]),
        ("its meta", |v| &mut v["records"]["targets"][0]["meta"]),
        ("milestones", |v| &mut v["records"]["inspections"][0]["data"]["milestones"]),
        ("a planned target", |v| &mut v["records"]["plans"][0]["data"]["rounds"][0]["targets"][0]),
        ("a step of a rectification", |v| &mut v["records"]["rectifications"][0]["data"]["history"][0]),
        ("the header's source", |v| &mut v["source"]),
    ];
    for (place, at) in places {
        let bad = resealed(&json, |v| as_list(at(v)));
        let said = refused(bad.as_bytes()).message(Lang::Zh);
        assert!(said.contains("应为一组字段"), "{place}: {said}");
    }
}
