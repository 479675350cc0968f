//! A member's printable stand card, at `#/member/<id>/card`: name, pitch and the QR code
//! of its profile, sized by the print stylesheet for A6 or half letter.

use std::sync::Arc;

use leptos::prelude::*;
use vitrina_core::route::member_qr_fragment;
use vitrina_core::Route;

use crate::adapters::page;
use crate::components::qr_code::QrCode;
use crate::i18n::ui;
use crate::split::Deferred;
use crate::state::{Catalog, UiLang};

/// The absolute link a member's QR code holds: the app as hosted plus `#/member/<id>?via=qr`.
pub fn member_qr_link(member_id: &str) -> String {
    format!("{}{}", page::app_url(), member_qr_fragment(member_id))
}

/// The stand card of one member, with a button to print it.
#[component]
pub fn StandCardPage(catalog: Arc<Catalog>, id: String) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    move || {
        let lang = lang.get();
        let ui = ui(lang);
        let directory = &catalog.directory;
        let Some(member) = directory.member(&id) else {
            return view! {
                <section class="not-found">
                    <h1>{ui.not_found_title}</h1>
                    <p>{ui.member_not_found}</p>
                    <p>
                        <a href="#/">{ui.back_to_directory}</a>
                    </p>
                </section>
            }
            .into_any();
        };
        let link = member_qr_link(member.id.as_str());
        let pitch =
            member.pitch.as_ref().map(|pitch| pitch.resolve(lang.tag(), directory.fallback_language()).to_owned());
        let profile = Route::Member { id: member.id.to_string(), via_qr: false }.to_fragment();
        view! {
            <section class="stand-card-page">
                <p class="breadcrumb">
                    <a href=profile>{ui.back_to_profile}</a>
                </p>
                <article class="stand-card" aria-labelledby="stand-card-name">
                    <p class="stand-card-cluster">{directory.cluster.display_name().to_owned()}</p>
                    <h1 id="stand-card-name">{member.name.clone()}</h1>
                    {pitch.map(|pitch| view! { <p class="stand-card-pitch">{pitch}</p> })}
                    <QrCode text=link.clone() label=format!("{} ({})", ui.qr_label, member.name) />
                    <p class="stand-card-scan">{ui.stand_card_scan}</p>
                    <p class="stand-card-url">{link}</p>
                </article>
                <p class="stand-card-actions">
                    <button type="button" class="button" on:click=move |_| page::print()>
                        {ui.print}
                    </button>
                </p>
            </section>
        }
        .into_any()
    }
}

crate::split_point! {
    chunk = member;
    /// The stand card, from the profile's chunk: opened from the profile, printed once per fair.
    pub fn stand_card_page(catalog: Arc<Catalog>, id: String) -> Deferred {
        Box::new(move || view! { <StandCardPage catalog=catalog id=id /> }.into_any())
    }
}
