//! Whether the browser believes it is online, and word when that changes.
//!
//! `navigator.onLine` false is reliable (no network at all); true only means some
//! network is there, so callers treat it as "worth trying", never as a promise.

use leptos::prelude::window_event_listener;

/// Whether the browser has a network connection now.
pub fn is_online() -> bool {
    web_sys::window().map(|window| window.navigator().on_line()).unwrap_or(true)
}

/// Calls `on_change` with the new state whenever the browser goes online or offline;
/// the returned function stops listening.
pub fn watch(on_change: impl Fn(bool) + Clone + 'static) -> impl FnOnce() {
    let when_online = on_change.clone();
    let online = window_event_listener(leptos::ev::online, move |_| when_online(true));
    let offline = window_event_listener(leptos::ev::offline, move |_| on_change(false));
    move || {
        online.remove();
        offline.remove();
    }
}
