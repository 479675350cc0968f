//! Sharing the list through links whose data lives in the URL fragment, which
//! browsers never send to a server.
//!
//! **Shortlist** (`#/shared?ids=…`): member and contact ids, and notes only when
//! the visitor chooses. The recipient sees those members and may add them.
//!
//! **Handoff** (`#/handoff?…`): the whole list (notes, statuses, dates, the visitor's company) moved
//! to another device or a colleague. The list is written as the compact stored document with
//! its entries in columns (see `to_columns`: a 600-entry list fits the part limit only so),
//! compressed with raw DEFLATE (RFC 1951, via `miniz_oxide`),
//! encoded as unpadded base64url (RFC 4648 §5) and cut into parts that each fit
//! one QR code, every part with a header:
//!
//! `#/handoff?v=1&s=<set>&p=<k>-<n>&c=<check>&d=<data>`
//!
//! - `v`: the handoff format, 1;
//! - `s`: the handoff's id, the 8-hex-digit FNV-1a-32 of the whole encoded
//!   payload, so parts of two handoffs never mix and the reassembled payload is verified;
//! - `p`: part `k` of `n` (1-based);
//! - `c`: 8 hex digits of FNV-1a-32 over `s|k|n|d`, which catches a mistyped or cut part;
//! - `d`: this part's slice of the payload.
//!
//! [`HandoffAssembler`] takes parts in any order, ignores repeats, and says which
//! are missing or damaged. Decoding never panics on hostile input and refuses
//! to inflate more than [`MAX_HANDOFF_BYTES`].

use std::fmt::Write;

use super::document::{document_text, parse_repaired, write_document, Carries, DocumentError};
use super::entry::{Entry, Millis};
use super::list::FollowUpList;
use serde_json::Value;

use crate::hash::fnv1a_32;
use crate::lang::Lang;
use crate::route::{percent_decode, percent_encode, query_value};
use crate::valid::Slug;

/// The route of a shortlist link.
pub const SHORTLIST_ROUTE: &str = "#/shared";

/// The route of a handoff part.
pub const HANDOFF_ROUTE: &str = "#/handoff";

/// A part size that fits one QR code comfortably (version 25–30 at medium error correction),
/// base URL included: pass `DEFAULT_QR_CHUNK - base_url.len()` to [`handoff_fragments`].
pub const DEFAULT_QR_CHUNK: usize = 1000;

/// The most parts a handoff may have; beyond that, a backup file is the better tool.
pub const MAX_HANDOFF_PARTS: usize = 99;

/// The most bytes a handoff inflates to.
pub const MAX_HANDOFF_BYTES: usize = 4 * 1024 * 1024;

/// The most items a shortlist link is read with.
pub const MAX_SHORTLIST_ITEMS: usize = 500;

// ---- Shortlist ----------------------------------------------------------------------------------

/// One member or contact of a shared shortlist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShortlistItem {
    /// The member's id.
    pub member: Slug,
    /// The contact's id, for a contact.
    pub contact: Option<Slug>,
    /// The sender's note, when they chose to share notes.
    pub note: Option<String>,
}

/// A shortlist read from a link.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shortlist {
    /// The items, in the sender's order, without repeats.
    pub items: Vec<ShortlistItem>,
}

/// The fragment of a shortlist link for `entries`, e.g. `#/shared?ids=aceros,forja.ana`.
///
/// People outside the directory have no id to share and are left out (see
/// [`shortlist_shareable`]). With `include_notes`, each item's note travels
/// in a `notes` parameter, percent-encoded, in the same order as the ids.
pub fn shortlist_fragment(entries: &[&Entry], include_notes: bool) -> String {
    let mut ids = Vec::new();
    let mut notes = Vec::new();
    for entry in entries {
        let Some(member) = entry.target.member_id() else { continue };
        ids.push(match entry.target.contact_id() {
            Some(contact) => format!("{member}.{contact}"),
            None => member.to_string(),
        });
        notes.push(percent_encode(entry.note.trim()));
    }
    let mut fragment = format!("{SHORTLIST_ROUTE}?ids={}", ids.join(","));
    if include_notes && notes.iter().any(|note| !note.is_empty()) {
        let _ = write!(fragment, "&notes={}", notes.join(","));
    }
    fragment
}

/// How many of `entries` a shortlist link can carry (people outside the directory cannot).
pub fn shortlist_shareable(entries: &[&Entry]) -> usize {
    entries.iter().filter(|entry| entry.target.member_id().is_some()).count()
}

/// Reads a shortlist link's fragment (with or without `#`), or `None` when it is not one.
///
/// Ids that are not valid are skipped; at most [`MAX_SHORTLIST_ITEMS`] are read.
pub fn parse_shortlist(fragment: &str) -> Option<Shortlist> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let (path, query) = fragment.split_once('?').unwrap_or((fragment, ""));
    if path.trim_end_matches('/') != SHORTLIST_ROUTE.trim_start_matches('#') {
        return None;
    }
    let mut ids = "";
    let mut notes = "";
    for pair in query.split('&') {
        match pair.split_once('=') {
            Some(("ids", value)) => ids = value,
            Some(("notes", value)) => notes = value,
            _ => {}
        }
    }
    let mut notes = notes.split(',');
    let mut shortlist = Shortlist::default();
    for id in ids.split(',').take(MAX_SHORTLIST_ITEMS) {
        let note = notes.next().map(percent_decode).filter(|note| !note.trim().is_empty());
        let id = percent_decode(id);
        let (member, contact) = match id.split_once('.') {
            Some((member, contact)) => (Slug::parse(member), Some(Slug::parse(contact))),
            None => (Slug::parse(&id), None),
        };
        let (Some(member), Some(contact)) = (member, contact.map_or(Some(None), |c| c.map(Some))) else { continue };
        if shortlist.items.iter().any(|item| item.member == member && item.contact == contact) {
            continue;
        }
        shortlist.items.push(ShortlistItem { member, contact, note });
    }
    Some(shortlist)
}

/// How much of a received shortlist the directory still has: members removed from it since
/// the link was made cannot be added, and a link where none is left offers nothing to add.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ShortlistCheck {
    /// Items the directory has (the member, and the contact when the item is one).
    pub found: usize,
    /// Items it does not have.
    pub missing: usize,
}

