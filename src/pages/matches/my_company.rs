//! `#/my-company`: who the visitor is — a member picked from the directory, or a company
//! outside it described from the capability list. Kept on the device with the follow-up list.

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;
use vitrina_core::format::member_kind;
use vitrina_core::model::{Directory, MemberKind};
use vitrina_core::my_company::{MyCompany, OutsideCompany};
use vitrina_core::search::normalize;
use vitrina_core::valid::Slug;
use vitrina_core::{Lang, Route};

use super::{group_summary, texts};
use crate::follow_up::FollowUp;
use crate::state::{Announcer, Catalog, UiLang};

/// How many members the picker lists at once.
const PICKER_ROWS: usize = 8;

/// The page: the current company, then the two ways to say who you are.
#[component]
pub(super) fn MyCompanyPage(catalog: Arc<Catalog>) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let follow_up = expect_context::<FollowUp>();
    let announcer = expect_context::<Announcer>();
    let company = follow_up.my_company();
    let current = {
        let catalog = catalog.clone();
        move || {
            let t = texts(lang.get());
            let lang = lang.get();
            match company.get() {
                None => view! { <p class="empty-list">{t.no_company_yet}</p> }.into_any(),
                Some(chosen) => {
                    let summary = describe(&catalog.directory, &chosen, lang);
                    view! {
                        <p class="my-company-current">
                            <strong>{summary.0}</strong>
                            {summary.1.map(|meta| view! { <span class="member-meta">{format!(" · {meta}")}</span> })}
                        </p>
                        <p class="my-company-actions">
                            <a class="button" href=Route::Matches { query: Default::default() }.to_fragment()>
                                {t.see_matches}
                            </a>
                            <button
                                type="button"
                                class="button button-secondary"
                                disabled=move || !follow_up.is_writable()
                                aria-describedby=move || follow_up.read_only_reason()
                                on:click=move |_| {
                                    follow_up.set_my_company(None);
                                    announcer.announce(texts(lang).company_removed.to_owned());
                                }
                            >
                                {t.remove_company}
                            </button>
                        </p>
                    }
                    .into_any()
                }
            }
        }
    };
    view! {
        <section class="my-company" aria-labelledby="my-company-heading">
            <h1 id="my-company-heading">{move || texts(lang.get()).my_company_heading}</h1>
            <p>{move || texts(lang.get()).my_company_intro}</p>
            <p class="hint">{move || texts(lang.get()).stays_on_device}</p>
            <section class="my-company-now" aria-labelledby="my-company-now-heading">
                <h2 id="my-company-now-heading">{move || texts(lang.get()).current_company}</h2>
                {current}
            </section>
            <MemberPicker catalog=catalog.clone() />
            <OutsideForm catalog=catalog />
        </section>
    }
}

/// The company's name and what else says who it is (kind, "outside the directory").
fn describe(directory: &Directory, company: &MyCompany, lang: Lang) -> (String, Option<String>) {
    let t = texts(lang);
    match company {
        MyCompany::Member { id } => match directory.member(id.as_str()) {
            Some(member) => (member.name.clone(), member.kind.map(|kind| member_kind(kind, lang).to_owned())),
            None => (id.to_string(), Some(t.company_gone.to_owned())),
        },
        MyCompany::Outside(outside) => {
            let name = if outside.name.trim().is_empty() { t.unnamed_company.to_owned() } else { outside.name.clone() };
            let meta = [outside.kind.map(|kind| member_kind(kind, lang)), Some(t.outside_company)]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · ");
            (name, Some(meta))
        }
    }
}

