//! Only `src/adapters/` touches the browser: no other file of the app names `web_sys`,
//! `js_sys` or `wasm_bindgen` (nor `wasm_bindgen_futures`) outside a comment. Components
//! reach the browser through a function of an adapter, or a Leptos `NodeRef`.
//! Native and cheap (it reads the sources); run by `make test-native`.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

/// The browser crates' names, as a path in code starts with them.
const BROWSER_CRATES: [&str; 3] = ["web_sys", "js_sys", "wasm_bindgen"];

#[test]
fn only_adapters_name_the_browser_crates() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    // A walk that found nothing would pass for the wrong reason.
    assert!(files.len() > 20, "found only {} files under src/", files.len());
    let adapters = root.join("src").join("adapters");
    let mut offending = Vec::new();
    for file in files.iter().filter(|file| !file.starts_with(&adapters)) {
        let relative = file.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
        let text = std::fs::read_to_string(file).unwrap();
        for (number, code) in browser_lines(&text) {
            offending.push(format!("{relative}:{number}: {code}"));
        }
    }
    assert!(
        offending.is_empty(),
        "browser APIs outside src/adapters/ (put them behind an adapter function):\n{}",
        offending.join("\n")
    );
}

#[test]
fn the_check_sees_code_and_skips_comments() {
    let text = "//! Unlike web_sys, this module…\n\
                use web_sys::Element;\n\
                let now = js_sys::Date::now(); // a clock\n\
                /// Calls `wasm_bindgen` glue.\n\
                fn f() {} // web_sys in a comment\n\
                wasm_bindgen_futures::spawn_local(task);\n\
                let not_a_crate = my_web_sys_wrapper;\n";
    let found: Vec<(usize, String)> = browser_lines(text);
    assert_eq!(
        found,
        [
            (2, "use web_sys::Element;".to_owned()),
            (3, "let now = js_sys::Date::now();".to_owned()),
            (6, "wasm_bindgen_futures::spawn_local(task);".to_owned()),
        ]
    );
}

/// The lines (1-based, code trimmed, comment removed) that name a browser crate.
fn browser_lines(text: &str) -> Vec<(usize, String)> {
    text.lines()
        .enumerate()
        .filter_map(|(index, line)| {
            let code = line.split("//").next().unwrap_or_default().trim();
            names_browser_crate(code).then(|| (index + 1, code.to_owned()))
        })
        .collect()
}

/// True when `code` holds one of the browser crates' names as a word of its own (a path's
/// start, `wasm_bindgen_futures` included), not inside a longer name.
fn names_browser_crate(code: &str) -> bool {
    BROWSER_CRATES.iter().any(|name| {
        code.match_indices(name).any(|(at, _)| {
            let before = code[..at].chars().next_back();
            !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
        })
    })
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            out.push(path);
        }
    }
}
