//! 巡察计划: the list of plans and the plan form. One plan's page, with its
//! rounds and its plan against actual, is `plan_page.rs`.

use crate::ui::state::state;
use crate::ui::widgets::{
    parse_year, term_options, today, tr, EnumSelect, FormButtons, Input, ListPage, RecordSelect, SidePanel, TextArea,
};
use leptos::prelude::*;
use xuncha_core::i18n::{Label, T};
use xuncha_core::id::Id;
use xuncha_core::ops::{self, OpError};
use xuncha_core::plan::{Plan, PlanSpan};
use xuncha_core::record::Record;
use xuncha_core::route::Route;
use xuncha_core::validation::MAX_TEXT_CHARS;

#[derive(Clone, Debug, PartialEq)]
enum Panel {
    New,
    Edit(Record<Plan>),
}

#[component]
pub fn PlansPage() -> impl IntoView {
    let st = state();
    let panel = RwSignal::new(None::<Panel>);
    let rows = move || {
        let lang = st.lang.get();
        let d = st.data.get();
        let mut plans = d.plans.clone();
        // Newest first; a term's five-year plan before its years.
        plans.sort_by_key(|p| {
            let start = d.term(p.data.term).map(|t| t.data.start_year).unwrap_or_default();
            std::cmp::Reverse((p.data.year.unwrap_or(start), p.data.span == PlanSpan::Term))
        });
        plans
            .into_iter()
            .map(|p| {
                let term = d.term(p.data.term).map(|t| t.data.name.clone()).unwrap_or_default();
                let title = p.data.title(&term, lang);
                let targets = p.data.targets().len();
                let started = p.data.rounds.iter().filter(|r| r.started(&d.rounds).is_some()).count();
                let edit = p.clone();
                view! {
                    <tr>
                        <td><a href=Route::Plan(p.meta.id).hash() data-testid="plan-link">{title}</a></td>
                        <td>{term}</td>
                        <td>{p.data.span.label().text(lang)}</td>
                        <td class="num">{p.data.rounds.len()}</td>
                        <td class="num">{targets}</td>
                        <td class="num">{started}</td>
                        <td class="actions no-print">
                            <button type="button" class="link" on:click=move |_| panel.set(Some(Panel::Edit(edit.clone())))>{tr(T::Edit)}</button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    let can_create = move || st.data.with(|d| !d.terms.is_empty());
    let empty = move || st.data.with(|d| d.plans.is_empty());
    view! {
        <ListPage panel=panel form=|p, close| match p {
            Panel::New => view! { <PlanForm base=None on_close=close/> }.into_any(),
            Panel::Edit(p) => view! { <PlanForm base=Some(p) on_close=close/> }.into_any(),
        }>
            <div class="toolbar">
                <h1>{tr(T::PlansTitle)}</h1>
                <button type="button" class="no-print" data-testid="new-plan" disabled=move || !can_create() on:click=move |_| panel.set(Some(Panel::New))>{tr(T::NewPlan)}</button>
            </div>
            <Show when=move || !can_create()><p class="hint">{tr(T::NeedTermFirst)}</p></Show>
            <Show when=move || can_create() && empty()><p class="empty">{tr(T::NoPlans)}</p></Show>
            <table class="list" data-testid="plans-table">
                <thead><tr>
                    <th>{tr(T::ColPlan)}</th><th>{tr(T::FieldTerm)}</th><th>{tr(T::FieldPlanSpan)}</th>
                    <th>{tr(T::ColPlannedRounds)}</th><th>{tr(T::ColPlannedTargets)}</th><th>{tr(T::ColStartedRounds)}</th>
                    <th class="no-print">{tr(T::Actions)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </ListPage>
    }
}

/// The plan's own facts: its term, whether annual or five-year, its year, notes.
/// Its rounds are edited on its page, one at a time.
#[component]
pub fn PlanForm(base: Option<Record<Plan>>, on_close: Callback<()>) -> impl IntoView {
    let st = state();
    let title = if base.is_some() { T::EditPlan } else { T::NewPlan };
    let this_year = today().year();
    // A new plan is most often next year's, made late in this one, in the term holding it.
    let year_default = if today().month() >= 10 { this_year + 1 } else { this_year };
    let default_term = st.data.with_untracked(|d| {
        d.terms
            .iter()
            .find(|t| t.data.contains_year(year_default))
            .map(|t| t.meta.id)
            .or_else(|| term_options(d).first().map(|t| t.0))
    });
    let term = RwSignal::new(base.as_ref().map(|b| b.data.term).or(default_term));
    let span = RwSignal::new(base.as_ref().map(|b| b.data.span).unwrap_or(PlanSpan::Year));
    let year = RwSignal::new(base.as_ref().and_then(|b| b.data.year).unwrap_or(year_default).to_string());
    let notes = RwSignal::new(base.as_ref().map(|b| b.data.notes.clone()).unwrap_or_default());
    let errors = RwSignal::new(None);
    let terms = Signal::derive(move || st.data.with(term_options));
    let rounds = base.as_ref().map(|b| b.data.rounds.clone()).unwrap_or_default();
    let meta = base.map(|b| b.meta);
    let is_new = meta.is_none();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut bad = Vec::new();
        let span = span.get_untracked();
        let year = (span == PlanSpan::Year).then(|| parse_year(&year.get_untracked(), "year", &mut bad));
        if !bad.is_empty() {
            return errors.set(Some(OpError::Invalid(bad)));
        }
        let mut data = Plan::new(term.get_untracked().unwrap_or(Id::nil()), span, year);
        data.notes = notes.get_untracked();
        data.rounds = rounds.clone();
        let meta = meta.clone();
        st.act(
            errors,
            async move |s, ctx| ops::save_plan(s, ctx, meta.as_ref(), data).await,
            move |saved| {
                on_close.run(());
                if is_new {
                    st.go(Route::Plan(saved.meta.id));
                }
            },
        );
    };
    view! {
        <SidePanel title=title testid="plan-form">
            <form on:submit=save>
                <RecordSelect label=T::FieldTerm options=terms value=term field="term" empty=T::None errors=Some(errors)/>
                <EnumSelect label=T::FieldPlanSpan options=&PlanSpan::ALL value=span field="span"/>
                <Show when=move || span.get() == PlanSpan::Year>
                    <Input label=T::FieldPlanYear value=year field="year" errors=errors kind="number"/>
                </Show>
                <TextArea label=T::FieldNotes value=notes field="notes" max=MAX_TEXT_CHARS/>
                <FormButtons errors=errors on_close=on_close/>
            </form>
        </SidePanel>
    }
}
