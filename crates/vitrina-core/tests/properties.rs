//! Properties of the loader over generated input.
//!
//! - Anything at all (bytes, JSON of any shape, and above all JSON shaped like a directory with
//!   defects in every place) loads or is refused without a panic, and what loads keeps the loader's
//!   promises: problems say where, name only good member ids, ids are unique, every reference
//!   resolves, no link field holds anything but http(s).
//! - What loads writes back (`Directory::to_json`) as a file that loads to the same directory with
//!   no problem; a valid file loads with no problem and round-trips exactly.

mod common;

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use serde_json::{json, Map, Value};
use std::collections::HashSet;
use std::sync::OnceLock;
use vitrina_core::model::{Directory, EventKind, MemberKind};
use vitrina_core::problem::{Action, ProblemKind};
use vitrina_core::valid::{IsoDate, Slug};
use vitrina_core::Problem;
use vitrina_core::{load_directory, Lang, LoadError, Loaded};

/// proptest's 256 cases each: enough to find the odd combination, few enough that `cargo test --workspace`
/// stays quick. `PROPTEST_CASES=20000 cargo test -p vitrina-core --test properties` searches harder.
fn config() -> ProptestConfig {
    // No failure files: integration tests have no lib.rs for proptest to put them next to.
    ProptestConfig { max_shrink_iters: 2_000, failure_persistence: None, ..ProptestConfig::default() }
}

// ---- invariants -----------------------------------------------------------------------------

/// What every load must keep, whatever the file.
fn check_invariants(loaded: &Loaded) -> Result<(), TestCaseError> {
    for problem in &loaded.problems {
        prop_assert!(!problem.field.is_empty(), "a problem without a place: {problem:?}");
        if let Some(member) = &problem.member {
            prop_assert!(Slug::parse(member).is_some(), "a problem names a bad member id: {problem:?}");
        }
        for lang in Lang::ALL {
            prop_assert!(!problem.describe(lang).is_empty());
        }
        let _ = problem.to_string();
    }
    let directory = &loaded.directory;
    prop_assert_eq!(directory.format, 1);

    fn unique<'a>(what: &str, ids: impl Iterator<Item = &'a str>) -> Result<HashSet<&'a str>, TestCaseError> {
        let mut seen = HashSet::new();
        for id in ids {
            prop_assert!(Slug::parse(id).is_some(), "{what}: bad id {id:?}");
            prop_assert!(seen.insert(id), "{what}: id {id:?} twice");
        }
        Ok(seen)
    }
    let groups = unique("capability groups", directory.capability_groups.iter().map(|g| g.id.as_str()))?;
    let capabilities = unique("capabilities", directory.capabilities.iter().map(|c| c.id.as_str()))?;
    let certifications = unique("certifications", directory.certifications.iter().map(|c| c.id.as_str()))?;
    let events = unique("events", directory.events.iter().map(|e| e.id.as_str()))?;
    unique("members", directory.members.iter().map(|m| m.id.as_str()))?;

    let is_http = |url: &str| {
        let lower = url.to_ascii_lowercase();
        (lower.starts_with("https://") || lower.starts_with("http://")) && !url.chars().any(char::is_whitespace)
    };
    let mut links: Vec<&str> = Vec::new();
    links.extend(directory.cluster.url.as_ref().map(|u| u.as_str()));
    links.extend(directory.events.iter().filter_map(|e| e.url.as_ref().map(|u| u.as_str())));
    for capability in &directory.capabilities {
        if let Some(group) = &capability.group {
            prop_assert!(groups.contains(group.as_str()), "capability group {group} does not resolve");
        }
    }
    for member in &directory.members {
        prop_assert!(!member.name.trim().is_empty());
        for id in member.capabilities.iter().chain(&member.needs) {
            prop_assert!(capabilities.contains(id.as_str()), "{}: capability {id} does not resolve", member.id);
        }
        for certification in &member.certifications {
            prop_assert!(certifications.contains(certification.id.as_str()), "{}: certification", member.id);
        }
        for event in &member.events {
            prop_assert!(events.contains(event.id.as_str()), "{}: event {} does not resolve", member.id, event.id);
        }
        unique("contacts", member.contacts.iter().map(|c| c.id.as_str()))?;
        links.extend(member.website.as_ref().map(|u| u.as_str()));
        links.extend(member.linkedin.as_ref().map(|u| u.as_str()));
        links.extend(member.contacts.iter().filter_map(|c| c.linkedin.as_ref().map(|u| u.as_str())));
        if let Some(logo) = &member.logo {
            let logo = logo.as_str().to_ascii_lowercase();
            let scheme = logo.split(['/', '?', '#']).next().unwrap_or("").contains(':');
            prop_assert!(logo.starts_with("https://") || !scheme, "logo {logo}");
        }
        if let Some(location) = &member.location {
            prop_assert_eq!(location.lat.is_some(), location.lon.is_some(), "half a coordinate kept");
        }
    }
    for link in links {
        prop_assert!(is_http(link), "a link field holds {link:?}");
    }
    Ok(())
}

