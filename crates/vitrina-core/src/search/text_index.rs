//! The word index: a sorted vocabulary of folded words, each with the members it occurs in
//! (and in which field class) and the capabilities and certifications whose labels or
//! aliases contain it. Every word with a given prefix sits in one contiguous run of the
//! vocabulary, and their member lists sit in one contiguous run of `postings`, so a typed
//! prefix is two binary searches and one linear scan.
//!
//! A word found in many members (`de`, `the`, `automotriz`) is stored as one bitset per
//! field class it occurs in instead of a list, as soon as it is in one member in 32 (when a
//! list of `u32` would take as much room as one bitset): a short prefix such as `e` then
//! costs a few bitset ORs instead of setting a bit for each of hundreds of thousands of
//! list entries.

use super::bits;
use super::normalize::for_each_word;
use crate::model::{Directory, Member};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

/// Field classes, best first: where a query word matched decides the rank.
pub(crate) const NAME: usize = 0;
pub(crate) const LEGAL_NAME: usize = 1;
pub(crate) const VOCABULARY: usize = 2;
pub(crate) const FREE_TEXT: usize = 3;
/// How many classes.
pub(crate) const CLASSES: usize = 4;

const NONE: u32 = u32::MAX;

/// The word index. Members are numbered by the index's internal ids (see `SearchIndex`);
/// vocabulary items are global facet value indices (see `facets`).
#[derive(Debug)]
pub(crate) struct TextIndex {
    /// Every word, sorted, one after the other.
    words: String,
    /// Where each word ends in `words`.
    word_ends: Vec<u32>,
    /// Where each word's postings end in `postings` (a dense word has none).
    posting_ends: Vec<u32>,
    /// `member << 2 | class` for every (word, member) pair of the listed words, by word then member.
    postings: Vec<u32>,
    /// For each word, its entry in `dense_sets`, or `NONE` when it is listed in `postings`.
    dense: Vec<u32>,
    /// For each dense word, its members in the classes name, legal name and free text.
    dense_sets: Vec<[Option<Box<[u64]>>; 3]>,
    /// Where each word's vocabulary items end in `items`.
    item_ends: Vec<u32>,
    items: Vec<u32>,
}

/// The slot of the classes stored per member in a dense word's bitsets.
fn slot_of(class: usize) -> usize {
    match class {
        NAME => 0,
        LEGAL_NAME => 1,
        _ => 2,
    }
}

/// Calls `f` with every searchable text of a member and its class (vocabulary words are
/// indexed once per capability or certification, not per member).
pub(crate) fn member_texts(member: &Member, mut f: impl FnMut(&str, usize)) {
    f(&member.name, NAME);
    if let Some(legal) = &member.legal_name {
        f(legal, LEGAL_NAME);
    }
    for text in member.pitch.iter().chain(&member.description) {
        text.variants().for_each(|variant| f(variant, FREE_TEXT));
    }
    member.customers.iter().for_each(|customer| f(customer, FREE_TEXT));
    if let Some(location) = &member.location {
        location.city.iter().chain(&location.state).for_each(|place| f(place, FREE_TEXT));
    }
}

/// A word's members while building: a list, until it is long enough for bitsets to be smaller.
enum Building {
    List(Vec<u32>),
    Dense([Option<Box<[u64]>>; 3]),
}

type WordIds = HashMap<Box<str>, u32, BuildHasherDefault<FxHasher>>;

/// A [`TextIndex`] built a few members at a time (see [`TextIndexBuilder::read_members`]),
/// so that a caller can give the browser its turn in between.
pub(crate) struct TextIndexBuilder {
    /// Members read so far.
    read: usize,
    bitset_words: usize,
    word_ids: WordIds,
    building: Vec<Building>,
    buffer: String,
    /// The member's distinct words, and for every word the last member (plus one) it was
    /// seen in and its best class there: each word once per member without sorting.
    distinct: Vec<u32>,
    seen: Vec<(u32, u8)>,
}

/// The id of `word`, given to it on first sight.
fn word_id(word_ids: &mut WordIds, building: &mut Vec<Building>, word: &str) -> u32 {
    if let Some(&id) = word_ids.get(word) {
        return id;
    }
    let id = building.len() as u32;
    word_ids.insert(word.into(), id);
    building.push(Building::List(Vec::new()));
    id
}

