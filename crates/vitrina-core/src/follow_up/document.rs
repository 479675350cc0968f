//! The stored form of the list: one versioned JSON document, the same in storage, backups and handoffs.
//!
//! Version 3 (version 2 plus the visitor's company, issue 16):
//!
//! ```json
//! {
//!   "kind": "vitrina.follow-up",
//!   "version": 3,
//!   "entries": [
//!     { "id": "c.aceros-del-norte.ana-lopez", "member": "aceros-del-norte", "contact": "ana-lopez",
//!       "snapshot": { "member_name": "Aceros del Norte", "contact_name": "Ana López", "role": "Compras",
//!                     "email": "ana@example.com", "phone": "+52 614 555 0101", "whatsapp": "+526145550101",
//!                     "website": "https://example.com" },
//!       "note": "Cotizar troquel", "status": "meeting_set", "next": "2026-12-01",
//!       "met_at": { "event": "paace-2026", "name": "INA PAACE 2026" },
//!       "added_at": 1795000000000, "updated_at": 1795000100000,
//!       "contacted": [ { "via": "whatsapp", "at": 1795000050000 } ], "missing": true,
//!       "visits": [ { "event": "paace-2026", "mark": "come_back", "at": 1795000060000 } ],
//!       "introduction": "Hola: en Troqueles del Bajío hacemos estampado…" }
//!   ],
//!   "tombstones": [ { "id": "m.forja-bajio", "deleted_at": 1795000200000 } ],
//!   "my_company": { "name": "Troqueles del Bajío", "kind": "tier2", "makes": ["stamping"], "needs": ["coating"] },
//!   "my_company_at": 1795000250000,
//!   "last_backup": 1794000000000, "changes_since_backup": 3, "unbacked_since": 1795000000000,
//!   "nudge_dismissed_at": 1794500000000, "exported_at": 1795000300000
//! }
//! ```
//!
//! A whole-member entry has no `contact`; a person outside the directory has
//! neither `member` nor `contact` and an id starting `p.`. Empty fields are left
//! out. `exported_at` appears in backup files only. Times are milliseconds since
//! the epoch; `met_at` is `{ "event", "name" }`, `{ "text" }` or a typed value
//! `{ "via": "matchmaking" }` (one this app does not know reads as none). `visits` holds at
//! most one mark (`visited`, `come_back`, `not_there`) per directory event. `introduction` is
//! the first message prepared by matchmaking (at most 1,000 characters).
//!
//! `my_company` is who the visitor is: a member, `{ "member": "<id>" }`, or a company outside
//! the directory, `{ "name", "kind", "makes", "needs" }` (each may be left out; `kind` is a
//! member kind of the directory format; `makes` and `needs` hold capability ids, sorted, at
//! most [`MAX_COMPANY_CAPABILITIES`] each). `my_company_at` is when it was last set *or
//! removed*: after a removal it is there without `my_company`, so that the removal wins a
//! merge against an older company. A company that cannot be read (a bad id, an unknown kind,
//! a list too long, a wrong type) is left out and counted as skipped, with its time; the
//! entries are still read.
//!
//! Version 2 is version 3 without `my_company`, `my_company_at`, typed `met_at` values and
//! introductions; it is read as it is. The version was raised so that an app of version 2 (an
//! old tab, a cached copy) shows a list with a company read-only instead of saving it back
//! without it.
//!
//! Version 1 is version 2 without `visits`; it is read as it is. The version was
//! raised so that an app of version 1 shows a list with marks read-only.
//!
//! Version 0, the shape of the first prototype, was a bare array of bookmarks:
//! `[ { "member": "aceros-del-norte", "note": "…", "added": 1767225600000 } ]`;
//! see [`super::migrate`].

use std::borrow::Cow;
use std::collections::HashMap;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::value::RawValue;
use serde_json::Value;

use super::entry::{Entry, Millis};
use super::list::{FollowUpList, Tombstone};
use super::merge::newer;
use super::migrate;
use crate::lang::Lang;
use crate::load::browser_json;
use crate::model::MemberKind;
use crate::my_company::{MyCompany, OutsideCompany};
use crate::problem::ProblemKind;
use crate::valid::Slug;

/// The value of `"kind"` that marks a Vitrina follow-up document.
pub const DOCUMENT_KIND: &str = "vitrina.follow-up";

/// The document version this app writes; older ones are migrated on read.
pub const DOCUMENT_VERSION: u64 = 3;

/// The most capability ids an outside company's `makes` or `needs` is read with: far more than
/// a directory's vocabulary, and a file with more is not one this app wrote.
pub const MAX_COMPANY_CAPABILITIES: usize = 500;

