//! "Newer directory data is available — Use the new data", never a silent swap.

use leptos::prelude::*;

use crate::i18n::ui;
use crate::state::{DirectoryState, UiLang};

/// Offers the newer directory found in the background; the visitor decides when to switch.
#[component]
pub fn FreshDataNotice() -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let directory = expect_context::<DirectoryState>();
    let freshness = directory.freshness();
    move || {
        freshness.has_newer().then(|| {
            let ui = ui(lang.get());
            view! {
                <div class="fresh-data" role="status">
                    <span>{ui.newer_data}</span>
                    <button type="button" class="button" on:click=move |_| directory.use_newer()>
                        {ui.use_newer_data}
                    </button>
                    <button type="button" class="link-button" on:click=move |_| directory.dismiss_newer()>
                        {ui.later}
                    </button>
                </div>
            }
        })
    }
}
