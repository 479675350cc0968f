//! One event and the members attending it, with the same search and facets.

use std::sync::Arc;

use leptos::prelude::*;
use vitrina_core::fair::FairSort;
use vitrina_core::format::{date_range, event_kind};
use vitrina_core::Route;

use crate::components::member_search::MemberSearch;
use crate::i18n::ui;
use crate::split::Deferred;
use crate::state::{Catalog, Today, UiLang};

/// An event's details and its attendees, with their stands.
#[component]
pub fn EventPage(catalog: Arc<Catalog>, id: String) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let Some(event) = catalog.directory.event(&id).cloned() else {
        return view! {
            <section class="not-found">
                <h1>{move || ui(lang.get()).not_found_title}</h1>
                <p>{move || ui(lang.get()).event_not_found}</p>
                <p>
                    <a href="#/events">{move || ui(lang.get()).all_events}</a>
                </p>
            </section>
        }
        .into_any();
    };
    let fallback = catalog.directory.fallback_language().map(str::to_owned);
    let today = expect_context::<Today>();
    let header = {
        let event = event.clone();
        move || {
            let lang = lang.get();
            let ui = ui(lang);
            let fallback = fallback.as_deref();
            let details: Vec<String> = [
                event.kind.map(|kind| event_kind(kind, lang).to_owned()),
                event.start.map(|start| date_range(start, event.end, lang)),
                event.city.clone(),
                event.venue.as_ref().map(|venue| format!("{}: {}", ui.venue, venue.resolve(lang.tag(), fallback))),
            ]
            .into_iter()
            .flatten()
            .collect();
            view! {
                <p class="breadcrumb">
                    <a href="#/events">{ui.all_events}</a>
                </p>
                <h1 id="event-heading">{event.name.resolve(lang.tag(), fallback).to_owned()}</h1>
                {(!details.is_empty()).then(|| view! { <p class="member-meta">{details.join(" · ")}</p> })}
                {event
                    .url
                    .as_ref()
                    .map(|url| {
                        view! {
                            <p>
                                <a href=url.as_str().to_owned() target="_blank" rel="noopener noreferrer">
                                    {ui.event_website}
                                </a>
                            </p>
                        }
                    })}
                <p>
                    <a
                        class="button button-secondary"
                        href=Route::Fair { event: Some(event.id.to_string()), sort: FairSort::default() }.to_fragment()
                    >
                        {ui.fair_mode}
                    </a>
                    {event.end.or(event.start).is_some_and(|last| last >= today.get()).then(|| view! {
                        " "
                        <a class="button button-secondary" href=Route::PrepareFair { event: event.id.to_string() }.to_fragment()>
                            {prepare_label(lang)}
                        </a>
                    })}
                </p>
                <h2>{ui.attendees}</h2>
            }
        }
    };
    view! {
        <section class="event-page" aria-labelledby="event-heading">
            {header}
            <MemberSearch catalog=catalog event=Some(id) />
        </section>
    }
    .into_any()
}

/// The link to matchmaking's "prepare the fair"; its text lives here, in the events chunk,
/// not in the landing module's table.
fn prepare_label(lang: vitrina_core::Lang) -> &'static str {
    lang.pick("Preparar la feria", "Prepare the fair")
}

crate::split_point! {
    chunk = events;
    /// One event and its exhibitors, from the events chunk.
    pub fn event_page(catalog: Arc<Catalog>, id: String) -> Deferred {
        Box::new(move || view! { <EventPage catalog=catalog id=id /> }.into_any())
    }
}