/// A document read from storage or a file, after any migration.
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedDocument {
    /// The list it holds.
    pub list: FollowUpList,
    /// The version it was written in (less than [`DOCUMENT_VERSION`] when it was migrated).
    pub from_version: u64,
    /// Entries or deletions that could not be read and were left out.
    pub skipped: usize,
    /// What was read as a browser reads it rather than as written.
    pub repairs: Repairs,
}

/// Why a text is not a follow-up document this app can read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocumentError {
    /// Occurs when the text is not JSON (or is empty, or cut off).
    NotJson {
        /// 1-based line where parsing stopped.
        line: usize,
        /// 1-based column where parsing stopped.
        column: usize,
    },
    /// Occurs when the JSON is something other than a Vitrina follow-up list.
    NotVitrina,
    /// Occurs when the document was written by a newer version of the app.
    NewerVersion {
        /// The document's version.
        version: u64,
    },
    /// Occurs when `version` is missing, not a whole number, or a version that never existed.
    UnsupportedVersion {
        /// What the document had, as JSON.
        found: String,
    },
}

impl DocumentError {
    /// A one-line explanation for a person, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            DocumentError::NotJson { line, column } => lang.pick(
                format!("El archivo no es JSON válido (línea {line}, columna {column})."),
                format!("The file is not valid JSON (line {line}, column {column})."),
            ),
            DocumentError::NotVitrina => lang
                .pick(
                    "El archivo no es un respaldo de la lista de seguimiento de Vitrina.",
                    "The file is not a Vitrina follow-up list backup.",
                )
                .into(),
            DocumentError::NewerVersion { version } => lang.pick(
                format!(
                    "La lista fue guardada por una versión más nueva de la aplicación (versión {version}; esta lee hasta la {DOCUMENT_VERSION}). Actualice la página para usarla."
                ),
                format!(
                    "The list was saved by a newer version of the app (version {version}; this one reads up to {DOCUMENT_VERSION}). Reload the page to use it."
                ),
            ),
            DocumentError::UnsupportedVersion { found } => lang.pick(
                format!("La versión del archivo ({found}) no es una que Vitrina conozca."),
                format!("The file's version ({found}) is not one Vitrina knows."),
            ),
        }
    }
}

impl std::fmt::Display for DocumentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for DocumentError {}

#[derive(Serialize)]
struct DocumentOut<'a> {
    kind: &'static str,
    version: u64,
    entries: &'a [&'a Entry],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    tombstones: &'a [Tombstone],
    #[serde(skip_serializing_if = "Option::is_none")]
    my_company: Option<CompanyOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    my_company_at: Option<Millis>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_backup: Option<Millis>,
    #[serde(skip_serializing_if = "is_zero")]
    changes_since_backup: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    unbacked_since: Option<Millis>,
    #[serde(skip_serializing_if = "Option::is_none")]
    nudge_dismissed_at: Option<Millis>,
    #[serde(skip_serializing_if = "Option::is_none")]
    exported_at: Option<Millis>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// The stored form of [`MyCompany`]; see the module documentation.
#[derive(Serialize)]
#[serde(untagged)]
enum CompanyOut<'a> {
    Member {
        member: &'a Slug,
    },
    Outside {
        #[serde(skip_serializing_if = "str::is_empty")]
        name: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        kind: Option<&'static str>,
        #[serde(skip_serializing_if = "<[_]>::is_empty")]
        makes: &'a [Slug],
        #[serde(skip_serializing_if = "<[_]>::is_empty")]
        needs: &'a [Slug],
    },
}

impl<'a> From<&'a MyCompany> for CompanyOut<'a> {
    fn from(company: &'a MyCompany) -> CompanyOut<'a> {
        match company {
            MyCompany::Member { id } => CompanyOut::Member { member: id },
            MyCompany::Outside(outside) => CompanyOut::Outside {
                name: &outside.name,
                kind: outside
                    .kind
                    .and_then(|kind| MemberKind::ALL.iter().find(|(known, _)| *known == kind).map(|(_, name)| *name)),
                makes: &outside.makes,
                needs: &outside.needs,
            },
        }
    }
}

/// Reads a stored company; `None` when any part of it is not what this app writes (a bad id,
/// an unknown kind, a list longer than [`MAX_COMPANY_CAPABILITIES`], a wrong type).
fn read_company(value: &Value) -> Option<MyCompany> {
    let object = value.as_object()?;
    if let Some(member) = object.get("member") {
        return Slug::parse(member.as_str()?).map(|id| MyCompany::Member { id });
    }
    // Absent is fine, any other type than a string is not.
    let text = |key: &str| match object.get(key) {
        None => Some(None),
        Some(Value::String(text)) => Some(Some(text.as_str())),
        Some(_) => None,
    };
    let ids = |key: &str| match object.get(key) {
        None => Some(Vec::new()),
        Some(Value::Array(items)) if items.len() <= MAX_COMPANY_CAPABILITIES => {
            items.iter().map(|item| item.as_str().and_then(Slug::parse)).collect::<Option<Vec<Slug>>>()
        }
        Some(_) => None,
    };
    let kind = match text("kind")? {
        Some(name) => Some(MemberKind::from_name(name)?),
        None => None,
    };
    let name = text("name")?.unwrap_or_default();
    Some(MyCompany::Outside(OutsideCompany::new(name, kind, ids("makes")?, ids("needs")?)))
}

