//! Tests with real-looking exports: each sample is what Excel or Google Sheets writes.

use super::*;
use proptest::prelude::*;
use vitrina_core::Lang;

fn cells(rows: &Rows) -> Vec<(usize, Vec<&str>)> {
    rows.rows.iter().map(|row| (row.number, row.cells.iter().map(String::as_str).collect())).collect()
}

fn utf16le_with_bom(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

#[test]
fn decode_reads_windows_1252_from_excel_in_mexico() {
    // "Razón social;Ciudad\r\nCompañía Ñandú;León\r\n" as Excel on Windows writes it.
    let bytes = b"Raz\xf3n social;Ciudad\r\nCompa\xf1\xeda \xd1and\xfa;Le\xf3n\r\n";
    let decoded = decode(bytes);
    assert_eq!(decoded.encoding, SourceEncoding::Windows1252);
    assert_eq!(decoded.text, "Razón social;Ciudad\r\nCompañía Ñandú;León\r\n");
    assert!(!decoded.replaced);
}

#[test]
fn decode_reads_utf8_with_and_without_bom() {
    let plain = decode("Razón social,Ciudad\n".as_bytes());
    assert_eq!((plain.encoding, plain.text.as_str()), (SourceEncoding::Utf8, "Razón social,Ciudad\n"));
    let with_bom = decode(b"\xef\xbb\xbfNombre,Ciudad\n");
    assert_eq!((with_bom.encoding, with_bom.text.as_str()), (SourceEncoding::Utf8Bom, "Nombre,Ciudad\n"));
}

#[test]
fn decode_reads_utf16_with_bom() {
    let le = decode(&utf16le_with_bom("Nombre\tCiudad\r\nÑandú\tLeón\r\n"));
    assert_eq!((le.encoding, le.text.as_str()), (SourceEncoding::Utf16Le, "Nombre\tCiudad\r\nÑandú\tLeón\r\n"));
    let mut be = vec![0xFE, 0xFF];
    be.extend("Año".encode_utf16().flat_map(u16::to_be_bytes));
    let be = decode(&be);
    assert_eq!((be.encoding, be.text.as_str()), (SourceEncoding::Utf16Be, "Año"));
}

#[test]
fn decode_reads_utf16_that_lost_its_bom() {
    let le: Vec<u8> = "Razón social\tCiudad\r\nÑandú\tLeón\r\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
    let decoded = decode(&le);
    assert_eq!(
        (decoded.encoding, decoded.text.as_str()),
        (SourceEncoding::Utf16Le, "Razón social\tCiudad\r\nÑandú\tLeón\r\n")
    );
    let be: Vec<u8> = "Nombre;Año".encode_utf16().flat_map(u16::to_be_bytes).collect();
    assert_eq!(decode(&be).encoding, SourceEncoding::Utf16Be);
    // Plain text with a stray NUL is not UTF-16.
    assert_eq!(decode(b"Nombre,Ciudad\0\n").encoding, SourceEncoding::Utf8);
}

#[test]
fn decode_marks_a_cut_utf16_file_as_replaced() {
    let mut bytes = utf16le_with_bom("Nombre");
    bytes.push(b'x'); // half a code unit: a cut-off download
    let decoded = decode(&bytes);
    assert!(decoded.replaced);
    assert!(decoded.text.starts_with("Nombre"));
}

#[test]
fn detect_separator_honours_the_sep_hint() {
    assert_eq!(detect_separator("sep=;\r\nNombre,Ciudad,Estado\r\n"), Separator::Semicolon);
    assert_eq!(detect_separator("SEP=\t\nNombre;Ciudad\n"), Separator::Tab);
    // Another character is not a hint: the line is data, and detection decides.
    assert_eq!(split_separator_hint("sep=|\na;b\n").0, None);
}

#[test]
fn detect_separator_chooses_the_consistent_field_count() {
    // Spanish-locale Excel: `;` between fields, `,` as decimal mark and inside text.
    let text = "Nombre;Empleados;Inversión planeada (MDD)\n\
                Aceros del Norte, S.A.;1,509;15,5\n\
                Troqueles Bajío;80;2,25\n";
    assert_eq!(detect_separator(text), Separator::Semicolon);
    let commas = "Name,City,State\n\"Forja; Bajío\",León,Guanajuato\nPlásticos MX,Querétaro,Querétaro\n";
    assert_eq!(detect_separator(commas), Separator::Comma);
    assert_eq!(detect_separator("Nombre\tCiudad\nA, B; C\tLeón\nD\tSaltillo\n"), Separator::Tab);
    // Title rows without separators do not vote; nothing at all means a comma.
    assert_eq!(detect_separator("Directorio 2026\n\nNombre;Ciudad\nA;B\n"), Separator::Semicolon);
    assert_eq!(detect_separator("solo una columna\n"), Separator::Comma);
}

#[test]
fn parse_rows_reads_quotes_separators_and_line_breaks_inside_cells() {
    let text = "Nombre,Presentación,Ciudad\r\n\
                \"Aceros del Norte, S.A.\",\"Estampado \"\"pesado\"\"\r\ny soldadura\",Saltillo\r\n\
                Troqueles Bajío,,León,extra\r\n";
    let rows = parse_rows(text, None).unwrap();
    assert_eq!(rows.separator, Separator::Comma);
    assert_eq!(
        cells(&rows),
        vec![
            (1, vec!["Nombre", "Presentación", "Ciudad"]),
            (2, vec!["Aceros del Norte, S.A.", "Estampado \"pesado\"\r\ny soldadura", "Saltillo"]),
            (3, vec!["Troqueles Bajío", "", "León", "extra"]),
        ]
    );
}

#[test]
fn parse_rows_numbers_rows_as_the_spreadsheet_shows_them() {
    // The `sep=` line is not a row; a blank line is a row, though not listed.
    let text = "sep=;\nDirectorio de socios\n\nNombre;Ciudad\n\"Forja\nNorte\";Monterrey\nPlásticos;León";
    let rows = parse_rows(text, None).unwrap();
    assert_eq!(rows.separator, Separator::Semicolon);
    assert_eq!(
        cells(&rows),
        vec![
            (1, vec!["Directorio de socios"]),
            (3, vec!["Nombre", "Ciudad"]),
            (4, vec!["Forja\nNorte", "Monterrey"]),
            (5, vec!["Plásticos", "León"]),
        ]
    );
}

#[test]
fn parse_rows_counts_blank_lines_in_windows_line_endings() {
    let rows = parse_rows("Nombre;Ciudad\r\n\r\n\r\n\"Forja\r\nNorte\";León\r\n\r\nA;B\r\n", None).unwrap();
    assert_eq!(
        cells(&rows),
        vec![(1, vec!["Nombre", "Ciudad"]), (4, vec!["Forja\r\nNorte", "León"]), (6, vec!["A", "B"])]
    );
}

#[test]
fn read_csv_reads_a_windows_1252_export_with_spanish_headers() {
    let bytes =
        b"sep=;\r\nRaz\xf3n social;Ciudad;Tel\xe9fono\r\nPeque\xf1a Forja \xd1and\xfa, S.A.;Le\xf3n;477 123 4567\r\n";
    let sheet = read_csv(bytes, None).unwrap();
    assert_eq!((sheet.encoding, sheet.rows.separator), (SourceEncoding::Windows1252, Separator::Semicolon));
    assert_eq!(sheet.header.number, 1);
    let columns: Vec<_> = sheet.header.cells.iter().map(|cell| cell.map(|c| c.column)).collect();
    assert_eq!(columns, vec![Some(Column::LegalName), Some(Column::City), Some(Column::ContactPhone)]);
    assert_eq!(sheet.rows.rows[1].number, 2);
    assert_eq!(sheet.rows.rows[1].cells, vec!["Pequeña Forja Ñandú, S.A.", "León", "477 123 4567"]);
}

#[test]
fn parse_rows_takes_the_callers_separator_over_detection_and_hint() {
    let rows = parse_rows("sep=;\na,b;c\n", Some(Separator::Comma)).unwrap();
    assert_eq!(cells(&rows), vec![(1, vec!["a", "b;c"])]);
}

#[test]
fn recognise_folds_case_accents_and_punctuation_in_both_languages() {
    let check = |cell: &str, column: Column, lang: Option<Lang>| {
        assert_eq!(recognise(cell), Some(HeaderCell { column, lang }), "{cell}");
    };
    check("Razón social", Column::LegalName, None);
    check("RAZON SOCIAL:", Column::LegalName, None);
    check("Legal name", Column::LegalName, None);
    check("Nombre comercial", Column::Name, None);
    check("Empresa", Column::Company, None);
    check("Nivel/Tier", Column::Kind, None);
    check("Tel.", Column::ContactPhone, None);
    check("Celular", Column::ContactPhone, None);
    check("Procesos/Capacidades", Column::Capabilities, None);
    check("Presentación/Pitch", Column::Pitch, None);
    check("Año de fundación", Column::Founded, None);
    check("Descripción_en", Column::Description, Some(Lang::En));
    check("Nivel", Column::Kind, None);
    check("Tier", Column::Kind, None);
    check("Procesos", Column::Capabilities, None);
    check("Inversión planeada (MDD)", Column::InvestmentMusd, None);
    check("Planned investment (MUSD)", Column::InvestmentMusd, None);
    check("Correo electrónico", Column::ContactEmail, None);
    check("E-mail", Column::ContactEmail, None);
    check("Teléfono", Column::ContactPhone, None);
    check("WhatsApp", Column::ContactWhatsapp, None);
    check("Sitio web", Column::Website, None);
    check("Presentación_es", Column::Pitch, Some(Lang::Es));
    check("pitch_EN", Column::Pitch, Some(Lang::En));
    check("Nombre comercial (en)", Column::Name, Some(Lang::En));
    assert_eq!(recognise("Observaciones"), None);
    assert_eq!(recognise(""), None);
    assert_eq!(recognise("es"), None);
    assert_eq!(Column::ContactEmail.field(), "contacts[].email");
}

#[test]
fn find_header_skips_title_rows() {
    let text = "Clúster Automotriz de Ejemplo;;\nDirectorio de socios 2026;;\n;;\n\
                Razón social;Ciudad;Notas internas\nAceros del Norte;Saltillo;x\n";
    let rows = parse_rows(text, None).unwrap();
    let header = find_header(&rows.rows).unwrap();
    assert_eq!((header.index, header.number), (3, 4));
    assert_eq!(
        header.cells,
        vec![
            Some(HeaderCell { column: Column::LegalName, lang: None }),
            Some(HeaderCell { column: Column::City, lang: None }),
            None,
        ]
    );
}

#[test]
fn find_header_needs_two_known_cells_within_the_first_rows() {
    let rows: Vec<Row> = (1..=12).map(|number| Row { number, cells: vec!["Nombre".into()] }).collect();
    assert_eq!(find_header(&rows), None);
    let mut late = rows.clone();
    late[10].cells = vec!["Nombre".into(), "Ciudad".into()];
    assert_eq!(find_header(&late), None, "row 11 is past the rows searched");
}

#[test]
fn read_csv_reads_excels_unicode_text() {
    let bytes = utf16le_with_bom("Directorio\r\nNombre\tCiudad\tEstado\r\nÑandú Forja\tLeón\tGuanajuato\r\n");
    let sheet = read_csv(&bytes, None).unwrap();
    assert_eq!(sheet.encoding, SourceEncoding::Utf16Le);
    assert_eq!(sheet.rows.separator, Separator::Tab);
    assert_eq!(sheet.header.number, 2);
    assert_eq!(sheet.rows.rows[2].cells, vec!["Ñandú Forja", "León", "Guanajuato"]);
}

#[test]
fn read_csv_errors_say_why_in_both_languages() {
    assert_eq!(read_csv(b" \r\n", None), Err(SheetError::Empty));
    let error = read_csv(b"a,b\nc,d\n", None).unwrap_err();
    assert_eq!(error, SheetError::NoHeader { rows_searched: 2 });
    assert!(error.message(Lang::Es).starts_with("No se encontró la fila de encabezados"));
    assert!(error.message(Lang::En).starts_with("No header row was found"));
    assert_eq!(SheetError::Empty.to_string(), "The sheet is empty.");
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let decoded = decode(&bytes);
        let _ = detect_separator(&decoded.text);
        let _ = parse_rows(&decoded.text, None);
        let _ = read_csv(&bytes, None);
    }

    #[test]
    fn csv_like_text_never_panics(text in "[a-zÑñó\",;\t\r\n =sep]{0,300}") {
        let _ = read_csv(text.as_bytes(), None);
        if let Ok(rows) = parse_rows(&text, None) {
            prop_assert!(rows.rows.windows(2).all(|pair| pair[0].number < pair[1].number));
        }
    }
}
