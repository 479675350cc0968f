//! The JSON Schema (data/directory.schema.json) and the loader must agree:
//! every file in tests/fixtures/schema/valid passes both without a problem, and every file in
//! tests/fixtures/schema/invalid (one defect each) is rejected by the schema AND refused or
//! reported by the loader. The schema cannot see dangling ids or duplicates; the loader can.
//! Nor can it see how a string was written: every file in tests/fixtures/schema/encoding (a lone
//! surrogate escape, bytes that are not UTF-8) passes the schema as a browser reads it, and the
//! loader loads all of it, listing that one string. Every fixture is read as a browser reads it
//! (`Response.json()`: U+FFFD for what is no character, Infinity, here null, for 1e400).

mod common;

use jsonschema::Validator;
use serde_json::Value;
use vitrina_core::load::browser_json;
use vitrina_core::load_directory;
use vitrina_core::model::{EventKind, MemberKind};
use vitrina_core::problem::{Action, ProblemKind};

fn schema() -> Value {
    common::read_json("data/directory.schema.json")
}

/// A draft 2020-12 validator that also asserts `format` (so `format: date` refuses 2026-02-30, as the loader does).
fn validator() -> Validator {
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schema())
        .unwrap_or_else(|e| panic!("the schema does not compile: {e}"))
}

/// Every schema error for `instance`, one line each with where it is.
fn schema_errors(validator: &Validator, instance: &Value) -> Vec<String> {
    validator.iter_errors(instance).map(|e| format!("at '{}': {e}", e.instance_path())).collect()
}

