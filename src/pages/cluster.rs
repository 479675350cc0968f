//! The cluster's views (issue 16): the hub that the navigation's "Clúster" opens, the
//! capability map, the opportunities, the investment view and the members behind their
//! numbers. One chunk, `cluster`: none of it is needed by the first screen.

use std::sync::Arc;

use leptos::prelude::*;
use vitrina_core::route::Page;

use crate::i18n::texts_table;
use crate::split::Deferred;
use crate::state::{Catalog, UiLang};

texts_table! {
    /// The texts of the cluster's views, in their chunk.
    pub struct ClusterTexts, fn texts;
    cluster_heading: "El clúster", "The cluster";
    cluster_intro:
        "Lo que el mapeo de capacidades del clúster dice: quién puede comprarle o surtirle, dónde faltan proveedores y cuánto planean invertir los miembros.",
        "What the cluster's capability mapping tells: who may buy from you or supply you, where suppliers are missing and how much members plan to invest.";
    my_company_link: "Mi empresa", "My company";
    matches_link: "Pueden comprarte y pueden surtirte", "May buy from you and can supply you";
    pairs_link: "Necesidades y proveedores, para el equipo del clúster", "Needs and suppliers, for the cluster's staff";
    map_heading: "Mapa de capacidades", "Capability map";
    opportunities_heading: "Oportunidades", "Opportunities";
    investment_heading: "Inversión planeada", "Planned investment";
    members_heading: "Miembros", "Members";
}

/// The hub: every view of the cluster, one tap away.
#[component]
pub fn ClusterPage(catalog: Arc<Catalog>) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let _ = catalog;
    let t = move || texts(lang.get());
    view! {
        <section class="cluster-page" aria-labelledby="cluster-heading">
            <h1 id="cluster-heading">{move || t().cluster_heading}</h1>
            <p>{move || t().cluster_intro}</p>
            <ul class="cluster-views">
                <li><a href="#/my-company">{move || t().my_company_link}</a></li>
                <li><a href="#/matches">{move || t().matches_link}</a></li>
                <li><a href="#/map">{move || t().map_heading}</a></li>
                <li><a href="#/opportunities">{move || t().opportunities_heading}</a></li>
                <li><a href="#/investment">{move || t().investment_heading}</a></li>
                <li><a href="#/pairs">{move || t().pairs_link}</a></li>
            </ul>
        </section>
    }
}

/// A view of the cluster to come: its heading.
fn placeholder(heading: fn(&ClusterTexts) -> &'static str) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    view! {
        <section class="cluster-view">
            <h1>{move || heading(texts(lang.get()))}</h1>
        </section>
    }
}

crate::split_point! {
    chunk = cluster, preload = preload_cluster;
    /// One of the cluster's views, from their chunk. One split point for all of them: each
    /// costs the landing module a stub and a future of its own.
    pub fn cluster_view(catalog: Arc<Catalog>, page: Page) -> Deferred {
        Box::new(move || match page {
            Page::CapabilityMap => placeholder(|t| t.map_heading).into_any(),
            Page::Opportunities => placeholder(|t| t.opportunities_heading).into_any(),
            Page::Investment => placeholder(|t| t.investment_heading).into_any(),
            Page::ClusterMembers(_selection) => placeholder(|t| t.members_heading).into_any(),
            _ => view! { <ClusterPage catalog=catalog /> }.into_any(),
        })
    }
}
