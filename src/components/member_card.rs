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

/// What one card shows, in one language: computed once per member shown, compared so
/// that only the parts that differ touch the DOM when a row shows another member.
#[derive(Clone, Debug, Default, PartialEq)]
struct CardText {
    id: String,
    href: String,
    name: String,
    meta: String,
    stand: Option<String>,
    pitch: Option<String>,
    chips: Vec<String>,
    more_chips: Option<String>,
}

impl CardText {
    fn of(catalog: &Catalog, index: usize, lang: Lang, stand: Option<String>) -> CardText {
        let directory = &catalog.directory;
        let Some(member) = directory.members.get(index) else {
            return CardText::default();
        };
        let fallback = directory.fallback_language();
        let place = member.location.as_ref().map(|location| {
            [location.city.as_deref(), location.state.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(", ")
        });
        let meta: Vec<String> =
            [member.kind.map(|kind| member_kind(kind, lang).to_owned()), place.filter(|place| !place.is_empty())]
                .into_iter()
                .flatten()
                .collect();
        let hidden_chips = member.capabilities.len().saturating_sub(CHIPS_ON_CARD);
        CardText {
            id: member.id.as_str().to_owned(),
            href: Route::Member { id: member.id.as_str().to_owned(), via_qr: false }.to_fragment(),
            name: member.name.clone(),
            meta: meta.join(" · "),
            stand: stand.map(|stand| format!("{} {stand}", ui(lang).stand_label)),
            pitch: member.pitch.as_ref().map(|pitch| pitch.resolve(lang.tag(), fallback).to_owned()),
            chips: member
                .capabilities
                .iter()
                .take(CHIPS_ON_CARD)
                .filter_map(|id| directory.capability(id.as_str()))
                .map(|capability| capability.label.resolve(lang.tag(), fallback).to_owned())
                .collect(),
            more_chips: (hidden_chips > 0).then(|| format!("+{hidden_chips} {}", ui(lang).other_capabilities)),
        }
    }
}

/// Name, kind, city, pitch and first capabilities of one member, linking to its profile;
/// with the member's stand when the list is an event's.
///
/// `index` may change: a result list reuses its rows for the next results, and the
/// card then updates its text in place instead of being rebuilt.
#[component]
pub fn MemberCard(
    loaded: Arc<Catalog>,
    #[prop(into)] index: Signal<usize>,
    #[prop(into)] lang: Signal<Lang>,
    #[prop(optional, into)] stand: Signal<Option<String>>,
) -> impl IntoView {
    let text = {
        let loaded = loaded.clone();
        Memo::new(move |_| CardText::of(&loaded, index.get(), lang.get(), stand.get()))
    };
    let part = move |pick: fn(&CardText) -> &str| move || text.with(|text| pick(text).to_owned());
    // An optional line is created or removed only when it appears or disappears; its text
    // follows in place.
    let optional = move |pick: fn(&CardText) -> Option<&str>, class: &'static str| {
        let shown = Memo::new(move |_| text.with(|text| pick(text).is_some()));
        move || {
            shown.get().then(|| {
                view! { <p class=class>{move || text.with(|text| pick(text).unwrap_or_default().to_owned())}</p> }
            })
        }
    };
    let has_meta = Memo::new(move |_| text.with(|text| !text.meta.is_empty()));
    let n_chips = Memo::new(move |_| text.with(|text| text.chips.len()));
    let more_chips = Memo::new(move |_| text.with(|text| text.more_chips.clone()));
    let has_chips = Memo::new(move |_| n_chips.get() > 0);
    view! {
        <li class="member-card">
            <div class="card-heading">
                <h2 class="member-name">
                    <a href=part(|text| &text.href)>{part(|text| &text.name)}</a>
                </h2>
                <SaveButton
                    catalog=loaded.clone()
                    member=Signal::derive(part(|text| &text.id))
                    name=Signal::derive(part(|text| &text.name))
                />
            </div>
            {move || {
                has_meta.get().then(|| view! { <p class="member-meta">{part(|text| &text.meta)}</p> })
            }}
            {optional(|text| text.stand.as_deref(), "member-stand")}
            {optional(|text| text.pitch.as_deref(), "member-pitch")}
            {move || {
                has_chips
                    .get()
                    .then(|| {
                        view! {
                            <ul class="chips">
                                // Keyed by position, like the rows: a row showing another member
                                // rewrites its chips' text in place. Keyed by label, a toggle at 10k
                                // members removed and rebuilt almost every chip (two members rarely
                                // share a chip at the same place), the largest DOM cost in its profile.
                                <For
                                    each=move || 0..n_chips.get()
                                    key=|position| *position
                                    children=move |position| {
                                        view! {
                                            <li class="chip">
                                                {move || {
                                                    text.with(|text| text.chips.get(position).cloned().unwrap_or_default())
                                                }}
                                            </li>
                                        }
                                    }
                                />
                                {move || more_chips.get().map(|more| view! { <li class="chip chip-more">{more}</li> })}
                            </ul>
                        }
                    })
            }}
        </li>
    }
}
