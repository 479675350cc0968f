//! What the page and its parsing worker say to each other, as bytes.
//!
//! A request is a frame: a little-endian `u32` length and the JSON of [`Request`], then for
//! each file in the request a `u32` length and the file's bytes. The reply is the JSON of
//! [`Reply`]. Both sides are plain Rust, so the framing is tested natively; the worker's
//! JavaScript only passes the bytes through.

use serde::{Deserialize, Serialize};

/// What the page asks the worker to do with the files that follow the request in its frame.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// The files' names, in the order of their bytes in the frame.
    pub file_names: Vec<String>,
    /// The CSV separator chosen by hand (`,` `;` or a tab); `None` detects it.
    pub separator: Option<char>,
    /// Columns assigned by hand.
    pub assignments: Vec<Assignment>,
    /// The published directory's `directory.json`, whose vocabularies the import matches
    /// capability and certification names against; empty for none.
    pub base_directory: String,
    /// What to do with capability and certification names the vocabulary does not have.
    pub unmatched: Vec<UnmatchedChoice>,
}

/// A column of a sheet assigned by hand to a member field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    /// The sheet's name.
    pub sheet: String,
    /// The header's text, as the sheet has it.
    pub header: String,
    /// The field path (`Column::field()`), or empty to ignore the column.
    pub field: String,
}

/// A staff member's choice for one capability or certification name not in the vocabulary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnmatchedChoice {
    /// `capability` or `certification`.
    pub kind: String,
    /// The name as the sheet has it.
    pub value: String,
    /// `map:<id>`, `add` or `leave`.
    pub choice: String,
}

/// The worker's answer to one request.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// The files were read (possibly with problems).
    Read(ReadView),
    /// The files could not be read at all.
    Failed(Localized),
}

/// A text a person reads, in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Localized {
    /// Spanish.
    pub es: String,
    /// English.
    pub en: String,
}

impl Localized {
    /// The text in `lang`.
    pub fn get(&self, lang: vitrina_core::Lang) -> &str {
        lang.pick(&self.es, &self.en)
    }
}

/// The files read, how, and what the import made of them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReadView {
    /// One entry per file, in the order given.
    pub files: Vec<FileView>,
    /// Every problem found, in file, sheet and row order.
    pub problems: Vec<ProblemView>,
    /// The imported members as a `directory.json` (the base directory's vocabularies included);
    /// empty when the import found no member sheet.
    pub directory_json: String,
    /// The member fields the sheets had, as field paths.
    pub fields: Vec<String>,
    /// Capability and certification names not in the vocabulary.
    pub unmatched: Vec<UnmatchedView>,
}

/// One file as read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileView {
    /// The file's name.
    pub name: String,
    /// How it was read (format, encoding), for the plan.
    pub format: Localized,
    /// The separator a CSV was split on.
    pub separator: Option<char>,
    /// Its sheets, in tab order.
    pub sheets: Vec<SheetView>,
    /// Why the file could not be read, when it could not.
    pub error: Option<Localized>,
}

/// One sheet and the import's plan for it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SheetView {
    /// The sheet's name.
    pub name: String,
    /// How many non-blank rows it has.
    pub rows: usize,
    /// What the import reads it as (members, contacts, certifications, not used).
    pub role: Localized,
    /// True for the members sheet.
    pub is_members: bool,
    /// The header row's spreadsheet number, when one was found.
    pub header_row: Option<usize>,
    /// The header's columns.
    pub columns: Vec<ColumnView>,
}

/// One column of a sheet's header.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnView {
    /// The header's text.
    pub header: String,
    /// The field it fills (`Column::field()`), empty when not recognised.
    pub field: String,
    /// True when the field was assigned by hand.
    pub by_hand: bool,
    /// A few values from the rows below, to help assign it.
    pub samples: Vec<String>,
}

/// One problem, located as the spreadsheet shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProblemView {
    /// The sheet's name.
    pub sheet: String,
    /// The spreadsheet row number, 0 for the whole sheet.
    pub row: usize,
    /// The column's header, empty for the whole row.
    pub column: String,
    /// What is wrong and what was kept or dropped.
    pub message: Localized,
}

