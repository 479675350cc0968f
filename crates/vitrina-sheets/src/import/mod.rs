//! From workbooks to members: the import of issue 14.
//!
//! [`plan`] says what every sheet and column is; [`import`] reads the members sheet, then the
//! `Contactos`, `Certificaciones` and capability matrix sheets into the members, and lists
//! every problem. Its rules, each pinned by a test in `import/tests.rs` (the value rules are
//! in [`values`], the sheet rules in the `plan` module, on [`plan()`]):
//! - every non-blank row below a header becomes a member (or part of one) or a listed
//!   problem; every value left out is a listed problem; nothing is made up;
//! - a row with neither a name nor a legal name is a problem, not a member; the legal name
//!   stands in for a blank trade name;
//! - a company whose folded name or id is an earlier row's is a problem naming both rows; the
//!   first is kept;
//! - ids come from a valid `Id` cell, else from the name through the id maker, which gives a
//!   name the id it had in the base directory; a made id never takes an id another row gives;
//! - names of capabilities and certifications are looked up in the base directory's
//!   vocabularies, then in staff's [`Decisions`]; an undecided name is left out, listed in
//!   [`Import::unmatched`] and as a problem;
//! - when two columns fill one field (`Nombre comercial` and `Empresa`) the first non-blank
//!   one is kept and a different value in the other is a problem; list fields take all;
//! - a nested sheet's row finds its member by id, else by folded name, else by folded legal
//!   name; a row that finds none is a problem;
//! - formula-looking text (`=HYPERLINK(…)`) stays text: nothing is ever evaluated.

mod mapping;
mod plan;
mod problem;
pub mod values;

pub use crate::vocabulary::VocabularyKind;
pub use mapping::{Decision, Decisions, Mapping, MappingError, Target, MAPPING_VERSION};
pub use plan::{
    is_reference_sheet, plan, HeaderFound, Plan, PlannedColumn, SheetKind, SheetPlan, WorkbookPlan, KEY_COLUMNS,
};
pub use problem::{ImportProblem, ImportProblemKind};

use crate::header::Column;
use crate::ids::IdMaker;
use crate::vocabulary::{Vocabulary, VocabularyMatch};
use crate::workbook::{Cell, Sheet, SheetRow, Workbook};
use std::collections::{BTreeSet, HashMap, HashSet};
use values::NumberShape;
use vitrina_core::model::{Capability, Certification, Contact, Directory, Location, Member, MemberCertification};
use vitrina_core::phone::{self, default_country};
use vitrina_core::search::normalize;
use vitrina_core::valid::{Email, HttpUrl, Slug, E164};
use vitrina_core::{Lang, Text};

/// The result of an import: the members, what the sheets held, and every problem.
#[derive(Clone, Debug, PartialEq)]
pub struct Import {
    /// The base directory's cluster, events and vocabularies (plus the capabilities and
    /// certifications staff chose to add) with the imported members.
    pub directory: Directory,
    /// The member fields the sheets had, as paths (`name`, `location.city`, `contacts`,
    /// `pitch.es` for a text given per language).
    pub fields_in_sheets: BTreeSet<String>,
    /// Every problem, in tab, row and column order.
    pub problems: Vec<ImportProblem>,
    /// Every capability or certification name the vocabulary lacks, once each.
    pub unmatched: Vec<UnmatchedValue>,
    /// Where each imported member came from, in the order of `directory.members`.
    pub member_rows: Vec<RowRef>,
    /// What each sheet was read as.
    pub plan: Plan,
}

/// A row of a workbook.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RowRef {
    /// The file.
    pub file: String,
    /// The sheet.
    pub sheet: String,
    /// The 1-based spreadsheet row.
    pub row: usize,
}

/// A capability or certification name the vocabulary lacks, for staff to decide on.
#[derive(Clone, Debug, PartialEq)]
pub struct UnmatchedValue {
    /// Which vocabulary it was looked up in.
    pub vocabulary: VocabularyKind,
    /// The name as first written.
    pub value: String,
    /// The name folded: the key of its [`Decision`].
    pub folded: String,
    /// The closest entries of the vocabulary, best first.
    pub closest: Vec<Slug>,
    /// How many cells (or matrix columns) hold it.
    pub count: usize,
    /// Where it is first.
    pub first: RowRef,
    /// Staff's decision for it, if any.
    pub decision: Option<Decision>,
}

