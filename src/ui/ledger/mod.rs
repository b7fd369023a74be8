//! 台账: the four ledgers as one page with tabs — filters, totals, a paged table,
//! .xlsx and CSV export of the filtered rows, and an A4 print of them.

mod clue;
mod filters;
pub mod outcome;
mod problem;
mod recommendation;
mod rectification;
mod rows;

use crate::platform;
use crate::ui::state::state;
use crate::ui::widgets::{page_of, pages_for, today, tr, ListPage, Pager, PAGE_ROWS};
use clue::ClueForm;
use filters::Filters;
use leptos::prelude::*;
use problem::{FeedBackForm, ProblemForm};
use recommendation::LetterForm;
use rectification::RectificationPanel;
use rows::table_row;
use xuncha_core::clue::Clue;
use xuncha_core::exchange::export::{ledger_package, package_file_name, LedgerRows};
use xuncha_core::exchange::format::Source;
use xuncha_core::i18n::{fill, T};
use xuncha_core::id::Id;
use xuncha_core::ledger::{LedgerKind, Totals};
use xuncha_core::problem::Problem;
use xuncha_core::recommendation::Recommendation;
use xuncha_core::record::Record;
use xuncha_core::route::Route;
use xuncha_core::sheet::{file_name, Sheet};

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// What the side panel holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Panel {
    NewProblem,
    Problem(Record<Problem>),
    FeedBack(Record<Problem>),
    Rectification(Id),
    NewClue,
    Clue(Record<Clue>),
    NewLetter,
    Letter(Record<Recommendation>),
}

