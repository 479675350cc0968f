//! Test helpers shared by the modules' tests: the sample directory and a generator of valid
//! directories, in the form the loader gives back (texts by language in tag order, as JSON
//! objects have no order the loader keeps; strings trimmed and not blank).

use proptest::prelude::*;
use vitrina_core::model::*;
use vitrina_core::text::Text;
use vitrina_core::valid::{AssetUrl, CountryCode, Email, HttpUrl, IsoDate, LangTag, Slug, E164};

/// The sample directory the app ships, loaded once per test binary.
pub(crate) fn sample() -> Directory {
    static SAMPLE: std::sync::OnceLock<Directory> = std::sync::OnceLock::new();
    SAMPLE
        .get_or_init(|| {
            let bytes = include_bytes!("../../../data/directory.json");
            vitrina_core::load_directory(bytes).expect("the sample directory loads").directory
        })
        .clone()
}

/// A slug from a literal.
pub(crate) fn slug(id: &str) -> Slug {
    Slug::parse(id).expect("a test id is a slug")
}

/// A directory with no vocabulary and these members.
pub(crate) fn directory_with(members: Vec<Member>) -> Directory {
    Directory {
        format: FORMAT_VERSION,
        cluster: Cluster { name: "Clúster".into(), url: None, updated: None, languages: Vec::new() },
        capability_groups: Vec::new(),
        capabilities: Vec::new(),
        certifications: Vec::new(),
        events: Vec::new(),
        members,
    }
}

/// Trimmed, non-blank text with letters, accents, quotes, backslashes and inner line breaks.
fn words() -> impl Strategy<Value = String> {
    "[A-Za-zñÁé0-9]([A-Za-zñÁé0-9 ,.'\"\\\\/\n&<>-]{0,24}[A-Za-zñÁé0-9.])?"
}

fn some<T: std::fmt::Debug + Clone + 'static>(
    strategy: impl Strategy<Value = T> + 'static,
) -> impl Strategy<Value = Option<T>> {
    prop::option::weighted(0.6, strategy)
}

fn text() -> impl Strategy<Value = Text> {
    prop_oneof![
        words().prop_map(Text::Plain),
        (some(words()), some(words()), some(words())).prop_filter_map("a text in some language", |(en, es, pt)| {
            let by_lang: Vec<(String, String)> = [("en", en), ("es", es), ("pt-BR", pt)]
                .into_iter()
                .filter_map(|(tag, text)| text.map(|text| (tag.to_owned(), text)))
                .collect();
            (!by_lang.is_empty()).then_some(Text::ByLang(by_lang))
        }),
    ]
}

fn date() -> impl Strategy<Value = IsoDate> {
    (1990..2040_i32, 1..=12_u8, 1..=28_u8).prop_filter_map("a date", |(y, m, d)| IsoDate::from_ymd(y, m, d))
}

fn url() -> impl Strategy<Value = HttpUrl> {
    "https?://[a-z]{1,10}\\.(com|mx)(/[a-z0-9]{0,8})?".prop_filter_map("a URL", |url| HttpUrl::parse(&url))
}

fn lang_tags() -> impl Strategy<Value = Vec<LangTag>> {
    prop::sample::subsequence(vec!["es", "en", "pt-BR"], 0..=3)
        .prop_map(|tags| tags.into_iter().filter_map(LangTag::parse).collect())
}

/// Distinct indices below `n` of a generated list of indices below 8.
fn pick<T: Clone>(indices: &[usize], items: &[T]) -> Vec<T> {
    let mut seen = Vec::new();
    for &index in indices {
        if index < items.len() && !seen.contains(&index) {
            seen.push(index);
        }
    }
    seen.into_iter().map(|index| items[index].clone()).collect()
}

