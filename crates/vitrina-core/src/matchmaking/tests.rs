//! Matchmaking against a slow, obvious reference over generated directories, and on the
//! sample directory.

use std::collections::BTreeSet;

use proptest::prelude::*;

use super::*;
use crate::fair::natural_cmp;
use crate::model::{Capability, CapabilityGroup, Certification, Cluster, Event, MemberCertification, MemberEvent};
use crate::my_company::{MyCompany, OutsideCompany};
use crate::text::Text;

fn slug(s: &str) -> Slug {
    Slug::parse(s).unwrap()
}

fn date(s: &str) -> IsoDate {
    IsoDate::parse(s).unwrap()
}

const CAPS: &[&str] = &["stamping", "molding", "machining", "welding", "painting"];
const CERTS: &[&str] = &["iatf-16949", "iso-9001", "iatf", "oea", "iso-19001"];
const STANDS: &[&str] = &["A-10", "A-9", "b2", "B-1", " ", "a-9"];
const NAMES: &[&str] = &["Ánfora", "anfora", "Bravo", "=Calc", "Zeta", "Élite", ""];

fn vocabulary_directory(members: Vec<Member>) -> Directory {
    let by_lang = |es: &str, en: &str| Text::ByLang(vec![("es".into(), es.into()), ("en".into(), en.into())]);
    Directory {
        format: 1,
        cluster: Cluster { name: "Prueba".into(), url: None, updated: None, languages: Vec::new() },
        capability_groups: vec![
            CapabilityGroup { id: slug("plastics"), label: by_lang("Plásticos", "Plastics") },
            CapabilityGroup { id: slug("metal"), label: by_lang("Metal", "Metal") },
        ],
        capabilities: CAPS
            .iter()
            .enumerate()
            .map(|(i, id)| Capability {
                id: slug(id),
                group: match i % 3 {
                    0 => Some(slug("metal")),
                    1 => Some(slug("plastics")),
                    _ => None,
                },
                label: by_lang(&format!("Cap {id}"), &format!("Cap {id} en")),
                aliases: Default::default(),
            })
            .collect(),
        certifications: vec![
            Certification { id: slug("iatf-16949"), label: Text::from("IATF") },
            Certification { id: slug("iso-9001"), label: Text::from("ISO") },
            // Another id for the same standards, named by their numbers.
            Certification { id: slug("iatf"), label: by_lang("Norma IATF 16949", "IATF 16949 standard") },
            Certification { id: slug("oea"), label: Text::from("OEA") },
            Certification { id: slug("iso-19001"), label: Text::from("ISO 19001") },
        ],
        events: vec![Event {
            id: slug("expo"),
            name: Text::from("Expo"),
            kind: None,
            start: None,
            end: None,
            city: None,
            venue: None,
            url: None,
        }],
        members,
    }
}

fn arb_caps() -> impl Strategy<Value = Vec<Slug>> {
    prop::collection::vec(prop::sample::select(CAPS), 0..=4).prop_map(|ids| ids.iter().map(|id| slug(id)).collect())
}

fn arb_kind() -> impl Strategy<Value = Option<MemberKind>> {
    prop::option::of(prop::sample::select(MemberKind::ALL.map(|(kind, _)| kind).to_vec()))
}

fn arb_member() -> impl Strategy<Value = Member> {
    (
        prop::sample::select(NAMES),
        arb_kind(),
        arb_caps(),
        arb_caps(),
        prop::collection::vec((prop::sample::select(CERTS), prop::option::of(-3i64..3)), 0..=3),
        prop::option::of(prop::option::of(prop::sample::select(STANDS))),
    )
        .prop_map(|(name, kind, capabilities, needs, certs, attendance)| {
            let mut member = Member::new(slug("x"), name);
            member.kind = kind;
            member.capabilities = capabilities;
            member.needs = needs;
            member.certifications = certs
                .iter()
                .map(|(id, days)| MemberCertification {
                    id: slug(id),
                    valid_until: days.map(|d| IsoDate::from_days_since_epoch(TODAY + d)),
                    site: None,
                    body: None,
                })
                .collect();
            member.events = attendance
                .map(|stand| MemberEvent { id: slug("expo"), stand: stand.map(str::to_owned) })
                .into_iter()
                .collect();
            member
        })
}

