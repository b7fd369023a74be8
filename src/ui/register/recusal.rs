//! The 回避 confirmation a group's form and the assign panel show: each warning in
//! words with a reason box, and the button that goes ahead with the reasons.

use crate::ui::state::state;
use crate::ui::widgets::tr;
use leptos::prelude::*;
use xuncha_core::group::{Recusal, MAX_RECUSAL_REASON};
use xuncha_core::i18n::T;
use xuncha_core::pool::{conflict_text, Conflict, Pool};

#[component]
pub fn RecusalConfirm(
    conflicts: Vec<Conflict>,
    on_confirm: Callback<Vec<Recusal>>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let st = state();
    let reasons: Vec<(Conflict, RwSignal<String>)> =
        conflicts.into_iter().map(|c| (c, RwSignal::new(String::new()))).collect();
    let all = reasons.clone();
    let blank = RwSignal::new(false);
    // A missing reason is said here and the box stays, with what was typed.
    let confirm = move |_| {
        let given: Vec<Recusal> = all
            .iter()
            .map(|(c, r)| Recusal { person: c.person, target: c.target, reason: r.get_untracked().trim().to_owned() })
            .collect();
        blank.set(given.iter().any(|r| r.reason.is_empty()));
        if !blank.get_untracked() {
            on_confirm.run(given);
        }
    };
    let items = reasons
        .into_iter()
        .map(|(c, reason)| {
            let words = move || {
                st.data.with(|d| conflict_text(&c, Pool { persons: &d.persons, targets: &d.targets }, st.lang.get()))
            };
            view! {
                <li>
                    <span data-testid="recusal-warning">{words}</span>
                    <label class="field">
                        <span class="label">{tr(T::RecusalReason)}</span>
                        <input type="text" data-testid="recusal-reason" maxlength=MAX_RECUSAL_REASON.to_string() bind:value=reason/>
                    </label>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="recusal warning" role="alert" data-testid="recusal-confirm">
            <h4>{tr(T::RecusalTitle)}</h4>
            <p class="hint">{tr(T::RecusalHint)}</p>
            <ul>{items}</ul>
            <Show when=move || blank.get()>
                <p class="error" role="alert" data-testid="recusal-blank">{tr(T::ErrRecusalReason)}</p>
            </Show>
            <div class="buttons">
                <button type="button" data-testid="recusal-go" on:click=confirm>{tr(T::RecusalConfirm)}</button>
                <button type="button" class="secondary" on:click=move |_| on_cancel.run(())>{tr(T::Cancel)}</button>
            </div>
        </div>
    }
}