impl TextIndexBuilder {
    /// Starts a word index of `members` members.
    pub(crate) fn new(members: usize) -> TextIndexBuilder {
        TextIndexBuilder {
            read: 0,
            bitset_words: bits::words_for(members),
            word_ids: WordIds::default(),
            building: Vec::new(),
            buffer: String::new(),
            distinct: Vec::new(),
            seen: Vec::new(),
        }
    }

    /// Indexes the texts of `directory.members[m]` as member `ids[m]`, from the first member
    /// not read yet, while `more()` holds (at least one member per call); true once every
    /// member is read. `directory` and `ids` must be the same on every call.
    pub(crate) fn read_members(&mut self, directory: &Directory, ids: &[u32], mut more: impl FnMut() -> bool) -> bool {
        let n = ids.len();
        let TextIndexBuilder { read, bitset_words, word_ids, building, buffer, distinct, seen } = self;
        // Members in file order, as they lie in memory; lists are sorted by id at the end.
        while let (Some(member), Some(&id)) = (directory.members.get(*read), ids.get(*read)) {
            distinct.clear();
            *read += 1;
            let marker = *read as u32;
            member_texts(member, |text, class| {
                for_each_word(text, buffer, |word| {
                    let word = word_id(word_ids, building, word) as usize;
                    if word >= seen.len() {
                        seen.resize(word + 1, (0, 0));
                    }
                    let entry = &mut seen[word];
                    if entry.0 != marker {
                        *entry = (marker, class as u8);
                        distinct.push(word as u32);
                    } else {
                        entry.1 = entry.1.min(class as u8);
                    }
                });
            });
            for &word in distinct.iter() {
                let class = seen[word as usize].1;
                let entry = &mut building[word as usize];
                if let Building::List(list) = entry {
                    list.push(id << 2 | u32::from(class));
                    // A bitset per class takes n / 8 bytes, as much as a list of n / 32 members.
                    if list.len() * 32 >= n {
                        let mut sets: [Option<Box<[u64]>>; 3] = Default::default();
                        for &posting in list.iter() {
                            let set = sets[slot_of((posting & 3) as usize)]
                                .get_or_insert_with(|| vec![0u64; *bitset_words].into_boxed_slice());
                            bits::set(set, posting >> 2);
                        }
                        *entry = Building::Dense(sets);
                    }
                } else if let Building::Dense(sets) = entry {
                    let set =
                        sets[slot_of(class.into())].get_or_insert_with(|| vec![0u64; *bitset_words].into_boxed_slice());
                    bits::set(set, id);
                }
            }
            if !more() {
                break;
            }
        }
        *read >= n.min(directory.members.len())
    }

    /// The index of the members read; `vocabulary_texts` gives, for each vocabulary item,
    /// the texts (labels in every language, aliases) that find it.
    pub(crate) fn finish(self, vocabulary_texts: &[(u32, Vec<&str>)]) -> TextIndex {
        let TextIndexBuilder { mut word_ids, mut building, mut buffer, .. } = self;
        let mut item_pairs: Vec<(u32, u32)> = Vec::new();
        for (item, texts) in vocabulary_texts {
            for text in texts {
                for_each_word(text, &mut buffer, |word| {
                    item_pairs.push((word_id(&mut word_ids, &mut building, word), *item));
                });
            }
        }

        let mut sorted: Vec<(Box<str>, u32)> = word_ids.into_iter().collect();
        // The index's hot sorts keep the standard unstable sort, on as few element types as
        // possible: (Box<str>, u32) here and for the name keys, u64 and u32 (see crate::sorting).
        sorted.sort_unstable();
        let mut rank = vec![0u32; sorted.len()];
        for (at, (_, id)) in sorted.iter().enumerate() {
            rank[*id as usize] = at as u32;
        }
        // (rank, item) pairs packed into one u64 each, which sorts the same way.
        let mut items: Vec<u64> =
            item_pairs.iter().map(|&(id, item)| (u64::from(rank[id as usize]) << 32) | u64::from(item)).collect();
        items.sort_unstable();
        items.dedup();
        let mut items = items.into_iter().map(|pair| ((pair >> 32) as u32, pair as u32)).peekable();

        let word_count = sorted.len();
        let listed: usize = building.iter().map(|b| if let Building::List(list) = b { list.len() } else { 0 }).sum();
        let mut index = TextIndex {
            words: String::with_capacity(sorted.iter().map(|(w, _)| w.len()).sum()),
            word_ends: Vec::with_capacity(word_count),
            posting_ends: Vec::with_capacity(word_count),
            postings: Vec::with_capacity(listed),
            dense: Vec::with_capacity(word_count),
            dense_sets: Vec::new(),
            item_ends: Vec::with_capacity(word_count),
            items: Vec::new(),
        };
        for (at, (word, id)) in sorted.into_iter().enumerate() {
            index.words.push_str(&word);
            index.word_ends.push(index.words.len() as u32);
            match std::mem::replace(&mut building[id as usize], Building::List(Vec::new())) {
                Building::List(mut list) => {
                    list.sort_unstable();
                    index.postings.extend_from_slice(&list);
                    index.dense.push(NONE);
                }
                Building::Dense(sets) => {
                    index.dense.push(index.dense_sets.len() as u32);
                    index.dense_sets.push(sets);
                }
            }
            index.posting_ends.push(index.postings.len() as u32);
            while let Some((_, item)) = items.next_if(|(r, _)| *r as usize == at) {
                index.items.push(item);
            }
            index.item_ends.push(index.items.len() as u32);
        }
        index
    }
}

