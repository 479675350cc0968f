//! "See it as visitors will": opens the app with `?preview` in a new tab and hands it the
//! directory in memory once it says it is ready. The protocol, shared with the app's receiver:
//! 1. this page opens `../?preview` with `window.open(url, "_blank")`, keeping `opener`;
//! 2. the app posts `{type: "vitrina-preview-ready"}` to its opener, for this origin only;
//! 3. this page, on that message from that window and this origin, answers with
//!    `{type: "vitrina-preview-directory", bytes}`, the ArrayBuffer of `directory.json`
//!    transferred (12 MB would not fit in sessionStorage).

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::MessageEvent;

/// Opens the preview tab and sends it `directory_json` when it is ready; false when the
/// browser did not open the tab (a pop-up blocker).
pub fn open(directory_json: Vec<u8>) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Some(url) = super::page::resolve("../?preview") else {
        return false;
    };
    let Ok(Some(opened)) = window.open_with_url_and_target(&url, "_blank") else {
        return false;
    };
    let origin = window.location().origin().unwrap_or_default();
    let mut pending = Some(directory_json);
    let listener: Closure<dyn FnMut(MessageEvent)> = Closure::new(move |event: MessageEvent| {
        let from_preview = event.source().is_some_and(|source| JsValue::from(source) == JsValue::from(opened.clone()));
        let ready = Reflect::get(&event.data(), &"type".into()).ok().and_then(|kind| kind.as_string());
        if !from_preview || event.origin() != origin || ready.as_deref() != Some("vitrina-preview-ready") {
            return;
        }
        // A reload of the preview tab asks again; it gets the same directory.
        let Some(bytes) = pending.clone() else { return };
        let buffer = Uint8Array::from(bytes.as_slice()).buffer();
        let message = Object::new();
        let _ = Reflect::set(&message, &"type".into(), &"vitrina-preview-directory".into());
        let _ = Reflect::set(&message, &"bytes".into(), &buffer);
        let _ = opened.post_message_with_transfer(&message, &origin, &Array::of1(&buffer));
        if opened.closed().unwrap_or(true) {
            pending = None;
        }
    });
    let _ = window.add_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
    // One listener per preview opened, for the life of the page: a few bytes each.
    listener.forget();
    true
}
