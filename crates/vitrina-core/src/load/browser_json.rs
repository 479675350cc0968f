//! A file's bytes read as JSON text the way a browser's `Response.json()` reads them, so that
//! what the browser accepts the loader accepts too, and each repair becomes a listed problem:
//!
//! - bytes that are not UTF-8 inside a string are read as U+FFFD, one per maximal bad sequence
//!   (the WHATWG decoder's rule, which `String::from_utf8_lossy` follows); outside a string
//!   JSON's syntax fails in the browser too, so the file is refused ([`LoadError::NotUtf8`]);
//! - an escaped half of a surrogate pair with no other half (`"\ud800"`, which `JSON.parse`
//!   keeps as a lone UTF-16 unit and serde_json refuses) is read as U+FFFD; a whole pair
//!   (`"\ud83d\ude00"`) and an escaped backslash (`"\\ud800"`) are left alone;
//! - a number too large for a float (`1e400`, which `JSON.parse` reads as Infinity and
//!   serde_json refuses) is read as `null`, as if absent, and listed as out of range. The
//!   loader mends only the field or member serde_json refused ([`repaired`]), so a clean file
//!   costs two substring searches, not a pass over every byte.
//!
//! The escape and number repairs are written over the text in place (`\uFFFD` is as long as
//! `\ud800`; `null` and spaces as long as the number), so offsets never move and a repair is
//! found again by where it lies: [`paths_at`] names the field at an offset.

use crate::problem::{LoadError, ProblemKind};

/// The text with its repairs; offsets are bytes into `text`.
pub struct BrowserText {
    /// The file as text, with every repair applied.
    pub text: String,
    /// What was repaired, in file order.
    pub repairs: Vec<Repair>,
}

/// One place where the text was changed to read as a browser reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct Repair {
    /// Byte offset in the repaired text: inside the string, or where the number starts.
    pub at: usize,
    /// What was wrong there.
    pub kind: ProblemKind,
}

/// Reads `bytes` as text the way `Response.json()` does; fails only where the browser's JSON
/// syntax would fail too (bad bytes outside a string). `NotUtf8`'s offset is in `bytes`.
pub fn read(bytes: Vec<u8>) -> Result<BrowserText, LoadError> {
    let (text, bad_bytes) = match String::from_utf8(bytes) {
        Ok(text) => (text, Vec::new()),
        Err(e) => decode_lossy(e.as_bytes()),
    };
    // The scan reads every byte, a tenth of a large file's load: skipped when a fast search finds
    // no surrogate escape and no bad byte. Numbers too large are found then by serde_json's
    // refusal, and [`repaired`] mends that one field or member.
    if bad_bytes.is_empty() && !text.contains("\\ud") && !text.contains("\\uD") {
        return Ok(BrowserText { text, repairs: Vec::new() });
    }
    let edits = scan(text.as_bytes(), &bad_bytes)?;
    let mut repairs: Vec<Repair> =
        bad_bytes.iter().map(|bad| Repair { at: bad.at, kind: ProblemKind::InvalidUtf8 }).collect();
    if edits.is_empty() {
        return Ok(BrowserText { text, repairs });
    }
    let (text, mut more) = apply(text, edits);
    repairs.append(&mut more);
    repairs.sort_by_key(|repair| repair.at);
    Ok(BrowserText { text, repairs })
}

/// `json` (one value's text, valid UTF-8) with its lone surrogate escapes and numbers too large
/// repaired, and the repairs, offsets in `json`; for a value serde_json refused.
pub fn repaired(json: &str) -> (String, Vec<Repair>) {
    match scan(json.as_bytes(), &[]) {
        Ok(edits) => apply(json.to_owned(), edits),
        // Without bad bytes the scan has nothing to refuse.
        Err(_) => (json.to_owned(), Vec::new()),
    }
}

