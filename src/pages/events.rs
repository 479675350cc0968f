//! The events of the directory: upcoming first, past ones greyed.

use std::sync::Arc;

use leptos::prelude::*;
use vitrina_core::format::{date_range, event_kind};
use vitrina_core::model::Event;
use vitrina_core::query::ListQuery;
use vitrina_core::valid::IsoDate;
use vitrina_core::{Lang, Route};

use crate::i18n::{n_members, ui};
use crate::split::Deferred;
use crate::state::{Catalog, Today, UiLang};

/// Whether an event is over on `today` (an event without dates is never over).
fn is_past(event: &Event, today: IsoDate) -> bool {
    event.end.or(event.start).is_some_and(|last_day| last_day < today)
}

/// Upcoming events soonest first, then past events most recent first.
pub fn events_in_order(events: &[Event], today: IsoDate) -> (Vec<&Event>, Vec<&Event>) {
    let (mut past, mut upcoming): (Vec<&Event>, Vec<&Event>) = events.iter().partition(|event| is_past(event, today));
    vitrina_core::sorting::sort_by_key(&mut upcoming, |event| (event.start.is_none(), event.start));
    vitrina_core::sorting::sort_by_key(&mut past, |event| std::cmp::Reverse(event.start));
    (upcoming, past)
}

/// Every event, with how many members attend.
#[component]
pub fn EventsPage(catalog: Arc<Catalog>) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let today = expect_context::<Today>();
    move || {
        let lang = lang.get();
        let today = today.get();
        let ui = ui(lang);
        let directory = &catalog.directory;
        let (upcoming, past) = events_in_order(&directory.events, today);
        let section = |heading: &'static str, events: Vec<&Event>, past: bool| {
            (!events.is_empty()).then(|| {
                view! {
                    <section class="event-section" class:past=past>
                        <h2>{heading}</h2>
                        <ul class="event-list">
                            {events.into_iter().map(|event| event_item(&catalog, event, lang)).collect_view()}
                        </ul>
                    </section>
                }
            })
        };
        view! {
            <section class="events-page" aria-labelledby="events-heading">
                <h1 id="events-heading">{ui.events_heading}</h1>
                {directory.events.is_empty().then(|| view! { <p>{ui.no_events}</p> })}
                {section(ui.upcoming_events, upcoming, false)}
                {section(ui.past_events, past, true)}
            </section>
        }
    }
}

fn event_item(catalog: &Catalog, event: &Event, lang: Lang) -> impl IntoView {
    let directory = &catalog.directory;
    let fallback = directory.fallback_language();
    let attendees = directory.attendees(event.id.as_str()).count();
    let details: Vec<String> = [
        event.kind.map(|kind| event_kind(kind, lang).to_owned()),
        event.start.map(|start| date_range(start, event.end, lang)),
        event.city.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let href = Route::Event { id: event.id.as_str().to_owned(), query: ListQuery::default() }.to_fragment();
    view! {
        <li class="event-card">
            <h3>
                <a href=href>{event.name.resolve(lang.tag(), fallback).to_owned()}</a>
            </h3>
            {(!details.is_empty()).then(|| view! { <p class="member-meta">{details.join(" · ")}</p> })}
            <p class="member-meta">{n_members(attendees, lang)}</p>
        </li>
    }
}

crate::split_point! {
    chunk = events, preload = preload_events;
    /// The list of events, from the events chunk (with one event's page and the fair-day view).
    pub fn events_page(catalog: Arc<Catalog>) -> Deferred {
        Box::new(move || view! { <EventsPage catalog=catalog /> }.into_any())
    }
}
