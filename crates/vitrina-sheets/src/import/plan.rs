//! What each sheet of the workbooks is and what each of its columns means, before anything
//! is imported: the staff page shows this, so unknown columns can be assigned by hand.
//!
//! The rules, each pinned by a test:
//! - the header row is the mapping's, else the first of the first [`HEADER_SEARCH_ROWS`] rows
//!   with two known headers (title rows above it are skipped), else, for a capability matrix,
//!   the first row with a company column and two columns of marks below it;
//! - a header is what the mapping assigns it, else what [`recognise`] reads, else a
//!   capability when one value below it is a mark saying yes and most of them are marks;
//! - a sheet named `Contactos`/`Contacts` holds contacts, one named
//!   `Certificaciones`/`Certifications` holds certificates; a sheet whose only known columns
//!   name the company and which has capability columns is a capability matrix; of the other
//!   sheets of a workbook with a name column and two known columns, the members sheet is the
//!   one the mapping names, else the one with the most distinct member columns (the first on a
//!   tie), so members on the second sheet are found; the reference lists the template and the
//!   export write (`Niveles`, `Vocabulario`, `Listas`) are skipped; the rest are not imported,
//!   and say so.

use super::mapping::{Mapping, Target};
use super::values::mark;
use crate::decode::SourceEncoding;
use crate::header::{recognise, Column, HEADER_SEARCH_ROWS};
use crate::separator::Separator;
use crate::workbook::{FileFormat, Sheet, SheetRow, Workbook};
use std::collections::BTreeSet;
use vitrina_core::search::normalize;
use vitrina_core::Lang;

/// How many sample values a column shows.
pub const SAMPLES: usize = 3;

/// What every sheet of every workbook is.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// One per workbook, in the order given.
    pub workbooks: Vec<WorkbookPlan>,
}

/// What the sheets of one workbook are.
#[derive(Clone, Debug, PartialEq)]
pub struct WorkbookPlan {
    /// The file's name.
    pub file_name: String,
    /// How it was read (for CSV: the encoding and separator, which staff may override).
    pub format: FileFormat,
    /// Its sheets, in tab order.
    pub sheets: Vec<SheetPlan>,
}

impl WorkbookPlan {
    /// The separator a CSV file was split on.
    pub fn separator(&self) -> Option<Separator> {
        match self.format {
            FileFormat::Csv { separator, .. } => Some(separator),
            _ => None,
        }
    }

    /// The encoding a CSV file was read in.
    pub fn encoding(&self) -> Option<SourceEncoding> {
        match self.format {
            FileFormat::Csv { encoding, .. } => Some(encoding),
            _ => None,
        }
    }
}

/// What a sheet holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SheetKind {
    /// One member per row.
    Members,
    /// One contact per row, keyed by company.
    Contacts,
    /// One certificate per row, keyed by company.
    Certifications,
    /// One company per row, one capability per column, marked.
    CapabilityMatrix,
    /// Nothing the import reads (also the reference lists the template and the export write,
    /// see [`is_reference_sheet`]).
    Unknown,
}

/// Where a sheet's header row is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeaderFound {
    /// Its index in the sheet's rows.
    pub index: usize,
    /// Its 1-based spreadsheet row number.
    pub number: usize,
    /// True when the mapping gave it.
    pub from_mapping: bool,
}

/// One column of a sheet and what it is imported as.
#[derive(Clone, Debug, PartialEq)]
pub struct PlannedColumn {
    /// 0-based column index (A is 0).
    pub index: usize,
    /// The header as written, trimmed.
    pub header: String,
    /// What it is imported as; `None` for an unknown column, which staff can assign.
    pub target: Option<Target>,
    /// The language of its text, from an `_es`/`_en` suffix.
    pub lang: Option<Lang>,
    /// True when the mapping assigned it.
    pub assigned: bool,
    /// A few distinct values below the header, to help assign it.
    pub samples: Vec<String>,
    /// How many non-blank values it has below the header.
    pub values: usize,
}

/// What a sheet is and how its columns are read.
#[derive(Clone, Debug, PartialEq)]
pub struct SheetPlan {
    /// The sheet's name.
    pub name: String,
    /// What it holds.
    pub kind: SheetKind,
    /// Its header row, if one was found.
    pub header: Option<HeaderFound>,
    /// Its columns, left to right (blank-headed columns only when they hold values).
    pub columns: Vec<PlannedColumn>,
    /// Its non-blank rows below the header (all of them when there is no header).
    pub rows: usize,
}

impl SheetPlan {
    /// The rows below the header that hold something, with the sheet they come from.
    pub fn data_rows<'s>(&self, sheet: &'s Sheet) -> impl Iterator<Item = &'s SheetRow> {
        let skip = self.header.map_or(0, |header| header.index + 1);
        sheet.rows.iter().skip(skip).filter(|row| row_has_values(row))
    }
}

