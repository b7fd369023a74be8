//! One checked file before it is written: what it would add, update and merge, and
//! each field both sides changed differently, side by side with the choice of which
//! value stays.

use super::{Progress, ProgressBar, Stage};
use crate::platform::{self, WebIds};
use crate::ui::state::state;
use crate::ui::widgets::tr;
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;
use xuncha_core::exchange::conflict::conflict_rows;
use xuncha_core::exchange::format::ExchangeFile;
use xuncha_core::exchange::import;
use xuncha_core::exchange::merge::{ImportPlan, Outcome, PlanItem, Resolution};
use xuncha_core::exchange::undo::ImportUndo;
use xuncha_core::i18n::{fill, Label, T};
use xuncha_core::id::{Id, IdSource};
use xuncha_core::office::Office;
use xuncha_core::record::Kind;
use xuncha_core::store::{Store, StoreError};

/// One checked file waiting for the user's go-ahead.
#[derive(Clone, Debug)]
pub struct Preview {
    pub key: u64,
    pub name: String,
    pub file: Arc<ExchangeFile>,
    pub plan: Arc<ImportPlan>,
    /// The answer for each asked field: (record, field path).
    pub choices: RwSignal<HashMap<(Id, String), Resolution>>,
}

impl Preview {
    pub fn new(key: u64, name: String, file: ExchangeFile, plan: ImportPlan) -> Preview {
        Preview { key, name, file: Arc::new(file), plan: Arc::new(plan), choices: RwSignal::new(HashMap::new()) }
    }
}

