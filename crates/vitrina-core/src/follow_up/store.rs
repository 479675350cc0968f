//! Keeping the list on the device without ever losing it: the storage logic, behind a small trait.
//!
//! The app implements [`KeyValueStore`] over `localStorage`; tests use
//! [`MemoryStore`], which can also play a full or disabled storage.
//!
//! Rules, each pinned by a test:
//! - The list lives under a key derived from the directory's URL ([`storage_key`]),
//!   so two directories on one origin never mix lists.
//! - A stored value that cannot be read is never overwritten: it is copied to a
//!   backup key first (listed by [`FollowUpStore::corrupt_backups`]); if even that
//!   copy fails, nothing is written at all and the list works in memory.
//! - A value written by a newer app is left untouched and the list opens read-only.
//! - Storage that is unavailable, full or failing is reported as a value; the
//!   list keeps working in memory.
//! - Every save first merges what is stored (another tab may have written), so
//!   neither tab overwrites the other's edits; the company said (or removed) last wins.
//! - An older app (an open tab of version 2, a cached copy) shows what this app writes
//!   read-only and never writes over it: the rule above, played with the older version.

use std::collections::BTreeMap;
use std::fmt;

use super::document::{parse_as_app_of, read_newer_document, DocumentError, Repairs, DOCUMENT_VERSION};
use super::entry::Millis;
use super::list::FollowUpList;
use super::merge::merge;
use crate::lang::Lang;

use crate::hash::fnv1a_64;

/// The start of every storage key; the `v1` is the version of the key scheme, not of the document.
pub const KEY_PREFIX: &str = "vitrina.follow-up.v1:";

/// The storage key for the list of the directory at `directory_url`.
///
/// `directory_url` is the absolute URL the directory file is fetched from, as
/// the browser resolves it (`new URL("data/directory.json", location.href).href`).
/// Anything after a `#` is ignored; nothing else is normalised. The key is
/// [`KEY_PREFIX`] followed by the 16 lower-case hex digits of the 64-bit
/// FNV-1a hash of the URL's UTF-8 bytes, e.g.
/// `vitrina.follow-up.v1:8c3f0e4f6d0b5a21`.
pub fn storage_key(directory_url: &str) -> String {
    let url = directory_url.split('#').next().unwrap_or(directory_url);
    format!("{KEY_PREFIX}{:016x}", fnv1a_64(url.as_bytes()))
}

/// Why the storage refused an operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// Occurs when storage is disabled, blocked (private mode, cookies off) or missing.
    Unavailable,
    /// Occurs when storage is full (`QuotaExceededError`).
    QuotaExceeded,
    /// Occurs for any other failure; the text is the browser's, for the console.
    Other(String),
}

impl StoreError {
    /// A one-line explanation for a person, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            StoreError::Unavailable => lang
                .pick(
                    "Este navegador no permite guardar datos (¿modo privado?): su lista no se conservará al cerrar la página. Expórtela para no perderla.",
                    "This browser does not allow saving data (private mode?): your list will not be kept when the page closes. Export it so it is not lost.",
                )
                .into(),
            StoreError::QuotaExceeded => lang
                .pick(
                    "El almacenamiento del navegador está lleno: sus últimos cambios no se guardaron. Exporte su lista para no perderlos.",
                    "The browser's storage is full: your latest changes were not saved. Export your list so they are not lost.",
                )
                .into(),
            StoreError::Other(_) => lang
                .pick(
                    "No se pudo guardar su lista en este dispositivo. Exporte su lista para no perder los cambios.",
                    "Your list could not be saved on this device. Export your list so your changes are not lost.",
                )
                .into(),
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Other(detail) => write!(f, "{} ({detail})", self.message(Lang::En)),
            _ => f.write_str(&self.message(Lang::En)),
        }
    }
}

impl std::error::Error for StoreError {}

/// A string key-value store such as `localStorage`.
pub trait KeyValueStore {
    /// The value under `key`, if any.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Stores `value` under `key`.
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    /// Removes `key`; removing a missing key succeeds.
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
}

/// A store's reads, with every write refused: what a preview loads through.
pub struct WritesRefused<'a>(pub &'a dyn KeyValueStore);

impl KeyValueStore for WritesRefused<'_> {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.0.get(key)
    }

    fn set(&mut self, _key: &str, _value: &str) -> Result<(), StoreError> {
        Err(StoreError::Other("a preview writes nothing".into()))
    }

    fn remove(&mut self, _key: &str) -> Result<(), StoreError> {
        Err(StoreError::Other("a preview writes nothing".into()))
    }
}

/// A failure [`MemoryStore`] can play, for tests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fault {
    /// Every operation fails with [`StoreError::Unavailable`], as in a disabled storage.
    Unavailable,
    /// Reads work, writes fail with [`StoreError::QuotaExceeded`].
    Full,
    /// Reads work, writes fail with [`StoreError::Other`].
    WritesFail,
    /// Reads fail with [`StoreError::Other`], writes work (a flaky storage).
    ReadsFail,
}

/// An in-memory [`KeyValueStore`] with an optional quota and injectable faults.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MemoryStore {
    values: BTreeMap<String, String>,
    quota_units: Option<usize>,
    fault: Option<Fault>,
}

impl MemoryStore {
    /// An empty store with no quota and no faults.
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    /// A store that holds at most `units` UTF-16 code units of keys and values, as browsers count.
    pub fn with_quota(units: usize) -> MemoryStore {
        MemoryStore { quota_units: Some(units), ..MemoryStore::default() }
    }

    /// Starts (or, with `None`, stops) playing a failure.
    pub fn set_fault(&mut self, fault: Option<Fault>) {
        self.fault = fault;
    }

    /// The stored value under `key`, bypassing faults.
    pub fn raw(&self, key: &str) -> Option<&str> {
        self.values.get(key).map(String::as_str)
    }

    /// Stores a value bypassing faults and quota, e.g. to play a corrupted value.
    pub fn put_raw(&mut self, key: &str, value: &str) {
        self.values.insert(key.to_owned(), value.to_owned());
    }

