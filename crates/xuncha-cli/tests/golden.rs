//! Golden tests of the `xuncha` binary: deterministic files in, exact output out.
//! Run with XUNCHA_BLESS=1 to rewrite the expected outputs after a deliberate change.

#[path = "common/cli.rs"]
mod cli;
use cli::Folder;
use pollster::block_on;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use xuncha_core::exchange::format::{ExchangeFile, FileKind, Source};
use xuncha_core::id::{Id, IdSource, SequentialIds};
use xuncha_core::meta::Timestamp;
use xuncha_core::ops::{self, Ctx};
use xuncha_core::store::{MemoryStore, Store};
use xuncha_core::target::{Target, TargetKind};
use xuncha_core::term::Term;

fn now() -> Timestamp {
    // 2026-11-22 14:00 in Beijing.
    Timestamp::from_unix_millis(1_795_327_200_000.0)
}

fn file_of(store: &MemoryStore, office: Id, name: &str) -> ExchangeFile {
    block_on(async {
        ExchangeFile {
            format_version: (1, 0),
            app_version: "0.1.0".into(),
            exported_at: now(),
            source: Source { office_id: office, office_name: name.into() },
            kind: FileKind::Backup,
            records: store.all_records().await.unwrap_or_default(),
        }
    })
}

/// A fresh folder with the fixture files, all made from fixed ids and times.
fn fixtures() -> Folder {
    let dir = Folder::new(&format!("cli-{}", rand_suffix()));
    let ids = SequentialIds::default();
    let county = MemoryStore::new();
    let office = ids.next_id();
    let ctx = Ctx { office, now: now(), ids: &ids };
    block_on(async {
        ops::save_term(&county, &ctx, None, Term { name: "十五届".into(), start_year: 2021, end_year: 2026 })
            .await
            .ok();
        let town = ops::save_target(&county, &ctx, None, Target::new("城关镇", TargetKind::Township, None)).await.ok();
        let v =
            ops::save_target(&county, &ctx, None, Target::new("新村", TargetKind::Village, town.map(|t| t.meta.id)))
                .await
                .ok();
        if let Some(v) = v {
            let gone = ops::save_target(&county, &ctx, None, Target::new("老村", TargetKind::Village, v.data.township))
                .await
                .ok();
            if let Some(gone) = gone {
                ops::delete_target(&county, &ctx, &gone).await.ok();
            }
        }
    });
    let good = file_of(&county, office, "某某县委巡察办").to_json().unwrap_or_default();
    std::fs::write(dir.join("good.json"), &good).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.join("tampered.json"), good.replacen("城关镇", "城关镇（改）", 1))
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.join("truncated.json"), &good[..good.len() / 3]).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.join("newer.json"), good.replacen("\"1.0\"", "\"9.0\"", 1)).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.join("notes.txt"), "这不是数据文件\n").unwrap_or_else(|e| panic!("{e}"));

    // A township copy whose village was renamed there while the county renamed it too.
    let township = MemoryStore::new();
    let town_office = ids.next_id();
    let parsed = ExchangeFile::parse(good.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let plan =
        block_on(xuncha_core::exchange::merge::ImportPlan::build(&township, &parsed.records)).unwrap_or_default();
    let (changes, _) = plan
        .changes(&|_, _| xuncha_core::exchange::merge::Resolution::KeepLocal, town_office, now(), &parsed, &|| {
            ids.next_id()
        })
        .unwrap_or_else(|e| panic!("{e}"));
    block_on(township.commit(changes)).unwrap_or_else(|e| panic!("{e}"));
    let rename = |store: &MemoryStore, office: Id, name: &str| {
        block_on(async {
            let all: Vec<xuncha_core::Record<Target>> = store.all().await.unwrap_or_default();
            let Some(v) = all.into_iter().find(|t| t.data.name == "新村") else { panic!("no village") };
            let mut data = v.data.clone();
            data.name = name.into();
            let ctx = Ctx { office, now: now(), ids: &ids };
            ops::save_target(store, &ctx, Some(&v.meta), data).await.unwrap_or_else(|e| panic!("{e}"));
        })
    };
    rename(&county, office, "新村（县）");
    rename(&township, town_office, "新村（乡镇）");
    let a = file_of(&county, office, "某某县委巡察办").to_json().unwrap_or_default();
    let b = file_of(&township, town_office, "城关镇纪委").to_json().unwrap_or_default();
    std::fs::write(dir.join("county.json"), a).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.join("township.json"), b).unwrap_or_else(|e| panic!("{e}"));
    dir
}

fn rand_suffix() -> u128 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0)
}

/// Runs `xuncha` in `dir` with `stdin`; returns (exit code, stdout, stderr).
fn run(dir: &Path, args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_xuncha"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start xuncha: {e}"));
    if let Some(mut input) = child.stdin.take() {
        let _ = input.write_all(stdin.as_bytes());
    }
    let out = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "xuncha panicked: {stderr}");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), stderr)
}

