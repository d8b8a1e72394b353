//! Line shapes: whether a piece of an entry's head reads as a job title, an organisation or
//! a place. Small multilingual word lists, looked up word by word.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

/// Title words in English, German, French and Spanish.
#[rustfmt::skip]
const TITLE_WORDS: &[&str] = &[
    "engineer", "engineering manager", "developer", "manager", "director", "intern", "internship", "founder",
    "co-founder", "cofounder", "cto", "ceo", "cfo", "coo", "cio", "vp", "president", "head", "lead", "leader",
    "analyst", "consultant", "architect", "scientist", "researcher", "assistant", "associate", "specialist",
    "designer", "administrator", "officer", "coordinator", "technician", "teacher", "professor", "lecturer",
    "tutor", "trainee", "apprentice", "owner", "partner", "principal", "staff", "senior", "junior", "sr", "jr",
    "programmer", "writer", "editor", "reporter", "tester", "nurse", "accountant", "representative", "agent",
    "clerk", "supervisor", "executive", "advisor", "adviser", "mentor", "fellow", "postdoc", "contractor",
    "freelance", "freelancer", "chef", "operator", "mechanic", "electrician", "pharmacist", "physician",
    "lawyer", "attorney", "paralegal", "secretary", "receptionist", "cashier", "trainer", "coach", "instructor",
    "strategist", "planner", "producer", "marketer", "recruiter", "buyer", "auditor", "economist",
    "statistician", "devops", "sre", "qa", "ux", "product owner", "scrum master", "member", "volunteer",
    "student", "student assistant", "presenter", "speaker", "chair", "organizer", "organiser", "maintainer",
    "contributor", "expert", "evangelist", "advocate", "entwickler", "entwicklerin", "ingenieur", "ingenieurin",
    "leiter", "leiterin", "berater", "beraterin", "praktikant", "praktikantin", "werkstudent", "werkstudentin",
    "geschäftsführer", "geschäftsführerin", "mitarbeiter", "mitarbeiterin", "referent", "sachbearbeiter",
    "softwareentwickler", "projektleiter", "teamleiter", "ingénieur", "ingénieure", "développeur",
    "développeuse", "chef de projet", "stagiaire", "responsable", "directeur", "directrice", "analyste",
    "chargé", "chargée", "alternant", "alternante", "ingeniero", "ingeniera", "desarrollador", "desarrolladora",
    "gerente", "jefe", "jefa", "analista", "becario", "becaria", "practicante", "consultor", "consultora",
    "técnico", "técnica", "coordinador", "coordinadora", "asesor", "asesora", "programador", "programadora",
    "cto & co-founder",
];

/// Words that mark an organisation.
#[rustfmt::skip]
const ORG_WORDS: &[&str] = &[
    "inc", "llc", "ltd", "gmbh", "ag", "sa", "sas", "sarl", "srl", "bv", "nv", "plc", "corp", "corporation",
    "co", "company", "group", "university", "universität", "université", "universidad", "college", "institute",
    "institut", "instituto", "school", "schule", "hochschule", "école", "escuela", "academy", "akademie",
    "labs", "lab", "laboratory", "technologies", "technology", "systems", "solutions", "bank", "hospital",
    "clinic", "agency", "foundation", "ministry", "department", "consulting", "services", "studio", "studios",
    "ventures", "capital", "holdings", "media", "software", "networks", "association", "society", "council",
    "center", "centre", "organization", "organisation", "command", "electronics", "research", "partners",
    "gmbh & co. kg", "kg", "e.v.", "limited", "industries", "international", "global", "consultancy", "pharma",
    "motors", "airlines", "stiftung", "verein", "fondation", "fundación",
];

static TITLE_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| TITLE_WORDS.iter().copied().collect());
static ORG_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| ORG_WORDS.iter().copied().collect());

/// Counts the words of `text` (lowercased into one reused buffer) that `hit` accepts.
fn count_words(text: &str, hit: impl Fn(&str) -> bool) -> usize {
    let mut buf = String::with_capacity(24);
    let mut n = 0;
    for w in text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '&')) {
        if w.is_empty() || w.len() > 30 {
            continue;
        }
        buf.clear();
        if w.is_ascii() {
            buf.push_str(w);
            buf.make_ascii_lowercase();
        } else {
            buf.extend(w.chars().flat_map(char::to_lowercase));
        }
        if hit(&buf) {
            n += 1;
        }
    }
    n
}

/// How strongly `text` reads as a job title (count of title words).
pub fn title_score(text: &str) -> usize {
    count_words(text, |w| {
        TITLE_SET.contains(w) || w.ends_with("engineer") || w.ends_with("entwickler")
    })
}

/// How strongly `text` reads as an organisation.
pub fn org_score(text: &str) -> usize {
    let mut s = count_words(text, |w| ORG_SET.contains(w.trim_end_matches('.')));
    if text.contains(" Inc")
        || text.contains(" Ltd")
        || text.contains("GmbH")
        || text.contains(" LLC")
        || text.contains("Co.")
    {
        s += 1;
    }
    s
}

static LOCATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?:
            [\p{Lu}0-9][\p{L}0-9.'’\-]*(?:\s+[\p{L}0-9.'’\-]+){0,4}
            (?:\s*,\s*[\p{Lu}][\p{L}.'’\-]*(?:\s+[\p{L}.'’\-]+){0,3}){1,3}
            (?:\s*,?\s*\d{4,5})?
          | (?i:remote|hybrid|on-?site|worldwide|home\s*office|télétravail|remoto|teletrabajo)(?:\s*\(.*\))?
          | [\p{Lu}][\p{L}.'’\-]+(?:\s+[\p{Lu}][\p{L}.'’\-]+)?\s*\((?i:remote|hybrid)\)
        )$",
    )
    .expect("location pattern is valid")
});

#[rustfmt::skip]
const PLACES: &[&str] = &[
    "london", "paris", "berlin", "munich", "münchen", "madrid", "barcelona", "new york", "nyc", "san francisco",
    "seattle", "boston", "chicago", "austin", "toronto", "amsterdam", "zurich", "zürich", "vienna", "wien",
    "hamburg", "frankfurt", "köln", "cologne", "lyon", "marseille", "sevilla", "valencia", "dublin",
    "singapore", "tokyo", "seoul", "remote",
];

/// Whether `text` is one of the well-known places (a city, "Remote").
pub fn known_place(text: &str) -> bool {
    PLACES.contains(&text.trim().to_lowercase().as_str())
}

/// Whether a short text is a place ("San Francisco, CA", "Berlin, Germany", "Remote").
pub fn looks_like_location(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() || t.chars().count() > 60 || title_score(t) > 0 {
        return false;
    }
    if PLACES.contains(&t.to_lowercase().as_str()) {
        return true;
    }
    if !LOCATION.is_match(t) {
        return false;
    }
    // "Omnious. Co., Ltd." and "Acme, Inc." are companies.
    org_score(t) == 0 || t.contains("Remote")
}
