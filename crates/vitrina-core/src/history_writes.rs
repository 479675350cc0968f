//! When the address bar follows the visitor's typing: the decisions, without the History API.
//!
//! Chromium spends milliseconds on every `history.replaceState` (8 ms median, 32 ms p95
//! on a 4×-throttled phone in `make bench`), so writing the URL on every keystroke costs
//! more than the search. Refinements (typing) are therefore coalesced: the first one of a
//! burst becomes a new history entry, the rest replace it at most every
//! [`WRITE_INTERVAL_MS`], and a trailing write always carries the last state. The caller
//! owns the timer and the History API; this type only says what to write and when.

/// A refinement this soon after the previous one belongs to the same burst: it replaces
/// the burst's history entry, so typing a word is one step for Back, not one per letter.
pub const BURST_WINDOW_MS: f64 = 1500.0;

/// At most one write to the address bar per this many milliseconds while typing.
pub const WRITE_INTERVAL_MS: f64 = 300.0;

/// One write the caller must make to the address bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryWrite<R> {
    /// The state to write.
    pub route: R,
    /// A new history entry (`pushState`) rather than replacing the current one.
    pub push: bool,
}

/// What the caller must do after a refinement.
#[derive(Clone, Debug, PartialEq)]
pub struct Refinement<R> {
    /// A write from an earlier burst that must be made now, before anything else.
    pub write_now: Option<HistoryWrite<R>>,
    /// Start a timer that calls [`HistoryWrites::due`] at this time (ms); `None` when one is running.
    pub timer_at: Option<f64>,
}

/// The refinements not yet written, and when the last write was.
#[derive(Clone, Debug)]
pub struct HistoryWrites<R> {
    last_refinement_ms: f64,
    last_write_ms: f64,
    pending: Option<HistoryWrite<R>>,
    timer_running: bool,
}

impl<R> Default for HistoryWrites<R> {
    fn default() -> Self {
        HistoryWrites {
            last_refinement_ms: f64::NEG_INFINITY,
            last_write_ms: f64::NEG_INFINITY,
            pending: None,
            timer_running: false,
        }
    }
}

impl<R> HistoryWrites<R> {
    /// Records a refinement to `route` at `now_ms`.
    pub fn refine(&mut self, route: R, now_ms: f64) -> Refinement<R> {
        let new_burst = now_ms - self.last_refinement_ms >= BURST_WINDOW_MS;
        self.last_refinement_ms = now_ms;
        let mut write_now = None;
        if new_burst {
            // A late timer must not let the old burst's state replace the new entry.
            write_now = self.pending.take();
            self.pending = Some(HistoryWrite { route, push: true });
        } else {
            match &mut self.pending {
                // An entry not pushed yet stays a push, now with the newer state.
                Some(pending) => pending.route = route,
                None => self.pending = Some(HistoryWrite { route, push: false }),
            }
        }
        let timer_at = (!self.timer_running).then(|| {
            self.timer_running = true;
            now_ms.max(self.last_write_ms + WRITE_INTERVAL_MS)
        });
        Refinement { write_now, timer_at }
    }

    /// The timer fired at `now_ms`: the write to make, if any is still pending.
    pub fn due(&mut self, now_ms: f64) -> Option<HistoryWrite<R>> {
        self.timer_running = false;
        let write = self.pending.take()?;
        self.last_write_ms = now_ms;
        Some(write)
    }

    /// A new entry still pending (a new step's, or a burst's first), to write after the
    /// frame that shows it; nothing when only a replacement is pending, which the interval
    /// timer writes: flushing it too, a quarter second into typing, wrote the address bar
    /// twice per interval.
    pub fn flush_new_entry(&mut self) -> Option<HistoryWrite<R>> {
        match &self.pending {
            Some(pending) if pending.push => self.pending.take(),
            _ => None,
        }
    }

    /// Everything pending, to write now: before a new step, a correction, or the page
    /// being hidden or unloaded. The running timer then finds nothing to do.
    pub fn flush(&mut self) -> Option<HistoryWrite<R>> {
        self.pending.take()
    }