impl Shortlist {
    /// Whether the directory has `item`: its member and, for a contact, that contact.
    pub fn is_in(item: &ShortlistItem, directory: &crate::model::Directory) -> bool {
        directory.member(item.member.as_str()).is_some_and(|member| match &item.contact {
            Some(contact) => member.contacts.iter().any(|known| known.id == *contact),
            None => true,
        })
    }

    /// Counts the items the directory has and those it does not.
    pub fn check(&self, directory: &crate::model::Directory) -> ShortlistCheck {
        let found = self.items.iter().filter(|item| Shortlist::is_in(item, directory)).count();
        ShortlistCheck { found, missing: self.items.len() - found }
    }
}

impl ShortlistCheck {
    /// Whether there is anything to add.
    pub fn has_any(&self) -> bool {
        self.found > 0
    }

    /// What to tell the visitor when not every item can be added, in `lang`; `None` when all can.
    pub fn notice(&self, lang: Lang) -> Option<String> {
        let (found, missing, total) = (self.found, self.missing, self.found + self.missing);
        Some(match (found, missing) {
            (_, 0) if total > 0 => return None,
            (0, 0) => lang
                .pick("Este enlace no contiene ningún miembro: no hay nada que agregar.", "This link holds no members: there is nothing to add.")
                .into(),
            (0, 1) => lang
                .pick(
                    "El miembro de esta lista ya no está en el directorio (pudo haberse dado de baja): no hay nada que agregar.",
                    "The member on this list is no longer in the directory (it may have left): there is nothing to add.",
                )
                .into(),
            (0, n) => lang.pick(
                format!("Ninguno de los {n} miembros de esta lista está ya en el directorio (pudieron haberse dado de baja): no hay nada que agregar."),
                format!("None of the {n} members on this list is in the directory any more (they may have left): there is nothing to add."),
            ),
            (_, 1) => lang.pick(
                format!("1 de los {total} miembros de esta lista ya no está en el directorio (pudo haberse dado de baja) y no se puede agregar."),
                format!("1 of the {total} members on this list is no longer in the directory (it may have left) and cannot be added."),
            ),
            (_, n) => lang.pick(
                format!("{n} de los {total} miembros de esta lista ya no están en el directorio (pudieron haberse dado de baja) y no se pueden agregar."),
                format!("{n} of the {total} members on this list are no longer in the directory (they may have left) and cannot be added."),
            ),
        })
    }

    /// The label of the button that adds what can be added, in `lang`.
    pub fn add_label(&self, lang: Lang) -> String {
        match (self.found, self.missing) {
            (_, 0) => lang.pick("Agregar todos a mi seguimiento", "Add them all to my follow-up").into(),
            (1, _) => lang.pick("Agregar el que queda a mi seguimiento", "Add the one left to my follow-up").into(),
            (n, _) => lang.pick(
                format!("Agregar los {n} que quedan a mi seguimiento"),
                format!("Add the {n} left to my follow-up"),
            ),
        }
    }
}

/// What adding a shortlist to one's own list did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ShortlistAdded {
    /// Items added.
    pub added: usize,
    /// Items already on the list (left as they are).
    pub already: usize,
    /// Items the directory does not have.
    pub unknown: usize,
}

impl FollowUpList {
    /// Adds a received shortlist's items to this list; a shared note becomes the note of a new entry.
    pub fn add_shortlist(
        &mut self,
        directory: &crate::model::Directory,
        shortlist: &Shortlist,
        now_ms: Millis,
    ) -> ShortlistAdded {
        let mut result = ShortlistAdded::default();
        for item in &shortlist.items {
            let added = match &item.contact {
                Some(contact) => self.add_contact(directory, item.member.as_str(), contact.as_str(), now_ms),
                None => self.add_member(directory, item.member.as_str(), now_ms),
            };
            match added {
                Ok(added) if added.created => {
                    result.added += 1;
                    if let Some(note) = &item.note {
                        let _ = self.set_note(&added.id, note, now_ms);
                    }
                }
                Ok(_) => result.already += 1,
                Err(_) => result.unknown += 1,
            }
        }
        result
    }
}

// ---- Handoff ------------------------------------------------------------------------------------

/// Why a handoff could not be made or read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HandoffError {
    /// Occurs when the part size is too small to carry a header and some data.
    PartSizeTooSmall {
        /// The smallest size that works.
        minimum: usize,
    },
    /// Occurs when the list needs more than [`MAX_HANDOFF_PARTS`] parts.
    TooManyParts {
        /// How many it would need.
        parts: usize,
    },
    /// Occurs when a link is not a handoff part at all.
    NotAHandoff,
    /// Occurs when a part uses a handoff format this app does not know.
    UnsupportedVersion {
        /// The format found.
        found: String,
    },
    /// Occurs when a part's checksum does not match: it was cut or mistyped.
    DamagedPart {
        /// Which part (1-based), when the header could be read.
        part: Option<usize>,
    },
    /// Occurs when a part belongs to another handoff than the parts before it.
    DifferentHandoff,
    /// Occurs when parts are still missing.
    MissingParts {
        /// The missing part numbers (1-based).
        missing: Vec<usize>,
        /// How many parts there are.
        total: usize,
    },
    /// Occurs when the parts are complete but what they carry cannot be read.
    Corrupt,
    /// Occurs when the handoff carries a list from a newer version of the app.
    NewerVersion {
        /// The list's version.
        version: u64,
    },
}

