//! What the parsing worker does with one request: read every file into a `Workbook`
//! (`read_file`, limits checked before parsing), import them with the saved mapping and
//! decisions, merge the result into the published directory, and describe it all for the page.
//! Plain Rust: no browser, tested natively.
//!
//! The worker keeps the last pick's workbooks and the last published directory it parsed, so a
//! column assigned by hand or a decision reads nothing again.

use std::cell::RefCell;

use crate::protocol::{
    decode_request, encode_reply, ChangeView, ColumnView, FileView, Localized, ProblemView, ReadView, Reply, Request,
    SheetView, SummaryView, UnmatchedView,
};
use vitrina_core::model::Directory;
use vitrina_core::Lang;
use vitrina_sheets::import::VocabularyKind;
use vitrina_sheets::{
    directory_json, field_label, import, merge, read_file, Column, Decision, FileFormat, Mapping, MergeOptions,
    ReadOptions, Separator, SheetKind, SourceEncoding, Target, Workbook,
};

/// Every select value a column can be given by hand, in the select's order: not used, then
/// every member field, a capability matrix column, and ignored.
pub fn assignable() -> impl Iterator<Item = &'static str> {
    Column::ALL.into_iter().map(Column::field).chain([TARGET_CAPABILITY, TARGET_IGNORE])
}

/// The select value of a capability matrix column.
pub const TARGET_CAPABILITY: &str = "capability";
/// The select value of a column left out on purpose.
pub const TARGET_IGNORE: &str = "ignore";

/// The mapping's target for a select value; `None` for "not used" or a value no column has.
pub fn target_from_value(value: &str) -> Option<Target> {
    match value {
        TARGET_CAPABILITY => Some(Target::Capability),
        TARGET_IGNORE => Some(Target::Ignore),
        field => Column::ALL.into_iter().find(|column| column.field() == field).map(Target::Column),
    }
}

fn value_of_target(target: Option<&Target>) -> String {
    match target {
        Some(Target::Column(column)) => column.field().to_string(),
        Some(Target::Capability) => TARGET_CAPABILITY.to_string(),
        Some(Target::Ignore) => TARGET_IGNORE.to_string(),
        None => String::new(),
    }
}

/// The decision for a choice of the unmatched list (`map:<id>`, `add`, `leave`).
pub fn decision_from_choice(choice: &str) -> Option<Decision> {
    match choice {
        "add" => Some(Decision::Add { group: None }),
        "leave" => Some(Decision::LeaveOut),
        _ => choice.strip_prefix("map:").map(|id| Decision::MapTo(id.to_string())),
    }
}

fn choice_of(decision: Option<&Decision>) -> String {
    match decision {
        Some(Decision::MapTo(id)) => format!("map:{id}"),
        Some(Decision::Add { .. }) => "add".into(),
        Some(Decision::LeaveOut) => "leave".into(),
        None => String::new(),
    }
}

struct Cache {
    files_key: Option<(u32, Option<char>, Vec<String>)>,
    workbooks: Vec<Result<Workbook, Localized>>,
    base_key: Vec<u8>,
    base: Option<Directory>,
}

thread_local! {
    static CACHE: RefCell<Cache> =
        const { RefCell::new(Cache { files_key: None, workbooks: Vec::new(), base_key: Vec::new(), base: None }) };
}

/// Answers a request frame with a reply's bytes; never panics on a frame it cannot read.
pub fn handle_frame(frame: &[u8]) -> Vec<u8> {
    let reply = match decode_request(frame) {
        Ok((request, published, files)) => Reply::Read(Box::new(read(&request, published, &files))),
        Err(error) => Reply::Failed(Localized {
            es: format!("La petición al lector no se pudo leer ({error:?})."),
            en: format!("The request to the reader could not be read ({error:?})."),
        }),
    };
    encode_reply(&reply)
}

/// Both languages of a message.
pub fn localized(message: impl Fn(Lang) -> String) -> Localized {
    Localized { es: message(Lang::Es), en: message(Lang::En) }
}

