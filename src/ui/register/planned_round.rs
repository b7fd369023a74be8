//! One planned round of a 巡察计划: its kind, time and number of groups, and the
//! targets it will inspect with each one's group. Targets are offered from those
//! the term has not yet covered and no other round of the plan names.

use crate::ui::state::state;
use crate::ui::widgets::{
    day_text, initial_of, parse_count, parse_day, section_heading, target_initials, today, township_options, tr,
    EnumFilter, EnumSelect, FormButtons, Input, RecordSelect,
};
use leptos::prelude::*;
use std::collections::HashSet;
use xuncha_core::group::default_group_name;
use xuncha_core::i18n::{fill, Label, T};
use xuncha_core::id::Id;
use xuncha_core::ops::{self, OpError};
use xuncha_core::plan::{offered, Plan, PlannedRound, PlannedTarget, MAX_PLANNED_GROUPS};
use xuncha_core::record::Record;
use xuncha_core::round::RoundKind;
use xuncha_core::stats::coverage::coverage;
use xuncha_core::target::{register_order, TargetFilter, TargetKind, TargetStatus};

#[component]
pub fn PlannedRoundForm(plan: Record<Plan>, index: Option<usize>, on_close: Callback<()>) -> impl IntoView {
    let st = state();
    let lang = st.lang.get_untracked();
    let base = index.and_then(|n| plan.data.rounds.get(n).cloned()).unwrap_or_default();
    let title = if index.is_some() { T::EditPlannedRound } else { T::NewPlannedRound };
    let kind = RwSignal::new(base.kind);
    let topic = RwSignal::new(base.topic.clone());
    let start = RwSignal::new(day_text(base.start));
    let end = RwSignal::new(day_text(base.end));
    let groups = RwSignal::new(base.groups.max(1).to_string());
    let chosen = RwSignal::new(base.targets.clone());
    let errors = RwSignal::new(None::<OpError>);
    let group_count = move || groups.with(|g| g.trim().parse::<u32>().unwrap_or(1).clamp(1, MAX_PLANNED_GROUPS));
    // Covered this term, and named by the plan's other rounds: offered only on request.
    let term = plan.data.term;
    let (covered, elsewhere) = st.data.with_untracked(|d| {
        let remaining: HashSet<Id> = coverage(d, term, today()).remaining.into_iter().collect();
        let covered: HashSet<Id> = d.targets.iter().map(|t| t.meta.id).filter(|t| !remaining.contains(t)).collect();
        let elsewhere: HashSet<Id> = plan
            .data
            .rounds
            .iter()
            .enumerate()
            .filter(|(n, _)| Some(*n) != index)
            .flat_map(|(_, r)| r.targets.iter().map(|t| t.target))
            .collect();
        (covered, elsewhere)
    });
    let text = RwSignal::new(String::new());
    let filter_kind = RwSignal::new(None::<TargetKind>);
    let township = RwSignal::new(None::<Id>);
    let show_all = RwSignal::new(false);
    let townships = Signal::derive(move || st.data.with(township_options));
    let initials = Memo::new(move |_| st.data.with(target_initials));
    let (covered_c, elsewhere_c) = (covered.clone(), elsewhere.clone());
    let candidates = Memo::new(move |_| {
        let filter = TargetFilter {
            text: text.get(),
            kind: filter_kind.get(),
            township: township.get(),
            status: Some(TargetStatus::Active),
        };
        let by_initials = filter.by_initials().then(|| initials.get());
        let all = show_all.get();
        let taken: HashSet<Id> = chosen.with(|c| c.iter().map(|t| t.target).collect());
        st.data.with(|d| {
            let mut list: Vec<_> = d
                .targets
                .iter()
                .filter(|t| !taken.contains(&t.meta.id))
                .filter(|t| all || offered(t, &covered_c, &elsewhere_c))
                .filter(|t| filter.matches(t.meta.id, &t.data, initial_of(&by_initials, t.meta.id)))
                .cloned()
                .collect();
            register_order(&mut list, &crate::platform::ZhCollator);
            list
        })
    });
    let chosen_rows = move || {
        let n = group_count();
        st.data.with(|d| {
            chosen
                .get()
                .into_iter()
                .map(|pt| {
                    let name = d.target(pt.target).map(|t| t.data.name.clone()).unwrap_or_default();
                    let kind = d.target(pt.target).map(|t| t.data.kind.label().text(lang)).unwrap_or_default();
                    let id = pt.target;
                    let options = (1..=n)
                        .map(|g| view! { <option value=g.to_string() selected=g == pt.group.min(n)>{default_group_name(g, lang)}</option> })
                        .collect_view();
                    let label = name.clone();
                    view! {
                        <tr data-testid="chosen-target" data-name=name>
                            <td>{label}</td>
                            <td>{kind}</td>
                            <td>
                                <select data-testid="chosen-group" on:change=move |ev| {
                                    let g = event_target_value(&ev).parse().unwrap_or(1);
                                    chosen.update(|c| if let Some(t) = c.iter_mut().find(|t| t.target == id) { t.group = g });
                                }>{options}</select>
                            </td>
                            <td class="actions">
                                <button type="button" class="link danger" on:click=move |_| chosen.update(|c| c.retain(|t| t.target != id))>{tr(T::RemoveChosen)}</button>
                            </td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let list = move || {
        let items = candidates.get();
        let mut last = None;
        st.data.with(|d| {
            items
                .into_iter()
                .map(|t| {
                    let heading = section_heading(d, &t.data, lang);
                    let head = (last.as_ref() != Some(&heading)).then(|| {
                        last = Some(heading.clone());
                        view! { <div class="checklist-heading">{heading}</div> }
                    });
                    let id = t.meta.id;
                    let mark = if covered.contains(&id) {
                        Some(T::CoveredMark)
                    } else if elsewhere.contains(&id) {
                        Some(T::PlannedElsewhereMark)
                    } else {
                        None
                    };
                    view! {
                        {head}
                        <label class="check" class:indent=t.data.township.is_some()>
                            <input type="checkbox" data-testid="plan-option" data-name=t.data.name.clone() prop:checked=false
                                on:change=move |_| {
                                    let g = group_count();
                                    chosen.update(|c| c.push(PlannedTarget { target: id, group: g.min(c.last().map(|t| t.group).unwrap_or(1)) }));
                                }/>
                            {t.data.name.clone()}<small>{t.data.kind.label().text(lang)}</small>
                            {mark.map(|m| view! { <small class="mark">{tr(m)}</small> })}
                        </label>
                    }
                })
                .collect_view()
        })
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut bad = Vec::new();
        let count = parse_count(&groups.get_untracked(), "groups", &mut bad);
        let round = PlannedRound {
            kind: kind.get_untracked(),
            topic: topic.get_untracked(),
            start: parse_day(&start.get_untracked(), "start", &mut bad),
            end: parse_day(&end.get_untracked(), "end", &mut bad),
            groups: count,
            targets: chosen.get_untracked(),
            round: base.round,
        };
        if !bad.is_empty() {
            return errors.set(Some(OpError::Invalid(bad)));
        }
        let mut data = plan.data.clone();
        match index.filter(|n| *n < data.rounds.len()) {
            Some(n) => data.rounds[n] = round,
            None => data.rounds.push(round),
        }
        let meta = plan.meta.clone();
        st.act(errors, async move |s, ctx| ops::save_plan(s, ctx, Some(&meta), data).await, move |_| on_close.run(()));
    };
    view! {
        <div class="inline-form planned-round-form" data-testid="planned-round-form">
            <h3>{tr(title)}</h3>
            <form on:submit=save>
                <div class="row-form">
                    <EnumSelect label=T::FieldRoundKind options=&RoundKind::COUNTY value=kind field="kind"/>
                    <Show when=move || kind.get() == RoundKind::Special || !topic.get().is_empty()>
                        <Input label=T::FieldTopic value=topic field="topic" errors=errors hint=T::TopicHint/>
                    </Show>
                    <Input label=T::FieldPlanStart value=start field="start" errors=errors kind="date"/>
                    <Input label=T::FieldPlanEnd value=end field="end" errors=errors kind="date"/>
                    <Input label=T::FieldGroupsCount value=groups field="groups" errors=errors kind="number"/>
                </div>
                <h4>{move || fill(st.t(T::ChosenCount), &[("n", &chosen.with(Vec::len))])}</h4>
                <table class="list compact chosen-targets" data-testid="chosen-targets">
                    <thead><tr><th>{tr(T::ColTarget)}</th><th>{tr(T::FieldKind)}</th><th>{tr(T::ColGroupNo)}</th><th></th></tr></thead>
                    <tbody>{chosen_rows}</tbody>
                </table>
                <h4>{tr(T::ChooseTargets)}</h4>
                <p class="hint">{tr(T::PlanChooseHint)}</p>
                <div class="filters">
                    <label class="field filter">
                        <span class="label">{tr(T::Search)}</span>
                        <input type="search" data-testid="plan-search" bind:value=text/>
                    </label>
                    <EnumFilter label=T::FieldKind options=&TargetKind::ALL value=filter_kind field="plan-kind"/>
                    <RecordSelect label=T::ColTownship options=townships value=township field="plan-township" empty=T::All errors=None/>
                    <label class="check">
                        <input type="checkbox" data-testid="plan-show-all" prop:checked=move || show_all.get() on:change=move |ev| show_all.set(event_target_checked(&ev))/>
                        {tr(T::ShowCovered)}
                    </label>
                </div>
                <div class="checklist">{list}</div>
                <FormButtons errors=errors on_close=on_close/>
            </form>
        </div>
    }
}
