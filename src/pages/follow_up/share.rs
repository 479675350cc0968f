//! Sharing the follow-up list: a shortlist link, and the whole list handed to another device.

use leptos::prelude::*;
use vitrina_core::follow_up::share::{handoff_fragments, shortlist_fragment};
use vitrina_core::follow_up::{EntryId, FollowUpList, HandoffError};
use vitrina_core::Lang;

use crate::adapters::{files, page};
use crate::components::lazy_details::LazyDetails;
use crate::components::on_demand::OnDemand;
use crate::components::qr_code::QrCode;
use crate::follow_up::FollowUp;
use crate::i18n::{handoff_qr_label, ui};
use crate::split::{ChunkUnavailable, Deferred};
use crate::state::UiLang;

/// Longest handoff link: short enough that its QR code (about version 22, 105 modules)
/// still scans from a phone screen held at arm's length.
const HANDOFF_PART_LENGTH: usize = 900;

/// The shortlist link and the whole-list handoff links.
#[component]
pub fn ShareList(shown_ids: Memo<Vec<EntryId>>) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let follow_up = expect_context::<FollowUp>();
    let with_notes = RwSignal::new(false);
    let copy_result = RwSignal::new(None::<(bool, String)>);
    let copy_shortlist = move |_| {
        let ids = shown_ids.get_untracked();
        let fragment =
            follow_up.list().with_untracked(|list| shortlist_fragment(&list.select(&ids), with_notes.get_untracked()));
        let link = format!("{}{fragment}", page::app_url());
        leptos::task::spawn_local(async move {
            let copied = files::copy_text(&link).await;
            copy_result.set(Some((copied, link)));
        });
    };
    // The compressor is a chunk of its own, fetched when the handoff is first unfolded.
    let handoff_links = move || {
        let list = follow_up.list().get();
        let lang = lang.get();
        let load = move || {
            let list = list.clone();
            async move {
                let parts = handoff_parts(list).await?.unwrap_or_default();
                Ok::<Deferred, ChunkUnavailable>(Box::new(move || handoff_links_view(parts, lang)))
            }
        };
        view! { <OnDemand load=load /> }
    };
    view! {
        <section class="share" aria-labelledby="share-heading">
            <h2 id="share-heading">{move || ui(lang.get()).share_heading}</h2>
            <label class="facet-option">
                <input type="checkbox" prop:checked=move || with_notes.get() on:change=move |_| with_notes.update(|on| *on = !*on) />
                <span>{move || ui(lang.get()).share_with_notes}</span>
            </label>
            <button type="button" class="button button-secondary" on:click=copy_shortlist>
                {move || ui(lang.get()).share_shortlist}
            </button>
            {move || copy_result.get().map(|(copied, link)| {
                let lang = lang.get();
                if copied {
                    view! { <p class="notice" role="status">{ui(lang).copied}</p> }.into_any()
                } else {
                    view! {
                        <p class="notice" role="status">
                            {ui(lang).copy_failed}
                            " "
                            <code class="shared-link">{link}</code>
                        </p>
                    }
                    .into_any()
                }
            })}
            <Show when=move || follow_up.list().with(|list| !list.is_empty())>
                <LazyDetails
                    class="handoff"
                    summary=Signal::derive(move || ui(lang.get()).handoff_show.to_owned())
                >
                    <p>{move || ui(lang.get()).handoff_link}</p>
                    <ol class="handoff-links">{handoff_links}</ol>
                </LazyDetails>
            </Show>
        </section>
    }
}

crate::split_point! {
    chunk = handoff_compression;
    /// The handoff links' fragments of `list`, compressed by the chunk that holds the compressor.
    fn handoff_parts(list: FollowUpList) -> Result<Vec<String>, HandoffError> {
        handoff_fragments(&list, HANDOFF_PART_LENGTH)
    }
}

/// One link and QR code per part of the handoff.
fn handoff_links_view(parts: Vec<String>, lang: Lang) -> AnyView {
    let base = page::app_url();
    let total = parts.len();
    parts
        .into_iter()
        .enumerate()
        .map(|(index, fragment)| {
            let href = format!("{base}{fragment}");
            let label = handoff_qr_label(index + 1, total, lang);
            view! {
                <li class="handoff-part">
                    <QrCode text=href.clone() label=label />
                    <a class="handoff-link" href=href.clone()>{format!("{} {}", index + 1, href)}</a>
                </li>
            }
        })
        .collect_view()
        .into_any()
}
