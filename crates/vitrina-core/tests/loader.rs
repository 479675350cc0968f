//! The loader's contract: what the app does with a file that is not right, each row with a
//! test. The rows, as the format's description (kept outside this repository) gives them:
//!
//! | the file | the app |
//! |---|---|
//! | not JSON, empty, an HTML page (a host's 404), cut off | an error screen that says what was fetched and where parsing stopped (line and column); the follow-up list stays usable |
//! | `format` missing or higher than 1 | refuses it and says why |
//! | a member without `id` or `name`, or with a bad slug | that member is skipped; the rest loads; the problem is listed |
//! | two members with the same `id` | the first is kept; the problem is listed |
//! | an id that points to no capability, certification or event | the reference is dropped; the problem is listed |
//! | a URL field that is not `http:`/`https:` (e.g. `javascript:`), an email that is not an address | the field is dropped, never rendered as a link; the problem is listed |
//! | fields the format does not name | ignored (files may be newer than the app) |
//! | wrong types (a number where a list belongs …) | that field, or that member, is skipped; the problem is listed |
//! | what a browser's `JSON.parse` reads and serde_json refuses: a lone surrogate escape or bytes that are not UTF-8 in a string, `1e400`, nesting past 127 levels | the string is read with U+FFFD, the number as absent, the member or top-level field nested too deep is left out; the problem is listed (issue 13) |
//!
//! "The problem is listed": the data maintainer sees every problem, with the member id and
//! the field, in one place in the app and in `vitrina check`; a visitor sees
//! the directory without them. Nothing in the file is ever interpreted as HTML. The fields
//! and their types are those of `data/directory.schema.json`.

mod common;

use vitrina_core::model::{Aliases, EventKind, MemberKind};
use vitrina_core::problem::{Action, Expected, ProblemKind, Vocabulary};
use vitrina_core::{load_directory, Lang, LoadError, Loaded, Problem, Text};

/// A file of `tests/fixtures/broken/`.
fn fixture(name: &str) -> Vec<u8> {
    common::read(&format!("tests/fixtures/broken/{name}"))
}

fn load(json: &str) -> Loaded {
    load_directory(json.as_bytes()).unwrap_or_else(|e| panic!("should load, got: {e}"))
}

/// A directory with the given members and a small vocabulary.
fn with_members(members: &str) -> String {
    format!(
        r#"{{ "format": 1, "cluster": {{ "name": "Clúster", "languages": ["es", "en"] }},
            "capability_groups": [ {{ "id": "metal", "label": {{ "es": "Metal", "en": "Metal" }} }} ],
            "capabilities": [ {{ "id": "stamping", "group": "metal", "label": {{ "es": "Estampado", "en": "Stamping" }} }},
                              {{ "id": "machining", "group": "metal", "label": "Maquinado", "aliases": ["CNC"] }} ],
            "certifications": [ {{ "id": "iatf-16949", "label": "IATF 16949" }} ],
            "events": [ {{ "id": "paace-2026", "name": "INA PAACE 2026", "kind": "fair", "start": "2026-07-08", "end": "2026-07-10" }} ],
            "members": [ {members} ] }}"#
    )
}

/// Asserts that exactly one problem was found, at `field`, of the given kind and action.
fn check_one_problem(loaded: &Loaded, field: &str, kind: ProblemKind, action: Action) {
    assert_eq!(loaded.problems.len(), 1, "problems: {:#?}", loaded.problems);
    let problem = &loaded.problems[0];
    assert_eq!(problem.field, field);
    assert_eq!(problem.kind, kind);
    assert_eq!(problem.action, action);
}

fn check_fatal(bytes: &[u8], expected: LoadError) {
    assert_eq!(load_directory(bytes).err(), Some(expected));
}

// ---- files that cannot be read at all -----------------------------------------------------

#[test]
fn html_404_page_is_refused_as_html() {
    check_fatal(&fixture("html-404.json"), LoadError::Html);
}

#[test]
fn empty_file_is_refused() {
    check_fatal(&fixture("empty.json"), LoadError::Empty);
    check_fatal(b"  \n\t ", LoadError::Empty);
}

