//! The capability map: for every capability, who offers it (supply), who lists it in `needs`
//! (demand) and the gap between them; and the opportunities a cluster's board looks for.
//!
//! Rules, each pinned by a test:
//! - Groups come in the file's order, then one "other" group for capabilities without a
//!   known group; capabilities keep the vocabulary's order inside their group.
//! - Supply and demand count *members*: a member listing a capability twice counts once.
//! - The gap is `demand - supply`, floored at 0: demand that the cluster's own members
//!   cannot cover one to one.
//! - A group's supply (demand) counts the members that offer (need) at least one of its
//!   capabilities, each once.
//! - An opportunity is a capability that at least one OEM or Tier 1 needs and that at most
//!   [`OPPORTUNITY_MAX_SUPPLIERS`] members offer; the closest members are those that offer
//!   other capabilities of the same group (not this one, and not needing it), ranked by how
//!   many of the group's capabilities they offer, then by the file's order.

use std::collections::HashMap;

use crate::follow_up::export::csv::{push_row, BOM};
use crate::model::{Directory, MemberKind};
use crate::Lang;

/// At most this many local suppliers make a needed capability an opportunity.
pub const OPPORTUNITY_MAX_SUPPLIERS: usize = 1;

/// One capability's row of the map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CapabilityRow {
    /// Its position in `directory.capabilities`.
    pub capability: usize,
    /// Members that offer it.
    pub supply: usize,
    /// Members that list it in `needs`.
    pub demand: usize,
}

impl CapabilityRow {
    /// Demand without a supplier to match it: `demand - supply`, never below 0.
    pub fn gap(&self) -> usize {
        self.demand.saturating_sub(self.supply)
    }
}

/// One group of the map with its capabilities.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupRow {
    /// Its position in `directory.capability_groups`; `None` for the "other" group.
    pub group: Option<usize>,
    /// Members offering at least one of its capabilities.
    pub supply: usize,
    /// Members needing at least one of its capabilities.
    pub demand: usize,
    /// Its capabilities, in vocabulary order.
    pub capabilities: Vec<CapabilityRow>,
}

/// The whole map: every group that has capabilities.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CapabilityMap {
    /// The groups in the file's order, the "other" group last.
    pub groups: Vec<GroupRow>,
}

/// The position of each capability's group (`None`: no known group), by capability position.
pub fn group_of_capabilities(directory: &Directory) -> Vec<Option<usize>> {
    let group_position: HashMap<&str, usize> =
        directory.capability_groups.iter().enumerate().map(|(i, group)| (group.id.as_str(), i)).collect();
    directory
        .capabilities
        .iter()
        .map(|capability| capability.group.as_ref().and_then(|group| group_position.get(group.as_str()).copied()))
        .collect()
}

/// The positions of the capabilities in `ids`, each once, unknown ids skipped.
fn positions<'a>(ids: impl IntoIterator<Item = &'a str>, capability_position: &HashMap<&str, usize>) -> Vec<usize> {
    let mut found: Vec<usize> = ids.into_iter().filter_map(|id| capability_position.get(id).copied()).collect();
    found.sort_unstable();
    found.dedup();
    found
}

fn capability_positions(directory: &Directory) -> HashMap<&str, usize> {
    directory.capabilities.iter().enumerate().map(|(i, capability)| (capability.id.as_str(), i)).collect()
}

/// Computes the map of `directory`.
pub fn capability_map(directory: &Directory) -> CapabilityMap {
    let capability_position = capability_positions(directory);
    let group_of = group_of_capabilities(directory);
    let n_groups = directory.capability_groups.len();
    let slot = |group: Option<usize>| group.unwrap_or(n_groups);
    let mut supply = vec![0usize; directory.capabilities.len()];
    let mut demand = vec![0usize; directory.capabilities.len()];
    let mut group_supply = vec![0usize; n_groups + 1];
    let mut group_demand = vec![0usize; n_groups + 1];
    for member in &directory.members {
        for (ids, per_capability, per_group) in
            [(&member.capabilities, &mut supply, &mut group_supply), (&member.needs, &mut demand, &mut group_demand)]
        {
            let found = positions(ids.iter().map(|id| id.as_str()), &capability_position);
            let mut groups: Vec<usize> = found.iter().map(|&c| slot(group_of[c])).collect();
            groups.sort_unstable();
            groups.dedup();
            for c in found {
                per_capability[c] += 1;
            }
            for g in groups {
                per_group[g] += 1;
            }
        }
    }
    let mut rows: Vec<Vec<CapabilityRow>> = vec![Vec::new(); n_groups + 1];
    for (capability, group) in group_of.iter().enumerate() {
        rows[slot(*group)].push(CapabilityRow { capability, supply: supply[capability], demand: demand[capability] });
    }
    let groups = rows
        .into_iter()
        .enumerate()
        .filter(|(_, capabilities)| !capabilities.is_empty())
        .map(|(g, capabilities)| GroupRow {
            group: (g < n_groups).then_some(g),
            supply: group_supply[g],
            demand: group_demand[g],
            capabilities,
        })
        .collect();
    CapabilityMap { groups }
}

