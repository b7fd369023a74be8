//! 调查问卷, 民主测评 and 纪律作风后评估: a questionnaire, its questions, the
//! built-in templates written from the seeds' wording, and the rule that once a
//! questionnaire has answers its questions freeze and editing makes a new version.

use crate::i18n::T;
use crate::id::{Id, IdSource};
use crate::labelled_enum;
use crate::record::Record;
use crate::round::Round;
use crate::target::Target;
use crate::validation::{blank, Checker, Invalid};
use serde::{Deserialize, Serialize};

labelled_enum! {
    /// What the questionnaire is for.
    pub enum Purpose {
        Survey => PurposeSurvey,
        DemocraticEvaluation => PurposeDemocratic,
        ConductReview => PurposeConduct,
        Custom => PurposeCustom,
    }
}

labelled_enum! {
    pub enum QuestionType {
        Single => QTypeSingle,
        Multiple => QTypeMultiple,
        Rating => QTypeRating,
        Number => QTypeNumber,
        Text => QTypeText,
    }
}

impl QuestionType {
    /// Answered by picking options (or levels), so it can be counted per option.
    pub fn is_choice(self) -> bool {
        matches!(self, QuestionType::Single | QuestionType::Multiple | QuestionType::Rating)
    }
}

/// One level of a rating scale and the points it is worth (0–100).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Level {
    pub label: String,
    #[serde(deserialize_with = "crate::validation::bounded::percent")]
    pub weight: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// Stable within a questionnaire and its versions, so answers point to it.
    pub id: Id,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: QuestionType,
    #[serde(default)]
    pub required: bool,
    /// The options of a single or multiple choice.
    #[serde(default)]
    pub options: Vec<String>,
    /// At most this many options of a multiple choice; none means any number.
    #[serde(default, deserialize_with = "crate::validation::bounded::positive_or_none")]
    pub max_choices: Option<u32>,
    /// The levels of a rating scale, best first as printed.
    #[serde(default, deserialize_with = "crate::validation::objects")]
    pub levels: Vec<Level>,
}

impl Question {
    pub fn new(id: Id, kind: QuestionType, text: &str) -> Question {
        Question {
            id,
            text: text.to_owned(),
            kind,
            required: true,
            options: Vec::new(),
            max_choices: None,
            levels: Vec::new(),
        }
    }

    /// The labels a respondent picks from: options, or the levels of a scale.
    pub fn choices(&self) -> Vec<&str> {
        match self.kind {
            QuestionType::Single | QuestionType::Multiple => self.options.iter().map(String::as_str).collect(),
            QuestionType::Rating => self.levels.iter().map(|l| l.label.as_str()).collect(),
            QuestionType::Number | QuestionType::Text => Vec::new(),
        }
    }
}

/// How many forms were handed out, for one target or for the questionnaire as a whole.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandOut {
    #[serde(default)]
    pub target: Option<Id>,
    pub count: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Questionnaire {
    pub title: String,
    pub purpose: Purpose,
    #[serde(default)]
    pub round: Option<Id>,
    #[serde(default)]
    pub target: Option<Id>,
    #[serde(default)]
    pub intro: String,
    #[serde(default, deserialize_with = "crate::validation::objects")]
    pub questions: Vec<Question>,
    /// The id of the first version: every version of one questionnaire shares it.
    pub series: Id,
    /// 1 for the first version; each new version counts up.
    #[serde(deserialize_with = "crate::validation::bounded::positive")]
    pub version: u32,
    /// 发放份数, entered by the user.
    #[serde(default, deserialize_with = "crate::validation::objects")]
    pub handed_out: Vec<HandOut>,
}

/// Longest option lists and scales a paper form can carry legibly.
pub const MAX_CHOICES: usize = 12;

