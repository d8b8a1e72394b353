//! Telling a location from a company name or a title, and cleaning location values.

use std::sync::LazyLock;

use regex::Regex;

use super::classify;
use crate::model::WorkplaceType;

const COUNTRIES: &[&str] = &[
    "united states",
    "usa",
    "us",
    "u.s.",
    "united kingdom",
    "uk",
    "england",
    "scotland",
    "wales",
    "ireland",
    "canada",
    "mexico",
    "brazil",
    "argentina",
    "chile",
    "colombia",
    "peru",
    "germany",
    "deutschland",
    "france",
    "spain",
    "españa",
    "portugal",
    "italy",
    "netherlands",
    "the netherlands",
    "belgium",
    "luxembourg",
    "switzerland",
    "austria",
    "poland",
    "czech republic",
    "czechia",
    "slovakia",
    "hungary",
    "romania",
    "bulgaria",
    "greece",
    "croatia",
    "serbia",
    "slovenia",
    "ukraine",
    "estonia",
    "latvia",
    "lithuania",
    "finland",
    "sweden",
    "norway",
    "denmark",
    "iceland",
    "turkey",
    "israel",
    "uae",
    "united arab emirates",
    "saudi arabia",
    "qatar",
    "egypt",
    "nigeria",
    "kenya",
    "south africa",
    "morocco",
    "india",
    "pakistan",
    "bangladesh",
    "sri lanka",
    "china",
    "hong kong",
    "taiwan",
    "japan",
    "south korea",
    "korea",
    "singapore",
    "malaysia",
    "indonesia",
    "philippines",
    "thailand",
    "vietnam",
    "australia",
    "new zealand",
    "eu",
    "europe",
    "emea",
    "apac",
    "latam",
    "north america",
    "americas",
    "asia",
    "worldwide",
    "global",
    "anywhere",
];

const STATES: &[&str] = &[
    "alabama",
    "alaska",
    "arizona",
    "arkansas",
    "california",
    "colorado",
    "connecticut",
    "delaware",
    "florida",
    "georgia",
    "hawaii",
    "idaho",
    "illinois",
    "indiana",
    "iowa",
    "kansas",
    "kentucky",
    "louisiana",
    "maine",
    "maryland",
    "massachusetts",
    "michigan",
    "minnesota",
    "mississippi",
    "missouri",
    "montana",
    "nebraska",
    "nevada",
    "new hampshire",
    "new jersey",
    "new mexico",
    "new york",
    "north carolina",
    "north dakota",
    "ohio",
    "oklahoma",
    "oregon",
    "pennsylvania",
    "rhode island",
    "south carolina",
    "south dakota",
    "tennessee",
    "texas",
    "utah",
    "vermont",
    "virginia",
    "washington",
    "west virginia",
    "wisconsin",
    "wyoming",
    "district of columbia",
    "ontario",
    "quebec",
    "british columbia",
    "alberta",
    "bavaria",
    "bayern",
    "catalonia",
    "ile-de-france",
];

const CITIES: &[&str] = &[
    "london",
    "berlin",
    "munich",
    "münchen",
    "hamburg",
    "frankfurt",
    "cologne",
    "paris",
    "lyon",
    "amsterdam",
    "rotterdam",
    "brussels",
    "dublin",
    "madrid",
    "barcelona",
    "lisbon",
    "porto",
    "rome",
    "milan",
    "zurich",
    "zürich",
    "geneva",
    "vienna",
    "prague",
    "warsaw",
    "krakow",
    "kraków",
    "gdansk",
    "gdańsk",
    "wroclaw",
    "budapest",
    "bucharest",
    "stockholm",
    "oslo",
    "copenhagen",
    "helsinki",
    "tallinn",
    "riga",
    "vilnius",
    "kyiv",
    "tel aviv",
    "dubai",
    "bangalore",
    "bengaluru",
    "mumbai",
    "delhi",
    "new delhi",
    "hyderabad",
    "pune",
    "chennai",
    "singapore",
    "tokyo",
    "seoul",
    "shanghai",
    "beijing",
    "sydney",
    "melbourne",
    "auckland",
    "toronto",
    "vancouver",
    "montreal",
    "new york",
    "new york city",
    "nyc",
    "san francisco",
    "sf",
    "los angeles",
    "seattle",
    "austin",
    "boston",
    "chicago",
    "denver",
    "atlanta",
    "miami",
    "dallas",
    "houston",
    "washington dc",
    "washington, dc",
    "sao paulo",
    "são paulo",
    "mexico city",
    "buenos aires",
    "bay area",
    "silicon valley",
    "remote",
];

/// Whether a name is a country or a region of countries ("Germany", "USA", "EMEA").
pub(crate) fn is_country(s: &str) -> bool {
    COUNTRIES.contains(&s.trim().to_lowercase().as_str())
}

