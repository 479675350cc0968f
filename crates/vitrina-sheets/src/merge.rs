//! Merging an import into the directory already published, with a field-by-field summary that
//! staff read before anything is written.
//!
//! The rules, each pinned by a test below:
//! - an imported member is matched to a published one by id, else by name: its name folded as
//!   [`crate::IdMaker`] folds it (case, accents, punctuation and legal form ignored), also
//!   against published legal names; each published member is matched at most once;
//! - a matched member keeps its published id and every field the sheets did not hold (events,
//!   stands, success cases, logo, description…); each field the sheets held is replaced by the
//!   imported value, an empty cell clearing it. Fields are paths as [`crate::Column::field`]
//!   names them: `name`, `location.city`, `contacts[].email` (a list is replaced whole:
//!   `contacts`, `certifications`), and `pitch.es` replaces one language of a text, the others
//!   kept (a plain text counts as the text of each of the cluster's languages, `es` and `en`
//!   when the file names none); `location.lat` and `location.lon` go together, as half a
//!   coordinate places nothing; unknown paths are ignored;
//! - imported members that match nobody are added at the end, in sheet order; published
//!   members that nothing matched are missing: kept in place unless
//!   [`MergeOptions::remove_missing`];
//! - vocabularies: the imported capability groups, capabilities, certifications and events
//!   replace the published entries with their ids, in the published order, and new ones follow;
//!   published entries the import lacks stay, so kept members' references still resolve. The
//!   cluster is the published one;
//! - the merged directory loads through `vitrina_core::load_directory` without new problems.
//!
//! The summary's texts are plain text: the staff page shows them as text, never as HTML.

use crate::ids::member_name_key;
use std::collections::{BTreeSet, HashMap, HashSet};
use vitrina_core::model::{Contact, Directory, Location, Member, MemberCertification};
use vitrina_core::phone;
use vitrina_core::text::{one_line, Text};
use vitrina_core::valid::Slug;
use vitrina_core::Lang;

/// What staff chose for the merge.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeOptions {
    /// Remove published members the sheets no longer hold (kept by default).
    pub remove_missing: bool,
}

/// The merged directory and what the merge did.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    /// The directory to publish.
    pub directory: Directory,
    /// What changed, for staff to read before anything is written.
    pub summary: MergeSummary,
}

/// What a merge added, changed and found missing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MergeSummary {
    /// Members the sheets added: id and name, in sheet order.
    pub added: Vec<(Slug, String)>,
    /// Published members whose fields changed, in published order.
    pub changed: Vec<MemberChange>,
    /// Published members the sheets do not hold: id and name, in published order.
    pub missing: Vec<(Slug, String)>,
    /// True when the missing members were removed; false when they were kept.
    pub removed: bool,
}

/// One published member's changed fields.
#[derive(Clone, Debug, PartialEq)]
pub struct MemberChange {
    /// Its (published) id.
    pub id: Slug,
    /// Its name after the merge.
    pub name: String,
    /// Each field that changed, in the order of the member format.
    pub fields: Vec<FieldChange>,
}

/// One field's value before and after the merge, written for people.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldChange {
    /// The field's path (`name`, `location.city`, `contacts`, `pitch.es`…).
    pub field: String,
    /// The published value, empty when there was none.
    pub before: String,
    /// The merged value, empty when there is none.
    pub after: String,
}

/// Member fields a sheet can hold, in the order of the member format; `location.coordinates`
/// stands for `lat` and `lon` together.
const FIELDS: &[&str] = &[
    "name",
    "legal_name",
    "kind",
    "pitch",
    "description",
    "capabilities",
    "needs",
    "certifications",
    "customers",
    "employees",
    "founded",
    "investment_musd",
    "languages",
    "location",
    "location.city",
    "location.state",
    "location.country",
    "location.coordinates",
    "website",
    "linkedin",
    "logo",
    "success_cases",
    "events",
    "verified_on",
    "contacts",
];

/// The fields of `paths` the merge knows, as it applies them: lists whole, coordinates together.
fn merge_fields(paths: &BTreeSet<String>) -> Vec<String> {
    let mut fields: Vec<String> = Vec::new();
    let mut push = |field: String| {
        if !fields.contains(&field) {
            fields.push(field);
        }
    };
    for path in paths {
        let path = path.split("[]").next().unwrap_or(path);
        let path = match path {
            "location.lat" | "location.lon" => "location.coordinates",
            other => other,
        };
        if FIELDS.contains(&path) {
            push(path.to_owned());
        } else if let Some((text_field, tag)) = path.split_once('.') {
            if matches!(text_field, "pitch" | "description") && vitrina_core::valid::LangTag::parse(tag).is_some() {
                push(path.to_owned());
            }
        }
    }
    // Format order, so the summary reads like a member's page; languages after their text.
    let rank =
        |field: &String| FIELDS.iter().position(|f| f == field || field.starts_with(&format!("{f}."))).unwrap_or(0);
    fields.sort_by_key(|field| (rank(field), field.clone()));
    // A whole text or location makes its parts redundant.
    let whole: Vec<String> = fields.clone();
    fields.retain(|field| !field.split_once('.').is_some_and(|(parent, _)| whole.iter().any(|w| w == parent)));
    fields
}

