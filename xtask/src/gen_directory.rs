//! `cargo xtask gen-directory`: a synthetic but realistic directory of any size, for demos,
//! tests and benchmarks.
//!
//! The output depends only on the member count, the seed and the pools in `pools.rs`: the
//! random numbers come from a SplitMix64 written out here (a crate's generator may change its
//! stream in any release), numbers are formatted from integers, and nothing iterates a hash
//! map. Each member draws from its own stream seeded by (seed, index), so the first N members
//! of a larger file are the same as an N-member file.

// Data tables read best one entry per line, which rustfmt would undo.
#[rustfmt::skip]
mod pools;

use pools::*;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use vitrina_core::valid::IsoDate;

/// The largest directory the tool builds; it is built in memory, about 1 KB per member.
pub const MAX_MEMBERS: u64 = 1_000_000;

/// Up to this many members the output is re-loaded and checked unless told otherwise.
pub const SELF_CHECK_LIMIT: u64 = 20_000;

/// What to generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// How many members.
    pub members: u64,
    /// Same seed and count, same bytes.
    pub seed: u64,
    /// Indented output instead of compact.
    pub pretty: bool,
}

/// The date the synthetic data is "as of": expiry dates and verification dates are spread around it.
const AS_OF: (i32, u8, u8) = (2026, 11, 20);

/// Builds the whole directory file.
pub fn generate(options: &Options) -> String {
    let mut gen = Generator::new(options);
    gen.header();
    gen.json.key("members");
    gen.json.begin_array();
    for index in 0..options.members {
        gen.member(index);
    }
    gen.json.end_array();
    gen.json.end_object();
    gen.json.out.push('\n');
    gen.json.out
}

/// Loads `bytes` with the app's own loader and insists on a clean file of `members` members.
pub fn self_check(bytes: &[u8], members: u64) -> Result<(), String> {
    let loaded = vitrina_core::load_directory(bytes).map_err(|e| format!("the output does not load: {e}"))?;
    if let Some(first) = loaded.problems.first() {
        return Err(format!("the output has {} problem(s), the first: {first}", loaded.problems.len()));
    }
    let found = loaded.directory.members.len() as u64;
    if found != members {
        return Err(format!("the output loads {found} members instead of {members}"));
    }
    Ok(())
}

// ---- random numbers ----------------------------------------------------------------------

/// SplitMix64 (Steele, Lea and Flood, 2014): tiny, fast, and its stream is fixed forever.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix(self.0)
    }

    /// A number in `0..n`; `n` must not be 0. The multiply-shift keeps it to one draw.
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(n)) >> 64) as u64
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    fn weighted(&mut self, weights: impl Iterator<Item = u32> + Clone) -> usize {
        let total: u64 = weights.clone().map(u64::from).sum();
        let mut roll = self.below(total);
        for (index, weight) in weights.enumerate() {
            let weight = u64::from(weight);
            if roll < weight {
                return index;
            }
            roll -= weight;
        }
        0
    }
}

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

// ---- JSON writing ------------------------------------------------------------------------

/// Writes JSON straight into a string, in the order the fields are written: a `Value` would
/// sort the keys (no `id` first) and cost an allocation per field.
struct Json {
    out: String,
    pretty: bool,
    depth: usize,
    /// Whether the container being written has no entry yet, so the next one needs no comma.
    first: bool,
}

