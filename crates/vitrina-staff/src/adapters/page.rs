//! The document around the page, and the files it fetches from the app beside it.

use js_sys::Uint8Array;
use vitrina_core::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DomParser, RequestCache, RequestInit, Response, SupportedType};

/// Why the published directory could not be fetched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchFailure {
    /// Occurs when the browser could not make the request (offline, blocked).
    Network,
    /// Occurs when the server answered with an error status.
    Status(u16),
}

/// True where this code runs on a page (not in the parsing worker).
pub fn has_window() -> bool {
    web_sys::window().is_some()
}

/// Sets `<html lang>` and the title.
pub fn set_language_and_title(lang: Lang, title: &str) {
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", lang.tag());
        }
        document.set_title(title);
    }
}

/// The browser's preferred languages, first first.
pub fn preferred_languages() -> Vec<String> {
    web_sys::window()
        .map(|window| window.navigator().languages().iter().filter_map(|tag| tag.as_string()).collect())
        .unwrap_or_default()
}

/// Moves focus to the element with this id (a heading with `tabindex="-1"`).
pub fn focus_by_id(id: &str) {
    let element =
        web_sys::window().and_then(|window| window.document()).and_then(|document| document.get_element_by_id(id));
    if let Some(element) = element.and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// An absolute URL for `relative`, resolved against this page.
pub fn resolve(relative: &str) -> Option<String> {
    let base = web_sys::window()?.document()?.base_uri().ok()??;
    web_sys::Url::new_with_base(relative, &base).ok().map(|url| url.href())
}

async fn fetch_bytes(url: &str) -> Result<Vec<u8>, FetchFailure> {
    let window = web_sys::window().ok_or(FetchFailure::Network)?;
    let init = RequestInit::new();
    init.set_cache(RequestCache::NoCache);
    let response =
        JsFuture::from(window.fetch_with_str_and_init(url, &init)).await.map_err(|_| FetchFailure::Network)?;
    let response: Response = response.dyn_into().map_err(|_| FetchFailure::Network)?;
    if !response.ok() {
        return Err(FetchFailure::Status(response.status()));
    }
    let buffer = response.array_buffer().map_err(|_| FetchFailure::Network)?;
    let buffer = JsFuture::from(buffer).await.map_err(|_| FetchFailure::Network)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// The published directory's URL: the app's `index.html` (one folder up) names it in its
/// `vitrina-directory` meta tag, the one place that says where it lives.
pub async fn published_directory_url() -> Option<String> {
    let app_page = resolve("../index.html")?;
    let html = fetch_bytes(&app_page).await.ok()?;
    let html = String::from_utf8_lossy(&html);
    let parsed = DomParser::new().ok()?.parse_from_string(&html, SupportedType::TextHtml).ok()?;
    let configured = parsed
        .query_selector("meta[name='vitrina-directory']")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .map(|content| content.trim().to_owned())
        .filter(|content| !content.is_empty())
        .unwrap_or_else(|| "data/directory.json".to_owned());
    web_sys::Url::new_with_base(&configured, &app_page).ok().map(|url| url.href())
}

/// The published directory's bytes, and the URL they came from.
pub async fn fetch_published_directory() -> Result<(String, Vec<u8>), FetchFailure> {
    let url = published_directory_url().await.ok_or(FetchFailure::Network)?;
    let bytes = fetch_bytes(&url).await?;
    Ok((url, bytes))
}
