//! Bytes to text. The rules:
//! - a byte order mark decides: UTF-8, UTF-16LE (Excel's "Texto Unicode") or UTF-16BE, and is
//!   not part of the text;
//! - without one, valid UTF-8 is UTF-8;
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
    /// UTF-16 little-endian with a byte order mark (Excel's "Texto Unicode").
    Utf16Le,
    /// UTF-16 big-endian with a byte order mark.
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
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded { text: text.to_owned(), encoding: SourceEncoding::Utf8, replaced: false },
        Err(_) => {
            let (text, replaced) = WINDOWS_1252.decode_without_bom_handling(bytes);
            Decoded { text: text.into_owned(), encoding: SourceEncoding::Windows1252, replaced }
        }
    }
}
