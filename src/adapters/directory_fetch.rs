//! Fetches the directory file and hands its bytes to the core loader.
//!
//! With the service worker (`sw.js`) in charge, an ordinary request is answered from the
//! copy kept for offline use, and one with `?vitrina-fresh` goes to the network;
//! the worker's `x-vitrina-source` and `x-vitrina-fetched-at` headers say which copy
//! arrived and when it was downloaded.

use vitrina_core::freshness::fingerprint;
use vitrina_core::load::DirectoryLoader;
use vitrina_core::{Lang, LoadError, Loaded};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestCache, RequestInit, Response};

use crate::adapters::preview::{self, PreviewError};
use crate::adapters::scheduling;
use crate::i18n::{error_network, error_status, ui};

/// Where the directory file is, when `index.html` does not say.
pub const DEFAULT_DIRECTORY_URL: &str = "data/directory.json";

/// Why the directory could not be shown.
#[derive(Clone, Debug, PartialEq)]
pub enum FetchError {
    /// Occurs when the request never got an answer: offline, DNS, CORS or a blocked request.
    Network { detail: String },
    /// Occurs when the server answered with something other than 2xx (a missing file is 404).
    Status { status: u16, status_text: String },
    /// Occurs when the file arrived but is not a directory the app can read.
    Invalid(LoadError),
    /// Occurs when a preview received no directory from the staff page.
    Preview(PreviewError),
}

impl FetchError {
    /// What went wrong, for the visitor.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            FetchError::Network { detail } => error_network(detail, lang),
            FetchError::Status { status, status_text } => error_status(*status, status_text, lang),
            FetchError::Invalid(error) => error.message(lang),
            FetchError::Preview(PreviewError::NoOpener) => ui(lang).preview_no_opener.to_owned(),
            FetchError::Preview(PreviewError::NoAnswer) => ui(lang).preview_no_answer.to_owned(),
        }
    }

    /// What the visitor (or the staff they tell) can do about it.
    pub fn advice(&self, lang: Lang) -> &'static str {
        let ui = ui(lang);
        match self {
            FetchError::Network { .. } => ui.error_network_todo,
            FetchError::Status { .. } => ui.error_status_todo,
            FetchError::Invalid(_) => ui.error_invalid_todo,
            FetchError::Preview(_) => ui.preview_todo,
        }
    }

    /// Whether trying again could help (a network hiccup, a server error), as opposed to a bad file.
    pub fn is_transient(&self) -> bool {
        match self {
            FetchError::Network { .. } => true,
            FetchError::Status { status, .. } => *status >= 500 || *status == 408 || *status == 429,
            FetchError::Invalid(_) | FetchError::Preview(_) => false,
        }
    }
}

/// A failed load, with the address that was asked for so the error screen can show it.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadFailure {
    pub url: String,
    pub error: FetchError,
}

/// Fetches and loads the directory at `url` (absolute).
pub async fn fetch_directory(url: &str) -> Result<Loaded, LoadFailure> {
    fetch_directory_copy(url, Wanted::Usual).await.map(|copy| copy.loaded)
}

/// Which copy of the directory to ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wanted {
    /// Whatever answers first: the copy kept for offline use if there is one.
    Usual,
    /// The server's current file, past the saved copy (the background check for newer data).
    Fresh,
    /// The unpublished directory the staff page hands over (`preview::receive_directory`),
    /// never from the network; the address is ignored.
    Preview,
}

/// A loaded directory and what is known about the copy it came from.
#[derive(Debug)]
pub struct DirectoryCopy {
    pub loaded: Loaded,
    /// The copy kept for offline use answered, so the server may have a newer file.
    pub from_saved_copy: bool,
    /// When this copy was downloaded (milliseconds since 1970); now when it just arrived.
    pub fetched_at_ms: f64,
    /// The file's `freshness::fingerprint`, when it may be compared with another copy
    /// (a saved copy or a fresh one); not computed otherwise, as it reads every byte.
    pub fingerprint: Option<u64>,
}

/// Fetches and loads the directory at `url` (absolute), saying which copy arrived.
pub async fn fetch_directory_copy(url: &str, wanted: Wanted) -> Result<DirectoryCopy, LoadFailure> {
    let fail = |error| LoadFailure { url: url.to_owned(), error };
    let fetched = fetch_bytes(url, wanted).await.map_err(fail)?;
    let from_saved_copy = fetched.source.as_deref() == Some("cache");
    let fingerprint = (from_saved_copy || wanted == Wanted::Fresh).then(|| fingerprint(&fetched.bytes));
    let fetched_at_ms = fetched.fetched_at_ms.unwrap_or_else(js_sys::Date::now);
    let loaded = read_in_steps(fetched.bytes).await.map_err(|error| fail(FetchError::Invalid(error)))?;
    Ok(DirectoryCopy { loaded, from_saved_copy, fetched_at_ms, fingerprint })
}

