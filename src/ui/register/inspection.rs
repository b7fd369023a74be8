//! One target's inspection in a round: milestone dates and activity counts.

use crate::ui::state::state;
use crate::ui::widgets::{confirm, day_text, parse_count, parse_day, today, tr, FormButtons, Input, TextArea};
use leptos::prelude::*;
use xuncha_core::i18n::{fill, Label, T};
use xuncha_core::id::Id;
use xuncha_core::inspection::{Activities, Activity, Milestone, Milestones};
use xuncha_core::ops::{self, OpError};

#[component]
pub fn InspectionPanel(id: Id, on_close: Callback<()>) -> impl IntoView {
    let st = state();
    let Some(base) = st.data.with_untracked(|d| d.inspections.iter().find(|i| i.meta.id == id).cloned()) else {
        return ().into_any();
    };
    let target =
        st.data.with_untracked(|d| d.target(base.data.target).map(|t| t.data.name.clone()).unwrap_or_default());
    let dates: Vec<(Milestone, RwSignal<String>)> =
        Milestone::ALL.iter().map(|m| (*m, RwSignal::new(day_text(base.data.milestones.get(*m))))).collect();
    let counts: Vec<(Activity, RwSignal<String>)> =
        Activity::ALL.iter().map(|a| (*a, RwSignal::new(base.data.activities.get(*a).to_string()))).collect();
    let notes = RwSignal::new(base.data.notes.clone());
    let report_sent = RwSignal::new(day_text(base.data.report_sent));
    let errors = RwSignal::new(None);
    let date_of = {
        let dates = dates.clone();
        move |m: Milestone| dates.iter().find(|(x, _)| *x == m).map(|(_, s)| *s)
    };
    let (feedback, due) = (date_of(Milestone::Feedback), date_of(Milestone::RectificationDue));
    let suggest = move |_| {
        let Some((feedback, due)) = feedback.zip(due) else {
            return;
        };
        let suggested = Milestones { feedback: feedback.get_untracked().parse().ok(), ..Default::default() }
            .suggested_rectification_due();
        if let Some(d) = suggested {
            due.set(d.to_string());
        }
    };
    let save = {
        let dates = dates.clone();
        let counts = counts.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let mut bad = Vec::new();
            let mut data = base.data.clone();
            let mut milestones = Milestones::default();
            for (m, s) in &dates {
                milestones.set(*m, parse_day(&s.get_untracked(), m.field(), &mut bad));
            }
            let mut activities = Activities::default();
            for (a, s) in &counts {
                activities.set(*a, parse_count(&s.get_untracked(), a.field(), &mut bad));
            }
            data.milestones = milestones;
            data.activities = activities;
            data.notes = notes.get_untracked();
            data.report_sent = parse_day(&report_sent.get_untracked(), "report_sent", &mut bad);
            if !bad.is_empty() {
                return errors.set(Some(OpError::Invalid(bad)));
            }
            let future = data.future_facts(&base.data, today());
            if !future.is_empty() {
                let lang = st.lang.get_untracked();
                let list: Vec<String> =
                    future.iter().map(|(label, day)| format!("{} {day}", label.text(lang))).collect();
                if !confirm(&fill(st.t(T::ConfirmFutureDates), &[("dates", &list.join("、"))])) {
                    return;
                }
            }
            let meta = base.meta.clone();
            st.act(
                errors,
                async move |s, ctx| ops::save_inspection(s, ctx, Some(&meta), data).await,
                move |_| on_close.run(()),
            );
        }
    };
    let date_inputs = dates
        .into_iter()
        .map(|(m, s)| view! { <Input label=m.label() value=s field=m.field() errors=errors kind="date"/> })
        .collect_view();
    let count_inputs = counts
        .into_iter()
        .map(|(a, s)| view! { <Input label=a.label() value=s field=a.field() errors=errors kind="number"/> })
        .collect_view();
    view! {
        <div class="inspection-panel" data-testid="inspection-panel">
            <h4>{move || fill(st.t(T::InspectionTitle), &[("target", &target)])}</h4>
            <form on:submit=save>
                <fieldset>
                    <legend>{tr(T::MilestonesTitle)}</legend>
                    <div class="grid">{date_inputs}</div>
                    <button type="button" class="link" data-testid="suggest-due" on:click=suggest>{tr(T::SuggestDue)}</button>
                    <Input label=T::ReportSent value=report_sent field="report_sent" errors=errors kind="date"/>
                </fieldset>
                <fieldset>
                    <legend>{tr(T::ActivitiesTitle)}</legend>
                    <div class="grid">{count_inputs}</div>
                </fieldset>
                <TextArea label=T::FieldNotes value=notes field="notes"/>
                <FormButtons errors=errors on_close=on_close testid="save-inspection"/>
            </form>
        </div>
    }
    .into_any()
}
