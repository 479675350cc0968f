//! Planned investment (`investment_musd`, millions of USD — "MDD" in Mexico) by capability
//! group and by kind.
//!
//! Rules, each pinned by a test:
//! - A member without a figure is "not given": counted apart, never as zero. A figure that
//!   is negative or not finite (only code can build one; the loader refuses them) is "not
//!   given" too.
//! - "More than 15" is strictly greater: a member planning exactly 15 is not in it, and
//!   the buckets put 15 in "5–15".
//! - The share above 15 is given both over the members who gave a figure and over all
//!   members, with the counts it comes from.
//! - By group, a member counts in every group in which it offers a capability (so the
//!   groups' totals add up to more than the cluster's); by kind, in its own kind only.

use crate::capability_map::group_of_capabilities;
use crate::model::{Directory, Member, MemberKind};

/// The threshold the cluster quotes: members planning more than this (strictly).
pub const HIGH_INVESTMENT_MUSD: f64 = 15.0;

/// A range of planned investment, or none given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Bucket {
    /// Less than 1.
    Under1,
    /// From 1 to less than 5.
    From1To5,
    /// From 5 to 15, 15 included.
    From5To15,
    /// More than 15, less than 50.
    Above15To50,
    /// From 50 to less than 100.
    From50To100,
    /// 100 or more.
    From100,
    /// No figure in the file.
    NotGiven,
}

impl Bucket {
    /// Every bucket in the chart's order, with its name in a URL.
    pub const ALL: [(Bucket, &'static str); 7] = [
        (Bucket::Under1, "under-1"),
        (Bucket::From1To5, "1-5"),
        (Bucket::From5To15, "5-15"),
        (Bucket::Above15To50, "15-50"),
        (Bucket::From50To100, "50-100"),
        (Bucket::From100, "100-plus"),
        (Bucket::NotGiven, "not-given"),
    ];

    /// The bucket of a figure (`None`: not given).
    pub fn of(figure: Option<f64>) -> Bucket {
        match given(figure) {
            None => Bucket::NotGiven,
            Some(x) if x < 1.0 => Bucket::Under1,
            Some(x) if x < 5.0 => Bucket::From1To5,
            Some(x) if x <= HIGH_INVESTMENT_MUSD => Bucket::From5To15,
            Some(x) if x < 50.0 => Bucket::Above15To50,
            Some(x) if x < 100.0 => Bucket::From50To100,
            Some(_) => Bucket::From100,
        }
    }

    /// Its name in a URL.
    pub fn url_name(self) -> &'static str {
        Bucket::ALL.iter().find(|(b, _)| *b == self).map(|(_, name)| *name).unwrap_or("not-given")
    }

    /// The bucket with this URL name.
    pub fn from_url_name(name: &str) -> Option<Bucket> {
        Bucket::ALL.iter().find(|(_, n)| *n == name).map(|(b, _)| *b)
    }

    /// Its range in words ("MDD" is the unit both languages of the cluster use).
    pub fn label(self, lang: crate::Lang) -> &'static str {
        match self {
            Bucket::Under1 => "< 1 MDD",
            Bucket::From1To5 => lang.pick("1 a < 5 MDD", "1 to < 5 MDD"),
            Bucket::From5To15 => lang.pick("5 a 15 MDD", "5 to 15 MDD"),
            Bucket::Above15To50 => lang.pick("> 15 a < 50 MDD", "> 15 to < 50 MDD"),
            Bucket::From50To100 => lang.pick("50 a < 100 MDD", "50 to < 100 MDD"),
            Bucket::From100 => "≥ 100 MDD",
            Bucket::NotGiven => lang.pick("Sin dato", "Not given"),
        }
    }
}

/// A figure that counts: finite and not negative.
pub fn given(figure: Option<f64>) -> Option<f64> {
    figure.filter(|x| x.is_finite() && *x >= 0.0)
}

/// True when the member plans more than [`HIGH_INVESTMENT_MUSD`].
pub fn is_high(member: &Member) -> bool {
    given(member.investment_musd).is_some_and(|x| x > HIGH_INVESTMENT_MUSD)
}

/// The figures of a set of members.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct InvestmentStats {
    /// Members in the set.
    pub members: usize,
    /// Members who gave a figure.
    pub with_figure: usize,
    /// The sum of the figures given.
    pub total_musd: f64,
    /// Members planning more than [`HIGH_INVESTMENT_MUSD`].
    pub above_threshold: usize,
}

