//! 从 Excel 导入台账: a ledger kept in Excel, WPS or CSV is read, its columns matched
//! (and corrected by the person), every row checked in steps with a progress bar, and
//! the rows that can come in previewed and written as one import with one undo, like
//! an exchange file. Rows with errors are listed by row, column and reason.

use super::preview::{Preview, PreviewCard};
use super::sheet_columns::ColumnTable;
use super::{Progress, ProgressBar, Stage};
use crate::platform;
use crate::ui::state::{state, AppState};
use crate::ui::widgets::{round_options, tr, EnumSelect, OptionalEnumSelect, RecordSelect};
use leptos::prelude::*;
use std::collections::HashSet;
use std::sync::Arc;
use xuncha_core::exchange::format::{ExchangeFile, FileKind, Source};
use xuncha_core::exchange::import;
use xuncha_core::exchange::undo::ImportUndo;
use xuncha_core::i18n::{fill, T};
use xuncha_core::id::Id;
use xuncha_core::intake::{
    self, header, missing, place::Rounds, Converter, Defaults, Header, Mapping, RowNote, RowOutcome, RowProblem,
    Workbook,
};
use xuncha_core::ledger::table::Col;
use xuncha_core::problem::Focus;
use xuncha_core::target::TargetKind;

/// Rows checked between two chances for the page to paint.
const ROW_BATCH: usize = 250;
/// Refusals listed on the page; the rest are counted.
const LISTED: usize = 200;

/// A sheet read and checked: the counts and the refusals in words.
#[derive(Clone, Debug, PartialEq)]
struct Checked {
    rows: usize,
    added: usize,
    same: usize,
    refused: usize,
    /// Rows that move kept rectifications on, and rows of records deleted here.
    updated: usize,
    deleted: usize,
    /// Columns with data that no field takes, named.
    left_out: String,
    /// How the 整改情况 words are read.
    status_reading: String,
    /// What is said of rows kept as they are.
    notes: Vec<String>,
    /// The first `LISTED` refusals in words, and how many there are in all.
    problems: Vec<String>,
    problems_total: usize,
    /// Units, rounds and inspections the sheet names and this PC lacks, to offer 补建.
    missing: missing::Named,
    /// Rows read as headings, totals or notes rather than data.
    passed_over: Vec<usize>,
}

/// Checks and plans records made on the page; the preview is shown for the person to
/// confirm. Returns the ids of the records that were deleted here, which the page's
/// live records do not show.
async fn offer(
    st: AppState,
    name: String,
    records: xuncha_core::record::Records,
    preview: RwSignal<Option<Preview>>,
    error: RwSignal<Option<String>>,
) -> HashSet<Id> {
    let (Some(store), Some(office)) = (st.store(), st.office.get_untracked()) else { return HashSet::new() };
    let lang = st.lang.get_untracked();
    let scope = fill(T::CliSheetScope.text(lang), &[("file", &name)]);
    let source = Source { office_id: office.id, office_name: office.name.clone() };
    let file = ExchangeFile::new(source, platform::now(), FileKind::Package { scope }, records);
    match import::plan(store.as_ref(), &file).await {
        Ok(plan) => {
            let deleted = plan
                .items
                .iter()
                .filter(|i| i.local.as_ref().is_some_and(|l| l.meta().deleted))
                .map(|i| i.id)
                .collect();
            preview.set(Some(Preview::new(0, name, file, plan)));
            deleted
        }
        Err(e) => {
            error.set(Some(e.message(lang)));
            HashSet::new()
        }
    }
}

