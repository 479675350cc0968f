//! Files in (picked or dropped) and files out (downloads).

use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, File, FileList, HtmlAnchorElement};

/// A file a staff member gave the page.
#[derive(Clone, Debug, PartialEq)]
pub struct PickedFile {
    /// Its name, as the file system has it.
    pub name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// The files of a picker's or a drop's list, read into memory; a file that cannot be read is
/// left out (the browser took it away between the pick and the read).
pub async fn read_all(list: &FileList) -> Vec<PickedFile> {
    let files: Vec<File> = (0..list.length()).filter_map(|index| list.get(index)).collect();
    let mut picked = Vec::with_capacity(files.len());
    for file in files {
        if let Ok(buffer) = JsFuture::from(file.array_buffer()).await {
            picked.push(PickedFile { name: file.name(), bytes: Uint8Array::new(&buffer).to_vec() });
        }
    }
    picked
}

/// The files of a picker input's `change` event.
pub fn input_files(event: &web_sys::Event) -> Option<FileList> {
    event.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?.files()
}

/// The files of a drop event.
pub fn dropped_files(event: &web_sys::DragEvent) -> Option<FileList> {
    event.data_transfer()?.files()
}

/// Clears a picker input, so picking the same file again reads it again.
pub fn clear_input(event: &web_sys::Event) {
    if let Some(input) = event.target().and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok()) {
        input.set_value("");
    }
}

/// Starts a download of `content` as `file_name`; false when the browser refused.
pub fn download(file_name: &str, mime_type: &str, content: &[u8]) -> bool {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return false;
    };
    let options = BlobPropertyBag::new();
    options.set_type(mime_type);
    let parts = Array::of1(&Uint8Array::from(content).into());
    let Ok(blob) = Blob::new_with_u8_array_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let Some(anchor) =
        document.create_element("a").ok().and_then(|element| element.dyn_into::<HtmlAnchorElement>().ok())
    else {
        return false;
    };
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_rel("noopener");
    anchor.click();
    // Revoking at once can cancel the download in some browsers; let the click finish first.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    }
    true
}
