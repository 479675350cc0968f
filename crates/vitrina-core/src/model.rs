//! The directory as the app sees it after loading: every value checked, every reference resolved.
//!
//! Serializing a `Directory` writes format 1 again, so an accepted file round-trips.

use crate::text::Text;
use crate::valid::{AssetUrl, CountryCode, Email, HttpUrl, IsoDate, LangTag, Slug, E164};
use serde::{Serialize, Serializer};

/// The one format version this app reads.
pub const FORMAT_VERSION: u64 = 1;

/// A whole member directory.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Directory {
    /// Always [`FORMAT_VERSION`] once loaded.
    pub format: u64,
    /// Who publishes the directory.
    pub cluster: Cluster,
    /// Groups of the capability map.
    pub capability_groups: Vec<CapabilityGroup>,
    /// What members can offer or need.
    pub capabilities: Vec<Capability>,
    /// Certifications members can hold.
    pub certifications: Vec<Certification>,
    /// Fairs, meetings and visits.
    pub events: Vec<Event>,
    /// The companies and institutions.
    pub members: Vec<Member>,
}

/// The cluster that publishes the directory.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cluster {
    /// The cluster's name; empty when the file has none (a problem is listed then).
    /// Show [`Cluster::display_name`], which stands in [`Cluster::FALLBACK_NAME`] for an empty name.
    pub name: String,
    /// Its web site.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<HttpUrl>,
    /// When the file was last updated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<IsoDate>,
    /// Languages of the texts in the file, most important first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<LangTag>,
}

impl Cluster {
    /// What to show when the file names no cluster.
    pub const FALLBACK_NAME: &'static str = crate::APP_NAME;

    /// A cluster with no name and nothing else, for a file that has none.
    pub fn unnamed() -> Cluster {
        Cluster { name: String::new(), url: None, updated: None, languages: Vec::new() }
    }

    /// The cluster's name, or [`Cluster::FALLBACK_NAME`] when the file has none.
    pub fn display_name(&self) -> &str {
        if self.name.is_empty() {
            Cluster::FALLBACK_NAME
        } else {
            &self.name
        }
    }
}

/// A group of the capability map, e.g. metal forming.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CapabilityGroup {
    /// Its id.
    pub id: Slug,
    /// Its name.
    pub label: Text,
}

/// Something a member can do, e.g. stamping.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Capability {
    /// Its id.
    pub id: Slug,
    /// The group it belongs to, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<Slug>,
    /// Its name.
    pub label: Text,
    /// Other words people use for it.
    #[serde(skip_serializing_if = "Aliases::is_empty")]
    pub aliases: Aliases,
}

/// Other words for a capability: for every language, or by language.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Aliases {
    /// No other words.
    #[default]
    None,
    /// Words for every language.
    Plain(Vec<String>),
    /// Words by language tag.
    ByLang(Vec<(String, Vec<String>)>),
}

impl Aliases {
    /// True when there are no words at all.
    pub fn is_empty(&self) -> bool {
        self.words().next().is_none()
    }

    /// Every word, in every language.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        let (plain, by_lang): (&[String], &[(String, Vec<String>)]) = match self {
            Aliases::None => (&[], &[]),
            Aliases::Plain(words) => (words, &[]),
            Aliases::ByLang(groups) => (&[], groups),
        };
        plain.iter().chain(by_lang.iter().flat_map(|(_, words)| words.iter())).map(String::as_str)
    }
}

impl Serialize for Aliases {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            Aliases::None => serializer.collect_seq(std::iter::empty::<&str>()),
            Aliases::Plain(words) => serializer.collect_seq(words),
            Aliases::ByLang(groups) => {
                let mut map = serializer.serialize_map(Some(groups.len()))?;
                for (tag, words) in groups {
                    map.serialize_entry(tag, words)?;
                }
                map.end()
            }
        }
    }
}

/// A certification members can hold, e.g. IATF 16949.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Certification {
    /// Its id.
    pub id: Slug,
    /// Its name.
    pub label: Text,
}

/// What kind of event it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    /// A trade fair.
    Fair,
    /// A cluster meeting.
    Meeting,
    /// A conference.
    Conference,
    /// A plant or supplier visit.
    Visit,
    /// Anything else.
    Other,
}

impl EventKind {
    /// Every kind with its name in the file.
    pub const ALL: [(EventKind, &'static str); 5] = [
        (EventKind::Fair, "fair"),
        (EventKind::Meeting, "meeting"),
        (EventKind::Conference, "conference"),
        (EventKind::Visit, "visit"),
        (EventKind::Other, "other"),
    ];

    /// Every kind's name in the file, in the order of [`EventKind::ALL`].
    pub const NAMES: &'static [&'static str] = &names_of(&EventKind::ALL);

