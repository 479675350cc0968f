//! The follow-up list as app state: the core's list in a signal, written through
//! to localStorage after every change (notes a moment after the last key, and the entry
//! being typed in as a draft on every key), merged with other tabs' edits without taking
//! away what is being typed (`begin_typing`, the note conflict).
//!
//! Components read the list through read-only signals and change it through the intent
//! methods of [`FollowUp`], which also say what happened to the screen reader (one place
//! for every announcement about the list); all the decisions (what a save does with a
//! corrupt value, how tabs merge, whether a load or refresh needs telling) are the core's.

use std::collections::HashMap;

use leptos::prelude::*;
use vitrina_core::follow_up::typing::{
    draft_document, recover_draft, ConflictChoice, DraftRecovery, NoteConflict, NoteEdit,
};
use vitrina_core::follow_up::{
    Channel, Entry, EntryId, FollowUpError, FollowUpList, FollowUpStore, LoadOutcome, MetAt, Millis, Persistence,
    PersonDetails, Removed, SaveOutcome, Status, SyncOutcome, VisitMark,
};
use vitrina_core::follow_up::{KeyValueStore, WritesRefused};
use vitrina_core::my_company::MyCompany;
use vitrina_core::valid::IsoDate;
use vitrina_core::{Directory, Lang};

use crate::adapters::clock::wall_clock_ms;
use crate::adapters::local_store::{self, LocalStore};
use crate::adapters::preview;
use crate::i18n::ui;
use crate::state::Announcer;

/// How long after the last change to a note the list is written: typing writes the whole
/// list once per pause, not once per key. A tab killed before then (a crash, or a phone
/// discarding it, which fires no `pagehide`) loses nothing: every key also writes the one
/// entry being typed in as a draft (`write_draft`), which the next start merges back.
const NOTE_SAVE_DELAY_MS: u64 = 500;

/// The element (rendered by `App`) that holds `Persistence::read_only_message`.
pub const READ_ONLY_REASON_ID: &str = "read-only-reason";

/// What the list page must tell the visitor about how the list was loaded.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadNotice {
    /// The core's outcome, rendered with `LoadOutcome::message`.
    pub outcome: LoadOutcome,
}

impl LoadNotice {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> Option<String> {
        self.outcome.message(lang)
    }

    /// The damaged stored text, to offer as a download.
    pub fn damaged_text(&self) -> Option<&str> {
        match &self.outcome {
            LoadOutcome::Corrupt { raw, .. } => Some(raw),
            _ => None,
        }
    }
}

/// The visitor's follow-up list, with the intents that change it.
#[derive(Clone, Copy)]
pub struct FollowUp {
    list: RwSignal<FollowUpList>,
    /// Where each entry is in the list, by id: an entry's card finds it without a search.
    positions: Memo<HashMap<EntryId, usize>>,
    store: StoredValue<FollowUpStore>,
    persistence: RwSignal<Persistence>,
    load_notice: RwSignal<Option<LoadNotice>>,
    last_removed: RwSignal<Option<Removed>>,
    /// The timer of a save that waits for typing to pause.
    pending_save: StoredValue<Option<TimeoutHandle>>,
    /// The note field that has the focus, if one has: what another tab's change must not take away.
    typing: StoredValue<Option<NoteEdit>>,
    /// Another tab changed or removed the note being typed in; the typed text was kept.
    note_conflict: RwSignal<Option<NoteConflict>>,
    /// A draft of the entry being typed in is stored (removed once a save has it).
    draft_written: StoredValue<bool>,
    announcer: Announcer,
    lang: ReadSignal<Lang>,
}

