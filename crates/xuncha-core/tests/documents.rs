//! Documents written from a fixture round: the 问题底稿 and the 巡察反馈意见 say
//! what was entered, in the order and numbering documents use, and the Word file
//! carries the same paragraphs in the official layout. Golden texts live in
//! tests/golden/; run with XUNCHA_BLESS=1 to rewrite them after a deliberate change.

use std::io::Read;
use xuncha_core::clue::Clue;
use xuncha_core::documents::{docx::to_docx, draft::drafts, feedback::feedback, DocRef, Document, Style};
use xuncha_core::group::Group;
use xuncha_core::i18n::Lang;
use xuncha_core::id::Id;
use xuncha_core::inspection::Activity;
use xuncha_core::ledger::Ledger;
use xuncha_core::problem::{Focus, Problem, ProblemSource};
use xuncha_core::recommendation::Recommendation;
use xuncha_core::rectification::{RectStatus, Rectification};
use xuncha_core::round::RoundKind;
use xuncha_core::target::TargetKind;

#[path = "common/county.rs"]
mod county;
use county::{day, County};

/// 十五届县委第一轮巡察 of 县财政局 by 第一巡察组, three problems under two focuses.
fn round() -> (County, Id) {
    let mut c = County::empty();
    let term = c.term("十五届", 2021, 2026);
    let finance = c.target("县财政局", TargetKind::CountyGovDept, None);
    let round = c.round(term, 1, RoundKind::Regular, "2026-03-02");
    let group = c.rec(Group {
        round,
        name: "第一巡察组".into(),
        leader: "张三".into(),
        deputy: "李四".into(),
        members: vec!["王五".into()],
        seats: Vec::new(),
        recusals: Vec::new(),
    });
    let group_id = group.meta.id;
    c.d.groups.push(group);
    let activities =
        [(Activity::Talks, 86), (Activity::CallsAndVisits, 12), (Activity::Documents, 340), (Activity::FieldVisits, 9)];
    c.inspect(round, finance, &activities);
    let Some(inspection) = c.d.inspections.last_mut() else { panic!("the inspection") };
    inspection.data.group = group_id;
    inspection.data.milestones.entry = Some(day("2026-03-05"));
    inspection.data.milestones.end = Some(day("2026-04-20"));
    inspection.data.milestones.feedback = Some(day("2026-06-10"));
    let id = inspection.meta.id;
    let problem = |focus, found: &str, description: &str, facts: &str, basis: &str| Problem {
        focus,
        description: description.into(),
        facts: facts.into(),
        basis: basis.into(),
        source: ProblemSource::Documents,
        ..Problem::new(round, finance, day(found))
    };
    let clue = |summary: &str, cadres, names: &str| Clue {
        summary: summary.into(),
        cadres,
        others: 1,
        names: names.into(),
        transferred_on: Some(day("2026-05-08")),
        ..Clue::new(round, finance)
    };
    for x in [clue("某股长违规收受礼金", 1, "赵某某"), clue("某站长违规报销差旅费", 2, "钱某某、孙某某")]
    {
        let r = c.rec(x);
        c.d.clues.push(r);
    }
    for p in [
        problem(
            Focus::Corruption,
            "2026-04-02",
            "违规发放津贴补贴",
            "2025年以加班费名义发放补贴12.6万元。",
            "违反《中国共产党纪律处分条例》第一百零四条。",
        ),
        problem(Focus::Policy, "2026-03-20", "落实过紧日子要求不到位", "", ""),
        problem(Focus::Policy, "2026-04-15", "预算绩效管理流于形式", "抽查12个项目，9个未开展绩效评价。", ""),
    ] {
        let r = c.rec(p);
        c.d.problems.push(r);
    }
    let mut rect = Rectification::new(c.d.problems[0].meta.id, day("2026-08-10"));
    rect.measures = "全额清退违规发放的补贴，修订津贴补贴发放办法。".into();
    rect.evidence = "清退凭证".into();
    rect.status = RectStatus::Closed;
    rect.closed_on = Some(day("2026-07-30"));
    let r = c.rec(rect);
    c.d.rectifications.push(r);
    let mut letter = Recommendation::new(round);
    letter.addressee = "县财政局".into();
    letter.sector = "财政资金管理".into();
    letter.problems = vec![c.d.problems[0].meta.id, c.d.problems[2].meta.id];
    letter.sent_on = Some(day("2026-07-15"));
    let l = c.rec(letter);
    c.d.recommendations.push(l);
    (c, id)
}

fn golden(name: &str, actual: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name);
    if std::env::var_os("XUNCHA_BLESS").is_some() {
        std::fs::write(&path, actual).unwrap_or_else(|e| panic!("{e}"));
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("missing golden {name}: {e}"));
    assert_eq!(actual, expected, "differs from tests/golden/{name}");
}

