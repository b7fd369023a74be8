//! The reader's own tests: reading in steps, canonical and indented text, newer
//! minor versions, and every way a record is refused.
use super::*;
use crate::date::Day;
use crate::exchange::format::canonical_json;
use crate::generate::generate;

fn county() -> (ExchangeFile, String) {
    let today = Day::from_ymd(2026, 11, 22).unwrap_or_else(|| panic!("a valid day"));
    let file = generate(0.01, 11, today);
    let json = file.to_json().unwrap_or_else(|e| panic!("{e}"));
    (file, json)
}

fn read_in_steps(bytes: &[u8], budget: usize) -> (Result<ExchangeFile, ParseError>, Vec<usize>) {
    let mut reader = match Reader::new(bytes) {
        Ok(r) => r,
        Err(e) => return (Err(e), Vec::new()),
    };
    let mut seen = vec![reader.done()];
    while !reader.step(budget) {
        seen.push(reader.done());
    }
    seen.push(reader.done());
    assert_eq!(reader.done(), reader.total(), "every record is read by the last step");
    (reader.finish(), seen)
}

/// Rewrites a file's JSON through `edit` and seals it with a correct checksum.
fn resealed(json: &str, edit: impl FnOnce(&mut serde_json::Map<String, Value>)) -> String {
    let mut value: Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}"));
    let Value::Object(map) = &mut value else { panic!("not an object") };
    map.remove("checksum");
    edit(map);
    let digest = Sha256::digest(canonical_json(&value).as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    if let Value::Object(map) = &mut value {
        map.insert("checksum".into(), Value::String(format!("sha256:{hex}")));
    }
    value.to_string()
}

#[test]
fn reading_in_steps_of_any_size_gives_the_file_that_was_written() {
    let (file, json) = county();
    for budget in [1, 7, 500, usize::MAX] {
        let (read, seen) = read_in_steps(json.as_bytes(), budget);
        assert_eq!(read.as_ref(), Ok(&file), "budget {budget}");
        assert!(seen.windows(2).all(|w| w[0] <= w[1]), "progress never goes back");
        assert!(seen.windows(2).all(|w| w[1] - w[0] <= budget), "a step reads at most its budget");
    }
    let (_, seen) = read_in_steps(json.as_bytes(), 100);
    assert!(seen.len() > file.records.len() / 100, "a big file is read in many steps: {}", seen.len());
}

