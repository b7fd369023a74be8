//! Realistic data at scale, the same for the same seed: one county with its
//! townships, villages and county units, two terms of rounds, and ledgers whose
//! descriptions are built from the phrases offices use. Benchmarks and load
//! tests feed on it; its output is a valid full backup.

use crate::clue::{Clue, Disposal, Recipient};
use crate::date::Day;
use crate::exchange::format::{ExchangeFile, FileKind, Records, Source};
use crate::group::{default_group_name, Group};
use crate::i18n::Lang;
use crate::id::Id;
use crate::inspection::Inspection;
use crate::meta::{Meta, Timestamp};
use crate::problem::{Focus, Problem, ProblemSource, Scope};
use crate::record::Record;
use crate::rectification::{Event, RectStatus, Rectification, Step};
use crate::round::{Round, RoundKind, RoundStatus};
use crate::target::{Target, TargetKind};
use crate::term::Term;

mod later;
mod people;

/// Problems at scale 1; rectifications match them one for one, clues are a tenth.
pub const PROBLEMS_AT_SCALE_1: usize = 50_000;
/// Questionnaires at ×1, each with `RESPONSES_PER_QUESTIONNAIRE` responses (20,000 in all).
pub const QUESTIONNAIRES_AT_SCALE_1: usize = 200;
pub const RESPONSES_PER_QUESTIONNAIRE: usize = 100;

/// Ids for templates, drawn from the generator's random stream.
struct RngIds<'a>(std::cell::RefCell<&'a mut Rng>);

impl crate::id::IdSource for RngIds<'_> {
    fn next_id(&self) -> Id {
        self.0.borrow_mut().id()
    }
}

const SUGGESTIONS: &[&str] = &[
    "希望巡察组多深入基层听取意见",
    "建议加强整改落实情况的跟踪",
    "巡察组工作扎实，作风过硬",
    "希望公开整改结果",
    "无",
];

/// A small, fast generator (SplitMix64): the point is repeatability, not secrecy.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn id(&mut self) -> Id {
        let a = self.next_u64().to_le_bytes();
        let b = self.next_u64().to_le_bytes();
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&a);
        bytes[8..].copy_from_slice(&b);
        Id::from_random_bytes(bytes)
    }
}

const TOWN_ROOTS: &[&str] = &[
    "城关", "东坝", "西河", "南山", "北岭", "桥头", "石门", "龙泉", "清水", "白沙", "金塘", "柳林", "马坊", "黄土",
    "新桥", "高庙", "双河", "三合", "长乐", "青龙", "太平", "永安", "兴隆", "红旗",
];
const VILLAGE_ROOTS: &[&str] = &[
    "新", "老", "上", "下", "东", "西", "南", "北", "前", "后", "大", "小", "张家", "李家", "王家", "刘家", "陈家",
    "杨家", "赵家", "周家",
];
const VILLAGE_TAILS: &[&str] = &["庄", "湾", "沟", "坪", "坝", "岭", "店", "营", "寨", "桥", "塘", "堡"];
const COUNTY_UNITS: &[&str] = &[
    "县财政局",
    "县教育局",
    "县卫健局",
    "县民政局",
    "县人社局",
    "县自然资源局",
    "县住建局",
    "县交通运输局",
    "县水利局",
    "县农业农村局",
    "县商务局",
    "县文旅局",
    "县市场监管局",
    "县应急管理局",
    "县统计局",
    "县医保局",
    "县林业局",
    "县审计局",
    "县发改局",
    "县工信局",
    "县司法局",
    "县公安局",
    "县生态环境局",
    "县乡村振兴局",
    "县信访局",
    "县档案馆",
    "县融媒体中心",
    "县人民医院",
    "县中医院",
    "县第一中学",
    "县职业中学",
    "县城投公司",
    "县水务公司",
    "县供销社",
    "县农商行",
    "县总工会",
    "团县委",
    "县妇联",
    "县科协",
    "县残联",
];
const SUBJECTS: &[&str] = &[
    "村务公开",
    "低保评定",
    "集体资金管理",
    "惠民补贴发放",
    "项目招投标",
    "公车使用",
    "公务接待",
    "三会一课",
    "党费收缴",
    "干部考核",
    "政府采购",
    "专项资金拨付",
    "工程质量监管",
    "集体资产出租",
    "扶贫项目资产管理",
    "财务报销",
    "人事档案管理",
    "意识形态工作",
    "安全生产监管",
    "信访件办理",
];
const FAULTS: &[&str] = &[
    "不及时、不规范",
    "程序不规范",
    "存在优亲厚友现象",
    "监管不到位",
    "制度执行不严",
    "台账不完整",
    "流于形式",
    "存在违规操作",
    "把关不严",
    "落实不到位",
    "底数不清",
    "账实不符",
];
const MEASURES: &[&str] = &[
    "建立健全制度并公开公示",
    "开展专项清理整治",
    "重新组织评定并张榜公示",
    "完善台账并建立长效机制",
    "追回违规资金并约谈相关责任人",
    "组织专题学习并规范流程",
    "开展全面自查自纠",
];

