//! Case and accent folding, and splitting text into words.
//!
//! Folding is a hand-written table rather than the `unicode-normalization` crate: the
//! decomposition tables that crate carries cost tens of kilobytes of wasm, the directory's
//! languages are written in Latin script, and the table below covers every letter of
//! Latin-1 Supplement and Latin Extended-A (Spanish, Portuguese, French, German, Polish,
//! Czech, Turkish, …) in 384 bytes. Anything else is lowercased with `char::to_lowercase`
//! and kept, so other scripts still search, only without accent folding.
//!
//! The rules:
//! - letters and digits are word characters; everything else separates words;
//! - ASCII is lowercased;
//! - U+00C0–U+017F fold to their base letters (`É` → `e`, `ñ` → `n`, `ł` → `l`), ligatures
//!   and special letters spell out (`ß` → `ss`, `æ` → `ae`, `œ` → `oe`, `ĳ` → `ij`,
//!   `þ` → `th`, `ø` → `o`, `đ` → `d`); `×` and `÷` separate words;
//! - Romanian `ș`/`ț` (comma below) fold to `s`/`t`;
//! - combining marks U+0300–U+036F (text typed as `e` + U+0301) are dropped inside a word;
//! - any other letter or digit is lowercased with `char::to_lowercase` and kept.

use std::ops::Range;

/// The folding of U+00C0..=U+017F: two ASCII bytes per code point, a space padding a
/// one-letter folding; two spaces mean the character separates words (`×`, `÷`).
/// Generated from Unicode NFKD decompositions, lowercased, combining marks removed.
const LATIN: &[u8; 384] = b"\
a a a a a a aec e e e e i i i i d n o o o o o   o u u u u y thss\
a a a a a a aec e e e e i i i i d n o o o o o   o u u u u y thy \
a a a a a a c c c c c c c c d d d d e e e e e e e e e e g g g g \
g g g g h h h h i i i i i i i i i i ijijj j k k k l l l l l l l \
l l l n n n n n n n n n o o o o o o oeoer r r r r r s s s s s s \
s s t t t t t t u u u u u u u u u u u u w w y y y z z z z z z s ";

/// What one character of text turns into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fold {
    /// It separates words.
    Separator,
    /// It belongs to the word but adds nothing (a combining accent).
    Nothing,
    /// These characters (the second may be absent).
    Chars(char, Option<char>),
}

#[inline]
fn fold(c: char) -> Fold {
    if c.is_ascii() {
        return if c.is_ascii_alphanumeric() { Fold::Chars(c.to_ascii_lowercase(), None) } else { Fold::Separator };
    }
    if let Some(folded) = fold_table(c) {
        return folded;
    }
    if !c.is_alphanumeric() {
        return Fold::Separator;
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next(), lower.next()) {
        // Almost every letter lowercases to one letter, possibly one of the table's.
        (Some(one), None, _) => fold_table(one).unwrap_or(Fold::Chars(one, None)),
        // `İ` → `i` + U+0307 is in the table; the rest (`ẞ`-like cases) keep what is not a mark.
        (Some(first), Some(second), None) if is_combining(second) => Fold::Chars(first, None),
        (Some(first), Some(second), None) => Fold::Chars(first, Some(second)),
        _ => Fold::Chars(c, None),
    }
}

#[inline]
fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

#[inline]
fn fold_table(c: char) -> Option<Fold> {
    let code = c as u32;
    match code {
        0x300..=0x36F => Some(Fold::Nothing),
        0xC0..=0x17F => {
            let at = 2 * (code - 0xC0) as usize;
            let (first, second) = (LATIN[at], LATIN[at + 1]);
            Some(match (first, second) {
                (b' ', _) => Fold::Separator,
                (first, b' ') => Fold::Chars(first as char, None),
                (first, second) => Fold::Chars(first as char, Some(second as char)),
            })
        }
        0x218 | 0x219 => Some(Fold::Chars('s', None)),
        0x21A | 0x21B => Some(Fold::Chars('t', None)),
        _ => None,
    }
}

