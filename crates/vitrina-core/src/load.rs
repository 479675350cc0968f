//! Reads a format 1 file into a [`Directory`], collecting every problem instead of stopping at the first.

use crate::model::*;
use crate::problem::{Action, Expected, LoadError, Problem, ProblemKind, Vocabulary};
use crate::text::Text;
use crate::valid::{AssetUrl, CountryCode, Email, HttpUrl, IsoDate, LangTag, Slug, E164};
use serde_json::value::RawValue;
use serde_json::{Map, Number, Value};
use std::collections::HashSet;

pub mod browser_json;

/// A loaded directory with the problems found on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// Everything that could be read.
    pub directory: Directory,
    /// Everything that was wrong, in file order.
    pub problems: Vec<Problem>,
}

/// Reads a directory file; fails only when nothing sensible can be read from it.
pub fn load_directory(bytes: &[u8]) -> Result<Loaded, LoadError> {
    DirectoryLoader::start(bytes.to_vec())?.finish()
}

/// A directory file read a few members at a time, so that a caller can give the browser its
/// turn in between ([`DirectoryLoader::read_members`]); the result is [`load_directory`]'s.
pub struct DirectoryLoader {
    /// The file's text; members are read from it by their place.
    text: String,
    /// Where each member's JSON lies in `text`, in file order.
    members: Vec<std::ops::Range<usize>>,
    /// How many of `members` are read.
    next: usize,
    /// What reading the text as a browser does repaired inside members, in file order.
    member_repairs: Vec<browser_json::Repair>,
    reader: Reader,
    cluster: Cluster,
    capability_groups: Vec<CapabilityGroup>,
    capabilities: Vec<Capability>,
    certifications: Vec<Certification>,
    events: Vec<Event>,
    vocabularies: Vocabularies,
    seen: HashSet<Slug>,
    loaded_members: Vec<Member>,
}

impl DirectoryLoader {
    /// Reads the file's top level and its vocabularies; fails like [`load_directory`] when
    /// nothing sensible can be read. Takes the bytes to keep them without a copy.
    pub fn start(bytes: Vec<u8>) -> Result<DirectoryLoader, LoadError> {
        let mut problems = Vec::new();
        let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
            problems.push(Problem {
                member: None,
                field: "(file)".into(),
                kind: ProblemKind::ByteOrderMark,
                action: Action::Ignored,
            });
            3
        } else {
            0
        };
        // Read as the browser's `Response.json()` reads it: what it accepts loads, each repair listed.
        let browser_json::BrowserText { text: whole, repairs } = browser_json::read(bytes).map_err(|e| match e {
            LoadError::NotUtf8 { offset } => LoadError::NotUtf8 { offset: offset.saturating_sub(bom) },
            other => other,
        })?;
        let text = &whole[bom..];
        let trimmed = text.trim_start();
        if trimmed.is_empty() {
            return Err(LoadError::Empty);
        }
        if trimmed.starts_with('<') {
            return Err(LoadError::Html);
        }
        // The file is read in two steps so a 100,000-member directory never exists as one
        // `Value` tree (about ten times the file's size): first the top level, with each
        // member left as a slice of the text, then one member at a time.
        let raw: &RawValue = serde_json::from_str(text).map_err(syntax_error)?;
        if !raw.get().starts_with('{') {
            return Err(LoadError::NotAnObject);
        }
        // Duplicate keys: the last one wins, as with `serde_json::Value` and `JSON.parse`.
        let TopLevel(top_level) = serde_json::from_str(raw.get()).map_err(syntax_error)?;
        let mut root = Map::new();
        let mut raw_members = None;
        let mut too_deep = Vec::new();
        let mut number_repairs = Vec::new();
        for (key, raw) in top_level {
            if key == "members" {
                raw_members = Some(raw);
            } else {
                match browser_json::parse::<Value>(raw.get()) {
                    Ok((value, repairs)) => {
                        let start = raw.get().as_ptr() as usize - whole.as_ptr() as usize;
                        number_repairs
                            .extend(repairs.into_iter().map(|r| browser_json::Repair { at: start + r.at, ..r }));
                        root.insert(key, value);
                    }
                    // Browsers read deeper nesting; only this field is lost.
                    Err(e) if is_too_deep(&e) => {
                        root.remove(&key);
                        too_deep.push(key);
                    }
                    Err(e) => return Err(syntax_error(e)),
                }
            }
        }
        // Each member's JSON borrows from the file's text: kept as its place in it.
        let place = |raw: &RawValue| {
            let start = raw.get().as_ptr() as usize - whole.as_ptr() as usize;
            start..start + raw.get().len()
        };
        let members: Option<Result<Vec<&RawValue>, LoadError>> = match raw_members.map(RawValue::get) {
            None | Some("null") => None,
            Some(raw) if raw.starts_with('[') => Some(serde_json::from_str(raw).map_err(syntax_error)),
            Some(_) => Some(Err(LoadError::MembersNotAList)),
        };
        // Refused only after the format is checked: a file of another format is named as such.
        let members: Result<Option<Vec<std::ops::Range<usize>>>, LoadError> =
            members.transpose().map(|members| members.map(|members| members.into_iter().map(place).collect()));
        // Repairs inside a member are listed when it is read, with its id; the others now.
        let in_a_member = |at: usize| {
            let members = members.as_ref().ok().and_then(Option::as_deref).unwrap_or_default();
            let next = members.partition_point(|member| member.start <= at);
            next > 0 && members[next - 1].contains(&at)
        };
        let (member_repairs, top_repairs): (Vec<_>, Vec<_>) =
            repairs.into_iter().partition(|repair| in_a_member(repair.at));
        let mut top_repairs = top_repairs;
        top_repairs.append(&mut number_repairs);
        top_repairs.sort_by_key(|repair| repair.at);
        let top_fields = repaired_fields(&whole, &top_repairs, 0, "");
        // A format number too large for a float is read as null; it is still a format this app does not read.
        if let Some((_, ProblemKind::OutOfRange { value })) = top_fields.iter().find(|(field, _)| field == "format") {
            return Err(LoadError::FormatUnsupported { found: value.clone(), supported: FORMAT_VERSION });
        }
        check_format(&root)?;
        let members = members?.ok_or(LoadError::MembersMissing)?;
        for (field, kind) in top_fields {
            problems.push(repair_problem(None, field, kind));
        }
        for key in too_deep {
            problems.push(Problem {
                member: None,
                field: key,
                kind: ProblemKind::TooDeep,
                action: Action::DroppedField,
            });
        }