#[component]
pub fn PreviewCard(preview: Preview, undo: RwSignal<Option<ImportUndo>>, on_done: Callback<u64>) -> impl IntoView {
    let st = state();
    let Preview { key, name, file, plan, choices } = preview;
    let file_name = name.clone();
    let lang = st.lang.get_untracked();
    let counts = Kind::ALL
        .iter()
        .filter(|k| file.records.count(**k) > 0)
        .map(|k| {
            let cells = Outcome::ALL.iter().map(|o| view! { <td class="num">{plan.count(*k, *o)}</td> }).collect_view();
            view! { <tr><td>{move || st.t(k.label())}</td>{cells}</tr> }
        })
        .collect_view();
    let heads = Outcome::ALL.iter().map(|o| view! { <th>{tr(o.label())}</th> }).collect_view();
    let conflicts: Vec<PlanItem> = plan.conflicts().cloned().collect();
    let questions: Vec<(Id, String)> = plan.questions().map(|(item, path)| (item.id, path.to_owned())).collect();
    let all_chosen = {
        let questions = questions.clone();
        move || choices.with(|c| questions.iter().all(|q| c.contains_key(q)))
    };
    let choose_all = {
        let questions = questions.clone();
        move |r: Resolution| {
            choices.update(|c| {
                questions.iter().for_each(|q| {
                    c.insert(q.clone(), r);
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
    // With records here, a backup is offered first, in case the write fails badly.
    let offer_backup =
        !noop && (st.data.with_untracked(|d| !d.is_empty()) || st.first_counts.get_untracked().deferred() > 0);
    let backup_first = RwSignal::new(true);
    let apply = {
        // Shared with each click's task, not copied: a county's plan is large.
        let shared = std::rc::Rc::new((file.clone(), plan.clone()));
        move |_| {
            if applying.get_untracked() {
                return;
            }
            applying.set(true);
            let office = st.office.get_untracked().map(|o| o.id).unwrap_or(Id::nil());
            let picked = choices.get_untracked();
            let shared = shared.clone();
            let count = |o| shared.1.items.iter().filter(|i| i.outcome == o).count();
            let (new, updated, resolved) = (count(Outcome::New), count(Outcome::Updated), count(Outcome::Conflict));
            let merged = count(Outcome::Merged);
            let file_name = file_name.clone();
            leptos::task::spawn_local(async move {
                let (file, plan) = (&shared.0, &shared.1);
                let lang = st.lang.get_untracked();
                let writes = new + updated + merged + resolved;
                let stop = |msg: String| {
                    // Nothing was written: the preview stays, to try again.
                    progress.set(None);
                    applying.set(false);
                    st.notify(msg, true);
                };
                // A full disk in the middle of a large write can make the browser
                // drop the whole database, so an import that does not fit is refused.
                if let Some((quota, usage)) = platform::storage_estimate().await {
                    if let Some((need, free)) = import::space_shortfall(writes, quota, usage) {
                        let mb = |b: u64| b.div_ceil(1024 * 1024);
                        return stop(fill(T::ErrNoSpace.text(lang), &[("need", &mb(need)), ("free", &mb(free))]));
                    }
                }
                if offer_backup && backup_first.get_untracked() {
                    if let Err(message) = super::save::back_up(st, progress).await {
                        return stop(fill(T::ErrBackupFirst.text(lang), &[("message", &message)]));
                    }
                }
                let report = |done, total| {
                    progress.set(Some(Progress { file: file_name.clone(), stage: Stage::Writing { done, total } }))
                };
                report(0, writes);
                platform::yield_to_page().await;
                let resolve = |item: &PlanItem, path: &str| {
                    picked.get(&(item.id, path.to_owned())).copied().unwrap_or(Resolution::KeepLocal)
                };
                let new_id = || WebIds.next_id();
                let how = import::Apply {
                    name: &file_name,
                    office,
                    now: platform::now(),
                    resolve: &resolve,
                    new_id: &new_id,
                };
                // The import and its undo record are written in one transaction.
                let committed = st.write(async |s, _| import::apply(s, file, plan, how, &report).await).await;
                progress.set(None);
                match committed {
                    Some(Ok(record)) => {
                        undo.set(Some(record));
                        let msg = fill(
                            T::ImportDone.text(lang),
                            &[("new", &new), ("updated", &updated), ("merged", &merged), ("conflicts", &resolved)],
                        );
                        st.notify(msg, false);
                    }
                    Some(Err(StoreError::Stale { .. } | StoreError::Exists { .. })) => {
                        st.notify(T::ErrImportChanged.text(lang), true)
                    }
                    Some(Err(e)) => {
                        // The write was taken back, but a browser may also have dropped
                        // the database on the way: look, and offer to save what the
                        // page holds either way.
                        let readable = match st.store() {
                            Some(store) => matches!(store.setting::<Office>(Office::SETTINGS_KEY).await, Ok(Some(_))),
                            None => false,
                        };
                        let said = match (e, readable) {
                            (StoreError::Full, true) => T::ErrStorageFull,
                            (_, true) => T::StorageTroubleKept,
                            (_, false) => T::StorageTroubleLost,
                        };
                        if !readable {
                            // Nothing is left to undo.
                            undo.set(None);
                        }
                        st.notify(said.text(lang), true);
                        st.storage_trouble.set(Some(!readable));
                    }
                    None => {}
                }
                applying.set(false);
                // The card may be gone by now (its page drawn again after the write).
                on_done.try_run(key);
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
            {(!noop).then(|| view! { <ChangedRecords file=file.clone() plan=plan.clone()/> })}
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
            {offer_backup.then(|| view! {
                <label class="check">
                    <input type="checkbox" data-testid="backup-first" bind:checked=backup_first/>
                    {tr(T::BackupFirst)}
                </label>
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
fn ConflictView(item: PlanItem, choices: RwSignal<HashMap<(Id, String), Resolution>>) -> impl IntoView {
    let st = state();
    let (Some(local), Some(merge)) = (item.local.clone(), item.merge.clone()) else {
        return ().into_any();
    };
    let id = item.id;
    // Names of referenced records as this PC knows them, read in place.
    let lang = st.lang.get_untracked();
    let (rows, title) = st.data.with_untracked(|d| {
        let name_of = |kind: Kind, id: Id| d.name_of(kind, id, lang);
        (conflict_rows(&local, &item.incoming, lang, &name_of), local.title_in(lang, &name_of))
    });
    let choice = move |path: String| {
        let (a, b) = (path.clone(), path.clone());
        let key = move |p: &String| (id, p.clone());
        let chosen = move |p: &String, r: Resolution| choices.with(|c| c.get(&key(p)) == Some(&r));
        let set = move |p: &String, r: Resolution| {
            choices.update(|c| {
                c.insert(key(p), r);
            })
        };
        let name = format!("c-{id}-{path}");
        view! {
            <label class="check">
                <input type="radio" name=name.clone() data-testid="keep-local" prop:checked=move || chosen(&a, Resolution::KeepLocal) on:change={let p = path.clone(); move |_| set(&p, Resolution::KeepLocal)}/>
                {tr(T::KeepLocal)}
            </label>
            <label class="check">
                <input type="radio" name=name data-testid="take-incoming" prop:checked=move || chosen(&b, Resolution::TakeIncoming) on:change=move |_| set(&path, Resolution::TakeIncoming)/>
                {tr(T::TakeIncoming)}
            </label>
        }
    };
    let title = format!("{}：{}", item.kind.label().text(lang), title);
    let body = if merge.deletion {
        // Deleted on one side, edited on the other: one answer for the whole record.
        let rows = rows
            .into_iter()
            .map(|row| view! { <tr><td>{row.label}</td><td>{row.local}</td><td>{row.incoming}</td></tr> })
            .collect_view();
        view! {
            <p class="hint">{tr(T::ConflictDeleted)}</p>
            <table class="list compact">
                <thead><tr><th>{tr(T::ConflictField)}</th><th>{tr(T::ConflictLocal)}</th><th>{tr(T::ConflictIncoming)}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <div data-testid="conflict-choice">{choice("deleted".to_owned())}</div>
        }
        .into_any()
    } else {
        // One row a question: the field, both values, and the choice.
        let asked: Vec<String> = merge.conflicts.iter().map(|c| c.path.clone()).collect();
        let rows = rows
            .into_iter()
            .filter(|row| asked.contains(&row.path))
            .map(|row| {
                view! {
                    <tr data-testid="conflict-field" data-path=row.path.clone()>
                        <td>{row.label}</td><td class="value">{row.local}</td><td class="value">{row.incoming}</td>
                        <td class="choice">{choice(row.path.clone())}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="list compact">
                <thead><tr><th>{tr(T::ConflictField)}</th><th>{tr(T::ConflictLocal)}</th><th>{tr(T::ConflictIncoming)}</th><th></th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <div class="conflict" data-testid="conflict">
            <p class="conflict-title">{title}</p>
            {body}
        </div>
    }
    .into_any()
}

/// How many records the preview lists at first, and how many more each click adds.
const FIRST_ROWS: usize = 20;
const MORE_ROWS: usize = 200;

/// The records the import adds or changes, by name, a few at first and more on demand.
#[component]
fn ChangedRecords(file: Arc<ExchangeFile>, plan: Arc<ImportPlan>) -> impl IntoView {
    let st = state();
    let shown = RwSignal::new(FIRST_ROWS);
    let changed: Vec<usize> = plan
        .items
        .iter()
        .enumerate()
        .filter(|(_, i)| matches!(i.outcome, Outcome::New | Outcome::Updated | Outcome::Merged | Outcome::Conflict))
        .map(|(n, _)| n)
        .collect();
    let total = changed.len();
    let rows = {
        let changed = changed.clone();
        move || {
            let lang = st.lang.get();
            let limit = shown.get().min(total);
            st.data.with_untracked(|d| {
                let name_of =
                    |kind: Kind, id: Id| d.name_of(kind, id, lang).or_else(|| file.records.name_of(kind, id, lang));
                changed[..limit]
                    .iter()
                    .map(|n| {
                        let item = &plan.items[*n];
                        let title = item.incoming.title_in(lang, &name_of);
                        // An update says what it changes, so a wrong reading shows before it is written.
                        let change = match (item.outcome, &item.local) {
                            (Outcome::Updated, Some(local)) => {
                                xuncha_core::exchange::conflict::change_line(local, &item.incoming, lang, &name_of)
                            }
                            _ => String::new(),
                        };
                        view! {
                            <tr data-testid="preview-record">
                                <td>{item.outcome.label().text(lang)}</td>
                                <td>{item.kind.label().text(lang)}</td>
                                <td>{title}</td>
                                <td data-testid="preview-change">{change}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        }
    };
    view! {
        <details class="preview-records" data-testid="preview-records">
            <summary>{move || fill(st.t(T::PreviewRecords), &[("n", &total)])}</summary>
            <table class="list compact">
                <thead><tr><th>{tr(T::ColOutcome)}</th><th>{tr(T::ColKind)}</th><th>{tr(T::ColRecord)}</th><th>{tr(T::ColChange)}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <Show when=move || { shown.get() < total }>
                <button type="button" class="link" data-testid="preview-more" on:click=move |_| shown.update(|n| *n += MORE_ROWS)>
                    {move || fill(st.t(T::ShowMore), &[("n", &MORE_ROWS.min(total.saturating_sub(shown.get())))])}
                </button>
            </Show>
        </details>
    }
}
