use super::layout::{tables, template_tables, Table, Value};
use super::*;
use std::io::Read;
use vitrina_core::load_directory;

fn directory(json: &str) -> Directory {
    let loaded = load_directory(json.as_bytes()).expect("the test directory loads");
    assert_eq!(loaded.problems, [], "the test directory is clean");
    loaded.directory
}

const SMALL: &str = r#"{ "format": 1, "cluster": { "name": "C", "languages": ["es", "en"] },
  "capabilities": [
    { "id": "stamping", "label": { "es": "Estampado", "en": "Stamping" } },
    { "id": "mig-mag", "label": "Soldadura MIG/MAG" },
    { "id": "paint-a", "label": { "es": "Pintura", "en": "Painting" } },
    { "id": "paint-b", "label": { "es": "PINTURA", "en": "Paint" } } ],
  "certifications": [ { "id": "iatf-16949", "label": "IATF 16949" } ],
  "members": [
    { "id": "uno", "name": "=HYPERLINK(\"http://x\")", "kind": "tier1",
      "capabilities": ["stamping", "mig-mag"], "needs": ["paint-a"],
      "certifications": [ { "id": "iatf-16949", "valid_until": "2027-03-31", "body": "TÜV" } ],
      "pitch": "Una sola", "description": { "es": "Línea uno\n\nLínea dos", "en": "Line one" },
      "customers": ["Nissan", "GM"], "employees": 1509, "investment_musd": 15.5, "founded": 1998,
      "languages": ["es", "en"], "location": { "city": "Saltillo", "state": "Coahuila", "country": "MX" },
      "website": "https://uno.example", "verified_on": "2026-01-15",
      "contacts": [ { "id": "ana", "name": "Ana", "role": { "es": "Ventas", "en": "Sales" },
                      "email": "ana@uno.example", "phone": "+52 844 123 4567", "whatsapp": "+528441234567" } ] },
    { "id": "dos", "name": "Dos", "pitch": { "es": "Hola", "en": "Hello" } } ] }"#;

fn column<'a>(table: &'a Table, header: &str) -> Vec<&'a Value> {
    let index = table.headers.iter().position(|h| h == header).unwrap_or_else(|| panic!("no column {header}"));
    table.rows.iter().map(|row| &row[index]).collect()
}

fn text(value: &str) -> Value {
    Value::Text(value.into())
}

#[test]
fn members_sheet_holds_one_row_per_member_with_typed_values() {
    let d = directory(SMALL);
    let [members, contacts, certifications] = tables(&d, Lang::Es);
    assert_eq!(members.name, "Socios");
    assert_eq!(members.rows.len(), 2);
    assert!(members.rows.iter().all(|row| row.len() == members.headers.len()));
    assert_eq!(members.headers.len(), members.widths.len());
    assert_eq!(column(&members, "Id"), [&text("uno"), &text("dos")]);
    assert_eq!(column(&members, "Nivel"), [&text("Tier 1"), &Value::Empty]);
    assert_eq!(column(&members, "Empleados"), [&Value::Number(1509.0), &Value::Empty]);
    assert_eq!(column(&members, "Inversión planeada (MDD)")[0], &Value::Number(15.5));
    assert_eq!(column(&members, "Año de fundación")[0], &Value::Number(1998.0));
    assert_eq!(column(&members, "País")[0], &text("MX"));
    assert_eq!(column(&members, "Clientes")[0], &text("Nissan; GM"));
    assert_eq!(column(&members, "Idiomas")[0], &text("es; en"));
    assert_eq!(
        column(&members, "Verificado")[0],
        &Value::Date(vitrina_core::valid::IsoDate::parse("2026-01-15").unwrap())
    );
    assert_eq!(column(&members, "Certificaciones")[0], &text("IATF 16949"));
    assert_eq!(contacts.rows.len(), 1);
    assert_eq!(column(&contacts, "Id"), [&text("uno")]);
    assert_eq!(column(&contacts, "Puesto_en"), [&text("Sales")]);
    assert_eq!(column(&contacts, "WhatsApp"), [&text("+528441234567")]);
    assert_eq!(certifications.rows.len(), 1);
    assert_eq!(
        column(&certifications, "Vigencia")[0],
        &Value::Date(vitrina_core::valid::IsoDate::parse("2027-03-31").unwrap())
    );
    assert_eq!(column(&certifications, "Organismo certificador")[0], &text("TÜV"));
}

