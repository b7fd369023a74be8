//! 整改: one rectification in the side panel — its editable fields, the steps
//! allowed from its status (销号, 申请延期, 整改不到位 …) and its history.

use crate::ui::state::state;
use crate::ui::widgets::{parse_day, today, tr, FormButtons, FormErrors, Input, TextArea};
use leptos::prelude::*;
use xuncha_core::i18n::{fill, Label, T};
use xuncha_core::id::Id;
use xuncha_core::ops::{self, OpError};
use xuncha_core::record::Record;
use xuncha_core::rectification::{Rectification, Step, StepInput};
use xuncha_core::validation::Invalid;

#[component]
pub fn RectificationPanel(id: Id, on_close: Callback<()>) -> impl IntoView {
    let st = state();
    // Drawn afresh from the data, so a step just taken shows at once.
    let current = Memo::new(move |_| st.data.with(|d| d.rectifications.iter().find(|r| r.meta.id == id).cloned()));
    let description = Memo::new(move |_| {
        let problem = current.with(|r| r.as_ref().map(|r| r.data.problem));
        st.data.with(|d| {
            problem.and_then(|p| d.problems.iter().find(|x| x.meta.id == p)).map(|p| p.data.description.clone())
        })
    });
    view! {
        <aside class="panel" data-testid="rectification-panel">
            <h2>{tr(T::HandleRectification)}</h2>
            <p class="quote">{move || description.get().unwrap_or_default()}</p>
            {move || current.get().map(|r| view! { <Summary r=r.clone()/> <Steps r=r.clone()/> <Edit r=r.clone()/> <History r=r/> })}
            <div class="buttons">
                <button type="button" class="secondary" data-testid="close-panel" on:click=move |_| on_close.run(())>{tr(T::Close)}</button>
            </div>
        </aside>
    }
}

#[component]
fn Summary(r: Record<Rectification>) -> impl IntoView {
    let st = state();
    let overdue = r.data.is_overdue(today());
    let status = r.data.status;
    let deadline = r.data.deadline;
    let asked = r.data.pending_extension().and_then(|e| e.new_deadline);
    view! {
        <p class="rect-status">
            <span class="status-badge" data-testid="rect-status">{move || st.t(status.label())}</span>
            " "
            {move || fill(st.t(T::DeadlineIs), &[("day", &deadline)])}
            " "
            <Show when=move || overdue><span class="overdue-mark" data-testid="overdue-mark">{tr(T::OverdueMark)}</span></Show>
        </p>
        {asked.map(|day| view! {
            <p class="hint" data-testid="pending-extension">{move || fill(st.t(T::PendingExtension), &[("day", &day)])}</p>
        })}
    }
}