impl Json {
    fn separate(&mut self) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        if self.pretty {
            self.newline();
        }
    }

    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        self.depth += 1;
        self.first = true;
    }

    fn close(&mut self, bracket: char) {
        self.depth -= 1;
        if self.pretty && !self.first {
            self.newline();
        }
        self.out.push(bracket);
        self.first = false;
    }

    fn begin_object(&mut self) {
        self.open('{');
    }

    fn end_object(&mut self) {
        self.close('}');
    }

    fn begin_array(&mut self) {
        self.open('[');
    }

    fn end_array(&mut self) {
        self.close(']');
    }

    /// Starts an object entry; keys are always plain ASCII here, so they need no escaping.
    fn key(&mut self, key: &str) {
        self.separate();
        self.out.push('"');
        self.out.push_str(key);
        self.out.push_str(if self.pretty { "\": " } else { "\":" });
    }

    /// Starts an array entry.
    fn item(&mut self) {
        self.separate();
    }

    fn string(&mut self, s: &str) {
        self.out.push('"');
        if s.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
            self.out.push_str(s);
        } else {
            for c in s.chars() {
                match c {
                    '"' => self.out.push_str("\\\""),
                    '\\' => self.out.push_str("\\\\"),
                    '\n' => self.out.push_str("\\n"),
                    c if (c as u32) < 0x20 => {
                        let _ = write!(self.out, "\\u{:04x}", c as u32);
                    }
                    c => self.out.push(c),
                }
            }
        }
        self.out.push('"');
    }

    fn field_str(&mut self, key: &str, value: &str) {
        self.key(key);
        self.string(value);
    }

    fn field_int(&mut self, key: &str, value: u64) {
        self.key(key);
        let _ = write!(self.out, "{value}");
    }

    /// A localized text: one plain string when both languages say the same.
    fn field_text(&mut self, key: &str, es: &str, en: &str) {
        if es == en {
            self.field_str(key, es);
            return;
        }
        self.key(key);
        self.begin_object();
        self.field_str("es", es);
        self.field_str("en", en);
        self.end_object();
    }

    fn field_str_list(&mut self, key: &str, items: &[&str]) {
        self.key(key);
        self.begin_array();
        for item in items {
            self.item();
            self.string(item);
        }
        self.end_array();
    }

    /// A fixed-point number with four decimals, from 1e-4 units, so no float formatting is involved.
    fn field_fixed4(&mut self, key: &str, value: i64) {
        self.key(key);
        let sign = if value < 0 { "-" } else { "" };
        let abs = value.unsigned_abs();
        let _ = write!(self.out, "{sign}{}.{:04}", abs / 10_000, abs % 10_000);
    }
}

// ---- text helpers ------------------------------------------------------------------------

/// Appends a label as it reads mid-sentence: "Estampado" becomes "estampado", but a first word
/// with other capitals ("CNC", "IoT", "EDM") keeps them.
fn push_label(out: &mut String, label: &str) {
    let first_word = label.split(' ').next().unwrap_or(label);
    let mut chars = first_word.chars();
    let keep = match chars.next() {
        Some(c) => !c.is_uppercase() || chars.any(char::is_uppercase),
        None => true,
    };
    if keep {
        out.push_str(label);
    } else {
        let mut chars = label.chars();
        if let Some(c) = chars.next() {
            out.extend(c.to_lowercase());
            out.push_str(chars.as_str());
        }
    }
}

/// Appends `template` with each `#` replaced by the next number.
fn push_filled(out: &mut String, template: &str, numbers: &[u64]) {
    let mut numbers = numbers.iter();
    let mut parts = template.split('#');
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    for part in parts {
        if let Some(n) = numbers.next() {
            let _ = write!(out, "{n}");
        }
        out.push_str(part);
    }
}

/// Appends the ASCII slug form of `text`: accents dropped, anything else a single hyphen.
fn push_slug(out: &mut String, text: &str) {
    let start = out.len();
    let mut hyphen = true;
    for c in text.chars() {
        let folded = match c {
            'á' | 'à' | 'ä' | 'Á' => 'a',
            'é' | 'è' | 'ë' | 'É' => 'e',
            'í' | 'ï' | 'Í' => 'i',
            'ó' | 'ö' | 'Ó' => 'o',
            'ú' | 'ü' | 'Ú' | 'Ü' => 'u',
            'ñ' | 'Ñ' => 'n',
            c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
            _ => '-',
        };
        if folded == '-' {
            if !hyphen {
                out.push('-');
                hyphen = true;
            }
        } else {
            out.push(folded);
            hyphen = false;
        }
    }
    if out.len() > start && out.ends_with('-') {
        out.pop();
    }
}

/// The slug of `text`, cut at a hyphen to at most `max` bytes so a suffix still fits in 64.
fn slug(text: &str, max: usize) -> String {
    let mut s = String::with_capacity(text.len());
    push_slug(&mut s, text);
    if s.len() > max {
        let cut = s[..max].rfind('-').unwrap_or(max);
        s.truncate(cut);
    }
    if s.is_empty() {
        s.push('x');
    }
    s
}

fn date(days: i64) -> String {
    IsoDate::from_days_since_epoch(days).to_string()
}

// ---- the generator -----------------------------------------------------------------------

struct Generator {
    json: Json,
    seed: u64,
    as_of: i64,
    /// Capability indices by group.
    caps_by_group: Vec<Vec<usize>>,
    /// Every member id used so far.
    used_ids: HashSet<String>,
    /// The next numeric suffix to try for a name-derived id, so repeated names stay cheap.
    next_suffix: HashMap<String, u32>,
    // Scratch buffers reused for every member.
    es: String,
    en: String,
}

/// What a member is, decided before anything is written.
struct Profile {
    kind: usize,
    city: &'static City,
    caps: Vec<usize>,
    employees: u64,
    founded: u64,
}

