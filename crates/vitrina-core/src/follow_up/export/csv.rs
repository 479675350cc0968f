//! Entries as a CSV spreadsheet.
//!
//! RFC 4180: comma-separated, CRLF after every record, a field quoted when it
//! holds a comma, quote, CR or LF (and, for spreadsheets set to a `;`
//! separator, a semicolon), quotes doubled inside. UTF-8 with a byte order
//! mark, which is what makes Excel read "Ñúñez" as UTF-8 instead of a legacy
//! code page. The header row is in the visitor's language.
//!
//! Formula injection: a cell that starts with `=`, `+`, `-`, `@`, tab or CR
//! would run as a formula in Excel, LibreOffice and Google Sheets, and the
//! data comes from a shared file and from what people typed. Such cells get a
//! leading `'` (OWASP's recommendation). This includes phone numbers such as
//! `+52 614 555 0101`, which then read `'+52 614 555 0101` in a text editor;
//! spreadsheets show the apostrophe too, but the number stays readable and
//! dialable, and a phone number that is not neutralised is exactly the kind of
//! cell an attacker would use (`+cmd|...`). Times are UTC, as the header says.

use super::utc_minutes;
use crate::follow_up::entry::Entry;
use crate::lang::Lang;
use crate::phone::display;
use crate::valid::{HttpUrl, Slug};

/// The byte order mark the file starts with.
pub const BOM: char = '\u{FEFF}';

/// The header row's cells in `lang`, in column order.
pub fn header(lang: Lang) -> [&'static str; 17] {
    [
        lang.pick("Nombre", "Name"),
        lang.pick("Empresa", "Company"),
        lang.pick("Cargo", "Role"),
        lang.pick("Correo", "Email"),
        lang.pick("Teléfono", "Phone"),
        "WhatsApp",
        lang.pick("Sitio web", "Website"),
        lang.pick("Estado", "Status"),
        lang.pick("Próximo seguimiento", "Next follow-up"),
        lang.pick("Dónde nos conocimos", "Where we met"),
        lang.pick("Nota", "Note"),
        lang.pick("Último contacto (UTC)", "Last contacted (UTC)"),
        lang.pick("Agregado (UTC)", "Added (UTC)"),
        lang.pick("Actualizado (UTC)", "Updated (UTC)"),
        lang.pick("Id del socio", "Member id"),
        lang.pick("Id del contacto", "Contact id"),
        lang.pick("Ya no está en el directorio", "No longer in the directory"),
    ]
}

/// The entries as a CSV file: BOM, header row, one row per entry.
pub fn csv(entries: &[&Entry], lang: Lang) -> String {
    let mut out = String::new();
    out.push(BOM);
    push_row(&mut out, header(lang).iter().map(|cell| cell.to_string()));
    for entry in entries {
        let s = &entry.snapshot;
        let whatsapp = s.whatsapp_number().map(|n| n.to_string()).unwrap_or_default();
        let last = entry
            .last_contacted()
            .map(|record| format!("{} ({})", utc_minutes(record.at), record.via.label(lang)))
            .unwrap_or_default();
        let cells = [
            s.contact_name.clone(),
            s.member_name.clone(),
            s.role.clone(),
            // Only checked values; what else was stored stays in the app and the backup.
            s.checked_email().map(|email| email.to_string()).unwrap_or_default(),
            s.checked_phone().map(|number| display(&number)).unwrap_or_default(),
            whatsapp,
            HttpUrl::parse(s.website.trim()).map(|url| url.to_string()).unwrap_or_default(),
            entry.status.label(lang).to_owned(),
            entry.next_date.map(|d| d.to_string()).unwrap_or_default(),
            entry.met_at.as_ref().map(|m| m.label(lang).to_owned()).unwrap_or_default(),
            entry.note.clone(),
            last,
            utc_minutes(entry.added_at),
            utc_minutes(entry.updated_at),
            entry.target.member_id().map(Slug::to_string).unwrap_or_default(),
            entry.target.contact_id().map(Slug::to_string).unwrap_or_default(),
            if entry.missing_from_directory { lang.pick("sí", "yes") } else { "" }.to_owned(),
        ];
        push_row(&mut out, cells.into_iter());
    }
    out
}

/// Appends one CSV row: its cells written by [`field`], separated by commas, ended by CRLF.
pub(crate) fn push_row(out: &mut String, cells: impl Iterator<Item = String>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&field(&cell));
    }
    out.push_str("\r\n");
}

