//! "Removed from your list — Undo", after an entry is removed.

use leptos::prelude::*;

use crate::follow_up::FollowUp;
use crate::i18n::ui;
use crate::state::UiLang;

/// A quiet bar that offers to put back the entry removed last, until the next removal or undo.
#[component]
pub fn UndoToast() -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let follow_up = expect_context::<FollowUp>();
    move || {
        let removed = follow_up.last_removed().get()?;
        let lang = lang.get();
        let name = removed.entry.display_name().to_owned();
        Some(view! {
            // A landmark, so its buttons are found; the removal itself is spoken by `FollowUp::remove`.
            <aside class="toast" aria-labelledby="undo-message">
                <span id="undo-message">{format!("{} {name}", ui(lang).removed)}</span>
                <button
                    type="button"
                    class="button"
                    on:click=move |_| follow_up.undo()
                >
                    {ui(lang).undo}
                </button>
                <button
                    type="button"
                    class="link-button"
                    aria-label=ui(lang).dismiss
                    on:click=move |_| follow_up.dismiss_undo()
                >
                    "×"
                </button>
            </aside>
        })
    }
}
