//! The import's rules, one test each, with Spanish- and English-headed sheets built in memory.

use super::values::*;
use super::*;
use crate::workbook::{DateSystem, FileFormat};
use proptest::prelude::*;
use std::collections::HashSet;
use vitrina_core::model::MemberKind;

/// A base directory with a small vocabulary and one member whose id must survive.
fn base() -> Directory {
    let json = r#"{ "format": 1, "cluster": { "name": "Clúster" },
        "capability_groups": [ { "id": "metal", "label": { "es": "Metal", "en": "Metal" } } ],
        "capabilities": [
          { "id": "stamping", "group": "metal", "label": { "es": "Estampado", "en": "Stamping" }, "aliases": { "es": ["troquelado"] } },
          { "id": "machining", "group": "metal", "label": { "es": "Maquinado", "en": "Machining" }, "aliases": ["CNC"] },
          { "id": "mig-mag", "group": "metal", "label": "Soldadura MIG/MAG" },
          { "id": "painting", "label": { "es": "Pintura", "en": "Painting" } } ],
        "certifications": [ { "id": "iatf-16949", "label": "IATF 16949" }, { "id": "iso-9001", "label": "ISO 9001:2015" },
                            { "id": "iso-ts-16949", "label": "ISO/TS 16949" } ],
        "members": [ { "id": "acenor", "name": "Aceros del Norte" } ] }"#;
    vitrina_core::load_directory(json.as_bytes()).expect("the base directory loads").directory
}

/// A sheet of text cells, rows numbered from 1; an empty string is an empty cell.
fn sheet(name: &str, rows: &[&[&str]]) -> Sheet {
    Sheet {
        name: name.into(),
        rows: rows
            .iter()
            .enumerate()
            .map(|(i, cells)| SheetRow {
                number: i + 1,
                cells: cells
                    .iter()
                    .map(|text| if text.is_empty() { Cell::Empty } else { Cell::Text((*text).into()) })
                    .collect(),
            })
            .collect(),
    }
}

fn workbook(sheets: Vec<Sheet>) -> Workbook {
    Workbook { file_name: "socios.xlsx".into(), format: FileFormat::Xlsx, sheets }
}

fn run(sheets: Vec<Sheet>) -> Import {
    import(&[workbook(sheets)], &base(), &Mapping::default(), &Decisions::default())
}

fn member<'a>(result: &'a Import, id: &str) -> &'a Member {
    result.directory.member(id).unwrap_or_else(|| panic!("no member {id}: {:#?}", result.directory.members))
}

/// The problems as (row, column, kind), for comparing.
fn problems(result: &Import) -> Vec<(usize, Option<&str>, &ImportProblemKind)> {
    result.problems.iter().map(|p| (p.row, p.column.as_deref(), &p.kind)).collect()
}

#[test]
fn a_spanish_sheet_becomes_members() {
    let result = run(vec![sheet(
        "Socios",
        &[
            &["Nombre comercial", "Razón social", "Nivel", "Ciudad", "Estado", "Procesos", "Certificaciones"],
            &[
                "Forja Ñandú",
                "Forja Ñandú, S.A. de C.V.",
                "Tier 2",
                "León",
                "Guanajuato",
                "Estampado, CNC",
                "IATF 16949",
            ],
        ],
    )]);
    assert_eq!(result.problems, []);
    let forja = member(&result, "forja-nandu");
    assert_eq!(forja.name, "Forja Ñandú");
    assert_eq!(forja.legal_name.as_deref(), Some("Forja Ñandú, S.A. de C.V."));
    assert_eq!(forja.kind, Some(MemberKind::Tier2));
    let location = forja.location.as_ref().unwrap();
    assert_eq!((location.city.as_deref(), location.state.as_deref()), (Some("León"), Some("Guanajuato")));
    assert_eq!(forja.capabilities.iter().map(Slug::as_str).collect::<Vec<_>>(), ["stamping", "machining"]);
    assert_eq!(forja.certifications[0].id.as_str(), "iatf-16949");
    assert_eq!(result.member_rows, [RowRef { file: "socios.xlsx".into(), sheet: "Socios".into(), row: 2 }]);
    let fields: Vec<&str> = result.fields_in_sheets.iter().map(String::as_str).collect();
    assert_eq!(
        fields,
        ["capabilities", "certifications", "kind", "legal_name", "location.city", "location.state", "name"]
    );
}

fn text_of(text: &Option<Text>) -> Vec<(String, String)> {
    match text {
        Some(Text::Plain(text)) => vec![(String::new(), text.clone())],
        Some(Text::ByLang(texts)) => texts.clone(),
        None => Vec::new(),
    }
}

#[test]
fn an_english_sheet_below_title_rows_on_the_second_sheet() {
    let instructions = sheet("Instructions", &[&["Fill in one row per member."], &["Thank you!"]]);
    let members = sheet(
        "Members",
        &[
            &["Automotive Cluster — member survey 2026"],
            &[],
            &[
                "Id",
                "Trade name",
                "Legal name",
                "Tier",
                "City",
                "Country",
                "Capabilities",
                "Needs",
                "Employees",
                "Planned investment (MUSD)",
                "Year founded",
                "Website",
                "LinkedIn",
                "Pitch_es",
                "Pitch_en",
                "Customers",
                "Languages",
                "Verified",
            ],
            &[
                "norte-forge",
                "Norte Forge",
                "Norte Forge, S. de R.L. de C.V.",
                "T1",
                "Monterrey",
                "Mexico",
                "Stamping; Machining",
                "Painting",
                "1,509",
                "15.5",
                "1998",
                "norteforge.mx",
                "https://www.linkedin.com/company/norte-forge",
                "Forjamos ejes.",
                "We forge axles.",
                "GM, Ford / Nissan",
                "Spanish, English",
                "2026-03-01",
            ],
        ],
    );
    let result = run(vec![instructions, members]);
    let kinds: Vec<SheetKind> = result.plan.workbooks[0].sheets.iter().map(|sheet| sheet.kind).collect();
    assert_eq!(kinds, [SheetKind::Unknown, SheetKind::Members]);
    assert_eq!(result.plan.workbooks[0].sheets[1].header.map(|header| header.number), Some(3));
    let forge = member(&result, "norte-forge");
    assert_eq!(forge.kind, Some(MemberKind::Tier1));
    assert_eq!(forge.location.as_ref().and_then(|l| l.country.as_ref()).map(|c| c.as_str()), Some("MX"));
    assert_eq!(forge.capabilities.iter().map(Slug::as_str).collect::<Vec<_>>(), ["stamping", "machining"]);
    assert_eq!(forge.needs.iter().map(Slug::as_str).collect::<Vec<_>>(), ["painting"]);
    assert_eq!(forge.employees, Some(1509));
    assert_eq!(forge.investment_musd, Some(15.5));
    assert_eq!(forge.founded, Some(1998));
    assert_eq!(forge.website.as_ref().map(HttpUrl::as_str), Some("https://norteforge.mx"));
    assert_eq!(forge.linkedin.as_ref().map(HttpUrl::as_str), Some("https://www.linkedin.com/company/norte-forge"));
    assert_eq!(
        text_of(&forge.pitch),
        [("es".to_owned(), "Forjamos ejes.".to_owned()), ("en".to_owned(), "We forge axles.".to_owned())]
    );
    assert_eq!(forge.customers, ["GM", "Ford", "Nissan"]);
    assert_eq!(forge.languages.iter().map(|tag| tag.as_str()).collect::<Vec<_>>(), ["es", "en"]);
    assert_eq!(forge.verified_on.map(|date| date.to_string()).as_deref(), Some("2026-03-01"));
    assert!(["pitch.es", "pitch.en", "website", "location.country"]
        .iter()
        .all(|f| result.fields_in_sheets.contains(*f)));
    assert!(!result.fields_in_sheets.contains("pitch") && !result.fields_in_sheets.contains("id"));
    // The instructions sheet has no header: its two rows are listed, not lost.
    assert_eq!(problems(&result), [(1, None, &ImportProblemKind::NoHeaderRow { rows: 2 })]);
    assert_eq!(result.problems[0].sheet, "Instructions");
}

