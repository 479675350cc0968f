//! The visitor's calendar day from their wall clock, and when it next changes: the app
//! keeps "today" as a signal that rolls over at local midnight (a tab left open over
//! night at a fair must not show yesterday's overdue count).

use crate::follow_up::{Millis, DAY_MS};
use crate::valid::IsoDate;

/// A moment on the visitor's clock: milliseconds since 1970 (UTC) and how far their time
/// zone is ahead of UTC at that moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalMoment {
    /// Milliseconds since 1970-01-01T00:00Z.
    pub wall_ms: Millis,
    /// Minutes the local time is ahead of UTC (negative west of Greenwich: Mexico City is -360).
    pub minutes_east_of_utc: i32,
}

impl LocalMoment {
    fn local_ms(self) -> Millis {
        self.wall_ms + Millis::from(self.minutes_east_of_utc) * 60_000
    }

    /// The local calendar date.
    pub fn today(self) -> IsoDate {
        IsoDate::from_days_since_epoch(self.local_ms().div_euclid(DAY_MS))
    }

    /// Milliseconds until the next local midnight (1 to a day's length). A change of offset
    /// that night (daylight saving) is caught by checking again when the timer fires.
    pub fn ms_until_next_midnight(self) -> Millis {
        DAY_MS - self.local_ms().rem_euclid(DAY_MS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(wall: &str, minutes_east_of_utc: i32, today: &str, until_midnight_ms: Millis) {
        let (date, time) = wall.split_once('T').unwrap();
        let date = IsoDate::parse(date).unwrap();
        let (hour, minute) = time.split_once(':').unwrap();
        let wall_ms = date.days_since_epoch() * DAY_MS
            + hour.parse::<Millis>().unwrap() * 3_600_000
            + minute.parse::<Millis>().unwrap() * 60_000;
        let moment = LocalMoment { wall_ms, minutes_east_of_utc };
        assert_eq!(moment.today().to_string(), today, "{wall} at {minutes_east_of_utc}");
        assert_eq!(moment.ms_until_next_midnight(), until_midnight_ms, "{wall} at {minutes_east_of_utc}");
    }

    #[test]
    fn the_local_day_and_its_end() {
        // UTC.
        check("2026-11-25T00:00", 0, "2026-11-25", DAY_MS);
        check("2026-11-25T23:59", 0, "2026-11-25", 60_000);
        // Mexico City (UTC-6): 05:59Z is still the evening before; 06:00Z is local midnight.
        check("2026-11-26T05:59", -360, "2026-11-25", 60_000);
        check("2026-11-26T06:00", -360, "2026-11-26", DAY_MS);
        // East of UTC, the new day comes before UTC's; half-hour zones too (India, +5:30).
        check("2026-11-25T22:30", 120, "2026-11-26", 23 * 3_600_000 + 30 * 60_000);
        check("2026-11-25T18:29", 330, "2026-11-25", 60_000);
        check("2026-11-25T18:30", 330, "2026-11-26", DAY_MS);
        // New year's eve, and before 1970.
        check("2026-12-31T23:30", 60, "2027-01-01", 23 * 3_600_000 + 30 * 60_000);
        check("1969-12-31T12:00", 0, "1969-12-31", 12 * 3_600_000);
    }

    #[test]
    fn waiting_until_midnight_reaches_the_next_day() {
        for minutes_east_of_utc in [-600, -360, 0, 60, 330, 840] {
            for wall_ms in (0..3 * DAY_MS).step_by(3_599_999) {
                let moment = LocalMoment { wall_ms, minutes_east_of_utc };
                let wait = moment.ms_until_next_midnight();
                assert!((1..=DAY_MS).contains(&wait));
                let at_midnight = LocalMoment { wall_ms: wall_ms + wait, minutes_east_of_utc };
                assert_eq!(at_midnight.today().days_since_epoch(), moment.today().days_since_epoch() + 1);
                let just_before = LocalMoment { wall_ms: wall_ms + wait - 1, minutes_east_of_utc };
                assert_eq!(just_before.today(), moment.today());
            }
        }
    }
}
