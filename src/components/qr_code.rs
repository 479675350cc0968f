//! A QR code drawn as inline SVG from the core's `qr_path`.

use leptos::prelude::*;
use vitrina_core::qr::qr_path;

/// The QR code of `text`, described to screen readers by `label`; nothing when the text is too long.
#[component]
pub fn QrCode(text: String, label: String) -> impl IntoView {
    let qr = qr_path(&text)?;
    // Dark on white whatever the colour scheme: phone cameras read that best.
    Some(view! {
        <svg class="qr-code" viewBox=format!("0 0 {0} {0}", qr.size) role="img" aria-label=label>
            <rect width="100%" height="100%" fill="#ffffff"></rect>
            <path d=qr.path fill="#000000"></path>
        </svg>
    })
}
