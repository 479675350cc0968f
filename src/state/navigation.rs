//! Moving around the app with the address bar and Back in step.

use std::sync::Arc;

use leptos::prelude::*;
use vitrina_core::history_writes::{HistoryWrite, HistoryWrites};
use vitrina_core::query::{Facet, ListQuery};
use vitrina_core::Route;

use super::Catalog;
use crate::adapters::clock;
use crate::adapters::hash_location::{self, HistoryMode};

/// The intent to move around the app, keeping the address bar and Back in step.
///
/// The route signal changes at once; the address bar follows typing when it pauses
/// (`PAUSE_MS`, or every `MAX_WAIT_MS` of typing that does not; the History API costs
/// milliseconds per call), always with the last state, and at once when the visitor takes
/// another step or the page is hidden or unloaded.
///
/// A route that arrives from outside (the address at start, Back, a link) is checked against
/// the directory once it is known: filters it does not have are dropped there, where the
/// route is made, the address corrected, and what was dropped kept for a quiet notice until
/// the visitor changes the list's query.
#[derive(Clone, Copy)]
pub struct Navigation {
    route: RwSignal<Route>,
    /// The filters dropped from the route last checked, for the list's notice.
    dropped_filters: RwSignal<Vec<(Facet, String)>>,
    /// The list query the dropped filters were dropped from (as corrected).
    dropped_from: StoredValue<Option<ListQuery>>,
    /// The directory routes are checked against, once loaded.
    catalog: StoredValue<Option<Arc<Catalog>>>,
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
    /// Starts at `route` (the address's, in the app), and writes what is pending before the
    /// page goes away.
    pub fn new(route: Route) -> Navigation {
        let navigation = Navigation {
            route: RwSignal::new(route),
            dropped_filters: RwSignal::new(Vec::new()),
            dropped_from: StoredValue::new(None),
            catalog: StoredValue::new(None),
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
        self.show(route);
        self.flush_after_next_frame();
    }

    /// Writes a step's new entry after the frame that shows it; typing's waits for its pause.
    fn flush_after_next_frame(self) {
        let flush_new_entry = move || {
            if let Some(entry) = self.writes.try_update_value(|writes| writes.flush_new_entry()).flatten() {
                self.write(&entry);
            }
        };
        request_animation_frame(move || set_timeout(flush_new_entry, std::time::Duration::ZERO));
        // Hidden pages get no animation frames: this one writes it there (it writes only once).
        set_timeout(flush_new_entry, std::time::Duration::from_millis(250));
    }

    /// Moves to `route` as a refinement of the current step (search typing).
    pub fn refine(self, route: Route) {
        let now = clock::monotonic_ms();
        let refinement = self.writes.try_update_value(|writes| writes.refine(route.clone(), now));
        self.show(route);
        let Some(refinement) = refinement else { return };
        if let Some(earlier) = refinement.write_now {
            self.write(&earlier);
        }
        if let Some(at) = refinement.timer_at {
            self.wake_at(at, now);
        }
    }

    /// Asks the write rule at `at` (ms) whether typing paused; it moves the time on while
    /// the visitor types, so one timer runs per burst instead of one cleared per key.
    fn wake_at(self, at: f64, now: f64) {
        // Rounded up: a timer truncated to the millisecond would wake before `at`, to be set again.
        let delay = std::time::Duration::from_millis((at - now).max(0.0).ceil() as u64);
        set_timeout(
            move || {
                let now = clock::monotonic_ms();
                let Some(due) = self.writes.try_update_value(|writes| writes.due(now)) else { return };
                if let Some(write) = due.write {
                    self.write(&write);
                }
                if let Some(at) = due.timer_at {
                    self.wake_at(at, now);
                }
            },
            delay,
        );
    }

    /// Corrects the address bar without a new step (e.g. a sort the page does not offer).
    pub fn correct(self, route: Route) {
        self.flush();
        self.write_address(&route, HistoryMode::Replace);
        self.show(route);
    }

    /// Follows the address bar after Back, Forward or an edited address.
    pub fn follow_location(self) {
        // What was pending belongs to the entry the visitor left.
        self.writes.update_value(|writes| writes.discard());
        self.address.set_value(hash_location::current_fragment());
        self.arrive(hash_location::current_route());
    }

    /// The directory is loaded (or replaced by a newer one): routes are checked against it
    /// from now on, starting with the one shown.
    pub fn know_directory(self, catalog: Arc<Catalog>) {
        self.catalog.set_value(Some(catalog));
        self.arrive(self.route.get_untracked());
    }

    /// The filters dropped from a link because the directory does not have them (tracked).
    pub fn dropped_filters(self) -> Signal<Vec<(Facet, String)>> {
        self.dropped_filters.into()
    }

    /// Shows a route that came from outside the app, without the filters the directory does
    /// not have; the address is corrected (no new step) when any were dropped.
    fn arrive(self, route: Route) {
        let checked = self.catalog.with_value(|catalog| {
            let catalog = catalog.as_ref()?;
            let query = route.list_query().filter(|query| !query.filters.is_empty())?;
            let (query, dropped) = catalog.drop_unknown_filters(query);
            (!dropped.is_empty()).then(|| (route.with_list_query(query), dropped))
        });
        match checked {
            Some((route, dropped)) => {
                self.write_address(&route, HistoryMode::Replace);
                self.dropped_from.set_value(route.list_query().cloned());
                self.route.set(route);
                self.dropped_filters.set(dropped);
            }
            None => self.show(route),
        }
    }

    /// Shows `route`; another list query than the one filters were dropped from clears the
    /// notice about them (a profile opened from the list keeps it, for Back).
    fn show(self, route: Route) {
        if let Some(query) = route.list_query() {
            if self.dropped_from.with_value(|from| from.as_ref().is_some_and(|from| from != query)) {
                self.dropped_from.set_value(None);
                self.dropped_filters.set(Vec::new());
            }
        }
        self.route.set(route);
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
                let recent =
                    self.last_write.get_value().filter(|(_, _, at)| clock::monotonic_ms() - at < WRITE_RACE_MS);
                hash_location::leave_unwritten(
                    recent.as_ref().map(|(before, after, _)| (before.as_str(), after.as_str())),
                );
            }
        }
    }

    /// The route shown now, as a read-only signal.
    pub fn route(self) -> ReadSignal<Route> {
        self.route.read_only()
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
        self.last_write.set_value(Some((before, pending.route.to_fragment(), clock::monotonic_ms())));
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
