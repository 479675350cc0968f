//! What the screen-reader live region says, and when.

use leptos::prelude::*;

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
