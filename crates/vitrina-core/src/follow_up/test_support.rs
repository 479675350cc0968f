//! Fixtures and generators shared by the follow-up tests.

use proptest::prelude::*;

use super::entry::{Channel, EntryId, MetAt, PersonDetails, Status, VisitMark};
use super::list::FollowUpList;
use crate::lang::Lang;
use crate::model::{Cluster, Contact, Directory, Event, Member, MemberKind, FORMAT_VERSION};
use crate::my_company::{MyCompany, OutsideCompany};
use crate::text::Text;
use crate::valid::{Email, HttpUrl, IsoDate, LangTag, Slug, E164};

fn slug(s: &str) -> Slug {
    Slug::parse(s).unwrap()
}

fn contact(id: &str, name: &str, email: &str, phone: &str) -> Contact {
    Contact {
        id: slug(id),
        name: name.into(),
        role: None,
        email: Email::parse(email),
        phone: (!phone.is_empty()).then(|| phone.to_owned()),
        whatsapp: None,
        linkedin: None,
    }
}

/// A small directory whose names hold the characters exports must survive.
pub fn directory() -> Directory {
    let mut aceros = Member::new(slug("aceros-del-norte"), "Aceros del Norte, \"ADN\"");
    aceros.website = HttpUrl::parse("https://aceros.example.com");
    let mut ana = contact("ana-lopez", "Ana María López; Pérez", "ana@aceros.example.com", "+52 614 555 0101");
    ana.role = Some(Text::ByLang(vec![
        ("es".into(), "Gerente de compras".into()),
        ("en".into(), "Purchasing manager".into()),
    ]));
    ana.whatsapp = E164::parse("+526145550199");
    aceros.contacts = vec![ana, contact("bruno", "Bruno Díaz", "bruno@aceros.example.com", "")];
    let forja = Member::new(slug("forja-bajio"), "Forja Bajío 🔧");
    let mut moldes = Member::new(slug("moldes-y-mas"), "Moldes\ny más");
    moldes.contacts = vec![contact("eva", "Eva =1+1", "eva@moldes.example.com", "-5")];
    Directory {
        format: FORMAT_VERSION,
        cluster: Cluster {
            name: "Clúster Automotriz de Ejemplo".into(),
            url: None,
            updated: None,
            languages: vec![LangTag::parse("es").unwrap(), LangTag::parse("en").unwrap()],
        },
        capability_groups: Vec::new(),
        capabilities: Vec::new(),
        certifications: Vec::new(),
        events: vec![Event {
            id: slug("paace-2026"),
            name: Text::Plain("INA PAACE Automechanika México 2026".into()),
            kind: None,
            start: IsoDate::parse("2026-07-08"),
            end: IsoDate::parse("2026-07-10"),
            city: None,
            venue: None,
            url: None,
        }],
        members: vec![aceros, forja, moldes],
    }
}

/// A person outside the directory with just a name and a company.
pub fn person(name: &str, company: &str) -> PersonDetails {
    PersonDetails { name: name.into(), company: company.into(), ..PersonDetails::default() }
}

/// A business card with accents, commas, quotes, semicolons, a backslash, a newline,
/// a formula trigger and emoji.
pub fn hard_person() -> PersonDetails {
    PersonDetails {
        name: "José \"Pepe\" Ñúñez, Jr.; 🚗".into(),
        company: "Troqueles, Moldes \\ Más\nS.A.".into(),
        role: "=Director; ventas".into(),
        email: "pepe@troqueles.example.mx".into(),
        phone: "+52 (81) 5555-0000".into(),
    }
}