impl Questionnaire {
    pub fn new(series: Id, purpose: Purpose, title: &str) -> Questionnaire {
        Questionnaire {
            title: title.to_owned(),
            purpose,
            round: None,
            target: None,
            intro: String::new(),
            questions: Vec::new(),
            series,
            version: 1,
            handed_out: Vec::new(),
        }
    }

    pub fn question(&self, id: Id) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// Forms handed out for `target` (`None`: all targets together).
    pub fn handed_out_for(&self, target: Option<Id>) -> u32 {
        match target {
            None => self.handed_out.iter().map(|h| h.count).sum(),
            Some(t) => self.handed_out.iter().filter(|h| h.target == Some(t)).map(|h| h.count).sum(),
        }
    }

    /// The count entered for exactly `target` (`None`: the overall entry), not summed.
    pub fn handed_out_entry(&self, target: Option<Id>) -> u32 {
        self.handed_out.iter().filter(|h| h.target == target).map(|h| h.count).sum()
    }

    /// Sets the count handed out for `target`, dropping the entry at zero.
    pub fn set_handed_out(&mut self, target: Option<Id>, count: u32) {
        self.handed_out.retain(|h| h.target != target);
        if count > 0 {
            self.handed_out.push(HandOut { target, count });
        }
    }

    /// The next version of this questionnaire: the same series and questions, ready
    /// for editing, with nothing handed out yet.
    pub fn next_version(&self, latest: u32) -> Questionnaire {
        Questionnaire { version: latest.max(self.version) + 1, handed_out: Vec::new(), ..self.clone() }
    }

    /// True when `other` asks the same questions in the same way (text, type,
    /// options, levels, order): what may not change once answers exist.
    pub fn same_questions(&self, other: &Questionnaire) -> bool {
        self.questions == other.questions
    }

    /// Moves question `index` one place up (`-1`) or down (`1`).
    pub fn move_question(&mut self, index: usize, by: isize) {
        let to = index as isize + by;
        if index < self.questions.len() && to >= 0 && (to as usize) < self.questions.len() {
            self.questions.swap(index, to as usize);
        }
    }

    pub fn validate(&self, rounds: &[Record<Round>], targets: &[Record<Target>]) -> Result<(), Vec<Invalid>> {
        let mut c = Checker::default();
        c.required(!blank(&self.title), "title", T::ErrQTitleRequired);
        if let Some(round) = self.round {
            c.check(rounds.iter().any(|r| r.is_live() && r.meta.id == round), "round", T::ErrRoundMissing);
        }
        let live_target = |id: Id| targets.iter().any(|t| t.is_live() && t.meta.id == id);
        if let Some(target) = self.target {
            c.check(live_target(target), "target", T::ErrTargetMissing);
        }
        c.check(self.handed_out.iter().all(|h| h.target.is_none_or(live_target)), "handed_out", T::ErrTargetMissing);
        c.check(!self.questions.is_empty(), "questions", T::ErrQNoQuestions);
        let mut ids = std::collections::HashSet::new();
        c.check(self.questions.iter().all(|q| ids.insert(q.id)), "questions", T::ErrQDuplicateQuestion);
        c.check(self.questions.iter().all(|q| !blank(&q.text)), "questions", T::ErrQQuestionText);
        for q in &self.questions {
            let labels = q.choices();
            match q.kind {
                QuestionType::Single | QuestionType::Multiple | QuestionType::Rating => {
                    c.check((2..=MAX_CHOICES).contains(&labels.len()), "questions", T::ErrQOptionCount);
                    c.check(labels.iter().all(|l| !blank(l)), "questions", T::ErrQOptionBlank);
                    let mut seen = std::collections::HashSet::new();
                    c.check(labels.iter().all(|l| seen.insert(l.trim())), "questions", T::ErrQOptionTwice);
                }
                QuestionType::Number | QuestionType::Text => {}
            }
            if q.kind == QuestionType::Multiple {
                let max_ok = q.max_choices.is_none_or(|m| m >= 1 && (m as usize) <= labels.len());
                c.check(max_ok, "questions", T::ErrQMaxChoices);
            }
            if q.kind == QuestionType::Rating {
                c.check(q.levels.iter().all(|l| l.weight <= 100), "questions", T::ErrQWeight);
            }
        }
        c.finish()
    }
}

