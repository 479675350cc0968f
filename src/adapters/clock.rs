//! The page's two clocks, named for what they are: a monotonic one for timing work, and
//! the visitor's wall clock for dates and timestamps that are stored or shown.

use vitrina_core::clock::LocalMoment;
use vitrina_core::follow_up::Millis;

/// Milliseconds on the page's monotonic clock (`performance.now()`), for timing steps of work
/// and telling a typing burst from a new search; without a window, a clock that never moves.
pub fn monotonic_ms() -> f64 {
    web_sys::window().and_then(|window| window.performance()).map_or(0.0, |performance| performance.now())
}

/// Milliseconds since 1970 on the visitor's clock (`Date.now()`): what the list stores.
pub fn wall_clock_ms() -> Millis {
    js_sys::Date::now() as Millis
}

/// Now on the visitor's clock, with their time zone's offset: the core tells the day from it.
pub fn local_moment() -> LocalMoment {
    let now = js_sys::Date::new_0();
    // `getTimezoneOffset` is UTC minus local time, in minutes.
    LocalMoment { wall_ms: now.get_time() as Millis, minutes_east_of_utc: -(now.get_timezone_offset() as i32) }
}
