//! A document written from the ledgers (问题底稿, 巡察反馈意见): its paragraphs as the
//! core words them, editable in place, then saved as a Word file, printed on A4 or
//! copied as text. Edits stay with this document; the ledgers are not changed.

use crate::platform;
use crate::ui::state::state;
use crate::ui::widgets::{today, tr};
use leptos::prelude::*;
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

/// Enough rows to show a paragraph whole in the editor, about 40 characters a row.
fn rows_for(text: &str) -> u32 {
    let lines: usize = text.split('\n').map(|l| l.chars().count().div_ceil(40).max(1)).sum();
    lines.clamp(1, 30) as u32
}

#[component]
pub fn DocumentPage(doc: DocRef) -> impl IntoView {
    let st = state();
    let build = move || {
        let lang = st.lang.get_untracked();
        st.ledger.with_untracked(|l| st.data.with_untracked(|d| doc.build(d, l, today(), lang)))
    };
    let document = RwSignal::new(build());
    // The editor's boxes are drawn once per generation, so typing never redraws them;
    // a new generation (start again, another language) draws them from the new text.
    let generation = RwSignal::new(0u32);
    let rebuild = move || {
        document.set(build());
        generation.update(|g| *g += 1);
    };
    Effect::watch(move || st.lang.get(), move |_, _, _| rebuild(), false);
    let reset = move |_| rebuild();
    let download = move |_| {
        let Some(d) = document.get_untracked() else { return };
        let lang = st.lang.get_untracked();
        let name = d.file_name();
        let written = docx::to_docx(&d).ok().and_then(|bytes| platform::download_bytes(&name, &bytes, DOCX_MIME).ok());
        match written {
            Some(()) => st.notify(fill(T::DocSaved.text(lang), &[("file", &name)]), false),
            None => st.notify(T::ErrExportWrite.text(lang), true),
        }
    };
    let copy = move |_| {
        let ok = platform::copy_from_testid("doc-text-copy");
        st.notify(st.t(if ok { T::StatsCopied } else { T::StatsCopyFailed }), !ok);
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let text = move || document.with(|d| d.as_ref().map(Document::text).unwrap_or_default());
    move || {
        match (generation.get(), document.get_untracked()) {
        (_, None) => view! { <p class="hint" data-testid="doc-gone">{tr(T::DocGone)}</p> }.into_any(),
        (_, Some(d)) => {
            view! {
                <section class="document-page">
                    <div class="toolbar no-print">
                        <h1 data-testid="doc-heading">{tr(doc.label())}</h1>
                        <button type="button" data-testid="doc-download" on:click=download>{tr(T::DocDownload)}</button>
                        <button type="button" class="secondary" data-testid="doc-print" on:click=print>{tr(T::DocPrint)}</button>
                        <button type="button" class="secondary" data-testid="doc-copy" on:click=copy>{tr(T::DocCopy)}</button>
                        <button type="button" class="secondary" data-testid="doc-reset" on:click=reset>{tr(T::DocReset)}</button>
                    </div>
                    <p class="hint no-print">{tr(T::DocEditHint)}</p>
                    {names_choice(doc)}
                    <Editor document=document paras=d.paras.clone()/>
                    <Paper document=document/>
                    <textarea class="copy-source no-print" readonly tabindex="-1" aria-hidden="true" data-testid="doc-text-copy" prop:value=text></textarea>
                </section>
            }
            .into_any()
        }
    }
    }
}

/// The paragraphs as text boxes, each styled as it will print; a change goes back
/// into the document without redrawing the boxes.
#[component]
fn Editor(document: RwSignal<Option<Document>>, paras: Vec<Para>) -> impl IntoView {
    let boxes = paras
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            let class = format!("doc-para {}", style_class(p.style));
            let rows = rows_for(&p.text);
            let edit = move |ev: leptos::ev::Event| {
                let value = event_target_value(&ev);
                document.update(|d| {
                    if let Some(para) = d.as_mut().and_then(|d| d.paras.get_mut(i)) {
                        para.text = value;
                    }
                });
            };
            view! {
                <textarea class=class class:page-break=p.page_break rows=rows data-testid="doc-para" prop:value=p.text on:input=edit></textarea>
            }
        })
        .collect_view();
    view! { <div class="doc-sheet no-print" data-testid="doc-editor">{boxes}</div> }
}

/// The document as it prints on A4, kept up to date with the edits.
#[component]
fn Paper(document: RwSignal<Option<Document>>) -> impl IntoView {
    let lines = move || {
        document.with(|d| {
            let paras = d.as_ref().map(|d| d.paras.clone()).unwrap_or_default();
            paras
                .into_iter()
                .map(|p| {
                    let class = style_class(p.style);
                    view! { <p class=class class:page-break=p.page_break>{p.text}</p> }
                })
                .collect_view()
        })
    };
    view! { <div class="doc-paper print-only" data-testid="doc-paper">{lines}</div> }
}

/// For a transfer letter: whether the persons' names go in (they are sensitive, so
/// the letter starts without them). Ticking opens the letter with them.
fn names_choice(doc: DocRef) -> Option<impl IntoView> {
    let st = state();
    let DocRef::Transfer { clue, names } = doc else { return None };
    let flip = move |_| st.go(Route::Document(DocRef::Transfer { clue, names: !names }));
    Some(view! {
        <label class="check no-print">
            <input type="checkbox" data-testid="doc-names" prop:checked=names on:change=flip/>
            <span>{tr(T::DocShowNames)}</span>
        </label>
    })
}