        let mut reader = Reader { problems };
        let top = Path::root();
        let cluster = reader.cluster(&root, &top);
        let capability_groups = reader.vocabulary(&root, "capability_groups", &top, |r, obj, id, at| {
            let label = r.label(obj, "label", at, &id);
            CapabilityGroup { id, label }
        });
        let group_ids: HashSet<String> = capability_groups.iter().map(|g| g.id.to_string()).collect();
        let capabilities = reader.vocabulary(&root, "capabilities", &top, |r, obj, id, at| Capability {
            group: r.reference(obj, "group", at, &group_ids, Vocabulary::CapabilityGroup),
            label: r.label(obj, "label", at, &id),
            aliases: r.aliases(obj, "aliases", at),
            id,
        });
        let certifications = reader.vocabulary(&root, "certifications", &top, |r, obj, id, at| {
            let label = r.label(obj, "label", at, &id);
            Certification { id, label }
        });
        let events = reader.vocabulary(&root, "events", &top, |r, obj, id, at| r.event(obj, id, at));
        let vocabularies = Vocabularies {
            capabilities: capabilities.iter().map(|c| c.id.to_string()).collect(),
            certifications: certifications.iter().map(|c| c.id.to_string()).collect(),
            events: events.iter().map(|e| e.id.to_string()).collect(),
        };
        Ok(DirectoryLoader {
            text: whole,
            member_repairs,
            loaded_members: Vec::with_capacity(members.len()),
            members,
            next: 0,
            reader,
            cluster,
            capability_groups,
            capabilities,
            certifications,
            events,
            vocabularies,
            seen: HashSet::new(),
        })
    }

    /// How many members are read so far, and how many the file lists.
    pub fn progress(&self) -> (usize, usize) {
        (self.next, self.members.len())
    }

    /// Reads members in file order while `more()` says so (asked after each one, so at least
    /// one is read per call); true once every member is read.
    pub fn read_members(&mut self, mut more: impl FnMut() -> bool) -> Result<bool, LoadError> {
        let members_path = Path::root();
        let members_path = members_path.key("members");
        while self.next < self.members.len() {
            let index = self.next;
            self.next += 1;
            let at = members_path.index(index);
            let range = self.members[index].clone();
            let json = &self.text[range.clone()];
            // Already checked as JSON by `start`, so this parse fails only on nesting too deep.
            let (value, number_repairs) = match browser_json::parse::<Value>(json) {
                Ok(parsed) => parsed,
                Err(e) if is_too_deep(&e) => {
                    self.reader.report(None, &at, ProblemKind::TooDeep, Action::SkippedMember);
                    if !more() {
                        break;
                    }
                    continue;
                }
                Err(e) => return Err(syntax_error(e)),
            };
            let value = &value;
            // A later member with the id of one already kept is left out unread: its own defects
            // would be listed under that id and look like the kept member's.
            if let Some(id) = member_id(value).filter(|id| self.seen.contains(id)) {
                self.reader.report(
                    Some(id.as_str()),
                    &at.key("id"),
                    ProblemKind::DuplicateId { id: id.to_string() },
                    Action::KeptFirst,
                );
            } else {
                let first = self.member_repairs.partition_point(|repair| repair.at < range.start);
                let last = self.member_repairs.partition_point(|repair| repair.at < range.end);
                let mut repairs = self.member_repairs[first..last].to_vec();
                repairs
                    .extend(number_repairs.into_iter().map(|r| browser_json::Repair { at: range.start + r.at, ..r }));
                repairs.sort_by_key(|repair| repair.at);
                let repaired = repaired_fields(json, &repairs, range.start, &format!("members[{index}]"));
                if let Some(member) = self.reader.member(value, &at, &self.vocabularies, repaired) {
                    let first = self.seen.insert(member.id.clone());
                    debug_assert!(first, "a duplicate member id got past the check before reading");
                    self.loaded_members.push(member);
                }
            }
            if !more() {
                break;
            }
        }
        Ok(self.next == self.members.len())
    }

    /// Reads whatever members are left and gives the directory with its problems.
    pub fn finish(mut self) -> Result<Loaded, LoadError> {
        self.read_members(|| true)?;
        let directory = Directory {
            format: FORMAT_VERSION,
            cluster: self.cluster,
            capability_groups: self.capability_groups,
            capabilities: self.capabilities,
            certifications: self.certifications,
            events: self.events,
            members: self.loaded_members,
        };
        Ok(Loaded { directory, problems: self.reader.problems })
    }
}