impl FollowUp {
    /// Loads the list kept for the directory at `directory_url` and starts following other
    /// tabs; what happens to the list is said through `announcer`, in `lang`.
    /// In a preview of an unpublished directory the list is shown (and follows other tabs)
    /// and never written, not even a draft.
    pub fn start(directory_url: &str, announcer: Announcer, lang: ReadSignal<Lang>) -> FollowUp {
        let preview = preview::requested();
        let mut store = FollowUpStore::for_directory(directory_url);
        let outcome = match preview {
            true => store.load(&mut WritesRefused(&LocalStore), wall_clock_ms()),
            false => store.load(&mut LocalStore, wall_clock_ms()),
        };
        if preview {
            store.preview_only();
        }
        let notice = outcome.needs_notice().then(|| LoadNotice { outcome: outcome.clone() });
        let mut list = outcome.into_list();
        let recovered = !preview && recover_draft_at_start(&store, &mut list);
        let list = RwSignal::new(list);
        let positions = Memo::new(move |_| {
            list.with(|list| list.entries().iter().enumerate().map(|(at, entry)| (entry.id.clone(), at)).collect())
        });
        let follow_up = FollowUp {
            list,
            positions,
            persistence: RwSignal::new(store.persistence().clone()),
            store: StoredValue::new(store),
            load_notice: RwSignal::new(notice),
            last_removed: RwSignal::new(None),
            pending_save: StoredValue::new(None),
            typing: StoredValue::new(None),
            note_conflict: RwSignal::new(None),
            draft_written: StoredValue::new(recovered),
            announcer,
            lang,
        };
        follow_up.follow_other_tabs();
        follow_up.save_before_leaving();
        if recovered {
            // What a tab that ended while typing left in its draft, stored with the list now.
            follow_up.save();
        }
        leptos::task::spawn_local(async {
            // Best effort: browsers that grant it will not evict the list under storage pressure.
            let _ = local_store::request_persistent_storage().await;
        });
        follow_up
    }

    fn follow_other_tabs(self) {
        let handle = window_event_listener(leptos::ev::storage, move |event| {
            let key = self.store.with_value(|store| store.key().to_owned());
            if event.key().as_deref() != Some(key.as_str()) {
                return;
            }
            let new_value = event.new_value();
            let mut outcome = SyncOutcome::Ignored;
            // The note being typed in, as typed: the merge may take the other tab's version.
            let mut editing = self.typing.get_value();
            let typed = editing.as_ref().and_then(|edit| self.list.with_untracked(|list| list.get(&edit.id).cloned()));
            let (mut conflict, mut put_back) = (None, false);
            self.store.update_value(|store| {
                self.list.update(|list| {
                    let now = wall_clock_ms();
                    outcome = store.apply_storage_event(new_value.as_deref(), list, now);
                    if let (Some(edit), Some(typed), SyncOutcome::Merged { .. }) = (editing.as_mut(), &typed, &outcome)
                    {
                        let merged = list.get(&typed.id).cloned();
                        conflict = edit.reconcile(typed, list, now);
                        put_back = list.get(&typed.id) != merged.as_ref();
                    }
                });
            });
            self.typing.set_value(editing);
            self.sync_persistence();
            if put_back || matches!(outcome, SyncOutcome::Merged { needs_save: true, .. }) {
                self.save();
            }
            if conflict.is_some() {
                self.note_conflict.set(conflict);
            }
        });
        on_cleanup(move || handle.remove());
    }

    /// Writes a note typed a moment ago at once when the visitor leaves: the page hidden
    /// (a phone switching apps, after which it may be discarded) or unloaded.
    fn save_before_leaving(self) {
        let on_pagehide = window_event_listener(leptos::ev::pagehide, move |_| self.save_pending());
        let on_hidden = window_event_listener(leptos::ev::visibilitychange, move |_| self.save_pending());
        on_cleanup(move || {
            on_pagehide.remove();
            on_hidden.remove();
        });
    }

    /// The list (tracked).
    pub fn list(self) -> ReadSignal<FollowUpList> {
        self.list.read_only()
    }

    /// One entry, following the list (tracked; found by id, not searched for).
    pub fn entry(self, id: EntryId) -> Memo<Option<Entry>> {
        let (list, positions) = (self.list, self.positions);
        // Owning the previous value: every card's memo runs on every change to the list (a
        // keystroke in one note), and an unchanged entry is compared, not cloned again.
        Memo::new_owning(move |previous: Option<Option<Entry>>| {
            let at = positions.with(|positions| positions.get(&id).copied());
            list.with(|list| {
                let current = at.and_then(|at| list.entries().get(at));
                match previous {
                    Some(previous) if previous.as_ref() == current => (previous, false),
                    _ => (current.cloned(), true),
                }
            })
        })
    }

