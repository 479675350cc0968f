//! Matching the capability and certification names staff write in a sheet to the directory's
//! vocabulary, and suggesting the closest entries for a name that does not match.
//!
//! The rules, each pinned by a test below:
//! - a name matches an entry when its *key* equals the key of the entry's id, of any language
//!   of its label, or of any of its aliases (both shapes of `Aliases`);
//! - the key is the text folded by `vitrina_core::search::normalize` (case, accents and
//!   punctuation ignored) with the spaces then removed, so `IATF16949`, `iatf 16949` and
//!   `IATF-16949` share the key `iatf16949`, and `VDA 6.3` and the id `vda-6-3` share `vda63`;
//! - a label's parenthesised part is an extra name: `ISO 14001 (gestión ambiental)` is also
//!   found as `ISO 14001` and as `gestión ambiental`; a name typed with a parenthesised part
//!   that does not match as a whole is tried without it;
//! - for certifications only, an edition year at the end (four digits, 1950–2099, after a word
//!   holding a digit) is dropped, so `ISO 9001:2015` and `ISO 9001 2008` are `ISO 9001`, while
//!   a name that is only a year (`Industria Limpia 2020` has no number before the year) keeps it;
//! - ids win over labels and labels over aliases: a key shared by two entries at the same
//!   level is ambiguous and matches neither (both are offered as the closest), so a sheet is
//!   never silently assigned the wrong capability;
//! - an unmatched name gets up to three closest entries, best first, scored by the better of
//!   the edit-distance similarity of the folded texts and the overlap of their words (words
//!   of three letters or more, a word matching a near-identical word or sharing a 4-letter
//!   prefix), and only entries scoring [`Vocabulary::CLOSEST_THRESHOLD`] or more.
//!
//! [`Vocabulary::lookup`] is one hash lookup; [`Vocabulary::find`] adds the suggestions, which
//! compare the name with every entry, so an import calls it once per distinct unmatched name.

use std::collections::HashMap;
use vitrina_core::model::Directory;
use vitrina_core::search::normalize;
use vitrina_core::valid::Slug;

/// What a name in a sheet is, in the vocabulary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VocabularyMatch {
    /// The entry with this id.
    Found(Slug),
    /// No entry, or more than one; `closest` holds up to three ids to offer instead, best first.
    Unmatched {
        /// Entries worth offering staff, best first.
        closest: Vec<Slug>,
    },
}

/// Which vocabulary a [`Vocabulary`] holds; certifications drop edition years.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VocabularyKind {
    /// The directory's capabilities.
    Capabilities,
    /// The directory's certifications.
    Certifications,
}

/// How strongly a name points at an entry: lower wins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    Id,
    Label,
    Alias,
}

/// The entries a key leads to, all at the best level seen for it.
#[derive(Clone, Debug)]
struct Target {
    level: Level,
    entries: Vec<usize>,
}

/// One capability or certification: its id and its folded names, for suggestions.
#[derive(Clone, Debug)]
struct Entry {
    id: Slug,
    folded_names: Vec<String>,
}

/// A capability or certification vocabulary, ready to match names typed in a sheet.
#[derive(Clone, Debug)]
pub struct Vocabulary {
    kind: VocabularyKind,
    entries: Vec<Entry>,
    by_key: HashMap<String, Target>,
}

impl Vocabulary {
    /// The lowest similarity (0 to 1) an entry needs to be offered as one of the closest.
    pub const CLOSEST_THRESHOLD: f64 = 0.5;
    /// How many closest entries are offered at most.
    pub const MAX_CLOSEST: usize = 3;

    /// An empty vocabulary of this kind.
    pub fn new(kind: VocabularyKind) -> Vocabulary {
        Vocabulary { kind, entries: Vec::new(), by_key: HashMap::new() }
    }

    /// The directory's capabilities, by id, label and aliases.
    pub fn capabilities(directory: &Directory) -> Vocabulary {
        let mut vocabulary = Vocabulary::new(VocabularyKind::Capabilities);
        for capability in &directory.capabilities {
            vocabulary.insert(capability.id.clone(), capability.label.variants(), capability.aliases.words());
        }
        vocabulary
    }

    /// The directory's certifications, by id and label.
    pub fn certifications(directory: &Directory) -> Vocabulary {
        let mut vocabulary = Vocabulary::new(VocabularyKind::Certifications);
        for certification in &directory.certifications {
            vocabulary.insert(certification.id.clone(), certification.label.variants(), std::iter::empty());
        }
        vocabulary
    }