/// What loads writes back as a file that loads to the same directory, with no problem. The one
/// exception is a cluster without a name: nothing is invented for it, so it is listed again.
fn check_writes_back(directory: &Directory) -> Result<(), TestCaseError> {
    let written = directory.to_json();
    let again = match load_directory(written.as_bytes()) {
        Ok(again) => again,
        Err(e) => return Err(TestCaseError::fail(format!("what loaded does not load again: {e}\n{written}"))),
    };
    let expected: Vec<(String, ProblemKind, Action)> = if directory.cluster.name.is_empty() {
        vec![("cluster.name".into(), ProblemKind::Missing, Action::UsedFallback)]
    } else {
        Vec::new()
    };
    let problems: Vec<_> = again.problems.iter().map(|p| (p.field.clone(), p.kind.clone(), p.action)).collect();
    prop_assert_eq!(problems, expected, "written back:\n{}", written);
    prop_assert_eq!(&again.directory, directory, "written back:\n{}", written);
    Ok(())
}

fn check_refusal(error: &LoadError) -> Result<(), TestCaseError> {
    for lang in Lang::ALL {
        prop_assert!(!error.message(lang).is_empty());
    }
    if let Some((line, _column)) = error.position() {
        prop_assert!(line >= 1, "{error:?}");
    }
    Ok(())
}

fn check_any(bytes: &[u8]) -> Result<(), TestCaseError> {
    match load_directory(bytes) {
        Ok(loaded) => {
            check_invariants(&loaded)?;
            check_writes_back(&loaded.directory)
        }
        Err(error) => check_refusal(&error),
    }
}

// ---- arbitrary JSON, shaped like a directory more often than not ------------------------------

/// Every key the format names, so generated objects hit the loader's real fields.
const FIELD_NAMES: &[&str] = &[
    "format",
    "cluster",
    "name",
    "url",
    "updated",
    "languages",
    "capability_groups",
    "capabilities",
    "certifications",
    "events",
    "members",
    "id",
    "label",
    "group",
    "aliases",
    "kind",
    "start",
    "end",
    "city",
    "venue",
    "legal_name",
    "pitch",
    "description",
    "needs",
    "customers",
    "employees",
    "founded",
    "investment_musd",
    "location",
    "state",
    "country",
    "lat",
    "lon",
    "website",
    "linkedin",
    "logo",
    "success_cases",
    "title",
    "summary",
    "customer",
    "year",
    "stand",
    "verified_on",
    "contacts",
    "role",
    "email",
    "phone",
    "whatsapp",
    "valid_until",
    "site",
    "body",
    "es",
    "en",
    "es-MX",
];

/// Ids that the vocabularies and members below share, good and bad.
const IDS: &[&str] = &[
    "a",
    "b",
    "metal",
    "stamping",
    "machining",
    "iatf-16949",
    "paace-2026",
    "ana",
    "luis",
    " a ",
    "A",
    "bad id",
    "ñandú",
    "",
];

/// Strings that are special somewhere in the format.
const STRINGS: &[&str] = &[
    "",
    " ",
    "\t\n",
    "es",
    "en",
    "es-MX",
    "spanish",
    "es-",
    "MX",
    "mex",
    "2026-07-08",
    "2026-02-30",
    "2026-7-8",
    "https://example.com",
    "HTTP://EXAMPLE.ORG/a?b=c#d",
    "https://user@example.com:8443/p",
    "javascript:alert(1)",
    " javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "//evil.example.com",
    "https://exa mple.com",
    "https://example.com\\@evil.com",
    "logos/a.svg",
    "/etc/passwd",
    "ana@example.com",
    "ana at example.com",
    "mailto:ana@example.com",
    "+52 614 555 0101",
    "+0123",
    "614 555 0102 ext. 12",
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "&amp; \"quotes\" 'single'",
    "Clúster Automotriz — ñ ü 中文 🚗",
    "\u{202E}reversed",
    "fair",
    "tier1",
    "tier4",
    "oem",
];

fn string() -> BoxedStrategy<String> {
    prop_oneof![
        4 => prop::sample::select(STRINGS).prop_map(str::to_owned),
        2 => prop::sample::select(IDS).prop_map(str::to_owned),
        2 => "\\PC{0,16}",
        1 => prop::collection::vec(any::<char>(), 0..8).prop_map(String::from_iter),
    ]
    .boxed()
}

fn number() -> BoxedStrategy<Value> {
    prop_oneof![
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-300i64..3_100).prop_map(Value::from),
        (-300.0f64..3_100.0).prop_map(Value::from),
        any::<f64>().prop_map(Value::from), // NaN and infinities become null, as JSON has no such numbers
        prop::sample::select(vec![
            0.0,
            -0.0,
            1.0,
            1.5,
            2.0,
            5.0,
            90.0,
            90.000_001,
            -180.0,
            180.5,
            1998.0,
            2020.5,
            1e300,
            -1e-300,
            5e-324,
            f64::MAX,
            9.3e18,
        ])
        .prop_map(Value::from),
    ]
    .boxed()
}

fn key() -> BoxedStrategy<String> {
    prop_oneof![
        6 => prop::sample::select(FIELD_NAMES).prop_map(str::to_owned),
        1 => "[a-z_]{1,8}",
        1 => "\\PC{0,6}",
    ]
    .boxed()
}

