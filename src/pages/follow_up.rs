//! "Mi seguimiento / My follow-up": the visitor's list, its editor, exports and handoffs.

use std::sync::Arc;

use leptos::prelude::*;
use vitrina_core::follow_up::export::ExportFormat;
use vitrina_core::follow_up::links::{mailto_link, tel_link, whatsapp_link};
use vitrina_core::follow_up::nudge::{backup_nudge, days_since_backup, last_backup_label};
use vitrina_core::follow_up::share::{handoff_fragments, shortlist_fragment};
use vitrina_core::follow_up::{
    export, import_backup, Channel, Entry, EntryId, ExportFile, Filter, MetAt, Persistence, PersonDetails, Scope,
    Status,
};
use vitrina_core::format::long_date;
use vitrina_core::valid::IsoDate;
use vitrina_core::{Lang, Route};
use wasm_bindgen::JsCast;

use crate::adapters::files::{self, Delivery};
use crate::adapters::page;
use crate::components::lazy_details::LazyDetails;
use crate::components::qr_code::QrCode;
use crate::follow_up::{now_ms, FollowUp};
use crate::i18n::ui;
use crate::state::{Catalog, DirectoryState, UiLang};

/// Longest handoff link: short enough that its QR code (about version 22, 105 modules)
/// still scans from a phone screen held at arm's length.
const HANDOFF_PART_LENGTH: usize = 900;

/// The follow-up list page.
#[component]
pub fn FollowUpPage() -> impl IntoView {
    let UiLang(lang) = expect_context::<UiLang>();
    let follow_up = expect_context::<FollowUp>();
    let directory = expect_context::<DirectoryState>();
    let today = page::today();
    let filter = RwSignal::new(Filter::default());
    let shown_ids = Memo::new(move |_| {
        filter.with(|filter| {
            follow_up
                .list()
                .with(|list| list.view(today, filter).iter().map(|entry| entry.id.clone()).collect::<Vec<_>>())
        })
    });
    let total = move || follow_up.list().with(|list| list.len());

    view! {
        <section class="follow-up" aria-labelledby="follow-up-heading">
            <h1 id="follow-up-heading">{move || ui(lang.get()).follow_up_heading}</h1>
            <p>{move || ui(lang.get()).follow_up_intro}</p>
            <StorageNotices />
            <BackupStatus />
            {move || directory.loaded().is_none().then(|| {
                matches!(directory.0.get(), crate::state::LoadState::Failed(_))
                    .then(|| view! { <p class="notice">{ui(lang.get()).directory_unavailable_list}</p> })
            })}
            <ListFilters filter=filter />
            <Show when=move || { total() == 0 }>
                <p class="empty-list">{move || ui(lang.get()).follow_up_empty}</p>
            </Show>
            <Show when=move || { total() > 0 && shown_ids.with(Vec::is_empty) }>
                <p class="empty-list">{move || ui(lang.get()).no_matching_entries}</p>
            </Show>
            <ol class="entry-list">
                <For
                    each=move || shown_ids.get()
                    key=|id| id.clone()
                    children=move |id| view! { <EntryCard id=id today=today /> }
                />
            </ol>
            <AddPerson />
            <Exports shown_ids=shown_ids filter=filter />
            <ShareList shown_ids=shown_ids />
        </section>
    }
}

/// Load problems, memory-only storage and read-only lists, said plainly.
#[component]
fn StorageNotices() -> impl IntoView {
    let UiLang(lang) = expect_context::<UiLang>();
    let follow_up = expect_context::<FollowUp>();
    let load_notice = move || {
        let notice = follow_up.load_notice().get()?;
        let lang = lang.get();
        let message = notice.message(lang)?;
        let damaged = notice.damaged_text().map(str::to_owned);
        Some(view! {
            <div class="notice notice-warning" role="alert">
                <p>{message}</p>
                {damaged.map(|raw| {
                    let download = move |_| {
                        files::download(&ExportFile {
                            file_name: "vitrina-seguimiento-danado.txt".to_owned(),
                            mime_type: "text/plain;charset=utf-8",
                            content: raw.clone(),
                        });
                    };
                    view! {
                        <button type="button" class="button button-secondary" on:click=download>
                            {ui(lang).download_damaged}
                        </button>
                    }
                })}
                <button type="button" class="link-button" on:click=move |_| follow_up.load_notice().set(None)>
                    {ui(lang).dismiss}
                </button>
            </div>
        })
    };
    let persistence = move || {
        let lang = lang.get();
        match follow_up.persistence().get() {
            // The error's message says it all: not kept, and export to keep it.
            Persistence::MemoryOnly { error } => Some(view! {
                <p class="notice notice-warning" role="status">{error.message(lang)}</p>
            }),
            _ => None,
        }
    };
    view! {
        {load_notice}
        {persistence}
    }
}