/// One value of type `T` read from `json`; a number too large for a float (which serde_json
/// refuses and `JSON.parse` reads as Infinity) is read as null, and listed by the repairs
/// (offsets in `json`). Mended only on refusal, so a clean value is read once.
pub fn parse<T: serde::de::DeserializeOwned>(json: &str) -> Result<(T, Vec<Repair>), serde_json::Error> {
    match serde_json::from_str(json) {
        Ok(value) => Ok((value, Vec::new())),
        Err(e) if e.to_string().starts_with("number out of range") => {
            let (json, repairs) = repaired(json);
            Ok((serde_json::from_str(&json)?, repairs))
        }
        Err(e) => Err(e),
    }
}

/// Writes the same-length `edits` over `text`.
fn apply(text: String, edits: Vec<Edit>) -> (String, Vec<Repair>) {
    let mut repairs = Vec::with_capacity(edits.len());
    let mut text = text;
    for edit in edits {
        let replacement = match edit.kind {
            ProblemKind::LoneSurrogate => "\\uFFFD".to_owned(),
            _ => format!("null{}", " ".repeat(edit.len - 4)),
        };
        // ASCII over ASCII of the same length: nothing moves, and the text stays UTF-8.
        text.replace_range(edit.at..edit.at + edit.len, &replacement);
        repairs.push(Repair { at: edit.at, kind: edit.kind });
    }
    (text, repairs)
}

/// Where a U+FFFD stands in for bad bytes: `at` in the text, `in_file` in the bytes.
struct BadBytes {
    at: usize,
    in_file: usize,
}

fn decode_lossy(bytes: &[u8]) -> (String, Vec<BadBytes>) {
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut bad = Vec::new();
    let mut in_file = 0;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        in_file += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            bad.push(BadBytes { at: text.len(), in_file });
            text.push(char::REPLACEMENT_CHARACTER);
            in_file += chunk.invalid().len();
        }
    }
    (text, bad)
}

/// A same-length rewrite the scan asks for.
struct Edit {
    at: usize,
    len: usize,
    kind: ProblemKind,
}

/// Finds lone surrogate escapes and overflowing numbers, and checks that every U+FFFD put in for
/// bad bytes lies inside a string. Only string and number syntax is followed: the rest of the
/// grammar is serde_json's to check, and on text it refuses these rewrites change nothing.
fn scan(text: &[u8], bad_bytes: &[BadBytes]) -> Result<Vec<Edit>, LoadError> {
    let mut edits = Vec::new();
    let mut bad = bad_bytes.iter().peekable();
    let mut i = 0;
    while i < text.len() {
        match text[i] {
            b'"' => {
                let start = i + 1;
                i = scan_string(text, start, &mut edits);
                // Bad bytes inside this string are read as U+FFFD, as the browser reads them.
                while bad.next_if(|b| b.at < i).is_some() {}
            }
            b'-' | b'0'..=b'9' => {
                let start = i;
                while i < text.len() && matches!(text[i], b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E') {
                    i += 1;
                }
                if overflows(&text[start..i]) {
                    edits.push(Edit {
                        at: start,
                        len: i - start,
                        kind: ProblemKind::OutOfRange { value: short(&text[start..i]) },
                    });
                }
            }
            _ => {
                if let Some(b) = bad.next_if(|b| b.at <= i) {
                    return Err(LoadError::NotUtf8 { offset: b.in_file });
                }
                i += 1;
            }
        }
    }
    Ok(edits)
}

