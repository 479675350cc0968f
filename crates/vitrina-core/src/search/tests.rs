//! Search behaviour on a small hand-made directory, then properties on generated ones
//! checked against a slow, obvious reference implementation.

use super::*;
use crate::model::{
    Aliases, Capability, CapabilityGroup, Certification, Cluster, Event, Location, Member, MemberCertification,
    MemberEvent, MemberKind,
};
use crate::query::Filters;
use crate::text::Text;
use crate::valid::Slug;
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

const SAMPLE: &str = r#"{
  "format": 1,
  "cluster": { "name": "Clúster de prueba", "languages": ["es", "en"] },
  "capability_groups": [
    { "id": "metal-forming", "label": { "es": "Conformado de metal", "en": "Metal forming" } },
    { "id": "plastics", "label": { "es": "Plásticos", "en": "Plastics" } }
  ],
  "capabilities": [
    { "id": "stamping", "group": "metal-forming", "label": { "es": "Estampado", "en": "Stamping" },
      "aliases": { "es": ["troquelado"], "en": ["pressing"] } },
    { "id": "injection-molding", "group": "plastics", "label": { "es": "Inyección de plástico", "en": "Injection molding" },
      "aliases": ["moldeo por inyección"] },
    { "id": "machining", "label": { "es": "Maquinado", "en": "Machining" }, "aliases": ["CNC"] },
    { "id": "deep-drawing", "group": "metal-forming", "label": { "es": "Embutido profundo", "en": "Deep drawing" } },
    { "id": "blow-molding", "group": "plastics", "label": { "es": "Soplado", "en": "Blow molding" } }
  ],
  "certifications": [
    { "id": "iatf-16949", "label": "IATF 16949" },
    { "id": "iso-9001", "label": "ISO 9001" },
    { "id": "iso-14001", "label": "ISO 14001" }
  ],
  "events": [
    { "id": "expo-2026", "name": "Expo Proveedores 2026", "kind": "fair", "start": "2026-03-18" },
    { "id": "junta-2026", "name": "Junta de socios", "kind": "meeting", "start": "2026-05-14" }
  ],
  "members": [
    { "id": "aceros-del-norte", "name": "Aceros del Norte", "legal_name": "Aceros del Norte, S.A. de C.V.",
      "kind": "tier1", "capabilities": ["stamping", "deep-drawing"],
      "certifications": [ { "id": "iatf-16949", "valid_until": "2027-01-01" }, "iso-9001" ],
      "pitch": { "es": "Estampación de acero para la industria automotriz", "en": "Steel stamping for cars" },
      "customers": ["Ford"], "employees": 450, "founded": 1995,
      "location": { "city": "Ciudad Juárez", "state": "Chihuahua" },
      "events": [ { "id": "expo-2026", "stand": "A-12" } ] },
    { "id": "estampados-mexico", "name": "Estampados México", "kind": "tier2", "capabilities": ["stamping"],
      "needs": ["machining"],
      "certifications": [ { "id": "iatf-16949", "valid_until": "2025-06-30" } ],
      "pitch": "Estampados para el norte del país", "employees": 120, "founded": 2001,
      "location": { "city": "Monterrey", "state": "Nuevo León" }, "events": ["expo-2026"] },
    { "id": "plasticos-juarez", "name": "Plásticos Juárez", "legal_name": "Plásticos del Norte de Juárez, S.A.",
      "kind": "tier2", "capabilities": ["injection-molding"], "needs": ["stamping"], "certifications": ["iso-9001"],
      "description": "Moldes y piezas de plástico.", "founded": 1988,
      "location": { "city": "Ciudad Juárez", "state": "Chihuahua" }, "events": ["junta-2026"] },
    { "id": "norte-maquinados", "name": "Norte Maquinados", "legal_name": "Maquinados del Norte SA",
      "kind": "tier3", "capabilities": ["machining", "stamping"], "certifications": ["iatf-16949"],
      "pitch": "Maquinado CNC de precisión", "employees": 30,
      "location": { "city": "Chihuahua", "state": "  Chihuahua " } },
    { "id": "universidad", "name": "Universidad Tecnológica", "kind": "institution",
      "pitch": "Formación en estampado y troquelado", "location": { "city": "Saltillo" } },
    { "id": "aceros", "name": "Aceros", "kind": "tier2", "capabilities": ["deep-drawing"], "employees": 450,
      "location": { "city": "Saltillo", "state": "Coahuila" } }
  ]
}"#;

fn sample() -> Directory {
    crate::load_directory(SAMPLE.as_bytes()).expect("the sample loads").directory
}

fn day(text: &str) -> IsoDate {
    IsoDate::parse(text).expect("a date")
}

/// The ids of the members a query lists, in order.
fn ids(directory: &Directory, results: &SearchResults) -> Vec<String> {
    results.members.iter().map(|&m| directory.members[m as usize].id.to_string()).collect()
}

fn search(directory: &Directory, text: &str) -> Vec<String> {
    let index = SearchIndex::build(directory);
    ids(directory, &index.run(directory, &ListQuery { text: text.into(), ..ListQuery::default() }, day("2026-01-01")))
}

fn sorted(mut list: Vec<String>) -> Vec<String> {
    list.sort();
    list
}

#[test]
fn the_index_can_be_shared_across_threads() {
    fn shared<T: Send + Sync>() {}
    shared::<SearchIndex>();
    shared::<SearchResults>();
}

#[test]
fn matching_ignores_case_and_accents() {
    let d = sample();
    assert_eq!(search(&d, "estampacion"), ["aceros-del-norte"]);
    assert_eq!(search(&d, "ESTAMPACIÓN"), ["aceros-del-norte"]);
    assert_eq!(search(&d, "MEXICO"), ["estampados-mexico"]);
    assert_eq!(search(&d, "juarez"), search(&d, "Juárez"));
    assert_eq!(sorted(search(&d, "juarez")), ["aceros-del-norte", "plasticos-juarez"]);
}

#[test]
fn words_match_by_prefix() {
    let d = sample();
    assert_eq!(search(&d, "inyec"), ["plasticos-juarez"]);
    assert_eq!(search(&d, "plast"), ["plasticos-juarez"]);
    // A prefix of a word, not a piece from its middle.
    assert!(search(&d, "ampad").is_empty());
    assert!(search(&d, "estampadoss").is_empty());
}

#[test]
fn every_word_must_match_in_any_order() {
    let d = sample();
    assert_eq!(search(&d, "norte aceros"), ["aceros-del-norte"]);
    assert_eq!(search(&d, "aceros norte"), ["aceros-del-norte"]);
    assert_eq!(search(&d, "monterrey estampados"), ["estampados-mexico"]);
    assert!(search(&d, "aceros monterrey").is_empty());
    // Punctuation and repeated words change nothing.
    assert_eq!(search(&d, "  norte, ACEROS; norte "), ["aceros-del-norte"]);
}

