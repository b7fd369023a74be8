//! Ledgers kept in Excel, WPS or CSV come in as records: titles, merged units, section
//! headings, a two-row header, dates as text and as numbers, a 合计 row and notes are
//! read as offices mean them; bad rows are refused by row, column and reason; the same
//! sheet twice adds nothing; and a ledger this program exported comes back as it was.

use rust_xlsxwriter::{Format, Workbook};
use xuncha_core::i18n::Lang;
use xuncha_core::id::Id;
use xuncha_core::intake::{self, header, Conversion, Defaults, RowOutcome};
use xuncha_core::ledger::table::{Col, LedgerKind};
use xuncha_core::ledger::Ledger;
use xuncha_core::meta::Timestamp;
use xuncha_core::problem::{Focus, Problem};
use xuncha_core::rectification::{RectStatus, Rectification, Step, StepInput};
use xuncha_core::round::RoundKind;
use xuncha_core::sheet::Sheet;
use xuncha_core::target::{OrgForm, TargetKind};

#[path = "common/county.rs"]
mod county;
use county::{day, County};

struct Fixture {
    county: County,
    round: Id,
    finance: Id,
    village: Id,
}

/// 十五届县委第三轮巡察 of 县财政局 and 城关镇东关村, both fed back on 2026-05-10.
fn fixture() -> Fixture {
    let mut c = County::empty();
    let term = c.term("十五届", 2021, 2026);
    let finance = c.target("县财政局", TargetKind::CountyGovDept, None);
    let town = c.target("城关镇", TargetKind::Township, None);
    let village = c.target("东关村", TargetKind::Village, Some(town));
    c.target("县审计局", TargetKind::CountyGovDept, None);
    let round = c.round(term, 3, RoundKind::Regular, "2026-03-02");
    for target in [finance, village] {
        c.inspect(round, target, &[]);
        let Some(i) = c.d.inspections.last_mut() else { panic!("the inspection") };
        i.data.milestones.entry = Some(day("2026-03-05"));
        i.data.milestones.feedback = Some(day("2026-05-10"));
    }
    Fixture { county: c, round, finance, village }
}

fn defaults() -> Defaults {
    Defaults {
        round: None,
        year: None,
        focus: None,
        office: Id::from_random_bytes([7; 16]),
        now: Timestamp::from_unix_millis(1_796_083_200_000.0), // 2026-12-01
        lang: Lang::Zh,
    }
}

fn convert(bytes: &[u8], stored: &xuncha_core::record::Records, defaults: Defaults) -> Conversion {
    let book = intake::read(bytes).expect("the file reads");
    let grid = &book.sheets[0];
    let head = header::find(grid).expect("a header");
    let mapping = header::guess_for(&head);
    intake::convert(grid, &head, &mapping, stored, defaults)
}

/// A 整改台账 as a county keeps it in Excel.
fn county_workbook() -> Vec<u8> {
    let mut book = Workbook::new();
    let s = book.add_worksheet();
    let plain = Format::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let mut put = |r: u32, cells: &[&str]| {
        for (c, t) in cells.iter().enumerate() {
            if !t.is_empty() {
                s.write_string(r, c as u16, *t).expect("a cell");
            }
        }
    };
    put(1, &["序号", "被巡察单位", "问题类别", "存在问题", "整改措施", "责任单位", "责任人", "整改时限", "整改情况"]);
    put(3, &["1", "", "", "预算执行进度慢", "建立月调度机制", "县财政局", "张三", "2026.6.30", "已销号"]);
    put(4, &["2", "", "", "专项资金闲置", "清理盘活存量资金", "", "李四", "", "整改中"]);
    put(6, &["3", "城关镇东关村", "", "村务公开不及时", "按月公开村务", "东关村", "王五", "2026年9月底", "未整改"]);
    put(7, &["合计", "", "", "3个问题"]);
    put(9, &["填表人：赵六", "", "", "", "审核人：钱七"]);
    s.merge_range(0, 0, 0, 8, "十五届县委第三轮巡察反馈问题整改台账", &plain).expect("the title");
    s.merge_range(2, 0, 2, 8, "一、贯彻落实党的路线方针政策和党中央决策部署方面", &plain).expect("a section");
    s.merge_range(5, 0, 5, 8, "二、群众身边腐败问题和不正之风方面", &plain).expect("a section");
    s.merge_range(3, 1, 4, 1, "县财政局党组", &plain).expect("the unit over two rows");
    s.write_number_with_format(4, 7, 46203.0, &date).expect("a date cell");
    book.save_to_buffer().expect("the workbook")
}

