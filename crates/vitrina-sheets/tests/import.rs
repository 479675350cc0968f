//! The import on the reader's fixture files (tests/fixtures/sheets/): what `read_file` gives
//! for real .xlsx and CSV files becomes the members and problems the staff page shows.

use std::path::PathBuf;
use vitrina_core::model::{Directory, MemberKind};
use vitrina_core::Lang;
use vitrina_sheets::import::values::{cell_date, DateProblem};
use vitrina_sheets::*;

fn read(name: &str) -> Workbook {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/sheets").join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|error| panic!("fixture {name}: {error}"));
    read_file(name, &bytes, &ReadOptions::default()).unwrap_or_else(|error| panic!("{name}: {error}"))
}

fn base() -> Directory {
    let json = r#"{ "format": 1, "cluster": { "name": "Clúster" },
        "certifications": [ { "id": "iatf-16949", "label": "IATF 16949" }, { "id": "iso-9001", "label": "ISO 9001:2015" } ],
        "members": [] }"#;
    vitrina_core::load_directory(json.as_bytes()).expect("the base directory loads").directory
}

fn run(workbook: Workbook) -> Import {
    import(&[workbook], &base(), &Mapping::default(), &Decisions::default())
}

#[test]
fn members_on_the_second_sheet_of_an_xlsx_below_title_rows() {
    let result = run(read("members-second-sheet.xlsx"));
    let sheets: Vec<(&str, SheetKind)> =
        result.plan.workbooks[0].sheets.iter().map(|sheet| (sheet.name.as_str(), sheet.kind)).collect();
    assert_eq!(sheets[1], ("Socios", SheetKind::Members));
    let members: Vec<(&str, &str, Option<MemberKind>, Option<u64>)> =
        result.directory.members.iter().map(|m| (m.id.as_str(), m.name.as_str(), m.kind, m.employees)).collect();
    assert_eq!(
        members,
        [
            ("metbajio", "MetBajío", Some(MemberKind::Tier2), Some(120)),
            // The employees cell is a formula: its cached result is read, never evaluated.
            ("nandu", "Ñandú", Some(MemberKind::Tier1), Some(45)),
            ("logicos", "Lógicos", Some(MemberKind::Service), None),
        ]
    );
    let certifications: Vec<&str> = result.directory.members[0].certifications.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(certifications, ["iatf-16949", "iso-9001"]);
    let on_socios: Vec<(usize, Option<&str>, &ImportProblemKind)> =
        result.problems.iter().filter(|p| p.sheet == "Socios").map(|p| (p.row, p.column.as_deref(), &p.kind)).collect();
    assert_eq!(on_socios[0], (4, Some("Alta"), &ImportProblemKind::ColumnNotImported { values: 2 }));
    assert_eq!(on_socios[1], (6, Some("Certificaciones"), &ImportProblemKind::ErrorValue { value: "#N/A".into() }));
    assert!(matches!(on_socios[2], (7, Some("Empleados"), ImportProblemKind::BadNumber { .. })), "{on_socios:#?}");
    // A TRUE in the certifications column is no certification: listed, not lost.
    assert!(matches!(on_socios[3], (7, Some("Certificaciones"), ImportProblemKind::Unmatched { .. })));
    assert_eq!(on_socios.len(), 4, "{on_socios:#?}");
    // The cover sheet's title rows are listed as a sheet not imported.
    assert!(result.problems.iter().any(|p| p.sheet == "Portada"));
    for problem in &result.problems {
        assert!(!problem.message(Lang::Es).is_empty() && !problem.message(Lang::En).is_empty());
    }
}

#[test]
fn every_csv_encoding_and_separator_imports_the_same_members() {
    let names = [
        "members-utf8-comma.csv",
        "members-utf8-bom-semicolon.csv",
        "members-windows-1252-semicolon.csv",
        "members-utf16le-tab.txt",
        "members-sep-hint.csv",
        "members-title-rows-tab.tsv",
    ];
    for name in names {
        let result = run(read(name));
        let members: Vec<(&str, Option<&str>, Option<u64>)> =
            result.directory.members.iter().map(|m| (m.name.as_str(), m.legal_name.as_deref(), m.employees)).collect();
        assert_eq!(
            members,
            [
                ("MetBajío", Some("Metalúrgica del Bajío, S.A. de C.V."), Some(120)),
                ("Ñandú", Some("Plásticos Ñandú"), Some(45)),
            ],
            "{name}"
        );
        assert_eq!(result.problems, [], "{name}");
        assert!(result.plan.workbooks[0].separator().is_some() && result.plan.workbooks[0].encoding().is_some());
    }
}

#[test]
fn date_serials_of_both_systems_read_from_xlsx() {
    let dates = |name: &str| -> Vec<Result<String, DateProblem>> {
        let workbook = read(name);
        workbook.sheets[0].rows[1..].iter().map(|row| cell_date(&row.cells[1]).map(|d| d.to_string())).collect()
    };
    assert_eq!(
        dates("dates-1900.xlsx"),
        [Ok("2024-01-01".into()), Err(DateProblem::PhantomLeapDay), Ok("1900-03-01".into())]
    );
    assert_eq!(dates("dates-1904.xlsx"), [Ok("2024-01-01".into()), Ok("1904-01-01".into()), Ok("1904-01-02".into())]);
}

#[test]
fn an_import_merged_into_the_published_directory_keeps_what_the_sheet_lacks() {
    let published_json = r#"{ "format": 1, "cluster": { "name": "Clúster" },
        "members": [ { "id": "acenor", "name": "Aceros del Norte", "pitch": { "es": "Acero.", "en": "Steel." },
                       "employees": 10, "contacts": [ { "id": "ana", "name": "Ana" } ] } ] }"#;
    let published = vitrina_core::load_directory(published_json.as_bytes()).expect("it loads").directory;
    let text = |s: &str| Cell::Text(s.into());
    let rows = vec![
        SheetRow { number: 1, cells: vec![text("Razón social"), text("Empleados"), text("Presentación_es")] },
        SheetRow { number: 2, cells: vec![text("Aceros del Norte, S.A. de C.V."), text("1,509"), text("Acero fino.")] },
        SheetRow { number: 3, cells: vec![text("Nueva Forja"), text("12"), Cell::Empty] },
    ];
    let workbook = Workbook {
        file_name: "socios.xlsx".into(),
        format: FileFormat::Xlsx,
        sheets: vec![Sheet { name: "Socios".into(), rows }],
    };
    let imported = import(&[workbook], &published, &Mapping::default(), &Decisions::default());
    assert_eq!(imported.problems, []);
    // The legal form is dropped when the id is looked up: the published member keeps its id.
    assert_eq!(imported.directory.members[0].id.as_str(), "acenor");
    let merged = merge(&published, &imported.directory, &imported.fields_in_sheets, &MergeOptions::default());
    let acenor = merged.directory.member("acenor").expect("kept");
    assert_eq!(acenor.employees, Some(1509));
    assert_eq!(
        acenor.pitch.as_ref().map(|p| (p.resolve("es", None).to_owned(), p.resolve("en", None).to_owned())),
        Some(("Acero fino.".into(), "Steel.".into()))
    );
    assert_eq!(acenor.contacts.len(), 1, "the sheet has no contact columns: the published contacts stay");
    assert_eq!(merged.summary.added.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>(), ["nueva-forja"]);
}
