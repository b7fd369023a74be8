//! 巡察轮次: the rounds list, the round form, and one round's page with its groups
//! (and, for a 回头看, its checks).

use super::group::{GroupCard, GroupForm};
use crate::ui::layout::NotFoundPage;
use crate::ui::state::state;
use crate::ui::widgets::{
    confirm_delete, day_text, parse_day, term_options, tr, EnumFilter, EnumSelect, FormButtons, Input, ListCount,
    ListPage, PrintButton, RecordSelect, SidePanel, TextArea,
};
use leptos::prelude::*;
use xuncha_core::i18n::{Label, T};
use xuncha_core::id::Id;
use xuncha_core::ops::{self, OpError};
use xuncha_core::record::Record;
use xuncha_core::round::{Round, RoundFilter, RoundKind, RoundStatus};
use xuncha_core::route::Route;

fn dates(r: &Round) -> String {
    match (r.start, r.end) {
        (Some(s), Some(e)) => format!("{s} — {e}"),
        (Some(s), None) => format!("{s} —"),
        _ => String::new(),
    }
}

/// What the side panel holds.
#[derive(Clone, Debug, PartialEq)]
enum Panel {
    New,
    Edit(Record<Round>),
}

#[component]
pub fn RoundsPage() -> impl IntoView {
    let st = state();
    let panel = RwSignal::new(None::<Panel>);
    let term = RwSignal::new(None::<Id>);
    let kind = RwSignal::new(None::<RoundKind>);
    let status = RwSignal::new(None::<RoundStatus>);
    let terms = Signal::derive(move || st.data.with(term_options));
    let filtered = Memo::new(move |_| {
        let filter = RoundFilter { term: term.get(), kind: kind.get(), status: status.get() };
        let mut rows: Vec<Record<Round>> =
            st.data.with(|d| d.rounds.iter().filter(|r| filter.matches(&r.data)).cloned().collect());
        rows.sort_by_key(|r| std::cmp::Reverse((r.data.start, r.data.ordinal)));
        rows
    });
    let total = Signal::derive(move || st.data.with(|d| d.rounds.len()));
    let shown = Signal::derive(move || filtered.with(Vec::len));
    let rows = move || {
        let lang = st.lang.get();
        let d = st.data.get();
        filtered
            .get()
            .into_iter()
            .map(|r| {
                let id = r.meta.id;
                let groups = d.groups.iter().filter(|g| g.data.round == id).count();
                let targets = d.inspections.iter().filter(|i| i.data.round == id).count();
                let edit = r.clone();
                view! {
                    <tr>
                        <td><a href=Route::Round(id).hash() data-testid="round-link">{d.round_title(&r, lang)}</a></td>
                        <td>{r.data.kind.label().text(lang)}</td>
                        <td>{dates(&r.data)}</td>
                        <td>{r.data.status.label().text(lang)}</td>
                        <td class="num">{groups}</td>
                        <td class="num">{targets}</td>
                        <td class="actions no-print">
                            <button type="button" class="link" on:click=move |_| panel.set(Some(Panel::Edit(edit.clone())))>{tr(T::Edit)}</button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    let can_create = move || st.data.with(|d| !d.terms.is_empty());
    view! {
        <ListPage panel=panel form=|p, close| match p {
            Panel::New => view! { <RoundForm base=None on_close=close/> }.into_any(),
            Panel::Edit(r) => view! { <RoundForm base=Some(r) on_close=close/> }.into_any(),
        }>
            <div class="toolbar">
                <h1>{tr(T::RoundsTitle)}</h1>
                <button type="button" class="no-print" data-testid="new-round" disabled=move || !can_create() on:click=move |_| panel.set(Some(Panel::New))>{tr(T::NewRound)}</button>
                <PrintButton/>
            </div>
            <Show when=move || !can_create()><p class="hint">{tr(T::NeedTermFirst)}</p></Show>
            <div class="filters no-print">
                <RecordSelect label=T::FieldTerm options=terms value=term field="term" empty=T::All errors=None/>
                <EnumFilter label=T::FieldRoundKind options=&RoundKind::ALL value=kind field="kind"/>
                <EnumFilter label=T::FieldRoundStatus options=&RoundStatus::ALL value=status field="status"/>
            </div>
            <ListCount shown=shown total=total/>
            <table class="list" data-testid="rounds-table">
                <thead><tr>
                    <th>{tr(T::ColRound)}</th><th>{tr(T::FieldRoundKind)}</th><th>{tr(T::ColDates)}</th>
                    <th>{tr(T::FieldRoundStatus)}</th><th>{tr(T::ColGroups)}</th><th>{tr(T::ColTargets)}</th>
                    <th class="no-print">{tr(T::Actions)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </ListPage>
    }
}

#[component]
fn RoundForm(base: Option<Record<Round>>, on_close: Callback<()>) -> impl IntoView {
    let st = state();
    let title = if base.is_some() { T::EditRound } else { T::NewRound };
    let first_term = st.data.with_untracked(|d| term_options(d).first().map(|t| t.0));
    let term = RwSignal::new(base.as_ref().map(|b| b.data.term).or(first_term));
    let kind = RwSignal::new(base.as_ref().map(|b| b.data.kind).unwrap_or(RoundKind::Regular));
    let next = move |t: Option<Id>, k: RoundKind| {
        t.map(|t| st.data.with_untracked(|d| Round::next_ordinal(t, k, &d.rounds))).unwrap_or(1)
    };
    let ordinal = RwSignal::new(
        base.as_ref()
            .map(|b| b.data.ordinal)
            .unwrap_or_else(|| next(term.get_untracked(), RoundKind::Regular))
            .to_string(),
    );
    let topic = RwSignal::new(base.as_ref().map(|b| b.data.topic.clone()).unwrap_or_default());
    let start = RwSignal::new(day_text(base.as_ref().and_then(|b| b.data.start)));
    let end = RwSignal::new(day_text(base.as_ref().and_then(|b| b.data.end)));
    let status = RwSignal::new(base.as_ref().map(|b| b.data.status).unwrap_or_default());
    let notes = RwSignal::new(base.as_ref().map(|b| b.data.notes.clone()).unwrap_or_default());
    let errors = RwSignal::new(None);
    let terms = Signal::derive(move || st.data.with(term_options));
    // A new round in another term takes that term's next number; a round moved
    // between the county's and those fed back from above takes the next of its own.
    let was = base.as_ref().map(|b| (b.data.term, b.data.kind.is_county()));
    let base_ordinal = base.as_ref().map(|b| b.data.ordinal);
    Effect::watch(
        move || (term.get(), kind.get().is_county()),
        move |(t, county), _, _| {
            let number = match base_ordinal {
                Some(n) if was == t.map(|t| (t, *county)) => n,
                _ => next(*t, kind.get_untracked()),
            };
            ordinal.set(number.to_string());
        },
        false,
    );
    let meta = base.map(|b| b.meta);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut bad = Vec::new();
        let data = Round {
            term: term.get_untracked().unwrap_or(Id::nil()),
            ordinal: ordinal.get_untracked().trim().parse().unwrap_or(0),
            kind: kind.get_untracked(),
            topic: topic.get_untracked(),
            start: parse_day(&start.get_untracked(), "start", &mut bad),
            end: parse_day(&end.get_untracked(), "end", &mut bad),
            status: status.get_untracked(),
            notes: notes.get_untracked(),
        };
        if !bad.is_empty() {
            return errors.set(Some(OpError::Invalid(bad)));
        }
        let meta = meta.clone();
        st.act(
            errors,
            async move |s, ctx| ops::save_round(s, ctx, meta.as_ref(), data).await,
            move |_| on_close.run(()),
        );
    };
    view! {
        <SidePanel title=title testid="round-form">
            <form on:submit=save>
                <RecordSelect label=T::FieldTerm options=terms value=term field="term" empty=T::None errors=Some(errors)/>
                <Show when=move || kind.get().is_county()>
                    <Input label=T::FieldOrdinal value=ordinal field="ordinal" errors=errors kind="number"/>
                </Show>
                <EnumSelect label=T::FieldRoundKind options=&RoundKind::ALL value=kind field="kind"/>
                <Show when=move || kind.get().is_county() && (kind.get() == RoundKind::Special || !topic.get().is_empty())>
                    <Input label=T::FieldTopic value=topic field="topic" errors=errors hint=T::TopicHint/>
                </Show>
                <Show when=move || !kind.get().is_county()>
                    <Input label=T::FieldUpperBody value=topic field="topic" errors=errors hint=T::UpperBodyHint/>
                    <p class="hint">{tr(T::UpperRoundHint)}</p>
                </Show>
                <Input label=T::FieldStart value=start field="start" errors=errors kind="date"/>
                <Input label=T::FieldEnd value=end field="end" errors=errors kind="date"/>
                <EnumSelect label=T::FieldRoundStatus options=&RoundStatus::ALL value=status field="status"/>
                <TextArea label=T::FieldNotes value=notes field="notes"/>
                <FormButtons errors=errors on_close=on_close/>
            </form>
        </SidePanel>
    }
}

/// One round: its facts, its groups and the targets each group inspects.
#[component]
pub fn RoundPage(id: Id) -> impl IntoView {
    let st = state();
    let round = Memo::new(move |_| st.data.with(|d| d.round(id).cloned()));
    let editing = RwSignal::new(false);
    let adding_group = RwSignal::new(false);
    let page_errors = RwSignal::new(None);
    let close_edit = Callback::new(move |_: ()| editing.set(false));
    let close_group = Callback::new(move |_: ()| adding_group.set(false));
    // The cards are drawn again only when this round's groups change, so a form
    // open in one survives writes elsewhere (a name added to the pool).
    let round_groups = Memo::new(move |_| {
        let mut gs = st.data.with(|d| d.groups.iter().filter(|g| g.data.round == id).cloned().collect::<Vec<_>>());
        gs.sort_by_key(|g| g.meta.created_at);
        gs
    });
    let groups = move || round_groups.get().into_iter().map(|g| view! { <GroupCard group=g/> }).collect_view();
    let delete = move |_| {
        let Some(r) = round.get_untracked() else {
            return;
        };
        let title = st.data.with_untracked(|d| d.round_title(&r, st.lang.get_untracked()));
        if confirm_delete(st, &title) {
            st.act_saying(
                page_errors,
                T::Deleted,
                async move |s, ctx| ops::delete_round(s, ctx, &r).await,
                move |_| st.go(Route::Rounds),
            );
        }
    };
    move || match round.get() {
        None => view! { <NotFoundPage/> }.into_any(),
        Some(r) => {
            let lang = st.lang.get();
            let title_of = r.clone();
            let title = move || st.data.with(|d| d.round_title(&title_of, lang));
            let has_groups = move || round_groups.with(|g| !g.is_empty());
            let edit_base = r.clone();
            view! {
                <section class="round-page">
                    <div class="toolbar">
                        <h1 data-testid="round-title">{title}</h1>
                        <button type="button" class="secondary no-print" data-testid="edit-round" on:click=move |_| editing.set(true)>{tr(T::Edit)}</button>
                        <button type="button" class="secondary danger no-print" data-testid="delete-round" on:click=delete>{tr(T::Delete)}</button>
                        <PrintButton/>
                    </div>
                    <p class="facts">
                        {r.data.kind.label().text(lang)}" · "{dates(&r.data)}" · "{r.data.status.label().text(lang)}
                    </p>
                    {(!r.data.notes.is_empty()).then(|| view! { <p class="notes">{r.data.notes.clone()}</p> })}
                    {(!r.data.kind.is_county()).then(|| view! { <p class="hint" data-testid="upper-hint">{tr(T::UpperRoundHint)}</p> })}
                    <Show when=move || editing.get()>
                        <RoundForm base=Some(edit_base.clone()) on_close=close_edit/>
                    </Show>
                    <div class="toolbar">
                        <h2>{tr(T::GroupsTitle)}</h2>
                        <button type="button" class="no-print" data-testid="new-group" on:click=move |_| adding_group.set(true)>{tr(T::NewGroup)}</button>
                    </div>
                    <Show when=move || adding_group.get()>
                        <GroupForm round=id base=None on_close=close_group/>
                    </Show>
                    <Show when=move || !has_groups()>
                        <p class="empty">{tr(T::NoGroups)}</p>
                    </Show>
                    <div class="groups">{groups}</div>
                    {(r.data.kind == RoundKind::LookBack).then(|| view! { <super::lookback::LookBackChecks round=id/> })}
                </section>
            }
            .into_any()
        }
    }
}
