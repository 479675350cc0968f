//! The stylesheet of the views the first screen never shows (the cluster's, matchmaking),
//! added to the page when one of them first opens. The build names it on the start-up tag
//! (`data-vitrina-views-css`, beside the app's glue, with its integrity: see
//! scripts/views-stylesheet.mjs); without that tag (tests, a page without the build's
//! index.html) there is nothing to load.

use js_sys::Promise;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The `<link>` this adapter adds, found again by this attribute (once per page).
const LINK_MARK: &str = "data-vitrina-views";

/// Starts downloading the views' stylesheet (adds it to the page, once), without waiting.
pub fn start_views_stylesheet() {
    let _ = views_link();
}

/// Adds the views' stylesheet to the page, once, and waits until it applies or fails. Never
/// fails itself: a stylesheet that does not arrive (offline before it was ever cached) leaves
/// the views unstyled, which is better than not shown.
pub async fn views_stylesheet() {
    let Some(link) = views_link() else { return };
    // Already applied (or already failed: its sheet stays null, and waiting would never end).
    if link.get_attribute("data-vitrina-settled").is_some() {
        return;
    }
    let settled = Promise::new(&mut |resolve, _reject| {
        let on_settled = Closure::once_into_js(move |_: JsValue| {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        });
        let callback: &js_sys::Function = on_settled.unchecked_ref();
        let _ = link.add_event_listener_with_callback("load", callback);
        let _ = link.add_event_listener_with_callback("error", callback);
    });
    let _ = JsFuture::from(settled).await;
}

fn views_link() -> Option<web_sys::Element> {
    let document = web_sys::window().and_then(|window| window.document())?;
    existing_link(&document).or_else(|| new_link(&document))
}

fn existing_link(document: &web_sys::Document) -> Option<web_sys::Element> {
    document.query_selector(&format!("link[{LINK_MARK}]")).ok().flatten()
}

fn new_link(document: &web_sys::Document) -> Option<web_sys::Element> {
    let boot = document.query_selector("script[data-vitrina-boot]").ok().flatten()?;
    let name = boot.get_attribute("data-vitrina-views-css").filter(|name| !name.is_empty())?;
    // Beside the glue, as the chunks are: the glue's address is absolute or relative to the page.
    let glue = boot.get_attribute("data-vitrina-js")?;
    let base = document.base_uri().ok().flatten()?;
    let folder = web_sys::Url::new_with_base(&glue, &base).ok()?;
    let href = web_sys::Url::new_with_base(&name, &folder.href()).ok()?.href();
    let link = document.create_element("link").ok()?;
    for (attribute, value) in [("rel", "stylesheet"), ("href", href.as_str()), (LINK_MARK, "")] {
        link.set_attribute(attribute, value).ok()?;
    }
    if let Some(integrity) = boot.get_attribute("data-vitrina-views-css-integrity") {
        link.set_attribute("integrity", &integrity).ok()?;
    }
    // Marked when settled, so that a later view does not wait for an event already past.
    let mark = Closure::once_into_js({
        let link = link.clone();
        move |_: JsValue| {
            let _ = link.set_attribute("data-vitrina-settled", "");
        }
    });
    let _ = link.add_event_listener_with_callback("load", mark.unchecked_ref());
    let _ = link.add_event_listener_with_callback("error", mark.unchecked_ref());
    document.head()?.append_child(&link).ok()?;
    Some(link)
}
