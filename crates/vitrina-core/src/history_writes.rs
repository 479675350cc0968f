//! When the address bar follows the visitor's typing: the decisions, without the History API.
//!
//! Chromium spends milliseconds on every `history.replaceState` (4–29 ms a call on a
//! 10 000-member list at 4× CPU in issue 15's profile), and a write made while the visitor
//! types lands inside the next keystroke's response. Refinements (typing) are therefore
//! written when typing pauses: each one pushes the pending write out to [`PAUSE_MS`] after
//! it (a debounce), and continuous typing still writes every [`MAX_WAIT_MS`]. The first
//! refinement of a burst becomes a new history entry, written at that pause like the rest,
//! so a word is one step for Back. Nothing typed is lost: the caller flushes what is
//! pending before any other step and when the page is hidden or unloaded. The caller owns
//! the timer and the History API; this type only says what to write and when.

/// A refinement this soon after the previous one belongs to the same burst: it replaces
/// the burst's history entry, so typing a word is one step for Back, not one per letter.
pub const BURST_WINDOW_MS: f64 = 1500.0;

/// Typing that stops for this long is written to the address bar. Longer than the gap
/// between most keys (about 100–300 ms, so a word is typed without a write), short enough
/// that the address is current by the time the visitor reaches for it (sharing, reloading
/// and leaving flush at once anyway), and well under [`BURST_WINDOW_MS`].
pub const PAUSE_MS: f64 = 400.0;

/// Typing that never pauses is still written this long after its first unwritten key: a
/// crashed tab or a discarded background page loses at most this much of the search.
/// Every [`MAX_WAIT_MS`] a write costs one keystroke's budget, not one in every few.
pub const MAX_WAIT_MS: f64 = 2000.0;

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

/// What the caller must do when its timer fires.
#[derive(Clone, Debug, PartialEq)]
pub struct Due<R> {
    /// The write to make now, if typing paused (or waited [`MAX_WAIT_MS`]).
    pub write: Option<HistoryWrite<R>>,
    /// Typing went on since the timer was started: start it again for this time (ms).
    pub timer_at: Option<f64>,
}

/// What is pending, and whose it is.
#[derive(Clone, Debug)]
struct Pending<R> {
    write: HistoryWrite<R>,
    /// When the oldest refinement in it was made; `None` for a step's entry.
    since_ms: Option<f64>,
}

/// The refinements not yet written, and when typing was last seen.
#[derive(Clone, Debug)]
pub struct HistoryWrites<R> {
    last_refinement_ms: f64,
    pending: Option<Pending<R>>,
    timer_running: bool,
}

impl<R> Default for HistoryWrites<R> {
    fn default() -> Self {
        HistoryWrites { last_refinement_ms: f64::NEG_INFINITY, pending: None, timer_running: false }
    }
}

impl<R> HistoryWrites<R> {
    /// Records a refinement to `route` at `now_ms`.
    pub fn refine(&mut self, route: R, now_ms: f64) -> Refinement<R> {
        let new_burst = now_ms - self.last_refinement_ms >= BURST_WINDOW_MS;
        self.last_refinement_ms = now_ms;
        let mut write_now = None;
        match &mut self.pending {
            // An entry not written yet keeps its kind (a burst's first stays a push), now
            // with the newer state; a step's entry is never replaced by typing.
            Some(pending) if !new_burst && pending.since_ms.is_some() => pending.write.route = route,
            _ => {
                // A late timer must not let the old burst's state replace the new entry.
                write_now = self.pending.take().map(|pending| pending.write);
                // Within a burst whose entry is written, the rest replace it.
                let write = HistoryWrite { route, push: new_burst };
                self.pending = Some(Pending { write, since_ms: Some(now_ms) });
            }
        }
        let timer_at = self.deadline().filter(|_| !self.timer_running);
        if timer_at.is_some() {
            self.timer_running = true;
        }
        Refinement { write_now, timer_at }
    }

    /// The timer fired at `now_ms`: the write to make if typing paused, or when to look again.
    pub fn due(&mut self, now_ms: f64) -> Due<R> {
        self.timer_running = false;
        match self.deadline() {
            Some(at) if now_ms < at => {
                self.timer_running = true;
                Due { write: None, timer_at: Some(at) }
            }
            _ => Due { write: self.pending.take().map(|pending| pending.write), timer_at: None },
        }
    }

