//! Search and facets over the member list: built once per loaded directory, then each
//! keystroke or facet toggle is answered from the index.
//!
//! # Matching
//!
//! The search text is split into words after folding (lowercase, accents removed, anything
//! that is not a letter or digit separates words; see [`normalize`]). A member matches when
//! **every** query word is the beginning of some word of the member, each anywhere and in
//! any order: `inyec` finds "Inyección de plástico", `MEXICO estampado` finds a member
//! offering "Estampado" in "Estado de México". The words searched are:
//!
//! - the name and the legal name;
//! - the labels (in every language of the file) and aliases of the capabilities the member
//!   offers (not of its needs), and the labels of the certifications it holds (expired or
//!   not), so `stamping`, `estampado` and `troquelado` find the same members whatever the
//!   interface language;
//! - the pitch and description in every language, the customers, the city and the state.
//!
//! # Ranking (relevance)
//!
//! Members are ranked by tier, best first:
//!
//! 1. the name equals the search text (after folding: `aceros del norte` for "Aceros del Norte");
//! 2. the name starts with the search text (`acer`, `aceros del n`);
//! 3. every query word starts a word of the name, in any order (`norte aceros`);
//! 4. every query word starts a word of the name or the legal name;
//! 5. every query word starts a word of the name, legal name or a capability or
//!    certification label or alias (the name of what the member does);
//! 6. the rest: at least one query word is found only in the pitch, description,
//!    customers, city or state.
//!
//! Within tiers 3 to 6, members where more of the words matched in better fields come first:
//! each word scores 0 (name), 1 (legal name), 2 (capability/certification) or 3 (free text)
//! by the best field it starts a word of, and the lower sum wins. Remaining ties, and the
//! whole list when the search text is empty, go by name, compared after folding (then as
//! written, then by file order, so the order is total and stable).
//!
//! # Other orders
//!
//! [`SortOrder::Name`] by folded name; [`SortOrder::Employees`] largest first, members without
//! a headcount last; [`SortOrder::Founded`] oldest first, members without a year last. Ties
//! by name as above. The search text still decides which members are listed.
//!
//! # Facets
//!
//! Values of one facet combine with OR, facets with AND. A value's count is disjunctive: the
//! number of results the list would have with that value selected instead of the facet's
//! current selection, i.e. with the search text and every *other* facet's filters (standard
//! e-commerce faceting; for an unselected facet it is just how many results have the value).
//! Filter values the directory does not know are ignored (see [`drop_unknown_filters`] to
//! remove them and tell the visitor). With `only_valid_certifications`, the Certification
//! facet (filtering, counts and totals) only considers certificates not expired on `today`.
//!
//! Facet values and their ids (the strings [`crate::query::Filters`] holds):
//!
//! - Capability and Need: capability ids, grouped by capability group in the file's order
//!   of groups (capabilities without a group last), file order within a group; `group` is
//!   the group id. Every capability of the vocabulary is listed, used or not.
//! - Kind: `oem`, `tier1`, `tier2`, `tier3`, `service`, `institution` (all six, always).
//! - Certification and Event: ids, in file order (events: the UI puts upcoming ones first).
//! - Place: a state as written in the file (trimmed), and a city as `State/City`
//!   ([`PLACE_SEPARATOR`]) with `parent` the state; selecting a state matches all its cities.
//!   A member with a city but no state is in the value `/City` (empty state), listed at the
//!   top level with no `parent`; its label is the text after the separator. Order: states and
//!   such stateless cities by number of members (most first) then name, each state followed
//!   by its cities in the same order. (A state written with a `/` in it could spell the same
//!   id as a city of another state; such values are merged into one, so ids stay unique.)
//!
//! # Cost
//!
//! Building folds every text once (members in file order) and keeps a sorted vocabulary of
//! folded words; a typed prefix is one contiguous run of it. A word's members are a sorted
//! `u32` list while rare and bitsets (one bit per member) once common; every facet value is
//! a bitset or, when small, a list. Members are numbered by name order inside the index, so
//! a query is a few bitset ORs and ANDs, disjunctive counts are popcounts of ANDs (over only
//! the nonzero words, or the complement's, whichever is fewer), and listing the results by
//! name or by relevance tier is reading bits in order; the other sorts filter a precomputed
//! order. A query allocates a few bitsets of `members / 8` bytes (four per query word), the
//! facet value list and the result list, and caches nothing, so the index is plain
//! immutable data (`Send + Sync`) that can sit in an `Arc`.
//!
//! Measured with `cargo run --release -p vitrina-core --example search_timing -- FILE` on a
//! directory from `cargo xtask gen-directory`.

