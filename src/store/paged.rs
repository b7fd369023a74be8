//! Reading pages inside a transaction: a kind's page keys, pages by key or all of a
//! kind's at once, and their records decoded by the core. Requests go through the
//! browser's own objects and are asked before they are awaited, so the database
//! reads the next page while the page decodes the last.

use super::{corrupt, js_error, StoreError};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{IdbObjectStore, IdbRequest};
use xuncha_core::exchange::format::Records;
use xuncha_core::pages::{kind_bounds, Page};
use xuncha_core::record::{Body, Kind, Record};
use xuncha_core::schema;

/// The keys of every page of `kind`.
pub(super) fn key_range(kind: Kind) -> Result<JsValue, StoreError> {
    let (low, high) = kind_bounds(kind);
    Ok(web_sys::IdbKeyRange::bound(&JsValue::from_str(&low), &JsValue::from_str(&high)).map_err(js_error)?.into())
}

/// Asks for the keys of `kind`'s pages, in order.
pub(super) fn ask_keys(pages: &IdbObjectStore, kind: Kind) -> Result<IdbRequest, StoreError> {
    pages.get_all_keys_with_key(&key_range(kind)?).map_err(js_error)
}

/// Asks for every page of `kind`, in key order.
pub(super) fn ask_all(pages: &IdbObjectStore, kind: Kind) -> Result<IdbRequest, StoreError> {
    pages.get_all_with_key(&key_range(kind)?).map_err(js_error)
}

/// Asks for the page under `key`.
pub(super) fn ask_page(pages: &IdbObjectStore, key: &str) -> Result<IdbRequest, StoreError> {
    pages.get(&JsValue::from_str(key)).map_err(js_error)
}

/// The strings a `getAll` or `getAllKeys` gave.
pub(super) async fn strings(request: IdbRequest) -> Result<Vec<String>, StoreError> {
    let list: js_sys::Array = super::settled(request).await?.unchecked_into();
    list.iter().map(|v| v.as_string().ok_or_else(|| corrupt("a page that is not text"))).collect()
}

/// The text of a page asked for by `ask_page`; `None` when there is no such page.
pub(super) async fn text(request: IdbRequest) -> Result<Option<String>, StoreError> {
    let value = super::settled(request).await?;
    if value.is_undefined() {
        return Ok(None);
    }
    value.as_string().map(Some).ok_or_else(|| corrupt("a page that is not text"))
}

/// Decodes pages of `kind` into `into`.
pub(super) fn decode_into(kind: Kind, texts: &[String], into: &mut Records) -> Result<(), StoreError> {
    for text in texts {
        schema::read_stored_list(kind, text, into).map_err(corrupt)?;
    }
    Ok(())
}

/// Decodes pages of `B`.
pub(super) fn decode<B: Body>(texts: &[String]) -> Result<Vec<Record<B>>, StoreError> {
    let mut records = Records::default();
    decode_into(B::KIND, texts, &mut records)?;
    Ok(std::mem::take(B::list_of(&mut records)))
}

/// Reads a page's envelopes, for a write to check and change.
pub(super) fn read_page(text: &str) -> Result<Page, StoreError> {
    Page::read(text).map_err(corrupt)
}
