//! The URL fragment as the app's route: read it, follow it, change it.

use vitrina_core::Route;

/// The route in the address bar now.
pub fn current_route() -> Route {
    let hash = web_sys::window().and_then(|window| window.location().hash().ok()).unwrap_or_default();
    Route::from_fragment(&hash)
}

/// Goes to `route`, adding a history entry so Back returns here.
pub fn navigate(route: &Route) {
    if let Some(window) = web_sys::window() {
        // Setting the hash fires `hashchange`, which updates the route signal.
        let _ = window.location().set_hash(&route.to_fragment());
    }
}
