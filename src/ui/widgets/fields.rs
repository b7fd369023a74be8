//! Labelled form fields bound to signals, and how a failed save shows on them:
//! every form in the app is built from these, so fields look and behave alike.

use super::tr;
use crate::ui::state::state;
use leptos::prelude::*;
use xuncha_core::i18n::T;
use xuncha_core::ops::OpError;

/// Form errors: `None` until a save fails.
pub type Errors = RwSignal<Option<OpError>>;

pub(super) fn is_invalid(errors: Errors, field: &'static str) -> bool {
    errors.with(|e| e.as_ref().is_some_and(|e| e.fields().contains(&field)))
}

/// The messages of a failed save, above the form buttons.
#[component]
pub fn FormErrors(errors: Errors) -> impl IntoView {
    let st = state();
    move || {
        errors.get().map(|e| {
            let lang = st.lang.get();
            let items = e.messages(lang).into_iter().map(|m| view! { <li>{m}</li> }).collect_view();
            view! {
                <div class="form-errors" role="alert" data-testid="form-errors">
                    <p>{T::FormHasErrors.text(lang)}</p>
                    <ul>{items}</ul>
                </div>
            }
        })
    }
}

/// A labelled text, date or number input bound to a string signal.
#[component]
pub fn Input(
    label: T,
    value: RwSignal<String>,
    field: &'static str,
    errors: Errors,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] hint: Option<T>,
    #[prop(optional)] autofocus: bool,
) -> impl IntoView {
    let st = state();
    view! {
        <label class="field" class:invalid=move || is_invalid(errors, field)>
            <span class="label">{move || st.t(label)}</span>
            <input
                type=kind
                name=field
                data-testid=format!("field-{field}")
                min=(kind == "number").then_some("0")
                autofocus=autofocus
                placeholder=move || hint.map(|h| st.t(h))
                bind:value=value
            />
        </label>
    }
}

/// A labelled multi-line input; with `max`, its limit and the count so far beside
/// the label, red when over.
#[component]
pub fn TextArea(
    label: T,
    value: RwSignal<String>,
    field: &'static str,
    #[prop(optional)] hint: Option<T>,
    #[prop(default = 3)] rows: u32,
    #[prop(optional)] max: Option<usize>,
    #[prop(optional)] errors: Option<Errors>,
) -> impl IntoView {
    let st = state();
    let count = move || value.with(|v| v.chars().count());
    let limit = max.map(|max| {
        view! {
            <span class="limit" class:over=move || { count() > max } data-testid=format!("limit-{field}")>
                {move || xuncha_core::i18n::fill(st.t(T::LengthLimit), &[("max", &max), ("n", &count())])}
            </span>
        }
    });
    view! {
        <label class="field wide" class:invalid=move || errors.is_some_and(|e| is_invalid(e, field))>
            <span class="label">{move || st.t(label)}{limit}</span>
            <textarea name=field data-testid=format!("field-{field}") rows=rows placeholder=move || hint.map(|h| st.t(h)) bind:value=value></textarea>
        </label>
    }
}

/// A labelled checkbox.
#[component]
pub fn Check(label: T, value: RwSignal<bool>, testid: &'static str) -> impl IntoView {
    view! {
        <label class="check">
            <input type="checkbox" data-testid=testid bind:checked=value/>
            <span>{tr(label)}</span>
        </label>
    }
}

/// Save and cancel, under the form's errors.
#[component]
pub fn FormButtons(
    errors: Errors,
    on_close: Callback<()>,
    #[prop(default = "save")] testid: &'static str,
) -> impl IntoView {
    // A form opens with the cursor in its first field; Ctrl+Enter saves (platform).
    let buttons = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(form) = buttons.get().and_then(|div| div.closest("form").ok().flatten()) {
            crate::platform::focus_first_field(&form);
        }
    });
    view! {
        <FormErrors errors=errors/>
        <div class="buttons" node_ref=buttons>
            <button type="submit" data-testid=testid>{tr(T::Save)}</button>
            <button type="button" class="secondary" on:click=move |_| on_close.run(())>{tr(T::Cancel)}</button>
        </div>
    }
}