    /// Every stored key, in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.values.keys().map(String::as_str)
    }

    fn used_units_without(&self, key: &str) -> usize {
        self.values
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
            .sum()
    }
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        match self.fault {
            Some(Fault::Unavailable) => Err(StoreError::Unavailable),
            Some(Fault::ReadsFail) => Err(StoreError::Other("read failed".into())),
            _ => Ok(self.values.get(key).cloned()),
        }
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        match self.fault {
            Some(Fault::Unavailable) => return Err(StoreError::Unavailable),
            Some(Fault::Full) => return Err(StoreError::QuotaExceeded),
            Some(Fault::WritesFail) => return Err(StoreError::Other("write failed".into())),
            _ => {}
        }
        if let Some(quota) = self.quota_units {
            let needed = key.encode_utf16().count() + value.encode_utf16().count();
            if self.used_units_without(key) + needed > quota {
                return Err(StoreError::QuotaExceeded);
            }
        }
        self.values.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        match self.fault {
            Some(Fault::Unavailable) => Err(StoreError::Unavailable),
            Some(Fault::WritesFail) => Err(StoreError::Other("write failed".into())),
            _ => {
                self.values.remove(key);
                Ok(())
            }
        }
    }
}

/// Why a stored value could not be used as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Corruption {
    /// Occurs when the value is not a follow-up document at all.
    Unreadable(DocumentError),
    /// Occurs when some entries could not be read; the rest are in the salvaged list.
    PartlyUnreadable {
        /// How many entries or deletions were left out.
        skipped: usize,
    },
    /// Occurs when every entry was read, but only as a browser reads JSON (a lone surrogate
    /// escape, a number too large): saving would not write back what is stored.
    Repaired(Repairs),
}

/// What [`FollowUpStore::load`] found.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadOutcome {
    /// The stored list, migrated if it was older (`migrated_from` is its version then).
    Loaded {
        /// The list.
        list: FollowUpList,
        /// The version it was migrated from, if it was.
        migrated_from: Option<u64>,
    },
    /// Nothing stored yet: a new list.
    Empty,
    /// The stored value could not be (fully) read. It was copied to `backup_key`
    /// (`None` when even that failed: then nothing will be written, and the list
    /// works in memory). Offer `raw` as a download; work on `salvaged`.
    Corrupt {
        /// The stored text, unchanged.
        raw: String,
        /// Where a copy was kept, if it could be.
        backup_key: Option<String>,
        /// What could be read of it (possibly nothing).
        salvaged: FollowUpList,
        /// What was wrong.
        corruption: Corruption,
    },
    /// Written by a newer app: left untouched, and the list is read-only here.
    NewerVersion {
        /// The stored document's version.
        version: u64,
        /// What this app can read of it, to show read-only.
        readable: Option<FollowUpList>,
    },
    /// Storage could not be read: the list works in memory and will not persist.
    Unavailable {
        /// The storage's error.
        error: StoreError,
    },
}

impl LoadOutcome {
    /// The list to work with: the loaded, salvaged or readable one, else a new empty list.
    pub fn into_list(self) -> FollowUpList {
        match self {
            LoadOutcome::Loaded { list, .. } => list,
            LoadOutcome::Corrupt { salvaged, .. } => salvaged,
            LoadOutcome::NewerVersion { readable, .. } => readable.unwrap_or_default(),
            LoadOutcome::Empty | LoadOutcome::Unavailable { .. } => FollowUpList::new(),
        }
    }

    /// Whether the list page tells the visitor how the list was loaded (until they dismiss
    /// it): a damaged or newer list. Storage that cannot be read is not such a notice: the
    /// persistence line says so, for as long as it lasts.
    pub fn needs_notice(&self) -> bool {
        matches!(self, LoadOutcome::Corrupt { .. } | LoadOutcome::NewerVersion { .. })
    }

    /// What to tell the visitor, in `lang`; `None` when all is well.
    pub fn message(&self, lang: Lang) -> Option<String> {
        Some(match self {
            LoadOutcome::Loaded { .. } | LoadOutcome::Empty => return None,
            LoadOutcome::Corrupt { backup_key: Some(_), corruption: Corruption::Repaired(repairs), .. } => {
                repairs.message(lang).unwrap_or_default()
                    + lang.pick(
                        " Se guardó una copia intacta de su lista; puede descargarla.",
                        " An untouched copy of your list was kept; you can download it.",
                    )
            }
            LoadOutcome::Corrupt { backup_key: Some(_), .. } => lang
                .pick(
                    "Una parte de su lista guardada estaba dañada y no se pudo leer. Se guardó una copia intacta; puede descargarla.",
                    "Part of your saved list was damaged and could not be read. An untouched copy was kept; you can download it.",
                )
                .into(),
            LoadOutcome::Corrupt { backup_key: None, .. } => lang
                .pick(
                    "Su lista guardada está dañada y no se pudo apartar una copia; no se modificará. Descárguela para no perderla.",
                    "Your saved list is damaged and a copy could not be set aside; it will not be changed. Download it so it is not lost.",
                )
                .into(),
            LoadOutcome::NewerVersion { version, .. } => read_only_message(*version, lang),
            LoadOutcome::Unavailable { error } => error.message(lang),
        })
    }
}

/// Why a newer app's list cannot be changed here.
fn read_only_message(version: u64, lang: Lang) -> String {
    DocumentError::NewerVersion { version }.message(lang)
        + lang.pick(" Mientras tanto, la lista es de solo lectura.", " Meanwhile, the list is read-only.")
}

/// What [`FollowUpStore::save`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveOutcome {
    /// Written.
    Saved {
        /// True when changes stored by another tab were merged into the list first.
        merged: bool,
        /// Where an unreadable stored value was set aside before writing, if one was.
        set_aside: Option<String>,
    },
    /// Not written: the stored list comes from a newer app; this one is read-only.
    ReadOnly {
        /// The stored document's version.
        version: u64,
    },
    /// Not written: a preview never writes the list.
    Preview,
    /// Not written: the list lives in memory only until a later save succeeds.
    Failed {
        /// The storage's error.
        error: StoreError,
    },
}

/// What [`FollowUpStore::apply_storage_event`] did with another tab's write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyncOutcome {
    /// Merged into the list.
    Merged {
        /// True when the list changed (re-render).
        changed: bool,
        /// True when the list has edits the stored value lacks (call save).
        needs_save: bool,
    },
    /// Another tab runs a newer app and wrote a newer document: this one is read-only now.
    ReadOnly {
        /// The stored document's version.
        version: u64,
    },
    /// Nothing to merge: the key was removed, or holds something unreadable
    /// (the next save sets it aside).
    Ignored,
}

