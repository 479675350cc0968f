//! Fair-day mode: which events run today and who to walk to, in what order.
//!
//! "Today" is always the caller's (the visitor's local date); the core never reads a clock.
//! The visitor's own list comes first because those are the stands they came for;
//! within each group the order is the hall's (stand, in natural order) or the alphabet's.

use std::cmp::Ordering;

use crate::follow_up::FollowUpList;
use crate::model::{Directory, Event, Member};
use crate::search::normalize;
use crate::valid::IsoDate;

/// True when `today` falls within the event's days (a one-day event has no `end`).
pub fn runs_on(event: &Event, today: IsoDate) -> bool {
    match event.start {
        Some(start) => start <= today && today <= event.end.unwrap_or(start).max(start),
        None => false,
    }
}

/// The directory's events running on `today`, earliest start first (then in file order).
pub fn events_running(directory: &Directory, today: IsoDate) -> Vec<&Event> {
    let mut running: Vec<&Event> = directory.events.iter().filter(|event| runs_on(event, today)).collect();
    crate::sorting::sort_by_key(&mut running, |event| event.start);
    running
}

/// How the fair-day list is ordered within each group.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum FairSort {
    /// By stand in natural order ("A-9" before "A-10"); members without a stand last.
    #[default]
    Stand,
    /// By name, ignoring case and accents.
    Name,
}

impl FairSort {
    /// Its name in the URL (`sort=stand`, `sort=name`).
    pub fn key(self) -> &'static str {
        match self {
            FairSort::Stand => "stand",
            FairSort::Name => "name",
        }
    }

    /// The order with this [`FairSort::key`].
    pub fn from_key(key: &str) -> Option<FairSort> {
        [FairSort::Stand, FairSort::Name].into_iter().find(|sort| sort.key() == key)
    }
}

/// One member attending an event, as the fair-day view lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct FairRow<'a> {
    /// The member's position in `Directory::members`.
    pub member_index: usize,
    /// The member.
    pub member: &'a Member,
    /// Its stand at the event, when the file gives one.
    pub stand: Option<&'a str>,
    /// True when the member or one of its contacts is on the visitor's follow-up list.
    pub on_list: bool,
}

/// The members attending `event_id`: those on the visitor's list first, then the others,
/// each group in `sort` order. Empty when the event has no attendees or does not exist.
pub fn fair_rows<'a>(
    directory: &'a Directory,
    event_id: &str,
    list: &FollowUpList,
    sort: FairSort,
) -> Vec<FairRow<'a>> {
    let mut rows: Vec<(FairRow<'a>, String)> = directory
        .attendees(event_id)
        .map(|(member_index, member)| {
            let stand = member.stand_at(event_id);
            let on_list = list.has_any_for_member(member.id.as_str());
            (FairRow { member_index, member, stand, on_list }, normalize(&member.name))
        })
        .collect();
    crate::sorting::sort_by(&mut rows, |(a, a_name), (b, b_name)| {
        let by_name = || a_name.cmp(b_name).then_with(|| a.member.id.cmp(&b.member.id));
        let by_stand = || match (a.stand, b.stand) {
            (Some(x), Some(y)) => natural_cmp(x, y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        b.on_list.cmp(&a.on_list).then_with(|| match sort {
            FairSort::Stand => by_stand().then_with(by_name),
            FairSort::Name => by_name(),
        })
    });
    rows.into_iter().map(|(row, _)| row).collect()
}

/// One run of a stand label: digits compare as numbers, the rest as folded text.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Chunk {
    /// A number, without leading zeros, compared by length then digits (so any length works).
    Number(usize, String),
    Text(String),
}

fn chunks(text: &str) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(first) = rest.chars().next() {
        let digits = first.is_ascii_digit();
        let end = rest.find(|c: char| c.is_ascii_digit() != digits).unwrap_or(rest.len());
        let (run, tail) = rest.split_at(end);
        if digits {
            let number = run.trim_start_matches('0');
            out.push(Chunk::Number(number.len(), number.to_owned()));
        } else {
            let folded = normalize(run);
            if !folded.is_empty() {
                out.push(Chunk::Text(folded));
            }
        }
        rest = tail;
    }
    out
}

