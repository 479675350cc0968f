//! Ids for members and contacts made from their names, the same on every import.
//!
//! The rules, each pinned by a test below:
//! - the name is folded by `vitrina_core::search::normalize` (accents, case, punctuation);
//!   characters outside `a-z0-9` separate words, and the words are joined by `-`;
//! - for members, legal-form suffixes are dropped (`S.A. de C.V.`, `S. de R.L. de C.V.`,
//!   `SAPI de CV`, `S.C.`, `A.C.`, `Inc.`, `LLC`, `GmbH`…, however they are dotted and
//!   spaced), but never the whole name;
//! - an id is at most 64 characters, cut after a whole word where there is one to cut at;
//! - ids are unique: the second `acme` is `acme-2`, then `acme-3`, cut shorter if needed;
//! - stable: a member whose folded name (or legal name), suffixes dropped, is that of a member
//!   of the published directory gets that member's id, so links and follow-up lists survive
//!   the next import; every other published id is kept free for its member;
//! - a name with letters or digits but none in `a-z0-9` (e.g. only Cyrillic) gets `m-` and
//!   eight hex digits of the FNV-1a hash of its folded form (`c-` for contacts), which is
//!   stable too; a name with no letter or digit at all gets no id (`None`).

use std::collections::{HashMap, HashSet};
use vitrina_core::hash::fnv1a_32;
use vitrina_core::model::Directory;
use vitrina_core::search::normalize;
use vitrina_core::valid::Slug;

/// The longest id the format allows.
const MAX_ID_LEN: usize = 64;

/// Legal-form suffixes, written without spaces or dots, so `S.A. de C.V.`, `SA de CV` and
/// `S.A. DE C.V.` all match `sadecv`.
const LEGAL_SUFFIXES: &[&str] = &[
    "sadecv",
    "sderldecv",
    "sderl",
    "sapidecv",
    "sapi",
    "sabdecv",
    "sab",
    "scdecv",
    "sderlmi",
    "sa",
    "sc",
    "ac",
    "sas",
    "srl",
    "sl",
    "decv",
    "inc",
    "llc",
    "ltd",
    "ltda",
    "gmbh",
    "ag",
    "bv",
    "nv",
    "plc",
    "corp",
    "kg",
    "sarl",
    "spa",
];

/// The longest suffix above, in words (`s de r l de c v`).
const MAX_SUFFIX_WORDS: usize = 8;

/// Makes member ids for one import: unique, and the published ones for published members.
#[derive(Clone, Debug, Default)]
pub struct IdMaker {
    /// Published ids by the folded, suffix-free name and legal name of their member.
    published_by_name: HashMap<String, Slug>,
    /// The published directory's member ids: never made up for another member.
    published: HashSet<String>,
    /// Published ids already given to a row of this import.
    published_given: HashSet<String>,
    /// Every id made or claimed, and every published id.
    taken: HashSet<String>,
}

impl IdMaker {
    /// An id maker that keeps the ids of the published directory's members.
    pub fn new(published: &Directory) -> IdMaker {
        let mut maker = IdMaker::default();
        // Names first, then legal names, so a name wins over another member's legal name.
        for member in &published.members {
            maker.published.insert(member.id.as_str().to_owned());
            maker.published_by_name.entry(member_name_key(&member.name)).or_insert_with(|| member.id.clone());
        }
        for member in &published.members {
            if let Some(legal_name) = &member.legal_name {
                maker.published_by_name.entry(member_name_key(legal_name)).or_insert_with(|| member.id.clone());
            }
        }
        maker.published_by_name.remove("");
        maker.taken = maker.published.clone();
        maker
    }

    /// Claims an id a sheet gives explicitly; false when a row of this import already has it.
    pub fn claim(&mut self, id: &Slug) -> bool {
        if self.published.contains(id.as_str()) {
            self.published_given.insert(id.as_str().to_owned())
        } else {
            self.taken.insert(id.as_str().to_owned())
        }
    }

    /// The id for a member with this name: the published one if the name is a published
    /// member's (and no earlier row got it), else a new unique one; `None` when the name has
    /// no letter or digit.
    pub fn member_id(&mut self, name: &str) -> Option<Slug> {
        let key = member_name_key(name);
        if let Some(published) = self.published_by_name.get(&key) {
            if self.published_given.insert(published.as_str().to_owned()) {
                return Some(published.clone());
            }
        }
        let base = base_id(&member_words(name), &normalize(name), "m")?;
        unique(&base, &mut self.taken)
    }