    /// The kind with this name in the file.
    pub fn from_name(name: &str) -> Option<EventKind> {
        EventKind::ALL.iter().find(|(_, n)| *n == name).map(|(kind, _)| *kind)
    }
}

/// A fair, meeting, conference or visit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    /// Its id.
    pub id: Slug,
    /// Its name.
    pub name: Text,
    /// What kind of event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<EventKind>,
    /// First day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<IsoDate>,
    /// Last day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<IsoDate>,
    /// City where it takes place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// Venue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub venue: Option<Text>,
    /// Its web page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<HttpUrl>,
}

/// A member's place in the supply chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MemberKind {
    /// Vehicle maker.
    Oem,
    /// Supplies OEMs directly.
    Tier1,
    /// Supplies Tier 1s.
    Tier2,
    /// Supplies Tier 2s.
    Tier3,
    /// Services: logistics, engineering, labs…
    Service,
    /// Universities, training and technology centres.
    Institution,
}

impl MemberKind {
    /// Every kind with its name in the file.
    pub const ALL: [(MemberKind, &'static str); 6] = [
        (MemberKind::Oem, "oem"),
        (MemberKind::Tier1, "tier1"),
        (MemberKind::Tier2, "tier2"),
        (MemberKind::Tier3, "tier3"),
        (MemberKind::Service, "service"),
        (MemberKind::Institution, "institution"),
    ];

    /// Every kind's name in the file, in the order of [`MemberKind::ALL`].
    pub const NAMES: &'static [&'static str] = &names_of(&MemberKind::ALL);

    /// The kind with this name in the file.
    pub fn from_name(name: &str) -> Option<MemberKind> {
        MemberKind::ALL.iter().find(|(_, n)| *n == name).map(|(kind, _)| *kind)
    }
}

/// The names of an enum's `ALL` table, computed at compile time so the two cannot drift apart.
const fn names_of<T: Copy, const N: usize>(all: &[(T, &'static str); N]) -> [&'static str; N] {
    let mut names = [""; N];
    let mut i = 0;
    while i < N {
        names[i] = all[i].1;
        i += 1;
    }
    names
}

/// A company or institution of the cluster.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Member {
    /// Stable id, used by links and the follow-up list.
    pub id: Slug,
    /// Trade name.
    pub name: String,
    /// Legal name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legal_name: Option<String>,
    /// Place in the supply chain.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<MemberKind>,
    /// The 30-second pitch.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pitch: Option<Text>,
    /// Longer profile; paragraphs separated by blank lines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Capabilities offered (ids that exist).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub capabilities: Vec<Slug>,
    /// Capabilities sought: supply gaps (ids that exist).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<Slug>,
    /// Certificates held.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub certifications: Vec<MemberCertification>,
    /// OEMs and Tier 1s it supplies.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub customers: Vec<String>,
    /// Headcount.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employees: Option<u64>,
    /// Year founded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub founded: Option<i32>,
    /// Planned investment in millions of USD.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub investment_musd: Option<f64>,
    /// Languages it does business in.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<LangTag>,
    /// Where it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// Web site.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website: Option<HttpUrl>,
    /// LinkedIn page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub linkedin: Option<HttpUrl>,
    /// Logo, relative to the directory file or absolute https.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logo: Option<AssetUrl>,
    /// Cases that show credibility.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub success_cases: Vec<SuccessCase>,
    /// Events it attends or exhibits at.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<MemberEvent>,
    /// When the cluster's staff last checked this member's data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verified_on: Option<IsoDate>,
    /// Decision makers and sales people.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact>,
}

impl Member {
    /// A member with only the required fields, for building directories in code.
    pub fn new(id: Slug, name: impl Into<String>) -> Member {
        Member {
            id,
            name: name.into(),
            legal_name: None,
            kind: None,
            pitch: None,
            description: None,
            capabilities: Vec::new(),
            needs: Vec::new(),
            certifications: Vec::new(),
            customers: Vec::new(),
            employees: None,
            founded: None,
            investment_musd: None,
            languages: Vec::new(),
            location: None,
            website: None,
            linkedin: None,
            logo: None,
            success_cases: Vec::new(),
            events: Vec::new(),
            verified_on: None,
            contacts: Vec::new(),
        }
    }

    /// Its attendance at the event with this id, when it attends.
    pub fn attendance(&self, event_id: &str) -> Option<&MemberEvent> {
        self.events.iter().find(|attended| attended.id.as_str() == event_id)
    }

    /// True when it attends the event with this id.
    pub fn attends(&self, event_id: &str) -> bool {
        self.attendance(event_id).is_some()
    }

    /// Its stand at the event with this id, trimmed; `None` when it does not attend or the
    /// file gives no stand (or a blank one).
    pub fn stand_at(&self, event_id: &str) -> Option<&str> {
        let stand = self.attendance(event_id)?.stand.as_deref()?.trim();
        (!stand.is_empty()).then_some(stand)
    }
}

/// A certificate a member holds.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MemberCertification {
    /// Which certification.
    pub id: Slug,
    /// Expiry date; past it the certificate shows as expired.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<IsoDate>,
    /// The site it covers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site: Option<Text>,
    /// The certification body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
}

