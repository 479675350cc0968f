//! The loaded directory (`DirectoryState`, with its search index in a `Catalog`) and how
//! fresh it is (`DataFreshness`).

use std::sync::{Arc, OnceLock};

use leptos::prelude::*;
use leptos::task::spawn_local;
use vitrina_core::search::{IndexBuilder, SearchIndex};
use vitrina_core::Loaded;

use super::CurrentRoute;
use crate::adapters::directory_fetch::{fetch_directory_copy, DirectoryCopy, LoadFailure, Wanted};
use crate::adapters::{network, page, scheduling};

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

/// The loaded directory, with the intent to (re)load it.
#[derive(Clone, Copy)]
pub struct DirectoryState(pub RwSignal<LoadState>);

impl DirectoryState {
    /// Fetches the configured directory file and publishes the outcome; with a
    /// `DataFreshness` in context, records the copy's age and checks for a newer one.
    pub fn load(self) {
        self.0.set(LoadState::Loading);
        let freshness = use_context::<DataFreshness>();
        let route = use_context::<CurrentRoute>();
        let shown_without_it =
            route.is_some_and(|CurrentRoute(route)| route.with_untracked(|route| route.shows_without_directory()));
        spawn_local(async move {
            if shown_without_it {
                // The page is shown first, and the file then has the connection to itself.
                scheduling::when_idle().await;
            }
            let url = page::directory_url();
            match fetch_directory_copy(&url, Wanted::Usual).await {
                Ok(copy) => {
                    let DirectoryCopy { loaded, from_saved_copy, fetched_at_ms, fingerprint } = copy;
                    // Reading the file, indexing it (when the page is a list) and showing the
                    // first results are separate tasks, not one long one: a phone paints and
                    // answers taps in between.
                    let catalog = Arc::new(Catalog::new(loaded));
                    let on_a_list = route
                        .is_some_and(|CurrentRoute(route)| route.with_untracked(|route| route.list_query().is_some()));
                    if on_a_list {
                        catalog.index_in_steps().await;
                    }
                    scheduling::next_task().await;
                    self.0.set(LoadState::Ready(catalog));
                    if let Some(freshness) = freshness {
                        freshness.shown.set_value(ShownCopy { from_saved_copy, fingerprint });
                        freshness.newer.set(None);
                        freshness.fetched_at_ms.set(Some(fetched_at_ms));
                        freshness.check(self);
                    }
                }
                Err(failure) => self.0.set(LoadState::Failed(failure)),
            }
            scheduling::after_next_paint().await;
            page::mark_ready();
        });
    }

    /// The loaded directory, if there is one (tracked).
    pub fn loaded(self) -> Option<Arc<Catalog>> {
        match self.0.get() {
            LoadState::Ready(loaded) => Some(loaded),
            _ => None,
        }
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

/// How old the shown directory is, whether the browser is online, and a newer
/// directory on offer: the data never changes under the visitor without their word.
#[derive(Clone, Copy)]
pub struct DataFreshness {
    /// Whether the browser has a network now (tracked from its online/offline events).
    pub online: RwSignal<bool>,
    /// When the shown copy was downloaded (milliseconds since 1970).
    pub fetched_at_ms: RwSignal<Option<f64>>,
    /// A newer directory the visitor may switch to.
    pub newer: RwSignal<Option<NewerDirectory>>,
    shown: StoredValue<ShownCopy>,
    checking: StoredValue<bool>,
}

impl DataFreshness {
    /// Starts with the browser's current online state.
    pub fn new() -> DataFreshness {
        DataFreshness {
            online: RwSignal::new(network::is_online()),
            fetched_at_ms: RwSignal::new(None),
            newer: RwSignal::new(None),
            shown: StoredValue::new(ShownCopy::default()),
            checking: StoredValue::new(false),
        }
    }

    /// When the shown directory is the copy kept for offline use and the browser is
    /// online, asks the server for its file in the background and offers it if it
    /// differs and loads. A failed check changes nothing: the visitor keeps what they have.
    pub fn check(self, directory: DirectoryState) {
        let shown = self.shown.get_value();
        if !shown.from_saved_copy || !self.online.get_untracked() || self.checking.get_value() {
            return;
        }
        self.checking.set_value(true);
        spawn_local(async move {
            let url = page::directory_url();
            let fresh = fetch_directory_copy(&url, Wanted::Fresh).await;
            // Offer nothing over an error screen or a load under way: those show the newest anyway.
            let showing = matches!(directory.0.get_untracked(), LoadState::Ready(_));
            match fresh {
                Ok(copy) if showing && copy.fingerprint == shown.fingerprint => {
                    // The server has what is shown: it is as fresh as can be.
                    self.shown.set_value(ShownCopy { from_saved_copy: false, ..shown });
                    self.fetched_at_ms.set(Some(copy.fetched_at_ms));
                }
                Ok(copy) if showing => {
                    let newer = NewerDirectory {
                        catalog: Arc::new(Catalog::new(copy.loaded)),
                        fingerprint: copy.fingerprint,
                        fetched_at_ms: copy.fetched_at_ms,
                    };
                    self.newer.set(Some(newer));
                }
                _ => {}
            }
            self.checking.set_value(false);
        });
    }

    /// Shows the newer directory on offer, if any.
    pub fn use_newer(self, directory: DirectoryState) {
        let Some(newer) = self.newer.get_untracked() else {
            return;
        };
        self.shown.set_value(ShownCopy { from_saved_copy: false, fingerprint: newer.fingerprint });
        self.fetched_at_ms.set(Some(newer.fetched_at_ms));
        self.newer.set(None);
        directory.0.set(LoadState::Ready(newer.catalog));
    }
}

impl Default for DataFreshness {
    fn default() -> Self {
        DataFreshness::new()
    }
}
