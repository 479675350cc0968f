//! The column mapping staff keep between imports: which sheet holds the members, where a
//! header row is when it cannot be found, what each unknown header means, and what to do
//! with capability and certification names the vocabulary lacks. Saved as a small JSON file
//! so next month's import is one drop.
//!
//! Header keys are stored folded (`vitrina_core::search::normalize`), so a file edited by
//! hand with `"Giro principal"` still matches the header `GIRO PRINCIPAL:`.

use crate::header::Column;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use vitrina_core::search::normalize;
use vitrina_core::valid::Slug;
use vitrina_core::Lang;

/// The version of the mapping file this code writes and reads.
pub const MAPPING_VERSION: u32 = 1;

/// What a column of a sheet is imported as.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// A member field (or, on a nested sheet, a field of its rows).
    Column(Column),
    /// A column of a capability matrix: its header names a capability (looked up in the
    /// vocabulary, then in the decisions) and a mark in it means the member offers it.
    Capability,
    /// Left out on purpose; no problem is listed for it.
    Ignore,
}

/// The saved mapping: everything staff told the import by hand.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// The mapping file's version, [`MAPPING_VERSION`].
    #[serde(default = "current_version")]
    pub version: u32,
    /// The name of the sheet that holds the members, when the import should not choose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members_sheet: Option<String>,
    /// The 1-based header row of a sheet, by sheet name, when the import should not find it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub header_rows: BTreeMap<String, usize>,
    /// What a header means, by its folded text; overrides the recognised headers.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub columns: BTreeMap<String, Target>,
    /// What to do with names the vocabulary lacks, saved with the rest; [`crate::import()`]
    /// takes them as their own argument, so pass `&mapping.decisions`.
    #[serde(default, skip_serializing_if = "Decisions::is_empty")]
    pub decisions: Decisions,
}

fn current_version() -> u32 {
    MAPPING_VERSION
}

/// What to do with one capability or certification name the vocabulary lacks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// Read it as the existing entry with this id.
    MapTo(String),
    /// Add it to the vocabulary as a new entry (a capability in this group, if any).
    Add {
        /// The capability group of a new capability; ignored for certifications.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        group: Option<String>,
    },
    /// Leave it out of every member, without listing a problem.
    LeaveOut,
}

/// Staff's decisions for unmatched names, by the name folded.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decisions {
    /// Capability names (capabilities, needs and matrix headers).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub capabilities: BTreeMap<String, Decision>,
    /// Certification names.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub certifications: BTreeMap<String, Decision>,
}

impl Decisions {
    /// True when there is no decision.
    pub fn is_empty(&self) -> bool {
        self.capabilities.is_empty() && self.certifications.is_empty()
    }

    /// The decision for a capability name as written.
    pub fn capability(&self, name: &str) -> Option<&Decision> {
        self.capabilities.get(&normalize(name))
    }

    /// The decision for a certification name as written.
    pub fn certification(&self, name: &str) -> Option<&Decision> {
        self.certifications.get(&normalize(name))
    }
}

/// Why a mapping file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MappingError {
    /// Occurs when the file is not JSON or not a mapping (an unknown key, a wrong type).
    NotAMapping {
        /// 1-based line where reading stopped.
        line: usize,
        /// 1-based column where reading stopped.
        column: usize,
        /// The JSON reader's own description, in English.
        detail: String,
    },
    /// Occurs when the file was written by a newer version of Vitrina.
    NewerVersion {
        /// The version in the file.
        found: u32,
    },
    /// Occurs when a header row number is 0 (rows are counted from 1).
    ZeroHeaderRow {
        /// The sheet it was given for.
        sheet: String,
    },
    /// Occurs when an id in a decision is not a valid id.
    BadId {
        /// The id as written.
        id: String,
    },
}

