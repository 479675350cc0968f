//! "Removed from your list — Undo", after an entry is removed.

use leptos::prelude::*;

use crate::follow_up::FollowUp;
use crate::i18n::ui;
use crate::state::UiLang;

/// A quiet bar that offers to put back the entry removed last, until the next removal or undo.
#[component]
pub fn UndoToast() -> impl IntoView {
    let UiLang(lang) = expect_context::<UiLang>();
    let follow_up = expect_context::<FollowUp>();
    move || {
        let removed = follow_up.last_removed().get()?;
        let lang = lang.get();
        Some(view! {
            <div class="toast" role="status">
                <span>{format!("{} {}", ui(lang).removed, removed.entry.display_name())}</span>
                <button type="button" class="button" on:click=move |_| follow_up.undo()>
                    {ui(lang).undo}
                </button>
                <button
                    type="button"
                    class="link-button"
                    aria-label=ui(lang).dismiss
                    on:click=move |_| follow_up.last_removed().set(None)
                >
                    "×"
                </button>
            </div>
        })
    }
}