/// Merges the members read from sheets into the published directory; `fields_in_sheets` are
/// the member fields the sheets held (see the module rules).
pub fn merge(
    published: &Directory,
    imported: &Directory,
    fields_in_sheets: &BTreeSet<String>,
    options: &MergeOptions,
) -> Merged {
    let fields = merge_fields(fields_in_sheets);
    let languages: Vec<String> = if published.cluster.languages.is_empty() {
        vec!["es".into(), "en".into()]
    } else {
        published.cluster.languages.iter().map(|tag| tag.as_str().to_owned()).collect()
    };

    let matches = match_members(published, imported);
    let mut members = Vec::with_capacity(published.members.len() + imported.members.len());
    let mut summary = MergeSummary { removed: options.remove_missing, ..MergeSummary::default() };
    for (index, before) in published.members.iter().enumerate() {
        let Some(&source) = matches.by_published.get(&index) else {
            summary.missing.push((before.id.clone(), before.name.clone()));
            if !options.remove_missing {
                members.push(before.clone());
            }
            continue;
        };
        let mut after = before.clone();
        for field in &fields {
            apply(field, &mut after, &imported.members[source], &languages);
        }
        let changes: Vec<FieldChange> = fields
            .iter()
            .filter_map(|field| {
                let (old, new) = (render(field, before), render(field, &after));
                (!same(field, before, &after)).then(|| FieldChange { field: field.clone(), before: old, after: new })
            })
            .collect();
        if !changes.is_empty() {
            summary.changed.push(MemberChange { id: after.id.clone(), name: after.name.clone(), fields: changes });
        }
        members.push(after);
    }
    let mut taken: HashSet<String> = members.iter().map(|member| member.id.as_str().to_owned()).collect();
    // Ids of published members that were removed stay reserved: a link to one must not lead elsewhere.
    taken.extend(published.members.iter().map(|member| member.id.as_str().to_owned()));
    for (index, member) in imported.members.iter().enumerate() {
        if matches.imported_matched.contains(&index) {
            continue;
        }
        let mut added = member.clone();
        added.id = unique_id(&member.id, &mut taken);
        summary.added.push((added.id.clone(), added.name.clone()));
        members.push(added);
    }

    let directory = Directory {
        format: published.format,
        cluster: published.cluster.clone(),
        capability_groups: union_by_id(&published.capability_groups, &imported.capability_groups, |g| &g.id),
        capabilities: union_by_id(&published.capabilities, &imported.capabilities, |c| &c.id),
        certifications: union_by_id(&published.certifications, &imported.certifications, |c| &c.id),
        events: union_by_id(&published.events, &imported.events, |e| &e.id),
        members,
    };
    Merged { directory, summary }
}

/// Which imported member each published member matched.
struct Matches {
    by_published: HashMap<usize, usize>,
    imported_matched: HashSet<usize>,
}

fn match_members(published: &Directory, imported: &Directory) -> Matches {
    let published_by_id: HashMap<&str, usize> =
        published.members.iter().enumerate().map(|(i, member)| (member.id.as_str(), i)).collect();
    let mut matches = Matches { by_published: HashMap::new(), imported_matched: HashSet::new() };
    // Ids first, for every row, so a row matched by id is never taken by another row's name.
    for (index, member) in imported.members.iter().enumerate() {
        if let Some(&at) = published_by_id.get(member.id.as_str()) {
            if let std::collections::hash_map::Entry::Vacant(slot) = matches.by_published.entry(at) {
                slot.insert(index);
                matches.imported_matched.insert(index);
            }
        }
    }
    let mut published_by_name: HashMap<String, usize> = HashMap::new();
    for (i, member) in published.members.iter().enumerate() {
        published_by_name.entry(member_name_key(&member.name)).or_insert(i);
    }
    for (i, member) in published.members.iter().enumerate() {
        if let Some(legal_name) = &member.legal_name {
            published_by_name.entry(member_name_key(legal_name)).or_insert(i);
        }
    }
    for (index, member) in imported.members.iter().enumerate() {
        if matches.imported_matched.contains(&index) {
            continue;
        }
        let at = published_by_name.get(&member_name_key(&member.name)).copied().or_else(|| {
            member
                .legal_name
                .as_deref()
                .and_then(|legal_name| published_by_name.get(&member_name_key(legal_name)).copied())
        });
        if let Some(at) = at {
            if let std::collections::hash_map::Entry::Vacant(slot) = matches.by_published.entry(at) {
                slot.insert(index);
                matches.imported_matched.insert(index);
            }
        }
    }
    matches
}

/// `id`, or `id-2`, `id-3`… the first not in `taken`, which it joins.
fn unique_id(id: &Slug, taken: &mut HashSet<String>) -> Slug {
    let mut n = 2_usize;
    let mut candidate = id.clone();
    while taken.contains(candidate.as_str()) {
        let suffix = format!("-{n}");
        let keep = id.as_str().len().min(64 - suffix.len());
        let head = id.as_str()[..keep].trim_end_matches('-');
        // A slug's head plus `-n` is a slug; should it somehow not be, the next number is tried.
        if let Some(next) = Slug::parse(&format!("{head}{suffix}")) {
            candidate = next;
        }
        n += 1;
    }
    taken.insert(candidate.as_str().to_owned());
    candidate
}

/// The published entries, each replaced by the imported entry with its id, then the new ones.
fn union_by_id<T: Clone>(published: &[T], imported: &[T], id: impl Fn(&T) -> &Slug) -> Vec<T> {
    let imported_by_id: HashMap<&Slug, &T> = imported.iter().map(|entry| (id(entry), entry)).collect();
    let published_ids: HashSet<&Slug> = published.iter().map(&id).collect();
    published
        .iter()
        .map(|entry| imported_by_id.get(id(entry)).map_or_else(|| entry.clone(), |&newer| newer.clone()))
        .chain(imported.iter().filter(|entry| !published_ids.contains(id(entry))).cloned())
        .collect()
}

fn location_part(member: &mut Member, set: impl FnOnce(&mut Location)) {
    let mut location =
        member.location.take().unwrap_or(Location { city: None, state: None, country: None, lat: None, lon: None });
    set(&mut location);
    let empty = location.city.is_none()
        && location.state.is_none()
        && location.country.is_none()
        && location.lat.is_none()
        && location.lon.is_none();
    member.location = (!empty).then_some(location);
}