/// A capability that OEMs or Tier 1s need and that few or no members offer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opportunity {
    /// Its position in `directory.capabilities`.
    pub capability: usize,
    /// Its group's position; `None` when it has no known group.
    pub group: Option<usize>,
    /// The OEMs and Tier 1s that need it, by position in `members`, in file order.
    pub needed_by: Vec<usize>,
    /// The members that offer it (at most [`OPPORTUNITY_MAX_SUPPLIERS`]), in file order.
    pub suppliers: Vec<usize>,
    /// Members offering other capabilities of its group, with how many of the group's
    /// capabilities they offer: most first, then file order.
    pub closest: Vec<(usize, usize)>,
}

/// True for the kinds whose needs make an opportunity: OEMs and Tier 1s.
pub fn is_buyer_kind(kind: Option<MemberKind>) -> bool {
    matches!(kind, Some(MemberKind::Oem | MemberKind::Tier1))
}

/// The opportunities: fewest suppliers first, then most OEM/Tier 1 buyers, then vocabulary order.
pub fn opportunities(directory: &Directory) -> Vec<Opportunity> {
    let capability_position = capability_positions(directory);
    let group_of = group_of_capabilities(directory);
    let offered: Vec<Vec<usize>> = directory
        .members
        .iter()
        .map(|member| positions(member.capabilities.iter().map(|id| id.as_str()), &capability_position))
        .collect();
    let needed: Vec<Vec<usize>> = directory
        .members
        .iter()
        .map(|member| positions(member.needs.iter().map(|id| id.as_str()), &capability_position))
        .collect();
    let mut found = Vec::new();
    for (capability, group) in group_of.iter().enumerate() {
        let suppliers: Vec<usize> =
            (0..directory.members.len()).filter(|&m| offered[m].contains(&capability)).collect();
        if suppliers.len() > OPPORTUNITY_MAX_SUPPLIERS {
            continue;
        }
        let needed_by: Vec<usize> = (0..directory.members.len())
            .filter(|&m| is_buyer_kind(directory.members[m].kind) && needed[m].contains(&capability))
            .collect();
        if needed_by.is_empty() {
            continue;
        }
        let mut closest: Vec<(usize, usize)> = match group {
            None => Vec::new(),
            Some(group) => (0..directory.members.len())
                .filter(|&m| !offered[m].contains(&capability) && !needed[m].contains(&capability))
                .map(|m| (m, offered[m].iter().filter(|&&c| group_of[c] == Some(*group)).count()))
                .filter(|&(_, in_group)| in_group > 0)
                .collect(),
        };
        crate::sorting::sort_by_key(&mut closest, |&(m, in_group)| (std::cmp::Reverse(in_group), m));
        found.push(Opportunity { capability, group: *group, needed_by, suppliers, closest });
    }
    crate::sorting::sort_by_key(&mut found, |o| {
        (o.suppliers.len(), std::cmp::Reverse(o.needed_by.len()), o.capability)
    });
    found
}

/// A group's name in `lang`, or "Otras"/"Other" for the group of capabilities without one.
pub fn group_label(directory: &Directory, group: Option<usize>, lang: Lang) -> String {
    match group.and_then(|g| directory.capability_groups.get(g)) {
        Some(group) => group.label.resolve(lang.tag(), directory.fallback_language()).to_owned(),
        None => lang.pick("Otras", "Other").to_owned(),
    }
}

/// A capability's name in `lang`.
pub fn capability_label(directory: &Directory, capability: usize, lang: Lang) -> String {
    directory
        .capabilities
        .get(capability)
        .map(|c| c.label.resolve(lang.tag(), directory.fallback_language()).to_owned())
        .unwrap_or_default()
}