mod bits;
mod facets;
mod normalize;
mod text_index;

#[cfg(test)]
mod tests;

pub use facets::drop_unknown_filters;
pub use normalize::{match_ranges, normalize, query_words};

use crate::format;
use crate::lang::Lang;
use crate::model::{Directory, MemberKind};
use crate::query::{Facet, ListQuery, SortOrder, PLACE_SEPARATOR};
use crate::sorting;
use crate::text::Text;
use crate::valid::IsoDate;
use bits::MemberSet;
use facets::{facet_index, Facets};
use std::ops::Range;
use text_index::{TextIndex, TextIndexBuilder, CLASSES, VOCABULARY};

/// The search index of one directory: built once, then queried for every keystroke.
///
/// Inside, members are numbered by their position in name order (the "id"), so every set
/// of members is a bitset in name order: listing a result by name is reading its bits.
#[derive(Debug)]
pub struct SearchIndex {
    /// How many members.
    members: usize,
    text: TextIndex,
    facets: Facets,
    /// Member index of each id: the members by name (folded, then as written, then file order).
    by_name: Vec<u32>,
    /// The id of each member index.
    ids: Vec<u32>,
    /// Ids by headcount, largest first, unknown last, then by name.
    by_employees: Vec<u32>,
    /// Ids by founding year, oldest first, unknown last, then by name.
    by_founded: Vec<u32>,
}

/// A [`SearchIndex`] built in a few steps (names, facets, words, orders), so that a caller
/// can give the browser its turn in between; [`SearchIndex::build`] takes them all at once.
pub struct IndexBuilder<'a> {
    directory: &'a Directory,
    by_name: Vec<u32>,
    ids: Vec<u32>,
    facets: Option<Facets>,
    words: Option<TextIndexBuilder>,
    text: Option<TextIndex>,
}

