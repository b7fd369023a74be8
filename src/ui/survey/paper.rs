//! Paper forms (纸质问卷): entering returned forms one by one from the keyboard,
//! or only the counts of a batch.

use crate::platform;
use crate::ui::state::state;
use crate::ui::widgets::{confirm, parse_count, today, tr, FormErrors, Input};
use leptos::prelude::*;
use xuncha_core::i18n::{fill, T};
use xuncha_core::ops::{self, OpError};
use xuncha_core::questionnaire::{QuestionType, Questionnaire};
use xuncha_core::response::{Answer, Channel, Response};

/// 纸质问卷逐份录入: one returned paper form per screen, from the keyboard only.
/// On a choice question the digits 1–9 tick options (a multiple choice toggles
/// them), Enter moves to the next question, Backspace on an empty question goes
/// back; Enter on the last question saves the form and starts the next one.
#[component]
pub fn PaperEntry(q: xuncha_core::record::Record<Questionnaire>, target: Option<xuncha_core::Id>) -> impl IntoView {
    let st = state();
    let questions = q.data.questions.clone();
    let count = questions.len();
    let blank = move || questions.iter().map(|x| Answer::to(x.id)).collect::<Vec<_>>();
    let answers = RwSignal::new(blank());
    let at = RwSignal::new(0usize);
    let entered = RwSignal::new(0u32);
    let errors = RwSignal::new(None::<OpError>);
    let saving = RwSignal::new(false);
    let qid = q.meta.id;
    let data = q.data.clone();
    // Every field is on the page all the time, so focus moves at once, before the
    // next key arrives: a fast typist's keys never land in the previous question.
    let focus_at = move |i: usize| {
        let el = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&format!("paper-field-{i}")))
            .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(n).ok());
        if let Some(el) = el {
            let _ = el.focus();
        }
    };
    let go = move |i: usize| {
        at.set(i);
        focus_at(i);
    };
    let save = {
        let blank = blank.clone();
        move || {
            if saving.get_untracked() {
                return;
            }
            saving.set(true);
            let response = Response {
                questionnaire: qid,
                target,
                day: today(),
                channel: Channel::Paper,
                answers: answers.get_untracked(),
            };
            let blank = blank.clone();
            leptos::task::spawn_local(async move {
                match st.write(async move |s, ctx| ops::save_response(s, ctx, response).await).await {
                    Some(Ok(_)) => {
                        entered.update(|n| *n += 1);
                        errors.set(None);
                        answers.set(blank());
                        go(0);
                    }
                    // The form stays as typed; the message says why.
                    Some(Err(e)) => errors.set(Some(e)),
                    None => {}
                }
                saving.set(false);
            });
        }
    };
    let keydown = {
        let data = data.clone();
        let save = save.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            let i = at.get_untracked();
            let Some(question) = data.questions.get(i) else { return };
            let key = ev.key();
            let typing = matches!(question.kind, QuestionType::Number | QuestionType::Text);
            match key.as_str() {
                "Enter" if !ev.shift_key() => {
                    ev.prevent_default();
                    if i + 1 >= count {
                        save();
                    } else {
                        go(i + 1);
                    }
                }
                "Backspace" if !typing || answers.with_untracked(|a| a[i].is_empty()) => {
                    if !typing && answers.with_untracked(|a| !a[i].choices.is_empty()) {
                        answers.update(|a| a[i].choices.clear());
                    } else if i > 0 {
                        go(i - 1);
                    }
                    ev.prevent_default();
                }
                "ArrowUp" if i > 0 => {
                    ev.prevent_default();
                    go(i - 1);
                }
                digit if !typing && digit.len() == 1 && digit.chars().all(|c| ('1'..='9').contains(&c)) => {
                    ev.prevent_default();
                    let o = digit.parse::<u32>().unwrap_or(1) - 1;
                    if (o as usize) < question.choices().len() {
                        let multiple = question.kind == QuestionType::Multiple;
                        answers.update(|a| {
                            let c = &mut a[i].choices;
                            if !multiple {
                                *c = vec![o];
                            } else if let Some(p) = c.iter().position(|x| *x == o) {
                                c.remove(p);
                            } else {
                                c.push(o);
                                c.sort_unstable();
                            }
                        });
                    }
                }
                _ => {}
            }
        }
    };
    // The first question takes the keyboard as soon as the table is on the page.
    leptos::task::spawn_local(async move {
        platform::yield_to_page().await;
        focus_at(0);
    });
    let rows = data
        .questions
        .iter()
        .enumerate()
        .map(|(i, question)| {
            let current = move || at.get() == i;
            let shown = {
                let question = question.clone();
                move || {
                    answers.with(|a| {
                        let x = &a[i];
                        match question.kind {
                            QuestionType::Number | QuestionType::Text => String::new(),
                            _ => x
                                .choices
                                .iter()
                                .filter_map(|c| question.choices().get(*c as usize).map(|l| format!("{}. {l}", c + 1)))
                                .collect::<Vec<_>>()
                                .join("  "),
                        }
                    })
                }
            };
            let options = question
                .choices()
                .iter()
                .enumerate()
                .map(|(o, l)| format!("{} {l}", o + 1))
                .collect::<Vec<_>>()
                .join("　");
            let field = match question.kind {
                QuestionType::Number => view! {
                    <input type="number" class="answer-number" id=format!("paper-field-{i}")
                        data-testid=format!("paper-number-{i}")
                        prop:value=move || answers.with(|a| a[i].number.map(|n| n.to_string()).unwrap_or_default())
                        on:input=move |ev| { let v = event_target_value(&ev); answers.update(|a| a[i].number = v.trim().parse().ok()) }
                        on:focus=move |_| at.set(i)/>
                }
                .into_any(),
                QuestionType::Text => view! {
                    <input type="text" class="answer-text" id=format!("paper-field-{i}")
                        data-testid=format!("paper-text-{i}")
                        prop:value=move || answers.with(|a| a[i].text.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); answers.update(|a| a[i].text = v) }
                        on:focus=move |_| at.set(i)/>
                }
                .into_any(),
                _ => view! {
                    <span class="paper-pick" tabindex="0" id=format!("paper-field-{i}")
                        data-testid=format!("paper-choice-{i}") on:focus=move |_| at.set(i)>{shown}</span>
                }
                .into_any(),
            };
            view! {
                <tr class:current=current>
                    <td class="num">{i + 1}</td>
                    <td>{question.text.clone()}<div class="hint">{options}</div></td>
                    <td>{field}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="paper-entry" data-testid="paper-entry" on:keydown=keydown>
            <p class="hint">{tr(T::PaperEntryHint)}</p>
            <p data-testid="paper-entered">{move || fill(st.t(T::PaperEntered), &[("n", &entered.get()), ("next", &(entered.get() + 1))])}</p>
            <table class="list compact paper-table"><tbody>{rows}</tbody></table>
            {move || errors.get().map(|e| view! { <p class="form-errors" role="alert">{e.messages(st.lang.get()).join(" ")}</p> })}
        </div>
    }
}