#[test]
fn labels_and_aliases_find_members_in_every_language() {
    let d = sample();
    let stampers = ["aceros-del-norte", "estampados-mexico", "norte-maquinados"];
    for text in ["stamping", "pressing", "Estampado", "estamp"] {
        let found = sorted(search(&d, text));
        assert!(stampers.iter().all(|s| found.contains(&s.to_string())), "{text}: {found:?}");
    }
    assert_eq!(sorted(search(&d, "pressing")), stampers);
    // `troquelado` is an alias, and also words of the university's pitch.
    assert_eq!(
        sorted(search(&d, "troquelado")),
        ["aceros-del-norte", "estampados-mexico", "norte-maquinados", "universidad"]
    );
    assert_eq!(search(&d, "cnc"), ["norte-maquinados"]);
    assert_eq!(search(&d, "moldeo"), ["plasticos-juarez"]);
    assert_eq!(search(&d, "injection molding"), ["plasticos-juarez"]);
    assert_eq!(sorted(search(&d, "IATF")), ["aceros-del-norte", "estampados-mexico", "norte-maquinados"]);
    // Needs are not searched: Plásticos Juárez looks for stamping but does not offer it.
    assert!(!search(&d, "pressing").contains(&"plasticos-juarez".to_string()));
}

#[test]
fn other_fields_are_searched() {
    let d = sample();
    assert_eq!(search(&d, "ford"), ["aceros-del-norte"]);
    assert_eq!(search(&d, "saltillo"), ["aceros", "universidad"]);
    assert_eq!(search(&d, "coahuila"), ["aceros"]);
    assert_eq!(search(&d, "piezas"), ["plasticos-juarez"]);
    assert_eq!(search(&d, "cars"), ["aceros-del-norte"]);
    assert!(search(&d, "expo").is_empty(), "event names are not member text");
}

#[test]
fn ranking_puts_names_first_then_capabilities_then_free_text() {
    let d = sample();
    // Exact name, then a name that starts with the text.
    assert_eq!(search(&d, "aceros"), ["aceros", "aceros-del-norte"]);
    assert_eq!(search(&d, "Aceros del Norte"), ["aceros-del-norte"]);
    // Name prefix; capability (ties by name); free text.
    assert_eq!(search(&d, "estampado"), ["estampados-mexico", "aceros-del-norte", "norte-maquinados", "universidad"]);
    // Name prefix; a word of the name; legal name; free text.
    assert_eq!(search(&d, "norte"), ["norte-maquinados", "aceros-del-norte", "plasticos-juarez", "estampados-mexico"]);
    // Exact name beats the same words in another order.
    assert_eq!(search(&d, "plasticos juarez"), ["plasticos-juarez"]);
    // More words in better fields first: name + capability beats capability + free text.
    let index = SearchIndex::build(&d);
    let query = ListQuery { text: "stamping chihuahua".into(), ..ListQuery::default() };
    let found = ids(&d, &index.run(&d, &query, day("2026-01-01")));
    assert_eq!(found, ["aceros-del-norte", "norte-maquinados"]);
    let query = ListQuery { text: "maquinado stamping".into(), ..ListQuery::default() };
    let found = ids(&d, &index.run(&d, &query, day("2026-01-01")));
    assert_eq!(found, ["norte-maquinados"]);
}

#[test]
fn a_name_word_beats_a_capability_for_multi_word_queries() {
    let d = sample();
    // Both have "stamping"; "aceros" is in one's name (tier 5: capability at worst, score 0 + 2)
    // and nowhere in the other's.
    assert_eq!(search(&d, "aceros stamp"), ["aceros-del-norte"]);
    // "norte": a name word for both; "estamp": capability for both → by name.
    assert_eq!(search(&d, "norte estamp"), ["aceros-del-norte", "norte-maquinados", "estampados-mexico"]);
}

#[test]
fn sort_orders() {
    let d = sample();
    let index = SearchIndex::build(&d);
    let run = |sort, text: &str| {
        ids(&d, &index.run(&d, &ListQuery { text: text.into(), sort, ..ListQuery::default() }, day("2026-01-01")))
    };
    let by_name =
        ["aceros", "aceros-del-norte", "estampados-mexico", "norte-maquinados", "plasticos-juarez", "universidad"];
    assert_eq!(run(SortOrder::Relevance, ""), by_name);
    assert_eq!(run(SortOrder::Relevance, " ,. "), by_name);
    assert_eq!(run(SortOrder::Name, ""), by_name);
    assert_eq!(
        run(SortOrder::Employees, ""),
        ["aceros", "aceros-del-norte", "estampados-mexico", "norte-maquinados", "plasticos-juarez", "universidad"]
    );
    assert_eq!(
        run(SortOrder::Founded, ""),
        ["plasticos-juarez", "aceros-del-norte", "estampados-mexico", "aceros", "norte-maquinados", "universidad"]
    );
    // The text still chooses the members.
    assert_eq!(
        run(SortOrder::Name, "norte"),
        ["aceros-del-norte", "estampados-mexico", "norte-maquinados", "plasticos-juarez"]
    );
    assert_eq!(
        run(SortOrder::Employees, "norte"),
        ["aceros-del-norte", "estampados-mexico", "norte-maquinados", "plasticos-juarez"]
    );
    assert_eq!(
        run(SortOrder::Founded, "norte"),
        ["plasticos-juarez", "aceros-del-norte", "estampados-mexico", "norte-maquinados"]
    );
}

fn counts(results: &SearchResults, facet: Facet) -> Vec<(String, u32)> {
    results.facets.values(facet).iter().map(|v| (v.value.clone(), v.count)).collect()
}

fn pairs(list: &[(&str, u32)]) -> Vec<(String, u32)> {
    list.iter().map(|(v, c)| (v.to_string(), *c)).collect()
}