impl<'a> IndexBuilder<'a> {
    /// Starts indexing `directory` with its first step: the members in name order.
    pub fn new(directory: &'a Directory) -> IndexBuilder<'a> {
        let members = &directory.members;
        let n = members.len();
        // Sort keys: the folded name, a NUL (which no folded name contains, and which sorts
        // before every other character) and the name as written, so one string comparison
        // compares by folded name, then as written.
        let mut keys: Vec<(Box<str>, u32)> = members
            .iter()
            .enumerate()
            .map(|(at, m)| {
                let mut key = normalize(&m.name);
                key.push('\0');
                key.push_str(&m.name);
                (key.into_boxed_str(), at as u32)
            })
            .collect();
        // The same element type as the text index's word sort: one copy of the sort for both.
        keys.sort_unstable();
        let by_name: Vec<u32> = keys.into_iter().map(|(_, at)| at).collect();
        let mut ids = vec![0u32; n];
        for (id, &m) in by_name.iter().enumerate() {
            ids[m as usize] = id as u32;
        }
        IndexBuilder { directory, by_name, ids, facets: None, words: None, text: None }
    }

    /// Takes the next step: the facets, then the words, then the orders, which give the index.
    pub fn step(&mut self) -> Option<SearchIndex> {
        self.step_while(|| true)
    }

    /// Like [`IndexBuilder::step`], except that the words are read from the members only while
    /// `more()` holds (at least one member per call): the step that reads them, the longest
    /// by far in a large directory, becomes as many calls as the caller's time budget needs.
    pub fn step_while(&mut self, more: impl FnMut() -> bool) -> Option<SearchIndex> {
        let directory = self.directory;
        let Some(facets) = &self.facets else {
            self.facets = Some(Facets::build(directory, &self.ids));
            return None;
        };
        let Some(text) = self.text.take() else {
            let words = self.words.get_or_insert_with(|| TextIndexBuilder::new(self.ids.len()));
            if !words.read_members(directory, &self.ids, more) {
                return None;
            }
            let words = self.words.take()?;
            let certifications = facets.ranges[facet_index(Facet::Certification)].start;
            let mut vocabulary: Vec<(u32, Vec<&str>)> = Vec::new();
            for (c, capability) in directory.capabilities.iter().enumerate() {
                let texts = capability.label.variants().chain(capability.aliases.words()).collect();
                vocabulary.push((facets.capability_values[c], texts));
            }
            for (c, certification) in directory.certifications.iter().enumerate() {
                vocabulary.push(((certifications + c) as u32, certification.label.variants().collect()));
            }
            self.text = Some(words.finish(&vocabulary));
            return None;
        };
        // Stable sorts of the ids (already in name order) keep ties in name order.
        let members = &directory.members;
        let n = members.len();
        let by_name = std::mem::take(&mut self.by_name);
        let member = |id: &u32| &members[by_name[*id as usize] as usize];
        let mut by_employees: Vec<u32> = (0..n as u32).collect();
        sorting::sort_by_key(&mut by_employees, |id| {
            let employees = member(id).employees;
            (employees.is_none(), std::cmp::Reverse(employees))
        });
        let mut by_founded: Vec<u32> = (0..n as u32).collect();
        sorting::sort_by_key(&mut by_founded, |id| {
            let founded = member(id).founded;
            (founded.is_none(), founded)
        });
        let facets = self.facets.take()?;
        let ids = std::mem::take(&mut self.ids);
        Some(SearchIndex { members: n, text, facets, by_name, ids, by_employees, by_founded })
    }
}

/// What a query gives: the members to list, in order, and the facet counts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchResults {
    /// Indices into `directory.members`, in list order.
    pub members: Vec<u32>,
    /// Disjunctive counts of every facet value.
    pub facets: FacetCounts,
}

/// Every value of every facet with its disjunctive count.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FacetCounts {
    values: [Vec<FacetValue>; 6],
}

impl FacetCounts {
    /// Every value of `facet` present in the directory, zero counts included (the UI shows
    /// them dimmed), in display order (see the module documentation).
    pub fn values(&self, facet: Facet) -> &[FacetValue] {
        &self.values[facet_index(facet)]
    }

    /// The count of one value, if the facet has it.
    pub fn count(&self, facet: Facet, value: &str) -> Option<u32> {
        self.values(facet).iter().find(|v| v.value == value).map(|v| v.count)
    }
}

/// One facet value and how many results it would give.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetValue {
    /// The id as used in [`crate::query::Filters`].
    pub value: String,
    /// Results with this value and the search text and all other facets' filters.
    pub count: u32,
    /// Members with this value among all the members searched (the whole directory, or an
    /// event's attendees), regardless of text and filters: 0 means no member has it at all,
    /// which a UI may hide rather than dim.
    pub total: u32,
    /// The capability group id, for Capability and Need values.
    pub group: Option<String>,
    /// The state, for a city Place value.
    pub parent: Option<String>,
}

/// A member set given by reference: one of the index's, or one made for this query.
#[derive(Clone, Copy)]
enum SetRef<'a> {
    Set(&'a MemberSet),
    Bits(&'a [u64]),
}

impl SetRef<'_> {
    fn or_into(self, dst: &mut [u64]) {
        match self {
            SetRef::Set(set) => set.or_into(dst),
            SetRef::Bits(b) => bits::or_assign(dst, b),
        }
    }

    fn and_count(self, base: &[u64], nonzero: Option<&[u32]>) -> u32 {
        match self {
            SetRef::Set(set) => set.and_count(base, nonzero),
            SetRef::Bits(mine) => bits::and_count(mine, base, nonzero),
        }
    }
}

impl SearchIndex {
    /// Indexes a loaded directory.
    pub fn build(directory: &Directory) -> SearchIndex {
        let mut builder = IndexBuilder::new(directory);
        loop {
            if let Some(index) = builder.step() {
                return index;
            }
        }
    }

