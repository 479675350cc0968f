//! The import's problem list as a CSV file that staff open in Excel to fix their sheet.
//!
//! The choices, each pinned by a test below:
//! - UTF-8 with a byte order mark. Excel on Windows reads a `.csv` without a BOM in the
//!   machine's ANSI code page (Windows-1252 in Mexico), which garbles every accent of the
//!   Spanish messages; with the BOM, Excel 2007 and later, Excel for Mac 2016 and later,
//!   LibreOffice, Numbers and Google Sheets read UTF-8;
//! - no `sep=` first line: Excel is reported to ignore the BOM when that line is present (or
//!   to show the line as data), so it would trade the accents for the columns;
//! - the separator is `,` by default. Excel splits a double-clicked `.csv` on the system's list
//!   separator, which is `,` where the decimal mark is a point (Mexico, Central America, the
//!   United States) and `;` where it is a comma (Spain, most of South America); the directory's
//!   clusters are Mexican first. [`problems_csv_with`] writes `;` for the others. LibreOffice
//!   and Google Sheets detect either; a mismatch in Excel leaves the rows readable in column A;
//! - fields are quoted only when needed (separator, quote, line break), lines end in CRLF;
//! - headers in the staff member's language;
//! - a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`
//!   (OWASP's advice against CSV/formula injection), because sheet names, headers and values
//!   quoted in messages come from the staff's files and the file is opened in Excel;
//! - row 0 means the whole sheet (no row) and is written as an empty cell.

use crate::separator::Separator;
use vitrina_core::Lang;

/// One problem as the CSV lists it; the import's problems convert to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProblemRow {
    /// The sheet's name (or the file's, for a CSV).
    pub sheet: String,
    /// The row number the spreadsheet shows; 0 for the whole sheet.
    pub row: usize,
    /// The column's header as the sheet has it; empty for the whole row.
    pub column: String,
    /// What is wrong and what was kept or dropped, in the chosen language.
    pub message: String,
}

/// The problems as a CSV file: UTF-8 with a BOM, `,`-separated, headers in `lang`.
pub fn problems_csv(rows: &[ProblemRow], lang: Lang) -> String {
    problems_csv_with(rows, lang, Separator::Comma)
}

