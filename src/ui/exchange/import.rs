//! Importing: picked or dropped files are read, unsealed and checked in steps,
//! planned against the database, and listed as previews; several files can be
//! combined into one; the last import can be undone.

use super::preview::{Preview, PreviewCard};
use super::{Progress, ProgressBar, Stage, CHECK_BATCH};
use crate::platform;
use crate::ui::state::state;
use crate::ui::widgets::{confirm, tr};
use leptos::prelude::*;
use std::sync::Arc;
use xuncha_core::exchange::crypto;
use xuncha_core::exchange::format::{ExchangeFile, ParseError, Source, MAX_FILE_BYTES};
use xuncha_core::exchange::import;
use xuncha_core::exchange::merge::ImportPlan;
use xuncha_core::exchange::reader::{unseal, Reader};
use xuncha_core::exchange::undo::{ImportUndo, LAST_IMPORT_KEY};
use xuncha_core::i18n::{fill, Label, Lang, T};
use xuncha_core::store::{Store, StoreError};

/// Why a picked file could not be previewed.
enum CheckError {
    /// The file is encrypted: ask for its passphrase and try again.
    Locked {
        wrong: bool,
    },
    Refused(Refusal),
}

/// Why a file was refused, as the page lists it: a sentence naming the file, each
/// problem when there are several, and what only IT staff need, folded away.
#[derive(Clone, Debug, PartialEq)]
struct Refusal {
    text: String,
    problems: Vec<String>,
    technical: Option<String>,
}

impl Refusal {
    fn said(text: String) -> Refusal {
        Refusal { text, problems: Vec::new(), technical: None }
    }

    /// `file` refused for `message`.
    fn of_file(file: &str, message: &str, lang: Lang) -> Refusal {
        Refusal::said(fill(T::ImportFileError.text(lang), &[("file", &file), ("message", &message)]))
    }

    fn of_error(e: &ParseError, lang: Lang) -> Refusal {
        let mut lines = e.messages(lang);
        let first = if lines.is_empty() { String::new() } else { lines.remove(0) };
        Refusal { text: first, problems: lines, technical: e.technical(lang) }
    }

    fn of_import(e: &import::ImportError, lang: Lang) -> Refusal {
        match e {
            import::ImportError::File(e) => Refusal::of_error(e, lang),
            import::ImportError::Store(_) => Refusal::said(e.message(lang)),
        }
    }

    fn for_file(mut self, file: &str, lang: Lang) -> Refusal {
        self.text = fill(T::ImportFileError.text(lang), &[("file", &file), ("message", &self.text)]);
        self
    }
}

/// Checks and plans one file's bytes; nothing is written. Reports each stage to
/// `progress` and lets the page paint between batches of records.
async fn check_bytes<S: Store>(
    store: &S,
    name: &str,
    bytes: &[u8],
    passphrase: Option<&str>,
    lang: Lang,
    progress: RwSignal<Option<Progress>>,
) -> Result<(ExchangeFile, ImportPlan), CheckError> {
    let report = |stage: Stage| progress.set(Some(Progress { file: name.to_owned(), stage }));
    let refused = |e: ParseError| match e {
        ParseError::NeedsPassphrase => CheckError::Locked { wrong: false },
        ParseError::WrongPassphrase => CheckError::Locked { wrong: true },
        e => CheckError::Refused(Refusal::of_error(&e, lang)),
    };
    if crypto::is_encrypted(bytes) && passphrase.is_some() {
        report(Stage::Unsealing);
        platform::yield_to_page().await;
    }
    let plain = unseal(bytes, passphrase).map_err(refused)?;
    report(Stage::Checking { done: 0, total: 0 });
    platform::yield_to_page().await;
    let mut reader = Reader::new(&plain).map_err(refused)?;
    loop {
        let finished = reader.step(CHECK_BATCH);
        report(Stage::Checking { done: reader.done(), total: reader.total() });
        platform::yield_to_page().await;
        if finished {
            break;
        }
    }
    let parsed = reader.finish().map_err(refused)?;
    report(Stage::Comparing);
    platform::yield_to_page().await;
    let plan = import::plan(store, &parsed).await.map_err(|e| CheckError::Refused(Refusal::of_import(&e, lang)))?;
    Ok((parsed, plan))
}

/// An encrypted file waiting for its passphrase.
#[derive(Clone, Debug)]
struct Locked {
    key: u64,
    name: String,
    bytes: Arc<Vec<u8>>,
    wrong: bool,
}

