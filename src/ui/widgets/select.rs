//! Pickers: one value of an enum (labelled from the catalogue) or one record by
//! id, each in a form flavour and a list-filter flavour ("全部" = any).

use super::fields::{is_invalid, Errors};
use crate::ui::state::state;
use leptos::prelude::*;
use xuncha_core::i18n::{Label, T};
use xuncha_core::id::Id;

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

/// Choices under one heading of a select (`<optgroup>`), or loose when it has none.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub label: Option<String>,
    pub options: Vec<(Id, String)>,
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
    let sections = Signal::derive(move || vec![Section { label: None, options: options.get() }]);
    view! { <SectionSelect label=label sections=sections value=value field=field empty=empty errors=errors/> }
}

/// A select of one record by id whose choices stand under headings, as villages
/// under their township.
#[component]
pub fn SectionSelect(
    label: T,
    sections: Signal<Vec<Section>>,
    value: RwSignal<Option<Id>>,
    field: &'static str,
    empty: T,
    errors: Option<Errors>,
) -> impl IntoView {
    let st = state();
    let current = move || value.get().map(|v| v.to_string()).unwrap_or_default();
    let invalid = move || errors.is_some_and(|e| is_invalid(e, field));
    let testid = if errors.is_some() { format!("field-{field}") } else { format!("filter-{field}") };
    let option = move |(id, name): (Id, String)| {
        let selected = value.get_untracked() == Some(id);
        view! { <option value=id.to_string() selected=selected>{name}</option> }
    };
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
                    sections
                        .get()
                        .into_iter()
                        .map(|s| match s.label {
                            Some(heading) => view! {
                                <optgroup label=heading>{s.options.into_iter().map(option).collect_view()}</optgroup>
                            }
                            .into_any(),
                            None => s.options.into_iter().map(option).collect_view().into_any(),
                        })
                        .collect_view()
                }}
            </select>
        </label>
    }
}