/// Everything `generate` makes, by count, for reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub targets: usize,
    pub rounds: usize,
    pub inspections: usize,
    pub problems: usize,
    pub rectifications: usize,
    pub clues: usize,
    pub questionnaires: usize,
    pub responses: usize,
}

/// A full backup of a made-up county at `scale` (1.0 ≈ 50,000 problems), the same
/// for the same `seed`. `today` decides which deadlines are already past.
pub fn generate(scale: f64, seed: u64, today: Day) -> ExchangeFile {
    let mut rng = Rng::new(seed);
    let office = rng.id();
    let now = Timestamp::from_unix_millis(1_795_000_000_000.0);
    let meta = |rng: &mut Rng| Meta::new(rng.id(), office, now);
    let mut r = Records::default();

    // The county: townships with their villages, and the county units.
    let mut townships = Vec::new();
    let mut villages = Vec::new();
    for (n, root) in TOWN_ROOTS.iter().take(20).enumerate() {
        let name =
            if n == 0 { format!("{root}镇") } else { format!("{root}{}", if n % 3 == 0 { "乡" } else { "镇" }) };
        let t = Record { meta: meta(&mut rng), data: Target::new(&name, TargetKind::Township, None) };
        for v in 0..15 {
            let root = VILLAGE_ROOTS[(v + n) % VILLAGE_ROOTS.len()];
            let tail = VILLAGE_TAILS[(v * 7 + n) % VILLAGE_TAILS.len()];
            let kind = if v == 0 { TargetKind::Community } else { TargetKind::Village };
            let suffix = if kind == TargetKind::Community { "社区" } else { "村" };
            let data = Target::new(&format!("{root}{tail}{suffix}"), kind, Some(t.meta.id));
            villages.push(Record { meta: meta(&mut rng), data });
        }
        townships.push(t);
    }
    let mut units = Vec::new();
    for n in 0..120 {
        let base = COUNTY_UNITS[n % COUNTY_UNITS.len()];
        let name = if n < COUNTY_UNITS.len() {
            base.to_owned()
        } else {
            format!("{base}所属单位{}", n / COUNTY_UNITS.len())
        };
        let kind = if base.ends_with('局') { TargetKind::CountyGovDept } else { TargetKind::Institution };
        units.push(Record { meta: meta(&mut rng), data: Target::new(&name, kind, None) });
    }

    // Two terms, ten years, three rounds a year of changing kinds.
    let terms = [("十四届", 2016, 2021), ("十五届", 2021, 2026)];
    let mut all_inspections = Vec::new();
    for (ti, (name, start, end)) in terms.iter().enumerate() {
        let term =
            Record { meta: meta(&mut rng), data: Term { name: (*name).into(), start_year: *start, end_year: *end } };
        let mut ordinal = 0;
        for year in *start..*end {
            for quarter in 0..3u8 {
                ordinal += 1;
                let mut round = Round::new(term.meta.id, ordinal);
                round.kind = [RoundKind::Regular, RoundKind::Special, RoundKind::Extended][usize::from(quarter) % 3];
                if round.kind == RoundKind::Special {
                    round.topic = (*rng.pick(SUBJECTS)).to_owned();
                }
                round.start = Day::from_ymd(year, 3 + quarter * 3, 1);
                round.end = Day::from_ymd(year, 4 + quarter * 3, 28);
                round.status = RoundStatus::Finished;
                let round = Record { meta: meta(&mut rng), data: round };
                let groups: Vec<Record<Group>> = (1..=4)
                    .map(|g| Record {
                        meta: meta(&mut rng),
                        data: Group::new(round.meta.id, default_group_name(g, Lang::Zh)),
                    })
                    .collect();
                // Each round takes a township, some of its villages and some county units.
                let town = &townships[(ordinal as usize + ti * 7) % townships.len()];
                let mut places: Vec<Id> = vec![town.meta.id];
                places.extend(
                    villages.iter().filter(|v| v.data.township == Some(town.meta.id)).take(6).map(|v| v.meta.id),
                );
                for k in 0..8 {
                    places.push(units[(ordinal as usize * 8 + k + ti * 3) % units.len()].meta.id);
                }
                places.sort();
                places.dedup();
                for (k, place) in places.into_iter().enumerate() {
                    let group = groups[k % groups.len()].meta.id;
                    let mut i = Inspection::new(round.meta.id, group, place);
                    i.milestones.entry = round.data.start;
                    i.milestones.end = round.data.end;
                    i.milestones.feedback = round.data.end.and_then(|d| d.add_months(1));
                    i.milestones.rectification_due = i.milestones.feedback.and_then(|d| d.add_months(2));
                    i.activities.talks = 20 + rng.below(60) as u32;
                    i.activities.questionnaires = 50 + rng.below(200) as u32;
                    i.report_sent = if rng.chance(90) { i.milestones.rectification_due } else { None };
                    let rec = Record { meta: meta(&mut rng), data: i };
                    all_inspections.push(rec.clone());
                    r.inspections.push(rec);
                }
                r.groups.extend(groups);
                r.rounds.push(round);
            }
        }
        r.terms.push(term);
    }
    r.targets.extend(townships);
    r.targets.extend(villages);
    r.targets.extend(units);

    // Ledgers, spread over the inspections.
    let problems = ((PROBLEMS_AT_SCALE_1 as f64) * scale).round() as usize;
    let names: std::collections::HashMap<Id, String> =
        r.targets.iter().map(|t| (t.meta.id, t.data.name.clone())).collect();
    for n in 0..problems {
        let i = &all_inspections[n % all_inspections.len().max(1)];
        let found = i.data.milestones.entry.and_then(|d| d.add_months((rng.below(2)) as u32)).unwrap_or(today);
        let fed = i.data.milestones.feedback.unwrap_or(found);
        let subject = rng.pick(SUBJECTS);
        let mut p = Problem::new(i.data.round, i.data.target, found);
        p.focus = *rng.pick(&Focus::ALL);
        p.source = *rng.pick(&ProblemSource::ALL);
        p.scope = if rng.chance(20) { Scope::Common } else { Scope::Individual };
        let place = names.get(&i.data.target).map(String::as_str).unwrap_or("");
        let fault = rng.pick(FAULTS);
        p.description = format!("{place}{subject}{fault}");
        p.sub_category = (*subject).to_owned();
        // A quarter of the problems have their 底稿's facts and basis entered.
        if n % 4 == 0 {
            p.facts = format!("调阅{place}{}年以来的相关资料发现，{subject}{fault}。", found.year() - 1);
            p.basis = "违反《中国共产党纪律处分条例》和有关制度规定。".to_owned();
        }
        if rng.chance(10) {
            p.rectified_on_spot = Some(found);
        }
        p.fed_back_on = Some(fed);
        let problem = Record { meta: meta(&mut rng), data: p };
        let deadline = fed.add_months(2 + rng.below(4) as u32).unwrap_or(fed);
        let mut rect = Rectification::new(problem.meta.id, deadline);
        rect.measures = (*rng.pick(MEASURES)).to_owned();
        rect.unit = place.to_owned();
        rect.person = format!("{}同志", rng.pick(&["张", "王", "李", "赵", "刘", "陈"]));
        let roll = rng.below(100);
        let steps: &[Step] = match roll {
            0..=69 => &[Step::Start, Step::Submit, Step::Close],
            70..=79 => &[Step::Start],
            80..=84 => &[Step::LongTerm],
            85..=89 => &[Step::Start, Step::Submit],
            _ => &[],
        };
        let mut on = fed;
        for step in steps {
            let to = step.next(rect.status).unwrap_or(rect.status);
            on = on.add_months(1).filter(|d| *d <= today).unwrap_or(on);
            rect.history.push(Event {
                on,
                step: *step,
                from: rect.status,
                to,
                note: String::new(),
                old_deadline: None,
                new_deadline: None,
                approver: String::new(),
                evidence: String::new(),
            });
            rect.status = to;
        }
        if rect.status == RectStatus::Closed {
            rect.verifier = "县委巡察办".into();
            rect.evidence = "整改报告及佐证材料".into();
            rect.closed_on = Some(on);
        }
        r.rectifications.push(Record { meta: meta(&mut rng), data: rect });
        r.problems.push(problem);
        if n % 10 == 0 {
            let mut c = Clue::new(i.data.round, i.data.target);
            c.summary = format!("反映{place}{subject}中的问题线索");
            c.cadres = rng.below(3) as u32;
            c.others = rng.below(3) as u32;
            c.recipient = if rng.chance(80) { Recipient::DisciplineCommission } else { Recipient::Organisation };
            c.transferred_on = i.data.milestones.transfer.or(i.data.milestones.feedback);
            if rng.chance(80) {
                c.disposal = Some(*rng.pick(&Disposal::ALL));
                c.result = "已按规定处置".into();
                c.closed_on = c.feedback_due().map(|d| if d > today { today } else { d });
            }
            r.clues.push(Record { meta: meta(&mut rng), data: c });
        }
    }
    questionnaires(&mut rng, office, now, &all_inspections, scale, &mut r);
    later::plans(&mut rng, office, now, &mut r);
    later::letters(&mut rng, office, now, today, &mut r);
    later::paper_batches(&mut rng, office, now, &mut r);
    later::edits_elsewhere(&mut rng, &mut r);
    people::persons(&mut rng, office, now, &mut r);
    later::outcomes(&mut rng, office, now, &mut r);
    later::look_back(&mut rng, office, now, today, &mut r);
    later::fed_back_from_above(&mut rng, office, now, today, &mut r);
    later::assessments(&mut rng, &mut r);
    let source = Source { office_id: office, office_name: "某某县委巡察办（测试数据）".into() };
    ExchangeFile::new(source, now, FileKind::Backup, r)
}

