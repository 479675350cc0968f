//! [`read_file`]: any file a person drops, into a [`Workbook`] or a [`SheetError`] that says what
//! it is. The rules:
//! - the size limit is checked before anything else;
//! - the format is decided by the file's first bytes, never by its name: a zip is an .xlsx or
//!   an .ods by what is inside it; an OLE compound file is an encrypted .xlsx (it holds
//!   `EncryptionInfo` / `EncryptedPackage`) or a legacy .xls; PDF, pictures, web pages,
//!   archives and binary data are named as such; anything else is CSV text;
//! - a workbook's unpacked size is checked before it is parsed ([`crate::limits`]);
//! - nothing in a file makes this panic: a damaged file is [`SheetError::Damaged`].

use crate::decode::decode;
use crate::error::{LooksLike, SheetError};
use crate::limits::{check_cell_position, check_unpacked_sizes, damaged, open_zip, Archive, Limits, ReadOptions};
use crate::rows::parse_rows;
use crate::workbook::{Cell, SheetRow, Workbook};
use std::io::Read;

/// What a file's bytes say it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sniffed {
    Zip,
    CompoundFile,
    NotASpreadsheet(LooksLike),
    Text,
}

/// Reads a spreadsheet file (.xlsx, .ods or CSV text) by the rules in the module documentation.
/// `file_name` names the file in messages and names a CSV's one sheet.
pub fn read_file(file_name: &str, bytes: &[u8], options: &ReadOptions) -> Result<Workbook, SheetError> {
    let limits = &options.limits;
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(SheetError::FileTooLarge {
            file_name: file_name.to_string(),
            bytes: bytes.len() as u64,
            max_bytes: limits.max_file_bytes,
        });
    }
    match sniff(bytes) {
        Sniffed::Zip => read_zip(file_name, bytes, limits),
        Sniffed::CompoundFile => Err(compound_file_error(file_name, bytes)),
        Sniffed::NotASpreadsheet(looks_like) => {
            Err(SheetError::NotASpreadsheet { file_name: file_name.to_string(), looks_like })
        }
        Sniffed::Text => read_csv_text(file_name, bytes, options),
    }
}

fn sniff(bytes: &[u8]) -> Sniffed {
    const MAGIC: &[(&[u8], Sniffed)] = &[
        (b"PK\x03\x04", Sniffed::Zip),
        // An empty zip is only its end record; a spanned one starts with this marker.
        (b"PK\x05\x06", Sniffed::Zip),
        (b"PK\x07\x08", Sniffed::Zip),
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", Sniffed::CompoundFile),
        (b"%PDF-", Sniffed::NotASpreadsheet(LooksLike::Pdf)),
        (b"\x89PNG\r\n\x1a\n", Sniffed::NotASpreadsheet(LooksLike::Image)),
        (b"\xFF\xD8\xFF", Sniffed::NotASpreadsheet(LooksLike::Image)),
        (b"GIF87a", Sniffed::NotASpreadsheet(LooksLike::Image)),
        (b"GIF89a", Sniffed::NotASpreadsheet(LooksLike::Image)),
        (b"\x1F\x8B", Sniffed::NotASpreadsheet(LooksLike::Archive)),
        (b"Rar!\x1A\x07", Sniffed::NotASpreadsheet(LooksLike::Archive)),
        (b"7z\xBC\xAF\x27\x1C", Sniffed::NotASpreadsheet(LooksLike::Archive)),
    ];
    if let Some((_, sniffed)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return *sniffed;
    }
    // Markup: after a UTF-8 byte order mark and white space, case-insensitively.
    let start = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = &start[start.iter().take_while(|b| b.is_ascii_whitespace()).count()..];
    let head: Vec<u8> = start.iter().take(16).map(u8::to_ascii_lowercase).collect();
    if head.starts_with(b"<!doctype html") || head.starts_with(b"<html") {
        return Sniffed::NotASpreadsheet(LooksLike::Html);
    }
    if head.starts_with(b"<?xml") {
        let looks_like_html = start.iter().take(1024).map(u8::to_ascii_lowercase).collect::<Vec<_>>();
        let is_html = looks_like_html.windows(5).any(|w| w == b"<html");
        return Sniffed::NotASpreadsheet(if is_html { LooksLike::Html } else { LooksLike::Xml });
    }
    Sniffed::Text
}

/// An OLE compound file is never read: it is an encrypted .xlsx, a legacy .xls, or another
/// Office 97–2003 document. Its directory stores stream names in UTF-16LE, so finding a name's
/// bytes is enough to tell them apart without a compound-file parser.
fn compound_file_error(file_name: &str, bytes: &[u8]) -> SheetError {
    let has_stream = |name: &str| {
        let needle: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
        bytes.windows(needle.len()).any(|window| window == needle.as_slice())
    };
    let file_name = file_name.to_string();
    if has_stream("EncryptionInfo") || has_stream("EncryptedPackage") {
        SheetError::Encrypted { file_name }
    } else if has_stream("Workbook") || has_stream("Book") {
        SheetError::LegacyXls { file_name }
    } else {
        SheetError::NotASpreadsheet { file_name, looks_like: LooksLike::OldOfficeDocument }
    }
}

/// The kinds of zip a person may drop.
enum ZipKind {
    Xlsx,
    Ods,
    Xlsb,
    Other(LooksLike),
}