impl HandoffError {
    /// A one-line explanation for a person, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            HandoffError::PartSizeTooSmall { minimum } => lang.pick(
                format!("Cada código debe admitir al menos {minimum} caracteres."),
                format!("Each code must hold at least {minimum} characters."),
            ),
            HandoffError::TooManyParts { parts } => lang.pick(
                format!("La lista es demasiado grande para pasarla con códigos ({parts} partes). Use un respaldo en archivo."),
                format!("The list is too large to hand over with codes ({parts} parts). Use a backup file."),
            ),
            HandoffError::NotAHandoff => lang
                .pick("Este enlace no es parte de una lista compartida.", "This link is not part of a handed-over list.")
                .into(),
            HandoffError::UnsupportedVersion { .. } => lang
                .pick(
                    "Este enlace viene de otra versión de la aplicación; actualice la página.",
                    "This link comes from another version of the app; reload the page.",
                )
                .into(),
            HandoffError::DamagedPart { part: Some(k) } => lang.pick(
                format!("La parte {k} llegó dañada o incompleta; escanéela de nuevo."),
                format!("Part {k} arrived damaged or incomplete; scan it again."),
            ),
            HandoffError::DamagedPart { part: None } => lang
                .pick("Una parte llegó dañada o incompleta; escanéela de nuevo.", "A part arrived damaged or incomplete; scan it again.")
                .into(),
            HandoffError::DifferentHandoff => lang
                .pick(
                    "Esta parte pertenece a otra lista compartida distinta de las partes anteriores.",
                    "This part belongs to a different handed-over list than the previous parts.",
                )
                .into(),
            HandoffError::MissingParts { missing, total } => {
                let list = missing.iter().map(usize::to_string).collect::<Vec<_>>().join(", ");
                lang.pick(
                    format!("Faltan partes: {list} (de {total})."),
                    format!("Parts still missing: {list} (of {total})."),
                )
            }
            HandoffError::Corrupt => lang
                .pick("La lista recibida no se pudo leer; pida que se la envíen de nuevo.", "The received list could not be read; ask for it to be sent again.")
                .into(),
            HandoffError::NewerVersion { version } => DocumentError::NewerVersion { version: *version }.message(lang),
        }
    }
}

impl std::fmt::Display for HandoffError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for HandoffError {}

/// The handoff payload of a list: its entries and the visitor's company (not deletions or
/// backup bookkeeping), in columns ([`to_columns`]), compressed and base64url-encoded.
pub fn handoff_payload(list: &FollowUpList) -> String {
    let entries: Vec<&Entry> = list.entries().iter().collect();
    let json = to_columns(&write_document(list, &entries, &[], None, Carries::CompanyOnly, false));
    base64url_encode(&miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9))
}

/// Where a handoff document keeps its entries by field instead of `entries` ([`to_columns`]).
const ENTRY_COLUMNS: &str = "entry_columns";

/// Snapshot fields the directory gives back ([`FollowUpList::refresh_snapshots`], which the app
/// runs on what it takes in and on every load), left out of a handoff for an entry the directory
/// has. The names stay, so the list reads well before the directory is there.
const SNAPSHOT_FROM_THE_DIRECTORY: [&str; 5] = ["role", "email", "phone", "whatsapp", "website"];

/// The stored document with its entries as columns, so that DEFLATE finds like next to like
/// (issue 16: a 600-entry list took 129 QR-sized parts as rows, over the limit of 99; see
/// `tests/handoff_limit.rs`): `"entry_columns": { "<field>": [value or null per entry], … }`,
/// an object field's fields as `"<field>.<inner>"`. Left out, and derived again on reading:
/// the id of a directory entry (derived from its member and contact anyway) and the snapshot
/// fields the directory gives back, unless the entry is missing from the directory (then its
/// snapshot is all there is). Nothing else changes; a text that is not such a document is
/// returned as it is.
fn to_columns(json: &str) -> String {
    let Ok(Value::Object(mut document)) = serde_json::from_str::<Value>(json) else { return json.to_owned() };
    let Some(Value::Array(entries)) = document.remove("entries") else { return json.to_owned() };
    let rows = entries.len();
    let mut columns = serde_json::Map::new();
    let mut put = |key: String, row: usize, value: Value| {
        if let Value::Array(column) = columns.entry(key).or_insert_with(|| Value::Array(vec![Value::Null; rows])) {
            column[row] = value;
        }
    };
    let mut previous_added = 0;
    for (row, entry) in entries.into_iter().enumerate() {
        let Value::Object(mut entry) = entry else { continue };
        if let Some(added) = entry.get("added_at").and_then(Value::as_i64) {
            shift_times(&mut entry, added, previous_added, Times::ToDifferences);
            previous_added = added;
        }
        if entry.contains_key("member") {
            entry.remove("id");
            if !entry.contains_key("missing") {
                if let Some(Value::Object(snapshot)) = entry.get_mut("snapshot") {
                    for field in SNAPSHOT_FROM_THE_DIRECTORY {
                        snapshot.remove(field);
                    }
                }
            }
        }
        for (key, value) in entry {
            match value {
                Value::Object(inner) => {
                    for (field, value) in inner {
                        put(format!("{key}.{field}"), row, value);
                    }
                }
                // A list of records (`contacted`, `visits`): one column per field, each row a list.
                Value::Array(items) if !items.is_empty() && items.iter().all(Value::is_object) => {
                    let mut fields: Vec<String> =
                        items.iter().filter_map(Value::as_object).flat_map(|item| item.keys().cloned()).collect();
                    fields.sort();
                    fields.dedup();
                    for field in fields {
                        let values =
                            items.iter().map(|item| item.get(&field).cloned().unwrap_or(Value::Null)).collect();
                        put(format!("{key}[].{field}"), row, Value::Array(values));
                    }
                }
                value => put(key, row, value),
            }
        }
    }
    document.insert(ENTRY_COLUMNS.to_owned(), Value::Object(columns));
    serde_json::to_string(&document).unwrap_or_else(|_| json.to_owned())
}

/// Which way [`shift_times`] goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Times {
    /// Stored times to differences (writing a handoff).
    ToDifferences,
    /// Differences back to stored times (reading one).
    FromDifferences,
}

/// Writes an entry's times as differences or reads them back: `added_at` from the entry
/// before's (entries are sorted by it), `updated_at` from the entry's own `added_at`, each
/// contact or fair mark from the one before it (they are kept oldest first), the first from
/// `added_at`. Millisecond times differ in their last digits only, and DEFLATE does not see
/// that on its own. A time that overflows is left out (the entry is then not readable, as for
/// any other broken time).
fn shift_times(entry: &mut serde_json::Map<String, Value>, added: i64, previous_added: i64, times: Times) {
    // Returns the stored time (the base of the next one).
    let shift_field = |object: &mut serde_json::Map<String, Value>, key: &str, base: i64| {
        let time = object.get(key).and_then(Value::as_i64)?;
        let (shifted, stored) = match times {
            Times::ToDifferences => (time.checked_sub(base), Some(time)),
            Times::FromDifferences => (time.checked_add(base), time.checked_add(base)),
        };
        match shifted {
            Some(shifted) => object.insert(key.to_owned(), Value::from(shifted)),
            None => object.remove(key),
        };
        stored
    };
    shift_field(entry, "added_at", previous_added);
    shift_field(entry, "updated_at", added);
    for list in ["contacted", "visits"] {
        if let Some(Value::Array(items)) = entry.get_mut(list) {
            let mut base = added;
            for item in items.iter_mut().filter_map(Value::as_object_mut) {
                base = shift_field(item, "at", base).unwrap_or(base);
            }
        }
    }
}

