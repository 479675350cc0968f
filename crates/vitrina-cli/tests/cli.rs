//! The `vitrina` binary as staff and scripts run it: exit codes, both languages, the JSON
//! report, export, publish, and an import of CSV files end to end.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn vitrina(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vitrina")).args(args).output().expect("vitrina runs")
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("exited normally")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("utf-8 stdout")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("utf-8 stderr")
}

fn repo(path: &str) -> String {
    format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> String {
    repo(&format!("tests/fixtures/broken/{name}"))
}

fn own_fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// A scratch folder unique to this test, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let path = std::env::temp_dir().join(format!("vitrina-cli-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("scratch folder");
        Scratch(path)
    }

    fn path(&self, name: &str) -> String {
        self.0.join(name).to_str().expect("utf-8 temp path").to_owned()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn help_lists_the_four_commands_in_both_languages() {
    for (args, word) in [(&["help"][..], "Órdenes"), (&["--help", "--lang", "en"], "Commands")] {
        let output = vitrina(args);
        assert_eq!(code(&output), 0);
        let text = stdout(&output);
        assert!(text.contains(word), "{text}");
        for command in ["check", "import", "export", "publish"] {
            assert!(text.contains(&format!("  {command} ")), "{command}: {text}");
        }
    }
}

#[test]
fn argument_mistakes_are_usage_errors_in_the_chosen_language() {
    for (args, message) in [
        (&["frobnicate"][..], "orden desconocida «frobnicate»"),
        (&["frobnicate", "--lang", "en"], "unknown command “frobnicate”"),
        (&["check"], "check lleva 1 ruta(s)"),
        (&["check", "a.json", "b.json", "--lang=en"], "check takes 1 path(s)"),
        (&["check", "a.json", "--lang", "fr"], "--lang is es or en"),
        (&["check", "a.json", "--verbose"], "opción desconocida «--verbose»"),
        (&["check", "a.json", "--format", "xml", "--lang", "en"], "--format is text or json"),
        (&["export", "a.json"], "falta --output (o -o) ARCHIVO"),
        (&["import", "-o", "x.json", "--lang", "en"], "import needs at least one SHEET"),
    ] {
        let output = vitrina(args);
        assert_eq!(code(&output), 2, "{args:?}");
        assert!(stderr(&output).contains(message), "{args:?}: {}", stderr(&output));
    }
}

#[test]
fn check_exit_codes_follow_the_file() {
    let output = vitrina(&["check", &repo("data/directory.json")]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
    assert!(stdout(&output).ends_with("Sin problemas.\n"));

    let hostile = fixture("hostile.json");
    let output = vitrina(&["check", &hostile, "--lang", "en"]);
    assert_eq!(code(&output), 1);
    let text = stdout(&output);
    assert!(text.contains("problems:") && text.contains("[script-co] members[0].website:"), "{text}");
    let located = text.lines().filter(|line| line.starts_with(&format!("{hostile}:"))).count();
    assert!(located > 1, "every problem line names file:line:column: {text}");

    let output = vitrina(&["check", "--lang=es", &fixture("html-404.json")]);
    assert_eq!(code(&output), 2);
    assert!(output.stdout.is_empty());
    assert!(stderr(&output).contains("página web (HTML)"), "{}", stderr(&output));
}

#[test]
fn check_json_is_one_document_whatever_happened() {
    for (file, status, exit) in [
        ("data/directory.json", "clean", 0),
        ("tests/fixtures/broken/hostile.json", "problems", 1),
        ("tests/fixtures/broken/cut-off.json", "unusable", 2),
    ] {
        let output = vitrina(&["check", &repo(file), "--format", "json", "--lang", "en"]);
        assert_eq!(code(&output), exit, "{file}");
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
        assert_eq!(report["vitrina_check"], 1);
        assert_eq!(report["status"], status, "{file}");
        for problem in report["problems"].as_array().expect("a list") {
            assert!(
                problem["line"].is_u64() && problem["column"].is_u64() && problem["field"].is_string(),
                "{problem}"
            );
        }
    }
}

#[test]
fn export_writes_a_workbook_or_three_csv_files() {
    let scratch = Scratch::new("export");
    let output = vitrina(&["export", &repo("data/directory.json"), "-o", &scratch.path("socios.xlsx"), "--lang", "en"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(stdout(&output).starts_with("Wrote "), "{}", stdout(&output));
    assert!(std::fs::read(scratch.path("socios.xlsx")).expect("written").starts_with(b"PK"));

    let output = vitrina(&["export", &repo("data/directory.json"), "-o", &scratch.path("socios.csv")]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(stdout(&output).lines().filter(|line| line.starts_with("Escrito ")).count(), 3);
    for name in ["socios.csv", "contactos.csv", "certificaciones.csv"] {
        let text = std::fs::read_to_string(scratch.path(name)).expect(name);
        assert!(text.starts_with('\u{FEFF}'), "{name}");
    }

    let output = vitrina(&["export", "--template", "-o", &scratch.path("plantilla.xlsx")]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let output = vitrina(&["export", &repo("data/directory.json"), "-o", &scratch.path("socios.txt"), "--lang", "en"]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("must end in .xlsx or .csv"));
    assert!(!Path::new(&scratch.path("socios.txt")).exists());
}

#[test]
fn exported_sheets_import_back_into_the_same_directory() {
    let scratch = Scratch::new("round-trip");
    let sample = repo("data/directory.json");
    assert_eq!(code(&vitrina(&["export", &sample, "-o", &scratch.path("socios.csv")])), 0);
    let sheets = ["socios.csv", "contactos.csv", "certificaciones.csv"].map(|name| scratch.path(name));
    let output = vitrina(&[
        "import",
        &sheets[0],
        &sheets[1],
        &sheets[2],
        "--merge",
        &sample,
        "-o",
        &scratch.path("directory.json"),
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let output = vitrina(&["check", &scratch.path("directory.json")]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
    let members = |path: &str| -> Vec<String> {
        let json: serde_json::Value = serde_json::from_slice(&std::fs::read(path).expect("read")).expect("json");
        json["members"].as_array().expect("members").iter().map(|m| m["id"].as_str().expect("id").to_owned()).collect()
    };
    assert_eq!(members(&scratch.path("directory.json")), members(&sample));
}

#[test]
fn import_of_csv_files_end_to_end() {
    let scratch = Scratch::new("import");
    let out = scratch.path("directory.json");
    // Windows-1252, semicolons: what Excel on Windows in Mexico writes.
    let legacy = repo("tests/fixtures/sheets/members-windows-1252-semicolon.csv");
    let nuevos = own_fixture("socios-nuevos.csv");
    let sample = repo("data/directory.json");

    // Into the published directory: two members added, "Hidroformado" unknown to the vocabulary.
    let output = vitrina(&["import", &legacy, &nuevos, "--merge", &sample, "-o", &out, "--lang", "en"]);
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    let problems = stderr(&output);
    assert!(problems.contains("socios-nuevos.csv: socios-nuevos, row 3, column “Procesos”"), "{problems}");
    assert!(problems.contains("Hidroformado"), "{problems}");
    let summary = stdout(&output);
    assert!(summary.contains("Wrote ") && summary.contains(" members; 1 problem(s)"), "{summary}");
    let written: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).expect("written")).expect("json");
    let members = written["members"].as_array().expect("members");
    let aceros = members.iter().find(|m| m["name"] == "Aceros Nuevos").expect("imported");
    assert_eq!(aceros["kind"], "tier2");
    assert_eq!(aceros["capabilities"], serde_json::json!(["stamping", "deep-drawing"]));
    assert_eq!(aceros["contacts"][0]["phone"], "+526145550101");
    assert!(members.iter().any(|m| m["name"] == "Ñandú"), "the Windows-1252 file's members are in");
    assert!(members.iter().any(|m| m["id"] == "armadora-del-norte"), "published members are kept");
    assert_eq!(code(&vitrina(&["check", &out])), 0, "the result checks clean");

    // Spanish messages, and the unknown capability added on request.
    let output = vitrina(&["import", &nuevos, "--merge", &sample, "--add-unmatched", "-o", &out]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(stdout(&output).contains("Escrito "), "{}", stdout(&output));
    let written: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).expect("written")).expect("json");
    let capabilities = written["capabilities"].as_array().expect("capabilities");
    assert!(capabilities.iter().any(|c| c["label"] == "Hidroformado"), "added as new");

    // A file that is not a spreadsheet: nothing is written.
    let broken = scratch.path("broken.json");
    let output = vitrina(&["import", &repo("tests/fixtures/sheets/pdf-renamed.xlsx"), "-o", &broken]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("No se escribió nada."), "{}", stderr(&output));
    assert!(!Path::new(&broken).exists());
}

#[test]
fn publish_writes_the_app_and_the_checked_directory() {
    let scratch = Scratch::new("publish");
    let app = scratch.path("dist");
    std::fs::create_dir_all(format!("{app}/staff")).expect("app");
    std::fs::write(format!("{app}/index.html"), "<!doctype html>").expect("index");
    std::fs::write(format!("{app}/staff/index.html"), "staff").expect("staff");
    let site = scratch.path("site");
    let sample = repo("data/directory.json");
    let output = vitrina(&["publish", &site, "--app", &app, "--directory", &sample, "--lang", "en"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("Copied 2 files") && text.contains("data/directory.json: 114 members"), "{text}");
    assert!(Path::new(&format!("{site}/staff/index.html")).is_file());
    let published = std::fs::read(format!("{site}/data/directory.json")).expect("written");
    let loaded = vitrina_core::load_directory(&published).expect("loads");
    assert!(loaded.problems.is_empty());
    assert_eq!(String::from_utf8(published).expect("utf-8"), vitrina_sheets::directory_json(&loaded.directory));

    // A directory that does not load is refused and nothing is written.
    let refused = scratch.path("refused");
    let output = vitrina(&["publish", &refused, "--app", &app, "--directory", &fixture("html-404.json")]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("No se escribió nada."), "{}", stderr(&output));
    assert!(!Path::new(&refused).exists());
    // So is an app folder that is not a built app.
    let output = vitrina(&["publish", &refused, "--app", &site, "--directory", &sample, "--lang", "en"]);
    assert_eq!(code(&output), 0, "the published site is itself a built app: {}", stderr(&output));
    let output = vitrina(&[
        "publish",
        &scratch.path("x"),
        "--app",
        &scratch.path("nothing"),
        "--directory",
        &sample,
        "--lang",
        "en",
    ]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("is not a built app"), "{}", stderr(&output));
}

#[test]
fn a_saved_mapping_assigns_unknown_columns_and_decides_unmatched_names() {
    use vitrina_sheets::{Column, Decision, Mapping, Target};
    let scratch = Scratch::new("mapping");
    let sheet = own_fixture("socios-giro.csv");
    let sample = repo("data/directory.json");
    let out = scratch.path("directory.json");

    let output = vitrina(&["import", &sheet, "--merge", &sample, "-o", &out, "--lang", "en"]);
    assert_eq!(code(&output), 1);
    assert!(stderr(&output).contains("column “Giro”"), "{}", stderr(&output));

    let mut mapping = Mapping::default();
    mapping.assign("Giro", Target::Column(Column::Capabilities));
    mapping.decisions.capabilities.insert("hidroformado".into(), Decision::Add { group: None });
    let mapping_path = scratch.path("mapeo.json");
    std::fs::write(&mapping_path, mapping.to_json()).expect("mapping written");
    let output = vitrina(&["import", &sheet, "--merge", &sample, "--mapping", &mapping_path, "-o", &out]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let written: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).expect("written")).expect("json");
    let member = |name: &str| {
        written["members"].as_array().expect("members").iter().find(|m| m["name"] == name).cloned().expect(name)
    };
    assert_eq!(member("Troqueles del Valle")["capabilities"], serde_json::json!(["stamping"]));
    assert_eq!(member("Hidro Norte")["capabilities"].as_array().map(Vec::len), Some(1));

    std::fs::write(&mapping_path, "{ \"version\": 99 }").expect("written");
    let output =
        vitrina(&["import", &sheet, "--mapping", &mapping_path, "-o", &scratch.path("no.json"), "--lang", "en"]);
    assert_eq!(code(&output), 2);
    assert!(!Path::new(&scratch.path("no.json")).exists());
}

/// Issue 16: `vitrina check` warns about a `needs` entry that names no capability, saying
/// where it is and which id, and exits 1 (problems) rather than 0.
#[test]
fn check_warns_about_a_need_that_names_no_capability() {
    let scratch = Scratch::new("unknown-need");
    let file = scratch.path("directory.json");
    let json = r#"{ "format": 1, "cluster": { "name": "C" },
        "capabilities": [ { "id": "stamping", "label": "Estampado" } ],
        "members": [ { "id": "a", "name": "A", "needs": ["stamping", "pintura"] } ] }"#;
    std::fs::write(&file, json).expect("scratch file");
    let output = vitrina(&["check", &file, "--lang", "en"]);
    assert_eq!(code(&output), 1, "{}", stdout(&output));
    let text = stdout(&output);
    assert!(
        text.contains("[a] members[0].needs[1]") && text.contains("“pintura” is not in the list of capabilities"),
        "{text}"
    );
    assert!(!text.contains("needs[0]"), "a known need is fine: {text}");
}
