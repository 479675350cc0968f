//! The staff page: files in, the plan, the problems, the merge summary, files out, preview.
//!
//! One page, in the order a staff member works; each step's heading takes the focus when a
//! step's result arrives, and a live region says what is happening.

use leptos::prelude::*;
use vitrina_core::Lang;

use crate::adapters::files::{self, PickedFile};
use crate::adapters::worker::{self, WorkerFailure};
use crate::adapters::{page, preview, storage};
use crate::i18n::{field_label, ui};
use crate::protocol::{encode_request, Assignment, Localized, ReadView, Reply, Request};
use crate::reading::ASSIGNABLE;

/// Where the reading of the files stands.
#[derive(Clone, Debug, PartialEq)]
enum Reading {
    /// No file yet.
    Idle,
    /// The worker is reading.
    Busy,
    /// The worker failed or was stopped.
    Failed(Localized),
    /// The files were read.
    Done(ReadView),
}

/// The published directory, as fetched when the page opens.
#[derive(Clone, Debug, PartialEq)]
enum Published {
    Loading,
    Loaded(Vec<u8>),
    Failed,
}

fn failure_message(failure: WorkerFailure) -> Localized {
    let text = |pick: fn(&crate::i18n::Ui) -> &'static str| Localized {
        es: pick(ui(Lang::Es)).to_string(),
        en: pick(ui(Lang::En)).to_string(),
    };
    match failure {
        WorkerFailure::TimedOut => text(|ui| ui.read_timed_out),
        WorkerFailure::Crashed | WorkerFailure::Superseded => text(|ui| ui.read_crashed),
        WorkerFailure::CouldNotStart => text(|ui| ui.read_no_worker),
    }
}

