//! Directory → sheets → directory is lossless for every field the sheets hold (issue 14).
//!
//! Directories are generated from the model's types, restricted to what the format allows and
//! what a spreadsheet cell keeps (texts are trimmed, list items hold no list separator, names
//! are unique once folded, as the import requires of companies and of a company's people). The
//! export is read back by the import, and the members must come back equal in every field the
//! sheets hold, with no problem listed. Three routes: the .xlsx workbook through `read_file`,
//! the CSV files through `read_file`, and the tables as an in-memory workbook with typed cells
//! (number cells, date serials), which pins the layout apart from either file format.
//! A text's languages may come in any order (`{"en": …, "es": …}`); the import gives them in
//! column order, so texts are compared as maps from language to text.
//!
//! What the sheets do not hold is left out of the comparison: coordinates, logos, success cases,
//! events, and contact ids (the import makes a person's id from the name).

use proptest::prelude::*;
use std::collections::HashSet;
use vitrina_core::model::{
    Capability, Certification, Cluster, Contact, Directory, Location, Member, MemberCertification, MemberKind,
    FORMAT_VERSION,
};
use vitrina_core::search::normalize;
use vitrina_core::valid::{CountryCode, Email, HttpUrl, IsoDate, LangTag, Slug, E164};
use vitrina_core::{Lang, Text};
use vitrina_sheets::export::layout::{tables, Table, Value};
use vitrina_sheets::{
    directory_csv_files, directory_xlsx, import, read_file, Cell, DateSystem, Decisions, FileFormat, Import, Mapping,
    ReadOptions, Sheet, SheetRow, Workbook,
};

fn slug(text: &str) -> Slug {
    Slug::parse(text).expect("a slug literal")
}

/// The vocabulary every generated directory shares, with labels that cannot be written as
/// themselves (one holds a `/`, two fold alike in Spanish) to exercise the fallback to ids.
fn vocabulary() -> (Vec<Capability>, Vec<Certification>) {
    let capability =
        |id: &str, label: Text| Capability { id: slug(id), group: None, label, aliases: Default::default() };
    let by_lang = |es: &str, en: &str| Text::ByLang(vec![("es".into(), es.into()), ("en".into(), en.into())]);
    let capabilities = vec![
        capability("stamping", by_lang("Estampado", "Stamping")),
        capability("machining", by_lang("Maquinado CNC", "CNC machining")),
        capability("mig-mag", Text::Plain("Soldadura MIG/MAG".into())),
        capability("paint-a", by_lang("Pintura", "Painting")),
        capability("paint-b", by_lang("PINTURA", "Paint")),
        capability("injection", by_lang("Inyección de plástico", "Plastic injection")),
    ];
    let certifications = vec![
        Certification { id: slug("iatf-16949"), label: Text::Plain("IATF 16949".into()) },
        Certification { id: slug("iso-9001"), label: Text::Plain("ISO 9001".into()) },
        Certification { id: slug("iso-14001"), label: Text::Plain("ISO 14001".into()) },
    ];
    (capabilities, certifications)
}

/// A one-line text as a cell keeps it: trimmed, not empty, some starting like a formula.
fn line() -> impl Strategy<Value = String> + Clone {
    "[=+@-]?[A-Za-zÁÉÍÓÚÑáéíóúñü0-9&.'()\"]{1,6}( [A-Za-zÁÉÍÓÚÑáéíóúñü0-9&.'()\"=+-]{1,8}){0,3}"
}

/// A person's name: it has a letter, so an id can be made from it (a name of punctuation
/// alone is a problem, not a contact).
fn person() -> impl Strategy<Value = String> + Clone {
    "[=+@-]?[A-Za-zÁÉÍÓÚÑáéíóúñü][A-Za-zÁÉÍÓÚÑáéíóúñü'.-]{0,8}( [A-Za-zÁÉÍÓÚÑáéíóúñü'.-]{1,8}){0,2}"
}

/// A list item: a line without the separators a list cell is split on.
fn item() -> impl Strategy<Value = String> + Clone {
    "[A-Za-zÁÉÍÓÚÑáéíóúñ0-9&.]{1,8}( [A-Za-zÁÉÍÓÚÑáéíóúñ0-9&.]{1,8}){0,2}"
}

