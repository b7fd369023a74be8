//! 问题: entering a problem (keyboard first, with "save and next"), and feeding it
//! back to open its rectification.

use crate::ui::state::state;
use crate::ui::widgets::{
    confirm, day_text, inspected_targets, parse_day, round_options, today, tr, EnumSelect, FormButtons, FormErrors,
    Input, RecordSelect, SectionSelect, SidePanel, TextArea,
};
use leptos::prelude::*;
use xuncha_core::i18n::T;
use xuncha_core::id::Id;
use xuncha_core::inspection::RECTIFICATION_MONTHS;
use xuncha_core::ops::{self, OpError};
use xuncha_core::problem::{Focus, Problem, ProblemSource, Scope};
use xuncha_core::record::Record;
use xuncha_core::rectification::Rectification;
use xuncha_core::validation::Invalid;

#[component]
pub fn ProblemForm(base: Option<Record<Problem>>, on_close: Callback<()>) -> impl IntoView {
    let st = state();
    let title = if base.is_some() { T::EditProblem } else { T::NewProblem };
    let filter = st.ledger_filter;
    let draft = base.as_ref().map(|b| b.data.clone());
    let round = RwSignal::new(draft.as_ref().map(|d| d.round).or_else(|| filter.round.get_untracked()));
    let target = RwSignal::new(draft.as_ref().map(|d| d.target).or_else(|| filter.target.get_untracked()));
    let focus = RwSignal::new(draft.as_ref().map(|d| d.focus).unwrap_or(Focus::Policy));
    let sub_category = RwSignal::new(draft.as_ref().map(|d| d.sub_category.clone()).unwrap_or_default());
    let source = RwSignal::new(draft.as_ref().map(|d| d.source).unwrap_or(ProblemSource::Talk));
    let scope = RwSignal::new(draft.as_ref().map(|d| d.scope).unwrap_or(Scope::Individual));
    let found_on = RwSignal::new(draft.as_ref().map(|d| d.found_on).unwrap_or_else(today).to_string());
    let description = RwSignal::new(draft.as_ref().map(|d| d.description.clone()).unwrap_or_default());
    let facts = RwSignal::new(draft.as_ref().map(|d| d.facts.clone()).unwrap_or_default());
    let basis = RwSignal::new(draft.as_ref().map(|d| d.basis.clone()).unwrap_or_default());
    let on_spot = RwSignal::new(day_text(draft.as_ref().and_then(|d| d.rectified_on_spot)));
    let fed_back_on = draft.as_ref().and_then(|d| d.fed_back_on);
    let errors = RwSignal::new(None);
    let added = RwSignal::new(0usize);
    let rounds = Signal::derive(move || st.data.with(|d| round_options(d, st.lang.get())));
    let targets = Signal::derive(move || st.data.with(|d| inspected_targets(d, round.get(), st.lang.get())));
    let meta = base.map(|b| b.meta);
    let is_new = meta.is_none();
    let save = Callback::new(move |another: bool| {
        let mut bad = Vec::new();
        let found = parse_day(&found_on.get_untracked(), "found_on", &mut bad);
        let spot = parse_day(&on_spot.get_untracked(), "rectified_on_spot", &mut bad);
        let draft = Problem {
            round: round.get_untracked().unwrap_or(Id::nil()),
            target: target.get_untracked().unwrap_or(Id::nil()),
            description: description.get_untracked(),
            ..Problem::new(Id::nil(), Id::nil(), found.unwrap_or_else(today))
        };
        // Every empty required field is named at once, before any other check.
        let mut missing = Invalid::only_missing(
            st.data.with_untracked(|d| draft.validate(&d.rounds, &d.inspections)).err().unwrap_or_default(),
        );
        if found_on.get_untracked().trim().is_empty() {
            missing.push(Invalid::missing("found_on", T::ErrFoundOnRequired));
        }
        if !missing.is_empty() {
            return errors.set(Some(OpError::Invalid(missing)));
        }
        let (Some(r), Some(t), Some(found), true) =
            (round.get_untracked(), target.get_untracked(), found, bad.is_empty())
        else {
            return errors.set(Some(OpError::Invalid(bad)));
        };
        // A problem cannot have been found in the future: most likely a typo in the year.
        if found > today() && !confirm(&xuncha_core::i18n::fill(st.t(T::ConfirmFutureFound), &[("day", &found)])) {
            return;
        }
        let data = Problem {
            round: r,
            target: t,
            focus: focus.get_untracked(),
            sub_category: sub_category.get_untracked(),
            description: description.get_untracked(),
            facts: facts.get_untracked(),
            basis: basis.get_untracked(),
            source: source.get_untracked(),
            found_on: found,
            scope: scope.get_untracked(),
            rectified_on_spot: spot,
            fed_back_on,
        };
        let meta = meta.clone();
        st.act(
            errors,
            async move |s, ctx| ops::save_problem(s, ctx, meta.as_ref(), data).await,
            move |_| {
                if another {
                    // Same round, target and categories: the next problem usually shares them.
                    added.update(|n| *n += 1);
                    description.set(String::new());
                    facts.set(String::new());
                    basis.set(String::new());
                    sub_category.set(String::new());
                    on_spot.set(String::new());
                    focus_description();
                } else {
                    on_close.run(());
                }
            },
        );
    });
    view! {
        <SidePanel title=title testid="problem-form">
            <form on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                save.run(false)
            }>
                <RecordSelect label=T::ColRound options=rounds value=round field="round" empty=T::None errors=Some(errors)/>
                <SectionSelect label=T::ColTarget sections=targets value=target field="target" empty=T::None errors=Some(errors)/>
                <TextArea label=T::ColDescription value=description field="description" rows=4
                    max=xuncha_core::problem::MAX_DESCRIPTION_CHARS errors=errors/>
                <TextArea label=T::ColFacts value=facts field="facts" rows=2
                    max=xuncha_core::problem::MAX_DESCRIPTION_CHARS errors=errors hint=T::FactsHint/>
                <TextArea label=T::ColBasis value=basis field="basis" rows=2
                    max=xuncha_core::problem::MAX_DESCRIPTION_CHARS errors=errors/>
                <EnumSelect label=T::ColFocus options=&Focus::ALL value=focus field="focus"/>
                <Input label=T::ColSubCategory value=sub_category field="sub_category" errors=errors/>
                <EnumSelect label=T::ColSource options=&ProblemSource::ALL value=source field="source"/>
                <EnumSelect label=T::ColScope options=&Scope::ALL value=scope field="scope"/>
                <Input label=T::ColFoundOn value=found_on field="found_on" errors=errors kind="date"/>
                <Input label=T::ColOnSpot value=on_spot field="rectified_on_spot" errors=errors kind="date" hint=T::OnSpotHint/>
                <FormErrors errors=errors/>
                <Show when=move || { added.get() > 0 }>
                    <p class="hint" data-testid="added-count">{move || xuncha_core::i18n::fill(st.t(T::ProblemsAdded), &[("n", &added.get())])}</p>
                </Show>
                <div class="buttons">
                    <button type="submit" data-testid="save">{tr(T::Save)}</button>
                    <Show when=move || is_new>
                        <button type="button" class="secondary" data-testid="save-next" on:click=move |_| save.run(true)>{tr(T::SaveAndNext)}</button>
                    </Show>
                    <button type="button" class="secondary" on:click=move |_| on_close.run(())>{tr(T::Cancel)}</button>
                </div>
            </form>
        </SidePanel>
    }
}

