//! Why a spreadsheet could not be read at all, in Spanish and English.

use std::fmt;
use vitrina_core::Lang;

/// Why a spreadsheet could not be read at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SheetError {
    /// Occurs when the file has no content, or only white space.
    Empty,
    /// Occurs when none of the first rows has two cells that are known column headers.
    NoHeader {
        /// How many rows were looked at.
        rows_searched: usize,
    },
    /// Occurs when the CSV reader stops on a row it cannot read.
    Csv {
        /// 1-based spreadsheet row where reading stopped.
        row: usize,
        /// The reader's own description, in English.
        detail: String,
    },
    /// Occurs when the file is larger than [`Limits::max_file_bytes`](crate::Limits).
    FileTooLarge {
        /// The file's name.
        file_name: String,
        /// Its size in bytes.
        bytes: u64,
        /// The limit in bytes.
        max_bytes: u64,
    },
    /// Occurs when a workbook's parts, by the sizes its zip directory declares, unpack to more
    /// than [`Limits::max_uncompressed_bytes`](crate::Limits).
    DeclaredTooLarge {
        /// The file's name.
        file_name: String,
        /// The declared unpacked size in bytes.
        declared_bytes: u64,
        /// The limit in bytes.
        max_bytes: u64,
    },
    /// Occurs when a workbook's part unpacks to more than the size it declares: a zip bomb
    /// whose declared sizes lie to pass [`Limits::max_uncompressed_bytes`](crate::Limits).
    /// Unpacking stopped one byte past the declared size.
    InflatesTooLarge {
        /// The file's name.
        file_name: String,
        /// The part that unpacks to more than it declares.
        part: String,
        /// The size it declares, in bytes.
        declared_bytes: u64,
    },
    /// Occurs when a sheet has a value in a row past [`Limits::max_rows`](crate::Limits).
    TooManyRows {
        /// The file's name.
        file_name: String,
        /// The sheet's name.
        sheet: String,
        /// The first cell found past the limit, such as `A100001`.
        cell: String,
        /// The limit.
        max_rows: usize,
    },
    /// Occurs when a sheet has a value in a column past [`Limits::max_columns`](crate::Limits).
    TooManyColumns {
        /// The file's name.
        file_name: String,
        /// The sheet's name.
        sheet: String,
        /// The first cell found past the limit, such as `KO7`.
        cell: String,
        /// The limit.
        max_columns: usize,
    },
    /// Occurs when a workbook cannot be unpacked or its parts cannot be read: a truncated
    /// download, a corrupt zip, broken XML, a part missing.
    Damaged {
        /// The file's name.
        file_name: String,
        /// What the reader stopped on, in English, for a developer.
        detail: String,
    },
    /// Occurs when a workbook is protected with a password to open it (an encrypted .xlsx is an
    /// OLE compound file holding `EncryptionInfo` and `EncryptedPackage`).
    Encrypted {
        /// The file's name.
        file_name: String,
    },
    /// Occurs when the file is a legacy Excel 97–2003 workbook (.xls), which is not read.
    LegacyXls {
        /// The file's name.
        file_name: String,
    },
    /// Occurs when the file is an Excel binary workbook (.xlsb), which is not read.
    Xlsb {
        /// The file's name.
        file_name: String,
    },
    /// Occurs when the file is neither a workbook nor text: a PDF, a picture, a web page, a
    /// Word document, an archive, or other binary data.
    NotASpreadsheet {
        /// The file's name.
        file_name: String,
        /// What the file looks like instead.
        looks_like: LooksLike,
    },
    /// Occurs when the file has no content, or only white space.
    EmptyFile {
        /// The file's name.
        file_name: String,
    },
}

