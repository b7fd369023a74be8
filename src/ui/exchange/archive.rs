//! The conflict archive: every version an import or a restore replaced, each of
//! which can be brought back as a new edit.

use crate::ui::state::state;
use crate::ui::widgets::{confirm, tr};
use leptos::prelude::*;
use xuncha_core::i18n::{Label, T};
use xuncha_core::record::AnyRecord;
use xuncha_core::store::ArchivedVersion;

#[component]
pub fn ArchiveSection(archive: RwSignal<Vec<ArchivedVersion>>, on_restored: Callback<()>) -> impl IntoView {
    let st = state();
    let errors = RwSignal::new(None);
    let rows = move || {
        let lang = st.lang.get();
        archive
            .get()
            .into_iter()
            .rev()
            .map(|entry| {
                let title = AnyRecord::from_json(entry.kind, entry.record.clone())
                    .map(|r| st.data.with_untracked(|d| r.title_in(lang, &|kind, id| d.name_of(kind, id, lang))))
                    .unwrap_or_default();
                let from = if entry.from.is_empty() { T::ThisOffice.text(lang).to_owned() } else { entry.from.clone() };
                let (kind, archived_at) = (entry.kind, entry.archived_at);
                let restore = move |_| {
                    if !confirm(st.t(T::ConfirmRestore)) {
                        return;
                    }
                    let entry = entry.clone();
                    st.act(
                        errors,
                        async move |s, ctx| xuncha_core::ops::restore_archived(s, ctx, &entry).await,
                        move |_| on_restored.run(()),
                    );
                };
                view! {
                    <tr data-testid="archive-row">
                        <td>{kind.label().text(lang)}</td>
                        <td>{title}</td>
                        <td>{archived_at.display_local()}</td>
                        <td>{from}</td>
                        <td class="actions"><button type="button" class="link" data-testid="restore" on:click=restore>{tr(T::Restore)}</button></td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <h2>{tr(T::ArchiveTitle)}</h2>
        {move || archive.with(Vec::is_empty).then(|| view! { <p class="empty">{tr(T::ArchiveEmpty)}</p> })}
        <table class="list" data-testid="archive-table">
            <thead><tr>
                <th>{tr(T::ColKind)}</th><th>{tr(T::ColRecord)}</th><th>{tr(T::ColArchivedAt)}</th><th>{tr(T::ColFrom)}</th><th>{tr(T::Actions)}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
