//! Reminding the visitor to back up the list, because browsers evict site data
//! (Safari clears storage of sites unvisited for 7 days), without nagging.

use super::entry::{Millis, DAY_MS};
use super::list::FollowUpList;
use crate::lang::Lang;

/// Nudge once this many edits are not backed up.
pub const NUDGE_AFTER_CHANGES: u32 = 10;

/// Nudge once edits have gone this many days without a backup.
pub const NUDGE_AFTER_DAYS: i64 = 7;

/// After the visitor dismisses a nudge, stay quiet for this many days.
pub const NUDGE_QUIET_DAYS: i64 = 3;

/// Why the list suggests a backup now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NudgeReason {
    /// Many edits since the last backup.
    ManyChanges,
    /// The last backup is old and there are edits since.
    OldBackup,
    /// Never backed up, and the first edit is old.
    NeverBackedUp,
}

/// A suggestion to back up the list (export or handoff), shown on the list page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Nudge {
    /// Why now.
    pub reason: NudgeReason,
    /// Edits not backed up.
    pub changes: u32,
    /// Whole days since the last backup, if there was one.
    pub days_since_backup: Option<i64>,
}

impl Nudge {
    /// The suggestion for a person, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let changes = self.changes;
        let tail = lang.pick(
            " Los navegadores pueden borrar los datos de sitios poco visitados: descargue un respaldo o pase la lista a otro dispositivo.",
            " Browsers may clear data of sites not visited for a while: download a backup or hand the list to another device.",
        );
        let head = match (self.reason, lang) {
            (NudgeReason::ManyChanges, Lang::Es) => format!("Tiene {changes} cambios sin respaldar."),
            (NudgeReason::ManyChanges, Lang::En) => format!("You have {changes} changes not backed up."),
            (NudgeReason::OldBackup, _) => last_backup_label(self.days_since_backup, lang) + ".",
            (NudgeReason::NeverBackedUp, Lang::Es) => "Aún no ha respaldado su lista.".into(),
            (NudgeReason::NeverBackedUp, Lang::En) => "You have not backed up your list yet.".into(),
        };
        head + tail
    }
}

/// Whole days since the last backup at `now_ms`, if there was one.
pub fn days_since_backup(list: &FollowUpList, now_ms: Millis) -> Option<i64> {
    list.last_backup().map(|at| now_ms.saturating_sub(at).max(0) / DAY_MS)
}

/// "Último respaldo: hace 3 días" / "Last backup: 3 days ago" / "never", for the list page.
pub fn last_backup_label(days: Option<i64>, lang: Lang) -> String {
    match (days, lang) {
        (None, Lang::Es) => "Último respaldo: nunca".into(),
        (None, Lang::En) => "Last backup: never".into(),
        (Some(0), Lang::Es) => "Último respaldo: hoy".into(),
        (Some(0), Lang::En) => "Last backup: today".into(),
        (Some(1), Lang::Es) => "Último respaldo: ayer".into(),
        (Some(1), Lang::En) => "Last backup: yesterday".into(),
        (Some(n), Lang::Es) => format!("Último respaldo: hace {n} días"),
        (Some(n), Lang::En) => format!("Last backup: {n} days ago"),
    }
}

