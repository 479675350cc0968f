//! Bytes to text. The rules:
//! - a byte order mark decides: UTF-8, UTF-16LE (Excel's "Texto Unicode") or UTF-16BE, and is
//!   not part of the text;
//! - without one, text whose every other byte is zero is UTF-16 (little- or big-endian by
//!   which bytes are zero): an export that lost its mark, which would otherwise read as binary;
//! - otherwise, valid UTF-8 is UTF-8;
//! - anything else is Windows-1252, what Excel on Windows in Mexico writes ("CSV (delimitado
//!   por comas)"). Every byte has a meaning there, so this step never fails.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

/// The encoding a file was read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceEncoding {
    /// UTF-8 without a byte order mark.
    Utf8,
    /// UTF-8 with a byte order mark (Excel's "CSV UTF-8").
    Utf8Bom,
    /// UTF-16 little-endian (Excel's "Texto Unicode" writes a byte order mark).
    Utf16Le,
    /// UTF-16 big-endian.
    Utf16Be,
    /// Windows-1252, assumed for text that is not UTF-8 and has no byte order mark.
    Windows1252,
}

/// Text decoded from a file's bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte order mark.
    pub text: String,
    /// The encoding it was read in.
    pub encoding: SourceEncoding,
    /// True when some bytes could not be read and became U+FFFD (only UTF-16 and BOM'd UTF-8).
    pub replaced: bool,
}

/// Decodes a file's bytes by the rules in the module documentation.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        let source = if encoding == UTF_8 {
            SourceEncoding::Utf8Bom
        } else if encoding == UTF_16LE {
            SourceEncoding::Utf16Le
        } else {
            debug_assert!(encoding == UTF_16BE);
            SourceEncoding::Utf16Be
        };
        let (text, replaced) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
        return Decoded { text: text.into_owned(), encoding: source, replaced };
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        let (text, replaced) = encoding.decode_without_bom_handling(bytes);
        let source = if encoding == UTF_16LE { SourceEncoding::Utf16Le } else { SourceEncoding::Utf16Be };
        return Decoded { text: text.into_owned(), encoding: source, replaced };
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded { text: text.to_owned(), encoding: SourceEncoding::Utf8, replaced: false },
        Err(_) => {
            let (text, replaced) = WINDOWS_1252.decode_without_bom_handling(bytes);
            Decoded { text: text.into_owned(), encoding: SourceEncoding::Windows1252, replaced }
        }
    }
}

/// UTF-16 without a byte order mark, told by its zero bytes: over the first code units, most
/// have a zero high byte (Latin text, accents included) and almost none a zero low byte.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let units: Vec<&[u8]> = bytes.chunks_exact(2).take(512).collect();
    if units.len() < 2 {
        return None;
    }
    let zero_at = |i: usize| units.iter().filter(|unit| unit[i] == 0).count();
    let (zero_first, zero_second) = (zero_at(0), zero_at(1));
    let mostly = |n: usize| n * 10 >= units.len() * 7;
    let hardly = |n: usize| n * 20 <= units.len();
    if mostly(zero_second) && hardly(zero_first) {
        Some(UTF_16LE)
    } else if mostly(zero_first) && hardly(zero_second) {
        Some(UTF_16BE)
    } else {
        None
    }
}
