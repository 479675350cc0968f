//! The follow-up list: its entries, the edits a visitor makes, and the views the list page shows.

use std::cmp::Ordering;
use std::fmt;

use super::entry::{
    tidy_introduction, Channel, ContactRecord, Due, Entry, EntryId, MetAt, Millis, PersonDetails, Snapshot, Status,
    Target, Visit, VisitMark, DAY_MS, MAX_CONTACT_RECORDS, MAX_INTRODUCTION_CHARS, MAX_VISITS,
};
use crate::lang::Lang;
use crate::model::Directory;
use crate::my_company::MyCompany;
use crate::valid::{IsoDate, Slug};

/// How long a deletion is remembered so that other tabs and imports do not bring the entry back.
pub const TOMBSTONE_RETENTION_DAYS: i64 = 30;

/// The record that an entry was removed, kept for [`TOMBSTONE_RETENTION_DAYS`].
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Tombstone {
    /// The removed entry's id.
    pub id: EntryId,
    /// When it was removed.
    pub deleted_at: Millis,
}

/// The visitor's follow-up list: entries in the order they were added, plus recent deletions.
///
/// Every edit takes `now_ms` from the caller, stamps the entry's `updated_at`
/// and counts one change towards the backup nudge. The list is plain data:
/// persist it with [`super::FollowUpStore`], export it with [`super::export()`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FollowUpList {
    /// Sorted by `(added_at, id)`, which makes merges independent of order.
    pub(crate) entries: Vec<Entry>,
    /// Sorted by id, one per id.
    pub(crate) tombstones: Vec<Tombstone>,
    pub(crate) last_backup: Option<Millis>,
    pub(crate) changes_since_backup: u32,
    pub(crate) unbacked_since: Option<Millis>,
    pub(crate) nudge_dismissed_at: Option<Millis>,
    /// Who the visitor is, for matchmaking; `None` when not said or removed.
    pub(crate) my_company: Option<MyCompany>,
    /// When the visitor last set or removed their company (a removal is a change too, so that
    /// merging with another tab or device does not bring a removed company back).
    pub(crate) my_company_at: Option<Millis>,
}

/// The result of adding something to the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Added {
    /// The entry's id, new or existing.
    pub id: EntryId,
    /// False when it was already on the list (nothing changed).
    pub created: bool,
}

/// A removed entry, kept by the UI for "undo"; give it back to [`FollowUpList::restore`].
#[derive(Clone, Debug, PartialEq)]
pub struct Removed {
    /// The entry as it was.
    pub entry: Entry,
    /// Where it was in [`FollowUpList::entries`].
    pub position: usize,
}

/// What [`FollowUpList::refresh_snapshots`] changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RefreshSummary {
    /// Entries whose snapshot now has newer details from the directory.
    pub refreshed: usize,
    /// Entries whose member or contact is not in the directory (kept, marked).
    pub missing: usize,
    /// Entries that were marked missing and are back in the directory.
    pub returned: usize,
    /// Entries marked missing by this refresh (`missing` counts those marked before too).
    pub newly_missing: usize,
    /// Entries whose "met at" event has a new name in the directory.
    pub renamed_events: usize,
}

impl RefreshSummary {
    /// Whether the refresh changed the list: only then is it saved and shown again.
    pub fn changed(&self) -> bool {
        self.refreshed + self.returned + self.newly_missing + self.renamed_events > 0
    }
}

/// Something an edit could not do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FollowUpError {
    /// Occurs when no entry has the given id (it was removed, perhaps in another tab).
    NoSuchEntry {
        /// The id asked for.
        id: String,
    },
    /// Occurs when the directory has no member with the given id.
    NoSuchMember {
        /// The member id asked for.
        member: String,
    },
    /// Occurs when the member has no contact with the given id.
    NoSuchContact {
        /// The member id.
        member: String,
        /// The contact id asked for.
        contact: String,
    },
    /// Occurs when the directory has no event with the given id.
    NoSuchEvent {
        /// The event id asked for.
        event: String,
    },
    /// Occurs when a person's details are edited on an entry that is a directory member or contact.
    NotAPerson,
    /// Occurs when a person is added with neither a name nor a company.
    BlankPerson,
}

impl FollowUpError {
    /// A one-line explanation for a person, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            FollowUpError::NoSuchEntry { .. } => lang
                .pick(
                    "Esta entrada ya no está en su lista (quizá se quitó en otra pestaña).",
                    "This entry is no longer on your list (perhaps it was removed in another tab).",
                )
                .into(),
            FollowUpError::NoSuchMember { member } => lang.pick(
                format!("El directorio no tiene al socio «{member}»."),
                format!("The directory has no member “{member}”."),
            ),
            FollowUpError::NoSuchContact { member, contact } => lang.pick(
                format!("El socio «{member}» no tiene el contacto «{contact}»."),
                format!("Member “{member}” has no contact “{contact}”."),
            ),
            FollowUpError::NoSuchEvent { event } => lang.pick(
                format!("El directorio no tiene el evento «{event}»."),
                format!("The directory has no event “{event}”."),
            ),
            FollowUpError::NotAPerson => lang
                .pick(
                    "Los datos de un socio del directorio se actualizan desde el directorio.",
                    "A directory member's details are updated from the directory.",
                )
                .into(),
            FollowUpError::BlankPerson => {
                lang.pick("Escriba al menos un nombre o una empresa.", "Write at least a name or a company.").into()
            }
        }
    }
}

impl fmt::Display for FollowUpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for FollowUpError {}

/// Which entries the list page shows; the default shows all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only entries with this status.
    pub status: Option<Status>,
    /// Only entries met at this directory event (by event id).
    pub event: Option<String>,
    /// Only entries whose name, company, role, contact details, note or "where we met"
    /// contain every word of this text, ignoring case and accents.
    pub text: String,
}

impl Filter {
    /// True when the filter shows every entry.
    pub fn is_empty(&self) -> bool {
        self.status.is_none() && self.event.is_none() && self.text.trim().is_empty()
    }

    /// True when `entry` passes the filter.
    pub fn matches(&self, entry: &Entry) -> bool {
        if self.status.is_some_and(|status| status != entry.status) {
            return false;
        }
        if let Some(event) = &self.event {
            if entry.met_at.as_ref().and_then(MetAt::event_id).map(Slug::as_str) != Some(event.as_str()) {
                return false;
            }
        }
        let query = fold(&self.text);
        if query.trim().is_empty() {
            return true;
        }
        let haystack = fold(&searchable_text(entry));
        query.split_whitespace().all(|word| haystack.contains(word))
    }
}

fn searchable_text(entry: &Entry) -> String {
    let s = &entry.snapshot;
    let mut text = String::new();
    // A typed "met at" is found by its name in either language; the others have one label.
    let (met, met_in_english) = match &entry.met_at {
        Some(met @ MetAt::Matchmaking) => (met.label(Lang::Es), met.label(Lang::En)),
        Some(met) => (met.label(Lang::Es), ""),
        None => ("", ""),
    };
    let member = entry.target.member_id().map(Slug::as_str).unwrap_or("");
    for part in [&s.contact_name, &s.member_name, &s.role, &s.email, &s.phone, &entry.note, met, met_in_english, member]
    {
        text.push_str(part);
        text.push('\n');
    }
    text
}