/// Whether to suggest a backup now.
///
/// Only when the list has entries and unsaved-to-backup edits, and then when
/// there are [`NUDGE_AFTER_CHANGES`] of them, or the last backup (or, never
/// backed up, the first edit) is [`NUDGE_AFTER_DAYS`] old; never within
/// [`NUDGE_QUIET_DAYS`] of a dismissal. Days are 24-hour periods from the
/// stored timestamps, so the caller only passes its clock.
pub fn backup_nudge(list: &FollowUpList, now_ms: Millis) -> Option<Nudge> {
    let changes = list.changes_since_backup();
    if list.is_empty() || changes == 0 {
        return None;
    }
    if list.nudge_dismissed_at().is_some_and(|at| now_ms.saturating_sub(at) < NUDGE_QUIET_DAYS * DAY_MS) {
        return None;
    }
    let days_since_backup = days_since_backup(list, now_ms);
    let at_risk_since = list.last_backup().or(list.unbacked_since());
    let old = at_risk_since.is_some_and(|at| now_ms.saturating_sub(at) >= NUDGE_AFTER_DAYS * DAY_MS);
    let reason = if changes >= NUDGE_AFTER_CHANGES {
        NudgeReason::ManyChanges
    } else if old && list.last_backup().is_some() {
        NudgeReason::OldBackup
    } else if old {
        NudgeReason::NeverBackedUp
    } else {
        return None;
    };
    Some(Nudge { reason, changes, days_since_backup })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::follow_up::test_support::directory;

    const T0: Millis = 1_790_000_000_000;

    fn list_with_changes(n: u32, at: Millis) -> FollowUpList {
        let dir = directory();
        let mut list = FollowUpList::new();
        let id = list.add_member(&dir, "aceros-del-norte", at).unwrap().id;
        for i in 1..n {
            list.set_note(&id, &format!("nota {i}"), at).unwrap();
        }
        assert_eq!(list.changes_since_backup(), n);
        list
    }

    #[test]
    fn quiet_for_an_empty_list_or_no_changes() {
        assert_eq!(backup_nudge(&FollowUpList::new(), T0), None);
        let mut list = list_with_changes(20, T0);
        list.mark_backed_up(T0);
        assert_eq!(backup_nudge(&list, T0 + 30 * DAY_MS), None);
    }

    #[test]
    fn nudges_after_many_changes() {
        assert_eq!(backup_nudge(&list_with_changes(9, T0), T0), None);
        let nudge = backup_nudge(&list_with_changes(10, T0), T0).unwrap();
        assert_eq!(nudge, Nudge { reason: NudgeReason::ManyChanges, changes: 10, days_since_backup: None });
        assert!(nudge.message(Lang::Es).starts_with("Tiene 10 cambios sin respaldar."));
    }

    #[test]
    fn nudges_after_days_with_changes() {
        let list = list_with_changes(1, T0);
        assert_eq!(backup_nudge(&list, T0 + 6 * DAY_MS), None);
        assert_eq!(backup_nudge(&list, T0 + 7 * DAY_MS).unwrap().reason, NudgeReason::NeverBackedUp);

        let mut list = list_with_changes(1, T0);
        list.mark_backed_up(T0);
        let id = list.entries()[0].id.clone();
        list.set_note(&id, "nueva", T0 + DAY_MS).unwrap();
        assert_eq!(backup_nudge(&list, T0 + 6 * DAY_MS), None);
        let nudge = backup_nudge(&list, T0 + 8 * DAY_MS).unwrap();
        assert_eq!(nudge, Nudge { reason: NudgeReason::OldBackup, changes: 1, days_since_backup: Some(8) });
        assert!(nudge.message(Lang::En).starts_with("Last backup: 8 days ago."));
    }

    /// Issue 13: "Tiene 600 cambios sin respaldar" right after importing a 600-entry backup.
    /// What came from a backup file or another device is kept elsewhere; what the visitor
    /// adds from a shared list is new to their list and kept nowhere else.
    #[test]
    fn only_changes_made_here_count_not_what_came_from_a_backup_or_another_device() {
        use crate::follow_up::export::backup::{backup_json, import_backup};
        use crate::follow_up::export::Scope;
        use crate::follow_up::merge;
        use crate::follow_up::share::{decode_payload, handoff_payload, parse_shortlist};
        use crate::follow_up::test_support::person;

        let mut phone = FollowUpList::new();
        for i in 0..600 {
            phone.add_person(&person(&format!("Persona {i}"), "Empresa"), T0).unwrap();
        }
        let file = backup_json(&phone, Scope::All, T0 + DAY_MS);

        // Into a new browser: nothing to back up, and the import is the last backup.
        let mut laptop = FollowUpList::new();
        import_backup(&mut laptop, file.as_bytes(), T0 + 2 * DAY_MS).unwrap();
        assert_eq!(laptop.len(), 600);
        assert_eq!(laptop.changes_since_backup(), 0);
        assert_eq!(backup_nudge(&laptop, T0 + 2 * DAY_MS), None);
        assert_eq!(last_backup_label(days_since_backup(&laptop, T0 + 2 * DAY_MS), Lang::Es), "Último respaldo: hoy");

        // Into a list with its own changes: those stay counted, the file's entries do not.
        let mut tablet = list_with_changes(3, T0);
        import_backup(&mut tablet, file.as_bytes(), T0 + 2 * DAY_MS).unwrap();
        assert_eq!(tablet.len(), 601);
        assert_eq!(tablet.changes_since_backup(), 3);
        assert_eq!(tablet.last_backup(), None, "the tablet's own note is in no backup");

        // A handoff: the list stays on the device that handed it over.
        let received = decode_payload(&handoff_payload(&phone), T0).unwrap();
        let fresh = merge(&FollowUpList::new(), &received);
        assert_eq!(fresh.len(), 600);
        assert_eq!(backup_nudge(&fresh, T0 + 30 * DAY_MS), None);

        // A shared list: the link names members, not the visitor's list; adding them is an edit.
        let dir = directory();
        let mut list = FollowUpList::new();
        let shortlist = parse_shortlist("#/shared?ids=aceros-del-norte,forja-bajio").unwrap();
        assert_eq!(list.add_shortlist(&dir, &shortlist, T0).added, 2);
        assert_eq!(list.changes_since_backup(), 2);
    }

    #[test]
    fn a_dismissal_keeps_it_quiet_for_a_while() {
        let mut list = list_with_changes(12, T0);
        list.dismiss_nudge(T0 + DAY_MS);
        assert_eq!(backup_nudge(&list, T0 + 2 * DAY_MS), None);
        assert_eq!(backup_nudge(&list, T0 + (1 + NUDGE_QUIET_DAYS) * DAY_MS - 1), None);
        assert!(backup_nudge(&list, T0 + (1 + NUDGE_QUIET_DAYS) * DAY_MS).is_some());
    }

    #[test]
    fn last_backup_reads_naturally() {
        let mut list = FollowUpList::new();
        assert_eq!(last_backup_label(days_since_backup(&list, T0), Lang::Es), "Último respaldo: nunca");
        list.mark_backed_up(T0);
        assert_eq!(last_backup_label(days_since_backup(&list, T0 + DAY_MS / 2), Lang::En), "Last backup: today");
        assert_eq!(last_backup_label(days_since_backup(&list, T0 + DAY_MS), Lang::Es), "Último respaldo: ayer");
        assert_eq!(
            last_backup_label(days_since_backup(&list, T0 + 3 * DAY_MS), Lang::Es),
            "Último respaldo: hace 3 días"
        );
        assert_eq!(days_since_backup(&list, T0 - DAY_MS), Some(0), "a clock set back never shows negative days");
    }
}