const TODAY: i64 = 20_500;

/// Every reason that says the supplier holds a valid IATF 16949.
const CLAIMS_VALID_IATF: &[&str] = &[
    "IATF 16949 vigente",
    "Valid IATF 16949",
    "Piden IATF 16949 y la tuya está vigente",
    "They ask for IATF 16949 and yours is valid",
    "Tu IATF 16949 vigente cubre su ISO 9001",
    "Your valid IATF 16949 covers their ISO 9001",
];

fn today() -> IsoDate {
    IsoDate::from_days_since_epoch(TODAY)
}

fn arb_directory() -> impl Strategy<Value = Directory> {
    prop::collection::vec(arb_member(), 0..=9).prop_map(|mut members| {
        for (at, member) in members.iter_mut().enumerate() {
            member.id = slug(&format!("m{at}"));
        }
        vocabulary_directory(members)
    })
}

/// The visitor: a member (by position, taken modulo the members) or an outside company.
#[derive(Clone, Debug)]
enum Visitor {
    Member(usize),
    Outside(OutsideCompany),
}

fn arb_visitor() -> impl Strategy<Value = Visitor> {
    prop_oneof![
        (0usize..9).prop_map(Visitor::Member),
        (prop::sample::select(NAMES), arb_kind(), arb_caps(), arb_caps())
            .prop_map(|(name, kind, makes, needs)| Visitor::Outside(OutsideCompany::new(name, kind, makes, needs))),
    ]
}

fn my_company(directory: &Directory, visitor: &Visitor) -> MyCompany {
    match visitor {
        Visitor::Member(at) if !directory.members.is_empty() => {
            MyCompany::Member { id: directory.members[at % directory.members.len()].id.clone() }
        }
        Visitor::Member(_) => MyCompany::Outside(OutsideCompany::default()),
        Visitor::Outside(company) => MyCompany::Outside(company.clone()),
    }
}

// The reference: obvious, slow, written from the rules in words.

fn naive_valid(directory: &Directory, member: &Member, id: &str, number: &str) -> bool {
    member.certifications.iter().any(|held| {
        let named = held.id.as_str() == id
            || directory.certification(held.id.as_str()).is_some_and(|c| {
                c.label.variants().any(|label| label.split(|ch: char| !ch.is_alphanumeric()).any(|w| w == number))
            });
        named && held.valid_until.is_none_or(|until| until >= today())
    })
}

fn naive_quality_rank(directory: &Directory, supplier: Option<&Member>, buyer: Option<MemberKind>) -> u8 {
    let Some(supplier) = supplier else { return 2 };
    let iatf = naive_valid(directory, supplier, "iatf-16949", "16949");
    let iso = naive_valid(directory, supplier, "iso-9001", "9001");
    let automotive = matches!(buyer, Some(MemberKind::Oem | MemberKind::Tier1 | MemberKind::Tier2 | MemberKind::Tier3));
    match (automotive, iatf, iso) {
        (true, true, _) => 0,
        (_, true, _) | (_, _, true) => 1,
        _ => 2,
    }
}

fn naive_chain_rank(buyer: Option<MemberKind>, supplier: Option<MemberKind>) -> u8 {
    let step = |kind: Option<MemberKind>| {
        ["oem", "tier1", "tier2", "tier3"]
            .iter()
            .position(|name| kind.is_some_and(|k| MemberKind::from_name(name) == Some(k)))
    };
    match (step(buyer), step(supplier)) {
        (Some(b), Some(s)) if s == b + 1 => 0,
        (Some(_), Some(_)) => 1,
        _ => 2,
    }
}

