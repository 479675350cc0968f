//! The screen-reader live region.

use leptos::prelude::*;

use crate::state::Announcer;

/// An invisible polite live region that speaks what the `Announcer` is given: the intents
/// that change something say so through it (`FollowUp`'s saves, removals, undo and storage
/// failures, which can happen on any page), and lists their result counts.
///
/// It has no `status` role on purpose: pages keep their own visible status lines, and
/// tests (and assistive technology) find those by role without this one in the way.
#[component]
pub fn LiveRegion() -> impl IntoView {
    let announcer = expect_context::<Announcer>();
    view! {
        <div id="announcer" class="visually-hidden" aria-live="polite" aria-atomic="true">
            {move || announcer.message().get()}
        </div>
    }
}
