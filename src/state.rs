//! The app-wide state shared through context: plain data in signals, no logic.

use std::sync::{Arc, OnceLock};

use leptos::prelude::*;
use leptos::task::spawn_local;
use vitrina_core::history_writes::{HistoryWrite, HistoryWrites, WRITE_INTERVAL_MS};
use vitrina_core::search::{IndexBuilder, SearchIndex};
use vitrina_core::{Lang, Loaded, Route};

use crate::adapters::directory_fetch::{fetch_directory_copy, DirectoryCopy, LoadFailure, Wanted};
use crate::adapters::hash_location::{self, HistoryMode};
use crate::adapters::{network, page, scheduling};

/// The interface language the visitor sees.
#[derive(Clone, Copy)]
pub struct UiLang(pub RwSignal<Lang>);

/// The screen the URL fragment points at.
#[derive(Clone, Copy)]
pub struct CurrentRoute(pub RwSignal<Route>);

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

/// The intent to move around the app, keeping the address bar and Back in step.
///
/// The route signal changes at once; the address bar follows typing at most every
/// `WRITE_INTERVAL_MS` (the History API costs milliseconds per call), with a trailing
/// write that always carries the last state and is made early when the visitor takes
/// another step or the page is hidden or unloaded.
#[derive(Clone, Copy)]
pub struct Navigation {
    route: RwSignal<Route>,
    writes: StoredValue<HistoryWrites<Route>>,
    /// The last write to the address bar: (fragment before, fragment after, when).
    last_write: StoredValue<Option<(String, String, f64)>>,
    /// The fragment the address bar holds as far as the app knows: what it last wrote or
    /// followed. Another one there means the visitor (or Back) changed it and its
    /// `hashchange` has not been handled yet.
    address: StoredValue<String>,
}

/// How long after a write to the address bar a reload may still have read the address before it.
const WRITE_RACE_MS: f64 = 1000.0;

impl Navigation {
    /// Wraps the route signal, and writes what is pending before the page goes away.
    pub fn new(route: RwSignal<Route>) -> Navigation {
        let navigation = Navigation {
            route,
            writes: StoredValue::new(HistoryWrites::default()),
            last_write: StoredValue::new(None),
            address: StoredValue::new(hash_location::current_fragment()),
        };
        // pagehide covers unloading and the back-forward cache; visibilitychange covers a
        // phone switching apps, after which the page may be discarded without pagehide.
        let on_pagehide = window_event_listener(leptos::ev::pagehide, move |_| navigation.flush_before_unload());
        let on_hidden = window_event_listener(leptos::ev::visibilitychange, move |_| navigation.flush());
        // A link to a profile navigates after its click event: the search typed just
        // before must be in the entry that Back returns to.
        let on_click = window_event_listener(leptos::ev::click, move |_| navigation.flush());
        on_cleanup(move || {
            on_pagehide.remove();
            on_hidden.remove();
            on_click.remove();
        });
        navigation
    }

    /// Goes to `route` as a new step in the history; the address bar follows after the
    /// frame that shows it (a `pushState` costs up to tens of milliseconds on a slow phone).
    pub fn go(self, route: Route) {
        if let Some(earlier) = self.writes.try_update_value(|writes| writes.step(route.clone())).flatten() {
            self.write(&earlier);
        }
        self.route.set(route);
        self.flush_after_next_frame();
    }

    fn flush_after_next_frame(self) {
        request_animation_frame(move || set_timeout(move || self.flush(), std::time::Duration::ZERO));
        // Hidden pages get no animation frames: this one writes it there (flush is idempotent).
        set_timeout(move || self.flush(), std::time::Duration::from_millis(250));
    }