    /// Whether changes persist (tracked).
    pub fn persistence(self) -> ReadSignal<Persistence> {
        self.persistence.read_only()
    }

    /// What to tell the visitor about loading, until dismissed (tracked).
    pub fn load_notice(self) -> ReadSignal<Option<LoadNotice>> {
        self.load_notice.read_only()
    }

    /// The visitor read the load notice: it goes.
    pub fn dismiss_load_notice(self) {
        self.load_notice.set(None);
    }

    /// The entry removed last, for "undo" (tracked).
    pub fn last_removed(self) -> ReadSignal<Option<Removed>> {
        self.last_removed.read_only()
    }

    /// The visitor closed the undo bar: the removal stays.
    pub fn dismiss_undo(self) {
        self.last_removed.set(None);
    }

    /// Publishes the store's persistence only when it changed: every save button on the
    /// page follows it, and a save rarely changes it. A save that stops reaching storage
    /// (full, blocked) is said where it happened.
    fn sync_persistence(self) {
        let persistence = self.store.with_value(|store| store.persistence().clone());
        if self.persistence.with_untracked(|current| *current != persistence) {
            if let Persistence::MemoryOnly { error } = &persistence {
                self.announcer.announce(error.message(self.lang.get_untracked()));
            }
            self.persistence.set(persistence);
        }
    }

    fn save(self) {
        // This save writes what a pending one would.
        if let Some(pending) = self.pending_save.try_update_value(Option::take).flatten() {
            pending.clear();
        }
        let mut outcome = None;
        self.store.update_value(|store| {
            self.list.update(|list| {
                outcome = Some(store.save(&mut LocalStore, list, wall_clock_ms()));
            });
        });
        if matches!(outcome, Some(SaveOutcome::Saved { .. })) && self.draft_written.get_value() {
            // The list holds what the draft held.
            let key = self.store.with_value(FollowUpStore::draft_key);
            if LocalStore.remove(&key).is_ok() {
                self.draft_written.set_value(false);
            }
        }
        self.sync_persistence();
    }

    /// Writes the entry being typed in, alone, under its own key: a crash before the list's
    /// save (`save_soon`) loses nothing. One entry per key, not the whole list.
    fn write_draft(self, id: &EntryId) {
        if !self.persistence.with_untracked(Persistence::is_saving) {
            return;
        }
        let Some(document) = self.list.with_untracked(|list| list.get(id).map(draft_document)) else { return };
        let key = self.store.with_value(FollowUpStore::draft_key);
        // A full storage is said by the list's own save; the draft only helps.
        if LocalStore.set(&key, &document).is_ok() {
            self.draft_written.set_value(true);
        }
    }

    /// The visitor began typing in the note of `id`: another tab's change will not take the
    /// typed text away (see `NoteEdit::reconcile`).
    pub fn begin_typing(self, id: &EntryId) {
        let edit = self.list.with_untracked(|list| NoteEdit::begin(list, id));
        self.typing.set_value(edit);
    }

    /// The note field lost the focus: its text is written now.
    pub fn end_typing(self) {
        self.typing.set_value(None);
        self.save_pending();
    }

    /// Another tab changed or removed the note being typed in (tracked).
    pub fn note_conflict(self) -> ReadSignal<Option<NoteConflict>> {
        self.note_conflict.read_only()
    }

    /// The visitor's answer to the note conflict: keep the typed text, or take the other tab's.
    pub fn settle_note_conflict(self, choice: ConflictChoice) {
        if let Some(conflict) = self.note_conflict.get_untracked() {
            self.note_conflict.set(None);
            self.change(|list, now| conflict.settle(choice, list, now));
        }
    }