/// A fixture read as a browser's `Response.json()` reads it, as the schema would see it in a page.
fn read_as_browser(path: &str) -> Value {
    let read = browser_json::read(common::read(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    let (text, _) = browser_json::repaired(read.text.trim_start_matches('\u{feff}'));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: not JSON: {e}"))
}

/// The `*.json` files of a fixture folder (`valid` or `invalid`), sorted.
fn fixtures(kind: &str) -> Vec<String> {
    common::json_files_in(&format!("tests/fixtures/schema/{kind}"))
}

/// A fixture's file name, for messages.
fn name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

#[test]
fn schema_is_a_valid_draft_2020_12_schema() {
    let schema = schema();
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert!(schema["$id"].as_str().is_some_and(|id| id.ends_with("/directory.schema.json")));
    if let Err(e) = jsonschema::draft202012::meta::validate(&schema) {
        panic!("not a valid draft 2020-12 schema: at '{}': {e}", e.instance_path());
    }
    // Compiles, regular expressions included.
    validator();
}

/// Editors show `description` as hover help: every property the schema names has one.
/// And files may be newer than the app: no object may forbid unknown fields.
#[test]
fn schema_describes_every_property_and_allows_unknown_fields() {
    fn walk(node: &Value, at: &str, missing: &mut Vec<String>, closed: &mut Vec<String>) {
        match node {
            Value::Object(map) => {
                if map.get("additionalProperties") == Some(&Value::Bool(false))
                    || map.get("unevaluatedProperties") == Some(&Value::Bool(false))
                {
                    closed.push(at.to_owned());
                }
                if let Some(Value::Object(properties)) = map.get("properties") {
                    for (key, property) in properties {
                        if property.get("description").and_then(Value::as_str).is_none_or(str::is_empty) {
                            missing.push(format!("{at}/properties/{key}"));
                        }
                    }
                }
                for (key, child) in map {
                    walk(child, &format!("{at}/{key}"), missing, closed);
                }
            }
            Value::Array(items) => {
                for (index, child) in items.iter().enumerate() {
                    walk(child, &format!("{at}/{index}"), missing, closed);
                }
            }
            _ => {}
        }
    }
    let schema = schema();
    assert!(schema["description"].as_str().is_some_and(|d| d.contains("cannot check")));
    let (mut missing, mut closed) = (Vec::new(), Vec::new());
    walk(&schema, "#", &mut missing, &mut closed);
    assert!(missing.is_empty(), "properties without a description: {missing:#?}");
    assert!(closed.is_empty(), "objects that forbid unknown fields: {closed:#?}");
}

#[test]
fn schema_enumerations_match_the_model() {
    let schema = schema();
    let names = |value: &Value| -> Vec<String> {
        value.as_array().expect("an enum").iter().map(|v| v.as_str().expect("a string").to_owned()).collect()
    };
    let member_kinds: Vec<String> = MemberKind::ALL.iter().map(|(_, name)| (*name).to_owned()).collect();
    let event_kinds: Vec<String> = EventKind::ALL.iter().map(|(_, name)| (*name).to_owned()).collect();
    assert_eq!(names(&schema["$defs"]["member"]["properties"]["kind"]["enum"]), member_kinds);
    assert_eq!(names(&schema["$defs"]["event"]["properties"]["kind"]["enum"]), event_kinds);
}

#[test]
fn valid_fixtures_pass_the_schema_and_load_without_problems() {
    let validator = validator();
    let files = fixtures("valid");
    assert!(files.len() >= 3, "expected the valid fixtures, found {files:?}");
    let mut failures = Vec::new();
    for path in &files {
        let bytes = common::read(path);
        let errors = schema_errors(&validator, &read_as_browser(path));
        if !errors.is_empty() {
            failures.push(format!("{}: the schema rejects it: {errors:#?}", name(path)));
        }
        match load_directory(&bytes) {
            Ok(loaded) if loaded.problems.is_empty() => {}
            Ok(loaded) => failures.push(format!("{}: the loader reports {:#?}", name(path), loaded.problems)),
            Err(e) => failures.push(format!("{}: the loader refuses it: {e}", name(path))),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `/members/0/contacts/0` (a JSON pointer, as the schema validator reports places) in the loader's
/// notation, `members[0].contacts[0]`.
fn loader_field(pointer: &str) -> String {
    let mut out = String::new();
    for segment in pointer.split('/').skip(1) {
        let segment = segment.replace("~1", "/").replace("~0", "~");
        if segment.parse::<usize>().is_ok() {
            out.push_str(&format!("[{segment}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(&segment);
        }
    }
    out
}

/// Each invalid fixture has exactly one defect: the schema fails it at one place, and the loader
/// refuses the file or reports exactly one problem, at that place or inside it.
#[test]
fn invalid_fixtures_fail_the_schema_and_the_loader_objects() {
    let validator = validator();
    let files = fixtures("invalid");
    assert!(files.len() >= 15, "expected about 15 invalid fixtures, found {}", files.len());
    let mut failures = Vec::new();
    for path in &files {
        let bytes = common::read(path);
        let errors: Vec<(String, String)> = validator
            .iter_errors(&read_as_browser(path))
            .map(|e| (e.instance_path().to_string(), e.to_string()))
            .collect();
        if errors.is_empty() {
            failures.push(format!("{}: the schema accepts it", name(path)));
        }
        match load_directory(&bytes) {
            Err(_) => {}
            Ok(loaded) if loaded.problems.is_empty() => {
                failures.push(format!("{}: the loader reads it without a problem", name(path)))
            }
            Ok(loaded) if loaded.problems.len() > 1 => failures.push(format!(
                "{}: more than one defect? the loader reports {:#?}",
                name(path),
                loaded.problems
            )),
            Ok(loaded) => {
                let field = &loaded.problems[0].field;
                for (pointer, message) in &errors {
                    let place = loader_field(pointer);
                    let inside = field == &place
                        || field.starts_with(&format!("{place}."))
                        || field.starts_with(&format!("{place}["));
                    if !place.is_empty() && !inside {
                        failures.push(format!(
                            "{}: the schema and the loader disagree on where: schema at '{pointer}' ({message}), loader at '{field}'",
                            name(path)
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A string the browser reads with U+FFFD in it is valid for the schema, which sees only the parsed
/// value: the loader loads the whole file and lists that one string, read with the replacement.
#[test]
fn encoding_fixtures_pass_the_schema_and_the_loader_lists_only_the_string() {
    let validator = validator();
    let files = fixtures("encoding");
    assert!(files.len() >= 2, "expected the encoding fixtures, found {files:?}");
    let mut failures = Vec::new();
    for path in &files {
        let value = read_as_browser(path);
        let errors = schema_errors(&validator, &value);
        if !errors.is_empty() {
            failures.push(format!("{}: the schema rejects it: {errors:#?}", name(path)));
        }
        let members = value["members"].as_array().map_or(0, Vec::len);
        match load_directory(&common::read(path)) {
            Err(e) => failures.push(format!("{}: the loader refuses it: {e}", name(path))),
            Ok(loaded) => {
                let repaired =
                    |kind: &ProblemKind| matches!(kind, ProblemKind::LoneSurrogate | ProblemKind::InvalidUtf8);
                if loaded.directory.members.len() != members {
                    failures.push(format!(
                        "{}: {} of {members} members load",
                        name(path),
                        loaded.directory.members.len()
                    ));
                }
                if !matches!(&loaded.problems[..], [one] if repaired(&one.kind) && one.action == Action::Replaced) {
                    failures.push(format!("{}: expected one repaired string, got {:#?}", name(path), loaded.problems));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The sample data another part of the project ships must follow the schema.
#[test]
fn sample_directory_passes_the_schema() {
    let errors = schema_errors(&validator(), &common::read_json("data/directory.json"));
    assert!(errors.is_empty(), "data/directory.json does not follow the schema:\n{}", errors.join("\n"));
}
