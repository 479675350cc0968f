//! Yielding to the browser during start-up, so a phone can paint and answer taps between
//! the steps of loading a directory: each step is its own task instead of one long one.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::clock::monotonic_ms;

/// Runs `task` on wasm-bindgen's own executor: for start-up, before Leptos' starts with the mount.
pub fn spawn(task: impl std::future::Future<Output = ()> + 'static) {
    wasm_bindgen_futures::spawn_local(task);
}

/// Resolves in a new task, after whatever the browser had queued: a message to itself,
/// not a zero timeout, which a background tab would delay by a second or more.
pub async fn next_task() {
    wait(|window, resolve| match web_sys::MessageChannel::new() {
        Ok(channel) => {
            let receiver = channel.port1();
            let sender = channel.port2();
            let resolve = resolve.clone();
            // The handler owns the channel, so nothing can collect it before the message lands.
            let on_message = Closure::once_into_js(move || {
                drop(channel);
                let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
            });
            receiver.set_onmessage(Some(on_message.unchecked_ref()));
            let _ = sender.post_message(&wasm_bindgen::JsValue::UNDEFINED);
        }
        Err(_) => {
            let _ = window.set_timeout_with_callback(resolve);
        }
    })
    .await;
}

/// Resolves in the first task after the next frame is painted: an animation-frame callback
/// runs just before a paint, and a task it queues runs after it. (A hidden tab paints no
/// frames: what waits for this waits until the visitor looks.)
pub async fn after_next_paint() {
    wait(|window, resolve| {
        if window.request_animation_frame(resolve).is_err() {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    })
    .await;
    next_task().await;
}

/// After the next paint, calls `step` once per task until it returns false: work that follows
/// the first screen a piece at a time (the rest of a list's rows, its facets).
pub async fn step_after_paint(mut step: impl FnMut() -> bool) {
    after_next_paint().await;
    while step() {
        next_task().await;
    }
}

/// Time left to the page's first frame to reach the screen before work that is not for it
/// starts. The task after a frame's animation callbacks can run before that frame is on
/// screen (measured: a request started there began 1–4 ms before the paint was presented,
/// two frames later too), and the download would compete with what the visitor came to see.
const SETTLE_AFTER_PAINT_MS: i32 = 200;

/// Resolves once the page is painted and on screen and the browser has a moment with nothing
/// to do: `SETTLE_AFTER_PAINT_MS` after the paint, then `requestIdleCallback` (at most a second
/// later; at once where there is none).
pub async fn when_idle() {
    after_next_paint().await;
    wait(|window, resolve| {
        if window.set_timeout_with_callback_and_timeout_and_arguments_0(resolve, SETTLE_AFTER_PAINT_MS).is_err() {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    })
    .await;
    wait(|window, resolve| {
        let idle = js_sys::Reflect::get(window, &"requestIdleCallback".into())
            .ok()
            .and_then(|function| function.dyn_into::<js_sys::Function>().ok());
        let asked = idle.is_some_and(|idle| {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"timeout".into(), &1000.into());
            idle.call2(window, resolve, &options).is_ok()
        });
        if !asked {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    })
    .await;
}

/// How long one step of work done a piece per task (reading the file, indexing it) may take:
/// well under the 50 ms after which a phone feels unresponsive, since rendering may follow in
/// the same frame.
const STEP_MS: f64 = 8.0;

/// The "more?" of one such step: true until `STEP_MS` have passed since it was asked for.
pub fn step_budget() -> impl FnMut() -> bool {
    let ends = monotonic_ms() + STEP_MS;
    move || monotonic_ms() < ends
}

/// A promise whose `resolve` is handed to `start` with the window; resolves at once without
/// a window (as in a worker), so a caller never waits forever.
async fn wait(start: impl FnOnce(&web_sys::Window, &js_sys::Function)) {
    let mut start = Some(start);
    let promise = js_sys::Promise::new(&mut |resolve, _reject| match (web_sys::window(), start.take()) {
        (Some(window), Some(start)) => start(&window, &resolve),
        _ => {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    });
    let _ = JsFuture::from(promise).await;
}