#[test]
fn vocabulary_is_written_by_label_unless_the_label_would_not_come_back() {
    let d = directory(SMALL);
    let [members, ..] = tables(&d, Lang::Es);
    // "Soldadura MIG/MAG" would split on "/"; "Pintura" and "PINTURA" fold alike: both by id.
    assert_eq!(column(&members, "Procesos")[0], &text("Estampado; mig-mag"));
    assert_eq!(column(&members, "Necesidades")[0], &text("paint-a"));
    let [members, ..] = tables(&d, Lang::En);
    assert_eq!(column(&members, "Procesos")[0], &text("Stamping; mig-mag"));
    // In English the two paint labels differ, so they are written by label.
    assert_eq!(column(&members, "Necesidades")[0], &text("Painting"));
    assert_eq!(column(&members, "Nivel")[0], &text("Tier 1"));
}

#[test]
fn a_text_for_every_language_gets_its_own_column_only_when_one_exists() {
    let d = directory(SMALL);
    let [members, contacts, certifications] = tables(&d, Lang::Es);
    assert_eq!(column(&members, "Presentación"), [&text("Una sola"), &Value::Empty]);
    assert_eq!(column(&members, "Presentación_es"), [&Value::Empty, &text("Hola")]);
    assert_eq!(column(&members, "Presentación_en"), [&Value::Empty, &text("Hello")]);
    assert_eq!(column(&members, "Descripción_es")[0], &text("Línea uno\n\nLínea dos"));
    assert!(!members.headers.iter().any(|h| h == "Descripción"), "{:?}", members.headers);
    assert!(!contacts.headers.iter().any(|h| h == "Puesto"));
    assert!(certifications.headers.iter().any(|h| h == "Sitio_es"));
}

#[test]
fn csv_is_utf8_with_bom_comma_separated_and_never_a_formula() {
    let d = directory(SMALL);
    let csv = directory_csv(&d);
    assert!(csv.starts_with('\u{FEFF}'));
    let mut lines = csv.trim_start_matches('\u{FEFF}').split("\r\n");
    let header = lines.next().unwrap();
    assert!(header.starts_with("Id,Nombre comercial,Razón social,Nivel,Ciudad,Estado,País,Procesos,"), "{header}");
    let first = lines.next().unwrap();
    assert!(
        first.starts_with("uno,\"'=HYPERLINK(\"\"http://x\"\")\",,Tier 1,Saltillo,Coahuila,MX,\"Estampado; mig-mag\","),
        "{first}"
    );
    assert!(first.contains(",1509,15.5,1998,"), "{first}");
    assert!(first.contains(",2026-01-15"), "{first}");
    // The description's blank line stays inside one quoted field.
    assert!(first.contains("\"Línea uno"), "{first}");
    let files = directory_csv_files(&d, Lang::Es);
    let names: Vec<&str> = files.iter().map(|file| file.name.as_str()).collect();
    assert_eq!(names, ["socios.csv", "contactos.csv", "certificaciones.csv"]);
    assert_eq!(files[0].text, csv);
    assert!(files[1].text.contains(",'+52 844 123 4567,'+528441234567,"), "{}", files[1].text);
    assert!(
        files[2].text.contains("uno,\"'=HYPERLINK(\"\"http://x\"\")\",IATF 16949,2027-03-31,"),
        "{}",
        files[2].text
    );
}

/// The parts of an .xlsx file, by name, as text.
fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("an .xlsx is a zip");
    (0..archive.len())
        .map(|i| {
            let mut part = archive.by_index(i).expect("part");
            let mut text = String::new();
            part.read_to_string(&mut text).expect("xml parts are text");
            (part.name().expect("a part name").to_string(), text)
        })
        .collect()
}

fn part<'a>(parts: &'a [(String, String)], name: &str) -> &'a str {
    parts.iter().find(|(n, _)| n == name).map(|(_, text)| text.as_str()).unwrap_or_else(|| panic!("no part {name}"))
}

#[test]
fn xlsx_has_the_three_sheets_a_bold_frozen_header_and_no_formulas() {
    let d = directory(SMALL);
    let parts = unzip(&directory_xlsx(&d, Lang::Es).expect("writes"));
    let workbook = part(&parts, "xl/workbook.xml");
    for sheet in ["Socios", "Contactos", "Certificaciones"] {
        assert!(workbook.contains(&format!("name=\"{sheet}\"")), "{workbook}");
    }
    let socios = part(&parts, "xl/worksheets/sheet1.xml");
    assert!(socios.contains("<pane ySplit=\"1\" topLeftCell=\"A2\""), "{socios}");
    assert!(!socios.contains("<f>"), "text that looks like a formula is a string: {socios}");
    assert!(socios.contains("<col "), "column widths are set");
    assert!(part(&parts, "xl/styles.xml").contains("<b/>"));
    let strings = part(&parts, "xl/sharedStrings.xml");
    assert!(strings.contains("<t>=HYPERLINK(\"http://x\")</t>"), "{strings}");
    // The certificate's date is a number cell with a date format, not text.
    let certificates = part(&parts, "xl/worksheets/sheet3.xml");
    assert!(certificates.contains("<v>46477</v>"), "2027-03-31 is serial 46477: {certificates}");
    assert!(part(&parts, "xl/styles.xml").contains("formatCode=\"yyyy-mm-dd\""));
}