/// The reference list of one side: (member index, matched ids) in the reference's order.
fn naive(directory: &Directory, company: &MyCompany, side: Side) -> Vec<(usize, Vec<String>)> {
    let (me, my_kind, makes, needs): (Option<usize>, Option<MemberKind>, Vec<Slug>, Vec<Slug>) = match company {
        MyCompany::Member { id } => {
            let at = directory.members.iter().position(|m| &m.id == id).unwrap();
            let m = &directory.members[at];
            (Some(at), m.kind, m.capabilities.clone(), m.needs.clone())
        }
        MyCompany::Outside(c) => (None, c.kind, c.makes.clone(), c.needs.clone()),
    };
    let mut out = Vec::new();
    for (at, member) in directory.members.iter().enumerate() {
        if Some(at) == me {
            continue;
        }
        let (mine, theirs) = match side {
            Side::MayBuyFromMe => (&makes, &member.needs),
            Side::CanSupplyMe => (&needs, &member.capabilities),
        };
        let common: BTreeSet<String> = mine.iter().filter(|id| theirs.contains(id)).map(|id| id.to_string()).collect();
        if common.is_empty() {
            continue;
        }
        let (quality, chain) = match side {
            Side::MayBuyFromMe => (
                naive_quality_rank(directory, me.map(|i| &directory.members[i]), member.kind),
                naive_chain_rank(member.kind, my_kind),
            ),
            Side::CanSupplyMe => {
                (naive_quality_rank(directory, Some(member), my_kind), naive_chain_rank(my_kind, member.kind))
            }
        };
        let key = (std::cmp::Reverse(common.len()), quality, chain, normalize(&member.name), member.id.to_string());
        out.push((key, at, common.into_iter().collect::<Vec<_>>()));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out.into_iter().map(|(_, at, common)| (at, common)).collect()
}

fn as_reference(found: &[Match]) -> Vec<(usize, Vec<String>)> {
    found
        .iter()
        .map(|m| {
            let mut ids: Vec<String> = m.capabilities.iter().map(Slug::to_string).collect();
            ids.sort();
            (m.member_index, ids)
        })
        .collect()
}

proptest! {
    #[test]
    fn matches_equal_the_reference_and_every_reason_holds(directory in arb_directory(), visitor in arb_visitor()) {
        let company = my_company(&directory, &visitor);
        let profile = company.profile(&directory).unwrap();
        for (side, found) in [
            (Side::MayBuyFromMe, may_buy_from_me(&directory, &profile, today())),
            (Side::CanSupplyMe, can_supply_me(&directory, &profile, today())),
        ] {
            prop_assert_eq!(as_reference(&found), naive(&directory, &company, side));
            for m in &found {
                prop_assert_eq!(m.side, side);
                prop_assert_ne!(Some(m.member_index), profile.member);
                let member = &directory.members[m.member_index];
                let (mine, theirs) = match side {
                    Side::MayBuyFromMe => (&profile.makes, &member.needs),
                    Side::CanSupplyMe => (&profile.needs, &member.capabilities),
                };
                for id in &m.capabilities {
                    prop_assert!(mine.contains(&id) && theirs.contains(id));
                }
                let supplier = match side {
                    Side::MayBuyFromMe => profile.member.map(|i| &directory.members[i]),
                    Side::CanSupplyMe => Some(member),
                };
                match (m.quality, supplier) {
                    (Quality::Unknown, None) => {}
                    (quality, Some(supplier)) => {
                        prop_assert_eq!(quality == Quality::Iatf16949, naive_valid(&directory, supplier, "iatf-16949", "16949"));
                        if quality == Quality::Iso9001 {
                            prop_assert!(naive_valid(&directory, supplier, "iso-9001", "9001"));
                        }
                    }
                    (quality, None) => prop_assert!(false, "an outside visitor's certificates are unknown, not {:?}", quality),
                }
                for lang in [Lang::Es, Lang::En] {
                    let reasons = m.reasons(&directory, lang);
                    let count = format!("{} ", m.capabilities.len());
                    prop_assert!(reasons[0].starts_with(&count), "{:?}", reasons);
                    let claims_iatf = reasons.iter().any(|r| CLAIMS_VALID_IATF.contains(&r.as_str()));
                    prop_assert_eq!(claims_iatf, m.quality == Quality::Iatf16949);
                    let intro = introduction(&profile, &directory, m, lang);
                    prop_assert!(!intro.contains('<') && intro.chars().count() <= 1000, "{}", intro);
                }
            }
        }
    }

    #[test]
    fn the_order_is_total_and_does_not_depend_on_the_input_order(
        directory in arb_directory(),
        visitor in arb_visitor(),
        seed in any::<u64>(),
    ) {
        let company = my_company(&directory, &visitor);
        let profile = company.profile(&directory).unwrap();
        for found in [may_buy_from_me(&directory, &profile, today()), can_supply_me(&directory, &profile, today())] {
            for a in &found {
                for b in &found {
                    let ab = a.compare(b, &directory);
                    prop_assert_eq!(ab, b.compare(a, &directory).reverse());
                    prop_assert_eq!(ab == Ordering::Equal, a.member_index == b.member_index);
                }
            }
            let mut shuffled = found.clone();
            let n = shuffled.len();
            for i in 0..n {
                let j = (seed.wrapping_mul(6364136223846793005).wrapping_add(i as u64) % n as u64) as usize;
                shuffled.swap(i, j);
            }
            sort_matches(&directory, &mut shuffled);
            prop_assert_eq!(&shuffled, &found);
            sort_matches(&directory, &mut shuffled);
            prop_assert_eq!(&shuffled, &found);
        }
    }

    #[test]
    fn pairs_equal_every_need_beside_every_other_supplier(directory in arb_directory()) {
        let mut got = BTreeSet::new();
        for need in staff_pairs(&directory, today()) {
            for (buyer, supplier) in need.pairs() {
                prop_assert!(got.insert((need.capability.id.to_string(), buyer, supplier)));
            }
        }
        let mut expected = BTreeSet::new();
        for cap in CAPS {
            for (b, buyer) in directory.members.iter().enumerate() {
                for (s, supplier) in directory.members.iter().enumerate() {
                    if b != s && buyer.needs.iter().any(|n| n.as_str() == *cap)
                        && supplier.capabilities.iter().any(|c| c.as_str() == *cap) {
                        expected.insert((cap.to_string(), b, s));
                    }
                }
            }
        }
        prop_assert_eq!(&got, &expected);
        for lang in [Lang::Es, Lang::En] {
            let csv = pairs_csv(&directory, lang, today());
            prop_assert!(csv.starts_with(crate::follow_up::export::csv::BOM), "no BOM");
            prop_assert_eq!(csv.matches("\r\n").count(), expected.len() + 1);
            for line in csv.trim_start_matches('\u{FEFF}').split("\r\n") {
                for cell in line.split(',') {
                    prop_assert!(!cell.starts_with(['=', '+', '-', '@']), "{}", cell);
                }
            }
        }
    }

    #[test]
    fn the_fair_lists_each_attending_match_once_in_walking_order(directory in arb_directory(), visitor in arb_visitor()) {
        let company = my_company(&directory, &visitor);
        let profile = company.profile(&directory).unwrap();
        let rows = prepare_fair(&directory, &profile, "expo", today());
        let expected: BTreeSet<usize> = naive(&directory, &company, Side::MayBuyFromMe)
            .into_iter()
            .chain(naive(&directory, &company, Side::CanSupplyMe))
            .map(|(at, _)| at)
            .filter(|&at| directory.members[at].attends("expo"))
            .collect();
        let got: Vec<usize> = rows.iter().map(|row| row.member_index).collect();
        prop_assert_eq!(got.iter().copied().collect::<BTreeSet<_>>(), expected);
        prop_assert_eq!(got.len(), rows.len());
        let buyers: BTreeSet<usize> = may_buy_from_me(&directory, &profile, today()).iter().map(|m| m.member_index).collect();
        for row in &rows {
            prop_assert_eq!(row.may_buy.is_some(), buyers.contains(&row.member_index));
            prop_assert_eq!(row.stand, directory.members[row.member_index].stand_at("expo"));
        }
        for pair in rows.windows(2) {
            match (pair[0].stand, pair[1].stand) {
                (Some(a), Some(b)) => prop_assert!(natural_cmp(a, b) != Ordering::Greater),
                (None, Some(_)) => prop_assert!(false, "a member without a stand before one with a stand"),
                (_, None) => {}
            }
        }
    }
}

fn sample() -> Directory {
    crate::load_directory(include_bytes!("../../../../data/directory.json")).unwrap().directory
}

fn labels(directory: &Directory, ids: &[&Slug], lang: Lang) -> Vec<String> {
    ids.iter().map(|id| words::capability_label(directory, id.as_str(), lang).to_owned()).collect()
}

#[test]
fn on_the_sample_a_tier_2_stamper_may_sell_to_tier_1s_first() {
    let directory = sample();
    let today = date("2026-12-04");
    let company = MyCompany::Member { id: slug("aceros-del-norte") };
    let profile = company.profile(&directory).unwrap();
    assert_eq!(profile.kind, Some(MemberKind::Tier2));
    let found = may_buy_from_me(&directory, &profile, today);
    let position = |id: &str| found.iter().position(|m| directory.members[m.member_index].id.as_str() == id);
    // Takumi (Tier 1) and the OEM Armadora del Norte both need stamping, which Aceros makes.
    let (takumi, armadora) = (position("takumi-seating-mexico").unwrap(), position("armadora-del-norte").unwrap());
    let m = &found[takumi];
    let expected_common: Vec<&Slug> =
        profile.makes.iter().copied().filter(|id| directory.members[m.member_index].needs.contains(id)).collect();
    if found[armadora].capabilities.len() == m.capabilities.len() {
        assert!(takumi < armadora, "the adjacent step (Tier 1 buys from Tier 2) comes before the OEM");
    }
    assert_eq!(
        m.reasons(&directory, Lang::Es),
        [
            format!(
                "{} {}: {}",
                expected_common.len(),
                if expected_common.len() == 1 { "capacidad en común" } else { "capacidades en común" },
                labels(&directory, &expected_common, Lang::Es).join(", ")
            ),
            "Piden IATF 16949 y la tuya está vigente".to_owned(),
            "Tier 1: compra directamente a un Tier 2".to_owned(),
        ]
    );
    assert!(found[armadora]
        .reasons(&directory, Lang::En)
        .contains(&"OEM: another step of the automotive chain".to_owned()));
    let intro = introduction(&profile, &directory, m, Lang::Es);
    assert!(intro.starts_with("Hola, somos Aceros del Norte. Vimos en el directorio de "), "{intro}");
    assert!(intro.contains("que buscan Estampado") && intro.contains("podemos resolverlo"), "{intro}");
    // The certificate expires: the same lists rank it as missing after that day.
    let later = date("2027-10-16");
    let m_later = may_buy_from_me(&directory, &profile, later);
    assert!(m_later.iter().all(|m| m.quality != Quality::Iatf16949));
}

#[test]
fn on_the_sample_an_oem_is_supplied_by_valid_iatf_holders_first_within_a_count() {
    let directory = sample();
    let today = date("2026-12-04");
    let company = MyCompany::Member { id: slug("armadora-del-norte") };
    let profile = company.profile(&directory).unwrap();
    let found = can_supply_me(&directory, &profile, today);
    assert!(!found.is_empty());
    let aceros = found.iter().find(|m| directory.members[m.member_index].id.as_str() == "aceros-del-norte").unwrap();
    assert!(aceros.capabilities.iter().any(|id| id.as_str() == "stamping"));
    let reasons = aceros.reasons(&directory, Lang::Es);
    assert_eq!(reasons[1..], ["IATF 16949 vigente".to_owned(), "Tier 2: otro paso de la cadena automotriz".to_owned()]);
    for pair in found.windows(2) {
        if pair[0].capabilities.len() == pair[1].capabilities.len() {
            assert!(pair[0].quality_rank() <= pair[1].quality_rank());
        }
    }
    // A Tier 1 with a valid IATF reads as supplying an OEM directly.
    let direct = found.iter().find(|m| m.chain == ChainStep::Adjacent && m.quality == Quality::Iatf16949).unwrap();
    assert!(direct
        .reasons(&directory, Lang::Es)
        .contains(&"Tier 1: surte directamente a una armadora (OEM)".to_owned()));
    assert!(direct.reasons(&directory, Lang::En).contains(&"Tier 1: supplies an OEM directly".to_owned()));
    let intro = introduction(&profile, &directory, direct, Lang::En);
    assert!(intro
        .starts_with("Hello, we are Armadora del Norte. We could be your customer: we are looking for a supplier of "));
}

#[test]
fn an_outside_company_without_a_name_still_reads_well_and_ranks_certificates_equal() {
    let directory = sample();
    let company = MyCompany::Outside(OutsideCompany::new("  ", None, vec![slug("stamping")], vec![]));
    let profile = company.profile(&directory).unwrap();
    let found = may_buy_from_me(&directory, &profile, date("2026-12-04"));
    assert!(!found.is_empty());
    assert!(found.iter().all(|m| m.quality == Quality::Unknown && m.quality_rank() == 2));
    let es = introduction(&profile, &directory, &found[0], Lang::Es);
    assert!(es.starts_with("Hola. Vimos en el directorio de"), "{es}");
    let en = introduction(&profile, &directory, &found[0], Lang::En);
    assert!(en.starts_with("Hello. We saw in the"), "{en}");
    assert_eq!(found[0].reasons(&directory, Lang::Es).len(), 2, "no claim about unknown certificates");
}

#[test]
fn capability_lists_in_words() {
    let directory = vocabulary_directory(Vec::new());
    let ids = |n: usize| -> Vec<Slug> { CAPS.iter().take(n).map(|id| slug(id)).collect() };
    assert_eq!(words::listing_for_test(&directory, &ids(1), Lang::Es), "Cap stamping");
    assert_eq!(words::listing_for_test(&directory, &ids(2), Lang::En), "Cap stamping en and Cap molding en");
    assert_eq!(words::listing_for_test(&directory, &ids(3), Lang::Es), "Cap stamping, Cap molding y Cap machining");
    let mut many = ids(5);
    many.push(slug("unknown"));
    assert!(words::listing_for_test(&directory, &many, Lang::Es).ends_with(" y 1 más"));
}

#[test]
fn introduction_links_prefill_the_message() {
    let directory = crate::follow_up::test_support::directory();
    let aceros = &directory.members[0];
    let company = MyCompany::Outside(OutsideCompany::new("Moldes & Co", None, vec![], vec![]));
    let profile = company.profile(&directory).unwrap();
    let links = introduction_links(aceros, &profile, "Hola, somos Moldes & Co.\n¿Podemos platicar?", Lang::Es);
    let email = links.email.unwrap();
    assert!(
        email.starts_with("mailto:ana@aceros.example.com?subject=Presentaci%C3%B3n%20de%20Moldes%20%26%20Co&body=Hola")
    );
    assert!(email.contains("%0D%0A%C2%BFPodemos"));
    assert_eq!(
        links.whatsapp.unwrap(),
        "https://wa.me/526145550199?text=Hola%2C%20somos%20Moldes%20%26%20Co.%0A%C2%BFPodemos%20platicar%3F"
    );
    assert_eq!(introduction_links(&directory.members[1], &profile, "x", Lang::En), IntroductionLinks::default());
}

#[test]
fn pairs_csv_on_the_sample() {
    let directory = sample();
    let csv = pairs_csv(&directory, Lang::En, date("2026-12-04"));
    let mut lines = csv.trim_start_matches('\u{FEFF}').split("\r\n");
    assert_eq!(
        lines.next().unwrap(),
        "Group,Need,Capability id,Buyer id,Buyer,Buyer kind,Supplier id,Supplier,Supplier kind,Valid IATF 16949"
    );
    let takumi_stamping = lines
        .clone()
        .find(|line| line.contains(",stamping,takumi-seating-mexico,") && line.contains(",aceros-del-norte,"))
        .unwrap();
    assert!(takumi_stamping.ends_with(",Tier 2,yes"), "{takumi_stamping}");
}