fn rect_of<'a>(c: &'a Conversion, p: &Problem) -> &'a Rectification {
    let id = c.records.problems.iter().find(|r| r.data == *p).map(|r| r.meta.id).expect("the problem");
    &c.records.rectifications.iter().find(|r| r.data.problem == id).expect("its rectification").data
}

#[test]
fn a_county_ledger_with_a_title_merged_units_sections_and_a_total_comes_in_whole() {
    let f = fixture();
    let c = convert(&county_workbook(), &f.county.d, defaults());
    assert_eq!(c.problems, vec![], "{:?}", c.problems.iter().map(|p| p.message(Lang::Zh)).collect::<Vec<_>>());
    assert_eq!(c.rows, vec![(4, RowOutcome::Added), (5, RowOutcome::Added), (7, RowOutcome::Added)]);
    let p: Vec<&Problem> = c.records.problems.iter().map(|r| &r.data).collect();
    assert_eq!(
        p.iter().map(|p| p.description.as_str()).collect::<Vec<_>>(),
        ["预算执行进度慢", "专项资金闲置", "村务公开不及时"]
    );
    assert_eq!(p.iter().map(|p| p.focus).collect::<Vec<_>>(), [Focus::Policy, Focus::Policy, Focus::Corruption]);
    assert_eq!(p.iter().map(|p| p.target).collect::<Vec<_>>(), [f.finance, f.finance, f.village]);
    assert!(p.iter().all(|p| p.round == f.round && p.found_on == day("2026-03-05")));
    assert!(p.iter().all(|p| p.fed_back_on == Some(day("2026-05-10"))));

    let closed = rect_of(&c, p[0]);
    assert_eq!(
        (closed.status, closed.deadline, closed.closed_on),
        (RectStatus::Closed, day("2026-06-30"), Some(day("2026-06-30")))
    );
    assert_eq!(closed.history.iter().map(|e| e.step).collect::<Vec<_>>(), [Step::Start, Step::Submit, Step::Close]);
    assert!(closed.history[..2].iter().all(|e| e.note == "据原台账导入"));
    assert_eq!(closed.history[2].note, "据原台账导入；原台账未载销号日期，按 2026-06-30 记入", "a day made up is said");
    assert_eq!((closed.verifier.as_str(), closed.evidence.as_str()), ("原台账未载", "原台账未载"));
    let open = rect_of(&c, p[1]);
    assert_eq!(
        (open.status, open.deadline),
        (RectStatus::InProgress, day("2026-06-30")),
        "a date cell reads as its day"
    );
    assert_eq!(open.unit, "县财政局", "a blank unit is the inspected unit");
    let village = rect_of(&c, p[2]);
    assert_eq!(
        (village.status, village.deadline, village.person.as_str()),
        (RectStatus::NotStarted, day("2026-09-30"), "王五")
    );
}

#[test]
fn the_same_sheet_again_adds_nothing() {
    let f = fixture();
    let first = convert(&county_workbook(), &f.county.d, defaults());
    let mut stored = f.county.d.clone();
    stored.problems.extend(first.records.problems.clone());
    stored.rectifications.extend(first.records.rectifications.clone());
    let again = convert(&county_workbook(), &stored, defaults());
    assert_eq!(again.count(RowOutcome::Same), 3);
    assert_eq!((again.records.problems.len(), again.records.rectifications.len()), (0, 0));
    let twice = convert(&county_workbook(), &f.county.d, defaults());
    let ids = |c: &Conversion| c.records.problems.iter().map(|r| r.meta.id).collect::<Vec<_>>();
    assert_eq!(ids(&first), ids(&twice), "the same rows make the same records");
}