    /// Adds an entry (e.g. a capability staff chose to add); an id already present gets the
    /// extra names.
    pub fn insert<'a>(
        &mut self,
        id: Slug,
        labels: impl IntoIterator<Item = &'a str>,
        aliases: impl IntoIterator<Item = &'a str>,
    ) {
        let entry = match self.entries.iter().position(|entry| entry.id == id) {
            Some(entry) => entry,
            None => {
                self.entries.push(Entry { id: id.clone(), folded_names: Vec::new() });
                self.entries.len() - 1
            }
        };
        self.add_name(entry, id.as_str(), Level::Id);
        for label in labels {
            self.add_name(entry, label, Level::Label);
            let (outside, inside) = split_brackets(label);
            if !inside.is_empty() {
                self.add_name(entry, &outside, Level::Label);
                for part in inside {
                    self.add_name(entry, &part, Level::Alias);
                }
            }
        }
        for alias in aliases {
            self.add_name(entry, alias, Level::Alias);
        }
    }

    fn add_name(&mut self, entry: usize, name: &str, level: Level) {
        let folded = normalize(name);
        if folded.is_empty() {
            return;
        }
        let key = key_of_folded(&folded, self.kind);
        let names = &mut self.entries[entry].folded_names;
        if !names.contains(&folded) {
            names.push(folded);
        }
        let target = self.by_key.entry(key).or_insert(Target { level, entries: Vec::new() });
        if level < target.level {
            *target = Target { level, entries: Vec::new() };
        }
        if level == target.level && !target.entries.contains(&entry) {
            target.entries.push(entry);
        }
    }

    /// How many entries it holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when it holds no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry a name written in a sheet stands for, or the closest ones when none does.
    pub fn find(&self, text: &str) -> VocabularyMatch {
        match self.target(text) {
            Some(target) if target.entries.len() == 1 => {
                VocabularyMatch::Found(self.entries[target.entries[0]].id.clone())
            }
            Some(target) => VocabularyMatch::Unmatched {
                closest: target.entries.iter().take(Self::MAX_CLOSEST).map(|&e| self.entries[e].id.clone()).collect(),
            },
            None => VocabularyMatch::Unmatched { closest: self.closest(text) },
        }
    }

    /// The entry a name stands for, without suggestions: one hash lookup (two with brackets).
    pub fn lookup(&self, text: &str) -> Option<Slug> {
        self.target(text)
            .filter(|target| target.entries.len() == 1)
            .map(|target| self.entries[target.entries[0]].id.clone())
    }

    fn target(&self, text: &str) -> Option<&Target> {
        let key = key_of_folded(&normalize(text), self.kind);
        if key.is_empty() {
            return None;
        }
        self.by_key.get(&key).or_else(|| {
            let (outside, inside) = split_brackets(text);
            if inside.is_empty() {
                return None;
            }
            self.by_key.get(&key_of_folded(&normalize(&outside), self.kind))
        })
    }

    /// Up to [`Vocabulary::MAX_CLOSEST`] entries similar to `text`, best first, ties in
    /// vocabulary order; only those scoring at least [`Vocabulary::CLOSEST_THRESHOLD`].
    pub fn closest(&self, text: &str) -> Vec<Slug> {
        let folded = normalize(text);
        if folded.is_empty() {
            return Vec::new();
        }
        let words = content_words(&folded);
        let mut scored: Vec<(f64, usize)> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(index, entry)| {
                let score =
                    entry.folded_names.iter().map(|name| similarity(&folded, &words, name)).fold(0.0_f64, f64::max);
                (score >= Self::CLOSEST_THRESHOLD).then_some((score, index))
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.into_iter().take(Self::MAX_CLOSEST).map(|(_, index)| self.entries[index].id.clone()).collect()
    }
}

/// The key of a folded name: edition year dropped for certifications, spaces removed.
fn key_of_folded(folded: &str, kind: VocabularyKind) -> String {
    let mut words: Vec<&str> = folded.split(' ').filter(|word| !word.is_empty()).collect();
    if kind == VocabularyKind::Certifications && words.len() >= 2 {
        let last = words[words.len() - 1];
        let before = words[words.len() - 2];
        let is_year = last.len() == 4
            && last.bytes().all(|b| b.is_ascii_digit())
            && last.parse::<u16>().is_ok_and(|year| (1950..=2099).contains(&year));
        if is_year && before.bytes().any(|b| b.is_ascii_digit()) {
            words.pop();
        }
    }
    words.concat()
}

