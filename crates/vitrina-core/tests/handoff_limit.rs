//! Issue 16: a 600-entry follow-up list, with the visitor's company and introductions from
//! matchmaking, still fits the handoff's part limit (QR-sized parts under a realistic base URL).
//!
//! The list is built through the list's own edits from the sample directory (its real company
//! names, contacts, e-mails and phones), plus people met outside it, with notes drawn word by
//! word from the directory's Spanish descriptions (less repetitive than real notes, so this errs
//! on the heavy side) and introductions written as matchmaking writes them (~300 characters).

mod common;

use vitrina_core::follow_up::share::{handoff_fragments, DEFAULT_QR_CHUNK, MAX_HANDOFF_PARTS};
use vitrina_core::follow_up::{Channel, FollowUpList, MetAt, PersonDetails, Status, VisitMark, DAY_MS};
use vitrina_core::my_company::{MyCompany, OutsideCompany};
use vitrina_core::valid::IsoDate;
use vitrina_core::{load_directory, Directory, Lang};

/// A deployment's base URL as long as a cluster's site with a path would have it.
const BASE_URL: &str = "https://directorio.clusterautomotrizchihuahua.org/vitrina/";

/// Entries in the list (the figure).
const ENTRIES: usize = 600;

/// A small deterministic generator (xorshift64*): the same list on every run.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn sample_directory() -> Directory {
    load_directory(&common::read("data/directory.json")).expect("the sample directory loads").directory
}

/// Every word of the directory's Spanish descriptions and pitches, in order.
fn corpus(directory: &Directory) -> Vec<String> {
    let raw = common::read_json("data/directory.json");
    let mut words = Vec::new();
    for member in raw["members"].as_array().expect("members") {
        for field in ["description", "pitch"] {
            if let Some(text) = member[field]["es"].as_str() {
                words.extend(text.split_whitespace().map(str::to_owned));
            }
        }
    }
    assert!(words.len() > 5_000 && !directory.members.is_empty(), "a corpus worth sampling: {} words", words.len());
    words
}

/// A note of typical length (40–220 characters), word by word from the corpus.
fn note(dice: &mut Dice, words: &[String]) -> String {
    let target = 40 + dice.below(180);
    let mut text = String::new();
    while text.len() < target {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(dice.pick::<String>(words));
    }
    text
}

/// An introduction as matchmaking writes one: what the visitor can solve, then the ask.
fn introduction(dice: &mut Dice, contact: &str, member: &str, capabilities: &[String]) -> String {
    let first = contact.split_whitespace().next().unwrap_or("");
    let (a, b, c) = (dice.pick(capabilities), dice.pick(capabilities), dice.pick(capabilities));
    format!(
        "Hola, {first}: soy de Troqueles y Ensambles del Bajío. Vimos en el mapeo del clúster que {member} \
         busca {a}; hacemos {b} y {c} con IATF 16949 vigente y podemos ayudarle a bajar el contenido \
         importado. ¿Le parece si agendamos una llamada de 20 minutos la próxima semana para revisar volúmenes \
         y fechas? Saludos."
    )
}

