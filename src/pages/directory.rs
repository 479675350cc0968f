//! The member list, the first screen.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::member_search::MemberSearch;
use crate::i18n::ui;
use crate::state::{Catalog, UiLang};

/// The whole directory: search, facets and results.
#[component]
pub fn DirectoryPage(catalog: Arc<Catalog>) -> impl IntoView {
    let UiLang(lang) = expect_context::<UiLang>();
    view! {
        <section class="directory" aria-labelledby="members-heading">
            <h1 id="members-heading">{move || ui(lang.get()).members_heading}</h1>
            <MemberSearch catalog=catalog />
        </section>
    }
}