    /// When the pending refinements are to be written: a pause after the last, and at most
    /// [`MAX_WAIT_MS`] after the first. `None` when no refinement is pending.
    fn deadline(&self) -> Option<f64> {
        let since_ms = self.pending.as_ref()?.since_ms?;
        Some((self.last_refinement_ms + PAUSE_MS).min(since_ms + MAX_WAIT_MS))
    }

    /// A new step's entry still pending, to write after the frame that shows it; nothing
    /// while typing is pending (even a burst's new entry), which waits for the pause: a
    /// write then would land inside the next keystroke.
    pub fn flush_new_entry(&mut self) -> Option<HistoryWrite<R>> {
        match &self.pending {
            Some(pending) if pending.since_ms.is_none() => self.pending.take().map(|pending| pending.write),
            _ => None,
        }
    }

    /// Everything pending, to write now: before a new step, a correction, or the page
    /// being hidden or unloaded. The running timer then finds nothing to do.
    pub fn flush(&mut self) -> Option<HistoryWrite<R>> {
        self.pending.take().map(|pending| pending.write)
    }

    /// A new step that is not a refinement (a filter, a page): `route` becomes a new entry,
    /// pending until the caller's next [`flush`](Self::flush) (soon: after the frame that
    /// shows it, so the History API's cost is not in the click's response). Returns what was
    /// pending before, to write now, first. The next refinement starts a burst.
    pub fn step(&mut self, route: R) -> Option<HistoryWrite<R>> {
        self.last_refinement_ms = f64::NEG_INFINITY;
        let earlier = self.flush();
        self.pending = Some(Pending { write: HistoryWrite { route, push: true }, since_ms: None });
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
    /// write made with its time, and the state left.
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
            while let Some(at) = timer.filter(|at| *at <= until) {
                let due = state.due(at);
                if let Some(write) = due.write {
                    writes.push((at, write, true));
                }
                *timer = due.timer_at;
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
    fn typing_a_word_is_written_once_when_typing_pauses() {
        let times: Vec<f64> = (0..10).map(|k| 1000.0 + 100.0 * k as f64).collect();
        let (writes, state) = replay(&times);
        assert!(!state.is_pending());
        assert_eq!(writes, vec![(1900.0 + PAUSE_MS, HistoryWrite { route: 9, push: true })]);
    }

    #[test]
    fn typing_without_a_pause_is_still_written_every_max_wait() {
        // A key every 100 ms for five seconds.
        let times: Vec<f64> = (0..50).map(|k| 100.0 * k as f64).collect();
        let (writes, _) = replay(&times);
        let at: Vec<f64> = writes.iter().map(|(at, _)| *at).collect();
        assert_eq!(at, vec![MAX_WAIT_MS, 2.0 * MAX_WAIT_MS, 4900.0 + PAUSE_MS]);
        let pushes: Vec<bool> = writes.iter().map(|(_, w)| w.push).collect();
        assert_eq!(pushes, vec![true, false, false]);
        assert_eq!(writes.last().map(|(_, w)| w.route), Some(49));
    }

    #[test]
    fn a_pause_longer_than_the_burst_window_starts_a_new_entry() {
        let (writes, _) = replay(&[0.0, 100.0, 5000.0, 5100.0]);
        let pushed: Vec<usize> = writes.iter().filter(|(_, w)| w.push).map(|(_, w)| w.route).collect();
        assert_eq!(pushed, vec![1, 3]);
        assert_eq!(writes.len(), 2);
    }

    #[test]
    fn a_new_step_writes_what_was_pending_first_and_is_itself_a_new_entry() {
        let mut state = HistoryWrites::default();
        let first = state.refine("a", 0.0);
        assert_eq!(first.timer_at, Some(PAUSE_MS));
        assert_eq!(state.step("filtered"), Some(HistoryWrite { route: "a", push: true }));
        // The step ended the burst: the next refinement writes the step, then is a new entry.
        let next = state.refine("b", 10.0);
        assert_eq!(next.write_now, Some(HistoryWrite { route: "filtered", push: true }));
        assert_eq!(next.timer_at, None, "the first refinement's timer still runs");
        assert_eq!(state.due(PAUSE_MS), Due { write: None, timer_at: Some(10.0 + PAUSE_MS) });
        let due = state.due(10.0 + PAUSE_MS);
        assert_eq!(due.write, Some(HistoryWrite { route: "b", push: true }));
        assert_eq!(state.step("page"), None);
        assert_eq!(state.flush(), Some(HistoryWrite { route: "page", push: true }));
        assert_eq!(state.flush(), None);
    }

    #[test]
    fn moving_through_history_drops_the_pending_write() {
        let mut state = HistoryWrites::default();
        state.refine("a", 0.0);
        state.due(PAUSE_MS);
        state.refine("ab", 500.0);
        state.discard();
        assert_eq!(state.due(900.0), Due { write: None, timer_at: None });
    }

    #[test]
    fn a_late_timer_never_lets_the_old_burst_overwrite_the_new_one() {
        let mut state = HistoryWrites::default();
        state.refine("a", 0.0);
        // The timer was starved for two seconds (a busy page); the visitor typed again.
        let refinement = state.refine("new", 2000.0);
        assert_eq!(refinement.write_now, Some(HistoryWrite { route: "a", push: true }));
        assert_eq!(state.due(2000.0), Due { write: None, timer_at: Some(2000.0 + PAUSE_MS) });
        assert_eq!(state.due(2000.0 + PAUSE_MS).write, Some(HistoryWrite { route: "new", push: true }));
    }

    proptest::proptest! {
        #[test]
        fn typing_is_written_only_at_pauses_or_after_the_max_wait_and_never_lost(gaps in proptest::collection::vec(0.0f64..2500.0, 1..60)) {
            let mut now = 0.0;
            let times: Vec<f64> = gaps.iter().map(|gap| { now += gap; now }).collect();
            let (writes, state) = replay_with_sources(&times);
            proptest::prop_assert!(!state.is_pending());
            proptest::prop_assert_eq!(writes.last().map(|(_, w, _)| w.route), Some(times.len() - 1));
            // Routes are written in order.
            for pair in writes.windows(2) {
                proptest::prop_assert!(pair[0].1.route < pair[1].1.route);
            }
            // The timer writes only once typing paused, or once its oldest unwritten key
            // waited the maximum; and the state it writes is the last typed.
            let mut written_up_to = None;
            for (at, write, by_timer) in &writes {
                let first_unwritten = written_up_to.map_or(0, |route: usize| route + 1);
                if *by_timer {
                    let last_key = times[write.route];
                    proptest::prop_assert!(times.get(write.route + 1).is_none_or(|next| *next >= *at));
                    proptest::prop_assert!(
                        at - last_key >= PAUSE_MS - 1e-6 || at - times[first_unwritten] >= MAX_WAIT_MS - 1e-6,
                        "{:?} {:?}", writes, times
                    );
                }
                written_up_to = Some(write.route);
            }
            // No key waits longer than the maximum to be written.
            for (route, key) in times.iter().enumerate() {
                let written_at = writes.iter().find(|(_, w, _)| w.route >= route).map(|(at, _, _)| *at);
                proptest::prop_assert!(written_at.is_some_and(|at| at - key <= MAX_WAIT_MS + 1e-6), "{:?} {:?}", writes, times);
            }
            // Each burst (refinements less than the window apart) is exactly one push.
            let bursts = 1 + times.windows(2).filter(|pair| pair[1] - pair[0] >= BURST_WINDOW_MS).count();
            proptest::prop_assert_eq!(writes.iter().filter(|(_, w, _)| w.push).count(), bursts);
        }
    }

    /// Issue 12, then issue 15: the after-frame flushes write a step's new entry, never
    /// typing's, which waits for the pause (a write then lands inside the next keystroke).
    #[test]
    fn the_after_frame_flush_writes_only_a_steps_entry() {
        let mut state = HistoryWrites::default();
        let first = state.refine(0, 0.0);
        assert_eq!(first.timer_at, Some(PAUSE_MS));
        assert_eq!(state.flush_new_entry(), None, "the burst's entry waits for the pause");
        for (route, now) in [(1, 100.0), (2, 200.0)] {
            assert_eq!(state.refine(route, now).write_now, None);
        }
        assert_eq!(state.flush_new_entry(), None);
        assert_eq!(state.due(PAUSE_MS).write, None);
        assert_eq!(state.due(200.0 + PAUSE_MS).write, Some(HistoryWrite { route: 2, push: true }));
        // A new step is a new entry: written after its frame.
        assert_eq!(state.step(9), None);
        assert_eq!(state.flush_new_entry(), Some(HistoryWrite { route: 9, push: true }));
    }
}