#[test]
fn the_members_sheet_is_the_one_with_most_member_columns_unless_the_mapping_names_one() {
    let short = sheet("Resumen", &[&["Nombre", "Ciudad"], &["Uno", "León"]]);
    let full = sheet("Socios", &[&["Nombre", "Ciudad", "Estado", "Nivel"], &["Dos", "Celaya", "Gto", "Tier 2"]]);
    let result = run(vec![short.clone(), full.clone()]);
    assert_eq!(result.directory.members.iter().map(|m| m.name.as_str()).collect::<Vec<_>>(), ["Dos"]);
    assert_eq!(problems(&result), [(1, None, &ImportProblemKind::SheetNotImported { rows: 1 })]);
    let mapping = Mapping { members_sheet: Some("RESUMEN".into()), ..Mapping::default() };
    let chosen = import(&[workbook(vec![short, full.clone()])], &base(), &mapping, &Decisions::default());
    assert_eq!(chosen.directory.members.iter().map(|m| m.name.as_str()).collect::<Vec<_>>(), ["Uno"]);
    // A named sheet with one known column and one assigned by hand is still the members sheet.
    let odd = sheet("Padrón", &[&["Razón social", "Giro"], &["Tres, S.A.", "Estampado"]]);
    let mut mapping = Mapping { members_sheet: Some("padron".into()), ..Mapping::default() };
    mapping.assign("Giro", Target::Column(Column::Capabilities));
    let named = import(&[workbook(vec![full.clone(), odd])], &base(), &mapping, &Decisions::default());
    assert_eq!(named.directory.members.iter().map(|m| m.name.as_str()).collect::<Vec<_>>(), ["Tres, S.A."]);
    assert_eq!(named.directory.members[0].capabilities.iter().map(Slug::as_str).collect::<Vec<_>>(), ["stamping"]);
}

#[test]
fn unknown_columns_are_shown_with_samples_and_can_be_assigned_or_ignored() {
    let sheets = || {
        vec![sheet(
            "Socios",
            &[
                &["Nombre", "Ciudad", "Giro principal", "Notas internas", "Observaciones"],
                &["Uno", "León", "Estampado", "llamar", "x1"],
                &["Dos", "León", "Maquinado", "", "x2"],
                &["Tres", "León", "Estampado", "", ""],
            ],
        )]
    };
    let planned = plan(&[workbook(sheets())], &Mapping::default());
    let columns = &planned.workbooks[0].sheets[0].columns;
    let giro = columns.iter().find(|c| c.header == "Giro principal").unwrap();
    assert_eq!(
        (giro.target.as_ref(), giro.samples.as_slice(), giro.values),
        (None, &["Estampado".to_owned(), "Maquinado".to_owned()][..], 3)
    );
    let mut mapping = Mapping::default();
    mapping.assign("GIRO PRINCIPAL:", Target::Column(Column::Capabilities));
    mapping.assign("Notas internas", Target::Ignore);
    let mapping = Mapping::from_json(&mapping.to_json()).unwrap();
    let result = import(&[workbook(sheets())], &base(), &mapping, &Decisions::default());
    assert_eq!(member(&result, "dos").capabilities.iter().map(Slug::as_str).collect::<Vec<_>>(), ["machining"]);
    // Only the unassigned column is a problem, once, with its count.
    assert_eq!(problems(&result), [(1, Some("Observaciones"), &ImportProblemKind::ColumnNotImported { values: 2 })]);
    assert!(result.fields_in_sheets.contains("capabilities"));
}