/// The two scales the seeds use.
fn scale_good(ids: &dyn IdSource, text: &str) -> Question {
    let mut q = Question::new(ids.next_id(), QuestionType::Rating, text);
    q.levels = [("好", 100), ("较好", 80), ("一般", 60), ("差", 0)]
        .iter()
        .map(|(label, weight)| Level { label: (*label).into(), weight: *weight })
        .collect();
    q
}

fn scale_satisfied(ids: &dyn IdSource, text: &str) -> Question {
    let mut q = Question::new(ids.next_id(), QuestionType::Rating, text);
    q.levels = [("满意", 100), ("基本满意", 75), ("不满意", 55), ("不了解", 0)]
        .iter()
        .map(|(label, weight)| Level { label: (*label).into(), weight: *weight })
        .collect();
    q
}

fn single(ids: &dyn IdSource, text: &str, options: &[&str]) -> Question {
    let mut q = Question::new(ids.next_id(), QuestionType::Single, text);
    q.options = options.iter().map(|o| (*o).to_owned()).collect();
    q
}

fn free_text(ids: &dyn IdSource, text: &str) -> Question {
    let mut q = Question::new(ids.next_id(), QuestionType::Text, text);
    q.required = false;
    q
}

/// A new questionnaire from the built-in template for `purpose`, in the seeds'
/// words; the user edits it before use. `Custom` starts empty.
pub fn template(purpose: Purpose, ids: &dyn IdSource) -> Questionnaire {
    let mut q = Questionnaire::new(ids.next_id(), purpose, "");
    match purpose {
        Purpose::Survey => {
            q.title = "巡察调查问卷".into();
            q.intro = "为深入了解被巡察党组织贯彻落实党的路线方针政策和决策部署、群众身边腐败问题和不正之风、基层党组织建设等情况，特开展本次问卷调查。问卷不记名，请您根据了解的情况如实填写。".into();
            let mut identity = single(ids, "您的身份", &["党员干部", "单位职工", "群众", "其他"]);
            identity.required = false;
            let mut focus = Question::new(
                ids.next_id(),
                QuestionType::Multiple,
                "您认为该单位（村、社区）存在的突出问题有哪些（最多选三项）",
            );
            focus.options = [
                "形式主义、官僚主义",
                "优亲厚友、吃拿卡要",
                "侵害群众利益",
                "财务管理不规范",
                "工作作风不实",
                "党组织软弱涣散",
                "其他",
            ]
            .iter()
            .map(|o| (*o).to_owned())
            .collect();
            focus.max_choices = Some(3);
            focus.required = false;
            let mut years =
                Question::new(ids.next_id(), QuestionType::Number, "您在该单位（村、社区）工作或生活了几年");
            years.required = false;
            q.questions = vec![
                identity,
                scale_satisfied(ids, "您对该单位贯彻落实党的路线方针政策和上级决策部署的情况是否满意"),
                scale_satisfied(ids, "您对该单位整治群众身边腐败问题和不正之风的情况是否满意"),
                scale_satisfied(ids, "您对该单位基层党组织建设、发挥战斗堡垒作用的情况是否满意"),
                focus,
                years,
                free_text(ids, "您对该单位有何意见和建议"),
            ];
        }
        Purpose::DemocraticEvaluation => {
            q.title = "领导班子民主测评表".into();
            q.intro = "请对被巡察党组织领导班子的情况作出评价。测评不记名，请在相应选项中勾选。".into();
            q.questions = vec![
                scale_good(ids, "领导班子总体评价"),
                scale_good(ids, "贯彻落实党的路线方针政策和上级决策部署情况"),
                scale_good(ids, "落实全面从严治党主体责任情况"),
                scale_good(ids, "落实中央八项规定精神、纠治“四风”情况"),
                scale_good(ids, "选人用人和基层党组织建设情况"),
                scale_good(ids, "团结协作、民主决策情况"),
                free_text(ids, "对领导班子的意见和建议"),
            ];
        }
        Purpose::ConductReview => {
            q.title = "巡察组纪律作风后评估问卷".into();
            q.intro = "巡察反馈结束后，为了解巡察组在工作期间的纪律执行、工作作风等情况，特开展匿名问卷调查。问卷不记名，请如实填写。".into();
            q.questions = vec![
                scale_good(ids, "巡察组成员的纪律执行情况"),
                scale_good(ids, "巡察组的工作作风"),
                single(ids, "巡察组成员有无官僚主义表现", &["没有", "有", "不了解"]),
                single(ids, "巡察组成员有无特权思想表现", &["没有", "有", "不了解"]),
                single(ids, "巡察组有无违反中央八项规定精神的情况", &["没有", "有", "不了解"]),
                free_text(ids, "您对巡察组的意见和建议"),
            ];
        }
        Purpose::Custom => {}
    }
    q
}