/// Neutralises a formula trigger with a leading `'`.
pub fn neutralize(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// One field: neutralised, then quoted when needed.
pub fn field(cell: &str) -> String {
    let cell = neutralize(cell);
    let needs_quotes = cell.contains([',', '"', '\r', '\n', ';']) || cell.starts_with(' ') || cell.ends_with(' ');
    if needs_quotes {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::follow_up::entry::{Channel, MetAt, Status};
    use crate::follow_up::list::FollowUpList;
    use crate::follow_up::test_support::{directory, hard_person};
    use crate::valid::IsoDate;
    use proptest::prelude::*;

    const T: i64 = 1_795_000_000_000;

    #[test]
    fn a_list_as_csv() {
        let dir = directory();
        let mut list = FollowUpList::new();
        let ana = list.add_contact(&dir, "aceros-del-norte", "ana-lopez", T).unwrap().id;
        list.set_status(&ana, Status::Proposal, T + 60_000).unwrap();
        list.set_next_date(&ana, IsoDate::parse("2026-12-01"), T + 60_000).unwrap();
        list.set_met_at(&ana, MetAt::event(&dir, "paace-2026", Lang::Es), T + 60_000).unwrap();
        list.record_contact(&ana, Channel::Email, T + 120_000).unwrap();
        let pepe = list.add_person(&hard_person(), T + 180_000).unwrap().id;
        list.set_note(&pepe, "Línea 1\nLínea 2, \"citada\"; fin 😀", T + 180_000).unwrap();
        let forja = list.add_member(&dir, "forja-bajio", T + 240_000).unwrap().id;
        list.set_note(&forja, "-2 piezas =SUM(A1)", T + 240_000).unwrap();
        let all: Vec<&Entry> = list.entries().iter().collect();
        let expected = concat!(
            "\u{FEFF}Nombre,Empresa,Cargo,Correo,Teléfono,WhatsApp,Sitio web,Estado,Próximo seguimiento,",
            "Dónde nos conocimos,Nota,Último contacto (UTC),Agregado (UTC),Actualizado (UTC),Id del socio,",
            "Id del contacto,Ya no está en el directorio\r\n",
            // A directory contact: quoted name and company, phones neutralised.
            "\"Ana María López; Pérez\",\"Aceros del Norte, \"\"ADN\"\"\",Gerente de compras,ana@aceros.example.com,",
            "'+52 614 555 0101,'+526145550199,https://aceros.example.com,Propuesta,2026-12-01,",
            "INA PAACE Automechanika México 2026,,2026-11-18 11:08 (Correo),2026-11-18 11:06,2026-11-18 11:08,",
            "aceros-del-norte,ana-lopez,\r\n",
            // A typed card: quotes doubled, line breaks kept inside quotes, a formula neutralised.
            "\"José \"\"Pepe\"\" Ñúñez, Jr.; 🚗\",\"Troqueles, Moldes \\ Más\nS.A.\",\"'=Director; ventas\",",
            "pepe@troqueles.example.mx,'+52 81 5555 0000,'+528155550000,,Por contactar,,,",
            "\"Línea 1\nLínea 2, \"\"citada\"\"; fin 😀\",,2026-11-18 11:09,2026-11-18 11:09,,,\r\n",
            // A whole member with a note that starts with a formula trigger.
            ",Forja Bajío 🔧,,,,,,Por contactar,,,'-2 piezas =SUM(A1),,2026-11-18 11:10,2026-11-18 11:10,",
            "forja-bajio,,\r\n",
        );
        assert_eq!(csv(&all, Lang::Es), expected);
        assert!(csv(&[], Lang::En).starts_with("\u{FEFF}Name,Company,Role,Email,Phone,WhatsApp,Website,Status,"));
    }

    #[test]
    fn cells_are_quoted_only_when_needed() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("a;b"), "\"a;b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field(" padded"), "\" padded\"");
        assert_eq!(field("=1+1"), "'=1+1");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(field("\tx"), "'\tx");
        assert_eq!(field("\rx"), "\"'\rx\"");
        assert_eq!(field("-"), "'-");
        assert_eq!(field(""), "");
    }

    proptest! {
        #[test]
        fn no_cell_starts_with_a_formula_trigger(cell in "[=+\\-@\t\r]?\\PC{0,20}") {
            let neutral = neutralize(&cell);
            prop_assert!(!neutral.starts_with(['=', '+', '-', '@', '\t', '\r']));
            let quoted = field(&cell);
            let inner = quoted.strip_prefix('"').unwrap_or(&quoted);
            prop_assert!(!inner.starts_with(['=', '+', '-', '@', '\t', '\r']));
            let prefixed = format!("'{}", cell);
            prop_assert!(neutral == cell || neutral == prefixed);
        }
    }
}