/// The map as a CSV table: BOM, header, one row per capability (group, capability, id,
/// supply, demand, gap).
pub fn map_csv(directory: &Directory, map: &CapabilityMap, lang: Lang) -> String {
    let mut out = String::new();
    out.push(BOM);
    let header = lang.pick(
        [
            "Grupo",
            "Capacidad",
            "Id",
            "Oferta (miembros que la ofrecen)",
            "Demanda (miembros que la necesitan)",
            "Brecha (demanda − oferta, mínimo 0)",
        ],
        [
            "Group",
            "Capability",
            "Id",
            "Supply (members offering it)",
            "Demand (members needing it)",
            "Gap (demand − supply, at least 0)",
        ],
    );
    push_row(&mut out, header.iter().map(|cell| cell.to_string()));
    for group in &map.groups {
        let group_name = group_label(directory, group.group, lang);
        for row in &group.capabilities {
            let cells = [
                group_name.clone(),
                capability_label(directory, row.capability, lang),
                directory.capabilities[row.capability].id.to_string(),
                row.supply.to_string(),
                row.demand.to_string(),
                row.gap().to_string(),
            ];
            push_row(&mut out, cells.into_iter());
        }
    }
    out
}

/// The opportunities as a CSV table: capability, group, who needs it, its supplier, the closest.
pub fn opportunities_csv(directory: &Directory, found: &[Opportunity], lang: Lang) -> String {
    let mut out = String::new();
    out.push(BOM);
    let header = lang.pick(
        ["Capacidad", "Grupo", "La necesitan", "Proveedor local", "Los más cercanos"],
        ["Capability", "Group", "Needed by", "Local supplier", "Closest"],
    );
    push_row(&mut out, header.iter().map(|cell| cell.to_string()));
    let names = |members: &mut dyn Iterator<Item = usize>| {
        members.map(|m| directory.members[m].name.clone()).collect::<Vec<_>>().join("; ")
    };
    for opportunity in found {
        let suppliers = names(&mut opportunity.suppliers.iter().copied());
        let cells = [
            capability_label(directory, opportunity.capability, lang),
            group_label(directory, opportunity.group, lang),
            names(&mut opportunity.needed_by.iter().copied()),
            if suppliers.is_empty() { lang.pick("ninguno", "none").to_owned() } else { suppliers },
            names(&mut opportunity.closest.iter().map(|&(m, _)| m)),
        ];
        push_row(&mut out, cells.into_iter());
    }
    out
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Small directories built in code, and a strategy for arbitrary ones.
    use crate::model::{Capability, CapabilityGroup, Directory, Member, MemberKind};
    use crate::text::Text;
    use crate::valid::Slug;
    use proptest::prelude::*;

    /// A slug that is valid by construction.
    pub fn slug(id: &str) -> Slug {
        Slug::parse(id).unwrap_or_else(|| panic!("test slug {id}"))
    }

    /// A directory with `groups`, `capabilities` as (id, group) and `members`.
    pub fn directory(groups: &[&str], capabilities: &[(&str, Option<&str>)], members: Vec<Member>) -> Directory {
        let mut directory = Directory::empty();
        directory.capability_groups =
            groups.iter().map(|g| CapabilityGroup { id: slug(g), label: Text::Plain(format!("G {g}")) }).collect();
        directory.capabilities = capabilities
            .iter()
            .map(|(id, group)| Capability {
                id: slug(id),
                group: group.map(slug),
                label: Text::Plain(format!("C {id}")),
                aliases: Default::default(),
            })
            .collect();
        directory.members = members;
        directory
    }

    /// A member offering `offers` and needing `needs`.
    pub fn member(
        id: &str,
        kind: Option<MemberKind>,
        offers: &[&str],
        needs: &[&str],
        investment: Option<f64>,
    ) -> Member {
        let mut member = Member::new(slug(id), format!("M {id}"));
        member.kind = kind;
        member.capabilities = offers.iter().map(|c| slug(c)).collect();
        member.needs = needs.iter().map(|c| slug(c)).collect();
        member.investment_musd = investment;
        member
    }

    fn figure() -> impl Strategy<Value = Option<f64>> {
        prop_oneof![
            Just(None),
            Just(Some(0.0)),
            Just(Some(15.0)),
            Just(Some(1.0)),
            Just(Some(100.0)),
            Just(Some(f64::MAX)),
            Just(Some(1e300)),
            (0.0f64..1000.0).prop_map(Some),
        ]
    }

    /// Arbitrary directories: a few groups, capabilities (some without a group, some in a
    /// group the file does not define), members with any kind, offers and needs (including
    /// repeats and unknown ids) and odd investment figures.
    pub fn arbitrary_directory() -> impl Strategy<Value = Directory> {
        let capability = (0usize..4).prop_map(|g| if g == 3 { None } else { Some(g) });
        let kind = prop_oneof![Just(None), (0usize..6).prop_map(|k| Some(MemberKind::ALL[k].0))];
        let member_strategy =
            (kind, prop::collection::vec(0usize..9, 0..5), prop::collection::vec(0usize..9, 0..5), figure());
        (prop::collection::vec(capability, 0..8), prop::collection::vec(member_strategy, 0..14)).prop_map(
            |(caps, members)| {
                let group_names = ["g0", "g1", "gx"];
                let cap_ids: Vec<String> = (0..caps.len()).map(|i| format!("c{i}")).collect();
                let caps: Vec<(&str, Option<&str>)> =
                    caps.iter().enumerate().map(|(i, g)| (cap_ids[i].as_str(), g.map(|g| group_names[g]))).collect();
                // c7 and c8 may be unknown ids: the loader drops them, code-built directories may not.
                let members = members
                    .into_iter()
                    .enumerate()
                    .map(|(i, (kind, offers, needs, investment))| {
                        let offers: Vec<String> = offers.iter().map(|c| format!("c{c}")).collect();
                        let needs: Vec<String> = needs.iter().map(|c| format!("c{c}")).collect();
                        let offers: Vec<&str> = offers.iter().map(String::as_str).collect();
                        let needs: Vec<&str> = needs.iter().map(String::as_str).collect();
                        member(&format!("m{i}"), kind, &offers, &needs, investment)
                    })
                    .collect();
                // "gx" is referenced by capabilities but not defined: such capabilities are "other".
                directory(&group_names[..2], &caps, members)
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::*;
    use super::*;
    use crate::model::MemberKind::*;
    use proptest::prelude::*;

    fn sample() -> Directory {
        directory(
            &["forming", "paint"],
            &[("stamping", Some("forming")), ("bending", Some("forming")), ("e-coat", Some("paint")), ("lab", None)],
            vec![
                member("oem", Some(Oem), &["e-coat"], &["stamping", "lab", "stamping"], Some(200.0)),
                member("t1", Some(Tier1), &["bending"], &["stamping", "e-coat"], Some(15.0)),
                member("t2", Some(Tier2), &["bending", "bending"], &["lab"], None),
                member("t3", Some(Tier3), &["stamping"], &[], Some(0.0)),
            ],
        )
    }

    #[test]
    fn groups_in_file_order_then_other_with_supply_demand_and_gap() {
        let directory = sample();
        let map = capability_map(&directory);
        type Rows = Vec<(Option<usize>, Vec<(usize, usize, usize, usize)>)>;
        let rows: Rows = map
            .groups
            .iter()
            .map(|g| (g.group, g.capabilities.iter().map(|r| (r.capability, r.supply, r.demand, r.gap())).collect()))
            .collect();
        assert_eq!(
            rows,
            [(Some(0), vec![(0, 1, 2, 1), (1, 2, 0, 0)]), (Some(1), vec![(2, 1, 1, 0)]), (None, vec![(3, 0, 2, 2)]),]
        );
        assert_eq!((map.groups[0].supply, map.groups[0].demand), (3, 2));
    }

    #[test]
    fn opportunities_name_buyers_supplier_and_closest() {
        let directory = sample();
        let found = opportunities(&directory);
        // lab: no supplier, needed by the OEM (t2 is a Tier 2: not a buyer here).
        // stamping: one supplier (t3), needed by the OEM and the Tier 1; closest is t2
        // (offers bending), not t1, which needs stamping itself.
        // e-coat: one supplier, needed by t1.
        type Summary = Vec<(usize, Vec<usize>, Vec<usize>, Vec<(usize, usize)>)>;
        let summary: Summary =
            found.iter().map(|o| (o.capability, o.needed_by.clone(), o.suppliers.clone(), o.closest.clone())).collect();
        assert_eq!(
            summary,
            [(3, vec![0], vec![], vec![]), (0, vec![0, 1], vec![3], vec![(2, 1)]), (2, vec![1], vec![0], vec![])]
        );
    }

    #[test]
    fn csv_neutralises_and_quotes_hostile_labels() {
        let mut directory = sample();
        directory.capabilities[0].label = crate::text::Text::Plain("=HYPERLINK(\"x\"), a".into());
        let csv = map_csv(&directory, &capability_map(&directory), Lang::En);
        assert!(csv.starts_with(BOM));
        assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\"), a\",stamping,1,2,1\r\n"), "{csv}");
        assert_eq!(csv.lines().count(), 1 + directory.capabilities.len());
        let csv = opportunities_csv(&directory, &opportunities(&directory), Lang::Es);
        assert!(csv.contains("ninguno"), "{csv}");
    }

    /// The obvious way: for each capability, scan every member.
    fn naive_counts(directory: &Directory, capability: &str) -> (usize, usize) {
        let supply =
            directory.members.iter().filter(|m| m.capabilities.iter().any(|c| c.as_str() == capability)).count();
        let demand = directory.members.iter().filter(|m| m.needs.iter().any(|c| c.as_str() == capability)).count();
        (supply, demand)
    }

    proptest! {
        #[test]
        fn supply_and_demand_equal_a_naive_count(directory in arbitrary_directory()) {
            let map = capability_map(&directory);
            let mut seen = Vec::new();
            for group in &map.groups {
                for row in &group.capabilities {
                    let id = directory.capabilities[row.capability].id.as_str();
                    prop_assert_eq!((row.supply, row.demand), naive_counts(&directory, id));
                    prop_assert_eq!(row.gap(), row.demand.saturating_sub(row.supply));
                    seen.push(row.capability);
                }
                let in_group = |ids: &[crate::valid::Slug]| ids.iter().any(|id| {
                    group.capabilities.iter().any(|row| directory.capabilities[row.capability].id == *id)
                });
                prop_assert_eq!(group.supply, directory.members.iter().filter(|m| in_group(&m.capabilities)).count());
                prop_assert_eq!(group.demand, directory.members.iter().filter(|m| in_group(&m.needs)).count());
            }
            seen.sort_unstable();
            prop_assert_eq!(seen, (0..directory.capabilities.len()).collect::<Vec<_>>(), "every capability once");
        }

        #[test]
        fn every_opportunity_holds_in_the_data(directory in arbitrary_directory()) {
            let found = opportunities(&directory);
            for o in &found {
                let id = &directory.capabilities[o.capability].id;
                let (supply, _) = naive_counts(&directory, id.as_str());
                prop_assert!(supply <= OPPORTUNITY_MAX_SUPPLIERS);
                prop_assert_eq!(o.suppliers.len(), supply);
                for &m in &o.suppliers {
                    prop_assert!(directory.members[m].capabilities.contains(id));
                }
                let buyers: Vec<usize> = directory.members.iter().enumerate()
                    .filter(|(_, m)| matches!(m.kind, Some(Oem | Tier1)) && m.needs.contains(id))
                    .map(|(i, _)| i).collect();
                prop_assert!(!buyers.is_empty());
                prop_assert_eq!(&o.needed_by, &buyers);
                let group = directory.capabilities[o.capability].group.clone();
                for pair in o.closest.windows(2) {
                    prop_assert!(pair[0].1 > pair[1].1 || (pair[0].1 == pair[1].1 && pair[0].0 < pair[1].0));
                }
                for &(m, in_group) in &o.closest {
                    let member = &directory.members[m];
                    prop_assert!(!member.capabilities.contains(id) && !member.needs.contains(id));
                    let mut offered: Vec<&str> = member.capabilities.iter().map(|c| c.as_str()).collect();
                    offered.sort_unstable();
                    offered.dedup();
                    let naive = offered.iter().filter(|c| directory.capability(c).is_some_and(|c| {
                        c.group.is_some() && c.group == group && directory.capability_group(c.group.as_ref().map(|g| g.as_str()).unwrap_or("")).is_some()
                    })).count();
                    prop_assert_eq!(in_group, naive);
                    prop_assert!(in_group > 0);
                }
            }
            // And no capability that qualifies is missing.
            let qualifying = directory.capabilities.iter().filter(|c| {
                let (supply, _) = naive_counts(&directory, c.id.as_str());
                supply <= OPPORTUNITY_MAX_SUPPLIERS
                    && directory.members.iter().any(|m| matches!(m.kind, Some(Oem | Tier1)) && m.needs.contains(&c.id))
            }).count();
            prop_assert_eq!(found.len(), qualifying);
        }
    }
}