fn feedback_of(c: &County, id: Id, lang: Lang) -> Document {
    let Some(inspection) = c.d.inspections.iter().find(|i| i.meta.id == id) else { panic!("the inspection") };
    feedback(&c.d, inspection, lang)
}

#[test]
fn the_feedback_lists_the_problems_under_their_focus_numbered_and_asks_for_the_report_in_two_months() {
    let (c, id) = round();
    let doc = feedback_of(&c, id, Lang::Zh);
    assert_eq!(doc.name, "巡察反馈意见-县财政局-十五届县委第一轮巡察");
    assert_eq!(doc.paras[0].style, Style::Title);
    assert_eq!(doc.paras[0].text, "县委第一巡察组关于巡察县财政局党组的反馈意见");
    let text = doc.text();
    // The 三个聚焦 in their own order, numbered (一)(二); problems numbered within each, by day found.
    let order = ["（一）贯彻落实", "1．落实过紧日子", "2．预算绩效", "（二）群众身边腐败", "1．违规发放"];
    let at: Vec<usize> = order.iter().map(|w| text.find(w).unwrap_or_else(|| panic!("{w} in {text}"))).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{text}");
    assert!(text.contains("开展个别谈话86人次，受理来电来访12件次，调阅资料340份，走访调研9处"), "{text}");
    assert!(text.contains("2个月内"), "{text}");
    golden("feedback.zh.txt", &text);
    golden("feedback.en.txt", &feedback_of(&c, id, Lang::En).text());
}

#[test]
fn the_feedback_names_only_the_work_the_group_counted() {
    let (mut c, id) = round();
    let Some(i) = c.d.inspections.iter_mut().find(|i| i.meta.id == id) else { panic!("the inspection") };
    i.data.activities = Default::default();
    let text = feedback_of(&c, id, Lang::Zh).text();
    assert!(!text.contains("巡察期间") && !text.contains("0人次"), "{text}");
    assert!(text.contains("开展了十五届县委第一轮巡察。现将巡察发现的主要问题"), "{text}");
    let Some(i) = c.d.inspections.iter_mut().find(|i| i.meta.id == id) else { panic!("the inspection") };
    i.data.activities.talks = 12;
    assert!(feedback_of(&c, id, Lang::Zh).text().contains("巡察期间，巡察组开展个别谈话12人次。"));
    assert!(feedback_of(&c, id, Lang::En).text().contains("During it the group held 12 individual talks."));
}

#[test]
fn each_working_paper_has_its_page_its_facts_its_basis_and_three_signature_lines() {
    let (c, _) = round();
    let problems: Vec<_> = c.d.problems.iter().collect();
    let doc = drafts(&c.d, &problems, Lang::Zh);
    let titles = doc.paras.iter().filter(|p| p.style == Style::Title).count();
    let breaks = doc.paras.iter().filter(|p| p.page_break).count();
    assert_eq!((titles, breaks), (3, 2), "one page a problem");
    let signatures: Vec<&str> =
        doc.paras.iter().filter(|p| p.style == Style::Signature).map(|p| p.text.as_str()).collect();
    assert_eq!(signatures.len(), 9);
    assert!(signatures[1].starts_with("副组长（签字）：李四") && signatures[2].starts_with("组长（签字）：张三"));
    let text = doc.text();
    assert!(text.contains("被巡察单位：县财政局党组") && text.contains("巡察组：第一巡察组"), "{text}");
    assert!(text.contains("（未填写）"), "a basis not entered is marked, not left out: {text}");
    golden("drafts.zh.txt", &text);
}

