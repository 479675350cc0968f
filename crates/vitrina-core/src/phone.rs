//! Phone numbers as people type them at a fair, to E.164 and back to something readable.
//!
//! [`from_typed`] is the one place that turns a typed number into an [`E164`]:
//! the follow-up list's person form uses it, and so will the spreadsheet import.
//! Its rules, each pinned by a test below:
//! - digits may be separated by spaces, dashes, dots, slashes and brackets; any
//!   other character (a letter, a line break, a second `+`) is refused, never dropped;
//! - `+` (or the international prefix `00`) starts an international number, which
//!   must be a valid E.164 number; for a calling code in [`PLANS`] the national part
//!   must have that country's length (a trunk `(0)` written after the code is dropped);
//! - anything else is a national number of the directory's country: its trunk
//!   prefix is dropped, and what is left must have the country's length;
//! - Mexico (the default, [`DEFAULT_COUNTRY`]): `044` and `045` (mobile, dialled
//!   until 2019), `01` (long distance, until 2019) and the `1` written after
//!   `+52` for mobiles are dropped, so `044 614 410 2233`, `01 614 410 2233`,
//!   `+52 1 614 410 2233` and `(614) 410-2233` all read `+526144102233`.
//!
//! The table is small on purpose: the `phonenumber` crate knows every country's
//! plan but adds megabytes of metadata to the wasm. A country missing from
//! [`PLANS`] still works with a leading `+`; a national number then needs its code.
//! [`display`] groups the digits for reading: `+52 614 410 2233`.

use crate::lang::Lang;
use crate::valid::{CountryCode, E164};

/// The country whose numbers are read when a number has no `+`: the directory
/// format has no cluster country, and Vitrina's clusters are Mexican.
pub const DEFAULT_COUNTRY: &str = "MX";

/// The longest text read as a phone number (E.164's 15 digits with generous spacing).
pub const MAX_TYPED_LEN: usize = 40;

/// How one country's numbers are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CallingPlan {
    /// ISO 3166-1 alpha-2 code.
    pub country: &'static str,
    /// The country's name in Spanish and English, for messages.
    pub name: (&'static str, &'static str),
    /// The international calling code, without `+`.
    pub calling_code: &'static str,
    /// The prefix dialled before a national number inside the country (often `0`), or empty.
    pub trunk_prefix: &'static str,
    /// The fewest and most digits of a national number without its trunk prefix.
    pub national_digits: (usize, usize),
}

const fn plan(
    country: &'static str,
    name: (&'static str, &'static str),
    calling_code: &'static str,
    trunk_prefix: &'static str,
    national_digits: (usize, usize),
) -> CallingPlan {
    CallingPlan { country, name, calling_code, trunk_prefix, national_digits }
}

/// The countries whose national numbers are understood: Mexico, its main trading
/// partners and the countries its clusters' visitors come from most. Lengths are
/// the national significant numbers of each plan (ITU-T E.164 national plans).
pub const PLANS: &[CallingPlan] = &[
    plan("MX", ("México", "Mexico"), "52", "01", (10, 10)),
    plan("US", ("Estados Unidos", "the United States"), "1", "1", (10, 10)),
    plan("CA", ("Canadá", "Canada"), "1", "1", (10, 10)),
    plan("GT", ("Guatemala", "Guatemala"), "502", "", (8, 8)),
    plan("CO", ("Colombia", "Colombia"), "57", "", (10, 10)),
    plan("CL", ("Chile", "Chile"), "56", "", (9, 9)),
    plan("BR", ("Brasil", "Brazil"), "55", "0", (10, 11)),
    plan("ES", ("España", "Spain"), "34", "", (9, 9)),
    plan("DE", ("Alemania", "Germany"), "49", "0", (6, 13)),
    plan("FR", ("Francia", "France"), "33", "0", (9, 9)),
    // Italy keeps its leading 0 after +39, so it has no trunk prefix to drop.
    plan("IT", ("Italia", "Italy"), "39", "", (6, 11)),
    plan("GB", ("Reino Unido", "the United Kingdom"), "44", "0", (9, 10)),
    plan("JP", ("Japón", "Japan"), "81", "0", (9, 10)),
    plan("KR", ("Corea del Sur", "South Korea"), "82", "0", (8, 10)),
    plan("CN", ("China", "China"), "86", "0", (10, 11)),
    plan("IN", ("India", "India"), "91", "0", (10, 10)),
];

/// The calling plan of a country, if the table has it.
pub fn plan_of(country: &CountryCode) -> Option<&'static CallingPlan> {
    PLANS.iter().find(|plan| plan.country == country.as_str())
}

