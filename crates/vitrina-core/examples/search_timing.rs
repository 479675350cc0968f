//! Native timings of the search index, not a test: load a directory file, build the index,
//! and time realistic queries (typing words letter by letter, toggling facets).
//!
//! ```text
//! cargo xtask gen-directory --members 10000 --seed 1 --out /tmp/d10k.json
//! cargo run --release -p vitrina-core --example search_timing -- /tmp/d10k.json
//! ```
//!
//! A counting allocator reports what the directory and the index really hold, the peak
//! while building, and how much one query allocates. Each query is run three times and
//! its fastest run counted, so that a busy machine's scheduling does not pose as the index.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::{Duration, Instant};
use vitrina_core::query::{Facet, ListQuery, SortOrder};
use vitrina_core::search::SearchIndex;
use vitrina_core::valid::IsoDate;

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static ALLOCATED: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = CURRENT.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(now, Relaxed);
        ALLOCATED.fetch_add(layout.size(), Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        CURRENT.fetch_sub(layout.size(), Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let now = CURRENT.fetch_add(new_size, Relaxed) + new_size;
        CURRENT.fetch_sub(layout.size(), Relaxed);
        PEAK.fetch_max(now, Relaxed);
        ALLOCATED.fetch_add(new_size, Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn mb(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1e3)
}

/// Median, p95 and max of some durations.
fn summary(times: &mut [Duration]) -> String {
    times.sort_unstable();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    format!("median {}, p95 {}, max {} ({} queries)", ms(at(0.5)), ms(at(0.95)), ms(at(1.0)), times.len())
}

/// Every prefix of `text`, as typed letter by letter.
fn typed(text: &str) -> Vec<String> {
    text.char_indices().map(|(at, c)| text[..at + c.len_utf8()].to_owned()).collect()
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: search_timing <directory.json>");
    let bytes = std::fs::read(&path).expect("cannot read the directory file");
    let before_load = CURRENT.load(Relaxed);
    let started = Instant::now();
    let loaded = vitrina_core::load_directory(&bytes).expect("the directory does not load");
    let load_time = started.elapsed();
    drop(bytes);
    let directory = loaded.directory;
    drop(loaded.problems);
    let directory_bytes = CURRENT.load(Relaxed) - before_load.min(CURRENT.load(Relaxed));
    println!(
        "{path}: {} members, loaded in {} (directory in memory ≈ {})",
        directory.members.len(),
        ms(load_time),
        mb(directory_bytes)
    );

    let before = CURRENT.load(Relaxed);
    PEAK.store(before, Relaxed);
    let started = Instant::now();
    let index = SearchIndex::build(&directory);
    let build_time = started.elapsed();
    let held = CURRENT.load(Relaxed) - before;
    let peak = PEAK.load(Relaxed) - before;
    let (words, listed, dense) = index.stats();
    println!(
        "index: built in {}, holds {} (own estimate {}), peak extra while building {}",
        ms(build_time),
        mb(held),
        mb(index.heap_bytes()),
        mb(peak)
    );
    println!("       {words} distinct words, {listed} listed word-member pairs, {dense} common words as bitsets");

    let today = IsoDate::parse("2026-11-26").unwrap();
    let some_name = directory.members[directory.members.len() / 3].name.clone();
    let typing: Vec<String> = [
        "estampado",
        "inyeccion de plastico",
        "troquelado",
        "MEXICO",
        "iso 9001",
        "chihuahua",
        "stamping juarez",
        "arneses",
        "logistica",
        "e",
        some_name.as_str(),
    ]
    .iter()
    .flat_map(|text| typed(text))
    .collect();

    // Each query runs three times and counts its fastest run: a busy machine's scheduling
    // hiccups are not the index's.
    let run = |query: &ListQuery| {
        let allocated = ALLOCATED.load(Relaxed);
        let mut best = Duration::MAX;
        let mut found = 0;
        for _ in 0..3 {
            let started = Instant::now();
            let results = index.run(&directory, query, today);
            best = best.min(started.elapsed());
            found = results.members.len();
        }
        (best, (ALLOCATED.load(Relaxed) - allocated) / 3, found)
    };

    // Warm up.
    for text in &typing {
        run(&ListQuery { text: text.clone(), ..ListQuery::default() });
    }

    for (label, filters) in [("no filters", false), ("with a capability + kind filter", true)] {
        let mut times = Vec::new();
        let mut allocated = Vec::new();
        for _ in 0..2 {
            for text in &typing {
                let mut query = ListQuery { text: text.clone(), ..ListQuery::default() };
                if filters {
                    query.filters.select(Facet::Capability, "stamping");
                    query.filters.select(Facet::Kind, "tier2");
                }
                let (time, bytes, _) = run(&query);
                times.push(time);
                allocated.push(bytes);
            }
        }
        allocated.sort_unstable();
        println!("typing ({label}): {}; allocates median {}", summary(&mut times), mb(allocated[allocated.len() / 2]));
    }

    // Slowest single keystrokes, to see where the worst case is.
    let mut worst: Vec<(Duration, String, usize)> = typing
        .iter()
        .map(|text| {
            let (time, _, found) = run(&ListQuery { text: text.clone(), ..ListQuery::default() });
            (time, text.clone(), found)
        })
        .collect();
    worst.sort_by_key(|w| std::cmp::Reverse(w.0));
    let worst: Vec<String> =
        worst.iter().take(4).map(|(t, text, found)| format!("{text:?} {} ({found} results)", ms(*t))).collect();
    println!("slowest keystrokes: {}", worst.join(", "));

    // Facet toggles: a visitor building up and taking down filters, with and without text.
    let toggles: Vec<(Facet, &str)> = vec![
        (Facet::Capability, "stamping"),
        (Facet::Capability, "die-casting"),
        (Facet::Certification, "iatf-16949"),
        (Facet::Kind, "tier1"),
        (Facet::Place, "Chihuahua"),
        (Facet::Event, directory.events[0].id.as_str()),
        (Facet::Need, "machining"),
        (Facet::Capability, "stamping"),
        (Facet::Certification, "iso-9001"),
        (Facet::Kind, "tier1"),
        (Facet::Place, "Chihuahua"),
        (Facet::Capability, "die-casting"),
    ];
    for text in ["", "moldes"] {
        for only_valid in [false, true] {
            let mut times = Vec::new();
            for sort in SortOrder::ALL {
                let mut query = ListQuery { text: text.to_owned(), sort, ..ListQuery::default() };
                query.filters.only_valid_certifications = only_valid;
                for _ in 0..3 {
                    for (facet, value) in &toggles {
                        query.filters.toggle(*facet, value);
                        times.push(run(&query).0);
                    }
                }
            }
            println!(
                "facet toggles (text {text:?}, only valid certificates {only_valid}, all sorts): {}",
                summary(&mut times)
            );
        }
    }

    let event = directory.events[0].id.as_str();
    let mut times = Vec::new();
    for text in typed("estampado") {
        let query = ListQuery { text, ..ListQuery::default() };
        let best = (0..3)
            .map(|_| {
                let started = Instant::now();
                index.run_within_event(&directory, event, &query, today);
                started.elapsed()
            })
            .min();
        times.extend(best);
    }
    println!("event page typing: {}", summary(&mut times));

    let mut times = Vec::new();
    for member in (0..directory.members.len()).step_by((directory.members.len() / 50).max(1)) {
        let best = (0..3)
            .map(|_| {
                let started = Instant::now();
                index.similar_members(&directory, member, 6);
                started.elapsed()
            })
            .min();
        times.extend(best);
    }
    println!("similar members: {}", summary(&mut times));
}
