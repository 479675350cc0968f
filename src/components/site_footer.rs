//! The footer: when the data was updated and downloaded, and the way to the data problems for staff.

use leptos::prelude::*;
use vitrina_core::format::long_date;

use crate::components::connection_status::downloaded_when;
use crate::i18n::{n_problems, ui};
use crate::state::{DirectoryState, Today, UiLang};

/// The bottom bar on every page.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let directory = expect_context::<DirectoryState>();
    let updated = move || {
        let loaded = directory.loaded()?;
        let date = loaded.directory.cluster.updated?;
        let lang = lang.get();
        Some(view! { <p class="updated">{format!("{} {}", ui(lang).updated_on, long_date(date, lang))}</p> })
    };
    let freshness = directory.freshness();
    let today = use_context::<Today>();
    // Only with a directory on screen: the time belongs to that copy.
    let downloaded = move || {
        directory.loaded()?;
        let when = downloaded_when(freshness, lang, today?.get())?;
        Some(view! { <p class="downloaded">{when}</p> })
    };
    let problems_link = move || {
        let loaded = directory.loaded()?;
        let count = loaded.problems.len();
        Some(view! {
            <p>
                <a class="problems-link" href="#/problems">
                    {move || n_problems(count, lang.get())}
                </a>
            </p>
        })
    };
    view! {
        <footer class="site-footer">
            {updated}
            {downloaded}
            {problems_link}
            <p class="made-with">{move || ui(lang.get()).made_with}</p>
        </footer>
    }
}
