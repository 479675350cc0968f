//! One entry of the follow-up list: who, what we know about them, and where the conversation stands.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::model::{Contact, Directory, Member};
use crate::phone::{self, PhoneProblem};
use crate::text::{is_visible, one_line};
use crate::valid::{CountryCode, Email, EmailProblem, IsoDate, Slug, E164};

/// Milliseconds since 1970-01-01 UTC, as the caller's clock (`Date.now()`) gives them.
///
/// The core never reads a clock: every operation that stamps a time takes `now_ms`.
pub type Millis = i64;

/// Milliseconds in one day.
pub const DAY_MS: Millis = 86_400_000;

/// The UTC date of a time, clamped to the dates a calendar can write (years 0000–9999).
pub fn utc_date(ms: Millis) -> IsoDate {
    IsoDate::from_days_since_epoch(ms.div_euclid(DAY_MS).clamp(-719_528, 2_932_896))
}

/// The most contact records kept per entry; older ones are dropped first.
pub const MAX_CONTACT_RECORDS: usize = 50;

/// The longest introduction kept, in characters: a first message, not a letter (and a
/// handoff carries every entry's).
pub const MAX_INTRODUCTION_CHARS: usize = 1000;

/// An introduction as kept: trimmed, at most [`MAX_INTRODUCTION_CHARS`]; its line breaks stay.
pub fn tidy_introduction(text: &str) -> String {
    text.trim().chars().take(MAX_INTRODUCTION_CHARS).collect::<String>().trim_end().to_owned()
}

/// A stable id for an entry, also used across devices, backups and handoffs.
///
/// Directory targets have ids derived from the target (`m.<member>` or
/// `c.<member>.<contact>`), so the same member saved on two devices or in two
/// tabs is the same entry and merges instead of duplicating. People who are not
/// in the directory get `p.<time>.<hash>` from the time they were added and
/// their details. Ids only use `a-z`, `0-9`, `-` and `.`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct EntryId(String);

impl EntryId {
    /// The longest id accepted from a stored document.
    pub const MAX_LEN: usize = 140;

    /// Checks an id read from storage, a backup or a link.
    pub fn parse(value: &str) -> Option<EntryId> {
        let ok = (3..=EntryId::MAX_LEN).contains(&value.len())
            && value.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
            && matches!(value.get(..2), Some("m." | "c." | "p."));
        ok.then(|| EntryId(value.to_owned()))
    }

    /// The id of the entry for a whole member.
    pub fn for_member(member: &Slug) -> EntryId {
        EntryId(format!("m.{member}"))
    }

    /// The id of the entry for one contact of a member.
    pub fn for_contact(member: &Slug, contact: &Slug) -> EntryId {
        EntryId(format!("c.{member}.{contact}"))
    }

    /// The id for a person outside the directory, from when they were added and who they are.
    pub(crate) fn for_person(added_at: Millis, details: &PersonDetails, attempt: u32) -> EntryId {
        let mut seed = String::new();
        for part in [&details.name, &details.company, &details.email, &details.phone] {
            seed.push_str(part);
            seed.push('\u{1F}');
        }
        let hash = crate::hash::fnv1a_64(seed.as_bytes()) as u32;
        let time = base36(added_at.unsigned_abs());
        if attempt == 0 {
            EntryId(format!("p.{time}.{}", base36(u64::from(hash))))
        } else {
            EntryId(format!("p.{time}.{}-{attempt}", base36(u64::from(hash))))
        }
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for EntryId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<EntryId, D::Error> {
        let text = String::deserialize(deserializer)?;
        EntryId::parse(&text).ok_or_else(|| serde::de::Error::custom("not an entry id"))
    }
}

impl fmt::Display for EntryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Who an entry is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// A whole member of the directory.
    Member {
        /// The member's id.
        member: Slug,
    },
    /// One contact (a decision maker) of a member.
    Contact {
        /// The member's id.
        member: Slug,
        /// The contact's id within the member.
        contact: Slug,
    },
    /// Someone met who is not in the directory; their details live in the entry's snapshot.
    Person,
}

impl Target {
    /// The member id, for directory targets.
    pub fn member_id(&self) -> Option<&Slug> {
        match self {
            Target::Member { member } | Target::Contact { member, .. } => Some(member),
            Target::Person => None,
        }
    }

    /// The contact id, for contact targets.
    pub fn contact_id(&self) -> Option<&Slug> {
        match self {
            Target::Contact { contact, .. } => Some(contact),
            _ => None,
        }
    }

    /// True for someone who is not in the directory.
    pub fn is_person(&self) -> bool {
        matches!(self, Target::Person)
    }
}

/// What an entry needs to stay useful without the directory: shown offline, exported, linked.
///
/// For directory targets it is refreshed from each newer directory
/// ([`super::FollowUpList::refresh_snapshots`]); for a person it is the only
/// record of who they are, edited with [`super::FollowUpList::update_person`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Snapshot {
    /// The company: the member's trade name, or a person's company.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub member_name: String,
    /// The person's name: the contact's, or a person's own.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub contact_name: String,
    /// Their role, e.g. purchasing manager.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub role: String,
    /// E-mail address as written (checked again before it becomes a link).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub email: String,
    /// Phone as written (only digits and a leading `+` reach a `tel:` link).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub phone: String,
    /// WhatsApp number in E.164 form, when known apart from the phone.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub whatsapp: String,
    /// The company's web site.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub website: String,
}

