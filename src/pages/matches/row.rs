//! One matched member: who, why (in words), the introduction to send, and one tap to add it
//! to the follow-up list.

use std::sync::Arc;

use leptos::prelude::*;
use vitrina_core::follow_up::MetAt;
use vitrina_core::format::member_kind;
use vitrina_core::matchmaking::{introduction_for, introduction_links, Match};
use vitrina_core::my_company::MyCompany;
use vitrina_core::valid::Slug;
use vitrina_core::{Lang, Route};

use super::{focus_follows_to_link, texts};
use crate::follow_up::FollowUp;
use crate::state::{Catalog, UiLang};

/// The introduction to a member matched on one side or both.
pub(super) fn introduction_text(
    catalog: &Catalog,
    company: &MyCompany,
    may_buy: Option<&Match>,
    can_supply: Option<&Match>,
    lang: Lang,
) -> String {
    let directory = &catalog.directory;
    let Some(profile) = company.profile(directory) else { return String::new() };
    let caps = |found: Option<&Match>| -> Vec<Slug> { found.map(|m| m.capabilities.clone()).unwrap_or_default() };
    introduction_for(&profile, directory, &caps(may_buy), &caps(can_supply), lang)
}

/// Where the visitor "met" a match: the event being prepared, else matchmaking.
pub(super) fn met_at(catalog: &Catalog, event: Option<&str>, lang: Lang) -> MetAt {
    event.and_then(|id| MetAt::event(&catalog.directory, id, lang)).unwrap_or(MetAt::Matchmaking)
}

/// A matched member as a list item.
#[component]
pub(super) fn MatchRow(
    catalog: Arc<Catalog>,
    company: MyCompany,
    member_index: usize,
    may_buy: Option<Match>,
    can_supply: Option<Match>,
    /// The event being prepared: its stand is shown and it is the "met at".
    #[prop(optional)]
    event: Option<String>,
) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let follow_up = expect_context::<FollowUp>();
    let Some(member) = catalog.directory.members.get(member_index).cloned() else {
        return ().into_any();
    };
    let member_id = member.id.to_string();
    let saved = {
        let member_id = member_id.clone();
        Memo::new(move |_| follow_up.is_saved(&member_id, None))
    };
    let intro = {
        let catalog = catalog.clone();
        let company = company.clone();
        let (may_buy, can_supply) = (may_buy.clone(), can_supply.clone());
        Memo::new(move |_| introduction_text(&catalog, &company, may_buy.as_ref(), can_supply.as_ref(), lang.get()))
    };
    // Focus follows the button the visitor pressed to the link that replaces it.
    let (just_added, on_list_link) = focus_follows_to_link();
    let add = {
        let catalog = catalog.clone();
        let member_id = member_id.clone();
        let event = event.clone();
        move |_| {
            let lang = lang.get_untracked();
            let met_at = met_at(&catalog, event.as_deref(), lang);
            follow_up.add_matches(&catalog.directory, &[(member_id.clone(), intro.get_untracked())], &met_at);
            just_added.set(true);
        }
    };
    let stand = event.as_deref().and_then(|event| member.stand_at(event).map(str::to_owned));
    let has_event = event.is_some();
    let details = {
        let member = member.clone();
        let catalog = catalog.clone();
        let (may_buy, can_supply) = (may_buy.clone(), can_supply.clone());
        move || {
            let lang = lang.get();
            let t = texts(lang);
            let place = member.location.as_ref().and_then(|l| l.city.clone().or_else(|| l.state.clone()));
            let meta: Vec<String> =
                [member.kind.map(|kind| member_kind(kind, lang).to_owned()), place].into_iter().flatten().collect();
            let side = |found: &Option<Match>, label: &'static str| {
                found.as_ref().map(|found| {
                    let reasons = found.reasons(&catalog.directory, lang);
                    view! {
                        <div class="match-side">
                            {(has_event).then(|| view! { <p class="match-side-name">{label}</p> })}
                            <ul class="match-reasons">
                                {reasons.into_iter().map(|reason| view! { <li>{reason}</li> }).collect_view()}
                            </ul>
                        </div>
                    }
                })
            };
            view! {
                {(!meta.is_empty()).then(|| view! { <p class="member-meta">{meta.join(" · ")}</p> })}
                {side(&may_buy, t.side_buy)}
                {side(&can_supply, t.side_supply)}
            }
        }
    };
    let links = {
        let member = member.clone();
        let catalog = catalog.clone();
        let company = company.clone();
        move || {
            let lang = lang.get();
            let t = texts(lang);
            let profile = company.profile(&catalog.directory)?;
            let links = intro.with(|intro| introduction_links(&member, &profile, intro, lang));
            let email = links.email.map(|href| {
                view! { <a class="button button-secondary" href=href>{t.write_email}</a> }
            });
            let whatsapp = links.whatsapp.map(|href| {
                view! {
                    <a class="button button-secondary" href=href target="_blank" rel="noopener noreferrer">
                        {t.write_whatsapp}
                    </a>
                }
            });
            Some(view! { <p class="match-write">{email}{whatsapp}</p> })
        }
    };
    let profile_href = Route::Member { id: member_id.clone(), via_qr: false }.to_fragment();
    // A member can be on both lists of the page: the id says which.
    let list = match (has_event, may_buy.is_some()) {
        (true, _) => "event",
        (false, true) => "buy",
        (false, false) => "supply",
    };
    let heading_id = format!("match-{member_index}-{list}");
    let name = member.name.clone();
    view! {
        <li class="match-row">
            <div class="match-head">
                {has_event.then(|| {
                    let stand = stand.clone();
                    let no_stand = stand.is_none();
                    view! {
                        <span class="match-stand" class:no-stand=no_stand>
                            {move || stand.clone().unwrap_or_else(|| texts(lang.get()).no_stand.to_owned())}
                        </span>
                    }
                })}
                <h3 id=heading_id>
                    <a href=profile_href>{name.clone()}</a>
                </h3>
            </div>
            {details}
            <details class="match-introduction">
                <summary>{move || texts(lang.get()).introduction_label}</summary>
                <p class="introduction-text">{move || intro.get()}</p>
                {links}
            </details>
            <p class="match-actions">
                <Show
                    when=move || saved.get()
                    fallback=move || {
                        let add = add.clone();
                        view! {
                            <button
                                type="button"
                                class="button add-match"
                                disabled=move || !follow_up.is_writable()
                                aria-describedby=move || follow_up.read_only_reason()
                                on:click=add
                            >
                                {move || texts(lang.get()).add_match}
                                <span class="visually-hidden">{format!(" ({name})")}</span>
                            </button>
                        }
                    }
                >
                    <a class="match-on-list" href="#/follow-up" node_ref=on_list_link>
                        {move || texts(lang.get()).on_list}
                    </a>
                </Show>
            </p>
        </li>
    }
    .into_any()
}
