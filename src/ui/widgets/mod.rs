//! Small form and list pieces shared by the pages: labelled inputs, enum and
//! record pickers, error lists, and parsing of typed text into model values.

use crate::ui::state::{state, AppState};
use leptos::prelude::*;
use xuncha_core::date::Day;
use xuncha_core::i18n::{Label, T};
use xuncha_core::id::Id;
use xuncha_core::ops::OpError;
use xuncha_core::validation::Invalid;

/// A catalogue text that follows the language switch.
pub fn tr(key: T) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let st = state();
    move || st.t(key)
}

/// Form errors: `None` until a save fails.
pub type Errors = RwSignal<Option<OpError>>;

fn is_invalid(errors: Errors, field: &'static str) -> bool {
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

/// A labelled multi-line input.
#[component]
pub fn TextArea(
    label: T,
    value: RwSignal<String>,
    field: &'static str,
    #[prop(optional)] hint: Option<T>,
    #[prop(default = 3)] rows: u32,
) -> impl IntoView {
    let st = state();
    view! {
        <label class="field wide">
            <span class="label">{move || st.t(label)}</span>
            <textarea name=field data-testid=format!("field-{field}") rows=rows placeholder=move || hint.map(|h| st.t(h)) bind:value=value></textarea>
        </label>
    }
}

/// A select over the values of an enum, labelled from the catalogue.
#[component]
pub fn EnumSelect<E>(label: T, options: &'static [E], value: RwSignal<E>, field: &'static str) -> impl IntoView
where
    E: Label + PartialEq + Send + Sync + 'static,
{
    let st = state();
    let current = move || options.iter().position(|o| *o == value.get()).unwrap_or(0).to_string();
    view! {
        <label class="field">
            <span class="label">{move || st.t(label)}</span>
            <select
                name=field
                data-testid=format!("field-{field}")
                prop:value=current
                on:change=move |ev| {
                    if let Some(v) = event_target_value(&ev).parse::<usize>().ok().and_then(|i| options.get(i)) {
                        value.set(*v);
                    }
                }
            >
                {options
                    .iter()
                    .enumerate()
                    .map(|(i, o)| {
                        let o = *o;
                        view! { <option value=i.to_string() selected=move || value.get() == o>{move || st.t(o.label())}</option> }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

/// A select of an optional enum value for list filters ("全部" = any).
#[component]
pub fn EnumFilter<E>(label: T, options: &'static [E], value: RwSignal<Option<E>>, field: &'static str) -> impl IntoView
where
    E: Label + PartialEq + Send + Sync + 'static,
{
    let st = state();
    let current = move || {
        value.get().and_then(|v| options.iter().position(|o| *o == v)).map(|i| i.to_string()).unwrap_or_default()
    };
    view! {
        <label class="field filter">
            <span class="label">{move || st.t(label)}</span>
            <select
                data-testid=format!("filter-{field}")
                prop:value=current
                on:change=move |ev| value.set(event_target_value(&ev).parse::<usize>().ok().and_then(|i| options.get(i)).copied())
            >
                <option value="">{move || st.t(T::All)}</option>
                {options
                    .iter()
                    .enumerate()
                    .map(|(i, o)| {
                        let o = *o;
                        view! { <option value=i.to_string()>{move || st.t(o.label())}</option> }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

/// A form select of an optional enum value, with a named empty choice ("（未处置）").
#[component]
pub fn OptionalEnumSelect<E>(
    label: T,
    options: &'static [E],
    value: RwSignal<Option<E>>,
    field: &'static str,
    empty: T,
) -> impl IntoView
where
    E: Label + PartialEq + Send + Sync + 'static,
{
    let st = state();
    let current = move || {
        value.get().and_then(|v| options.iter().position(|o| *o == v)).map(|i| i.to_string()).unwrap_or_default()
    };
    view! {
        <label class="field">
            <span class="label">{move || st.t(label)}</span>
            <select
                name=field
                data-testid=format!("field-{field}")
                prop:value=current
                on:change=move |ev| value.set(event_target_value(&ev).parse::<usize>().ok().and_then(|i| options.get(i)).copied())
            >
                <option value="">{move || st.t(empty)}</option>
                {options
                    .iter()
                    .enumerate()
                    .map(|(i, o)| {
                        let o = *o;
                        view! { <option value=i.to_string() selected=move || value.get_untracked() == Some(o)>{move || st.t(o.label())}</option> }
                    })
                    .collect_view()}
            </select>
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

/// A select of one record by id, from a reactive list of (id, name).
#[component]
pub fn RecordSelect(
    label: T,
    options: Signal<Vec<(Id, String)>>,
    value: RwSignal<Option<Id>>,
    field: &'static str,
    /// The text of the empty choice ("全部" for filters, "（无）" for forms).
    empty: T,
    errors: Option<Errors>,
) -> impl IntoView {
    let st = state();
    let current = move || value.get().map(|v| v.to_string()).unwrap_or_default();
    let invalid = move || errors.is_some_and(|e| is_invalid(e, field));
    let testid = if errors.is_some() { format!("field-{field}") } else { format!("filter-{field}") };
    view! {
        <label class="field" class:filter=errors.is_none() class:invalid=invalid>
            <span class="label">{move || st.t(label)}</span>
            <select
                name=field
                data-testid=testid
                prop:value=current
                on:change=move |ev| value.set(event_target_value(&ev).parse::<Id>().ok())
            >
                <option value="">{move || st.t(empty)}</option>
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(id, name)| {
                            let selected = value.get_untracked() == Some(id);
                            view! { <option value=id.to_string() selected=selected>{name}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </label>
    }
}

/// Reads an optional date typed into a form; a wrong one becomes a form error.
pub fn parse_day(text: &str, field: &'static str, bad: &mut Vec<Invalid>) -> Option<Day> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    match text.parse() {
        Ok(d) => Some(d),
        Err(_) => {
            bad.push(Invalid { field, msg: T::ErrInvalidDate });
            None
        }
    }
}

/// Reads a count; blank is zero.
pub fn parse_count(text: &str, field: &'static str, bad: &mut Vec<Invalid>) -> u32 {
    let text = text.trim();
    if text.is_empty() {
        return 0;
    }
    text.parse().unwrap_or_else(|_| {
        bad.push(Invalid { field, msg: T::ErrInvalidNumber });
        0
    })
}

/// Reads a year; a wrong one is a form error.
pub fn parse_year(text: &str, field: &'static str, bad: &mut Vec<Invalid>) -> i32 {
    text.trim().parse().unwrap_or_else(|_| {
        bad.push(Invalid { field, msg: T::ErrYearOutOfRange });
        0
    })
}

pub fn day_text(d: Option<Day>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// Asks the user to confirm; a browser that cannot ask counts as "no".
pub fn confirm(text: &str) -> bool {
    web_sys::window().and_then(|w| w.confirm_with_message(text).ok()).unwrap_or(false)
}

/// "显示 3 / 共 10 条" above a list.
#[component]
pub fn ListCount(shown: Signal<usize>, total: Signal<usize>) -> impl IntoView {
    let st = state();
    view! {
        <p class="list-count" data-testid="list-count">
            {move || xuncha_core::i18n::fill(st.t(T::CountShown), &[("shown", &shown.get()), ("total", &total.get())])}
        </p>
    }
}

/// A print button for lists (the print stylesheet hides the rest of the page).
#[component]
pub fn PrintButton() -> impl IntoView {
    view! {
        <button type="button" class="secondary no-print" on:click=move |_| {
            if let Some(w) = web_sys::window() {
                let _ = w.print();
            }
        }>{tr(T::Print)}</button>
    }
}

/// The side panel that holds a list page's form.
#[component]
pub fn SidePanel(title: T, testid: &'static str, children: Children) -> impl IntoView {
    view! {
        <aside class="panel" data-testid=testid>
            <h2>{tr(title)}</h2>
            {children()}
        </aside>
    }
}

/// Save and cancel, under the form's errors.
#[component]
pub fn FormButtons(
    errors: Errors,
    on_close: Callback<()>,
    #[prop(default = "save")] testid: &'static str,
) -> impl IntoView {
    view! {
        <FormErrors errors=errors/>
        <div class="buttons">
            <button type="submit" data-testid=testid>{tr(T::Save)}</button>
            <button type="button" class="secondary" on:click=move |_| on_close.run(())>{tr(T::Cancel)}</button>
        </div>
    }
}

/// Asks "确定删除“name”吗？". Takes the state because event handlers run
/// outside the component tree, where context cannot be looked up.
pub fn confirm_delete(st: AppState, name: &str) -> bool {
    confirm(&xuncha_core::i18n::fill(st.t(T::ConfirmDelete), &[("name", &name)]))
}

/// Edit and delete links at the end of a list row; delete asks first.
#[component]
pub fn RowActions(name: String, on_edit: Callback<()>, on_delete: Callback<()>) -> impl IntoView {
    let st = state();
    view! {
        <td class="actions no-print">
            <button type="button" class="link" data-testid="row-edit" on:click=move |_| on_edit.run(())>{tr(T::Edit)}</button>
            <button type="button" class="link danger" data-testid="row-delete" on:click=move |_| {
                if confirm_delete(st, &name) {
                    on_delete.run(());
                }
            }>{tr(T::Delete)}</button>
        </td>
    }
}
