//! Search box, facets, active filters, sort and result list: the member list of
//! the directory page and of each event page.

mod facet_sheet;
mod result_list;

use std::sync::Arc;

use leptos::prelude::*;
use vitrina_core::query::{Facet, ListQuery, SortOrder};
use vitrina_core::search::{facet_value_label, SearchResults};
use vitrina_core::Route;

use self::facet_sheet::FacetSheet;
use self::result_list::ResultList;
use crate::adapters::scheduling;
use crate::i18n::{filters_button, n_results_of, ui, Ui};
use crate::state::{Announcer, Catalog, ListKey, ListLengths, Navigation, Today, UiLang};

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

/// Results shared between the views that read them; compared by content, so a keystroke
/// that gives the same results and counts (`t`, `tr`, `tro`…) wakes no row or facet.
#[derive(Clone)]
struct SharedResults(Arc<SearchResults>);

/// The list of members for the current list route, narrowed by its query.
///
/// `event` limits the list to the members attending that event (the event page).
/// The component lives as long as the page: a new query updates it in place, so
/// the search box keeps its focus while the visitor types.
#[component]
pub fn MemberSearch(catalog: Arc<Catalog>, #[prop(default = None)] event: Option<String>) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let navigation = expect_context::<Navigation>();
    let route = navigation.route();
    let today = expect_context::<Today>();
    // Rows shown, per list: "show more" here leaves other lists as they were, and Back from a
    // profile finds this list as it was left (the directory's list is even kept alive).
    let list_lengths = expect_context::<ListLengths>();
    let list_key: ListKey = event.clone();
    let shown = RwSignal::new(list_lengths.of(&list_key, LIST_PAGE_SIZE));
    Effect::new(move |_| list_lengths.remember(list_key.clone(), shown.get()));

    // The route's query: filters the directory does not have were dropped where the route
    // was made (`Navigation`), which also keeps what was dropped for the notice below.
    let query = Memo::new(move |previous: Option<&ListQuery>| {
        match (route.with(|route| route.list_query().cloned()), previous) {
            (Some(query), _) => query,
            // A profile opened from the list: the list stays as it was, hidden, for Back.
            (None, Some(previous)) => previous.clone(),
            (None, None) => ListQuery::default(),
        }
    });
    let stale = navigation.dropped_filters();

    let results = {
        let catalog = catalog.clone();
        let event = event.clone();
        Memo::new_with_compare(
            move |_| {
                let query = query.get();
                let today = today.get();
                let results = match &event {
                    Some(event) => catalog.index().run_within_event(&catalog.directory, event, &query, today),
                    None => catalog.index().run(&catalog.directory, &query, today),
                };
                SharedResults(Arc::new(results))
            },
            // Comparing costs microseconds (the member list, then the counts); notifying
            // costs every row's and every facet value's reactive bookkeeping (a keystroke
            // that changed nothing took 10 ms to update the DOM at 10k members, 4× CPU).
            |previous, next| previous.map(|previous| &*previous.0) != next.map(|next| &*next.0),
        )
    };
    let total = match &event {
        Some(event) => catalog.directory.attendees(event).count(),
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
    let sheet_opener = NodeRef::<leptos::html::Button>::new();
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
                    stale.iter().map(|(facet, value)| facet_value_label(&catalog.directory, *facet, value, lang)).collect();
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
                    node_ref=sheet_opener
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
                    opener=sheet_opener
                    on_change=change_query
                />
                <ResultList catalog=catalog.clone() results=results event=event rows_ready=rows_ready shown=shown />
            </div>
        </div>
    }
}

/// The search box: results follow every keystroke.
#[component]
fn SearchBox(text: Signal<String>, on_input: impl Fn(String) + Send + Sync + 'static) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
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
    let lang = expect_context::<UiLang>().signal();
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
    let lang = expect_context::<UiLang>().signal();
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
                (facet_value_label(&catalog.directory, facet, value, lang), without)
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

/// The route of the member list filtered to one facet value: for links from profiles.
pub fn filtered_list_route(facet: Facet, value: &str) -> Route {
    let mut query = ListQuery::default();
    query.filters.select(facet, value);
    Route::Directory { query }
}