/// Sets one language of a text: a plain text stands for each of `languages` first.
fn set_language(target: &mut Option<Text>, source: Option<&Text>, tag: &str, languages: &[String]) {
    let new_text = source.and_then(|text| match text {
        Text::Plain(plain) => Some(plain.clone()),
        Text::ByLang(texts) => texts.iter().find(|(t, _)| t.eq_ignore_ascii_case(tag)).map(|(_, s)| s.clone()),
    });
    let mut texts: Vec<(String, String)> = match target.take() {
        None => Vec::new(),
        Some(Text::ByLang(texts)) => texts,
        Some(Text::Plain(plain)) => languages.iter().map(|lang| (lang.clone(), plain.clone())).collect(),
    };
    texts.retain(|(t, _)| !t.eq_ignore_ascii_case(tag));
    if let Some(new_text) = new_text {
        texts.push((tag.to_owned(), new_text));
    }
    texts.sort_by(|a, b| a.0.cmp(&b.0));
    *target = (!texts.is_empty()).then_some(Text::ByLang(texts));
}

/// Copies one field (as [`merge_fields`] names it) from `source` into `target`.
fn apply(field: &str, target: &mut Member, source: &Member, languages: &[String]) {
    let source_location = source.location.as_ref();
    match field {
        "name" => target.name = source.name.clone(),
        "legal_name" => target.legal_name = source.legal_name.clone(),
        "kind" => target.kind = source.kind,
        "pitch" => target.pitch = source.pitch.clone(),
        "description" => target.description = source.description.clone(),
        "capabilities" => target.capabilities = source.capabilities.clone(),
        "needs" => target.needs = source.needs.clone(),
        "certifications" => target.certifications = source.certifications.clone(),
        "customers" => target.customers = source.customers.clone(),
        "employees" => target.employees = source.employees,
        "founded" => target.founded = source.founded,
        "investment_musd" => target.investment_musd = source.investment_musd,
        "languages" => target.languages = source.languages.clone(),
        "location" => target.location = source.location.clone(),
        "location.city" => location_part(target, |l| l.city = source_location.and_then(|s| s.city.clone())),
        "location.state" => location_part(target, |l| l.state = source_location.and_then(|s| s.state.clone())),
        "location.country" => location_part(target, |l| l.country = source_location.and_then(|s| s.country.clone())),
        "location.coordinates" => location_part(target, |l| {
            l.lat = source_location.and_then(|s| s.lat);
            l.lon = source_location.and_then(|s| s.lon);
        }),
        "website" => target.website = source.website.clone(),
        "linkedin" => target.linkedin = source.linkedin.clone(),
        "logo" => target.logo = source.logo.clone(),
        "success_cases" => target.success_cases = source.success_cases.clone(),
        "events" => target.events = source.events.clone(),
        "verified_on" => target.verified_on = source.verified_on,
        "contacts" => target.contacts = contacts_keeping_ids(&target.contacts, &source.contacts),
        other => {
            if let Some(tag) = other.strip_prefix("pitch.") {
                set_language(&mut target.pitch, source.pitch.as_ref(), tag, languages);
            } else if let Some(tag) = other.strip_prefix("description.") {
                set_language(&mut target.description, source.description.as_ref(), tag, languages);
            }
        }
    }
}

/// The sheet's contacts, each with the published id of the published contact of the same
/// name: visitors' follow-up lists and shared links name contacts by id, and the import makes
/// ids from names, so a published id that was not made from the name would change otherwise.
/// A sheet's contact whose id a kept one now holds gets a free one. A phone that is the same
/// number as the published one, read by the import's own rule (`phone::from_typed`, the
/// default country), keeps the published spelling (`+52 656 555 0112`), which the import
/// writes as E.164: the same number is not a change to list.
fn contacts_keeping_ids(published: &[Contact], imported: &[Contact]) -> Vec<Contact> {
    let mut by_name: HashMap<String, &Contact> = HashMap::new();
    for contact in published {
        by_name.entry(vitrina_core::search::normalize(&contact.name)).or_insert(contact);
    }
    let mut taken = HashSet::new();
    let matched: Vec<Option<&Contact>> = imported
        .iter()
        .map(|contact| {
            let before = by_name.remove(&vitrina_core::search::normalize(&contact.name))?;
            taken.insert(before.id.as_str().to_owned());
            Some(before)
        })
        .collect();
    imported
        .iter()
        .zip(matched)
        .map(|(contact, before)| match before {
            Some(before) => {
                let country = phone::default_country();
                let same_number = |a: &Option<String>, b: &Option<String>| match (a, b) {
                    (Some(a), Some(b)) => {
                        a == b || phone::from_typed(a, &country).is_ok_and(|a| phone::from_typed(b, &country) == Ok(a))
                    }
                    _ => false,
                };
                let phone = if same_number(&before.phone, &contact.phone) {
                    before.phone.clone()
                } else {
                    contact.phone.clone()
                };
                Contact { id: before.id.clone(), phone, ..contact.clone() }
            }
            None => {
                let id = unique_id(&contact.id, &mut taken);
                taken.insert(id.as_str().to_owned());
                Contact { id, ..contact.clone() }
            }
        })
        .collect()
}

/// True when the field has the same value in both (compared as data, not as rendered).
fn same(field: &str, a: &Member, b: &Member) -> bool {
    let location = |m: &Member| m.location.clone();
    match field {
        "name" => a.name == b.name,
        "legal_name" => a.legal_name == b.legal_name,
        "kind" => a.kind == b.kind,
        "pitch" => a.pitch == b.pitch,
        "description" => a.description == b.description,
        "capabilities" => a.capabilities == b.capabilities,
        "needs" => a.needs == b.needs,
        "certifications" => a.certifications == b.certifications,
        "customers" => a.customers == b.customers,
        "employees" => a.employees == b.employees,
        "founded" => a.founded == b.founded,
        "investment_musd" => a.investment_musd == b.investment_musd,
        "languages" => a.languages == b.languages,
        "location" => location(a) == location(b),
        "location.city" => {
            a.location.as_ref().and_then(|l| l.city.as_ref()) == b.location.as_ref().and_then(|l| l.city.as_ref())
        }
        "location.state" => {
            a.location.as_ref().and_then(|l| l.state.as_ref()) == b.location.as_ref().and_then(|l| l.state.as_ref())
        }
        "location.country" => {
            a.location.as_ref().and_then(|l| l.country.as_ref()) == b.location.as_ref().and_then(|l| l.country.as_ref())
        }
        "location.coordinates" => {
            let coordinates = |m: &Member| m.location.as_ref().map(|l| (l.lat, l.lon)).unwrap_or_default();
            coordinates(a) == coordinates(b)
        }
        "website" => a.website == b.website,
        "linkedin" => a.linkedin == b.linkedin,
        "logo" => a.logo == b.logo,
        "success_cases" => a.success_cases == b.success_cases,
        "events" => a.events == b.events,
        "verified_on" => a.verified_on == b.verified_on,
        "contacts" => a.contacts == b.contacts,
        // One language of `pitch` or `description`.
        _ => render(field, a) == render(field, b),
    }
}

