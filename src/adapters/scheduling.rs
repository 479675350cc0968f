//! Yielding to the browser during start-up, so a phone can paint and answer taps between
//! the steps of loading a directory: each step is its own task instead of one long one.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Resolves in a new task (a zero timeout), after whatever the browser had queued.
pub async fn next_task() {
    wait(|resolve| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(resolve);
        }
    })
    .await;
}

/// Resolves in the first task after the next frame is painted: an animation-frame callback
/// runs just before a paint, and a timeout it starts runs after it.
pub async fn after_next_paint() {
    wait(|resolve| {
        let Some(window) = web_sys::window() else { return };
        let resolve = resolve.clone();
        let then_timeout = Closure::once_into_js(move || {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback(&resolve);
            }
        });
        let _ = window.request_animation_frame(then_timeout.unchecked_ref());
    })
    .await;
}

/// A promise whose `resolve` is handed to `start`; resolves at once without a window (as in
/// a worker), so a caller never waits forever.
async fn wait(start: impl FnOnce(&js_sys::Function)) {
    let mut start = Some(start);
    let promise = js_sys::Promise::new(&mut |resolve, _reject| match (web_sys::window(), start.take()) {
        (Some(_), Some(start)) => start(&resolve),
        _ => {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    });
    let _ = JsFuture::from(promise).await;
}
