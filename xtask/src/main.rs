//! Developer tools for Vitrina, run as `cargo xtask <command>`.
//!
//! Arguments are parsed by hand: a command with a handful of flags does not need a parser
//! crate in every developer's build. The staff's check of a directory file is `vitrina check`
//! (crates/vitrina-cli).

mod gen_directory;

use std::ffi::OsString;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "\
Usage: cargo xtask <command> [options]

Commands:
  gen-directory --members N [--seed S] [--out PATH] [--pretty] [--check]
      Writes a synthetic, valid format-1 directory with N members (0 to 1000000),
      the same bytes for the same N and seed (default seed 1), to stdout or PATH.
      Up to 20000 members the output is re-loaded and must have no problems;
      --check does that for larger files too.
  help
      Shows this text.
";

/// A mistake in the command line, shown with the usage text.
struct UsageError(String);

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let Some(command) = args.next() else {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    };
    let rest: Vec<OsString> = args.collect();
    let result = match command.to_str() {
        Some("help" | "--help" | "-h") => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some("gen-directory") => gen_directory_command(&rest),
        _ => Err(UsageError(format!("unknown command `{}`", command.to_string_lossy()))),
    };
    match result {
        Ok(code) => code,
        Err(UsageError(message)) => {
            eprintln!("error: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// Splits `--name=value` into its parts; other arguments come back whole.
fn split_flag(arg: &OsString) -> (Option<&str>, Option<&str>) {
    match arg.to_str() {
        Some(s) if s.starts_with("--") => match s.split_once('=') {
            Some((name, value)) => (Some(name), Some(value)),
            None => (Some(s), None),
        },
        Some(s) if s.starts_with('-') && s.len() > 1 => (Some(s), None),
        _ => (None, None),
    }
}

/// The value of a flag, from `--flag=value` or from the next argument.
fn flag_value(
    name: &str,
    inline: Option<&str>,
    args: &mut std::slice::Iter<'_, OsString>,
) -> Result<OsString, UsageError> {
    match inline {
        Some(value) => Ok(OsString::from(value)),
        None => args.next().cloned().ok_or_else(|| UsageError(format!("{name} needs a value"))),
    }
}

fn number(name: &str, value: &OsString) -> Result<u64, UsageError> {
    value
        .to_str()
        .and_then(|s| s.replace('_', "").parse().ok())
        .ok_or_else(|| UsageError(format!("{name} must be a whole number ≥ 0, not `{}`", value.to_string_lossy())))
}

fn no_value(name: &str, inline: Option<&str>) -> Result<(), UsageError> {
    match inline {
        Some(_) => Err(UsageError(format!("{name} takes no value"))),
        None => Ok(()),
    }
}

fn gen_directory_command(args: &[OsString]) -> Result<ExitCode, UsageError> {
    let (mut members, mut seed, mut out, mut pretty, mut force_check) = (None, 1, None, false, false);
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match split_flag(arg) {
            (Some(name @ "--members"), inline) => members = Some(number(name, &flag_value(name, inline, &mut iter)?)?),
            (Some(name @ "--seed"), inline) => seed = number(name, &flag_value(name, inline, &mut iter)?)?,
            (Some(name @ "--out"), inline) => out = Some(PathBuf::from(flag_value(name, inline, &mut iter)?)),
            (Some(name @ "--pretty"), inline) => {
                no_value(name, inline)?;
                pretty = true;
            }
            (Some(name @ "--check"), inline) => {
                no_value(name, inline)?;
                force_check = true;
            }
            (Some("--help" | "-h"), _) => {
                print!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            _ => return Err(UsageError(format!("gen-directory: unexpected argument `{}`", arg.to_string_lossy()))),
        }
    }
    let members = members.ok_or_else(|| UsageError("gen-directory needs --members N".into()))?;
    if members > gen_directory::MAX_MEMBERS {
        return Err(UsageError(format!("--members is at most {}", gen_directory::MAX_MEMBERS)));
    }

    let started = Instant::now();
    let text = gen_directory::generate(&gen_directory::Options { members, seed, pretty });
    let generated_ms = started.elapsed().as_millis();

    let check_note = if members <= gen_directory::SELF_CHECK_LIMIT || force_check {
        let check_started = Instant::now();
        if let Err(message) = gen_directory::self_check(text.as_bytes(), members) {
            eprintln!("gen-directory: self-check failed: {message}");
            return Ok(ExitCode::FAILURE);
        }
        format!("self-check ok in {} ms", check_started.elapsed().as_millis())
    } else {
        format!("self-check skipped above {} members; add --check to run it", gen_directory::SELF_CHECK_LIMIT)
    };

    let written = match &out {
        Some(path) => std::fs::write(path, &text).map_err(|e| format!("{}: {e}", path.display())),
        None => {
            let mut stdout = io::stdout().lock();
            match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
                // `| head` closing the pipe early is what the user asked for, not a failure.
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                other => other.map_err(|e| format!("stdout: {e}")),
            }
        }
    };
    if let Err(message) = written {
        eprintln!("gen-directory: could not write {message}");
        return Ok(ExitCode::FAILURE);
    }
    eprintln!(
        "gen-directory: {members} members, {} bytes, {generated_ms} ms to generate, {} ms in all (seed {seed}; {check_note})",
        text.len(),
        started.elapsed().as_millis(),
    );
    Ok(ExitCode::SUCCESS)
}
