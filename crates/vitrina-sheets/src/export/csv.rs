//! Tables written as CSV, the way Excel opens them with a double click.
//!
//! - UTF-8 with a byte order mark: without it Excel on Windows reads the bytes in the legacy
//!   code page (Windows-1252) and "Peñoles" turns into "PeÃ±oles".
//! - Comma-separated, with `.` as the decimal point: Excel splits a double-clicked CSV on the
//!   Windows list separator, which in Mexico (es-MX, where the clusters are) is `,` with a
//!   decimal point. A `sep=` first line would force it, but Excel then ignores the byte order
//!   mark. In Spain (es-ES, list separator `;`, decimal comma) Excel shows one column; there the
//!   .xlsx export is the one to edit, and the import reads either separator.
//! - A field is quoted when it holds `,`, `;`, a quote or a line break; CRLF ends each record.
//! - A cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`, as the app's other CSV
//!   exports do (vitrina-core's follow-up CSV): a spreadsheet would otherwise run it as a
//!   formula. The import takes that `'` off again, as spreadsheets do.

use super::layout::{Table, Value};
use vitrina_core::follow_up::export::csv::{field, BOM};

/// A CSV file with the name it is offered under.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvFile {
    /// The file name, e.g. `socios.csv`.
    pub name: String,
    /// The file's text, starting with the byte order mark.
    pub text: String,
}

/// One table as CSV text.
pub fn table_csv(table: &Table) -> String {
    let mut out = String::new();
    out.push(BOM);
    push_record(&mut out, table.headers.iter().map(|header| field(header)));
    for row in &table.rows {
        push_record(&mut out, row.iter().map(cell));
    }
    out
}

/// The file name a table is offered under: its sheet name, lower case, `.csv`.
pub fn file_name(table: &Table) -> String {
    format!("{}.csv", table.name.to_lowercase())
}

fn cell(value: &Value) -> String {
    match value {
        Value::Empty => String::new(),
        Value::Text(text) => field(text),
        // Rust writes the shortest text that reads back as the same number, never `1e21`-style
        // for the sizes a directory holds, and with `.` as the decimal point.
        Value::Number(number) => number.to_string(),
        Value::Date(day) => day.to_string(),
    }
}

fn push_record(out: &mut String, cells: impl Iterator<Item = String>) {
    for (index, cell) in cells.enumerate() {
        if index > 0 {
            out.push(',');
        }
        out.push_str(&cell);
    }
    out.push_str("\r\n");
}
