//! The stylesheet of the views the first screen never shows (the cluster's, matchmaking),
//! added to the page when one of them first opens. `boot.js` does the adding
//! (`vitrinaViewsStylesheet`: the file and its integrity are on its tag, the link is added
//! once, a failure is retried by the next view); this adapter only asks and waits. Written in
//! Rust the same was 2 KB of the landing module (issue 16). Without boot.js (tests) there is
//! nothing to load.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Starts downloading the views' stylesheet, without waiting.
pub fn start_views_stylesheet() {
    let _ = request();
}

/// Asks for the views' stylesheet and waits until it applies or fails. Never fails itself: a
/// stylesheet that does not arrive leaves the views unstyled, which is better than not shown.
pub async fn views_stylesheet() {
    if let Some(settled) = request() {
        let _ = JsFuture::from(settled).await;
    }
}

fn request() -> Option<Promise> {
    let ask = Reflect::get(&js_sys::global(), &JsValue::from_str("vitrinaViewsStylesheet")).ok()?;
    ask.dyn_into::<Function>().ok()?.call0(&JsValue::UNDEFINED).ok()?.dyn_into::<Promise>().ok()
}