/// A document written by [`to_columns`] with its entries as rows again (a directory entry's
/// id is derived from its target on reading); any other text as it is. As many rows as the
/// longest column: a hostile count cannot make it allocate more than the text holds.
fn from_columns(text: &str) -> std::borrow::Cow<'_, str> {
    let Ok(Value::Object(mut document)) = serde_json::from_str::<Value>(text) else { return text.into() };
    let Some(Value::Object(columns)) = document.remove(ENTRY_COLUMNS) else { return text.into() };
    let rows = columns.values().filter_map(Value::as_array).map(Vec::len).max().unwrap_or(0);
    let mut entries = vec![serde_json::Map::new(); rows];
    for (key, column) in columns {
        let Value::Array(column) = column else { continue };
        for (entry, value) in entries.iter_mut().zip(column) {
            if value.is_null() {
                continue;
            }
            match key.split_once('.') {
                Some((list, field)) if list.ends_with("[]") => {
                    let Value::Array(values) = value else { continue };
                    let list = list.trim_end_matches("[]");
                    let items = entry.entry(list).or_insert_with(|| Value::Array(Vec::new()));
                    let Value::Array(items) = items else { continue };
                    // As many items as the text holds, never more.
                    if items.len() < values.len() {
                        items.resize(values.len(), Value::Object(serde_json::Map::new()));
                    }
                    for (item, value) in items.iter_mut().zip(values) {
                        if let (Value::Object(item), false) = (item, value.is_null()) {
                            item.insert(field.to_owned(), value);
                        }
                    }
                }
                Some((outer, field)) => {
                    let inner = entry.entry(outer).or_insert_with(|| Value::Object(serde_json::Map::new()));
                    if let Value::Object(inner) = inner {
                        inner.insert(field.to_owned(), value);
                    }
                }
                None => {
                    entry.insert(key.clone(), value);
                }
            }
        }
    }
    let mut previous_added = 0;
    for entry in &mut entries {
        if let Some(added) = entry.get("added_at").and_then(Value::as_i64).and_then(|d| d.checked_add(previous_added)) {
            shift_times(entry, added, previous_added, Times::FromDifferences);
            previous_added = added;
        }
        if !entry.contains_key("id") {
            // Read again from the target; a person's entry always has its id.
            entry.insert("id".to_owned(), Value::String(String::new()));
        }
    }
    document.insert("entries".to_owned(), Value::Array(entries.into_iter().map(Value::Object).collect()));
    serde_json::to_string(&document).map_or_else(|_| text.into(), Into::into)
}

/// The list as handoff fragments, each at most `max_fragment_len` bytes long.
///
/// Make each into a link (base URL + fragment) and a QR code; for QR codes,
/// `DEFAULT_QR_CHUNK - base_url.len()` is a good size. A small list is one part.
pub fn handoff_fragments(list: &FollowUpList, max_fragment_len: usize) -> Result<Vec<String>, HandoffError> {
    split_payload(&handoff_payload(list), max_fragment_len)
}

fn header(set: &str, k: usize, n: usize) -> String {
    format!("{HANDOFF_ROUTE}?v=1&s={set}&p={k}-{n}&c=00000000&d=")
}

fn part_check(set: &str, k: usize, n: usize, data: &str) -> String {
    format!("{:08x}", fnv1a_32(format!("{set}|{k}|{n}|{data}").as_bytes()))
}

fn split_payload(payload: &str, max_len: usize) -> Result<Vec<String>, HandoffError> {
    const MIN_DATA: usize = 16;
    let set = format!("{:08x}", fnv1a_32(payload.as_bytes()));
    let mut n = 1;
    let capacity = loop {
        // The header is longest for the last part, whose number has the most digits.
        let room = max_len.saturating_sub(header(&set, n, n).len());
        if room < MIN_DATA {
            let minimum = header(&set, n, n).len() + MIN_DATA;
            return Err(HandoffError::PartSizeTooSmall { minimum });
        }
        let needed = payload.len().div_ceil(room).max(1);
        if needed <= n {
            break room;
        }
        if needed > MAX_HANDOFF_PARTS {
            return Err(HandoffError::TooManyParts { parts: needed });
        }
        n = needed;
    };
    // Base64url is ASCII, so byte slicing is safe.
    let chunks: Vec<&str> = payload.as_bytes().chunks(capacity).filter_map(|c| std::str::from_utf8(c).ok()).collect();
    let n = chunks.len().max(1);
    Ok(chunks
        .iter()
        .enumerate()
        .map(|(i, data)| {
            let k = i + 1;
            format!("{HANDOFF_ROUTE}?v=1&s={set}&p={k}-{n}&c={}&d={data}", part_check(&set, k, n, data))
        })
        .collect())
}

/// True when a fragment looks like a handoff part (for routing).
pub fn is_handoff_fragment(fragment: &str) -> bool {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    fragment.split('?').next() == Some(HANDOFF_ROUTE.trim_start_matches('#'))
}

/// One part, as read from its fragment.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Part {
    set: String,
    k: usize,
    n: usize,
    data: String,
}

fn parse_part(fragment: &str) -> Result<Part, HandoffError> {
    if !is_handoff_fragment(fragment) {
        return Err(HandoffError::NotAHandoff);
    }
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let query = fragment.split_once('?').map_or("", |(_, q)| q);
    // A key given twice counts the first time (`query_value`).
    match query_value(query, "v") {
        Some("1") => {}
        Some(other) => return Err(HandoffError::UnsupportedVersion { found: percent_decode(other) }),
        None => return Err(HandoffError::NotAHandoff),
    }
    let hex8 = |s: &str| s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    let set = query_value(query, "s").filter(|s| hex8(s)).ok_or(HandoffError::DamagedPart { part: None })?;
    let (k, n) = query_value(query, "p")
        .and_then(|p| p.split_once('-'))
        .and_then(|(k, n)| Some((k.parse::<usize>().ok()?, n.parse::<usize>().ok()?)))
        .filter(|&(k, n)| (1..=n).contains(&k) && n <= MAX_HANDOFF_PARTS)
        .ok_or(HandoffError::DamagedPart { part: None })?;
    let data = query_value(query, "d").unwrap_or("");
    let check = query_value(query, "c").unwrap_or("");
    let data_ok = !data.is_empty() && data.bytes().all(is_base64url_byte);
    if !data_ok || part_check(set, k, n, data) != check {
        return Err(HandoffError::DamagedPart { part: Some(k) });
    }
    Ok(Part { set: set.to_owned(), k, n, data: data.to_owned() })
}