    /// Writes a change made while typing now, instead of when typing pauses: the field lost
    /// focus, or the page is going away.
    pub fn save_pending(self) {
        if self.pending_save.try_with_value(Option::is_some).unwrap_or(false) {
            self.save();
        }
    }

    /// Saves `NOTE_SAVE_DELAY_MS` after the last call.
    fn save_soon(self) {
        let handle = set_timeout_with_handle(
            move || {
                // Taken first, so that `save` finds nothing to cancel.
                if self.pending_save.try_update_value(Option::take).is_some() {
                    self.save();
                }
            },
            std::time::Duration::from_millis(NOTE_SAVE_DELAY_MS),
        );
        match handle {
            Ok(handle) => {
                if let Some(earlier) = self.pending_save.try_update_value(|pending| pending.replace(handle)).flatten() {
                    earlier.clear();
                }
            }
            // Without a timer, at once.
            Err(_) => self.save(),
        }
    }

    /// Saves, unless the list is a newer app's (read-only). Intents that say what they did
    /// call it after saying so, so that a storage failure is said last (the live region
    /// speaks the last message of a moment).
    fn save_unless_read_only(self) {
        if !self.persistence.with_untracked(Persistence::is_read_only) {
            self.save();
        }
    }

    /// Edits the list and saves it.
    fn change<R>(self, edit: impl FnOnce(&mut FollowUpList, Millis) -> R) -> R {
        let result = self.edit(edit);
        self.save_unless_read_only();
        result
    }

    /// A change from typing, written once typing pauses (see `save_soon`). The field shows
    /// what was typed, so the list's readers are told with that save, not on every key: told
    /// now, every entry's card on the page checked its entry once per key (a 1,000-entry list
    /// took a phone hundreds of milliseconds per key). An entry added or removed is told at once.
    fn change_typed<R>(self, edit: impl FnOnce(&mut FollowUpList, Millis) -> R) -> R {
        if self.persistence.with_untracked(Persistence::is_read_only) {
            return self.change(edit);
        }
        let (result, resized) = self
            .list
            .try_update_untracked(|list| {
                let before = list.len();
                let result = edit(list, wall_clock_ms());
                (result, list.len() != before)
            })
            .expect("the list lives as long as the app");
        if resized {
            self.list.notify();
        }
        self.save_soon();
        result
    }

    /// Edits the list without saving it: the caller saves (`save_unless_read_only`).
    fn edit<R>(self, edit: impl FnOnce(&mut FollowUpList, Millis) -> R) -> R {
        if self.persistence.with_untracked(Persistence::is_read_only) {
            // A newer app's list changes nowhere, not even in memory, where the edit would
            // look saved and then vanish; the edit runs on a copy only for its result.
            let mut copy = self.list.get_untracked();
            return edit(&mut copy, wall_clock_ms());
        }
        let mut result = None;
        self.list.update(|list| result = Some(edit(list, wall_clock_ms())));
        // `update` always runs its closure, so the result is there.
        result.expect("the edit ran")
    }

    /// Whether the list can be changed here (not a newer app's list).
    pub fn is_writable(self) -> bool {
        !self.persistence.with(Persistence::is_read_only)
    }