/// "Last backup: 3 days ago", and a gentle nudge when it is time for one.
#[component]
fn BackupStatus() -> impl IntoView {
    let UiLang(lang) = expect_context::<UiLang>();
    let follow_up = expect_context::<FollowUp>();
    move || {
        let lang = lang.get();
        let now = now_ms();
        let (empty, days, nudge) =
            follow_up.list().with(|list| (list.is_empty(), days_since_backup(list, now), backup_nudge(list, now)));
        if empty {
            return None;
        }
        let backup = move |_| download_backup(follow_up, lang);
        Some(view! {
            <div class="backup-status">
                <p class="hint">{last_backup_label(days, lang)}</p>
                {nudge.map(|nudge| view! {
                    <div class="notice" role="status">
                        <p>{nudge.message(lang)}</p>
                        <button type="button" class="button" on:click=backup>{ui(lang).backup_now}</button>
                        <button
                            type="button"
                            class="link-button"
                            on:click=move |_| follow_up.apply(|list, now| list.dismiss_nudge(now))
                        >
                            {ui(lang).dismiss}
                        </button>
                    </div>
                })}
            </div>
        })
    }
}

fn download_backup(follow_up: FollowUp, lang: Lang) {
    let file = follow_up
        .list()
        .with_untracked(|list| export(list, ExportFormat::Backup, Scope::All, lang, page::today(), now_ms()));
    if files::download(&file) == Delivery::Delivered {
        follow_up.apply(|list, now| list.mark_backed_up(now));
    }
}

/// One `<option>` per status, labelled in `lang`.
fn status_options(lang: Lang) -> impl IntoView {
    Status::ALL
        .into_iter()
        .map(|status| view! { <option value=status.key()>{status.label(lang)}</option> })
        .collect_view()
}

/// Status, event and text filters for the list.
#[component]
fn ListFilters(filter: RwSignal<Filter>) -> impl IntoView {
    let UiLang(lang) = expect_context::<UiLang>();
    let follow_up = expect_context::<FollowUp>();
    let status_choices = move || status_options(lang.get());
    let event_options = move || {
        follow_up
            .list()
            .with(|list| list.events())
            .into_iter()
            .map(|(id, name, count)| view! { <option value=id.as_str().to_owned()>{format!("{name} ({count})")}</option> })
            .collect_view()
    };
    view! {
        <div class="list-filters">
            <label class="field">
                <span>{move || ui(lang.get()).search_list}</span>
                <input
                    type="search"
                    autocomplete="off"
                    prop:value=move || filter.with(|filter| filter.text.clone())
                    on:input=move |event| filter.update(|filter| filter.text = event_target_value(&event))
                />
            </label>
            <label class="field">
                <span>{move || ui(lang.get()).filter_status}</span>
                <select on:change=move |event| {
                    let value = event_target_value(&event);
                    filter.update(|filter| filter.status = Status::from_key(&value));
                }>
                    <option value="">{move || ui(lang.get()).all_statuses}</option>
                    {status_choices}
                </select>
            </label>
            <label class="field">
                <span>{move || ui(lang.get()).filter_event}</span>
                <select on:change=move |event| {
                    let value = event_target_value(&event);
                    filter.update(|filter| filter.event = (!value.is_empty()).then_some(value));
                }>
                    <option value="">{move || ui(lang.get()).all_events_filter}</option>
                    {event_options}
                </select>
            </label>
        </div>
    }
}