fn contact(index: usize) -> impl Strategy<Value = Contact> {
    (
        "[a-z]{1,8}",
        words(),
        some(text()),
        some("[a-z]{1,8}@[a-z]{1,8}\\.mx".prop_filter_map("an email", |e| Email::parse(&e))),
        some("\\+?[0-9][0-9 ()-]{0,4}[0-9]{3}[0-9 -]{0,6}[0-9]"),
        some("\\+52[1-9][0-9]{9}".prop_filter_map("E.164", |p| E164::parse(&p))),
        some(url()),
    )
        .prop_map(move |(id, name, role, email, phone, whatsapp, linkedin)| Contact {
            id: slug(&format!("{id}-{index}")),
            name,
            role,
            email,
            phone,
            whatsapp,
            linkedin,
        })
}

fn location() -> impl Strategy<Value = Option<Location>> {
    (
        some(words()),
        some(words()),
        some(prop::sample::select(vec!["MX", "US", "DE"]).prop_filter_map("a code", CountryCode::parse)),
        some((-90.0..=90.0_f64, -180.0..=180.0_f64)),
    )
        .prop_map(|(city, state, country, coordinates)| {
            let location = Location {
                city,
                state,
                country,
                lat: coordinates.map(|(lat, _)| lat),
                lon: coordinates.map(|(_, lon)| lon),
            };
            let empty = location.city.is_none()
                && location.state.is_none()
                && location.country.is_none()
                && location.lat.is_none();
            (!empty).then_some(location)
        })
}

/// A certificate by index into the certifications: valid until, site, body.
type CertificationDraft = (usize, Option<IsoDate>, Option<Text>, Option<String>);

/// Indices into the vocabularies a member refers to, resolved once the vocabularies exist.
#[derive(Clone, Debug)]
struct MemberDraft {
    member: Member,
    capabilities: Vec<usize>,
    needs: Vec<usize>,
    certifications: Vec<CertificationDraft>,
    events: Vec<(usize, Option<String>)>,
}

fn member(index: usize) -> impl Strategy<Value = MemberDraft> {
    let indices = || prop::collection::vec(0..8_usize, 0..4);
    let identity =
        ("[a-z][a-z0-9-]{0,12}", words(), some(words()), some(prop::sample::select(MemberKind::ALL.to_vec())));
    let texts = (some(text()), some(text()), prop::collection::vec(words(), 0..3));
    let numbers = (some(any::<u64>()), some(1000..=2999_i32), some(0.0..1e9_f64), lang_tags());
    let links = (
        location(),
        some(url()),
        some(url()),
        some("logos/[a-z]{1,8}\\.(png|svg)".prop_filter_map("a logo", |logo| AssetUrl::parse(&logo))),
        some(date()),
    );
    let cases = prop::collection::vec(
        (text(), some(text()), some(words()), some(1000..=2999_i32))
            .prop_map(|(title, summary, customer, year)| SuccessCase { title, summary, customer, year }),
        0..3,
    );
    let references = (
        indices(),
        indices(),
        prop::collection::vec((0..8_usize, some(date()), some(text()), some(words())), 0..3),
        prop::collection::vec((0..8_usize, some(words())), 0..3),
    );
    let contacts = prop::collection::vec(0..1_usize, 0..3)
        .prop_flat_map(|slots| (0..slots.len()).map(contact).collect::<Vec<_>>());
    (identity, texts, numbers, links, cases, references, contacts).prop_map(
        move |(
            (id, name, legal_name, kind),
            (pitch, description, customers),
            (employees, founded, investment_musd, languages),
            (location, website, linkedin, logo, verified_on),
            success_cases,
            (capabilities, needs, certifications, events),
            contacts,
        )| {
            let mut member = Member::new(slug(&format!("{id}-{index}")), name);
            member.legal_name = legal_name;
            member.kind = kind.map(|(kind, _)| kind);
            member.pitch = pitch;
            member.description = description;
            member.customers = customers;
            member.employees = employees;
            member.founded = founded;
            member.investment_musd = investment_musd;
            member.languages = languages;
            member.location = location;
            member.website = website;
            member.linkedin = linkedin;
            member.logo = logo;
            member.verified_on = verified_on;
            member.success_cases = success_cases;
            member.contacts = contacts;
            MemberDraft { member, capabilities, needs, certifications, events }
        },
    )
}

