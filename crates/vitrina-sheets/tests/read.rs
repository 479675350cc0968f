//! `read_file` on the fixture files of tests/fixtures/sheets/ (made by make-fixtures.py there):
//! each fixture reads as the sheets and cells it holds, or fails with the error it is for.

use proptest::prelude::*;
use std::io::{Cursor, Write};
use std::path::PathBuf;
use vitrina_core::Lang;
use vitrina_sheets::*;

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/sheets")
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixtures_dir().join(name)).unwrap_or_else(|error| panic!("fixture {name}: {error}"))
}

fn read(name: &str) -> Result<Workbook, SheetError> {
    read_file(name, &fixture(name), &ReadOptions::default())
}

fn read_ok(name: &str) -> Workbook {
    read(name).unwrap_or_else(|error| panic!("{name}: {error}"))
}

fn text(value: &str) -> Cell {
    Cell::Text(value.to_string())
}

/// A sheet's rows as (row number, cells), for comparing whole sheets at once.
fn rows(sheet: &Sheet) -> Vec<(usize, Vec<Cell>)> {
    sheet.rows.iter().map(|row| (row.number, row.cells.clone())).collect()
}

fn sheet_names(workbook: &Workbook) -> Vec<&str> {
    workbook.sheets.iter().map(|sheet| sheet.name.as_str()).collect()
}

const FIXTURES_WITH_A_TEST: &[&str] = &[
    "members-second-sheet.xlsx",
    "dates-1900.xlsx",
    "dates-1904.xlsx",
    "stray-far-value.xlsx",
    "stray-far-formatting.xlsx",
    "bomb-lying-size.xlsx",
    "bomb-declared-size.xlsx",
    "truncated.xlsx",
    "repeated-empty.ods",
    "far-value.ods",
    "encrypted.xlsx",
    "encrypted.ods",
    "legacy.xls",
    "pdf-renamed.xlsx",
    "png-renamed.xlsx",
    "html-export.xls",
    "random-bytes.csv",
    "members-utf8-comma.csv",
    "members-utf8-bom-semicolon.csv",
    "members-windows-1252-semicolon.csv",
    "members-utf16le-tab.txt",
    "members-sep-hint.csv",
    "members-title-rows-tab.tsv",
];

#[test]
fn every_fixture_has_a_test_and_every_named_fixture_exists() {
    let mut on_disk: Vec<String> = std::fs::read_dir(fixtures_dir())
        .expect("fixtures folder")
        .map(|entry| entry.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name != "make-fixtures.py")
        .collect();
    on_disk.sort();
    let mut named: Vec<String> = FIXTURES_WITH_A_TEST.iter().map(|name| name.to_string()).collect();
    named.sort();
    assert_eq!(on_disk, named);
}

