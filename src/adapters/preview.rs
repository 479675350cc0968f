//! The preview of a directory staff have not published (issue 14): the staff page opens the
//! app with `?preview` and hands it the file over `postMessage`; the file never goes through
//! the network, the service worker's copy, or storage.
//!
//! `boot.js` runs the handshake while the wasm downloads (and so the wasm carries none of it):
//! it leaves `vitrinaPreview`, a function that asks the staff page, and `vitrinaPreviewAnswer`,
//! the answer to its first ask: the directory's bytes, or why there are none.

use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why a preview has no directory to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PreviewError {
    /// Occurs when the page was not opened by the staff page (a bookmark, a copied link).
    NoOpener,
    /// Occurs when the opener did not send a directory in time (closed, reloaded, or not
    /// the staff page).
    NoAnswer,
}

/// Whether the app was opened as a preview (`?preview`; `boot.js` decides).
pub fn requested() -> bool {
    Reflect::has(&js_sys::global(), &"vitrinaPreview".into()).unwrap_or(false)
}

/// The directory's bytes from the staff page: the answer `boot.js` got, taken once, else
/// (a retry) a new ask.
pub async fn receive_directory() -> Result<Vec<u8>, PreviewError> {
    let global = js_sys::global();
    let first = Reflect::get(&global, &"vitrinaPreviewAnswer".into()).ok().filter(JsValue::is_object);
    let _ = Reflect::delete_property(global.unchecked_ref::<js_sys::Object>(), &"vitrinaPreviewAnswer".into());
    let answer = match first {
        Some(answer) => answer,
        None => Reflect::get(&global, &"vitrinaPreview".into())
            .ok()
            .and_then(|ask| ask.dyn_into::<js_sys::Function>().ok())
            .and_then(|ask| ask.call0(&JsValue::UNDEFINED).ok())
            .ok_or(PreviewError::NoOpener)?,
    };
    let answer = answer.dyn_into::<js_sys::Promise>().map_err(|_| PreviewError::NoAnswer)?;
    match JsFuture::from(answer).await {
        Ok(bytes) if bytes.is_instance_of::<js_sys::ArrayBuffer>() => Ok(js_sys::Uint8Array::new(&bytes).to_vec()),
        Ok(reason) if reason.as_string().as_deref() == Some("no-opener") => Err(PreviewError::NoOpener),
        _ => Err(PreviewError::NoAnswer),
    }
}
