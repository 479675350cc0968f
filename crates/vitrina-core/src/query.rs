//! What a visitor asks the member list for — search text, filters, order — and
//! how that request reads and writes as the query part of the URL fragment.
//!
//! Values are repeated keys (`cap=stamping&cap=machining`) rather than joined
//! with commas, because place names may contain commas.

use crate::route::{percent_decode, percent_encode};

/// A dimension the list can be narrowed by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    /// What members offer: capability ids.
    Capability,
    /// Place in the supply chain: `oem`, `tier1`, … as in the file.
    Kind,
    /// Certification ids.
    Certification,
    /// Where members are: a state (`Chihuahua`) or a city within one (`Chihuahua/Ciudad Juárez`).
    Place,
    /// Event ids the member attends or exhibits at.
    Event,
    /// What members are looking for: capability ids from `needs`.
    Need,
}

impl Facet {
    /// Every facet, in the order the interface shows them.
    pub const ALL: [Facet; 6] =
        [Facet::Capability, Facet::Kind, Facet::Certification, Facet::Place, Facet::Event, Facet::Need];

    /// The key of this facet in the URL.
    pub fn url_key(self) -> &'static str {
        match self {
            Facet::Capability => "cap",
            Facet::Kind => "kind",
            Facet::Certification => "cert",
            Facet::Place => "place",
            Facet::Event => "event",
            Facet::Need => "need",
        }
    }

    /// The facet a URL key names.
    pub fn from_url_key(key: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|facet| facet.url_key() == key)
    }
}

/// The separator between a state and a city in a `Place` value.
pub const PLACE_SEPARATOR: char = '/';

/// The selected values of each facet. Values within a facet combine with OR,
/// facets with AND.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Filters {
    /// Per facet (in `Facet::ALL` order), its selected values, sorted and without repeats:
    /// a handful of values each, for which sorted vectors are smaller code than sets.
    selected: [Vec<String>; Facet::ALL.len()],
    /// Whether the certification facet counts only certificates that have not expired.
    pub only_valid_certifications: bool,
}

impl Filters {
    fn of(&self, facet: Facet) -> &Vec<String> {
        &self.selected[facet as usize]
    }

    /// The selected values of one facet, in a stable order.
    pub fn values(&self, facet: Facet) -> impl Iterator<Item = &str> {
        self.of(facet).iter().map(String::as_str)
    }

    /// Whether `value` is selected in `facet`.
    pub fn is_selected(&self, facet: Facet, value: &str) -> bool {
        self.of(facet).binary_search_by(|known| known.as_str().cmp(value)).is_ok()
    }

    /// Whether any value of `facet` is selected.
    pub fn is_active(&self, facet: Facet) -> bool {
        !self.of(facet).is_empty()
    }

    /// Selects `value` in `facet`.
    pub fn select(&mut self, facet: Facet, value: impl Into<String>) {
        let value = value.into();
        let values = &mut self.selected[facet as usize];
        if let Err(at) = values.binary_search(&value) {
            values.insert(at, value);
        }
    }

    /// Unselects `value` in `facet`.
    pub fn unselect(&mut self, facet: Facet, value: &str) {
        let values = &mut self.selected[facet as usize];
        if let Ok(at) = values.binary_search_by(|known| known.as_str().cmp(value)) {
            values.remove(at);
        }
    }

    /// Selects `value` if it was not selected, unselects it otherwise.
    pub fn toggle(&mut self, facet: Facet, value: &str) {
        if self.is_selected(facet, value) {
            self.unselect(facet, value);
        } else {
            self.select(facet, value);
        }
    }

    /// Unselects every value of `facet`.
    pub fn clear_facet(&mut self, facet: Facet) {
        self.selected[facet as usize].clear();
    }

    /// Every selected (facet, value), facets in `Facet::ALL` order.
    pub fn iter(&self) -> impl Iterator<Item = (Facet, &str)> {
        Facet::ALL.into_iter().flat_map(move |facet| self.values(facet).map(move |value| (facet, value)))
    }

    /// How many values are selected in all facets.
    pub fn len(&self) -> usize {
        self.selected.iter().map(Vec::len).sum()
    }

    /// Whether nothing is selected.
    pub fn is_empty(&self) -> bool {
        self.selected.iter().all(Vec::is_empty)
    }
}

/// The order of the result list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortOrder {
    /// Best match first (by name when there is no search text).
    #[default]
    Relevance,
    /// Alphabetical by name.
    Name,
    /// Largest headcount first; members without one last.
    Employees,
    /// Oldest first; members without a founding year last.
    Founded,
}

impl SortOrder {
    /// Every order, as the interface offers them.
    pub const ALL: [SortOrder; 4] = [SortOrder::Relevance, SortOrder::Name, SortOrder::Employees, SortOrder::Founded];

    /// The value of this order in the URL (`None` for the default).
    pub fn url_value(self) -> Option<&'static str> {
        match self {
            SortOrder::Relevance => None,
            SortOrder::Name => Some("name"),
            SortOrder::Employees => Some("employees"),
            SortOrder::Founded => Some("founded"),
        }
    }

    fn from_url_value(value: &str) -> Option<SortOrder> {
        SortOrder::ALL.into_iter().find(|order| order.url_value() == Some(value))
    }
}

