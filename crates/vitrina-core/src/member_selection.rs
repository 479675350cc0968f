//! The members behind a number of the investment view: `#/cluster/members?<selection>`.
//!
//! A selection is a conjunction of optional filters — investment (a bucket, "above 15",
//! "given"), kind (or "no kind") and capability group (or "other") — written as
//! `investment=…&kind=…&group=…` in that order. Unknown keys and values are skipped, so a
//! link from an older or newer app still opens; the capability map links to the list's own
//! facets instead (`#/?cap=<id>`, `#/?need=<id>`).

use crate::capability_map::group_of_capabilities;
use crate::investment::{given, groups_of_member, is_high, Bucket};
use crate::model::{Directory, Member, MemberKind};
use crate::valid::Slug;

/// The value of `group` for capabilities without a known group: not a slug, so a group
/// whose id is "other" keeps its own link.
pub const OTHER_GROUP: &str = "~other";

/// Which investment figures a selection keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InvestmentFilter {
    /// Members in one bucket (including "not given").
    Bucket(Bucket),
    /// Members planning more than 15 MDD.
    Above15,
    /// Members who gave a figure.
    Given,
}

/// Which kind a selection keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KindFilter {
    /// Members of this kind.
    Kind(MemberKind),
    /// Members whose kind the file does not say.
    NotGiven,
}

/// Which capability group a selection keeps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GroupFilter {
    /// Members offering a capability of this group.
    Group(Slug),
    /// Members offering a capability without a known group.
    Other,
}

/// The members behind a number, as filters that must all hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MemberSelection {
    /// By investment.
    pub investment: Option<InvestmentFilter>,
    /// By kind.
    pub kind: Option<KindFilter>,
    /// By capability group.
    pub group: Option<GroupFilter>,
}

impl MemberSelection {
    /// Reads a selection from a URL query (without the `?`).
    pub fn parse(query: &str) -> MemberSelection {
        let mut selection = MemberSelection::default();
        for pair in query.split('&') {
            let Some((key, value)) = pair.split_once('=') else { continue };
            match key {
                "investment" => {
                    let filter = match value {
                        "above-15" => Some(InvestmentFilter::Above15),
                        "given" => Some(InvestmentFilter::Given),
                        other => Bucket::from_url_name(other).map(InvestmentFilter::Bucket),
                    };
                    selection.investment = filter.or(selection.investment);
                }
                "kind" => {
                    let filter = if value == "none" {
                        Some(KindFilter::NotGiven)
                    } else {
                        MemberKind::from_name(value).map(KindFilter::Kind)
                    };
                    selection.kind = filter.or(selection.kind);
                }
                "group" => {
                    let filter = if value == OTHER_GROUP {
                        Some(GroupFilter::Other)
                    } else {
                        Slug::parse(value).map(GroupFilter::Group)
                    };
                    selection.group = filter.or(selection.group.take());
                }
                _ => {}
            }
        }
        selection
    }

    /// Writes the selection as a URL query (without the `?`).
    pub fn to_query(&self) -> String {
        let mut pairs = Vec::new();
        if let Some(investment) = self.investment {
            let value = match investment {
                InvestmentFilter::Bucket(bucket) => bucket.url_name(),
                InvestmentFilter::Above15 => "above-15",
                InvestmentFilter::Given => "given",
            };
            pairs.push(format!("investment={value}"));
        }
        if let Some(kind) = self.kind {
            let value = match kind {
                KindFilter::Kind(kind) => {
                    MemberKind::ALL.iter().find(|(k, _)| *k == kind).map(|(_, name)| *name).unwrap_or("none")
                }
                KindFilter::NotGiven => "none",
            };
            pairs.push(format!("kind={value}"));
        }
        if let Some(group) = &self.group {
            let value = match group {
                GroupFilter::Group(slug) => slug.as_str(),
                GroupFilter::Other => OTHER_GROUP,
            };
            pairs.push(format!("group={value}"));
        }
        pairs.join("&")
    }

    /// The link to the members it selects.
    pub fn to_fragment(&self) -> String {
        crate::Route::ClusterMembers { selection: self.to_query() }.to_fragment()
    }

    /// True when `member` is selected.
    pub fn selects(&self, directory: &Directory, group_of: &[Option<usize>], member: &Member) -> bool {
        let investment_ok = match self.investment {
            None => true,
            Some(InvestmentFilter::Bucket(bucket)) => Bucket::of(member.investment_musd) == bucket,
            Some(InvestmentFilter::Above15) => is_high(member),
            Some(InvestmentFilter::Given) => given(member.investment_musd).is_some(),
        };
        let kind_ok = match self.kind {
            None => true,
            Some(KindFilter::Kind(kind)) => member.kind == Some(kind),
            Some(KindFilter::NotGiven) => member.kind.is_none(),
        };
        let group_ok = match &self.group {
            None => true,
            Some(filter) => {
                let wanted = match filter {
                    GroupFilter::Group(slug) => match directory.capability_groups.iter().position(|g| g.id == *slug) {
                        Some(position) => Some(position),
                        None => return false,
                    },
                    GroupFilter::Other => None,
                };
                groups_of_member(directory, group_of, member).contains(&wanted)
            }
        };
        investment_ok && kind_ok && group_ok
    }

