//! 届: the list of terms and the term form.

use crate::ui::state::state;
use crate::ui::widgets::{parse_year, tr, FormButtons, Input, ListPage, RowActions, SidePanel};
use leptos::prelude::*;
use xuncha_core::i18n::T;
use xuncha_core::ops::{self, OpError};
use xuncha_core::record::Record;
use xuncha_core::term::Term;

/// What the side panel holds.
#[derive(Clone, Debug, PartialEq)]
enum Panel {
    New,
    Edit(Record<Term>),
}

#[component]
pub fn TermsPage() -> impl IntoView {
    let st = state();
    let panel = RwSignal::new(None::<Panel>);
    let page_errors = RwSignal::new(None);
    let rows = move || {
        let mut terms = st.data.with(|d| d.terms.clone());
        terms.sort_by_key(|t| std::cmp::Reverse(t.data.start_year));
        terms
            .into_iter()
            .map(|t| {
                let edit = t.clone();
                let del = t.clone();
                let on_edit = Callback::new(move |_: ()| panel.set(Some(Panel::Edit(edit.clone()))));
                let on_delete = Callback::new(move |_: ()| {
                    let del = del.clone();
                    st.act_saying(
                        page_errors,
                        T::Deleted,
                        async move |s, ctx| ops::delete_term(s, ctx, &del).await,
                        |_| (),
                    );
                });
                view! {
                    <tr>
                        <td>{t.data.name.clone()}</td>
                        <td>{t.data.start_year}</td>
                        <td>{t.data.end_year}</td>
                        <RowActions name=t.data.name.clone() on_edit=on_edit on_delete=on_delete/>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <ListPage panel=panel form=|p, close| match p {
            Panel::New => view! { <TermForm base=None on_close=close/> }.into_any(),
            Panel::Edit(t) => view! { <TermForm base=Some(t) on_close=close/> }.into_any(),
        }>
            <div class="toolbar">
                <h1>{tr(T::TermsTitle)}</h1>
                <button type="button" class="no-print" data-testid="new-term" on:click=move |_| panel.set(Some(Panel::New))>{tr(T::NewTerm)}</button>
            </div>
            <table class="list" data-testid="terms-table">
                <thead><tr>
                    <th>{tr(T::FieldTermName)}</th><th>{tr(T::FieldStartYear)}</th><th>{tr(T::FieldEndYear)}</th>
                    <th class="no-print">{tr(T::Actions)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            {move || st.data.with(|d| d.terms.is_empty()).then(|| view! { <p class="empty">{tr(T::NoRecords)}</p> })}
        </ListPage>
    }
}

#[component]
fn TermForm(base: Option<Record<Term>>, on_close: Callback<()>) -> impl IntoView {
    let st = state();
    let title = if base.is_some() { T::EditTerm } else { T::NewTerm };
    let name = RwSignal::new(base.as_ref().map(|b| b.data.name.clone()).unwrap_or_default());
    let start = RwSignal::new(base.as_ref().map(|b| b.data.start_year.to_string()).unwrap_or_default());
    let end = RwSignal::new(base.as_ref().map(|b| b.data.end_year.to_string()).unwrap_or_default());
    let errors = RwSignal::new(None);
    let meta = base.map(|b| b.meta);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut bad = Vec::new();
        let data = Term {
            name: name.get_untracked(),
            start_year: parse_year(&start.get_untracked(), "start_year", &mut bad),
            end_year: parse_year(&end.get_untracked(), "end_year", &mut bad),
        };
        if !bad.is_empty() {
            return errors.set(Some(OpError::Invalid(bad)));
        }
        let meta = meta.clone();
        st.act(
            errors,
            async move |s, ctx| ops::save_term(s, ctx, meta.as_ref(), data).await,
            move |_| on_close.run(()),
        );
    };
    view! {
        <SidePanel title=title testid="term-form">
            <form on:submit=save>
                <Input label=T::FieldTermName value=name field="name" errors=errors hint=T::TermNameHint autofocus=true/>
                <Input label=T::FieldStartYear value=start field="start_year" errors=errors kind="number"/>
                <Input label=T::FieldEndYear value=end field="end_year" errors=errors kind="number"/>
                <FormButtons errors=errors on_close=on_close/>
            </form>
        </SidePanel>
    }
}