/// Calls `word` with every folded word of `text`, in order; `buffer` is scratch space.
pub(crate) fn for_each_word(text: &str, buffer: &mut String, mut word: impl FnMut(&str)) {
    buffer.clear();
    let mut rest = text;
    while !rest.is_empty() {
        // Runs of ASCII, the bulk of most texts, skip the general folding.
        let ascii = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        let (mut run, after) = rest.split_at(ascii);
        while !run.is_empty() {
            let letters = run.bytes().position(|b| !b.is_ascii_alphanumeric()).unwrap_or(run.len());
            if letters > 0 {
                let start = buffer.len();
                buffer.push_str(&run[..letters]);
                buffer[start..].make_ascii_lowercase();
            }
            if letters < run.len() {
                if !buffer.is_empty() {
                    word(buffer);
                    buffer.clear();
                }
                run = &run[letters + 1..];
            } else {
                run = "";
            }
        }
        rest = after;
        let mut chars = rest.chars();
        let Some(c) = chars.next() else { break };
        rest = chars.as_str();
        match fold(c) {
            Fold::Separator => {
                if !buffer.is_empty() {
                    word(buffer);
                    buffer.clear();
                }
            }
            Fold::Nothing => {}
            Fold::Chars(first, second) => {
                buffer.push(first);
                if let Some(second) = second {
                    buffer.push(second);
                }
            }
        }
    }
    if !buffer.is_empty() {
        word(buffer);
    }
}

/// Case- and accent-insensitive folding, the form the search index compares.
///
/// Words are lowercased and accent-folded (see the module documentation), runs of anything
/// that is not a letter or digit become one space, and the result is trimmed:
/// `normalize("  Estampación, S.A. ")` is `"estampacion s a"`. Two texts a visitor would
/// call the same up to case, accents and punctuation normalize to the same string.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut buffer = String::new();
    for_each_word(text, &mut buffer, |word| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    });
    out
}

/// The distinct folded words of a search text, in the order typed.
pub fn query_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut buffer = String::new();
    for_each_word(text, &mut buffer, |word| {
        if !words.iter().any(|w| w == word) {
            words.push(word.to_owned());
        }
    });
    words
}