    /// The positions of the members it selects, in file order.
    pub fn members(&self, directory: &Directory) -> Vec<usize> {
        let group_of = group_of_capabilities(directory);
        directory
            .members
            .iter()
            .enumerate()
            .filter(|(_, member)| self.selects(directory, &group_of, member))
            .map(|(i, _)| i)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capability_map::test_support::*;
    use crate::investment::investment_view;
    use crate::model::MemberKind::*;
    use proptest::prelude::*;

    fn arbitrary_selection() -> impl Strategy<Value = MemberSelection> {
        let investment = prop_oneof![
            Just(None),
            Just(Some(InvestmentFilter::Above15)),
            Just(Some(InvestmentFilter::Given)),
            (0usize..7).prop_map(|b| Some(InvestmentFilter::Bucket(Bucket::ALL[b].0))),
        ];
        let kind = prop_oneof![
            Just(None),
            Just(Some(KindFilter::NotGiven)),
            (0usize..6).prop_map(|k| Some(KindFilter::Kind(MemberKind::ALL[k].0))),
        ];
        let group = prop_oneof![
            Just(None),
            Just(Some(GroupFilter::Other)),
            "[a-z0-9]{1,8}".prop_map(|s| Slug::parse(&s).map(GroupFilter::Group)),
        ];
        (investment, kind, group).prop_map(|(investment, kind, group)| MemberSelection { investment, kind, group })
    }

    #[test]
    fn reads_a_link_and_skips_what_it_does_not_know() {
        let selection = MemberSelection::parse("investment=15-50&kind=tier1&group=forming&colour=red&kind=robot");
        assert_eq!(
            selection,
            MemberSelection {
                investment: Some(InvestmentFilter::Bucket(Bucket::Above15To50)),
                kind: Some(KindFilter::Kind(Tier1)),
                group: Some(GroupFilter::Group(slug("forming"))),
            }
        );
        assert_eq!(selection.to_fragment(), "#/cluster/members?investment=15-50&kind=tier1&group=forming");
        assert_eq!(MemberSelection::parse(""), MemberSelection::default());
    }

    #[test]
    fn selects_by_every_filter_together() {
        let directory = directory(
            &["a"],
            &[("x", Some("a")), ("y", None)],
            vec![
                member("m0", Some(Oem), &["x"], &[], Some(20.0)),
                member("m1", Some(Oem), &["y"], &[], None),
                member("m2", None, &["x"], &[], Some(15.0)),
            ],
        );
        let of = |query: &str| MemberSelection::parse(query).members(&directory);
        assert_eq!(of("investment=not-given"), [1]);
        assert_eq!(of("investment=above-15"), [0]);
        assert_eq!(of("investment=5-15"), [2]);
        assert_eq!(of("investment=given&group=a"), [0, 2]);
        assert_eq!(of("kind=oem&group=~other"), [1]);
        assert_eq!(of("group=other"), Vec::<usize>::new(), "a group may be called other");
        assert_eq!(of("kind=none"), [2]);
        assert_eq!(of("group=nope"), Vec::<usize>::new());
        assert_eq!(of(""), [0, 1, 2]);
    }

    proptest! {
        #[test]
        fn every_selection_round_trips_through_its_query(selection in arbitrary_selection()) {
            let query = selection.to_query();
            prop_assert_eq!(MemberSelection::parse(&query), selection);
            prop_assert_eq!(MemberSelection::parse(&query).to_query(), query);
        }

        #[test]
        fn any_query_parses(query in "\\PC{0,80}") {
            let _ = MemberSelection::parse(&query);
        }

        #[test]
        fn a_bucket_selects_as_many_members_as_the_view_counts(directory in arbitrary_directory()) {
            let view = investment_view(&directory);
            for (bucket, count) in &view.buckets {
                let selection = MemberSelection { investment: Some(InvestmentFilter::Bucket(*bucket)), ..Default::default() };
                prop_assert_eq!(selection.members(&directory).len(), *count);
            }
            let above = MemberSelection { investment: Some(InvestmentFilter::Above15), ..Default::default() };
            prop_assert_eq!(above.members(&directory).len(), view.overall.above_threshold);
            for (group, stats) in &view.by_group {
                let group = match group {
                    Some(g) => GroupFilter::Group(directory.capability_groups[*g].id.clone()),
                    None => GroupFilter::Other,
                };
                let selection = MemberSelection { group: Some(group), ..Default::default() };
                prop_assert_eq!(selection.members(&directory).len(), stats.members);
            }
            for (kind, stats) in &view.by_kind {
                let kind = kind.map_or(KindFilter::NotGiven, KindFilter::Kind);
                let selection = MemberSelection { kind: Some(kind), ..Default::default() };
                prop_assert_eq!(selection.members(&directory).len(), stats.members);
            }
        }
    }
}