/// Compares with tests/golden/NAME, or writes it when blessing.
fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name);
    if std::env::var_os("XUNCHA_BLESS").is_some() {
        std::fs::write(&path, actual).unwrap_or_else(|e| panic!("{e}"));
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("missing golden {name}: {e}"));
    assert_eq!(actual, expected, "output differs from tests/golden/{name}");
}

#[test]
fn check_summarises_a_valid_backup_in_chinese() {
    let dir = fixtures();
    let (code, out, _) = run(&dir, &["check", "good.json"], "");
    assert_eq!(code, 0);
    golden("check_good.zh.txt", &out);
}

#[test]
fn check_speaks_english_on_request() {
    let dir = fixtures();
    let (code, out, _) = run(&dir, &["--lang", "en", "check", "good.json"], "");
    assert_eq!(code, 0);
    golden("check_good.en.txt", &out);
}

#[test]
fn check_names_the_reason_for_each_bad_file_and_fails() {
    let dir = fixtures();
    let (code, out, err) =
        run(&dir, &["check", "tampered.json", "truncated.json", "newer.json", "notes.txt", "missing.json"], "");
    assert_eq!(code, 1);
    golden("check_bad.zh.txt", &out);
    assert!(err.contains("无法读取 missing.json"), "{err}");
}

#[test]
fn check_without_files_is_a_usage_error() {
    let dir = fixtures();
    let (code, out, err) = run(&dir, &["check"], "");
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("用法：xuncha check"), "{err}");
}

#[test]
fn a_file_over_the_limit_is_refused_by_its_length_before_it_is_read() {
    let dir = fixtures();
    // Sparse: 401 MiB on paper, nothing on disk; reading it whole would take seconds and the memory.
    let big = std::fs::File::create(dir.join("big.json")).unwrap_or_else(|e| panic!("{e}"));
    big.set_len(401 * 1024 * 1024).unwrap_or_else(|e| panic!("{e}"));
    let (code, out, _) = run(&dir, &["check", "big.json"], "");
    assert_eq!(code, 1);
    assert!(out.contains("big.json：无效。") && out.contains("401"), "{out}");
}

#[test]
fn merge_keeps_the_first_files_version_of_a_conflict_and_reports_it() {
    let dir = fixtures();
    let (code, out, _) = run(&dir, &["merge", "county.json", "township.json", "-o", "merged.json"], "");
    assert_eq!(code, 2);
    golden("merge_conflict.zh.txt", &out);
    let (code, out, _) = run(&dir, &["check", "merged.json"], "");
    assert_eq!(code, 0, "{out}");
    let merged = std::fs::read(dir.join("merged.json")).unwrap_or_default();
    let merged = ExchangeFile::parse(&merged).unwrap_or_else(|e| panic!("{e}"));
    assert!(merged.records.targets.iter().any(|t| t.data.name == "新村（县）"));
    assert!(!merged.source.office_id.is_nil(), "a merged file has an office id of its own");
    assert_eq!(merged.source.office_id.to_string().as_bytes()[14], b'4', "a random (v4) id");
    // Merging a file with itself changes nothing and has no conflict.
    let (code, _, _) = run(&dir, &["merge", "good.json", "good.json", "-o", "same.json"], "");
    assert_eq!(code, 0);
}

#[test]
fn encrypted_files_open_only_with_the_right_passphrase() {
    let dir = fixtures();
    let (code, _, err) =
        run(&dir, &["--passphrase-stdin", "encrypt", "good.json", "-o", "sealed.json"], "城关镇2026\n");
    assert_eq!(code, 0, "{err}");
    let sealed = std::fs::read_to_string(dir.join("sealed.json")).unwrap_or_default();
    assert!(sealed.contains("\"argon2id\"") && !sealed.contains("城关镇"));
    let (code, out, _) = run(&dir, &["--passphrase-stdin", "check", "sealed.json"], "wrong\n");
    assert_eq!(code, 1);
    assert!(out.contains("口令错误，或加密文件已被改动"), "{out}");
    let (code, _, _) =
        run(&dir, &["--passphrase-stdin", "decrypt", "sealed.json", "-o", "opened.json"], "城关镇2026\n");
    assert_eq!(code, 0);
    let original = std::fs::read(dir.join("good.json")).unwrap_or_default();
    assert_eq!(std::fs::read(dir.join("opened.json")).unwrap_or_default(), original);
    let (code, _, err) = run(&dir, &["--passphrase-stdin", "encrypt", "notes.txt", "-o", "x.json"], "p\n");
    assert_eq!(code, 1, "only exchange files are encrypted");
    assert!(err.contains("无效"), "{err}");
}

