//! The browser glue: ids, language memory and the panic panel hand-off.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use xuncha::platform::{save_lang, saved_lang, show_panic_panel, WebIds};
use xuncha_core::i18n::{Lang, T};
use xuncha_core::id::IdSource;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn web_ids_are_fresh_version_4_uuids() {
    let a = WebIds.next_id();
    let b = WebIds.next_id();
    assert_ne!(a, b);
    assert_eq!(a.to_string().chars().nth(14), Some('4'));
}

#[wasm_bindgen_test]
fn the_language_choice_is_remembered_and_set_on_the_page() {
    save_lang(Lang::En);
    assert_eq!(saved_lang(), Lang::En);
    let lang = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"));
    assert_eq!(lang.as_deref(), Some("en"));
    save_lang(Lang::Zh);
    assert_eq!(saved_lang(), Lang::Zh);
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Reflect, js_name = set)]
    fn reflect_set(target: &JsValue, key: &JsValue, value: &JsValue) -> bool;
}

#[wasm_bindgen_test]
fn a_panic_hands_the_panel_its_texts_in_the_users_language() {
    let window = web_sys::window().map(JsValue::from).unwrap_or(JsValue::NULL);
    // Stand in for the page's panel helper and keep what it is given.
    let captured = js_sys::Array::new();
    let keep = captured.clone();
    let helper = Closure::<dyn Fn(js_sys::Array)>::new(move |args: js_sys::Array| {
        for a in args.iter() {
            keep.push(&a);
        }
    });
    let wrapper = js_sys::Function::new_with_args("f", "return function() { f(Array.from(arguments)); }");
    let stub = wrapper.call1(&JsValue::NULL, helper.as_ref()).unwrap_or(JsValue::NULL);
    reflect_set(&window, &JsValue::from_str("xunchaPanic"), &stub);
    save_lang(Lang::Zh);
    assert!(show_panic_panel("boom at src/ui/round.rs"));
    let texts: Vec<String> = captured.iter().filter_map(|v| v.as_string()).collect();
    assert_eq!(texts.first().map(String::as_str), Some(T::PanicTitle.text(Lang::Zh)));
    assert_eq!(texts.get(2).map(String::as_str), Some(T::EmergencyExport.text(Lang::Zh)));
    assert_eq!(texts.last().map(String::as_str), Some("boom at src/ui/round.rs"));
    drop(helper);
}
