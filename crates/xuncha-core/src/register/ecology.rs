//! 政治生态评估: the political-ecology assessment of an inspected unit. An indicator
//! set gives each indicator a weight (its share of 100) and full marks; the unit is
//! scored on each, the total is out of 100 and its grade (良好 / 较好 / 一般 / 较差)
//! follows from the office's thresholds. The set and thresholds are this PC's
//! setting; each assessment keeps the ones it was scored by, so changing the set
//! never regrades the past and another office reads the same grade.

use crate::date::Day;
use crate::i18n::{fill, Label, Lang, T};
use crate::id::Id;
use crate::inspection::Inspection;
use crate::record::Record;
use crate::validation::{blank, Checker};
use serde::{Deserialize, Serialize};

crate::labelled_enum! {
    /// The grades of the 评估办法, best first.
    pub enum Grade {
        /// 良好
        Good => GradeGood,
        /// 较好
        Fair => GradeFair,
        /// 一般
        Average => GradeAverage,
        /// 较差
        Poor => GradePoor,
    }
}

/// The setting that holds this PC's indicator set and thresholds.
pub const SCHEME_KEY: &str = "ecology_scheme";

/// A score in tenths of a point: marks are given to one decimal (8.5), and whole
/// tenths keep records comparable and files free of fractions: `85` is 8.5.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Points(pub u32);

/// Full marks no indicator may exceed.
pub const MAX_POINTS: Points = Points(1000);

impl Points {
    pub const fn whole(n: u32) -> Points {
        Points(n * 10)
    }

    /// "8.5", "9", "９" or "8.50"; `None` for anything else, a negative number, more
    /// than one decimal that is not zero, or more than `MAX_POINTS`.
    pub fn parse(text: &str) -> Option<Points> {
        let text: String = text.trim().chars().map(crate::intake::values::full_to_half).collect();
        let (whole, part) = text.split_once('.').unwrap_or((&text, ""));
        let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if whole.is_empty() || !digits(whole) || !digits(part) || part.trim_end_matches('0').len() > 1 {
            return None;
        }
        let part = part.trim_end_matches('0');
        let tenths = whole.parse::<u32>().ok()?.checked_mul(10)? + part.parse::<u32>().unwrap_or(0);
        (tenths <= MAX_POINTS.0).then_some(Points(tenths))
    }
}

impl std::fmt::Display for Points {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 % 10 {
            0 => write!(f, "{}", self.0 / 10),
            t => write!(f, "{}.{t}", self.0 / 10),
        }
    }
}

/// One indicator of the set: its name, its share of the 100 points and the full
/// marks it is scored out of.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indicator {
    pub name: String,
    pub weight: u32,
    pub max: Points,
}

/// The lowest totals of 良好, 较好 and 一般; below 一般 is 较差.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Thresholds {
    pub good: Points,
    pub fair: Points,
    pub average: Points,
}

impl Default for Thresholds {
    /// 90, 80 and 60: the usual lines of the 评估办法.
    fn default() -> Thresholds {
        Thresholds { good: Points::whole(90), fair: Points::whole(80), average: Points::whole(60) }
    }
}

impl Thresholds {
    pub fn grade(&self, total: Points) -> Grade {
        if total >= self.good {
            Grade::Good
        } else if total >= self.fair {
            Grade::Fair
        } else if total >= self.average {
            Grade::Average
        } else {
            Grade::Poor
        }
    }
}

/// An office's indicator set and thresholds, as its setting keeps them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scheme {
    pub indicators: Vec<Indicator>,
    #[serde(default)]
    pub thresholds: Thresholds,
}

impl Default for Scheme {
    /// The built-in set: the five 建设 and the people's view, out of 10 each.
    fn default() -> Scheme {
        let indicator = |name: &str, weight| Indicator { name: name.to_owned(), weight, max: Points::whole(10) };
        Scheme {
            indicators: vec![
                indicator("政治建设（坚持党的领导、贯彻落实上级决策部署）", 20),
                indicator("思想建设（理论学习、意识形态工作）", 15),
                indicator("组织建设（领导班子、干部队伍、基层组织）", 20),
                indicator("作风建设（落实中央八项规定精神）", 15),
                indicator("纪律建设和廉洁情况", 20),
                indicator("群众评价（问卷、民主测评）", 10),
            ],
            thresholds: Thresholds::default(),
        }
    }
}

impl Scheme {
    /// The rules of a set, with its fields named as the forms name them.
    pub fn check(&self, c: &mut Checker) {
        c.required(!self.indicators.is_empty(), "indicators", T::ErrEcologyNoIndicators);
        let names_ok = self.indicators.iter().all(|i| !blank(&i.name) && i.name.chars().count() <= 100);
        c.check(names_ok, "indicator_name", T::ErrEcologyIndicatorName);
        let twice = self
            .indicators
            .iter()
            .enumerate()
            .any(|(n, i)| self.indicators[..n].iter().any(|j| j.name.trim() == i.name.trim() && !blank(&i.name)));
        c.check(!twice, "indicator_name", T::ErrEcologyIndicatorTwice);
        let weights: u64 = self.indicators.iter().map(|i| u64::from(i.weight)).sum();
        let weights_ok = self.indicators.iter().all(|i| i.weight > 0) && weights == 100;
        c.check(self.indicators.is_empty() || weights_ok, "weight", T::ErrEcologyWeights);
        c.check(self.indicators.iter().all(|i| i.max.0 > 0 && i.max <= MAX_POINTS), "max", T::ErrEcologyMax);
        let t = self.thresholds;
        let ordered = Points(0) < t.average && t.average < t.fair && t.fair < t.good && t.good <= Points::whole(100);
        c.check(ordered, "thresholds", T::ErrEcologyThresholds);
    }
}

