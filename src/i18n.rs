//! Every word of the interface, in Spanish and English.
//!
//! Texts from the directory file are localized by the file itself (`Text::resolve`);
//! this module only holds the app's own wording, so a missing translation is a
//! compile error rather than a blank on screen.

use vitrina_core::format;
use vitrina_core::Lang;

/// The interface's fixed texts in one language.
pub struct Ui {
    pub skip_to_content: &'static str,
    pub language: &'static str,
    pub loading: &'static str,
    pub members_heading: &'static str,
    pub show_more: &'static str,
    pub back_to_directory: &'static str,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub member_not_found: &'static str,
    pub data_problems: &'static str,
    pub problems_intro: &'static str,
    pub problems_none: &'static str,
    pub problem_member: &'static str,
    pub problem_field: &'static str,
    pub problem_what: &'static str,
    pub problem_action: &'static str,
    pub problem_whole_file: &'static str,
    pub problems_cli_hint: &'static str,
    pub error_title: &'static str,
    pub error_fetched: &'static str,
    pub error_what: &'static str,
    pub error_todo: &'static str,
    pub retry: &'static str,
    pub error_network_todo: &'static str,
    pub error_status_todo: &'static str,
    pub error_invalid_todo: &'static str,
    pub error_follow_up_kept: &'static str,
    pub updated_on: &'static str,
    pub made_with: &'static str,
    pub legal_name: &'static str,
    pub kind: &'static str,
    pub location: &'static str,
    pub founded: &'static str,
    pub employees: &'static str,
    pub investment: &'static str,
    pub capabilities: &'static str,
    pub needs: &'static str,
    pub certifications: &'static str,
    pub expired: &'static str,
    pub valid_until: &'static str,
    pub customers: &'static str,
    pub success_cases: &'static str,
    pub languages: &'static str,
    pub events: &'static str,
    pub stand: &'static str,
    pub contacts: &'static str,
    pub website: &'static str,
    pub linkedin: &'static str,
    pub whatsapp: &'static str,
    pub call: &'static str,
    pub email: &'static str,
    pub data_checked_on: &'static str,
    pub other_capabilities: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub filters: &'static str,
    pub close_filters: &'static str,
    pub clear_all: &'static str,
    pub remove_filter: &'static str,
    pub sort_by: &'static str,
    pub sort_relevance: &'static str,
    pub sort_name: &'static str,
    pub sort_employees: &'static str,
    pub sort_founded: &'static str,
    pub facet_capability: &'static str,
    pub facet_kind: &'static str,
    pub facet_certification: &'static str,
    pub facet_place: &'static str,
    pub facet_event: &'static str,
    pub facet_need: &'static str,
    pub filter_capabilities: &'static str,
    pub filter_needs: &'static str,
    pub only_valid_certifications: &'static str,
    pub no_results: &'static str,
    pub no_results_hint: &'static str,
    pub stale_filters: &'static str,
    pub events_heading: &'static str,
    pub upcoming_events: &'static str,
    pub past_events: &'static str,
    pub no_events: &'static str,
    pub event_not_found: &'static str,
    pub attendees: &'static str,
    pub venue: &'static str,
    pub event_website: &'static str,
    pub all_events: &'static str,
    pub similar_members: &'static str,
    pub nav_directory: &'static str,
    pub nav_events: &'static str,
    pub main_navigation: &'static str,
    pub ungrouped: &'static str,
    pub stand_label: &'static str,
    pub nav_follow_up: &'static str,
    pub follow_up_heading: &'static str,
    pub follow_up_intro: &'static str,
    pub follow_up_empty: &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    pub overdue_in_nav: &'static str,
    pub note: &'static str,
    pub status: &'static str,
    pub next_date: &'static str,
    pub met_at: &'static str,
    pub met_at_other: &'static str,
    pub met_at_none: &'static str,
    pub remove: &'static str,
    pub removed: &'static str,
    pub undo: &'static str,
    /// Said by screen readers after a save: "Guardado en su seguimiento: Aceros del Norte".
    pub announce_saved: &'static str,
    /// Said by screen readers after "undo" puts an entry back.
    pub announce_restored: &'static str,
    pub filter_status: &'static str,
    pub filter_event: &'static str,
    pub all_statuses: &'static str,
    pub all_events_filter: &'static str,
    pub search_list: &'static str,
    pub no_matching_entries: &'static str,
    pub missing_from_directory: &'static str,
    pub write_email: &'static str,
    pub add_person: &'static str,
    pub person_name: &'static str,
    pub person_company: &'static str,
    pub person_role: &'static str,
    pub person_email: &'static str,
    pub person_phone: &'static str,
    pub add: &'static str,
    pub export_heading: &'static str,
    pub export_scope_all: &'static str,
    pub export_scope_shown: &'static str,
    pub download: &'static str,
    pub share_file: &'static str,
    pub import_backup: &'static str,
    pub share_heading: &'static str,
    pub share_shortlist: &'static str,
    pub share_with_notes: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub handoff_link: &'static str,
    pub download_damaged: &'static str,
    pub dismiss: &'static str,
    pub backup_now: &'static str,
    pub shared_heading: &'static str,
    pub shared_intro: &'static str,
    pub shared_add_all: &'static str,
    pub shared_added: &'static str,
    pub shared_invalid: &'static str,
    pub handoff_heading: &'static str,
    pub handoff_intro: &'static str,
    pub handoff_import: &'static str,
    pub handoff_done: &'static str,
    pub directory_unavailable_list: &'static str,
    pub go_to_follow_up: &'static str,
}

