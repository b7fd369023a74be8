//! `xuncha from-sheet` turns an office's ledger into an exchange file by the app's own
//! reading rules: good rows become records that pass `xuncha check` on their own, bad
//! rows are printed with row, column and reason (exit 1), and the same ledger against
//! the office's data with those records adds nothing (exit 0).

#[path = "common/cli.rs"]
mod cli;
use cli::{xuncha, Folder};
use xuncha_core::exchange::format::ExchangeFile;
use xuncha_core::i18n::Lang;

fn county(test: &str) -> (Folder, ExchangeFile) {
    let dir = Folder::new(&format!("sheet-{test}"));
    let (code, _, err) = xuncha(&dir, &["gen", "--scale", "0.02", "--seed", "3", "-o", "county.json"]);
    assert_eq!(code, 0, "{err}");
    let bytes = std::fs::read(dir.join("county.json")).unwrap_or_else(|e| panic!("{e}"));
    (dir, ExchangeFile::parse(&bytes).unwrap_or_else(|e| panic!("{e}")))
}

/// A county-level unit fed back in some round: its round's title and its name.
fn fed_back_unit(file: &ExchangeFile) -> (String, String) {
    let r = &file.records;
    let found = r.inspections.iter().find_map(|i| {
        i.data.milestones.feedback?;
        let target = r.targets.iter().find(|t| t.meta.id == i.data.target && t.data.township.is_none())?;
        let round = r.rounds.iter().find(|x| x.meta.id == i.data.round)?;
        let term = r.terms.iter().find(|t| t.meta.id == round.data.term)?;
        Some((round.data.title(&term.data.name, Lang::Zh), target.data.name.clone()))
    });
    found.unwrap_or_else(|| panic!("the generated county has a fed-back county unit"))
}

#[test]
fn a_ledger_becomes_a_file_that_passes_check_and_its_bad_rows_are_named() {
    let (dir, file) = county("convert");
    let (round, unit) = fed_back_unit(&file);
    let csv = format!(
        "巡察轮次,被巡察单位,问题类别,存在问题,整改措施,整改时限,整改情况\n\
         {round},{unit}党组,第一个聚焦,台账导入测试问题甲,建立制度,2026.12.31,整改中\n\
         {round},{unit},第二个聚焦,台账导入测试问题乙,退回资金,2026年12月31日,未整改\n\
         {round},不存在的单位,第二个聚焦,台账导入测试问题丙,退回资金,2026年12月31日,未整改\n"
    );
    std::fs::write(dir.join("ledger.csv"), csv).unwrap_or_else(|e| panic!("{e}"));
    let (code, out, err) = xuncha(&dir, &["from-sheet", "ledger.csv", "--with", "county.json", "-o", "out.json"]);
    assert_eq!(code, 1, "a refused row exits 1: {out}{err}");
    assert!(out.contains("A列“巡察轮次” → 轮次"), "{out}");
    assert!(out.contains("第4行 B列“被巡察单位”：巡察对象名录中没有“不存在的单位”"), "{out}");
    assert!(out.contains("读取 3 行：新增 2 行，已有 0 行，拒绝 1 行。"), "{out}");

    let (code, out, err) = xuncha(&dir, &["check", "out.json"]);
    assert_eq!(code, 0, "the output passes check on its own: {out}{err}");
    let bytes = std::fs::read(dir.join("out.json")).unwrap_or_else(|e| panic!("{e}"));
    let made = ExchangeFile::parse(&bytes).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((made.records.problems.len(), made.records.rectifications.len()), (2, 2));
    assert_eq!(made.source.office_id, file.source.office_id, "the file comes from the office whose data it matched");

    let args = ["from-sheet", "ledger.csv", "--with", "county.json", "--with", "out.json", "-o", "again.json"];
    let (code, out, _) = xuncha(&dir, &args);
    assert_eq!(code, 1, "the unknown unit is still refused");
    assert!(out.contains("新增 0 行，已有 2 行，拒绝 1 行"), "{out}");
}

