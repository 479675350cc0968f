//! What the page and its parsing worker say to each other, as bytes.
//!
//! A request is a frame: a little-endian `u32` length and the JSON of [`Request`], then the
//! published `directory.json` the same way, then for each file a `u32` length and its bytes. The reply is the JSON of
//! [`Reply`]. Both sides are plain Rust, so the framing is tested natively; the worker's
//! JavaScript only passes the bytes through.

use serde::{Deserialize, Serialize};

/// What the page asks the worker to do with the files that follow the request in its frame.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// The files' names, in the order of their bytes in the frame.
    pub file_names: Vec<String>,
    /// Counts the page's picks: the worker keeps the last pick's workbooks and reads the files
    /// again only for a new pick or another separator.
    pub files_version: u32,
    /// The CSV separator chosen by hand (`,` `;` or a tab); `None` detects it.
    pub separator: Option<char>,
    /// The saved mapping's JSON (`vitrina_sheets::Mapping`); empty for none.
    pub mapping: String,
    /// Whether the merge removes the published members the sheets lack.
    pub remove_missing: bool,
}

/// The worker's answer to one request.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// The files were read (possibly with problems).
    Read(Box<ReadView>),
    /// The files could not be read at all.
    Failed(Localized),
}

/// A text a person reads, in both languages.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
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
    /// Capability and certification names not in the vocabulary.
    pub unmatched: Vec<UnmatchedView>,
    /// How many members the sheets gave.
    pub members_read: usize,
    /// The merge with the published directory, before anything is written.
    pub summary: Option<SummaryView>,
    /// The mapping in effect (the saved one), as JSON, to save as a file.
    pub mapping: String,
    /// Why the saved mapping was not used, when it was not.
    pub mapping_error: Option<Localized>,
}

/// The merge's summary: members added, changed field by field, and missing.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SummaryView {
    /// One line with the counts.
    pub headline: Localized,
    /// Id and name of each member added.
    pub added: Vec<(String, String)>,
    /// Each member changed.
    pub changed: Vec<ChangeView>,
    /// Id and name of each published member the sheets lack.
    pub missing: Vec<(String, String)>,
    /// True when the missing members are removed.
    pub removed: bool,
}

/// One member changed, field by field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChangeView {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Each field changed: its label, the value before and after.
    pub fields: Vec<(Localized, String, String)>,
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
    /// What it is read as: a field path (`Column::field()`), `capability` (a matrix column),
    /// `ignore`, or empty when not recognised.
    pub target: String,
    /// True when the mapping assigned it by hand.
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
    /// True for a certification, false for a capability.
    pub certification: bool,
    /// The name as the sheet first has it.
    pub value: String,
    /// The name folded: the key of its decision in the mapping.
    pub folded: String,
    /// How many cells hold it.
    pub count: usize,
    /// The closest existing entries: id and label.
    pub closest: Vec<(String, Localized)>,
    /// The decision in effect: `map:<id>`, `add`, `leave`, or empty for none yet.
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

/// Writes a request, the published directory (empty for none) and the files' bytes into one frame.
pub fn encode_request(request: &Request, published: &[u8], files: &[&[u8]]) -> Vec<u8> {
    let json = serde_json::to_vec(request).unwrap_or_default();
    let size = json.len() + published.len() + files.iter().map(|file| file.len() + 4).sum::<usize>() + 8;
    let mut frame = Vec::with_capacity(size);
    for part in [json.as_slice(), published].into_iter().chain(files.iter().copied()) {
        frame.extend_from_slice(&(part.len() as u32).to_le_bytes());
        frame.extend_from_slice(part);
    }
    frame
}

/// The parts of a request frame.
pub type Frame<'a> = (Request, &'a [u8], Vec<&'a [u8]>);

