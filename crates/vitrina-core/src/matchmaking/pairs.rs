//! Every need beside the members that offer it: the list a cluster's staff work through to
//! broker introductions, and its CSV.

use super::has_valid_iatf_16949;
use super::words::capability_label;
use crate::follow_up::export::csv::{push_row, BOM};
use crate::format::member_kind;
use crate::lang::Lang;
use crate::model::{Capability, Directory, Member};
use crate::search::normalize;
use crate::valid::IsoDate;

/// One capability some member needs and another offers: every buyer pairs with every
/// supplier but itself.
#[derive(Clone, Debug, PartialEq)]
pub struct NeedPairs<'a> {
    /// The capability needed.
    pub capability: &'a Capability,
    /// Members that need it, by position, in name order.
    pub buyers: Vec<usize>,
    /// Members that offer it, by position: those with a valid IATF 16949 first, then by name.
    pub suppliers: Vec<usize>,
}

impl NeedPairs<'_> {
    /// The (buyer, supplier) pairs, a member never paired with itself.
    pub fn pairs(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.buyers
            .iter()
            .flat_map(|&buyer| self.suppliers.iter().filter(move |&&s| s != buyer).map(move |&s| (buyer, s)))
    }
}

fn name_key(member: &Member) -> (String, &str) {
    (normalize(&member.name), member.id.as_str())
}

/// Every capability with at least one pair, grouped by capability group (the file's order of
/// groups, ungrouped last), capabilities in the file's order within a group.
pub fn staff_pairs(directory: &Directory, today: IsoDate) -> Vec<NeedPairs<'_>> {
    let grouped = directory.group_by_capability_group(directory.capabilities.iter(), |c| c.id.as_str());
    let mut out = Vec::new();
    for capability in grouped.into_iter().flat_map(|(_, capabilities)| capabilities) {
        let mut buyers: Vec<usize> = positions(directory, |member| member.needs.contains(&capability.id));
        let mut suppliers: Vec<usize> = positions(directory, |member| member.capabilities.contains(&capability.id));
        crate::sorting::sort_by_key(&mut buyers, |&i| name_key(&directory.members[i]));
        crate::sorting::sort_by_key(&mut suppliers, |&i| {
            let member = &directory.members[i];
            (!has_valid_iatf_16949(directory, member, today), name_key(member))
        });
        let found = NeedPairs { capability, buyers, suppliers };
        if found.pairs().next().is_some() {
            out.push(found);
        }
    }
    out
}

fn positions(directory: &Directory, keep: impl Fn(&Member) -> bool) -> Vec<usize> {
    directory.members.iter().enumerate().filter(|(_, member)| keep(member)).map(|(i, _)| i).collect()
}

/// The header row of [`pairs_csv`] in `lang`.
pub fn pairs_header(lang: Lang) -> [&'static str; 10] {
    [
        lang.pick("Grupo", "Group"),
        lang.pick("Necesidad", "Need"),
        lang.pick("Id de la capacidad", "Capability id"),
        lang.pick("Id del comprador", "Buyer id"),
        lang.pick("Comprador", "Buyer"),
        lang.pick("Tipo del comprador", "Buyer kind"),
        lang.pick("Id del proveedor", "Supplier id"),
        lang.pick("Proveedor", "Supplier"),
        lang.pick("Tipo del proveedor", "Supplier kind"),
        lang.pick("IATF 16949 vigente", "Valid IATF 16949"),
    ]
}

/// Every pair as a CSV file (the follow-up CSV's rules: BOM, CRLF, quoting, formula
/// neutralisation), one row per pair, in [`staff_pairs`] order.
pub fn pairs_csv(directory: &Directory, lang: Lang, today: IsoDate) -> String {
    let mut out = String::new();
    out.push(BOM);
    push_row(&mut out, pairs_header(lang).iter().map(|cell| cell.to_string()));
    let fallback = directory.fallback_language();
    let kind = |member: &Member| member.kind.map(|kind| member_kind(kind, lang).to_owned()).unwrap_or_default();
    for need in staff_pairs(directory, today) {
        let group = need
            .capability
            .group
            .as_ref()
            .and_then(|id| directory.capability_group(id.as_str()))
            .map(|group| group.label.resolve(lang.tag(), fallback).to_owned())
            .unwrap_or_default();
        let label = capability_label(directory, need.capability.id.as_str(), lang).to_owned();
        for (buyer, supplier) in need.pairs() {
            let (b, s) = (&directory.members[buyer], &directory.members[supplier]);
            let iatf = has_valid_iatf_16949(directory, s, today);
            push_row(
                &mut out,
                [
                    group.clone(),
                    label.clone(),
                    need.capability.id.to_string(),
                    b.id.to_string(),
                    b.name.clone(),
                    kind(b),
                    s.id.to_string(),
                    s.name.clone(),
                    kind(s),
                    if iatf { lang.pick("sí", "yes") } else { "no" }.to_owned(),
                ]
                .into_iter(),
            );
        }
    }
    out
}
