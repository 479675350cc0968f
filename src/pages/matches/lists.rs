//! `#/matches`: "Pueden comprarte" and "Pueden surtirte", narrowed by the list's filters in
//! the address, and the upcoming events to prepare.

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;
use vitrina_core::format::date_range;
use vitrina_core::matchmaking::{can_supply_me, may_buy_from_me, Match};
use vitrina_core::my_company::MyCompany;
use vitrina_core::query::{Facet, ListQuery};
use vitrina_core::search::facet_value_label;
use vitrina_core::Route;

use super::row::MatchRow;
use super::{event_name, is_upcoming, n_matches, no_company_prompt, texts, MatchTexts};
use crate::follow_up::FollowUp;
use crate::state::{Catalog, Navigation, Today, UiLang};

/// A text of the table, picked by a function.
type TextOf = fn(&MatchTexts) -> &'static str;

/// The facets the matches can be narrowed by, with their label.
const FILTERS: [(Facet, TextOf); 4] = [
    (Facet::Certification, |t| t.filter_certification),
    (Facet::Place, |t| t.filter_place),
    (Facet::Event, |t| t.filter_event),
    (Facet::Kind, |t| t.filter_kind),
];

/// Both lists for the visitor's company, with the filters from the address.
#[component]
pub(super) fn MatchesPage(catalog: Arc<Catalog>) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let follow_up = expect_context::<FollowUp>();
    let company = follow_up.my_company();
    let lists_catalog = catalog.clone();
    let body = move || match company.get() {
        None => no_company_prompt(lang),
        Some(company) if company.profile(&lists_catalog.directory).is_none() => view! {
            <div class="match-prompt">
                <p>{move || texts(lang.get()).company_gone}</p>
                <p>
                    <a class="button" href="#/my-company">{move || texts(lang.get()).change_company}</a>
                </p>
            </div>
        }
        .into_any(),
        Some(company) => view! { <MatchLists catalog=lists_catalog.clone() company=company /> }.into_any(),
    };
    let upcoming = {
        let catalog = catalog.clone();
        move || view! { <UpcomingEvents catalog=catalog.clone() /> }
    };
    view! {
        <section class="matches-view" aria-labelledby="matches-heading">
            <h1 id="matches-heading">{move || texts(lang.get()).matches_heading}</h1>
            {body}
            {upcoming}
            <p class="matches-more">
                <a href="#/pairs">{move || texts(lang.get()).pairs_link}</a>
            </p>
        </section>
    }
}

/// The two lists for one company.
#[component]
fn MatchLists(catalog: Arc<Catalog>, company: MyCompany) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let today = expect_context::<Today>();
    let route = expect_context::<Navigation>().route();
    let query = Memo::new(move |_| {
        route.with(|route| match route {
            Route::Matches { query } => query.clone(),
            _ => ListQuery::default(),
        })
    });
    let lists = {
        let catalog = catalog.clone();
        let company = company.clone();
        Memo::new(move |_| {
            let today = today.get();
            let directory = &catalog.directory;
            let Some(profile) = company.profile(directory) else {
                return Default::default();
            };
            let buy = may_buy_from_me(directory, &profile, today);
            let supply = can_supply_me(directory, &profile, today);
            (buy, supply, profile.makes.is_empty(), profile.needs.is_empty())
        })
    };
    // The members the filters keep, or all when none are set.
    let kept = {
        let catalog = catalog.clone();
        Memo::new(move |_| {
            let query = query.get();
            (!query.filters.is_empty()).then(|| {
                let results = catalog.index().run(&catalog.directory, &query, today.get());
                results.members.into_iter().map(|m| m as usize).collect::<BTreeSet<usize>>()
            })
        })
    };
    let side = {
        let catalog = catalog.clone();
        let company = company.clone();
        move |buy: bool| {
            let catalog = catalog.clone();
            let company = company.clone();
            move || {
                let t = texts(lang.get());
                let (all, nothing_given): (Vec<Match>, bool) =
                    lists.with(
                        |(b, s, no_makes, no_needs)| if buy { (b.clone(), *no_makes) } else { (s.clone(), *no_needs) },
                    );
                let total = all.len();
                let shown: Vec<Match> = kept.with(|kept| {
                    all.into_iter()
                        .filter(|m| kept.as_ref().is_none_or(|kept| kept.contains(&m.member_index)))
                        .collect()
                });
                let (id, heading, intro) = if buy {
                    ("may-buy", t.may_buy_heading, t.may_buy_intro)
                } else {
                    ("can-supply", t.can_supply_heading, t.can_supply_intro)
                };
                let empty = match (nothing_given, total, buy) {
                    (true, _, true) => Some(t.none_makes),
                    (true, _, false) => Some(t.none_needs),
                    (false, 0, true) => Some(t.none_buy),
                    (false, 0, false) => Some(t.none_supply),
                    _ if shown.is_empty() => Some(t.filtered_out),
                    _ => None,
                };
                let count = n_matches(shown.len(), lang.get());
                let catalog = catalog.clone();
                let company = company.clone();
                view! {
                    <section class=format!("match-list {id}") aria-labelledby=format!("{id}-heading")>
                        <h2 id=format!("{id}-heading")>
                            {heading} <span class="match-count">{format!("({count})")}</span>
                        </h2>
                        <p class="hint">{intro}</p>
                        {empty.map(|text| view! { <p class="empty-list">{text}</p> })}
                        <ol class="match-rows">
                            {shown
                                .into_iter()
                                .map(|found| {
                                    let (may_buy, can_supply) = if buy { (Some(found.clone()), None) } else { (None, Some(found.clone())) };
                                    view! {
                                        <MatchRow
                                            catalog=catalog.clone()
                                            company=company.clone()
                                            member_index=found.member_index
                                            may_buy=may_buy
                                            can_supply=can_supply
                                        />
                                    }
                                })
                                .collect_view()}
                        </ol>
                    </section>
                }
            }
        }
    };
    let company_line = {
        let catalog = catalog.clone();
        let company = company.clone();
        move || {
            let t = texts(lang.get());
            let name = company
                .profile(&catalog.directory)
                .map(|profile| profile.name.to_owned())
                .filter(|name| !name.trim().is_empty())
                .unwrap_or_else(|| t.unnamed_company.to_owned());
            view! {
                <p class="match-company">
                    {format!("{}: ", t.current_company)} <strong>{name}</strong> " "
                    <a href="#/my-company">{t.change_company}</a>
                </p>
            }
        }
    };
    view! {
        {company_line}
        <MatchFilters catalog=catalog.clone() query=query />
        {side(true)}
        {side(false)}
    }
}

