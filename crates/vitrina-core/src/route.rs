//! Where the visitor is in the app, read from and written to the URL fragment.
//!
//! Routes live in the fragment (`#/member/aceros-del-norte`) because the app is
//! published on plain static hosts, often under a sub-path, with no rewrite
//! rules: a path such as `/vitrina/member/x` would be a 404 on reload, while the
//! fragment never reaches the server, so every deep link survives a reload.

use std::fmt::Write;

use crate::fair::FairSort;
use crate::query::ListQuery;

/// A screen of the app and what it shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The member list, narrowed and ordered by a query.
    Directory { query: ListQuery },
    /// One member's profile, by id; `via_qr` when the link came from a printed QR code
    /// (`?via=qr`), which opens the profile ready to save with a note.
    Member { id: String, via_qr: bool },
    /// A member's printable stand card with its QR code (`#/member/<id>/card`).
    MemberCard { id: String },
    /// The events of the directory, upcoming first.
    Events,
    /// One event and the members attending it, with the same search and facets.
    Event { id: String, query: ListQuery },
    /// Fair-day mode (`#/fair`: today's event; `#/event/<id>/fair`: an event the visitor picked).
    Fair { event: Option<String>, sort: FairSort },
    /// The data problems found in the directory file, for the staff who keep it.
    Problems,
    /// The visitor's follow-up list.
    FollowUp,
    /// The cluster's views in one place: matches, the capability map, opportunities,
    /// investment, fair preparation (`#/cluster`).
    Cluster,
    /// Who the visitor is, for matchmaking (`#/my-company`).
    MyCompany,
    /// Who may buy from the visitor and who can supply them, narrowed by the list's filters
    /// (`#/matches?…`).
    Matches { query: ListQuery },
    /// Every need of a member beside the members that offer it, for the staff (`#/pairs`).
    Pairs,
    /// The visitor's matches attending an event, in walking order (`#/event/<id>/prepare`).
    PrepareFair { event: String },
    /// Supply and demand of every capability (`#/map`).
    CapabilityMap,
    /// What OEMs and Tier 1 need with one local supplier or none (`#/opportunities`).
    Opportunities,
    /// Planned investment by capability group and by kind (`#/investment`).
    Investment,
    /// The members behind a number of the cluster's views (`#/cluster/members?…`), with the
    /// selection's query kept whole for its parser.
    ClusterMembers { selection: String },
    /// A shortlist someone shared (`#/shared?ids=...`), kept whole for its parser.
    Shared { fragment: String },
    /// One part of a follow-up list handed over from another device (`#/handoff?...`).
    Handoff { fragment: String },
    /// A fragment the app does not know; shown as a quiet "not found".
    Unknown { fragment: String },
}

/// Which page a route shows: the route without what that page updates in place (a list's
/// query, the fair-day order, how a profile was reached). A new query keeps its page, so
/// the search box keeps its focus; a new page starts at its top.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Page {
    /// The member list.
    Directory,
    /// One member's profile.
    Member(String),
    /// A member's printable stand card.
    MemberCard(String),
    /// The events.
    Events,
    /// Fair-day mode, for today's event or the one named.
    Fair(Option<String>),
    /// One event and its attendees.
    Event(String),
    /// The data problems.
    Problems,
    /// The visitor's follow-up list.
    FollowUp,
    /// The cluster's views.
    Cluster,
    /// Who the visitor is.
    MyCompany,
    /// The visitor's matches.
    Matches,
    /// Every need beside its suppliers.
    Pairs,
    /// Preparing an event.
    PrepareFair(String),
    /// The capability map.
    CapabilityMap,
    /// The opportunities.
    Opportunities,
    /// The investment view.
    Investment,
    /// The members behind a number, by their selection.
    ClusterMembers(String),
    /// A shared shortlist, by its whole fragment.
    Shared(String),
    /// A handoff, by its whole fragment.
    Handoff(String),
    /// Any fragment the app does not know.
    Unknown,
}

impl Default for Route {
    fn default() -> Route {
        Route::Directory { query: ListQuery::default() }
    }
}