/// A button for each legal step; choosing one asks for what that step needs.
#[component]
fn Steps(r: Record<Rectification>) -> impl IntoView {
    let st = state();
    let chosen = RwSignal::new(None::<Step>);
    let buttons = r
        .data
        .allowed_steps()
        .into_iter()
        .map(|step| {
            view! {
                <button type="button" class="secondary" class:chosen=move || chosen.get() == Some(step)
                    data-testid=format!("step-{step:?}") on:click=move |_| chosen.set(Some(step))>
                    {move || st.t(step.label())}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="steps" data-testid="steps">{buttons}</div>
        {move || chosen.get().map(|step| view! { <StepForm r=r.clone() step=step on_done=Callback::new(move |_: ()| chosen.set(None))/> })}
    }
}

#[component]
fn StepForm(r: Record<Rectification>, step: Step, on_done: Callback<()>) -> impl IntoView {
    let st = state();
    let on = RwSignal::new(today().to_string());
    let note = RwSignal::new(String::new());
    let new_deadline = RwSignal::new(String::new());
    let verifier = RwSignal::new(r.data.verifier.clone());
    let evidence = RwSignal::new(if step == Step::Progress { String::new() } else { r.data.evidence.clone() });
    let approver = RwSignal::new(String::new());
    let errors = RwSignal::new(None);
    let note_label = match step {
        Step::Extend | Step::RequestExtension | Step::RejectExtension => T::FieldExtendReason,
        Step::Inadequate => T::FieldInadequateReason,
        _ => T::FieldStepNote,
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut bad = Vec::new();
        let day = parse_day(&on.get_untracked(), "on", &mut bad);
        let deadline = parse_day(&new_deadline.get_untracked(), "new_deadline", &mut bad);
        let Some(day) = day else {
            if bad.is_empty() {
                bad.push(Invalid { field: "on", msg: T::ErrInvalidDate, missing: false });
            }
            return errors.set(Some(OpError::Invalid(bad)));
        };
        if !bad.is_empty() {
            return errors.set(Some(OpError::Invalid(bad)));
        }
        let input = StepInput {
            step,
            on: day,
            note: note.get_untracked(),
            new_deadline: deadline,
            verifier: verifier.get_untracked(),
            evidence: evidence.get_untracked(),
            approver: approver.get_untracked(),
        };
        let r = r.clone();
        st.act(errors, async move |s, ctx| ops::step_rectification(s, ctx, &r, input).await, move |_| on_done.run(()));
    };
    view! {
        <form class="step-form" data-testid="step-form" on:submit=save>
            <h3>{move || st.t(step.label())}</h3>
            <Input label=T::FieldStepOn value=on field="on" errors=errors kind="date"/>
            <Show when=move || matches!(step, Step::Extend | Step::RequestExtension)>
                <Input label=T::FieldNewDeadline value=new_deadline field="new_deadline" errors=errors kind="date"/>
            </Show>
            <Show when=move || step == Step::ApproveExtension>
                <Input label=T::FieldApprover value=approver field="approver" errors=errors/>
            </Show>
            <Show when=move || step == Step::Close>
                <Input label=T::ColVerifier value=verifier field="verifier" errors=errors/>
            </Show>
            <Show when=move || matches!(step, Step::Close | Step::Progress)>
                <TextArea label=T::ColEvidence value=evidence field="evidence" rows=2 max=xuncha_core::validation::MAX_TEXT_CHARS errors=errors/>
            </Show>
            <TextArea label=note_label value=note field="note" rows=2 max=xuncha_core::validation::MAX_TEXT_CHARS errors=errors/>
            <FormErrors errors=errors/>
            <div class="buttons">
                <button type="submit" data-testid="step-confirm">{tr(T::Confirm)}</button>
                <button type="button" class="secondary" on:click=move |_| on_done.run(())>{tr(T::Cancel)}</button>
            </div>
        </form>
    }
}

/// Measures, unit, person and evidence can be corrected at any time.
#[component]
fn Edit(r: Record<Rectification>) -> impl IntoView {
    let st = state();
    let measures = RwSignal::new(r.data.measures.clone());
    let unit = RwSignal::new(r.data.unit.clone());
    let person = RwSignal::new(r.data.person.clone());
    let evidence = RwSignal::new(r.data.evidence.clone());
    let errors = RwSignal::new(None);
    let open = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut data = r.data.clone();
        data.measures = measures.get_untracked();
        data.unit = unit.get_untracked();
        data.person = person.get_untracked();
        data.evidence = evidence.get_untracked();
        let base = r.clone();
        st.act(
            errors,
            async move |s, ctx| ops::save_rectification(s, ctx, &base, data).await,
            move |_| open.set(false),
        );
    };
    view! {
        <details class="rect-edit" prop:open=move || open.get() on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
            <summary data-testid="rect-edit">{tr(T::EditRectification)}</summary>
            <form on:submit=save>
                <TextArea label=T::ColMeasures value=measures field="measures" rows=3 max=xuncha_core::validation::MAX_TEXT_CHARS errors=errors/>
                <Input label=T::ColUnit value=unit field="unit" errors=errors/>
                <Input label=T::ColPerson value=person field="person" errors=errors/>
                <TextArea label=T::ColEvidence value=evidence field="evidence" rows=2 max=xuncha_core::validation::MAX_TEXT_CHARS errors=errors/>
                <FormButtons errors=errors on_close=Callback::new(move |_: ()| open.set(false)) testid="save-rectification"/>
            </form>
        </details>
    }
}

#[component]
fn History(r: Record<Rectification>) -> impl IntoView {
    let st = state();
    let rows = move || {
        let lang = st.lang.get();
        r.data
            .history
            .iter()
            .rev()
            .map(|e| {
                let change = if e.step.moves_deadline() || e.step == Step::RequestExtension {
                    let from = e.old_deadline.map(|d| d.to_string()).unwrap_or_default();
                    let to = e.new_deadline.map(|d| d.to_string()).unwrap_or_default();
                    format!("{from} → {to}")
                } else if e.from == e.to {
                    e.to.label().text(lang).to_owned()
                } else {
                    format!("{} → {}", e.from.label().text(lang), e.to.label().text(lang))
                };
                view! {
                    <tr>
                        <td>{e.on.to_string()}</td>
                        <td>{e.step.label().text(lang)}</td>
                        <td>{change}</td>
                        <td>{[e.note.as_str(), e.approver.as_str(), e.evidence.as_str()].into_iter().filter(|t| !t.is_empty()).collect::<Vec<_>>().join("；")}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <h3>{tr(T::HistoryTitle)}</h3>
        <table class="list compact" data-testid="rect-history">
            <thead><tr><th>{tr(T::FieldStepOn)}</th><th>{tr(T::FieldStep)}</th><th>{tr(T::FieldChange)}</th><th>{tr(T::FieldStepNote)}</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