/// A search box and the members whose name holds what was typed, each a button to pick it.
#[component]
fn MemberPicker(catalog: Arc<Catalog>) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let follow_up = expect_context::<FollowUp>();
    let announcer = expect_context::<Announcer>();
    let company = follow_up.my_company();
    let typed = RwSignal::new(String::new());
    // Folded names, once: the picker filters them on every key.
    let names: Arc<Vec<(String, usize)>> = {
        let mut names: Vec<(String, usize)> =
            catalog.directory.members.iter().enumerate().map(|(at, member)| (normalize(&member.name), at)).collect();
        vitrina_core::sorting::sort(&mut names);
        Arc::new(names)
    };
    let found = {
        let names = names.clone();
        Memo::new(move |_| {
            let typed = normalize(&typed.get());
            if typed.is_empty() {
                return (Vec::new(), false);
            }
            let mut hits = names.iter().filter(|(name, _)| name.contains(&typed)).map(|(_, at)| *at);
            let shown: Vec<usize> = hits.by_ref().take(PICKER_ROWS).collect();
            (shown, hits.next().is_some())
        })
    };
    let rows = move || {
        let t = texts(lang.get());
        let lang = lang.get();
        let (shown, more) = found.get();
        let searched = !typed.with(|typed| typed.trim().is_empty());
        view! {
            {(searched && shown.is_empty()).then(|| view! { <p class="empty-list">{t.pick_none}</p> })}
            <ul class="company-picker-results">
                {shown
                    .into_iter()
                    .filter_map(|at| catalog.directory.members.get(at).cloned())
                    .map(|member| {
                        // Read per button: picking re-renders no row, so focus stays on the button.
                        let chosen_id = member.id.clone();
                        let is_chosen = move || {
                            company.with(|company| matches!(company, Some(MyCompany::Member { id }) if *id == chosen_id))
                        };
                        let kind = member.kind.map(|kind| member_kind(kind, lang));
                        let id = member.id.clone();
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="button button-secondary company-choice"
                                    aria-pressed=move || is_chosen().to_string()
                                    disabled=move || !follow_up.is_writable()
                                    aria-describedby=move || follow_up.read_only_reason()
                                    on:click=move |_| {
                                        follow_up.set_my_company(Some(MyCompany::Member { id: id.clone() }));
                                        announcer.announce(texts(lang).company_saved.to_owned());
                                    }
                                >
                                    {member.name.clone()}
                                    {kind.map(|kind| view! { <span class="member-meta">{format!(" · {kind}")}</span> })}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {more.then(|| view! { <p class="hint">{t.pick_more}</p> })}
        }
    };
    view! {
        <section class="company-picker" aria-labelledby="company-picker-heading">
            <h2 id="company-picker-heading">{move || texts(lang.get()).pick_heading}</h2>
            <label for="company-picker-search">{move || texts(lang.get()).pick_label}</label>
            <p class="hint" id="company-picker-hint">{move || texts(lang.get()).pick_hint}</p>
            <input
                id="company-picker-search"
                type="search"
                autocomplete="off"
                aria-describedby="company-picker-hint"
                aria-controls="company-picker-results"
                prop:value=move || typed.get()
                on:input=move |event| typed.set(event_target_value(&event))
            />
            <div id="company-picker-results" aria-live="polite">
                {rows}
            </div>
        </section>
    }
}

/// One capability group's checkboxes, as owned data for the view.
#[derive(Clone, PartialEq)]
struct GroupOfCapabilities {
    label: String,
    capabilities: Vec<(String, String)>,
}

fn groups_of_capabilities(directory: &Directory, lang: Lang) -> Vec<GroupOfCapabilities> {
    let fallback = directory.fallback_language();
    directory
        .group_by_capability_group(directory.capabilities.iter(), |capability| capability.id.as_str())
        .into_iter()
        .map(|(group, capabilities)| GroupOfCapabilities {
            label: group
                .map(|group| group.label.resolve(lang.tag(), fallback).to_owned())
                .unwrap_or_else(|| texts(lang).other_capabilities.to_owned()),
            capabilities: capabilities
                .into_iter()
                .map(|c| (c.id.to_string(), c.label.resolve(lang.tag(), fallback).to_owned()))
                .collect(),
        })
        .collect()
}

/// Name, kind, and what it makes and needs as grouped checkboxes.
#[component]
fn OutsideForm(catalog: Arc<Catalog>) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let follow_up = expect_context::<FollowUp>();
    let announcer = expect_context::<Announcer>();
    let company = follow_up.my_company();
    let start = company.with_untracked(|company| match company {
        Some(MyCompany::Outside(outside)) => outside.clone(),
        _ => OutsideCompany::default(),
    });
    let name = RwSignal::new(start.name.clone());
    let kind = RwSignal::new(start.kind);
    let ids = |ids: &[Slug]| ids.iter().map(Slug::to_string).collect::<BTreeSet<String>>();
    let makes = RwSignal::new(ids(&start.makes));
    let needs = RwSignal::new(ids(&start.needs));
    let problem = RwSignal::new(false);
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let slugs = |set: &BTreeSet<String>| set.iter().filter_map(|id| Slug::parse(id)).collect::<Vec<Slug>>();
        let (makes, needs) = (makes.with_untracked(slugs), needs.with_untracked(slugs));
        if makes.is_empty() && needs.is_empty() {
            problem.set(true);
            return;
        }
        problem.set(false);
        let outside = OutsideCompany::new(&name.get_untracked(), kind.get_untracked(), makes, needs);
        follow_up.set_my_company(Some(MyCompany::Outside(outside)));
        announcer.announce(texts(lang.get_untracked()).company_saved.to_owned());
    };
    let groups = {
        let catalog = catalog.clone();
        Memo::new(move |_| groups_of_capabilities(&catalog.directory, lang.get()))
    };
    let checkboxes = move |which: &'static str, chosen: RwSignal<BTreeSet<String>>| {
        move || {
            groups
                .get()
                .into_iter()
                .map(|group| {
                    let in_group: Vec<String> = group.capabilities.iter().map(|(id, _)| id.clone()).collect();
                    let ticked = move || chosen.with(|chosen| in_group.iter().filter(|id| chosen.contains(*id)).count());
                    let label = group.label.clone();
                    view! {
                        <details class="capability-fold">
                            <summary>{move || group_summary(&label, ticked(), lang.get())}</summary>
                            <ul class="capability-checks">
                                {group
                                    .capabilities
                                    .into_iter()
                                    .map(|(id, label)| {
                                        let input_id = format!("{which}-{id}");
                                        let (checked_id, toggle_id) = (id.clone(), id);
                                        view! {
                                            <li>
                                                <label class="capability-check">
                                                    <input
                                                        type="checkbox"
                                                        id=input_id
                                                        prop:checked=move || chosen.with(|chosen| chosen.contains(&checked_id))
                                                        on:change=move |event| {
                                                            let on = event_target_checked(&event);
                                                            chosen.update(|chosen| {
                                                                if on {
                                                                    chosen.insert(toggle_id.clone());
                                                                } else {
                                                                    chosen.remove(&toggle_id);
                                                                }
                                                            });
                                                        }
                                                    />
                                                    <span>{label}</span>
                                                </label>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </details>
                    }
                })
                .collect_view()
        }
    };
    let kind_options = move || {
        let lang = lang.get();
        MemberKind::ALL
            .iter()
            .map(|(choice, key)| {
                let choice = *choice;
                view! {
                    <option value=*key prop:selected=move || kind.get() == Some(choice)>
                        {member_kind(choice, lang)}
                    </option>
                }
            })
            .collect_view()
    };
    let read_only = move || !follow_up.is_writable();
    view! {
        <section class="company-outside" aria-labelledby="company-outside-heading">
            <h2 id="company-outside-heading">{move || texts(lang.get()).describe_heading}</h2>
            <p class="hint">{move || texts(lang.get()).describe_hint}</p>
            <form class="company-form" on:submit=save>
                <p>
                    <label for="company-name">{move || texts(lang.get()).name_label}</label>
                    <input
                        id="company-name"
                        type="text"
                        autocomplete="organization"
                        maxlength=OutsideCompany::MAX_NAME_CHARS
                        prop:value=move || name.get()
                        on:input=move |event| name.set(event_target_value(&event))
                    />
                </p>
                <p>
                    <label for="company-kind">{move || texts(lang.get()).kind_label}</label>
                    <select id="company-kind" on:change=move |event| kind.set(MemberKind::from_name(&event_target_value(&event)))>
                        <option value="" prop:selected=move || kind.get().is_none()>{move || texts(lang.get()).kind_none}</option>
                        {kind_options}
                    </select>
                </p>
                <fieldset class="capability-choice">
                    <legend>{move || texts(lang.get()).makes_legend}</legend>
                    {checkboxes("makes", makes)}
                </fieldset>
                <fieldset class="capability-choice">
                    <legend>{move || texts(lang.get()).needs_legend}</legend>
                    {checkboxes("needs", needs)}
                </fieldset>
                <Show when=move || problem.get()>
                    <p class="field-problem" role="alert">{move || texts(lang.get()).describe_empty}</p>
                </Show>
                <p>
                    <button type="submit" class="button" disabled=read_only aria-describedby=move || follow_up.read_only_reason()>
                        {move || texts(lang.get()).save_company}
                    </button>
                </p>
            </form>
        </section>
    }
}
