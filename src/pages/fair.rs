//! Fair-day mode, at `#/fair` (today's event) and `#/event/<id>/fair` (an event the visitor picked):
//! the stands to walk to, the visitor's own list first, each marked with one tap.

use std::sync::Arc;

use leptos::prelude::*;
use vitrina_core::fair::{events_running, fair_rows, FairSort};
use vitrina_core::follow_up::VisitMark;
use vitrina_core::format::{date_range, long_date};
use vitrina_core::model::{Event, Member};
use vitrina_core::{Directory, Lang, Route};

use crate::components::member_search::LIST_PAGE_SIZE;
use crate::components::note_conflict_notice::NoteConflictNotice;
use crate::follow_up::FollowUp;
use crate::i18n::ui;
use crate::split::Deferred;
use crate::state::{Catalog, Navigation, Today, UiLang};

/// The fair-day view of `event`, or of the event running today when none is given.
#[component]
pub fn FairPage(catalog: Arc<Catalog>, event: Option<String>) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let today = expect_context::<Today>();
    // Without an event in the address, today's: it changes at midnight.
    move || {
        let catalog = catalog.clone();
        let event = event.clone().or_else(|| {
            let running = events_running(&catalog.directory, today.get());
            (running.len() == 1).then(|| running[0].id.to_string())
        });
        match event {
            Some(id) => match catalog.directory.event(&id).cloned() {
                Some(event) => view! { <FairEvent catalog=catalog event=event /> }.into_any(),
                None => view! {
                    <section class="not-found">
                        <h1>{move || ui(lang.get()).not_found_title}</h1>
                        <p>{move || ui(lang.get()).event_not_found}</p>
                        <p>
                            <a href="#/fair">{move || ui(lang.get()).fair_heading}</a>
                        </p>
                    </section>
                }
                .into_any(),
            },
            None => view! { <EventChooser catalog=catalog /> }.into_any(),
        }
    }
}

