//! The app-wide state shared through context: the newtypes components look up with
//! `expect_context`, each in its own module when it carries logic. None hands out a
//! writable signal: readers get read-only signals, and changes go through intent methods.

mod announcer;
mod directory;
mod navigation;
mod today;

use std::collections::HashMap;

use leptos::prelude::*;
use vitrina_core::follow_up::share::HandoffProgress;
use vitrina_core::follow_up::{FollowUpList, HandoffAssembler, HandoffError, Millis};
use vitrina_core::Lang;

pub use self::announcer::Announcer;
pub use self::directory::{Catalog, DataFreshness, DirectoryState, LoadState, NewerDirectory};
pub use self::navigation::Navigation;
pub use self::today::Today;
use crate::adapters::preferences;

/// The interface language the visitor sees.
#[derive(Clone, Copy)]
pub struct UiLang {
    lang: RwSignal<Lang>,
}

impl UiLang {
    /// Starts in `lang`.
    pub fn new(lang: Lang) -> UiLang {
        UiLang { lang: RwSignal::new(lang) }
    }

    /// The language (tracked).
    pub fn signal(self) -> ReadSignal<Lang> {
        self.lang.read_only()
    }

    /// Switches to the language the visitor chose, and remembers the choice: only an
    /// explicit choice is, so a visitor who never picks keeps following their browser's.
    pub fn choose(self, lang: Lang) {
        self.lang.set(lang);
        preferences::store_language(lang);
    }
}

/// Which member list a length belongs to: the directory's (`None`) or an event's.
pub type ListKey = Option<String>;

/// How many rows each member list shows, kept across visits to profiles so that Back returns
/// to the same list. One length per list: "show more" on one event's list leaves the others
/// as they were.
#[derive(Clone, Copy, Default)]
pub struct ListLengths {
    lengths: StoredValue<HashMap<ListKey, usize>>,
}

impl ListLengths {
    /// No list lengthened yet.
    pub fn new() -> ListLengths {
        ListLengths::default()
    }

    /// The rows `list` showed when last left, or `initial`.
    pub fn of(self, list: &ListKey, initial: usize) -> usize {
        self.lengths.with_value(|lengths| lengths.get(list).copied()).unwrap_or(initial)
    }

    /// Remembers how many rows `list` shows.
    pub fn remember(self, list: ListKey, rows: usize) {
        self.lengths.update_value(|lengths| {
            lengths.insert(list, rows);
        });
    }
}

/// Collects handed-over parts across visits until the whole list can be merged in.
#[derive(Clone, Copy)]
pub struct HandoffInbox {
    assembler: RwSignal<HandoffAssembler>,
}

impl HandoffInbox {
    /// An empty inbox.
    pub fn new() -> HandoffInbox {
        HandoffInbox { assembler: RwSignal::new(HandoffAssembler::new()) }
    }

    /// Takes in one part, arrived by link. The page that shows the part calls it while it is
    /// built, before anything reads the inbox: nothing is notified then (no signal is written
    /// while rendering), and what the page builds next reads the inbox with the part in it.
    pub fn receive(self, fragment: &str) -> Result<(), HandoffError> {
        self.assembler.try_update_untracked(|assembler| assembler.add(fragment).map(|_| ())).unwrap_or(Ok(()))
    }

    /// How many parts arrived, and which are missing (tracked).
    pub fn progress(self) -> Option<HandoffProgress> {
        self.assembler.with(HandoffAssembler::progress)
    }

    /// Whether every part arrived (tracked).
    pub fn is_complete(self) -> bool {
        self.assembler.with(HandoffAssembler::is_complete)
    }

    /// Whether every part arrived and the list they make has no entries (tracked): there is
    /// nothing to offer to add (issue 13), unless it carries the visitor's company (issue 16).
    pub fn holds_no_entries(self) -> bool {
        self.assembler.with(|assembler| {
            assembler.is_complete()
                && assembler.finish(0).is_ok_and(|list| list.is_empty() && list.my_company().is_none())
        })
    }

    /// The handed-over list, once whole; the inbox is emptied when it is.
    pub fn take(self, now_ms: Millis) -> Result<FollowUpList, HandoffError> {
        let received = self.assembler.with_untracked(|assembler| assembler.finish(now_ms))?;
        self.assembler.update(HandoffAssembler::reset);
        Ok(received)
    }
}

impl Default for HandoffInbox {
    fn default() -> HandoffInbox {
        HandoffInbox::new()
    }
}