    /// Runs a query: ordered member indices (into directory.members) + disjunctive facet counts.
    ///
    /// `directory` must be the one the index was built from.
    pub fn run(&self, directory: &Directory, query: &ListQuery, today: IsoDate) -> SearchResults {
        self.run_in(directory, None, query, today)
    }

    /// Same as run, but restricted to members attending `event_id` (the event page), counts included.
    ///
    /// An unknown event gives no members.
    pub fn run_within_event(
        &self,
        directory: &Directory,
        event_id: &str,
        query: &ListQuery,
        today: IsoDate,
    ) -> SearchResults {
        let empty = MemberSet::Sparse(Box::new([]));
        let attendees = self.facets.find(Facet::Event, event_id).map_or(&empty, |g| &self.facets.sets[g]);
        self.run_in(directory, Some(attendees), query, today)
    }

    /// Up to `limit` members whose capabilities overlap most with member `index` (Jaccard, ties by name), excluding itself.
    ///
    /// The overlap of two members is the number of capabilities both offer divided by the
    /// number either offers. Members sharing no capability are never listed.
    pub fn similar_members(&self, directory: &Directory, index: usize, limit: usize) -> Vec<usize> {
        let _ = directory;
        let Some(&me) = self.ids.get(index) else { return Vec::new() };
        if limit == 0 {
            return Vec::new();
        }
        let mut shared = vec![0u16; self.members];
        let mut candidates: Vec<u32> = Vec::new();
        for &global in &self.facets.capability_values {
            let set = &self.facets.sets[global as usize];
            if set.contains(me) {
                set.for_each(|id| {
                    if shared[id as usize] == 0 && id != me {
                        candidates.push(id);
                    }
                    shared[id as usize] = shared[id as usize].saturating_add(1);
                });
            }
        }
        let mine = u64::from(self.facets.capability_counts[me as usize]);
        let score = |id: u32| {
            let both = u64::from(shared[id as usize]);
            let either = mine + u64::from(self.facets.capability_counts[id as usize]) - both;
            (both, either.max(1))
        };
        // Higher both/either first, compared exactly by cross-multiplying; then by name (id).
        sorting::sort_by(&mut candidates, |&a, &b| {
            let ((a_both, a_either), (b_both, b_either)) = (score(a), score(b));
            (b_both * a_either).cmp(&(a_both * b_either)).then(a.cmp(&b))
        });
        candidates.into_iter().take(limit).map(|id| self.by_name[id as usize] as usize).collect()
    }

    /// Removes the filter values this index's directory doesn't know; like [`drop_unknown_filters`], faster.
    pub fn drop_unknown_filters(&self, query: &ListQuery) -> (ListQuery, Vec<(Facet, String)>) {
        facets::retain_filters(query, |facet, value| self.facets.find(facet, value).is_some())
    }