/// No single event today: today's events if there are several, else every event.
#[component]
fn EventChooser(catalog: Arc<Catalog>) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let today = expect_context::<Today>();
    move || {
        let lang = lang.get();
        let today = today.get();
        let directory = &catalog.directory;
        let running = events_running(directory, today);
        let (intro, mut events): (&str, Vec<&Event>) = if running.is_empty() {
            (ui(lang).fair_no_event_today, directory.events.iter().collect())
        } else {
            (ui(lang).fair_pick_event, running)
        };
        // Upcoming first, soonest on top; then past ones, latest on top.
        vitrina_core::sorting::sort_by_key(&mut events, |event| {
            let start = event.start.map_or(i64::MAX, |start| start.days_since_epoch());
            let end = event.end.or(event.start).map_or(i64::MAX, |end| end.days_since_epoch());
            if end >= today.days_since_epoch() {
                (0, start)
            } else {
                (1, -start)
            }
        });
        view! {
            <section class="fair" aria-labelledby="fair-heading">
                <h1 id="fair-heading">{ui(lang).fair_heading}</h1>
                <p>{intro}</p>
                <ul class="fair-events">
                    {events
                        .into_iter()
                        .map(|event| {
                            let href = Route::Fair { event: Some(event.id.to_string()), sort: FairSort::default() }
                                .to_fragment();
                            let when = event.start.map(|start| date_range(start, event.end, lang));
                            view! {
                                <li>
                                    <a class="button button-secondary" href=href>
                                        {event_name(directory, event, lang)}
                                    </a>
                                    {when.map(|when| view! { <span class="member-meta">{when}</span> })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    }
}

fn event_name(directory: &Directory, event: &Event, lang: Lang) -> String {
    event.name.resolve(lang.tag(), directory.fallback_language()).to_owned()
}

/// One row of the view: `(member index, stand)`.
type Row = (usize, Option<String>);

/// The stands of one event, in two groups.
#[component]
fn FairEvent(catalog: Arc<Catalog>, event: Event) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let route = expect_context::<Navigation>().route();
    let navigation = expect_context::<Navigation>();
    let follow_up = expect_context::<FollowUp>();
    let event_id = event.id.to_string();
    let sort = Memo::new(move |_| {
        route.with(|route| match route {
            Route::Fair { sort, .. } => *sort,
            _ => FairSort::default(),
        })
    });
    // Who is "on the list" is read when the view opens or the order changes, not on every
    // mark: a row that jumped to the other group under the visitor's thumb would be lost.
    let groups = {
        let catalog = catalog.clone();
        let event_id = event_id.clone();
        Memo::new(move |_| {
            let sort = sort.get();
            follow_up.list().with_untracked(|list| {
                let rows = fair_rows(&catalog.directory, &event_id, list, sort);
                let (mine, others): (Vec<_>, Vec<_>) = rows.into_iter().partition(|row| row.on_list);
                let plain = |rows: Vec<vitrina_core::fair::FairRow>| -> Vec<Row> {
                    rows.into_iter().map(|row| (row.member_index, row.stand.map(str::to_owned))).collect()
                };
                (plain(mine), plain(others))
            })
        })
    };
    let shown = RwSignal::new(LIST_PAGE_SIZE);
    // `#/fair` stays `#/fair`: tomorrow the same bookmark opens tomorrow's event.
    let set_sort = move |sort: FairSort| {
        let event = route.with_untracked(|route| match route {
            Route::Fair { event, .. } => event.clone(),
            _ => None,
        });
        navigation.correct(Route::Fair { event, sort });
    };
    let sort_button = move |choice: FairSort| {
        view! {
            <button
                type="button"
                class="button button-secondary"
                aria-pressed=move || (sort.get() == choice).to_string()
                on:click=move |_| set_sort(choice)
            >
                {move || match choice {
                    FairSort::Stand => ui(lang.get()).fair_sort_stand,
                    FairSort::Name => ui(lang.get()).fair_sort_name,
                }}
            </button>
        }
    };
    let header = {
        let directory_catalog = catalog.clone();
        let event = event.clone();
        move || {
            let lang = lang.get();
            let details: Vec<String> =
                [event.start.map(|start| date_range(start, event.end, lang)), event.city.clone()]
                    .into_iter()
                    .flatten()
                    .collect();
            view! {
                <h1 id="fair-heading">{ui(lang).fair_heading}</h1>
                <p class="fair-event">
                    <a href=Route::Event { id: event.id.to_string(), query: Default::default() }.to_fragment()>
                        {event_name(&directory_catalog.directory, &event, lang)}
                    </a>
                    {(!details.is_empty()).then(|| view! { <span class="member-meta">{details.join(" · ")}</span> })}
                </p>
                <p class="hint">{ui(lang).fair_intro}</p>
            }
        }
    };
    let rows_view = {
        let catalog = catalog.clone();
        let event_id = event_id.clone();
        move |rows: Vec<Row>| {
            let catalog = catalog.clone();
            let event_id = event_id.clone();
            view! {
                <ol class="fair-list">
                    <For
                        each=move || rows.clone()
                        key=|(index, _)| *index
                        children=move |(index, stand)| {
                            view! { <FairRowView catalog=catalog.clone() index=index stand=stand event_id=event_id.clone() /> }
                        }
                    />
                </ol>
            }
        }
    };
    let mine_view = {
        let rows_view = rows_view.clone();
        move || {
            let mine = groups.with(|(mine, _)| mine.clone());
            (!mine.is_empty()).then(|| {
                view! {
                    <h2>{move || ui(lang.get()).fair_on_list}</h2>
                    {rows_view(mine)}
                }
            })
        }
    };
    let others_view = move || {
        let (others, total) =
            groups.with(|(_, others)| (others.iter().take(shown.get()).cloned().collect(), others.len()));
        let any_mine = groups.with(|(mine, _)| !mine.is_empty());
        (total > 0).then(|| {
            view! {
                <h2>{move || if any_mine { ui(lang.get()).fair_others } else { ui(lang.get()).fair_all }}</h2>
                {rows_view(others)}
                {(shown.get() < total).then(|| view! {
                    <div class="show-more">
                        <button type="button" class="button" on:click=move |_| shown.update(|n| *n += LIST_PAGE_SIZE)>
                            {move || ui(lang.get()).show_more}
                        </button>
                    </div>
                })}
            }
        })
    };
    let empty = move || groups.with(|(mine, others)| mine.is_empty() && others.is_empty());
    view! {
        <section class="fair" aria-labelledby="fair-heading">
            {header}
            <div class="fair-sort" role="group" aria-label=move || ui(lang.get()).fair_sort>
                {sort_button(FairSort::Stand)}
                {sort_button(FairSort::Name)}
            </div>
            <Show when=empty>
                <p class="empty-list">{move || ui(lang.get()).fair_no_attendees}</p>
            </Show>
            {mine_view}
            {others_view}
        </section>
    }
}

/// One stand: who, where, what the visitor found there and a note.
#[component]
fn FairRowView(catalog: Arc<Catalog>, index: usize, stand: Option<String>, event_id: String) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let follow_up = expect_context::<FollowUp>();
    let today = expect_context::<Today>();
    let Some(member) = catalog.directory.members.get(index).cloned() else {
        return ().into_any();
    };
    let member_id = member.id.to_string();
    let entry = {
        let member_id = member_id.clone();
        Memo::new(move |_| follow_up.list().with(|list| list.entry_for_member(&member_id).cloned()))
    };
    let event_id = StoredValue::new(event_id);
    let current_mark =
        move || entry.with(|entry| entry.as_ref().and_then(|e| event_id.with_value(|id| e.visit(id).map(|v| v.mark))));
    let catalog = StoredValue::new(catalog);
    let member_id = StoredValue::new(member_id);
    let mark_button = move |mark: VisitMark| {
        let on_click = move |_| {
            let next = (current_mark() != Some(mark)).then_some(mark);
            catalog.with_value(|catalog| {
                member_id.with_value(|member| {
                    event_id.with_value(|event| {
                        follow_up.mark_visit(&catalog.directory, member, event, next, lang.get_untracked())
                    })
                })
            });
        };
        view! {
            <button
                type="button"
                class=format!("mark mark-{}", mark.key())
                aria-pressed=move || (current_mark() == Some(mark)).to_string()
                disabled=move || !follow_up.is_writable()
                on:click=on_click
            >
                {move || mark.label(lang.get())}
            </button>
        }
    };
    let last_time = move || {
        let lang = lang.get();
        let visit = entry
            .with(|entry| entry.as_ref().and_then(|e| event_id.with_value(|id| e.last_visit_elsewhere(id).cloned())))?;
        let event = catalog.with_value(|catalog| {
            catalog
                .directory
                .event(visit.event.as_str())
                .map(|event| event_name(&catalog.directory, event, lang))
                .unwrap_or_else(|| visit.event.to_string())
        });
        Some(view! {
            <p class="hint fair-last-time">{format!("{} ({event}): {}", ui(lang).fair_last_time, visit.mark.label(lang))}</p>
        })
    };
    let note_id = format!("fair-note-{index}");
    let conflict_field = note_id.clone();
    // The entry's id alone: the conflict notice follows it, not every edit of the entry.
    let entry_id = Memo::new(move |_| entry.with(|entry| entry.as_ref().map(|entry| entry.id.clone())));
    let on_note = move |event: leptos::ev::Event| {
        let note = event_target_value(&event);
        catalog.with_value(|catalog| {
            member_id.with_value(|member| {
                event_id.with_value(|event| {
                    follow_up.set_fair_note(&catalog.directory, member, event, &note, lang.get_untracked())
                })
            })
        });
    };
    let details = {
        let member = member.clone();
        let directory = catalog.with_value(Arc::clone);
        move || row_details(&directory.directory, &member, today.get(), lang.get())
    };
    let profile = Route::Member { id: member.id.to_string(), via_qr: false }.to_fragment();
    let no_stand = stand.is_none();
    view! {
        <li class="fair-row" class:marked=move || current_mark().is_some()>
            <div class="card-heading">
                <h3 class="fair-name">
                    <a href=profile>{member.name.clone()}</a>
                </h3>
                <span class="fair-stand" class:no-stand=no_stand>
                    {move || match &stand {
                        Some(stand) => format!("{} {stand}", ui(lang.get()).stand_label),
                        None => ui(lang.get()).fair_no_stand.to_owned(),
                    }}
                </span>
            </div>
            {details}
            {last_time}
            <div class="fair-marks" role="group" aria-label=move || format!("{} ({})", ui(lang.get()).fair_marks, member.name)>
                {VisitMark::ALL.map(mark_button).into_iter().collect_view()}
            </div>
            <label class="field" for=note_id.clone()>
                <span>{move || ui(lang.get()).fair_note}</span>
            </label>
            <input
                id=note_id
                type="text"
                class="fair-note"
                autocomplete="off"
                enterkeyhint="done"
                disabled=move || !follow_up.is_writable()
                prop:value=move || entry.with(|entry| entry.as_ref().map(|e| e.note.clone()).unwrap_or_default())
                on:focus=move |_| {
                    if let Some(id) = entry_id.get_untracked() {
                        follow_up.begin_typing(&id);
                    }
                }
                on:input=on_note
                on:blur=move |_| follow_up.end_typing()
            />
            {move || entry_id.get().map(|id| view! { <NoteConflictNotice entry=id field_id=conflict_field.clone() /> })}
        </li>
    }
    .into_any()
}

/// Expired certificates and when the data was checked, where the file says so.
fn row_details(
    directory: &Directory,
    member: &Member,
    today: vitrina_core::valid::IsoDate,
    lang: Lang,
) -> Option<impl IntoView> {
    let ui = ui(lang);
    let expired: Vec<String> = member
        .certifications
        .iter()
        .filter(|held| held.is_expired(today))
        .filter_map(|held| directory.certification(held.id.as_str()))
        .map(|certification| {
            format!("{} {}", certification.label.resolve(lang.tag(), directory.fallback_language()), ui.expired)
        })
        .collect();
    let checked = member.verified_on.map(|date| format!("{} {}", ui.data_checked_on, long_date(date, lang)));
    if expired.is_empty() && checked.is_none() {
        return None;
    }
    Some(view! {
        <p class="member-meta fair-details">
            {(!expired.is_empty()).then(|| view! { <span class="expired-certificates">{expired.join(" · ")}</span> })}
            {checked.map(|checked| view! { <span class="verified">{checked}</span> })}
        </p>
    })
}

crate::split_point! {
    chunk = events;
    /// The fair-day view, from the events chunk (what a visitor opens around a fair).
    pub fn fair_page(catalog: Arc<Catalog>, event: Option<String>) -> Deferred {
        Box::new(move || view! { <FairPage catalog=catalog event=event /> }.into_any())
    }
}
