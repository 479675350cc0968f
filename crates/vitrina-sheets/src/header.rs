//! Recognising header cells as fields of the directory format, and finding the header row
//! below any title rows.
//!
//! A cell is compared after folding case, accents and punctuation (`vitrina_core`'s search
//! `normalize`), so `RAZÓN SOCIAL`, `razon_social` and `Razón social:` are the same. A last word
//! `es` or `en` (`Presentación_es`, `pitch (en)`) names the language of the column's text.

use crate::rows::Row;
use serde::{Deserialize, Serialize};
use vitrina_core::search::normalize;
use vitrina_core::Lang;

/// How many rows from the top [`find_header`] looks at for the header.
pub const HEADER_SEARCH_ROWS: usize = 10;

/// A column of the members sheet, named after the member field it fills (directory format 1).
///
/// The nested sheets reuse the same columns: in `Contactos`, [`Column::Company`] (or `Id`) is
/// the key and `Nombre`/`Contacto` the person; in `Certificaciones`, `Certificación` is the
/// certification and [`Column::ValidUntil`], [`Column::Site`] and [`Column::Body`] its details.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Column {
    /// `id`, the member's slug.
    Id,
    /// `legal_name`.
    LegalName,
    /// `name`, the trade name.
    Name,
    /// The company a row of a nested sheet belongs to (id or name); the name on the members sheet.
    Company,
    /// `kind`, the place in the supply chain (tier).
    Kind,
    /// `location.city`.
    City,
    /// `location.state`.
    State,
    /// `location.country`.
    Country,
    /// `capabilities`.
    Capabilities,
    /// `needs`.
    Needs,
    /// `certifications`.
    Certifications,
    /// `employees`.
    Employees,
    /// `investment_musd`, planned investment in millions of USD.
    InvestmentMusd,
    /// `founded`, the year.
    Founded,
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
    /// `linkedin` (a contact's on the `Contactos` sheet).
    Linkedin,
    /// `pitch`.
    Pitch,
    /// `description`.
    Description,
    /// `customers`.
    Customers,
    /// `languages`.
    Languages,
    /// `verified_on`.
    Verified,
    /// `certifications[].valid_until`.
    ValidUntil,
    /// `certifications[].site`.
    Site,
    /// `certifications[].body`, the certification body.
    Body,
}

impl Column {
    /// Every column, in the order of the canonical members sheet.
    pub const ALL: [Column; 29] = [
        Column::Id,
        Column::Name,
        Column::LegalName,
        Column::Company,
        Column::Kind,
        Column::City,
        Column::State,
        Column::Country,
        Column::Capabilities,
        Column::Needs,
        Column::Certifications,
        Column::Employees,
        Column::InvestmentMusd,
        Column::Founded,
        Column::ContactName,
        Column::ContactRole,
        Column::ContactEmail,
        Column::ContactPhone,
        Column::ContactWhatsapp,
        Column::Website,
        Column::Linkedin,
        Column::Pitch,
        Column::Description,
        Column::Customers,
        Column::Languages,
        Column::Verified,
        Column::ValidUntil,
        Column::Site,
        Column::Body,
    ];

    /// The member field this column fills, as a path in the directory format.
    pub fn field(self) -> &'static str {
        use Column::*;
        match self {
            Id => "id",
            LegalName => "legal_name",
            Name | Company => "name",
            Kind => "kind",
            City => "location.city",
            State => "location.state",
            Country => "location.country",
            Capabilities => "capabilities",
            Needs => "needs",
            Certifications => "certifications",
            Employees => "employees",
            InvestmentMusd => "investment_musd",
            Founded => "founded",
            ContactName => "contacts[].name",
            ContactRole => "contacts[].role",
            ContactEmail => "contacts[].email",
            ContactPhone => "contacts[].phone",
            ContactWhatsapp => "contacts[].whatsapp",
            Website => "website",
            Linkedin => "linkedin",
            Pitch => "pitch",
            Description => "description",
            Customers => "customers",
            Languages => "languages",
            Verified => "verified_on",
            ValidUntil => "certifications[].valid_until",
            Site => "certifications[].site",
            Body => "certifications[].body",
        }
    }

    /// The Spanish header export and the template write, which [`recognise`] reads back.
    pub fn canonical_header(self) -> &'static str {
        use Column::*;
        match self {
            Id => "Id",
            LegalName => "Razón social",
            Name => "Nombre comercial",
            Company => "Empresa",
            Kind => "Nivel",
            City => "Ciudad",
            State => "Estado",
            Country => "País",
            Capabilities => "Procesos",
            Needs => "Necesidades",
            Certifications => "Certificaciones",
            Employees => "Empleados",
            InvestmentMusd => "Inversión planeada (MDD)",
            Founded => "Año de fundación",
            ContactName => "Contacto",
            ContactRole => "Puesto",
            ContactEmail => "Correo electrónico",
            ContactPhone => "Teléfono",
            ContactWhatsapp => "WhatsApp",
            Website => "Sitio web",
            Linkedin => "LinkedIn",
            Pitch => "Presentación",
            Description => "Descripción",
            Customers => "Clientes",
            Languages => "Idiomas",
            Verified => "Verificado",
            ValidUntil => "Vigencia",
            Site => "Sitio",
            Body => "Organismo certificador",
        }
    }

    /// True for the columns whose text can be given per language (`Presentación_es`).
    pub fn is_text(self) -> bool {
        matches!(self, Column::Pitch | Column::Description | Column::ContactRole | Column::Site)
    }
}