/// One select per facet; the address holds the choice.
#[component]
fn MatchFilters(catalog: Arc<Catalog>, query: Memo<ListQuery>) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let today = expect_context::<Today>();
    let navigation = expect_context::<Navigation>();
    let values = {
        let catalog = catalog.clone();
        Memo::new(move |_| {
            let all = catalog.index().run(&catalog.directory, &ListQuery::default(), today.get());
            FILTERS.map(|(facet, _)| {
                all.facets
                    .values(facet)
                    .iter()
                    .filter(|value| value.total > 0)
                    .map(|value| value.value.clone())
                    .collect::<Vec<String>>()
            })
        })
    };
    let set = move |facet: Facet, value: String| {
        let mut next = query.get_untracked();
        next.filters.clear_facet(facet);
        if !value.is_empty() {
            next.filters.select(facet, value);
        }
        navigation.go(Route::Matches { query: next });
    };
    let selects = move || {
        let lang = lang.get();
        let t = texts(lang);
        FILTERS
            .iter()
            .enumerate()
            .map(|(at, (facet, label))| {
                let facet = *facet;
                let id = format!("match-filter-{}", facet.url_key());
                let options = values.with(|values| values[at].clone());
                let selected =
                    move || query.with(|q| q.filters.values(facet).next().map(str::to_owned).unwrap_or_default());
                let directory = &catalog.directory;
                view! {
                    <div class="match-filter">
                        <label for=id.clone()>{label(t)}</label>
                        <select id=id on:change=move |event| set(facet, event_target_value(&event))>
                            <option value="" prop:selected=move || selected().is_empty()>{t.filter_any}</option>
                            {options
                                .into_iter()
                                .map(|value| {
                                    let text = match facet {
                                        Facet::Place => value.replace('/', " · "),
                                        _ => facet_value_label(directory, facet, &value, lang),
                                    };
                                    let is = value.clone();
                                    view! {
                                        <option value=value prop:selected=move || selected() == is>{text}</option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </div>
                }
            })
            .collect_view()
    };
    let any = move || query.with(|q| !q.filters.is_empty());
    view! {
        <fieldset class="match-filters">
            <legend>{move || texts(lang.get()).filters_legend}</legend>
            {selects}
            <Show when=any>
                <button type="button" class="button button-secondary" on:click=move |_| navigation.go(Route::Matches { query: ListQuery::default() })>
                    {move || texts(lang.get()).clear_filters}
                </button>
            </Show>
        </fieldset>
    }
}

/// The events still to come, each with its link to prepare it.
#[component]
fn UpcomingEvents(catalog: Arc<Catalog>) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let today = expect_context::<Today>();
    move || {
        let lang = lang.get();
        let today = today.get();
        let t = texts(lang);
        let directory = &catalog.directory;
        let mut events: Vec<_> = directory.events.iter().filter(|event| is_upcoming(event, today)).collect();
        vitrina_core::sorting::sort_by_key(&mut events, |event| event.start);
        view! {
            <section class="match-upcoming" aria-labelledby="upcoming-heading">
                <h2 id="upcoming-heading">{t.upcoming_heading}</h2>
                {events.is_empty().then(|| view! { <p class="empty-list">{t.upcoming_none}</p> })}
                <ul class="upcoming-events">
                    {events
                        .into_iter()
                        .map(|event| {
                            let href = Route::PrepareFair { event: event.id.to_string() }.to_fragment();
                            let when = event.start.map(|start| date_range(start, event.end, lang));
                            view! {
                                <li>
                                    <a href=href>{event_name(directory, event, lang)}</a>
                                    {when.map(|when| view! { <span class="member-meta">{format!(" · {when}")}</span> })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    }
}
