//! Values as staff write them in a spreadsheet, read into the directory's types.
//!
//! The rules, each pinned by a test in `import/tests.rs`:
//! - **Lists** split on `,` `;` `/` and line breaks. For capability and certification names
//!   ([`split_names`]) a piece that is itself a known name is kept whole, so `Soldadura MIG/MAG`
//!   or `ISO/TS 16949` in the vocabulary survive; `;` and line breaks always split; a piece
//!   with `/` that matches nothing, and none of whose parts match either, is kept whole too, so
//!   it is listed as one unmatched name rather than as fragments. `ISO 9001:2015` and
//!   `IATF 16949` hold no separator and are never split.
//! - **Numbers** ([`parse_number`]): spaces between digits are dropped; with both `,` and `.`
//!   the last one is the decimal mark and the other groups thousands (`1.509,5`, `1,509.5`);
//!   several of one mark group thousands (`1,509,000`); one `,` followed by exactly three
//!   digits (`1,509`) is thousands in a whole-number column (employees, year) and ambiguous
//!   in a decimal column (investment in millions, where 1.509 is as likely as 1509), so it is
//!   a problem there; one `,` followed by another count of digits is a decimal (`15,5`); one
//!   `.` is a decimal mark, as in Mexico, except that in a whole-number column `.` plus
//!   exactly three digits is thousands (`1.509` employees). Groups of thousands must have
//!   three digits (`1,50,9` is not a number).
//! - **Dates** ([`cell_date`]): Excel serials in the 1900 system (serial 60 is Lotus'
//!   phantom 1900-02-29, a problem) or the 1904 system; ISO `yyyy-mm-dd` (a time after it is
//!   ignored); `dd/mm/yyyy`, `dd-mm-yyyy` or `dd.mm.yyyy`, day first as in Mexico; a number in
//!   a date column is a 1900 serial.
//! - **Tiers** ([`member_kind`]): `Tier 1`, `T1`, `Nivel 1`, `N1` (and 2, 3), `OEM`,
//!   `Armadora`, `Servicios`, `Institución`, `Universidad`, and the format's own names.
//! - **Marks** ([`mark`]) of a capability matrix: yes is `X`, `✓`, `✔`, `sí`, `si`, `1`,
//!   `yes`, TRUE; no is blank, `no`, `0`, FALSE; anything else is not a mark.
//! - **Links** ([`web_address`]): no scheme gets `https://`; `http:`/`https:` are checked by
//!   `HttpUrl`; any other scheme (`javascript:`, `mailto:`) and formulas are refused.

use crate::workbook::{Cell, DateSystem};
use vitrina_core::model::MemberKind;
use vitrina_core::phone::PLANS;
use vitrina_core::search::normalize;
use vitrina_core::valid::{CountryCode, HttpUrl, IsoDate, LangTag};
use vitrina_core::Lang;

/// Splits a free list (customers, languages) on `,` `;` `/` and line breaks.
pub fn split_list(text: &str) -> Vec<&str> {
    text.split([',', ';', '/', '\n', '\r']).map(str::trim).filter(|piece| !piece.is_empty()).collect()
}

/// Splits a cell of capability or certification names, keeping known names whole (see the
/// module documentation); `is_known` says whether a text names a vocabulary entry.
pub fn split_names(text: &str, is_known: impl Fn(&str) -> bool) -> Vec<&str> {
    let mut names = Vec::new();
    for piece in text.split([';', '\n', '\r']).map(str::trim).filter(|piece| !piece.is_empty()) {
        if is_known(piece) {
            names.push(piece);
            continue;
        }
        for part in piece.split(',').map(str::trim).filter(|part| !part.is_empty()) {
            if !part.contains('/') || is_known(part) {
                names.push(part);
                continue;
            }
            let slashed: Vec<&str> = part.split('/').map(str::trim).filter(|bit| !bit.is_empty()).collect();
            if slashed.iter().any(|bit| is_known(bit)) {
                names.extend(slashed);
            } else {
                names.push(part);
            }
        }
    }
    names
}

/// Whether a number column holds whole numbers (employees, years) or decimals (investment).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberShape {
    /// Whole numbers: a single separator before three digits groups thousands.
    Whole,
    /// Decimals: `,` before three digits is ambiguous.
    Decimal,
}

