//! Merging two versions of a follow-up list (two tabs, a backup, a handoff) without losing edits.
//!
//! The rule, per entry id: the version with the newer `updated_at` wins; a
//! deletion (tombstone) wins over every version edited at or before it, and
//! loses to one edited after it (undo, re-adding). Equal timestamps are broken
//! by comparing the entries' stored form, so the result never depends on which
//! side is "local": `merge(a, b)` and `merge(b, a)` are equal, and merging again
//! with either side changes nothing.

use std::cmp::Ordering;

use super::entry::{Entry, EntryId, Millis};
use super::list::{entry_order, FollowUpList, Tombstone};

/// Counts of what merging an incoming list changed in the local one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeCounts {
    /// Entries new to the local list.
    pub added: usize,
    /// Local entries replaced by a newer edit.
    pub updated: usize,
    /// Incoming entries that were the same, older than the local edit, or deleted here later.
    pub unchanged: usize,
    /// Local entries removed by a newer deletion in the incoming list.
    pub removed: usize,
}

/// Merges two versions of the same list, as two tabs on one device have them.
///
/// Entries and deletions merge as described in the module; the visitor's company is the one
/// said or removed last; the backup
/// bookkeeping comes from the side with the more recent backup (the change
/// count is then the larger of the two, an estimate that errs towards nudging).
pub fn merge(local: &FollowUpList, incoming: &FollowUpList) -> FollowUpList {
    let (entries, tombstones, _) = merge_parts(local, &incoming.entries, &incoming.tombstones);
    let (last_backup, changes_since_backup, unbacked_since) = match local.last_backup.cmp(&incoming.last_backup) {
        Ordering::Greater => (local.last_backup, local.changes_since_backup, local.unbacked_since),
        Ordering::Less => (incoming.last_backup, incoming.changes_since_backup, incoming.unbacked_since),
        Ordering::Equal => (
            local.last_backup,
            local.changes_since_backup.max(incoming.changes_since_backup),
            min_some(local.unbacked_since, incoming.unbacked_since),
        ),
    };
    let company_side = company_side(local, incoming);
    FollowUpList {
        entries,
        tombstones,
        last_backup,
        changes_since_backup,
        unbacked_since,
        nudge_dismissed_at: local.nudge_dismissed_at.max(incoming.nudge_dismissed_at),
        my_company: company_side.my_company.clone(),
        my_company_at: company_side.my_company_at,
    }
}

impl FollowUpList {
    /// Merges the entries, deletions and company of a backup file into this list and counts
    /// what changed in the entries (the company from the file stands when it was said or
    /// removed later than this list's).
    ///
    /// What came from the file is backed up (it is in the file), so it adds no change towards
    /// the backup nudge (issue 13: a 600-entry backup imported into a new browser said "600
    /// changes not backed up"); changes made here before the import stay counted. When there
    /// were none, the whole list is now in a backup: the import is its last backup.
    pub fn merge_from(&mut self, incoming: &FollowUpList, now_ms: Millis) -> MergeCounts {
        let (entries, tombstones, counts) = merge_parts(self, &incoming.entries, &incoming.tombstones);
        self.entries = entries;
        self.tombstones = tombstones;
        if std::ptr::eq(company_side(self, incoming), incoming) {
            self.my_company = incoming.my_company.clone();
            self.my_company_at = incoming.my_company_at;
        }
        if self.changes_since_backup == 0 {
            self.mark_backed_up(now_ms);
        }
        counts
    }
}

/// The side whose company stands: the one said (or removed) last. Equal times are broken by
/// the stored form, as entries' are, so that `merge(a, b)` equals `merge(b, a)`.
fn company_side<'a>(local: &'a FollowUpList, incoming: &'a FollowUpList) -> &'a FollowUpList {
    match incoming.my_company_at.cmp(&local.my_company_at) {
        Ordering::Greater => incoming,
        Ordering::Less => local,
        Ordering::Equal if incoming.my_company == local.my_company => local,
        Ordering::Equal => {
            let stored = |list: &FollowUpList| {
                let company = FollowUpList { my_company: list.my_company.clone(), ..FollowUpList::default() };
                company.to_json()
            };
            if stored(incoming) > stored(local) {
                incoming
            } else {
                local
            }
        }
    }
}

