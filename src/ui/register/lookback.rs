//! 回头看 on a look-back round's page: the earlier rounds' rectifications of the units
//! it visits, each with this round's finding, and the form that records one.

use crate::ui::state::state;
use crate::ui::widgets::{day_text, parse_day, today, tr, FormButtons, Input, OptionalEnumSelect, SidePanel, TextArea};
use leptos::prelude::*;
use xuncha_core::i18n::{Label, T};
use xuncha_core::id::Id;
use xuncha_core::ledger::lookback::{check_of, items, Check, LookBackFigures, Verdict};
use xuncha_core::ops::{self, OpError};
use xuncha_core::record::{Kind, Record};
use xuncha_core::rectification::Rectification;
use xuncha_core::validation::Invalid;

/// One line of the list: the rectification and what the table shows of it.
#[derive(Clone, Debug, PartialEq)]
struct Item {
    rect: Record<Rectification>,
    unit: String,
    from: String,
    problem: String,
    finding: Option<Check>,
}

#[component]
pub fn LookBackChecks(round: Id) -> impl IntoView {
    let st = state();
    let list = Memo::new(move |_| {
        let lang = st.lang.get();
        st.data.with(|d| {
            items(d, round)
                .into_iter()
                .map(|(p, r)| Item {
                    rect: r.clone(),
                    unit: d.name_of(Kind::Target, p.data.target, lang).unwrap_or_default(),
                    from: d.name_of(Kind::Round, p.data.round, lang).unwrap_or_default(),
                    problem: p.data.description.clone(),
                    finding: check_of(&r.data, round).cloned(),
                })
                .collect::<Vec<_>>()
        })
    });
    // The sentence counts the findings the list already holds, rather than reading the lists again.
    let sentence = move || {
        let figures = list
            .with(|items| LookBackFigures::count(items.iter().filter_map(|i| i.finding.as_ref().map(|c| c.verdict))));
        figures.sentence(st.lang.get())
    };
    let open = RwSignal::new(None::<Item>);
    let rows = move || {
        let lang = st.lang.get();
        list.get()
            .into_iter()
            .map(|item| {
                let finding = item.finding.as_ref().map_or(T::LookBackUnchecked.text(lang).to_owned(), |c| {
                    format!("{}（{}）", c.verdict.label().text(lang), c.on)
                });
                let flagged = item.finding.as_ref().is_some_and(|c| c.verdict.is_finding());
                let note = item.finding.as_ref().map(|c| c.note.clone()).unwrap_or_default();
                let status = item.rect.data.status.label().text(lang);
                let chosen = item.clone();
                view! {
                    <tr data-testid="lookback-row">
                        <td>{item.unit.clone()}</td>
                        <td>{item.from.clone()}</td>
                        <td>{item.problem.clone()}</td>
                        <td>{status}</td>
                        <td>{item.rect.data.deadline.to_string()}</td>
                        <td class:overdue=flagged data-testid="lookback-finding">{finding}</td>
                        <td>{note}</td>
                        <td class="no-print">
                            <button type="button" class="link" data-testid="lookback-check"
                                on:click=move |_| open.set(Some(chosen.clone()))>{tr(T::LookBackVerdict)}</button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <h2 data-testid="lookback-title">{tr(T::LookBackTitle)}</h2>
        <p class="hint no-print">{tr(T::LookBackHint)}</p>
        {move || sentence().map(|s| view! { <p data-testid="lookback-sentence">{s}</p> })}
        <Show when=move || !st.lists_ready.get()>
            <p class="hint">{tr(T::Loading)}</p>
        </Show>
        <Show when=move || st.lists_ready.get() && list.with(Vec::is_empty)>
            <p class="empty">{tr(T::LookBackNone)}</p>
        </Show>
        <Show when=move || !list.with(Vec::is_empty)>
            <table class="list" data-testid="lookback-table">
                <thead><tr>
                    <th>{tr(T::KindTarget)}</th>
                    <th>{tr(T::LookBackFrom)}</th>
                    <th>{tr(T::ColDescription)}</th>
                    <th>{tr(T::ColStatus)}</th>
                    <th>{tr(T::ColDeadline)}</th>
                    <th>{tr(T::LookBackVerdict)}</th>
                    <th>{tr(T::LookBackNote)}</th>
                    <th class="no-print">{tr(T::Actions)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </Show>
        {move || open.get().map(|item| view! { <CheckForm round=round item=item on_close=Callback::new(move |_: ()| open.set(None))/> })}
    }
}

/// This round's finding on one rectification: a verdict, the day, and what was seen.
#[component]
fn CheckForm(round: Id, item: Item, on_close: Callback<()>) -> impl IntoView {
    let st = state();
    let kept = item.finding.clone();
    // No finding is chosen for a person: a hasty save asks for one.
    let verdict = RwSignal::new(kept.as_ref().map(|c| c.verdict));
    let on = RwSignal::new(day_text(Some(kept.as_ref().map_or_else(today, |c| c.on))));
    let note = RwSignal::new(kept.map(|c| c.note).unwrap_or_default());
    let errors = RwSignal::new(None::<OpError>);
    let rect = item.rect.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut bad = Vec::new();
        let day = parse_day(&on.get_untracked(), "on", &mut bad);
        if day.is_none() && bad.is_empty() {
            bad.push(Invalid { field: "on", msg: T::ErrLookBackOnRequired, missing: true });
        }
        let chosen = verdict.get_untracked();
        if chosen.is_none() {
            bad.push(Invalid { field: "verdict", msg: T::ErrLookBackVerdict, missing: true });
        }
        let (Some(day), Some(chosen)) = (day, chosen) else {
            errors.set(Some(OpError::Invalid(bad)));
            return;
        };
        let check = Check { round, verdict: chosen, on: day, note: note.get_untracked() };
        let rect = rect.clone();
        st.act(
            errors,
            async move |s, ctx| ops::check_rectification(s, ctx, &rect, check).await,
            move |_| {
                on_close.try_run(());
            },
        );
    };
    view! {
        <SidePanel title=T::LookBackTitle testid="lookback-form">
            <p class="facts">{item.unit.clone()}" · "{item.problem.clone()}</p>
            <form on:submit=save>
                <OptionalEnumSelect label=T::LookBackVerdict options=&Verdict::ALL value=verdict field="verdict" empty=T::LookBackChoose/>
                <Input label=T::LookBackOn value=on field="on" errors=errors kind="date"/>
                <TextArea label=T::LookBackNote value=note field="note" max=4000 errors=errors/>
                <FormButtons errors=errors on_close=on_close testid="save-lookback"/>
            </form>
        </SidePanel>
    }
}
