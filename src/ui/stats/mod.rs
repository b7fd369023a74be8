//! 统计: the figures of a work summary for a chosen period, each a link to its
//! records, with .xlsx, print and the summary's paragraphs to copy into Word.

mod chart;
pub mod coverage;
mod list;

use crate::platform;
use crate::ui::state::state;
use crate::ui::widgets::{
    round_options, term_options, today, township_options, tr, EnumFilter, PrintButton, RecordSelect,
};
use chart::BarChart;
use leptos::prelude::*;
use list::PickedList;
use xuncha_core::documents::DocRef;
use xuncha_core::i18n::Label;
use xuncha_core::i18n::{fill, T};
use xuncha_core::id::Id;
use xuncha_core::route::Route;
use xuncha_core::sheet::Sheet;
use xuncha_core::stats::{charts, text, Figure, Link, Period, Stats, StatsScope};
use xuncha_core::target::TargetKind;

/// Which kind of period the user counts by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum By {
    Year,
    Term,
    Round,
    Range,
}

/// What the page counts, kept in `AppState` so that it is still chosen after a
/// figure has opened a ledger and the user comes back.
#[derive(Clone, Copy, Debug)]
pub struct StatsChoice {
    pub by: RwSignal<By>,
    pub year: RwSignal<String>,
    pub term: RwSignal<Option<Id>>,
    pub round: RwSignal<Option<Id>>,
    pub from: RwSignal<String>,
    pub to: RwSignal<String>,
    pub township: RwSignal<Option<Id>>,
    pub kind: RwSignal<Option<TargetKind>>,
}

impl StatsChoice {
    /// This year, nothing narrowed.
    pub fn new(today: xuncha_core::date::Day) -> StatsChoice {
        StatsChoice {
            by: RwSignal::new(By::Year),
            year: RwSignal::new(today.year().to_string()),
            term: RwSignal::new(None),
            round: RwSignal::new(None),
            from: RwSignal::new(String::new()),
            to: RwSignal::new(String::new()),
            township: RwSignal::new(None),
            kind: RwSignal::new(None),
        }
    }
}