#[test]
fn the_mapping_file_round_trips_and_says_what_is_wrong() {
    let text = r#"{ "version": 1, "members_sheet": "Socios", "header_rows": { "Socios": 4 },
        "columns": { "Giro Principal": { "column": "capabilities" }, "Matriz: Hidroformado": "capability", "Notas": "ignore" },
        "decisions": { "capabilities": { "Hidroformado": { "add": { "group": "metal" } }, "Corte láser": { "map_to": "machining" }, "Otro": "leave_out" } } }"#;
    let mapping = Mapping::from_json(text).unwrap();
    assert_eq!(mapping.target("giro principal"), Some(&Target::Column(Column::Capabilities)));
    assert_eq!(mapping.target("MATRIZ HIDROFORMADO"), Some(&Target::Capability));
    assert_eq!(mapping.decisions.capability("corte laser"), Some(&Decision::MapTo("machining".into())));
    assert_eq!(mapping.header_row("socios"), Some(4));
    assert_eq!(Mapping::from_json(&mapping.to_json()), Ok(mapping));

    let error = |text: &str| Mapping::from_json(text).unwrap_err();
    assert!(matches!(error("{ not json"), MappingError::NotAMapping { line: 1, .. }));
    assert!(matches!(error(r#"{ "colums": {} }"#), MappingError::NotAMapping { .. }), "a misspelt key is not ignored");
    assert!(matches!(error(r#"{ "columns": { "A": { "column": "shoe_size" } } }"#), MappingError::NotAMapping { .. }));
    assert_eq!(error(r#"{ "version": 2 }"#), MappingError::NewerVersion { found: 2 });
    assert_eq!(error(r#"{ "header_rows": { "Socios": 0 } }"#), MappingError::ZeroHeaderRow { sheet: "Socios".into() });
    assert_eq!(
        error(r#"{ "decisions": { "capabilities": { "X": { "map_to": "Not A Slug" } } } }"#),
        MappingError::BadId { id: "Not A Slug".into() }
    );
    for wrong in [error("{"), error(r#"{ "version": 9 }"#), error(r#"{ "header_rows": { "S": 0 } }"#)] {
        let (es, en) = (wrong.message(Lang::Es), wrong.message(Lang::En));
        assert!(!es.is_empty() && !en.is_empty() && es != en, "{es} / {en}");
    }
}

#[test]
fn a_header_row_given_by_the_mapping_wins() {
    // Row 1 looks like a header (two known words) but the real one is row 2.
    let sheets =
        vec![sheet("Socios", &[&["Nombre", "Ciudad"], &["Empresa", "Municipio", "Nivel"], &["Uno", "León", "T2"]])];
    let mapping = Mapping::from_json(r#"{ "header_rows": { "Socios": 2 } }"#).unwrap();
    let result = import(&[workbook(sheets)], &base(), &mapping, &Decisions::default());
    assert_eq!(result.directory.members.iter().map(|m| m.name.as_str()).collect::<Vec<_>>(), ["Uno"]);
    assert_eq!(member(&result, "uno").kind, Some(MemberKind::Tier2));
    assert!(result.plan.workbooks[0].sheets[0].header.is_some_and(|h| h.from_mapping && h.number == 2));
}

#[test]
fn names_split_on_separators_but_known_names_with_slashes_survive() {
    let known = |name: &str| {
        let vocabulary = ["soldadura mig mag", "estampado", "maquinado", "iso ts 16949", "iso 9001 2015", "iatf 16949"];
        vocabulary.contains(&normalize(name).as_str())
    };
    let check = |cell: &str, expect: &[&str]| assert_eq!(split_names(cell, known), expect, "{cell:?}");
    check("ISO 9001:2015, IATF 16949", &["ISO 9001:2015", "IATF 16949"]);
    check("Soldadura MIG/MAG", &["Soldadura MIG/MAG"]);
    check("Estampado / Maquinado", &["Estampado", "Maquinado"]);
    check("Estampado/Soldadura MIG/MAG", &["Estampado", "Soldadura MIG", "MAG"]);
    check("ISO/TS 16949; Estampado", &["ISO/TS 16949", "Estampado"]);
    check("Estampado\nMaquinado\r\nPintura", &["Estampado", "Maquinado", "Pintura"]);
    // Unknown as a whole and in parts: kept whole, so it is listed as one unmatched name.
    check("Hidroformado/Rolado", &["Hidroformado/Rolado"]);
    check(" ; , ", &[]);
    assert_eq!(split_list("GM, Ford / Nissan;\nVW"), ["GM", "Ford", "Nissan", "VW"]);
}

#[test]
fn numbers_as_staff_write_them() {
    use NumberShape::{Decimal, Whole};
    let check = |text: &str, shape: NumberShape, expect: Result<f64, NumberProblem>| {
        assert_eq!(parse_number(text, shape), expect, "{text:?} {shape:?}");
    };
    check("1509", Whole, Ok(1509.0));
    check("1,509", Whole, Ok(1509.0));
    check("1.509", Whole, Ok(1509.0));
    check("1,509,000", Whole, Ok(1_509_000.0));
    check("1 509", Whole, Ok(1509.0));
    check("15,5", Decimal, Ok(15.5));
    check("15.5", Decimal, Ok(15.5));
    check("1.509", Decimal, Ok(1.509));
    check("0,509", Decimal, Ok(0.509));
    check("1.509,5", Decimal, Ok(1509.5));
    check("1,509.5", Decimal, Ok(1509.5));
    check("2.500.000,75", Decimal, Ok(2_500_000.75));
    check("1,509", Decimal, Err(NumberProblem::Ambiguous { thousands: 1509.0, decimal: 1.509 }));
    check("15,5", Whole, Err(NumberProblem::NotWhole));
    check("-3", Whole, Err(NumberProblem::Negative));
    check("1,50,9", Whole, Err(NumberProblem::NotANumber));
    check("1.509,5.3", Decimal, Err(NumberProblem::NotANumber));
    check("50-100", Whole, Err(NumberProblem::NotANumber));
    check("", Whole, Err(NumberProblem::NotANumber));
    check("cien", Whole, Err(NumberProblem::NotANumber));
    assert_eq!(cell_number(&Cell::Text("$ 12,5 MDD".into()), Decimal), Ok(12.5));
    assert_eq!(cell_number(&Cell::Number(42.0), Whole), Ok(42.0));
    assert_eq!(cell_number(&Cell::Number(4.2), Whole), Err(NumberProblem::NotWhole));
    assert_eq!(cell_number(&Cell::Bool(true), Whole), Err(NumberProblem::NotANumber));
}

#[test]
fn number_problems_in_a_sheet_say_the_value_was_dropped() {
    let result = run(vec![sheet(
        "Socios",
        &[&["Nombre", "Empleados", "Inversión planeada (MDD)"], &["Uno", "unos 50", "1,509"], &["Dos", "-4", "2,5"]],
    )]);
    assert_eq!(member(&result, "uno").employees, None);
    assert_eq!(member(&result, "uno").investment_musd, None);
    assert_eq!(member(&result, "dos").investment_musd, Some(2.5));
    let found = problems(&result);
    assert_eq!(found.len(), 3, "{found:#?}");
    assert_eq!(found[1].1, Some("Inversión planeada (MDD)"));
    let message = result.problems[1].message(Lang::Es);
    assert!(message.contains("1509") && message.contains("1.509") && message.contains("no se importó"), "{message}");
    assert!(result.problems[2].message(Lang::En).contains("below zero"));
}

#[test]
fn excel_serials_and_written_dates() {
    let date = |serial: f64, system| serial_date(serial, system).map(|d| d.to_string());
    assert_eq!(date(1.0, DateSystem::Excel1900).as_deref(), Ok("1900-01-01"));
    assert_eq!(date(59.0, DateSystem::Excel1900).as_deref(), Ok("1900-02-28"));
    assert_eq!(date(60.0, DateSystem::Excel1900), Err(DateProblem::PhantomLeapDay));
    assert_eq!(date(61.0, DateSystem::Excel1900).as_deref(), Ok("1900-03-01"));
    assert_eq!(date(45291.75, DateSystem::Excel1900).as_deref(), Ok("2023-12-31"));
    assert_eq!(date(0.0, DateSystem::Excel1900), Err(DateProblem::NotADate));
    assert_eq!(date(0.0, DateSystem::Excel1904).as_deref(), Ok("1904-01-01"));
    assert_eq!(date(43829.0, DateSystem::Excel1904).as_deref(), Ok("2023-12-31"));
    assert_eq!(date(-1.0, DateSystem::Excel1900), Err(DateProblem::NotADate));
    assert_eq!(date(f64::NAN, DateSystem::Excel1900), Err(DateProblem::NotADate));
    let text = |text: &str| text_date(text).map(|d| d.to_string());
    assert_eq!(text("2026-03-01").as_deref(), Ok("2026-03-01"));
    assert_eq!(text("2026-03-01T00:00:00").as_deref(), Ok("2026-03-01"));
    assert_eq!(text("1/3/2026").as_deref(), Ok("2026-03-01"));
    assert_eq!(text("01-03-2026").as_deref(), Ok("2026-03-01"));
    assert_eq!(text("2026/03/01").as_deref(), Ok("2026-03-01"));
    assert_eq!(text("31/02/2026"), Err(DateProblem::NotADate));
    assert_eq!(text("12/31/2026"), Err(DateProblem::NotADate), "day first, as in Mexico");
    assert_eq!(text("marzo 2026"), Err(DateProblem::NotADate));
    assert_eq!(
        cell_date(&Cell::IsoDate("2027-06-30T00:00:00".into())).map(|d| d.to_string()).as_deref(),
        Ok("2027-06-30")
    );
    assert_eq!(cell_date(&Cell::Number(45291.0)).map(|d| d.to_string()).as_deref(), Ok("2023-12-31"));
}

#[test]
fn tier_words_become_kinds() {
    let check = |text: &str, expect: Option<MemberKind>| assert_eq!(member_kind(text), expect, "{text:?}");
    for text in ["Tier 1", "T1", "tier1", "Nivel 1", "N1", "TIER I"] {
        check(text, Some(MemberKind::Tier1));
    }
    for text in ["Tier 2", "T-2", "Nivel 2", "n2"] {
        check(text, Some(MemberKind::Tier2));
    }
    check("Tier 3", Some(MemberKind::Tier3));
    check("OEM", Some(MemberKind::Oem));
    check("Armadora", Some(MemberKind::Oem));
    check("Servicios", Some(MemberKind::Service));
    check("Institución", Some(MemberKind::Institution));
    check("Universidad", Some(MemberKind::Institution));
    check("institution", Some(MemberKind::Institution));
    check("TI", None);
    check("Tier 4", None);
    check("Proveedor", None);
}

#[test]
fn matrix_marks() {
    for yes in ["X", "x", "✓", "✔", "sí", "Si", "1", "yes", " X "] {
        assert_eq!(mark(&Cell::Text(yes.into())), Some(true), "{yes:?}");
    }
    for no in ["", "  ", "no", "NO", "0"] {
        assert_eq!(mark(&Cell::Text(no.into())), Some(false), "{no:?}");
    }
    assert_eq!(mark(&Cell::Empty), Some(false));
    assert_eq!(mark(&Cell::Number(1.0)), Some(true));
    assert_eq!(mark(&Cell::Bool(false)), Some(false));
    for other in ["tal vez", "2", "xx", "-"] {
        assert_eq!(mark(&Cell::Text(other.into())), None, "{other:?}");
    }
    assert_eq!(mark(&Cell::Number(2.0)), None);
}

#[test]
fn web_addresses_get_https_and_other_schemes_never_become_links() {
    let check = |text: &str, expect: Result<&str, UrlProblem>| {
        assert_eq!(web_address(text).as_ref().map(HttpUrl::as_str), expect.as_ref().map(|s| *s), "{text:?}");
    };
    check("www.acme.mx", Ok("https://www.acme.mx"));
    check("acme.com.mx/contacto", Ok("https://acme.com.mx/contacto"));
    check("http://acme.mx", Ok("http://acme.mx"));
    check("HTTPS://Acme.mx", Ok("HTTPS://Acme.mx"));
    check("javascript:alert(1)", Err(UrlProblem::Scheme("javascript".into())));
    check("JavaScript:alert(1)", Err(UrlProblem::Scheme("JavaScript".into())));
    check("mailto:ventas@acme.mx", Err(UrlProblem::Scheme("mailto".into())));
    check("=HYPERLINK(\"https://acme.mx\")", Err(UrlProblem::Formula));
    check("N/A", Err(UrlProblem::NotAnAddress));
    check("no tiene", Err(UrlProblem::NotAnAddress));
    check("https://", Err(UrlProblem::NotAnAddress));
}

#[test]
fn countries_and_languages_by_code_or_name() {
    assert_eq!(country("México").map(|c| c.as_str().to_owned()).as_deref(), Some("MX"));
    assert_eq!(country("mx").map(|c| c.as_str().to_owned()).as_deref(), Some("MX"));
    assert_eq!(country("Estados Unidos").map(|c| c.as_str().to_owned()).as_deref(), Some("US"));
    assert_eq!(country("United States").map(|c| c.as_str().to_owned()).as_deref(), Some("US"));
    assert_eq!(country("EUA").map(|c| c.as_str().to_owned()).as_deref(), Some("US"));
    assert_eq!(country("Narnia"), None);
    assert_eq!(language("Inglés").map(|t| t.as_str().to_owned()).as_deref(), Some("en"));
    assert_eq!(language("DE").map(|t| t.as_str().to_owned()).as_deref(), Some("de"));
    assert_eq!(language("Klingon"), None);
}

fn socios_with_nested() -> Vec<Sheet> {
    let socios = sheet(
        "Socios",
        &[
            &["Id", "Nombre comercial", "Razón social", "Ciudad"],
            &["forja", "Forja Ñandú", "Forja Ñandú, S.A. de C.V.", "León"],
            &["", "Plásticos del Bajío", "", "Celaya"],
        ],
    );
    let contactos = sheet(
        "Contactos",
        &[
            &["Empresa", "Nombre", "Puesto_es", "Puesto_en", "Correo electrónico", "Teléfono", "WhatsApp", "LinkedIn"],
            &[
                "forja",
                "Ana Pérez",
                "Compras",
                "Purchasing",
                "ana@forja.mx",
                "(614) 410-2233",
                "044 614 410 2233",
                "linkedin.com/in/ana",
            ],
            &["PLASTICOS DEL BAJIO", "Luis Gómez", "", "", "luis@", "614 410 22", "123", ""],
            &["Forja Ñandú, S.A. de C.V.", "Ana Perez", "", "", "", "", "", ""],
            &["Forja Ñandú", "Ana Pérez Ruiz", "", "", "", "+52 1 614 410 2233", "", ""],
            &["Metales Fantasma", "Pedro", "", "", "", "", "", ""],
            &["", "Sin Empresa", "", "", "", "", "", ""],
            &["forja", "", "Ventas", "", "ventas@forja.mx", "", "", ""],
        ],
    );
    let certificaciones = sheet(
        "Certificaciones",
        &[
            &["Empresa", "Certificación", "Vigencia", "Sitio", "Organismo certificador"],
            &["forja", "IATF 16949", "30/06/2027", "Planta León", "TÜV"],
            &["Plásticos del Bajío", "ISO 9001:2015", "", "", ""],
            &["forja", "ISO 14001", "", "", ""],
            &["forja", "", "2027-01-01", "", ""],
            &["forja", "IATF 16949", "2027-06-30", "Planta León", "TÜV"],
        ],
    );
    vec![socios, contactos, certificaciones]
}

#[test]
fn contacts_and_certificates_come_from_their_own_sheets_keyed_by_company() {
    let mut sheets = socios_with_nested();
    // An xlsx date serial in Plásticos' valid-until cell.
    sheets[2].rows[2].cells[2] = Cell::Date { serial: 46387.0, system: DateSystem::Excel1900 };
    let result = run(sheets);
    let forja = member(&result, "forja");
    let ana = &forja.contacts[0];
    assert_eq!((ana.id.as_str(), ana.name.as_str()), ("ana-perez", "Ana Pérez"));
    assert_eq!(text_of(&ana.role), [("es".into(), "Compras".into()), ("en".into(), "Purchasing".into())]);
    assert_eq!(ana.email.as_ref().map(|e| e.as_str()), Some("ana@forja.mx"));
    assert_eq!(ana.phone.as_deref(), Some("+526144102233"));
    assert_eq!(ana.whatsapp.as_ref().map(|w| w.as_str()), Some("+526144102233"));
    assert_eq!(ana.linkedin.as_ref().map(HttpUrl::as_str), Some("https://linkedin.com/in/ana"));
    // Found by legal name, then by name; the same person folded is not added twice.
    assert_eq!(forja.contacts.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(), ["Ana Pérez", "Ana Pérez Ruiz"]);
    assert_eq!(forja.contacts[1].phone.as_deref(), Some("+526144102233"));
    let plasticos = &result.directory.members[1];
    let luis = &plasticos.contacts[0];
    assert_eq!((luis.email.as_ref(), luis.phone.as_deref(), luis.whatsapp.as_ref()), (None, Some("614 410 22"), None));

    type Certificate<'a> = (&'a str, Option<String>, Vec<(String, String)>, Option<&'a str>);
    let certificates: Vec<Certificate> = forja
        .certifications
        .iter()
        .map(|c| (c.id.as_str(), c.valid_until.map(|d| d.to_string()), text_of(&c.site), c.body.as_deref()))
        .collect();
    assert_eq!(
        certificates,
        [("iatf-16949", Some("2027-06-30".into()), vec![(String::new(), "Planta León".into())], Some("TÜV"))]
    );
    assert_eq!(plasticos.certifications[0].id.as_str(), "iso-9001");
    assert_eq!(plasticos.certifications[0].valid_until.map(|d| d.to_string()).as_deref(), Some("2026-12-31"));

    let found: Vec<(&str, usize, Option<&str>, &ImportProblemKind)> =
        result.problems.iter().map(|p| (p.sheet.as_str(), p.row, p.column.as_deref(), &p.kind)).collect();
    let expect_kinds = [
        ("Contactos", 3, Some("Correo electrónico")),
        ("Contactos", 3, Some("Teléfono")),
        ("Contactos", 3, Some("WhatsApp")),
        ("Contactos", 4, Some("Nombre")),
        ("Contactos", 6, Some("Empresa")),
        ("Contactos", 7, None),
        ("Contactos", 8, None),
        ("Certificaciones", 4, Some("Certificación")),
        ("Certificaciones", 5, None),
    ];
    assert_eq!(found.iter().map(|(s, r, c, _)| (*s, *r, *c)).collect::<Vec<_>>(), expect_kinds, "{found:#?}");
    assert!(matches!(found[0].3, ImportProblemKind::BadEmail { .. }));
    assert!(matches!(found[1].3, ImportProblemKind::BadPhone { .. }));
    assert!(matches!(found[2].3, ImportProblemKind::BadWhatsapp { .. }));
    assert!(matches!(found[3].3, ImportProblemKind::DuplicateContact { .. }));
    assert_eq!(found[4].3, &ImportProblemKind::UnknownCompany { company: "Metales Fantasma".into() });
    assert_eq!(found[5].3, &ImportProblemKind::NoCompany);
    assert_eq!(found[6].3, &ImportProblemKind::ContactWithoutName);
    assert!(matches!(found[7].3, ImportProblemKind::Unmatched { value, .. } if value == "ISO 14001"));
    assert_eq!(found[8].3, &ImportProblemKind::NoCertification);
    assert!(result.problems[1].message(Lang::Es).contains("tal como está escrito"));
    assert!(["contacts", "certifications"].iter().all(|field| result.fields_in_sheets.contains(*field)));
}

#[test]
fn a_capability_matrix_sheet_marks_capabilities() {
    let socios = sheet("Socios", &[&["Nombre", "Ciudad"], &["Uno", "León"], &["Dos", "Celaya"]]);
    let matriz = sheet(
        "Matriz de procesos",
        &[
            &["Matriz de capacidades 2026"],
            &["Empresa", "Estampado", "Troquelado", "Maquinado", "Hidroformado", "Pintura"],
            &["Uno", "X", "✓", "", "sí", "tal vez"],
            &["Dos", "no", "0", "1", "", "yes"],
            &["Tres", "x", "", "", "", "x"],
        ],
    );
    let result = run(vec![socios, matriz]);
    let sheet_plan = &result.plan.workbooks[0].sheets[1];
    assert_eq!((sheet_plan.kind, sheet_plan.header.map(|h| h.number)), (SheetKind::CapabilityMatrix, Some(2)));
    let ids = |id: &str| member(&result, id).capabilities.iter().map(|c| c.as_str().to_owned()).collect::<Vec<_>>();
    // Estampado and Troquelado (its alias) are one capability.
    assert_eq!(ids("uno"), ["stamping"]);
    assert_eq!(ids("dos"), ["machining", "painting"]);
    let found = problems(&result);
    assert_eq!(found.len(), 3, "{found:#?}");
    assert_eq!((found[0].0, found[0].1), (2, Some("Hidroformado")));
    assert!(matches!(found[0].2, ImportProblemKind::Unmatched { value, .. } if value == "Hidroformado"));
    assert_eq!((found[1].0, found[1].1), (3, Some("Pintura")));
    assert_eq!(found[1].2, &ImportProblemKind::BadMark { value: "tal vez".into() });
    assert_eq!(found[2], (5, Some("Empresa"), &ImportProblemKind::UnknownCompany { company: "Tres".into() }));
    assert_eq!(result.unmatched.len(), 1);
    assert_eq!((result.unmatched[0].value.as_str(), result.unmatched[0].count), ("Hidroformado", 1));
}

#[test]
fn decisions_map_add_or_leave_out_unmatched_names() {
    let sheets = || {
        vec![sheet(
            "Socios",
            &[
                &["Nombre", "Procesos", "Certificaciones"],
                &["Uno", "Corte láser, Hidroformado, Rolado, Granallado", "ISO 14001:2015"],
                &["Dos", "HIDROFORMADO", "Industria Limpia"],
            ],
        )]
    };
    let undecided = run(sheets());
    let unmatched: Vec<(&str, usize)> = undecided.unmatched.iter().map(|u| (u.value.as_str(), u.count)).collect();
    assert_eq!(
        unmatched,
        [
            ("Corte láser", 1),
            ("Hidroformado", 2),
            ("Rolado", 1),
            ("Granallado", 1),
            ("ISO 14001:2015", 1),
            ("Industria Limpia", 1)
        ]
    );
    assert_eq!(undecided.problems.len(), 7);
    let decisions = Mapping::from_json(
        r#"{ "decisions": {
            "capabilities": { "corte laser": { "map_to": "machining" }, "Hidroformado": { "add": { "group": "metal" } },
                              "Rolado": "leave_out", "Granallado": { "map_to": "no-such-capability" } },
            "certifications": { "ISO 14001:2015": { "add": {} } } } }"#,
    )
    .unwrap()
    .decisions;
    let result = import(&[workbook(sheets())], &base(), &Mapping::default(), &decisions);
    let ids = |id: &str| member(&result, id).capabilities.iter().map(|c| c.as_str().to_owned()).collect::<Vec<_>>();
    assert_eq!(ids("uno"), ["machining", "hidroformado"]);
    assert_eq!(ids("dos"), ["hidroformado"]);
    let added = result.directory.capability("hidroformado").unwrap();
    assert_eq!(
        (added.group.as_ref().map(Slug::as_str), &added.label),
        (Some("metal"), &Text::Plain("Hidroformado".into()))
    );
    assert_eq!(result.directory.capabilities.len(), base().capabilities.len() + 1);
    assert_eq!(member(&result, "uno").certifications[0].id.as_str(), "iso-14001-2015");
    assert!(result.directory.certification("iso-14001-2015").is_some());
    let kinds: Vec<&ImportProblemKind> = result.problems.iter().map(|p| &p.kind).collect();
    assert!(
        matches!(kinds[0], ImportProblemKind::DecisionToUnknownId { id, .. } if id == "no-such-capability"),
        "{kinds:#?}"
    );
    assert!(matches!(kinds[1], ImportProblemKind::Unmatched { value, .. } if value == "Industria Limpia"));
    assert_eq!(kinds.len(), 2);
    assert_eq!(
        result.unmatched.iter().find(|u| u.folded == "rolado").and_then(|u| u.decision.clone()),
        Some(Decision::LeaveOut)
    );
}

/// Two members may share a trade name (a company's plants in two states); the export writes
/// their ids, so a sheet that gives each its own id holds two members, not a duplicate.
#[test]
fn one_name_with_two_ids_is_two_members() {
    let result = run(vec![sheet(
        "Socios",
        &[
            &["Id", "Nombre", "Ciudad"],
            &["logistica-norte", "Logística Norte", "Chihuahua"],
            &["logistica-norte-2", "Logística Norte", "Juárez"],
            &["", "LOGÍSTICA NORTE", "Delicias"],
        ],
    )]);
    let ids: Vec<&str> = result.directory.members.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["logistica-norte", "logistica-norte-2"]);
    let found = problems(&result);
    assert_eq!(found.len(), 1);
    assert!(matches!(found[0], (4, None, ImportProblemKind::DuplicateMember { first_row: 2, .. })));
}

#[test]
fn rows_without_a_name_and_duplicates_are_problems_not_members() {
    let result = run(vec![sheet(
        "Socios",
        &[
            &["Id", "Nombre", "Razón social", "Ciudad"],
            &["", "Acme", "", "León"],
            &["", "", "", "Celaya"],
            &["", "ACMÉ", "", "Silao"],
            &["beta", "Beta", "", ""],
            &["beta", "Beta Dos", "", ""],
            &["", "", "Industrias Ruiz, S.A.", ""],
            &["Bad Id!", "Zeta", "", ""],
            &["", "***", "", ""],
        ],
    )]);
    let members: Vec<(&str, &str)> =
        result.directory.members.iter().map(|m| (m.id.as_str(), m.name.as_str())).collect();
    assert_eq!(
        members,
        [("acme", "Acme"), ("beta", "Beta"), ("industrias-ruiz", "Industrias Ruiz, S.A."), ("zeta", "Zeta")]
    );
    let found = problems(&result);
    assert_eq!(found[0], (3, None, &ImportProblemKind::NoName));
    assert_eq!(
        found[1],
        (
            4,
            None,
            &ImportProblemKind::DuplicateMember { first_sheet: "Socios".into(), first_row: 2, key: "ACMÉ".into() }
        )
    );
    assert_eq!(
        found[2],
        (
            6,
            None,
            &ImportProblemKind::DuplicateMember { first_sheet: "Socios".into(), first_row: 5, key: "beta".into() }
        )
    );
    assert_eq!(
        found[3],
        (7, None, &ImportProblemKind::NameFromLegalName { legal_name: "Industrias Ruiz, S.A.".into() })
    );
    assert_eq!(found[4], (8, Some("Id"), &ImportProblemKind::BadId { value: "Bad Id!".into(), made: "zeta".into() }));
    assert_eq!(found[5], (9, None, &ImportProblemKind::NoIdFromName { name: "***".into() }));
    assert_eq!(found.len(), 6);
    let message = result.problems[1].message(Lang::En);
    assert!(message.contains("row 2") && message.contains("was kept"), "{message}");
}

#[test]
fn ids_are_stable_and_never_taken_from_an_id_cell() {
    let result = run(vec![sheet(
        "Socios",
        &[&["Nombre", "Id"], &["Aceros del Norte, S.A. de C.V.", ""], &["Nuevo", ""], &["Otro", "nuevo"]],
    )]);
    let ids: Vec<&str> = result.directory.members.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["acenor", "nuevo-2", "nuevo"]);
    assert_eq!(result.problems, []);
}

#[test]
fn formula_looking_text_stays_text_and_errors_are_listed() {
    let mut socios = sheet(
        "Socios",
        &[
            &["Nombre", "Presentación", "Sitio web", "Ciudad"],
            &["=HYPERLINK(\"http://evil.example\",\"Acme\")", "=1+1", "=HYPERLINK(\"http://acme.mx\")", "@León"],
            &["Beta", "-menos", "javascript:alert(1)", ""],
        ],
    );
    socios.rows[2].cells[3] = Cell::Error("#N/A".into());
    let result = run(vec![socios]);
    let first = &result.directory.members[0];
    assert_eq!(first.name, "=HYPERLINK(\"http://evil.example\",\"Acme\")");
    assert_eq!(first.pitch, Some(Text::Plain("=1+1".into())));
    assert_eq!(first.location.as_ref().and_then(|l| l.city.as_deref()), Some("@León"));
    assert_eq!(first.website, None);
    assert_eq!(result.directory.members[1].website, None);
    assert_eq!(result.directory.members[1].pitch, Some(Text::Plain("-menos".into())));
    assert!(looks_like_formula(&first.name) && !looks_like_formula("Acme"));
    let found = problems(&result);
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(matches!(found[0].2, ImportProblemKind::BadUrl { problem: UrlProblem::Formula, .. }));
    // In column order within a row.
    assert!(
        matches!(found[1].2, ImportProblemKind::BadUrl { problem: UrlProblem::Scheme(s), .. } if s == "javascript")
    );
    assert_eq!(found[2], (3, Some("Ciudad"), &ImportProblemKind::ErrorValue { value: "#N/A".into() }));
}

#[test]
fn two_columns_for_one_field_keep_the_first_and_list_the_other() {
    let result = run(vec![sheet(
        "Socios",
        &[
            &["Nombre comercial", "Empresa", "Presentación", "Presentación_es", "Ciudad"],
            &["Acme", "Acme Industrial", "Hola", "Hola", "León"],
            &["Beta", "beta", "Texto", "Texto es", ""],
        ],
    )]);
    assert_eq!(result.directory.members[0].pitch, Some(Text::ByLang(vec![("es".into(), "Hola".into())])));
    let found = problems(&result);
    assert_eq!(
        found,
        [
            (
                2,
                Some("Empresa"),
                &ImportProblemKind::TwoValues { kept: "Acme".into(), dropped: "Acme Industrial".into() }
            ),
            (
                3,
                Some("Presentación"),
                &ImportProblemKind::TwoValues { kept: "Texto es".into(), dropped: "Texto".into() }
            ),
        ]
    );
}

#[test]
fn phones_in_every_style_become_e164() {
    let result = run(vec![sheet(
        "Socios",
        &[
            &["Nombre", "Contacto", "Teléfono", "WhatsApp"],
            &["A", "Ana", "(614) 410-2233", "614 410 2233"],
            &["B", "Beto", "044 614 410 2233", "+52 1 614 410 2233"],
            &["C", "Caro", "+1 (512) 555-0134", "01 614 410 2233"],
            &["D", "Dani", "614.410.2233 ext. 12", "no tiene"],
        ],
    )]);
    let phones: Vec<(Option<&str>, Option<&str>)> = result
        .directory
        .members
        .iter()
        .map(|m| (m.contacts[0].phone.as_deref(), m.contacts[0].whatsapp.as_ref().map(|w| w.as_str())))
        .collect();
    assert_eq!(
        phones,
        [
            (Some("+526144102233"), Some("+526144102233")),
            (Some("+526144102233"), Some("+526144102233")),
            (Some("+15125550134"), Some("+526144102233")),
            (Some("614.410.2233 ext. 12"), None),
        ]
    );
    let found = problems(&result);
    assert_eq!(found.len(), 2);
    assert!(matches!(found[0], (5, Some("Teléfono"), ImportProblemKind::BadPhone { .. })));
    assert!(matches!(found[1], (5, Some("WhatsApp"), ImportProblemKind::BadWhatsapp { .. })));
}

#[test]
fn a_csv_file_is_imported_and_its_separator_and_encoding_are_planned() {
    let bytes = b"sep=;\r\nRaz\xf3n social;Nombre comercial;Ciudad;Tel\xe9fono;Contacto\r\nForja \xd1and\xfa, S.A. de C.V.;Forja \xd1and\xfa;Le\xf3n;477 123 4567;Ana\r\n";
    let csv = crate::read_csv(bytes, None).unwrap();
    let workbook = Workbook::from_csv("socios.csv", csv.encoding, csv.replaced, csv.rows);
    let result = import(&[workbook], &base(), &Mapping::default(), &Decisions::default());
    assert_eq!(result.plan.workbooks[0].separator(), Some(crate::Separator::Semicolon));
    assert_eq!(result.plan.workbooks[0].encoding(), Some(crate::SourceEncoding::Windows1252));
    let forja = member(&result, "forja-nandu");
    assert_eq!(forja.contacts[0].phone.as_deref(), Some("+524771234567"));
    assert_eq!(result.problems, []);
}

#[test]
fn every_problem_says_what_happened_in_both_languages() {
    use ImportProblemKind::*;
    let phone_problem =
        vitrina_core::phone::from_typed("123", &vitrina_core::valid::CountryCode::mexico()).unwrap_err();
    let kinds = vec![
        NoMembersSheet,
        SheetNotImported { rows: 3 },
        NoHeaderRow { rows: 3 },
        ColumnNotImported { values: 3 },
        NoName,
        NoIdFromName { name: "***".into() },
        DuplicateMember { first_sheet: "Socios".into(), first_row: 2, key: "Acme".into() },
        BadId { value: "X!".into(), made: "x".into() },
        NameFromLegalName { legal_name: "Acme, S.A.".into() },
        TwoValues { kept: "a".into(), dropped: "b".into() },
        NoCompany,
        UnknownCompany { company: "Z".into() },
        ContactWithoutName,
        DuplicateContact { name: "Ana".into() },
        NoCertification,
        UnknownKind { value: "Tier 9".into() },
        BadNumber { value: "1,509".into(), problem: NumberProblem::Ambiguous { thousands: 1509.0, decimal: 1.509 } },
        BadYear { value: "1492".into() },
        BadDate { value: "60".into(), problem: DateProblem::PhantomLeapDay },
        BadEmail { value: "a@".into(), problem: vitrina_core::valid::EmailProblem::BadDomain },
        BadPhone { value: "123".into(), problem: phone_problem.clone() },
        BadWhatsapp { value: "123".into(), problem: phone_problem },
        BadUrl { value: "javascript:x".into(), problem: UrlProblem::Scheme("javascript".into()) },
        BadCountry { value: "Narnia".into() },
        BadLanguage { value: "Klingon".into() },
        BadMark { value: "?".into() },
        Unmatched { vocabulary: VocabularyKind::Capabilities, value: "Hidroformado".into() },
        DecisionToUnknownId { vocabulary: VocabularyKind::Certifications, value: "X".into(), id: "y".into() },
        ErrorValue { value: "#REF!".into() },
    ];
    // Every variant is in the list: this match stops compiling when one is added.
    for kind in &kinds {
        match kind {
            NoMembersSheet
            | SheetNotImported { .. }
            | NoHeaderRow { .. }
            | ColumnNotImported { .. }
            | NoName
            | NoIdFromName { .. }
            | DuplicateMember { .. }
            | BadId { .. }
            | NameFromLegalName { .. }
            | TwoValues { .. }
            | NoCompany
            | UnknownCompany { .. }
            | ContactWithoutName
            | DuplicateContact { .. }
            | NoCertification
            | UnknownKind { .. }
            | BadNumber { .. }
            | BadYear { .. }
            | BadDate { .. }
            | BadEmail { .. }
            | BadPhone { .. }
            | BadWhatsapp { .. }
            | BadUrl { .. }
            | BadCountry { .. }
            | BadLanguage { .. }
            | BadMark { .. }
            | Unmatched { .. }
            | DecisionToUnknownId { .. }
            | ErrorValue { .. } => {}
        }
        let (es, en) = (kind.message(Lang::Es), kind.message(Lang::En));
        assert!(!es.is_empty() && !en.is_empty() && es != en, "{kind:?}");
        // Each message says what became of the value: kept, used, or not imported / left out.
        let (es_lower, en_lower) = (es.to_lowercase(), en.to_lowercase());
        let said_es = ["no se import", "se conserv", "se us", "se dej"].iter().any(|w| es_lower.contains(w));
        let said_en = ["not imported", "kept", "was used", "left out"].iter().any(|w| en_lower.contains(w));
        assert!(said_es && said_en, "{es} / {en}");
    }
    let problem = ImportProblem {
        file: "f.xlsx".into(),
        sheet: "Socios".into(),
        row: 12,
        column: Some("Teléfono".into()),
        kind: NoName,
    };
    assert_eq!(problem.place(Lang::Es), "Socios, fila 12, columna «Teléfono»");
    assert_eq!(problem.place(Lang::En), "Socios, row 12, column “Teléfono”");
}

/// A real-looking members sheet of `n` rows below a title row: accents, legal forms, mixed
/// tiers, phones in every style, lists in every separator, numbers and dates as typed.
fn survey_sheet(n: usize) -> Sheet {
    const TRADES: [&str; 10] = [
        "Aceros",
        "Forja",
        "Plásticos",
        "Maquinados",
        "Troqueles",
        "Inyección",
        "Logística",
        "Ingeniería",
        "Pinturas",
        "Fundición",
    ];
    const PLACES: [(&str, &str); 8] = [
        ("del Bajío", "León"),
        ("de Querétaro", "Querétaro"),
        ("Peña Colorada", "Saltillo"),
        ("del Norte", "Monterrey"),
        ("Ñandú", "Celaya"),
        ("de Chihuahua", "Chihuahua"),
        ("Aguascalientes", "Aguascalientes"),
        ("Irapuato", "Irapuato"),
    ];
    const LEGAL: [&str; 4] = [", S.A. de C.V.", " S. de R.L. de C.V.", ", S.A.P.I. de C.V.", " SA DE CV"];
    const TIERS: [&str; 8] = ["Tier 1", "T2", "Nivel 3", "OEM", "Servicios", "Institución", "tier 2", "N1"];
    const PROCESSES: [&str; 4] = ["Estampado, CNC", "Troquelado; Pintura", "Maquinado\nSoldadura MIG/MAG", ""];
    const CERTIFICATES: [&str; 4] = ["IATF 16949, ISO 9001:2015", "ISO/TS 16949", "", "ISO 9001:2015"];
    const EMPLOYEES: [&str; 4] = ["1,250", "85", "2.300", "1 509"];
    const INVESTMENT: [&str; 4] = ["12.5", "3,75", "", "0,5"];
    const PEOPLE: [&str; 5] = ["María José Núñez", "José Ángel Pérez", "Ana Sofía Ibáñez", "Raúl Güemes", "Lucía Peña"];
    let phone = |i: usize| {
        let last = format!("{:04}", i % 10_000);
        match i % 6 {
            0 => format!("(614) 410-{last}"),
            1 => format!("044 614 410 {last}"),
            2 => format!("+52 1 442 123 {last}"),
            3 => format!("442.123.{last}"),
            4 => format!("+52 (81) 8123 {last}"),
            _ => format!("01 81 8123 {last}"),
        }
    };
    let mut rows: Vec<SheetRow> = vec![
        SheetRow { number: 1, cells: vec![Cell::Text("Clúster Automotriz — Encuesta de capacidades 2026".into())] },
        SheetRow {
            number: 3,
            cells: [
                "Nombre comercial",
                "Razón social",
                "Nivel/Tier",
                "Ciudad",
                "Estado",
                "Procesos/Capacidades",
                "Certificaciones",
                "Empleados",
                "Inversión planeada (MDD)",
                "Contacto",
                "Puesto",
                "Correo electrónico",
                "Teléfono",
                "WhatsApp",
                "Sitio web",
                "Presentación_es",
                "Presentación_en",
                "Verificado",
            ]
            .iter()
            .map(|h| Cell::Text((*h).into()))
            .collect(),
        },
    ];
    for i in 0..n {
        let (place, city) = PLACES[(i / TRADES.len()) % PLACES.len()];
        let name = if n <= TRADES.len() * PLACES.len() * 2 {
            let edition = if i / (TRADES.len() * PLACES.len()) == 0 { "" } else { " Industrial" };
            format!("{} {place}{edition}", TRADES[i % TRADES.len()])
        } else {
            format!("{} {place} {i}", TRADES[i % TRADES.len()])
        };
        let text = |s: &str| if s.is_empty() { Cell::Empty } else { Cell::Text(s.into()) };
        let cells = vec![
            Cell::Text(name.clone()),
            Cell::Text(format!("{name}{}", LEGAL[i % LEGAL.len()])),
            Cell::Text(TIERS[i % TIERS.len()].into()),
            Cell::Text(city.into()),
            Cell::Text("Guanajuato".into()),
            text(PROCESSES[i % PROCESSES.len()]),
            text(CERTIFICATES[i % CERTIFICATES.len()]),
            if i % 5 == 0 { Cell::Number((i * 3) as f64) } else { Cell::Text(EMPLOYEES[i % EMPLOYEES.len()].into()) },
            text(INVESTMENT[i % INVESTMENT.len()]),
            Cell::Text(PEOPLE[i % PEOPLE.len()].into()),
            Cell::Text(if i % 2 == 0 { "Gerente de Compras" } else { "Director Comercial" }.into()),
            Cell::Text(format!("contacto{i}@empresa{i}.com.mx")),
            Cell::Text(phone(i)),
            Cell::Text(phone(i + 1)),
            Cell::Text(format!("www.empresa{i}.mx")),
            Cell::Text(format!("Fabricamos piezas para {name}.")),
            Cell::Text(format!("We make parts for {name}.")),
            Cell::Date { serial: 46_000.0 + (i % 300) as f64, system: DateSystem::Excel1900 },
        ];
        rows.push(SheetRow { number: i + 4, cells });
    }
    Sheet { name: "Socios".into(), rows }
}

#[test]
fn a_real_looking_survey_of_120_members_imports_cleanly() {
    let instructions = sheet("Instrucciones", &[&["Llene una fila por socio."]]);
    let tiers = sheet("Niveles", &[&["Nivel", "Significado"], &["Tier 1", "Surte a armadoras"]]);
    let result = run(vec![instructions, survey_sheet(120), tiers]);
    assert_eq!(result.plan.workbooks[0].sheets[2].kind, SheetKind::Unknown);
    assert!(is_reference_sheet("NIVELES"));
    assert_eq!(result.directory.members.len(), 120);
    // The only problem is the instructions sheet, which is listed rather than lost; the tiers
    // list the template writes is no data.
    assert_eq!(problems(&result), [(1, None, &ImportProblemKind::NoHeaderRow { rows: 1 })]);
    let ids: HashSet<&str> = result.directory.members.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids.len(), 120);
    for (member, source) in result.directory.members.iter().zip(&result.member_rows) {
        let contact = &member.contacts[0];
        for number in [contact.phone.as_deref(), contact.whatsapp.as_ref().map(|w| w.as_str())] {
            let number = number.unwrap_or_default();
            assert!(E164::parse(number).is_some_and(|e| e.as_str() == number), "row {}: {number:?}", source.row);
        }
        assert!(member.kind.is_some() && member.employees.is_some() && member.website.is_some());
        assert!(member.legal_name.as_deref().is_some_and(|legal| legal.starts_with(&member.name)));
    }
    let first = &result.directory.members[0];
    assert_eq!((first.id.as_str(), first.name.as_str()), ("aceros-del-bajio", "Aceros del Bajío"));
    assert_eq!(first.capabilities.iter().map(Slug::as_str).collect::<Vec<_>>(), ["stamping", "machining"]);
    assert_eq!(first.certifications.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ["iatf-16949", "iso-9001"]);
    assert_eq!((first.employees, first.contacts[0].phone.as_deref()), (Some(0), Some("+526144100000")));
    let second = &result.directory.members[1];
    assert_eq!(
        (second.kind, second.employees, second.investment_musd),
        (Some(MemberKind::Tier2), Some(85), Some(3.75))
    );
    assert_eq!(second.capabilities.iter().map(Slug::as_str).collect::<Vec<_>>(), ["stamping", "painting"]);
    assert_eq!(second.certifications.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ["iso-ts-16949"]);
    let third = &result.directory.members[2];
    assert_eq!(third.capabilities.iter().map(Slug::as_str).collect::<Vec<_>>(), ["machining", "mig-mag"]);
    assert_eq!((third.employees, third.contacts[0].phone.as_deref()), (Some(2300), Some("+524421230002")));
    assert_eq!(result.directory.members[3].employees, Some(1509));
    assert_eq!(result.directory.members[4].kind, Some(MemberKind::Service));
    assert_eq!(result.directory.members[5].kind, Some(MemberKind::Institution));
    assert_eq!(result.directory.members[80].name, "Aceros del Bajío Industrial");
}

#[test]
fn ten_thousand_rows_import_with_unique_ids() {
    let result = run(vec![survey_sheet(10_000)]);
    assert_eq!(result.directory.members.len(), 10_000);
    assert_eq!(result.problems, []);
    let ids: HashSet<&str> = result.directory.members.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids.len(), 10_000);
    assert_eq!(result.member_rows.last().map(|r| r.row), Some(10_003));
}

/// Cells a hurried survey holds: blanks, duplicates up to case and accents, junk, formulas.
fn messy_cell(column: usize) -> BoxedStrategy<String> {
    let pool: &[&str] = match column {
        // Nombre
        0 => &["", "", "Acme", "ACMÉ", "Beta", "Gama, S.A.", "***", "=A1", "Delta", "  ", "Épsilon"],
        // Razón social
        1 => &["", "", "Acme, S.A. de C.V.", "Zeta SA de CV", "Beta"],
        // Nivel
        2 => &["", "Tier 1", "T2", "OEM", "Nivel 9", "servicios"],
        // Empleados
        3 => &["", "1,509", "15,5", "-2", "cien", "40"],
        // Sitio web
        4 => &["", "www.acme.mx", "javascript:alert(1)", "N/A", "http://b.mx"],
        // Procesos
        5 => &["", "Estampado", "Hidroformado, CNC", "x/y", "Soldadura MIG/MAG"],
        // Observaciones (unknown)
        _ => &["", "", "nota"],
    };
    let pool: Vec<String> = pool.iter().map(|s| (*s).to_owned()).collect();
    prop::sample::select(pool).boxed()
}

const MESSY_HEADERS: [&str; 7] =
    ["Nombre", "Razón social", "Nivel", "Empleados", "Sitio web", "Procesos", "Observaciones"];

fn messy_rows() -> impl Strategy<Value = Vec<Vec<String>>> {
    let row = (0..MESSY_HEADERS.len()).map(messy_cell).collect::<Vec<_>>();
    prop::collection::vec(row, 0..25)
}

fn contact_rows() -> impl Strategy<Value = Vec<(String, String, String)>> {
    let company = prop::sample::select(vec!["", "Acme", "acme", "Beta", "Nadie", "Zeta SA de CV"]);
    let person = prop::sample::select(vec!["", "Ana", "ANA", "Luis"]);
    let phone = prop::sample::select(vec!["", "614 410 2233", "12"]);
    prop::collection::vec((company, person, phone).prop_map(|(c, p, t)| (c.into(), p.into(), t.into())), 0..10)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Every non-blank row becomes a member (or a contact) or a listed problem; every value of
    /// a member's row that is not on the member is a listed problem; no name is made up.
    #[test]
    fn every_row_becomes_a_member_or_a_problem(rows in messy_rows(), contacts in contact_rows()) {
        let mut socios: Vec<Vec<String>> = vec![MESSY_HEADERS.iter().map(|h| (*h).to_owned()).collect()];
        socios.extend(rows);
        let contactos: Vec<Vec<String>> = std::iter::once(vec!["Empresa".to_owned(), "Nombre".into(), "Teléfono".into()])
            .chain(contacts.into_iter().map(|(c, p, t)| vec![c, p, t]))
            .collect();
        let as_sheet = |name: &str, rows: &[Vec<String>]| {
            let rows: Vec<Vec<&str>> = rows.iter().map(|row| row.iter().map(String::as_str).collect()).collect();
            let rows: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
            sheet(name, &rows)
        };
        let sheets = vec![as_sheet("Socios", &socios), as_sheet("Contactos", &contactos)];
        let result = run(sheets.clone());
        prop_assert_eq!(result.member_rows.len(), result.directory.members.len());
        let problem_at = |sheet: &str, row: usize, column: Option<&str>| {
            result.problems.iter().any(|p| p.sheet == sheet && p.row == row && (column.is_none() || p.column.as_deref() == column))
        };
        for row in sheets[0].rows.iter().skip(1).filter(|row| row.cells.iter().any(|c| !c.is_blank())) {
            let made = result.member_rows.iter().position(|source| source.row == row.number);
            match made {
                None => prop_assert!(problem_at("Socios", row.number, None), "row {} is lost", row.number),
                Some(index) => {
                    let member = &result.directory.members[index];
                    let cell = |column: usize| row.cells.get(column).map(|c| c.text().trim().to_owned()).unwrap_or_default();
                    prop_assert!(member.name == cell(0) || member.name == cell(1), "name {:?} made up", member.name);
                    let kept = [
                        (2, member.kind.is_some()),
                        (3, member.employees.is_some()),
                        (4, member.website.is_some()),
                    ];
                    for (column, is_kept) in kept {
                        if !cell(column).is_empty() && !is_kept {
                            prop_assert!(problem_at("Socios", row.number, Some(MESSY_HEADERS[column])), "row {} column {} lost", row.number, column);
                        }
                    }
                    for piece in split_list(&cell(5)) {
                        let in_vocabulary = base().capabilities.iter().any(|c| c.label.variants().chain(c.aliases.words()).any(|w| normalize(w) == normalize(piece)));
                        if !in_vocabulary && !cell(5).contains("MIG/MAG") {
                            prop_assert!(problem_at("Socios", row.number, Some("Procesos")), "row {} lost {:?}", row.number, piece);
                        }
                    }
                }
            }
        }
        let n_contacts: usize = result.directory.members.iter().map(|m| m.contacts.len()).sum();
        let contact_rows = sheets[1].rows.iter().skip(1).filter(|row| row.cells.iter().any(|c| !c.is_blank()));
        let mut unexplained = 0;
        for row in contact_rows {
            if !problem_at("Contactos", row.number, None) {
                unexplained += 1;
            } else {
                // A row with a problem may still be a contact (a phone kept as written), never lost.
                let phone_only = result.problems.iter().filter(|p| p.sheet == "Contactos" && p.row == row.number)
                    .all(|p| matches!(p.kind, ImportProblemKind::BadPhone { .. }));
                unexplained += usize::from(phone_only);
            }
        }
        prop_assert_eq!(unexplained, n_contacts, "every contact row without a dropping problem is a contact");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// The value rules take any text without panicking, and what they accept is checked.
    #[test]
    fn value_rules_never_panic(text in "\\PC{0,30}", serial in proptest::num::f64::ANY) {
        if let Ok(number) = parse_number(&text, NumberShape::Whole) {
            prop_assert!(number >= 0.0 && number.fract() == 0.0);
        }
        let _ = parse_number(&text, NumberShape::Decimal);
        let _ = cell_number(&Cell::Text(text.clone()), NumberShape::Decimal);
        let _ = text_date(&text);
        let _ = serial_date(serial, DateSystem::Excel1900);
        let _ = serial_date(serial, DateSystem::Excel1904);
        if let Ok(url) = web_address(&text) {
            let lower = url.as_str().to_ascii_lowercase();
            prop_assert!(lower.starts_with("https://") || lower.starts_with("http://"));
        }
        let _ = (member_kind(&text), country(&text), language(&text), mark(&Cell::Text(text.clone())));
        let pieces = split_names(&text, |piece| piece.len() % 2 == 0);
        prop_assert!(pieces.iter().all(|piece| !piece.trim().is_empty() && text.contains(piece)));
    }

    /// Any text under every known header imports without panicking, and every non-blank row is
    /// a member or a problem.
    #[test]
    fn any_text_under_every_header_is_a_member_or_a_problem(
        rows in prop::collection::vec(prop::collection::vec("\\PC{0,12}", Column::ALL.len()), 1..6)
    ) {
        let header: Vec<&str> = Column::ALL.iter().map(|column| column.canonical_header()).collect();
        let mut all: Vec<Vec<&str>> = vec![header];
        all.extend(rows.iter().map(|row| row.iter().map(String::as_str).collect::<Vec<_>>()));
        let all: Vec<&[&str]> = all.iter().map(Vec::as_slice).collect();
        let socios = sheet("Socios", &all);
        let result = run(vec![socios.clone()]);
        for row in socios.rows.iter().skip(1).filter(|row| row.cells.iter().any(|c| !c.is_blank())) {
            let is_member = result.member_rows.iter().any(|source| source.row == row.number);
            let has_problem = result.problems.iter().any(|problem| problem.row == row.number);
            prop_assert!(is_member || has_problem, "row {} is lost", row.number);
        }
    }
}

#[test]
fn mark_columns_on_the_members_sheet_are_capabilities_unless_staff_say_otherwise() {
    let sheets = || {
        vec![sheet(
            "Socios",
            &[
                &["Nombre", "Ciudad", "Estampado", "Pintura", "Exporta", "Notas"],
                &["Uno", "León", "X", "", "sí", "llamar"],
                &["Dos", "León", "", "1", "no", "x"],
            ],
        )]
    };
    let planned = plan(&[workbook(sheets())], &Mapping::default());
    let targets: Vec<(&str, Option<&Target>)> = planned.workbooks[0].sheets[0]
        .columns
        .iter()
        .map(|column| (column.header.as_str(), column.target.as_ref()))
        .collect();
    assert_eq!(
        targets,
        [
            ("Nombre", Some(&Target::Column(Column::Name))),
            ("Ciudad", Some(&Target::Column(Column::City))),
            ("Estampado", Some(&Target::Capability)),
            ("Pintura", Some(&Target::Capability)),
            ("Exporta", Some(&Target::Capability)),
            // One mark and one word: not mostly marks, so a column staff assign by hand.
            ("Notas", None),
        ]
    );
    let result = run(sheets());
    assert_eq!(member(&result, "uno").capabilities.iter().map(Slug::as_str).collect::<Vec<_>>(), ["stamping"]);
    assert_eq!(member(&result, "dos").capabilities.iter().map(Slug::as_str).collect::<Vec<_>>(), ["painting"]);
    let unmatched: Vec<&str> = result.unmatched.iter().map(|u| u.value.as_str()).collect();
    assert_eq!(unmatched, ["Exporta"]);
    assert_eq!(result.problems.len(), 2, "Exporta unmatched, Notas not imported: {:#?}", result.problems);
    // Staff say what the two columns are: the problems go, and nothing else changes.
    let mut mapping = Mapping::default();
    mapping.assign("Exporta", Target::Ignore);
    mapping.assign("Notas", Target::Ignore);
    let fixed = import(&[workbook(sheets())], &base(), &mapping, &Decisions::default());
    assert_eq!(fixed.problems, []);
    assert_eq!(fixed.directory.members, result.directory.members);
    assert!(fixed.plan.workbooks[0].sheets[0].columns[4].assigned);
}

#[test]
fn members_and_contacts_dropped_as_two_csv_files() {
    let csv = |name: &str, text: &str| {
        let read = crate::read_csv(text.as_bytes(), None).unwrap();
        Workbook::from_csv(name, read.encoding, read.replaced, read.rows)
    };
    let socios = csv("Socios.csv", "Nombre;Ciudad\nForja Ñandú;León\nAceros del Norte;Saltillo\n");
    let contactos =
        csv("Contactos.csv", "Empresa,Contacto,Correo\nforja nandu,Ana,ana@forja.mx\nAceros del Norte,Luis,\n");
    let result = import(&[contactos, socios], &base(), &Mapping::default(), &Decisions::default());
    assert_eq!(result.problems, []);
    let contacts = |id: &str| member(&result, id).contacts.iter().map(|c| c.name.clone()).collect::<Vec<_>>();
    // The contacts file comes first, yet finds the members of the other file.
    assert_eq!(contacts("forja-nandu"), ["Ana"]);
    assert_eq!(contacts("acenor"), ["Luis"]);
}
