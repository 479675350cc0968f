//! The cluster's views (issue 16): the hub that the navigation's "Clúster" opens, the
//! capability map, the opportunities, the investment view and the members behind their
//! numbers. One chunk, `cluster` (matchmaking's views are in it too, see `pages::matches`):
//! none of it is needed by the first screen.

mod chart;
mod investment;
mod map;
mod members;
mod opportunities;

use std::sync::Arc;

use leptos::prelude::*;
use vitrina_core::follow_up::ExportFile;
use vitrina_core::my_company::MyCompany;
use vitrina_core::route::Page;
use vitrina_core::{Lang, Route};

use crate::adapters::files;
use crate::follow_up::FollowUp;
use crate::i18n::texts_table;
use crate::split::Deferred;
use crate::state::{Catalog, Today, UiLang};

texts_table! {
    /// The texts of the cluster's views, in their chunk.
    pub struct ClusterTexts, fn texts;
    cluster_heading: "El clúster", "The cluster";
    cluster_intro:
        "Lo que el mapeo de capacidades del clúster dice: quién puede comprarle o surtirle, dónde faltan proveedores y cuánto planean invertir los miembros.",
        "What the cluster's capability mapping tells: who may buy from you or supply you, where suppliers are missing and how much members plan to invest.";
    my_company_link: "Mi empresa", "My company";
    my_company_not_said: "Aún no ha dicho cuál es su empresa.", "You have not said which is your company yet.";
    my_company_is: "Su empresa:", "Your company:";
    my_company_change: "Cambiar", "Change";
    my_company_say: "Decir cuál es", "Say which it is";
    matches_link: "Pueden comprarte y pueden surtirte", "May buy from you and can supply you";
    pairs_link: "Necesidades y proveedores, para el equipo del clúster", "Needs and suppliers, for the cluster's staff";
    views_heading: "Vistas del clúster", "The cluster's views";
    prepare_heading: "Preparar la feria", "Prepare the fair";
    no_upcoming_events: "No hay eventos próximos en el directorio.", "There are no upcoming events in the directory.";
    map_heading: "Mapa de capacidades", "Capability map";
    map_intro:
        "Para cada capacidad: la oferta (miembros que la ofrecen), la demanda (miembros que la necesitan) y la brecha, que es la demanda menos la oferta, o 0 si la oferta alcanza.",
        "For every capability: supply (members offering it), demand (members needing it) and the gap, which is demand minus supply, or 0 when supply covers it.";
    map_chart_title: "Oferta y demanda por grupo de capacidades", "Supply and demand by capability group";
    map_table_caption: "Oferta, demanda y brecha por capacidad", "Supply, demand and gap by capability";
    capability_column: "Capacidad", "Capability";
    group_column: "Grupo", "Group";
    supply_column: "Oferta", "Supply";
    demand_column: "Demanda", "Demand";
    gap_column: "Brecha", "Gap";
    supply_series: "Oferta (miembros que ofrecen)", "Supply (members offering)";
    demand_series: "Demanda (miembros que necesitan)", "Demand (members needing)";
    group_total_note:
        "En la fila de cada grupo, un miembro cuenta una vez aunque ofrezca o necesite varias de sus capacidades.",
        "On each group's row a member counts once, even when it offers or needs several of its capabilities.";
    download_svg: "Descargar la gráfica (SVG)", "Download the chart (SVG)";
    download_csv: "Descargar la tabla (CSV)", "Download the table (CSV)";
    print: "Imprimir", "Print";
    opportunities_heading: "Oportunidades", "Opportunities";
    opportunities_intro:
        "Capacidades que armadoras (OEM) y Tier 1 necesitan y que ningún miembro, o solo uno, ofrece: candidatas a sustitución de importaciones. Los más cercanos ofrecen otras capacidades del mismo grupo.",
        "Capabilities that OEMs and Tier 1s need and that no member, or only one, offers: candidates for import substitution. The closest offer other capabilities of the same group.";
    opportunities_caption: "Capacidades con un proveedor local o ninguno", "Capabilities with one local supplier or none";
    needed_by_column: "La necesitan", "Needed by";
    supplier_column: "Proveedor local", "Local supplier";
    closest_column: "Los más cercanos", "Closest";
    no_supplier: "Ninguno", "None";
    nobody_close: "Nadie en el grupo", "Nobody in the group";
    no_opportunities: "Ninguna capacidad que necesiten armadoras o Tier 1 tiene menos de dos proveedores.", "No capability that OEMs or Tier 1s need has fewer than two suppliers.";
    investment_heading: "Inversión planeada", "Planned investment";
    investment_intro:
        "Inversión que los miembros planean, en millones de dólares (MDD), según el archivo del directorio. Quien no dio una cifra cuenta como «sin dato», nunca como cero.",
        "Investment members plan, in millions of US dollars (MDD), from the directory file. Members who gave no figure count as “not given”, never as zero.";
    total_label: "Total planeado", "Total planned";
    with_figure_label: "Miembros con cifra", "Members with a figure";
    not_given_label: "Sin dato", "Not given";
    above_given_label: "Más de 15 MDD, de quienes dieron cifra", "More than 15 MDD, of those who gave a figure";
    above_all_label: "Más de 15 MDD, de todos los miembros", "More than 15 MDD, of all members";
    above_note: "«Más de 15» no incluye 15 exactos.", "“More than 15” does not include exactly 15.";
    distribution_heading: "Distribución", "Distribution";
    distribution_title: "Miembros por inversión planeada", "Members by planned investment";
    range_column: "Inversión planeada", "Planned investment";
    members_column: "Miembros", "Members";
    by_group_heading: "Por grupo de capacidades", "By capability group";
    by_group_note:
        "Un miembro cuenta en cada grupo en el que ofrece alguna capacidad, así que los grupos suman más que el total.",
        "A member counts in every group in which it offers a capability, so the groups add up to more than the total.";
    by_kind_heading: "Por tipo de miembro", "By kind of member";
    kind_column: "Tipo", "Kind";
    no_kind: "Sin tipo", "No kind";
    above_column: "Más de 15 MDD", "More than 15 MDD";
    members_heading: "Miembros", "Members";
    back_to_investment: "Volver a la inversión planeada", "Back to planned investment";
    no_members_selected: "Ningún miembro cumple esta selección.", "No member fits this selection.";
    all_members: "Todos los miembros", "All members";
}

