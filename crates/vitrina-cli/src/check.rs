//! `vitrina check FILE`: the command-line check the format page promises the staff who keep the
//! directory file: the same loader as the app, every problem on its own line with the member,
//! the field and where it is in the file (line:column), or as JSON for scripts.
//!
//! The JSON shape is stable (`"vitrina_check": 1` names its version; fields are only ever added):
//!
//! ```json
//! { "vitrina_check": 1, "file": "directory.json", "status": "clean" | "problems" | "unusable",
//!   "error": null | { "message": "…", "line": 3 | null, "column": 7 | null },
//!   "cluster": "…" | null,
//!   "counts": null | { "members": 0, "capabilities": 0, "certifications": 0, "events": 0 },
//!   "problems": [ { "member": "id" | null, "field": "members[3].website",
//!                   "line": 12, "column": 7, "message": "…", "action": "…" } ] }
//! ```
//!
//! Messages are in the language asked for; `line` and `column` count from 1, columns in characters.

use crate::locate::{locate, Position};
use crate::text::printable;
use serde_json::json;
use std::borrow::Cow;
use std::io::{self, Write};
use std::path::Path;
use vitrina_core::{load_directory, Lang, Loaded, Problem};

/// Exit code for a file that loads without problems.
pub const CLEAN: u8 = 0;
/// Exit code for a file that loads but has problems.
pub const HAS_PROBLEMS: u8 = 1;
/// Exit code for a file that cannot be loaded at all (or read).
pub const FATAL: u8 = 2;

/// How the report is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Lines for a person.
    Text,
    /// One JSON object for a script (the shape in the module documentation).
    Json,
}

/// Reads and checks the file at `path`; the report goes to `out`, a fatal error to `err` (to
/// `out` in JSON, so a script reads one document whatever happened).
pub fn run(path: &Path, lang: Lang, format: Format, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    let name = path.display().to_string();
    match std::fs::read(path) {
        Ok(bytes) => check(&bytes, &name, lang, format, out, err),
        Err(e) => {
            let reason = e.to_string();
            let message = lang
                .pick(format!("no se pudo leer el archivo: {reason}"), format!("could not read the file: {reason}"));
            report_fatal(&name, &message, None, format, out, err)?;
            Ok(FATAL)
        }
    }
}

/// Checks the bytes of a directory file called `name`; returns the exit code.
pub fn check(
    bytes: &[u8],
    name: &str,
    lang: Lang,
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let loaded = match load_directory(bytes) {
        Ok(loaded) => loaded,
        Err(error) => {
            report_fatal(name, &error.message(lang), error.position(), format, out, err)?;
            return Ok(FATAL);
        }
    };
    let fields: Vec<&str> = loaded.problems.iter().map(|problem| problem.field.as_str()).collect();
    let positions = locate(bytes, &fields);
    match format {
        Format::Text => text_report(&loaded, &positions, name, lang, out),
        Format::Json => json_report(&loaded, &positions, name, lang, out),
    }
}

fn report_fatal(
    name: &str,
    message: &str,
    position: Option<(usize, usize)>,
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Text => writeln!(err, "{}: {}", printable(name), printable(message)),
        Format::Json => {
            let (line, column) = position.unzip();
            let report = json!({
                "vitrina_check": 1, "file": name, "status": "unusable",
                "error": { "message": message, "line": line, "column": column },
                "cluster": null, "counts": null, "problems": [],
            });
            writeln!(out, "{report:#}")
        }
    }
}

