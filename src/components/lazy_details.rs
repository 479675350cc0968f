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
    let on_toggle = move |event: leptos::ev::Event| {
        let open = event_target::<web_sys::Element>(&event).has_attribute("open");
        // Built once and kept: closing and opening again shows the same content.
        if open && !opened.get_untracked() {
            opened.set(true);
        }
    };
    view! {
        <details class=class on:toggle=on_toggle>
            <summary>{move || summary.get()}</summary>
            {move || opened.get().then(|| children())}
        </details>
    }
}
