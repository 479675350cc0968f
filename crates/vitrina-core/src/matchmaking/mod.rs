//! Matchmaking (issue 16): who may buy from the visitor's company, who can supply it, every
//! need beside its suppliers for the cluster's staff, and the walk through a fair.
//!
//! Rules, each pinned by a test in `tests.rs`:
//! - "May buy from me": members whose `needs` include something the visitor makes; "can
//!   supply me": members whose `capabilities` cover something the visitor needs. The
//!   visitor's own member never matches itself.
//! - Matches rank by (1) more matched capabilities, (2) the certification buyers of that kind
//!   ask for on the supplier's side — a valid IATF 16949 for automotive production buyers
//!   (OEM, Tier 1–3), else a valid ISO 9001 counts less; an outside visitor's certificates are
//!   unknown, so this step ranks its buyers equal —, (3) the place in the chain (the adjacent
//!   step first, then further steps, then services, institutions and unknown kinds), (4) the
//!   folded name, then the id: a total order, so the result never depends on input order.
//! - A certificate counts on `today` when it has no expiry date or expires on `today` or later.
//! - Every match says in words, in both languages, why it is where it is.

mod pairs;
mod prepare;
#[cfg(test)]
mod tests;
mod words;

use std::cmp::Ordering;

use crate::lang::Lang;
use crate::model::{Directory, Member, MemberKind};
use crate::my_company::CompanyProfile;
use crate::search::normalize;
use crate::valid::{IsoDate, Slug};

pub use pairs::{pairs_csv, staff_pairs, NeedPairs};
pub use prepare::{prepare_fair, FairMatch};
pub use words::{introduction, introduction_for, introduction_links, IntroductionLinks};

/// Which of the two lists a match belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// The member needs something the visitor makes: "Pueden comprarte".
    MayBuyFromMe,
    /// The member offers something the visitor needs: "Pueden surtirte".
    CanSupplyMe,
}

/// What is known of the supplier's quality certificates on the day of the match.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Quality {
    /// A valid IATF 16949 (the automotive standard, built on ISO 9001).
    Iatf16949,
    /// A valid ISO 9001 and no valid IATF 16949.
    Iso9001,
    /// Neither, or only expired ones.
    Neither,
    /// The supplier is a company outside the directory: its certificates are not known.
    Unknown,
}

/// How far apart buyer and supplier are in the supply chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ChainStep {
    /// The supplier is the step right below the buyer (an OEM buys from a Tier 1, …).
    Adjacent,
    /// Both make automotive production parts, further apart.
    Further,
    /// One of them is a service, an institution, or has no kind given.
    Outside,
}

/// One member matched with the visitor's company, with the facts it is ranked by.
#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    /// The member's position in `Directory::members`.
    pub member_index: usize,
    /// Which list it is on.
    pub side: Side,
    /// The capability ids that matched, in the directory's vocabulary order.
    pub capabilities: Vec<Slug>,
    /// The kind of the buyer (the member on "may buy from me", the visitor otherwise).
    pub buyer_kind: Option<MemberKind>,
    /// The kind of the supplier (the visitor on "may buy from me", the member otherwise).
    pub supplier_kind: Option<MemberKind>,
    /// The supplier's quality certificates on the day.
    pub quality: Quality,
    /// How far apart the two are in the chain.
    pub chain: ChainStep,
}

/// True for the kinds that buy automotive production parts, which ask for IATF 16949.
pub fn is_automotive_production(kind: Option<MemberKind>) -> bool {
    matches!(kind, Some(MemberKind::Oem | MemberKind::Tier1 | MemberKind::Tier2 | MemberKind::Tier3))
}

/// The step of a production kind in the chain (OEM 0, Tier 1 1, …).
fn tier(kind: Option<MemberKind>) -> Option<u8> {
    match kind? {
        MemberKind::Oem => Some(0),
        MemberKind::Tier1 => Some(1),
        MemberKind::Tier2 => Some(2),
        MemberKind::Tier3 => Some(3),
        MemberKind::Service | MemberKind::Institution => None,
    }
}

/// How far apart a buyer and a supplier of these kinds are.
pub fn chain_step(buyer: Option<MemberKind>, supplier: Option<MemberKind>) -> ChainStep {
    match (tier(buyer), tier(supplier)) {
        (Some(b), Some(s)) if s == b + 1 => ChainStep::Adjacent,
        (Some(_), Some(_)) => ChainStep::Further,
        _ => ChainStep::Outside,
    }
}

/// True when `word` is one of the folded words of `text` (so "16949" is in "IATF 16949").
fn has_word(text: &str, word: &str) -> bool {
    normalize(text).split(' ').any(|w| w == word)
}

/// True when the member holds a certificate of the standard (by id or by a label with its
/// number) that is valid on `today`.
fn holds_valid(directory: &Directory, member: &Member, id: &str, number: &str, today: IsoDate) -> bool {
    member.certifications.iter().filter(|held| !held.is_expired(today)).any(|held| {
        held.id.as_str() == id
            || directory
                .certification(held.id.as_str())
                .is_some_and(|known| known.label.variants().any(|label| has_word(label, number)))
    })
}