/// Lower case without accents, so `méxico` finds `Mexico` and `nino` finds `Niño`.
///
/// A deliberately small fold for the follow-up list only (Latin letters with
/// the diacritics Spanish, Portuguese, French and German use, plus combining
/// marks); the directory's search has its own.
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        for lower in c.to_lowercase() {
            if ('\u{300}'..='\u{36F}').contains(&lower) {
                continue;
            }
            out.push(match lower {
                'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => 'a',
                'é' | 'è' | 'ê' | 'ë' | 'ē' => 'e',
                'í' | 'ì' | 'î' | 'ï' | 'ī' => 'i',
                'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' => 'o',
                'ú' | 'ù' | 'û' | 'ü' | 'ū' => 'u',
                'ñ' => 'n',
                'ç' => 'c',
                'ý' | 'ÿ' => 'y',
                other => other,
            });
        }
    }
    out
}

/// Sort key for the list page: overdue first (most overdue on top), then due today,
/// then upcoming by date, then open entries without a date, then closed ones.
fn attention_order(a: &Entry, b: &Entry, today: IsoDate) -> Ordering {
    fn rank(entry: &Entry, today: IsoDate) -> (u8, i64) {
        match entry.due(today) {
            Due::Overdue { days } => (0, -days),
            Due::Today => (1, 0),
            Due::Upcoming { days } => (2, days),
            Due::NotScheduled if entry.status.is_closed() => (4, 0),
            Due::NotScheduled => (3, 0),
        }
    }
    // Within a rank, newest additions first — not latest edits: typing a note (here or in
    // another tab) must not move the entry being edited, which would take the focus away.
    rank(a, today).cmp(&rank(b, today)).then_with(|| b.added_at.cmp(&a.added_at)).then_with(|| a.id.cmp(&b.id))
}

impl FollowUpList {
    /// An empty list.
    pub fn new() -> FollowUpList {
        FollowUpList::default()
    }

    /// Who the visitor said they are, for matchmaking.
    pub fn my_company(&self) -> Option<&MyCompany> {
        self.my_company.as_ref()
    }

    /// Sets (`Some`) or removes (`None`) who the visitor is. Returns false when nothing changed.
    /// A change counts towards the backup nudge, as an edit of an entry does.
    pub fn set_my_company(&mut self, company: Option<MyCompany>, now_ms: Millis) -> bool {
        if self.my_company == company {
            return false;
        }
        self.my_company = company;
        self.my_company_at = Some(now_ms);
        self.count_change(now_ms);
        true
    }

    /// Every entry, oldest first.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Recent deletions, remembered for merging.
    pub fn tombstones(&self) -> &[Tombstone] {
        &self.tombstones
    }

    /// How many entries there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the list has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry with this id.
    pub fn get(&self, id: &EntryId) -> Option<&Entry> {
        self.entries.iter().find(|entry| &entry.id == id)
    }

    /// The entry for a member (`contact: None`) or one of its contacts.
    pub fn find(&self, member: &str, contact: Option<&str>) -> Option<&Entry> {
        self.entries.iter().find(|entry| match (&entry.target, contact) {
            (Target::Member { member: m }, None) => m.as_str() == member,
            (Target::Contact { member: m, contact: c }, Some(contact)) => m.as_str() == member && c.as_str() == contact,
            _ => false,
        })
    }

    /// True when the member (`contact: None`) or that contact of it is on the list.
    pub fn is_saved(&self, member: &str, contact: Option<&str>) -> bool {
        self.find(member, contact).is_some()
    }

    /// True when the member or any of its contacts is on the list.
    pub fn has_any_for_member(&self, member: &str) -> bool {
        self.entries.iter().any(|entry| entry.target.member_id().is_some_and(|m| m.as_str() == member))
    }