#[component]
pub fn LedgerPage(kind: LedgerKind) -> impl IntoView {
    let st = state();
    let today = today();
    let panel = RwSignal::new(None::<Panel>);
    let sort = RwSignal::new((kind.default_sort(), false));
    // The order at the ledger version and sort it was made for: after a save, the
    // rows it changed are moved alone (`Ledger::resorted`) instead of sorting all.
    let sorted_for = StoredValue::new(None::<(xuncha_core::ledger::table::Col, bool, xuncha_core::i18n::Lang, u64)>);
    let order = Memo::new_with_compare(
        move |prev: Option<&Vec<usize>>| {
            let (col, descending) = sort.get();
            let lang = st.lang.get();
            st.with_ledger(|l| {
                let from = l.changed.as_ref().map(|c| c.from);
                let same = sorted_for
                    .get_value()
                    .is_some_and(|s| (s.0, s.1, s.2) == (col, descending, lang) && Some(s.3) == from);
                let moved = prev.filter(|_| same).and_then(|p| l.resorted(kind, p, col, descending, lang, today));
                sorted_for.set_value(Some((col, descending, lang, l.version)));
                moved.unwrap_or_else(|| l.sorted(kind, col, descending, lang, today, &platform::ZhCollator))
            })
        },
        |_, _| true,
    );
    let filter = st.ledger_filter;
    let shown = Memo::new_with_compare(
        move |_| {
            let f = filter.value();
            order.with(|o| st.with_ledger(|l| l.filter(kind, o, &f, today)))
        },
        |_, _| true,
    );
    let page = RwSignal::new(0usize);
    Effect::watch(move || filter.value(), move |_, _, _| page.set(0), false);
    let show_names = RwSignal::new(false);
    let printing = RwSignal::new(false);
    let totals =
        move || st.with_ledger(|l| shown.with(|s| Totals::of(l, kind, s, today))).sentence(kind, st.lang.get());
    let pages = Signal::derive(move || shown.with(|s| pages_for(s.len())));
    let columns = Signal::derive(move || st.columns.with(|c| c.visible(kind, show_names.get())));
    let header = move || {
        columns
            .get()
            .into_iter()
            .map(|col| {
                let arrow = move || match sort.get() {
                    (c, false) if c == col => " ▲",
                    (c, true) if c == col => " ▼",
                    _ => "",
                };
                let click = move |_| sort.update(|s| *s = if s.0 == col { (col, !s.1) } else { (col, false) });
                view! {
                    <th>
                        <button type="button" class="sort" data-testid=format!("sort-{col:?}") on:click=click>
                            {move || st.t(col.label())}<span class="sort-arrow">{arrow}</span>
                        </button>
                    </th>
                }
            })
            .collect_view()
    };
    let body = move || {
        let lang = st.lang.get();
        let cols = columns.get();
        shown.with(|s| {
            // Printing draws every shown row; the screen draws one page.
            let visible = page_of(s, page.get(), printing.get());
            // 序号 counts through the pages, as on paper.
            let first = if printing.get() { 1 } else { page.get() * PAGE_ROWS + 1 };
            st.with_ledger(|l| {
                let rows = l.rows(kind);
                visible
                    .iter()
                    .filter_map(|i| rows.get(*i))
                    .enumerate()
                    .map(|(n, row)| table_row(st, kind, row, first + n, &cols, lang, today, panel))
                    .collect_view()
            })
        })
    };
    let office = move || st.office.get().map(|o| o.name).unwrap_or_default();
    let filter_words = move || st.data.with(|d| filter.value().describe(d, st.lang.get()));
    let exporting = RwSignal::new(false);
    let export = move |xlsx: bool| {
        exporting.set(true);
        // Let the page draw "正在导出…" before the work starts.
        platform::after(30, move || {
            let lang = st.lang.get_untracked();
            let office = st.office.get_untracked().map(|o| o.name).unwrap_or_default();
            let words = untrack(filter_words);
            let sheet = untrack(|| {
                st.with_ledger(|l| {
                    shown.with(|s| Sheet::of_ledger(l, kind, s, &office, &words, show_names.get(), lang, today))
                })
            });
            // No library wording reaches the page: any failure is one sentence.
            let failed = || T::ErrExportWrite.text(lang).to_owned();
            let name = file_name(&office, kind, lang, today, if xlsx { "xlsx" } else { "csv" });
            let result = if xlsx {
                sheet
                    .to_xlsx(platform::now())
                    .map_err(|_| failed())
                    .and_then(|bytes| platform::download_bytes(&name, &bytes, XLSX_MIME).map_err(|_| failed()))
            } else {
                platform::download_bytes(&name, sheet.to_csv().as_bytes(), "text/csv;charset=utf-8")
                    .map_err(|_| failed())
            };
            exporting.set(false);
            match result {
                Ok(()) => {
                    let mut said = fill(T::LedgerExported.text(lang), &[("n", &sheet.rows.len()), ("file", &name)]);
                    let cut = if xlsx { sheet.shortened() } else { 0 };
                    if cut > 0 {
                        said = format!("{said} {}", fill(T::LedgerShortened.text(lang), &[("n", &cut)]));
                    }
                    st.notify(said, false)
                }
                Err(e) => st.notify(e, true),
            }
        });
    };
    // The shown rows as an exchange package, for another office to import.
    let export_package = move |_| {
        let (Some(store), Some(office)) = (st.store(), st.office.get_untracked()) else { return };
        let lang = st.lang.get_untracked();
        let words = untrack(filter_words);
        let rows = untrack(|| {
            st.with_ledger(|l| {
                shown.with(|s| {
                    let all = l.rows(kind);
                    let mut rows = LedgerRows::default();
                    for row in s.iter().filter_map(|i| all.get(*i)) {
                        match (row.problem(), row.clue(), row.letter()) {
                            (Some(p), _, _) => rows.problems.push(p.meta.id),
                            (_, Some(c), _) => rows.clues.push(c.meta.id),
                            (_, _, Some(l)) => rows.letters.push(l.meta.id),
                            _ => {}
                        }
                    }
                    rows
                })
            })
        });
        exporting.set(true);
        leptos::task::spawn_local(async move {
            let now = platform::now();
            let source = Source { office_id: office.id, office_name: office.name.clone() };
            let description = format!("{}（{words}）", kind.title().text(lang));
            let name = package_file_name(&office.name, kind.title().text(lang), now.local_date_day());
            let result = match ledger_package(store.as_ref(), &rows, description, source, now).await {
                Ok(file) => file.to_json().map_err(|_| T::ErrExportWrite.text(lang).to_owned()).and_then(|text| {
                    platform::download(&name, &text).map_err(|_| T::ErrExportWrite.text(lang).to_owned())
                }),
                Err(e) => Err(e.message().text(lang).to_owned()),
            };
            exporting.set(false);
            match result {
                Ok(()) => st.notify(fill(T::ExportedFile.text(lang), &[("file", &name)]), false),
                Err(e) => st.notify(format!("{} {e}", T::ExportFailed.text(lang)), true),
            }
        });
    };
    let print = move |_| {
        printing.set(true);
        // Let the page draw every shown row before the print dialog takes the thread.
        platform::after(50, move || {
            if let Some(w) = web_sys::window() {
                let _ = w.print();
            }
            printing.set(false);
        });
    };
    let new_button = match kind {
        LedgerKind::Problems => Some((T::NewProblem, "new-problem", Panel::NewProblem)),
        LedgerKind::Clues => Some((T::NewClue, "new-clue", Panel::NewClue)),
        LedgerKind::Letters => Some((T::NewLetter, "new-letter", Panel::NewLetter)),
        LedgerKind::Rectifications => None,
    }
    .map(|(label, testid, open)| {
        view! { <button type="button" class="no-print" data-testid=testid on:click=move |_| panel.set(Some(open.clone()))>{tr(label)}</button> }
    });
    view! {
        <ListPage panel=panel form=panel_form class="ledger">
            <LedgerTabs current=kind/>
            <div class="print-title">
                <h1>{move || format!("{} {}", office(), st.t(kind.title()))}</h1>
                <p>{move || fill(st.t(T::SheetSubtitle), &[("filter", &filter_words()), ("day", &today)])}</p>
            </div>
            <div class="toolbar no-print">
                {new_button}
                <button type="button" class="secondary" data-testid="export-xlsx" disabled=move || exporting.get() on:click=move |_| export(true)>{tr(T::ExportXlsx)}</button>
                <button type="button" class="secondary" data-testid="export-csv" disabled=move || exporting.get() on:click=move |_| export(false)>{tr(T::ExportCsv)}</button>
                <button type="button" class="secondary" data-testid="export-package" disabled=move || exporting.get() on:click=export_package>{tr(T::ExportLedgerPackage)}</button>
                <button type="button" class="secondary" data-testid="print-ledger" on:click=print>{tr(T::Print)}</button>
                <Show when=move || exporting.get()><span class="busy" data-testid="exporting">{tr(T::Exporting)}</span></Show>
            </div>
            <Filters kind=kind show_names=show_names/>
            <ColumnChooser kind=kind show_names=show_names/>
            <p class="totals" data-testid="ledger-totals">{totals}</p>
            // The table scrolls by itself, its header and actions in view; the tabs and
            // filters above stay put.
            <div class="table-scroll">
                <table class="list ledger-table" data-testid="ledger-table">
                    <thead><tr><th class="seq">{tr(T::ColSeq)}</th>{header}<th class="actions no-print">{tr(T::Actions)}</th></tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            // Offices sign a printed ledger.
            <div class="signature" data-testid="signature">
                <span>{tr(T::SignPreparer)}</span><span>{tr(T::SignReviewer)}</span><span>{tr(T::SignDate)}</span>
            </div>
            <Pager page=page pages=pages shown=Signal::derive(move || shown.with(Vec::len))/>
        </ListPage>
    }
}