impl MemberCertification {
    /// True when the certificate has an expiry date before `today`.
    pub fn is_expired(&self, today: IsoDate) -> bool {
        self.valid_until.is_some_and(|until| until < today)
    }
}

/// An event a member attends, with its stand there.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MemberEvent {
    /// Which event.
    pub id: Slug,
    /// Stand or booth.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stand: Option<String>,
}

/// A case that shows what a member has done.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SuccessCase {
    /// Headline.
    pub title: Text,
    /// What happened.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
    /// For whom.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer: Option<String>,
    /// When.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
}

/// Where a member is.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Location {
    /// City.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// State or province.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// Country.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<CountryCode>,
    /// Latitude, −90 to 90.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Longitude, −180 to 180.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
}

/// A person to talk to at a member.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Contact {
    /// Unique within its member.
    pub id: Slug,
    /// Full name.
    pub name: String,
    /// Role, e.g. purchasing manager.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<Text>,
    /// E-mail address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<Email>,
    /// Phone, free text (E.164 preferred).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// WhatsApp number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub whatsapp: Option<E164>,
    /// LinkedIn profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub linkedin: Option<HttpUrl>,
}

impl Directory {
    /// A directory with no cluster name, no vocabularies and no members: what an import starts
    /// from when there is no published directory to merge into.
    pub fn empty() -> Directory {
        Directory {
            format: FORMAT_VERSION,
            cluster: Cluster::unnamed(),
            capability_groups: Vec::new(),
            capabilities: Vec::new(),
            certifications: Vec::new(),
            events: Vec::new(),
            members: Vec::new(),
        }
    }

    /// The cluster's first language, the fallback for texts missing in the visitor's.
    pub fn fallback_language(&self) -> Option<&str> {
        self.cluster.languages.first().map(LangTag::as_str)
    }

    /// The member with this id.
    pub fn member(&self, id: &str) -> Option<&Member> {
        self.members.iter().find(|member| member.id.as_str() == id)
    }

    /// The capability with this id.
    pub fn capability(&self, id: &str) -> Option<&Capability> {
        self.capabilities.iter().find(|c| c.id.as_str() == id)
    }

    /// The certification with this id.
    pub fn certification(&self, id: &str) -> Option<&Certification> {
        self.certifications.iter().find(|c| c.id.as_str() == id)
    }

