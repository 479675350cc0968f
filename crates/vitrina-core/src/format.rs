//! Human wording for values of the model, in both interface languages.

use crate::lang::Lang;
use crate::model::{EventKind, MemberKind};
use crate::valid::{Email, IsoDate, E164};

const MONTHS_ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date as people write it: "26 de noviembre de 2026" or "November 26, 2026".
pub fn long_date(date: IsoDate, lang: Lang) -> String {
    let month = usize::from(date.month().clamp(1, 12)) - 1;
    match lang {
        Lang::Es => format!("{} de {} de {}", date.day(), MONTHS_ES[month], date.year()),
        Lang::En => format!("{} {}, {}", MONTHS_EN[month], date.day(), date.year()),
    }
}

/// A moment on the visitor's clock, relative to `today` when that reads better:
/// "hoy a las 09:05", "ayer a las 18:40", "26 de noviembre de 2026, 10:12".
pub fn moment(date: IsoDate, hour: u8, minute: u8, today: IsoDate, lang: Lang) -> String {
    let time = format!("{:02}:{:02}", hour.min(23), minute.min(59));
    let yesterday = IsoDate::from_days_since_epoch(today.days_since_epoch() - 1);
    match lang {
        Lang::Es if date == today => format!("hoy a las {time}"),
        Lang::Es if date == yesterday => format!("ayer a las {time}"),
        Lang::En if date == today => format!("today at {time}"),
        Lang::En if date == yesterday => format!("yesterday at {time}"),
        _ => format!("{}, {time}", long_date(date, lang)),
    }
}

/// A date range for events, without repeating what both ends share.
pub fn date_range(start: IsoDate, end: Option<IsoDate>, lang: Lang) -> String {
    let Some(end) = end.filter(|end| *end > start) else {
        return long_date(start, lang);
    };
    let same_month = start.year() == end.year() && start.month() == end.month();
    match (lang, same_month) {
        (Lang::Es, true) => format!("{} al {}", start.day(), long_date(end, lang)),
        (Lang::En, true) => {
            format!("{} {}–{}, {}", MONTHS_EN[usize::from(start.month()) - 1], start.day(), end.day(), end.year())
        }
        (Lang::Es, false) => format!("{} al {}", long_date(start, lang), long_date(end, lang)),
        (Lang::En, false) => format!("{} – {}", long_date(start, lang), long_date(end, lang)),
    }
}

/// The name of a place in the supply chain.
pub fn member_kind(kind: MemberKind, lang: Lang) -> &'static str {
    match kind {
        MemberKind::Oem => lang.pick("Armadora (OEM)", "OEM"),
        MemberKind::Tier1 => "Tier 1",
        MemberKind::Tier2 => "Tier 2",
        MemberKind::Tier3 => "Tier 3",
        MemberKind::Service => lang.pick("Servicios", "Services"),
        MemberKind::Institution => lang.pick("Institución", "Institution"),
    }
}

/// The name of a kind of event.
pub fn event_kind(kind: EventKind, lang: Lang) -> &'static str {
    match kind {
        EventKind::Fair => lang.pick("Feria", "Fair"),
        EventKind::Meeting => lang.pick("Reunión", "Meeting"),
        EventKind::Conference => lang.pick("Conferencia", "Conference"),
        EventKind::Visit => lang.pick("Visita", "Visit"),
        EventKind::Other => lang.pick("Otro", "Other"),
    }
}

/// A whole number with thousands separators as each language writes them.
pub fn count(n: u64, lang: Lang) -> String {
    let digits = n.to_string();
    // Spanish style guides group only from five digits on (1000 but 10 000).
    let separator = match lang {
        Lang::Es if digits.len() <= 4 => return digits,
        Lang::Es => '\u{202F}',
        Lang::En => ',',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

/// A `mailto:` link for a checked address.
pub fn mailto_href(email: &Email) -> String {
    format!("mailto:{}", email.as_str())
}

/// A `tel:` link from a free-text phone number, when it holds one ([`crate::phone::from_stored`]:
/// an extension is left out, a local number is read in the default country). Only `+` and
/// digits reach the link, and never more than E.164's 15 (issue 13: 25 digits got a link).
pub fn tel_href(phone: &str) -> Option<String> {
    crate::phone::from_stored(phone).map(|number| format!("tel:{number}"))
}

/// A WhatsApp chat link for a checked E.164 number.
pub fn whatsapp_href(number: &E164) -> String {
    format!("https://wa.me/{}", number.digits())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> IsoDate {
        IsoDate::parse(text).unwrap()
    }

    #[test]
    fn dates_read_naturally() {
        assert_eq!(long_date(date("2026-11-26"), Lang::Es), "26 de noviembre de 2026");
        assert_eq!(long_date(date("2026-01-05"), Lang::En), "January 5, 2026");
        assert_eq!(date_range(date("2026-07-08"), Some(date("2026-07-10")), Lang::Es), "8 al 10 de julio de 2026");
        assert_eq!(date_range(date("2026-07-08"), Some(date("2026-07-10")), Lang::En), "July 8–10, 2026");
        assert_eq!(date_range(date("2026-06-30"), Some(date("2026-07-01")), Lang::En), "June 30, 2026 – July 1, 2026");
        assert_eq!(date_range(date("2026-07-08"), None, Lang::En), "July 8, 2026");
        assert_eq!(date_range(date("2026-07-08"), Some(date("2026-07-01")), Lang::En), "July 8, 2026");
    }

    #[test]
    fn moments_say_today_and_yesterday() {
        let today = date("2026-03-01");
        assert_eq!(moment(today, 9, 5, today, Lang::Es), "hoy a las 09:05");
        assert_eq!(moment(today, 9, 5, today, Lang::En), "today at 09:05");
        // Across a month end.
        assert_eq!(moment(date("2026-02-28"), 18, 40, today, Lang::Es), "ayer a las 18:40");
        assert_eq!(moment(date("2026-02-28"), 18, 40, today, Lang::En), "yesterday at 18:40");
        assert_eq!(moment(date("2026-02-27"), 23, 59, today, Lang::Es), "27 de febrero de 2026, 23:59");
        assert_eq!(moment(date("2026-02-27"), 0, 0, today, Lang::En), "February 27, 2026, 00:00");
        // A clock ahead of the copy (another time zone, a wrong clock) still reads as a date.
        assert_eq!(moment(date("2026-03-02"), 7, 0, today, Lang::En), "March 2, 2026, 07:00");
    }

    #[test]
    fn counts_group_digits() {
        assert_eq!(count(7, Lang::En), "7");
        assert_eq!(count(1000, Lang::Es), "1000");
        assert_eq!(count(10000, Lang::Es), "10\u{202F}000");
        assert_eq!(count(1234567, Lang::En), "1,234,567");
    }

    #[test]
    fn phone_links_keep_only_what_can_be_dialled() {
        assert_eq!(tel_href("+52 (614) 555-0102").as_deref(), Some("tel:+526145550102"));
        assert_eq!(tel_href("614 555 0102 ext. 12").as_deref(), Some("tel:+526145550102"));
        assert_eq!(tel_href("javascript:alert(1)"), None);
        assert_eq!(tel_href("12"), None);
        assert_eq!(tel_href("call me maybe"), None);
        assert_eq!(tel_href("1234567890123456789012345"), None);
    }

    #[test]
    fn contact_links() {
        let email = Email::parse("ana@example.com").unwrap();
        assert_eq!(mailto_href(&email), "mailto:ana@example.com");
        let number = E164::parse("+52 614 555 0101").unwrap();
        assert_eq!(whatsapp_href(&number), "https://wa.me/526145550101");
    }
}
