//! The follow-up list as app state: the core's list in a signal, written through
//! to localStorage after every change, merged with other tabs' edits.
//!
//! Components call the intent methods of [`FollowUp`]; all the decisions
//! (what a save does with a corrupt value, how tabs merge) are the core's.

use leptos::prelude::*;
use vitrina_core::follow_up::{
    Channel, EntryId, FollowUpError, FollowUpList, FollowUpStore, LoadOutcome, MetAt, Millis, Persistence,
    PersonDetails, Removed, Status, SyncOutcome, VisitMark,
};
use vitrina_core::valid::IsoDate;
use vitrina_core::{Directory, Lang};

use crate::adapters::local_store::{self, LocalStore};

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
    store: StoredValue<FollowUpStore>,
    persistence: RwSignal<Persistence>,
    load_notice: RwSignal<Option<LoadNotice>>,
    last_removed: RwSignal<Option<Removed>>,
}

/// Milliseconds since the epoch, from the visitor's clock.
pub fn now_ms() -> Millis {
    js_sys::Date::now() as Millis
}

impl FollowUp {
    /// Loads the list kept for the directory at `directory_url` and starts following other tabs.
    pub fn start(directory_url: &str) -> FollowUp {
        let mut store = FollowUpStore::for_directory(directory_url);
        let outcome = store.load(&mut LocalStore, now_ms());
        // Storage that cannot be read is the persistence line's to tell (it stays while it lasts).
        let notice = (outcome.message(Lang::Es).is_some() && !matches!(outcome, LoadOutcome::Unavailable { .. }))
            .then(|| LoadNotice { outcome: outcome.clone() });
        let follow_up = FollowUp {
            list: RwSignal::new(outcome.into_list()),
            persistence: RwSignal::new(store.persistence().clone()),
            store: StoredValue::new(store),
            load_notice: RwSignal::new(notice),
            last_removed: RwSignal::new(None),
        };
        follow_up.follow_other_tabs();
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
            self.store.update_value(|store| {
                self.list.update(|list| outcome = store.apply_storage_event(new_value.as_deref(), list, now_ms()));
            });
            self.sync_persistence();
            if let SyncOutcome::Merged { needs_save: true, .. } = outcome {
                self.save();
            }
        });
        on_cleanup(move || handle.remove());
    }

    /// The list (tracked).
    pub fn list(self) -> RwSignal<FollowUpList> {
        self.list
    }

    /// Whether changes persist (tracked).
    pub fn persistence(self) -> RwSignal<Persistence> {
        self.persistence
    }

    /// What to tell the visitor about loading, until dismissed (tracked).
    pub fn load_notice(self) -> RwSignal<Option<LoadNotice>> {
        self.load_notice
    }

    /// The entry removed last, for "undo" (tracked).
    pub fn last_removed(self) -> RwSignal<Option<Removed>> {
        self.last_removed
    }

    /// Publishes the store's persistence only when it changed: every save button on the
    /// page follows it, and a save rarely changes it.
    fn sync_persistence(self) {
        let persistence = self.store.with_value(|store| store.persistence().clone());
        if self.persistence.with_untracked(|current| *current != persistence) {
            self.persistence.set(persistence);
        }
    }

    fn save(self) {
        self.store.update_value(|store| {
            self.list.update(|list| {
                store.save(&mut LocalStore, list, now_ms());
            });
        });
        self.sync_persistence();
    }

    fn change<R>(self, edit: impl FnOnce(&mut FollowUpList, Millis) -> R) -> R {
        if matches!(self.persistence.get_untracked(), Persistence::ReadOnly { .. }) {
            // A newer app's list changes nowhere, not even in memory, where the edit would
            // look saved and then vanish; the edit runs on a copy only for its result.
            let mut copy = self.list.get_untracked();
            return edit(&mut copy, now_ms());
        }
        let mut result = None;
        self.list.update(|list| result = Some(edit(list, now_ms())));
        self.save();
        // `update` always runs its closure, so the result is there.
        result.expect("the edit ran")
    }

    /// Whether the list can be changed here (not a newer app's list).
    pub fn is_writable(self) -> bool {
        !matches!(self.persistence.get(), Persistence::ReadOnly { .. })
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

    /// Adds a member or contact, or removes it when already there (with undo).
    pub fn toggle(self, directory: &Directory, member: &str, contact: Option<&str>) {
        let existing = self.list.with_untracked(|list| list.find(member, contact).map(|entry| entry.id.clone()));
        match existing {
            Some(id) => self.remove(&id),
            None => {
                // An id the directory no longer has cannot be added; the button is only
                // shown for members of the loaded directory, so there is nothing to tell.
                let _ = self.change(|list, now| match contact {
                    Some(contact) => list.add_contact(directory, member, contact, now).map(|_| ()),
                    None => list.add_member(directory, member, now).map(|_| ()),
                });
            }
        }
    }

    /// Adds a person who is not in the directory; returns the new entry's id.
    pub fn add_person(self, details: &PersonDetails) -> Result<EntryId, FollowUpError> {
        self.change(|list, now| list.add_person(details, now).map(|added| added.id))
    }

    /// Replaces the note of an entry.
    pub fn set_note(self, id: &EntryId, note: &str) {
        self.change(|list, now| list.set_note(id, note, now).ok());
    }

    /// Moves an entry to another status.
    pub fn set_status(self, id: &EntryId, status: Status) {
        self.change(|list, now| list.set_status(id, status, now).ok());
    }

    /// Sets or clears the next follow-up date.
    pub fn set_next_date(self, id: &EntryId, date: Option<IsoDate>) {
        self.change(|list, now| list.set_next_date(id, date, now).ok());
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

    /// Sets the note of a member from the fair-day view, adding it (met at `event`) once there is text.
    pub fn set_fair_note(self, directory: &Directory, member: &str, event: &str, note: &str, lang: Lang) {
        let _ = self.change(|list, now| list.set_fair_note(directory, member, event, note, lang, now));
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

    /// Removes an entry; `undo` puts it back.
    pub fn remove(self, id: &EntryId) {
        let removed = self.change(|list, now| list.remove(id, now));
        self.last_removed.set(removed);
    }

    /// Puts back the entry removed last.
    pub fn undo(self) {
        if let Some(removed) = self.last_removed.get_untracked() {
            self.last_removed.set(None);
            self.change(|list, now| list.restore(removed, now));
        }
    }

    /// Updates snapshots from a newly loaded directory and marks entries it no longer has.
    pub fn refresh(self, directory: &Directory) {
        // Usually nothing changed: then nothing is saved, and nothing that shows the list
        // is told to render it again (on every page load).
        let refreshed = self.list.with_untracked(|list| {
            let mut refreshed = list.clone();
            refreshed.refresh_snapshots(directory);
            (refreshed != *list).then_some(refreshed)
        });
        if let Some(refreshed) = refreshed {
            self.change(|list, _| *list = refreshed);
        }
    }

    /// Runs an edit the core offers directly (imports, shortlists, backups) and saves.
    pub fn apply<R>(self, edit: impl FnOnce(&mut FollowUpList, Millis) -> R) -> R {
        self.change(edit)
    }
}
