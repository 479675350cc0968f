//! `vitrina`: check, import, export and publish a cluster's member directory from the command
//! line, with the same crates as the app and the staff page (issue 14).
//!
//! Arguments are parsed by hand, as xtask does: four commands with a handful of flags do not
//! need a parser crate (clap would roughly double this binary's build for staff installing it
//! with `cargo install`), and the usage text has to exist in Spanish and English anyway.

mod check;
mod export;
mod files;
mod import;
mod locate;
mod publish;
mod text;

use std::ffi::OsString;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use vitrina_core::Lang;

const USAGE_ES: &str = "\
Uso: vitrina <orden> [opciones] [--lang es|en]

Órdenes:
  check ARCHIVO [--format text|json]
      Revisa un directory.json como lo lee la aplicación y lista cada problema con el socio,
      el campo y la línea:columna. Salida 0: sin problemas; 1: con problemas; 2: ilegible.
  import HOJA... -o directory.json [--merge directory.json] [--remove-missing]
                 [--mapping ARCHIVO] [--add-unmatched]
      Importa hojas de cálculo (.xlsx, .ods, .csv) y, con --merge, las combina con el
      directorio publicado. Lista los problemas (hoja, fila, columna) y el resumen.
  export directory.json -o socios.xlsx|socios.csv
  export --template -o plantilla.xlsx [directory.json]
      Escribe el directorio como hojas para editar en Excel e importar de nuevo, o la
      plantilla (con la lista de niveles y, si se indica, el vocabulario del directorio).
  publish CARPETA [--directory data/directory.json] [--app dist]
      Escribe en CARPETA lo que sirve un hospedaje: la aplicación construida y el directorio
      revisado en data/directory.json. Se niega (salida 2) si el directorio no carga.
  help
      Muestra este texto.
";

const USAGE_EN: &str = "\
Usage: vitrina <command> [options] [--lang es|en]

Commands:
  check FILE [--format text|json]
      Checks a directory.json as the app reads it and lists every problem with the member,
      the field and line:column. Exit 0: clean; 1: problems; 2: unusable.
  import SHEET... -o directory.json [--merge directory.json] [--remove-missing]
                  [--mapping FILE] [--add-unmatched]
      Imports spreadsheets (.xlsx, .ods, .csv) and, with --merge, merges them into the
      published directory. Lists the problems (sheet, row, column) and the summary.
  export directory.json -o members.xlsx|members.csv
  export --template -o template.xlsx [directory.json]
      Writes the directory as sheets to edit in Excel and import again, or the template
      (with the list of tiers and, if given, the directory's vocabulary).
  publish DIR [--directory data/directory.json] [--app dist]
      Writes into DIR what a host serves: the built app and the checked directory in
      data/directory.json. Refuses (exit 2) when the directory does not load.
  help
      Shows this text.
";

/// A mistake in the command line, already in the chosen language.
struct UsageError(String);

fn usage(lang: Lang) -> &'static str {
    lang.pick(USAGE_ES, USAGE_EN)
}

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let lang = match language(&args) {
        Ok(lang) => lang,
        Err(UsageError(message)) => {
            eprintln!("{message}");
            return ExitCode::from(check::FATAL);
        }
    };
    let (stdout, stderr) = (io::stdout(), io::stderr());
    let (mut out, mut err) = (stdout.lock(), stderr.lock());
    match run(&args, lang, &mut out, &mut err) {
        Ok(code) => ExitCode::from(code),
        Err(RunError::Usage(UsageError(message))) => {
            let _ = writeln!(err, "error: {message}\n\n{}", usage(lang));
            ExitCode::from(check::FATAL)
        }
        // The report could not be written (e.g. a closed pipe); nothing more useful to say.
        Err(RunError::Io) => ExitCode::from(check::FATAL),
    }
}

enum RunError {
    Usage(UsageError),
    /// The report could not be written.
    Io,
}

impl From<UsageError> for RunError {
    fn from(error: UsageError) -> Self {
        RunError::Usage(error)
    }
}

impl From<io::Error> for RunError {
    fn from(_: io::Error) -> Self {
        RunError::Io
    }
}

/// The `--lang` anywhere on the line (default Spanish), so every message can use it.
fn language(args: &[OsString]) -> Result<Lang, UsageError> {
    let mut lang = Lang::Es;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let value = match arg.to_str() {
            Some("--lang") => iter.next().cloned(),
            Some(s) => s.strip_prefix("--lang=").map(OsString::from),
            None => None,
        };
        if let Some(value) = value {
            lang = match value.to_str() {
                Some("es") => Lang::Es,
                Some("en") => Lang::En,
                _ => {
                    let shown = value.to_string_lossy();
                    return Err(UsageError(format!(
                        "error: --lang es o en, no «{shown}» / --lang is es or en, not “{shown}”"
                    )));
                }
            };
        }
    }
    Ok(lang)
}