/// What a file that is not a spreadsheet looks like, for [`SheetError::NotASpreadsheet`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LooksLike {
    /// A PDF document.
    Pdf,
    /// A picture (PNG, JPEG, GIF).
    Image,
    /// A web page (HTML).
    Html,
    /// An XML document that is not a workbook (such as Excel 2003's XML spreadsheet).
    Xml,
    /// A Word document (.docx or .odt).
    TextDocument,
    /// A presentation (.pptx or .odp).
    Presentation,
    /// An Office 97–2003 file that is not a workbook (such as a .doc).
    OldOfficeDocument,
    /// A compressed archive (zip, gzip, rar, 7z) that is not a workbook.
    Archive,
    /// Binary data that is not text.
    Binary,
}

impl LooksLike {
    fn describe(self, lang: Lang) -> &'static str {
        use LooksLike::*;
        match self {
            Pdf => lang.pick("un documento PDF", "a PDF document"),
            Image => lang.pick("una imagen", "a picture"),
            Html => lang.pick("una página web (HTML)", "a web page (HTML)"),
            Xml => lang.pick("un documento XML", "an XML document"),
            TextDocument => lang.pick("un documento de texto (Word o Writer)", "a text document (Word or Writer)"),
            Presentation => lang.pick("una presentación", "a presentation"),
            OldOfficeDocument => lang.pick("un documento de Office 97–2003", "an Office 97–2003 document"),
            Archive => lang.pick("un archivo comprimido", "a compressed archive"),
            Binary => lang.pick("datos binarios, no texto", "binary data, not text"),
        }
    }
}