    /// The entries with these ids, in list order (what the current filter shows, for exports).
    pub fn select<'a>(&'a self, ids: &[EntryId]) -> Vec<&'a Entry> {
        self.entries.iter().filter(|entry| ids.contains(&entry.id)).collect()
    }

    /// Adds a whole member of the directory; if it is already there, returns the existing entry.
    pub fn add_member(
        &mut self,
        directory: &Directory,
        member_id: &str,
        now_ms: Millis,
    ) -> Result<Added, FollowUpError> {
        let member =
            directory.member(member_id).ok_or_else(|| FollowUpError::NoSuchMember { member: member_id.into() })?;
        let id = EntryId::for_member(&member.id);
        if self.get(&id).is_some() {
            return Ok(Added { id, created: false });
        }
        let snapshot = Snapshot::of_member(member);
        let entry = Entry::new(id.clone(), Target::Member { member: member.id.clone() }, snapshot, now_ms);
        self.insert_new(entry, now_ms);
        Ok(Added { id, created: true })
    }

    /// The entry that holds a member's fair-day marks and note: its whole-member
    /// entry, else the first of its contacts on the list.
    pub fn entry_for_member(&self, member: &str) -> Option<&Entry> {
        self.find(member, None).or_else(|| {
            self.entries
                .iter()
                .find(|entry| matches!(&entry.target, Target::Contact { member: m, .. } if m.as_str() == member))
        })
    }

    /// Adds members found by matchmaking, each with its introduction, met at `met_at`
    /// ([`MetAt::Matchmaking`], or the event being prepared). A member already on the list keeps
    /// its entry; an entry without a "met at" or an introduction gets them. Ids the directory
    /// does not have are skipped. Returns how many entries were added.
    pub fn add_matches(
        &mut self,
        directory: &Directory,
        additions: &[(String, String)],
        met_at: &MetAt,
        now_ms: Millis,
    ) -> usize {
        let mut added = 0;
        for (member, introduction) in additions {
            let Ok(Added { id, created }) = self.add_member(directory, member, now_ms) else { continue };
            added += usize::from(created);
            let introduction = tidy_introduction(introduction);
            let _ = self.edit(&id, now_ms, |entry| {
                let mut changed = false;
                if entry.met_at.is_none() {
                    entry.met_at = Some(met_at.clone());
                    changed = true;
                }
                if entry.introduction.is_empty() && !introduction.is_empty() {
                    entry.introduction = introduction;
                    changed = true;
                }
                changed
            });
        }
        added
    }

    /// The entry for a member met at a directory event ([`FollowUpList::entry_for_member`]);
    /// a member not on the list yet is added with "met at" that event.
    pub fn ensure_met_at_event(
        &mut self,
        directory: &Directory,
        member_id: &str,
        event_id: &str,
        lang: Lang,
        now_ms: Millis,
    ) -> Result<Added, FollowUpError> {
        let met_at = MetAt::event(directory, event_id, lang)
            .ok_or_else(|| FollowUpError::NoSuchEvent { event: event_id.into() })?;
        if let Some(entry) = self.entry_for_member(member_id) {
            return Ok(Added { id: entry.id.clone(), created: false });
        }
        let member =
            directory.member(member_id).ok_or_else(|| FollowUpError::NoSuchMember { member: member_id.into() })?;
        let id = EntryId::for_member(&member.id);
        let mut entry =
            Entry::new(id.clone(), Target::Member { member: member.id.clone() }, Snapshot::of_member(member), now_ms);
        entry.met_at = Some(met_at);
        self.insert_new(entry, now_ms);
        Ok(Added { id, created: true })
    }

    /// Marks what the visitor found at a member's stand at an event (`None` clears the mark).
    ///
    /// Marking a member that is not on the list adds it, met at that event;
    /// clearing the mark of such a member changes nothing. Returns the entry's id, if any.
    pub fn mark_visit(
        &mut self,
        directory: &Directory,
        member_id: &str,
        event_id: &str,
        mark: Option<VisitMark>,
        lang: Lang,
        now_ms: Millis,
    ) -> Result<Option<EntryId>, FollowUpError> {
        let Some(mark) = mark else {
            let Some(id) = self.entry_for_member(member_id).map(|entry| entry.id.clone()) else {
                return Ok(None);
            };
            self.edit(&id, now_ms, |entry| {
                let before = entry.visits.len();
                entry.visits.retain(|visit| visit.event.as_str() != event_id);
                entry.visits.len() != before
            })?;
            return Ok(Some(id));
        };
        let id = self.ensure_met_at_event(directory, member_id, event_id, lang, now_ms)?.id;
        let event = directory
            .event(event_id)
            .map(|event| event.id.clone())
            .ok_or_else(|| FollowUpError::NoSuchEvent { event: event_id.into() })?;
        self.edit(&id, now_ms, |entry| {
            if entry.visit(event_id).is_some_and(|visit| visit.mark == mark) {
                return false;
            }
            entry.visits.retain(|visit| visit.event != event);
            entry.visits.push(Visit { event, mark, at: now_ms });
            if entry.visits.len() > MAX_VISITS {
                entry.visits.remove(0);
            }
            true
        })?;
        Ok(Some(id))
    }

    /// Sets the note of a member met at an event, from the fair-day view.
    ///
    /// A member not on the list is added (met at that event) once the note has
    /// text; a blank note for such a member changes nothing. Returns the entry's id, if any.
    pub fn set_fair_note(
        &mut self,
        directory: &Directory,
        member_id: &str,
        event_id: &str,
        note: &str,
        lang: Lang,
        now_ms: Millis,
    ) -> Result<Option<EntryId>, FollowUpError> {
        if note.trim().is_empty() && self.entry_for_member(member_id).is_none() {
            return Ok(None);
        }
        let id = self.ensure_met_at_event(directory, member_id, event_id, lang, now_ms)?.id;
        self.set_note(&id, note, now_ms)?;
        Ok(Some(id))
    }

    /// Adds one contact of a member; if it is already there, returns the existing entry.
    pub fn add_contact(
        &mut self,
        directory: &Directory,
        member_id: &str,
        contact_id: &str,
        now_ms: Millis,
    ) -> Result<Added, FollowUpError> {
        let member =
            directory.member(member_id).ok_or_else(|| FollowUpError::NoSuchMember { member: member_id.into() })?;
        let contact = member
            .contacts
            .iter()
            .find(|c| c.id.as_str() == contact_id)
            .ok_or_else(|| FollowUpError::NoSuchContact { member: member_id.into(), contact: contact_id.into() })?;
        let id = EntryId::for_contact(&member.id, &contact.id);
        if self.get(&id).is_some() {
            return Ok(Added { id, created: false });
        }
        let snapshot = Snapshot::of_contact(member, contact, directory.fallback_language());
        let target = Target::Contact { member: member.id.clone(), contact: contact.id.clone() };
        self.insert_new(Entry::new(id.clone(), target, snapshot, now_ms), now_ms);
        Ok(Added { id, created: true })
    }

    /// Adds someone who is not in the directory.
    ///
    /// The same card typed twice (same e-mail, or same name and company, ignoring
    /// case and accents) returns the existing entry instead of a duplicate.
    pub fn add_person(&mut self, details: &PersonDetails, now_ms: Millis) -> Result<Added, FollowUpError> {
        if details.is_blank() {
            return Err(FollowUpError::BlankPerson);
        }
        let snapshot = details.snapshot();
        let same = |entry: &&Entry| {
            let s = &entry.snapshot;
            entry.target.is_person()
                && ((!snapshot.email.is_empty() && fold(&s.email) == fold(&snapshot.email))
                    || (fold(&s.contact_name) == fold(&snapshot.contact_name)
                        && fold(&s.member_name) == fold(&snapshot.member_name)))
        };
        if let Some(existing) = self.entries.iter().find(same) {
            return Ok(Added { id: existing.id.clone(), created: false });
        }
        let mut attempt = 0;
        let id = loop {
            let id = EntryId::for_person(now_ms, details, attempt);
            if self.get(&id).is_none() && !self.tombstones.iter().any(|t| t.id == id) {
                break id;
            }
            attempt += 1;
        };
        self.insert_new(Entry::new(id.clone(), Target::Person, snapshot, now_ms), now_ms);
        Ok(Added { id, created: true })
    }

    /// Changes a person's details (only for entries that are not in the directory).
    pub fn update_person(
        &mut self,
        id: &EntryId,
        details: &PersonDetails,
        now_ms: Millis,
    ) -> Result<(), FollowUpError> {
        if details.is_blank() {
            return Err(FollowUpError::BlankPerson);
        }
        let entry = self.get(id).ok_or_else(|| FollowUpError::NoSuchEntry { id: id.to_string() })?;
        if !entry.target.is_person() {
            return Err(FollowUpError::NotAPerson);
        }
        let snapshot = details.snapshot();
        self.edit(id, now_ms, |entry| replace(&mut entry.snapshot, snapshot))
    }

    /// Sets the note.
    pub fn set_note(&mut self, id: &EntryId, note: &str, now_ms: Millis) -> Result<(), FollowUpError> {
        self.edit(id, now_ms, |entry| replace(&mut entry.note, note.to_owned()))
    }

    /// Sets the introduction (the first message, see [`Entry::introduction`]) as the visitor
    /// types it: kept as typed, like a note, up to [`MAX_INTRODUCTION_CHARS`] characters.
    pub fn set_introduction(&mut self, id: &EntryId, text: &str, now_ms: Millis) -> Result<(), FollowUpError> {
        let text: String = text.chars().take(MAX_INTRODUCTION_CHARS).collect();
        self.edit(id, now_ms, |entry| replace(&mut entry.introduction, text))
    }

    /// Sets the status.
    pub fn set_status(&mut self, id: &EntryId, status: Status, now_ms: Millis) -> Result<(), FollowUpError> {
        self.edit(id, now_ms, |entry| replace(&mut entry.status, status))
    }

    /// Sets or clears the next follow-up date.
    pub fn set_next_date(&mut self, id: &EntryId, date: Option<IsoDate>, now_ms: Millis) -> Result<(), FollowUpError> {
        self.edit(id, now_ms, |entry| replace(&mut entry.next_date, date))
    }

    /// Sets or clears where we met; see [`MetAt::event`] for a directory event.
    pub fn set_met_at(&mut self, id: &EntryId, met_at: Option<MetAt>, now_ms: Millis) -> Result<(), FollowUpError> {
        let met_at = met_at.filter(|met| !matches!(met, MetAt::Other(text) if text.trim().is_empty()));
        self.edit(id, now_ms, |entry| replace(&mut entry.met_at, met_at))
    }

    /// Records that the visitor reached out; an entry still "to contact" becomes "contacted".
    pub fn record_contact(&mut self, id: &EntryId, via: Channel, now_ms: Millis) -> Result<(), FollowUpError> {
        self.edit(id, now_ms, |entry| {
            entry.contacted.push(ContactRecord { via, at: now_ms });
            if entry.contacted.len() > MAX_CONTACT_RECORDS {
                entry.contacted.remove(0);
            }
            if entry.status == Status::ToContact {
                entry.status = Status::Contacted;
            }
            true
        })
    }

    /// Removes an entry; keep the returned value to offer "undo" with [`FollowUpList::restore`].
    pub fn remove(&mut self, id: &EntryId, now_ms: Millis) -> Option<Removed> {
        let position = self.entries.iter().position(|entry| &entry.id == id)?;
        let entry = self.entries.remove(position);
        self.put_tombstone(Tombstone { id: id.clone(), deleted_at: now_ms.max(entry.updated_at) });
        self.count_change(now_ms);
        Some(Removed { entry, position })
    }

    /// Puts a removed entry back where it was ("undo"); returns its id.
    ///
    /// The restored entry counts as edited now, so it also wins over the
    /// deletion in other tabs that have already seen it.
    pub fn restore(&mut self, removed: Removed, now_ms: Millis) -> EntryId {
        let mut entry = removed.entry;
        let id = entry.id.clone();
        if self.get(&id).is_some() {
            return id;
        }
        let deleted_at = self.tombstones.iter().find(|t| t.id == id).map(|t| t.deleted_at);
        self.tombstones.retain(|t| t.id != id);
        entry.updated_at = now_ms.max(deleted_at.unwrap_or(i64::MIN).saturating_add(1)).max(entry.updated_at);
        self.insert_sorted(entry);
        self.count_change(now_ms);
        id
    }

    /// Updates snapshots from a newer directory and marks entries whose member or
    /// contact is gone; nothing is ever dropped.
    ///
    /// This is derived data, not an edit: `updated_at` and the change count stay as they are.
    pub fn refresh_snapshots(&mut self, directory: &Directory) -> RefreshSummary {
        let mut summary = RefreshSummary::default();
        let lang = directory.fallback_language();
        for entry in &mut self.entries {
            let fresh = match &entry.target {
                Target::Person => continue,
                Target::Member { member } => directory.member(member.as_str()).map(Snapshot::of_member),
                Target::Contact { member, contact } => directory.member(member.as_str()).and_then(|m| {
                    m.contacts.iter().find(|c| c.id == *contact).map(|c| Snapshot::of_contact(m, c, lang))
                }),
            };
            match fresh {
                Some(snapshot) => {
                    if entry.missing_from_directory {
                        entry.missing_from_directory = false;
                        summary.returned += 1;
                    }
                    if entry.snapshot != snapshot {
                        entry.snapshot = snapshot;
                        summary.refreshed += 1;
                    }
                }
                None => {
                    if !entry.missing_from_directory {
                        entry.missing_from_directory = true;
                        summary.newly_missing += 1;
                    }
                    summary.missing += 1;
                }
            }
            if let Some(MetAt::Event { id, name }) = &mut entry.met_at {
                if let Some(event) = directory.event(id.as_str()) {
                    let fresh_name = event.name.resolve(lang.unwrap_or("es"), lang);
                    if name != fresh_name {
                        *name = fresh_name.to_owned();
                        summary.renamed_events += 1;
                    }
                }
            }
        }
        summary
    }

    /// The entries that pass `filter`, overdue and due today first (see [`Due`]).
    pub fn view(&self, today: IsoDate, filter: &Filter) -> Vec<&Entry> {
        let mut shown: Vec<&Entry> = self.entries.iter().filter(|entry| filter.matches(entry)).collect();
        crate::sorting::sort_by(&mut shown, |a, b| attention_order(a, b, today));
        shown
    }

    /// How many open entries are past their follow-up date, for the navigation badge.
    pub fn overdue_count(&self, today: IsoDate) -> usize {
        self.entries.iter().filter(|entry| matches!(entry.due(today), Due::Overdue { .. })).count()
    }

    /// How many open entries are due today.
    pub fn due_today_count(&self, today: IsoDate) -> usize {
        self.entries.iter().filter(|entry| entry.due(today) == Due::Today).count()
    }

    /// The directory events entries were met at, for the event filter: `(id, name, count)`, by name.
    pub fn events(&self) -> Vec<(Slug, String, usize)> {
        let mut events: Vec<(Slug, String, usize)> = Vec::new();
        for met in self.entries.iter().filter_map(|entry| entry.met_at.as_ref()) {
            if let MetAt::Event { id, .. } = met {
                match events.iter_mut().find(|(known, _, _)| known == id) {
                    Some((_, _, count)) => *count += 1,
                    None => events.push((id.clone(), met.label(Lang::Es).to_owned(), 1)),
                }
            }
        }
        crate::sorting::sort_by(&mut events, |a, b| fold(&a.1).cmp(&fold(&b.1)).then_with(|| a.0.cmp(&b.0)));
        events
    }

    /// When the last backup (export or handoff) was made.
    pub fn last_backup(&self) -> Option<Millis> {
        self.last_backup
    }

    /// Edits since the last backup.
    pub fn changes_since_backup(&self) -> u32 {
        self.changes_since_backup
    }

    /// When the first edit since the last backup was made.
    pub fn unbacked_since(&self) -> Option<Millis> {
        self.unbacked_since
    }

    /// When the visitor last dismissed the backup nudge.
    pub fn nudge_dismissed_at(&self) -> Option<Millis> {
        self.nudge_dismissed_at
    }

    /// Records that the visitor saved a backup (call after the download or share succeeded).
    pub fn mark_backed_up(&mut self, now_ms: Millis) {
        self.last_backup = Some(now_ms);
        self.changes_since_backup = 0;
        self.unbacked_since = None;
    }

    /// Records that the visitor dismissed the backup nudge.
    pub fn dismiss_nudge(&mut self, now_ms: Millis) {
        self.nudge_dismissed_at = Some(now_ms);
    }

    /// Forgets deletions older than [`TOMBSTONE_RETENTION_DAYS`].
    pub fn prune_tombstones(&mut self, now_ms: Millis) {
        let cutoff = now_ms.saturating_sub(TOMBSTONE_RETENTION_DAYS * DAY_MS);
        self.tombstones.retain(|t| t.deleted_at >= cutoff);
    }

    // ---- internals ----

    fn edit(
        &mut self,
        id: &EntryId,
        now_ms: Millis,
        change: impl FnOnce(&mut Entry) -> bool,
    ) -> Result<(), FollowUpError> {
        let entry = self
            .entries
            .iter_mut()
            .find(|entry| &entry.id == id)
            .ok_or_else(|| FollowUpError::NoSuchEntry { id: id.to_string() })?;
        if change(entry) {
            entry.updated_at = entry.updated_at.max(now_ms);
            self.count_change(now_ms);
        }
        Ok(())
    }

    fn insert_new(&mut self, mut entry: Entry, now_ms: Millis) {
        if let Some(t) = self.tombstones.iter().find(|t| t.id == entry.id) {
            entry.updated_at = entry.updated_at.max(t.deleted_at.saturating_add(1));
        }
        self.tombstones.retain(|t| t.id != entry.id);
        self.insert_sorted(entry);
        self.count_change(now_ms);
    }

    pub(crate) fn insert_sorted(&mut self, entry: Entry) {
        let at = self.entries.partition_point(|e| entry_order(e, &entry) == Ordering::Less);
        self.entries.insert(at, entry);
    }

    pub(crate) fn put_tombstone(&mut self, tombstone: Tombstone) {
        match self.tombstones.binary_search_by(|t| t.id.cmp(&tombstone.id)) {
            Ok(i) => self.tombstones[i].deleted_at = self.tombstones[i].deleted_at.max(tombstone.deleted_at),
            Err(i) => self.tombstones.insert(i, tombstone),
        }
    }

    pub(crate) fn count_change(&mut self, now_ms: Millis) {
        self.changes_since_backup = self.changes_since_backup.saturating_add(1);
        if self.unbacked_since.is_none() {
            self.unbacked_since = Some(now_ms);
        }
    }
}

