//! 文件答卷: the respondent's page, which needs neither an office nor the database:
//! it opens a questionnaire file and saves the answers as a file to hand back.

use super::response::{FormHead, ResponseForm};
use crate::platform;
use crate::ui::layout::LangSwitch;
use crate::ui::state::state;
use crate::ui::widgets::{today, tr};
use leptos::prelude::*;
use xuncha_core::i18n::{fill, T};
use xuncha_core::ops;
use xuncha_core::questionnaire::Questionnaire;
use xuncha_core::response::{Answer, Channel, Response};

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
                Err(_) => return error.set(Some(T::ErrFileUnreadable.text(lang).to_owned())),
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
                let text = file.to_json().map_err(|_| T::ErrExportWrite.text(lang).to_owned())?;
                platform::download(&name, &text).map_err(|_| T::ErrExportWrite.text(lang).to_owned())?;
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
            <div class="setup-lang no-print"><LangSwitch/></div>
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
