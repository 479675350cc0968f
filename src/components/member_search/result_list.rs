//! The results of the member list, a page at a time.

use std::sync::Arc;

use leptos::prelude::*;

use super::{SharedResults, LIST_PAGE_SIZE};
use crate::components::member_card::MemberCard;
use crate::i18n::{showing_n_of, ui};
use crate::state::{Catalog, UiLang};

/// The results, a page at a time.
///
/// Rows are keyed by position, not by member: a new query shows its results in the rows
/// already there (each card updates its text in place), and only the difference in length
/// adds or removes rows. Keyed by member, most keystrokes tore down and rebuilt every card.
#[component]
pub(super) fn ResultList(
    catalog: Arc<Catalog>,
    results: Memo<SharedResults>,
    event: Option<String>,
    rows_ready: RwSignal<usize>,
    /// How many rows this list shows (its own: see `MemberSearch`).
    shown: RwSignal<usize>,
) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let total = Memo::new(move |_| results.with(|results| results.0.members.len()));
    let n_rows = Memo::new(move |_| shown.get().min(total.get()).min(rows_ready.get()));
    let show_more = move |_| shown.update(|shown| *shown += LIST_PAGE_SIZE);
    let event = StoredValue::new(event);
    view! {
        <div class="results">
            <Show when=move || { total.get() == 0 }>
                <div class="no-results">
                    <p>{move || ui(lang.get()).no_results}</p>
                    <p class="hint">{move || ui(lang.get()).no_results_hint}</p>
                </div>
            </Show>
            <ol class="member-list">
                <For
                    each=move || 0..n_rows.get()
                    key=|position| *position
                    children=move |position| {
                        let index = Memo::new(move |_| {
                            results.with(|results| results.0.members.get(position).map_or(usize::MAX, |index| *index as usize))
                        });
                        let stand = {
                            let catalog = catalog.clone();
                            Signal::derive(move || event.with_value(|event| stand_at(&catalog, index.get(), event.as_deref())))
                        };
                        view! { <MemberCard loaded=catalog.clone() index=index lang=lang stand=stand /> }
                    }
                />
            </ol>
            <Show when=move || { shown.get() < total.get() }>
                <div class="show-more">
                    <p>{move || showing_n_of(shown.get().min(total.get()), total.get(), lang.get())}</p>
                    <button type="button" class="button" on:click=show_more>
                        {move || ui(lang.get()).show_more}
                    </button>
                </div>
            </Show>
        </div>
    }
}

fn stand_at(catalog: &Catalog, index: usize, event: Option<&str>) -> Option<String> {
    catalog.directory.members.get(index)?.stand_at(event?).map(str::to_owned)
}