/// Whether the list persists, for the list page's status line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Persistence {
    /// Not loaded yet.
    #[default]
    NotLoaded,
    /// Every change is written through.
    Saving,
    /// A newer app's list: shown, never written.
    ReadOnly {
        /// The stored document's version.
        version: u64,
    },
    /// Changes live in memory only, because of this error.
    MemoryOnly {
        /// The storage's error.
        error: StoreError,
    },
    /// The app previews a directory staff have not published: the list is shown, and nothing
    /// done in the preview changes it.
    Preview,
}

impl Persistence {
    /// True when changes are being written.
    pub fn is_saving(&self) -> bool {
        matches!(self, Persistence::Saving)
    }

    /// True when nothing may change the list: a newer app's list, or a preview.
    pub fn is_read_only(&self) -> bool {
        matches!(self, Persistence::ReadOnly { .. } | Persistence::Preview)
    }

    /// Why nothing can be changed, when a newer app's list or a preview is shown: what
    /// disabled controls say.
    pub fn read_only_message(&self, lang: Lang) -> Option<String> {
        match self {
            Persistence::ReadOnly { version } => Some(read_only_message(*version, lang)),
            Persistence::Preview => Some(
                lang.pick("Vista previa: su lista no cambia aquí.", "Preview: your list does not change here.")
                    .to_owned(),
            ),
            _ => None,
        }
    }
}

/// The follow-up list's place in storage for one directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FollowUpStore {
    key: String,
    persistence: Persistence,
    /// The document this store wrote last. When storage still holds exactly it, no other
    /// tab has written since, and a save skips parsing and merging it back (issue 5: that
    /// was most of a "Guardar" click's cost).
    last_written: Option<String>,
    /// The document version this app writes, [`DOCUMENT_VERSION`]; tests play an older app
    /// (an old tab, a cached copy) with [`FollowUpStore::for_app_of_version`].
    app_version: u64,
}

impl FollowUpStore {
    /// The store for the directory at `directory_url` (see [`storage_key`]).
    pub fn for_directory(directory_url: &str) -> FollowUpStore {
        FollowUpStore::with_key(storage_key(directory_url))
    }

    /// The store under an explicit key.
    pub fn with_key(key: impl Into<String>) -> FollowUpStore {
        FollowUpStore {
            key: key.into(),
            persistence: Persistence::NotLoaded,
            last_written: None,
            app_version: DOCUMENT_VERSION,
        }
    }

    /// The store as an app that writes document version `app_version` has it, for tests of
    /// what an older app (an old tab, a cached copy) does with what this one writes.
    #[cfg(test)]
    pub(crate) fn for_app_of_version(mut self, app_version: u64) -> FollowUpStore {
        self.app_version = app_version;
        self
    }

    /// Reads a document by this store's version rule.
    fn parse(&self, raw: &str, now_ms: Millis) -> Result<super::ParsedDocument, DocumentError> {
        parse_as_app_of(self.app_version, raw, Repairs::default(), now_ms)
    }

    /// The key the list lives under (the app listens to `storage` events for it).
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Whether changes persist.
    pub fn persistence(&self) -> &Persistence {
        &self.persistence
    }

    /// The key that lists where unreadable values were set aside.
    pub fn corrupt_index_key(&self) -> String {
        format!("{}.corrupt-index", self.key)
    }

    /// The key the entry being typed in is written under on every key (see
    /// [`super::typing::draft_document`]), apart from the list so that a key costs one entry.
    pub fn draft_key(&self) -> String {
        format!("{}.draft", self.key)
    }

    /// The key a migration keeps the pre-migration text under.
    pub fn pre_migration_key(&self, version: u64) -> String {
        format!("{}.before-migration-from-v{version}", self.key)
    }

    /// From now on the list is only shown, for a preview of an unpublished directory:
    /// [`FollowUpStore::save`] writes nothing. Load it through [`WritesRefused`] first, since
    /// a load may set a damaged value aside or keep a pre-migration copy.
    pub fn preview_only(&mut self) {
        self.persistence = Persistence::Preview;
    }

    /// Reads the stored list. Never writes over what it finds; see [`LoadOutcome`].
    pub fn load(&mut self, kv: &mut dyn KeyValueStore, now_ms: Millis) -> LoadOutcome {
        let raw = match kv.get(&self.key) {
            Ok(Some(raw)) => raw,
            Ok(None) => {
                self.persistence = Persistence::Saving;
                return LoadOutcome::Empty;
            }
            Err(error) => {
                self.persistence = Persistence::MemoryOnly { error: error.clone() };
                return LoadOutcome::Unavailable { error };
            }
        };
        match self.parse(&raw, now_ms) {
            Ok(doc) if doc.skipped == 0 && doc.repairs.is_empty() => {
                self.persistence = Persistence::Saving;
                let migrated_from = (doc.from_version < self.app_version).then_some(doc.from_version);
                if let Some(version) = migrated_from {
                    // Migrations are tested, but the original costs little to keep.
                    let _ = kv.set(&self.pre_migration_key(version), &raw);
                }
                LoadOutcome::Loaded { list: doc.list, migrated_from }
            }
            Ok(doc) => {
                let corruption = match doc.skipped {
                    0 => Corruption::Repaired(doc.repairs),
                    skipped => Corruption::PartlyUnreadable { skipped },
                };
                self.set_aside_on_load(kv, raw, doc.list, corruption, now_ms)
            }
            Err(DocumentError::NewerVersion { version }) => {
                self.persistence = Persistence::ReadOnly { version };
                LoadOutcome::NewerVersion { version, readable: read_newer_document(&raw) }
            }
            Err(error) => self.set_aside_on_load(kv, raw, FollowUpList::new(), Corruption::Unreadable(error), now_ms),
        }
    }

    fn set_aside_on_load(
        &mut self,
        kv: &mut dyn KeyValueStore,
        raw: String,
        salvaged: FollowUpList,
        corruption: Corruption,
        now_ms: Millis,
    ) -> LoadOutcome {
        match self.set_aside(kv, &raw, now_ms) {
            Ok(backup_key) => {
                self.persistence = Persistence::Saving;
                LoadOutcome::Corrupt { raw, backup_key: Some(backup_key), salvaged, corruption }
            }
            Err(error) => {
                self.persistence = Persistence::MemoryOnly { error };
                LoadOutcome::Corrupt { raw, backup_key: None, salvaged, corruption }
            }
        }
    }

