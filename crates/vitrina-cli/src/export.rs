//! `vitrina export directory.json -o members.xlsx|members.csv`: the directory as spreadsheets in
//! the layout `vitrina import` and the staff page read, to edit in Excel and import again.
//!
//! An .xlsx holds the three sheets. A CSV file holds one, so `-o socios.csv` writes the members
//! there and `contactos.csv` and `certificaciones.csv` beside it (the names the import knows
//! those sheets by). `--template` writes the template workbook instead, with the vocabulary of
//! the directory if one is given.

use crate::check::FATAL;
use crate::files::write_whole;
use crate::text::printable;
use std::io::{self, Write};
use std::path::Path;
use vitrina_core::{load_directory, Directory, Lang};

/// What to write.
pub struct Request<'a> {
    /// The directory file, if any (the template needs none).
    pub directory: Option<&'a Path>,
    /// Where to write: `.xlsx` or `.csv`.
    pub output: &'a Path,
    /// The template workbook instead of the directory.
    pub template: bool,
    /// The language of names and messages.
    pub lang: Lang,
}

/// Runs the export; returns the exit code.
pub fn run(request: &Request, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    let lang = request.lang;
    let directory = match request.directory {
        Some(path) => match read_directory(path, lang, err)? {
            Some(directory) => Some(directory),
            None => return Ok(FATAL),
        },
        None => None,
    };
    let extension = request.output.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    let files: Vec<(std::path::PathBuf, Vec<u8>)> = match (extension.as_deref(), &directory, request.template) {
        (Some("xlsx"), directory, true) => match vitrina_sheets::template_xlsx(directory.as_ref(), lang) {
            Ok(bytes) => vec![(request.output.to_path_buf(), bytes)],
            Err(error) => return fail(err, &error.message(lang)),
        },
        (_, _, true) => {
            return fail(err, lang.pick("La plantilla es un libro .xlsx.", "The template is an .xlsx workbook."));
        }
        (Some("xlsx"), Some(directory), false) => match vitrina_sheets::directory_xlsx(directory, lang) {
            Ok(bytes) => vec![(request.output.to_path_buf(), bytes)],
            Err(error) => return fail(err, &error.message(lang)),
        },
        (Some("csv"), Some(directory), false) => {
            let mut files = vitrina_sheets::directory_csv_files(directory, lang).into_iter();
            let folder = request.output.parent().unwrap_or(Path::new(""));
            let members = files.next().map(|file| (request.output.to_path_buf(), file.text.into_bytes()));
            members.into_iter().chain(files.map(|file| (folder.join(&file.name), file.text.into_bytes()))).collect()
        }
        (_, None, false) => {
            return fail(err, lang.pick("Falta el archivo del directorio.", "The directory file is missing."));
        }
        _ => {
            return fail(
                err,
                lang.pick(
                    "El archivo de salida debe terminar en .xlsx o .csv.",
                    "The output file must end in .xlsx or .csv.",
                ),
            )
        }
    };
    for (path, bytes) in &files {
        if let Err(error) = write_whole(path, bytes) {
            let shown = printable(&path.display().to_string()).into_owned();
            return fail(
                err,
                &lang.pick(
                    format!("{shown}: no se pudo escribir: {error}"),
                    format!("{shown}: could not write: {error}"),
                ),
            );
        }
        let shown = printable(&path.display().to_string()).into_owned();
        writeln!(
            out,
            "{}",
            lang.pick(
                format!("Escrito {shown} ({} bytes)", bytes.len()),
                format!("Wrote {shown} ({} bytes)", bytes.len())
            )
        )?;
    }
    Ok(0)
}

/// The directory at `path`, its problems counted on `err`; `None` (reported) when unusable.
pub fn read_directory(path: &Path, lang: Lang, err: &mut dyn Write) -> io::Result<Option<Directory>> {
    let shown = printable(&path.display().to_string()).into_owned();
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) => {
            writeln!(
                err,
                "{}",
                lang.pick(
                    format!("{shown}: no se pudo leer el archivo: {error}"),
                    format!("{shown}: could not read the file: {error}")
                )
            )?;
            return Ok(None);
        }
    };
    match load_directory(&bytes) {
        Ok(loaded) => {
            let n = loaded.problems.len();
            if n > 0 {
                writeln!(
                    err,
                    "{}",
                    lang.pick(
                        format!(
                            "{shown}: {n} problema(s); se usó lo que se pudo leer (detalles: vitrina check {shown})"
                        ),
                        format!(
                            "{shown}: {n} problem(s); what could be read was used (details: vitrina check {shown})"
                        )
                    )
                )?;
            }
            Ok(Some(loaded.directory))
        }
        Err(error) => {
            writeln!(err, "{shown}: {}", printable(&error.message(lang)))?;
            Ok(None)
        }
    }
}

fn fail(err: &mut dyn Write, message: &str) -> io::Result<u8> {
    writeln!(err, "{message}")?;
    Ok(FATAL)
}
