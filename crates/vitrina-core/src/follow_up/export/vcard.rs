//! Entries as vCards for the phone's address book.
//!
//! Version 3.0 (RFC 2426), not 4.0 (RFC 6350): iOS Contacts, Android's
//! contacts app, Google Contacts and Outlook all import 3.0, while 4.0 support
//! is still patchy (Outlook and older Android versions refuse it). What this
//! file writes is also valid under 4.0's escaping and folding rules:
//! - TEXT values escape `\`, `,` and `;` with a backslash and line breaks as `\n`;
//! - lines are folded at 75 octets (never inside a UTF-8 character) with CRLF + space;
//! - every line ends in CRLF; the charset is UTF-8 (3.0 allows it, phones expect it).
//!
//! The full name goes into N's given-name field: splitting "Ana María López
//! Pérez" into given and family names cannot be done reliably, and phones show
//! the name as written. A whole-member entry is a company card (`X-ABShowAs:COMPANY`,
//! which Apple's and Google's contacts understand) with the company's first contact
//! channels.

use super::{escape_text, push_folded, summary_lines};
use crate::follow_up::entry::{Entry, Target};
use crate::lang::Lang;
use crate::phone::display;
use crate::valid::HttpUrl;

/// One vCard for one entry.
pub fn vcard(entry: &Entry, lang: Lang) -> String {
    let mut out = String::new();
    write_vcard(&mut out, entry, lang);
    out
}

/// The vCards of several entries, one after the other in one file.
pub fn vcards(entries: &[&Entry], lang: Lang) -> String {
    let mut out = String::new();
    for entry in entries {
        write_vcard(&mut out, entry, lang);
    }
    out
}