/// What of the list a document carries besides its entries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Carries {
    /// Everything: storage and a whole-list backup.
    Everything,
    /// The company and nothing of the backup bookkeeping: a handoff, which is no backup here.
    CompanyOnly,
    /// Neither the company nor the bookkeeping: a partial backup (what a filter shows), which
    /// may go to a colleague whose own company it must not replace.
    EntriesOnly,
}

/// Writes a document; `entries` may be a subset of the list's (an export of what a filter shows).
pub(crate) fn write_document(
    list: &FollowUpList,
    entries: &[&Entry],
    tombstones: &[Tombstone],
    exported_at: Option<Millis>,
    carries: Carries,
    pretty: bool,
) -> String {
    let company = carries != Carries::EntriesOnly;
    let bookkeeping = carries == Carries::Everything;
    let doc = DocumentOut {
        kind: DOCUMENT_KIND,
        version: DOCUMENT_VERSION,
        entries,
        tombstones,
        my_company: list.my_company.as_ref().filter(|_| company).map(CompanyOut::from),
        my_company_at: list.my_company_at.filter(|_| company),
        last_backup: list.last_backup.filter(|_| bookkeeping),
        changes_since_backup: if bookkeeping { list.changes_since_backup } else { 0 },
        unbacked_since: list.unbacked_since.filter(|_| bookkeeping),
        nudge_dismissed_at: list.nudge_dismissed_at.filter(|_| bookkeeping),
        exported_at,
    };
    // Plain data with string keys: serializing cannot fail.
    if pretty {
        serde_json::to_string_pretty(&doc).unwrap_or_default()
    } else {
        serde_json::to_string(&doc).unwrap_or_default()
    }
}

impl FollowUpList {
    /// The list as its stored document (compact JSON, version [`DOCUMENT_VERSION`]).
    pub fn to_json(&self) -> String {
        let entries: Vec<&Entry> = self.entries.iter().collect();
        write_document(self, &entries, &self.tombstones, None, Carries::Everything, false)
    }

    /// Reads a stored document of this or an older version; `now_ms` stamps migrated entries.
    pub fn from_json(raw: &str, now_ms: Millis) -> Result<ParsedDocument, DocumentError> {
        parse_document(raw, now_ms)
    }
}

/// Reads a document of any version this app knows, migrating older ones.
///
/// The text is read as a browser's `JSON.parse` reads it ([`crate::load::browser_json`]): a lone
/// surrogate escape or a number too large does not refuse the document, nor does nesting deeper
/// than serde_json's limit where this app reads nothing; each repair is counted in
/// [`ParsedDocument::repairs`], and an entry that still cannot be read is skipped.
pub fn parse_document(raw: &str, now_ms: Millis) -> Result<ParsedDocument, DocumentError> {
    parse_repaired(raw, Repairs::default(), now_ms)
}

/// `parse_document` for a text already read from bytes by [`document_text`], with its repairs.
pub(crate) fn parse_repaired(raw: &str, repairs: Repairs, now_ms: Millis) -> Result<ParsedDocument, DocumentError> {
    parse_as_app_of(DOCUMENT_VERSION, raw, repairs, now_ms)
}

/// The version rule as an app that writes `app_version` applies it: versions 1 to
/// `app_version` are read, a newer one is [`DocumentError::NewerVersion`]. Always
/// [`DOCUMENT_VERSION`] but in tests, which play an older app (an old tab, a cached copy).
pub(crate) fn parse_as_app_of(
    app_version: u64,
    raw: &str,
    mut repairs: Repairs,
    now_ms: Millis,
) -> Result<ParsedDocument, DocumentError> {
    let text = with_surrogates_mended(raw, &mut repairs);
    match read_top(&text)? {
        Top::Array(items) => {
            // An item that cannot be read as a value is no bookmark: counted as skipped.
            let items: Vec<Value> =
                items.iter().map(|item| read_value::<Value>(item, &mut repairs).unwrap_or(Value::Null)).collect();
            let (list, skipped) = migrate::from_v0(&items, now_ms).ok_or(DocumentError::NotVitrina)?;
            Ok(ParsedDocument { list, from_version: 0, skipped, repairs })
        }
        Top::Object(object) => {
            if read_field::<String>(&object, "kind", &mut repairs).as_deref() != Some(DOCUMENT_KIND) {
                return Err(DocumentError::NotVitrina);
            }
            let version = read_field::<Value>(&object, "version", &mut repairs);
            match version.as_ref().and_then(Value::as_u64) {
                Some(version) if (1..=app_version).contains(&version) => {
                    let (list, skipped) = read_entries(&object, &mut repairs).ok_or(DocumentError::NotVitrina)?;
                    Ok(ParsedDocument { list, from_version: version, skipped, repairs })
                }
                Some(v) if v > app_version => Err(DocumentError::NewerVersion { version: v }),
                _ => Err(DocumentError::UnsupportedVersion {
                    found: version.map_or_else(|| "null".into(), |v| v.to_string()),
                }),
            }
        }
        Top::Other => Err(DocumentError::NotVitrina),
    }
}

