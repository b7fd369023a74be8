//! The error events of a bulk write. Every request that fails, and every request
//! still pending when its transaction aborts, sends an error event that bubbles to
//! the transaction. `indexed_db_futures` listens there with a closure that may run
//! only once, so a large failed write raised one "FnOnce called more than once" per
//! request. A bulk write hands the transaction's `onerror` to this one reusable
//! listener instead; the outcome still arrives through `oncomplete` / `onabort`,
//! and the first error's name says why (a full disk, a taken id…).

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

pub(super) struct RequestErrors {
    first: Rc<RefCell<Option<String>>>,
    /// The transaction watched last: a failure at commit time is its own error.
    tx: RefCell<Option<web_sys::IdbTransaction>>,
    listener: Closure<dyn FnMut(web_sys::Event)>,
}

impl std::fmt::Debug for RequestErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RequestErrors").field("first", &self.first.borrow()).finish()
    }
}

impl RequestErrors {
    pub(super) fn new() -> RequestErrors {
        let first: Rc<RefCell<Option<String>>> = Rc::default();
        let seen = first.clone();
        let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let name = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::IdbRequest>().ok())
                .and_then(|r| r.error().ok().flatten())
                .map(|e| e.name());
            let mut first = seen.borrow_mut();
            if first.is_none() {
                *first = name;
            }
        });
        RequestErrors { first, tx: RefCell::new(None), listener }
    }

    /// Takes the error events of `tx`, forgetting those of any earlier transaction.
    pub(super) fn watch(&self, tx: &web_sys::IdbTransaction) {
        self.first.borrow_mut().take();
        tx.set_onerror(Some(self.listener.as_ref().unchecked_ref()));
        *self.tx.borrow_mut() = Some(tx.clone());
    }

    /// The name of the first request error since `watch`, or else of the
    /// transaction's own error (`QuotaExceededError`, `ConstraintError`, …).
    pub(super) fn first(&self) -> Option<String> {
        let tx_error = || self.tx.borrow().as_ref().and_then(|tx| tx.error()).map(|e| e.name());
        self.first.borrow().clone().or_else(tx_error)
    }
}
