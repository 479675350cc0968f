//! Localized text: one string for every language, or one per language tag.

use serde::ser::{Serialize, SerializeMap, Serializer};

/// A text from the directory file: `"Estampado"` or `{ "es": "Estampado", "en": "Stamping" }`.
///
/// Two texts are equal when they say the same in each language, whatever the order of the
/// languages: a file written with `en` before `es` holds the same texts (the staff import's
/// merge compares them to say what changed).
#[derive(Clone, Debug)]
pub enum Text {
    /// The same text in every language.
    Plain(String),
    /// Texts by language tag, in the file's order; never empty.
    ByLang(Vec<(String, String)>),
}

impl Text {
    /// The text for `lang`, else the cluster's first language, else the first present.
    ///
    /// Tags match exactly first, then by primary subtag, so a file written with
    /// `es-MX` still serves a visitor whose interface is `es`.
    pub fn resolve<'a>(&'a self, lang: &str, fallback: Option<&str>) -> &'a str {
        match self {
            Text::Plain(text) => text,
            Text::ByLang(texts) => find_by_tag(texts, lang)
                .or_else(|| fallback.and_then(|tag| find_by_tag(texts, tag)))
                .or_else(|| texts.first().map(|(_, text)| text.as_str()))
                .unwrap_or(""),
        }
    }

    /// Every variant of the text, for searching across languages.
    pub fn variants(&self) -> impl Iterator<Item = &str> {
        let (plain, by_lang) = match self {
            Text::Plain(text) => (Some(text.as_str()), None),
            Text::ByLang(texts) => (None, Some(texts.iter().map(|(_, text)| text.as_str()))),
        };
        plain.into_iter().chain(by_lang.into_iter().flatten())
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        match (self, other) {
            (Text::Plain(a), Text::Plain(b)) => a == b,
            (Text::ByLang(a), Text::ByLang(b)) => {
                a.len() == b.len() && a.iter().all(|pair| b.contains(pair)) && b.iter().all(|pair| a.contains(pair))
            }
            _ => false,
        }
    }
}

fn find_by_tag<'a>(texts: &'a [(String, String)], tag: &str) -> Option<&'a str> {
    let exact = texts.iter().find(|(t, _)| t.eq_ignore_ascii_case(tag));
    exact
        .or_else(|| {
            let primary = primary_subtag(tag);
            texts.iter().find(|(t, _)| primary_subtag(t).eq_ignore_ascii_case(primary))
        })
        .map(|(_, text)| text.as_str())
}

fn primary_subtag(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or(tag)
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Text::Plain(text.to_owned())
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Text::Plain(text) => serializer.serialize_str(text),
            Text::ByLang(texts) => {
                let mut map = serializer.serialize_map(Some(texts.len()))?;
                for (tag, text) in texts {
                    map.serialize_entry(tag, text)?;
                }
                map.end()
            }
        }
    }
}

/// True when `c` shows nothing on its own: white space, control and format characters
/// (zero-width space and joiners, bidi marks, the byte order mark, the soft hyphen),
/// variation selectors, tag characters and the blank fillers of Hangul and Braille.
///
/// Written out rather than taken from a Unicode table crate (wasm size); the list is
/// the Default_Ignorable_Code_Point property plus White_Space and the blank symbols.
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{AD}'
                | '\u{34F}'
                | '\u{61C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{2800}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF0}'..='\u{FFF8}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E0FFF}'
        )
}

/// True when the text has at least one character a reader can see: a name made only of
/// spaces or zero-width characters names nobody.
pub fn is_visible(text: &str) -> bool {
    !text.chars().all(is_invisible)
}

/// A one-line field as it is kept: control characters (line breaks, tabs, NUL) become
/// spaces, the ends are trimmed, and the text is cut at `max_chars` characters.
pub fn one_line(text: &str, max_chars: usize) -> String {
    let line: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    line.trim().chars().take(max_chars).collect::<String>().trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by_lang(pairs: &[(&str, &str)]) -> Text {
        Text::ByLang(pairs.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect())
    }

    /// Issue 14: the import's merge said 101 of 114 members changed after a round trip that
    /// only wrote `en` before `es`.
    #[test]
    fn texts_are_equal_by_language_whatever_the_order() {
        let es_en = by_lang(&[("es", "Estampado"), ("en", "Stamping")]);
        assert_eq!(es_en, by_lang(&[("en", "Stamping"), ("es", "Estampado")]));
        assert_ne!(es_en, by_lang(&[("es", "Estampado")]));
        assert_ne!(es_en, by_lang(&[("es", "Estampado"), ("en", "Stamping"), ("fr", "Emboutissage")]));
        assert_ne!(es_en, by_lang(&[("es", "Stamping"), ("en", "Estampado")]));
        assert_ne!(Text::Plain("Estampado".into()), by_lang(&[("es", "Estampado")]));
    }

    #[test]
    fn resolves_visitor_language_then_cluster_language_then_any() {
        let text = by_lang(&[("de", "Stanzen"), ("es", "Estampado"), ("en", "Stamping")]);
        assert_eq!(text.resolve("en", Some("es")), "Stamping");
        assert_eq!(text.resolve("fr", Some("es")), "Estampado");
        assert_eq!(text.resolve("fr", Some("ja")), "Stanzen");
        assert_eq!(text.resolve("fr", None), "Stanzen");
        assert_eq!(Text::from("IATF 16949").resolve("en", None), "IATF 16949");
    }

    #[test]
    fn matches_region_tags_by_primary_subtag() {
        let text = by_lang(&[("es-MX", "Troquelado"), ("en-US", "Pressing")]);
        assert_eq!(text.resolve("en", None), "Pressing");
        assert_eq!(text.resolve("es", None), "Troquelado");
        let exact = by_lang(&[("es", "general"), ("es-MX", "mexicano")]);
        assert_eq!(exact.resolve("es-MX", None), "mexicano");
    }

    #[test]
    fn lists_every_variant() {
        let text = by_lang(&[("es", "Estampado"), ("en", "Stamping")]);
        assert_eq!(text.variants().collect::<Vec<_>>(), ["Estampado", "Stamping"]);
    }

    #[test]
    fn visible_text() {
        for blank in [
            "",
            "   ",
            "\u{200B}\u{200B}",
            "\u{200D}\u{FEFF}\u{2060}",
            "\u{202E}\u{200F}",
            "\u{3164}",
            "\t\n",
            "\u{AD}",
            "\u{E0041}",
        ] {
            assert!(!is_visible(blank), "{blank:?}");
        }
        for seen in ["Ana", "\u{200B}A", "李", "😀", "·", "\u{301}x"] {
            assert!(is_visible(seen), "{seen:?}");
        }
    }

    #[test]
    fn one_line_fields() {
        assert_eq!(one_line("  Expo\r\nGuadalajara\u{0} ", 100), "Expo  Guadalajara");
        assert_eq!(one_line("abcdef", 3), "abc");
        assert_eq!(one_line("ab cdef", 3), "ab");
        assert_eq!(one_line("ñandú", 4), "ñand");
    }

    proptest::proptest! {
        #[test]
        fn one_line_is_one_line_and_short(text in "\\PC*|[\\x00-\\x1f a]{0,20}", max in 0usize..50) {
            let line = one_line(&text, max);
            proptest::prop_assert!(!line.chars().any(char::is_control));
            proptest::prop_assert!(line.chars().count() <= max);
            let _ = is_visible(&text);
        }
    }
}