#[component]
pub fn StatsPage() -> impl IntoView {
    let st = state();
    let today = today();
    let StatsChoice { by, year, term, round, from, to, township, kind } = st.stats_choice;
    if term.get_untracked().is_none() {
        term.set(st.data.with_untracked(|d| term_options(d).first().map(|t| t.0)));
    }
    // What to count, or why it cannot be counted yet.
    let chosen = Memo::new(move |_| {
        let period = match by.get() {
            By::Year => year
                .get()
                .trim()
                .parse::<i32>()
                .ok()
                .filter(|y| (1949..=2200).contains(y))
                .map(Period::Year)
                .ok_or(T::ErrStatsYear),
            By::Term => term.get().map(Period::Term).ok_or(T::StatsNoPeriod),
            By::Round => round.get().map(Period::Round).ok_or(T::StatsNoPeriod),
            By::Range => match (from.get().parse(), to.get().parse()) {
                (Ok(a), Ok(b)) if a <= b => Ok(Period::Range(a, b)),
                _ => Err(T::ErrStatsRange),
            },
        }?;
        Ok(StatsScope { period, township: township.get(), kind: kind.get() })
    });
    let scope = Memo::new(move |_| chosen.get().ok());
    let stats = Memo::new(move |_| {
        let scope = scope.get()?;
        Some(st.with_ledger(|l| st.data.with(|d| Stats::of(d, l, &scope, today))))
    });
    let words = move || scope.get().map(|s| st.data.with(|d| s.describe(d, st.lang.get()))).unwrap_or_default();
    let shown = RwSignal::new(None::<Link>);
    let phrase = move || scope.get().map(|s| st.data.with(|d| s.phrase(d, st.lang.get()))).unwrap_or_default();
    let summary = move || stats.get().map(|s| text::summary(&s, &phrase(), st.lang.get())).unwrap_or_default();
    let export = move |_| {
        let Some(s) = stats.get_untracked() else { return };
        let lang = st.lang.get_untracked();
        let office = st.office.get_untracked().map(|o| o.name).unwrap_or_default();
        let scope_words = untrack(words);
        let sheet = Sheet::of_stats(&office, &scope_words, &s, lang, today);
        // The scope in the name, so the exports of several scopes do not clash.
        let scope_name: String = scope_words.chars().filter(|c| !"\\/:*?\"<>|；; ".contains(*c)).collect();
        let name = format!("{}-{}-{}-{}.xlsx", office.trim(), T::StatsTitle.text(lang), scope_name, today);
        crate::ui::widgets::download_workbook(st, &[sheet], &name);
    };
    let copy = move |_| {
        let ok = platform::copy_from_testid("stats-text");
        st.notify(st.t(if ok { T::StatsCopied } else { T::StatsCopyFailed }), !ok);
    };
    let terms = Signal::derive(move || st.data.with(term_options));
    let rounds = Signal::derive(move || st.data.with(|d| round_options(d, st.lang.get())));
    let townships = Signal::derive(move || st.data.with(township_options));
    let by_choice = move |b: By, label: T| {
        view! {
            <label class="check">
                <input type="radio" name="stats-by" data-testid=format!("stats-by-{b:?}") prop:checked=move || by.get() == b
                    on:change=move |_| by.set(b)/>
                <span>{tr(label)}</span>
            </label>
        }
    };
    view! {
        <section class="stats" data-testid="stats-page">
            <h1>{tr(T::StatsTitle)}</h1>
            <p class="print-only">{move || {
                let office = st.office.get().map(|o| o.name).unwrap_or_default();
                fill(st.t(T::StatsPrintLine), &[("office", &office), ("scope", &words()), ("day", &today)])
            }}</p>
            <div class="filters no-print">
                <div class="field filter">
                    <span class="label">{tr(T::StatsPeriod)}</span>
                    <div class="choices">
                        {by_choice(By::Year, T::PeriodYear)}
                        {by_choice(By::Term, T::PeriodTerm)}
                        {by_choice(By::Round, T::PeriodRound)}
                        {by_choice(By::Range, T::PeriodRange)}
                    </div>
                </div>
                <Show when=move || by.get() == By::Year>
                    <label class="field filter">
                        <span class="label">{tr(T::PeriodYear)}</span>
                        <input type="number" min="1949" max="2200" data-testid="stats-year" bind:value=year/>
                    </label>
                </Show>
                <Show when=move || by.get() == By::Term>
                    <RecordSelect label=T::PeriodTerm options=terms value=term field="stats-term" empty=T::None errors=None/>
                </Show>
                <Show when=move || by.get() == By::Round>
                    <RecordSelect label=T::PeriodRound options=rounds value=round field="stats-round" empty=T::None errors=None/>
                </Show>
                <Show when=move || by.get() == By::Range>
                    <label class="field filter">
                        <span class="label">{tr(T::FilterFrom)}</span>
                        <input type="date" data-testid="stats-from" bind:value=from/>
                    </label>
                    <label class="field filter">
                        <span class="label">{tr(T::FilterTo)}</span>
                        <input type="date" data-testid="stats-to" bind:value=to/>
                    </label>
                </Show>
                <RecordSelect label=T::ColTownship options=townships value=township field="stats-township" empty=T::All errors=None/>
                <EnumFilter label=T::FieldKind options=&TargetKind::ALL value=kind field="stats-kind"/>
            </div>
            <p class="hint no-print">{tr(T::StatsPeriodHint)}</p>
            <div class="toolbar no-print">
                <button type="button" class="secondary" data-testid="stats-export" disabled=move || stats.with(Option::is_none) on:click=export>{tr(T::ExportXlsx)}</button>
                <button type="button" class="secondary" data-testid="stats-copy" disabled=move || stats.with(Option::is_none) on:click=copy>{tr(T::StatsCopyText)}</button>
                <PrintButton/>
                {move || match scope.get() {
                    // The work summary is the whole county's year.
                    Some(StatsScope { period: Period::Year(y), township: None, kind: None }) => {
                        let href = Route::Document(DocRef::Summary(y)).hash();
                        view! { <a class="link" data-testid="stats-summary-doc" href=href>{tr(T::DocOpenSummary)}</a> }.into_any()
                    }
                    _ => ().into_any(),
                }}
            </div>
            {move || match (stats.get(), chosen.get()) {
                (Some(s), _) => view! { <Figures stats=s shown=shown/> }.into_any(),
                (None, Err(why)) => view! { <p class="form-errors" role="alert" data-testid="stats-why">{tr(why)}</p> }.into_any(),
                (None, Ok(_)) => ().into_any(),
            }}
            {move || stats.get().zip(scope.get()).map(|(s, scope)| view! { <Charts stats=s scope=scope/> })}
            {move || shown.get().zip(scope.get()).map(|(link, scope)| view! { <PickedList link=link scope=scope shown=shown/> })}
            <textarea class="stats-text no-print" readonly rows="8" data-testid="stats-text" prop:value=summary></textarea>
        </section>
    }
}