    /// A contact id for this name, unique among `member_taken` (the ids of the member's other
    /// contacts), which it joins; `None` when the name has no letter or digit.
    pub fn contact_id(member_taken: &mut HashSet<String>, name: &str) -> Option<Slug> {
        let folded = normalize(name);
        let base = base_id(&ascii_words(&folded), &folded, "c")?;
        unique(&base, member_taken)
    }
}

/// The folded words of a name in `a-z0-9` only.
fn ascii_words(folded: &str) -> Vec<String> {
    folded
        .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A member name's words with its legal-form suffixes dropped (never all of them).
fn member_words(name: &str) -> Vec<String> {
    let mut words = ascii_words(&normalize(name));
    loop {
        let longest_suffix = (1..=MAX_SUFFIX_WORDS.min(words.len().saturating_sub(1)))
            .rev()
            .find(|&n| LEGAL_SUFFIXES.contains(&words[words.len() - n..].concat().as_str()));
        match longest_suffix {
            Some(n) => words.truncate(words.len() - n),
            None => return words,
        }
    }
}

/// What two names of one member have in common when they are the same up to case, accents,
/// punctuation and legal form; names of other scripts compare by their folded form.
pub(crate) fn member_name_key(name: &str) -> String {
    let words = member_words(name);
    if words.is_empty() {
        normalize(name)
    } else {
        words.join(" ")
    }
}

/// The id words make, at most 64 characters; the hashed fallback for names outside `a-z0-9`.
fn base_id(words: &[String], folded: &str, fallback_prefix: &str) -> Option<String> {
    if words.is_empty() {
        if folded.is_empty() {
            return None;
        }
        return Some(format!("{fallback_prefix}-{:08x}", fnv1a_32(folded.as_bytes())));
    }
    Some(cut(&words.join("-"), MAX_ID_LEN))
}

/// `id` cut to `max` bytes after its last whole word that fits, else mid-word.
fn cut(id: &str, max: usize) -> String {
    if id.len() <= max {
        return id.to_owned();
    }
    // Ids are ASCII, so any byte index is a character boundary.
    let head = &id[..max];
    let at_word = if id.as_bytes()[max] == b'-' { Some(max) } else { head.rfind('-') };
    match at_word {
        Some(end) if end > 0 => head[..end].to_owned(),
        _ => head.trim_end_matches('-').to_owned(),
    }
}

/// `base`, or `base-2`, `base-3`… (cut so the whole fits), the first not in `taken`, which it
/// joins; `None` only if `base` is not made of `a-z0-9` words, which [`base_id`] never gives.
fn unique(base: &str, taken: &mut HashSet<String>) -> Option<Slug> {
    let mut candidate = base.to_owned();
    let mut n = 2_usize;
    while taken.contains(&candidate) {
        let suffix = format!("-{n}");
        candidate = format!("{}{suffix}", cut(base, MAX_ID_LEN - suffix.len()));
        n += 1;
    }
    let slug = Slug::parse(&candidate)?;
    taken.insert(candidate);
    Some(slug)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use vitrina_core::model::{Cluster, Member};

    fn directory(members: &[(&str, &str, Option<&str>)]) -> Directory {
        Directory {
            format: vitrina_core::model::FORMAT_VERSION,
            cluster: Cluster::unnamed(),
            capability_groups: Vec::new(),
            capabilities: Vec::new(),
            certifications: Vec::new(),
            events: Vec::new(),
            members: members
                .iter()
                .map(|(id, name, legal_name)| {
                    let mut member = Member::new(Slug::parse(id).expect("a test id is a slug"), *name);
                    member.legal_name = legal_name.map(str::to_owned);
                    member
                })
                .collect(),
        }
    }

    fn check(published: &Directory, names: &[&str], expected: &[Option<&str>]) {
        let mut maker = IdMaker::new(published);
        let ids: Vec<Option<String>> =
            names.iter().map(|name| maker.member_id(name).map(|id| id.as_str().to_owned())).collect();
        let expected: Vec<Option<String>> = expected.iter().map(|id| id.map(str::to_owned)).collect();
        assert_eq!(ids, expected, "{names:?}");
    }

    #[test]
    fn member_ids_are_folded_names_without_legal_form() {
        let empty = directory(&[]);
        for (name, id) in [
            ("Estampados Rámos, S.A. de C.V.", "estampados-ramos"),
            ("ACME S. de R.L. de C.V.", "acme"),
            ("Beta SAPI de CV", "beta"),
            ("Gamma S.A.P.I. DE C.V.", "gamma"),
            ("Delta, Inc.", "delta"),
            ("Epsilon LLC", "epsilon"),
            ("Zeta S.A.", "zeta"),
            ("Instituto Eta A.C.", "instituto-eta"),
            ("Müller Präzision GmbH", "muller-prazision"),
            ("Ñandú & Cía. Técnica", "nandu-cia-tecnica"),
            ("  3M  ", "3m"),
            // Never the whole name.
            ("Inc.", "inc"),
            ("S.A. de C.V.", "s-a"),
        ] {
            check(&empty, &[name], &[Some(id)]);
        }
        check(&empty, &["", "  ", "--- . ---", "S.A.!"], &[None, None, None, Some("s-a")]);
    }

    #[test]
    fn names_in_other_scripts_get_a_stable_hashed_id() {
        let empty = directory(&[]);
        let mut maker = IdMaker::new(&empty);
        let id = maker.member_id("Москва Завод").expect("letters make an id");
        assert!(id.as_str().starts_with("m-") && id.as_str().len() == 10, "{id}");
        assert_eq!(IdMaker::new(&empty).member_id("МОСКВА завод"), Some(id.clone()));
        assert_ne!(maker.member_id("Москва Завод"), Some(id));
    }

    #[test]
    fn long_names_are_cut_after_a_whole_word() {
        let name = "Manufacturas Industriales Metalmecánicas y Estampados de Precisión del Norte de Chihuahua";
        let mut maker = IdMaker::new(&directory(&[]));
        let first = maker.member_id(name).expect("an id");
        assert_eq!(first.as_str(), "manufacturas-industriales-metalmecanicas-y-estampados-de");
        let second = maker.member_id(name).expect("an id");
        assert_eq!(second.as_str(), "manufacturas-industriales-metalmecanicas-y-estampados-de-2");
        let one_word = "a".repeat(80);
        assert_eq!(IdMaker::new(&directory(&[])).member_id(&one_word).map(|id| id.as_str().len()), Some(64));
        assert_eq!(cut("abc-defg", 6), "abc");
        assert_eq!(cut("abc-defg", 3), "abc");
        assert_eq!(cut("abcdefg", 3), "abc");
    }

    #[test]
    fn collisions_get_numbered() {
        check(
            &directory(&[]),
            &["Acme", "ACME S.A. de C.V.", "acme", "Acme 2"],
            &[Some("acme"), Some("acme-2"), Some("acme-3"), Some("acme-2-2")],
        );
    }

    #[test]
    fn published_members_keep_their_ids_and_their_ids_stay_theirs() {
        let published = directory(&[
            ("armadora", "Armadora del Norte", Some("Armadora del Norte, S.A.P.I. de C.V.")),
            ("acme", "Aceros Mexicanos", None),
            ("tornos", "Tornos Hermanos", Some("Maquinados TH, S. de R.L. de C.V.")),
        ]);
        check(
            &published,
            &[
                // A new member whose name makes a published id gets another.
                "Acme",
                // The published name, written differently: its published id.
                "ACEROS MEXICANOS S.A. DE C.V.",
                // The same company on a second row: not the published id twice.
                "Aceros Mexicanos",
                // A legal name finds its member too.
                "Maquinados TH SA de CV",
                "armadora del norte",
            ],
            &[Some("acme-2"), Some("acme"), Some("aceros-mexicanos"), Some("tornos"), Some("armadora")],
        );
    }

    #[test]
    fn claimed_ids_are_not_made_again() {
        let published = directory(&[("acme", "Aceros Mexicanos", None)]);
        let mut maker = IdMaker::new(&published);
        let beta = Slug::parse("beta").expect("a slug");
        let acme = Slug::parse("acme").expect("a slug");
        assert!(maker.claim(&beta) && !maker.claim(&beta));
        assert!(maker.claim(&acme) && !maker.claim(&acme));
        assert_eq!(maker.member_id("Beta").map(|id| id.to_string()), Some("beta-2".into()));
        // Claimed by an explicit id, the published id is not given by name again.
        assert_eq!(maker.member_id("Aceros Mexicanos").map(|id| id.to_string()), Some("aceros-mexicanos".into()));
    }

    #[test]
    fn contact_ids_are_unique_within_their_member() {
        let mut taken = HashSet::new();
        let mut contact = |name: &str| IdMaker::contact_id(&mut taken, name).map(|id| id.to_string());
        assert_eq!(contact("María José Pérez"), Some("maria-jose-perez".into()));
        assert_eq!(contact("MARIA JOSE PEREZ"), Some("maria-jose-perez-2".into()));
        assert_eq!(contact("Ing. Juan S.A."), Some("ing-juan-s-a".into()));
        assert_eq!(contact(" — "), None);
        assert_eq!(taken.len(), 3);
        let mut other_member = HashSet::new();
        assert_eq!(
            IdMaker::contact_id(&mut other_member, "María José Pérez").map(|id| id.to_string()),
            Some("maria-jose-perez".into())
        );
    }

    fn name() -> impl Strategy<Value = String> {
        let word = prop::sample::select(vec![
            "Acme",
            "Aceros",
            "del",
            "Norte",
            "Técnica",
            "ÑANDÚ",
            "3M",
            "S.A. de C.V.",
            "SAPI de CV",
            "Inc.",
            "LLC",
            "2",
            "Москва",
            "—",
            "&",
            "Grupo",
            "Industrial",
            "Metalmecánica",
            "de",
            "Precisión",
            "Chihuahua",
        ]);
        prop::collection::vec(word, 1..8).prop_map(|words| words.join(" "))
    }

    proptest! {
        #[test]
        fn member_ids_are_valid_unique_and_deterministic(names in prop::collection::vec(prop_oneof![name(), "\\PC{0,90}"], 0..30)) {
            let empty = directory(&[]);
            let mut first = IdMaker::new(&empty);
            let mut second = IdMaker::new(&empty);
            let mut seen = HashSet::new();
            for name in &names {
                let id = first.member_id(name);
                prop_assert_eq!(&id, &second.member_id(name));
                let has_word_character = !normalize(name).is_empty();
                prop_assert_eq!(id.is_some(), has_word_character, "{:?}", name);
                if let Some(id) = id {
                    prop_assert!(Slug::parse(id.as_str()).is_some());
                    prop_assert!(seen.insert(id.clone()), "{} twice", id);
                }
            }
        }

        #[test]
        fn ids_are_stable_across_imports_in_any_order(
            names in prop::collection::vec(name(), 1..20),
            order in Just(()).prop_perturb(|_, mut rng| rng.random::<u64>()),
        ) {
            // One row per company: the same company twice cannot keep two ids by name alone.
            let mut keys = HashSet::new();
            let names: Vec<String> = names.into_iter().filter(|name| keys.insert(member_name_key(name))).collect();
            let mut maker = IdMaker::new(&directory(&[]));
            let first: Vec<(String, String)> = names
                .iter()
                .filter_map(|name| maker.member_id(name).map(|id| (id.to_string(), name.clone())))
                .collect();
            let rows: Vec<(&str, &str, Option<&str>)> = first.iter().map(|(id, name)| (id.as_str(), name.as_str(), None)).collect();
            let published = directory(&rows);
            let mut shuffled = first.clone();
            let n = shuffled.len();
            for i in (1..n).rev() {
                shuffled.swap(i, (order as usize).wrapping_mul(i + 7) % (i + 1));
            }
            let mut next = IdMaker::new(&published);
            for (id, name) in &shuffled {
                prop_assert_eq!(next.member_id(name).map(|id| id.to_string()), Some(id.clone()), "{}", name);
            }
        }

        #[test]
        fn contact_ids_are_valid_and_unique(names in prop::collection::vec("\\PC{0,70}", 0..20)) {
            let mut taken = HashSet::new();
            let mut seen = HashSet::new();
            for name in &names {
                if let Some(id) = IdMaker::contact_id(&mut taken, name) {
                    prop_assert!(Slug::parse(id.as_str()).is_some());
                    prop_assert!(seen.insert(id));
                } else {
                    prop_assert!(normalize(name).is_empty());
                }
            }
        }
    }
}