/// Where the words of `query` match in `text`, for highlighting: byte ranges of `text`, in
/// order and not overlapping, each covering the start of a word of `text` that a query word
/// is a prefix of (after folding), as far as the longest such query word reaches.
///
/// `match_ranges("Estampación y troquelado", "estamp TRO")` is `[0..6, 15..18]`.
pub fn match_ranges(text: &str, query: &str) -> Vec<Range<usize>> {
    let words = query_words(query);
    let mut ranges = Vec::new();
    if words.is_empty() {
        return ranges;
    }
    // The current word: where it starts, its folded form, and after each original character
    // the byte where that character ends and how long the folded word was by then.
    let mut start = None;
    let mut folded = String::new();
    let mut ends: Vec<(usize, usize)> = Vec::new();
    let mut finish = |start: &mut Option<usize>, folded: &mut String, ends: &mut Vec<(usize, usize)>| {
        if let Some(word_start) = start.take() {
            let longest = words.iter().filter(|w| folded.starts_with(w.as_str())).map(|w| w.len()).max();
            if let Some(len) = longest {
                if let Some(&(end, _)) = ends.iter().find(|(_, folded_len)| *folded_len >= len) {
                    ranges.push(word_start..end);
                }
            }
        }
        folded.clear();
        ends.clear();
    };
    for (at, c) in text.char_indices() {
        match fold(c) {
            Fold::Separator => finish(&mut start, &mut folded, &mut ends),
            Fold::Nothing => {
                // A combining mark stays with the letter before it.
                start.get_or_insert(at);
                match ends.last_mut() {
                    Some(last) => last.0 = at + c.len_utf8(),
                    None => ends.push((at + c.len_utf8(), 0)),
                }
            }
            Fold::Chars(first, second) => {
                start.get_or_insert(at);
                folded.push(first);
                if let Some(second) = second {
                    folded.push(second);
                }
                ends.push((at + c.len_utf8(), folded.len()));
            }
        }
    }
    finish(&mut start, &mut folded, &mut ends);
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(normalize("Estampación"), "estampacion");
        assert_eq!(normalize("MÉXICO"), "mexico");
        assert_eq!(normalize("Ñandú"), "nandu");
        assert_eq!(normalize("Straße Œuvre Æsir Øresund Łódź"), "strasse oeuvre aesir oresund lodz");
        assert_eq!(normalize("Ärger über Öl"), "arger uber ol");
        assert_eq!(normalize("İstanbul ışık"), "istanbul isik");
        assert_eq!(normalize("Timișoara Constanța"), "timisoara constanta");
        assert_eq!(normalize("ẞ"), "ss");
    }

    #[test]
    fn combining_marks_stay_inside_the_word() {
        assert_eq!(normalize("Estampacio\u{301}n"), "estampacion");
        assert_eq!(normalize("\u{301}a"), "a");
    }

    #[test]
    fn punctuation_separates_words() {
        assert_eq!(normalize("  Aceros del Norte, S.A. de C.V.  "), "aceros del norte s a de c v");
        assert_eq!(normalize("ISO/IEC 17025 CQI-9 2×4"), "iso iec 17025 cqi 9 2 4");
        assert_eq!(normalize("¡¿—!?"), "");
        assert_eq!(normalize(""), "");
    }

    #[test]
    fn other_scripts_are_lowercased_and_kept() {
        assert_eq!(normalize("ΑΘΗΝΑ 東京"), "αθηνα 東京");
    }

    #[test]
    fn the_table_spells_what_it_says() {
        assert_eq!(
            normalize("ÀÁÂÃÄÅ àáâãäå Çç ÈÉÊË Ìí Ññ ÒÓÔÕÖ ÙÚÛÜ Ýÿ Þþ Ðð"),
            "aaaaaa aaaaaa cc eeee ii nn ooooo uuuu yy thth dd"
        );
        assert_eq!(
            normalize("ĀāĂăĄą ĆćČč ĎďĐđ ĘęĚě ĞğĠġ ĦħĲĳ ĽľŁł ŃńŇňŊŋ ŐőŒœ ŘřŚśŞşŠš ŢţŦŧ ŮůŰű ŴŵŶŷŹźŻżŽž ſ"),
            "aaaaaa cccc dddd eeee gggg hhijij llll nnnnnn oooeoe rrssssss tttt uuuu wwyyzzzzzz s"
        );
    }

    #[test]
    fn query_words_are_distinct_in_typed_order() {
        assert_eq!(query_words("Troquelado  ESTAMPADO troquelado"), ["troquelado", "estampado"]);
        assert!(query_words(" - ").is_empty());
    }

    fn spans(text: &str, query: &str) -> Vec<(usize, usize)> {
        match_ranges(text, query).into_iter().map(|r| (r.start, r.end)).collect()
    }

    #[test]
    fn match_ranges_cover_the_matched_prefixes() {
        assert_eq!(spans("Estampación y troquelado", "estamp TRO"), [(0, 6), (15, 18)]);
        // The range covers whole characters: `ß` folds to `ss`, and `stras` takes all of it.
        assert_eq!(spans("Straße", "stra"), [(0, 4)]);
        assert_eq!(spans("Straße", "stras"), [(0, 6)]);
        assert_eq!(spans("Straße", "strasse"), [(0, 7)]);
        assert_eq!(spans("Acción", "accio"), [(0, 6)]);
        assert_eq!(spans("Acción", "accion"), [(0, 7)]);
        assert!(spans("Mexico", "ex").is_empty());
        assert!(spans("Mexico", "").is_empty());
        assert_eq!(spans("a e\u{301} b", "e"), [(2, 5)]);
    }
}