#[component]
pub fn ImportSection(undo: RwSignal<Option<ImportUndo>>, on_applied: Callback<()>) -> impl IntoView {
    let st = state();
    let previews = RwSignal::new(Vec::<Preview>::new());
    let locked = RwSignal::new(Vec::<Locked>::new());
    let errors = RwSignal::new(Vec::<Refusal>::new());
    let checking = RwSignal::new(false);
    let progress = RwSignal::new(None::<Progress>);
    let next_key = StoredValue::new(0u64);
    let fresh_key = move || {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        key
    };
    // Checks one file's bytes and files the result as a preview, a locked file or an error.
    let examine = move |name: String, bytes: Arc<Vec<u8>>, passphrase: Option<String>| async move {
        let Some(store) = st.store() else { return };
        let lang = st.lang.get_untracked();
        let checked = check_bytes(store.as_ref(), &name, &bytes, passphrase.as_deref(), lang, progress).await;
        progress.set(None);
        match checked {
            Ok((file, plan)) => previews.update(|p| p.push(Preview::new(fresh_key(), name, file, plan))),
            Err(CheckError::Locked { wrong }) => {
                if wrong {
                    errors.update(|e| e.push(Refusal::of_file(&name, T::ErrWrongPassphrase.text(lang), lang)));
                }
                locked.update(|l| l.push(Locked { key: fresh_key(), name, bytes, wrong }));
            }
            Err(CheckError::Refused(refusal)) => errors.update(|e| e.push(refusal.for_file(&name, lang))),
        }
    };
    let take = move |files: Vec<web_sys::File>| {
        let lang = st.lang.get_untracked();
        errors.set(Vec::new());
        checking.set(true);
        leptos::task::spawn_local(async move {
            for f in files {
                // Refuse a huge file before reading it, so the tab never runs out of memory.
                let size = f.size() as usize;
                if size > MAX_FILE_BYTES {
                    let msg = ParseError::TooLarge { bytes: size }.message(lang);
                    errors.update(|e| e.push(Refusal::of_file(&f.name(), &msg, lang)));
                    continue;
                }
                progress.set(Some(Progress { file: f.name(), stage: Stage::Reading }));
                let read = platform::read_file(&f).await;
                progress.set(None);
                match read {
                    Ok(bytes) => examine(f.name(), Arc::new(bytes), None).await,
                    // The browser's own words (NotReadableError …) mean nothing to a clerk.
                    Err(_) => errors
                        .update(|list| list.push(Refusal::of_file(&f.name(), T::ErrFileUnreadable.text(lang), lang))),
                }
            }
            checking.set(false);
        });
    };
    let pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(list) = input.files() else { return };
        let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        // Let the same file be picked again later (a re-import must be possible).
        input.set_value("");
        take(files);
    };
    let dragging = RwSignal::new(false);
    let drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let Some(list) = ev.data_transfer().and_then(|d| d.files()) else { return };
        take((0..list.length()).filter_map(|i| list.get(i)).collect());
    };
    let remove = move |key: u64| previews.update(|p| p.retain(|x| x.key != key));
    // Many files (response files above all) become one preview, one transaction and one undo.
    let combine = move |_| {
        let Some(store) = st.store() else { return };
        let Some(office) = st.office.get_untracked() else { return };
        let lang = st.lang.get_untracked();
        let list = previews.get_untracked();
        let files: Vec<&xuncha_core::exchange::Records> = list.iter().map(|p| &p.file.records).collect();
        let (records, disagree) = xuncha_core::exchange::merge::merge_records(&files);
        if !disagree.is_empty() {
            let said = fill(T::ErrFilesDisagree.text(lang), &[("n", &disagree.len())]);
            return errors.set(vec![Refusal::said(said)]);
        }
        let name = fill(T::CombinedFiles.text(lang), &[("n", &list.len())]);
        let source = Source {
            office_id: office.id,
            office_name: list
                .iter()
                .map(|p| p.file.source.office_name.clone())
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect::<Vec<_>>()
                .join("、"),
        };
        let file = ExchangeFile::new(
            source,
            platform::now(),
            xuncha_core::exchange::FileKind::Package { scope: name.clone() },
            records,
        );
        checking.set(true);
        leptos::task::spawn_local(async move {
            match import::plan(store.as_ref(), &file).await {
                Ok(plan) => previews.set(vec![Preview::new(fresh_key(), name, file, plan)]),
                Err(e) => errors.set(vec![Refusal::of_import(&e, lang)]),
            }
            checking.set(false);
        });
    };
    view! {
        <h2>{tr(T::ImportTitle)}</h2>
        <p class="hint">{tr(T::ImportHint)}</p>
        <div
            class="drop-zone"
            class:dragging=move || dragging.get()
            data-testid="drop-zone"
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=drop
        >
            <label class="file-pick">
                <span>{tr(T::ImportChoose)}</span>
                <input type="file" multiple accept=".json,application/json" data-testid="import-file" on:change=pick/>
            </label>
            <span class="hint">{tr(T::ImportDrop)}</span>
        </div>
        <Show when=move || checking.get()><p class="hint">{tr(T::ImportChecking)}</p></Show>
        <ProgressBar progress=progress/>
        {move || {
            let list = errors.get();
            (!list.is_empty()).then(|| view! {
                <div class="form-errors" role="alert" data-testid="import-errors">
                    <ul>{list.into_iter().map(|e| view! { <RefusalItem refusal=e/> }).collect_view()}</ul>
                </div>
            })
        }}
        <For each=move || locked.get() key=|l| (l.key, l.wrong) let:l>
            <LockedFile locked=l on_unlock=Callback::new(move |(key, pass): (u64, String)| {
                let Some(entry) = locked.with_untracked(|all| all.iter().find(|x| x.key == key).cloned()) else { return };
                locked.update(|all| all.retain(|x| x.key != key));
                errors.set(Vec::new());
                checking.set(true);
                leptos::task::spawn_local(async move {
                    examine(entry.name, entry.bytes, Some(pass)).await;
                    checking.set(false);
                });
            })/>
        </For>
        <Show when=move || previews.with(|p| p.len() > 1)>
            <p class="toolbar">
                <button type="button" data-testid="combine-imports" on:click=combine>
                    {move || fill(st.t(T::CombineImports), &[("n", &previews.with(Vec::len))])}
                </button>
                <span class="hint">{tr(T::CombineHint)}</span>
            </p>
        </Show>
        <For each=move || previews.get() key=|p| p.key let:p>
            <PreviewCard preview=p undo=undo on_done=Callback::new(move |key: u64| { remove(key); on_applied.run(()); })/>
        </For>
        <UndoButton undo=undo on_undone=on_applied/>
    }
}

