//! Today's date as a signal that rolls over at local midnight.

use leptos::prelude::*;
use vitrina_core::valid::IsoDate;

use crate::adapters::clock;

/// The visitor's calendar day (tracked): a tab left open over night at a fair shows the new
/// day's overdue count and fair-day link. A timer fires at the next local midnight, and the
/// page becoming visible checks again (timers sleep with a phone's screen, and the clock or
/// time zone may have changed meanwhile).
#[derive(Clone, Copy)]
pub struct Today {
    today: RwSignal<IsoDate>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

impl Today {
    /// Today from the visitor's clock, following it from now on.
    pub fn start() -> Today {
        let today = Today { today: RwSignal::new(clock::local_moment().today()), timer: StoredValue::new(None) };
        today.arm();
        let on_visible = window_event_listener(leptos::ev::visibilitychange, move |_| today.check());
        on_cleanup(move || {
            on_visible.remove();
            if let Some(timer) = today.timer.try_get_value().flatten() {
                timer.clear();
            }
        });
        today
    }

    /// A fixed day, for tests.
    pub fn fixed(date: IsoDate) -> Today {
        Today { today: RwSignal::new(date), timer: StoredValue::new(None) }
    }

    /// Today's date (tracked).
    pub fn get(self) -> IsoDate {
        self.today.get()
    }

    /// Today's date, without subscribing to its change.
    pub fn get_untracked(self) -> IsoDate {
        self.today.get_untracked()
    }

    /// The date as a signal, for components that take one.
    pub fn signal(self) -> Signal<IsoDate> {
        self.today.into()
    }

    /// Reads the clock again; the signal changes only when the day did.
    fn check(self) {
        let now = clock::local_moment().today();
        if self.today.try_get_untracked().is_some_and(|shown| shown != now) {
            self.today.set(now);
        }
        self.arm();
    }

    /// Sets the timer for the next local midnight (a little after, so the clock reads the new day).
    fn arm(self) {
        let wait_ms = clock::local_moment().ms_until_next_midnight() + 50;
        let handle =
            set_timeout_with_handle(move || self.check(), std::time::Duration::from_millis(wait_ms as u64)).ok();
        if let Some(previous) = self.timer.try_update_value(|timer| std::mem::replace(timer, handle)).flatten() {
            previous.clear();
        }
    }
}
