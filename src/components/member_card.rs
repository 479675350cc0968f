//! One row of the member list.

use std::sync::Arc;

use leptos::prelude::*;
use vitrina_core::format::member_kind;
use vitrina_core::{Lang, Route};

use crate::components::save_button::SaveButton;
use crate::i18n::ui;
use crate::state::Catalog;

/// How many capability chips a card shows before "+N more".
const CHIPS_ON_CARD: usize = 5;

/// Name, kind, city, pitch and first capabilities of one member, linking to its profile;
/// with the member's stand when the list is an event's.
#[component]
pub fn MemberCard(
    loaded: Arc<Catalog>,
    index: usize,
    lang: Lang,
    #[prop(default = None)] stand: Option<String>,
) -> impl IntoView {
    let directory = &loaded.directory;
    let Some(member) = directory.members.get(index) else {
        return ().into_any();
    };
    let fallback = directory.fallback_language();
    let href = Route::Member { id: member.id.as_str().to_owned(), via_qr: false }.to_fragment();
    let place = member.location.as_ref().map(|location| {
        [location.city.as_deref(), location.state.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(", ")
    });
    let meta: Vec<String> =
        [member.kind.map(|kind| member_kind(kind, lang).to_owned()), place.filter(|place| !place.is_empty())]
            .into_iter()
            .flatten()
            .collect();
    let pitch = member.pitch.as_ref().map(|pitch| pitch.resolve(lang.tag(), fallback).to_owned());
    let chips: Vec<String> = member
        .capabilities
        .iter()
        .take(CHIPS_ON_CARD)
        .filter_map(|id| directory.capability(id.as_str()))
        .map(|capability| capability.label.resolve(lang.tag(), fallback).to_owned())
        .collect();
    let hidden_chips = member.capabilities.len().saturating_sub(CHIPS_ON_CARD);
    let save =
        view! { <SaveButton catalog=loaded.clone() member=member.id.as_str().to_owned() name=member.name.clone() /> };
    view! {
        <li class="member-card">
            <div class="card-heading">
                <h2 class="member-name">
                    <a href=href>{member.name.clone()}</a>
                </h2>
                {save}
            </div>
            {(!meta.is_empty()).then(|| view! { <p class="member-meta">{meta.join(" · ")}</p> })}
            {stand.map(|stand| view! { <p class="member-stand">{format!("{} {stand}", ui(lang).stand_label)}</p> })}
            {pitch.map(|pitch| view! { <p class="member-pitch">{pitch}</p> })}
            {(!chips.is_empty())
                .then(|| {
                    view! {
                        <ul class="chips">
                            {chips.into_iter().map(|chip| view! { <li class="chip">{chip}</li> }).collect_view()}
                            {(hidden_chips > 0)
                                .then(|| {
                                    view! {
                                        <li class="chip chip-more">
                                            {format!("+{hidden_chips} {}", ui(lang).other_capabilities)}
                                        </li>
                                    }
                                })}
                        </ul>
                    }
                })}
        </li>
    }
    .into_any()
}