impl Snapshot {
    /// What the directory says about a member: its name and web site, and, as the way to
    /// reach the company, the e-mail, phone and WhatsApp of its first contact that has each.
    /// A whole-member entry has no contact name or role.
    pub fn of_member(member: &Member) -> Snapshot {
        let first = |field: fn(&Contact) -> Option<String>| member.contacts.iter().find_map(field).unwrap_or_default();
        Snapshot {
            member_name: member.name.clone(),
            contact_name: String::new(),
            role: String::new(),
            email: first(|c| c.email.as_ref().map(|email| email.to_string())),
            phone: first(|c| c.phone.clone()),
            whatsapp: first(|c| c.whatsapp.as_ref().map(|number| number.to_string())),
            website: member.website.as_ref().map(|url| url.to_string()).unwrap_or_default(),
        }
    }

    /// What the directory says about one contact of a member.
    pub fn of_contact(member: &Member, contact: &Contact, directory_lang: Option<&str>) -> Snapshot {
        let lang = directory_lang.unwrap_or("es");
        Snapshot {
            member_name: member.name.clone(),
            contact_name: contact.name.clone(),
            role: contact.role.as_ref().map(|role| role.resolve(lang, directory_lang).to_owned()).unwrap_or_default(),
            email: contact.email.as_ref().map(|email| email.to_string()).unwrap_or_default(),
            phone: contact.phone.clone().unwrap_or_default(),
            whatsapp: contact.whatsapp.as_ref().map(|number| number.to_string()).unwrap_or_default(),
            website: member.website.as_ref().map(|url| url.to_string()).unwrap_or_default(),
        }
    }

    fn of_person(details: &PersonDetails) -> Snapshot {
        Snapshot {
            member_name: details.company.trim().to_owned(),
            contact_name: details.name.trim().to_owned(),
            role: details.role.trim().to_owned(),
            email: details.email.trim().to_owned(),
            phone: details.phone.trim().to_owned(),
            whatsapp: String::new(),
            website: String::new(),
        }
    }

    /// The number to open WhatsApp with: the WhatsApp number, else the phone's number.
    pub fn whatsapp_number(&self) -> Option<E164> {
        E164::parse(&self.whatsapp).or_else(|| self.checked_phone())
    }

    /// The e-mail address, if what is stored is one ([`Email::from_typed`]); only this
    /// reaches a link or an export. A list saved before the form checked addresses, a
    /// backup or a handoff may hold anything.
    pub fn checked_email(&self) -> Option<Email> {
        Email::from_typed(&self.email).ok()
    }

    /// The phone's number, if what is stored holds one ([`phone::from_stored`]); only this
    /// reaches a link or an export.
    pub fn checked_phone(&self) -> Option<E164> {
        phone::from_stored(&self.phone)
    }

    /// The stored e-mail text and what is wrong with it, when it is not an address:
    /// shown as plain text so nothing is lost, never linked or exported.
    pub fn unchecked_email(&self) -> Option<(&str, EmailProblem)> {
        let text = self.email.trim();
        if text.is_empty() {
            return None;
        }
        Email::from_typed(text).err().map(|problem| (text, problem))
    }

    /// The stored phone text and what is wrong with it, when it holds no number to call.
    pub fn unchecked_phone(&self) -> Option<(&str, PhoneProblem)> {
        let text = self.phone.trim();
        if text.is_empty() || self.checked_phone().is_some() {
            return None;
        }
        // What the number alone would say; the default country is what stored text is read in.
        let problem = phone::from_typed(text, &phone::default_country()).err().unwrap_or(PhoneProblem::NotANumber);
        Some((text, problem))
    }
}

/// The details of someone met who is not in the directory, as typed from a business card.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PersonDetails {
    /// Full name.
    pub name: String,
    /// Company.
    pub company: String,
    /// Role.
    pub role: String,
    /// E-mail address.
    pub email: String,
    /// Phone number.
    pub phone: String,
}

/// A field of the person form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PersonField {
    /// Full name.
    Name,
    /// Company.
    Company,
    /// Role.
    Role,
    /// E-mail address.
    Email,
    /// Phone number.
    Phone,
}

/// What is wrong with one field of the person form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PersonProblem {
    /// Occurs when neither the name nor the company has a visible character.
    Blank,
    /// Occurs when the e-mail address is not one.
    Email(EmailProblem),
    /// Occurs when the phone holds no number that can be called.
    Phone(PhoneProblem),
}

impl PersonProblem {
    /// A one-line explanation naming what is wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            PersonProblem::Blank => {
                lang.pick("Escriba al menos un nombre o una empresa.", "Write at least a name or a company.").into()
            }
            PersonProblem::Email(problem) => problem.message(lang).into(),
            PersonProblem::Phone(problem) => problem.message(lang),
        }
    }
}

