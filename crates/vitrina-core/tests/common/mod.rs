//! The repository's files the core's integration tests read (the sample directory, its JSON
//! Schema, the fixtures in `tests/fixtures/`), found one way. Each test file uses some of these.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The repository's root, where `data/` and `tests/fixtures/` are.
pub fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The bytes of `path`, relative to the repository's root; panics naming the file.
pub fn read(path: &str) -> Vec<u8> {
    let full = repository().join(path);
    std::fs::read(&full).unwrap_or_else(|error| panic!("{}: {error}", full.display()))
}

/// `path`, relative to the repository's root, read as JSON; panics naming the file.
pub fn read_json(path: &str) -> serde_json::Value {
    serde_json::from_slice(&read(path)).unwrap_or_else(|error| panic!("{path}: not JSON: {error}"))
}

/// The `*.json` files of `folder` (relative to the repository's root) as paths relative to
/// that root, sorted. Panics when there are none: a moved or renamed folder must fail the
/// tests that walk it, not let them pass over nothing.
pub fn json_files_in(folder: &str) -> Vec<String> {
    let full = repository().join(folder);
    let mut files: Vec<String> = std::fs::read_dir(&full)
        .unwrap_or_else(|error| panic!("{}: {error}", full.display()))
        .map(|entry| entry.expect("directory entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".json"))
        .map(|name| format!("{folder}/{name}"))
        .collect();
    assert!(!files.is_empty(), "{} holds no .json file", full.display());
    files.sort();
    files
}