/// Natural order of stand labels: "A-9" before "A-10", "b2" after "A10", case, accents and
/// punctuation ignored; labels that compare equal that way fall back to their text, so the
/// order is total.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    chunks(a).cmp(&chunks(b)).then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::follow_up::test_support::directory;
    use crate::follow_up::VisitMark;
    use crate::lang::Lang;
    use crate::model::MemberEvent;
    use crate::valid::Slug;
    use proptest::prelude::*;

    fn date(s: &str) -> IsoDate {
        IsoDate::parse(s).unwrap()
    }

    #[test]
    fn an_event_runs_from_its_first_to_its_last_day() {
        let mut dir = directory();
        let paace = dir.events[0].clone(); // 2026-07-08 to 2026-07-10
        for (day, runs) in [("2026-07-07", false), ("2026-07-08", true), ("2026-07-10", true), ("2026-07-11", false)] {
            assert_eq!(runs_on(&paace, date(day)), runs, "{day}");
        }
        let mut one_day = paace.clone();
        one_day.id = Slug::parse("one-day").unwrap();
        one_day.start = Some(date("2026-07-09"));
        one_day.end = None;
        assert!(runs_on(&one_day, date("2026-07-09")) && !runs_on(&one_day, date("2026-07-10")));
        let mut undated = paace.clone();
        undated.start = None;
        assert!(!runs_on(&undated, date("2026-07-09")));
        // An end before the start (a typo in the file) is read as a one-day event.
        let mut backwards = paace;
        backwards.end = Some(date("2026-07-01"));
        assert!(runs_on(&backwards, date("2026-07-08")) && !runs_on(&backwards, date("2026-07-05")));

        dir.events.insert(0, one_day);
        let ids = |day| events_running(&dir, date(day)).iter().map(|e| e.id.to_string()).collect::<Vec<_>>();
        assert_eq!(ids("2026-07-09"), ["paace-2026", "one-day"]);
        assert_eq!(ids("2026-07-10"), ["paace-2026"]);
        assert!(ids("2027-01-01").is_empty());
    }

    #[test]
    fn stands_sort_in_natural_order() {
        let mut stands = ["A-10", "a-9", "B-1", "A-100", "A-9b", "Hall 2 / 15", "Hall 10 / 3", "A-09", "10", "9"];
        stands.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(stands, ["9", "10", "A-09", "a-9", "A-9b", "A-10", "A-100", "B-1", "Hall 2 / 15", "Hall 10 / 3"]);
        assert_eq!(natural_cmp("A-9", "A-10"), Ordering::Less);
        assert_eq!(natural_cmp("Pabellón 3", "pabellon 3"), Ordering::Less, "equal when folded, then by text");
        assert_eq!(natural_cmp("A-99999999999999999999999", "A-100000000000000000000000"), Ordering::Less);
    }

    fn attend(dir: &mut crate::model::Directory, member: usize, stand: Option<&str>) {
        dir.members[member].events =
            vec![MemberEvent { id: Slug::parse("paace-2026").unwrap(), stand: stand.map(str::to_owned) }];
    }

    #[test]
    fn the_visitors_list_comes_first_then_the_hall_order() {
        let mut dir = directory(); // Aceros del Norte, Forja Bajío, Moldes y más
        attend(&mut dir, 0, Some("B-2"));
        attend(&mut dir, 1, None);
        attend(&mut dir, 2, Some("A-10"));
        let mut extra = dir.members[2].clone();
        extra.id = Slug::parse("zeta").unwrap();
        extra.name = "Zeta".into();
        dir.members.push(extra);
        attend(&mut dir, 3, Some("A-9"));
        let mut list = FollowUpList::new();
        let names = |list: &FollowUpList, sort| {
            fair_rows(&dir, "paace-2026", list, sort).iter().map(|row| row.member.id.to_string()).collect::<Vec<_>>()
        };
        assert_eq!(names(&list, FairSort::Stand), ["zeta", "moldes-y-mas", "aceros-del-norte", "forja-bajio"]);
        assert_eq!(names(&list, FairSort::Name), ["aceros-del-norte", "forja-bajio", "moldes-y-mas", "zeta"]);
        list.add_contact(&dir, "aceros-del-norte", "ana-lopez", 1).unwrap();
        list.mark_visit(&dir, "forja-bajio", "paace-2026", Some(VisitMark::ComeBack), Lang::Es, 2).unwrap();
        assert_eq!(names(&list, FairSort::Stand), ["aceros-del-norte", "forja-bajio", "zeta", "moldes-y-mas"]);
        let rows = fair_rows(&dir, "paace-2026", &list, FairSort::Stand);
        assert_eq!(rows.iter().map(|row| row.on_list).collect::<Vec<_>>(), [true, true, false, false]);
        assert_eq!((rows[0].stand, rows[0].member_index), (Some("B-2"), 0));
        assert!(fair_rows(&dir, "no-such-event", &list, FairSort::Stand).is_empty());
    }

    #[test]
    fn sort_keys_round_trip() {
        for sort in [FairSort::Stand, FairSort::Name] {
            assert_eq!(FairSort::from_key(sort.key()), Some(sort));
        }
        assert_eq!(FairSort::from_key("size"), None);
    }

    proptest! {
        #[test]
        fn natural_order_is_a_total_order(a in "\\PC{0,12}", b in "\\PC{0,12}", c in "\\PC{0,12}") {
            prop_assert_eq!(natural_cmp(&a, &b), natural_cmp(&b, &a).reverse());
            prop_assert_eq!(natural_cmp(&a, &b) == Ordering::Equal, a == b);
            if natural_cmp(&a, &b) != Ordering::Greater && natural_cmp(&b, &c) != Ordering::Greater {
                prop_assert_ne!(natural_cmp(&a, &c), Ordering::Greater);
            }
        }

        #[test]
        fn numbers_after_the_same_prefix_sort_by_value(prefix in "[A-Za-z][A-Za-z -]{0,6}", n in 0u64..100_000, m in 0u64..100_000) {
            let (a, b) = (format!("{prefix}{n}"), format!("{prefix}{m}"));
            prop_assert_eq!(natural_cmp(&a, &b), n.cmp(&m));
        }
    }
}