/// Puts the cursor back in the description box for the next entry.
fn focus_description() {
    use wasm_bindgen::JsCast;
    let field = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("[data-testid=field-description]").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(field) = field {
        let _ = field.focus();
    }
}

/// 反馈 and 整改: the day of feedback and the rectification it opens, saved together.
#[component]
pub fn FeedBackForm(problem: Record<Problem>, on_close: Callback<()>) -> impl IntoView {
    let st = state();
    let (milestones, target_name) = st.data.with_untracked(|d| {
        let m = d
            .inspections
            .iter()
            .find(|i| i.data.round == problem.data.round && i.data.target == problem.data.target)
            .map(|i| i.data.milestones.clone())
            .unwrap_or_default();
        (m, d.target(problem.data.target).map(|t| t.data.name.clone()).unwrap_or_default())
    });
    let fed = milestones.feedback.unwrap_or_else(today);
    let due = milestones.rectification_due.or_else(|| fed.add_months(RECTIFICATION_MONTHS)).unwrap_or(fed);
    let fed_back_on = RwSignal::new(fed.to_string());
    let measures = RwSignal::new(String::new());
    let unit = RwSignal::new(target_name);
    let person = RwSignal::new(String::new());
    let deadline = RwSignal::new(due.to_string());
    let errors = RwSignal::new(None);
    let description = problem.data.description.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut bad = Vec::new();
        let fed = parse_day(&fed_back_on.get_untracked(), "fed_back_on", &mut bad);
        let due = parse_day(&deadline.get_untracked(), "deadline", &mut bad);
        let (Some(fed), Some(due), true) = (fed, due, bad.is_empty()) else {
            if bad.is_empty() {
                bad.push(Invalid { field: "deadline", msg: T::ErrInvalidDate, missing: false });
            }
            return errors.set(Some(OpError::Invalid(bad)));
        };
        let mut draft = Rectification::new(problem.meta.id, due);
        draft.measures = measures.get_untracked();
        draft.unit = unit.get_untracked();
        draft.person = person.get_untracked();
        let problem = problem.clone();
        st.act(
            errors,
            async move |s, ctx| ops::feed_back(s, ctx, &problem, fed, draft).await,
            move |_| on_close.run(()),
        );
    };
    view! {
        <SidePanel title=T::FeedBack testid="feed-back-form">
            <p class="quote">{description}</p>
            <form on:submit=save>
                <Input label=T::FieldFedBackOn value=fed_back_on field="fed_back_on" errors=errors kind="date" autofocus=true/>
                <TextArea label=T::ColMeasures value=measures field="measures" rows=3 max=xuncha_core::validation::MAX_TEXT_CHARS errors=errors/>
                <Input label=T::ColUnit value=unit field="unit" errors=errors/>
                <Input label=T::ColPerson value=person field="person" errors=errors/>
                <Input label=T::ColDeadline value=deadline field="deadline" errors=errors kind="date"/>
                <FormButtons errors=errors on_close=on_close/>
            </form>
        </SidePanel>
    }
}