#[test]
fn without_the_offices_data_or_with_a_sheet_that_is_no_ledger_it_says_what_is_wrong() {
    let (dir, _) = county("usage");
    std::fs::write(dir.join("people.csv"), "姓名,单位\n张三,县财政局\n").unwrap_or_else(|e| panic!("{e}"));
    let (code, _, err) = xuncha(&dir, &["from-sheet", "people.csv", "-o", "out.json"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--with 本单位备份文件"), "{err}");
    let (code, _, err) = xuncha(&dir, &["from-sheet", "people.csv", "--with", "county.json", "-o", "out.json"]);
    assert_eq!(code, 1);
    assert!(err.contains("没有找到表头"), "{err}");
    std::fs::write(dir.join("picture.csv"), [0x89, b'P', b'N', b'G', 0, 0, 0, 13]).unwrap_or_else(|e| panic!("{e}"));
    let (code, _, err) = xuncha(&dir, &["from-sheet", "picture.csv", "--with", "county.json", "-o", "out.json"]);
    assert_eq!(code, 1);
    assert!(err.contains("不是表格"), "{err}");
    assert!(!dir.join("out.json").exists(), "nothing is written for a file that cannot be read");
}

#[test]
fn with_create_missing_the_rounds_units_and_inspections_a_ledger_names_are_made_and_noted() {
    let (dir, file) = county("create");
    let (_, unit) = fed_back_unit(&file);
    let csv = format!(
        "巡察轮次,被巡察单位,问题类别,存在问题,整改措施,整改时限,整改情况\n\
         第十九轮,{unit}党组,第一个聚焦,补建测试问题甲,建立制度,2026.9.30,整改中\n\
         第十九轮,县补建测试中心,第二个聚焦,补建测试问题乙,退回资金,2026.8.31,已销号\n"
    );
    std::fs::write(dir.join("ledger.csv"), csv).unwrap_or_else(|e| panic!("{e}"));
    let base = ["from-sheet", "ledger.csv", "--with", "county.json", "-o", "out.json"];
    let (code, out, _) = xuncha(&dir, &base);
    assert_eq!(code, 1, "without the flag the rows are refused: {out}");
    assert!(out.contains("拒绝 2 行"), "{out}");

    let (code, out, err) = xuncha(&dir, &[&base[..], &["--create-missing"]].concat());
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("补建：巡察对象 1 个，巡察轮次 1 个，巡察组 1 个"), "{out}");
    assert!(out.contains("+ 县补建测试中心（县直政府部门）"), "{out}");
    assert!(out.contains("第十九轮巡察"), "{out}");
    assert!(out.contains("读取 2 行：新增 2 行"), "{out}");
    let (code, out, err) = xuncha(&dir, &["check", "out.json"]);
    assert_eq!(code, 0, "the output passes check on its own: {out}{err}");
    let bytes = std::fs::read(dir.join("out.json")).unwrap_or_else(|e| panic!("{e}"));
    let made = ExchangeFile::parse(&bytes).unwrap_or_else(|e| panic!("{e}"));
    let round = made.records.rounds.iter().find(|r| r.data.ordinal == 19).expect("the round made");
    assert_eq!(round.data.start.map(|d| d.to_string()), Some("2026-08-31".to_owned()), "its earliest day");
    assert!(round.data.notes.contains("据原台账《ledger.csv》补建"), "{}", round.data.notes);
    let inspections: Vec<_> = made.records.inspections.iter().filter(|i| i.data.round == round.meta.id).collect();
    assert_eq!(inspections.len(), 2);
    assert!(inspections.iter().all(|i| i.data.milestones.feedback == round.data.start));
    assert_eq!(made.records.groups.iter().filter(|g| g.data.name == "原台账导入组").count(), 1);
    assert_eq!((made.records.problems.len(), made.records.rectifications.len()), (2, 2));

    // The same ledger against the office's data with that file: nothing more to make.
    let args = [
        "from-sheet",
        "ledger.csv",
        "--with",
        "county.json",
        "--with",
        "out.json",
        "--create-missing",
        "-o",
        "again.json",
    ];
    let (code, out, _) = xuncha(&dir, &args);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("新增 0 行，已有 2 行，拒绝 0 行") && !out.contains("补建："), "{out}");
}
