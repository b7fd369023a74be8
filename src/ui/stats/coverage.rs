//! 全覆盖: one term's coverage by kind and by township, its goal, and the targets
//! still to inspect, filterable and printable.

use crate::platform::ZhCollator;
use crate::ui::state::state;
use crate::ui::widgets::{term_options, today, township_options, tr, EnumFilter, PrintButton, RecordSelect};
use leptos::prelude::*;
use xuncha_core::collate::sort_by_text;
use xuncha_core::i18n::{fill, Label, T};
use xuncha_core::id::Id;
use xuncha_core::stats::coverage::{behind, coverage, current_term, Coverage, Goal, Share};
use xuncha_core::target::TargetKind;

fn rate(share: &Share) -> String {
    share.rate().map(|r| format!("{r:.1}%")).unwrap_or_else(|| "—".to_owned())
}

#[component]
pub fn CoveragePage() -> impl IntoView {
    let st = state();
    let today = today();
    let term = RwSignal::new(st.data.with_untracked(|d| current_term(d, today)));
    let terms = Signal::derive(move || st.data.with(term_options));
    let cov = Memo::new(move |_| term.get().map(|t| st.data.with(|d| coverage(d, t, today))));
    let body = move || {
        let Some(t) = term.get() else {
            return view! { <p class="empty">{tr(T::CoverageNoTerm)}</p> }.into_any();
        };
        let c = cov.get().unwrap_or_default();
        view! {
            <GoalLine term=t all=c.all/>
            <KindTable c=c.clone()/>
            <TownshipTable c=c.clone()/>
            <Remaining c=c/>
        }
        .into_any()
    };
    view! {
        <section class="coverage" data-testid="coverage-page">
            <h1>{tr(T::CoverageTitle)}</h1>
            <p class="print-only">{move || {
                let office = st.office.get().map(|o| o.name).unwrap_or_default();
                let term_name = term.get().and_then(|t| st.data.with(|d| d.term(t).map(|t| t.data.name.clone()))).unwrap_or_default();
                fill(st.t(T::CoveragePrintLine), &[("office", &office), ("term", &term_name), ("day", &today)])
            }}</p>
            <div class="filters no-print">
                <RecordSelect label=T::PeriodTerm options=terms value=term field="coverage-term" empty=T::None errors=None/>
                <PrintButton/>
            </div>
            <p class="hint no-print">{tr(T::CoverageRule)}</p>
            {body}
        </section>
    }
}

/// The term's rate against its goal, with the goal to change.
#[component]
fn GoalLine(term: Id, all: Share) -> impl IntoView {
    let st = state();
    let today = today();
    let record = st.data.with_untracked(|d| d.term(term).map(|t| t.data.clone()));
    let Some(record) = record else { return ().into_any() };
    let goal = move || st.coverage_goals.with(|g| g.get(&term).copied()).or_else(|| Goal::whole_term(record.end_year));
    let percent = RwSignal::new(goal().map(|g| g.percent.to_string()).unwrap_or_default());
    let by = RwSignal::new(goal().map(|g| g.by.to_string()).unwrap_or_default());
    let errors = RwSignal::new(None::<T>);
    let (first, last) = (record.start_year, record.end_year);
    let save = move |_| {
        let parsed = percent.get_untracked().trim().parse::<u8>().ok().filter(|p| (1..=100).contains(p));
        let day = by.get_untracked().parse::<xuncha_core::date::Day>().ok();
        match (parsed, day) {
            (Some(p), Some(day)) if (first..=last).contains(&day.year()) => {
                errors.set(None);
                st.save_coverage_goal(term, Goal { percent: p, by: day });
            }
            (Some(_), Some(_)) => errors.set(Some(T::ErrCoverageGoalDay)),
            _ => errors.set(Some(T::ErrCoverageGoal)),
        }
    };
    let line =
        move || fill(st.t(T::CoverageLine), &[("total", &all.total), ("covered", &all.covered), ("rate", &rate(&all))]);
    let warning = move || {
        let goal = goal()?;
        let expected = behind(all.rate(), &goal, record.start_year, today)?;
        Some(view! {
            <p class="warning" data-testid="coverage-behind">
                {fill(st.t(T::CoverageBehind), &[("rate", &rate(&all)), ("expected", &format!("{expected:.1}%")), ("goal", &goal.percent), ("by", &goal.by)])}
            </p>
        })
    };
    view! {
        <p class="coverage-line" data-testid="coverage-line">{line}</p>
        {warning}
        <div class="filters no-print goal">
            <label class="field filter">
                <span class="label">{tr(T::CoverageGoalPercent)}</span>
                <input type="number" min="1" max="100" data-testid="coverage-goal-percent" bind:value=percent/>
            </label>
            <label class="field filter">
                <span class="label">{tr(T::CoverageGoalBy)}</span>
                <input type="date" data-testid="coverage-goal-by" bind:value=by/>
            </label>
            <button type="button" class="secondary" data-testid="coverage-goal-save" on:click=save>{tr(T::Save)}</button>
            {move || errors.get().map(|e| view! { <span class="error" data-testid="coverage-goal-error">{tr(e)}</span> })}
        </div>
    }
    .into_any()
}