    /// An estimate of the heap memory the index uses, in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.text.heap_bytes()
            + self.facets.heap_bytes()
            + 4 * (self.by_name.capacity()
                + self.ids.capacity()
                + self.by_employees.capacity()
                + self.by_founded.capacity())
    }

    /// Index statistics for measurements: (distinct words, listed word-member pairs, words stored as bitsets).
    pub fn stats(&self) -> (usize, usize, usize) {
        let (listed, dense) = self.text.shape();
        (self.text.word_count(), listed, dense)
    }

    fn run_in(
        &self,
        directory: &Directory,
        scope: Option<&MemberSet>,
        query: &ListQuery,
        today: IsoDate,
    ) -> SearchResults {
        let n = self.members;
        let size = bits::words_for(n);
        let words = query_words(&query.text);

        // Members in scope, then those matching every word: `matched[w][class]` holds the
        // members with a word starting with query word w in that class.
        let mut in_scope = bits::full(n);
        if let Some(scope) = scope {
            scope.and_into(&mut in_scope);
        }
        let mut base = in_scope.clone();
        let mut matched: Vec<[Vec<u64>; CLASSES]> = Vec::with_capacity(words.len());
        let mut items = Vec::new();
        let mut any = vec![0u64; size];
        for word in &words {
            let mut classes: [Vec<u64>; CLASSES] = std::array::from_fn(|_| vec![0u64; size]);
            items.clear();
            self.text.match_prefix(word, &mut classes, &mut items);
            items.sort_unstable();
            items.dedup();
            for &item in &items {
                self.facets.sets[item as usize].or_into(&mut classes[VOCABULARY]);
            }
            any.copy_from_slice(&classes[0]);
            for class in &classes[1..] {
                bits::or_assign(&mut any, class);
            }
            bits::and_assign(&mut base, &any);
            matched.push(classes);
        }

        // With only valid certificates, each certification's set is made for `today`.
        let valid_certificates: Vec<Vec<u64>> = if query.filters.only_valid_certifications {
            (0..self.facets.never_expiring.len())
                .map(|c| {
                    let mut set = vec![0u64; size];
                    self.facets.never_expiring[c].or_into(&mut set);
                    for &(_, id) in self.facets.expiring[c].iter().take_while(|(until, _)| *until >= today) {
                        bits::set(&mut set, id);
                    }
                    set
                })
                .collect()
        } else {
            Vec::new()
        };
        let certifications = self.facets.ranges[facet_index(Facet::Certification)].clone();
        let set_of = |global: usize| -> SetRef<'_> {
            if !valid_certificates.is_empty() && certifications.contains(&global) {
                SetRef::Bits(&valid_certificates[global - certifications.start])
            } else {
                SetRef::Set(&self.facets.sets[global])
            }
        };

        // Each active facet's OR of its selected (known) values.
        let mut active: Vec<(usize, Vec<u64>)> = Vec::new();
        for facet in Facet::ALL {
            let mut selected =
                query.filters.values(facet).filter_map(|value| self.facets.find(facet, value)).peekable();
            if selected.peek().is_some() {
                let mut set = vec![0u64; size];
                selected.for_each(|global| set_of(global).or_into(&mut set));
                active.push((facet_index(facet), set));
            }
        }
        let mut results = base.clone();
        for (_, set) in &active {
            bits::and_assign(&mut results, set);
        }

        // Counts: each facet against the results of the text and the other facets' filters.
        let mut counts = FacetCounts::default();
        let mut others = Vec::new();
        let mut missing = vec![0u64; size];
        let (mut nonzero, mut nonzero_missing) = (Vec::new(), Vec::new());
        let unrestricted = scope.is_none() && words.is_empty();
        for facet in Facet::ALL {
            let at = facet_index(facet);
            let other_filters = active.iter().filter(|(f, _)| *f != at).count();
            let against: &[u64] = if other_filters == active.len() {
                &results
            } else {
                others.clone_from(&base);
                for (_, set) in active.iter().filter(|(f, _)| *f != at) {
                    bits::and_assign(&mut others, set);
                }
                &others
            };
            // Against everything, a count is the value's total.
            let everything = unrestricted && other_filters == 0;
            // Only the nonzero words of `against` need looking at; when it has more of them
            // than the members in scope it misses, count those and subtract from the total.
            nonzero.clear();
            nonzero_missing.clear();
            if !everything {
                nonzero.extend((0..size as u32).filter(|&w| against[w as usize] != 0));
                for (w, (missed, (&scope_word, &against_word))) in
                    missing.iter_mut().zip(in_scope.iter().zip(against)).enumerate()
                {
                    *missed = scope_word & !against_word;
                    if *missed != 0 {
                        nonzero_missing.push(w as u32);
                    }
                }
            }
            let by_missing = nonzero_missing.len() < nonzero.len();
            let (words_to_count, bitset) =
                if by_missing { (&nonzero_missing, &missing[..]) } else { (&nonzero, against) };
            let listed = (words_to_count.len() * 2 < size).then_some(&words_to_count[..]);
            let range = self.facets.ranges[at].clone();
            counts.values[at] = range
                .map(|global| {
                    let set = set_of(global);
                    let total = match (scope, set) {
                        (None, SetRef::Set(_)) => self.facets.values[global].total,
                        _ => set.and_count(&in_scope, None),
                    };
                    let count = if everything {
                        total
                    } else if by_missing {
                        total - set.and_count(bitset, listed)
                    } else {
                        set.and_count(bitset, listed)
                    };
                    FacetValue { count, total, ..self.facets.values[global].clone() }
                })
                .collect();
        }

        let members = self.order(directory, query, &words, &matched, &results);
        SearchResults { members, facets: counts }
    }

    /// The member indices of `results` (ids) in the query's order.
    fn order(
        &self,
        directory: &Directory,
        query: &ListQuery,
        words: &[String],
        matched: &[[Vec<u64>; CLASSES]],
        results: &[u64],
    ) -> Vec<u32> {
        let found = bits::count(results) as usize;
        let mut out = Vec::with_capacity(found);
        let member = |id: u32| directory.members.get(self.by_name[id as usize] as usize);
        match query.sort {
            SortOrder::Relevance if !words.is_empty() => {
                self.by_relevance(directory, &query.text, matched, results, &mut out)
            }
            SortOrder::Relevance | SortOrder::Name => {
                bits::for_each(results, |id| out.push(self.by_name[id as usize]));
            }
            SortOrder::Employees | SortOrder::Founded => {
                // Few results: sort them; many: one pass over the precomputed order.
                if found * 16 <= self.members {
                    let mut ids = Vec::with_capacity(found);
                    bits::for_each(results, |id| ids.push(id));
                    if query.sort == SortOrder::Employees {
                        sorting::sort_by_key(&mut ids, |&id| {
                            let employees = member(id).and_then(|m| m.employees);
                            (employees.is_none(), std::cmp::Reverse(employees))
                        });
                    } else {
                        sorting::sort_by_key(&mut ids, |&id| {
                            let founded = member(id).and_then(|m| m.founded);
                            (founded.is_none(), founded)
                        });
                    }
                    out.extend(ids.into_iter().map(|id| self.by_name[id as usize]));
                } else {
                    let order = if query.sort == SortOrder::Employees { &self.by_employees } else { &self.by_founded };
                    out.extend(
                        order.iter().filter(|&&id| bits::test(results, id)).map(|&id| self.by_name[id as usize]),
                    );
                }
            }
        }
        out
    }

    /// Appends the member indices of the results (ids) to `out` by relevance key, best first,
    /// each key in name order. The key is the tier and word score of the module
    /// documentation: 0 exact name, 1 name prefix, then `(2 + worst class) * stride + sum of classes`.
    fn by_relevance(
        &self,
        directory: &Directory,
        text: &str,
        matched: &[[Vec<u64>; CLASSES]],
        results: &[u64],
        out: &mut Vec<u32>,
    ) {
        let (exact, prefix) = self.name_matches(directory, &normalize(text));
        // The part of the 64-member block `at` that falls in a range of ids.
        let block_of = |range: &Range<usize>, at: usize| -> u64 {
            let (low, high) = (at << 6, (at + 1) << 6);
            let (from, to) = (range.start.clamp(low, high) - low, range.end.clamp(low, high) - low);
            let ones = |bits: usize| if bits == 64 { u64::MAX } else { (1u64 << bits) - 1 };
            ones(to) & !ones(from)
        };
        let by_name = &self.by_name[..];
        let push_all = |out: &mut Vec<u32>, at: usize, mut set: u64| {
            let block = &by_name[at << 6..((at + 1) << 6).min(by_name.len())];
            let start = out.len();
            out.resize(start + set.count_ones() as usize, 0);
            for slot in &mut out[start..] {
                *slot = block[set.trailing_zeros() as usize];
                set &= set - 1;
            }
        };
        let named = |at: usize| block_of(&exact, at) | block_of(&prefix, at);
        if let [classes] = matched {
            // One word: the key is its class, so each tier is one pass over the blocks.
            for tier in 0..6 {
                for (at, &result) in results.iter().enumerate().filter(|(_, &result)| result != 0) {
                    let (c0, c1, c2) = (classes[0][at], classes[1][at], classes[2][at]);
                    let plane = match tier {
                        0 => block_of(&exact, at),
                        1 => block_of(&prefix, at),
                        2 => !named(at) & c0,
                        3 => !named(at) & c1 & !c0,
                        4 => !named(at) & c2 & !(c0 | c1),
                        _ => !named(at) & !(c0 | c1 | c2),
                    };
                    push_all(out, at, result & plane);
                }
            }
            return;
        }
        let stride = 3 * matched.len() + 1;
        let mut buckets: Vec<Vec<u32>> = vec![Vec::new(); 6 * stride];
        // The class bits of every word for the current block.
        let mut block: Vec<[u64; CLASSES - 1]> = vec![[0; CLASSES - 1]; matched.len()];
        for (at, &result) in results.iter().enumerate().filter(|(_, &result)| result != 0) {
            push_all(&mut buckets[0], at, result & block_of(&exact, at));
            push_all(&mut buckets[stride], at, result & block_of(&prefix, at));
            for (word, classes) in block.iter_mut().zip(matched) {
                *word = [classes[0][at], classes[1][at], classes[2][at]];
            }
            let mut left = result & !named(at);
            while left != 0 {
                let bit = left.trailing_zeros();
                left &= left - 1;
                let (mut worst, mut sum) = (0, 0);
                for word in &block {
                    let class = if word[0] >> bit & 1 != 0 {
                        0
                    } else if word[1] >> bit & 1 != 0 {
                        1
                    } else if word[2] >> bit & 1 != 0 {
                        2
                    } else {
                        3
                    };
                    worst = worst.max(class);
                    sum += class;
                }
                buckets[(2 + worst) * stride + sum].push(self.by_name[(at << 6) | bit as usize]);
            }
        }
        buckets.into_iter().for_each(|bucket| out.extend(bucket));
    }

    /// The runs of ids whose folded name equals `folded`, and that start with it (after the equal ones).
    fn name_matches(&self, directory: &Directory, folded: &str) -> (Range<usize>, Range<usize>) {
        let name = |id: usize| {
            let member = directory.members.get(self.by_name[id] as usize);
            normalize(member.map_or("", |m| m.name.as_str()))
        };
        let point = |from: usize, to: usize, before: &dyn Fn(&str) -> bool| {
            let (mut from, mut to) = (from, to);
            while from < to {
                let mid = from + (to - from) / 2;
                if before(&name(mid)) {
                    from = mid + 1;
                } else {
                    to = mid;
                }
            }
            from
        };
        let n = self.by_name.len();
        let first = point(0, n, &|name| name < folded);
        let equal_end = point(first, n, &|name| name == folded);
        let prefix_end = point(equal_end, n, &|name| name.starts_with(folded));
        (first..equal_end, equal_end..prefix_end)
    }
}

