//! 巡察对象: the register with its filters, the target form and bulk entry.

use crate::ui::state::state;
use crate::ui::widgets::{
    initial_of, page_of, pages_for, target_initials, township_options, tr, EnumFilter, EnumSelect, FormButtons,
    FormErrors, Input, ListCount, ListPage, Pager, PrintButton, RecordSelect, RowActions, SidePanel, TextArea,
};
use leptos::prelude::*;
use xuncha_core::i18n::{fill, Label, T};
use xuncha_core::id::Id;
use xuncha_core::ops::{self, OpError};
use xuncha_core::record::Record;
use xuncha_core::target::{parse_bulk_names, register_order, OrgForm, Target, TargetFilter, TargetKind, TargetStatus};

/// What the side panel holds.
#[derive(Clone, Debug, PartialEq)]
enum Panel {
    New,
    Edit(Record<Target>),
    Bulk,
}

#[component]
pub fn TargetsPage() -> impl IntoView {
    let st = state();
    let panel = RwSignal::new(None::<Panel>);
    let page_errors = RwSignal::new(None);
    let text = RwSignal::new(String::new());
    let kind = RwSignal::new(None::<TargetKind>);
    let township = RwSignal::new(None::<Id>);
    let status = RwSignal::new(None::<TargetStatus>);
    let townships = Signal::derive(move || st.data.with(township_options));
    // Read (and so made) only once a search is typed in Latin letters.
    let initials = Memo::new(move |_| st.data.with(target_initials));
    let filtered = Memo::new(move |_| {
        let filter =
            TargetFilter { text: text.get(), kind: kind.get(), township: township.get(), status: status.get() };
        let by_initials = filter.by_initials().then(|| initials.get());
        let mut rows: Vec<Record<Target>> = st.data.with(|d| {
            d.targets
                .iter()
                .filter(|t| filter.matches(t.meta.id, &t.data, initial_of(&by_initials, t.meta.id)))
                .cloned()
                .collect()
        });
        register_order(&mut rows, &crate::platform::ZhCollator);
        rows
    });
    let total = Signal::derive(move || st.data.with(|d| d.targets.len()));
    let shown = Signal::derive(move || filtered.with(Vec::len));
    // A county may list tens of thousands of units: the screen draws one page.
    let page = RwSignal::new(0usize);
    let printing = RwSignal::new(false);
    Effect::watch(move || (text.get(), kind.get(), township.get(), status.get()), move |_, _, _| page.set(0), false);
    let pages = Signal::derive(move || pages_for(shown.get()));
    let rows = move || {
        let lang = st.lang.get();
        let names = st.data.with(township_options);
        let visible = filtered.with(|all| page_of(all, page.get(), printing.get()).to_vec());
        visible
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
                        async move |s, ctx| ops::delete_target(s, ctx, &del).await,
                        |_| (),
                    );
                });
                let town = t.data.township.and_then(|w| names.iter().find(|(id, _)| *id == w)).map(|(_, n)| n.clone());
                view! {
                    <tr class:merged=t.data.status == TargetStatus::Merged>
                        <td class:indent=t.data.township.is_some()>{t.data.name.clone()}</td>
                        <td>{t.data.kind.label().text(lang)}</td>
                        <td>{t.data.org_form.label().text(lang)}</td>
                        <td>{town.unwrap_or_default()}</td>
                        <td>{t.data.status.label().text(lang)}</td>
                        <RowActions name=t.data.name.clone() on_edit=on_edit on_delete=on_delete/>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <ListPage panel=panel form=|p, close| match p {
            Panel::New => view! { <TargetForm base=None on_close=close/> }.into_any(),
            Panel::Edit(t) => view! { <TargetForm base=Some(t) on_close=close/> }.into_any(),
            Panel::Bulk => view! { <BulkEntry on_close=close/> }.into_any(),
        }>
            <div class="toolbar">
                <h1>{tr(T::TargetsTitle)}</h1>
                <button type="button" class="no-print" data-testid="new-target" on:click=move |_| panel.set(Some(Panel::New))>{tr(T::NewTarget)}</button>
                <button type="button" class="secondary no-print" data-testid="bulk-targets" on:click=move |_| panel.set(Some(Panel::Bulk))>{tr(T::BulkTitle)}</button>
                <PrintButton printing=printing/>
            </div>
            <div class="filters no-print">
                <label class="field filter">
                    <span class="label">{tr(T::Search)}</span>
                    <input type="search" data-testid="filter-text" placeholder=tr(T::SearchPlaceholder) bind:value=text/>
                </label>
                <EnumFilter label=T::FieldKind options=&TargetKind::ALL value=kind field="kind"/>
                <RecordSelect label=T::FieldTownship options=townships value=township field="township" empty=T::All errors=None/>
                <EnumFilter label=T::FieldStatus options=&TargetStatus::ALL value=status field="status"/>
            </div>
            <ListCount shown=shown total=total/>
            <table class="list" data-testid="targets-table">
                <thead><tr>
                    <th>{tr(T::FieldName)}</th><th>{tr(T::FieldKind)}</th><th>{tr(T::FieldOrgForm)}</th>
                    <th>{tr(T::FieldTownship)}</th><th>{tr(T::FieldStatus)}</th><th class="no-print">{tr(T::Actions)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <Pager page=page pages=pages shown=shown/>
        </ListPage>
    }
}