/// One edit a visitor can make; indexes pick among what exists.
#[derive(Clone, Debug)]
pub enum Op {
    AddMember(usize),
    AddContact(usize, usize),
    AddPerson(String, String),
    Note(usize, String),
    SetStatus(usize, usize),
    SetDate(usize, Option<i64>),
    MetEvent(usize),
    MetText(usize, String),
    Remove(usize),
    RemoveAndUndo(usize),
    Contacted(usize, usize),
    /// A fair-day mark on a member (index into the members), `None` clears it.
    Mark(usize, Option<usize>),
    /// A fair-day note on a member.
    FairNote(usize, String),
    /// Met at Vitrina's matchmaking.
    MetMatchmaking(usize),
    /// An introduction typed or edited.
    Introduction(usize, String),
    /// The visitor says who they are (`None`: removes it).
    Company(Option<MyCompany>),
    Backup,
    Dismiss,
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,16}",
        Just("Ñúñez, \"Jr.\"; 😀\nlínea 2\\".to_owned()),
        Just(String::new()),
        Just("=SUM(A1)".to_owned()),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0usize..8).prop_map(Op::AddMember),
        2 => (0usize..8, 0usize..4).prop_map(|(m, c)| Op::AddContact(m, c)),
        2 => (text(), text()).prop_map(|(n, c)| Op::AddPerson(n, c)),
        3 => (0usize..16, text()).prop_map(|(i, t)| Op::Note(i, t)),
        2 => (0usize..16, 0usize..6).prop_map(|(i, s)| Op::SetStatus(i, s)),
        2 => (0usize..16, proptest::option::of(-400i64..400)).prop_map(|(i, d)| Op::SetDate(i, d)),
        1 => (0usize..16).prop_map(Op::MetEvent),
        1 => (0usize..16, text()).prop_map(|(i, t)| Op::MetText(i, t)),
        1 => (0usize..16).prop_map(Op::Remove),
        1 => (0usize..16).prop_map(Op::RemoveAndUndo),
        1 => (0usize..16, 0usize..3).prop_map(|(i, c)| Op::Contacted(i, c)),
        2 => (0usize..8, proptest::option::of(0usize..3)).prop_map(|(m, k)| Op::Mark(m, k)),
        1 => (0usize..8, text()).prop_map(|(m, t)| Op::FairNote(m, t)),
        1 => (0usize..16).prop_map(Op::MetMatchmaking),
        1 => (0usize..16, text()).prop_map(|(i, t)| Op::Introduction(i, t)),
        1 => proptest::option::of(company()).prop_map(Op::Company),
        1 => Just(Op::Backup),
        1 => Just(Op::Dismiss),
    ]
}

/// Any company a visitor can say they are: a member (of the directory or not), or one outside
/// it with any name, kind and capability lists.
pub fn company() -> impl Strategy<Value = MyCompany> {
    let capability = prop_oneof![Just("stamping"), Just("machining"), Just("coating"), Just("x-1")];
    let ids = proptest::collection::vec(capability.prop_map(slug), 0..5);
    let kind = proptest::option::of(proptest::sample::select(MemberKind::ALL.map(|(kind, _)| kind).to_vec()));
    prop_oneof![
        prop_oneof![Just("aceros-del-norte"), Just("nadie")].prop_map(|id| MyCompany::Member { id: slug(id) }),
        (text(), kind, ids.clone(), ids).prop_map(|(name, kind, makes, needs)| {
            MyCompany::Outside(OutsideCompany::new(&name, kind, makes, needs))
        }),
    ]
}

