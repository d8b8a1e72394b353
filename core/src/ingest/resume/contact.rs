//! The header block: name, headline, email, phone, location, links.

use std::sync::LazyLock;

use regex::Regex;

use super::lines::RLine;
use super::{entries, sections};
use crate::model::date::find_dates;
use crate::model::{Location, SocialProfile};

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b")
        .expect("email pattern is valid")
});

/// Runs of phone-like characters; validated in [`phone_in`].
static PHONE_RUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\+|\(\+?)?\d[\d \u{00A0}().\-/]{5,}\d").expect("phone pattern is valid")
});

static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)\b(?:https?://)?(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|dev|me|ai|co|de|fr|es|uk|ch|at|app|xyz|info|eu|tech|page|site|in|us|ca|nl|be|it|pt|se|no|dk|fi|pl|cz|gg|ly|sh|to|blog|online|cloud|codes|design|pro|cv)\b(?:/[^\s|,;·•<>()]*)?",
    )
    .expect("url pattern is valid")
});

static HANDLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(linkedin|github|gitlab|twitter|x|stack\s*overflow|medium|kaggle|behance|dribbble|orcid|scholar)\s*:\s*(?:@|/in/|/)?([A-Za-z0-9_.-]{2,})(?:$|[\s|,;·•])")
        .expect("handle pattern is valid")
});

const NETWORKS: &[(&str, &str)] = &[
    ("linkedin.com", "LinkedIn"),
    ("github.com", "GitHub"),
    ("gitlab.com", "GitLab"),
    ("twitter.com", "Twitter"),
    ("x.com", "X"),
    ("stackoverflow.com", "Stack Overflow"),
    ("medium.com", "Medium"),
    ("kaggle.com", "Kaggle"),
    ("behance.net", "Behance"),
    ("dribbble.com", "Dribbble"),
    ("orcid.org", "ORCID"),
    ("scholar.google.com", "Google Scholar"),
    ("bitbucket.org", "Bitbucket"),
    ("xing.com", "XING"),
    ("instagram.com", "Instagram"),
    ("facebook.com", "Facebook"),
    ("youtube.com", "YouTube"),
    ("dev.to", "DEV"),
    ("leetcode.com", "LeetCode"),
];

/// Contact facts found in the header.
#[derive(Debug, Default)]
pub struct Contact {
    pub name: Option<(String, usize)>,
    pub label: Option<String>,
    pub email: Option<(String, usize)>,
    pub phone: Option<(String, usize)>,
    pub url: Option<String>,
    pub location: Option<(Location, usize)>,
    pub profiles: Vec<SocialProfile>,
    /// Long lines in the header that read as a summary.
    pub summary: Vec<String>,
}

/// The first email address in `text`.
pub fn email_in(text: &str) -> Option<String> {
    EMAIL
        .find(text)
        .map(|m| m.as_str().trim_end_matches('.').to_string())
}

/// The first phone number in `text`: 7 to 15 digits with an international prefix, grouping or
/// a label. Date ranges, years and digits glued from icons are refused.
pub fn phone_in(text: &str) -> Option<String> {
    for m in PHONE_RUN.find_iter(text) {
        let mut s = m.as_str().trim();
        // A stray digit before the real number ("7 +49 170 ..." from an icon glyph).
        if let Some(pos) = s.find(['+', '(']) {
            if pos > 0
                && s[..pos].trim().chars().all(|c| c.is_ascii_digit())
                && s[..pos].trim().len() <= 1
            {
                s = s[pos..].trim();
            }
        }
        let digits = s.chars().filter(char::is_ascii_digit).count();
        if !(7..=15).contains(&digits) {
            continue;
        }
        if !find_dates(s).is_empty() && !s.starts_with('+') && !s.starts_with('(') {
            // "2018 - 2020", "15.01.2020": dates, not phones; a phone rarely parses as one.
            let plain_digits = s
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == ' ')
                .count()
                == s.len();
            if !plain_digits || digits < 10 {
                continue;
            }
        }
        // "(2015 2017": years side by side.
        let years = s
            .split(|c: char| !c.is_ascii_digit())
            .filter(|g| !g.is_empty())
            .all(|g| g.len() == 4 && (g.starts_with("19") || g.starts_with("20")));
        if years {
            continue;
        }
        let groups = s
            .split(|c: char| !c.is_ascii_digit())
            .filter(|g| !g.is_empty())
            .count();
        if !s.starts_with('+') && groups == 1 && digits < 10 {
            continue;
        }
        let open = s.matches('(').count();
        let close = s.matches(')').count();
        let s = if open > close {
            s.trim_end_matches('(')
        } else {
            s
        };
        let s = s.trim_end_matches(['-', '.', '/', ' ']);
        if s.starts_with(')') {
            continue;
        }
        return Some(s.to_string());
    }
    None
}