#[component]
fn TargetForm(base: Option<Record<Target>>, on_close: Callback<()>) -> impl IntoView {
    let st = state();
    let title = if base.is_some() { T::EditTarget } else { T::NewTarget };
    let draft =
        base.as_ref().map(|b| b.data.clone()).unwrap_or_else(|| Target::new("", TargetKind::CountyGovDept, None));
    let name = RwSignal::new(draft.name.clone());
    let kind = RwSignal::new(draft.kind);
    let org_form = RwSignal::new(draft.org_form);
    let township = RwSignal::new(draft.township);
    let status = RwSignal::new(draft.status);
    let notes = RwSignal::new(draft.notes.clone());
    let errors = RwSignal::new(None);
    let townships = Signal::derive(move || st.data.with(township_options));
    // A new target of another kind gets that kind's usual organisation form.
    let is_new = base.is_none();
    Effect::watch(
        move || kind.get(),
        move |k, _, _| {
            if is_new {
                org_form.set(k.usual_org_form())
            }
        },
        false,
    );
    let meta = base.map(|b| b.meta);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let data = Target {
            name: name.get_untracked(),
            kind: kind.get_untracked(),
            org_form: org_form.get_untracked(),
            township: township.get_untracked(),
            status: status.get_untracked(),
            notes: notes.get_untracked(),
        };
        let meta = meta.clone();
        st.act(
            errors,
            async move |s, ctx| ops::save_target(s, ctx, meta.as_ref(), data).await,
            move |_| on_close.run(()),
        );
    };
    view! {
        <SidePanel title=title testid="target-form">
            <form on:submit=save>
                <Input label=T::FieldName value=name field="name" errors=errors autofocus=true/>
                <EnumSelect label=T::FieldKind options=&TargetKind::ALL value=kind field="kind"/>
                <EnumSelect label=T::FieldOrgForm options=&OrgForm::ALL value=org_form field="org_form"/>
                <Show when=move || kind.get().needs_township()>
                    <RecordSelect label=T::FieldTownship options=townships value=township field="township" empty=T::None errors=Some(errors)/>
                </Show>
                <EnumSelect label=T::FieldStatus options=&TargetStatus::ALL value=status field="status"/>
                <TextArea label=T::FieldNotes value=notes field="notes"/>
                <FormButtons errors=errors on_close=on_close/>
            </form>
        </SidePanel>
    }
}

#[component]
fn BulkEntry(on_close: Callback<()>) -> impl IntoView {
    let st = state();
    let text = RwSignal::new(String::new());
    let kind = RwSignal::new(TargetKind::Village);
    let org_form = RwSignal::new(TargetKind::Village.usual_org_form());
    let township = RwSignal::new(None::<Id>);
    let errors = RwSignal::new(None);
    let result = RwSignal::new(None::<(usize, Vec<String>)>);
    let townships = Signal::derive(move || st.data.with(township_options));
    Effect::watch(move || kind.get(), move |k, _, _| org_form.set(k.usual_org_form()), false);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        result.set(None);
        let names = parse_bulk_names(&text.get_untracked());
        if names.is_empty() {
            return errors.set(Some(OpError::Refused(T::BulkNothing)));
        }
        let (k, f, w) = (kind.get_untracked(), org_form.get_untracked(), township.get_untracked());
        st.act(
            errors,
            async move |s, ctx| ops::bulk_add_targets(s, ctx, &names, k, f, w).await,
            move |outcome| {
                result.set(Some((outcome.added.len(), outcome.skipped)));
                text.set(String::new());
            },
        );
    };
    let summary = move || {
        result.get().map(|(added, skipped)| {
            let done = fill(st.t(T::BulkDone), &[("added", &added), ("skipped", &skipped.len())]);
            let names = (!skipped.is_empty()).then(|| fill(st.t(T::BulkSkipped), &[("names", &skipped.join("、"))]));
            view! { <div class="bulk-result" data-testid="bulk-result"><p>{done}</p><p>{names}</p></div> }
        })
    };
    view! {
        <SidePanel title=T::BulkTitle testid="bulk-form">
            <p class="hint">{tr(T::BulkHint)}</p>
            <form on:submit=add>
                <TextArea label=T::FieldName value=text field="names" rows=12/>
                <EnumSelect label=T::FieldKind options=&TargetKind::ALL value=kind field="kind"/>
                <EnumSelect label=T::FieldOrgForm options=&OrgForm::ALL value=org_form field="org_form"/>
                <Show when=move || kind.get().needs_township()>
                    <RecordSelect label=T::FieldTownship options=townships value=township field="township" empty=T::None errors=Some(errors)/>
                </Show>
                <FormErrors errors=errors/>
                {summary}
                <div class="buttons">
                    <button type="submit" data-testid="bulk-add">{tr(T::BulkAdd)}</button>
                    <button type="button" class="secondary" on:click=move |_| on_close.run(())>{tr(T::Cancel)}</button>
                </div>
            </form>
        </SidePanel>
    }
}
