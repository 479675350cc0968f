//! Localized text: one string for every language, or one per language tag.

use serde::ser::{Serialize, SerializeMap, Serializer};

/// A text from the directory file: `"Estampado"` or `{ "es": "Estampado", "en": "Stamping" }`.
#[derive(Clone, Debug, PartialEq)]
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

#[cfg(test)]
mod tests {
    use super::*;

    fn by_lang(pairs: &[(&str, &str)]) -> Text {
        Text::ByLang(pairs.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect())
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
}