    /// The event with this id.
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id.as_str() == id)
    }

    /// The capability group with this id.
    pub fn capability_group(&self, id: &str) -> Option<&CapabilityGroup> {
        self.capability_groups.iter().find(|g| g.id.as_str() == id)
    }

    /// The members attending the event with this id, each with its position in `members`,
    /// in file order; none when the event does not exist.
    pub fn attendees<'a, 'e>(&'a self, event_id: &'e str) -> impl Iterator<Item = (usize, &'a Member)> + use<'a, 'e> {
        self.members.iter().enumerate().filter(move |(_, member)| member.attends(event_id))
    }

    /// `items` grouped by the capability group of their capability (`capability_of` gives its
    /// id): the groups in the file's order of capability groups, then one group (`None`) for
    /// capabilities without a group, with a group the file does not define, or unknown;
    /// within a group the items keep their order. Groups are told apart by id, never by
    /// label, so two groups with one label stay two groups.
    pub fn group_by_capability_group<T>(
        &self,
        items: impl IntoIterator<Item = T>,
        capability_of: impl Fn(&T) -> &str,
    ) -> Vec<(Option<&CapabilityGroup>, Vec<T>)> {
        let n_groups = self.capability_groups.len();
        let mut groups: Vec<Vec<T>> = (0..=n_groups).map(|_| Vec::new()).collect();
        for item in items {
            let position = self
                .capability(capability_of(&item))
                .and_then(|capability| capability.group.as_ref())
                .and_then(|group| self.capability_groups.iter().position(|known| known.id == *group))
                .unwrap_or(n_groups);
            groups[position].push(item);
        }
        groups
            .into_iter()
            .enumerate()
            .filter(|(_, items)| !items.is_empty())
            .map(|(position, items)| (self.capability_groups.get(position), items))
            .collect()
    }

    /// Writes the directory as format 1 JSON.
    pub fn to_json(&self) -> String {
        // Serializing plain owned data with string keys cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_follow_the_tables() {
        assert_eq!(MemberKind::NAMES, ["oem", "tier1", "tier2", "tier3", "service", "institution"]);
        assert_eq!(EventKind::NAMES, ["fair", "meeting", "conference", "visit", "other"]);
        for (kind, name) in MemberKind::ALL {
            assert_eq!(MemberKind::from_name(name), Some(kind));
        }
        for (kind, name) in EventKind::ALL {
            assert_eq!(EventKind::from_name(name), Some(kind));
        }
        assert_eq!(MemberKind::from_name("tier4"), None);
        assert_eq!(EventKind::from_name("Fair"), None);
    }

    fn directory(json: &str) -> Directory {
        crate::load_directory(json.as_bytes()).expect("the test directory loads").directory
    }

    #[test]
    fn attendance_and_stands() {
        let d = directory(
            r#"{ "format": 1, "cluster": { "name": "C" },
                 "events": [ { "id": "expo", "name": "Expo" }, { "id": "junta", "name": "Junta" } ],
                 "members": [
                   { "id": "a", "name": "A", "events": [ { "id": "expo", "stand": " B-2 " }, "junta" ] },
                   { "id": "b", "name": "B" },
                   { "id": "c", "name": "C", "events": [ { "id": "expo" } ] } ] }"#,
        );
        let stands = |event: &'static str| -> Vec<(usize, Option<&str>)> {
            d.attendees(event).map(|(index, member)| (index, member.stand_at(event))).collect()
        };
        assert_eq!(stands("expo"), [(0, Some("B-2")), (2, None)]);
        assert_eq!(stands("junta"), [(0, None)]);
        assert_eq!(stands("nope"), []);
        assert!(d.members[0].attends("junta") && !d.members[1].attends("expo"));
        assert_eq!(d.members[0].attendance("expo").map(|attended| attended.id.as_str()), Some("expo"));
        // A directory built in code may hold a blank stand: it reads as none, as in the file.
        let mut member = d.members[2].clone();
        member.events[0].stand = Some("  ".into());
        assert_eq!(member.stand_at("expo"), None);
    }

    #[test]
    fn capabilities_group_by_group_id_in_file_order_ungrouped_last() {
        let d = directory(
            r#"{ "format": 1, "cluster": { "name": "C" },
                 "capability_groups": [ { "id": "metal", "label": "Metal" }, { "id": "plastic", "label": "Same" },
                                        { "id": "rubber", "label": "Same" } ],
                 "capabilities": [ { "id": "stamping", "group": "metal", "label": "Stamping" },
                                   { "id": "molding", "group": "plastic", "label": "Molding" },
                                   { "id": "vulcanizing", "group": "rubber", "label": "Vulcanizing" },
                                   { "id": "machining", "label": "Machining" },
                                   { "id": "blowing", "group": "plastic", "label": "Blowing" } ],
                 "members": [] }"#,
        );
        let grouped = |ids: &[&'static str]| -> Vec<(Option<&str>, Vec<&'static str>)> {
            d.group_by_capability_group(ids.iter().copied(), |id| id)
                .into_iter()
                .map(|(group, ids)| (group.map(|group| group.id.as_str()), ids))
                .collect()
        };
        assert_eq!(
            grouped(&["machining", "vulcanizing", "blowing", "stamping", "molding", "unknown"]),
            [
                (Some("metal"), vec!["stamping"]),
                // Two groups with one label stay apart, in the file's order.
                (Some("plastic"), vec!["blowing", "molding"]),
                (Some("rubber"), vec!["vulcanizing"]),
                (None, vec!["machining", "unknown"]),
            ]
        );
        assert_eq!(grouped(&[]), []);
    }

    #[test]
    fn an_unnamed_cluster_shows_the_fallback_name() {
        let mut cluster = Cluster::unnamed();
        assert_eq!(cluster.display_name(), "Vitrina");
        cluster.name = "Clúster".into();
        assert_eq!(cluster.display_name(), "Clúster");
    }
}
