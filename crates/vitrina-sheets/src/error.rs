//! Why a spreadsheet could not be read at all, in Spanish and English.

use std::fmt;
use vitrina_core::Lang;

/// Why a spreadsheet could not be read at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SheetError {
    /// Occurs when the file has no content, or only white space.
    Empty,
    /// Occurs when none of the first rows has two cells that are known column headers.
    NoHeader {
        /// How many rows were looked at.
        rows_searched: usize,
    },
    /// Occurs when the CSV reader stops on a row it cannot read.
    Csv {
        /// 1-based spreadsheet row where reading stopped.
        row: usize,
        /// The reader's own description, in English.
        detail: String,
    },
}

impl SheetError {
    /// A one-line explanation for a person, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use SheetError::*;
        match (self, lang) {
            (Empty, Lang::Es) => "La hoja está vacía.".into(),
            (Empty, Lang::En) => "The sheet is empty.".into(),
            (NoHeader { rows_searched }, Lang::Es) => format!(
                "No se encontró la fila de encabezados: ninguna de las primeras {rows_searched} filas tiene \
                 dos columnas conocidas, como «Razón social» y «Ciudad»."
            ),
            (NoHeader { rows_searched }, Lang::En) => format!(
                "No header row was found: none of the first {rows_searched} rows has two known columns, \
                 such as “Legal name” and “City”."
            ),
            (Csv { row, detail }, Lang::Es) => {
                format!("No se pudo leer el CSV en la fila {row} ({detail}).")
            }
            (Csv { row, detail }, Lang::En) => format!("The CSV could not be read at row {row} ({detail})."),
        }
    }
}

impl fmt::Display for SheetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for SheetError {}
