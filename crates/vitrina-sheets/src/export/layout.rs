//! The sheets a directory is written as: one table per sheet, each a header row and rows of
//! typed values, built once and then written as .xlsx or as CSV.
//!
//! The layout is the one the import reads (`header.rs`): the members sheet `Socios`, one row per
//! member; `Contactos`, one row per person keyed by the company's id and name; `Certificaciones`,
//! one row per certificate with its valid-until date. Headers are `Column::canonical_header`, the
//! Spanish ones the import recognises, with `_es`/`_en` for texts by language.
//!
//! Rules, each pinned by a test in `tests.rs`:
//! - a list is one cell, its items joined by [`LIST_SEPARATOR`];
//! - a capability, need or certification is written by its label in the chosen language, except
//!   when that label would not come back as itself (it holds a list separator, or another entry
//!   of the vocabulary folds to the same words): then by its id, which always does;
//! - a text in several languages goes to the `_es` and `_en` columns, a text for every language
//!   to the column without a suffix (shown only when some value needs it), so an import gives
//!   back the same shape;
//! - dates stay dates (a date cell in .xlsx, `YYYY-MM-DD` in CSV); numbers stay numbers.

use crate::header::Column as C;
use vitrina_core::model::{Directory, Member, MemberKind};
use vitrina_core::search::normalize;
use vitrina_core::valid::IsoDate;
use vitrina_core::{Lang, Text};

/// What list items are joined with in one cell; the import splits on it (and on `,` `/`).
pub const LIST_SEPARATOR: &str = "; ";

/// The members sheet's name.
pub const MEMBERS_SHEET: &str = "Socios";
/// The contacts sheet's name.
pub const CONTACTS_SHEET: &str = "Contactos";
/// The certificates sheet's name.
pub const CERTIFICATIONS_SHEET: &str = "Certificaciones";
/// The template's sheet of allowed tier values.
pub const TIERS_SHEET: &str = "Niveles";
/// The template's sheet of the directory's capabilities and certifications.
pub const VOCABULARY_SHEET: &str = "Vocabulario";

/// One value of a cell, typed so each format writes it as what it is.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// No value.
    Empty,
    /// Text, always written as text (never a formula).
    Text(String),
    /// A number.
    Number(f64),
    /// A calendar date.
    Date(IsoDate),
}

impl Value {
    fn text(text: impl Into<String>) -> Value {
        let text = text.into();
        if text.is_empty() {
            Value::Empty
        } else {
            Value::Text(text)
        }
    }

    fn option<T: ToString>(value: Option<T>) -> Value {
        value.map_or(Value::Empty, |value| Value::text(value.to_string()))
    }

    fn list<T: AsRef<str>>(items: impl IntoIterator<Item = T>) -> Value {
        let items: Vec<String> = items.into_iter().map(|item| item.as_ref().to_owned()).collect();
        Value::text(items.join(LIST_SEPARATOR))
    }
}

/// A sheet to write: its name, its header row with a width for each column, and its rows.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// The sheet's name.
    pub name: &'static str,
    /// The header row.
    pub headers: Vec<String>,
    /// A column width for each header, in Excel's character units.
    pub widths: Vec<f64>,
    /// The rows below the header, each as long as the header.
    pub rows: Vec<Vec<Value>>,
}

/// A localized text's columns: the one without suffix (a text for every language) and `_es`/`_en`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Variant {
    Plain,
    Lang(Lang),
}

impl Variant {
    fn header(self, stem: &str) -> String {
        match self {
            Variant::Plain => stem.to_owned(),
            Variant::Lang(lang) => format!("{stem}_{}", lang.pick("es", "en")),
        }
    }

    fn value(self, text: Option<&Text>) -> Value {
        match (self, text) {
            (Variant::Plain, Some(Text::Plain(text))) => Value::text(text.clone()),
            (Variant::Lang(lang), Some(Text::ByLang(texts))) => texts
                .iter()
                .find(|(tag, _)| Lang::from_tag(tag) == Some(lang))
                .map_or(Value::Empty, |(_, text)| Value::text(text.clone())),
            _ => Value::Empty,
        }
    }
}

/// The columns for a localized text: `_es` and `_en` always, the plain one when a value needs it.
fn variants<'a>(texts: impl IntoIterator<Item = Option<&'a Text>>) -> Vec<Variant> {
    let any_plain = texts.into_iter().any(|text| matches!(text, Some(Text::Plain(_))));
    let mut out = Vec::with_capacity(3);
    if any_plain {
        out.push(Variant::Plain);
    }
    out.extend([Variant::Lang(Lang::Es), Variant::Lang(Lang::En)]);
    out
}