/// The file to download, named in the visitor's language.
fn download(file_name: &str, mime_type: &'static str, content: String) {
    files::download(&ExportFile { file_name: file_name.to_owned(), mime_type, content });
}

/// Opens the browser's print dialog.
fn print_page() {
    crate::adapters::page::print();
}

/// Download and print buttons shared by the views that print.
fn actions(buttons: Vec<AnyView>) -> impl IntoView {
    view! { <div class="cluster-actions">{buttons}</div> }
}

/// A table in a region of its own that scrolls sideways on a narrow screen (the page never
/// does), focusable so a keyboard can scroll it, named by the table's caption.
fn scroll_region(name: &'static str, table: impl IntoView) -> impl IntoView {
    view! {
        <div class="table-scroll" role="region" aria-label=name tabindex="0">
            {table}
        </div>
    }
}

/// The hub: who the visitor said they are, every view of the cluster, and the upcoming
/// events to prepare.
#[component]
pub fn ClusterPage(catalog: Arc<Catalog>) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let today = expect_context::<Today>();
    let my_company = expect_context::<FollowUp>().my_company();
    let t = move || texts(lang.get());
    let company_status = {
        let catalog = catalog.clone();
        move || {
            let t = t();
            let name = my_company.with(|company| company.as_ref().map(|c| company_name(c, &catalog)));
            match name {
                Some(name) => view! {
                    <p class="my-company-status">
                        {t.my_company_is} " " <strong>{name}</strong> " · "
                        <a href=Route::MyCompany.to_fragment()>{t.my_company_change}</a>
                    </p>
                }
                .into_any(),
                None => view! {
                    <p class="my-company-status">
                        {t.my_company_not_said} " "
                        <a href=Route::MyCompany.to_fragment()>{t.my_company_say}</a>
                    </p>
                }
                .into_any(),
            }
        }
    };
    let upcoming = move || {
        let lang = lang.get();
        let directory = &catalog.directory;
        let (upcoming, _) = crate::pages::events::events_in_order(&directory.events, today.get());
        if upcoming.is_empty() {
            return view! { <p>{texts(lang).no_upcoming_events}</p> }.into_any();
        }
        let fallback = directory.fallback_language();
        view! {
            <ul class="cluster-views">
                {upcoming
                    .into_iter()
                    .map(|event| {
                        let href = Route::PrepareFair { event: event.id.as_str().to_owned() }.to_fragment();
                        let name = event.name.resolve(lang.tag(), fallback).to_owned();
                        view! { <li><a href=href>{name}</a></li> }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="cluster-page" aria-labelledby="cluster-heading">
            <h1 id="cluster-heading">{move || t().cluster_heading}</h1>
            <p>{move || t().cluster_intro}</p>
            <h2>{move || t().my_company_link}</h2>
            {company_status}
            <h2>{move || t().views_heading}</h2>
            <ul class="cluster-views">
                <li><a href="#/matches">{move || t().matches_link}</a></li>
                <li><a href="#/map">{move || t().map_heading}</a></li>
                <li><a href="#/opportunities">{move || t().opportunities_heading}</a></li>
                <li><a href="#/investment">{move || t().investment_heading}</a></li>
                <li><a href="#/pairs">{move || t().pairs_link}</a></li>
            </ul>
            <h2>{move || t().prepare_heading}</h2>
            {upcoming}
        </section>
    }
}

/// The name of the visitor's company: the member's, or the one they typed.
fn company_name(company: &MyCompany, catalog: &Catalog) -> String {
    match company.profile(&catalog.directory) {
        Some(profile) if !profile.name.trim().is_empty() => profile.name.to_owned(),
        _ => match company {
            MyCompany::Member { id } => id.to_string(),
            MyCompany::Outside(_) => String::from("—"),
        },
    }
}

/// A count of members in words: "1 miembro", "3 members".
fn n_members(n: usize, lang: Lang) -> String {
    let number = vitrina_core::format::count(n as u64, lang);
    match (lang, n) {
        (Lang::Es, 1) => format!("{number} miembro"),
        (Lang::Es, _) => format!("{number} miembros"),
        (Lang::En, 1) => format!("{number} member"),
        (Lang::En, _) => format!("{number} members"),
    }
}

crate::split_point! {
    chunk = cluster, preload = preload_cluster;
    /// One of the cluster's views, from their chunk. One split point for all of them: each
    /// costs the landing module a stub and a future of its own.
    pub fn cluster_view(catalog: Arc<Catalog>, page: Page) -> Deferred {
        Box::new(move || match page {
            Page::CapabilityMap => view! { <map::CapabilityMapPage catalog=catalog /> }.into_any(),
            Page::Opportunities => view! { <opportunities::OpportunitiesPage catalog=catalog /> }.into_any(),
            Page::Investment => view! { <investment::InvestmentPage catalog=catalog /> }.into_any(),
            Page::ClusterMembers(selection) => {
                view! { <members::ClusterMembersPage catalog=catalog selection=selection /> }.into_any()
            }
            _ => view! { <ClusterPage catalog=catalog /> }.into_any(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn member_counts_agree_in_number() {
        assert_eq!(n_members(1, Lang::Es), "1 miembro");
        assert_eq!(n_members(0, Lang::En), "0 members");
        assert_eq!(n_members(12, Lang::Es), "12 miembros");
    }
}
