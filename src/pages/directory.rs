//! The member list, the first screen.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::member_search::MemberSearch;
use crate::i18n::ui;
use crate::state::{Catalog, UiLang};

/// The whole directory: search, facets and results.
///
/// `hidden` keeps the page alive but out of sight (and out of the accessibility tree)
/// while a profile opened from it is shown, so Back shows it again without rebuilding it.
#[component]
pub fn DirectoryPage(catalog: Arc<Catalog>, #[prop(optional, into)] hidden: Signal<bool>) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    view! {
        <section class="directory" aria-labelledby="members-heading" hidden=move || hidden.get()>
            <h1 id="members-heading">{move || ui(lang.get()).members_heading}</h1>
            <MemberSearch catalog=catalog />
        </section>
    }
}
