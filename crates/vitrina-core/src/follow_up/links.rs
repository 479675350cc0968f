//! One-tap follow-up through the channels people use: e-mail, phone, WhatsApp.
//!
//! Each link is built only from checked values (an [`Email`] and [`E164`]
//! numbers, read with [`super::Snapshot::checked_email`] and
//! [`super::Snapshot::checked_phone`]), so nothing from
//! the directory or a typed card can turn it into another kind of link. The
//! prefilled message is a draft in the visitor's language that recalls the
//! event and the visitor's note; the visitor edits it before sending. An entry with an
//! introduction (issue 16: prepared by matchmaking, edited on its card) opens with it instead:
//! it is the first message, not a follow-up. A member found by matchmaking was never met: its
//! draft says where the visitor found it, not "our conversation at". After
//! opening a link, the app calls [`super::FollowUpList::record_contact`].

use super::entry::{Channel, Entry, MetAt};
use crate::format;
use crate::lang::Lang;
use crate::valid::{Email, E164};

/// Notes longer than this are shortened in prefilled messages, which many mail apps cap.
pub const MAX_NOTE_IN_MESSAGE: usize = 500;

/// The follow-up links an entry has, for its row of buttons.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FollowUpLinks {
    /// `mailto:` with subject and body, when there is a valid address.
    pub email: Option<String>,
    /// `tel:`, when there is a phone number.
    pub phone: Option<String>,
    /// `https://wa.me/<digits>?text=…`, when there is an international number.
    pub whatsapp: Option<String>,
}

impl FollowUpLinks {
    /// The links with their channel, in button order, skipping absent ones.
    pub fn iter(&self) -> impl Iterator<Item = (Channel, &str)> {
        [(Channel::Email, &self.email), (Channel::Phone, &self.phone), (Channel::Whatsapp, &self.whatsapp)]
            .into_iter()
            .filter_map(|(channel, link)| link.as_deref().map(|link| (channel, link)))
    }
}

/// Every follow-up link for an entry.
pub fn follow_up_links(entry: &Entry, lang: Lang) -> FollowUpLinks {
    FollowUpLinks { email: mailto_link(entry, lang), phone: tel_link(entry), whatsapp: whatsapp_link(entry, lang) }
}

/// `mailto:` with a prefilled subject and body (RFC 6068), when the entry has a valid address.
pub fn mailto_link(entry: &Entry, lang: Lang) -> Option<String> {
    let email: Email = entry.snapshot.checked_email()?;
    let subject = subject(entry, lang);
    let body = message(entry, lang, true).replace("\r\n", "\n").replace('\n', "\r\n");
    Some(format!(
        "mailto:{}?subject={}&body={}",
        encode(email.as_str(), b"@!$'*+="),
        encode(&subject, b""),
        encode(&body, b"")
    ))
}

/// `tel:` with the international number, when the entry's phone holds one.
pub fn tel_link(entry: &Entry) -> Option<String> {
    entry.snapshot.checked_phone().map(|number| format!("tel:{number}"))
}

/// A WhatsApp chat with a prefilled message, when the entry has an E.164 number.
pub fn whatsapp_link(entry: &Entry, lang: Lang) -> Option<String> {
    let number: E164 = entry.snapshot.whatsapp_number()?;
    Some(format!("{}?text={}", format::whatsapp_href(&number), encode(&message(entry, lang, false), b"")))
}

/// The introduction to open with, when the entry has one.
fn introduction(entry: &Entry) -> Option<&str> {
    Some(entry.introduction.trim()).filter(|text| !text.is_empty())
}

fn subject(entry: &Entry, lang: Lang) -> String {
    let member = entry.snapshot.member_name.trim();
    if introduction(entry).is_some() {
        return match (member.is_empty(), lang) {
            (false, Lang::Es) => format!("Presentación: {member}"),
            (false, Lang::En) => format!("Introduction: {member}"),
            (true, _) => lang.pick("Presentación", "Introduction").into(),
        };
    }
    if entry.met_at == Some(MetAt::Matchmaking) {
        return lang
            .pick("Contacto desde el directorio del clúster", "Getting in touch through the cluster directory")
            .into();
    }
    match (entry.met_at.as_ref().map(|m| m.label(lang).trim()).filter(|l| !l.is_empty()), lang) {
        (Some(event), Lang::Es) => format!("Seguimiento a nuestra conversación en {event}"),
        (Some(event), Lang::En) => format!("Following up on our conversation at {event}"),
        (None, Lang::Es) => "Seguimiento a nuestra conversación".into(),
        (None, Lang::En) => "Following up on our conversation".into(),
    }
}