/// Everything that decides which members the list shows, and in which order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ListQuery {
    /// What the visitor typed, as typed.
    pub text: String,
    /// The selected facet values.
    pub filters: Filters,
    /// The order of the results.
    pub sort: SortOrder,
}

impl ListQuery {
    /// Whether this is the unfiltered, default-ordered list.
    pub fn is_default(&self) -> bool {
        *self == ListQuery::default()
    }

    /// Reads the query part of a fragment (`q=...&cap=...`). Unknown keys and
    /// values are skipped, never an error: old or hand-edited links still open.
    pub fn from_url_query(query: &str) -> ListQuery {
        let mut list_query = ListQuery::default();
        for pair in query.split('&').filter(|pair| !pair.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent_decode(value);
            match key {
                "q" => list_query.text = value,
                "sort" => list_query.sort = SortOrder::from_url_value(&value).unwrap_or_default(),
                "valid" => list_query.filters.only_valid_certifications = value == "1",
                _ => {
                    if let Some(facet) = Facet::from_url_key(key) {
                        let value = value.trim();
                        if !value.is_empty() {
                            list_query.filters.select(facet, value);
                        }
                    }
                }
            }
        }
        list_query
    }

    /// Writes the query part of a fragment, without the `?`; empty for the default query.
    pub fn to_url_query(&self) -> String {
        let mut pairs: Vec<String> = Vec::new();
        if !self.text.is_empty() {
            pairs.push(format!("q={}", percent_encode(&self.text)));
        }
        for (facet, value) in self.filters.iter() {
            pairs.push(format!("{}={}", facet.url_key(), percent_encode(value)));
        }
        if self.filters.only_valid_certifications {
            pairs.push("valid=1".to_owned());
        }
        if let Some(sort) = self.sort.url_value() {
            pairs.push(format!("sort={sort}"));
        }
        pairs.join("&")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_what_it_writes() {
        let mut query = ListQuery { text: "estampación, Juárez & co".into(), ..ListQuery::default() };
        query.filters.select(Facet::Capability, "stamping");
        query.filters.select(Facet::Capability, "machining");
        query.filters.select(Facet::Place, "Chihuahua/Ciudad Juárez");
        query.filters.only_valid_certifications = true;
        query.sort = SortOrder::Employees;
        let url = query.to_url_query();
        assert_eq!(
            url,
            "q=estampaci%C3%B3n%2C%20Ju%C3%A1rez%20%26%20co&cap=machining&cap=stamping\
             &place=Chihuahua%2FCiudad%20Ju%C3%A1rez&valid=1&sort=employees"
        );
        assert_eq!(ListQuery::from_url_query(&url), query);
    }

    #[test]
    fn the_default_query_is_an_empty_string() {
        assert_eq!(ListQuery::default().to_url_query(), "");
        assert!(ListQuery::from_url_query("").is_default());
    }

    #[test]
    fn unknown_keys_and_values_are_skipped() {
        let query = ListQuery::from_url_query("zzz=1&sort=sideways&cap=&cap=%20&kind=tier1&&q");
        assert_eq!(query.sort, SortOrder::Relevance);
        assert_eq!(query.filters.values(Facet::Kind).collect::<Vec<_>>(), ["tier1"]);
        assert!(!query.filters.is_active(Facet::Capability));
        assert_eq!(query.text, "");
    }

    #[test]
    fn every_facet_has_its_own_slot_in_filters() {
        // Filters index its slots by `facet as usize`: that must be the facet's place in ALL.
        for (at, facet) in Facet::ALL.into_iter().enumerate() {
            assert_eq!(facet as usize, at, "{facet:?}");
        }
        let mut filters = Filters::default();
        for facet in Facet::ALL {
            filters.select(facet, facet.url_key());
        }
        let every: Vec<(Facet, &str)> = filters.iter().collect();
        assert_eq!(every, Facet::ALL.map(|facet| (facet, facet.url_key())));
    }

    #[test]
    fn toggling_twice_restores_the_filters() {
        let mut filters = Filters::default();
        filters.toggle(Facet::Event, "paace-2027");
        assert!(filters.is_selected(Facet::Event, "paace-2027"));
        assert_eq!(filters.len(), 1);
        filters.toggle(Facet::Event, "paace-2027");
        assert!(filters.is_empty());
        assert_eq!(filters, Filters::default());
    }

    fn arbitrary_query() -> impl Strategy<Value = ListQuery> {
        let facet = prop::sample::select(Facet::ALL.to_vec());
        let sort = prop::sample::select(SortOrder::ALL.to_vec());
        ("\\PC{0,30}", prop::collection::vec((facet, "\\PC{1,20}"), 0..6), sort, any::<bool>()).prop_map(
            |(text, selected, sort, only_valid)| {
                let mut filters = Filters { only_valid_certifications: only_valid, ..Filters::default() };
                for (facet, value) in selected {
                    let value = value.trim().to_owned();
                    if !value.is_empty() {
                        filters.select(facet, value);
                    }
                }
                ListQuery { text, filters, sort }
            },
        )
    }

    proptest! {
        #[test]
        fn every_query_round_trips_through_the_url(query in arbitrary_query()) {
            prop_assert_eq!(ListQuery::from_url_query(&query.to_url_query()), query);
        }

        #[test]
        fn any_url_query_parses(text in "\\PC{0,100}") {
            let _ = ListQuery::from_url_query(&text);
        }
    }
}
