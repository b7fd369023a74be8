//! 答卷: the form respondents fill in (previewed by the designer, used in kiosk
//! mode and by respondents who open a questionnaire file), and the kiosk screen.

use crate::platform;
use crate::ui::ledger::today;
use crate::ui::state::state;
use crate::ui::widgets::tr;
use leptos::prelude::*;
use xuncha_core::i18n::{fill, T};
use xuncha_core::kiosk::{KioskSession, KIOSK_KEY};
use xuncha_core::ops::{self, OpError};
use xuncha_core::questionnaire::{Question, QuestionType, Questionnaire};
use xuncha_core::response::{Answer, AnswerError, Channel, Response};
use xuncha_core::route::Route;
use xuncha_core::store::Store;

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
                {question.required.then(|| view! { <span class="required" title=move || st.t(T::Required)>" *"</span> })}
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
            <p class="anonymous" data-testid="anonymous-note">{tr(T::AnonymousNote)}</p>
        </header>
    }
}

/// 现场填写: the whole window is one anonymous form, handed from person to person.
/// Nothing else of the app is reachable until the PIN set at the start is typed.
#[component]
pub fn KioskScreen(session: KioskSession) -> impl IntoView {
    let st = state();
    let q = st.data.with_untracked(|d| d.questionnaires.iter().find(|q| q.meta.id == session.questionnaire).cloned());
    let clear = RwSignal::new(0u32);
    let thanks = RwSignal::new(false);
    let saving = RwSignal::new(false);
    let errors = RwSignal::new(None::<OpError>);
    let target = session.target;
    let Some(q) = q else {
        // The questionnaire is gone (deleted in another tab): the session cannot go on.
        return view! { <KioskExit session=session always_open=true/> }.into_any();
    };
    let qid = q.meta.id;
    let submit = Callback::new(move |answers: Vec<Answer>| {
        if saving.get_untracked() {
            return;
        }
        let Some(store) = st.store() else { return };
        saving.set(true);
        let data = Response { questionnaire: qid, target, day: today(), channel: Channel::Kiosk, answers };
        let office = st.office.get_untracked().map(|o| o.id).unwrap_or(xuncha_core::Id::nil());
        leptos::task::spawn_local(async move {
            let ctx = ops::Ctx { office, now: platform::now(), ids: crate::ui::state::AppState::ids() };
            store.take_written();
            match ops::save_response(store.as_ref(), &ctx, data).await {
                Ok(_) => {
                    errors.set(None);
                    let written = store.take_written();
                    st.data.update(|d| d.apply(written));
                    clear.update(|n| *n += 1);
                    thanks.set(true);
                    if let Some(w) = web_sys::window() {
                        w.scroll_to_with_x_and_y(0.0, 0.0);
                    }
                }
                // The answers stay in the form, so nothing is lost; the message says why.
                Err(e) => errors.set(Some(e)),
            }
            saving.set(false);
        });
    });
    let target_name =
        target.and_then(|t| st.data.with_untracked(|d| d.target(t).map(|t| t.data.name.clone()))).unwrap_or_default();
    let data = q.data.clone();
    view! {
        <div class="kiosk" data-testid="kiosk">
            <FormHead q=data.clone()/>
            {(!target_name.is_empty()).then(|| view! { <p class="kiosk-target">{move || fill(st.t(T::KioskAbout), &[("name", &target_name)])}</p> })}
            <Show when=move || thanks.get()>
                <div class="kiosk-thanks" role="status" data-testid="kiosk-thanks">
                    <p>{tr(T::KioskThanks)}</p>
                    <button type="button" data-testid="next-respondent" on:click=move |_| thanks.set(false)>{tr(T::KioskNext)}</button>
                </div>
            </Show>
            <div class:hidden=move || thanks.get()>
                <ResponseForm q=data submit_label=T::KioskSubmit on_submit=submit clear=clear/>
                {move || errors.get().map(|e| view! { <p class="form-errors" role="alert">{e.messages(st.lang.get()).join(" ")}</p> })}
            </div>
            <KioskExit session=session always_open=false/>
        </div>
    }
    .into_any()
}

