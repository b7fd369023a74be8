//! 巡察组: one group of a round, its form, and assigning targets to it.

use super::ecology::AssessmentForm;
use super::inspection::InspectionPanel;
use super::recusal::RecusalConfirm;
use crate::ui::state::state;
use crate::ui::widgets::{
    confirm, confirm_delete, day_text, initial_of, section_heading, target_initials, today, township_options, tr,
    EnumFilter, FormButtons, FormErrors, Input, RecordSelect,
};
use leptos::prelude::*;
use std::collections::HashSet;
use xuncha_core::collate::sort_by_text;
use xuncha_core::documents::DocRef;
use xuncha_core::group::{default_group_name, parse_members, Group, Recusal, Role};
use xuncha_core::i18n::{fill, Label, T};
use xuncha_core::id::Id;
use xuncha_core::inspection::{Inspection, Milestone};
use xuncha_core::ops;
use xuncha_core::person::PoolKind;
use xuncha_core::pool::{seat, Conflict, Pool};
use xuncha_core::record::Record;
use xuncha_core::route::Route;
use xuncha_core::target::{register_order, TargetFilter, TargetKind, TargetStatus};

#[component]
pub fn GroupCard(group: Record<Group>) -> impl IntoView {
    let st = state();
    let gid = group.meta.id;
    let round = group.data.round;
    let editing = RwSignal::new(false);
    let assigning = RwSignal::new(false);
    let open = RwSignal::new(None::<Id>);
    let assessing = RwSignal::new(None::<Id>);
    let page_errors = RwSignal::new(None);
    let close_edit = Callback::new(move |_: ()| editing.set(false));
    let close_assign = Callback::new(move |_: ()| assigning.set(false));
    let del = group.clone();
    let delete = move |_| {
        let del = del.clone();
        if confirm_delete(st, &del.data.name) {
            st.act_saying(page_errors, T::Deleted, async move |s, ctx| ops::delete_group(s, ctx, &del).await, |_| ());
        }
    };
    let rows = move || {
        let lang = st.lang.get();
        let d = st.data.get();
        let mut items: Vec<Record<Inspection>> =
            d.inspections.iter().filter(|i| i.data.group == gid).cloned().collect();
        sort_by_text(&mut items, &crate::platform::ZhCollator, |i| {
            d.target(i.data.target).map(|t| t.data.name.clone()).unwrap_or_default()
        });
        items
            .into_iter()
            .map(|i| {
                let iid = i.meta.id;
                let target = d.target(i.data.target);
                let name = target.map(|t| t.data.name.clone()).unwrap_or_else(|| "?".into());
                let kind = target.map(|t| t.data.kind.label().text(lang)).unwrap_or_default();
                let progress = i.data.milestones.latest().map(|m| m.label().text(lang)).unwrap_or(T::ProgressNone.text(lang));
                let ms = |m: Milestone| day_text(i.data.milestones.get(m));
                let report_late = i.data.report_overdue(today());
                let removed = i.clone();
                let remove_name = name.clone();
                let grade = i.data.assessment.as_ref().map(|a| format!("{} {}", a.grade().label().text(lang), a.total()));
                let assessed = i.clone();
                view! {
                    <tr data-testid="inspection-row">
                        <td>{name.clone()}</td>
                        <td>{kind}</td>
                        <td>{ms(Milestone::Entry)}</td>
                        <td>{ms(Milestone::Feedback)}</td>
                        <td>
                            {ms(Milestone::RectificationDue)}
                            " "
                            <Show when=move || report_late>
                                <span class="overdue-mark" data-testid="report-overdue">{tr(T::ReportOverdue)}</span>
                            </Show>
                        </td>
                        <td>{progress}{grade.map(|g| view! { <span class="chip" data-testid="grade">{g}</span> })}</td>
                        <td class="actions no-print">
                            <button type="button" class="link" data-testid="open-inspection" on:click=move |_| {
                                open.update(|o| *o = if *o == Some(iid) { None } else { Some(iid) })
                            }>{tr(T::Open)}</button>
                            <button type="button" class="link" data-testid="assess" on:click=move |_| {
                                assessing.update(|o| *o = if *o == Some(iid) { None } else { Some(iid) })
                            }>{tr(T::EcologyAssess)}</button>
                            <a class="link" data-testid="open-feedback" href=Route::Document(DocRef::Feedback(iid)).hash()>{tr(T::DocOpenFeedback)}</a>
                            <a class="link" data-testid="open-drafts" href=Route::Document(DocRef::Drafts(iid)).hash()>{tr(T::DocOpenDrafts)}</a>
                            <a class="link" data-testid="open-report" href=Route::Document(DocRef::Report(iid)).hash()>{tr(T::DocOpenReport)}</a>
                            <button type="button" class="link danger" on:click=move |_| {
                                let removed = removed.clone();
                                if confirm(&fill(st.t(T::ConfirmUnassign), &[("name", &remove_name)])) {
                                    st.act(page_errors, async move |s, ctx| ops::unassign(s, ctx, &removed).await, |_| ());
                                }
                            }>{tr(T::Unassign)}</button>
                        </td>
                    </tr>
                    <Show when=move || open.get() == Some(iid)>
                        <tr class="inspection-detail"><td colspan="7">
                            <InspectionPanel id=iid on_close=Callback::new(move |_: ()| open.set(None))/>
                        </td></tr>
                    </Show>
                    <Show when=move || assessing.get() == Some(iid)>
                        <tr class="inspection-detail"><td colspan="7">
                            <AssessmentForm inspection=assessed.clone() on_close=Callback::new(move |_: ()| assessing.set(None))/>
                        </td></tr>
                    </Show>
                }
            })
            .collect_view()
    };
    let edit_base = group.clone();
    let shown_group = group.data.clone();
    // The names as the form shows them (with the unit where two persons share one),
    // and the 回避 reasons the group was sent with.
    let people = move || {
        let g = &shown_group;
        // Chinese joins with 、 and a full-width colon, English with commas.
        let (colon, list, gap) = match st.lang.get() {
            xuncha_core::i18n::Lang::Zh => ("：", "、", "　"),
            xuncha_core::i18n::Lang::En => (": ", ", ", "  "),
        };
        st.data.with(|d| {
            let pool = Pool { persons: &d.persons, targets: &d.targets };
            let mut parts = Vec::new();
            if !g.leader.is_empty() {
                parts.push(format!("{}{colon}{}", st.t(T::FieldLeader), pool.shown(g, Role::Leader, &g.leader)));
            }
            if !g.deputy.is_empty() {
                parts.push(format!("{}{colon}{}", st.t(T::FieldDeputy), pool.shown(g, Role::Deputy, &g.deputy)));
            }
            if !g.members.is_empty() {
                let names: Vec<String> = g.members.iter().map(|m| pool.shown(g, Role::Member, m)).collect();
                parts.push(format!("{}{colon}{}", st.t(T::FieldMembers), names.join(list)));
            }
            parts.join(gap)
        })
    };
    let reasons = {
        let g = group.data.clone();
        move || {
            st.data.with(|d| {
                let pool = Pool { persons: &d.persons, targets: &d.targets };
                g.recusals
                    .iter()
                    .map(|r| {
                        let person =
                            d.persons.iter().find(|p| p.meta.id == r.person).map(|p| pool.label(p)).unwrap_or_default();
                        let target = d.target(r.target).map(|t| t.data.name.clone()).unwrap_or_default();
                        let line = format!("{} {person} — {target}：{}", st.t(T::FieldRecusals), r.reason);
                        view! { <p class="hint" data-testid="recusal-reason-kept">{line}</p> }
                    })
                    .collect_view()
            })
        }
    };
    let name = edit_base.data.name.clone();
    view! {
        <article class="group-card" data-testid="group-card">
            <div class="toolbar">
                <h3 data-testid="group-name">{name}</h3>
                <span class="people">{people}</span>
                <button type="button" class="link no-print" on:click=move |_| editing.set(true)>{tr(T::Edit)}</button>
                <button type="button" class="link danger no-print" on:click=delete>{tr(T::Delete)}</button>
            </div>
            {reasons}
            <Show when=move || editing.get()>
                <GroupForm round=round base=Some(edit_base.clone()) on_close=close_edit/>
            </Show>
            <table class="list fixed">
                <thead><tr>
                    <th>{tr(T::ColTarget)}</th><th>{tr(T::FieldKind)}</th><th>{tr(T::MsEntry)}</th><th>{tr(T::MsFeedback)}</th>
                    <th>{tr(T::MsRectificationDue)}</th><th>{tr(T::ColProgress)}</th><th class="no-print">{tr(T::Actions)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <button type="button" class="secondary no-print" data-testid="assign-targets" on:click=move |_| assigning.update(|a| *a = !*a)>{tr(T::AssignTargets)}</button>
            <Show when=move || assigning.get()>
                <AssignPanel round=round group=gid on_close=close_assign/>
            </Show>
        </article>
    }
}

#[component]
pub fn GroupForm(round: Id, base: Option<Record<Group>>, on_close: Callback<()>) -> impl IntoView {
    let st = state();
    let title = if base.is_some() { T::EditGroup } else { T::NewGroup };
    let n = st.data.with_untracked(|d| d.groups.iter().filter(|g| g.data.round == round).count() as u32 + 1);
    let draft = base
        .as_ref()
        .map(|b| b.data.clone())
        .unwrap_or_else(|| Group::new(round, default_group_name(n, st.lang.get_untracked())));
    // A seated person shows by the label that finds them again ("张伟（县财政局）").
    let shown = |role: Role, name: &str| {
        st.data.with_untracked(|d| Pool { persons: &d.persons, targets: &d.targets }.shown(&draft, role, name))
    };
    let name = RwSignal::new(draft.name.clone());
    let leader = RwSignal::new(shown(Role::Leader, &draft.leader));
    let deputy = RwSignal::new(shown(Role::Deputy, &draft.deputy));
    let members = RwSignal::new(draft.members.iter().map(|m| shown(Role::Member, m)).collect::<Vec<_>>().join("、"));
    let errors = RwSignal::new(None);
    let pending = RwSignal::new(None::<Vec<Conflict>>);
    let id = base.as_ref().map(|b| b.meta.id);
    let meta = StoredValue::new(base.map(|b| b.meta));
    let draft = StoredValue::new(draft);
    let typed = move || Group {
        name: name.get_untracked(),
        leader: leader.get_untracked(),
        deputy: deputy.get_untracked(),
        members: parse_members(&members.get_untracked()),
        ..draft.get_value()
    };
    let save = move |recusals: Vec<Recusal>| {
        let mut data = typed();
        data.recusals.extend(recusals);
        let meta = meta.get_value();
        st.act(
            errors,
            async move |s, ctx| ops::save_group(s, ctx, meta.as_ref(), data).await,
            move |_| {
                on_close.try_run(());
            },
        );
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(store) = st.store() else { return };
        let data = typed();
        leptos::task::spawn_local(async move {
            match ops::open_conflicts(store.as_ref(), &data, id, &[], today()).await {
                Ok(open) if !open.is_empty() => pending.set(Some(open)),
                Ok(_) => save(Vec::new()),
                Err(e) => errors.set(Some(e)),
            }
        });
    };
    // The names typed that the pool lacks (with the pool each would join), and
    // those several persons share.
    let unseated = move || {
        let mut g = Group {
            leader: leader.get(),
            deputy: deputy.get(),
            members: parse_members(&members.get()),
            ..draft.get_value()
        };
        let leader_name = g.leader.trim().to_owned();
        let left = st.data.with(|d| seat(&mut g, Pool { persons: &d.persons, targets: &d.targets }));
        let free = left.free.into_iter().map(|n| {
            let pool = if n == leader_name { PoolKind::Leaders } else { PoolKind::Staff };
            (n, pool)
        });
        (free.collect::<Vec<_>>(), left.shared)
    };
    let free = move || unseated().0;
    let add_free = move |_| {
        let names = untrack(free);
        st.act_saying(errors, T::AddedToPool, async move |s, ctx| ops::add_to_pool(s, ctx, &names).await, |_| ());
    };
    let choices = move || {
        st.data.with(|d| {
            let pool = Pool { persons: &d.persons, targets: &d.targets };
            pool.choices(today()).into_iter().map(|(_, label)| view! { <option value=label/> }).collect_view()
        })
    };
    let person_input = move |label: T, value: RwSignal<String>, field: &'static str| {
        view! {
            <label class="field">
                <span class="label">{tr(label)}</span>
                <input type="text" name=field list="pool-choices" data-testid=format!("field-{field}")
                    placeholder=tr(T::PoolChoiceHint) bind:value=value/>
            </label>
        }
    };
    view! {
        <div class="inline-form" data-testid="group-form">
            <h3>{tr(title)}</h3>
            <datalist id="pool-choices">{choices}</datalist>
            <form on:submit=submit class="row-form">
                <Input label=T::FieldGroupName value=name field="name" errors=errors/>
                {person_input(T::FieldLeader, leader, "leader")}
                {person_input(T::FieldDeputy, deputy, "deputy")}
                <Input label=T::FieldMembers value=members field="members" errors=errors hint=T::MembersHint/>
                {move || {
                    let shared = unseated().1;
                    (!shared.is_empty()).then(|| view! {
                        <p class="hint warning" data-testid="shared-names">{fill(st.t(T::SharedNames), &[("names", &shared.join("、"))])}</p>
                    })
                }}
                {move || {
                    let names = free();
                    (!names.is_empty()).then(|| {
                        let list = names.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>().join("、");
                        view! {
                            <p class="hint" data-testid="free-names">
                                {fill(st.t(T::FreeNames), &[("names", &list)])}" "
                                <button type="button" class="link" data-testid="add-to-pool" on:click=add_free>{tr(T::AddToPool)}</button>
                            </p>
                        }
                    })
                }}
                {move || pending.get().map(|open| view! {
                    <RecusalConfirm conflicts=open
                        on_confirm=Callback::new(move |given| { pending.set(None); save(given) })
                        on_cancel=Callback::new(move |_| pending.set(None))/>
                })}
                <FormButtons errors=errors on_close=on_close/>
            </form>
        </div>
    }
}

