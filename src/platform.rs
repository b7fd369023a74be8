//! The few things the core cannot do itself: read the clock, draw random ids,
//! remember the language, ask for persistent storage, and report a panic.

use gloo_events::EventListener;
use gloo_file::futures::read_as_bytes;
use gloo_file::{Blob, FileReadError, ObjectUrl};
use gloo_timers::future::TimeoutFuture;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use xuncha_core::i18n::{Lang, T};
use xuncha_core::id::{Id, IdSource};
use xuncha_core::meta::Timestamp;

pub fn now() -> Timestamp {
    Timestamp::from_unix_millis(js_sys::Date::now())
}

/// Ids from the browser's cryptographic random source.
#[derive(Debug, Clone, Copy, Default)]
pub struct WebIds;

impl IdSource for WebIds {
    fn next_id(&self) -> Id {
        let mut bytes = [0u8; 16];
        let filled = web_sys::window()
            .and_then(|w| w.crypto().ok())
            .map(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok())
            .unwrap_or(false);
        if !filled {
            // Every supported browser has WebCrypto; this keeps ids unique even without it.
            for b in bytes.iter_mut() {
                *b = (js_sys::Math::random() * 256.0) as u8;
            }
        }
        Id::from_random_bytes(bytes)
    }
}

const LANG_KEY: &str = "xuncha.lang";
const COLUMNS_KEY: &str = "xuncha.ledgerColumns";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The language chosen on this PC; read synchronously so the first paint is right.
pub fn saved_lang() -> Lang {
    local_storage().and_then(|s| s.get_item(LANG_KEY).ok().flatten()).map(|c| Lang::from_code(&c)).unwrap_or_default()
}

/// The ledger columns hidden on this PC.
pub fn saved_columns() -> xuncha_core::ledger::columns::ColumnChoice {
    let text = local_storage().and_then(|s| s.get_item(COLUMNS_KEY).ok().flatten()).unwrap_or_default();
    xuncha_core::ledger::columns::ColumnChoice::from_text(&text)
}

pub fn save_columns(choice: &xuncha_core::ledger::columns::ColumnChoice) {
    if let Some(s) = local_storage() {
        // Losing the choice is harmless: the ledger shows every column again.
        let _ = s.set_item(COLUMNS_KEY, &choice.to_text());
    }
}

const SHEET_MAPPINGS_KEY: &str = "xuncha.sheetMappings";
/// How many sheet shapes are remembered; the oldest goes first.
const SHEET_MAPPINGS_KEPT: usize = 30;

fn sheet_mappings() -> Vec<(String, xuncha_core::intake::Mapping)> {
    let text = local_storage().and_then(|s| s.get_item(SHEET_MAPPINGS_KEY).ok().flatten()).unwrap_or_default();
    // Unreadable (or older) saved text only means the columns are guessed again.
    serde_json::from_str(&text).unwrap_or_default()
}

/// The columns last chosen for a sheet whose headings read `shape`.
pub fn saved_sheet_mapping(shape: &str) -> Option<xuncha_core::intake::Mapping> {
    sheet_mappings().into_iter().find(|(s, _)| s == shape).map(|(_, m)| m)
}

pub fn save_sheet_mapping(shape: &str, mapping: &xuncha_core::intake::Mapping) {
    let mut all = sheet_mappings();
    all.retain(|(s, _)| s != shape);
    all.insert(0, (shape.to_owned(), mapping.clone()));
    all.truncate(SHEET_MAPPINGS_KEPT);
    if let (Some(s), Ok(text)) = (local_storage(), serde_json::to_string(&all)) {
        // Losing it is harmless: the next sheet of this shape is guessed again.
        let _ = s.set_item(SHEET_MAPPINGS_KEY, &text);
    }
}

pub fn save_lang(lang: Lang) {
    if let Some(s) = local_storage() {
        // Losing the language choice is harmless; the next start is simply Chinese.
        let _ = s.set_item(LANG_KEY, lang.code());
    }
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang.html_lang());
    }
}

/// What the browser said about persistent storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Persistence {
    Pending,
    Granted,
    Denied,
    Unsupported,
    /// Asked, and no answer came (Firefox may never answer a page from file://).
    NoAnswer,
}

impl Persistence {
    pub fn message(self) -> T {
        match self {
            Persistence::Pending => T::StoragePersistPending,
            Persistence::Granted => T::StoragePersisted,
            Persistence::Denied => T::StorageNotPersisted,
            Persistence::Unsupported => T::StoragePersistUnsupported,
            Persistence::NoAnswer => T::StoragePersistNoAnswer,
        }
    }
}

