//! Exports of the list, generated here as text and handed to the browser to download or share.
//!
//! Each export covers the whole list or a subset ([`Scope`]), such as what the
//! current filter shows. After a backup file or handoff reached the visitor,
//! the app calls [`super::FollowUpList::mark_backed_up`].

pub mod backup;
pub mod csv;
pub mod ics;
pub mod vcard;

use super::entry::{utc_date, Entry, EntryId, Millis, DAY_MS};
use super::list::FollowUpList;
use crate::format::long_date;
use crate::lang::Lang;
use crate::valid::IsoDate;

/// The kinds of file the list exports to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// Contacts for the phone's address book (vCard 3.0, `.vcf`).
    VCard,
    /// A spreadsheet (CSV, `.csv`).
    Csv,
    /// Calendar reminders for the follow-up dates (iCalendar, `.ics`).
    ICalendar,
    /// The whole list, to restore or merge on another device (JSON, `.json`).
    Backup,
}

impl ExportFormat {
    /// Every format, in the order the export menu offers them.
    pub const ALL: [ExportFormat; 4] =
        [ExportFormat::VCard, ExportFormat::Csv, ExportFormat::ICalendar, ExportFormat::Backup];

    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::VCard => "vcf",
            ExportFormat::Csv => "csv",
            ExportFormat::ICalendar => "ics",
            ExportFormat::Backup => "json",
        }
    }

    /// The media type for the download and the Web Share API.
    pub fn mime_type(self) -> &'static str {
        match self {
            ExportFormat::VCard => "text/vcard;charset=utf-8",
            ExportFormat::Csv => "text/csv;charset=utf-8",
            ExportFormat::ICalendar => "text/calendar;charset=utf-8",
            ExportFormat::Backup => "application/json",
        }
    }

    /// Its name in the export menu.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ExportFormat::VCard => lang.pick("Contactos del teléfono (vCard)", "Phone contacts (vCard)"),
            ExportFormat::Csv => lang.pick("Hoja de cálculo (CSV)", "Spreadsheet (CSV)"),
            ExportFormat::ICalendar => {
                lang.pick("Recordatorios en el calendario (iCalendar)", "Calendar reminders (iCalendar)")
            }
            ExportFormat::Backup => lang.pick("Respaldo completo (JSON)", "Full backup (JSON)"),
        }
    }

    /// The download's file name, e.g. `vitrina-seguimiento-2026-11-25.vcf`.
    pub fn file_name(self, today: IsoDate, lang: Lang) -> String {
        let stem = match self {
            ExportFormat::Backup => lang.pick("vitrina-respaldo-seguimiento", "vitrina-follow-up-backup"),
            _ => lang.pick("vitrina-seguimiento", "vitrina-follow-up"),
        };
        format!("{stem}-{today}.{}", self.extension())
    }
}

/// Which entries an export covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope<'a> {
    /// Every entry.
    All,
    /// Only these (what the current filter shows), in list order.
    Only(&'a [EntryId]),
}

impl Scope<'_> {
    /// The entries of `list` this scope covers, in list order.
    pub fn entries<'l>(&self, list: &'l FollowUpList) -> Vec<&'l Entry> {
        match self {
            Scope::All => list.entries().iter().collect(),
            Scope::Only(ids) => list.select(ids),
        }
    }
}

/// A generated file, ready for a download or the Web Share API.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportFile {
    /// Suggested file name.
    pub file_name: String,
    /// Media type.
    pub mime_type: &'static str,
    /// The content (UTF-8; the CSV starts with a byte order mark).
    pub content: String,
}

/// The text of a stored list that could not be read, to download and keep: its name in the
/// visitor's language (nothing was decided about it, so no date in it).
pub fn damaged_list_file(raw: &str, lang: Lang) -> ExportFile {
    ExportFile {
        file_name: lang.pick("vitrina-seguimiento-danado.txt", "vitrina-follow-up-damaged.txt").to_owned(),
        mime_type: "text/plain;charset=utf-8",
        content: raw.to_owned(),
    }
}

/// Generates one export. `today` names the file; `now_ms` stamps calendars and backups.
pub fn export(
    list: &FollowUpList,
    format: ExportFormat,
    scope: Scope<'_>,
    lang: Lang,
    today: IsoDate,
    now_ms: Millis,
) -> ExportFile {
    let entries = scope.entries(list);
    let content = match format {
        ExportFormat::VCard => vcard::vcards(&entries, lang),
        ExportFormat::Csv => csv::csv(&entries, lang),
        ExportFormat::ICalendar => ics::icalendar(&entries, lang, now_ms),
        ExportFormat::Backup => backup::backup_json(list, scope, now_ms),
    };
    ExportFile { file_name: format.file_name(today, lang), mime_type: format.mime_type(), content }
}

