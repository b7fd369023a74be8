//! 答卷: one anonymous response to a questionnaire, and 纸质汇总 — the per-option
//! counts of a batch of paper forms entered without entering each form.
//!
//! Anonymity is structural: a response holds the questionnaire, the unit it is
//! about, the day and the answers, nothing else. Its envelope carries no time finer
//! than the day either (`anonymous_meta`).

use crate::date::Day;
use crate::i18n::T;
use crate::id::Id;
use crate::labelled_enum;
use crate::meta::{Meta, Timestamp};
use crate::questionnaire::{QuestionType, Questionnaire};
use crate::validation::{Checker, Invalid};
use serde::{Deserialize, Serialize};

labelled_enum! {
    /// How the response was collected.
    pub enum Channel {
        Kiosk => ChannelKiosk,
        File => ChannelFile,
        Paper => ChannelPaper,
    }
}

/// The answer to one question. A choice question fills `choices` (indexes into
/// its options or levels), a number question `number`, a text question `text`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub question: Id,
    #[serde(default)]
    pub choices: Vec<u32>,
    #[serde(default)]
    pub number: Option<i64>,
    #[serde(default)]
    pub text: String,
}

impl Answer {
    /// No answer yet to `question`.
    pub fn to(question: Id) -> Answer {
        Answer { question, choices: Vec::new(), number: None, text: String::new() }
    }

    pub fn is_empty(&self) -> bool {
        self.choices.is_empty() && self.number.is_none() && self.text.trim().is_empty()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Response {
    pub questionnaire: Id,
    /// The unit the answers are about, when the questionnaire covers several.
    #[serde(default)]
    pub target: Option<Id>,
    pub day: Day,
    pub channel: Channel,
    #[serde(default, deserialize_with = "crate::validation::objects")]
    pub answers: Vec<Answer>,
}

/// Where a response is unacceptable, by question (index in the questionnaire).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AnswerError {
    pub question: usize,
    pub msg: T,
}

impl Response {
    pub fn answer(&self, question: Id) -> Option<&Answer> {
        self.answers.iter().find(|a| a.question == question && !a.is_empty())
    }

    /// Checks the answers against the questions: required ones answered, choices
    /// in range and within the maximum, one choice where one is asked for. A paper
    /// form is entered as it came back, so a question left blank on it is no error.
    pub fn check(&self, q: &Questionnaire) -> Result<(), Vec<AnswerError>> {
        let mut errors = Vec::new();
        for (i, question) in q.questions.iter().enumerate() {
            let mut fail = |msg| errors.push(AnswerError { question: i, msg });
            let Some(a) = self.answer(question.id) else {
                if question.required && self.channel != Channel::Paper {
                    fail(T::ErrAnswerRequired);
                }
                continue;
            };
            let n = question.choices().len() as u32;
            match question.kind {
                QuestionType::Single | QuestionType::Rating => {
                    if a.choices.len() != 1 || a.choices[0] >= n {
                        fail(T::ErrAnswerOneChoice);
                    }
                }
                QuestionType::Multiple => {
                    let mut seen = std::collections::HashSet::new();
                    if !a.choices.iter().all(|c| *c < n && seen.insert(*c)) {
                        fail(T::ErrAnswerOneChoice);
                    } else if question.max_choices.is_some_and(|m| a.choices.len() as u32 > m) {
                        fail(T::ErrAnswerTooMany);
                    }
                }
                QuestionType::Number => {
                    if a.number.is_none() || !a.choices.is_empty() {
                        fail(T::ErrAnswerNumber);
                    }
                }
                QuestionType::Text => {}
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// Checks as the store does: the questionnaire must be there, and the answers fit it.
    pub fn validate(&self, q: Option<&Questionnaire>) -> Result<(), Vec<Invalid>> {
        let mut c = Checker::default();
        match q {
            None => {
                c.check(false, "questionnaire", T::ErrQuestionnaireMissing);
            }
            Some(q) => {
                c.check(self.check(q).is_ok(), "answers", T::ErrAnswersInvalid);
                c.check(self.answers.iter().all(|a| q.question(a.question).is_some()), "answers", T::ErrAnswersInvalid);
            }
        }
        c.finish()
    }
}

/// The counts of one option over a batch of paper forms.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionCount {
    pub question: Id,
    pub option: u32,
    pub count: u32,
}

/// 纸质汇总: a batch of paper forms entered as per-option counts only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaperBatch {
    pub questionnaire: Id,
    #[serde(default)]
    pub target: Option<Id>,
    pub day: Day,
    /// How many forms the batch holds.
    pub forms: u32,
    #[serde(default, deserialize_with = "crate::validation::objects")]
    pub counts: Vec<OptionCount>,
}

impl PaperBatch {
    pub fn count(&self, question: Id, option: u32) -> u32 {
        self.counts.iter().filter(|c| c.question == question && c.option == option).map(|c| c.count).sum()
    }