impl Generator {
    fn new(options: &Options) -> Generator {
        let mut caps_by_group = vec![Vec::new(); GROUPS.len()];
        for (index, cap) in CAPS.iter().enumerate() {
            caps_by_group[cap.group].push(index);
        }
        let (y, m, d) = AS_OF;
        let as_of = IsoDate::from_ymd(y, m, d).map(IsoDate::days_since_epoch).unwrap_or_default();
        let estimate = 1_200 * options.members as usize + 16_000;
        Generator {
            json: Json { out: String::with_capacity(estimate), pretty: options.pretty, depth: 0, first: true },
            seed: options.seed,
            as_of,
            caps_by_group,
            used_ids: HashSet::with_capacity(options.members as usize),
            next_suffix: HashMap::new(),
            es: String::with_capacity(512),
            en: String::with_capacity(512),
        }
    }

    /// Everything before the members: the cluster and the vocabularies.
    fn header(&mut self) {
        let (y, m, d) = AS_OF;
        let j = &mut self.json;
        j.begin_object();
        j.field_int("format", 1);
        j.key("cluster");
        j.begin_object();
        j.field_str("name", "Clúster Automotriz de Chihuahua (datos sintéticos)");
        j.field_str("url", "https://example.org");
        j.field_str("updated", &format!("{y:04}-{m:02}-{d:02}"));
        j.field_str_list("languages", &["es", "en"]);
        j.end_object();

        j.key("capability_groups");
        j.begin_array();
        for group in GROUPS {
            j.item();
            j.begin_object();
            j.field_str("id", group.id);
            j.field_text("label", group.es, group.en);
            j.end_object();
        }
        j.end_array();

        j.key("capabilities");
        j.begin_array();
        for cap in CAPS {
            j.item();
            j.begin_object();
            j.field_str("id", cap.id);
            j.field_str("group", GROUPS[cap.group].id);
            j.field_text("label", cap.es, cap.en);
            match cap.aliases {
                Alias::None => {}
                Alias::Plain(words) => j.field_str_list("aliases", words),
                Alias::ByLang(es, en) => {
                    j.key("aliases");
                    j.begin_object();
                    j.field_str_list("es", es);
                    j.field_str_list("en", en);
                    j.end_object();
                }
            }
            j.end_object();
        }
        j.end_array();

        j.key("certifications");
        j.begin_array();
        for (id, es, en) in CERTS {
            j.item();
            j.begin_object();
            j.field_str("id", id);
            j.field_text("label", es, en);
            j.end_object();
        }
        j.end_array();

        j.key("events");
        j.begin_array();
        for event in EVENTS {
            j.item();
            j.begin_object();
            j.field_str("id", event.id);
            j.field_text("name", event.es, event.en);
            j.field_str("kind", event.kind);
            j.field_str("start", event.start);
            j.field_str("end", event.end);
            j.field_str("city", event.city);
            if let Some((es, en)) = event.venue {
                j.field_text("venue", es, en);
            }
            j.field_str("url", &format!("https://example.org/eventos/{}", event.id));
            j.end_object();
        }
        j.end_array();
    }

    fn member(&mut self, index: u64) {
        let mut rng = Rng(mix(self.seed ^ mix(index.wrapping_add(0x5EED))));
        let profile = self.profile(&mut rng);
        let name = self.name(&mut rng, &profile);
        let id = self.unique_id(&name);

        self.json.item();
        self.json.begin_object();
        self.json.field_str("id", &id);
        self.json.field_str("name", &name);
        self.legal_name(&mut rng, &profile, &name);
        if rng.chance(98) {
            self.json.field_str("kind", KINDS[profile.kind].0);
        }
        self.pitch(&mut rng, &profile);
        self.description(&mut rng, &profile, &name);
        self.capability_lists(&mut rng, &profile);
        self.certifications(&mut rng, &profile);
        self.customers(&mut rng, &profile);
        self.numbers(&mut rng, &profile);
        self.location(&mut rng, &profile);
        if rng.chance(70) {
            self.json.field_str("website", &format!("https://{id}.example.com"));
        }
        if rng.chance(25) {
            self.json.field_str("linkedin", &format!("https://linkedin.example.com/company/{id}"));
        }
        self.success_cases(&mut rng, &profile);
        self.events(&mut rng);
        if rng.chance(75) {
            let days = self.as_of - rng.below(680) as i64;
            self.json.field_str("verified_on", &date(days));
        }
        self.contacts(&mut rng, &profile, &id);
        self.json.end_object();
    }