#[test]
fn the_word_file_holds_every_paragraph_with_its_style_on_a4_with_the_official_margins() {
    let (c, id) = round();
    let doc = feedback_of(&c, id, Lang::Zh);
    let bytes = to_docx(&doc).unwrap_or_else(|e| panic!("{e}"));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap_or_else(|e| panic!("{e}"));
    let mut xml = String::new();
    let mut part = zip.by_name("word/document.xml").unwrap_or_else(|e| panic!("{e}"));
    part.read_to_string(&mut xml).unwrap_or_else(|e| panic!("{e}"));
    for p in &doc.paras {
        assert!(xml.contains(&p.text), "{} missing", p.text);
    }
    assert_eq!(xml.matches("<w:p>").count(), doc.paras.len());
    assert!(xml.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#));
    assert!(xml.contains(r#"w:top="2098" w:right="1474" w:bottom="1984" w:left="1587""#));
}

fn build(c: &County, doc: DocRef, lang: Lang) -> Document {
    let ledger = Ledger::build(&c.d, lang);
    doc.build(&c.d, &ledger, day("2026-12-01"), lang).unwrap_or_else(|| panic!("{doc:?} has its record"))
}

#[test]
fn a_transfer_letter_lists_the_clues_sent_together_and_names_persons_only_when_asked() {
    let (c, _) = round();
    let first = c.d.clues[0].meta.id;
    let text = build(&c, DocRef::Transfer { clue: first, names: false }, Lang::Zh).text();
    assert!(text.contains("县纪委监委："), "{text}");
    assert!(text.contains("问题线索2件移交你单位，涉及党员干部3人、其他人员2人"), "{text}");
    assert!(
        text.contains("1．县财政局党组：某股长违规收受礼金") && text.contains("2．县财政局党组：某站长违规报销差旅费"),
        "{text}"
    );
    assert!(!text.contains("赵某某"), "no name unless asked: {text}");
    golden("transfer.zh.txt", &text);
    let named = build(&c, DocRef::Transfer { clue: first, names: true }, Lang::Zh).text();
    assert!(named.contains("涉及人员：赵某某。") && named.contains("涉及人员：钱某某、孙某某。"), "{named}");
}

#[test]
fn a_transfer_letter_counts_only_the_persons_there_are() {
    let (mut c, _) = round();
    for clue in &mut c.d.clues {
        clue.data.others = 0;
    }
    let first = c.d.clues[0].meta.id;
    let text = build(&c, DocRef::Transfer { clue: first, names: false }, Lang::Zh).text();
    assert!(text.contains("移交你单位，涉及党员干部3人。具体如下"), "{text}");
    assert!(text.contains("某股长违规收受礼金（涉及党员干部1人）。") && !text.contains("0人"), "{text}");
    for clue in &mut c.d.clues {
        clue.data.cadres = 0;
    }
    let text = build(&c, DocRef::Transfer { clue: first, names: false }, Lang::Zh).text();
    assert!(text.contains("移交你单位。具体如下") && text.contains("某股长违规收受礼金。"), "{text}");
}

#[test]
fn a_recommendation_letter_lists_its_problems_with_their_units_and_asks_for_an_answer_in_two_months() {
    let (c, _) = round();
    let text = build(&c, DocRef::Letter(c.d.recommendations[0].meta.id), Lang::Zh).text();
    assert!(text.starts_with("关于财政资金管理存在问题的巡察建议书\n县财政局："), "{text}");
    assert!(text.contains("1．违规发放津贴补贴（县财政局）\n2．预算绩效管理流于形式（县财政局）"), "{text}");
    assert!(text.contains("2个月内"), "{text}");
    golden("letter.zh.txt", &text);
}

#[test]
fn the_rectification_report_puts_each_problems_measures_status_and_evidence_under_its_focus() {
    let (c, id) = round();
    let text = build(&c, DocRef::Report(id), Lang::Zh).text();
    assert!(text.contains("县财政局党组关于十五届县委第一轮巡察反馈意见整改情况的报告"), "{text}");
    assert!(
        text.contains("关于“违规发放津贴补贴”的问题。\n整改措施：全额清退违规发放的补贴，修订津贴补贴发放办法。"),
        "{text}"
    );
    assert!(text.contains("已于2026年7月30日销号"), "{text}");
    assert!(text.contains("关于“落实过紧日子要求不到位”的问题。\n尚未反馈整改。"), "{text}");
    golden("report.zh.txt", &text);
}

#[test]
fn the_work_summary_opens_with_the_years_figures_in_the_summaries_phrasing() {
    let (c, _) = round();
    let doc = build(&c, DocRef::Summary(2026), Lang::Zh);
    assert_eq!(doc.paras[0].text, "2026年度巡察工作总结");
    let text = doc.text();
    assert!(text.contains("一、主要工作及成效\n2026年"), "{text}");
    assert!(text.contains("方面问题3个"), "{text}");
    assert!(text.contains("二、存在的问题和不足\n（请填写。）"), "{text}");
    golden("summary.zh.txt", &text);
}

#[test]
fn a_unit_without_problems_gets_a_named_paper_that_says_so_and_a_transfer_lists_clues_as_entered() {
    let (mut c, id) = round();
    c.d.problems.clear();
    let doc = build(&c, DocRef::Drafts(id), Lang::Zh);
    assert_eq!(doc.name, "问题底稿-县财政局-十五届县委第一轮巡察");
    assert_eq!(doc.text(), "该单位还没有登记问题。\n");
    // The store hands records over in the order of their ids, not as entered.
    c.d.clues.reverse();
    let text = build(&c, DocRef::Transfer { clue: c.d.clues[0].meta.id, names: false }, Lang::Zh).text();
    assert!(text.find("1．县财政局党组：某股长") < text.find("2．县财政局党组：某站长"), "{text}");
}
