//! Writing an exchange file out as a download, in steps behind the progress bar.
//! Shared by the export, the backup taken before a large import, and the rescue
//! of what the page still holds when the database can no longer be trusted.

use super::{Progress, Stage, CHECK_BATCH};
use crate::platform;
use crate::ui::state::{state, AppState};
use crate::ui::widgets::tr;
use leptos::prelude::*;
use xuncha_core::exchange::crypto;
use xuncha_core::exchange::export::{backup_file_name, full_backup, rescue_file_name, LAST_BACKUP_KEY};
use xuncha_core::exchange::format::{ExchangeFile, FileKind, Source};
use xuncha_core::exchange::writer::Writer;
use xuncha_core::i18n::{fill, Lang, T};
use xuncha_core::store::Store;

/// Writes `file` in batches (the page paints the bar between them), seals it with
/// `passphrase` when given, and downloads it as `name`.
pub(super) async fn write_out(
    file: &ExchangeFile,
    name: &str,
    passphrase: Option<String>,
    progress: RwSignal<Option<Progress>>,
    lang: Lang,
) -> Result<(), String> {
    let failed = || T::ErrExportWrite.text(lang).to_owned();
    let mut writer = Writer::new(file).map_err(|_| failed())?;
    loop {
        let finished = writer.step(CHECK_BATCH).map_err(|_| failed())?;
        let stage = Stage::Exporting { done: writer.done(), total: writer.total() };
        progress.set(Some(Progress { file: name.to_owned(), stage }));
        platform::yield_to_page().await;
        if finished {
            break;
        }
    }
    let mut text = writer.finish().map_err(|_| failed())?;
    if let Some(p) = passphrase {
        // Let the "encrypting" note paint before the key derivation takes the thread.
        leptos::task::tick().await;
        let salt = platform::random_bytes::<16>().map_err(|_| failed())?;
        let nonce = platform::random_bytes::<12>().map_err(|_| failed())?;
        text = crypto::encrypt(text.as_bytes(), &p, salt, nonce).map_err(|_| failed())?;
    }
    platform::download(name, &text).map_err(|_| failed())
}

/// Exports a full backup of the database, unsealed, and notes when it was made.
pub(super) async fn back_up(st: AppState, progress: RwSignal<Option<Progress>>) -> Result<(), String> {
    let lang = st.lang.get_untracked();
    let (Some(store), Some(office)) = (st.store(), st.office.get_untracked()) else {
        return Err(T::ErrExportWrite.text(lang).to_owned());
    };
    let now = platform::now();
    let source = Source { office_id: office.id, office_name: office.name.clone() };
    let store_msg = |e: xuncha_core::store::StoreError| e.message().text(lang).to_owned();
    let file = full_backup(store.as_ref(), source, now).await.map_err(store_msg)?;
    write_out(&file, &backup_file_name(&office.name, now.local_date_day()), None, progress, lang).await?;
    store.put_setting(LAST_BACKUP_KEY, &now).await.map_err(store_msg)?;
    st.last_backup.set(Some(now));
    Ok(())
}

/// Says that the database failed and offers to save, as a backup file, every
/// record the page still holds in memory.
#[component]
pub(super) fn StorageTrouble() -> impl IntoView {
    let st = state();
    let progress = RwSignal::new(None::<Progress>);
    let busy = RwSignal::new(false);
    let rescue = move |_| {
        let Some(office) = st.office.get_untracked() else { return };
        busy.set(true);
        leptos::task::spawn_local(async move {
            let lang = st.lang.get_untracked();
            let now = platform::now();
            let source = Source { office_id: office.id, office_name: office.name.clone() };
            let records = st.data.get_untracked();
            let file = ExchangeFile::new(source, now, FileKind::Backup, records);
            let name = rescue_file_name(&office.name, now.local_date_day());
            match write_out(&file, &name, None, progress, lang).await {
                Ok(()) => st.notify(fill(T::RescueSaved.text(lang), &[("file", &name)]), false),
                Err(msg) => st.notify(msg, true),
            }
            progress.set(None);
            busy.set(false);
        });
    };
    move || {
        st.storage_trouble.get().map(|lost| {
            let text = if lost { T::StorageTroubleLost } else { T::StorageTroubleKept };
            view! {
                <div class="form-errors" role="alert" data-testid="storage-trouble">
                    <h3>{tr(T::StorageTroubleTitle)}</h3>
                    <p>{tr(text)}</p>
                    <button type="button" data-testid="rescue-save" disabled=move || busy.get() on:click=rescue>{tr(T::RescueSave)}</button>
                    <super::ProgressBar progress=progress/>
                </div>
            }
        })
    }
}
