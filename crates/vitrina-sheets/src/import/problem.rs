//! What the import could not take as it was: each problem names the sheet, the spreadsheet
//! row and the column header, and says in Spanish and English what was kept and what was left
//! out, so staff can fix the sheet.

use super::values::{DateProblem, NumberProblem, UrlProblem};
use vitrina_core::phone::PhoneProblem;
use vitrina_core::valid::EmailProblem;
use vitrina_core::Lang;

/// One problem of an import, where it is in the workbook.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportProblem {
    /// The file the sheet is in.
    pub file: String,
    /// The sheet's name.
    pub sheet: String,
    /// The 1-based spreadsheet row; for a problem of a whole sheet or column, its header row
    /// (or 1 when it has none).
    pub row: usize,
    /// The column's header as written, when the problem is about one column.
    pub column: Option<String>,
    /// What is wrong.
    pub kind: ImportProblemKind,
}

/// Which vocabulary a name was looked up in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum VocabularyKind {
    /// Capabilities (for capabilities, needs and matrix columns).
    Capability,
    /// Certifications.
    Certification,
}

impl VocabularyKind {
    fn name(self, lang: Lang) -> &'static str {
        match self {
            VocabularyKind::Capability => lang.pick("El proceso", "The capability"),
            VocabularyKind::Certification => lang.pick("La certificación", "The certification"),
        }
    }
}

/// What is wrong, with the values needed to say it.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportProblemKind {
    /// Occurs when no sheet of the workbooks has a header with member columns.
    NoMembersSheet,
    /// Occurs for a sheet the import does not read (not members, contacts, certifications or a
    /// capability matrix, or a second members sheet).
    SheetNotImported {
        /// Its non-blank rows, all left out.
        rows: usize,
    },
    /// Occurs when a sheet has no header row the import can find (or the mapping's is missing).
    NoHeaderRow {
        /// Its non-blank rows, all left out.
        rows: usize,
    },
    /// Occurs for a column whose header is not known and was not assigned.
    ColumnNotImported {
        /// Its non-blank values, all left out.
        values: usize,
    },
    /// Occurs for a row with values but no name (nor legal name).
    NoName,
    /// Occurs when a name has no letter or digit to make an id from.
    NoIdFromName {
        /// The name as written.
        name: String,
    },
    /// Occurs when a company's name or id is the same as an earlier row's.
    DuplicateMember {
        /// The sheet of the first row.
        first_sheet: String,
        /// The first row, which is kept.
        first_row: usize,
        /// The name or id they share.
        key: String,
    },
    /// Occurs when an `Id` cell is not a valid id; the id is made from the name instead.
    BadId {
        /// The cell as written.
        value: String,
        /// The id made from the name.
        made: String,
    },
    /// Occurs when the trade name is blank and the legal name stands in for it.
    NameFromLegalName {
        /// The legal name used.
        legal_name: String,
    },
    /// Occurs when two columns fill one field with different values.
    TwoValues {
        /// The value kept, from the first column.
        kept: String,
        /// The value left out.
        dropped: String,
    },
    /// Occurs when a row of a nested sheet names no company.
    NoCompany,
    /// Occurs when a row of a nested sheet names a company no member has.
    UnknownCompany {
        /// The company as written.
        company: String,
    },
    /// Occurs when contact values have no person's name.
    ContactWithoutName,
    /// Occurs when a member lists the same person twice.
    DuplicateContact {
        /// The person's name.
        name: String,
    },
    /// Occurs when a certificate row names no certification.
    NoCertification,
    /// Occurs when a tier word is not one the import knows.
    UnknownKind {
        /// The cell as written.
        value: String,
    },
    /// Occurs when a number column holds something else, or an ambiguous number.
    BadNumber {
        /// The cell as written.
        value: String,
        /// Why.
        problem: NumberProblem,
    },
    /// Occurs when a year is not a whole number between 1800 and 2100.
    BadYear {
        /// The cell as written.
        value: String,
    },
    /// Occurs when a date column holds something that is not a date.
    BadDate {
        /// The cell as written.
        value: String,
        /// Why.
        problem: DateProblem,
    },
    /// Occurs when an e-mail address is not one.
    BadEmail {
        /// The cell as written.
        value: String,
        /// Why.
        problem: EmailProblem,
    },
    /// Occurs when a phone number cannot be read as E.164; it is kept as written.
    BadPhone {
        /// The cell as written.
        value: String,
        /// Why.
        problem: PhoneProblem,
    },
    /// Occurs when a WhatsApp number is not a valid number.
    BadWhatsapp {
        /// The cell as written.
        value: String,
        /// Why.
        problem: PhoneProblem,
    },
    /// Occurs when a web or LinkedIn address is not an http(s) address.
    BadUrl {
        /// The cell as written.
        value: String,
        /// Why.
        problem: UrlProblem,
    },
    /// Occurs when a country is not a code or a known name.
    BadCountry {
        /// The cell as written.
        value: String,
    },
    /// Occurs when a language is not a tag or a known name.
    BadLanguage {
        /// The value as written.
        value: String,
    },
    /// Occurs when a capability matrix cell is not a mark (`X`, `sí`, `1`, blank, `no`, `0`).
    BadMark {
        /// The cell as written.
        value: String,
    },
    /// Occurs when a capability or certification name is not in the vocabulary and staff have
    /// not decided what it is.
    Unmatched {
        /// Which vocabulary.
        vocabulary: VocabularyKind,
        /// The name as written.
        value: String,
    },
    /// Occurs when a decision maps a name to an id the vocabulary does not have.
    DecisionToUnknownId {
        /// Which vocabulary.
        vocabulary: VocabularyKind,
        /// The name as written.
        value: String,
        /// The id the decision names.
        id: String,
    },
    /// Occurs for a spreadsheet error value (`#N/A`, `#REF!`) in a cell.
    ErrorValue {
        /// The error as the spreadsheet shows it.
        value: String,
    },
}

