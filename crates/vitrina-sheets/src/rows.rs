//! Splitting CSV text into rows with the `csv` crate: quotes, doubled quotes, line breaks inside
//! quoted cells, and rows of uneven length are all read.
//!
//! Row numbers are those a spreadsheet shows when it opens the file: a quoted line break does
//! not start a row, a blank line is a row (left out of the list, but counted), and the `sep=`
//! hint line is not a row.

use crate::error::SheetError;
use crate::separator::{detect_separator, split_separator_hint, Separator};

/// One row of cells and where it is in the spreadsheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// 1-based spreadsheet row number, for problem messages.
    pub number: usize,
    /// The cells, as text, unquoted.
    pub cells: Vec<String>,
}

/// The rows of a CSV text and the separator they were split on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rows {
    /// The separator used: the caller's, the `sep=` hint's, or the detected one.
    pub separator: Separator,
    /// The non-blank rows, in order.
    pub rows: Vec<Row>,
}

/// Splits CSV text into rows; `separator` overrides the `sep=` hint and detection.
pub fn parse_rows(text: &str, separator: Option<Separator>) -> Result<Rows, SheetError> {
    let (hint, body) = split_separator_hint(text);
    let separator = separator.or(hint).unwrap_or_else(|| detect_separator(body));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator.byte())
        .from_reader(body.as_bytes());
    let mut rows = Vec::new();
    // Rows are counted as line breaks before the record's first byte, less the line breaks
    // inside quoted cells of the records before it; both counts grow as the records are read.
    let (mut counted_up_to, mut breaks_before, mut breaks_inside_cells) = (0usize, 0usize, 0usize);
    let mut record = csv::ByteRecord::new();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(error) => {
                let row = 1 + breaks_before.saturating_sub(breaks_inside_cells);
                return Err(SheetError::Csv { row, detail: error.to_string() });
            }
        }
        // The reader's position may sit before the blank lines it skipped; step over them.
        let read_from = record.position().map_or(counted_up_to, |p| p.byte() as usize).max(counted_up_to);
        let skipped = body.as_bytes().get(read_from..).unwrap_or_default();
        let start = read_from + skipped.iter().take_while(|&&b| b == b'\r' || b == b'\n').count();
        breaks_before += line_breaks(body.as_bytes().get(counted_up_to..start).unwrap_or_default());
        counted_up_to = start;
        let number = 1 + breaks_before.saturating_sub(breaks_inside_cells);
        breaks_inside_cells += record.iter().map(line_breaks).sum::<usize>();
        let cells = record.iter().map(|cell| String::from_utf8_lossy(cell).into_owned()).collect();
        rows.push(Row { number, cells });
    }
    Ok(Rows { separator, rows })
}

/// Line breaks in `bytes`: `\n`, `\r\n` and a lone `\r` each count once.
fn line_breaks(bytes: &[u8]) -> usize {
    let lone_returns = bytes.windows(2).filter(|pair| pair[0] == b'\r' && pair[1] != b'\n').count()
        + usize::from(bytes.last() == Some(&b'\r'));
    bytes.iter().filter(|&&b| b == b'\n').count() + lone_returns
}