/// Questionnaires of the three purposes about inspected units, each answered by
/// `RESPONSES_PER_QUESTIONNAIRE` people who mostly rate well.
fn questionnaires(
    rng: &mut Rng,
    office: Id,
    now: Timestamp,
    inspections: &[Record<Inspection>],
    scale: f64,
    r: &mut Records,
) {
    use crate::questionnaire::{template, Purpose, QuestionType};
    use crate::response::{anonymous_meta, Answer, Channel, Response};
    // A few even in the smallest county, so that every kind is there.
    let count = (((QUESTIONNAIRES_AT_SCALE_1 as f64) * scale).round() as usize).max(3);
    let purposes = [Purpose::ConductReview, Purpose::DemocraticEvaluation, Purpose::Survey];
    for n in 0..count.min(inspections.len() * purposes.len()) {
        let i = &inspections[(n * 7) % inspections.len()];
        let mut q = template(purposes[n % purposes.len()], &RngIds(std::cell::RefCell::new(&mut *rng)));
        q.round = Some(i.data.round);
        q.target = Some(i.data.target);
        q.set_handed_out(Some(i.data.target), (RESPONSES_PER_QUESTIONNAIRE + 10 + rng.below(30)) as u32);
        let day = i.data.milestones.feedback.or(i.data.milestones.entry).unwrap_or(Day::from_date(now.local_date()));
        let record = Record { meta: Meta::new(rng.id(), office, now), data: q };
        for _ in 0..RESPONSES_PER_QUESTIONNAIRE {
            let answers = record
                .data
                .questions
                .iter()
                .filter_map(|question| {
                    let n = question.choices().len();
                    let mut a = Answer::to(question.id);
                    match question.kind {
                        // Mostly the first (best) levels, as real evaluations read.
                        QuestionType::Single | QuestionType::Rating => {
                            a.choices = vec![[0, 0, 0, 0, 1, 1, 2, 3][rng.below(8)].min(n.saturating_sub(1)) as u32]
                        }
                        QuestionType::Multiple => {
                            let max = question.max_choices.map(|m| m as usize).unwrap_or(n).min(n).max(1);
                            let mut picked: Vec<u32> = (0..1 + rng.below(max)).map(|_| rng.below(n) as u32).collect();
                            picked.sort_unstable();
                            picked.dedup();
                            a.choices = picked;
                        }
                        QuestionType::Number => a.number = Some(1 + rng.below(30) as i64),
                        QuestionType::Text if rng.chance(30) => a.text = (*rng.pick(SUGGESTIONS)).to_owned(),
                        QuestionType::Text => return None,
                    }
                    Some(a)
                })
                .collect();
            let data = Response {
                questionnaire: record.meta.id,
                target: Some(i.data.target),
                day,
                channel: Channel::Paper,
                answers,
            };
            r.responses.push(Record { meta: anonymous_meta(rng.id(), office, day), data });
        }
        r.questionnaires.push(record);
    }
}

