//! First run: name this office and choose its role before anything else.

use super::layout::LangSwitch;
use super::state::{state, Phase};
use super::widgets::{tr, EnumSelect, FormErrors, Input};
use leptos::prelude::*;
use xuncha_core::i18n::T;
use xuncha_core::office::OfficeRole;
use xuncha_core::ops;

#[component]
pub fn SetupPage() -> impl IntoView {
    let st = state();
    let name = RwSignal::new(String::new());
    let role = RwSignal::new(OfficeRole::County);
    let errors = RwSignal::new(None);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(store) = st.store() else { return };
        leptos::task::spawn_local(async move {
            match ops::set_up_office(
                store.as_ref(),
                super::AppState::ids(),
                &name.get_untracked(),
                role.get_untracked(),
            )
            .await
            {
                Ok(office) => {
                    st.office.set(Some(office));
                    st.phase.set(Phase::Ready);
                }
                Err(e) => errors.set(Some(e)),
            }
        });
    };
    view! {
        <div class="setup" data-testid="setup">
            <div class="setup-lang"><LangSwitch/></div>
            <h1>{tr(T::AppTitle)}</h1>
            <h2>{tr(T::SetupTitle)}</h2>
            <p>{tr(T::SetupIntro)}</p>
            <form on:submit=submit>
                <Input label=T::FieldOfficeName value=name field="name" errors=errors autofocus=true/>
                <EnumSelect label=T::FieldRole options=&OfficeRole::ALL value=role field="role"/>
                <FormErrors errors=errors/>
                <button type="submit" data-testid="setup-submit">{tr(T::SetupSubmit)}</button>
            </form>
            <p class="hint">{tr(T::StorageWhere)}</p>
            <p><a href=xuncha_core::route::Route::Answer.hash() data-testid="to-answer">{tr(T::AnswerLink)}</a></p>
        </div>
    }
}
