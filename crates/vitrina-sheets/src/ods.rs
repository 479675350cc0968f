//! .ods spreadsheets, read from `content.xml` with quick-xml, sparsely. The rules:
//! - rows and cells repeated with `table:number-rows-repeated` / `number-columns-repeated`
//!   are counted, not expanded, when they are empty: LibreOffice writes 1 048 576 repeated
//!   empty rows and 16 384 repeated empty cells in ordinary files, and they cost nothing;
//! - a repeated cell or row with a value is expanded, after the limit check, so it cannot pass
//!   the row or column limit;
//! - values: `float`, `percentage` and `currency` are numbers, `boolean` a bool, `date` and
//!   `time` an ISO date, an error (`calcext:value-type="error"`) its text, anything else the
//!   cell's text (paragraphs joined by line breaks, `text:s` spaces, tabs and line breaks kept,
//!   comments left out);
//! - formulas are never evaluated: the value LibreOffice stored is the cell's value;
//! - every table is read, hidden ones too, in document order.
//!
//! Why not calamine's `Ods`: it parses every sheet into a dense `Range` of rows × columns
//! (up to 100 million cells) as soon as the file is opened, so a value in A1 and another in
//! KN100000 — within the limits — would allocate about a gigabyte before a single check could
//! run. The zip and quick-xml crates this reader uses are calamine's own, so it adds no
//! dependency to the wasm.

use crate::error::SheetError;
use crate::limits::{check_cell_position, damaged, Archive, CellBudget, Limits};
use crate::read::SparseSheet;
use crate::workbook::{Cell, FileFormat, Sheet, Workbook};
use quick_xml::escape::resolve_xml_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use std::io::{BufRead, BufReader, Read};

/// Reads every table of an .ods whose unpacked size was already checked.
pub(crate) fn read_ods(file_name: &str, archive: &mut Archive<'_>, limits: &Limits) -> Result<Workbook, SheetError> {
    let content = archive.by_name("content.xml").map_err(|error| damaged(file_name, error))?;
    // The guard has checked the real size; the cap keeps this reader safe on its own too.
    let content = BufReader::new(content.take(limits.max_uncompressed_bytes));
    let mut reader = Reader::from_reader(content);
    reader.config_mut().expand_empty_elements = true;
    let mut sheets = Vec::new();
    let mut context = TableReader { file_name, limits, budget: CellBudget::new(limits), buf: Vec::new() };
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf).map_err(|error| damaged(file_name, error))? {
            Event::Start(start) if start.name().as_ref() == "table:table" => {
                let name = attribute(&start, "table:name").unwrap_or_default();
                let rows = context.read_table(&mut reader, &name)?;
                sheets.push(Sheet { name, rows });
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(Workbook { file_name: file_name.to_string(), format: FileFormat::Ods, sheets })
}

struct TableReader<'a> {
    file_name: &'a str,
    limits: &'a Limits,
    budget: CellBudget,
    buf: Vec<u8>,
}