const ES: Ui = Ui {
    skip_to_content: "Saltar al contenido",
    language: "Idioma",
    loading: "Cargando el directorio…",
    members_heading: "Miembros",
    show_more: "Mostrar más",
    back_to_directory: "Volver al directorio",
    not_found_title: "Página no encontrada",
    not_found_body: "Esta dirección no corresponde a ninguna página de Vitrina.",
    member_not_found: "Este miembro no está en el directorio actual. Quizá cambió de identificador o ya no forma parte del clúster.",
    data_problems: "Problemas en los datos",
    problems_intro: "Lo que Vitrina encontró mal en el archivo del directorio y lo que hizo con ello. Los visitantes ven el directorio sin estas entradas; corríjalas en el archivo.",
    problems_none: "El archivo no tiene problemas.",
    problem_member: "Miembro",
    problem_field: "Campo",
    problem_what: "Qué está mal",
    problem_action: "Qué se hizo",
    problem_whole_file: "(archivo)",
    problems_cli_hint: "La misma lista se obtiene en la línea de comandos con «cargo xtask check-directory».",
    error_title: "No se pudo cargar el directorio",
    error_fetched: "Archivo solicitado",
    error_what: "Qué pasó",
    error_todo: "Qué hacer",
    retry: "Reintentar",
    error_network_todo: "Revise su conexión a internet y vuelva a intentar. Si el problema sigue, avise al equipo del clúster.",
    error_status_todo: "El archivo no está en esa dirección. Avise al equipo del clúster: debe publicarlo ahí o corregir la dirección en index.html (meta «vitrina-directory»).",
    error_invalid_todo: "El archivo publicado no es un directorio válido. Avise al equipo del clúster; con «cargo xtask check-directory» pueden ver el detalle.",
    error_follow_up_kept: "Su lista de seguimiento no se pierde: sigue guardada en este dispositivo.",
    updated_on: "Datos actualizados el",
    made_with: "Directorio hecho con Vitrina",
    legal_name: "Razón social",
    kind: "Tipo",
    location: "Ubicación",
    founded: "Fundada en",
    employees: "Empleados",
    investment: "Inversión planeada",
    capabilities: "Capacidades",
    needs: "Busca proveedores de",
    certifications: "Certificaciones",
    expired: "vencida",
    valid_until: "vigente hasta el",
    customers: "Clientes",
    success_cases: "Casos de éxito",
    languages: "Idiomas de trabajo",
    events: "Eventos",
    stand: "stand",
    contacts: "Contactos",
    website: "Sitio web",
    linkedin: "LinkedIn",
    whatsapp: "WhatsApp",
    call: "Llamar",
    email: "Correo",
    data_checked_on: "Datos verificados el",
    other_capabilities: "más",
    search_label: "Buscar en el directorio",
    search_placeholder: "Empresa, capacidad, certificación, ciudad…",
    filters: "Filtros",
    close_filters: "Cerrar filtros",
    clear_all: "Quitar todos los filtros",
    remove_filter: "Quitar filtro",
    sort_by: "Ordenar por",
    sort_relevance: "Relevancia",
    sort_name: "Nombre",
    sort_employees: "Tamaño (empleados)",
    sort_founded: "Antigüedad (fundación)",
    facet_capability: "Capacidades",
    facet_kind: "Tipo de empresa",
    facet_certification: "Certificaciones",
    facet_place: "Estado y ciudad",
    facet_event: "Asiste al evento",
    facet_need: "Busca proveedores de",
    filter_capabilities: "Filtrar capacidades",
    filter_needs: "Filtrar lo que buscan",
    only_valid_certifications: "Solo certificados vigentes",
    no_results: "Ningún miembro coincide con la búsqueda y los filtros.",
    no_results_hint: "Pruebe con menos palabras o quite algún filtro.",
    stale_filters: "Algunos filtros del enlace ya no existen en este directorio y se omitieron:",
    events_heading: "Eventos",
    upcoming_events: "Próximos",
    past_events: "Pasados",
    no_events: "Este directorio no tiene eventos.",
    event_not_found: "Este evento no está en el directorio actual.",
    attendees: "Miembros que asisten",
    venue: "Sede",
    event_website: "Sitio del evento",
    all_events: "Todos los eventos",
    similar_members: "Miembros con capacidades similares",
    nav_directory: "Directorio",
    nav_events: "Eventos",
    main_navigation: "Navegación principal",
    ungrouped: "Otras",
    stand_label: "Stand",
    nav_follow_up: "Seguimiento",
    follow_up_heading: "Mi seguimiento",
    follow_up_intro: "Empresas y personas a las que va a dar seguimiento. Se guardan solo en este dispositivo.",
    follow_up_empty: "Su lista está vacía. Use «Guardar» en un miembro o en uno de sus contactos, o agregue a una persona que conoció.",
    save: "Guardar",
    saved: "En seguimiento",
    overdue_in_nav: "pendientes",
    note: "Nota",
    status: "Estado",
    next_date: "Próximo seguimiento",
    met_at: "Dónde nos conocimos",
    met_at_other: "Otro lugar",
    met_at_none: "Sin indicar",
    remove: "Quitar de la lista",
    removed: "Se quitó de su lista:",
    undo: "Deshacer",
    announce_saved: "Guardado en su seguimiento:",
    announce_restored: "De nuevo en su lista:",
    filter_status: "Estado",
    filter_event: "Evento",
    all_statuses: "Todos los estados",
    all_events_filter: "Todos los eventos",
    search_list: "Buscar en mi lista",
    no_matching_entries: "Ninguna entrada coincide con el filtro.",
    missing_from_directory: "Ya no está en el directorio actual; se conservan los datos guardados.",
    write_email: "Correo",
    add_person: "Agregar a una persona que conocí",
    person_name: "Nombre",
    person_company: "Empresa",
    person_role: "Puesto",
    person_email: "Correo",
    person_phone: "Teléfono",
    add: "Agregar",
    export_heading: "Exportar y respaldar",
    export_scope_all: "Toda la lista",
    export_scope_shown: "Solo lo que muestra el filtro",
    download: "Descargar",
    share_file: "Compartir",
    import_backup: "Importar un respaldo",
    share_heading: "Compartir y pasar a otro dispositivo",
    share_shortlist: "Copiar enlace de la lista corta",
    share_with_notes: "Incluir mis notas",
    copied: "Enlace copiado.",
    copy_failed: "No se pudo copiar; copie el enlace a mano:",
    handoff_link: "Pasar toda la lista (notas, estados y fechas) a otro dispositivo: abra estos enlaces allá",
    download_damaged: "Descargar la copia dañada",
    dismiss: "Entendido",
    backup_now: "Descargar respaldo",
    shared_heading: "Lista compartida",
    shared_intro: "Alguien compartió con usted estos miembros del directorio.",
    shared_add_all: "Agregar todos a mi seguimiento",
    shared_added: "Agregados a su seguimiento.",
    shared_invalid: "El enlace compartido no es válido o está incompleto.",
    handoff_heading: "Recibir una lista",
    handoff_intro: "Está recibiendo una lista de seguimiento de otro dispositivo. Abra en este navegador cada enlace de la lista.",
    handoff_import: "Agregar a mi seguimiento",
    handoff_done: "Lista recibida y combinada con la suya.",
    directory_unavailable_list: "El directorio no está disponible ahora; su lista de seguimiento sigue aquí.",
    go_to_follow_up: "Ver mi seguimiento",
};

