//! "Mi seguimiento / My follow-up": the visitor's list, its editor, exports and handoffs.

mod entry_card;
mod exports;
mod share;
mod unchecked_contact;

use leptos::prelude::*;
use vitrina_core::follow_up::export::damaged_list_file;
use vitrina_core::follow_up::nudge::{backup_nudge, days_since_backup, last_backup_label};
use vitrina_core::follow_up::typing::keep_shown_order;
use vitrina_core::follow_up::{EntryId, Filter, Persistence, PersonDetails, PersonField, PersonProblem, Status};
use vitrina_core::phone;
use vitrina_core::Lang;

use self::entry_card::EntryCard;
use self::exports::{download_backup, Exports};
use self::share::ShareList;
use crate::adapters::clock::{monotonic_ms, wall_clock_ms};
use crate::adapters::files;
use crate::adapters::page;
use crate::adapters::scheduling;
use crate::components::on_demand::PartFailed;
use crate::follow_up::FollowUp;
use crate::i18n::ui;
use crate::split::Deferred;
use crate::state::{Announcer, DirectoryState, Today, UiLang};

/// The follow-up list page.
#[component]
pub fn FollowUpPage() -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let follow_up = expect_context::<FollowUp>();
    let directory = expect_context::<DirectoryState>();
    let today = expect_context::<Today>();
    let announcer = expect_context::<Announcer>();
    let filter = RwSignal::new(Filter::default());
    let sorted_ids = Memo::new(move |_| {
        let today = today.get();
        filter.with(|filter| {
            follow_up
                .list()
                .with(|list| list.view(today, filter).iter().map(|entry| entry.id.clone()).collect::<Vec<_>>())
        })
    });
    // Issue 13: while a field inside the list has the focus, the list is not re-sorted under
    // it (another tab's change, or this tab's own status or date): moving the card being
    // typed in took its focus, and the next keys went nowhere. The new order comes when the
    // focus leaves the list, said politely.
    let focus_in_list = RwSignal::new(false);
    let list_ref = NodeRef::<leptos::html::Ol>::new();
    let shown_ids = Memo::new(move |shown: Option<&Vec<EntryId>>| {
        let frozen = focus_in_list.get();
        let sorted = sorted_ids.get();
        match shown {
            Some(shown) if frozen => keep_shown_order(shown, &sorted),
            _ => sorted,
        }
    });
    // Where the focus is, read again whenever it moves: into the list, within it, out of it.
    let follow_focus = move || {
        // Read after a timer too, when a link may have closed the page: then nothing to do.
        let Some(frozen) = focus_in_list.try_get_untracked() else { return };
        let inside = list_ref.get_untracked().is_some_and(|list| page::focus_is_within(&list));
        if inside == frozen {
            return;
        }
        let resorted = !inside && shown_ids.get_untracked() != sorted_ids.get_untracked();
        focus_in_list.set(inside);
        if resorted {
            announcer.announce(ui(lang.get_untracked()).list_resorted.to_owned());
        }
    };
    // Anywhere on the page: a card removed with the focus in it (its "remove" button) fires
    // no `focusout`, and the focus's next place is where the list learns it has left.
    let on_focus_anywhere = window_event_listener(leptos::ev::focusin, move |_| follow_focus());
    on_cleanup(move || on_focus_anywhere.remove());
    // Focus given to nothing (a click on the page's background) fires only `focusout`,
    // during which the focus is nowhere yet: read it once it has moved.
    let focus_left = move |_| {
        set_timeout(follow_focus, std::time::Duration::ZERO);
    };
    let total = move || follow_up.list().with(|list| list.len());
    let rendered = progressive_entries(shown_ids, filter);

    view! {
        <section class="follow-up" aria-labelledby="follow-up-heading">
            <h1 id="follow-up-heading">{move || ui(lang.get()).follow_up_heading}</h1>
            <p>{move || ui(lang.get()).follow_up_intro}</p>
            <StorageNotices />
            <BackupStatus />
            {move || directory.loaded().is_none().then(|| {
                directory.failed()
                    .then(|| view! { <p class="notice">{ui(lang.get()).directory_unavailable_list}</p> })
            })}
            <ListFilters filter=filter />
            <Show when=move || { total() == 0 }>
                <p class="empty-list">{move || ui(lang.get()).follow_up_empty}</p>
            </Show>
            <Show when=move || { total() > 0 && shown_ids.with(Vec::is_empty) }>
                <p class="empty-list">{move || ui(lang.get()).no_matching_entries}</p>
            </Show>
            <ol
                class="entry-list"
                node_ref=list_ref
                on:focusout=focus_left
            >
                <For
                    each=move || shown_ids.with(|ids| ids.iter().take(rendered.get()).cloned().collect::<Vec<_>>())
                    key=|id| id.clone()
                    children=move |id| view! { <EntryCard id=id today=today.signal() /> }
                />
            </ol>
            <AddPerson />
            <Exports shown_ids=shown_ids filter=filter />
            <ShareList shown_ids=shown_ids />
        </section>
    }
}