#[test]
fn xlsx_members_on_the_second_sheet_below_title_rows() {
    let workbook = read_ok("members-second-sheet.xlsx");
    assert_eq!(workbook.format, FileFormat::Xlsx);
    assert_eq!(workbook.file_name, "members-second-sheet.xlsx");
    // Tab order, the hidden sheet too.
    assert_eq!(sheet_names(&workbook), ["Portada", "Socios", "Listas"]);
    let date = |serial| Cell::Date { serial, system: DateSystem::Excel1900 };
    let socios = workbook.sheet("socios").expect("Socios");
    assert_eq!(
        rows(socios),
        vec![
            (1, vec![text("Directorio de socios")]),
            (
                2,
                vec![
                    text("Actualizado por Ana Pérez"),
                    Cell::Empty,
                    Cell::Empty,
                    Cell::Empty,
                    Cell::Empty,
                    Cell::Empty,
                    date(45397.0)
                ]
            ),
            (
                4,
                [
                    "Razón social",
                    "Nombre comercial",
                    "Nivel",
                    "Ciudad",
                    "Estado",
                    "Empleados",
                    "Alta",
                    "Certificaciones"
                ]
                .map(text)
                .to_vec()
            ),
            (
                5,
                vec![
                    text("Metalúrgica del Bajío, S.A. de C.V."),
                    text("MetBajío"),
                    text("Tier 2"),
                    text("Querétaro"),
                    text("Querétaro"),
                    Cell::Number(120.0),
                    date(44927.0),
                    text("IATF 16949; ISO 9001"),
                ]
            ),
            (
                6,
                vec![
                    text("Plásticos Ñandú S. de R.L."),
                    text("Ñandú"),
                    text("Tier 1"),
                    text("León"),
                    text("Guanajuato"),
                    // A formula's cached value; the formula is not evaluated.
                    Cell::Number(45.0),
                    date(45000.5),
                    Cell::Error("#N/A".into()),
                ]
            ),
            (
                7,
                vec![
                    text("Servicios Lógicos"),
                    text("Lógicos"),
                    text("Servicios"),
                    text("San Juan del Río"),
                    text("Querétaro"),
                    Cell::Number(7.5),
                    Cell::Empty,
                    Cell::Bool(true),
                ]
            ),
        ]
    );
    let hidden = workbook.sheet("Listas").expect("hidden sheet");
    assert_eq!(hidden.rows.len(), 4);
}

#[test]
fn xlsx_dates_keep_their_serial_and_the_workbooks_date_system() {
    let dates = |name: &str| -> Vec<Cell> {
        let workbook = read_ok(name);
        workbook.sheets[0].rows[1..].iter().map(|row| row.cells[1].clone()).collect()
    };
    let in_1900 = |serial| Cell::Date { serial, system: DateSystem::Excel1900 };
    let in_1904 = |serial| Cell::Date { serial, system: DateSystem::Excel1904 };
    assert_eq!(dates("dates-1900.xlsx"), vec![in_1900(45292.0), in_1900(60.0), in_1900(61.0)]);
    assert_eq!(dates("dates-1904.xlsx"), vec![in_1904(43830.0), in_1904(0.0), in_1904(1.25)]);
}

#[test]
fn xlsx_a_stray_value_in_the_last_cell_is_a_limit_error_naming_sheet_and_cell() {
    // Reading it densely would allocate 1 048 576 × 16 384 cells; this must fail fast instead.
    assert_eq!(
        read("stray-far-value.xlsx"),
        Err(SheetError::TooManyRows {
            file_name: "stray-far-value.xlsx".into(),
            sheet: "Socios".into(),
            cell: "XFD1048576".into(),
            max_rows: 100_000,
        })
    );
}

#[test]
fn xlsx_a_stray_formatted_empty_cell_in_the_last_cell_is_ignored() {
    let workbook = read_ok("stray-far-formatting.xlsx");
    assert_eq!(
        rows(&workbook.sheets[0]),
        vec![
            (1, vec![text("Razón social"), text("Ciudad")]),
            (2, vec![text("Metalúrgica del Bajío"), text("Querétaro")])
        ]
    );
}

#[test]
fn zip_bomb_whose_declared_size_lies_is_refused_at_its_declared_size() {
    let expected = Err(SheetError::InflatesTooLarge {
        file_name: "bomb-lying-size.xlsx".into(),
        part: "xl/worksheets/sheet1.xml".into(),
        declared_bytes: 2048,
    });
    // Whatever the limit: the part declares 2 KB and unpacks to 3 MB.
    for max_uncompressed_bytes in [1_000_000, 200_000_000] {
        let options =
            ReadOptions { limits: Limits { max_uncompressed_bytes, ..Limits::default() }, ..ReadOptions::default() };
        assert_eq!(read_file("bomb-lying-size.xlsx", &fixture("bomb-lying-size.xlsx"), &options), expected);
    }
}

