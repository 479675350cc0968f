//! One entry of the follow-up list with everything it takes to follow up.

use std::sync::Arc;

use leptos::prelude::*;
use vitrina_core::follow_up::entry::MAX_INTRODUCTION_CHARS;
use vitrina_core::follow_up::links::{mailto_link, tel_link, whatsapp_link};
use vitrina_core::follow_up::{next_date_from_field, utc_date, Channel, DateProblem, Entry, EntryId, MetAt, Status};
use vitrina_core::format::long_date;
use vitrina_core::valid::IsoDate;
use vitrina_core::Route;

use super::status_options;
use super::unchecked_contact::UncheckedContact;
use crate::adapters::page;
use crate::components::note_conflict_notice::NoteConflictNotice;
use crate::follow_up::FollowUp;
use crate::i18n::ui;
use crate::state::{Catalog, DirectoryState, UiLang};

/// One entry with everything it takes to follow up: links, status, date, place, note.
#[component]
pub fn EntryCard(id: EntryId, today: Signal<IsoDate>) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let follow_up = expect_context::<FollowUp>();
    let directory = expect_context::<DirectoryState>();
    let entry = follow_up.entry(id.clone());
    let id = StoredValue::new(id);
    let html_id = move |field: &str| format!("entry-{}-{field}", id.with_value(|id| id.as_str().replace('.', "-")));
    let with_entry =
        move |read: &dyn Fn(&Entry) -> String| entry.with(|entry| entry.as_ref().map(read).unwrap_or_default());

    let header = move || {
        let lang = lang.get();
        let entry = entry.get()?;
        let due = entry.due(today.get());
        let subtitle: Vec<String> = [
            entry.company().map(str::to_owned).filter(|company| company != entry.display_name()),
            Some(entry.snapshot.role.clone()).filter(|role| !role.is_empty()),
        ]
        .into_iter()
        .flatten()
        .collect();
        let profile = entry
            .target
            .member_id()
            .map(|member| Route::Member { id: member.as_str().to_owned(), via_qr: false }.to_fragment());
        Some(view! {
            <div class="card-heading">
                <h2 class="entry-name">
                    {match profile {
                        Some(href) => view! { <a href=href>{entry.display_name().to_owned()}</a> }.into_any(),
                        None => view! { <span>{entry.display_name().to_owned()}</span> }.into_any(),
                    }}
                </h2>
                {due.label(lang).map(|label| view! {
                    <span class="due-badge" class:attention=due.needs_attention()>{label}</span>
                })}
            </div>
            {(!subtitle.is_empty()).then(|| view! { <p class="member-meta">{subtitle.join(" · ")}</p> })}
            {entry.missing_from_directory.then(|| view! { <p class="notice">{ui(lang).missing_from_directory}</p> })}
            <p class="hint">
                {format!("{} · ", long_date(utc_date(entry.added_at), lang))}
                {entry.status.label(lang)}
            </p>
        })
    };

    let contact_links = move || {
        let lang = lang.get();
        let entry = entry.get()?;
        let ui = ui(lang);
        let whose = format!("({})", entry.display_name());
        let link = move |href: Option<String>, label: &'static str, via: Channel, external: bool| {
            let whose = whose.clone();
            href.map(|href| {
                let record = move |_| follow_up.record_contact(&id.get_value(), via);
                view! {
                    <a
                        class="button button-secondary"
                        href=href
                        target=external.then_some("_blank")
                        rel=external.then_some("noopener noreferrer")
                        on:click=record
                    >
                        {label}
                        <span class="visually-hidden">{whose}</span>
                    </a>
                }
            })
        };
        Some(view! {
            <p class="contact-actions">
                {link(mailto_link(&entry, lang), ui.write_email, Channel::Email, false)}
                {link(tel_link(&entry), ui.call, Channel::Phone, false)}
                {link(whatsapp_link(&entry, lang), ui.whatsapp, Channel::Whatsapp, true)}
            </p>
            <UncheckedContact snapshot=entry.snapshot.clone() />
        })
    };

    let status_choices = move || status_options(lang.get());
    let met_at_value = move || {
        entry.with(|entry| match entry.as_ref().and_then(|entry| entry.met_at.as_ref()) {
            Some(MetAt::Event { id, .. }) => format!("event:{}", id.as_str()),
            Some(MetAt::Other(_)) => "other".to_owned(),
            Some(MetAt::Matchmaking) => "matchmaking".to_owned(),
            None => String::new(),
        })
    };
    // Each option says whether it is the chosen one: the directory's events arrive after
    // the select is built (a `prop:value` on the select would find no such option yet).
    let met_at_options = move || {
        let lang = lang.get();
        let mut events: Vec<(String, String)> = directory
            .loaded()
            .map(|catalog| {
                catalog
                    .directory
                    .events
                    .iter()
                    .map(|event| {
                        let name = event.name.resolve(lang.tag(), catalog.directory.fallback_language()).to_owned();
                        (format!("event:{}", event.id.as_str()), name)
                    })
                    .collect()
            })
            .unwrap_or_default();
        // An event the directory does not have (not loaded, or since removed) keeps its saved name.
        let saved = entry.with(|entry| match entry.as_ref().and_then(|entry| entry.met_at.as_ref()) {
            Some(MetAt::Event { id, name }) => Some((format!("event:{}", id.as_str()), name.clone())),
            _ => None,
        });
        if let Some(saved) = saved.filter(|(value, _)| !events.iter().any(|(known, _)| known == value)) {
            events.push(saved);
        }
        events
            .into_iter()
            .map(|(value, name)| {
                let selected = {
                    let value = value.clone();
                    move || met_at_value() == value
                };
                view! { <option value=value prop:selected=selected>{name}</option> }
            })
            .collect_view()
    };
    let other_place = RwSignal::new(false);
    let other_place_ref = NodeRef::<leptos::html::Input>::new();
    let introduction_ref = NodeRef::<leptos::html::Textarea>::new();
    // Once shown, the field stays while the card lives: emptied while typed in, it must not
    // vanish under the caret.
    let shows_introduction = Memo::new(move |shown: Option<&bool>| {
        shown.copied().unwrap_or(false)
            || entry.with(|entry| entry.as_ref().is_some_and(|entry| !entry.introduction.is_empty()))
    });
    let date_problem = RwSignal::new(None::<DateProblem>);
    // A newer app's list is shown, never edited (the notice above says why).
    let read_only = move || !follow_up.is_writable();
    let choose_met_at = move |event: leptos::ev::Event| {
        let value = event_target_value(&event);
        other_place.set(value == "other");
        if value == met_at_value() {
            return;
        }
        let met_at = match value.strip_prefix("event:") {
            Some(event_id) => directory
                .loaded()
                .and_then(|catalog: Arc<Catalog>| MetAt::event(&catalog.directory, event_id, lang.get_untracked())),
            None if value == "matchmaking" => Some(MetAt::Matchmaking),
            None => None,
        };
        if value != "other" {
            follow_up.set_met_at(&id.get_value(), met_at);
        }
    };

    view! {
        <li class="entry" class:overdue=move || entry.with(|entry| entry.as_ref().is_some_and(|entry| entry.due(today.get()).needs_attention()))>
            {header}
            {contact_links}
            <div class="entry-fields">
                <label class="field" for=html_id("status")>
                    <span>{move || ui(lang.get()).status}</span>
                </label>
                <select
                    id=html_id("status")
                    disabled=read_only
                    aria-describedby=move || follow_up.read_only_reason()
                    prop:value=move || with_entry(&|entry| entry.status.key().to_owned())
                    on:change=move |event| {
                        if let Some(status) = Status::from_key(&event_target_value(&event)) {
                            follow_up.set_status(&id.get_value(), status);
                        }
                    }
                >
                    {status_choices}
                </select>
                <label class="field" for=html_id("date")>
                    <span>{move || ui(lang.get()).next_date}</span>
                </label>
                <input
                    id=html_id("date")
                    type="date"
                    min="2000-01-01"
                    max="2099-12-31"
                    disabled=read_only
                    aria-invalid=move || date_problem.get().map(|_| "true")
                    aria-describedby=move || {
                        let problem = date_problem.get().map(|_| html_id("date-problem"));
                        let ids: Vec<String> = problem.into_iter().chain(follow_up.read_only_reason().map(str::to_owned)).collect();
                        (!ids.is_empty()).then(|| ids.join(" "))
                    }
                    prop:value=move || with_entry(&|entry| entry.next_date.map(|date| date.to_string()).unwrap_or_default())
                    on:change=move |event| {
                        // A year typed as 26 (0026) or with six digits would set a date nobody meant,
                        // and one that is no date would clear the saved one (issue 13): both are refused.
                        match next_date_from_field(&event_target_value(&event)) {
                            Ok(date) => {
                                date_problem.set(None);
                                follow_up.set_next_date(&id.get_value(), date);
                            }
                            Err(problem) => date_problem.set(Some(problem)),
                        }
                    }
                />
                {move || date_problem.get().map(|problem| view! {
                    <p class="form-error" id=html_id("date-problem")>{problem.message(lang.get())}</p>
                })}
                <label class="field" for=html_id("met")>
                    <span>{move || ui(lang.get()).met_at}</span>
                </label>
                <select
                    id=html_id("met")
                    disabled=read_only
                    aria-describedby=move || follow_up.read_only_reason()
                    on:change=choose_met_at
                >
                    <option value="" prop:selected=move || met_at_value().is_empty()>
                        {move || ui(lang.get()).met_at_none}
                    </option>
                    {met_at_options}
                    <option value="matchmaking" prop:selected=move || met_at_value() == "matchmaking">
                        {move || MetAt::Matchmaking.label(lang.get())}
                    </option>
                    <option value="other" prop:selected=move || met_at_value() == "other">
                        {move || ui(lang.get()).met_at_other}
                    </option>
                </select>
                <Show when=move || other_place.get() || met_at_value() == "other">
                    <input
                        type="text"
                        class="met-at-other"
                        node_ref=other_place_ref
                        maxlength=MetAt::MAX_OTHER_CHARS
                        disabled=read_only
                    aria-describedby=move || follow_up.read_only_reason()
                        aria-label=move || ui(lang.get()).met_at_other
                        prop:value=move || {
                            let saved = entry.with(|entry| match entry.as_ref().and_then(|entry| entry.met_at.as_ref()) {
                                Some(MetAt::Other(text)) => text.clone(),
                                _ => String::new(),
                            });
                            // Written on `change` only: while typed in, another tab's change to
                            // this entry (its status) would put the saved place over the text.
                            match other_place_ref.get_untracked() {
                                Some(input) if page::has_focus(&input) => input.value(),
                                _ => saved,
                            }
                        }
                        on:change=move |event| {
                            let text = event_target_value(&event);
                            // One visible line of at most MetAt::MAX_OTHER_CHARS (issue 13).
                            let met_at = MetAt::other(&text);
                            follow_up.set_met_at(&id.get_value(), met_at);
                        }
                    />
                </Show>
                <label class="field" for=html_id("note")>
                    <span>{move || ui(lang.get()).note}</span>
                </label>
                <textarea
                    id=html_id("note")
                    rows="3"
                    disabled=read_only
                    aria-describedby=move || follow_up.read_only_reason()
                    prop:value=move || with_entry(&|entry| entry.note.clone())
                    on:focus=move |_| follow_up.begin_typing(&id.get_value())
                    on:input=move |event| follow_up.set_note(&id.get_value(), &event_target_value(&event))
                    on:blur=move |_| follow_up.end_typing()
                ></textarea>
                <NoteConflictNotice entry=id.get_value() field_id=html_id("note") />
                // The first message prepared by matchmaking: shown, and edited, when there is one.
                <Show when=move || shows_introduction.get()>
                    <label class="field" for=html_id("introduction")>
                        <span>{move || ui(lang.get()).introduction}</span>
                    </label>
                    <textarea
                        id=html_id("introduction")
                        rows="5"
                        node_ref=introduction_ref
                        maxlength=MAX_INTRODUCTION_CHARS
                        disabled=read_only
                        aria-describedby=move || follow_up.read_only_reason()
                        prop:value=move || {
                            let saved = with_entry(&|entry| entry.introduction.clone());
                            // While typed in, what is typed stays: another tab's change to this
                            // entry must not put the saved text over it.
                            match introduction_ref.get_untracked() {
                                Some(field) if page::has_focus(&field) => field.value(),
                                _ => saved,
                            }
                        }
                        on:input=move |event| follow_up.set_introduction(&id.get_value(), &event_target_value(&event))
                        on:blur=move |_| follow_up.save_pending()
                    ></textarea>
                </Show>
            </div>
            <button
                type="button"
                class="link-button remove-entry"
                disabled=read_only
                    aria-describedby=move || follow_up.read_only_reason()
                on:click=move |_| follow_up.remove(&id.get_value())
            >
                {move || ui(lang.get()).remove}
                <span class="visually-hidden">
                    {move || format!(" ({})", entry.with(|entry| entry.as_ref().map(|entry| entry.display_name().to_owned()).unwrap_or_default()))}
                </span>
            </button>
        </li>
    }
}
