//! Follow-up dates as calendar reminders (iCalendar, RFC 5545).
//!
//! One all-day VEVENT per open entry with a next follow-up date (won and
//! "not now" entries need no reminder), marked free time (`TRANSP:TRANSPARENT`)
//! so it does not block the day, with a display alarm at 09:00 that day. The
//! UID is the entry's id, so importing again updates the event in calendars
//! that honour UIDs instead of adding a second one. TEXT values are escaped and
//! lines folded at 75 octets; every line ends in CRLF.

use super::{escape_text, push_folded, summary_lines, utc_stamp};
use crate::follow_up::entry::{Entry, Millis};
use crate::lang::Lang;
use crate::valid::IsoDate;

/// The calendar with a reminder for each entry's next follow-up; `now_ms` is the DTSTAMP.
pub fn icalendar(entries: &[&Entry], lang: Lang, now_ms: Millis) -> String {
    let mut out = String::new();
    let mut line = |text: &str| push_folded(&mut out, text);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//Vitrina//Follow-up list//ES");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line(&format!("X-WR-CALNAME:{}", escape_text(lang.pick("Vitrina: seguimiento", "Vitrina: follow-up"))));
    let stamp = utc_stamp(now_ms);
    for entry in entries {
        let Some(date) = entry.next_date.filter(|_| !entry.status.is_closed()) else { continue };
        let summary = summary(entry, lang);
        line("BEGIN:VEVENT");
        line(&format!("UID:{}@follow-up.vitrina", entry.id));
        line(&format!("DTSTAMP:{stamp}"));
        line(&format!("LAST-MODIFIED:{}", utc_stamp(entry.updated_at)));
        line(&format!("DTSTART;VALUE=DATE:{}", compact(date)));
        line(&format!("DTEND;VALUE=DATE:{}", compact(next_day(date))));
        line(&format!("SUMMARY:{}", escape_text(&summary)));
        line(&format!("DESCRIPTION:{}", escape_text(&description(entry, lang))));
        line("TRANSP:TRANSPARENT");
        line("BEGIN:VALARM");
        line("ACTION:DISPLAY");
        line(&format!("DESCRIPTION:{}", escape_text(&summary)));
        line("TRIGGER;RELATED=START:PT9H");
        line("END:VALARM");
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

fn summary(entry: &Entry, lang: Lang) -> String {
    let name = entry.display_name();
    match entry.company() {
        Some(company) => format!("{}: {name} ({company})", lang.pick("Seguimiento", "Follow up")),
        None => format!("{}: {name}", lang.pick("Seguimiento", "Follow up")),
    }
}

fn description(entry: &Entry, lang: Lang) -> String {
    let mut lines = summary_lines(entry, lang);
    let s = &entry.snapshot;
    if !s.email.is_empty() {
        lines.push(format!("{}: {}", lang.pick("Correo", "E-mail"), s.email));
    }
    if !s.phone.is_empty() {
        lines.push(format!("{}: {}", lang.pick("Teléfono", "Phone"), s.phone));
    }
    lines.join("\n")
}

fn compact(date: IsoDate) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

fn next_day(date: IsoDate) -> IsoDate {
    IsoDate::from_days_since_epoch(date.days_since_epoch() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::follow_up::entry::{MetAt, Status};
    use crate::follow_up::list::FollowUpList;
    use crate::follow_up::test_support::{directory, hard_person};

    const T: i64 = 1_795_000_000_000;

    fn crlf(lines: &[&str]) -> String {
        lines.iter().map(|line| format!("{line}\r\n")).collect()
    }

    #[test]
    fn one_reminder_per_open_entry_with_a_date() {
        let dir = directory();
        let mut list = FollowUpList::new();
        let ana = list.add_contact(&dir, "aceros-del-norte", "ana-lopez", T).unwrap().id;
        list.set_next_date(&ana, IsoDate::parse("2026-12-31"), T).unwrap();
        list.set_met_at(&ana, MetAt::event(&dir, "paace-2026", Lang::Es), T).unwrap();
        list.set_note(&ana, "Cotizar; 2 piezas", T).unwrap();
        let forja = list.add_member(&dir, "forja-bajio", T).unwrap().id; // no date: no event
        let won = list.add_person(&hard_person(), T).unwrap().id;
        list.set_next_date(&won, IsoDate::parse("2026-12-02"), T).unwrap();
        list.set_status(&won, Status::Won, T).unwrap(); // closed: no event
        let _ = forja;
        let all: Vec<&Entry> = list.entries().iter().collect();
        assert_eq!(
            icalendar(&all, Lang::Es, T + 1000),
            crlf(&[
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//Vitrina//Follow-up list//ES",
                "CALSCALE:GREGORIAN",
                "METHOD:PUBLISH",
                "X-WR-CALNAME:Vitrina: seguimiento",
                "BEGIN:VEVENT",
                "UID:c.aceros-del-norte.ana-lopez@follow-up.vitrina",
                "DTSTAMP:20261118T110641Z",
                "LAST-MODIFIED:20261118T110640Z",
                "DTSTART;VALUE=DATE:20261231",
                "DTEND;VALUE=DATE:20270101",
                "SUMMARY:Seguimiento: Ana María López\\; Pérez (Aceros del Norte\\, \"ADN\")",
                "DESCRIPTION:Cotizar\\; 2 piezas\\nEstado: Por contactar\\nPróximo seguimiento",
                " : 31 de diciembre de 2026\\nNos conocimos en: INA PAACE Automechanika Méxi",
                " co 2026\\nCorreo: ana@aceros.example.com\\nTeléfono: +52 614 555 0101",
                "TRANSP:TRANSPARENT",
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                "DESCRIPTION:Seguimiento: Ana María López\\; Pérez (Aceros del Norte\\, \"AD",
                " N\")",
                "TRIGGER;RELATED=START:PT9H",
                "END:VALARM",
                "END:VEVENT",
                "END:VCALENDAR",
            ])
        );
    }

    #[test]
    fn hard_names_stay_on_escaped_folded_lines() {
        let mut list = FollowUpList::new();
        let id = list.add_person(&hard_person(), T).unwrap().id;
        list.set_next_date(&id, IsoDate::parse("2027-02-28"), T).unwrap();
        list.set_note(&id, "Línea 1\r\nLínea 2 \"x\", y; z \\ 😀", T).unwrap();
        let text = icalendar(&[list.get(&id).unwrap()], Lang::En, T);
        assert!(text.contains("DTEND;VALUE=DATE:20270301\r\n"));
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded
            .contains("SUMMARY:Follow up: José \"Pepe\" Ñúñez\\, Jr.\\; 🚗 (Troqueles\\, Moldes \\\\ Más\\nS.A.)\r\n"));
        assert!(unfolded.contains("DESCRIPTION:Línea 1\\nLínea 2 \"x\"\\, y\\; z \\\\ 😀\\nStatus: To contact\\n"));
        for line in text.split("\r\n") {
            assert!(line.len() <= 75 && !line.contains('\n') && !line.contains('\r'), "{line}");
        }
    }

    #[test]
    fn an_empty_selection_is_an_empty_calendar() {
        assert_eq!(icalendar(&[], Lang::En, 0).matches("VEVENT").count(), 0);
    }
}