/// The list's canonical order.
pub(crate) fn entry_order(a: &Entry, b: &Entry) -> Ordering {
    a.added_at.cmp(&b.added_at).then_with(|| a.id.cmp(&b.id))
}

fn replace<T: PartialEq>(slot: &mut T, value: T) -> bool {
    if *slot == value {
        false
    } else {
        *slot = value;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::follow_up::test_support::{directory, person};

    fn date(s: &str) -> IsoDate {
        IsoDate::parse(s).unwrap()
    }

    #[test]
    fn matches_are_added_met_at_matchmaking_with_their_introduction() {
        let dir = directory();
        let mut list = FollowUpList::new();
        let forja = list.add_member(&dir, "forja-bajio", 1).unwrap().id;
        list.set_met_at(&forja, Some(MetAt::Other("Café".into())), 2).unwrap();
        let additions = [
            ("aceros-del-norte".to_owned(), "  Hola: podemos surtirle estampado.\n\nSaludos ".to_owned()),
            ("forja-bajio".to_owned(), "Hola".to_owned()),
            ("no-such-member".to_owned(), "Hola".to_owned()),
        ];
        assert_eq!(list.add_matches(&dir, &additions, &MetAt::Matchmaking, 3), 1);
        let aceros = list.find("aceros-del-norte", None).unwrap().clone();
        assert_eq!(aceros.met_at, Some(MetAt::Matchmaking));
        assert_eq!(aceros.introduction, "Hola: podemos surtirle estampado.\n\nSaludos");
        // An entry already there keeps where the visitor met it, and gains the introduction.
        let forja = list.get(&forja).unwrap();
        assert_eq!((forja.met_at.clone(), forja.introduction.as_str()), (Some(MetAt::Other("Café".into())), "Hola"));
        // Adding again adds nothing, and the typed value is named in the language shown.
        assert_eq!(list.add_matches(&dir, &additions, &MetAt::Matchmaking, 4), 0);
        assert_eq!(MetAt::Matchmaking.label(Lang::En), "Vitrina matchmaking");
        for words in ["matchmaking", "emparejamiento"] {
            assert!(Filter { text: words.into(), ..Filter::default() }.matches(&aceros), "{words}");
        }
        // Kept through the stored form, and a typed value this app does not know reads as none.
        let again = crate::follow_up::document::parse_document(&list.to_json(), 0).unwrap().list;
        assert_eq!(again.find("aceros-del-norte", None), list.find("aceros-del-norte", None));
        let unknown = list.to_json().replace("\"via\":\"matchmaking\"", "\"via\":\"speed-dating\"");
        let read = crate::follow_up::document::parse_document(&unknown, 0).unwrap().list;
        assert_eq!(read.find("aceros-del-norte", None).unwrap().met_at, None);
    }

    /// Issue 16: saying (or removing) who the visitor is counts towards the backup nudge like
    /// an edit; saying the same again does not.
    #[test]
    fn setting_the_company_counts_as_a_change() {
        let company = MyCompany::Member { id: Slug::parse("aceros-del-norte").unwrap() };
        let mut list = FollowUpList::new();
        list.add_member(&directory(), "forja-bajio", 1).unwrap();
        list.mark_backed_up(1);
        assert_eq!(crate::follow_up::nudge::backup_nudge(&list, 1 + 30 * DAY_MS), None);
        assert!(list.set_my_company(Some(company.clone()), 5));
        assert_eq!((list.changes_since_backup(), list.unbacked_since()), (1, Some(5)));
        assert!(!list.set_my_company(Some(company), 6));
        assert_eq!(list.changes_since_backup(), 1);
        assert!(list.set_my_company(None, 7));
        assert_eq!((list.changes_since_backup(), list.unbacked_since(), list.my_company_at), (2, Some(5), Some(7)));
        let nudge = crate::follow_up::nudge::backup_nudge(&list, 7 + 30 * DAY_MS);
        assert!(nudge.is_some(), "{nudge:?}");
    }

    /// Issue 16: an introduction is edited as typed, like a note, and capped.
    #[test]
    fn introductions_are_kept_as_typed() {
        let dir = directory();
        let mut list = FollowUpList::new();
        let id = list.add_member(&dir, "forja-bajio", 1).unwrap().id;
        list.set_introduction(&id, "Hola ", 2).unwrap();
        assert_eq!((list.get(&id).unwrap().introduction.as_str(), list.get(&id).unwrap().updated_at), ("Hola ", 2));
        list.set_introduction(&id, &"x".repeat(MAX_INTRODUCTION_CHARS + 5), 3).unwrap();
        assert_eq!(list.get(&id).unwrap().introduction.chars().count(), MAX_INTRODUCTION_CHARS);
        let read = crate::follow_up::document::parse_document(&list.to_json(), 0).unwrap().list;
        assert_eq!(read, list);
    }
    #[test]
    fn adding_twice_returns_the_existing_entry() {
        let dir = directory();
        let mut list = FollowUpList::new();
        let first = list.add_member(&dir, "aceros-del-norte", 1_000).unwrap();
        assert!(first.created);
        let again = list.add_member(&dir, "aceros-del-norte", 2_000).unwrap();
        assert_eq!(again, Added { id: first.id.clone(), created: false });
        let contact = list.add_contact(&dir, "aceros-del-norte", "ana-lopez", 3_000).unwrap();
        assert!(contact.created);
        assert!(!list.add_contact(&dir, "aceros-del-norte", "ana-lopez", 4_000).unwrap().created);
        assert_eq!(list.len(), 2);
        assert_eq!(list.changes_since_backup(), 2);
        assert!(list.is_saved("aceros-del-norte", None));
        assert!(list.is_saved("aceros-del-norte", Some("ana-lopez")));
        assert!(!list.is_saved("forja-bajio", None));
        assert!(!list.is_saved("aceros-del-norte", Some("otro")));
        assert!(list.has_any_for_member("aceros-del-norte"));
        assert_eq!(
            list.add_member(&dir, "nadie", 5).unwrap_err(),
            FollowUpError::NoSuchMember { member: "nadie".into() }
        );
        assert!(matches!(
            list.add_contact(&dir, "aceros-del-norte", "nadie", 5),
            Err(FollowUpError::NoSuchContact { .. })
        ));
    }

    #[test]
    fn snapshots_hold_what_the_entry_needs() {
        let dir = directory();
        let mut list = FollowUpList::new();
        let id = list.add_contact(&dir, "aceros-del-norte", "ana-lopez", 1).unwrap().id;
        let entry = list.get(&id).unwrap();
        assert_eq!(entry.snapshot.member_name, "Aceros del Norte, \"ADN\"");
        assert_eq!(entry.snapshot.contact_name, "Ana María López; Pérez");
        assert_eq!(entry.snapshot.role, "Gerente de compras");
        assert_eq!(entry.snapshot.email, "ana@aceros.example.com");
        assert_eq!(entry.display_name(), "Ana María López; Pérez");
        assert_eq!(entry.company(), Some("Aceros del Norte, \"ADN\""));
        let member = list.add_member(&dir, "forja-bajio", 2).unwrap().id;
        assert_eq!(list.get(&member).unwrap().display_name(), "Forja Bajío 🔧");
        assert_eq!(list.get(&member).unwrap().company(), None);
    }

    #[test]
    fn people_outside_the_directory() {
        let mut list = FollowUpList::new();
        let added = list.add_person(&person("Luis Pérez", "Moldes, Troqueles y Más"), 10).unwrap();
        assert!(added.created);
        assert!(added.id.as_str().starts_with("p."));
        let same = list.add_person(&person("luis perez", "MOLDES, TROQUELES Y MÁS"), 20).unwrap();
        assert_eq!(same, Added { id: added.id.clone(), created: false });
        let other = list.add_person(&person("Luis Pérez", "Otra"), 10).unwrap();
        assert!(other.created);
        assert_ne!(other.id, added.id);
        assert_eq!(list.add_person(&PersonDetails::default(), 1), Err(FollowUpError::BlankPerson));
        // Issue 13: zero-width characters alone are no name.
        assert_eq!(list.add_person(&person("\u{200B}\u{200C}", " \u{FEFF}"), 1), Err(FollowUpError::BlankPerson));
        list.update_person(&added.id, &person("Luis Pérez Gil", "Moldes"), 30).unwrap();
        assert_eq!(list.get(&added.id).unwrap().snapshot.contact_name, "Luis Pérez Gil");
        assert_eq!(list.get(&added.id).unwrap().updated_at, 30);
    }

    #[test]
    fn edits_stamp_the_entry_and_count_changes_but_no_ops_do_not() {
        let dir = directory();
        let mut list = FollowUpList::new();
        let id = list.add_member(&dir, "aceros-del-norte", 100).unwrap().id;
        list.set_note(&id, "Cotizar troquel", 200).unwrap();
        list.set_status(&id, Status::MeetingSet, 300).unwrap();
        list.set_next_date(&id, Some(date("2026-12-01")), 400).unwrap();
        list.set_met_at(&id, MetAt::event(&dir, "paace-2026", Lang::Es), 500).unwrap();
        let entry = list.get(&id).unwrap();
        assert_eq!(
            (entry.note.as_str(), entry.status, entry.next_date, entry.updated_at),
            ("Cotizar troquel", Status::MeetingSet, Some(date("2026-12-01")), 500)
        );
        assert_eq!(entry.met_at.as_ref().map(|met| met.label(Lang::Es)), Some("INA PAACE Automechanika México 2026"));
        assert_eq!(list.changes_since_backup(), 5);
        list.set_note(&id, "Cotizar troquel", 900).unwrap();
        assert_eq!(list.get(&id).unwrap().updated_at, 500);
        assert_eq!(list.changes_since_backup(), 5);
        let missing = EntryId::for_member(&Slug::parse("nadie").unwrap());
        assert!(matches!(list.set_note(&missing, "x", 1), Err(FollowUpError::NoSuchEntry { .. })));
        assert_eq!(list.update_person(&id, &person("A", "B"), 1), Err(FollowUpError::NotAPerson));
    }

    #[test]
    fn recording_a_contact_moves_to_contacted() {
        let dir = directory();
        let mut list = FollowUpList::new();
        let id = list.add_member(&dir, "aceros-del-norte", 1).unwrap().id;
        list.record_contact(&id, Channel::Whatsapp, 50).unwrap();
        let entry = list.get(&id).unwrap();
        assert_eq!(entry.status, Status::Contacted);
        assert_eq!(entry.last_contacted(), Some(ContactRecord { via: Channel::Whatsapp, at: 50 }));
        list.set_status(&id, Status::Proposal, 60).unwrap();
        for at in 0..60 {
            list.record_contact(&id, Channel::Email, 100 + at).unwrap();
        }
        let entry = list.get(&id).unwrap();
        assert_eq!(entry.status, Status::Proposal);
        assert_eq!(entry.contacted.len(), MAX_CONTACT_RECORDS);
        assert_eq!(entry.contacted.last().unwrap().at, 159);
    }

    #[test]
    fn remove_and_undo_put_the_entry_back_in_place() {
        let dir = directory();
        let mut list = FollowUpList::new();
        let a = list.add_member(&dir, "aceros-del-norte", 1).unwrap().id;
        let b = list.add_member(&dir, "forja-bajio", 2).unwrap().id;
        let c = list.add_contact(&dir, "aceros-del-norte", "ana-lopez", 3).unwrap().id;
        list.set_note(&b, "nota", 4).unwrap();
        let removed = list.remove(&b, 10).unwrap();
        assert_eq!(removed.position, 1);
        assert_eq!(list.entries().iter().map(|e| &e.id).collect::<Vec<_>>(), [&a, &c]);
        assert_eq!(list.tombstones(), [Tombstone { id: b.clone(), deleted_at: 10 }]);
        assert!(list.remove(&b, 11).is_none());
        let restored = list.restore(removed, 10);
        assert_eq!(restored, b);
        assert_eq!(list.entries().iter().map(|e| &e.id).collect::<Vec<_>>(), [&a, &b, &c]);
        assert!(list.tombstones().is_empty());
        let entry = list.get(&b).unwrap();
        assert_eq!(entry.note, "nota");
        assert!(entry.updated_at > 10, "a restore must beat the deletion other tabs saw");
    }

    #[test]
    fn re_adding_after_removal_beats_the_deletion() {
        let dir = directory();
        let mut list = FollowUpList::new();
        let a = list.add_member(&dir, "aceros-del-norte", 1).unwrap().id;
        list.remove(&a, 50).unwrap();
        list.add_member(&dir, "aceros-del-norte", 50).unwrap();
        assert!(list.tombstones().is_empty());
        assert!(list.get(&a).unwrap().updated_at > 50);
    }

    #[test]
    fn refresh_updates_snapshots_and_marks_missing_without_dropping() {
        let mut dir = directory();
        let mut list = FollowUpList::new();
        let member = list.add_member(&dir, "aceros-del-norte", 1).unwrap().id;
        let contact = list.add_contact(&dir, "aceros-del-norte", "ana-lopez", 2).unwrap().id;
        let other = list.add_member(&dir, "forja-bajio", 3).unwrap().id;
        let person = list.add_person(&person("Luis", "X"), 4).unwrap().id;
        let before = list.clone();
        assert_eq!(list.refresh_snapshots(&dir), RefreshSummary::default());
        assert_eq!(list, before);

        dir.members[0].name = "Aceros del Norte (nuevo)".into();
        dir.members[0].contacts.clear();
        dir.members.retain(|m| m.id.as_str() != "forja-bajio");
        let summary = list.refresh_snapshots(&dir);
        assert_eq!(
            summary,
            RefreshSummary { refreshed: 1, missing: 2, returned: 0, newly_missing: 2, renamed_events: 0 }
        );
        assert!(summary.changed());
        assert_eq!(list.len(), 4);
        assert_eq!(list.get(&member).unwrap().snapshot.member_name, "Aceros del Norte (nuevo)");
        assert!(list.get(&contact).unwrap().missing_from_directory);
        assert_eq!(list.get(&contact).unwrap().snapshot.contact_name, "Ana María López; Pérez");
        assert!(list.get(&other).unwrap().missing_from_directory);
        assert!(!list.get(&person).unwrap().missing_from_directory);
        assert_eq!(list.changes_since_backup(), before.changes_since_backup());

        let summary = list.refresh_snapshots(&directory());
        assert_eq!(summary.returned, 2);
        assert!(list.entries().iter().all(|e| !e.missing_from_directory));
    }

    /// Issue 12: whether a refresh changed the list is the summary's to say (the app no
    /// longer clones and compares the list): a member still missing is no change.
    #[test]
    fn a_refresh_says_whether_it_changed_the_list() {
        let mut dir = directory();
        let mut list = FollowUpList::new();
        list.add_member(&dir, "forja-bajio", 1).unwrap();
        let met = list.add_member(&dir, "aceros-del-norte", 2).unwrap().id;
        list.set_met_at(&met, MetAt::event(&dir, "paace-2026", Lang::Es), 3).unwrap();
        assert!(!list.refresh_snapshots(&dir).changed());

        dir.members.retain(|m| m.id.as_str() != "forja-bajio");
        let before = list.clone();
        assert!(list.refresh_snapshots(&dir).changed());
        assert_ne!(list, before);
        let before = list.clone();
        let again = list.refresh_snapshots(&dir);
        assert_eq!((again.missing, again.changed()), (1, false));
        assert_eq!(list, before);

        dir.events[0].name = crate::text::Text::Plain("PAACE 2026 (nuevo nombre)".into());
        let summary = list.refresh_snapshots(&dir);
        assert_eq!(summary.renamed_events, 1);
        assert!(summary.changed());
        assert_ne!(list, before);
    }

    #[test]
    fn the_view_puts_overdue_and_today_first() {
        let dir = directory();
        let today = date("2026-11-25");
        let mut list = FollowUpList::new();
        let ids: Vec<EntryId> = [
            list.add_member(&dir, "aceros-del-norte", 1),
            list.add_member(&dir, "forja-bajio", 2),
            list.add_contact(&dir, "aceros-del-norte", "ana-lopez", 3),
            list.add_person(&person("Luis", "X"), 4),
            list.add_person(&person("Eva", "Y"), 5),
            list.add_person(&person("Zoe", "Z"), 6),
        ]
        .into_iter()
        .map(|added| added.unwrap().id)
        .collect();
        list.set_next_date(&ids[0], Some(date("2026-12-01")), 10).unwrap(); // upcoming
        list.set_next_date(&ids[1], Some(date("2026-11-20")), 11).unwrap(); // 5 days overdue
        list.set_next_date(&ids[2], Some(today), 12).unwrap(); // today
        list.set_next_date(&ids[3], Some(date("2026-11-24")), 13).unwrap(); // 1 day overdue
        list.set_next_date(&ids[5], Some(date("2026-11-01")), 14).unwrap();
        list.set_status(&ids[5], Status::Won, 15).unwrap(); // closed: no reminder
        let order: Vec<usize> = list
            .view(today, &Filter::default())
            .iter()
            .map(|e| ids.iter().position(|id| *id == e.id).unwrap())
            .collect();
        assert_eq!(order, [1, 3, 2, 0, 4, 5]);
        assert_eq!(list.overdue_count(today), 2);
        assert_eq!(list.due_today_count(today), 1);
    }

    #[test]
    fn editing_a_note_does_not_move_the_entry() {
        let dir = directory();
        let today = date("2026-11-25");
        let mut list = FollowUpList::new();
        let older = list.add_member(&dir, "aceros-del-norte", 1).unwrap().id;
        let newer = list.add_member(&dir, "forja-bajio", 2).unwrap().id;
        let order = |list: &FollowUpList| -> Vec<EntryId> {
            list.view(today, &Filter::default()).iter().map(|e| e.id.clone()).collect()
        };
        let before = order(&list);
        assert_eq!(before, [newer.clone(), older.clone()]);
        list.set_note(&older, "Llamar el lunes", 50).unwrap();
        assert_eq!(order(&list), before);
    }

    #[test]
    fn filters_by_status_event_and_text() {
        let dir = directory();
        let today = date("2026-11-25");
        let mut list = FollowUpList::new();
        let a = list.add_member(&dir, "aceros-del-norte", 1).unwrap().id;
        let b = list.add_member(&dir, "forja-bajio", 2).unwrap().id;
        let p = list.add_person(&person("Niño Ibáñez", "Troqueles SA"), 3).unwrap().id;
        list.set_status(&b, Status::Proposal, 4).unwrap();
        list.set_met_at(&a, MetAt::event(&dir, "paace-2026", Lang::Es), 5).unwrap();
        list.set_met_at(&p, Some(MetAt::Other("Café del hotel".into())), 6).unwrap();
        list.set_note(&b, "Quiere cotización de ESTAMPADO", 7).unwrap();
        let shown = |filter: Filter| -> Vec<&str> { list.view(today, &filter).iter().map(|e| e.id.as_str()).collect() };
        assert_eq!(shown(Filter { status: Some(Status::Proposal), ..Filter::default() }), [b.as_str()]);
        assert_eq!(shown(Filter { event: Some("paace-2026".into()), ..Filter::default() }), [a.as_str()]);
        assert_eq!(shown(Filter { text: "nino ibanez".into(), ..Filter::default() }), [p.as_str()]);
        assert_eq!(shown(Filter { text: "cotizacion estampado".into(), ..Filter::default() }), [b.as_str()]);
        assert_eq!(shown(Filter { text: "CAFE".into(), ..Filter::default() }), [p.as_str()]);
        assert_eq!(shown(Filter { text: "automechanika".into(), ..Filter::default() }), [a.as_str()]);
        assert!(shown(Filter { text: "estampado cafe".into(), ..Filter::default() }).is_empty());
        assert_eq!(shown(Filter::default()).len(), 3);
        assert_eq!(
            list.events(),
            [(Slug::parse("paace-2026").unwrap(), "INA PAACE Automechanika México 2026".into(), 1)]
        );
        assert!(Filter::default().is_empty() && !Filter { text: "x".into(), ..Filter::default() }.is_empty());
    }

    #[test]
    fn select_keeps_list_order() {
        let dir = directory();
        let mut list = FollowUpList::new();
        let a = list.add_member(&dir, "aceros-del-norte", 1).unwrap().id;
        let b = list.add_member(&dir, "forja-bajio", 2).unwrap().id;
        let picked: Vec<&EntryId> = list.select(&[b.clone(), a.clone()]).iter().map(|e| &e.id).collect();
        assert_eq!(picked, [&a, &b]);
    }

    #[test]
    fn tombstones_are_pruned_after_the_retention() {
        let dir = directory();
        let mut list = FollowUpList::new();
        let a = list.add_member(&dir, "aceros-del-norte", 1).unwrap().id;
        list.remove(&a, DAY_MS).unwrap();
        list.prune_tombstones(DAY_MS * (TOMBSTONE_RETENTION_DAYS + 1));
        assert_eq!(list.tombstones().len(), 1);
        list.prune_tombstones(DAY_MS * (TOMBSTONE_RETENTION_DAYS + 2));
        assert!(list.tombstones().is_empty());
    }

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold("Ñandú ÉCOLE Ça"), "nandu ecole ca");
        assert_eq!(fold("e\u{301}"), "e");
        assert_eq!(fold("İstanbul"), "istanbul");
    }

    #[test]
    fn marking_a_member_not_on_the_list_adds_it_met_at_the_event() {
        let dir = directory();
        let mut list = FollowUpList::new();
        let id = list.mark_visit(&dir, "forja-bajio", "paace-2026", Some(VisitMark::ComeBack), Lang::Es, 10).unwrap();
        let entry = list.get(&id.unwrap()).unwrap();
        assert_eq!(entry.target.member_id().map(Slug::as_str), Some("forja-bajio"));
        assert_eq!(entry.met_at.as_ref().and_then(MetAt::event_id).map(Slug::as_str), Some("paace-2026"));
        assert_eq!(entry.visit("paace-2026").map(|v| (v.mark, v.at)), Some((VisitMark::ComeBack, 10)));
        // Adding and marking each count towards the backup nudge.
        assert_eq!(list.changes_since_backup(), 2);
    }

    #[test]
    fn marks_change_clear_and_stay_one_per_event() {
        let dir = directory();
        let mut list = FollowUpList::new();
        let mark = |list: &mut FollowUpList, mark, now| {
            list.mark_visit(&dir, "aceros-del-norte", "paace-2026", mark, Lang::Es, now).unwrap()
        };
        let id = mark(&mut list, Some(VisitMark::ComeBack), 10).unwrap();
        mark(&mut list, Some(VisitMark::Visited), 20);
        let entry = list.get(&id).unwrap();
        assert_eq!(entry.visits.len(), 1);
        assert_eq!((entry.visits[0].mark, entry.updated_at), (VisitMark::Visited, 20));
        // The same mark again is not an edit.
        mark(&mut list, Some(VisitMark::Visited), 30);
        assert_eq!(list.get(&id).unwrap().updated_at, 20);
        mark(&mut list, None, 40);
        assert_eq!((list.get(&id).unwrap().visits.len(), list.get(&id).unwrap().updated_at), (0, 40));
        // Clearing a member that is not on the list adds nothing.
        assert_eq!(list.mark_visit(&dir, "forja-bajio", "paace-2026", None, Lang::Es, 50).unwrap(), None);
        assert_eq!(list.len(), 1);
    }

    #[test]
    fn marks_go_on_a_saved_contact_when_the_member_itself_is_not_saved() {
        let dir = directory();
        let mut list = FollowUpList::new();
        let contact = list.add_contact(&dir, "aceros-del-norte", "ana-lopez", 1).unwrap().id;
        let marked =
            list.mark_visit(&dir, "aceros-del-norte", "paace-2026", Some(VisitMark::NotThere), Lang::Es, 2).unwrap();
        assert_eq!(marked, Some(contact.clone()));
        assert_eq!(list.len(), 1);
        // An existing entry keeps where it was met.
        assert_eq!(list.get(&contact).unwrap().met_at, None);
    }

    #[test]
    fn fair_notes_add_only_once_there_is_text() {
        let dir = directory();
        let mut list = FollowUpList::new();
        assert_eq!(list.set_fair_note(&dir, "moldes-y-mas", "paace-2026", "  ", Lang::Es, 1).unwrap(), None);
        assert!(list.is_empty());
        let id = list.set_fair_note(&dir, "moldes-y-mas", "paace-2026", "Pedir muestras", Lang::Es, 2).unwrap();
        let entry = list.get(&id.unwrap()).unwrap();
        assert_eq!(entry.note, "Pedir muestras");
        assert!(entry.met_at.is_some());
        // Emptying the note of a member on the list is an edit like any other.
        list.set_fair_note(&dir, "moldes-y-mas", "paace-2026", "", Lang::Es, 3).unwrap();
        assert_eq!(list.entries()[0].note, "");
    }

    #[test]
    fn unknown_members_and_events_are_errors_that_change_nothing() {
        let dir = directory();
        let mut list = FollowUpList::new();
        let visited = Some(VisitMark::Visited);
        assert_eq!(
            list.mark_visit(&dir, "nadie", "paace-2026", visited, Lang::Es, 1),
            Err(FollowUpError::NoSuchMember { member: "nadie".into() })
        );
        let error = list.mark_visit(&dir, "forja-bajio", "otra-feria", visited, Lang::Es, 1).unwrap_err();
        assert_eq!(error, FollowUpError::NoSuchEvent { event: "otra-feria".into() });
        assert_ne!(error.message(Lang::Es), error.message(Lang::En));
        assert!(list.is_empty() && list.changes_since_backup() == 0);
    }

    #[test]
    fn marks_from_the_last_event_are_kept_at_the_next() {
        let mut dir = directory();
        let mut next = dir.events[0].clone();
        next.id = Slug::parse("paace-2027").unwrap();
        dir.events.push(next);
        let mut list = FollowUpList::new();
        let id = list
            .mark_visit(&dir, "forja-bajio", "paace-2026", Some(VisitMark::ComeBack), Lang::Es, 1)
            .unwrap()
            .unwrap();
        list.mark_visit(&dir, "forja-bajio", "paace-2027", Some(VisitMark::Visited), Lang::Es, 2).unwrap();
        let entry = list.get(&id).unwrap();
        assert_eq!(entry.visits.len(), 2);
        assert_eq!(entry.last_visit_elsewhere("paace-2027").map(|v| v.mark), Some(VisitMark::ComeBack));
        assert_eq!(entry.last_visit_elsewhere("paace-2026").map(|v| v.mark), Some(VisitMark::Visited));
    }
}