impl InvestmentStats {
    fn add(&mut self, member: &Member) {
        self.members += 1;
        if let Some(figure) = given(member.investment_musd) {
            self.with_figure += 1;
            self.total_musd += figure;
        }
        if is_high(member) {
            self.above_threshold += 1;
        }
    }

    /// Members without a figure.
    pub fn not_given(&self) -> usize {
        self.members - self.with_figure
    }

    /// The share above the threshold over members who gave a figure; `None` when none did.
    pub fn share_of_given(&self) -> Option<f64> {
        (self.with_figure > 0).then(|| self.above_threshold as f64 / self.with_figure as f64)
    }

    /// The share above the threshold over all members; `None` for an empty set.
    pub fn share_of_all(&self) -> Option<f64> {
        (self.members > 0).then(|| self.above_threshold as f64 / self.members as f64)
    }
}

/// The investment view of a directory.
#[derive(Clone, Debug, PartialEq)]
pub struct InvestmentView {
    /// Every member.
    pub overall: InvestmentStats,
    /// By capability group (position; `None`: capabilities without a known group), in the
    /// file's order, "other" last; groups nobody offers in are left out.
    pub by_group: Vec<(Option<usize>, InvestmentStats)>,
    /// By kind in [`MemberKind::ALL`] order, then members of no kind (`None`); empty kinds left out.
    pub by_kind: Vec<(Option<MemberKind>, InvestmentStats)>,
    /// How many members fall in each bucket, in [`Bucket::ALL`] order.
    pub buckets: Vec<(Bucket, usize)>,
}

/// The groups (positions; `None` for "other") in which `member` offers a capability, each once.
pub fn groups_of_member(directory: &Directory, group_of: &[Option<usize>], member: &Member) -> Vec<Option<usize>> {
    let mut groups: Vec<Option<usize>> = member
        .capabilities
        .iter()
        .filter_map(|id| directory.capabilities.iter().position(|c| c.id == *id))
        .map(|c| group_of[c])
        .collect();
    // `None` sorts first; "other" goes last in the view, so sort by the slot instead.
    groups.sort_unstable_by_key(|g| g.map_or(usize::MAX, |g| g));
    groups.dedup();
    groups
}