/// True when a row has a non-blank cell.
pub fn row_has_values(row: &SheetRow) -> bool {
    row.cells.iter().any(|cell| !cell.is_blank())
}

/// Names (folded) of the sheets that hold contacts.
const CONTACT_SHEETS: &[&str] = &["contactos", "contacts", "contacto", "contact"];
/// Names (folded) of the sheets that hold certificates.
const CERTIFICATION_SHEETS: &[&str] = &["certificaciones", "certifications", "certificados", "certificates"];

/// Names (folded) of the reference sheets the template and the export write.
const REFERENCE_SHEETS: &[&str] = &["niveles", "tiers", "vocabulario", "vocabulary", "listas", "lists"];

/// True for the reference lists the template and the export write beside the data (`Niveles`,
/// `Vocabulario`, `Listas`): they hold no member data, so they are not read and no problem
/// says so.
pub fn is_reference_sheet(name: &str) -> bool {
    REFERENCE_SHEETS.contains(&normalize(name).as_str())
}

/// The columns that name the company a row belongs to.
pub const KEY_COLUMNS: [Column; 4] = [Column::Id, Column::Company, Column::LegalName, Column::Name];

/// Plans every workbook: what each sheet is, its header row and each column's target.
pub fn plan(workbooks: &[Workbook], saved: &Mapping) -> Plan {
    Plan { workbooks: workbooks.iter().map(|workbook| plan_workbook(workbook, saved)).collect() }
}

fn plan_workbook(workbook: &Workbook, saved: &Mapping) -> WorkbookPlan {
    let mut sheets: Vec<SheetPlan> = workbook.sheets.iter().map(|sheet| plan_sheet(sheet, saved)).collect();
    // The sheet staff named holds the members whatever its columns look like, once it has a header.
    let named = sheets.iter().position(|sheet| {
        saved.names_members_sheet(&sheet.name)
            && sheet.header.is_some()
            && !matches!(sheet.kind, SheetKind::Contacts | SheetKind::Certifications)
    });
    if let Some(position) = named {
        sheets[position].kind = SheetKind::Members;
    }
    let best = named.or_else(|| {
        let mut best: Option<(usize, usize)> = None;
        for (position, sheet) in sheets.iter().enumerate() {
            let score = member_score(sheet);
            if sheet.kind == SheetKind::Members && best.is_none_or(|(_, best_score)| score > best_score) {
                best = Some((position, score));
            }
        }
        best.map(|(position, _)| position)
    });
    for (position, sheet) in sheets.iter_mut().enumerate() {
        if sheet.kind == SheetKind::Members && Some(position) != best {
            sheet.kind = SheetKind::Unknown;
        }
    }
    WorkbookPlan { file_name: workbook.file_name.clone(), format: workbook.format, sheets }
}

/// How many distinct member columns a sheet has.
fn member_score(sheet: &SheetPlan) -> usize {
    let columns: BTreeSet<Column> =
        sheet.columns.iter().filter_map(|column| column_of(column.target.as_ref())).collect();
    columns.len()
}

fn column_of(target: Option<&Target>) -> Option<Column> {
    match target {
        Some(Target::Column(column)) => Some(*column),
        _ => None,
    }
}

/// What a header means by the mapping, else by [`recognise`].
fn target_of(header: &str, saved: &Mapping) -> (Option<Target>, bool) {
    match saved.target(header) {
        Some(target) => (Some(target.clone()), true),
        None => (recognise(header).map(|cell| Target::Column(cell.column)), false),
    }
}

/// The language a header's last word names (`Presentación_es`).
fn header_lang(header: &str) -> Option<Lang> {
    let folded = normalize(header);
    let (_, suffix) = folded.rsplit_once(' ')?;
    Lang::from_tag(suffix).filter(|_| suffix.len() == 2)
}

