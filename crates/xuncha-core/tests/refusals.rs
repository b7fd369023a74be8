//! Every way a file is refused is said in the user's words: no word of the
//! program's own (Rust's, serde's, a library's) reaches the sentence.

use xuncha_core::exchange::format::{ExchangeFile, OtherFile, ParseError as E};
use xuncha_core::i18n::Lang;
use xuncha_core::id::Id;
use xuncha_core::record::Kind;

#[test]
fn no_refusal_of_a_file_speaks_the_programs_own_words() {
    let id = Id::from_random_bytes([7; 16]);
    let every = [
        E::TooLarge { bytes: 500 * 1024 * 1024 },
        E::NotUtf8 { offset: 49 },
        E::Truncated,
        E::NotJson { line: 1, column: 1 },
        E::NotExchangeFile,
        E::OtherFile(OtherFile::Empty),
        E::OtherFile(OtherFile::Excel),
        E::OtherFile(OtherFile::Word),
        E::OtherFile(OtherFile::OldOffice),
        E::OtherFile(OtherFile::Zip),
        E::OtherFile(OtherFile::Pdf),
        E::NewerVersion { found: "9.0".into() },
        E::BadVersion { found: String::new() },
        E::ChecksumMissing,
        E::ChecksumMismatch {
            claimed: format!("sha256:{}", "a".repeat(64)),
            computed: format!("sha256:{}", "b".repeat(64)),
        },
        E::NumberTooLarge { kind: Kind::Response, index: 3, id: id.to_string(), path: "data.answers".into() },
        E::Several { listed: vec![E::DuplicateId { kind: Kind::Problem, id }, E::TooDeep], more: 7 },
        E::Schema {
            kind: Some(Kind::Target),
            index: 0,
            id: id.to_string(),
            path: "data.kind".into(),
            detail: "unknown variant `x`, expected one of `township`".into(),
        },
        E::DuplicateId { kind: Kind::Problem, id },
        E::DanglingReference { kind: Kind::Target, id, field: "township", missing: id },
        E::TooLong { kind: Kind::Problem, id, field: "description", max: 4000 },
        E::Inconsistent { kind: Kind::Term, id, field: "end_year", why: xuncha_core::i18n::T::ErrTermEndBeforeStart },
        E::NeedsPassphrase,
        E::WrongPassphrase,
        E::Encryption("aead::Error".into()),
    ];
    // Words a clerk may meet: the names of file kinds and of this app.
    let allowed = ["JSON", "json", "Excel", "Word", "PDF", "zip", "xls", "doc", "html", "xuncha", "MB", "SHA"];
    for e in every {
        let said = e.message(Lang::Zh);
        let foreign: Vec<&str> = said
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() > 1 && !allowed.contains(w))
            // An id is hex: it may hold runs of a–f.
            .filter(|w| !w.chars().all(|c| c.is_ascii_hexdigit()))
            .collect();
        assert!(foreign.is_empty(), "{said}: {foreign:?}");
    }
}

#[test]
fn a_workbook_a_document_an_archive_or_an_empty_file_is_named_for_what_it_is() {
    let refused = |bytes: &[u8]| ExchangeFile::open(bytes, None).err();
    let zip = |part: &str| [b"PK\x03\x04".as_slice(), &[0; 26], part.as_bytes()].concat();
    assert_eq!(refused(b""), Some(E::OtherFile(OtherFile::Empty)));
    assert_eq!(refused(b"  \n"), Some(E::OtherFile(OtherFile::Empty)));
    assert_eq!(refused(&zip("[Content_Types].xml xl/workbook.xml")), Some(E::OtherFile(OtherFile::Excel)));
    assert_eq!(refused(&zip("word/document.xml")), Some(E::OtherFile(OtherFile::Word)));
    assert_eq!(refused(&zip("data.json")), Some(E::OtherFile(OtherFile::Zip)));
    assert_eq!(refused(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]), Some(E::OtherFile(OtherFile::OldOffice)));
    assert_eq!(refused(b"%PDF-1.7"), Some(E::OtherFile(OtherFile::Pdf)));
    assert!(E::OtherFile(OtherFile::Excel).message(Lang::Zh).starts_with("这是 Excel 表格文件"));
}

#[test]
fn json_nested_deeper_than_any_exchange_file_is_said_to_be_so() {
    let deep = |inside: &str| {
        format!(
            r#"{{"format":"xuncha-exchange","format_version":"1.4","checksum":"sha256:0","records":{{"terms":[{inside}]}}}}"#
        )
    };
    let nested = format!("{}1{}", "[".repeat(300), "]".repeat(300));
    let refused = ExchangeFile::parse(deep(&nested).as_bytes()).err();
    assert_eq!(refused, Some(E::TooDeep));
    assert!(E::TooDeep.message(Lang::Zh).contains("嵌套"));
    let header = format!(r#"{{"format":"xuncha-exchange","format_version":"1.4","source":{nested},"checksum":"x"}}"#);
    assert_eq!(ExchangeFile::parse(header.as_bytes()).err(), Some(E::TooDeep));
}

#[test]
fn a_wrong_header_field_is_named_as_the_files_header() {
    let e = E::Schema {
        kind: None,
        index: 0,
        id: String::new(),
        path: "app_version".into(),
        detail: "invalid type: integer `3`, expected a string".into(),
    };
    let said = e.message(Lang::Zh);
    assert!(said.starts_with("文件头的“生成程序版本（app_version）”有误"), "{said}");
    assert!(!said.contains("第 1 条"), "{said}");
    let said = E::Schema {
        kind: None,
        index: 0,
        id: String::new(),
        path: "source.office_id".into(),
        detail: "invalid value".into(),
    }
    .message(Lang::En);
    assert!(said.contains("exporting office (source)"), "{said}");
}

#[test]
fn english_names_a_kind_once() {
    let id = Id::from_random_bytes([3; 16]);
    let said = E::DuplicateId { kind: Kind::Inspection, id }.message(Lang::En);
    assert!(said.starts_with("The inspection record "), "{said}");
    assert!(!said.contains("record record"), "{said}");
}

#[test]
fn a_value_the_file_gave_never_decides_what_the_field_is_said_to_need() {
    use xuncha_core::exchange::format::schema_words;
    let count = schema_words(r#"invalid type: string "3 days", expected u32"#, Lang::Zh);
    assert_eq!(count, "应为整数");
    let flag = schema_words("invalid type: string `overtime`, expected a boolean", Lang::Zh);
    assert_eq!(flag, "应为“是”或“否”（true 或 false）");
    assert_eq!(
        schema_words("invalid value: no such day", Lang::Zh),
        "应为实际存在的日期，写作 YYYY-MM-DD（如 2026-03-05）"
    );
}