/// The draft message: the introduction when there is one, else greeting, where we met, the note
/// as a reminder, closing.
fn message(entry: &Entry, lang: Lang, with_closing: bool) -> String {
    if let Some(introduction) = introduction(entry) {
        return introduction.to_owned();
    }
    let first_name = entry.snapshot.contact_name.split_whitespace().next().unwrap_or("");
    let event = entry.met_at.as_ref().map(|m| m.label(lang).trim()).filter(|l| !l.is_empty());
    let note = shorten(entry.note.trim(), MAX_NOTE_IN_MESSAGE);
    let mut text = match (first_name.is_empty(), lang) {
        (false, Lang::Es) => format!("Hola, {first_name}:\n\n"),
        (false, Lang::En) => format!("Hello {first_name},\n\n"),
        (true, Lang::Es) => "Hola:\n\n".into(),
        (true, Lang::En) => "Hello,\n\n".into(),
    };
    let found_by_matchmaking = entry.met_at == Some(MetAt::Matchmaking);
    text.push_str(&match (event, lang) {
        // Never met: where the visitor found them, and why they write.
        _ if found_by_matchmaking => lang
            .pick(
                "Encontré a su empresa en el directorio del clúster. Le escribo porque creo que podemos trabajar juntos",
                "I found your company in the cluster directory. I am writing because I think we could work together",
            )
            .to_owned(),
        (Some(event), Lang::Es) => format!("Fue un gusto conocerle en {event}. "),
        (Some(event), Lang::En) => format!("It was a pleasure to meet you at {event}. "),
        (None, Lang::Es) => "Fue un gusto conocerle. ".into(),
        (None, Lang::En) => "It was a pleasure to meet you. ".into(),
    });
    if found_by_matchmaking {
        text.push_str(if note.is_empty() { "." } else { ":\n\n" });
        text.push_str(&note);
    } else if note.is_empty() {
        text.push_str(lang.pick(
            "Le escribo para dar seguimiento a lo que platicamos.",
            "I am writing to follow up on our conversation.",
        ));
    } else {
        text.push_str(lang.pick(
            "Le escribo para dar seguimiento a lo que platicamos:",
            "I am writing to follow up on what we discussed:",
        ));
        text.push_str("\n\n");
        text.push_str(&note);
    }
    if with_closing {
        text.push_str(lang.pick(
            "\n\nQuedo a sus órdenes.\n\nSaludos cordiales,\n",
            "\n\nI look forward to hearing from you.\n\nBest regards,\n",
        ));
    }
    text
}

fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let mut short: String = text.chars().take(max_chars).collect();
    short.push('…');
    short
}

