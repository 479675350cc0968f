//! Search box, facets, active filters, sort and result list: the member list of
//! the directory page and of each event page.

use std::sync::Arc;

use leptos::prelude::*;
use vitrina_core::batching::steps_by_weight;
use vitrina_core::format::member_kind;
use vitrina_core::query::{Facet, ListQuery, SortOrder, PLACE_SEPARATOR};
use vitrina_core::search::{normalize, FacetValue, SearchResults};
use vitrina_core::{Lang, Route};

use crate::adapters::{page, scheduling};
use crate::components::member_card::MemberCard;
use crate::i18n::{filters_button, n_results_of, show_n_results, showing_n_of, ui, Ui};
use crate::state::{Announcer, Catalog, CurrentRoute, ListLength, Navigation, UiLang};

/// Rows rendered at first and added per "show more": enough to fill two phone
/// screens, few enough that 100,000 results never become 100,000 DOM nodes.
pub const LIST_PAGE_SIZE: usize = 40;

/// Rows in the first frame of a new list: what a screen holds (2 or 3 on a phone, 6 on a
/// laptop), so the visitor sees whole results at once; the rest of the page and the facets
/// follow right after it is painted.
const FIRST_FRAME_ROWS: usize = 6;

/// Rows added per task after the first frame, until the page is whole: each step is short
/// enough that a phone answers a tap in between.
const ROWS_PER_TASK: usize = 8;

/// Results shared between the views that read them; compared by identity, since
/// every query run is a new result.
#[derive(Clone)]
struct SharedResults(Arc<SearchResults>);