fn separator_from_char(character: char) -> Option<Separator> {
    match character {
        ',' => Some(Separator::Comma),
        ';' => Some(Separator::Semicolon),
        '\t' => Some(Separator::Tab),
        _ => None,
    }
}

fn is_text(name: &str) -> bool {
    let extension = name.rsplit_once('.').map(|(_, extension)| extension.to_ascii_lowercase()).unwrap_or_default();
    matches!(extension.as_str(), "csv" | "txt" | "tsv")
}

/// Reads every file of a request, imports and merges them, and describes the result.
pub fn read(request: &Request, published: &[u8], files: &[&[u8]]) -> ReadView {
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        let key = (request.files_version, request.separator, request.file_names.clone());
        if cache.files_key.as_ref() != Some(&key) || request.files_version == 0 {
            let options =
                ReadOptions { separator: request.separator.and_then(separator_from_char), ..ReadOptions::default() };
            cache.workbooks = request
                .file_names
                .iter()
                .zip(files)
                .map(|(name, bytes)| {
                    read_file(name, bytes, &options).map_err(|error| localized(|lang| error.message(lang)))
                })
                .collect();
            cache.files_key = Some(key);
        }
        if cache.base.is_none() || cache.base_key != published {
            cache.base = vitrina_core::load_directory(published).ok().map(|loaded| loaded.directory);
            cache.base_key = published.to_vec();
        }
        let base = cache.base.clone().unwrap_or_else(Directory::empty);
        view_of(request, &cache.workbooks, &base)
    })
}