impl PersonDetails {
    /// The longest name, company or role kept, in characters.
    pub const MAX_TEXT_CHARS: usize = 200;

    /// True when there is no visible name and no visible company: nothing to show the entry by.
    pub fn is_blank(&self) -> bool {
        !is_visible(&self.name) && !is_visible(&self.company)
    }

    /// The details as they are saved, or every field that is still wrong, in form order.
    ///
    /// Texts are kept on one line and at most [`PersonDetails::MAX_TEXT_CHARS`]; the e-mail
    /// must be an address; the phone is read in `country` ([`phone::from_typed`]) and kept
    /// as it is shown, `+52 614 410 2233`. An empty e-mail or phone is fine.
    pub fn checked(&self, country: &CountryCode) -> Result<PersonDetails, Vec<(PersonField, PersonProblem)>> {
        let mut problems = Vec::new();
        if self.is_blank() {
            problems.push((PersonField::Name, PersonProblem::Blank));
        }
        // A text with nothing visible is kept as no text.
        let text = |value: &str| {
            Some(one_line(value, PersonDetails::MAX_TEXT_CHARS)).filter(|t| is_visible(t)).unwrap_or_default()
        };
        let email = match self.email.trim() {
            "" => String::new(),
            typed => Email::from_typed(typed).map(|email| email.to_string()).unwrap_or_else(|problem| {
                problems.push((PersonField::Email, PersonProblem::Email(problem)));
                String::new()
            }),
        };
        let phone = match self.phone.trim() {
            "" => String::new(),
            typed => {
                phone::from_typed(typed, country).map(|number| phone::display(&number)).unwrap_or_else(|problem| {
                    problems.push((PersonField::Phone, PersonProblem::Phone(problem)));
                    String::new()
                })
            }
        };
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(PersonDetails { name: text(&self.name), company: text(&self.company), role: text(&self.role), email, phone })
    }

    pub(crate) fn snapshot(&self) -> Snapshot {
        Snapshot::of_person(self)
    }
}

/// The years a next follow-up date may fall in: a year typed as `26` (which a date
/// field reads as 0026) or with a digit too many is a slip, not a plan.
pub const NEXT_DATE_YEARS: std::ops::RangeInclusive<i32> = 2000..=2099;

/// What is wrong with a date delivered by a date field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateProblem {
    /// Occurs when the value is not a calendar date (`YYYY-MM-DD`, a six-digit year, 31 February).
    NotADate,
    /// Occurs when the year is outside [`NEXT_DATE_YEARS`].
    OutOfRange,
}

impl DateProblem {
    /// A one-line explanation, in `lang`.
    pub fn message(self, lang: Lang) -> &'static str {
        match self {
            DateProblem::NotADate => lang.pick(
                "No es una fecha completa; no se cambió la fecha guardada.",
                "That is not a complete date; the saved date was not changed.",
            ),
            DateProblem::OutOfRange => lang.pick(
                "El año debe estar entre 2000 y 2099; no se cambió la fecha guardada.",
                "The year must be between 2000 and 2099; the saved date was not changed.",
            ),
        }
    }
}

/// Reads the next follow-up date from a date field: empty clears it, a date in
/// [`NEXT_DATE_YEARS`] sets it, anything else is refused (the saved date stays).
pub fn next_date_from_field(value: &str) -> Result<Option<IsoDate>, DateProblem> {
    if value.trim().is_empty() {
        return Ok(None);
    }
    let date = IsoDate::parse(value.trim()).ok_or(DateProblem::NotADate)?;
    if NEXT_DATE_YEARS.contains(&date.year()) {
        Ok(Some(date))
    } else {
        Err(DateProblem::OutOfRange)
    }
}

/// Where the conversation with an entry stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Saved, not contacted yet.
    #[default]
    ToContact,
    /// Contacted after meeting.
    Contacted,
    /// A meeting is set.
    MeetingSet,
    /// A proposal or quote is out.
    Proposal,
    /// Business won.
    Won,
    /// Not now; kept for later.
    NotNow,
}

impl Status {
    /// Every status, in the order of the pipeline.
    pub const ALL: [Status; 6] =
        [Status::ToContact, Status::Contacted, Status::MeetingSet, Status::Proposal, Status::Won, Status::NotNow];

    /// Its name for a person.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Status::ToContact => lang.pick("Por contactar", "To contact"),
            Status::Contacted => lang.pick("Contactado", "Contacted"),
            Status::MeetingSet => lang.pick("Reunión agendada", "Meeting set"),
            Status::Proposal => lang.pick("Propuesta", "Proposal"),
            Status::Won => lang.pick("Ganado", "Won"),
            Status::NotNow => lang.pick("Por ahora no", "Not now"),
        }
    }

    /// Its name in stored documents and URLs: `to_contact`, `meeting_set`, …
    pub fn key(self) -> &'static str {
        match self {
            Status::ToContact => "to_contact",
            Status::Contacted => "contacted",
            Status::MeetingSet => "meeting_set",
            Status::Proposal => "proposal",
            Status::Won => "won",
            Status::NotNow => "not_now",
        }
    }

    /// The status with this [`Status::key`].
    pub fn from_key(key: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|status| status.key() == key)
    }

    /// True for won and not now: the conversation needs no reminder.
    pub fn is_closed(self) -> bool {
        matches!(self, Status::Won | Status::NotNow)
    }
}