#[component]
pub fn SheetSection(undo: RwSignal<Option<ImportUndo>>, on_applied: Callback<()>) -> impl IntoView {
    let st = state();
    let file_name = RwSignal::new(String::new());
    let book = RwSignal::new(None::<Arc<Workbook>>);
    let sheet = RwSignal::new(0usize);
    let error = RwSignal::new(None::<String>);
    let mapping = RwSignal::new(Mapping { columns: Vec::new() });
    let remembered = RwSignal::new(false);
    let round = RwSignal::new(None::<Id>);
    let year = RwSignal::new(String::new());
    let focus = RwSignal::new(None::<Focus>);
    let checked = RwSignal::new(None::<Checked>);
    let preview = RwSignal::new(None::<Preview>);
    // The rows a check refused for something missing, and the choices they were read with.
    let wants = StoredValue::new(None::<(Vec<RowProblem>, Defaults)>);
    // What 补建 could not make, said in its box.
    let cannot = RwSignal::new(Vec::<String>::new());
    let progress = RwSignal::new(None::<Progress>);
    let busy = RwSignal::new(false);
    let header =
        Memo::new(move |_| book.with(|b| b.as_ref().and_then(|b| b.sheets.get(sheet.get()).and_then(header::find))));
    // A new sheet or header: the columns as last chosen for this layout, else guessed;
    // the round named in the title, when the sheet has no round column.
    Effect::new(move |_| {
        let Some(h) = header.get() else { return };
        let shape = Mapping::shape(&h.names);
        let saved = platform::saved_sheet_mapping(&shape).filter(|m| m.columns.len() == h.names.len());
        remembered.set(saved.is_some());
        let m = saved.unwrap_or_else(|| header::guess_for(&h));
        // A round chosen for an earlier sheet must not fill this one's blank round cells.
        let from_title = match m.column_of(Col::Round) {
            None => st.data.with_untracked(|d| Rounds::new(d).find(&h.title, None).ok()),
            Some(_) => None,
        };
        round.set(from_title);
        mapping.set(m);
        checked.set(None);
        preview.set(None);
    });
    // Each file, sheet, column or choice starts a new generation: a check still running
    // for an earlier one finishes unseen, so no preview says other than what would be written.
    let generation = StoredValue::new(0u64);
    let next_generation = move || generation.update_value(|g| *g += 1);
    Effect::new(move |_| {
        mapping.track();
        round.track();
        year.track();
        focus.track();
        next_generation();
        checked.set(None);
        preview.set(None);
    });
    let clear = move || {
        next_generation();
        checked.set(None);
        preview.set(None);
        error.set(None);
        cannot.set(Vec::new());
    };
    let pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(f) = input.files().and_then(|l| l.get(0)) else { return };
        input.set_value("");
        let lang = st.lang.get_untracked();
        clear();
        book.set(None);
        busy.set(true);
        leptos::task::spawn_local(async move {
            let name = f.name();
            progress.set(Some(Progress { file: name.clone(), stage: Stage::Reading }));
            platform::yield_to_page().await;
            let read = match platform::read_file(&f).await {
                Ok(bytes) => intake::read(&bytes).map_err(|e| e.text().text(lang).to_owned()),
                Err(_) => Err(T::ErrFileUnreadable.text(lang).to_owned()),
            };
            progress.set(None);
            busy.set(false);
            let said = |message: &str| fill(T::ImportFileError.text(lang), &[("file", &name), ("message", &message)]);
            match read {
                Ok(b) => {
                    let first = b.sheets.iter().position(|s| header::find(s).is_some());
                    if first.is_none() {
                        // A CSV or an HTML table has no sheet name: the file's stands for it.
                        let sheet_name =
                            b.sheets.first().map(|s| s.name.clone()).filter(|n| !n.is_empty()).unwrap_or(name.clone());
                        error.set(Some(said(&fill(T::IntakeNoHeader.text(lang), &[("sheet", &sheet_name)]))));
                    }
                    sheet.set(first.unwrap_or(0));
                    year.set(String::new());
                    focus.set(None);
                    file_name.set(name);
                    book.set(Some(Arc::new(b)));
                }
                Err(message) => error.set(Some(said(&message))),
            }
        });
    };
    let check = move |_| {
        let (Some(b), Some(h)) = (book.get_untracked(), header.get_untracked()) else { return };
        let lang = st.lang.get_untracked();
        let year_text = year.get_untracked();
        let year_value = match year_text.trim() {
            "" => None,
            t => match t.parse::<i32>() {
                Ok(y) if (1949..=2199).contains(&y) => Some(y),
                _ => return error.set(Some(T::SheetYearBad.text(lang).to_owned())),
            },
        };
        let Some(office) = st.office.get_untracked() else { return };
        clear();
        busy.set(true);
        let m = mapping.get_untracked();
        platform::save_sheet_mapping(&Mapping::shape(&h.names), &m);
        let defaults = Defaults {
            round: round.get_untracked(),
            year: year_value,
            focus: focus.get_untracked(),
            office: office.id,
            now: platform::now(),
            lang,
        };
        let name = file_name.get_untracked();
        let index = sheet.get_untracked();
        let mine = generation.get_value();
        let defaults_kept = defaults.clone();
        wants.set_value(None);
        // A section drawn again (its page redrawn by a write) has let go of its
        // values: a check still running for it is stale, never a dead page.
        let stale = move || generation.try_get_value() != Some(mine);
        leptos::task::spawn_local(async move {
            let Some(grid) = b.sheets.get(index) else { return };
            let stored = st.data.get_untracked();
            let mut conv = Converter::new(grid, &h, &m, &stored, defaults);
            loop {
                let done = conv.step(ROW_BATCH);
                let (at, total) = conv.progress();
                progress.set(Some(Progress { file: name.clone(), stage: Stage::SheetRows { done: at, total } }));
                platform::yield_to_page().await;
                if stale() {
                    progress.set(None);
                    busy.set(false);
                    return;
                }
                if done {
                    break;
                }
            }
            let mut result = conv.finish();
            let refused: Vec<RowProblem> = result.problems.iter().filter(|p| missing::is_missing(p)).cloned().collect();
            wants.set_value(Some((refused, defaults_kept)));
            if result.count(RowOutcome::Added) + result.count(RowOutcome::Updated) > 0 {
                progress.set(Some(Progress { file: name.clone(), stage: Stage::Comparing }));
                platform::yield_to_page().await;
                if !stale() {
                    let records = result.records.clone();
                    let deleted = offer(st, name.clone(), records, preview, error).await;
                    result.mark_deleted(&deleted);
                    if result.count(RowOutcome::Added) + result.count(RowOutcome::Updated) == 0 {
                        preview.set(None);
                    }
                }
                if stale() {
                    preview.set(None);
                    progress.set(None);
                    busy.set(false);
                    return;
                }
            }
            let counts =
                [RowOutcome::Added, RowOutcome::Same, RowOutcome::Refused, RowOutcome::Updated, RowOutcome::Deleted]
                    .map(|o| result.count(o));
            let left_out = header::columns_named(&h, &header::left_out_with_data(grid, &h, &m), lang);
            let status_reading = m
                .column_of(Col::Status)
                .map(|c| intake::values::status_reading(&header::column_words(grid, &h, c), lang))
                .unwrap_or_default();
            let said = intake::grouped(&result.problems, lang);
            // The results stand below the columns, out of sight at 1366×768: bring them up.
            leptos::task::spawn_local(async {
                platform::yield_to_page().await;
                platform::scroll_to_testid("sheet-counts");
            });
            checked.set(Some(Checked {
                rows: result.rows.len(),
                added: counts[0],
                same: counts[1],
                refused: counts[2],
                updated: counts[3],
                deleted: counts[4],
                left_out,
                status_reading,
                notes: RowNote::grouped(&result.notes, lang),
                problems: said.iter().take(LISTED).cloned().collect(),
                problems_total: said.len(),
                missing: missing::Named::of(&result.problems),
                passed_over: result.passed_over.clone(),
            }));
            progress.set(None);
            busy.set(false);
        });
    };
    // 补建: what the rows named and this PC lacks, made through a preview the person confirms.
    let make = Callback::new(move |kind: TargetKind| {
        let lang = st.lang.get_untracked();
        let (Some(b), Some(h), Some((refused, defaults))) =
            (book.get_untracked(), header.get_untracked(), wants.get_value())
        else {
            return;
        };
        let Some(grid) = b.sheets.get(sheet.get_untracked()) else { return };
        let m = mapping.get_untracked();
        let file = file_name.get_untracked();
        let made = st.data.with_untracked(|d| missing::plan((grid, &h, &m), d, &defaults, &refused, kind, &file));
        cannot.set(made.cannot.clone());
        if !made.is_empty() {
            let name = T::SheetMadeTitle.text(lang).to_owned();
            leptos::task::spawn_local(async move {
                offer(st, name, made.records, preview, error).await;
            });
        }
    });
    let sheet_names =
        move || book.with(|b| b.as_ref().map(|b| b.sheets.iter().map(|s| s.name.clone()).collect::<Vec<_>>()));
    let rounds = Signal::derive(move || st.data.with(|d| round_options(d, st.lang.get())));
    view! {
        <h2 id="sheet-import">{tr(T::SheetTitle)}</h2>
        <p class="hint">{tr(T::SheetHint)}</p>
        <label class="file-pick">
            <span>{tr(T::SheetChoose)}</span>
            <input type="file" accept=".xlsx,.xls,.ods,.csv,.txt" data-testid="sheet-file" disabled=move || busy.get() on:change=pick/>
        </label>
        <ProgressBar progress=progress/>
        {move || error.get().map(|e| view! { <div class="form-errors" role="alert" data-testid="sheet-error">{e}</div> })}
        {move || sheet_names().filter(|n| n.len() > 1).map(|names| view! {
            <div class="filters"><label class="field filter">
                <span class="label">{tr(T::SheetWhich)}</span>
                <select data-testid="sheet-which" prop:value=move || sheet.get().to_string()
                    on:change=move |ev| { sheet.set(event_target_value(&ev).parse().unwrap_or(0)); clear(); }>
                    {names.into_iter().enumerate().map(|(i, n)| view! { <option value=i.to_string() selected=move || sheet.get_untracked() == i>{n}</option> }).collect_view()}
                </select>
            </label></div>
        })}
        {move || {
            let (b, h) = (book.get()?, header.get()?);
            let grid = Arc::new(b.sheets.get(sheet.get())?.clone());
            Some(view! { <SheetSetup grid=grid header=h mapping=mapping remembered=remembered round=round rounds=rounds year=year focus=focus file_name=file_name/> })
        }}
        <Show when=move || header.with(Option::is_some)>
            <p class="toolbar">
                <button type="button" data-testid="sheet-check" disabled=move || busy.get() || !st.lists_ready.get() on:click=check>{tr(T::SheetCheck)}</button>
                <Show when=move || !st.lists_ready.get()><span class="hint">{tr(T::SheetWait)}</span></Show>
            </p>
        </Show>
        {move || checked.get().map(|c| view! { <CheckedRows checked=c on_make=make cannot=cannot/> })}
        {move || preview.get().map(|p| view! {
            <PreviewCard preview=p undo=undo on_done=Callback::new(move |_: u64| {
                preview.set(None);
                checked.set(None);
                on_applied.try_run(());
            })/>
        })}
    }
}

