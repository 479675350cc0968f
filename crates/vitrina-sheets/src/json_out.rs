//! Writing `directory.json` so that version-control diffs stay small.
//!
//! The rules, each pinned by a test below:
//! - keys come in the model's `Serialize` order, which follows the format page (`format`,
//!   `cluster`, the vocabularies, `members`; a member's `id`, `name`, `legal_name`, `kind`…),
//!   and absent optional fields are left out;
//! - texts and aliases by language come in language-tag order, because that is the order the
//!   loader gives back (JSON objects have no order it keeps): a directory built in code and the
//!   same directory after a load are written with the same bytes;
//! - two-space indentation, one value per line, and a final newline;
//! - loading the output gives back the directory (for a directory in the loader's form).

use vitrina_core::model::{Aliases, Directory};
use vitrina_core::text::Text;

/// The directory as a `directory.json` file: stable key order, two-space indentation, a final newline.
pub fn directory_json(directory: &Directory) -> String {
    let mut canonical = directory.clone();
    sort_languages(&mut canonical);
    let mut json = canonical.to_json();
    json.push('\n');
    json
}

fn sort_text(text: &mut Text) {
    if let Text::ByLang(texts) = text {
        texts.sort_by(|a, b| a.0.cmp(&b.0));
    }
}

fn sort_optional(text: &mut Option<Text>) {
    if let Some(text) = text {
        sort_text(text);
    }
}

/// Puts every text and alias list by language in tag order.
fn sort_languages(directory: &mut Directory) {
    for group in &mut directory.capability_groups {
        sort_text(&mut group.label);
    }
    for capability in &mut directory.capabilities {
        sort_text(&mut capability.label);
        if let Aliases::ByLang(groups) = &mut capability.aliases {
            groups.sort_by(|a, b| a.0.cmp(&b.0));
        }
    }
    for certification in &mut directory.certifications {
        sort_text(&mut certification.label);
    }
    for event in &mut directory.events {
        sort_text(&mut event.name);
        sort_optional(&mut event.venue);
    }
    for member in &mut directory.members {
        sort_optional(&mut member.pitch);
        sort_optional(&mut member.description);
        for certification in &mut member.certifications {
            sort_optional(&mut certification.site);
        }
        for case in &mut member.success_cases {
            sort_text(&mut case.title);
            sort_optional(&mut case.summary);
        }
        for contact in &mut member.contacts {
            sort_optional(&mut contact.role);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{arb_directory, sample, slug};
    use proptest::prelude::*;
    use vitrina_core::load_directory;
    use vitrina_core::model::Member;

    fn reload(json: &str) -> vitrina_core::Loaded {
        load_directory(json.as_bytes()).expect("the written directory loads")
    }

    #[test]
    fn the_sample_round_trips_with_the_same_bytes_each_time() {
        let directory = sample();
        let json = directory_json(&directory);
        let loaded = reload(&json);
        assert_eq!(loaded.problems, []);
        assert_eq!(loaded.directory, directory);
        assert_eq!(directory_json(&loaded.directory), json);
        assert_eq!(directory_json(&directory), json);
    }

    #[test]
    fn the_file_is_indented_by_two_spaces_and_ends_with_a_newline() {
        let json = directory_json(&sample());
        assert!(json.starts_with("{\n  \"format\": 1,\n  \"cluster\": {\n    \"name\": "), "{}", &json[..80]);
        assert!(json.ends_with("}\n") && !json.ends_with("\n\n"));
        assert!(json.lines().all(|line| (line.len() - line.trim_start().len()) % 2 == 0));
    }

    #[test]
    fn keys_follow_the_format_page() {
        let json = directory_json(&sample());
        let position = |key: &str| json.find(&format!("\n  \"{key}\":")).unwrap_or_else(|| panic!("{key} is written"));
        let top = ["format", "cluster", "capability_groups", "capabilities", "certifications", "events", "members"];
        assert!(top.windows(2).all(|pair| position(pair[0]) < position(pair[1])), "{top:?}");
        let mut member = Member::new(slug("acme"), "Acme");
        member.legal_name = Some("Acme, S.A. de C.V.".into());
        member.employees = Some(12);
        member.verified_on = vitrina_core::valid::IsoDate::parse("2026-01-02");
        let written = directory_json(&crate::test_support::directory_with(vec![member]));
        let order = ["\"id\"", "\"name\"", "\"legal_name\"", "\"employees\"", "\"verified_on\""];
        let at: Vec<usize> = order.iter().map(|key| written.rfind(key).expect("the key is written")).collect();
        assert!(at.windows(2).all(|pair| pair[0] < pair[1]), "{written}");
        // Absent optional fields are left out.
        assert!(!written.contains("\"kind\"") && !written.contains("null"), "{written}");
    }

    #[test]
    fn texts_by_language_are_written_in_tag_order() {
        let mut member = Member::new(slug("acme"), "Acme");
        member.pitch = Some(Text::ByLang(vec![("es".into(), "Hola".into()), ("en".into(), "Hello".into())]));
        let directory = crate::test_support::directory_with(vec![member]);
        let json = directory_json(&directory);
        assert!(json.find("\"en\"") < json.find("\"es\""), "{json}");
        assert_eq!(directory_json(&reload(&json).directory), json);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn any_directory_round_trips(directory in arb_directory()) {
            let json = directory_json(&directory);
            let loaded = reload(&json);
            prop_assert_eq!(&loaded.problems, &vec![]);
            prop_assert_eq!(&loaded.directory, &directory);
            prop_assert_eq!(directory_json(&loaded.directory), json);
        }
    }
}
