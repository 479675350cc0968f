//! localStorage as the core's `KeyValueStore`, and the browser's storage events.
//!
//! Every failure becomes a `StoreError` value: storage missing or blocked
//! (private mode, disabled cookies) is `Unavailable`, a full quota is
//! `QuotaExceeded`. Nothing here panics or decides anything; the follow-up
//! store logic in the core decides what to do with each outcome.

use vitrina_core::follow_up::{KeyValueStore, StoreError};
use wasm_bindgen::{JsCast, JsValue};

/// The browser's localStorage for this origin.
#[derive(Clone, Copy, Debug, Default)]
pub struct LocalStore;

fn storage() -> Result<web_sys::Storage, StoreError> {
    let window = web_sys::window().ok_or(StoreError::Unavailable)?;
    // Throws a SecurityError when storage is blocked, returns null when absent.
    window.local_storage().map_err(|_| StoreError::Unavailable)?.ok_or(StoreError::Unavailable)
}

/// Opens this origin's localStorage ahead of its first read: the first access loads it from
/// disk, milliseconds on a phone, which start-up spends in a task of its own (main.rs).
pub fn open() {
    let _ = storage();
}

fn store_error(error: JsValue) -> StoreError {
    let name = error.dyn_ref::<web_sys::DomException>().map(|exception| exception.name()).unwrap_or_default();
    match name.as_str() {
        // Chromium and Safari say QuotaExceededError; old Firefox said NS_ERROR_DOM_QUOTA_REACHED.
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StoreError::QuotaExceeded,
        "SecurityError" | "InvalidAccessError" => StoreError::Unavailable,
        "" => StoreError::Other(error.as_string().unwrap_or_else(|| "unknown storage error".to_owned())),
        other => StoreError::Other(other.to_owned()),
    }
}

impl KeyValueStore for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        storage()?.get_item(key).map_err(store_error)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        storage()?.set_item(key, value).map_err(store_error)
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        storage()?.remove_item(key).map_err(store_error)
    }
}

/// Asks the browser to keep this site's storage when space runs low, so a
/// visitor's list is not evicted. Resolves to whether it was granted; `None`
/// when the browser has no such API.
pub async fn request_persistent_storage() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    let promise = storage.persist().ok()?;
    wasm_bindgen_futures::JsFuture::from(promise).await.ok()?.as_bool()
}
