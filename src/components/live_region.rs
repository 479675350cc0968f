//! The screen-reader live region, and the status changes it reports from anywhere in the app.

use leptos::prelude::*;
use vitrina_core::follow_up::Persistence;

use crate::follow_up::FollowUp;
use crate::i18n::ui;
use crate::state::{Announcer, UiLang};

/// An invisible polite live region that speaks what the `Announcer` is given, plus the
/// list's storage failures and removals, which can happen on any page.
///
/// It has no `status` role on purpose: pages keep their own visible status lines, and
/// tests (and assistive technology) find those by role without this one in the way.
#[component]
pub fn LiveRegion() -> impl IntoView {
    let UiLang(lang) = expect_context::<UiLang>();
    let announcer = expect_context::<Announcer>();
    let follow_up = expect_context::<FollowUp>();
    // A save that stops reaching storage (full, blocked) is said where it happened.
    Effect::new(move |previous: Option<Option<String>>| {
        let error = match follow_up.persistence().get() {
            Persistence::MemoryOnly { error } => Some(error.message(lang.get_untracked())),
            _ => None,
        };
        if previous.is_some() && error.is_some() && previous.as_ref() != Some(&error) {
            announcer.announce(error.clone().unwrap_or_default());
        }
        error
    });
    // A removal is said with its name; the undo bar offers to put it back.
    Effect::new(move |_| {
        if let Some(removed) = follow_up.last_removed().get() {
            let ui = ui(lang.get_untracked());
            announcer.announce(format!("{} {}. {}", ui.removed, removed.entry.display_name(), ui.undo));
        }
    });
    view! {
        <div id="announcer" class="visually-hidden" aria-live="polite" aria-atomic="true">
            {move || announcer.message().get()}
        </div>
    }
}