/// Ticks targets not yet in this round and assigns them to the group at once.
#[component]
fn AssignPanel(round: Id, group: Id, on_close: Callback<()>) -> impl IntoView {
    let st = state();
    let text = RwSignal::new(String::new());
    let kind = RwSignal::new(None::<TargetKind>);
    let township = RwSignal::new(None::<Id>);
    let townships = Signal::derive(move || st.data.with(township_options));
    let chosen = RwSignal::new(HashSet::<Id>::new());
    let errors = RwSignal::new(None);
    let initials = Memo::new(move |_| st.data.with(target_initials));
    let candidates = Memo::new(move |_| {
        let filter = TargetFilter {
            text: text.get(),
            kind: kind.get(),
            township: township.get(),
            status: Some(TargetStatus::Active),
        };
        let by_initials = filter.by_initials().then(|| initials.get());
        st.data.with(|d| {
            let taken: HashSet<Id> =
                d.inspections.iter().filter(|i| i.data.round == round).map(|i| i.data.target).collect();
            let mut free: Vec<_> = d
                .targets
                .iter()
                .filter(|t| {
                    !taken.contains(&t.meta.id)
                        && filter.matches(t.meta.id, &t.data, initial_of(&by_initials, t.meta.id))
                })
                .cloned()
                .collect();
            register_order(&mut free, &crate::platform::ZhCollator);
            free
        })
    });
    let pending = RwSignal::new(None::<Vec<Conflict>>);
    let go = move |recusals: Vec<Recusal>| {
        let ids: Vec<Id> = chosen.get_untracked().into_iter().collect();
        st.act(
            errors,
            async move |s, ctx| ops::assign_targets(s, ctx, round, group, &ids, &recusals).await,
            move |_| {
                chosen.set(HashSet::new());
                on_close.try_run(());
            },
        );
    };
    // A 回避 warning is asked about before anything is written.
    let assign = move |_| {
        // By name, so the warnings come in an order that does not change between tries.
        let mut ids: Vec<Id> = chosen.get_untracked().into_iter().collect();
        st.data.with_untracked(|d| {
            sort_by_text(&mut ids, &crate::platform::ZhCollator, |id| {
                d.target(*id).map(|t| t.data.name.clone()).unwrap_or_default()
            })
        });
        let record = st.data.with_untracked(|d| d.groups.iter().find(|g| g.meta.id == group).cloned());
        let (Some(store), Some(record), false) = (st.store(), record, ids.is_empty()) else { return };
        leptos::task::spawn_local(async move {
            match ops::open_conflicts(store.as_ref(), &record.data, Some(group), &ids, today()).await {
                Ok(open) if !open.is_empty() => pending.set(Some(open)),
                Ok(_) => go(Vec::new()),
                Err(e) => errors.set(Some(e)),
            }
        });
    };
    let list = move || {
        let lang = st.lang.get();
        let items = candidates.get();
        if items.is_empty() && text.get().is_empty() && kind.get().is_none() && township.get().is_none() {
            return view! { <p class="empty">{tr(T::NothingToAssign)}</p> }.into_any();
        }
        // A heading at each change of kind (county units) or township (with its villages).
        let mut last = None;
        st.data.with(|d| {
            items
                .into_iter()
                .map(|t| {
                    let heading = section_heading(d, &t.data, lang);
                    let head = (last.as_ref() != Some(&heading)).then(|| {
                        last = Some(heading.clone());
                        view! { <div class="checklist-heading" data-testid="assign-heading">{heading}</div> }
                    });
                    let id = t.meta.id;
                    view! {
                        {head}
                        <label class="check" class:indent=t.data.township.is_some()>
                            <input type="checkbox" data-testid="assign-option" data-name=t.data.name.clone()
                                prop:checked=move || chosen.with(|c| c.contains(&id))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    chosen.update(|c| { if on { c.insert(id); } else { c.remove(&id); } });
                                }/>
                            {t.data.name.clone()}<small>{t.data.kind.label().text(lang)}</small>
                        </label>
                    }
                })
                .collect_view()
                .into_any()
        })
    };
    view! {
        <div class="assign-panel" data-testid="assign-panel">
            <p class="hint">{tr(T::AssignHint)}</p>
            <div class="filters">
                <label class="field filter">
                    <span class="label">{tr(T::Search)}</span>
                    <input type="search" data-testid="assign-search" bind:value=text/>
                </label>
                <EnumFilter label=T::FieldKind options=&TargetKind::ALL value=kind field="assign-kind"/>
                <RecordSelect label=T::ColTownship options=townships value=township field="assign-township" empty=T::All errors=None/>
            </div>
            <div class="checklist">{list}</div>
            {move || pending.get().map(|open| view! {
                <RecusalConfirm conflicts=open
                    on_confirm=Callback::new(move |given| { pending.set(None); go(given) })
                    on_cancel=Callback::new(move |_| pending.set(None))/>
            })}
            <FormErrors errors=errors/>
            <div class="buttons">
                <button type="button" data-testid="assign-selected" on:click=assign>{tr(T::AssignSelected)}</button>
                <button type="button" class="secondary" on:click=move |_| on_close.run(())>{tr(T::Cancel)}</button>
            </div>
        </div>
    }
}