/// Any JSON value, a few levels deep.
fn any_json() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number(),
        string().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 32, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..5).prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
    .boxed()
}

/// A value for a field: usually one of its own kind, sometimes anything at all.
fn or_anything(plausible: BoxedStrategy<Value>) -> BoxedStrategy<Value> {
    prop_oneof![5 => plausible, 1 => any_json()].boxed()
}

type Field = (&'static str, f64, BoxedStrategy<Value>);

/// An object with each field present with its probability, its value of its kind or anything at all,
/// plus now and then an unknown field.
fn shaped(fields: Vec<Field>) -> BoxedStrategy<Value> {
    shaped_exactly(
        fields.into_iter().map(|(name, probability, value)| (name, probability, or_anything(value))).collect(),
    )
}

/// Like [`shaped`], with each value exactly from its strategy.
fn shaped_exactly(fields: Vec<Field>) -> BoxedStrategy<Value> {
    let fields: Vec<BoxedStrategy<Option<(String, Value)>>> = fields
        .into_iter()
        .map(|(name, probability, value)| {
            prop::option::weighted(probability, value.prop_map(move |v| (name.to_owned(), v))).boxed()
        })
        .collect();
    let extra = prop::collection::vec((key(), any_json()), 0..2);
    (fields, extra)
        .prop_map(|(fields, extra)| {
            let mut object: Map<String, Value> = extra.into_iter().collect();
            object.extend(fields.into_iter().flatten());
            Value::Object(object)
        })
        .boxed()
}

fn a_string() -> BoxedStrategy<Value> {
    string().prop_map(Value::String).boxed()
}

fn an_id() -> BoxedStrategy<Value> {
    prop_oneof![4 => prop::sample::select(IDS).prop_map(Value::from), 1 => a_string()].boxed()
}

fn a_text() -> BoxedStrategy<Value> {
    let by_lang =
        prop::collection::vec((prop::sample::select(vec!["es", "en", "es-MX", "x", "es!"]), any_json()), 0..3)
            .prop_map(|pairs| Value::Object(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()));
    let strings = prop::collection::vec((prop::sample::select(vec!["es", "en", "de"]), string()), 0..3)
        .prop_map(|pairs| Value::Object(pairs.into_iter().map(|(k, v)| (k.to_owned(), Value::String(v))).collect()));
    prop_oneof![3 => a_string(), 2 => strings, 1 => by_lang].boxed()
}

fn list_of(item: BoxedStrategy<Value>) -> BoxedStrategy<Value> {
    prop::collection::vec(item, 0..5).prop_map(Value::Array).boxed()
}

fn a_coordinate() -> BoxedStrategy<Value> {
    prop_oneof![(-200.0f64..200.0).prop_map(Value::from), number()].boxed()
}

fn a_member() -> BoxedStrategy<Value> {
    let certification = prop_oneof![
        an_id(),
        shaped(vec![
            ("id", 0.9, an_id()),
            ("valid_until", 0.5, a_string()),
            ("site", 0.3, a_text()),
            ("body", 0.3, a_string())
        ]),
    ]
    .boxed();
    let event = prop_oneof![an_id(), shaped(vec![("id", 0.9, an_id()), ("stand", 0.5, a_string())])].boxed();
    let location = shaped(vec![
        ("city", 0.5, a_string()),
        ("state", 0.3, a_string()),
        ("country", 0.5, a_string()),
        ("lat", 0.6, a_coordinate()),
        ("lon", 0.6, a_coordinate()),
    ]);
    let success_case = shaped(vec![
        ("title", 0.8, a_text()),
        ("summary", 0.5, a_text()),
        ("customer", 0.3, a_string()),
        ("year", 0.5, number()),
    ]);
    let contact = shaped(vec![
        ("id", 0.9, an_id()),
        ("name", 0.9, a_string()),
        ("role", 0.4, a_text()),
        ("email", 0.5, a_string()),
        ("phone", 0.5, a_string()),
        ("whatsapp", 0.4, a_string()),
        ("linkedin", 0.4, a_string()),
    ]);
    shaped(vec![
        ("id", 0.95, an_id()),
        ("name", 0.95, a_string()),
        ("legal_name", 0.3, a_string()),
        ("kind", 0.4, a_string()),
        ("pitch", 0.4, a_text()),
        ("description", 0.3, a_text()),
        ("capabilities", 0.5, list_of(an_id())),
        ("needs", 0.4, list_of(an_id())),
        ("certifications", 0.4, list_of(certification)),
        ("customers", 0.3, list_of(a_string())),
        ("employees", 0.4, number()),
        ("founded", 0.4, number()),
        ("investment_musd", 0.3, number()),
        ("languages", 0.4, list_of(a_string())),
        ("location", 0.5, location),
        ("website", 0.4, a_string()),
        ("linkedin", 0.3, a_string()),
        ("logo", 0.3, a_string()),
        ("success_cases", 0.3, list_of(success_case)),
        ("events", 0.4, list_of(event)),
        ("verified_on", 0.3, a_string()),
        ("contacts", 0.5, list_of(contact)),
    ])
}

/// JSON shaped like a directory, with defects anywhere; `format` and `members` are nearly always there.
fn a_directory_like_value() -> BoxedStrategy<Value> {
    let format = prop_oneof![16 => Just(json!(1)), 2 => Just(json!(1.0)), 1 => number(), 1 => any_json()].boxed();
    let cluster = shaped(vec![
        ("name", 0.8, a_string()),
        ("url", 0.4, a_string()),
        ("updated", 0.4, a_string()),
        ("languages", 0.5, list_of(a_string())),
    ]);
    let group = shaped(vec![("id", 0.9, an_id()), ("label", 0.8, a_text())]);
    let aliases = prop_oneof![
        list_of(a_string()),
        prop::collection::vec((prop::sample::select(vec!["es", "en", "e"]), list_of(a_string())), 0..3)
            .prop_map(|pairs| Value::Object(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())),
    ]
    .boxed();
    let capability = shaped(vec![
        ("id", 0.9, an_id()),
        ("label", 0.8, a_text()),
        ("group", 0.5, an_id()),
        ("aliases", 0.3, aliases),
    ]);
    let certification = shaped(vec![("id", 0.9, an_id()), ("label", 0.8, a_text())]);
    let event = shaped(vec![
        ("id", 0.9, an_id()),
        ("name", 0.8, a_text()),
        ("kind", 0.5, a_string()),
        ("start", 0.5, a_string()),
        ("end", 0.5, a_string()),
        ("city", 0.3, a_string()),
        ("venue", 0.3, a_text()),
        ("url", 0.4, a_string()),
    ]);
    let members = prop_oneof![
        19 => prop::collection::vec(prop_oneof![6 => a_member(), 1 => any_json()], 0..6).prop_map(Value::Array),
        1 => any_json(),
    ]
    .boxed();
    shaped_exactly(vec![
        ("format", 0.97, format),
        ("cluster", 0.9, or_anything(cluster)),
        ("capability_groups", 0.6, or_anything(list_of(group))),
        ("capabilities", 0.7, or_anything(list_of(capability))),
        ("certifications", 0.6, or_anything(list_of(certification))),
        ("events", 0.6, or_anything(list_of(event))),
        ("members", 0.97, members),
    ])
}

// ---- valid directories --------------------------------------------------------------------

const GROUP_IDS: &[&str] = &["metal", "plastics", "electronics"];
const CAPABILITY_IDS: &[&str] = &["stamping", "machining", "welding", "painting", "injection", "pcb-assembly"];
const CERTIFICATION_IDS: &[&str] = &["iatf-16949", "iso-9001", "iso-14001"];
const EVENT_IDS: &[&str] = &["paace-2026", "cluster-meeting", "plant-visit-1"];
const CONTACT_IDS: &[&str] = &["ana", "luis", "compras", "ventas-1"];
const LANGS: &[&str] = &["es", "en", "es-MX", "de", "pt-BR", "zh-Hant-TW"];

/// A string with something in it, markup and all (it is never read as HTML).
fn non_blank() -> BoxedStrategy<String> {
    prop_oneof![
        3 => "\\PC{1,24}".prop_map(|s| if s.trim().is_empty() { format!("x{s}x") } else { s }),
        1 => prop::sample::select(vec!["<b>Aceros</b> & Co", "javascript:alert(1)", "Clúster — ñ 🚗", " padded "])
            .prop_map(str::to_owned),
    ]
    .boxed()
}

fn valid_text() -> BoxedStrategy<Value> {
    prop_oneof![
        non_blank().prop_map(Value::String),
        prop::collection::btree_map(prop::sample::select(LANGS), non_blank(), 1..4).prop_map(|texts| Value::Object(
            texts.into_iter().map(|(k, v)| (k.to_owned(), Value::String(v))).collect()
        )),
    ]
    .boxed()
}

fn valid_date() -> BoxedStrategy<IsoDate> {
    (-20_000i64..40_000).prop_map(IsoDate::from_days_since_epoch).boxed()
}

fn valid_url() -> BoxedStrategy<Value> {
    prop_oneof![
        "https://[a-z]{1,10}\\.(com|org|mx)(/[a-z0-9._~-]{0,10})?",
        "http://[a-z0-9-]{1,10}\\.example(/[a-z]{1,5})?(\\?q=[a-z]{1,4})?",
        prop::sample::select(vec![
            "HTTPS://EXAMPLE.COM/X",
            "https://user@example.com:8443/p",
            "http://example.org/a?b=c#d"
        ])
        .prop_map(str::to_owned),
    ]
    .prop_map(Value::String)
    .boxed()
}

/// A whole number, written as `5` or as `5.0`.
fn whole(range: std::ops::RangeInclusive<i64>) -> BoxedStrategy<Value> {
    (range, any::<bool>()).prop_map(|(n, float)| if float { Value::from(n as f64) } else { Value::from(n) }).boxed()
}

/// Some of `ids`, in order, without repeats.
fn some_of(ids: &[&'static str]) -> BoxedStrategy<Vec<&'static str>> {
    prop::sample::subsequence(ids.to_vec(), 0..=ids.len()).boxed()
}

/// `required` always, each of `optional` half the time.
fn object_of(
    required: Vec<(&'static str, BoxedStrategy<Value>)>,
    optional: Vec<(&'static str, BoxedStrategy<Value>)>,
) -> BoxedStrategy<Value> {
    let required: Vec<_> = required.into_iter().map(|(k, s)| s.prop_map(move |v| (k.to_owned(), v)).boxed()).collect();
    let optional: Vec<_> =
        optional.into_iter().map(|(k, s)| prop::option::of(s.prop_map(move |v| (k.to_owned(), v))).boxed()).collect();
    (required, optional)
        .prop_map(|(required, optional)| {
            Value::Object(required.into_iter().chain(optional.into_iter().flatten()).collect())
        })
        .boxed()
}

/// Each id in one of its two shapes: the id, or an object with that id and details.
fn both_shapes(
    ids: Vec<&'static str>,
    details: fn() -> Vec<(&'static str, BoxedStrategy<Value>)>,
) -> BoxedStrategy<Value> {
    let entries: Vec<BoxedStrategy<Value>> = ids
        .into_iter()
        .map(|id| prop_oneof![Just(json!(id)), object_of(vec![("id", Just(json!(id)).boxed())], details())].boxed())
        .collect();
    entries.prop_map(Value::Array).boxed()
}

fn ids_value(ids: Vec<&'static str>) -> Value {
    Value::Array(ids.into_iter().map(Value::from).collect())
}

fn valid_location() -> BoxedStrategy<Value> {
    let coordinates = prop::option::of((-90.0f64..=90.0, -180.0f64..=180.0));
    (
        object_of(
            vec![],
            vec![
                ("city", non_blank().prop_map(Value::String).boxed()),
                ("state", non_blank().prop_map(Value::String).boxed()),
                ("country", "[A-Za-z]{2}".prop_map(Value::String).boxed()),
            ],
        ),
        coordinates,
    )
        .prop_map(|(mut location, coordinates)| {
            if let (Some((lat, lon)), Value::Object(map)) = (coordinates, &mut location) {
                map.insert("lat".into(), lat.into());
                map.insert("lon".into(), lon.into());
            }
            location
        })
        .boxed()
}

fn valid_contact(id: &'static str) -> BoxedStrategy<Value> {
    object_of(
        vec![("id", Just(json!(id)).boxed()), ("name", non_blank().prop_map(Value::String).boxed())],
        vec![
            ("role", valid_text()),
            (
                "email",
                "[a-z0-9ñé_+]([a-z0-9ñé._+-]{0,8}[a-z0-9ñé_+])?@[a-z0-9ñ]([a-z0-9ñ-]{0,8}[a-z0-9ñ])?\\.(com|mx|org)"
                    .prop_map(Value::String)
                    .boxed(),
            ),
            (
                "phone",
                prop_oneof!["\\+52 [1-9][0-9]{2} [0-9]{3} [0-9]{4}", "[0-9]{3} [0-9]{3} [0-9]{4}( ext\\. [0-9]{1,3})?"]
                    .prop_map(Value::String)
                    .boxed(),
            ),
            ("whatsapp", "\\+[1-9][0-9]{6,14}".prop_map(Value::String).boxed()),
            ("linkedin", valid_url()),
        ],
    )
}

struct Vocabulary {
    capabilities: Vec<&'static str>,
    certifications: Vec<&'static str>,
    events: Vec<&'static str>,
}

fn valid_member(id: String, vocabulary: &Vocabulary) -> BoxedStrategy<Value> {
    let contacts = some_of(CONTACT_IDS)
        .prop_flat_map(|ids| ids.into_iter().map(valid_contact).collect::<Vec<_>>())
        .prop_map(Value::Array)
        .boxed();
    let success_case = object_of(
        vec![("title", valid_text())],
        vec![
            ("summary", valid_text()),
            ("customer", non_blank().prop_map(Value::String).boxed()),
            ("year", whole(1000..=2999)),
        ],
    );
    let certifications = some_of(&vocabulary.certifications)
        .prop_flat_map(|ids| {
            both_shapes(ids, || {
                vec![
                    ("valid_until", valid_date().prop_map(|d| Value::String(d.to_string())).boxed()),
                    ("site", valid_text()),
                    ("body", non_blank().prop_map(Value::String).boxed()),
                ]
            })
        })
        .boxed();
    let events = some_of(&vocabulary.events)
        .prop_flat_map(|ids| both_shapes(ids, || vec![("stand", non_blank().prop_map(Value::String).boxed())]))
        .boxed();
    object_of(
        vec![("id", Just(Value::String(id)).boxed()), ("name", non_blank().prop_map(Value::String).boxed())],
        vec![
            ("legal_name", non_blank().prop_map(Value::String).boxed()),
            ("kind", prop::sample::select(MemberKind::NAMES).prop_map(Value::from).boxed()),
            ("pitch", valid_text()),
            ("description", valid_text()),
            ("capabilities", some_of(&vocabulary.capabilities).prop_map(ids_value).boxed()),
            ("needs", some_of(&vocabulary.capabilities).prop_map(ids_value).boxed()),
            ("certifications", certifications),
            (
                "customers",
                prop::collection::vec(non_blank().prop_map(Value::String), 0..4).prop_map(Value::Array).boxed(),
            ),
            ("employees", whole(0..=500_000)),
            ("founded", whole(1000..=2999)),
            ("investment_musd", prop_oneof![(0.0f64..10_000.0).prop_map(Value::from), whole(0..=1_000)].boxed()),
            ("languages", some_of(LANGS).prop_map(ids_value).boxed()),
            ("location", valid_location()),
            ("website", valid_url()),
            ("linkedin", valid_url()),
            (
                "logo",
                prop_oneof!["logos/[a-z0-9-]{1,12}\\.(svg|png)", "https://cdn\\.example\\.com/[a-z]{1,8}\\.png"]
                    .prop_map(Value::String)
                    .boxed(),
            ),
            ("success_cases", prop::collection::vec(success_case, 0..3).prop_map(Value::Array).boxed()),
            ("events", events),
            ("verified_on", valid_date().prop_map(|d| Value::String(d.to_string())).boxed()),
            ("contacts", contacts),
        ],
    )
}

fn valid_event(id: &'static str) -> BoxedStrategy<Value> {
    let dates = (valid_date(), prop::option::of(0i64..10)).prop_map(|(start, days)| {
        let end = days.map(|days| IsoDate::from_days_since_epoch(start.days_since_epoch() + days));
        (start, end)
    });
    (
        object_of(
            vec![("id", Just(json!(id)).boxed()), ("name", valid_text())],
            vec![
                ("kind", prop::sample::select(EventKind::NAMES).prop_map(Value::from).boxed()),
                ("city", non_blank().prop_map(Value::String).boxed()),
                ("venue", valid_text()),
                ("url", valid_url()),
            ],
        ),
        prop::option::of(dates),
    )
        .prop_map(|(mut event, dates)| {
            if let (Some((start, end)), Value::Object(map)) = (dates, &mut event) {
                map.insert("start".into(), start.to_string().into());
                if let Some(end) = end {
                    map.insert("end".into(), end.to_string().into());
                }
            }
            event
        })
        .boxed()
}

/// A file that follows the format in every field, using both shapes wherever there are two.
fn valid_directory() -> BoxedStrategy<Value> {
    (some_of(GROUP_IDS), some_of(CAPABILITY_IDS), some_of(CERTIFICATION_IDS), some_of(EVENT_IDS))
        .prop_flat_map(|(groups, capabilities, certifications, events)| {
            let group_entries: Vec<_> = groups
                .iter()
                .map(|&id| valid_text().prop_map(move |label| json!({ "id": id, "label": label })).boxed())
                .collect();
            let group_choice: BoxedStrategy<Option<&'static str>> = if groups.is_empty() {
                Just(None).boxed()
            } else {
                prop::option::of(prop::sample::select(groups.clone())).boxed()
            };
            let aliases = prop_oneof![
                prop::collection::vec(non_blank().prop_map(Value::String), 0..3).prop_map(Value::Array),
                prop::collection::btree_map(
                    prop::sample::select(LANGS),
                    prop::collection::vec(non_blank().prop_map(Value::String), 1..3),
                    1..3
                )
                .prop_map(|words| Value::Object(
                    words.into_iter().map(|(k, v)| (k.to_owned(), Value::Array(v))).collect()
                )),
            ]
            .boxed();
            let capability_entries: Vec<_> = capabilities
                .iter()
                .map(|&id| {
                    (valid_text(), group_choice.clone(), prop::option::of(aliases.clone()))
                        .prop_map(move |(label, group, aliases)| {
                            let mut entry = json!({ "id": id, "label": label });
                            if let Some(group) = group {
                                entry["group"] = json!(group);
                            }
                            if let Some(aliases) = aliases {
                                entry["aliases"] = aliases;
                            }
                            entry
                        })
                        .boxed()
                })
                .collect();
            let certification_entries: Vec<_> = certifications
                .iter()
                .map(|&id| valid_text().prop_map(move |label| json!({ "id": id, "label": label })).boxed())
                .collect();
            let event_entries: Vec<_> = events.iter().map(|&id| valid_event(id)).collect();
            let vocabulary = Vocabulary { capabilities, certifications, events };
            let members = prop::collection::btree_set("[a-z0-9][a-z0-9-]{0,15}", 0..6)
                .prop_flat_map(move |ids| ids.into_iter().map(|id| valid_member(id, &vocabulary)).collect::<Vec<_>>());
            let cluster = object_of(
                vec![("name", non_blank().prop_map(Value::String).boxed())],
                vec![
                    ("url", valid_url()),
                    ("updated", valid_date().prop_map(|d| Value::String(d.to_string())).boxed()),
                    ("languages", some_of(LANGS).prop_map(ids_value).boxed()),
                ],
            );
            (
                prop_oneof![Just(json!(1)), Just(json!(1.0))],
                cluster,
                group_entries,
                capability_entries,
                certification_entries,
                event_entries,
                members,
            )
        })
        .prop_map(|(format, cluster, groups, capabilities, certifications, events, members)| {
            json!({
                "format": format, "cluster": cluster, "capability_groups": groups, "capabilities": capabilities,
                "certifications": certifications, "events": events, "members": members,
            })
        })
        .boxed()
}

/// The project's schema, compiled once: a generated valid file must pass it too.
fn schema() -> &'static jsonschema::Validator {
    static SCHEMA: OnceLock<jsonschema::Validator> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        let schema = common::read_json("data/directory.schema.json");
        jsonschema::draft202012::options().should_validate_formats(true).build(&schema).expect("the schema compiles")
    })
}

/// Every value inside `value`, as JSON pointers.
fn pointers(value: &Value, at: &str, out: &mut Vec<String>) {
    let children: Vec<(String, &Value)> = match value {
        Value::Object(map) => map.iter().map(|(k, v)| (k.replace('~', "~0").replace('/', "~1"), v)).collect(),
        Value::Array(items) => items.iter().enumerate().map(|(i, v)| (i.to_string(), v)).collect(),
        _ => return,
    };
    for (segment, child) in children {
        let pointer = format!("{at}/{segment}");
        out.push(pointer.clone());
        pointers(child, &pointer, out);
    }
}

/// A valid file with one value somewhere in it replaced, and the replacement.
fn one_change() -> BoxedStrategy<(Value, Value)> {
    let replacement = prop_oneof![
        3 => a_string(),
        2 => number(),
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => Just(json!([])),
        1 => Just(json!({})),
        1 => a_string().prop_map(|s| json!([s])),
        1 => a_string().prop_map(|s| json!({ "es": s })),
        1 => any_json(),
    ];
    (valid_directory(), any::<prop::sample::Index>(), replacement)
        .prop_map(|(mut file, at, replacement)| {
            let mut all = Vec::new();
            pointers(&file, "", &mut all);
            if let Some(place) = all.get(at.index(all.len().max(1))).and_then(|p| file.pointer_mut(p)) {
                *place = replacement.clone();
            }
            (file, replacement)
        })
        .boxed()
}

/// Where the schema is stricter by design: null, blank text, white space around a value.
fn schema_is_stricter_about(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => {
            let trimmed = s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
            trimmed.is_empty() || trimmed.len() != s.len()
        }
        Value::Array(items) => items.iter().any(schema_is_stricter_about),
        Value::Object(map) => map.values().any(schema_is_stricter_about),
        _ => false,
    }
}

/// What the schema says it cannot see: ids that point nowhere, ids used twice, an event that ends before it starts.
fn schema_cannot_see(problem: &Problem) -> bool {
    match problem.kind {
        ProblemKind::UnknownReference { .. } | ProblemKind::DuplicateId { .. } => true,
        ProblemKind::OutOfRange { .. } => problem.field.starts_with("events[") && problem.field.ends_with(".end"),
        _ => false,
    }
}

// ---- the properties -------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_bytes_load_or_are_refused(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        check_any(&bytes)?;
    }

    #[test]
    fn any_text_loads_or_is_refused(text in "\\PC{0,64}") {
        check_any(text.as_bytes())?;
    }

    #[test]
    fn any_json_loads_or_is_refused(value in any_json()) {
        check_any(value.to_string().as_bytes())?;
    }

    #[test]
    fn directory_shaped_json_keeps_the_loaders_promises(value in a_directory_like_value()) {
        check_any(value.to_string().as_bytes())?;
    }

    #[test]
    fn cut_or_damaged_files_load_or_are_refused(
        value in valid_directory(),
        at in any::<prop::sample::Index>(),
        byte in any::<u8>(),
        edit in 0..3u8,
    ) {
        let mut bytes = value.to_string().into_bytes();
        let at = at.index(bytes.len().max(1)).min(bytes.len());
        match edit {
            0 => bytes.truncate(at),
            1 if at < bytes.len() => bytes[at] = byte,
            _ => bytes.insert(at, byte),
        }
        check_any(&bytes)?;
    }

    /// tests/schema_agreement.rs checks the fixtures; this checks the files next to valid ones.
    #[test]
    fn the_schema_and_the_loader_agree_on_a_file_with_one_change((file, replacement) in one_change()) {
        let schema_errors: Vec<String> =
            schema().iter_errors(&file).map(|e| format!("at '{}': {e}", e.instance_path())).collect();
        match load_directory(file.to_string().as_bytes()) {
            Ok(loaded) if schema_errors.is_empty() => {
                let seen: Vec<&Problem> = loaded.problems.iter().filter(|p| !schema_cannot_see(p)).collect();
                prop_assert!(seen.is_empty(), "the schema accepts what the loader lists: {:#?}\n{}", seen, file);
            }
            Ok(loaded) => prop_assert!(
                !loaded.problems.is_empty() || schema_is_stricter_about(&replacement),
                "the loader is silent about what the schema rejects: {:#?}\n{}", schema_errors, file
            ),
            Err(error) => prop_assert!(
                !schema_errors.is_empty(),
                "the loader refuses what the schema accepts: {}\n{}", error, file
            ),
        }
    }

    #[test]
    fn valid_directories_load_without_problems_and_round_trip(value in valid_directory()) {
        let text = serde_json::to_string_pretty(&value).expect("JSON");
        let schema_errors: Vec<String> = schema().iter_errors(&value).map(|e| format!("{}: {e}", e.instance_path())).collect();
        prop_assert!(schema_errors.is_empty(), "the schema rejects a valid file: {:#?}\n{}", schema_errors, text);
        let loaded = match load_directory(text.as_bytes()) {
            Ok(loaded) => loaded,
            Err(e) => return Err(TestCaseError::fail(format!("a valid file is refused: {e}\n{text}"))),
        };
        prop_assert!(loaded.problems.is_empty(), "problems in a valid file: {:#?}\n{}", loaded.problems, text);
        let members = value["members"].as_array().map_or(0, Vec::len);
        prop_assert_eq!(loaded.directory.members.len(), members);
        check_invariants(&loaded)?;
        check_writes_back(&loaded.directory)?;
    }
}

