//! Reading the spreadsheets a cluster's staff keep their members in (issue 14).
//!
//! This crate reads a file a person drops — .xlsx, .ods, or CSV as Excel or Google Sheets
//! export it — into a [`Workbook`] of named sheets of numbered rows ([`read_file`]), within
//! [`Limits`] checked before parsing, finds the header row below any title rows, and recognises
//! the headers as fields of the directory format. The staff page and the `vitrina` command-line
//! tool of issue 14 will use it; the visitor app and `vitrina-core` do not depend on it, so the
//! visitor shell does not pay for spreadsheet formats.
//!
//! [`read_file`] decides the format by the file's first bytes (never its name), refuses
//! encrypted, legacy, damaged and non-spreadsheet files with a [`SheetError`] that says so, and
//! reads .xlsx with calamine's streaming cell reader (`xlsx`), .ods with a sparse quick-xml
//! reader (`ods`) and CSV with the steps below. The limits and the zip-bomb guard are in
//! `limits`.
//!
//! The CSV steps, each its own function so callers can override one:
//! [`decode`] bytes to text, [`detect_separator`], [`parse_rows`], [`find_header`] (which uses
//! [`recognise`] on each cell). [`read_csv`] runs them all.
//!
//! [`import()`] turns the workbooks read into members and a problem list (the sheet and column
//! rules are in the [`import`](mod@import) module), after [`plan`] has said what each sheet and column is.
//!
//! From members read to a directory to publish: [`Vocabulary`] matches capability and
//! certification names to the directory's vocabulary (and suggests the closest), [`IdMaker`]
//! makes ids from names that stay the same on the next import, [`merge`] merges an import
//! into the published directory with a [`MergeSummary`] to show before writing,
//! [`directory_json`] writes `directory.json` with stable key order and indentation, and
//! [`problems_csv`] writes the problem list for Excel.

mod decode;
mod error;
pub mod export;
mod header;
mod ids;
pub mod import;
mod json_out;
mod limits;
mod merge;
mod ods;
mod problems_csv;
mod read;
mod rows;
mod separator;
mod vocabulary;
mod workbook;
mod xlsx;

pub use decode::{decode, Decoded, SourceEncoding};
pub use error::{LooksLike, SheetError};
pub use export::{directory_csv, directory_csv_files, directory_xlsx, template_xlsx, CsvFile, ExportError};
pub use header::{find_header, recognise, Column, HeaderCell, HeaderRow, HEADER_SEARCH_ROWS};
pub use ids::IdMaker;
pub use import::{
    import, plan, Decision, Decisions, Import, ImportProblem, ImportProblemKind, Mapping, MappingError, Plan,
    SheetKind, Target, UnmatchedValue,
};
pub use json_out::directory_json;
pub use limits::{Limits, ReadOptions};
pub use merge::{field_label, merge, FieldChange, MemberChange, MergeOptions, MergeSummary, Merged};
pub use problems_csv::{problems_csv, problems_csv_with, ProblemRow};
pub use read::read_file;
pub use rows::{parse_rows, Row, Rows};
pub use separator::{detect_separator, split_separator_hint, Separator};
pub use vocabulary::{Vocabulary, VocabularyKind, VocabularyMatch};
pub use workbook::{Cell, DateSystem, FileFormat, Sheet, SheetRow, Workbook};

/// A CSV file read up to its header: the rows, how they were read, and the header found.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvSheet {
    /// The encoding the bytes were read in.
    pub encoding: SourceEncoding,
    /// True when some bytes could not be decoded and were read as U+FFFD.
    pub replaced: bool,
    /// The rows, with the separator used.
    pub rows: Rows,
    /// The header row and what each of its cells was recognised as.
    pub header: HeaderRow,
}

/// Decodes, splits and finds the header of a CSV file; `separator` overrides detection.
pub fn read_csv(bytes: &[u8], separator: Option<Separator>) -> Result<CsvSheet, SheetError> {
    let decoded = decode(bytes);
    if decoded.text.trim().is_empty() {
        return Err(SheetError::Empty);
    }
    let rows = parse_rows(&decoded.text, separator)?;
    let header = find_header(&rows.rows)
        .ok_or(SheetError::NoHeader { rows_searched: rows.rows.len().min(HEADER_SEARCH_ROWS) })?;
    Ok(CsvSheet { encoding: decoded.encoding, replaced: decoded.replaced, rows, header })
}

#[cfg(test)]
mod test_support;
#[cfg(test)]
mod tests;