const EN: Ui = Ui {
    skip_to_content: "Skip to content",
    language: "Language",
    loading: "Loading the directory…",
    members_heading: "Members",
    show_more: "Show more",
    back_to_directory: "Back to the directory",
    not_found_title: "Page not found",
    not_found_body: "This address does not match any page of Vitrina.",
    member_not_found: "This member is not in the current directory. Its id may have changed, or it may no longer belong to the cluster.",
    data_problems: "Data problems",
    problems_intro: "What Vitrina found wrong in the directory file and what it did about it. Visitors see the directory without these entries; fix them in the file.",
    problems_none: "The file has no problems.",
    problem_member: "Member",
    problem_field: "Field",
    problem_what: "What is wrong",
    problem_action: "What was done",
    problem_whole_file: "(file)",
    problems_cli_hint: "The same list is printed on the command line by “cargo xtask check-directory”.",
    error_title: "The directory could not be loaded",
    error_fetched: "File requested",
    error_what: "What happened",
    error_todo: "What to do",
    retry: "Try again",
    error_network_todo: "Check your internet connection and try again. If it keeps failing, tell the cluster's staff.",
    error_status_todo: "The file is not at that address. Tell the cluster's staff: they need to publish it there or fix the address in index.html (the “vitrina-directory” meta tag).",
    error_invalid_todo: "The published file is not a valid directory. Tell the cluster's staff; “cargo xtask check-directory” shows them the details.",
    error_follow_up_kept: "Your follow-up list is not lost: it stays saved on this device.",
    updated_on: "Data updated on",
    made_with: "Directory made with Vitrina",
    legal_name: "Legal name",
    kind: "Kind",
    location: "Location",
    founded: "Founded",
    employees: "Employees",
    investment: "Planned investment",
    capabilities: "Capabilities",
    needs: "Looking for suppliers of",
    certifications: "Certifications",
    expired: "expired",
    valid_until: "valid until",
    customers: "Customers",
    success_cases: "Success cases",
    languages: "Business languages",
    events: "Events",
    stand: "stand",
    contacts: "Contacts",
    website: "Website",
    linkedin: "LinkedIn",
    whatsapp: "WhatsApp",
    call: "Call",
    email: "Email",
    data_checked_on: "Data checked on",
    other_capabilities: "more",
    search_label: "Search the directory",
    search_placeholder: "Company, capability, certification, city…",
    filters: "Filters",
    close_filters: "Close filters",
    clear_all: "Clear all filters",
    remove_filter: "Remove filter",
    sort_by: "Sort by",
    sort_relevance: "Relevance",
    sort_name: "Name",
    sort_employees: "Size (employees)",
    sort_founded: "Founding year",
    facet_capability: "Capabilities",
    facet_kind: "Kind of company",
    facet_certification: "Certifications",
    facet_place: "State and city",
    facet_event: "Attends the event",
    facet_need: "Looking for suppliers of",
    filter_capabilities: "Filter capabilities",
    filter_needs: "Filter what they look for",
    only_valid_certifications: "Only valid certificates",
    no_results: "No member matches the search and filters.",
    no_results_hint: "Try fewer words or remove a filter.",
    stale_filters: "Some filters in the link no longer exist in this directory and were left out:",
    events_heading: "Events",
    upcoming_events: "Upcoming",
    past_events: "Past",
    no_events: "This directory has no events.",
    event_not_found: "This event is not in the current directory.",
    attendees: "Attending members",
    venue: "Venue",
    event_website: "Event website",
    all_events: "All events",
    similar_members: "Members with similar capabilities",
    nav_directory: "Directory",
    nav_events: "Events",
    main_navigation: "Main navigation",
    ungrouped: "Other",
    stand_label: "Stand",
    nav_follow_up: "Follow-up",
    follow_up_heading: "My follow-up",
    follow_up_intro: "Companies and people to follow up with. They are kept only on this device.",
    follow_up_empty: "Your list is empty. Use “Save” on a member or one of its contacts, or add a person you met.",
    save: "Save",
    saved: "Following up",
    overdue_in_nav: "overdue",
    note: "Note",
    status: "Status",
    next_date: "Next follow-up",
    met_at: "Where we met",
    met_at_other: "Somewhere else",
    met_at_none: "Not set",
    remove: "Remove from the list",
    removed: "Removed from your list:",
    undo: "Undo",
    announce_saved: "Saved to your follow-up:",
    announce_restored: "Back on your list:",
    filter_status: "Status",
    filter_event: "Event",
    all_statuses: "All statuses",
    all_events_filter: "All events",
    search_list: "Search my list",
    no_matching_entries: "No entry matches the filter.",
    missing_from_directory: "No longer in the current directory; the saved details are kept.",
    write_email: "Email",
    add_person: "Add a person I met",
    person_name: "Name",
    person_company: "Company",
    person_role: "Role",
    person_email: "Email",
    person_phone: "Phone",
    add: "Add",
    export_heading: "Export and back up",
    export_scope_all: "The whole list",
    export_scope_shown: "Only what the filter shows",
    download: "Download",
    share_file: "Share",
    import_backup: "Import a backup",
    share_heading: "Share and hand over",
    share_shortlist: "Copy shortlist link",
    share_with_notes: "Include my notes",
    copied: "Link copied.",
    copy_failed: "Could not copy; copy the link by hand:",
    handoff_link: "Hand the whole list (notes, statuses and dates) to another device: open these links there",
    download_damaged: "Download the damaged copy",
    dismiss: "Got it",
    backup_now: "Download a backup",
    shared_heading: "Shared list",
    shared_intro: "Someone shared these directory members with you.",
    shared_add_all: "Add them all to my follow-up",
    shared_added: "Added to your follow-up.",
    shared_invalid: "The shared link is not valid or is incomplete.",
    handoff_heading: "Receive a list",
    handoff_intro: "You are receiving a follow-up list from another device. Open each of its links in this browser.",
    handoff_import: "Add to my follow-up",
    handoff_done: "List received and merged with yours.",
    directory_unavailable_list: "The directory is not available right now; your follow-up list is still here.",
    go_to_follow_up: "See my follow-up",
};

