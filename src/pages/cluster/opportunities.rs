//! `#/opportunities`: what OEMs and Tier 1s need with one local supplier or none, who needs
//! it and who is closest — the import-substitution list a board works through.

use std::sync::Arc;

use leptos::prelude::*;
use vitrina_core::capability_map::{capability_label, group_label, opportunities, opportunities_csv};
use vitrina_core::model::Directory;
use vitrina_core::Route;

use super::{actions, download, print_page, scroll_region, texts};
use crate::state::{Catalog, UiLang};

/// How many of the closest members a row names.
const CLOSEST_SHOWN: usize = 3;

/// Links to these members' profiles, as a list.
fn member_links(directory: &Directory, members: impl Iterator<Item = usize>) -> impl IntoView {
    let items = members
        .filter_map(|m| directory.members.get(m))
        .map(|member| {
            let href = Route::Member { id: member.id.to_string(), via_qr: false }.to_fragment();
            view! { <li><a href=href>{member.name.clone()}</a></li> }
        })
        .collect_view();
    view! { <ul class="member-names">{items}</ul> }
}

/// The opportunities page.
#[component]
pub fn OpportunitiesPage(catalog: Arc<Catalog>) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let found = Arc::new(opportunities(&catalog.directory));
    move || {
        let lang = lang.get();
        let t = texts(lang);
        let directory = &catalog.directory;
        let csv = opportunities_csv(directory, &found, lang);
        let csv_name = lang.pick("oportunidades.csv", "opportunities.csv");
        let buttons = vec![
            view! { <button type="button" class="button button-secondary" on:click=move |_| download(csv_name, "text/csv;charset=utf-8", csv.clone())>{t.download_csv}</button> }.into_any(),
            view! { <button type="button" class="button button-secondary" on:click=|_| print_page()>{t.print}</button> }.into_any(),
        ];
        let rows = found
            .iter()
            .map(|opportunity| {
                let supplier = if opportunity.suppliers.is_empty() {
                    view! { <span class="no-supplier">{t.no_supplier}</span> }.into_any()
                } else {
                    member_links(directory, opportunity.suppliers.iter().copied()).into_any()
                };
                let closest = if opportunity.closest.is_empty() {
                    view! { <span>{t.nobody_close}</span> }.into_any()
                } else {
                    member_links(directory, opportunity.closest.iter().take(CLOSEST_SHOWN).map(|&(m, _)| m)).into_any()
                };
                view! {
                    <tr>
                        <th scope="row">{capability_label(directory, opportunity.capability, lang)}</th>
                        <td>{group_label(directory, opportunity.group, lang)}</td>
                        <td>{member_links(directory, opportunity.needed_by.iter().copied())}</td>
                        <td>{supplier}</td>
                        <td>{closest}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <section class="cluster-view opportunities" aria-labelledby="opportunities-heading">
                <h1 id="opportunities-heading">{t.opportunities_heading}</h1>
                <p>{t.opportunities_intro}</p>
                {actions(buttons)}
                {if found.is_empty() {
                    view! { <p>{t.no_opportunities}</p> }.into_any()
                } else {
                    scroll_region(t.opportunities_caption, view! {
                        <table class="cluster-table opportunities-table">
                            <caption>{t.opportunities_caption}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{t.capability_column}</th>
                                    <th scope="col">{t.group_column}</th>
                                    <th scope="col">{t.needed_by_column}</th>
                                    <th scope="col">{t.supplier_column}</th>
                                    <th scope="col">{t.closest_column}</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    })
                    .into_any()
                }}
            </section>
        }
    }
}