/// The list of members for the current list route, narrowed by its query.
///
/// `event` limits the list to the members attending that event (the event page).
/// The component lives as long as the page: a new query updates it in place, so
/// the search box keeps its focus while the visitor types.
#[component]
pub fn MemberSearch(catalog: Arc<Catalog>, #[prop(default = None)] event: Option<String>) -> impl IntoView {
    let UiLang(lang) = expect_context::<UiLang>();
    let navigation = expect_context::<Navigation>();
    let CurrentRoute(route) = expect_context::<CurrentRoute>();
    let ListLength(shown) = expect_context::<ListLength>();
    let today = page::today();

    // A shared link may name capabilities or events a newer file no longer has:
    // they are dropped, the visitor is told quietly, and the address is corrected.
    let checked_query = {
        let catalog = catalog.clone();
        Memo::new(move |previous: Option<&(ListQuery, Vec<(Facet, String)>)>| {
            match (route.with(|route| route.list_query().cloned()), previous) {
                (Some(query), _) => catalog.index().drop_unknown_filters(&query),
                // A profile opened from the list: the list stays as it was, hidden, for Back.
                (None, Some(previous)) => previous.clone(),
                (None, None) => catalog.index().drop_unknown_filters(&ListQuery::default()),
            }
        })
    };
    let query = Memo::new(move |_| checked_query.with(|(query, _)| query.clone()));
    let stale = RwSignal::new(Vec::<(Facet, String)>::new());
    Effect::new(move |_| {
        let (query, dropped) = checked_query.get();
        if !dropped.is_empty() {
            stale.set(dropped);
            navigation.correct(navigation.current_untracked().with_list_query(query));
        }
    });

    let results = {
        let catalog = catalog.clone();
        let event = event.clone();
        Memo::new_with_compare(
            move |_| {
                let query = query.get();
                let results = match &event {
                    Some(event) => catalog.index().run_within_event(&catalog.directory, event, &query, today),
                    None => catalog.index().run(&catalog.directory, &query, today),
                };
                SharedResults(Arc::new(results))
            },
            |_, _| true,
        )
    };
    let total = match &event {
        Some(event) => catalog
            .directory
            .members
            .iter()
            .filter(|member| member.events.iter().any(|attended| attended.id.as_str() == event))
            .count(),
        None => catalog.directory.members.len(),
    };
    let n_results = Signal::derive(move || results.with(|results| results.0.members.len()));
    // The count is spoken once the results settle, not after every keystroke; the first
    // count is the page's own and not announced.
    let announcer = expect_context::<Announcer>();
    Effect::new(move |previous: Option<String>| {
        let count = n_results_of(n_results.get(), total, lang.get());
        if previous.is_some_and(|previous| previous != count) {
            announcer.announce_when_settled(count.clone());
        }
        count
    });

    let change_query = Callback::new(move |(next, typing): (ListQuery, bool)| {
        shown.set(LIST_PAGE_SIZE);
        let route = navigation.current_untracked().with_list_query(next);
        if typing {
            navigation.refine(route);
        } else {
            navigation.go(route);
        }
    });
    let sheet_open = RwSignal::new(false);
    // The first results are painted before the rest of the page and the facets are built:
    // on a phone the difference is the first results a second sooner. The other rows then
    // come a few per task (and the facets, one per task: `FacetSheet`). The first rows come
    // with the page's controls, in one task: painted apart, they would push the footer down.
    let rows_ready = RwSignal::new(FIRST_FRAME_ROWS);
    leptos::task::spawn_local(scheduling::step_after_paint(move || {
        // The page is gone.
        let Some(ready) = rows_ready.try_get_untracked() else { return false };
        // The step that reaches a whole page lifts the limit, so "show more" is never held back.
        let whole = ready + ROWS_PER_TASK >= LIST_PAGE_SIZE;
        rows_ready.set(if whole { usize::MAX } else { ready + ROWS_PER_TASK });
        !whole
    }));
    let stale_notice = {
        let catalog = catalog.clone();
        move || {
            let stale = stale.get();
            (!stale.is_empty()).then(|| {
                let lang = lang.get();
                let labels: Vec<String> =
                    stale.iter().map(|(facet, value)| value_label(&catalog, *facet, value, lang)).collect();
                view! { <p class="notice" role="status">{format!("{} {}", ui(lang).stale_filters, labels.join(", "))}</p> }
            })
        }
    };

    view! {
        <div class="member-search">
            <SearchBox
                text=Signal::derive(move || query.with(|query| query.text.clone()))
                on_input=move |text: String| {
                    let mut next = query.get_untracked();
                    next.text = text;
                    change_query.run((next, true));
                }
            />
            {stale_notice}
            <div class="search-toolbar">
                <p class="result-count">
                    {move || n_results_of(n_results.get(), total, lang.get())}
                </p>
                <button
                    type="button"
                    class="button button-secondary filters-button"
                    aria-expanded=move || sheet_open.get().to_string()
                    aria-controls="facet-sheet"
                    on:click=move |_| sheet_open.set(true)
                >
                    {move || filters_button(query.with(|query| query.filters.len()), lang.get())}
                </button>
                <SortSelect
                    sort=Signal::derive(move || query.with(|query| query.sort))
                    on_change=move |sort| {
                        let mut next = query.get_untracked();
                        next.sort = sort;
                        change_query.run((next, false));
                    }
                />
            </div>
            <ActiveFilters catalog=catalog.clone() query=query on_change=change_query />
            <div class="search-layout">
                <FacetSheet
                    catalog=catalog.clone()
                    query=query
                    results=results
                    n_results=n_results
                    open=sheet_open
                    on_change=change_query
                />
                <ResultList catalog=catalog.clone() results=results event=event rows_ready=rows_ready />
            </div>
        </div>
    }
}

/// The search box: results follow every keystroke.
#[component]
fn SearchBox(text: Signal<String>, on_input: impl Fn(String) + Send + Sync + 'static) -> impl IntoView {
    let UiLang(lang) = expect_context::<UiLang>();
    view! {
        <form class="search-box" role="search" on:submit=|event| event.prevent_default()>
            <label for="search-input" class="visually-hidden">
                {move || ui(lang.get()).search_label}
            </label>
            <input
                id="search-input"
                type="search"
                autocomplete="off"
                spellcheck="false"
                enterkeyhint="search"
                prop:value=move || text.get()
                placeholder=move || ui(lang.get()).search_placeholder
                on:input=move |event| on_input(event_target_value(&event))
            />
        </form>
    }
}