#[test]
fn facet_counts_are_disjunctive() {
    let d = sample();
    let index = SearchIndex::build(&d);
    let mut query = ListQuery::default();
    query.filters.select(Facet::Capability, "stamping");
    query.filters.select(Facet::Capability, "deep-drawing");
    query.filters.select(Facet::Certification, "iatf-16949");
    let today = day("2026-01-01");
    let results = index.run(&d, &query, today);
    assert_eq!(ids(&d, &results), ["aceros-del-norte", "estampados-mexico", "norte-maquinados"]);
    // Capabilities against the certification filter only: holders of IATF are 1, 2 and 4.
    assert_eq!(
        counts(&results, Facet::Capability),
        pairs(&[("stamping", 3), ("deep-drawing", 1), ("injection-molding", 0), ("blow-molding", 0), ("machining", 1)])
    );
    // Certifications against the capability filter only: members 1, 2, 4 and 6.
    assert_eq!(counts(&results, Facet::Certification), pairs(&[("iatf-16949", 3), ("iso-9001", 1), ("iso-14001", 0)]));
    // Other facets against the results.
    assert_eq!(
        counts(&results, Facet::Kind),
        pairs(&[("oem", 0), ("tier1", 1), ("tier2", 1), ("tier3", 1), ("service", 0), ("institution", 0)])
    );
    assert_eq!(
        counts(&results, Facet::Need),
        pairs(&[("stamping", 0), ("deep-drawing", 0), ("injection-molding", 0), ("blow-molding", 0), ("machining", 1)])
    );
    assert_eq!(counts(&results, Facet::Event), pairs(&[("expo-2026", 2), ("junta-2026", 0)]));
    assert_brute_force(&d, &index, &query, today, None);

    // With text too.
    query.text = "norte".into();
    let results = index.run(&d, &query, today);
    assert_eq!(ids(&d, &results), ["norte-maquinados", "aceros-del-norte", "estampados-mexico"]);
    assert_eq!(counts(&results, Facet::Certification), pairs(&[("iatf-16949", 3), ("iso-9001", 1), ("iso-14001", 0)]));
    assert_brute_force(&d, &index, &query, today, None);
}

#[test]
fn zero_count_values_stay_listed_with_their_totals() {
    let d = sample();
    let index = SearchIndex::build(&d);
    let results = index.run(&d, &ListQuery { text: "aceros".into(), ..ListQuery::default() }, day("2026-01-01"));
    let capabilities = results.facets.values(Facet::Capability);
    assert_eq!(capabilities.len(), 5);
    let blow = capabilities.iter().find(|v| v.value == "blow-molding").unwrap();
    assert_eq!((blow.count, blow.total), (0, 0));
    let injection = capabilities.iter().find(|v| v.value == "injection-molding").unwrap();
    assert_eq!((injection.count, injection.total), (0, 1));
    assert_eq!(results.facets.count(Facet::Kind, "oem"), Some(0));
    assert_eq!(results.facets.count(Facet::Kind, "tier4"), None);
    for facet in Facet::ALL {
        assert!(!results.facets.values(facet).is_empty(), "{facet:?}");
    }
}

#[test]
fn capability_values_are_grouped_in_group_order() {
    let d = sample();
    let results = SearchIndex::build(&d).run(&d, &ListQuery::default(), day("2026-01-01"));
    let values = results.facets.values(Facet::Capability);
    let listed: Vec<(&str, Option<&str>)> = values.iter().map(|v| (v.value.as_str(), v.group.as_deref())).collect();
    assert_eq!(
        listed,
        [
            ("stamping", Some("metal-forming")),
            ("deep-drawing", Some("metal-forming")),
            ("injection-molding", Some("plastics")),
            ("blow-molding", Some("plastics")),
            ("machining", None),
        ]
    );
    let needs: Vec<&str> = results.facets.values(Facet::Need).iter().map(|v| v.value.as_str()).collect();
    assert_eq!(needs, ["stamping", "deep-drawing", "injection-molding", "blow-molding", "machining"]);
    let counts: Vec<u32> = values.iter().map(|v| v.count).collect();
    assert_eq!(counts, [3, 2, 1, 0, 1]);
}

#[test]
fn places_are_states_with_their_cities() {
    let d = sample();
    let index = SearchIndex::build(&d);
    let today = day("2026-01-01");
    let results = index.run(&d, &ListQuery::default(), today);
    let places: Vec<(&str, Option<&str>, u32)> =
        results.facets.values(Facet::Place).iter().map(|v| (v.value.as_str(), v.parent.as_deref(), v.count)).collect();
    assert_eq!(
        places,
        [
            ("Chihuahua", None, 3),
            ("Chihuahua/Ciudad Juárez", Some("Chihuahua"), 2),
            ("Chihuahua/Chihuahua", Some("Chihuahua"), 1),
            ("Coahuila", None, 1),
            ("Coahuila/Saltillo", Some("Coahuila"), 1),
            ("Nuevo León", None, 1),
            ("Nuevo León/Monterrey", Some("Nuevo León"), 1),
            ("/Saltillo", None, 1),
        ]
    );
    let place = |values: &[&str]| {
        let mut query = ListQuery::default();
        values.iter().for_each(|v| query.filters.select(Facet::Place, *v));
        ids(&d, &index.run(&d, &query, today))
    };
    // A state matches all its cities (the trimmed "  Chihuahua " included).
    assert_eq!(place(&["Chihuahua"]), ["aceros-del-norte", "norte-maquinados", "plasticos-juarez"]);
    assert_eq!(place(&["Chihuahua/Ciudad Juárez"]), ["aceros-del-norte", "plasticos-juarez"]);
    assert_eq!(place(&["Chihuahua/Chihuahua", "Nuevo León"]), ["estampados-mexico", "norte-maquinados"]);
    assert_eq!(place(&["/Saltillo"]), ["universidad"]);
    assert_eq!(place(&["Coahuila/Saltillo"]), ["aceros"]);
    assert_eq!(super::place_parts("Chihuahua/Ciudad Juárez"), ("Chihuahua", Some("Ciudad Juárez")));
    assert_eq!(super::place_parts("/Saltillo"), ("", Some("Saltillo")));
    assert_eq!(super::place_parts("Coahuila"), ("Coahuila", None));
}

#[test]
fn place_values_are_unique_even_with_separators_in_names() {
    let place = |state: Option<&str>, city: Option<&str>| {
        let mut member = Member::new(slug("x"), "M");
        member.location = Some(Location {
            state: state.map(str::to_owned),
            city: city.map(str::to_owned),
            country: None,
            lat: None,
            lon: None,
        });
        member
    };
    let d = directory_of(vec![
        place(Some("A/B"), Some("C")),
        place(Some("A"), Some("B/C")),
        place(Some("A/B"), None),
        place(Some("A"), Some("B")),
        place(Some(" "), Some(" ")),
        place(None, Some("C")),
    ]);
    let index = SearchIndex::build(&d);
    let today = day("2026-01-01");
    let results = index.run(&d, &ListQuery::default(), today);
    let values: Vec<&str> = results.facets.values(Facet::Place).iter().map(|v| v.value.as_str()).collect();
    let distinct: BTreeSet<&str> = values.iter().copied().collect();
    assert_eq!(values.len(), distinct.len(), "{values:?}");
    // Every member is found by each of its place values.
    for (at, member) in d.members.iter().enumerate() {
        for value in reference_places(member) {
            let mut query = ListQuery::default();
            query.filters.select(Facet::Place, value.clone());
            assert!(index.run(&d, &query, today).members.contains(&(at as u32)), "{value}");
            assert_brute_force(&d, &index, &query, today, None);
        }
    }
}