#[test]
fn bad_rows_are_refused_by_row_column_and_reason_and_the_good_rows_still_read() {
    let f = fixture();
    let csv = "巡察轮次,被巡察单位,问题类别,问题描述,整改措施,整改时限,整改状态\n\
               第三轮,县财政局,第一个聚焦,会议记录不全,规范记录,下月底,整改中\n\
               第三轮,县审计局,第一个聚焦,审计整改慢,建立台账,2026-08-01,整改中\n\
               第三轮,县农业局,第一个聚焦,项目验收滞后,限期验收,2026-08-01,整改中\n\
               第三轮,县财政局,第一个聚焦,公车管理不规范,建立制度,3月5日,看情况\n\
               第九轮,县财政局,第一个聚焦,票据不全,补齐票据,2026-08-01,整改中\n\
               第三轮,县财政局,其他方面,违规发放补贴,清退,2026-08-01,整改中\n\
               第三轮,县财政局,第一个聚焦,,清退,2026-08-01,整改中\n\
               第三轮,县财政局,第一个聚焦,资产底数不清,全面清查,2026/8/1,待核验\n\
               第三轮,县财政局,第一个聚焦,资产底数不清,全面清查,2026/8/1,待核验\n";
    let c = convert(csv.as_bytes(), &f.county.d, defaults());
    let said: Vec<String> = c.problems.iter().map(|p| p.message(Lang::Zh)).collect();
    let expected = [
        "第2行 F列“整改时限”：“下月底”不是日期（可写作 2026年3月5日、2026.3.5 或 2026/3/5）",
        "第3行 B列“被巡察单位”：县审计局不在十五届县委第三轮巡察的巡察对象中",
        "第4行 B列“被巡察单位”：巡察对象名录中没有“县农业局”",
        "第5行 F列“整改时限”：“3月5日”没有写年份：请在导入时给出年份",
        "第5行 G列“整改状态”：“看情况”不是整改状态（可写 未整改、整改中、待核验、已销号、长期整改）",
        "第6行 A列“巡察轮次”：没有“第九轮”这一轮巡察",
        "第7行 C列“问题类别”：“其他方面”不属于三个聚焦中的任何一个",
        "第8行 D列“问题描述”：缺少问题描述",
        "第10行 D列“问题描述”：与第9行重复",
    ];
    assert_eq!(said, expected);
    assert_eq!(c.count(RowOutcome::Added), 1);
    assert_eq!(c.records.rectifications[0].data.status, RectStatus::AwaitingVerification);
    let english = c.problems[0].message(Lang::En);
    assert!(english.starts_with("Row 2, column F \"整改时限\": \"下月底\" is not a date"), "{english}");
}

#[test]
fn a_gbk_clue_ledger_comes_in_with_the_round_chosen_for_it() {
    let f = fixture();
    let text = "序号,被巡察单位,线索摘要,涉及党员干部（人）,涉及其他人员（人）,移交单位,移交日期,处置方式\r\n\
                1,县财政局,反映某股长违规报销,1,,县纪委监委,2026年7月1日,初步核实\r\n\
                2,东关村,反映村干部优亲厚友,2人,1,县委组织部,2026.7.2,\r\n\
                3,东关村,反映低保评定不公,若干,0,乡镇纪委,2026.7.2,\r\n";
    let (bytes, _, _) = encoding_rs::GBK.encode(text);
    let c = convert(&bytes, &f.county.d, Defaults { round: Some(f.round), ..defaults() });
    let said: Vec<String> = c.problems.iter().map(|p| p.message(Lang::Zh)).collect();
    assert_eq!(said, ["第4行 D列“涉及党员干部（人）”：“若干”不是人数"]);
    let clues: Vec<_> = c.records.clues.iter().map(|r| &r.data).collect();
    assert_eq!(clues.len(), 2);
    assert_eq!((clues[0].cadres, clues[0].transferred_on), (1, Some(day("2026-07-01"))));
    assert_eq!(clues[0].disposal, Some(xuncha_core::clue::Disposal::Preliminary));
    assert_eq!(clues[1].recipient, xuncha_core::clue::Recipient::Organisation);
    assert_eq!((clues[1].cadres, clues[1].others, clues[1].target), (2, 1, f.village));
}

