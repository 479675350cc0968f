//! The import's rules, one test each, with Spanish- and English-headed sheets built in memory.

use super::values::*;
use super::*;
use crate::workbook::{DateSystem, FileFormat};
use proptest::prelude::*;
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
    let chosen = import(&[workbook(vec![short, full])], &base(), &mapping, &Decisions::default());
    assert_eq!(chosen.directory.members.iter().map(|m| m.name.as_str()).collect::<Vec<_>>(), ["Uno"]);
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
