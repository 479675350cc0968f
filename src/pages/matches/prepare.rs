//! `#/event/<id>/prepare`: the visitor's matches who attend an event, in walking order, added
//! to the follow-up list in one step with the event as "met at". All local: works offline.

use std::sync::Arc;

use leptos::prelude::*;
use vitrina_core::format::date_range;
use vitrina_core::matchmaking::prepare_fair;
use vitrina_core::model::Event;
use vitrina_core::Route;

use super::row::{introduction_text, met_at, MatchRow};
use super::{event_name, focus_follows_to_link, is_upcoming, n_matches, no_company_prompt, texts};
use crate::follow_up::FollowUp;
use crate::state::{Catalog, Today, UiLang};

/// The page for one event, or a note when the directory has no such event.
#[component]
pub(super) fn PrepareFairPage(catalog: Arc<Catalog>, event: String) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    match catalog.directory.event(&event).cloned() {
        Some(event) => view! { <Prepare catalog=catalog event=event /> }.into_any(),
        None => view! {
            <section class="prepare-fair">
                <h1>{move || texts(lang.get()).prepare_heading}</h1>
                <p>{move || texts(lang.get()).event_missing}</p>
                <p>
                    <a href="#/events">{move || texts(lang.get()).all_events}</a>
                </p>
            </section>
        }
        .into_any(),
    }
}

#[component]
fn Prepare(catalog: Arc<Catalog>, event: Event) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let today = expect_context::<Today>();
    let follow_up = expect_context::<FollowUp>();
    let company = follow_up.my_company();
    let event_id = event.id.to_string();
    let header = {
        let catalog = catalog.clone();
        let event = event.clone();
        move || {
            let lang = lang.get();
            let t = texts(lang);
            let when = event.start.map(|start| date_range(start, event.end, lang));
            let over = !is_upcoming(&event, today.get());
            view! {
                <h1 id="prepare-heading">{t.prepare_heading}</h1>
                <p class="prepare-event">
                    <a href=Route::Event { id: event.id.to_string(), query: Default::default() }.to_fragment()>
                        {event_name(&catalog.directory, &event, lang)}
                    </a>
                    {when.map(|when| view! { <span class="member-meta">{format!(" · {when}")}</span> })}
                </p>
                {over.then(|| view! { <p class="hint">{t.event_over}</p> })}
                <p class="hint">{t.prepare_intro}</p>
            }
        }
    };
    let body = move || {
        let Some(chosen) = company.get() else {
            return no_company_prompt(lang);
        };
        let directory = &catalog.directory;
        let Some(profile) = chosen.profile(directory) else {
            return view! {
                <p class="match-prompt">
                    {move || texts(lang.get()).company_gone} " "
                    <a href="#/my-company">{move || texts(lang.get()).change_company}</a>
                </p>
            }
            .into_any();
        };
        let rows: Vec<_> = prepare_fair(directory, &profile, &event_id, today.get())
            .into_iter()
            .map(|row| (row.member_index, row.may_buy, row.can_supply))
            .collect();
        let n = rows.len();
        let additions = {
            let catalog = catalog.clone();
            let chosen = chosen.clone();
            let rows = rows.clone();
            move || -> Vec<(String, String)> {
                let lang = lang.get_untracked();
                rows.iter()
                    .filter_map(|(at, buy, supply)| {
                        let member = catalog.directory.members.get(*at)?;
                        Some((
                            member.id.to_string(),
                            introduction_text(&catalog, &chosen, buy.as_ref(), supply.as_ref(), lang),
                        ))
                    })
                    .collect()
            }
        };
        let all_saved = {
            let catalog = catalog.clone();
            let rows = rows.clone();
            move || {
                rows.iter().all(|(at, _, _)| {
                    catalog
                        .directory
                        .members
                        .get(*at)
                        .is_some_and(|member| follow_up.is_saved(member.id.as_str(), None))
                })
            }
        };
        // Focus follows the button the visitor pressed to the link that replaces it.
        let (just_added, all_on_list_link) = focus_follows_to_link();
        let add_all = {
            let catalog = catalog.clone();
            let event_id = event_id.clone();
            move |_| {
                let met = met_at(&catalog, Some(&event_id), lang.get_untracked());
                follow_up.add_matches(&catalog.directory, &additions(), &met);
                just_added.set(true);
            }
        };
        if n == 0 {
            return view! { <p class="empty-list">{move || texts(lang.get()).prepare_none}</p> }.into_any();
        }
        let catalog = catalog.clone();
        let event_id = event_id.clone();
        view! {
            <p class="prepare-actions">
                <span class="match-count">{move || n_matches(n, lang.get())}</span>
                <Show
                    when=all_saved
                    fallback=move || {
                        let add_all = add_all.clone();
                        view! {
                            <button
                                type="button"
                                class="button add-all"
                                disabled=move || !follow_up.is_writable()
                                aria-describedby=move || follow_up.read_only_reason()
                                on:click=add_all
                            >
                                {move || texts(lang.get()).add_all}
                            </button>
                        }
                    }
                >
                    <a class="match-on-list" href="#/follow-up" node_ref=all_on_list_link>
                        {move || texts(lang.get()).all_on_list}
                    </a>
                </Show>
                <button type="button" class="button button-secondary" on:click=move |_| crate::adapters::page::print()>
                    {move || texts(lang.get()).print}
                </button>
            </p>
            <ol class="match-rows prepare-rows">
                {rows
                    .into_iter()
                    .map(|(at, may_buy, can_supply)| {
                        view! {
                            <MatchRow
                                catalog=catalog.clone()
                                company=chosen.clone()
                                member_index=at
                                may_buy=may_buy
                                can_supply=can_supply
                                event=event_id.clone()
                            />
                        }
                    })
                    .collect_view()}
            </ol>
        }
        .into_any()
    };
    view! {
        <section class="prepare-fair" aria-labelledby="prepare-heading">
            {header}
            {body}
        </section>
    }
}
