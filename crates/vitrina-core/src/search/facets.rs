//! Facet values: which values each facet has, in which order, and which members have each.
//!
//! Every value of every facet gets a global index: facets in [`Facet::ALL`] order, each
//! facet's values in display order.

use super::bits::MemberSet;
use super::normalize::normalize;
use super::text_index::FxHasher;
use super::FacetValue;
use crate::model::{Directory, Location, Member, MemberKind};
use crate::query::{Facet, ListQuery, PLACE_SEPARATOR};
use crate::sorting::{sort, sort_by, sort_by_key};
use crate::valid::IsoDate;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::ops::Range;

/// The position of a facet in [`Facet::ALL`].
pub(crate) fn facet_index(facet: Facet) -> usize {
    match facet {
        Facet::Capability => 0,
        Facet::Kind => 1,
        Facet::Certification => 2,
        Facet::Place => 3,
        Facet::Event => 4,
        Facet::Need => 5,
    }
}

/// Every facet value and its members.
#[derive(Debug)]
pub(crate) struct Facets {
    /// Every value, with `count` and `total` set to its number of members.
    pub(crate) values: Vec<FacetValue>,
    /// The members of every value (for a certification: whoever holds it, expired or not).
    pub(crate) sets: Vec<MemberSet>,
    /// Each facet's run of global indices, by [`facet_index`].
    pub(crate) ranges: [Range<usize>; 6],
    /// Value id → global index, by [`facet_index`].
    lookup: [HashMap<String, u32>; 6],
    /// Global index of the Capability value of each capability, in file order.
    pub(crate) capability_values: Vec<u32>,
    /// Per certification (file order): members holding a certificate without an expiry date.
    pub(crate) never_expiring: Vec<MemberSet>,
    /// Per certification (file order): the other holders with their latest expiry date, latest first.
    pub(crate) expiring: Vec<Vec<(IsoDate, u32)>>,
    /// How many distinct capabilities each member offers.
    pub(crate) capability_counts: Vec<u16>,
}

impl Facets {
    /// The facets of `directory.members[m]` as member `ids[m]`.
    pub(crate) fn build(directory: &Directory, ids: &[u32]) -> Facets {
        let n = ids.len();
        let members = &directory.members;
        fn index_of<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<&'a str, usize, BuildHasherDefault<FxHasher>> {
            ids.enumerate().map(|(at, id)| (id, at)).collect()
        }

        // Capabilities (and needs): grouped by their group's file order, then file order.
        let group_position = |group: Option<&str>| {
            group
                .and_then(|g| directory.capability_groups.iter().position(|x| x.id.as_str() == g))
                .unwrap_or(directory.capability_groups.len())
        };
        let mut capability_order: Vec<usize> = (0..directory.capabilities.len()).collect();
        sort_by_key(&mut capability_order, |&c| {
            (group_position(directory.capabilities[c].group.as_ref().map(|g| g.as_str())), c)
        });
        let mut position = vec![0usize; directory.capabilities.len()];
        for (at, &c) in capability_order.iter().enumerate() {
            position[c] = at;
        }
        let capability_ids = index_of(directory.capabilities.iter().map(|c| c.id.as_str()));
        let certification_ids = index_of(directory.certifications.iter().map(|c| c.id.as_str()));
        let event_ids = index_of(directory.events.iter().map(|e| e.id.as_str()));

