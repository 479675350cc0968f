//! The loaded directory (`DirectoryState`, with its search index in a `Catalog`) and how
//! fresh it is (`DataFreshness`, read-only: the directory's state machine writes it).

use std::sync::{Arc, OnceLock};

use leptos::prelude::*;
use leptos::task::spawn_local;
use vitrina_core::query::{Facet, ListQuery};
use vitrina_core::search::{drop_unknown_filters, IndexBuilder, SearchIndex};
use vitrina_core::Loaded;

use super::Navigation;
use crate::adapters::directory_fetch::{fetch_directory_copy, DirectoryCopy, LoadFailure, Wanted};
use crate::adapters::{network, page, preview, scheduling};

/// A loaded directory with its search index, built once per load.
pub struct Catalog {
    pub loaded: Loaded,
    index: OnceLock<SearchIndex>,
}

impl Catalog {
    /// A loaded directory, indexed when first searched.
    pub fn new(loaded: Loaded) -> Catalog {
        Catalog { loaded, index: OnceLock::new() }
    }

    /// The search index, built on first use: a profile or the follow-up list opened from a
    /// link shows before it exists.
    pub fn index(&self) -> &SearchIndex {
        self.index.get_or_init(|| SearchIndex::build(&self.loaded.directory))
    }

    /// Builds the search index ahead of its first use, a step per task (see `IndexBuilder`; the
    /// words are read from the members for `scheduling::step_budget` per task).
    pub async fn index_in_steps(&self) {
        if self.index.get().is_some() {
            return;
        }
        let mut builder = IndexBuilder::new(&self.loaded.directory);
        loop {
            scheduling::next_task().await;
            if let Some(index) = builder.step_while(scheduling::step_budget()) {
                // Another caller may have needed it in the meantime and built it at once.
                let _ = self.index.set(index);
                return;
            }
        }
    }
}

impl Catalog {
    /// `query` without the filter values this directory does not have, and those values:
    /// by the index when it is built, else from the members (a profile opened from a link
    /// does not build the index for it).
    pub fn drop_unknown_filters(&self, query: &ListQuery) -> (ListQuery, Vec<(Facet, String)>) {
        match self.index.get() {
            Some(index) => index.drop_unknown_filters(query),
            None => drop_unknown_filters(&self.loaded.directory, query),
        }
    }
}

impl std::ops::Deref for Catalog {
    type Target = Loaded;

    fn deref(&self) -> &Loaded {
        &self.loaded
    }
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Catalog({} members)", self.loaded.directory.members.len())
    }
}

/// Where loading the directory file stands.
#[derive(Clone, Debug)]
pub enum LoadState {
    /// The file is being fetched and read.
    Loading,
    /// The directory loaded, perhaps with problems listed for the staff.
    Ready(Arc<Catalog>),
    /// Nothing usable arrived; the error screen says why.
    Failed(LoadFailure),
}

/// Where the directory shown comes from: the load, the check for a newer file and the
/// switch to it, one state machine. Its inputs are explicit: the `Navigation` it was made
/// with (which page waits for the file, and where routes are checked against it) and the
/// network's state (`network_changed`).
#[derive(Clone, Copy)]
pub struct DirectoryState {
    state: RwSignal<LoadState>,
    freshness: DataFreshness,
    navigation: Navigation,
}

impl DirectoryState {
    /// Nothing loaded yet; `load` fetches the file.
    pub fn new(navigation: Navigation) -> DirectoryState {
        DirectoryState { state: RwSignal::new(LoadState::Loading), freshness: DataFreshness::new(), navigation }
    }

    /// A directory already loaded (tests, and pages mounted on their own).
    pub fn showing(navigation: Navigation, catalog: Arc<Catalog>) -> DirectoryState {
        let directory = DirectoryState::new(navigation);
        directory.show(catalog);
        directory
    }

    /// How fresh the shown directory is, for the lines that say so.
    pub fn freshness(self) -> DataFreshness {
        self.freshness
    }

    /// Where loading stands (tracked).
    pub fn state(self) -> ReadSignal<LoadState> {
        self.state.read_only()
    }

    /// Whether the load failed (tracked).
    pub fn failed(self) -> bool {
        self.state.with(|state| matches!(state, LoadState::Failed(_)))
    }

    fn show(self, catalog: Arc<Catalog>) {
        // Routes are checked against the directory before any page reads it.
        self.navigation.know_directory(catalog.clone());
        self.state.set(LoadState::Ready(catalog));
    }