    fn profile(&self, rng: &mut Rng) -> Profile {
        let kind = rng.weighted(KINDS.iter().map(|k| k.1));
        let city = &CITIES[rng.weighted(CITIES.iter().map(|c| c.weight))];
        let main_group = *rng.pick(KIND_GROUPS[kind]);
        let mut caps = Vec::with_capacity(6);
        match kind {
            OEM => caps.push(cap_index("vehicle-assembly")),
            INSTITUTION => caps.push(cap_index("technical-training")),
            _ => {}
        }
        let own = &self.caps_by_group[main_group];
        let wanted = caps.len() + rng.range(1, 4).min(own.len() as u64) as usize;
        while caps.len() < wanted {
            push_new(&mut caps, *rng.pick(own));
        }
        for _ in 0..rng.below(3) {
            let group = *rng.pick(KIND_GROUPS[kind]);
            push_new(&mut caps, *rng.pick(&self.caps_by_group[group]));
        }
        let (employees, founded) = match kind {
            OEM => (rng.range(1_500, 9_000), rng.range(1980, 2020)),
            TIER1 => (rng.range(250, 4_500), rng.range(1970, 2022)),
            TIER2 => (rng.range(40, 900), rng.range(1965, 2023)),
            TIER3 => (rng.range(5, 160), rng.range(1975, 2024)),
            SERVICE => (rng.range(4, 450), rng.range(1985, 2024)),
            _ => (rng.range(20, 600), rng.range(1950, 2015)),
        };
        Profile { kind, city, caps, employees, founded }
    }

    fn name(&self, rng: &mut Rng, p: &Profile) -> String {
        let group = &GROUPS[CAPS[p.caps[0]].group];
        match p.kind {
            OEM => format!("{}, planta {}", rng.pick(OEM_BRANDS), p.city.name),
            INSTITUTION if rng.chance(85) => {
                format!("{} {}", rng.pick(INSTITUTION_NAMES), rng.pick(QUALIFIERS))
            }
            INSTITUTION => format!("{}, campus {}", rng.pick(INSTITUTION_NAMES), p.city.name),
            // Weighted towards the patterns with the most combinations, so that even large
            // files have mostly distinct names.
            _ => match rng.below(20) {
                0..=3 => format!("{} {}", rng.pick(group.name_roots), rng.pick(QUALIFIERS)),
                4..=5 => format!("{} {}", rng.pick(SURNAMES), rng.pick(group.name_roots)),
                6..=7 => format!("{} {}", rng.pick(group.name_roots), rng.pick(SURNAMES)),
                8 => format!("{} {} e Hijos", rng.pick(group.name_roots), rng.pick(SURNAMES)),
                9..=17 => format!(
                    "{}{}{} {}",
                    rng.pick(BRAND_HEADS),
                    rng.pick(BRAND_LINKS),
                    rng.pick(BRAND_TAILS),
                    rng.pick(group.brand_words)
                ),
                _ => format!("Grupo {} {}", rng.pick(SURNAMES), rng.pick(QUALIFIERS)),
            },
        }
    }

    /// The name's slug, with the first free numeric suffix when another member has it.
    fn unique_id(&mut self, name: &str) -> String {
        // 48 leaves room for "-123456" and keeps "<id>.example.com" within DNS's 63-byte label.
        let base = slug(name, 48);
        if self.used_ids.insert(base.clone()) {
            return base;
        }
        let next = self.next_suffix.entry(base.clone()).or_insert(2);
        loop {
            let candidate = format!("{base}-{next}");
            *next += 1;
            if self.used_ids.insert(candidate.clone()) {
                return candidate;
            }
        }
    }

    fn legal_name(&mut self, rng: &mut Rng, p: &Profile, name: &str) {
        if !rng.chance(60) {
            return;
        }
        let trade = name.split(',').next().unwrap_or(name);
        let legal = if p.kind == INSTITUTION {
            format!("{trade}, A.C.")
        } else {
            format!("{trade}, {}", rng.pick(LEGAL_FORMS))
        };
        self.json.field_str("legal_name", &legal);
    }