/// Cuts a header line into its parts at `|`, `•`, `·`, spaced dashes and tabs.
pub fn chunks(text: &str) -> Vec<&str> {
    text.split(['|', '•', '·', '◆', '⋅', '∙', '\t'])
        .flat_map(|p| p.split(" – ").flat_map(|q| q.split(" — ")))
        .map(|p| p.trim().trim_matches(|c: char| c == ',' || c == ';').trim())
        .filter(|p| !p.is_empty())
        .collect()
}

/// A social profile or website from a URL.
pub fn profile_from_url(url: &str) -> (Option<SocialProfile>, String) {
    let clean = url.trim_end_matches(['.', '/', ')']);
    let full = if clean.starts_with("http") {
        clean.to_string()
    } else {
        format!("https://{clean}")
    };
    let host_path = clean
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("www.");
    let lower = host_path.to_ascii_lowercase();
    for (domain, network) in NETWORKS {
        if let Some(rest) = lower.strip_prefix(domain) {
            let path = &host_path[domain.len()..];
            if !(rest.is_empty() || rest.starts_with('/')) {
                continue;
            }
            let segs: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
            let user = match segs.as_slice() {
                ["in" | "pub" | "company" | "u" | "users", u, ..] => Some(*u),
                [u, ..] => Some(*u),
                [] => None,
            };
            let p = SocialProfile {
                network: Some((*network).to_string()),
                username: user.map(|u| u.trim_start_matches('@').to_string()),
                url: Some(full.clone()),
                ..SocialProfile::default()
            };
            return (Some(p), full);
        }
    }
    (None, full)
}

/// Reads contact facts from the header lines (`header`) and, for what is missing, from the
/// whole document (`all`): some resumes put the contact line at the bottom.
pub fn extract(header: &[RLine], all: &[RLine]) -> Contact {
    let mut c = Contact::default();
    for (i, l) in header.iter().enumerate() {
        scan_line(&mut c, &l.text, i, true);
    }
    if c.email.is_none() || c.phone.is_none() || c.profiles.is_empty() {
        for (i, l) in all.iter().enumerate() {
            let mut extra = Contact::default();
            scan_line(&mut extra, &l.text, header.len() + i, false);
            if c.email.is_none() {
                c.email = extra.email.take();
            }
            // A phone only with a label or a leading `+` outside the header: numbers in the body are facts.
            if c.phone.is_none()
                && (l.text.contains('+') || has_phone_label(&l.text))
                && c.email
                    .as_ref()
                    .is_some_and(|e| e.1 >= header.len() && e.1.abs_diff(header.len() + i) <= 2)
            {
                c.phone = extra.phone.take();
            }
        }
    }
    name_and_label(&mut c, header);
    c
}

fn has_phone_label(text: &str) -> bool {
    let l = text.to_lowercase();
    [
        "tel",
        "phone",
        "mobile",
        "cell",
        "handy",
        "telefon",
        "tél",
        "teléfono",
        "móvil",
        "portable",
    ]
    .iter()
    .any(|w| l.contains(w))
}

