//! 数据交换: full backup export, import with preview and conflict resolution,
//! and the conflict archive.

use crate::platform::{self, WebIds};
use crate::ui::state::state;
use crate::ui::widgets::{confirm, tr, RecordSelect};
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;
use xuncha_core::exchange::crypto;
use xuncha_core::exchange::export::{
    backup_file_name, full_backup, package, package_file_name, Scope, LAST_BACKUP_KEY, MIN_PASSPHRASE_CHARS,
    REMINDER_DAYS_KEY,
};
use xuncha_core::exchange::format::{kind_label, ExchangeFile, ParseError, Source, MAX_FILE_BYTES};
use xuncha_core::exchange::merge::{display_value, field_diff, field_label, ImportPlan, Outcome, PlanItem, Resolution};
use xuncha_core::exchange::reader::{unseal, Reader};
use xuncha_core::exchange::undo::{ImportUndo, LAST_IMPORT_KEY};
use xuncha_core::exchange::writer::Writer;
use xuncha_core::i18n::{fill, Label, Lang, T};
use xuncha_core::id::{Id, IdSource};
use xuncha_core::record::{AnyRecord, Kind};
use xuncha_core::store::{ArchivedVersion, Store, StoreError};

/// One checked file waiting for the user's go-ahead.
#[derive(Clone, Debug)]
struct Preview {
    key: u64,
    name: String,
    file: Arc<ExchangeFile>,
    plan: Arc<ImportPlan>,
    choices: RwSignal<HashMap<Id, Resolution>>,
}

impl Preview {
    fn new(key: u64, name: String, file: ExchangeFile, plan: ImportPlan) -> Preview {
        Preview { key, name, file: Arc::new(file), plan: Arc::new(plan), choices: RwSignal::new(HashMap::new()) }
    }
}

#[component]
pub fn ExchangePage() -> impl IntoView {
    let st = state();
    let archive = RwSignal::new(Vec::<ArchivedVersion>::new());
    let reload_archive = move || {
        let Some(store) = st.store() else { return };
        leptos::task::spawn_local(async move {
            if let Ok(a) = store.archived().await {
                archive.set(a);
            }
        });
    };
    reload_archive();
    let undo = RwSignal::new(None::<ImportUndo>);
    if let Some(store) = st.store() {
        leptos::task::spawn_local(async move {
            if let Ok(saved) = store.setting::<Option<ImportUndo>>(LAST_IMPORT_KEY).await {
                undo.set(saved.flatten());
            }
        });
    }
    view! {
        <section class="exchange">
            <h1>{tr(T::ExchangeTitle)}</h1>
            <ExportSection/>
            <ImportSection undo=undo on_applied=Callback::new(move |_: ()| reload_archive())/>
            <ArchiveSection archive=archive on_restored=Callback::new(move |_: ()| reload_archive())/>
        </section>
    }
}