    /// Sets one count, dropping the entry at zero.
    pub fn set_count(&mut self, question: Id, option: u32, count: u32) {
        self.counts.retain(|c| !(c.question == question && c.option == option));
        if count > 0 {
            self.counts.push(OptionCount { question, option, count });
        }
    }

    /// A batch counts only choice questions; a single choice or a scale cannot
    /// have more ticks than forms, nor can any one option of a multiple choice.
    pub fn validate(&self, q: Option<&Questionnaire>) -> Result<(), Vec<Invalid>> {
        let mut c = Checker::default();
        let Some(q) = q else {
            c.check(false, "questionnaire", T::ErrQuestionnaireMissing);
            return c.finish();
        };
        c.check(self.forms > 0, "forms", T::ErrBatchForms);
        let fits = self.counts.iter().all(|oc| {
            q.question(oc.question)
                .is_some_and(|question| question.kind.is_choice() && (oc.option as usize) < question.choices().len())
        });
        c.check(fits, "counts", T::ErrAnswersInvalid);
        let within = q.questions.iter().filter(|x| x.kind.is_choice()).all(|question| {
            let n = question.choices().len() as u32;
            let per_option = (0..n).map(|o| self.count(question.id, o));
            match question.kind {
                QuestionType::Multiple => per_option.clone().all(|x| x <= self.forms),
                _ => per_option.sum::<u32>() <= self.forms,
            }
        });
        c.check(within, "counts", T::ErrBatchOverCount);
        c.finish()
    }
}

/// An envelope that says no more than the day: both times are that day's midnight (UTC).
pub fn anonymous_meta(id: Id, office: Id, day: Day) -> Meta {
    Meta::new(id, office, day_start(day))
}

/// Midnight (UTC) of `day`, as a timestamp.
pub fn day_start(day: Day) -> Timestamp {
    Timestamp(day.date().midnight().assume_utc())
}

impl crate::record::Model for Response {
    fn title(&self, _: crate::i18n::Lang, name_of: &dyn Fn(crate::Kind, Id) -> Option<String>) -> Option<String> {
        answered_title(self.questionnaire, self.day, name_of)
    }

    fn references(&self) -> Vec<crate::record::Reference> {
        answered_references(self.questionnaire, self.target)
    }

    fn field(path: &str) -> Option<crate::record::Field> {
        use crate::record::Field;
        Some(match path {
            "answers" => Field::words(T::FieldAnswers, answers_words),
            "channel" => Field::choice::<Channel>(T::FieldChannel),
            _ => return answered_field(path),
        })
    }
}

impl crate::record::Model for PaperBatch {
    fn title(&self, _: crate::i18n::Lang, name_of: &dyn Fn(crate::Kind, Id) -> Option<String>) -> Option<String> {
        answered_title(self.questionnaire, self.day, name_of)
    }

    fn references(&self) -> Vec<crate::record::Reference> {
        answered_references(self.questionnaire, self.target)
    }