impl SheetError {
    /// A one-line explanation for a person, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use SheetError::*;
        match (self, lang) {
            (Empty, Lang::Es) => "La hoja está vacía.".into(),
            (Empty, Lang::En) => "The sheet is empty.".into(),
            (NoHeader { rows_searched }, Lang::Es) => format!(
                "No se encontró la fila de encabezados: ninguna de las primeras {rows_searched} filas tiene \
                 dos columnas conocidas, como «Razón social» y «Ciudad»."
            ),
            (NoHeader { rows_searched }, Lang::En) => format!(
                "No header row was found: none of the first {rows_searched} rows has two known columns, \
                 such as “Legal name” and “City”."
            ),
            (Csv { row, detail }, Lang::Es) => {
                format!("No se pudo leer el CSV en la fila {row} ({detail}).")
            }
            (Csv { row, detail }, Lang::En) => format!("The CSV could not be read at row {row} ({detail})."),
            (FileTooLarge { file_name, bytes, max_bytes }, Lang::Es) => format!(
                "«{file_name}» pesa {} y el límite es {}: divida el archivo o quite hojas que no sean de socios.",
                megabytes(*bytes),
                megabytes(*max_bytes)
            ),
            (FileTooLarge { file_name, bytes, max_bytes }, Lang::En) => format!(
                "“{file_name}” is {} and the limit is {}: split the file or remove sheets that are not about members.",
                megabytes(*bytes),
                megabytes(*max_bytes)
            ),
            (DeclaredTooLarge { file_name, declared_bytes, max_bytes }, Lang::Es) => format!(
                "«{file_name}» dice descomprimirse en {} y el límite es {}; no se abrió.",
                megabytes(*declared_bytes),
                megabytes(*max_bytes)
            ),
            (DeclaredTooLarge { file_name, declared_bytes, max_bytes }, Lang::En) => format!(
                "“{file_name}” says it unpacks to {} and the limit is {}; it was not opened.",
                megabytes(*declared_bytes),
                megabytes(*max_bytes)
            ),
            (InflatesTooLarge { file_name, part, declared_bytes }, Lang::Es) => format!(
                "Una parte de «{file_name}» («{part}») se descomprime en más de los {} que declara: puede ser \
                 un archivo malicioso y no se leyó.",
                megabytes(*declared_bytes)
            ),
            (InflatesTooLarge { file_name, part, declared_bytes }, Lang::En) => format!(
                "A part of “{file_name}” (“{part}”) unpacks to more than the {} it declares: it may be a \
                 malicious file and was not read.",
                megabytes(*declared_bytes)
            ),
            (TooManyRows { file_name, sheet, cell, max_rows }, Lang::Es) => format!(
                "La hoja «{sheet}» de «{file_name}» tiene un valor en {cell}, más allá del límite de {max_rows} \
                 filas: borre las filas sobrantes o divida la hoja."
            ),
            (TooManyRows { file_name, sheet, cell, max_rows }, Lang::En) => format!(
                "Sheet “{sheet}” of “{file_name}” has a value in {cell}, past the limit of {max_rows} rows: \
                 delete the extra rows or split the sheet."
            ),
            (TooManyColumns { file_name, sheet, cell, max_columns }, Lang::Es) => format!(
                "La hoja «{sheet}» de «{file_name}» tiene un valor en {cell}, más allá del límite de \
                 {max_columns} columnas: borre las columnas sobrantes."
            ),
            (TooManyColumns { file_name, sheet, cell, max_columns }, Lang::En) => format!(
                "Sheet “{sheet}” of “{file_name}” has a value in {cell}, past the limit of {max_columns} \
                 columns: delete the extra columns."
            ),
            (Damaged { file_name, detail }, Lang::Es) => format!(
                "El libro «{file_name}» está dañado y no se puede leer ({detail}). Ábralo en Excel o LibreOffice \
                 y guárdelo de nuevo, o descárguelo otra vez."
            ),
            (Damaged { file_name, detail }, Lang::En) => format!(
                "The workbook “{file_name}” is damaged and cannot be read ({detail}). Open it in Excel or \
                 LibreOffice and save it again, or download it again."
            ),
            (Encrypted { file_name }, Lang::Es) => format!(
                "«{file_name}» está protegido con contraseña. Ábralo en Excel, quite la contraseña \
                 (Archivo › Información › Proteger libro) y guárdelo de nuevo."
            ),
            (Encrypted { file_name }, Lang::En) => format!(
                "“{file_name}” is protected with a password. Open it in Excel, remove the password \
                 (File › Info › Protect Workbook) and save it again."
            ),
            (LegacyXls { file_name }, Lang::Es) => format!(
                "«{file_name}» es un libro de Excel 97–2003 (.xls), que no se lee aquí. Ábralo en Excel y use \
                 Guardar como › Libro de Excel (.xlsx)."
            ),
            (LegacyXls { file_name }, Lang::En) => format!(
                "“{file_name}” is an Excel 97–2003 workbook (.xls), which is not read here. Open it in Excel and \
                 use Save As › Excel Workbook (.xlsx)."
            ),
            (Xlsb { file_name }, Lang::Es) => format!(
                "«{file_name}» es un libro binario de Excel (.xlsb), que no se lee aquí. Ábralo en Excel y use \
                 Guardar como › Libro de Excel (.xlsx)."
            ),
            (Xlsb { file_name }, Lang::En) => format!(
                "“{file_name}” is an Excel binary workbook (.xlsb), which is not read here. Open it in Excel and \
                 use Save As › Excel Workbook (.xlsx)."
            ),
            (NotASpreadsheet { file_name, looks_like }, Lang::Es) => format!(
                "«{file_name}» no es una hoja de cálculo: parece {}. Use un archivo .xlsx, .ods o .csv.",
                looks_like.describe(lang)
            ),
            (NotASpreadsheet { file_name, looks_like }, Lang::En) => format!(
                "“{file_name}” is not a spreadsheet: it looks like {}. Use an .xlsx, .ods or .csv file.",
                looks_like.describe(lang)
            ),
            (EmptyFile { file_name }, Lang::Es) => format!("«{file_name}» está vacío."),
            (EmptyFile { file_name }, Lang::En) => format!("“{file_name}” is empty."),
        }
    }
}

/// A size for a person: megabytes with one decimal.
fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

impl fmt::Display for SheetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for SheetError {}