/// Paragraphs: lines joined by line breaks, as a description has them.
fn paragraphs() -> impl Strategy<Value = String> + Clone {
    prop::collection::vec(line(), 1..3).prop_map(|lines| lines.join("\n\n"))
}

fn text(strategy: impl Strategy<Value = String> + Clone) -> impl Strategy<Value = Text> {
    prop_oneof![
        strategy.clone().prop_map(Text::Plain),
        (strategy.clone(), strategy.clone())
            .prop_map(|(es, en)| Text::ByLang(vec![("es".into(), es), ("en".into(), en)])),
        (strategy.clone(), strategy.clone())
            .prop_map(|(es, en)| Text::ByLang(vec![("en".into(), en), ("es".into(), es)])),
        strategy.clone().prop_map(|es| Text::ByLang(vec![("es".into(), es)])),
        strategy.prop_map(|en| Text::ByLang(vec![("en".into(), en)])),
    ]
}

fn date() -> impl Strategy<Value = IsoDate> {
    // 1900-03-01 to 9999-12-31: the dates an Excel date cell holds.
    (IsoDate::from_ymd(1900, 3, 1).expect("date").days_since_epoch()
        ..=IsoDate::from_ymd(9999, 12, 31).expect("date").days_since_epoch())
        .prop_map(IsoDate::from_days_since_epoch)
}

fn url() -> impl Strategy<Value = HttpUrl> {
    ("(http|https)", "[a-z]{1,8}", "(/[a-z0-9-]{1,6}){0,2}")
        .prop_map(|(scheme, host, path)| HttpUrl::parse(&format!("{scheme}://{host}.example{path}")).expect("url"))
}

/// A Mexican mobile number in E.164, as the phone normaliser writes it.
fn e164() -> impl Strategy<Value = String> {
    "[1-9][0-9]{9}".prop_map(|digits| format!("+52{digits}"))
}

fn subset(ids: Vec<&'static str>) -> impl Strategy<Value = Vec<Slug>> {
    prop::sample::subsequence(ids.clone(), 0..=ids.len())
        .prop_shuffle()
        .prop_map(|ids| ids.into_iter().map(slug).collect())
}

fn contact() -> impl Strategy<Value = Contact> {
    (
        person(),
        prop::option::of(text(line())),
        prop::option::of("[a-z0-9]{1,8}@[a-z]{1,8}\\.example".prop_map(|email| Email::parse(&email).expect("email"))),
        prop::option::of(e164()),
        prop::option::of(e164().prop_map(|number| E164::parse(&number).expect("e164"))),
        prop::option::of(url()),
    )
        .prop_map(|(name, role, email, phone, whatsapp, linkedin)| Contact {
            id: slug("x"),
            name,
            role,
            email,
            phone,
            whatsapp,
            linkedin,
        })
}

fn certificate() -> impl Strategy<Value = (Option<IsoDate>, Option<Text>, Option<String>)> {
    (prop::option::of(date()), prop::option::of(text(line())), prop::option::of(line()))
}