#[test]
fn only_valid_certificates_count_when_asked() {
    let d = sample();
    let index = SearchIndex::build(&d);
    let mut query = ListQuery::default();
    query.filters.select(Facet::Certification, "iatf-16949");
    let today = day("2026-01-01");
    assert_eq!(ids(&d, &index.run(&d, &query, today)), ["aceros-del-norte", "estampados-mexico", "norte-maquinados"]);
    query.filters.only_valid_certifications = true;
    let results = index.run(&d, &query, today);
    // Estampados México's certificate ran out in 2025; Norte Maquinados' has no expiry date.
    assert_eq!(ids(&d, &results), ["aceros-del-norte", "norte-maquinados"]);
    assert_eq!(counts(&results, Facet::Certification), pairs(&[("iatf-16949", 2), ("iso-9001", 2), ("iso-14001", 0)]));
    let iatf = &results.facets.values(Facet::Certification)[0];
    assert_eq!(iatf.total, 2);
    assert_brute_force(&d, &index, &query, today, None);
    // The last valid day still counts; the day after does not.
    assert_eq!(ids(&d, &index.run(&d, &query, day("2027-01-01"))), ["aceros-del-norte", "norte-maquinados"]);
    assert_eq!(ids(&d, &index.run(&d, &query, day("2027-01-02"))), ["norte-maquinados"]);
    // Text search still finds an expired certification's holder.
    query.filters = Filters::default();
    query.filters.only_valid_certifications = true;
    query.text = "iatf".into();
    assert_eq!(index.run(&d, &query, today).members.len(), 3);
}

#[test]
fn event_pages_search_within_the_attendees() {
    let d = sample();
    let index = SearchIndex::build(&d);
    let today = day("2026-01-01");
    let results = index.run_within_event(&d, "expo-2026", &ListQuery::default(), today);
    assert_eq!(ids(&d, &results), ["aceros-del-norte", "estampados-mexico"]);
    assert_eq!(results.facets.count(Facet::Capability, "stamping"), Some(2));
    assert_eq!(results.facets.count(Facet::Capability, "deep-drawing"), Some(1));
    assert_eq!(results.facets.count(Facet::Capability, "injection-molding"), Some(0));
    let injection = results.facets.values(Facet::Capability).iter().find(|v| v.value == "injection-molding").unwrap();
    assert_eq!(injection.total, 0, "totals are within the event");
    assert_eq!(results.facets.count(Facet::Event, "expo-2026"), Some(2));
    let query = ListQuery { text: "norte".into(), ..ListQuery::default() };
    let results = index.run_within_event(&d, "expo-2026", &query, today);
    assert_eq!(ids(&d, &results), ["aceros-del-norte", "estampados-mexico"]);
    let mut query = ListQuery::default();
    query.filters.select(Facet::Kind, "tier2");
    assert_eq!(ids(&d, &index.run_within_event(&d, "expo-2026", &query, today)), ["estampados-mexico"]);
    assert_brute_force(&d, &index, &query, today, Some("expo-2026"));
    let nobody = index.run_within_event(&d, "no-such-event", &ListQuery::default(), today);
    assert!(nobody.members.is_empty());
    assert!(nobody.facets.values(Facet::Capability).iter().all(|v| v.count == 0 && v.total == 0));
}

#[test]
fn unknown_filter_values_are_dropped_and_reported() {
    let d = sample();
    let index = SearchIndex::build(&d);
    let mut query = ListQuery { text: "acero".into(), sort: SortOrder::Employees, ..ListQuery::default() };
    query.filters.only_valid_certifications = true;
    for (facet, value) in [
        (Facet::Capability, "stamping"),
        (Facet::Capability, "welding"),
        (Facet::Kind, "tier4"),
        (Facet::Kind, "tier1"),
        (Facet::Place, "Chihuahua/Ciudad Juárez"),
        (Facet::Place, "Atlantis"),
        (Facet::Place, "/Saltillo"),
        (Facet::Event, "old-fair"),
        (Facet::Need, "machining"),
        (Facet::Certification, "iso-9001"),
    ] {
        query.filters.select(facet, value);
    }
    let (kept, dropped) = drop_unknown_filters(&d, &query);
    let expected: Vec<(Facet, String)> = [
        (Facet::Capability, "welding"),
        (Facet::Kind, "tier4"),
        (Facet::Place, "Atlantis"),
        (Facet::Event, "old-fair"),
    ]
    .iter()
    .map(|(f, v)| (*f, v.to_string()))
    .collect();
    assert_eq!(dropped, expected);
    assert_eq!(kept.text, "acero");
    assert_eq!(kept.sort, SortOrder::Employees);
    assert!(kept.filters.only_valid_certifications);
    assert_eq!(kept.filters.len(), 6);
    assert!(kept.filters.is_selected(Facet::Place, "/Saltillo"));
    assert!(!kept.filters.is_active(Facet::Event));
    assert_eq!(index.drop_unknown_filters(&query), (kept.clone(), expected));
    // Unknown values were already ignored by the search itself.
    let today = day("2026-01-01");
    assert_eq!(index.run(&d, &query, today), index.run(&d, &kept, today));
    assert_eq!(drop_unknown_filters(&d, &kept), (kept, Vec::new()));
}

#[test]
fn similar_members_share_the_most_capabilities() {
    let d = sample();
    let index = SearchIndex::build(&d);
    let at = |id: &str| d.members.iter().position(|m| m.id.as_str() == id).unwrap();
    let names = |list: Vec<usize>| list.into_iter().map(|m| d.members[m].id.to_string()).collect::<Vec<_>>();
    // Aceros del Norte: stamping + deep drawing. Aceros (deep drawing) and Estampados México
    // (stamping) both score 1/2, tied, so by name; Norte Maquinados 1/3.
    assert_eq!(
        names(index.similar_members(&d, at("aceros-del-norte"), 10)),
        ["aceros", "estampados-mexico", "norte-maquinados"]
    );
    assert_eq!(names(index.similar_members(&d, at("aceros-del-norte"), 2)), ["aceros", "estampados-mexico"]);
    // Estampados México: stamping only. Aceros del Norte 1/2, Norte Maquinados 1/2 → by name.
    assert_eq!(names(index.similar_members(&d, at("estampados-mexico"), 10)), ["aceros-del-norte", "norte-maquinados"]);
    assert!(index.similar_members(&d, at("universidad"), 10).is_empty());
    assert!(index.similar_members(&d, at("aceros"), 0).is_empty());
    assert!(index.similar_members(&d, 99, 10).is_empty());
}

