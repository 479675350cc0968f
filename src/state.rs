//! The app-wide state shared through context: plain data in signals, no logic.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use vitrina_core::search::SearchIndex;
use vitrina_core::{Lang, Loaded, Route};

use crate::adapters::directory_fetch::{fetch_directory_copy, DirectoryCopy, LoadFailure, Wanted};
use crate::adapters::hash_location::{self, HistoryMode};
use crate::adapters::{network, page};

/// The interface language the visitor sees.
#[derive(Clone, Copy)]
pub struct UiLang(pub RwSignal<Lang>);

/// The screen the URL fragment points at.
#[derive(Clone, Copy)]
pub struct CurrentRoute(pub RwSignal<Route>);

/// A loaded directory with its search index, built once per load.
pub struct Catalog {
    pub loaded: Loaded,
    pub index: SearchIndex,
}

impl Catalog {
    /// Indexes a loaded directory.
    pub fn new(loaded: Loaded) -> Catalog {
        let index = SearchIndex::build(&loaded.directory);
        Catalog { loaded, index }
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
        spawn_local(async move {
            let url = page::directory_url();
            match fetch_directory_copy(&url, Wanted::Usual).await {
                Ok(copy) => {
                    let DirectoryCopy { loaded, from_saved_copy, fetched_at_ms, fingerprint } = copy;
                    self.0.set(LoadState::Ready(Arc::new(Catalog::new(loaded))));
                    if let Some(freshness) = freshness {
                        freshness.shown.set_value(ShownCopy { from_saved_copy, fingerprint });
                        freshness.newer.set(None);
                        freshness.fetched_at_ms.set(Some(fetched_at_ms));
                        freshness.check(self);
                    }
                }
                Err(failure) => self.0.set(LoadState::Failed(failure)),
            }
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

/// The intent to move around the app, keeping the address bar and Back in step.
#[derive(Clone, Copy)]
pub struct Navigation {
    route: RwSignal<Route>,
    last_refinement_ms: StoredValue<f64>,
}

/// A refinement within this many milliseconds of the previous one replaces its
/// history entry, so typing a word is one step for Back, not one per letter.
const REFINEMENT_WINDOW_MS: f64 = 1500.0;

impl Navigation {
    /// Wraps the route signal.
    pub fn new(route: RwSignal<Route>) -> Navigation {
        Navigation { route, last_refinement_ms: StoredValue::new(f64::NEG_INFINITY) }
    }

    /// Goes to `route` as a new step in the history.
    pub fn go(self, route: Route) {
        self.last_refinement_ms.set_value(f64::NEG_INFINITY);
        hash_location::write_route(&route, HistoryMode::Push);
        self.route.set(route);
    }

    /// Moves to `route` as a refinement of the current step (search typing).
    pub fn refine(self, route: Route) {
        let now = hash_location::now_ms();
        let mode = if now - self.last_refinement_ms.get_value() < REFINEMENT_WINDOW_MS {
            HistoryMode::Replace
        } else {
            HistoryMode::Push
        };
        self.last_refinement_ms.set_value(now);
        hash_location::write_route(&route, mode);
        self.route.set(route);
    }

    /// Corrects the address bar without a new step (e.g. dropping stale filters).
    pub fn correct(self, route: Route) {
        hash_location::write_route(&route, HistoryMode::Replace);
        self.route.set(route);
    }

    /// The route shown now (tracked).
    pub fn current(self) -> Route {
        self.route.get()
    }

    /// The route shown now, without subscribing to changes.
    pub fn current_untracked(self) -> Route {
        self.route.get_untracked()
    }
}

/// How many rows of the member list are rendered, kept across visits to profiles
/// so that Back returns to the same list.
#[derive(Clone, Copy)]
pub struct ListLength(pub RwSignal<usize>);

/// How long results must stay unchanged before their count is spoken: a pause in
/// typing, so a screen reader is not interrupted by every keystroke's count.
const SETTLE_MS: u64 = 700;

/// A short pause before a new message, so that the same message twice is spoken twice
/// (the live region is emptied first).
const REPEAT_MS: u64 = 100;

/// What the screen-reader live region (`components::live_region`) says next.
#[derive(Clone, Copy)]
pub struct Announcer {
    message: RwSignal<String>,
    pending: StoredValue<Option<TimeoutHandle>>,
}

impl Announcer {
    /// An announcer with nothing to say yet.
    pub fn new() -> Announcer {
        Announcer { message: RwSignal::new(String::new()), pending: StoredValue::new(None) }
    }

    /// The text of the live region (tracked).
    pub fn message(self) -> Signal<String> {
        self.message.into()
    }

    /// Says `text` now: a status change the visitor caused (saved, undone, an error).
    pub fn announce(self, text: String) {
        self.message.set(String::new());
        self.schedule(text, REPEAT_MS);
    }

    /// Says `text` once nothing else was asked for a moment: result counts while typing.
    pub fn announce_when_settled(self, text: String) {
        self.schedule(text, SETTLE_MS);
    }

    fn schedule(self, text: String, delay_ms: u64) {
        if let Some(handle) = self.pending.get_value() {
            handle.clear();
        }
        let message = self.message;
        let later = text.clone();
        match set_timeout_with_handle(move || message.set(later), std::time::Duration::from_millis(delay_ms)) {
            Ok(handle) => self.pending.set_value(Some(handle)),
            // Without a timer the message is said at once rather than not at all.
            Err(_) => {
                self.pending.set_value(None);
                message.set(text);
            }
        }
    }
}

impl Default for Announcer {
    fn default() -> Announcer {
        Announcer::new()
    }
}