/// Reads the file a few members per task, so the page answers taps while a large directory loads.
async fn read_in_steps(bytes: Vec<u8>) -> Result<Loaded, LoadError> {
    let mut loader = DirectoryLoader::start(bytes)?;
    loop {
        scheduling::next_task().await;
        if loader.read_members(scheduling::step_budget())? {
            return loader.finish();
        }
    }
}

struct Fetched {
    bytes: Vec<u8>,
    source: Option<String>,
    fetched_at_ms: Option<f64>,
}

async fn fetch_bytes(url: &str, wanted: Wanted) -> Result<Fetched, FetchError> {
    let network = |value: wasm_bindgen::JsValue| FetchError::Network { detail: describe_js_error(&value) };
    if wanted == Wanted::Preview {
        let bytes = preview::receive_directory().await.map_err(FetchError::Preview)?;
        return Ok(Fetched { bytes, source: None, fetched_at_ms: None });
    }
    let window = web_sys::window().ok_or_else(|| FetchError::Network { detail: "no window".into() })?;
    // Only the usual request may be the one boot.js started; a fresh check goes past the saved copy.
    let early = match wanted {
        Wanted::Usual => take_early_request(url),
        Wanted::Fresh | Wanted::Preview => None,
    };
    let request = match early {
        Some(early) => early,
        None => {
            let init = RequestInit::new();
            // Revalidate with the server each time so staff edits show up, while still
            // letting the HTTP cache answer with 304 when nothing changed.
            init.set_cache(RequestCache::NoCache);
            let address = match wanted {
                Wanted::Fresh => fresh_address(url),
                Wanted::Usual | Wanted::Preview => url.to_owned(),
            };
            window.fetch_with_str_and_init(&address, &init)
        }
    };
    let response = JsFuture::from(request).await.map_err(network)?;
    let response: Response = response.dyn_into().map_err(network)?;
    if !response.ok() {
        return Err(FetchError::Status { status: response.status(), status_text: response.status_text() });
    }
    let headers = response.headers();
    let source = headers.get("x-vitrina-source").ok().flatten();
    let fetched_at_ms = headers
        .get("x-vitrina-fetched-at")
        .ok()
        .flatten()
        // Whole milliseconds (the worker writes `Date.now()`): reading them as an integer keeps
        // the float parser and its 10 KB table of powers of five out of the wasm.
        .and_then(|value| value.trim().parse::<u64>().ok())
        .filter(|ms| *ms > 0)
        .map(|ms| ms as f64);
    let buffer = JsFuture::from(response.array_buffer().map_err(network)?).await.map_err(network)?;
    Ok(Fetched { bytes: js_sys::Uint8Array::new(&buffer).to_vec(), source, fetched_at_ms })
}

/// `url` with the `vitrina-fresh` parameter the service worker reads as "from the server,
/// not the saved copy"; static hosts ignore it, and caches on the way treat it as new.
fn fresh_address(url: &str) -> String {
    match web_sys::Url::new(url) {
        Ok(parsed) => {
            parsed.search_params().set("vitrina-fresh", "1");
            parsed.href()
        }
        Err(_) => url.to_owned(),
    }
}

/// The request `boot.js` started for `url` before the wasm was ready, taken once: a retry
/// after a failure fetches again. `None` when there is none or it was for another URL.
fn take_early_request(url: &str) -> Option<js_sys::Promise> {
    let global = js_sys::global();
    let key = wasm_bindgen::JsValue::from_str(EARLY_REQUEST_KEY);
    let early = js_sys::Reflect::get(&global, &key).ok().filter(|early| early.is_object())?;
    let _ = js_sys::Reflect::delete_property(global.unchecked_ref::<js_sys::Object>(), &key);
    let early_url = js_sys::Reflect::get(&early, &"url".into()).ok()?.as_string()?;
    let response = js_sys::Reflect::get(&early, &"response".into()).ok()?;
    (early_url == url).then(|| response.dyn_into::<js_sys::Promise>().ok()).flatten()
}

/// Where `boot.js` leaves its early request: `{ url, response: Promise<Response> }`.
const EARLY_REQUEST_KEY: &str = "vitrinaEarlyDirectory";

fn describe_js_error(value: &wasm_bindgen::JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}
