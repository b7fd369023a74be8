//! Settings: this office, the language, and where the data lives.

use super::layout::LangSwitch;
use super::state::state;
use super::widgets::{tr, EnumSelect, FormErrors, Input};
use crate::platform;
use leptos::prelude::*;
use xuncha_core::i18n::T;
use xuncha_core::office::OfficeRole;
use xuncha_core::ops;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let st = state();
    let Some(office) = st.office.get_untracked() else {
        return ().into_any();
    };
    let name = RwSignal::new(office.name.clone());
    let role = RwSignal::new(office.role);
    let errors = RwSignal::new(None);
    let office_id = office.id.to_string();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut updated = office.clone();
        updated.name = name.get_untracked();
        updated.role = role.get_untracked();
        st.act(
            errors,
            async move |s, _| ops::update_office(s, &updated).await.map(|()| updated),
            move |mut updated| {
                updated.name = updated.name.trim().to_owned();
                st.office.set(Some(updated));
            },
        );
    };
    view! {
        <section class="settings">
            <h1>{tr(T::SettingsTitle)}</h1>
            <h2>{tr(T::SettingsOffice)}</h2>
            <form on:submit=save>
                <Input label=T::FieldOfficeName value=name field="name" errors=errors/>
                <EnumSelect label=T::FieldRole options=&OfficeRole::ALL value=role field="role"/>
                <p class="field"><span class="label">{tr(T::OfficeIdLabel)}</span><code data-testid="office-id">{office_id}</code></p>
                <FormErrors errors=errors/>
                <button type="submit" data-testid="save">{tr(T::Save)}</button>
            </form>
            <h2>{tr(T::SettingsLanguage)}</h2>
            <LangSwitch/>
            <h2>{tr(T::SettingsStorage)}</h2>
            <p>{tr(T::StorageWhere)}</p>
            <p>{move || st.t(st.persistence.get().message())}</p>
            <p class="hint">{tr(T::EmergencyExportHint)}</p>
            <button type="button" class="secondary" data-testid="emergency-export" on:click=move |_| { platform::emergency_export(); }>{tr(T::EmergencyExport)}</button>
        </section>
    }
    .into_any()
}