/// The interface texts for a language.
pub fn ui(lang: Lang) -> &'static Ui {
    match lang {
        Lang::Es => &ES,
        Lang::En => &EN,
    }
}

/// "120 miembros" / "120 members", with the right plural.
pub fn n_members(n: usize, lang: Lang) -> String {
    let number = format::count(n as u64, lang);
    match (lang, n) {
        (Lang::Es, 1) => "1 miembro".to_owned(),
        (Lang::Es, _) => format!("{number} miembros"),
        (Lang::En, 1) => "1 member".to_owned(),
        (Lang::En, _) => format!("{number} members"),
    }
}

/// "Mostrando 50 de 120" / "Showing 50 of 120".
pub fn showing_n_of(shown: usize, total: usize, lang: Lang) -> String {
    let (shown, total) = (format::count(shown as u64, lang), format::count(total as u64, lang));
    match lang {
        Lang::Es => format!("Mostrando {shown} de {total}"),
        Lang::En => format!("Showing {shown} of {total}"),
    }
}

/// "Mostrar 12 resultados" / "Show 12 results", on the phone's filter sheet.
pub fn show_n_results(n: usize, lang: Lang) -> String {
    let number = format::count(n as u64, lang);
    match (lang, n) {
        (Lang::Es, 1) => "Mostrar 1 resultado".to_owned(),
        (Lang::Es, _) => format!("Mostrar {number} resultados"),
        (Lang::En, 1) => "Show 1 result".to_owned(),
        (Lang::En, _) => format!("Show {number} results"),
    }
}

