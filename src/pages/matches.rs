//! Matchmaking (issue 16): "Mi empresa", who may buy from the visitor and who can supply
//! them, the pairs for the staff, and preparing a fair. One chunk, `matches`.

use std::sync::Arc;

use leptos::prelude::*;
use vitrina_core::route::Page;

use crate::i18n::texts_table;
use crate::split::Deferred;
use crate::state::{Catalog, UiLang};

texts_table! {
    /// The texts of matchmaking, in their chunk.
    pub struct MatchTexts, fn texts;
    my_company_heading: "Mi empresa", "My company";
    matches_heading: "Pueden comprarte y pueden surtirte", "May buy from you and can supply you";
    pairs_heading: "Necesidades y proveedores", "Needs and suppliers";
    prepare_heading: "Preparar la feria", "Prepare the fair";
}

/// A view to come: its heading.
fn placeholder(heading: fn(&MatchTexts) -> &'static str) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    view! {
        <section class="matches-view">
            <h1>{move || heading(texts(lang.get()))}</h1>
        </section>
    }
}

crate::split_point! {
    chunk = matches, preload = preload_matches;
    /// One of the matchmaking views, from their chunk. One split point for all of them: each
    /// costs the landing module a stub and a future of its own.
    pub fn matches_view(catalog: Arc<Catalog>, page: Page) -> Deferred {
        Box::new(move || {
            let _ = catalog;
            match page {
                Page::Matches => placeholder(|t| t.matches_heading).into_any(),
                Page::Pairs => placeholder(|t| t.pairs_heading).into_any(),
                Page::PrepareFair(_event) => placeholder(|t| t.prepare_heading).into_any(),
                _ => placeholder(|t| t.my_company_heading).into_any(),
            }
        })
    }
}