/// Why a cell is not the number its column needs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NumberProblem {
    /// Occurs when the text is not a number.
    NotANumber,
    /// Occurs when `1,509` could be 1509 or 1.509.
    Ambiguous {
        /// The reading with thousands.
        thousands: f64,
        /// The reading with a decimal comma.
        decimal: f64,
    },
    /// Occurs when the number is below zero.
    Negative,
    /// Occurs when a whole number has a fraction.
    NotWhole,
}

impl NumberProblem {
    /// Why, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            NumberProblem::NotANumber => lang.pick("no es un número", "it is not a number").into(),
            NumberProblem::Ambiguous { thousands, decimal } => match lang {
                Lang::Es => format!(
                    "puede ser {thousands} o {decimal}; escriba {thousands} sin coma, o {decimal} con punto decimal"
                ),
                Lang::En => format!(
                    "it could be {thousands} or {decimal}; write {thousands} without a comma, or {decimal} with a decimal point"
                ),
            },
            NumberProblem::Negative => lang.pick("es menor que cero", "it is below zero").into(),
            NumberProblem::NotWhole => lang.pick("no es un número entero", "it is not a whole number").into(),
        }
    }
}

/// Reads a number as written (see the module documentation for the separators).
pub fn parse_number(text: &str, shape: NumberShape) -> Result<f64, NumberProblem> {
    let compact: String =
        text.trim().chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')).collect();
    let (negative, unsigned) = match compact.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, compact.strip_prefix('+').unwrap_or(&compact)),
    };
    if unsigned.is_empty() || !unsigned.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.') {
        return Err(NumberProblem::NotANumber);
    }
    let (commas, dots) = (unsigned.matches(',').count(), unsigned.matches('.').count());
    let value = match (commas, dots) {
        (0, 0) => plain(unsigned, "")?,
        (0, _) | (_, 0) => {
            let mark = if commas > 0 { ',' } else { '.' };
            if commas + dots > 1 {
                plain(&grouped(unsigned, mark)?, "")?
            } else {
                let (before, after) = unsigned.split_once(mark).ok_or(NumberProblem::NotANumber)?;
                let looks_grouped = after.len() == 3 && (1..=3).contains(&before.len()) && !before.starts_with('0');
                match (looks_grouped, shape, mark) {
                    (true, NumberShape::Whole, _) => plain(&format!("{before}{after}"), "")?,
                    (true, NumberShape::Decimal, ',') => {
                        return Err(NumberProblem::Ambiguous {
                            thousands: plain(&format!("{before}{after}"), "")?,
                            decimal: plain(before, after)?,
                        })
                    }
                    _ => plain(before, after)?,
                }
            }
        }
        _ => {
            let (last_comma, last_dot) = (unsigned.rfind(',').unwrap_or(0), unsigned.rfind('.').unwrap_or(0));
            let (decimal_mark, group_mark) = if last_comma > last_dot { (',', '.') } else { ('.', ',') };
            let (whole, fraction) = unsigned.rsplit_once(decimal_mark).ok_or(NumberProblem::NotANumber)?;
            if whole.contains(decimal_mark) {
                return Err(NumberProblem::NotANumber);
            }
            plain(&grouped(whole, group_mark)?, fraction)?
        }
    };
    let value = if negative { -value } else { value };
    if value < 0.0 {
        return Err(NumberProblem::Negative);
    }
    if shape == NumberShape::Whole && value.fract() != 0.0 {
        return Err(NumberProblem::NotWhole);
    }
    Ok(value)
}

/// Digits grouped by `mark` in threes after a first group of one to three, without the marks.
fn grouped(text: &str, mark: char) -> Result<String, NumberProblem> {
    let mut groups = text.split(mark);
    let first = groups.next().unwrap_or("");
    let ok = (1..=3).contains(&first.len()) && groups.clone().all(|group| group.len() == 3);
    ok.then(|| text.replace(mark, "")).ok_or(NumberProblem::NotANumber)
}