/// Whether serde_json stopped at its nesting limit (128 levels), which `JSON.parse` does not have.
fn is_too_deep(e: &serde_json::Error) -> bool {
    e.to_string().starts_with("recursion limit exceeded")
}

/// Each field `repairs` name in `json` (which starts at `offset` in the file), once per kind.
fn repaired_fields(
    json: &str,
    repairs: &[browser_json::Repair],
    offset: usize,
    prefix: &str,
) -> Vec<(String, ProblemKind)> {
    if repairs.is_empty() {
        return Vec::new();
    }
    let offsets: Vec<usize> = repairs.iter().map(|repair| repair.at - offset).collect();
    let mut fields: Vec<(String, ProblemKind)> = Vec::with_capacity(repairs.len());
    for (field, repair) in browser_json::paths_at(json, &offsets, prefix).into_iter().zip(repairs) {
        if !fields.iter().any(|(f, kind)| f == &field && kind == &repair.kind) {
            fields.push((field, repair.kind.clone()));
        }
    }
    fields
}

/// The problem for a repaired field: a string read with U+FFFD, or a number too large, dropped.
fn repair_problem(member: Option<&str>, field: String, kind: ProblemKind) -> Problem {
    let action = match kind {
        ProblemKind::LoneSurrogate | ProblemKind::InvalidUtf8 => Action::Replaced,
        _ => Action::DroppedField,
    };
    Problem { member: member.map(str::to_owned), field, kind, action }
}

fn syntax_error(e: serde_json::Error) -> LoadError {
    LoadError::Syntax {
        line: e.line(),
        column: e.column(),
        cut_off: e.is_eof(),
        detail: without_position(&e.to_string()),
    }
}

/// The file's top level: its keys in file order, each value left as text.
struct TopLevel<'a>(Vec<(String, &'a RawValue)>);

impl<'de> serde::Deserialize<'de> for TopLevel<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<TopLevel<'de>, D::Error> {
        struct Fields;
        impl<'de> serde::de::Visitor<'de> for Fields {
            type Value = TopLevel<'de>;

            fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                formatter.write_str("an object")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<TopLevel<'de>, A::Error> {
                let mut fields = Vec::new();
                while let Some(field) = map.next_entry::<String, &'de RawValue>()? {
                    fields.push(field);
                }
                Ok(TopLevel(fields))
            }
        }
        // A vector of pairs rather than an ordered map: less code in the app.
        deserializer.deserialize_map(Fields)
    }
}

/// serde_json appends " at line L column C"; the position is shown separately.
fn without_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(cut) => message[..cut].to_owned(),
        None => message.to_owned(),
    }
}

fn check_format(root: &Map<String, Value>) -> Result<(), LoadError> {
    match root.get("format") {
        None | Some(Value::Null) => Err(LoadError::FormatMissing),
        Some(Value::Number(n)) => match whole_number(n) {
            Some(version) if version == i128::from(FORMAT_VERSION) => Ok(()),
            // Named as the whole number it is ("2", not "2.0"), unless too long to read as one.
            Some(version) if version.unsigned_abs() < 1 << 53 => {
                Err(LoadError::FormatUnsupported { found: version.to_string(), supported: FORMAT_VERSION })
            }
            Some(_) => Err(LoadError::FormatUnsupported { found: n.to_string(), supported: FORMAT_VERSION }),
            None => Err(LoadError::FormatNotWhole { found: n.to_string() }),
        },
        Some(other) => Err(LoadError::FormatNotANumber { found: short_json(other) }),
    }
}

/// The value of a number with no fraction, written either way (`5` or `5.0`: JSON Schema's
/// "integer" accepts both); `None` for a real fraction. Whole numbers beyond `i128` saturate,
/// which every range check then refuses.
fn whole_number(n: &Number) -> Option<i128> {
    if let Some(i) = n.as_i64() {
        return Some(i.into());
    }
    if let Some(u) = n.as_u64() {
        return Some(u.into());
    }
    let x = n.as_f64()?;
    (x.is_finite() && x.fract() == 0.0).then_some(x as i128)
}

/// A member's id as [`Reader::required_id`] reads it, if it is a good one.
fn member_id(value: &Value) -> Option<Slug> {
    value.get("id").and_then(Value::as_str).and_then(|id| Slug::parse(trim_blank(id)))
}

fn short_json(value: &Value) -> String {
    let mut text = value.to_string();
    if text.chars().count() > 60 {
        text = text.chars().take(57).collect::<String>() + "…";
    }
    text
}

