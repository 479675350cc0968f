//! The JSON backup of the list and the import that merges one back.
//!
//! A backup is the stored document ([`crate::follow_up::document`]) with an
//! `exported_at` time, pretty-printed so a person can read it. Importing
//! merges by entry id: new entries are added, the newer edit of an entry wins,
//! a newer deletion in the file removes the entry here, and nothing is ever
//! duplicated. A file that is not a Vitrina backup is refused whole and the
//! list is left exactly as it was.

use super::Scope;
use crate::follow_up::document::{
    document_text, parse_repaired, write_document, Carries, DocumentError, Repairs, DOCUMENT_VERSION,
};
use crate::follow_up::entry::{Entry, Millis};
use crate::follow_up::list::FollowUpList;
use crate::lang::Lang;

/// The largest file an import reads (a list of thousands of entries is far smaller).
pub const MAX_IMPORT_BYTES: usize = 8 * 1024 * 1024;

/// The backup file of the list, or of the entries `scope` covers.
///
/// A whole-list backup carries the recent deletions and the visitor's company too, so that
/// importing it elsewhere also removes what was removed here; a partial one carries only its
/// entries.
pub fn backup_json(list: &FollowUpList, scope: Scope<'_>, now_ms: Millis) -> String {
    let entries: Vec<&Entry> = scope.entries(list);
    let (tombstones, carries) = match scope {
        Scope::All => (list.tombstones(), Carries::Everything),
        Scope::Only(_) => (&[][..], Carries::EntriesOnly),
    };
    write_document(list, &entries, tombstones, Some(now_ms), carries, true)
}

/// What an import changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// Entries new to the list.
    pub added: usize,
    /// Entries replaced by a newer edit from the file.
    pub updated: usize,
    /// Entries in the file that were already here as they are, or newer here.
    pub unchanged: usize,
    /// Entries removed here because the file has a newer deletion.
    pub removed: usize,
    /// Entries in the file that could not be read and were left out.
    pub skipped: usize,
    /// What was read as a browser reads it rather than as written (the entries are kept).
    pub repairs: Repairs,
    /// What became of the visitor's company ("Mi empresa").
    pub company: CompanyFromFile,
}

/// What an import did with the visitor's company: the one said (or removed) last stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CompanyFromFile {
    /// The list's own company stayed (the file had none, the same, or an older one).
    #[default]
    Kept,
    /// The file's company, said later, replaced the list's.
    Taken,
    /// The file records a later removal: the list no longer has a company.
    Removed,
}

impl ImportSummary {
    /// True when the import changed nothing.
    pub fn is_noop(&self) -> bool {
        self.added == 0 && self.updated == 0 && self.removed == 0 && self.company == CompanyFromFile::Kept
    }