impl Route {
    /// Reads a `location.hash` value (with or without the leading `#`).
    pub fn from_fragment(fragment: &str) -> Route {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        let (path, query) = fragment.split_once('?').unwrap_or((fragment, ""));
        let segments: Vec<&str> = path.split('/').filter(|segment| !segment.is_empty()).collect();
        match segments.as_slice() {
            [] => Route::Directory { query: ListQuery::from_url_query(query) },
            ["member", id] => Route::Member { id: percent_decode(id), via_qr: query_value(query, "via") == Some("qr") },
            ["member", id, "card"] => Route::MemberCard { id: percent_decode(id) },
            ["fair"] => Route::Fair { event: None, sort: fair_sort(query) },
            ["event", id, "fair"] => Route::Fair { event: Some(percent_decode(id)), sort: fair_sort(query) },
            ["event", id, "prepare"] => Route::PrepareFair { event: percent_decode(id) },
            ["cluster"] => Route::Cluster,
            ["cluster", "members"] => Route::ClusterMembers { selection: query.to_owned() },
            ["my-company"] => Route::MyCompany,
            ["matches"] => Route::Matches { query: ListQuery::from_url_query(query) },
            ["pairs"] => Route::Pairs,
            ["map"] => Route::CapabilityMap,
            ["opportunities"] => Route::Opportunities,
            ["investment"] => Route::Investment,
            ["events"] => Route::Events,
            ["event", id] => Route::Event { id: percent_decode(id), query: ListQuery::from_url_query(query) },
            ["problems"] => Route::Problems,
            ["follow-up"] => Route::FollowUp,
            ["shared"] => Route::Shared { fragment: format!("#{fragment}") },
            ["handoff"] => Route::Handoff { fragment: format!("#{fragment}") },
            _ => Route::Unknown { fragment: percent_decode(fragment) },
        }
    }

    /// The list query of a route that shows a member list.
    pub fn list_query(&self) -> Option<&ListQuery> {
        match self {
            Route::Directory { query } | Route::Event { query, .. } | Route::Matches { query } => Some(query),
            _ => None,
        }
    }

    /// Whether the screen shows only what is on the device or in its own link, so it is shown
    /// before the directory file arrives (which then need not compete with the app's own
    /// download). `boot.js` makes the same decision for its early request.
    pub fn shows_without_directory(&self) -> bool {
        matches!(self, Route::FollowUp | Route::Handoff { .. })
    }

    /// The page this route shows; routes that differ only in what a page updates in place
    /// (list query, fair-day order, `?via=qr`) show the same page.
    pub fn page(&self) -> Page {
        match self {
            Route::Directory { .. } => Page::Directory,
            Route::Member { id, .. } => Page::Member(id.clone()),
            Route::MemberCard { id } => Page::MemberCard(id.clone()),
            Route::Fair { event, .. } => Page::Fair(event.clone()),
            Route::Events => Page::Events,
            Route::Event { id, .. } => Page::Event(id.clone()),
            Route::Problems => Page::Problems,
            Route::FollowUp => Page::FollowUp,
            Route::Cluster => Page::Cluster,
            Route::MyCompany => Page::MyCompany,
            Route::Matches { .. } => Page::Matches,
            Route::Pairs => Page::Pairs,
            Route::PrepareFair { event } => Page::PrepareFair(event.clone()),
            Route::CapabilityMap => Page::CapabilityMap,
            Route::Opportunities => Page::Opportunities,
            Route::Investment => Page::Investment,
            Route::ClusterMembers { selection } => Page::ClusterMembers(selection.clone()),
            Route::Shared { fragment } => Page::Shared(fragment.clone()),
            Route::Handoff { fragment } => Page::Handoff(fragment.clone()),
            Route::Unknown { .. } => Page::Unknown,
        }
    }

    /// The same list route with another query; other routes are returned unchanged.
    pub fn with_list_query(&self, query: ListQuery) -> Route {
        match self {
            Route::Directory { .. } => Route::Directory { query },
            Route::Event { id, .. } => Route::Event { id: id.clone(), query },
            Route::Matches { .. } => Route::Matches { query },
            other => other.clone(),
        }
    }

