//! What an unknown fragment shows.

use leptos::prelude::*;

use crate::i18n::ui;
use crate::state::UiLang;

/// A quiet "not found" with the way back.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    view! {
        <section class="not-found">
            <h1>{move || ui(lang.get()).not_found_title}</h1>
            <p>{move || ui(lang.get()).not_found_body}</p>
            <p>
                <a href="#/">{move || ui(lang.get()).back_to_directory}</a>
            </p>
        </section>
    }
}