fn plan_sheet(sheet: &Sheet, saved: &Mapping) -> SheetPlan {
    if is_reference_sheet(&sheet.name) && !saved.names_members_sheet(&sheet.name) {
        let rows = sheet.rows.iter().filter(|row| row_has_values(row)).count();
        return SheetPlan {
            name: sheet.name.clone(),
            kind: SheetKind::Unknown,
            header: None,
            columns: Vec::new(),
            rows,
        };
    }
    let header = find_header(sheet, saved);
    let Some(found) = header else {
        let rows = sheet.rows.iter().filter(|row| row_has_values(row)).count();
        return SheetPlan { name: sheet.name.clone(), kind: SheetKind::Unknown, header, columns: Vec::new(), rows };
    };
    let header_row = &sheet.rows[found.index];
    let below = &sheet.rows[found.index + 1..];
    let width = below.iter().chain([header_row]).map(|row| row.cells.len()).max().unwrap_or(0);
    let mut columns = Vec::new();
    for index in 0..width {
        let text = header_row.cells.get(index).map(|cell| cell.text().trim().to_owned()).unwrap_or_default();
        let values = below.iter().filter_map(|row| row.cells.get(index)).filter(|cell| !cell.is_blank());
        let count = values.clone().count();
        if text.is_empty() && count == 0 {
            continue;
        }
        let mut samples: Vec<String> = Vec::new();
        for value in values.clone() {
            let value: String = value.text().trim().chars().take(60).collect();
            if !samples.contains(&value) {
                samples.push(value);
            }
            if samples.len() == SAMPLES {
                break;
            }
        }
        let (mut target, assigned) = if text.is_empty() { (None, false) } else { target_of(&text, saved) };
        if target.is_none() && !text.is_empty() && is_mark_column(below, index) {
            target = Some(Target::Capability);
        }
        columns.push(PlannedColumn {
            index,
            lang: header_lang(&text),
            header: text,
            target,
            assigned,
            samples,
            values: count,
        });
    }
    let kind = sheet_kind(&sheet.name, &columns);
    let rows = below.iter().filter(|row| row_has_values(row)).count();
    SheetPlan { name: sheet.name.clone(), kind, header, columns, rows }
}

/// True when one value below the header is a matrix mark saying yes and most values are marks
/// (a stray `tal vez` is then a problem, not a lost column; a notes column with one `x` is not).
fn is_mark_column(rows: &[SheetRow], index: usize) -> bool {
    let (mut yes, mut marks, mut others) = (0usize, 0usize, 0usize);
    for cell in rows.iter().filter_map(|row| row.cells.get(index)).filter(|cell| !cell.is_blank()) {
        match mark(cell) {
            Some(said_yes) => {
                marks += 1;
                yes += usize::from(said_yes);
            }
            None => others += 1,
        }
    }
    yes > 0 && marks > others
}

fn sheet_kind(name: &str, columns: &[PlannedColumn]) -> SheetKind {
    let folded = normalize(name);
    if CONTACT_SHEETS.contains(&folded.as_str()) {
        return SheetKind::Contacts;
    }
    if CERTIFICATION_SHEETS.contains(&folded.as_str()) {
        return SheetKind::Certifications;
    }
    let known: Vec<Column> = columns.iter().filter_map(|column| column_of(column.target.as_ref())).collect();
    let has_key = known.iter().any(|column| KEY_COLUMNS.contains(column));
    let capability_columns = columns.iter().filter(|column| column.target == Some(Target::Capability)).count();
    if has_key && capability_columns > 0 && known.iter().all(|column| KEY_COLUMNS.contains(column)) {
        return SheetKind::CapabilityMatrix;
    }
    let has_name = known.iter().any(|column| matches!(column, Column::Name | Column::Company | Column::LegalName));
    let distinct: BTreeSet<&Column> = known.iter().collect();
    if has_name && distinct.len() >= 2 {
        SheetKind::Members
    } else {
        SheetKind::Unknown
    }
}

/// The header row: the mapping's, else two known headers, else a matrix's company column.
fn find_header(sheet: &Sheet, saved: &Mapping) -> Option<HeaderFound> {
    if let Some(number) = saved.header_row(&sheet.name) {
        let index = sheet.rows.iter().position(|row| row.number == number)?;
        return Some(HeaderFound { index, number, from_mapping: true });
    }
    let known = |row: &SheetRow| {
        row.cells
            .iter()
            .filter(|cell| matches!(target_of(cell.text().trim(), saved).0, Some(Target::Column(_))))
            .count()
    };
    let searched = sheet.rows.iter().take(HEADER_SEARCH_ROWS).enumerate();
    if let Some((index, row)) = searched.clone().find(|(_, row)| known(row) >= 2) {
        return Some(HeaderFound { index, number: row.number, from_mapping: false });
    }
    searched
        .filter(|(_, row)| known(row) == 1)
        .find(|(index, row)| {
            let has_key = row.cells.iter().any(|cell| {
                matches!(target_of(cell.text().trim(), saved).0, Some(Target::Column(column)) if KEY_COLUMNS.contains(&column))
            });
            let below = &sheet.rows[index + 1..];
            let marks = (0..row.cells.len())
                .filter(|&column| !row.cells[column].is_blank() && is_mark_column(below, column))
                .count();
            has_key && marks >= 2
        })
        .map(|(index, row)| HeaderFound { index, number: row.number, from_mapping: false })
}