    /// The fragment for this route, starting with `#`, that reads back as the same route.
    pub fn to_fragment(&self) -> String {
        match self {
            Route::Directory { query } => with_query("#/".to_owned(), query),
            Route::Member { id, via_qr: false } => format!("#/member/{}", percent_encode(id)),
            Route::Member { id, via_qr: true } => format!("#/member/{}?via=qr", percent_encode(id)),
            Route::MemberCard { id } => format!("#/member/{}/card", percent_encode(id)),
            Route::Fair { event, sort } => {
                let mut fragment = match event {
                    None => "#/fair".to_owned(),
                    Some(id) => format!("#/event/{}/fair", percent_encode(id)),
                };
                if *sort != FairSort::default() {
                    fragment.push_str("?sort=");
                    fragment.push_str(sort.key());
                }
                fragment
            }
            Route::Events => "#/events".to_owned(),
            Route::Event { id, query } => with_query(format!("#/event/{}", percent_encode(id)), query),
            Route::Problems => "#/problems".to_owned(),
            Route::FollowUp => "#/follow-up".to_owned(),
            Route::Cluster => "#/cluster".to_owned(),
            Route::MyCompany => "#/my-company".to_owned(),
            Route::Matches { query } => with_query("#/matches".to_owned(), query),
            Route::Pairs => "#/pairs".to_owned(),
            Route::PrepareFair { event } => format!("#/event/{}/prepare", percent_encode(event)),
            Route::CapabilityMap => "#/map".to_owned(),
            Route::Opportunities => "#/opportunities".to_owned(),
            Route::Investment => "#/investment".to_owned(),
            Route::ClusterMembers { selection } if selection.is_empty() => "#/cluster/members".to_owned(),
            Route::ClusterMembers { selection } => format!("#/cluster/members?{selection}"),
            Route::Shared { fragment } | Route::Handoff { fragment } => fragment.clone(),
            Route::Unknown { fragment } => format!("#{}", percent_encode_fragment(fragment)),
        }
    }
}

/// The first value of `key` in a fragment's query, as written.
pub(crate) fn query_value<'a>(query: &'a str, key: &str) -> Option<&'a str> {
    query.split('&').find_map(|pair| pair.split_once('=').filter(|(k, _)| *k == key).map(|(_, value)| value))
}

fn fair_sort(query: &str) -> FairSort {
    query_value(query, "sort").and_then(FairSort::from_key).unwrap_or_default()
}

/// The profile link a member's QR code holds: `#/member/<id>?via=qr`, to append to the app's address.
pub fn member_qr_fragment(id: &str) -> String {
    Route::Member { id: id.to_owned(), via_qr: true }.to_fragment()
}

fn with_query(mut fragment: String, query: &ListQuery) -> String {
    let query = query.to_url_query();
    if !query.is_empty() {
        fragment.push('?');
        fragment.push_str(&query);
    }
    fragment
}

/// Characters kept as they are in a fragment segment; everything else is `%XX`-encoded.
fn is_unreserved(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~')
}

