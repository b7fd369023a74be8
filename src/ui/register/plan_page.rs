//! One 巡察计划: its plan against actual (table and the sentences for a report),
//! its 轮次安排 as the printed plan lists it, and starting a planned round.

use super::plan::PlanForm;
use super::planned_round::PlannedRoundForm;
use crate::platform;
use crate::ui::layout::NotFoundPage;
use crate::ui::state::state;
use crate::ui::widgets::{confirm, confirm_delete, today, tr, FormErrors, PrintButton};
use leptos::prelude::*;
use xuncha_core::i18n::{fill, Label, T};
use xuncha_core::id::Id;
use xuncha_core::ops::{self, Snapshot};
use xuncha_core::plan::{Plan, PlanPart, PlannedRound};
use xuncha_core::record::Record;
use xuncha_core::round::Round;
use xuncha_core::route::Route;
use xuncha_core::stats::plan::{check, text, PlanCheck};

/// Which planned round the form edits: a new one, or the one at this place.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Editing {
    New,
    At(usize),
}

fn term_name(d: &Snapshot, plan: &Plan) -> String {
    d.term(plan.term).map(|t| t.data.name.clone()).unwrap_or_default()
}

#[component]
pub fn PlanPage(id: Id) -> impl IntoView {
    let st = state();
    let plan = Memo::new(move |_| st.data.with(|d| d.plans.iter().find(|p| p.meta.id == id).cloned()));
    let editing = RwSignal::new(false);
    let round_form = RwSignal::new(None::<Editing>);
    let page_errors = RwSignal::new(None);
    let close_edit = Callback::new(move |_: ()| editing.set(false));
    let close_round = Callback::new(move |_: ()| round_form.set(None));
    let delete = move |_| {
        let Some(p) = plan.get_untracked() else { return };
        let title = st.data.with_untracked(|d| p.data.title(&term_name(d, &p.data), st.lang.get_untracked()));
        if confirm_delete(st, &title) {
            st.act_saying(
                page_errors,
                T::Deleted,
                async move |s, ctx| ops::delete_record(s, ctx, &p).await,
                move |_| st.go(Route::Plans),
            );
        }
    };
    let copy = move |_| {
        let ok = platform::copy_from_testid("plan-text-copy");
        st.notify(st.t(if ok { T::StatsCopied } else { T::StatsCopyFailed }), !ok);
    };
    move || match plan.get() {
        None => view! { <NotFoundPage/> }.into_any(),
        Some(p) => {
            let lang = st.lang.get();
            let (title, checked, words) = st.data.with(|d| {
                let name = term_name(d, &p.data);
                let c = check(d, &p.data, today());
                let words = text(&p.data, &c, &name, lang);
                (p.data.title(&name, lang), c, words)
            });
            let edit_base = p.clone();
            let lines = words.lines().map(|l| view! { <p>{l.to_owned()}</p> }).collect_view();
            let facts = format!("{} · {}", p.data.span.label().text(lang), st.data.with(|d| term_name(d, &p.data)));
            let rounds_plan = p.clone();
            let form_plan = p.clone();
            view! {
                <section class="plan-page">
                    <div class="toolbar">
                        <h1 data-testid="plan-title">{title}</h1>
                        <button type="button" class="secondary no-print" data-testid="edit-plan" on:click=move |_| editing.set(true)>{tr(T::Edit)}</button>
                        <button type="button" class="secondary danger no-print" data-testid="delete-plan" on:click=delete>{tr(T::Delete)}</button>
                        <button type="button" class="secondary no-print" data-testid="plan-copy" on:click=copy>{tr(T::StatsCopyText)}</button>
                        <PrintButton/>
                    </div>
                    <p class="facts">{facts}</p>
                    {(!p.data.notes.is_empty()).then(|| view! { <p class="notes">{p.data.notes.clone()}</p> })}
                    <FormErrors errors=page_errors/>
                    <Show when=move || editing.get()>
                        <PlanForm base=Some(edit_base.clone()) on_close=close_edit/>
                    </Show>
                    <h2>{tr(T::PlanVsActual)}</h2>
                    <PlanTable check=checked/>
                    <div class="plan-text" data-testid="plan-text">{lines}</div>
                    // What 复制为文字 copies: the same sentences, one per line, out of sight.
                    <textarea class="copy-source no-print" readonly tabindex="-1" aria-hidden="true" data-testid="plan-text-copy" prop:value=words.clone()></textarea>
                    <div class="toolbar">
                        <h2>{tr(T::PlannedRoundsTitle)}</h2>
                        <button type="button" class="no-print" data-testid="new-planned-round" on:click=move |_| round_form.set(Some(Editing::New))>{tr(T::NewPlannedRound)}</button>
                    </div>
                    <PlannedRounds plan=rounds_plan round_form=round_form errors=page_errors/>
                    {move || round_form.get().map(|e| {
                        let index = match e { Editing::New => None, Editing::At(n) => Some(n) };
                        view! { <PlannedRoundForm plan=form_plan.clone() index=index on_close=close_round/> }
                    })}
                </section>
            }
            .into_any()
        }
    }
}