#[component]
fn LockedFile(locked: Locked, on_unlock: Callback<(u64, String)>) -> impl IntoView {
    let st = state();
    let pass = RwSignal::new(String::new());
    let key = locked.key;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        on_unlock.run((key, pass.get_untracked()));
    };
    view! {
        <form class="preview" data-testid="locked-file" on:submit=submit>
            <p>{move || fill(st.t(T::LockedFile), &[("file", &locked.name)])}</p>
            <div class="toolbar">
                <input type="password" autocomplete="off" data-testid="import-passphrase" bind:value=pass/>
                <button type="submit" data-testid="unlock">{tr(T::Unlock)}</button>
            </div>
        </form>
    }
}

/// "撤销上次导入" while the last import can still be undone.
#[component]
fn UndoButton(undo: RwSignal<Option<ImportUndo>>, on_undone: Callback<()>) -> impl IntoView {
    let st = state();
    // One undo at a time: a second click while the first runs does nothing.
    let undoing = RwSignal::new(false);
    let progress = RwSignal::new(None::<Progress>);
    let run = move |_| {
        if undoing.get_untracked() {
            return;
        }
        let Some(record) = undo.get_untracked() else { return };
        if !confirm(st.t(T::ConfirmUndo)) {
            return;
        }
        let Some(store) = st.store() else { return };
        undoing.set(true);
        leptos::task::spawn_local(async move {
            let lang = st.lang.get_untracked();
            // Let the page show that the undo has started before the long write.
            platform::yield_to_page().await;
            let report = |done, total| {
                progress.set(Some(Progress { file: record.file.clone(), stage: Stage::Undoing { done, total } }))
            };
            let result = match record.revert() {
                // The revert clears the undo record in its own transaction.
                Ok(revert) => store.revert_reporting(revert, &report).await,
                Err(e) => Err(StoreError::Corrupt(e.to_string())),
            };
            match result {
                Ok(()) => {
                    undo.set(None);
                    st.reload().await;
                    st.notify(T::UndoDone.text(lang), false);
                    on_undone.try_run(());
                }
                Err(StoreError::Stale { kind, id } | StoreError::Exists { kind, id }) => {
                    // Name the record that was edited since, so the clerk can look at it.
                    let name = st.data.with_untracked(|d| d.name_of(kind, id, lang)).unwrap_or_else(|| id.to_string());
                    let said =
                        fill(T::ErrUndoStaleNamed.text(lang), &[("kind", &kind.label().text(lang)), ("name", &name)]);
                    st.notify(said, true)
                }
                Err(e @ StoreError::Superseded(_)) => {
                    // Show what the database now names as the last import.
                    let now = store.setting::<Option<ImportUndo>>(LAST_IMPORT_KEY).await.ok().flatten().flatten();
                    undo.set(now);
                    st.reload().await;
                    st.notify(e.message().text(lang), true);
                }
                Err(e) => st.notify(e.message().text(lang), true),
            }
            progress.set(None);
            undoing.set(false);
        });
    };
    move || {
        undo.get().map(|u| {
            let label = fill(st.t(T::UndoImport), &[("file", &u.file), ("when", &u.applied_at.display_local())]);
            view! {
                <p>
                    <button type="button" class="secondary" data-testid="undo-import" disabled=move || undoing.get() on:click=run>{label}</button>
                    <Show when=move || undoing.get()><span class="hint" data-testid="undoing">{tr(T::Undoing)}</span></Show>
                </p>
                <ProgressBar progress=progress/>
            }
        })
    }
}

/// One refused file: its sentence, each of its problems, and the technical details folded away.
#[component]
fn RefusalItem(refusal: Refusal) -> impl IntoView {
    let Refusal { text, problems, technical } = refusal;
    let details = tr(T::TechnicalDetails);
    let summary = move || details().trim_end_matches(['：', ':']).to_owned();
    view! {
        <li data-testid="import-error">
            {text}
            {(!problems.is_empty()).then(|| view! {
                <ul data-testid="import-problems">{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            })}
            {technical.map(|t| view! {
                <details class="technical" data-testid="technical-details">
                    <summary>{summary}</summary>
                    <pre>{t}</pre>
                </details>
            })}
        </li>
    }
}
