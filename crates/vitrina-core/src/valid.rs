//! Validated values: each newtype can only hold a value that passed its check,
//! so the UI cannot render an unchecked link or address.

use serde::Serialize;
use std::fmt;

macro_rules! string_newtype {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// The checked value as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    };
}

string_newtype!(
    /// An id: 1 to 64 characters of `a-z`, `0-9` and `-`.
    Slug
);
string_newtype!(
    /// An absolute `http:` or `https:` URL with a host and no white space.
    HttpUrl
);
string_newtype!(
    /// An e-mail address of the plain `local@domain.tld` form.
    Email
);
string_newtype!(
    /// A phone number in E.164 form: `+`, then 7 to 15 digits, the first not 0.
    E164
);
string_newtype!(
    /// A BCP 47 language tag of the common `xx` or `xx-YY` form.
    LangTag
);
string_newtype!(
    /// An ISO 3166-1 alpha-2 country code, upper case.
    CountryCode
);
string_newtype!(
    /// A logo location: a path relative to the directory file, or an absolute `https:` URL.
    AssetUrl
);

impl Slug {
    /// Checks a slug.
    pub fn parse(value: &str) -> Option<Slug> {
        let ok = (1..=64).contains(&value.len())
            && value.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        ok.then(|| Slug(value.to_owned()))
    }
}

impl HttpUrl {
    /// Checks an absolute http(s) URL; `javascript:`, `data:` and relative URLs are refused.
    pub fn parse(value: &str) -> Option<HttpUrl> {
        let lower = value.get(..8).unwrap_or(value).to_ascii_lowercase();
        let rest = if lower.starts_with("https://") {
            &value[8..]
        } else if lower.starts_with("http://") {
            &value[7..]
        } else {
            return None;
        };
        let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let authority = &rest[..host_end];
        let host = authority.rsplit('@').next().unwrap_or(authority);
        let host = host.split(':').next().unwrap_or(host);
        let clean = |s: &str| !s.chars().any(|c| c.is_whitespace() || c.is_control() || c == '\\');
        let ok = value.len() <= 2048
            && !host.is_empty()
            && host.chars().all(|c| c.is_alphanumeric() || c == '.' || c == '-' || c == '[' || c == ']')
            && clean(value);
        ok.then(|| HttpUrl(value.to_owned()))
    }
}

impl Email {
    /// Checks an address: one `@`, a local part and a dotted domain, no spaces or markup.
    pub fn parse(value: &str) -> Option<Email> {
        let (local, domain) = value.split_once('@')?;
        (value.len() <= 254 && Email::local_part_ok(local) && Email::domain_ok(domain)).then(|| Email(value.to_owned()))
    }

    /// The part before the `@`: 1 to 64 characters an address may hold, no dot at either end.
    fn local_part_ok(local: &str) -> bool {
        !local.is_empty()
            && local.len() <= 64
            && !local.starts_with('.')
            && !local.ends_with('.')
            && local.chars().all(|c| c.is_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c))
    }

    /// The part after the `@`: two or more dot-separated labels of letters, digits and inner dashes.
    fn domain_ok(domain: &str) -> bool {
        let labels: Vec<&str> = domain.split('.').collect();
        labels.len() >= 2
            && labels.iter().all(|label| {
                !label.is_empty()
                    && label.len() <= 63
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_alphanumeric() || c == '-')
            })
    }
}

/// What is wrong with a typed e-mail address, so the form can say it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmailProblem {
    /// Occurs when the address holds a line break or another control character (a pasted header).
    LineBreak,
    /// Occurs when the address holds a space inside it.
    Space,
    /// Occurs when there is no `@`.
    NoAt,
    /// Occurs when there is more than one `@`.
    SeveralAt,
    /// Occurs when the part before the `@` is empty or holds characters an address cannot.
    BadLocalPart,
    /// Occurs when the part after the `@` is not a domain such as `empresa.com`.
    BadDomain,
    /// Occurs when the address is longer than 254 characters.
    TooLong,
}

impl EmailProblem {
    /// A one-line explanation that says what to write instead, in `lang`.
    pub fn message(self, lang: crate::Lang) -> &'static str {
        match self {
            EmailProblem::LineBreak => lang.pick(
                "El correo tiene un salto de línea: escríbalo en una sola línea.",
                "The e-mail address has a line break: write it on one line.",
            ),
            EmailProblem::Space => {
                lang.pick("El correo no puede llevar espacios.", "An e-mail address cannot contain spaces.")
            }
            EmailProblem::NoAt => lang.pick(
                "Al correo le falta la @, p. ej. nombre@empresa.com.",
                "The e-mail address needs an @, e.g. name@company.com.",
            ),
            EmailProblem::SeveralAt => lang.pick("El correo lleva una sola @.", "An e-mail address has only one @."),
            EmailProblem::BadLocalPart => lang.pick(
                "Lo que va antes de la @ no es válido en un correo.",
                "What comes before the @ is not valid in an e-mail address.",
            ),
            EmailProblem::BadDomain => lang.pick(
                "Después de la @ va un dominio como empresa.com.",
                "After the @ comes a domain such as company.com.",
            ),
            EmailProblem::TooLong => lang.pick(
                "El correo es demasiado largo (máximo 254 caracteres).",
                "The e-mail address is too long (254 characters at most).",
            ),
        }
    }
}