fn share_cells(s: &Share) -> impl IntoView {
    let width = format!("width: {:.1}%", s.rate().unwrap_or(0.0).clamp(0.0, 100.0));
    view! {
        <td class="num">{s.total}</td>
        <td class="num">{s.covered}</td>
        <td class="num">{s.total - s.covered}</td>
        <td class="num">{rate(s)}</td>
        <td class="bar-cell"><svg class="bar-svg" viewBox="0 0 100 10" preserveAspectRatio="none" role="img">
            <rect x="0" y="0" width="100" height="10" class="bar-track"></rect>
            <rect x="0" y="0" height="10" class="bar-fill" style=width></rect>
        </svg></td>
    }
}

#[component]
fn KindTable(c: Coverage) -> impl IntoView {
    let st = state();
    let heads = move || {
        view! {
            <th class="num">{tr(T::CoverageTotal)}</th><th class="num">{tr(T::CoverageCovered)}</th>
            <th class="num">{tr(T::CoverageLeft)}</th><th class="num">{tr(T::CoverageRate)}</th><th></th>
        }
    };
    let rows = c
        .by_kind
        .iter()
        .filter(|(_, s)| s.total > 0)
        .map(|(k, s)| {
            let k = *k;
            view! { <tr data-testid="coverage-kind"><td>{move || st.t(k.label())}</td>{share_cells(s)}</tr> }
        })
        .collect_view();
    view! {
        <h2>{tr(T::CoverageByKind)}</h2>
        <table class="list compact coverage-table" data-testid="coverage-by-kind">
            <thead><tr><th></th>{heads()}</tr></thead>
            <tbody>
                {rows}
                <tr class="subtotal"><td>{tr(T::CoverageCountyLevel)}</td>{share_cells(&c.county_level)}</tr>
                <tr class="subtotal"><td>{tr(T::CoverageVillages)}</td>{share_cells(&c.villages)}</tr>
                <tr class="subtotal" data-testid="coverage-all"><td>{tr(T::CoverageAll)}</td>{share_cells(&c.all)}</tr>
            </tbody>
        </table>
    }
}

#[component]
fn TownshipTable(c: Coverage) -> impl IntoView {
    let st = state();
    let mut rows: Vec<(String, Share)> = st.data.with_untracked(|d| {
        c.by_township.iter().map(|(w, s)| (d.target(*w).map(|t| t.data.name.clone()).unwrap_or_default(), *s)).collect()
    });
    sort_by_text(&mut rows, &ZhCollator, |(n, _)| n.clone());
    (!rows.is_empty()).then(|| {
        let lines = rows
            .into_iter()
            .map(|(name, s)| view! { <tr data-testid="coverage-township"><td>{name}</td>{share_cells(&s)}</tr> })
            .collect_view();
        view! {
            <h2>{tr(T::CoverageByTownship)}</h2>
            <table class="list compact coverage-table">
                <thead><tr>
                    <th>{tr(T::ColTownship)}</th><th class="num">{tr(T::CoverageVillageCount)}</th>
                    <th class="num">{tr(T::CoverageCovered)}</th><th class="num">{tr(T::CoverageLeft)}</th>
                    <th class="num">{tr(T::CoverageRate)}</th><th></th>
                </tr></thead>
                <tbody>{lines}</tbody>
            </table>
        }
    })
}

/// The targets still to inspect this term, with kind and township filters.
#[component]
fn Remaining(c: Coverage) -> impl IntoView {
    let st = state();
    let kind = RwSignal::new(None::<TargetKind>);
    let township = RwSignal::new(None::<Id>);
    let townships = Signal::derive(move || st.data.with(township_options));
    let remaining = c.remaining.clone();
    let list = Memo::new(move |_| {
        st.data.with(|d| {
            let mut list: Vec<_> = remaining
                .iter()
                .filter_map(|id| d.target(*id))
                .filter(|t| kind.get().is_none_or(|k| t.data.kind == k))
                .filter(|t| township.get().is_none_or(|w| t.meta.id == w || t.data.township == Some(w)))
                .cloned()
                .collect();
            xuncha_core::target::register_order(&mut list, &ZhCollator);
            list
        })
    });
    let c_empty = Memo::new(move |_| list.with(Vec::is_empty));
    let rows = move || {
        let lang = st.lang.get();
        st.data.with(|d| {
            list.get()
                .into_iter()
                .enumerate()
                .map(|(n, t)| {
                    let town = t.data.township.and_then(|w| d.target(w)).map(|w| w.data.name.clone());
                    view! {
                        <tr data-testid="coverage-remaining-row">
                            <td class="num">{n + 1}</td>
                            <td>{t.data.name.clone()}</td>
                            <td>{t.data.kind.label().text(lang)}</td>
                            <td>{town}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <h2>{tr(T::CoverageRemaining)}</h2>
        <div class="filters no-print">
            <EnumFilter label=T::FieldKind options=&TargetKind::ALL value=kind field="remaining-kind"/>
            <RecordSelect label=T::ColTownship options=townships value=township field="remaining-township" empty=T::All errors=None/>
        </div>
        <table class="list compact" data-testid="coverage-remaining">
            <thead><tr><th class="num">{tr(T::ColSeq)}</th><th>{tr(T::ColTarget)}</th><th>{tr(T::FieldKind)}</th><th>{tr(T::ColTownship)}</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
        {move || c_empty.get().then(|| view! { <p class="empty" data-testid="coverage-remaining-none">{tr(T::NoRecords)}</p> })}
        <div class="signature">
            <span>{tr(T::SignPreparer)}</span><span>{tr(T::SignReviewer)}</span><span>{tr(T::SignDate)}</span>
        </div>
    }
}