fn write_vcard(out: &mut String, entry: &Entry, lang: Lang) {
    let s = &entry.snapshot;
    let person = s.contact_name.trim();
    let company = s.member_name.trim();
    let is_company_card = person.is_empty() || matches!(entry.target, Target::Member { .. });
    let mut line = |text: String| push_folded(out, &text);
    line("BEGIN:VCARD".into());
    line("VERSION:3.0".into());
    if is_company_card {
        line("N:;;;;".into());
        line(format!("FN:{}", escape_text(if company.is_empty() { entry.display_name() } else { company })));
        line("X-ABShowAs:COMPANY".into());
    } else {
        line(format!("N:;{};;;", escape_text(person)));
        line(format!("FN:{}", escape_text(person)));
    }
    if !company.is_empty() {
        line(format!("ORG:{}", escape_text(company)));
    }
    if !s.role.trim().is_empty() && !is_company_card {
        line(format!("TITLE:{}", escape_text(s.role.trim())));
    }
    // Only checked values: a stored address with a line break would add a header to the card.
    if let Some(email) = s.checked_email() {
        line(format!("EMAIL;TYPE=INTERNET:{}", escape_text(email.as_str())));
    }
    let phone = s.checked_phone();
    if let Some(number) = &phone {
        line(format!("TEL;TYPE=WORK,VOICE:{}", escape_text(&display(number))));
    }
    if let Some(number) = s.whatsapp_number().filter(|n| Some(n) != phone.as_ref()) {
        line(format!("TEL;TYPE=CELL:{number}"));
    }
    if let Some(url) = HttpUrl::parse(s.website.trim()) {
        line(format!("URL:{url}"));
    }
    line(format!("NOTE:{}", escape_text(&summary_lines(entry, lang).join("\n"))));
    line(format!("UID:urn:vitrina:{}", entry.id));
    line("END:VCARD".into());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::follow_up::entry::{MetAt, Status};
    use crate::follow_up::list::FollowUpList;
    use crate::follow_up::test_support::{directory, hard_person};
    use crate::valid::IsoDate;

    fn crlf(lines: &[&str]) -> String {
        lines.iter().map(|line| format!("{line}\r\n")).collect()
    }

    #[test]
    fn a_directory_contact() {
        let dir = directory();
        let mut list = FollowUpList::new();
        let id = list.add_contact(&dir, "aceros-del-norte", "ana-lopez", 1).unwrap().id;
        list.set_status(&id, Status::MeetingSet, 2).unwrap();
        list.set_next_date(&id, IsoDate::parse("2026-12-01"), 3).unwrap();
        list.set_met_at(&id, MetAt::event(&dir, "paace-2026", Lang::Es), 4).unwrap();
        list.set_note(&id, "Cotizar troquel, 2 piezas; urgente", 5).unwrap();
        assert_eq!(
            vcard(list.get(&id).unwrap(), Lang::Es),
            crlf(&[
                "BEGIN:VCARD",
                "VERSION:3.0",
                "N:;Ana María López\\; Pérez;;;",
                "FN:Ana María López\\; Pérez",
                "ORG:Aceros del Norte\\, \"ADN\"",
                "TITLE:Gerente de compras",
                "EMAIL;TYPE=INTERNET:ana@aceros.example.com",
                "TEL;TYPE=WORK,VOICE:+52 614 555 0101",
                "TEL;TYPE=CELL:+526145550199",
                "URL:https://aceros.example.com",
                "NOTE:Cotizar troquel\\, 2 piezas\\; urgente\\nEstado: Reunión agendada\\nPróx",
                " imo seguimiento: 1 de diciembre de 2026\\nNos conocimos en: INA PAACE Autom",
                " echanika México 2026",
                "UID:urn:vitrina:c.aceros-del-norte.ana-lopez",
                "END:VCARD",
            ])
        );
    }

    #[test]
    fn a_whole_member_is_a_company_card() {
        let dir = directory();
        let mut list = FollowUpList::new();
        let id = list.add_member(&dir, "forja-bajio", 1).unwrap().id;
        assert_eq!(
            vcard(list.get(&id).unwrap(), Lang::En),
            crlf(&[
                "BEGIN:VCARD",
                "VERSION:3.0",
                "N:;;;;",
                "FN:Forja Bajío 🔧",
                "X-ABShowAs:COMPANY",
                "ORG:Forja Bajío 🔧",
                "NOTE:Status: To contact",
                "UID:urn:vitrina:m.forja-bajio",
                "END:VCARD",
            ])
        );
    }

    #[test]
    fn a_person_with_every_hard_character() {
        let mut list = FollowUpList::new();
        let id = list.add_person(&hard_person(), 1).unwrap().id;
        list.set_note(&id, "Línea 1\r\nLínea 2, con \"comillas\"; y \\ barra 😀", 2).unwrap();
        let card = vcard(list.get(&id).unwrap(), Lang::Es);
        let expected_start = crlf(&[
            "BEGIN:VCARD",
            "VERSION:3.0",
            "N:;José \"Pepe\" Ñúñez\\, Jr.\\; 🚗;;;",
            "FN:José \"Pepe\" Ñúñez\\, Jr.\\; 🚗",
            "ORG:Troqueles\\, Moldes \\\\ Más\\nS.A.",
            "TITLE:=Director\\; ventas",
            "EMAIL;TYPE=INTERNET:pepe@troqueles.example.mx",
            "TEL;TYPE=WORK,VOICE:+52 81 5555 0000",
            "NOTE:Línea 1\\nLínea 2\\, con \"comillas\"\\; y \\\\ barra 😀\\nEstado: Por con",
            " tactar",
        ]);
        assert_eq!(&card[..expected_start.len()], expected_start, "{card}");
        assert!(card.ends_with(&format!("UID:urn:vitrina:{}\r\nEND:VCARD\r\n", id)));
        for line in card.split("\r\n") {
            assert!(line.len() <= 75 && !line.contains('\n') && !line.contains('\r'));
        }
    }

    #[test]
    fn several_cards_follow_each_other() {
        let dir = directory();
        let mut list = FollowUpList::new();
        list.add_member(&dir, "forja-bajio", 1).unwrap();
        list.add_contact(&dir, "aceros-del-norte", "ana-lopez", 2).unwrap();
        let all: Vec<&Entry> = list.entries().iter().collect();
        let text = vcards(&all, Lang::Es);
        assert_eq!(text.matches("BEGIN:VCARD\r\n").count(), 2);
        assert_eq!(text, vcard(all[0], Lang::Es) + &vcard(all[1], Lang::Es));
    }
}
