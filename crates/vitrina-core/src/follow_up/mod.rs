//! The visitor's follow-up list ("Mi seguimiento / My follow-up"): the pure core of issue 4.
//!
//! Most opportunities made at a fair are lost for lack of follow-up; this list
//! is how Vitrina prevents that with no account and nothing leaving the device.
//!
//! - [`FollowUpList`] and [`Entry`]: members, contacts and people met, with a
//!   note, a [`Status`], a next date and where we met; edits take `now_ms`
//!   from the caller (the core never reads a clock); views and counts for the
//!   list page ([`FollowUpList::view`], [`FollowUpList::overdue_count`]).
//! - [`store`]: the storage logic behind [`KeyValueStore`] — keys per directory,
//!   corrupt values set aside, newer versions read-only, migrations, merging tabs.
//! - [`merge()`]: entry-by-entry, newer edit wins, deletions respected.
//! - [`nudge`]: when to suggest a backup, without nagging.
//! - [`mod@export`]: vCard, CSV, iCalendar and the JSON backup with its merging import.
//! - [`share`]: shortlist links and the compressed, chunked handoff.
//! - [`typing`]: typing while other tabs change the list, and drafts that survive a crash.
//! - [`links`]: `mailto:`, `tel:` and WhatsApp links with a prefilled message.

#![warn(missing_docs)]

pub mod document;
pub mod entry;
pub mod export;
pub mod links;
pub mod list;
pub mod merge;
pub mod migrate;
pub mod nudge;
pub mod share;
pub mod store;
pub mod typing;

#[cfg(test)]
pub(crate) mod test_support;

pub use document::{parse_document, DocumentError, ParsedDocument, Repairs, DOCUMENT_KIND, DOCUMENT_VERSION};
pub use entry::{
    next_date_from_field, utc_date, Channel, ContactRecord, DateProblem, Due, Entry, EntryId, MetAt, Millis,
    PersonDetails, PersonField, PersonProblem, Snapshot, Status, Target, Visit, VisitMark, DAY_MS, MAX_VISITS,
};
pub use export::backup::{import_backup, CompanyFromFile, ImportError, ImportSummary};
pub use export::{export, ExportFile, ExportFormat, Scope};
pub use links::{follow_up_links, FollowUpLinks};
pub use list::{
    Added, Filter, FollowUpError, FollowUpList, RefreshSummary, Removed, Tombstone, TOMBSTONE_RETENTION_DAYS,
};
pub use merge::{merge, MergeCounts};
pub use nudge::{backup_nudge, Nudge, NudgeReason};
pub use share::{HandoffAssembler, HandoffError, Shortlist};
pub use store::{
    storage_key, FollowUpStore, KeyValueStore, LoadOutcome, MemoryStore, Persistence, SaveOutcome, StoreError,
    SyncOutcome, WritesRefused,
};