fn member() -> impl Strategy<Value = Member> {
    let kinds: Vec<MemberKind> = MemberKind::ALL.iter().map(|(kind, _)| *kind).collect();
    let located = (
        prop::option::of(line()),
        prop::option::of(line()),
        prop::option::of(prop::sample::select(vec!["MX", "US", "DE", "JP"])),
    );
    let scalars = (
        prop::option::of(line()),
        prop::option::of(prop::sample::select(kinds)),
        prop::option::of(0u64..2_000_000),
        prop::option::of((0u64..100_000_000).prop_map(|cents| cents as f64 / 1000.0)),
        prop::option::of(1800i32..=2100),
        prop::option::of(url()),
        prop::option::of(url()),
        prop::option::of(date()),
    );
    let lists = (
        subset(vec!["stamping", "machining", "mig-mag", "paint-a", "paint-b", "injection"]),
        subset(vec!["paint-a", "paint-b", "mig-mag", "injection"]),
        prop::sample::subsequence(vec!["iatf-16949", "iso-9001", "iso-14001"], 0..=3),
        prop::collection::vec(certificate(), 3),
        prop::collection::vec(item(), 0..4),
        prop::sample::subsequence(vec!["es", "en", "fr", "de"], 0..=4),
    );
    let texts =
        (prop::option::of(text(line())), prop::option::of(text(paragraphs())), prop::collection::vec(contact(), 0..3));
    (line(), located, scalars, lists, texts).prop_map(
        |(name, (city, state, country), scalars, lists, (pitch, description, contacts))| {
            let (legal_name, kind, employees, investment_musd, founded, website, linkedin, verified_on) = scalars;
            let (capabilities, needs, held, details, customers, languages) = lists;
            let mut member = Member::new(slug("x"), name);
            member.legal_name = legal_name;
            member.kind = kind;
            if city.is_some() || state.is_some() || country.is_some() {
                let country = country.and_then(CountryCode::parse);
                member.location = Some(Location { city, state, country, lat: None, lon: None });
            }
            member.employees = employees;
            member.investment_musd = investment_musd;
            member.founded = founded;
            member.website = website;
            member.linkedin = linkedin;
            member.verified_on = verified_on;
            member.capabilities = capabilities;
            member.needs = needs;
            member.certifications = held
                .into_iter()
                .zip(details)
                .map(|(id, (valid_until, site, body))| MemberCertification { id: slug(id), valid_until, site, body })
                .collect();
            let mut seen = HashSet::new();
            member.customers = customers.into_iter().filter(|customer| seen.insert(normalize(customer))).collect();
            member.languages = languages.into_iter().filter_map(LangTag::parse).collect();
            member.pitch = pitch;
            member.description = description;
            let mut seen = HashSet::new();
            member.contacts = contacts.into_iter().filter(|contact| seen.insert(normalize(&contact.name))).collect();
            member
        },
    )
}

fn directory() -> impl Strategy<Value = Directory> {
    prop::collection::vec(member(), 0..6).prop_map(|members| {
        let (capabilities, certifications) = vocabulary();
        let mut seen = HashSet::new();
        let members = members
            .into_iter()
            .filter(|member| seen.insert(normalize(&member.name)))
            .enumerate()
            .map(|(i, mut member)| {
                member.id = slug(&format!("socio-{i}"));
                member
            })
            .collect();
        Directory {
            format: FORMAT_VERSION,
            cluster: Cluster { name: "Clúster".into(), ..Cluster::unnamed() },
            capability_groups: Vec::new(),
            capabilities,
            certifications,
            events: Vec::new(),
            members,
        }
    })
}

/// The members as far as the sheets hold them: contact ids, coordinates, logos, cases and events
/// set aside.
fn held(members: &[Member]) -> Vec<Member> {
    members
        .iter()
        .map(|member| {
            let mut member = member.clone();
            member.logo = None;
            member.success_cases.clear();
            member.events.clear();
            if let Some(location) = &mut member.location {
                location.lat = None;
                location.lon = None;
            }
            for contact in &mut member.contacts {
                contact.id = slug("x");
                sort_languages(&mut contact.role);
            }
            sort_languages(&mut member.pitch);
            sort_languages(&mut member.description);
            for held in &mut member.certifications {
                sort_languages(&mut held.site);
            }
            member
        })
        .collect()
}

/// A text by language in tag order, so order does not count.
fn sort_languages(text: &mut Option<Text>) {
    if let Some(Text::ByLang(texts)) = text {
        texts.sort();
    }
}

fn assert_round_trip(original: &Directory, imported: &Import, route: &str) -> Result<(), TestCaseError> {
    let problems: Vec<String> = imported
        .problems
        .iter()
        .map(|problem| format!("{} {} {:?}: {}", problem.sheet, problem.row, problem.column, problem.message(Lang::En)))
        .collect();
    prop_assert!(problems.is_empty(), "{route}: {problems:#?}");
    prop_assert_eq!(held(&imported.directory.members), held(&original.members), "{}", route);
    prop_assert_eq!(&imported.directory.capabilities, &original.capabilities, "{}", route);
    prop_assert_eq!(&imported.directory.certifications, &original.certifications, "{}", route);
    Ok(())
}