#[test]
fn a_rectification_ledger_this_program_exported_comes_back_as_it_was() {
    let f = fixture();
    let mut made = Vec::new();
    for (n, (description, status)) in [
        ("预算执行进度慢", RectStatus::Closed),
        ("专项资金闲置", RectStatus::InProgress),
        ("票据不全", RectStatus::NotStarted),
    ]
    .into_iter()
    .enumerate()
    {
        let mut p = Problem::new(f.round, f.finance, day("2026-03-20"));
        p.description = description.into();
        p.fed_back_on = Some(day("2026-05-10"));
        let p = f.county.rec(p);
        let mut r = Rectification::new(p.meta.id, day("2026-08-31"));
        r.measures = format!("措施{n}");
        r.unit = "县财政局".into();
        let steps: &[Step] = match status {
            RectStatus::Closed => &[Step::Start, Step::Submit, Step::Close],
            RectStatus::InProgress => &[Step::Start],
            _ => &[],
        };
        for step in steps {
            let mut input = StepInput::new(*step, day("2026-07-15"));
            input.verifier = "孙八".into();
            input.evidence = "制度文件".into();
            r.apply(input).expect("a legal step");
        }
        made.push((p, f.county.rec(r)));
    }
    let mut full = f.county.d.clone();
    for (p, r) in &made {
        full.problems.push(p.clone());
        full.rectifications.push(r.clone());
    }
    let ledger = Ledger::build(&full, Lang::Zh);
    let shown: Vec<usize> = (0..ledger.rows(LedgerKind::Rectifications).len()).collect();
    let sheet = Sheet::of_ledger(
        &ledger,
        LedgerKind::Rectifications,
        &shown,
        "某某县委巡察办",
        "",
        false,
        Lang::Zh,
        day("2026-12-01"),
    );
    let bytes = sheet.to_xlsx(defaults().now).expect("the workbook");

    let book = intake::read(&bytes).expect("it reads");
    let head = header::find(&book.sheets[0]).expect("a header");
    let mapping = header::guess_for(&head);
    assert_eq!(mapping.column_of(Col::Round), Some(1), "{:?}", head.names);
    let c = intake::convert(
        &book.sheets[0],
        &head,
        &mapping,
        &f.county.d,
        Defaults { focus: Some(Focus::Policy), ..defaults() },
    );
    assert_eq!(c.problems, vec![], "{:?}", c.problems.iter().map(|p| p.message(Lang::Zh)).collect::<Vec<_>>());
    for (p, r) in &made {
        let back = c.records.problems.iter().find(|q| q.data.description == p.data.description).expect("the problem");
        let rect = c.records.rectifications.iter().find(|x| x.data.problem == back.meta.id).expect("its rectification");
        assert_eq!(
            (&rect.data.measures, &rect.data.unit, rect.data.deadline, rect.data.status, rect.data.closed_on),
            (&r.data.measures, &r.data.unit, r.data.deadline, r.data.status, r.data.closed_on),
        );
        if r.data.status == RectStatus::Closed {
            assert_eq!((&rect.data.verifier, &rect.data.evidence), (&r.data.verifier, &r.data.evidence));
        }
    }
    let again = intake::convert(&book.sheets[0], &head, &mapping, &full, defaults());
    assert_eq!(again.count(RowOutcome::Same), 3, "into the county it came from it adds nothing");
}