fn scan_line(c: &mut Contact, text: &str, i: usize, header: bool) {
    let mut rest = text.to_string();
    if let Some(e) = email_in(text) {
        if c.email.is_none() {
            c.email = Some((e.clone(), i));
        }
        rest = rest.replace(&e, " ");
    }
    for m in URL.find_iter(&rest.clone()) {
        let u = m.as_str();
        if u.contains('@') || !header && !u.contains('/') && !u.starts_with("www.") {
            continue;
        }
        // "Node.js" and friends are not links: a bare host needs a known TLD and no capital letters.
        if !u.contains('/') && !u.starts_with("www.") && u.chars().any(char::is_uppercase) {
            continue;
        }
        let (profile, full) = profile_from_url(u);
        match profile {
            Some(p) if !c.profiles.iter().any(|q| q.network == p.network) => c.profiles.push(p),
            Some(_) => {}
            None if c.url.is_none() => c.url = Some(full),
            None => {}
        }
        rest = rest.replace(u, " ");
    }
    for cap in HANDLE.captures_iter(text) {
        let net = cap
            .get(1)
            .map_or("", |m| m.as_str())
            .to_lowercase()
            .replace(' ', "");
        let user = cap.get(2).map_or("", |m| m.as_str()).trim_end_matches('.');
        let Some((domain, network)) = NETWORKS
            .iter()
            .find(|(d, _)| d.starts_with(&format!("{net}.")))
        else {
            continue;
        };
        if user.is_empty()
            || c.profiles
                .iter()
                .any(|q| q.network.as_deref() == Some(network))
        {
            continue;
        }
        let url = if *domain == "linkedin.com" {
            format!("https://{domain}/in/{user}")
        } else {
            format!("https://{domain}/{user}")
        };
        c.profiles.push(SocialProfile {
            network: Some((*network).into()),
            username: Some(user.into()),
            url: Some(url),
            ..SocialProfile::default()
        });
    }
    if c.phone.is_none() {
        if let Some(p) = phone_in(&rest) {
            c.phone = Some((p.clone(), i));
            rest = rest.replace(&p, " ");
        }
    }
    if header && c.location.is_none() {
        for chunk in chunks(&rest) {
            let chunk = strip_label(chunk);
            if let Some(loc) = location_of(chunk) {
                c.location = Some((loc, i));
                break;
            }
        }
    }
}

fn strip_label(chunk: &str) -> &str {
    match chunk.split_once(':') {
        Some((label, rest)) if label.split_whitespace().count() <= 2 && !rest.trim().is_empty() => {
            rest.trim()
        }
        _ => chunk,
    }
}

/// A location from "City, Region", "City, Country" or "Street – City – Region, Country, Zip".
pub fn location_of(chunk: &str) -> Option<Location> {
    let t = chunk.trim();
    if !entries::looks_like_location(t) {
        return None;
    }
    let parts: Vec<&str> = t
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    // "JavaScript, Typescript, Python": a list of tools has the shape of a place.
    let taxonomy = crate::skills::Taxonomy::builtin();
    if parts.len() > 4 || parts.iter().any(|p| taxonomy.lookup(p).is_some()) {
        return None;
    }
    let mut loc = Location::default();
    match parts.as_slice() {
        [one] => loc.city = Some((*one).to_string()),
        [city, region] => {
            loc.city = Some((*city).to_string());
            loc.region = Some((*region).to_string());
        }
        [addr @ .., city, region] => {
            loc.address = Some(addr.join(", "));
            loc.city = Some((*city).to_string());
            loc.region = Some((*region).to_string());
        }
        [] => return None,
    }
    Some(loc)
}

/// Whether a line reads as a person's name: two to five capitalised words of letters.
pub fn looks_like_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    // Headings run together ("SUMMARY EDUCATION") and tool names ("Python SQL") are not names.
    let taxonomy = crate::skills::Taxonomy::builtin();
    // …nor a heading with a suffix or in the singular ("Skill Details").
    if words.iter().any(|w| {
        sections::vocab_kind(w).is_some()
            || sections::stem_kind(w).is_some()
            || w.eq_ignore_ascii_case("details")
    }) || entries::org_score(text) > 0
        || words
            .iter()
            .filter(|w| taxonomy.lookup(w).is_some())
            .count()
            * 2
            > words.len()
    {
        return false;
    }
    if !(2..=5).contains(&words.len())
        || text.chars().count() > 50
        || sections::vocab_kind(text).is_some()
    {
        return false;
    }
    words.iter().all(|w| {
        let first = w.chars().next().unwrap_or(' ');
        (first.is_uppercase()
            || [
                "von", "van", "de", "der", "da", "di", "del", "la", "le", "du", "y", "bin", "al",
            ]
            .contains(w))
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
    }) && entries::title_score(text) == 0
}