/// Imports the members of `workbooks` with `mapping`, against `base`'s vocabularies and ids.
pub fn import(workbooks: &[Workbook], base: &Directory, mapping: &Mapping, decisions: &Decisions) -> Import {
    let plan = plan(workbooks, mapping);
    let mut builder = Builder::new(base, decisions);
    let sheets = || {
        workbooks.iter().zip(&plan.workbooks).flat_map(|(workbook, planned)| {
            workbook.sheets.iter().zip(&planned.sheets).map(move |(sheet, sheet_plan)| Ctx {
                file: &workbook.file_name,
                sheet,
                plan: sheet_plan,
            })
        })
    };
    if !sheets().any(|ctx| ctx.plan.kind == SheetKind::Members) {
        let (file, sheet) = workbooks
            .first()
            .map(|workbook| (workbook.file_name.clone(), workbook.sheets.first().map(|s| s.name.clone())))
            .unwrap_or_default();
        builder.problems.push(ImportProblem {
            file,
            sheet: sheet.unwrap_or_default(),
            row: 1,
            column: None,
            kind: ImportProblemKind::NoMembersSheet,
        });
    }
    for ctx in sheets().filter(|ctx| ctx.plan.kind == SheetKind::Members) {
        builder.reserve_explicit_ids(&ctx);
    }
    let order = [SheetKind::Members, SheetKind::Contacts, SheetKind::Certifications, SheetKind::CapabilityMatrix];
    for kind in order {
        for ctx in sheets().filter(|ctx| ctx.plan.kind == kind) {
            builder.sheet(&ctx);
        }
    }
    let not_read = |ctx: &Ctx| ctx.plan.kind == SheetKind::Unknown && ctx.plan.rows > 0;
    for ctx in sheets().filter(|ctx| not_read(ctx) && !is_reference_sheet(&ctx.sheet.name)) {
        let kind = if ctx.plan.header.is_none() {
            ImportProblemKind::NoHeaderRow { rows: ctx.plan.rows }
        } else {
            ImportProblemKind::SheetNotImported { rows: ctx.plan.rows }
        };
        builder.problems.push(ImportProblem {
            file: ctx.file.to_owned(),
            sheet: ctx.sheet.name.clone(),
            row: ctx.plan.header.map_or(1, |header| header.number),
            column: None,
            kind,
        });
    }
    builder.finish(plan)
}

/// A sheet being imported, with its plan.
struct Ctx<'a> {
    file: &'a str,
    sheet: &'a Sheet,
    plan: &'a SheetPlan,
}

impl Ctx<'_> {
    fn place(&self, row: usize, column: Option<&PlannedColumn>) -> Place {
        Place {
            file: self.file.to_owned(),
            sheet: self.sheet.name.clone(),
            row,
            column: column.map(|column| column.header.clone()),
        }
    }

    fn columns(&self, wanted: Column) -> impl Iterator<Item = &PlannedColumn> {
        self.plan.columns.iter().filter(move |column| column.target == Some(Target::Column(wanted)))
    }

    fn has(&self, wanted: Column) -> bool {
        self.columns(wanted).next().is_some()
    }
}

/// Where a value is, to build a problem.
#[derive(Clone, Debug)]
struct Place {
    file: String,
    sheet: String,
    row: usize,
    column: Option<String>,
}

impl Place {
    fn problem(&self, kind: ImportProblemKind) -> ImportProblem {
        ImportProblem {
            file: self.file.clone(),
            sheet: self.sheet.clone(),
            row: self.row,
            column: self.column.clone(),
            kind,
        }
    }

    fn row_ref(&self) -> RowRef {
        RowRef { file: self.file.clone(), sheet: self.sheet.clone(), row: self.row }
    }
}

/// The columns a sheet of this kind reads; values of other known columns are reported.
fn used_on(kind: SheetKind, column: Column) -> bool {
    use Column::*;
    match kind {
        SheetKind::Members => !matches!(column, ValidUntil | Site | Body),
        SheetKind::Contacts => matches!(
            column,
            Id | Company
                | LegalName
                | Name
                | ContactName
                | ContactRole
                | ContactEmail
                | ContactPhone
                | ContactWhatsapp
                | Linkedin
        ),
        SheetKind::Certifications => {
            matches!(column, Id | Company | LegalName | Name | Certifications | ValidUntil | Site | Body)
        }
        SheetKind::CapabilityMatrix => KEY_COLUMNS.contains(&column),
        SheetKind::Unknown => false,
    }
}

/// The member field path a column fills, as merge compares them.
fn member_field(column: Column) -> Option<&'static str> {
    use Column::*;
    match column {
        Id => None,
        ContactName | ContactRole | ContactEmail | ContactPhone | ContactWhatsapp => Some("contacts"),
        ValidUntil | Site | Body => Some("certifications"),
        other => Some(other.field()),
    }
}

/// The capability each matrix column's header names (`None`: unmatched), by column index.
type Matrix = HashMap<usize, Option<Slug>>;

/// A non-blank value of a row, with its column.
struct Value<'a> {
    column: &'a PlannedColumn,
    cell: &'a Cell,
    text: String,
}

/// A row's non-blank values by target, error cells reported and left out.
struct RowValues<'a> {
    number: usize,
    values: Vec<Value<'a>>,
}

impl<'a> RowValues<'a> {
    fn of(&self, wanted: Column) -> impl Iterator<Item = &Value<'a>> {
        self.values.iter().filter(move |value| value.column.target == Some(Target::Column(wanted)))
    }
}

