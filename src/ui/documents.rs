//! A document written from the ledgers (问题底稿, 巡察反馈意见): its paragraphs as the
//! core words them, editable in place, then saved as a Word file, printed on A4 or
//! copied as text. Edits stay with this document; the ledgers are not changed.

use crate::platform;
use crate::ui::state::state;
use crate::ui::widgets::{confirm, today, tr};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use xuncha_core::documents::{docx, DocRef, Document, Para, Style};
use xuncha_core::i18n::{fill, T};
use xuncha_core::route::Route;

const DOCX_MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// The class a paragraph is drawn with, on screen and on paper.
fn style_class(style: Style) -> &'static str {
    match style {
        Style::Title => "doc-title",
        Style::Addressee => "doc-addressee",
        Style::Heading1 => "doc-heading1",
        Style::Heading2 => "doc-heading2",
        Style::Body => "doc-body",
        Style::Field => "doc-field",
        Style::Signature => "doc-signature",
        Style::Closing => "doc-closing",
    }
}

/// Printing on A4 portrait with the official margins for browsers without named
/// pages (Chromium before 85): while a document is shown, its page is the page.
const PORTRAIT: &str = "@media print { @page { size: A4 portrait; margin: 37mm 26mm 35mm 28mm; } }";

/// One paragraph on the page: its style and page break, and its text as edited.
/// The text is reference-counted, not owned by the view or the handler that made
/// it: writing the document again from a button or an effect drops the old lines
/// with the old view, never the new ones.
#[derive(Clone)]
struct Line {
    style: Style,
    page_break: bool,
    text: ArcRwSignal<String>,
}

/// Enough rows to show a paragraph whole in the editor, about 40 characters a row.
fn rows_for(text: &str) -> u32 {
    let lines: usize = text.split('\n').map(|l| l.chars().count().div_ceil(40).max(1)).sum();
    lines.clamp(1, 30) as u32
}

#[component]
pub fn DocumentPage(doc: DocRef) -> impl IntoView {
    let st = state();
    let name = StoredValue::new(String::new());
    // Drawn anew only when the document is written again (first, 恢复原文, another
    // language); typing changes one line's text, and only what shows it follows.
    let lines = RwSignal::new(None::<Vec<Line>>);
    let edited = RwSignal::new(false);
    let load = move || {
        let lang = st.lang.get_untracked();
        let built = st.with_ledger_untracked(|l| st.data.with_untracked(|d| doc.build(d, l, today(), lang)));
        lines.set(built.map(|d| {
            name.set_value(d.name);
            let to_line = |p: Para| Line { style: p.style, page_break: p.page_break, text: ArcRwSignal::new(p.text) };
            d.paras.into_iter().map(to_line).collect()
        }));
        edited.set(false);
    };
    load();
    // Edits are asked about before the document is written again over them.
    let may_discard = move || !edited.get_untracked() || confirm(st.t(T::DocDiscardEdits));
    Effect::watch(
        move || st.lang.get(),
        move |_, _, _| {
            if may_discard() {
                load();
            }
        },
        false,
    );
    let current = move || {
        lines.with_untracked(|l| {
            l.as_ref().map(|l| Document {
                name: name.get_value(),
                paras: l
                    .iter()
                    .map(|x| Para { style: x.style, text: x.text.get_untracked(), page_break: x.page_break })
                    .collect(),
            })
        })
    };
    let reset = move |_| {
        if may_discard() {
            load();
        }
    };
    let download = move |_| {
        let Some(d) = current() else { return };
        let lang = st.lang.get_untracked();
        let name = d.file_name();
        let written = docx::to_docx(&d).ok().and_then(|bytes| platform::download_bytes(&name, &bytes, DOCX_MIME).ok());
        match written {
            Some(()) => st.notify(fill(T::DocSaved.text(lang), &[("file", &name)]), false),
            None => st.notify(T::ErrExportWrite.text(lang), true),
        }
    };
    let copy = move |_| {
        let text = current().map(|d| d.text()).unwrap_or_default();
        let area = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("[data-testid=\"doc-text-copy\"]").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
        if let Some(area) = area {
            area.set_value(&text);
        }
        let ok = platform::copy_from_testid("doc-text-copy");
        st.notify(st.t(if ok { T::StatsCopied } else { T::StatsCopyFailed }), !ok);
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    move || {
        match lines.get() {
        None => view! { <p class="hint" data-testid="doc-gone">{tr(T::DocGone)}</p> }.into_any(),
        Some(all) => view! {
            <section class="document-page">
                <style>{PORTRAIT}</style>
                <div class="toolbar no-print">
                    <h1 data-testid="doc-heading">{tr(doc.label())}</h1>
                    <button type="button" data-testid="doc-download" on:click=download>{tr(T::DocDownload)}</button>
                    <button type="button" class="secondary" data-testid="doc-print" on:click=print>{tr(T::DocPrint)}</button>
                    <button type="button" class="secondary" data-testid="doc-copy" on:click=copy>{tr(T::DocCopy)}</button>
                    <button type="button" class="secondary" data-testid="doc-reset" on:click=reset>{tr(T::DocReset)}</button>
                </div>
                <p class="hint no-print">{tr(T::DocEditHint)}</p>
                {names_choice(doc, may_discard)}
                <Editor lines=all.clone() edited=edited/>
                <Paper lines=all/>
                <textarea class="copy-source no-print" readonly tabindex="-1" aria-hidden="true" data-testid="doc-text-copy"></textarea>
            </section>
        }
        .into_any(),
    }
    }
}

/// The paragraphs as text boxes, each styled as it will print.
#[component]
fn Editor(lines: Vec<Line>, edited: RwSignal<bool>) -> impl IntoView {
    let boxes = lines
        .into_iter()
        .map(|line| {
            let class = format!("doc-para {}", style_class(line.style));
            let first = line.text.get_untracked();
            let rows = rows_for(&first);
            let text = line.text.clone();
            let edit = move |ev: leptos::ev::Event| {
                text.set(event_target_value(&ev));
                edited.set(true);
            };
            view! {
                <textarea class=class class:page-break=line.page_break rows=rows data-testid="doc-para" prop:value=first on:input=edit></textarea>
            }
        })
        .collect_view();
    view! { <div class="doc-sheet no-print" data-testid="doc-editor">{boxes}</div> }
}

/// The document as it prints on A4, each paragraph following its text box.
#[component]
fn Paper(lines: Vec<Line>) -> impl IntoView {
    let paras = lines
        .into_iter()
        .map(|line| {
            let class = style_class(line.style);
            let text = line.text.clone();
            view! { <p class=class class:page-break=line.page_break>{move || text.get()}</p> }
        })
        .collect_view();
    view! { <div class="doc-paper print-only" data-testid="doc-paper">{paras}</div> }
}

/// For a transfer letter: whether the persons' names go in (they are sensitive, so
/// the letter starts without them). Ticking writes the letter again with them.
fn names_choice(doc: DocRef, may_discard: impl Fn() -> bool + Copy + 'static) -> Option<impl IntoView> {
    let st = state();
    let DocRef::Transfer { clue, names } = doc else { return None };
    let flip = move |ev: leptos::ev::Event| {
        if may_discard() {
            st.go(Route::Document(DocRef::Transfer { clue, names: !names }));
        } else {
            event_target::<web_sys::HtmlInputElement>(&ev).set_checked(names);
        }
    };
    Some(view! {
        <label class="check no-print">
            <input type="checkbox" data-testid="doc-names" prop:checked=names on:change=flip/>
            <span>{tr(T::DocShowNames)}</span>
        </label>
    })
}