/// `whole.fraction` from digit strings; at least one digit on each side that is given.
fn plain(whole: &str, fraction: &str) -> Result<f64, NumberProblem> {
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() && fraction.is_empty() || !digits(whole) || !digits(fraction) {
        return Err(NumberProblem::NotANumber);
    }
    let text = if fraction.is_empty() { whole.to_owned() } else { format!("{}.{fraction}", whole_or_zero(whole)) };
    text.parse::<f64>().ok().filter(|value| value.is_finite()).ok_or(NumberProblem::NotANumber)
}

fn whole_or_zero(whole: &str) -> &str {
    if whole.is_empty() {
        "0"
    } else {
        whole
    }
}

/// A cell as a number of the given shape: a number cell as is, text by [`parse_number`].
pub fn cell_number(cell: &Cell, shape: NumberShape) -> Result<f64, NumberProblem> {
    match cell {
        Cell::Number(value) => {
            if *value < 0.0 {
                Err(NumberProblem::Negative)
            } else if shape == NumberShape::Whole && value.fract() != 0.0 {
                Err(NumberProblem::NotWhole)
            } else {
                Ok(*value)
            }
        }
        Cell::Text(text) => {
            let text = text.trim();
            // Currency signs and the unit are what people add to an amount; the rest is the number.
            let text = text.strip_prefix('$').unwrap_or(text);
            let lower = text.to_ascii_lowercase();
            let unit = ["musd", "mdd", "usd"].iter().find(|unit| lower.ends_with(*unit)).map_or(0, |unit| unit.len());
            let text = if shape == NumberShape::Decimal { &text[..text.len() - unit] } else { text };
            parse_number(text, shape)
        }
        _ => Err(NumberProblem::NotANumber),
    }
}

/// Why a cell is not a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateProblem {
    /// Occurs for Excel's serial 60, the 29 February 1900 that never was.
    PhantomLeapDay,
    /// Occurs when the cell is not a date in any form read.
    NotADate,
}

impl DateProblem {
    /// Why, in `lang`.
    pub fn message(self, lang: Lang) -> &'static str {
        match self {
            DateProblem::PhantomLeapDay => lang.pick(
                "es el 29 de febrero de 1900 de Excel, un día que no existió",
                "it is Excel's 29 February 1900, a day that never was",
            ),
            DateProblem::NotADate => lang.pick(
                "no es una fecha; escriba aaaa-mm-dd o dd/mm/aaaa",
                "it is not a date; write yyyy-mm-dd or dd/mm/yyyy",
            ),
        }
    }
}

/// The last serial Excel shows as a date, 9999-12-31.
const LAST_SERIAL: f64 = 2_958_465.0;

/// The date of an Excel serial; a fraction (the time) is ignored.
pub fn serial_date(serial: f64, system: DateSystem) -> Result<IsoDate, DateProblem> {
    if !serial.is_finite() || !(0.0..=LAST_SERIAL).contains(&serial) {
        return Err(DateProblem::NotADate);
    }
    let day = serial.floor() as i64;
    // 1899-12-31 is day 0 of the 1900 system; past the phantom leap day every serial is one too high.
    let (epoch, offset) = match system {
        DateSystem::Excel1900 if day == 60 => return Err(DateProblem::PhantomLeapDay),
        DateSystem::Excel1900 if day == 0 => return Err(DateProblem::NotADate),
        DateSystem::Excel1900 if day < 60 => (IsoDate::from_ymd(1899, 12, 31), day),
        DateSystem::Excel1900 => (IsoDate::from_ymd(1899, 12, 31), day - 1),
        DateSystem::Excel1904 => (IsoDate::from_ymd(1904, 1, 1), day),
    };
    let epoch = epoch.ok_or(DateProblem::NotADate)?;
    Ok(IsoDate::from_days_since_epoch(epoch.days_since_epoch() + offset))
}

