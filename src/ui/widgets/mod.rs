//! Small pieces shared by the pages: form fields, pickers, list parts, parsing of
//! typed text, and the option lists the pickers show. Pages import them from here.

mod fields;
mod list;
mod options;
mod parse;
mod select;

pub use fields::{Check, FormButtons, FormErrors, Input, TextArea};
pub use list::{
    confirm, confirm_delete, page_of, pages_for, sheet_rows, ListCount, ListPage, Pager, PrintButton, RowActions,
    SidePanel, PAGE_ROWS,
};
pub use options::{
    initial_of, inspected_targets, round_options, section_heading, sections_of, target_initials, target_sections,
    term_options, township_options,
};
pub use parse::{day_text, parse_count, parse_day, parse_year};
pub use select::{EnumFilter, EnumSelect, OptionalEnumSelect, RecordSelect, SectionSelect};

use crate::platform;
use crate::ui::state::state;
use xuncha_core::date::Day;
use xuncha_core::i18n::T;

/// A catalogue text that follows the language switch.
pub fn tr(key: T) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let st = state();
    move || st.t(key)
}

/// Today on this PC's calendar: the default day of new entries and what overdue is measured against.
pub fn today() -> Day {
    platform::now().local_date_day()
}

/// Saves `sheets` as one workbook named `name` and says so on the page; any
/// failure is one sentence in the user's language, never the library's words.
pub fn download_workbook(st: crate::ui::state::AppState, sheets: &[xuncha_core::sheet::Sheet], name: &str) {
    use leptos::prelude::GetUntracked;
    const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    let lang = st.lang.get_untracked();
    let failed = || T::ErrExportWrite.text(lang).to_owned();
    let result = xuncha_core::sheet::Sheet::workbook(sheets, platform::now())
        .map_err(|_| failed())
        .and_then(|bytes| platform::download_bytes(name, &bytes, XLSX_MIME).map_err(|_| failed()));
    match result {
        Ok(()) => st.notify(xuncha_core::i18n::fill(T::ExportedFile.text(lang), &[("file", &name)]), false),
        Err(msg) => st.notify(msg, true),
    }
}

/// A list's filter in words for its workbook and print: the chosen `parts`, then
/// the search text quoted, or 全部 when nothing narrows the list.
pub fn filter_words(mut parts: Vec<String>, text: &str, lang: xuncha_core::i18n::Lang) -> String {
    if !text.trim().is_empty() {
        parts.push(format!("“{}”", text.trim()));
    }
    if parts.is_empty() {
        T::All.text(lang).to_owned()
    } else {
        parts.join("；")
    }
}
