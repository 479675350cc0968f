//! The document around the app: its settings in `index.html`, its title and language, the date.

use vitrina_core::valid::IsoDate;
use vitrina_core::Lang;

use super::directory_fetch::DEFAULT_DIRECTORY_URL;

/// The absolute URL of the directory file: the `vitrina-directory` meta tag in
/// `index.html` (the one documented place to change it), resolved against the page.
pub fn directory_url() -> String {
    let document = web_sys::window().and_then(|window| window.document());
    let configured = document
        .as_ref()
        .and_then(|document| document.query_selector("meta[name='vitrina-directory']").ok().flatten())
        .and_then(|meta| meta.get_attribute("content"))
        .map(|content| content.trim().to_owned())
        .filter(|content| !content.is_empty())
        .unwrap_or_else(|| DEFAULT_DIRECTORY_URL.to_owned());
    let base = document.and_then(|document| document.base_uri().ok().flatten());
    match base.and_then(|base| web_sys::Url::new_with_base(&configured, &base).ok()) {
        Some(url) => url.href(),
        None => configured,
    }
}

/// Sets the document title, so tabs, bookmarks and history read well.
pub fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        document.set_title(title);
    }
}

/// Sets `<html lang>`, which screen readers and hyphenation follow.
pub fn set_document_language(lang: Lang) {
    let root = web_sys::window().and_then(|window| window.document()).and_then(|document| document.document_element());
    if let Some(root) = root {
        let _ = root.set_attribute("lang", lang.tag());
    }
}

/// The browser's preferred languages, most preferred first.
pub fn browser_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|window| window.navigator()) else {
        return Vec::new();
    };
    let mut languages: Vec<String> = navigator.languages().iter().filter_map(|value| value.as_string()).collect();
    if languages.is_empty() {
        languages.extend(navigator.language());
    }
    languages
}

/// A moment given in milliseconds since 1970, on the visitor's clock: date, hour and minute.
pub fn local_time(ms: f64) -> (IsoDate, u8, u8) {
    let moment = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    let date = IsoDate::from_ymd(moment.get_full_year() as i32, moment.get_month() as u8 + 1, moment.get_date() as u8)
        .unwrap_or_else(|| IsoDate::from_days_since_epoch(0));
    (date, moment.get_hours() as u8, moment.get_minutes() as u8)
}

/// The app's own address as hosted (sub-path included), without query or fragment:
/// the base every shareable deep link is written on.
pub fn app_url() -> String {
    let Some(location) = web_sys::window().map(|window| window.location()) else {
        return String::new();
    };
    format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default())
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(window) = web_sys::window() {
        // Browsers that cannot print (some embedded views) just do nothing.
        let _ = window.print();
    }
}

/// Scrolls the page back to its top (a new page starts there).
pub fn scroll_to_top() {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Moves keyboard focus to `element` (a component's `NodeRef`).
pub fn focus(element: &web_sys::HtmlElement) {
    // Only a detached or hidden element refuses focus; then focus stays where it was.
    let _ = element.focus();
}

/// True when `element` has keyboard focus.
pub fn has_focus(element: &web_sys::Element) -> bool {
    active_element().is_some_and(|active| active == *element)
}

/// The element with keyboard focus, if the page has one.
fn active_element() -> Option<web_sys::Element> {
    web_sys::window().and_then(|window| window.document()).and_then(|document| document.active_element())
}

/// The element whose id is `id`, if it is an HTML element.
fn html_element_by_id(id: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(id))
        .and_then(|element| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element).ok())
}

/// Moves keyboard focus to the element whose id is `id`, if there is one that takes it.
pub fn focus_by_id(id: &str) {
    if let Some(element) = html_element_by_id(id) {
        focus(&element);
    }
}

/// True when keyboard focus is on `element` or inside it (also while the window itself is in
/// the background: the document keeps its focused element).
pub fn focus_is_within(element: &web_sys::Element) -> bool {
    active_element().is_some_and(|active| element.contains(Some(&active)))
}

/// Moves keyboard focus to the page's content (`<main id="main" tabindex="-1">`).
pub fn focus_main() {
    focus_by_id("main");
}

/// Closes the popover with id `id` (the phone bar's "more" panel) if it is open.
pub fn hide_popover(id: &str) {
    if let Some(popover) = html_element_by_id(id) {
        // Throws only when the element is not a popover or is already closed: nothing to do then.
        let _ = popover.hide_popover();
    }
}

/// Removes what `index.html` shows while the app downloads; the app's own header and
/// loading line take its place in the same frame.
pub fn remove_boot_shell() {
    let document = web_sys::window().and_then(|window| window.document());
    if let Some(shell) = document.and_then(|document| document.query_selector(".boot-shell").ok().flatten()) {
        shell.remove();
    }
}

/// Tells the page's other scripts that the first directory load is over (shown or failed):
/// `sw-register.js` waits for it before installing the offline copy.
pub fn mark_ready() {
    let Some(window) = web_sys::window() else { return };
    if let Some(root) = window.document().and_then(|document| document.document_element()) {
        if root.has_attribute("data-vitrina-ready") {
            return;
        }
        let _ = root.set_attribute("data-vitrina-ready", "");
    }
    if let Ok(event) = web_sys::Event::new("vitrina-ready") {
        let _ = window.dispatch_event(&event);
    }
}
