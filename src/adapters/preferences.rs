//! The visitor's interface preferences, kept in localStorage.
//!
//! Storage may be missing, full or disabled (private mode): then the preference
//! simply lasts for this visit, which is the right failure for a preference.
//! Reads go through [`LocalStore`], which turns a blocked storage into an error
//! value (gloo-storage's `LocalStorage` throws instead, which stopped the app from
//! starting at all when storage was blocked).

use vitrina_core::follow_up::KeyValueStore;
use vitrina_core::Lang;

use super::local_store::LocalStore;

const LANGUAGE_KEY: &str = "vitrina.language";

/// The language the visitor chose last time, if storage remembers one.
pub fn stored_language() -> Option<Lang> {
    // Stored as a JSON string (`"en"`), as gloo-storage wrote it.
    let raw = LocalStore.get(LANGUAGE_KEY).ok()??;
    let tag: String = serde_json::from_str(&raw).ok()?;
    Lang::from_tag(&tag)
}

/// Remembers the visitor's language choice; returns whether it was stored.
pub fn store_language(lang: Lang) -> bool {
    let Ok(value) = serde_json::to_string(lang.tag()) else { return false };
    LocalStore.set(LANGUAGE_KEY, &value).is_ok()
}
