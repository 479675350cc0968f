//! "Newer directory data is available — Use the new data", never a silent swap.

use leptos::prelude::*;

use crate::i18n::ui;
use crate::state::{DataFreshness, DirectoryState, UiLang};

/// Offers the newer directory found in the background; the visitor decides when to switch.
#[component]
pub fn FreshDataNotice() -> impl IntoView {
    let UiLang(lang) = expect_context::<UiLang>();
    let freshness = expect_context::<DataFreshness>();
    let directory = expect_context::<DirectoryState>();
    move || {
        freshness.newer.with(Option::is_some).then(|| {
            let ui = ui(lang.get());
            view! {
                <div class="fresh-data" role="status">
                    <span>{ui.newer_data}</span>
                    <button type="button" class="button" on:click=move |_| freshness.use_newer(directory)>
                        {ui.use_newer_data}
                    </button>
                    <button type="button" class="link-button" on:click=move |_| freshness.newer.set(None)>
                        {ui.later}
                    </button>
                </div>
            }
        })
    }
}