/// One indicator as it was scored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scored {
    pub name: String,
    pub weight: u32,
    pub max: Points,
    pub score: Points,
}

/// An inspection's assessment: the day, who assessed, each indicator scored, the
/// thresholds it was graded by and a note.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    pub on: Day,
    #[serde(default)]
    pub assessor: String,
    pub items: Vec<Scored>,
    pub thresholds: Thresholds,
    #[serde(default)]
    pub notes: String,
}

impl Assessment {
    /// The set it was scored by, to score it again.
    pub fn scheme(&self) -> Scheme {
        let indicators = self.items.iter().map(|s| Indicator { name: s.name.clone(), weight: s.weight, max: s.max });
        Scheme { indicators: indicators.collect(), thresholds: self.thresholds }
    }

    /// Out of 100: each indicator's share of its full marks times its weight,
    /// rounded to a tenth.
    pub fn total(&self) -> Points {
        let sum: f64 = self
            .items
            .iter()
            .filter(|s| s.max.0 > 0)
            .map(|s| f64::from(s.score.0) * f64::from(s.weight) * 10.0 / f64::from(s.max.0))
            .sum();
        Points(sum.round() as u32)
    }

    pub fn grade(&self) -> Grade {
        self.thresholds.grade(self.total())
    }

    /// The set's rules, each score within its full marks, a day not before the
    /// unit was entered, a short assessor.
    pub fn check(&self, c: &mut Checker, entry: Option<Day>) {
        self.scheme().check(c);
        c.check(self.items.iter().all(|s| s.score <= s.max), "score", T::ErrEcologyScore);
        c.check(entry.is_none_or(|e| self.on >= e), "assessed_on", T::ErrEcologyBeforeEntry);
        c.check(self.assessor.chars().count() <= 60, "assessor", T::ErrNameTooLong);
        c.within_limit(&self.notes, "notes", T::ErrNotesTooLong);
    }

    /// "政治建设 9；思想建设 8.5", for a list's cell.
    pub fn scores_line(&self, lang: Lang) -> String {
        scores_line(&self.items, lang)
    }
}

fn scores_line(items: &[Scored], lang: Lang) -> String {
    let short = |name: &str| name.split(['（', '(']).next().unwrap_or(name).trim().to_owned();
    let parts: Vec<String> = items.iter().map(|s| format!("{} {}", short(&s.name), s.score)).collect();
    parts.join(if lang == Lang::Zh { "；" } else { "; " })
}

/// The labels and words of an inspection's `assessment` and its parts (`part` is
/// the path after `assessment`), for the conflict table and the history.
pub fn field(part: &str) -> Option<crate::record::Field> {
    use crate::record::Field;
    fn whole(v: &serde_json::Value, lang: Lang, _: &dyn Fn(crate::Kind, Id) -> Option<String>) -> String {
        let Ok(a) = serde_json::from_value::<Assessment>(v.clone()) else { return String::new() };
        format!("{} {}（{}）：{}", a.on, a.grade().label().text(lang), a.total(), a.scores_line(lang))
    }
    fn items(v: &serde_json::Value, lang: Lang, _: &dyn Fn(crate::Kind, Id) -> Option<String>) -> String {
        scores_line(&serde_json::from_value::<Vec<Scored>>(v.clone()).unwrap_or_default(), lang)
    }
    fn points(v: &serde_json::Value, _: Lang, _: &dyn Fn(crate::Kind, Id) -> Option<String>) -> String {
        v.as_u64().map(|n| Points(n as u32).to_string()).unwrap_or_default()
    }
    Some(match part {
        "" => Field::words(T::EcologyTitle, whole),
        ".on" => Field::plain(T::FieldAssessedOn),
        ".assessor" => Field::plain(T::FieldAssessor),
        ".items" => Field::words(T::ColScores, items),
        ".thresholds.good" => Field::words(T::ThresholdGood, points),
        ".thresholds.fair" => Field::words(T::ThresholdFair, points),
        ".thresholds.average" => Field::words(T::ThresholdAverage, points),
        ".notes" => Field::plain(T::FieldNotes),
        _ => return None,
    })
}

/// How many of the units assessed had each grade, in the seeds' sentence.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GradeCounts {
    pub assessed: u64,
    pub by_grade: [u64; 4],
}