/// The small way out of kiosk mode: it asks for the PIN.
#[component]
fn KioskExit(session: KioskSession, always_open: bool) -> impl IntoView {
    let st = state();
    let open = RwSignal::new(always_open);
    let pin = RwSignal::new(String::new());
    let wrong = RwSignal::new(false);
    let questionnaire = session.questionnaire;
    let session = StoredValue::new(session);
    let unlock = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !session.with_value(|s| s.unlocks(&pin.get_untracked())) {
            wrong.set(true);
            pin.set(String::new());
            return;
        }
        let Some(store) = st.store() else { return };
        leptos::task::spawn_local(async move {
            match store.put_setting(KIOSK_KEY, &None::<KioskSession>).await {
                Ok(()) => {
                    st.kiosk.set(None);
                    st.go(Route::Questionnaire(questionnaire));
                }
                Err(e) => st.notify(e.message().text(st.lang.get_untracked()), true),
            }
        });
    };
    view! {
        <div class="kiosk-exit no-print">
            <Show
                when=move || open.get()
                fallback=move || view! { <button type="button" class="link" data-testid="kiosk-exit" on:click=move |_| open.set(true)>{tr(T::KioskLeave)}</button> }
            >
                <form class="toolbar" on:submit=unlock>
                    <label class="field inline">
                        <span class="label">{tr(T::KioskPin)}</span>
                        <input type="password" inputmode="numeric" autocomplete="off" data-testid="kiosk-pin" bind:value=pin/>
                    </label>
                    <button type="submit" data-testid="kiosk-unlock">{tr(T::KioskUnlock)}</button>
                    <Show when=move || wrong.get()><span class="error-text" role="alert" data-testid="kiosk-wrong-pin">{tr(T::ErrPinWrong)}</span></Show>
                </form>
            </Show>
        </div>
    }
}

/// Starts kiosk mode for `q` once the PIN is typed twice alike. Takes the state
/// because it runs in an event handler, outside the component tree.
pub fn start_kiosk(
    st: crate::ui::state::AppState,
    q: xuncha_core::Id,
    target: Option<xuncha_core::Id>,
    pin: &str,
    again: &str,
) -> Result<(), T> {
    xuncha_core::kiosk::check_pin(pin, again)?;
    let salt = platform::random_bytes::<16>().map_err(|_| T::ErrBackend)?;
    let session = KioskSession::start(q, target, pin, salt);
    let Some(store) = st.store() else { return Err(T::ErrBackend) };
    leptos::task::spawn_local(async move {
        match store.put_setting(KIOSK_KEY, &Some(&session)).await {
            Ok(()) => st.kiosk.set(Some(session)),
            Err(e) => st.notify(e.message().text(st.lang.get_untracked()), true),
        }
    });
    Ok(())
}

/// 文件答卷: a respondent opens a blank questionnaire file in their own copy of
/// the app, answers, and saves a response file to hand back. Nothing is stored in
/// this browser, and no office needs to be set up.
#[component]
pub fn AnswerPage() -> impl IntoView {
    let st = state();
    let loaded = RwSignal::new(None::<Questionnaire>);
    let choices = RwSignal::new(Vec::<xuncha_core::record::Record<Questionnaire>>::new());
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<String>);
    let clear = RwSignal::new(0u32);
    let qid = RwSignal::new(xuncha_core::Id::nil());
    let target = RwSignal::new(None::<xuncha_core::Id>);
    let pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|l| l.get(0)) else { return };
        input.set_value("");
        let lang = st.lang.get_untracked();
        error.set(None);
        saved.set(None);
        leptos::task::spawn_local(async move {
            let bytes = match platform::read_file(&file).await {
                Ok(b) => b,
                Err(e) => return error.set(Some(format!("{e:?}"))),
            };
            match xuncha_core::exchange::ExchangeFile::open(&bytes, None) {
                Ok(f) => {
                    let live: Vec<_> = f.records.questionnaires.into_iter().filter(|q| q.is_live()).collect();
                    match live.first() {
                        None => error.set(Some(T::ErrNoQuestionnaireInFile.text(lang).to_owned())),
                        Some(first) => {
                            qid.set(first.meta.id);
                            target.set(first.data.target);
                            loaded.set(Some(first.data.clone()));
                            choices.set(live);
                        }
                    }
                }
                Err(e) => error.set(Some(e.message(lang))),
            }
        });
    };
    let choose = move |ev: leptos::ev::Event| {
        let Ok(id) = event_target_value(&ev).parse::<xuncha_core::Id>() else { return };
        if let Some(q) = choices.with_untracked(|c| c.iter().find(|q| q.meta.id == id).cloned()) {
            qid.set(id);
            target.set(q.data.target);
            loaded.set(Some(q.data));
        }
    };
    let submit = Callback::new(move |answers: Vec<Answer>| {
        let Some(q) = loaded.get_untracked() else { return };
        let lang = st.lang.get_untracked();
        let day = today();
        let data = Response {
            questionnaire: qid.get_untracked(),
            target: target.get_untracked(),
            day,
            channel: Channel::File,
            answers,
        };
        // A fresh id stands in for an office, so the file links to no one.
        let ids = crate::ui::state::AppState::ids();
        let writer = xuncha_core::id::IdSource::next_id(ids);
        let result = ops::response_record(ids, writer, &q, data)
            .map_err(|_| T::ErrAnswersInvalid.text(lang).to_owned())
            .and_then(|record| {
                let name = response_file_name(&q.title, day, record.meta.id);
                let file = xuncha_core::exchange::ExchangeFile::new(
                    xuncha_core::exchange::Source {
                        office_id: writer,
                        office_name: T::Respondent.text(lang).to_owned(),
                    },
                    xuncha_core::response::day_start(day),
                    xuncha_core::exchange::FileKind::Package {
                        scope: fill(T::ScopeResponseFile.text(lang), &[("title", &q.title)]),
                    },
                    xuncha_core::exchange::Records { responses: vec![record], ..Default::default() },
                );
                let text = file.to_json().map_err(|e| e.to_string())?;
                platform::download(&name, &text).map_err(|e| format!("{e:?}"))?;
                Ok(name)
            });
        match result {
            Ok(name) => {
                saved.set(Some(name));
                clear.update(|n| *n += 1);
            }
            Err(msg) => error.set(Some(msg)),
        }
    });
    view! {
        <div class="kiosk answer-page" data-testid="answer-page">
            <div class="setup-lang no-print"><crate::ui::layout::LangSwitch/></div>
            <h2 class="no-print">{tr(T::AnswerTitle)}</h2>
            <p class="hint no-print">{tr(T::AnswerHint)}</p>
            <label class="file-pick no-print">
                <span>{tr(T::AnswerOpen)}</span>
                <input type="file" accept=".json,application/json" data-testid="answer-file" on:change=pick/>
            </label>
            {move || error.get().map(|e| view! { <p class="form-errors" role="alert" data-testid="answer-error">{e}</p> })}
            {move || (choices.with(Vec::len) > 1).then(|| view! {
                <label class="field no-print">
                    <span class="label">{tr(T::KindQuestionnaire)}</span>
                    <select data-testid="answer-choose" on:change=choose>
                        {choices.get().into_iter().map(|q| view! { <option value=q.meta.id.to_string()>{q.data.title.clone()}</option> }).collect_view()}
                    </select>
                </label>
            })}
            {move || saved.get().map(|name| view! {
                <div class="kiosk-thanks" role="status" data-testid="answer-saved">
                    <p>{move || fill(st.t(T::AnswerSaved), &[("file", &name)])}</p>
                </div>
            })}
            {move || loaded.get().map(|q| view! {
                <FormHead q=q.clone()/>
                <ResponseForm q=q submit_label=T::AnswerSubmit on_submit=submit clear=clear/>
            })}
        </div>
    }
}

