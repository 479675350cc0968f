//! The staff page: files in, the plan, the problems, the merge summary, files out, preview.
//!
//! One page, in the order a staff member works; each step's heading takes the focus when a
//! step's result arrives, and a live region says what is happening.

use leptos::prelude::*;
use vitrina_core::Lang;

use crate::adapters::files::{self, PickedFile};
use crate::adapters::worker::{self, WorkerFailure};
use crate::adapters::{page, preview, storage};
use crate::i18n::ui;
use crate::protocol::{encode_request, Localized, ReadView, Reply, Request, SummaryView, UnmatchedView};
use crate::reading::{assignable, decision_from_choice, target_from_value, TARGET_CAPABILITY, TARGET_IGNORE};
use vitrina_core::search::normalize;
use vitrina_sheets::{field_label, Mapping};

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
    Done(Box<ReadView>),
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
    let files_version = RwSignal::new(0_u32);
    let separator: RwSignal<Option<char>> = RwSignal::new(None);
    // The saved mapping's JSON: remembered on this device, and saved or loaded as a file.
    let mapping: RwSignal<String> = RwSignal::new(storage::load_mapping().unwrap_or_default());
    let reading = RwSignal::new(Reading::Idle);
    let published = RwSignal::new(Published::Loading);
    let remove_missing = RwSignal::new(false);
    let notice: RwSignal<Option<Localized>> = RwSignal::new(None);

    leptos::task::spawn_local(async move {
        let fetched = page::fetch_published_directory().await;
        if let Ok((_, bytes)) = &fetched {
            // The worker starts and parses the published directory while a file is chosen.
            worker::warm_up(encode_request(&Request::default(), bytes, &[]));
        }
        published.set(match fetched {
            Ok((_, bytes)) => Published::Loaded(bytes),
            Err(_) => Published::Failed,
        });
    });

    // `focus_after`: the control that asked for the read again (its id survives the new plan),
    // or none for new files, whose plan's heading then takes the focus.
    let read_files = move |focus_after: Option<String>| {
        let files = picked.get_untracked();
        if files.is_empty() {
            return;
        }
        let base = match published.get_untracked() {
            Published::Loaded(bytes) => bytes,
            _ => Vec::new(),
        };
        let request = Request {
            file_names: files.iter().map(|file| file.name.clone()).collect(),
            files_version: files_version.get_untracked(),
            separator: separator.get_untracked(),
            mapping: mapping.get_untracked(),
            remove_missing: remove_missing.get_untracked(),
        };
        let slices: Vec<&[u8]> = files.iter().map(|file| file.bytes.as_slice()).collect();
        let frame = encode_request(&request, &base, &slices);
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
            let focus = match (&next, focus_after) {
                (Reading::Done(_), Some(id)) => id,
                (Reading::Done(_), None) => "plan-heading".to_string(),
                _ => "files-heading".to_string(),
            };
            reading.set(next);
            // After the new plan is in the document.
            request_animation_frame(move || page::focus_by_id(&focus));
        });
    };

    let take_files = move |list: Option<files::Handed>| {
        let Some(list) = list else { return };
        leptos::task::spawn_local(async move {
            let files = files::read_all(&list).await;
            if !files.is_empty() {
                picked.set(files);
                files_version.update(|version| *version = version.wrapping_add(1).max(1));
                read_files(None);
            }
        });
    };

    // Every change to the mapping: remembered, then the files read again with it.
    let change_mapping = move |change: &dyn Fn(&mut Mapping), control: String| {
        let mut current = Mapping::from_json(&mapping.get_untracked()).unwrap_or_default();
        change(&mut current);
        let text = current.to_json();
        storage::save_mapping(&text);
        mapping.set(text);
        read_files(Some(control));
    };
    let assign = move |header: String, value: String, control: String| {
        change_mapping(
            &|mapping: &mut Mapping| match target_from_value(&value) {
                Some(target) => mapping.assign(&header, target),
                None => {
                    mapping.columns.remove(&normalize(&header));
                }
            },
            control,
        )
    };
    let decide = move |certification: bool, folded: String, choice: String, control: String| {
        change_mapping(
            &|mapping: &mut Mapping| {
                let decisions = if certification {
                    &mut mapping.decisions.certifications
                } else {
                    &mut mapping.decisions.capabilities
                };
                match decision_from_choice(&choice) {
                    Some(decision) => {
                        decisions.insert(folded.clone(), decision);
                    }
                    None => {
                        decisions.remove(&folded);
                    }
                }
            },
            control,
        )
    };
    let choose_members = move |sheet: String, control: String| {
        change_mapping(&|mapping: &mut Mapping| mapping.members_sheet = Some(sheet.clone()), control)
    };
    let load_mapping_file = move |list: Option<files::Handed>| {
        let Some(list) = list else { return };
        leptos::task::spawn_local(async move {
            let Some(file) = files::read_all(&list).await.into_iter().next() else { return };
            match Mapping::from_json(&String::from_utf8_lossy(&file.bytes)) {
                Ok(loaded) => {
                    notice.set(None);
                    let text = loaded.to_json();
                    storage::save_mapping(&text);
                    mapping.set(text);
                    read_files(Some("mapping-load".into()));
                }
                Err(error) => notice.set(Some(Localized { es: error.message(Lang::Es), en: error.message(Lang::En) })),
            }
        });
    };

    let status = move || {
        let texts = ui(lang.get());
        reading.with(|reading| match reading {
            Reading::Idle | Reading::Failed(_) => String::new(),
            Reading::Busy => texts.reading.to_string(),
            Reading::Done(_) => texts.read_done.to_string(),
        })
    };

    view! {
        <header class="site-header">
            <span class="brand">"Vitrina"</span>
            <div class="staff-language">
                <label for="staff-language">{move || ui(lang.get()).language}</label>
                <select id="staff-language" on:change=move |event| {
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
            </div>
        </header>
        // Tests and the benchmark wait for the published directory before they pick a file.
        <main
            id="main"
            class="staff"
            data-published=move || match published.get() {
                Published::Loading => "loading",
                Published::Loaded(_) => "loaded",
                Published::Failed => "failed",
            }
        >
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
                <Show when=move || reading.with(|reading| matches!(reading, Reading::Busy))>
                    <p class="staff-busy">{move || ui(lang.get()).reading}</p>
                </Show>
                {move || {
                    let failure = reading.with(|reading| match reading {
                        Reading::Failed(message) => Some(message.clone()),
                        _ => None,
                    });
                    failure.map(|message| view! { <p class="staff-error" role="alert">{message.get(lang.get()).to_string()}</p> })
                }}
            </section>

            {move || match reading.get() {
                Reading::Done(view) => {
                    let mut view = *view;
                    // Megabytes: moved to the one step that uses it, never cloned.
                    let directory_json = std::mem::take(&mut view.directory_json);
                    Some(view! {
                        <Plan view=view.clone() lang=lang separator=separator assign=assign reread=read_files load_mapping_file=load_mapping_file choose_members=choose_members />
                        <Unmatched unmatched=view.unmatched.clone() lang=lang decide=decide />
                        <Problems view=view.clone() lang=lang />
                        <MergeAndDownloads view=view directory_json=directory_json lang=lang published=published remove_missing=remove_missing notice=notice reread=read_files />
                    }.into_any())
                }
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
    reread: impl Fn(Option<String>) + Copy + Send + Sync + 'static,
    load_mapping_file: impl Fn(Option<files::Handed>) + Copy + Send + Sync + 'static,
    choose_members: impl Fn(String, String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let mapping_json = view.mapping.clone();
    let mapping_error = view.mapping_error.clone();
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
                            id=id.clone()
                            on:change=move |event| {
                                separator.set(event_target_value(&event).chars().next());
                                reread(Some(id.clone()));
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
            // A workbook of several sheets: which one holds the members, changeable by hand.
            let members_choice = (file.sheets.len() > 1).then(|| {
                let id = format!("members-sheet-{file_index}");
                let options = file
                    .sheets
                    .iter()
                    .map(|sheet| {
                        view! { <option value=sheet.name.clone() selected=sheet.is_members>{sheet.name.clone()}</option> }
                    })
                    .collect_view();
                let none_found = !file.sheets.iter().any(|sheet| sheet.is_members);
                view! {
                    <p>
                        <label for=id.clone()>{move || ui(lang.get()).members_sheet}</label>
                        " "
                        <select
                            id=id.clone()
                            on:change={
                                let id = id.clone();
                                move |event| choose_members(event_target_value(&event), id.clone())
                            }
                        >
                            <option value="" selected=none_found disabled=true>{move || ui(lang.get()).unassigned}</option>
                            {options}
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
                    let columns = sheet
                        .columns
                        .into_iter()
                        .enumerate()
                        .map(|(column_index, column)| {
                            let id = format!("field-{file_index}-{sheet_index}-{column_index}");
                            let header = column.header.clone();
                            let state = if column.by_hand {
                                "by_hand"
                            } else if column.target.is_empty() {
                                "unknown"
                            } else {
                                "recognised"
                            };
                            let samples = column.samples.join(" · ");
                            let current = column.target.clone();
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
                                        id=id.clone()
                                        on:change={
                                            let id = id.clone();
                                            move |event| {
                                                assign(header_for_select.clone(), event_target_value(&event), id.clone())
                                            }
                                        }
                                    >
                                        <option value="" selected=current.is_empty()>
                                            {move || ui(lang.get()).unassigned}
                                        </option>
                                        {assignable()
                                            .map(|value| {
                                                let label = move || match value {
                                                    TARGET_CAPABILITY => ui(lang.get()).matrix_column.to_string(),
                                                    TARGET_IGNORE => ui(lang.get()).not_used.to_string(),
                                                    field => field_label(field, lang.get()),
                                                };
                                                view! {
                                                    <option value=value selected=current == value>
                                                        {label}
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
                    {members_choice}
                    {error}
                    {sheets}
                </section>
            }
        })
        .collect_view();
    let save_mapping = move |_| {
        files::download("vitrina-mapping.json", "application/json", mapping_json.as_bytes());
    };
    view! {
        <section aria-labelledby="plan-heading">
            <h2 id="plan-heading" tabindex="-1">{move || ui(lang.get()).plan_heading}</h2>
            {files}
            <div class="actions">
                <button type="button" class="button" on:click=save_mapping>
                    {move || ui(lang.get()).mapping_save}
                </button>
                <label class="file-pick">
                    <span>{move || ui(lang.get()).mapping_load}</span>
                    <input
                        id="mapping-load"
                        type="file"
                        accept=".json,application/json"
                        on:change=move |event| load_mapping_file(files::input_files(&event))
                    />
                </label>
            </div>
            {mapping_error.map(|error| view! { <p class="staff-error">{move || error.get(lang.get()).to_string()}</p> })}
        </section>
    }
}

/// Step 3: every problem, where it is, and its download.
#[component]
fn Problems(view: ReadView, lang: RwSignal<Lang>) -> impl IntoView {
    let problems = view.problems;
    let for_download = StoredValue::new(problems.clone());
    let download = move |_| {
        let lang = lang.get_untracked();
        let rows: Vec<vitrina_sheets::ProblemRow> = for_download.with_value(|problems| {
            problems
                .iter()
                .map(|problem| vitrina_sheets::ProblemRow {
                    sheet: problem.sheet.clone(),
                    row: problem.row,
                    column: problem.column.clone(),
                    message: problem.message.get(lang).to_string(),
                })
                .collect()
        });
        let text = vitrina_sheets::problems_csv(&rows, lang);
        files::download(lang.pick("problemas.csv", "problems.csv"), "text/csv", text.as_bytes());
    };
    let empty = problems.is_empty();
    let n_problems = problems.len();
    let items = problems
        .into_iter()
        .take(SHOWN_PER_LIST)
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
            <Show when=move || !empty>
                <button type="button" class="button" on:click=download>
                    {move || ui(lang.get()).problems_download}
                </button>
            </Show>
            <ul class="problems">{items}</ul>
            <More total=n_problems lang=lang />
        </section>
    }
}

/// Names the vocabulary lacks, beside the closest entries, with a choice for each.
#[component]
fn Unmatched(
    unmatched: Vec<UnmatchedView>,
    lang: RwSignal<Lang>,
    decide: impl Fn(bool, String, String, String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    if unmatched.is_empty() {
        return None;
    }
    let items = unmatched
        .into_iter()
        .enumerate()
        .map(|(index, value)| {
            let id = format!("unmatched-{index}");
            let closest_labels = value.closest.clone();
            let closest_text = move || {
                closest_labels.iter().map(|(_, label)| label.get(lang.get()).to_string()).collect::<Vec<_>>().join(", ")
            };
            let options = value
                .closest
                .iter()
                .map(|(closest_id, label)| {
                    let choice = format!("map:{closest_id}");
                    let selected = value.choice == choice;
                    let label = label.clone();
                    view! {
                        <option value=choice selected=selected>
                            {move || format!("{} «{}»", ui(lang.get()).choice_map, label.get(lang.get()))}
                        </option>
                    }
                })
                .collect_view();
            let (certification, folded, current) = (value.certification, value.folded.clone(), value.choice.clone());
            view! {
                <li class="column">
                    <label for=id.clone()>
                        <strong>{value.value.clone()}</strong>
                        " ("
                        {move || if certification { ui(lang.get()).certification } else { ui(lang.get()).capability }}
                        ", "
                        {value.count}
                        ")"
                    </label>
                    <p class="samples">{move || ui(lang.get()).unmatched_closest} ": " {closest_text}</p>
                    <select
                        id=id.clone()
                        on:change={
                            let id = id.clone();
                            move |event| decide(certification, folded.clone(), event_target_value(&event), id.clone())
                        }
                    >
                        <option value="" selected=current.is_empty()>{move || ui(lang.get()).undecided}</option>
                        {options}
                        <option value="add" selected=current == "add">{move || ui(lang.get()).choice_add}</option>
                        <option value="leave" selected=current == "leave">{move || ui(lang.get()).choice_leave}</option>
                    </select>
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <section aria-labelledby="unmatched-heading">
            <h2 id="unmatched-heading">{move || ui(lang.get()).unmatched_heading}</h2>
            <ul class="columns">{items}</ul>
        </section>
    })
}

/// Steps 4 and 5: the merge summary, then the files out and the preview.
#[component]
fn MergeAndDownloads(
    view: ReadView,
    directory_json: String,
    lang: RwSignal<Lang>,
    published: RwSignal<Published>,
    remove_missing: RwSignal<bool>,
    notice: RwSignal<Option<Localized>>,
    reread: impl Fn(Option<String>) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let directory_json = StoredValue::new(directory_json);
    let has_members = view.summary.is_some();
    let open_preview = move |_| {
        if !preview::open(directory_json.get_value().into_bytes()) {
            notice.set(Some(Localized {
                es: ui(Lang::Es).preview_blocked.into(),
                en: ui(Lang::En).preview_blocked.into(),
            }));
        }
    };
    let merged =
        move || vitrina_core::load_directory(directory_json.get_value().as_bytes()).ok().map(|loaded| loaded.directory);
    let download_json = move |_| {
        files::download("directory.json", "application/json", directory_json.get_value().as_bytes());
    };
    let download_xlsx = move |_| {
        let lang = lang.get_untracked();
        match merged().map(|directory| vitrina_sheets::directory_xlsx(&directory, lang)) {
            Some(Ok(bytes)) => {
                files::download(lang.pick("socios.xlsx", "members.xlsx"), XLSX, &bytes);
            }
            Some(Err(error)) => {
                notice.set(Some(Localized { es: error.message(Lang::Es), en: error.message(Lang::En) }))
            }
            None => {}
        }
    };
    let download_csv = move |_| {
        if let Some(directory) = merged() {
            let lang = lang.get_untracked();
            files::download(
                lang.pick("socios.csv", "members.csv"),
                "text/csv",
                vitrina_sheets::directory_csv(&directory).as_bytes(),
            );
        }
    };
    let download_template = move |_| {
        let lang = lang.get_untracked();
        match vitrina_sheets::template_xlsx(merged().as_ref(), lang) {
            Ok(bytes) => {
                files::download(lang.pick("plantilla-socios.xlsx", "members-template.xlsx"), XLSX, &bytes);
            }
            Err(error) => notice.set(Some(Localized { es: error.message(Lang::Es), en: error.message(Lang::En) })),
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
            {match view.summary {
                Some(summary) => view! { <Summary summary=summary lang=lang /> }.into_any(),
                None => view! { <p>{move || ui(lang.get()).no_members}</p> }.into_any(),
            }}
            <label class="check">
                <input
                    id="remove-missing"
                    type="checkbox"
                    prop:checked=move || remove_missing.get()
                    on:change=move |event| {
                        remove_missing.set(event_target_checked(&event));
                        reread(Some("remove-missing".into()));
                    }
                />
                {move || ui(lang.get()).remove_missing}
            </label>
        </section>
        <section aria-labelledby="downloads-heading">
            <h2 id="downloads-heading">{move || ui(lang.get()).downloads_heading}</h2>
            <div class="actions">
                <button type="button" class="button" on:click=download_json disabled=!has_members>
                    {move || ui(lang.get()).download_json}
                </button>
                <button type="button" class="button" on:click=download_xlsx disabled=!has_members>
                    {move || ui(lang.get()).download_xlsx}
                </button>
                <button type="button" class="button" on:click=download_csv disabled=!has_members>
                    {move || ui(lang.get()).download_csv}
                </button>
                <button type="button" class="button" on:click=download_template>
                    {move || ui(lang.get()).download_template}
                </button>
                <button type="button" class="button" on:click=open_preview disabled=!has_members>
                    {move || ui(lang.get()).preview}
                </button>
            </div>
            {move || notice.get().map(|notice| view! { <p role="alert">{notice.get(lang.get()).to_string()}</p> })}
        </section>
    }
}

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The merge's summary: who is added, who changes and how, who is missing.
#[component]
fn Summary(summary: SummaryView, lang: RwSignal<Lang>) -> impl IntoView {
    let headline = summary.headline.clone();
    let added =
        summary.added.iter().map(|(id, name)| view! { <li>{name.clone()} " (" {id.clone()} ")"</li> }).collect_view();
    let missing =
        summary.missing.iter().map(|(id, name)| view! { <li>{name.clone()} " (" {id.clone()} ")"</li> }).collect_view();
    let changed = summary
        .changed
        .iter()
        .take(SHOWN_PER_LIST)
        .map(|change| {
            let fields = change
                .fields
                .iter()
                .map(|(label, before, after)| {
                    let label = label.clone();
                    let (before, after) = (before.clone(), after.clone());
                    view! {
                        <li>
                            {move || label.get(lang.get()).to_string()}
                            ": "
                            <del>{before.clone()}</del>
                            " → "
                            <ins>{after.clone()}</ins>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <li>
                    {change.name.clone()} " (" {change.id.clone()} ")"
                    <ul>{fields}</ul>
                </li>
            }
        })
        .collect_view();
    let (n_added, n_changed, n_missing) = (summary.added.len(), summary.changed.len(), summary.missing.len());
    let removed = summary.removed;
    view! {
        <p class="summary-headline" data-testid="merge-summary">{move || headline.get(lang.get()).to_string()}</p>
        <h3>{move || ui(lang.get()).added} " (" {n_added} ")"</h3>
        <ul class="summary">{added}</ul>
        <More total=n_added lang=lang />
        <h3>{move || ui(lang.get()).changed} " (" {n_changed} ")"</h3>
        <ul class="summary">{changed}</ul>
        <More total=n_changed lang=lang />
        <h3>
            {move || ui(lang.get()).missing} " (" {n_missing} ", "
            {move || if removed { ui(lang.get()).removed } else { ui(lang.get()).kept }} ")"
        </h3>
        <ul class="summary">{missing}</ul>
        <More total=n_missing lang=lang />
    }
}

/// How many entries of each summary list the page shows: a page of 7 000 changed members
/// helps nobody and takes seconds to draw; the downloads hold them all.
const SHOWN_PER_LIST: usize = 100;

/// "…and N more" below a list cut at [`SHOWN_PER_LIST`].
#[component]
fn More(total: usize, lang: RwSignal<Lang>) -> impl IntoView {
    (total > SHOWN_PER_LIST).then(|| {
        let more = total - SHOWN_PER_LIST;
        view! { <p>{move || lang.get().pick(format!("…y {more} más.", ), format!("…and {more} more."))}</p> }
    })
}