/// The groups of figures, each figure a link to its records.
#[component]
fn Figures(stats: Stats, shown: RwSignal<Option<Link>>) -> impl IntoView {
    let st = state();
    let gap = {
        let activities = stats.value("activities.questionnaires");
        let records = stats.value("questionnaires.handed_out");
        (activities != records).then(|| {
            let gap = activities.abs_diff(records);
            move || {
                fill(
                    st.t(T::StatsQuestionnaireGap),
                    &[("activities", &activities), ("records", &records), ("gap", &gap)],
                )
            }
        })
    };
    let groups = stats
        .groups
        .into_iter()
        .map(|g| {
            let rows = g.figures.into_iter().map(|f| view! { <FigureRow f=f shown=shown/> }).collect_view();
            view! {
                <section class="stats-group">
                    <h2>{tr(g.title)}</h2>
                    <table class="list compact"><tbody>{rows}</tbody></table>
                </section>
            }
        })
        .collect_view();
    view! {
        <div class="stats-groups" data-testid="stats-figures">{groups}</div>
        {gap.map(|g| view! { <p class="hint warning" data-testid="stats-gap">{g}</p> })}
    }
}

#[component]
fn FigureRow(f: Figure, shown: RwSignal<Option<Link>>) -> impl IntoView {
    let st = state();
    let share = f.percent.map(|p| format!("{p:.1}%")).unwrap_or_default();
    let value = f.value;
    let number = match f.link.clone() {
        Some(link) => {
            let href = match &link {
                Link::Ledger(kind, _) => Route::Ledger(*kind).hash(),
                Link::Questionnaires => Route::Questionnaires.hash(),
                Link::Plan(id) => Route::Plan(*id).hash(),
                Link::People(_) => Route::People.hash(),
                Link::Outcomes(_) => Route::Outcomes.hash(),
                Link::Assessments(_) => Route::Assessments.hash(),
                Link::Targets(_) | Link::Rounds(_) => Route::Stats.hash(),
            };
            let follow = move |ev: leptos::ev::MouseEvent| match &link {
                Link::Ledger(_, filter) => st.ledger_filter.set(filter),
                Link::People(filter) => st.people_filter.set(filter),
                Link::Outcomes(filter) => st.outcome_filter.set(filter),
                Link::Assessments(filter) => st.ecology_filter.set(filter),
                Link::Questionnaires | Link::Plan(_) => {}
                Link::Targets(_) | Link::Rounds(_) => {
                    ev.prevent_default();
                    shown.set(Some(link.clone()));
                    platform::after(0, || platform::scroll_to_testid("stats-list"));
                }
            };
            view! { <a href=href class="figure" data-testid=format!("fig-{}", f.key) on:click=follow>{value}</a> }
                .into_any()
        }
        None => view! { <span data-testid=format!("fig-{}", f.key)>{value}</span> }.into_any(),
    };
    view! {
        <tr>
            <td>{move || st.t(f.label)}</td>
            <td class="num">{number}</td>
            <td class="num">{share}</td>
        </tr>
    }
}

/// Problems by focus and each round's rectification, as bars.
#[component]
fn Charts(stats: Stats, scope: StatsScope) -> impl IntoView {
    let st = state();
    let lang = st.lang.get_untracked();
    let focus = charts::problems_by_focus(&stats, lang);
    let progress = st.data.with_untracked(|d| charts::rectification_by_round(d, &scope, lang, today()));
    let statuses: Vec<String> = charts::PROGRESS_ORDER.iter().map(|s| s.label().text(lang).to_owned()).collect();
    view! {
        <div class="charts">
            <BarChart title=T::ChartFocus.text(lang).to_owned() bars=focus series=vec![T::StatsProblems.text(lang).to_owned()] testid="chart-focus"/>
            <BarChart title=T::ChartProgress.text(lang).to_owned() bars=progress series=statuses testid="chart-progress"/>
        </div>
    }
}
