//! The screen shown when the directory file cannot be used at all.

use leptos::prelude::*;

use crate::adapters::directory_fetch::LoadFailure;
use crate::i18n::ui;
use crate::state::{DirectoryState, UiLang};

/// Says what was fetched, what went wrong and what to do, in the visitor's language.
#[component]
pub fn LoadErrorScreen(failure: LoadFailure) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let directory = expect_context::<DirectoryState>();
    let LoadFailure { url, error } = failure;
    let message = {
        let error = error.clone();
        move || error.message(lang.get())
    };
    let advice = {
        let error = error.clone();
        move || error.advice(lang.get())
    };
    view! {
        <section class="load-error" role="alert" aria-labelledby="load-error-title">
            <h1 id="load-error-title">{move || ui(lang.get()).error_title}</h1>
            <dl>
                <dt>{move || ui(lang.get()).error_fetched}</dt>
                <dd>
                    // A preview's file came from the staff page, not from an address.
                    <code class="fetched-url">
                        {move || if url.is_empty() { ui(lang.get()).preview_banner.to_owned() } else { url.clone() }}
                    </code>
                </dd>
                <dt>{move || ui(lang.get()).error_what}</dt>
                <dd class="error-message">{message}</dd>
                <dt>{move || ui(lang.get()).error_todo}</dt>
                <dd class="error-advice">{advice}</dd>
            </dl>
            <p>{move || ui(lang.get()).error_follow_up_kept}</p>
            <button type="button" class="button" on:click=move |_| directory.load()>
                {move || ui(lang.get()).retry}
            </button>
        </section>
    }
}
