//! Where a field named by a problem (`members[3].contacts[0].email`) is in the file: its line and
//! column, for an editor to jump to.
//!
//! The loader names fields by path, as `vitrina_core::load::browser_json::paths_at` does:
//! `key.key[index]`, top-level keys without a dot. One pass over the bytes follows the same
//! naming and notes where each wanted path starts: an object member at its key's opening quote,
//! a list item where its value starts. A field the file lacks (a missing `name`) is placed at the
//! nearest enclosing value that exists; `(file)` at the start.
//!
//! The pass reads bytes, not text, so a file with bytes that are not UTF-8 inside strings (which
//! the loader reads with U+FFFD) is located too. Lines are counted by `\n`; columns in characters
//! from 1, the way editors count them, not counting a byte order mark.

use std::collections::{HashMap, HashSet};

/// A 1-based line and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

/// The position of each of `fields` in `bytes` (a JSON file); `None` for a field that is neither
/// in the file nor inside something that is (never, for paths the loader gives).
pub fn locate(bytes: &[u8], fields: &[&str]) -> Vec<Option<Position>> {
    let mut wanted: HashSet<String> = HashSet::new();
    for field in fields {
        let mut path = *field;
        loop {
            wanted.insert(path.to_owned());
            match parent(path) {
                Some(up) => path = up,
                None => break,
            }
        }
    }
    let offsets = offsets_of(bytes, &wanted);
    let lines = LineIndex::new(bytes);
    fields
        .iter()
        .map(|field| {
            let mut path = *field;
            loop {
                if let Some(&offset) = offsets.get(path) {
                    return Some(lines.position(bytes, offset));
                }
                if path == "(file)" || path.is_empty() {
                    return Some(lines.position(bytes, 0));
                }
                path = parent(path)?;
            }
        })
        .collect()
}

/// The path one level up: `a.b[2]` → `a.b` → `a`; `None` at the top.
fn parent(path: &str) -> Option<&str> {
    if let Some(stripped) = path.strip_suffix(']') {
        return stripped.rfind('[').map(|at| &path[..at]);
    }
    path.rfind('.').map(|at| &path[..at]).or(if path.is_empty() { None } else { Some("") })
}

enum Frame {
    Object { base: usize, expecting_key: bool },
    List { base: usize, index: usize },
}

/// The offset where each wanted path first starts.
fn offsets_of(bytes: &[u8], wanted: &HashSet<String>) -> HashMap<String, usize> {
    let mut found: HashMap<String, usize> = HashMap::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut path = String::new();
    let mut note = |path: &str, at: usize| {
        if wanted.contains(path) && !found.contains_key(path) {
            found.insert(path.to_owned(), at);
        }
    };
    // A byte order mark is not JSON; the loader skips it (and lists it), so the walk does too.
    let mut i = if bytes.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
    while i < bytes.len() {
        let byte = bytes[i];
        match byte {
            b' ' | b'\t' | b'\r' | b'\n' | b':' => {
                if byte == b':' {
                    if let Some(Frame::Object { expecting_key, .. }) = stack.last_mut() {
                        *expecting_key = false;
                    }
                }
                i += 1;
                continue;
            }
            b',' => {
                match stack.last_mut() {
                    Some(Frame::List { index, .. }) => *index += 1,
                    Some(Frame::Object { expecting_key, .. }) => *expecting_key = true,
                    None => {}
                }
                i += 1;
                continue;
            }
            b'}' | b']' => {
                if let Some(Frame::Object { base, .. } | Frame::List { base, .. }) = stack.pop() {
                    path.truncate(base);
                }
                i += 1;
                continue;
            }
            _ => {}
        }
        // A key, or the start of a value.
        let is_key = matches!(stack.last(), Some(Frame::Object { expecting_key: true, .. }));
        if byte == b'"' {
            let end = string_end(bytes, i);
            if is_key {
                if let Some(Frame::Object { base, .. }) = stack.last() {
                    path.truncate(*base);
                    if *base > 0 {
                        path.push('.');
                    }
                    let raw = &bytes[i..end];
                    match serde_json::from_slice::<String>(raw) {
                        Ok(key) => path.push_str(&key),
                        Err(_) => path.push_str(&String::from_utf8_lossy(&raw[1..raw.len().saturating_sub(1).max(1)])),
                    }
                    note(&path, i);
                }
                i = end;
                continue;
            }
        }
        if let Some(Frame::List { base, index }) = stack.last() {
            path.truncate(*base);
            path.push_str(&format!("[{index}]"));
            note(&path, i);
        }
        match byte {
            b'{' => {
                stack.push(Frame::Object { base: path.len(), expecting_key: true });
                i += 1;
            }
            b'[' => {
                stack.push(Frame::List { base: path.len(), index: 0 });
                i += 1;
            }
            b'"' => i = string_end(bytes, i),
            _ => {
                // A number, true, false or null: up to the next delimiter.
                while i < bytes.len() && !matches!(bytes[i], b',' | b'}' | b']' | b' ' | b'\t' | b'\r' | b'\n') {
                    i += 1;
                }
            }
        }
    }
    found
}

