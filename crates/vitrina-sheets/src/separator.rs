//! Which character separates the fields. The rules:
//! - a first line `sep=;` (Excel's hint, also `sep=,` and `sep=` + tab) decides, and is not a
//!   data row; a hint naming another character is not a hint, and stays a row;
//! - otherwise, over the first [`LINES_LOOKED_AT`] lines (quote-aware, so a quoted `;` or line
//!   break does not count), the candidate whose field count is the same on the most lines
//!   wins; title rows with no separator at all do not vote;
//! - ties go to the larger field count, then to `;`, `,`, tab in that order; with no
//!   separator anywhere, `,`.

/// How many lines [`detect_separator`] looks at.
pub const LINES_LOOKED_AT: usize = 30;

/// A field separator a spreadsheet export uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Separator {
    /// `,`, the default.
    Comma,
    /// `;`, what Excel writes in Spanish locales, where `,` is the decimal mark.
    Semicolon,
    /// A tab, what Excel's "Texto Unicode" writes.
    Tab,
}

impl Separator {
    /// The separator's byte.
    pub fn byte(self) -> u8 {
        match self {
            Separator::Comma => b',',
            Separator::Semicolon => b';',
            Separator::Tab => b'\t',
        }
    }

    fn from_char(c: char) -> Option<Separator> {
        match c {
            ',' => Some(Separator::Comma),
            ';' => Some(Separator::Semicolon),
            '\t' => Some(Separator::Tab),
            _ => None,
        }
    }
}

/// Splits off Excel's `sep=` first line: the separator it names, and the text after it.
pub fn split_separator_hint(text: &str) -> (Option<Separator>, &str) {
    let (first, rest) = match text.find('\n') {
        Some(end) => (&text[..end], &text[end + 1..]),
        None => (text, ""),
    };
    let first = first.strip_suffix('\r').unwrap_or(first);
    let Some(value) = first.get(..4).filter(|p| p.eq_ignore_ascii_case("sep=")).map(|_| &first[4..]) else {
        return (None, text);
    };
    let mut chars = value.chars();
    match (chars.next().and_then(Separator::from_char), chars.next()) {
        (Some(separator), None) => (Some(separator), rest),
        _ => (None, text),
    }
}

/// The separator of a CSV text, by the rules in the module documentation.
pub fn detect_separator(text: &str) -> Separator {
    let (hint, body) = split_separator_hint(text);
    if let Some(separator) = hint {
        return separator;
    }
    // Candidates in tie-breaking order.
    let candidates = [Separator::Semicolon, Separator::Comma, Separator::Tab];
    let counts = separator_counts(body, &candidates);
    let mut best: Option<(usize, usize, Separator)> = None;
    for (i, &separator) in candidates.iter().enumerate() {
        let per_line: Vec<usize> = counts.iter().map(|line| line[i]).filter(|&n| n > 0).collect();
        // The most frequent count, larger counts winning ties.
        let Some((agreeing, count)) = per_line
            .iter()
            .map(|&n| (per_line.iter().filter(|&&m| m == n).count(), n))
            .max_by_key(|&(agreeing, n)| (agreeing, n))
        else {
            continue;
        };
        if best.is_none_or(|(a, c, _)| (agreeing, count) > (a, c)) {
            best = Some((agreeing, count, separator));
        }
    }
    best.map_or(Separator::Comma, |(_, _, separator)| separator)
}

/// For each of the first lines, how many times each candidate occurs outside quotes.
fn separator_counts(text: &str, candidates: &[Separator; 3]) -> Vec<[usize; 3]> {
    let mut lines = Vec::new();
    let mut current = [0usize; 3];
    let mut in_quotes = false;
    for byte in text.bytes() {
        match byte {
            b'"' => in_quotes = !in_quotes,
            b'\n' if !in_quotes => {
                lines.push(current);
                current = [0; 3];
                if lines.len() == LINES_LOOKED_AT {
                    return lines;
                }
            }
            _ if !in_quotes => {
                if let Some(i) = candidates.iter().position(|s| s.byte() == byte) {
                    current[i] += 1;
                }
            }
            _ => {}
        }
    }
    lines.push(current);
    lines
}