#[component]
fn ExportSection() -> impl IntoView {
    let st = state();
    let days = RwSignal::new(st.reminder_days.get_untracked().to_string());
    let encrypt = RwSignal::new(false);
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
    let townships = Signal::derive(move || st.data.with(crate::ui::register::target::township_options));

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
                        let file = full_backup(store.as_ref(), source, now).await.map_err(store_msg)?;
                        (file, backup_file_name(&office.name, now.local_date_day()))
                    }
                    Some(scope) => {
                        let found = package(store.as_ref(), scope, source, now, lang).await.map_err(store_msg)?;
                        let (file, label) = found.ok_or_else(|| T::NoRecords.text(lang).to_owned())?;
                        (file, package_file_name(&label, now.local_date_day()))
                    }
                };
                // Written in batches, with the page painting the bar between them.
                let mut writer = Writer::new(&file).map_err(|e| e.to_string())?;
                loop {
                    let finished = writer.step(CHECK_BATCH).map_err(|e| e.to_string())?;
                    let stage = Stage::Exporting { done: writer.done(), total: writer.total() };
                    progress.set(Some(Progress { file: name.clone(), stage }));
                    platform::yield_to_page().await;
                    if finished {
                        break;
                    }
                }
                let mut text = writer.finish().map_err(|e| e.to_string())?;
                if let Some(p) = passphrase {
                    // Let the "encrypting" note paint before the key derivation takes the thread.
                    leptos::task::tick().await;
                    let salt = platform::random_bytes::<16>().map_err(|e| format!("{e:?}"))?;
                    let nonce = platform::random_bytes::<12>().map_err(|e| format!("{e:?}"))?;
                    text = crypto::encrypt(text.as_bytes(), &p, salt, nonce).map_err(|e| e.to_string())?;
                }
                platform::download(&name, &text).map_err(|e| format!("{e:?}"))?;
                if scope.is_none() {
                    store.put_setting(LAST_BACKUP_KEY, &now).await.map_err(store_msg)?;
                    st.last_backup.set(Some(now));
                }
                Ok::<(), String>(())
            };
            if let Err(msg) = result.await {
                st.notify(msg, true);
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

/// Why a picked file could not be previewed.
enum CheckError {
    /// The file is encrypted: ask for its passphrase and try again.
    Locked {
        wrong: bool,
    },
    Refused(String),
}

/// Records read between two chances for the page to paint and take input.
const CHECK_BATCH: usize = 2000;

/// How far a long import has come, for its progress bar.
#[derive(Clone, Debug, PartialEq)]
struct Progress {
    file: String,
    stage: Stage,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Stage {
    Reading,
    Unsealing,
    Checking { done: usize, total: usize },
    Comparing,
    Writing { done: usize, total: usize },
    Exporting { done: usize, total: usize },
}

impl Progress {
    fn text(&self, lang: Lang) -> String {
        let file = self.file.as_str();
        match self.stage {
            Stage::Reading => fill(T::StageReading.text(lang), &[("file", &file)]),
            Stage::Unsealing => fill(T::StageUnsealing.text(lang), &[("file", &file)]),
            Stage::Checking { done, total } => {
                fill(T::StageChecking.text(lang), &[("file", &file), ("done", &done), ("total", &total)])
            }
            Stage::Comparing => fill(T::StageComparing.text(lang), &[("file", &file)]),
            Stage::Writing { done, total } => {
                fill(T::StageWriting.text(lang), &[("file", &file), ("done", &done), ("total", &total)])
            }
            Stage::Exporting { done, total } => {
                fill(T::StageExporting.text(lang), &[("file", &file), ("done", &done), ("total", &total)])
            }
        }
    }

    /// (value, max) of the bar; `None` while the length of the work is unknown.
    fn fraction(&self) -> Option<(usize, usize)> {
        match self.stage {
            Stage::Checking { done, total } | Stage::Writing { done, total } | Stage::Exporting { done, total } => {
                Some((done, total.max(1)))
            }
            _ => None,
        }
    }
}

/// The bar and its sentence while `progress` is set.
#[component]
fn ProgressBar(progress: RwSignal<Option<Progress>>) -> impl IntoView {
    let st = state();
    move || {
        progress.get().map(|p| {
            let bar = match p.fraction() {
                Some((value, max)) => view! { <progress max=max value=value></progress> }.into_any(),
                None => view! { <progress></progress> }.into_any(),
            };
            view! {
                <div class="import-progress" role="status" data-testid="import-progress">
                    {bar}
                    <span data-testid="import-progress-text">{p.text(st.lang.get())}</span>
                </div>
            }
        })
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
        e => CheckError::Refused(e.message(lang)),
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
    let store_err = |e: StoreError| CheckError::Refused(e.message().text(lang).to_owned());
    let known = xuncha_core::exchange::merge::known_ids(store).await.map_err(store_err)?;
    parsed
        .check_references(&|kind, id| known.contains(&(kind, id)))
        .map_err(|e| CheckError::Refused(e.message(lang)))?;
    let plan = ImportPlan::build(store, &parsed.records).await.map_err(store_err)?;
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
fn ImportSection(undo: RwSignal<Option<ImportUndo>>, on_applied: Callback<()>) -> impl IntoView {
    let st = state();
    let previews = RwSignal::new(Vec::<Preview>::new());
    let locked = RwSignal::new(Vec::<Locked>::new());
    let errors = RwSignal::new(Vec::<String>::new());
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
                    errors.update(|e| {
                        e.push(fill(
                            T::ImportFileError.text(lang),
                            &[("file", &name), ("message", &T::ErrWrongPassphrase.text(lang))],
                        ))
                    });
                }
                locked.update(|l| l.push(Locked { key: fresh_key(), name, bytes, wrong }));
            }
            Err(CheckError::Refused(message)) => errors
                .update(|e| e.push(fill(T::ImportFileError.text(lang), &[("file", &name), ("message", &message)]))),
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
                    errors.update(|e| {
                        e.push(fill(T::ImportFileError.text(lang), &[("file", &f.name()), ("message", &msg)]))
                    });
                    continue;
                }
                progress.set(Some(Progress { file: f.name(), stage: Stage::Reading }));
                let read = platform::read_file(&f).await;
                progress.set(None);
                match read {
                    Ok(bytes) => examine(f.name(), Arc::new(bytes), None).await,
                    Err(e) => errors.update(|list| {
                        list.push(fill(
                            T::ImportFileError.text(lang),
                            &[("file", &f.name()), ("message", &format!("{e:?}"))],
                        ))
                    }),
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
            return errors.set(vec![fill(T::ErrFilesDisagree.text(lang), &[("n", &disagree.len())])]);
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
            match ImportPlan::build(store.as_ref(), &file.records).await {
                Ok(plan) => previews.set(vec![Preview::new(fresh_key(), name, file, plan)]),
                Err(e) => errors.set(vec![e.message().text(lang).to_owned()]),
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
                    <ul>{list.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
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

#[component]
fn PreviewCard(preview: Preview, undo: RwSignal<Option<ImportUndo>>, on_done: Callback<u64>) -> impl IntoView {
    let st = state();
    let Preview { key, name, file, plan, choices } = preview;
    let file_name = name.clone();
    let lang = st.lang.get_untracked();
    let counts = Kind::ALL
        .iter()
        .filter(|k| file.records.count(**k) > 0)
        .map(|k| {
            let cells = Outcome::ALL.iter().map(|o| view! { <td class="num">{plan.count(*k, *o)}</td> }).collect_view();
            view! { <tr><td>{move || st.t(kind_label(*k))}</td>{cells}</tr> }
        })
        .collect_view();
    let heads = Outcome::ALL.iter().map(|o| view! { <th>{tr(o.label())}</th> }).collect_view();
    let conflicts: Vec<PlanItem> = plan.conflicts().cloned().collect();
    let conflict_ids: Vec<Id> = conflicts.iter().map(|c| c.id).collect();
    let all_chosen = {
        let ids = conflict_ids.clone();
        move || choices.with(|c| ids.iter().all(|id| c.contains_key(id)))
    };
    let choose_all = {
        let ids = conflict_ids.clone();
        move |r: Resolution| {
            choices.update(|c| {
                ids.iter().for_each(|id| {
                    c.insert(*id, r);
                })
            })
        }
    };
    let choose_all_local = {
        let f = choose_all.clone();
        move |_| f(Resolution::KeepLocal)
    };
    let choose_all_incoming = move |_| choose_all(Resolution::TakeIncoming);
    let noop = plan.is_noop();
    let applying = RwSignal::new(false);
    let progress = RwSignal::new(None::<Progress>);
    let apply = {
        let (file, plan) = (file.clone(), plan.clone());
        move |_| {
            if applying.get_untracked() {
                return;
            }
            let Some(store) = st.store() else { return };
            applying.set(true);
            let office = st.office.get_untracked().map(|o| o.id).unwrap_or(Id::nil());
            let picked = choices.get_untracked();
            let now = platform::now();
            let (changes, archive) = plan.changes(
                &|item| picked.get(&item.id).copied().unwrap_or(Resolution::KeepLocal),
                office,
                now,
                &file,
                &|| WebIds.next_id(),
            );
            let count = |o| plan.items.iter().filter(|i| i.outcome == o).count();
            let (new, updated, resolved) = (count(Outcome::New), count(Outcome::Updated), count(Outcome::Conflict));
            let record = ImportUndo::of(&file_name, now, &plan, &changes, &archive);
            let file_name = file_name.clone();
            leptos::task::spawn_local(async move {
                let lang = st.lang.get_untracked();
                let report = |done, total| {
                    progress.set(Some(Progress { file: file_name.clone(), stage: Stage::Writing { done, total } }))
                };
                report(0, changes.len());
                platform::yield_to_page().await;
                store.take_written();
                let committed = store.commit_all_reporting(changes, archive, &report).await;
                progress.set(None);
                match committed {
                    Ok(()) => {
                        // The import stands even if its undo record cannot be kept.
                        if store.put_setting(LAST_IMPORT_KEY, &Some(&record)).await.is_ok() {
                            undo.set(Some(record));
                        }
                        let written = store.take_written();
                        st.data.update(|d| d.apply(written));
                        let msg = fill(
                            T::ImportDone.text(lang),
                            &[("new", &new), ("updated", &updated), ("conflicts", &resolved)],
                        );
                        st.notify(msg, false);
                    }
                    Err(StoreError::Stale { .. } | StoreError::Exists { .. }) => {
                        st.notify(T::ErrImportChanged.text(lang), true)
                    }
                    Err(e) => st.notify(e.message().text(lang), true),
                }
                applying.set(false);
                on_done.run(key);
            });
        }
    };
    let has_conflicts = !conflicts.is_empty();
    let conflict_views = conflicts.into_iter().map(|c| view! { <ConflictView item=c choices=choices/> }).collect_view();
    let source = fill(
        T::PreviewSource.text(lang),
        &[("office", &file.source.office_name), ("when", &file.exported_at.display_local())],
    );
    view! {
        <article class="preview" data-testid="import-preview">
            <h3>{move || fill(st.t(T::PreviewTitle), &[("file", &name)])}</h3>
            <p class="hint">{source}</p>
            <table class="list compact" data-testid="preview-counts">
                <thead><tr><th>{tr(T::ColKind)}</th>{heads}</tr></thead>
                <tbody>{counts}</tbody>
            </table>
            {noop.then(|| view! { <p data-testid="preview-noop">{tr(T::PreviewNoop)}</p> })}
            {has_conflicts.then(|| view! {
                <h4>{tr(T::ConflictsTitle)}</h4>
                <p class="hint">{tr(T::ConflictHint)}</p>
                <div class="buttons">
                    <button type="button" class="secondary" data-testid="all-local" on:click=choose_all_local>{tr(T::AllLocal)}</button>
                    <button type="button" class="secondary" data-testid="all-incoming" on:click=choose_all_incoming>{tr(T::AllIncoming)}</button>
                </div>
                {conflict_views}
            })}
            <div class="buttons">
                {(!noop).then(|| view! {
                    <button type="button" data-testid="apply-import" disabled=move || !all_chosen() || applying.get() on:click=apply.clone()>{tr(T::ApplyImport)}</button>
                })}
                <button type="button" class="secondary" data-testid="discard-import" disabled=move || applying.get() on:click=move |_| on_done.run(key)>{tr(T::CancelImport)}</button>
                <Show when=move || applying.get()><span class="hint" data-testid="applying">{tr(T::Applying)}</span></Show>
            </div>
            <ProgressBar progress=progress/>
        </article>
    }
}

#[component]
fn ConflictView(item: PlanItem, choices: RwSignal<HashMap<Id, Resolution>>) -> impl IntoView {
    let st = state();
    let Some(local) = item.local.clone() else {
        return ().into_any();
    };
    let id = item.id;
    // Names of referenced records as this PC knows them.
    let snapshot = st.data.get_untracked();
    let name_of = move |id: Id| -> Option<String> {
        let lang = st.lang.get_untracked();
        snapshot
            .target(id)
            .map(|t| t.data.name.clone())
            .or_else(|| snapshot.term(id).map(|t| t.data.name.clone()))
            .or_else(|| snapshot.round(id).map(|r| snapshot.round_title(r, lang)))
            .or_else(|| snapshot.group(id).map(|g| g.data.name.clone()))
    };
    let rows = field_diff(&local, &item.incoming)
        .into_iter()
        .map(|d| {
            let lang = st.lang.get_untracked();
            let label = field_label(&d.path).map(|t| t.text(lang).to_owned()).unwrap_or_else(|| d.path.clone());
            let local = display_value(&d.path, &d.local, lang, &name_of);
            let incoming = display_value(&d.path, &d.incoming, lang, &name_of);
            view! { <tr><td>{label}</td><td>{local}</td><td>{incoming}</td></tr> }
        })
        .collect_view();
    let chosen = move |r: Resolution| choices.with(|c| c.get(&id) == Some(&r));
    let set = move |r: Resolution| {
        choices.update(|c| {
            c.insert(id, r);
        })
    };
    let title = format!("{}：{}", kind_label(item.kind).text(st.lang.get_untracked()), local.title());
    view! {
        <div class="conflict" data-testid="conflict">
            <p class="conflict-title">{title}</p>
            <table class="list compact">
                <thead><tr><th>{tr(T::ConflictField)}</th><th>{tr(T::ConflictLocal)}</th><th>{tr(T::ConflictIncoming)}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <label class="check">
                <input type="radio" name=format!("c-{id}") data-testid="keep-local" prop:checked=move || chosen(Resolution::KeepLocal) on:change=move |_| set(Resolution::KeepLocal)/>
                {tr(T::KeepLocal)}
            </label>
            <label class="check">
                <input type="radio" name=format!("c-{id}") data-testid="take-incoming" prop:checked=move || chosen(Resolution::TakeIncoming) on:change=move |_| set(Resolution::TakeIncoming)/>
                {tr(T::TakeIncoming)}
            </label>
        </div>
    }
    .into_any()
}

#[component]
fn ArchiveSection(archive: RwSignal<Vec<ArchivedVersion>>, on_restored: Callback<()>) -> impl IntoView {
    let st = state();
    let errors = RwSignal::new(None);
    let rows = move || {
        let lang = st.lang.get();
        archive
            .get()
            .into_iter()
            .rev()
            .map(|entry| {
                let title = AnyRecord::from_json(entry.kind, entry.record.clone()).map(|r| r.title()).unwrap_or_default();
                let from = if entry.from.is_empty() { T::ThisOffice.text(lang).to_owned() } else { entry.from.clone() };
                let (kind, archived_at) = (entry.kind, entry.archived_at);
                let restore = move |_| {
                    if !confirm(st.t(T::ConfirmRestore)) {
                        return;
                    }
                    let entry = entry.clone();
                    st.act(
                        errors,
                        move |s, ctx| async move { xuncha_core::ops::restore_archived(s.as_ref(), &ctx, &entry).await },
                        move || on_restored.run(()),
                    );
                };
                view! {
                    <tr data-testid="archive-row">
                        <td>{kind_label(kind).text(lang)}</td>
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

/// "撤销上次导入" while the last import can still be undone.
#[component]
fn UndoButton(undo: RwSignal<Option<ImportUndo>>, on_undone: Callback<()>) -> impl IntoView {
    let st = state();
    let run = move |_| {
        let Some(record) = undo.get_untracked() else { return };
        if !confirm(st.t(T::ConfirmUndo)) {
            return;
        }
        let Some(store) = st.store() else { return };
        leptos::task::spawn_local(async move {
            let lang = st.lang.get_untracked();
            let result = match record.revert() {
                Ok(revert) => store.revert(revert).await,
                Err(e) => Err(StoreError::Corrupt(e.to_string())),
            };
            match result {
                Ok(()) => {
                    let _ = store.put_setting(LAST_IMPORT_KEY, &None::<ImportUndo>).await;
                    undo.set(None);
                    st.reload().await;
                    st.notify(T::UndoDone.text(lang), false);
                    on_undone.run(());
                }
                Err(StoreError::Stale { .. } | StoreError::Exists { .. }) => {
                    st.notify(T::ErrUndoStale.text(lang), true)
                }
                Err(e) => st.notify(e.message().text(lang), true),
            }
        });
    };
    move || {
        undo.get().map(|u| {
            let label = fill(st.t(T::UndoImport), &[("file", &u.file), ("when", &u.applied_at.display_local())]);
            view! { <p><button type="button" class="secondary" data-testid="undo-import" on:click=run>{label}</button></p> }
        })
    }
}