fn run(args: &[OsString], lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, RunError> {
    let Some(command) = args.first() else {
        write!(err, "{}", usage(lang))?;
        return Ok(check::FATAL);
    };
    let rest = &args[1..];
    match command.to_str() {
        Some("help" | "--help" | "-h") => {
            write!(out, "{}", usage(lang))?;
            Ok(0)
        }
        Some("check") => {
            let parsed = Parsed::parse(rest, &["--format"], &[], lang)?;
            let [path] = parsed.positional(lang, "check")?;
            let format = match parsed.value("--format").map(|v| v.to_str()) {
                None | Some(Some("text")) => check::Format::Text,
                Some(Some("json")) => check::Format::Json,
                Some(_) => return Err(usage_error(lang, "--format es text o json", "--format is text or json").into()),
            };
            Ok(check::run(&path, lang, format, out, err)?)
        }
        Some("export") => {
            let parsed = Parsed::parse(rest, &["--output"], &["--template"], lang)?;
            let output = parsed.required_path("--output", lang)?;
            let template = parsed.switch("--template");
            let directory = match (parsed.positional.as_slice(), template) {
                ([one], _) => Some(one.clone()),
                ([], true) => None,
                _ => {
                    return Err(
                        usage_error(lang, "export lleva un directory.json", "export takes one directory.json").into()
                    )
                }
            };
            let request = export::Request { directory: directory.as_deref(), output: &output, template, lang };
            Ok(export::run(&request, out, err)?)
        }
        Some("import") => {
            let parsed = Parsed::parse(
                rest,
                &["--output", "--merge", "--mapping"],
                &["--remove-missing", "--add-unmatched"],
                lang,
            )?;
            if parsed.positional.is_empty() {
                return Err(
                    usage_error(lang, "import necesita al menos una HOJA", "import needs at least one SHEET").into()
                );
            }
            let output = parsed.required_path("--output", lang)?;
            let merge_into = parsed.value("--merge").map(PathBuf::from);
            let mapping = parsed.value("--mapping").map(PathBuf::from);
            let request = import::Request {
                sheets: &parsed.positional,
                merge_into: merge_into.as_deref(),
                remove_missing: parsed.switch("--remove-missing"),
                mapping: mapping.as_deref(),
                add_unmatched: parsed.switch("--add-unmatched"),
                output: &output,
                lang,
            };
            Ok(import::run(&request, out, err)?)
        }
        Some("publish") => {
            let parsed = Parsed::parse(rest, &["--directory", "--app"], &[], lang)?;
            let [target] = parsed.positional(lang, "publish")?;
            let directory =
                parsed.value("--directory").map_or_else(|| PathBuf::from(publish::DIRECTORY_PATH), PathBuf::from);
            let app = parsed.value("--app").map_or_else(|| PathBuf::from("dist"), PathBuf::from);
            let request = publish::Request { target: &target, directory: &directory, app: &app, lang };
            Ok(publish::run(&request, out, err)?)
        }
        _ => {
            let shown = command.to_string_lossy();
            Err(usage_error(lang, &format!("orden desconocida «{shown}»"), &format!("unknown command “{shown}”"))
                .into())
        }
    }
}

fn usage_error(lang: Lang, es: &str, en: &str) -> UsageError {
    UsageError(lang.pick(es, en).to_owned())
}

/// A command's arguments: positional paths, flags with a value, and switches.
struct Parsed {
    positional: Vec<PathBuf>,
    values: Vec<(&'static str, OsString)>,
    switches: Vec<&'static str>,
}

impl Parsed {
    /// Reads `args`; `-o` is `--output`, `--lang` was read already; a flag's value comes as
    /// `--flag=value` or as the next argument.
    fn parse(
        args: &[OsString],
        with_value: &[&'static str],
        switches: &[&'static str],
        lang: Lang,
    ) -> Result<Parsed, UsageError> {
        let mut parsed = Parsed { positional: Vec::new(), values: Vec::new(), switches: Vec::new() };
        let mut iter = args.iter();
        while let Some(arg) = iter.next() {
            let Some(text) = arg.to_str().filter(|text| text.starts_with('-') && text.len() > 1) else {
                parsed.positional.push(PathBuf::from(arg));
                continue;
            };
            let (name, inline) = match text.split_once('=') {
                Some((name, value)) if name.starts_with("--") => (name, Some(value)),
                _ => (text, None),
            };
            let name = if name == "-o" { "--output" } else { name };
            if name == "--lang" {
                if inline.is_none() {
                    iter.next();
                }
                continue;
            }
            if let Some(&known) = with_value.iter().find(|&&known| known == name) {
                let value = match inline {
                    Some(value) => OsString::from(value),
                    None => iter.next().cloned().ok_or_else(|| {
                        usage_error(lang, &format!("{name} necesita un valor"), &format!("{name} needs a value"))
                    })?,
                };
                parsed.values.push((known, value));
            } else if let Some(&known) = switches.iter().find(|&&known| known == name) {
                if inline.is_some() {
                    return Err(usage_error(
                        lang,
                        &format!("{name} no lleva valor"),
                        &format!("{name} takes no value"),
                    ));
                }
                parsed.switches.push(known);
            } else {
                return Err(usage_error(
                    lang,
                    &format!("opción desconocida «{text}»"),
                    &format!("unknown option “{text}”"),
                ));
            }
        }
        Ok(parsed)
    }

    fn value(&self, name: &str) -> Option<&OsString> {
        self.values.iter().rev().find(|(known, _)| *known == name).map(|(_, value)| value)
    }

    fn switch(&self, name: &str) -> bool {
        self.switches.contains(&name)
    }

    fn required_path(&self, name: &str, lang: Lang) -> Result<PathBuf, UsageError> {
        self.value(name).map(PathBuf::from).ok_or_else(|| {
            usage_error(lang, &format!("falta {name} (o -o) ARCHIVO"), &format!("{name} (or -o) FILE is missing"))
        })
    }

    fn positional<const N: usize>(&self, lang: Lang, command: &str) -> Result<[PathBuf; N], UsageError> {
        <[PathBuf; N]>::try_from(self.positional.clone()).map_err(|_| {
            usage_error(lang, &format!("{command} lleva {N} ruta(s)"), &format!("{command} takes {N} path(s)"))
        })
    }
}
