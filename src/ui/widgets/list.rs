//! The pieces of a list page: its count line, print button, row actions with
//! their confirmation, and the side panel that holds its form.

use super::tr;
use crate::ui::state::{state, AppState};
use leptos::prelude::*;
use xuncha_core::i18n::{fill, T};

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
pub fn PrintButton(
    /// Set while printing, for a paged list to draw every row on paper.
    #[prop(optional)]
    printing: Option<RwSignal<bool>>,
) -> impl IntoView {
    let print = move |_| {
        let Some(printing) = printing else {
            if let Some(w) = web_sys::window() {
                let _ = w.print();
            }
            return;
        };
        printing.set(true);
        // Let the page draw every row before the print dialog takes the thread.
        crate::platform::after(50, move || {
            if let Some(w) = web_sys::window() {
                let _ = w.print();
            }
            printing.set(false);
        });
    };
    view! { <button type="button" class="secondary no-print" data-testid="print" on:click=print>{tr(T::Print)}</button> }
}

/// The side panel that holds a list page's form.
#[component]
pub fn SidePanel(title: T, testid: &'static str, children: Children) -> impl IntoView {
    // The panel opens with the cursor in its first field, once its lists (which a
    // select may be redrawn for) have been drawn.
    let aside = NodeRef::<leptos::html::Aside>::new();
    Effect::new(move |_| {
        if let Some(aside) = aside.get() {
            crate::platform::after(0, move || crate::platform::focus_first_field(&aside));
        }
    });
    view! {
        <aside class="panel" data-testid=testid node_ref=aside>
            <h2>{tr(title)}</h2>
            {children()}
        </aside>
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

/// The shape of every register and ledger page: the list (toolbar, filters,
/// table) in `children`, and beside it the side panel while `panel` holds
/// something to show there, drawn by `form` with a callback that closes it.
/// Each page names what its panel can hold (a new record, one to edit, …).
#[component]
pub fn ListPage<P, F>(
    panel: RwSignal<Option<P>>,
    form: F,
    /// A class beside `with-panel` for the page's own styles.
    #[prop(optional)]
    class: &'static str,
    children: Children,
) -> impl IntoView
where
    P: Clone + Send + Sync + 'static,
    F: Fn(P, Callback<()>) -> AnyView + Send + Sync + 'static,
{
    let close = Callback::new(move |_: ()| panel.set(None));
    let class = if class.is_empty() { "with-panel".to_owned() } else { format!("with-panel {class}") };
    view! {
        <section class=class>
            <div class="list-area">{children()}</div>
            {move || panel.get().map(|p| form(p, close))}
        </section>
    }
}

/// Rows drawn per page of a long list: enough to work with, few enough to redraw at once.
pub const PAGE_ROWS: usize = 50;

/// The rows of page `page` (from 0), or every row while printing.
pub fn page_of<T>(rows: &[T], page: usize, printing: bool) -> &[T] {
    if printing {
        return rows;
    }
    let start = (page * PAGE_ROWS).min(rows.len());
    &rows[start..(start + PAGE_ROWS).min(rows.len())]
}

/// How many pages `n` rows fill (at least one).
pub fn pages_for(n: usize) -> usize {
    n.div_ceil(PAGE_ROWS).max(1)
}

/// "第 2 / 9 页 · 共 431 条" with previous and next.
#[component]
pub fn Pager(page: RwSignal<usize>, pages: Signal<usize>, shown: Signal<usize>) -> impl IntoView {
    let st = state();
    let at_first = move || page.get() == 0;
    let at_last = move || page.get() + 1 >= pages.get();
    view! {
        <div class="pager no-print" data-testid="pager">
            <button type="button" class="secondary" data-testid="page-prev" disabled=at_first on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>{tr(T::PagePrev)}</button>
            <span data-testid="page-info">
                {move || fill(st.t(T::PageInfo), &[("page", &(page.get() + 1)), ("pages", &pages.get()), ("n", &shown.get())])}
            </span>
            <button type="button" class="secondary" data-testid="page-next" disabled=at_last on:click=move |_| page.update(|p| *p += 1)>{tr(T::PageNext)}</button>
        </div>
    }
}

/// A list's rows drawn from its sheet's cells (the first `columns` of each), with
/// edit and delete at the end: the page, the print and the workbook say the same.
pub fn sheet_rows<R: Clone + Send + Sync + 'static>(
    cells: Vec<Vec<xuncha_core::ledger::Cell>>,
    records: Vec<R>,
    columns: usize,
    testid: &'static str,
    name: impl Fn(&R) -> String,
    edit: impl Fn(R) + Copy + Send + Sync + 'static,
    delete: impl Fn(R) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    cells
        .into_iter()
        .zip(records)
        .map(|(row, r)| {
            let (e, d) = (r.clone(), r.clone());
            let on_edit = Callback::new(move |_: ()| edit(e.clone()));
            let on_delete = Callback::new(move |_: ()| delete(d.clone()));
            let tds = row.iter().take(columns).map(|c| view! { <td>{c.text()}</td> }).collect_view();
            view! { <tr data-testid=testid>{tds}<RowActions name=name(&r) on_edit=on_edit on_delete=on_delete/></tr> }
        })
        .collect_view()
}