/// "12 de 114 miembros" / "12 of 114 members", the live result count.
pub fn n_results_of(n: usize, total: usize, lang: Lang) -> String {
    if n == total {
        return n_members(total, lang);
    }
    let (number, total_text) = (format::count(n as u64, lang), format::count(total as u64, lang));
    match lang {
        Lang::Es => format!("{number} de {total_text} miembros"),
        Lang::En => format!("{number} of {total_text} members"),
    }
}

/// The label of the filter button, with how many filters are active.
pub fn filters_button(active: usize, lang: Lang) -> String {
    let label = ui(lang).filters;
    if active == 0 {
        label.to_owned()
    } else {
        format!("{label} ({active})")
    }
}

/// The footer link to the problems view, with the count when there are any.
pub fn n_problems(n: usize, lang: Lang) -> String {
    let label = ui(lang).data_problems;
    if n == 0 {
        label.to_owned()
    } else {
        format!("{label} ({})", format::count(n as u64, lang))
    }
}

/// "Se encontraron 12 problemas" / "12 problems found".
pub fn problems_found(n: usize, lang: Lang) -> String {
    let number = format::count(n as u64, lang);
    match (lang, n) {
        (Lang::Es, 1) => "Se encontró 1 problema.".to_owned(),
        (Lang::Es, _) => format!("Se encontraron {number} problemas."),
        (Lang::En, 1) => "1 problem found.".to_owned(),
        (Lang::En, _) => format!("{number} problems found."),
    }
}