/// A place in the file, built without allocating and written out only when a problem needs it.
#[derive(Clone, Copy)]
struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    segment: Segment<'a>,
}

#[derive(Clone, Copy)]
enum Segment<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

impl<'a> Path<'a> {
    fn root() -> Path<'static> {
        Path { parent: None, segment: Segment::Root }
    }

    fn key(&'a self, key: &'a str) -> Path<'a> {
        Path { parent: Some(self), segment: Segment::Key(key) }
    }

    fn index(&'a self, index: usize) -> Path<'a> {
        Path { parent: Some(self), segment: Segment::Index(index) }
    }

    fn render(&self) -> String {
        let mut out = String::new();
        self.write_into(&mut out);
        if out.is_empty() {
            out.push_str("(file)");
        }
        out
    }

    fn write_into(&self, out: &mut String) {
        if let Some(parent) = self.parent {
            parent.write_into(out);
        }
        match self.segment {
            Segment::Root => {}
            Segment::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Index(index) => {
                out.push('[');
                out.push_str(&index.to_string());
                out.push(']');
            }
        }
    }
}

/// The ids members may refer to, owned so the loader can keep them between steps.
struct Vocabularies {
    capabilities: HashSet<String>,
    certifications: HashSet<String>,
    events: HashSet<String>,
}

struct Reader {
    problems: Vec<Problem>,
}

/// Reads one optional field; `None` when absent, null, empty, or wrong (then reported).
type FieldResult<T> = Option<T>;

impl Reader {
    fn report(&mut self, member: Option<&str>, at: &Path, kind: ProblemKind, action: Action) {
        self.problems.push(Problem { member: member.map(str::to_owned), field: at.render(), kind, action });
    }

    /// Member context is threaded through `self.current_member`-free calls by the member reader,
    /// which fixes up problems it collected; see `member`.
    fn wrong_type(&mut self, at: &Path, expected: Expected, action: Action) {
        self.report(None, at, ProblemKind::WrongType { expected }, action);
    }

    /// The cluster. Without a usable name (no cluster, or no name in it) one problem is listed and the
    /// name stays empty: [`Cluster::display_name`] shows a stand-in, and nothing invented is written back.
    fn cluster(&mut self, root: &Map<String, Value>, top: &Path) -> Cluster {
        let at = top.key("cluster");
        let obj = match root.get("cluster") {
            Some(Value::Object(obj)) => obj,
            None | Some(Value::Null) => {
                self.report(None, &at, ProblemKind::Missing, Action::UsedFallback);
                return Cluster::unnamed();
            }
            Some(_) => {
                self.wrong_type(&at, Expected::Object, Action::UsedFallback);
                return Cluster::unnamed();
            }
        };
        Cluster {
            name: self.required_string(obj, "name", &at, Action::UsedFallback).unwrap_or_default(),
            url: self.http_url(obj, "url", &at),
            updated: self.date(obj, "updated", &at),
            languages: self.lang_tags(obj, "languages", &at),
        }
    }