/// Where we met the entry.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum MetAt {
    /// An event of the directory.
    Event {
        /// The event's id.
        id: Slug,
        /// Its name when it was chosen or last refreshed, for offline use.
        name: String,
    },
    /// Anything else, as typed.
    Other(String),
    /// Vitrina's matchmaking (issue 16): a typed value, named in the language it is shown in.
    Matchmaking,
}

impl MetAt {
    /// The event named in the directory, with its name resolved for the snapshot.
    pub fn event(directory: &Directory, id: &str, lang: Lang) -> Option<MetAt> {
        let event = directory.event(id)?;
        let name = event.name.resolve(lang.tag(), directory.fallback_language()).to_owned();
        Some(MetAt::Event { id: event.id.clone(), name })
    }

    /// The longest place typed by hand that is kept, in characters.
    pub const MAX_OTHER_CHARS: usize = 120;

    /// A place typed by hand, kept on one line and at most [`MetAt::MAX_OTHER_CHARS`];
    /// `None` when nothing visible is left.
    pub fn other(typed: &str) -> Option<MetAt> {
        let text = one_line(typed, MetAt::MAX_OTHER_CHARS);
        is_visible(&text).then_some(MetAt::Other(text))
    }

    /// What to show in `lang`: the event's name, the text, or the name of a typed value.
    pub fn label(&self, lang: Lang) -> &str {
        match self {
            MetAt::Event { name, id } if name.is_empty() => id.as_str(),
            MetAt::Event { name, .. } => name,
            MetAt::Other(text) => text,
            MetAt::Matchmaking => lang.pick("Emparejamiento de Vitrina", "Vitrina matchmaking"),
        }
    }

    /// The event id, when it is an event of the directory.
    pub fn event_id(&self) -> Option<&Slug> {
        match self {
            MetAt::Event { id, .. } => Some(id),
            MetAt::Other(_) | MetAt::Matchmaking => None,
        }
    }
}

/// A channel a follow-up went through.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    /// E-mail.
    Email,
    /// Phone call.
    Phone,
    /// WhatsApp.
    Whatsapp,
}

impl Channel {
    /// Its name for a person.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Channel::Email => lang.pick("Correo", "E-mail"),
            Channel::Phone => lang.pick("Llamada", "Phone call"),
            Channel::Whatsapp => "WhatsApp",
        }
    }
}

/// One time the visitor reached out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ContactRecord {
    /// Through which channel.
    pub via: Channel,
    /// When (the moment the link was opened).
    pub at: Millis,
}

/// How an entry's next follow-up date relates to today.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Due {
    /// The date has passed by this many days (1 or more).
    Overdue {
        /// Days late.
        days: i64,
    },
    /// The date is today.
    Today,
    /// The date is this many days ahead (1 or more).
    Upcoming {
        /// Days to go.
        days: i64,
    },
    /// No date, or the conversation is closed (won or not now).
    NotScheduled,
}

impl Due {
    /// True for overdue and due today: the entries to show first and mark.
    pub fn needs_attention(self) -> bool {
        matches!(self, Due::Overdue { .. } | Due::Today)
    }

    /// A short phrase for the list: "Vencido hace 3 días", "Today", "In 2 days".
    pub fn label(self, lang: Lang) -> Option<String> {
        Some(match (self, lang) {
            (Due::Overdue { days: 1 }, Lang::Es) => "Vencido desde ayer".into(),
            (Due::Overdue { days: 1 }, Lang::En) => "Overdue since yesterday".into(),
            (Due::Overdue { days }, Lang::Es) => format!("Vencido hace {days} días"),
            (Due::Overdue { days }, Lang::En) => format!("Overdue by {days} days"),
            (Due::Today, _) => lang.pick("Hoy", "Today").into(),
            (Due::Upcoming { days: 1 }, _) => lang.pick("Mañana", "Tomorrow").into(),
            (Due::Upcoming { days }, Lang::Es) => format!("En {days} días"),
            (Due::Upcoming { days }, Lang::En) => format!("In {days} days"),
            (Due::NotScheduled, _) => return None,
        })
    }
}

/// What the visitor found at a member's stand, marked with one tap in the fair-day view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VisitMark {
    /// Visited the stand.
    Visited,
    /// Come back later (nobody free, a contact to meet).
    ComeBack,
    /// The stand was empty or not where the file said.
    NotThere,
}

impl VisitMark {
    /// Every mark, in the order the fair-day view shows them.
    pub const ALL: [VisitMark; 3] = [VisitMark::Visited, VisitMark::ComeBack, VisitMark::NotThere];