/// The text outside `(…)`/`[…]`, and the non-blank texts inside them.
fn split_brackets(text: &str) -> (String, Vec<String>) {
    let mut outside = String::with_capacity(text.len());
    let mut inside: Vec<String> = Vec::new();
    let mut depth = 0_usize;
    let mut current = String::new();
    for c in text.chars() {
        match c {
            '(' | '[' => {
                if depth == 0 {
                    current.clear();
                } else {
                    current.push(c);
                }
                depth += 1;
                outside.push(' ');
            }
            ')' | ']' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    if !current.trim().is_empty() {
                        inside.push(current.trim().to_owned());
                    }
                } else {
                    current.push(c);
                }
            }
            _ if depth > 0 => current.push(c),
            _ => outside.push(c),
        }
    }
    (outside, inside)
}

/// Short and filler words say nothing about which capability is meant.
const FILLER_WORDS: &[&str] = &["and", "the", "for", "del", "las", "los", "por", "con", "para", "with"];

fn content_words(folded: &str) -> Vec<&str> {
    folded
        .split(' ')
        .filter(|word| (word.len() >= 3 || word.bytes().any(|b| b.is_ascii_digit())) && !FILLER_WORDS.contains(word))
        .collect()
}

fn words_alike(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    // Numbers (standard numbers above all) only match exactly: 9001 is not 9002.
    if a.bytes().any(|c| c.is_ascii_digit()) || b.bytes().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let common_prefix = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    common_prefix >= 4 || strsim::normalized_levenshtein(a, b) >= 0.8
}

