//! Typing in the list while other tabs change it, and typing that survives a crash (issue 13).
//!
//! Rules, each pinned by a test:
//! - While a field inside the list has focus, the list keeps the order it is shown in
//!   ([`keep_shown_order`]): entries still there stay where they were, new ones go below,
//!   removed ones go. Moving the card being typed in would take its focus and caret away, and
//!   the next keys would go nowhere. The new order is applied once the focus leaves.
//! - A change from another tab never takes away what is being typed ([`NoteEdit::reconcile`]):
//!   a change to another field of the same entry keeps the typed note; a note the other tab
//!   changed too, or an entry it removed, keeps the typed text and becomes a [`NoteConflict`],
//!   which the visitor settles ([`NoteConflict::settle`]): keep mine or take the other tab's.
//! - The entry being typed in is also written on every key, alone, under a key of its own
//!   ([`draft_document`]): a crash loses nothing. At start the draft is merged like any other
//!   tab's version ([`recover_draft`]), so it never overwrites a newer edit or a later
//!   deletion made elsewhere.

use super::document::parse_document;
use super::entry::{Entry, EntryId, Millis};
use super::list::{FollowUpList, Removed};
use crate::lang::Lang;

/// The order to show while a field inside the list has focus: the entries of `shown` that
/// are still in `sorted`, where they were, then the ones new to it, in `sorted`'s order.
pub fn keep_shown_order(shown: &[EntryId], sorted: &[EntryId]) -> Vec<EntryId> {
    // Sets by sorted copies: no hashing of ids in the core's hot path, and no extra crate.
    let mut sorted_set: Vec<&EntryId> = sorted.iter().collect();
    sorted_set.sort_unstable();
    let mut shown_set: Vec<&EntryId> = shown.iter().collect();
    shown_set.sort_unstable();
    let kept = shown.iter().filter(|id| sorted_set.binary_search(id).is_ok());
    let new = sorted.iter().filter(|id| shown_set.binary_search(id).is_err());
    kept.chain(new).cloned().collect()
}

/// The note being typed in: which entry, and its note when the typing began.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoteEdit {
    /// The entry whose note has the focus.
    pub id: EntryId,
    /// The note as it was when the field took the focus (or after the last conflict): a
    /// different note from elsewhere is the other tab's edit, not an old version of ours.
    pub base: String,
}

/// Another tab changed the note being typed in, or removed its entry; the typed text was kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoteConflict {
    /// The other tab wrote a different note.
    Edited {
        /// The entry.
        id: EntryId,
        /// The other tab's note.
        theirs: String,
    },
    /// The other tab removed the entry; it stays here while the visitor decides.
    Removed {
        /// The entry.
        id: EntryId,
    },
}

/// The visitor's answer to a [`NoteConflict`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConflictChoice {
    /// Keep the text typed here.
    KeepMine,
    /// Take the other tab's note, or its removal.
    TakeTheirs,
}

impl NoteEdit {
    /// Starts typing in the note of `id`, as `list` has it now; `None` when it is not there.
    pub fn begin(list: &FollowUpList, id: &EntryId) -> Option<NoteEdit> {
        list.get(id).map(|entry| NoteEdit { id: id.clone(), base: entry.note.clone() })
    }

    /// After another tab's change was merged into `list`, puts back the text typed here
    /// (`typed`: the note before the merge) and says whether the other tab changed the note
    /// too or removed the entry.
    ///
    /// Nothing typed yet (`typed` is still the base) takes the other tab's change as it is.
    /// Whatever is put back is stamped `now_ms`, so that the next save keeps it.
    pub fn reconcile(&mut self, typed: &Entry, list: &mut FollowUpList, now_ms: Millis) -> Option<NoteConflict> {
        let id = self.id.clone();
        let nothing_typed = typed.note == self.base;
        let Some(merged) = list.get(&id) else {
            if nothing_typed {
                return None;
            }
            list.restore(Removed { entry: typed.clone(), position: 0 }, now_ms);
            return Some(NoteConflict::Removed { id });
        };
        if merged.note == typed.note {
            return None;
        }
        if nothing_typed {
            // The field shows their note now; a later change of theirs is measured from it.
            self.base = merged.note.clone();
            return None;
        }
        let theirs = merged.note.clone();
        let conflict = (theirs != self.base).then(|| NoteConflict::Edited { id: id.clone(), theirs: theirs.clone() });
        // Their version of the entry (another field changed, or the note too), with our text.
        let _ = list.set_note(&id, &typed.note, now_ms.max(merged.updated_at.saturating_add(1)));
        if conflict.is_some() {
            self.base = theirs;
        }
        conflict
    }
}

