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
