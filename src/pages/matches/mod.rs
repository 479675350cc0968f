//! Matchmaking (issue 16): "Mi empresa", who may buy from the visitor and who can supply
//! them, the pairs for the staff, and preparing a fair. In the chunk `cluster`, with the
//! cluster's views: as two chunks, the splitter made 14 more shared chunks of what they and
//! the other pages share, each a line of the loader and of index.html on the way to the first
//! screen (1.5 KB brotli), and opening matches took 27 files.

mod lists;
mod my_company;
mod pairs;
mod prepare;
mod row;

use std::sync::Arc;

use leptos::prelude::*;
use vitrina_core::model::{Directory, Event};
use vitrina_core::route::Page;
use vitrina_core::valid::IsoDate;
use vitrina_core::Lang;

use self::lists::MatchesPage;
use self::my_company::MyCompanyPage;
use self::pairs::PairsPage;
use self::prepare::PrepareFairPage;
use crate::i18n::texts_table;
use crate::split::Deferred;
use crate::state::Catalog;

texts_table! {
    /// The texts of matchmaking, in their chunk.
    pub struct MatchTexts, fn texts;
    my_company_heading: "Mi empresa", "My company";
    my_company_intro:
        "Dinos quién es tu empresa para ver quién puede comprarte y quién puede surtirte.",
        "Tell us who your company is to see who may buy from you and who can supply you.";
    stays_on_device:
        "Se guarda solo en este dispositivo, con tu lista de seguimiento; no se envía a ningún lado.",
        "It stays on this device only, with your follow-up list; it is not sent anywhere.";
    current_company: "Tu empresa", "Your company";
    no_company_yet: "Aún no has dicho quién es tu empresa.", "You have not said who your company is yet.";
    outside_company: "Fuera del directorio", "Outside the directory";
    unnamed_company: "Sin nombre", "No name";
    remove_company: "Quitar mi empresa", "Remove my company";
    company_removed: "Se quitó tu empresa de este dispositivo.", "Your company was removed from this device.";
    company_saved: "Tu empresa quedó guardada en este dispositivo.", "Your company was saved on this device.";
    see_matches: "Ver coincidencias", "See your matches";
    pick_heading: "Mi empresa está en el directorio", "My company is in the directory";
    pick_label: "Busca tu empresa por nombre", "Search for your company by name";
    pick_hint: "Escribe parte del nombre y elige tu empresa de la lista.", "Type part of the name and pick your company from the list.";
    pick_none: "Ninguna empresa del directorio tiene ese nombre.", "No company in the directory has that name.";
    pick_more: "Hay más: escribe más letras para verlas.", "There are more: type more letters to see them.";
    chosen: "elegida", "chosen";
    describe_heading: "Mi empresa no está en el directorio", "My company is not in the directory";
    describe_hint:
        "Marca lo que hace y lo que necesita, de la lista de capacidades del clúster.",
        "Tick what it makes and what it needs, from the cluster's list of capabilities.";
    name_label: "Nombre de la empresa", "Company name";
    kind_label: "Lugar en la cadena de suministro", "Place in the supply chain";
    kind_none: "Sin indicar", "Not given";
    makes_legend: "Lo que hacemos", "What we make";
    needs_legend: "Lo que necesitamos", "What we need";
    other_capabilities: "Otras capacidades", "Other capabilities";
    save_company: "Guardar mi empresa", "Save my company";
    describe_empty:
        "Marca al menos una capacidad que hagan o que necesiten.",
        "Tick at least one capability you make or need.";
    matches_heading: "Pueden comprarte y pueden surtirte", "May buy from you and can supply you";
    may_buy_heading: "Pueden comprarte", "May buy from you";
    can_supply_heading: "Pueden surtirte", "Can supply you";
    may_buy_intro: "Socios que necesitan algo de lo que haces.", "Members that need something you make.";
    can_supply_intro: "Socios que ofrecen algo de lo que necesitas.", "Members that offer something you need.";
    no_company:
        "Primero dinos quién es tu empresa: con eso calculamos quién puede comprarte y quién puede surtirte.",
        "First tell us who your company is: from that we work out who may buy from you and who can supply you.";
    say_who: "Decir quién es mi empresa", "Say who my company is";
    change_company: "Cambiar mi empresa", "Change my company";
    company_gone:
        "Tu empresa ya no está en el directorio. Elige otra o descríbela.",
        "Your company is no longer in the directory. Pick another or describe it.";
    none_makes:
        "No indicaste nada que hagas, así que nadie aparece aquí.",
        "You gave nothing you make, so no one shows here.";
    none_needs:
        "No indicaste nada que necesites, así que nadie aparece aquí.",
        "You gave nothing you need, so no one shows here.";
    none_buy: "Ningún socio necesita lo que haces.", "No member needs what you make.";
    none_supply: "Ningún socio ofrece lo que necesitas.", "No member offers what you need.";
    filtered_out:
        "Hay coincidencias, pero ninguna con los filtros elegidos.",
        "There are matches, but none with the chosen filters.";
    add_match: "Agregar a seguimiento", "Add to follow-up";
    on_list: "En tu seguimiento", "On your follow-up list";
    introduction_label: "Mensaje de presentación", "Introduction message";
    write_email: "Escribir por correo", "Write by e-mail";
    write_whatsapp: "Escribir por WhatsApp", "Write on WhatsApp";
    filters_legend: "Filtrar las coincidencias", "Filter the matches";
    filter_any: "Todos", "Any";
    filter_certification: "Certificación", "Certification";
    filter_place: "Lugar", "Place";
    filter_event: "Evento", "Event";
    filter_kind: "Tipo", "Kind";
    clear_filters: "Quitar filtros", "Clear filters";
    upcoming_heading: "Preparar una feria", "Prepare a fair";
    upcoming_none: "No hay eventos próximos en el directorio.", "There are no upcoming events in the directory.";
    pairs_link: "Necesidades y proveedores, para el personal del clúster", "Needs and suppliers, for the cluster's staff";
    pairs_heading: "Necesidades y proveedores", "Needs and suppliers";
    pairs_intro:
        "Cada necesidad de un socio junto a los socios que la ofrecen: la lista para presentar a unos con otros antes de una reunión bimestral o una misión comercial.",
        "Each member's need beside the members that offer it: the list to introduce them to each other before a bimonthly meeting or a business mission.";
    download_csv: "Descargar CSV", "Download CSV";
    download_failed: "No se pudo descargar el archivo.", "The file could not be downloaded.";
    need_it: "La necesitan", "Need it";
    offer_it: "La ofrecen", "Offer it";
    pairs_none:
        "Ningún socio necesita algo que otro ofrezca.",
        "No member needs something another one offers.";
    valid_iatf: "IATF 16949 vigente", "Valid IATF 16949";
    prepare_heading: "Preparar la feria", "Prepare the fair";
    prepare_intro:
        "Tus coincidencias que asisten, en el orden de los stands. Todo está en este dispositivo: funciona sin conexión y se imprime en una o dos hojas.",
        "Your matches who attend, in stand order. It is all on this device: it works offline and prints on one or two pages.";
    add_all: "Agregar todos a seguimiento", "Add all to follow-up";
    all_on_list: "Todos están en tu seguimiento.", "All of them are on your follow-up list.";
    print: "Imprimir", "Print";
    no_stand: "Sin stand", "No stand";
    stand: "Stand", "Stand";
    prepare_none:
        "Ninguna de tus coincidencias asiste a este evento.",
        "None of your matches attends this event.";
    event_over: "Este evento ya pasó.", "This event is over.";
    event_missing: "Este evento no está en el directorio.", "This event is not in the directory.";
    all_events: "Todos los eventos", "All events";
    side_buy: "Puede comprarte", "May buy from you";
    side_supply: "Puede surtirte", "Can supply you";
}