/// The order of the results.
#[component]
fn SortSelect(sort: Signal<SortOrder>, on_change: impl Fn(SortOrder) + Send + Sync + 'static) -> impl IntoView {
    let UiLang(lang) = expect_context::<UiLang>();
    let options = move || {
        let ui = ui(lang.get());
        SortOrder::ALL
            .into_iter()
            .map(|order| view! { <option value=sort_value(order)>{sort_label(ui, order)}</option> })
            .collect_view()
    };
    view! {
        <label class="sort-select">
            <span>{move || ui(lang.get()).sort_by}</span>
            <select
                prop:value=move || sort_value(sort.get())
                on:change=move |event| {
                    let value = event_target_value(&event);
                    let order = SortOrder::ALL.into_iter().find(|order| sort_value(*order) == value).unwrap_or_default();
                    on_change(order);
                }
            >
                {options}
            </select>
        </label>
    }
}

fn sort_value(order: SortOrder) -> &'static str {
    order.url_value().unwrap_or("relevance")
}

fn sort_label(ui: &Ui, order: SortOrder) -> &'static str {
    match order {
        SortOrder::Relevance => ui.sort_relevance,
        SortOrder::Name => ui.sort_name,
        SortOrder::Employees => ui.sort_employees,
        SortOrder::Founded => ui.sort_founded,
    }
}

