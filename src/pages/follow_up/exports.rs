//! The follow-up list's exports (vCard, CSV, iCalendar, backup) and the backup import.

use leptos::prelude::*;
use vitrina_core::follow_up::export::ExportFormat;
use vitrina_core::follow_up::{export, import_backup, EntryId, ExportFile, Filter, FollowUpList, Millis, Scope};
use vitrina_core::valid::IsoDate;
use vitrina_core::{Lang, APP_NAME};

use crate::adapters::clock::wall_clock_ms;
use crate::adapters::files::{self, Delivery};
use crate::adapters::scheduling;
use crate::components::on_demand::PartFailed;
use crate::follow_up::FollowUp;
use crate::i18n::ui;
use crate::split::ChunkUnavailable;
use crate::state::{DirectoryState, Today, UiLang};

crate::split_point! {
    chunk = exports, preload = preload_exports;
    /// The file of one export of `list` (all of it, or `only` these entries), written by the
    /// chunk that holds the vCard, CSV, iCalendar and backup writers.
    pub fn export_file(
        list: FollowUpList,
        format: ExportFormat,
        only: Option<Vec<EntryId>>,
        lang: Lang,
        today: IsoDate,
        now_ms: Millis,
    ) -> ExportFile {
        let scope = match &only {
            Some(ids) => Scope::Only(ids),
            None => Scope::All,
        };
        export(&list, format, scope, lang, today, now_ms)
    }
}

/// What an export button does with the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Handover {
    Download,
    Share,
}

/// Downloads the whole list's backup, and notes when it was taken; `Err` when the exports'
/// chunk could not be downloaded (the caller offers a retry).
pub(super) async fn download_backup(follow_up: FollowUp, lang: Lang, today: IsoDate) -> Result<(), ChunkUnavailable> {
    let list = follow_up.list().get_untracked();
    let file = export_file(list, ExportFormat::Backup, None, lang, today, wall_clock_ms()).await?;
    if files::download(&file) == Delivery::Delivered {
        follow_up.apply(|list, now| list.mark_backed_up(now));
    }
    Ok(())
}

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
    // The export that could not run because its chunk did not download, for the retry.
    let failed = RwSignal::new(None::<(ExportFormat, Handover)>);
    // The writers are a chunk of their own, fetched once the page has settled: a click then
    // finds them there, and the share sheet still counts as the visitor's own gesture.
    scheduling::spawn(async {
        scheduling::when_idle().await;
        let _ = preload_exports().await;
    });
    let hand_over = move |format: ExportFormat, handover: Handover| {
        let lang = lang.get_untracked();
        let only =
            (only_shown.get_untracked() && !filter.with_untracked(Filter::is_empty)).then(|| shown_ids.get_untracked());
        let list = follow_up.list().get_untracked();
        let today = today.get_untracked();
        failed.set(None);
        leptos::task::spawn_local(async move {
            let file = match export_file(list, format, only, lang, today, wall_clock_ms()).await {
                Ok(file) => file,
                Err(ChunkUnavailable) => {
                    failed.try_set(Some((format, handover)));
                    return;
                }
            };
            match handover {
                Handover::Download => {
                    if files::download(&file) == Delivery::Delivered && format == ExportFormat::Backup {
                        follow_up.apply(|list, now| list.mark_backed_up(now));
                    }
                }
                Handover::Share => {
                    if files::share_file(&file, APP_NAME).await == Delivery::Unsupported {
                        files::download(&file);
                    }
                }
            }
        });
    };
    let retry = Callback::new(move |()| {
        if let Some((format, handover)) = failed.get_untracked() {
            hand_over(format, handover);
        }
    });
    let formats = [ExportFormat::VCard, ExportFormat::Csv, ExportFormat::ICalendar, ExportFormat::Backup];
    let rows = formats
        .into_iter()
        .map(|format| {
            let download = move |_| hand_over(format, Handover::Download);
            let share = move |_| hand_over(format, Handover::Share);
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
            <Show when=move || failed.with(Option::is_some)>
                <PartFailed on_retry=retry />
            </Show>
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