/// The form or panel for what the side panel holds.
fn panel_form(panel: Panel, close: Callback<()>) -> AnyView {
    match panel {
        Panel::NewProblem => view! { <ProblemForm base=None on_close=close/> }.into_any(),
        Panel::Problem(p) => view! { <ProblemForm base=Some(p) on_close=close/> }.into_any(),
        Panel::FeedBack(p) => view! { <FeedBackForm problem=p on_close=close/> }.into_any(),
        Panel::Rectification(id) => view! { <RectificationPanel id=id on_close=close/> }.into_any(),
        Panel::NewClue => view! { <ClueForm base=None on_close=close/> }.into_any(),
        Panel::Clue(c) => view! { <ClueForm base=Some(c) on_close=close/> }.into_any(),
        Panel::NewLetter => view! { <LetterForm base=None on_close=close/> }.into_any(),
        Panel::Letter(l) => view! { <LetterForm base=Some(l) on_close=close/> }.into_any(),
    }
}

#[component]
fn LedgerTabs(current: LedgerKind) -> impl IntoView {
    let st = state();
    let tabs = LedgerKind::ALL
        .into_iter()
        .map(|k| {
            view! {
                <a href=Route::Ledger(k).hash() class="tab" class:active=k == current data-testid=format!("tab-{}", k.slug())>
                    {move || st.t(k.title())}
                </a>
            }
        })
        .collect_view();
    view! { <nav class="tabs no-print">{tabs}</nav> }
}

/// Shows or hides columns of this ledger on screen and in print; kept on this PC.
#[component]
fn ColumnChooser(kind: LedgerKind, show_names: RwSignal<bool>) -> impl IntoView {
    let st = state();
    let boxes = move || {
        kind.columns(show_names.get())
            .into_iter()
            .map(|col| {
                let toggle = move |_| {
                    st.columns.update(|c| c.toggle(kind, col));
                    st.columns.with_untracked(platform::save_columns);
                };
                view! {
                    <label class="check">
                        <input type="checkbox" data-testid=format!("column-{col:?}")
                            prop:checked=move || st.columns.with(|c| !c.is_hidden(kind, col)) on:change=toggle/>
                        <span>{move || st.t(col.label())}</span>
                    </label>
                }
            })
            .collect_view()
    };
    let reset = move |_| {
        st.columns.update(|c| c.reset(kind));
        st.columns.with_untracked(platform::save_columns);
    };
    view! {
        <details class="column-chooser no-print" data-testid="column-chooser">
            <summary>{tr(T::ColumnChooser)}</summary>
            <p class="hint">{tr(T::ColumnChooserHint)}</p>
            <div class="checklist">{boxes}</div>
            <button type="button" class="link" data-testid="columns-reset" on:click=reset>{tr(T::ColumnsReset)}</button>
        </details>
    }
}