/// How far a handoff has arrived.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HandoffProgress {
    /// Parts received (1-based), in order.
    pub received: Vec<usize>,
    /// Parts still missing (1-based), in order.
    pub missing: Vec<usize>,
    /// How many parts there are.
    pub total: usize,
}

/// What [`HandoffAssembler::add`] did with a part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartAdded {
    /// A new part.
    New,
    /// A part already received (scanned twice); nothing changed.
    Repeat,
}

/// Collects handoff parts in any order until the list can be read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HandoffAssembler {
    set: Option<String>,
    /// Part k's data at k - 1, once it arrived; a slot per part of the handoff (a few dozen at most).
    parts: Vec<Option<String>>,
}

impl HandoffAssembler {
    /// An assembler with no parts yet.
    pub fn new() -> HandoffAssembler {
        HandoffAssembler::default()
    }

    /// Adds a part from its fragment (or full link's fragment). A part of another handoff is
    /// refused with [`HandoffError::DifferentHandoff`]; call [`HandoffAssembler::reset`] to start over with it.
    pub fn add(&mut self, fragment: &str) -> Result<PartAdded, HandoffError> {
        let part = parse_part(fragment)?;
        if let Some(set) = &self.set {
            if *set != part.set || self.parts.len() != part.n {
                return Err(HandoffError::DifferentHandoff);
            }
        }
        self.set = Some(part.set);
        self.parts.resize(part.n, None);
        let slot = &mut self.parts[part.k - 1];
        if slot.is_some() {
            return Ok(PartAdded::Repeat);
        }
        *slot = Some(part.data);
        Ok(PartAdded::New)
    }

    /// Forgets every part.
    pub fn reset(&mut self) {
        *self = HandoffAssembler::default();
    }

    /// Which parts arrived and which are missing; `None` before the first part.
    pub fn progress(&self) -> Option<HandoffProgress> {
        self.set.as_ref()?;
        let numbers = || (1..).zip(&self.parts);
        let received = numbers().filter(|(_, data)| data.is_some()).map(|(k, _)| k).collect();
        let missing = numbers().filter(|(_, data)| data.is_none()).map(|(k, _)| k).collect();
        Some(HandoffProgress { received, missing, total: self.parts.len() })
    }

    /// True when every part has arrived.
    pub fn is_complete(&self) -> bool {
        self.set.is_some() && self.parts.iter().all(Option::is_some)
    }

    /// The handed-over list, once every part has arrived. Merge it with
    /// [`super::export::backup::import_list`].
    pub fn finish(&self, now_ms: Millis) -> Result<FollowUpList, HandoffError> {
        let Some(set) = &self.set else {
            return Err(HandoffError::MissingParts { missing: Vec::new(), total: 0 });
        };
        if let Some(progress) = self.progress().filter(|p| !p.missing.is_empty()) {
            return Err(HandoffError::MissingParts { missing: progress.missing, total: progress.total });
        }
        let payload: String = self.parts.iter().flatten().map(String::as_str).collect();
        if format!("{:08x}", fnv1a_32(payload.as_bytes())) != *set {
            return Err(HandoffError::Corrupt);
        }
        decode_payload(&payload, now_ms)
    }
}

/// Reads a whole handoff from its parts' fragments, in any order.
pub fn decode_handoff(fragments: &[&str], now_ms: Millis) -> Result<FollowUpList, HandoffError> {
    let mut assembler = HandoffAssembler::new();
    for fragment in fragments {
        assembler.add(fragment)?;
    }
    assembler.finish(now_ms)
}

/// Reads a payload made by [`handoff_payload`].
pub fn decode_payload(payload: &str, now_ms: Millis) -> Result<FollowUpList, HandoffError> {
    let compressed = base64url_decode(payload).ok_or(HandoffError::Corrupt)?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&compressed, MAX_HANDOFF_BYTES)
        .map_err(|_| HandoffError::Corrupt)?;
    // Read as the backup file is, as a browser reads JSON.
    let (text, repairs) = document_text(json).ok_or(HandoffError::Corrupt)?;
    match parse_repaired(&from_columns(&text), repairs, now_ms) {
        Ok(doc) => Ok(doc.list),
        Err(DocumentError::NewerVersion { version }) => Err(HandoffError::NewerVersion { version }),
        Err(_) => Err(HandoffError::Corrupt),
    }
}