    /// The id of the element saying why the list cannot be changed, while it cannot
    /// (tracked): for `aria-describedby` on every disabled control that changes it.
    pub fn read_only_reason(self) -> Option<&'static str> {
        (!self.is_writable()).then_some(READ_ONLY_REASON_ID)
    }

    /// Whether a member (or one of its contacts) is on the list (tracked).
    pub fn is_saved(self, member: &str, contact: Option<&str>) -> bool {
        self.list.with(|list| list.is_saved(member, contact))
    }

    /// Adds a member or contact, or removes it when already there (with undo); says which,
    /// naming it `name`.
    pub fn toggle(self, directory: &Directory, member: &str, contact: Option<&str>, name: &str) {
        let existing = self.list.with_untracked(|list| list.find(member, contact).map(|entry| entry.id.clone()));
        match existing {
            Some(id) => self.remove(&id),
            None => {
                // An id the directory no longer has cannot be added; the button is only
                // shown for members of the loaded directory, so there is nothing to tell.
                let added = self.edit(|list, now| match contact {
                    Some(contact) => list.add_contact(directory, member, contact, now).map(|_| ()),
                    None => list.add_member(directory, member, now).map(|_| ()),
                });
                if added.is_ok() && self.is_saved_untracked(member, contact) {
                    self.announcer.announce(format!("{} {name}", ui(self.lang.get_untracked()).announce_saved));
                }
                self.save_unless_read_only();
            }
        }
    }

    fn is_saved_untracked(self, member: &str, contact: Option<&str>) -> bool {
        self.list.with_untracked(|list| list.is_saved(member, contact))
    }

    /// Adds a person who is not in the directory; returns the new entry's id.
    pub fn add_person(self, details: &PersonDetails) -> Result<EntryId, FollowUpError> {
        self.change(|list, now| list.add_person(details, now).map(|added| added.id))
    }

    /// Replaces the note of an entry, as the visitor types: written once typing pauses, or
    /// at once by `save_pending`.
    pub fn set_note(self, id: &EntryId, note: &str) {
        self.change_typed(|list, now| list.set_note(id, note, now).ok());
        self.write_draft(id);
    }

    /// Replaces the introduction of an entry (the first message its e-mail and WhatsApp open
    /// with), as the visitor types: written as `set_note` is.
    pub fn set_introduction(self, id: &EntryId, text: &str) {
        self.change_typed(|list, now| list.set_introduction(id, text, now).ok());
        self.write_draft(id);
    }

    /// Moves an entry to another status.
    pub fn set_status(self, id: &EntryId, status: Status) {
        self.change(|list, now| list.set_status(id, status, now).ok());
    }

    /// Sets or clears the next follow-up date.
    pub fn set_next_date(self, id: &EntryId, date: Option<IsoDate>) {
        self.change(|list, now| list.set_next_date(id, date, now).ok());
    }

    /// Who the visitor said they are, for matchmaking (tracked; changes only when it does).
    pub fn my_company(self) -> Memo<Option<MyCompany>> {
        let list = self.list;
        Memo::new(move |_| list.with(|list| list.my_company().cloned()))
    }

    /// Sets (`Some`) or removes (`None`) who the visitor is; kept with the list.
    pub fn set_my_company(self, company: Option<MyCompany>) {
        self.change(|list, now| list.set_my_company(company, now));
    }

    /// Adds members found by matchmaking (member id, introduction), met at `met_at`; says how
    /// many were added. See `FollowUpList::add_matches`.
    pub fn add_matches(self, directory: &Directory, additions: &[(String, String)], met_at: &MetAt) -> usize {
        let added = self.change(|list, now| list.add_matches(directory, additions, met_at, now));
        if added > 0 {
            self.announcer.announce(crate::i18n::n_added_to_follow_up(added, self.lang.get_untracked()));
        }
        added
    }

    /// Sets where we met.
    pub fn set_met_at(self, id: &EntryId, met_at: Option<MetAt>) {
        self.change(|list, now| list.set_met_at(id, met_at, now).ok());
    }

    /// Marks what the visitor found at a member's stand at an event (`None` clears it);
    /// a member not on the list is added, met at that event.
    pub fn mark_visit(self, directory: &Directory, member: &str, event: &str, mark: Option<VisitMark>, lang: Lang) {
        // The fair view only offers members and events of the loaded directory.
        let _ = self.change(|list, now| list.mark_visit(directory, member, event, mark, lang, now));
    }

    /// Sets the note of a member from the fair-day view as the visitor types, adding it (met
    /// at `event`) once there is text; written as `set_note` is.
    pub fn set_fair_note(self, directory: &Directory, member: &str, event: &str, note: &str, lang: Lang) {
        let before = self.list.with_untracked(|list| list.entry_for_member(member).map(|entry| entry.note.clone()));
        if let Ok(Some(id)) =
            self.change_typed(|list, now| list.set_fair_note(directory, member, event, note, lang, now))
        {
            // The field took the focus before its member was on the list: the typing starts here.
            if self.typing.with_value(Option::is_none) {
                self.typing.set_value(Some(NoteEdit { id: id.clone(), base: before.unwrap_or_default() }));
            }
            self.write_draft(&id);
        }
    }

    /// Saves a whole member (not one of its contacts), met at `event` when one is given and
    /// the member is new to the list; returns the id of its entry.
    pub fn save_member_met_at(
        self,
        directory: &Directory,
        member: &str,
        event: Option<&str>,
        lang: Lang,
    ) -> Option<EntryId> {
        self.change(|list, now| {
            let added = list.add_member(directory, member, now).ok()?;
            if added.created {
                let met_at = event.and_then(|event| MetAt::event(directory, event, lang));
                let _ = list.set_met_at(&added.id, met_at, now);
            }
            Some(added.id)
        })
    }

    /// Records that the visitor reached out through `via`.
    pub fn record_contact(self, id: &EntryId, via: Channel) {
        self.change(|list, now| list.record_contact(id, via, now).ok());
    }

    /// Removes an entry, and says so with the offer to undo; `undo` puts it back.
    pub fn remove(self, id: &EntryId) {
        let removed = self.edit(|list, now| list.remove(id, now));
        if let Some(removed) = &removed {
            let ui = ui(self.lang.get_untracked());
            self.announcer.announce(format!("{} {}. {}", ui.removed, removed.entry.display_name(), ui.undo));
        }
        self.last_removed.set(removed);
        self.save_unless_read_only();
    }

    /// Puts back the entry removed last, and says so.
    pub fn undo(self) {
        if let Some(removed) = self.last_removed.get_untracked() {
            let name = removed.entry.display_name().to_owned();
            self.last_removed.set(None);
            self.edit(|list, now| list.restore(removed, now));
            self.announcer.announce(format!("{} {name}", ui(self.lang.get_untracked()).announce_restored));
            self.save_unless_read_only();
        }
    }

    /// Updates snapshots from a newly loaded directory and marks entries it no longer has.
    pub fn refresh(self, directory: &Directory) {
        if self.persistence.with_untracked(Persistence::is_read_only) {
            return;
        }
        // Usually nothing changed: then nothing is saved, and nothing that shows the list
        // is told to render it again (on every page load).
        let changed = self
            .list
            .try_maybe_update(|list| {
                let changed = list.refresh_snapshots(directory).changed();
                (changed, changed)
            })
            .unwrap_or(false);
        if changed {
            self.save();
        }
    }

    /// Runs an edit the core offers directly (imports, shortlists, backups) and saves.
    pub fn apply<R>(self, edit: impl FnOnce(&mut FollowUpList, Millis) -> R) -> R {
        self.change(edit)
    }

    /// Runs an edit that brings in entries from outside (a backup file, another device) and
    /// saves once: their snapshots are as old as the file (a hand-made one has none), so the
    /// directory on screen, when there is one, names them in the same edit, as a load does.
    pub fn take_in<R>(self, directory: Option<&Directory>, edit: impl FnOnce(&mut FollowUpList, Millis) -> R) -> R {
        self.change(|list, now| {
            let result = edit(list, now);
            if let Some(directory) = directory {
                list.refresh_snapshots(directory);
            }
            result
        })
    }
}

/// Merges the draft a tab left when it ended while typing (a crash) into the list just loaded;
/// true when it had something the stored list lacked (then the list must be saved, which
/// removes the draft). A draft that adds nothing is removed at once.
fn recover_draft_at_start(store: &FollowUpStore, list: &mut FollowUpList) -> bool {
    if !store.persistence().is_saving() {
        return false;
    }
    let key = store.draft_key();
    let Ok(Some(raw)) = LocalStore.get(&key) else { return false };
    match recover_draft(list, &raw, wall_clock_ms()) {
        DraftRecovery::Recovered => true,
        DraftRecovery::Superseded | DraftRecovery::Unreadable => {
            let _ = LocalStore.remove(&key);
            false
        }
    }
}