#[test]
fn a_register_of_units_comes_in_with_kinds_party_organisations_and_townships() {
    let f = fixture();
    let csv = "序号,单位名称,单位类别,党组织形式,所属乡镇\n\
               1,河口乡党委,,,\n\
               2,河口乡新村,村,,河口乡\n\
               3,河口乡西岭村党支部,,,\n\
               4,县委组织部,县直党群部门,机关党委,\n\
               5,县农业农村局,县直政府部门,党组,\n\
               6,县财政局党组,县直政府部门,,\n\
               7,县档案馆,,,\n\
               8,北坡村,村,,大山镇\n\
               9,县医保局,其他单位,,\n";
    let c = convert(csv.as_bytes(), &f.county.d, defaults());
    let said: Vec<String> = c.problems.iter().map(|p| p.message(Lang::Zh)).collect();
    assert_eq!(
        said,
        [
            "第8行 C列“单位类别”：缺少类型",
            "第9行 E列“所属乡镇”：巡察对象名录中没有“大山镇”",
            "第10行 C列“单位类别”：“其他单位”不是这一列可选的内容",
        ]
    );
    assert_eq!(c.count(RowOutcome::Same), 1, "县财政局 is registered already");
    let units: Vec<(String, TargetKind, OrgForm, bool)> = c
        .records
        .targets
        .iter()
        .map(|t| (t.data.name.clone(), t.data.kind, t.data.org_form, t.data.township.is_some()))
        .collect();
    assert_eq!(
        units,
        [
            ("河口乡".to_owned(), TargetKind::Township, OrgForm::Committee, false),
            ("新村".to_owned(), TargetKind::Village, OrgForm::Branch, true),
            ("西岭村".to_owned(), TargetKind::Village, OrgForm::Branch, true),
            ("县委组织部".to_owned(), TargetKind::CountyPartyDept, OrgForm::Committee, false),
            ("县农业农村局".to_owned(), TargetKind::CountyGovDept, OrgForm::LeadingGroup, false),
        ]
    );
    let town = c.records.targets[0].meta.id;
    assert!(
        c.records.targets[1..3].iter().all(|v| v.data.township == Some(town)),
        "villages under the township of the sheet"
    );
}

#[test]
fn a_letters_ledger_comes_in_and_a_response_before_the_letter_is_refused() {
    let f = fixture();
    let csv = "巡察轮次,主送单位,行业系统,发出日期,回复情况,回复日期\n\
               第三轮,县教育局,教育系统,2026-06-01,已部署专项整治,2026-07-01\n\
               第三轮,县卫健局,医疗卫生,2026-06-05,,\n\
               第三轮,县住建局,住建领域,2026-06-05,已回复,2026-05-01\n\
               第三轮,,交通,2026-06-05,,\n";
    let c = convert(csv.as_bytes(), &f.county.d, defaults());
    let said: Vec<String> = c.problems.iter().map(|p| p.message(Lang::Zh)).collect();
    assert_eq!(said.len(), 2, "{said:?}");
    assert!(said[0].starts_with("第4行 F列“回复日期”："), "{said:?}");
    assert_eq!(said[1], "第5行 B列“主送单位”：缺少主送部门");
    let letters: Vec<_> = c.records.recommendations.iter().map(|r| &r.data).collect();
    assert_eq!(letters.len(), 2);
    assert_eq!((letters[0].addressee.as_str(), letters[0].sector.as_str()), ("县教育局", "教育系统"));
    assert_eq!((letters[0].sent_on, letters[0].responded_on), (Some(day("2026-06-01")), Some(day("2026-07-01"))));
    assert!(letters.iter().all(|l| l.round == f.round && l.problems.is_empty()));
}

