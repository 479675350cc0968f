//! The two interface languages and how a browser's preference maps onto them.

use serde::{Deserialize, Serialize};

/// An interface language: every message a visitor can see exists in both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Spanish, the default.
    #[default]
    Es,
    /// English.
    En,
}

impl Lang {
    /// Both languages, default first.
    pub const ALL: [Lang; 2] = [Lang::Es, Lang::En];

    /// The BCP 47 tag, as used in `<html lang>` and in localized texts.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Es => "es",
            Lang::En => "en",
        }
    }

    /// Reads a tag such as `es-MX` or `EN`; anything else is `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("es") {
            Some(Lang::Es)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The first supported language in a browser's preference list, else Spanish.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred.into_iter().find_map(Lang::from_tag).unwrap_or_default()
    }

    /// Picks the text for this language from a Spanish and an English version.
    pub fn pick<T>(self, es: T, en: T) -> T {
        match self {
            Lang::Es => es,
            Lang::En => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiates_first_supported_language() {
        assert_eq!(Lang::negotiate(["de-DE", "en-US", "es"]), Lang::En);
        assert_eq!(Lang::negotiate(["es-MX"]), Lang::Es);
        assert_eq!(Lang::negotiate(["fr", "de"]), Lang::Es);
        assert_eq!(Lang::negotiate([]), Lang::Es);
        assert_eq!(Lang::from_tag("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::from_tag(""), None);
    }
}
