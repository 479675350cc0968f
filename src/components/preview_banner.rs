//! The band that says the directory shown is a preview, not the published one.

use leptos::prelude::*;

use crate::i18n::ui;
use crate::state::UiLang;

/// "Vista previa — no publicada", on every page of a preview, above everything else.
#[component]
pub fn PreviewBanner() -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    view! {
        <aside class="preview-banner" aria-labelledby="preview-banner-title">
            <strong id="preview-banner-title">{move || ui(lang.get()).preview_banner}</strong>
            " "
            <span>{move || ui(lang.get()).preview_banner_detail}</span>
        </aside>
    }
}