impl crate::record::Model for Questionnaire {
    fn references(&self) -> Vec<crate::record::Reference> {
        use crate::record::Reference;
        use crate::Kind;
        let mut out: Vec<Reference> = Reference::maybe("round", Kind::Round, self.round).into_iter().collect();
        let targets = self.target.into_iter().chain(self.handed_out.iter().filter_map(|h| h.target));
        out.extend(targets.map(|t| Reference::to("target", Kind::Target, t)));
        out
    }

    fn field(path: &str) -> Option<crate::record::Field> {
        use crate::record::Field;
        use crate::Kind;
        Some(match path {
            "title" => Field::plain(T::FieldQTitle),
            "purpose" => Field::choice::<Purpose>(T::FieldPurpose),
            "round" => Field::reference(T::ColRound, Kind::Round),
            "target" => Field::reference(T::ColTarget, Kind::Target),
            "intro" => Field::plain(T::FieldIntro),
            "questions" => Field::words(T::FieldQuestions, questions_words),
            "series" => Field::plain(T::FieldSeries),
            "version" => Field::plain(T::FieldQVersion),
            "handed_out" => Field::words(T::FieldHandedOut, handed_out_words),
            _ => return None,
        })
    }
}

/// The questions in words: their texts, numbered.
fn questions_words(
    value: &serde_json::Value,
    _: crate::i18n::Lang,
    _: &dyn Fn(crate::Kind, Id) -> Option<String>,
) -> String {
    match serde_json::from_value::<Vec<Question>>(value.clone()) {
        Ok(questions) => {
            questions.iter().enumerate().map(|(n, q)| format!("{}. {}", n + 1, q.text)).collect::<Vec<_>>().join("；")
        }
        Err(_) => crate::record::plain(value),
    }
}