/// The whole staff page.
#[component]
pub fn StaffPage() -> impl IntoView {
    let lang = RwSignal::new(Lang::negotiate(page::preferred_languages().iter().map(String::as_str)));
    Effect::new(move || page::set_language_and_title(lang.get(), ui(lang.get()).title));

    let picked: RwSignal<Vec<PickedFile>> = RwSignal::new(Vec::new());
    let separator: RwSignal<Option<char>> = RwSignal::new(None);
    let assignments: RwSignal<Vec<Assignment>> =
        RwSignal::new(storage::load_mapping().and_then(|text| serde_json::from_str(&text).ok()).unwrap_or_default());
    let reading = RwSignal::new(Reading::Idle);
    let published = RwSignal::new(Published::Loading);
    let remove_missing = RwSignal::new(false);
    let notice: RwSignal<Option<Localized>> = RwSignal::new(None);

    leptos::task::spawn_local(async move {
        published.set(match page::fetch_published_directory().await {
            Ok((_, bytes)) => Published::Loaded(bytes),
            Err(_) => Published::Failed,
        });
    });

    let read_files = move || {
        let files = picked.get_untracked();
        if files.is_empty() {
            return;
        }
        let base = match published.get_untracked() {
            Published::Loaded(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            _ => String::new(),
        };
        let request = Request {
            file_names: files.iter().map(|file| file.name.clone()).collect(),
            separator: separator.get_untracked(),
            assignments: assignments.get_untracked(),
            base_directory: base,
            unmatched: Vec::new(),
        };
        let slices: Vec<&[u8]> = files.iter().map(|file| file.bytes.as_slice()).collect();
        let frame = encode_request(&request, &slices);
        reading.set(Reading::Busy);
        leptos::task::spawn_local(async move {
            let outcome = worker::run(frame).await;
            let next = match outcome {
                Err(WorkerFailure::Superseded) => return,
                Err(failure) => Reading::Failed(failure_message(failure)),
                Ok(bytes) => match crate::protocol::decode_reply(&bytes) {
                    Some(Reply::Read(view)) => Reading::Done(view),
                    Some(Reply::Failed(message)) => Reading::Failed(message),
                    None => Reading::Failed(failure_message(WorkerFailure::Crashed)),
                },
            };
            let focus = if matches!(next, Reading::Done(_)) { "plan-heading" } else { "files-heading" };
            reading.set(next);
            page::focus_by_id(focus);
        });
    };

    let take_files = move |list: Option<web_sys::FileList>| {
        let Some(list) = list else { return };
        leptos::task::spawn_local(async move {
            let files = files::read_all(&list).await;
            if !files.is_empty() {
                picked.set(files);
                read_files();
            }
        });
    };

    let assign = move |sheet: String, header: String, field: String| {
        assignments.update(|all| {
            all.retain(|assignment| !(assignment.sheet == sheet && assignment.header == header));
            all.push(Assignment { sheet, header, field });
        });
        storage::save_mapping(&serde_json::to_string(&assignments.get_untracked()).unwrap_or_default());
        read_files();
    };

    let status = move || {
        let texts = ui(lang.get());
        match reading.get() {
            Reading::Idle => String::new(),
            Reading::Busy => texts.reading.to_string(),
            Reading::Failed(_) => String::new(),
            Reading::Done(_) => texts.read_done.to_string(),
        }
    };

    view! {
        <header class="site-header">
            <span class="brand">"Vitrina"</span>
            <label class="staff-language">
                <span>{move || ui(lang.get()).language}</span>
                <select on:change=move |event| {
                    lang.set(Lang::from_tag(&event_target_value(&event)).unwrap_or_default())
                }>
                    {Lang::ALL
                        .into_iter()
                        .map(|choice| {
                            view! {
                                <option value=choice.tag() selected=move || lang.get() == choice>
                                    {choice.pick("Español", "English")}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
        </header>
        <main id="main" class="staff">
            <h1>{move || ui(lang.get()).heading}</h1>
            <p>{move || ui(lang.get()).intro}</p>
            <p class="visually-hidden" role="status" aria-live="polite">{status}</p>

            <section aria-labelledby="files-heading">
                <h2 id="files-heading" tabindex="-1">{move || ui(lang.get()).files_heading}</h2>
                <div
                    class="drop-zone"
                    on:dragover=move |event: leptos::ev::DragEvent| event.prevent_default()
                    on:drop=move |event: leptos::ev::DragEvent| {
                        event.prevent_default();
                        take_files(files::dropped_files(&event));
                    }
                >
                    <label class="file-pick">
                        <span class="button">{move || ui(lang.get()).pick_files}</span>
                        <input
                            type="file"
                            multiple
                            accept=".xlsx,.ods,.csv,.txt,.tsv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet,text/csv"
                            on:change=move |event| {
                                take_files(files::input_files(&event));
                            }
                        />
                    </label>
                    <p>{move || ui(lang.get()).drop_here}</p>
                </div>
                <Show when=move || matches!(reading.get(), Reading::Busy)>
                    <p class="staff-busy">{move || ui(lang.get()).reading}</p>
                </Show>
                {move || match reading.get() {
                    Reading::Failed(message) => {
                        Some(view! { <p class="staff-error" role="alert">{message.get(lang.get()).to_string()}</p> })
                    }
                    _ => None,
                }}
            </section>

            {move || match reading.get() {
                Reading::Done(view) => Some(view! {
                    <Plan view=view.clone() lang=lang separator=separator assign=assign reread=read_files />
                    <Problems view=view.clone() lang=lang />
                    <MergeAndDownloads view=view lang=lang published=published remove_missing=remove_missing notice=notice />
                }.into_any()),
                _ => None,
            }}
        </main>
    }
}

/// Step 2: each file, each sheet, each column and the field it fills.
#[component]
fn Plan(
    view: ReadView,
    lang: RwSignal<Lang>,
    separator: RwSignal<Option<char>>,
    assign: impl Fn(String, String, String) + Copy + Send + Sync + 'static,
    reread: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let files = view
        .files
        .into_iter()
        .enumerate()
        .map(|(file_index, file)| {
            let error = file.error.clone().map(|error| {
                view! { <p class="staff-error">{move || error.get(lang.get()).to_string()}</p> }
            });
            let format = file.format.clone();
            let separator_choice = file.separator.map(|current| {
                let id = format!("separator-{file_index}");
                view! {
                    <p>
                        <label for=id.clone()>{move || ui(lang.get()).separator}</label>
                        " "
                        <select
                            id=id
                            on:change=move |event| {
                                separator.set(event_target_value(&event).chars().next());
                                reread();
                            }
                        >
                            {[(',', 0), (';', 1), ('\t', 2)]
                                .into_iter()
                                .map(|(character, which)| {
                                    let label = move || {
                                        let texts = ui(lang.get());
                                        [texts.separator_comma, texts.separator_semicolon, texts.separator_tab][which]
                                    };
                                    view! {
                                        <option value=character.to_string() selected=current == character>
                                            {label}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </p>
                }
            });
            let sheets = file
                .sheets
                .into_iter()
                .enumerate()
                .map(|(sheet_index, sheet)| {
                    let role = sheet.role.clone();
                    let header_row = sheet.header_row;
                    let rows = sheet.rows;
                    let sheet_name = sheet.name.clone();
                    let columns = sheet
                        .columns
                        .into_iter()
                        .enumerate()
                        .map(|(column_index, column)| {
                            let id = format!("field-{file_index}-{sheet_index}-{column_index}");
                            let header = column.header.clone();
                            let state = if column.by_hand {
                                "by_hand"
                            } else if column.field.is_empty() {
                                "unknown"
                            } else {
                                "recognised"
                            };
                            let samples = column.samples.join(" · ");
                            let current = column.field.clone();
                            let sheet_for_select = sheet_name.clone();
                            let header_for_select = header.clone();
                            view! {
                                <li class=format!("column column-{state}")>
                                    <label for=id.clone()>
                                        <strong>{header.clone()}</strong>
                                        " ("
                                        {move || {
                                            let texts = ui(lang.get());
                                            match state {
                                                "by_hand" => texts.by_hand,
                                                "unknown" => texts.unknown,
                                                _ => texts.recognised,
                                            }
                                        }}
                                        ")"
                                    </label>
                                    <select
                                        id=id
                                        on:change=move |event| {
                                            assign(sheet_for_select.clone(), header_for_select.clone(), event_target_value(&event))
                                        }
                                    >
                                        <option value="" selected=current.is_empty()>
                                            {move || ui(lang.get()).not_used}
                                        </option>
                                        {ASSIGNABLE
                                            .into_iter()
                                            .map(|column| {
                                                let field = column.field();
                                                view! {
                                                    <option value=field selected=current == field>
                                                        {move || field_label(field, lang.get())}
                                                    </option>
                                                }
                                            })
                                            .collect_view()}
                                    </select>
                                    <Show when={
                                        let empty = samples.is_empty();
                                        move || !empty
                                    }>
                                        <p class="samples">
                                            {move || ui(lang.get()).samples}
                                            ": "
                                            {samples.clone()}
                                        </p>
                                    </Show>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <section class="sheet">
                            <h4>{move || ui(lang.get()).sheet} " «" {sheet.name.clone()} "»"</h4>
                            <p>
                                {move || role.get(lang.get()).to_string()}
                                " · "
                                {rows}
                                " "
                                {move || ui(lang.get()).rows}
                                " · "
                                {move || match header_row {
                                    Some(number) => format!("{} {number}", ui(lang.get()).header_row),
                                    None => ui(lang.get()).no_header.to_string(),
                                }}
                            </p>
                            <ul class="columns">{columns}</ul>
                        </section>
                    }
                })
                .collect_view();
            view! {
                <section class="file">
                    <h3>{file.name.clone()}</h3>
                    <p>{move || format.get(lang.get()).to_string()}</p>
                    {separator_choice}
                    {error}
                    {sheets}
                </section>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="plan-heading">
            <h2 id="plan-heading" tabindex="-1">{move || ui(lang.get()).plan_heading}</h2>
            {files}
        </section>
    }
}

/// Step 3: every problem, where it is, and its download.
#[component]
fn Problems(view: ReadView, lang: RwSignal<Lang>) -> impl IntoView {
    let problems = view.problems;
    let empty = problems.is_empty();
    let items = problems
        .into_iter()
        .map(|problem| {
            view! {
                <li>
                    <span class="problem-where">
                        {problem.sheet.clone()}
                        {(problem.row > 0).then(|| view! { ", " {move || ui(lang.get()).problem_row} " " {problem.row} })}
                        {(!problem.column.is_empty()).then(|| format!(", «{}»", problem.column))}
                    </span>
                    ": "
                    {move || problem.message.get(lang.get()).to_string()}
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="problems-heading">
            <h2 id="problems-heading">{move || ui(lang.get()).problems_heading}</h2>
            <Show when=move || empty>
                <p>{move || ui(lang.get()).problems_none}</p>
            </Show>
            <ul class="problems">{items}</ul>
        </section>
    }
}

/// Steps 4 and 5: the merge summary, then the files out and the preview.
#[component]
fn MergeAndDownloads(
    view: ReadView,
    lang: RwSignal<Lang>,
    published: RwSignal<Published>,
    remove_missing: RwSignal<bool>,
    notice: RwSignal<Option<Localized>>,
) -> impl IntoView {
    let directory_json = view.directory_json.clone();
    let has_members = !directory_json.is_empty();
    let open_preview = move |_| {
        if !preview::open(directory_json.clone().into_bytes()) {
            notice.set(Some(Localized {
                es: ui(Lang::Es).preview_blocked.into(),
                en: ui(Lang::En).preview_blocked.into(),
            }));
        }
    };
    view! {
        <section aria-labelledby="merge-heading">
            <h2 id="merge-heading" tabindex="-1">{move || ui(lang.get()).merge_heading}</h2>
            {move || match published.get() {
                Published::Loading => Some(view! { <p>{move || ui(lang.get()).published_loading}</p> }.into_any()),
                Published::Failed => Some(view! { <p>{move || ui(lang.get()).published_failed}</p> }.into_any()),
                Published::Loaded(_) => None,
            }}
            <Show when=move || !has_members>
                <p>{move || ui(lang.get()).no_members}</p>
            </Show>
            <label class="check">
                <input type="checkbox" prop:checked=move || remove_missing.get() on:change=move |event| remove_missing.set(event_target_checked(&event)) />
                {move || ui(lang.get()).remove_missing}
            </label>
        </section>
        <section aria-labelledby="downloads-heading">
            <h2 id="downloads-heading">{move || ui(lang.get()).downloads_heading}</h2>
            <button type="button" on:click=open_preview disabled=!has_members>
                {move || ui(lang.get()).preview}
            </button>
            {move || notice.get().map(|notice| view! { <p role="alert">{notice.get(lang.get()).to_string()}</p> })}
        </section>
    }
}
