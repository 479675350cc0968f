//! A QR code drawn as inline SVG from the core's `qr_path`; the encoder is a chunk of its own.

use leptos::prelude::*;
use vitrina_core::qr::qr_path;

use crate::components::on_demand::OnDemand;
use crate::split::Deferred;

/// The QR code of `text`, described to screen readers by `label`; nothing when the text is too long.
/// The encoder is downloaded the first time a QR code is shown (stand cards, folded profiles, handoffs).
#[component]
pub fn QrCode(text: String, label: String) -> impl IntoView {
    view! { <OnDemand load=move || qr_code_svg(text.clone(), label.clone()) /> }
}

crate::split_point! {
    chunk = qr;
    /// The SVG of a QR code, from the chunk that holds the encoder.
    fn qr_code_svg(text: String, label: String) -> Deferred {
        Box::new(move || qr_svg(&text, label))
    }
}

fn qr_svg(text: &str, label: String) -> AnyView {
    let Some(qr) = qr_path(text) else { return ().into_any() };
    // Dark on white whatever the colour scheme: phone cameras read that best.
    view! {
        <svg class="qr-code" viewBox=format!("0 0 {0} {0}", qr.size) role="img" aria-label=label>
            <rect width="100%" height="100%" fill="#ffffff"></rect>
            <path d=qr.path fill="#000000"></path>
        </svg>
    }
    .into_any()
}