/// "Empleados: 120" style value for employees.
pub fn employees(n: u64, lang: Lang) -> String {
    format::count(n, lang)
}

/// Millions of US dollars as each audience writes it: "12.5 MDD" / "USD 12.5 M".
pub fn investment_musd(amount: f64, lang: Lang) -> String {
    let amount = if amount.fract() == 0.0 { format!("{amount:.0}") } else { format!("{amount:.1}") };
    match lang {
        Lang::Es => format!("{amount} MDD"),
        Lang::En => format!("USD {amount} M"),
    }
}

/// The label on a language button, in its own language so anyone can find theirs.
pub fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Es => "Español",
        Lang::En => "English",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_and_numbers() {
        assert_eq!(n_members(1, Lang::Es), "1 miembro");
        assert_eq!(n_members(12000, Lang::Es), "12\u{202F}000 miembros");
        assert_eq!(n_members(2, Lang::En), "2 members");
        assert_eq!(showing_n_of(50, 1200, Lang::En), "Showing 50 of 1,200");
        assert_eq!(n_problems(0, Lang::Es), "Problemas en los datos");
        assert_eq!(n_problems(3, Lang::En), "Data problems (3)");
        assert_eq!(problems_found(1, Lang::Es), "Se encontró 1 problema.");
        assert_eq!(investment_musd(12.0, Lang::Es), "12 MDD");
        assert_eq!(investment_musd(2.5, Lang::En), "USD 2.5 M");
    }
}