/// The word written for a tier in `lang`; the template lists these and the import reads them.
pub fn tier_word(kind: MemberKind, lang: Lang) -> &'static str {
    match kind {
        MemberKind::Oem => "OEM",
        MemberKind::Tier1 => "Tier 1",
        MemberKind::Tier2 => "Tier 2",
        MemberKind::Tier3 => "Tier 3",
        MemberKind::Service => lang.pick("Servicios", "Services"),
        MemberKind::Institution => lang.pick("Institución", "Institution"),
    }
}

/// What a tier means, for the template's list of tiers.
fn tier_meaning(kind: MemberKind, lang: Lang) -> &'static str {
    match kind {
        MemberKind::Oem => lang.pick("Fabricante de vehículos", "Vehicle maker"),
        MemberKind::Tier1 => lang.pick("Proveedor directo de OEM", "Supplies OEMs directly"),
        MemberKind::Tier2 => lang.pick("Proveedor de Tier 1", "Supplies Tier 1s"),
        MemberKind::Tier3 => lang.pick("Proveedor de Tier 2", "Supplies Tier 2s"),
        MemberKind::Service => lang.pick("Logística, ingeniería, laboratorios…", "Logistics, engineering, labs…"),
        MemberKind::Institution => {
            lang.pick("Universidades, capacitación, centros tecnológicos", "Universities, training, technology centres")
        }
    }
}

/// How a vocabulary entry is written: by label when that comes back as itself, else by id.
struct VocabularyNames {
    names: Vec<(String, String)>,
}

impl VocabularyNames {
    fn new<'a>(entries: impl Iterator<Item = (&'a str, &'a Text)>, lang: Lang, fallback: Option<&str>) -> Self {
        let entries: Vec<(&str, String)> =
            entries.map(|(id, label)| (id, label.resolve(lang.pick("es", "en"), fallback).trim().to_owned())).collect();
        let folded: Vec<String> = entries.iter().map(|(_, label)| normalize(label)).collect();
        let names = entries
            .iter()
            .enumerate()
            .map(|(i, (id, label))| {
                let splits = label.contains([',', ';', '/', '\n', '\r']);
                let ambiguous = folded[i].is_empty()
                    || folded.iter().enumerate().any(|(j, other)| j != i && *other == folded[i])
                    // A label that folds like another entry's id would be matched to that entry.
                    || entries.iter().any(|(other_id, _)| *other_id != *id && normalize(other_id) == folded[i]);
                let name = if splits || ambiguous { (*id).to_owned() } else { label.clone() };
                ((*id).to_owned(), name)
            })
            .collect();
        VocabularyNames { names }
    }

    fn name<'a>(&'a self, id: &'a str) -> &'a str {
        self.names.iter().find(|(known, _)| known == id).map_or(id, |(_, name)| name.as_str())
    }
}

/// Names for a directory's vocabularies in one language.
struct Names {
    capabilities: VocabularyNames,
    certifications: VocabularyNames,
}

impl Names {
    fn new(directory: &Directory, lang: Lang) -> Names {
        let fallback = directory.fallback_language();
        Names {
            capabilities: VocabularyNames::new(
                directory.capabilities.iter().map(|c| (c.id.as_str(), &c.label)),
                lang,
                fallback,
            ),
            certifications: VocabularyNames::new(
                directory.certifications.iter().map(|c| (c.id.as_str(), &c.label)),
                lang,
                fallback,
            ),
        }
    }
}

/// The members sheet, the contacts sheet and the certificates sheet of `directory`.
pub fn tables(directory: &Directory, lang: Lang) -> [Table; 3] {
    let names = Names::new(directory, lang);
    [
        members_table(&directory.members, &names, lang),
        contacts_table(&directory.members),
        certifications_table(&directory.members, &names),
    ]
}

/// A column of a table: its header, width, and how to read a row's value.
struct Column<'a, T> {
    header: String,
    width: f64,
    value: Box<dyn Fn(&T) -> Value + 'a>,
}

fn column<'a, T>(header: impl Into<String>, width: f64, value: impl Fn(&T) -> Value + 'a) -> Column<'a, T> {
    Column { header: header.into(), width, value: Box::new(value) }
}