        // Members of each value, by facet, in display order; one pass over the members.
        let mut offers = vec![Vec::new(); capability_order.len()];
        let mut needs = vec![Vec::new(); capability_order.len()];
        let mut kinds = vec![Vec::new(); MemberKind::ALL.len()];
        let mut holders = vec![Vec::new(); directory.certifications.len()];
        let mut never_expiring = vec![Vec::new(); directory.certifications.len()];
        let mut expiring: Vec<Vec<(IsoDate, u32)>> = vec![Vec::new(); directory.certifications.len()];
        let mut attendees = vec![Vec::new(); directory.events.len()];
        let mut capability_counts = vec![0u16; n];
        // u32, like the member lists: each element type sorted is another copy of the sort.
        let mut seen: Vec<u32> = Vec::new();
        // Per certification of a member: its latest expiry, `None` for a certificate without one.
        let mut certificates: Vec<(usize, Option<IsoDate>)> = Vec::new();
        // Members in file order, as they lie in memory; the lists are sorted by id afterwards.
        for (member, &id) in members.iter().zip(ids) {
            for (lists, ids) in [(&mut offers, &member.capabilities), (&mut needs, &member.needs)] {
                seen.clear();
                seen.extend(ids.iter().filter_map(|c| capability_ids.get(c.as_str())).map(|&c| position[c] as u32));
                seen.sort_unstable();
                seen.dedup();
                seen.iter().for_each(|&value| lists[value as usize].push(id));
            }
            seen.clear();
            seen.extend(member.capabilities.iter().filter_map(|c| capability_ids.get(c.as_str())).map(|&c| c as u32));
            seen.sort_unstable();
            seen.dedup();
            capability_counts[id as usize] = seen.len().min(usize::from(u16::MAX)) as u16;
            if let Some(kind) = member.kind {
                if let Some(value) = MemberKind::ALL.iter().position(|(k, _)| *k == kind) {
                    kinds[value].push(id);
                }
            }
            certificates.clear();
            for certificate in &member.certifications {
                let Some(&c) = certification_ids.get(certificate.id.as_str()) else { continue };
                match certificates.iter_mut().find(|(known, _)| *known == c) {
                    Some((_, latest)) => {
                        *latest = latest.zip(certificate.valid_until).map(|(a, b)| a.max(b));
                    }
                    None => certificates.push((c, certificate.valid_until)),
                }
            }
            for &(c, latest) in &certificates {
                holders[c].push(id);
                match latest {
                    None => never_expiring[c].push(id),
                    Some(until) => expiring[c].push((until, id)),
                }
            }
            seen.clear();
            seen.extend(member.events.iter().filter_map(|e| event_ids.get(e.id.as_str())).map(|&e| e as u32));
            seen.sort_unstable();
            seen.dedup();
            seen.iter().for_each(|&e| attendees[e as usize].push(id));
        }
        for list in offers.iter_mut().chain(&mut needs).chain(&mut kinds).chain(&mut holders) {
            list.sort_unstable();
        }
        for list in never_expiring.iter_mut().chain(&mut attendees) {
            list.sort_unstable();
        }
        for list in &mut expiring {
            sort_by(list, |a, b| b.cmp(a));
        }

        let mut values: Vec<FacetValue> = Vec::new();
        let mut lists: Vec<Vec<u32>> = Vec::new();
        let mut ranges: [Range<usize>; 6] = Default::default();
        let mut capability_values = vec![0u32; directory.capabilities.len()];
        let value = |value: &str, group: Option<String>, parent: Option<String>| FacetValue {
            value: value.to_owned(),
            count: 0,
            total: 0,
            group,
            parent,
        };
        let capability_value = |c: usize| {
            value(
                directory.capabilities[c].id.as_str(),
                directory.capabilities[c].group.as_ref().map(|g| g.to_string()),
                None,
            )
        };
        for facet in Facet::ALL {
            let start = values.len();
            match facet {
                Facet::Capability => {
                    for (&c, list) in capability_order.iter().zip(std::mem::take(&mut offers)) {
                        capability_values[c] = values.len() as u32;
                        values.push(capability_value(c));
                        lists.push(list);
                    }
                }
                Facet::Need => {
                    for (&c, list) in capability_order.iter().zip(std::mem::take(&mut needs)) {
                        values.push(capability_value(c));
                        lists.push(list);
                    }
                }
                Facet::Kind => {
                    for ((_, name), list) in MemberKind::ALL.iter().zip(std::mem::take(&mut kinds)) {
                        values.push(value(name, None, None));
                        lists.push(list);
                    }
                }
                Facet::Certification => {
                    for (certification, list) in directory.certifications.iter().zip(std::mem::take(&mut holders)) {
                        values.push(value(certification.id.as_str(), None, None));
                        lists.push(list);
                    }
                }
                Facet::Event => {
                    for (event, list) in directory.events.iter().zip(std::mem::take(&mut attendees)) {
                        values.push(value(event.id.as_str(), None, None));
                        lists.push(list);
                    }
                }
                Facet::Place => {
                    for (place, parent, list) in places(members, ids) {
                        values.push(value(&place, None, parent));
                        lists.push(list);
                    }
                }
            }
            ranges[facet_index(facet)] = start..values.len();
        }