// ---- strings as a browser reads them (issue 13) -------------------------------------------------

/// A piece of a JSON string literal: a character (escaped as serde_json escapes it), a `\uXXXX`
/// escape of one surrogate half, or an escaped backslash followed by `ud800` (which is no escape).
#[derive(Clone, Debug)]
enum Piece {
    Char(char),
    Half(u16),
    EscapedBackslash,
}

fn pieces() -> BoxedStrategy<Vec<Piece>> {
    let piece = prop_oneof![
        3 => any::<char>().prop_map(Piece::Char),
        2 => (0xD800u16..=0xDFFF).prop_map(Piece::Half),
        1 => Just(Piece::EscapedBackslash),
    ];
    prop::collection::vec(piece, 0..12).boxed()
}

/// The body of a JSON string literal holding `pieces`.
fn literal(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Char(c) => {
                let quoted = serde_json::to_string(&c.to_string()).expect("a char is JSON");
                out.push_str(&quoted[1..quoted.len() - 1]);
            }
            Piece::Half(half) => out.push_str(&format!("\\u{half:04x}")),
            Piece::EscapedBackslash => out.push_str("\\\\ud800"),
        }
    }
    out
}

/// What `JSON.parse` reads, with U+FFFD for each lone half (the slow, obvious reference), and
/// whether there was one.
fn as_browser_reads(pieces: &[Piece]) -> (String, bool) {
    let (mut out, mut lone) = (String::new(), false);
    let mut i = 0;
    while i < pieces.len() {
        match (&pieces[i], pieces.get(i + 1)) {
            (Piece::Half(high @ 0xD800..=0xDBFF), Some(Piece::Half(low @ 0xDC00..=0xDFFF))) => {
                let code = 0x10000 + ((u32::from(*high) - 0xD800) << 10) + (u32::from(*low) - 0xDC00);
                out.push(char::from_u32(code).expect("a pair is a character"));
                i += 2;
                continue;
            }
            (Piece::Half(_), _) => {
                out.push(char::REPLACEMENT_CHARACTER);
                lone = true;
            }
            (Piece::Char(c), _) => out.push(*c),
            (Piece::EscapedBackslash, _) => out.push_str("\\ud800"),
        }
        i += 1;
    }
    (out, lone)
}