    /// Copies an unreadable value to a backup key of its own and lists it; then the main key
    /// may be written. The value under the main key is only removed once the copy is safe.
    fn set_aside(&mut self, kv: &mut dyn KeyValueStore, raw: &str, now_ms: Millis) -> Result<String, StoreError> {
        let mut backup_key = format!("{}.corrupt.{now_ms}", self.key);
        let mut n = 1;
        while kv.get(&backup_key)?.is_some_and(|existing| existing != raw) {
            n += 1;
            backup_key = format!("{}.corrupt.{now_ms}-{n}", self.key);
        }
        kv.set(&backup_key, raw)?;
        if kv.get(&backup_key)?.as_deref() != Some(raw) {
            return Err(StoreError::Other("the backup copy did not read back".into()));
        }
        let mut index = self.corrupt_backups(kv);
        if !index.contains(&backup_key) {
            index.push(backup_key.clone());
            // The index only helps the UI find copies; the copy itself is what matters.
            let _ = kv.set(&self.corrupt_index_key(), &serde_json::to_string(&index).unwrap_or_default());
        }
        let _ = kv.remove(&self.key);
        Ok(backup_key)
    }

    /// The keys of unreadable values that were set aside, oldest first, for the UI to offer.
    pub fn corrupt_backups(&self, kv: &dyn KeyValueStore) -> Vec<String> {
        kv.get(&self.corrupt_index_key())
            .ok()
            .flatten()
            .and_then(|raw| serde_json::from_str::<Vec<String>>(&raw).ok())
            .unwrap_or_default()
            .into_iter()
            .filter(|key| key.starts_with(&self.key))
            .collect()
    }

    /// Deletes a set-aside value once the visitor has downloaded it or chosen to discard it.
    pub fn discard_corrupt_backup(&self, kv: &mut dyn KeyValueStore, backup_key: &str) -> Result<(), StoreError> {
        let mut index = self.corrupt_backups(kv);
        if !index.iter().any(|key| key == backup_key) {
            return Ok(());
        }
        kv.remove(backup_key)?;
        index.retain(|key| key != backup_key);
        if index.is_empty() {
            kv.remove(&self.corrupt_index_key())
        } else {
            kv.set(&self.corrupt_index_key(), &serde_json::to_string(&index).unwrap_or_default())
        }
    }

    /// Writes the list through, after merging what another tab may have stored since.
    ///
    /// `list` is updated with the merge result. Old deletions are pruned. An
    /// unreadable stored value is set aside first (and nothing is written if it
    /// cannot be). A newer app's document is never written over.
    pub fn save(&mut self, kv: &mut dyn KeyValueStore, list: &mut FollowUpList, now_ms: Millis) -> SaveOutcome {
        match self.persistence {
            Persistence::ReadOnly { version } => return SaveOutcome::ReadOnly { version },
            Persistence::Preview => return SaveOutcome::Preview,
            _ => {}
        }
        let stored = match kv.get(&self.key) {
            Ok(stored) => stored,
            Err(error) => return self.failed(error),
        };
        let mut merged = false;
        let mut set_aside = None;
        let ours = stored.is_some() && stored == self.last_written;
        if let Some(raw) = stored.filter(|_| !ours) {
            let parsed = self.parse(&raw, now_ms);
            if let Ok(doc) = &parsed {
                let union = merge(list, &doc.list);
                merged = union.entries != list.entries
                    || union.tombstones != list.tombstones
                    || (union.my_company_at, &union.my_company) != (list.my_company_at, &list.my_company);
                *list = union;
            }
            match parsed {
                Ok(doc) if doc.skipped == 0 && doc.repairs.is_empty() => {}
                Err(DocumentError::NewerVersion { version }) => {
                    self.persistence = Persistence::ReadOnly { version };
                    return SaveOutcome::ReadOnly { version };
                }
                Ok(_) | Err(_) => match self.set_aside(kv, &raw, now_ms) {
                    Ok(key) => set_aside = Some(key),
                    Err(error) => return self.failed(error),
                },
            }
        }
        list.prune_tombstones(now_ms);
        let document = list.to_json();
        match kv.set(&self.key, &document) {
            Ok(()) => {
                self.last_written = Some(document);
                self.persistence = Persistence::Saving;
                SaveOutcome::Saved { merged, set_aside }
            }
            Err(error) => self.failed(error),
        }
    }

    fn failed(&mut self, error: StoreError) -> SaveOutcome {
        self.persistence = Persistence::MemoryOnly { error: error.clone() };
        SaveOutcome::Failed { error }
    }

