//! What the parsing worker does with one request: read every file into a `Workbook`, plan the
//! import, and describe the result for the page. Plain Rust: no browser, tested natively.

use crate::protocol::{
    decode_request, encode_reply, ColumnView, FileView, Localized, ReadView, Reply, Request, SheetView,
};
use vitrina_core::Lang;
use vitrina_sheets::{find_header, read_csv, recognise, Column, FileFormat, Row, Separator, SourceEncoding, Workbook};

/// How many values of an unknown column the plan shows, to help assign it by hand.
pub const SAMPLES_SHOWN: usize = 3;

/// Every field a column can be assigned to by hand, in the order of the select.
pub const ASSIGNABLE: [Column; 16] = [
    Column::LegalName,
    Column::Name,
    Column::Kind,
    Column::City,
    Column::State,
    Column::Capabilities,
    Column::Certifications,
    Column::Employees,
    Column::InvestmentMusd,
    Column::ContactName,
    Column::ContactRole,
    Column::ContactEmail,
    Column::ContactPhone,
    Column::ContactWhatsapp,
    Column::Website,
    Column::Pitch,
];

/// Answers a request frame with a reply's bytes; never panics on a frame it cannot read.
pub fn handle_frame(frame: &[u8]) -> Vec<u8> {
    let reply = match decode_request(frame) {
        Ok((request, files)) => Reply::Read(read(&request, &files)),
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

/// Reads every file of a request and describes what the import would make of them.
pub fn read(request: &Request, files: &[&[u8]]) -> ReadView {
    let separator = request.separator.and_then(separator_from_char);
    let mut view = ReadView::default();
    for (name, bytes) in request.file_names.iter().zip(files) {
        match read_workbook(name, bytes, separator) {
            Ok(workbook) => view.files.push(file_view(&workbook, request)),
            Err(error) => view.files.push(FileView {
                name: name.clone(),
                format: localized(|_| String::new()),
                separator: None,
                sheets: Vec::new(),
                error: Some(error),
            }),
        }
    }
    view
}

/// One file into a workbook, by its name's extension.
fn read_workbook(name: &str, bytes: &[u8], separator: Option<Separator>) -> Result<Workbook, Localized> {
    let extension = name.rsplit_once('.').map(|(_, extension)| extension.to_ascii_lowercase()).unwrap_or_default();
    match extension.as_str() {
        "csv" | "txt" | "tsv" => {
            let sheet = read_csv(bytes, separator).map_err(|error| localized(|lang| error.message(lang)))?;
            Ok(Workbook::from_csv(name, sheet.encoding, sheet.replaced, sheet.rows))
        }
        _ => Err(localized(|lang| {
            lang.pick(
                format!("«{name}» no es una hoja de cálculo que se pueda leer (.xlsx, .ods o .csv)."),
                format!("“{name}” is not a spreadsheet that can be read (.xlsx, .ods or .csv)."),
            )
        })),
    }
}

fn separator_from_char(character: char) -> Option<Separator> {
    match character {
        ',' => Some(Separator::Comma),
        ';' => Some(Separator::Semicolon),
        '\t' => Some(Separator::Tab),
        _ => None,
    }
}

fn separator_char(separator: Separator) -> char {
    separator.byte() as char
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

/// The plan for each sheet of a workbook: its header row and each column's field.
fn file_view(workbook: &Workbook, request: &Request) -> FileView {
    let separator = match workbook.format {
        FileFormat::Csv { separator, .. } => Some(separator_char(separator)),
        _ => None,
    };
    let mut members_found = false;
    let sheets = workbook
        .sheets
        .iter()
        .map(|sheet| {
            let rows: Vec<Row> = sheet
                .rows
                .iter()
                .map(|row| Row {
                    number: row.number,
                    cells: row.cells.iter().map(|cell| cell.text().into_owned()).collect(),
                })
                .collect();
            let header = find_header(&rows);
            let columns = header
                .as_ref()
                .map(|header| {
                    rows[header.index]
                        .cells
                        .iter()
                        .enumerate()
                        .map(|(index, text)| {
                            let by_hand = request
                                .assignments
                                .iter()
                                .find(|assignment| assignment.sheet == sheet.name && assignment.header == *text);
                            let field = match by_hand {
                                Some(assignment) => assignment.field.clone(),
                                None => recognise(text).map(|cell| cell.column.field().to_string()).unwrap_or_default(),
                            };
                            let samples = rows[header.index + 1..]
                                .iter()
                                .filter_map(|row| row.cells.get(index).filter(|cell| !cell.trim().is_empty()).cloned())
                                .take(SAMPLES_SHOWN)
                                .collect();
                            ColumnView { header: text.clone(), field, by_hand: by_hand.is_some(), samples }
                        })
                        .collect()
                })
                .unwrap_or_default();
            let is_members = header.is_some() && !members_found;
            members_found |= is_members;
            SheetView {
                name: sheet.name.clone(),
                rows: sheet.rows.len(),
                role: if is_members {
                    localized(|lang| lang.pick("Socios", "Members").into())
                } else {
                    localized(|lang| lang.pick("No se usa", "Not used").into())
                },
                is_members,
                header_row: header.map(|header| header.number),
                columns,
            }
        })
        .collect();
    FileView {
        name: workbook.file_name.clone(),
        format: format_label(&workbook.format),
        separator,
        sheets,
        error: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{decode_reply, encode_request, Assignment};

    fn read_one(name: &str, bytes: &[u8], request: Request) -> ReadView {
        let request = Request { file_names: vec![name.into()], ..request };
        match decode_reply(&handle_frame(&encode_request(&request, &[bytes]))) {
            Some(Reply::Read(view)) => view,
            other => panic!("not a read: {other:?}"),
        }
    }

    #[test]
    fn a_csv_is_planned_column_by_column_below_its_title_rows() {
        let csv = "Directorio 2026;;\nRazón social;Ciudad;Color favorito\nAceros SA;Chihuahua;azul\n";
        let view = read_one("socios.csv", csv.as_bytes(), Request::default());
        let file = &view.files[0];
        assert_eq!(file.separator, Some(';'));
        let sheet = &file.sheets[0];
        assert!(sheet.is_members);
        assert_eq!(sheet.header_row, Some(2));
        let fields: Vec<&str> = sheet.columns.iter().map(|column| column.field.as_str()).collect();
        assert_eq!(fields, ["legal_name", "location.city", ""]);
        assert_eq!(sheet.columns[2].samples, ["azul"]);
    }

    #[test]
    fn a_column_assigned_by_hand_takes_its_field() {
        let csv = "Razón social,Ciudad,Giro\nAceros SA,Chihuahua,Troquelado\n";
        let assignments =
            vec![Assignment { sheet: "socios".into(), header: "Giro".into(), field: "capabilities".into() }];
        let view = read_one("socios.csv", csv.as_bytes(), Request { assignments, ..Request::default() });
        let column = &view.files[0].sheets[0].columns[2];
        assert_eq!((column.field.as_str(), column.by_hand), ("capabilities", true));
    }

    #[test]
    fn a_file_that_is_not_a_sheet_is_named_and_the_others_still_read() {
        let request = Request { file_names: vec!["foto.png".into(), "s.csv".into()], ..Request::default() };
        let frame = encode_request(&request, &[b"\x89PNG", b"Nombre,Ciudad\nA,B\n"]);
        let Some(Reply::Read(view)) = decode_reply(&handle_frame(&frame)) else { panic!("not a read") };
        assert!(view.files[0].error.as_ref().is_some_and(|error| error.es.contains("foto.png")));
        assert!(view.files[1].error.is_none());
    }

    #[test]
    fn a_bad_frame_is_a_failure_not_a_panic() {
        assert!(matches!(decode_reply(&handle_frame(&[9, 9])), Some(Reply::Failed(_))));
    }
}