/// Entries in the list's first frame: more than a laptop's screen holds, so the first
/// screen is whole at once; the rest follow a few per task (`progressive_entries`).
const FIRST_FRAME_ENTRIES: usize = 5;

/// Entries added by the first task after the first frame; later tasks add more or fewer so
/// that each step (its cards, and the frame after them) takes about `STEP_TARGET_MS`, between
/// `MIN_ENTRIES_PER_TASK` and `MAX_ENTRIES_PER_TASK`. Every frame also lays out the whole list
/// once, a cost that does not shrink with the step: a floor of several cards per step keeps a
/// long list from taking many times longer in all than in one task (measured: two cards per
/// step took a 1,000-entry list 90 s at 4x, one task 16 s).
const FIRST_ENTRIES_PER_TASK: usize = 8;
const MIN_ENTRIES_PER_TASK: usize = 8;
const MAX_ENTRIES_PER_TASK: usize = 50;

/// What one step of rendering may take: about the 50 ms after which a tap feels ignored.
const STEP_TARGET_MS: f64 = 50.0;

/// How many of the shown entries are rendered (tracked): a screenful first, then the rest
/// a few per task after the first paint, until every entry is in the page (find-in-page and
/// screen readers then see the whole list; a 1,000-entry list took seconds to show when its
/// cards were built in one task). A new filter starts again from a screenful, since the
/// cards it shows are mostly new; a change to the list itself (a status, another tab's
/// edit, an import) keeps what is rendered, so no card under the visitor's hands goes away.
fn progressive_entries(shown_ids: Memo<Vec<EntryId>>, filter: RwSignal<Filter>) -> Signal<usize> {
    let limit = RwSignal::new(FIRST_FRAME_ENTRIES);
    // Which run of steps is current: a new filter starts a new one and the old one stops.
    let generation = StoredValue::new(0_u32);
    let start = move || {
        let Some(run) = generation.try_update_value(|n| {
            *n = n.wrapping_add(1);
            *n
        }) else {
            return;
        };
        // The size of the next step, and when the last one started (its cards were built in its
        // task and laid out in the frame after it, both before this step's task).
        let mut per_task = FIRST_ENTRIES_PER_TASK;
        let mut last_step_at: Option<f64> = None;
        leptos::task::spawn_local(scheduling::step_after_paint(move || {
            // The page is gone, or a newer run took over.
            if generation.try_get_value() != Some(run) {
                return false;
            }
            let (Some(ready), Some(shown)) = (limit.try_get_untracked(), shown_ids.try_with_untracked(Vec::len)) else {
                return false;
            };
            if ready >= shown {
                // Everything is rendered: later additions (an import, another tab) render at once.
                limit.set(usize::MAX);
                return false;
            }
            let now = monotonic_ms();
            if let Some(last) = last_step_at {
                let took = (now - last).max(1.0);
                let scaled = (per_task as f64 * STEP_TARGET_MS / took) as usize;
                // At most double: one quick step (a frame skipped) is no promise.
                per_task = scaled.clamp(MIN_ENTRIES_PER_TASK, (per_task * 2).min(MAX_ENTRIES_PER_TASK));
            }
            last_step_at = Some(now);
            limit.set(ready + per_task);
            true
        }));
    };
    start();
    // A new filter (not its first value) starts from a screenful again.
    Effect::new(move |previous: Option<Filter>| {
        let current = filter.get();
        if previous.is_some_and(|previous| previous != current) {
            limit.set(FIRST_FRAME_ENTRIES);
            start();
        }
        current
    });
    limit.into()
}