#[test]
fn an_empty_directory_answers_empty() {
    let d = crate::load_directory(br#"{"format": 1, "cluster": {"name": "x"}, "members": []}"#).unwrap().directory;
    let index = SearchIndex::build(&d);
    let mut query = ListQuery { text: "a".into(), ..ListQuery::default() };
    query.filters.select(Facet::Kind, "oem");
    let results = index.run(&d, &query, day("2026-01-01"));
    assert!(results.members.is_empty());
    assert_eq!(results.facets.values(Facet::Kind).len(), 6);
    assert!(results.facets.values(Facet::Capability).is_empty());
    assert!(index.similar_members(&d, 0, 5).is_empty());
}

// ---- a slow, obvious reference --------------------------------------------------------------

/// The folded words of a text.
fn words_of(text: &str) -> Vec<String> {
    normalize(text).split(' ').filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

/// Every searchable word of a member with its field class (0 name, 1 legal, 2 vocabulary, 3 free text).
fn member_words(d: &Directory, m: &Member) -> Vec<(String, u32)> {
    let mut out = Vec::new();
    let mut add = |text: &str, class: u32| out.extend(words_of(text).into_iter().map(|w| (w, class)));
    add(&m.name, 0);
    if let Some(legal) = &m.legal_name {
        add(legal, 1);
    }
    for id in &m.capabilities {
        if let Some(c) = d.capability(id.as_str()) {
            c.label.variants().for_each(|t| add(t, 2));
            c.aliases.words().for_each(|t| add(t, 2));
        }
    }
    for held in &m.certifications {
        if let Some(c) = d.certification(held.id.as_str()) {
            c.label.variants().for_each(|t| add(t, 2));
        }
    }
    for text in m.pitch.iter().chain(&m.description) {
        text.variants().for_each(|t| add(t, 3));
    }
    m.customers.iter().for_each(|c| add(c, 3));
    if let Some(l) = &m.location {
        l.city.iter().chain(&l.state).for_each(|t| add(t, 3));
    }
    out
}

/// The best class a query word matches in, if any.
fn class_of(words: &[(String, u32)], query_word: &str) -> Option<u32> {
    words.iter().filter(|(w, _)| w.starts_with(query_word)).map(|(_, c)| *c).min()
}

/// The Place values a member is in, by the documented rule.
fn reference_places(m: &Member) -> Vec<String> {
    let clean = |t: &Option<String>| t.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned);
    let (state, city) = m.location.as_ref().map_or((None, None), |l| (clean(&l.state), clean(&l.city)));
    match (state, city) {
        (Some(s), Some(c)) => vec![s.clone(), format!("{s}/{c}")],
        (Some(s), None) => vec![s],
        (None, Some(c)) => vec![format!("/{c}")],
        (None, None) => vec![],
    }
}

fn has_value(m: &Member, facet: Facet, value: &str, only_valid: bool, today: IsoDate) -> bool {
    match facet {
        Facet::Capability => m.capabilities.iter().any(|c| c.as_str() == value),
        Facet::Need => m.needs.iter().any(|c| c.as_str() == value),
        Facet::Kind => m.kind.is_some_and(|k| MemberKind::ALL.iter().any(|(kk, name)| *kk == k && *name == value)),
        Facet::Certification => {
            m.certifications.iter().any(|c| c.id.as_str() == value && (!only_valid || !c.is_expired(today)))
        }
        Facet::Event => m.events.iter().any(|e| e.id.as_str() == value),
        Facet::Place => reference_places(m).iter().any(|p| p == value),
    }
}

fn known_values(d: &Directory, facet: Facet) -> BTreeSet<String> {
    match facet {
        Facet::Capability | Facet::Need => d.capabilities.iter().map(|c| c.id.to_string()).collect(),
        Facet::Kind => MemberKind::NAMES.iter().map(|n| n.to_string()).collect(),
        Facet::Certification => d.certifications.iter().map(|c| c.id.to_string()).collect(),
        Facet::Event => d.events.iter().map(|e| e.id.to_string()).collect(),
        Facet::Place => d.members.iter().flat_map(reference_places).collect(),
    }
}

/// Every facet's known values.
type Known = BTreeMap<Facet, BTreeSet<String>>;

/// Whether member `m` passes every facet's filter except `except`'s; unknown values are ignored.
fn passes(known: &Known, m: &Member, filters: &Filters, today: IsoDate, except: Option<Facet>) -> bool {
    Facet::ALL.iter().filter(|f| Some(**f) != except).all(|&facet| {
        let selected: Vec<&str> = filters.values(facet).filter(|v| known[&facet].contains(*v)).collect();
        selected.is_empty() || selected.iter().any(|v| has_value(m, facet, v, filters.only_valid_certifications, today))
    })
}

struct Reference {
    members: Vec<u32>,
    counts: BTreeMap<(Facet, String), u32>,
}

fn reference(d: &Directory, query: &ListQuery, today: IsoDate, event: Option<&str>) -> Reference {
    let mut query_words: Vec<String> = Vec::new();
    for w in words_of(&query.text) {
        if !query_words.contains(&w) {
            query_words.push(w);
        }
    }
    let known: Known = Facet::ALL.iter().map(|&f| (f, known_values(d, f))).collect();
    let in_scope = |m: &Member| event.is_none_or(|e| m.events.iter().any(|x| x.id.as_str() == e));
    let text_classes = |m: &Member| -> Option<Vec<u32>> {
        let words = member_words(d, m);
        query_words.iter().map(|q| class_of(&words, q)).collect()
    };
    let matching: Vec<(usize, Vec<u32>)> = d
        .members
        .iter()
        .enumerate()
        .filter(|(_, m)| in_scope(m))
        .filter_map(|(at, m)| text_classes(m).map(|classes| (at, classes)))
        .collect();
    let mut results: Vec<(usize, Vec<u32>)> = matching
        .iter()
        .filter(|(at, _)| passes(&known, &d.members[*at], &query.filters, today, None))
        .cloned()
        .collect();

    let name_key = |at: usize| (normalize(&d.members[at].name), d.members[at].name.clone(), at);
    let folded_query = normalize(&query.text);
    let stride = 3 * query_words.len() as u32 + 1;
    let relevance = |at: usize, classes: &[u32]| -> u32 {
        let name = normalize(&d.members[at].name);
        if name == folded_query {
            0
        } else if name.starts_with(&folded_query) {
            1
        } else {
            let worst = classes.iter().copied().max().unwrap_or(0);
            (2 + worst) * stride + classes.iter().sum::<u32>()
        }
    };
    match query.sort {
        SortOrder::Relevance if !query_words.is_empty() => {
            results.sort_by_key(|(at, classes)| (relevance(*at, classes), name_key(*at)))
        }
        SortOrder::Relevance | SortOrder::Name => results.sort_by_key(|(at, _)| name_key(*at)),
        SortOrder::Employees => results.sort_by_key(|(at, _)| {
            let e = d.members[*at].employees;
            (e.is_none(), std::cmp::Reverse(e), name_key(*at))
        }),
        SortOrder::Founded => results.sort_by_key(|(at, _)| {
            let f = d.members[*at].founded;
            (f.is_none(), f, name_key(*at))
        }),
    }

    let mut counts = BTreeMap::new();
    for facet in Facet::ALL {
        let others: Vec<&Member> = matching
            .iter()
            .map(|(at, _)| &d.members[*at])
            .filter(|m| passes(&known, m, &query.filters, today, Some(facet)))
            .collect();
        for value in &known[&facet] {
            let count = others
                .iter()
                .filter(|m| has_value(m, facet, value, query.filters.only_valid_certifications, today))
                .count();
            counts.insert((facet, value.clone()), count as u32);
        }
    }
    Reference { members: results.into_iter().map(|(at, _)| at as u32).collect(), counts }
}

/// The index's answer equals the reference's, members in order and every count.
fn assert_brute_force(d: &Directory, index: &SearchIndex, query: &ListQuery, today: IsoDate, event: Option<&str>) {
    let got = match event {
        Some(e) => index.run_within_event(d, e, query, today),
        None => index.run(d, query, today),
    };
    let expected = reference(d, query, today, event);
    assert_eq!(got.members, expected.members, "members for {query:?}");
    let mut got_counts = BTreeMap::new();
    for facet in Facet::ALL {
        for value in got.facets.values(facet) {
            got_counts.insert((facet, value.value.clone()), value.count);
        }
    }
    assert_eq!(got_counts, expected.counts, "counts for {query:?}");
}

// ---- generated directories -----------------------------------------------------------------

/// Words that overlap in prefixes, differ only in accents or case, and repeat across fields.
const POOL: &[&str] = &[
    "Aceros",
    "acero",
    "Estampación",
    "estampado",
    "ESTAMPADOS",
    "troquelado",
    "Inyección",
    "inyectora",
    "México",
    "mexicana",
    "Norte",
    "del",
    "de",
    "la",
    "Juárez",
    "Chihuahua",
    "plástico",
    "Plasticos",
    "CNC",
    "Straße",
    "ñandú",
    "Œuvre",
    "a",
    "b",
    "ab",
    "abc",
    "Ford",
    "Grupo",
    "S.A.",
    "Moldes",
    "molde",
    "e\u{301}xito",
    "éxito",
];

fn arb_text_words(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(POOL), 0..=max).prop_map(|w| w.join(" "))
}

