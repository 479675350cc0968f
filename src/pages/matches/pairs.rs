//! `#/pairs`: every need beside the members that offer it, for the cluster's staff, with the
//! CSV to work through before a meeting.

use std::sync::Arc;

use leptos::prelude::*;
use vitrina_core::follow_up::{ExportFile, ExportFormat};
use vitrina_core::format::member_kind;
use vitrina_core::matchmaking::{has_valid_iatf_16949, pairs_csv, staff_pairs};
use vitrina_core::model::Directory;
use vitrina_core::{Lang, Route};

use super::texts;
use crate::adapters::files::{download, Delivery};
use crate::state::{Announcer, Catalog, Today, UiLang};

/// The CSV's file name, with the day it was made.
fn file_name(lang: Lang, today: vitrina_core::valid::IsoDate) -> String {
    format!("{}-{today}.csv", lang.pick("necesidades-y-proveedores", "needs-and-suppliers"))
}

/// The staff's list, grouped by need.
#[component]
pub(super) fn PairsPage(catalog: Arc<Catalog>) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let today = expect_context::<Today>();
    let announcer = expect_context::<Announcer>();
    let on_download = {
        let catalog = catalog.clone();
        move |_| {
            let (lang, today) = (lang.get_untracked(), today.get_untracked());
            let file = ExportFile {
                file_name: file_name(lang, today),
                mime_type: ExportFormat::Csv.mime_type(),
                content: pairs_csv(&catalog.directory, lang, today),
            };
            if download(&file) == Delivery::Unsupported {
                announcer.announce(texts(lang).download_failed.to_owned());
            }
        }
    };
    let list = move || {
        let lang = lang.get();
        let today = today.get();
        let t = texts(lang);
        let directory: &Directory = &catalog.directory;
        let needs = staff_pairs(directory, today);
        let fallback = directory.fallback_language();
        let member_item = |at: usize, supplier: bool| {
            directory.members.get(at).map(|member| {
                let href = Route::Member { id: member.id.to_string(), via_qr: false }.to_fragment();
                let kind = member.kind.map(|kind| member_kind(kind, lang));
                let iatf = supplier && has_valid_iatf_16949(directory, member, today);
                view! {
                    <li>
                        <a href=href>{member.name.clone()}</a>
                        {kind.map(|kind| view! { <span class="member-meta">{format!(" · {kind}")}</span> })}
                        {iatf.then(|| view! { <span class="iatf-mark">{t.valid_iatf}</span> })}
                    </li>
                }
            })
        };
        view! {
            {needs.is_empty().then(|| view! { <p class="empty-list">{t.pairs_none}</p> })}
            <ol class="pair-needs">
                {needs
                    .iter()
                    .map(|need| {
                        let label = need.capability.label.resolve(lang.tag(), fallback).to_owned();
                        let group = need
                            .capability
                            .group
                            .as_ref()
                            .and_then(|id| directory.capability_group(id.as_str()))
                            .map(|group| group.label.resolve(lang.tag(), fallback).to_owned());
                        let id = format!("need-{}", need.capability.id);
                        view! {
                            <li class="pair-need">
                                <h2 id=id>
                                    {label}
                                    {group.map(|group| view! { <span class="member-meta">{format!(" · {group}")}</span> })}
                                </h2>
                                <div class="pair-sides">
                                    <div>
                                        <h3>{t.need_it}</h3>
                                        <ul>{need.buyers.iter().filter_map(|&at| member_item(at, false)).collect_view()}</ul>
                                    </div>
                                    <div>
                                        <h3>{t.offer_it}</h3>
                                        <ul>{need.suppliers.iter().filter_map(|&at| member_item(at, true)).collect_view()}</ul>
                                    </div>
                                </div>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        }
    };
    view! {
        <section class="pairs-view" aria-labelledby="pairs-heading">
            <h1 id="pairs-heading">{move || texts(lang.get()).pairs_heading}</h1>
            <p>{move || texts(lang.get()).pairs_intro}</p>
            <p class="pairs-actions">
                <button type="button" class="button" on:click=on_download>
                    {move || texts(lang.get()).download_csv}
                </button>
            </p>
            {list}
        </section>
    }
}