    /// One sentence for a person, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let ImportSummary { added, updated, unchanged, removed, skipped, repairs, company } = *self;
        let mut parts = Vec::new();
        let mut part = |n: usize, es_one: &str, es_many: &str, en: &str| {
            if n > 0 {
                parts.push(format!("{n} {}", lang.pick(if n == 1 { es_one } else { es_many }, en)));
            }
        };
        part(added, "nueva", "nuevas", "added");
        part(updated, "actualizada", "actualizadas", "updated");
        part(removed, "quitada", "quitadas", "removed");
        part(unchanged, "sin cambios", "sin cambios", "unchanged");
        part(skipped, "ilegible (omitida)", "ilegibles (omitidas)", "unreadable (skipped)");
        let counts = if parts.is_empty() {
            lang.pick("El archivo no tiene entradas.", "The file has no entries.").into()
        } else {
            format!("{}: {}.", lang.pick("Entradas", "Entries"), parts.join(", "))
        };
        let company = match company {
            CompanyFromFile::Kept => None,
            CompanyFromFile::Taken => Some(lang.pick(
                "Se tomó «Mi empresa» del archivo, que es más reciente.",
                "“My company” was taken from the file, which is more recent.",
            )),
            CompanyFromFile::Removed => Some(lang.pick(
                "Se quitó «Mi empresa», como en el archivo, que es más reciente.",
                "“My company” was removed, as in the file, which is more recent.",
            )),
        };
        [Some(counts.as_str()), company, repairs.message(lang).as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Why a file could not be imported; nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Occurs when the file is empty.
    Empty,
    /// Occurs when the file is larger than [`MAX_IMPORT_BYTES`].
    TooLarge {
        /// The file's size.
        bytes: usize,
    },
    /// Occurs when the file is not UTF-8 text (a picture, a spreadsheet…).
    NotText,
    /// Occurs when the text is not a follow-up document this app reads: not JSON, not a
    /// Vitrina follow-up list (a directory file, say), or a newer or unknown version.
    Document(DocumentError),
}

impl From<DocumentError> for ImportError {
    fn from(error: DocumentError) -> ImportError {
        ImportError::Document(error)
    }
}

impl ImportError {
    /// A one-line explanation for a person, in `lang`; every one ends by saying nothing changed.
    pub fn message(&self, lang: Lang) -> String {
        let what = match self {
            ImportError::Empty => lang.pick("El archivo está vacío.", "The file is empty.").into(),
            ImportError::TooLarge { bytes } => lang.pick(
                format!("El archivo es demasiado grande ({} MB) para ser un respaldo.", bytes / 1_000_000),
                format!("The file is too large ({} MB) to be a backup.", bytes / 1_000_000),
            ),
            ImportError::NotText => lang
                .pick("El archivo no es texto: no es un respaldo de Vitrina.", "The file is not text: it is not a Vitrina backup.")
                .into(),
            // A backup from a newer app can be read after a reload, which a stored list cannot.
            ImportError::Document(DocumentError::NewerVersion { version }) => lang.pick(
                format!("El respaldo viene de una versión más nueva de la aplicación (versión {version}; esta lee hasta la {DOCUMENT_VERSION}). Actualice la página e inténtelo de nuevo."),
                format!("The backup comes from a newer version of the app (version {version}; this one reads up to {DOCUMENT_VERSION}). Reload the page and try again."),
            ),
            ImportError::Document(error) => error.message(lang),
        };
        what + lang.pick(" Su lista no cambió.", " Your list was not changed.")
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ImportError {}

/// Reads a backup file and merges it into `existing`; on error `existing` is untouched.
pub fn import_backup(existing: &mut FollowUpList, bytes: &[u8], now_ms: Millis) -> Result<ImportSummary, ImportError> {
    let (incoming, skipped, repairs) = read_backup_repaired(bytes, now_ms)?;
    Ok(ImportSummary { repairs, ..import_list(existing, &incoming, skipped, now_ms) })
}

/// Reads a backup file without merging it, e.g. to preview it; returns the list and how
/// many entries could not be read.
pub fn read_backup(bytes: &[u8], now_ms: Millis) -> Result<(FollowUpList, usize), ImportError> {
    read_backup_repaired(bytes, now_ms).map(|(list, skipped, _)| (list, skipped))
}

/// [`read_backup`] with what was read as a browser reads it rather than as written.
fn read_backup_repaired(bytes: &[u8], now_ms: Millis) -> Result<(FollowUpList, usize, Repairs), ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // The same reading as the directory file's: what `Response.json()` reads is read.
    let (text, repairs) = document_text(bytes.to_vec()).ok_or(ImportError::NotText)?;
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let doc = parse_repaired(&text, repairs, now_ms)?;
    Ok((doc.list, doc.skipped, doc.repairs))
}

/// Merges an already-read list (a backup, a handoff) into `existing` and summarises the change.
pub fn import_list(
    existing: &mut FollowUpList,
    incoming: &FollowUpList,
    skipped: usize,
    now_ms: Millis,
) -> ImportSummary {
    let company_before = (existing.my_company_at, existing.my_company.clone());
    let counts = existing.merge_from(incoming, now_ms);
    let company_kept = (existing.my_company_at, &existing.my_company) == (company_before.0, &company_before.1);
    let company = match (company_kept, existing.my_company.is_some()) {
        (true, _) => CompanyFromFile::Kept,
        (false, true) => CompanyFromFile::Taken,
        (false, false) => CompanyFromFile::Removed,
    };
    ImportSummary {
        company,
        added: counts.added,
        updated: counts.updated,
        unchanged: counts.unchanged,
        removed: counts.removed,
        skipped,
        repairs: Repairs::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::follow_up::entry::{EntryId, Status};
    use crate::follow_up::test_support::{arbitrary_list, directory, hard_person};
    use crate::my_company::{MyCompany, OutsideCompany};
    use crate::valid::Slug;
    use proptest::prelude::*;

    /// Issue 13: a backup another tool wrote, or a person edited, is read as a browser reads
    /// JSON: a lone surrogate escape and bytes that are not UTF-8 inside a note keep every
    /// entry, and the summary says what was repaired; bad bytes outside any string still refuse.
    #[test]
    fn backups_are_read_as_a_browser_reads_them() {
        let mut file = br#"{"kind":"vitrina.follow-up","version":2,"entries":[
            {"id":"m.a","member":"a","note":"\ud800","added_at":1,"updated_at":1},
            {"id":"m.b","member":"b","note":"caf"#
            .to_vec();
        file.extend_from_slice(b"\xE9\"");
        file.extend_from_slice(br#","added_at":1,"updated_at":1}],"last_backup":1e400}"#);
        let mut list = FollowUpList::new();
        let summary = import_backup(&mut list, &file, 2).unwrap();
        assert_eq!(summary.added, 2);
        assert_eq!(summary.repairs, Repairs { text: 2, numbers: 1 });
        let notes: Vec<&str> = list.entries().iter().map(|entry| entry.note.as_str()).collect();
        assert_eq!(notes, ["\u{FFFD}", "caf\u{FFFD}"]);
        assert_eq!(
            summary.message(Lang::Es),
            "Entradas: 2 nuevas. 2 textos tenían caracteres no válidos (media pareja sustituta o bytes que no son UTF-8); se muestran como �. Un número era demasiado grande y se leyó como vacío."
        );
        assert!(summary.message(Lang::En).starts_with("Entries: 2 added. 2 texts held characters that are not valid"));
        let mut outside = br#"{"kind":"vitrina.follow-up","version":2,"entries":[]}"#.to_vec();
        outside.push(0xE9);
        assert_eq!(import_backup(&mut list, &outside, 3), Err(ImportError::NotText));
    }

    #[test]
    fn a_backup_is_the_readable_document() {
        let dir = directory();
        let mut list = FollowUpList::new();
        list.add_member(&dir, "forja-bajio", 5).unwrap();
        assert_eq!(
            backup_json(&list, Scope::All, 9),
            r#"{
  "kind": "vitrina.follow-up",
  "version": 3,
  "entries": [
    {
      "id": "m.forja-bajio",
      "member": "forja-bajio",
      "snapshot": {
        "member_name": "Forja Bajío 🔧"
      },
      "status": "to_contact",
      "added_at": 5,
      "updated_at": 5
    }
  ],
  "changes_since_backup": 1,
  "unbacked_since": 5,
  "exported_at": 9
}"#
        );
    }

    #[test]
    fn import_into_an_empty_list_reproduces_it() {
        let dir = directory();
        let mut list = FollowUpList::new();
        let a = list.add_contact(&dir, "aceros-del-norte", "ana-lopez", 1).unwrap().id;
        list.add_person(&hard_person(), 2).unwrap();
        let f = list.add_member(&dir, "forja-bajio", 3).unwrap().id;
        list.set_status(&a, Status::Won, 4).unwrap();
        list.remove(&f, 5).unwrap();
        let file = backup_json(&list, Scope::All, 6);
        let mut fresh = FollowUpList::new();
        let summary = import_backup(&mut fresh, file.as_bytes(), 7).unwrap();
        assert_eq!(summary, ImportSummary { added: 2, ..ImportSummary::default() });
        assert_eq!(fresh.entries(), list.entries());
        assert_eq!(fresh.tombstones(), list.tombstones());
        assert_eq!(summary.message(Lang::Es), "Entradas: 2 nuevas.");
        // Importing the same file again changes nothing and duplicates nothing.
        let again = import_backup(&mut fresh, file.as_bytes(), 8).unwrap();
        assert_eq!(again, ImportSummary { unchanged: 2, ..ImportSummary::default() });
        assert!(again.is_noop());
        assert_eq!(fresh.len(), 2);
    }

    #[test]
    fn import_merges_newer_edits_and_deletions() {
        let dir = directory();
        let mut phone = FollowUpList::new();
        let a = phone.add_member(&dir, "aceros-del-norte", 1).unwrap().id;
        let f = phone.add_member(&dir, "forja-bajio", 2).unwrap().id;
        let mut laptop = phone.clone();
        phone.set_note(&a, "desde el teléfono", 10).unwrap();
        phone.remove(&f, 10).unwrap();
        laptop.add_person(&hard_person(), 11).unwrap();
        let summary = import_backup(&mut laptop, backup_json(&phone, Scope::All, 12).as_bytes(), 13).unwrap();
        assert_eq!(summary, ImportSummary { updated: 1, removed: 1, ..ImportSummary::default() });
        assert_eq!(laptop.get(&a).unwrap().note, "desde el teléfono");
        assert!(laptop.get(&f).is_none());
        assert_eq!(laptop.len(), 2);
        assert_eq!(summary.message(Lang::En), "Entries: 1 updated, 1 removed.");
    }

    fn company(name: &str) -> MyCompany {
        MyCompany::Outside(OutsideCompany::new(name, None, vec![Slug::parse("stamping").unwrap()], Vec::new()))
    }

    /// Issue 16: a backup carries the visitor's company; importing it takes the company said
    /// (or removed) last and the summary says so, in both languages; an older one is left.
    #[test]
    fn a_backup_carries_the_company_and_the_newer_one_wins() {
        let dir = directory();
        let mut mine = FollowUpList::new();
        mine.add_member(&dir, "forja-bajio", 1).unwrap();
        mine.set_my_company(Some(company("Troqueles del Bajío")), 10);
        let file = backup_json(&mine, Scope::All, 11);
        assert!(file.contains(r#""my_company": {"#) && file.contains(r#""my_company_at": 10,"#), "{file}");

        // Another device whose company was said earlier takes the file's.
        let mut other = FollowUpList::new();
        other.set_my_company(Some(company("Vieja")), 5);
        let summary = import_backup(&mut other, file.as_bytes(), 12).unwrap();
        assert_eq!(summary, ImportSummary { added: 1, company: CompanyFromFile::Taken, ..ImportSummary::default() });
        assert_eq!(other.my_company(), mine.my_company());
        assert_eq!(
            summary.message(Lang::Es),
            "Entradas: 1 nueva. Se tomó «Mi empresa» del archivo, que es más reciente."
        );
        assert_eq!(
            summary.message(Lang::En),
            "Entries: 1 added. “My company” was taken from the file, which is more recent."
        );
        // Again: nothing new.
        let again = import_backup(&mut other, file.as_bytes(), 13).unwrap();
        assert_eq!((again.company, again.is_noop()), (CompanyFromFile::Kept, true));
        assert_eq!(again.message(Lang::En), "Entries: 1 unchanged.");

        // A device whose company was said later keeps it.
        let mut newer = FollowUpList::new();
        newer.set_my_company(Some(company("Nueva")), 20);
        let summary = import_backup(&mut newer, file.as_bytes(), 21).unwrap();
        assert_eq!((summary.company, newer.my_company()), (CompanyFromFile::Kept, Some(&company("Nueva"))));

        // A removal made after the other device said its company is carried too.
        mine.set_my_company(None, 30);
        let file = backup_json(&mine, Scope::All, 31);
        let summary = import_backup(&mut newer, file.as_bytes(), 32).unwrap();
        assert_eq!((summary.company, newer.my_company()), (CompanyFromFile::Removed, None));
        assert!(summary.message(Lang::Es).ends_with("Se quitó «Mi empresa», como en el archivo, que es más reciente."));
        assert!(summary.message(Lang::En).ends_with("“My company” was removed, as in the file, which is more recent."));
        assert!(!summary.is_noop());
    }

    #[test]
    fn a_partial_backup_carries_only_its_entries() {
        let dir = directory();
        let mut list = FollowUpList::new();
        let a = list.add_member(&dir, "aceros-del-norte", 1).unwrap().id;
        let f = list.add_member(&dir, "forja-bajio", 2).unwrap().id;
        let gone = list.add_contact(&dir, "aceros-del-norte", "ana-lopez", 3).unwrap().id;
        list.remove(&gone, 4).unwrap();
        // Nor the company: a colleague importing it keeps theirs (issue 16).
        list.set_my_company(Some(company("Mía")), 4);
        let file = backup_json(&list, Scope::Only(std::slice::from_ref(&f)), 5);
        let (read, skipped) = read_backup(file.as_bytes(), 6).unwrap();
        assert_eq!((read.len(), skipped, read.tombstones().len()), (1, 0, 0));
        assert!(read.get(&a).is_none());
        assert_eq!((read.my_company(), read.my_company_at), (None, None));
    }

    #[test]
    fn bad_files_are_refused_and_nothing_changes() {
        let dir = directory();
        let mut list = FollowUpList::new();
        list.add_member(&dir, "aceros-del-norte", 1).unwrap();
        let before = list.clone();
        let cases: Vec<(Vec<u8>, ImportError)> = vec![
            (b"".to_vec(), ImportError::Empty),
            (b"  \n".to_vec(), ImportError::Empty),
            (vec![0xFF, 0xD8, 0xFF, 0xE0], ImportError::NotText),
            (
                b"Nombre,Empresa\r\nAna,Aceros".to_vec(),
                ImportError::Document(DocumentError::NotJson { line: 1, column: 1 }),
            ),
            (
                b"{\"kind\": \"vitrina.follow-up\", \"version\": 1, \"entries\": [".to_vec(),
                ImportError::Document(DocumentError::NotJson { line: 1, column: 56 }),
            ),
            (
                br#"{"format":1,"cluster":{"name":"x"},"members":[]}"#.to_vec(),
                ImportError::Document(DocumentError::NotVitrina),
            ),
            (
                br#"{"kind":"vitrina.follow-up","version":9,"entries":[]}"#.to_vec(),
                ImportError::Document(DocumentError::NewerVersion { version: 9 }),
            ),
            (
                br#"{"kind":"vitrina.follow-up","version":-1,"entries":[]}"#.to_vec(),
                ImportError::Document(DocumentError::UnsupportedVersion { found: "-1".into() }),
            ),
            (vec![b' '; MAX_IMPORT_BYTES + 1], ImportError::TooLarge { bytes: MAX_IMPORT_BYTES + 1 }),
        ];
        for (bytes, expected) in cases {
            let error = import_backup(&mut list, &bytes, 2).unwrap_err();
            assert_eq!(error, expected);
            assert_eq!(list, before);
            assert!(error.message(Lang::Es).ends_with("Su lista no cambió."));
            assert!(error.message(Lang::En).ends_with("Your list was not changed."));
        }
    }

    #[test]
    fn a_backup_with_a_bom_and_unreadable_entries_imports_the_rest() {
        let mut list = FollowUpList::new();
        let file = "\u{FEFF}{\"kind\":\"vitrina.follow-up\",\"version\":1,\"entries\":[{\"id\":\"m.a\",\"member\":\"a\",\"added_at\":1,\"updated_at\":1},{\"id\":\"m.b\"}]}";
        let summary = import_backup(&mut list, file.as_bytes(), 2).unwrap();
        assert_eq!(summary, ImportSummary { added: 1, skipped: 1, ..ImportSummary::default() });
        assert!(list.get(&EntryId::parse("m.a").unwrap()).is_some());
        assert_eq!(summary.message(Lang::Es), "Entradas: 1 nueva, 1 ilegible (omitida).");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn backup_then_import_into_an_empty_list_reproduces_the_list(list in arbitrary_list()) {
            let file = backup_json(&list, Scope::All, 1);
            let mut fresh = FollowUpList::new();
            let summary = import_backup(&mut fresh, file.as_bytes(), 2).unwrap();
            prop_assert_eq!(fresh.entries(), list.entries());
            prop_assert_eq!(fresh.tombstones(), list.tombstones());
            prop_assert_eq!(summary.added, list.len());
            prop_assert_eq!(summary.skipped, 0);
        }

        #[test]
        fn arbitrary_bytes_never_panic_and_errors_change_nothing(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let mut list = FollowUpList::new();
            list.add_member(&directory(), "forja-bajio", 1).unwrap();
            let before = list.clone();
            if import_backup(&mut list, &bytes, 2).is_err() {
                prop_assert_eq!(list, before);
            }
        }
    }
}
