//! Every word of the interface, in Spanish and English.
//!
//! Where a visitor's text lives, by who needs it:
//! - **The interface's own words** (labels, headings, notices, counts, the adapters' errors)
//!   live here: a key of `Ui`, Spanish and English side by side, or a function below when
//!   the text takes values. Components and adapters never write a text or match on `Lang`.
//! - **What the core decides** (`Problem`, `LoadError`, `LoadOutcome::message`, the
//!   follow-up list's errors, statuses and summaries, `format`'s dates and counts) is
//!   rendered by `vitrina-core` in both languages, next to the type it describes, because
//!   native tools (`vitrina check`) and the exports print it without the app.
//!   The app shows those messages as they come; it does not reword them here.
//! - **The directory's own texts** are localized by the file (`Text::resolve`).
//!
//! A key takes both of its texts or does not compile, so a missing translation is a
//! compile error rather than a blank on screen.

use vitrina_core::follow_up::share::HandoffProgress;
use vitrina_core::format;
use vitrina_core::Lang;

/// Writes a table of fixed texts: a struct with one field per key, its two values, and the
/// function that picks one by language, from one list where each key comes once: its doc
/// comment, then its Spanish text, then its English one. A key with only one text does not
/// match the pattern, so it does not compile.
///
/// `Ui` below is the app's table. A page in a chunk (`crate::split`) writes its own table
/// beside it with this macro: the splitter moves data only code of that chunk reads into the
/// chunk, while every text of `Ui` is in the landing module.
macro_rules! texts_table {
    (
        $(#[doc = $struct_doc:literal])*
        $vis:vis struct $name:ident, fn $pick:ident;
        $($(#[doc = $doc:literal])* $key:ident: $es:literal, $en:literal;)*
    ) => {
        $(#[doc = $struct_doc])*
        $vis struct $name {
            $($(#[doc = $doc])* pub $key: &'static str,)*
        }

        impl $name {
            const ES: $name = $name { $($key: $es,)* };
            const EN: $name = $name { $($key: $en,)* };

            /// Every key with its text in one language, for the tests that check them all.
            #[cfg(test)]
            #[allow(dead_code)]
            fn all_texts(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($key), self.$key),)*]
            }
        }

        /// Every table checks itself: no key is blank in either language.
        #[cfg(test)]
        #[test]
        fn every_key_has_a_text_in_both_languages() {
            let (es, en) = ($pick(::vitrina_core::Lang::Es).all_texts(), $pick(::vitrina_core::Lang::En).all_texts());
            assert_eq!(es.len(), en.len());
            for ((key, spanish), (_, english)) in es.into_iter().zip(en) {
                assert!(!spanish.trim().is_empty(), "{key} is empty in Spanish");
                assert!(!english.trim().is_empty(), "{key} is empty in English");
            }
        }

        /// The table's texts in a language.
        $vis fn $pick(lang: ::vitrina_core::Lang) -> &'static $name {
            match lang {
                ::vitrina_core::Lang::Es => &$name::ES,
                ::vitrina_core::Lang::En => &$name::EN,
            }
        }
    };
}
pub(crate) use texts_table;

texts_table! {
    /// The interface's fixed texts in one language.
    pub struct Ui, fn ui;
    skip_to_content: "Saltar al contenido", "Skip to content";
    language: "Idioma", "Language";
    loading: "Cargando el directorio…", "Loading the directory…";
    members_heading: "Miembros", "Members";
    show_more: "Mostrar más", "Show more";
    back_to_directory: "Volver al directorio", "Back to the directory";
    not_found_title: "Página no encontrada", "Page not found";
    not_found_body:
        "Esta dirección no corresponde a ninguna página de Vitrina.",
        "This address does not match any page of Vitrina.";
    member_not_found:
        "Este miembro no está en el directorio actual. Quizá cambió de identificador o ya no forma parte del clúster.",
        "This member is not in the current directory. Its id may have changed, or it may no longer belong to the cluster.";
    data_problems: "Problemas en los datos", "Data problems";
    problems_intro:
        "Lo que Vitrina encontró mal en el archivo del directorio y lo que hizo con ello. Los visitantes ven el directorio sin estas entradas; corríjalas en el archivo.",
        "What Vitrina found wrong in the directory file and what it did about it. Visitors see the directory without these entries; fix them in the file.";
    problems_none: "El archivo no tiene problemas.", "The file has no problems.";
    problem_member: "Miembro", "Member";
    problem_field: "Campo", "Field";
    problem_what: "Qué está mal", "What is wrong";
    problem_action: "Qué se hizo", "What was done";
    problem_whole_file: "(archivo)", "(file)";
    problems_cli_hint:
        "El equipo del clúster ve la misma lista en su página, staff/, o con la orden «vitrina check».",
        "The cluster's staff see the same list on their page, staff/, or with the command “vitrina check”.";
    error_title: "No se pudo cargar el directorio", "The directory could not be loaded";
    error_fetched: "Archivo solicitado", "File requested";
    error_what: "Qué pasó", "What happened";
    error_todo: "Qué hacer", "What to do";
    retry: "Reintentar", "Try again";
    error_network_todo:
        "Revise su conexión a internet y vuelva a intentar. Si el problema sigue, avise al equipo del clúster.",
        "Check your internet connection and try again. If it keeps failing, tell the cluster's staff.";
    error_status_todo:
        "El archivo no está en esa dirección. Avise al equipo del clúster: debe publicarlo ahí o corregir la dirección en index.html (meta «vitrina-directory»).",
        "The file is not at that address. Tell the cluster's staff: they need to publish it there or fix the address in index.html (the “vitrina-directory” meta tag).";
    error_invalid_todo:
        "El archivo publicado no es un directorio válido. Avise al equipo del clúster: su página, staff/, o la orden «vitrina check» les muestra el detalle.",
        "The published file is not a valid directory. Tell the cluster's staff: their page, staff/, or the command “vitrina check” shows them the details.";
    error_follow_up_kept:
        "Su lista de seguimiento no se pierde: sigue guardada en este dispositivo.",
        "Your follow-up list is not lost: it stays saved on this device.";
    updated_on: "Datos actualizados el", "Data updated on";
    made_with: "Directorio hecho con Vitrina", "Directory made with Vitrina";
    data_downloaded: "Datos descargados", "Data downloaded";
    offline_notice:
        "Sin conexión: la búsqueda, los perfiles y su lista siguen funcionando con los datos guardados.",
        "Offline: search, profiles and your list keep working with the saved data.";
    newer_data: "Hay datos más recientes del directorio.", "Newer directory data is available.";
    use_newer_data: "Usar los datos nuevos", "Use the new data";
    later: "Más tarde", "Later";
    legal_name: "Razón social", "Legal name";
    kind: "Tipo", "Kind";
    location: "Ubicación", "Location";
    founded: "Fundada en", "Founded";
    employees: "Empleados", "Employees";
    investment: "Inversión planeada", "Planned investment";
    capabilities: "Capacidades", "Capabilities";
    needs: "Busca proveedores de", "Looking for suppliers of";
    certifications: "Certificaciones", "Certifications";
    expired: "vencida", "expired";
    valid_until: "vigente hasta el", "valid until";
    customers: "Clientes", "Customers";
    success_cases: "Casos de éxito", "Success cases";
    languages: "Idiomas de trabajo", "Business languages";
    events: "Eventos", "Events";
    stand: "stand", "stand";
    contacts: "Contactos", "Contacts";
    website: "Sitio web", "Website";
    linkedin: "LinkedIn", "LinkedIn";
    whatsapp: "WhatsApp", "WhatsApp";
    call: "Llamar", "Call";
    email: "Correo", "Email";
    data_checked_on: "Datos verificados el", "Data checked on";
    nav_fair: "Feria hoy", "Fair today";
    fair_heading: "Hoy en la feria", "Today at the fair";
    fair_intro:
        "Marque cada stand con un toque y escriba una nota breve; todo se guarda en este dispositivo, también sin conexión.",
        "Mark each stand with one tap and write a short note; everything is kept on this device, offline too.";
    fair_on_list: "En su seguimiento", "On your follow-up";
    fair_others: "Otros expositores", "Other exhibitors";
    fair_all: "Expositores", "Exhibitors";
    fair_sort: "Ordenar", "Sort";
    fair_sort_stand: "Por stand", "By stand";
    fair_sort_name: "Por nombre", "By name";
    fair_no_event_today:
        "Hoy no hay ningún evento del directorio en curso. Elija uno para usar el modo feria:",
        "No directory event is running today. Pick one to use fair mode:";
    fair_pick_event: "Hay varios eventos hoy. Elija uno:", "Several events are running today. Pick one:";
    fair_no_attendees:
        "Este evento aún no tiene expositores en el directorio.",
        "This event has no exhibitors in the directory yet.";
    fair_mode: "Modo feria", "Fair mode";
    fair_note: "Nota rápida", "Quick note";
    fair_no_stand: "Sin stand", "No stand";
    fair_last_time: "La vez anterior", "Last time";
    fair_marks: "Cómo le fue", "How it went";
    qr_heading: "Código QR del perfil", "Profile QR code";
    qr_label: "Código QR del enlace a este perfil", "QR code of the link to this profile";
    qr_hint:
        "Con la cámara del teléfono, este código abre el perfil listo para guardarlo en el seguimiento.",
        "A phone camera opens this profile from the code, ready to save to the follow-up list.";
    stand_card_link: "Imprimir mi tarjeta para el stand", "Print my stand card";
    stand_card_scan: "Escanee para guardarnos en su seguimiento", "Scan to save us to your follow-up";
    print: "Imprimir", "Print";
    back_to_profile: "Volver al perfil", "Back to the profile";
    qr_save_heading: "Guardar en mi seguimiento", "Save to my follow-up";
    qr_met_at: "Conocido en", "Met at";
    qr_save_with_note: "Guardar con nota", "Save with a note";
    qr_done: "Listo", "Done";
    qr_saved: "Guardado en su seguimiento.", "Saved to your follow-up.";
    other_capabilities: "más", "more";
    search_label: "Buscar en el directorio", "Search the directory";
    search_placeholder: "Empresa, capacidad, certificación, ciudad…", "Company, capability, certification, city…";
    filters: "Filtros", "Filters";
    close_filters: "Cerrar filtros", "Close filters";
    clear_all: "Quitar todos los filtros", "Clear all filters";
    remove_filter: "Quitar filtro", "Remove filter";
    sort_by: "Ordenar por", "Sort by";
    sort_relevance: "Relevancia", "Relevance";
    sort_name: "Nombre", "Name";
    sort_employees: "Tamaño (empleados)", "Size (employees)";
    sort_founded: "Antigüedad (fundación)", "Founding year";
    facet_capability: "Capacidades", "Capabilities";
    facet_kind: "Tipo de empresa", "Kind of company";
    facet_certification: "Certificaciones", "Certifications";
    facet_place: "Estado y ciudad", "State and city";
    facet_event: "Asiste al evento", "Attends the event";
    facet_need: "Busca proveedores de", "Looking for suppliers of";
    filter_capabilities: "Filtrar capacidades", "Filter capabilities";
    filter_needs: "Filtrar lo que buscan", "Filter what they look for";
    only_valid_certifications: "Solo certificados vigentes", "Only valid certificates";
    no_results: "Ningún miembro coincide con la búsqueda y los filtros.", "No member matches the search and filters.";
    no_results_hint: "Pruebe con menos palabras o quite algún filtro.", "Try fewer words or remove a filter.";
    stale_filters:
        "Algunos filtros del enlace ya no existen en este directorio y se omitieron:",
        "Some filters in the link no longer exist in this directory and were left out:";
    events_heading: "Eventos", "Events";
    upcoming_events: "Próximos", "Upcoming";
    past_events: "Pasados", "Past";
    no_events: "Este directorio no tiene eventos.", "This directory has no events.";
    event_not_found: "Este evento no está en el directorio actual.", "This event is not in the current directory.";
    attendees: "Miembros que asisten", "Attending members";
    venue: "Sede", "Venue";
    event_website: "Sitio del evento", "Event website";
    all_events: "Todos los eventos", "All events";
    similar_members: "Miembros con capacidades similares", "Members with similar capabilities";
    nav_directory: "Directorio", "Directory";
    nav_events: "Eventos", "Events";
    main_navigation: "Navegación principal", "Main navigation";
    ungrouped: "Otras", "Other";
    stand_label: "Stand", "Stand";
    nav_follow_up: "Seguimiento", "Follow-up";
    follow_up_heading: "Mi seguimiento", "My follow-up";
    follow_up_intro:
        "Empresas y personas a las que va a dar seguimiento. Se guardan solo en este dispositivo.",
        "Companies and people to follow up with. They are kept only on this device.";
    follow_up_empty:
        "Su lista está vacía. Use «Guardar» en un miembro o en uno de sus contactos, o agregue a una persona que conoció.",
        "Your list is empty. Use “Save” on a member or one of its contacts, or add a person you met.";
    save: "Guardar", "Save";
    overdue_in_nav: "pendientes", "overdue";
    note: "Nota", "Note";
    introduction: "Mensaje de presentación", "Introduction message";
    status: "Estado", "Status";
    next_date: "Próximo seguimiento", "Next follow-up";
    met_at: "Dónde nos conocimos", "Where we met";
    met_at_other: "Otro lugar", "Somewhere else";
    met_at_none: "Sin indicar", "Not set";
    remove: "Quitar de la lista", "Remove from the list";
    removed: "Se quitó de su lista:", "Removed from your list:";
    undo: "Deshacer", "Undo";
    /// Said by screen readers after a save: "Guardado en su seguimiento: Aceros del Norte".
    announce_saved: "Guardado en su seguimiento:", "Saved to your follow-up:";
    /// Said by screen readers after "undo" puts an entry back.
    announce_restored: "De nuevo en su lista:", "Back on your list:";
    filter_status: "Estado", "Status";
    filter_event: "Evento", "Event";
    all_statuses: "Todos los estados", "All statuses";
    all_events_filter: "Todos los eventos", "All events";
    search_list: "Buscar en mi lista", "Search my list";
    no_matching_entries: "Ninguna entrada coincide con el filtro.", "No entry matches the filter.";
    missing_from_directory:
        "Ya no está en el directorio actual; se conservan los datos guardados.",
        "No longer in the current directory; the saved details are kept.";
    write_email: "Correo", "Email";
    add_person: "Agregar a una persona que conocí", "Add a person I met";
    person_name: "Nombre", "Name";
    person_company: "Empresa", "Company";
    person_role: "Puesto", "Role";
    person_email: "Correo", "Email";
    person_phone: "Teléfono", "Phone";
    add: "Agregar", "Add";
    export_heading: "Exportar y respaldar", "Export and back up";
    export_scope_all: "Toda la lista", "The whole list";
    export_scope_shown: "Solo lo que muestra el filtro", "Only what the filter shows";
    download: "Descargar", "Download";
    share_file: "Compartir", "Share";
    import_backup: "Importar un respaldo", "Import a backup";
    /// Before the browser's own words when a picked backup file cannot be read at all.
    import_unreadable: "No se pudo leer el archivo:", "The file could not be read:";
    share_heading: "Compartir y pasar a otro dispositivo", "Share and hand over";
    share_shortlist: "Copiar enlace de la lista corta", "Copy shortlist link";
    share_with_notes: "Incluir mis notas", "Include my notes";
    copied: "Enlace copiado.", "Link copied.";
    copy_failed: "No se pudo copiar; copie el enlace a mano:", "Could not copy; copy the link by hand:";
    handoff_show:
        "Pasar la lista a otro dispositivo (enlaces y códigos QR)",
        "Hand the list to another device (links and QR codes)";
    handoff_link:
        "Pasar toda la lista (notas, estados y fechas) a otro dispositivo: abra estos enlaces allá",
        "Hand the whole list (notes, statuses and dates) to another device: open these links there";
    download_damaged: "Descargar la copia dañada", "Download the damaged copy";
    dismiss: "Entendido", "Got it";
    backup_now: "Descargar respaldo", "Download a backup";
    shared_heading: "Lista compartida", "Shared list";
    shared_intro:
        "Alguien compartió con usted estos miembros del directorio.",
        "Someone shared these directory members with you.";
    shared_add_all: "Agregar todos a mi seguimiento", "Add them all to my follow-up";
    shared_added: "Agregados a su seguimiento.", "Added to your follow-up.";
    shared_invalid:
        "El enlace compartido no es válido o está incompleto.",
        "The shared link is not valid or is incomplete.";
    handoff_heading: "Recibir una lista", "Receive a list";
    handoff_intro:
        "Está recibiendo una lista de seguimiento de otro dispositivo. Abra en este navegador cada enlace de la lista.",
        "You are receiving a follow-up list from another device. Open each of its links in this browser.";
    handoff_import: "Agregar a mi seguimiento", "Add to my follow-up";
    handoff_done: "Lista recibida y combinada con la suya.", "List received and merged with yours.";
    directory_unavailable_list:
        "El directorio no está disponible ahora; su lista de seguimiento sigue aquí.",
        "The directory is not available right now; your follow-up list is still here.";
    go_to_follow_up: "Ver mi seguimiento", "See my follow-up";
    // Issue 13, item 1: typing while another tab changes the list.
    keep_my_note: "Conservar mi texto", "Keep my text";
    take_their_note: "Usar el texto de la otra pestaña", "Use the other tab's text";
    take_their_removal: "Quitarla, como en la otra pestaña", "Remove it, as the other tab did";
    list_resorted: "La lista se reordenó con los cambios.", "The list was re-sorted with the changes.";
    // Issue 13, item 4: what a visitor types is checked.
    person_phone_hint:
        "Un número sin + se lee como de México: 614 410 2233 se guarda como +52 614 410 2233.",
        "A number without + is read as Mexican: 614 410 2233 is saved as +52 614 410 2233.";
    unchecked_email:
        "Correo guardado que no es una dirección válida, por eso no hay botón «Correo» ni se exporta:",
        "Saved e-mail that is not a valid address, so there is no “Email” button and it is not exported:";
    unchecked_phone:
        "Teléfono guardado que no es un número válido, por eso no hay botón «Llamar» ni se exporta:",
        "Saved phone that is not a valid number, so there is no “Call” button and it is not exported:";
    // Issue 13, phone navigation bar (reflow part).
    /// The bar's last place on phones: the cluster's name, the language, the views that do not fit.
    nav_more: "Más", "More";
    // Issue 16: the entry to the cluster's views (matches, map, opportunities, investment).
    nav_cluster: "Clúster", "Cluster";
    // Issue 13, item 6 (received lists): an item of a shared list the directory no longer has,
    // and a handed-over list with no entries.
    shared_item_gone: "(ya no está en el directorio)", "(no longer in the directory)";
    handoff_empty:
        "La lista recibida no tiene entradas: no hay nada que agregar.",
        "The list received has no entries: there is nothing to add.";
    // Issue 14: the preview of an unpublished directory, and the way to the staff page.
    preview_banner: "Vista previa — no publicada", "Preview — not published";
    preview_banner_detail:
        "No se guarda en este dispositivo y su lista de seguimiento no cambia.",
        "It is not kept on this device, and your follow-up list does not change.";
    preview_no_opener:
        "La vista previa solo se abre desde la página del personal.",
        "The preview only opens from the staff page.";
    preview_no_answer: "La página del personal no envió el directorio.", "The staff page did not send the directory.";
    preview_todo: "Ábrala de nuevo desde la página del personal.", "Open it again from the staff page.";
    staff_page_link: "Página del personal: importar, revisar y publicar", "Staff page: import, check and publish";
    // Issue 15: parts of the app downloaded when first used (`split`, `OnDemand`).
    part_loading: "Cargando esta parte…", "Loading this part…";
    part_failed: "Esta parte no se pudo cargar.", "This part could not be loaded.";
    part_retry: "Reintentar", "Retry";
}

/// What adding several members to the follow-up list says (issue 16: matches, a fair prepared).
pub fn n_added_to_follow_up(n: usize, lang: Lang) -> String {
    plural(
        n,
        lang,
        ["{n} empresa agregada a su seguimiento.", "{n} empresas agregadas a su seguimiento."],
        ["{n} company added to your follow-up list.", "{n} companies added to your follow-up list."],
    )
}

/// A count said with its noun agreeing: Spanish and English both take the first form for
/// exactly one and the second for any other number, zero included ("0 miembros", "0 members").
/// `{n}` in a form stands for the number, grouped as `format::count` writes it.
fn plural(n: usize, lang: Lang, es: [&str; 2], en: [&str; 2]) -> String {
    let [one, other] = lang.pick(es, en);
    let form = if n == 1 { one } else { other };
    match form.split_once("{n}") {
        Some((before, after)) => format!("{before}{}{after}", format::count(n as u64, lang)),
        None => form.to_owned(),
    }
}

/// A label with how many there are in parentheses, or the label alone when there are none.
fn with_count(label: &str, n: usize, lang: Lang) -> String {
    if n == 0 {
        label.to_owned()
    } else {
        format!("{label} ({})", format::count(n as u64, lang))
    }
}

/// "120 miembros" / "120 members", with the right plural.
pub fn n_members(n: usize, lang: Lang) -> String {
    plural(n, lang, ["{n} miembro", "{n} miembros"], ["{n} member", "{n} members"])
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
    plural(n, lang, ["Mostrar {n} resultado", "Mostrar {n} resultados"], ["Show {n} result", "Show {n} results"])
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
    with_count(ui(lang).filters, active, lang)
}

/// The footer link to the problems view, with the count when there are any.
pub fn n_problems(n: usize, lang: Lang) -> String {
    with_count(ui(lang).data_problems, n, lang)
}

/// "Se encontraron 12 problemas" / "12 problems found".
pub fn problems_found(n: usize, lang: Lang) -> String {
    plural(
        n,
        lang,
        ["Se encontró {n} problema.", "Se encontraron {n} problemas."],
        ["{n} problem found.", "{n} problems found."],
    )
}

/// The directory request got no answer: "No hubo respuesta del servidor (Failed to fetch)."
pub fn error_network(detail: &str, lang: Lang) -> String {
    match lang {
        Lang::Es => format!("No hubo respuesta del servidor ({detail})."),
        Lang::En => format!("The server did not answer ({detail})."),
    }
}

/// The server answered the directory request with an error: "El servidor respondió 404 Not Found: …".
pub fn error_status(status: u16, status_text: &str, lang: Lang) -> String {
    let reason = if status_text.is_empty() { String::new() } else { format!(" {status_text}") };
    match lang {
        Lang::Es => format!("El servidor respondió {status}{reason}: el archivo no se pudo obtener."),
        Lang::En => format!("The server answered {status}{reason}: the file could not be retrieved."),
    }
}

/// How much of a handed-over list has arrived: "Recibidas 1 de 3 partes; faltan: 2, 3.".
pub fn handoff_progress(progress: &HandoffProgress, lang: Lang) -> String {
    let (received, total) = (progress.received.len(), progress.total);
    if progress.missing.is_empty() {
        // A short list travels in one part.
        return plural(
            total,
            lang,
            ["Recibida la única parte.", "Recibidas las {n} partes."],
            ["The only part received.", "All {n} parts received."],
        );
    }
    let missing: Vec<String> = progress.missing.iter().map(usize::to_string).collect();
    let missing = missing.join(", ");
    match lang {
        Lang::Es => format!("Recibidas {received} de {total} partes; faltan: {missing}."),
        Lang::En => format!("Received {received} of {total} parts; missing: {missing}."),
    }
}

/// The accessible name of one handoff part's QR code: "Código QR, parte 1 de 3" (`part` from 1).
pub fn handoff_qr_label(part: usize, total: usize, lang: Lang) -> String {
    match lang {
        Lang::Es => format!("Código QR, parte {part} de {total}"),
        Lang::En => format!("QR code, part {part} of {total}"),
    }
}

/// "Empleados: 120" style value for employees.
pub fn employees(n: u64, lang: Lang) -> String {
    format::count(n, lang)
}

/// Millions of US dollars as each audience writes it: "12.5 MDD" / "USD 12.5 M".
pub fn investment_musd(amount: f64, lang: Lang) -> String {
    // Tenths as an integer: formatting the float itself would add Rust's float-printing
    // code (about 10 KB) to the wasm for this one number. The loader keeps amounts ≥ 0;
    // `as` saturates beyond any real investment.
    let tenths = (amount * 10.0).round() as u64;
    let amount =
        if amount.fract() == 0.0 { format!("{}", tenths / 10) } else { format!("{}.{}", tenths / 10, tenths % 10) };
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
        assert_eq!(investment_musd(0.04, Lang::En), "USD 0.0 M");
        assert_eq!(investment_musd(2.96, Lang::Es), "3.0 MDD");
        assert_eq!(investment_musd(1250.0, Lang::Es), "1250 MDD");
    }

    #[test]
    fn plural_takes_the_singular_for_one_only() {
        let check = |n, lang, expect: &str| {
            assert_eq!(plural(n, lang, ["{n} parte", "{n} partes"], ["{n} part", "{n} parts"]), expect)
        };
        check(0, Lang::Es, "0 partes");
        check(1, Lang::Es, "1 parte");
        check(2, Lang::Es, "2 partes");
        check(12000, Lang::Es, "12\u{202F}000 partes");
        check(0, Lang::En, "0 parts");
        check(1, Lang::En, "1 part");
        check(2, Lang::En, "2 parts");
        check(12000, Lang::En, "12,000 parts");
        // A form without the number is said as written.
        assert_eq!(plural(1, Lang::En, ["una", "{n}"], ["the only one", "all {n}"]), "the only one");
    }

    #[test]
    fn count_helpers_in_both_languages() {
        let check = |helper: fn(usize, Lang) -> String, expect: [[&str; 3]; 2]| {
            for (lang, expect) in [Lang::Es, Lang::En].into_iter().zip(expect) {
                assert_eq!([0, 1, 2].map(|n| helper(n, lang)), expect, "{lang:?}");
            }
        };
        check(n_members, [["0 miembros", "1 miembro", "2 miembros"], ["0 members", "1 member", "2 members"]]);
        check(
            show_n_results,
            [
                ["Mostrar 0 resultados", "Mostrar 1 resultado", "Mostrar 2 resultados"],
                ["Show 0 results", "Show 1 result", "Show 2 results"],
            ],
        );
        check(
            problems_found,
            [
                ["Se encontraron 0 problemas.", "Se encontró 1 problema.", "Se encontraron 2 problemas."],
                ["0 problems found.", "1 problem found.", "2 problems found."],
            ],
        );
        check(filters_button, [["Filtros", "Filtros (1)", "Filtros (2)"], ["Filters", "Filters (1)", "Filters (2)"]]);
        check(
            n_problems,
            [
                ["Problemas en los datos", "Problemas en los datos (1)", "Problemas en los datos (2)"],
                ["Data problems", "Data problems (1)", "Data problems (2)"],
            ],
        );
    }

    #[test]
    fn handoff_texts() {
        let progress = |received: Vec<usize>, missing: Vec<usize>| HandoffProgress {
            total: received.len() + missing.len(),
            received,
            missing,
        };
        let partial = progress(vec![1], vec![2, 3]);
        assert_eq!(handoff_progress(&partial, Lang::Es), "Recibidas 1 de 3 partes; faltan: 2, 3.");
        assert_eq!(handoff_progress(&partial, Lang::En), "Received 1 of 3 parts; missing: 2, 3.");
        let whole = progress(vec![1, 2, 3], vec![]);
        assert_eq!(handoff_progress(&whole, Lang::Es), "Recibidas las 3 partes.");
        assert_eq!(handoff_progress(&whole, Lang::En), "All 3 parts received.");
        let single = progress(vec![1], vec![]);
        assert_eq!(handoff_progress(&single, Lang::Es), "Recibida la única parte.");
        assert_eq!(handoff_progress(&single, Lang::En), "The only part received.");
        assert_eq!(handoff_qr_label(1, 3, Lang::Es), "Código QR, parte 1 de 3");
        assert_eq!(handoff_qr_label(2, 3, Lang::En), "QR code, part 2 of 3");
    }

    #[test]
    fn fetch_error_texts() {
        assert_eq!(error_network("Failed to fetch", Lang::Es), "No hubo respuesta del servidor (Failed to fetch).");
        assert_eq!(
            error_status(404, "Not Found", Lang::En),
            "The server answered 404 Not Found: the file could not be retrieved."
        );
        assert_eq!(error_status(500, "", Lang::Es), "El servidor respondió 500: el archivo no se pudo obtener.");
    }
}