/// Reads what it can of a document written by a newer app, to show it read-only.
///
/// Newer versions are expected to add fields, which this reader ignores; if the
/// entries cannot be read at all, there is nothing to show.
pub fn read_newer_document(raw: &str) -> Option<FollowUpList> {
    let mut repairs = Repairs::default();
    let text = with_surrogates_mended(raw, &mut repairs);
    let Ok(Top::Object(object)) = read_top(&text) else { return None };
    if read_field::<String>(&object, "kind", &mut repairs).as_deref() != Some(DOCUMENT_KIND) {
        return None;
    }
    read_entries(&object, &mut repairs).map(|(list, _)| list)
}

/// What was read differently from the text so that the document reads as a browser reads it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Repairs {
    /// Strings holding a lone surrogate escape or bytes that are not UTF-8, read with U+FFFD.
    pub text: usize,
    /// Numbers too large for a float, read as absent.
    pub numbers: usize,
}

impl Repairs {
    /// True when the document was read exactly as written.
    pub fn is_empty(&self) -> bool {
        *self == Repairs::default()
    }

    fn count(&mut self, repairs: &[browser_json::Repair]) {
        for repair in repairs {
            match repair.kind {
                ProblemKind::LoneSurrogate | ProblemKind::InvalidUtf8 => self.text += 1,
                _ => self.numbers += 1,
            }
        }
    }

    /// One or two sentences for a person, in `lang`; `None` when nothing was repaired.
    pub fn message(&self, lang: Lang) -> Option<String> {
        let mut sentences = Vec::new();
        match self.text {
            0 => {}
            1 => sentences.push(lang.pick(
                "Un texto tenía caracteres no válidos (media pareja sustituta o bytes que no son UTF-8); se muestran como �.".to_owned(),
                "One text held characters that are not valid (half a surrogate pair or bytes that are not UTF-8); they show as �.".to_owned(),
            )),
            n => sentences.push(lang.pick(
                format!("{n} textos tenían caracteres no válidos (media pareja sustituta o bytes que no son UTF-8); se muestran como �."),
                format!("{n} texts held characters that are not valid (half a surrogate pair or bytes that are not UTF-8); they show as �."),
            )),
        }
        match self.numbers {
            0 => {}
            1 => sentences.push(lang.pick(
                "Un número era demasiado grande y se leyó como vacío.".to_owned(),
                "One number was too large and was read as empty.".to_owned(),
            )),
            n => sentences.push(lang.pick(
                format!("{n} números eran demasiado grandes y se leyeron como vacíos."),
                format!("{n} numbers were too large and were read as empty."),
            )),
        }
        (!sentences.is_empty()).then(|| sentences.join(" "))
    }
}

/// A document's bytes read as `Response.json()` reads them: bytes that are not UTF-8 inside a
/// string become U+FFFD (counted); `None` when they lie outside any string, where the browser's
/// JSON syntax fails too.
pub(crate) fn document_text(bytes: Vec<u8>) -> Option<(String, Repairs)> {
    let read = browser_json::read(bytes).ok()?;
    let mut repairs = Repairs::default();
    repairs.count(&read.repairs);
    Some((read.text, repairs))
}

/// `raw` with its lone surrogate escapes read as U+FFFD, which serde_json refuses and
/// `JSON.parse` reads; the same fast search as the directory loader's keeps a clean text as it is.
fn with_surrogates_mended<'a>(raw: &'a str, repairs: &mut Repairs) -> Cow<'a, str> {
    if !raw.contains("\\ud") && !raw.contains("\\uD") {
        return Cow::Borrowed(raw);
    }
    let (text, mended) = browser_json::repaired(raw);
    repairs.count(&mended);
    Cow::Owned(text)
}

