//! "Preparar la feria": the visitor's matches who attend an event, in walking order.

use std::cmp::Ordering;

use super::{can_supply_me, may_buy_from_me, Match};
use crate::fair::natural_cmp;
use crate::model::Directory;
use crate::my_company::CompanyProfile;
use crate::search::normalize;
use crate::valid::IsoDate;

/// A matched member attending the event, once, with the side(s) it matched on.
#[derive(Clone, Debug, PartialEq)]
pub struct FairMatch<'a> {
    /// The member's position in `Directory::members`.
    pub member_index: usize,
    /// Its stand at the event, when the file gives one.
    pub stand: Option<&'a str>,
    /// Its match on "may buy from me", when it needs something the visitor makes.
    pub may_buy: Option<Match>,
    /// Its match on "can supply me", when it offers something the visitor needs.
    pub can_supply: Option<Match>,
}

/// The visitor's matches (both sides, each member once) attending `event_id`, in walking
/// order: by stand in natural order ("A-9" before "A-10"), members without a stand last,
/// by folded name then id.
pub fn prepare_fair<'a>(
    directory: &'a Directory,
    profile: &CompanyProfile,
    event_id: &str,
    today: IsoDate,
) -> Vec<FairMatch<'a>> {
    let mut rows: Vec<FairMatch<'a>> = Vec::new();
    let attending = |found: &Match| directory.members.get(found.member_index).is_some_and(|m| m.attends(event_id));
    for found in may_buy_from_me(directory, profile, today).into_iter().filter(attending) {
        let stand = directory.members[found.member_index].stand_at(event_id);
        rows.push(FairMatch { member_index: found.member_index, stand, may_buy: Some(found), can_supply: None });
    }
    for found in can_supply_me(directory, profile, today).into_iter().filter(attending) {
        match rows.iter_mut().find(|row| row.member_index == found.member_index) {
            Some(row) => row.can_supply = Some(found),
            None => {
                let stand = directory.members[found.member_index].stand_at(event_id);
                rows.push(FairMatch { member_index: found.member_index, stand, may_buy: None, can_supply: Some(found) })
            }
        }
    }
    let mut keyed: Vec<(FairMatch<'a>, String)> = rows
        .into_iter()
        .map(|row| {
            let name = normalize(&directory.members[row.member_index].name);
            (row, name)
        })
        .collect();
    crate::sorting::sort_by(&mut keyed, |(a, a_name), (b, b_name)| {
        let by_stand = match (a.stand, b.stand) {
            (Some(x), Some(y)) => natural_cmp(x, y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        by_stand.then_with(|| a_name.cmp(b_name)).then_with(|| {
            let id = |row: &FairMatch| &directory.members[row.member_index].id;
            id(a).cmp(id(b)).then_with(|| a.member_index.cmp(&b.member_index))
        })
    });
    keyed.into_iter().map(|(row, _)| row).collect()
}