/// Computes the investment view.
pub fn investment_view(directory: &Directory) -> InvestmentView {
    let group_of = group_of_capabilities(directory);
    let n_groups = directory.capability_groups.len();
    let mut overall = InvestmentStats::default();
    let mut by_group = vec![InvestmentStats::default(); n_groups + 1];
    let mut by_kind = vec![InvestmentStats::default(); MemberKind::ALL.len() + 1];
    let mut buckets: Vec<(Bucket, usize)> = Bucket::ALL.iter().map(|(b, _)| (*b, 0)).collect();
    for member in &directory.members {
        overall.add(member);
        for group in groups_of_member(directory, &group_of, member) {
            by_group[group.unwrap_or(n_groups)].add(member);
        }
        let kind_slot = member
            .kind
            .map_or(MemberKind::ALL.len(), |k| MemberKind::ALL.iter().position(|(kind, _)| *kind == k).unwrap_or(0));
        by_kind[kind_slot].add(member);
        let bucket = Bucket::of(member.investment_musd);
        if let Some(slot) = buckets.iter_mut().find(|(b, _)| *b == bucket) {
            slot.1 += 1;
        }
    }
    let by_group = by_group
        .into_iter()
        .enumerate()
        .filter(|(_, stats)| stats.members > 0)
        .map(|(g, stats)| ((g < n_groups).then_some(g), stats))
        .collect();
    let by_kind = by_kind
        .into_iter()
        .enumerate()
        .filter(|(_, stats)| stats.members > 0)
        .map(|(k, stats)| (MemberKind::ALL.get(k).map(|(kind, _)| *kind), stats))
        .collect();
    InvestmentView { overall, by_group, by_kind, buckets }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capability_map::test_support::*;
    use crate::model::MemberKind::*;
    use proptest::prelude::*;

    #[test]
    fn fifteen_is_not_more_than_fifteen() {
        for (figure, bucket, high) in [
            (None, Bucket::NotGiven, false),
            (Some(0.0), Bucket::Under1, false),
            (Some(0.999), Bucket::Under1, false),
            (Some(1.0), Bucket::From1To5, false),
            (Some(5.0), Bucket::From5To15, false),
            (Some(15.0), Bucket::From5To15, false),
            (Some(15.000001), Bucket::Above15To50, true),
            (Some(50.0), Bucket::From50To100, true),
            (Some(100.0), Bucket::From100, true),
            (Some(f64::MAX), Bucket::From100, true),
            (Some(-1.0), Bucket::NotGiven, false),
            (Some(f64::NAN), Bucket::NotGiven, false),
            (Some(f64::INFINITY), Bucket::NotGiven, false),
        ] {
            assert_eq!(Bucket::of(figure), bucket, "{figure:?}");
            let m = member("m", None, &[], &[], figure);
            assert_eq!(is_high(&m), high, "{figure:?}");
        }
    }

    #[test]
    fn not_given_is_never_zero_and_shares_go_both_ways() {
        let directory = directory(
            &["a", "b"],
            &[("x", Some("a")), ("y", Some("b")), ("z", None)],
            vec![
                member("m1", Some(Oem), &["x", "y"], &[], Some(100.0)),
                member("m2", Some(Tier1), &["x"], &[], Some(15.0)),
                member("m3", Some(Tier1), &["z"], &[], None),
                member("m4", None, &[], &[], Some(0.0)),
            ],
        );
        let view = investment_view(&directory);
        assert_eq!(view.overall, InvestmentStats { members: 4, with_figure: 3, total_musd: 115.0, above_threshold: 1 });
        assert_eq!(view.overall.not_given(), 1);
        assert_eq!(view.overall.share_of_given(), Some(1.0 / 3.0));
        assert_eq!(view.overall.share_of_all(), Some(0.25));
        let groups: Vec<(Option<usize>, usize, f64)> =
            view.by_group.iter().map(|(g, s)| (*g, s.members, s.total_musd)).collect();
        assert_eq!(groups, [(Some(0), 2, 115.0), (Some(1), 1, 100.0), (None, 1, 0.0)]);
        let kinds: Vec<(Option<MemberKind>, usize)> = view.by_kind.iter().map(|(k, s)| (*k, s.members)).collect();
        assert_eq!(kinds, [(Some(Oem), 1), (Some(Tier1), 2), (None, 1)]);
        let counts: Vec<usize> = view.buckets.iter().map(|(_, n)| *n).collect();
        assert_eq!(counts, [1, 0, 1, 0, 0, 1, 1]);
    }

    #[test]
    fn bucket_names_round_trip() {
        for (bucket, name) in Bucket::ALL {
            assert_eq!(Bucket::from_url_name(name), Some(bucket));
            assert_eq!(bucket.url_name(), name);
        }
    }

    proptest! {
        #[test]
        fn shares_and_buckets_equal_a_naive_computation(directory in arbitrary_directory()) {
            let view = investment_view(&directory);
            let figures: Vec<Option<f64>> = directory.members.iter().map(|m| m.investment_musd).collect();
            let given_n = figures.iter().filter(|f| f.is_some()).count();
            let high = figures.iter().filter(|f| f.is_some_and(|x| x > 15.0)).count();
            prop_assert_eq!(view.overall.members, directory.members.len());
            prop_assert_eq!(view.overall.with_figure, given_n);
            prop_assert_eq!(view.overall.above_threshold, high);
            let naive_bucket = |f: Option<f64>| match f {
                None => 6,
                Some(x) => [1.0, 5.0].iter().filter(|&&edge| x >= edge).count()
                    + usize::from(x > 15.0) + usize::from(x >= 50.0) + usize::from(x >= 100.0),
            };
            for (i, (bucket, n)) in view.buckets.iter().enumerate() {
                prop_assert_eq!(*bucket, Bucket::ALL[i].0);
                prop_assert_eq!(*n, figures.iter().filter(|f| naive_bucket(**f) == i).count());
            }
            prop_assert_eq!(view.buckets[3..6].iter().map(|(_, n)| n).sum::<usize>(), high);
            for (group, stats) in &view.by_group {
                let in_group = directory.members.iter().filter(|m| m.capabilities.iter().any(|id| {
                    directory.capability(id.as_str()).is_some_and(|c| {
                        let known = c.group.as_ref().and_then(|g| directory.capability_groups.iter().position(|x| x.id == *g));
                        known == *group
                    })
                }));
                let members: Vec<&Member> = in_group.collect();
                prop_assert_eq!(stats.members, members.len());
                prop_assert_eq!(stats.above_threshold, members.iter().filter(|m| is_high(m)).count());
            }
            let by_kind_total: usize = view.by_kind.iter().map(|(_, s)| s.members).sum();
            prop_assert_eq!(by_kind_total, directory.members.len());
        }
    }
}