/// "问卷答卷-城关镇群众满意度调查-2026-11-22-1a2b3c4d.json": the id's start keeps
/// the files of one day apart, and says nothing about who answered.
fn response_file_name(title: &str, day: xuncha_core::date::Day, id: xuncha_core::Id) -> String {
    let title: String = title.chars().filter(|c| !"\\/:*?\"<>|".contains(*c)).collect();
    let short: String = id.to_string().chars().take(8).collect();
    format!("问卷答卷-{}-{day}-{short}.json", title.trim())
}

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
            let Some(store) = st.store() else { return };
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
            let office = st.office.get_untracked().map(|o| o.id).unwrap_or(xuncha_core::Id::nil());
            let blank = blank.clone();
            leptos::task::spawn_local(async move {
                let ctx = ops::Ctx { office, now: platform::now(), ids: crate::ui::state::AppState::ids() };
                store.take_written();
                match ops::save_response(store.as_ref(), &ctx, response).await {
                    Ok(_) => {
                        let written = store.take_written();
                        st.data.update(|d| d.apply(written));
                        entered.update(|n| *n += 1);
                        errors.set(None);
                        answers.set(blank());
                        go(0);
                    }
                    // The form stays as typed; the message says why.
                    Err(e) => errors.set(Some(e)),
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
            let n = crate::ui::widgets::parse_count(&forms.get_untracked(), "forms", &mut bad);
            let mut batch = xuncha_core::response::PaperBatch {
                questionnaire: qid,
                target,
                day: today(),
                forms: n,
                counts: Vec::new(),
            };
            for (_, question, option, value) in &cells {
                let count = crate::ui::widgets::parse_count(&value.get_untracked(), "counts", &mut bad);
                batch.set_count(*question, *option, count);
            }
            if !bad.is_empty() {
                return errors.set(Some(OpError::Invalid(bad)));
            }
            let cells = cells.clone();
            st.act(
                errors,
                move |s, ctx| async move { ops::save_paper_batch(s.as_ref(), &ctx, None, batch).await.map(|_| ()) },
                move || {
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
                        if !crate::ui::widgets::confirm(st.t(T::ConfirmDeleteBatch)) {
                            return;
                        }
                        let record = record.clone();
                        st.act(
                            errors,
                            move |s, ctx| async move { ops::delete_record(s.as_ref(), &ctx, &record).await },
                            || (),
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
            <crate::ui::widgets::Input label=T::FieldForms value=forms field="forms" errors=errors kind="number"/>
            <table class="list compact"><tbody>{table}</tbody></table>
            <crate::ui::widgets::FormErrors errors=errors/>
            <button type="submit" data-testid="save-batch">{tr(T::Save)}</button>
            <h4>{tr(T::PaperBatches)}</h4>
            <ul class="plain">{batches}</ul>
        </form>
    }
}