/// A date written as text: ISO first, then day/month/year.
pub fn text_date(text: &str) -> Result<IsoDate, DateProblem> {
    let text = text.trim();
    if let Some(date) = text.get(..10).and_then(IsoDate::parse) {
        let rest = &text[10..];
        if rest.is_empty() || rest.starts_with(['T', ' ']) {
            return Ok(date);
        }
    }
    let parts: Vec<&str> = text.split(['/', '-', '.']).collect();
    let number = |part: &str, lengths: std::ops::RangeInclusive<usize>| {
        (lengths.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit())).then(|| part.parse::<i32>().ok())?
    };
    let date = match parts.as_slice() {
        [day, month, year] => match (number(day, 1..=2), number(month, 1..=2), number(year, 4..=4)) {
            (Some(day), Some(month), Some(year)) => IsoDate::from_ymd(year, month as u8, day as u8),
            _ => match (number(day, 4..=4), number(month, 1..=2), number(year, 1..=2)) {
                (Some(y), Some(m), Some(d)) => IsoDate::from_ymd(y, m as u8, d as u8),
                _ => None,
            },
        },
        _ => None,
    };
    date.ok_or(DateProblem::NotADate)
}

/// A cell as a date: a date serial, an ISO date (.ods), text, or a number read as a 1900 serial.
pub fn cell_date(cell: &Cell) -> Result<IsoDate, DateProblem> {
    match cell {
        Cell::Date { serial, system } => serial_date(*serial, *system),
        Cell::Number(serial) => serial_date(*serial, DateSystem::Excel1900),
        Cell::IsoDate(text) | Cell::Text(text) => text_date(text),
        _ => Err(DateProblem::NotADate),
    }
}

/// The member kind a tier word names.
pub fn member_kind(text: &str) -> Option<MemberKind> {
    let folded = normalize(text);
    let compact = folded.replace(' ', "");
    let tier = |n: &str| ["tier", "t", "nivel", "n"].iter().any(|word| compact == format!("{word}{n}"));
    if tier("1") || compact == "tieri" || compact == "niveli" {
        return Some(MemberKind::Tier1);
    }
    if tier("2") || compact == "tierii" || compact == "nivelii" {
        return Some(MemberKind::Tier2);
    }
    if tier("3") || compact == "tieriii" || compact == "niveliii" {
        return Some(MemberKind::Tier3);
    }
    let words: &[(&str, MemberKind)] = &[
        ("oem", MemberKind::Oem),
        ("armadora", MemberKind::Oem),
        ("ensambladora", MemberKind::Oem),
        ("fabricante de equipo original", MemberKind::Oem),
        ("servicio", MemberKind::Service),
        ("servicios", MemberKind::Service),
        ("service", MemberKind::Service),
        ("services", MemberKind::Service),
        ("proveedor de servicios", MemberKind::Service),
        ("institucion", MemberKind::Institution),
        ("instituciones", MemberKind::Institution),
        ("institution", MemberKind::Institution),
        ("universidad", MemberKind::Institution),
        ("university", MemberKind::Institution),
        ("academia", MemberKind::Institution),
        ("gobierno", MemberKind::Institution),
        ("government", MemberKind::Institution),
        ("centro de investigacion", MemberKind::Institution),
    ];
    words.iter().find(|(word, _)| *word == folded).map(|&(_, kind)| kind).or_else(|| MemberKind::from_name(&compact))
}

