//! The es/en switch in the header.

use leptos::prelude::*;
use vitrina_core::Lang;

use crate::i18n::{language_name, ui};
use crate::state::UiLang;

/// Two toggle buttons, one per language, each labelled in its own language.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let ui_lang = expect_context::<UiLang>();
    let lang = ui_lang.signal();
    let choose = move |choice: Lang| ui_lang.choose(choice);
    view! {
        <div class="language-switch" role="group" aria-label=move || ui(lang.get()).language>
            {Lang::ALL
                .into_iter()
                .map(|choice| {
                    view! {
                        <button
                            type="button"
                            lang=choice.tag()
                            aria-pressed=move || (lang.get() == choice).to_string()
                            on:click=move |_| choose(choice)
                        >
                            <span aria-hidden="true">{choice.tag().to_uppercase()}</span>
                            <span class="visually-hidden">{language_name(choice)}</span>
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
