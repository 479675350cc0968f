//! What can be wrong with a directory file: fatal errors that refuse the file, and
//! problems that drop one value and let the rest load. Both render in Spanish and English.

use crate::lang::Lang;
use std::fmt;

/// Why a file could not be loaded at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// Occurs when the file has no content, or only white space.
    Empty,
    /// Occurs when bytes that are not UTF-8 stand outside a string, where JSON's syntax is (a
    /// browser refuses such a file too; inside a string they are read as U+FFFD and listed).
    NotUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// Occurs when the server sent a web page (often a host's "404 not found" page) instead of JSON.
    Html,
    /// Occurs when the text is not valid JSON; `cut_off` when it ends in the middle of a value.
    Syntax {
        /// 1-based line where parsing stopped.
        line: usize,
        /// 1-based column where parsing stopped.
        column: usize,
        /// True when the file ends too early, as a cut-off download does.
        cut_off: bool,
        /// The parser's own description, in English.
        detail: String,
    },
    /// Occurs when the JSON is valid but its top level is not an object.
    NotAnObject,
    /// Occurs when there is no `format` field, so the file may be something else entirely.
    FormatMissing,
    /// Occurs when `format` is not a number at all (a string, a list…).
    FormatNotANumber {
        /// What the file had, as JSON.
        found: String,
    },
    /// Occurs when `format` is a number with a fraction, such as 1.5 (1.0 is read as 1).
    FormatNotWhole {
        /// What the file had, as JSON.
        found: String,
    },
    /// Occurs when the file's format is newer (or other) than the one this app reads.
    FormatUnsupported {
        /// The file's format number.
        found: String,
        /// The format this app reads.
        supported: u64,
    },
    /// Occurs when there is no `members` list.
    MembersMissing,
    /// Occurs when `members` is not a list.
    MembersNotAList,
}

impl LoadError {
    /// A one-line explanation for a person, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use LoadError::*;
        match (self, lang) {
            (Empty, Lang::Es) => "El archivo está vacío.".into(),
            (Empty, Lang::En) => "The file is empty.".into(),
            (NotUtf8 { offset }, Lang::Es) => format!("El archivo no es texto UTF-8 (byte {offset})."),
            (NotUtf8 { offset }, Lang::En) => format!("The file is not UTF-8 text (byte {offset})."),
            (Html, Lang::Es) => "Se recibió una página web (HTML) en lugar del directorio JSON; \
                                 probablemente la dirección del archivo es incorrecta (error 404)."
                .into(),
            (Html, Lang::En) => "A web page (HTML) arrived instead of the JSON directory; \
                                 the file's address is probably wrong (a 404 error)."
                .into(),
            (Syntax { line, column, cut_off: true, .. }, Lang::Es) => {
                format!("El archivo está cortado: termina a media estructura (línea {line}, columna {column}).")
            }
            (Syntax { line, column, cut_off: true, .. }, Lang::En) => {
                format!("The file is cut off: it ends in the middle of a value (line {line}, column {column}).")
            }
            (Syntax { line, column, detail, .. }, Lang::Es) => {
                format!("El archivo no es JSON válido: la lectura se detuvo en la línea {line}, columna {column} ({detail}).")
            }
            (Syntax { line, column, detail, .. }, Lang::En) => {
                format!("The file is not valid JSON: reading stopped at line {line}, column {column} ({detail}).")
            }
            (NotAnObject, Lang::Es) => "El JSON no es un objeto con los campos de un directorio.".into(),
            (NotAnObject, Lang::En) => "The JSON is not an object with a directory's fields.".into(),
            (FormatMissing, Lang::Es) => "Falta el campo \"format\": no parece un directorio de Vitrina.".into(),
            (FormatMissing, Lang::En) => {
                "The \"format\" field is missing: this does not look like a Vitrina directory.".into()
            }
            (FormatNotANumber { found }, Lang::Es) => {
                format!("\"format\" debe ser un número entero, como 1, y es {found}.")
            }
            (FormatNotANumber { found }, Lang::En) => {
                format!("\"format\" must be a whole number, such as 1, but is {found}.")
            }
            (FormatNotWhole { found }, Lang::Es) => {
                format!("\"format\" debe ser un número entero, como 1, sin decimales, y es {found}.")
            }
            (FormatNotWhole { found }, Lang::En) => {
                format!("\"format\" must be a whole number, such as 1, with no fraction, but is {found}.")
            }
            (FormatUnsupported { found, supported }, Lang::Es) => format!(
                "El archivo usa el formato {found} y esta aplicación lee el formato {supported}; \
                 actualice la aplicación o publique el archivo en formato {supported}."
            ),
            (FormatUnsupported { found, supported }, Lang::En) => format!(
                "The file uses format {found} and this app reads format {supported}; \
                 update the app or publish the file in format {supported}."
            ),
            (MembersMissing, Lang::Es) => "Falta la lista \"members\".".into(),
            (MembersMissing, Lang::En) => "The \"members\" list is missing.".into(),
            (MembersNotAList, Lang::Es) => "\"members\" debe ser una lista.".into(),
            (MembersNotAList, Lang::En) => "\"members\" must be a list.".into(),
        }
    }

    /// Where parsing stopped, for errors that have a position.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            LoadError::Syntax { line, column, .. } => Some((*line, *column)),
            _ => None,
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for LoadError {}