/// "N coincidencias" / "N matches".
fn n_matches(n: usize, lang: Lang) -> String {
    match (n, lang) {
        (1, Lang::Es) => "1 coincidencia".into(),
        (n, Lang::Es) => format!("{n} coincidencias"),
        (1, Lang::En) => "1 match".into(),
        (n, Lang::En) => format!("{n} matches"),
    }
}

/// "Grupo (2 marcadas)" / "Group (2 ticked)".
fn group_summary(group: &str, ticked: usize, lang: Lang) -> String {
    match (ticked, lang) {
        (0, _) => group.to_owned(),
        (1, Lang::Es) => format!("{group} (1 marcada)"),
        (n, Lang::Es) => format!("{group} ({n} marcadas)"),
        (n, Lang::En) => format!("{group} ({n} ticked)"),
    }
}

/// The name of an event in `lang`.
fn event_name(directory: &Directory, event: &Event, lang: Lang) -> String {
    event.name.resolve(lang.tag(), directory.fallback_language()).to_owned()
}

/// True when the event has not ended before `today` (an event without dates is not listed).
fn is_upcoming(event: &Event, today: IsoDate) -> bool {
    event.end.or(event.start).is_some_and(|last| last >= today)
}

/// Focus that follows an "add" button the visitor pressed to the link replacing it: set the
/// flag when adding, give the link the node ref. Without it, focus is lost with the button.
fn focus_follows_to_link() -> (RwSignal<bool>, NodeRef<leptos::html::A>) {
    let just_added = RwSignal::new(false);
    let link = NodeRef::<leptos::html::A>::new();
    Effect::new(move |_| {
        if just_added.get() {
            if let Some(link) = link.get() {
                crate::adapters::page::focus(&link);
            }
        }
    });
    (just_added, link)
}

/// What the matches and a fair's preparation say before the visitor has said who they are.
fn no_company_prompt(lang: ReadSignal<Lang>) -> AnyView {
    view! {
        <div class="match-prompt">
            <p>{move || texts(lang.get()).no_company}</p>
            <p>
                <a class="button" href="#/my-company">{move || texts(lang.get()).say_who}</a>
            </p>
        </div>
    }
    .into_any()
}

crate::split_point! {
    chunk = cluster, preload = preload_matches;
    /// One of the matchmaking views, from their chunk. One split point for all of them: each
    /// costs the landing module a stub and a future of its own.
    pub fn matches_view(catalog: Arc<Catalog>, page: Page) -> Deferred {
        Box::new(move || match page {
            Page::Matches => view! { <MatchesPage catalog=catalog /> }.into_any(),
            Page::Pairs => view! { <PairsPage catalog=catalog /> }.into_any(),
            Page::PrepareFair(event) => view! { <PrepareFairPage catalog=catalog event=event /> }.into_any(),
            _ => view! { <MyCompanyPage catalog=catalog /> }.into_any(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_in_words() {
        assert_eq!(n_matches(1, Lang::Es), "1 coincidencia");
        assert_eq!(n_matches(3, Lang::En), "3 matches");
        assert_eq!(group_summary("Metal", 0, Lang::Es), "Metal");
        assert_eq!(group_summary("Metal", 2, Lang::Es), "Metal (2 marcadas)");
        assert_eq!(group_summary("Metal", 1, Lang::En), "Metal (1 ticked)");
    }
}