// ---- base64url (RFC 4648 §5, no padding) -------------------------------------------------------

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn is_base64url_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let value = |b: u8| -> Option<u32> {
        Some(match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return None,
        } as u32)
    };
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, &b) in chunk.iter().enumerate() {
            n |= value(b)? << (18 - 6 * i);
        }
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 13: a link whose members all left the directory offered "Agregar todos" for nothing.
    #[test]
    fn a_shortlist_says_what_the_directory_no_longer_has() {
        let dir = directory();
        let check = |fragment: &str| parse_shortlist(fragment).unwrap().check(&dir);
        let all = check("#/shared?ids=aceros-del-norte,forja-bajio");
        assert_eq!(all, ShortlistCheck { found: 2, missing: 0 });
        assert_eq!(all.notice(Lang::Es), None);
        assert_eq!(all.add_label(Lang::Es), "Agregar todos a mi seguimiento");

        let gone = check("#/shared?ids=se-fue,tambien-se-fue,aceros-del-norte.no-es-contacto");
        assert_eq!(gone, ShortlistCheck { found: 0, missing: 3 });
        assert!(!gone.has_any());
        assert_eq!(
            gone.notice(Lang::Es).unwrap(),
            "Ninguno de los 3 miembros de esta lista está ya en el directorio (pudieron haberse dado de baja): no hay nada que agregar."
        );
        assert!(gone.notice(Lang::En).unwrap().starts_with("None of the 3 members"));

        let some = check("#/shared?ids=se-fue,aceros-del-norte,forja-bajio,otro-que-se-fue");
        assert_eq!(some, ShortlistCheck { found: 2, missing: 2 });
        assert_eq!(
            some.notice(Lang::En).unwrap(),
            "2 of the 4 members on this list are no longer in the directory (they may have left) and cannot be added."
        );
        assert_eq!(some.add_label(Lang::Es), "Agregar los 2 que quedan a mi seguimiento");
        assert_eq!(some.add_label(Lang::En), "Add the 2 left to my follow-up");

        let empty = check("#/shared?ids=");
        assert_eq!(empty, ShortlistCheck::default());
        assert!(empty.notice(Lang::En).unwrap().contains("nothing to add"));
    }
    use crate::follow_up::document::parse_document;
    use crate::follow_up::entry::{EntryId, Status};
    use crate::follow_up::export::backup::import_list;
    use crate::follow_up::test_support::{arbitrary_list, directory, hard_person};
    use proptest::prelude::*;

    fn sample_list() -> FollowUpList {
        let dir = directory();
        let mut list = FollowUpList::new();
        let a = list.add_contact(&dir, "aceros-del-norte", "ana-lopez", 1).unwrap().id;
        list.set_note(&a, "Cotizar, urgente; 100% «troquel» & más", 2).unwrap();
        let f = list.add_member(&dir, "forja-bajio", 3).unwrap().id;
        list.set_status(&f, Status::Proposal, 4).unwrap();
        list.add_person(&hard_person(), 5).unwrap();
        list
    }

    #[test]
    fn shortlist_links_carry_ids_and_optionally_notes() {
        let list = sample_list();
        let all: Vec<&Entry> = list.entries().iter().collect();
        let without = shortlist_fragment(&all, false);
        assert_eq!(without, "#/shared?ids=aceros-del-norte.ana-lopez,forja-bajio");
        assert_eq!(shortlist_shareable(&all), 2);
        let with = shortlist_fragment(&all, true);
        assert_eq!(
            with,
            "#/shared?ids=aceros-del-norte.ana-lopez,forja-bajio&notes=Cotizar%2C%20urgente%3B%20100%25%20%C2%AB\
             troquel%C2%BB%20%26%20m%C3%A1s,"
        );
        let read = parse_shortlist(&with).unwrap();
        assert_eq!(read.items.len(), 2);
        assert_eq!(read.items[0].contact.as_ref().map(Slug::as_str), Some("ana-lopez"));
        assert_eq!(read.items[0].note.as_deref(), Some("Cotizar, urgente; 100% «troquel» & más"));
        assert_eq!(
            read.items[1],
            ShortlistItem { member: Slug::parse("forja-bajio").unwrap(), contact: None, note: None }
        );
        assert!(parse_shortlist(&without).unwrap().items.iter().all(|item| item.note.is_none()));
    }

    #[test]
    fn shortlist_reading_is_lenient_and_bounded() {
        assert_eq!(parse_shortlist("#/member/x"), None);
        assert_eq!(parse_shortlist("#/shared"), Some(Shortlist::default()));
        let read = parse_shortlist("/shared?ids=ok,Bad!,ok,x.Y,a.b.c,,b.c").unwrap();
        let ids: Vec<(String, Option<String>)> =
            read.items.iter().map(|i| (i.member.to_string(), i.contact.as_ref().map(Slug::to_string))).collect();
        assert_eq!(ids, [("ok".into(), None), ("b".into(), Some("c".into()))]);
        let many = format!("#/shared?ids={}", (0..2000).map(|i| format!("m{i}")).collect::<Vec<_>>().join(","));
        assert_eq!(parse_shortlist(&many).unwrap().items.len(), MAX_SHORTLIST_ITEMS);
    }

    #[test]
    fn adding_a_shortlist() {
        let dir = directory();
        let mut mine = FollowUpList::new();
        mine.add_member(&dir, "forja-bajio", 1).unwrap();
        let shortlist =
            parse_shortlist("#/shared?ids=aceros-del-norte.ana-lopez,forja-bajio,nadie&notes=Hola%20Ana,,").unwrap();
        let result = mine.add_shortlist(&dir, &shortlist, 10);
        assert_eq!(result, ShortlistAdded { added: 1, already: 1, unknown: 1 });
        assert_eq!(mine.find("aceros-del-norte", Some("ana-lopez")).unwrap().note, "Hola Ana");
    }

    /// A handed-over list as the app keeps it: with the directory's contact details, which the
    /// handoff leaves out for the entries the directory has (the app refreshes what it takes in).
    fn refreshed(mut list: FollowUpList) -> FollowUpList {
        list.refresh_snapshots(&directory());
        list
    }

    /// Issue 16: a handoff is written in columns, without what the directory gives back (a
    /// directory entry's id, its contact details) and with times as differences; it reads back
    /// whole. An entry the directory no longer has keeps its details: they are all there is.
    #[test]
    fn a_handoff_leaves_out_only_what_the_directory_gives_back() {
        let dir = directory();
        let mut list = sample_list();
        let ana = list.find("aceros-del-norte", Some("ana-lopez")).unwrap().id.clone();
        list.record_contact(&ana, super::super::Channel::Email, 1_790_000_000_000).unwrap();
        let mut gone = dir.clone();
        gone.members.retain(|member| member.id.as_str() != "aceros-del-norte");
        list.refresh_snapshots(&gone);
        let json = to_columns(&list.to_json());
        assert!(json.contains(r#""entry_columns":{"#) && !json.contains(r#""entries""#), "{json}");
        assert!(json.contains(r#""contacted[].via":[["email"],null,null]"#), "{json}");
        // Ana's entry is missing from the directory: her details travel.
        assert!(json.contains("ana@aceros.example.com"), "{json}");
        let back = decode_payload(&handoff_payload(&list), 0).unwrap();
        assert_eq!(back.entries(), list.entries());
        // With Ana in the directory, her details and her id stay home.
        list.refresh_snapshots(&dir);
        let json = to_columns(&list.to_json());
        assert!(!json.contains("ana@aceros.example.com") && !json.contains("c.aceros"), "{json}");
        assert!(json.contains("pepe@troqueles.example.mx") && json.contains("p.5."), "{json}");
        let back = decode_payload(&handoff_payload(&list), 0).unwrap();
        assert_eq!(back.get(&ana).unwrap().snapshot.email, "");
        assert_eq!(refreshed(back).entries(), list.entries());
    }

    /// Issue 16: columns that are not what this app writes are read as far as they go, without
    /// panicking or allocating more than the text holds.
    #[test]
    fn hostile_columns_never_panic() {
        let doc = |columns: &str| format!(r#"{{"kind":"vitrina.follow-up","version":3,"entry_columns":{columns}}}"#);
        for columns in [
            "[]",
            "{}",
            r#"{"added_at":[1,"x",null],"member":["a","b"],"updated_at":[0]}"#,
            r#"{"added_at":[9223372036854775807,9223372036854775807],"member":["a","b"],"updated_at":[1,1]}"#,
            r#"{"contacted[].via":[["email"],7,[1,2,3]],"contacted[].at":[[1,2],["x"]],"added_at":[1],"member":["a"]}"#,
            r#"{"a.b.c":[1],"[]":[[1]],".":[2],"snapshot.x":[{"y":1}],"snapshot":[3]}"#,
        ] {
            let text = from_columns(&doc(columns)).into_owned();
            let _ = parse_document(&text, 0);
        }
        let read =
            parse_document(&from_columns(&doc(r#"{"added_at":[5,1],"updated_at":[0,1],"member":["a","Bad!"]}"#)), 0)
                .unwrap();
        assert_eq!((read.list.len(), read.skipped), (1, 1));
        assert_eq!((read.list.entries()[0].added_at, read.list.entries()[0].updated_at), (5, 5));
    }

    #[test]
    fn a_small_list_is_one_part_that_round_trips() {
        let list = sample_list();
        let parts = handoff_fragments(&list, DEFAULT_QR_CHUNK).unwrap();
        assert_eq!(parts.len(), 1);
        assert!(parts[0].starts_with("#/handoff?v=1&s=") && parts[0].len() <= DEFAULT_QR_CHUNK);
        assert!(is_handoff_fragment(&parts[0]));
        let back = refreshed(decode_handoff(&[&parts[0]], 0).unwrap());
        assert_eq!(back.entries(), list.entries());
        // The colleague merges it into their own list.
        let mut theirs = FollowUpList::new();
        let summary = import_list(&mut theirs, &back, 0, 9);
        assert_eq!(summary.added, 3);
        assert_eq!(refreshed(theirs).entries(), list.entries());
    }

    /// Issue 16: the handoff carries the visitor's company (not the backup bookkeeping); the
    /// receiving device takes it when it was said later than its own, and keeps its own otherwise.
    #[test]
    fn a_handoff_carries_the_company() {
        use crate::follow_up::export::backup::CompanyFromFile;
        use crate::my_company::MyCompany;
        let aceros = MyCompany::Member { id: Slug::parse("aceros-del-norte").unwrap() };
        let forja = MyCompany::Member { id: Slug::parse("forja-bajio").unwrap() };
        let mut list = sample_list();
        list.set_my_company(Some(aceros.clone()), 10);
        let parts = handoff_fragments(&list, DEFAULT_QR_CHUNK).unwrap();
        let back = decode_handoff(&parts.iter().map(String::as_str).collect::<Vec<_>>(), 0).unwrap();
        assert_eq!((back.my_company(), back.my_company_at), (Some(&aceros), Some(10)));
        assert_eq!((back.changes_since_backup(), back.unbacked_since()), (0, None));
        // A list with no entries but the company still hands it over.
        let mut only = FollowUpList::new();
        only.set_my_company(Some(aceros.clone()), 7);
        let parts = handoff_fragments(&only, DEFAULT_QR_CHUNK).unwrap();
        assert_eq!(decode_handoff(&[&parts[0]], 0).unwrap().my_company(), Some(&aceros));
        let mut older = FollowUpList::new();
        older.set_my_company(Some(forja.clone()), 5);
        // The handoff page merges as tabs do; the backup import counts: both take the later one.
        assert_eq!(crate::follow_up::merge(&older, &back).my_company(), Some(&aceros));
        assert_eq!(import_list(&mut older, &back, 0, 11).company, CompanyFromFile::Taken);
        assert_eq!(older.my_company(), Some(&aceros));
        let mut newer = FollowUpList::new();
        newer.set_my_company(Some(forja.clone()), 15);
        assert_eq!(crate::follow_up::merge(&newer, &back).my_company(), Some(&forja));
        assert_eq!(import_list(&mut newer, &back, 0, 16).company, CompanyFromFile::Kept);
        assert_eq!(newer.my_company(), Some(&forja));
    }

    /// Issue 13: a handoff is read as a backup is, as a browser reads JSON: a lone surrogate
    /// escape in a note keeps the entry.
    #[test]
    fn a_handoff_is_read_as_a_browser_reads_it() {
        let json = r#"{"kind":"vitrina.follow-up","version":2,"entries":[
            {"id":"m.a","member":"a","note":"\ud800","added_at":1,"updated_at":1}]}"#;
        let payload = base64url_encode(&miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9));
        let list = decode_payload(&payload, 0).unwrap();
        assert_eq!(list.entries()[0].note, "\u{FFFD}");
    }

    #[test]
    fn parts_arrive_in_any_order_and_missing_ones_are_named() {
        let list = sample_list();
        let parts = handoff_fragments(&list, 120).unwrap();
        assert!(parts.len() >= 4, "{}", parts.len());
        assert!(parts.iter().all(|p| p.len() <= 120));
        let n = parts.len();
        let mut assembler = HandoffAssembler::new();
        assert_eq!(assembler.progress(), None);
        assert_eq!(assembler.add(&parts[n - 1]), Ok(PartAdded::New));
        assert_eq!(assembler.add(&parts[n - 1]), Ok(PartAdded::Repeat));
        assert_eq!(assembler.add(&parts[0]), Ok(PartAdded::New));
        let progress = assembler.progress().unwrap();
        assert_eq!(progress.received, [1, n]);
        assert_eq!(progress.missing, (2..n).collect::<Vec<_>>());
        assert_eq!(assembler.finish(0), Err(HandoffError::MissingParts { missing: (2..n).collect(), total: n }));
        for part in parts[1..n - 1].iter().rev() {
            assembler.add(part).unwrap();
        }
        assert!(assembler.is_complete());
        assert_eq!(refreshed(assembler.finish(0).unwrap()).entries(), list.entries());
    }

    #[test]
    fn damaged_or_foreign_parts_are_reported() {
        let list = sample_list();
        let parts = handoff_fragments(&list, 150).unwrap();
        let mut assembler = HandoffAssembler::new();
        assembler.add(&parts[0]).unwrap();
        // A character changed in the data.
        let mut damaged = parts[1].clone().into_bytes();
        let last = damaged.len() - 1;
        damaged[last] = if damaged[last] == b'A' { b'B' } else { b'A' };
        let damaged = String::from_utf8(damaged).unwrap();
        assert_eq!(assembler.add(&damaged), Err(HandoffError::DamagedPart { part: Some(2) }));
        // Cut short, as a partial scan would be.
        assert_eq!(assembler.add(&parts[1][..parts[1].len() - 5]), Err(HandoffError::DamagedPart { part: Some(2) }));
        // A part of another handoff.
        let mut other = list.clone();
        other.set_note(&EntryId::parse("m.forja-bajio").unwrap(), "otra", 99).unwrap();
        let foreign = handoff_fragments(&other, 150).unwrap();
        assert_eq!(assembler.add(&foreign[1]), Err(HandoffError::DifferentHandoff));
        assert_eq!(assembler.add("#/member/x"), Err(HandoffError::NotAHandoff));
        assert_eq!(
            assembler.add("#/handoff?v=2&s=00000000&p=1-1&c=00000000&d=AA"),
            Err(HandoffError::UnsupportedVersion { found: "2".into() })
        );
        assert_eq!(assembler.add("#/handoff?v=1&s=zz&p=1-1"), Err(HandoffError::DamagedPart { part: None }));
        assert_eq!(assembler.add("#/handoff?v=1&s=00000000&p=3-2"), Err(HandoffError::DamagedPart { part: None }));
        assembler.reset();
        assert_eq!(assembler.add(&foreign[1]), Ok(PartAdded::New));
        for error in
            [HandoffError::DamagedPart { part: Some(2) }, HandoffError::MissingParts { missing: vec![2, 3], total: 4 }]
        {
            assert_ne!(error.message(Lang::Es), error.message(Lang::En));
        }
        assert_eq!(
            HandoffError::MissingParts { missing: vec![2, 3], total: 4 }.message(Lang::Es),
            "Faltan partes: 2, 3 (de 4)."
        );
    }

    #[test]
    fn sizes_that_cannot_work_are_refused() {
        let list = sample_list();
        assert!(matches!(handoff_fragments(&list, 40), Err(HandoffError::PartSizeTooSmall { .. })));
        let mut big = FollowUpList::new();
        for i in 0..400u32 {
            let person = crate::follow_up::entry::PersonDetails {
                name: format!("Persona {i} {:x}", crate::hash::fnv1a_64(&i.to_le_bytes())),
                company: format!("{:x}", crate::hash::fnv1a_64(&(i * 7).to_le_bytes())),
                ..Default::default()
            };
            big.add_person(&person, i64::from(i)).unwrap();
        }
        assert!(matches!(handoff_fragments(&big, 200), Err(HandoffError::TooManyParts { .. })));
    }

    #[test]
    fn a_bomb_is_refused() {
        let zeros = vec![b'0'; MAX_HANDOFF_BYTES + 10];
        let payload = base64url_encode(&miniz_oxide::deflate::compress_to_vec(&zeros, 9));
        assert_eq!(decode_payload(&payload, 0), Err(HandoffError::Corrupt));
    }

    #[test]
    fn base64url_round_trips_and_rejects_bad_text() {
        for bytes in [&b""[..], b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", &[0xFB, 0xFF]] {
            assert_eq!(base64url_decode(&base64url_encode(bytes)).as_deref(), Some(bytes));
        }
        assert_eq!(base64url_encode(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64url_encode(&[0xFB, 0xFF]), "-_8");
        assert_eq!(base64url_decode("Zm9v+YmFy"), None);
        assert_eq!(base64url_decode("Zm9vY"), None);
        assert_eq!(base64url_decode("Zm9v="), None);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(96))]

        #[test]
        fn handoff_round_trips_in_any_order(
            list in arbitrary_list(),
            max_len in 80usize..1200,
            seed in any::<u64>(),
        ) {
            let mut parts = handoff_fragments(&list, max_len).unwrap();
            prop_assert!(parts.iter().all(|p| p.len() <= max_len));
            // Shuffle deterministically from the seed, and repeat one part.
            let mut state = seed;
            for i in (1..parts.len()).rev() {
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                parts.swap(i, (state >> 33) as usize % (i + 1));
            }
            parts.push(parts[0].clone());
            let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
            let back = refreshed(decode_handoff(&refs, 0).unwrap());
            prop_assert_eq!(back.entries(), list.entries());
        }

        #[test]
        fn arbitrary_fragments_never_panic(fragment in "(#/handoff\\?v=1&s=[0-9a-f]{8}&p=[0-9]{1,3}-[0-9]{1,3}&c=[0-9a-f]{8}&d=)?\\PC{0,200}") {
            let mut assembler = HandoffAssembler::new();
            let _ = assembler.add(&fragment);
            let _ = assembler.finish(0);
            let _ = parse_shortlist(&fragment);
            let _ = decode_payload(&fragment, 0);
        }

        #[test]
        fn arbitrary_payload_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let payload = base64url_encode(&bytes);
            let decoded = decode_payload(&payload, 0);
            match &decoded {
                // Garbage is refused as unreadable (a newer version needs a readable document).
                Err(error) => prop_assert!(
                    matches!(error, HandoffError::Corrupt | HandoffError::NewerVersion { .. }),
                    "{:?}", error
                ),
                // Bytes that happen to be a list are one: its entries hand over again unchanged.
                Ok(list) => {
                    let again = decode_payload(&handoff_payload(list), 0).map(|again| again.entries().to_vec());
                    prop_assert_eq!(again, Ok(list.entries().to_vec()));
                }
            }
            // Well-formed parts around garbage pass their checksums, so the parts are read
            // exactly as the payload alone is.
            if !payload.is_empty() {
                let parts = split_payload(&payload, 200);
                prop_assert!(parts.is_ok(), "{:?}", parts);
                let parts = parts.unwrap_or_default();
                let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
                prop_assert_eq!(decode_handoff(&refs, 0), decoded);
            }
        }
    }
}