/// How many of each kind a file holds.
pub fn counts(file: &ExchangeFile) -> Counts {
    let r = &file.records;
    Counts {
        targets: r.targets.len(),
        rounds: r.rounds.len(),
        inspections: r.inspections.len(),
        problems: r.problems.len(),
        rectifications: r.rectifications.len(),
        clues: r.clues.len(),
        questionnaires: r.questionnaires.len(),
        responses: r.responses.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::format::ExchangeFile;

    fn today() -> Day {
        Day::from_ymd(2026, 11, 22).unwrap_or_else(|| panic!("a valid day"))
    }

    #[test]
    fn the_same_seed_gives_the_same_file_and_another_seed_another() {
        let a = generate(0.01, 7, today());
        let b = generate(0.01, 7, today());
        let c = generate(0.01, 8, today());
        assert_eq!(a, b);
        assert_ne!(a.records.problems, c.records.problems);
    }

    #[test]
    fn the_county_has_the_promised_shape_and_the_ledgers_scale() {
        let file = generate(0.1, 1, today());
        let n = counts(&file);
        assert_eq!(n.targets, 20 + 300 + 120);
        assert_eq!(n.rounds, 30 + 2, "the rounds of the years, a 回头看 under way and one fed back from above");
        let look_back = file.records.rounds.iter().find(|r| r.data.kind == crate::round::RoundKind::LookBack);
        let checks = file.records.rectifications.iter().filter(|r| !r.data.checks.is_empty()).count();
        assert!(look_back.is_some() && checks > 0, "the look-back has checked rectifications: {checks}");
        let upper = file.records.rounds.iter().find(|r| r.data.kind == crate::round::RoundKind::Upper);
        let upper_problems =
            upper.map_or(0, |u| file.records.problems.iter().filter(|p| p.data.round == u.meta.id).count());
        assert_eq!(upper_problems, 4, "two units fed back on from above, two problems each");
        let grades: std::collections::HashSet<_> =
            file.records.inspections.iter().filter_map(|i| i.data.assessment.as_ref().map(|a| a.grade())).collect();
        assert!(grades.len() >= 3, "units assessed, with several grades: {grades:?}");
        assert_eq!(n.problems, 5_000 + 4, "and the four fed back from above");
        assert_eq!(n.rectifications, 5_000 + 4);
        assert_eq!(n.clues, 500);
        assert_eq!((n.questionnaires, n.responses), (20, 2_000));
        let overdue = file.records.rectifications.iter().filter(|r| r.data.is_overdue(today())).count();
        assert!(overdue > 0 && overdue < n.rectifications / 2, "some, not most, are overdue: {overdue}");
    }

    #[test]
    fn the_output_is_a_valid_backup_that_passes_every_import_check() {
        let file = generate(0.02, 3, today());
        let json = file.to_json().unwrap_or_else(|e| panic!("{e}"));
        let parsed = ExchangeFile::parse(json.as_bytes()).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(parsed.check_references(&|_, _| false), Ok(()));
        for p in &parsed.records.problems {
            assert!(p.data.validate(&parsed.records.rounds, &parsed.records.inspections).is_ok(), "{:?}", p.data);
        }
        for r in &parsed.records.rectifications {
            assert!(r.data.validate(r.meta.id, &parsed.records.problems, &parsed.records.rectifications).is_ok());
        }
        for q in &parsed.records.questionnaires {
            assert!(q.data.validate(&parsed.records.rounds, &parsed.records.targets).is_ok(), "{:?}", q.data);
        }
        for r in &parsed.records.responses {
            let q = parsed.records.questionnaires.iter().find(|q| q.meta.id == r.data.questionnaire);
            assert!(r.data.validate(q.map(|q| &q.data)).is_ok(), "{:?}", r.data);
        }
        assert!(!parsed.records.responses.is_empty());
        for c in &parsed.records.clues {
            assert!(c.data.validate(&parsed.records.rounds, &parsed.records.inspections).is_ok(), "{:?}", c.data);
        }
    }
}