impl NoteConflict {
    /// The entry the conflict is about.
    pub fn id(&self) -> &EntryId {
        match self {
            NoteConflict::Edited { id, .. } | NoteConflict::Removed { id } => id,
        }
    }

    /// What happened, and that the typed text was kept, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            NoteConflict::Edited { theirs, .. } => format!(
                "{} «{theirs}»",
                lang.pick(
                    "Otra pestaña cambió esta nota mientras usted escribía; se conserva su texto. La otra pestaña escribió:",
                    "Another tab changed this note while you were typing; your text is kept. The other tab wrote:",
                )
            ),
            NoteConflict::Removed { .. } => lang
                .pick(
                    "Otra pestaña quitó esta entrada de la lista mientras usted escribía; se conserva aquí con su texto.",
                    "Another tab removed this entry from the list while you were typing; it is kept here with your text.",
                )
                .to_owned(),
        }
    }

    /// Applies the visitor's choice to `list` (saved by the caller). Keeping mine stamps the
    /// typed note `now_ms`, so that it wins the next merge; taking theirs writes their note,
    /// or removes the entry.
    pub fn settle(&self, choice: ConflictChoice, list: &mut FollowUpList, now_ms: Millis) {
        match (self, choice) {
            (NoteConflict::Edited { id, .. } | NoteConflict::Removed { id }, ConflictChoice::KeepMine) => {
                // Stamped although unchanged here: it must win over the other tab's edit or removal.
                if let Some(entry) = list.entries.iter_mut().find(|entry| &entry.id == id) {
                    entry.updated_at = entry.updated_at.max(now_ms);
                    list.count_change(now_ms);
                }
            }
            (NoteConflict::Edited { id, theirs }, ConflictChoice::TakeTheirs) => {
                let _ = list.set_note(id, theirs, now_ms);
            }
            (NoteConflict::Removed { id }, ConflictChoice::TakeTheirs) => {
                let _ = list.remove(id, now_ms);
            }
        }
    }
}

/// The draft of `entry`, the one being typed in: a list document that holds only it.
pub fn draft_document(entry: &Entry) -> String {
    FollowUpList { entries: vec![entry.clone()], ..FollowUpList::default() }.to_json()
}

/// What [`recover_draft`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DraftRecovery {
    /// The draft had what the list lacked: the list changed and must be saved.
    Recovered,
    /// The list already had it, or something newer (another tab's later edit or deletion).
    Superseded,
    /// Not a draft this app can read; nothing changed.
    Unreadable,
}

