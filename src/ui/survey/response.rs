//! 答卷: the form respondents fill in. The designer previews it, kiosk mode shows
//! it to one respondent after another, and a respondent's own page fills it from a file.

use crate::ui::state::state;
use crate::ui::widgets::{today, tr};
use leptos::prelude::*;
use xuncha_core::i18n::{fill, T};
use xuncha_core::questionnaire::{Question, QuestionType, Questionnaire};
use xuncha_core::response::{Answer, AnswerError, Channel, Response};

/// The questions of `q` to answer. `on_submit` gets answers that fit the questions;
/// bumping `clear` empties the form (after a successful save, never before).
#[component]
pub fn ResponseForm(
    q: Questionnaire,
    submit_label: T,
    on_submit: Callback<Vec<Answer>>,
    #[prop(optional)] clear: Option<RwSignal<u32>>,
) -> impl IntoView {
    let clear = clear.unwrap_or_else(|| RwSignal::new(0));
    move || {
        let generation = clear.get();
        view! { <FormBody q=q.clone() submit_label=submit_label on_submit=on_submit generation=generation/> }
    }
}

#[component]
fn FormBody(q: Questionnaire, submit_label: T, on_submit: Callback<Vec<Answer>>, generation: u32) -> impl IntoView {
    let st = state();
    let answers = RwSignal::new(q.questions.iter().map(|x| Answer::to(x.id)).collect::<Vec<_>>());
    let errors = RwSignal::new(Vec::<AnswerError>::new());
    let check_against = q.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let given = answers.get_untracked();
        let probe = Response {
            questionnaire: xuncha_core::Id::nil(),
            target: None,
            day: today(),
            channel: Channel::Kiosk,
            answers: given.clone(),
        };
        match probe.check(&check_against) {
            Ok(()) => {
                errors.set(Vec::new());
                on_submit.run(given);
            }
            Err(found) => {
                errors.set(found);
                scroll_to_first_error();
            }
        }
    };
    let questions = q
        .questions
        .iter()
        .enumerate()
        .map(|(i, question)| view! { <QuestionBlock index=i question=question.clone() answers=answers errors=errors generation=generation/> })
        .collect_view();
    view! {
        <form class="response-form" data-testid="response-form" on:submit=submit novalidate=true>
            {questions}
            {move || (!errors.with(Vec::is_empty)).then(|| view! {
                <p class="form-errors" role="alert" data-testid="answer-errors">{st.t(T::AnswersIncomplete)}</p>
            })}
            <div class="buttons no-print">
                <button type="submit" data-testid="submit-response">{tr(submit_label)}</button>
            </div>
        </form>
    }
}

fn scroll_to_first_error() {
    let first =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(".question.invalid").ok().flatten());
    if let Some(el) = first {
        el.scroll_into_view();
    }
}

#[component]
fn QuestionBlock(
    index: usize,
    question: Question,
    answers: RwSignal<Vec<Answer>>,
    errors: RwSignal<Vec<AnswerError>>,
    generation: u32,
) -> impl IntoView {
    let st = state();
    let error = move || errors.with(|e| e.iter().find(|x| x.question == index).map(|x| x.msg));
    let chosen = move |o: u32| answers.with(|a| a[index].choices.contains(&o));
    let name = format!("q{generation}-{index}");
    let input = match question.kind {
        QuestionType::Single | QuestionType::Rating | QuestionType::Multiple => {
            let multiple = question.kind == QuestionType::Multiple;
            question
                .choices()
                .into_iter()
                .enumerate()
                .map(|(o, label)| {
                    let o = o as u32;
                    let toggle = move |_| {
                        answers.update(|a| {
                            let c = &mut a[index].choices;
                            if !multiple {
                                *c = vec![o];
                            } else if let Some(at) = c.iter().position(|x| *x == o) {
                                c.remove(at);
                            } else {
                                c.push(o);
                                c.sort_unstable();
                            }
                        })
                    };
                    view! {
                        <label class="choice">
                            <input
                                type=if multiple { "checkbox" } else { "radio" }
                                name=name.clone()
                                data-testid=format!("choice-{index}-{o}")
                                prop:checked=move || chosen(o)
                                on:change=toggle
                            />
                            <span class="box" aria-hidden="true"></span>
                            <span>{label.to_owned()}</span>
                        </label>
                    }
                })
                .collect_view()
                .into_any()
        }
        QuestionType::Number => view! {
            <input
                type="number"
                step="1"
                class="answer-number"
                data-testid=format!("number-{index}")
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    answers.update(|a| a[index].number = text.trim().parse::<i64>().ok());
                }
            />
        }
        .into_any(),
        QuestionType::Text => view! {
            <textarea
                rows="3"
                class="answer-text"
                data-testid=format!("text-{index}")
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    answers.update(|a| a[index].text = text);
                }
            ></textarea>
        }
        .into_any(),
    };
    let max = (question.kind == QuestionType::Multiple)
        .then_some(question.max_choices)
        .flatten()
        .map(|m| move || fill(st.t(T::MaxChoicesHint), &[("n", &m)]));
    let many = question.choices().len() > 5;
    view! {
        <fieldset class="question" class:invalid=move || error().is_some() data-testid=format!("question-{index}")>
            <legend>
                {format!("{}. {}", index + 1, question.text)}
                {question.required.then(|| view! { <span class="required no-print" title=move || st.t(T::Required)>" *"</span> })}
                {max.map(|m| view! { <span class="hint">" "{m}</span> })}
            </legend>
            <div class="choices" class:column=many>{input}</div>
            {move || error().map(|m| view! { <p class="question-error">{st.t(m)}</p> })}
        </fieldset>
    }
}

/// The title, introduction and the anonymity promise above every form.
#[component]
pub fn FormHead(q: Questionnaire) -> impl IntoView {
    view! {
        <header class="form-head">
            <h1 data-testid="form-title">{q.title.clone()}</h1>
            {(!q.intro.is_empty()).then(|| view! { <p class="intro">{q.intro.clone()}</p> })}
            <p class="anonymous no-print" data-testid="anonymous-note">{tr(T::AnonymousNote)}</p>
            // On paper only what the respondent needs to know: no record of who or when.
            <p class="anonymous print-only">{tr(T::AnonymousNotePaper)}</p>
        </header>
    }
}
