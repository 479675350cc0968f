//! `#/map`: supply, demand and gap of every capability, as a chart by group and as a table
//! with the same numbers, each a link to the members behind it.

use std::sync::Arc;

use leptos::prelude::*;
use vitrina_core::capability_map::{capability_label, capability_map, group_label, map_csv, CapabilityMap};
use vitrina_core::chart::{lay_out, svg_document, BarChart, RowInput};
use vitrina_core::model::Directory;
use vitrina_core::query::{Facet, ListQuery};
use vitrina_core::{Lang, Route};

use super::chart::BarChartView;
use super::{actions, download, print_page, scroll_region, texts};
use crate::state::{Catalog, UiLang};

/// The member list narrowed to members that offer (`Facet::Capability`) or need
/// (`Facet::Need`) any of `capabilities`.
pub fn list_link(facet: Facet, capabilities: impl IntoIterator<Item = String>) -> String {
    let mut query = ListQuery::default();
    for id in capabilities {
        query.filters.select(facet, id);
    }
    Route::Directory { query }.to_fragment()
}

/// The chart's description: what it shows and where the largest gap is.
fn description(directory: &Directory, map: &CapabilityMap, lang: Lang) -> String {
    let n_capabilities: usize = map.groups.iter().map(|g| g.capabilities.len()).sum();
    let widest = map.groups.iter().flat_map(|g| g.capabilities.iter()).filter(|row| row.gap() > 0).max_by_key(|row| {
        // The first of equal gaps wins: max_by_key keeps the last, so compare on reversed position.
        (row.gap(), std::cmp::Reverse(row.capability))
    });
    let summary = lang.pick(
        format!(
            "Miembros que ofrecen y que necesitan al menos una capacidad de cada uno de los {} grupos ({} capacidades).",
            map.groups.len(),
            n_capabilities
        ),
        format!(
            "Members offering and members needing at least one capability of each of the {} groups ({} capabilities).",
            map.groups.len(),
            n_capabilities
        ),
    );
    match widest {
        Some(row) => {
            let name = capability_label(directory, row.capability, lang);
            lang.pick(
                format!("{summary} Mayor brecha: {name} (demanda {}, oferta {}).", row.demand, row.supply),
                format!("{summary} Largest gap: {name} (demand {}, supply {}).", row.demand, row.supply),
            )
        }
        None => summary,
    }
}

/// The chart of the map: one row per group, supply and demand.
pub fn map_chart(directory: &Directory, map: &CapabilityMap, lang: Lang) -> BarChart {
    let t = texts(lang);
    let rows: Vec<RowInput> = map
        .groups
        .iter()
        .map(|group| RowInput {
            label: group_label(directory, group.group, lang),
            values: vec![group.supply, group.demand],
            hrefs: vec![None, None],
        })
        .collect();
    lay_out(
        t.map_chart_title.to_owned(),
        description(directory, map, lang),
        &[t.supply_series.to_owned(), t.demand_series.to_owned()],
        &rows,
    )
}

/// A number, linked to the members behind it when there are any.
fn count_link(n: usize, href: String) -> AnyView {
    if n == 0 {
        view! { <span>"0"</span> }.into_any()
    } else {
        view! { <a href=href>{n}</a> }.into_any()
    }
}

/// The capability map page.
#[component]
pub fn CapabilityMapPage(catalog: Arc<Catalog>) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let map = Arc::new(capability_map(&catalog.directory));
    move || {
        let lang = lang.get();
        let t = texts(lang);
        let directory = &catalog.directory;
        let chart = map_chart(directory, &map, lang);
        let svg = svg_document(&chart);
        let csv = map_csv(directory, &map, lang);
        let svg_name = lang.pick("mapa-de-capacidades.svg", "capability-map.svg");
        let csv_name = lang.pick("mapa-de-capacidades.csv", "capability-map.csv");
        let buttons = vec![
            view! { <button type="button" class="button button-secondary" on:click=move |_| download(svg_name, "image/svg+xml", svg.clone())>{t.download_svg}</button> }.into_any(),
            view! { <button type="button" class="button button-secondary" on:click=move |_| download(csv_name, "text/csv;charset=utf-8", csv.clone())>{t.download_csv}</button> }.into_any(),
            view! { <button type="button" class="button button-secondary" on:click=|_| print_page()>{t.print}</button> }.into_any(),
        ];
        let bodies = map
            .groups
            .iter()
            .map(|group| {
                let group_name = group_label(directory, group.group, lang);
                let ids: Vec<String> = group
                    .capabilities
                    .iter()
                    .map(|row| directory.capabilities[row.capability].id.to_string())
                    .collect();
                let rows = group
                    .capabilities
                    .iter()
                    .map(|row| {
                        let id = directory.capabilities[row.capability].id.to_string();
                        view! {
                            <tr>
                                <th scope="row">{capability_label(directory, row.capability, lang)}</th>
                                <td>{count_link(row.supply, list_link(Facet::Capability, [id.clone()]))}</td>
                                <td>{count_link(row.demand, list_link(Facet::Need, [id]))}</td>
                                <td class:gap={row.gap() > 0}>{row.gap()}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <tbody>
                        <tr class="group-row">
                            <th scope="rowgroup">{group_name}</th>
                            <td>{count_link(group.supply, list_link(Facet::Capability, ids.clone()))}</td>
                            <td>{count_link(group.demand, list_link(Facet::Need, ids))}</td>
                            <td></td>
                        </tr>
                        {rows}
                    </tbody>
                }
            })
            .collect_view();
        view! {
            <section class="cluster-view capability-map" aria-labelledby="map-heading">
                <h1 id="map-heading">{t.map_heading}</h1>
                <p>{t.map_intro}</p>
                {actions(buttons)}
                <figure class="chart-figure">
                    <BarChartView chart=chart id="map-chart" />
                </figure>
                {scroll_region(t.map_table_caption, view! {
                <table class="cluster-table map-table">
                    <caption>{t.map_table_caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t.capability_column}</th>
                            <th scope="col">{t.supply_column}</th>
                            <th scope="col">{t.demand_column}</th>
                            <th scope="col">{t.gap_column}</th>
                        </tr>
                    </thead>
                    {bodies}
                </table>
                })}
                <p class="table-note">{t.group_total_note}</p>
            </section>
        }
    }
}
