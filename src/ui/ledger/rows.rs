//! One row of a ledger table: its cells as the core words them, and the actions
//! that open the side panel on its record or delete it.

use super::Panel;
use crate::store::IdbStore;
use crate::ui::state::AppState;
use crate::ui::widgets::{confirm_delete, tr};
use leptos::prelude::*;
use xuncha_core::date::Day;
use xuncha_core::documents::DocRef;
use xuncha_core::i18n::{Lang, T};
use xuncha_core::ledger::{Cell, Col, LedgerKind, Row};
use xuncha_core::ops::{self, Ctx, OpError};
use xuncha_core::route::Route;

/// One ledger row: its 序号, its cells (long texts clipped, whole on hover and in the
/// record), a red mark when overdue, and what can be done with it.
#[allow(clippy::too_many_arguments)]
pub fn table_row(
    st: AppState,
    kind: LedgerKind,
    row: &Row,
    seq: usize,
    cols: &[Col],
    lang: Lang,
    today: Day,
    panel: RwSignal<Option<Panel>>,
) -> AnyView {
    let overdue = row.is_overdue(today);
    let cells = cols
        .iter()
        .map(|col| {
            let cell = row.cell(*col, lang, today);
            match (col, &cell) {
                (Col::Overdue, Cell::Text(t)) if !t.is_empty() => {
                    view! { <td><span class="overdue-mark" data-testid="overdue-mark">{t.clone()}</span></td> }
                        .into_any()
                }
                (Col::Description | Col::Measures | Col::Summary | Col::Response | Col::Result, _) => {
                    let text = cell.text();
                    let title = text.clone();
                    view! { <td class="long"><div class="clip" title=title>{text}</div></td> }.into_any()
                }
                (_, Cell::Day(_)) => view! { <td class="day">{cell.text()}</td> }.into_any(),
                _ => view! { <td>{cell.text()}</td> }.into_any(),
            }
        })
        .collect_view();
    let actions = row_actions(st, kind, row, panel);
    view! {
        <tr class:overdue=overdue data-testid="ledger-row">
            <td class="seq">{seq}</td>{cells}<td class="actions no-print">{actions}</td>
        </tr>
    }
    .into_any()
}

fn row_actions(st: AppState, kind: LedgerKind, row: &Row, panel: RwSignal<Option<Panel>>) -> AnyView {
    let button = move |label: T, testid: &'static str, open: Panel| {
        view! { <button type="button" class="link" data-testid=testid on:click=move |_| panel.set(Some(open.clone()))>{tr(label)}</button> }
    };
    match (kind, row.problem(), row.rectification(), row.clue(), row.letter()) {
        (LedgerKind::Problems, Some(p), rect, _, _) => {
            let follow = match rect {
                Some(r) => {
                    button(T::HandleRectification, "row-rectification", Panel::Rectification(r.meta.id)).into_any()
                }
                None if p.data.rectified_on_spot.is_none() => {
                    button(T::FeedBack, "row-feed-back", Panel::FeedBack(p.clone())).into_any()
                }
                None => ().into_any(),
            };
            let del = p.clone();
            let delete = delete_button(st, short(&p.data.description), async move |s, ctx| {
                ops::delete_problem(s, ctx, &del).await
            });
            let draft = Route::Document(DocRef::Draft(p.meta.id)).hash();
            view! {
                {button(T::Edit, "row-edit", Panel::Problem(p.clone()))}
                {follow}
                <a class="link" data-testid="row-draft" href=draft>{tr(T::DocOpenDraft)}</a>
                {delete}
            }
            .into_any()
        }
        (LedgerKind::Rectifications, _, Some(r), _, _) => {
            button(T::HandleRectification, "row-rectification", Panel::Rectification(r.meta.id)).into_any()
        }
        (LedgerKind::Clues, _, _, Some(c), _) => {
            let del = c.clone();
            let delete =
                delete_button(st, short(&c.data.summary), async move |s, ctx| ops::delete_record(s, ctx, &del).await);
            // A 移交函 goes with a transfer: only a clue sent on a day has one.
            let letter = c.data.transferred_on.map(|_| {
                let href = Route::Document(DocRef::Transfer { clue: c.meta.id, names: false }).hash();
                view! { <a class="link" data-testid="row-transfer" href=href>{tr(T::DocOpenTransfer)}</a> }
            });
            view! {
                {button(T::Edit, "row-edit", Panel::Clue(c.clone()))}
                {letter}
                {delete}
            }
            .into_any()
        }
        (LedgerKind::Letters, _, _, _, Some(l)) => {
            let del = l.clone();
            let delete =
                delete_button(st, l.data.addressee.clone(), async move |s, ctx| ops::delete_record(s, ctx, &del).await);
            let letter = Route::Document(DocRef::Letter(l.meta.id)).hash();
            view! {
                {button(T::Edit, "row-edit", Panel::Letter(l.clone()))}
                <a class="link" data-testid="row-letter" href=letter>{tr(T::DocOpenLetter)}</a>
                {delete}
            }
            .into_any()
        }
        _ => ().into_any(),
    }
}

/// The start of a long text, to name a row in a question.
fn short(text: &str) -> String {
    text.chars().take(20).collect()
}

/// 删除, after the user confirms; a refusal (still in use) shows as a message.
fn delete_button(
    st: AppState,
    name: String,
    op: impl AsyncFnOnce(&IdbStore, &Ctx<'static>) -> Result<(), OpError> + Clone + 'static,
) -> impl IntoView {
    let errors = RwSignal::new(None);
    let on_delete = move |_| {
        if confirm_delete(st, &name) {
            st.act_saying(errors, T::Deleted, op.clone(), |_| ());
        }
    };
    view! { <button type="button" class="link danger" data-testid="row-delete" on:click=on_delete>{tr(T::Delete)}</button> }
}