/// Asks for persistent storage. Some browsers never answer, so callers must not
/// wait on this before showing the app.
pub async fn request_persistence() -> Persistence {
    let Some(window) = web_sys::window() else {
        return Persistence::Unsupported;
    };
    let navigator = window.navigator();
    let has_storage = js_sys::Reflect::has(&navigator, &JsValue::from_str("storage")).unwrap_or(false);
    if !has_storage {
        return Persistence::Unsupported;
    }
    let manager = navigator.storage();
    let ask = |p: Result<js_sys::Promise, JsValue>| async move {
        match p {
            Ok(p) => wasm_bindgen_futures::JsFuture::from(p).await.ok().and_then(|v| v.as_bool()),
            Err(_) => None,
        }
    };
    if ask(manager.persisted()).await == Some(true) {
        return Persistence::Granted;
    }
    let Ok(asked) = manager.persist() else {
        return Persistence::Unsupported;
    };
    // The timer settles the race with `undefined` when the browser keeps silent.
    let timeout = js_sys::Promise::new(&mut |resolve, _reject| {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10_000);
    });
    match ask(Ok(js_sys::Promise::race(&js_sys::Array::of2(&asked, &timeout)))).await {
        Some(true) => Persistence::Granted,
        Some(false) => Persistence::Denied,
        None => Persistence::NoAnswer,
    }
}

/// The browser's own figures for this page's storage, `(quota, usage)` in bytes;
/// `None` when it gives none within two seconds (some never answer).
pub async fn storage_estimate() -> Option<(u64, u64)> {
    let window = web_sys::window()?;
    let navigator = window.navigator();
    if !js_sys::Reflect::has(&navigator, &JsValue::from_str("storage")).unwrap_or(false) {
        return None;
    }
    let estimate = navigator.storage().estimate().ok()?;
    // The timer settles the race with `undefined`; no closure is made for it.
    let timeout = js_sys::Promise::new(&mut |resolve, _reject| {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 2000);
    });
    let first = js_sys::Promise::race(&js_sys::Array::of2(&estimate, &timeout));
    let value = wasm_bindgen_futures::JsFuture::from(first).await.ok()?;
    if !value.is_object() {
        return None;
    }
    // A dictionary, not a class: there is nothing to check it against but its shape.
    let figures: web_sys::StorageEstimate = value.unchecked_into();
    Some((figures.get_quota()? as u64, figures.get_usage()? as u64))
}

/// Saves `text` as a download named `name` (the browser asks where, or uses its folder).
pub fn download(name: &str, text: &str) -> Result<(), JsValue> {
    // The UTF-8 bytes as they are: a JS string would be decoded to UTF-16 and
    // encoded back by the Blob, twice over a file of tens of MB.
    download_bytes(name, text.as_bytes(), "application/json;charset=utf-8")
}

/// Saves binary content (a workbook) or text of another type as a download.
pub fn download_bytes(name: &str, bytes: &[u8], mime: &str) -> Result<(), JsValue> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or_else(|| JsValue::from_str("no document"))?;
    // The Blob copies the bytes straight out of wasm memory, with no copy in between.
    let url = ObjectUrl::from(Blob::new_with_options(bytes, Some(mime)));
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    let body = document.body().ok_or_else(|| JsValue::from_str("no body"))?;
    body.append_child(&a)?;
    a.click();
    a.remove();
    // The URL is revoked when dropped. Revoking at once can cancel the download in
    // some browsers; a minute is ample.
    after(60_000, move || drop(url));
    Ok(())
}

/// Runs `f` after `millis` milliseconds. A timer: a hidden tab may run it late,
/// which suits messages and short waits for a paint, not long work (`yield_to_page`).
pub fn after(millis: u32, f: impl FnOnce() + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        TimeoutFuture::new(millis).await;
        f();
    });
}

/// `N` bytes from the browser's cryptographic random source.
pub fn random_bytes<const N: usize>() -> Result<[u8; N], JsValue> {
    let mut bytes = [0u8; N];
    let crypto = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?.crypto()?;
    crypto.get_random_values_with_u8_array(&mut bytes)?;
    Ok(bytes)
}

/// The bytes of a file the user picked.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, FileReadError> {
    read_as_bytes(&Blob::from(file.clone())).await
}

/// One message channel for every yield, as long as the page lives: its listener
/// wakes the oldest waiting yield.
struct Yielder {
    port: web_sys::MessagePort,
    waiting: Rc<RefCell<VecDeque<js_sys::Function>>>,
    _wake: EventListener,
}

thread_local! {
    static YIELD: Option<Yielder> = web_sys::MessageChannel::new().ok().map(|channel| {
        let waiting = Rc::new(RefCell::new(VecDeque::<js_sys::Function>::new()));
        let queue = waiting.clone();
        let receiver = channel.port1();
        let wake = EventListener::new(&receiver, "message", move |_| {
            if let Some(resolve) = queue.borrow_mut().pop_front() {
                let _ = resolve.call0(&JsValue::NULL);
            }
        });
        // A port delivers messages to listeners added this way only once started
        // (setting `onmessage` would start it implicitly).
        receiver.start();
        Yielder { port: channel.port2(), waiting, _wake: wake }
    });
}

