//! `vitrina publish DIR`: writes what a host serves into DIR: the built app (copied from `dist/`,
//! or `--app`) and the checked directory as `data/directory.json`, written with a stable key order
//! and indentation (`vitrina_sheets::directory_json`) so version-control diffs stay small.
//!
//! It refuses (exit 2, nothing written) a directory file that does not load, an app folder
//! without `index.html`, and a DIR inside the app folder. Problems in a directory that loads are
//! listed; what is written is the directory as the app reads it (values with problems left out,
//! as visitors would see it), and the exit code is 1, as `vitrina check` gives.

use crate::check::{self, CLEAN, FATAL, HAS_PROBLEMS};
use crate::files::write_whole;
use crate::text::printable;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use vitrina_core::{load_directory, Lang};

/// Where the app's own `index.html` says the directory is.
pub const DIRECTORY_PATH: &str = "data/directory.json";

/// What to publish.
pub struct Request<'a> {
    /// The folder a host serves.
    pub target: &'a Path,
    /// The directory file.
    pub directory: &'a Path,
    /// The built app.
    pub app: &'a Path,
    /// The language of messages.
    pub lang: Lang,
}

/// Publishes; returns the exit code.
pub fn run(request: &Request, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    let lang = request.lang;
    let shown = |path: &Path| printable(&path.display().to_string()).into_owned();
    let bytes = match std::fs::read(request.directory) {
        Ok(bytes) => bytes,
        Err(error) => {
            let path = shown(request.directory);
            let message = lang.pick(
                format!("{path}: no se pudo leer el archivo: {error}"),
                format!("{path}: could not read the file: {error}"),
            );
            return refuse(err, &message, lang);
        }
    };
    let loaded = match load_directory(&bytes) {
        Ok(loaded) => loaded,
        Err(error) => {
            return refuse(err, &format!("{}: {}", shown(request.directory), printable(&error.message(lang))), lang)
        }
    };
    if !request.app.join("index.html").is_file() {
        let app = shown(request.app);
        let message = lang.pick(
            format!("{app} no es una aplicación construida (no tiene index.html); constrúyala con «make release» o indique otra con --app."),
            format!("{app} is not a built app (it has no index.html); build it with “make release” or name another with --app."),
        );
        return refuse(err, &message, lang);
    }
    let same_folder = same_place(request.app, request.target);
    if !same_folder && inside(request.target, request.app) {
        let message = lang.pick(
            "La carpeta de destino está dentro de la aplicación; elija otra.",
            "The target folder is inside the app folder; choose another.",
        );
        return refuse(err, message, lang);
    }
    for problem in &loaded.problems {
        writeln!(err, "{}", printable(&check::problem_line(problem, lang)))?;
    }
    let copied = if same_folder { Ok(0) } else { copy_tree(request.app, request.target) };
    let copied = match copied {
        Ok(copied) => copied,
        Err(error) => {
            let message = lang.pick(
                format!("No se pudo copiar la aplicación a {}: {error}", shown(request.target)),
                format!("Could not copy the app to {}: {error}", shown(request.target)),
            );
            writeln!(err, "{message}")?;
            return Ok(FATAL);
        }
    };
    let json = vitrina_sheets::directory_json(&loaded.directory);
    let directory_path = request.target.join(DIRECTORY_PATH);
    let written = directory_path
        .parent()
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|()| write_whole(&directory_path, json.as_bytes()));
    if let Err(error) = written {
        let path = shown(&directory_path);
        writeln!(
            err,
            "{}",
            lang.pick(format!("{path}: no se pudo escribir: {error}"), format!("{path}: could not write: {error}"))
        )?;
        return Ok(FATAL);
    }
    let (app, target, path) = (shown(request.app), shown(request.target), shown(&directory_path));
    let members = loaded.directory.members.len();
    if !same_folder {
        writeln!(
            out,
            "{}",
            lang.pick(
                format!("Copiados {copied} archivos de {app} a {target}"),
                format!("Copied {copied} files from {app} to {target}")
            )
        )?;
    }
    writeln!(
        out,
        "{}",
        lang.pick(
            format!("Escrito {path}: {members} socios, {} bytes", json.len()),
            format!("Wrote {path}: {members} members, {} bytes", json.len())
        )
    )?;
    if loaded.problems.is_empty() {
        Ok(CLEAN)
    } else {
        let n = loaded.problems.len();
        writeln!(
            err,
            "{}",
            lang.pick(
                format!("{n} problema(s): esos valores no se publicaron."),
                format!("{n} problem(s): those values were not published.")
            )
        )?;
        Ok(HAS_PROBLEMS)
    }
}

fn refuse(err: &mut dyn Write, message: &str, lang: Lang) -> io::Result<u8> {
    writeln!(err, "{message}")?;
    writeln!(err, "{}", lang.pick("No se escribió nada.", "Nothing was written."))?;
    Ok(FATAL)
}

/// Copies every file under `from` into `to`, creating folders; returns how many files.
fn copy_tree(from: &Path, to: &Path) -> io::Result<usize> {
    std::fs::create_dir_all(to)?;
    let mut copied = 0;
    let mut pending: Vec<(PathBuf, PathBuf)> = vec![(from.to_path_buf(), to.to_path_buf())];
    while let Some((source, target)) = pending.pop() {
        for entry in std::fs::read_dir(&source)? {
            let entry = entry?;
            let kind = entry.file_type()?;
            let destination = target.join(entry.file_name());
            if kind.is_dir() {
                std::fs::create_dir_all(&destination)?;
                pending.push((entry.path(), destination));
            } else if kind.is_file() {
                std::fs::copy(entry.path(), &destination)?;
                copied += 1;
            }
            // Symbolic links and other special files are not part of a built app; skipped.
        }
    }
    Ok(copied)
}

fn same_place(a: &Path, b: &Path) -> bool {
    matches!((a.canonicalize(), b.canonicalize()), (Ok(a), Ok(b)) if a == b)
}

/// True when `inner` is (or would be, once created) below `outer`.
fn inside(inner: &Path, outer: &Path) -> bool {
    let Ok(outer) = outer.canonicalize() else { return false };
    // The target may not exist yet: its nearest existing ancestor decides.
    let mut probe = Some(inner);
    while let Some(path) = probe {
        if let Ok(path) = path.canonicalize() {
            return path.starts_with(&outer);
        }
        probe = path.parent().filter(|parent| !parent.as_os_str().is_empty());
    }
    std::env::current_dir().is_ok_and(|cwd| cwd.starts_with(&outer))
}