        let sets: Vec<MemberSet> = lists.iter().map(|list| MemberSet::from_sorted(list, n)).collect();
        for (value, list) in values.iter_mut().zip(&lists) {
            value.count = list.len() as u32;
            value.total = value.count;
        }
        let lookup = ranges.clone().map(|range| {
            range.clone().map(|global| (values[global].value.clone(), global as u32)).collect::<HashMap<_, _>>()
        });
        let never_expiring = never_expiring.iter().map(|list| MemberSet::from_sorted(list, n)).collect();
        Facets { values, sets, ranges, lookup, capability_values, never_expiring, expiring, capability_counts }
    }

    /// The global index of a facet value, if the directory has it.
    pub(crate) fn find(&self, facet: Facet, value: &str) -> Option<usize> {
        self.lookup[facet_index(facet)].get(value).map(|&global| global as usize)
    }

    /// Heap bytes used (approximately: hash tables are estimated).
    pub(crate) fn heap_bytes(&self) -> usize {
        let strings = |v: &FacetValue| {
            v.value.capacity()
                + v.group.as_ref().map_or(0, String::capacity)
                + v.parent.as_ref().map_or(0, String::capacity)
        };
        self.values.iter().map(|v| std::mem::size_of::<FacetValue>() + strings(v)).sum::<usize>()
            + self.sets.iter().chain(&self.never_expiring).map(|s| 16 + s.heap_bytes()).sum::<usize>()
            + self.lookup.iter().flat_map(|l| l.keys()).map(|k| 48 + k.capacity()).sum::<usize>()
            + self.expiring.iter().map(|e| 24 + e.capacity() * std::mem::size_of::<(IsoDate, u32)>()).sum::<usize>()
            + self.capability_values.capacity() * 4
            + self.capability_counts.capacity() * 2
    }
}

/// A member's place: its state and city as written (trimmed), when present and not blank.
pub(crate) fn state_and_city(location: Option<&Location>) -> (Option<&str>, Option<&str>) {
    fn clean(text: Option<&String>) -> Option<&str> {
        text.map(|t| t.trim()).filter(|t| !t.is_empty())
    }
    match location {
        Some(location) => (clean(location.state.as_ref()), clean(location.city.as_ref())),
        None => (None, None),
    }
}

/// The Place values a member is in: its state, and its city as `State/City` (`/City` when
/// the member has a city but no state).
pub(crate) fn place_values(member: &Member) -> (Option<String>, Option<String>) {
    match state_and_city(member.location.as_ref()) {
        (Some(state), city) => (Some(state.to_owned()), city.map(|city| format!("{state}{PLACE_SEPARATOR}{city}"))),
        (None, Some(city)) => (None, Some(format!("{PLACE_SEPARATOR}{city}"))),
        (None, None) => (None, None),
    }
}

