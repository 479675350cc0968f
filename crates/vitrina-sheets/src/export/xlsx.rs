//! Tables written as an .xlsx workbook with `rust_xlsxwriter`.
//!
//! Every text is written as a string cell (`write_string`), so a value that starts with `=` stays
//! the text it is and is never stored as a formula. The header row is bold and frozen.

use super::layout::{Table, Value, MEMBERS_SHEET, TIERS_SHEET};
use super::ExportError;
use rust_xlsxwriter::{DataValidation, ExcelDateTime, Format, Formula, Workbook, Worksheet, XlsxError};

/// The most characters an Excel cell holds.
pub const MAX_CELL_CHARS: usize = 32_767;
/// The most rows an Excel sheet holds, the header included.
pub const MAX_ROWS: usize = 1_048_576;

/// Writes `tables` as the sheets of one workbook; with `tier_dropdown`, the members sheet's
/// `Nivel` column offers the tiers sheet's values as a list.
pub fn workbook(tables: &[Table], tier_dropdown: bool) -> Result<Vec<u8>, ExportError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let wrap = Format::new().set_text_wrap();
    for table in tables {
        if table.rows.len() + 1 > MAX_ROWS {
            return Err(ExportError::TooManyRows { sheet: table.name, rows: table.rows.len() });
        }
        let sheet = workbook.add_worksheet();
        sheet.set_name(table.name).map_err(writer)?;
        for (column, (header, width)) in table.headers.iter().zip(&table.widths).enumerate() {
            let column = column_number(column)?;
            sheet.write_string_with_format(0, column, header, &bold).map_err(writer)?;
            sheet.set_column_width(column, *width).map_err(writer)?;
        }
        sheet.set_freeze_panes(1, 0).map_err(writer)?;
        for (index, row) in table.rows.iter().enumerate() {
            // Checked above: fewer rows than MAX_ROWS, which fits u32.
            let row_number = u32::try_from(index + 1)
                .map_err(|_| ExportError::TooManyRows { sheet: table.name, rows: table.rows.len() })?;
            for (column, value) in row.iter().enumerate() {
                let header = table.headers.get(column).map_or("", String::as_str);
                write_value(sheet, row_number, column_number(column)?, value, (&date, &wrap))
                    .map_err(|error| cell_error(error, table.name, index + 2, header))?;
            }
        }
        if tier_dropdown && table.name == MEMBERS_SHEET {
            add_tier_dropdown(sheet, table)?;
        }
    }
    workbook.save_to_buffer().map_err(writer)
}

fn write_value(
    sheet: &mut Worksheet,
    row: u32,
    column: u16,
    value: &Value,
    (date, wrap): (&Format, &Format),
) -> Result<(), XlsxError> {
    match value {
        Value::Empty => {}
        Value::Text(text) if text.contains('\n') => {
            sheet.write_string_with_format(row, column, text, wrap)?;
        }
        Value::Text(text) => {
            sheet.write_string(row, column, text)?;
        }
        Value::Number(number) => {
            sheet.write_number(row, column, *number)?;
        }
        Value::Date(day) => {
            let excel_date = u16::try_from(day.year())
                .ok()
                .and_then(|year| ExcelDateTime::from_ymd(year, day.month(), day.day()).ok());
            match excel_date {
                Some(excel_date) => {
                    sheet.write_datetime_with_format(row, column, &excel_date, date)?;
                }
                // Excel has no dates before 1900 or after 9999: the ISO text reads back the same.
                None => {
                    sheet.write_string(row, column, day.to_string())?;
                }
            }
        }
    }
    Ok(())
}

fn add_tier_dropdown(sheet: &mut Worksheet, table: &Table) -> Result<(), ExportError> {
    let Some(column) = table.headers.iter().position(|header| header == "Nivel") else {
        return Ok(());
    };
    let column = column_number(column)?;
    let tiers = vitrina_core::model::MemberKind::ALL.len() + 1;
    let list = Formula::new(format!("={TIERS_SHEET}!$A$2:$A${tiers}"));
    let validation = DataValidation::new().allow_list_formula(list);
    sheet.add_data_validation(1, column, (MAX_ROWS - 1) as u32, column, &validation).map_err(writer)?;
    Ok(())
}

fn column_number(column: usize) -> Result<u16, ExportError> {
    u16::try_from(column).map_err(|_| ExportError::Writer(format!("column {column} is past the last column")))
}

fn writer(error: XlsxError) -> ExportError {
    ExportError::Writer(error.to_string())
}

fn cell_error(error: XlsxError, sheet: &'static str, row: usize, header: &str) -> ExportError {
    match error {
        XlsxError::MaxStringLengthExceeded => ExportError::CellTooLong { sheet, row, header: header.to_owned() },
        other => writer(other),
    }
}