#[test]
fn a_problem_entered_by_hand_gets_the_rectification_the_ledger_has_for_it() {
    let mut f = fixture();
    let mut p = Problem::new(f.round, f.finance, day("2026-03-20"));
    p.description = "预算执行进度慢".into();
    p.fed_back_on = Some(day("2026-05-10"));
    let p = f.county.rec(p);
    let id = p.meta.id;
    f.county.d.problems.push(p);
    let c = convert(&county_workbook(), &f.county.d, defaults());
    assert_eq!(c.problems, vec![]);
    assert_eq!(c.count(RowOutcome::Added), 3, "two new problems and a rectification for the kept one");
    assert_eq!(c.records.problems.len(), 2);
    let rect = c.records.rectifications.iter().find(|r| r.data.problem == id).expect("its rectification");
    assert_eq!((rect.data.status, rect.data.deadline), (RectStatus::Closed, day("2026-06-30")));
    let mut stored = f.county.d.clone();
    stored.problems.extend(c.records.problems.clone());
    stored.rectifications.extend(c.records.rectifications.clone());
    assert_eq!(convert(&county_workbook(), &stored, defaults()).count(RowOutcome::Same), 3, "and once only");
}

#[test]
fn a_talent_pool_list_comes_in_with_units_ranks_and_pools_and_again_adds_nothing() {
    use xuncha_core::person::{PoolKind, Rank, Specialty};
    let f = fixture();
    let csv = "某某县巡察人才库名单\n\
               序号,姓名,工作单位,职务,职级,所在库,是否专职,专业特长,入库时间\n\
               1,张伟,县财政局,副局长,副科级,组长库,是,财务,2024.3.1\n\
               2,李娜,县纪委监委,干部,一级科员,专业人员库、工作人员库,否,注册会计师,2025年1月8日\n\
               3,王强,县审计局,审计员,,工作人员库,,,\n\
               4,赵六,县水利局,,处长,组长库,,,\n\
               5,钱七,县水利局,,,后备干部库,,,\n\
               6,,县水利局,,,组长库,,,\n";
    let c = convert(csv.as_bytes(), &f.county.d, defaults());
    let said: Vec<String> = c.problems.iter().map(|p| p.message(Lang::Zh)).collect();
    assert_eq!(
        said,
        [
            "第6行 E列“职级”：“处长”不是这一列可选的内容",
            "第7行 F列“所在库”：“后备干部库”不是这一列可选的内容",
            "第8行 B列“姓名”：缺少姓名",
        ]
    );
    let people: Vec<_> = c
        .records
        .persons
        .iter()
        .map(|p| (p.data.name.as_str(), p.data.unit, p.data.unit_name.as_str(), p.data.rank, p.data.pools.clone()))
        .collect();
    assert_eq!(
        people,
        [
            ("张伟", Some(f.finance), "", Rank::SectionDeputy, vec![PoolKind::Leaders]),
            ("李娜", None, "县纪委监委", Rank::BelowSection, vec![PoolKind::Specialists, PoolKind::Staff]),
            (
                "王强",
                f.county.d.targets.iter().find(|t| t.data.name == "县审计局").map(|t| t.meta.id),
                "",
                Rank::BelowSection,
                vec![PoolKind::Staff]
            ),
        ]
    );
    let zhang = &c.records.persons[0].data;
    assert_eq!(
        (zhang.full_time, zhang.specialty, zhang.joined),
        (true, Some(Specialty::Finance), Some(day("2024-03-01")))
    );
    assert_eq!(c.records.persons[1].data.specialty, Some(Specialty::Finance));
    // The same list again, once the first is kept: every good row is the same person.
    let mut kept = f.county.d.clone();
    kept.persons.extend(c.records.persons.iter().cloned());
    let again = convert(csv.as_bytes(), &kept, defaults());
    assert!(again.records.persons.is_empty());
    assert_eq!(again.count(RowOutcome::Same), 3);
}

/// A 整改台账 kept as CSV for the third round, one version of it.
fn rect_csv(rows: &[&str]) -> Vec<u8> {
    let mut text = String::from("序号,被巡察单位,存在问题,整改措施,责任单位,整改时限,整改情况\n");
    for (i, r) in rows.iter().enumerate() {
        text.push_str(&format!("{},县财政局,{r}\n", i + 1));
    }
    text.into_bytes()
}

