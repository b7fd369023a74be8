//! Exporting: a full backup or a package of one round, group or township, written
//! in steps behind a progress bar and sealed with a passphrase when asked to.

use super::{Progress, ProgressBar};
use crate::platform;
use crate::ui::state::state;
use crate::ui::widgets::{township_options, tr, RecordSelect};
use leptos::prelude::*;
use xuncha_core::exchange::export::{
    backup_file_name, full_backup, leave_out_persons, package, package_file_name, Scope, LAST_BACKUP_KEY,
    MIN_PASSPHRASE_CHARS, REMINDER_DAYS_KEY,
};
use xuncha_core::exchange::format::Source;
use xuncha_core::i18n::{fill, T};
use xuncha_core::id::Id;
use xuncha_core::store::{Store, StoreError};

#[component]
pub fn ExportSection() -> impl IntoView {
    let st = state();
    let days = RwSignal::new(st.reminder_days.get_untracked().to_string());
    let encrypt = RwSignal::new(false);
    let without_persons = RwSignal::new(false);
    let pass = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let progress = RwSignal::new(None::<Progress>);
    let round = RwSignal::new(None::<Id>);
    let group = RwSignal::new(None::<Id>);
    let township = RwSignal::new(None::<Id>);
    let rounds = Signal::derive(move || {
        let lang = st.lang.get();
        st.data.with(|d| d.rounds.iter().map(|r| (r.meta.id, d.round_title(r, lang))).collect::<Vec<_>>())
    });
    let groups = Signal::derive(move || {
        let lang = st.lang.get();
        st.data.with(|d| {
            d.groups
                .iter()
                .map(|g| {
                    let round = d.round(g.data.round).map(|r| d.round_title(r, lang)).unwrap_or_default();
                    (g.meta.id, format!("{round} {}", g.data.name))
                })
                .collect::<Vec<_>>()
        })
    });
    let townships = Signal::derive(move || st.data.with(township_options));

    // Exports a full backup (`None`) or a package, sealed when asked to.
    let export = move |scope: Option<Scope>| {
        let Some(store) = st.store() else { return };
        let Some(office) = st.office.get_untracked() else { return };
        let lang = st.lang.get_untracked();
        let passphrase = encrypt.get_untracked().then(|| pass.get_untracked());
        if let Some(p) = &passphrase {
            if p.chars().count() < MIN_PASSPHRASE_CHARS {
                return st.notify(T::ErrPassphraseShort.text(lang), true);
            }
            if *p != again.get_untracked() {
                return st.notify(T::ErrPassphraseMismatch.text(lang), true);
            }
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let now = platform::now();
            let source = Source { office_id: office.id, office_name: office.name.clone() };
            let store_msg = |e: StoreError| e.message().text(lang).to_owned();
            let result = async {
                let (file, name) = match scope {
                    None => {
                        let mut file = full_backup(store.as_ref(), source, now).await.map_err(store_msg)?;
                        if without_persons.get_untracked() {
                            leave_out_persons(&mut file, lang);
                            let label = T::ScopeAllButPersons.text(lang);
                            (file, package_file_name(&office.name, label, now.local_date_day()))
                        } else {
                            (file, backup_file_name(&office.name, now.local_date_day()))
                        }
                    }
                    Some(scope) => {
                        let found = package(store.as_ref(), scope, source, now, lang).await.map_err(store_msg)?;
                        let (file, label) = found.ok_or_else(|| T::NoRecords.text(lang).to_owned())?;
                        (file, package_file_name(&office.name, &label, now.local_date_day()))
                    }
                };
                super::save::write_out(&file, &name, passphrase, progress, lang).await?;
                // A file without the pool is not every record, so not a backup.
                if scope.is_none() && !without_persons.get_untracked() {
                    store.put_setting(LAST_BACKUP_KEY, &now).await.map_err(store_msg)?;
                    st.last_backup.set(Some(now));
                }
                Ok::<String, String>(name)
            };
            match result.await {
                Ok(name) => st.notify(fill(T::ExportedFile.text(lang), &[("file", &name)]), false),
                Err(msg) => st.notify(msg, true),
            }
            progress.set(None);
            busy.set(false);
        });
    };
    let save_days = move |_| {
        let Ok(n) = days.get_untracked().trim().parse::<u32>() else { return };
        let n = n.clamp(1, 365);
        st.reminder_days.set(n);
        if let Some(store) = st.store() {
            leptos::task::spawn_local(async move {
                let _ = store.put_setting(REMINDER_DAYS_KEY, &n).await;
            });
        }
    };
    let package_button = move |value: RwSignal<Option<Id>>, make: fn(Id) -> Scope, label: T, testid: &'static str| {
        view! {
            <button type="button" class="secondary" data-testid=testid
                disabled=move || busy.get() || value.get().is_none()
                on:click=move |_| { if let Some(id) = value.get_untracked() { export(Some(make(id))) } }
            >{tr(label)}</button>
        }
    };
    view! {
        <h2>{tr(T::ExportTitle)}</h2>
        <p class="hint">{tr(T::ExportHint)}</p>
        <crate::ui::home::BackupStatus/>
        <label class="check">
            <input type="checkbox" data-testid="export-encrypt" bind:checked=encrypt/>
            {tr(T::ExportEncrypt)}
        </label>
        <Show when=move || encrypt.get()>
            <div class="filters">
                <label class="field filter">
                    <span class="label">{tr(T::Passphrase)}</span>
                    <input type="password" autocomplete="new-password" data-testid="export-passphrase" bind:value=pass/>
                </label>
                <label class="field filter">
                    <span class="label">{tr(T::PassphraseAgain)}</span>
                    <input type="password" autocomplete="new-password" data-testid="export-passphrase-again" bind:value=again/>
                </label>
            </div>
        </Show>
        <label class="check" title=tr(T::ExportWithoutPersonsHint)>
            <input type="checkbox" data-testid="export-without-persons" bind:checked=without_persons/>
            {tr(T::ExportWithoutPersons)}
        </label>
        <div class="toolbar">
            <button type="button" data-testid="export-backup" disabled=move || busy.get() on:click=move |_| export(None)>{tr(T::ExportBackup)}</button>
            <Show when=move || busy.get()>
                <span class="hint" role="status" data-testid="exporting">{move || st.t(if encrypt.get() { T::Encrypting } else { T::Exporting })}</span>
            </Show>
            <ProgressBar progress=progress/>
            <label class="field filter inline">
                <span class="label">{tr(T::ReminderDays)}</span>
                <input type="number" min="1" max="365" data-testid="reminder-days" bind:value=days on:change=save_days/>
            </label>
        </div>
        <h3>{tr(T::PackagesTitle)}</h3>
        <p class="hint">{tr(T::PackagesHint)}</p>
        <div class="filters packages">
            <RecordSelect label=T::ColRound options=rounds value=round field="package-round" empty=T::None errors=None/>
            {package_button(round, Scope::Round, T::ExportRoundPackage, "export-round")}
            <RecordSelect label=T::ColGroup options=groups value=group field="package-group" empty=T::None errors=None/>
            {package_button(group, Scope::Group, T::ExportGroupPackage, "export-group")}
            <RecordSelect label=T::FieldTownship options=townships value=township field="package-township" empty=T::None errors=None/>
            {package_button(township, Scope::Township, T::ExportTownshipPackage, "export-township")}
        </div>
    }
}
