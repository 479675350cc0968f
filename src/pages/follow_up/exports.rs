//! The follow-up list's exports (vCard, CSV, iCalendar, backup) and the backup import.

use leptos::prelude::*;
use vitrina_core::follow_up::export::ExportFormat;
use vitrina_core::follow_up::{export, import_backup, EntryId, Filter, Scope};
use vitrina_core::APP_NAME;

use crate::adapters::clock::wall_clock_ms;
use crate::adapters::files::{self, Delivery};
use crate::follow_up::FollowUp;
use crate::i18n::ui;
use crate::state::{DirectoryState, Today, UiLang};

/// vCard, CSV, iCalendar and backup exports, and the backup import.
#[component]
pub fn Exports(shown_ids: Memo<Vec<EntryId>>, filter: RwSignal<Filter>) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let follow_up = expect_context::<FollowUp>();
    let today = expect_context::<Today>();
    let directory = expect_context::<DirectoryState>();
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
        follow_up
            .list()
            .with_untracked(|list| export(list, format, scope, lang, today.get_untracked(), wall_clock_ms()))
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
                    if files::share_file(&file, APP_NAME).await == Delivery::Unsupported {
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
        let Some(file) = files::take_picked_file(&event) else { return };
        leptos::task::spawn_local(async move {
            let lang = lang.get_untracked();
            let outcome = match files::read_file(&file).await {
                Ok(bytes) => {
                    let catalog = untrack(|| directory.loaded());
                    follow_up.take_in(catalog.as_ref().map(|catalog| &catalog.directory), |list, now| {
                        // The core leaves the list untouched on any error.
                        import_backup(list, &bytes, now)
                    })
                }
                Err(detail) => {
                    import_message.set(Some((false, format!("{} {detail}", ui(lang).import_unreadable))));
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