    /// Moves to `route` as a refinement of the current step (search typing).
    pub fn refine(self, route: Route) {
        let now = scheduling::now_ms();
        let refinement = self.writes.try_update_value(|writes| writes.refine(route.clone(), now));
        self.route.set(route);
        let Some(refinement) = refinement else { return };
        if let Some(earlier) = refinement.write_now {
            self.write(&earlier);
        }
        if let Some(at) = refinement.timer_at {
            let wait_ms = if at <= now {
                // The first refinement of a burst: its new entry is written after the frame
                // that shows its results, and the timer carries later keystrokes one
                // interval on.
                self.flush_after_next_frame();
                WRITE_INTERVAL_MS
            } else {
                at - now
            };
            let delay = std::time::Duration::from_secs_f64(wait_ms / 1000.0);
            set_timeout(
                move || {
                    let now = scheduling::now_ms();
                    if let Some(due) = self.writes.try_update_value(|writes| writes.due(now)).flatten() {
                        self.write(&due);
                    }
                },
                delay,
            );
        }
    }

    /// Corrects the address bar without a new step (e.g. dropping stale filters).
    pub fn correct(self, route: Route) {
        self.flush();
        self.write_address(&route, HistoryMode::Replace);
        self.route.set(route);
    }

    /// Follows the address bar after Back, Forward or an edited address.
    pub fn follow_location(self) {
        // What was pending belongs to the entry the visitor left.
        self.writes.update_value(|writes| writes.discard());
        self.route.set(hash_location::current_route());
        self.address.set_value(hash_location::current_fragment());
    }

    /// Writes what typing left pending, now.
    pub fn flush(self) {
        if let Some(pending) = self.writes.try_update_value(|writes| writes.flush()).flatten() {
            self.write(&pending);
        }
    }

    /// Writes what is pending as the page goes away. A reload has already taken its URL
    /// by then, so the state is also left in this tab's session storage for the next page.
    fn flush_before_unload(self) {
        match self.writes.try_update_value(|writes| writes.flush()).flatten() {
            Some(pending) => {
                let written = hash_location::current_fragment();
                // Not written when the address changed under the app: no note then, or the
                // next page would put the typed search over the address the visitor chose.
                let note = self.write(&pending).then(|| (written, pending.route.to_fragment()));
                hash_location::leave_unwritten(note.as_ref().map(|(before, after)| (before.as_str(), after.as_str())));
            }
            // Nothing pending, but a timer or the page being hidden may have written the
            // address after a reload read it: the note says what the visitor last had (a reload
            // that read the new address ignores it). A note left when this page went into the
            // back-forward cache, or one about an older write, is stale now.
            None => {
                let recent = self.last_write.get_value().filter(|(_, _, at)| scheduling::now_ms() - at < WRITE_RACE_MS);
                hash_location::leave_unwritten(
                    recent.as_ref().map(|(before, after, _)| (before.as_str(), after.as_str())),
                );
            }
        }
    }

    /// The route shown now (tracked).
    pub fn current(self) -> Route {
        self.route.get()
    }

    /// The route shown now, without subscribing to changes.
    pub fn current_untracked(self) -> Route {
        self.route.get_untracked()
    }

    /// Writes what typing left pending to the address bar, remembering what it showed before
    /// (see `flush_before_unload`); false, and the pending state dropped, when the address
    /// changed under the app (see `write_address`).
    fn write(self, pending: &HistoryWrite<Route>) -> bool {
        let before = self.address.get_value();
        let mode = if pending.push { HistoryMode::Push } else { HistoryMode::Replace };
        if !self.write_address(&pending.route, mode) {
            // It belongs to the entry the visitor left, as in `follow_location`.
            self.writes.update_value(|writes| writes.discard());
            return false;
        }
        self.last_write.set_value(Some((before, pending.route.to_fragment(), scheduling::now_ms())));
        true
    }

    /// Puts `route` in the address bar unless the address there is not the one the app last
    /// wrote or followed: a timer may fire between the address changing (a link, Back, a typed
    /// URL) and its `hashchange`, and writing then would put the search typed before back over
    /// the page the visitor asked for. True when written.
    fn write_address(self, route: &Route, mode: HistoryMode) -> bool {
        if self.address.with_value(|address| *address != hash_location::current_fragment()) {
            return false;
        }
        hash_location::write_route(route, mode);
        self.address.set_value(hash_location::current_fragment());
        true
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