/// A document's top level, each value left as its text.
enum Top<'a> {
    Array(Vec<&'a RawValue>),
    Object(HashMap<String, &'a RawValue>),
    Other,
}

/// Reads the top level only. serde_json skips over a value without recursing, so nesting
/// deeper than its limit (which `JSON.parse` does not have) fails only a value this app reads.
fn read_top(text: &str) -> Result<Top<'_>, DocumentError> {
    let not_json = |e: serde_json::Error| DocumentError::NotJson { line: e.line(), column: e.column() };
    let top: &RawValue = serde_json::from_str(text).map_err(not_json)?;
    Ok(match top.get().as_bytes().first() {
        Some(b'[') => Top::Array(serde_json::from_str(top.get()).map_err(not_json)?),
        // Duplicate keys: the last one wins, as with `JSON.parse`.
        Some(b'{') => Top::Object(serde_json::from_str(top.get()).map_err(not_json)?),
        _ => Top::Other,
    })
}

/// One value read as `T`, numbers too large read as null (counted); `None` when it is not a `T`.
fn read_value<T: DeserializeOwned>(raw: &RawValue, repairs: &mut Repairs) -> Option<T> {
    let (value, mended) = browser_json::parse(raw.get()).ok()?;
    repairs.count(&mended);
    Some(value)
}

fn read_field<T: DeserializeOwned>(object: &HashMap<String, &RawValue>, key: &str, repairs: &mut Repairs) -> Option<T> {
    read_value(object.get(key)?, repairs)
}