/// The problems as a CSV file separated by `separator` (`;` for Excel where `,` is the decimal mark).
pub fn problems_csv_with(rows: &[ProblemRow], lang: Lang, separator: Separator) -> String {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(separator.byte())
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(Vec::new());
    let header = [
        lang.pick("Hoja", "Sheet"),
        lang.pick("Fila", "Row"),
        lang.pick("Columna", "Column"),
        lang.pick("Problema", "Problem"),
    ];
    // Writing records to a Vec cannot fail: no I/O, and every record has four fields.
    let _ = writer.write_record(header);
    for problem in rows {
        let row = if problem.row == 0 { String::new() } else { problem.row.to_string() };
        let _ = writer.write_record([
            defuse(&problem.sheet).as_ref(),
            row.as_str(),
            defuse(&problem.column).as_ref(),
            defuse(&problem.message).as_ref(),
        ]);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    // The writer only copies the UTF-8 strings it was given, separators and quotes.
    let text = String::from_utf8(bytes).unwrap_or_default();
    let mut out = String::with_capacity(text.len() + 3);
    out.push('\u{feff}');
    out.push_str(&text);
    out
}

/// A cell Excel would read as a formula, with a `'` in front so it reads as text.
fn defuse(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn problem(sheet: &str, row: usize, column: &str, message: &str) -> ProblemRow {
        ProblemRow { sheet: sheet.into(), row, column: column.into(), message: message.into() }
    }

    /// The records of a written file, read back with the same separator.
    fn read_back(text: &str, separator: Separator) -> Vec<Vec<String>> {
        let body = text.strip_prefix('\u{feff}').expect("the file starts with a BOM");
        csv::ReaderBuilder::new()
            .delimiter(separator.byte())
            .has_headers(false)
            .from_reader(body.as_bytes())
            .records()
            .map(|record| record.expect("a record").iter().map(str::to_owned).collect())
            .collect()
    }

    #[test]
    fn a_spanish_file_has_a_bom_spanish_headers_and_crlf_lines() {
        let rows = [
            problem("Socios", 12, "Correo electrónico", "El correo «ana@» no es válido: se dejó vacío."),
            problem("Socios", 0, "", "La hoja no tiene columna de nombre, se omite."),
        ];
        let text = problems_csv(&rows, Lang::Es);
        assert_eq!(
            text,
            "\u{feff}Hoja,Fila,Columna,Problema\r\n\
             Socios,12,Correo electrónico,El correo «ana@» no es válido: se dejó vacío.\r\n\
             Socios,,,\"La hoja no tiene columna de nombre, se omite.\"\r\n"
        );
        assert!(text.as_bytes().starts_with(b"\xEF\xBB\xBF"));
        let english = problems_csv_with(&rows, Lang::En, Separator::Semicolon);
        assert!(english.starts_with("\u{feff}Sheet;Row;Column;Problem\r\nSocios;12;"), "{english}");
        // No `sep=` line: it would make Excel ignore the BOM.
        assert!(!english.to_ascii_lowercase().contains("sep="));
    }

    #[test]
    fn cells_that_excel_would_run_are_written_as_text() {
        let rows = [
            problem("=HYPERLINK(\"http://x\")", 3, "+52", "-1"),
            problem("@SUM(A1)", 4, "\tx", "=1+1 is kept as text"),
        ];
        let records = read_back(&problems_csv(&rows, Lang::En), Separator::Comma);
        assert_eq!(records[1], ["'=HYPERLINK(\"http://x\")", "3", "'+52", "'-1"]);
        assert_eq!(records[2], ["'@SUM(A1)", "4", "'\tx", "'=1+1 is kept as text"]);
        // Text with such a character later on is left alone.
        assert_eq!(defuse("a=b"), "a=b");
    }

    #[test]
    fn the_sheet_reader_reads_the_file_back() {
        let rows = [problem("Contactos", 7, "Teléfono", "Número \"raro\";\nrevisar, por favor")];
        for separator in [Separator::Comma, Separator::Semicolon] {
            let text = problems_csv_with(&rows, Lang::Es, separator);
            let decoded = crate::decode(text.as_bytes());
            let parsed = crate::parse_rows(&decoded.text, None).expect("the file parses");
            assert_eq!(parsed.separator, separator);
            assert_eq!(parsed.rows[1].cells, ["Contactos", "7", "Teléfono", "Número \"raro\";\nrevisar, por favor"]);
        }
    }

    fn cell() -> impl Strategy<Value = String> {
        prop_oneof!["\\PC{0,20}", "[=+@\t\r-][,;\"\n a-z]{0,8}", "[,;\"\n\r a-zé]{0,12}"]
    }

    proptest! {
        #[test]
        fn every_problem_reads_back_as_written_and_never_as_a_formula(
            rows in prop::collection::vec((cell(), 0..100_000_usize, cell(), cell()), 0..12),
            semicolon in any::<bool>(),
            english in any::<bool>(),
        ) {
            let separator = if semicolon { Separator::Semicolon } else { Separator::Comma };
            let lang = if english { Lang::En } else { Lang::Es };
            let rows: Vec<ProblemRow> = rows.into_iter().map(|(sheet, row, column, message)| ProblemRow { sheet, row, column, message }).collect();
            let records = read_back(&problems_csv_with(&rows, lang, separator), separator);
            prop_assert_eq!(records.len(), rows.len() + 1);
            prop_assert_eq!(&records[0][0], lang.pick("Hoja", "Sheet"));
            for (record, problem) in records[1..].iter().zip(&rows) {
                prop_assert_eq!(record.len(), 4);
                for (cell, original) in [(&record[0], &problem.sheet), (&record[2], &problem.column), (&record[3], &problem.message)] {
                    prop_assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{:?}", cell);
                    let dangerous = original.starts_with(['=', '+', '-', '@', '\t', '\r']);
                    let expected = if dangerous { format!("'{original}") } else { original.clone() };
                    prop_assert_eq!(cell, &expected);
                }
                let row = if problem.row == 0 { String::new() } else { problem.row.to_string() };
                prop_assert_eq!(&record[1], &row);
            }
        }
    }
}
