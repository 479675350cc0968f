//! Getting files out of the app and into it: download, the phone's share
//! sheet, the clipboard, and reading a picked file.

use js_sys::{Array, Uint8Array};
use vitrina_core::follow_up::ExportFile;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, File, FilePropertyBag, HtmlAnchorElement, ShareData};

/// How handing a file over ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delivery {
    /// The browser took the file (download started, or shared).
    Delivered,
    /// The visitor closed the share sheet; nothing to report.
    Cancelled,
    /// Not possible here; the caller offers the next way.
    Unsupported,
}

fn blob_parts(content: &[u8]) -> Array {
    Array::of1(&Uint8Array::from(content).into())
}

/// Starts a download of `file`.
pub fn download(file: &ExportFile) -> Delivery {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return Delivery::Unsupported;
    };
    let options = BlobPropertyBag::new();
    options.set_type(file.mime_type);
    let Ok(blob) = Blob::new_with_u8_array_sequence_and_options(&blob_parts(file.content.as_bytes()), &options) else {
        return Delivery::Unsupported;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return Delivery::Unsupported;
    };
    let anchor: Option<HtmlAnchorElement> =
        document.create_element("a").ok().and_then(|element| element.dyn_into().ok());
    let delivered = match anchor {
        Some(anchor) => {
            anchor.set_href(&url);
            anchor.set_download(&file.file_name);
            anchor.set_rel("noopener");
            anchor.click();
            Delivery::Delivered
        }
        None => Delivery::Unsupported,
    };
    // Revoking at once can cancel the download in some browsers; let the click finish first.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    }
    delivered
}

/// Offers `file` to the phone's share sheet (mail, messengers, Files), which
/// works where plain downloads often do not (iPhone, installed web apps).
pub async fn share_file(file: &ExportFile, title: &str) -> Delivery {
    let Some(navigator) = web_sys::window().map(|window| window.navigator()) else {
        return Delivery::Unsupported;
    };
    let options = FilePropertyBag::new();
    options.set_type(file.mime_type);
    let Ok(shared) =
        File::new_with_u8_array_sequence_and_options(&blob_parts(file.content.as_bytes()), &file.file_name, &options)
    else {
        return Delivery::Unsupported;
    };
    let data = ShareData::new();
    data.set_files(&Array::of1(&shared));
    data.set_title(title);
    // canShare is missing on desktop Firefox and old browsers: no share sheet there.
    let can_share = js_sys::Reflect::get(&navigator, &JsValue::from_str("canShare"))
        .ok()
        .filter(|value| value.is_function())
        .is_some_and(|_| navigator.can_share_with_data(&data));
    if !can_share {
        return Delivery::Unsupported;
    }
    match JsFuture::from(navigator.share_with_data(&data)).await {
        Ok(_) => Delivery::Delivered,
        Err(error) => {
            let name = error.dyn_ref::<web_sys::DomException>().map(|exception| exception.name()).unwrap_or_default();
            if name == "AbortError" {
                Delivery::Cancelled
            } else {
                Delivery::Unsupported
            }
        }
    }
}

/// Whether this browser offers a share sheet for files at all (to show the button).
pub fn can_share_files() -> bool {
    web_sys::window()
        .map(|window| window.navigator())
        .and_then(|navigator| js_sys::Reflect::get(&navigator, &JsValue::from_str("canShare")).ok())
        .is_some_and(|value| value.is_function())
}

/// Copies `text` to the clipboard; false when the browser refuses.
pub async fn copy_text(text: &str) -> bool {
    let Some(clipboard) = web_sys::window().map(|window| window.navigator().clipboard()) else {
        return false;
    };
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

/// The file picked in the file input a `change` event comes from, taking it out of the
/// input (so picking the same file again fires another `change`); `None` when none was picked.
pub fn take_picked_file(event: &web_sys::Event) -> Option<File> {
    let input = event.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let file = input.files().and_then(|files| files.get(0))?;
    input.set_value("");
    Some(file)
}

/// Reads a file the visitor picked.
pub async fn read_file(file: &File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|error| format!("{error:?}"))?;
    Ok(Uint8Array::new(&buffer).to_vec())
}