    /// Its name for a person.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            VisitMark::Visited => lang.pick("Visitado", "Visited"),
            VisitMark::ComeBack => lang.pick("Volver", "Come back"),
            VisitMark::NotThere => lang.pick("No estaba", "Not there"),
        }
    }

    /// Its name in stored documents: `visited`, `come_back`, `not_there`.
    pub fn key(self) -> &'static str {
        match self {
            VisitMark::Visited => "visited",
            VisitMark::ComeBack => "come_back",
            VisitMark::NotThere => "not_there",
        }
    }
}

/// The mark an entry got at one event; an entry keeps one per event, so the
/// marks of the last fair are still there at the next one.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Visit {
    /// The directory event it was marked at.
    pub event: Slug,
    /// What the visitor found.
    pub mark: VisitMark,
    /// When it was marked.
    pub at: Millis,
}

/// The most events whose marks an entry keeps; the oldest marks are dropped first.
pub const MAX_VISITS: usize = 20;

/// One company or person the visitor wants to follow up with.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Stable id; see [`EntryId`].
    pub id: EntryId,
    /// Who it is about.
    pub target: Target,
    /// What is known about them without the directory.
    pub snapshot: Snapshot,
    /// The visitor's free-text note.
    pub note: String,
    /// Where the conversation stands.
    pub status: Status,
    /// The next follow-up date.
    pub next_date: Option<IsoDate>,
    /// Where we met.
    pub met_at: Option<MetAt>,
    /// When it was added.
    pub added_at: Millis,
    /// When it was last changed by the visitor (the merge rule: the newer change wins).
    pub updated_at: Millis,
    /// Times the visitor reached out from the app, oldest first.
    pub contacted: Vec<ContactRecord>,
    /// True when the last directory loaded no longer has this member or contact.
    pub missing_from_directory: bool,
    /// Fair-day marks, one per event, oldest first.
    pub visits: Vec<Visit>,
    /// The message to open a first e-mail or WhatsApp with (from matchmaking); empty when none.
    pub introduction: String,
}

impl Entry {
    pub(crate) fn new(id: EntryId, target: Target, snapshot: Snapshot, now_ms: Millis) -> Entry {
        Entry {
            id,
            target,
            snapshot,
            note: String::new(),
            status: Status::ToContact,
            next_date: None,
            met_at: None,
            added_at: now_ms,
            updated_at: now_ms,
            contacted: Vec::new(),
            missing_from_directory: false,
            visits: Vec::new(),
            introduction: String::new(),
        }
    }

    /// The mark given at `event`, if any.
    pub fn visit(&self, event: &str) -> Option<&Visit> {
        self.visits.iter().find(|visit| visit.event.as_str() == event)
    }

    /// The latest mark given at another event than `event`: what the visitor
    /// found last time, shown at the next fair.
    pub fn last_visit_elsewhere(&self, event: &str) -> Option<&Visit> {
        self.visits.iter().filter(|visit| visit.event.as_str() != event).max_by_key(|visit| visit.at)
    }

    /// The name to show the entry by: the person's, else the company's, else the member id.
    ///
    /// A name with nothing visible (zero-width characters, from a backup or a list saved
    /// before the form checked names) is passed over, so no entry is shown without a name.
    pub fn display_name(&self) -> &str {
        if is_visible(&self.snapshot.contact_name) {
            &self.snapshot.contact_name
        } else if is_visible(&self.snapshot.member_name) {
            &self.snapshot.member_name
        } else {
            self.target.member_id().map(Slug::as_str).unwrap_or(self.id.as_str())
        }
    }

    /// The company to show under the name, when the name is a person's.
    pub fn company(&self) -> Option<&str> {
        let shows_person = is_visible(&self.snapshot.contact_name);
        (shows_person && is_visible(&self.snapshot.member_name)).then_some(self.snapshot.member_name.as_str())
    }

    /// How the next follow-up date relates to `today`.
    pub fn due(&self, today: IsoDate) -> Due {
        match self.next_date {
            Some(date) if !self.status.is_closed() => {
                let days = date.days_since_epoch() - today.days_since_epoch();
                match days {
                    0 => Due::Today,
                    d if d < 0 => Due::Overdue { days: -d },
                    d => Due::Upcoming { days: d },
                }
            }
            _ => Due::NotScheduled,
        }
    }

    /// The last time the visitor reached out, if ever.
    pub fn last_contacted(&self) -> Option<ContactRecord> {
        self.contacted.last().copied()
    }
}

// ---- Stored form -------------------------------------------------------------------------------

/// The stored name of [`MetAt::Matchmaking`].
const MATCHMAKING: &str = "matchmaking";

/// The JSON shape of an entry; validated into an [`Entry`] when read.
#[derive(Serialize, Deserialize)]
pub(crate) struct EntryWire {
    id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    member: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    contact: Option<String>,
    #[serde(default)]
    snapshot: Snapshot,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    note: String,
    #[serde(default)]
    status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    next: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    met_at: Option<MetAtWire>,
    added_at: Millis,
    updated_at: Millis,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    contacted: Vec<ContactRecord>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    missing: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    visits: Vec<VisitWire>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    introduction: String,
}