    /// A new step that is not a refinement (a filter, a page): `route` becomes a new entry,
    /// pending until the caller's next [`flush`](Self::flush) (soon: after the frame that
    /// shows it, so the History API's cost is not in the click's response). Returns what was
    /// pending before, to write now, first. The next refinement starts a burst.
    pub fn step(&mut self, route: R) -> Option<HistoryWrite<R>> {
        self.last_refinement_ms = f64::NEG_INFINITY;
        let earlier = self.pending.take();
        self.pending = Some(HistoryWrite { route, push: true });
        earlier
    }

    /// The visitor moved through history (Back, Forward, an edited address): what was
    /// pending belonged to the entry they left and must not overwrite the one they reached.
    pub fn discard(&mut self) {
        self.pending = None;
        self.last_refinement_ms = f64::NEG_INFINITY;
    }

    /// Whether a write is waiting for the timer.
    pub fn is_pending(&self) -> bool {
        self.pending.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Replays refinements at the given times, firing timers when due; returns every
    /// write made with its time (and whether the timer made it), and the state left.
    fn replay(times: &[f64]) -> (Vec<(f64, HistoryWrite<usize>)>, HistoryWrites<usize>) {
        let (writes, state) = replay_with_sources(times);
        (writes.into_iter().map(|(at, write, _)| (at, write)).collect(), state)
    }

    /// Each write with its time and whether the timer made it, and the state left.
    type Replayed = (Vec<(f64, HistoryWrite<usize>, bool)>, HistoryWrites<usize>);

    fn replay_with_sources(times: &[f64]) -> Replayed {
        let mut writes = Vec::new();
        let mut state = HistoryWrites::default();
        let mut timer: Option<f64> = None;
        let fire = |state: &mut HistoryWrites<usize>, timer: &mut Option<f64>, until: f64, writes: &mut Vec<_>| {
            if let Some(at) = *timer {
                if at <= until {
                    *timer = None;
                    if let Some(write) = state.due(at) {
                        writes.push((at, write, true));
                    }
                }
            }
        };
        for (route, &now) in times.iter().enumerate() {
            fire(&mut state, &mut timer, now, &mut writes);
            let refinement = state.refine(route, now);
            if let Some(write) = refinement.write_now {
                writes.push((now, write, false));
            }
            if let Some(at) = refinement.timer_at {
                assert!(timer.is_none(), "a second timer was asked for while one runs");
                timer = Some(at);
            }
        }
        fire(&mut state, &mut timer, f64::INFINITY, &mut writes);
        (writes, state)
    }

    #[test]
    fn typing_a_word_pushes_once_then_replaces_at_most_every_interval() {
        let times: Vec<f64> = (0..10).map(|k| 1000.0 + 100.0 * k as f64).collect();
        let (writes, state) = replay(&times);
        assert!(!state.is_pending());
        assert_eq!(writes.first().map(|(at, w)| (*at, w.push, w.route)), Some((1000.0, true, 0)));
        assert_eq!(writes.last().map(|(_, w)| (w.push, w.route)), Some((false, 9)));
        assert_eq!(writes.iter().filter(|(_, w)| w.push).count(), 1);
        assert!(writes.len() <= 5, "{writes:?}");
    }

    #[test]
    fn a_pause_longer_than_the_burst_window_starts_a_new_entry() {
        let (writes, _) = replay(&[0.0, 100.0, 5000.0, 5100.0]);
        let pushed: Vec<usize> = writes.iter().filter(|(_, w)| w.push).map(|(_, w)| w.route).collect();
        assert_eq!(pushed, vec![0, 2]);
        assert_eq!(writes.last().map(|(_, w)| w.route), Some(3));
    }

    #[test]
    fn a_new_step_writes_what_was_pending_first_and_is_itself_a_new_entry() {
        let mut state = HistoryWrites::default();
        let first = state.refine("a", 0.0);
        assert_eq!(first.timer_at, Some(0.0));
        assert_eq!(state.step("filtered"), Some(HistoryWrite { route: "a", push: true }));
        // The step ended the burst: the next refinement writes the step, then is a new entry.
        let next = state.refine("b", 10.0);
        assert_eq!(next.write_now, Some(HistoryWrite { route: "filtered", push: true }));
        assert_eq!(next.timer_at, None, "the first refinement's timer still runs");
        assert_eq!(state.due(300.0), Some(HistoryWrite { route: "b", push: true }));
        assert_eq!(state.step("page"), None);
        assert_eq!(state.flush(), Some(HistoryWrite { route: "page", push: true }));
        assert_eq!(state.flush(), None);
    }

    #[test]
    fn moving_through_history_drops_the_pending_write() {
        let mut state = HistoryWrites::default();
        state.refine("a", 0.0);
        state.due(0.0);
        state.refine("ab", 50.0);
        state.discard();
        assert_eq!(state.due(300.0), None);
    }

    #[test]
    fn a_late_timer_never_lets_the_old_burst_overwrite_the_new_one() {
        let mut state = HistoryWrites::default();
        state.refine("a", 0.0);
        // The timer was starved for two seconds (a busy page); the visitor typed again.
        let refinement = state.refine("new", 2000.0);
        assert_eq!(refinement.write_now, Some(HistoryWrite { route: "a", push: true }));
        assert_eq!(state.due(2000.0), Some(HistoryWrite { route: "new", push: true }));
    }

    proptest::proptest! {
        #[test]
        fn the_last_state_is_always_written_and_writes_are_spaced(gaps in proptest::collection::vec(0.0f64..2500.0, 1..60)) {
            let mut now = 0.0;
            let times: Vec<f64> = gaps.iter().map(|gap| { now += gap; now }).collect();
            let (writes, state) = replay_with_sources(&times);
            proptest::prop_assert!(!state.is_pending());
            proptest::prop_assert_eq!(writes.last().map(|(_, w, _)| w.route), Some(times.len() - 1));
            // Routes are written in order, and the timer's writes are at least the interval apart.
            for pair in writes.windows(2) {
                proptest::prop_assert!(pair[0].1.route < pair[1].1.route);
            }
            let timed: Vec<f64> = writes.iter().filter(|(_, _, by_timer)| *by_timer).map(|(at, _, _)| *at).collect();
            for pair in timed.windows(2) {
                proptest::prop_assert!(pair[1] - pair[0] >= WRITE_INTERVAL_MS - 1e-6, "{:?}", timed);
            }
            // Each burst (refinements less than the window apart) is exactly one push.
            let bursts = 1 + times.windows(2).filter(|pair| pair[1] - pair[0] >= BURST_WINDOW_MS).count();
            proptest::prop_assert_eq!(writes.iter().filter(|(_, w, _)| w.push).count(), bursts);
        }
    }

    /// Issue 12 (found by url-state.spec on a slow machine): the after-frame flushes of a
    /// burst's first key write its new entry, never the replacements typed after it.
    #[test]
    fn the_after_frame_flush_writes_only_a_new_entry() {
        let mut state = HistoryWrites::default();
        let first = state.refine(0, 0.0);
        assert_eq!(first.timer_at, Some(0.0));
        // The frame that shows the first results: the burst's entry is written.
        assert_eq!(state.flush_new_entry(), Some(HistoryWrite { route: 0, push: true }));
        let mut writes = 1;
        for (route, now) in [(1, 100.0), (2, 200.0)] {
            assert_eq!(state.refine(route, now).write_now, None);
        }
        // The backup flush a quarter second in (for pages without frames) finds only a
        // replacement, which is the timer's.
        assert_eq!(state.flush_new_entry(), None);
        assert!(state.is_pending());
        if state.due(300.0).is_some() {
            writes += 1;
        }
        assert_eq!(writes, 2, "one entry, one replacement in the first interval");
        // A new step is a new entry: written after its frame.
        assert_eq!(state.step(9), None);
        assert_eq!(state.flush_new_entry(), Some(HistoryWrite { route: 9, push: true }));
    }
}