/// 计划 / 实际 / 计划内已巡察 / 完成率, for rounds and for each part of the targets.
#[component]
fn PlanTable(check: PlanCheck) -> impl IntoView {
    let rate = |done: u64, planned: u64| {
        if planned == 0 {
            String::new()
        } else {
            format!("{:.1}%", done as f64 * 100.0 / planned as f64)
        }
    };
    let row = |label: T, key: &'static str, planned: u64, actual: u64, done: u64| {
        view! {
            <tr data-testid=format!("plan-row-{key}")>
                <td>{tr(label)}</td>
                <td class="num" data-testid="planned">{planned}</td>
                <td class="num" data-testid="actual">{actual}</td>
                <td class="num" data-testid="done">{done}</td>
                <td class="num">{rate(done, planned)}</td>
            </tr>
        }
    };
    let c = &check;
    let parts = PlanPart::ALL
        .into_iter()
        .map(|part| {
            let key = match part {
                PlanPart::CountyUnits => "county_units",
                PlanPart::Enterprises => "enterprises",
                PlanPart::Townships => "townships",
                PlanPart::Villages => "villages",
            };
            row(part.label(), key, c.planned.part(part), c.actual.part(part), c.done.part(part))
        })
        .collect_view();
    view! {
        <table class="list compact plan-table" data-testid="plan-table">
            <thead><tr>
                <th></th><th>{tr(T::ColPlanned)}</th><th>{tr(T::ColActual)}</th><th>{tr(T::ColPlannedDone)}</th><th>{tr(T::ColDoneRate)}</th>
            </tr></thead>
            <tbody>
                {row(T::RowRounds, "rounds", c.planned.rounds, c.actual.rounds, c.done.rounds)}
                {parts}
                {row(T::RowTargetsAll, "targets", c.planned.targets(), c.actual.targets(), c.done.targets())}
            </tbody>
        </table>
    }
}

/// "第一巡察组：县财政局、城关镇；第二巡察组：…" for one planned round.
fn targets_by_group(d: &Snapshot, r: &PlannedRound, lang: xuncha_core::i18n::Lang) -> Vec<String> {
    r.group_names(lang)
        .into_iter()
        .filter_map(|(n, name)| {
            let names: Vec<String> = r
                .targets
                .iter()
                .filter(|t| t.group == n)
                .filter_map(|t| d.target(t.target).map(|t| t.data.name.clone()))
                .collect();
            (!names.is_empty()).then(|| format!("{name}：{}", names.join("、")))
        })
        .collect()
}

