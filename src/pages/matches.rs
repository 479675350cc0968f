//! Matchmaking (issue 16): "Mi empresa", who may buy from the visitor and who can supply
//! them, the pairs for the staff, and preparing a fair. One chunk, `matches`.

use std::sync::Arc;

use leptos::prelude::*;

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
    /// "Mi empresa", from the matches chunk.
    pub fn my_company_page(catalog: Arc<Catalog>) -> Deferred {
        Box::new(move || { let _ = catalog; placeholder(|t| t.my_company_heading).into_any() })
    }
}

crate::split_point! {
    chunk = matches;
    /// The two lists of matches, from the matches chunk.
    pub fn matches_page(catalog: Arc<Catalog>) -> Deferred {
        Box::new(move || { let _ = catalog; placeholder(|t| t.matches_heading).into_any() })
    }
}

crate::split_point! {
    chunk = matches;
    /// Every need beside its suppliers, from the matches chunk.
    pub fn pairs_page(catalog: Arc<Catalog>) -> Deferred {
        Box::new(move || { let _ = catalog; placeholder(|t| t.pairs_heading).into_any() })
    }
}

crate::split_point! {
    chunk = matches;
    /// Preparing an event, from the matches chunk.
    pub fn prepare_fair_page(catalog: Arc<Catalog>, event: String) -> Deferred {
        Box::new(move || { let _ = (catalog, event); placeholder(|t| t.prepare_heading).into_any() })
    }
}