/// Whether a name is a US state or another first-level region ("CA", "Texas", "Ontario").
pub(crate) fn is_region(s: &str) -> bool {
    let t = s.trim();
    (t.len() == 2 && t.chars().all(|c| c.is_ascii_uppercase()))
        || STATES.contains(&t.to_lowercase().as_str())
}

/// "City, ST" and "City, ST 12345".
static CITY_STATE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\p{L}][\p{L} .'\-]*,\s*[A-Z]{2}(\s+\d{5})?$").expect("static regex")
});

fn known(part: &str) -> bool {
    let p = part
        .trim()
        .trim_matches(|c: char| c == '(' || c == ')' || c == '.')
        .to_lowercase();
    COUNTRIES.contains(&p.as_str()) || STATES.contains(&p.as_str()) || CITIES.contains(&p.as_str())
}

/// Whether a header fragment reads as a place ("Berlin, Germany", "New York, NY", "Remote").
pub(crate) fn is_location(s: &str) -> bool {
    let t = strip_workplace(s);
    let t = t.trim();
    if t.is_empty() {
        return classify::workplace_from_value(s).is_some();
    }
    if t.chars().count() > 80 || t.ends_with('.') {
        return false;
    }
    if [" — ", " – ", " | ", " at ", " @ ", " - "]
        .iter()
        .any(|sep| t.contains(sep))
    {
        return false;
    }
    let parts: Vec<&str> = t
        .split([',', '/', '·'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts
        .first()
        .is_some_and(|p| p.split_whitespace().count() > 4)
    {
        return false;
    }
    if CITY_STATE_RE.is_match(t) {
        return true;
    }
    if parts.len() > 1
        && parts.last().is_some_and(|p| {
            known(p) || (p.len() == 2 && p.chars().all(|c| c.is_ascii_uppercase()))
        })
    {
        return true;
    }
    parts.len() == 1 && known(t)
}

static WORKPLACE_WORDS_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\(?\s*(?-u:\b)(fully remote|remote[- ]first|remote|virtual|hybrid|on[- ]?site|in[- ]office|work from home|wfh)(?-u:\b)\s*\)?\s*[-–—:]?\s*").expect("static regex")
});

/// The value without workplace words ("Berlin (Hybrid)" → "Berlin").
pub(crate) fn strip_workplace(s: &str) -> String {
    let out = WORKPLACE_WORDS_RE.replace_all(s, " ");
    let out = out.trim().trim_matches(|c: char| {
        c == ',' || c == '-' || c == '–' || c == '|' || c == '/' || c.is_whitespace()
    });
    let out = out
        .strip_prefix('(')
        .and_then(|o| o.strip_suffix(')'))
        .unwrap_or(out);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Splits a location value into places and the workplace type it states. `Remote, USA` stays
/// one place (the area a remote hire must live in).
pub(crate) fn split_locations(value: &str) -> (Vec<String>, Option<WorkplaceType>) {
    let workplace = classify::workplace_from_value(value);
    let remote_area =
        value.trim().to_lowercase().starts_with("remote") && value.contains([',', '-', '(']);
    let rest = if remote_area {
        value.trim().to_string()
    } else {
        strip_workplace(value)
    };
    let places = rest
        .split([';', '|', '•'])
        .flat_map(|p| p.split(" / "))
        .flat_map(|p| p.split(" or "))
        .map(|p| {
            p.trim()
                .trim_matches(|c: char| c == '(' || c == ')')
                .trim()
                .to_string()
        })
        .filter(|p| !p.is_empty() && p.chars().any(char::is_alphabetic))
        .collect();
    (places, workplace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations() {
        assert!(is_location("Berlin, Germany (Hybrid)"));
        assert!(is_location("New York, NY"));
        assert!(is_location("Remote"));
        assert!(is_location("London"));
        assert!(is_location("Austin, TX 78701"));
        assert!(!is_location("Acme Corp"));
        assert!(!is_location("Healthfirst"));
        assert!(!is_location("Senior Rust Engineer"));
        assert!(!is_location(
            "Sr Data Scientist at Healthfirst — New York, NY"
        ));
        assert!(!is_location(
            "Senior Machine Learning Scientist - Bay Area, CA"
        ));
        assert_eq!(
            split_locations("Berlin, Germany (Hybrid)"),
            (
                vec!["Berlin, Germany".to_string()],
                Some(WorkplaceType::Hybrid)
            )
        );
        assert_eq!(
            split_locations("Onsite (Pine Bluff or Colborne)"),
            (
                vec!["Pine Bluff".to_string(), "Colborne".to_string()],
                Some(WorkplaceType::OnSite)
            )
        );
        assert_eq!(
            split_locations("Remote / Virtual"),
            (vec![], Some(WorkplaceType::Remote))
        );
        assert_eq!(
            split_locations("Remote, USA"),
            (vec!["Remote, USA".to_string()], Some(WorkplaceType::Remote))
        );
        assert_eq!(
            split_locations("San Francisco, CA; New York, NY").0.len(),
            2
        );
    }
}