fn view_of(request: &Request, workbooks: &[Result<Workbook, Localized>], base: &Directory) -> ReadView {
    let (mapping, mapping_error) = if request.mapping.trim().is_empty() {
        (Mapping::default(), None)
    } else {
        match Mapping::from_json(&request.mapping) {
            Ok(mapping) => (mapping, None),
            Err(error) => (Mapping::default(), Some(localized(|lang| error.message(lang)))),
        }
    };
    let read: Vec<Workbook> = workbooks.iter().filter_map(|workbook| workbook.as_ref().ok().cloned()).collect();
    let imported = import(&read, base, &mapping, &mapping.decisions);

    let mut planned = imported.plan.workbooks.iter();
    let files = request
        .file_names
        .iter()
        .zip(workbooks)
        .map(|(name, workbook)| match workbook {
            Err(error) => FileView {
                name: name.clone(),
                format: localized(|_| String::new()),
                // A CSV split on the wrong separator can be read again with another one.
                separator: is_text(name).then(|| request.separator.unwrap_or(',')),
                sheets: Vec::new(),
                error: Some(error.clone()),
            },
            Ok(workbook) => {
                let plan = planned.next();
                let sheets = plan
                    .map(|plan| {
                        plan.sheets
                            .iter()
                            .map(|sheet| SheetView {
                                name: sheet.name.clone(),
                                rows: sheet.rows,
                                role: sheet_role(sheet.kind),
                                is_members: sheet.kind == SheetKind::Members,
                                header_row: sheet.header.map(|header| header.number),
                                columns: sheet
                                    .columns
                                    .iter()
                                    .map(|column| ColumnView {
                                        header: column.header.clone(),
                                        target: value_of_target(column.target.as_ref()),
                                        by_hand: column.assigned,
                                        samples: column.samples.clone(),
                                    })
                                    .collect(),
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                FileView {
                    name: name.clone(),
                    format: format_label(&workbook.format),
                    separator: plan.and_then(|plan| plan.separator()).map(|separator| separator.byte() as char),
                    sheets,
                    error: None,
                }
            }
        })
        .collect();

    let problems = imported
        .problems
        .iter()
        .map(|problem| ProblemView {
            sheet: problem.sheet.clone(),
            row: problem.row,
            column: problem.column.clone().unwrap_or_default(),
            message: localized(|lang| problem.message(lang)),
        })
        .collect();

    let label_of = |certification: bool, id: &str| -> Localized {
        let text = if certification {
            imported.directory.certifications.iter().find(|entry| entry.id.as_str() == id).map(|entry| &entry.label)
        } else {
            imported.directory.capabilities.iter().find(|entry| entry.id.as_str() == id).map(|entry| &entry.label)
        };
        match text {
            Some(text) => localized(|lang| text.resolve(lang.tag(), Some("es")).to_string()),
            None => localized(|_| id.to_string()),
        }
    };
    let unmatched = imported
        .unmatched
        .iter()
        .map(|value| {
            let certification = value.vocabulary == VocabularyKind::Certifications;
            UnmatchedView {
                certification,
                value: value.value.clone(),
                folded: value.folded.clone(),
                count: value.count,
                closest: value
                    .closest
                    .iter()
                    .map(|id| (id.as_str().to_string(), label_of(certification, id.as_str())))
                    .collect(),
                choice: choice_of(value.decision.as_ref()),
            }
        })
        .collect();

    let has_members =
        imported.plan.workbooks.iter().flat_map(|plan| &plan.sheets).any(|sheet| sheet.kind == SheetKind::Members);
    let (summary, json) = if has_members {
        let merged = merge(
            base,
            &imported.directory,
            &imported.fields_in_sheets,
            &MergeOptions { remove_missing: request.remove_missing },
        );
        let summary = &merged.summary;
        let view = SummaryView {
            headline: localized(|lang| summary.lines(lang).into_iter().next().unwrap_or_default()),
            added: summary.added.iter().map(|(id, name)| (id.as_str().to_string(), name.clone())).collect(),
            changed: summary
                .changed
                .iter()
                .map(|change| ChangeView {
                    id: change.id.as_str().to_string(),
                    name: change.name.clone(),
                    fields: change
                        .fields
                        .iter()
                        .map(|field| {
                            (
                                localized(|lang| field_label(&field.field, lang)),
                                field.before.clone(),
                                field.after.clone(),
                            )
                        })
                        .collect(),
                })
                .collect(),
            missing: summary.missing.iter().map(|(id, name)| (id.as_str().to_string(), name.clone())).collect(),
            removed: summary.removed,
        };
        (Some(view), directory_json(&merged.directory))
    } else {
        (None, String::new())
    };

    ReadView {
        files,
        problems,
        directory_json: json,
        unmatched,
        members_read: imported.directory.members.len(),
        summary,
        mapping: mapping.to_json(),
        mapping_error,
    }
}

fn sheet_role(kind: SheetKind) -> Localized {
    let (es, en) = match kind {
        SheetKind::Members => ("Socios", "Members"),
        SheetKind::Contacts => ("Contactos", "Contacts"),
        SheetKind::Certifications => ("Certificaciones", "Certifications"),
        SheetKind::CapabilityMatrix => ("Matriz de capacidades", "Capability matrix"),
        SheetKind::Unknown => ("No se usa", "Not used"),
    };
    Localized { es: es.into(), en: en.into() }
}

fn format_label(format: &FileFormat) -> Localized {
    match format {
        FileFormat::Xlsx => localized(|_| "Excel (.xlsx)".into()),
        FileFormat::Ods => localized(|_| "OpenDocument (.ods)".into()),
        FileFormat::Csv { encoding, replaced, .. } => {
            let encoding = match encoding {
                SourceEncoding::Utf8 => "UTF-8",
                SourceEncoding::Utf8Bom => "UTF-8 (BOM)",
                SourceEncoding::Utf16Le => "UTF-16LE",
                SourceEncoding::Utf16Be => "UTF-16BE",
                SourceEncoding::Windows1252 => "Windows-1252",
            };
            let replaced_es = if *replaced { "; algunos caracteres no se pudieron leer" } else { "" };
            let replaced_en = if *replaced { "; some characters could not be read" } else { "" };
            Localized { es: format!("CSV, {encoding}{replaced_es}"), en: format!("CSV, {encoding}{replaced_en}") }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{decode_reply, encode_request};

    const SAMPLE: &str = include_str!("../../../data/directory.json");

    fn read_one(name: &str, bytes: &[u8], request: Request) -> ReadView {
        read_into(name, bytes, request, b"")
    }

    fn read_into(name: &str, bytes: &[u8], request: Request, published: &[u8]) -> ReadView {
        let request = Request { file_names: vec![name.into()], ..request };
        match decode_reply(&handle_frame(&encode_request(&request, published, &[bytes]))) {
            Some(Reply::Read(view)) => *view,
            other => panic!("not a read: {other:?}"),
        }
    }

    const CSV: &str = "Directorio 2026;;\nRazón social;Ciudad;Color favorito\nAceros Ficticios SA;Chihuahua;azul\n";

    #[test]
    fn a_csv_is_planned_column_by_column_below_its_title_rows() {
        let view = read_one("socios.csv", CSV.as_bytes(), Request::default());
        let file = &view.files[0];
        assert_eq!(file.separator, Some(';'));
        let sheet = &file.sheets[0];
        assert!(sheet.is_members);
        assert_eq!(sheet.header_row, Some(2));
        let targets: Vec<&str> = sheet.columns.iter().map(|column| column.target.as_str()).collect();
        assert_eq!(targets, ["legal_name", "location.city", ""]);
        assert_eq!(sheet.columns[2].samples, ["azul"]);
        assert_eq!(view.members_read, 1);
    }

    #[test]
    fn a_column_assigned_by_hand_takes_its_field() {
        let mut mapping = Mapping::default();
        mapping.assign("Color favorito", Target::Column(Column::Pitch));
        let request = Request { mapping: mapping.to_json(), ..Request::default() };
        let view = read_one("socios.csv", CSV.as_bytes(), request);
        let column = &view.files[0].sheets[0].columns[2];
        assert_eq!((column.target.as_str(), column.by_hand), ("pitch", true));
    }

    #[test]
    fn the_merge_into_the_sample_adds_the_new_member_and_keeps_the_missing_ones() {
        let view = read_into("socios.csv", CSV.as_bytes(), Request::default(), SAMPLE.as_bytes());
        let summary = view.summary.expect("a members sheet");
        assert_eq!(summary.added.len(), 1);
        assert!(!summary.missing.is_empty() && !summary.removed);
        let merged = vitrina_core::load_directory(view.directory_json.as_bytes()).expect("directory.json loads");
        let sample = vitrina_core::load_directory(SAMPLE.as_bytes()).expect("the sample loads");
        assert_eq!(merged.directory.members.len(), sample.directory.members.len() + 1);

        let removing = Request { remove_missing: true, ..Request::default() };
        let view = read_into("socios.csv", CSV.as_bytes(), removing, SAMPLE.as_bytes());
        let merged = vitrina_core::load_directory(view.directory_json.as_bytes()).expect("directory.json loads");
        assert_eq!(merged.directory.members.len(), 1);
    }

    #[test]
    fn a_file_that_is_not_a_sheet_is_named_and_the_others_still_read() {
        let request = Request { file_names: vec!["foto.png".into(), "s.csv".into()], ..Request::default() };
        let frame = encode_request(&request, b"", &[b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", b"Nombre,Ciudad\nA,B\n"]);
        let Some(Reply::Read(view)) = decode_reply(&handle_frame(&frame)) else { panic!("not a read") };
        assert!(view.files[0].error.is_some());
        assert!(view.files[1].error.is_none());
        assert_eq!(view.members_read, 1);
    }

    #[test]
    fn a_bad_saved_mapping_is_reported_and_the_import_goes_on_without_it() {
        let view = read_one(
            "socios.csv",
            CSV.as_bytes(),
            Request { mapping: "{\"columns\": 3}".into(), ..Request::default() },
        );
        assert!(view.mapping_error.is_some());
        assert_eq!(view.members_read, 1);
    }

    #[test]
    fn every_select_value_goes_back_to_its_target() {
        for value in assignable() {
            let target = target_from_value(value).expect(value);
            assert_eq!(value_of_target(Some(&target)), value);
        }
        assert_eq!(target_from_value(""), None);
        for choice in ["add", "leave", "map:stamping"] {
            assert_eq!(choice_of(decision_from_choice(choice).as_ref()), choice);
        }
    }

    #[test]
    fn a_bad_frame_is_a_failure_not_a_panic() {
        assert!(matches!(decode_reply(&handle_frame(&[9, 9])), Some(Reply::Failed(_))));
    }
}
