//! 数据交换: full backup export, import with preview and conflict resolution,
//! and the conflict archive. This module is the page and the progress bar that
//! its long exports and imports share.

mod archive;
mod export;
mod import;
mod preview;
mod save;
mod sheet;
mod sheet_columns;

use crate::ui::state::state;
use crate::ui::widgets::tr;
use archive::ArchiveSection;
use export::ExportSection;
use import::ImportSection;
use leptos::prelude::*;
use sheet::SheetSection;
use xuncha_core::exchange::undo::{ImportUndo, LAST_IMPORT_KEY};
use xuncha_core::i18n::{fill, Lang, T};
use xuncha_core::store::{ArchivedVersion, Store};

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
            <save::StorageTrouble/>
            <ExportSection/>
            <ImportSection undo=undo on_applied=Callback::new(move |_: ()| reload_archive())/>
            <SheetSection undo=undo on_applied=Callback::new(move |_: ()| reload_archive())/>
            <ArchiveSection archive=archive on_restored=Callback::new(move |_: ()| reload_archive())/>
        </section>
    }
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
    Undoing { done: usize, total: usize },
    SheetRows { done: usize, total: usize },
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
            Stage::Undoing { done, total } => {
                fill(T::StageUndoing.text(lang), &[("file", &file), ("done", &done), ("total", &total)])
            }
            Stage::SheetRows { done, total } => {
                fill(T::StageSheetRows.text(lang), &[("file", &file), ("done", &done), ("total", &total)])
            }
        }
    }

    /// (value, max) of the bar; `None` while the length of the work is unknown.
    fn fraction(&self) -> Option<(usize, usize)> {
        match self.stage {
            Stage::Checking { done, total }
            | Stage::Writing { done, total }
            | Stage::Exporting { done, total }
            | Stage::Undoing { done, total }
            | Stage::SheetRows { done, total } => Some((done, total.max(1))),
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