fn text_report(
    loaded: &Loaded,
    positions: &[Option<Position>],
    name: &str,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<u8> {
    let directory = &loaded.directory;
    let cluster = if directory.cluster.name.is_empty() {
        Cow::Borrowed(lang.pick("(sin nombre)", "(no name)"))
    } else {
        printable(&directory.cluster.name)
    };
    writeln!(out, "{cluster}")?;
    let (members, capabilities, certifications, events) =
        (directory.members.len(), directory.capabilities.len(), directory.certifications.len(), directory.events.len());
    let counts = lang.pick(
        format!(
            "socios: {members} · capacidades: {capabilities} · certificaciones: {certifications} · eventos: {events}"
        ),
        format!(
            "members: {members} · capabilities: {capabilities} · certifications: {certifications} · events: {events}"
        ),
    );
    writeln!(out, "{counts}")?;
    let problems = &loaded.problems;
    if problems.is_empty() {
        writeln!(out, "{}", lang.pick("Sin problemas.", "No problems."))?;
        return Ok(CLEAN);
    }
    let n = problems.len();
    let heading = match (lang, n) {
        (Lang::Es, 1) => "1 problema:".to_owned(),
        (Lang::Es, _) => format!("{n} problemas:"),
        (Lang::En, 1) => "1 problem:".to_owned(),
        (Lang::En, _) => format!("{n} problems:"),
    };
    writeln!(out, "{heading}")?;
    let name = printable(name);
    for (problem, position) in problems.iter().zip(positions) {
        let place = match position {
            Some(Position { line, column }) => format!("{name}:{line}:{column}"),
            None => name.to_string(),
        };
        writeln!(out, "{place}: {}", printable(&problem_line(problem, lang)))?;
    }
    Ok(HAS_PROBLEMS)
}

fn json_report(
    loaded: &Loaded,
    positions: &[Option<Position>],
    name: &str,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<u8> {
    let directory = &loaded.directory;
    let problems: Vec<serde_json::Value> = loaded
        .problems
        .iter()
        .zip(positions)
        .map(|(problem, position)| {
            json!({
                "member": problem.member, "field": problem.field,
                "line": position.map(|p| p.line), "column": position.map(|p| p.column),
                "message": problem.describe(lang), "action": problem.describe_action(lang),
            })
        })
        .collect();
    let status = if problems.is_empty() { "clean" } else { "problems" };
    let report = json!({
        "vitrina_check": 1, "file": name, "status": status, "error": null,
        "cluster": directory.cluster.name,
        "counts": {
            "members": directory.members.len(), "capabilities": directory.capabilities.len(),
            "certifications": directory.certifications.len(), "events": directory.events.len(),
        },
        "problems": problems,
    });
    writeln!(out, "{report:#}")?;
    Ok(if loaded.problems.is_empty() { CLEAN } else { HAS_PROBLEMS })
}

/// One problem as a line: `[member] field: what was wrong (what was done)`.
///
/// In English this is exactly `Problem`'s `Display`; `Display` has no Spanish form.
pub fn problem_line(problem: &Problem, lang: Lang) -> String {
    let member = match &problem.member {
        Some(member) => format!("[{member}] "),
        None => String::new(),
    };
    format!("{member}{}: {} ({})", problem.field, problem.describe(lang), problem.describe_action(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        let path = format!("{}/../../tests/fixtures/broken/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {path}: {e}"))
    }

    /// Runs the check and returns (exit code, stdout, stderr).
    fn run_check(bytes: &[u8], lang: Lang) -> (u8, String, String) {
        run_check_as(bytes, lang, Format::Text)
    }

    fn run_check_as(bytes: &[u8], lang: Lang, format: Format) -> (u8, String, String) {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = check(bytes, "directory.json", lang, format, &mut out, &mut err).expect("writes to memory");
        (code, String::from_utf8(out).expect("utf-8"), String::from_utf8(err).expect("utf-8"))
    }

    const CLEAN_FILE: &str = r#"{ "format": 1, "cluster": { "name": "Clúster de prueba" },
        "capabilities": [ { "id": "stamping", "label": "Estampado" } ],
        "members": [ { "id": "uno", "name": "Uno", "capabilities": ["stamping"] } ] }"#;

    #[test]
    fn clean_file_prints_a_summary_and_exits_zero() {
        let (code, out, err) = run_check(CLEAN_FILE.as_bytes(), Lang::Es);
        assert_eq!(code, CLEAN);
        assert_eq!(
            out,
            "Clúster de prueba\nsocios: 1 · capacidades: 1 · certificaciones: 0 · eventos: 0\nSin problemas.\n"
        );
        assert!(err.is_empty());
        let (code, out, _) = run_check(CLEAN_FILE.as_bytes(), Lang::En);
        assert_eq!(code, CLEAN);
        assert!(out.ends_with("members: 1 · capabilities: 1 · certifications: 0 · events: 0\nNo problems.\n"));
    }

    #[test]
    fn problems_are_listed_one_per_line_with_their_place_in_the_chosen_language() {
        let bytes = fixture("hostile.json");
        let loaded = load_directory(&bytes).expect("hostile.json loads");
        let (code, out, err) = run_check(&bytes, Lang::Es);
        assert_eq!(code, HAS_PROBLEMS);
        assert!(err.is_empty());
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[2], format!("{} problemas:", loaded.problems.len()));
        assert_eq!(lines.len(), 3 + loaded.problems.len());
        let text = String::from_utf8_lossy(&bytes);
        let website_line =
            text.lines().position(|line| line.contains("javascript:alert('website')")).expect("in the fixture") + 1;
        assert!(
            out.contains(&format!("directory.json:{website_line}:")),
            "the website problem names its line {website_line}: {out}"
        );
        assert!(out.contains("[script-co] members[0].website: «javascript:alert('website')» no es una dirección http: o https: completa (se omitió el campo)"), "{out}");

        let (code, out, _) = run_check(&bytes, Lang::En);
        assert_eq!(code, HAS_PROBLEMS);
        for (line, problem) in out.lines().skip(3).zip(&loaded.problems) {
            assert!(line.starts_with("directory.json:"), "{line}");
            assert!(line.ends_with(&format!(": {problem}")), "English lines end with the Display form: {line}");
        }
    }

    #[test]
    fn json_output_has_the_documented_shape() {
        let bytes = fixture("hostile.json");
        let loaded = load_directory(&bytes).expect("hostile.json loads");
        let (code, out, err) = run_check_as(&bytes, Lang::En, Format::Json);
        assert_eq!(code, HAS_PROBLEMS);
        assert!(err.is_empty());
        let report: serde_json::Value = serde_json::from_str(&out).expect("one JSON document");
        assert_eq!(report["vitrina_check"], 1);
        assert_eq!(report["status"], "problems");
        assert_eq!(report["error"], serde_json::Value::Null);
        assert_eq!(report["counts"]["members"], loaded.directory.members.len());
        let problems = report["problems"].as_array().expect("a list");
        assert_eq!(problems.len(), loaded.problems.len());
        let website = problems.iter().find(|p| p["field"] == "members[0].website").expect("the website problem");
        assert_eq!(website["member"], "script-co");
        assert!(website["line"].as_u64().is_some_and(|line| line > 1) && website["column"].as_u64().is_some());
        assert!(website["message"].as_str().is_some_and(|m| m.contains("javascript:")));

        let (code, out, _) = run_check_as(CLEAN_FILE.as_bytes(), Lang::Es, Format::Json);
        assert_eq!(code, CLEAN);
        let report: serde_json::Value = serde_json::from_str(&out).expect("json");
        assert_eq!(report["status"], "clean");
        assert_eq!(report["cluster"], "Clúster de prueba");

        let (code, out, err) = run_check_as(&fixture("cut-off.json"), Lang::Es, Format::Json);
        assert_eq!(code, FATAL);
        assert!(err.is_empty(), "JSON goes to stdout whatever happened");
        let report: serde_json::Value = serde_json::from_str(&out).expect("json");
        assert_eq!(report["status"], "unusable");
        assert!(report["error"]["message"].as_str().is_some_and(|m| m.contains("cortado")));
        assert!(report["error"]["line"].as_u64().is_some());
    }

    #[test]
    fn broken_files_print_the_fatal_error_and_exit_two() {
        for (name, es, en) in [
            ("html-404.json", "página web (HTML)", "web page (HTML)"),
            ("empty.json", "vacío", "empty"),
            ("cut-off.json", "cortado", "cut off"),
            ("not-json.json", "no es JSON válido", "not valid JSON"),
            ("format-2.json", "formato 2", "format 2"),
            ("format-missing.json", "\"format\"", "\"format\""),
        ] {
            let bytes = fixture(name);
            let (code, out, err) = run_check(&bytes, Lang::Es);
            assert_eq!(code, FATAL, "{name}");
            assert!(out.is_empty(), "{name}: {out}");
            assert!(err.starts_with("directory.json: ") && err.contains(es), "{name}: {err}");
            let (_, _, err) = run_check(&bytes, Lang::En);
            assert!(err.contains(en), "{name}: {err}");
        }
    }

    #[test]
    fn a_byte_order_mark_is_a_problem_not_a_failure() {
        let (code, out, _) = run_check(&fixture("bom.json"), Lang::En);
        assert_eq!(code, HAS_PROBLEMS);
        assert!(out.contains("directory.json:1:1: (file): the file starts with a byte order mark"), "{out}");
    }

    /// What a browser reads, this check reads too, and lists what was repaired (issue 13).
    #[test]
    fn strings_a_browser_reads_with_a_replacement_are_problems_not_failures() {
        for (name, es, en) in [
            (
                "lone-surrogate.json",
                "[forjas-bajio] members[1].name: contiene media pareja sustituta",
                "[forjas-bajio] members[1].name: holds half a surrogate pair",
            ),
            (
                "invalid-utf8.json",
                "[dos] members[1].legal_name: contiene bytes que no son texto UTF-8 (se leyó con � en su lugar)",
                "[dos] members[1].legal_name: holds bytes that are not UTF-8 text (read with � in its place)",
            ),
            (
                "number-too-large.json",
                "[dos] members[1].investment_musd: 1e400 está fuera del rango permitido",
                "[dos] members[1].investment_musd: 1e400 is outside the allowed range",
            ),
            (
                "too-deep.json",
                "members[1]: tiene más de 127 listas u objetos",
                "members[1]: has more than 127 lists or objects",
            ),
        ] {
            let bytes = fixture(name);
            let (code, out, err) = run_check(&bytes, Lang::Es);
            assert_eq!(code, HAS_PROBLEMS, "{name}: {err}");
            assert!(out.contains(es), "{name}: {out}");
            let (_, out, _) = run_check(&bytes, Lang::En);
            assert!(out.contains(en), "{name}: {out}");
        }
    }

    #[test]
    fn terminal_control_characters_from_the_file_are_escaped() {
        let file = "{ \"format\": 1, \"cluster\": { \"name\": \"A\\u001b[2JB\\u202eC\" }, \"members\": [ { \"id\": \"Bad\\u001b[31m\", \"name\": \"x\" } ] }";
        let (code, out, _) = run_check(file.as_bytes(), Lang::En);
        assert_eq!(code, HAS_PROBLEMS);
        assert!(!out.contains('\u{1b}') && !out.contains('\u{202e}'), "{out:?}");
        assert!(out.starts_with("A\\u{1b}[2JB\\u{202e}C\n"), "{out:?}");
    }

    #[test]
    fn an_unreadable_path_is_fatal() {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code =
            run(Path::new("/no/such/dir/directory.json"), Lang::En, Format::Text, &mut out, &mut err).expect("writes");
        assert_eq!(code, FATAL);
        assert!(String::from_utf8_lossy(&err).contains("could not read the file"));
    }
}