/// Applies edits at times starting from `start`, advancing 0–2 ms per edit (ties are on purpose).
pub fn apply(list: &mut FollowUpList, ops: &[(Op, i64)], start: i64) {
    let dir = directory();
    let members = ["aceros-del-norte", "forja-bajio", "moldes-y-mas", "nadie"];
    let contacts = ["ana-lopez", "bruno", "eva", "nadie"];
    let mut now = start;
    for (op, step) in ops {
        now += step;
        let pick = |list: &FollowUpList, i: usize| -> Option<EntryId> {
            (!list.is_empty()).then(|| list.entries()[i % list.len()].id.clone())
        };
        match op {
            Op::AddMember(m) => {
                let _ = list.add_member(&dir, members[m % members.len()], now);
            }
            Op::AddContact(m, c) => {
                let _ = list.add_contact(&dir, members[m % members.len()], contacts[c % contacts.len()], now);
            }
            Op::AddPerson(name, company) => {
                let _ = list.add_person(&person(name, company), now);
            }
            Op::Note(i, t) => {
                if let Some(id) = pick(list, *i) {
                    list.set_note(&id, t, now).unwrap();
                }
            }
            Op::SetStatus(i, s) => {
                if let Some(id) = pick(list, *i) {
                    list.set_status(&id, Status::ALL[s % 6], now).unwrap();
                }
            }
            Op::SetDate(i, d) => {
                if let Some(id) = pick(list, *i) {
                    let date = d.map(|d| IsoDate::from_days_since_epoch(20_000 + d));
                    list.set_next_date(&id, date, now).unwrap();
                }
            }
            Op::MetEvent(i) => {
                if let Some(id) = pick(list, *i) {
                    list.set_met_at(&id, MetAt::event(&dir, "paace-2026", Lang::Es), now).unwrap();
                }
            }
            Op::MetText(i, t) => {
                if let Some(id) = pick(list, *i) {
                    list.set_met_at(&id, Some(MetAt::Other(t.clone())), now).unwrap();
                }
            }
            Op::Remove(i) => {
                if let Some(id) = pick(list, *i) {
                    list.remove(&id, now);
                }
            }
            Op::RemoveAndUndo(i) => {
                if let Some(id) = pick(list, *i) {
                    let removed = list.remove(&id, now).unwrap();
                    list.restore(removed, now);
                }
            }
            Op::Contacted(i, c) => {
                if let Some(id) = pick(list, *i) {
                    let via = [Channel::Email, Channel::Phone, Channel::Whatsapp][c % 3];
                    list.record_contact(&id, via, now).unwrap();
                }
            }
            Op::Mark(m, mark) => {
                let mark = mark.map(|k| VisitMark::ALL[k % 3]);
                let _ = list.mark_visit(&dir, members[m % members.len()], "paace-2026", mark, Lang::Es, now);
            }
            Op::FairNote(m, t) => {
                let _ = list.set_fair_note(&dir, members[m % members.len()], "paace-2026", t, Lang::Es, now);
            }
            Op::MetMatchmaking(i) => {
                if let Some(id) = pick(list, *i) {
                    list.set_met_at(&id, Some(MetAt::Matchmaking), now).unwrap();
                }
            }
            Op::Introduction(i, t) => {
                if let Some(id) = pick(list, *i) {
                    list.set_introduction(&id, t, now).unwrap();
                }
            }
            Op::Company(company) => {
                list.set_my_company(company.clone(), now);
            }
            Op::Backup => list.mark_backed_up(now),
            Op::Dismiss => list.dismiss_nudge(now),
        }
    }
}

fn ops(max: usize) -> impl Strategy<Value = Vec<(Op, i64)>> {
    proptest::collection::vec((op(), 0i64..3), 0..max)
}

/// A list built by a random sequence of edits.
pub fn arbitrary_list() -> impl Strategy<Value = FollowUpList> {
    ops(30).prop_map(|ops| {
        let mut list = FollowUpList::new();
        apply(&mut list, &ops, 1_790_000_000_000);
        list
    })
}

/// Two versions of one list, as two tabs or devices have them: a shared history,
/// then edits on each side at overlapping times.
pub fn arbitrary_list_pair() -> impl Strategy<Value = (FollowUpList, FollowUpList)> {
    (ops(20), ops(15), ops(15), 0i64..4).prop_map(|(base, left, right, skew)| {
        let mut shared = FollowUpList::new();
        apply(&mut shared, &base, 1_790_000_000_000);
        let mut a = shared.clone();
        let mut b = shared;
        apply(&mut a, &left, 1_790_000_001_000);
        apply(&mut b, &right, 1_790_000_001_000 + skew);
        (a, b)
    })
}