/// The offset just past the string that starts at `start` (its opening quote).
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// Where each line starts.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(bytes: &[u8]) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(bytes.iter().enumerate().filter(|(_, &b)| b == b'\n').map(|(at, _)| at + 1));
        LineIndex { starts }
    }

    fn position(&self, bytes: &[u8], offset: usize) -> Position {
        let line = self.starts.partition_point(|&start| start <= offset).max(1);
        let mut start = self.starts[line - 1];
        if start == 0 && bytes.starts_with(b"\xEF\xBB\xBF") && offset >= 3 {
            start = 3;
        }
        let before = bytes.get(start..offset.min(bytes.len())).unwrap_or_default();
        Position { line, column: String::from_utf8_lossy(before).chars().count() + 1 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(json: &str, field: &str, expect: (usize, usize)) {
        let found = locate(json.as_bytes(), &[field])[0];
        assert_eq!(found, Some(Position { line: expect.0, column: expect.1 }), "{field} in {json}");
    }

    #[test]
    fn fields_are_found_where_their_key_or_item_starts() {
        let json = "{\n  \"format\": 1,\n  \"members\": [\n    { \"id\": \"a\", \"name\": \"Á\" },\n    { \"id\": \"b\", \"contacts\": [ { \"email\": \"x\" } ] }\n  ]\n}";
        check(json, "format", (2, 3));
        check(json, "members", (3, 3));
        check(json, "members[0]", (4, 5));
        check(json, "members[0].name", (4, 18));
        check(json, "members[1].id", (5, 7));
        check(json, "members[1].contacts[0].email", (5, 34));
        // A missing field is placed at the member that lacks it.
        check(json, "members[0].website", (4, 5));
        check(json, "(file)", (1, 1));
    }

    #[test]
    fn strings_with_brackets_escapes_and_bad_bytes_do_not_mislead_the_walk() {
        let json = b"{\"a\": \"[{,\\\"]}\", \"b\\u0041\": [1, \"\xff\", {\"c\": null}]}";
        let found = locate(json, &["bA[2].c", "bA[1]", "a"]);
        assert_eq!(found[0], Some(Position { line: 1, column: 39 }));
        assert_eq!(found[1], Some(Position { line: 1, column: 33 }));
        assert_eq!(found[2], Some(Position { line: 1, column: 2 }));
    }

    #[test]
    fn columns_count_characters_and_skip_the_byte_order_mark() {
        check("\u{FEFF}{\"ñandú\": 1, \"x\": 2}", "x", (1, 14));
        check("{\"ñandú\": 1, \"x\": 2}", "x", (1, 14));
    }

    #[test]
    fn paths_agree_with_the_loaders_naming() {
        // Every offset paths_at names, located again by its name, is the same place.
        let json = r#"{ "format": 1, "cluster": { "name": "C" }, "members": [ { "id": "a", "name": "A",
            "contacts": [ { "id": "p", "name": "P", "role": { "es": "x" } } ] } ] }"#;
        let keys: Vec<usize> = json.match_indices('"').map(|(at, _)| at).step_by(2).collect();
        let names = vitrina_core::load::browser_json::paths_at(json, &keys, "");
        let fields: Vec<&str> = names.iter().map(String::as_str).collect();
        let lines = LineIndex::new(json.as_bytes());
        for ((field, at), found) in fields.iter().zip(&keys).zip(locate(json.as_bytes(), &fields)) {
            let here = lines.position(json.as_bytes(), *at);
            // A value string names its key, which starts earlier on the same line.
            let found = found.expect("located");
            assert!(found.line < here.line || (found.line == here.line && found.column <= here.column), "{field}");
        }
        assert!(fields.contains(&"members[0].contacts[0].role.es"), "{fields:?}");
    }
}