/// The JSON type a field should have had.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// A string.
    String,
    /// A string or an object from language tag to string.
    Text,
    /// A whole number.
    Integer,
    /// A number.
    Number,
    /// A list.
    List,
    /// An object.
    Object,
    /// A list of strings, or an object from language tag to list of strings.
    WordList,
}

impl Expected {
    fn describe(self, lang: Lang) -> &'static str {
        use Expected::*;
        match (self, lang) {
            (String, Lang::Es) => "un texto",
            (String, Lang::En) => "a string",
            (Text, Lang::Es) => "un texto o un objeto {idioma: texto}",
            (Text, Lang::En) => "a string or a {language: text} object",
            (Integer, Lang::Es) => "un número entero",
            (Integer, Lang::En) => "a whole number",
            (Number, Lang::Es) => "un número",
            (Number, Lang::En) => "a number",
            (List, Lang::Es) => "una lista",
            (List, Lang::En) => "a list",
            (Object, Lang::Es) => "un objeto",
            (Object, Lang::En) => "an object",
            (WordList, Lang::Es) => "una lista de textos o un objeto {idioma: [textos]}",
            (WordList, Lang::En) => "a list of strings or a {language: [strings]} object",
        }
    }
}

/// Which vocabulary a reference points into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Vocabulary {
    /// `capability_groups`.
    CapabilityGroup,
    /// `capabilities`.
    Capability,
    /// `certifications`.
    Certification,
    /// `events`.
    Event,
}

/// What was wrong with a value.
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// The file starts with a byte order mark, which JSON does not allow; it was skipped.
    ByteOrderMark,
    /// A required field is missing.
    Missing,
    /// The value has the wrong JSON type.
    WrongType {
        /// What it should have been.
        expected: Expected,
    },
    /// An id is not a slug.
    BadSlug {
        /// The value found.
        value: String,
    },
    /// An id is used twice.
    DuplicateId {
        /// The repeated id.
        id: String,
    },
    /// A reference to an id that the vocabulary does not have.
    UnknownReference {
        /// The id referred to.
        id: String,
        /// Where it should have been.
        vocabulary: Vocabulary,
    },
    /// A URL whose scheme is not `http:`/`https:`, or that is not a full URL.
    UnsafeUrl {
        /// The value found.
        value: String,
    },
    /// An e-mail address that is not an address.
    BadEmail {
        /// The value found.
        value: String,
    },
    /// A phone number that is not E.164.
    BadPhone {
        /// The value found.
        value: String,
    },
    /// A date that is not `YYYY-MM-DD` or does not exist.
    BadDate {
        /// The value found.
        value: String,
    },
    /// A language tag or country code of the wrong form.
    BadCode {
        /// The value found.
        value: String,
    },
    /// A value outside its allowed set.
    NotAllowed {
        /// The value found.
        value: String,
        /// The allowed values.
        allowed: &'static [&'static str],
    },
    /// A number outside its range.
    OutOfRange {
        /// The value found.
        value: String,
    },
    /// An empty string or object where text was expected.
    Empty,
    /// Half a coordinate: `lat` without `lon`, or the reverse; neither is kept.
    HalfCoordinate {
        /// The half that is missing or unusable: `"lat"` or `"lon"`.
        missing: &'static str,
    },
    /// A string holds an escaped half of a surrogate pair (`\ud800`) with no other half, which
    /// is no character; browsers read it anyway, and the loader reads U+FFFD in its place.
    LoneSurrogate,
    /// A string holds bytes that are not UTF-8; read, as browsers do, as U+FFFD.
    InvalidUtf8,
    /// A value nested deeper than the loader reads (more than 127 lists or objects inside a member
    /// or a top-level field).
    TooDeep,
}

/// What the loader did about a problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Nothing was lost: the value was read anyway.
    Ignored,
    /// The whole member was left out.
    SkippedMember,
    /// One entry of a list was left out.
    SkippedEntry,
    /// The field was left out.
    DroppedField,
    /// The first one was kept and this one left out.
    KeptFirst,
    /// The reference was left out; the rest of the member loads.
    DroppedReference,
    /// A stand-in value was used.
    UsedFallback,
    /// The value was read with U+FFFD (�) in place of what could not be read.
    Replaced,
}

/// One thing wrong with the file, kept as data so the staff can see them all in one place.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// The member it concerns, by id, if it concerns one with a usable id.
    pub member: Option<String>,
    /// Where in the file, as a path such as `members[3].contacts[0].email`.
    pub field: String,
    /// What was wrong.
    pub kind: ProblemKind,
    /// What the loader did about it.
    pub action: Action,
}