/// 纸质汇总: the number of forms in a batch and how many ticked each option.
#[component]
pub fn PaperBatchForm(q: xuncha_core::record::Record<Questionnaire>, target: Option<xuncha_core::Id>) -> impl IntoView {
    let st = state();
    let qid = q.meta.id;
    let forms = RwSignal::new(String::new());
    let errors = RwSignal::new(None::<OpError>);
    let cells: Vec<(usize, xuncha_core::Id, u32, RwSignal<String>)> = q
        .data
        .questions
        .iter()
        .enumerate()
        .filter(|(_, x)| x.kind.is_choice())
        .flat_map(|(i, x)| (0..x.choices().len() as u32).map(move |o| (i, x.id, o, RwSignal::new(String::new()))))
        .collect();
    let save = {
        let cells = cells.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let mut bad = Vec::new();
            let n = parse_count(&forms.get_untracked(), "forms", &mut bad);
            let mut batch = xuncha_core::response::PaperBatch {
                questionnaire: qid,
                target,
                day: today(),
                forms: n,
                counts: Vec::new(),
            };
            for (_, question, option, value) in &cells {
                let count = parse_count(&value.get_untracked(), "counts", &mut bad);
                batch.set_count(*question, *option, count);
            }
            if !bad.is_empty() {
                return errors.set(Some(OpError::Invalid(bad)));
            }
            let cells = cells.clone();
            st.act(
                errors,
                async move |s, ctx| ops::save_paper_batch(s, ctx, None, batch).await,
                move |_| {
                    forms.set(String::new());
                    cells.iter().for_each(|(_, _, _, v)| v.set(String::new()));
                },
            );
        }
    };
    let table = q
        .data
        .questions
        .iter()
        .enumerate()
        .filter(|(_, x)| x.kind.is_choice())
        .map(|(i, x)| {
            let inputs = x
                .choices()
                .into_iter()
                .enumerate()
                .map(|(o, label)| {
                    let value = cells.iter().find(|c| c.0 == i && c.2 == o as u32).map(|c| c.3);
                    view! {
                        <label class="field inline">
                            <span class="label">{label.to_owned()}</span>
                            <input type="number" min="0" data-testid=format!("batch-count-{i}-{o}")
                                on:input=move |ev| { if let Some(v) = value { v.set(event_target_value(&ev)) } }
                                prop:value=move || value.map(|v| v.get()).unwrap_or_default()/>
                        </label>
                    }
                })
                .collect_view();
            view! { <tr><td>{format!("{}. {}", i + 1, x.text)}</td><td class="batch-inputs">{inputs}</td></tr> }
        })
        .collect_view();
    let batches = move || {
        let lang = st.lang.get();
        st.data.with(|d| {
            d.paper_batches
                .iter()
                .filter(|b| b.data.questionnaire == qid)
                .map(|b| {
                    let record = b.clone();
                    let delete = move |_| {
                        if !confirm(st.t(T::ConfirmDeleteBatch)) {
                            return;
                        }
                        let record = record.clone();
                        st.act_saying(
                            errors,
                            T::Deleted,
                            async move |s, ctx| ops::delete_record(s, ctx, &record).await,
                            |_| (),
                        );
                    };
                    let line = fill(T::PaperBatchLine.text(lang), &[("day", &b.data.day), ("forms", &b.data.forms)]);
                    view! {
                        <li data-testid="paper-batch">{line}" "
                            <button type="button" class="link danger" on:click=delete>{T::Delete.text(lang)}</button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <form class="paper-batch" data-testid="paper-batch-form" on:submit=save>
            <p class="hint">{tr(T::PaperBatchHint)}</p>
            <Input label=T::FieldForms value=forms field="forms" errors=errors kind="number"/>
            <table class="list compact"><tbody>{table}</tbody></table>
            <FormErrors errors=errors/>
            <button type="submit" data-testid="save-batch">{tr(T::Save)}</button>
            <h4>{tr(T::PaperBatches)}</h4>
            <ul class="plain">{batches}</ul>
        </form>
    }
}