/// The headers recognised, folded, Spanish first then English: the one table to extend.
const HEADERS: &[(&str, Column)] = &[
    ("id", Column::Id),
    ("clave", Column::Id),
    ("razon social", Column::LegalName),
    ("legal name", Column::LegalName),
    ("nombre comercial", Column::Name),
    ("nombre", Column::Name),
    ("trade name", Column::Name),
    ("name", Column::Name),
    ("empresa", Column::Company),
    ("socio", Column::Company),
    ("company", Column::Company),
    ("member", Column::Company),
    ("nivel", Column::Kind),
    ("tier", Column::Kind),
    ("nivel tier", Column::Kind),
    ("tipo", Column::Kind),
    ("kind", Column::Kind),
    ("ciudad", Column::City),
    ("municipio", Column::City),
    ("city", Column::City),
    ("estado", Column::State),
    ("state", Column::State),
    ("pais", Column::Country),
    ("country", Column::Country),
    ("procesos", Column::Capabilities),
    ("capacidades", Column::Capabilities),
    ("procesos capacidades", Column::Capabilities),
    ("processes", Column::Capabilities),
    ("capabilities", Column::Capabilities),
    ("necesidades", Column::Needs),
    ("needs", Column::Needs),
    ("certificaciones", Column::Certifications),
    ("certificacion", Column::Certifications),
    ("certifications", Column::Certifications),
    ("certification", Column::Certifications),
    ("empleados", Column::Employees),
    ("numero de empleados", Column::Employees),
    ("employees", Column::Employees),
    ("inversion planeada mdd", Column::InvestmentMusd),
    ("inversion planeada", Column::InvestmentMusd),
    ("planned investment musd", Column::InvestmentMusd),
    ("planned investment", Column::InvestmentMusd),
    ("ano de fundacion", Column::Founded),
    ("fundacion", Column::Founded),
    ("founded", Column::Founded),
    ("year founded", Column::Founded),
    ("contacto", Column::ContactName),
    ("contact", Column::ContactName),
    ("puesto", Column::ContactRole),
    ("cargo", Column::ContactRole),
    ("role", Column::ContactRole),
    ("correo electronico", Column::ContactEmail),
    ("correo", Column::ContactEmail),
    ("email", Column::ContactEmail),
    ("e mail", Column::ContactEmail),
    ("telefono", Column::ContactPhone),
    ("tel", Column::ContactPhone),
    ("celular", Column::ContactPhone),
    ("movil", Column::ContactPhone),
    ("phone", Column::ContactPhone),
    ("mobile", Column::ContactPhone),
    ("whatsapp", Column::ContactWhatsapp),
    ("whats app", Column::ContactWhatsapp),
    ("sitio web", Column::Website),
    ("pagina web", Column::Website),
    ("website", Column::Website),
    ("web", Column::Website),
    ("url", Column::Website),
    ("linkedin", Column::Linkedin),
    ("presentacion", Column::Pitch),
    ("pitch", Column::Pitch),
    ("presentacion pitch", Column::Pitch),
    ("descripcion", Column::Description),
    ("description", Column::Description),
    ("clientes", Column::Customers),
    ("customers", Column::Customers),
    ("idiomas", Column::Languages),
    ("languages", Column::Languages),
    ("verificado", Column::Verified),
    ("verificado el", Column::Verified),
    ("verified", Column::Verified),
    ("verified on", Column::Verified),
    ("vigencia", Column::ValidUntil),
    ("valido hasta", Column::ValidUntil),
    ("vigente hasta", Column::ValidUntil),
    ("valid until", Column::ValidUntil),
    ("sitio", Column::Site),
    ("planta", Column::Site),
    ("site", Column::Site),
    ("organismo certificador", Column::Body),
    ("organismo", Column::Body),
    ("certificadora", Column::Body),
    ("certification body", Column::Body),
    ("body", Column::Body),
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