/// The active filters as removable chips, with "clear all".
#[component]
fn ActiveFilters(
    catalog: Arc<Catalog>,
    query: Memo<ListQuery>,
    on_change: Callback<(ListQuery, bool)>,
) -> impl IntoView {
    let UiLang(lang) = expect_context::<UiLang>();
    move || {
        let query = query.get();
        let lang = lang.get();
        if query.filters.is_empty() && !query.filters.only_valid_certifications {
            return ().into_any();
        }
        let ui = ui(lang);
        let mut chips: Vec<(String, ListQuery)> = query
            .filters
            .iter()
            .map(|(facet, value)| {
                let mut without = query.clone();
                without.filters.unselect(facet, value);
                (value_label(&catalog, facet, value, lang), without)
            })
            .collect();
        if query.filters.only_valid_certifications {
            let mut without = query.clone();
            without.filters.only_valid_certifications = false;
            chips.push((ui.only_valid_certifications.to_owned(), without));
        }
        let mut cleared = query.clone();
        cleared.filters = Default::default();
        view! {
            <ul class="active-filters chips">
                {chips
                    .into_iter()
                    .map(|(label, without)| {
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="chip chip-removable"
                                    aria-label=format!("{}: {label}", ui.remove_filter)
                                    on:click=move |_| on_change.run((without.clone(), false))
                                >
                                    {label.clone()}
                                    <span aria-hidden="true">" ×"</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
                <li>
                    <button type="button" class="link-button" on:click=move |_| on_change.run((cleared.clone(), false))>
                        {ui.clear_all}
                    </button>
                </li>
            </ul>
        }
        .into_any()
    }
}

/// The facets: a sidebar on wide screens, a full-screen sheet on phones.
#[component]
fn FacetSheet(
    catalog: Arc<Catalog>,
    query: Memo<ListQuery>,
    results: Memo<SharedResults>,
    n_results: Signal<usize>,
    open: RwSignal<bool>,
    on_change: Callback<(ListQuery, bool)>,
) -> impl IntoView {
    let UiLang(lang) = expect_context::<UiLang>();
    let focus = |selector: &str| {
        if let Some(element) = document().query_selector(selector).ok().flatten() {
            let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(element).focus();
        }
    };
    let close = move || {
        open.set(false);
        // Focus goes back to the button that opened the sheet.
        focus(".filters-button");
    };
    let is_focused =
        |selector: &str| document().active_element().is_some_and(|element| element.matches(selector).unwrap_or(false));
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        if !open.get_untracked() {
            return;
        }
        match event.key().as_str() {
            "Escape" => close(),
            // The open sheet is modal: Tab past its last control comes back to its first.
            "Tab" => {
                let (from, to) = if event.shift_key() { (SHEET_FIRST, SHEET_LAST) } else { (SHEET_LAST, SHEET_FIRST) };
                if is_focused(from) {
                    event.prevent_default();
                    focus(to);
                }
            }
            _ => {}
        }
    };
    Effect::new(move |was_open: Option<bool>| {
        let is_open = open.get();
        if is_open && was_open == Some(false) {
            focus(SHEET_FIRST);
        }
        is_open
    });
    // The facet values are the same for every query on one directory; only
    // counts and checks change, so the structure is built once.
    let facets = results.with_untracked(|results| {
        Facet::ALL
            .into_iter()
            .filter(|facet| !results.0.facets.values(*facet).is_empty())
            .map(|facet| (facet, results.0.facets.values(facet).to_vec()))
            .collect::<Vec<_>>()
    });
    // Built a few groups of values per task once the first results are on screen, so that no
    // single task keeps a phone busy for long: the capability facet alone has dozens of values
    // (built at once, 80 ms at a phone's speed). The steps run through the facets in order, so
    // a facet is whole before the next one appears below it: one still growing would push
    // the next one down.
    let mut n_steps = 0;
    let facets: Vec<(Facet, Vec<ValueGroup>, Vec<usize>)> = facets
        .into_iter()
        .map(|(facet, values)| {
            let groups = group_values(facet, values);
            let steps = steps_by_weight(groups.iter().map(|(_, values)| values.len()), FACET_VALUES_PER_TASK);
            let steps: Vec<usize> = steps.into_iter().map(|step| n_steps + step).collect();
            n_steps = steps.last().map_or(n_steps, |last| last + 1);
            (facet, groups, steps)
        })
        .collect();
    let steps_done = RwSignal::new(0usize);
    leptos::task::spawn_local(scheduling::step_after_paint(move || {
        // Not once the page is gone.
        steps_done.try_update(|n| *n += 1).is_some() && steps_done.get_untracked() < n_steps
    }));
    let facets = facets
        .into_iter()
        .map(|(facet, groups, group_steps)| {
            let first_step = group_steps.first().copied().unwrap_or(0);
            let built = Memo::new(move |_| steps_done.get() > first_step);
            let catalog = catalog.clone();
            move || {
                built.get().then(|| {
                    view! {
                        <FacetGroup
                            catalog=catalog.clone()
                            facet=facet
                            groups=groups.clone()
                            group_steps=group_steps.clone()
                            steps_done=steps_done
                            query=query
                            results=results
                            on_change=on_change
                        />
                    }
                })
            }
        })
        .collect_view();
    view! {
        // A section (not an aside): the dialog role it takes on phones is allowed on it.
        <section
            id="facet-sheet"
            class="facet-sheet"
            class:open=move || open.get()
            role=move || open.get().then_some("dialog")
            aria-modal=move || open.get().then_some("true")
            aria-labelledby="facet-sheet-title"
            on:keydown=on_keydown
        >
            <div class="facet-sheet-header">
                <h2 id="facet-sheet-title">{move || ui(lang.get()).filters}</h2>
                <button type="button" class="button button-secondary facet-sheet-close" on:click=move |_| close()>
                    {move || ui(lang.get()).close_filters}
                </button>
            </div>
            {facets}
            <div class="facet-sheet-footer">
                <button type="button" class="button" on:click=move |_| close()>
                    {move || show_n_results(n_results.get(), lang.get())}
                </button>
            </div>
        </section>
    }
}

/// The first and last controls of the open facet sheet, between which Tab cycles.
const SHEET_FIRST: &str = ".facet-sheet-close";
const SHEET_LAST: &str = ".facet-sheet-footer .button";

/// Facet values under one capability group (or none), each with its position in the facet.
type ValueGroup = (Option<String>, Vec<(usize, FacetValue)>);

/// Facet values built in one task after the first results: a few groups of capabilities.
const FACET_VALUES_PER_TASK: usize = 16;

/// A facet's values in groups, each value with its position (where its count is found in
/// every result): capabilities and needs by their group, in the order the index gives them
/// (the file's order); the other facets' values in one group.
fn group_values(facet: Facet, values: Vec<FacetValue>) -> Vec<ValueGroup> {
    let grouped = is_grouped(facet);
    let mut groups: Vec<ValueGroup> = Vec::new();
    for (position, value) in values.into_iter().enumerate() {
        let key = if grouped { value.group.clone() } else { None };
        match groups.iter_mut().find(|(group, _)| *group == key) {
            Some((_, members)) => members.push((position, value)),
            None => groups.push((key, vec![(position, value)])),
        }
    }
    groups
}

/// What one facet value shows that changes with the query.
#[derive(Clone, Copy)]
struct ValueState {
    count: RwSignal<u32>,
    selected: RwSignal<bool>,
}

fn count_at(results: &SharedResults, facet: Facet, position: usize) -> u32 {
    results.0.facets.values(facet).get(position).map_or(0, |value| value.count)
}

/// Whether `facet`'s values are shown in groups, with a box to filter them: capabilities and needs.
fn is_grouped(facet: Facet) -> bool {
    matches!(facet, Facet::Capability | Facet::Need)
}

/// One facet: its values with disjunctive counts; capabilities grouped and searchable.
/// `group_steps` says after which of the sheet's steps each group is built.
#[component]
fn FacetGroup(
    catalog: Arc<Catalog>,
    facet: Facet,
    groups: Vec<ValueGroup>,
    group_steps: Vec<usize>,
    steps_done: RwSignal<usize>,
    query: Memo<ListQuery>,
    results: Memo<SharedResults>,
    on_change: Callback<(ListQuery, bool)>,
) -> impl IntoView {
    let UiLang(lang) = expect_context::<UiLang>();
    let filter_text = RwSignal::new(String::new());
    let mut by_position: Vec<(usize, String)> = groups
        .iter()
        .flat_map(|(_, values)| values.iter().map(|(position, value)| (*position, value.value.clone())))
        .collect();
    by_position.sort_unstable_by_key(|(position, _)| *position);
    let n_values = by_position.len();

    // Each value's count and check live in signals of their own, set by one effect per
    // facet and only when they change. Subscribing every value to the results and the
    // query (about 200 values, two subscriptions each) made Leptos' bookkeeping cost more
    // than the search: every subscriber leaves and rejoins a shared set on every change.
    let value_ids: Vec<String> = by_position.into_iter().map(|(_, value)| value).collect();
    let states: Arc<Vec<ValueState>> = Arc::new(
        value_ids
            .iter()
            .enumerate()
            .map(|(position, value)| ValueState {
                count: RwSignal::new(results.with_untracked(|results| count_at(results, facet, position))),
                selected: RwSignal::new(query.with_untracked(|query| query.filters.is_selected(facet, value))),
            })
            .collect(),
    );
    {
        let states = states.clone();
        Effect::new(move |_| {
            results.with(|results| {
                for (position, state) in states.iter().enumerate() {
                    let count = count_at(results, facet, position);
                    if state.count.get_untracked() != count {
                        state.count.set(count);
                    }
                }
            })
        });
    }
    {
        let states = states.clone();
        Effect::new(move |_| {
            query.with(|query| {
                for (state, value) in states.iter().zip(&value_ids) {
                    let selected = query.filters.is_selected(facet, value);
                    if state.selected.get_untracked() != selected {
                        state.selected.set(selected);
                    }
                }
            })
        });
    }

    let value_item = {
        let catalog = catalog.clone();
        let states = states.clone();
        move |(position, value): (usize, FacetValue)| {
            let FacetValue { value, parent, .. } = value;
            let ValueState { count, selected } = states[position];
            let toggle = {
                let value = value.clone();
                move |_| {
                    let mut next = query.get_untracked();
                    next.filters.toggle(facet, &value);
                    on_change.run((next, false));
                }
            };
            let label = {
                let catalog = catalog.clone();
                let value = value.clone();
                move || value_label(&catalog, facet, &value, lang.get())
            };
            let hidden = {
                let label = label.clone();
                move || {
                    let filter = filter_text.get();
                    !filter.is_empty() && !normalize(&label()).contains(&normalize(&filter))
                }
            };
            let empty = move || count.get() == 0 && !selected.get();
            view! {
                <li class="facet-value" class:empty=empty class:nested=parent.is_some() hidden=hidden>
                    <label>
                        <input type="checkbox" prop:checked=selected on:change=toggle />
                        <span class="facet-label">{label}</span>
                        <span class="facet-count">{count}</span>
                    </label>
                </li>
            }
        }
    };

    // Each group is built by the sheet's step `group_steps` gives it; a `Memo` per group, so
    // showing one group does not rebuild the ones already shown.
    let body = groups
        .into_iter()
        .zip(group_steps)
        .map(|((group, values), step)| {
            let shown = Memo::new(move |_| steps_done.get() > step);
            let value_item = value_item.clone();
            let catalog = catalog.clone();
            move || {
                shown.get().then(|| {
                    let values_selected_in_group = query.with_untracked(|query| {
                        values.iter().any(|(_, value)| query.filters.is_selected(facet, &value.value))
                    });
                    let items = values.iter().cloned().map(value_item.clone()).collect_view();
                    // Only a grouped facet's values have a group (`group_values`).
                    match group.clone() {
                        Some(group_id) => {
                            let catalog = catalog.clone();
                            let group_label = move || {
                                let lang = lang.get();
                                catalog
                                    .directory
                                    .capability_group(&group_id)
                                    .map(|group| {
                                        group
                                            .label
                                            .resolve(lang.tag(), catalog.directory.fallback_language())
                                            .to_owned()
                                    })
                                    .unwrap_or_else(|| ui(lang).ungrouped.to_owned())
                            };
                            // Groups holding a selected value start open; typing in the facet filter opens all.
                            let holds_selection = values_selected_in_group;
                            view! {
                                <details
                                    class="facet-subgroup"
                                    prop:open=move || holds_selection || !filter_text.get().is_empty()
                                >
                                    <summary>{group_label}</summary>
                                    <ul class="facet-values">{items}</ul>
                                </details>
                            }
                            .into_any()
                        }
                        None => view! { <ul class="facet-values">{items}</ul> }.into_any(),
                    }
                })
            }
        })
        .collect_view();

    let valid_only = (facet == Facet::Certification).then(|| {
        let toggle = move |_| {
            let mut next = query.get_untracked();
            next.filters.only_valid_certifications = !next.filters.only_valid_certifications;
            on_change.run((next, false));
        };
        view! {
            <label class="facet-option">
                <input
                    type="checkbox"
                    prop:checked=move || query.with(|query| query.filters.only_valid_certifications)
                    on:change=toggle
                />
                <span>{move || ui(lang.get()).only_valid_certifications}</span>
            </label>
        }
    });

    let search = (is_grouped(facet) && n_values > 12).then(|| {
        let input_id = format!("facet-filter-{}", facet.url_key());
        let filter_label = move || {
            let ui = ui(lang.get());
            if facet == Facet::Need {
                ui.filter_needs
            } else {
                ui.filter_capabilities
            }
        };
        view! {
            <label class="visually-hidden" for=input_id.clone()>
                {filter_label}
            </label>
            <input
                id=input_id
                class="facet-filter"
                type="text"
                autocomplete="off"
                placeholder=filter_label
                prop:value=move || filter_text.get()
                on:input=move |event| filter_text.set(event_target_value(&event))
            />
        }
    });

    view! {
        <fieldset class="facet">
            <legend>{move || facet_label(ui(lang.get()), facet)}</legend>
            {valid_only}
            {search}
            {body}
        </fieldset>
    }
}

fn facet_label(ui: &Ui, facet: Facet) -> &'static str {
    match facet {
        Facet::Capability => ui.facet_capability,
        Facet::Kind => ui.facet_kind,
        Facet::Certification => ui.facet_certification,
        Facet::Place => ui.facet_place,
        Facet::Event => ui.facet_event,
        Facet::Need => ui.facet_need,
    }
}

/// How a facet value reads to a person: labels from the file, kind names, place names.
fn value_label(catalog: &Catalog, facet: Facet, value: &str, lang: Lang) -> String {
    let directory = &catalog.directory;
    let fallback = directory.fallback_language();
    let resolve = |text: &vitrina_core::Text| text.resolve(lang.tag(), fallback).to_owned();
    match facet {
        Facet::Capability | Facet::Need => {
            directory.capability(value).map(|capability| resolve(&capability.label)).unwrap_or_else(|| value.to_owned())
        }
        Facet::Certification => directory
            .certification(value)
            .map(|certification| resolve(&certification.label))
            .unwrap_or_else(|| value.to_owned()),
        Facet::Event => directory.event(value).map(|event| resolve(&event.name)).unwrap_or_else(|| value.to_owned()),
        Facet::Kind => vitrina_core::model::MemberKind::ALL
            .iter()
            .find(|(_, name)| *name == value)
            .map(|(kind, _)| member_kind(*kind, lang).to_owned())
            .unwrap_or_else(|| value.to_owned()),
        Facet::Place => match value.split_once(PLACE_SEPARATOR) {
            Some((_, city)) => city.to_owned(),
            None => value.to_owned(),
        },
    }
}

/// The results, a page at a time.
///
/// Rows are keyed by position, not by member: a new query shows its results in the rows
/// already there (each card updates its text in place), and only the difference in length
/// adds or removes rows. Keyed by member, most keystrokes tore down and rebuilt every card.
#[component]
fn ResultList(
    catalog: Arc<Catalog>,
    results: Memo<SharedResults>,
    event: Option<String>,
    rows_ready: RwSignal<usize>,
) -> impl IntoView {
    let UiLang(lang) = expect_context::<UiLang>();
    let ListLength(shown) = expect_context::<ListLength>();
    let total = Memo::new(move |_| results.with(|results| results.0.members.len()));
    let n_rows = Memo::new(move |_| shown.get().min(total.get()).min(rows_ready.get()));
    let show_more = move |_| shown.update(|shown| *shown += LIST_PAGE_SIZE);
    let event = StoredValue::new(event);
    view! {
        <div class="results">
            <Show when=move || { total.get() == 0 }>
                <div class="no-results">
                    <p>{move || ui(lang.get()).no_results}</p>
                    <p class="hint">{move || ui(lang.get()).no_results_hint}</p>
                </div>
            </Show>
            <ol class="member-list">
                <For
                    each=move || 0..n_rows.get()
                    key=|position| *position
                    children=move |position| {
                        let index = Memo::new(move |_| {
                            results.with(|results| results.0.members.get(position).map_or(usize::MAX, |index| *index as usize))
                        });
                        let stand = {
                            let catalog = catalog.clone();
                            Signal::derive(move || event.with_value(|event| stand_at(&catalog, index.get(), event.as_deref())))
                        };
                        view! { <MemberCard loaded=catalog.clone() index=index lang=lang stand=stand /> }
                    }
                />
            </ol>
            <Show when=move || { shown.get() < total.get() }>
                <div class="show-more">
                    <p>{move || showing_n_of(shown.get().min(total.get()), total.get(), lang.get())}</p>
                    <button type="button" class="button" on:click=show_more>
                        {move || ui(lang.get()).show_more}
                    </button>
                </div>
            </Show>
        </div>
    }
}

fn stand_at(catalog: &Catalog, index: usize, event: Option<&str>) -> Option<String> {
    let event = event?;
    let member = catalog.directory.members.get(index)?;
    member.events.iter().find(|attended| attended.id.as_str() == event)?.stand.clone()
}

/// The route of the member list filtered to one facet value: for links from profiles.
pub fn filtered_list_route(facet: Facet, value: &str) -> Route {
    let mut query = ListQuery::default();
    query.filters.select(facet, value);
    Route::Directory { query }
}