fn arb_text(max: usize) -> impl Strategy<Value = Text> {
    prop_oneof![
        arb_text_words(max).prop_map(Text::Plain),
        (arb_text_words(max), arb_text_words(max))
            .prop_map(|(es, en)| Text::ByLang(vec![("es".into(), es), ("en".into(), en)])),
    ]
}

fn slug(text: &str) -> Slug {
    Slug::parse(text).expect("a slug")
}

const CAPABILITIES: &[&str] = &["stamping", "molding", "machining", "welding"];
const CERTIFICATIONS: &[&str] = &["iatf", "iso-9001", "oea"];
const EVENTS: &[&str] = &["expo", "junta", "visita"];
const STATES: &[&str] = &["Chihuahua", " Chihuahua", "Coahuila", "Nuevo León", ""];
const CITIES: &[&str] = &["Chihuahua", "Ciudad Juárez", "Saltillo", "Monterrey "];

fn vocabulary() -> (Vec<CapabilityGroup>, Vec<Capability>, Vec<Certification>, Vec<Event>) {
    let groups = vec![
        CapabilityGroup { id: slug("forming"), label: Text::from("Conformado") },
        CapabilityGroup { id: slug("plastics"), label: Text::from("Plásticos") },
    ];
    let by_lang = |es: &str, en: &str| Text::ByLang(vec![("es".into(), es.into()), ("en".into(), en.into())]);
    let capabilities = vec![
        Capability {
            id: slug("stamping"),
            group: Some(slug("forming")),
            label: by_lang("Estampado", "Stamping"),
            aliases: Aliases::ByLang(vec![
                ("es".into(), vec!["troquelado".into()]),
                ("en".into(), vec!["pressing".into()]),
            ]),
        },
        Capability {
            id: slug("molding"),
            group: Some(slug("plastics")),
            label: by_lang("Inyección de plástico", "Injection molding"),
            aliases: Aliases::Plain(vec!["moldeo".into()]),
        },
        Capability {
            id: slug("machining"),
            group: None,
            label: by_lang("Maquinado", "Machining"),
            aliases: Aliases::Plain(vec!["CNC".into()]),
        },
        Capability {
            id: slug("welding"),
            group: Some(slug("forming")),
            label: Text::from("Soldadura"),
            aliases: Aliases::None,
        },
    ];
    let certifications = vec![
        Certification { id: slug("iatf"), label: Text::from("IATF 16949") },
        Certification { id: slug("iso-9001"), label: Text::from("ISO 9001") },
        Certification {
            id: slug("oea"),
            label: by_lang("Operador Económico Autorizado", "Authorized Economic Operator"),
        },
    ];
    let events = EVENTS
        .iter()
        .map(|id| Event {
            id: slug(id),
            name: Text::from(*id),
            kind: None,
            start: None,
            end: None,
            city: None,
            venue: None,
            url: None,
        })
        .collect();
    (groups, capabilities, certifications, events)
}

fn subset(items: &'static [&'static str]) -> impl Strategy<Value = Vec<&'static str>> {
    prop::collection::vec(prop::sample::select(items), 0..=3)
}

fn arb_member() -> impl Strategy<Value = Member> {
    let names = (arb_text_words(3), prop::option::of(arb_text_words(4)));
    let texts =
        (prop::option::of(arb_text(5)), prop::option::of(arb_text(5)), prop::collection::vec(arb_text_words(2), 0..2));
    let facets = (
        subset(CAPABILITIES),
        subset(CAPABILITIES),
        prop::collection::vec((prop::sample::select(CERTIFICATIONS), prop::option::of(0i64..40)), 0..=3),
        subset(EVENTS),
        prop::option::of(prop::sample::select(MemberKind::ALL.map(|(k, _)| k).to_vec())),
        prop::option::of((
            prop::option::of(prop::sample::select(STATES)),
            prop::option::of(prop::sample::select(CITIES)),
        )),
    );
    let numbers = (prop::option::of(0u64..5), prop::option::of(1990i32..1995));
    (names, texts, facets, numbers).prop_map(
        |(
            (name, legal),
            (pitch, description, customers),
            (caps, needs, certs, events, kind, place),
            (employees, founded),
        )| {
            let mut member = Member::new(slug("x"), name);
            member.legal_name = legal;
            member.pitch = pitch;
            member.description = description;
            member.customers = customers;
            member.capabilities = caps.iter().map(|c| slug(c)).collect();
            member.needs = needs.iter().map(|c| slug(c)).collect();
            member.certifications = certs
                .iter()
                .map(|(id, days)| MemberCertification {
                    id: slug(id),
                    valid_until: days.map(|d| IsoDate::from_days_since_epoch(20_000 + d)),
                    site: None,
                    body: None,
                })
                .collect();
            member.events = events.iter().map(|e| MemberEvent { id: slug(e), stand: None }).collect();
            member.kind = kind;
            member.location = place.map(|(state, city)| Location {
                state: state.map(str::to_owned),
                city: city.map(str::to_owned),
                country: None,
                lat: None,
                lon: None,
            });
            member.employees = employees;
            member.founded = founded;
            member
        },
    )
}