/// Encodes text for one path segment or query value of a fragment.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for &byte in text.as_bytes() {
        if is_unreserved(byte) {
            out.push(byte as char);
        } else {
            // Writing to a String cannot fail.
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

fn percent_encode_fragment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for &byte in text.as_bytes() {
        if is_unreserved(byte) || matches!(byte, b'/' | b'?' | b'=' | b'&') {
            out.push(byte as char);
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// Decodes `%XX` sequences (and `+` as a space, as browsers write form values);
/// malformed sequences are kept as written and invalid UTF-8 is replaced, never rejected.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex_value(bytes[i + 1]), hex_value(bytes[i + 2])) {
                (Some(high), Some(low)) => {
                    out.push(high << 4 | low);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_value(byte: u8) -> Option<u8> {
    match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'a'..=b'f' => Some(byte - b'a' + 10),
        b'A'..=b'F' => Some(byte - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn check(fragment: &str, expected: Route) {
        assert_eq!(Route::from_fragment(fragment), expected, "{fragment}");
    }

    /// The table boot.js is checked against too (boot.spec.mjs): the two must agree.
    const SHOWN_WITHOUT_DIRECTORY: &str = include_str!("../../../tests/fixtures/routes/shown-without-directory.json");

    #[test]
    fn only_the_follow_up_list_and_handoff_links_show_before_the_directory() {
        let table: serde_json::Value = serde_json::from_str(SHOWN_WITHOUT_DIRECTORY).expect("the table is JSON");
        let fragments = |key: &str| -> Vec<String> {
            table[key].as_array().expect(key).iter().map(|fragment| fragment.as_str().expect(key).to_owned()).collect()
        };
        let (early, waits) = (fragments("without_directory"), fragments("with_directory"));
        assert!(!early.is_empty() && !waits.is_empty(), "an empty table would pass anything");
        for fragment in early {
            assert!(Route::from_fragment(&fragment).shows_without_directory(), "{fragment}");
        }
        for fragment in waits {
            assert!(!Route::from_fragment(&fragment).shows_without_directory(), "{fragment}");
        }
    }

    #[test]
    fn reads_the_fragments_the_app_writes() {
        check("", Route::default());
        check("#", Route::default());
        check("#/", Route::default());
        check("#/?q=x", Route::Directory { query: ListQuery { text: "x".into(), ..ListQuery::default() } });
        check("#/events", Route::Events);
        check(
            "#/event/paace-2027?q=a",
            Route::Event { id: "paace-2027".into(), query: ListQuery { text: "a".into(), ..ListQuery::default() } },
        );
        check("#/member/aceros-del-norte", Route::Member { id: "aceros-del-norte".into(), via_qr: false });
        check("#/member/aceros-del-norte/", Route::Member { id: "aceros-del-norte".into(), via_qr: false });
        check("#/member/aceros-del-norte?via=qr", Route::Member { id: "aceros-del-norte".into(), via_qr: true });
        check("#/member/aceros-del-norte?x=1&via=qr", Route::Member { id: "aceros-del-norte".into(), via_qr: true });
        check("#/member/aceros-del-norte?via=qrs", Route::Member { id: "aceros-del-norte".into(), via_qr: false });
        check("#/member/aceros-del-norte/card", Route::MemberCard { id: "aceros-del-norte".into() });
        check("#/fair", Route::Fair { event: None, sort: FairSort::Stand });
        check("#/fair?sort=name", Route::Fair { event: None, sort: FairSort::Name });
        check("#/event/paace-2026/fair", Route::Fair { event: Some("paace-2026".into()), sort: FairSort::Stand });
        check(
            "#/event/paace-2026/fair?sort=bogus",
            Route::Fair { event: Some("paace-2026".into()), sort: FairSort::Stand },
        );
        assert_eq!(member_qr_fragment("aceros-del-norte"), "#/member/aceros-del-norte?via=qr");
        check("#/problems", Route::Problems);
        check("#/follow-up", Route::FollowUp);
        check("#/shared?ids=a,b", Route::Shared { fragment: "#/shared?ids=a,b".into() });
        check("#/handoff?v=1&p=1-2", Route::Handoff { fragment: "#/handoff?v=1&p=1-2".into() });
        check("member/x", Route::Member { id: "x".into(), via_qr: false });
    }

    #[test]
    fn the_cluster_views_round_trip() {
        let filtered = ListQuery::from_url_query("cert=iatf-16949&kind=tier1");
        let routes = [
            ("#/cluster", Route::Cluster),
            ("#/my-company", Route::MyCompany),
            ("#/matches", Route::Matches { query: ListQuery::default() }),
            ("#/matches?cert=iatf-16949&kind=tier1", Route::Matches { query: filtered.clone() }),
            ("#/pairs", Route::Pairs),
            ("#/event/paace-2026/prepare", Route::PrepareFair { event: "paace-2026".into() }),
            ("#/map", Route::CapabilityMap),
            ("#/opportunities", Route::Opportunities),
            ("#/investment", Route::Investment),
            ("#/cluster/members", Route::ClusterMembers { selection: String::new() }),
            ("#/cluster/members?needs=stamping", Route::ClusterMembers { selection: "needs=stamping".into() }),
        ];
        for (fragment, route) in routes {
            check(fragment, route.clone());
            assert_eq!(Route::from_fragment(&route.to_fragment()), route, "{fragment}");
        }
        // A new filter on the matches keeps the page, as on the member list.
        let matches = Route::from_fragment("#/matches");
        assert_eq!(matches.with_list_query(filtered).page(), Page::Matches);
    }

    #[test]
    fn unknown_fragments_are_kept_not_rejected() {
        check("#/nope", Route::Unknown { fragment: "/nope".into() });
        check("#/member", Route::Unknown { fragment: "/member".into() });
        check("#/member/a/b", Route::Unknown { fragment: "/member/a/b".into() });
        check("#/event/a/b", Route::Unknown { fragment: "/event/a/b".into() });
    }

    #[test]
    fn percent_decoding_is_lenient() {
        assert_eq!(percent_decode("a%20b+c"), "a b c");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("Estampaci%C3%B3n"), "Estampación");
        assert_eq!(percent_decode("%FF"), "\u{FFFD}");
    }

    #[test]
    fn a_page_is_its_route_without_what_updates_in_place() {
        let page = |fragment: &str| Route::from_fragment(fragment).page();
        assert_eq!(page("#/?q=a"), page("#/?q=b&sort=name"));
        assert_eq!(page("#/event/e?q=a"), Page::Event("e".into()));
        assert_eq!(page("#/fair?sort=name"), page("#/fair"));
        assert_eq!(page("#/member/a?via=qr"), page("#/member/a"));
        assert_ne!(page("#/member/a"), page("#/member/a/card"));
        assert_ne!(page("#/event/e"), page("#/event/e/fair"));
        assert_ne!(page("#/event/e"), page("#/event/f"));
        assert_ne!(page("#/"), page("#/event/e"));
        assert_eq!(page("#/nope"), page("#/other"));
    }

    fn arbitrary_list_query() -> impl Strategy<Value = ListQuery> {
        ("\\PC{0,20}", "[a-z0-9-]{0,12}", any::<bool>()).prop_map(|(text, capability, by_name)| {
            let url = format!(
                "q={}&capability={capability}{}",
                percent_encode(&text),
                if by_name { "&sort=name" } else { "" }
            );
            ListQuery::from_url_query(&url)
        })
    }

    /// Fragments of every kind over two ids and two searches, so that pairs often share a page.
    fn nearby_fragment() -> impl Strategy<Value = String> {
        let templates = [
            "#/?q={q}",
            "#/event/{id}?q={q}",
            "#/event/{id}/fair?sort={q}",
            "#/fair?sort={q}",
            "#/member/{id}?via={q}",
            "#/member/{id}/card",
            "#/events",
            "#/problems",
            "#/follow-up",
            "#/shared?ids={id}",
            "#/handoff?p={id}",
            "#/nope/{id}",
        ];
        (prop::sample::select(templates.to_vec()), "[ab]", prop::sample::select(vec!["", "x", "qr", "name"]))
            .prop_map(|(template, id, q)| template.replace("{id}", &id).replace("{q}", q))
    }

    proptest! {
        #[test]
        fn a_new_list_query_keeps_the_page(fragment in "\\PC{0,60}", query in arbitrary_list_query()) {
            let route = Route::from_fragment(&fragment);
            prop_assert_eq!(route.with_list_query(query).page(), route.page());
        }

        #[test]
        fn routes_show_the_same_page_exactly_when_they_differ_only_in_list_state(a in nearby_fragment(), b in nearby_fragment()) {
            let (a, b) = (Route::from_fragment(&a), Route::from_fragment(&b));
            let without_list_state = |route: &Route| match route {
                Route::Directory { .. } => Route::Directory { query: ListQuery::default() },
                Route::Event { id, .. } => Route::Event { id: id.clone(), query: ListQuery::default() },
                Route::Member { id, .. } => Route::Member { id: id.clone(), via_qr: false },
                Route::Fair { event, .. } => Route::Fair { event: event.clone(), sort: FairSort::default() },
                Route::Unknown { .. } => Route::Unknown { fragment: String::new() },
                other => other.clone(),
            };
            prop_assert_eq!(a.page() == b.page(), without_list_state(&a) == without_list_state(&b));
        }

        #[test]
        fn member_routes_round_trip(id in "\\PC{0,40}", via_qr: bool, name_sort: bool) {
            prop_assume!(!id.is_empty());
            let routes = [
                Route::Member { id: id.clone(), via_qr },
                Route::MemberCard { id: id.clone() },
                Route::Fair { event: Some(id), sort: if name_sort { FairSort::Name } else { FairSort::Stand } },
            ];
            for route in routes {
                prop_assert_eq!(Route::from_fragment(&route.to_fragment()), route);
            }
        }

        #[test]
        fn encoding_round_trips(text in "\\PC{0,40}") {
            prop_assert_eq!(percent_decode(&percent_encode(&text)), text);
        }

        #[test]
        fn any_fragment_parses(fragment in "\\PC{0,80}") {
            let _ = Route::from_fragment(&fragment);
        }

        #[test]
        fn known_routes_read_back_from_their_fragment(fragment in "\\PC{0,80}") {
            let route = Route::from_fragment(&fragment);
            if !matches!(route, Route::Unknown { .. }) {
                prop_assert_eq!(Route::from_fragment(&route.to_fragment()), route);
            }
        }
    }
}