    /// Merges the value another tab stored under [`FollowUpStore::key`] (a `storage` event's
    /// `newValue`) into `list`. Writes nothing.
    pub fn apply_storage_event(
        &mut self,
        new_value: Option<&str>,
        list: &mut FollowUpList,
        now_ms: Millis,
    ) -> SyncOutcome {
        let Some(raw) = new_value else { return SyncOutcome::Ignored };
        match self.parse(raw, now_ms) {
            Ok(doc) => {
                let union = merge(list, &doc.list);
                let changed = union != *list;
                let needs_save = union.entries != doc.list.entries
                    || union.tombstones != doc.list.tombstones
                    || (union.my_company_at, &union.my_company) != (doc.list.my_company_at, &doc.list.my_company);
                *list = union;
                SyncOutcome::Merged { changed, needs_save }
            }
            Err(DocumentError::NewerVersion { version }) => {
                if self.persistence != Persistence::Preview {
                    self.persistence = Persistence::ReadOnly { version };
                }
                SyncOutcome::ReadOnly { version }
            }
            Err(_) => SyncOutcome::Ignored,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::follow_up::test_support::directory;
    use crate::my_company::{MyCompany, OutsideCompany};
    use crate::valid::Slug;

    const URL: &str = "https://cluster.example.org/vitrina/data/directory.json";

    /// Issue 12: the list page's load notice is the core's decision, not "the Spanish
    /// message is there": a damaged or newer list needs one, unreadable storage does not
    /// (the persistence line says that), a good or empty list does not.
    #[test]
    fn which_loads_need_a_notice() {
        let corrupt = |backup_key: Option<&str>| LoadOutcome::Corrupt {
            raw: "{".into(),
            backup_key: backup_key.map(str::to_owned),
            salvaged: FollowUpList::new(),
            corruption: Corruption::PartlyUnreadable { skipped: 1 },
        };
        let cases = [
            (LoadOutcome::Empty, false),
            (LoadOutcome::Loaded { list: FollowUpList::new(), migrated_from: Some(1) }, false),
            (LoadOutcome::Unavailable { error: StoreError::Unavailable }, false),
            (corrupt(Some("backup")), true),
            (corrupt(None), true),
            (LoadOutcome::NewerVersion { version: 9, readable: None }, true),
        ];
        for (outcome, needs_notice) in cases {
            assert_eq!(outcome.needs_notice(), needs_notice, "{outcome:?}");
            // A notice always has something to say, in both languages.
            if needs_notice {
                assert!(outcome.message(Lang::Es).is_some() && outcome.message(Lang::En).is_some());
            }
        }
    }

    fn saved_list(kv: &mut MemoryStore) -> (FollowUpStore, FollowUpList) {
        let mut store = FollowUpStore::for_directory(URL);
        assert_eq!(store.load(kv, 0), LoadOutcome::Empty);
        let mut list = FollowUpList::new();
        list.add_member(&directory(), "aceros-del-norte", 1).unwrap();
        assert_eq!(store.save(kv, &mut list, 2), SaveOutcome::Saved { merged: false, set_aside: None });
        (store, list)
    }

    /// Issue 14: a preview of an unpublished directory shows the visitor's list and never
    /// writes it: not a save, not another tab's merge, not even a damaged value set aside
    /// or a pre-migration copy on load.
    #[test]
    fn a_preview_shows_the_list_and_writes_nothing() {
        let mut kv = MemoryStore::new();
        let (_, list) = saved_list(&mut kv);
        let before = kv.clone();
        let mut store = FollowUpStore::for_directory(URL);
        let mut shown = store.load(&mut WritesRefused(&kv), 3).into_list();
        store.preview_only();
        assert_eq!(shown, list);
        assert_eq!(store.persistence(), &Persistence::Preview);
        assert!(store.persistence().is_read_only());
        for lang in [Lang::Es, Lang::En] {
            assert!(store.persistence().read_only_message(lang).is_some_and(|m| !m.is_empty()));
        }
        shown.add_member(&directory(), "forja-bajio", 4).unwrap();
        assert_eq!(store.save(&mut kv, &mut shown, 5), SaveOutcome::Preview);
        let newer = r#"{"kind":"vitrina.follow-up","version":99,"entries":[]}"#;
        assert!(matches!(store.apply_storage_event(Some(newer), &mut shown, 6), SyncOutcome::ReadOnly { .. }));
        assert_eq!(store.persistence(), &Persistence::Preview);
        assert_eq!(store.save(&mut kv, &mut shown, 7), SaveOutcome::Preview);
        assert_eq!(kv, before);

        let mut damaged = MemoryStore::new();
        damaged.put_raw(store.key(), "{ not json");
        let before = damaged.clone();
        let outcome = FollowUpStore::for_directory(URL).load(&mut WritesRefused(&damaged), 8);
        assert!(matches!(outcome, LoadOutcome::Corrupt { backup_key: None, .. }), "{outcome:?}");
        assert_eq!(damaged, before);
    }

    #[test]
    fn keys_are_scoped_to_the_directory_and_stable() {
        let key = storage_key(URL);
        assert_eq!(key, format!("vitrina.follow-up.v1:{:016x}", fnv1a_64(URL.as_bytes())));
        assert_eq!(key, "vitrina.follow-up.v1:138948d13a82d09f");
        assert_eq!(storage_key(&format!("{URL}#x")), key);
        assert_ne!(storage_key("https://cluster.example.org/otro/data/directory.json"), key);
        assert_ne!(storage_key("https://cluster.example.org/vitrina/data/directory.json?v=2"), key);
    }

    #[test]
    fn two_directories_on_one_origin_never_mix() {
        let mut kv = MemoryStore::new();
        let (_, list) = saved_list(&mut kv);
        let mut other = FollowUpStore::for_directory("https://cluster.example.org/otro/data/directory.json");
        assert_eq!(other.load(&mut kv, 3), LoadOutcome::Empty);
        let mut again = FollowUpStore::for_directory(URL);
        assert_eq!(again.load(&mut kv, 3), LoadOutcome::Loaded { list, migrated_from: None });
    }

    #[test]
    fn save_then_load_round_trips() {
        let mut kv = MemoryStore::new();
        let (store, list) = saved_list(&mut kv);
        assert_eq!(store.persistence(), &Persistence::Saving);
        assert_eq!(kv.raw(store.key()), Some(list.to_json().as_str()));
        let mut fresh = FollowUpStore::for_directory(URL);
        assert_eq!(fresh.load(&mut kv, 5).into_list(), list);
    }

    #[test]
    fn corrupt_values_are_set_aside_never_overwritten() {
        for garbage in ["{\"kind\":\"vitrina.follow-up\",\"vers", "<html>404</html>", "null", "{\"a\":1}", ""] {
            let mut kv = MemoryStore::new();
            let mut store = FollowUpStore::for_directory(URL);
            kv.put_raw(store.key(), garbage);
            let outcome = store.load(&mut kv, 77);
            let backup_key = format!("{}.corrupt.77", store.key());
            let LoadOutcome::Corrupt { raw, backup_key: Some(kept), salvaged, corruption } = &outcome else {
                panic!("{garbage}: {outcome:?}")
            };
            assert_eq!((raw.as_str(), kept), (garbage, &backup_key));
            assert!(salvaged.is_empty());
            assert!(matches!(corruption, Corruption::Unreadable(_)));
            assert!(outcome.message(Lang::Es).is_some());
            assert_eq!(kv.raw(&backup_key), Some(garbage));
            assert_eq!(store.corrupt_backups(&kv), std::slice::from_ref(&backup_key));
            // Now the list can be saved; the copy stays.
            let mut list = outcome.into_list();
            list.add_member(&directory(), "forja-bajio", 80).unwrap();
            assert!(matches!(store.save(&mut kv, &mut list, 81), SaveOutcome::Saved { .. }));
            assert_eq!(kv.raw(&backup_key), Some(garbage));
            store.discard_corrupt_backup(&mut kv, &backup_key).unwrap();
            assert_eq!(kv.raw(&backup_key), None);
            assert!(store.corrupt_backups(&kv).is_empty());
        }
    }

    /// Issue 13: a stored list with a lone surrogate escape (written by another tool, or edited
    /// by hand) loads every entry with U+FFFD; as saving will not write back what is stored,
    /// the original is kept aside and the notice says what was repaired.
    #[test]
    fn stored_lists_are_read_as_a_browser_reads_them() {
        let mut kv = MemoryStore::new();
        let mut store = FollowUpStore::for_directory(URL);
        let raw = r#"{"kind":"vitrina.follow-up","version":2,"entries":[
            {"id":"m.a","member":"a","note":"x\ud800","added_at":1,"updated_at":1},
            {"id":"m.b","member":"b","added_at":1,"updated_at":1}]}"#;
        kv.put_raw(store.key(), raw);
        let outcome = store.load(&mut kv, 9);
        let es = outcome.message(Lang::Es).unwrap();
        assert!(es.starts_with("Un texto tenía caracteres no válidos") && es.ends_with("puede descargarla."), "{es}");
        assert!(outcome.message(Lang::En).unwrap().ends_with("you can download it."));
        let LoadOutcome::Corrupt { backup_key: Some(kept), salvaged, corruption, .. } = outcome else { panic!() };
        assert_eq!(corruption, Corruption::Repaired(Repairs { text: 1, numbers: 0 }));
        assert_eq!(salvaged.len(), 2);
        assert_eq!(salvaged.entries()[0].note, "x\u{FFFD}");
        assert_eq!(kv.raw(&kept), Some(raw));
    }