/// How a facet value reads to a person in `lang`: capabilities, certifications and events by
/// their label in the file (the cluster's language standing in for a missing one), member
/// kinds by their name, places by their city (a state by itself). A value the directory does
/// not know reads as itself.
pub fn facet_value_label(directory: &Directory, facet: Facet, value: &str, lang: Lang) -> String {
    let resolve = |text: &Text| text.resolve(lang.tag(), directory.fallback_language()).to_owned();
    let label = match facet {
        Facet::Capability | Facet::Need => directory.capability(value).map(|capability| resolve(&capability.label)),
        Facet::Certification => directory.certification(value).map(|certification| resolve(&certification.label)),
        Facet::Event => directory.event(value).map(|event| resolve(&event.name)),
        Facet::Kind => MemberKind::from_name(value).map(|kind| format::member_kind(kind, lang).to_owned()),
        Facet::Place => place_parts(value).1.map(str::to_owned),
    };
    label.unwrap_or_else(|| value.to_owned())
}

/// The state and city of a Place value: `("Chihuahua", None)`, `("Chihuahua", Some("Ciudad Juárez"))`,
/// `("", Some("Ciudad Juárez"))` for a city listed without a state.
pub fn place_parts(value: &str) -> (&str, Option<&str>) {
    match value.split_once(PLACE_SEPARATOR) {
        Some((state, city)) => (state, Some(city)),
        None => (value, None),
    }
}