fn directory_of(mut members: Vec<Member>) -> Directory {
    for (at, member) in members.iter_mut().enumerate() {
        member.id = slug(&format!("m{at}"));
    }
    let (capability_groups, capabilities, certifications, events) = vocabulary();
    Directory {
        format: 1,
        cluster: Cluster { name: "Prueba".into(), url: None, updated: None, languages: Vec::new() },
        capability_groups,
        capabilities,
        certifications,
        events,
        members,
    }
}

fn arb_directory(max_members: usize) -> impl Strategy<Value = Directory> {
    prop::collection::vec(arb_member(), 0..=max_members).prop_map(directory_of)
}

/// A query word as a visitor might type it: a prefix of a pool word, in any case, maybe without accents.
fn arb_query_text() -> impl Strategy<Value = String> {
    let word =
        (prop::sample::select(POOL), 1usize..8, any::<bool>(), any::<bool>()).prop_map(|(w, len, upper, plain)| {
            let mut w: String = w.chars().take(len).collect();
            if upper {
                w = w.to_uppercase();
            }
            if plain {
                w = normalize(&w);
            }
            w
        });
    prop_oneof![
        1 => Just(String::new()),
        4 => prop::collection::vec(word, 1..=3).prop_map(|w| w.join(" ")),
        1 => "\\PC{0,6}",
    ]
}

fn arb_filters() -> impl Strategy<Value = Filters> {
    let value = prop_oneof![
        prop::sample::select(CAPABILITIES).prop_map(|v| (Facet::Capability, v.to_owned())),
        prop::sample::select(CAPABILITIES).prop_map(|v| (Facet::Need, v.to_owned())),
        prop::sample::select(CERTIFICATIONS).prop_map(|v| (Facet::Certification, v.to_owned())),
        prop::sample::select(EVENTS).prop_map(|v| (Facet::Event, v.to_owned())),
        prop::sample::select(MemberKind::NAMES).prop_map(|v| (Facet::Kind, v.to_owned())),
        (prop::sample::select(STATES), prop::option::of(prop::sample::select(CITIES))).prop_map(|(s, c)| {
            let s = s.trim();
            (
                Facet::Place,
                match c {
                    Some(c) => format!("{s}/{}", c.trim()),
                    None => s.to_owned(),
                },
            )
        }),
        Just((Facet::Capability, "unknown".to_owned())),
        Just((Facet::Place, "Atlantis".to_owned())),
    ];
    (prop::collection::vec(value, 0..4), any::<bool>()).prop_map(|(values, only_valid)| {
        let mut filters = Filters::default();
        filters.only_valid_certifications = only_valid;
        for (facet, value) in values {
            if !value.is_empty() {
                filters.select(facet, value);
            }
        }
        filters
    })
}

fn arb_query() -> impl Strategy<Value = ListQuery> {
    (arb_query_text(), arb_filters(), prop::sample::select(SortOrder::ALL.to_vec()))
        .prop_map(|(text, filters, sort)| ListQuery { text, filters, sort })
}

fn arb_today() -> impl Strategy<Value = IsoDate> {
    (0i64..45).prop_map(|d| IsoDate::from_days_since_epoch(20_000 + d))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn every_member_is_found_by_its_own_name(d in arb_directory(40)) {
        let index = SearchIndex::build(&d);
        let today = IsoDate::from_days_since_epoch(20_000);
        for (at, member) in d.members.iter().enumerate() {
            let query = ListQuery { text: member.name.clone(), ..ListQuery::default() };
            let found = index.run(&d, &query, today).members;
            let position = found.iter().position(|&m| m as usize == at);
            prop_assert!(position.is_some(), "{:?} not found by its name", member.name);
            let own = normalize(&member.name);
            for &before in &found[..position.unwrap_or(0)] {
                prop_assert_eq!(normalize(&d.members[before as usize].name), own.clone());
            }
        }
    }

    #[test]
    fn results_and_counts_equal_the_reference(d in arb_directory(40), query in arb_query(), today in arb_today()) {
        let index = SearchIndex::build(&d);
        assert_brute_force(&d, &index, &query, today, None);
        assert_brute_force(&d, &index, &query, today, Some("expo"));
    }

    #[test]
    fn adding_a_filter_never_adds_results(
        d in arb_directory(40),
        query in arb_query(),
        extra in arb_filters(),
        today in arb_today(),
    ) {
        let index = SearchIndex::build(&d);
        let run = |query: &ListQuery| index.run(&d, query, today).members.into_iter().collect::<BTreeSet<u32>>();
        // (A facet with only unknown values is not filtered: see the reference test for those.)
        let query = index.drop_unknown_filters(&query).0;
        let extra = index.drop_unknown_filters(&ListQuery { filters: extra, ..ListQuery::default() }).0.filters;
        let before = run(&query);
        // A filter on a facet not filtered yet (facets combine with AND) narrows the list...
        let mut narrower = query.clone();
        for (facet, value) in extra.iter().filter(|(facet, _)| !query.filters.is_active(*facet)) {
            narrower.filters.select(facet, value);
        }
        let after = run(&narrower);
        prop_assert!(after.is_subset(&before));
        // ...so does turning on "only valid certificates"...
        narrower.filters.only_valid_certifications = true;
        prop_assert!(run(&narrower).is_subset(&after));
        // ...and another value of a facet already filtered (values combine with OR) widens it.
        let mut wider = query.clone();
        for (facet, value) in extra.iter().filter(|(facet, _)| query.filters.is_active(*facet)) {
            wider.filters.select(facet, value);
        }
        prop_assert!(before.is_subset(&run(&wider)));
    }

    #[test]
    fn every_sort_lists_the_same_members(d in arb_directory(40), query in arb_query(), today in arb_today()) {
        let index = SearchIndex::build(&d);
        let mut sets = SortOrder::ALL.iter().map(|&sort| {
            let mut members = index.run(&d, &ListQuery { sort, ..query.clone() }, today).members;
            let listed = members.len();
            members.sort_unstable();
            members.dedup();
            assert_eq!(members.len(), listed, "a member listed twice");
            members
        });
        let first = sets.next().unwrap_or_default();
        for other in sets {
            prop_assert_eq!(&other, &first);
        }
    }

    #[test]
    fn similar_members_follow_jaccard(d in arb_directory(30), limit in 0usize..6) {
        let index = SearchIndex::build(&d);
        fn capabilities(m: &Member) -> BTreeSet<&str> {
            m.capabilities.iter().map(|c| c.as_str()).collect()
        }
        for (at, member) in d.members.iter().enumerate() {
            let mine = capabilities(member);
            let mut expected: Vec<(usize, usize, usize)> = d.members.iter().enumerate()
                .filter(|(other, _)| *other != at)
                .map(|(other, m)| {
                    let theirs = capabilities(m);
                    (other, mine.intersection(&theirs).count(), mine.union(&theirs).count())
                })
                .filter(|(_, both, _)| *both > 0)
                .collect();
            let name_key = |m: usize| (normalize(&d.members[m].name), d.members[m].name.clone(), m);
            expected.sort_by(|a, b| (b.1 * a.2).cmp(&(a.1 * b.2)).then_with(|| name_key(a.0).cmp(&name_key(b.0))));
            let expected: Vec<usize> = expected.into_iter().take(limit).map(|(m, _, _)| m).collect();
            prop_assert_eq!(index.similar_members(&d, at, limit), expected);
        }
    }
}