    fn field(path: &str) -> Option<crate::record::Field> {
        use crate::record::Field;
        Some(match path {
            "forms" => Field::plain(T::FieldForms),
            "counts" => Field::words(T::FieldCounts, counts_words),
            _ => return answered_field(path),
        })
    }
}

/// A response or batch named by its questionnaire and day.
fn answered_title(questionnaire: Id, day: Day, name_of: &dyn Fn(crate::Kind, Id) -> Option<String>) -> Option<String> {
    Some(format!("{} {day}", name_of(crate::Kind::Questionnaire, questionnaire)?))
}

/// What a response and a paper batch both refer to: the questionnaire, and the unit.
fn answered_references(questionnaire: Id, target: Option<Id>) -> Vec<crate::record::Reference> {
    use crate::record::Reference;
    use crate::Kind;
    let mut out = vec![Reference::to("questionnaire", Kind::Questionnaire, questionnaire)];
    out.extend(Reference::maybe("target", Kind::Target, target));
    out
}

fn answered_field(path: &str) -> Option<crate::record::Field> {
    use crate::record::Field;
    use crate::Kind;
    Some(match path {
        "questionnaire" => Field::reference(T::KindQuestionnaire, Kind::Questionnaire),
        "target" => Field::reference(T::ColTarget, Kind::Target),
        "day" => Field::plain(T::FieldDay),
        _ => return None,
    })
}

/// Answers in words, one a question in order: the options ticked (numbered from 1),
/// the number or the text.
fn answers_words(
    value: &serde_json::Value,
    _: crate::i18n::Lang,
    _: &dyn Fn(crate::Kind, Id) -> Option<String>,
) -> String {
    let Ok(answers) = serde_json::from_value::<Vec<Answer>>(value.clone()) else {
        return crate::record::plain(value);
    };
    let one = |a: &Answer| {
        let mut parts: Vec<String> = Vec::new();
        if !a.choices.is_empty() {
            parts.push(a.choices.iter().map(|c| (c + 1).to_string()).collect::<Vec<_>>().join("/"));
        }
        parts.extend(a.number.map(|n| n.to_string()));
        if !a.text.is_empty() {
            parts.push(a.text.clone());
        }
        parts.join(" ")
    };
    answers.iter().enumerate().map(|(n, a)| format!("{}. {}", n + 1, one(a))).collect::<Vec<_>>().join("；")
}

/// A paper batch's ticks in words: option (numbered from 1) and count.
fn counts_words(
    value: &serde_json::Value,
    _: crate::i18n::Lang,
    _: &dyn Fn(crate::Kind, Id) -> Option<String>,
) -> String {
    match serde_json::from_value::<Vec<OptionCount>>(value.clone()) {
        Ok(counts) => crate::record::join(counts.iter().map(|c| format!("{}×{}", c.option + 1, c.count))),
        Err(_) => crate::record::plain(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id::{IdSource, SequentialIds};
    use crate::questionnaire::{template, Purpose};

    fn day() -> Day {
        Day::from_ymd(2026, 11, 22).unwrap_or_else(|| panic!("a valid day"))
    }

    fn answer(question: Id, choices: &[u32]) -> Answer {
        Answer { choices: choices.to_vec(), ..Answer::to(question) }
    }

    #[test]
    fn a_complete_response_fits_and_every_kind_of_mistake_is_placed_at_its_question() {
        let ids = SequentialIds::default();
        let q = template(Purpose::Survey, &ids);
        let id = |i: usize| q.questions[i].id;
        let mut r = Response {
            questionnaire: ids.next_id(),
            target: None,
            day: day(),
            channel: Channel::Kiosk,
            answers: vec![],
        };
        r.answers = vec![answer(id(1), &[0]), answer(id(2), &[1]), answer(id(3), &[3])];
        assert_eq!(r.check(&q), Ok(()), "optional questions may stay empty");
        r.answers.push(answer(id(4), &[0, 1, 2, 3]));
        r.answers.push(Answer { number: Some(12), ..Answer::to(id(5)) });
        r.answers[0].choices = vec![0, 1];
        r.answers.remove(1);
        let errors = r.check(&q).err().unwrap_or_default();
        assert_eq!(
            errors,
            vec![
                AnswerError { question: 1, msg: T::ErrAnswerOneChoice },
                AnswerError { question: 2, msg: T::ErrAnswerRequired },
                AnswerError { question: 4, msg: T::ErrAnswerTooMany },
            ]
        );
        r.answers[0].choices = vec![9];
        assert_eq!(r.check(&q).err().map(|e| e[0]), Some(AnswerError { question: 1, msg: T::ErrAnswerOneChoice }));
    }

    #[test]
    fn a_paper_form_may_leave_a_required_question_blank_but_not_tick_two_boxes_of_one() {
        let ids = SequentialIds::default();
        let q = template(Purpose::ConductReview, &ids);
        let mut r = Response {
            questionnaire: ids.next_id(),
            target: None,
            day: day(),
            channel: Channel::Paper,
            answers: vec![],
        };
        assert_eq!(r.check(&q), Ok(()), "a blank paper form is entered as it came back");
        r.answers.push(answer(q.questions[0].id, &[0, 1]));
        assert_eq!(r.check(&q).err().map(|e| e[0]), Some(AnswerError { question: 0, msg: T::ErrAnswerOneChoice }));
        r.channel = Channel::Kiosk;
        r.answers.clear();
        assert!(r.check(&q).is_err(), "on screen a required question must be answered");
    }

    #[test]
    fn a_response_carries_no_time_finer_than_the_day() {
        let meta = anonymous_meta(Id::nil(), Id::nil(), day());
        assert_eq!(meta.created_at, meta.updated_at);
        let text = serde_json::to_string(&meta.created_at).unwrap_or_default();
        assert!(text.contains("2026-11-22T00:00:00"), "{text}");
    }

    #[test]
    fn a_paper_batch_cannot_tick_more_than_it_has_forms() {
        let ids = SequentialIds::default();
        let q = template(Purpose::ConductReview, &ids);
        let scale = q.questions[0].id;
        let mut b = PaperBatch { questionnaire: ids.next_id(), target: None, day: day(), forms: 10, counts: vec![] };
        b.set_count(scale, 0, 7);
        b.set_count(scale, 1, 3);
        assert_eq!(b.validate(Some(&q)), Ok(()));
        b.set_count(scale, 2, 1);
        assert_eq!(b.validate(Some(&q)).err().map(|e| e[0].msg), Some(T::ErrBatchOverCount));
        b.set_count(scale, 2, 0);
        b.set_count(q.questions[5].id, 0, 1);
        assert_eq!(b.validate(Some(&q)).err().map(|e| e[0].msg), Some(T::ErrAnswersInvalid), "text is not counted");
        assert!(b.validate(None).is_err());
    }
}