#[test]
fn template_lists_the_tiers_offers_them_as_a_dropdown_and_the_vocabulary() {
    let d = directory(SMALL);
    let tables = template_tables(Some(&d), Lang::Es);
    let names: Vec<&str> = tables.iter().map(|t| t.name).collect();
    assert_eq!(names, ["Socios", "Contactos", "Certificaciones", "Niveles", "Vocabulario"]);
    assert_eq!(tables[0].rows.len(), 1, "one example row");
    assert_eq!(column(&tables[0], "Procesos"), [&text("Estampado")]);
    let tiers: Vec<&Value> = column(&tables[3], "Nivel");
    assert_eq!(tiers.len(), 6);
    assert_eq!(tiers[0], &text("OEM"));
    assert_eq!(tiers[4], &text("Servicios"));
    assert_eq!(tables[4].rows.len(), 5, "four capabilities and one certification");
    assert!(vitrina_sheets_headers_do_not_make_a_members_sheet(&tables[3]));
    assert!(vitrina_sheets_headers_do_not_make_a_members_sheet(&tables[4]));

    let parts = unzip(&template_xlsx(Some(&d), Lang::En).expect("writes"));
    let socios = part(&parts, "xl/worksheets/sheet1.xml");
    assert!(socios.contains("<dataValidation type=\"list\""), "{socios}");
    assert!(socios.contains("<formula1>Niveles!$A$2:$A$7</formula1>"), "{socios}");
    assert!(part(&parts, "xl/sharedStrings.xml").contains("Services"));
    let without = template_tables(None, Lang::Es);
    assert_eq!(without.len(), 4);
    assert_eq!(column(&without[0], "Procesos"), [&text("Estampado")]);
}

/// The import takes a sheet whose header row has two recognised headers for a members sheet.
fn vitrina_sheets_headers_do_not_make_a_members_sheet(table: &Table) -> bool {
    table.headers.iter().filter(|header| crate::recognise(header).is_some()).count() < 2
}

#[test]
fn a_text_too_long_for_a_cell_is_an_error_naming_the_place() {
    let mut d = directory(SMALL);
    d.members[1].legal_name = Some("x".repeat(MAX_CELL_CHARS + 1));
    let error = directory_xlsx(&d, Lang::En).expect_err("too long");
    assert_eq!(error, ExportError::CellTooLong { sheet: "Socios", row: 3, header: "Razón social".into() });
    assert!(error.message(Lang::Es).contains("fila 3"));
    assert!(error.message(Lang::En).contains("row 3"));
}

#[test]
fn the_sample_directory_exports() {
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/directory.json")).expect("sample");
    let d = load_directory(&bytes).expect("loads").directory;
    let xlsx = directory_xlsx(&d, Lang::Es).expect("writes");
    assert!(xlsx.starts_with(b"PK"));
    let [members, contacts, _] = tables(&d, Lang::Es);
    assert_eq!(members.rows.len(), d.members.len());
    assert_eq!(contacts.rows.len(), d.members.iter().map(|m| m.contacts.len()).sum::<usize>());
}

#[test]
fn every_header_written_is_recognised_as_the_field_it_holds() {
    let d = directory(SMALL);
    for table in template_tables(Some(&d), Lang::Es).iter().take(3).chain(tables(&d, Lang::En).iter()) {
        for header in &table.headers {
            let recognised =
                crate::recognise(header).unwrap_or_else(|| panic!("{}: {header} is not recognised", table.name));
            let stem = header.trim_end_matches("_es").trim_end_matches("_en");
            let expected = crate::Column::ALL
                .into_iter()
                .find(|column| column.canonical_header() == stem)
                .or_else(|| (stem == "Certificación").then_some(crate::Column::Certifications));
            assert_eq!(Some(recognised.column), expected, "{}: {header}", table.name);
            let lang = header.strip_suffix("_es").map(|_| Lang::Es).or(header.strip_suffix("_en").map(|_| Lang::En));
            assert_eq!(recognised.lang, lang, "{header}");
        }
    }
}