/// True when the member holds an IATF 16949 certificate valid on `today`.
pub fn has_valid_iatf_16949(directory: &Directory, member: &Member, today: IsoDate) -> bool {
    holds_valid(directory, member, "iatf-16949", "16949", today)
}

/// What is known of a member's quality certificates on `today`.
pub fn quality_of(directory: &Directory, member: &Member, today: IsoDate) -> Quality {
    if has_valid_iatf_16949(directory, member, today) {
        Quality::Iatf16949
    } else if holds_valid(directory, member, "iso-9001", "9001", today) {
        Quality::Iso9001
    } else {
        Quality::Neither
    }
}

impl Match {
    /// The rank of the supplier's certificates for this buyer: lower ranks first.
    pub fn quality_rank(&self) -> u8 {
        match (self.quality, is_automotive_production(self.buyer_kind)) {
            (Quality::Iatf16949, true) => 0,
            (Quality::Iso9001, true) | (Quality::Iatf16949 | Quality::Iso9001, false) => 1,
            (Quality::Neither | Quality::Unknown, _) => 2,
        }
    }

    /// The order of the lists: the ranking of the module's rules.
    pub fn compare(&self, other: &Match, directory: &Directory) -> Ordering {
        other
            .capabilities
            .len()
            .cmp(&self.capabilities.len())
            .then_with(|| self.quality_rank().cmp(&other.quality_rank()))
            .then_with(|| self.chain.cmp(&other.chain))
            .then_with(|| by_name(directory, self.member_index, other.member_index))
    }

    /// Why it ranks where it does, in words, most important first.
    pub fn reasons(&self, directory: &Directory, lang: Lang) -> Vec<String> {
        words::reasons(self, directory, lang)
    }
}

/// Members by folded name, then id, then position (ids are unique in a loaded file).
fn by_name(directory: &Directory, a: usize, b: usize) -> Ordering {
    match (directory.members.get(a), directory.members.get(b)) {
        (Some(x), Some(y)) => {
            normalize(&x.name).cmp(&normalize(&y.name)).then_with(|| x.id.cmp(&y.id)).then_with(|| a.cmp(&b))
        }
        _ => a.cmp(&b),
    }
}

/// Sorts matches in the lists' order.
pub fn sort_matches(directory: &Directory, matches: &mut [Match]) {
    crate::sorting::sort_by(matches, |a, b| a.compare(b, directory));
}

/// The capability ids of `theirs` that are in `wanted`, in the vocabulary's order, once each.
fn in_common(directory: &Directory, wanted: &[&Slug], theirs: &[Slug]) -> Vec<Slug> {
    directory
        .capabilities
        .iter()
        .map(|capability| &capability.id)
        .filter(|id| wanted.contains(id) && theirs.contains(id))
        .cloned()
        .collect()
}

/// Members whose `needs` include something the visitor makes, ranked.
pub fn may_buy_from_me(directory: &Directory, profile: &CompanyProfile, today: IsoDate) -> Vec<Match> {
    let quality = match profile.member.and_then(|index| directory.members.get(index)) {
        Some(me) => quality_of(directory, me, today),
        None => Quality::Unknown,
    };
    let mut found: Vec<Match> = others(directory, profile)
        .filter_map(|(member_index, member)| {
            let capabilities = in_common(directory, &profile.makes, &member.needs);
            (!capabilities.is_empty()).then(|| Match {
                member_index,
                side: Side::MayBuyFromMe,
                capabilities,
                buyer_kind: member.kind,
                supplier_kind: profile.kind,
                quality,
                chain: chain_step(member.kind, profile.kind),
            })
        })
        .collect();
    sort_matches(directory, &mut found);
    found
}

/// Members whose `capabilities` cover something the visitor needs, ranked.
pub fn can_supply_me(directory: &Directory, profile: &CompanyProfile, today: IsoDate) -> Vec<Match> {
    let mut found: Vec<Match> = others(directory, profile)
        .filter_map(|(member_index, member)| {
            let capabilities = in_common(directory, &profile.needs, &member.capabilities);
            (!capabilities.is_empty()).then(|| Match {
                member_index,
                side: Side::CanSupplyMe,
                capabilities,
                buyer_kind: profile.kind,
                supplier_kind: member.kind,
                quality: quality_of(directory, member, today),
                chain: chain_step(profile.kind, member.kind),
            })
        })
        .collect();
    sort_matches(directory, &mut found);
    found
}

/// Every member but the visitor's own.
fn others<'a>(
    directory: &'a Directory,
    profile: &CompanyProfile,
) -> impl Iterator<Item = (usize, &'a Member)> + use<'a> {
    let me = profile.member;
    directory.members.iter().enumerate().filter(move |(index, _)| Some(*index) != me)
}
