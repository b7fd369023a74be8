//! Collecting answers for one questionnaire: forms handed out per unit, kiosk
//! mode, paper forms, and files for respondents and other offices.

use super::kiosk::start_kiosk;
use super::paper::{PaperBatchForm, PaperEntry};
use crate::platform;
use crate::ui::state::state;
use crate::ui::widgets::{parse_count, target_sections, tr, FormErrors, Input, SectionSelect};
use leptos::prelude::*;
use xuncha_core::exchange::export::{package, package_file_name, Scope};
use xuncha_core::exchange::format::Source;
use xuncha_core::i18n::{fill, T};
use xuncha_core::ops::{self, OpError};
use xuncha_core::questionnaire::Questionnaire;
use xuncha_core::record::Record;
use xuncha_core::route::Route;

/// Collecting answers: forms handed out, kiosk mode, files for respondents and offices.
#[component]
pub fn Collect(q: Record<Questionnaire>) -> impl IntoView {
    let st = state();
    let errors = RwSignal::new(None::<OpError>);
    let targets = Signal::derive(move || st.data.with(|d| target_sections(d, st.lang.get())));
    let hand_target = RwSignal::new(q.data.target);
    let hand_count = RwSignal::new(q.data.handed_out_for(q.data.target).to_string());
    let kiosk_target = RwSignal::new(q.data.target);
    let pin = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let kiosk_error = RwSignal::new(None::<T>);
    let paper_target = RwSignal::new(q.data.target);
    let paper_mode = RwSignal::new(None::<bool>);
    let paper_q = q.clone();
    let id = q.meta.id;
    let current = move || st.data.with(|d| d.questionnaires.iter().find(|x| x.meta.id == id).cloned());
    Effect::new(move |_| {
        let t = hand_target.get();
        if let Some(q) = current() {
            hand_count.set(q.data.handed_out_entry(t).to_string());
        }
    });
    let save_handed = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(q) = current() else { return };
        let mut bad = Vec::new();
        let count = parse_count(&hand_count.get_untracked(), "handed_out", &mut bad);
        if !bad.is_empty() {
            return errors.set(Some(OpError::Invalid(bad)));
        }
        let mut data = q.data.clone();
        data.set_handed_out(hand_target.get_untracked(), count);
        st.act(errors, async move |s, ctx| ops::save_questionnaire(s, ctx, Some(&q), data).await, |_| ());
    };
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match start_kiosk(st, id, kiosk_target.get_untracked(), &pin.get_untracked(), &again.get_untracked()) {
            Ok(()) => kiosk_error.set(None),
            Err(e) => kiosk_error.set(Some(e)),
        }
    };
    let export = move |scope: Scope| {
        let Some(store) = st.store() else { return };
        let Some(office) = st.office.get_untracked() else { return };
        let lang = st.lang.get_untracked();
        leptos::task::spawn_local(async move {
            let now = platform::now();
            let source = Source { office_id: office.id, office_name: office.name.clone() };
            let result = async {
                let found = package(store.as_ref(), scope, source, now, lang)
                    .await
                    .map_err(|e| e.message().text(lang).to_owned())?;
                let (file, label) = found.ok_or_else(|| T::NoRecords.text(lang).to_owned())?;
                let failed = || T::ErrExportWrite.text(lang).to_owned();
                let text = file.to_json().map_err(|_| failed())?;
                let name = package_file_name(&office.name, &label, now.local_date_day());
                platform::download(&name, &text).map_err(|_| failed())?;
                Ok::<String, String>(name)
            };
            match result.await {
                Ok(name) => st.notify(fill(T::ExportedFile.text(lang), &[("file", &name)]), false),
                Err(msg) => st.notify(msg, true),
            }
        });
    };
    let handed_list = move || {
        let lang = st.lang.get();
        current().map(|q| {
            st.data.with(|d| {
                q.data
                    .handed_out
                    .iter()
                    .map(|h| {
                        let name = h
                            .target
                            .and_then(|t| d.target(t))
                            .map(|t| t.data.name.clone())
                            .unwrap_or_else(|| T::Overall.text(lang).to_owned());
                        view! { <li>{format!("{name}：{}", h.count)}</li> }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <div class="collect" data-testid="collect">
            <h2>{tr(T::HandedOutTitle)}</h2>
            <form class="filters" on:submit=save_handed>
                <SectionSelect label=T::ColTarget sections=targets value=hand_target field="hand-target" empty=T::Overall errors=Some(errors)/>
                <Input label=T::FieldHandedOut value=hand_count field="handed_out" errors=errors kind="number"/>
                <button type="submit" data-testid="save-handed-out">{tr(T::Save)}</button>
            </form>
            <ul class="plain" data-testid="handed-out-list">{handed_list}</ul>
            <FormErrors errors=errors/>

            <h2>{tr(T::KioskTitle)}</h2>
            <p class="hint">{tr(T::KioskHint)}</p>
            <form class="filters" on:submit=start>
                <SectionSelect label=T::ColTarget sections=targets value=kiosk_target field="kiosk-target" empty=T::None errors=None/>
                <label class="field filter">
                    <span class="label">{tr(T::KioskPin)}</span>
                    <input type="password" inputmode="numeric" autocomplete="new-password" data-testid="kiosk-new-pin" bind:value=pin/>
                </label>
                <label class="field filter">
                    <span class="label">{tr(T::KioskPinAgain)}</span>
                    <input type="password" inputmode="numeric" autocomplete="new-password" data-testid="kiosk-new-pin-again" bind:value=again/>
                </label>
                <button type="submit" data-testid="start-kiosk">{tr(T::StartKiosk)}</button>
            </form>
            {move || kiosk_error.get().map(|e| view! { <p class="form-errors" role="alert" data-testid="kiosk-error">{st.t(e)}</p> })}

            <h2>{tr(T::PaperTitle)}</h2>
            <p class="hint">{tr(T::PaperHint)}</p>
            <div class="toolbar">
                <SectionSelect label=T::ColTarget sections=targets value=paper_target field="paper-target" empty=T::None errors=None/>
                <button type="button" class="secondary" data-testid="paper-entry-start" on:click=move |_| paper_mode.set(Some(true))>{tr(T::PaperEntryStart)}</button>
                <button type="button" class="secondary" data-testid="paper-batch-start" on:click=move |_| paper_mode.set(Some(false))>{tr(T::PaperBatchStart)}</button>
            </div>
            {move || {
                let t = paper_target.get();
                match paper_mode.get() {
                    Some(true) => view! { <PaperEntry q=paper_q.clone() target=t/> }.into_any(),
                    Some(false) => view! { <PaperBatchForm q=paper_q.clone() target=t/> }.into_any(),
                    None => ().into_any(),
                }
            }}

            <h2>{tr(T::ByFileTitle)}</h2>
            <p class="hint">{tr(T::ByFileHint)}</p>
            <div class="toolbar">
                <button type="button" class="secondary" data-testid="export-questionnaire" on:click=move |_| export(Scope::Questionnaire(id))>{tr(T::ExportBlankQuestionnaire)}</button>
                <button type="button" class="secondary" data-testid="export-responses" on:click=move |_| export(Scope::Responses(id))>{tr(T::ExportWithResponses)}</button>
                <a href=Route::Exchange.hash()>{tr(T::ImportResponsesLink)}</a>
            </div>
        </div>
    }
}
