//! The columns of a sheet being brought in: each heading, what its first data row
//! holds, and the field it is read as, which the person may change.

use crate::ui::state::state;
use crate::ui::widgets::tr;
use leptos::prelude::*;
use std::sync::Arc;
use xuncha_core::i18n::T;
use xuncha_core::intake::header::READABLE;
use xuncha_core::intake::{Grid, Header, Mapping};

/// A row of data, not a section heading merged across the table.
fn is_data(grid: &Grid, row: usize) -> bool {
    let texts: Vec<String> = (0..grid.width()).map(|c| grid.cell(row, c).text()).filter(|t| !t.is_empty()).collect();
    texts.iter().any(|t| *t != texts[0])
}

/// The first filled cell of column `c` in a data row below the header, as a hint of what it holds.
fn sample(grid: &Grid, header: &Header, c: usize) -> String {
    let text = (header.data_start()..grid.rows.len().min(header.data_start() + 20))
        .filter(|r| is_data(grid, *r))
        .map(|r| grid.cell(r, c).text())
        .find(|t| !t.is_empty())
        .unwrap_or_default();
    let short: String = text.chars().take(40).collect();
    if short.chars().count() < text.chars().count() {
        format!("{short}…")
    } else {
        short
    }
}

#[component]
pub fn ColumnTable(grid: Arc<Grid>, header: Header, mapping: RwSignal<Mapping>) -> impl IntoView {
    let st = state();
    let rows = header
        .names
        .iter()
        .enumerate()
        .map(|(c, heading)| {
            let example = sample(&grid, &header, c);
            let letters = xuncha_core::intake::grid::column_letters(c);
            let current = move || {
                mapping
                    .with(|m| m.columns.get(c).copied().flatten())
                    .and_then(|col| READABLE.iter().position(|x| *x == col))
                    .map(|i| i.to_string())
                    .unwrap_or_default()
            };
            let change = move |ev: leptos::ev::Event| {
                let picked = event_target_value(&ev).parse::<usize>().ok().and_then(|i| READABLE.get(i)).copied();
                mapping.update(|m| {
                    if m.columns.len() <= c {
                        m.columns.resize(c + 1, None);
                    }
                    // A field read from two columns would be ambiguous: the other column lets go.
                    if let Some(col) = picked {
                        m.columns.iter_mut().filter(|x| **x == Some(col)).for_each(|x| *x = None);
                    }
                    m.columns[c] = picked;
                });
            };
            let options = READABLE
                .iter()
                .enumerate()
                .map(|(i, col)| {
                    let col = *col;
                    let selected = mapping.with_untracked(|m| m.columns.get(c).copied().flatten()) == Some(col);
                    view! { <option value=i.to_string() selected=selected>{move || st.t(col.label())}</option> }
                })
                .collect_view();
            view! {
                <tr data-testid="sheet-column">
                    <td>{letters}</td>
                    <td>{heading.clone()}</td>
                    <td class="hint">{example}</td>
                    <td>
                        <select data-testid=format!("sheet-col-{c}") prop:value=current on:change=change>
                            <option value="">{tr(T::SheetLeftOut)}</option>
                            {options}
                        </select>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h3>{tr(T::SheetColumnsTitle)}</h3>
        <table class="list compact sheet-columns" data-testid="sheet-columns">
            <thead>
                <tr>
                    <th></th>
                    <th>{tr(T::SheetColHeading)}</th>
                    <th>{tr(T::SheetColSample)}</th>
                    <th>{tr(T::SheetColField)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
