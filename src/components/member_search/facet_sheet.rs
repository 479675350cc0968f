//! The facets: a sidebar on wide screens, a full-screen sheet on phones; each facet's values
//! with the count a click would give, capabilities grouped and searchable.

use std::sync::Arc;

use leptos::html::Button;
use leptos::prelude::*;
use vitrina_core::batching::steps_by_weight;
use vitrina_core::query::{Facet, ListQuery};
use vitrina_core::search::{facet_value_label, normalize, FacetValue};
use vitrina_core::Directory;

use super::SharedResults;
use crate::adapters::{page, scheduling};
use crate::i18n::{show_n_results, ui, Ui};
use crate::state::{Catalog, UiLang};

/// The facets: a sidebar on wide screens, a full-screen sheet on phones.
#[component]
pub(super) fn FacetSheet(
    catalog: Arc<Catalog>,
    query: Memo<ListQuery>,
    results: Memo<SharedResults>,
    n_results: Signal<usize>,
    open: RwSignal<bool>,
    /// The button that opens the sheet, where focus goes back when it closes.
    opener: NodeRef<Button>,
    on_change: Callback<(ListQuery, bool)>,
) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    // The first and last controls of the open sheet, between which Tab cycles.
    let sheet_first = NodeRef::<Button>::new();
    let sheet_last = NodeRef::<Button>::new();
    let focus = |button: NodeRef<Button>| {
        if let Some(button) = button.get_untracked() {
            page::focus(&button);
        }
    };
    let close = move || {
        open.set(false);
        focus(opener);
    };
    let is_focused = |button: NodeRef<Button>| button.get_untracked().is_some_and(|button| page::has_focus(&button));
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        if !open.get_untracked() {
            return;
        }
        match event.key().as_str() {
            "Escape" => close(),
            // The open sheet is modal: Tab past its last control comes back to its first.
            "Tab" => {
                let (from, to) = if event.shift_key() { (sheet_first, sheet_last) } else { (sheet_last, sheet_first) };
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
            focus(sheet_first);
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
            let groups = group_values(&catalog.directory, facet, values);
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
                <button
                    type="button"
                    class="button button-secondary facet-sheet-close"
                    node_ref=sheet_first
                    on:click=move |_| close()
                >
                    {move || ui(lang.get()).close_filters}
                </button>
            </div>
            {facets}
            <div class="facet-sheet-footer">
                <button type="button" class="button" node_ref=sheet_last on:click=move |_| close()>
                    {move || show_n_results(n_results.get(), lang.get())}
                </button>
            </div>
        </section>
    }
}

/// Facet values under one capability group (or none), each with its position in the facet.
type ValueGroup = (Option<String>, Vec<(usize, FacetValue)>);

/// Facet values built in one task after the first results: a few groups of capabilities.
const FACET_VALUES_PER_TASK: usize = 16;

/// A facet's values in groups, each value with its position (where its count is found in
/// every result): capabilities and needs by their group (the core's grouping, also the
/// profile's); the other facets' values in one group.
fn group_values(directory: &Directory, facet: Facet, values: Vec<FacetValue>) -> Vec<ValueGroup> {
    let positioned = values.into_iter().enumerate();
    if !is_grouped(facet) {
        return vec![(None, positioned.collect())];
    }
    directory
        .group_by_capability_group(positioned, |(_, value)| value.value.as_str())
        .into_iter()
        .map(|(group, values)| (group.map(|group| group.id.as_str().to_owned()), values))
        .collect()
}

/// What one facet value shows that changes with the query.
#[derive(Clone, Copy)]
struct ValueState {
    count: RwSignal<u32>,
    selected: RwSignal<bool>,
    /// No result has it and it is not selected: shown dimmed.
    empty: RwSignal<bool>,
}

/// Whether a value with `count` results is shown dimmed.
fn is_empty(count: u32, selected: bool) -> bool {
    count == 0 && !selected
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
    let lang = expect_context::<UiLang>().signal();
    let filter_text = RwSignal::new(String::new());
    let mut by_position: Vec<(usize, String)> = groups
        .iter()
        .flat_map(|(_, values)| values.iter().map(|(position, value)| (*position, value.value.clone())))
        .collect();
    by_position.sort_unstable_by_key(|(position, _)| *position);
    let n_values = by_position.len();

    // Each value's count, check and dimming live in signals of their own, set by one effect
    // per facet and only when they change. Subscribing every value to the results and the
    // query (about 200 values, two subscriptions each) made Leptos' bookkeeping cost more
    // than the search: every subscriber leaves and rejoins a shared set on every change.
    // The dimming is set here too, not derived in the view from the count: a toggle changes
    // about 120 counts and a handful of dimmings, and a derived class woke 120 more effects.
    let value_ids: Vec<String> = by_position.into_iter().map(|(_, value)| value).collect();
    let states: Arc<Vec<ValueState>> = Arc::new(
        value_ids
            .iter()
            .enumerate()
            .map(|(position, value)| {
                let count = results.with_untracked(|results| count_at(results, facet, position));
                let selected = query.with_untracked(|query| query.filters.is_selected(facet, value));
                ValueState {
                    count: RwSignal::new(count),
                    selected: RwSignal::new(selected),
                    empty: RwSignal::new(is_empty(count, selected)),
                }
            })
            .collect(),
    );
    {
        let states = states.clone();
        Effect::new(move |_| {
            query.with(|query| {
                results.with(|results| {
                    for (position, (state, value)) in states.iter().zip(&value_ids).enumerate() {
                        let count = count_at(results, facet, position);
                        let selected = query.filters.is_selected(facet, value);
                        if state.count.get_untracked() != count {
                            state.count.set(count);
                        }
                        if state.selected.get_untracked() != selected {
                            state.selected.set(selected);
                        }
                        let empty = is_empty(count, selected);
                        if state.empty.get_untracked() != empty {
                            state.empty.set(empty);
                        }
                    }
                })
            })
        });
    }

    let value_item = {
        let catalog = catalog.clone();
        let states = states.clone();
        move |(position, value): (usize, FacetValue)| {
            let FacetValue { value, parent, .. } = value;
            let ValueState { count, selected, empty } = states[position];
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
                move || facet_value_label(&catalog.directory, facet, &value, lang.get())
            };
            let hidden = {
                let label = label.clone();
                move || {
                    let filter = filter_text.get();
                    !filter.is_empty() && !normalize(&label()).contains(&normalize(&filter))
                }
            };
            view! {
                <li class="facet-value" class:empty=move || empty.get() class:nested=parent.is_some() hidden=hidden>
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