/// One entry with everything it takes to follow up: links, status, date, place, note.
#[component]
fn EntryCard(id: EntryId, today: IsoDate) -> impl IntoView {
    let UiLang(lang) = expect_context::<UiLang>();
    let follow_up = expect_context::<FollowUp>();
    let directory = expect_context::<DirectoryState>();
    let entry = {
        let id = id.clone();
        Memo::new(move |_| follow_up.list().with(|list| list.get(&id).cloned()))
    };
    let id = StoredValue::new(id);
    let html_id = move |field: &str| format!("entry-{}-{field}", id.with_value(|id| id.as_str().replace('.', "-")));
    let with_entry =
        move |read: &dyn Fn(&Entry) -> String| entry.with(|entry| entry.as_ref().map(read).unwrap_or_default());

    let header = move || {
        let lang = lang.get();
        let entry = entry.get()?;
        let due = entry.due(today);
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
                {format!("{} · ", long_date(IsoDate::from_days_since_epoch(entry.added_at.div_euclid(86_400_000)), lang))}
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
        })
    };

    let status_choices = move || status_options(lang.get());
    let met_at_value = move || {
        entry.with(|entry| match entry.as_ref().and_then(|entry| entry.met_at.as_ref()) {
            Some(MetAt::Event { id, .. }) => format!("event:{}", id.as_str()),
            Some(MetAt::Other(_)) => "other".to_owned(),
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
            None => None,
        };
        if value != "other" {
            follow_up.set_met_at(&id.get_value(), met_at);
        }
    };

    view! {
        <li class="entry" class:overdue=move || entry.with(|entry| entry.as_ref().is_some_and(|entry| entry.due(today).needs_attention()))>
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
                    disabled=read_only
                    aria-describedby=move || follow_up.read_only_reason()
                    prop:value=move || with_entry(&|entry| entry.next_date.map(|date| date.to_string()).unwrap_or_default())
                    on:change=move |event| {
                        let value = event_target_value(&event);
                        follow_up.set_next_date(&id.get_value(), IsoDate::parse(&value));
                    }
                />
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
                    <option value="other" prop:selected=move || met_at_value() == "other">
                        {move || ui(lang.get()).met_at_other}
                    </option>
                </select>
                <Show when=move || other_place.get() || met_at_value() == "other">
                    <input
                        type="text"
                        class="met-at-other"
                        disabled=read_only
                    aria-describedby=move || follow_up.read_only_reason()
                        aria-label=move || ui(lang.get()).met_at_other
                        prop:value=move || {
                            entry.with(|entry| match entry.as_ref().and_then(|entry| entry.met_at.as_ref()) {
                                Some(MetAt::Other(text)) => text.clone(),
                                _ => String::new(),
                            })
                        }
                        on:change=move |event| {
                            let text = event_target_value(&event);
                            let met_at = (!text.trim().is_empty()).then(|| MetAt::Other(text.trim().to_owned()));
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
                    on:input=move |event| follow_up.set_note(&id.get_value(), &event_target_value(&event))
                ></textarea>
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

/// A person met who is not in the directory.
#[component]
fn AddPerson() -> impl IntoView {
    let UiLang(lang) = expect_context::<UiLang>();
    let follow_up = expect_context::<FollowUp>();
    let fields = ["name", "company", "role", "email", "phone"].map(|_| RwSignal::new(String::new()));
    let [name, company, role, email, phone] = fields;
    let error = RwSignal::new(None::<vitrina_core::follow_up::FollowUpError>);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let value = |signal: RwSignal<String>| signal.get_untracked().trim().to_owned();
        let details = PersonDetails {
            name: value(name),
            company: value(company),
            role: value(role),
            email: value(email),
            phone: value(phone),
        };
        match follow_up.add_person(&details) {
            Ok(_) => {
                error.set(None);
                fields.iter().for_each(|field| field.set(String::new()));
            }
            Err(problem) => error.set(Some(problem)),
        }
    };
    let input = move |label: fn(&crate::i18n::Ui) -> &'static str, signal: RwSignal<String>, kind: &'static str| {
        view! {
            <label class="field">
                <span>{move || label(ui(lang.get()))}</span>
                <input
                    type=kind
                    prop:value=move || signal.get()
                    on:input=move |event| signal.set(event_target_value(&event))
                />
            </label>
        }
    };
    view! {
        <details class="add-person">
            <summary>{move || ui(lang.get()).add_person}</summary>
            <form on:submit=submit novalidate>
                {input(|ui| ui.person_name, name, "text")}
                {input(|ui| ui.person_company, company, "text")}
                {input(|ui| ui.person_role, role, "text")}
                {input(|ui| ui.person_email, email, "email")}
                {input(|ui| ui.person_phone, phone, "tel")}
                {move || error.get().map(|problem| view! {
                    <p class="form-error" role="alert">{problem.message(lang.get())}</p>
                })}
                <button
                    type="submit"
                    class="button"
                    disabled=move || !follow_up.is_writable()
                    aria-describedby=move || follow_up.read_only_reason()
                >
                    {move || ui(lang.get()).add}
                </button>
            </form>
        </details>
    }
}

/// vCard, CSV, iCalendar and backup exports, and the backup import.
#[component]
fn Exports(shown_ids: Memo<Vec<EntryId>>, filter: RwSignal<Filter>) -> impl IntoView {
    let UiLang(lang) = expect_context::<UiLang>();
    let follow_up = expect_context::<FollowUp>();
    let only_shown = RwSignal::new(false);
    let import_message = RwSignal::new(None::<(bool, String)>);
    let can_share = files::can_share_files();
    let make_file = move |format: ExportFormat| {
        let lang = lang.get_untracked();
        let ids = shown_ids.get_untracked();
        let scope = if only_shown.get_untracked() && !filter.with_untracked(Filter::is_empty) {
            Scope::Only(&ids)
        } else {
            Scope::All
        };
        follow_up.list().with_untracked(|list| export(list, format, scope, lang, page::today(), now_ms()))
    };
    let formats = [ExportFormat::VCard, ExportFormat::Csv, ExportFormat::ICalendar, ExportFormat::Backup];
    let rows = formats
        .into_iter()
        .map(|format| {
            let download = move |_| {
                let file = make_file(format);
                if files::download(&file) == Delivery::Delivered && format == ExportFormat::Backup {
                    follow_up.apply(|list, now| list.mark_backed_up(now));
                }
            };
            let share = move |_| {
                let file = make_file(format);
                leptos::task::spawn_local(async move {
                    if files::share_file(&file, "Vitrina").await == Delivery::Unsupported {
                        files::download(&file);
                    }
                });
            };
            view! {
                <li class="export-row">
                    <span>{move || format.label(lang.get())}</span>
                    // Four rows of "Download": the hidden format names tell them apart for screen readers.
                    <button type="button" class="button button-secondary" on:click=download>
                        {move || ui(lang.get()).download}
                        <span class="visually-hidden">{move || format!(" ({})", format.label(lang.get()))}</span>
                    </button>
                    {can_share.then(|| view! {
                        <button type="button" class="button button-secondary" on:click=share>
                            {move || ui(lang.get()).share_file}
                            <span class="visually-hidden">{move || format!(" ({})", format.label(lang.get()))}</span>
                        </button>
                    })}
                </li>
            }
        })
        .collect_view();
    let import = move |event: leptos::ev::Event| {
        let Some(input) = event.target().and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
        input.set_value("");
        leptos::task::spawn_local(async move {
            let lang = lang.get_untracked();
            let outcome = match files::read_file(&file).await {
                Ok(bytes) => follow_up.apply(|list, now| {
                    // The core leaves the list untouched on any error.
                    import_backup(list, &bytes, now)
                }),
                Err(detail) => {
                    import_message.set(Some((false, detail)));
                    return;
                }
            };
            import_message.set(Some(match outcome {
                Ok(summary) => (true, summary.message(lang)),
                Err(error) => (false, error.message(lang)),
            }));
        });
    };
    view! {
        <section class="exports" aria-labelledby="exports-heading">
            <h2 id="exports-heading">{move || ui(lang.get()).export_heading}</h2>
            <fieldset class="export-scope">
                <legend class="visually-hidden">{move || ui(lang.get()).export_heading}</legend>
                <label class="facet-option">
                    <input type="radio" name="export-scope" prop:checked=move || !only_shown.get() on:change=move |_| only_shown.set(false) />
                    <span>{move || ui(lang.get()).export_scope_all}</span>
                </label>
                <label class="facet-option">
                    <input type="radio" name="export-scope" prop:checked=move || only_shown.get() on:change=move |_| only_shown.set(true) />
                    <span>{move || ui(lang.get()).export_scope_shown}</span>
                </label>
            </fieldset>
            <ul class="export-list">{rows}</ul>
            <label class="field import-backup">
                <span>{move || ui(lang.get()).import_backup}</span>
                <input
                    type="file"
                    accept=".json,application/json"
                    disabled=move || !follow_up.is_writable()
                    aria-describedby=move || follow_up.read_only_reason()
                    on:change=import
                />
            </label>
            {move || import_message.get().map(|(ok, message)| view! {
                // A refused file is an error the visitor must notice, like the form's errors.
                <p class="notice" class:notice-warning=!ok role=if ok { "status" } else { "alert" }>{message}</p>
            })}
        </section>
    }
}

/// The shortlist link and the whole-list handoff links.
#[component]
fn ShareList(shown_ids: Memo<Vec<EntryId>>) -> impl IntoView {
    let UiLang(lang) = expect_context::<UiLang>();
    let follow_up = expect_context::<FollowUp>();
    let with_notes = RwSignal::new(false);
    let copy_result = RwSignal::new(None::<(bool, String)>);
    let base = move || {
        web_sys::window()
            .and_then(|window| window.location().href().ok())
            .map(|href| href.split('#').next().unwrap_or_default().to_owned())
            .unwrap_or_default()
    };
    let copy_shortlist = move |_| {
        let ids = shown_ids.get_untracked();
        let fragment =
            follow_up.list().with_untracked(|list| shortlist_fragment(&list.select(&ids), with_notes.get_untracked()));
        let link = format!("{}{fragment}", base());
        leptos::task::spawn_local(async move {
            let copied = files::copy_text(&link).await;
            copy_result.set(Some((copied, link)));
        });
    };
    let handoff_links = move || {
        let parts = follow_up.list().with(|list| handoff_fragments(list, HANDOFF_PART_LENGTH)).unwrap_or_default();
        let base = base();
        let total = parts.len();
        let lang = lang.get();
        parts
            .into_iter()
            .enumerate()
            .map(|(index, fragment)| {
                let href = format!("{base}{fragment}");
                let label = match lang {
                    Lang::Es => format!("Código QR, parte {} de {total}", index + 1),
                    Lang::En => format!("QR code, part {} of {total}", index + 1),
                };
                view! {
                    <li class="handoff-part">
                        <QrCode text=href.clone() label=label />
                        <a class="handoff-link" href=href.clone()>{format!("{} {}", index + 1, href)}</a>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="share" aria-labelledby="share-heading">
            <h2 id="share-heading">{move || ui(lang.get()).share_heading}</h2>
            <label class="facet-option">
                <input type="checkbox" prop:checked=move || with_notes.get() on:change=move |_| with_notes.update(|on| *on = !*on) />
                <span>{move || ui(lang.get()).share_with_notes}</span>
            </label>
            <button type="button" class="button button-secondary" on:click=copy_shortlist>
                {move || ui(lang.get()).share_shortlist}
            </button>
            {move || copy_result.get().map(|(copied, link)| {
                let lang = lang.get();
                if copied {
                    view! { <p class="notice" role="status">{ui(lang).copied}</p> }.into_any()
                } else {
                    view! {
                        <p class="notice" role="status">
                            {ui(lang).copy_failed}
                            " "
                            <code class="shared-link">{link}</code>
                        </p>
                    }
                    .into_any()
                }
            })}
            <Show when=move || follow_up.list().with(|list| !list.is_empty())>
                <LazyDetails
                    class="handoff"
                    summary=Signal::derive(move || ui(lang.get()).handoff_show.to_owned())
                >
                    <p>{move || ui(lang.get()).handoff_link}</p>
                    <ol class="handoff-links">{handoff_links}</ol>
                </LazyDetails>
            </Show>
        </section>
    }
}