impl GradeCounts {
    pub fn count<'a>(assessments: impl IntoIterator<Item = &'a Assessment>) -> GradeCounts {
        let mut g = GradeCounts::default();
        for a in assessments {
            g.assessed += 1;
            g.by_grade[a.grade() as usize] += 1;
        }
        g
    }

    pub fn of(&self, grade: Grade) -> u64 {
        self.by_grade[grade as usize]
    }

    /// "对X个被巡察党组织进行了政治生态综合评估，根据得分情况，X个为良好等次，X个为较差等次。",
    /// naming only the grades given; "……均评定为良好等次。" when all had one.
    pub fn sentence(&self, lang: Lang) -> Option<String> {
        if self.assessed == 0 {
            return None;
        }
        let given: Vec<Grade> = Grade::ALL.into_iter().filter(|g| self.of(*g) > 0).collect();
        let n = self.assessed;
        Some(match given.as_slice() {
            [one] => fill(T::EcologySentenceAll.text(lang), &[("n", &n), ("grade", &one.label().text(lang))]),
            _ => {
                let parts: Vec<String> = given
                    .iter()
                    .map(|g| {
                        fill(
                            T::EcologySentenceGrade.text(lang),
                            &[("n", &self.of(*g)), ("grade", &g.label().text(lang))],
                        )
                    })
                    .collect();
                let sep = if lang == Lang::Zh { "，" } else { ", " };
                fill(T::EcologySentence.text(lang), &[("n", &n), ("grades", &parts.join(sep))])
            }
        })
    }
}

/// The same unit's earlier assessments, oldest first, before `inspection`'s:
/// "2024-05-10 较好（84.5）".
pub fn earlier(inspections: &[Record<Inspection>], inspection: &Record<Inspection>, lang: Lang) -> Vec<String> {
    let Some(this) = &inspection.data.assessment else { return Vec::new() };
    let mut before: Vec<&Assessment> = inspections
        .iter()
        .filter(|i| i.is_live() && i.meta.id != inspection.meta.id && i.data.target == inspection.data.target)
        .filter_map(|i| i.data.assessment.as_ref())
        .filter(|a| a.on < this.on)
        .collect();
    before.sort_by_key(|a| a.on);
    before.iter().map(|a| format!("{} {}（{}）", a.on, a.grade().label().text(lang), a.total())).collect()
}

/// What the list of assessments shows; `None` means any.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AssessmentFilter {
    pub round: Option<Id>,
    pub grade: Option<Grade>,
    /// Exactly these inspections, as a figure of the statistics counted them (sorted).
    pub inspections: Option<Vec<Id>>,
    pub target: Option<Id>,
}

impl AssessmentFilter {
    pub fn matches(&self, i: &Record<Inspection>) -> bool {
        let Some(a) = &i.data.assessment else { return false };
        i.is_live()
            && self.round.is_none_or(|r| i.data.round == r)
            && self.target.is_none_or(|t| i.data.target == t)
            && self.grade.is_none_or(|g| a.grade() == g)
            && self.inspections.as_ref().is_none_or(|ids| ids.binary_search(&i.meta.id).is_ok())
    }
}

/// The assessments listed as the page shows them and the workbook and print
/// write them; `all` are every inspection, for each unit's earlier grades.
pub fn assessment_sheet(
    title: &str,
    filter: &str,
    rows: &[&Record<Inspection>],
    all: &[Record<Inspection>],
    name_of: &dyn Fn(crate::Kind, Id) -> Option<String>,
    lang: Lang,
    today: Day,
) -> crate::sheet::Sheet {
    use crate::ledger::Cell;
    let rows = rows
        .iter()
        .filter_map(|i| {
            let a = i.data.assessment.as_ref()?;
            Some(vec![
                Cell::Text(name_of(crate::Kind::Round, i.data.round).unwrap_or_default()),
                Cell::Text(name_of(crate::Kind::Target, i.data.target).unwrap_or_default()),
                Cell::Day(Some(a.on)),
                Cell::Text(a.scores_line(lang)),
                Cell::Tenths(a.total().0),
                Cell::Text(a.grade().label().text(lang).to_owned()),
                Cell::Text(a.assessor.clone()),
                Cell::Text(earlier(all, i, lang).join(if lang == Lang::Zh { "；" } else { "; " })),
                Cell::Text(a.notes.clone()),
            ])
        })
        .collect();
    let headers = [
        T::ColRound,
        T::ColTarget,
        T::FieldAssessedOn,
        T::ColScores,
        T::ColTotal,
        T::ColGrade,
        T::FieldAssessor,
        T::ColEarlier,
        T::FieldNotes,
    ];
    let name = T::EcologySheetTitle.text(lang).to_owned();
    crate::sheet::Sheet {
        title: format!("{title} {name}").trim().to_owned(),
        subtitle: fill(T::SheetSubtitle.text(lang), &[("filter", &filter), ("day", &today)]),
        name,
        widths: vec![26.0, 16.0, 12.0, 44.0, 8.0, 8.0, 12.0, 24.0, 24.0],
        headers: headers.iter().map(|t| t.text(lang).to_owned()).collect(),
        rows,
        lang,
    }
}

#[cfg(test)]
#[path = "ecology_tests.rs"]
mod tests;
