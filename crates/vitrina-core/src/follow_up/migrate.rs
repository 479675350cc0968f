//! Migrations from older document versions to the current one, one function per step.
//!
//! | version | shape | migrated by |
//! |---|---|---|
//! | 0 | bare array of bookmarks `[{ "member", "note"?, "added"? }]` (first prototype) | [`from_v0`] |
//! | 1 | `{ "kind": "vitrina.follow-up", "version": 1, "entries": [...], ... }` | read as it is (no step needed) |
//! | 2 | version 1 plus fair-day marks (`visits`) on entries | read as it is (no step needed) |
//! | 3 | version 2 plus the visitor's company (`my_company`, `my_company_at`), typed `met_at` (`{ "via": "matchmaking" }`) and `introduction` on entries | current |
//!
//! A new version adds a `from_vN` step here when its shape changes, a test that pins it, and bumps
//! [`super::DOCUMENT_VERSION`]. When the store migrates a stored list it first
//! copies the original text to [`super::FollowUpStore::pre_migration_key`], and
//! the load outcome says a migration happened.

use serde_json::Value;

use super::entry::{Entry, EntryId, Millis, Snapshot, Target};
use super::list::FollowUpList;
use crate::valid::Slug;

/// Version 0 to the current list: each bookmark becomes a whole-member entry "to contact".
///
/// Returns `None` when the array is not a version 0 list at all (no item has a
/// `member` string), else the list and how many items could not be read.
/// Bookmarks without a time are stamped `now_ms`. Two bookmarks of one member
/// become one entry with both notes, so no note is lost. Snapshots start with
/// the member id as its name; `refresh_snapshots` fills them from the directory.
/// Every migrated entry counts as not backed up.
pub fn from_v0(items: &[Value], now_ms: Millis) -> Option<(FollowUpList, usize)> {
    let member_of = |item: &Value| item.get("member").and_then(Value::as_str).map(str::to_owned);
    if !items.is_empty() && !items.iter().any(|item| member_of(item).is_some()) {
        return None;
    }
    let mut list = FollowUpList::new();
    let mut skipped = 0;
    for item in items {
        let Some(member) = member_of(item).as_deref().and_then(Slug::parse) else {
            skipped += 1;
            continue;
        };
        let note = item.get("note").and_then(Value::as_str).unwrap_or("").trim().to_owned();
        let added = item.get("added").and_then(Value::as_i64).unwrap_or(now_ms);
        let id = EntryId::for_member(&member);
        if let Some(existing) = list.entries.iter_mut().find(|e| e.id == id) {
            if !note.is_empty() && !existing.note.contains(&note) {
                if !existing.note.is_empty() {
                    existing.note.push_str("\n\n");
                }
                existing.note.push_str(&note);
            }
            existing.added_at = existing.added_at.min(added);
            existing.updated_at = existing.updated_at.max(added);
            continue;
        }
        let snapshot = Snapshot { member_name: member.to_string(), ..Snapshot::default() };
        let mut entry = Entry::new(id, Target::Member { member }, snapshot, added);
        entry.note = note;
        list.entries.push(entry);
    }
    crate::sorting::sort_by(&mut list.entries, super::list::entry_order);
    list.changes_since_backup = u32::try_from(list.entries.len()).unwrap_or(u32::MAX);
    list.unbacked_since = (!list.entries.is_empty()).then_some(now_ms);
    Some((list, skipped))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::follow_up::document::parse_document;
    use crate::follow_up::entry::Status;

    #[test]
    fn version_0_bookmarks_become_entries() {
        let raw = r#"[
            {"member": "aceros-del-norte", "note": "Llamar el lunes", "added": 1767225600000},
            {"member": "forja-bajio"},
            {"member": "aceros-del-norte", "note": "Pedir catálogo", "added": 1767225500000}
        ]"#;
        let parsed = parse_document(raw, 1_800_000_000_000).unwrap();
        assert_eq!((parsed.from_version, parsed.skipped), (0, 0));
        let list = parsed.list;
        assert_eq!(list.len(), 2);
        let aceros = list.find("aceros-del-norte", None).unwrap();
        assert_eq!(aceros.note, "Llamar el lunes\n\nPedir catálogo");
        assert_eq!((aceros.added_at, aceros.updated_at), (1767225500000, 1767225600000));
        assert_eq!(aceros.status, Status::ToContact);
        assert_eq!(aceros.snapshot.member_name, "aceros-del-norte");
        let forja = list.find("forja-bajio", None).unwrap();
        assert_eq!((forja.added_at, forja.note.as_str()), (1_800_000_000_000, ""));
        assert_eq!(list.changes_since_backup(), 2);
        assert_eq!(list.unbacked_since(), Some(1_800_000_000_000));
        // The migrated list is written in the current version and reads back unchanged.
        let again = parse_document(&list.to_json(), 0).unwrap();
        assert_eq!((again.from_version, &again.list), (crate::follow_up::DOCUMENT_VERSION, &list));
    }

    #[test]
    fn version_0_items_that_cannot_be_read_are_counted() {
        let parsed = parse_document(r#"[{"member":"ok"},{"member":"Not A Slug"},{"note":"x"},7]"#, 0).unwrap();
        assert_eq!((parsed.list.len(), parsed.skipped), (1, 3));
        assert_eq!(parse_document("[]", 0).unwrap().list, FollowUpList::new());
        assert!(parse_document(r#"[{"note":"no member"}]"#, 0).is_err());
    }
}