impl Email {
    /// Reads an address as typed or stored: white space around it is dropped, a line
    /// break anywhere is refused (it would start a new mail header), and the rest must
    /// pass [`Email::parse`]; the error says which part is wrong.
    pub fn from_typed(text: &str) -> Result<Email, EmailProblem> {
        let value = text.trim();
        if value.chars().any(char::is_control) {
            return Err(EmailProblem::LineBreak);
        }
        if value.chars().any(char::is_whitespace) {
            return Err(EmailProblem::Space);
        }
        if value.len() > 254 {
            return Err(EmailProblem::TooLong);
        }
        if let Some(email) = Email::parse(value) {
            return Ok(email);
        }
        match value.matches('@').count() {
            0 => Err(EmailProblem::NoAt),
            1 => {
                let (local, _) = value.split_once('@').unwrap_or_default();
                if Email::local_part_ok(local) {
                    Err(EmailProblem::BadDomain)
                } else {
                    Err(EmailProblem::BadLocalPart)
                }
            }
            _ => Err(EmailProblem::SeveralAt),
        }
    }
}

impl E164 {
    /// Checks a strict E.164 number; spaces, dots, dashes and brackets are tolerated and removed.
    pub fn parse(value: &str) -> Option<E164> {
        let compact: String = value.chars().filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')')).collect();
        let digits = compact.strip_prefix('+')?;
        let ok =
            (7..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) && !digits.starts_with('0');
        ok.then_some(E164(compact))
    }

    /// The digits without the `+`, as `wa.me` links want them.
    pub fn digits(&self) -> &str {
        &self.0[1..]
    }
}

impl LangTag {
    /// Checks a tag: a 2–3 letter language, then optional subtags of 1–8 letters or digits.
    pub fn parse(value: &str) -> Option<LangTag> {
        let mut parts = value.split('-');
        let primary = parts.next()?;
        let ok = (2..=3).contains(&primary.len())
            && primary.bytes().all(|b| b.is_ascii_alphabetic())
            && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
        ok.then(|| LangTag(value.to_owned()))
    }
}

impl CountryCode {
    /// Mexico, the country a phone number without `+` is read in by default.
    pub fn mexico() -> CountryCode {
        CountryCode("MX".to_owned())
    }

    /// Checks a two-letter code; lower case is accepted and stored upper case.
    pub fn parse(value: &str) -> Option<CountryCode> {
        (value.len() == 2 && value.bytes().all(|b| b.is_ascii_alphabetic()))
            .then(|| CountryCode(value.to_ascii_uppercase()))
    }
}

impl AssetUrl {
    /// Checks a logo location: absolute `https:`, or a relative path with no scheme.
    pub fn parse(value: &str) -> Option<AssetUrl> {
        if value.to_ascii_lowercase().starts_with("https://") {
            return HttpUrl::parse(value).map(|url| AssetUrl(url.0));
        }
        let first_segment = value.split(['/', '?', '#']).next().unwrap_or("");
        let ok = !value.is_empty()
            && value.len() <= 2048
            && !value.starts_with('/')
            && !first_segment.contains(':')
            && !value.chars().any(|c| c.is_whitespace() || c.is_control() || c == '\\');
        ok.then(|| AssetUrl(value.to_owned()))
    }
}

/// A calendar date, checked against the real calendar (no 31 February).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoDate {
    year: i32,
    month: u8,
    day: u8,
}