fn read_zip(file_name: &str, bytes: &[u8], limits: &Limits) -> Result<Workbook, SheetError> {
    let mut archive = open_zip(file_name, bytes)?;
    match zip_kind(&mut archive) {
        ZipKind::Xlsx => {
            check_unpacked_sizes(file_name, &mut archive, limits)?;
            crate::xlsx::read_xlsx(file_name, bytes, limits)
        }
        ZipKind::Ods => {
            check_unpacked_sizes(file_name, &mut archive, limits)?;
            crate::ods::read_ods(file_name, &mut archive, limits)
        }
        ZipKind::Xlsb => Err(SheetError::Xlsb { file_name: file_name.to_string() }),
        ZipKind::Other(looks_like) => Err(SheetError::NotASpreadsheet { file_name: file_name.to_string(), looks_like }),
    }
}

/// Tells the kind of a zip by its part names and an OpenDocument's `mimetype` part.
fn zip_kind(archive: &mut Archive<'_>) -> ZipKind {
    let mut mimetype = String::new();
    if let Ok(part) = archive.by_name("mimetype") {
        // The mimetype is a short line; reading more would let a lying part inflate here.
        let _unreadable_is_no_mimetype = part.take(100).read_to_string(&mut mimetype);
    }
    let mimetype = mimetype.trim();
    if mimetype.starts_with("application/vnd.oasis.opendocument.spreadsheet") {
        return ZipKind::Ods;
    }
    if mimetype.starts_with("application/vnd.oasis.opendocument.text") {
        return ZipKind::Other(LooksLike::TextDocument);
    }
    if mimetype.starts_with("application/vnd.oasis.opendocument.presentation") {
        return ZipKind::Other(LooksLike::Presentation);
    }
    let names: Vec<String> = archive.file_names().flatten().map(|name| name.to_ascii_lowercase()).collect();
    let has = |wanted: &str| names.iter().any(|name| name == wanted);
    let has_under = |folder: &str| names.iter().any(|name| name.starts_with(folder));
    if has("xl/workbook.bin") {
        ZipKind::Xlsb
    } else if has_under("xl/") {
        ZipKind::Xlsx
    } else if has_under("word/") {
        ZipKind::Other(LooksLike::TextDocument)
    } else if has_under("ppt/") {
        ZipKind::Other(LooksLike::Presentation)
    } else {
        ZipKind::Other(LooksLike::Archive)
    }
}

/// Reads CSV text: decoded, split, and checked against the limits.
fn read_csv_text(file_name: &str, bytes: &[u8], options: &ReadOptions) -> Result<Workbook, SheetError> {
    let decoded = decode(bytes);
    if decoded.text.trim().is_empty() {
        return Err(SheetError::EmptyFile { file_name: file_name.to_string() });
    }
    if looks_binary(&decoded.text) {
        return Err(SheetError::NotASpreadsheet { file_name: file_name.to_string(), looks_like: LooksLike::Binary });
    }
    let mut rows = parse_rows(&decoded.text, options.separator).map_err(|error| match error {
        SheetError::Csv { row, detail } => damaged(file_name, format!("row {row}: {detail}")),
        other => other,
    })?;
    let limits = &options.limits;
    let sheet_name = file_name.rsplit_once('.').map_or(file_name, |(stem, _)| stem);
    for row in &mut rows.rows {
        // Trailing empty cells are what a sheet's formatted range leaves in an export: they
        // neither count against the column limit nor reach the workbook.
        let used = row.cells.iter().rposition(|cell| !cell.trim().is_empty()).map_or(0, |last| last + 1);
        row.cells.truncate(used);
        if used > 0 {
            check_cell_position(file_name, sheet_name, row.number as u64 - 1, used as u64 - 1, limits)?;
        }
    }
    rows.rows.retain(|row| !row.cells.is_empty());
    Ok(Workbook::from_csv(file_name, decoded.encoding, decoded.replaced, rows))
}

/// True for text that is really binary data read as Windows-1252: a NUL, or more than one
/// control character in a hundred (tab, line breaks and form feed aside).
fn looks_binary(text: &str) -> bool {
    let mut controls = 0usize;
    let mut total = 0usize;
    for c in text.chars() {
        total += 1;
        if c == '\0' {
            return true;
        }
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C') {
            controls += 1;
        }
    }
    controls * 100 > total
}

/// A sheet's cells as they are read, kept sparsely: only cells with a value take memory,
/// whatever the sheet's declared dimension. Cells usually come in row order; when they do not,
/// they are sorted once at the end.
#[derive(Default)]
pub(crate) struct SparseSheet {
    cells: Vec<((usize, usize), Cell)>,
    out_of_order: bool,
}

impl SparseSheet {
    /// Sets the cell at 0-based (`row`, `column`); a later value for the same cell wins.
    pub(crate) fn insert(&mut self, row: usize, column: usize, value: Cell) {
        if self.cells.last().is_some_and(|(last, _)| *last >= (row, column)) {
            self.out_of_order = true;
        }
        self.cells.push(((row, column), value));
    }

    /// The rows with a value, numbered as the spreadsheet shows them, gaps filled with
    /// [`Cell::Empty`].
    pub(crate) fn into_rows(mut self) -> Vec<SheetRow> {
        if self.out_of_order {
            // Stable, so of two values for one cell the later stays last and wins below.
            self.cells.sort_by_key(|(position, _)| *position);
        }
        let mut rows: Vec<SheetRow> = Vec::new();
        for ((row, column), value) in self.cells {
            if rows.last().is_none_or(|last| last.number != row + 1) {
                rows.push(SheetRow { number: row + 1, cells: Vec::new() });
            }
            if let Some(last) = rows.last_mut() {
                if last.cells.len() > column {
                    last.cells.truncate(column);
                }
                last.cells.resize(column, Cell::Empty);
                last.cells.push(value);
            }
        }
        rows
    }
}