#[test]
fn zip_bomb_declaring_a_huge_size_is_refused_before_unpacking() {
    let Err(SheetError::DeclaredTooLarge { file_name, declared_bytes, max_bytes }) = read("bomb-declared-size.xlsx")
    else {
        panic!("expected DeclaredTooLarge");
    };
    assert_eq!(file_name, "bomb-declared-size.xlsx");
    assert_eq!(max_bytes, 200_000_000);
    assert!(declared_bytes >= 0xFFFF_FFF0, "{declared_bytes}");
}

/// Found by `workbooks_with_mangled_xml_never_panic` as a hang: inside a cell's comment every
/// event was skipped, the end of the file too, so a file cut off inside a comment was read
/// forever.
#[test]
fn an_ods_cut_off_inside_a_cell_comment_is_damaged() {
    let mut parts = parts_of(&fixture("repeated-empty.ods"));
    let content = parts.iter_mut().find(|(name, _)| name == "content.xml").expect("content.xml");
    let cell = content.1.find("<table:table-cell").expect("a cell");
    let cell_end = cell + content.1[cell..].find('>').expect("its start tag ends");
    content.1.truncate(cell_end + 1);
    content.1.push_str("<office:annotation><text:p>Llamar en enero");
    let borrowed: Vec<(&str, &str)> = parts.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    let result = read_file("cortado.ods", &zip_of(&borrowed), &ReadOptions::default());
    assert!(matches!(result, Err(SheetError::Damaged { .. })), "{result:?}");
}

#[test]
fn an_xlsx_whose_xml_is_broken_or_whose_sheet_is_missing_is_damaged() {
    let broken = zip_of(&[("xl/workbook.xml", "<workbook><sheets><sheet name=")]);
    assert!(matches!(read_file("b.xlsx", &broken, &ReadOptions::default()), Err(SheetError::Damaged { .. })));
    // The workbook points at a worksheet part that is not there.
    let parts = xlsx_parts(&[("Socios", &sheet_xml([]))]);
    let without_sheet: Vec<(&str, &str)> =
        parts.iter().filter(|(name, _)| !name.contains("worksheets/")).map(|(n, t)| (n.as_str(), t.as_str())).collect();
    let result = read_file("m.xlsx", &zip_of(&without_sheet), &ReadOptions::default());
    assert!(matches!(result, Err(SheetError::Damaged { .. })), "{result:?}");
}