/// What is wrong with a typed phone number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PhoneProblem {
    /// Occurs when the text holds something besides digits, separators and one leading `+`.
    NotANumber,
    /// Occurs when a national number has too few or too many digits for its country.
    WrongLength {
        /// The country whose plan was used.
        plan: &'static CallingPlan,
    },
    /// Occurs when a number after `+` is not a valid E.164 number (7 to 15 digits, not starting with 0).
    BadInternational,
    /// Occurs when a number has no `+` and the directory's country is not in [`PLANS`].
    NeedsCountryCode,
}

impl PhoneProblem {
    /// A one-line explanation that says what to write instead, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            PhoneProblem::NotANumber => lang
                .pick(
                    "Un teléfono lleva solo dígitos, espacios, guiones, paréntesis y un + al inicio.",
                    "A phone number holds only digits, spaces, dashes, brackets and a leading +.",
                )
                .into(),
            PhoneProblem::WrongLength { plan } => {
                let (min, max) = plan.national_digits;
                let digits = if min == max { format!("{min}") } else { format!("{min}–{max}") };
                let example = if plan.country == "MX" { " (614 410 2233)" } else { "" };
                match lang {
                    Lang::Es => format!(
                        "Un número de {} lleva {digits} dígitos{example}; si es de otro país, empiece con + y su clave.",
                        plan.name.0
                    ),
                    Lang::En => format!(
                        "A number in {} has {digits} digits{example}; for another country, start with + and its code.",
                        plan.name.1
                    ),
                }
            }
            PhoneProblem::BadInternational => lang
                .pick(
                    "Después del + van la clave del país y el número: de 7 a 15 dígitos, p. ej. +52 614 410 2233.",
                    "After the + come the country code and the number: 7 to 15 digits, e.g. +52 614 410 2233.",
                )
                .into(),
            PhoneProblem::NeedsCountryCode => lang
                .pick(
                    "Escriba el número con + y la clave del país, p. ej. +52 614 410 2233.",
                    "Write the number with + and the country code, e.g. +52 614 410 2233.",
                )
                .into(),
        }
    }
}

/// Reads a phone number as typed, reading a number without `+` as one of `country`.
///
/// The caller treats an empty text as "no phone"; here it is [`PhoneProblem::NotANumber`].
pub fn from_typed(text: &str, country: &CountryCode) -> Result<E164, PhoneProblem> {
    let text = text.trim();
    if text.is_empty() || text.len() > MAX_TYPED_LEN {
        return Err(PhoneProblem::NotANumber);
    }
    let international = text.starts_with('+');
    let mut digits = String::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if at == 0 => {}
            // The separators seen on business cards, no-break spaces included.
            ' ' | '-' | '.' | '/' | '(' | ')' | '\u{A0}' | '\u{2007}' | '\u{202F}' | '\u{2010}'..='\u{2013}' => {}
            _ => return Err(PhoneProblem::NotANumber),
        }
    }
    if digits.is_empty() {
        return Err(PhoneProblem::NotANumber);
    }
    if international {
        return international_number(&digits);
    }
    if let Some(rest) = digits.strip_prefix("00") {
        return international_number(rest);
    }
    let plan = plan_of(country).ok_or(PhoneProblem::NeedsCountryCode)?;
    let national = national_number(&digits, plan, false).ok_or(PhoneProblem::WrongLength { plan })?;
    E164::parse(&format!("+{}{national}", plan.calling_code)).ok_or(PhoneProblem::WrongLength { plan })
}

/// Reads a stored phone text (a directory contact's free text, an old entry, a backup):
/// an extension or a remark after the number (`ext. 12`) is left out, then [`from_typed`]
/// with the default country. `None` when it does not hold a number.
pub fn from_stored(text: &str) -> Option<E164> {
    let number = text.split(|c: char| c.is_alphabetic()).next().unwrap_or("");
    // A stored text that began with words ("call me …") holds no number to call.
    if number.trim().is_empty() {
        return None;
    }
    from_typed(number.trim_end_matches([' ', ',', ';', ':']), &default_country()).ok()
}

/// [`DEFAULT_COUNTRY`] as a checked code.
pub fn default_country() -> CountryCode {
    CountryCode::mexico()
}

fn international_number(digits: &str) -> Result<E164, PhoneProblem> {
    let plan = PLANS.iter().find(|plan| digits.starts_with(plan.calling_code));
    let digits = match plan {
        Some(plan) => {
            let national = &digits[plan.calling_code.len()..];
            let national = national_number(national, plan, true).ok_or(PhoneProblem::WrongLength { plan })?;
            format!("{}{national}", plan.calling_code)
        }
        None => digits.to_owned(),
    };
    E164::parse(&format!("+{digits}")).ok_or(PhoneProblem::BadInternational)
}

