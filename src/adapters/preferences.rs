//! The visitor's interface preferences, kept in localStorage.
//!
//! Storage may be missing, full or disabled (private mode): then the preference
//! simply lasts for this visit, which is the right failure for a preference.

use gloo_storage::{LocalStorage, Storage};
use vitrina_core::Lang;

const LANGUAGE_KEY: &str = "vitrina.language";

/// The language the visitor chose last time, if storage remembers one.
pub fn stored_language() -> Option<Lang> {
    let tag: String = LocalStorage::get(LANGUAGE_KEY).ok()?;
    Lang::from_tag(&tag)
}

/// Remembers the visitor's language choice; returns whether it was stored.
pub fn store_language(lang: Lang) -> bool {
    LocalStorage::set(LANGUAGE_KEY, lang.tag()).is_ok()
}