// ---- Shared by the text formats -----------------------------------------------------------------

/// Escapes a TEXT value as vCard 3.0 (RFC 2426 §4) and iCalendar (RFC 5545 §3.3.11) both
/// require: `\` `,` `;` get a backslash, every line break becomes `\n`, other control
/// characters are dropped.
pub(crate) fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' | '\u{2028}' | '\u{2029}' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded at 75 octets on character boundaries (continuation lines
/// start with one space, which counts towards their 75), ending in CRLF.
pub(crate) fn push_folded(out: &mut String, line: &str) {
    const LIMIT: usize = 75;
    let mut used = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if used + width > LIMIT {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += width;
    }
    out.push_str("\r\n");
}

/// `YYYYMMDDTHHMMSSZ` for a UTC instant (iCalendar's DATE-TIME form).
pub(crate) fn utc_stamp(ms: Millis) -> String {
    let (date, seconds) = split_ms(ms);
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        date.year(),
        date.month(),
        date.day(),
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

/// `YYYY-MM-DD HH:MM` in UTC, for spreadsheets.
pub(crate) fn utc_minutes(ms: Millis) -> String {
    let (date, seconds) = split_ms(ms);
    format!("{date} {:02}:{:02}", seconds / 3600, seconds / 60 % 60)
}

fn split_ms(ms: Millis) -> (IsoDate, i64) {
    (utc_date(ms), ms.rem_euclid(DAY_MS) / 1000)
}

/// The lines about an entry that go into a vCard NOTE or a calendar DESCRIPTION.
pub(crate) fn summary_lines(entry: &Entry, lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    if !entry.note.trim().is_empty() {
        lines.push(entry.note.trim().to_owned());
    }
    lines.push(format!("{}: {}", lang.pick("Estado", "Status"), entry.status.label(lang)));
    if let Some(date) = entry.next_date {
        lines.push(format!("{}: {}", lang.pick("Próximo seguimiento", "Next follow-up"), long_date(date, lang)));
    }
    if let Some(met) = &entry.met_at {
        lines.push(format!("{}: {}", lang.pick("Nos conocimos en", "Met at"), met.label(lang)));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn stored_bad_contact_values_never_reach_a_card_or_a_sheet() {
        // Issue 13: a list saved before the person form checked its fields, or a backup.
        use crate::follow_up::entry::PersonDetails;
        let mut list = crate::follow_up::list::FollowUpList::new();
        let rows = [
            ("Carla", "carla@example.com\r\nBcc: evil@x.com", "1234567890123456789012345"),
            ("Nadia", "not-an-email", "call me maybe"),
            ("Beto", "a@b@c..com", "+52 1 614 410 2233"),
        ];
        for (n, (name, email, phone)) in rows.into_iter().enumerate() {
            let details =
                PersonDetails { name: name.into(), email: email.into(), phone: phone.into(), ..Default::default() };
            list.add_person(&details, n as i64 + 1).unwrap();
        }
        let entries: Vec<&Entry> = list.entries().iter().collect();
        let card = vcard::vcards(&entries, Lang::Es);
        let sheet = csv::csv(&entries, Lang::Es);
        for output in [&card, &sheet] {
            for bad in ["evil", "Bcc", "not-an-email", "a@b@c", "call me", "1234567890123456789012345"] {
                assert!(!output.contains(bad), "{bad} in {output}");
            }
        }
        assert_eq!(card.matches("EMAIL").count(), 0);
        assert_eq!(card.matches("TEL;").count(), 1, "Beto's number only");
        assert!(card.contains("TEL;TYPE=WORK,VOICE:+52 614 410 2233\r\n"));
        assert!(sheet.contains(",'+52 614 410 2233,"));
    }

    /// Issue 16: "met at" Vitrina's matchmaking is a typed value: every export names it in the
    /// export's language (no CSV column is added for it).
    #[test]
    fn a_typed_met_at_is_named_in_the_exports_language() {
        use crate::follow_up::entry::MetAt;
        use crate::follow_up::test_support::directory;
        let dir = directory();
        let mut list = crate::follow_up::list::FollowUpList::new();
        let id = list.add_contact(&dir, "aceros-del-norte", "ana-lopez", 1).unwrap().id;
        list.set_met_at(&id, Some(MetAt::Matchmaking), 2).unwrap();
        list.set_next_date(&id, IsoDate::parse("2026-12-01"), 3).unwrap();
        let today = IsoDate::parse("2026-11-01").unwrap();
        for format in [ExportFormat::Csv, ExportFormat::VCard, ExportFormat::ICalendar] {
            for (lang, other) in [(Lang::Es, Lang::En), (Lang::En, Lang::Es)] {
                let file = export(&list, format, Scope::All, lang, today, 4);
                // Unfolded: vCard and iCalendar fold long lines.
                let content = file.content.replace("\r\n ", "");
                let (label, other_label) = (MetAt::Matchmaking.label(lang), MetAt::Matchmaking.label(other));
                assert!(content.contains(label), "{format:?} {lang:?}: {content}");
                assert!(!content.contains(other_label), "{format:?} {lang:?}: {content}");
            }
        }
        let header = |lang| {
            export(&list, ExportFormat::Csv, Scope::All, lang, today, 4).content.lines().next().map(str::to_owned)
        };
        let empty = crate::follow_up::list::FollowUpList::new();
        let empty_header = |lang| {
            export(&empty, ExportFormat::Csv, Scope::All, lang, today, 4).content.lines().next().map(str::to_owned)
        };
        assert_eq!(header(Lang::Es), empty_header(Lang::Es));
    }

    #[test]
    fn text_escaping() {
        assert_eq!(escape_text("a,b;c\\d\ne\r\nf\rg"), "a\\,b\\;c\\\\d\\ne\\nf\\ng");
        assert_eq!(escape_text("tab\there\u{7}"), "tabhere");
        assert_eq!(escape_text("Niño 🔧"), "Niño 🔧");
    }

    #[test]
    fn folding_never_splits_a_character() {
        let mut out = String::new();
        let line = format!("NOTE:{}", "ñ🔧a".repeat(30));
        push_folded(&mut out, &line);
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{} octets: {physical}", physical.len());
        }
        assert_eq!(out.replace("\r\n ", ""), format!("{line}\r\n"));
    }

    #[test]
    fn timestamps() {
        assert_eq!(utc_stamp(0), "19700101T000000Z");
        assert_eq!(utc_stamp(1_795_000_000_000), "20261118T110640Z");
        assert_eq!(utc_minutes(1_795_000_000_000), "2026-11-18 11:06");
        assert_eq!(utc_stamp(-1), "19691231T235959Z");
        let _ = utc_stamp(i64::MAX);
        let _ = utc_stamp(i64::MIN);
    }

    #[test]
    fn the_damaged_list_downloads_in_the_visitors_language() {
        let es = damaged_list_file("{\"version\":", Lang::Es);
        assert_eq!((es.file_name.as_str(), es.content.as_str()), ("vitrina-seguimiento-danado.txt", "{\"version\":"));
        assert_eq!(damaged_list_file("x", Lang::En).file_name, "vitrina-follow-up-damaged.txt");
        assert!(es.mime_type.starts_with("text/plain"));
    }

    #[test]
    fn utc_dates_of_times() {
        let date = |ms: Millis| utc_date(ms).to_string();
        assert_eq!(date(0), "1970-01-01");
        assert_eq!(date(DAY_MS - 1), "1970-01-01");
        assert_eq!(date(-1), "1969-12-31");
        assert_eq!(date(1_764_000_000_000), "2025-11-24");
        assert_eq!(date(Millis::MAX), "9999-12-31");
        assert_eq!(date(Millis::MIN), "0000-01-01");
    }

    #[test]
    fn file_names_and_types() {
        let today = IsoDate::parse("2026-11-25").unwrap();
        assert_eq!(ExportFormat::VCard.file_name(today, Lang::Es), "vitrina-seguimiento-2026-11-25.vcf");
        assert_eq!(ExportFormat::Backup.file_name(today, Lang::En), "vitrina-follow-up-backup-2026-11-25.json");
        for format in ExportFormat::ALL {
            assert!(!format.mime_type().is_empty() && format.label(Lang::Es) != format.label(Lang::En));
        }
    }

    proptest! {
        #[test]
        fn folded_lines_are_short_and_unfold_to_the_original(text in "\\PC{0,300}") {
            let mut out = String::new();
            let line = format!("NOTE:{}", escape_text(&text));
            push_folded(&mut out, &line);
            prop_assert!(out.ends_with("\r\n"));
            for physical in out.trim_end_matches("\r\n").split("\r\n") {
                prop_assert!(physical.len() <= 75);
            }
            prop_assert_eq!(out.trim_end_matches("\r\n").replace("\r\n ", ""), line);
        }
    }
}