/// Percent-encodes UTF-8 text for a URL query value: everything but unreserved
/// characters (and the `keep` bytes) becomes `%XX`; spaces are `%20`, never `+`,
/// which mail apps would show as a plus sign.
fn encode(text: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for &byte in text.as_bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') || keep.contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::follow_up::entry::{MetAt, PersonDetails};
    use crate::follow_up::list::FollowUpList;
    use crate::follow_up::test_support::{directory, hard_person};
    use crate::route::percent_decode;

    #[test]
    fn a_contact_met_at_a_fair() {
        let dir = directory();
        let mut list = FollowUpList::new();
        let id = list.add_contact(&dir, "aceros-del-norte", "ana-lopez", 1).unwrap().id;
        list.set_met_at(&id, MetAt::event(&dir, "paace-2026", Lang::Es), 2).unwrap();
        list.set_note(&id, "Cotizar troquel & 2 piezas", 3).unwrap();
        let links = follow_up_links(list.get(&id).unwrap(), Lang::Es);
        assert_eq!(
            links.email.as_deref(),
            Some(
                "mailto:ana@aceros.example.com?subject=Seguimiento%20a%20nuestra%20conversaci%C3%B3n%20en%20INA%20PAACE%20\
                 Automechanika%20M%C3%A9xico%202026&body=Hola%2C%20Ana%3A%0D%0A%0D%0AFue%20un%20gusto%20conocerle%20en%20\
                 INA%20PAACE%20Automechanika%20M%C3%A9xico%202026.%20Le%20escribo%20para%20dar%20seguimiento%20a%20lo%20que%20\
                 platicamos%3A%0D%0A%0D%0ACotizar%20troquel%20%26%202%20piezas%0D%0A%0D%0AQuedo%20a%20sus%20%C3%B3rdenes.\
                 %0D%0A%0D%0ASaludos%20cordiales%2C%0D%0A"
            )
        );
        assert_eq!(links.phone.as_deref(), Some("tel:+526145550101"));
        assert_eq!(
            links.whatsapp.as_deref(),
            Some(
                "https://wa.me/526145550199?text=Hola%2C%20Ana%3A%0A%0AFue%20un%20gusto%20conocerle%20en%20INA%20PAACE%20\
                 Automechanika%20M%C3%A9xico%202026.%20Le%20escribo%20para%20dar%20seguimiento%20a%20lo%20que%20platicamos\
                 %3A%0A%0ACotizar%20troquel%20%26%202%20piezas"
            )
        );
        assert_eq!(
            links.iter().map(|(channel, _)| channel).collect::<Vec<_>>(),
            [Channel::Email, Channel::Phone, Channel::Whatsapp]
        );
    }

    #[test]
    fn english_without_event_or_note() {
        let dir = directory();
        let mut list = FollowUpList::new();
        let id = list.add_member(&dir, "aceros-del-norte", 1).unwrap().id;
        let link = mailto_link(list.get(&id).unwrap(), Lang::En).unwrap();
        let (_, query) = link.split_once('?').unwrap();
        let body = query.split('&').find_map(|p| p.strip_prefix("body=")).map(percent_decode).unwrap();
        assert_eq!(
            body,
            "Hello,\r\n\r\nIt was a pleasure to meet you. I am writing to follow up on our conversation.\r\n\r\n\
             I look forward to hearing from you.\r\n\r\nBest regards,\r\n"
        );
        assert!(query.starts_with("subject=Following%20up%20on%20our%20conversation&"));
    }

    fn decoded(link: &str, key: &str) -> String {
        let (_, query) = link.split_once('?').unwrap();
        query.split('&').find_map(|p| p.strip_prefix(key)).map(percent_decode).unwrap()
    }

    /// Issue 16: an entry with an introduction opens its e-mail and WhatsApp with it, under a
    /// subject naming the member, in the language shown; the generic draft is not used.
    #[test]
    fn an_introduction_is_the_first_message() {
        let dir = directory();
        let mut list = FollowUpList::new();
        let intro = "Hola, Ana: en Troqueles del Bajío estampamos & soldamos.\n\n¿Platicamos?";
        let id = list.add_contact(&dir, "aceros-del-norte", "ana-lopez", 1).unwrap().id;
        list.set_met_at(&id, Some(MetAt::Matchmaking), 2).unwrap();
        list.set_note(&id, "Nota que no va en la presentación", 3).unwrap();
        list.set_introduction(&id, &format!("  {intro} \n"), 4).unwrap();
        let entry = list.get(&id).unwrap();
        let member = entry.snapshot.member_name.clone();
        for (lang, subject) in
            [(Lang::Es, format!("Presentación: {member}")), (Lang::En, format!("Introduction: {member}"))]
        {
            let links = follow_up_links(entry, lang);
            let email = links.email.unwrap();
            assert_eq!(decoded(&email, "subject="), subject);
            assert_eq!(decoded(&email, "body="), intro.replace('\n', "\r\n"));
            assert_eq!(decoded(&links.whatsapp.unwrap(), "text="), intro);
        }
        // Without an introduction, the draft of an entry met at matchmaking.
        list.set_introduction(&id, " ", 5).unwrap();
        let email = mailto_link(list.get(&id).unwrap(), Lang::Es).unwrap();
        assert_eq!(decoded(&email, "subject="), "Contacto desde el directorio del clúster");
        assert!(decoded(&email, "body=").starts_with("Hola, Ana:\r\n\r\nEncontré a su empresa"));
    }

    /// Issue 16: a member found by matchmaking was never met: no draft speaks of "our
    /// conversation at Vitrina matchmaking", in either language, with or without a note.
    #[test]
    fn matchmaking_never_reads_as_a_conversation() {
        let dir = directory();
        let mut list = FollowUpList::new();
        let id = list.add_member(&dir, "forja-bajio", 1).unwrap().id;
        list.set_met_at(&id, Some(MetAt::Matchmaking), 2).unwrap();
        for note in ["", "Piden 5,000 piezas"] {
            list.set_note(&id, note, 3).unwrap();
            for lang in [Lang::Es, Lang::En] {
                let entry = list.get(&id).unwrap();
                let email = mailto_link(entry, lang).unwrap_or_else(|| {
                    // Forja has no e-mail in the test directory: read the draft itself.
                    format!(
                        "x:?subject={}&body={}",
                        encode(&subject(entry, lang), b""),
                        encode(&message(entry, lang, true), b"")
                    )
                });
                let text = format!("{} {}", decoded(&email, "subject="), decoded(&email, "body="));
                let label = MetAt::Matchmaking.label(lang);
                for wrong in [label, "conversación", "conversation", "platicamos", "conocerle", "meet you"] {
                    assert!(!text.contains(wrong), "{lang:?} {note:?}: {text}");
                }
                assert!(text.contains(lang.pick("directorio del clúster", "cluster directory")), "{text}");
                assert!(text.contains(note), "{text}");
            }
        }
    }

    #[test]
    fn only_checked_values_become_links() {
        let mut list = FollowUpList::new();
        let bad = PersonDetails {
            name: "X".into(),
            email: "x@y.com?bcc=evil@z.com".into(),
            phone: "javascript:alert(1)".into(),
            ..PersonDetails::default()
        };
        let id = list.add_person(&bad, 1).unwrap().id;
        assert_eq!(follow_up_links(list.get(&id).unwrap(), Lang::Es), FollowUpLinks::default());
        let id = list.add_person(&hard_person(), 2).unwrap().id;
        let links = follow_up_links(list.get(&id).unwrap(), Lang::Es);
        assert_eq!(links.phone.as_deref(), Some("tel:+528155550000"));
        assert!(links.whatsapp.unwrap().starts_with("https://wa.me/528155550000?text=Hola%2C%20Jos%C3%A9%3A"));
        let local = PersonDetails { name: "Y".into(), phone: "614 555 0102".into(), ..PersonDetails::default() };
        let id = list.add_person(&local, 3).unwrap().id;
        let links = follow_up_links(list.get(&id).unwrap(), Lang::En);
        // A local number is read as Mexican, so it can be called from abroad and on WhatsApp.
        assert_eq!(links.phone.as_deref(), Some("tel:+526145550102"));
        assert!(links.whatsapp.unwrap().starts_with("https://wa.me/526145550102?text="));
    }

    #[test]
    fn stored_bad_values_never_become_links() {
        // Issue 13: values saved before the form checked them, or from a backup or handoff.
        let mut list = FollowUpList::new();
        for (n, (email, phone)) in [
            ("not-an-email", "call me maybe"),
            ("a@b@c..com", "1234567890123456789012345"),
            ("carla@example.com\r\nBcc: evil@x.com", "+52 614 555 0102\r\n"),
        ]
        .into_iter()
        .enumerate()
        {
            // The core stores what it is given; the person form checks before it gets here.
            let stored = PersonDetails {
                name: format!("P{n}"),
                email: email.into(),
                phone: phone.into(),
                ..PersonDetails::default()
            };
            let id = list.add_person(&stored, 1).unwrap().id;
            let links = follow_up_links(list.get(&id).unwrap(), Lang::Es);
            assert_eq!(links.email, None, "{email:?}");
            assert!(links.iter().all(|(_, link)| !link.contains("evil") && !link.contains("\r")));
            if n < 2 {
                assert_eq!((links.phone, links.whatsapp), (None, None), "{phone:?}");
            }
        }
    }

    #[test]
    fn special_characters_in_addresses_and_notes_are_encoded() {
        let mut list = FollowUpList::new();
        let person =
            PersonDetails { name: "Zoë".into(), email: "zoe+ventas@ejemplo.mx".into(), ..PersonDetails::default() };
        let id = list.add_person(&person, 1).unwrap().id;
        list.set_note(&id, &format!("a&b=c#d?e%f 😀 {}", "x".repeat(600)), 2).unwrap();
        let link = mailto_link(list.get(&id).unwrap(), Lang::En).unwrap();
        assert!(link.starts_with("mailto:zoe+ventas@ejemplo.mx?subject="));
        assert!(link.contains("a%26b%3Dc%23d%3Fe%25f%20%F0%9F%98%80%20xxx"));
        let body = percent_decode(link.split("&body=").nth(1).unwrap());
        assert!(body.contains(&format!("{}…", "x".repeat(MAX_NOTE_IN_MESSAGE - 17))));
        assert!(!link[7..].contains(['#', ' ', '\n']) && link.matches('?').count() == 1);
    }
}