/// The CSV files as the staff page and the CLI read them.
fn csv_workbooks(directory: &Directory, lang: Lang) -> Vec<Workbook> {
    directory_csv_files(directory, lang)
        .into_iter()
        .map(|file| {
            read_file(&file.name, file.text.as_bytes(), &ReadOptions::default()).expect("an exported CSV reads")
        })
        .collect()
}

/// The .xlsx workbook as the staff page and the CLI read it.
fn xlsx_workbook(directory: &Directory, lang: Lang) -> Workbook {
    let bytes = directory_xlsx(directory, lang).expect("writes");
    read_file("socios.xlsx", &bytes, &ReadOptions::default()).expect("an exported workbook reads")
}

/// The tables as the .xlsx reader gives them: typed cells, dates as serials of the 1900 system.
fn typed_workbook(tables: &[Table]) -> Workbook {
    // 1970-01-01 is serial 25 569 in Excel's 1900 system.
    let serial = |date: &IsoDate| (date.days_since_epoch() + 25_569) as f64;
    let sheets = tables
        .iter()
        .map(|table| {
            let header = SheetRow { number: 1, cells: table.headers.iter().map(|h| Cell::Text(h.clone())).collect() };
            let rows = table.rows.iter().enumerate().map(|(i, row)| SheetRow {
                number: i + 2,
                cells: row
                    .iter()
                    .map(|value| match value {
                        Value::Empty => Cell::Empty,
                        Value::Text(text) => Cell::Text(text.clone()),
                        Value::Number(number) => Cell::Number(*number),
                        Value::Date(date) => Cell::Date { serial: serial(date), system: DateSystem::Excel1900 },
                    })
                    .collect(),
            });
            Sheet { name: table.name.to_owned(), rows: std::iter::once(header).chain(rows).collect() }
        })
        .collect();
    Workbook { file_name: "socios.xlsx".into(), format: FileFormat::Xlsx, sheets }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn directory_to_csv_to_directory_is_lossless(original in directory(), english in any::<bool>()) {
        let lang = if english { Lang::En } else { Lang::Es };
        let imported = import(&csv_workbooks(&original, lang), &original, &Mapping::default(), &Decisions::default());
        assert_round_trip(&original, &imported, "csv")?;
    }

    #[test]
    fn directory_to_xlsx_to_directory_is_lossless(original in directory(), english in any::<bool>()) {
        let lang = if english { Lang::En } else { Lang::Es };
        let imported = import(&[xlsx_workbook(&original, lang)], &original, &Mapping::default(), &Decisions::default());
        assert_round_trip(&original, &imported, "xlsx")?;
    }

    #[test]
    fn directory_to_typed_sheets_to_directory_is_lossless(original in directory(), english in any::<bool>()) {
        let lang = if english { Lang::En } else { Lang::Es };
        let workbook = typed_workbook(&tables(&original, lang));
        let imported = import(&[workbook], &original, &Mapping::default(), &Decisions::default());
        assert_round_trip(&original, &imported, "typed sheets")?;
    }
}

/// The template imports as its one example member, with no problem: its list of tiers and its
/// vocabulary sheet are reference sheets, and its example uses the directory's own names.
#[test]
fn the_template_imports_as_its_example_member() {
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/directory.json")).expect("sample");
    let sample = vitrina_core::load_directory(&bytes).expect("loads").directory;
    for lang in [Lang::Es, Lang::En] {
        let template = vitrina_sheets::template_xlsx(Some(&sample), lang).expect("writes");
        let workbook = read_file("plantilla.xlsx", &template, &ReadOptions::default()).expect("reads");
        let imported = import(&[workbook], &sample, &Mapping::default(), &Decisions::default());
        let problems: Vec<String> = imported.problems.iter().map(|p| p.message(Lang::En)).collect();
        assert_eq!(problems, Vec::<String>::new(), "{lang:?}");
        let [member] = imported.directory.members.as_slice() else { panic!("one example member") };
        assert_eq!(member.name, "Aceros del Norte");
        assert_eq!(member.kind, Some(MemberKind::Tier2));
        assert_eq!(member.capabilities, [sample.capabilities[0].id.clone()]);
        assert_eq!(member.contacts.len(), 1);
        assert_eq!(member.certifications[0].id, sample.certifications[0].id);
    }
}