fn realistic_list(directory: &Directory) -> FollowUpList {
    let words = corpus(directory);
    let capabilities: Vec<String> = directory
        .capabilities
        .iter()
        .map(|c| c.label.resolve("es", directory.fallback_language()).to_owned())
        .collect();
    let events: Vec<&str> = directory.events.iter().map(|event| event.id.as_str()).collect();
    let mut dice = Dice(0x5EED_1600);
    let mut list = FollowUpList::new();
    let mut now: i64 = 1_790_000_000_000;
    let mut ids = Vec::new();
    // Every contact of the directory, then whole members, then people met outside it.
    for member in &directory.members {
        for contact in &member.contacts {
            now += 1 + dice.below(3_600_000) as i64;
            ids.push(list.add_contact(directory, member.id.as_str(), contact.id.as_str(), now).expect("a contact").id);
        }
    }
    for member in &directory.members {
        if ids.len() >= ENTRIES - 150 {
            break;
        }
        now += 1 + dice.below(3_600_000) as i64;
        ids.push(list.add_member(directory, member.id.as_str(), now).expect("a member").id);
    }
    let contact_names: Vec<&str> =
        directory.members.iter().flat_map(|m| m.contacts.iter().map(|c| c.name.as_str())).collect();
    while ids.len() < ENTRIES {
        let given = dice.pick(&contact_names).split_whitespace().next().unwrap_or("Ana");
        let family = dice.pick(&contact_names).split_whitespace().last().unwrap_or("López");
        let company = format!("{} {} S.A. de C.V.", dice.pick(&words), dice.pick(&words));
        let person = PersonDetails {
            name: format!("{given} {family}"),
            company,
            role: dice
                .pick(&["Gerente de Compras", "Ingeniero de Calidad", "Director General", "Compradora"])
                .to_string(),
            email: format!("{}.{}@empresa{}.com.mx", given.to_lowercase(), family.to_lowercase(), dice.below(1000)),
            phone: format!("+52 614 {:03} {:04}", dice.below(1000), dice.below(10_000)),
        };
        now += 1 + dice.below(3_600_000) as i64;
        ids.push(list.add_person(&person, now).expect("a person").id);
    }
    for id in &ids {
        now += 1 + dice.below(60_000) as i64;
        let entry = list.get(id).expect("just added").clone();
        if dice.chance(75) {
            list.set_note(id, &note(&mut dice, &words), now).unwrap();
        }
        list.set_status(id, Status::ALL[dice.below(Status::ALL.len())], now).unwrap();
        if dice.chance(50) {
            let date = IsoDate::from_days_since_epoch(20_700 + dice.below(120) as i64);
            list.set_next_date(id, Some(date), now).unwrap();
        }
        let met_at = match dice.below(10) {
            0..=5 => MetAt::event(directory, dice.pick::<&str>(&events), Lang::Es),
            6 | 7 => Some(MetAt::Matchmaking),
            8 => MetAt::other(&format!("Comida con {}", dice.pick(&contact_names))),
            _ => None,
        };
        list.set_met_at(id, met_at, now).unwrap();
        for _ in 0..dice.below(4) {
            now += dice.below(DAY_MS as usize) as i64;
            list.record_contact(id, [Channel::Email, Channel::Phone, Channel::Whatsapp][dice.below(3)], now).unwrap();
        }
        if let Some(member) = entry.target.member_id().filter(|_| dice.chance(30)) {
            let mark = VisitMark::ALL[dice.below(VisitMark::ALL.len())];
            list.mark_visit(directory, member.as_str(), dice.pick::<&str>(&events), Some(mark), Lang::Es, now).unwrap();
        }
        if dice.chance(25) {
            let text = introduction(&mut dice, entry.display_name(), &entry.snapshot.member_name, &capabilities);
            list.set_introduction(id, &text, now).unwrap();
        }
    }
    let capability_ids =
        |dice: &mut Dice| (0..12).map(|_| dice.pick(&directory.capabilities).id.clone()).collect::<Vec<_>>();
    let (makes, needs) = (capability_ids(&mut dice), capability_ids(&mut dice));
    let company = OutsideCompany::new("Troqueles y Ensambles del Bajío", None, makes, needs);
    list.set_my_company(Some(MyCompany::Outside(company)), now + 1);
    list
}

/// Measured when written (`cargo test -p vitrina-core --test handoff_limit -- --nocapture`):
/// 600 entries (213 contacts, 114 members, 273 people; 134 introductions, 471 notes) make a
/// 435 KB stored document. Handed over as rows, as the stored document is, it took 129 parts of at
/// most 942 characters; in columns, with times as differences and without the contact details the
/// directory gives back (`follow_up::share`), it takes 96 parts (90 KB): under the limit of 99,
/// with introductions in.
#[test]
fn six_hundred_entries_fit_a_handoff() {
    let directory = sample_directory();
    let list = realistic_list(&directory);
    assert_eq!(list.len(), ENTRIES);
    let with_introduction = list.entries().iter().filter(|e| !e.introduction.is_empty()).count();
    let with_note = list.entries().iter().filter(|e| !e.note.is_empty()).count();
    assert!(with_introduction >= ENTRIES / 5 && with_note >= ENTRIES / 2, "{with_introduction} {with_note}");
    assert!(list.entries().iter().any(|e| e.met_at == Some(MetAt::Matchmaking)));
    assert!(list.my_company().is_some());
    let part_len = DEFAULT_QR_CHUNK - BASE_URL.len();
    let parts = handoff_fragments(&list, part_len).unwrap_or_else(|e| panic!("{e}"));
    let document = list.to_json().len();
    let encoded: usize = parts.iter().map(|part| part.len()).sum();
    eprintln!(
        "600 entries ({with_introduction} introductions, {with_note} notes): {document} bytes of document, \
         {} parts of at most {part_len} characters ({encoded} in all)",
        parts.len()
    );
    assert!(
        parts.len() <= MAX_HANDOFF_PARTS,
        "{} parts for {ENTRIES} entries (document {document} bytes): more than {MAX_HANDOFF_PARTS}",
        parts.len()
    );
    assert!(parts.iter().all(|part| part.len() <= part_len));
    // And it is the whole list, company included, once the directory has given back the
    // contact details a handoff leaves out (the app refreshes what it takes in).
    let mut back =
        vitrina_core::follow_up::share::decode_handoff(&parts.iter().map(String::as_str).collect::<Vec<_>>(), 0)
            .unwrap();
    back.refresh_snapshots(&directory);
    assert_eq!((back.entries(), back.my_company()), (list.entries(), list.my_company()));
}