fn name_and_label(c: &mut Contact, header: &[RLine]) {
    let used = |i: usize, c: &Contact| {
        c.email.as_ref().is_some_and(|e| e.1 == i)
            || c.phone.as_ref().is_some_and(|p| p.1 == i)
            || c.location.as_ref().is_some_and(|l| l.1 == i)
    };
    for (i, l) in header.iter().enumerate().take(8) {
        if used(i, c) {
            continue;
        }
        let first = chunks(&l.text).into_iter().next().unwrap_or("");
        let candidate = strip_label_name(first);
        if looks_like_name(candidate) {
            let name = if sections::all_caps(candidate) {
                title_case(candidate)
            } else {
                candidate.to_string()
            };
            c.name = Some((name, i));
            // "Andy Dufresne | Headed for the Pacific": the rest of the line is the headline.
            let rest: Vec<&str> = chunks(&l.text).into_iter().skip(1).collect();
            if !rest.is_empty() && email_in(&l.text).is_none() {
                c.label = Some(rest.join(" · "));
            }
            break;
        }
    }
    let Some((_, ni)) = c.name else { return };
    for (i, l) in header.iter().enumerate().skip(ni + 1).take(3) {
        // "Senior Backend Engineer · Berlin, Germany": a headline beside the place.
        let whole = !used(i, c) && location_of(&l.text).is_none();
        if c.label.is_none() && !whole && email_in(&l.text).is_none() {
            c.label = chunks(&l.text)
                .into_iter()
                .find(|k| {
                    entries::title_score(k) > 0
                        && !entries::looks_like_location(k)
                        && phone_in(k).is_none()
                        && k.split_whitespace().count() <= 8
                })
                .map(str::to_string);
        }
        if used(i, c) || URL.is_match(&l.text) || l.text.contains('@') {
            continue;
        }
        let words = l.text.split_whitespace().count();
        if c.label.is_none()
            && words <= 8
            && !l.text.ends_with('.')
            && location_of(&l.text).is_none()
        {
            c.label = Some(l.text.clone());
        } else if words > 8 {
            c.summary
                .push(l.text.trim_matches(['“', '”', '"']).to_string());
        }
    }
}

fn strip_label_name(text: &str) -> &str {
    let t = text.trim();
    for p in ["Name:", "Nombre:", "Nom:", "Name :"] {
        if let Some(rest) = t.strip_prefix(p) {
            return rest.trim();
        }
    }
    t
}

fn title_case(text: &str) -> String {
    text.split(' ')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn phones_in_international_formats() {
        assert_eq!(
            phone_in("Tel: +44 20 7946 0958").as_deref(),
            Some("+44 20 7946 0958")
        );
        assert_eq!(
            phone_in("(555) 123-4567 | a@b.co").as_deref(),
            Some("(555) 123-4567")
        );
        assert_eq!(
            phone_in("+49 170 1234567").as_deref(),
            Some("+49 170 1234567")
        );
        assert_eq!(phone_in("555.123.4567").as_deref(), Some("555.123.4567"));
        assert_eq!(
            phone_in("7 +49 170 1234567").as_deref(),
            Some("+49 170 1234567")
        );
        assert_eq!(
            phone_in("t el:(+82) 10-9030-1843").as_deref(),
            Some("(+82) 10-9030-1843")
        );
        assert_eq!(phone_in("123-456-7890").as_deref(), Some("123-456-7890"));
        assert_eq!(phone_in("Jan 2018 - 2020"), None);
        assert_eq!(phone_in("2018 - 2020"), None);
        assert_eq!(phone_in("15.01.2020"), None);
        assert_eq!(phone_in("2,000,000 users"), None);
    }

    #[test]
    fn links_and_names() {
        let (p, _) = profile_from_url("linkedin.com/in/jane-doe");
        let p = p.unwrap();
        assert_eq!(
            (p.network.as_deref(), p.username.as_deref()),
            (Some("LinkedIn"), Some("jane-doe"))
        );
        let (p, full) = profile_from_url("https://rendercv.com/");
        assert!(p.is_none());
        assert_eq!(full, "https://rendercv.com");
        assert!(looks_like_name("Jane van der Berg"));
        assert!(looks_like_name("JOHN DOE"));
        assert!(!looks_like_name("Senior Software Engineer"));
        assert!(!looks_like_name("Experience"));
        for place in [
            "London, UK",
            "Berlin, Germany",
            "Paris, France",
            "Madrid, España",
            "New York, NY",
            "Austin, TX",
            "Dublin, IE",
        ] {
            assert!(location_of(place).is_some(), "{place}");
        }
        assert!(location_of("JavaScript, Typescript, Python").is_none());
        let loc = location_of("San Francisco, CA").unwrap();
        assert_eq!(
            (loc.city.as_deref(), loc.region.as_deref()),
            (Some("San Francisco"), Some("CA"))
        );
    }
}