fn table<T>(name: &'static str, columns: Vec<Column<'_, T>>, items: &[T]) -> Table {
    Table {
        name,
        rows: items.iter().map(|item| columns.iter().map(|column| (column.value)(item)).collect()).collect(),
        headers: columns.iter().map(|column| column.header.clone()).collect(),
        widths: columns.iter().map(|column| column.width).collect(),
    }
}

fn localized_columns<'a, T>(
    stem: &str,
    width: f64,
    items: &[T],
    text: impl Fn(&T) -> Option<&Text> + Copy + 'a,
) -> Vec<Column<'a, T>> {
    variants(items.iter().map(text))
        .into_iter()
        .map(|variant| column(variant.header(stem), width, move |item: &T| variant.value(text(item))))
        .collect()
}

fn location(member: &Member) -> Option<&vitrina_core::model::Location> {
    member.location.as_ref()
}

fn members_table(members: &[Member], names: &Names, lang: Lang) -> Table {
    let mut columns: Vec<Column<'_, Member>> = vec![
        column(C::Id.canonical_header(), 18.0, |m: &Member| Value::text(m.id.as_str())),
        column(C::Name.canonical_header(), 28.0, |m: &Member| Value::text(m.name.clone())),
        column(C::LegalName.canonical_header(), 32.0, |m: &Member| Value::option(m.legal_name.as_ref())),
        column(C::Kind.canonical_header(), 12.0, move |m: &Member| {
            Value::option(m.kind.map(|kind| tier_word(kind, lang)))
        }),
        column(C::City.canonical_header(), 16.0, |m: &Member| Value::option(location(m).and_then(|l| l.city.as_ref()))),
        column(C::State.canonical_header(), 16.0, |m: &Member| {
            Value::option(location(m).and_then(|l| l.state.as_ref()))
        }),
        column(C::Country.canonical_header(), 6.0, |m: &Member| {
            Value::option(location(m).and_then(|l| l.country.as_ref()))
        }),
        column(C::Capabilities.canonical_header(), 40.0, |m: &Member| {
            Value::list(m.capabilities.iter().map(|id| names.capabilities.name(id.as_str())))
        }),
        column(C::Needs.canonical_header(), 30.0, |m: &Member| {
            Value::list(m.needs.iter().map(|id| names.capabilities.name(id.as_str())))
        }),
        column(C::Certifications.canonical_header(), 24.0, |m: &Member| {
            Value::list(m.certifications.iter().map(|held| names.certifications.name(held.id.as_str())))
        }),
        column(C::Employees.canonical_header(), 11.0, |m: &Member| {
            m.employees.map_or(Value::Empty, |n| Value::Number(n as f64))
        }),
        column(C::InvestmentMusd.canonical_header(), 14.0, |m: &Member| {
            m.investment_musd.map_or(Value::Empty, Value::Number)
        }),
        column(C::Founded.canonical_header(), 10.0, |m: &Member| {
            m.founded.map_or(Value::Empty, |year| Value::Number(f64::from(year)))
        }),
        column(C::Website.canonical_header(), 30.0, |m: &Member| Value::option(m.website.as_ref())),
        column(C::Linkedin.canonical_header(), 30.0, |m: &Member| Value::option(m.linkedin.as_ref())),
    ];
    columns.extend(localized_columns(C::Pitch.canonical_header(), 50.0, members, |m: &Member| m.pitch.as_ref()));
    columns.extend(localized_columns(C::Description.canonical_header(), 60.0, members, |m: &Member| {
        m.description.as_ref()
    }));
    columns.extend([
        column(C::Customers.canonical_header(), 30.0, |m: &Member| Value::list(&m.customers)),
        column(C::Languages.canonical_header(), 10.0, |m: &Member| {
            Value::list(m.languages.iter().map(|tag| tag.as_str()))
        }),
        column(C::Verified.canonical_header(), 12.0, |m: &Member| m.verified_on.map_or(Value::Empty, Value::Date)),
    ]);
    table(MEMBERS_SHEET, columns, members)
}

type Person = vitrina_core::model::Contact;

/// A row of a nested sheet: the member it belongs to and one of its items.
type Nested<'a, T> = (&'a Member, &'a T);