/// The forms handed out in words: each unit's name and count.
fn handed_out_words(
    value: &serde_json::Value,
    _: crate::i18n::Lang,
    name_of: &dyn Fn(crate::Kind, Id) -> Option<String>,
) -> String {
    match serde_json::from_value::<Vec<HandOut>>(value.clone()) {
        Ok(list) => crate::record::join(list.iter().map(|h| {
            let unit = h.target.and_then(|t| name_of(crate::Kind::Target, t)).unwrap_or_default();
            format!("{unit} {}", h.count).trim().to_owned()
        })),
        Err(_) => crate::record::plain(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id::SequentialIds;

    #[test]
    fn every_template_is_a_valid_questionnaire_in_the_seeds_words() {
        let ids = SequentialIds::default();
        for purpose in [Purpose::Survey, Purpose::DemocraticEvaluation, Purpose::ConductReview] {
            let q = template(purpose, &ids);
            assert_eq!(q.validate(&[], &[]), Ok(()), "{purpose:?}");
            assert_eq!(q.version, 1);
        }
        let conduct = template(Purpose::ConductReview, &ids);
        let words: String = conduct.questions.iter().map(|q| q.text.as_str()).collect();
        for word in ["纪律执行", "工作作风", "官僚主义", "特权思想"] {
            assert!(words.contains(word), "后评估 asks about {word}");
        }
        let survey = template(Purpose::Survey, &ids);
        let kinds: std::collections::HashSet<_> = survey.questions.iter().map(|q| q.kind).collect();
        assert_eq!(kinds.len(), QuestionType::ALL.len(), "the survey shows every question type");
        assert!(template(Purpose::Custom, &ids).questions.is_empty());
    }

    #[test]
    fn broken_questions_are_named() {
        let ids = SequentialIds::default();
        let mut q = template(Purpose::ConductReview, &ids);
        q.title = " ".into();
        q.questions[0].levels.truncate(1);
        q.questions[2].options[1] = "没有".into();
        let mut multi = Question::new(ids.next_id(), QuestionType::Multiple, "多选");
        multi.options = vec!["甲".into(), "乙".into()];
        multi.max_choices = Some(3);
        q.questions.push(multi);
        let errors = |q: &Questionnaire| -> Vec<T> {
            q.validate(&[], &[]).err().unwrap_or_default().iter().map(|e| e.msg).collect()
        };
        assert_eq!(errors(&q), vec![T::ErrQTitleRequired], "the missing title first");
        q.title = "问卷".into();
        let errors = errors(&q);
        assert_eq!(errors, vec![T::ErrQOptionCount, T::ErrQOptionTwice, T::ErrQMaxChoices], "{errors:?}");
        q.questions.clear();
        q.title = "空".into();
        assert_eq!(q.validate(&[], &[]).err().map(|e| e[0].msg), Some(T::ErrQNoQuestions));
    }

    #[test]
    fn a_new_version_keeps_the_series_and_questions_and_counts_up() {
        let ids = SequentialIds::default();
        let mut first = template(Purpose::DemocraticEvaluation, &ids);
        first.set_handed_out(None, 40);
        let second = first.next_version(1);
        assert_eq!((second.series, second.version), (first.series, 2));
        assert!(second.same_questions(&first));
        assert_eq!(second.handed_out_for(None), 0, "forms are handed out per version");
        let third = first.next_version(2);
        assert_eq!(third.version, 3, "a version made from an older one still comes last");
    }

    #[test]
    fn handed_out_counts_are_kept_per_target_and_summed() {
        let ids = SequentialIds::default();
        let (a, b) = (ids.next_id(), ids.next_id());
        let mut q = template(Purpose::Survey, &ids);
        q.set_handed_out(Some(a), 30);
        q.set_handed_out(Some(b), 20);
        q.set_handed_out(Some(a), 35);
        assert_eq!((q.handed_out_for(Some(a)), q.handed_out_for(Some(b)), q.handed_out_for(None)), (35, 20, 55));
        q.set_handed_out(Some(b), 0);
        assert_eq!(q.handed_out.len(), 1, "a zero count is no entry");
    }

    #[test]
    fn questions_move_up_and_down_within_bounds() {
        let ids = SequentialIds::default();
        let mut q = template(Purpose::ConductReview, &ids);
        let order = |q: &Questionnaire| q.questions.iter().map(|x| x.id).collect::<Vec<_>>();
        let before = order(&q);
        q.move_question(0, -1);
        assert_eq!(order(&q), before, "the first cannot move up");
        q.move_question(0, 1);
        assert_eq!(order(&q)[..2], [before[1], before[0]]);
        let last = q.questions.len() - 1;
        q.move_question(last, 1);
        assert_eq!(order(&q)[last], before[last]);
    }
}