    /// Fetches the configured directory file and publishes the outcome, records the copy's
    /// age and checks for a newer one.
    /// A preview's directory comes from the staff page instead: nothing is fetched, so no
    /// copy of it is kept for offline use, and nothing checks for a newer one.
    pub fn load(self) {
        self.state.set(LoadState::Loading);
        let route = self.navigation.current_untracked();
        let shown_without_it = route.shows_without_directory();
        let on_a_list = route.list_query().is_some();
        let freshness = self.freshness;
        let preview = preview::requested();
        spawn_local(async move {
            if shown_without_it && !preview {
                // The page is shown first, and the file then has the connection to itself.
                scheduling::when_idle().await;
            }
            // A preview has no address: the error screen says where its file came from instead.
            let (url, wanted) = match preview {
                true => (String::new(), Wanted::Preview),
                false => (page::directory_url(), Wanted::Usual),
            };
            match fetch_directory_copy(&url, wanted).await {
                Ok(copy) => {
                    let DirectoryCopy { loaded, from_saved_copy, fetched_at_ms, fingerprint } = copy;
                    // Reading the file, indexing it (when the page is a list) and showing the
                    // first results are separate tasks, not one long one: a phone paints and
                    // answers taps in between.
                    let catalog = Arc::new(Catalog::new(loaded));
                    if on_a_list {
                        catalog.index_in_steps().await;
                    }
                    scheduling::next_task().await;
                    self.show(catalog);
                    freshness.shown.set_value(ShownCopy { from_saved_copy, fingerprint });
                    freshness.newer.set(None);
                    freshness.fetched_at_ms.set(Some(fetched_at_ms));
                    self.check();
                }
                Err(failure) => self.state.set(LoadState::Failed(failure)),
            }
            scheduling::after_next_paint().await;
            page::mark_ready();
        });
    }

    /// The loaded directory, if there is one (tracked).
    pub fn loaded(self) -> Option<Arc<Catalog>> {
        match self.state.get() {
            LoadState::Ready(loaded) => Some(loaded),
            _ => None,
        }
    }

    /// The browser went online or offline: back online with the saved copy on screen, see
    /// whether the server has a newer one.
    pub fn network_changed(self, online: bool) {
        self.freshness.online.set(online);
        if online {
            self.check();
        }
    }

    /// When the shown directory is the copy kept for offline use and the browser is
    /// online, asks the server for its file in the background and offers it if it
    /// differs and loads. A failed check changes nothing: the visitor keeps what they have.
    fn check(self) {
        let freshness = self.freshness;
        let shown = freshness.shown.get_value();
        if !shown.from_saved_copy || !freshness.online.get_untracked() || freshness.checking.get_value() {
            return;
        }
        freshness.checking.set_value(true);
        spawn_local(async move {
            let url = page::directory_url();
            let fresh = fetch_directory_copy(&url, Wanted::Fresh).await;
            // Offer nothing over an error screen or a load under way: those show the newest anyway.
            let showing = matches!(self.state.get_untracked(), LoadState::Ready(_));
            match fresh {
                Ok(copy) if showing && copy.fingerprint == shown.fingerprint => {
                    // The server has what is shown: it is as fresh as can be.
                    freshness.shown.set_value(ShownCopy { from_saved_copy: false, ..shown });
                    freshness.fetched_at_ms.set(Some(copy.fetched_at_ms));
                }
                Ok(copy) if showing => {
                    let newer = NewerDirectory {
                        catalog: Arc::new(Catalog::new(copy.loaded)),
                        fingerprint: copy.fingerprint,
                        fetched_at_ms: copy.fetched_at_ms,
                    };
                    freshness.newer.set(Some(newer));
                }
                _ => {}
            }
            freshness.checking.set_value(false);
        });
    }

    /// Shows the newer directory on offer, if any.
    pub fn use_newer(self) {
        let freshness = self.freshness;
        let Some(newer) = freshness.newer.get_untracked() else {
            return;
        };
        freshness.shown.set_value(ShownCopy { from_saved_copy: false, fingerprint: newer.fingerprint });
        freshness.fetched_at_ms.set(Some(newer.fetched_at_ms));
        freshness.newer.set(None);
        self.show(newer.catalog);
    }

    /// Keeps the directory shown; the newer one is no longer offered.
    pub fn dismiss_newer(self) {
        self.freshness.newer.set(None);
    }
}

/// A valid directory newer than the one shown, waiting for the visitor to ask for it.
#[derive(Clone, Debug)]
pub struct NewerDirectory {
    pub catalog: Arc<Catalog>,
    fingerprint: Option<u64>,
    fetched_at_ms: f64,
}

#[derive(Clone, Copy, Debug, Default)]
struct ShownCopy {
    from_saved_copy: bool,
    fingerprint: Option<u64>,
}

/// How old the shown directory is, whether the browser is online, and whether a newer
/// directory is on offer (read-only: `DirectoryState` changes it).
#[derive(Clone, Copy)]
pub struct DataFreshness {
    online: RwSignal<bool>,
    fetched_at_ms: RwSignal<Option<f64>>,
    newer: RwSignal<Option<NewerDirectory>>,
    shown: StoredValue<ShownCopy>,
    checking: StoredValue<bool>,
}

impl DataFreshness {
    fn new() -> DataFreshness {
        DataFreshness {
            online: RwSignal::new(network::is_online()),
            fetched_at_ms: RwSignal::new(None),
            newer: RwSignal::new(None),
            shown: StoredValue::new(ShownCopy::default()),
            checking: StoredValue::new(false),
        }
    }

    /// Whether the browser has a network now (tracked).
    pub fn online(self) -> bool {
        self.online.get()
    }

    /// When the shown copy was downloaded, in milliseconds since 1970 (tracked).
    pub fn fetched_at_ms(self) -> Option<f64> {
        self.fetched_at_ms.get()
    }

    /// Whether a newer directory is on offer (tracked).
    pub fn has_newer(self) -> bool {
        self.newer.with(Option::is_some)
    }
}
