//! Only `src/adapters/` of the staff page touches the browser, as in the visitor app
//! (tests/browser_apis_in_adapters.rs at the root): no other file names `web_sys`, `js_sys` or
//! `wasm_bindgen` outside a comment, so the reading, the protocol and the texts stay plain Rust.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

const BROWSER_CRATES: [&str; 3] = ["web_sys", "js_sys", "wasm_bindgen"];

/// The lines of `text` that name a browser crate outside a comment.
fn browser_lines(text: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| {
            let code = line.split("//").next().unwrap_or("");
            BROWSER_CRATES.iter().any(|name| code.contains(name))
        })
        .map(|(index, _)| index + 1)
        .collect()
}

#[test]
fn only_adapters_name_the_browser_crates() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut checked = 0;
    let mut offending = Vec::new();
    for entry in std::fs::read_dir(&src).expect("src/ is readable") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|extension| extension == "rs") {
            checked += 1;
            let text = std::fs::read_to_string(&path).expect("a source file");
            for line in browser_lines(&text) {
                offending.push(format!("{}:{line}", path.display()));
            }
        }
    }
    // A walk that found nothing would pass for the wrong reason.
    assert!(checked >= 5, "found only {checked} files under src/");
    assert!(offending.is_empty(), "browser APIs outside src/adapters/:\n{}", offending.join("\n"));
}

#[test]
fn the_check_sees_code_and_skips_comments() {
    assert_eq!(browser_lines("//! Unlike web_sys…\nuse web_sys::File;\nlet a = 1; // js_sys\n"), vec![2]);
}