    fn vocabulary<T>(
        &mut self,
        root: &Map<String, Value>,
        key: &str,
        top: &Path,
        mut read: impl FnMut(&mut Self, &Map<String, Value>, Slug, &Path) -> T,
    ) -> Vec<T> {
        let at = top.key(key);
        let Some(items) = self.list(root, key, top) else {
            return Vec::new();
        };
        let mut seen = HashSet::new();
        let mut out = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            let item_at = at.index(index);
            let Value::Object(obj) = item else {
                self.wrong_type(&item_at, Expected::Object, Action::SkippedEntry);
                continue;
            };
            let Some(id) = self.required_id(obj, &item_at, Action::SkippedEntry) else {
                continue;
            };
            if !seen.insert(id.clone()) {
                self.report(
                    None,
                    &item_at.key("id"),
                    ProblemKind::DuplicateId { id: id.to_string() },
                    Action::KeptFirst,
                );
                continue;
            }
            out.push(read(self, obj, id, &item_at));
        }
        out
    }

    fn event(&mut self, obj: &Map<String, Value>, id: Slug, at: &Path) -> Event {
        let name = self.label(obj, "name", at, &id);
        let start = self.date(obj, "start", at);
        let mut end = self.date(obj, "end", at);
        if let (Some(start), Some(until)) = (start, end) {
            if until < start {
                self.report(
                    None,
                    &at.key("end"),
                    ProblemKind::OutOfRange { value: until.to_string() },
                    Action::DroppedField,
                );
                end = None;
            }
        }
        Event {
            name,
            kind: self.one_of(obj, "kind", at, EventKind::NAMES, EventKind::from_name),
            start,
            end,
            city: self.string(obj, "city", at),
            venue: self.text(obj, "venue", at),
            url: self.http_url(obj, "url", at),
            id,
        }
    }

    /// Reads a member; `repaired` are the fields reading its text as a browser does repaired.
    fn member(
        &mut self,
        value: &Value,
        at: &Path,
        vocabularies: &Vocabularies,
        repaired: Vec<(String, ProblemKind)>,
    ) -> Option<Member> {
        let first_problem = self.problems.len();
        self.problems.extend(repaired.into_iter().map(|(field, kind)| repair_problem(None, field, kind)));
        let member = self.member_fields(value, at, vocabularies);
        // Every problem inside a member is tagged with its id once the id is known to be good.
        let id = member.as_ref().map(|m| m.id.to_string()).or_else(|| member_id(value).map(|s| s.to_string()));
        if let Some(id) = id {
            for problem in &mut self.problems[first_problem..] {
                problem.member.get_or_insert_with(|| id.clone());
            }
        }
        member
    }

    fn member_fields(&mut self, value: &Value, at: &Path, vocab: &Vocabularies) -> Option<Member> {
        let Value::Object(obj) = value else {
            self.wrong_type(at, Expected::Object, Action::SkippedMember);
            return None;
        };
        let id = self.required_id(obj, at, Action::SkippedMember);
        let name = self.required_string(obj, "name", at, Action::SkippedMember);
        let (id, name) = (id?, name?);
        let mut member = Member::new(id, name);
        member.legal_name = self.string(obj, "legal_name", at);
        member.kind = self.one_of(obj, "kind", at, MemberKind::NAMES, MemberKind::from_name);
        member.pitch = self.text(obj, "pitch", at);
        member.description = self.text(obj, "description", at);
        member.capabilities = self.references(obj, "capabilities", at, &vocab.capabilities, Vocabulary::Capability);
        member.needs = self.references(obj, "needs", at, &vocab.capabilities, Vocabulary::Capability);
        member.certifications = self.entries(obj, "certifications", at, |r, item, item_at| {
            r.member_certification(item, item_at, &vocab.certifications)
        });
        dedupe_by(
            &mut member.certifications,
            |c| c.id.clone(),
            |dup| {
                self.report(
                    None,
                    &at.key("certifications"),
                    ProblemKind::DuplicateId { id: dup.to_string() },
                    Action::KeptFirst,
                )
            },
        );
        member.customers = self.strings(obj, "customers", at);
        member.employees = self.integer(obj, "employees", at, 0, u64::MAX.into()).and_then(|n| u64::try_from(n).ok());
        member.founded = self.integer(obj, "founded", at, 1000, 2999).and_then(|n| i32::try_from(n).ok());
        member.investment_musd = self.number(obj, "investment_musd", at, 0.0, f64::MAX);
        member.languages = self.lang_tags(obj, "languages", at);
        member.location = self.location(obj, at);
        member.website = self.http_url(obj, "website", at);
        member.linkedin = self.http_url(obj, "linkedin", at);
        member.logo = self.asset_url(obj, "logo", at);
        member.success_cases = self.entries(obj, "success_cases", at, Reader::success_case);
        member.events =
            self.entries(obj, "events", at, |r, item, item_at| r.member_event(item, item_at, &vocab.events));
        dedupe_by(
            &mut member.events,
            |e| e.id.clone(),
            |dup| {
                self.report(
                    None,
                    &at.key("events"),
                    ProblemKind::DuplicateId { id: dup.to_string() },
                    Action::KeptFirst,
                )
            },
        );
        member.verified_on = self.date(obj, "verified_on", at);
        member.contacts = self.entries(obj, "contacts", at, Reader::contact);
        dedupe_by(
            &mut member.contacts,
            |c| c.id.clone(),
            |dup| {
                self.report(
                    None,
                    &at.key("contacts"),
                    ProblemKind::DuplicateId { id: dup.to_string() },
                    Action::KeptFirst,
                )
            },
        );
        Some(member)
    }

    fn member_certification(
        &mut self,
        item: &Value,
        at: &Path,
        known: &HashSet<String>,
    ) -> Option<MemberCertification> {
        match item {
            Value::String(_) => {
                let id = self.reference_value(item, at, known, Vocabulary::Certification)?;
                Some(MemberCertification { id, valid_until: None, site: None, body: None })
            }
            Value::Object(obj) => {
                let id_value = obj.get("id").unwrap_or(&Value::Null);
                let id = self.reference_value(id_value, &at.key("id"), known, Vocabulary::Certification)?;
                Some(MemberCertification {
                    id,
                    valid_until: self.date(obj, "valid_until", at),
                    site: self.text(obj, "site", at),
                    body: self.string(obj, "body", at),
                })
            }
            _ => {
                self.wrong_type(at, Expected::Object, Action::DroppedReference);
                None
            }
        }
    }

    fn member_event(&mut self, item: &Value, at: &Path, known: &HashSet<String>) -> Option<MemberEvent> {
        match item {
            Value::String(_) => {
                let id = self.reference_value(item, at, known, Vocabulary::Event)?;
                Some(MemberEvent { id, stand: None })
            }
            Value::Object(obj) => {
                let id_value = obj.get("id").unwrap_or(&Value::Null);
                let id = self.reference_value(id_value, &at.key("id"), known, Vocabulary::Event)?;
                Some(MemberEvent { id, stand: self.string(obj, "stand", at) })
            }
            _ => {
                self.wrong_type(at, Expected::Object, Action::DroppedReference);
                None
            }
        }
    }

    fn success_case(&mut self, item: &Value, at: &Path) -> Option<SuccessCase> {
        let Value::Object(obj) = item else {
            self.wrong_type(at, Expected::Object, Action::SkippedEntry);
            return None;
        };
        // Without a title the case is skipped, and, as for members, its other fields are not read.
        let title = self.required_text(obj, "title", at, Action::SkippedEntry)?;
        let summary = self.text(obj, "summary", at);
        let customer = self.string(obj, "customer", at);
        let year = self.integer(obj, "year", at, 1000, 2999).and_then(|n| i32::try_from(n).ok());
        Some(SuccessCase { title, summary, customer, year })
    }

    fn contact(&mut self, item: &Value, at: &Path) -> Option<Contact> {
        let Value::Object(obj) = item else {
            self.wrong_type(at, Expected::Object, Action::SkippedEntry);
            return None;
        };
        let id = self.required_id(obj, at, Action::SkippedEntry);
        let name = self.required_string(obj, "name", at, Action::SkippedEntry);
        let (id, name) = (id?, name?);
        let role = self.text(obj, "role", at);
        let email = self.checked(obj, "email", at, Email::parse, |value| ProblemKind::BadEmail { value });
        let phone = self.string(obj, "phone", at).and_then(|phone| {
            if phone.chars().filter(char::is_ascii_digit).count() >= 3 {
                Some(phone)
            } else {
                self.report(None, &at.key("phone"), ProblemKind::BadPhone { value: phone }, Action::DroppedField);
                None
            }
        });
        Some(Contact {
            id,
            name,
            role,
            email,
            phone,
            whatsapp: self.checked(obj, "whatsapp", at, E164::parse, |value| ProblemKind::BadPhone { value }),
            linkedin: self.http_url(obj, "linkedin", at),
        })
    }

    fn location(&mut self, obj: &Map<String, Value>, at: &Path) -> Option<Location> {
        let at = at.key("location");
        let obj = match obj.get("location")? {
            Value::Object(obj) => obj,
            Value::Null => return None,
            _ => {
                self.wrong_type(&at, Expected::Object, Action::DroppedField);
                return None;
            }
        };
        let mut location = Location {
            city: self.string(obj, "city", &at),
            state: self.string(obj, "state", &at),
            country: self.checked(obj, "country", &at, CountryCode::parse, |value| ProblemKind::BadCode { value }),
            lat: self.number(obj, "lat", &at, -90.0, 90.0),
            lon: self.number(obj, "lon", &at, -180.0, 180.0),
        };
        // Half a coordinate places nothing on a map: both halves go. When the other half is absent, this
        // half is listed; when it is present but unusable, its own problem was listed and says what to fix.
        let absent = |key: &str| obj.get(key).is_none_or(Value::is_null);
        let half = match (location.lat, location.lon) {
            (Some(_), None) => Some(("lat", "lon")),
            (None, Some(_)) => Some(("lon", "lat")),
            _ => None,
        };
        if let Some((present, missing)) = half {
            if absent(missing) {
                self.report(None, &at.key(present), ProblemKind::HalfCoordinate { missing }, Action::DroppedField);
            }
            location.lat = None;
            location.lon = None;
        }
        let empty = location.city.is_none()
            && location.state.is_none()
            && location.country.is_none()
            && location.lat.is_none()
            && location.lon.is_none();
        (!empty).then_some(location)
    }

    // ---- field readers -------------------------------------------------------------------

    fn required_id(&mut self, obj: &Map<String, Value>, at: &Path, action: Action) -> Option<Slug> {
        let value = self.required_string(obj, "id", at, action)?;
        let slug = Slug::parse(&value);
        if slug.is_none() {
            self.report(None, &at.key("id"), ProblemKind::BadSlug { value }, action);
        }
        slug
    }

    fn required_string(&mut self, obj: &Map<String, Value>, key: &str, at: &Path, action: Action) -> Option<String> {
        let at = at.key(key);
        match obj.get(key) {
            Some(Value::String(s)) if !trim_blank(s).is_empty() => Some(trim_blank(s).to_owned()),
            None | Some(Value::Null) | Some(Value::String(_)) => {
                self.report(None, &at, ProblemKind::Missing, action);
                None
            }
            Some(_) => {
                self.wrong_type(&at, Expected::String, action);
                None
            }
        }
    }

    fn string(&mut self, obj: &Map<String, Value>, key: &str, at: &Path) -> FieldResult<String> {
        match obj.get(key)? {
            Value::String(s) => non_empty(s),
            Value::Null => None,
            _ => {
                self.wrong_type(&at.key(key), Expected::String, Action::DroppedField);
                None
            }
        }
    }

    fn checked<T>(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        at: &Path,
        parse: impl Fn(&str) -> Option<T>,
        problem: impl Fn(String) -> ProblemKind,
    ) -> FieldResult<T> {
        let value = self.string(obj, key, at)?;
        let parsed = parse(&value);
        if parsed.is_none() {
            self.report(None, &at.key(key), problem(value), Action::DroppedField);
        }
        parsed
    }

    fn http_url(&mut self, obj: &Map<String, Value>, key: &str, at: &Path) -> FieldResult<HttpUrl> {
        self.checked(obj, key, at, HttpUrl::parse, |value| ProblemKind::UnsafeUrl { value })
    }

    fn asset_url(&mut self, obj: &Map<String, Value>, key: &str, at: &Path) -> FieldResult<AssetUrl> {
        self.checked(obj, key, at, AssetUrl::parse, |value| ProblemKind::UnsafeUrl { value })
    }

    fn date(&mut self, obj: &Map<String, Value>, key: &str, at: &Path) -> FieldResult<IsoDate> {
        self.checked(obj, key, at, IsoDate::parse, |value| ProblemKind::BadDate { value })
    }

    /// One of a fixed set of names; `allowed` is what the problem lists, `from_name` reads one.
    fn one_of<T>(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        at: &Path,
        allowed: &'static [&'static str],
        from_name: impl Fn(&str) -> Option<T>,
    ) -> FieldResult<T> {
        let value = self.string(obj, key, at)?;
        let found = from_name(&value);
        if found.is_none() {
            self.report(None, &at.key(key), ProblemKind::NotAllowed { value, allowed }, Action::DroppedField);
        }
        found
    }

    fn integer(&mut self, obj: &Map<String, Value>, key: &str, at: &Path, min: i128, max: i128) -> FieldResult<i128> {
        let value = obj.get(key)?;
        let at = at.key(key);
        match value {
            Value::Null => None,
            Value::Number(n) => match whole_number(n) {
                Some(whole) if (min..=max).contains(&whole) => Some(whole),
                Some(_) => {
                    self.report(None, &at, ProblemKind::OutOfRange { value: n.to_string() }, Action::DroppedField);
                    None
                }
                None => {
                    self.wrong_type(&at, Expected::Integer, Action::DroppedField);
                    None
                }
            },
            _ => {
                self.wrong_type(&at, Expected::Integer, Action::DroppedField);
                None
            }
        }
    }

    fn number(&mut self, obj: &Map<String, Value>, key: &str, at: &Path, min: f64, max: f64) -> FieldResult<f64> {
        let value = obj.get(key)?;
        let at = at.key(key);
        match value {
            Value::Null => None,
            Value::Number(n) => match n.as_f64() {
                Some(x) if x.is_finite() && (min..=max).contains(&x) => Some(x),
                _ => {
                    self.report(None, &at, ProblemKind::OutOfRange { value: n.to_string() }, Action::DroppedField);
                    None
                }
            },
            _ => {
                self.wrong_type(&at, Expected::Number, Action::DroppedField);
                None
            }
        }
    }

    fn text(&mut self, obj: &Map<String, Value>, key: &str, at: &Path) -> FieldResult<Text> {
        let value = obj.get(key)?;
        let at = at.key(key);
        match value {
            Value::Null => None,
            Value::String(s) => non_empty(s).map(Text::Plain),
            Value::Object(texts) => {
                let problems_before = self.problems.len();
                let mut out = Vec::with_capacity(texts.len());
                for (tag, text) in texts {
                    let text_at = at.key(tag);
                    match text {
                        Value::String(s) if LangTag::parse(tag).is_some() => {
                            if let Some(s) = non_empty(s) {
                                out.push((tag.clone(), s));
                            }
                        }
                        Value::String(_) => self.report(
                            None,
                            &text_at,
                            ProblemKind::BadCode { value: tag.clone() },
                            Action::SkippedEntry,
                        ),
                        Value::Null => {}
                        _ => self.wrong_type(&text_at, Expected::String, Action::SkippedEntry),
                    }
                }
                if out.is_empty() {
                    // `{}`, or only blank strings and nulls: an object written to hold text that holds none.
                    // (Entries skipped for a bad tag or type were listed already.)
                    if self.problems.len() == problems_before {
                        self.report(None, &at, ProblemKind::Empty, Action::DroppedField);
                    }
                    None
                } else {
                    Some(Text::ByLang(out))
                }
            }
            _ => {
                self.wrong_type(&at, Expected::Text, Action::DroppedField);
                None
            }
        }
    }

    /// A required text; when it is absent, blank or unusable, one problem says what `action` was taken.
    fn required_text(&mut self, obj: &Map<String, Value>, key: &str, at: &Path, action: Action) -> Option<Text> {
        let problems_before = self.problems.len();
        let text = self.text(obj, key, at);
        if text.is_none() {
            if self.problems.len() == problems_before {
                self.report(None, &at.key(key), ProblemKind::Missing, action);
            } else if let Some(last) = self.problems.last_mut() {
                last.action = action;
            }
        }
        text
    }

    /// A required label; the id stands in when it is missing, so the vocabulary entry still works.
    fn label(&mut self, obj: &Map<String, Value>, key: &str, at: &Path, id: &Slug) -> Text {
        self.required_text(obj, key, at, Action::UsedFallback).unwrap_or_else(|| Text::Plain(id.to_string()))
    }

    fn list<'v>(&mut self, obj: &'v Map<String, Value>, key: &str, at: &Path) -> Option<&'v Vec<Value>> {
        match obj.get(key)? {
            Value::Array(items) => Some(items),
            Value::Null => None,
            _ => {
                self.wrong_type(&at.key(key), Expected::List, Action::DroppedField);
                None
            }
        }
    }

    fn entries<T>(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        at: &Path,
        mut read: impl FnMut(&mut Self, &Value, &Path) -> Option<T>,
    ) -> Vec<T> {
        let Some(items) = self.list(obj, key, at) else {
            return Vec::new();
        };
        let list_at = at.key(key);
        items.iter().enumerate().filter_map(|(index, item)| read(self, item, &list_at.index(index))).collect()
    }

    /// One string of a list of strings; blank strings and nulls are left out silently.
    fn string_entry(&mut self, item: &Value, at: &Path) -> Option<String> {
        match item {
            Value::String(s) => non_empty(s),
            Value::Null => None,
            _ => {
                self.wrong_type(at, Expected::String, Action::SkippedEntry);
                None
            }
        }
    }

    fn strings(&mut self, obj: &Map<String, Value>, key: &str, at: &Path) -> Vec<String> {
        self.entries(obj, key, at, Reader::string_entry)
    }

    /// A list of language tags; repeats are left out silently. Problems name each tag's index in the file.
    fn lang_tags(&mut self, obj: &Map<String, Value>, key: &str, at: &Path) -> Vec<LangTag> {
        let mut tags: Vec<LangTag> = Vec::new();
        let parsed = self.entries(obj, key, at, |r, item, item_at| {
            let tag = r.string_entry(item, item_at)?;
            let parsed = LangTag::parse(&tag);
            if parsed.is_none() {
                r.report(None, item_at, ProblemKind::BadCode { value: tag }, Action::SkippedEntry);
            }
            parsed
        });
        for tag in parsed {
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        tags
    }

    fn aliases(&mut self, obj: &Map<String, Value>, key: &str, at: &Path) -> Aliases {
        let at_key = at.key(key);
        match obj.get(key) {
            None | Some(Value::Null) => Aliases::None,
            Some(Value::Array(_)) => {
                let words = self.strings(obj, key, at);
                if words.is_empty() {
                    Aliases::None
                } else {
                    Aliases::Plain(words)
                }
            }
            Some(Value::Object(by_lang)) => {
                let mut groups = Vec::new();
                for tag in by_lang.keys() {
                    if LangTag::parse(tag).is_none() {
                        self.report(
                            None,
                            &at_key.key(tag),
                            ProblemKind::BadCode { value: tag.clone() },
                            Action::SkippedEntry,
                        );
                        continue;
                    }
                    let words = self.strings(by_lang, tag, &at_key);
                    if !words.is_empty() {
                        groups.push((tag.clone(), words));
                    }
                }
                if groups.is_empty() {
                    Aliases::None
                } else {
                    Aliases::ByLang(groups)
                }
            }
            Some(_) => {
                self.wrong_type(&at_key, Expected::WordList, Action::DroppedField);
                Aliases::None
            }
        }
    }

    fn reference(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        at: &Path,
        known: &HashSet<String>,
        vocabulary: Vocabulary,
    ) -> Option<Slug> {
        let value = obj.get(key)?;
        if value.is_null() {
            return None;
        }
        self.reference_value(value, &at.key(key), known, vocabulary)
    }

    fn reference_value(
        &mut self,
        value: &Value,
        at: &Path,
        known: &HashSet<String>,
        vocabulary: Vocabulary,
    ) -> Option<Slug> {
        let Value::String(id) = value else {
            if value.is_null() {
                self.report(None, at, ProblemKind::Missing, Action::DroppedReference);
            } else {
                self.wrong_type(at, Expected::String, Action::DroppedReference);
            }
            return None;
        };
        // White space around it is ignored, as around the ids it points to.
        let id = trim_blank(id);
        if !known.contains(id) {
            self.report(
                None,
                at,
                ProblemKind::UnknownReference { id: id.to_owned(), vocabulary },
                Action::DroppedReference,
            );
            return None;
        }
        Slug::parse(id)
    }

    fn references(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        at: &Path,
        known: &HashSet<String>,
        vocabulary: Vocabulary,
    ) -> Vec<Slug> {
        let mut ids =
            self.entries(obj, key, at, |r, item, item_at| r.reference_value(item, item_at, known, vocabulary));
        dedupe_by(&mut ids, Slug::clone, |dup| {
            self.report(None, &at.key(key), ProblemKind::DuplicateId { id: dup.to_string() }, Action::KeptFirst)
        });
        ids
    }
}

/// `s` without white space around it. A byte order mark (U+FEFF) counts as white space here: it is
/// invisible, creeps in from spreadsheets, and JSON Schema's `\s` includes it.
fn trim_blank(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
}

/// `s` trimmed, unless nothing is left.
fn non_empty(s: &str) -> Option<String> {
    let trimmed = trim_blank(s);
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

/// Removes later entries with a key already seen, reporting each.
fn dedupe_by<T>(items: &mut Vec<T>, key: impl Fn(&T) -> Slug, mut on_duplicate: impl FnMut(&Slug)) {
    let mut seen = HashSet::new();
    items.retain(|item| {
        let k = key(item);
        let first = seen.insert(k.clone());
        if !first {
            on_duplicate(&k);
        }
        first
    });
}
