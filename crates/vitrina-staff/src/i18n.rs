//! Every word of the staff page, in Spanish and English. A key takes both texts or does not
//! compile. Messages about the files come from `vitrina-sheets` in both languages and are shown
//! as they come.

use vitrina_core::Lang;

macro_rules! interface_texts {
    ($($(#[doc = $doc:literal])* $key:ident: $es:literal, $en:literal;)*) => {
        /// The staff page's fixed texts in one language.
        pub struct Ui {
            $($(#[doc = $doc])* pub $key: &'static str,)*
        }

        const ES: Ui = Ui { $($key: $es,)* };
        const EN: Ui = Ui { $($key: $en,)* };

        #[cfg(test)]
        fn all_texts(ui: &Ui) -> Vec<&'static str> {
            vec![$(ui.$key,)*]
        }
    };
}

interface_texts! {
    title: "Vitrina — personal del clúster", "Vitrina — cluster staff";
    heading: "Publicar el directorio desde una hoja de cálculo", "Publish the directory from a spreadsheet";
    intro:
        "Suelte o elija la hoja de socios (.xlsx, .ods o .csv). Nada sale de este navegador: la hoja se lee aquí y usted descarga el resultado.",
        "Drop or pick the members spreadsheet (.xlsx, .ods or .csv). Nothing leaves this browser: the sheet is read here and you download the result.";
    language: "Idioma", "Language";
    files_heading: "1. Archivos", "1. Files";
    pick_files: "Elegir archivos (.xlsx, .ods, .csv)", "Pick files (.xlsx, .ods, .csv)";
    drop_here: "…o suéltelos aquí.", "…or drop them here.";
    reading: "Leyendo los archivos…", "Reading the files…";
    read_done: "Archivos leídos.", "Files read.";
    read_timed_out:
        "No se pudo leer el archivo: tardó demasiado y se detuvo. Revise que sea la hoja correcta o divídala en archivos más pequeños.",
        "The file could not be read: it took too long and was stopped. Check that it is the right sheet, or split it into smaller files.";
    read_crashed:
        "No se pudo leer el archivo: el lector se detuvo con un error. Revise que sea una hoja de cálculo válida.",
        "The file could not be read: the reader stopped with an error. Check that it is a valid spreadsheet.";
    read_no_worker:
        "Este navegador no pudo iniciar el lector de hojas de cálculo.",
        "This browser could not start the spreadsheet reader.";
    plan_heading: "2. Cómo se leyó", "2. How it was read";
    sheet: "Hoja", "Sheet";
    members_sheet: "Hoja de socios", "Members sheet";
    rows: "filas", "rows";
    header_row: "Fila de encabezados", "Header row";
    no_header: "Sin fila de encabezados reconocida", "No header row recognised";
    separator: "Separador", "Separator";
    separator_comma: "Coma (,)", "Comma (,)";
    separator_semicolon: "Punto y coma (;)", "Semicolon (;)";
    separator_tab: "Tabulador", "Tab";
    samples: "Ejemplos", "Examples";
    not_used: "No se usa (a propósito)", "Not used (on purpose)";
    unassigned: "(sin asignar)", "(not assigned)";
    matrix_column: "Columna de la matriz de capacidades", "Capability matrix column";
    capability: "capacidad", "capability";
    certification: "certificación", "certification";
    undecided: "(sin decidir: se deja fuera y se lista)", "(undecided: left out and listed)";
    recognised: "reconocida", "recognised";
    by_hand: "asignada a mano", "assigned by hand";
    unknown: "desconocida", "unknown";
    mapping_save: "Guardar la asignación (archivo)", "Save the mapping (file)";
    mapping_load: "Cargar una asignación", "Load a mapping";
    unmatched_heading: "Nombres que el vocabulario no tiene", "Names the vocabulary does not have";
    unmatched_closest: "Más parecidos", "Closest";
    choice_add: "Agregar como nuevo", "Add as new";
    choice_leave: "Dejar fuera", "Leave out";
    choice_map: "Usar", "Use";
    problems_heading: "3. Problemas", "3. Problems";
    problems_none: "Ningún problema.", "No problems.";
    problems_download: "Descargar problemas (CSV)", "Download problems (CSV)";
    problem_row: "Fila", "Row";
    merge_heading: "4. Unir con el directorio publicado", "4. Merge with the published directory";
    published_loading: "Cargando el directorio publicado…", "Loading the published directory…";
    published_failed: "No se pudo cargar el directorio publicado; se parte de uno vacío.", "The published directory could not be loaded; starting from an empty one.";
    added: "Nuevos", "Added";
    changed: "Con cambios", "Changed";
    missing: "No están en la hoja", "Not in the sheet";
    remove_missing: "Quitar del directorio a los socios que no están en la hoja", "Remove the members that are not in the sheet";
    kept: "se conservan", "kept";
    removed: "se quitarán", "will be removed";
    downloads_heading: "5. Descargar y revisar", "5. Download and check";
    download_json: "Descargar directory.json", "Download directory.json";
    download_xlsx: "Descargar socios (.xlsx)", "Download members (.xlsx)";
    download_csv: "Descargar socios (.csv)", "Download members (.csv)";
    download_template: "Descargar la plantilla (.xlsx)", "Download the template (.xlsx)";
    preview: "Ver como la verán los visitantes", "See it as visitors will";
    preview_blocked: "El navegador no abrió la pestaña; permita ventanas emergentes para esta página.", "The browser did not open the tab; allow pop-ups for this page.";
    no_members: "No hay socios que unir todavía.", "There are no members to merge yet.";
}

/// The staff page's texts in `lang`.
pub fn ui(lang: Lang) -> &'static Ui {
    match lang {
        Lang::Es => &ES,
        Lang::En => &EN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_and_the_languages_differ_where_they_should() {
        let (es, en) = (all_texts(&ES), all_texts(&EN));
        assert!(es.iter().chain(&en).all(|text| !text.trim().is_empty()));
        let same = es.iter().zip(&en).filter(|(es, en)| es == en).count();
        assert_eq!(same, 0, "a text left untranslated");
    }
}
