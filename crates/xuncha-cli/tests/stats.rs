//! `xuncha stats` counts a generated county exactly as the app's core does: the
//! JSON's figures equal `Stats::of` on the same records, under the documented keys;
//! two files of one county count once; a missing period is a clear error.

#[path = "common/cli.rs"]
mod cli;
use cli::{xuncha, Folder};
use std::path::Path;
use xuncha_core::exchange::format::ExchangeFile;
use xuncha_core::i18n::Lang;
use xuncha_core::ledger::Ledger;
use xuncha_core::ops::Snapshot;
use xuncha_core::stats::{Period, Stats, StatsScope};

/// A folder of this test's own with a generated county file.
fn county(test: &str) -> Folder {
    let dir = Folder::new(&format!("stats-{test}"));
    let (code, _, err) = xuncha(&dir, &["gen", "--scale", "0.02", "--seed", "7", "-o", "county.json"]);
    assert_eq!(code, 0, "{err}");
    dir
}

#[test]
fn the_json_figures_are_the_cores_figures_under_their_keys() {
    let dir = county("json");
    let args = ["stats", "county.json", "--year", "2025", "--today", "2026-12-01", "--json"];
    let (code, out, err) = xuncha(&dir, &args);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert_eq!(json["scope"], "2025年度");

    let bytes = std::fs::read(dir.join("county.json")).unwrap_or_else(|e| panic!("{e}"));
    let file = ExchangeFile::parse(&bytes).unwrap_or_else(|e| panic!("{e}"));
    let mut d = Snapshot::default();
    d.apply(file.records.into_any().collect());
    let ledger = Ledger::build(&d, Lang::Zh);
    let today = "2026-12-01".parse().unwrap_or_else(|e| panic!("{e}"));
    let expected = Stats::of(&d, &ledger, &StatsScope::of(Period::Year(2025)), today);
    let figures = json["figures"].as_object().cloned().unwrap_or_default();
    assert_eq!(figures.len(), expected.by_key().len());
    for (key, value) in expected.by_key() {
        assert_eq!(figures.get(&key).and_then(|v| v.as_u64()), Some(value), "{key}");
    }
    assert!(expected.value("problems.total") > 0, "the generated year has problems to count");
    for key in ["rounds.total", "activities.talks", "clues.to_discipline", "rectification.overdue"] {
        assert!(figures.contains_key(key), "{key} is one of the documented keys");
    }
    let documented = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/statistics.md"))
        .unwrap_or_else(|e| panic!("{e}"));
    for key in figures.keys() {
        assert!(documented.contains(&format!("`{key}`")), "docs/statistics.md documents {key}");
    }
}

#[test]
fn the_same_county_in_two_files_counts_once_and_text_ends_with_the_summary() {
    let dir = county("twice");
    std::fs::copy(dir.join("county.json"), dir.join("copy.json")).unwrap_or_else(|e| panic!("{e}"));
    let one = xuncha(&dir, &["stats", "county.json", "--year", "2025", "--today", "2026-12-01", "--json"]);
    let two = xuncha(&dir, &["stats", "county.json", "copy.json", "--year", "2025", "--today", "2026-12-01", "--json"]);
    assert_eq!(one.1, two.1);
    let (code, text, _) = xuncha(&dir, &["stats", "county.json", "--year", "2025", "--today", "2026-12-01"]);
    assert_eq!(code, 0);
    assert!(text.starts_with("2025年度\n【巡察轮次】\n  开展巡察（轮）："), "{text}");
    assert!(text.contains("\n2025年共开展巡察"), "{text}");
}

#[test]
fn a_missing_period_or_an_unknown_township_is_said_in_words() {
    let dir = county("errors");
    let (code, out, err) = xuncha(&dir, &["stats", "county.json"]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(err.contains("请指定统计范围"), "{err}");
    let (code, _, err) = xuncha(&dir, &["stats", "county.json", "--year", "2025", "--township", "不存在镇"]);
    assert_eq!(code, 1);
    assert!(err.contains("文件中没有“不存在镇”"), "{err}");
}