impl TableReader<'_> {
    fn damaged(&self, error: impl std::fmt::Display) -> SheetError {
        damaged(self.file_name, error)
    }

    /// Reads a table's rows up to its end tag.
    fn read_table<R: BufRead>(
        &mut self,
        reader: &mut Reader<R>,
        sheet: &str,
    ) -> Result<Vec<crate::workbook::SheetRow>, SheetError> {
        let mut sparse = SparseSheet::default();
        let mut row: u64 = 0;
        loop {
            self.buf.clear();
            let event = reader.read_event_into(&mut self.buf).map_err(|error| damaged(self.file_name, error))?;
            match event {
                Event::Start(start) if start.name().as_ref() == "table:table-row" => {
                    let repeated = repeat_count(&start, "table:number-rows-repeated");
                    let cells = self.read_row(reader, sheet, row)?;
                    if let Some((last_column, _)) = cells.last() {
                        // A repeated row with values: every copy must fit.
                        check_cell_position(
                            self.file_name,
                            sheet,
                            row.saturating_add(repeated - 1),
                            *last_column,
                            self.limits,
                        )?;
                        let count = (cells.len() as u64).saturating_mul(repeated);
                        self.budget.spend(count, self.file_name, sheet, row, *last_column)?;
                        for copy in 0..repeated {
                            for (column, value) in &cells {
                                sparse.insert((row + copy) as usize, *column as usize, value.clone());
                            }
                        }
                    }
                    row = row.saturating_add(repeated);
                }
                Event::End(end) if end.name().as_ref() == "table:table" => break,
                Event::Eof => return Err(self.damaged("content.xml ends inside a table")),
                _ => {}
            }
        }
        Ok(sparse.into_rows())
    }

    /// Reads a row's cells up to its end tag: the cells with a value and their 0-based columns.
    fn read_row<R: BufRead>(
        &mut self,
        reader: &mut Reader<R>,
        sheet: &str,
        row: u64,
    ) -> Result<Vec<(u64, Cell)>, SheetError> {
        let mut cells = Vec::new();
        let mut column: u64 = 0;
        loop {
            self.buf.clear();
            let event = reader.read_event_into(&mut self.buf).map_err(|error| damaged(self.file_name, error))?;
            match event {
                Event::Start(start)
                    if matches!(start.name().as_ref(), "table:table-cell" | "table:covered-table-cell") =>
                {
                    let repeated = repeat_count(&start, "table:number-columns-repeated");
                    let start = start.into_owned();
                    let value = self.read_cell(reader, &start)?;
                    if !value.is_blank() {
                        check_cell_position(
                            self.file_name,
                            sheet,
                            row,
                            column.saturating_add(repeated - 1),
                            self.limits,
                        )?;
                        for copy in 0..repeated {
                            cells.push((column + copy, value.clone()));
                        }
                    }
                    column = column.saturating_add(repeated);
                }
                Event::End(end) if end.name().as_ref() == "table:table-row" => return Ok(cells),
                Event::Eof => return Err(self.damaged("content.xml ends inside a row")),
                _ => {}
            }
        }
    }

    /// Reads a cell's value from its attributes and, for text, its content up to its end tag.
    fn read_cell<R: BufRead>(&mut self, reader: &mut Reader<R>, start: &BytesStart<'_>) -> Result<Cell, SheetError> {
        let value_type = attribute(start, "office:value-type").unwrap_or_default();
        let is_error = attribute(start, "calcext:value-type").as_deref() == Some("error");
        let text = self.read_cell_text(reader, start.name().as_ref())?;
        let value = match value_type.as_str() {
            _ if is_error => Cell::Error(text),
            "float" | "percentage" | "currency" => match attribute(start, "office:value").map(|v| v.trim().parse()) {
                Some(Ok(number)) => Cell::Number(number),
                _ => Cell::Text(text),
            },
            "boolean" => match attribute(start, "office:boolean-value") {
                Some(value) => Cell::Bool(value.eq_ignore_ascii_case("true")),
                None => Cell::Text(text),
            },
            "date" => attribute(start, "office:date-value").map_or(Cell::Text(text), Cell::IsoDate),
            "time" => attribute(start, "office:time-value").map_or(Cell::Text(text), Cell::IsoDate),
            _ => match attribute(start, "office:string-value") {
                Some(value) => Cell::Text(value),
                None if text.is_empty() => Cell::Empty,
                None => Cell::Text(text),
            },
        };
        Ok(value)
    }

    /// The text of a cell's paragraphs, up to the cell's end tag `cell_tag`.
    fn read_cell_text<R: BufRead>(&mut self, reader: &mut Reader<R>, cell_tag: &str) -> Result<String, SheetError> {
        let cell_tag = cell_tag.to_string();
        let mut text = String::new();
        let mut paragraphs = 0usize;
        let mut in_annotation = 0usize;
        loop {
            self.buf.clear();
            let event = reader.read_event_into(&mut self.buf).map_err(|error| damaged(self.file_name, error))?;
            match event {
                // First: inside an annotation every other event is skipped, and a file cut off
                // inside one (an unclosed `<office:annotation>`) would read its end forever.
                Event::Eof => return Err(self.damaged("content.xml ends inside a cell")),
                Event::End(end) if end.name().as_ref() == cell_tag.as_str() => return Ok(text),
                Event::Start(start) if start.name().as_ref() == "office:annotation" => in_annotation += 1,
                Event::End(end) if end.name().as_ref() == "office:annotation" => {
                    in_annotation = in_annotation.saturating_sub(1)
                }
                _ if in_annotation > 0 => {}
                Event::Start(start) => match start.name().as_ref() {
                    "text:p" => {
                        if paragraphs > 0 {
                            text.push('\n');
                        }
                        paragraphs += 1;
                    }
                    "text:s" => {
                        let spaces = attribute(&start, "text:c").and_then(|c| c.trim().parse().ok()).unwrap_or(1usize);
                        // A count is a few spaces in practice; the cap keeps a hostile one small.
                        text.extend(std::iter::repeat_n(' ', spaces.min(1024)));
                    }
                    "text:tab" => text.push('\t'),
                    "text:line-break" => text.push('\n'),
                    _ => {}
                },
                Event::Text(content) => text.push_str(&content.xml10_content()),
                Event::CData(content) => text.push_str(&content.xml10_content()),
                Event::GeneralRef(entity) => {
                    if let Some(resolved) = resolve_xml_entity(&entity) {
                        text.push_str(resolved);
                    } else if let Some(c) = entity.resolve_char_ref().map_err(|error| self.damaged(error))? {
                        text.push(c);
                    }
                }
                _ => {}
            }
        }
    }
}

/// An attribute's value, unescaped; `None` when it is missing or unreadable.
fn attribute(start: &BytesStart<'_>, name: &str) -> Option<String> {
    let attribute = start.try_get_attribute(name).ok()??;
    attribute.normalized_value(XmlVersion::Implicit1_0).ok().map(|value| value.into_owned())
}

/// A repeat count; a missing, zero or unreadable one is 1.
fn repeat_count(start: &BytesStart<'_>, name: &str) -> u64 {
    attribute(start, name).and_then(|value| value.trim().parse::<u64>().ok()).filter(|&n| n > 0).unwrap_or(1)
}