impl Problem {
    /// What was wrong, for a person, in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        use ProblemKind::*;
        let es = lang == Lang::Es;
        match &self.kind {
            ByteOrderMark => lang
                .pick(
                    "el archivo empieza con una marca de orden de bytes (BOM), que JSON no admite",
                    "the file starts with a byte order mark (BOM), which JSON does not allow",
                )
                .into(),
            Missing => lang.pick("falta este campo obligatorio", "this required field is missing").into(),
            WrongType { expected } => {
                if es {
                    format!("debería ser {}", expected.describe(lang))
                } else {
                    format!("should be {}", expected.describe(lang))
                }
            }
            BadSlug { value } => lang.pick(
                format!("«{value}» no es un id válido (1 a 64 caracteres de a-z, 0-9 y -)"),
                format!("“{value}” is not a valid id (1 to 64 characters of a-z, 0-9 and -)"),
            ),
            DuplicateId { id } => {
                lang.pick(format!("el id «{id}» ya se usó antes"), format!("the id “{id}” was already used"))
            }
            UnknownReference { id, vocabulary } => {
                let (es_list, en_list) = match vocabulary {
                    Vocabulary::CapabilityGroup => ("grupos de capacidades", "capability groups"),
                    Vocabulary::Capability => ("capacidades", "capabilities"),
                    Vocabulary::Certification => ("certificaciones", "certifications"),
                    Vocabulary::Event => ("eventos", "events"),
                };
                lang.pick(
                    format!("«{id}» no existe en la lista de {es_list}"),
                    format!("“{id}” is not in the list of {en_list}"),
                )
            }
            UnsafeUrl { value } => lang.pick(
                format!("«{value}» no es una dirección http: o https: completa"),
                format!("“{value}” is not a complete http: or https: address"),
            ),
            BadEmail { value } => lang
                .pick(format!("«{value}» no es un correo electrónico"), format!("“{value}” is not an e-mail address")),
            BadPhone { value } => lang.pick(
                format!("«{value}» no es un número en formato internacional (+52…)"),
                format!("“{value}” is not a number in international form (+52…)"),
            ),
            BadDate { value } => lang.pick(
                format!("«{value}» no es una fecha AAAA-MM-DD válida"),
                format!("“{value}” is not a valid YYYY-MM-DD date"),
            ),
            BadCode { value } => {
                lang.pick(format!("«{value}» no es un código válido"), format!("“{value}” is not a valid code"))
            }
            NotAllowed { value, allowed } => lang.pick(
                format!("«{value}» no es uno de: {}", allowed.join(", ")),
                format!("“{value}” is not one of: {}", allowed.join(", ")),
            ),
            OutOfRange { value } => lang.pick(
                format!("{value} está fuera del rango permitido"),
                format!("{value} is outside the allowed range"),
            ),
            Empty => lang.pick("está vacío", "is empty").into(),
            HalfCoordinate { missing } => lang.pick(
                format!("no sirve sin «{missing}»: una ubicación en el mapa necesita lat y lon"),
                format!("useless without “{missing}”: a place on the map needs both lat and lon"),
            ),
            LoneSurrogate => lang
                .pick(
                    "contiene media pareja sustituta (\\ud800 a \\udfff sin su otra mitad), que no es ningún carácter",
                    "holds half a surrogate pair (\\ud800 to \\udfff without its other half), which is no character",
                )
                .into(),
            InvalidUtf8 => {
                lang.pick("contiene bytes que no son texto UTF-8", "holds bytes that are not UTF-8 text").into()
            }
            TooDeep => lang
                .pick(
                    "tiene más de 127 listas u objetos uno dentro de otro, demasiados para leerlo",
                    "has more than 127 lists or objects nested in each other, too many to read",
                )
                .into(),
        }
    }

    /// What was done about it, for a person, in `lang`.
    pub fn describe_action(&self, lang: Lang) -> &'static str {
        match self.action {
            Action::Ignored => lang.pick("se leyó de todos modos", "read anyway"),
            Action::SkippedMember => lang.pick("se omitió el socio", "member skipped"),
            Action::SkippedEntry => lang.pick("se omitió la entrada", "entry skipped"),
            Action::DroppedField => lang.pick("se omitió el campo", "field dropped"),
            Action::KeptFirst => lang.pick("se conservó el primero", "first one kept"),
            Action::DroppedReference => lang.pick("se omitió la referencia", "reference dropped"),
            Action::UsedFallback => lang.pick("se usó un valor sustituto", "stand-in value used"),
            Action::Replaced => lang.pick("se leyó con � en su lugar", "read with � in its place"),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(member) = &self.member {
            write!(f, "[{member}] ")?;
        }
        write!(f, "{}: {} ({})", self.field, self.describe(Lang::En), self.describe_action(Lang::En))
    }
}
