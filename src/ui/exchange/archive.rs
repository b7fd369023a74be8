//! The conflict archive: every version that lost a field (or the whole record) to
//! an import's answer. Each can be opened beside the current record and restored;
//! the entry then stays, marked restored.

use crate::ui::state::state;
use crate::ui::widgets::{confirm, tr};
use leptos::prelude::*;
use xuncha_core::exchange::conflict::{conflict_rows, field_of, ConflictRow};
use xuncha_core::i18n::{fill, Label, Lang, T};
use xuncha_core::id::Id;
use xuncha_core::record::{AnyRecord, Kind};
use xuncha_core::store::{ArchivedVersion, Store};

/// An archived version opened beside the current record.
#[derive(Clone, Debug, PartialEq)]
struct Compare {
    entry: Id,
    title: String,
    /// Each differing field, and whether it is one the version lost.
    rows: Vec<(ConflictRow, bool)>,
    /// The record is no longer in this database.
    gone: bool,
}

/// The labels of the fields an entry lost, or "the whole record".
fn lost_fields(entry: &ArchivedVersion, lang: Lang) -> String {
    if entry.fields.is_empty() {
        return T::WholeRecord.text(lang).to_owned();
    }
    let labels: Vec<String> = entry
        .fields
        .iter()
        .map(|p| field_of(entry.kind, p).map(|f| f.label.text(lang).to_owned()).unwrap_or_else(|| p.clone()))
        .collect();
    labels.join("、")
}

#[component]
pub fn ArchiveSection(archive: RwSignal<Vec<ArchivedVersion>>, on_restored: Callback<()>) -> impl IntoView {
    let st = state();
    let errors = RwSignal::new(None);
    let viewing = RwSignal::new(None::<Compare>);
    let name_of = move |kind: Kind, id: Id, lang: Lang| st.data.with_untracked(|d| d.name_of(kind, id, lang));
    let open = move |entry: ArchivedVersion| {
        if viewing.with_untracked(|v| v.as_ref().is_some_and(|c| c.entry == entry.id)) {
            viewing.set(None);
            return;
        }
        let Some(store) = st.store() else { return };
        let lang = st.lang.get_untracked();
        leptos::task::spawn_local(async move {
            let Ok(archived) = AnyRecord::from_json(entry.kind, entry.record.clone()) else { return };
            let current = match store.get_any(entry.kind, entry.record_id).await {
                Ok(current) => current,
                Err(e) => return st.notify(e.message().text(lang).to_owned(), true),
            };
            let names = |kind, id| name_of(kind, id, lang);
            let title = archived.title_in(lang, &names);
            let rows = match &current {
                Some(c) => conflict_rows(c, &archived, lang, &names)
                    .into_iter()
                    .map(|row| {
                        let lost = entry.fields.is_empty() || entry.fields.iter().any(|f| f == &row.path);
                        (row, lost)
                    })
                    .collect(),
                None => Vec::new(),
            };
            viewing.set(Some(Compare { entry: entry.id, title, rows, gone: current.is_none() }));
        });
    };
    let rows = move || {
        let lang = st.lang.get();
        archive
            .get()
            .into_iter()
            .rev()
            .map(|entry| {
                let title = AnyRecord::from_json(entry.kind, entry.record.clone())
                    .map(|r| r.title_in(lang, &|kind, id| name_of(kind, id, lang)))
                    .unwrap_or_default();
                let from = if entry.from.is_empty() { T::ThisOffice.text(lang).to_owned() } else { entry.from.clone() };
                let lost = lost_fields(&entry, lang);
                let (kind, archived_at, restored_at) = (entry.kind, entry.archived_at, entry.restored_at);
                let view_entry = entry.clone();
                let restore = move |_| {
                    if !confirm(st.t(T::ConfirmRestore)) {
                        return;
                    }
                    let entry = entry.clone();
                    st.act(
                        errors,
                        async move |s, ctx| xuncha_core::ops::restore_archived(s, ctx, &entry).await,
                        move |_| {
                            viewing.set(None);
                            on_restored.try_run(());
                        },
                    );
                };
                let status = match restored_at {
                    Some(when) => view! {
                        <span class="hint" data-testid="restored">{fill(T::RestoredOn.text(lang), &[("when", &when.display_local())])}</span>
                    }
                    .into_any(),
                    None => view! {
                        <button type="button" class="link" data-testid="restore" on:click=restore>{tr(T::Restore)}</button>
                    }
                    .into_any(),
                };
                view! {
                    <tr data-testid="archive-row">
                        <td>{kind.label().text(lang)}</td>
                        <td>{title}</td>
                        <td data-testid="archive-lost">{lost}</td>
                        <td>{archived_at.display_local()}</td>
                        <td>{from}</td>
                        <td class="actions">
                            <button type="button" class="link" data-testid="view-archived" on:click=move |_| open(view_entry.clone())>{tr(T::ViewArchived)}</button>
                            {status}
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    let compare = move || {
        viewing.get().map(|c| {
            let lang = st.lang.get();
            let same = !c.gone && c.rows.is_empty();
            let rows = c
                .rows
                .into_iter()
                .map(|(row, lost)| {
                    view! {
                        <tr class:lost=lost data-testid="compare-row" data-path=row.path.clone()>
                            <td>{row.label}</td><td class="value">{row.local}</td><td class="value">{row.incoming}</td>
                        </tr>
                    }
                })
                .collect_view();
            let empty = same.then(|| view! { <p class="empty">{tr(T::ArchiveSame)}</p> });
            view! {
                <div class="archive-compare" data-testid="archive-compare">
                    <h3>{fill(T::ArchiveCompareTitle.text(lang), &[("record", &c.title)])}</h3>
                    {c.gone.then(|| view! { <p class="hint">{tr(T::ArchiveCurrentGone)}</p> })}
                    {empty}
                    <table class="list compact">
                        <thead><tr><th>{tr(T::ConflictField)}</th><th>{tr(T::ColCurrentValue)}</th><th>{tr(T::ColArchivedValue)}</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                    <button type="button" class="secondary" on:click=move |_| viewing.set(None)>{tr(T::Close)}</button>
                </div>
            }
        })
    };
    view! {
        <h2>{tr(T::ArchiveTitle)}</h2>
        {move || archive.with(Vec::is_empty).then(|| view! { <p class="empty">{tr(T::ArchiveEmpty)}</p> })}
        <table class="list" data-testid="archive-table">
            <thead><tr>
                <th>{tr(T::ColKind)}</th><th>{tr(T::ColRecord)}</th><th>{tr(T::ColLostFields)}</th><th>{tr(T::ColArchivedAt)}</th><th>{tr(T::ColFrom)}</th><th>{tr(T::Actions)}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
        {compare}
    }
}
