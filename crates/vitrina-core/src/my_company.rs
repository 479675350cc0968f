//! "Mi empresa / My company": who the visitor is, for matchmaking (issue 16).
//!
//! Kept on the device with the follow-up list (stored with it, in its backups and in its
//! handoffs: `follow_up::document`), so it is the visitor's data, never sent anywhere.
//! Either a member of the directory, whose capabilities and needs come from the file, or a
//! company outside it, described by hand from the capability list.

use crate::model::{Directory, MemberKind};
use crate::text::one_line;
use crate::valid::Slug;

/// Who the visitor is.
#[derive(Clone, Debug, PartialEq)]
pub enum MyCompany {
    /// A member of the directory, by id: what it makes and needs are read from the file each
    /// time, so a newer file updates them.
    Member {
        /// The member's id.
        id: Slug,
    },
    /// A company outside the directory (an OEM buyer, a company not yet a member).
    Outside(OutsideCompany),
}

/// A company outside the directory, as the visitor described it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OutsideCompany {
    /// Its name, on one line (may be empty: the introduction then names no company).
    pub name: String,
    /// Its place in the supply chain, when given.
    pub kind: Option<MemberKind>,
    /// Capability ids it offers, sorted, without repeats.
    pub makes: Vec<Slug>,
    /// Capability ids it is looking for, sorted, without repeats.
    pub needs: Vec<Slug>,
}

/// What matchmaking reads of the visitor's company, resolved against a directory.
#[derive(Clone, Debug, PartialEq)]
pub struct CompanyProfile<'a> {
    /// The member's index in the directory, when the visitor is a member.
    pub member: Option<usize>,
    /// The name to introduce the visitor with (may be empty).
    pub name: &'a str,
    /// Its place in the supply chain, when known.
    pub kind: Option<MemberKind>,
    /// Capability ids it offers, as the directory knows them.
    pub makes: Vec<&'a Slug>,
    /// Capability ids it looks for, as the directory knows them.
    pub needs: Vec<&'a Slug>,
}

impl OutsideCompany {
    /// The longest company name kept, in characters.
    pub const MAX_NAME_CHARS: usize = 120;

    /// A described company with its name on one line and its lists sorted and without repeats.
    pub fn new(name: &str, kind: Option<MemberKind>, makes: Vec<Slug>, needs: Vec<Slug>) -> OutsideCompany {
        // Through the app's one stable sort (`crate::sorting`): a stored company is read in the
        // landing module, where a sort of its own cost 4 KB before wasm-opt.
        let tidy = |mut ids: Vec<Slug>| {
            crate::sorting::sort_by(&mut ids, Slug::cmp);
            ids.dedup();
            ids
        };
        OutsideCompany {
            name: one_line(name, OutsideCompany::MAX_NAME_CHARS),
            kind,
            makes: tidy(makes),
            needs: tidy(needs),
        }
    }
}

impl MyCompany {
    /// What matchmaking reads of this company in `directory`; `None` for a member the
    /// directory no longer has. Capability ids the directory does not know are left out.
    pub fn profile<'a>(&'a self, directory: &'a Directory) -> Option<CompanyProfile<'a>> {
        let known = |ids: &'a [Slug]| ids.iter().filter(|id| directory.capability(id.as_str()).is_some()).collect();
        match self {
            MyCompany::Member { id } => {
                let (index, member) = directory.members.iter().enumerate().find(|(_, member)| &member.id == id)?;
                Some(CompanyProfile {
                    member: Some(index),
                    name: &member.name,
                    kind: member.kind,
                    makes: known(&member.capabilities),
                    needs: known(&member.needs),
                })
            }
            MyCompany::Outside(company) => Some(CompanyProfile {
                member: None,
                name: &company.name,
                kind: company.kind,
                makes: known(&company.makes),
                needs: known(&company.needs),
            }),
        }
    }
}