    #[test]
    fn partly_unreadable_lists_keep_what_they_can_and_the_original() {
        let mut kv = MemoryStore::new();
        let mut store = FollowUpStore::for_directory(URL);
        let raw = r#"{"kind":"vitrina.follow-up","version":1,"entries":[
            {"id":"m.a","member":"a","note":"buena","added_at":1,"updated_at":1},
            {"id":"m.b","member":"b","next":"2026-02-31","added_at":1,"updated_at":1}]}"#;
        kv.put_raw(store.key(), raw);
        let LoadOutcome::Corrupt { backup_key: Some(kept), salvaged, corruption, .. } = store.load(&mut kv, 9) else {
            panic!()
        };
        assert_eq!(corruption, Corruption::PartlyUnreadable { skipped: 1 });
        assert_eq!(salvaged.len(), 1);
        assert_eq!(kv.raw(&kept), Some(raw));
    }

    #[test]
    fn a_corrupt_value_whose_copy_fails_is_left_alone_and_nothing_is_written() {
        let mut kv = MemoryStore::new();
        let mut store = FollowUpStore::for_directory(URL);
        kv.put_raw(store.key(), "garbage");
        kv.set_fault(Some(Fault::Full));
        let outcome = store.load(&mut kv, 5);
        assert!(matches!(&outcome, LoadOutcome::Corrupt { backup_key: None, raw, .. } if raw == "garbage"));
        assert_eq!(store.persistence(), &Persistence::MemoryOnly { error: StoreError::QuotaExceeded });
        let mut list = outcome.into_list();
        list.add_member(&directory(), "forja-bajio", 6).unwrap();
        assert_eq!(store.save(&mut kv, &mut list, 7), SaveOutcome::Failed { error: StoreError::QuotaExceeded });
        assert_eq!(kv.raw(store.key()), Some("garbage"));
        // Space is freed: the next save sets the value aside, then writes.
        kv.set_fault(None);
        let SaveOutcome::Saved { set_aside: Some(kept), .. } = store.save(&mut kv, &mut list, 8) else { panic!() };
        assert_eq!(kv.raw(&kept), Some("garbage"));
        assert_eq!(store.persistence(), &Persistence::Saving);
        assert_eq!(FollowUpStore::for_directory(URL).load(&mut kv, 9).into_list().len(), 1);
    }

    #[test]
    fn two_corruptions_in_the_same_millisecond_keep_both_copies() {
        let mut kv = MemoryStore::new();
        let mut store = FollowUpStore::for_directory(URL);
        kv.put_raw(store.key(), "first");
        store.load(&mut kv, 5);
        kv.put_raw(store.key(), "second");
        store.load(&mut kv, 5);
        let kept = store.corrupt_backups(&kv);
        assert_eq!(kept.len(), 2);
        assert_eq!(kept.iter().map(|k| kv.raw(k).unwrap()).collect::<Vec<_>>(), ["first", "second"]);
    }

    #[test]
    fn a_newer_version_is_shown_read_only_and_never_written() {
        let mut kv = MemoryStore::new();
        let mut store = FollowUpStore::for_directory(URL);
        let raw = r#"{"kind":"vitrina.follow-up","version":4,"entries":[{"id":"m.a","member":"a","added_at":1,"updated_at":1}]}"#;
        kv.put_raw(store.key(), raw);
        let outcome = store.load(&mut kv, 1);
        assert!(matches!(&outcome, LoadOutcome::NewerVersion { version: 4, readable: Some(l) } if l.len() == 1));
        assert!(outcome.message(Lang::En).unwrap().contains("read-only"));
        // The disabled controls give the same reason as the notice, in both languages.
        for lang in [Lang::Es, Lang::En] {
            assert_eq!(store.persistence().read_only_message(lang), outcome.message(lang));
        }
        assert_eq!(Persistence::Saving.read_only_message(Lang::Es), None);
        let mut list = outcome.into_list();
        assert_eq!(store.save(&mut kv, &mut list, 2), SaveOutcome::ReadOnly { version: 4 });
        assert_eq!(kv.raw(store.key()), Some(raw));
        assert_eq!(kv.keys().count(), 1);
    }

    #[test]
    fn a_newer_version_written_by_another_tab_stops_saving() {
        let mut kv = MemoryStore::new();
        let (mut store, mut list) = saved_list(&mut kv);
        let newer = r#"{"kind":"vitrina.follow-up","version":4,"entries":[]}"#;
        kv.put_raw(store.key(), newer);
        assert_eq!(store.save(&mut kv, &mut list, 9), SaveOutcome::ReadOnly { version: 4 });
        assert_eq!(kv.raw(store.key()), Some(newer));
        assert_eq!(store.apply_storage_event(Some(newer), &mut list, 9), SyncOutcome::ReadOnly { version: 4 });
    }

    fn outside_company(name: &str) -> MyCompany {
        MyCompany::Outside(OutsideCompany::new(name, None, vec![Slug::parse("stamping").unwrap()], Vec::new()))
    }

    /// Issue 16: an app of the version before this one (an old open tab, a cached copy) shows
    /// what this app writes read-only — a list with the visitor's company it would drop — and
    /// never writes over it, whether it loads it or another tab writes it while it is open.
    #[test]
    fn an_older_app_shows_this_apps_list_read_only() {
        let older = DOCUMENT_VERSION - 1;
        let mut kv = MemoryStore::new();
        let (mut store, mut list) = saved_list(&mut kv);
        list.set_my_company(Some(outside_company("Troqueles del Bajío")), 3);
        store.save(&mut kv, &mut list, 4);
        let written = kv.raw(store.key()).unwrap().to_owned();
        assert!(written.contains(r#""my_company":"#), "{written}");

        // The old tab starts after this app wrote.
        let mut old_tab = FollowUpStore::for_directory(URL).for_app_of_version(older);
        let outcome = old_tab.load(&mut kv, 5);
        let LoadOutcome::NewerVersion { version, readable: Some(shown) } = &outcome else { panic!("{outcome:?}") };
        assert_eq!((*version, shown.entries()), (DOCUMENT_VERSION, list.entries()));
        assert!(old_tab.persistence().is_read_only());
        assert!(outcome.message(Lang::En).unwrap().contains("read-only"));
        let mut shown = outcome.into_list();
        shown.add_member(&directory(), "forja-bajio", 6).unwrap();
        assert_eq!(old_tab.save(&mut kv, &mut shown, 7), SaveOutcome::ReadOnly { version: DOCUMENT_VERSION });
        assert_eq!(kv.raw(store.key()), Some(written.as_str()));

        // The old tab was open with a list of its own version when this app wrote.
        let mut kv = MemoryStore::new();
        let mut old_tab = FollowUpStore::for_directory(URL).for_app_of_version(older);
        old_tab.load(&mut kv, 1);
        let mut old_list = FollowUpList::new();
        old_list.add_member(&directory(), "aceros-del-norte", 1).unwrap();
        assert!(matches!(old_tab.save(&mut kv, &mut old_list, 2), SaveOutcome::Saved { .. }));
        assert_eq!(
            old_tab.apply_storage_event(Some(&written), &mut old_list, 3),
            SyncOutcome::ReadOnly { version: DOCUMENT_VERSION }
        );
        assert_eq!(old_tab.persistence(), &Persistence::ReadOnly { version: DOCUMENT_VERSION });
        kv.put_raw(old_tab.key(), &written);
        assert_eq!(old_tab.save(&mut kv, &mut old_list, 4), SaveOutcome::ReadOnly { version: DOCUMENT_VERSION });
        assert_eq!(kv.raw(old_tab.key()), Some(written.as_str()));
        // This app reads what it wrote, as writable.
        assert!(matches!(FollowUpStore::for_directory(URL).load(&mut kv, 5), LoadOutcome::Loaded { .. }));
    }

    /// Issue 16: the company said last wins between tabs, a removal too; a tab that said it
    /// later than what is stored asks to save.
    #[test]
    fn tabs_keep_the_company_said_last() {
        let mut kv = MemoryStore::new();
        let (mut tab1, mut list1) = saved_list(&mut kv);
        let mut tab2 = FollowUpStore::for_directory(URL);
        let mut list2 = tab2.load(&mut kv, 3).into_list();
        list1.set_my_company(Some(outside_company("Primera")), 10);
        tab1.save(&mut kv, &mut list1, 11);
        let stored = kv.raw(tab1.key()).map(str::to_owned);
        assert_eq!(
            tab2.apply_storage_event(stored.as_deref(), &mut list2, 12),
            SyncOutcome::Merged { changed: true, needs_save: false }
        );
        assert_eq!(list2.my_company(), Some(&outside_company("Primera")));
        // Tab 2 removes it; tab 1, with an older company in memory, saves: the removal stays.
        list2.set_my_company(None, 20);
        tab2.save(&mut kv, &mut list2, 21);
        assert_eq!(tab1.save(&mut kv, &mut list1, 22), SaveOutcome::Saved { merged: true, set_aside: None });
        assert_eq!((list1.my_company(), list1.my_company_at), (None, Some(20)));
        // A company said in memory after what is stored asks for a save.
        list1.set_my_company(Some(outside_company("Otra")), 30);
        let stored = kv.raw(tab1.key()).map(str::to_owned);
        assert_eq!(
            tab1.apply_storage_event(stored.as_deref(), &mut list1, 31),
            SyncOutcome::Merged { changed: false, needs_save: true }
        );
    }

    #[test]
    fn unavailable_storage_works_in_memory_and_never_writes_blind() {
        let mut kv = MemoryStore::new();
        let (_, _) = saved_list(&mut kv);
        kv.set_fault(Some(Fault::Unavailable));
        let mut store = FollowUpStore::for_directory(URL);
        let outcome = store.load(&mut kv, 3);
        assert_eq!(outcome, LoadOutcome::Unavailable { error: StoreError::Unavailable });
        assert!(outcome.message(Lang::Es).unwrap().contains("modo privado"));
        let mut list = outcome.into_list();
        list.add_member(&directory(), "forja-bajio", 4).unwrap();
        assert_eq!(store.save(&mut kv, &mut list, 5), SaveOutcome::Failed { error: StoreError::Unavailable });
        // A flaky storage that fails reads must not be written over either.
        kv.set_fault(Some(Fault::ReadsFail));
        assert!(matches!(store.save(&mut kv, &mut list, 6), SaveOutcome::Failed { .. }));
        // Storage comes back: the save merges the stored list instead of overwriting it.
        kv.set_fault(None);
        assert_eq!(store.save(&mut kv, &mut list, 7), SaveOutcome::Saved { merged: true, set_aside: None });
        assert_eq!(list.len(), 2);
    }

    #[test]
    fn full_storage_reports_quota_and_keeps_the_previous_value() {
        let mut kv = MemoryStore::with_quota(1200);
        let (mut store, mut list) = saved_list(&mut kv);
        let before = kv.raw(store.key()).unwrap().to_owned();
        let id = list.entries()[0].id.clone();
        list.set_note(&id, &"x".repeat(2000), 10).unwrap();
        assert_eq!(store.save(&mut kv, &mut list, 11), SaveOutcome::Failed { error: StoreError::QuotaExceeded });
        assert_eq!(store.persistence(), &Persistence::MemoryOnly { error: StoreError::QuotaExceeded });
        assert_eq!(kv.raw(store.key()), Some(before.as_str()));
        assert_eq!(list.get(&id).unwrap().note.len(), 2000, "the edit stays in memory");
        list.set_note(&id, "corta", 12).unwrap();
        assert!(matches!(store.save(&mut kv, &mut list, 13), SaveOutcome::Saved { .. }));
        assert!(store.persistence().is_saving());
        for error in [StoreError::QuotaExceeded, StoreError::Unavailable, StoreError::Other("x".into())] {
            assert_ne!(error.message(Lang::Es), error.message(Lang::En));
        }
    }

    #[test]
    fn writes_that_fail_for_other_reasons_are_reported() {
        let mut kv = MemoryStore::new();
        let (mut store, mut list) = saved_list(&mut kv);
        kv.set_fault(Some(Fault::WritesFail));
        let outcome = store.save(&mut kv, &mut list, 3);
        assert!(matches!(outcome, SaveOutcome::Failed { error: StoreError::Other(_) }));
    }

    #[test]
    fn two_tabs_never_overwrite_each_others_edits() {
        let dir = directory();
        let mut kv = MemoryStore::new();
        let (mut tab1, mut list1) = saved_list(&mut kv);
        let mut tab2 = FollowUpStore::for_directory(URL);
        let mut list2 = tab2.load(&mut kv, 3).into_list();
        let aceros = list1.entries()[0].id.clone();

        list1.set_note(&aceros, "desde la pestaña 1", 10).unwrap();
        list2.add_member(&dir, "forja-bajio", 11).unwrap();
        assert_eq!(tab1.save(&mut kv, &mut list1, 12), SaveOutcome::Saved { merged: false, set_aside: None });
        // Tab 2 saves without having seen the storage event: its save merges first.
        assert_eq!(tab2.save(&mut kv, &mut list2, 13), SaveOutcome::Saved { merged: true, set_aside: None });
        assert_eq!(list2.get(&aceros).unwrap().note, "desde la pestaña 1");
        // Tab 1 receives tab 2's storage event.
        let stored = kv.raw(tab1.key()).map(str::to_owned);
        assert_eq!(
            tab1.apply_storage_event(stored.as_deref(), &mut list1, 14),
            SyncOutcome::Merged { changed: true, needs_save: false }
        );
        assert_eq!(list1.entries(), list2.entries());
        // A removal in one tab is not undone by the other's older copy.
        let forja = list2.find("forja-bajio", None).unwrap().id.clone();
        let stale = list1.clone();
        list2.remove(&forja, 20);
        tab2.save(&mut kv, &mut list2, 21);
        let mut stale_tab = stale;
        tab1.save(&mut kv, &mut stale_tab, 22);
        assert!(stale_tab.get(&forja).is_none());
        assert_eq!(tab1.apply_storage_event(None, &mut stale_tab, 23), SyncOutcome::Ignored);
        assert_eq!(tab1.apply_storage_event(Some("garbage"), &mut stale_tab, 23), SyncOutcome::Ignored);
    }

    /// Issue 5: a save over this store's own last write skips merging it back; it must write
    /// what a full merge would, and still merge as soon as another tab has written.
    #[test]
    fn a_save_over_our_own_write_skips_the_merge_and_writes_the_same() {
        let dir = directory();
        let mut kv = MemoryStore::new();
        let (mut store, mut list) = saved_list(&mut kv);
        let aceros = list.entries()[0].id.clone();
        list.add_member(&dir, "forja-bajio", 40).unwrap();
        list.remove(&aceros, 41);
        let mut fresh_kv = kv.clone();
        let mut fresh_list = list.clone();
        assert_eq!(store.save(&mut kv, &mut list, 42), SaveOutcome::Saved { merged: false, set_aside: None });
        // A store that never wrote (a new tab) parses and merges; the result is the same.
        FollowUpStore::for_directory(URL).save(&mut fresh_kv, &mut fresh_list, 42);
        assert_eq!(kv.raw(store.key()), fresh_kv.raw(store.key()));
        assert_eq!(list.entries(), fresh_list.entries());

        // Another tab writes: the next save sees a value that is not ours and merges it.
        let mut other = FollowUpStore::for_directory(URL);
        let mut other_list = other.load(&mut kv, 43).into_list();
        other_list.add_member(&dir, "aceros-del-norte", 44).unwrap();
        other.save(&mut kv, &mut other_list, 45);
        assert_eq!(store.save(&mut kv, &mut list, 46), SaveOutcome::Saved { merged: true, set_aside: None });
        assert!(list.is_saved("aceros-del-norte", None));
    }

    #[test]
    fn an_edit_only_in_memory_asks_for_a_save_after_a_storage_event() {
        let mut kv = MemoryStore::new();
        let (mut store, mut list) = saved_list(&mut kv);
        let stored = kv.raw(store.key()).unwrap().to_owned();
        let id = list.entries()[0].id.clone();
        list.set_note(&id, "sin guardar", 30).unwrap();
        assert_eq!(
            store.apply_storage_event(Some(&stored), &mut list, 31),
            SyncOutcome::Merged { changed: false, needs_save: true }
        );
    }

    #[test]
    fn migration_keeps_the_original_and_saves_version_1() {
        let mut kv = MemoryStore::new();
        let mut store = FollowUpStore::for_directory(URL);
        let v0 = r#"[{"member":"aceros-del-norte","note":"Llamar"}]"#;
        kv.put_raw(store.key(), v0);
        let outcome = store.load(&mut kv, 100);
        let LoadOutcome::Loaded { mut list, migrated_from: Some(0) } = outcome else { panic!("{outcome:?}") };
        assert_eq!(kv.raw(&store.pre_migration_key(0)), Some(v0));
        assert!(matches!(store.save(&mut kv, &mut list, 101), SaveOutcome::Saved { .. }));
        assert_eq!(list.len(), 1);
        let reloaded = FollowUpStore::for_directory(URL).load(&mut kv, 102);
        assert!(matches!(reloaded, LoadOutcome::Loaded { migrated_from: None, .. }));
    }

    #[test]
    fn saving_prunes_old_deletions() {
        let mut kv = MemoryStore::new();
        let (mut store, mut list) = saved_list(&mut kv);
        let id = list.entries()[0].id.clone();
        list.remove(&id, 10);
        store.save(&mut kv, &mut list, 11);
        assert_eq!(list.tombstones().len(), 1);
        store.save(&mut kv, &mut list, 10 + (super::super::TOMBSTONE_RETENTION_DAYS + 1) * super::super::DAY_MS);
        assert!(list.tombstones().is_empty());
    }
}
