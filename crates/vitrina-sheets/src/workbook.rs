//! A spreadsheet file as every later step sees it, whatever it was read from (.xlsx, .ods or
//! CSV): named sheets of numbered rows of typed cells.
//!
//! Readers produce a [`Workbook`]; the import works on it and never on a file format, so a new
//! format is a new reader and nothing else.

use crate::decode::SourceEncoding;
use crate::rows::Rows;
use crate::separator::Separator;
use std::borrow::Cow;

/// The date system of a workbook's serial numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateSystem {
    /// Day 1 is 1900-01-01, with Lotus' phantom 1900-02-29 (Excel's default).
    Excel1900,
    /// Day 0 is 1904-01-01 (old Mac workbooks).
    Excel1904,
}

/// A cell's value as the spreadsheet holds it.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// No value.
    Empty,
    /// Text, as typed (a formula's cached text result too; formulas are never evaluated).
    Text(String),
    /// A number (a formula's cached numeric result too).
    Number(f64),
    /// TRUE or FALSE.
    Bool(bool),
    /// A number the sheet formats as a date: a serial in the workbook's date system.
    Date {
        /// Days (and a fraction for the time) since the system's epoch.
        serial: f64,
        /// Which epoch.
        system: DateSystem,
    },
    /// An ISO 8601 date or date-time, as .ods files store dates.
    IsoDate(String),
    /// An error value such as `#N/A` or `#REF!`.
    Error(String),
}

impl Cell {
    /// The cell as a person reads it: text as is, numbers without a needless `.0`, errors as
    /// their code; empty for an empty cell.
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            Cell::Empty => Cow::Borrowed(""),
            Cell::Text(text) | Cell::IsoDate(text) | Cell::Error(text) => Cow::Borrowed(text),
            Cell::Number(number) | Cell::Date { serial: number, .. } => Cow::Owned(number.to_string()),
            Cell::Bool(true) => Cow::Borrowed("TRUE"),
            Cell::Bool(false) => Cow::Borrowed("FALSE"),
        }
    }

    /// True for an empty cell or one holding only white space.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(text) => text.trim().is_empty(),
            _ => false,
        }
    }
}

/// One row of a sheet and where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct SheetRow {
    /// 1-based row number as the spreadsheet shows it, for problem messages.
    pub number: usize,
    /// The cells from column A on; trailing empty cells may be left out.
    pub cells: Vec<Cell>,
}

/// A named sheet of a workbook (a CSV file is one sheet named after the file).
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    /// The sheet's name as the workbook shows it on its tab.
    pub name: String,
    /// The non-blank rows, in order.
    pub rows: Vec<SheetRow>,
}

/// What kind of file a workbook was read from, and how.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileFormat {
    /// Office Open XML workbook.
    Xlsx,
    /// OpenDocument spreadsheet.
    Ods,
    /// Comma-, semicolon- or tab-separated text.
    Csv {
        /// The encoding the bytes were read in.
        encoding: SourceEncoding,
        /// The separator the rows were split on.
        separator: Separator,
        /// True when some bytes could not be decoded and were read as U+FFFD.
        replaced: bool,
    },
}

/// A spreadsheet file read into sheets.
#[derive(Clone, Debug, PartialEq)]
pub struct Workbook {
    /// The file's name, as given by the person or the command line.
    pub file_name: String,
    /// What it was read from.
    pub format: FileFormat,
    /// Its sheets, in tab order.
    pub sheets: Vec<Sheet>,
}

impl Workbook {
    /// A one-sheet workbook from CSV rows; the sheet is named after the file, less its extension.
    /// A cell `'=…`, `'+…`, `'-…` or `'@…` loses its `'`: the guard CSV exports (ours and the
    /// app's) put before a formula trigger so a spreadsheet shows text, as typing `'` in one does.
    pub fn from_csv(file_name: &str, encoding: SourceEncoding, replaced: bool, rows: Rows) -> Workbook {
        let sheet_name = file_name.rsplit_once('.').map_or(file_name, |(stem, _)| stem);
        let sheet = Sheet {
            name: sheet_name.to_string(),
            rows: rows
                .rows
                .into_iter()
                .map(|row| SheetRow {
                    number: row.number,
                    cells: row.cells.into_iter().map(|cell| Cell::Text(without_formula_guard(cell))).collect(),
                })
                .collect(),
        };
        Workbook {
            file_name: file_name.to_string(),
            format: FileFormat::Csv { encoding, separator: rows.separator, replaced },
            sheets: vec![sheet],
        }
    }

    /// The sheet with this name, compared without case or accents.
    pub fn sheet(&self, name: &str) -> Option<&Sheet> {
        let wanted = vitrina_core::search::normalize(name);
        self.sheets.iter().find(|sheet| vitrina_core::search::normalize(&sheet.name) == wanted)
    }
}

/// The text of a CSV cell without the `'` that guards a formula trigger.
fn without_formula_guard(mut cell: String) -> String {
    if cell.starts_with('\'') && cell[1..].starts_with(['=', '+', '-', '@', '\t', '\r']) {
        cell.remove(0);
    }
    cell
}

#[cfg(test)]
mod formula_guard_tests {
    use super::without_formula_guard;

    #[test]
    fn the_guard_before_a_formula_trigger_goes_and_other_apostrophes_stay() {
        for (cell, expect) in [
            ("'=1+1", "=1+1"),
            ("'+52 844 123 4567", "+52 844 123 4567"),
            ("'-", "-"),
            ("'@x", "@x"),
            ("'hola'", "'hola'"),
            ("''=1", "''=1"),
            ("'", "'"),
            ("=1", "=1"),
        ] {
            assert_eq!(without_formula_guard(cell.into()), expect, "{cell}");
        }
    }
}