/// The found header, the column table and what the sheet leaves to the person.
#[component]
#[allow(clippy::too_many_arguments)]
fn SheetSetup(
    grid: Arc<xuncha_core::intake::Grid>,
    header: Header,
    mapping: RwSignal<Mapping>,
    remembered: RwSignal<bool>,
    round: RwSignal<Option<Id>>,
    rounds: Signal<Vec<(Id, String)>>,
    year: RwSignal<String>,
    focus: RwSignal<Option<Focus>>,
    file_name: RwSignal<String>,
) -> impl IntoView {
    let st = state();
    let found = {
        let rows = grid.rows.len().saturating_sub(header.data_start());
        let (row, first) = (header.row + 1, header.data_start() + 1);
        move || {
            let file = file_name.get();
            let colon = if st.lang.get() == xuncha_core::i18n::Lang::Zh { "：" } else { ": " };
            format!("{file}{colon}{}", fill(st.t(T::SheetFound), &[("row", &row), ("first", &first), ("rows", &rows)]))
        }
    };
    // The 三个聚焦 mean nothing to a ledger of clues, letters or units.
    let problems_sheet = move || mapping.with(|m| m.column_of(Col::Description).is_some());
    view! {
        <p class="hint" data-testid="sheet-found">{found}</p>
        <Show when=move || remembered.get()><p class="hint" data-testid="sheet-remembered">{tr(T::SheetRemembered)}</p></Show>
        <ColumnTable grid=grid header=header mapping=mapping/>
        <div class="filters sheet-choices">
            <RecordSelect label=T::SheetRound options=rounds value=round field="sheet-round" empty=T::SheetRoundAsWritten errors=None/>
            <label class="field filter">
                <span class="label">{tr(T::SheetYear)}</span>
                <input type="text" inputmode="numeric" maxlength="4" data-testid="sheet-year" bind:value=year/>
            </label>
            <div class:hidden=move || !problems_sheet()>
                <OptionalEnumSelect label=T::SheetFocus options=&Focus::ALL value=focus field="sheet-focus" empty=T::SheetFocusNone/>
            </div>
        </div>
    }
}

