//! .xlsx workbooks through calamine's streaming cell reader. The rules:
//! - cells are read one at a time ([`XlsxCellReader::next_cell`](calamine::XlsxCellReader)) and
//!   kept sparsely, never through `worksheet_range`, whose dense range allocates rows × columns
//!   from the sheet's declared `<dimension>`: one stray cell in XFD1048576 would ask for
//!   gigabytes;
//! - a value past the row or column limit is an error naming the sheet and the cell; an empty
//!   cell there (formatting only) is ignored;
//! - formulas are never evaluated: the value Excel cached is the cell's value;
//! - dates keep their serial and the workbook's date system (1900 or 1904);
//! - every worksheet is read, hidden ones too, in tab order; chart sheets hold no cells and are
//!   left out.

use crate::error::SheetError;
use crate::limits::{check_cell_position, damaged, Limits};
use crate::read::SparseSheet;
use crate::workbook::{Cell, DateSystem, FileFormat, Sheet, Workbook};
use calamine::{DataRef, Reader, SheetType, Xlsx};
use std::io::Cursor;

/// Reads every worksheet of an .xlsx whose unpacked size was already checked.
pub(crate) fn read_xlsx(file_name: &str, bytes: &[u8], limits: &Limits) -> Result<Workbook, SheetError> {
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|error| damaged(file_name, error))?;
    let system = if workbook.has_1904_epoch() { DateSystem::Excel1904 } else { DateSystem::Excel1900 };
    let names: Vec<String> = workbook
        .sheets_metadata()
        .iter()
        .filter(|sheet| sheet.typ == SheetType::WorkSheet)
        .map(|sheet| sheet.name.clone())
        .collect();
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        let mut reader = workbook.worksheet_cells_reader(&name).map_err(|error| damaged(file_name, error))?;
        let mut sparse = SparseSheet::default();
        while let Some(cell) = reader.next_cell().map_err(|error| damaged(file_name, error))? {
            let value = cell_value(cell.get_value(), system);
            if value.is_blank() {
                continue;
            }
            let (row, column) = cell.get_position();
            check_cell_position(file_name, &name, u64::from(row), u64::from(column), limits)?;
            sparse.insert(row as usize, column as usize, value);
        }
        sheets.push(Sheet { name, rows: sparse.into_rows() });
    }
    Ok(Workbook { file_name: file_name.to_string(), format: FileFormat::Xlsx, sheets })
}

/// A calamine value as a [`Cell`]; `system` is the workbook's date system.
fn cell_value(value: &DataRef<'_>, system: DateSystem) -> Cell {
    match value {
        DataRef::Empty => Cell::Empty,
        DataRef::Int(number) => Cell::Number(*number as f64),
        DataRef::Float(number) => Cell::Number(*number),
        DataRef::String(text) => Cell::Text(text.clone()),
        DataRef::SharedString(text) => Cell::Text((*text).to_string()),
        DataRef::Bool(value) => Cell::Bool(*value),
        // A duration ([h]:mm) is a count of days, not a day: it stays a number.
        DataRef::DateTime(date) if date.is_duration() => Cell::Number(date.as_f64()),
        DataRef::DateTime(date) => Cell::Date { serial: date.as_f64(), system },
        DataRef::DateTimeIso(text) | DataRef::DurationIso(text) => Cell::IsoDate(text.clone()),
        DataRef::Error(error) => Cell::Error(error.to_string()),
    }
}