    fn pitch(&mut self, rng: &mut Rng, p: &Profile) {
        if !rng.chance(95) {
            return;
        }
        let (es, en) = (&mut self.es, &mut self.en);
        es.clear();
        en.clear();
        let opener = rng.pick(OPENERS);
        let first = &CAPS[p.caps[0]];
        let second = &CAPS[*p.caps.get(1).unwrap_or(rng.pick(&self.caps_by_group[first.group]))];
        es.push_str(opener[0].0);
        en.push_str(opener[0].1);
        push_label(es, first.es);
        push_label(en, first.en);
        if second.id != first.id {
            es.push_str(opener[1].0);
            en.push_str(opener[1].1);
            push_label(es, second.es);
            push_label(en, second.en);
        } else {
            es.push_str(opener[1].0);
            en.push_str(opener[1].1);
            es.push_str("ensamble");
            en.push_str("assembly");
        }
        es.push_str(opener[2].0);
        en.push_str(opener[2].1);
        let solved = rng.pick(PROBLEMS_SOLVED);
        es.push(' ');
        en.push(' ');
        es.push_str(solved.0);
        en.push_str(solved.1);
        if rng.chance(35) {
            let (diff_es, diff_en) = rng.pick(DIFFERENTIATORS);
            let number = if diff_es.starts_with('#') { rng.range(3, 80) } else { rng.range(24, 72) };
            es.push(' ');
            en.push(' ');
            push_filled(es, diff_es, &[number]);
            push_filled(en, diff_en, &[number]);
        }
        // Some members write one Spanish pitch for everyone, as the format allows.
        if rng.chance(20) {
            let es = std::mem::take(&mut self.es);
            self.json.field_str("pitch", &es);
            self.es = es;
        } else {
            self.json.field_text("pitch", &self.es, &self.en);
        }
    }

    fn description(&mut self, rng: &mut Rng, p: &Profile, name: &str) {
        if !rng.chance(12) {
            return;
        }
        let (es, en) = (&mut self.es, &mut self.en);
        es.clear();
        en.clear();
        let m2 = rng.range(8, 240) * 250;
        if p.kind == INSTITUTION {
            let _ = write!(es, "{name} forma técnicos e ingenieros para la industria desde {}.", p.founded);
            let _ = write!(en, "{name} has trained technicians and engineers for industry since {}.", p.founded);
        } else {
            let _ = write!(
                es,
                "{name} se fundó en {} en {} y hoy cuenta con {} colaboradores en una planta de {m2} m².",
                p.founded, p.city.name, p.employees
            );
            let _ = write!(
                en,
                "{name} was founded in {} in {} and today employs {} people in a plant of {m2} m².",
                p.founded, p.city.name, p.employees
            );
        }
        es.push_str("\n\n");
        en.push_str("\n\n");
        let first = rng.below(DESCRIPTION_SENTENCES.len() as u64) as usize;
        let second =
            (first + 1 + rng.below(DESCRIPTION_SENTENCES.len() as u64 - 1) as usize) % DESCRIPTION_SENTENCES.len();
        for (i, sentence) in [first, second].into_iter().enumerate() {
            let (s_es, s_en) = DESCRIPTION_SENTENCES[sentence];
            let n = rng.range(12, 85);
            if i > 0 {
                es.push(' ');
                en.push(' ');
            }
            push_filled(es, s_es, &[n]);
            push_filled(en, s_en, &[n]);
        }
        if rng.chance(15) {
            let es = std::mem::take(&mut self.es);
            self.json.field_str("description", &es);
            self.es = es;
        } else {
            self.json.field_text("description", &self.es, &self.en);
        }
    }

    fn capability_lists(&mut self, rng: &mut Rng, p: &Profile) {
        let ids: Vec<&str> = p.caps.iter().map(|&c| CAPS[c].id).collect();
        self.json.field_str_list("capabilities", &ids);
        if rng.chance(55) {
            let mut needs = Vec::with_capacity(3);
            for _ in 0..rng.range(1, 3) {
                let candidate = rng.below(CAPS.len() as u64) as usize;
                if !p.caps.contains(&candidate) {
                    push_new(&mut needs, candidate);
                }
            }
            if !needs.is_empty() {
                let ids: Vec<&str> = needs.iter().map(|&c| CAPS[c].id).collect();
                self.json.field_str_list("needs", &ids);
            }
        }
    }