#[component]
fn CheckedRows(checked: Checked, on_make: Callback<TargetKind>, cannot: RwSignal<Vec<String>>) -> impl IntoView {
    let st = state();
    let Checked {
        rows,
        added,
        same,
        refused,
        updated,
        deleted,
        left_out,
        status_reading,
        notes,
        problems,
        problems_total,
        missing,
        passed_over,
    } = checked;
    let passed = (!passed_over.is_empty()).then(|| {
        let mut listed: Vec<String> = passed_over.iter().take(30).map(usize::to_string).collect();
        if passed_over.len() > 30 {
            listed.push("…".to_owned());
        }
        let listed = listed.join(if st.lang.get_untracked() == xuncha_core::i18n::Lang::Zh { "、" } else { ", " });
        move || fill(st.t(T::SheetPassedOver), &[("rows", &listed)])
    });
    let more = problems_total.saturating_sub(problems.len());
    let counts = move || {
        fill(st.t(T::SheetCounts), &[("rows", &rows), ("added", &added), ("same", &same), ("refused", &refused)])
    };
    view! {
        <p data-testid="sheet-counts">{counts}</p>
        {passed.map(|p| view! { <p class="hint" data-testid="sheet-passed-over">{p}</p> })}
        {(updated > 0).then(|| view! { <p data-testid="sheet-updated">{move || fill(st.t(T::SheetUpdated), &[("n", &updated)])}</p> })}
        {(deleted > 0).then(|| view! { <p class="hint" data-testid="sheet-deleted">{move || fill(st.t(T::SheetDeleted), &[("n", &deleted)])}</p> })}
        {(same > 0).then(|| view! { <p class="hint" data-testid="sheet-same-hint">{tr(T::SheetSameHint)}</p> })}
        {(!left_out.is_empty()).then(|| view! { <p class="hint" data-testid="sheet-left-out">{move || fill(st.t(T::SheetLeftOutCols), &[("cols", &left_out)])}</p> })}
        {(!status_reading.is_empty()).then(|| view! { <p class="hint" data-testid="sheet-status-reading">{move || fill(st.t(T::SheetStatusReading), &[("read", &status_reading)])}</p> })}
        {(!notes.is_empty()).then(|| view! {
            <div class="hint" data-testid="sheet-notes">
                <p>{tr(T::SheetNotesTitle)}</p>
                <ul>{notes.into_iter().map(|n| view! { <li data-testid="sheet-note">{n}</li> }).collect_view()}</ul>
            </div>
        })}
        {(!problems.is_empty()).then(|| view! {
            <div class="form-errors" data-testid="sheet-refusals">
                <p>{tr(T::SheetErrorsTitle)}</p>
                <ul>{problems.into_iter().map(|p| view! { <li data-testid="sheet-refusal">{p}</li> }).collect_view()}</ul>
                {(more > 0).then(|| view! { <p>{move || fill(st.t(T::SheetMoreErrors), &[("n", &more)])}</p> })}
            </div>
        })}
        {(added + updated == 0).then(|| view! { <p data-testid="sheet-nothing">{tr(T::SheetNothing)}</p> })}
        {(!missing.is_empty()).then(|| view! { <MissingPlaces missing=missing on_make=on_make cannot=cannot/> })}
    }
}

