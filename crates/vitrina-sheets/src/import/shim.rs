//! A stand-in for the `merge` branch's `vocabulary.rs` and `ids.rs`, with their agreed
//! signatures, so the import builds before that branch lands. Deleted on merge.

use std::collections::{HashMap, HashSet};
use vitrina_core::model::Directory;
use vitrina_core::search::normalize;
use vitrina_core::valid::Slug;

/// What a text matched in a vocabulary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VocabularyMatch {
    /// The id of the entry whose label or alias folds to the text.
    Found(Slug),
    /// No entry; the closest ones, best first.
    Unmatched {
        /// Closest entries.
        closest: Vec<Slug>,
    },
}

/// Capability or certification labels and aliases, folded, for lookups by text.
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    by_folded: HashMap<String, Slug>,
}

impl Vocabulary {
    /// The capabilities of a directory, by label (every language), alias and id.
    pub fn capabilities(directory: &Directory) -> Vocabulary {
        let mut by_folded = HashMap::new();
        for capability in &directory.capabilities {
            let words = capability.label.variants().chain(capability.aliases.words()).chain([capability.id.as_str()]);
            for word in words {
                by_folded.entry(normalize(word)).or_insert_with(|| capability.id.clone());
            }
        }
        Vocabulary { by_folded }
    }

    /// The certifications of a directory, by label and id.
    pub fn certifications(directory: &Directory) -> Vocabulary {
        let mut by_folded = HashMap::new();
        for certification in &directory.certifications {
            for word in certification.label.variants().chain([certification.id.as_str()]) {
                by_folded.entry(normalize(word)).or_insert_with(|| certification.id.clone());
            }
        }
        Vocabulary { by_folded }
    }

    /// The entry a text names, or the closest ones.
    pub fn find(&self, text: &str) -> VocabularyMatch {
        match self.by_folded.get(&normalize(text)) {
            Some(id) => VocabularyMatch::Found(id.clone()),
            None => VocabularyMatch::Unmatched { closest: Vec::new() },
        }
    }
}

/// Member ids from names: folded, unique, and the id a name had in the base directory.
#[derive(Clone, Debug, Default)]
pub struct IdMaker {
    base: HashMap<String, Slug>,
    taken: HashSet<String>,
}

impl IdMaker {
    /// An id maker that gives the base directory's members their ids again.
    pub fn new(base: &Directory) -> IdMaker {
        let base = base.members.iter().map(|member| (normalize(&member.name), member.id.clone())).collect();
        IdMaker { base, taken: HashSet::new() }
    }

    /// A new id for a member with this name; `None` when the name has no letters or digits.
    pub fn member_id(&mut self, name: &str) -> Option<Slug> {
        let folded = normalize(name);
        if let Some(id) = self.base.get(&folded) {
            if self.taken.insert(id.as_str().to_owned()) {
                return Some(id.clone());
            }
        }
        let stem: String = folded.replace(' ', "-").chars().take(60).collect();
        let stem = stem.trim_end_matches('-');
        if stem.is_empty() {
            return None;
        }
        let mut candidate = stem.to_owned();
        let mut n = 2;
        while !self.taken.insert(candidate.clone()) {
            candidate = format!("{stem}-{n}");
            n += 1;
        }
        Slug::parse(&candidate)
    }
}
