//! The ledger filters. Their values live in `AppState::ledger_filter`, so they
//! stay set while the user moves between ledgers and pages.

use crate::ui::state::state;
use crate::ui::widgets::{
    round_options, sections_of, township_options, tr, Check, EnumFilter, RecordSelect, SectionSelect,
};
use leptos::prelude::*;
use std::collections::HashSet;
use xuncha_core::i18n::T;
use xuncha_core::id::Id;
use xuncha_core::ledger::LedgerKind;
use xuncha_core::problem::Focus;
use xuncha_core::rectification::RectStatus;
use xuncha_core::target::TargetKind;

#[component]
pub fn Filters(kind: LedgerKind, show_names: RwSignal<bool>) -> impl IntoView {
    let st = state();
    let f = st.ledger_filter;
    let terms = Signal::derive(move || {
        st.data.with(|d| d.terms.iter().map(|t| (t.meta.id, t.data.name.clone())).collect::<Vec<_>>())
    });
    let rounds = Signal::derive(move || {
        let term = f.term.get();
        st.data.with(|d| {
            round_options(d, st.lang.get())
                .into_iter()
                .filter(|(id, _)| term.is_none() || d.round(*id).is_some_and(|r| Some(r.data.term) == term))
                .collect::<Vec<_>>()
        })
    });
    let groups = Signal::derive(move || {
        let round = f.round.get();
        st.data.with(|d| {
            d.groups
                .iter()
                .filter(|g| round.is_none_or(|r| g.data.round == r))
                .map(|g| {
                    let title = if round.is_some() {
                        g.data.name.clone()
                    } else {
                        let round = d.round(g.data.round).map(|r| d.round_title(r, st.lang.get())).unwrap_or_default();
                        format!("{}（{round}）", g.data.name)
                    };
                    (g.meta.id, title)
                })
                .collect::<Vec<_>>()
        })
    });
    let townships = Signal::derive(move || st.data.with(township_options));
    let targets = Signal::derive(move || {
        let township = f.township.get();
        let round = f.round.get();
        let kind = f.target_kind.get();
        let lang = st.lang.get();
        st.data.with(|d| {
            let in_round: Option<HashSet<Id>> =
                round.map(|r| d.inspections.iter().filter(|i| i.data.round == r).map(|i| i.data.target).collect());
            let pool = d
                .targets
                .iter()
                .filter(|t| in_round.as_ref().is_none_or(|ids| ids.contains(&t.meta.id)))
                .filter(|t| township.is_none_or(|w| t.meta.id == w || t.data.township == Some(w)))
                .filter(|t| kind.is_none_or(|k| t.data.kind == k))
                .collect();
            sections_of(d, pool, lang)
        })
    });
    let has_status = matches!(kind, LedgerKind::Problems | LedgerKind::Rectifications);
    view! {
        <div class="filters no-print" data-testid="ledger-filters">
            <label class="field filter search">
                <span class="label">{tr(T::Search)}</span>
                <input type="search" data-testid="filter-text" placeholder=tr(T::SearchPlaceholder) bind:value=f.text/>
            </label>
            <RecordSelect label=T::ColTerm options=terms value=f.term field="term" empty=T::All errors=None/>
            <RecordSelect label=T::ColRound options=rounds value=f.round field="round" empty=T::All errors=None/>
            <RecordSelect label=T::ColGroup options=groups value=f.group field="group" empty=T::All errors=None/>
            <RecordSelect label=T::ColTownship options=townships value=f.township field="township" empty=T::All errors=None/>
            <EnumFilter label=T::FieldKind options=&TargetKind::ALL value=f.target_kind field="target-kind"/>
            <SectionSelect label=T::ColTarget sections=targets value=f.target field="target" empty=T::All errors=None/>
            <Show when=move || kind == LedgerKind::Problems>
                <EnumFilter label=T::ColFocus options=&Focus::ALL value=f.focus field="focus"/>
            </Show>
            <Show when=move || has_status>
                <EnumFilter label=T::ColStatus options=&RectStatus::ALL value=f.status field="status"/>
            </Show>
            <label class="field filter">
                <span class="label">{tr(T::FilterFrom)}</span>
                <input type="date" data-testid="filter-from" bind:value=f.from/>
            </label>
            <label class="field filter">
                <span class="label">{tr(T::FilterTo)}</span>
                <input type="date" data-testid="filter-to" bind:value=f.to/>
            </label>
            <Show when=move || kind != LedgerKind::Letters>
                <Check label=T::FilterOverdueOnly value=f.overdue_only testid="filter-overdue"/>
            </Show>
            <Show when=move || kind == LedgerKind::Clues>
                <Check label=T::ShowNames value=show_names testid="show-names"/>
            </Show>
            // The year or range and the part a figure of the statistics counted, until cleared.
            {move || {
                let lang = st.lang.get();
                let mut words = Vec::new();
                if let Some((a, b)) = f.rounds_starting.get() {
                    words.push(format!("{}：{a} – {b}", T::FilterRoundsStarting.text(lang)));
                }
                if let Some(s) = f.subset.get() {
                    words.push(s.words(lang));
                }
                if f.county_only.get() && st.data.with(|d| d.rounds.iter().any(|r| !r.data.kind.is_county())) {
                    words.push(T::FilterCountyOnly.text(lang).to_owned());
                }
                (!words.is_empty()).then(|| view! {
                    <span class="chip" data-testid="filter-from-stats">
                        {words.join("；")}
                        <button type="button" class="link" title=T::FilterClear.text(lang) on:click=move |_| {
                            f.rounds_starting.set(None);
                            f.subset.set(None);
                            f.county_only.set(false);
                        }>"×"</button>
                    </span>
                })
            }}
            <button type="button" class="link" data-testid="filter-clear" on:click=move |_| f.clear()>{tr(T::FilterClear)}</button>
        </div>
    }
}
