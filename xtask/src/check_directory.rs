//! `cargo xtask check-directory`: the command-line check the format page promises the staff
//! who keep the directory file: the same loader as the app, every problem on its own line.

use std::borrow::Cow;
use std::io::{self, Write};
use std::path::Path;
use vitrina_core::{load_directory, Lang, Problem};

/// Exit code for a file that loads without problems.
pub const CLEAN: u8 = 0;
/// Exit code for a file that loads but has problems.
pub const HAS_PROBLEMS: u8 = 1;
/// Exit code for a file that cannot be loaded at all (or read).
pub const FATAL: u8 = 2;

/// Reads and checks the file at `path`; the report goes to `out`, a fatal error to `err`.
pub fn run(path: &Path, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    match std::fs::read(path) {
        Ok(bytes) => check(&bytes, &path.display().to_string(), lang, out, err),
        Err(e) => {
            let reason = printable(&e.to_string()).into_owned();
            let shown = printable(&path.display().to_string()).into_owned();
            writeln!(
                err,
                "{}",
                lang.pick(
                    format!("{shown}: no se pudo leer el archivo: {reason}"),
                    format!("{shown}: could not read the file: {reason}")
                )
            )?;
            Ok(FATAL)
        }
    }
}

/// Checks the bytes of a directory file called `name`; returns the exit code.
pub fn check(bytes: &[u8], name: &str, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    let loaded = match load_directory(bytes) {
        Ok(loaded) => loaded,
        Err(error) => {
            writeln!(err, "{}: {}", printable(name), printable(&error.message(lang)))?;
            return Ok(FATAL);
        }
    };
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
    for problem in problems {
        writeln!(out, "{}", printable(&problem_line(problem, lang)))?;
    }
    Ok(HAS_PROBLEMS)
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

/// Makes file text safe to print on a terminal.
///
/// Values in problems come straight from the file; an escape sequence or a bidirectional
/// override in one could repaint the terminal or reorder what the maintainer reads.
fn printable(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| {
        c.is_control() || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        let path = format!("{}/../tests/fixtures/broken/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {path}: {e}"))
    }

    /// Runs the check and returns (exit code, stdout, stderr).
    fn run_check(bytes: &[u8], lang: Lang) -> (u8, String, String) {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = check(bytes, "directory.json", lang, &mut out, &mut err).expect("writes to memory");
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
    fn problems_are_listed_one_per_line_in_the_chosen_language() {
        let bytes = fixture("hostile.json");
        let loaded = load_directory(&bytes).expect("hostile.json loads");
        let (code, out, err) = run_check(&bytes, Lang::Es);
        assert_eq!(code, HAS_PROBLEMS);
        assert!(err.is_empty());
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[2], format!("{} problemas:", loaded.problems.len()));
        assert_eq!(lines.len(), 3 + loaded.problems.len());
        assert!(out.contains("[script-co] members[0].website: «javascript:alert('website')» no es una dirección http: o https: completa (se omitió el campo)"), "{out}");

        let (code, out, _) = run_check(&bytes, Lang::En);
        assert_eq!(code, HAS_PROBLEMS);
        for (line, problem) in out.lines().skip(3).zip(&loaded.problems) {
            assert_eq!(line, problem.to_string(), "English lines are the Display form");
        }
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
        assert!(out.contains("(file): the file starts with a byte order mark"), "{out}");
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
        let code = run(Path::new("/no/such/dir/directory.json"), Lang::En, &mut out, &mut err).expect("writes");
        assert_eq!(code, FATAL);
        assert!(String::from_utf8_lossy(&err).contains("could not read the file"));
    }
}