/// Merges a draft left by a tab that ended while typing (`raw`, see [`draft_document`]) into
/// `list`, by the rules of [`super::merge()`]: the newer edit wins, a later deletion wins.
pub fn recover_draft(list: &mut FollowUpList, raw: &str, now_ms: Millis) -> DraftRecovery {
    let Ok(doc) = parse_document(raw, now_ms) else { return DraftRecovery::Unreadable };
    if doc.skipped > 0 || doc.list.entries.len() != 1 {
        return DraftRecovery::Unreadable;
    }
    // The list's own deletions must count: a draft older than one of them is superseded.
    let counts = list.merge_from(&doc.list, now_ms);
    if counts.added + counts.updated > 0 {
        DraftRecovery::Recovered
    } else {
        DraftRecovery::Superseded
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::follow_up::entry::Status;
    use crate::follow_up::merge::merge;
    use crate::follow_up::test_support::directory;

    fn ids(names: &[&str]) -> Vec<EntryId> {
        let mut list = FollowUpList::new();
        names
            .iter()
            .map(|name| list.add_person(&crate::follow_up::test_support::person(name, ""), 1).unwrap().id)
            .collect()
    }

    #[test]
    fn the_shown_order_is_kept_new_entries_go_below_removed_ones_go() {
        let [a, b, c, d] = <[EntryId; 4]>::try_from(ids(&["A", "B", "C", "D"])).unwrap();
        let check = |shown: &[&EntryId], sorted: &[&EntryId], expect: &[&EntryId]| {
            let shown: Vec<EntryId> = shown.iter().map(|id| (*id).clone()).collect();
            let sorted: Vec<EntryId> = sorted.iter().map(|id| (*id).clone()).collect();
            let expect: Vec<EntryId> = expect.iter().map(|id| (*id).clone()).collect();
            assert_eq!(keep_shown_order(&shown, &sorted), expect);
        };
        // Re-sorted elsewhere (a status, a date): shown as before.
        check(&[&a, &b, &c], &[&b, &c, &a], &[&a, &b, &c]);
        // A new entry (sorted first): below the ones shown.
        check(&[&a, &b], &[&d, &b, &a], &[&a, &b, &d]);
        // Removed: gone, the rest in place.
        check(&[&a, &b, &c], &[&c, &a], &[&a, &c]);
        // Nothing shown yet: the sorted order.
        check(&[], &[&c, &a], &[&c, &a]);
    }

    /// Two tabs as the app has them: `ours` with a note being typed (not yet saved), the other
    /// tab's version merged in as a `storage` event does.
    fn two_tabs() -> (FollowUpList, EntryId, EntryId) {
        let dir = directory();
        let mut base = FollowUpList::new();
        let a = base.add_member(&dir, "aceros-del-norte", 1).unwrap().id;
        let b = base.add_member(&dir, "forja-bajio", 2).unwrap().id;
        base.set_note(&a, "antes", 3).unwrap();
        (base, a, b)
    }

    fn typing(list: &mut FollowUpList, id: &EntryId, text: &str, now: Millis) -> NoteEdit {
        let edit = NoteEdit::begin(list, id).unwrap();
        list.set_note(id, text, now).unwrap();
        edit
    }

    fn arrives(
        edit: &mut NoteEdit,
        ours: &mut FollowUpList,
        theirs: &FollowUpList,
        now: Millis,
    ) -> Option<NoteConflict> {
        let typed = ours.get(&edit.id).cloned().unwrap();
        *ours = merge(ours, theirs);
        edit.reconcile(&typed, ours, now)
    }

    #[test]
    fn another_entrys_change_keeps_the_typed_note_without_a_conflict() {
        let (base, a, b) = two_tabs();
        let (mut ours, mut theirs) = (base.clone(), base);
        let mut edit = typing(&mut ours, &a, "antes y ahora", 10);
        theirs.set_status(&b, Status::Won, 20).unwrap();
        assert_eq!(arrives(&mut edit, &mut ours, &theirs, 30), None);
        assert_eq!(ours.get(&a).unwrap().note, "antes y ahora");
        assert_eq!(ours.get(&b).unwrap().status, Status::Won);
    }

    #[test]
    fn another_field_of_the_same_entry_changed_later_keeps_both() {
        let (base, a, _) = two_tabs();
        let (mut ours, mut theirs) = (base.clone(), base);
        let mut edit = typing(&mut ours, &a, "antes y ahora", 10);
        // Newer than our last key: the plain merge would take their whole entry, old note included.
        theirs.set_status(&a, Status::Won, 20).unwrap();
        assert_eq!(arrives(&mut edit, &mut ours, &theirs, 30), None);
        let entry = ours.get(&a).unwrap();
        assert_eq!((entry.note.as_str(), entry.status), ("antes y ahora", Status::Won));
        // Stamped after their edit: the next save keeps it in storage too.
        assert_eq!(merge(&theirs, &ours).get(&a).unwrap().note, "antes y ahora");
    }

    #[test]
    fn their_note_becomes_a_conflict_and_both_choices_work() {
        let (base, a, _) = two_tabs();
        let (mut ours, mut theirs) = (base.clone(), base);
        let mut edit = typing(&mut ours, &a, "lo mío", 10);
        theirs.set_note(&a, "lo suyo", 20).unwrap();
        let conflict = arrives(&mut edit, &mut ours, &theirs, 30).unwrap();
        assert_eq!(conflict, NoteConflict::Edited { id: a.clone(), theirs: "lo suyo".into() });
        assert_eq!(ours.get(&a).unwrap().note, "lo mío", "the typed text stays");
        for lang in [Lang::Es, Lang::En] {
            assert!(conflict.message(lang).contains("«lo suyo»"));
        }
        // The same version of theirs arriving again is no new conflict.
        assert_eq!(arrives(&mut edit, &mut ours, &theirs, 31), None);

        let mut kept = ours.clone();
        conflict.settle(ConflictChoice::KeepMine, &mut kept, 40);
        assert_eq!(merge(&theirs, &kept).get(&a).unwrap().note, "lo mío");
        let mut taken = ours.clone();
        conflict.settle(ConflictChoice::TakeTheirs, &mut taken, 40);
        assert_eq!(merge(&theirs, &taken).get(&a).unwrap().note, "lo suyo");
    }

    #[test]
    fn their_removal_keeps_the_entry_until_the_visitor_chooses() {
        let (base, a, _) = two_tabs();
        let (mut ours, mut theirs) = (base.clone(), base);
        let mut edit = typing(&mut ours, &a, "lo mío", 10);
        theirs.remove(&a, 20).unwrap();
        let conflict = arrives(&mut edit, &mut ours, &theirs, 30).unwrap();
        assert_eq!(conflict, NoteConflict::Removed { id: a.clone() });
        assert_eq!(ours.get(&a).unwrap().note, "lo mío");
        assert!(!conflict.message(Lang::Es).is_empty() && !conflict.message(Lang::En).is_empty());

        let mut kept = ours.clone();
        conflict.settle(ConflictChoice::KeepMine, &mut kept, 40);
        assert_eq!(merge(&theirs, &kept).get(&a).unwrap().note, "lo mío");
        let mut taken = ours.clone();
        conflict.settle(ConflictChoice::TakeTheirs, &mut taken, 40);
        assert!(merge(&theirs, &taken).get(&a).is_none());
    }

    #[test]
    fn nothing_typed_takes_their_change_as_it_is() {
        let (base, a, _) = two_tabs();
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        let mut edit = NoteEdit::begin(&ours, &a).unwrap();
        theirs.set_note(&a, "lo suyo", 20).unwrap();
        assert_eq!(arrives(&mut edit, &mut ours, &theirs, 30), None);
        assert_eq!(ours.get(&a).unwrap().note, "lo suyo");
        assert_eq!(edit.base, "lo suyo");
        let mut removed = base;
        removed.remove(&a, 40).unwrap();
        assert_eq!(arrives(&mut edit, &mut ours, &removed, 50), None);
        assert!(ours.get(&a).is_none());
    }

    #[test]
    fn a_draft_brings_back_what_a_crash_left_unsaved() {
        let (stored, a, _) = two_tabs();
        let mut typed = stored.clone();
        typed.set_note(&a, "antes y lo último", 10).unwrap();
        let draft = draft_document(typed.get(&a).unwrap());
        let mut list = stored.clone();
        assert_eq!(recover_draft(&mut list, &draft, 100), DraftRecovery::Recovered);
        assert_eq!(list.get(&a).unwrap().note, "antes y lo último");
        // Recovered twice: nothing more.
        assert_eq!(recover_draft(&mut list, &draft, 100), DraftRecovery::Superseded);
    }

    #[test]
    fn a_draft_never_overwrites_a_newer_note_or_a_later_removal() {
        let (stored, a, _) = two_tabs();
        let mut typed = stored.clone();
        typed.set_note(&a, "lo mío", 10).unwrap();
        let draft = draft_document(typed.get(&a).unwrap());

        let mut newer = stored.clone();
        newer.set_note(&a, "de otra pestaña, después", 20).unwrap();
        assert_eq!(recover_draft(&mut newer, &draft, 100), DraftRecovery::Superseded);
        assert_eq!(newer.get(&a).unwrap().note, "de otra pestaña, después");

        let mut removed = stored;
        removed.remove(&a, 20).unwrap();
        assert_eq!(recover_draft(&mut removed, &draft, 100), DraftRecovery::Superseded);
        assert!(removed.get(&a).is_none());
    }

    #[test]
    fn a_draft_of_an_entry_the_crash_left_unsaved_adds_it() {
        let (stored, _, _) = two_tabs();
        let mut typed = stored.clone();
        let id = typed.add_member(&directory(), "moldes-y-mas", 10).unwrap().id;
        typed.set_note(&id, "visto en la feria", 11).unwrap();
        let mut list = stored;
        assert_eq!(recover_draft(&mut list, &draft_document(typed.get(&id).unwrap()), 100), DraftRecovery::Recovered);
        assert_eq!(list.get(&id).unwrap().note, "visto en la feria");
    }

    #[test]
    fn what_is_not_a_draft_changes_nothing() {
        let (stored, _, _) = two_tabs();
        for raw in ["", "{", "[]", &stored.to_json(), r#"{"kind":"vitrina.follow-up","version":99,"entries":[]}"#] {
            let mut list = stored.clone();
            assert_eq!(recover_draft(&mut list, raw, 100), DraftRecovery::Unreadable, "{raw}");
            assert_eq!(list, stored);
        }
    }
}