/// What the rows named and this PC lacks: units, rounds and inspections, each listed,
/// with the kind for units whose names do not say it; made only through the preview
/// the person confirms.
#[component]
fn MissingPlaces(
    missing: missing::Named,
    on_make: Callback<TargetKind>,
    cannot: RwSignal<Vec<String>>,
) -> impl IntoView {
    let st = state();
    let kind = RwSignal::new(TargetKind::CountyGovDept);
    let sep = move || if st.lang.get() == xuncha_core::i18n::Lang::Zh { "、" } else { ", " };
    let missing::Named { units, rounds, places } = missing;
    let line = move |key: T, names: Vec<String>, testid: &'static str| {
        (!names.is_empty()).then(|| {
            let n = names.len();
            view! { <p data-testid=testid>{move || fill(st.t(key), &[("n", &n), ("names", &names.join(sep()))])}</p> }
        })
    };
    let places: Vec<String> = places.into_iter().map(|(unit, round)| format!("{unit}（{round}）")).collect();
    let has_units = !units.is_empty();
    view! {
        <div class="preview" data-testid="sheet-missing">
            {line(T::SheetUnknownUnits, units, "sheet-unknown-units")}
            {line(T::SheetUnknownRounds, rounds, "sheet-unknown-rounds")}
            {line(T::SheetNotInspected, places, "sheet-not-inspected")}
            <div class="filters">
                {has_units.then(|| view! { <EnumSelect label=T::SheetUnitsKind options=&TargetKind::ALL value=kind field="sheet-units-kind"/> })}
                <button type="button" class="secondary" data-testid="sheet-make-missing"
                    on:click=move |_| on_make.run(kind.get_untracked())>{tr(T::SheetMakeMissing)}</button>
            </div>
            {move || {
                let said = cannot.get();
                (!said.is_empty()).then(|| view! {
                    <ul class="form-errors" role="alert" data-testid="sheet-cannot-make">
                        {said.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                    </ul>
                })
            }}
            <p class="hint">{tr(T::SheetMakeHint)}</p>
        </div>
    }
}