/// The entries, deletions, company and bookkeeping of a version 1 to 3 object; `None` when
/// `entries` is not a list.
fn read_entries(object: &HashMap<String, &RawValue>, repairs: &mut Repairs) -> Option<(FollowUpList, usize)> {
    let items: Vec<&RawValue> = serde_json::from_str(object.get("entries")?.get()).ok()?;
    let mut skipped = 0;
    let mut list = FollowUpList::new();
    for item in items {
        match read_value::<Entry>(item, repairs) {
            Some(entry) => match list.entries.iter().position(|e| e.id == entry.id) {
                // Two versions of one id cannot come from this app; keep the newer and
                // report the other, so storage keeps the original.
                Some(i) => {
                    skipped += 1;
                    let winner = newer(&list.entries[i], &entry).clone();
                    list.entries[i] = winner;
                }
                None => list.entries.push(entry),
            },
            None => skipped += 1,
        }
    }
    crate::sorting::sort_by(&mut list.entries, super::list::entry_order);
    let tombstones = object.get("tombstones").and_then(|raw| serde_json::from_str::<Vec<&RawValue>>(raw.get()).ok());
    for item in tombstones.unwrap_or_default() {
        match read_value::<Tombstone>(item, repairs) {
            Some(t) if super::entry::EntryId::parse(t.id.as_str()).is_some() => list.put_tombstone(t),
            _ => skipped += 1,
        }
    }
    let mut number = |key: &str| read_field::<Value>(object, key, repairs);
    let company_at = number("my_company_at").as_ref().and_then(Value::as_i64);
    match object.get("my_company").map(|raw| read_value::<Value>(raw, repairs).as_ref().and_then(read_company)) {
        Some(Some(company)) => {
            list.my_company = Some(company);
            list.my_company_at = company_at;
        }
        // Its time goes with it: kept, it would make a removal of what another tab still has.
        Some(None) => skipped += 1,
        None => list.my_company_at = company_at,
    }
    let mut number = |key: &str| read_field::<Value>(object, key, repairs);
    list.last_backup = number("last_backup").as_ref().and_then(Value::as_i64);
    list.changes_since_backup = number("changes_since_backup")
        .as_ref()
        .and_then(Value::as_u64)
        .map_or(0, |n| n.min(u64::from(u32::MAX)) as u32);
    list.unbacked_since = number("unbacked_since").as_ref().and_then(Value::as_i64);
    list.nudge_dismissed_at = number("nudge_dismissed_at").as_ref().and_then(Value::as_i64);
    Some((list, skipped))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::follow_up::test_support::{arbitrary_list, company, directory};
    use proptest::prelude::*;

    #[test]
    fn an_empty_list_is_a_small_document() {
        assert_eq!(FollowUpList::new().to_json(), r#"{"kind":"vitrina.follow-up","version":3,"entries":[]}"#);
    }

    #[test]
    fn documents_round_trip() {
        let dir = directory();
        let mut list = FollowUpList::new();
        let a = list.add_member(&dir, "aceros-del-norte", 1).unwrap().id;
        list.add_contact(&dir, "aceros-del-norte", "ana-lopez", 2).unwrap();
        list.remove(&a, 3).unwrap();
        list.dismiss_nudge(4);
        let parsed = FollowUpList::from_json(&list.to_json(), 99).unwrap();
        assert_eq!(parsed, ParsedDocument { list, from_version: 3, skipped: 0, repairs: Repairs::default() });
    }

    #[test]
    fn refuses_what_is_not_a_follow_up_document() {
        let check = |raw: &str, expected: DocumentError| {
            assert_eq!(parse_document(raw, 0).unwrap_err(), expected, "{raw}");
        };
        check("", DocumentError::NotJson { line: 1, column: 0 });
        check("{\"kind\":", DocumentError::NotJson { line: 1, column: 8 });
        check("<html>", DocumentError::NotJson { line: 1, column: 1 });
        check("42", DocumentError::NotVitrina);
        check("{\"format\":1,\"members\":[]}", DocumentError::NotVitrina);
        check("[{\"name\":\"x\"}]", DocumentError::NotVitrina);
        check(r#"{"kind":"vitrina.follow-up","version":7,"entries":[]}"#, DocumentError::NewerVersion { version: 7 });
        check(
            r#"{"kind":"vitrina.follow-up","version":"1","entries":[]}"#,
            DocumentError::UnsupportedVersion { found: "\"1\"".into() },
        );
        check(
            r#"{"kind":"vitrina.follow-up","entries":[]}"#,
            DocumentError::UnsupportedVersion { found: "null".into() },
        );
        check(r#"{"kind":"vitrina.follow-up","version":1,"entries":{}}"#, DocumentError::NotVitrina);
        for error in [DocumentError::NotVitrina, DocumentError::NewerVersion { version: 2 }] {
            assert!(error.message(Lang::Es) != error.message(Lang::En));
        }
    }

    /// Issue 13: what `JSON.parse` reads, the document reader reads; each repair is counted and
    /// only an entry that still cannot be read is skipped.
    #[test]
    fn documents_read_as_a_browser_reads_them() {
        let deep = format!("{}1{}", "[".repeat(200), "]".repeat(200));
        let check = |raw: &str, notes: &[&str], skipped: usize, repairs: Repairs| {
            let parsed = parse_document(raw, 0).unwrap_or_else(|e| panic!("{raw}: {e}"));
            let read: Vec<&str> = parsed.list.entries().iter().map(|e| e.note.as_str()).collect();
            assert_eq!((read.as_slice(), parsed.skipped, parsed.repairs), (notes, skipped, repairs), "{raw}");
            assert_eq!(read_newer_document(raw).map(|list| list.len()), Some(notes.len()), "{raw}");
        };
        let doc = |entries: &str, rest: &str| {
            format!(r#"{{"kind":"vitrina.follow-up","version":2,"entries":[{entries}]{rest}}}"#)
        };
        let entry =
            |id: &str, extra: &str| format!(r#"{{"id":"m.{id}","member":"{id}","added_at":1,"updated_at":1{extra}}}"#);
        let text = |n| Repairs { text: n, numbers: 0 };
        // A lone half of a surrogate pair, in a note and in a key nobody reads.
        check(
            &doc(&[entry("a", r#","note":"x\ud800y""#), entry("b", r#","\udc00":1"#)].join(","), ""),
            &["x\u{FFFD}y", ""],
            0,
            text(1 + 1),
        );
        // A whole pair and an escaped backslash are no repair.
        check(&doc(&entry("a", r#","note":"\ud83d\ude00 \\ud800""#), ""), &["😀 \\ud800"], 0, text(0));
        // A number too large where the list keeps a time: read as absent.
        let raw = doc(&entry("a", ""), r#","last_backup":1e400"#);
        check(&raw, &[""], 0, Repairs { text: 0, numbers: 1 });
        assert_eq!(parse_document(&raw, 0).unwrap().list.last_backup, None);
        // …and where an entry needs one: that entry alone is left out.
        check(
            &doc(
                &[entry("a", ""), r#"{"id":"m.b","member":"b","added_at":1e400,"updated_at":1}"#.into()].join(","),
                "",
            ),
            &[""],
            1,
            text(0),
        );
        // Nesting deeper than serde_json's limit, in fields this app does not read.
        check(&doc(&entry("a", &format!(r#","later":{deep}"#)), &format!(r#","later":{deep}"#)), &[""], 0, text(0));
        // A first-prototype list too.
        let parsed = parse_document(r#"[{"member":"a","note":"\ud800"},{"member":"b","x":1e400}]"#, 0).unwrap();
        assert_eq!((parsed.list.len(), parsed.repairs), (2, Repairs { text: 1, numbers: 1 }));
    }

    #[test]
    fn unreadable_entries_are_counted_not_hidden() {
        let raw = r#"{"kind":"vitrina.follow-up","version":1,"entries":[
            {"id":"m.a","member":"a","added_at":1,"updated_at":1},
            {"id":"m.b","member":"B!","added_at":1,"updated_at":1},
            {"id":"m.a","member":"a","note":"newer","added_at":1,"updated_at":2}
        ],"tombstones":[{"id":"m.z","deleted_at":5},{"id":"bad","deleted_at":5}]}"#;
        let parsed = parse_document(raw, 0).unwrap();
        assert_eq!(parsed.skipped, 3);
        assert_eq!(parsed.list.len(), 1);
        assert_eq!(parsed.list.entries()[0].note, "newer");
        assert_eq!(parsed.list.tombstones().len(), 1);
    }

    #[test]
    fn a_newer_document_can_still_be_shown() {
        let raw = r#"{"kind":"vitrina.follow-up","version":3,"entries":[
            {"id":"m.a","member":"a","added_at":1,"updated_at":1,"priority":"high"}],"labels":[]}"#;
        assert_eq!(read_newer_document(raw).map(|l| l.len()), Some(1));
        assert_eq!(read_newer_document("{}"), None);
    }

    #[test]
    fn version_1_documents_load_as_they_are() {
        let raw = r#"{"kind":"vitrina.follow-up","version":1,"entries":[
            {"id":"m.a","member":"a","note":"v1","added_at":1,"updated_at":2}],"last_backup":1}"#;
        let parsed = parse_document(raw, 0).unwrap();
        assert_eq!((parsed.from_version, parsed.skipped, parsed.list.len()), (1, 0, 1));
        assert_eq!(parsed.list.entries()[0].note, "v1");
        assert!(parsed.list.entries()[0].visits.is_empty());
        assert!(parsed.list.to_json().starts_with(r#"{"kind":"vitrina.follow-up","version":3,"#));
    }

    #[test]
    fn fair_marks_are_stored_one_per_event() {
        let dir = directory();
        let mut list = FollowUpList::new();
        list.mark_visit(&dir, "forja-bajio", "paace-2026", Some(crate::follow_up::VisitMark::ComeBack), Lang::Es, 7)
            .unwrap();
        let json = list.to_json();
        assert!(json.contains(r#""visits":[{"event":"paace-2026","mark":"come_back","at":7}]"#), "{json}");
        // A hand-edited file with the same event twice keeps the later mark; a bad one is refused.
        let raw = r#"{"kind":"vitrina.follow-up","version":2,"entries":[
            {"id":"m.a","member":"a","added_at":1,"updated_at":1,"visits":[
              {"event":"x","mark":"visited","at":5},{"event":"x","mark":"not_there","at":3}]},
            {"id":"m.b","member":"b","added_at":1,"updated_at":1,"visits":[{"event":"x","mark":"maybe","at":5}]},
            {"id":"m.c","member":"c","added_at":1,"updated_at":1,"visits":[{"event":"X!","mark":"visited","at":5}]}]}"#;
        let parsed = parse_document(raw, 0).unwrap();
        assert_eq!((parsed.list.len(), parsed.skipped), (1, 2));
        let visits = &parsed.list.entries()[0].visits;
        assert_eq!(visits.len(), 1);
        assert_eq!(visits[0].mark, crate::follow_up::VisitMark::Visited);
    }

    fn outside(name: &str, kind: Option<MemberKind>, makes: &[&str], needs: &[&str]) -> MyCompany {
        let ids = |ids: &[&str]| ids.iter().map(|id| Slug::parse(id).unwrap()).collect();
        MyCompany::Outside(OutsideCompany::new(name, kind, ids(makes), ids(needs)))
    }

    /// Issue 16: the company is stored as the module documentation shows it, and a removal
    /// keeps its time.
    #[test]
    fn the_company_is_stored_with_its_time() {
        let mut list = FollowUpList::new();
        list.set_my_company(
            Some(outside("Troqueles, \"TB\"", Some(MemberKind::Tier2), &["stamping"], &["coating"])),
            5,
        );
        assert_eq!(
            list.to_json(),
            r#"{"kind":"vitrina.follow-up","version":3,"entries":[],"my_company":{"name":"Troqueles, \"TB\"","kind":"tier2","makes":["stamping"],"needs":["coating"]},"my_company_at":5,"changes_since_backup":1,"unbacked_since":5}"#
        );
        list.set_my_company(Some(MyCompany::Member { id: Slug::parse("aceros-del-norte").unwrap() }), 6);
        assert!(list.to_json().contains(r#""my_company":{"member":"aceros-del-norte"},"my_company_at":6,"#));
        list.set_my_company(None, 7);
        let json = list.to_json();
        assert!(json.contains(r#""entries":[],"my_company_at":7,"#) && !json.contains("my_company\""), "{json}");
        let read = parse_document(&json, 0).unwrap().list;
        assert_eq!((read.my_company(), read.my_company_at), (None, Some(7)));
    }

    /// Issue 16: a company that is not what this app writes is left out with its time and
    /// counted as skipped; the entries are read, and so is a company next to a bad one's time.
    #[test]
    fn a_hostile_company_is_dropped_never_the_list() {
        let many = format!("[{}]", vec!["\"x\""; MAX_COMPANY_CAPABILITIES + 1].join(","));
        let at_limit = format!("[{}]", vec!["\"x\""; MAX_COMPANY_CAPABILITIES].join(","));
        let doc = |company: &str| {
            format!(
                r#"{{"kind":"vitrina.follow-up","version":3,"entries":[{{"id":"m.a","member":"a","added_at":1,"updated_at":1}}],"my_company":{company},"my_company_at":9}}"#
            )
        };
        for bad in [
            r#"{"member":"Not A Slug"}"#,
            r#"{"member":7}"#,
            r#"{"name":"X","kind":"supplier"}"#,
            r#"{"name":"X","kind":3}"#,
            r#"{"name":["X"]}"#,
            r#"{"makes":["stamping","Bad Id"]}"#,
            r#"{"needs":"stamping"}"#,
            r#"{"needs":[1,2]}"#,
            r#"{"name":null}"#,
            &format!(r#"{{"makes":{many}}}"#),
            "\"aceros-del-norte\"",
            "[]",
            "null",
            "1e400",
        ] {
            let parsed = parse_document(&doc(bad), 0).unwrap_or_else(|e| panic!("{bad}: {e}"));
            assert_eq!((parsed.list.len(), parsed.skipped), (1, 1), "{bad}");
            assert_eq!((parsed.list.my_company(), parsed.list.my_company_at), (None, None), "{bad}");
            // What an older or newer app shows read-only is read the same way.
            assert_eq!(read_newer_document(&doc(bad)).map(|list| list.len()), Some(1), "{bad}");
        }
        let good = [
            (r#"{"member":"aceros-del-norte"}"#, MyCompany::Member { id: Slug::parse("aceros-del-norte").unwrap() }),
            ("{}", outside("", None, &[], &[])),
            (
                r#"{"name":"  Dos\nlíneas ","kind":"oem","makes":["b","a","b"],"needs":[]}"#,
                outside("Dos líneas", Some(MemberKind::Oem), &["a", "b"], &[]),
            ),
            (&format!(r#"{{"makes":{at_limit}}}"#), outside("", None, &["x"], &[])),
        ];
        for (raw, company) in good {
            let parsed = parse_document(&doc(raw), 0).unwrap_or_else(|e| panic!("{raw}: {e}"));
            assert_eq!(parsed.skipped, 0, "{raw}");
            assert_eq!((parsed.list.my_company(), parsed.list.my_company_at), (Some(&company), Some(9)), "{raw}");
        }
    }

    /// Issue 16: a version 2 document (no company) is read as it is and written as version 3.
    #[test]
    fn version_2_documents_load_as_they_are() {
        let raw = r#"{"kind":"vitrina.follow-up","version":2,"entries":[
            {"id":"m.a","member":"a","note":"v2","added_at":1,"updated_at":2,
             "visits":[{"event":"x","mark":"visited","at":2}]}],"changes_since_backup":1}"#;
        let parsed = parse_document(raw, 0).unwrap();
        assert_eq!((parsed.from_version, parsed.skipped, parsed.list.len()), (2, 0, 1));
        assert_eq!((parsed.list.my_company(), parsed.list.my_company_at), (None, None));
        assert_eq!(parsed.list.entries()[0].visits.len(), 1);
        let again = parse_document(&parsed.list.to_json(), 0).unwrap();
        assert_eq!((again.from_version, again.list), (DOCUMENT_VERSION, parsed.list));
    }

    proptest! {
        /// Issue 16: any list with any company round-trips, whatever else it holds.
        #[test]
        fn any_list_with_a_company_round_trips(
            mut list in arbitrary_list(),
            company in proptest::option::of(company()),
            at in 0i64..3_000_000_000_000,
        ) {
            list.set_my_company(company, at);
            let parsed = parse_document(&list.to_json(), 0).unwrap();
            prop_assert_eq!(parsed.skipped, 0);
            prop_assert_eq!(parsed.list, list);
        }

        #[test]
        fn any_list_round_trips_through_its_document(list in arbitrary_list()) {
            let parsed = parse_document(&list.to_json(), 0).unwrap();
            prop_assert_eq!(parsed.skipped, 0);
            prop_assert_eq!(parsed.list, list);
        }

        #[test]
        fn any_text_parses_or_fails_without_panicking(raw in "\\PC{0,200}") {
            let _ = parse_document(&raw, 0);
            let _ = read_newer_document(&raw);
        }

        #[test]
        fn json_shaped_garbage_never_panics(raw in r#"[\[\]{}",:0-9a-z.\- ]{0,120}"#) {
            let wrapped = format!(r#"{{"kind":"vitrina.follow-up","version":1,"entries":[{raw}]}}"#);
            let _ = parse_document(&wrapped, 0);
            let _ = parse_document(&raw, 0);
        }
    }
}
