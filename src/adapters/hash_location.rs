//! The URL fragment as the app's route: read it, follow it, change it.
//!
//! Changes go through the History API so the app decides whether a change is a
//! new step for Back (a new filter, a new page) or a correction of the current
//! one (each keystroke of a search). Back and Forward fire `hashchange`, which the
//! app listens to.

use vitrina_core::Route;

/// Whether a route change becomes its own history entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryMode {
    /// A new entry: Back returns to the previous route.
    Push,
    /// Replaces the current entry: for refinements such as typing.
    Replace,
}

/// The route in the address bar now.
pub fn current_route() -> Route {
    let hash = web_sys::window().and_then(|window| window.location().hash().ok()).unwrap_or_default();
    Route::from_fragment(&hash)
}

/// Writes `route` into the address bar without reloading; the caller updates the route signal.
pub fn write_route(route: &Route, mode: HistoryMode) {
    let Some(window) = web_sys::window() else { return };
    let fragment = route.to_fragment();
    if window.location().hash().ok().as_deref() == Some(fragment.as_str()) {
        return;
    }
    let written = window.history().and_then(|history| match mode {
        HistoryMode::Push => history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&fragment)),
        HistoryMode::Replace => history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&fragment)),
    });
    if written.is_err() {
        // Some embedded browsers refuse the History API; a plain hash change still works.
        let _ = window.location().set_hash(&fragment);
    }
}

/// Milliseconds since the page loaded, for telling a typing burst from a new search.
pub fn now_ms() -> f64 {
    web_sys::window().and_then(|window| window.performance()).map(|performance| performance.now()).unwrap_or(0.0)
}