fn min_some(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The later of two versions of one entry; ties go to the greater stored form.
pub(crate) fn newer<'a>(a: &'a Entry, b: &'a Entry) -> &'a Entry {
    match a.updated_at.cmp(&b.updated_at) {
        Ordering::Greater => a,
        Ordering::Less => b,
        Ordering::Equal if a == b => a,
        Ordering::Equal => {
            let stored = |e: &Entry| serde_json::to_string(e).unwrap_or_default();
            if stored(a) >= stored(b) {
                a
            } else {
                b
            }
        }
    }
}

type Parts = (Vec<Entry>, Vec<Tombstone>, MergeCounts);

fn merge_parts(local: &FollowUpList, incoming: &[Entry], incoming_tombstones: &[Tombstone]) -> Parts {
    // Sorted vectors rather than ordered maps: less code in the app, same order (by id).
    // Per id: the latest deletion.
    let mut deleted: Vec<(&EntryId, i64)> =
        local.tombstones.iter().chain(incoming_tombstones).map(|t| (&t.id, t.deleted_at)).collect();
    crate::sorting::sort_by(&mut deleted, |a, b| a.0.cmp(b.0));
    deleted.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            kept.1 = kept.1.max(later.1);
        }
        same
    });
    // Per id: (local version, incoming version).
    let mut versions: Vec<(&EntryId, Option<&Entry>, Option<&Entry>)> = local
        .entries
        .iter()
        .map(|entry| (&entry.id, Some(entry), None))
        .chain(incoming.iter().map(|entry| (&entry.id, None, Some(entry))))
        .collect();
    // Stable: for one id, the local versions come first, each side in its list's order.
    crate::sorting::sort_by(&mut versions, |a, b| a.0.cmp(b.0));
    versions.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            // A local list holds one version per id; an incoming list with two versions of one id
            // (a hand-edited file) keeps the newer.
            kept.1 = later.1.or(kept.1);
            kept.2 = match (kept.2, later.2) {
                (Some(earlier), Some(entry)) => Some(newer(earlier, entry)),
                (earlier, entry) => entry.or(earlier),
            };
        }
        same
    });
    let mut counts = MergeCounts::default();
    let mut entries = Vec::with_capacity(versions.len());
    for (id, ours, theirs) in versions {
        let winner = match (ours, theirs) {
            (Some(ours), Some(theirs)) => newer(ours, theirs),
            (Some(only), None) | (None, Some(only)) => only,
            (None, None) => continue,
        };
        let deleted_at = deleted.binary_search_by(|(known, _)| known.cmp(&id)).ok().map(|at| deleted[at].1);
        let survives = deleted_at.is_none_or(|at| at < winner.updated_at);
        match (ours, survives) {
            (Some(_), false) => counts.removed += 1,
            (Some(ours), true) if ours != winner => counts.updated += 1,
            (Some(_), true) if theirs.is_some() => counts.unchanged += 1,
            (Some(_), true) => {}
            (None, true) => counts.added += 1,
            (None, false) => counts.unchanged += 1,
        }
        if survives {
            entries.push(winner.clone());
        }
    }
    // A deletion superseded by a later edit is no longer needed.
    let tombstones = deleted
        .into_iter()
        .filter(|(id, _)| !entries.iter().any(|e| e.id == **id))
        .map(|(id, deleted_at)| Tombstone { id: id.clone(), deleted_at })
        .collect();
    crate::sorting::sort_by(&mut entries, entry_order);
    (entries, tombstones, counts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::follow_up::entry::Status;
    use crate::follow_up::test_support::{arbitrary_list_pair, directory};
    use proptest::prelude::*;

    #[test]
    fn fair_marks_from_two_tabs_merge_by_the_later_tap() {
        use crate::follow_up::entry::VisitMark;
        use crate::lang::Lang;
        let dir = directory();
        let mut base = FollowUpList::new();
        base.add_member(&dir, "forja-bajio", 1).unwrap();
        let (mut a, mut b) = (base.clone(), base);
        a.mark_visit(&dir, "forja-bajio", "paace-2026", Some(VisitMark::ComeBack), Lang::Es, 10).unwrap();
        b.mark_visit(&dir, "forja-bajio", "paace-2026", Some(VisitMark::Visited), Lang::Es, 20).unwrap();
        // A mark on a member only one tab had seen arrives whole, with "met at".
        b.mark_visit(&dir, "moldes-y-mas", "paace-2026", Some(VisitMark::NotThere), Lang::Es, 21).unwrap();
        let merged = merge(&a, &b);
        assert_eq!(merged, merge(&b, &a));
        let mark = |member: &str| merged.find(member, None).and_then(|e| e.visit("paace-2026")).map(|v| v.mark);
        assert_eq!(mark("forja-bajio"), Some(VisitMark::Visited));
        assert_eq!(mark("moldes-y-mas"), Some(VisitMark::NotThere));
        assert!(merged.find("moldes-y-mas", None).is_some_and(|e| e.met_at.is_some()));
    }

    #[test]
    fn newer_edit_wins_per_entry() {
        let dir = directory();
        let mut base = FollowUpList::new();
        let a = base.add_member(&dir, "aceros-del-norte", 1).unwrap().id;
        let b = base.add_member(&dir, "forja-bajio", 2).unwrap().id;
        let mut tab1 = base.clone();
        let mut tab2 = base.clone();
        tab1.set_note(&a, "nota de la pestaña 1", 10).unwrap();
        tab2.set_note(&b, "nota de la pestaña 2", 11).unwrap();
        tab2.set_note(&a, "más vieja", 5).unwrap();
        let merged = merge(&tab1, &tab2);
        assert_eq!(merged.get(&a).unwrap().note, "nota de la pestaña 1");
        assert_eq!(merged.get(&b).unwrap().note, "nota de la pestaña 2");
        assert_eq!(merged, merge(&tab2, &tab1));
    }

    #[test]
    fn deletions_are_respected_unless_edited_after() {
        let dir = directory();
        let mut base = FollowUpList::new();
        let a = base.add_member(&dir, "aceros-del-norte", 1).unwrap().id;
        let b = base.add_member(&dir, "forja-bajio", 2).unwrap().id;
        let mut tab1 = base.clone();
        let mut tab2 = base.clone();
        tab1.remove(&a, 10).unwrap();
        tab1.remove(&b, 10).unwrap();
        tab2.set_status(&b, Status::Won, 20).unwrap();
        let merged = merge(&tab1, &tab2);
        assert!(merged.get(&a).is_none(), "the deletion wins over the older version");
        assert_eq!(merged.get(&b).unwrap().status, Status::Won, "a later edit wins over the deletion");
        assert_eq!(merged.tombstones(), [Tombstone { id: a.clone(), deleted_at: 10 }]);
    }

    #[test]
    fn merge_from_counts_what_changed() {
        let dir = directory();
        let mut local = FollowUpList::new();
        let a = local.add_member(&dir, "aceros-del-norte", 1).unwrap().id;
        let b = local.add_member(&dir, "forja-bajio", 2).unwrap().id;
        let c = local.add_contact(&dir, "aceros-del-norte", "ana-lopez", 3).unwrap().id;
        let mut other = local.clone();
        other.set_note(&a, "nueva", 10).unwrap();
        other.remove(&b, 10).unwrap();
        other.add_person(&crate::follow_up::test_support::person("Luis", "X"), 10).unwrap();
        local.set_note(&c, "local más nueva", 20).unwrap();
        other.set_note(&c, "vieja", 15).unwrap();
        let before = local.changes_since_backup();
        let counts = local.merge_from(&other, 30);
        assert_eq!(counts, MergeCounts { added: 1, updated: 1, unchanged: 1, removed: 1 });
        assert_eq!(local.get(&c).unwrap().note, "local más nueva");
        assert_eq!(local.changes_since_backup(), before, "what came from the file is backed up");
        assert_eq!(local.merge_from(&other, 40), MergeCounts { unchanged: 3, ..MergeCounts::default() });
    }

    /// Issue 16: the company said or removed last wins, whichever side is local; two said in the
    /// same millisecond merge to the same one both ways.
    #[test]
    fn the_company_said_last_wins_both_ways() {
        use crate::my_company::MyCompany;
        use crate::valid::Slug;
        let company = |id: &str| Some(MyCompany::Member { id: Slug::parse(id).unwrap() });
        let (mut a, mut b) = (FollowUpList::new(), FollowUpList::new());
        a.set_my_company(company("aceros-del-norte"), 10);
        b.set_my_company(company("forja-bajio"), 20);
        for merged in [merge(&a, &b), merge(&b, &a)] {
            assert_eq!((merged.my_company(), merged.my_company_at), (company("forja-bajio").as_ref(), Some(20)));
        }
        b.set_my_company(None, 30);
        assert_eq!(merge(&a, &b).my_company(), None);
        a.set_my_company(company("moldes-y-mas"), 30);
        // A removal and a company of the same moment: one of them, the same both ways.
        let (ab, ba) = (merge(&a, &b), merge(&b, &a));
        assert_eq!(ab, ba);
        b.set_my_company(company("aceros-del-norte"), 30);
        let (ab, ba) = (merge(&a, &b), merge(&b, &a));
        assert_eq!(ab, ba);
        assert!(ab.my_company().is_some());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn merge_is_commutative_and_idempotent((a, b) in arbitrary_list_pair()) {
            let ab = merge(&a, &b);
            let ba = merge(&b, &a);
            prop_assert_eq!(&ab, &ba);
            prop_assert_eq!(&merge(&a, &ab), &ab);
            prop_assert_eq!(&merge(&b, &ab), &ab);
            prop_assert_eq!(&merge(&ab, &ab), &ab);
            // No entry is ever duplicated.
            let mut ids: Vec<&EntryId> = ab.entries().iter().map(|e| &e.id).collect();
            ids.dedup();
            prop_assert_eq!(ids.len(), ab.len());
        }

        #[test]
        fn merge_from_agrees_with_merge_on_entries((a, b) in arbitrary_list_pair()) {
            let mut local = a.clone();
            local.merge_from(&b, 0);
            let merged = merge(&a, &b);
            prop_assert_eq!(local.entries(), merged.entries());
            prop_assert_eq!(local.tombstones(), merged.tombstones());
        }
    }
}