#[test]
fn an_xlsx_whose_declared_dimension_is_reversed_is_read_by_its_cells() {
    // Found by the bit-flip test in CI: "B2:A1" made calamine subtract past zero.
    let xml = sheet_xml([r#"<row r="1"><c r="A1" t="inlineStr"><is><t>Razón social</t></is></c></row>"#.to_string()])
        .replace("<sheetData>", r#"<dimension ref="B2:A1"/><sheetData>"#);
    let workbook = read_file("r.xlsx", &xlsx_of(&[("Socios", &xml)]), &ReadOptions::default()).expect("readable");
    assert_eq!(rows(&workbook.sheets[0]), vec![(1, vec![text("Razón social")])]);
}

#[test]
fn an_xlsb_is_asked_to_be_saved_as_xlsx() {
    let xlsb = zip_of(&[("[Content_Types].xml", "<Types/>"), ("xl/workbook.bin", "\u{1}")]);
    assert_eq!(
        read_file("b.xlsb", &xlsb, &ReadOptions::default()),
        Err(SheetError::Xlsb { file_name: "b.xlsb".into() })
    );
}

#[test]
fn truncated_xlsx_is_damaged() {
    assert!(
        matches!(read("truncated.xlsx"), Err(SheetError::Damaged { file_name, .. }) if file_name == "truncated.xlsx")
    );
}

#[test]
fn ods_repeated_empty_rows_and_cells_cost_nothing_and_values_keep_their_types() {
    let workbook = read_ok("repeated-empty.ods");
    assert_eq!(workbook.format, FileFormat::Ods);
    assert_eq!(sheet_names(&workbook), ["Portada", "Socios", "Listas"]);
    assert_eq!(rows(&workbook.sheets[0]), vec![(1, vec![text("Mapeo de capacidades 2024")])]);
    let header = ["Razón social", "Ciudad", "Empleados", "Alta", "Activa", "Participación", "Notas"];
    assert_eq!(
        rows(&workbook.sheets[1]),
        vec![
            (1, vec![text("Directorio de socios")]),
            (3, header.map(text).to_vec()),
            (
                4,
                vec![
                    text("Metalúrgica del Bajío, S.A. de C.V."),
                    text("Querétaro"),
                    Cell::Number(120.0),
                    Cell::IsoDate("2023-01-01".into()),
                    Cell::Bool(true),
                    Cell::Number(0.25),
                    // Two paragraphs, `text:s` spaces, an entity; the comment left out.
                    text("Línea uno  con espacios\nLínea & dos"),
                ]
            ),
            (
                7,
                vec![
                    text("Plásticos Ñandú"),
                    Cell::Empty,
                    Cell::Number(45.0),
                    Cell::Error("#DIV/0!".into()),
                    text("x"),
                    text("x"),
                    text("x"),
                ]
            ),
        ]
    );
    assert_eq!(rows(&workbook.sheets[2]), vec![(1, vec![text("Tier 1")])]);
}

#[test]
fn ods_a_value_past_the_row_limit_is_a_limit_error() {
    assert_eq!(
        read("far-value.ods"),
        Err(SheetError::TooManyRows {
            file_name: "far-value.ods".into(),
            sheet: "Socios".into(),
            cell: "C200000".into(),
            max_rows: 100_000,
        })
    );
}

#[test]
fn compound_files_are_named_encrypted_or_legacy() {
    assert_eq!(read("encrypted.xlsx"), Err(SheetError::Encrypted { file_name: "encrypted.xlsx".into() }));
    assert_eq!(read("encrypted.ods"), Err(SheetError::Encrypted { file_name: "encrypted.ods".into() }));
    assert_eq!(read("legacy.xls"), Err(SheetError::LegacyXls { file_name: "legacy.xls".into() }));
}

#[test]
fn a_compound_file_that_only_mentions_a_workbook_in_its_text_is_another_office_document() {
    let utf16 = |text: &str| -> Vec<u8> { text.encode_utf16().flat_map(u16::to_le_bytes).collect() };
    let bytes =
        [&b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"[..], &[0; 504], &utf16("WordDocument\0"), &utf16("Workbook y Book")]
            .concat();
    assert_eq!(
        read_file("acta.doc", &bytes, &ReadOptions::default()),
        Err(SheetError::NotASpreadsheet { file_name: "acta.doc".into(), looks_like: LooksLike::OldOfficeDocument })
    );
}

#[test]
fn files_that_are_not_spreadsheets_say_what_they_look_like() {
    let looks_like = |name: &str| match read(name) {
        Err(SheetError::NotASpreadsheet { looks_like, .. }) => looks_like,
        other => panic!("{name}: {other:?}"),
    };
    assert_eq!(looks_like("pdf-renamed.xlsx"), LooksLike::Pdf);
    assert_eq!(looks_like("png-renamed.xlsx"), LooksLike::Image);
    assert_eq!(looks_like("html-export.xls"), LooksLike::Html);
    assert_eq!(looks_like("random-bytes.csv"), LooksLike::Binary);
}

#[test]
fn a_zip_that_is_a_word_document_or_another_archive_is_not_a_spreadsheet() {
    let word = zip_of(&[("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")]);
    let other = zip_of(&[("notes.txt", "hola")]);
    let looks_like = |bytes: &[u8]| match read_file("x.xlsx", bytes, &ReadOptions::default()) {
        Err(SheetError::NotASpreadsheet { looks_like, .. }) => looks_like,
        other => panic!("{other:?}"),
    };
    assert_eq!(looks_like(&word), LooksLike::TextDocument);
    assert_eq!(looks_like(&other), LooksLike::Archive);
}

const CSV_ROWS: [[&str; 5]; 3] = [
    ["Razón social", "Nombre comercial", "Ciudad", "Estado", "Empleados"],
    ["Metalúrgica del Bajío, S.A. de C.V.", "MetBajío", "Querétaro", "Querétaro", "120"],
    ["Plásticos Ñandú", "Ñandú", "León", "Guanajuato", "45"],
];

#[test]
fn csv_in_every_encoding_and_separator_excel_writes() {
    let cases = [
        ("members-utf8-comma.csv", SourceEncoding::Utf8, Separator::Comma, 1),
        ("members-utf8-bom-semicolon.csv", SourceEncoding::Utf8Bom, Separator::Semicolon, 1),
        ("members-windows-1252-semicolon.csv", SourceEncoding::Windows1252, Separator::Semicolon, 1),
        ("members-utf16le-tab.txt", SourceEncoding::Utf16Le, Separator::Tab, 1),
        // The `sep=;` line is not a row.
        ("members-sep-hint.csv", SourceEncoding::Windows1252, Separator::Semicolon, 1),
    ];
    for (name, encoding, separator, first_row) in cases {
        let workbook = read_ok(name);
        assert_eq!(workbook.format, FileFormat::Csv { encoding, separator, replaced: false }, "{name}");
        assert_eq!(workbook.sheets.len(), 1);
        assert_eq!(workbook.sheets[0].name, name.rsplit_once('.').unwrap().0);
        let expected: Vec<(usize, Vec<Cell>)> =
            CSV_ROWS.iter().enumerate().map(|(i, row)| (first_row + i, row.map(text).to_vec())).collect();
        assert_eq!(rows(&workbook.sheets[0]), expected, "{name}");
    }
}

#[test]
fn csv_in_utf16_big_endian_and_without_a_byte_order_mark() {
    let content = "Razón social\tCiudad\r\nÑandú\tLeón\r\n";
    let with_bom: Vec<u8> = [0xFE, 0xFF].into_iter().chain(content.encode_utf16().flat_map(u16::to_be_bytes)).collect();
    let without_bom: Vec<u8> = content.encode_utf16().flat_map(u16::to_le_bytes).collect();
    for (bytes, encoding) in [(with_bom, SourceEncoding::Utf16Be), (without_bom, SourceEncoding::Utf16Le)] {
        let workbook = read_file("u.txt", &bytes, &ReadOptions::default()).expect("reads");
        assert_eq!(workbook.format, FileFormat::Csv { encoding, separator: Separator::Tab, replaced: false });
        assert_eq!(workbook.sheets[0].rows[1].cells, [text("Ñandú"), text("León")]);
    }
}

#[test]
fn csv_title_rows_keep_their_spreadsheet_row_numbers() {
    let workbook = read_ok("members-title-rows-tab.tsv");
    let numbers: Vec<usize> = workbook.sheets[0].rows.iter().map(|row| row.number).collect();
    assert_eq!(numbers, [1, 3, 4, 5]);
    assert_eq!(workbook.sheets[0].rows[0].cells, [text("Directorio de socios 2024")]);
}

#[test]
fn csv_separator_can_be_overridden() {
    let options = ReadOptions { separator: Some(Separator::Comma), ..ReadOptions::default() };
    let workbook = read_file("x.csv", b"a;b,c\n", &options).expect("reads");
    assert_eq!(workbook.sheets[0].rows[0].cells, [text("a;b"), text("c")]);
}

#[test]
fn csv_limits_apply_to_rows_columns_and_file_size() {
    let limits = Limits { max_rows: 3, max_columns: 2, max_file_bytes: 100, ..Limits::default() };
    let options = ReadOptions { limits, ..ReadOptions::default() };
    let err = |bytes: &[u8]| read_file("s.csv", bytes, &options).expect_err("limit");
    assert_eq!(
        err(b"a,b\nc,d\ne,f\ng,h\n"),
        SheetError::TooManyRows { file_name: "s.csv".into(), sheet: "s".into(), cell: "B4".into(), max_rows: 3 }
    );
    assert_eq!(
        err(b"a,b,c\n"),
        SheetError::TooManyColumns { file_name: "s.csv".into(), sheet: "s".into(), cell: "C1".into(), max_columns: 2 }
    );
    assert_eq!(err(&[b'a'; 101]), SheetError::FileTooLarge { file_name: "s.csv".into(), bytes: 101, max_bytes: 100 });
    // Empty trailing cells and blank rows past the limits are what exports leave: not errors.
    let workbook = read_file("s.csv", b"a,b,,,\nc,d\n\n\n\n,,\n", &options).expect("blank tails are fine");
    assert_eq!(rows(&workbook.sheets[0]), vec![(1, vec![text("a"), text("b")]), (2, vec![text("c"), text("d")])]);
}

#[test]
fn xlsx_limits_apply_to_rows_and_columns() {
    let sheet = sheet_xml(
        (1..=5).map(|row| format!(r#"<row r="{row}"><c r="A{row}" t="inlineStr"><is><t>v</t></is></c></row>"#)),
    );
    let bytes = xlsx_of(&[("Hoja1", &sheet)]);
    let options = ReadOptions { limits: Limits { max_rows: 4, ..Limits::default() }, ..ReadOptions::default() };
    assert!(matches!(
        read_file("l.xlsx", &bytes, &options),
        Err(SheetError::TooManyRows { cell, sheet, .. }) if cell == "A5" && sheet == "Hoja1"
    ));
    let wide = sheet_xml([r#"<row r="1"><c r="KO1"><v>1</v></c></row>"#.to_string()]);
    assert!(matches!(
        read_file("w.xlsx", &xlsx_of(&[("Hoja1", &wide)]), &ReadOptions::default()),
        Err(SheetError::TooManyColumns { cell, max_columns: 300, .. }) if cell == "KO1"
    ));
}

#[test]
fn ods_repeats_cannot_multiply_a_tiny_file_into_millions_of_values() {
    // 300 columns × 100 000 rows of "x" in a few hundred bytes: within rows and columns, past
    // the values limit, and refused before the rows are expanded.
    let content = r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Hoja1"><table:table-row table:number-rows-repeated="100000"><table:table-cell table:number-columns-repeated="300" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#;
    let bytes = zip_of(&[("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", content)]);
    assert_eq!(
        read_file("rep.ods", &bytes, &ReadOptions::default()),
        Err(SheetError::TooManyCells {
            file_name: "rep.ods".into(),
            sheet: "Hoja1".into(),
            cell: "KN1".into(),
            max_cells: 3_000_000
        })
    );
}

#[test]
fn the_values_limit_counts_every_sheet_of_an_xlsx_and_a_csv() {
    let limits = Limits { max_cells: 5, ..Limits::default() };
    let options = ReadOptions { limits, ..ReadOptions::default() };
    let three = sheet_xml([
        r#"<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row>"#.to_string()
    ]);
    assert!(read_file("ok.xlsx", &xlsx_of(&[("Uno", &three)]), &options).is_ok());
    assert_eq!(
        read_file("two.xlsx", &xlsx_of(&[("Uno", &three), ("Dos", &three)]), &options),
        Err(SheetError::TooManyCells {
            file_name: "two.xlsx".into(),
            sheet: "Dos".into(),
            cell: "C1".into(),
            max_cells: 5
        })
    );
    assert!(matches!(
        read_file("c.csv", b"a,b,c\nd,e,f\n", &options),
        Err(SheetError::TooManyCells { cell, .. }) if cell == "C2"
    ));
}

#[test]
fn empty_files_are_named_empty() {
    for bytes in [&b""[..], b"  \r\n\t\n", b"\xef\xbb\xbf"] {
        assert_eq!(
            read_file("v.csv", bytes, &ReadOptions::default()),
            Err(SheetError::EmptyFile { file_name: "v.csv".into() })
        );
    }
}

#[test]
fn a_sheet_of_ten_thousand_rows_is_read_whole() {
    let rows_xml = (1..=10_000).map(|row| {
        format!(
            r#"<row r="{row}"><c r="A{row}" t="inlineStr"><is><t>Empresa {row}</t></is></c><c r="B{row}"><v>{row}</v></c><c r="C{row}" t="inlineStr"><is><t>Querétaro</t></is></c></row>"#
        )
    });
    let bytes = xlsx_of(&[("Socios", &sheet_xml(rows_xml))]);
    let workbook = read_file("grande.xlsx", &bytes, &ReadOptions::default()).expect("reads");
    let sheet = &workbook.sheets[0];
    assert_eq!(sheet.rows.len(), 10_000);
    assert_eq!(sheet.rows[9_999].number, 10_000);
    assert_eq!(sheet.rows[9_999].cells, [text("Empresa 10000"), Cell::Number(10_000.0), text("Querétaro")]);

    let csv: String = (1..=10_000).map(|row| format!("Empresa {row};{row};Querétaro\r\n")).collect();
    let workbook = read_file("grande.csv", csv.as_bytes(), &ReadOptions::default()).expect("reads");
    assert_eq!(workbook.sheets[0].rows.len(), 10_000);
    assert_eq!(workbook.sheets[0].rows[9_999].cells, [text("Empresa 10000"), text("10000"), text("Querétaro")]);
}

#[test]
fn xlsx_cells_out_of_order_are_sorted_into_rows() {
    let sheet = sheet_xml([
        r#"<row r="3"><c r="B3"><v>2</v></c><c r="A3"><v>1</v></c></row>"#.to_string(),
        r#"<row r="1"><c r="A1"><v>0</v></c></row>"#.to_string(),
    ]);
    let workbook = read_file("o.xlsx", &xlsx_of(&[("H", &sheet)]), &ReadOptions::default()).expect("reads");
    assert_eq!(
        rows(&workbook.sheets[0]),
        vec![(1, vec![Cell::Number(0.0)]), (3, vec![Cell::Number(1.0), Cell::Number(2.0)])]
    );
}

#[test]
fn every_read_error_names_the_file_in_both_languages() {
    let names = FIXTURES_WITH_A_TEST.iter().copied();
    let mut errors = 0;
    for name in names {
        if let Err(error) = read(name) {
            errors += 1;
            for lang in [Lang::Es, Lang::En] {
                let message = error.message(lang);
                assert!(message.contains(name), "{lang:?} message for {name} does not name it: {message}");
            }
            assert_ne!(error.message(Lang::Es), error.message(Lang::En));
        }
    }
    assert!(errors >= 10, "only {errors} fixtures failed to read");
}

// ---------------------------------------------------------------------------------------------
// Building small workbooks in memory.

fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, content) in parts {
        writer.start_file(*name, options).expect("start part");
        writer.write_all(content.as_bytes()).expect("write part");
    }
    writer.finish().expect("finish zip").into_inner()
}

fn sheet_xml(rows: impl IntoIterator<Item = String>) -> String {
    let rows: String = rows.into_iter().collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>"#
    )
}

/// A minimal .xlsx with these (sheet name, worksheet xml) in tab order.
fn xlsx_of(sheets: &[(&str, &str)]) -> Vec<u8> {
    let parts = xlsx_parts(sheets);
    let borrowed: Vec<(&str, &str)> = parts.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    zip_of(&borrowed)
}

/// The parts of [`xlsx_of`]'s workbook, as (path, text).
fn xlsx_parts(sheets: &[(&str, &str)]) -> Vec<(String, String)> {
    const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let entries: String = sheets
        .iter()
        .enumerate()
        .map(|(i, (name, _))| format!(r#"<sheet name="{name}" sheetId="{}" r:id="rId{}"/>"#, i + 1, i + 1))
        .collect();
    let workbook = format!(
        r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="{REL}"><sheets>{entries}</sheets></workbook>"#
    );
    let rels: String = (1..=sheets.len())
        .map(|i| format!(r#"<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>"#))
        .collect();
    let workbook_rels = format!(
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#
    );
    let root_rels = format!(
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
    );
    let mut parts = vec![
        (
            "[Content_Types].xml".to_string(),
            r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#.to_string(),
        ),
        ("_rels/.rels".to_string(), root_rels),
        ("xl/workbook.xml".to_string(), workbook),
        ("xl/_rels/workbook.xml.rels".to_string(), workbook_rels),
    ];
    for (i, (_, xml)) in sheets.iter().enumerate() {
        parts.push((format!("xl/worksheets/sheet{}.xml", i + 1), xml.to_string()));
    }
    parts
}

// ---------------------------------------------------------------------------------------------
// Nothing makes read_file panic.

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _either_is_fine = read_file("x.xlsx", &bytes, &ReadOptions::default());
    }

    #[test]
    fn arbitrary_bytes_after_a_zip_or_compound_magic_never_panic(
        magic in prop::sample::select(vec![&b"PK\x03\x04"[..], b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", b"PK\x05\x06"]),
        rest in proptest::collection::vec(any::<u8>(), 0..2048),
    ) {
        let bytes = [magic, &rest].concat();
        let _either_is_fine = read_file("x.xlsx", &bytes, &ReadOptions::default());
    }

    #[test]
    fn bit_flipped_workbooks_never_panic(
        name in prop::sample::select(vec!["members-second-sheet.xlsx", "repeated-empty.ods", "dates-1904.xlsx"]),
        flips in proptest::collection::vec((any::<prop::sample::Index>(), 0u8..8), 1..8),
        cut in proptest::option::of(any::<prop::sample::Index>()),
    ) {
        let mut bytes = fixture(name);
        for (at, bit) in flips {
            let at = at.index(bytes.len());
            bytes[at] ^= 1 << bit;
        }
        if let Some(cut) = cut {
            bytes.truncate(cut.index(bytes.len() + 1));
        }
        let _either_is_fine = read_file(name, &bytes, &ReadOptions::default());
    }
}

/// A zip's parts as (name, text), for mutating a part's XML and zipping it again with a right
/// checksum, so the XML parsers themselves see the damage.
fn parts_of(bytes: &[u8]) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("fixture is a zip");
    (0..archive.len())
        .map(|i| {
            let mut part = archive.by_index(i).expect("part");
            let mut text = String::new();
            std::io::Read::read_to_string(&mut part, &mut text).expect("text part");
            (part.name().expect("name").into_owned(), text)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn workbooks_with_mangled_xml_never_panic(
        name in prop::sample::select(vec!["members-second-sheet.xlsx", "repeated-empty.ods"]),
        part in any::<prop::sample::Index>(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), 0u8..4, "[<>/=\"a-z0-9 :&;#]{0,6}"), 1..6),
    ) {
        let mut parts = parts_of(&fixture(name));
        let chosen = part.index(parts.len());
        let mut xml = parts[chosen].1.clone().into_bytes();
        for (at, kind, insert) in edits {
            let at = at.index(xml.len() + 1);
            match kind {
                0 => { xml.splice(at..at, insert.bytes()); }
                1 => { xml.truncate(at); }
                _ => { let end = (at + insert.len()).min(xml.len()); xml.splice(at..end, insert.bytes()); }
            }
        }
        parts[chosen].1 = String::from_utf8_lossy(&xml).into_owned();
        let borrowed: Vec<(&str, &str)> = parts.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
        let _either_is_fine = read_file(name, &zip_of(&borrowed), &ReadOptions::default());
    }
}
