//! How much a file may hold, and the zip-bomb guard that enforces it before a workbook is
//! parsed. The rules, each pinned by a test in `tests/read.rs`:
//! - the file's size is checked first, before anything else is looked at;
//! - the sizes a workbook's zip directory declares for its parts are summed and checked before
//!   any part is unpacked;
//! - declared sizes can lie, so every part's raw stream is then inflated here, through a
//!   reader that stops one byte past its declared size; a part that unpacks to more than it
//!   declares is refused as a zip bomb. Only then does the format's parser (calamine, or the
//!   .ods reader) see the file; it unpacks the same bytes to the same sizes (and zip itself
//!   stops a part at its declared size), so it cannot pass the limit either. This costs a
//!   second inflation of the parts (fast next to parsing their XML) and keeps memory flat,
//!   where unpacking into a fresh in-memory copy for the parser would hold up to the whole
//!   limit;
//! - rows and columns are checked as cells are read: a value past them is an error naming the
//!   sheet and the cell; empty cells past them (formatting, LibreOffice's repeated empty rows)
//!   are ignored.

use crate::error::SheetError;
use crate::separator::Separator;
use flate2::read::DeflateDecoder;
use std::io::{self, Cursor, Read};
use zip::{CompressionMethod, ZipArchive};

/// How much a file may hold; past these it is refused with a [`SheetError`] naming the limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The file's size in bytes (default 20 MB).
    pub max_file_bytes: u64,
    /// The unpacked size of a workbook's parts, summed, in bytes (default 200 MB).
    pub max_uncompressed_bytes: u64,
    /// Rows per sheet (default 100 000).
    pub max_rows: usize,
    /// Columns per sheet (default 300).
    pub max_columns: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { max_file_bytes: 20_000_000, max_uncompressed_bytes: 200_000_000, max_rows: 100_000, max_columns: 300 }
    }
}

/// How [`read_file`](crate::read_file) reads a file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// The CSV separator, overriding the `sep=` hint and detection; ignored for workbooks.
    pub separator: Option<Separator>,
    /// How much the file may hold.
    pub limits: Limits,
}

/// A zip archive over the file's bytes.
pub(crate) type Archive<'a> = ZipArchive<Cursor<&'a [u8]>>;

/// Opens a zip archive; a file that is not one, or is cut off, is damaged.
pub(crate) fn open_zip<'a>(file_name: &str, bytes: &'a [u8]) -> Result<Archive<'a>, SheetError> {
    ZipArchive::new(Cursor::new(bytes)).map_err(|error| damaged(file_name, error))
}

/// Checks every part's declared and real unpacked size against the limit, as the module
/// documentation says, without keeping any unpacked byte.
pub(crate) fn check_unpacked_sizes(
    file_name: &str,
    archive: &mut Archive<'_>,
    limits: &Limits,
) -> Result<(), SheetError> {
    let max_bytes = limits.max_uncompressed_bytes;
    let mut declared_bytes = 0u64;
    for index in 0..archive.len() {
        let part = archive.by_index_raw(index).map_err(|error| damaged(file_name, error))?;
        declared_bytes = declared_bytes.saturating_add(part.size());
    }
    if declared_bytes > max_bytes {
        return Err(SheetError::DeclaredTooLarge { file_name: file_name.to_string(), declared_bytes, max_bytes });
    }
    for index in 0..archive.len() {
        // The raw stream, inflated here rather than by zip, so a lie is measured, not just
        // refused: the reading stops one byte past the declared size, which the sum above
        // keeps within the limit.
        let part = archive.by_index_raw(index).map_err(|error| damaged(file_name, error))?;
        let declared = part.size();
        let name = part.name().map(|name| name.into_owned()).unwrap_or_default();
        let method = part.compression();
        let mut inflated: Box<dyn Read + '_> = match method {
            CompressionMethod::Stored => Box::new(part),
            CompressionMethod::Deflated => Box::new(DeflateDecoder::new(part)),
            other => return Err(damaged(file_name, format!("part {name} uses the unsupported compression {other}"))),
        };
        let read = io::copy(&mut (&mut inflated).take(declared.saturating_add(1)), &mut io::sink())
            .map_err(|error| damaged(file_name, format!("part {name}: {error}")))?;
        if read > declared {
            return Err(SheetError::InflatesTooLarge {
                file_name: file_name.to_string(),
                part: name,
                declared_bytes: declared,
            });
        }
    }
    Ok(())
}

/// A [`SheetError::Damaged`] for `file_name`, with the reader's words as the detail.
pub(crate) fn damaged(file_name: &str, error: impl std::fmt::Display) -> SheetError {
    SheetError::Damaged { file_name: file_name.to_string(), detail: error.to_string() }
}

/// A cell's name as a spreadsheet shows it, from 0-based row and column: (0, 0) is `A1`.
pub(crate) fn cell_name(row: u64, column: u64) -> String {
    let mut letters = Vec::new();
    let mut rest = column + 1;
    while rest > 0 {
        let digit = ((rest - 1) % 26) as u8;
        letters.push(char::from(b'A' + digit));
        rest = (rest - 1) / 26;
    }
    letters.iter().rev().collect::<String>() + &(row + 1).to_string()
}

/// The error for a value at 0-based (`row`, `column`) past the limits, if it is past them.
pub(crate) fn check_cell_position(
    file_name: &str,
    sheet: &str,
    row: u64,
    column: u64,
    limits: &Limits,
) -> Result<(), SheetError> {
    if row >= limits.max_rows as u64 {
        return Err(SheetError::TooManyRows {
            file_name: file_name.to_string(),
            sheet: sheet.to_string(),
            cell: cell_name(row, column),
            max_rows: limits.max_rows,
        });
    }
    if column >= limits.max_columns as u64 {
        return Err(SheetError::TooManyColumns {
            file_name: file_name.to_string(),
            sheet: sheet.to_string(),
            cell: cell_name(row, column),
            max_columns: limits.max_columns,
        });
    }
    Ok(())
}