fn with_sheet(f: &Fixture) -> Defaults {
    Defaults { round: Some(f.round), focus: Some(Focus::Policy), ..defaults() }
}

/// What is kept once a conversion is written: its records replace those of the same id.
fn kept_after(stored: &xuncha_core::record::Records, c: &Conversion) -> xuncha_core::record::Records {
    let mut out = stored.clone();
    out.problems.extend(c.records.problems.iter().cloned());
    for r in &c.records.rectifications {
        out.rectifications.retain(|k| k.meta.id != r.meta.id);
        out.rectifications.push(r.clone());
    }
    out
}

#[test]
fn a_later_version_of_a_ledger_moves_its_rectifications_on_and_an_older_one_changes_nothing() {
    let f = fixture();
    let v1 = rect_csv(&[
        "预算执行进度慢,建立月调度机制,县财政局,2026.6.30,整改中",
        "专项资金闲置,清理盘活存量资金,县财政局,2026.8.31,未整改",
        "三公经费超支,压减一般性支出,县财政局,2026.9.30,整改中",
    ]);
    let first = convert(&v1, &f.county.d, with_sheet(&f));
    assert_eq!(first.count(RowOutcome::Added), 3, "{:?}", first.problems);
    let kept = kept_after(&f.county.d, &first);
    let v2 = rect_csv(&[
        "预算执行进度慢,建立月调度机制,县财政局,2026.6.30,已销号",
        "专项资金闲置,清理盘活存量资金并建立台账,县财政局,2026.10.31,整改中",
        "三公经费超支,压减一般性支出,县财政局,2026.9.30,未整改",
    ]);
    let later = convert(&v2, &kept, with_sheet(&f));
    assert_eq!(later.problems, vec![]);
    assert_eq!(later.rows, vec![(2, RowOutcome::Updated), (3, RowOutcome::Updated), (4, RowOutcome::Same)]);
    assert!(later.records.problems.is_empty(), "a problem itself is not changed");
    let by_desc = |c: &Conversion, d: &str| {
        let p = kept.problems.iter().find(|p| p.data.description == d).expect("the problem");
        c.records.rectifications.iter().find(|r| r.data.problem == p.meta.id).cloned().expect("its rectification")
    };
    let closed = by_desc(&later, "预算执行进度慢");
    let before = by_desc(&first, "预算执行进度慢");
    assert_eq!((closed.data.status, closed.data.closed_on), (RectStatus::Closed, Some(day("2026-06-30"))));
    let steps: Vec<Step> = closed.data.history.iter().map(|e| e.step).collect();
    assert_eq!(steps, [Step::Start, Step::Submit, Step::Close], "the kept start, then the ledger's steps");
    assert_eq!(closed.meta.id, before.meta.id);
    assert_eq!(
        closed.meta.version.compare(&before.meta.version),
        xuncha_core::meta::Causality::Newer,
        "one more edit of this office, so an exchange carries it"
    );
    let extended = by_desc(&later, "专项资金闲置");
    assert_eq!((extended.data.status, extended.data.deadline), (RectStatus::InProgress, day("2026-10-31")));
    let steps: Vec<(Step, Option<_>)> = extended.data.history.iter().map(|e| (e.step, e.new_deadline)).collect();
    assert_eq!(steps, [(Step::Extend, Some(day("2026-10-31"))), (Step::Start, None)]);
    assert_eq!(extended.data.measures, "清理盘活存量资金并建立台账");
    assert!(extended.data.history.iter().all(|e| e.note.contains("据新版台账更新")));
    assert!(extended.data.history.iter().all(|e| e.on == day("2026-12-01")), "dated the day the office learns of them");
    assert_eq!(
        later.notes,
        [intake::RowNote::Behind { row: 4, kept: RectStatus::InProgress, sheet: RectStatus::NotStarted }],
        "the row behind this PC is said"
    );
    assert_eq!(
        intake::RowNote::grouped(&later.notes, Lang::Zh),
        ["第4行：表格中的进度（未整改）落后于本机（整改中），以本机为准"]
    );
    // The newer version again, and then the older one: nothing changes.
    let now = kept_after(&kept, &later);
    for (sheet, why) in [(&v2, "the same version again"), (&v1, "an older version")] {
        let again = convert(sheet, &now, with_sheet(&f));
        assert_eq!(again.count(RowOutcome::Same), 3, "{why}");
        assert!(again.records.rectifications.is_empty(), "{why}");
    }
    // Other measures and no further along: not taken, and said.
    let reworded = rect_csv(&["三公经费超支,压减一般性支出并公开,县财政局,2026.9.30,整改中"]);
    let again = convert(&reworded, &now, with_sheet(&f));
    assert_eq!((again.count(RowOutcome::Same), again.notes.clone()), (1, vec![intake::RowNote::Differs { row: 2 }]));
}

