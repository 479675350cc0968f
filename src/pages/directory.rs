//! The member list, the first screen.

use std::sync::Arc;

use leptos::prelude::*;
use vitrina_core::Loaded;

use crate::components::member_card::MemberCard;
use crate::i18n::{n_members, showing_n_of, ui};
use crate::state::{ListLength, UiLang};

/// Rows rendered at first and added per "show more": enough to fill two phone
/// screens, few enough that 100,000 members never become 100,000 DOM nodes.
pub const LIST_PAGE_SIZE: usize = 40;

/// The list of members, rendered a page at a time.
#[component]
pub fn DirectoryPage(loaded: Arc<Loaded>) -> impl IntoView {
    let UiLang(lang) = expect_context::<UiLang>();
    let ListLength(shown) = expect_context::<ListLength>();
    let total = loaded.directory.members.len();
    let rows = move || {
        let lang = lang.get();
        (0..shown.get().min(total)).map(move |index| (index, lang))
    };
    let show_more = move |_| shown.update(|shown| *shown = (*shown + LIST_PAGE_SIZE).min(total));
    view! {
        <section class="directory" aria-labelledby="members-heading">
            <div class="list-heading">
                <h1 id="members-heading">{move || ui(lang.get()).members_heading}</h1>
                <p class="result-count">{move || n_members(total, lang.get())}</p>
            </div>
            <ol class="member-list">
                <For
                    each=rows
                    key=|row| *row
                    children=move |(index, lang)| view! { <MemberCard loaded=loaded.clone() index=index lang=lang /> }
                />
            </ol>
            <Show when=move || { shown.get() < total }>
                <div class="show-more">
                    <p>{move || showing_n_of(shown.get().min(total), total, lang.get())}</p>
                    <button type="button" class="button" on:click=show_more>
                        {move || ui(lang.get()).show_more}
                    </button>
                </div>
            </Show>
        </section>
    }
}