/// Lets the browser paint and handle input before long work goes on. A message
/// to ourselves, not a timer: timers in a hidden tab wait a second or more, so a
/// long import would crawl while the user looks at another tab.
pub async fn yield_to_page() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let posted = YIELD.with(|y| match y {
            Some(Yielder { port, waiting, .. }) => {
                waiting.borrow_mut().push_back(resolve.clone());
                let posted = port.post_message(&JsValue::NULL).is_ok();
                if !posted {
                    waiting.borrow_mut().pop_back();
                }
                posted
            }
            None => false,
        });
        if !posted {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Calls a helper that the page defines in plain JavaScript, if it is there.
/// The helpers work even after the wasm module has died.
fn call_page_helper(name: &str, args: &[JsValue]) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Ok(f) = js_sys::Reflect::get(&window, &JsValue::from_str(name)) else {
        return false;
    };
    let Some(f) = f.dyn_ref::<js_sys::Function>() else {
        return false;
    };
    let array: js_sys::Array = args.iter().collect();
    f.apply(&JsValue::NULL, &array).is_ok()
}

/// Downloads every raw record of the database as one JSON file (page helper).
pub fn emergency_export() -> bool {
    call_page_helper("xunchaEmergencyExport", &[JsValue::from_str(xuncha_core::schema::keys::DB_NAME)])
}

/// A panic shows a panel in the user's language with a way to save the data,
/// instead of a dead page.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        show_panic_panel(&info.to_string());
    }));
}

/// Logs `details` and asks the page for its panic panel, in the saved language.
/// Returns whether the page had the panel helper.
pub fn show_panic_panel(details: &str) -> bool {
    let lang = saved_lang();
    web_sys::console::error_1(&JsValue::from_str(details));
    let texts = [T::PanicTitle, T::PanicBody, T::EmergencyExport, T::Reload, T::PanicDetails];
    let mut args: Vec<JsValue> = texts.iter().map(|t| JsValue::from_str(t.text(lang))).collect();
    args.push(JsValue::from_str(details));
    call_page_helper("xunchaPanic", &args)
}

/// Names in the order Chinese readers look for them (pinyin, numbers by value), as
/// the browser sorts them: `Intl.Collator('zh-CN', {numeric: true})`.
#[derive(Clone, Copy, Debug, Default)]
pub struct ZhCollator;

impl xuncha_core::collate::Collator for ZhCollator {
    fn ranks(&self, texts: &[&str]) -> Vec<u32> {
        use xuncha_core::collate::{ranks_from_sorted, CodePoints};
        let mut distinct: Vec<&str> = texts.to_vec();
        distinct.sort_unstable();
        distinct.dedup();
        let array: js_sys::Array = distinct.iter().map(|t| JsValue::from_str(t)).collect();
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str("numeric"), &JsValue::TRUE);
        let collator = js_sys::Intl::Collator::new(&js_sys::Array::of1(&JsValue::from_str("zh-CN")), &options);
        // The array sorts itself natively with the collator's compare.
        let sorted = js_sys::Reflect::get(&array, &JsValue::from_str("sort"))
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .is_some_and(|sort| sort.call1(&array, &collator.compare()).is_ok());
        if !sorted {
            return CodePoints.ranks(texts);
        }
        let names: Vec<String> = array.iter().filter_map(|v| v.as_string()).collect();
        ranks_from_sorted(&names.iter().map(String::as_str).collect::<Vec<_>>(), texts)
    }
}

/// Ctrl+Enter (⌘+Enter) in a form field saves the form, as in Office: one listener
/// for the whole page, living as long as it.
pub fn submit_forms_on_ctrl_enter(window: &web_sys::Window) {
    let options = gloo_events::EventListenerOptions::enable_prevent_default();
    let listener = EventListener::new_with_options(window, "keydown", options, |event| {
        let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>() else { return };
        if key.key() != "Enter" || !(key.ctrl_key() || key.meta_key()) {
            return;
        }
        let form = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("form").ok().flatten())
            .and_then(|f| f.dyn_into::<web_sys::HtmlFormElement>().ok());
        if let Some(form) = form {
            event.prevent_default();
            let _ = form.request_submit();
        }
    });
    listener.forget();
}

/// Puts the cursor in the first field inside `root` (a form, a side panel), as it opens.
pub fn focus_first_field(root: &web_sys::Element) {
    const FIELDS: &str =
        "input:not([type=hidden]):not([type=file]):not([disabled]), select:not([disabled]), textarea:not([disabled])";
    let field = root.query_selector(FIELDS).ok().flatten().and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(field) = field {
        let _ = field.focus();
    }
}

/// Scrolls the element with `data-testid` into view, for links to a part of the same page
/// (a `#id` anchor would be read as a page of the hash router).
pub fn scroll_to_testid(testid: &str) {
    let selector = format!("[data-testid=\"{testid}\"]");
    let el = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(&selector).ok().flatten());
    if let Some(el) = el {
        el.scroll_into_view();
    }
}

/// Copies the text of the text box with `data-testid` to the clipboard, as Ctrl+C
/// would after selecting it: `execCommand('copy')` works from `file://` in every
/// supported browser, where the asynchronous clipboard may be refused. Whether the
/// browser copied.
pub fn copy_from_testid(testid: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return false };
    let selector = format!("[data-testid=\"{testid}\"]");
    let Some(area) = document
        .query_selector(&selector)
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return false;
    };
    area.select();
    document.dyn_into::<web_sys::HtmlDocument>().ok().and_then(|d| d.exec_command("copy").ok()).unwrap_or(false)
}
