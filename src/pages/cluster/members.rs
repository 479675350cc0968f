//! `#/cluster/members?…`: the members behind a number of the investment view, with the
//! selection said in words and a way back.

use std::sync::Arc;

use leptos::prelude::*;
use vitrina_core::format::member_kind;
use vitrina_core::investment::Bucket;
use vitrina_core::member_selection::{GroupFilter, InvestmentFilter, KindFilter, MemberSelection};
use vitrina_core::model::Directory;
use vitrina_core::{Lang, Route};

use super::{n_members, texts};
use crate::components::member_card::MemberCard;
use crate::state::{Catalog, UiLang};

/// The selection in words: "Tier 1 · Estampado y formado · más de 15 MDD".
pub fn describe(selection: &MemberSelection, directory: &Directory, lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(kind) = selection.kind {
        parts.push(match kind {
            KindFilter::Kind(kind) => member_kind(kind, lang).to_owned(),
            KindFilter::NotGiven => texts(lang).no_kind.to_owned(),
        });
    }
    if let Some(group) = &selection.group {
        let name = match group {
            GroupFilter::Group(id) => directory
                .capability_group(id.as_str())
                .map(|g| g.label.resolve(lang.tag(), directory.fallback_language()).to_owned())
                .unwrap_or_else(|| id.to_string()),
            GroupFilter::Other => lang.pick("Otras capacidades", "Other capabilities").to_owned(),
        };
        parts.push(name);
    }
    if let Some(investment) = selection.investment {
        parts.push(match investment {
            InvestmentFilter::Bucket(Bucket::NotGiven) => {
                lang.pick("sin inversión planeada en el archivo", "no planned investment in the file").to_owned()
            }
            InvestmentFilter::Bucket(bucket) => {
                format!("{}: {}", lang.pick("inversión planeada", "planned investment"), bucket.label(lang))
            }
            InvestmentFilter::Above15 => lang.pick("más de 15 MDD", "more than 15 MDD").to_owned(),
            InvestmentFilter::Given => lang.pick("con cifra de inversión", "with an investment figure").to_owned(),
        });
    }
    if parts.is_empty() {
        texts(lang).all_members.to_owned()
    } else {
        parts.join(" · ")
    }
}

/// The members a selection picks, as member cards.
#[component]
pub fn ClusterMembersPage(catalog: Arc<Catalog>, selection: String) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let selection = MemberSelection::parse(&selection);
    let members = selection.members(&catalog.directory);
    let heading = {
        let catalog = catalog.clone();
        let selection = selection.clone();
        move || describe(&selection, &catalog.directory, lang.get())
    };
    let n_found = members.len();
    let cards = members
        .into_iter()
        .map(|index| view! { <MemberCard loaded=catalog.clone() index=index lang=lang /> })
        .collect_view();
    view! {
        <section class="cluster-view cluster-members" aria-labelledby="cluster-members-heading">
            <p class="back-link">
                <a href=Route::Investment.to_fragment()>{move || texts(lang.get()).back_to_investment}</a>
            </p>
            <h1 id="cluster-members-heading">{heading}</h1>
            <p class="result-count" role="status">{move || n_members(n_found, lang.get())}</p>
            {(n_found == 0).then(|| view! { <p>{move || texts(lang.get()).no_members_selected}</p> })}
            <ol class="member-list">{cards}</ol>
        </section>
    }
}
