//! Normalised company, title and location: the parts of a job's fingerprint. Two boards write
//! the same job as "Acme, Inc." / "Sr. Data Engineer" / "NYC" and "ACME" / "Senior Data
//! Engineer" / "New York, NY"; both normalise to `acme` / `senior data engineer` / `new york`.

/// Lowercase words of letters and digits (`&` kept as `and`).
fn words(s: &str) -> Vec<String> {
    s.to_lowercase()
        .replace('&', " and ")
        .split(|c: char| !c.is_alphanumeric() && c != '+' && c != '#')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Legal-form suffixes dropped from the end of company names.
const LEGAL: &[&str] = &[
    "inc",
    "incorporated",
    "llc",
    "llp",
    "lp",
    "ltd",
    "limited",
    "plc",
    "gmbh",
    "ag",
    "kg",
    "se",
    "sa",
    "sas",
    "sarl",
    "srl",
    "spa",
    "bv",
    "nv",
    "oy",
    "ab",
    "as",
    "asa",
    "aps",
    "pty",
    "pte",
    "kk",
    "corp",
    "corporation",
    "co",
    "company",
    "holdings",
    "group",
];

/// `Acme, Inc.` and `ACME Corp` both give `acme`; `The` is dropped in front.
pub fn company(s: &str) -> String {
    let mut w = words(s);
    // "Acme Co. Ltd" loses both; a name made only of a legal word keeps it.
    while w.len() > 1 && w.last().is_some_and(|l| LEGAL.contains(&l.as_str())) {
        w.pop();
    }
    if w.len() > 1 && w[0] == "the" {
        w.remove(0);
    }
    w.join(" ")
}

/// Abbreviations and spellings of the same title word.
fn title_word(w: &str) -> &str {
    match w {
        "sr" | "snr" | "senior" => "senior",
        "jr" | "jnr" | "junior" => "junior",
        "mid" | "intermediate" => "mid",
        "ld" => "lead",
        "prin" => "principal",
        "mgr" | "mngr" => "manager",
        "eng" | "engr" | "engineer" => "engineer",
        "dev" | "developer" => "developer",
        "swe" => "software engineer",
        "sde" => "software engineer",
        "ml" => "machine learning",
        "ai" => "ai",
        "vp" => "vice president",
        "assoc" => "associate",
        "admin" => "administrator",
        "i" | "1" => "1",
        "ii" | "2" => "2",
        "iii" | "3" => "3",
        "iv" | "4" => "4",
        other => other,
    }
}

/// Words in a title that say where or how, not what: dropped.
const TITLE_NOISE: &[&str] = &[
    "remote",
    "hybrid",
    "onsite",
    "on",
    "site",
    "wfh",
    "anywhere",
    "worldwide",
    "fully",
    "100",
    "f",
    "m",
    "d",
    "w",
    "x",
    "h",
    "all",
    "genders",
    "full",
    "time",
    "part",
    "contract",
    "urgent",
    "hiring",
    "new",
];

/// `Sr. Software Engineer (Remote)` gives `senior software engineer`; seniority written any
/// way reads the same; bracketed and trailing location notes are dropped.
pub fn title(s: &str) -> String {
    // Text in brackets is a note: "(Remote - US)", "[m/f/d]".
    let mut clean = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ if depth == 0 => clean.push(c),
            _ => {}
        }
    }
    let mut out: Vec<&str> = Vec::new();
    let ws = words(&clean);
    for w in &ws {
        if TITLE_NOISE.contains(&w.as_str()) {
            continue;
        }
        out.push(title_word(w));
    }
    out.join(" ")
}

/// US states, both ways: a location "Austin, TX" and "Austin, Texas" read alike.
const STATES: &[(&str, &str)] = &[
    ("al", "alabama"),
    ("ak", "alaska"),
    ("az", "arizona"),
    ("ar", "arkansas"),
    ("ca", "california"),
    ("co", "colorado"),
    ("ct", "connecticut"),
    ("de", "delaware"),
    ("fl", "florida"),
    ("ga", "georgia"),
    ("hi", "hawaii"),
    ("id", "idaho"),
    ("il", "illinois"),
    ("in", "indiana"),
    ("ia", "iowa"),
    ("ks", "kansas"),
    ("ky", "kentucky"),
    ("la", "louisiana"),
    ("me", "maine"),
    ("md", "maryland"),
    ("ma", "massachusetts"),
    ("mi", "michigan"),
    ("mn", "minnesota"),
    ("ms", "mississippi"),
    ("mo", "missouri"),
    ("mt", "montana"),
    ("ne", "nebraska"),
    ("nv", "nevada"),
    ("nh", "new hampshire"),
    ("nj", "new jersey"),
    ("nm", "new mexico"),
    ("ny", "new york"),
    ("nc", "north carolina"),
    ("nd", "north dakota"),
    ("oh", "ohio"),
    ("ok", "oklahoma"),
    ("or", "oregon"),
    ("pa", "pennsylvania"),
    ("ri", "rhode island"),
    ("sc", "south carolina"),
    ("sd", "south dakota"),
    ("tn", "tennessee"),
    ("tx", "texas"),
    ("ut", "utah"),
    ("vt", "vermont"),
    ("va", "virginia"),
    ("wa", "washington"),
    ("wv", "west virginia"),
    ("wi", "wisconsin"),
    ("wy", "wyoming"),
    ("dc", "district of columbia"),
];