proptest! {
    #![proptest_config(config())]

    /// Names holding lone surrogate escapes anywhere never fail the load: every member loads,
    /// named as a browser reads it, and each field with a lone half is listed once.
    #[test]
    fn lone_surrogate_escapes_never_fail_the_load(names in prop::collection::vec(pieces(), 1..6), cluster in pieces()) {
        let members: Vec<String> = names
            .iter()
            .enumerate()
            .map(|(i, name)| format!(r#"{{"id": "m{i}", "name": "M{i} {}", "customers": ["{}"]}}"#, literal(name), literal(name)))
            .collect();
        let file = format!(
            r#"{{"format": 1, "cluster": {{"name": "C {}"}}, "members": [{}]}}"#,
            literal(&cluster),
            members.join(", ")
        );
        let loaded = match load_directory(file.as_bytes()) {
            Ok(loaded) => loaded,
            Err(e) => return Err(TestCaseError::fail(format!("refused: {e}\n{file}"))),
        };
        check_invariants(&loaded)?;
        check_writes_back(&loaded.directory)?;
        let blank = |c: char| c.is_whitespace() || c == '\u{feff}';
        let mut expected_problems = Vec::new();
        let (cluster_name, cluster_lone) = as_browser_reads(&cluster);
        let expected_cluster = format!("C {cluster_name}");
        prop_assert_eq!(loaded.directory.cluster.name.as_str(), expected_cluster.trim_end_matches(blank));
        if cluster_lone {
            expected_problems.push((None, "cluster.name".to_owned()));
        }
        prop_assert_eq!(loaded.directory.members.len(), names.len());
        for (i, (member, name)) in loaded.directory.members.iter().zip(&names).enumerate() {
            let (read, lone) = as_browser_reads(name);
            let expected_name = format!("M{i} {read}");
            prop_assert_eq!(member.name.as_str(), expected_name.trim_end_matches(blank));
            if lone {
                expected_problems.push((Some(format!("m{i}")), format!("members[{i}].name")));
                expected_problems.push((Some(format!("m{i}")), format!("members[{i}].customers[0]")));
            }
        }
        let listed: Vec<(Option<String>, String)> = loaded
            .problems
            .iter()
            .filter(|p| p.kind == ProblemKind::LoneSurrogate)
            .map(|p| (p.member.clone(), p.field.clone()))
            .collect();
        prop_assert_eq!(listed, expected_problems);
        prop_assert!(loaded.problems.iter().all(|p| p.kind == ProblemKind::LoneSurrogate), "{:#?}", loaded.problems);
    }
}