fn render_text(text: Option<&Text>) -> String {
    match text {
        None => String::new(),
        Some(Text::Plain(plain)) => plain.clone(),
        Some(Text::ByLang(texts)) => {
            texts.iter().map(|(tag, text)| format!("{tag}: {text}")).collect::<Vec<_>>().join(" · ")
        }
    }
}

fn render_language(text: Option<&Text>, tag: &str) -> String {
    match text {
        None => String::new(),
        Some(Text::Plain(plain)) => plain.clone(),
        Some(Text::ByLang(texts)) => {
            texts.iter().find(|(t, _)| t.eq_ignore_ascii_case(tag)).map(|(_, s)| s.clone()).unwrap_or_default()
        }
    }
}

fn render_certification(certification: &MemberCertification) -> String {
    let mut out = certification.id.to_string();
    let details: Vec<String> = [
        certification.valid_until.map(|date| date.to_string()),
        certification.site.as_ref().map(|site| render_text(Some(site))),
        certification.body.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !details.is_empty() {
        out.push_str(&format!(" ({})", details.join(", ")));
    }
    out
}

fn render_contact(contact: &Contact) -> String {
    let details: Vec<String> = [
        contact.role.as_ref().map(|role| render_text(Some(role))),
        contact.email.as_ref().map(ToString::to_string),
        contact.phone.clone(),
        contact.whatsapp.as_ref().map(|w| format!("WhatsApp {w}")),
        contact.linkedin.as_ref().map(ToString::to_string),
    ]
    .into_iter()
    .flatten()
    .collect();
    if details.is_empty() {
        contact.name.clone()
    } else {
        format!("{} ({})", contact.name, details.join(", "))
    }
}

fn join<T>(items: &[T], show: impl Fn(&T) -> String) -> String {
    items.iter().map(show).collect::<Vec<_>>().join("; ")
}

fn show<T: ToString>(value: Option<T>) -> String {
    value.map(|value| value.to_string()).unwrap_or_default()
}

/// A field's value as staff read it in the summary.
fn render(field: &str, member: &Member) -> String {
    let location = member.location.as_ref();
    match field {
        "name" => member.name.clone(),
        "legal_name" => show(member.legal_name.as_ref()),
        "kind" => show(member.kind.and_then(|kind| {
            vitrina_core::model::MemberKind::ALL.iter().find(|(k, _)| *k == kind).map(|(_, name)| *name)
        })),
        "pitch" => render_text(member.pitch.as_ref()),
        "description" => render_text(member.description.as_ref()),
        "capabilities" => join(&member.capabilities, ToString::to_string),
        "needs" => join(&member.needs, ToString::to_string),
        "certifications" => join(&member.certifications, render_certification),
        "customers" => member.customers.join("; "),
        "employees" => show(member.employees),
        "founded" => show(member.founded),
        "investment_musd" => show(member.investment_musd),
        "languages" => join(&member.languages, ToString::to_string),
        "location" => {
            let parts: Vec<String> = [
                location.and_then(|l| l.city.clone()),
                location.and_then(|l| l.state.clone()),
                location.and_then(|l| l.country.as_ref().map(ToString::to_string)),
                location.and_then(|l| l.lat.zip(l.lon)).map(|(lat, lon)| format!("{lat}, {lon}")),
            ]
            .into_iter()
            .flatten()
            .collect();
            parts.join(" · ")
        }
        "location.city" => show(location.and_then(|l| l.city.as_ref())),
        "location.state" => show(location.and_then(|l| l.state.as_ref())),
        "location.country" => show(location.and_then(|l| l.country.as_ref())),
        "location.coordinates" => {
            show(location.and_then(|l| l.lat.zip(l.lon)).map(|(lat, lon)| format!("{lat}, {lon}")))
        }
        "website" => show(member.website.as_ref()),
        "linkedin" => show(member.linkedin.as_ref()),
        "logo" => show(member.logo.as_ref()),
        "success_cases" => join(&member.success_cases, |case| render_text(Some(&case.title))),
        "events" => join(&member.events, |attended| match &attended.stand {
            Some(stand) => format!("{} ({stand})", attended.id),
            None => attended.id.to_string(),
        }),
        "verified_on" => show(member.verified_on),
        "contacts" => join(&member.contacts, render_contact),
        other => match other.split_once('.') {
            Some(("pitch", tag)) => render_language(member.pitch.as_ref(), tag),
            Some(("description", tag)) => render_language(member.description.as_ref(), tag),
            _ => String::new(),
        },
    }
}

/// A field's name for staff, in `lang`; a language part (`pitch.en`) is named after its text.
pub fn field_label(field: &str, lang: Lang) -> String {
    let (base, tag) = match field.split_once('.') {
        Some((text_field @ ("pitch" | "description"), tag)) => (text_field, Some(tag)),
        _ => (field, None),
    };
    let base = field_label_base(base);
    let label = match base {
        Some((es, en)) => lang.pick(es, en).to_owned(),
        None => field.to_owned(),
    };
    match tag {
        Some(tag) => format!("{label} ({tag})"),
        None => label,
    }
}

fn field_label_base(field: &str) -> Option<(&'static str, &'static str)> {
    Some(match field {
        "name" => ("Nombre comercial", "Trade name"),
        "legal_name" => ("Razón social", "Legal name"),
        "kind" => ("Nivel", "Tier"),
        "pitch" => ("Presentación", "Pitch"),
        "description" => ("Descripción", "Description"),
        "capabilities" => ("Capacidades", "Capabilities"),
        "needs" => ("Necesidades", "Needs"),
        "certifications" => ("Certificaciones", "Certifications"),
        "customers" => ("Clientes", "Customers"),
        "employees" => ("Empleados", "Employees"),
        "founded" => ("Año de fundación", "Year founded"),
        "investment_musd" => ("Inversión planeada (MDD)", "Planned investment (MUSD)"),
        "languages" => ("Idiomas", "Languages"),
        "location" => ("Ubicación", "Location"),
        "location.city" => ("Ciudad", "City"),
        "location.state" => ("Estado", "State"),
        "location.country" => ("País", "Country"),
        "location.coordinates" => ("Coordenadas", "Coordinates"),
        "website" => ("Sitio web", "Website"),
        "linkedin" => ("LinkedIn", "LinkedIn"),
        "logo" => ("Logotipo", "Logo"),
        "success_cases" => ("Casos de éxito", "Success cases"),
        "events" => ("Eventos", "Events"),
        "verified_on" => ("Verificado el", "Verified on"),
        "contacts" => ("Contactos", "Contacts"),
        _ => return None,
    })
}

/// How many characters of a value the summary shows.
const SHOWN_CHARS: usize = 120;

impl MergeSummary {
    /// True when the merge adds, changes and misses nothing.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.missing.is_empty()
    }

    /// The summary as plain-text lines in `lang`: a count line, then each member added, each
    /// field changed (`before → after`, long values cut) and each member missing.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let mut lines = vec![self.headline(lang)];
        for (id, name) in &self.added {
            lines.push(format!("{} {name} ({id})", lang.pick("Nuevo:", "New:")));
        }
        for change in &self.changed {
            lines.push(format!("{} {} ({})", lang.pick("Cambia:", "Changed:"), change.name, change.id));
            for field in &change.fields {
                let value = |text: &str| {
                    if text.is_empty() {
                        lang.pick("(vacío)", "(empty)").to_owned()
                    } else {
                        let short = one_line(text, SHOWN_CHARS);
                        let cut = text.trim().chars().count() > SHOWN_CHARS;
                        format!("«{short}{}»", if cut { "…" } else { "" })
                    }
                };
                lines.push(format!(
                    "  {}: {} → {}",
                    field_label(&field.field, lang),
                    value(&field.before),
                    value(&field.after)
                ));
            }
        }
        for (id, name) in &self.missing {
            let what = if self.removed {
                lang.pick("No está en las hojas, se quita:", "Not in the sheets, removed:")
            } else {
                lang.pick("No está en las hojas, se conserva:", "Not in the sheets, kept:")
            };
            lines.push(format!("{what} {name} ({id})"));
        }
        lines
    }

    fn headline(&self, lang: Lang) -> String {
        if self.is_empty() {
            return lang
                .pick(
                    "Sin cambios: el directorio publicado ya tiene estos datos.",
                    "No changes: the published directory already holds this data.",
                )
                .to_owned();
        }
        let (added, changed, missing) = (self.added.len(), self.changed.len(), self.missing.len());
        let missing_action = match (self.removed, lang) {
            (true, Lang::Es) => "se quitan",
            (false, Lang::Es) => "se conservan",
            (true, Lang::En) => "removed",
            (false, Lang::En) => "kept",
        };
        match lang {
            Lang::Es => format!(
                "{added} {} nuevo{}, {changed} con cambios, {missing} que no están en las hojas ({missing_action}).",
                if added == 1 { "socio" } else { "socios" },
                if added == 1 { "" } else { "s" },
            ),
            Lang::En => format!(
                "{added} new {}, {changed} changed, {missing} not in the sheets ({missing_action}).",
                if added == 1 { "member" } else { "members" },
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json_out::directory_json;
    use crate::test_support::{arb_directory, directory_with, sample, slug};
    use proptest::prelude::*;
    use vitrina_core::model::{Capability, MemberKind};

    fn fields(paths: &[&str]) -> BTreeSet<String> {
        paths.iter().map(|path| path.to_string()).collect()
    }

    fn reloads_without_problems(directory: &Directory) {
        let loaded = vitrina_core::load_directory(directory_json(directory).as_bytes()).expect("the merge loads");
        assert_eq!(loaded.problems, []);
        assert_eq!(&loaded.directory, directory);
    }

    /// The sample as sheets would give it back: three published members (one renamed by its
    /// legal name and a new id) with new values, and one new member.
    fn imported_from(published: &Directory) -> Directory {
        let mut imported = published.clone();
        let mut armadora = published.members[0].clone();
        armadora.location.as_mut().expect("the sample has a location").city = Some("Ciudad Juárez".into());
        armadora.capabilities = vec![slug("stamping")];
        // No sheet holds these: what the import gives must not reach the merge.
        armadora.events.clear();
        armadora.success_cases.clear();
        armadora.logo = None;
        let mut motores = Member::new(slug("motores-sierra-madre-2"), "MOTORES SIERRA MADRE S. de R.L. de C.V.");
        motores.location = published.members[1].location.clone();
        motores.capabilities = published.members[1].capabilities.clone();
        let conchos = published.members[2].clone();
        let mut nuevo = Member::new(slug("aceros-nuevos"), "Aceros Nuevos");
        nuevo.kind = Some(MemberKind::Tier2);
        nuevo.capabilities = vec![slug("new-capability")];
        imported.capabilities.push(Capability {
            id: slug("new-capability"),
            group: None,
            label: Text::Plain("Nueva".into()),
            aliases: Default::default(),
        });
        imported.members = vec![armadora, motores, conchos, nuevo];
        imported
    }

    /// A published contact id not made from the name (or made from an older spelling) stays,
    /// so visitors' saved contacts still resolve after an import; a new contact that would
    /// take it gets another.
    #[test]
    fn contacts_keep_their_published_ids_and_phone_spelling() {
        let contact = |id: &str, name: &str| Contact {
            id: slug(id),
            name: name.to_owned(),
            role: None,
            email: None,
            phone: None,
            whatsapp: None,
            linkedin: None,
        };
        let mut luis = contact("luis", "Luis Pérez");
        luis.phone = Some("+52 (656) 555-0112".into());
        let published = [contact("director-compras", "Ana López"), luis];
        let mut luis = contact("luis-perez", "Luis Pérez");
        luis.phone = Some("+526565550112".into());
        let mut ana = contact("ana-lopez", "ANA LOPEZ");
        ana.phone = Some("+526145550000".into());
        let imported = [contact("director-compras", "Marta Ruiz"), ana, luis];
        let merged = contacts_keeping_ids(&published, &imported);
        let ids: Vec<&str> = merged.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["director-compras-2", "director-compras", "luis"]);
        assert_eq!(merged[1].name, "ANA LOPEZ");
        // The same number as published keeps its spelling; a new number is the sheet's.
        assert_eq!(merged[2].phone.as_deref(), Some("+52 (656) 555-0112"));
        assert_eq!(merged[1].phone.as_deref(), Some("+526145550000"));
    }

    #[test]
    fn sheet_fields_are_replaced_and_the_rest_kept() {
        let published = sample();
        let imported = imported_from(&published);
        let sheet_fields = fields(&["name", "location.city", "capabilities", "contacts[].name", "contacts[].email"]);
        let Merged { directory, summary } = merge(&published, &imported, &sheet_fields, &MergeOptions::default());
        reloads_without_problems(&directory);

        // Kept in place, in published order, plus the new member at the end.
        assert_eq!(directory.members.len(), published.members.len() + 1);
        let armadora = &directory.members[0];
        let before = &published.members[0];
        assert_eq!(armadora.location.as_ref().and_then(|l| l.city.as_deref()), Some("Ciudad Juárez"));
        assert_eq!(armadora.location.as_ref().and_then(|l| l.state.as_deref()), Some("Chihuahua"));
        assert_eq!(armadora.capabilities, [slug("stamping")]);
        assert_eq!(
            (&armadora.events, &armadora.success_cases, &armadora.logo),
            (&before.events, &before.success_cases, &before.logo)
        );
        assert_eq!((&armadora.description, &armadora.needs), (&before.description, &before.needs));

        // Matched by legal name: the published id stays, the sheet's name and empty contacts win.
        let motores = &directory.members[1];
        assert_eq!(motores.id.as_str(), "motores-sierra-madre");
        assert_eq!(motores.name, "MOTORES SIERRA MADRE S. de R.L. de C.V.");
        assert!(motores.contacts.is_empty() && !published.members[1].contacts.is_empty());
        assert_eq!(motores.events, published.members[1].events);

        // Nothing changed for the third one.
        assert_eq!(directory.members[2], published.members[2]);
        let nuevo = directory.members.last().expect("the new member");
        assert_eq!((nuevo.id.as_str(), nuevo.kind), ("aceros-nuevos", Some(MemberKind::Tier2)));
        assert!(directory.capability("new-capability").is_some());

        assert_eq!(summary.added, [(slug("aceros-nuevos"), "Aceros Nuevos".to_owned())]);
        let changed: Vec<(&str, Vec<&str>)> = summary
            .changed
            .iter()
            .map(|c| (c.id.as_str(), c.fields.iter().map(|f| f.field.as_str()).collect()))
            .collect();
        assert_eq!(
            changed,
            [
                ("armadora-del-norte", vec!["capabilities", "location.city"]),
                ("motores-sierra-madre", vec!["name", "contacts"])
            ]
        );
        assert_eq!(summary.changed[0].fields[1].before, "Chihuahua");
        assert_eq!(summary.changed[0].fields[1].after, "Ciudad Juárez");
        assert_eq!(summary.missing.len(), published.members.len() - 3);
        assert_eq!(summary.missing[0].0, published.members[3].id);
        assert!(!summary.removed);
    }

    #[test]
    fn missing_members_go_only_when_asked() {
        let published = sample();
        let imported = imported_from(&published);
        let options = MergeOptions { remove_missing: true };
        let Merged { directory, summary } = merge(&published, &imported, &fields(&["name"]), &options);
        reloads_without_problems(&directory);
        let ids: Vec<&str> = directory.members.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(
            ids,
            ["armadora-del-norte", "motores-sierra-madre", "vehiculos-comerciales-conchos", "aceros-nuevos"]
        );
        assert!(summary.removed && summary.missing.len() == published.members.len() - 3);
    }

    #[test]
    fn one_language_of_a_text_is_replaced_and_the_others_kept() {
        let mut published = Member::new(slug("acme"), "Acme");
        published.pitch = Some(Text::ByLang(vec![("en".into(), "Old".into()), ("es".into(), "Viejo".into())]));
        published.description = Some(Text::Plain("Igual en todos".into()));
        let mut imported = Member::new(slug("acme"), "Acme");
        imported.pitch = Some(Text::ByLang(vec![("es".into(), "Nuevo".into())]));
        imported.description = Some(Text::ByLang(vec![("en".into(), "Same everywhere".into())]));
        let published = directory_with(vec![published]);
        let imported = directory_with(vec![imported]);
        let merged = merge(&published, &imported, &fields(&["pitch.es", "description.en"]), &MergeOptions::default());
        let member = &merged.directory.members[0];
        assert_eq!(member.pitch, Some(Text::ByLang(vec![("en".into(), "Old".into()), ("es".into(), "Nuevo".into())])));
        // A plain text stands for each language (no cluster languages: es and en).
        assert_eq!(
            member.description,
            Some(Text::ByLang(vec![("en".into(), "Same everywhere".into()), ("es".into(), "Igual en todos".into())]))
        );
        let change = &merged.summary.changed[0].fields;
        assert_eq!(
            (change[0].field.as_str(), change[0].before.as_str(), change[0].after.as_str()),
            ("pitch.es", "Viejo", "Nuevo")
        );
        reloads_without_problems(&merged.directory);
        // The whole text wins over one of its languages.
        assert_eq!(
            merge_fields(&fields(&["pitch", "pitch.es", "location.lat", "location", "contacts[].phone", "nope"])),
            ["pitch", "location", "contacts"]
        );
    }

    #[test]
    fn coordinates_go_together_and_an_emptied_location_goes() {
        let mut published = Member::new(slug("acme"), "Acme");
        published.location = Some(Location {
            city: Some("Saltillo".into()),
            state: None,
            country: None,
            lat: Some(25.4),
            lon: Some(-101.0),
        });
        let imported = Member::new(slug("acme"), "Acme");
        let published = directory_with(vec![published]);
        let imported = directory_with(vec![imported]);
        let merged = merge(&published, &imported, &fields(&["location.lat"]), &MergeOptions::default());
        let location = merged.directory.members[0].location.as_ref().expect("the city stays");
        assert_eq!((location.lat, location.lon, location.city.as_deref()), (None, None, Some("Saltillo")));
        let merged =
            merge(&published, &imported, &fields(&["location.lat", "location.city"]), &MergeOptions::default());
        assert_eq!(merged.directory.members[0].location, None);
        reloads_without_problems(&merged.directory);
    }

    #[test]
    fn vocabularies_are_the_imported_ones_with_published_entries_kept() {
        let mut published = directory_with(vec![]);
        let mut imported = directory_with(vec![]);
        let capability = |id: &str, label: &str| Capability {
            id: slug(id),
            group: None,
            label: Text::Plain(label.into()),
            aliases: Default::default(),
        };
        published.capabilities = vec![capability("a", "A"), capability("b", "B"), capability("c", "C")];
        imported.capabilities = vec![capability("c", "C nueva"), capability("d", "D"), capability("a", "A")];
        let merged = merge(&published, &imported, &fields(&[]), &MergeOptions::default());
        let labels: Vec<(&str, String)> = merged
            .directory
            .capabilities
            .iter()
            .map(|c| (c.id.as_str(), c.label.resolve("es", None).to_owned()))
            .collect();
        assert_eq!(labels, [("a", "A".into()), ("b", "B".into()), ("c", "C nueva".into()), ("d", "D".into())]);
    }

    #[test]
    fn an_added_member_never_takes_a_published_or_removed_id() {
        let published = directory_with(vec![Member::new(slug("acme"), "Aceros"), Member::new(slug("beta"), "Beta")]);
        // Two rows with one published name: the second cannot be the same member again.
        let imported = directory_with(vec![Member::new(slug("beta"), "Beta"), Member::new(slug("acme"), "Otra")]);
        let merged = merge(&published, &imported, &fields(&["name"]), &MergeOptions { remove_missing: true });
        let ids: Vec<&str> = merged.directory.members.iter().map(|m| m.id.as_str()).collect();
        // `acme` matched by id, so "Otra" renames it; nothing is missing.
        assert_eq!(ids, ["acme", "beta"]);
        let imported = directory_with(vec![Member::new(slug("beta"), "Beta"), Member::new(slug("beta"), "Beta")]);
        let merged = merge(&published, &imported, &fields(&["name"]), &MergeOptions { remove_missing: true });
        let ids: Vec<&str> = merged.directory.members.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["beta", "beta-2"]);
        assert_eq!(merged.summary.missing, [(slug("acme"), "Aceros".to_owned())]);
    }

    #[test]
    fn the_summary_reads_in_both_languages() {
        let summary = MergeSummary {
            added: vec![(slug("aceros-nuevos"), "Aceros Nuevos".into())],
            changed: vec![MemberChange {
                id: slug("acme"),
                name: "Acme".into(),
                fields: vec![
                    FieldChange {
                        field: "location.city".into(),
                        before: "Saltillo".into(),
                        after: "Ramos Arizpe".into(),
                    },
                    FieldChange { field: "pitch.en".into(), before: String::new(), after: "x".repeat(130) },
                ],
            }],
            missing: vec![(slug("beta"), "Beta".into())],
            removed: false,
        };
        let long = format!("«{}…»", "x".repeat(120));
        assert_eq!(
            summary.lines(Lang::Es),
            [
                "1 socio nuevo, 1 con cambios, 1 que no están en las hojas (se conservan).".to_owned(),
                "Nuevo: Aceros Nuevos (aceros-nuevos)".into(),
                "Cambia: Acme (acme)".into(),
                "  Ciudad: «Saltillo» → «Ramos Arizpe»".into(),
                format!("  Presentación (en): (vacío) → {long}"),
                "No está en las hojas, se conserva: Beta (beta)".into(),
            ]
        );
        let removed = MergeSummary { removed: true, ..summary };
        assert_eq!(
            removed.lines(Lang::En),
            [
                "1 new member, 1 changed, 1 not in the sheets (removed).".to_owned(),
                "New: Aceros Nuevos (aceros-nuevos)".into(),
                "Changed: Acme (acme)".into(),
                "  City: «Saltillo» → «Ramos Arizpe»".into(),
                format!("  Pitch (en): (empty) → {long}"),
                "Not in the sheets, removed: Beta (beta)".into(),
            ]
        );
        assert_eq!(
            MergeSummary::default().lines(Lang::En),
            ["No changes: the published directory already holds this data."]
        );
        assert_eq!(field_label("unknown.path", Lang::Es), "unknown.path");
    }

    const SHEET_FIELDS: &[&str] = &[
        "name",
        "legal_name",
        "kind",
        "location.city",
        "location.state",
        "location.lat",
        "capabilities",
        "certifications",
        "contacts[].email",
        "employees",
        "investment_musd",
        "website",
        "pitch",
        "pitch.es",
        "founded",
    ];

    /// How each published member appears in the sheets.
    #[derive(Clone, Copy, Debug)]
    enum Row {
        Absent,
        SameId,
        SameNameNewId,
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn merges_keep_what_sheets_lack_and_take_what_they_have(
            published in arb_directory(),
            other in arb_directory(),
            rows in prop::collection::vec(prop_oneof![Just(Row::Absent), Just(Row::SameId), Just(Row::SameNameNewId)], 8),
            sheet_fields in prop::sample::subsequence(SHEET_FIELDS.to_vec(), 0..SHEET_FIELDS.len()),
            remove_missing in any::<bool>(),
        ) {
            // Names that fold alike would match each other: one company per name, as the import ensures.
            let mut keys = HashSet::new();
            prop_assume!(published.members.iter().all(|m| keys.insert(member_name_key(&m.name))
                && m.legal_name.as_ref().is_none_or(|l| keys.insert(member_name_key(l)))));
            let sheet_fields: BTreeSet<String> = sheet_fields.iter().map(|f| f.to_string()).collect();
            let applied = merge_fields(&sheet_fields);
            let mut imported = other.clone();
            imported.members.clear();
            let mut expected_rows = Vec::new();
            for (index, member) in published.members.iter().enumerate() {
                let row = rows[index % rows.len()];
                if matches!(row, Row::Absent) {
                    continue;
                }
                // The sheet's values come from the other directory's member, where there is one.
                let mut sheet = other.members.get(index).cloned().unwrap_or_else(|| Member::new(member.id.clone(), member.name.clone()));
                sheet.id = member.id.clone();
                if let Row::SameNameNewId = row {
                    sheet.id = slug(&format!("0-new-id-{index}"));
                    sheet.name = member.name.clone();
                    sheet.legal_name = member.legal_name.clone();
                }
                expected_rows.push((index, sheet.clone()));
                imported.members.push(sheet);
            }
            let n_new = other.members.len().saturating_sub(published.members.len()).min(2);
            for j in 0..n_new {
                let mut new_member = other.members[published.members.len() + j].clone();
                new_member.id = slug(&format!("0-new-{j}"));
                new_member.name = format!("0 new {j}");
                new_member.legal_name = None;
                imported.members.push(new_member);
            }
            let options = MergeOptions { remove_missing };
            let Merged { directory, summary } = merge(&published, &imported, &sheet_fields, &options);

            let loaded = vitrina_core::load_directory(directory_json(&directory).as_bytes()).expect("the merge loads");
            prop_assert_eq!(&loaded.problems, &vec![]);
            prop_assert_eq!(&loaded.directory, &directory);

            let added: Vec<String> = (0..n_new).map(|j| format!("0-new-{j}")).collect();
            prop_assert_eq!(summary.added.iter().map(|(id, _)| id.to_string()).collect::<Vec<_>>(), added);
            let matched: HashSet<usize> = expected_rows.iter().map(|(index, _)| *index).collect();
            let missing: Vec<Slug> = published.members.iter().enumerate().filter(|(i, _)| !matched.contains(i)).map(|(_, m)| m.id.clone()).collect();
            prop_assert_eq!(summary.missing.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>(), missing.clone());
            let kept = if remove_missing { published.members.len() - missing.len() } else { published.members.len() };
            prop_assert_eq!(directory.members.len(), kept + n_new);

            let languages = vec!["es".to_owned(), "en".to_owned()];
            let languages = if published.cluster.languages.is_empty() { languages } else { published.cluster.languages.iter().map(|l| l.to_string()).collect() };
            for (index, sheet) in &expected_rows {
                let before = &published.members[*index];
                let after = directory.member(before.id.as_str()).expect("a matched member stays");
                // Every field the sheets held is the sheet's; every other field the published one.
                let mut expected = before.clone();
                for field in &applied {
                    apply(field, &mut expected, sheet, &languages);
                }
                prop_assert_eq!(after, &expected);
                for field in &applied {
                    if field == "contacts" {
                        // The sheet's people, with the published id (no sheet holds contact ids)
                        // and the published spelling of the same number kept.
                        prop_assert_eq!(after.contacts.len(), sheet.contacts.len());
                        for (kept, theirs) in after.contacts.iter().zip(&sheet.contacts) {
                            let country = phone::default_country();
                            let same_number = kept.phone == theirs.phone
                                || kept.phone.as_deref().zip(theirs.phone.as_deref()).is_some_and(|(a, b)| {
                                    phone::from_typed(a, &country).is_ok_and(|a| phone::from_typed(b, &country) == Ok(a))
                                });
                            prop_assert!(same_number, "{:?} is not the sheet's {:?}", kept.phone, theirs.phone);
                            let as_theirs = Contact { id: theirs.id.clone(), phone: theirs.phone.clone(), ..kept.clone() };
                            prop_assert_eq!(&as_theirs, theirs);
                        }
                        continue;
                    }
                    prop_assert!(same(field, after, sheet), "{} is not the sheet's", field);
                }
                for field in FIELDS.iter().filter(|f| !applied.iter().any(|a| a == *f || a.starts_with(&format!("{f}.")) || f.starts_with(&format!("{a}.")))) {
                    prop_assert!(same(field, before, after), "{} changed without a column", field);
                }
                let listed = summary.changed.iter().find(|change| change.id == before.id);
                let differing: Vec<&String> = applied.iter().filter(|field| !same(field, before, after)).collect();
                prop_assert_eq!(listed.map(|c| c.fields.iter().map(|f| &f.field).collect::<Vec<_>>()).unwrap_or_default(), differing);
            }
        }
    }
}