/// Reads a frame back into its request, the published directory and the files' bytes.
pub fn decode_request(frame: &[u8]) -> Result<Frame<'_>, FrameError> {
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
    let [json, published, files @ ..] = parts.as_slice() else {
        return Err(FrameError::Truncated);
    };
    let request: Request = serde_json::from_slice(json).map_err(|error| FrameError::BadRequest(error.to_string()))?;
    if request.file_names.len() != files.len() {
        return Err(FrameError::FileCount);
    }
    Ok((request, published, files.to_vec()))
}

/// The reply as bytes for the page: a `u32` length and the reply's JSON, then the merged
/// `directory.json` as is (megabytes: not escaped into the JSON and parsed back out).
pub fn encode_reply(reply: &Reply) -> Vec<u8> {
    let (reply, directory) = match reply {
        Reply::Read(view) => {
            let mut light = view.clone();
            let directory = std::mem::take(&mut light.directory_json);
            (Reply::Read(light), directory)
        }
        Reply::Failed(_) => (reply.clone(), String::new()),
    };
    let json = serde_json::to_vec(&reply).unwrap_or_default();
    let mut bytes = Vec::with_capacity(4 + json.len() + directory.len());
    bytes.extend_from_slice(&(json.len() as u32).to_le_bytes());
    bytes.extend_from_slice(&json);
    bytes.extend_from_slice(directory.as_bytes());
    bytes
}

/// The page's reading of the worker's bytes; `None` when they are not a reply.
pub fn decode_reply(bytes: &[u8]) -> Option<Reply> {
    let (length, rest) = bytes.split_first_chunk::<4>()?;
    let length = u32::from_le_bytes(*length) as usize;
    if rest.len() < length {
        return None;
    }
    let (json, directory) = rest.split_at(length);
    let mut reply: Reply = serde_json::from_slice(json).ok()?;
    if let Reply::Read(view) = &mut reply {
        view.directory_json = String::from_utf8(directory.to_vec()).ok()?;
    }
    Some(reply)
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
        let frame = encode_request(&request, b"{}", &[b"Nombre;Ciudad\nA;B\n", b""]);
        let (read, published, files) = decode_request(&frame).expect("a frame we wrote");
        assert_eq!(read, request);
        assert_eq!(published, b"{}");
        assert_eq!(files, vec![&b"Nombre;Ciudad\nA;B\n"[..], &b""[..]]);
    }

    #[test]
    fn a_cut_frame_or_a_missing_file_is_an_error() {
        let request = Request { file_names: vec!["a.csv".into()], ..Request::default() };
        let frame = encode_request(&request, b"", &[b"abc"]);
        assert_eq!(decode_request(&frame[..frame.len() - 1]), Err(FrameError::Truncated));
        assert_eq!(decode_request(&[]), Err(FrameError::Truncated));
        assert_eq!(decode_request(&encode_request(&request, b"", &[])), Err(FrameError::FileCount));
        assert!(matches!(decode_request(&[1, 0, 0, 0, b'{', 0, 0, 0, 0]), Err(FrameError::BadRequest(_))));
    }

    #[test]
    fn a_reply_keeps_its_directory_apart_and_gets_it_back() {
        let view = ReadView { directory_json: "{\"format\": 1}\n".into(), members_read: 3, ..ReadView::default() };
        let bytes = encode_reply(&Reply::Read(Box::new(view.clone())));
        assert!(bytes.ends_with(b"{\"format\": 1}\n"), "the directory as is, after the JSON");
        assert_eq!(decode_reply(&bytes), Some(Reply::Read(Box::new(view))));
        assert_eq!(decode_reply(&bytes[..3]), None);
    }

    proptest! {
        #[test]
        fn any_files_survive_the_frame(files in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..64), 0..4)) {
            let request = Request { file_names: files.iter().enumerate().map(|(i, _)| format!("f{i}")).collect(), ..Request::default() };
            let slices: Vec<&[u8]> = files.iter().map(Vec::as_slice).collect();
            let frame = encode_request(&request, b"", &slices);
            let (_, _, read) = decode_request(&frame).expect("a frame we wrote");
            prop_assert_eq!(read, slices);
        }

        #[test]
        fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            let _ = decode_request(&bytes);
        }
    }
}