/// The 轮次安排 table, with each round's actions.
#[component]
fn PlannedRounds(
    plan: Record<Plan>,
    round_form: RwSignal<Option<Editing>>,
    errors: RwSignal<Option<ops::OpError>>,
) -> impl IntoView {
    let st = state();
    let lang = st.lang.get_untracked();
    if plan.data.rounds.is_empty() {
        return view! { <p class="empty">{tr(T::NoPlannedRounds)}</p> }.into_any();
    }
    let rows = st.data.with_untracked(|d| {
        plan.data
            .rounds
            .iter()
            .enumerate()
            .map(|(n, r)| {
                let when = match (r.start, r.end) {
                    (Some(s), Some(e)) => format!("{s} — {e}"),
                    (Some(s), None) => s.to_string(),
                    _ => String::new(),
                };
                let kind = if r.topic.is_empty() {
                    r.kind.label().text(lang).to_owned()
                } else {
                    format!("{}（{}）", r.kind.label().text(lang), r.topic)
                };
                let lines = targets_by_group(d, r, lang).into_iter().map(|l| view! { <div>{l}</div> }).collect_view();
                let started = r.started(&d.rounds).map(|round| (round.meta.id, d.round_title(round, lang)));
                let status = match started.clone() {
                    Some((id, title)) => view! {
                        <span>{tr(T::StartedAs)}<a href=Route::Round(id).hash() data-testid="planned-round-started">{title}</a></span>
                    }
                    .into_any(),
                    None => view! { <span>{tr(T::NotStarted)}</span> }.into_any(),
                };
                let groups = r.group_names(lang).len();
                let targets = r.targets.len();
                let plan_for_start = plan.clone();
                let plan_for_delete = plan.clone();
                let start = move |_| {
                    let p = plan_for_start.clone();
                    let title = st.data.with_untracked(|d| {
                        let rounds: Vec<Record<Round>> = d.rounds.clone();
                        let ordinal = Round::next_ordinal(p.data.term, p.data.rounds[n].kind, &rounds);
                        let round = p.data.rounds[n].to_round(p.data.term, ordinal, today());
                        round.title(&term_name(d, &p.data), lang)
                    });
                    let ask = fill(st.t(T::ConfirmStartRound), &[("title", &title), ("groups", &groups), ("targets", &targets)]);
                    if confirm(&ask) {
                        st.act_saying(
                            errors,
                            T::RoundStarted,
                            async move |s, ctx| ops::start_planned_round(s, ctx, &p, n, lang, today()).await,
                            move |round| st.go(Route::Round(round.meta.id)),
                        );
                    }
                };
                let remove = move |_| {
                    let p = plan_for_delete.clone();
                    let what = fill(st.t(T::PlannedRoundHeading), &[("n", &(n + 1))]);
                    if confirm_delete(st, &what) {
                        let mut data = p.data.clone();
                        data.rounds.remove(n);
                        st.act_saying(errors, T::Deleted, async move |s, ctx| ops::save_plan(s, ctx, Some(&p.meta), data).await, |_| ());
                    }
                };
                let open = started.is_none();
                view! {
                    <tr data-testid="planned-round">
                        <td class="num">{n + 1}</td>
                        <td>{kind}</td>
                        <td>{when}</td>
                        <td class="num">{groups}</td>
                        <td class="plan-targets">{lines}</td>
                        <td>{status}</td>
                        <td class="actions no-print">
                            <Show when=move || open>
                                <button type="button" class="link" data-testid="edit-planned-round" on:click=move |_| round_form.set(Some(Editing::At(n)))>{tr(T::Edit)}</button>
                                <button type="button" class="link" data-testid="start-planned-round" on:click=start.clone()>{tr(T::StartRound)}</button>
                            </Show>
                            <button type="button" class="link danger" data-testid="delete-planned-round" on:click=remove.clone()>{tr(T::Delete)}</button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    });
    view! {
        <table class="list plan-rounds" data-testid="planned-rounds">
            <thead><tr>
                <th>{tr(T::ColSeq)}</th><th>{tr(T::FieldRoundKind)}</th><th>{tr(T::ColDates)}</th>
                <th>{tr(T::ColGroups)}</th><th>{tr(T::ColPlannedTargets)}</th><th>{tr(T::FieldRoundStatus)}</th>
                <th class="no-print">{tr(T::Actions)}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}