#[test]
fn cut_off_file_says_where_parsing_stopped() {
    let error = load_directory(&fixture("cut-off.json")).unwrap_err();
    match &error {
        LoadError::Syntax { line, column, cut_off, .. } => {
            assert_eq!((*line, *cut_off), (5, true));
            assert!(*column > 30, "column {column}");
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
    assert_eq!(error.position().map(|(line, _)| line), Some(5));
    let es = error.message(Lang::Es);
    assert!(es.contains("cortado") && es.contains("línea 5"), "{es}");
    assert!(error.message(Lang::En).contains("line 5"));
}

#[test]
fn not_json_says_line_and_column() {
    let error = load_directory(&fixture("not-json.json")).unwrap_err();
    assert!(matches!(error, LoadError::Syntax { line: 1, column: 1, cut_off: false, .. }), "{error:?}");
    assert!(error.message(Lang::En).contains("line 1, column 1"));
}

/// Bytes that are not UTF-8 outside any string break JSON's syntax in a browser too.
#[test]
fn invalid_utf8_outside_a_string_is_refused_with_offset() {
    check_fatal(b"{\"format\": 1, \"x\": \"\xff\", \xff \"members\": []}", LoadError::NotUtf8 { offset: 24 });
    check_fatal(b"\xEF\xBB\xBF{\"format\": 1, \xff \"members\": []}", LoadError::NotUtf8 { offset: 14 });
}

#[test]
fn byte_order_mark_is_skipped_and_listed() {
    let loaded = load_directory(&fixture("bom.json")).expect("a BOM does not stop the load");
    assert_eq!(loaded.directory.members.len(), 1);
    check_one_problem(&loaded, "(file)", ProblemKind::ByteOrderMark, Action::Ignored);
}

#[test]
fn format_missing_or_higher_is_refused_naming_both_numbers() {
    check_fatal(&fixture("format-missing.json"), LoadError::FormatMissing);
    let error = load_directory(&fixture("format-2.json")).unwrap_err();
    assert_eq!(error, LoadError::FormatUnsupported { found: "2".into(), supported: 1 });
    let message = error.message(Lang::En);
    assert!(message.contains("format 2") && message.contains("format 1"), "{message}");
    check_fatal(br#"{"format": "1", "members": []}"#, LoadError::FormatNotANumber { found: "\"1\"".into() });
    check_fatal(br#"{"format": 1.5, "members": []}"#, LoadError::FormatNotWhole { found: "1.5".into() });
    check_fatal(br#"{"format": 0, "members": []}"#, LoadError::FormatUnsupported { found: "0".into(), supported: 1 });
}

#[test]
fn top_level_must_be_an_object_with_members() {
    check_fatal(b"[1, 2]", LoadError::NotAnObject);
    check_fatal(b"\"directory\"", LoadError::NotAnObject);
    check_fatal(br#"{"format": 1}"#, LoadError::MembersMissing);
    check_fatal(br#"{"format": 1, "members": {}}"#, LoadError::MembersNotAList);
}

/// `JSON.parse` reads nesting far deeper than serde_json's 128 levels: only the field that is too
/// deep is lost (issue 13), and 100,000 levels are no crash.
#[test]
fn deep_nesting_drops_that_field_not_the_file_and_is_no_crash() {
    let deep = format!(
        r#"{{"format": 1, "cluster": {{"name": "C"}}, "members": [], "x": {}{}}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let loaded = load(&deep);
    check_one_problem(&loaded, "x", ProblemKind::TooDeep, Action::DroppedField);
}

// ---- members that are skipped --------------------------------------------------------------

#[test]
fn member_without_id_or_name_is_skipped_and_the_rest_loads() {
    let loaded = load(&with_members(r#"{ "name": "Sin id" }, { "id": "sin-nombre" }, { "id": "ok", "name": "Bien" }"#));
    let ids: Vec<_> = loaded.directory.members.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["ok"]);
    assert_eq!(loaded.problems.len(), 2);
    assert_eq!((loaded.problems[0].member.as_deref(), loaded.problems[0].field.as_str()), (None, "members[0].id"));
    assert_eq!(
        (loaded.problems[1].member.as_deref(), loaded.problems[1].field.as_str()),
        (Some("sin-nombre"), "members[1].name")
    );
    assert!(loaded.problems.iter().all(|p| p.kind == ProblemKind::Missing && p.action == Action::SkippedMember));
}

#[test]
fn member_with_bad_slug_is_skipped() {
    for bad in ["Aceros Del Norte", "acero_norte", "ñandú", ""] {
        let loaded = load(&with_members(&format!(r#"{{ "id": "{bad}", "name": "X" }}"#)));
        assert!(loaded.directory.members.is_empty());
        let expected = if bad.is_empty() { ProblemKind::Missing } else { ProblemKind::BadSlug { value: bad.into() } };
        check_one_problem(&loaded, "members[0].id", expected, Action::SkippedMember);
    }
}

#[test]
fn member_that_is_not_an_object_is_skipped() {
    let loaded = load(&with_members(r#""aceros", 7, null, { "id": "ok", "name": "Bien" }"#));
    assert_eq!(loaded.directory.members.len(), 1);
    assert_eq!(loaded.problems.len(), 3);
    assert!(loaded.problems.iter().all(|p| p.action == Action::SkippedMember));
}

#[test]
fn duplicate_member_ids_keep_the_first() {
    let loaded = load(&with_members(r#"{ "id": "a", "name": "Primero" }, { "id": "a", "name": "Segundo" }"#));
    assert_eq!(loaded.directory.members.len(), 1);
    assert_eq!(loaded.directory.members[0].name, "Primero");
    check_one_problem(&loaded, "members[1].id", ProblemKind::DuplicateId { id: "a".into() }, Action::KeptFirst);
    assert_eq!(loaded.problems[0].member.as_deref(), Some("a"));
}

// ---- references and fields that are dropped ------------------------------------------------

#[test]
fn dangling_references_are_dropped_and_listed() {
    let loaded = load(&with_members(
        r#"{ "id": "a", "name": "A", "capabilities": ["stamping", "welding"], "needs": ["painting"],
             "certifications": ["iatf-16949", { "id": "iso-9001" }], "events": [{ "id": "paace-2026", "stand": "B-1" }, "expo-2030"] }"#,
    ));
    let member = &loaded.directory.members[0];
    assert_eq!(member.capabilities.iter().map(|c| c.as_str()).collect::<Vec<_>>(), ["stamping"]);
    assert!(member.needs.is_empty());
    assert_eq!(member.certifications.len(), 1);
    assert_eq!(member.events.len(), 1);
    assert_eq!(member.events[0].stand.as_deref(), Some("B-1"));
    let dangling: Vec<_> = loaded
        .problems
        .iter()
        .map(|p| match &p.kind {
            ProblemKind::UnknownReference { id, vocabulary } => (p.field.as_str(), id.as_str(), *vocabulary, p.action),
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(
        dangling,
        [
            ("members[0].capabilities[1]", "welding", Vocabulary::Capability, Action::DroppedReference),
            ("members[0].needs[0]", "painting", Vocabulary::Capability, Action::DroppedReference),
            ("members[0].certifications[1].id", "iso-9001", Vocabulary::Certification, Action::DroppedReference),
            ("members[0].events[1]", "expo-2030", Vocabulary::Event, Action::DroppedReference),
        ]
    );
}

#[test]
fn capability_pointing_to_missing_group_keeps_capability_without_group() {
    let json = r#"{ "format": 1, "cluster": { "name": "C" },
        "capabilities": [ { "id": "stamping", "group": "nope", "label": "Estampado" } ], "members": [] }"#;
    let loaded = load(json);
    assert_eq!(loaded.directory.capabilities[0].group, None);
    check_one_problem(
        &loaded,
        "capabilities[0].group",
        ProblemKind::UnknownReference { id: "nope".into(), vocabulary: Vocabulary::CapabilityGroup },
        Action::DroppedReference,
    );
}

#[test]
fn non_http_urls_are_dropped_never_kept() {
    for url in [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        " javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox",
        "file:///etc/passwd",
        "ftp://example.com",
        "//evil.example.com",
        "www.example.com",
    ] {
        let escaped = serde_json::to_string(url).unwrap();
        let loaded = load(&with_members(&format!(r#"{{ "id": "a", "name": "A", "website": {escaped} }}"#)));
        assert_eq!(loaded.directory.members[0].website, None, "{url}");
        assert_eq!(loaded.problems.len(), 1, "{url}");
        assert_eq!(loaded.problems[0].field, "members[0].website");
        assert!(matches!(loaded.problems[0].kind, ProblemKind::UnsafeUrl { .. }));
        assert_eq!(loaded.problems[0].action, Action::DroppedField);
    }
}

#[test]
fn bad_emails_and_phones_are_dropped() {
    let loaded = load(&with_members(
        r#"{ "id": "a", "name": "A", "contacts": [
             { "id": "ana", "name": "Ana", "email": "ana at example.com", "phone": "llamar", "whatsapp": "614 555 0101" },
             { "id": "luis", "name": "Luis", "email": "luis@example.com", "phone": "+52 (614) 555-0102", "whatsapp": "+52 614 555 0102" } ] }"#,
    ));
    let contacts = &loaded.directory.members[0].contacts;
    assert_eq!(
        (contacts[0].email.is_none(), contacts[0].phone.is_none(), contacts[0].whatsapp.is_none()),
        (true, true, true)
    );
    assert_eq!(contacts[1].email.as_ref().map(|e| e.as_str()), Some("luis@example.com"));
    assert_eq!(contacts[1].phone.as_deref(), Some("+52 (614) 555-0102"));
    assert_eq!(contacts[1].whatsapp.as_ref().map(|w| w.as_str()), Some("+526145550102"));
    let fields: Vec<_> = loaded.problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(
        fields,
        ["members[0].contacts[0].email", "members[0].contacts[0].phone", "members[0].contacts[0].whatsapp"]
    );
}

#[test]
fn wrong_types_drop_the_field_for_each_field_kind() {
    let cases: &[(&str, &str, Expected)] = &[
        ("legal_name", "12", Expected::String),
        ("pitch", "[\"a\"]", Expected::Text),
        ("description", "42", Expected::Text),
        ("capabilities", "\"stamping\"", Expected::List),
        ("needs", "{}", Expected::List),
        ("certifications", "true", Expected::List),
        ("customers", "\"Ensambladora\"", Expected::List),
        ("employees", "\"120\"", Expected::Integer),
        ("employees", "12.5", Expected::Integer),
        ("founded", "\"1998\"", Expected::Integer),
        ("investment_musd", "\"15\"", Expected::Number),
        ("languages", "\"es\"", Expected::List),
        ("location", "\"Chihuahua\"", Expected::Object),
        ("website", "[]", Expected::String),
        ("success_cases", "{}", Expected::List),
        ("events", "\"paace-2026\"", Expected::List),
        ("verified_on", "20261101", Expected::String),
        ("contacts", "{}", Expected::List),
        ("kind", "1", Expected::String),
    ];
    for (field, value, expected) in cases {
        let loaded = load(&with_members(&format!(r#"{{ "id": "a", "name": "A", "{field}": {value} }}"#)));
        assert_eq!(loaded.directory.members.len(), 1, "{field}: {value}");
        check_one_problem(
            &loaded,
            &format!("members[0].{field}"),
            ProblemKind::WrongType { expected: *expected },
            Action::DroppedField,
        );
        assert_eq!(loaded.problems[0].member.as_deref(), Some("a"));
    }
}

#[test]
fn wrong_types_inside_lists_skip_the_entry() {
    let loaded = load(&with_members(
        r#"{ "id": "a", "name": "A", "customers": ["Uno", 2, "Tres"], "capabilities": ["stamping", 5],
             "success_cases": ["texto", { "summary": "sin título" }, { "title": "Bien", "year": 2024 }],
             "contacts": [7, { "id": "x" }, { "id": "ana", "name": "Ana" }] }"#,
    ));
    let member = &loaded.directory.members[0];
    assert_eq!(member.customers, ["Uno", "Tres"]);
    assert_eq!(member.capabilities.len(), 1);
    assert_eq!(member.success_cases.len(), 1);
    assert_eq!(member.contacts.len(), 1);
    assert_eq!(loaded.problems.len(), 6, "{:#?}", loaded.problems);
}

#[test]
fn out_of_range_numbers_and_bad_codes_are_dropped() {
    let loaded = load(&with_members(
        r#"{ "id": "a", "name": "A", "employees": -1, "investment_musd": -2.5, "founded": 30000,
             "location": { "city": "Chihuahua", "lat": 91, "lon": -106.1, "country": "MEX" }, "languages": ["es", "español"] }"#,
    ));
    let member = &loaded.directory.members[0];
    assert_eq!((member.employees, member.investment_musd, member.founded), (None, None, None));
    let location = member.location.as_ref().expect("location kept");
    // lat is out of range, and half a coordinate is useless: lon goes too, under lat's problem.
    assert_eq!((location.city.as_deref(), location.lat, location.lon), (Some("Chihuahua"), None, None));
    assert_eq!(member.languages.len(), 1);
    assert_eq!(loaded.problems.len(), 6, "{:#?}", loaded.problems);
}

#[test]
fn unknown_kinds_and_dates_are_dropped() {
    let loaded = load(&with_members(r#"{ "id": "a", "name": "A", "kind": "tier4", "verified_on": "2026-02-30" }"#));
    assert_eq!(loaded.directory.members[0].kind, None);
    assert_eq!(loaded.problems.len(), 2);
    assert!(matches!(&loaded.problems[0].kind, ProblemKind::NotAllowed { value, .. } if value == "tier4"));
    assert!(matches!(&loaded.problems[1].kind, ProblemKind::BadDate { value } if value == "2026-02-30"));
}

#[test]
fn unknown_fields_are_ignored_silently() {
    let loaded =
        load(&with_members(r#"{ "id": "a", "name": "A", "tiktok": "https://example.com", "rating": { "stars": 5 } }"#));
    assert!(loaded.problems.is_empty());
    assert_eq!(loaded.directory.members.len(), 1);
}

#[test]
fn both_shapes_are_read_and_may_be_mixed() {
    let loaded = load(&with_members(
        r#"{ "id": "a", "name": "A", "kind": "tier2",
             "certifications": ["iatf-16949"],
             "events": ["paace-2026"] },
           { "id": "b", "name": "B",
             "certifications": [{ "id": "iatf-16949", "valid_until": "2025-01-31", "site": { "es": "Planta 1" }, "body": "TÜV" }],
             "events": [{ "id": "paace-2026", "stand": "B-214" }] }"#,
    ));
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    let [a, b] = &loaded.directory.members[..] else { panic!("two members") };
    assert_eq!(a.kind, Some(MemberKind::Tier2));
    assert_eq!(a.certifications[0].valid_until, None);
    let today = vitrina_core::valid::IsoDate::parse("2026-11-25").unwrap();
    assert!(b.certifications[0].is_expired(today));
    assert!(!a.certifications[0].is_expired(today));
    assert_eq!(b.events[0].stand.as_deref(), Some("B-214"));
    assert!(matches!(loaded.directory.capabilities[1].aliases, Aliases::Plain(_)));
}

#[test]
fn problems_render_in_both_languages() {
    let loaded = load(&with_members(r#"{ "id": "a", "name": "A", "website": "javascript:alert(1)" }"#));
    let problem: &Problem = &loaded.problems[0];
    assert!(problem.describe(Lang::Es).contains("no es una dirección"));
    assert!(problem.describe(Lang::En).contains("is not a complete http"));
    assert_eq!(problem.describe_action(Lang::Es), "se omitió el campo");
    assert_eq!(
        problem.to_string(),
        "[a] members[0].website: “javascript:alert(1)” is not a complete http: or https: address (field dropped)"
    );
}

// ---- regressions found in review -----------------------------------------------------------

/// The problems as (field, kind, action), for comparing whole lists.
fn listed(loaded: &Loaded) -> Vec<(&str, ProblemKind, Action)> {
    loaded.problems.iter().map(|p| (p.field.as_str(), p.kind.clone(), p.action)).collect()
}

#[test]
fn cluster_without_a_usable_name_is_listed_once_and_shows_a_stand_in() {
    let missing_name = || ("cluster.name", ProblemKind::Missing);
    let cases: &[(&str, (&str, ProblemKind))] = &[
        (r#""cluster": {},"#, missing_name()),
        (r#""cluster": { "name": null },"#, missing_name()),
        (r#""cluster": { "name": "  " },"#, missing_name()),
        (r#""cluster": { "languages": ["es"] },"#, missing_name()),
        (r#""cluster": { "name": 5 },"#, ("cluster.name", ProblemKind::WrongType { expected: Expected::String })),
        ("", ("cluster", ProblemKind::Missing)),
        (r#""cluster": null,"#, ("cluster", ProblemKind::Missing)),
        (r#""cluster": "Clúster","#, ("cluster", ProblemKind::WrongType { expected: Expected::Object })),
    ];
    for (cluster, (field, kind)) in cases {
        let loaded = load(&format!(r#"{{ "format": 1, {cluster} "members": [] }}"#));
        check_one_problem(&loaded, field, kind.clone(), Action::UsedFallback);
        assert_eq!(loaded.directory.cluster.name, "", "{cluster}");
        assert_eq!(loaded.directory.cluster.display_name(), "Vitrina", "{cluster}");
    }
    let named = load(r#"{ "format": 1, "cluster": { "name": " Clúster " }, "members": [] }"#);
    assert!(named.problems.is_empty());
    assert_eq!(named.directory.cluster.display_name(), "Clúster");
}

#[test]
fn language_tag_problems_name_the_index_in_the_file() {
    let cases: &[(&str, &[&str])] = &[
        (r#"[null, "es", "spanish"]"#, &["languages[2]"]),
        (r#"["", "es", "es", "  ", "spanish"]"#, &["languages[4]"]),
        (r#"[5, "spanish", "en"]"#, &["languages[0]", "languages[1]"]),
    ];
    for (list, fields) in cases {
        let member = load(&with_members(&format!(r#"{{ "id": "a", "name": "A", "languages": {list} }}"#)));
        let got: Vec<_> = member.problems.iter().map(|p| p.field.as_str()).collect();
        let want: Vec<_> = fields.iter().map(|f| format!("members[0].{f}")).collect();
        assert_eq!(got, want, "{list}");
        let cluster =
            load(&format!(r#"{{ "format": 1, "cluster": {{ "name": "C", "languages": {list} }}, "members": [] }}"#));
        let got: Vec<_> = cluster.problems.iter().map(|p| p.field.as_str()).collect();
        let want: Vec<_> = fields.iter().map(|f| format!("cluster.{f}")).collect();
        assert_eq!(got, want, "{list}");
    }
}

#[test]
fn whole_numbers_may_be_written_with_a_decimal_point() {
    for format in ["1.0", "1e0", "1.000"] {
        let loaded = load(&format!(r#"{{ "format": {format}, "cluster": {{ "name": "C" }}, "members": [] }}"#));
        assert!(loaded.problems.is_empty(), "format {format}");
        assert_eq!(loaded.directory.format, 1);
    }
    let loaded = load(&with_members(
        r#"{ "id": "a", "name": "A", "employees": 5.0, "founded": 1998.0, "success_cases": [{ "title": "T", "year": 2020.0 }] }"#,
    ));
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    let member = &loaded.directory.members[0];
    assert_eq!((member.employees, member.founded, member.success_cases[0].year), (Some(5), Some(1998), Some(2020)));
}

#[test]
fn fractions_are_not_whole_numbers() {
    let fatal: &[(&str, LoadError)] = &[
        ("1.5", LoadError::FormatNotWhole { found: "1.5".into() }),
        ("0.999", LoadError::FormatNotWhole { found: "0.999".into() }),
        ("2.0", LoadError::FormatUnsupported { found: "2".into(), supported: 1 }),
        ("-1", LoadError::FormatUnsupported { found: "-1".into(), supported: 1 }),
    ];
    for (format, expected) in fatal {
        check_fatal(format!(r#"{{ "format": {format}, "members": [] }}"#).as_bytes(), expected.clone());
    }
    let message = LoadError::FormatNotWhole { found: "1.5".into() };
    assert!(message.message(Lang::En).contains("whole number"), "{}", message.message(Lang::En));
    assert!(message.message(Lang::Es).contains("número entero"), "{}", message.message(Lang::Es));

    let cases: &[(&str, &str, ProblemKind)] = &[
        ("employees", "12.5", ProblemKind::WrongType { expected: Expected::Integer }),
        ("founded", "1998.5", ProblemKind::WrongType { expected: Expected::Integer }),
        ("employees", "-3.0", ProblemKind::OutOfRange { value: "-3.0".into() }),
        ("employees", "1e300", ProblemKind::OutOfRange { value: "1e+300".into() }),
        ("founded", "30000.0", ProblemKind::OutOfRange { value: "30000.0".into() }),
    ];
    for (field, value, kind) in cases {
        let loaded = load(&with_members(&format!(r#"{{ "id": "a", "name": "A", "{field}": {value} }}"#)));
        check_one_problem(&loaded, &format!("members[0].{field}"), kind.clone(), Action::DroppedField);
    }
    let loaded =
        load(&with_members(r#"{ "id": "a", "name": "A", "success_cases": [{ "title": "T", "year": 2020.5 }] }"#));
    check_one_problem(
        &loaded,
        "members[0].success_cases[0].year",
        ProblemKind::WrongType { expected: Expected::Integer },
        Action::DroppedField,
    );
}

#[test]
fn a_dropped_duplicate_lists_only_that_it_is_a_duplicate() {
    let duplicates = [
        r#"{ "id": "a", "name": "Segundo", "website": "javascript:alert(1)", "kind": "tier9", "capabilities": ["nope"] }"#,
        r#"{ "id": "a" }"#,
        r#"{ "id": " a ", "name": "Segundo", "employees": "many" }"#,
    ];
    for duplicate in duplicates {
        let loaded = load(&with_members(&format!(r#"{{ "id": "a", "name": "Primero" }}, {duplicate}"#)));
        assert_eq!(loaded.directory.members.len(), 1);
        assert_eq!(loaded.directory.members[0].name, "Primero");
        check_one_problem(&loaded, "members[1].id", ProblemKind::DuplicateId { id: "a".into() }, Action::KeptFirst);
        assert_eq!(loaded.problems[0].member.as_deref(), Some("a"));
    }
    // A first one that is skipped keeps nothing, so the next with its id is kept.
    let loaded = load(&with_members(r#"{ "id": "a" }, { "id": "a", "name": "Segundo" }"#));
    assert_eq!(loaded.directory.members[0].name, "Segundo");
    check_one_problem(&loaded, "members[0].name", ProblemKind::Missing, Action::SkippedMember);
}

#[test]
fn half_a_coordinate_is_dropped_and_listed() {
    let half = |missing| ProblemKind::HalfCoordinate { missing };
    let out_of_range = |value: &str| ProblemKind::OutOfRange { value: value.into() };
    let cases: &[(&str, Option<(&str, ProblemKind)>)] = &[
        (r#""lat": 28.6"#, Some(("lat", half("lon")))),
        (r#""lat": 28.6, "lon": null"#, Some(("lat", half("lon")))),
        (r#""lon": -106.1"#, Some(("lon", half("lat")))),
        (r#""lat": null, "lon": -106.1"#, Some(("lon", half("lat")))),
        // The other half is there but unusable: its own problem is the one listed.
        (r#""lat": 28.6, "lon": 200"#, Some(("lon", out_of_range("200")))),
        (r#""lat": 91, "lon": -106.1"#, Some(("lat", out_of_range("91")))),
        (r#""lat": -90.5, "lon": -106.1"#, Some(("lat", out_of_range("-90.5")))),
        (r#""lat": 28.6, "lon": -180.01"#, Some(("lon", out_of_range("-180.01")))),
        (r#""lat": "28.6", "lon": -106.1"#, Some(("lat", ProblemKind::WrongType { expected: Expected::Number }))),
        (r#""lat": 28.6, "lon": -106.1"#, None),
        (r#""lat": 90, "lon": 180"#, None),
    ];
    for (coordinates, problem) in cases {
        let loaded = load(&with_members(&format!(
            r#"{{ "id": "a", "name": "A", "location": {{ "city": "Chihuahua", {coordinates} }} }}"#
        )));
        let location = loaded.directory.members[0].location.as_ref().expect("the city keeps the location");
        assert_eq!(location.city.as_deref(), Some("Chihuahua"));
        match problem {
            Some((field, kind)) => {
                check_one_problem(&loaded, &format!("members[0].location.{field}"), kind.clone(), Action::DroppedField);
                assert_eq!((location.lat, location.lon), (None, None), "{coordinates}");
            }
            None => {
                assert!(loaded.problems.is_empty(), "{coordinates}: {:#?}", loaded.problems);
                assert!(location.lat.is_some() && location.lon.is_some(), "{coordinates}");
            }
        }
    }
    // With nothing else in it, a location of half a coordinate is no location.
    let loaded = load(&with_members(r#"{ "id": "a", "name": "A", "location": { "lat": 28.6 } }"#));
    assert_eq!(loaded.directory.members[0].location, None);
    assert_eq!(loaded.problems.len(), 1);
}

#[test]
fn unknown_kinds_list_the_names_of_their_own_enum() {
    let member = load(&with_members(r#"{ "id": "a", "name": "A", "kind": "tier4" }"#));
    let event = load(
        r#"{ "format": 1, "cluster": { "name": "C" }, "members": [],
             "events": [ { "id": "e", "name": "E", "kind": "party" } ] }"#,
    );
    for (loaded, field, value, allowed) in [
        (&member, "members[0].kind", "tier4", MemberKind::NAMES),
        (&event, "events[0].kind", "party", EventKind::NAMES),
    ] {
        check_one_problem(
            loaded,
            field,
            ProblemKind::NotAllowed { value: value.into(), allowed },
            Action::DroppedField,
        );
        let message = loaded.problems[0].describe(Lang::En);
        assert!(allowed.iter().all(|name| message.contains(name)), "{message}");
    }
    assert!(member.problems[0].describe(Lang::En).contains("institution"));
    assert!(event.problems[0].describe(Lang::En).contains("conference"));
}

/// A value for a text field, what loads from it, and the one problem (path suffix, kind, action) if any.
type TextCase = (&'static str, Option<Text>, Option<(&'static str, ProblemKind, Action)>);

#[test]
fn blank_text_is_absent_and_a_text_object_with_nothing_in_it_is_listed() {
    let by_lang = |pairs: &[(&str, &str)]| {
        Some(Text::ByLang(pairs.iter().map(|(tag, text)| (tag.to_string(), text.to_string())).collect()))
    };
    // (value, what loads, the one problem if any)
    let cases: &[TextCase] = &[
        (r#""""#, None, None),
        (r#""   ""#, None, None),
        ("null", None, None),
        (r#""  Hola ""#, Some(Text::Plain("Hola".into())), None),
        (r#"{ "es": "  ", "en": null }"#, None, Some(("", ProblemKind::Empty, Action::DroppedField))),
        (r#"{ "es": "", "en": "" }"#, None, Some(("", ProblemKind::Empty, Action::DroppedField))),
        (r#"{ "es": null }"#, None, Some(("", ProblemKind::Empty, Action::DroppedField))),
        ("{}", None, Some(("", ProblemKind::Empty, Action::DroppedField))),
        (r#"{ "es": "  ", "en": "Hello" }"#, by_lang(&[("en", "Hello")]), None),
        (
            r#"{ "es!": "Hola", "en": " " }"#,
            None,
            Some((".es!", ProblemKind::BadCode { value: "es!".into() }, Action::SkippedEntry)),
        ),
    ];
    for field in ["pitch", "description"] {
        for (value, text, problem) in cases {
            let loaded = load(&with_members(&format!(r#"{{ "id": "a", "name": "A", "{field}": {value} }}"#)));
            let member = &loaded.directory.members[0];
            let got = if field == "pitch" { &member.pitch } else { &member.description };
            assert_eq!(got, text, "{field}: {value}");
            match problem {
                Some((suffix, kind, action)) => {
                    check_one_problem(&loaded, &format!("members[0].{field}{suffix}"), kind.clone(), *action)
                }
                None => assert!(loaded.problems.is_empty(), "{field}: {value}: {:#?}", loaded.problems),
            }
        }
    }
}

#[test]
fn required_texts_that_are_blank_are_listed() {
    // A vocabulary label falls back to the id.
    let loaded = load(
        r#"{ "format": 1, "cluster": { "name": "C" }, "members": [],
             "capabilities": [ { "id": "stamping", "label": { "es": " " } }, { "id": "welding", "label": "  " } ] }"#,
    );
    assert_eq!(
        listed(&loaded),
        [
            ("capabilities[0].label", ProblemKind::Empty, Action::UsedFallback),
            ("capabilities[1].label", ProblemKind::Missing, Action::UsedFallback),
        ]
    );
    assert_eq!(loaded.directory.capabilities[1].label, Text::Plain("welding".into()));
    // A success case without a title is skipped, and only that is listed.
    let loaded = load(&with_members(
        r#"{ "id": "a", "name": "A", "success_cases": [
             { "title": "   ", "year": "last year" }, { "title": { "en": "" } }, { "summary": "S", "year": 1.5 },
             { "title": "Bien" } ] }"#,
    ));
    assert_eq!(loaded.directory.members[0].success_cases.len(), 1);
    assert_eq!(
        listed(&loaded),
        [
            ("members[0].success_cases[0].title", ProblemKind::Missing, Action::SkippedEntry),
            ("members[0].success_cases[1].title", ProblemKind::Empty, Action::SkippedEntry),
            ("members[0].success_cases[2].title", ProblemKind::Missing, Action::SkippedEntry),
        ]
    );
}

#[test]
fn headcounts_fill_the_models_range() {
    let cases: &[(&str, Option<u64>)] =
        &[("9223372036854775808", Some(1 << 63)), ("18446744073709551615", Some(u64::MAX)), ("0.0", Some(0))];
    for (value, employees) in cases {
        let loaded = load(&with_members(&format!(r#"{{ "id": "a", "name": "A", "employees": {value} }}"#)));
        assert!(loaded.problems.is_empty(), "{value}: {:#?}", loaded.problems);
        assert_eq!(loaded.directory.members[0].employees, *employees, "{value}");
    }
    let loaded = load(&with_members(r#"{ "id": "a", "name": "A", "employees": 18446744073709551616 }"#));
    assert!(matches!(loaded.problems[0].kind, ProblemKind::OutOfRange { .. }), "{:#?}", loaded.problems);
}

#[test]
fn white_space_around_a_reference_is_ignored_as_around_the_id() {
    let loaded = load(&with_members(
        r#"{ "id": " a ", "name": "A", "capabilities": [" stamping "], "needs": ["machining\n"],
             "certifications": [{ "id": " iatf-16949" }], "events": ["paace-2026 "] }"#,
    ));
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    let member = &loaded.directory.members[0];
    assert_eq!((member.id.as_str(), member.capabilities[0].as_str()), ("a", "stamping"));
    assert_eq!((member.needs.len(), member.certifications.len(), member.events.len()), (1, 1, 1));
}

#[test]
fn a_stray_byte_order_mark_counts_as_white_space() {
    let loaded = load(&with_members(
        r#"{ "id": "a", "name": "\ufeffAceros\ufeff", "pitch": "\ufeff", "customers": ["\ufeff ", "Uno"] },
           { "id": "b", "name": " \ufeff" }"#,
    ));
    let member = &loaded.directory.members[0];
    assert_eq!(
        (member.name.as_str(), &member.pitch, &member.customers[..]),
        ("Aceros", &None, &["Uno".to_owned()][..])
    );
    check_one_problem(&loaded, "members[1].name", ProblemKind::Missing, Action::SkippedMember);
}

// ---- the hostile fixture as a whole -------------------------------------------------------

#[test]
fn hostile_file_loads_what_is_safe_and_lists_everything_else() {
    let loaded = load_directory(&fixture("hostile.json")).expect("hostile file still loads");
    let directory = &loaded.directory;
    let ids: Vec<_> = directory.members.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["script-co", "tipos", "ok"]);
    let script_co = &directory.members[0];
    // Markup is kept as inert text: rendering escapes it, and no URL field survives.
    assert_eq!(script_co.name, "<script>alert('name')</script>");
    assert_eq!((script_co.website.as_ref(), script_co.linkedin.as_ref(), script_co.logo.as_ref()), (None, None, None));
    assert_eq!(directory.cluster.url, None);
    assert_eq!(directory.events[0].url, None);
    let contact = &script_co.contacts[0];
    assert_eq!(
        (contact.email.as_ref(), contact.phone.as_ref(), contact.whatsapp.as_ref(), contact.linkedin.as_ref()),
        (None, None, None, None)
    );
    assert_eq!(script_co.capabilities.len(), 1);
    // Every problem names a field, and those inside good members name the member.
    for problem in &loaded.problems {
        assert!(!problem.field.is_empty());
        if problem.field.starts_with("members[0]") {
            assert_eq!(problem.member.as_deref(), Some("script-co"), "{problem}");
        }
    }
    // Text may say "javascript:" (it is shown as text); no field that becomes a link may.
    let json: serde_json::Value = serde_json::from_str(&directory.to_json()).unwrap();
    let mut link_values = Vec::new();
    collect_link_values(&json, &mut link_values);
    for value in &link_values {
        let value = value.to_ascii_lowercase();
        for forbidden in ["javascript:", "vbscript:", "data:"] {
            assert!(!value.contains(forbidden), "{forbidden} survived in a link field: {value}");
        }
    }
    assert!(loaded.problems.len() >= 25, "{} problems: {:#?}", loaded.problems.len(), loaded.problems);
}

fn collect_link_values(value: &serde_json::Value, out: &mut Vec<String>) {
    const LINK_FIELDS: [&str; 7] = ["url", "website", "linkedin", "logo", "email", "phone", "whatsapp"];
    match value {
        serde_json::Value::Object(map) => {
            for (key, child) in map {
                match child {
                    serde_json::Value::String(s) if LINK_FIELDS.contains(&key.as_str()) => out.push(s.clone()),
                    _ => collect_link_values(child, out),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|item| collect_link_values(item, out)),
        _ => {}
    }
}

// ---- what a browser reads, the loader reads (issue 13) -------------------------------------
//
// `Response.json()` decodes bad bytes as U+FFFD and `JSON.parse` keeps lone surrogate escapes
// and reads 1e400 as Infinity; serde_json refuses all three, which refused the whole file.

#[test]
fn a_lone_surrogate_in_one_name_loads_every_member_and_lists_that_field() {
    let loaded = load_directory(&fixture("lone-surrogate.json")).expect("a lone surrogate does not stop the load");
    let names: Vec<&str> = loaded.directory.members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["Aceros del Norte", "Forjas \u{FFFD} del Bajío", "Moldes Saltillo"]);
    // A whole pair is a character, and an escaped backslash is no escape: both read as written.
    assert_eq!(loaded.directory.members[2].pitch, Some(Text::Plain("Moldes 😀 y \\ud800 escrito así".into())));
    check_one_problem(&loaded, "members[1].name", ProblemKind::LoneSurrogate, Action::Replaced);
    assert_eq!(loaded.problems[0].member.as_deref(), Some("forjas-bajio"));
}

#[test]
fn lone_surrogates_are_listed_once_per_field_wherever_they_are() {
    let file = r#"{ "format": 1, "cluster": { "name": "Cl\udc00ster \ud800\ud800" },
        "capabilities": [ { "id": "stamping", "label": { "es": "Estampado\uDBFF" } } ],
        "members": [ { "id": "uno", "name": "Uno", "customers": ["A", "B\ud800"], "extra\ud800": 1,
                       "contacts": [ { "id": "ana", "name": "Ana \udfff" } ] },
                     { "id": "dos", "name": "Dos" } ] }"#;
    let loaded = load(file);
    assert_eq!(loaded.directory.cluster.name, "Cl\u{FFFD}ster \u{FFFD}\u{FFFD}");
    assert_eq!(loaded.directory.members.len(), 2);
    assert_eq!(loaded.directory.members[0].customers, ["A", "B\u{FFFD}"]);
    let fields: Vec<(Option<&str>, &str)> =
        loaded.problems.iter().map(|p| (p.member.as_deref(), p.field.as_str())).collect();
    assert_eq!(
        fields,
        [
            (None, "cluster.name"),
            (None, "capabilities[0].label.es"),
            (Some("uno"), "members[0].customers[1]"),
            (Some("uno"), "members[0].extra\u{FFFD}"),
            (Some("uno"), "members[0].contacts[0].name"),
        ]
    );
    assert!(loaded.problems.iter().all(|p| p.kind == ProblemKind::LoneSurrogate && p.action == Action::Replaced));
}

#[test]
fn a_lone_surrogate_in_an_id_is_a_bad_slug_and_the_rest_loads() {
    let loaded = load(&with_members(r#"{ "id": "uno\ud800", "name": "Uno" }, { "id": "dos", "name": "Dos" }"#));
    assert_eq!(loaded.directory.members.len(), 1);
    assert_eq!(
        listed(&loaded),
        [
            ("members[0].id", ProblemKind::LoneSurrogate, Action::Replaced),
            ("members[0].id", ProblemKind::BadSlug { value: "uno\u{FFFD}".into() }, Action::SkippedMember),
        ]
    );
}

#[test]
fn bytes_that_are_not_utf8_inside_strings_read_as_replacement_characters() {
    let loaded = load_directory(&fixture("invalid-utf8.json")).expect("a Latin-1 letter does not stop the load");
    assert_eq!(loaded.directory.cluster.name, "Cl\u{FFFD}ster en Latin-1");
    assert_eq!(loaded.directory.members.len(), 2);
    assert_eq!(loaded.directory.members[1].legal_name.as_deref(), Some("Dos Ingenier\u{FFFD}a S.A."));
    assert_eq!(
        listed(&loaded),
        [
            ("cluster.name", ProblemKind::InvalidUtf8, Action::Replaced),
            ("members[1].legal_name", ProblemKind::InvalidUtf8, Action::Replaced),
        ]
    );
    assert_eq!(loaded.problems[1].member.as_deref(), Some("dos"));
}

#[test]
fn numbers_too_large_for_a_float_drop_the_field_not_the_file() {
    let loaded = load_directory(&fixture("number-too-large.json")).expect("1e400 does not stop the load");
    assert_eq!(loaded.directory.members.len(), 2);
    assert_eq!(loaded.directory.members[1].investment_musd, None);
    check_one_problem(
        &loaded,
        "members[1].investment_musd",
        ProblemKind::OutOfRange { value: "1e400".into() },
        Action::DroppedField,
    );
    // A whole number of 400 digits where a whole number belongs, and -1e999 where a list does.
    let huge = format!("1{}", "0".repeat(400));
    let loaded = load(&with_members(&format!(
        r#"{{ "id": "uno", "name": "Uno", "employees": {huge}, "founded": 99999999999999999999999,
              "customers": ["A", -1e999] }}"#
    )));
    assert_eq!(loaded.directory.members[0].customers, ["A"]);
    assert_eq!(
        listed(&loaded),
        [
            (
                "members[0].employees",
                ProblemKind::OutOfRange { value: "10000000000000000000…".into() },
                Action::DroppedField
            ),
            ("members[0].customers[1]", ProblemKind::OutOfRange { value: "-1e999".into() }, Action::DroppedField),
            ("members[0].founded", ProblemKind::OutOfRange { value: "1e+23".into() }, Action::DroppedField),
        ]
    );
    // A format number too large is still another format, not a missing one.
    check_fatal(
        br#"{"format": 1e400, "members": []}"#,
        LoadError::FormatUnsupported { found: "1e400".into(), supported: 1 },
    );
}

#[test]
fn a_member_nested_too_deep_is_skipped_and_the_rest_loads() {
    let loaded = load_directory(&fixture("too-deep.json")).expect("deep nesting in one member does not stop the load");
    let ids: Vec<&str> = loaded.directory.members.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["uno", "tres"]);
    check_one_problem(&loaded, "members[1]", ProblemKind::TooDeep, Action::SkippedMember);
    // The limit: 127 lists or objects one inside the other, the member's own object included.
    let nested = |levels: usize| {
        with_members(&format!(r#"{{ "id": "uno", "name": "Uno", "x": {}{} }}"#, "[".repeat(levels), "]".repeat(levels)))
    };
    assert_eq!(load(&nested(126)).problems, []);
    assert_eq!(listed(&load(&nested(127))), [("members[0]", ProblemKind::TooDeep, Action::SkippedMember)]);
}

#[test]
fn repairs_are_described_in_both_languages() {
    for kind in [ProblemKind::LoneSurrogate, ProblemKind::InvalidUtf8, ProblemKind::TooDeep] {
        let problem = Problem { member: None, field: "members[0].name".into(), kind, action: Action::Replaced };
        let (es, en) = (problem.describe(Lang::Es), problem.describe(Lang::En));
        assert!(!es.is_empty() && !en.is_empty() && es != en, "{es} / {en}");
        assert_ne!(problem.describe_action(Lang::Es), problem.describe_action(Lang::En));
    }
}

/// Issue 16: a `needs` entry that names no capability is listed (in both languages) and
/// dropped, so the capability map never counts demand for a capability that does not exist.
#[test]
fn a_need_that_names_no_capability_is_a_problem() {
    let loaded = load(&with_members(r#"{ "id": "a", "name": "A", "needs": ["stamping", "pintura"] }"#));
    assert_eq!(loaded.directory.members[0].needs.iter().map(|c| c.as_str()).collect::<Vec<_>>(), ["stamping"]);
    check_one_problem(
        &loaded,
        "members[0].needs[1]",
        ProblemKind::UnknownReference { id: "pintura".into(), vocabulary: Vocabulary::Capability },
        Action::DroppedReference,
    );
    let problem = &loaded.problems[0];
    assert_eq!(problem.member.as_deref(), Some("a"));
    assert!(problem.describe(vitrina_core::Lang::Es).contains("«pintura» no existe en la lista de capacidades"));
    assert!(problem.describe(vitrina_core::Lang::En).contains("“pintura” is not in the list of capabilities"));
}