fn contacts_table(members: &[Member]) -> Table {
    let rows: Vec<Nested<'_, _>> =
        members.iter().flat_map(|member| member.contacts.iter().map(move |contact| (member, contact))).collect();
    let mut columns: Vec<Column<'_, Nested<'_, Person>>> = vec![
        column(C::Id.canonical_header(), 18.0, |(m, _): &Nested<'_, _>| Value::text(m.id.as_str())),
        column(C::Company.canonical_header(), 28.0, |(m, _): &Nested<'_, _>| Value::text(m.name.clone())),
        column(C::ContactName.canonical_header(), 28.0, |(_, c): &Nested<'_, Person>| Value::text(c.name.clone())),
    ];
    columns.extend(localized_columns(C::ContactRole.canonical_header(), 24.0, &rows, |(_, c): &Nested<'_, Person>| {
        c.role.as_ref()
    }));
    columns.extend([
        column(C::ContactEmail.canonical_header(), 30.0, |(_, c): &Nested<'_, Person>| Value::option(c.email.as_ref())),
        column(C::ContactPhone.canonical_header(), 18.0, |(_, c): &Nested<'_, Person>| Value::option(c.phone.as_ref())),
        column(C::ContactWhatsapp.canonical_header(), 18.0, |(_, c): &Nested<'_, Person>| {
            Value::option(c.whatsapp.as_ref())
        }),
        column(C::Linkedin.canonical_header(), 30.0, |(_, c): &Nested<'_, Person>| Value::option(c.linkedin.as_ref())),
    ]);
    table(CONTACTS_SHEET, columns, &rows)
}

fn certifications_table(members: &[Member], names: &Names) -> Table {
    use vitrina_core::model::MemberCertification as Held;
    let rows: Vec<Nested<'_, Held>> =
        members.iter().flat_map(|member| member.certifications.iter().map(move |held| (member, held))).collect();
    let mut columns: Vec<Column<'_, Nested<'_, Held>>> = vec![
        column(C::Id.canonical_header(), 18.0, |(m, _): &Nested<'_, Held>| Value::text(m.id.as_str())),
        column(C::Company.canonical_header(), 28.0, |(m, _): &Nested<'_, Held>| Value::text(m.name.clone())),
        column("Certificación", 24.0, |(_, h): &Nested<'_, Held>| {
            Value::text(names.certifications.name(h.id.as_str()))
        }),
        column(C::ValidUntil.canonical_header(), 12.0, |(_, h): &Nested<'_, Held>| {
            h.valid_until.map_or(Value::Empty, Value::Date)
        }),
    ];
    columns.extend(localized_columns(C::Site.canonical_header(), 24.0, &rows, |(_, h): &Nested<'_, Held>| {
        h.site.as_ref()
    }));
    columns.push(column(C::Body.canonical_header(), 24.0, |(_, h): &Nested<'_, Held>| Value::option(h.body.as_ref())));
    table(CERTIFICATIONS_SHEET, columns, &rows)
}

/// The template's tables: the three sheets with headers and one example row each (using the
/// directory's first capability and certification when there is one), the list of tiers, and
/// the directory's vocabulary.
pub fn template_tables(directory: Option<&Directory>, lang: Lang) -> Vec<Table> {
    let mut example = example_directory(lang);
    if let Some(directory) = directory {
        example.capabilities = directory.capabilities.iter().take(1).cloned().collect();
        example.certifications = directory.certifications.iter().take(1).cloned().collect();
        example.cluster.languages = directory.cluster.languages.clone();
        let member = &mut example.members[0];
        member.capabilities = example.capabilities.iter().map(|c| c.id.clone()).collect();
        let first_certification = example.certifications.first().map(|c| c.id.clone());
        for held in &mut member.certifications {
            if let Some(id) = &first_certification {
                held.id = id.clone();
            }
        }
        if first_certification.is_none() {
            member.certifications.clear();
        }
    }
    let mut out: Vec<Table> = tables(&example, lang).into();
    out.push(Table {
        name: TIERS_SHEET,
        headers: vec![lang.pick("Nivel", "Tier").to_owned(), lang.pick("Significado", "Meaning").to_owned()],
        widths: vec![14.0, 50.0],
        rows: MemberKind::ALL
            .iter()
            .map(|&(kind, _)| vec![Value::text(tier_word(kind, lang)), Value::text(tier_meaning(kind, lang))])
            .collect(),
    });
    if let Some(directory) = directory {
        out.push(vocabulary_table(directory, lang));
    }
    out
}

fn vocabulary_table(directory: &Directory, lang: Lang) -> Table {
    let names = Names::new(directory, lang);
    let fallback = directory.fallback_language();
    let label = |text: &Text, tag: &str| Value::text(text.resolve(tag, fallback).to_owned());
    let capability_rows = directory.capabilities.iter().map(|capability| {
        let group = capability
            .group
            .as_ref()
            .and_then(|group| directory.capability_group(group.as_str()))
            .map_or(Value::Empty, |group| Value::text(group.label.resolve(lang.pick("es", "en"), fallback).to_owned()));
        vec![
            Value::text(lang.pick("Capacidad", "Capability")),
            Value::text(names.capabilities.name(capability.id.as_str())),
            label(&capability.label, "es"),
            label(&capability.label, "en"),
            group,
            Value::text(capability.id.as_str()),
        ]
    });
    let certification_rows = directory.certifications.iter().map(|certification| {
        vec![
            Value::text(lang.pick("Certificación", "Certification")),
            Value::text(names.certifications.name(certification.id.as_str())),
            label(&certification.label, "es"),
            label(&certification.label, "en"),
            Value::Empty,
            Value::text(certification.id.as_str()),
        ]
    });
    Table {
        name: VOCABULARY_SHEET,
        // Headers chosen so the import never takes this sheet for a members sheet.
        headers: [
            lang.pick("Lista", "List"),
            lang.pick("Escriba", "Write"),
            "Español",
            "English",
            lang.pick("Grupo", "Group"),
            lang.pick("Id en el archivo", "Id in the file"),
        ]
        .map(str::to_owned)
        .to_vec(),
        widths: vec![14.0, 30.0, 30.0, 30.0, 24.0, 24.0],
        rows: capability_rows.chain(certification_rows).collect(),
    }
}

/// A one-member directory whose member shows how each column is filled.
fn example_directory(lang: Lang) -> Directory {
    use vitrina_core::model::{
        Capability, Certification, Cluster, Contact, Location, MemberCertification, FORMAT_VERSION,
    };
    use vitrina_core::valid::{CountryCode, Email, HttpUrl, LangTag, E164};
    let mut member = Member::new(literal_slug("aceros-del-norte"), "Aceros del Norte");
    member.legal_name = Some("Aceros del Norte, S.A. de C.V.".into());
    member.kind = Some(MemberKind::Tier2);
    member.location = Some(Location {
        city: Some("Saltillo".into()),
        state: Some("Coahuila".into()),
        country: Some(CountryCode::mexico()),
        lat: None,
        lon: None,
    });
    member.employees = Some(250);
    member.investment_musd = Some(12.5);
    member.founded = Some(1998);
    member.website = HttpUrl::parse("https://example.org");
    member.pitch = Some(Text::ByLang(vec![
        ("es".into(), "Estampado de piezas de acero para carrocería, en series medianas.".into()),
        ("en".into(), "Stamping of steel body parts in medium runs.".into()),
    ]));
    member.customers = vec!["OEM Ejemplo".into()];
    member.languages = ["es", "en"].iter().filter_map(|tag| LangTag::parse(tag)).collect();
    member.verified_on = IsoDate::from_ymd(2026, 1, 15);
    let certification = literal_slug("iatf-16949");
    member.certifications = vec![MemberCertification {
        id: certification.clone(),
        valid_until: IsoDate::from_ymd(2027, 6, 30),
        site: None,
        body: Some("TÜV".into()),
    }];
    let capability = literal_slug("estampado");
    member.capabilities = vec![capability.clone()];
    member.contacts = vec![Contact {
        id: literal_slug("ana-lopez"),
        name: "Ana López".into(),
        role: Some(Text::ByLang(vec![
            ("es".into(), "Gerente de ventas".into()),
            ("en".into(), "Sales manager".into()),
        ])),
        email: Email::parse("ana@example.org"),
        phone: Some("+528441234567".into()),
        whatsapp: E164::parse("+528441234567"),
        linkedin: None,
    }];
    Directory {
        format: FORMAT_VERSION,
        cluster: Cluster { name: lang.pick("Ejemplo", "Example").to_owned(), ..Cluster::unnamed() },
        capability_groups: Vec::new(),
        capabilities: vec![Capability {
            id: capability,
            group: None,
            label: Text::ByLang(vec![("es".into(), "Estampado".into()), ("en".into(), "Stamping".into())]),
            aliases: Default::default(),
        }],
        certifications: vec![Certification { id: certification, label: Text::Plain("IATF 16949".into()) }],
        events: Vec::new(),
        members: vec![member],
    }
}

/// A slug written in this file; every one is valid (a test builds the example).
fn literal_slug(text: &'static str) -> vitrina_core::valid::Slug {
    vitrina_core::valid::Slug::parse(text).unwrap_or_else(|| unreachable!("{text} is a slug literal"))
}