/// Load problems, memory-only storage and read-only lists, said plainly.
#[component]
fn StorageNotices() -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
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
                        files::download(&damaged_list_file(&raw, lang));
                    };
                    view! {
                        <button type="button" class="button button-secondary" on:click=download>
                            {ui(lang).download_damaged}
                        </button>
                    }
                })}
                <button type="button" class="link-button" on:click=move |_| follow_up.dismiss_load_notice()>
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
    let lang = expect_context::<UiLang>().signal();
    let follow_up = expect_context::<FollowUp>();
    let today = expect_context::<Today>();
    // A memo, so that a keystroke in a note (a change to the list) rebuilds nothing here
    // unless what is shown changes: on a 1,000-entry list every rebuilt node costs a frame.
    let status = Memo::new(move |_| {
        let now = wall_clock_ms();
        follow_up.list().with(|list| (list.is_empty(), days_since_backup(list, now), backup_nudge(list, now)))
    });
    // The backup's writer is in the exports' chunk, which may fail to download.
    let backup_failed = RwSignal::new(false);
    let back_up = move || {
        backup_failed.set(false);
        let (lang, today) = (lang.get_untracked(), today.get_untracked());
        leptos::task::spawn_local(async move {
            if download_backup(follow_up, lang, today).await.is_err() {
                backup_failed.try_set(true);
            }
        });
    };
    move || {
        let lang = lang.get();
        let (empty, days, nudge) = status.get();
        if empty {
            return None;
        }
        let backup = move |_| back_up();
        Some(view! {
            <div class="backup-status">
                <p class="hint">{last_backup_label(days, lang)}</p>
                <Show when=move || backup_failed.get()>
                    <PartFailed on_retry=Callback::new(move |()| back_up()) />
                </Show>
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

/// One `<option>` per status, labelled in `lang`.
pub(super) fn status_options(lang: Lang) -> impl IntoView {
    Status::ALL
        .into_iter()
        .map(|status| view! { <option value=status.key()>{status.label(lang)}</option> })
        .collect_view()
}

/// Status, event and text filters for the list.
#[component]
fn ListFilters(filter: RwSignal<Filter>) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let follow_up = expect_context::<FollowUp>();
    let status_choices = move || status_options(lang.get());
    // A memo for the same reason as `BackupStatus`'s: typing a note leaves the options alone.
    let events = Memo::new(move |_| follow_up.list().with(|list| list.events()));
    let event_options = move || {
        events
            .get()
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

/// A person met who is not in the directory.
///
/// Every field is checked before saving ([`PersonDetails::checked`]): a field that is
/// still wrong is marked `aria-invalid`, its message (named by `aria-describedby`) says
/// what is wrong, focus goes to the first one, and what was typed stays in the fields.
/// A phone is read in the directory's country and shown back as it will be saved.
#[component]
fn AddPerson() -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let follow_up = expect_context::<FollowUp>();
    let fields = ["name", "company", "role", "email", "phone"].map(|_| RwSignal::new(String::new()));
    let [name, company, role, email, phone] = fields;
    let inputs = [(); 5].map(|_| NodeRef::<leptos::html::Input>::new());
    const ORDER: [PersonField; 5] =
        [PersonField::Name, PersonField::Company, PersonField::Role, PersonField::Email, PersonField::Phone];
    let problems = RwSignal::new(Vec::<(PersonField, PersonProblem)>::new());
    let error = RwSignal::new(None::<vitrina_core::follow_up::FollowUpError>);
    // The directory format names no country of its own: numbers without + are Mexican.
    let country = StoredValue::new(phone::default_country());
    let typed = move || PersonDetails {
        name: name.get_untracked(),
        company: company.get_untracked(),
        role: role.get_untracked(),
        email: email.get_untracked(),
        phone: phone.get_untracked(),
    };
    let check = move || country.with_value(|country| typed().checked(country));
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let details = match check() {
            Ok(details) => details,
            Err(found) => {
                error.set(None);
                let first = found.first().and_then(|(field, _)| ORDER.iter().position(|f| f == field));
                problems.set(found);
                if let Some(input) = first.and_then(|at| inputs[at].get_untracked()) {
                    page::focus(&input);
                }
                return;
            }
        };
        problems.set(Vec::new());
        match follow_up.add_person(&details) {
            Ok(_) => {
                error.set(None);
                fields.iter().for_each(|field| field.set(String::new()));
            }
            Err(problem) => error.set(Some(problem)),
        }
    };
    // Once a field was flagged, each change checks again, so a fixed field stops saying so.
    let recheck = move || {
        if !problems.with_untracked(Vec::is_empty) {
            problems.set(check().err().unwrap_or_default());
        }
    };
    let show_phone_back = move || {
        let shown = country.with_value(|country| phone::from_typed(&phone.get_untracked(), country).ok());
        if let Some(number) = shown {
            phone.set(phone::display(&number));
        }
    };
    let input = move |at: usize, label: fn(&crate::i18n::Ui) -> &'static str, kind: &'static str| {
        let field = ORDER[at];
        // What is kept at most: typing stops there instead of being cut when saved.
        let max_length = match field {
            PersonField::Email => 254,
            PersonField::Phone => phone::MAX_TYPED_LEN,
            _ => PersonDetails::MAX_TEXT_CHARS,
        };
        let signal = fields[at];
        let message_id = format!("add-person-{at}-problem");
        let hint_id = (field == PersonField::Phone).then_some("add-person-phone-hint");
        let problem = move || {
            problems.with(|problems| problems.iter().find(|(f, _)| *f == field).map(|(_, problem)| problem.clone()))
        };
        let described_by = {
            let message_id = message_id.clone();
            move || {
                let ids: Vec<&str> = problem().map(|_| message_id.as_str()).into_iter().chain(hint_id).collect();
                (!ids.is_empty()).then(|| ids.join(" "))
            }
        };
        view! {
            <label class="field">
                <span>{move || label(ui(lang.get()))}</span>
                <input
                    type=kind
                    maxlength=max_length
                    node_ref=inputs[at]
                    aria-invalid=move || problem().map(|_| "true")
                    aria-describedby=described_by
                    prop:value=move || signal.get()
                    on:input=move |event| signal.set(event_target_value(&event))
                    on:change=move |_| {
                        if field == PersonField::Phone {
                            show_phone_back();
                        }
                        recheck();
                    }
                />
            </label>
            {hint_id.map(|id| view! { <p class="hint" id=id>{move || ui(lang.get()).person_phone_hint}</p> })}
            {move || problem().map(|problem| view! {
                <p class="form-error" id=message_id.clone()>{problem.message(lang.get())}</p>
            })}
        }
    };
    view! {
        <details class="add-person">
            <summary>{move || ui(lang.get()).add_person}</summary>
            <form on:submit=submit novalidate>
                {input(0, |ui| ui.person_name, "text")}
                {input(1, |ui| ui.person_company, "text")}
                {input(2, |ui| ui.person_role, "text")}
                {input(3, |ui| ui.person_email, "email")}
                {input(4, |ui| ui.person_phone, "tel")}
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

crate::split_point! {
    chunk = follow_up, preload = preload_follow_up;
    /// The follow-up page, from its chunk (fetched early: see `pages::preload_for`). The list
    /// itself (`crate::follow_up`) is in the landing module: every card's save button uses it.
    pub fn follow_up_page() -> Deferred {
        Box::new(|| view! { <FollowUpPage /> }.into_any())
    }
}
