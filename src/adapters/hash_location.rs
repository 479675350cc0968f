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

/// The session-storage key of a state typed but not yet in the address bar when the page went away.
const UNWRITTEN_KEY: &str = "vitrina-unwritten-route";

/// The fragment in the address bar now (with its `#`, or empty).
pub fn current_fragment() -> String {
    web_sys::window().and_then(|window| window.location().hash().ok()).unwrap_or_default()
}

/// The route in the address bar now, or the state typed just before this tab reloaded
/// (see [`leave_unwritten`]), which then goes into the address bar too.
pub fn current_route() -> Route {
    let hash = current_fragment();
    if let Some(fragment) = take_unwritten(&hash) {
        let route = Route::from_fragment(&fragment);
        write_route(&route, HistoryMode::Replace);
        return route;
    }
    Route::from_fragment(&hash)
}

/// Notes, for this tab's next page, that the entry showing `written` really holds `latest`
/// (a reload reads its URL before the leaving page can correct it); `None` clears the note.
pub fn leave_unwritten(note: Option<(&str, &str)>) {
    // Best effort: without session storage a reload shows the last state written.
    let Some(storage) = session_storage() else { return };
    let _ = match note {
        Some((written, latest)) => storage.set_item(UNWRITTEN_KEY, &format!("{written}\n{latest}")),
        None => storage.remove_item(UNWRITTEN_KEY),
    };
}

/// The state left by [`leave_unwritten`], if it belongs to the entry showing `hash`; read once.
fn take_unwritten(hash: &str) -> Option<String> {
    let storage = session_storage()?;
    let value = storage.get_item(UNWRITTEN_KEY).ok()??;
    let _ = storage.remove_item(UNWRITTEN_KEY);
    let (written, latest) = value.split_once('\n')?;
    (written == hash).then(|| latest.to_owned())
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
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