    fn certifications(&mut self, rng: &mut Rng, p: &Profile) {
        let mut certs = Vec::with_capacity(5);
        let maybe = |rng: &mut Rng, certs: &mut Vec<usize>, cert: usize, percent: u64| {
            if rng.chance(percent) {
                push_new(certs, cert);
            }
        };
        match p.kind {
            OEM => {
                for (cert, pct) in [(ISO14001, 90), (ISO45001, 70), (ISO50001, 40), (LIMPIA, 50), (OEA, 60)] {
                    maybe(rng, &mut certs, cert, pct);
                }
            }
            TIER1 => {
                for (cert, pct) in [(IATF, 95), (ISO14001, 70), (ISO45001, 40), (VDA63, 15), (OEA, 20), (LIMPIA, 15)] {
                    maybe(rng, &mut certs, cert, pct);
                }
            }
            TIER2 | TIER3 => {
                let iatf = if p.kind == TIER2 { 60 } else { 15 };
                if rng.chance(iatf) {
                    certs.push(IATF);
                } else {
                    maybe(rng, &mut certs, ISO9001, 55);
                }
                maybe(rng, &mut certs, ISO14001, if p.kind == TIER2 { 30 } else { 10 });
            }
            SERVICE => maybe(rng, &mut certs, ISO9001, 45),
            _ => maybe(rng, &mut certs, ISO9001, 30),
        }
        for &c in &p.caps {
            let cert = match CAPS[c].id {
                "hardening" | "carburizing" | "nitriding" | "induction-hardening" => CQI9,
                "electroplating" | "anodizing" => CQI11,
                "e-coating" | "powder-coating" | "wet-painting" => CQI12,
                _ if CAPS[c].group == TL => ISO17025,
                _ if CAPS[c].group == LO => OEA,
                _ => continue,
            };
            maybe(rng, &mut certs, cert, 60);
        }
        if certs.is_empty() {
            return;
        }
        self.json.key("certifications");
        self.json.begin_array();
        for cert in certs {
            self.json.item();
            let id = CERTS[cert].0;
            if rng.chance(50) {
                self.json.string(id);
                continue;
            }
            self.json.begin_object();
            self.json.field_str("id", id);
            if rng.chance(85) {
                // About a fifth end before the "as of" date, so the app has expired ones to show.
                let days = self.as_of - 400 + rng.below(1_900) as i64;
                self.json.field_str("valid_until", &date(days));
            }
            if rng.chance(40) {
                let body = *rng.pick(CERT_BODIES);
                self.json.field_str("body", body);
            }
            if rng.chance(25) {
                let (es, en) = rng.pick(INDUSTRIAL_PARKS);
                let plant = rng.range(1, 3);
                self.json.field_text("site", &format!("Planta {plant}, {es}"), &format!("Plant {plant}, {en}"));
            }
            self.json.end_object();
        }
        self.json.end_array();
    }

    fn customers(&mut self, rng: &mut Rng, p: &Profile) {
        let count = match p.kind {
            TIER1 | TIER2 | TIER3 => rng.below(5),
            SERVICE => rng.below(3),
            _ => 0,
        };
        let mut picked: Vec<&str> = Vec::with_capacity(count as usize);
        for _ in 0..count {
            let customer = *rng.pick(CUSTOMERS);
            if !picked.contains(&customer) {
                picked.push(customer);
            }
        }
        if !picked.is_empty() {
            self.json.field_str_list("customers", &picked);
        }
    }

    fn numbers(&mut self, rng: &mut Rng, p: &Profile) {
        if rng.chance(85) {
            self.json.field_int("employees", p.employees);
        }
        if rng.chance(80) {
            self.json.field_int("founded", p.founded);
        }
        if rng.chance(20) {
            let tenths = match p.kind {
                OEM => rng.range(500, 12_000),
                TIER1 => rng.range(50, 1_500),
                _ => rng.range(5, 250),
            };
            self.json.key("investment_musd");
            let _ = write!(self.json.out, "{}.{}", tenths / 10, tenths % 10);
        }
        if rng.chance(85) {
            let set = LANGUAGE_SETS[rng.weighted(LANGUAGE_SETS.iter().map(|s| s.1))].0;
            self.json.field_str_list("languages", set);
        }
    }

    fn location(&mut self, rng: &mut Rng, p: &Profile) {
        if !rng.chance(92) {
            return;
        }
        let city = p.city;
        self.json.key("location");
        self.json.begin_object();
        self.json.field_str("city", city.name);
        self.json.field_str("state", city.state);
        self.json.field_str("country", city.country);
        if rng.chance(90) {
            // Within about 6 km of the centre: the industrial parks around each city.
            self.json.field_fixed4("lat", city.lat + rng.below(1_001) as i64 - 500);
            self.json.field_fixed4("lon", city.lon + rng.below(1_001) as i64 - 500);
        }
        self.json.end_object();
    }