#[test]
fn indented_text_and_escaped_strings_read_as_the_compact_file_does() {
    let (mut file, _) = county();
    file.records.problems[0].data.description = "第一行\n第二行 \"引号\" \\ 反斜杠".into();
    let json = file.to_json().unwrap_or_else(|e| panic!("{e}"));
    assert!(json.contains(r#"\n第二行 \"引号\" \\"#), "the description is written with escapes");
    assert_eq!(ExchangeFile::parse(json.as_bytes()).as_ref(), Ok(&file));
    let value: Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
    let indented = serde_json::to_string_pretty(&value).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ExchangeFile::parse(indented.as_bytes()).as_ref(), Ok(&file));
}

#[test]
fn a_newer_minor_version_with_unknown_kinds_and_fields_still_checks_out() {
    let (file, json) = county();
    let newer = resealed(&json, |map| {
        map.insert("format_version".into(), Value::String("1.9".into()));
        map.insert("zz_later_field".into(), serde_json::json!({"b": 1, "a": [true, null]}));
        if let Some(Value::Object(records)) = map.get_mut("records") {
            records.insert("aa_questionnaires".into(), serde_json::json!([{"x": "调查"}]));
            records.insert("zz_later".into(), serde_json::json!({"k": 2}));
        }
    });
    let (read, _) = read_in_steps(newer.as_bytes(), 3);
    let read = read.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(read.format_version, (1, 9));
    assert_eq!(read.records, file.records, "the kinds this version knows are read, the others kept out");
}

#[test]
fn a_changed_record_is_a_checksum_mismatch_even_when_it_no_longer_fits_the_model() {
    let (_, json) = county();
    let mut value: Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
    value["records"]["rectifications"][3]["data"]["deadline"] = Value::String("2026-02-30".into());
    let (read, _) = read_in_steps(value.to_string().as_bytes(), 10);
    match read {
        Err(ParseError::ChecksumMismatch { claimed, computed }) => {
            assert!(claimed.starts_with("sha256:") && computed.starts_with("sha256:") && claimed != computed);
        }
        other => panic!("expected a checksum mismatch, got {other:?}"),
    }
}

#[test]
fn a_number_too_large_for_any_field_is_said_as_such_and_not_as_a_changed_file() {
    let (_, json) = county();
    for huge in ["123456789012345678901234567890", "1e400", "-9007199254740993.0"] {
        let bad = json.replacen("\"start_year\":", &format!("\"start_year\":{huge},\"x\":"), 1);
        match read_in_steps(bad.as_bytes(), 7).0 {
            Err(ParseError::NumberTooLarge { kind: Kind::Term, index: 0, .. }) => {}
            other => panic!("{huge}: expected a number too large, got {other:?}"),
        }
    }
}

#[test]
fn every_refused_record_is_named_in_the_order_of_kinds_whatever_the_order_of_the_file() {
    let (_, json) = county();
    // Keys are read in sorted order (clues before targets), but a target is reported first.
    let bad = resealed(&json, |map| {
        map["records"]["clues"][0]["data"]["transferred_on"] = Value::String("昨天".into());
        map["records"]["targets"][2]["data"]["name"] = Value::Bool(true);
    });
    match read_in_steps(bad.as_bytes(), 5).0 {
        Err(ParseError::Several { listed, more: 0 }) => match listed.as_slice() {
            [ParseError::Schema { kind: Some(Kind::Target), index: 2, path: target, .. }, ParseError::Schema { kind: Some(Kind::Clue), index: 0, path: clue, .. }] =>
            {
                assert_eq!((target.as_str(), clue.as_str()), ("data.name", "data.transferred_on"))
            }
            other => panic!("expected the target, then the clue, got {other:?}"),
        },
        other => panic!("expected two refused records, got {other:?}"),
    }
}

#[test]
fn more_refused_records_than_are_listed_are_counted() {
    let (_, json) = county();
    let mut problems = 0;
    let bad = resealed(&json, |map| {
        let records = map["records"].as_object_mut().map(|r| r.values_mut());
        for list in records.into_iter().flatten() {
            for item in list.as_array_mut().into_iter().flatten() {
                if let Some(data) = item.pointer_mut("/data").and_then(Value::as_object_mut) {
                    if data.contains_key("target") {
                        data.insert("target".into(), Value::Bool(false));
                        problems += 1;
                    }
                }
            }
        }
    });
    assert!(problems > LISTED, "the county has {problems} records with a target");
    match read_in_steps(bad.as_bytes(), 50).0 {
        Err(ParseError::Several { listed, more }) => {
            assert_eq!((listed.len(), listed.len() + more), (LISTED, problems))
        }
        other => panic!("expected several problems, got {other:?}"),
    }
}

#[test]
fn a_known_kind_that_is_not_a_list_or_records_that_are_not_an_object_are_refused() {
    let (_, json) = county();
    let not_list = resealed(&json, |map| map["records"]["problems"] = serde_json::json!({"a": 1}));
    assert!(matches!(Reader::new(not_list.as_bytes()), Err(ParseError::Schema { kind: Some(Kind::Problem), .. })));
    let not_object = resealed(&json, |map| map["records"] = serde_json::json!([1, 2]));
    assert!(matches!(Reader::new(not_object.as_bytes()), Err(ParseError::Schema { kind: None, .. })));
    let null_kind = resealed(&json, |map| map["records"]["clues"] = Value::Null);
    let read = ExchangeFile::parse(null_kind.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert!(read.records.clues.is_empty(), "null is an empty list");
}

#[test]
fn a_top_level_that_is_not_an_object_is_not_an_exchange_file() {
    assert_eq!(Reader::new(b"[1, 2]").err(), Some(ParseError::NotExchangeFile));
    assert_eq!(Reader::new(b"\"xuncha\"").err(), Some(ParseError::NotExchangeFile));
    assert_eq!(Reader::new(b"{\"format\": ").err(), Some(ParseError::Truncated));
}

#[test]
fn a_sealed_file_is_opened_with_its_passphrase_and_a_plain_one_is_borrowed() {
    let (_, json) = county();
    assert!(matches!(unseal(json.as_bytes(), None), Ok(Cow::Borrowed(_))));
    let sealed = crypto::encrypt(json.as_bytes(), "城关镇2026", [1; 16], [2; 12]).unwrap_or_else(|e| panic!("{e}"));
    let plain = unseal(sealed.as_bytes(), Some("城关镇2026")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(plain.as_ref(), json.as_bytes());
    assert_eq!(unseal(sealed.as_bytes(), Some("wrong")).err(), Some(ParseError::WrongPassphrase));
}