/// Reads a string's body from `i` (just past the opening quote); returns the offset past its
/// closing quote, or the text's end when it has none.
fn scan_string(text: &[u8], mut i: usize, edits: &mut Vec<Edit>) -> usize {
    while i < text.len() {
        match text[i] {
            b'"' => return i + 1,
            b'\\' if text.get(i + 1) == Some(&b'u') => match hex4(text, i + 2) {
                Some(0xD800..=0xDBFF) => {
                    let low = (text.get(i + 6) == Some(&b'\\') && text.get(i + 7) == Some(&b'u'))
                        .then(|| hex4(text, i + 8))
                        .flatten();
                    if matches!(low, Some(0xDC00..=0xDFFF)) {
                        i += 12;
                    } else {
                        edits.push(Edit { at: i, len: 6, kind: ProblemKind::LoneSurrogate });
                        i += 6;
                    }
                }
                Some(0xDC00..=0xDFFF) => {
                    edits.push(Edit { at: i, len: 6, kind: ProblemKind::LoneSurrogate });
                    i += 6;
                }
                Some(_) => i += 6,
                // Not four hex digits: a syntax error serde_json reports.
                None => i += 2,
            },
            // Any other escape is two bytes; this also steps over `\\` and `\"`.
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
    text.len()
}

fn hex4(text: &[u8], at: usize) -> Option<u32> {
    let digits = text.get(at..at + 4)?;
    let digits = std::str::from_utf8(digits).ok()?;
    if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(digits, 16).ok()
}

/// Whether a number token is too large for a float. Only tokens with an exponent or 300 and
/// more characters can be (f64 ends near 1.8e308), so most are never parsed here.
fn overflows(token: &[u8]) -> bool {
    if token.len() < 300 && !token.iter().any(|b| matches!(b, b'e' | b'E')) {
        return false;
    }
    std::str::from_utf8(token).ok().and_then(|t| t.parse::<f64>().ok()).is_some_and(f64::is_infinite)
}

/// A number as the problem shows it, shortened when it is hundreds of digits long.
fn short(token: &[u8]) -> String {
    let token = String::from_utf8_lossy(token);
    if token.chars().count() > 24 {
        format!("{}…", token.chars().take(20).collect::<String>())
    } else {
        token.into_owned()
    }
}

/// The field at each offset of `offsets` (sorted) in `json`, one JSON value, named as the
/// loader names fields under `prefix` (`members[3]`, or `""` for the file): `prefix.key[2]`.
/// An offset inside an object's key names that key; one where a value starts, that value.
pub fn paths_at(json: &str, offsets: &[usize], prefix: &str) -> Vec<String> {
    /// An open object (its current key, and whether a key comes next) or list (its current index).
    enum Frame {
        Object { key: Option<String>, expecting_key: bool },
        List { index: usize },
    }
    fn render(prefix: &str, stack: &[Frame], key: Option<&str>) -> String {
        let mut out = prefix.to_owned();
        let push_key = |out: &mut String, key: &str| {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(key);
        };
        for frame in stack {
            match frame {
                Frame::Object { key: Some(key), .. } => push_key(&mut out, key),
                Frame::Object { key: None, .. } => {}
                Frame::List { index } => out.push_str(&format!("[{index}]")),
            }
        }
        if let Some(key) = key {
            push_key(&mut out, key);
        }
        if out.is_empty() {
            out.push_str("(file)");
        }
        out
    }
    let bytes = json.as_bytes();
    let mut out = Vec::with_capacity(offsets.len());
    let mut pending = offsets.iter().peekable();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < bytes.len() && pending.peek().is_some() {
        match bytes[i] {
            b'{' => {
                stack.push(Frame::Object { key: None, expecting_key: true });
                i += 1;
            }
            b'[' => {
                stack.push(Frame::List { index: 0 });
                i += 1;
            }
            b'}' | b']' => {
                stack.pop();
                i += 1;
            }
            b',' => {
                match stack.last_mut() {
                    Some(Frame::List { index }) => *index += 1,
                    Some(Frame::Object { key, expecting_key }) => {
                        *key = None;
                        *expecting_key = true;
                    }
                    None => {}
                }
                i += 1;
            }
            b'"' => {
                let end = scan_string(bytes, i + 1, &mut Vec::new());
                let is_key = matches!(stack.last(), Some(Frame::Object { expecting_key: true, .. }));
                if is_key {
                    let key: String = serde_json::from_str(&json[i..end])
                        .unwrap_or_else(|_| json[i + 1..end.saturating_sub(1)].to_owned());
                    while pending.next_if(|&&at| at < end).is_some() {
                        out.push(render(prefix, &stack, Some(&key)));
                    }
                    if let Some(Frame::Object { key: current, expecting_key }) = stack.last_mut() {
                        *current = Some(key);
                        *expecting_key = false;
                    }
                } else {
                    while pending.next_if(|&&at| at < end).is_some() {
                        out.push(render(prefix, &stack, None));
                    }
                }
                i = end;
            }
            _ => {
                // A number, `true`, `false` or `null` (a repaired number reads `null`) starts here.
                while pending.next_if(|&&at| at <= i).is_some() {
                    out.push(render(prefix, &stack, None));
                }
                i += 1;
            }
        }
    }
    // Offsets past the end (none, when they came from this text) name the whole value.
    out.extend(pending.map(|_| render(prefix, &[], None)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The repaired text and each repair as (field, kind).
    fn check(json: &str, expect_text: &str, expect: &[(&str, ProblemKind)]) {
        let (text, repairs) = repaired(json);
        assert_eq!(text, expect_text);
        let offsets: Vec<usize> = repairs.iter().map(|r| r.at).collect();
        let fields = paths_at(&text, &offsets, "");
        let found: Vec<(&str, ProblemKind)> =
            fields.iter().map(String::as_str).zip(repairs.iter().map(|r| r.kind.clone())).collect();
        assert_eq!(found, expect);
    }

    use ProblemKind::LoneSurrogate as Lone;

    #[test]
    fn lone_halves_become_replacement_escapes_in_place() {
        check(r#"{"a": "x\ud800y"}"#, r#"{"a": "x\uFFFDy"}"#, &[("a", Lone)]);
        check(r#"{"a": "\udc00"}"#, r#"{"a": "\uFFFD"}"#, &[("a", Lone)]);
        check(r#"{"a": "\uD800\u0041"}"#, r#"{"a": "\uFFFD\u0041"}"#, &[("a", Lone)]);
        check(r#"{"a": "\ud800\ud800"}"#, r#"{"a": "\uFFFD\uFFFD"}"#, &[("a", Lone), ("a", Lone)]);
        check(r#"{"a": "\udc00\ud800"}"#, r#"{"a": "\uFFFD\uFFFD"}"#, &[("a", Lone), ("a", Lone)]);
        check(r#"{"a": ["ok", {"b\ud800": 1}]}"#, r#"{"a": ["ok", {"b\uFFFD": 1}]}"#, &[("a[1].b\u{FFFD}", Lone)]);
    }

    #[test]
    fn whole_pairs_and_escaped_backslashes_are_left_alone() {
        for json in
            [r#"{"a": "\ud83d\ude00"}"#, r#"{"a": "\\ud800"}"#, r#"{"a": "\\\"\ud83d\uDE00"}"#, r#"{"a": "\u00e9"}"#]
        {
            check(json, json, &[]);
        }
    }

    #[test]
    fn numbers_too_large_for_a_float_read_as_null() {
        let out_of_range = |value: &str| ProblemKind::OutOfRange { value: value.into() };
        check(r#"{"a": [1, 1e400]}"#, r#"{"a": [1, null ]}"#, &[("a[1]", out_of_range("1e400"))]);
        check(r#"{"a": -1E+999, "b": 1e308}"#, r#"{"a": null   , "b": 1e308}"#, &[("a", out_of_range("-1E+999"))]);
        let huge = format!(r#"{{"n": 1{}}}"#, "0".repeat(400));
        let (text, repairs) = repaired(&huge);
        assert!(text.starts_with(r#"{"n": null "#));
        assert_eq!(repairs[0].kind, out_of_range("10000000000000000000…"));
    }

    #[test]
    fn bad_bytes_inside_strings_are_read_as_replacement_characters() {
        let read = read(b"{\"a\": \"Ingenier\xeda\", \"b\": \"\xf0\x9f\x98\"}".to_vec()).expect("reads");
        assert_eq!(read.text, "{\"a\": \"Ingenier\u{FFFD}a\", \"b\": \"\u{FFFD}\"}");
        let offsets: Vec<usize> = read.repairs.iter().map(|r| r.at).collect();
        assert_eq!(paths_at(&read.text, &offsets, "members[2]"), ["members[2].a", "members[2].b"]);
    }

    #[test]
    fn bad_bytes_outside_strings_are_refused_at_their_offset_in_the_file() {
        let refused = read(b"{\"a\": \"\xff\", \xff \"b\": 1}".to_vec()).err();
        assert_eq!(refused, Some(LoadError::NotUtf8 { offset: 11 }));
    }
}