impl IsoDate {
    /// Reads `YYYY-MM-DD`.
    pub fn parse(value: &str) -> Option<IsoDate> {
        let bytes = value.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let number = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = value.get(range)?;
            part.bytes().all(|b| b.is_ascii_digit()).then(|| part.parse().ok())?
        };
        let year = number(0..4)? as i32;
        let month = number(5..7)? as u8;
        let day = number(8..10)? as u8;
        IsoDate::from_ymd(year, month, day)
    }

    /// Builds a date from its parts, if it exists.
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Option<IsoDate> {
        let ok = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        ok.then_some(IsoDate { year, month, day })
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before), for date arithmetic.
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date a number of days after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> IsoDate {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        IsoDate { year, month, day }
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for IsoDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn slugs() {
        assert!(Slug::parse("aceros-del-norte").is_some());
        assert!(Slug::parse("a").is_some());
        assert!(Slug::parse(&"a".repeat(64)).is_some());
        for bad in ["", "Aceros", "aceros del norte", "acero_s", "ñandú", &"a".repeat(65)] {
            assert!(Slug::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn urls_only_http_and_https() {
        for good in [
            "https://example.com",
            "http://example.org/a?b=c#d",
            "HTTPS://EXAMPLE.COM/x",
            "https://user@example.com:8443/p",
        ] {
            assert!(HttpUrl::parse(good).is_some(), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,<script>",
            "vbscript:x",
            "ftp://example.com",
            "//example.com",
            "example.com",
            "https://",
            "https:///path",
            "https://exa mple.com",
            "https://example.com/\u{0}",
            "https://example.com\\@evil.com",
            "https://<script>/",
            " https://example.com",
        ] {
            assert!(HttpUrl::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn emails() {
        for good in ["ana@example.com", "compras.norte+mx@mail.example.org", "josé@ejemplo.mx"] {
            assert!(Email::parse(good).is_some(), "{good}");
        }
        for bad in [
            "",
            "ana",
            "ana@",
            "@example.com",
            "ana@example",
            "ana@@example.com",
            "ana @example.com",
            "ana@example..com",
            "<script>@example.com",
            "ana@example.com?subject=x",
            "mailto:ana@example.com",
            ".ana@example.com",
        ] {
            assert!(Email::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn typed_emails_say_what_is_wrong() {
        let check = |typed: &str, expect: Result<&str, EmailProblem>| {
            assert_eq!(Email::from_typed(typed).as_ref().map(Email::as_str).map_err(|p| *p), expect, "{typed:?}");
        };
        check("  carla@example.com ", Ok("carla@example.com"));
        check("carla@example.com\r\n", Ok("carla@example.com"));
        check("carla@example.com\r\nBcc: evil@x.com", Err(EmailProblem::LineBreak));
        check("carla@example.com\nevil@x.com", Err(EmailProblem::LineBreak));
        check("carla @example.com", Err(EmailProblem::Space));
        check("not-an-email", Err(EmailProblem::NoAt));
        check("a@b@c..com", Err(EmailProblem::SeveralAt));
        check("a@b..com", Err(EmailProblem::BadDomain));
        check("carla@example", Err(EmailProblem::BadDomain));
        check("<b>@example.com", Err(EmailProblem::BadLocalPart));
        check("@example.com", Err(EmailProblem::BadLocalPart));
        check(&format!("{}@example.com", "a".repeat(250)), Err(EmailProblem::TooLong));
        check("", Err(EmailProblem::NoAt));
        for problem in [EmailProblem::LineBreak, EmailProblem::SeveralAt, EmailProblem::BadDomain] {
            assert_ne!(problem.message(crate::Lang::Es), problem.message(crate::Lang::En));
        }
    }

    #[test]
    fn phone_numbers() {
        assert_eq!(E164::parse("+52 614 555 0123").map(|p| p.0), Some("+526145550123".into()));
        assert_eq!(E164::parse("+526145550123").map(|p| p.digits().to_owned()), Some("526145550123".into()));
        for bad in ["6145550123", "+0123456789", "+52 61a", "+12345", "+1234567890123456"] {
            assert!(E164::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn logo_locations() {
        assert!(AssetUrl::parse("logos/a.svg").is_some());
        assert!(AssetUrl::parse("https://example.com/a.png").is_some());
        for bad in ["javascript:alert(1)", "http://example.com/a.png", "/etc/passwd", "data:image/svg+xml,<svg>", ""] {
            assert!(AssetUrl::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn language_tags_and_countries() {
        assert!(LangTag::parse("es").is_some());
        assert!(LangTag::parse("es-MX").is_some());
        assert!(LangTag::parse("zh-Hant-TW").is_some());
        assert!(LangTag::parse("spanish").is_none());
        assert!(LangTag::parse("es-").is_none());
        assert_eq!(CountryCode::parse("mx").map(|c| c.0), Some("MX".into()));
        assert!(CountryCode::parse("MEX").is_none());
    }

    #[test]
    fn dates_follow_the_calendar() {
        assert!(IsoDate::parse("2024-02-29").is_some());
        for bad in [
            "2023-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "26-01-01",
            "2026-1-01",
            "2026/01/01",
            "+026-01-01",
        ] {
            assert!(IsoDate::parse(bad).is_none(), "{bad}");
        }
        assert_eq!(IsoDate::parse("1970-01-01").map(|d| d.days_since_epoch()), Some(0));
        assert_eq!(IsoDate::parse("2026-11-25").map(|d| d.to_string()), Some("2026-11-25".into()));
    }

    proptest! {
        #[test]
        fn date_arithmetic_round_trips(days in -1_000_000i64..1_000_000) {
            let date = IsoDate::from_days_since_epoch(days);
            prop_assert_eq!(date.days_since_epoch(), days);
            prop_assert!(IsoDate::from_ymd(date.year(), date.month(), date.day()).is_some());
        }

        #[test]
        fn typed_emails_are_valid_emails_or_say_why(s in "\\PC{0,80}") {
            match Email::from_typed(&s) {
                Ok(email) => prop_assert_eq!(Email::parse(email.as_str()), Some(email.clone())),
                Err(_) => prop_assert!(Email::parse(s.trim()).is_none()),
            }
        }

        #[test]
        fn validators_never_panic(s in "\\PC*") {
            let _ = (Slug::parse(&s), HttpUrl::parse(&s), Email::parse(&s), E164::parse(&s));
            let _ = (LangTag::parse(&s), CountryCode::parse(&s), AssetUrl::parse(&s), IsoDate::parse(&s));
        }
    }
}