#[derive(Serialize, Deserialize)]
pub(crate) struct VisitWire {
    event: String,
    mark: VisitMark,
    at: Millis,
}

/// `{ "event", "name" }`, `{ "text" }` or `{ "via" }`, read as one struct: serde's untagged
/// enum for the same shapes cost the landing module 1.4 KB (issue 16), and the stored list is
/// read there at start. An event wins over a text, a text over a typed value; a typed value
/// this app does not know reads as no "met at".
#[derive(Serialize, Deserialize)]
pub(crate) struct MetAtWire {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    event: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    via: Option<String>,
}

impl From<&Entry> for EntryWire {
    fn from(entry: &Entry) -> EntryWire {
        EntryWire {
            id: entry.id.to_string(),
            member: entry.target.member_id().map(Slug::to_string),
            contact: entry.target.contact_id().map(Slug::to_string),
            snapshot: entry.snapshot.clone(),
            note: entry.note.clone(),
            status: entry.status,
            next: entry.next_date.map(|date| date.to_string()),
            met_at: entry.met_at.as_ref().map(|met| {
                let wire = MetAtWire { event: None, name: String::new(), text: None, via: None };
                match met {
                    MetAt::Event { id, name } => MetAtWire { event: Some(id.to_string()), name: name.clone(), ..wire },
                    MetAt::Other(text) => MetAtWire { text: Some(text.clone()), ..wire },
                    MetAt::Matchmaking => MetAtWire { via: Some(MATCHMAKING.to_owned()), ..wire },
                }
            }),
            added_at: entry.added_at,
            updated_at: entry.updated_at,
            contacted: entry.contacted.clone(),
            missing: entry.missing_from_directory,
            visits: entry
                .visits
                .iter()
                .map(|visit| VisitWire { event: visit.event.to_string(), mark: visit.mark, at: visit.at })
                .collect(),
            introduction: entry.introduction.clone(),
        }
    }
}

impl TryFrom<EntryWire> for Entry {
    type Error = &'static str;

    fn try_from(wire: EntryWire) -> Result<Entry, &'static str> {
        let slug = |value: &str| Slug::parse(value).ok_or("bad id");
        let target = match (&wire.member, &wire.contact) {
            (Some(member), Some(contact)) => Target::Contact { member: slug(member)?, contact: slug(contact)? },
            (Some(member), None) => Target::Member { member: slug(member)? },
            (None, None) => Target::Person,
            (None, Some(_)) => return Err("contact without member"),
        };
        // Directory entries always carry the id derived from their target, so dedupe holds
        // even for a hand-edited file.
        let id = match &target {
            Target::Member { member } => EntryId::for_member(member),
            Target::Contact { member, contact } => EntryId::for_contact(member, contact),
            Target::Person => EntryId::parse(&wire.id).filter(|id| id.0.starts_with("p.")).ok_or("bad id")?,
        };
        let next_date = match &wire.next {
            Some(text) => Some(IsoDate::parse(text).ok_or("bad date")?),
            None => None,
        };
        let met_at = match wire.met_at {
            Some(MetAtWire { event: Some(event), name, .. }) => Some(MetAt::Event { id: slug(&event)?, name }),
            Some(MetAtWire { text: Some(text), .. }) => Some(MetAt::Other(text)),
            Some(MetAtWire { via: Some(via), .. }) if via == MATCHMAKING => Some(MetAt::Matchmaking),
            Some(_) | None => None,
        };
        let mut contacted = wire.contacted;
        if contacted.len() > MAX_CONTACT_RECORDS {
            contacted.drain(..contacted.len() - MAX_CONTACT_RECORDS);
        }
        // One mark per event (a hand-edited file may repeat one): the latest wins.
        let mut visits: Vec<Visit> = Vec::with_capacity(wire.visits.len());
        for visit in wire.visits {
            let visit = Visit { event: slug(&visit.event)?, mark: visit.mark, at: visit.at };
            match visits.iter_mut().find(|known| known.event == visit.event) {
                Some(known) if known.at <= visit.at => *known = visit,
                Some(_) => {}
                None => visits.push(visit),
            }
        }
        crate::sorting::sort_by_key(&mut visits, |visit| visit.at);
        if visits.len() > MAX_VISITS {
            visits.drain(..visits.len() - MAX_VISITS);
        }
        Ok(Entry {
            id,
            target,
            snapshot: wire.snapshot,
            note: wire.note,
            status: wire.status,
            next_date,
            met_at,
            added_at: wire.added_at,
            updated_at: wire.updated_at,
            contacted,
            missing_from_directory: wire.missing,
            visits,
            // Capped, not trimmed: kept as typed, like a note (`FollowUpList::set_introduction`).
            introduction: wire.introduction.chars().take(MAX_INTRODUCTION_CHARS).collect(),
        })
    }
}

impl Serialize for Entry {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        EntryWire::from(self).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Entry {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Entry, D::Error> {
        let wire = EntryWire::deserialize(deserializer)?;
        Entry::try_from(wire).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slug(s: &str) -> Slug {
        Slug::parse(s).unwrap()
    }