/// A capability or certification name the vocabulary does not have, and its nearest entries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnmatchedView {
    /// `capability` or `certification`.
    pub kind: String,
    /// The name as the sheet has it.
    pub value: String,
    /// The closest existing entries: id and label.
    pub closest: Vec<(String, String)>,
    /// The choice in effect (`map:<id>`, `add` or `leave`).
    pub choice: String,
}

/// Why a frame could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FrameError {
    /// Occurs when the frame ends before a length or the bytes it announces.
    Truncated,
    /// Occurs when the request's JSON does not parse.
    BadRequest(String),
    /// Occurs when the frame's files do not match the request's file names.
    FileCount,
}

/// Writes a request and its files' bytes into one frame.
pub fn encode_request(request: &Request, files: &[&[u8]]) -> Vec<u8> {
    let json = serde_json::to_vec(request).unwrap_or_default();
    let mut frame = Vec::with_capacity(json.len() + files.iter().map(|file| file.len() + 4).sum::<usize>() + 4);
    for part in std::iter::once(json.as_slice()).chain(files.iter().copied()) {
        frame.extend_from_slice(&(part.len() as u32).to_le_bytes());
        frame.extend_from_slice(part);
    }
    frame
}

/// Reads a frame back into its request and its files' bytes.
pub fn decode_request(frame: &[u8]) -> Result<(Request, Vec<&[u8]>), FrameError> {
    let mut parts = Vec::new();
    let mut rest = frame;
    while !rest.is_empty() {
        let (length, after) = rest.split_first_chunk::<4>().ok_or(FrameError::Truncated)?;
        let length = u32::from_le_bytes(*length) as usize;
        if after.len() < length {
            return Err(FrameError::Truncated);
        }
        let (part, after) = after.split_at(length);
        parts.push(part);
        rest = after;
    }
    let Some((json, files)) = parts.split_first() else {
        return Err(FrameError::Truncated);
    };
    let request: Request = serde_json::from_slice(json).map_err(|error| FrameError::BadRequest(error.to_string()))?;
    if request.file_names.len() != files.len() {
        return Err(FrameError::FileCount);
    }
    Ok((request, files.to_vec()))
}

/// The reply as bytes for the page.
pub fn encode_reply(reply: &Reply) -> Vec<u8> {
    serde_json::to_vec(reply).unwrap_or_default()
}

/// The page's reading of the worker's bytes; `None` when they are not a reply.
pub fn decode_reply(bytes: &[u8]) -> Option<Reply> {
    serde_json::from_slice(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_frame_gives_back_its_request_and_files() {
        let request = Request {
            file_names: vec!["socios.csv".into(), "vacío.csv".into()],
            separator: Some(';'),
            ..Request::default()
        };
        let frame = encode_request(&request, &[b"Nombre;Ciudad\nA;B\n", b""]);
        let (read, files) = decode_request(&frame).expect("a frame we wrote");
        assert_eq!(read, request);
        assert_eq!(files, vec![&b"Nombre;Ciudad\nA;B\n"[..], &b""[..]]);
    }

    #[test]
    fn a_cut_frame_or_a_missing_file_is_an_error() {
        let request = Request { file_names: vec!["a.csv".into()], ..Request::default() };
        let frame = encode_request(&request, &[b"abc"]);
        assert_eq!(decode_request(&frame[..frame.len() - 1]), Err(FrameError::Truncated));
        assert_eq!(decode_request(&[]), Err(FrameError::Truncated));
        assert_eq!(decode_request(&encode_request(&request, &[])), Err(FrameError::FileCount));
        assert!(matches!(decode_request(&[1, 0, 0, 0, b'{']), Err(FrameError::BadRequest(_))));
    }

    proptest! {
        #[test]
        fn any_files_survive_the_frame(files in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..64), 0..4)) {
            let request = Request { file_names: files.iter().enumerate().map(|(i, _)| format!("f{i}")).collect(), ..Request::default() };
            let slices: Vec<&[u8]> = files.iter().map(Vec::as_slice).collect();
            let frame = encode_request(&request, &slices);
            let (_, read) = decode_request(&frame).expect("a frame we wrote");
            prop_assert_eq!(read, slices);
        }

        #[test]
        fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            let _ = decode_request(&bytes);
        }
    }
}
