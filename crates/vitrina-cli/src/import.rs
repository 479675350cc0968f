//! `vitrina import SHEET... [--merge directory.json] [--remove-missing] [--mapping FILE]
//! [--add-unmatched] -o directory.json`: the staff page's import, from the command line.
//!
//! The same crates and rules as the staff page: `read_file` reads each sheet (.xlsx, .ods, CSV
//! in any of the encodings and separators staff's spreadsheets write), `import` turns them into
//! members and lists every problem with its file, sheet, row and column, and `merge` folds them
//! into the published directory (`--merge`), keeping members the sheets lack unless
//! `--remove-missing`. The result is written with `directory_json`, whole or not at all.
//!
//! Capability and certification names the vocabulary lacks are problems (left out); with
//! `--add-unmatched` they are added to the vocabulary as new entries instead, the staff page's
//! "add as new". Exit codes: 0 written without problems, 1 written with problems listed,
//! 2 nothing written (a file unreadable, no members sheet, the output not writable).

use crate::check::{CLEAN, FATAL, HAS_PROBLEMS};
use crate::export::read_directory;
use crate::files::write_whole;
use crate::text::printable;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use vitrina_core::model::Directory;
use vitrina_core::Lang;
use vitrina_sheets::{
    directory_json, import, merge, read_file, Decision, ImportProblemKind, Mapping, MergeOptions, ReadOptions, Workbook,
};

/// What to import.
pub struct Request<'a> {
    /// The spreadsheet files.
    pub sheets: &'a [PathBuf],
    /// The published directory to merge into.
    pub merge_into: Option<&'a Path>,
    /// Remove published members the sheets lack.
    pub remove_missing: bool,
    /// A saved column mapping.
    pub mapping: Option<&'a Path>,
    /// Add unmatched capability and certification names as new entries.
    pub add_unmatched: bool,
    /// Where to write the directory.
    pub output: &'a Path,
    /// The language of messages.
    pub lang: Lang,
}

/// Runs the import; returns the exit code.
pub fn run(request: &Request, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    let lang = request.lang;
    let shown = |path: &Path| printable(&path.display().to_string()).into_owned();
    let mapping = match request.mapping {
        None => Mapping::default(),
        Some(path) => {
            let text = match std::fs::read_to_string(path) {
                Ok(text) => text,
                Err(error) => return refuse(err, &could_not_read(&shown(path), &error, lang), lang),
            };
            match Mapping::from_json(&text) {
                Ok(mapping) => mapping,
                Err(error) => return refuse(err, &format!("{}: {}", shown(path), error.message(lang)), lang),
            }
        }
    };
    let base = match request.merge_into {
        Some(path) => match read_directory(path, lang, err)? {
            Some(directory) => directory,
            None => return refuse(err, "", lang),
        },
        None => Directory::empty(),
    };
    let mut workbooks: Vec<Workbook> = Vec::with_capacity(request.sheets.len());
    for path in request.sheets {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(error) => return refuse(err, &could_not_read(&shown(path), &error, lang), lang),
        };
        let file_name =
            path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        match read_file(&file_name, &bytes, &ReadOptions::default()) {
            Ok(workbook) => workbooks.push(workbook),
            Err(error) => return refuse(err, &printable(&error.message(lang)), lang),
        }
    }
    // The saved mapping carries staff's decisions for names the vocabulary lacks.
    let mut decisions = mapping.decisions.clone();
    let mut imported = import(&workbooks, &base, &mapping, &decisions);
    if request.add_unmatched && !imported.unmatched.is_empty() {
        for unmatched in &imported.unmatched {
            let decision = Decision::Add { group: None };
            if unmatched.decision.is_some() {
                continue;
            }
            match unmatched.vocabulary {
                vitrina_sheets::VocabularyKind::Capabilities => {
                    decisions.capabilities.insert(unmatched.folded.clone(), decision)
                }
                vitrina_sheets::VocabularyKind::Certifications => {
                    decisions.certifications.insert(unmatched.folded.clone(), decision)
                }
            };
        }
        imported = import(&workbooks, &base, &mapping, &decisions);
    }
    for problem in &imported.problems {
        let file = printable(&problem.file).into_owned();
        writeln!(err, "{file}: {}: {}", printable(&problem.place(lang)), printable(&problem.message(lang)))?;
    }
    if imported.problems.iter().any(|problem| matches!(problem.kind, ImportProblemKind::NoMembersSheet)) {
        return refuse(err, "", lang);
    }
    let directory = match request.merge_into {
        Some(_) => {
            let options = MergeOptions { remove_missing: request.remove_missing };
            let merged = merge(&base, &imported.directory, &imported.fields_in_sheets, &options);
            for line in merged.summary.lines(lang) {
                writeln!(out, "{}", printable(&line))?;
            }
            merged.directory
        }
        None => imported.directory,
    };
    let json = directory_json(&directory);
    if let Err(error) = write_whole(request.output, json.as_bytes()) {
        let path = shown(request.output);
        let message =
            lang.pick(format!("{path}: no se pudo escribir: {error}"), format!("{path}: could not write: {error}"));
        return refuse(err, &message, lang);
    }
    let (path, members, n) = (shown(request.output), directory.members.len(), imported.problems.len());
    writeln!(
        out,
        "{}",
        lang.pick(
            format!("Escrito {path}: {members} socios; {n} problema(s) en las hojas."),
            format!("Wrote {path}: {members} members; {n} problem(s) in the sheets.")
        )
    )?;
    Ok(if imported.problems.is_empty() { CLEAN } else { HAS_PROBLEMS })
}

fn could_not_read(path: &str, error: &io::Error, lang: Lang) -> String {
    lang.pick(
        format!("{path}: no se pudo leer el archivo: {error}"),
        format!("{path}: could not read the file: {error}"),
    )
}

fn refuse(err: &mut dyn Write, message: &str, lang: Lang) -> io::Result<u8> {
    if !message.is_empty() {
        writeln!(err, "{message}")?;
    }
    writeln!(err, "{}", lang.pick("No se escribió nada.", "Nothing was written."))?;
    Ok(FATAL)
}