    #[test]
    fn the_person_form_checks_every_field() {
        // Issue 13: each value the form used to save as typed.
        let mx = CountryCode::mexico();
        let with = |email: &str, phone: &str| PersonDetails {
            name: "Carla".into(),
            email: email.into(),
            phone: phone.into(),
            ..PersonDetails::default()
        };
        let problems = |details: PersonDetails| {
            details.checked(&mx).err().unwrap_or_default().into_iter().map(|(field, _)| field).collect::<Vec<_>>()
        };
        for email in ["not-an-email", "a@b@c..com", "carla@example.com\r\nBcc: evil@x.com"] {
            assert_eq!(problems(with(email, "")), [PersonField::Email], "{email:?}");
        }
        for phone in ["call me maybe", "1234567890123456789012345"] {
            assert_eq!(problems(with("", phone)), [PersonField::Phone], "{phone:?}");
        }
        assert_eq!(problems(with("nope", "nope")), [PersonField::Email, PersonField::Phone]);
        for name in ["\u{200B}\u{200B}", " \u{200D} ", "\u{FEFF}", ""] {
            let blank = PersonDetails { name: name.into(), ..PersonDetails::default() };
            assert!(blank.is_blank(), "{name:?}");
            assert_eq!(blank.checked(&mx), Err(vec![(PersonField::Name, PersonProblem::Blank)]));
        }
        let saved = PersonDetails {
            name: " Carla\tRuiz ".into(),
            company: "x".repeat(300),
            role: String::new(),
            email: " carla@example.com ".into(),
            phone: "044 614 410 2233".into(),
        }
        .checked(&mx)
        .unwrap();
        assert_eq!(saved.name, "Carla Ruiz");
        let invisible_name =
            PersonDetails { name: "\u{200B}".into(), company: "Forja".into(), ..PersonDetails::default() };
        assert_eq!(invisible_name.checked(&mx).map(|d| (d.name, d.company)), Ok((String::new(), "Forja".into())));
        assert_eq!(saved.company.chars().count(), PersonDetails::MAX_TEXT_CHARS);
        assert_eq!((saved.email.as_str(), saved.phone.as_str()), ("carla@example.com", "+52 614 410 2233"));
        for problem in [PersonProblem::Blank, PersonProblem::Phone(PhoneProblem::NotANumber)] {
            assert_ne!(problem.message(Lang::Es), problem.message(Lang::En));
        }
    }

    #[test]
    fn stored_contact_values_are_checked_on_read() {
        let stored = Snapshot {
            email: "carla@example.com\r\nBcc: evil@x.com".into(),
            phone: "1234567890123456789012345".into(),
            ..Snapshot::default()
        };
        assert_eq!((stored.checked_email(), stored.checked_phone(), stored.whatsapp_number()), (None, None, None));
        // Kept whole for the app to show as plain text.
        assert_eq!(stored.unchecked_email(), Some((stored.email.as_str(), EmailProblem::LineBreak)));
        assert!(matches!(stored.unchecked_phone(), Some((_, PhoneProblem::WrongLength { .. }))));
        let good =
            Snapshot { email: "ana@x.mx".into(), phone: "+52 614 555 0101 ext. 3".into(), ..Snapshot::default() };
        assert_eq!((good.unchecked_email(), good.unchecked_phone()), (None, None));
        assert_eq!(good.checked_phone().map(|n| n.to_string()), Some("+526145550101".into()));
    }

    #[test]
    fn an_entry_is_never_shown_by_an_invisible_name() {
        let snapshot = |name: &str, company: &str| Snapshot {
            contact_name: name.into(),
            member_name: company.into(),
            ..Snapshot::default()
        };
        let id = EntryId::parse("p.1.abc").unwrap();
        let entry = Entry::new(id.clone(), Target::Person, snapshot("\u{200B}", "Forja"), 1);
        assert_eq!((entry.display_name(), entry.company()), ("Forja", None));
        let entry = Entry::new(id.clone(), Target::Person, snapshot("\u{200B}\u{200D}", "\u{FEFF}"), 1);
        assert_eq!(entry.display_name(), "p.1.abc");
        let entry = Entry::new(id, Target::Person, snapshot("Ana", "\u{2060}"), 1);
        assert_eq!((entry.display_name(), entry.company()), ("Ana", None));
    }

    #[test]
    fn next_dates_from_a_date_field() {
        assert_eq!(next_date_from_field(""), Ok(None));
        assert_eq!(next_date_from_field("2026-12-01"), Ok(IsoDate::parse("2026-12-01")));
        for (value, problem) in [
            ("0026-12-01", DateProblem::OutOfRange),
            ("2100-01-01", DateProblem::OutOfRange),
            ("275760-09-13", DateProblem::NotADate),
            ("2026-02-31", DateProblem::NotADate),
            ("mañana", DateProblem::NotADate),
        ] {
            assert_eq!(next_date_from_field(value), Err(problem), "{value}");
        }
        assert_ne!(DateProblem::OutOfRange.message(Lang::Es), DateProblem::OutOfRange.message(Lang::En));
    }

