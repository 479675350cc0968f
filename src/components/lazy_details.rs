//! A fold whose content is built the first time it is opened.

use leptos::prelude::*;

/// A `<details>` built on first open: what stays folded (QR codes, which take a phone a
/// noticeable moment to compute) costs nothing when the page loads.
#[component]
pub fn LazyDetails(
    /// The `<details>` element's class.
    class: &'static str,
    /// What the `<summary>` says.
    #[prop(into)]
    summary: Signal<String>,
    children: ChildrenFn,
) -> impl IntoView {
    let opened = RwSignal::new(false);
    let details = NodeRef::<leptos::html::Details>::new();
    let on_toggle = move |_| {
        let open = details.get_untracked().is_some_and(|details| details.open());
        // Built once and kept: closing and opening again shows the same content.
        if open && !opened.get_untracked() {
            opened.set(true);
        }
    };
    view! {
        <details class=class node_ref=details on:toggle=on_toggle>
            <summary>{move || summary.get()}</summary>
            {move || opened.get().then(|| children())}
        </details>
    }
}