#[test]
fn a_row_whose_record_was_deleted_here_is_counted_as_such_and_not_brought_back() {
    let f = fixture();
    let v1 = rect_csv(&[
        "预算执行进度慢,建立月调度机制,县财政局,2026.6.30,整改中",
        "专项资金闲置,清理盘活存量资金,县财政局,2026.8.31,未整改",
    ]);
    let first = convert(&v1, &f.county.d, with_sheet(&f));
    let mut kept = kept_after(&f.county.d, &first);
    let gone = kept.problems.iter_mut().find(|p| p.data.description == "专项资金闲置").expect("the problem");
    gone.meta.deleted = true;
    let gone = gone.meta.id;
    kept.rectifications.retain(|r| r.data.problem != gone);
    let again = convert(&v1, &kept, with_sheet(&f));
    assert_eq!(again.rows, vec![(2, RowOutcome::Same), (3, RowOutcome::Deleted)]);
    assert!(again.records.problems.is_empty() && again.records.rectifications.is_empty());
    // A page that sees live records only learns of the tombstone from the import's plan.
    kept.problems.retain(|p| p.meta.id != gone);
    let mut blind = convert(&v1, &kept, with_sheet(&f));
    assert_eq!(blind.rows, vec![(2, RowOutcome::Same), (3, RowOutcome::Added)]);
    blind.mark_deleted(&std::collections::HashSet::from([gone]));
    assert_eq!(blind.rows, vec![(2, RowOutcome::Same), (3, RowOutcome::Deleted)]);
    assert!(blind.records.problems.is_empty() && blind.records.rectifications.is_empty(), "its rectification goes too");
}

#[test]
fn a_round_fed_back_from_above_is_found_by_its_group_and_never_by_a_county_number() {
    let mut f = fixture();
    let term = f.county.d.terms[0].meta.id;
    let above = f.county.round(term, 3, RoundKind::Upper, "2026-06-01");
    if let Some(r) = f.county.d.rounds.iter_mut().find(|r| r.meta.id == above) {
        r.data.topic = "市委第二巡察组".into();
    }
    f.county.inspect(above, f.finance, &[]);
    if let Some(i) = f.county.d.inspections.last_mut() {
        i.data.milestones.feedback = Some(day("2026-06-01"));
    }
    let csv = "巡察轮次,被巡察单位,问题类别,问题描述,整改措施,整改时限,整改状态\n\
               市委第二巡察组,县财政局,第一个聚焦,意识形态责任制落实不到位,制定方案,2026-09-01,整改中\n\
               第三轮,县财政局,第一个聚焦,会议记录不全,规范记录,2026-08-01,整改中\n";
    let c = convert(csv.as_bytes(), &f.county.d, defaults());
    assert!(c.problems.is_empty(), "{:?}", c.problems.iter().map(|p| p.message(Lang::Zh)).collect::<Vec<_>>());
    let rounds: Vec<Id> = c.records.problems.iter().map(|p| p.data.round).collect();
    assert_eq!(rounds, [above, f.round], "the group names the round above; 第三轮 is the county's third");
}