/// Every Place value with its parent and members, in display order: states and stateless
/// cities by member count (most first) then by name, each state followed by its cities in
/// the same order.
fn places(members: &[Member], ids: &[u32]) -> Vec<(String, Option<String>, Vec<u32>)> {
    // Members by state, and by (state, city); keys borrowed from the members.
    type Lists<K> = HashMap<K, Vec<u32>, BuildHasherDefault<FxHasher>>;
    let mut states: Lists<&str> = HashMap::default();
    let mut cities: Lists<(Option<&str>, &str)> = HashMap::default();
    for (member, &id) in members.iter().zip(ids) {
        let (state, city) = state_and_city(member.location.as_ref());
        if let Some(city) = city {
            cities.entry((state, city)).or_default().push(id);
        }
        if let Some(state) = state {
            states.entry(state).or_default().push(id);
        }
    }
    states.values_mut().chain(cities.values_mut()).for_each(|list| list.sort_unstable());
    let mut states: HashMap<String, Vec<u32>> = states.into_iter().map(|(s, list)| (s.to_owned(), list)).collect();
    let mut cities_by_value: HashMap<String, (Option<String>, Vec<u32>)> = HashMap::new();
    for ((state, city), mut list) in cities {
        let value = format!("{}{PLACE_SEPARATOR}{city}", state.unwrap_or(""));
        // (`A/B` + `C` and `A` + `B/C` spell the same value: one value for both.)
        let entry = cities_by_value.entry(value).or_insert_with(|| (state.map(str::to_owned), Vec::new()));
        entry.1.append(&mut list);
        entry.1.sort_unstable();
    }
    let mut cities = cities_by_value;
    let order = |a: &(String, Vec<u32>), b: &(String, Vec<u32>)| {
        b.1.len().cmp(&a.1.len()).then_with(|| normalize(&a.0).cmp(&normalize(&b.0))).then_with(|| a.0.cmp(&b.0))
    };
    // A state written with the separator in it (`A/B`) could spell the same value as a city
    // (`B` in state `A`): the two become one value, so that every id is listed once.
    states.retain(|state, list| match cities.get_mut(state) {
        Some((_, city_list)) => {
            city_list.append(list);
            city_list.sort_unstable();
            city_list.dedup();
            false
        }
        None => true,
    });
    let mut children: HashMap<String, Vec<(String, Vec<u32>)>> = HashMap::new();
    let mut top: Vec<(String, Vec<u32>)> = Vec::new();
    for (value, (state, list)) in cities {
        match state {
            Some(state) if states.contains_key(&state) => children.entry(state).or_default().push((value, list)),
            _ => top.push((value, list)),
        }
    }
    top.extend(states);
    sort_by(&mut top, order);
    let mut out = Vec::new();
    for (value, list) in top {
        let mut cities = children.remove(&value).unwrap_or_default();
        sort_by(&mut cities, order);
        out.push((value.clone(), None, list));
        for (city, list) in cities {
            out.push((city, Some(value.clone()), list));
        }
    }
    out
}

/// Whether the directory knows `value` as a value of `facet`.
fn is_known(directory: &Directory, places: &[String], facet: Facet, value: &str) -> bool {
    match facet {
        Facet::Capability | Facet::Need => directory.capability(value).is_some(),
        Facet::Kind => MemberKind::from_name(value).is_some(),
        Facet::Certification => directory.certification(value).is_some(),
        Facet::Event => directory.event(value).is_some(),
        Facet::Place => places.binary_search_by(|p| p.as_str().cmp(value)).is_ok(),
    }
}

/// Removes filter values that the directory doesn't know (stale links), returning them so the UI can say so quietly.
///
/// A Place value is known when some member is there. The text, sort and
/// `only_valid_certifications` are kept as they are.
pub fn drop_unknown_filters(directory: &Directory, query: &ListQuery) -> (ListQuery, Vec<(Facet, String)>) {
    let mut places = Vec::new();
    if query.filters.is_active(Facet::Place) {
        for member in &directory.members {
            let (state, city) = place_values(member);
            places.extend(state.into_iter().chain(city));
        }
        sort(&mut places);
        places.dedup();
    }
    retain_filters(query, |facet, value| is_known(directory, &places, facet, value))
}

/// `query` without the filter values `known` rejects, and those values.
pub(crate) fn retain_filters(
    query: &ListQuery,
    mut known: impl FnMut(Facet, &str) -> bool,
) -> (ListQuery, Vec<(Facet, String)>) {
    let mut kept = query.clone();
    let mut dropped = Vec::new();
    for (facet, value) in query.filters.iter() {
        if !known(facet, value) {
            kept.filters.unselect(facet, value);
            dropped.push((facet, value.to_owned()));
        }
    }
    (kept, dropped)
}
