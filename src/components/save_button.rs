//! The one-tap "save to my follow-up" toggle, on cards, profiles, contacts and event lists.

use std::sync::Arc;

use leptos::prelude::*;

use crate::follow_up::FollowUp;
use crate::i18n::ui;
use crate::state::{Catalog, UiLang};

/// Saves a member (or one of its contacts) to the follow-up list, or removes it;
/// shows the saved state wherever the same member or contact appears.
///
/// A toggle button: its name stays "Guardar (…)" and `aria-pressed` tells whether the
/// entry is saved, so a screen reader hears one control whose state changes rather
/// than a control that renames itself.
///
/// `member` and `name` may change (a reused result row showing another member).
#[component]
pub fn SaveButton(
    catalog: Arc<Catalog>,
    #[prop(into)] member: Signal<String>,
    #[prop(default = None)] contact: Option<String>,
    /// Whose entry this is, for screen readers ("Guardar (Aceros del Norte)").
    #[prop(into)]
    name: Signal<String>,
) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let follow_up = expect_context::<FollowUp>();
    let saved = {
        let contact = contact.clone();
        // A memo: a save elsewhere in the list re-renders only the buttons whose state changed.
        Memo::new(move |_| member.with(|member| follow_up.is_saved(member, contact.as_deref())))
    };
    // The list says what happened (saved, or removed with the offer to undo).
    let toggle = move |_| {
        member.with_untracked(|member| {
            name.with_untracked(|name| follow_up.toggle(&catalog.directory, member, contact.as_deref(), name))
        })
    };
    let read_only = move || !follow_up.is_writable();
    view! {
        <button
            type="button"
            class="save-button"
            class:saved=move || saved.get()
            aria-pressed=move || saved.get().to_string()
            disabled=read_only
            aria-describedby=move || follow_up.read_only_reason()
            on:click=toggle
        >
            <span aria-hidden="true">{move || if saved.get() { "★ " } else { "☆ " }}</span>
            {move || ui(lang.get()).save}
            <span class="visually-hidden">{move || format!("({})", name.get())}</span>
        </button>
    }
}