impl TextIndex {
    fn word(&self, at: usize) -> &str {
        let start = if at == 0 { 0 } else { self.word_ends[at - 1] as usize };
        &self.words[start..self.word_ends[at] as usize]
    }

    /// The run of vocabulary words that start with `prefix`.
    pub(crate) fn prefix_range(&self, prefix: &str) -> Range<usize> {
        let len = self.word_ends.len();
        let first = partition_point(0, len, |at| self.word(at) < prefix);
        let end = partition_point(first, len, |at| self.word(at).starts_with(prefix));
        first..end
    }

    /// Adds to `matched[class]` every member that has a word starting with `prefix` in that
    /// class; the vocabulary items found go to `items` (unsorted, possibly repeated).
    pub(crate) fn match_prefix(&self, prefix: &str, matched: &mut [Vec<u64>; CLASSES], items: &mut Vec<u32>) {
        let range = self.prefix_range(prefix);
        if range.is_empty() {
            return;
        }
        let start = |ends: &[u32]| if range.start == 0 { 0 } else { ends[range.start - 1] as usize };
        let postings = &self.postings[start(&self.posting_ends)..self.posting_ends[range.end - 1] as usize];
        for &entry in postings {
            bits::set(&mut matched[(entry & 3) as usize], entry >> 2);
        }
        for &slot in self.dense[range.clone()].iter().filter(|&&slot| slot != NONE) {
            for (class, set) in [NAME, LEGAL_NAME, FREE_TEXT].iter().zip(&self.dense_sets[slot as usize]) {
                if let Some(set) = set {
                    bits::or_assign(&mut matched[*class], set);
                }
            }
        }
        items.extend_from_slice(&self.items[start(&self.item_ends)..self.item_ends[range.end - 1] as usize]);
    }

    /// How many distinct words.
    pub(crate) fn word_count(&self) -> usize {
        self.word_ends.len()
    }

    /// How many (word, member) pairs are listed, and how many words are stored as bitsets.
    pub(crate) fn shape(&self) -> (usize, usize) {
        (self.postings.len(), self.dense_sets.len())
    }

    /// Heap bytes used.
    pub(crate) fn heap_bytes(&self) -> usize {
        let dense: usize = self.dense_sets.iter().flat_map(|sets| sets.iter().flatten()).map(|set| set.len() * 8).sum();
        self.words.capacity()
            + 4 * (self.word_ends.capacity()
                + self.posting_ends.capacity()
                + self.postings.capacity()
                + self.dense.capacity()
                + self.item_ends.capacity()
                + self.items.capacity())
            + std::mem::size_of::<[Option<Box<[u64]>>; 3]>() * self.dense_sets.capacity()
            + dense
    }
}

/// The first index in `from..to` where `before` turns false (`before` must be true, then false).
fn partition_point(mut from: usize, mut to: usize, before: impl Fn(usize) -> bool) -> usize {
    while from < to {
        let mid = from + (to - from) / 2;
        if before(mid) {
            from = mid + 1;
        } else {
            to = mid;
        }
    }
    from
}

/// A small fast hasher (the rustc "Fx" hash) for the build's word table; the standard
/// SipHash is several times slower on short keys and gains nothing here.
#[derive(Default)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let word =
                u64::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7]]);
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
        }
        for &byte in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(byte)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}
