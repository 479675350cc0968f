//! The one-tap "save to my follow-up" toggle, on cards, profiles, contacts and event lists.

use std::sync::Arc;

use leptos::prelude::*;

use crate::follow_up::FollowUp;
use crate::i18n::ui;
use crate::state::{Announcer, Catalog, UiLang};

/// Saves a member (or one of its contacts) to the follow-up list, or removes it;
/// shows the saved state wherever the same member or contact appears.
///
/// A toggle button: its name stays "Guardar (…)" and `aria-pressed` tells whether the
/// entry is saved, so a screen reader hears one control whose state changes rather
/// than a control that renames itself.
#[component]
pub fn SaveButton(
    catalog: Arc<Catalog>,
    member: String,
    #[prop(default = None)] contact: Option<String>,
    /// Whose entry this is, for screen readers ("Guardar (Aceros del Norte)").
    name: String,
) -> impl IntoView {
    let UiLang(lang) = expect_context::<UiLang>();
    let follow_up = expect_context::<FollowUp>();
    let announcer = expect_context::<Announcer>();
    let saved = {
        let (member, contact) = (member.clone(), contact.clone());
        Signal::derive(move || follow_up.is_saved(&member, contact.as_deref()))
    };
    let whose = format!("({name})");
    let toggle = move |_| {
        follow_up.toggle(&catalog.directory, &member, contact.as_deref());
        // Removals are spoken by the live region itself, with the offer to undo.
        if saved.get_untracked() {
            announcer.announce(format!("{} {name}", ui(lang.get_untracked()).announce_saved));
        }
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
            <span class="visually-hidden">{whose}</span>
        </button>
    }
}
