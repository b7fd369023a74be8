//! 问卷统计: per question, the count and percentage of each option, the weighted
//! score of a rating scale, a summary of numbers and the list of free-text answers;
//! and forms handed out against forms returned.
//!
//! Percentages are of the forms that answered the question (for a multiple choice
//! they may add up to more than 100). A paper batch counts as `forms` answers to
//! each of its choice questions' multiple choices, and as the sum of its ticks for
//! a single choice or a scale.

use crate::id::Id;
use crate::questionnaire::{Question, QuestionType, Questionnaire};
use crate::record::Record;
use crate::response::{PaperBatch, Response};
use std::collections::HashSet;

#[derive(Clone, Debug, PartialEq)]
pub struct OptionTally {
    pub label: String,
    pub count: u32,
    /// Of the forms that answered the question, 0–100.
    pub percent: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NumberSummary {
    pub count: u32,
    pub min: i64,
    pub max: i64,
    pub mean: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct QuestionTally {
    pub question: Question,
    /// Forms that answered this question.
    pub answered: u32,
    pub options: Vec<OptionTally>,
    /// A rating scale's weighted score: the mean of the answers' weights (0–100).
    pub score: Option<f64>,
    pub numbers: Option<NumberSummary>,
    /// Free-text answers, each on its own, never joined to the rest of its form.
    pub texts: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tally {
    pub handed_out: u32,
    pub returned: u32,
    /// returned / handed out, 0–100; none until something is handed out.
    pub return_rate: Option<f64>,
    pub questions: Vec<QuestionTally>,
}

fn percent(part: u32, whole: u32) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 * 100.0 / whole as f64
    }
}

/// The tally of `q` over its live responses and paper batches, for one target or
/// (`None`) for all. A response id met twice is counted once.
pub fn tally(
    q: &Record<Questionnaire>,
    responses: &[Record<Response>],
    batches: &[Record<PaperBatch>],
    target: Option<Id>,
) -> Tally {
    let here = |questionnaire: Id, of: Option<Id>| questionnaire == q.meta.id && (target.is_none() || of == target);
    let mut seen = HashSet::new();
    let mut forms: Vec<(Id, &Response)> = responses
        .iter()
        .filter(|r| r.is_live() && here(r.data.questionnaire, r.data.target) && seen.insert(r.meta.id))
        .map(|r| (r.meta.id, &r.data))
        .collect();
    // Ids are random, so this order tells nothing about who answered when.
    forms.sort_by_key(|(id, _)| *id);
    let forms: Vec<&Response> = forms.into_iter().map(|(_, r)| r).collect();
    let mut seen_batches = HashSet::new();
    let batches: Vec<&PaperBatch> = batches
        .iter()
        .filter(|b| b.is_live() && here(b.data.questionnaire, b.data.target) && seen_batches.insert(b.meta.id))
        .map(|b| &b.data)
        .collect();
    let returned = forms.len() as u32 + batches.iter().map(|b| b.forms).sum::<u32>();
    let handed_out = q.data.handed_out_for(target);
    let questions = q.data.questions.iter().map(|question| tally_question(question, &forms, &batches)).collect();
    Tally { handed_out, returned, return_rate: (handed_out > 0).then(|| percent(returned, handed_out)), questions }
}

fn tally_question(question: &Question, forms: &[&Response], batches: &[&PaperBatch]) -> QuestionTally {
    let labels = question.choices();
    let mut counts = vec![0u32; labels.len()];
    let mut answered = 0u32;
    let mut numbers = Vec::new();
    let mut texts = Vec::new();
    for answer in forms.iter().filter_map(|f| f.answer(question.id)) {
        match question.kind {
            QuestionType::Single | QuestionType::Multiple | QuestionType::Rating => {
                let valid: Vec<usize> =
                    answer.choices.iter().map(|c| *c as usize).filter(|c| *c < counts.len()).collect();
                if valid.is_empty() {
                    continue;
                }
                answered += 1;
                valid.into_iter().for_each(|c| counts[c] += 1);
            }
            QuestionType::Number => {
                if let Some(n) = answer.number {
                    answered += 1;
                    numbers.push(n);
                }
            }
            QuestionType::Text => {
                let text = answer.text.trim();
                if !text.is_empty() {
                    answered += 1;
                    texts.push(text.to_owned());
                }
            }
        }
    }
    if question.kind.is_choice() {
        for batch in batches {
            let ticks: Vec<u32> = (0..counts.len() as u32).map(|o| batch.count(question.id, o)).collect();
            counts.iter_mut().zip(&ticks).for_each(|(c, t)| *c += t);
            answered += match question.kind {
                QuestionType::Multiple if ticks.iter().any(|t| *t > 0) => batch.forms,
                QuestionType::Multiple => 0,
                _ => ticks.iter().sum(),
            };
        }
    }
    let options = labels
        .iter()
        .zip(&counts)
        .map(|(label, count)| OptionTally {
            label: (*label).to_owned(),
            count: *count,
            percent: percent(*count, answered),
        })
        .collect();
    let score = (question.kind == QuestionType::Rating && answered > 0).then(|| {
        let points: u64 = question.levels.iter().zip(&counts).map(|(l, c)| l.weight as u64 * *c as u64).sum();
        let ticks: u32 = counts.iter().sum();
        points as f64 / ticks.max(1) as f64
    });
    let summary = (!numbers.is_empty()).then(|| NumberSummary {
        count: numbers.len() as u32,
        min: numbers.iter().copied().min().unwrap_or(0),
        max: numbers.iter().copied().max().unwrap_or(0),
        mean: numbers.iter().map(|n| *n as f64).sum::<f64>() / numbers.len() as f64,
    });
    QuestionTally { question: question.clone(), answered, options, score, numbers: summary, texts }
}

/// The tallies of one questionnaire for several targets, side by side.
pub fn compare(
    q: &Record<Questionnaire>,
    responses: &[Record<Response>],
    batches: &[Record<PaperBatch>],
    targets: &[Id],
) -> Vec<(Id, Tally)> {
    targets.iter().map(|t| (*t, tally(q, responses, batches, Some(*t)))).collect()
}

/// The targets that have responses or batches for `q`, for the side-by-side view.
pub fn targets_answered(q: Id, responses: &[Record<Response>], batches: &[Record<PaperBatch>]) -> Vec<Id> {
    let mut out: Vec<Id> = Vec::new();
    let from_responses = responses.iter().filter(|r| r.is_live() && r.data.questionnaire == q).map(|r| r.data.target);
    let from_batches = batches.iter().filter(|b| b.is_live() && b.data.questionnaire == q).map(|b| b.data.target);
    for t in from_responses.chain(from_batches).flatten() {
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Day;
    use crate::id::{IdSource, SequentialIds};
    use crate::meta::{Meta, Timestamp};
    use crate::questionnaire::{template, Purpose};
    use crate::response::{Answer, Channel};

    fn rec<B>(ids: &SequentialIds, data: B) -> Record<B> {
        Record { meta: Meta::new(ids.next_id(), Id::nil(), Timestamp::from_unix_millis(0.0)), data }
    }

    fn day() -> Day {
        Day::from_ymd(2026, 11, 22).unwrap_or_else(|| panic!("a valid day"))
    }

    struct Fixture {
        ids: SequentialIds,
        q: Record<Questionnaire>,
    }

    impl Fixture {
        fn new() -> Fixture {
            let ids = SequentialIds::default();
            let mut data = template(Purpose::Survey, &ids);
            data.set_handed_out(None, 8);
            let q = rec(&ids, data);
            Fixture { ids, q }
        }

        fn qid(&self, i: usize) -> Id {
            self.q.data.questions[i].id
        }

        fn response(&self, target: Option<Id>, answers: Vec<Answer>) -> Record<Response> {
            let data = Response { questionnaire: self.q.meta.id, target, day: day(), channel: Channel::Kiosk, answers };
            rec(&self.ids, data)
        }

        fn choice(&self, i: usize, choices: &[u32]) -> Answer {
            Answer { choices: choices.to_vec(), ..Answer::to(self.qid(i)) }
        }
    }

    #[test]
    fn counts_percentages_and_the_weighted_score_of_a_scale_follow_the_answers() {
        let f = Fixture::new();
        // Question 1: 满意 100 / 基本满意 75 / 不满意 55 / 不了解 0.
        let responses = vec![
            f.response(None, vec![f.choice(1, &[0]), f.choice(4, &[0, 1])]),
            f.response(None, vec![f.choice(1, &[0]), f.choice(4, &[1])]),
            f.response(None, vec![f.choice(1, &[1])]),
            f.response(None, vec![f.choice(1, &[2]), Answer { number: Some(4), ..Answer::to(f.qid(5)) }]),
            // Answered nothing: returned, but counted in no question.
            f.response(None, vec![]),
        ];
        let t = tally(&f.q, &responses, &[], None);
        assert_eq!((t.handed_out, t.returned), (8, 5));
        assert_eq!(t.return_rate, Some(62.5));
        let scale = &t.questions[1];
        assert_eq!(scale.answered, 4);
        assert_eq!(scale.options.iter().map(|o| o.count).collect::<Vec<_>>(), vec![2, 1, 1, 0]);
        assert_eq!(scale.options.iter().map(|o| o.percent).collect::<Vec<_>>(), vec![50.0, 25.0, 25.0, 0.0]);
        assert_eq!(scale.score, Some((100.0 * 2.0 + 75.0 + 55.0) / 4.0));
        let multi = &t.questions[4];
        assert_eq!(multi.answered, 2);
        assert_eq!(multi.options[1].percent, 100.0, "both who answered ticked the second option");
        assert_eq!(multi.options[0].percent, 50.0);
        let numbers = t.questions[5].numbers.clone();
        assert_eq!(numbers, Some(NumberSummary { count: 1, min: 4, max: 4, mean: 4.0 }));
        assert_eq!(t.questions[2].answered, 0, "a question nobody answered");
        assert_eq!(t.questions[2].score, None);
        assert!(t.questions[2].options.iter().all(|o| o.percent == 0.0));
    }

    #[test]
    fn an_empty_questionnaire_tallies_to_zero_without_dividing_by_zero() {
        let mut f = Fixture::new();
        f.q.data.handed_out.clear();
        let t = tally(&f.q, &[], &[], None);
        assert_eq!((t.returned, t.return_rate), (0, None));
        assert!(t.questions.iter().all(|q| q.answered == 0 && q.score.is_none() && q.texts.is_empty()));
    }

    #[test]
    fn a_response_id_met_twice_counts_once_and_tombstones_not_at_all() {
        let f = Fixture::new();
        let one = f.response(None, vec![f.choice(1, &[0])]);
        let mut gone = f.response(None, vec![f.choice(1, &[3])]);
        gone.meta.deleted = true;
        let t = tally(&f.q, &[one.clone(), one.clone(), gone], &[], None);
        assert_eq!(t.returned, 1);
        assert_eq!(t.questions[1].options[0].count, 1);
        assert_eq!(t.questions[1].options[3].count, 0);
    }

    #[test]
    fn paper_batches_add_their_forms_and_ticks() {
        let f = Fixture::new();
        let mut batch = PaperBatch { questionnaire: f.q.meta.id, target: None, day: day(), forms: 10, counts: vec![] };
        batch.set_count(f.qid(1), 0, 6);
        batch.set_count(f.qid(1), 1, 3);
        batch.set_count(f.qid(4), 2, 4);
        let batches = vec![rec(&f.ids, batch)];
        let responses = vec![f.response(None, vec![f.choice(1, &[0])])];
        let t = tally(&f.q, &responses, &batches, None);
        assert_eq!(t.returned, 11);
        assert_eq!(t.questions[1].answered, 10, "nine ticks in the batch and one form");
        assert_eq!(t.questions[1].options[0].count, 7);
        assert_eq!(t.questions[1].options[0].percent, 70.0);
        assert_eq!(t.questions[4].answered, 10, "a multiple choice counts the whole batch");
        assert_eq!(t.questions[4].options[2].percent, 40.0);
    }

    #[test]
    fn targets_are_tallied_apart_and_compared_side_by_side() {
        let f = Fixture::new();
        let (a, b) = (f.ids.next_id(), f.ids.next_id());
        let mut q = f.q.clone();
        q.data.set_handed_out(Some(a), 4);
        let responses = vec![
            f.response(Some(a), vec![f.choice(1, &[0])]),
            f.response(Some(a), vec![f.choice(1, &[1])]),
            f.response(Some(b), vec![f.choice(1, &[3])]),
        ];
        assert_eq!(targets_answered(q.meta.id, &responses, &[]), vec![a, b]);
        let side = compare(&q, &responses, &[], &[a, b]);
        assert_eq!(side[0].1.returned, 2);
        assert_eq!(side[0].1.return_rate, Some(50.0));
        assert_eq!(side[1].1.questions[1].options[3].count, 1);
        assert_eq!(side[1].1.return_rate, None, "nothing handed out for b");
        assert_eq!(tally(&q, &responses, &[], None).returned, 3);
    }

    #[test]
    fn free_text_answers_are_listed_alone_and_trimmed() {
        let f = Fixture::new();
        let text = |s: &str| Answer { text: s.into(), ..Answer::to(f.qid(6)) };
        let responses = vec![
            f.response(None, vec![text("  加强村务公开 ")]),
            f.response(None, vec![text("<script>alert(1)</script>")]),
            f.response(None, vec![text("   ")]),
        ];
        let mut texts = tally(&f.q, &responses, &[], None).questions[6].texts.clone();
        texts.sort();
        assert_eq!(texts, vec!["<script>alert(1)</script>".to_owned(), "加强村务公开".to_owned()]);
    }
}