#[test]
fn gen_makes_every_kind_and_seals_the_county_when_asked() {
    let dir = fixtures();
    let (code, _, err) = run(&dir, &["gen", "--scale", "0.002", "-o", "county.json"], "");
    assert_eq!(code, 0, "{err}");
    let plain = std::fs::read(dir.join("county.json")).unwrap_or_default();
    let county = ExchangeFile::parse(&plain).unwrap_or_else(|e| panic!("{e}"));
    for kind in xuncha_core::Kind::ALL {
        assert!(county.records.count(kind) > 0, "gen makes {kind:?} records");
    }
    let letters = &county.records.recommendations;
    assert!(letters.iter().any(|l| l.meta.deleted), "and deletions");
    let (code, out, err) = run(&dir, &["check", "county.json"], "");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("其中上级巡视巡察反馈：1 轮"), "check names the round fed back from above: {out}");
    assert!(out.contains("其中有政治生态评估："), "and the units assessed: {out}");
    let office = county.source.office_id;
    // A version with counters of the county alone, as many as it has.
    let county_only = |n: u64| {
        let mut v = xuncha_core::meta::VersionVector::default();
        (0..n).for_each(|_| v.bump(office));
        v
    };
    let elsewhere = |r: &&xuncha_core::Record<xuncha_core::rectification::Rectification>| {
        r.meta.version != county_only(r.meta.version.get(office))
    };
    assert!(county.records.rectifications.iter().find(elsewhere).is_some(), "and edits by another office");
    let (code, _, err) = run(&dir, &["--passphrase-stdin", "gen", "--scale", "0.002", "-o", "sealed.json"], "城关镇\n");
    assert_eq!(code, 0, "{err}");
    let sealed = std::fs::read(dir.join("sealed.json")).unwrap_or_default();
    assert!(xuncha_core::exchange::crypto::is_encrypted(&sealed));
    let (code, out, _) = run(&dir, &["--passphrase-stdin", "check", "sealed.json"], "城关镇\n");
    assert_eq!(code, 0, "{out}");
}

#[test]
fn arbitrary_bytes_never_make_it_panic() {
    let dir = fixtures();
    let good = std::fs::read(dir.join("good.json")).unwrap_or_default();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for n in 0..40 {
        let mut bytes = good.clone();
        for _ in 0..(1 + n % 7) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let at = (seed as usize) % bytes.len().max(1);
            bytes[at] = (seed >> 32) as u8;
        }
        if n % 5 == 0 {
            bytes.truncate((seed as usize) % bytes.len().max(1));
        }
        std::fs::write(dir.join("fuzz.json"), &bytes).unwrap_or_else(|e| panic!("{e}"));
        let (code, _, _) = run(&dir, &["--passphrase-stdin", "check", "fuzz.json"], "x\n");
        assert!(code == 0 || code == 1, "unexpected exit {code}");
    }
}

#[test]
fn a_response_file_is_checked_together_with_its_questionnaire_file_when_both_are_given() {
    let dir = fixtures();
    let day = xuncha_core::date::Day::from_ymd(2026, 11, 22).unwrap_or_else(|| panic!("a day"));
    let county = xuncha_core::generate::generate(0.002, 3, day);
    let mut rest = county.clone();
    let responses = std::mem::take(&mut rest.records.responses);
    assert!(!responses.is_empty(), "the county has responses");
    let mut answers = county.clone();
    answers.records = xuncha_core::record::Records::default();
    answers.records.responses = responses;
    let write = |name: &str, file: &ExchangeFile| {
        std::fs::write(dir.join(name), file.to_json().unwrap_or_default()).unwrap_or_else(|e| panic!("{e}"))
    };
    write("county.json", &rest);
    write("answers.json", &answers);
    let (alone, out, _) = run(&dir, &["check", "answers.json"], "");
    assert_eq!(alone, 1, "alone, the responses point to questionnaires it does not hold: {out}");
    assert!(out.contains("所指的记录") && out.contains("文件中有"), "every dangling reference is listed: {out}");
    let (together, out, _) = run(&dir, &["check", "county.json", "answers.json"], "");
    assert_eq!(together, 0, "{out}");
    assert_eq!(out.matches("有效。").count(), 2, "{out}");

    let question = answers.records.responses.iter().position(|r| r.data.answers.iter().any(|a| !a.choices.is_empty()));
    let Some(i) = question else { panic!("a response with a choice") };
    let answer = answers.records.responses[i].data.answers.iter().position(|a| !a.choices.is_empty()).unwrap_or(0);
    answers.records.responses[i].data.answers[answer].choices = vec![99];
    write("answers.json", &answers);
    let (wrong, out, _) = run(&dir, &["check", "county.json", "answers.json"], "");
    assert_eq!(wrong, 1, "{out}");
    assert!(out.contains("answers.json：无效。") && out.contains("county.json：有效。"), "{out}");
}
