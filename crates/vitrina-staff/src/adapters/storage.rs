//! The one place the staff page touches localStorage: the column mapping it remembers.

const MAPPING_KEY: &str = "vitrina-staff-mapping";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The remembered mapping's text, if any (storage blocked reads as none).
pub fn load_mapping() -> Option<String> {
    local_storage()?.get_item(MAPPING_KEY).ok().flatten()
}

/// Remembers the mapping; false when storage is blocked or full (the page still works).
pub fn save_mapping(text: &str) -> bool {
    local_storage().is_some_and(|storage| storage.set_item(MAPPING_KEY, text).is_ok())
}