    #[test]
    fn a_place_typed_by_hand_is_one_visible_line() {
        assert_eq!(MetAt::other("  Expo\r\nMonterrey "), Some(MetAt::Other("Expo  Monterrey".into())));
        assert_eq!(MetAt::other("\u{200B} \n"), None);
        let long = MetAt::other(&"a".repeat(500)).unwrap();
        assert_eq!(long.label(Lang::Es).chars().count(), MetAt::MAX_OTHER_CHARS);
    }

    #[test]
    fn ids_derive_from_the_target() {
        assert_eq!(EntryId::for_member(&slug("aceros")).as_str(), "m.aceros");
        assert_eq!(EntryId::for_contact(&slug("aceros"), &slug("ana")).as_str(), "c.aceros.ana");
        let person = PersonDetails { name: "Ana".into(), ..PersonDetails::default() };
        let id = EntryId::for_person(1_790_000_000_000, &person, 0);
        assert!(EntryId::parse(id.as_str()).is_some(), "{id}");
        assert_ne!(id, EntryId::for_person(1_790_000_000_000, &person, 1));
        for bad in ["", "m.", "x.aceros", "m.Aceros", "m.a b", &format!("m.{}", "a".repeat(200))] {
            assert!(EntryId::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn statuses_have_keys_and_labels() {
        for status in Status::ALL {
            assert_eq!(Status::from_key(status.key()), Some(status));
            assert_eq!(serde_json::to_string(&status).unwrap(), format!("\"{}\"", status.key()));
            assert!(!status.label(Lang::Es).is_empty() && !status.label(Lang::En).is_empty());
        }
        assert_eq!(Status::MeetingSet.label(Lang::Es), "Reunión agendada");
        assert!(Status::Won.is_closed() && Status::NotNow.is_closed() && !Status::Proposal.is_closed());
    }

    #[test]
    fn due_dates_relative_to_today() {
        let today = IsoDate::parse("2026-11-25").unwrap();
        let mut entry =
            Entry::new(EntryId::for_member(&slug("a")), Target::Member { member: slug("a") }, Snapshot::default(), 0);
        assert_eq!(entry.due(today), Due::NotScheduled);
        entry.next_date = IsoDate::parse("2026-11-22");
        assert_eq!(entry.due(today), Due::Overdue { days: 3 });
        assert_eq!(entry.due(today).label(Lang::Es).as_deref(), Some("Vencido hace 3 días"));
        entry.next_date = Some(today);
        assert_eq!(entry.due(today), Due::Today);
        entry.next_date = IsoDate::parse("2026-11-26");
        assert_eq!(entry.due(today).label(Lang::En).as_deref(), Some("Tomorrow"));
        entry.next_date = IsoDate::parse("2026-11-01");
        entry.status = Status::Won;
        assert_eq!(entry.due(today), Due::NotScheduled);
    }

    #[test]
    fn stored_form_round_trips_and_rejects_bad_values() {
        let mut entry = Entry::new(
            EntryId::for_contact(&slug("aceros"), &slug("ana")),
            Target::Contact { member: slug("aceros"), contact: slug("ana") },
            Snapshot { member_name: "Aceros".into(), contact_name: "Ana".into(), ..Snapshot::default() },
            5,
        );
        entry.met_at = Some(MetAt::Event { id: slug("paace"), name: "PAACE".into() });
        entry.next_date = IsoDate::parse("2026-12-01");
        entry.contacted.push(ContactRecord { via: Channel::Whatsapp, at: 7 });
        let json = serde_json::to_string(&entry).unwrap();
        assert_eq!(
            json,
            r#"{"id":"c.aceros.ana","member":"aceros","contact":"ana","snapshot":{"member_name":"Aceros","contact_name":"Ana"},"status":"to_contact","next":"2026-12-01","met_at":{"event":"paace","name":"PAACE"},"added_at":5,"updated_at":5,"contacted":[{"via":"whatsapp","at":7}]}"#
        );
        assert_eq!(serde_json::from_str::<Entry>(&json).unwrap(), entry);
        for bad in [
            r#"{"id":"m.x","member":"Bad Slug","added_at":1,"updated_at":1}"#,
            r#"{"id":"m.x","contact":"ana","added_at":1,"updated_at":1}"#,
            r#"{"id":"m.x","member":"x","next":"2026-02-30","added_at":1,"updated_at":1}"#,
            r#"{"id":"m.x","member":"x","status":"maybe","added_at":1,"updated_at":1}"#,
            r#"{"id":"nope","added_at":1,"updated_at":1}"#,
            r#"{"id":"m.x","member":"x"}"#,
        ] {
            assert!(serde_json::from_str::<Entry>(bad).is_err(), "{bad}");
        }
        // A directory entry's id is always the derived one.
        let fixed: Entry =
            serde_json::from_str(r#"{"id":"m.other","member":"x","added_at":1,"updated_at":1}"#).unwrap();
        assert_eq!(fixed.id.as_str(), "m.x");
    }
}
