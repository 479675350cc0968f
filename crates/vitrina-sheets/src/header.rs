//! Recognising header cells as fields of the directory format, and finding the header row
//! below any title rows.
//!
//! A cell is compared after folding case, accents and punctuation (`vitrina_core`'s search
//! `normalize`), so `RAZÓN SOCIAL`, `razon_social` and `Razón social:` are the same. A last word
//! `es` or `en` (`Presentación_es`, `pitch (en)`) names the language of the column's text.

use crate::rows::Row;
use vitrina_core::search::normalize;
use vitrina_core::Lang;

/// How many rows from the top [`find_header`] looks at for the header.
pub const HEADER_SEARCH_ROWS: usize = 10;

/// A column of the members sheet, named after the member field it fills (directory format 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    /// `legal_name`.
    LegalName,
    /// `name`, the trade name.
    Name,
    /// `kind`, the place in the supply chain (tier).
    Kind,
    /// `location.city`.
    City,
    /// `location.state`.
    State,
    /// `capabilities`.
    Capabilities,
    /// `certifications`.
    Certifications,
    /// `employees`.
    Employees,
    /// `investment_musd`, planned investment in millions of USD.
    InvestmentMusd,
    /// `contacts[].name`.
    ContactName,
    /// `contacts[].role`.
    ContactRole,
    /// `contacts[].email`.
    ContactEmail,
    /// `contacts[].phone`.
    ContactPhone,
    /// `contacts[].whatsapp`.
    ContactWhatsapp,
    /// `website`.
    Website,
    /// `pitch`.
    Pitch,
}

impl Column {
    /// The member field this column fills, as a path in the directory format.
    pub fn field(self) -> &'static str {
        use Column::*;
        match self {
            LegalName => "legal_name",
            Name => "name",
            Kind => "kind",
            City => "location.city",
            State => "location.state",
            Capabilities => "capabilities",
            Certifications => "certifications",
            Employees => "employees",
            InvestmentMusd => "investment_musd",
            ContactName => "contacts[].name",
            ContactRole => "contacts[].role",
            ContactEmail => "contacts[].email",
            ContactPhone => "contacts[].phone",
            ContactWhatsapp => "contacts[].whatsapp",
            Website => "website",
            Pitch => "pitch",
        }
    }
}

/// The headers recognised, folded, Spanish first then English: the one table to extend.
const HEADERS: &[(&str, Column)] = &[
    ("razon social", Column::LegalName),
    ("legal name", Column::LegalName),
    ("nombre comercial", Column::Name),
    ("nombre", Column::Name),
    ("empresa", Column::Name),
    ("trade name", Column::Name),
    ("name", Column::Name),
    ("company", Column::Name),
    ("nivel", Column::Kind),
    ("tier", Column::Kind),
    ("kind", Column::Kind),
    ("ciudad", Column::City),
    ("city", Column::City),
    ("estado", Column::State),
    ("state", Column::State),
    ("procesos", Column::Capabilities),
    ("capacidades", Column::Capabilities),
    ("capabilities", Column::Capabilities),
    ("certificaciones", Column::Certifications),
    ("certifications", Column::Certifications),
    ("empleados", Column::Employees),
    ("employees", Column::Employees),
    ("inversion planeada mdd", Column::InvestmentMusd),
    ("inversion planeada", Column::InvestmentMusd),
    ("planned investment musd", Column::InvestmentMusd),
    ("planned investment", Column::InvestmentMusd),
    ("contacto", Column::ContactName),
    ("contact", Column::ContactName),
    ("puesto", Column::ContactRole),
    ("role", Column::ContactRole),
    ("correo electronico", Column::ContactEmail),
    ("correo", Column::ContactEmail),
    ("email", Column::ContactEmail),
    ("e mail", Column::ContactEmail),
    ("telefono", Column::ContactPhone),
    ("phone", Column::ContactPhone),
    ("whatsapp", Column::ContactWhatsapp),
    ("sitio web", Column::Website),
    ("website", Column::Website),
    ("web", Column::Website),
    ("presentacion", Column::Pitch),
    ("pitch", Column::Pitch),
];

/// A header cell recognised: the column, and the language its text is in, if the header says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeaderCell {
    /// The member field the column fills.
    pub column: Column,
    /// The language of the column's text, from an `_es`/`_en` suffix.
    pub lang: Option<Lang>,
}

/// Recognises a header cell by the table above, ignoring case, accents and punctuation.
pub fn recognise(header_cell: &str) -> Option<HeaderCell> {
    let folded = normalize(header_cell);
    let lookup = |key: &str| HEADERS.iter().find(|(header, _)| *header == key).map(|&(_, column)| column);
    if let Some(column) = lookup(&folded) {
        return Some(HeaderCell { column, lang: None });
    }
    let (stem, suffix) = folded.rsplit_once(' ')?;
    let lang = Lang::from_tag(suffix).filter(|_| suffix.len() == 2)?;
    lookup(stem).map(|column| HeaderCell { column, lang: Some(lang) })
}

/// The header row of a sheet and what each of its cells was recognised as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeaderRow {
    /// Index of the header in the rows given to [`find_header`].
    pub index: usize,
    /// Its 1-based spreadsheet row number.
    pub number: usize,
    /// Each cell's recognised column, `None` for a cell not recognised (shown to staff to map).
    pub cells: Vec<Option<HeaderCell>>,
}

/// The first of the first [`HEADER_SEARCH_ROWS`] rows with at least two recognised cells.
pub fn find_header(rows: &[Row]) -> Option<HeaderRow> {
    rows.iter().take(HEADER_SEARCH_ROWS).enumerate().find_map(|(index, row)| {
        let cells: Vec<Option<HeaderCell>> = row.cells.iter().map(|cell| recognise(cell)).collect();
        (cells.iter().flatten().count() >= 2).then_some(HeaderRow { index, number: row.number, cells })
    })
}