/// The national significant number: `digits` without the prefixes dialled inside
/// the country (or, `after_code`, written after its calling code), if what is left
/// has the plan's length. A prefix is dropped first: no plan's numbers start with it.
fn national_number<'a>(digits: &'a str, plan: &CallingPlan, after_code: bool) -> Option<&'a str> {
    let (min, max) = plan.national_digits;
    let fits = |n: &&str| (min..=max).contains(&n.len());
    // Mexico's were retired in 2019 and are still printed on cards and typed from habit:
    // 044/045 before a mobile, 01 before long distance, and 1 after +52 for a mobile.
    let prefixes: &[&str] = match (plan.country, after_code) {
        ("MX", false) => &["044", "045", "01"],
        ("MX", true) => &["1", "01"],
        _ => &[plan.trunk_prefix],
    };
    prefixes
        .iter()
        .filter(|prefix| !prefix.is_empty())
        .filter_map(|prefix| digits.strip_prefix(prefix))
        .find(fits)
        .or(Some(digits).filter(fits))
}

/// The number grouped for reading: `+52 614 410 2233`, `+52 55 1234 5678`, `+1 212 555 0123`.
///
/// Mexico's three metropolitan areas (55, 33, 81) have two-digit area codes, the rest
/// three; North America is 3-3-4; other countries are grouped in threes, which reads
/// well without pretending to be their own convention. Unknown codes stay compact.
pub fn display(number: &E164) -> String {
    let digits = number.digits();
    let Some(plan) = PLANS.iter().find(|plan| digits.starts_with(plan.calling_code)) else {
        return number.to_string();
    };
    let national = &digits[plan.calling_code.len()..];
    let groups: Vec<usize> = match (plan.calling_code, national.len()) {
        ("52", 10) if ["55", "33", "81"].iter().any(|area| national.starts_with(area)) => vec![2, 4, 4],
        ("52" | "1", 10) => vec![3, 3, 4],
        (_, len) => {
            let mut sizes = vec![3; len / 3];
            match len % 3 {
                0 => {}
                // A lone digit joins the last group rather than standing alone.
                1 if !sizes.is_empty() => {
                    if let Some(last) = sizes.last_mut() {
                        *last += 1;
                    }
                }
                rest => sizes.push(rest),
            }
            sizes
        }
    };
    let mut out = format!("+{}", plan.calling_code);
    let mut at = 0;
    for size in groups {
        let end = (at + size).min(national.len());
        out.push(' ');
        out.push_str(&national[at..end]);
        at = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn mx() -> CountryCode {
        default_country()
    }

    fn check(typed: &str, country: &str, expect: Result<&str, &str>) {
        let country = CountryCode::parse(country).unwrap();
        let got = from_typed(typed, &country).map(|n| display(&n));
        match (got, expect) {
            (Ok(shown), Ok(want)) => assert_eq!(shown, want, "{typed:?}"),
            (Err(problem), Err(kind)) => assert!(format!("{problem:?}").starts_with(kind), "{typed:?}: {problem:?}"),
            (got, want) => panic!("{typed:?}: got {got:?}, want {want:?}"),
        }
    }

    #[test]
    fn mexican_numbers_as_people_type_them() {
        for typed in [
            "614 410 2233",
            "6144102233",
            "044 614 410 2233",
            "045 614 410 2233",
            "01 614 410 2233",
            "+52 1 614 410 2233",
            "+52 614 410 2233",
            "+526144102233",
            "(614) 410-2233",
            "614.410.2233",
            "0052 614 410 2233",
            "614\u{A0}410\u{A0}2233",
            "  614 410 2233  ",
        ] {
            check(typed, "MX", Ok("+52 614 410 2233"));
        }
        check("55 1234 5678", "MX", Ok("+52 55 1234 5678"));
        check("(81) 5555-0000", "mx", Ok("+52 81 5555 0000"));
        assert_eq!(from_typed("614 410 2233", &mx()).unwrap().as_str(), "+526144102233");
    }

    #[test]
    fn what_is_not_a_number_is_refused() {
        check("call me maybe", "MX", Err("NotANumber"));
        check("614 410 2233 ext. 5", "MX", Err("NotANumber"));
        check("614 410 2233\r\n", "MX", Ok("+52 614 410 2233"));
        check("614\n410 2233", "MX", Err("NotANumber"));
        check("+52 +614", "MX", Err("NotANumber"));
        check("", "MX", Err("NotANumber"));
        check("---", "MX", Err("NotANumber"));
        check("javascript:alert(1)", "MX", Err("NotANumber"));
        check(&"1".repeat(25), "MX", Err("WrongLength"));
        check("1234567890123456789012345", "MX", Err("WrongLength"));
        check("410 2233", "MX", Err("WrongLength"));
        check("+52 410 2233", "MX", Err("WrongLength"));
        check("+0 614 410 2233", "MX", Err("BadInternational"));
        check(&format!("+{}", "9".repeat(16)), "MX", Err("BadInternational"));
        check("614 410 2233", "ZZ", Err("NeedsCountryCode"));
    }

    #[test]
    fn other_countries_from_the_table() {
        check("(212) 555-0123", "US", Ok("+1 212 555 0123"));
        check("1 212 555 0123", "US", Ok("+1 212 555 0123"));
        check("+1 212 555 0123", "MX", Ok("+1 212 555 0123"));
        check("030 1234567", "DE", Ok("+49 301 234 567"));
        check("+49 (0) 30 1234567", "MX", Ok("+49 301 234 567"));
        check("06 12 34 56 78", "FR", Ok("+33 612 345 678"));
        check("+39 06 1234 5678", "MX", Ok("+39 061 234 5678"));
        check("612 34 56 78", "ES", Ok("+34 612 345 678"));
        // Not in the table: fine with a +, shown compact.
        check("+372 5123 4567", "MX", Ok("+37251234567"));
        check("5123 4567", "EE", Err("NeedsCountryCode"));
    }

    #[test]
    fn stored_text_keeps_the_number_before_an_extension() {
        assert_eq!(from_stored("+52 614 555 0101 ext. 12").map(|n| n.to_string()), Some("+526145550101".into()));
        assert_eq!(from_stored("614 555 0102").map(|n| n.to_string()), Some("+526145550102".into()));
        for bad in ["call me maybe", "", "1234567890123456789012345", "x 614 555 0102", "javascript:alert(1)"] {
            assert_eq!(from_stored(bad), None, "{bad}");
        }
    }

    #[test]
    fn every_problem_has_a_message_in_both_languages() {
        let plan = plan_of(&mx()).unwrap();
        for problem in [
            PhoneProblem::NotANumber,
            PhoneProblem::WrongLength { plan },
            PhoneProblem::BadInternational,
            PhoneProblem::NeedsCountryCode,
        ] {
            assert_ne!(problem.message(Lang::Es), problem.message(Lang::En));
        }
        assert!(PhoneProblem::WrongLength { plan }.message(Lang::Es).contains("México lleva 10 dígitos"));
    }

    #[test]
    fn the_table_is_consistent() {
        for plan in PLANS {
            assert!(CountryCode::parse(plan.country).is_some(), "{}", plan.country);
            assert!(plan.national_digits.0 <= plan.national_digits.1);
            assert!(plan.calling_code.len() + plan.national_digits.1 <= 15, "{}", plan.country);
        }
    }

    proptest! {
        #[test]
        fn never_panics_and_only_valid_numbers_come_out(text in "\\PC{0,50}", country in "[A-Z]{2}") {
            let country = CountryCode::parse(&country).unwrap();
            if let Ok(number) = from_typed(&text, &country) {
                prop_assert_eq!(E164::parse(number.as_str()), Some(number.clone()));
            }
            let _ = from_stored(&text);
        }

        #[test]
        fn phone_like_text_never_panics(text in "[+0-9 ()./-]{0,45}") {
            if let Ok(number) = from_typed(&text, &mx()) {
                prop_assert!(E164::parse(number.as_str()).is_some());
            }
        }

        #[test]
        fn what_is_shown_reads_back_as_the_same_number(national in "[2-9][0-9]{9}", country in prop::sample::select(PLANS)) {
            let country = CountryCode::parse(country.country).unwrap();
            if let Ok(number) = from_typed(&national, &country) {
                let shown = display(&number);
                prop_assert_eq!(from_typed(&shown, &mx()), Ok(number.clone()));
                prop_assert_eq!(E164::parse(&shown), Some(number));
            }
        }

        #[test]
        fn every_mexican_number_round_trips(national in "[2-9][0-9]{9}", prefix in prop::sample::select(vec!["", "044 ", "045 ", "01 ", "+52 ", "+52 1 ", "0052 "])) {
            let number = from_typed(&format!("{prefix}{national}"), &mx()).unwrap();
            prop_assert_eq!(number.as_str(), format!("+52{national}"));
            prop_assert_eq!(from_typed(&display(&number), &mx()), Ok(number));
        }
    }
}