    fn success_cases(&mut self, rng: &mut Rng, p: &Profile) {
        let count = match rng.below(100) {
            0..=84 => 0,
            85..=96 => 1,
            _ => 2,
        };
        if count == 0 || p.kind == INSTITUTION {
            return;
        }
        self.json.key("success_cases");
        self.json.begin_array();
        for _ in 0..count {
            let cap = &CAPS[*rng.pick(&p.caps)];
            let customer = *rng.pick(CUSTOMERS);
            let title = rng.pick(CASE_TITLES);
            let (es, en) = (&mut self.es, &mut self.en);
            es.clear();
            en.clear();
            es.push_str(title[0].0);
            en.push_str(title[0].1);
            push_label(es, cap.es);
            push_label(en, cap.en);
            es.push_str(title[1].0);
            en.push_str(title[1].1);
            es.push_str(customer);
            en.push_str(customer);
            self.json.item();
            self.json.begin_object();
            self.json.field_text("title", &self.es, &self.en);
            if rng.chance(80) {
                let (s_es, s_en, big, small) = *rng.pick(CASE_SUMMARIES);
                let numbers = [rng.range(u64::from(big) / 3 + 1, u64::from(big)), rng.range(2, u64::from(small))];
                let (es, en) = (&mut self.es, &mut self.en);
                es.clear();
                en.clear();
                push_filled(es, s_es, &numbers);
                push_filled(en, s_en, &numbers);
                self.json.field_text("summary", &self.es, &self.en);
            }
            self.json.field_str("customer", customer);
            if rng.chance(85) {
                self.json.field_int("year", rng.range(p.founded.max(2012), 2026));
            }
            self.json.end_object();
        }
        self.json.end_array();
    }

    fn events(&mut self, rng: &mut Rng) {
        let count = match rng.below(100) {
            0..=44 => 0,
            45..=74 => 1,
            75..=91 => 2,
            _ => 3,
        };
        if count == 0 {
            return;
        }
        let mut picked = Vec::with_capacity(count);
        for _ in 0..count {
            push_new(&mut picked, rng.below(EVENTS.len() as u64) as usize);
        }
        self.json.key("events");
        self.json.begin_array();
        for event in picked {
            let event = &EVENTS[event];
            self.json.item();
            let stand = if event.kind == "fair" { rng.chance(65) } else { rng.chance(10) };
            if !stand && rng.chance(90) {
                self.json.string(event.id);
                continue;
            }
            self.json.begin_object();
            self.json.field_str("id", event.id);
            if stand {
                let text = if event.kind == "fair" {
                    format!("{}-{}", ["A", "B", "C"][rng.below(3) as usize], rng.range(100, 260))
                } else {
                    format!("Mesa {}", rng.range(1, 30))
                };
                self.json.field_str("stand", &text);
            }
            self.json.end_object();
        }
        self.json.end_array();
    }

    fn contacts(&mut self, rng: &mut Rng, p: &Profile, member_id: &str) {
        let count = match rng.below(100) {
            0..=29 => 0,
            30..=74 => 1,
            75..=93 => 2,
            _ => 3,
        };
        if count == 0 {
            return;
        }
        self.json.key("contacts");
        self.json.begin_array();
        let mut ids: Vec<String> = Vec::with_capacity(count);
        for _ in 0..count {
            let first = *rng.pick(FIRST_NAMES);
            let surname = *rng.pick(SURNAMES);
            let name = if rng.chance(40) {
                format!("{first} {surname} {}", rng.pick(SURNAMES))
            } else {
                format!("{first} {surname}")
            };
            let mut id = slug(&format!("{first} {surname}"), 56);
            if ids.contains(&id) {
                id.push_str("-2");
            }
            self.json.item();
            self.json.begin_object();
            self.json.field_str("id", &id);
            self.json.field_str("name", &name);
            if rng.chance(90) {
                let (es, en) = rng.pick(ROLES);
                if rng.chance(15) {
                    self.json.field_str("role", es);
                } else {
                    self.json.field_text("role", es, en);
                }
            }
            if rng.chance(85) {
                let local = id.replacen('-', ".", 1);
                self.json.field_str("email", &format!("{local}@{member_id}.example.com"));
            }
            // 555-01xx numbers are reserved for fiction; they never reach a real line.
            let digits = rng.below(100);
            if rng.chance(70) {
                let mut phone = format!("{}{digits:02}", p.city.phone);
                if rng.chance(15) {
                    let _ = write!(phone, " ext. {}", rng.range(100, 499));
                }
                self.json.field_str("phone", &phone);
            }
            if rng.chance(35) {
                let whatsapp: String = format!("{}{digits:02}", p.city.phone).chars().filter(|c| *c != ' ').collect();
                self.json.field_str("whatsapp", &whatsapp);
            }
            if rng.chance(20) {
                self.json
                    .field_str("linkedin", &format!("https://linkedin.example.com/in/{id}-{:04x}", rng.below(0x10000)));
            }
            self.json.end_object();
            ids.push(id);
        }
        self.json.end_array();
    }
}

fn cap_index(id: &str) -> usize {
    CAPS.iter().position(|c| c.id == id).unwrap_or(0)
}