impl ImportProblem {
    /// Where the problem is, for a person: `Socios, fila 12, columna «Teléfono»`.
    pub fn place(&self, lang: Lang) -> String {
        let column = match (&self.column, lang) {
            (Some(header), Lang::Es) => format!(", columna «{header}»"),
            (Some(header), Lang::En) => format!(", column “{header}”"),
            (None, _) => String::new(),
        };
        format!("{}, {} {}{column}", self.sheet, lang.pick("fila", "row"), self.row)
    }

    /// What is wrong, what was kept and what was left out, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        self.kind.message(lang)
    }
}

impl ImportProblemKind {
    /// What is wrong, what was kept and what was left out, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use ImportProblemKind::*;
        let es = matches!(lang, Lang::Es);
        match self {
            NoMembersSheet => lang
                .pick(
                    "Ninguna hoja tiene una fila de encabezados con columnas de socios, como «Nombre comercial» y «Ciudad»; no se importó ningún socio.",
                    "No sheet has a header row with member columns, such as “Trade name” and “City”; no member was imported.",
                )
                .into(),
            SheetNotImported { rows } => if es {
                format!("Esta hoja no es de socios, contactos, certificaciones ni una matriz de procesos: sus {rows} filas no se importaron. Si tiene socios, elíjala como hoja de socios.")
            } else {
                format!("This sheet is not members, contacts, certifications or a capability matrix: its {rows} rows were not imported. If it holds the members, choose it as the members sheet.")
            },
            NoHeaderRow { rows } => if es {
                format!("No se encontró la fila de encabezados de esta hoja: sus {rows} filas no se importaron. Indique la fila de encabezados.")
            } else {
                format!("This sheet's header row was not found: its {rows} rows were not imported. Say which row is the header.")
            },
            ColumnNotImported { values } => if es {
                format!("Columna desconocida: sus {values} valores no se importaron. Asígnela a un campo o márquela como ignorada.")
            } else {
                format!("Unknown column: its {values} values were not imported. Assign it to a field or mark it as ignored.")
            },
            NoName => lang.pick(
                "La fila no tiene nombre ni razón social: no se importó como socio.",
                "The row has no name or legal name: it was not imported as a member.",
            ).into(),
            NoIdFromName { name } => if es {
                format!("El nombre «{name}» no tiene letras ni dígitos para formar un id: la fila no se importó. Escriba un Id.")
            } else {
                format!("The name “{name}” has no letters or digits to make an id from: the row was not imported. Write an Id.")
            },
            DuplicateMember { first_sheet, first_row, key } => if es {
                format!("«{key}» ya está en {first_sheet}, fila {first_row}: se conservó esa fila y esta no se importó.")
            } else {
                format!("“{key}” is already in {first_sheet}, row {first_row}: that row was kept and this one was not imported.")
            },
            BadId { value, made } => if es {
                format!("«{value}» no es un id válido (minúsculas sin acentos, dígitos y guiones): se usó «{made}», formado del nombre.")
            } else {
                format!("“{value}” is not a valid id (lower case without accents, digits and dashes): “{made}”, made from the name, was used.")
            },
            NameFromLegalName { legal_name } => if es {
                format!("Sin nombre comercial: se usó la razón social «{legal_name}» como nombre.")
            } else {
                format!("No trade name: the legal name “{legal_name}” was used as the name.")
            },
            TwoValues { kept, dropped } => if es {
                format!("Dos columnas dan valores distintos para el mismo campo: se conservó «{kept}» y no se importó «{dropped}».")
            } else {
                format!("Two columns give different values for one field: “{kept}” was kept and “{dropped}” was not imported.")
            },
            NoCompany => lang.pick(
                "La fila no dice de qué empresa es: no se importó.",
                "The row does not say which company it belongs to: it was not imported.",
            ).into(),
            UnknownCompany { company } => if es {
                format!("Ningún socio se llama «{company}» ni tiene ese id: la fila no se importó.")
            } else {
                format!("No member is called “{company}” or has that id: the row was not imported.")
            },
            ContactWithoutName => lang.pick(
                "Hay datos de contacto sin nombre de la persona: no se importaron.",
                "There are contact details without the person's name: they were not imported.",
            ).into(),
            DuplicateContact { name } => if es {
                format!("«{name}» ya es contacto de este socio: se conservó el primero y este no se importó.")
            } else {
                format!("“{name}” is already a contact of this member: the first was kept and this one was not imported.")
            },
            NoCertification => lang.pick(
                "La fila no dice qué certificación es: no se importó.",
                "The row does not say which certification it is: it was not imported.",
            ).into(),
            UnknownKind { value } => if es {
                format!("«{value}» no es un nivel conocido (Tier 1, Tier 2, Tier 3, OEM, Servicios, Institución): el nivel no se importó.")
            } else {
                format!("“{value}” is not a known tier (Tier 1, Tier 2, Tier 3, OEM, Services, Institution): the tier was not imported.")
            },
            BadNumber { value, problem } => if es {
                format!("«{value}» {}: el valor no se importó.", problem.message(lang))
            } else {
                format!("“{value}”: {}; the value was not imported.", problem.message(lang))
            },
            BadYear { value } => if es {
                format!("«{value}» no es un año (de 1800 a 2100): no se importó.")
            } else {
                format!("“{value}” is not a year (1800 to 2100): it was not imported.")
            },
            BadDate { value, problem } => if es {
                format!("«{value}»: {}; la fecha no se importó.", problem.message(lang))
            } else {
                format!("“{value}”: {}; the date was not imported.", problem.message(lang))
            },
            BadEmail { value, problem } => if es {
                format!("«{value}»: {} El correo no se importó.", problem.message(lang))
            } else {
                format!("“{value}”: {} The address was not imported.", problem.message(lang))
            },
            BadPhone { value, problem } => if es {
                format!("«{value}»: {} Se conservó el teléfono tal como está escrito.", problem.message(lang))
            } else {
                format!("“{value}”: {} The phone was kept as written.", problem.message(lang))
            },
            BadWhatsapp { value, problem } => if es {
                format!("«{value}»: {} El WhatsApp no se importó.", problem.message(lang))
            } else {
                format!("“{value}”: {} The WhatsApp number was not imported.", problem.message(lang))
            },
            BadUrl { value, problem } => if es {
                format!("«{value}»: {}; la dirección no se importó.", problem.message(lang))
            } else {
                format!("“{value}”: {}; the address was not imported.", problem.message(lang))
            },
            BadCountry { value } => if es {
                format!("«{value}» no es un país conocido; escriba su clave de dos letras (MX, US): no se importó.")
            } else {
                format!("“{value}” is not a known country; write its two-letter code (MX, US): it was not imported.")
            },
            BadLanguage { value } => if es {
                format!("«{value}» no es un idioma conocido; escriba su clave (es, en): no se importó.")
            } else {
                format!("“{value}” is not a known language; write its code (es, en): it was not imported.")
            },
            BadMark { value } => if es {
                format!("«{value}» no es una marca de la matriz (X, sí, 1 o vacío, no, 0): no se importó.")
            } else {
                format!("“{value}” is not a matrix mark (X, yes, 1, or blank, no, 0): it was not imported.")
            },
            Unmatched { vocabulary, value } => if es {
                format!("{} «{value}» no está en el catálogo: se dejó fuera hasta que se asigne a uno existente o se agregue.", vocabulary.name(lang))
            } else {
                format!("{} “{value}” is not in the vocabulary: it was left out until it is mapped to an existing one or added.", vocabulary.name(lang))
            },
            DecisionToUnknownId { vocabulary, value, id } => if es {
                format!("{} «{value}» se asignó a «{id}», que no está en el catálogo: se dejó fuera.", vocabulary.name(lang))
            } else {
                format!("{} “{value}” was mapped to “{id}”, which is not in the vocabulary: it was left out.", vocabulary.name(lang))
            },
            ErrorValue { value } => if es {
                format!("La celda tiene el error de hoja de cálculo {value}: no se importó.")
            } else {
                format!("The cell holds the spreadsheet error {value}: it was not imported.")
            },
        }
    }
}