struct Builder<'a> {
    base: &'a Directory,
    decisions: &'a Decisions,
    capabilities: Vocabulary,
    certifications: Vocabulary,
    /// Capability ids, then certification ids, of the base directory and those added.
    known_ids: [HashSet<String>; 2],
    added_capabilities: Vec<Capability>,
    added_certifications: Vec<Certification>,
    added: HashMap<(u8, String), Slug>,
    ids: IdMaker,
    members: Vec<Member>,
    member_rows: Vec<RowRef>,
    by_id: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
    by_legal_name: HashMap<String, usize>,
    problems: Vec<ImportProblem>,
    unmatched: Vec<UnmatchedValue>,
    unmatched_index: HashMap<(u8, String), usize>,
    fields: BTreeSet<String>,
}

impl<'a> Builder<'a> {
    fn new(base: &'a Directory, decisions: &'a Decisions) -> Builder<'a> {
        let known_ids = [
            base.capabilities.iter().map(|c| c.id.as_str().to_owned()).collect(),
            base.certifications.iter().map(|c| c.id.as_str().to_owned()).collect(),
        ];
        Builder {
            base,
            decisions,
            capabilities: Vocabulary::capabilities(base),
            certifications: Vocabulary::certifications(base),
            known_ids,
            added_capabilities: Vec::new(),
            added_certifications: Vec::new(),
            added: HashMap::new(),
            ids: IdMaker::new(base),
            members: Vec::new(),
            member_rows: Vec::new(),
            by_id: HashMap::new(),
            by_name: HashMap::new(),
            by_legal_name: HashMap::new(),
            problems: Vec::new(),
            unmatched: Vec::new(),
            unmatched_index: HashMap::new(),
            fields: BTreeSet::new(),
        }
    }

    fn finish(mut self, plan: Plan) -> Import {
        // Staff fix the sheet from top to bottom: problems in tab, row and column order.
        let mut positions: HashMap<(&str, &str), (usize, &SheetPlan)> = HashMap::new();
        for workbook in &plan.workbooks {
            for sheet in &workbook.sheets {
                let position = positions.len();
                positions.entry((workbook.file_name.as_str(), sheet.name.as_str())).or_insert((position, sheet));
            }
        }
        self.problems.sort_by_cached_key(|problem| {
            let (sheet_position, sheet) = positions
                .get(&(problem.file.as_str(), problem.sheet.as_str()))
                .map_or((usize::MAX, None), |&(position, sheet)| (position, Some(sheet)));
            let column = problem.column.as_deref().and_then(|header| {
                sheet?.columns.iter().find(|column| column.header == header).map(|column| column.index)
            });
            (sheet_position, problem.row, column.map_or(0, |index| index + 1))
        });
        let mut directory = self.base.clone();
        directory.capabilities.extend(self.added_capabilities);
        directory.certifications.extend(self.added_certifications);
        directory.members = self.members;
        Import {
            directory,
            fields_in_sheets: self.fields,
            problems: self.problems,
            unmatched: self.unmatched,
            member_rows: self.member_rows,
            plan,
        }
    }

    /// Claims the valid ids of `Id` cells first, so an id made from a name never takes one.
    fn reserve_explicit_ids(&mut self, ctx: &Ctx) {
        let id_columns: Vec<usize> = ctx.columns(Column::Id).map(|column| column.index).collect();
        for row in ctx.plan.data_rows(ctx.sheet) {
            for &index in &id_columns {
                if let Some(id) = row.cells.get(index).and_then(|cell| Slug::parse(cell.text().trim())) {
                    self.ids.claim(&id);
                }
            }
        }
    }

    fn sheet(&mut self, ctx: &Ctx) {
        let kind = ctx.plan.kind;
        let header_row = ctx.plan.header.map_or(1, |header| header.number);
        for column in &ctx.plan.columns {
            let not_read = match &column.target {
                None => true,
                Some(Target::Column(wanted)) => !used_on(kind, *wanted),
                Some(Target::Capability) => !matches!(kind, SheetKind::Members | SheetKind::CapabilityMatrix),
                Some(Target::Ignore) => false,
            };
            if not_read && column.values > 0 {
                let place = ctx.place(header_row, Some(column));
                self.problems.push(place.problem(ImportProblemKind::ColumnNotImported { values: column.values }));
            }
            match &column.target {
                // A text given per language (`Presentación_es`) is that language's part only, so a
                // merge keeps the published text in the languages the sheet lacks.
                Some(Target::Column(wanted @ (Column::Pitch | Column::Description))) if column.lang.is_some() => {
                    let tag = column.lang.map_or("", Lang::tag);
                    self.fields.insert(format!("{}.{tag}", wanted.field()));
                }
                Some(Target::Column(wanted)) if !not_read && kind == SheetKind::Members => {
                    self.fields.extend(member_field(*wanted).map(str::to_owned));
                }
                Some(Target::Capability) if !not_read => {
                    self.fields.insert("capabilities".into());
                }
                _ => {}
            }
        }
        match kind {
            SheetKind::Contacts => {
                self.fields.insert("contacts".into());
            }
            SheetKind::Certifications => {
                self.fields.insert("certifications".into());
            }
            _ => {}
        }
        // A matrix column's header is looked up once per sheet, not once per mark.
        let matrix: Matrix = ctx
            .plan
            .columns
            .iter()
            .filter(|column| column.target == Some(Target::Capability))
            .filter(|_| matches!(kind, SheetKind::Members | SheetKind::CapabilityMatrix))
            .map(|column| {
                let place = ctx.place(header_row, Some(column));
                let marked = ctx
                    .plan
                    .data_rows(ctx.sheet)
                    .filter(|row| row.cells.get(column.index).and_then(values::mark) == Some(true))
                    .count();
                (column.index, self.resolve(VocabularyKind::Capabilities, &column.header, &place, marked.max(1)))
            })
            .collect();
        for row in ctx.plan.data_rows(ctx.sheet) {
            let values = self.row_values(ctx, row);
            match kind {
                SheetKind::Members => self.member_row(ctx, &values, &matrix),
                SheetKind::Contacts => self.contact_row(ctx, &values),
                SheetKind::Certifications => self.certificate_row(ctx, &values),
                SheetKind::CapabilityMatrix => self.matrix_row(ctx, &values, &matrix),
                SheetKind::Unknown => {}
            }
        }
    }

    /// The row's non-blank values in read columns; error cells become problems.
    fn row_values<'r>(&mut self, ctx: &'r Ctx, row: &'r SheetRow) -> RowValues<'r> {
        let mut values = Vec::new();
        for column in &ctx.plan.columns {
            let Some(cell) = row.cells.get(column.index) else { continue };
            if cell.is_blank() || matches!(column.target, None | Some(Target::Ignore)) {
                continue;
            }
            if let Cell::Error(error) = cell {
                let place = ctx.place(row.number, Some(column));
                self.problems.push(place.problem(ImportProblemKind::ErrorValue { value: error.clone() }));
                continue;
            }
            values.push(Value { column, cell, text: cell.text().trim().to_owned() });
        }
        RowValues { number: row.number, values }
    }

    /// The first value of the first of `columns` that has one; a different value in another
    /// of them is a problem.
    fn single<'r>(
        &mut self,
        ctx: &Ctx,
        row: &RowValues<'r>,
        columns: &[Column],
        lang: Option<Lang>,
    ) -> Option<Value<'r>> {
        let mut candidates: Vec<&Value<'r>> = Vec::new();
        for &wanted in columns {
            candidates.extend(row.of(wanted).filter(|value| value.column.lang == lang || !wanted.is_text()));
        }
        let (first, rest) = candidates.split_first()?;
        for other in rest {
            if normalize(&other.text) != normalize(&first.text) {
                let place = ctx.place(row.number, Some(other.column));
                self.problems.push(
                    place.problem(ImportProblemKind::TwoValues {
                        kept: first.text.clone(),
                        dropped: other.text.clone(),
                    }),
                );
            }
        }
        // The value is cloned out so the caller can keep using the builder.
        Some(Value { column: first.column, cell: first.cell, text: first.text.clone() })
    }

    /// A text in one language or several (`Presentación_es`, `Presentación_en`).
    fn text(&mut self, ctx: &Ctx, row: &RowValues, column: Column) -> Option<Text> {
        let mut by_lang = Vec::new();
        for lang in [Lang::Es, Lang::En] {
            if let Some(value) = self.single(ctx, row, &[column], Some(lang)) {
                by_lang.push((lang.tag().to_owned(), value.text));
            }
        }
        let plain = self.single(ctx, row, &[column], None);
        if by_lang.is_empty() {
            return plain.map(|value| Text::Plain(value.text));
        }
        if let Some(plain) = plain {
            if !by_lang.iter().any(|(_, text)| normalize(text) == normalize(&plain.text)) {
                let kept = by_lang.iter().map(|(_, text)| text.as_str()).collect::<Vec<_>>().join(" / ");
                let place = ctx.place(row.number, Some(plain.column));
                self.problems.push(place.problem(ImportProblemKind::TwoValues { kept, dropped: plain.text }));
            }
        }
        Some(Text::ByLang(by_lang))
    }

    fn member_row(&mut self, ctx: &Ctx, row: &RowValues, matrix: &Matrix) {
        let here = ctx.place(row.number, None);
        let name = self.single(ctx, row, &[Column::Name, Column::Company], None).map(|value| value.text);
        let legal_name = self.single(ctx, row, &[Column::LegalName], None).map(|value| value.text);
        let name = match (name, &legal_name) {
            (Some(name), _) => name,
            (None, Some(legal_name)) => {
                if ctx.has(Column::Name) || ctx.has(Column::Company) {
                    let problem = ImportProblemKind::NameFromLegalName { legal_name: legal_name.clone() };
                    self.problems.push(here.problem(problem));
                }
                legal_name.clone()
            }
            (None, None) => {
                self.problems.push(here.problem(ImportProblemKind::NoName));
                return;
            }
        };
        let folded_name = normalize(&name);
        let given_id = self.single(ctx, row, &[Column::Id], None);
        let mut id = None;
        let mut bad_id = None;
        if let Some(given) = given_id {
            match Slug::parse(&given.text) {
                Some(slug) if self.by_id.contains_key(slug.as_str()) => {
                    let first = self.by_id[slug.as_str()];
                    self.duplicate(&here, first, given.text);
                    return;
                }
                Some(slug) => id = Some(slug),
                None => bad_id = Some((given.text, given.column.header.clone())),
            }
        }
        // A name twice is one company twice, unless each row gives its own id: two members may
        // share a trade name (a company's plants in two states), and the export writes ids.
        if id.is_none() {
            if let Some(&first) = self.by_name.get(&folded_name) {
                self.duplicate(&here, first, name);
                return;
            }
        }
        let id = match id {
            Some(id) => id,
            None => match self.ids.member_id(&name) {
                Some(made) => made,
                None => {
                    self.problems.push(here.problem(ImportProblemKind::NoIdFromName { name }));
                    return;
                }
            },
        };
        if let Some((value, header)) = bad_id {
            let place = Place { column: Some(header), ..here.clone() };
            self.problems.push(place.problem(ImportProblemKind::BadId { value, made: id.as_str().to_owned() }));
        }
        let mut member = Member::new(id, name);
        member.legal_name = legal_name;
        self.fill_member(ctx, row, &mut member, matrix);
        let index = self.members.len();
        self.by_id.insert(member.id.as_str().to_owned(), index);
        self.by_name.entry(folded_name).or_insert(index);
        if let Some(legal_name) = &member.legal_name {
            self.by_legal_name.entry(normalize(legal_name)).or_insert(index);
        }
        self.member_rows.push(here.row_ref());
        self.members.push(member);
    }

    fn duplicate(&mut self, here: &Place, first: usize, key: String) {
        let first_row = &self.member_rows[first];
        let problem =
            ImportProblemKind::DuplicateMember { first_sheet: first_row.sheet.clone(), first_row: first_row.row, key };
        self.problems.push(here.problem(problem));
    }

    fn fill_member(&mut self, ctx: &Ctx, row: &RowValues, member: &mut Member, matrix: &Matrix) {
        if let Some(value) = self.single(ctx, row, &[Column::Kind], None) {
            member.kind = values::member_kind(&value.text);
            if member.kind.is_none() {
                self.push(ctx, row, &value, ImportProblemKind::UnknownKind { value: value.text.clone() });
            }
        }
        let city = self.single(ctx, row, &[Column::City], None).map(|value| value.text);
        let state = self.single(ctx, row, &[Column::State], None).map(|value| value.text);
        let country = self.single(ctx, row, &[Column::Country], None).and_then(|value| {
            let code = values::country(&value.text);
            if code.is_none() {
                self.push(ctx, row, &value, ImportProblemKind::BadCountry { value: value.text.clone() });
            }
            code
        });
        if city.is_some() || state.is_some() || country.is_some() {
            member.location = Some(Location { city, state, country, lat: None, lon: None });
        }
        member.capabilities = self.names(ctx, row, Column::Capabilities, VocabularyKind::Capabilities);
        self.marks(ctx, row, matrix, &mut member.capabilities);
        member.needs = self.names(ctx, row, Column::Needs, VocabularyKind::Capabilities);
        member.certifications = self
            .names(ctx, row, Column::Certifications, VocabularyKind::Certifications)
            .into_iter()
            .map(|id| MemberCertification { id, valid_until: None, site: None, body: None })
            .collect();
        member.customers = Vec::new();
        for value in row.of(Column::Customers) {
            for customer in values::split_list(&value.text) {
                if !member.customers.iter().any(|known| normalize(known) == normalize(customer)) {
                    member.customers.push(customer.to_owned());
                }
            }
        }
        member.employees = self.number(ctx, row, Column::Employees, NumberShape::Whole).map(|n| n as u64);
        member.investment_musd = self.number(ctx, row, Column::InvestmentMusd, NumberShape::Decimal);
        if let Some(value) = self.single(ctx, row, &[Column::Founded], None) {
            let year = match value.cell {
                Cell::Date { .. } | Cell::IsoDate(_) => values::cell_date(value.cell).ok().map(|date| date.year()),
                cell => values::cell_number(cell, NumberShape::Whole).ok().map(|year| year as i32),
            };
            member.founded = year.filter(|year| (1800..=2100).contains(year));
            if member.founded.is_none() {
                self.push(ctx, row, &value, ImportProblemKind::BadYear { value: value.text.clone() });
            }
        }
        let mut languages = Vec::new();
        let language_values: Vec<(usize, String)> =
            row.of(Column::Languages).enumerate().map(|(i, value)| (i, value.text.clone())).collect();
        for (i, text) in language_values {
            let value = row.of(Column::Languages).nth(i).map(|value| value.column);
            for word in values::split_list(&text) {
                match values::language(word) {
                    Some(tag) => push_unique(&mut languages, tag),
                    None => {
                        let place = ctx.place(row.number, value);
                        self.problems.push(place.problem(ImportProblemKind::BadLanguage { value: word.to_owned() }));
                    }
                }
            }
        }
        member.languages = languages;
        member.website = self.url(ctx, row, Column::Website);
        member.linkedin = self.url(ctx, row, Column::Linkedin);
        member.pitch = self.text(ctx, row, Column::Pitch);
        member.description = self.text(ctx, row, Column::Description);
        if let Some(value) = self.single(ctx, row, &[Column::Verified], None) {
            match values::cell_date(value.cell) {
                Ok(date) => member.verified_on = Some(date),
                Err(problem) => {
                    self.push(ctx, row, &value, ImportProblemKind::BadDate { value: value.text.clone(), problem })
                }
            }
        }
        let contact_columns = [
            Column::ContactName,
            Column::ContactRole,
            Column::ContactEmail,
            Column::ContactPhone,
            Column::ContactWhatsapp,
        ];
        if contact_columns.iter().any(|&column| row.of(column).next().is_some()) {
            let person = self.single(ctx, row, &[Column::ContactName], None);
            self.add_contact(ctx, row, &mut member.contacts, person, None);
        }
    }

    /// A problem about one value of a row.
    fn push(&mut self, ctx: &Ctx, row: &RowValues, value: &Value, kind: ImportProblemKind) {
        let place = ctx.place(row.number, Some(value.column));
        self.problems.push(place.problem(kind));
    }

    fn number(&mut self, ctx: &Ctx, row: &RowValues, column: Column, shape: NumberShape) -> Option<f64> {
        let value = self.single(ctx, row, &[column], None)?;
        match values::cell_number(value.cell, shape) {
            Ok(number) => Some(number),
            Err(problem) => {
                self.push(ctx, row, &value, ImportProblemKind::BadNumber { value: value.text.clone(), problem });
                None
            }
        }
    }

    fn url(&mut self, ctx: &Ctx, row: &RowValues, column: Column) -> Option<HttpUrl> {
        let value = self.single(ctx, row, &[column], None)?;
        match values::web_address(&value.text) {
            Ok(url) => Some(url),
            Err(problem) => {
                self.push(ctx, row, &value, ImportProblemKind::BadUrl { value: value.text.clone(), problem });
                None
            }
        }
    }

    /// Every capability or certification id named in the row's cells of `column`.
    fn names(&mut self, ctx: &Ctx, row: &RowValues, column: Column, vocabulary: VocabularyKind) -> Vec<Slug> {
        let mut ids = Vec::new();
        let cells: Vec<(&PlannedColumn, String)> =
            row.of(column).map(|value| (value.column, value.text.clone())).collect();
        for (planned, text) in cells {
            let place = ctx.place(row.number, Some(planned));
            let pieces: Vec<String> = values::split_names(&text, |piece| self.is_known(vocabulary, piece))
                .into_iter()
                .map(str::to_owned)
                .collect();
            for piece in pieces {
                if let Some(id) = self.resolve(vocabulary, &piece, &place, 1) {
                    push_unique(&mut ids, id);
                }
            }
        }
        ids
    }

    fn vocabulary(&self, vocabulary: VocabularyKind) -> &Vocabulary {
        match vocabulary {
            VocabularyKind::Capabilities => &self.capabilities,
            VocabularyKind::Certifications => &self.certifications,
        }
    }

    fn decision(&self, vocabulary: VocabularyKind, name: &str) -> Option<&'a Decision> {
        match vocabulary {
            VocabularyKind::Capabilities => self.decisions.capability(name),
            VocabularyKind::Certifications => self.decisions.certification(name),
        }
    }

    /// True when a name is in the vocabulary or staff decided on it (so it is kept whole).
    fn is_known(&self, vocabulary: VocabularyKind, name: &str) -> bool {
        self.vocabulary(vocabulary).lookup(name).is_some() || self.decision(vocabulary, name).is_some()
    }

    /// The id a name stands for, by the vocabulary, else staff's decision; an undecided name
    /// is listed as unmatched and as a problem at `place`.
    fn resolve(&mut self, vocabulary: VocabularyKind, name: &str, place: &Place, count: usize) -> Option<Slug> {
        if let Some(id) = self.vocabulary(vocabulary).lookup(name) {
            return Some(id);
        }
        let folded = normalize(name);
        let decision = self.decision(vocabulary, name);
        let key = (vocabulary as u8, folded.clone());
        match self.unmatched_index.get(&key) {
            Some(&index) => self.unmatched[index].count += count,
            None => {
                // Suggestions compare the name with every entry: once per distinct name.
                let closest = match self.vocabulary(vocabulary).find(name) {
                    VocabularyMatch::Found(id) => return Some(id),
                    VocabularyMatch::Unmatched { closest } => closest,
                };
                self.unmatched_index.insert(key.clone(), self.unmatched.len());
                self.unmatched.push(UnmatchedValue {
                    vocabulary,
                    value: name.trim().to_owned(),
                    folded: folded.clone(),
                    closest,
                    count,
                    first: place.row_ref(),
                    decision: decision.cloned(),
                });
            }
        }
        match decision {
            Some(Decision::MapTo(id)) => {
                let known = self.known_ids[vocabulary as usize].contains(id);
                match Slug::parse(id).filter(|_| known) {
                    Some(slug) => Some(slug),
                    None => {
                        let problem = ImportProblemKind::DecisionToUnknownId {
                            vocabulary,
                            value: name.trim().to_owned(),
                            id: id.clone(),
                        };
                        self.problems.push(place.problem(problem));
                        None
                    }
                }
            }
            Some(Decision::Add { group }) => {
                let added = self.add_entry(vocabulary, name, key, group.as_deref());
                if added.is_none() {
                    let problem = ImportProblemKind::Unmatched { vocabulary, value: name.trim().to_owned() };
                    self.problems.push(place.problem(problem));
                }
                added
            }
            Some(Decision::LeaveOut) => None,
            None => {
                let problem = ImportProblemKind::Unmatched { vocabulary, value: name.trim().to_owned() };
                self.problems.push(place.problem(problem));
                None
            }
        }
    }

    /// Adds a name staff chose to add to its vocabulary (once), and gives its id.
    fn add_entry(
        &mut self,
        vocabulary: VocabularyKind,
        name: &str,
        key: (u8, String),
        group: Option<&str>,
    ) -> Option<Slug> {
        if let Some(id) = self.added.get(&key) {
            return Some(id.clone());
        }
        // Ids of new entries follow the contact id rules: folded words, unique in their list.
        let id = IdMaker::contact_id(&mut self.known_ids[vocabulary as usize], name)?;
        self.added.insert(key, id.clone());
        let label = Text::Plain(name.trim().to_owned());
        match vocabulary {
            VocabularyKind::Capabilities => {
                let group = group.and_then(|group| self.base.capability_group(group)).map(|group| group.id.clone());
                self.added_capabilities.push(Capability { id: id.clone(), group, label, aliases: Default::default() });
            }
            VocabularyKind::Certifications => self.added_certifications.push(Certification { id: id.clone(), label }),
        }
        Some(id)
    }

    /// Adds a contact to a member's `contacts` from a row's contact columns; `person` is its
    /// name's value.
    fn add_contact(
        &mut self,
        ctx: &Ctx,
        row: &RowValues,
        contacts: &mut Vec<Contact>,
        person: Option<Value>,
        linkedin_column: Option<Column>,
    ) {
        let here = ctx.place(row.number, None);
        let Some(person) = person else {
            self.problems.push(here.problem(ImportProblemKind::ContactWithoutName));
            return;
        };
        let folded = normalize(&person.text);
        if contacts.iter().any(|contact| normalize(&contact.name) == folded) {
            let problem = ImportProblemKind::DuplicateContact { name: person.text.clone() };
            self.push(ctx, row, &person, problem);
            return;
        }
        let mut taken: HashSet<String> = contacts.iter().map(|contact| contact.id.as_str().to_owned()).collect();
        let Some(id) = IdMaker::contact_id(&mut taken, &person.text) else {
            self.problems.push(here.problem(ImportProblemKind::ContactWithoutName));
            return;
        };
        let role = self.text(ctx, row, Column::ContactRole);
        let email = self.single(ctx, row, &[Column::ContactEmail], None).and_then(|value| {
            match Email::from_typed(&value.text) {
                Ok(email) => Some(email),
                Err(problem) => {
                    self.push(ctx, row, &value, ImportProblemKind::BadEmail { value: value.text.clone(), problem });
                    None
                }
            }
        });
        let phone = self.single(ctx, row, &[Column::ContactPhone], None).map(|value| {
            match phone::from_typed(&value.text, &default_country()) {
                Ok(number) => number.as_str().to_owned(),
                Err(problem) => {
                    self.push(ctx, row, &value, ImportProblemKind::BadPhone { value: value.text.clone(), problem });
                    value.text.clone()
                }
            }
        });
        let whatsapp =
            self.single(ctx, row, &[Column::ContactWhatsapp], None).and_then(|value| {
                match phone::from_typed(&value.text, &default_country()) {
                    Ok(number) => E164::parse(number.as_str()),
                    Err(problem) => {
                        self.push(
                            ctx,
                            row,
                            &value,
                            ImportProblemKind::BadWhatsapp { value: value.text.clone(), problem },
                        );
                        None
                    }
                }
            });
        let linkedin = linkedin_column.and_then(|column| self.url(ctx, row, column));
        contacts.push(Contact { id, name: person.text, role, email, phone, whatsapp, linkedin });
    }

    /// The member a nested sheet's row belongs to, by id, else name, else legal name.
    fn member_of(&mut self, ctx: &Ctx, row: &RowValues, keys: &[Column]) -> Option<usize> {
        let here = ctx.place(row.number, None);
        let mut first_key: Option<&Value> = None;
        for &key in keys {
            for value in row.of(key) {
                first_key.get_or_insert(value);
                let folded = normalize(&value.text);
                let found = self
                    .by_id
                    .get(value.text.as_str())
                    .or_else(|| self.by_name.get(&folded))
                    .or_else(|| self.by_legal_name.get(&folded));
                if let Some(&index) = found {
                    return Some(index);
                }
            }
        }
        match first_key {
            Some(value) => {
                let problem = ImportProblemKind::UnknownCompany { company: value.text.clone() };
                let place = ctx.place(row.number, Some(value.column));
                self.problems.push(place.problem(problem));
            }
            None => self.problems.push(here.problem(ImportProblemKind::NoCompany)),
        }
        None
    }

    fn contact_row(&mut self, ctx: &Ctx, row: &RowValues) {
        // `Nombre` is the person when a `Contacto` column does not say so; then it is the company.
        let person_column = if ctx.has(Column::ContactName) { Column::ContactName } else { Column::Name };
        let keys: Vec<Column> = KEY_COLUMNS.iter().copied().filter(|&key| key != person_column).collect();
        let Some(index) = self.member_of(ctx, row, &keys) else { return };
        let mut contacts = std::mem::take(&mut self.members[index].contacts);
        let person = self.single(ctx, row, &[person_column], None);
        self.add_contact(ctx, row, &mut contacts, person, Some(Column::Linkedin));
        self.members[index].contacts = contacts;
    }

    fn certificate_row(&mut self, ctx: &Ctx, row: &RowValues) {
        let Some(index) = self.member_of(ctx, row, &KEY_COLUMNS) else { return };
        let here = ctx.place(row.number, None);
        let Some(value) = self.single(ctx, row, &[Column::Certifications], None) else {
            self.problems.push(here.problem(ImportProblemKind::NoCertification));
            return;
        };
        let place = ctx.place(row.number, Some(value.column));
        let Some(id) = self.resolve(VocabularyKind::Certifications, &value.text, &place, 1) else { return };
        let valid_until =
            self.single(ctx, row, &[Column::ValidUntil], None).and_then(|value| match values::cell_date(value.cell) {
                Ok(date) => Some(date),
                Err(problem) => {
                    self.push(ctx, row, &value, ImportProblemKind::BadDate { value: value.text.clone(), problem });
                    None
                }
            });
        let site = self.text(ctx, row, Column::Site);
        let body = self.single(ctx, row, &[Column::Body], None).map(|value| value.text);
        let certificate = MemberCertification { id, valid_until, site, body };
        let member = &mut self.members[index];
        if member.certifications.contains(&certificate) {
            // The same certificate written twice is one certificate.
            return;
        }
        match member.certifications.iter_mut().find(|held| held.id == certificate.id) {
            // The members sheet named it; this row adds its details.
            Some(held) if held.valid_until.is_none() && held.site.is_none() && held.body.is_none() => {
                *held = certificate
            }
            // A second certificate of one kind (another site) is its own entry.
            _ => member.certifications.push(certificate),
        }
    }

    fn matrix_row(&mut self, ctx: &Ctx, row: &RowValues, matrix: &Matrix) {
        let Some(index) = self.member_of(ctx, row, &KEY_COLUMNS) else { return };
        let mut capabilities = std::mem::take(&mut self.members[index].capabilities);
        self.marks(ctx, row, matrix, &mut capabilities);
        self.members[index].capabilities = capabilities;
    }

    /// Adds the capabilities of a row's marked matrix cells; a cell that is no mark is a problem.
    fn marks(&mut self, ctx: &Ctx, row: &RowValues, matrix: &Matrix, capabilities: &mut Vec<Slug>) {
        for value in row.values.iter().filter(|value| value.column.target == Some(Target::Capability)) {
            let Some(id) = matrix.get(&value.column.index) else { continue };
            match values::mark(value.cell) {
                Some(true) => {
                    if let Some(id) = id {
                        push_unique(capabilities, id.clone());
                    }
                }
                Some(false) => {}
                None => {
                    let problem = ImportProblemKind::BadMark { value: value.text.clone() };
                    self.push(ctx, row, value, problem);
                }
            }
        }
    }
}

fn push_unique<T: PartialEq>(items: &mut Vec<T>, item: T) {
    if !items.contains(&item) {
        items.push(item);
    }
}

#[cfg(test)]
mod tests;
