//! Guards data/directory.json, the sample directory shipped with the app: it must load with
//! zero problems and keep exercising every part of the format, so the UI always has a file
//! that shows every field, both shapes of every two-shape field, and the edge cases
//! (expired certificates, sparse members, members outside the state).

mod common;

use serde_json::Value;
use std::collections::HashSet;
use vitrina_core::model::{Aliases, MemberKind};
use vitrina_core::valid::IsoDate;
use vitrina_core::{load_directory, Loaded};

/// The "today" the sample is written against: some events are past, some upcoming.
const TODAY: &str = "2026-11-26";

/// Every field the JSON Schema (`data/directory.schema.json`) names for a `definition` of its
/// `$defs` (`member`, `contact`): the format's fields, which the sample must all show.
fn schema_fields(definition: &str) -> Vec<String> {
    let schema = common::read_json("data/directory.schema.json");
    let properties = schema["$defs"][definition]["properties"]
        .as_object()
        .unwrap_or_else(|| panic!("the schema has no $defs.{definition}.properties"));
    properties.keys().cloned().collect()
}

fn bytes() -> Vec<u8> {
    common::read("data/directory.json")
}

fn loaded() -> Loaded {
    load_directory(&bytes()).unwrap_or_else(|e| panic!("the sample directory does not load: {e}"))
}

fn raw() -> Value {
    common::read_json("data/directory.json")
}

fn raw_members(raw: &Value) -> &Vec<Value> {
    raw["members"].as_array().expect("members is a list")
}

fn today() -> IsoDate {
    IsoDate::parse(TODAY).expect("valid date")
}

#[test]
fn loads_with_zero_problems() {
    let loaded = loaded();
    let listed: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
    assert!(listed.is_empty(), "the sample directory has {} problem(s):\n{}", listed.len(), listed.join("\n"));
    // Nothing was silently skipped either: every member in the file is in the directory.
    assert_eq!(loaded.directory.members.len(), raw_members(&raw()).len());
}

#[test]
fn is_large_and_covers_every_member_kind() {
    let directory = loaded().directory;
    assert!(directory.members.len() >= 100, "only {} members", directory.members.len());
    for (kind, name) in MemberKind::ALL {
        let count = directory.members.iter().filter(|m| m.kind == Some(kind)).count();
        assert!(count > 0, "no member of kind {name}");
    }
    assert_eq!(directory.cluster.updated.map(|d| d.to_string()).as_deref(), Some("2026-11-20"));
    let languages: Vec<&str> = directory.cluster.languages.iter().map(|l| l.as_str()).collect();
    assert_eq!(languages, ["es", "en"]);
}

#[test]
fn has_a_rich_vocabulary() {
    let directory = loaded().directory;
    assert!(directory.capabilities.len() >= 60, "only {} capabilities", directory.capabilities.len());
    let used_groups: HashSet<&str> =
        directory.capabilities.iter().filter_map(|c| c.group.as_ref().map(|g| g.as_str())).collect();
    assert!(used_groups.len() >= 10, "capabilities use only {} groups", used_groups.len());
    assert!(directory.certifications.len() >= 8, "only {} certifications", directory.certifications.len());
    assert!(directory.events.len() >= 6, "only {} events", directory.events.len());

    // Events on both sides of "today", so the UI shows past and upcoming ones.
    let today = today();
    assert!(directory.events.iter().any(|e| e.start.is_some_and(|d| d < today)), "no past event");
    assert!(directory.events.iter().any(|e| e.start.is_some_and(|d| d > today)), "no upcoming event");

    // Search across languages needs aliases.
    let words: HashSet<&str> = directory.capabilities.iter().flat_map(|c| c.aliases.words()).collect();
    for word in ["troquelado", "CNC", "arnés", "HPDC"] {
        assert!(words.contains(word), "no capability has the alias {word:?}");
    }
    assert!(directory.capabilities.iter().any(|c| matches!(c.aliases, Aliases::Plain(_))));
    assert!(directory.capabilities.iter().any(|c| matches!(c.aliases, Aliases::ByLang(_))));
}

#[test]
fn has_expired_and_valid_certificates() {
    let directory = loaded().directory;
    let today = today();
    let certificates = directory.members.iter().flat_map(|m| &m.certifications);
    let (expired, current): (Vec<_>, Vec<_>) =
        certificates.filter(|c| c.valid_until.is_some()).partition(|c| c.is_expired(today));
    assert!(!expired.is_empty(), "no certificate expired before {TODAY}");
    assert!(!current.is_empty(), "no certificate valid after {TODAY}");
}