/// A capability matrix cell: `Some(true)` marked, `Some(false)` not, `None` not a mark.
pub fn mark(cell: &Cell) -> Option<bool> {
    match cell {
        Cell::Empty => Some(false),
        Cell::Bool(value) => Some(*value),
        Cell::Number(value) if *value == 1.0 => Some(true),
        Cell::Number(value) if *value == 0.0 => Some(false),
        Cell::Text(text) => {
            let text = text.trim();
            if text.is_empty() {
                return Some(false);
            }
            if matches!(text, "✓" | "✔" | "☑" | "✅") {
                return Some(true);
            }
            match normalize(text).as_str() {
                "x" | "si" | "yes" | "1" | "true" | "verdadero" => Some(true),
                "no" | "0" | "false" | "falso" => Some(false),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Why a web address was not kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UrlProblem {
    /// Occurs for a scheme other than http or https (`javascript:`, `mailto:`, `file:`).
    Scheme(String),
    /// Occurs for a formula such as `=HYPERLINK(…)`: its text is not an address.
    Formula,
    /// Occurs when the text is not an address even with `https://` before it.
    NotAnAddress,
}

impl UrlProblem {
    /// Why, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (UrlProblem::Scheme(scheme), Lang::Es) => {
                format!("empieza con «{scheme}:», y solo se enlazan direcciones http: o https:")
            }
            (UrlProblem::Scheme(scheme), Lang::En) => {
                format!("it starts with “{scheme}:”, and only http: or https: addresses are linked")
            }
            (UrlProblem::Formula, Lang::Es) => "es una fórmula, no una dirección; escriba la dirección".into(),
            (UrlProblem::Formula, Lang::En) => "it is a formula, not an address; write the address".into(),
            (UrlProblem::NotAnAddress, Lang::Es) => "no es una dirección web, como www.empresa.com".into(),
            (UrlProblem::NotAnAddress, Lang::En) => "it is not a web address, such as www.company.com".into(),
        }
    }
}

/// A web address as written: `https://` is put before one without a scheme.
pub fn web_address(text: &str) -> Result<HttpUrl, UrlProblem> {
    let text = text.trim();
    if text.starts_with('=') {
        return Err(UrlProblem::Formula);
    }
    if let Some((scheme, _)) = text.split_once(':') {
        let is_scheme = scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && scheme.chars().all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '-');
        if is_scheme {
            let lower = scheme.to_ascii_lowercase();
            if lower != "http" && lower != "https" {
                return Err(UrlProblem::Scheme(scheme.to_owned()));
            }
            return HttpUrl::parse(text).ok_or(UrlProblem::NotAnAddress);
        }
    }
    let rest = text.strip_prefix("//").unwrap_or(text);
    let host = rest.split(['/', '?', '#', ':']).next().unwrap_or("");
    if !host.contains('.') || host.starts_with('.') || host.ends_with('.') {
        return Err(UrlProblem::NotAnAddress);
    }
    HttpUrl::parse(&format!("https://{rest}")).ok_or(UrlProblem::NotAnAddress)
}

/// A country as a two-letter code or its name in Spanish or English.
pub fn country(text: &str) -> Option<CountryCode> {
    let text = text.trim();
    if text.len() == 2 {
        return CountryCode::parse(text);
    }
    let folded = normalize(text);
    let extra: &[(&str, &str)] = &[
        ("usa", "US"),
        ("eua", "US"),
        ("eeuu", "US"),
        ("ee uu", "US"),
        ("estados unidos de america", "US"),
        ("united states", "US"),
        ("united states of america", "US"),
        ("estados unidos mexicanos", "MX"),
    ];
    let by_plan = PLANS
        .iter()
        .find(|plan| normalize(plan.name.0) == folded || normalize(plan.name.1.trim_start_matches("the ")) == folded);
    by_plan
        .map(|plan| plan.country)
        .or_else(|| extra.iter().find(|(name, _)| *name == folded).map(|&(_, code)| code))
        .and_then(CountryCode::parse)
}

/// A language as a BCP 47 tag or its name in Spanish or English.
pub fn language(text: &str) -> Option<LangTag> {
    let text = text.trim();
    if text.len() <= 5 && text.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-') {
        if let Some(tag) = LangTag::parse(&text.to_ascii_lowercase()) {
            if text.len() != 3 {
                return Some(tag);
            }
        }
    }
    let names: &[(&str, &str)] = &[
        ("espanol", "es"),
        ("castellano", "es"),
        ("spanish", "es"),
        ("ingles", "en"),
        ("english", "en"),
        ("aleman", "de"),
        ("german", "de"),
        ("frances", "fr"),
        ("french", "fr"),
        ("italiano", "it"),
        ("italian", "it"),
        ("portugues", "pt"),
        ("portuguese", "pt"),
        ("japones", "ja"),
        ("japanese", "ja"),
        ("chino", "zh"),
        ("mandarin", "zh"),
        ("chinese", "zh"),
        ("coreano", "ko"),
        ("korean", "ko"),
    ];
    let folded = normalize(text);
    names.iter().find(|(name, _)| *name == folded).and_then(|&(_, tag)| LangTag::parse(tag))
}

/// True for text a spreadsheet would read as a formula if typed (`=`, `+`, `-`, `@` first):
/// it is kept as text and never evaluated; problems say so.
pub fn looks_like_formula(text: &str) -> bool {
    text.trim_start().starts_with(['=', '+', '-', '@'])
}