/// How alike two folded names are, from 0 to 1.
fn similarity(folded: &str, words: &[&str], candidate: &str) -> f64 {
    let edit = strsim::normalized_levenshtein(folded, candidate);
    let candidate_words = content_words(candidate);
    let total = words.len() + candidate_words.len();
    if total == 0 {
        return edit;
    }
    let shared = words.iter().filter(|word| candidate_words.iter().any(|other| words_alike(word, other))).count();
    let shared_back = candidate_words.iter().filter(|other| words.iter().any(|word| words_alike(word, other))).count();
    let overlap = (shared + shared_back) as f64 / total as f64;
    edit.max(overlap)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::sample;
    use proptest::prelude::*;

    fn slug(id: &str) -> Slug {
        Slug::parse(id).expect("a test id is a slug")
    }

    fn found(id: &str) -> VocabularyMatch {
        VocabularyMatch::Found(slug(id))
    }

    #[test]
    fn capabilities_match_by_label_alias_and_id_in_any_language() {
        let vocabulary = Vocabulary::capabilities(&sample());
        for (text, id) in [
            ("Estampado", "stamping"),
            ("ESTAMPADO", "stamping"),
            ("Stamping", "stamping"),
            ("stamping", "stamping"),
            ("  troquelado progresivo. ", "stamping"),
            ("Metal-Stamping", "stamping"),
            ("Embutido profundo", "deep-drawing"),
            ("embutido", "deep-drawing"),
            ("Deep Draw", "deep-drawing"),
            ("deep drawing", "deep-drawing"),
            ("DEEP-DRAWING", "deep-drawing"),
        ] {
            assert_eq!(vocabulary.find(text), found(id), "{text}");
            assert_eq!(vocabulary.lookup(text), Some(slug(id)), "{text}");
        }
    }

    #[test]
    fn certification_names_match_whatever_their_spacing_and_edition() {
        let vocabulary = Vocabulary::certifications(&sample());
        for (text, id) in [
            ("ISO 9001:2015", "iso-9001"),
            ("ISO 9001 : 2008", "iso-9001"),
            ("iso9001", "iso-9001"),
            ("ISO-9001-2015", "iso-9001"),
            ("IATF16949", "iatf-16949"),
            ("IATF 16949:2016", "iatf-16949"),
            ("ISO 14001", "iso-14001"),
            ("ISO 14001 (gestión ambiental)", "iso-14001"),
            ("Gestion ambiental", "iso-14001"),
            ("ISO 14001 (TÜV Rheinland)", "iso-14001"),
            ("ISO/IEC 17025:2017", "iso-iec-17025"),
            ("VDA 6.3", "vda-6-3"),
            ("Industria limpia", "industria-limpia"),
            ("Clean Industry", "industria-limpia"),
            ("NADCAP", "nadcap"),
        ] {
            assert_eq!(vocabulary.find(text), found(id), "{text}");
        }
        // A number that is not an edition year stays part of the name.
        assert_ne!(vocabulary.find("ISO 9002"), found("iso-9001"));
    }

    #[test]
    fn edition_years_are_dropped_for_certifications_only() {
        let key = |text: &str, kind| key_of_folded(&normalize(text), kind);
        assert_eq!(key("ISO 9001:2015", VocabularyKind::Certifications), "iso9001");
        assert_eq!(key("ISO 9001:2015", VocabularyKind::Capabilities), "iso90012015");
        // No number before the year: the year is the name.
        assert_eq!(key("Premio 2020", VocabularyKind::Certifications), "premio2020");
        // Not a plausible year.
        assert_eq!(key("ISO 26262 1234", VocabularyKind::Certifications), "iso262621234");
        assert_eq!(key("2015", VocabularyKind::Certifications), "2015");
    }

    #[test]
    fn unmatched_names_get_the_closest_entries_best_first() {
        let vocabulary = Vocabulary::capabilities(&sample());
        let VocabularyMatch::Unmatched { closest } = vocabulary.find("Estampados") else {
            panic!("a misspelling is not a match")
        };
        assert_eq!(closest.first(), Some(&slug("stamping")));
        assert!(closest.len() <= Vocabulary::MAX_CLOSEST);
        let VocabularyMatch::Unmatched { closest } = vocabulary.find("Soldadura") else {
            panic!("a partial name is not a match")
        };
        assert!(!closest.is_empty() && closest.iter().all(|id| id.as_str().contains("weld")), "{closest:?}");
        assert_eq!(vocabulary.find("xyzzy qwerty"), VocabularyMatch::Unmatched { closest: vec![] });
        assert_eq!(vocabulary.find(" -- "), VocabularyMatch::Unmatched { closest: vec![] });
        assert_eq!(vocabulary.lookup("Estampados"), None);
    }

    #[test]
    fn ids_win_over_labels_and_labels_over_aliases_and_ties_are_ambiguous() {
        let mut vocabulary = Vocabulary::new(VocabularyKind::Capabilities);
        vocabulary.insert(slug("painting"), ["Pintura"], ["coating"]);
        vocabulary.insert(slug("coating"), ["Recubrimiento"], ["acabado"]);
        vocabulary.insert(slug("finishing"), ["Acabado"], ["pulido"]);
        vocabulary.insert(slug("polishing"), ["Lijado"], ["pulido"]);
        // "coating" is an alias of painting but the id of coating.
        assert_eq!(vocabulary.find("Coating"), found("coating"));
        // "acabado" is an alias of coating but the label of finishing.
        assert_eq!(vocabulary.find("acabado"), found("finishing"));
        // "pulido" is an alias of two: neither is chosen, both are offered.
        assert_eq!(
            vocabulary.find("Pulido"),
            VocabularyMatch::Unmatched { closest: vec![slug("finishing"), slug("polishing")] }
        );
        assert_eq!(vocabulary.lookup("Pulido"), None);
        assert_eq!(vocabulary.len(), 4);
        // Inserting an id again adds names to the same entry.
        vocabulary.insert(slug("polishing"), ["Polishing"], ["buffing"]);
        assert_eq!((vocabulary.len(), vocabulary.find("Buffing")), (4, found("polishing")));
    }

    #[test]
    fn brackets_split_into_outside_and_inside() {
        assert_eq!(
            split_brackets("ISO 14001 (gestión) [x (y)]"),
            ("ISO 14001     ".to_owned(), vec!["gestión".to_owned(), "x (y)".to_owned()])
        );
        assert_eq!(split_brackets("a ) b"), ("a ) b".to_owned(), vec![]));
        assert_eq!(split_brackets("a (open"), ("a  ".to_owned(), vec![]));
    }

    /// The slow, obvious reference: scan every entry's names level by level.
    fn reference_lookup(entries: &[(&str, Vec<&str>, Vec<&str>)], text: &str) -> Option<String> {
        let kind = VocabularyKind::Capabilities;
        let key = key_of_folded(&normalize(text), kind);
        if key.is_empty() {
            return None;
        }
        let names_at = |level: usize, entry: &(&str, Vec<&str>, Vec<&str>)| -> Vec<String> {
            match level {
                0 => vec![entry.0.to_owned()],
                1 => entry.1.iter().map(|s| s.to_string()).collect(),
                _ => entry.2.iter().map(|s| s.to_string()).collect(),
            }
        };
        for level in 0..3 {
            let hits: Vec<&str> = entries
                .iter()
                .filter(|entry| names_at(level, entry).iter().any(|name| key_of_folded(&normalize(name), kind) == key))
                .map(|entry| entry.0)
                .collect();
            if !hits.is_empty() {
                return (hits.len() == 1).then(|| hits[0].to_owned());
            }
        }
        None
    }

    const WORDS: &[&str] =
        &["pintura", "Acabado", "pulido", "coating", "lijado", "corte", "láser", "Corte-Láser", "soldadura"];

    proptest! {
        #[test]
        fn lookup_agrees_with_a_scan_of_every_name(
            entries in proptest::collection::vec(
                (0..WORDS.len(), proptest::collection::vec(0..WORDS.len(), 0..3), proptest::collection::vec(0..WORDS.len(), 0..3)),
                1..6),
            query in 0..WORDS.len(),
            decoration in "[ .,;:!¡-]{0,3}",
            upper in any::<bool>(),
        ) {
            let ids: Vec<String> = WORDS.iter().map(|word| normalize(word).replace(' ', "-")).collect();
            let mut seen = std::collections::HashSet::new();
            let entries: Vec<(&str, Vec<&str>, Vec<&str>)> = entries
                .iter()
                .filter(|(id, _, _)| seen.insert(*id))
                .map(|(id, labels, aliases)| {
                    (ids[*id].as_str(), labels.iter().map(|&l| WORDS[l]).collect(), aliases.iter().map(|&a| WORDS[a]).collect())
                })
                .collect();
            let mut vocabulary = Vocabulary::new(VocabularyKind::Capabilities);
            for (id, labels, aliases) in &entries {
                vocabulary.insert(slug(id), labels.iter().copied(), aliases.iter().copied());
            }
            let word = if upper { WORDS[query].to_uppercase() } else { WORDS[query].to_owned() };
            let text = format!("{decoration}{word}{decoration}");
            let expected = reference_lookup(&entries, &text);
            prop_assert_eq!(vocabulary.lookup(&text).map(|id| id.as_str().to_owned()), expected.clone());
            match vocabulary.find(&text) {
                VocabularyMatch::Found(id) => prop_assert_eq!(Some(id.as_str().to_owned()), expected),
                VocabularyMatch::Unmatched { closest } => {
                    prop_assert!(expected.is_none());
                    prop_assert!(closest.len() <= Vocabulary::MAX_CLOSEST);
                }
            }
        }

        #[test]
        fn every_label_and_alias_of_the_sample_finds_its_entry_or_is_ambiguous(
            pick in any::<proptest::sample::Index>(),
            decoration in "[ .,;:!-]{0,2}",
        ) {
            let directory = sample();
            let vocabulary = Vocabulary::capabilities(&directory);
            let names: Vec<(&Slug, &str)> = directory
                .capabilities
                .iter()
                .flat_map(|c| c.label.variants().chain(c.aliases.words()).map(move |name| (&c.id, name)))
                .collect();
            let (id, name) = names[pick.index(names.len())];
            let text = format!("{decoration}{}{decoration}", name.to_uppercase());
            match vocabulary.find(&text) {
                VocabularyMatch::Found(found) => prop_assert_eq!(&found, id),
                VocabularyMatch::Unmatched { closest } => prop_assert!(closest.contains(id), "{} lost {:?}", text, closest),
            }
        }

        #[test]
        fn closest_is_short_known_and_never_panics(text in "\\PC{0,40}") {
            let directory = sample();
            let vocabulary = Vocabulary::capabilities(&directory);
            let closest = vocabulary.closest(&text);
            prop_assert!(closest.len() <= Vocabulary::MAX_CLOSEST);
            prop_assert!(closest.iter().all(|id| directory.capability(id.as_str()).is_some()));
        }
    }
}