#[test]
fn large_directories_agree_with_the_reference() {
    // Enough members that common words and facet values are bitsets and rare ones lists,
    // with bitsets longer than one word.
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let mut members = prop::collection::vec(arb_member(), 700).new_tree(&mut runner).unwrap().current();
    // Rare words too, some sharing prefixes.
    for (at, member) in members.iter_mut().enumerate().filter(|(at, _)| at % 3 == 0) {
        member.legal_name = Some(format!("Rara{} {}", at % 50, member.legal_name.as_deref().unwrap_or("")));
    }
    let d = directory_of(members);
    let index = SearchIndex::build(&d);
    let (_, listed, dense) = index.stats();
    assert!(listed > 0 && dense > 0, "both kinds of word storage are exercised");
    // The same index read 13 members per step: words turn into bitsets across steps.
    let stepwise = {
        let mut builder = IndexBuilder::new(&d);
        loop {
            let mut budget = 13;
            if let Some(index) = builder.step_while(|| {
                budget -= 1;
                budget > 0
            }) {
                break index;
            }
        }
    };
    assert_eq!(stepwise.stats(), index.stats());
    for _ in 0..150 {
        let mut query = arb_query().new_tree(&mut runner).unwrap().current();
        if query.text.len() % 4 == 1 {
            query.text.push_str(" rara1");
        }
        let today = arb_today().new_tree(&mut runner).unwrap().current();
        assert_brute_force(&d, &index, &query, today, None);
        assert_eq!(stepwise.run(&d, &query, today), index.run(&d, &query, today), "{query:?}");
        if query.filters.len() < 2 {
            assert_brute_force(&d, &index, &query, today, Some("junta"));
        }
    }
}

#[test]
fn the_index_is_built_in_steps_that_give_what_building_at_once_gives() {
    let directory = sample();
    let mut builder = IndexBuilder::new(&directory);
    let mut steps = 1;
    let index = loop {
        steps += 1;
        if let Some(index) = builder.step() {
            break index;
        }
        assert!(steps < 10, "the builder never finishes");
    };
    assert_eq!(steps, 4, "names, facets, words, orders");
    let whole = SearchIndex::build(&directory);
    let today = day("2026-11-26");
    for text in ["", "troquel", "iatf juarez", "zzz"] {
        for sort in SortOrder::ALL {
            let query = ListQuery { text: text.into(), sort, ..ListQuery::default() };
            assert_eq!(index.run(&directory, &query, today), whole.run(&directory, &query, today), "{text:?} {sort:?}");
        }
    }
}

#[test]
fn words_read_a_few_members_per_step_give_what_building_at_once_gives() {
    let directory = sample();
    let whole = SearchIndex::build(&directory);
    let today = day("2026-11-26");
    for members_per_step in [1, 2, 7, directory.members.len() + 1] {
        let mut builder = IndexBuilder::new(&directory);
        let mut steps = 1;
        let index = loop {
            steps += 1;
            let mut budget = members_per_step;
            let more = || {
                budget -= 1;
                budget > 0
            };
            if let Some(index) = builder.step_while(more) {
                break index;
            }
            assert!(steps < 1000, "the builder never finishes");
        };
        // Names, facets, the words a few members per step (the last one also sorts them), orders.
        let word_steps = directory.members.len().div_ceil(members_per_step);
        assert_eq!(steps, 3 + word_steps, "{members_per_step} members per step");
        for text in ["", "troquel", "iatf juarez", "zzz", "a"] {
            for sort in SortOrder::ALL {
                let query = ListQuery { text: text.into(), sort, ..ListQuery::default() };
                assert_eq!(
                    index.run(&directory, &query, today),
                    whole.run(&directory, &query, today),
                    "{members_per_step} per step, {text:?} {sort:?}"
                );
            }
        }
    }
}

#[test]
fn facet_values_read_as_labels_in_the_visitors_language() {
    let d = sample();
    let check = |facet: Facet, value: &str, lang: Lang, expected: &str| {
        assert_eq!(facet_value_label(&d, facet, value, lang), expected, "{facet:?} {value} {lang:?}");
    };
    check(Facet::Capability, "stamping", Lang::En, "Stamping");
    check(Facet::Need, "stamping", Lang::Es, "Estampado");
    check(Facet::Certification, "iatf-16949", Lang::En, "IATF 16949");
    check(Facet::Event, "expo-2026", Lang::En, "Expo Proveedores 2026");
    check(Facet::Kind, "tier1", Lang::Es, "Tier 1");
    check(Facet::Kind, "oem", Lang::Es, "Armadora (OEM)");
    check(Facet::Kind, "service", Lang::En, "Services");
    check(Facet::Place, "Chihuahua/Ciudad Juárez", Lang::Es, "Ciudad Juárez");
    check(Facet::Place, "/Saltillo", Lang::Es, "Saltillo");
    check(Facet::Place, "Coahuila", Lang::En, "Coahuila");
    // What the directory does not know (a value from an old link) reads as itself.
    for facet in [Facet::Capability, Facet::Need, Facet::Certification, Facet::Event, Facet::Kind] {
        check(facet, "gone-value", Lang::En, "gone-value");
    }
}

#[test]
fn every_facet_value_of_the_index_has_a_label() {
    let d = sample();
    let results = SearchIndex::build(&d).run(&d, &ListQuery::default(), day("2026-01-01"));
    for facet in Facet::ALL {
        for value in results.facets.values(facet) {
            for lang in [Lang::Es, Lang::En] {
                let label = facet_value_label(&d, facet, &value.value, lang);
                assert!(!label.is_empty() && !label.contains('/'), "{facet:?} {} → {label:?}", value.value);
            }
        }
    }
}