fn push_new(items: &mut Vec<usize>, item: usize) {
    if !items.contains(&item) {
        items.push(item);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vitrina_core::load_directory;

    fn gen(members: u64, seed: u64) -> String {
        generate(&Options { members, seed, pretty: false })
    }

    #[test]
    fn same_seed_same_bytes() {
        assert_eq!(gen(300, 7), gen(300, 7));
        assert_eq!(
            generate(&Options { members: 50, seed: 7, pretty: true }),
            generate(&Options { members: 50, seed: 7, pretty: true })
        );
    }

    #[test]
    fn different_seeds_differ() {
        assert_ne!(gen(20, 1), gen(20, 2));
        assert_ne!(gen(1, 0), gen(1, 1));
    }

    #[test]
    fn small_and_medium_files_load_without_problems() {
        for members in [0, 1, 500] {
            let text = gen(members, 1);
            let loaded = load_directory(text.as_bytes()).expect("loads");
            assert!(loaded.problems.is_empty(), "N={members}: {:#?}", &loaded.problems[..loaded.problems.len().min(5)]);
            assert_eq!(loaded.directory.members.len() as u64, members);
            assert!(self_check(text.as_bytes(), members).is_ok());
        }
    }

    #[test]
    fn ids_are_unique_and_valid() {
        let text = gen(5_000, 3);
        let loaded = load_directory(text.as_bytes()).expect("loads");
        let mut seen = HashSet::new();
        for member in &loaded.directory.members {
            assert!(seen.insert(member.id.as_str()), "duplicate id {}", member.id);
            assert!(member.id.as_str().len() <= 64);
        }
        assert_eq!(seen.len(), 5_000);
        assert!(loaded.problems.is_empty());
    }

    #[test]
    fn pretty_and_compact_are_the_same_directory() {
        let compact = gen(200, 11);
        let pretty = generate(&Options { members: 200, seed: 11, pretty: true });
        assert_ne!(compact, pretty);
        assert!(pretty.lines().count() > 200);
        let a = load_directory(compact.as_bytes()).expect("compact loads");
        let b = load_directory(pretty.as_bytes()).expect("pretty loads");
        assert_eq!(a, b);
    }

    #[test]
    fn a_smaller_file_is_a_prefix_of_a_larger_one() {
        let small = load_directory(gen(100, 5).as_bytes()).expect("loads").directory;
        let large = load_directory(gen(400, 5).as_bytes()).expect("loads").directory;
        assert_eq!(small.members[..], large.members[..100]);
    }

    #[test]
    fn content_is_varied_and_uses_both_shapes() {
        let text = gen(2_000, 1);
        let directory = load_directory(text.as_bytes()).expect("loads").directory;
        assert!((60..=90).contains(&directory.capabilities.len()));
        assert!((10..=14).contains(&directory.capability_groups.len()));
        let kinds: HashSet<_> = directory.members.iter().filter_map(|m| m.kind).collect();
        assert_eq!(kinds.len(), 6, "every member kind appears");
        let as_of = IsoDate::parse("2026-11-20").expect("date");
        let expired = directory.members.iter().flat_map(|m| &m.certifications).filter(|c| c.is_expired(as_of)).count();
        assert!(expired > 0, "some certificates have expired");
        assert!(text.contains(r#""certifications":["#) && text.contains(r#"{"id":"iatf-16949","#));
        assert!(text.contains(r#""stand":"#));
        assert!(text.contains(r#""aliases":{"es":["#) && text.contains(r#""aliases":["#));
        assert!(directory.members.iter().any(|m| m.contacts.len() == 3));
        assert!(directory.members.iter().any(|m| m.contacts.iter().any(|c| c.whatsapp.is_some())));
        let average = text.len() / 2_000;
        assert!((700..=1_600).contains(&average), "average member size {average} bytes");
    }

    #[test]
    fn slugs_fold_accents_and_fit() {
        assert_eq!(slug("Fundición Ñandú, planta Ciudad Juárez", 64), "fundicion-nandu-planta-ciudad-juarez");
        assert_eq!(slug("  --  ", 64), "x");
        assert_eq!(
            slug("Centro de Capacitación en Manufactura San Buenaventura", 48),
            "centro-de-capacitacion-en-manufactura-san"
        );
    }

    #[test]
    fn labels_read_mid_sentence() {
        let mut s = String::new();
        push_label(&mut s, "Estampado");
        s.push('|');
        push_label(&mut s, "CNC turning");
        s.push('|');
        push_label(&mut s, "IoT industrial");
        s.push('|');
        push_label(&mut s, "Électronique");
        assert_eq!(s, "estampado|CNC turning|IoT industrial|électronique");
    }

    #[test]
    fn the_generator_stream_is_pinned() {
        // SplitMix64's published first outputs for seed 0: if this changes, every file changes.
        let mut rng = Rng(0);
        assert_eq!(rng.next(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(rng.next(), 0x6E78_9E6A_A1B9_65F4);
    }
}