#[test]
fn has_whatsapp_contacts_and_event_stands() {
    let directory = loaded().directory;
    let contacts = directory.members.iter().flat_map(|m| &m.contacts);
    assert!(contacts.clone().any(|c| c.whatsapp.is_some()), "no contact with whatsapp");
    assert!(contacts.clone().all(|c| c.email.is_some() || c.phone.is_some()), "a contact cannot be reached");
    let stands = directory.members.iter().flat_map(|m| &m.events).filter(|e| e.stand.is_some()).count();
    assert!(stands > 0, "no member has a stand at an event");
}

#[test]
fn has_sparse_members_for_the_ui() {
    // Members with only id, name, kind and one capability: the UI must handle missing fields.
    let raw = raw();
    let sparse = raw_members(&raw)
        .iter()
        .filter(|m| m.as_object().is_some_and(|o| o.len() <= 4 && !o.contains_key("pitch")))
        .count();
    assert!(sparse >= 3, "only {sparse} sparse members");
}

#[test]
fn both_shapes_of_every_two_shape_field_appear() {
    let raw = raw();
    let members = raw_members(&raw);
    let items = |field: &str| -> Vec<Value> {
        members.iter().filter_map(|m| m.get(field).and_then(Value::as_array)).flatten().cloned().collect()
    };
    for field in ["certifications", "events"] {
        let all = items(field);
        assert!(all.iter().any(Value::is_string), "no member lists {field} as plain ids");
        assert!(all.iter().any(Value::is_object), "no member lists {field} as objects");
    }
    let aliases: Vec<&Value> = raw["capabilities"]
        .as_array()
        .expect("capabilities is a list")
        .iter()
        .filter_map(|c| c.get("aliases"))
        .collect();
    assert!(aliases.iter().any(|a| a.is_array()), "no capability has aliases as a list");
    assert!(aliases.iter().any(|a| a.is_object()), "no capability has aliases by language");

    // Texts, too: plain strings and {es, en} objects.
    let pitches: Vec<&Value> = members.iter().filter_map(|m| m.get("pitch")).collect();
    assert!(pitches.iter().any(|p| p.is_string()), "no plain-string pitch");
    assert!(pitches.iter().any(|p| p.is_object()), "no localized pitch");
}

#[test]
fn every_member_and_contact_field_of_the_schema_is_used() {
    let raw = raw();
    let members = raw_members(&raw);
    let used: HashSet<&str> =
        members.iter().filter_map(Value::as_object).flat_map(|m| m.keys().map(String::as_str)).collect();
    let member_fields = schema_fields("member");
    assert!(member_fields.len() >= 20, "the schema's member fields: {member_fields:?}");
    let missing: Vec<&String> = member_fields.iter().filter(|f| !used.contains(f.as_str())).collect();
    assert!(missing.is_empty(), "member fields never used: {missing:?}");

    let contact_keys: HashSet<&str> = members
        .iter()
        .filter_map(|m| m.get("contacts").and_then(Value::as_array))
        .flatten()
        .filter_map(Value::as_object)
        .flat_map(|c| c.keys().map(String::as_str))
        .collect();
    let contact_fields = schema_fields("contact");
    assert!(contact_fields.len() >= 5, "the schema's contact fields: {contact_fields:?}");
    let missing: Vec<&String> = contact_fields.iter().filter(|f| !contact_keys.contains(f.as_str())).collect();
    assert!(missing.is_empty(), "contact fields never used: {missing:?}");
}

#[test]
fn links_stay_on_example_domains() {
    // The sample is fictional: no real company's site, profile or inbox.
    let directory = loaded().directory;
    let example = |url: &str| {
        let host = url.split("://").nth(1).unwrap_or("").split(['/', '?', '#']).next().unwrap_or("");
        host == "example.com"
            || host == "example.org"
            || host.ends_with(".example.com")
            || host.ends_with(".example.org")
    };
    for member in &directory.members {
        for url in [&member.website, &member.linkedin].into_iter().flatten() {
            assert!(example(url.as_str()), "{}: {url}", member.id);
        }
        for contact in &member.contacts {
            if let Some(url) = &contact.linkedin {
                assert!(example(url.as_str()), "{}: {url}", member.id);
            }
            if let Some(email) = &contact.email {
                let domain = email.as_str().rsplit('@').next().unwrap_or("");
                assert!(domain == "example.com" || domain.ends_with(".example.com"), "{}: {email}", member.id);
            }
        }
    }
    for event in &directory.events {
        if let Some(url) = &event.url {
            assert!(example(url.as_str()), "{}: {url}", event.id);
        }
    }
}

#[test]
fn round_trips_through_the_model() {
    // Writing the loaded directory and reading it again loses nothing.
    let first = loaded();
    let again = load_directory(first.directory.to_json().as_bytes()).expect("re-reads");
    assert!(again.problems.is_empty(), "{:#?}", again.problems);
    assert_eq!(again.directory, first.directory);
}
