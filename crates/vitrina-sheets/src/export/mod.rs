//! A directory written back as spreadsheets, in the layout the import reads, so staff can edit
//! it in Excel and import it again; and the template workbook to start from (issue 14).
//!
//! The layout and its rules are in [`layout`]; [`directory_xlsx`] and [`template_xlsx`] write it
//! as .xlsx, [`directory_csv`] and [`directory_csv_files`] as CSV (why that CSV dialect: `csv.rs`).
//!
//! What the sheets do not hold, and an import therefore leaves as the published directory has it:
//! the cluster and its vocabularies (capabilities are written by name), coordinates, logos,
//! success cases, events and stands.

mod csv;
pub mod layout;
mod xlsx;

pub use self::csv::CsvFile;
pub use self::layout::{
    tier_word, Table, Value, CERTIFICATIONS_SHEET, CONTACTS_SHEET, LIST_SEPARATOR, MEMBERS_SHEET, TIERS_SHEET,
    VOCABULARY_SHEET,
};
pub use self::xlsx::{MAX_CELL_CHARS, MAX_ROWS};
use vitrina_core::model::Directory;
use vitrina_core::Lang;

/// Why a directory could not be written as a spreadsheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportError {
    /// Occurs when a text is longer than an Excel cell holds ([`MAX_CELL_CHARS`] characters).
    CellTooLong {
        /// The sheet.
        sheet: &'static str,
        /// The row number as the spreadsheet shows it.
        row: usize,
        /// The column's header.
        header: String,
    },
    /// Occurs when a sheet would have more rows than Excel holds ([`MAX_ROWS`]).
    TooManyRows {
        /// The sheet.
        sheet: &'static str,
        /// Its rows below the header.
        rows: usize,
    },
    /// Occurs when the .xlsx writer fails for any other reason; its own words, in English.
    Writer(String),
}

impl ExportError {
    /// A one-line explanation for a person, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ExportError::CellTooLong { sheet, row, header } => lang.pick(
                format!(
                    "Hoja {sheet}, fila {row}, columna «{header}»: el texto pasa de {MAX_CELL_CHARS} caracteres, \
                     lo más que cabe en una celda de Excel."
                ),
                format!(
                    "Sheet {sheet}, row {row}, column “{header}”: the text is longer than {MAX_CELL_CHARS} characters, \
                     the most an Excel cell holds."
                ),
            ),
            ExportError::TooManyRows { sheet, rows } => lang.pick(
                format!("La hoja {sheet} tendría {rows} filas y Excel admite {} por hoja.", MAX_ROWS - 1),
                format!("Sheet {sheet} would have {rows} rows and Excel holds {} per sheet.", MAX_ROWS - 1),
            ),
            ExportError::Writer(detail) => lang.pick(
                format!("No se pudo escribir el libro de Excel: {detail}"),
                format!("The Excel workbook could not be written: {detail}"),
            ),
        }
    }
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ExportError {}

/// The directory as an .xlsx workbook: sheets `Socios`, `Contactos` and `Certificaciones`;
/// capabilities, certifications and tiers named in `lang`.
pub fn directory_xlsx(directory: &Directory, lang: Lang) -> Result<Vec<u8>, ExportError> {
    xlsx::workbook(&layout::tables(directory, lang), false)
}

/// The members sheet as CSV (UTF-8 with BOM, comma-separated; names in Spanish).
pub fn directory_csv(directory: &Directory) -> String {
    let [members, _, _] = layout::tables(directory, Lang::Es);
    csv::table_csv(&members)
}

/// Every sheet as its own CSV file: `socios.csv`, `contactos.csv`, `certificaciones.csv`
/// (a CSV file holds one sheet; the import takes the three together).
pub fn directory_csv_files(directory: &Directory, lang: Lang) -> Vec<CsvFile> {
    layout::tables(directory, lang)
        .iter()
        .map(|table| CsvFile { name: csv::file_name(table), text: csv::table_csv(table) })
        .collect()
}

/// The template workbook: the same sheets and headers with one example row each, a `Niveles`
/// sheet listing the allowed tiers (offered as a drop-down in the `Nivel` column) and, given a
/// directory, a `Vocabulario` sheet with its capabilities and certifications.
pub fn template_xlsx(directory: Option<&Directory>, lang: Lang) -> Result<Vec<u8>, ExportError> {
    xlsx::workbook(&layout::template_tables(directory, lang), true)
}

#[cfg(test)]
mod tests;