/// A valid directory in the loader's form: every reference resolves, every id is unique.
pub(crate) fn arb_directory() -> impl Strategy<Value = Directory> {
    let cluster = (words(), some(url()), some(date()), lang_tags())
        .prop_map(|(name, url, updated, languages)| Cluster { name, url, updated, languages });
    let aliases = prop_oneof![
        Just(Aliases::None),
        prop::collection::vec(words(), 1..3).prop_map(Aliases::Plain),
        (prop::collection::vec(words(), 1..3), prop::collection::vec(words(), 1..3))
            .prop_map(|(en, es)| Aliases::ByLang(vec![("en".into(), en), ("es".into(), es)])),
    ];
    let vocabularies = (
        prop::collection::vec(text(), 0..3),
        prop::collection::vec((some(0..3_usize), text(), aliases), 0..6),
        prop::collection::vec(text(), 0..5),
        prop::collection::vec(
            (
                text(),
                some(prop::sample::select(EventKind::ALL.to_vec())),
                some(date()),
                some(0..30_i64),
                some(words()),
                some(text()),
                some(url()),
            ),
            0..4,
        ),
    );
    let drafts =
        prop::collection::vec(0..1_usize, 0..6).prop_flat_map(|slots| (0..slots.len()).map(member).collect::<Vec<_>>());
    (cluster, vocabularies, drafts).prop_map(|(cluster, (groups, capabilities, certifications, events), drafts)| {
        let capability_groups: Vec<CapabilityGroup> = groups
            .into_iter()
            .enumerate()
            .map(|(i, label)| CapabilityGroup { id: slug(&format!("group-{i}")), label })
            .collect();
        let capabilities: Vec<Capability> = capabilities
            .into_iter()
            .enumerate()
            .map(|(i, (group, label, aliases))| Capability {
                id: slug(&format!("cap-{i}")),
                group: group.and_then(|g| capability_groups.get(g)).map(|g| g.id.clone()),
                label,
                aliases,
            })
            .collect();
        let certifications: Vec<Certification> = certifications
            .into_iter()
            .enumerate()
            .map(|(i, label)| Certification { id: slug(&format!("cert-{i}")), label })
            .collect();
        let events: Vec<Event> = events
            .into_iter()
            .enumerate()
            .map(|(i, (name, kind, start, days, city, venue, url))| Event {
                id: slug(&format!("event-{i}")),
                name,
                kind: kind.map(|(kind, _)| kind),
                start,
                end: start
                    .zip(days)
                    .map(|(start, days)| IsoDate::from_days_since_epoch(start.days_since_epoch() + days)),
                city,
                venue,
                url,
            })
            .collect();
        let capability_ids: Vec<Slug> = capabilities.iter().map(|c| c.id.clone()).collect();
        let members = drafts
            .into_iter()
            .map(|draft| {
                let mut member = draft.member;
                member.capabilities = pick(&draft.capabilities, &capability_ids);
                member.needs = pick(&draft.needs, &capability_ids);
                let mut seen = Vec::new();
                member.certifications = draft
                    .certifications
                    .into_iter()
                    .filter(|(i, ..)| {
                        *i < certifications.len() && !seen.contains(i) && {
                            seen.push(*i);
                            true
                        }
                    })
                    .map(|(i, valid_until, site, body)| MemberCertification {
                        id: certifications[i].id.clone(),
                        valid_until,
                        site,
                        body,
                    })
                    .collect();
                let mut seen = Vec::new();
                member.events = draft
                    .events
                    .into_iter()
                    .filter(|(i, _)| {
                        *i < events.len() && !seen.contains(i) && {
                            seen.push(*i);
                            true
                        }
                    })
                    .map(|(i, stand)| MemberEvent { id: events[i].id.clone(), stand })
                    .collect();
                member
            })
            .collect();
        Directory { format: FORMAT_VERSION, cluster, capability_groups, capabilities, certifications, events, members }
    })
}