impl MappingError {
    /// A one-line explanation for a person, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (MappingError::NotAMapping { line, column, detail }, Lang::Es) => {
                format!("El archivo no es un mapeo de columnas de Vitrina (línea {line}, columna {column}: {detail}).")
            }
            (MappingError::NotAMapping { line, column, detail }, Lang::En) => {
                format!("The file is not a Vitrina column mapping (line {line}, column {column}: {detail}).")
            }
            (MappingError::NewerVersion { found }, Lang::Es) => format!(
                "El mapeo es de una versión más nueva de Vitrina ({found}); esta lee la versión {MAPPING_VERSION}."
            ),
            (MappingError::NewerVersion { found }, Lang::En) => format!(
                "The mapping is from a newer version of Vitrina ({found}); this one reads version {MAPPING_VERSION}."
            ),
            (MappingError::ZeroHeaderRow { sheet }, Lang::Es) => {
                format!("La fila de encabezados de «{sheet}» es 0; las filas se cuentan desde 1.")
            }
            (MappingError::ZeroHeaderRow { sheet }, Lang::En) => {
                format!("The header row of “{sheet}” is 0; rows are counted from 1.")
            }
            (MappingError::BadId { id }, Lang::Es) => {
                format!("«{id}» no es un id válido: de 1 a 64 letras minúsculas sin acentos, dígitos y guiones.")
            }
            (MappingError::BadId { id }, Lang::En) => {
                format!("“{id}” is not a valid id: 1 to 64 lower-case letters without accents, digits and dashes.")
            }
        }
    }
}

impl fmt::Display for MappingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for MappingError {}

impl Mapping {
    /// Reads a saved mapping; header and decision keys are folded again, so hand edits match.
    pub fn from_json(text: &str) -> Result<Mapping, MappingError> {
        let mapping: Mapping = serde_json::from_str(text).map_err(|error| MappingError::NotAMapping {
            line: error.line(),
            column: error.column(),
            detail: error.to_string(),
        })?;
        if mapping.version > MAPPING_VERSION {
            return Err(MappingError::NewerVersion { found: mapping.version });
        }
        if let Some((sheet, _)) = mapping.header_rows.iter().find(|(_, &row)| row == 0) {
            return Err(MappingError::ZeroHeaderRow { sheet: sheet.clone() });
        }
        let ids = mapping.decisions.capabilities.values().chain(mapping.decisions.certifications.values()).filter_map(
            |decision| match decision {
                Decision::MapTo(id) => Some(id),
                Decision::Add { group: Some(group) } => Some(group),
                _ => None,
            },
        );
        for id in ids {
            if Slug::parse(id).is_none() {
                return Err(MappingError::BadId { id: id.clone() });
            }
        }
        let fold_keys = |map: BTreeMap<String, Decision>| map.into_iter().map(|(k, v)| (normalize(&k), v)).collect();
        Ok(Mapping {
            version: MAPPING_VERSION,
            columns: mapping.columns.into_iter().map(|(header, target)| (normalize(&header), target)).collect(),
            decisions: Decisions {
                capabilities: fold_keys(mapping.decisions.capabilities),
                certifications: fold_keys(mapping.decisions.certifications),
            },
            ..mapping
        })
    }

    /// Writes the mapping as indented JSON with its keys in a stable order.
    pub fn to_json(&self) -> String {
        // Plain owned data with string keys: serializing cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// What staff assigned to a header, if anything.
    pub fn target(&self, header: &str) -> Option<&Target> {
        self.columns.get(&normalize(header))
    }

    /// Assigns a header by hand (the staff page's column picker).
    pub fn assign(&mut self, header: &str, target: Target) {
        self.columns.insert(normalize(header), target);
    }

    /// The header row given for a sheet, compared by folded name.
    pub fn header_row(&self, sheet: &str) -> Option<usize> {
        let wanted = normalize(sheet);
        self.header_rows.iter().find(|(name, _)| normalize(name) == wanted).map(|(_, &row)| row)
    }

    /// True when `sheet` is the sheet this mapping names for the members.
    pub fn names_members_sheet(&self, sheet: &str) -> bool {
        self.members_sheet.as_deref().is_some_and(|name| normalize(name) == normalize(sheet))
    }
}