/// Names a place goes by.
fn city_alias(s: &str) -> &str {
    match s {
        "nyc" | "new york city" | "manhattan" => "new york",
        "sf" | "san francisco bay area" | "bay area" => "san francisco",
        "la" => "los angeles",
        "washington dc" | "washington d c" => "washington",
        other => other,
    }
}

const COUNTRY_NOISE: &[&str] = &[
    "usa",
    "us",
    "u s",
    "u s a",
    "united states",
    "united states of america",
    "america",
];

/// One location: `Remote`, `Anywhere`, `Worldwide` give `remote`; `New York, NY, USA` and
/// `NYC` give `new york`; the city is kept and the state or country dropped when a city is
/// named, so "Austin, TX" and "Austin, Texas, United States" agree.
pub fn location(s: &str) -> String {
    let lower = s.to_lowercase();
    let parts: Vec<String> = lower
        .split([',', '/', '|', ';', '(', ')', '-', '–'])
        .map(|p| words(p).join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        return String::new();
    }
    let remote = |p: &str| {
        matches!(
            p,
            "remote"
                | "anywhere"
                | "worldwide"
                | "anywhere in the world"
                | "global"
                | "work from home"
                | "wfh"
                | "distributed"
        ) || p.starts_with("remote ")
            || p.ends_with(" remote")
    };
    if parts
        .iter()
        .all(|p| remote(p) || COUNTRY_NOISE.contains(&p.as_str()))
    {
        return "remote".into();
    }
    let first = parts
        .iter()
        .find(|p| !remote(p))
        .map(String::as_str)
        .unwrap_or_default();
    // A lone state ("CA", "California") names the state; otherwise the first part is the city.
    if parts.len() == 1
        && let Some((_, full)) = STATES
            .iter()
            .find(|(ab, full)| first == *ab || first == *full)
    {
        return (*full).to_string();
    }
    city_alias(first).to_string()
}

/// A job's locations, normalised, sorted and joined. A remote job is `remote` whatever area it
/// names ("Remote - US", "USA Only", "Anywhere"): boards word the allowed area differently.
pub fn locations(locs: &[String], remote: bool) -> String {
    if remote {
        return "remote".into();
    }
    let mut out: Vec<String> = locs
        .iter()
        .map(|l| location(l))
        .filter(|l| !l.is_empty())
        .collect();
    out.sort();
    out.dedup();
    if out.is_empty() && remote {
        out.push("remote".into());
    }
    out.join("; ")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn companies() {
        assert_eq!(company("Acme, Inc."), "acme");
        assert_eq!(company("ACME Corp"), "acme");
        assert_eq!(company("Analytical Engines Ltd"), "analytical engines");
        assert_eq!(company("Siemens AG"), "siemens");
        assert_eq!(company("Zalando SE"), "zalando");
        assert_eq!(company("The Trade Desk"), "trade desk");
        assert_eq!(company("Procter & Gamble Co."), "procter and gamble");
        assert_eq!(company("Group"), "group");
    }

    #[test]
    fn titles() {
        assert_eq!(
            title("Sr. Software Engineer (Remote)"),
            "senior software engineer"
        );
        assert_eq!(
            title("Senior Software Engineer - Remote"),
            "senior software engineer"
        );
        assert_eq!(title("Software Engineer II"), "software engineer 2");
        assert_eq!(title("Jr Data Analyst [m/f/d]"), "junior data analyst");
        assert_eq!(title("Sr Data Scientist"), title("Senior Data Scientist"));
        assert_ne!(title("Senior Data Scientist"), title("Data Scientist"));
        assert_eq!(title("C++ Developer"), "c++ developer");
    }

    #[test]
    fn places() {
        assert_eq!(location("New York, NY"), "new york");
        assert_eq!(location("NYC"), "new york");
        assert_eq!(location("New York City, New York, USA"), "new york");
        assert_eq!(
            location("Austin, TX"),
            location("Austin, Texas, United States")
        );
        assert_eq!(location("Remote"), "remote");
        assert_eq!(location("Anywhere in the World"), "remote");
        assert_eq!(location("Remote - US"), "remote");
        assert_eq!(location("California"), "california");
        assert_eq!(location("CA"), "california");
        assert_eq!(locations(&[], true), "remote");
        assert_eq!(locations(&["USA Only".into()], true), "remote");
        assert_eq!(
            locations(&["Berlin, Germany".into(), "NYC".into()], false),
            "berlin; new york"
        );
    }
}
